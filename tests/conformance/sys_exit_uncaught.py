# exit: 1
# An uncaught exception exits with status 1 after output already written.
print("partial output")
def fail():
    raise LookupError("uncaught lookup")
fail()
