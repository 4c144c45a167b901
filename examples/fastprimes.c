/* fastprimes: the C half of examples/demo.py.
 *
 * count_primes(lo, hi) counts primes in [lo, hi) by trial division, in C.
 * Built twice by `make demo`:
 *   fastprimes         declares Py_mod_gil = Py_MOD_GIL_NOT_USED: it keeps
 *                      no shared state, so freepy runs it without any lock;
 *   fastprimes_legacy  declares nothing: freepy runs it under its own
 *                      pseudo-GIL, as CPython's GIL would, without slowing
 *                      any other thread down. */
#include <Python.h>

#ifndef MODNAME
#define MODNAME fastprimes
#endif
#define STR2(x) #x
#define STR(x) STR2(x)
#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)

static long count(long lo, long hi) {
    long n, d, c = 0;
    for (n = lo < 2 ? 2 : lo; n < hi; n++) {
        if (n % 2 == 0) {
            c += n == 2;
            continue;
        }
        for (d = 3; d * d <= n; d += 2) {
            if (n % d == 0) {
                break;
            }
        }
        if (d * d > n) {
            c++;
        }
    }
    return c;
}

static PyObject *count_primes(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    long lo, hi;
    (void)self;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "count_primes(lo, hi) takes exactly 2 arguments");
        return NULL;
    }
    lo = PyLong_AsLong(args[0]);
    if (lo == -1 && PyErr_Occurred()) {
        return NULL;
    }
    hi = PyLong_AsLong(args[1]);
    if (hi == -1 && PyErr_Occurred()) {
        return NULL;
    }
    return PyLong_FromLong(count(lo, hi));
}

static PyMethodDef methods[] = {
    {"count_primes", (PyCFunction)(void (*)(void))count_primes, METH_FASTCALL,
     "count_primes(lo, hi): the number of primes in [lo, hi)."},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot slots[] = {
#ifdef FREE_THREADED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, STR(MODNAME), "Counting primes in C (freepy demo).", 0, methods, slots,
    NULL, NULL, NULL,
};

PyMODINIT_FUNC CAT(PyInit_, MODNAME)(void) { return PyModuleDef_Init(&module); }
