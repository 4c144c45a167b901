/* freepy: declared in bytesobject.h; kept for extensions that include it by name. */
#ifndef Py_BYTEARRAYOBJECT_H
#define Py_BYTEARRAYOBJECT_H
#include "Python.h"
#endif
