/* benchext: the C side of bench/ext_calls.py, built by runbench for each
 * interpreter (python3.11-config for CPython, freepy-config for freepy).
 * It measures what crossing into C costs: each function does almost no
 * work of its own. */
#include <Python.h>

static PyObject *noop(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    Py_RETURN_NONE;
}

static PyObject *add1(PyObject *self, PyObject *arg) {
    long v = PyLong_AsLong(arg);
    (void)self;
    if (v == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromLong(v + 1);
}

static PyObject *add2(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "add2 takes 2 arguments");
        return NULL;
    }
    return PyNumber_Add(args[0], args[1]);
}

static PyObject *scale(PyObject *self, PyObject *arg) {
    double v = PyFloat_AsDouble(arg);
    (void)self;
    if (v == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    return PyFloat_FromDouble(v * 0.5);
}

/* sum_list reads a list through the 3.11 macros, as compiled code does. */
static PyObject *sum_list(PyObject *self, PyObject *arg) {
    long total = 0;
    (void)self;
    if (!PyList_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "sum_list needs a list");
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(arg); i++) {
        long v = PyLong_AsLong(PyList_GET_ITEM(arg, i));
        if (v == -1 && PyErr_Occurred()) {
            return NULL;
        }
        total += v;
    }
    return PyLong_FromLong(total);
}

/* get looks a key up in a dict (a borrowed reference). */
static PyObject *get(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    if (nargs != 2 || !PyDict_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "get(dict, key)");
        return NULL;
    }
    PyObject *v = PyDict_GetItem(args[0], args[1]);
    if (v == NULL) {
        Py_RETURN_NONE;
    }
    Py_INCREF(v);
    return v;
}

/* parse3(a, b, c): PyArg_ParseTuple of three ints. */
static PyObject *parse3(PyObject *self, PyObject *args) {
    int a, b, c;
    (void)self;
    if (!PyArg_ParseTuple(args, "iii", &a, &b, &c)) {
        return NULL;
    }
    return PyLong_FromLong((long)a + b + c);
}

/* build(n): a tuple and a dict built in C. */
static PyObject *build(PyObject *self, PyObject *arg) {
    long n = PyLong_AsLong(arg);
    (void)self;
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return Py_BuildValue("(l,l,{s:l,s:l})", n, n + 1, "a", n, "b", n * 2);
}

/* callback(fn, x): calls a Python function from C. */
static PyObject *callback(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "callback(fn, x)");
        return NULL;
    }
    return PyObject_CallOneArg(args[0], args[1]);
}

static PyMethodDef methods[] = {
    {"parse3", parse3, METH_VARARGS, NULL},
    {"build", build, METH_O, NULL},
    {"callback", (PyCFunction)(void (*)(void))callback, METH_FASTCALL, NULL},
    {"noop", noop, METH_NOARGS, NULL},
    {"add1", add1, METH_O, NULL},
    {"add2", (PyCFunction)(void (*)(void))add2, METH_FASTCALL, NULL},
    {"scale", scale, METH_O, NULL},
    {"sum_list", sum_list, METH_O, NULL},
    {"get", (PyCFunction)(void (*)(void))get, METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot slots[] = {
#ifdef Py_mod_gil
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "benchext", NULL, 0, methods, slots, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit_benchext(void) { return PyModuleDef_Init(&module); }
