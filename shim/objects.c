/* Hot, simple C-API functions that work on mirrors directly in C: ints,
 * floats, complex, bools, tuples, bytes, str and lists. Anything that
 * needs the interpreter (a subclass's __index__, a linked list's Go side)
 * goes to Go through fpyGo_* calls. */
#include "shim.h"
#include <limits.h>
#include <stdlib.h>
#include <math.h>

/* ---- int ---- */

PyObject *PyLong_FromLongLong(long long v) { return fpy_long_from_i64((int64_t)v); }

PyObject *PyLong_FromUnsignedLongLong(unsigned long long u) {
    if (u <= FPY_SMALL_MAX) {
        return fpy_small_int((long)u);
    }
    uint32_t d[3];
    Py_ssize_t n = 0;
    while (u != 0) {
        d[n++] = (uint32_t)(u & PyLong_MASK);
        u >>= PyLong_SHIFT;
    }
    return fpy_long_from_digits(0, d, n);
}

PyObject *PyLong_FromLong(long v) { return fpy_long_from_i64(v); }
PyObject *PyLong_FromUnsignedLong(unsigned long v) { return PyLong_FromUnsignedLongLong(v); }
PyObject *PyLong_FromSsize_t(Py_ssize_t v) { return fpy_long_from_i64(v); }
PyObject *PyLong_FromSize_t(size_t v) { return PyLong_FromUnsignedLongLong(v); }
PyObject *PyLong_FromVoidPtr(void *p) { return PyLong_FromUnsignedLongLong((uintptr_t)p); }
PyObject *PyBool_FromLong(long v) { return v ? Py_NewRef(Py_True) : Py_NewRef(Py_False); }

/* exact_long returns a new reference to an exact int for op (op itself,
 * or the result of __index__), or NULL with an error set. */
static PyObject *exact_long(PyObject *op) {
    if (op == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (Py_IS_TYPE(op, &PyLong_Type) || Py_IS_TYPE(op, &PyBool_Type)) {
        Py_INCREF(op);
        return op;
    }
    return fpyGo_LongIndex(op);
}

/* long_magnitude reads |v| into *out; it returns 0 when it fits in
 * 64 bits, 1 otherwise. */
static int long_magnitude(PyLongObject *v, unsigned long long *out) {
    Py_ssize_t n = v->ob_base.ob_size < 0 ? -v->ob_base.ob_size : v->ob_base.ob_size;
    unsigned long long x = 0;
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        if (x > (ULLONG_MAX >> PyLong_SHIFT)) {
            return 1;
        }
        x = (x << PyLong_SHIFT) | v->ob_digit[i];
    }
    *out = x;
    return 0;
}

static int long_sign(PyLongObject *v) {
    Py_ssize_t s = v->ob_base.ob_size;
    return s < 0 ? -1 : (s > 0 ? 1 : 0);
}

long long PyLong_AsLongLongAndOverflow(PyObject *op, int *overflow) {
    *overflow = 0;
    long long small;
    if (op != NULL && fpy_small_long_value(op, &small)) {
        /* the common case, without exact_long's reference traffic */
        return small;
    }
    PyObject *v = exact_long(op);
    if (v == NULL) {
        return -1;
    }
    unsigned long long m = 0;
    long long r = -1;
    int big = long_magnitude((PyLongObject *)v, &m);
    int sign = long_sign((PyLongObject *)v);
    if (big) {
        *overflow = sign;
    } else if (sign >= 0) {
        if (m > (unsigned long long)LLONG_MAX) {
            *overflow = 1;
        } else {
            r = (long long)m;
        }
    } else {
        if (m > (unsigned long long)LLONG_MAX + 1ULL) {
            *overflow = -1;
        } else {
            r = (long long)(0ULL - m);
        }
    }
    Py_DECREF(v);
    return r;
}

long PyLong_AsLongAndOverflow(PyObject *op, int *overflow) {
    return (long)PyLong_AsLongLongAndOverflow(op, overflow);
}

long long PyLong_AsLongLong(PyObject *op) {
    int overflow;
    long long r = PyLong_AsLongLongAndOverflow(op, &overflow);
    if (overflow) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    return r;
}

long PyLong_AsLong(PyObject *op) { return (long)PyLong_AsLongLong(op); }

int PyLong_AsInt(PyObject *op) {
    long r = PyLong_AsLong(op);
    if (r == -1 && PyErr_Occurred()) {
        return -1;
    }
    if (r < INT_MIN || r > INT_MAX) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    return (int)r;
}

Py_ssize_t PyLong_AsSsize_t(PyObject *op) {
    if (op != NULL && !PyLong_Check(op)) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return -1;
    }
    int overflow;
    long long r = PyLong_AsLongLongAndOverflow(op, &overflow);
    if (overflow) {
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (Py_ssize_t)r;
}

unsigned long long PyLong_AsUnsignedLongLong(PyObject *op) {
    if (op != NULL && !PyLong_Check(op)) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return (unsigned long long)-1;
    }
    PyObject *v = exact_long(op);
    if (v == NULL) {
        return (unsigned long long)-1;
    }
    unsigned long long m = 0;
    int sign = long_sign((PyLongObject *)v);
    int big = long_magnitude((PyLongObject *)v, &m);
    Py_DECREF(v);
    if (sign < 0) {
        PyErr_SetString(PyExc_OverflowError, "can't convert negative int to unsigned");
        return (unsigned long long)-1;
    }
    if (big) {
        PyErr_SetString(PyExc_OverflowError, "int too big to convert");
        return (unsigned long long)-1;
    }
    return m;
}

unsigned long PyLong_AsUnsignedLong(PyObject *op) {
    unsigned long long r = PyLong_AsUnsignedLongLong(op);
    if (r == (unsigned long long)-1 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
            PyObject *t, *v, *tb;
            PyErr_Fetch(&t, &v, &tb);
            Py_XDECREF(t);
            Py_XDECREF(tb);
            int neg = v != NULL && PyUnicode_Check(v) &&
                      strstr(PyUnicode_AsUTF8(v), "negative") != NULL;
            Py_XDECREF(v);
            PyErr_SetString(PyExc_OverflowError,
                            neg ? "can't convert negative value to unsigned int"
                                : "Python int too large to convert to C unsigned long");
        }
        return (unsigned long)-1;
    }
    return (unsigned long)r;
}

size_t PyLong_AsSize_t(PyObject *op) { return (size_t)PyLong_AsUnsignedLongLong(op); }

unsigned long long PyLong_AsUnsignedLongLongMask(PyObject *op) {
    PyObject *v = exact_long(op);
    if (v == NULL) {
        return (unsigned long long)-1;
    }
    PyLongObject *l = (PyLongObject *)v;
    Py_ssize_t n = l->ob_base.ob_size < 0 ? -l->ob_base.ob_size : l->ob_base.ob_size;
    unsigned long long x = 0;
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        x = (x << PyLong_SHIFT) | l->ob_digit[i];
    }
    if (long_sign(l) < 0) {
        x = 0ULL - x;
    }
    Py_DECREF(v);
    return x;
}

unsigned long PyLong_AsUnsignedLongMask(PyObject *op) {
    return (unsigned long)PyLong_AsUnsignedLongLongMask(op);
}

void *PyLong_AsVoidPtr(PyObject *op) {
    return (void *)(uintptr_t)PyLong_AsUnsignedLongLongMask(op);
}

double PyLong_AsDouble(PyObject *op) {
    if (op == NULL || !PyLong_Check(op)) {
        PyErr_SetString(PyExc_TypeError, "an integer is required");
        return -1.0;
    }
    PyLongObject *l = (PyLongObject *)op;
    if (!Py_IS_TYPE(op, &PyLong_Type) && !Py_IS_TYPE(op, &PyBool_Type)) {
        return fpyGo_ToDouble(op);
    }
    Py_ssize_t n = l->ob_base.ob_size < 0 ? -l->ob_base.ob_size : l->ob_base.ob_size;
    if (n > 2) {
        return fpyGo_ToDouble(op); /* correctly rounded in Go */
    }
    double x = 0;
    for (Py_ssize_t i = n - 1; i >= 0; i--) {
        x = x * (double)(1L << PyLong_SHIFT) + l->ob_digit[i];
    }
    return long_sign(l) < 0 ? -x : x;
}

/* ---- float, complex ---- */

PyObject *PyFloat_FromDouble(double v) { return fpy_new_float(v); }

double PyFloat_AsDouble(PyObject *op) {
    if (op == NULL) {
        PyErr_BadArgument();
        return -1.0;
    }
    if (Py_IS_TYPE(op, &PyFloat_Type)) {
        return ((PyFloatObject *)op)->ob_fval;
    }
    if (Py_IS_TYPE(op, &PyLong_Type)) {
        return PyLong_AsDouble(op);
    }
    return fpyGo_ToDouble(op);
}

PyObject *PyComplex_FromDoubles(double real, double imag) {
    PyComplexObject *c = (PyComplexObject *)fpy_new_object(&PyComplex_Type, sizeof(PyComplexObject));
    if (c != NULL) {
        c->cval.real = real;
        c->cval.imag = imag;
    }
    return (PyObject *)c;
}

PyObject *PyComplex_FromCComplex(Py_complex v) { return PyComplex_FromDoubles(v.real, v.imag); }

Py_complex PyComplex_AsCComplex(PyObject *op) {
    Py_complex r = {-1.0, 0.0};
    if (op != NULL && Py_IS_TYPE(op, &PyComplex_Type)) {
        return ((PyComplexObject *)op)->cval;
    }
    if (op != NULL && PyComplex_Check(op)) {
        return fpyGo_ToComplex(op);
    }
    r.real = PyFloat_AsDouble(op);
    if (r.real == -1.0 && PyErr_Occurred()) {
        return r;
    }
    r.imag = 0.0;
    return r;
}

double PyComplex_RealAsDouble(PyObject *op) {
    if (op != NULL && PyComplex_Check(op)) {
        return PyComplex_AsCComplex(op).real;
    }
    return PyFloat_AsDouble(op);
}

double PyComplex_ImagAsDouble(PyObject *op) {
    if (op != NULL && PyComplex_Check(op)) {
        return PyComplex_AsCComplex(op).imag;
    }
    return 0.0;
}

/* ---- tuple ---- */

PyObject *PyTuple_New(Py_ssize_t size) {
    if (size < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (size >= 1 && size <= FPY_TUPLE_FREE) {
        PyObject *op = fpy_tuple_from_freelist(size);
        if (op != NULL) {
            return op;
        }
    }
    PyTupleObject *t = (PyTupleObject *)fpy_new_object(
        &PyTuple_Type, offsetof(PyTupleObject, ob_item) + (size_t)(size > 0 ? size : 1) * sizeof(PyObject *));
    if (t != NULL) {
        t->ob_base.ob_size = size;
    }
    return (PyObject *)t;
}

Py_ssize_t PyTuple_Size(PyObject *op) {
    if (op == NULL || !PyTuple_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    return Py_SIZE(op);
}

PyObject *PyTuple_GetItem(PyObject *op, Py_ssize_t i) {
    if (op == NULL || !PyTuple_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (i < 0 || i >= Py_SIZE(op)) {
        PyErr_SetString(PyExc_IndexError, "tuple index out of range");
        return NULL;
    }
    return ((PyTupleObject *)op)->ob_item[i];
}

int PyTuple_SetItem(PyObject *op, Py_ssize_t i, PyObject *v) {
    if (op == NULL || !PyTuple_Check(op)) {
        Py_XDECREF(v);
        PyErr_BadInternalCall();
        return -1;
    }
    if (i < 0 || i >= Py_SIZE(op)) {
        Py_XDECREF(v);
        PyErr_SetString(PyExc_IndexError, "tuple assignment index out of range");
        return -1;
    }
    PyObject *old = ((PyTupleObject *)op)->ob_item[i];
    ((PyTupleObject *)op)->ob_item[i] = v;
    Py_XDECREF(old);
    return 0;
}

PyObject *PyTuple_GetSlice(PyObject *op, Py_ssize_t lo, Py_ssize_t hi) {
    if (op == NULL || !PyTuple_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_ssize_t n = Py_SIZE(op);
    if (lo < 0) lo = 0;
    if (hi > n) hi = n;
    if (hi < lo) hi = lo;
    PyObject *r = PyTuple_New(hi - lo);
    if (r == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = lo; i < hi; i++) {
        PyObject *v = ((PyTupleObject *)op)->ob_item[i];
        Py_INCREF(v);
        ((PyTupleObject *)r)->ob_item[i - lo] = v;
    }
    return r;
}

/* ---- bytes ---- */

PyObject *PyBytes_FromStringAndSize(const char *s, Py_ssize_t n) {
    if (n < 0) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to PyBytes_FromStringAndSize");
        return NULL;
    }
    PyBytesObject *b = (PyBytesObject *)fpy_new_object(&PyBytes_Type, offsetof(PyBytesObject, ob_sval) + (size_t)n + 1);
    if (b == NULL) {
        return NULL;
    }
    b->ob_base.ob_size = n;
    b->ob_shash = -1;
    if (s != NULL && n > 0) {
        memcpy(b->ob_sval, s, (size_t)n);
    }
    b->ob_sval[n] = '\0';
    return (PyObject *)b;
}

PyObject *PyBytes_FromString(const char *s) { return PyBytes_FromStringAndSize(s, (Py_ssize_t)strlen(s)); }

char *PyBytes_AsString(PyObject *op) {
    if (op == NULL || !PyBytes_Check(op)) {
        PyErr_Format(PyExc_TypeError, "expected bytes, %.200s found", op ? Py_TYPE(op)->tp_name : "NULL");
        return NULL;
    }
    return ((PyBytesObject *)op)->ob_sval;
}

Py_ssize_t PyBytes_Size(PyObject *op) {
    if (op == NULL || !PyBytes_Check(op)) {
        PyErr_Format(PyExc_TypeError, "expected bytes, %.200s found", op ? Py_TYPE(op)->tp_name : "NULL");
        return -1;
    }
    return Py_SIZE(op);
}

int PyBytes_AsStringAndSize(PyObject *op, char **s, Py_ssize_t *len) {
    if (op == NULL || !PyBytes_Check(op)) {
        PyErr_Format(PyExc_TypeError, "expected bytes, %.200s found", op ? Py_TYPE(op)->tp_name : "NULL");
        return -1;
    }
    *s = ((PyBytesObject *)op)->ob_sval;
    if (len != NULL) {
        *len = Py_SIZE(op);
    } else if (strlen(*s) != (size_t)Py_SIZE(op)) {
        PyErr_SetString(PyExc_ValueError, "embedded null byte");
        return -1;
    }
    return 0;
}

int _PyBytes_Resize(PyObject **pv, Py_ssize_t newsize) {
    PyObject *v = *pv;
    if (v == NULL || !PyBytes_Check(v) || newsize < 0) {
        *pv = NULL;
        Py_XDECREF(v);
        PyErr_BadInternalCall();
        return -1;
    }
    /* a new object of the new size (growing must allocate the room: C
     * code writes the new tail next), with the old contents */
    PyObject *r = PyBytes_FromStringAndSize(NULL, newsize);
    if (r != NULL) {
        memcpy(((PyBytesObject *)r)->ob_sval, ((PyBytesObject *)v)->ob_sval,
               (size_t)(newsize < Py_SIZE(v) ? newsize : Py_SIZE(v)));
    }
    Py_DECREF(v);
    *pv = r;
    return r == NULL ? -1 : 0;
}

/* ---- str ---- */

/* decode_utf8 counts and classifies UTF-8; -1 on invalid input. */
static Py_ssize_t utf8_scan(const unsigned char *s, Py_ssize_t n, uint32_t *maxc) {
    Py_ssize_t count = 0;
    uint32_t m = 0;
    for (Py_ssize_t i = 0; i < n;) {
        unsigned char c = s[i];
        uint32_t cp;
        int len;
        if (c < 0x80) { cp = c; len = 1; }
        else if ((c & 0xE0) == 0xC0) { cp = c & 0x1F; len = 2; }
        else if ((c & 0xF0) == 0xE0) { cp = c & 0x0F; len = 3; }
        else if ((c & 0xF8) == 0xF0) { cp = c & 0x07; len = 4; }
        else return -1;
        if (i + len > n) return -1;
        for (int k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) return -1;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF)) {
            return -1;
        }
        if (cp > m) m = cp;
        i += len;
        count++;
    }
    *maxc = m;
    return count;
}

/* The empty str and the 128 one-character ASCII strs are shared and
 * immortal, as CPython 3.11 shares the empty and the one-character latin-1
 * strs it decodes (so C code cannot rely on a fresh object there either):
 * Py_BuildValue's "s" keys and the like then cost no allocation, and the
 * Go side decodes them from a table. Laid out in one block, each with its
 * head: index 0 is the empty str, 1 + c the character c. */
fpy_shared_str *fpy_shared_strs;

void fpy_init_shared_strs(void) {
    fpy_shared_strs = calloc(FPY_NSHARED_STRS, sizeof(fpy_shared_str));
    if (fpy_shared_strs == NULL) {
        abort();
    }
    for (int i = 0; i < FPY_NSHARED_STRS; i++) {
        fpy_shared_str *e = &fpy_shared_strs[i];
        e->head.magic = FPY_MAGIC;
        e->str.ob_base.ob_refcnt = _Py_IMMORTAL_INITIAL_REFCNT;
        e->str.ob_base.ob_type = &PyUnicode_Type;
        e->str.length = i == 0 ? 0 : 1;
        e->str.hash = -1;
        e->str.state.kind = PyUnicode_1BYTE_KIND;
        e->str.state.compact = 1;
        e->str.state.ascii = 1;
        e->str.state.ready = 1;
        e->data[0] = (char)(i == 0 ? 0 : i - 1);
    }
}

PyObject *PyUnicode_DecodeUTF8(const char *s, Py_ssize_t n, const char *errors) {
    PyObject *shared = fpy_shared_str_of(s, n);
    if (shared != NULL) {
        return shared;
    }
    uint32_t maxc = 0;
    Py_ssize_t count = utf8_scan((const unsigned char *)s, n, &maxc);
    if (count < 0) {
        return fpyGo_DecodeUTF8Slow((char *)s, n, (char *)errors);
    }
    int kind = maxc < 0x100 ? 1 : (maxc < 0x10000 ? 2 : 4);
    PyObject *u = fpy_unicode_new(count, kind, maxc < 0x80);
    if (u == NULL) {
        return NULL;
    }
    void *data = PyUnicode_DATA(u);
    const unsigned char *p = (const unsigned char *)s;
    for (Py_ssize_t i = 0, j = 0; i < n; j++) {
        unsigned char c = p[i];
        uint32_t cp;
        int len;
        if (c < 0x80) { cp = c; len = 1; }
        else if ((c & 0xE0) == 0xC0) { cp = c & 0x1F; len = 2; }
        else if ((c & 0xF0) == 0xE0) { cp = c & 0x0F; len = 3; }
        else { cp = c & 0x07; len = 4; }
        for (int k = 1; k < len; k++) {
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        PyUnicode_WRITE(kind, data, j, cp);
        i += len;
    }
    return u;
}

PyObject *PyUnicode_FromStringAndSize(const char *s, Py_ssize_t n) {
    if (n < 0) {
        PyErr_SetString(PyExc_SystemError, "Negative size passed to PyUnicode_FromStringAndSize");
        return NULL;
    }
    if (s == NULL) {
        return fpy_unicode_new(n, 1, 1);
    }
    return PyUnicode_DecodeUTF8(s, n, NULL);
}

PyObject *PyUnicode_FromString(const char *s) { return PyUnicode_FromStringAndSize(s, (Py_ssize_t)strlen(s)); }

Py_ssize_t PyUnicode_GetLength(PyObject *op) {
    if (op == NULL || !PyUnicode_Check(op)) {
        PyErr_BadArgument();
        return -1;
    }
    return PyUnicode_GET_LENGTH(op);
}

const char *PyUnicode_AsUTF8AndSize(PyObject *op, Py_ssize_t *size) {
    if (op == NULL || !PyUnicode_Check(op)) {
        PyErr_BadArgument();
        return NULL;
    }
    PyASCIIObject *a = (PyASCIIObject *)op;
    if (a->state.ascii && a->state.compact) {
        if (size) *size = a->length;
        return (const char *)(a + 1);
    }
    PyCompactUnicodeObject *c = (PyCompactUnicodeObject *)op;
    char *cached = __atomic_load_n(&c->utf8, __ATOMIC_ACQUIRE);
    if (cached == NULL) {
        int kind = PyUnicode_KIND(op);
        const void *data = PyUnicode_DATA(op);
        Py_ssize_t n = a->length;
        char *buf = fpy_alloc((size_t)n * 4 + 1);
        if (buf == NULL) {
            PyErr_NoMemory();
            return NULL;
        }
        Py_ssize_t j = 0;
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_UCS4 ch = PyUnicode_READ(kind, data, i);
            if (ch < 0x80) {
                buf[j++] = (char)ch;
            } else if (ch < 0x800) {
                buf[j++] = (char)(0xC0 | (ch >> 6));
                buf[j++] = (char)(0x80 | (ch & 0x3F));
            } else if (ch < 0x10000) {
                if (ch >= 0xD800 && ch <= 0xDFFF) {
                    fpy_free(buf);
                    PyErr_SetString(PyExc_UnicodeEncodeError, "'utf-8' codec can't encode character: surrogates not allowed");
                    return NULL;
                }
                buf[j++] = (char)(0xE0 | (ch >> 12));
                buf[j++] = (char)(0x80 | ((ch >> 6) & 0x3F));
                buf[j++] = (char)(0x80 | (ch & 0x3F));
            } else {
                buf[j++] = (char)(0xF0 | (ch >> 18));
                buf[j++] = (char)(0x80 | ((ch >> 12) & 0x3F));
                buf[j++] = (char)(0x80 | ((ch >> 6) & 0x3F));
                buf[j++] = (char)(0x80 | (ch & 0x3F));
            }
        }
        buf[j] = '\0';
        char *expected = NULL;
        if (__atomic_compare_exchange_n(&c->utf8, &expected, buf, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
            c->utf8_length = j;
            cached = buf;
        } else {
            fpy_free(buf);
            cached = expected;
        }
    }
    if (size) {
        *size = (Py_ssize_t)strlen(cached);
        if (*size != c->utf8_length && c->utf8_length > *size) {
            *size = c->utf8_length;
        }
    }
    return cached;
}

const char *PyUnicode_AsUTF8(PyObject *op) { return PyUnicode_AsUTF8AndSize(op, NULL); }

PyObject *PyUnicode_New(Py_ssize_t size, Py_UCS4 maxchar) {
    int kind = maxchar < 0x100 ? 1 : (maxchar < 0x10000 ? 2 : 4);
    return fpy_unicode_new(size, kind, maxchar < 0x80);
}

PyObject *PyUnicode_FromKindAndData(int kind, const void *buffer, Py_ssize_t size) {
    Py_UCS4 maxc = 0;
    for (Py_ssize_t i = 0; i < size; i++) {
        Py_UCS4 ch = PyUnicode_READ(kind, buffer, i);
        if (ch > maxc) maxc = ch;
    }
    PyObject *u = PyUnicode_New(size, maxc);
    if (u == NULL) {
        return NULL;
    }
    int k = PyUnicode_KIND(u);
    void *d = PyUnicode_DATA(u);
    for (Py_ssize_t i = 0; i < size; i++) {
        PyUnicode_WRITE(k, d, i, PyUnicode_READ(kind, buffer, i));
    }
    return u;
}

PyObject *PyUnicode_DecodeFSDefault(const char *s) {
    return fpyGo_DecodeUTF8Slow((char *)s, (Py_ssize_t)strlen(s), "surrogateescape");
}

/* ---- list: C-born lists are C's until Go sees them; linked ones go to Go ---- */

static int linked(PyObject *op) {
    return fpy_has_head(op) && __atomic_load_n(&FPY_HEAD(op)->handle, __ATOMIC_ACQUIRE) != 0;
}

PyObject *PyList_New(Py_ssize_t size) {
    if (size < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyListObject *l = (PyListObject *)fpy_new_object(&PyList_Type, sizeof(PyListObject));
    if (l == NULL) {
        return NULL;
    }
    l->ob_item = fpy_alloc((size_t)(size > 0 ? size : 1) * sizeof(PyObject *));
    if (l->ob_item == NULL) {
        fpy_free(l);
        return PyErr_NoMemory();
    }
    l->ob_base.ob_size = size;
    l->allocated = size;
    return (PyObject *)l;
}

Py_ssize_t PyList_Size(PyObject *op) {
    if (op == NULL || !PyList_Check(op)) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (linked(op)) {
        return fpyGo_ListSize(op);
    }
    return Py_SIZE(op);
}

PyObject *PyList_GetItem(PyObject *op, Py_ssize_t i) {
    if (op == NULL || !PyList_Check(op)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (linked(op)) {
        return fpyGo_ListGetItem(op, i); /* autoreleased */
    }
    if (i < 0 || i >= Py_SIZE(op)) {
        PyErr_SetString(PyExc_IndexError, "list index out of range");
        return NULL;
    }
    return ((PyListObject *)op)->ob_item[i];
}

int PyList_SetItem(PyObject *op, Py_ssize_t i, PyObject *v) {
    if (op == NULL || !PyList_Check(op)) {
        Py_XDECREF(v);
        PyErr_BadInternalCall();
        return -1;
    }
    if (linked(op)) {
        return fpyGo_ListSetItem(op, i, v); /* steals v */
    }
    if (i < 0 || i >= Py_SIZE(op)) {
        Py_XDECREF(v);
        PyErr_SetString(PyExc_IndexError, "list assignment index out of range");
        return -1;
    }
    PyObject *old = ((PyListObject *)op)->ob_item[i];
    ((PyListObject *)op)->ob_item[i] = v;
    Py_XDECREF(old);
    return 0;
}

static int list_grow(PyListObject *l, Py_ssize_t need) {
    if (need <= l->allocated) {
        return 0;
    }
    Py_ssize_t n = l->allocated * 2 + 4;
    if (n < need) n = need;
    PyObject **items = PyMem_Realloc(l->ob_item, (size_t)n * sizeof(PyObject *));
    if (items == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    l->ob_item = items;
    l->allocated = n;
    return 0;
}

int PyList_Append(PyObject *op, PyObject *v) {
    if (op == NULL || !PyList_Check(op) || v == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (linked(op)) {
        return fpyGo_ListInsert(op, PY_SSIZE_T_MAX, v);
    }
    PyListObject *l = (PyListObject *)op;
    if (list_grow(l, Py_SIZE(op) + 1) < 0) {
        return -1;
    }
    Py_INCREF(v);
    l->ob_item[Py_SIZE(op)] = v;
    l->ob_base.ob_size++;
    return 0;
}

int PyList_Insert(PyObject *op, Py_ssize_t where, PyObject *v) {
    if (op == NULL || !PyList_Check(op) || v == NULL) {
        PyErr_BadInternalCall();
        return -1;
    }
    if (linked(op)) {
        return fpyGo_ListInsert(op, where, v);
    }
    PyListObject *l = (PyListObject *)op;
    Py_ssize_t n = Py_SIZE(op);
    if (where < 0) {
        where += n;
        if (where < 0) where = 0;
    }
    if (where > n) where = n;
    if (list_grow(l, n + 1) < 0) {
        return -1;
    }
    memmove(&l->ob_item[where + 1], &l->ob_item[where], (size_t)(n - where) * sizeof(PyObject *));
    Py_INCREF(v);
    l->ob_item[where] = v;
    l->ob_base.ob_size++;
    return 0;
}

PyObject *PyUnicode_FromOrdinal(int ordinal) {
    if (ordinal < 0 || ordinal > 0x10FFFF) {
        PyErr_SetString(PyExc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    Py_UCS4 c = (Py_UCS4)ordinal;
    return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, &c, 1);
}

/* ---- subtype checks ---- */

/* chain_types is an insert-only open-addressing set of the types whose MRO
 * is exactly their tp_base chain (the Go side checks that before it
 * registers a type; only types whose bases cannot change qualify). For
 * them PyType_IsSubtype walks tp_base in C: PyFloat_Check(an int) is
 * PyType_IsSubtype(&PyLong_Type, &PyFloat_Type), in every "i" of
 * PyArg_ParseTuple, and a call into Go costs more than the parsing. */
#define FPY_CHAIN_SLOTS 2048
static PyTypeObject *chain_types[FPY_CHAIN_SLOTS];

static size_t chain_hash(const PyTypeObject *tp) {
    return (size_t)(((uint64_t)(uintptr_t)tp >> 4) * 0x9E3779B97F4A7C15ULL >> 53);
}

void fpy_register_chain_type(PyTypeObject *tp) {
    size_t h = chain_hash(tp);
    for (size_t i = 0; i < FPY_CHAIN_SLOTS; i++) {
        PyTypeObject **slot = &chain_types[(h + i) & (FPY_CHAIN_SLOTS - 1)];
        PyTypeObject *expected = NULL;
        if (__atomic_compare_exchange_n(slot, &expected, tp, 0, __ATOMIC_RELEASE, __ATOMIC_ACQUIRE) ||
            expected == tp) {
            return;
        }
    }
    /* full: the type is not known here, and Go answers for it */
}

static int chain_complete(const PyTypeObject *tp) {
    size_t h = chain_hash(tp);
    for (size_t i = 0; i < FPY_CHAIN_SLOTS; i++) {
        PyTypeObject *cur = __atomic_load_n(&chain_types[(h + i) & (FPY_CHAIN_SLOTS - 1)], __ATOMIC_ACQUIRE);
        if (cur == tp) {
            return 1;
        }
        if (cur == NULL) {
            return 0;
        }
    }
    return 0;
}

int PyType_IsSubtype(PyTypeObject *a, PyTypeObject *b) {
    if (a == b) {
        return 1;
    }
    if (a != NULL && chain_complete(a)) {
        for (const PyTypeObject *t = a->tp_base; t != NULL; t = t->tp_base) {
            if (t == b) {
                return 1;
            }
        }
        return 0;
    }
    return fpyGo_TypeIsSubtype(fpy_tstate, a, b);
}

/* ---- arithmetic on exact ints and floats ---- */

/* arith does a + b, a - b or a * b (which 0, 1, 2) on exact ints of up to
 * two digits and exact floats, the values C code adds most, without a
 * call into Go; it reports whether it did (*out is the result, or NULL
 * with MemoryError set), and leaves anything else to Go, including
 * results that do not fit in 64 bits. An int meets a float as
 * CPython does: converted with correct rounding, exact below 2**53. */
static int arith(PyObject *a, PyObject *b, int which, PyObject **out) {
    long long x, y, r;
    double fx, fy;
    if (a == NULL || b == NULL) {
        return 0;
    }
    int xi = fpy_small_long_value(a, &x), yi = fpy_small_long_value(b, &y);
    if (xi && yi) {
        int over = which == 0 ? __builtin_add_overflow(x, y, &r)
                 : which == 1 ? __builtin_sub_overflow(x, y, &r)
                              : __builtin_mul_overflow(x, y, &r);
        if (over) {
            return 0;
        }
        *out = PyLong_FromLongLong(r);
        return 1;
    }
    if (xi) {
        fx = (double)x;
    } else if (Py_IS_TYPE(a, &PyFloat_Type)) {
        fx = ((PyFloatObject *)a)->ob_fval;
    } else {
        return 0;
    }
    if (yi) {
        fy = (double)y;
    } else if (Py_IS_TYPE(b, &PyFloat_Type)) {
        fy = ((PyFloatObject *)b)->ob_fval;
    } else {
        return 0;
    }
    *out = PyFloat_FromDouble(which == 0 ? fx + fy : which == 1 ? fx - fy : fx * fy);
    return 1;
}

#define FPY_ARITH(name, which, inplace) \
    PyObject *name(PyObject *a, PyObject *b) { \
        PyObject *r; \
        return arith(a, b, which, &r) ? r : fpyGo_NumberBinop(fpy_tstate, a, b, which, inplace); \
    }
FPY_ARITH(PyNumber_Add, 0, 0)
FPY_ARITH(PyNumber_Subtract, 1, 0)
FPY_ARITH(PyNumber_Multiply, 2, 0)
FPY_ARITH(PyNumber_InPlaceAdd, 0, 1)
FPY_ARITH(PyNumber_InPlaceSubtract, 1, 1)
FPY_ARITH(PyNumber_InPlaceMultiply, 2, 1)
