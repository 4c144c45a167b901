import sys
def f():
    x = 1
    raise ValueError(x)
try:
    f()
except ValueError as e:
    tb = e.__traceback__
fr = tb.tb_next.tb_frame
print(sorted(fr.f_locals))
fr.clear()
print(fr.f_locals)
try:
    sys._getframe().clear()
except RuntimeError as e:
    print("RuntimeError", e)
def g():
    try:
        yield 1
    finally:
        print("closed")
gen = g()
next(gen)
gen.gi_frame.clear()
print(list(gen))
# unittest's assertRaises does this with every exception it catches
import traceback
try:
    f()
except ValueError as e:
    traceback.clear_frames(e.__traceback__)
    print("cleared", e.__traceback__.tb_next.tb_frame.f_locals)


# clearing a frame of a closure leaves the closure's cells alone
def outer():
    v = 5

    def inner():
        raise KeyError(v)
    return inner


inner = outer()
for i in range(2):
    try:
        inner()
    except KeyError as e:
        traceback.clear_frames(e.__traceback__)
        print("closure still works", e)
