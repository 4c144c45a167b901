/* bad_result: an init function that returns something other than a
 * module or a module definition. */
#include <Python.h>

PyMODINIT_FUNC PyInit_bad_result(void) { return PyLong_FromLong(42); }
