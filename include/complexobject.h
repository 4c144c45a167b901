/* freepy: complex is declared in floatobject.h; this header exists for
 * extensions that include it by name. */
#ifndef Py_COMPLEXOBJECT_H
#define Py_COMPLEXOBJECT_H
#include "Python.h"
#endif
