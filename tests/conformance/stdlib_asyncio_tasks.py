# asyncio's tasks and futures (the C _asyncio accelerator when it loads):
# scheduling order, gather, cancellation, exceptions, contextvars, shields,
# timeouts, queues and callbacks.
import asyncio
import contextvars
import sys

print("Task", asyncio.Task.__name__, asyncio.Future.__name__)

log = []


async def worker(name, n):
    for i in range(n):
        log.append((name, i))
        await asyncio.sleep(0)
    return name * n


async def ordering():
    t1 = asyncio.create_task(worker("a", 3))
    t2 = asyncio.create_task(worker("b", 2))
    r = await asyncio.gather(t1, t2, worker("c", 1))
    print("gather", r)
    print("log", log)


async def call_soon_order():
    loop = asyncio.get_running_loop()
    out = []
    for i in range(5):
        loop.call_soon(out.append, i)
    h = loop.call_soon(out.append, "cancelled")
    h.cancel()
    loop.call_later(0, out.append, "later")
    fut = loop.create_future()
    fut.add_done_callback(lambda f: out.append(("done", f.result())))
    loop.call_soon(fut.set_result, "R")
    await asyncio.sleep(0.01)
    print("call_soon", out)


async def failing(x):
    await asyncio.sleep(0)
    raise ValueError("bad %d" % x)


async def exceptions():
    try:
        await asyncio.gather(worker("x", 1), failing(1))
    except ValueError as e:
        print("gather raised", e)
    r = await asyncio.gather(failing(2), worker("y", 1), return_exceptions=True)
    print("return_exceptions", [type(x).__name__ + ":" + str(x) for x in r])
    t = asyncio.create_task(failing(3))
    await asyncio.sleep(0.01)
    print("task exception", t.done(), repr(t.exception()))
    try:
        t.result()
    except ValueError as e:
        print("result raised", e)


async def sleeper(ev):
    try:
        ev.set()
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("sleeper saw CancelledError")
        raise


async def cancellation():
    ev = asyncio.Event()
    t = asyncio.create_task(sleeper(ev))
    await ev.wait()
    print("cancel returns", t.cancel("stop it"))
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiting cancelled", e.args, t.cancelled(), t.done())
    inner = asyncio.create_task(worker("s", 2))
    outer = asyncio.shield(inner)
    outer.cancel()
    print("shield", await inner, outer.cancelled())
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.01)
    except asyncio.TimeoutError:
        print("wait_for timed out")
    f = asyncio.get_running_loop().create_future()
    f.cancel()
    print("future cancelled", f.cancelled(), f.done())
    try:
        f.result()
    except asyncio.CancelledError:
        print("result of cancelled future raises")


var = contextvars.ContextVar("var", default="unset")


async def read_var(tag):
    await asyncio.sleep(0)
    return tag, var.get()


async def ctxvars():
    var.set("main")
    t = asyncio.create_task(read_var("task"))
    var.set("changed after create")
    print("contextvar in task", await t)

    async def setter():
        var.set("inside")
        await asyncio.sleep(0)
        return var.get()

    print("set inside task", await asyncio.create_task(setter()), var.get())
    ctx = contextvars.Context()
    ctx.run(var.set, "ctx")
    t = asyncio.get_running_loop().create_task(read_var("with context"), context=ctx) if sys.version_info >= (3, 11) else None
    print("task context", await t)


async def queues():
    q = asyncio.Queue(maxsize=2)
    got = []

    async def producer():
        for i in range(5):
            await q.put(i)
        await q.put(None)

    async def consumer():
        while (x := await q.get()) is not None:
            got.append(x)

    await asyncio.gather(producer(), consumer())
    print("queue", got)


async def many():
    results = await asyncio.gather(*(asyncio.sleep(0, result=i) for i in range(1000)))
    print("many", sum(results), len(results))
    tasks = [asyncio.create_task(worker("m", 1)) for _ in range(100)]
    done, pending = await asyncio.wait(tasks)
    print("wait", len(done), len(pending))
    names = sorted({t.get_name()[:5] for t in tasks})
    print("names", names)
    print("current task", asyncio.current_task().get_coro().__name__, len(asyncio.all_tasks()) >= 1)


async def main():
    await ordering()
    await call_soon_order()
    await exceptions()
    await cancellation()
    await ctxvars()
    await queues()
    await many()
    return "finished"


print(asyncio.run(main()))


print("done")
