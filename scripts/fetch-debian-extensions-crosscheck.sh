#!/usr/bin/env bash
# Cross-checks the audit's borrowed-reference findings against binutils:
# for every .so that the audit reported on, `nm -D --undefined-only` lists
# the undefined dynamic symbols; those in the audit's borrowed table must be
# exactly the file's "borrowed_refs". Prints per-API counts from both sides
# and the number of files that agree.
#
#   scripts/fetch-debian-extensions-crosscheck.sh AUDIT.json FREEPY_MIGRATE
set -euo pipefail
json=$1
tool=${2:-freepy-migrate}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Names the audit reports in borrowed_refs: every table row but risk "none".
"$tool" borrowed | awk -F'\t' '$2 != "none" { print $1 }' | sort >"$work/table"

# The audit's side: "path<TAB>api" lines (python3 only reads the JSON).
python3 -c '
import json, sys
for r in json.load(open(sys.argv[1])):
    if r.get("error"):
        continue
    print(r["path"], file=sys.stderr)
    for api in r["borrowed_refs"]:
        print(r["path"] + "\t" + api)
' "$json" 2>"$work/paths" | sort >"$work/audit"

# binutils' side, for the same files.
# -A prefixes every line with "file:"; many files per nm run keeps it fast.
tr '\n' '\0' <"$work/paths" | xargs -0 -n 200 nm -D --undefined-only -A 2>/dev/null |
	awk -v table="$work/table" '
		BEGIN { while ((getline n <table) > 0) want[n] = 1 }
		{
			f = $1; sub(/:$/, "", f); s = $NF; sub(/@.*/, "", s)
			if (s in want) print f "\t" s
		}' | sort -u >"$work/nm"

files=$(wc -l <"$work/paths")
echo "files compared: $files"
echo "(file, API) pairs: audit $(wc -l <"$work/audit"), nm $(wc -l <"$work/nm")"
echo "pairs only in the audit: $(comm -23 "$work/audit" "$work/nm" | wc -l)"
echo "pairs only in nm: $(comm -13 "$work/audit" "$work/nm" | wc -l)"
disagree=$( (comm -3 "$work/audit" "$work/nm" | sed 's/^\t//' | cut -f1 | sort -u) | wc -l)
echo "files that agree: $((files - disagree)) of $files"
echo
printf '%-34s %8s %8s\n' API audit nm
while IFS= read -r api; do
	a=$(awk -F'\t' -v x="$api" '$2 == x' "$work/audit" | wc -l)
	n=$(awk -F'\t' -v x="$api" '$2 == x' "$work/nm" | wc -l)
	[ "$a$n" = 00 ] || printf '%-34s %8d %8d\n' "$api" "$a" "$n"
done <"$work/table"
comm -3 "$work/audit" "$work/nm" | head -20
