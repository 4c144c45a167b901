/* bad_null: an init function that returns NULL without setting an
 * exception (the import must fail with SystemError, not crash). */
#include <Python.h>

PyMODINIT_FUNC PyInit_bad_null(void) { return NULL; }
