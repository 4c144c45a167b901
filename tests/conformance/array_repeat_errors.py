# array * x and x * array: CPython tries the left operand's sequence
# repeat first, so the message names the right operand when the left is
# a built-in sequence.
import array
a = array.array('i', [1])
for l, r in [(a, 'x'), ('x', a), ([1], a), (a, [1]), ((1,), a), (b'x', a),
             (bytearray(b'x'), a), (a, 1.5), (1.5, a), (a, None), (None, a),
             (a, a), (a, 2), (2, a), (a, True)]:
    try:
        print(l * r)
    except TypeError as e:
        print(e)
