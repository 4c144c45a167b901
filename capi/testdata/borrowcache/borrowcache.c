/* borrowcache (a capi test fixture): reports the reference count C sees
 * on an argument, for TestBorrowCached. An argument passed again and
 * again (a function, a str, a tuple, a builtin) is borrowed through the
 * thread's link cache (tstate.borrowCached): the count C sees must be the
 * one reference the call's pool holds, call after call, from any number
 * of threads. Declared free-threaded: no pseudo-GIL in the way. */
#include <Python.h>
#include <stdio.h>
#include <string.h>

/* refcnt(o): o's reference count as this call sees it */
static PyObject *refcnt(PyObject *self, PyObject *arg) {
    (void)self;
    return PyLong_FromSsize_t(Py_REFCNT(arg));
}

/* refcnt2(a, b): the counts of two arguments of one call */
static PyObject *refcnt2(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "refcnt2 takes 2 arguments");
        return NULL;
    }
    return Py_BuildValue("(nn)", Py_REFCNT(args[0]), Py_REFCNT(args[1]));
}

/* sizes(d, l): what C reads of a dict and a list argument through
 * macros (their mirrors brought up to date by the borrow), their counts,
 * and the list's last item */
static PyObject *sizes(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    if (nargs != 2 || !PyDict_Check(args[0]) || !PyList_Check(args[1]) || PyList_GET_SIZE(args[1]) == 0) {
        PyErr_SetString(PyExc_TypeError, "sizes(dict, nonempty list)");
        return NULL;
    }
    PyObject *l = args[1];
    return Py_BuildValue("(nnnnO)", PyDict_GET_SIZE(args[0]), PyList_GET_SIZE(l), Py_REFCNT(args[0]),
                         Py_REFCNT(l), PyList_GET_ITEM(l, PyList_GET_SIZE(l) - 1));
}

/* hold(d, k, f): looks k up with PyDict_GetItem, calls f() (which
 * replaces d[k] and collects), then checks that the str it got is still
 * the str it was: a borrowed result must stay valid until this call
 * returns. Returns the value (a new reference), or None if k is absent. */
static PyObject *hold(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    if (nargs != 3 || !PyDict_Check(args[0])) {
        PyErr_SetString(PyExc_TypeError, "hold(dict, key, f)");
        return NULL;
    }
    PyObject *v = PyDict_GetItem(args[0], args[1]);
    if (v == NULL) {
        Py_RETURN_NONE;
    }
    if (!PyUnicode_Check(v)) {
        PyErr_SetString(PyExc_TypeError, "hold: the value is not a str");
        return NULL;
    }
    char before[64];
    const char *u = PyUnicode_AsUTF8(v);
    if (u == NULL) {
        return NULL;
    }
    snprintf(before, sizeof before, "%s", u);
    PyObject *r = PyObject_CallNoArgs(args[2]);
    if (r == NULL) {
        return NULL;
    }
    Py_DECREF(r);
    u = Py_REFCNT(v) >= 1 && PyUnicode_Check(v) ? PyUnicode_AsUTF8(v) : NULL;
    if (u == NULL || strcmp(u, before) != 0) {
        PyErr_Format(PyExc_RuntimeError, "hold: the borrowed value changed under C (was %s)", before);
        return NULL;
    }
    Py_INCREF(v);
    return v;
}

static PyMethodDef methods[] = {
    {"sizes", (PyCFunction)(void (*)(void))sizes, METH_FASTCALL, NULL},
    {"hold", (PyCFunction)(void (*)(void))hold, METH_FASTCALL, NULL},
    {"refcnt", refcnt, METH_O, NULL},
    {"refcnt2", (PyCFunction)(void (*)(void))refcnt2, METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot slots[] = {
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "borrowcache", NULL, 0, methods, slots};

PyMODINIT_FUNC PyInit_borrowcache(void) { return PyModuleDef_Init(&def); }
