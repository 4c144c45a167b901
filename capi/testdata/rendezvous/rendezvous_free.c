/* rendezvous (a capi test fixture): meet(ms) enters, waits up to ms
 * milliseconds for a second thread to be inside the same function, and
 * returns whether one came. Declared free-threaded, two threads meet;
 * rendezvous_legacy.c is the same code without the declaration, which
 * freepy must run under its pseudo-GIL: no two threads ever meet. */
#include <Python.h>
#include <time.h>

#ifndef NAME
#define NAME rendezvous_free
#define PYINIT PyInit_rendezvous_free
#define FREE_THREADED 1
#endif
#define STR2(x) #x
#define STR(x) STR2(x)

static int inside = 0;
static int seen = 0; /* threads that have seen a partner (this round) */

static PyObject *meet(PyObject *self, PyObject *arg) {
    long ms = PyLong_AsLong(arg);
    int met = 0;
    struct timespec start, now;
    (void)self;
    if (ms == -1 && PyErr_Occurred()) {
        return NULL;
    }
    /* The second to arrive knows at once that it met the first; the first
     * sees the count reach two in its loop. Whoever met stays until the
     * other has seen it too, so neither depends on how long the other
     * stays. */
    if (__atomic_add_fetch(&inside, 1, __ATOMIC_SEQ_CST) >= 2) {
        met = 1;
    }
    clock_gettime(CLOCK_MONOTONIC, &start);
    while (!met) {
        if (__atomic_load_n(&inside, __ATOMIC_SEQ_CST) >= 2) {
            met = 1;
            break;
        }
        clock_gettime(CLOCK_MONOTONIC, &now);
        if ((now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000 >= ms) {
            break;
        }
    }
    if (met) {
        __atomic_add_fetch(&seen, 1, __ATOMIC_SEQ_CST);
        while (__atomic_load_n(&seen, __ATOMIC_SEQ_CST) < 2) {
            clock_gettime(CLOCK_MONOTONIC, &now);
            if ((now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000 >= 2 * ms) {
                break;
            }
        }
    }
    if (__atomic_sub_fetch(&inside, 1, __ATOMIC_SEQ_CST) == 0) {
        __atomic_store_n(&seen, 0, __ATOMIC_SEQ_CST);
    }
    return PyBool_FromLong(met);
}

static PyMethodDef methods[] = {{"meet", meet, METH_O, NULL}, {NULL, NULL, 0, NULL}};

static PyModuleDef_Slot slots[] = {
#ifdef FREE_THREADED
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, STR(NAME), NULL, 0, methods, slots, NULL, NULL, NULL};

PyMODINIT_FUNC PYINIT(void) { return PyModuleDef_Init(&module); }
