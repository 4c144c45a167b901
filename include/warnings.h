/* freepy: kept for extensions that include <warnings.h> by name; the
 * declarations are in the headers that Python.h pulls in. */
#ifndef Py_WARNINGS
#define Py_WARNINGS
#include "Python.h"
#endif
