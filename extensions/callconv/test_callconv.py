# Differential test of the calling conventions (callconv.c): right and
# wrong argument counts, keywords, every kind of argument and result,
# methods (a borrowed self), nested calls and threads.
import threading

import callconv as c


def show(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except Exception as e:
        # the type only: freepy names the function in the message as
        # ml_name, CPython 3.11 sometimes with its class or module
        print("  raised", type(e).__name__)
        return
    print("  ", type(r).__name__, repr(r))


values = [0, 1, -1, 7, 256, 257, -5, -6, 2**30, -(2**30), 2**59, 2**62, -(2**63), 2**64, 10**30,
          0.0, -2.5, 1e300, float("inf"), None, True, False, "s", "", b"b", (1, 2), [3], {"k": 4}]

print("noargs")
show(c.none)
show(c.none, 1)
show(c.none, x=1)
print("O")
for v in values:
    show(c.echo, v)
for v in ["null", "true", "false"]:
    show(c.echo, v)
show(c.echo)
show(c.echo, 1, 2)
show(c.echo, x=1)
for v in [0, 5, -5, 300, -(2**40), 2**62, 2.5, -0.0, "x"]:
    show(c.neg, v)
print("fastcall")
for n in range(7):
    show(c.fast, *values[:n])
show(c.fast, *values)
show(c.fast, 1, 2, k=3)
print("varargs")
for n in range(7):
    show(c.va, *values[n:n + n])
show(c.va, *values)
show(c.va, *range(40))
show(c.va_sum, *range(40))
show(c.va_sum, 1, 2, 3)
show(c.va_sum, 2**40, 5)
show(c.va_sum, 1, "x")
show(c.va, 1, k=2)
print("nested")
show(c.call, c.neg, 5)
show(c.call, lambda v: c.call(c.fast, v), 2**50)
show(c.call, lambda v: c.va(v, c.call(c.neg, v)), 9)
show(c.call, c.echo, "null")
print("methods")
k = c.Counter()
show(k.get)
show(k.add, 5)
show(k.add2, 1, 2, 3)
show(k.add2)
show(k.addv, 10, 20)
show(k.get)
show(k.add, "x")
show(k.get, 1)
show(k.add)
show(k.add, 1, k=2)
show(c.Counter.get, k)
show(c.Counter.add, k, 1)
show(c.Counter.kind)
show(k.kind)
show(c.Counter.twice, 21)
show(k.twice, "ab")
show(c.Counter.get)


class Sub(c.Counter):
    pass


s = Sub()
show(s.add2, 4, 5)
show(Sub.kind)

print("loops")
acc = 0
for i in range(3000):
    acc += c.neg(i) + c.va_sum(i, 1) + c.fast(i, i)[0] + k.add2(1)
    c.none()
print(acc, k.get())
print("threads")
out = []


def work(base):
    t = 0
    for i in range(2000):
        t += c.neg(base + i) + c.call(c.neg, i) + c.va_sum(i, base) + len(c.fast(i, base, i))
    out.append(t)


ts = [threading.Thread(target=work, args=(1000 * j,)) for j in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(out))
