/* legacy_threads: a legacy (GIL-assuming) module that releases the GIL
 * with Py_BEGIN_ALLOW_THREADS and runs Python callables from a C thread it
 * starts itself through PyGILState_Ensure.
 *
 * wait_for_signal() releases the GIL and waits until signal() is called
 * from another thread. Under freepy, signal() runs this module's code, so
 * it can only get in if Py_BEGIN_ALLOW_THREADS really released the
 * module's pseudo-GIL: otherwise the program would hang. */
#define _POSIX_C_SOURCE 200809L
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <pthread.h>
#include <time.h>

static volatile int flag = 0;
static long calls = 0; /* guarded by the (pseudo-)GIL */

static PyObject *wait_for_signal(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    calls++;
    Py_BEGIN_ALLOW_THREADS
    while (!__atomic_load_n(&flag, __ATOMIC_ACQUIRE)) {
        struct timespec ts = {0, 1000000};
        nanosleep(&ts, NULL);
    }
    Py_END_ALLOW_THREADS
    return PyLong_FromLong(calls);
}

static PyObject *signal_(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    calls++;
    __atomic_store_n(&flag, 1, __ATOMIC_RELEASE);
    Py_RETURN_NONE;
}

struct job {
    PyObject *fn;
    long n;
    PyObject *results; /* a list, or NULL on error */
    int gil_checked;
};

static void *worker(void *arg) {
    struct job *j = (struct job *)arg;
    PyGILState_STATE st = PyGILState_Ensure();
    j->gil_checked = PyGILState_Check();
    j->results = PyList_New(0);
    for (long i = 0; j->results != NULL && i < j->n; i++) {
        PyObject *r = PyObject_CallFunction(j->fn, "l", i);
        if (r == NULL) {
            PyErr_Clear();
            r = PyUnicode_FromString("error");
        }
        if (PyList_Append(j->results, r) < 0) {
            Py_CLEAR(j->results);
        }
        Py_XDECREF(r);
        calls++;
    }
    PyGILState_Release(st);
    return NULL;
}

/* in_c_thread(fn, n): calls fn(0..n-1) in a new C thread, returns the
 * results and whether PyGILState_Check() saw a thread state there. */
static PyObject *in_c_thread(PyObject *self, PyObject *args) {
    struct job j = {NULL, 0, NULL, 0};
    pthread_t th;
    int err;
    (void)self;
    if (!PyArg_ParseTuple(args, "Ol:in_c_thread", &j.fn, &j.n)) {
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS
    err = pthread_create(&th, NULL, worker, &j);
    if (err == 0) {
        pthread_join(th, NULL);
    }
    Py_END_ALLOW_THREADS
    if (err != 0) {
        PyErr_SetString(PyExc_RuntimeError, "pthread_create failed");
        return NULL;
    }
    if (j.results == NULL) {
        return NULL;
    }
    return Py_BuildValue("Ni", j.results, j.gil_checked);
}

static PyMethodDef methods[] = {
    {"wait_for_signal", wait_for_signal, METH_NOARGS, NULL},
    {"signal", signal_, METH_NOARGS, NULL},
    {"in_c_thread", in_c_thread, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "legacy_threads", NULL, -1, methods,
                                    NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit_legacy_threads(void) { return PyModule_Create(&module); }
