/* bad_raise: an init function that raises (the exception must reach the
 * importer unchanged). */
#include <Python.h>

PyMODINIT_FUNC PyInit_bad_raise(void) {
    PyErr_SetString(PyExc_ValueError, "bad_raise: configuration missing");
    return NULL;
}
