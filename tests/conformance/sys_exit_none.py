# SystemExit(None) and SystemExit(0) exit successfully.
import sys
print("exiting with None")
sys.exit(None)
