# asyncio with and without the C accelerator (docs/benchmarks.md, "asyncio
# accelerator"): N trivial tasks gathered, then N ping-pongs of futures
# between two tasks; THREADS event loops run it at once, one per thread.
#   freepy bench/asyncio_tasks.py [N] [THREADS] [pure]
# "pure" hides the host's _asyncio so asyncio uses its Python classes.
import sys

if len(sys.argv) > 3 and sys.argv[3] == "pure":
    sys.modules["_asyncio"] = None
import asyncio
import threading
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
THREADS = int(sys.argv[2]) if len(sys.argv) > 2 else 1


async def trivial(i):
    return i


async def gather_many(n):
    r = await asyncio.gather(*(trivial(i) for i in range(n)))
    assert sum(r) == n * (n - 1) // 2


async def ping_pong(n):
    loop = asyncio.get_running_loop()
    box = [loop.create_future(), loop.create_future()]

    async def player(me, other, count):
        for i in range(count):
            v = await box[me]
            box[me] = loop.create_future()
            box[other].set_result(v + 1)
        return v

    a = asyncio.create_task(player(0, 1, n))
    b = asyncio.create_task(player(1, 0, n))
    box[0].set_result(0)
    await asyncio.gather(a, b, return_exceptions=True)


def one():
    t0 = time.perf_counter()
    asyncio.run(gather_many(N))
    t1 = time.perf_counter()
    asyncio.run(ping_pong(N))
    t2 = time.perf_counter()
    return t1 - t0, t2 - t1


res = []
ths = [threading.Thread(target=lambda: res.append(one())) for _ in range(THREADS)]
t0 = time.perf_counter()
for t in ths:
    t.start()
for t in ths:
    t.join()
wall = time.perf_counter() - t0
g = max(r[0] for r in res)
p = max(r[1] for r in res)
print(f"{asyncio.Task.__module__} threads={THREADS} N={N} gather={g:.3f}s pingpong={p:.3f}s wall={wall:.3f}s")
