import atexit
import apinew as m
print("mapping", m.mapping({"a": 1}))
print("set_args", m.set_args(ValueError("old")))
o = object()
print("hash_pointer", m.hash_pointer(o))
class S:
    def __len__(self): return 3
s = S()
s.__len__ = lambda: 1000
print("lookup_special", m.lookup_special(s, "__len__"), m.lookup_special(s, "__nothing__"), m.lookup_special(5, "__neg__"))
class Meta(type):
    pass
T = m.meta_type(Meta)
print("meta_type", type(T).__name__, T.__name__, type(m.meta_type(None)).__name__, type(T()).__name__)
print("type_data", m.type_data())
import threading
print("thread", m.start_thread(lambda x: ("from C thread", x, threading.current_thread().name != "MainThread")))
atexit.register(print, "atexit ran")
print("exiting")
m.exit(3)
print("not reached")
