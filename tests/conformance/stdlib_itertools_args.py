# itertools.repeat and compress parse their arguments as
# PyArg_ParseTupleAndKeywords does, with its messages.
import itertools as I
for f in [lambda: I.repeat(1, 2, 3), lambda: I.repeat(1, x=3), lambda: I.repeat(), lambda: I.compress('a', [1], 3), lambda: I.compress('a', x=1), lambda: I.compress(data='a', selectors=[1], z=2), lambda: I.repeat(1, 2, x=3), lambda: I.repeat(1, object=2), lambda: I.repeat(times=2), lambda: I.compress('a', data='b')]:
    try:
        print(list(I.islice(f(), 3)))
    except TypeError as e:
        print(e)
print(list(I.repeat(object='x', times=2)), list(I.compress(data='ab', selectors=[0, 1])))
