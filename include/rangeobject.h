/* freepy: kept for extensions that include <rangeobject.h> by name; the
 * declarations are in the headers that Python.h pulls in. */
#ifndef Py_RANGEOBJECT
#define Py_RANGEOBJECT
#include "Python.h"
#endif
