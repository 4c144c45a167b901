/* legacy_counter: a single-phase module written the GIL way.
 *
 * The counter is a plain C global updated without any lock: correct under
 * CPython's GIL and under freepy's per-module pseudo-GIL, racy without
 * either. The module does not declare Py_mod_gil, so freepy treats it as
 * legacy. Exercises METH_NOARGS, METH_O, METH_VARARGS and
 * METH_VARARGS|METH_KEYWORDS. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static long counter_value = 0;

/* incr and add read the counter, make the result object, then store: the
 * read-modify-write spans a call, as in much real GIL-era code, so threads
 * running without a lock lose updates often enough for
 * `freepy-migrate stress` to show it (tests/migrate_test.go). */
static PyObject *counter_incr(PyObject *self, PyObject *Py_UNUSED(ignored)) {
    (void)self;
    long v = counter_value + 1;
    PyObject *r = PyLong_FromLong(v);
    counter_value = v;
    return r;
}

static PyObject *counter_get(PyObject *self, PyObject *Py_UNUSED(ignored)) {
    (void)self;
    return PyLong_FromLong(counter_value);
}

static PyObject *counter_add(PyObject *self, PyObject *arg) {
    long n;
    (void)self;
    n = PyLong_AsLong(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    long v = counter_value + n;
    PyObject *r = PyLong_FromLong(v);
    counter_value = v;
    return r;
}

/* set(value[, scale]) -> previous value */
static PyObject *counter_set(PyObject *self, PyObject *args) {
    long value, scale = 1, old = counter_value;
    (void)self;
    if (!PyArg_ParseTuple(args, "l|l:set", &value, &scale)) {
        return NULL;
    }
    counter_value = value * scale;
    return PyLong_FromLong(old);
}

/* describe(name, *, sep=": ") -> "name: value" */
static PyObject *counter_describe(PyObject *self, PyObject *args, PyObject *kwargs) {
    static const char *kwlist[] = {"name", "sep", NULL};
    const char *name;
    const char *sep = ": ";
    Py_ssize_t name_len;
    (void)self;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "s#|$s:describe", (char **)kwlist,
                                     &name, &name_len, &sep)) {
        return NULL;
    }
    return PyUnicode_FromFormat("%s%s%ld (%zd)", name, sep, counter_value, name_len);
}

static PyObject *counter_reset(PyObject *self, PyObject *Py_UNUSED(ignored)) {
    (void)self;
    counter_value = 0;
    Py_RETURN_NONE;
}

static PyMethodDef counter_methods[] = {
    {"incr", counter_incr, METH_NOARGS, "Add one and return the new value."},
    {"get", counter_get, METH_NOARGS, "Return the value."},
    {"add", counter_add, METH_O, "Add an int and return the new value."},
    {"set", counter_set, METH_VARARGS, "set(value[, scale]): set, return the old value."},
    {"describe", _PyCFunction_CAST(counter_describe), METH_VARARGS | METH_KEYWORDS,
     "describe(name, *, sep): format the value."},
    {"reset", counter_reset, METH_NOARGS, "Set the value to zero."},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef counter_module = {
    PyModuleDef_HEAD_INIT,
    "counter",
    "A global counter guarded only by the GIL.",
    -1,
    counter_methods,
    NULL, NULL, NULL, NULL
};

PyMODINIT_FUNC PyInit_counter(void) {
    PyObject *m = PyModule_Create(&counter_module);
    if (m == NULL) {
        return NULL;
    }
    if (PyModule_AddIntConstant(m, "START", 0) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
