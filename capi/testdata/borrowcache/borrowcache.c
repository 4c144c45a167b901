/* borrowcache (a capi test fixture): reports the reference count C sees
 * on an argument, for TestBorrowCached. An argument passed again and
 * again (a function, a str, a tuple, a builtin) is borrowed through the
 * thread's link cache (tstate.borrowCached): the count C sees must be the
 * one reference the call's pool holds, call after call, from any number
 * of threads. Declared free-threaded: no pseudo-GIL in the way. */
#include <Python.h>

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

static PyMethodDef methods[] = {
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
