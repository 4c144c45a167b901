# Driver for extensions/capi_api: one line per C-API area.
import capi_api as c

print("sets", c.sets())
print("slices", c.slices(slice(1, None, 2)), c.slices(slice(None, None, -1)))
print("buffers", c.buffers(b"hello"), c.buffers(bytearray(b"\x01\x02")), c.buffers(memoryview(b"xyz")))
try:
    c.buffers("text")
except TypeError as e:
    print("TypeError", e)
print("numbers", c.numbers(7, 3), c.numbers(-2, 5))
try:
    c.numbers(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
lst = [3, 1, 2]
print("sequences", c.sequences(lst), lst)
d = {"a": 1, "gone": 2}
print("mappings", c.mappings(d), d)
print("strings", c.strings("héllo wörld ok"), c.strings("abc"))
print("errors", c.errors(lambda: {}["missing"]), c.errors(lambda: [][1]), c.errors(lambda: "fine"))
print("objects", c.objects(3.5), c.objects("s"), c.objects(7))
print("modules", c.modules())
print("capsule", c.capsule())
