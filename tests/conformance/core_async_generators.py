# The async generator protocol: async for, __anext__/asend/athrow/aclose
# awaitables and their states, anext()/aiter() builtins, finally blocks,
# asyncio's firstiter hook (unfinished generators closed at shutdown).
import asyncio, types, sys
log = []
async def agen(n):
    try:
        for i in range(n):
            got = yield i
            if got is not None:
                log.append(('got', got))
            await asyncio.sleep(0)
    except ValueError as e:
        log.append(('caught', str(e)))
        yield 'recovered'
    finally:
        log.append('finally')

async def main():
    print([x async for x in agen(3)], log)
    g = agen(5)
    print(type(g).__name__, type(g.__anext__()).__name__, g.ag_running, type(g.aclose()).__name__)
    print(await g.__anext__(), await g.asend('hello'), await anext(g), log[-1])
    print(await g.athrow(ValueError('boom')), log[-1])
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print('stop', log[-1])
    g2 = agen(10)
    await anext(g2)
    await g2.aclose()
    print('closed', log[-1])
    try:
        await anext(g2)
    except StopAsyncIteration:
        print('exhausted after aclose')
    print(await anext(agen(0), 'default'))
    it = aiter(agen(2)); print(it.__class__.__name__, [x async for x in it])
    aw = agen(1).__anext__()
    print(await aw)
    try:
        await aw
    except RuntimeError as e:
        print(e)
    hooks = sys.get_asyncgen_hooks()
    sys.set_asyncgen_hooks(firstiter=None)  # not closed again at shutdown
    async def bad():
        try:
            yield 1
        finally:
            yield 2
    b = bad(); await anext(b)
    try:
        await b.aclose()
    except RuntimeError as e:
        print(e)
    async def raises():
        yield 1
        raise StopAsyncIteration
    r = raises(); await anext(r)
    try:
        await anext(r)
    except RuntimeError as e:
        print(e)
    sys.set_asyncgen_hooks(*hooks)
    async def ret():
        yield 1
        return
    print([x async for x in ret()])
    print(isinstance(agen(1), types.AsyncGeneratorType), sys.get_asyncgen_hooks() != (None, None))
asyncio.run(main())
print(log)
