/* C-API functions that compose the rest of the API: the 3.11 exports that
 * freepy's headers declared but nothing defined (docs/capi.md, "API
 * breadth"). Each follows CPython 3.11's documented behaviour; the ones
 * that need the interpreter are in capi/api_breadth.go. */
#include "shim.h"
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* ---- functions that are also macros or inlines ---- */

#undef Py_NewRef
#undef Py_XNewRef
#undef Py_Is
#undef Py_IsNone
#undef Py_IsTrue
#undef Py_IsFalse
PyObject *Py_NewRef(PyObject *obj) {
    Py_INCREF(obj);
    return obj;
}
PyObject *Py_XNewRef(PyObject *obj) {
    Py_XINCREF(obj);
    return obj;
}
int Py_Is(PyObject *x, PyObject *y) { return x == y; }
int Py_IsNone(PyObject *x) { return x == Py_None; }
int Py_IsTrue(PyObject *x) { return x == Py_True; }
int Py_IsFalse(PyObject *x) { return x == Py_False; }

/* ---- build information ---- */

const char *Py_GetBuildInfo(void) { return "freepy, " __DATE__ " " __TIME__; }
const char *Py_GetCompiler(void) {
#ifdef __clang__
    return "[Clang " __clang_version__ "]";
#elif defined(__GNUC__)
    return "[GCC " __VERSION__ "]";
#else
    return "[C]";
#endif
}
const char *Py_GetCopyright(void) {
    return "freepy is a Python 3.11 interpreter written in Go.\n"
           "Python is Copyright (c) 2001-2023 Python Software Foundation. All Rights Reserved.";
}
const char *Py_GetPlatform(void) { return "linux"; }
int PyEval_ThreadsInitialized(void) { return 1; }
const char *PyUnicode_GetDefaultEncoding(void) { return "utf-8"; }
/* freepy keeps no method cache that C code could make stale. */
unsigned int PyType_ClearCache(void) { return 0; }

/* ---- floats ---- */

double PyFloat_GetMax(void) { return DBL_MAX; }
double PyFloat_GetMin(void) { return DBL_MIN; }

static PyObject *sys_attr(const char *name) {
    PyObject *v = PySys_GetObject(name);
    if (v == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_RuntimeError, "lost sys.%s", name);
        }
        return NULL;
    }
    Py_INCREF(v);
    return v;
}
PyObject *PyFloat_GetInfo(void) { return sys_attr("float_info"); }
PyObject *PyLong_GetInfo(void) { return sys_attr("int_info"); }

/* Half precision (IEEE 754 binary16), rounding half to even as struct's
 * 'e' format does. */
int PyFloat_Pack2(double x, char *p, int le) {
    unsigned short bits;
    unsigned short sign = signbit(x) ? 0x8000 : 0;
    if (isnan(x)) {
        bits = sign | 0x7e00;
    } else if (isinf(x)) {
        bits = sign | 0x7c00;
    } else {
        double a = fabs(x);
        if (a == 0.0) {
            bits = sign;
        } else {
            int e;
            double f = frexp(a, &e); /* a = f * 2**e, 0.5 <= f < 1 */
            if (e > 16) {
                goto overflow;
            }
            unsigned long m;
            int exp;
            if (e < -13) {
                /* subnormal: units of 2**-24 */
                double scaled = ldexp(a, 24);
                m = (unsigned long)scaled;
                double rem = scaled - (double)m;
                if (rem > 0.5 || (rem == 0.5 && (m & 1))) {
                    m++;
                }
                exp = 0;
                if (m >= 0x400) { /* rounded up into the normal range */
                    exp = 1;
                    m -= 0x400;
                }
            } else {
                double scaled = ldexp(f, 11); /* 1024 <= scaled < 2048 */
                m = (unsigned long)scaled;
                double rem = scaled - (double)m;
                if (rem > 0.5 || (rem == 0.5 && (m & 1))) {
                    m++;
                }
                exp = e + 14;
                if (m >= 0x800) {
                    m >>= 1;
                    exp++;
                }
                m -= 0x400;
                if (exp >= 31) {
                    goto overflow;
                }
            }
            bits = sign | (unsigned short)(exp << 10) | (unsigned short)m;
        }
    }
    if (le) {
        p[0] = (char)(bits & 0xff);
        p[1] = (char)(bits >> 8);
    } else {
        p[0] = (char)(bits >> 8);
        p[1] = (char)(bits & 0xff);
    }
    return 0;
overflow:
    PyErr_SetString(PyExc_OverflowError, "float too large to pack with e format");
    return -1;
}

double PyFloat_Unpack2(const char *p, int le) {
    unsigned char lo = (unsigned char)(le ? p[0] : p[1]);
    unsigned char hi = (unsigned char)(le ? p[1] : p[0]);
    int sign = hi >> 7;
    int e = (hi & 0x7c) >> 2;
    unsigned int f = ((unsigned int)(hi & 0x03) << 8) | lo;
    double x;
    if (e == 0x1f) {
        x = f == 0 ? INFINITY : NAN;
    } else if (e == 0) {
        x = ldexp((double)f, -24);
    } else {
        x = ldexp((double)(f + 0x400), e - 25);
    }
    return sign ? -x : x;
}

/* hash(float): the value modulo the Mersenne prime 2**61 - 1, as for
 * ints; NaN hashes by identity. */
Py_hash_t _Py_HashDouble(PyObject *inst, double v) {
    if (isinf(v)) {
        return v > 0 ? 314159 : -314159;
    }
    if (isnan(v)) {
        return _Py_HashPointer(inst);
    }
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    const Py_uhash_t mod = ((Py_uhash_t)1 << 61) - 1;
    Py_uhash_t x = 0;
    while (m) {
        x = ((x << 28) & mod) | x >> (61 - 28);
        m *= 268435456.0; /* 2**28 */
        e -= 28;
        Py_uhash_t y = (Py_uhash_t)m;
        m -= (double)y;
        x += y;
        if (x >= mod) {
            x -= mod;
        }
    }
    e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
    x = ((x << e) & mod) | x >> (61 - e);
    x = x * (Py_uhash_t)sign;
    if (x == (Py_uhash_t)-1) {
        x = (Py_uhash_t)-2;
    }
    return (Py_hash_t)x;
}

/* Py_HashPointer (3.13): the pointer rotated by 4 bits, as CPython hashes
 * objects by identity. */
Py_hash_t Py_HashPointer(const void *ptr) { return _Py_HashPointer(ptr); }

/* ---- strings to numbers ---- */

/* PyOS_strtoul: like strtoul, but base 0 takes Python's prefixes (0b,
 * 0o, 0x) and a leading 0 followed by other digits is not octal: such
 * input stops at the 0. Overflow gives ULONG_MAX with errno ERANGE. */
unsigned long PyOS_strtoul(const char *str, char **ptr, int base) {
    const char *s = str;
    while (*s && Py_ISSPACE(*s)) {
        s++;
    }
    str = s; /* with no digits, the end is after the white space */
    if (base == 0) {
        if (s[0] == '0') {
            char c = (char)Py_TOLOWER(s[1]);
            if (c == 'x') {
                base = 16;
                s += 2;
            } else if (c == 'o') {
                base = 8;
                s += 2;
            } else if (c == 'b') {
                base = 2;
                s += 2;
            } else {
                /* "0", "00": zeros only */
                while (*s == '0') {
                    s++;
                }
                if (ptr) {
                    *ptr = (char *)s;
                }
                return 0;
            }
        } else {
            base = 10;
        }
    } else if (base == 16 && s[0] == '0' && Py_TOLOWER(s[1]) == 'x') {
        s += 2;
    } else if (base == 8 && s[0] == '0' && Py_TOLOWER(s[1]) == 'o') {
        s += 2;
    } else if (base == 2 && s[0] == '0' && Py_TOLOWER(s[1]) == 'b') {
        s += 2;
    }
    if (base < 2 || base > 36) {
        if (ptr) {
            *ptr = (char *)str;
        }
        return 0;
    }
    const char *start = s;
    unsigned long result = 0;
    int overflow = 0;
    for (;; s++) {
        int c = (unsigned char)*s, d;
        if (c >= '0' && c <= '9') {
            d = c - '0';
        } else if (c >= 'a' && c <= 'z') {
            d = c - 'a' + 10;
        } else if (c >= 'A' && c <= 'Z') {
            d = c - 'A' + 10;
        } else {
            break;
        }
        if (d >= base) {
            break;
        }
        if (result > (ULONG_MAX - (unsigned long)d) / (unsigned long)base) {
            overflow = 1;
        } else {
            result = result * (unsigned long)base + (unsigned long)d;
        }
    }
    if (s == start) {
        /* no digits: nothing parsed */
        if (ptr) {
            *ptr = (char *)str;
        }
        return 0;
    }
    if (ptr) {
        *ptr = (char *)s;
    }
    if (overflow) {
        errno = ERANGE;
        return ULONG_MAX;
    }
    return result;
}

long PyOS_strtol(const char *str, char **ptr, int base) {
    const char *s = str;
    while (*s && Py_ISSPACE(*s)) {
        s++;
    }
    int neg = 0;
    if (*s == '-' || *s == '+') {
        neg = *s == '-';
        s++;
    }
    char *end;
    errno = 0;
    unsigned long u = PyOS_strtoul(s, &end, base);
    if (end == s) {
        if (ptr) {
            *ptr = (char *)str;
        }
        return 0;
    }
    if (ptr) {
        *ptr = end;
    }
    if (errno == ERANGE || (!neg && u > (unsigned long)LONG_MAX) ||
        (neg && u > (unsigned long)LONG_MAX + 1)) {
        errno = ERANGE;
        return neg ? LONG_MIN : LONG_MAX;
    }
    if (neg) {
        return u == (unsigned long)LONG_MAX + 1 ? LONG_MIN : -(long)u;
    }
    return (long)u;
}

/* ---- ints ---- */

size_t _PyLong_NumBits(PyObject *v) {
    PyObject *n = PyObject_CallMethod((PyObject *)&PyLong_Type, "bit_length", "O", v);
    if (n == NULL) {
        return (size_t)-1;
    }
    size_t r = PyLong_AsSize_t(n);
    Py_DECREF(n);
    return r;
}

/* _PyLong_Copy: an exact int of the same value (an int subclass's
 * value without calling any of its methods). */
PyObject *_PyLong_Copy(PyLongObject *src) {
    PyObject *v = (PyObject *)src;
    if (PyLong_CheckExact(v)) {
        Py_INCREF(v);
        return v;
    }
    return PyObject_CallMethod((PyObject *)&PyLong_Type, "__index__", "O", v);
}

PyObject *_PyLong_Format(PyObject *obj, int base) {
    const char *fn;
    switch (base) {
    case 2:
        fn = "bin";
        break;
    case 8:
        fn = "oct";
        break;
    case 10:
        return PyObject_CallMethod((PyObject *)&PyLong_Type, "__repr__", "O", obj);
    case 16:
        fn = "hex";
        break;
    default:
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *b = PyEval_GetBuiltins();
    PyObject *f = b ? PyDict_GetItemString(b, fn) : NULL;
    if (f == NULL) {
        PyErr_Format(PyExc_RuntimeError, "lost builtins.%s", fn);
        return NULL;
    }
    return PyObject_CallOneArg(f, obj);
}

PyObject *PyNumber_ToBase(PyObject *n, int base) {
    if (base != 2 && base != 8 && base != 10 && base != 16) {
        PyErr_SetString(PyExc_SystemError, "PyNumber_ToBase: base must be 2, 8, 10 or 16");
        return NULL;
    }
    PyObject *i = PyNumber_Index(n);
    if (i == NULL) {
        return NULL;
    }
    PyObject *r = _PyLong_Format(i, base);
    Py_DECREF(i);
    return r;
}

PyObject *PyLong_FromUnicodeObject(PyObject *u, int base) {
    PyObject *b = PyLong_FromLong(base);
    if (b == NULL) {
        return NULL;
    }
    PyObject *r = PyObject_CallFunctionObjArgs((PyObject *)&PyLong_Type, u, b, NULL);
    Py_DECREF(b);
    return r;
}

/* ---- bytes ---- */

/* PyBytes_FromFormatV: printf-like, with the conversions CPython's
 * supports (%c %d %i %u %x %s %p %%, the l and z modifiers, a width that
 * is ignored and a precision for %s); an unknown conversion copies the
 * rest of the format as it is. */
PyObject *PyBytes_FromFormatV(const char *format, va_list vargs) {
    size_t cap = 64, n = 0;
    char *buf = PyMem_Malloc(cap);
    if (buf == NULL) {
        return PyErr_NoMemory();
    }
#define FPY_PUT(p, len)                                        \
    do {                                                       \
        size_t l_ = (len);                                     \
        if (n + l_ > cap) {                                    \
            while (n + l_ > cap) cap *= 2;                     \
            char *nb_ = PyMem_Realloc(buf, cap);               \
            if (nb_ == NULL) {                                 \
                PyMem_Free(buf);                               \
                return PyErr_NoMemory();                       \
            }                                                  \
            buf = nb_;                                         \
        }                                                      \
        memcpy(buf + n, (p), l_);                              \
        n += l_;                                               \
    } while (0)
    const char *f = format;
    while (*f) {
        if (*f != '%') {
            const char *q = f;
            while (*q && *q != '%') q++;
            FPY_PUT(f, (size_t)(q - f));
            f = q;
            continue;
        }
        const char *start = f++;
        while (Py_ISDIGIT(*f)) f++;
        Py_ssize_t prec = -1;
        if (*f == '.') {
            f++;
            prec = 0;
            while (Py_ISDIGIT(*f)) prec = prec * 10 + (*f++ - '0');
        }
        int longflag = 0, sizeflag = 0;
        if (*f == 'l' && (f[1] == 'd' || f[1] == 'u' || f[1] == 'i' || f[1] == 'x')) {
            longflag = 1;
            f++;
        } else if (*f == 'z' && (f[1] == 'd' || f[1] == 'u' || f[1] == 'i' || f[1] == 'x')) {
            sizeflag = 1;
            f++;
        }
        char tmp[64];
        int len;
        switch (*f) {
        case 'c': {
            int c = va_arg(vargs, int);
            if (c < 0 || c > 255) {
                PyMem_Free(buf);
                PyErr_SetString(PyExc_OverflowError, "PyBytes_FromFormatV(): %c format expects an integer in range [0; 255]");
                return NULL;
            }
            char ch = (char)c;
            FPY_PUT(&ch, 1);
            break;
        }
        case 'd':
        case 'i':
            if (longflag) len = snprintf(tmp, sizeof tmp, "%ld", va_arg(vargs, long));
            else if (sizeflag) len = snprintf(tmp, sizeof tmp, "%zd", va_arg(vargs, Py_ssize_t));
            else len = snprintf(tmp, sizeof tmp, "%d", va_arg(vargs, int));
            FPY_PUT(tmp, (size_t)len);
            break;
        case 'u':
            if (longflag) len = snprintf(tmp, sizeof tmp, "%lu", va_arg(vargs, unsigned long));
            else if (sizeflag) len = snprintf(tmp, sizeof tmp, "%zu", va_arg(vargs, size_t));
            else len = snprintf(tmp, sizeof tmp, "%u", va_arg(vargs, unsigned int));
            FPY_PUT(tmp, (size_t)len);
            break;
        case 'x':
            if (longflag) len = snprintf(tmp, sizeof tmp, "%lx", va_arg(vargs, unsigned long));
            else if (sizeflag) len = snprintf(tmp, sizeof tmp, "%zx", va_arg(vargs, size_t));
            else len = snprintf(tmp, sizeof tmp, "%x", va_arg(vargs, unsigned int));
            FPY_PUT(tmp, (size_t)len);
            break;
        case 's': {
            const char *p = va_arg(vargs, const char *);
            size_t l = prec >= 0 ? strnlen(p, (size_t)prec) : strlen(p);
            FPY_PUT(p, l);
            break;
        }
        case 'p':
            len = snprintf(tmp, sizeof tmp, "%p", va_arg(vargs, void *));
            /* CPython writes 0x on every platform */
            if (len > 1 && tmp[1] == 'X') tmp[1] = 'x';
            if (len < 2 || tmp[1] != 'x') {
                char t2[66];
                len = snprintf(t2, sizeof t2, "0x%s", tmp);
                memcpy(tmp, t2, sizeof tmp);
                if (len >= (int)sizeof tmp) len = (int)sizeof tmp - 1;
            }
            FPY_PUT(tmp, (size_t)len);
            break;
        case '%':
            FPY_PUT("%", 1);
            break;
        default:
            FPY_PUT(start, strlen(start));
            f = start + strlen(start) - 1;
            break;
        }
        f++;
    }
#undef FPY_PUT
    PyObject *r = PyBytes_FromStringAndSize(buf, (Py_ssize_t)n);
    PyMem_Free(buf);
    return r;
}

PyObject *PyBytes_FromFormat(const char *format, ...) {
    va_list va;
    va_start(va, format);
    PyObject *r = PyBytes_FromFormatV(format, va);
    va_end(va);
    return r;
}

/* PyBytes_Repr: repr(b); with smartquotes, double quotes when the bytes
 * hold a single quote and no double quote. */
PyObject *PyBytes_Repr(PyObject *obj, int smartquotes) {
    if (!PyBytes_Check(obj)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_ssize_t len = PyBytes_GET_SIZE(obj);
    const unsigned char *s = (const unsigned char *)PyBytes_AS_STRING(obj);
    char quote = '\'';
    if (smartquotes && memchr(s, '\'', (size_t)len) && !memchr(s, '"', (size_t)len)) {
        quote = '"';
    }
    if (len > (PY_SSIZE_T_MAX - 3) / 4) {
        PyErr_SetString(PyExc_OverflowError, "bytes object is too large to make repr");
        return NULL;
    }
    char *out = PyMem_Malloc((size_t)len * 4 + 3);
    if (out == NULL) {
        return PyErr_NoMemory();
    }
    size_t n = 0;
    out[n++] = 'b';
    out[n++] = quote;
    static const char hex[] = "0123456789abcdef";
    for (Py_ssize_t i = 0; i < len; i++) {
        unsigned char c = s[i];
        if (c == quote || c == '\\') {
            out[n++] = '\\';
            out[n++] = (char)c;
        } else if (c == '\t') {
            out[n++] = '\\';
            out[n++] = 't';
        } else if (c == '\n') {
            out[n++] = '\\';
            out[n++] = 'n';
        } else if (c == '\r') {
            out[n++] = '\\';
            out[n++] = 'r';
        } else if (c < ' ' || c >= 0x7f) {
            out[n++] = '\\';
            out[n++] = 'x';
            out[n++] = hex[c >> 4];
            out[n++] = hex[c & 15];
        } else {
            out[n++] = (char)c;
        }
    }
    out[n++] = quote;
    PyObject *r = PyUnicode_FromStringAndSize(out, (Py_ssize_t)n);
    PyMem_Free(out);
    return r;
}

static PyObject *codecs_call(const char *fn, const char *fmt, ...) {
    PyObject *m = PyImport_ImportModule("_codecs");
    if (m == NULL) {
        return NULL;
    }
    PyObject *f = PyObject_GetAttrString(m, fn);
    Py_DECREF(m);
    if (f == NULL) {
        return NULL;
    }
    va_list va;
    va_start(va, fmt);
    PyObject *args = Py_VaBuildValue(fmt, va);
    va_end(va);
    if (args == NULL) {
        Py_DECREF(f);
        return NULL;
    }
    PyObject *r = PyObject_Call(f, args, NULL);
    Py_DECREF(f);
    Py_DECREF(args);
    return r;
}

/* first item of a (result, consumed) pair; *consumed gets the second */
static PyObject *pair_first(PyObject *pair, Py_ssize_t *consumed) {
    if (pair == NULL) {
        return NULL;
    }
    PyObject *r = PyTuple_GetItem(pair, 0);
    if (r != NULL && consumed != NULL) {
        *consumed = PyLong_AsSsize_t(PyTuple_GetItem(pair, 1));
    }
    Py_XINCREF(r);
    Py_DECREF(pair);
    return r;
}

/* PyBytes_DecodeEscape: the escapes of a bytes literal (3.11 ignores the
 * last two arguments). */
PyObject *PyBytes_DecodeEscape(const char *s, Py_ssize_t len, const char *errors, Py_ssize_t unicode,
                               const char *recode_encoding) {
    (void)unicode;
    (void)recode_encoding;
    return pair_first(codecs_call("escape_decode", "(y#z)", s, len, errors), NULL);
}

PyObject *_PyBytes_Join(PyObject *sep, PyObject *x) { return PyObject_CallMethod(sep, "join", "O", x); }

/* ---- sequences, mappings, dicts ---- */

#undef PySequence_In
int PySequence_In(PyObject *o, PyObject *value) { return PySequence_Contains(o, value); }

PyObject *PySequence_InPlaceRepeat(PyObject *o, Py_ssize_t count) {
    if (o == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (!PySequence_Check(o)) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object can't be repeated", Py_TYPE(o)->tp_name);
        return NULL;
    }
    PyObject *n = PyLong_FromSsize_t(count);
    if (n == NULL) {
        return NULL;
    }
    PyObject *r = PyNumber_InPlaceMultiply(o, n);
    Py_DECREF(n);
    return r;
}

static int slice_op(PyObject *o, Py_ssize_t i1, Py_ssize_t i2, PyObject *v, int del) {
    if (o == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    /* CPython asks for mp_ass_subscript, which serves both */
    PyObject *tp = (PyObject *)Py_TYPE(o);
    if (!PyObject_HasAttrString(tp, "__setitem__") && !PyObject_HasAttrString(tp, "__delitem__")) {
        PyErr_Format(PyExc_TypeError, del ? "'%.200s' object doesn't support slice deletion"
                                          : "'%.200s' object doesn't support slice assignment",
                     Py_TYPE(o)->tp_name);
        return -1;
    }
    PyObject *a = PyLong_FromSsize_t(i1), *b = PyLong_FromSsize_t(i2);
    PyObject *sl = a && b ? PySlice_New(a, b, NULL) : NULL;
    Py_XDECREF(a);
    Py_XDECREF(b);
    if (sl == NULL) {
        return -1;
    }
    int r = del ? PyObject_DelItem(o, sl) : PyObject_SetItem(o, sl, v);
    Py_DECREF(sl);
    return r;
}

int PySequence_SetSlice(PyObject *o, Py_ssize_t i1, Py_ssize_t i2, PyObject *v) {
    if (v == NULL) {
        return slice_op(o, i1, i2, NULL, 1);
    }
    return slice_op(o, i1, i2, v, 0);
}

int PySequence_DelSlice(PyObject *o, Py_ssize_t i1, Py_ssize_t i2) { return slice_op(o, i1, i2, NULL, 1); }

/* PySlice_GetIndices: the old API; no clipping, and -1 without an
 * exception when the slice does not fit. */
static int slice_part(PyObject *r, const char *name, Py_ssize_t *out, int *isnone) {
    PyObject *v = PyObject_GetAttrString(r, name);
    if (v == NULL) {
        return -1;
    }
    *isnone = v == Py_None;
    if (!*isnone) {
        if (!PyLong_Check(v)) {
            Py_DECREF(v);
            return -1;
        }
        *out = PyLong_AsSsize_t(v);
    }
    Py_DECREF(v);
    return 0;
}

int PySlice_GetIndices(PyObject *r, Py_ssize_t length, Py_ssize_t *start, Py_ssize_t *stop, Py_ssize_t *step) {
    int none;
    if (slice_part(r, "step", step, &none) < 0) return -1;
    if (none) *step = 1;
    if (slice_part(r, "start", start, &none) < 0) return -1;
    if (none) *start = *step < 0 ? length - 1 : 0;
    else if (*start < 0) *start += length;
    if (slice_part(r, "stop", stop, &none) < 0) return -1;
    if (none) *stop = *step < 0 ? -1 : length;
    else if (*stop < 0) *stop += length;
    if (*stop > length || *start >= length || *step == 0) {
        return -1;
    }
    return 0;
}

int PyMapping_HasKeyWithError(PyObject *o, PyObject *key) {
    PyObject *v;
    int r = PyMapping_GetOptionalItem(o, key, &v);
    Py_XDECREF(v);
    return r;
}

int PyMapping_GetOptionalItemString(PyObject *o, const char *key, PyObject **result) {
    if (key == NULL) {
        *result = NULL;
        PyErr_BadInternalCall();
        return -1;
    }
    PyObject *k = PyUnicode_FromString(key);
    if (k == NULL) {
        *result = NULL;
        return -1;
    }
    int r = PyMapping_GetOptionalItem(o, k, result);
    Py_DECREF(k);
    return r;
}

int PyMapping_HasKeyStringWithError(PyObject *o, const char *key) {
    PyObject *v;
    int r = PyMapping_GetOptionalItemString(o, key, &v);
    Py_XDECREF(v);
    return r;
}

PyObject *_PyDict_NewPresized(Py_ssize_t minused) {
    (void)minused;
    return PyDict_New();
}

PyObject *_PyDict_GetItemStringWithError(PyObject *d, const char *key) {
    PyObject *k = PyUnicode_FromString(key);
    if (k == NULL) {
        return NULL;
    }
    PyObject *r = PyDict_GetItemWithError(d, k);
    Py_DECREF(k);
    return r;
}

int PyDict_MergeFromSeq2(PyObject *d, PyObject *seq2, int override) {
    if (d == NULL || !PyDict_Check(d) || seq2 == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    PyObject *it = PyObject_GetIter(seq2);
    if (it == NULL) {
        return -1;
    }
    Py_ssize_t i = 0;
    PyObject *item;
    for (; (item = PyIter_Next(it)) != NULL; i++) {
        PyObject *fast = PySequence_Fast(item, "");
        if (fast == NULL) {
            if (PyErr_ExceptionMatches(PyExc_TypeError)) {
                PyErr_Format(PyExc_TypeError, "cannot convert dictionary update sequence element #%zd to a sequence", i);
            }
            Py_DECREF(item);
            Py_DECREF(it);
            return -1;
        }
        Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
        if (n != 2) {
            PyErr_Format(PyExc_ValueError, "dictionary update sequence element #%zd has length %zd; 2 is required", i, n);
            Py_DECREF(fast);
            Py_DECREF(item);
            Py_DECREF(it);
            return -1;
        }
        PyObject *k = PySequence_Fast_GET_ITEM(fast, 0), *v = PySequence_Fast_GET_ITEM(fast, 1);
        int r = 0;
        if (override) {
            r = PyDict_SetItem(d, k, v);
        } else {
            r = PyDict_Contains(d, k);
            if (r == 0) {
                r = PyDict_SetItem(d, k, v);
            } else if (r > 0) {
                r = 0;
            }
        }
        Py_DECREF(fast);
        Py_DECREF(item);
        if (r < 0) {
            Py_DECREF(it);
            return -1;
        }
    }
    Py_DECREF(it);
    return PyErr_Occurred() ? -1 : 0;
}

/* ---- objects and calls ---- */

int PyObject_Print(PyObject *op, FILE *fp, int flags) {
    int ret = 0;
    clearerr(fp);
    if (op == NULL) {
        fputs("<nil>", fp);
    } else if (Py_REFCNT(op) <= 0) {
        fprintf(fp, "<refcnt %zd at %p>", Py_REFCNT(op), (void *)op);
    } else {
        PyObject *s = (flags & Py_PRINT_RAW) ? PyObject_Str(op) : PyObject_Repr(op);
        if (s == NULL) {
            return -1;
        }
        PyObject *b = PyUnicode_AsEncodedString(s, "utf-8", "backslashreplace");
        Py_DECREF(s);
        if (b == NULL) {
            return -1;
        }
        fwrite(PyBytes_AS_STRING(b), 1, (size_t)PyBytes_GET_SIZE(b), fp);
        Py_DECREF(b);
    }
    if (ferror(fp)) {
        PyErr_SetFromErrno(PyExc_OSError);
        clearerr(fp);
        ret = -1;
    }
    return ret;
}

PyObject *PyObject_VectorcallDict(PyObject *callable, PyObject *const *args, size_t nargsf, PyObject *kwargs) {
    Py_ssize_t nargs = PyVectorcall_NARGS(nargsf);
    if (kwargs == NULL || PyDict_GET_SIZE(kwargs) == 0) {
        return PyObject_Vectorcall(callable, args, (size_t)nargs, NULL);
    }
    PyObject *tuple = PyTuple_New(nargs);
    if (tuple == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        Py_INCREF(args[i]);
        PyTuple_SET_ITEM(tuple, i, args[i]);
    }
    PyObject *r = PyObject_Call(callable, tuple, kwargs);
    Py_DECREF(tuple);
    return r;
}

PyObject *PyCFunction_Call(PyObject *callable, PyObject *args, PyObject *kwargs) {
    return PyObject_Call(callable, args, kwargs);
}

vectorcallfunc PyVectorcall_Function(PyObject *callable) {
    PyTypeObject *tp = Py_TYPE(callable);
    if (!PyType_HasFeature(tp, Py_TPFLAGS_HAVE_VECTORCALL) || tp->tp_vectorcall_offset <= 0) {
        return NULL;
    }
    vectorcallfunc f;
    memcpy(&f, (char *)callable + tp->tp_vectorcall_offset, sizeof f);
    return f;
}

/* PyVectorcall_Call: call a vectorcall object with a tuple and a dict
 * (a type's tp_call that delegates to its vectorcall). */
PyObject *PyVectorcall_Call(PyObject *callable, PyObject *tuple, PyObject *kwargs) {
    vectorcallfunc f = PyVectorcall_Function(callable);
    if (f == NULL) {
        PyErr_Format(PyExc_TypeError, "'%.200s' object does not support vectorcall", Py_TYPE(callable)->tp_name);
        return NULL;
    }
    Py_ssize_t nargs = PyTuple_GET_SIZE(tuple);
    Py_ssize_t nkw = kwargs ? PyDict_GET_SIZE(kwargs) : 0;
    PyObject **stack = PyMem_Malloc(sizeof(PyObject *) * (size_t)(nargs + nkw + 1));
    if (stack == NULL) {
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        stack[i] = PyTuple_GET_ITEM(tuple, i);
    }
    PyObject *kwnames = NULL;
    if (nkw > 0) {
        kwnames = PyTuple_New(nkw);
        if (kwnames == NULL) {
            PyMem_Free(stack);
            return NULL;
        }
        Py_ssize_t pos = 0, i = 0;
        PyObject *k, *v;
        while (PyDict_Next(kwargs, &pos, &k, &v) && i < nkw) {
            Py_INCREF(k);
            PyTuple_SET_ITEM(kwnames, i, k);
            stack[nargs + i] = v;
            i++;
        }
    }
    PyObject *r = f(callable, stack, (size_t)nargs, kwnames);
    Py_XDECREF(kwnames);
    PyMem_Free(stack);
    return r;
}

PyObject *PyClassMethod_New(PyObject *callable) {
    return PyObject_CallOneArg((PyObject *)&PyClassMethod_Type, callable);
}

PyObject *PyStaticMethod_New(PyObject *callable) {
    return PyObject_CallOneArg((PyObject *)&PyStaticMethod_Type, callable);
}

PyObject *PyMethod_New(PyObject *func, PyObject *self) {
    if (self == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return PyObject_CallFunctionObjArgs((PyObject *)&PyMethod_Type, func, self, NULL);
}

extern PyObject *fpyGo_Borrow(PyThreadState *ts, PyObject *op);

/* an attribute as a borrowed reference, kept alive by the autorelease
 * pool until the C call returns (capi/api_breadth.go) */
static PyObject *borrowed_attr(PyObject *o, const char *name) {
    return fpyGo_Borrow(fpy_tstate, PyObject_GetAttrString(o, name));
}

PyObject *PyMethod_Function(PyObject *m) {
    if (!PyMethod_Check(m)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return ((PyMethodObject *)m)->im_func;
}

PyObject *PyMethod_Self(PyObject *m) {
    if (!PyMethod_Check(m)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return ((PyMethodObject *)m)->im_self;
}

PyObject *PyInstanceMethod_New(PyObject *func) {
    return PyObject_CallOneArg((PyObject *)&PyInstanceMethod_Type, func);
}

PyObject *PyInstanceMethod_Function(PyObject *im) {
    if (!PyInstanceMethod_Check(im)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return borrowed_attr(im, "__func__");
}

static int is_function(PyObject *op) {
    if (!PyFunction_Check(op)) {
        PyErr_BadInternalCall();
        return 0;
    }
    return 1;
}
PyObject *PyFunction_GetCode(PyObject *op) { return is_function(op) ? borrowed_attr(op, "__code__") : NULL; }
PyObject *PyFunction_GetGlobals(PyObject *op) { return is_function(op) ? borrowed_attr(op, "__globals__") : NULL; }
PyObject *PyFunction_GetModule(PyObject *op) { return is_function(op) ? borrowed_attr(op, "__module__") : NULL; }
PyObject *PyFunction_GetDefaults(PyObject *op) {
    PyObject *d = is_function(op) ? borrowed_attr(op, "__defaults__") : NULL;
    return d == Py_None ? NULL : d;
}

PyObject *PyWrapper_New(PyObject *d, PyObject *self) {
    PyObject *tp = (PyObject *)Py_TYPE(self);
    return PyObject_CallMethod(d, "__get__", "OO", self, tp);
}

const char *PyEval_GetFuncName(PyObject *func) {
    if (PyMethod_Check(func)) {
        return PyEval_GetFuncName(PyMethod_GET_FUNCTION(func));
    }
    if (PyFunction_Check(func) || PyCFunction_Check(func)) {
        PyObject *name = borrowed_attr(func, "__name__");
        if (name == NULL || !PyUnicode_Check(name)) {
            PyErr_Clear();
            return Py_TYPE(func)->tp_name;
        }
        return PyUnicode_AsUTF8(name);
    }
    return Py_TYPE(func)->tp_name;
}

const char *PyEval_GetFuncDesc(PyObject *func) {
    if (PyMethod_Check(func) || PyFunction_Check(func) || PyCFunction_Check(func)) {
        return "()";
    }
    return " object";
}

const char *_PyType_Name(PyTypeObject *type) {
    const char *s = strrchr(type->tp_name, '.');
    return s ? s + 1 : type->tp_name;
}

#undef PyExceptionClass_Name
const char *PyExceptionClass_Name(PyObject *ob) { return ((PyTypeObject *)ob)->tp_name; }

void PyException_SetArgs(PyObject *self, PyObject *args) {
    if (PyObject_SetAttrString(self, "args", args) < 0) {
        PyErr_Clear();
    }
}

void PyObject_CallFinalizer(PyObject *self) {
    PyTypeObject *tp = Py_TYPE(self);
    if (tp->tp_finalize == NULL) {
        return;
    }
    tp->tp_finalize(self);
}

PyObject **PyObject_GET_WEAKREFS_LISTPTR(PyObject *op) {
    return (PyObject **)((char *)op + Py_TYPE(op)->tp_weaklistoffset);
}

/* PyObject_GetTypeData (3.12): the part of obj that cls's spec asked for
 * on top of its base's layout. */
void *PyObject_GetTypeData(PyObject *obj, PyTypeObject *cls) {
    Py_ssize_t base = cls->tp_base ? cls->tp_base->tp_basicsize : 0;
    base = (base + (Py_ssize_t)_Alignof(max_align_t) - 1) & ~((Py_ssize_t)_Alignof(max_align_t) - 1);
    return (char *)obj + base;
}

int PyAIter_Check(PyObject *obj) {
    PyTypeObject *tp = Py_TYPE(obj);
    if (tp->tp_as_async != NULL && tp->tp_as_async->am_anext != NULL) {
        return 1;
    }
    PyObject *f = PyObject_GetAttrString((PyObject *)tp, "__anext__");
    if (f == NULL) {
        PyErr_Clear();
        return 0;
    }
    Py_DECREF(f);
    return 1;
}

PyObject *PyObject_GetAIter(PyObject *o) {
    PyObject *f = PyObject_GetAttrString((PyObject *)Py_TYPE(o), "__aiter__");
    if (f == NULL) {
        PyErr_Clear();
        PyErr_Format(PyExc_TypeError, "'%.200s' object is not an async iterable", Py_TYPE(o)->tp_name);
        return NULL;
    }
    PyObject *it = PyObject_CallOneArg(f, o);
    Py_DECREF(f);
    if (it == NULL) {
        return NULL;
    }
    if (!PyAIter_Check(it)) {
        PyErr_Format(PyExc_TypeError, "aiter() returned not an async iterator of type '%.100s'", Py_TYPE(it)->tp_name);
        Py_DECREF(it);
        return NULL;
    }
    return it;
}

/* ---- Py_ReprEnter / Py_ReprLeave: a per-thread list of the objects
 * whose repr is being computed, in the thread state dict ---- */

static PyObject *repr_list(int create) {
    PyObject *d = PyThreadState_GetDict();
    if (d == NULL) {
        return NULL;
    }
    PyObject *l = PyDict_GetItemString(d, "Py_Repr");
    if (l == NULL && create) {
        l = PyList_New(0);
        if (l == NULL) {
            return NULL;
        }
        if (PyDict_SetItemString(d, "Py_Repr", l) < 0) {
            Py_DECREF(l);
            return NULL;
        }
        Py_DECREF(l);
        l = PyDict_GetItemString(d, "Py_Repr");
    }
    return l;
}

int Py_ReprEnter(PyObject *obj) {
    PyObject *l = repr_list(1);
    if (l == NULL) {
        return PyErr_Occurred() ? -1 : 0;
    }
    for (Py_ssize_t i = PyList_Size(l); --i >= 0;) {
        if (PyList_GetItem(l, i) == obj) {
            return 1;
        }
    }
    return PyList_Append(l, obj) < 0 ? -1 : 0;
}

void Py_ReprLeave(PyObject *obj) {
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyObject *l = repr_list(0);
    if (l != NULL && PyList_Check(l)) {
        for (Py_ssize_t i = PyList_Size(l); --i >= 0;) {
            if (PyList_GetItem(l, i) == obj) {
                PySequence_DelItem(l, i);
                break;
            }
        }
    }
    PyErr_Restore(t, v, tb);
}

/* ---- modules ---- */

PyObject *PyModule_GetFilenameObject(PyObject *m) {
    if (!PyModule_Check(m)) {
        PyErr_BadArgument();
        return NULL;
    }
    PyObject *d = PyModule_GetDict(m);
    PyObject *f = d ? PyDict_GetItemString(d, "__file__") : NULL;
    if (f == NULL || !PyUnicode_Check(f)) {
        PyErr_SetString(PyExc_SystemError, "module filename missing");
        return NULL;
    }
    Py_INCREF(f);
    return f;
}

const char *PyModule_GetFilename(PyObject *m) {
    PyObject *f = PyModule_GetFilenameObject(m);
    if (f == NULL) {
        return NULL;
    }
    const char *s = PyUnicode_AsUTF8(f);
    Py_DECREF(f); /* the module's dict keeps it */
    return s;
}

PyObject *PyImport_ReloadModule(PyObject *m) {
    PyObject *il = PyImport_ImportModule("importlib");
    if (il == NULL) {
        return NULL;
    }
    PyObject *r = PyObject_CallMethod(il, "reload", "O", m);
    Py_DECREF(il);
    return r;
}

PyObject *PyImport_ExecCodeModuleObject(PyObject *name, PyObject *co, PyObject *pathname, PyObject *cpathname) {
    PyObject *m = PyImport_AddModuleObject(name);
    if (m == NULL) {
        return NULL;
    }
    PyObject *d = PyModule_GetDict(m);
    if (PyDict_GetItemString(d, "__builtins__") == NULL) {
        if (PyDict_SetItemString(d, "__builtins__", PyEval_GetBuiltins()) < 0) {
            return NULL;
        }
    }
    PyObject *file = pathname ? Py_NewRef(pathname) : PyObject_GetAttrString(co, "co_filename");
    if (file == NULL) {
        return NULL;
    }
    int fr = PyDict_SetItemString(d, "__file__", file);
    Py_DECREF(file);
    if (fr < 0) {
        return NULL;
    }
    (void)cpathname; /* 3.11 no longer sets __cached__ from it */
    PyObject *r = PyEval_EvalCode(co, d, d);
    if (r == NULL) {
        PyObject *modules = PyImport_GetModuleDict();
        if (PyDict_GetItem(modules, name) != NULL) {
            PyObject *t, *v, *tb;
            PyErr_Fetch(&t, &v, &tb);
            PyDict_DelItem(modules, name);
            PyErr_Clear();
            PyErr_Restore(t, v, tb);
        }
        return NULL;
    }
    Py_DECREF(r);
    PyObject *modules = PyImport_GetModuleDict();
    PyObject *out = PyDict_GetItemWithError(modules, name);
    if (out == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_Format(PyExc_ImportError, "Loaded module %R not found in sys.modules", name);
        }
        return NULL;
    }
    Py_INCREF(out);
    return out;
}

PyObject *PyImport_ExecCodeModuleEx(const char *name, PyObject *co, const char *pathname) {
    PyObject *n = PyUnicode_FromString(name);
    if (n == NULL) {
        return NULL;
    }
    PyObject *p = NULL;
    if (pathname != NULL) {
        p = PyUnicode_DecodeFSDefault(pathname);
        if (p == NULL) {
            Py_DECREF(n);
            return NULL;
        }
    }
    PyObject *r = PyImport_ExecCodeModuleObject(n, co, p, NULL);
    Py_DECREF(n);
    Py_XDECREF(p);
    return r;
}

PyObject *PyImport_ExecCodeModule(const char *name, PyObject *co) { return PyImport_ExecCodeModuleEx(name, co, NULL); }

/* ---- errors and warnings ---- */

PyObject *PyErr_SetFromErrnoWithFilenameObjects(PyObject *type, PyObject *f1, PyObject *f2) {
    int e = errno;
    if (e == EINTR && PyErr_CheckSignals() != 0) {
        return NULL;
    }
    PyObject *msg = PyUnicode_FromString(e ? strerror(e) : "Error");
    if (msg == NULL) {
        return NULL;
    }
    PyObject *args;
    if (f1 != NULL && f2 != NULL) {
        args = Py_BuildValue("(iOOiO)", e, msg, f1, 0, f2);
    } else if (f1 != NULL) {
        args = Py_BuildValue("(iOO)", e, msg, f1);
    } else {
        args = Py_BuildValue("(iO)", e, msg);
    }
    Py_DECREF(msg);
    if (args != NULL) {
        PyObject *v = PyObject_Call(type, args, NULL);
        Py_DECREF(args);
        if (v != NULL) {
            PyErr_SetObject((PyObject *)Py_TYPE(v), v);
            Py_DECREF(v);
        }
    }
    return NULL;
}

PyObject *PyErr_SetImportErrorSubclass(PyObject *exception, PyObject *msg, PyObject *name, PyObject *path) {
    int sub = PyObject_IsSubclass(exception, PyExc_ImportError);
    if (sub < 0) {
        return NULL;
    }
    if (!sub) {
        PyErr_SetString(PyExc_TypeError, "expected a subclass of ImportError");
        return NULL;
    }
    if (msg == NULL) {
        PyErr_SetString(PyExc_TypeError, "expected a message argument");
        return NULL;
    }
    PyObject *kw = PyDict_New();
    if (kw == NULL) {
        return NULL;
    }
    if (PyDict_SetItemString(kw, "name", name ? name : Py_None) < 0 ||
        PyDict_SetItemString(kw, "path", path ? path : Py_None) < 0) {
        Py_DECREF(kw);
        return NULL;
    }
    PyObject *err = PyObject_VectorcallDict(exception, &msg, 1, kw);
    Py_DECREF(kw);
    if (err != NULL) {
        PyErr_SetObject((PyObject *)Py_TYPE(err), err);
        Py_DECREF(err);
    }
    return NULL;
}

PyObject *PyErr_SetImportError(PyObject *msg, PyObject *name, PyObject *path) {
    return PyErr_SetImportErrorSubclass(PyExc_ImportError, msg, name, path);
}

/* PyErr_ProgramText: line lineno (1-based) of a file as str, or NULL
 * without an exception when it cannot be read. */
static PyObject *program_text(PyObject *filename, int lineno) {
    if (filename == NULL || lineno <= 0) {
        return NULL;
    }
    PyObject *b = NULL;
    if (!PyUnicode_FSConverter(filename, &b)) {
        PyErr_Clear();
        return NULL;
    }
    FILE *fp = fopen(PyBytes_AS_STRING(b), "rb");
    Py_DECREF(b);
    if (fp == NULL) {
        return NULL;
    }
    size_t cap = 256, n = 0;
    char *line = malloc(cap);
    int c, cur = 1;
    while (line != NULL && (c = fgetc(fp)) != EOF) {
        if (cur == lineno) {
            if (n + 2 > cap) {
                char *nl = realloc(line, cap *= 2);
                if (nl == NULL) {
                    free(line);
                    line = NULL;
                    break;
                }
                line = nl;
            }
            line[n++] = (char)c;
        }
        if (c == '\n') {
            if (cur == lineno) {
                break;
            }
            cur++;
        }
    }
    fclose(fp);
    if (line == NULL || cur < lineno || n == 0) {
        free(line);
        return NULL;
    }
    PyObject *r = PyUnicode_DecodeUTF8(line, (Py_ssize_t)n, "replace");
    free(line);
    if (r == NULL) {
        PyErr_Clear();
    }
    return r;
}

PyObject *PyErr_ProgramText(const char *filename, int lineno) {
    if (filename == NULL) {
        return NULL;
    }
    PyObject *f = PyUnicode_DecodeFSDefault(filename);
    if (f == NULL) {
        PyErr_Clear();
        return NULL;
    }
    PyObject *r = program_text(f, lineno);
    Py_DECREF(f);
    return r;
}

static void set_attr_quiet(PyObject *o, const char *name, PyObject *v) {
    if (v == NULL || PyObject_SetAttrString(o, name, v) < 0) {
        PyErr_Clear();
    }
}

/* PyErr_SyntaxLocationObject's work: the current exception gets the
 * location (and, when it is not a SyntaxError itself, msg and
 * print_file_and_line). */
static void syntax_location(PyObject *filename, int lineno, int col_offset) {
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    if (v == NULL) {
        PyErr_Restore(t, v, tb);
        return;
    }
    PyObject *tmp = PyLong_FromLong(lineno);
    set_attr_quiet(v, "lineno", tmp);
    Py_XDECREF(tmp);
    tmp = col_offset >= 0 ? PyLong_FromLong(col_offset) : NULL;
    set_attr_quiet(v, "offset", tmp ? tmp : Py_None);
    Py_XDECREF(tmp);
    if (filename != NULL) {
        set_attr_quiet(v, "filename", filename);
        tmp = program_text(filename, lineno);
        if (tmp != NULL) {
            set_attr_quiet(v, "text", tmp);
            Py_DECREF(tmp);
        }
    }
    if (t != PyExc_SyntaxError) {
        PyObject *m;
        if (PyObject_GetOptionalAttrString(v, "msg", &m) < 0) {
            PyErr_Clear();
        } else if (m != NULL) {
            Py_DECREF(m);
        } else {
            tmp = PyObject_Str(v);
            set_attr_quiet(v, "msg", tmp);
            Py_XDECREF(tmp);
        }
        if (PyObject_GetOptionalAttrString(v, "print_file_and_line", &m) < 0) {
            PyErr_Clear();
        } else if (m != NULL) {
            Py_DECREF(m);
        } else {
            set_attr_quiet(v, "print_file_and_line", Py_None);
        }
    }
    PyErr_Restore(t, v, tb);
}

void PyErr_SyntaxLocationEx(const char *filename, int lineno, int col_offset) {
    PyObject *f = NULL;
    if (filename != NULL) {
        PyObject *t, *v, *tb;
        PyErr_Fetch(&t, &v, &tb);
        f = PyUnicode_DecodeFSDefault(filename);
        if (f == NULL) {
            PyErr_Clear();
        }
        PyErr_Restore(t, v, tb);
    }
    syntax_location(f, lineno, col_offset);
    Py_XDECREF(f);
}

void PyErr_SyntaxLocation(const char *filename, int lineno) { PyErr_SyntaxLocationEx(filename, lineno, -1); }

static PyObject *warnings_fn(const char *name) {
    PyObject *w = PyImport_ImportModule("warnings");
    if (w == NULL) {
        return NULL;
    }
    PyObject *f = PyObject_GetAttrString(w, name);
    Py_DECREF(w);
    return f;
}

int PyErr_WarnExplicitObject(PyObject *category, PyObject *message, PyObject *filename, int lineno, PyObject *module,
                             PyObject *registry) {
    PyObject *f = warnings_fn("warn_explicit");
    if (f == NULL) {
        return -1;
    }
    PyObject *r = PyObject_CallFunction(f, "OOOiOO", message, category ? category : PyExc_UserWarning, filename,
                                        lineno, module ? module : Py_None, registry ? registry : Py_None);
    Py_DECREF(f);
    if (r == NULL) {
        return -1;
    }
    Py_DECREF(r);
    return 0;
}

int PyErr_WarnExplicit(PyObject *category, const char *text, const char *filename_str, int lineno,
                       const char *module_str, PyObject *registry) {
    PyObject *message = PyUnicode_FromString(text);
    PyObject *filename = message ? PyUnicode_DecodeFSDefault(filename_str) : NULL;
    PyObject *module = NULL;
    int ret = -1;
    if (filename == NULL) {
        goto done;
    }
    if (module_str != NULL) {
        module = PyUnicode_FromString(module_str);
        if (module == NULL) {
            goto done;
        }
    }
    ret = PyErr_WarnExplicitObject(category, message, filename, lineno, module, registry);
done:
    Py_XDECREF(message);
    Py_XDECREF(filename);
    Py_XDECREF(module);
    return ret;
}

int PyErr_ResourceWarning(PyObject *source, Py_ssize_t stack_level, const char *format, ...) {
    va_list va;
    va_start(va, format);
    PyObject *msg = PyUnicode_FromFormatV(format, va);
    va_end(va);
    if (msg == NULL) {
        return -1;
    }
    PyObject *f = warnings_fn("warn");
    if (f == NULL) {
        Py_DECREF(msg);
        return -1;
    }
    PyObject *r = PyObject_CallFunction(f, "OOnO", msg, PyExc_ResourceWarning, stack_level, source ? source : Py_None);
    Py_DECREF(f);
    Py_DECREF(msg);
    if (r == NULL) {
        return -1;
    }
    Py_DECREF(r);
    return 0;
}

/* ---- sys ---- */

static void sys_format(const char *name, FILE *fallback, const char *format, va_list va) {
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyObject *msg = PyUnicode_FromFormatV(format, va);
    if (msg != NULL) {
        PyObject *f = PySys_GetObject(name);
        PyObject *r = NULL;
        if (f != NULL && f != Py_None) {
            r = PyObject_CallMethod(f, "write", "O", msg);
        } else {
            const char *s = PyUnicode_AsUTF8(msg);
            if (s != NULL) {
                fputs(s, fallback);
            }
        }
        Py_XDECREF(r);
        Py_DECREF(msg);
    }
    PyErr_Restore(t, v, tb);
}

void PySys_FormatStdout(const char *format, ...) {
    va_list va;
    va_start(va, format);
    sys_format("stdout", stdout, format, va);
    va_end(va);
}

void PySys_FormatStderr(const char *format, ...) {
    va_list va;
    va_start(va, format);
    sys_format("stderr", stderr, format, va);
    va_end(va);
}

PyObject *PySys_GetXOptions(void) { return PySys_GetObject("_xoptions"); }

/* ---- thread state ---- */

void PyThreadState_EnterTracing(PyThreadState *tstate) { tstate->tracing++; }
void PyThreadState_LeaveTracing(PyThreadState *tstate) { tstate->tracing--; }

/* ---- str ---- */

/* A str may be written to in place only while C alone holds it: made by
 * PyUnicode_New, one reference, never seen by Go (a linked str's Go
 * object would not see the change) and not yet hashed. */
static int unicode_modifiable(PyObject *u) {
    if (Py_REFCNT(u) != 1 || !fpy_has_head(u) || FPY_HEAD(u)->handle != 0 || ((PyASCIIObject *)u)->hash != -1) {
        PyErr_SetString(PyExc_SystemError, "Cannot modify a string currently used");
        return 0;
    }
    return 1;
}

int PyUnicode_WriteChar(PyObject *unicode, Py_ssize_t index, Py_UCS4 ch) {
    if (!PyUnicode_Check(unicode) || !PyUnicode_IS_COMPACT(unicode)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (index < 0 || index >= PyUnicode_GET_LENGTH(unicode)) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -1;
    }
    if (!unicode_modifiable(unicode)) {
        return -1;
    }
    if (ch > PyUnicode_MAX_CHAR_VALUE(unicode)) {
        PyErr_SetString(PyExc_ValueError, "character out of range");
        return -1;
    }
    PyUnicode_WRITE(PyUnicode_KIND(unicode), PyUnicode_DATA(unicode), index, ch);
    return 0;
}

Py_ssize_t PyUnicode_Fill(PyObject *unicode, Py_ssize_t start, Py_ssize_t length, Py_UCS4 fill_char) {
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (!unicode_modifiable(unicode)) {
        return -1;
    }
    if (start < 0) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -1;
    }
    if (fill_char > PyUnicode_MAX_CHAR_VALUE(unicode)) {
        PyErr_SetString(PyExc_ValueError, "fill character is bigger than the string maximum character");
        return -1;
    }
    Py_ssize_t maxlen = PyUnicode_GET_LENGTH(unicode) - start;
    if (length > maxlen) {
        length = maxlen;
    }
    int kind = PyUnicode_KIND(unicode);
    void *data = PyUnicode_DATA(unicode);
    for (Py_ssize_t i = 0; i < length; i++) {
        PyUnicode_WRITE(kind, data, start + i, fill_char);
    }
    return length < 0 ? 0 : length;
}

Py_ssize_t PyUnicode_CopyCharacters(PyObject *to, Py_ssize_t to_start, PyObject *from, Py_ssize_t from_start,
                                    Py_ssize_t how_many) {
    if (!PyUnicode_Check(from) || !PyUnicode_Check(to)) {
        PyErr_BadInternalCall();
        return -1;
    }
    Py_ssize_t flen = PyUnicode_GET_LENGTH(from), tlen = PyUnicode_GET_LENGTH(to);
    if ((size_t)from_start > (size_t)flen) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -1;
    }
    if ((size_t)to_start > (size_t)tlen) {
        PyErr_SetString(PyExc_IndexError, "string index out of range");
        return -1;
    }
    if (how_many < 0) {
        PyErr_SetString(PyExc_SystemError, "how_many cannot be negative");
        return -1;
    }
    if (how_many > flen - from_start) how_many = flen - from_start;
    if (how_many > tlen - to_start) how_many = tlen - to_start;
    if (how_many == 0) {
        return 0;
    }
    if (!unicode_modifiable(to)) {
        return -1;
    }
    int fk = PyUnicode_KIND(from), tk = PyUnicode_KIND(to);
    const void *fd = PyUnicode_DATA(from);
    void *td = PyUnicode_DATA(to);
    Py_UCS4 tmax = PyUnicode_MAX_CHAR_VALUE(to);
    for (Py_ssize_t i = 0; i < how_many; i++) {
        if (PyUnicode_READ(fk, fd, from_start + i) > tmax) {
            PyErr_Format(PyExc_SystemError, "Cannot write %zi characters at %zi in a string of %zi characters",
                         how_many, to_start, tlen);
            return -1;
        }
    }
    for (Py_ssize_t i = 0; i < how_many; i++) {
        PyUnicode_WRITE(tk, td, to_start + i, PyUnicode_READ(fk, fd, from_start + i));
    }
    return how_many;
}

int PyUnicode_Resize(PyObject **p_unicode, Py_ssize_t length) {
    if (p_unicode == NULL || *p_unicode == NULL || !PyUnicode_Check(*p_unicode) || length < 0) {
        PyErr_BadInternalCall();
        return -1;
    }
    PyObject *u = *p_unicode;
    Py_ssize_t old = PyUnicode_GET_LENGTH(u);
    if (old == length) {
        return 0;
    }
    /* a new string of the same kind, the common prefix copied; one that
     * others hold too (a shared one-character str, say) is copied the
     * same way and the caller's reference to it dropped, as CPython's
     * resize_copy does */
    int kind = PyUnicode_KIND(u);
    PyObject *n = fpy_unicode_new(length, kind, PyUnicode_IS_ASCII(u));
    if (n == NULL) {
        return -1;
    }
    Py_ssize_t keep = old < length ? old : length;
    memcpy(PyUnicode_DATA(n), PyUnicode_DATA(u), (size_t)keep * (size_t)kind);
    Py_DECREF(u);
    *p_unicode = n;
    return 0;
}

PyObject *_PyUnicode_Copy(PyObject *unicode) {
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return PyUnicode_FromKindAndData(PyUnicode_KIND(unicode), PyUnicode_DATA(unicode), PyUnicode_GET_LENGTH(unicode));
}

PyObject *_PyUnicode_FromASCII(const char *buffer, Py_ssize_t size) { return PyUnicode_FromStringAndSize(buffer, size); }

Py_ssize_t PyUnicode_FindChar(PyObject *str, Py_UCS4 ch, Py_ssize_t start, Py_ssize_t end, int direction) {
    if (!PyUnicode_Check(str)) {
        PyErr_BadInternalCall();
        return -2;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    /* slice-style bounds, as str.find adjusts them */
    if (end > len) end = len;
    else if (end < 0) {
        end += len;
        if (end < 0) end = 0;
    }
    if (start < 0) {
        start += len;
        if (start < 0) start = 0;
    }
    if (end - start < 1) {
        return -1;
    }
    int kind = PyUnicode_KIND(str);
    const void *data = PyUnicode_DATA(str);
    if (direction > 0) {
        for (Py_ssize_t i = start; i < end; i++) {
            if (PyUnicode_READ(kind, data, i) == ch) return i;
        }
    } else {
        for (Py_ssize_t i = end; i-- > start;) {
            if (PyUnicode_READ(kind, data, i) == ch) return i;
        }
    }
    return -1;
}

static int check_str(PyObject *o) {
    if (!PyUnicode_Check(o)) {
        PyErr_Format(PyExc_TypeError, "must be str, not %.100s", Py_TYPE(o)->tp_name);
        return 0;
    }
    return 1;
}

static Py_ssize_t str_ssize_method(PyObject *s, const char *m, PyObject *sub, Py_ssize_t start, Py_ssize_t end) {
    if (!check_str(s) || !check_str(sub)) {
        return -2;
    }
    PyObject *r = PyObject_CallMethod(s, m, "Onn", sub, start, end);
    if (r == NULL) {
        return -2;
    }
    Py_ssize_t n = PyLong_AsSsize_t(r);
    Py_DECREF(r);
    return n;
}

Py_ssize_t PyUnicode_Find(PyObject *str, PyObject *substr, Py_ssize_t start, Py_ssize_t end, int direction) {
    return str_ssize_method(str, direction > 0 ? "find" : "rfind", substr, start, end);
}

Py_ssize_t PyUnicode_Count(PyObject *str, PyObject *substr, Py_ssize_t start, Py_ssize_t end) {
    Py_ssize_t r = str_ssize_method(str, "count", substr, start, end);
    return r == -2 ? -1 : r;
}

PyObject *PyUnicode_Partition(PyObject *s, PyObject *sep) {
    if (!check_str(s) || !check_str(sep)) return NULL;
    return PyObject_CallMethod(s, "partition", "O", sep);
}

PyObject *PyUnicode_RPartition(PyObject *s, PyObject *sep) {
    if (!check_str(s) || !check_str(sep)) return NULL;
    return PyObject_CallMethod(s, "rpartition", "O", sep);
}

PyObject *PyUnicode_RSplit(PyObject *s, PyObject *sep, Py_ssize_t maxsplit) {
    if (!check_str(s) || (sep != NULL && !check_str(sep))) return NULL;
    return PyObject_CallMethod(s, "rsplit", "On", sep ? sep : Py_None, maxsplit);
}

/* PyUnicode_Translate: each character through table (a character it
 * lacks stays); one that maps to None goes to the error handler, as for
 * a codec ("strict" raises UnicodeTranslateError, "ignore" drops it,
 * "replace" writes '?'). */
PyObject *PyUnicode_Translate(PyObject *str, PyObject *table, const char *errors) {
    if (!check_str(str)) return NULL;
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    PyObject *parts = PyList_New(0);
    if (parts == NULL) return NULL;
    PyObject *handler = NULL;
    for (Py_ssize_t i = 0; i < len;) {
        Py_UCS4 ch = PyUnicode_READ_CHAR(str, i);
        PyObject *key = PyLong_FromLong((long)ch);
        PyObject *v = key ? PyObject_GetItem(table, key) : NULL;
        Py_XDECREF(key);
        if (v == NULL) {
            if (!PyErr_ExceptionMatches(PyExc_LookupError)) goto fail;
            PyErr_Clear();
            v = PyUnicode_Substring(str, i, i + 1);
            if (v == NULL) goto fail;
        } else if (PyLong_Check(v)) {
            long c = PyLong_AsLong(v);
            Py_DECREF(v);
            if (c < 0 || c > 0x10ffff) {
                if (!PyErr_Occurred()) PyErr_SetString(PyExc_ValueError, "character mapping must be in range(0x110000)");
                goto fail;
            }
            Py_UCS4 u = (Py_UCS4)c;
            v = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, &u, 1);
            if (v == NULL) goto fail;
        } else if (v == Py_None) {
            Py_DECREF(v);
            if (handler == NULL) {
                PyObject *codecs = PyImport_ImportModule("codecs");
                handler = codecs ? PyObject_CallMethod(codecs, "lookup_error", "s", errors ? errors : "strict") : NULL;
                Py_XDECREF(codecs);
                if (handler == NULL) goto fail;
            }
            PyObject *exc = PyObject_CallFunction(PyExc_UnicodeTranslateError, "Onns", str, i, i + 1,
                                                  "character maps to <undefined>");
            PyObject *r = exc ? PyObject_CallOneArg(handler, exc) : NULL;
            Py_XDECREF(exc);
            if (r == NULL) goto fail;
            PyObject *rep;
            Py_ssize_t next;
            if (!PyArg_ParseTuple(r, "Un;translating error handler must return (str, int) tuple", &rep, &next)) {
                Py_DECREF(r);
                goto fail;
            }
            if (next < 0) next += len;
            int ok = PyList_Append(parts, rep);
            Py_DECREF(r);
            if (ok < 0) goto fail;
            i = next <= i ? i + 1 : next;
            continue;
        } else if (!PyUnicode_Check(v)) {
            Py_DECREF(v);
            PyErr_SetString(PyExc_TypeError, "character mapping must return integer, None or str");
            goto fail;
        }
        int ok = PyList_Append(parts, v);
        Py_DECREF(v);
        if (ok < 0) goto fail;
        i++;
    }
    Py_XDECREF(handler);
    PyObject *empty = PyUnicode_FromString("");
    PyObject *res = empty ? PyUnicode_Join(empty, parts) : NULL;
    Py_XDECREF(empty);
    Py_DECREF(parts);
    return res;
fail:
    Py_XDECREF(handler);
    Py_DECREF(parts);
    return NULL;
}

PyObject *PyUnicode_RichCompare(PyObject *left, PyObject *right, int op) {
    if (!PyUnicode_Check(left) || !PyUnicode_Check(right)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    return PyObject_RichCompare(left, right, op);
}

int PyUnicode_IsIdentifier(PyObject *s) {
    PyObject *r = PyObject_CallMethod(s, "isidentifier", NULL);
    if (r == NULL) {
        PyErr_Clear();
        return 0;
    }
    int b = r == Py_True;
    Py_DECREF(r);
    return b;
}

int PyUnicode_FSDecoder(PyObject *arg, void *addr) {
    PyObject **out = addr;
    if (arg == NULL) {
        Py_CLEAR(*out);
        return 1;
    }
    PyObject *path = PyOS_FSPath(arg);
    if (path == NULL) {
        return 0;
    }
    PyObject *str;
    if (PyUnicode_Check(path)) {
        str = path;
    } else if (PyBytes_Check(path)) {
        str = PyUnicode_DecodeFSDefaultAndSize(PyBytes_AS_STRING(path), PyBytes_GET_SIZE(path));
        Py_DECREF(path);
        if (str == NULL) {
            return 0;
        }
    } else {
        PyErr_Format(PyExc_TypeError, "path should be string, bytes, or os.PathLike, not %.200s",
                     Py_TYPE(arg)->tp_name);
        Py_DECREF(path);
        return 0;
    }
    if (PyUnicode_FindChar(str, 0, 0, PyUnicode_GET_LENGTH(str), 1) != -1) {
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        Py_DECREF(str);
        return 0;
    }
    *out = str;
    return Py_CLEANUP_SUPPORTED;
}

/* encoders and decoders by codec name */

static PyObject *encode(PyObject *u, const char *enc) {
    if (!PyUnicode_Check(u)) {
        PyErr_BadArgument();
        return NULL;
    }
    return PyUnicode_AsEncodedString(u, enc, NULL);
}
PyObject *PyUnicode_AsUTF16String(PyObject *u) { return encode(u, "utf-16"); }
PyObject *PyUnicode_AsUTF32String(PyObject *u) { return encode(u, "utf-32"); }
PyObject *PyUnicode_AsUnicodeEscapeString(PyObject *u) { return encode(u, "unicode_escape"); }
PyObject *PyUnicode_AsRawUnicodeEscapeString(PyObject *u) { return encode(u, "raw_unicode_escape"); }

PyObject *PyUnicode_AsCharmapString(PyObject *u, PyObject *mapping) {
    if (!PyUnicode_Check(u) || mapping == NULL) {
        PyErr_BadArgument();
        return NULL;
    }
    return pair_first(codecs_call("charmap_encode", "(OzO)", u, (char *)NULL, mapping), NULL);
}

PyObject *PyUnicode_AsDecodedObject(PyObject *unicode, const char *encoding, const char *errors) {
    if (!PyUnicode_Check(unicode)) {
        PyErr_BadArgument();
        return NULL;
    }
    if (PyErr_WarnEx(PyExc_DeprecationWarning, "PyUnicode_AsDecodedObject() is deprecated; use PyCodec_Decode() to decode from str", 1) < 0) {
        return NULL;
    }
    PyObject *codecs = PyImport_ImportModule("codecs");
    if (codecs == NULL) {
        return NULL;
    }
    PyObject *r = PyObject_CallMethod(codecs, "decode", "Oss", unicode, encoding ? encoding : "utf-8",
                                      errors ? errors : "strict");
    Py_DECREF(codecs);
    return r;
}

PyObject *PyUnicode_BuildEncodingMap(PyObject *string) {
    return codecs_call("charmap_build", "(O)", string);
}

PyObject *PyUnicode_DecodeASCII(const char *s, Py_ssize_t size, const char *errors) {
    return PyUnicode_Decode(s, size, "ascii", errors);
}
PyObject *PyUnicode_DecodeUTF7(const char *s, Py_ssize_t size, const char *errors) {
    return PyUnicode_Decode(s, size, "utf-7", errors);
}
PyObject *PyUnicode_DecodeUnicodeEscape(const char *s, Py_ssize_t size, const char *errors) {
    return PyUnicode_Decode(s, size, "unicode_escape", errors);
}
PyObject *PyUnicode_DecodeRawUnicodeEscape(const char *s, Py_ssize_t size, const char *errors) {
    return PyUnicode_Decode(s, size, "raw_unicode_escape", errors);
}

PyObject *PyUnicode_DecodeCharmap(const char *s, Py_ssize_t size, PyObject *mapping, const char *errors) {
    if (mapping == NULL) {
        return PyUnicode_DecodeLatin1(s, size, errors);
    }
    return pair_first(codecs_call("charmap_decode", "(y#zO)", s, size, errors, mapping), NULL);
}

PyObject *PyUnicode_DecodeUTF8Stateful(const char *s, Py_ssize_t size, const char *errors, Py_ssize_t *consumed) {
    if (consumed == NULL) {
        return PyUnicode_DecodeUTF8(s, size, errors);
    }
    return pair_first(codecs_call("utf_8_decode", "(y#zi)", s, size, errors, 0), consumed);
}

/* utf_16_ex_decode / utf_32_ex_decode: (str, consumed, byteorder) */
static PyObject *decode_ex(const char *fn, const char *s, Py_ssize_t size, const char *errors, int *byteorder,
                           Py_ssize_t *consumed) {
    PyObject *r = codecs_call(fn, "(y#zii)", s, size, errors, byteorder ? *byteorder : 0, consumed == NULL);
    if (r == NULL) {
        return NULL;
    }
    PyObject *str = PyTuple_GetItem(r, 0);
    if (str == NULL) {
        Py_DECREF(r);
        return NULL;
    }
    if (consumed != NULL) {
        *consumed = PyLong_AsSsize_t(PyTuple_GET_ITEM(r, 1));
    }
    if (byteorder != NULL) {
        *byteorder = (int)PyLong_AsLong(PyTuple_GET_ITEM(r, 2));
    }
    Py_INCREF(str);
    Py_DECREF(r);
    return str;
}

PyObject *PyUnicode_DecodeUTF16Stateful(const char *s, Py_ssize_t size, const char *errors, int *byteorder,
                                        Py_ssize_t *consumed) {
    return decode_ex("utf_16_ex_decode", s, size, errors, byteorder, consumed);
}
PyObject *PyUnicode_DecodeUTF16(const char *s, Py_ssize_t size, const char *errors, int *byteorder) {
    return decode_ex("utf_16_ex_decode", s, size, errors, byteorder, NULL);
}
PyObject *PyUnicode_DecodeUTF32Stateful(const char *s, Py_ssize_t size, const char *errors, int *byteorder,
                                        Py_ssize_t *consumed) {
    return decode_ex("utf_32_ex_decode", s, size, errors, byteorder, consumed);
}
PyObject *PyUnicode_DecodeUTF32(const char *s, Py_ssize_t size, const char *errors, int *byteorder) {
    return decode_ex("utf_32_ex_decode", s, size, errors, byteorder, NULL);
}

/* ---- buffers ---- */

static int is_contiguous(const Py_buffer *view, char order) {
    return PyBuffer_IsContiguous(view, order);
}

void *PyBuffer_GetPointer(const Py_buffer *view, const Py_ssize_t *indices) {
    char *p = (char *)view->buf;
    for (int i = 0; i < view->ndim; i++) {
        Py_ssize_t stride = view->strides ? view->strides[i] : view->itemsize;
        p += stride * indices[i];
        if (view->suboffsets != NULL && view->suboffsets[i] >= 0) {
            p = *((char **)p) + view->suboffsets[i];
        }
    }
    return p;
}

void PyBuffer_FillContiguousStrides(int nd, Py_ssize_t *shape, Py_ssize_t *strides, int itemsize, char order) {
    Py_ssize_t sd = itemsize;
    if (order == 'F') {
        for (int k = 0; k < nd; k++) {
            strides[k] = sd;
            sd *= shape[k];
        }
    } else {
        for (int k = nd - 1; k >= 0; k--) {
            strides[k] = sd;
            sd *= shape[k];
        }
    }
}

Py_ssize_t PyBuffer_SizeFromFormat(const char *format) {
    PyObject *st = PyImport_ImportModule("struct");
    if (st == NULL) {
        return -1;
    }
    PyObject *r = PyObject_CallMethod(st, "calcsize", "s", format);
    Py_DECREF(st);
    if (r == NULL) {
        return -1;
    }
    Py_ssize_t n = PyLong_AsSsize_t(r);
    Py_DECREF(r);
    return n;
}

/* walk every item of view in order ('C': last index fastest, 'F': first
 * fastest; 'A' is 'C' unless the view is Fortran-contiguous), copying
 * between the view and a contiguous buffer. */
static int copy_items(const Py_buffer *view, char *buf, char order, int to_view) {
    int nd = view->ndim;
    Py_ssize_t isz = view->itemsize;
    if (nd == 0) {
        if (to_view) memcpy(view->buf, buf, (size_t)isz);
        else memcpy(buf, view->buf, (size_t)isz);
        return 0;
    }
    if (order == 'A') {
        order = is_contiguous(view, 'F') && !is_contiguous(view, 'C') ? 'F' : 'C';
    }
    Py_ssize_t *idx = PyMem_Calloc((size_t)nd, sizeof(Py_ssize_t));
    if (idx == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t total = 1;
    for (int k = 0; k < nd; k++) total *= view->shape[k];
    for (Py_ssize_t n = 0; n < total; n++) {
        char *p = PyBuffer_GetPointer(view, idx);
        if (to_view) memcpy(p, buf, (size_t)isz);
        else memcpy(buf, p, (size_t)isz);
        buf += isz;
        if (order == 'F') {
            for (int k = 0; k < nd && ++idx[k] == view->shape[k]; k++) idx[k] = 0;
        } else {
            for (int k = nd - 1; k >= 0 && ++idx[k] == view->shape[k]; k--) idx[k] = 0;
        }
    }
    PyMem_Free(idx);
    return 0;
}

int PyBuffer_ToContiguous(void *buf, const Py_buffer *src, Py_ssize_t len, char order) {
    if (len != src->len) {
        PyErr_SetString(PyExc_ValueError, "PyBuffer_ToContiguous: len != view->len");
        return -1;
    }
    if (is_contiguous(src, order)) {
        memcpy(buf, src->buf, (size_t)len);
        return 0;
    }
    return copy_items(src, buf, order, 0);
}

int PyBuffer_FromContiguous(const Py_buffer *view, const void *buf, Py_ssize_t len, char fort) {
    if (len > view->len) {
        len = view->len;
    }
    if (is_contiguous(view, fort)) {
        memcpy(view->buf, buf, (size_t)len);
        return 0;
    }
    /* copy_items copies the whole view: only when all of it is given */
    if (len < view->len) {
        char *full = PyMem_Calloc(1, (size_t)view->len);
        if (full == NULL) {
            PyErr_NoMemory();
            return -1;
        }
        if (copy_items(view, full, fort, 0) < 0) {
            PyMem_Free(full);
            return -1;
        }
        memcpy(full, buf, (size_t)len);
        int r = copy_items(view, full, fort, 1);
        PyMem_Free(full);
        return r;
    }
    return copy_items(view, (char *)buf, fort, 1);
}

int PyObject_CopyData(PyObject *dest, PyObject *src) {
    if (!PyObject_CheckBuffer(dest) || !PyObject_CheckBuffer(src)) {
        PyErr_SetString(PyExc_TypeError, "both destination and source must be bytes-like objects");
        return -1;
    }
    Py_buffer vd, vs;
    if (PyObject_GetBuffer(dest, &vd, PyBUF_FULL) != 0) {
        return -1;
    }
    if (PyObject_GetBuffer(src, &vs, PyBUF_FULL_RO) != 0) {
        PyBuffer_Release(&vd);
        return -1;
    }
    int r = 0;
    if (vd.len < vs.len) {
        PyErr_SetString(PyExc_BufferError, "destination is too small to receive data from source");
        r = -1;
    } else {
        char *tmp = PyMem_Malloc((size_t)vs.len + 1);
        if (tmp == NULL) {
            PyErr_NoMemory();
            r = -1;
        } else {
            r = PyBuffer_ToContiguous(tmp, &vs, vs.len, 'C');
            if (r == 0) r = PyBuffer_FromContiguous(&vd, tmp, vs.len, 'C');
            PyMem_Free(tmp);
        }
    }
    PyBuffer_Release(&vd);
    PyBuffer_Release(&vs);
    return r;
}

/* ---- interpreter services ---- */

static PyObject *call_module(const char *module, const char *fn) {
    PyObject *m = PyImport_ImportModule(module);
    if (m == NULL) {
        return NULL;
    }
    PyObject *r = PyObject_CallMethod(m, fn, NULL);
    Py_DECREF(m);
    return r;
}

static int gc_state(const char *fn) {
    PyObject *was = call_module("gc", "isenabled");
    if (was == NULL) {
        return -1;
    }
    int r = PyObject_IsTrue(was);
    Py_DECREF(was);
    if (fn != NULL) {
        PyObject *x = call_module("gc", fn);
        if (x == NULL) {
            return -1;
        }
        Py_DECREF(x);
    }
    return r;
}
int PyGC_Enable(void) { return gc_state("enable"); }
int PyGC_Disable(void) { return gc_state("disable"); }
int PyGC_IsEnabled(void) { return gc_state(NULL); }
Py_ssize_t PyGC_Collect(void) {
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    PyObject *n = call_module("gc", "collect");
    Py_ssize_t r = 0;
    if (n == NULL) {
        PyErr_WriteUnraisable(NULL);
    } else {
        r = PyLong_AsSsize_t(n);
        Py_DECREF(n);
    }
    PyErr_Restore(t, v, tb);
    return r;
}

int Py_GetRecursionLimit(void) {
    PyObject *n = call_module("sys", "getrecursionlimit");
    if (n == NULL) {
        PyErr_Clear();
        return 1000;
    }
    int r = (int)PyLong_AsLong(n);
    Py_DECREF(n);
    return r;
}

void Py_SetRecursionLimit(int limit) {
    PyObject *sys = PyImport_ImportModule("sys");
    PyObject *r = sys ? PyObject_CallMethod(sys, "setrecursionlimit", "i", limit) : NULL;
    Py_XDECREF(sys);
    if (r == NULL) {
        PyErr_Clear();
    }
    Py_XDECREF(r);
}

PyObject *PyErr_GetHandledException(void) {
    PyObject *t, *v, *tb;
    PyErr_GetExcInfo(&t, &v, &tb);
    Py_XDECREF(t);
    Py_XDECREF(tb);
    if (v == Py_None) {
        Py_DECREF(v);
        return NULL;
    }
    return v;
}

void PyErr_SetHandledException(PyObject *exc) {
    if (exc == NULL || exc == Py_None) {
        PyErr_SetExcInfo(NULL, NULL, NULL);
        return;
    }
    PyObject *t = (PyObject *)Py_TYPE(exc);
    Py_INCREF(t);
    Py_INCREF(exc);
    PyErr_SetExcInfo(t, exc, PyException_GetTraceback(exc));
}

PyObject *PyImport_AddModuleObject(PyObject *name) {
    const char *s = PyUnicode_AsUTF8(name);
    return s ? PyImport_AddModule(s) : NULL;
}

/* An extension runs inside an interpreter that is already initialised,
 * where CPython refuses to extend the table of built-in modules. */
int PyImport_AppendInittab(const char *name, PyObject *(*initfunc)(void)) {
    (void)name;
    (void)initfunc;
    Py_FatalError("PyImport_AppendInittab() may not be called after Py_Initialize()");
}

/* ---- compiling and running source ---- */

PyObject *Py_CompileStringExFlags(const char *str, const char *filename, int start, PyCompilerFlags *flags,
                                  int optimize) {
    PyObject *f = PyUnicode_DecodeFSDefault(filename);
    if (f == NULL) {
        return NULL;
    }
    PyObject *r = Py_CompileStringObject(str, f, start, flags, optimize);
    Py_DECREF(f);
    return r;
}

#undef Py_CompileString
PyObject *Py_CompileString(const char *str, const char *filename, int start) {
    return Py_CompileStringExFlags(str, filename, start, NULL, -1);
}

PyObject *PyRun_StringFlags(const char *str, int start, PyObject *globals, PyObject *locals, PyCompilerFlags *flags) {
    /* the source runs whatever the flags say (PyCF_ONLY_AST included) */
    PyCompilerFlags cf = {0, PY_MINOR_VERSION};
    if (flags != NULL) {
        cf = *flags;
        cf.cf_flags &= ~PyCF_ONLY_AST;
    }
    PyObject *co = Py_CompileStringExFlags(str, "<string>", start, &cf, -1);
    if (co == NULL) {
        return NULL;
    }
    PyObject *r = PyEval_EvalCode(co, globals, locals);
    Py_DECREF(co);
    return r;
}

#undef PyRun_String
PyObject *PyRun_String(const char *str, int start, PyObject *globals, PyObject *locals) {
    return PyRun_StringFlags(str, start, globals, locals, NULL);
}

/* PyRun_SimpleStringFlags: run in __main__; an exception is printed and
 * gives -1. */
int PyRun_SimpleStringFlags(const char *command, PyCompilerFlags *flags) {
    PyObject *m = PyImport_AddModule("__main__");
    if (m == NULL) {
        return -1;
    }
    PyObject *d = PyModule_GetDict(m);
    PyObject *r = PyRun_StringFlags(command, Py_file_input, d, d, flags);
    if (r == NULL) {
        PyErr_Print();
        return -1;
    }
    Py_DECREF(r);
    return 0;
}

#undef PyRun_SimpleString
int PyRun_SimpleString(const char *command) { return PyRun_SimpleStringFlags(command, NULL); }

/* ---- Py_AtExit and Py_AddPendingCall ---- */

#define FPY_NEXITFUNCS 32
static void (*exitfuncs[FPY_NEXITFUNCS])(void);
static int nexitfuncs;
static pthread_mutex_t exit_mu = PTHREAD_MUTEX_INITIALIZER;

/* Py_AtExit: C functions run at interpreter shutdown, after the atexit
 * module's, last registered first. */
int Py_AtExit(void (*func)(void)) {
    pthread_mutex_lock(&exit_mu);
    int r = -1;
    if (nexitfuncs < FPY_NEXITFUNCS) {
        exitfuncs[nexitfuncs++] = func;
        r = 0;
    }
    pthread_mutex_unlock(&exit_mu);
    return r;
}

void fpy_run_atexit_funcs(void) {
    for (;;) {
        pthread_mutex_lock(&exit_mu);
        void (*f)(void) = nexitfuncs > 0 ? exitfuncs[--nexitfuncs] : NULL;
        pthread_mutex_unlock(&exit_mu);
        if (f == NULL) {
            return;
        }
        f();
    }
}

#define FPY_NPENDING 32
static struct {
    int (*func)(void *);
    void *arg;
} pending[FPY_NPENDING];
static int npending;
static pthread_mutex_t pending_mu = PTHREAD_MUTEX_INITIALIZER;

extern void fpyGo_SchedulePending(void);

/* Py_AddPendingCall: func(arg) runs soon in the main thread, between
 * two bytecodes; -1 when the queue (32 calls, as CPython's) is full. */
int Py_AddPendingCall(int (*func)(void *), void *arg) {
    pthread_mutex_lock(&pending_mu);
    int r = -1;
    if (npending < FPY_NPENDING) {
        pending[npending].func = func;
        pending[npending].arg = arg;
        npending++;
        r = 0;
    }
    pthread_mutex_unlock(&pending_mu);
    if (r == 0) {
        fpyGo_SchedulePending();
    }
    return r;
}

/* in order of registration; the first that fails stops the others, which
 * wait for the next check */
int fpy_run_pending_calls(PyThreadState *ts) {
    fpy_tstate = ts;
    for (;;) {
        pthread_mutex_lock(&pending_mu);
        if (npending == 0) {
            pthread_mutex_unlock(&pending_mu);
            return 0;
        }
        int (*f)(void *) = pending[0].func;
        void *arg = pending[0].arg;
        memmove(&pending[0], &pending[1], sizeof pending[0] * (size_t)(npending - 1));
        npending--;
        int more = npending > 0;
        pthread_mutex_unlock(&pending_mu);
        if (f(arg) < 0) {
            if (more) {
                fpyGo_SchedulePending();
            }
            return -1;
        }
    }
}

/* ---- threads started from C ---- */

typedef struct {
    void (*func)(void *);
    void *arg;
} fpy_cthread;

static __thread int fpy_in_cthread;

static void *cthread_main(void *p) {
    fpy_cthread c = *(fpy_cthread *)p;
    free(p);
    fpy_in_cthread = 1;
    c.func(c.arg);
    return NULL;
}

/* PyThread_start_new_thread: func(arg) on a new OS thread, detached; it
 * calls the API after PyGILState_Ensure, as in CPython. The result is
 * the thread's id, (unsigned long)-1 on failure. */
unsigned long PyThread_start_new_thread(void (*func)(void *), void *arg) {
    fpy_cthread *c = malloc(sizeof *c);
    if (c == NULL) {
        return (unsigned long)-1;
    }
    c->func = func;
    c->arg = arg;
    pthread_t th;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    int e = pthread_create(&th, &attr, cthread_main, c);
    pthread_attr_destroy(&attr);
    if (e != 0) {
        free(c);
        return (unsigned long)-1;
    }
    return (unsigned long)th;
}

/* PyThread_exit_thread ends a thread that PyThread_start_new_thread
 * started; any other thread runs Go code below its C frames, which
 * cannot be unwound from C. */
void PyThread_exit_thread(void) {
    if (!fpy_in_cthread) {
        Py_FatalError("PyThread_exit_thread: only threads started by PyThread_start_new_thread can exit this way");
    }
    pthread_exit(NULL);
}

/* ---- contexts ---- */

static PyObject *contextvars_call(const char *fn) { return call_module("_contextvars", fn); }

PyObject *PyContext_New(void) { return contextvars_call("Context"); }
PyObject *PyContext_CopyCurrent(void) { return contextvars_call("copy_context"); }
PyObject *PyContext_Copy(PyObject *ctx) { return PyObject_CallMethod(ctx, "copy", NULL); }

int PyContextVar_Reset(PyObject *var, PyObject *token) {
    PyObject *r = PyObject_CallMethod(var, "reset", "O", token);
    if (r == NULL) {
        return -1;
    }
    Py_DECREF(r);
    return 0;
}

/* ---- internal helpers the host's lib-dynload modules import ----
 * (_asyncio: generators' StopIteration, the thread state dict,
 * finalisation; ossaudiodev: _Py_open/_Py_read/_Py_write) */

int _PyGen_FetchStopIterationValue(PyObject **pvalue);
int _PyGen_SetStopIterationValue(PyObject *value);
PyObject *_PyThreadState_GetDict(PyThreadState *tstate);
int _Py_IsFinalizing(void);
int _Py_open(const char *pathname, int flags);
Py_ssize_t _Py_read(int fd, void *buf, size_t count);
Py_ssize_t _Py_write(int fd, const void *buf, size_t count);

/* *pvalue: the value of the StopIteration being raised (None when none
 * is, or when it carries none), which is cleared; -1 for any other
 * exception. */
int _PyGen_FetchStopIterationValue(PyObject **pvalue) {
    PyObject *value = NULL;
    if (PyErr_ExceptionMatches(PyExc_StopIteration)) {
        PyObject *t, *v, *tb;
        PyErr_Fetch(&t, &v, &tb);
        PyErr_NormalizeException(&t, &v, &tb);
        if (v != NULL) {
            value = PyObject_GetAttrString(v, "value");
        }
        Py_XDECREF(t);
        Py_XDECREF(v);
        Py_XDECREF(tb);
        if (value == NULL && PyErr_Occurred()) {
            return -1;
        }
    } else if (PyErr_Occurred()) {
        return -1;
    }
    if (value == NULL) {
        value = Py_NewRef(Py_None);
    }
    *pvalue = value;
    return 0;
}

/* raise StopIteration(value); a tuple or an exception is wrapped so that
 * it arrives as the value, not as arguments or the exception itself */
int _PyGen_SetStopIterationValue(PyObject *value) {
    if (value == Py_None || (!PyTuple_Check(value) && !PyExceptionInstance_Check(value))) {
        PyErr_SetObject(PyExc_StopIteration, value);
        return 0;
    }
    PyObject *e = PyObject_CallOneArg(PyExc_StopIteration, value);
    if (e == NULL) {
        return -1;
    }
    PyErr_SetObject(PyExc_StopIteration, e);
    Py_DECREF(e);
    return 0;
}

PyObject *_PyThreadState_GetDict(PyThreadState *tstate) {
    (void)tstate; /* only the calling thread's is ever asked for */
    return PyThreadState_GetDict();
}

int _Py_IsFinalizing(void) { return 0; }

/* open(2), not inheritable, retried on EINTR; OSError with the file name
 * on failure */
int _Py_open(const char *pathname, int flags) {
    int fd;
    for (;;) {
        Py_BEGIN_ALLOW_THREADS
        fd = open(pathname, flags | O_CLOEXEC);
        Py_END_ALLOW_THREADS
        if (fd >= 0 || errno != EINTR) {
            break;
        }
        if (PyErr_CheckSignals() < 0) {
            return -1;
        }
    }
    if (fd < 0) {
        PyErr_SetFromErrnoWithFilename(PyExc_OSError, pathname);
        return -1;
    }
    return fd;
}

static Py_ssize_t rw(int fd, void *buf, size_t count, int writing) {
    if (count > PY_SSIZE_T_MAX) {
        count = PY_SSIZE_T_MAX;
    }
    ssize_t n;
    int e;
    for (;;) {
        Py_BEGIN_ALLOW_THREADS
        errno = 0;
        n = writing ? write(fd, buf, count) : read(fd, buf, count);
        e = errno;
        Py_END_ALLOW_THREADS
        if (n >= 0 || e != EINTR) {
            break;
        }
        if (PyErr_CheckSignals() < 0) {
            return -1;
        }
    }
    if (n < 0) {
        errno = e;
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    return n;
}

Py_ssize_t _Py_read(int fd, void *buf, size_t count) { return rw(fd, buf, count, 0); }
Py_ssize_t _Py_write(int fd, const void *buf, size_t count) { return rw(fd, (void *)buf, count, 1); }
