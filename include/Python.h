/* freepy: the C API entry point.
 *
 * Source compatible with CPython 3.11's C API as extensions use it, plus
 * the free-threading additions of CPython 3.13 (Py_mod_gil, critical
 * sections, PyMutex, strong-reference lookups). Every function and datum
 * declared here is provided by the freepy executable at dlopen() time;
 * docs/capi-headers.md lists them. Written for freepy: CPython's headers
 * were a reference for names, signatures and layouts only. */
#ifndef Py_PYTHON_H
#define Py_PYTHON_H

#include "patchlevel.h"
#include "pyconfig.h"
#include "pymacro.h"

#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>

#include "pyport.h"
#include "pymem.h"
#include "object.h"
#include "objimpl.h"
#include "typeslots.h"
#include "pybuffer.h"
#include "lock.h"
#include "longobject.h"
#include "boolobject.h"
#include "floatobject.h"
#include "unicodeobject.h"
#include "bytesobject.h"
#include "tupleobject.h"
#include "listobject.h"
#include "dictobject.h"
#include "setobject.h"
#include "methodobject.h"
#include "moduleobject.h"
#include "descrobject.h"
#include "funcobject.h"
#include "sliceobject.h"
#include "memoryobject.h"
#include "pycapsule.h"
#include "weakrefobject.h"
#include "pyerrors.h"
#include "pystate.h"
#include "ceval.h"
#include "critical_section.h"
#include "modsupport.h"
#include "abstract.h"
#include "import.h"
#include "pythonrun.h"
#include "pythread.h"
#include "pytime.h"
#include "genericaliasobject.h"
#include "context.h"

#endif /* Py_PYTHON_H */
