/* freepy: kept for extensions that include <iterobject.h> by name; the
 * declarations are in the headers that Python.h pulls in. */
#ifndef Py_ITEROBJECT
#define Py_ITEROBJECT
#include "Python.h"
#endif
