#!/usr/bin/env bash
# Fetches Debian's architecture-specific python3-* packages (the ones that can
# hold compiled extension modules) and unpacks each into DIR/root/<package>/,
# without installing anything. Used by the ecosystem audit
# (docs/ecosystem-audit.md); DIR defaults to scripts/debs, which git ignores.
#
#   scripts/fetch-debian-extensions.sh [DIR]
#
# Environment: MAX_BYTES caps the total download (default 2000000000, i.e.
# ~2 GB of .deb files); packages are taken in name order until the cap.
# Records DIR/candidates.txt (every candidate: name version size),
# DIR/fetched.txt (what was downloaded and unpacked), DIR/failed.txt and
# DIR/manifest.txt (date, counts, sizes). Re-running skips finished work.
set -euo pipefail

DIR=${1:-"$(dirname "$0")/debs"}
MAX_BYTES=${MAX_BYTES:-2000000000}
mkdir -p "$DIR/debs" "$DIR/root"
DIR=$(cd "$DIR" && pwd)

# apt-cache knows nothing until the package lists are fetched once.
if ! apt-cache show python3-minimal >/dev/null 2>&1; then
	apt-get update -qq
fi

# Architecture: amd64 (not "all") marks a package with compiled code; -dbg
# packages hold only detached debug info.
apt-cache dumpavail | awk '
	/^Package: /      { p = $2; a = ""; v = ""; s = 0 }
	/^Architecture: / { a = $2 }
	/^Version: /      { v = $2 }
	/^Size: /         { s = $2 }
	/^$/ {
		if (p ~ /^python3-/ && p !~ /-dbg$/ && a == "amd64") print p, v, s
		p = ""
	}' | sort -u -k1,1 >"$DIR/candidates.txt"

: >"$DIR/selected.txt"
awk -v max="$MAX_BYTES" '{ if (t + $3 <= max) { t += $3; print } }' \
	"$DIR/candidates.txt" >"$DIR/selected.txt"

# apt-get download names files pkg_version_arch.deb (":" escaped as %3a).
cd "$DIR/debs"
missing=()
while read -r pkg ver _; do
	f="${pkg}_${ver//:/%3a}_amd64.deb"
	[ -s "$f" ] || missing+=("$pkg=$ver")
done <"$DIR/selected.txt"
: >"$DIR/failed.txt"
if [ ${#missing[@]} -gt 0 ]; then
	echo "downloading ${#missing[@]} packages into $DIR/debs" >&2
	# Batches keep one bad package from failing all; a failed batch is
	# retried one package at a time so that the failure is recorded.
	printf '%s\n' "${missing[@]}" | xargs -n 40 sh -c \
		'apt-get download -qq -o APT::Sandbox::User=root "$@" 2>/dev/null || for p in "$@"; do apt-get download -qq -o APT::Sandbox::User=root "$p" >/dev/null 2>&1 || echo "$p" >>"$0"; done' \
		"$DIR/failed.txt"
fi

: >"$DIR/fetched.txt"
while read -r pkg ver size; do
	f="${pkg}_${ver//:/%3a}_amd64.deb"
	[ -s "$f" ] || continue
	if [ ! -e "$DIR/root/$pkg/.unpacked" ]; then
		rm -rf "$DIR/root/$pkg"
		mkdir -p "$DIR/root/$pkg"
		dpkg-deb -x "$f" "$DIR/root/$pkg"
		touch "$DIR/root/$pkg/.unpacked"
	fi
	echo "$pkg $ver $size" >>"$DIR/fetched.txt"
done <"$DIR/selected.txt"

{
	echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "release: $(. /etc/os-release && echo "$PRETTY_NAME")"
	echo "candidates: $(wc -l <"$DIR/candidates.txt")"
	echo "selected: $(wc -l <"$DIR/selected.txt") (cap $MAX_BYTES bytes)"
	echo "fetched: $(wc -l <"$DIR/fetched.txt")"
	echo "failed: $(wc -l <"$DIR/failed.txt")"
	echo "deb bytes: $(awk '{ t += $3 } END { print t + 0 }' "$DIR/fetched.txt")"
	echo "unpacked bytes: $(du -sb "$DIR/root" | cut -f1)"
	echo "extension-like .so files: $(find "$DIR/root" -name '*.so' -type f | wc -l)"
} >"$DIR/manifest.txt"
cat "$DIR/manifest.txt"
