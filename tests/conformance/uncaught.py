# exit: 1
# Uncaught exception with chaining: the last traceback line is the outer exception.
def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError(f"cannot parse {s!r}") from e
print(parse("12"))
print(parse("twelve"))
