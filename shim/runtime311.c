/* _PyRuntime: CPython 3.11 keeps its runtime state in one global, and the
 * modules built inside CPython's tree (Py_BUILD_CORE_MODULE: the host's
 * _ctypes, _asyncio, _lsprof, _zoneinfo, _curses) read two of its fields
 * directly, through inline functions, instead of calling the API:
 *
 *   - gilstate.tstate_current, at offset 0x240 (_PyThreadState_GET());
 *   - the small-int singletons -5..256, 32 bytes each, from offset 0x2a8
 *     (_PyLong_GetZero(), _PyLong_GetOne()).
 *
 * The offsets were read off the host's modules (objdump: every use of the
 * _PyRuntime GOT entry is +0x240, +0x348 = zero or +0x368 = one) and the
 * size off its python3.11 binary (nm -S: 0x28b20). Nothing else in the
 * block is read by those modules; the rest stays zero.
 *
 * tstate_current is one pointer for the whole process, while freepy runs
 * many threads at once, so it points at one thread state that belongs to
 * no thread. Those modules only pass it on to API functions (which ignore
 * it and use the calling thread's own state) and count C recursion in its
 * recursion_remaining, without atomics; that counter starts half-way to
 * INT_MAX so that it cannot reach zero, and _Py_CheckRecursiveCall puts it
 * back if it ever does. */
#include "shim.h"
#include <limits.h>
#include <stddef.h>

#define RUNTIME_TSTATE_OFFSET 0x240
#define RUNTIME_SMALL_INTS_OFFSET 0x2a8
#define RUNTIME_SIZE 0x28b20
#define N_SMALL_INTS (FPY_SMALL_MAX - FPY_SMALL_MIN + 1)

struct fpy_runtime311 {
    char before_tstate[RUNTIME_TSTATE_OFFSET];
    PyThreadState *tstate_current;
    char before_small_ints[RUNTIME_SMALL_INTS_OFFSET - RUNTIME_TSTATE_OFFSET - sizeof(PyThreadState *)];
    PyLongObject small_ints[N_SMALL_INTS];
    char rest[RUNTIME_SIZE - RUNTIME_SMALL_INTS_OFFSET - N_SMALL_INTS * 32];
};

_Static_assert(sizeof(PyLongObject) == 32, "3.11's PyLongObject is 32 bytes");
_Static_assert(offsetof(struct fpy_runtime311, tstate_current) == RUNTIME_TSTATE_OFFSET, "tstate_current");
_Static_assert(offsetof(struct fpy_runtime311, small_ints) == RUNTIME_SMALL_INTS_OFFSET, "small ints");
_Static_assert(sizeof(struct fpy_runtime311) == RUNTIME_SIZE, "size of 3.11's _PyRuntimeState");

static PyThreadState runtime_tstate;

PyAPI_DATA(struct fpy_runtime311) _PyRuntime;
struct fpy_runtime311 _PyRuntime = {.tstate_current = &runtime_tstate};

PyLongObject *const fpy_small_ints = _PyRuntime.small_ints;

void fpy_init_runtime311(void) {
    runtime_tstate.interp = PyInterpreterState_Main();
    runtime_tstate.recursion_remaining = INT_MAX / 2;
    runtime_tstate.recursion_limit = INT_MAX / 2;
}

int _Py_CheckRecursiveCall(PyThreadState *tstate, const char *where) {
    if (tstate == &runtime_tstate) {
        tstate->recursion_remaining = INT_MAX / 2;
        return 0;
    }
    /* a thread state of freepy's own: C recursion is bounded by
     * Py_EnterRecursiveCall's per-thread depth instead */
    PyErr_Format(PyExc_RecursionError, "maximum recursion depth exceeded%s", where);
    return -1;
}
