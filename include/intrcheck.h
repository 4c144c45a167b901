/* freepy: kept for extensions that include <intrcheck.h> by name; the
 * declarations are in the headers that Python.h pulls in. */
#ifndef Py_INTRCHECK
#define Py_INTRCHECK
#include "Python.h"
#endif
