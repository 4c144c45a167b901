# contextvars (native _contextvars): variables, tokens, contexts, per-thread state; decimal and fractions over it.
import contextvars as cv, threading, re

def show(f, *a, **k):
    try:
        print(re.sub(r"0x[0-9a-f]+", "ADDR", repr(f(*a, **k))))
    except Exception as e:
        print(type(e).__name__, re.sub(r"0x[0-9a-f]+", "ADDR", str(e)))

v = cv.ContextVar("v", default=1)
w = cv.ContextVar("w")
print(cv.ContextVar, cv.Token, cv.Context, v.name, v.get(), v.get(5), w.get(7))
show(repr, v); show(repr, w)
show(w.get)
t = w.set("a")
show(repr, t)
print(t.var is w, t.old_value is cv.Token.MISSING, repr(cv.Token.MISSING), w.get())
t2 = w.set("b"); print(t2.old_value, w.get())
w.reset(t2); print(w.get())
w.reset(t)
show(w.get)
show(w.reset, t)
show(v.reset, v.set(2)) ; print(v.get())
show(v.reset, 1)
show(w.reset, v.set(3))
def sub():
    class X(cv.ContextVar):
        pass
show(sub)
show(cv.Token)
show(cv.ContextVar, 1)
show(cv.ContextVar, "a", 1)
show(cv.ContextVar, "a", default=None)
show(cv.Context, 1)
def setname(): v.name = "q"
show(setname)
print(cv.ContextVar[int], cv.Token[str], hash(v) == hash(v))

ctx = cv.copy_context()
print(type(ctx).__name__, len(ctx), v in ctx, ctx[v], ctx.get(v), ctx.get(w), ctx.get(w, "d"))
show(ctx.__getitem__, w)
show(ctx.__getitem__, 1)
show(ctx.__contains__, "x")
show(hash, ctx)
print(sorted(k.name for k in ctx), sorted(k.name for k in ctx.keys()), list(ctx.values()), [(k.name, x) for k, x in ctx.items()])

def work(x):
    w.set(x)
    v.set(v.get() * 10)
    return w.get(), v.get()

c2 = cv.Context()
print(len(c2), c2.run(work, "in c2"), len(c2), c2[w], c2[v], w.get("outside"), v.get())
print(c2.run(work, "again"), c2[v])
c3 = c2.copy(); print(c3 == c2, c3 is c2, c3 != cv.Context(), cv.Context() == cv.Context())
show(c2.run, lambda: c2.run(print))
show(cv.Context().run, lambda: v.reset(t_outer))
t_outer = v.set(42)
show(cv.Context().run, lambda: v.reset(t_outer))
v.reset(t_outer); print(v.get())
print(cv.Context().run(lambda *a, **k: (a, k), 1, 2, z=3))
show(cv.Context().run)
def raiser():
    w.set("leak?")
    raise KeyError("inside")
c4 = cv.Context()
show(c4.run, raiser)
print(c4.get(w), w.get("none here"))

# each thread has its own current context, which starts empty
v.set(100)
out = []
def th(n):
    out.append((n, v.get(), w.get("unset")))
    w.set(n)
    out.append((n, w.get()))
ts = [threading.Thread(target=th, args=(i,)) for i in range(3)]
for x in ts: x.start()
for x in ts: x.join()
print(sorted(out), v.get(), w.get("main unset"))
res = []
c5 = cv.copy_context()
thr = threading.Thread(target=lambda: res.append(c5.run(v.get)))
thr.start(); thr.join(); print(res)

import decimal, fractions
from decimal import Decimal, localcontext, getcontext
getcontext().prec = 10
def dec_thread():
    res.append((getcontext().prec, str(Decimal(1) / Decimal(7))))
    getcontext().prec = 3
    res.append(str(Decimal(2).sqrt()))
res.clear()
thr = threading.Thread(target=dec_thread); thr.start(); thr.join()
print(res, getcontext().prec, Decimal(1) / Decimal(3))
with localcontext() as lc:
    lc.prec = 4
    print(Decimal(2) / Decimal(3))
print(Decimal(2) / Decimal(3), decimal.Context(prec=5).divide(1, 7))
print(fractions.Fraction(3, 4) + fractions.Fraction(1, 6), fractions.Fraction("0.125"), fractions.Fraction(1.5).limit_denominator(10))
print(fractions.Fraction(Decimal("1.25")), fractions.Fraction(7, -21), round(fractions.Fraction(7, 2)))
v = cv.ContextVar('v')
show(v.get, 1, 2); show(v.get, default=1); show(v.set); show(v.set, 1, 2); show(v.set, value=1); show(v.reset); show(v.reset, token=1)
c = cv.Context()
show(c.get); show(c.get, v, 1, 2); show(c.get, key=v); show(c.run); show(c.keys, 1); show(c.copy, 1); show(cv.copy_context, 1)
show(cv.ContextVar); show(cv.ContextVar, name='n'); show(cv.ContextVar, 'n', default=2, x=1); show(cv.Context, a=1)
show(lambda: cv.ContextVar('q', default=None).get()); show(lambda: list(c.items()))
show(lambda: c.run(v.set, 5).var is v); show(lambda: c[v]); show(lambda: len(c)); show(lambda: v in c); show(lambda: 1 in c)
show(lambda: c == 1); show(lambda: c != cv.Context())
