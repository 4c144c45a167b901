/* freepy: kept for extensions that include <sysmodule.h> by name; the
 * declarations are in the headers that Python.h pulls in. */
#ifndef Py_SYSMODULE
#define Py_SYSMODULE
#include "Python.h"
#endif
