/* capi_types: a static type made ready with PyType_Ready and a heap type
 * made with PyType_FromSpec.
 *
 * Point (static): T_DOUBLE members, a method, tp_new/tp_init, tp_repr and
 * tp_richcompare. Vec (heap): members (one read-only), a getter/setter
 * pair, number slots (add, multiply by a scalar, negative, bool) and
 * sequence length. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <structmember.h>

/* ---- Point: a static type ---- */

typedef struct {
    PyObject_HEAD
    double x;
    double y;
} PointObject;

static int Point_init(PyObject *self, PyObject *args, PyObject *kwds) {
    static const char *kwlist[] = {"x", "y", NULL};
    PointObject *p = (PointObject *)self;
    double x = 0.0, y = 0.0;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "|dd:Point", (char **)kwlist, &x, &y)) {
        return -1;
    }
    p->x = x;
    p->y = y;
    return 0;
}

static PyObject *Point_repr(PyObject *self) {
    PointObject *p = (PointObject *)self;
    PyObject *x = PyFloat_FromDouble(p->x), *y = NULL, *r = NULL;
    if (x != NULL && (y = PyFloat_FromDouble(p->y)) != NULL) {
        r = PyUnicode_FromFormat("Point(%R, %R)", x, y);
    }
    Py_XDECREF(x);
    Py_XDECREF(y);
    return r;
}

static PyObject *Point_richcompare(PyObject *a, PyObject *b, int op) {
    PointObject *p, *q;
    if (!PyObject_TypeCheck(b, Py_TYPE(a)) || (op != Py_EQ && op != Py_NE)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    p = (PointObject *)a;
    q = (PointObject *)b;
    if ((p->x == q->x && p->y == q->y) == (op == Py_EQ)) {
        Py_RETURN_TRUE;
    }
    Py_RETURN_FALSE;
}

static PyObject *Point_scaled(PyObject *self, PyObject *arg) {
    PointObject *p = (PointObject *)self, *r;
    PyTypeObject *tp = Py_TYPE(self);
    double k = PyFloat_AsDouble(arg);
    if (k == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    /* tp_alloc, not PyObject_New: a Python subclass is a GC type. */
    r = (PointObject *)tp->tp_alloc(tp, 0);
    if (r == NULL) {
        return NULL;
    }
    r->x = p->x * k;
    r->y = p->y * k;
    return (PyObject *)r;
}

static PyMemberDef Point_members[] = {
    {"x", T_DOUBLE, offsetof(PointObject, x), 0, "x coordinate"},
    {"y", T_DOUBLE, offsetof(PointObject, y), 0, "y coordinate"},
    {NULL, 0, 0, 0, NULL}
};

static PyMethodDef Point_methods[] = {
    {"scaled", Point_scaled, METH_O, "scaled($self, factor, /)\n--\n\nReturn a new Point scaled by a factor."},
    {NULL, NULL, 0, NULL}
};

static PyTypeObject Point_Type = {
    PyVarObject_HEAD_INIT(NULL, 0)
    "capi_types.Point",                       /* tp_name */
    sizeof(PointObject),                      /* tp_basicsize */
    0,                                        /* tp_itemsize */
    0,                                        /* tp_dealloc */
    0,                                        /* tp_vectorcall_offset */
    0,                                        /* tp_getattr */
    0,                                        /* tp_setattr */
    0,                                        /* tp_as_async */
    Point_repr,                               /* tp_repr */
    0,                                        /* tp_as_number */
    0,                                        /* tp_as_sequence */
    0,                                        /* tp_as_mapping */
    0,                                        /* tp_hash */
    0,                                        /* tp_call */
    0,                                        /* tp_str */
    0,                                        /* tp_getattro */
    0,                                        /* tp_setattro */
    0,                                        /* tp_as_buffer */
    Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, /* tp_flags */
    "Point(x=0.0, y=0.0)\n--\n\nA 2-D point (static type).", /* tp_doc */
    0,                                        /* tp_traverse */
    0,                                        /* tp_clear */
    Point_richcompare,                        /* tp_richcompare */
    0,                                        /* tp_weaklistoffset */
    0,                                        /* tp_iter */
    0,                                        /* tp_iternext */
    Point_methods,                            /* tp_methods */
    Point_members,                            /* tp_members */
    0,                                        /* tp_getset */
    0,                                        /* tp_base */
    0,                                        /* tp_dict */
    0,                                        /* tp_descr_get */
    0,                                        /* tp_descr_set */
    0,                                        /* tp_dictoffset */
    Point_init,                               /* tp_init */
    0,                                        /* tp_alloc */
    PyType_GenericNew,                        /* tp_new */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0           /* tp_free .. tp_vectorcall */
};

/* ---- Vec: a heap type from a spec ---- */

typedef struct {
    PyObject_HEAD
    long n;        /* read-only member: number of components (always 2) */
    double a;
    double b;
} VecObject;

static PyObject *Vec_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    double a = 0.0, b = 0.0;
    VecObject *v;
    if (kwds != NULL && PyDict_Size(kwds) != 0) {
        PyErr_SetString(PyExc_TypeError, "Vec() takes no keyword arguments");
        return NULL;
    }
    if (!PyArg_ParseTuple(args, "|dd:Vec", &a, &b)) {
        return NULL;
    }
    v = (VecObject *)type->tp_alloc(type, 0);
    if (v == NULL) {
        return NULL;
    }
    v->n = 2;
    v->a = a;
    v->b = b;
    return (PyObject *)v;
}

static void Vec_dealloc(PyObject *self) {
    PyTypeObject *tp = Py_TYPE(self);
    freefunc tp_free = (freefunc)PyType_GetSlot(tp, Py_tp_free);
    tp_free(self);
    Py_DECREF(tp);
}

static PyObject *vec_make(PyTypeObject *tp, double a, double b) {
    VecObject *v = (VecObject *)tp->tp_alloc(tp, 0);
    if (v == NULL) {
        return NULL;
    }
    v->n = 2;
    v->a = a;
    v->b = b;
    return (PyObject *)v;
}

static PyObject *Vec_add(PyObject *l, PyObject *r) {
    VecObject *x, *y;
    if (Py_TYPE(l) != Py_TYPE(r)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    x = (VecObject *)l;
    y = (VecObject *)r;
    return vec_make(Py_TYPE(l), x->a + y->a, x->b + y->b);
}

static PyObject *Vec_mul(PyObject *l, PyObject *r) {
    PyObject *vec = l, *num = r;
    double k;
    if (!PyFloat_Check(num) && !PyLong_Check(num)) {
        vec = r;
        num = l;
    }
    if (!PyFloat_Check(num) && !PyLong_Check(num)) {
        Py_RETURN_NOTIMPLEMENTED;
    }
    k = PyFloat_AsDouble(num);
    if (k == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    return vec_make(Py_TYPE(vec), ((VecObject *)vec)->a * k, ((VecObject *)vec)->b * k);
}

static PyObject *Vec_neg(PyObject *self) {
    VecObject *v = (VecObject *)self;
    return vec_make(Py_TYPE(self), -v->a, -v->b);
}

static int Vec_bool(PyObject *self) {
    VecObject *v = (VecObject *)self;
    return v->a != 0.0 || v->b != 0.0;
}

static Py_ssize_t Vec_len(PyObject *self) {
    return (Py_ssize_t)((VecObject *)self)->n;
}

static PyObject *Vec_repr(PyObject *self) {
    VecObject *v = (VecObject *)self;
    PyObject *a = PyFloat_FromDouble(v->a), *b = NULL, *r = NULL;
    if (a != NULL && (b = PyFloat_FromDouble(v->b)) != NULL) {
        r = PyUnicode_FromFormat("Vec(%R, %R)", a, b);
    }
    Py_XDECREF(a);
    Py_XDECREF(b);
    return r;
}

static PyObject *Vec_get_norm2(PyObject *self, void *closure) {
    VecObject *v = (VecObject *)self;
    (void)closure;
    return PyFloat_FromDouble(v->a * v->a + v->b * v->b);
}

/* Setting norm2 rescales the vector. */
static int Vec_set_norm2(PyObject *self, PyObject *value, void *closure) {
    VecObject *v = (VecObject *)self;
    double want, have, k;
    (void)closure;
    if (value == NULL) {
        PyErr_SetString(PyExc_AttributeError, "cannot delete norm2");
        return -1;
    }
    want = PyFloat_AsDouble(value);
    if (want == -1.0 && PyErr_Occurred()) {
        return -1;
    }
    have = v->a * v->a + v->b * v->b;
    if (want < 0.0 || have == 0.0) {
        PyErr_SetString(PyExc_ValueError, "cannot rescale to that norm");
        return -1;
    }
    k = sqrt(want / have);
    v->a *= k;
    v->b *= k;
    return 0;
}

static PyMemberDef Vec_members[] = {
    {"n", T_LONG, offsetof(VecObject, n), READONLY, "number of components"},
    {"a", T_DOUBLE, offsetof(VecObject, a), 0, "first component"},
    {"b", T_DOUBLE, offsetof(VecObject, b), 0, "second component"},
    {NULL, 0, 0, 0, NULL}
};

static PyGetSetDef Vec_getset[] = {
    {"norm2", Vec_get_norm2, Vec_set_norm2, "squared length", NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static PyType_Slot Vec_slots[] = {
    {Py_tp_new, (void *)Vec_new},
    {Py_tp_dealloc, (void *)Vec_dealloc},
    {Py_tp_repr, (void *)Vec_repr},
    {Py_tp_members, Vec_members},
    {Py_tp_getset, Vec_getset},
    {Py_tp_doc, (void *)"Vec(a=0, b=0)\n--\n\nA 2-D vector (heap type)."},
    {Py_nb_add, (void *)Vec_add},
    {Py_nb_multiply, (void *)Vec_mul},
    {Py_nb_negative, (void *)Vec_neg},
    {Py_nb_bool, (void *)Vec_bool},
    {Py_sq_length, (void *)Vec_len},
    {0, NULL}
};

static PyType_Spec Vec_spec = {
    "capi_types.Vec",
    sizeof(VecObject),
    0,
    Py_TPFLAGS_DEFAULT,
    Vec_slots
};

static struct PyModuleDef capi_types_module = {
    PyModuleDef_HEAD_INIT,
    "capi_types",
    "A static type and a heap type.",
    -1,
    NULL,
    NULL, NULL, NULL, NULL
};

PyMODINIT_FUNC PyInit_capi_types(void) {
    PyObject *m, *vec;
    if (PyType_Ready(&Point_Type) < 0) {
        return NULL;
    }
    m = PyModule_Create(&capi_types_module);
    if (m == NULL) {
        return NULL;
    }
    if (PyModule_AddObjectRef(m, "Point", (PyObject *)&Point_Type) < 0) {
        goto fail;
    }
    vec = PyType_FromSpec(&Vec_spec);
    if (vec == NULL) {
        goto fail;
    }
    if (PyModule_AddObject(m, "Vec", vec) < 0) {
        Py_DECREF(vec);
        goto fail;
    }
    return m;
fail:
    Py_DECREF(m);
    return NULL;
}
