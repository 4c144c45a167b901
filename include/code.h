/* freepy: kept for extensions that include <code.h> by name; the
 * declarations are in the headers that Python.h pulls in. */
#ifndef Py_CODE_H
#define Py_CODE_H
#include "Python.h"
#endif
