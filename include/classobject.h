/* freepy: kept for extensions that include <classobject.h> by name; the
 * declarations are in the headers that Python.h pulls in. */
#ifndef Py_CLASSOBJECT
#define Py_CLASSOBJECT
#include "Python.h"
#endif
