# RecursionError is catchable and the interpreter recovers.
import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("RecursionError", e)
def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
d = depth(0)
print(500 < d <= sys.getrecursionlimit())
class Loop:
    def __repr__(self):
        return repr(self)
try:
    repr(Loop())
except RecursionError as e:
    print("RecursionError from __repr__")
def ok(n):
    return 0 if n == 0 else 1 + ok(n - 1)
print(ok(500))
old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
try:
    ok(500)
except RecursionError:
    print("lower limit applies")
sys.setrecursionlimit(old)
print(sys.getrecursionlimit() == old, ok(800))
nested = []
for _ in range(100000):
    nested = [nested]
try:
    s = str(nested)
    print("str of deep list", len(s) > 0)
except RecursionError:
    print("str of deep list: RecursionError")
