/* freepy: kept for extensions that include <codecs.h> by name; the
 * declarations are in the headers that Python.h pulls in. */
#ifndef Py_CODECREGISTRY
#define Py_CODECREGISTRY
#include "Python.h"
#endif
