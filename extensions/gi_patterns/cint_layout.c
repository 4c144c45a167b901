/* A C subclass of int with fields of its own after the int part, used the
 * way PyGObject uses its enum and flags types: members are made by calling
 * int's tp_new on a Python subclass (made with type() from C or with a
 * class statement) and then C writes its own fields into the new object.
 * In freepy int's tp_new makes a Go object, so its mirror must have room
 * for the C struct (tp_basicsize). Built against freepy's and CPython's
 * headers. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

typedef struct {
    PyLongObject parent;
    int zero_pad;
    long tag;
    long extra[6]; /* more room than one int: a short mirror is overrun
                      into the next block */
} TaggedInt;

static PyTypeObject TaggedInt_Type;

/* tagged_tag(): the tag C wrote, read back through a method (a call from
 * the method table, as gi's enum methods are) */
static PyObject *tagged_tag(PyObject *self, PyObject *unused) {
    (void)unused;
    TaggedInt *t = (TaggedInt *)self;
    long sum = 0;
    for (int i = 0; i < 6; i++) sum += t->extra[i];
    return Py_BuildValue("(ll)", t->tag, sum);
}

/* tagged_settag(n): C writes the fields again in a method */
static PyObject *tagged_settag(PyObject *self, PyObject *arg) {
    long n = PyLong_AsLong(arg);
    if (n == -1 && PyErr_Occurred()) return NULL;
    TaggedInt *t = (TaggedInt *)self;
    t->tag = n;
    for (int i = 0; i < 6; i++) t->extra[i] = n + i;
    Py_RETURN_NONE;
}

static PyObject *tagged_repr(PyObject *self) {
    TaggedInt *t = (TaggedInt *)self;
    long v = PyLong_AsLong(self);
    if (v == -1 && PyErr_Occurred()) return NULL;
    return PyUnicode_FromFormat("<%s %ld tag=%ld>", Py_TYPE(self)->tp_name, v, t->tag);
}

static PyMethodDef tagged_methods[] = {
    {"tag", tagged_tag, METH_NOARGS, NULL},
    {"settag", tagged_settag, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};


/* member(cls, value, tag): int's tp_new on cls, then the C fields */
static PyObject *member(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *cls, *value;
    long tag;
    if (!PyArg_ParseTuple(args, "OOl", &cls, &value, &tag)) return NULL;
    if (!PyType_Check(cls) || !PyType_IsSubtype((PyTypeObject *)cls, &TaggedInt_Type)) {
        PyErr_SetString(PyExc_TypeError, "not a TaggedInt subclass");
        return NULL;
    }
    PyObject *a = Py_BuildValue("(O)", value);
    if (a == NULL) return NULL;
    PyObject *item = PyLong_Type.tp_new((PyTypeObject *)cls, a, NULL);
    Py_DECREF(a);
    if (item == NULL) return NULL;
    TaggedInt *t = (TaggedInt *)item;
    t->tag = tag;
    for (int i = 0; i < 6; i++) t->extra[i] = tag * 10 + i;
    return item;
}

/* subclass(name): a Python class deriving from TaggedInt, made by calling
 * type() from C as PyGObject makes its enum classes */
static PyObject *subclass(PyObject *self, PyObject *args) {
    (void)self;
    const char *name;
    if (!PyArg_ParseTuple(args, "s", &name)) return NULL;
    PyObject *dict = PyDict_New();
    if (dict == NULL) return NULL;
    PyObject *mod = PyUnicode_FromString("cint_layout");
    if (mod == NULL || PyDict_SetItemString(dict, "__module__", mod) < 0) {
        Py_XDECREF(mod);
        Py_DECREF(dict);
        return NULL;
    }
    Py_DECREF(mod);
    PyObject *cls = PyObject_CallFunction((PyObject *)&PyType_Type, "s(O)O", name,
                                          (PyObject *)&TaggedInt_Type, dict);
    Py_DECREF(dict);
    return cls;
}

static PyMethodDef methods[] = {
    {"member", member, METH_VARARGS, NULL},
    {"subclass", subclass, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef moddef = {PyModuleDef_HEAD_INIT, "cint_layout", NULL, -1, methods,
                                    NULL, NULL, NULL, NULL};

/* the types are filled in here, not with designated initializers, so that
 * the file also compiles as C++ (capi/headertest) */
PyMODINIT_FUNC PyInit_cint_layout(void) {
    Py_SET_REFCNT((PyObject *)&TaggedInt_Type, 1); /* a static object's one reference */
    TaggedInt_Type.tp_name = "cint_layout.TaggedInt";
    TaggedInt_Type.tp_basicsize = sizeof(TaggedInt);
    TaggedInt_Type.tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE;
    TaggedInt_Type.tp_repr = tagged_repr;
    TaggedInt_Type.tp_methods = tagged_methods;
    TaggedInt_Type.tp_base = &PyLong_Type;
    if (PyType_Ready(&TaggedInt_Type) < 0) return NULL;
    PyObject *m = PyModule_Create(&moddef);
    if (m == NULL) return NULL;
    Py_INCREF(&TaggedInt_Type);
    if (PyModule_AddObject(m, "TaggedInt", (PyObject *)&TaggedInt_Type) < 0) {
        Py_DECREF(&TaggedInt_Type);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
