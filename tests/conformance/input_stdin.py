# stdin: input_stdin.txt
# input() and sys.stdin reading.
import sys
a = input()
b = input("prompt> ")
n = int(input())
nums = list(map(int, input().split()))
print(repr(a), repr(b), n * 2, sum(nums))
rest = sys.stdin.read()
print(repr(rest))
try:
    input()
except EOFError as e:
    print("EOFError", e)
print(sys.stdin.readline() == "", sys.stdin.isatty())
