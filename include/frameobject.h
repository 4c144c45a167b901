/* freepy: kept for extensions that include <frameobject.h> by name; the
 * declarations are in the headers that Python.h pulls in. */
#ifndef Py_FRAMEOBJECT
#define Py_FRAMEOBJECT
#include "Python.h"
#endif
