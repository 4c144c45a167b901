/* freepy: kept for extensions that include <marshal.h> by name; the
 * declarations are in the headers that Python.h pulls in. */
#ifndef Py_MARSHAL_H
#define Py_MARSHAL_H
#include "Python.h"
#endif
