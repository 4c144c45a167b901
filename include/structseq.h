/* freepy: kept for extensions that include <structseq.h> by name; the
 * declarations are in the headers that Python.h pulls in. */
#ifndef Py_STRUCTSEQ
#define Py_STRUCTSEQ
#include "Python.h"
#endif
