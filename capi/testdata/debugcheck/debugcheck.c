/* debugcheck (a test fixture for FREEPY_CAPI_DEBUG): one Py_DECREF too many,
 * and an object used after its last reference was released. */
#include <Python.h>
static PyObject *stash;
static PyObject *overdecref(PyObject *self, PyObject *unused) {
    (void)self; (void)unused;
    PyObject *l = PyList_New(0);
    Py_DECREF(l);
    Py_DECREF(l);   /* one too many */
    Py_RETURN_NONE;
}
static PyObject *use_freed(PyObject *self, PyObject *unused) {
    (void)self; (void)unused;
    stash = PyTuple_New(0) ? PyTuple_Pack(1, Py_None) : NULL;
    Py_DECREF(stash);
    Py_INCREF(stash);  /* use after its last reference is gone */
    return stash;
}
static PyMethodDef m[] = {{"overdecref", overdecref, METH_NOARGS, NULL}, {"use_freed", use_freed, METH_NOARGS, NULL}, {NULL, NULL, 0, NULL}};
static struct PyModuleDef d = {PyModuleDef_HEAD_INIT, "debugcheck", NULL, -1, m, NULL, NULL, NULL, NULL};
PyMODINIT_FUNC PyInit_debugcheck(void) { return PyModule_Create(&d); }
