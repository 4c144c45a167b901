# print(): sep, end, file, flush, multiple values, non-str objects.
import sys
print()
print("a", "b", 3, None, 2.5, [1], (2,), {"k": "v"})
print("a", "b", sep="")
print("a", "b", sep=" -- ", end="!\n")
print("no newline", end="")
print(" continued")
print(*range(5), sep=",")
print("to stdout", file=sys.stdout, flush=True)
print("x", sep=None, end=None)
print("é ü 日本 😀")
class S:
    def __str__(self): return "custom str"
print(S(), [S()].__len__())
sys.stdout.write("written directly\n")
print(sys.stdout.write("abc"), "<- write returns length")
try:
    print("a", sep=5)
except TypeError as e:
    print("TypeError", e)
try:
    print("a", file=5)
except AttributeError as e:
    print("AttributeError", e)
import io
buf = io.StringIO()
print("into buffer", 1, file=buf)
print(repr(buf.getvalue()))
print(end="only end\n")
print("tab\tand\\backslash", "quote'\"")
