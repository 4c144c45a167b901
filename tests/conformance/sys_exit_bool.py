# exit: 1
# sys.exit(True) exits with 1; print to stderr too.
import sys
print("to stderr", file=sys.stderr)
sys.exit(True)
