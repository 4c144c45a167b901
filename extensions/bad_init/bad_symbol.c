/* bad_symbol: needs a function no interpreter exports, so loading it
 * fails in dlopen (ImportError naming the symbol). */
#include <Python.h>

extern int fpy_no_such_symbol(void);

PyMODINIT_FUNC PyInit_bad_symbol(void) {
    if (fpy_no_such_symbol() != 0) {
        return NULL;
    }
    return PyLong_FromLong(0);
}
