import types, sys, traceback
def get_tb():
    try:
        raise OSError()
    except OSError as e:
        return e.__traceback__
other = get_tb()
f = sys._getframe()
tb = types.TracebackType(other, f, 1, 2)
print(tb.tb_next is other, tb.tb_frame is f, tb.tb_lasti, tb.tb_lineno)
tb = types.TracebackType(None, f, 6, 7)
print(tb.tb_next, tb.tb_lasti, tb.tb_lineno)
tb2 = types.TracebackType(tb_next=tb, tb_frame=f, tb_lasti=3, tb_lineno=4)
print(tb2.tb_next is tb, tb2.tb_lineno)
for a in [('no', f, 1, 2), (None, 'no', 1, 2), (None, f, 'no', 2), (None, f, 1, 'x'), (None, f, 1), (None, f, 1, 2, 3)]:
    try:
        types.TracebackType(*a)
    except TypeError as e:
        print("TE", e)
e = ValueError("built")
e = e.with_traceback(types.TracebackType(None, f, 0, 12))
try:
    raise e
except ValueError as x:
    print([ln for _, ln in traceback.walk_tb(x.__traceback__)])
