/* Functions of freepy's headers that CPython 3.11's headers lack (3.12
 * and 3.13 additions) or that a differential test cannot compare (the
 * internal _PyObject_LookupSpecial, threads started from C, functions
 * that end the process). Built against include/ only; the expected
 * output is in tests/capi_exports_test.go. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <pthread.h>
#include <stdio.h>

static PyObject *mapping(PyObject *self, PyObject *m) {
    (void)self;
    PyObject *v = NULL;
    int a = PyMapping_GetOptionalItemString(m, "a", &v);
    PyObject *av = v ? v : Py_NewRef(Py_None);
    int b = PyMapping_GetOptionalItemString(m, "zz", &v);
    int nul = v == NULL;
    PyObject *k = PyUnicode_FromString("a");
    int c = PyMapping_HasKeyWithError(m, k);
    Py_DECREF(k);
    int d = PyMapping_HasKeyStringWithError(m, "nope");
    int e = PyMapping_HasKeyStringWithError(Py_None, "x");
    int err = PyErr_ExceptionMatches(PyExc_TypeError);
    PyErr_Clear();
    return Py_BuildValue("(iNiiiiii)", a, av, b, nul, c, d, e, err);
}

static PyObject *set_args(PyObject *self, PyObject *exc) {
    (void)self;
    PyObject *args = Py_BuildValue("(si)", "new", 2);
    PyException_SetArgs(exc, args);
    Py_DECREF(args);
    return PyObject_GetAttrString(exc, "args");
}

static PyObject *hash_pointer(PyObject *self, PyObject *o) {
    (void)self;
    (void)o;
    /* the address rotated right by 4 bits (the low bits are alignment) */
    return Py_BuildValue("(ii)", Py_HashPointer((void *)0x1230) == 0x123, Py_HashPointer(NULL) == 0);
}

static PyObject *lookup_special(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *o, *name;
    if (!PyArg_ParseTuple(args, "OU", &o, &name)) return NULL;
    PyObject *m = _PyObject_LookupSpecial(o, name);
    if (m == NULL) return PyErr_Occurred() ? NULL : PyUnicode_FromString("absent");
    PyObject *r = PyObject_CallNoArgs(m);
    Py_DECREF(m);
    return r;
}

typedef struct {
    PyObject_HEAD
    int base_field;
} Base;

typedef struct {
    int extra;
} Extra;

static PyObject *meta_type(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *meta;
    if (!PyArg_ParseTuple(args, "O", &meta)) return NULL;
    static PyType_Slot slots[] = {{0, NULL}};
    static PyType_Spec spec = {"apinew.Made", sizeof(Base) + sizeof(Extra), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, slots};
    return PyType_FromMetaclass(meta == Py_None ? NULL : (PyTypeObject *)meta, NULL, &spec, NULL);
}

static PyObject *type_data(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    static PyType_Slot bslots[] = {{0, NULL}};
    static PyType_Spec bspec = {"apinew.B", sizeof(Base), 0, Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE, bslots};
    PyObject *b = PyType_FromSpec(&bspec);
    if (b == NULL) return NULL;
    PyObject *bases = PyTuple_Pack(1, b);
    static PyType_Slot dslots[] = {{0, NULL}};
    static PyType_Spec dspec = {"apinew.D", sizeof(Base) + 16 + sizeof(Extra), 0, Py_TPFLAGS_DEFAULT, dslots};
    PyObject *d = PyType_FromSpecWithBases(&dspec, bases);
    Py_DECREF(bases);
    if (d == NULL) return NULL;
    PyObject *o = PyObject_CallNoArgs(d);
    if (o == NULL) return NULL;
    char *p = PyObject_GetTypeData(o, (PyTypeObject *)d);
    Py_ssize_t off = p - (char *)o;
    Py_DECREF(o);
    return Py_BuildValue("(nn)", off, (Py_ssize_t)((sizeof(Base) + 15) & ~(size_t)15));
}

/* a thread started from C calls into Python and ends itself */
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int done;
static PyObject *result;

static void worker(void *arg) {
    PyGILState_STATE st = PyGILState_Ensure();
    result = PyObject_CallOneArg((PyObject *)arg, Py_None);
    if (result == NULL) PyErr_Clear();
    PyGILState_Release(st);
    pthread_mutex_lock(&mu);
    done = 1;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&mu);
    PyThread_exit_thread();
}

static PyObject *start_thread(PyObject *self, PyObject *fn) {
    (void)self;
    Py_INCREF(fn);
    done = 0;
    unsigned long id = PyThread_start_new_thread(worker, fn);
    if (id == (unsigned long)-1) return NULL;
    Py_BEGIN_ALLOW_THREADS
    pthread_mutex_lock(&mu);
    while (!done) pthread_cond_wait(&cv, &mu);
    pthread_mutex_unlock(&mu);
    Py_END_ALLOW_THREADS
    Py_DECREF(fn);
    PyObject *r = result ? result : Py_NewRef(Py_None);
    result = NULL;
    return r;
}

static PyObject *init_other(void) { return NULL; }

static PyObject *append_inittab(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    PyImport_AppendInittab("other", init_other);
    Py_RETURN_NONE;
}

static PyObject *exit_(PyObject *self, PyObject *code) {
    (void)self;
    Py_Exit((int)PyLong_AsLong(code));
    return NULL; /* not reached: Py_Exit does not return */
}

static PyMethodDef methods[] = {
    {"mapping", mapping, METH_O, NULL},
    {"set_args", set_args, METH_O, NULL},
    {"hash_pointer", hash_pointer, METH_O, NULL},
    {"lookup_special", lookup_special, METH_VARARGS, NULL},
    {"meta_type", meta_type, METH_VARARGS, NULL},
    {"type_data", type_data, METH_NOARGS, NULL},
    {"start_thread", start_thread, METH_O, NULL},
    {"append_inittab", append_inittab, METH_NOARGS, NULL},
    {"exit", exit_, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef mod = {PyModuleDef_HEAD_INIT, "apinew", NULL, -1, methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit_apinew(void) { return PyModule_Create(&mod); }
