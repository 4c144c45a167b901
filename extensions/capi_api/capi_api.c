/* capi_api: one function per area of the C API, each returning what it
 * computed so that the driver can print it (the same under CPython 3.11
 * and freepy). Errors are returned to Python as exceptions. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#define CHECK(x) do { if (!(x)) { goto fail; } } while (0)

/* sets(): PySet_* and PyFrozenSet_New */
static PyObject *sets(PyObject *self, PyObject *unused) {
    PyObject *s = NULL, *one = NULL, *two = NULL, *fs = NULL, *res = NULL;
    int has, gone, again;
    Py_ssize_t n;
    (void)self;
    (void)unused;
    CHECK(s = PySet_New(NULL));
    CHECK(one = PyLong_FromLong(1));
    CHECK(two = PyUnicode_FromString("two"));
    CHECK(PySet_Add(s, one) == 0 && PySet_Add(s, two) == 0 && PySet_Add(s, one) == 0);
    has = PySet_Contains(s, two);
    n = PySet_Size(s);
    gone = PySet_Discard(s, one);
    again = PySet_Discard(s, one);
    CHECK(fs = PyFrozenSet_New(s));
    res = Py_BuildValue("(inii)O", has, n, gone, again, fs);
fail:
    Py_XDECREF(s);
    Py_XDECREF(one);
    Py_XDECREF(two);
    Py_XDECREF(fs);
    return res;
}

/* slices(obj): PySlice_New, PySlice_GetIndicesEx, PySlice_Unpack */
static PyObject *slices(PyObject *self, PyObject *arg) {
    Py_ssize_t start, stop, step, len;
    PyObject *lo = PyLong_FromLong(-7), *sl = NULL, *res = NULL, *t;
    (void)self;
    CHECK(lo);
    CHECK(sl = PySlice_New(lo, NULL, NULL));
    CHECK(PySlice_GetIndicesEx(sl, 10, &start, &stop, &step, &len) == 0);
    res = PyList_New(0);
    CHECK(res);
    t = Py_BuildValue("nnnn", start, stop, step, len);
    CHECK(t && PyList_Append(res, t) == 0);
    Py_DECREF(t);
    if (PySlice_Check(arg)) {
        CHECK(PySlice_Unpack(arg, &start, &stop, &step) == 0);
        len = PySlice_AdjustIndices(5, &start, &stop, step);
        t = Py_BuildValue("nnnn", start, stop, step, len);
        CHECK(t && PyList_Append(res, t) == 0);
        Py_DECREF(t);
    }
    Py_DECREF(lo);
    Py_DECREF(sl);
    return res;
fail:
    Py_XDECREF(lo);
    Py_XDECREF(sl);
    Py_XDECREF(res);
    return NULL;
}

/* buffers(b): bytearray, bytes and the buffer protocol */
static PyObject *buffers(PyObject *self, PyObject *arg) {
    Py_buffer view;
    (void)self;
    if (PyObject_GetBuffer(arg, &view, PyBUF_SIMPLE) < 0) {
        return NULL;
    }
    long sum = 0;
    for (Py_ssize_t i = 0; i < view.len; i++) {
        sum += ((unsigned char *)view.buf)[i];
    }
    Py_ssize_t len = view.len;
    int ro = view.readonly;
    PyBuffer_Release(&view);
    PyObject *ba = PyByteArray_FromStringAndSize("abc", 3);
    if (ba == NULL) {
        return NULL;
    }
    PyByteArray_AS_STRING(ba)[0] = 'X';
    if (PyByteArray_Resize(ba, 2) < 0) { /* growing leaves bytes undefined in CPython */
        Py_DECREF(ba);
        return NULL;
    }
    PyObject *b = PyBytes_FromString("12");
    PyBytes_ConcatAndDel(&b, PyBytes_FromString("34"));
    return Py_BuildValue("nliNnN", len, sum, ro, ba, PyByteArray_Size(ba), b);
}

/* numbers(a, b): the number protocol and PyLong/PyFloat conversions */
static PyObject *numbers(PyObject *self, PyObject *args) {
    PyObject *a, *b;
    (void)self;
    if (!PyArg_ParseTuple(args, "OO", &a, &b)) {
        return NULL;
    }
    int overflow;
    long long ll = PyLong_AsLongLongAndOverflow(a, &overflow);
    if (ll == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *r = Py_BuildValue("NNNNNNLi", PyNumber_Power(a, b, Py_None), PyNumber_Divmod(a, b),
                                PyNumber_Negative(a), PyNumber_Absolute(b), PyNumber_Float(a),
                                PyLong_FromString("  -0x1F ", NULL, 0), ll, overflow);
    return r;
}

/* sequences(lst): PySequence_* and PyList_* on a list, in place */
static PyObject *sequences(PyObject *self, PyObject *lst) {
    (void)self;
    if (!PyList_Check(lst)) {
        PyErr_SetString(PyExc_TypeError, "sequences() needs a list");
        return NULL;
    }
    PyObject *head = PySequence_GetSlice(lst, 0, 2);
    PyObject *twice = PySequence_Repeat(head, 2);
    Py_ssize_t idx = PySequence_Index(lst, PyList_GET_ITEM(lst, 1));
    if (PyList_Reverse(lst) < 0 || PyList_Sort(lst) < 0 || PyList_Insert(lst, 0, Py_None) < 0) {
        return NULL;
    }
    PyObject *fast = PySequence_Fast(lst, "not a sequence");
    Py_ssize_t n = PySequence_Fast_GET_SIZE(fast);
    PyObject *last = PySequence_Fast_GET_ITEM(fast, n - 1);
    Py_INCREF(last);
    Py_DECREF(fast);
    PyObject *tup = PyList_AsTuple(lst);
    return Py_BuildValue("NNnNnN", head, twice, idx, tup, PySequence_Count(lst, Py_None), last);
}

/* mappings(d): PyMapping_* and PyDict_Pop */
static PyObject *mappings(PyObject *self, PyObject *d) {
    PyObject *popped = NULL;
    (void)self;
    if (PyMapping_SetItemString(d, "added", Py_True) < 0) {
        return NULL;
    }
    int has = PyMapping_HasKeyString(d, "added");
#if PY_VERSION_HEX >= 0x030D0000 || defined(FREEPY)
    int found = PyDict_PopString(d, "gone", &popped); /* 3.13's API, in freepy too */
    if (found < 0) {
        return NULL;
    }
#else
    popped = PyDict_GetItemString(d, "gone");
    int found = popped != NULL;
    Py_XINCREF(popped);
    if (found && PyDict_DelItemString(d, "gone") < 0) {
        return NULL;
    }
#endif
    return Py_BuildValue("NNiiN", PyMapping_Keys(d), PyMapping_Items(d), has, found,
                         popped ? popped : Py_NewRef(Py_None));
}

/* strings(s): str API */
static PyObject *strings(PyObject *self, PyObject *s) {
    Py_ssize_t n;
    (void)self;
    const char *u = PyUnicode_AsUTF8AndSize(s, &n);
    if (u == NULL) {
        return NULL;
    }
    PyObject *sep = PyUnicode_FromString(", ");
    PyObject *parts = PyUnicode_Split(s, NULL, -1);
    PyObject *joined = parts ? PyUnicode_Join(sep, parts) : NULL;
    Py_XDECREF(sep);
    Py_XDECREF(parts);
    if (joined == NULL) {
        return NULL;
    }
    PyObject *enc = PyUnicode_AsUTF8String(s);
    PyObject *sub = PyUnicode_Substring(s, 1, 4);
    return Py_BuildValue("nnNNNiIN", n, PyUnicode_GetLength(s), joined, enc, sub,
                         PyUnicode_CompareWithASCIIString(s, "abc"), (unsigned)PyUnicode_ReadChar(s, 0),
                         PyUnicode_FromFormat("<%s|%d|%R|%U>", "fmt", 42, s, s));
}

/* errors(fn): exceptions raised in C and caught from a callback */
static PyObject *errors(PyObject *self, PyObject *fn) {
    PyObject *t, *v, *tb, *r;
    (void)self;
    r = PyObject_CallNoArgs(fn);
    if (r != NULL) {
        return r;
    }
    int is_key = PyErr_ExceptionMatches(PyExc_KeyError);
    int is_lookup = PyErr_ExceptionMatches(PyExc_LookupError);
    PyErr_Fetch(&t, &v, &tb);
    PyErr_NormalizeException(&t, &v, &tb);
    PyObject *msg = PyObject_Str(v);
    Py_XDECREF(t);
    Py_XDECREF(v);
    Py_XDECREF(tb);
    return Py_BuildValue("iiN", is_key, is_lookup, msg);
}

/* objects(o): the object protocol */
static PyObject *objects(PyObject *self, PyObject *o) {
    (void)self;
    PyObject *cls = PyObject_Type(o);
    PyObject *name = PyObject_GetAttrString(cls, "__name__");
    Py_DECREF(cls);
    if (name == NULL) {
        return NULL;
    }
    PyObject *spec = PyUnicode_FromString(">8");
    PyObject *formatted = PyObject_Format(o, spec);
    Py_DECREF(spec);
    if (formatted == NULL) {
        Py_DECREF(name);
        return NULL;
    }
    int has = PyObject_HasAttrString(o, "real");
    Py_hash_t h = PyObject_Hash(o);
    if (h == -1 && PyErr_Occurred()) {
        PyErr_Clear();
    }
    return Py_BuildValue("NNNiii", name, formatted, PyObject_Repr(o), has, PyObject_IsTrue(o),
                         PyCallable_Check(o));
}

/* modules(): imports, sys and builtins */
static PyObject *modules(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    PyObject *m = PyImport_ImportModule("math");
    if (m == NULL) {
        return NULL;
    }
    PyObject *pi = PyObject_GetAttrString(m, "pi");
    Py_DECREF(m);
    PyObject *sysmods = PyImport_GetModuleDict();
    PyObject *builtins = PyEval_GetBuiltins();
    PyObject *len = PyDict_GetItemString(builtins, "len");
    PyObject *n = PyObject_CallOneArg(len, sysmods);
    int ok = n != NULL && PyLong_AsLong(n) > 0;
    Py_XDECREF(n);
    PyObject *path = PySys_GetObject("path");
    PySys_WriteStdout("written by PySys_WriteStdout %d\n", 7);
    return Py_BuildValue("NiiO", pi, ok, PyList_Check(path), PyDict_GetItemString(builtins, "None"));
}

/* capsule(): a capsule through a module attribute and PyCapsule_Import */
static int capsule_value = 1234;
static PyObject *capsule(PyObject *self, PyObject *unused) {
    (void)unused;
    PyObject *c = PyCapsule_New(&capsule_value, "capi_api._C_API", NULL);
    if (c == NULL || PyObject_SetAttrString(self, "_C_API", c) < 0) {
        Py_XDECREF(c);
        return NULL;
    }
    Py_DECREF(c);
    int *p = (int *)PyCapsule_Import("capi_api._C_API", 0);
    if (p == NULL) {
        return NULL;
    }
    return Py_BuildValue("ii", *p, PyCapsule_IsValid(PyObject_GetAttrString(self, "_C_API"), "wrong"));
}

static PyMethodDef methods[] = {
    {"sets", sets, METH_NOARGS, NULL},
    {"slices", slices, METH_O, NULL},
    {"buffers", buffers, METH_O, NULL},
    {"numbers", numbers, METH_VARARGS, NULL},
    {"sequences", sequences, METH_O, NULL},
    {"mappings", mappings, METH_O, NULL},
    {"strings", strings, METH_O, NULL},
    {"errors", errors, METH_O, NULL},
    {"objects", objects, METH_O, NULL},
    {"modules", modules, METH_NOARGS, NULL},
    {"capsule", capsule, METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "capi_api", "One function per C-API area.", -1,
                                    methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit_capi_api(void) { return PyModule_Create(&module); }
