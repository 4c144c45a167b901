import sys
def g():
    try:
        yield 1
    except Exception as e:
        print("caught", type(e).__name__, e)
        yield 2
x = g(); next(x)
for a in [(ValueError, 'foo', 23), (ValueError('x'), 'foo'), (ValueError, 'v', None)]:
    try:
        print(x.throw(*a))
    except Exception as e:
        print(type(e).__name__, e)
try:
    raise KeyError('k')
except KeyError as e:
    tb = e.__traceback__
y = g(); next(y)
print(y.throw(ValueError, ValueError('w'), tb))
