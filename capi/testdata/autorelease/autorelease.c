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

static PyMethodDef methods[] = {
    {"lookup_many", lookup_many, METH_VARARGS, NULL},
    {"hold_borrowed", hold_borrowed, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "autorelease", NULL, -1, methods,
                                    NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit_autorelease(void) { return PyModule_Create(&module); }
