/* freepy: kept for extensions that include <traceback.h> by name; the
 * declarations are in the headers that Python.h pulls in. */
#ifndef Py_TRACEBACK
#define Py_TRACEBACK
#include "Python.h"
#endif
