# exception chaining: __context__, __cause__, __suppress_context__, from None.
def show(e):
    print(type(e).__name__, e, "| cause:", repr(e.__cause__), "| context:", repr(e.__context__), "| suppress:", e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("implicit")
except ValueError as e:
    show(e)
try:
    try:
        {}["k"]
    except KeyError as k:
        raise RuntimeError("explicit") from k
except RuntimeError as e:
    show(e)
try:
    try:
        int("x")
    except ValueError:
        raise TypeError("hidden") from None
except TypeError as e:
    show(e)
try:
    raise OSError("cause set") from ValueError("the cause")
except OSError as e:
    show(e)
try:
    try:
        raise KeyError("a")
    finally:
        print("finally runs")
except KeyError as e:
    show(e)
def nested():
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise TypeError("second")
        except TypeError:
            raise IndexError("third")
try:
    nested()
except IndexError as e:
    show(e)
    show(e.__context__)
e = ValueError("manual")
e.__cause__ = KeyError("x")
print(e.__suppress_context__)
try:
    raise ValueError("x") from 5
except TypeError as err:
    print("TypeError", err)
try:
    try:
        raise ValueError("same")
    except ValueError as v:
        raise v
except ValueError as e:
    print("reraise same: context is", e.__context__)
