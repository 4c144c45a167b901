# Assigning and deleting the args of an exception, re-running __init__.
e = ValueError(1, 2)
for label, fn in [("args=5", lambda: setattr(e, "args", 5)), ("del args", lambda: delattr(e, "args")),
                  ("args=list", lambda: setattr(e, "args", [3, 4]))]:
    try:
        fn()
        print(label, "ok", e.args)
    except Exception as x:
        print(label, type(x).__name__, x)
e.__init__("again")
print(e.args, str(e), repr(e))
o = OSError(2, "nf", "f.txt")
o.args = (5, "x")
print(o.args, str(o), o.errno, o.strerror, o.filename)
