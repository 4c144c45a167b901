/* freepy: kept for extensions that include <pystrcmp.h> by name; the
 * declarations are in the headers that Python.h pulls in. */
#ifndef Py_STRCMP
#define Py_STRCMP
#include "Python.h"
#endif
