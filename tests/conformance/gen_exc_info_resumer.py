# A generator suspended inside an except block and resumed by frames
# handling other exceptions (or none) sees its resumer's exception
# after leaving the block, as with CPython's per-generator state.
import sys
def g():
    try:
        raise ValueError
    except ValueError:
        yield 1
    print(sys.exc_info()[0])
    yield 2
    try:
        raise KeyError
    except KeyError:
        yield 3
        print("in", sys.exc_info()[0])
    print("after", sys.exc_info()[0])
    yield 4

gen = g()
try:
    raise IndexError
except IndexError:
    print(next(gen))
print(next(gen))
print(next(gen))
try:
    raise TypeError
except TypeError:
    print(next(gen))
    print("caller", sys.exc_info()[0])
print(sys.exc_info())

def h():
    yield sys.exc_info()[0]
    try:
        raise OSError
    except OSError:
        yield sys.exc_info()[0]
    yield sys.exc_info()[0]
gh = h()
for outer in (AttributeError, None, LookupError):
    if outer:
        try:
            raise outer
        except outer:
            print(next(gh))
    else:
        print(next(gh))
# inline-resumed (for loop) and via list()
def k():
    for i in range(3):
        try:
            raise ZeroDivisionError
        except ZeroDivisionError:
            yield i
        yield sys.exc_info()[0]
try:
    raise NameError
except NameError:
    for v in k():
        print(v, sys.exc_info()[0])
print(list(k()))
