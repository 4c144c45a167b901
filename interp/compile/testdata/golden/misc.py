import os.path
import a.b.c as d
from ..pkg import name as alias, other
x, *rest = f"{os!r:>{width}}", *items
del x[1:2], alias.attr
assert rest, "message"
print(*args, sep="", **kw)
async def coro():
    async with a as b, c:
        await b
    async for i in b:
        yield i
def gen():
    yield from range(3)
    received = yield
