/* freepy: kept for extensions that include <pyhash.h> by name; the
 * declarations are in the headers that Python.h pulls in. */
#ifndef Py_HASH_H
#define Py_HASH_H
#include "Python.h"
#endif
