/* freepy: kept for extensions that include <eval.h> by name; the
 * declarations are in the headers that Python.h pulls in. */
#ifndef Py_EVAL_H
#define Py_EVAL_H
#include "Python.h"
#endif
