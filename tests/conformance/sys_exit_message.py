# exit: 1
# SystemExit with a string: message on stderr, exit code 1.
print("stdout before")
raise SystemExit("fatal: something went wrong")
