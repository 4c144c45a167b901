/* autorelease (a capi test fixture): borrowed references under freepy's autorelease pools.
 * Not run under CPython (there is no driver): hold_borrowed() uses a
 * borrowed reference after the only other reference is gone, which is a
 * use-after-free under CPython and must be safe under freepy
 * (docs/legacy-gil.md, "Borrowed references"); capi/capi_test.go drives it. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* lookup_many(d, key, n): n lookups of the same key in one C call. */
static PyObject *lookup_many(PyObject *self, PyObject *args) {
    PyObject *d, *key;
    long n, found = 0;
    (void)self;
    if (!PyArg_ParseTuple(args, "O!Ol", &PyDict_Type, &d, &key, &n)) {
        return NULL;
    }
    for (long i = 0; i < n; i++) {
        if (PyDict_GetItem(d, key) != NULL) {
            found++;
        }
    }
    return PyLong_FromLong(found);
}

/* hold_borrowed(container, key, fn): borrows container[key] (a dict value
 * or a list item), calls fn() (which deletes it and collects garbage),
 * then uses the borrowed reference. */
static PyObject *hold_borrowed(PyObject *self, PyObject *args) {
    PyObject *c, *key, *fn, *v, *r;
    (void)self;
    if (!PyArg_ParseTuple(args, "OOO", &c, &key, &fn)) {
        return NULL;
    }
    if (PyDict_Check(c)) {
        v = PyDict_GetItem(c, key);
    } else {
        v = PyList_GetItem(c, PyLong_AsSsize_t(key));
    }
    if (v == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_KeyError, "missing");
        }
        return NULL;
    }
    r = PyObject_CallNoArgs(fn);
    if (r == NULL) {
        return NULL;
    }
    Py_DECREF(r);
    return PyObject_Repr(v);
}

/* borrow_each(d, key, w, fn): borrows d[key] through each dict accessor,
 * the first value of PyDict_Next, the referent of weakref w and
 * sys.modules["autorelease"]; calls fn() (which drops them and collects
 * garbage) and returns the reprs of what it borrowed. */
static PyObject *borrow_each(PyObject *self, PyObject *args) {
    PyObject *d, *key, *w, *fn, *v[7], *r, *out;
    Py_ssize_t pos = 0;
    PyObject *k0;
    const char *ks;
    (void)self;
    if (!PyArg_ParseTuple(args, "O!UOO", &PyDict_Type, &d, &key, &w, &fn)) {
        return NULL;
    }
    ks = PyUnicode_AsUTF8(key);
    v[0] = PyDict_GetItem(d, key);
    v[1] = PyDict_GetItemString(d, ks);
    v[2] = PyDict_GetItemWithError(d, key);
    v[3] = PyDict_SetDefault(d, key, Py_None);
    if (!PyDict_Next(d, &pos, &k0, &v[4])) {
        v[4] = NULL;
    }
    v[5] = PyWeakref_GetObject(w);
    v[6] = PyImport_AddModule("autorelease");
    for (int i = 0; i < 7; i++) {
        if (v[i] == NULL) {
            if (!PyErr_Occurred()) {
                PyErr_Format(PyExc_KeyError, "accessor %d found nothing", i);
            }
            return NULL;
        }
    }
    r = PyObject_CallNoArgs(fn);
    if (r == NULL) {
        return NULL;
    }
    Py_DECREF(r);
    out = PyList_New(0);
    for (int i = 0; out != NULL && i < 6; i++) {
        PyObject *s = PyObject_Repr(v[i]);
        if (s == NULL || PyList_Append(out, s) < 0) {
            Py_XDECREF(s);
            Py_CLEAR(out);
            break;
        }
        Py_DECREF(s);
    }
    if (out != NULL && PyModule_GetName(v[6]) == NULL) {
        Py_CLEAR(out);
    }
    return out;
}

/* spin_until_len(lst, n): busy-waits in C, holding this legacy module's
 * pseudo-GIL (the API calls run no bytecode), until len(lst) >= n. */
static PyObject *spin_until_len(PyObject *self, PyObject *args) {
    PyObject *lst;
    Py_ssize_t n, len;
    (void)self;
    if (!PyArg_ParseTuple(args, "On", &lst, &n)) {
        return NULL;
    }
    while ((len = PyObject_Length(lst)) < n) {
        if (len < 0) {
            return NULL;
        }
    }
    return PyLong_FromSsize_t(len);
}

/* list_sum(lst): the sum of a list of ints read through the 3.11 macros
 * (the list's mirror, as compiled code reads it). */
static PyObject *list_sum(PyObject *self, PyObject *lst) {
    long total = 0;
    (void)self;
    if (!PyList_Check(lst)) {
        PyErr_SetString(PyExc_TypeError, "list_sum(list)");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(lst); i++) {
        long v = PyLong_AsLong(PyList_GET_ITEM(lst, i));
        if (v == -1 && PyErr_Occurred()) {
            return NULL;
        }
        total += v;
    }
    return PyLong_FromLong(total);
}

static PyMethodDef methods[] = {
    {"list_sum", list_sum, METH_O, NULL},
    {"spin_until_len", spin_until_len, METH_VARARGS, NULL},
    {"borrow_each", borrow_each, METH_VARARGS, NULL},
    {"lookup_many", lookup_many, METH_VARARGS, NULL},
    {"hold_borrowed", hold_borrowed, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "autorelease", NULL, -1, methods,
                                    NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit_autorelease(void) { return PyModule_Create(&module); }
