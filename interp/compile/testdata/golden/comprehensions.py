def comps(data):
    a = [x * 2 for x in data if x]
    b = {k: v for k, v in data.items()}
    c = {y for row in data for y in row}
    d = (z for z in data)
    return a, b, c, d

async def acomp(aiter):
    return [x async for x in aiter if await check(x)]
