# sys.stdlib_module_names, call_tracing, getallocatedblocks, _clear_type_cache
import sys
print(type(sys.stdlib_module_names).__name__, len(sys.stdlib_module_names), "os" in sys.stdlib_module_names, "numpy" in sys.stdlib_module_names, sorted(sys.stdlib_module_names)[:3])
print(sys.call_tracing(divmod, (7, 2)), sys.call_tracing(max, (1, 5, 3)))
try: sys.call_tracing(max, [1])
except TypeError as e: print(e)
print(isinstance(sys.getallocatedblocks(), int), sys._clear_type_cache())
