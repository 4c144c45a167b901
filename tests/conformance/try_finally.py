# try/finally: return overriding, break/continue in finally, ordering.
def ret_override():
    try:
        return "try"
    finally:
        return "finally"
print(ret_override())
def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed the exception"
print(swallow())
def order():
    log = []
    try:
        log.append("try")
        return log
    finally:
        log.append("finally")
print(order())
def value_evaluated_before_finally():
    x = 1
    try:
        return x
    finally:
        x = 2
print(value_evaluated_before_finally())
def break_in_finally():
    for i in range(5):
        try:
            if i == 2:
                raise KeyError(i)
        finally:
            if i == 2:
                break
    return i
print(break_in_finally())
def continue_in_finally():
    out = []
    for i in range(4):
        try:
            if i % 2:
                raise ValueError(i)
            out.append(i)
        finally:
            continue
    return out
print(continue_in_finally())
def nested():
    log = []
    try:
        try:
            log.append("inner try")
            raise TypeError("t")
        finally:
            log.append("inner finally")
    except TypeError:
        log.append("outer except")
    finally:
        log.append("outer finally")
    return log
print(nested())
def loop_return():
    for i in range(3):
        try:
            return i
        finally:
            print("finally in loop", i)
print(loop_return())
def while_finally():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                break
            continue
        finally:
            print("finally", n)
    return n
print(while_finally())
def exc_in_finally():
    try:
        raise ValueError("first")
    finally:
        raise KeyError("second")
try:
    exc_in_finally()
except KeyError as e:
    print("KeyError", e, "context:", repr(e.__context__))
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
g = gen()
for v in g:
    print(v)
    break
g.close()
print("end")
def try_else_finally():
    log = []
    try:
        log.append("try")
    except Exception:
        log.append("except")
    else:
        log.append("else")
        return log
    finally:
        log.append("finally")
print(try_else_finally())
