/* borrowed: functions built on the borrowed-reference APIs that are unsafe
 * without a GIL (PyDict_GetItem, PyDict_GetItemString, PyList_GetItem,
 * PyList_GET_ITEM, PyTuple_GET_ITEM, PyDict_Next, PyWeakref_GetObject).
 * The migration tool's audit should flag every one of them. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

/* dict_get(d, key, default) */
static PyObject *b_dict_get(PyObject *self, PyObject *args) {
    PyObject *d, *key, *dflt, *v;
    (void)self;
    if (!PyArg_ParseTuple(args, "O!OO:dict_get", &PyDict_Type, &d, &key, &dflt)) {
        return NULL;
    }
    v = PyDict_GetItem(d, key);     /* borrowed, errors swallowed */
    if (v == NULL) {
        v = dflt;
    }
    Py_INCREF(v);
    return v;
}

/* dict_get_str(d, name): KeyError when missing */
static PyObject *b_dict_get_str(PyObject *self, PyObject *args) {
    PyObject *d, *v;
    const char *name;
    (void)self;
    if (!PyArg_ParseTuple(args, "O!s:dict_get_str", &PyDict_Type, &d, &name)) {
        return NULL;
    }
    v = PyDict_GetItemString(d, name);
    if (v == NULL) {
        PyErr_SetString(PyExc_KeyError, name);
        return NULL;
    }
    return Py_NewRef(v);
}

/* list_get(lst, i): PyList_GetItem with its IndexError */
static PyObject *b_list_get(PyObject *self, PyObject *args) {
    PyObject *lst, *v;
    Py_ssize_t i;
    (void)self;
    if (!PyArg_ParseTuple(args, "O!n:list_get", &PyList_Type, &lst, &i)) {
        return NULL;
    }
    v = PyList_GetItem(lst, i);
    if (v == NULL) {
        return NULL;
    }
    return Py_NewRef(v);
}

/* seq_sum(list_or_tuple): the GET_ITEM macros, reading the layout */
static PyObject *b_seq_sum(PyObject *self, PyObject *seq) {
    PyObject *total = PyLong_FromLong(0);
    Py_ssize_t i, n;
    int is_list = PyList_Check(seq);
    (void)self;
    if (!is_list && !PyTuple_Check(seq)) {
        Py_XDECREF(total);
        PyErr_SetString(PyExc_TypeError, "seq_sum() needs a list or a tuple");
        return NULL;
    }
    n = is_list ? PyList_GET_SIZE(seq) : PyTuple_GET_SIZE(seq);
    for (i = 0; i < n && total != NULL; i++) {
        PyObject *item = is_list ? PyList_GET_ITEM(seq, i) : PyTuple_GET_ITEM(seq, i);
        PyObject *t = PyNumber_Add(total, item);
        Py_DECREF(total);
        total = t;
    }
    return total;
}

/* dict_items(d): [(k, v), ...] in iteration order, through PyDict_Next */
static PyObject *b_dict_items(PyObject *self, PyObject *d) {
    PyObject *key, *value, *out;
    Py_ssize_t pos = 0;
    (void)self;
    if (!PyDict_Check(d)) {
        PyErr_SetString(PyExc_TypeError, "dict_items() needs a dict");
        return NULL;
    }
    out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    while (PyDict_Next(d, &pos, &key, &value)) {
        PyObject *pair = PyTuple_Pack(2, key, value);
        if (pair == NULL || PyList_Append(out, pair) < 0) {
            Py_XDECREF(pair);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(pair);
    }
    return out;
}

/* dict_sum_values(d): sum of the int values, via PyDict_Next */
static PyObject *b_dict_sum_values(PyObject *self, PyObject *d) {
    PyObject *key, *value;
    Py_ssize_t pos = 0;
    long long sum = 0;
    (void)self;
    if (!PyDict_Check(d)) {
        PyErr_SetString(PyExc_TypeError, "dict_sum_values() needs a dict");
        return NULL;
    }
    while (PyDict_Next(d, &pos, &key, &value)) {
        long long v = PyLong_AsLongLong(value);
        if (v == -1 && PyErr_Occurred()) {
            return NULL;
        }
        sum += v;
    }
    return PyLong_FromLongLong(sum);
}

/* weak_target(ref): the referent or None, through PyWeakref_GetObject */
static PyObject *b_weak_target(PyObject *self, PyObject *ref) {
    PyObject *obj;
    (void)self;
    obj = PyWeakref_GetObject(ref);
    if (obj == NULL) {
        return NULL;
    }
    return Py_NewRef(obj);
}

static PyMethodDef borrowed_methods[] = {
    {"dict_get", b_dict_get, METH_VARARGS, "dict_get(d, key, default)"},
    {"dict_get_str", b_dict_get_str, METH_VARARGS, "dict_get_str(d, name)"},
    {"list_get", b_list_get, METH_VARARGS, "list_get(lst, i)"},
    {"seq_sum", b_seq_sum, METH_O, "seq_sum(list_or_tuple)"},
    {"dict_items", b_dict_items, METH_O, "dict_items(d)"},
    {"dict_sum_values", b_dict_sum_values, METH_O, "dict_sum_values(d)"},
    {"weak_target", b_weak_target, METH_O, "weak_target(ref)"},
    {NULL, NULL, 0, NULL}
};

static struct PyModuleDef borrowed_module = {
    PyModuleDef_HEAD_INIT,
    "borrowed",
    "Borrowed-reference API users.",
    -1,
    borrowed_methods,
    NULL, NULL, NULL, NULL
};

PyMODINIT_FUNC PyInit_borrowed(void) {
    return PyModule_Create(&borrowed_module);
}
