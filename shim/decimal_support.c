/* What the host's _decimal module needs beyond the common API: wide-char
 * strings, the Unicode digit and space tests its number parser uses,
 * _PyLong_New (it writes digits straight into the int), _PyLong_GCD,
 * _Py_HashPointer, and context variables.
 *
 * Context variables are freepy's native Go _contextvars objects: the C
 * functions call their Python-level methods, so a variable set from C and
 * one set from Python are the same thing. */
#include "shim.h"
#include <wchar.h>

PyObject *PyUnicode_FromWideChar(const wchar_t *w, Py_ssize_t size) {
    if (w == NULL && size != 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (size == -1) {
        size = (Py_ssize_t)wcslen(w);
    }
    /* wchar_t is UCS-4 on Linux */
    Py_UCS4 maxchar = 0;
    for (Py_ssize_t i = 0; i < size; i++) {
        Py_UCS4 c = (Py_UCS4)w[i];
        if (c > 0x10ffff) {
            PyErr_Format(PyExc_ValueError, "character U+%x is not in range [U+0000; U+10ffff]", (unsigned)c);
            return NULL;
        }
        if (c > maxchar) {
            maxchar = c;
        }
    }
    PyObject *u = PyUnicode_New(size, maxchar);
    if (u == NULL) {
        return NULL;
    }
    int kind = PyUnicode_KIND(u);
    void *data = PyUnicode_DATA(u);
    for (Py_ssize_t i = 0; i < size; i++) {
        PyUnicode_WRITE(kind, data, i, (Py_UCS4)w[i]);
    }
    return u;
}

/* The first code point of every run of ten decimal digits (category Nd) in
 * Unicode 14.0, CPython 3.11's database: every Nd digit is zero+value. */
static const Py_UCS4 digit_zeros[] = {
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6,
    0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50,
    0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0,
    0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0,
    0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce,
    0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
};

int _PyUnicode_ToDecimalDigit(Py_UCS4 ch) {
    /* binary search for the last zero <= ch */
    size_t lo = 0, hi = sizeof(digit_zeros) / sizeof(digit_zeros[0]);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (digit_zeros[mid] <= ch) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if (lo == 0 || ch - digit_zeros[lo - 1] > 9) {
        return -1;
    }
    return (int)(ch - digit_zeros[lo - 1]);
}

/* str.isspace() in Unicode 14.0. */
int _PyUnicode_IsWhitespace(const Py_UCS4 ch) {
    switch (ch) {
    case 0x09: case 0x0a: case 0x0b: case 0x0c: case 0x0d:
    case 0x1c: case 0x1d: case 0x1e: case 0x1f: case 0x20:
    case 0x85: case 0xa0: case 0x1680:
    case 0x2028: case 0x2029: case 0x202f: case 0x205f: case 0x3000:
        return 1;
    default:
        return ch >= 0x2000 && ch <= 0x200a;
    }
}

/* An int of size digits, all zero, for C code that fills ob_digit itself
 * and then sets the size (and sign) with Py_SET_SIZE. */
PyLongObject *_PyLong_New(Py_ssize_t size) {
    if (size < 0 || (size_t)size > (PY_SSIZE_T_MAX - offsetof(PyLongObject, ob_digit)) / sizeof(digit)) {
        PyErr_SetString(PyExc_OverflowError, "too many digits in integer");
        return NULL;
    }
    /* room for two digits at least: a dead int of up to two digits goes
     * to the free lists of core.c, which reuse it at that size */
    PyLongObject *v = (PyLongObject *)fpy_new_object(
        &PyLong_Type, offsetof(PyLongObject, ob_digit) + (size_t)(size > 2 ? size : 2) * sizeof(digit));
    if (v != NULL) {
        Py_SET_SIZE(v, size);
    }
    return v;
}

/* As CPython: the address rotated by 4 bits (the low bits of an aligned
 * pointer are always zero), -1 replaced by -2. */
Py_hash_t _Py_HashPointer(const void *p) {
    size_t y = (size_t)p;
    y = (y >> 4) | (y << (8 * sizeof(void *) - 4));
    Py_hash_t x = (Py_hash_t)y;
    return x == -1 ? -2 : x;
}

PyObject *_PyLong_GCD(PyObject *a, PyObject *b) {
    PyObject *math = PyImport_ImportModule("math");
    if (math == NULL) {
        return NULL;
    }
    PyObject *r = PyObject_CallMethod(math, "gcd", "OO", a, b);
    Py_DECREF(math);
    return r;
}

/* ---- context variables (Python/context.c) ---- */

PyObject *PyContextVar_New(const char *name, PyObject *def) {
    PyObject *mod = PyImport_ImportModule("_contextvars");
    if (mod == NULL) {
        return NULL;
    }
    PyObject *cls = PyObject_GetAttrString(mod, "ContextVar");
    Py_DECREF(mod);
    if (cls == NULL) {
        return NULL;
    }
    PyObject *args = Py_BuildValue("(s)", name);
    PyObject *kw = def != NULL ? Py_BuildValue("{sO}", "default", def) : NULL;
    PyObject *r = NULL;
    if (args != NULL && (def == NULL || kw != NULL)) {
        r = PyObject_Call(cls, args, kw);
    }
    Py_XDECREF(args);
    Py_XDECREF(kw);
    Py_DECREF(cls);
    return r;
}

int PyContextVar_Get(PyObject *var, PyObject *def, PyObject **value) {
    /* var.get() raises LookupError when the variable has no value and no
     * default of its own; then def, or NULL, is the answer */
    PyObject *r = PyObject_CallMethod(var, "get", NULL);
    if (r == NULL) {
        if (!PyErr_ExceptionMatches(PyExc_LookupError)) {
            *value = NULL;
            return -1;
        }
        PyErr_Clear();
        Py_XINCREF(def);
        *value = def;
        return 0;
    }
    *value = r;
    return 0;
}

PyObject *PyContextVar_Set(PyObject *var, PyObject *value) {
    return PyObject_CallMethod(var, "set", "O", value);
}

/* ---- methods C code finds in the tp_methods of built-in types ----
 * _decimal looks int.bit_length and float.as_integer_ratio up in
 * PyLong_Type/PyFloat_Type.tp_methods and calls the C functions directly;
 * these forward to the Go methods. */

static PyObject *float_as_integer_ratio(PyObject *self, PyObject *unused) {
    (void)unused;
    return PyObject_CallMethod(self, "as_integer_ratio", NULL);
}

static PyObject *long_bit_length(PyObject *self, PyObject *unused) {
    (void)unused;
    return PyObject_CallMethod(self, "bit_length", NULL);
}

static PyObject *long_as_integer_ratio(PyObject *self, PyObject *unused) {
    (void)unused;
    return PyObject_CallMethod(self, "as_integer_ratio", NULL);
}

static PyMethodDef float_methods[] = {
    {"as_integer_ratio", float_as_integer_ratio, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyMethodDef long_methods[] = {
    {"bit_length", long_bit_length, METH_NOARGS, NULL},
    {"as_integer_ratio", long_as_integer_ratio, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

void fpy_init_static_methods(void) {
    PyFloat_Type.tp_methods = float_methods;
    PyLong_Type.tp_methods = long_methods;
}
