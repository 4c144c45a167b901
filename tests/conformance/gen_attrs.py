# The attributes of generators, coroutines and async generators as 3.11
# names them (gi_/cr_/ag_ frame, code, running, suspended, yieldfrom,
# await, origin), writable __name__/__qualname__, inspect's state
# functions, and sys.set_coroutine_origin_tracking_depth (which
# asyncio's debug mode uses).
import inspect, asyncio, sys, threading
def g(): yield 1
async def c(): pass
async def a(): yield 1
x, y, z = g(), c(), a()
print([n for n in dir(x) if n.startswith("gi_")], [n for n in dir(y) if n.startswith("cr_")], [n for n in dir(z) if n.startswith("ag_")])
print(x.gi_suspended, y.cr_suspended, inspect.getgeneratorstate(x), inspect.getcoroutinestate(y))
next(x); print(x.gi_suspended, inspect.getgeneratorstate(x), x.gi_yieldfrom)
x.__name__ = "nm"; x.__qualname__ = "q.nm"; print(repr(x)[:28], x.__name__, x.__qualname__)
for bad in (lambda: setattr(x, "__name__", 1), lambda: delattr(x, "__qualname__")):
    try: bad()
    except TypeError as e: print(e)
list(x); print(x.gi_suspended, inspect.getgeneratorstate(x), x.gi_frame)
print(y.cr_frame.f_back, y.cr_code.co_name, y.cr_running, y.cr_await, y.cr_origin, z.ag_frame.f_back, z.ag_running)
y.close()
def outer_gen():
    yield from inner_gen()
def inner_gen():
    yield 5
o = outer_gen(); next(o); print(o.gi_yieldfrom.__name__, inspect.getgeneratorstate(o.gi_yieldfrom))
def running():
    print("inside", inspect.getgeneratorstate(r), r.gi_running, r.gi_suspended)
    yield
r = running(); next(r)

async def cc(): pass
def mk(): return cc()
def outer(): return mk()
x = cc(); print(x.cr_origin); x.close()
sys.set_coroutine_origin_tracking_depth(2)
x = outer(); print([(l, n) for f, l, n in x.cr_origin]); x.close()
sys.set_coroutine_origin_tracking_depth(depth=10)
x = outer(); print([(l, n) for f, l, n in x.cr_origin]); x.close()
for bad in (-1, "x"):
    try: sys.set_coroutine_origin_tracking_depth(bad)
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
print(sys.get_coroutine_origin_tracking_depth())
def th(): print("thread", sys.get_coroutine_origin_tracking_depth())
t = threading.Thread(target=th); t.start(); t.join()
sys.set_coroutine_origin_tracking_depth(0)
x = outer(); print(x.cr_origin); x.close()
async def main():
    return 5
print(asyncio.run(main(), debug=True))
