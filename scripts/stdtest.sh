#!/bin/sh
# Runs selected modules of CPython 3.11's own regression suite (Debian's
# libpython3.11-testsuite, never copied into this repository) under freepy
# and prints one table row per module: tests run, failures, errors, skipped,
# and the outcome (ok, FAILED, CRASH for a Go panic or a missing summary,
# HANG for a time-out).
#
# usage: scripts/stdtest.sh [module ...]    (default: the core list below)
# env:   FREEPY (default bin/freepy), STDTEST_TIMEOUT seconds per module
#        (default 300), STDTEST_LOGS directory for each module's full output
#        (default tests/out/stdtest).
set -u
FREEPY=${FREEPY:-bin/freepy}
TIMEOUT=${STDTEST_TIMEOUT:-300}
LOGS=${STDTEST_LOGS:-tests/out/stdtest}
TESTDIR=/usr/lib/python3.11/test

if [ ! -f "$TESTDIR/test_grammar.py" ]; then
	echo "stdtest: CPython's test suite is not installed ($TESTDIR/test_grammar.py missing)." >&2
	echo "stdtest: install it with: apt-get install -y libpython3.11-testsuite" >&2
	exit 2
fi
if [ ! -x "$FREEPY" ]; then
	echo "stdtest: $FREEPY not built; run make first" >&2
	exit 2
fi

MODULES="$*"
if [ -z "$MODULES" ]; then
	MODULES="test_grammar test_int test_float test_long test_bool test_list
test_tuple test_dict test_set test_string test_unicode test_bytes
test_format test_fstring test_scope test_class test_descr test_exceptions
test_generators test_with test_contextlib test_itertools test_functools
test_collections test_enum test_dataclasses test_builtin test_types
test_augassign test_unpack test_patma test_keywordonlyarg test_opcodes
test_raise test_sort test_range test_slice test_math test_operator test_json
test_re test_textwrap test_tokenize test_string_literals"
fi

mkdir -p "$LOGS"
printf '%-20s %6s %6s %6s %6s  %s\n' module run fail error skip outcome
bad=0
for m in $MODULES; do
	if [ ! -e "$TESTDIR/$m.py" ] && [ ! -d "$TESTDIR/$m" ]; then
		printf '%-20s %6s %6s %6s %6s  %s\n' "$m" - - - - absent
		continue
	fi
	log="$LOGS/$m.log"
	timeout -k 5 "$TIMEOUT" "$FREEPY" -m unittest "test.$m" >"$log" 2>&1 </dev/null
	rc=$?
	# unittest's summary: "Ran N tests in ...", then "OK (skipped=S)" or
	# "FAILED (failures=F, errors=E, skipped=S)".
	run=$(sed -n 's/^Ran \([0-9]*\) tests\{0,1\} in .*/\1/p' "$log" | tail -1)
	last=$(grep -E '^(OK|FAILED)( \(|$)' "$log" | tail -1)
	# "[(,] *" so that "expected failures=N" does not count as failures
	num() { echo "$last" | sed -n "s/.*[(,] *$1=\([0-9]*\).*/\1/p"; }
	fail=$(num failures); err=$(num errors); skip=$(num skipped)
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		outcome=HANG
	elif grep -q '^goroutine [0-9]* \[' "$log" || grep -q '^panic: ' "$log"; then
		outcome=CRASH
	elif [ -z "$run" ] || [ -z "$last" ]; then
		outcome="CRASH(rc=$rc)"
	elif [ "${last#OK}" != "$last" ]; then
		outcome=ok
	else
		outcome=FAILED
	fi
	[ "$outcome" = ok ] || bad=$((bad + 1))
	printf '%-20s %6s %6s %6s %6s  %s\n' "$m" "${run:--}" "${fail:-0}" "${err:-0}" "${skip:-0}" "$outcome"
done
echo "stdtest: $bad module(s) not ok; full output in $LOGS/"
[ "$bad" -eq 0 ]
