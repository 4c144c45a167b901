/* freepy: kept for extensions that include <genobject.h> by name; the
 * declarations are in the headers that Python.h pulls in. */
#ifndef Py_GENOBJECT
#define Py_GENOBJECT
#include "Python.h"
#endif
