import sys, io
o, i = sys.stdout, sys.stdin
sys.stdin = io.StringIO("line one\n")
print(repr(input()))
sys.stdin = io.StringIO("")
try:
    input()
except EOFError as e:
    print("EOF", e)
sys.stdout = None
try:
    input('p')
except RuntimeError as e:
    msg = str(e)
sys.stdout = o
print(msg)
del sys.stdin
try:
    input('p')
except RuntimeError as e:
    print(e)
sys.stdin = None
try:
    input('p')
except RuntimeError as e:
    print(e)
sys.stdin = i
