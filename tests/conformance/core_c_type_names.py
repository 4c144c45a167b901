# Messages name C-implemented types by tp_name, module included
# ("_io.BytesIO", "collections.deque"), as CPython does.
import io, collections
for o in [io.BytesIO(), io.StringIO(), collections.deque(), collections.defaultdict(int), open('/dev/null'), open('/dev/null', 'rb'), open('/dev/null', 'rb', buffering=0)]:
    try:
        o.nope
    except AttributeError as e:
        print(e)
    print(type(o), repr(type(o).__name__), type(o).__module__, type(o).__qualname__)
    try:
        o + 1
    except TypeError as e:
        print(e)
    try:
        len(o)
    except TypeError as e:
        print(e)
import array
for a, b in [(array.array('i'), 1), (collections.deque(), 1), (1, "x"), (io.BytesIO(), 2)]:
    try:
        a < b
    except TypeError as e:
        print(e)
