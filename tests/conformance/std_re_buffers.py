# re on buffers other than bytes (memoryview, array: one character per
# byte, results are bytes), group numbers given by any __index__ object,
# and pos/endpos converted before the subject is checked (json's
# scanstring too).
import array
import json.decoder
import re
import sys

mv = memoryview(b"a:b::c")
print(re.split(b":+", mv))
print(re.findall(b":+", mv))
print(re.sub(b"b", memoryview(b"X"), mv))
print(re.match(b"a", mv).group(), re.fullmatch(b"a|a:", mv[:2]).span())
print(re.search(rb"(.+)(.*?)\1", memoryview(b"abcabc")).groups())
print(re.compile(b"bla").match(array.array("b")))
print(re.search(b"b", array.array("b", b"abc")).span())
print(re.search(b"\\x00", array.array("i", [1, 0])).span())
try:
    re.match("a", memoryview(b"a"))
except TypeError as e:
    print("TypeError", e)
try:
    re.match(b"a", 12)
except TypeError as e:
    print("TypeError", e)


class Index:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


m = re.match("(a)(b)", "ab")
print(m.group(Index(1)), m.group(Index(2), 0), m.span(Index(2)), m.start(Index(0)))
for g in (Index(3), Index(-1), 1.0):
    try:
        m.group(g)
    except IndexError as e:
        print("IndexError", e)

for call in (lambda: re.compile("x").match(b"xxx", sys.maxsize + 1),
             lambda: re.compile("x").search(b"xxx", 0, sys.maxsize + 1),
             lambda: json.decoder.scanstring(b"xxx", sys.maxsize + 1),
             lambda: json.decoder.c_scanstring(b"xxx", sys.maxsize + 1),
             lambda: json.decoder.py_scanstring(b"xxx", sys.maxsize + 1)):
    try:
        call()
    except (OverflowError, TypeError) as e:
        print(type(e).__name__)
print(re.compile("x").match("xxx", -5, 99))
