# cffi in ABI mode (Debian python3-cffi over the compiled _cffi_backend;
# scripts/ensure-deps.sh installs it): dlopen, calls, structs, variadic
# calls, callbacks from C (qsort), buffers.
import cffi
ffi = cffi.FFI()
ffi.cdef("""
int abs(int);
size_t strlen(const char *);
double sqrt(double);
typedef struct { int x; double y; } pt;
int snprintf(char *, size_t, const char *, ...);
void qsort(void *base, size_t nmemb, size_t size, int (*compar)(const void *, const void *));
""")
C = ffi.dlopen(None)
print(C.abs(-3), C.strlen(b"hello"))
m = ffi.dlopen("libm.so.6")
print(m.sqrt(2.0))
p = ffi.new("pt *", {"x": 4, "y": 2.5})
print(p.x, p.y, ffi.sizeof("pt"), ffi.typeof(p))
buf = ffi.new("char[]", 64)
n = C.snprintf(buf, 64, b"%d-%s", ffi.cast("int", 42), ffi.new("char[]", b"ok"))
print(n, ffi.string(buf))
arr = ffi.new("int[]", [5, 3, 9, 1])
@ffi.callback("int(const void *, const void *)")
def cmp(a, b):
    x, y = ffi.cast("int *", a)[0], ffi.cast("int *", b)[0]
    return (x > y) - (x < y)
C.qsort(arr, 4, ffi.sizeof("int"), cmp)
print(list(arr), len(arr))
print(ffi.unpack(ffi.new("char[]", b"abc"), 3), ffi.string(ffi.new("wchar_t[]", "h\u00e9\U0001F600")))
b = ffi.buffer(arr)
print(b[:4], len(b), b[0])
print(ffi.cast("long", -1), int(ffi.cast("unsigned char", 300)))
try:
    C.nonexistent_function_xyz
except AttributeError as e:
    print("AttributeError", str(e)[:60])
