import sys, asyncio
def tr(frame, ev, arg):
    if frame.f_code.co_filename == __file__:
        a = arg if ev in ('return', 'c_call') else ''
        if ev == 'exception':
            a = arg[0].__name__
        print(ev, frame.f_code.co_name, frame.f_lineno - frame.f_code.co_firstlineno, a)
    return tr
async def inner(x):
    await asyncio.sleep(0)
    return x * 2
async def outer():
    r = await inner(3)
    return [i for i in range(r) if i % 2]
def genexp():
    return sum(x for x in range(3))
def yf():
    yield from range(2)
    return 'done'
def drive():
    g = yf()
    out = []
    while True:
        try:
            out.append(next(g))
        except StopIteration as e:
            out.append(e.value)
            break
    return out
sys.settrace(tr)
print(asyncio.run(outer()))
genexp()
print(drive())
class K:
    a = 1
    b = [i for i in range(2)]
    def m(self):
        return {k: v for k, v in zip('ab', (1, 2))}
print(K().m(), K.b)
def lam():
    f = lambda y: y + 1
    return f(1)
lam()
sys.settrace(None)
