/* freepy: kept for extensions that include <pymath.h> by name; the
 * declarations are in the headers that Python.h pulls in. */
#ifndef Py_PYMATH
#define Py_PYMATH
#include "Python.h"
#endif
