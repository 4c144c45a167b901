#!/usr/bin/env bash
# Runs the conformance and CLI suites and deletes from tests/known_failures.txt
# every entry that now passes (the suite fails until they are deleted).
set -uo pipefail
cd "$(dirname "$0")/.."
out=$(go test -count=1 ./tests/ 2>&1)
keys=$(printf '%s\n' "$out" | sed -n 's/.*unexpectedly passes: remove from known_failures.txt (\([^ ]*\) .*/\1/p' | sort -u)
if [ -z "$keys" ]; then
  printf '%s\n' "$out" | tail -3
  exit 0
fi
for k in $keys; do
  grep -vF -- "$k " tests/known_failures.txt > tests/known_failures.txt.new || true
  mv tests/known_failures.txt.new tests/known_failures.txt
  echo "now passing: $k"
done
