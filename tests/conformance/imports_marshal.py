# marshal for plain data (importlib imports it): round trips, data
# written by CPython (with back-references), and the errors.
import marshal

s = "abc"
values = [None, True, False, 0, -5, 2**31 - 1, -2**31, 2**31, -2**40, 2**70, -(2**100) + 7,
          1.5, -0.0, float("inf"), 1 + 2j, "", "abc", "h\u00e9\U0001f600", "\udc80", "x" * 300,
          b"", b"bytes", bytearray(b"ba"), (), (1, 2), tuple(range(300)), [1, [2, [3]]],
          {"k": [1.5, None]}, {1, 2}, frozenset({"a"}), ..., StopIteration, [s, s]]
for v in values:
    data = marshal.dumps(v)
    back = marshal.loads(data)
    same = back == v or (v != v and back != back)
    print(type(v).__name__, same, type(back).__name__)
print(marshal.loads(marshal.dumps(float("nan"))) != marshal.loads(marshal.dumps(float("nan"))))
print(marshal.version)
cpython = (b'\xdb\r\x00\x00\x00\xda\x03abcr\x01\x00\x00\x00\xa9\x02\xe9\x01\x00\x00\x00\xe9\x02\x00\x00\x00'
           b'{\xda\x01k[\x03\x00\x00\x00\xe7\x00\x00\x00\x00\x00\x00\xf8?NT0l\x05\x00\x00\x00\x00\x00\x00'
           b'\x00\x00\x00\x00\x00\x00\x04\xe9\xfb\xff\xff\xff\xec\xfd\xff\xff\xff\x00\x00\x00\x00\x00\x04'
           b'\xf3\x01\x00\x00\x00x>\x01\x00\x00\x00r\x03\x00\x00\x00\xf9\x00\x00\x00\x00\x00\x00\xf0?\x00'
           b'\x00\x00\x00\x00\x00\x00@\xf5\x07\x00\x00\x00h\xc3\xa9\xf0\x9f\x98\x80.S')
v = marshal.loads(cpython)
print(v)
print(v[0] is v[1])
# CPython flags objects by reference count: compare values, not bytes
print(marshal.loads(marshal.dumps(1.5, 1)), marshal.loads(marshal.dumps(1.25, 0)), marshal.dumps(1.5, 1)[1:])
import io
buf = io.BytesIO()
marshal.dump([1, "two"], buf)
marshal.dump(3.0, buf)
buf.seek(0)
print(marshal.load(buf), marshal.load(buf))
for bad in [b"", b"i\x01", b"\x01", b"(\x02\x00\x00\x00N", b"r\x05\x00\x00\x00"]:
    try:
        marshal.loads(bad)
    except Exception as e:
        print(type(e).__name__, e)
for obj in [object(), lambda: 0, [1, object()]]:
    try:
        marshal.dumps(obj)
    except Exception as e:
        print(type(e).__name__, e)
