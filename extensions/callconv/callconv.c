/* callconv: the calling conventions freepy calls through entries of their
 * own (METH_NOARGS, METH_O, METH_FASTCALL, METH_VARARGS), as module
 * functions and as methods, with every kind of argument and result. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *none(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    Py_RETURN_NONE;
}

/* echo returns its argument: "null" fails, "seterr" returns None with an
 * error set (a SystemError), "true"/"false" return the bools. */
static PyObject *echo(PyObject *self, PyObject *arg) {
    (void)self;
    if (PyUnicode_Check(arg)) {
        if (PyUnicode_CompareWithASCIIString(arg, "null") == 0) {
            PyErr_SetString(PyExc_ValueError, "asked for NULL");
            return NULL;
        }
        if (PyUnicode_CompareWithASCIIString(arg, "seterr") == 0) {
            PyErr_SetString(PyExc_KeyError, "left set");
            Py_RETURN_NONE;
        }
        if (PyUnicode_CompareWithASCIIString(arg, "true") == 0) {
            Py_RETURN_TRUE;
        }
        if (PyUnicode_CompareWithASCIIString(arg, "false") == 0) {
            Py_RETURN_FALSE;
        }
    }
    Py_INCREF(arg);
    return arg;
}

/* neg: an int or float result made in C from an int or float argument. */
static PyObject *neg(PyObject *self, PyObject *arg) {
    (void)self;
    if (PyFloat_Check(arg)) {
        return PyFloat_FromDouble(-PyFloat_AsDouble(arg));
    }
    long long v = PyLong_AsLongLong(arg);
    if (v == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromLongLong(-v);
}

/* fast returns (nargs, args...) as a tuple. */
static PyObject *fast(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    PyObject *t = PyTuple_New(nargs + 1);
    if (t == NULL) {
        return NULL;
    }
    PyTuple_SET_ITEM(t, 0, PyLong_FromSsize_t(nargs));
    for (Py_ssize_t i = 0; i < nargs; i++) {
        Py_INCREF(args[i]);
        PyTuple_SET_ITEM(t, i + 1, args[i]);
    }
    return t;
}

/* va returns its argument tuple itself (kept by the caller). */
static PyObject *va(PyObject *self, PyObject *args) {
    (void)self;
    Py_INCREF(args);
    return args;
}

/* va_sum adds its int arguments (the tuple is not kept). */
static PyObject *va_sum(PyObject *self, PyObject *args) {
    (void)self;
    long long total = 0;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(args); i++) {
        long long v = PyLong_AsLongLong(PyTuple_GET_ITEM(args, i));
        if (v == -1 && PyErr_Occurred()) {
            return NULL;
        }
        total += v;
    }
    return PyLong_FromLongLong(total);
}

/* call(fn, x) calls fn(x) from C: nested calls use the next depth. */
static PyObject *call(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "call(fn, x)");
        return NULL;
    }
    return PyObject_CallOneArg(args[0], args[1]);
}

typedef struct {
    PyObject_HEAD
    long long n;
} CounterObject;

static PyObject *counter_get(PyObject *self, PyObject *unused) {
    (void)unused;
    return PyLong_FromLongLong(((CounterObject *)self)->n);
}

static PyObject *counter_add(PyObject *self, PyObject *arg) {
    long long v = PyLong_AsLongLong(arg);
    if (v == -1 && PyErr_Occurred()) {
        return NULL;
    }
    ((CounterObject *)self)->n += v;
    Py_RETURN_NONE;
}

static PyObject *counter_add2(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    for (Py_ssize_t i = 0; i < nargs; i++) {
        long long v = PyLong_AsLongLong(args[i]);
        if (v == -1 && PyErr_Occurred()) {
            return NULL;
        }
        ((CounterObject *)self)->n += v;
    }
    return PyLong_FromLongLong(((CounterObject *)self)->n);
}

static PyObject *counter_addv(PyObject *self, PyObject *args) {
    PyObject *r = va_sum(NULL, args);
    if (r == NULL) {
        return NULL;
    }
    ((CounterObject *)self)->n += PyLong_AsLongLong(r);
    Py_DECREF(r);
    return PyFloat_FromDouble((double)((CounterObject *)self)->n / 2);
}

static PyObject *counter_kind(PyObject *cls, PyObject *unused) {
    (void)unused;
    return PyUnicode_FromString(((PyTypeObject *)cls)->tp_name);
}

static PyObject *counter_twice(PyObject *self, PyObject *arg) {
    (void)self;
    return PyNumber_Add(arg, arg);
}

static PyMethodDef counter_methods[] = {
    {"get", counter_get, METH_NOARGS, NULL},
    {"add", counter_add, METH_O, NULL},
    {"add2", (PyCFunction)(void (*)(void))counter_add2, METH_FASTCALL, NULL},
    {"addv", counter_addv, METH_VARARGS, NULL},
    {"kind", counter_kind, METH_NOARGS | METH_CLASS, NULL},
    {"twice", counter_twice, METH_O | METH_STATIC, NULL},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot counter_slots[] = {
    {Py_tp_methods, counter_methods},
    {0, NULL},
};

static PyType_Spec counter_spec = {
    "callconv.Counter", sizeof(CounterObject), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, counter_slots,
};

static PyMethodDef methods[] = {
    {"none", none, METH_NOARGS, NULL},
    {"echo", echo, METH_O, NULL},
    {"neg", neg, METH_O, NULL},
    {"fast", (PyCFunction)(void (*)(void))fast, METH_FASTCALL, NULL},
    {"va", va, METH_VARARGS, NULL},
    {"va_sum", va_sum, METH_VARARGS, NULL},
    {"call", (PyCFunction)(void (*)(void))call, METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};


static int exec_module(PyObject *m) {
    PyObject *tp = PyType_FromSpec(&counter_spec);
    if (tp == NULL) {
        return -1;
    }
    return PyModule_AddObject(m, "Counter", tp);
}

static PyModuleDef_Slot all_slots[] = {
    {Py_mod_exec, (void *)exec_module},
#ifdef Py_mod_gil
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "callconv", NULL, 0, methods, all_slots, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit_callconv(void) { return PyModuleDef_Init(&module); }
