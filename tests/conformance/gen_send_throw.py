# generator send/throw/close protocol.
def echo():
    received = []
    try:
        while True:
            try:
                v = yield len(received)
                received.append(v)
            except ValueError as e:
                print("caught", e)
                received.append("E")
    finally:
        print("final", received)
g = echo()
print(next(g))
print(g.send("a"), g.send("b"))
print(g.throw(ValueError("bad")))
print(g.throw(ValueError, "bad2"))
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
try:
    next(g)
except StopIteration:
    print("exhausted")
g = echo()
try:
    g.send(1)
except TypeError as e:
    print("TypeError", e)
def ignores_exit():
    try:
        yield
    except GeneratorExit:
        print("ignoring")
    yield "after"
g = ignores_exit(); next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError", e)
def returns_on_throw():
    try:
        yield 1
    except Exception:
        return "handled"
g = returns_on_throw(); next(g)
try:
    g.throw(Exception)
except StopIteration as e:
    print("StopIteration", e.value)
def unstarted():
    print("never printed")
    yield
g = unstarted()
try:
    g.throw(IndexError("early"))
except IndexError as e:
    print("IndexError", e)
print(g.send(None) if False else "skip")
try:
    next(g)
except StopIteration:
    print("unstarted generator is finished after throw")
def reentrant():
    yield next(me)
me = reentrant()
try:
    next(me)
except ValueError as e:
    print("ValueError", e)
