/* fastpaths: the C-API calls freepy answers in C without calling into Go
 * (C-born dicts, arithmetic on exact ints and floats, subtype checks, list
 * mirrors read through macros), each next to the cases that must still go
 * to Go. test_fastpaths.py compares the results with CPython's. */
#include <Python.h>

/* build_dict(n): {0: "v0", 1: "v1", ...} built in C; beyond 16 keys
 * freepy's C-born dict goes to Go. */
static PyObject *build_dict(PyObject *self, PyObject *arg) {
    (void)self;
    long n = PyLong_AsLong(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *d = PyDict_New();
    if (d == NULL) {
        return NULL;
    }
    for (long i = 0; i < n; i++) {
        PyObject *k = PyLong_FromLong(i);
        PyObject *v = PyUnicode_FromFormat("v%ld", i);
        int r = (k && v) ? PyDict_SetItem(d, k, v) : -1;
        Py_XDECREF(k);
        Py_XDECREF(v);
        if (r < 0) {
            Py_DECREF(d);
            return NULL;
        }
        if (PyDict_Size(d) != i + 1 || PyDict_GET_SIZE(d) != i + 1) {
            Py_DECREF(d);
            PyErr_SetString(PyExc_AssertionError, "size");
            return NULL;
        }
    }
    return d;
}

/* latin1_a(): "a" as a 1-byte str that is not flagged ASCII (made with
 * room for U+00FF): equal to "a" for CPython's dict, though a C-born dict
 * in freepy keeps the two apart. */
static PyObject *latin1_a(void) {
    PyObject *u = PyUnicode_New(1, 0xff);
    if (u != NULL) {
        PyUnicode_1BYTE_DATA(u)[0] = 'a';
    }
    return u;
}

/* kinds_dict(order): a dict built in C with the keys "a" and latin1_a()
 * in the order given ("al", "la", "alb", "bla", ...: 'b' is "b"), each
 * with its position as the value; a dict of one "a" and "b" is what
 * CPython makes, and Go must too (it cannot skip the lookups once a key
 * of another kind turns up). */
static PyObject *kinds_dict(PyObject *self, PyObject *arg) {
    (void)self;
    const char *order = PyUnicode_AsUTF8(arg);
    if (order == NULL) {
        return NULL;
    }
    PyObject *d = PyDict_New();
    for (long i = 0; d != NULL && order[i] != '\0'; i++) {
        PyObject *k = order[i] == 'l' ? latin1_a() : PyUnicode_FromStringAndSize(&order[i], 1);
        PyObject *v = PyLong_FromLong(i);
        int r = (k && v) ? PyDict_SetItem(d, k, v) : -1;
        Py_XDECREF(k);
        Py_XDECREF(v);
        if (r < 0) {
            Py_CLEAR(d);
        }
    }
    return d;
}

/* dict_ops(): set, replace, look up, test membership and use a key C does
 * not compare itself, in that order, on one new dict. */
static PyObject *dict_ops(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    PyObject *d = PyDict_New();
    PyObject *one = PyLong_FromLong(1), *two = PyLong_FromLong(2), *ten = PyLong_FromLong(10);
    PyObject *big = PyLong_FromLongLong(1LL << 40);
    PyObject *res = NULL, *b = NULL, *key = NULL;
    Py_ssize_t n1, n2;
    int has;
    if (!d || !one || !two || !ten || !big) {
        goto done;
    }
    if (PyDict_SetItemString(d, "a", one) < 0 || PyDict_SetItemString(d, "b", two) < 0 ||
        PyDict_SetItem(d, big, one) < 0 || PyDict_SetItem(d, one, two) < 0) {
        goto done;
    }
    n1 = PyDict_Size(d);
    if (PyDict_SetItemString(d, "a", ten) < 0) { /* replaces */
        goto done;
    }
    n2 = PyDict_Size(d);
    b = PyDict_GetItemString(d, "b"); /* borrowed */
    has = PyDict_Contains(d, big);
    key = Py_BuildValue("(ii)", 1, 2);
    if (key == NULL || PyDict_SetItem(d, key, Py_None) < 0) {
        goto done;
    }
    if (PyDict_SetItem(d, Py_True, ten) < 0) { /* True == 1: replaces d[1] */
        goto done;
    }
    res = Py_BuildValue("(Onn O i n)", d, n1, n2, b ? b : Py_None, has, PyDict_Size(d));
done:
    Py_XDECREF(key);
    Py_XDECREF(d);
    Py_XDECREF(one);
    Py_XDECREF(two);
    Py_XDECREF(ten);
    Py_XDECREF(big);
    return res;
}

/* self_dict(): a dict that contains itself, and a list holding it. */
static PyObject *self_dict(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    PyObject *d = PyDict_New();
    if (d == NULL) {
        return NULL;
    }
    if (PyDict_SetItemString(d, "self", d) < 0) {
        Py_DECREF(d);
        return NULL;
    }
    return d;
}

/* The kept dict: built in C, kept by the module, shown to Python, and
 * changed by C afterwards. */
static PyObject *kept;

static PyObject *kept_add(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "kept_add(key, value)");
        return NULL;
    }
    if (kept == NULL && (kept = PyDict_New()) == NULL) {
        return NULL;
    }
    if (PyDict_SetItem(kept, args[0], args[1]) < 0) {
        return NULL;
    }
    return PyLong_FromSsize_t(PyDict_Size(kept));
}

static PyObject *kept_get(PyObject *self, PyObject *key) {
    (void)self;
    if (kept == NULL) {
        Py_RETURN_NONE;
    }
    PyObject *v = PyDict_GetItemWithError(kept, key);
    if (v == NULL) {
        if (PyErr_Occurred()) {
            return NULL;
        }
        Py_RETURN_NONE;
    }
    return Py_NewRef(v);
}

static PyObject *kept_dict(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    if (kept == NULL && (kept = PyDict_New()) == NULL) {
        return NULL;
    }
    return Py_NewRef(kept);
}

static PyObject *kept_reset(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    Py_CLEAR(kept);
    Py_RETURN_NONE;
}

/* kwargs(*args, **kw): the keyword dict the call made, and the nested
 * values Py_BuildValue makes around it. */
static PyObject *kwargs(PyObject *self, PyObject *args, PyObject *kw) {
    (void)self;
    return Py_BuildValue("(O{s:[ii],s:{s:(s)}}O)", args, "list", 1, 2, "dict", "k", "v", kw ? kw : Py_None);
}

/* arith(a, b): PyNumber_Add, _Subtract, _Multiply and the in-place add. */
static PyObject *arith(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "arith(a, b)");
        return NULL;
    }
    PyObject *r[4] = {
        PyNumber_Add(args[0], args[1]),
        PyNumber_Subtract(args[0], args[1]),
        PyNumber_Multiply(args[0], args[1]),
        PyNumber_InPlaceAdd(args[0], args[1]),
    };
    PyObject *res = NULL;
    if (r[0] && r[1] && r[2] && r[3]) {
        res = PyTuple_Pack(4, r[0], r[1], r[2], r[3]);
    }
    for (int i = 0; i < 4; i++) {
        Py_XDECREF(r[i]);
    }
    return res;
}

/* issub(a, b): PyType_IsSubtype. */
static PyObject *issub(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    if (nargs != 2 || !PyType_Check(args[0]) || !PyType_Check(args[1])) {
        PyErr_SetString(PyExc_TypeError, "issub(type, type)");
        return NULL;
    }
    return PyBool_FromLong(PyType_IsSubtype((PyTypeObject *)args[0], (PyTypeObject *)args[1]));
}

/* checks(x): the type-check macros of 3.11, several of which call
 * PyType_IsSubtype. */
static PyObject *checks(PyObject *self, PyObject *x) {
    (void)self;
    return Py_BuildValue("(iiiiiii)", PyFloat_Check(x), PyLong_Check(x), PyComplex_Check(x), PyByteArray_Check(x),
                         PyModule_Check(x), PyObject_TypeCheck(x, (PyTypeObject *)PyExc_OSError),
                         PyObject_TypeCheck(x, &PyBaseObject_Type));
}

/* list_items(lst): the items as the macros see them. */
static PyObject *list_items(PyObject *self, PyObject *lst) {
    (void)self;
    if (!PyList_Check(lst)) {
        PyErr_SetString(PyExc_TypeError, "list_items(list)");
        return NULL;
    }
    PyObject *t = PyTuple_New(PyList_GET_SIZE(lst));
    if (t == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < PyList_GET_SIZE(lst); i++) {
        PyObject *it = PyList_GET_ITEM(lst, i);
        Py_INCREF(it);
        PyTuple_SET_ITEM(t, i, it);
    }
    return t;
}

/* parse(a, b, c): PyArg_ParseTuple's "i" and "d" conversions. */
static PyObject *parse(PyObject *self, PyObject *args) {
    (void)self;
    int a;
    double b;
    long c;
    if (!PyArg_ParseTuple(args, "idl", &a, &b, &c)) {
        return NULL;
    }
    return Py_BuildValue("(idl)", a, b, c);
}

/* parse4(a, b, c, d): the units freepy converts without the general
 * parser ('l', 'n', 'O', 'd'), with a name after ':'. */
static PyObject *parse4(PyObject *self, PyObject *args) {
    (void)self;
    long a;
    Py_ssize_t b;
    PyObject *c;
    double d;
    if (!PyArg_ParseTuple(args, "lnOd:parse4", &a, &b, &c, &d)) {
        return NULL;
    }
    return Py_BuildValue("(lnOd)", a, b, c, d);
}

/* tuples(n): makes and drops tuples of 1..6 items n times (freepy reuses
 * small tuples' memory), checking that each new tuple's items are NULL
 * and its size right; returns the last round's tuples, filled. */
static PyObject *tuples(PyObject *self, PyObject *arg) {
    (void)self;
    long n = PyLong_AsLong(arg);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    for (long r = 0; r < n; r++) {
        for (Py_ssize_t size = 1; size <= 6; size++) {
            PyObject *t = PyTuple_New(size);
            if (t == NULL) {
                Py_DECREF(out);
                return NULL;
            }
            if (Py_REFCNT(t) != 1 || PyTuple_GET_SIZE(t) != size || !PyTuple_CheckExact(t)) {
                Py_DECREF(t);
                Py_DECREF(out);
                PyErr_SetString(PyExc_AssertionError, "bad new tuple");
                return NULL;
            }
            for (Py_ssize_t i = 0; i < size; i++) {
                if (PyTuple_GET_ITEM(t, i) != NULL) {
                    Py_DECREF(t);
                    Py_DECREF(out);
                    PyErr_SetString(PyExc_AssertionError, "new tuple with an item");
                    return NULL;
                }
                PyTuple_SET_ITEM(t, i, PyLong_FromLong(r * 10 + i));
            }
            if (r == n - 1 && PyList_Append(out, t) < 0) {
                Py_DECREF(t);
                Py_DECREF(out);
                return NULL;
            }
            Py_DECREF(t);
        }
    }
    return out;
}

/* bv_add appends a Py_BuildValue result to out, or the name of the
 * exception it raised. */
static int bv_add(PyObject *out, PyObject *v) {
    if (v == NULL) {
        PyObject *type, *value, *tb;
        PyErr_Fetch(&type, &value, &tb);
        v = PyUnicode_FromFormat("error: %s", ((PyTypeObject *)type)->tp_name);
        Py_XDECREF(type);
        Py_XDECREF(value);
        Py_XDECREF(tb);
        if (v == NULL) {
            return -1;
        }
    }
    int r = PyList_Append(out, v);
    Py_DECREF(v);
    return r;
}

/* buildvalues(): Py_BuildValue's format cases, nested, long, empty and
 * wrong; 'N' arguments are released even when the format fails. */
static PyObject *buildvalues(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    PyObject *out = PyList_New(0);
    if (out == NULL) {
        return NULL;
    }
    PyObject *kept = PyUnicode_FromString("kept");
    Py_ssize_t before = Py_REFCNT(kept);
    int bad = 0;
    bad |= bv_add(out, Py_BuildValue(""));
    bad |= bv_add(out, Py_BuildValue(" , "));
    bad |= bv_add(out, Py_BuildValue("i", 1));
    bad |= bv_add(out, Py_BuildValue("ii", 1, 2));
    bad |= bv_add(out, Py_BuildValue("()"));
    bad |= bv_add(out, Py_BuildValue("[]"));
    bad |= bv_add(out, Py_BuildValue("{}"));
    bad |= bv_add(out, Py_BuildValue("(i)", 1));
    bad |= bv_add(out, Py_BuildValue("[i,i]", 1, 2));
    bad |= bv_add(out, Py_BuildValue("(iiiiiiiiiiiiiiiiiiii)", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15,
                                     16, 17, 18, 19, 20));
    bad |= bv_add(out, Py_BuildValue("iiiiiiiiiii", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
    bad |= bv_add(out, Py_BuildValue("[llllllllllll]", 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L));
    bad |= bv_add(out, Py_BuildValue("{s:i, s:(i,[s,{}])}", "a", 1, "b", 2, "c"));
    bad |= bv_add(out, Py_BuildValue("((((i))))", 7));
    bad |= bv_add(out, Py_BuildValue("(i , s:\tO)", 5, "x", Py_None));
    bad |= bv_add(out, Py_BuildValue("(s,s,s,s)", "", "a", "\x7f", "\xc3\xa9"));
    bad |= bv_add(out, Py_BuildValue("{s:s,s:s}", "k", "", "", "v"));
    /* one byte that is not ASCII: not a shared str, a decoding error */
    bad |= bv_add(out, Py_BuildValue("(s,s)", "\xe9", "b"));
    bad |= bv_add(out, Py_BuildValue("{s:s}", "\x80", "b"));
    bad |= bv_add(out, Py_BuildValue("(i", 1));
    bad |= bv_add(out, Py_BuildValue("[i)", 1));
    bad |= bv_add(out, Py_BuildValue("{s}", "a"));
    bad |= bv_add(out, Py_BuildValue("(i)i)", 1, 2));
    /* every unit the compiled formats take, NULL strings as None; then
     * the same formats again (the second time from the thread's cache) */
    PyObject *sv = PyUnicode_FromString("sv");
    for (int round = 0; round < 2 && sv != NULL; round++) {
        bad |= bv_add(out, Py_BuildValue("(bBhHiIlkLKn)", -1, 200, -300, 65535, -5, 4000000000u, -7L, 8UL,
                                         -(1LL << 62), 1ULL << 63, (Py_ssize_t)-9));
        bad |= bv_add(out, Py_BuildValue("[f,d,s,z,U,y,s,z,y]", 1.5, -0.25, "s", "z", "U", "y", (char *)NULL,
                                         (char *)NULL, (char *)NULL));
        bad |= bv_add(out, Py_BuildValue("{s:O,s:S,i:(),d:[]}", "o", Py_None, "s", sv, 1, 2.5));
        bad |= bv_add(out, Py_BuildValue("(l,l,{s:l,s:l})", 10L, 11L, "a", 10L, "b", 20L));
        /* repeated keys (the later value wins, in the first one's
         * place): one-character shared strs, longer strs, ints; and more
         * keys than the Go side collects before it makes the dict */
        bad |= bv_add(out, Py_BuildValue("{s:i,s:i,s:i}", "a", 1, "b", 2, "a", 3));
        bad |= bv_add(out, Py_BuildValue("{s:i,s:i,s:i}", "ab", 1, "a", 2, "ab", 3));
        bad |= bv_add(out, Py_BuildValue("{i:i,s:i,i:i}", 1, 2, "x", 3, 1, 4));
        bad |= bv_add(out, Py_BuildValue("{s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:i}", "a", 1, "b", 2, "c", 3, "d", 4,
                                         "e", 5, "f", 6, "g", 7, "h", 8, "i", 9));
        bad |= bv_add(out, Py_BuildValue("{s:i,s:i,s:i,s:i,s:i,s:i,s:i,s:i}", "a", 1, "b", 2, "c", 3, "d", 4,
                                         "e", 5, "f", 6, "g", 7, "h", 8));
        /* a NULL object fails the compiled format with its error */
        bad |= bv_add(out, Py_BuildValue("(i[O]i)", 1, (PyObject *)NULL, 2));
        bad |= bv_add(out, Py_BuildValue("{s:i,s:O}", "a", 1, "b", (PyObject *)NULL));
    }
    Py_XDECREF(sv);
    /* a format rewritten in place: the cache checks the contents, not
     * only the address */
    char fmt[16];
    strcpy(fmt, "(ii)");
    bad |= bv_add(out, Py_BuildValue(fmt, 1, 2));
    strcpy(fmt, "[s,i]");
    bad |= bv_add(out, Py_BuildValue(fmt, "x", 3));
    strcpy(fmt, "{s:i}");
    bad |= bv_add(out, Py_BuildValue(fmt, "y", 4));
    strcpy(fmt, "(i");
    bad |= bv_add(out, Py_BuildValue(fmt, 5));
    strcpy(fmt, "(i)");
    bad |= bv_add(out, Py_BuildValue(fmt, 6));
    /* what the general path keeps: nesting past 8 levels, a format of 32
     * characters or more, '#' (without PY_SSIZE_T_CLEAN CPython 3.11
     * refuses it, so only a wrong one is here), 'c', 'C' */
    bad |= bv_add(out, Py_BuildValue("(((((((((i)))))))))", 9));
    bad |= bv_add(out, Py_BuildValue("(i,i,i,i,i,i,i,i,i,i,i,i,i,i,i,i,i)", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12,
                                     13, 14, 15, 16, 17));
    bad |= bv_add(out, Py_BuildValue("(c,C)", 'q', 0x263a));
    bad |= bv_add(out, Py_BuildValue("(i#)", 1));
    Py_INCREF(kept);
    bad |= bv_add(out, Py_BuildValue("(OiN)", (PyObject *)NULL, 3, kept));
    Py_INCREF(kept);
    bad |= bv_add(out, Py_BuildValue("{s:O,s:N}", "a", (PyObject *)NULL, "b", kept));
    Py_INCREF(kept);
    bad |= bv_add(out, Py_BuildValue("[N]", kept));
    /* the 'N' references were all taken or released: the list holds one */
    PyObject *counts = Py_BuildValue("(nn)", Py_REFCNT(kept) - before, (Py_ssize_t)1);
    Py_DECREF(kept);
    bad |= bv_add(out, counts);
    /* one-character and empty strs are shared as in CPython: equal, and
     * the same object */
    PyObject *a1 = PyUnicode_FromString("a"), *a2 = PyUnicode_FromStringAndSize("ab", 1);
    PyObject *e1 = PyUnicode_FromString(""), *e2 = PyUnicode_DecodeUTF8("", 0, NULL);
    bad |= bv_add(out, Py_BuildValue("(iiOO)", a1 == a2, e1 == e2, a1, e1));
    Py_XDECREF(a1);
    Py_XDECREF(a2);
    Py_XDECREF(e1);
    Py_XDECREF(e2);
    if (bad) {
        Py_DECREF(out);
        return NULL;
    }
    return out;
}

static PyMethodDef methods[] = {
    {"buildvalues", buildvalues, METH_NOARGS, NULL},
    {"parse4", parse4, METH_VARARGS, NULL},
    {"tuples", tuples, METH_O, NULL},
    {"build_dict", build_dict, METH_O, NULL},
    {"kinds_dict", kinds_dict, METH_O, NULL},
    {"dict_ops", dict_ops, METH_NOARGS, NULL},
    {"self_dict", self_dict, METH_NOARGS, NULL},
    {"kept_add", (PyCFunction)(void (*)(void))kept_add, METH_FASTCALL, NULL},
    {"kept_get", kept_get, METH_O, NULL},
    {"kept_dict", kept_dict, METH_NOARGS, NULL},
    {"kept_reset", kept_reset, METH_NOARGS, NULL},
    {"kwargs", (PyCFunction)(void (*)(void))kwargs, METH_VARARGS | METH_KEYWORDS, NULL},
    {"arith", (PyCFunction)(void (*)(void))arith, METH_FASTCALL, NULL},
    {"issub", (PyCFunction)(void (*)(void))issub, METH_FASTCALL, NULL},
    {"checks", checks, METH_O, NULL},
    {"list_items", list_items, METH_O, NULL},
    {"parse", parse, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot slots[] = {
#ifdef Py_mod_gil
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "fastpaths", NULL, 0, methods, slots, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit_fastpaths(void) { return PyModuleDef_Init(&module); }
