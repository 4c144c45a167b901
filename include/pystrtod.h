/* freepy: kept for extensions that include <pystrtod.h> by name; the
 * declarations are in the headers that Python.h pulls in. */
#ifndef Py_STRTOD
#define Py_STRTOD
#include "Python.h"
#endif
