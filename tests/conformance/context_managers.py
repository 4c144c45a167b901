# with statement: enter/exit order, exception suppression, nesting, contextlib.
class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev, tb is not None)
        return self.suppress
with CM("a") as a, CM("b") as b:
    print("body", a, b)
with CM("s", suppress=True):
    raise ValueError("swallowed")
print("after suppressed")
try:
    with CM("n"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", e)
def early():
    with CM("ret"):
        return "returned"
print(early())
for i in range(3):
    with CM(f"loop{i}"):
        if i == 0:
            continue
        if i == 1:
            break
import contextlib
@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name
    finally:
        print(f"</{name}>")
with tag("p") as t:
    print("inside", t)
try:
    with tag("err"):
        raise RuntimeError("inside gen cm")
except RuntimeError as e:
    print("caught", e)
with contextlib.suppress(ZeroDivisionError):
    1 / 0
print("suppressed by contextlib")
with contextlib.ExitStack() as stack:
    for n in "xyz":
        stack.enter_context(CM(n))
    stack.callback(print, "callback ran")
class BadExit:
    def __enter__(self): return self
    def __exit__(self, *a): raise TypeError("from exit")
try:
    with BadExit():
        raise ValueError("original")
except TypeError as e:
    print("TypeError", e, "context:", repr(e.__context__))
try:
    with 42:
        pass
except TypeError as e:
    print("TypeError", e)
class NoExit:
    def __enter__(self): return self
try:
    with NoExit():
        pass
except TypeError as e:
    print("TypeError", e)
with contextlib.nullcontext(5) as v:
    print("nullcontext", v)
