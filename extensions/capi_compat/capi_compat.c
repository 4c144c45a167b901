/* C-API functions real extensions needed (shim/compat.c): tuple resizing,
 * UCS4 and Latin-1, int signs, module state by definition, locale codecs,
 * signal handler queries. Built against freepy's and CPython's headers. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <signal.h>

/* resize(n, m): a tuple of 0..n-1 resized to m, new slots filled with None */
static PyObject *resize(PyObject *self, PyObject *args) {
    (void)self;
    Py_ssize_t n, m;
    if (!PyArg_ParseTuple(args, "nn", &n, &m)) return NULL;
    PyObject *t = PyTuple_New(n);
    if (t == NULL) return NULL;
    for (Py_ssize_t i = 0; i < n; i++) PyTuple_SET_ITEM(t, i, PyLong_FromSsize_t(i));
    if (_PyTuple_Resize(&t, m) < 0) return NULL;
    for (Py_ssize_t i = n; i < m; i++) {
        Py_INCREF(Py_None);
        PyTuple_SET_ITEM(t, i, Py_None);
    }
    return t;
}

/* resize_shared(): a tuple with two references may not be resized */
static PyObject *resize_shared(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    PyObject *t = Py_BuildValue("(ii)", 1, 2);
    if (t == NULL) return NULL;
    Py_INCREF(t);
    PyObject *keep = t;
    int r = _PyTuple_Resize(&t, 5);
    PyObject *res = Py_BuildValue("(iO)", r, t == NULL ? Py_True : Py_False);
    Py_DECREF(keep);
    if (res == NULL) return NULL;
    if (!PyErr_Occurred()) {
        Py_DECREF(res);
        PyErr_SetString(PyExc_AssertionError, "no error set");
        return NULL;
    }
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyObject *out = Py_BuildValue("(NO)", res, type);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
    return out;
}

static PyObject *ucs4(PyObject *self, PyObject *s) {
    (void)self;
    Py_UCS4 buf[64];
    if (PyUnicode_AsUCS4(s, buf, 64, 1) == NULL) return NULL;
    Py_UCS4 *copy = PyUnicode_AsUCS4Copy(s);
    if (copy == NULL) return NULL;
    Py_ssize_t n = PyUnicode_GetLength(s);
    PyObject *l = PyList_New(n);
    for (Py_ssize_t i = 0; l != NULL && i < n; i++) {
        if (buf[i] != copy[i]) {
            Py_DECREF(l);
            PyMem_Free(copy);
            PyErr_SetString(PyExc_AssertionError, "copy differs");
            return NULL;
        }
        PyList_SET_ITEM(l, i, PyLong_FromUnsignedLong(buf[i]));
    }
    PyMem_Free(copy);
    return l;
}

static PyObject *ucs4_short(PyObject *self, PyObject *s) {
    (void)self;
    Py_UCS4 buf[2];
    if (PyUnicode_AsUCS4(s, buf, 2, 1) == NULL) return NULL;
    Py_RETURN_NONE;
}

static PyObject *latin1(PyObject *self, PyObject *b) {
    (void)self;
    return PyUnicode_DecodeLatin1(PyBytes_AS_STRING(b), PyBytes_GET_SIZE(b), NULL);
}

static PyObject *sign(PyObject *self, PyObject *o) {
    (void)self;
    return PyLong_FromLong(_PyLong_Sign(o));
}

static PyObject *find_self(PyObject *self, PyObject *unused) {
    (void)unused;
    /* self is the module: find it again through its definition */
    PyObject *m = PyState_FindModule(PyModule_GetDef(self));
    if (m == NULL) Py_RETURN_NONE;
    Py_INCREF(m);
    return m;
}

static PyObject *locale_roundtrip(PyObject *self, PyObject *b) {
    (void)self;
    PyObject *u = PyUnicode_DecodeLocale(PyBytes_AS_STRING(b), "surrogateescape");
    if (u == NULL) return NULL;
    PyObject *back = PyUnicode_EncodeLocale(u, "surrogateescape");
    if (back == NULL) {
        Py_DECREF(u);
        return NULL;
    }
    wchar_t *w = Py_DecodeLocale(PyBytes_AS_STRING(b), NULL);
    if (w == NULL) {
        Py_DECREF(u);
        Py_DECREF(back);
        return PyErr_NoMemory();
    }
    char *c = Py_EncodeLocale(w, NULL);
    PyObject *wide = PyUnicode_FromWideChar(w, -1);
    PyMem_RawFree(w);
    PyObject *narrow = c ? PyBytes_FromString(c) : NULL;
    PyMem_Free(c);
    return Py_BuildValue("(NNNN)", u, back, wide, narrow);
}

static PyObject *strict_locale(PyObject *self, PyObject *b) {
    (void)self;
    return PyUnicode_DecodeLocale(PyBytes_AS_STRING(b), NULL);
}

static PyObject *misc(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    /* a handler is installed for SIGINT by the interpreter: never SIG_DFL */
    PyOS_sighandler_t h = PyOS_getsig(SIGINT);
    return Py_BuildValue("(ii)", Py_IsInitialized(), h != SIG_DFL && h != SIG_ERR);
}

static PyMethodDef methods[] = {
    {"resize", resize, METH_VARARGS, NULL},
    {"resize_shared", resize_shared, METH_NOARGS, NULL},
    {"ucs4", ucs4, METH_O, NULL},
    {"ucs4_short", ucs4_short, METH_O, NULL},
    {"latin1", latin1, METH_O, NULL},
    {"sign", sign, METH_O, NULL},
    {"find_self", find_self, METH_NOARGS, NULL},
    {"locale_roundtrip", locale_roundtrip, METH_O, NULL},
    {"strict_locale", strict_locale, METH_O, NULL},
    {"misc", misc, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef moddef = {PyModuleDef_HEAD_INIT, "capi_compat", NULL, -1, methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit_capi_compat(void) { return PyModule_Create(&moddef); }
