/* freepy: kept for extensions that include <cellobject.h> by name; the
 * declarations are in the headers that Python.h pulls in. */
#ifndef Py_CELLOBJECT
#define Py_CELLOBJECT
#include "Python.h"
#endif
