# async for ending inside an except block keeps sys.exc_info(); a
# generator handling the very exception its resumer handles keeps it.
import sys, asyncio
async def agen():
    yield 1
    yield 2
async def main():
    try:
        raise KeyError
    except KeyError:
        async for v in agen():
            print(v, sys.exc_info()[0])
        print("after async for", sys.exc_info()[0])
        await asyncio.sleep(0)
        print("after await", sys.exc_info()[0])
    print("out", sys.exc_info()[0])
    try:
        raise ValueError
    except ValueError as e:
        exc = e
    def g():
        try:
            yield
        except Exception:
            yield sys.exc_info()[0]
            yield sys.exc_info()[0]
    gen = g(); next(gen)
    try:
        raise exc
    except ValueError:
        print(gen.throw(exc))
    print(next(gen))
asyncio.run(main())
