/* ping and pong (pong.c) are two legacy modules whose functions call each
 * other's C functions through the API, from two threads at once: thread 1
 * runs ping's code that calls pong's, thread 2 pong's code that calls
 * ping's. With one lock per module held across the call this is the
 * classic lock-order deadlock; freepy must finish (docs/legacy-gil.md). */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#ifndef NAME
#define NAME ping
#define PYINIT PyInit_ping
#endif
#define STR2(x) #x
#define STR(x) STR2(x)

static long counter = 0; /* the module's own state, guarded by its lock */

/* call(fn, n): n times fn(i), summing the results; bumps the counter. */
static PyObject *call(PyObject *self, PyObject *args) {
    PyObject *fn;
    long n, total = 0;
    (void)self;
    if (!PyArg_ParseTuple(args, "Ol", &fn, &n)) {
        return NULL;
    }
    for (long i = 0; i < n; i++) {
        long before = counter;
        PyObject *r = PyObject_CallFunction(fn, "l", i);
        if (r == NULL) {
            return NULL;
        }
        total += PyLong_AsLong(r);
        Py_DECREF(r);
        counter = before + 1;
    }
    return PyLong_FromLong(total);
}

/* leaf(i): returns i, bumps the counter. */
static PyObject *leaf(PyObject *self, PyObject *arg) {
    long i = PyLong_AsLong(arg);
    (void)self;
    if (i == -1 && PyErr_Occurred()) {
        return NULL;
    }
    counter++;
    return PyLong_FromLong(i);
}

static PyObject *count(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    return PyLong_FromLong(counter);
}

static PyMethodDef methods[] = {
    {"call", call, METH_VARARGS, NULL},
    {"leaf", leaf, METH_O, NULL},
    {"count", count, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, STR(NAME), NULL, -1, methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PYINIT(void) { return PyModule_Create(&module); }
