/* freepy: kept for extensions that include <pylifecycle.h> by name; the
 * declarations are in the headers that Python.h pulls in. */
#ifndef Py_PYLIFECYCLE
#define Py_PYLIFECYCLE
#include "Python.h"
#endif
