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

static PyObject *meet(PyObject *self, PyObject *arg) {
    long ms = PyLong_AsLong(arg);
    int met = 0;
    struct timespec start, now;
    (void)self;
    if (ms == -1 && PyErr_Occurred()) {
        return NULL;
    }
    __atomic_add_fetch(&inside, 1, __ATOMIC_SEQ_CST);
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (;;) {
        if (__atomic_load_n(&inside, __ATOMIC_SEQ_CST) >= 2) {
            met = 1;
            break;
        }
        clock_gettime(CLOCK_MONOTONIC, &now);
        if ((now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000 >= ms) {
            break;
        }
    }
    /* stay a little, so that the other thread sees us too */
    do {
        clock_gettime(CLOCK_MONOTONIC, &now);
    } while (met && (now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000 < 5);
    __atomic_sub_fetch(&inside, 1, __ATOMIC_SEQ_CST);
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
