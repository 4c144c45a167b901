#!/usr/bin/env bash
# Runs the static audit over the packages fetched by
# fetch-debian-extensions.sh and writes, into DIR:
#   audit.json      freepy-migrate audit --json over DIR/root
#   summary.md      freepy-migrate summarize (tables for docs/ecosystem-audit.md)
#   crosscheck.txt  the nm cross-check of the borrowed-reference findings
#
#   scripts/fetch-debian-extensions-report.sh [DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
DIR=${1:-"$here/debs"}
cd "$here/.."
go build -o "$DIR/freepy-migrate" ./cmd/freepy-migrate
cd "$DIR"
status=0
./freepy-migrate audit --json root >audit.json || status=$?
echo "audit exit status: $status (1 = risks found)"
./freepy-migrate summarize --root root audit.json >summary.md
"$here/fetch-debian-extensions-crosscheck.sh" audit.json ./freepy-migrate >crosscheck.txt
head -8 crosscheck.txt
