/* Two more things PyGObject's _gi does with types: a static type that
 * answers attributes through tp_getattr (the slot taking a C string, as
 * GParamSpec does), and reading a Python class's tp_bases from C (gi walks
 * it for the interfaces a GObject subclass implements); an exception type
 * with C fields of its own; a type that adds no fields combined as a base
 * with one that does; a tp_descr_get set after PyType_Ready; a tuple
 * subclass whose instances C allocates and fills. Built against
 * freepy's and CPython's headers. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

typedef struct {
    PyObject_HEAD
    long value;
} Spec;

static PyObject *spec_getattr(PyObject *self, char *attr) {
    Spec *s = (Spec *)self;
    if (strcmp(attr, "name") == 0) return PyUnicode_FromFormat("spec-%ld", s->value);
    if (strcmp(attr, "value") == 0) return PyLong_FromLong(s->value);
    /* anything else: the generic lookup, as gi falls back to it */
    PyObject *n = PyUnicode_FromString(attr);
    if (n == NULL) return NULL;
    PyObject *r = PyObject_GenericGetAttr(self, n);
    Py_DECREF(n);
    return r;
}

static PyObject *spec_double(PyObject *self, PyObject *unused) {
    (void)unused;
    return PyLong_FromLong(((Spec *)self)->value * 2);
}

static PyMethodDef spec_methods[] = {
    {"double", spec_double, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject Spec_Type;

/* An exception type with a field of its own after BaseException's, whose
 * instances the inherited tp_new makes (in freepy, a Go exception). */
typedef struct {
    PyBaseExceptionObject base;
    long code[4];
} CodedError;

static PyObject *coded_set(PyObject *self, PyObject *arg) {
    long n = PyLong_AsLong(arg);
    if (n == -1 && PyErr_Occurred()) return NULL;
    for (int i = 0; i < 4; i++) ((CodedError *)self)->code[i] = n + i;
    Py_RETURN_NONE;
}

static PyObject *coded_get(PyObject *self, PyObject *unused) {
    (void)unused;
    CodedError *e = (CodedError *)self;
    return Py_BuildValue("(llll)", e->code[0], e->code[1], e->code[2], e->code[3]);
}

static PyMethodDef coded_methods[] = {
    {"setcode", coded_set, METH_O, NULL},
    {"getcode", coded_get, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyTypeObject CodedError_Type;

/* Iface: a base type that adds no fields (PyGObject's GInterface): a
 * Python class may have it and another C type with fields as bases. */
static PyTypeObject Iface_Type;

/* Bound: a descriptor whose tp_descr_get is set after PyType_Ready, in
 * the init function (as PyGObject does for gi.FunctionInfo) */
static PyObject *bound_get(PyObject *self, PyObject *obj, PyObject *type) {
    (void)type;
    if (obj == NULL || obj == Py_None) {
        Py_INCREF(self);
        return self;
    }
    return Py_BuildValue("(sO)", "bound", obj);
}

static PyTypeObject Bound_Type;

/* Pair: a C subclass of tuple whose instances C allocates and fills
 * (PyGObject's result tuples), with a tp_getattro that names item 0 and
 * hands everything else to PyTuple_Type's slot explicitly. */
static PyObject *pair_getattro(PyObject *self, PyObject *name) {
    if (PyUnicode_Check(name) && PyUnicode_CompareWithASCIIString(name, "first") == 0) {
        PyObject *r = PyTuple_GET_ITEM(self, 0);
        Py_INCREF(r);
        return r;
    }
    return PyTuple_Type.tp_getattro(self, name);
}

static PyTypeObject Pair_Type;

/* make_pair(cls, a, b): an instance of cls (a subclass of Pair) made by
 * tp_alloc and filled with PyTuple_SET_ITEM */
static PyObject *make_pair(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *cls, *x, *y;
    if (!PyArg_ParseTuple(args, "O!OO", &PyType_Type, &cls, &x, &y)) return NULL;
    if (!PyType_IsSubtype((PyTypeObject *)cls, &Pair_Type)) {
        PyErr_SetString(PyExc_TypeError, "not a Pair subclass");
        return NULL;
    }
    PyObject *p = ((PyTypeObject *)cls)->tp_alloc((PyTypeObject *)cls, 2);
    if (p == NULL) return NULL;
    Py_INCREF(x);
    PyTuple_SET_ITEM(p, 0, x);
    Py_INCREF(y);
    PyTuple_SET_ITEM(p, 1, y);
    return p;
}

static PyObject *make_spec(PyObject *self, PyObject *args) {
    (void)self;
    long v;
    if (!PyArg_ParseTuple(args, "l", &v)) return NULL;
    Spec *s = PyObject_New(Spec, &Spec_Type);
    if (s == NULL) return NULL;
    s->value = v;
    return (PyObject *)s;
}

/* base_names(cls): the names of the classes in cls->tp_bases, read from C */
static PyObject *base_names(PyObject *self, PyObject *cls) {
    (void)self;
    if (!PyType_Check(cls)) {
        PyErr_SetString(PyExc_TypeError, "a class is required");
        return NULL;
    }
    PyObject *bases = ((PyTypeObject *)cls)->tp_bases;
    if (bases == NULL) Py_RETURN_NONE;
    PyObject *r = PyList_New(0);
    if (r == NULL) return NULL;
    for (Py_ssize_t i = 0; i < PyTuple_GET_SIZE(bases); i++) {
        PyObject *b = PyTuple_GET_ITEM(bases, i);
        PyObject *n = PyUnicode_FromString(((PyTypeObject *)b)->tp_name);
        if (n == NULL || PyList_Append(r, n) < 0) {
            Py_XDECREF(n);
            Py_DECREF(r);
            return NULL;
        }
        Py_DECREF(n);
    }
    return r;
}

static PyMethodDef methods[] = {
    {"make_spec", make_spec, METH_VARARGS, NULL},
    {"base_names", base_names, METH_O, NULL},
    {"make_pair", make_pair, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef moddef = {PyModuleDef_HEAD_INIT, "cattr_slots", NULL, -1, methods,
                                    NULL, NULL, NULL, NULL};

/* the types are filled in here, not with designated initializers, so that
 * the file also compiles as C++ (capi/headertest) */
PyMODINIT_FUNC PyInit_cattr_slots(void) {
    Py_SET_REFCNT((PyObject *)&Spec_Type, 1); /* a static object's one reference */
    Spec_Type.tp_name = "cattr_slots.Spec";
    Spec_Type.tp_basicsize = sizeof(Spec);
    Spec_Type.tp_flags = Py_TPFLAGS_DEFAULT;
    Spec_Type.tp_getattr = spec_getattr;
    Spec_Type.tp_methods = spec_methods;
    Py_SET_REFCNT((PyObject *)&CodedError_Type, 1); /* a static object's one reference */
    CodedError_Type.tp_name = "cattr_slots.CodedError";
    CodedError_Type.tp_basicsize = sizeof(CodedError);
    CodedError_Type.tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE;
    CodedError_Type.tp_methods = coded_methods;
    Py_SET_REFCNT((PyObject *)&Iface_Type, 1); /* a static object's one reference */
    Iface_Type.tp_name = "cattr_slots.Iface";
    Iface_Type.tp_basicsize = sizeof(PyObject);
    Iface_Type.tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE;
    Iface_Type.tp_new = PyType_GenericNew;
    Py_SET_REFCNT((PyObject *)&Bound_Type, 1); /* a static object's one reference */
    Bound_Type.tp_name = "cattr_slots.Bound";
    Bound_Type.tp_basicsize = sizeof(PyObject);
    Bound_Type.tp_flags = Py_TPFLAGS_DEFAULT;
    Bound_Type.tp_new = PyType_GenericNew;
    Py_SET_REFCNT((PyObject *)&Pair_Type, 1); /* a static object's one reference */
    Pair_Type.tp_name = "cattr_slots.Pair";
    Pair_Type.tp_basicsize = sizeof(PyTupleObject) - sizeof(PyObject *);
    Pair_Type.tp_itemsize = sizeof(PyObject *);
    Pair_Type.tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE;
    Pair_Type.tp_getattro = pair_getattro;
    if (PyType_Ready(&Spec_Type) < 0) return NULL;
    if (PyType_Ready(&Iface_Type) < 0) return NULL;
    if (PyType_Ready(&Bound_Type) < 0) return NULL;
    Pair_Type.tp_base = &PyTuple_Type;
    if (PyType_Ready(&Pair_Type) < 0) return NULL;
    Bound_Type.tp_descr_get = bound_get;
    CodedError_Type.tp_base = (PyTypeObject *)PyExc_Exception;
    if (PyType_Ready(&CodedError_Type) < 0) return NULL;
    PyObject *m = PyModule_Create(&moddef);
    if (m == NULL) return NULL;
    Py_INCREF(&Spec_Type);
    if (PyModule_AddObject(m, "Spec", (PyObject *)&Spec_Type) < 0) {
        Py_DECREF(&Spec_Type);
        Py_DECREF(m);
        return NULL;
    }
    Py_INCREF(&Iface_Type);
    if (PyModule_AddObject(m, "Iface", (PyObject *)&Iface_Type) < 0) {
        Py_DECREF(&Iface_Type);
        Py_DECREF(m);
        return NULL;
    }
    Py_INCREF(&Pair_Type);
    if (PyModule_AddObject(m, "Pair", (PyObject *)&Pair_Type) < 0) {
        Py_DECREF(&Pair_Type);
        Py_DECREF(m);
        return NULL;
    }
    Py_INCREF(&Bound_Type);
    if (PyModule_AddObject(m, "Bound", (PyObject *)&Bound_Type) < 0) {
        Py_DECREF(&Bound_Type);
        Py_DECREF(m);
        return NULL;
    }
    Py_INCREF(&CodedError_Type);
    if (PyModule_AddObject(m, "CodedError", (PyObject *)&CodedError_Type) < 0) {
        Py_DECREF(&CodedError_Type);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
