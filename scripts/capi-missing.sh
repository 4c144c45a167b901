#!/usr/bin/env bash
# Lists, for each compiled extension given (default: the host's CPython 3.11
# lib-dynload and Debian's dist-packages), the Py* / _Py* symbols it imports
# that bin/freepy does not export: what stands between it and loading.
# Usage: scripts/capi-missing.sh [freepy-binary] [file.so ...]
set -euo pipefail
bin=${1:-bin/freepy}
shift || true
if [ $# -eq 0 ]; then
  set -- /usr/lib/python3.11/lib-dynload/*.so $(find /usr/lib/python3/dist-packages -name '*.so' 2>/dev/null)
fi
defined=$(mktemp)
trap 'rm -f "$defined"' EXIT
nm -D --defined-only "$bin" | awk '{print $3}' | sort -u > "$defined"
for so in "$@"; do
  missing=$(nm -D --undefined-only "$so" 2>/dev/null | awk '{print $2}' | grep -E '^_?Py' | sed 's/@.*//' | sort -u | comm -23 - "$defined" | tr '\n' ' ')
  if [ -n "$missing" ]; then
    echo "$so: $missing"
  fi
done
