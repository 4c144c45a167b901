/* Building values: Py_BuildValue and its variants, PyTuple_Pack, and the
 * format-driven calls PyObject_CallFunction / PyObject_CallMethod and the
 * ...ObjArgs forms. '#' lengths are Py_ssize_t (PY_SSIZE_T_CLEAN). */
#include "shim.h"
#include <stdarg.h>
#include <wchar.h>

static PyObject *mkvalue(const char **p_format, va_list *p_va);

/* Py_BuildValue reads its format once, item by item: it does not count a
 * level's items first (counting went over the rest of the format once per
 * nesting level, on every call). A level's items are collected in an
 * itembuf, then moved into their tuple or list. */
typedef struct itembuf {
    PyObject *stack[8];
    PyObject **items;
    Py_ssize_t n, cap;
} itembuf;

static void skip_separators(const char **p_format) {
    for (;;) {
        switch (**p_format) {
        case ',': case ':': case ' ': case '\t':
            ++*p_format;
            continue;
        default:
            return;
        }
    }
}

static int is_close(char c) { return c == ')' || c == ']' || c == '}'; }

/* level_end moves to a level's next value; it reports 1 at the level's
 * end (endchar consumed, unless it is '\0') and at a format error
 * (*failed set, and the error unless one was set already), never moving
 * past the end: mkvalue would step over the NUL. */
static int level_end(const char **p_format, char endchar, int *failed) {
    skip_separators(p_format);
    char c = **p_format;
    if (c == endchar) {
        if (endchar != '\0') {
            ++*p_format;
        }
        return 1;
    }
    if (c == '\0' || is_close(c)) {
        if (!*failed) {
            PyErr_SetString(PyExc_SystemError, "unmatched paren in format");
        }
        *failed = 1;
        return 1;
    }
    return 0;
}

static void itembuf_clear(itembuf *b) {
    for (Py_ssize_t i = 0; i < b->n; i++) {
        Py_DECREF(b->items[i]);
    }
    if (b->items != b->stack) {
        PyMem_Free(b->items);
    }
}

/* collect builds the values up to endchar (which it consumes, unless it is
 * '\0') into b; it returns 0, or -1 with an error set and b empty. After a
 * value fails the rest of the level is still built and dropped, so that
 * every vararg is consumed (CPython does so too, to release 'N'
 * arguments). */
static int collect(const char **p_format, va_list *p_va, char endchar, itembuf *b) {
    b->items = b->stack;
    b->n = 0;
    b->cap = (Py_ssize_t)(sizeof(b->stack) / sizeof(b->stack[0]));
    int failed = 0;
    while (!level_end(p_format, endchar, &failed)) {
        PyObject *w = mkvalue(p_format, p_va);
        if (w == NULL) {
            failed = 1;
            continue;
        }
        if (failed) {
            Py_DECREF(w);
            continue;
        }
        if (b->n == b->cap) {
            PyObject **grown = PyMem_Malloc((size_t)b->cap * 2 * sizeof(PyObject *));
            if (grown == NULL) {
                Py_DECREF(w);
                PyErr_NoMemory();
                failed = 1;
                continue;
            }
            memcpy(grown, b->items, (size_t)b->n * sizeof(PyObject *));
            if (b->items != b->stack) {
                PyMem_Free(b->items);
            }
            b->items = grown;
            b->cap *= 2;
        }
        b->items[b->n++] = w;
    }
    if (failed) {
        itembuf_clear(b);
        b->n = 0;
        return -1;
    }
    return 0;
}

/* to_sequence moves b's values into a new tuple (a list if list is set). */
static PyObject *to_sequence(itembuf *b, int list) {
    PyObject *r = list ? PyList_New(b->n) : PyTuple_New(b->n);
    if (r == NULL) {
        itembuf_clear(b);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < b->n; i++) {
        if (list) {
            PyList_SET_ITEM(r, i, b->items[i]);
        } else {
            PyTuple_SET_ITEM(r, i, b->items[i]);
        }
    }
    if (b->items != b->stack) {
        PyMem_Free(b->items);
    }
    return r;
}

static PyObject *do_sequence(const char **p_format, va_list *p_va, char endchar, int list) {
    itembuf b;
    if (collect(p_format, p_va, endchar, &b) < 0) {
        return NULL;
    }
    return to_sequence(&b, list);
}

static PyObject *do_dict(const char **p_format, va_list *p_va) {
    /* pair by pair, with no tuple in between; after an error the rest of
     * the varargs are still consumed, as collect does */
    PyObject *d = PyDict_New();
    int failed = d == NULL;
    while (!level_end(p_format, '}', &failed)) {
        PyObject *k = mkvalue(p_format, p_va);
        skip_separators(p_format);
        char c = **p_format;
        if (c == '\0' || is_close(c)) {
            /* a key without a value */
            Py_XDECREF(k);
            if (!failed) {
                PyErr_SetString(PyExc_SystemError, "Bad dict format");
            }
            failed = 1;
            if (c == '}') {
                ++*p_format;
            }
            break;
        }
        PyObject *v = mkvalue(p_format, p_va);
        if (!failed && (k == NULL || v == NULL || PyDict_SetItem(d, k, v) < 0)) {
            failed = 1;
        }
        Py_XDECREF(k);
        Py_XDECREF(v);
    }
    if (failed) {
        Py_XDECREF(d);
        return NULL;
    }
    return d;
}

static PyObject *from_wide(const wchar_t *u, Py_ssize_t n) {
    if (n < 0) {
        n = (Py_ssize_t)wcslen(u);
    }
    Py_UCS4 *buf = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(Py_UCS4));
    if (buf == NULL) {
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        buf[i] = (Py_UCS4)u[i];
    }
    PyObject *r = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, n);
    PyMem_Free(buf);
    return r;
}

static PyObject *mkvalue(const char **p_format, va_list *p_va) {
    for (;;) {
        switch (*(*p_format)++) {
        case '(':
            return do_sequence(p_format, p_va, ')', 0);
        case '[':
            return do_sequence(p_format, p_va, ']', 1);
        case '{':
            return do_dict(p_format, p_va);
        case 'b': case 'B': case 'h': case 'i':
            return PyLong_FromLong((long)va_arg(*p_va, int));
        case 'H':
            return PyLong_FromLong((long)(unsigned short)va_arg(*p_va, int));
        case 'I':
            return PyLong_FromUnsignedLong((unsigned long)va_arg(*p_va, unsigned int));
        case 'n':
            return PyLong_FromSsize_t(va_arg(*p_va, Py_ssize_t));
        case 'l':
            return PyLong_FromLong(va_arg(*p_va, long));
        case 'k':
            return PyLong_FromUnsignedLong(va_arg(*p_va, unsigned long));
        case 'L':
            return PyLong_FromLongLong(va_arg(*p_va, long long));
        case 'K':
            return PyLong_FromUnsignedLongLong(va_arg(*p_va, unsigned long long));
        case 'u': {
            const wchar_t *u = va_arg(*p_va, const wchar_t *);
            Py_ssize_t n = -1;
            if (**p_format == '#') {
                ++*p_format;
                n = va_arg(*p_va, Py_ssize_t);
            }
            if (u == NULL) {
                Py_RETURN_NONE;
            }
            return from_wide(u, n);
        }
        case 'f': case 'd':
            return PyFloat_FromDouble(va_arg(*p_va, double));
        case 'D':
            return PyComplex_FromCComplex(*va_arg(*p_va, Py_complex *));
        case 'c': {
            char c = (char)va_arg(*p_va, int);
            return PyBytes_FromStringAndSize(&c, 1);
        }
        case 'C':
            return PyUnicode_FromOrdinal(va_arg(*p_va, int));
        case 's': case 'z': case 'U': case 'y': {
            char kind = (*p_format)[-1];
            const char *str = va_arg(*p_va, const char *);
            Py_ssize_t n = -1;
            if (**p_format == '#') {
                ++*p_format;
                n = va_arg(*p_va, Py_ssize_t);
            }
            if (str == NULL) {
                Py_RETURN_NONE;
            }
            if (n < 0) {
                n = (Py_ssize_t)strlen(str);
            }
            if (kind == 'y') {
                return PyBytes_FromStringAndSize(str, n);
            }
            return PyUnicode_FromStringAndSize(str, n);
        }
        case 'N': case 'S': case 'O': {
            char kind = (*p_format)[-1];
            if (**p_format == '&') {
                typedef PyObject *(*converter)(void *);
                converter func = va_arg(*p_va, converter);
                void *arg = va_arg(*p_va, void *);
                ++*p_format;
                return func(arg);
            }
            PyObject *v = va_arg(*p_va, PyObject *);
            if (v != NULL) {
                if (kind != 'N') {
                    Py_INCREF(v);
                }
            } else if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_SystemError, "NULL object passed to Py_BuildValue");
            }
            return v;
        }
        case ':': case ',': case ' ': case '\t':
            break;
        default:
            PyErr_SetString(PyExc_SystemError, "bad format char passed to Py_BuildValue");
            return NULL;
        }
    }
}

static PyObject *va_build_value(const char *format, va_list va) {
    const char *f = format;
    va_list lva;
    itembuf b;
    va_copy(lva, va);
    int r = collect(&f, &lva, '\0', &b);
    va_end(lva);
    if (r < 0) {
        return NULL;
    }
    if (b.n == 0) {
        Py_RETURN_NONE;
    }
    if (b.n == 1) {
        /* b.items is the stack array: nothing to free */
        return b.items[0];
    }
    return to_sequence(&b, 0);
}

PyObject *Py_VaBuildValue(const char *format, va_list va) { return va_build_value(format, va); }
PyObject *_Py_VaBuildValue_SizeT(const char *format, va_list va) { return va_build_value(format, va); }

PyObject *Py_BuildValue(const char *format, ...) {
    va_list va;
    va_start(va, format);
    PyObject *r = va_build_value(format, va);
    va_end(va);
    return r;
}

PyObject *_Py_BuildValue_SizeT(const char *format, ...) {
    va_list va;
    va_start(va, format);
    PyObject *r = va_build_value(format, va);
    va_end(va);
    return r;
}

PyObject *PyTuple_Pack(Py_ssize_t n, ...) {
    PyObject *t = PyTuple_New(n);
    if (t == NULL) {
        return NULL;
    }
    va_list va;
    va_start(va, n);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *o = va_arg(va, PyObject *);
        Py_INCREF(o);
        PyTuple_SET_ITEM(t, i, o);
    }
    va_end(va);
    return t;
}

/* call_with_format calls callable with the arguments a format describes:
 * one value that is a tuple is the argument tuple itself, as in CPython. */
static PyObject *call_with_format(PyObject *callable, const char *format, va_list va) {
    if (callable == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError, "null argument to internal routine");
        }
        return NULL;
    }
    if (format == NULL || *format == '\0') {
        return PyObject_CallNoArgs(callable);
    }
    PyObject *args = va_build_value(format, va);
    if (args == NULL) {
        return NULL;
    }
    if (!PyTuple_Check(args)) {
        PyObject *t = PyTuple_New(1);
        if (t == NULL) {
            Py_DECREF(args);
            return NULL;
        }
        PyTuple_SET_ITEM(t, 0, args);
        args = t;
    }
    PyObject *r = PyObject_Call(callable, args, NULL);
    Py_DECREF(args);
    return r;
}

PyObject *PyObject_CallFunction(PyObject *callable, const char *format, ...) {
    va_list va;
    va_start(va, format);
    PyObject *r = call_with_format(callable, format, va);
    va_end(va);
    return r;
}

PyObject *_PyObject_CallFunction_SizeT(PyObject *callable, const char *format, ...) {
    va_list va;
    va_start(va, format);
    PyObject *r = call_with_format(callable, format, va);
    va_end(va);
    return r;
}

static PyObject *call_method_format(PyObject *obj, const char *name, const char *format, va_list va) {
    if (obj == NULL || name == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError, "null argument to internal routine");
        }
        return NULL;
    }
    PyObject *m = PyObject_GetAttrString(obj, name);
    if (m == NULL) {
        return NULL;
    }
    PyObject *r = call_with_format(m, format, va);
    Py_DECREF(m);
    return r;
}

PyObject *PyObject_CallMethod(PyObject *obj, const char *name, const char *format, ...) {
    va_list va;
    va_start(va, format);
    PyObject *r = call_method_format(obj, name, format, va);
    va_end(va);
    return r;
}

PyObject *_PyObject_CallMethod_SizeT(PyObject *obj, const char *name, const char *format, ...) {
    va_list va;
    va_start(va, format);
    PyObject *r = call_method_format(obj, name, format, va);
    va_end(va);
    return r;
}

/* objargs_tuple collects a NULL-terminated list of objects. */
static PyObject *objargs_tuple(va_list va) {
    va_list count;
    va_copy(count, va);
    Py_ssize_t n = 0;
    while (va_arg(count, PyObject *) != NULL) {
        n++;
    }
    va_end(count);
    PyObject *t = PyTuple_New(n);
    if (t == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *o = va_arg(va, PyObject *);
        Py_INCREF(o);
        PyTuple_SET_ITEM(t, i, o);
    }
    return t;
}

PyObject *PyObject_CallFunctionObjArgs(PyObject *callable, ...) {
    if (callable == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError, "null argument to internal routine");
        }
        return NULL;
    }
    va_list va;
    va_start(va, callable);
    PyObject *args = objargs_tuple(va);
    va_end(va);
    if (args == NULL) {
        return NULL;
    }
    PyObject *r = PyObject_Call(callable, args, NULL);
    Py_DECREF(args);
    return r;
}

/* call_method_objargs calls obj.name with a NULL-terminated list of
 * objects. */
static PyObject *call_method_objargs(PyObject *obj, PyObject *name, va_list va) {
    if (obj == NULL || name == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError, "null argument to internal routine");
        }
        return NULL;
    }
    PyObject *m = PyObject_GetAttr(obj, name);
    if (m == NULL) {
        return NULL;
    }
    PyObject *args = objargs_tuple(va);
    if (args == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    PyObject *r = PyObject_Call(m, args, NULL);
    Py_DECREF(args);
    Py_DECREF(m);
    return r;
}

PyObject *PyObject_CallMethodObjArgs(PyObject *obj, PyObject *name, ...) {
    va_list va;
    va_start(va, name);
    PyObject *r = call_method_objargs(obj, name, va);
    va_end(va);
    return r;
}

/* The _Py_Identifier forms (CPython 3.11's internal API, used by its own
 * modules): the identifier's C string names the method. */
PyObject *_PyObject_CallMethodId_SizeT(PyObject *obj, _Py_Identifier *name, const char *format, ...) {
    va_list va;
    va_start(va, format);
    PyObject *r = call_method_format(obj, name->string, format, va);
    va_end(va);
    return r;
}

PyObject *_PyObject_CallMethodIdObjArgs(PyObject *obj, _Py_Identifier *name, ...) {
    va_list va;
    va_start(va, name);
    PyObject *r = call_method_objargs(obj, _PyUnicode_FromId(name), va);
    va_end(va);
    return r;
}
