# Statements that call a Go builtin (CALL; POP_TOP, run fused by the
# evaluation loop): the result is dropped, the stack is left as it was,
# errors carry the statement's line, a hook set by the call takes effect
# at once, and callables other than builtins still run as plain calls.
import sys
import traceback

out = []
for i in range(5):
    out.append(i)          # CALL_METHOD; POP_TOP (not fused)
    len(out)               # a builtin statement, result dropped
    abs(-i)
    print("iter", i, sum(out))
print(out)


def stack_depth_probe(n):
    # many builtin statements in a row must not grow or shrink the stack
    total = 0
    for i in range(n):
        min(i, 3)
        max(i, 3)
        isinstance(i, int)
        total += i
    return total


print(stack_depth_probe(1000))


def raising():
    x = 1
    len(5)                 # TypeError from a builtin statement
    return x


try:
    raising()
except TypeError as e:
    tb = traceback.extract_tb(e.__traceback__)
    print(type(e).__name__, e, [(f.name, f.line) for f in tb])

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "traced_body":
        events.append((event, frame.f_lineno - traced_body.__code__.co_firstlineno))
    return tracer


def traced_body():
    a = 1
    b = a + 1
    return b


def tracing(settrace):
    settrace(tracer)   # the hook is set by a builtin statement
    traced_body()
    settrace(None)


tracing(sys.settrace)
print(events)

calls = []


def profiler(frame, event, arg):
    if event.startswith("c_"):
        calls.append((event, arg.__name__))


def profiled(setprofile):
    setprofile(profiler)   # set by a builtin statement (CALL, not
    len("abc")             # CALL_METHOD): the builtin statements after
    abs(-2)                # it are seen at once
    setprofile(None)


profiled(sys.setprofile)
print(calls)


class NotBuiltin:
    def __call__(self, *a):
        print("called with", a)
        return "ignored"


nb = NotBuiltin()
nb(1, 2)


def pyfunc(x):
    print("pyfunc", x)
    return x


for i in range(3):
    pyfunc(i)


def gen():
    yield 1
    yield 2


g = gen()
next(g)
print(next(g))
try:
    next(g)
except StopIteration:
    print("stopped")


# statements calling built-in types' methods (CALL_METHOD; POP_TOP)
class MyList(list):
    def append(self, x):
        print("MyList.append", x)
        super().append(x * 10)


for lst in ([], MyList()):
    for i in range(3):
        lst.append(i)
        lst.extend((i, i))
        lst.sort()
    print(type(lst).__name__, lst)

d = {}
for i in range(4):
    d.update({i: i * i})
    d.setdefault("k", []).append(i)
print(d)


def method_raises():
    lst = [1, 2]
    lst.remove(99)         # ValueError from a method statement
    return lst


try:
    method_raises()
except ValueError as e:
    tb = traceback.extract_tb(e.__traceback__)
    print(type(e).__name__, e, [(f.name, f.line) for f in tb])
s = set()
for i in range(3):
    s.add(i)
    s.discard(i + 1)
print(sorted(s))
