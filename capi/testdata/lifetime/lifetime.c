/* lifetime (a capi test fixture): a heap type that counts its live
 * instances, to check that objects made in C are freed once nothing refers
 * to them, in bounded memory. */
#include <Python.h>
#include <structmember.h>
static int live = 0;
typedef struct { PyObject_HEAD double x; PyObject *tag; } Box;
static PyObject *Box_new(PyTypeObject *t, PyObject *a, PyObject *k) {
    (void)a; (void)k;
    Box *b = (Box *)t->tp_alloc(t, 0);
    if (b) { b->x = 0; b->tag = Py_NewRef(Py_None); live++; }
    return (PyObject *)b;
}
static int Box_init(Box *self, PyObject *args, PyObject *kw) {
    (void)kw;
    if (PyTuple_GET_SIZE(args) > 0) { self->x = PyFloat_AsDouble(PyTuple_GET_ITEM(args, 0)); if (PyErr_Occurred()) return -1; }
    return 0;
}
static void Box_dealloc(Box *self) { live--; Py_XDECREF(self->tag); PyTypeObject *tp = Py_TYPE(self); tp->tp_free(self); Py_DECREF(tp); }
static PyObject *Box_repr(Box *self) { return PyUnicode_FromFormat("Box(%R)", PyFloat_FromDouble(self->x)); }
static PyObject *Box_add(PyObject *a, PyObject *b) {
    PyTypeObject *tp = Py_TYPE(a);
    if (!PyObject_TypeCheck(a, tp) || !PyObject_TypeCheck(b, tp)) Py_RETURN_NOTIMPLEMENTED;
    Box *r = (Box *)tp->tp_alloc(tp, 0); live++; r->tag = Py_NewRef(Py_None);
    r->x = ((Box *)a)->x + ((Box *)b)->x; return (PyObject *)r;
}
static PyObject *Box_double(Box *self, PyObject *unused) { (void)unused; self->x *= 2; Py_RETURN_NONE; }
static PyObject *get_half(Box *self, void *c) { (void)c; return PyFloat_FromDouble(self->x / 2); }
static PyObject *Box_rich(PyObject *a, PyObject *b, int op) {
    if (!PyObject_TypeCheck(b, Py_TYPE(a)) && !PyObject_TypeCheck(a, Py_TYPE(b))) Py_RETURN_NOTIMPLEMENTED;
    double x = ((Box *)a)->x, y = ((Box *)b)->x;
    Py_RETURN_RICHCOMPARE(x, y, op);
}
static PyMemberDef members[] = {{"x", T_DOUBLE, offsetof(Box, x), 0, "x doc"}, {"tag", T_OBJECT, offsetof(Box, tag), 0, NULL}, {NULL, 0, 0, 0, NULL}};
static PyGetSetDef getset[] = {{"half", (getter)get_half, NULL, NULL, NULL}, {NULL, NULL, NULL, NULL, NULL}};
static PyMethodDef bmethods[] = {{"double", (PyCFunction)Box_double, METH_NOARGS, "double it"}, {NULL, NULL, 0, NULL}};
static PyType_Slot slots[] = {
    {Py_tp_new, Box_new}, {Py_tp_init, Box_init}, {Py_tp_dealloc, Box_dealloc}, {Py_tp_repr, Box_repr},
    {Py_nb_add, Box_add}, {Py_tp_members, members}, {Py_tp_getset, getset}, {Py_tp_methods, bmethods},
    {Py_tp_richcompare, Box_rich}, {Py_tp_doc, "A box."}, {0, NULL}};
static PyType_Spec spec = {"lifetime.Box", sizeof(Box), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, slots};
static PyObject *nlive(PyObject *s, PyObject *u) { (void)s; (void)u; return PyLong_FromLong(live); }
static PyMethodDef methods[] = {{"live", nlive, METH_NOARGS, NULL}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "lifetime", NULL, -1, methods, NULL, NULL, NULL, NULL};
PyMODINIT_FUNC PyInit_lifetime(void) {
    PyObject *m = PyModule_Create(&mod);
    PyObject *t = PyType_FromSpec(&spec);
    if (!t) return NULL;
    PyModule_AddObject(m, "Box", t);
    return m;
}
