# exit: 4
# SystemExit runs finally blocks and can be caught.
import sys
try:
    sys.exit(2)
except SystemExit as e:
    print("caught SystemExit", e.code, repr(e))
try:
    sys.exit()
except SystemExit as e:
    print("no-arg exit code", e.code)
try:
    raise SystemExit(1, 2)
except SystemExit as e:
    print("tuple args", e.code)
try:
    print("in try")
    sys.exit(4)
finally:
    print("finally before exit")
