/* crossing (a capi test fixture): C code that blocks, sleeps, calls back
 * into Python from its own threads and nests, for TestCrossing. What it
 * checks holds for any way of calling C that freepy may use: C that
 * blocks without releasing must not hold up the collector or other
 * threads, and must not see its sleeps cut short by the runtime's
 * signals. Declared free-threaded: no pseudo-GIL in the way. */
#include <Python.h>
#include <errno.h>
#include <pthread.h>
#include <time.h>
#include <unistd.h>

static int flag;

static long now_ms(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* wait_flag(ms): waits, without releasing anything, until set_flag() is
 * called or ms pass; returns whether the flag came. */
static PyObject *wait_flag(PyObject *self, PyObject *arg) {
    (void)self;
    long ms = PyLong_AsLong(arg);
    if (ms == -1 && PyErr_Occurred()) {
        return NULL;
    }
    long end = now_ms() + ms;
    while (!__atomic_load_n(&flag, __ATOMIC_SEQ_CST) && now_ms() < end) {
        struct timespec d = {0, 100000};
        nanosleep(&d, NULL);
    }
    return PyBool_FromLong(__atomic_exchange_n(&flag, 0, __ATOMIC_SEQ_CST));
}

static PyObject *set_flag(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    __atomic_store_n(&flag, 1, __ATOMIC_SEQ_CST);
    Py_RETURN_NONE;
}

/* sleep_ms(ms, release): one usleep, with Py_BEGIN_ALLOW_THREADS around
 * it if release; returns usleep's result and whether errno was EINTR. */
static PyObject *sleep_ms(PyObject *self, PyObject *args) {
    (void)self;
    long ms;
    int release;
    if (!PyArg_ParseTuple(args, "lp", &ms, &release)) {
        return NULL;
    }
    int r, eintr;
    if (release) {
        Py_BEGIN_ALLOW_THREADS
        r = usleep((useconds_t)(ms * 1000));
        eintr = r != 0 && errno == EINTR;
        Py_END_ALLOW_THREADS
    } else {
        r = usleep((useconds_t)(ms * 1000));
        eintr = r != 0 && errno == EINTR;
    }
    return Py_BuildValue("(iO)", r, eintr ? Py_True : Py_False);
}

/* call(f, x): f(x), its result or its exception. */
static PyObject *call(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    (void)self;
    if (nargs != 2) {
        PyErr_SetString(PyExc_TypeError, "call(f, x)");
        return NULL;
    }
    return PyObject_CallOneArg(args[0], args[1]);
}

struct job {
    PyObject *f;
    long n;
    long sum;
    int failed;
};

static void *worker(void *p) {
    struct job *j = p;
    for (long i = 0; i < j->n; i++) {
        PyGILState_STATE st = PyGILState_Ensure();
        PyObject *r = PyObject_CallFunction(j->f, "l", i);
        if (r == NULL) {
            PyErr_Clear();
            j->failed = 1;
        } else {
            j->sum += PyLong_AsLong(r);
            Py_DECREF(r);
        }
        PyGILState_Release(st);
    }
    return NULL;
}

/* from_threads(f, nthreads, n): nthreads C threads each call f(i) for i
 * in range(n); returns the sum of the results (-1 if a call failed). */
static PyObject *from_threads(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *f;
    int nt;
    long n;
    if (!PyArg_ParseTuple(args, "Oil", &f, &nt, &n) || nt < 1 || nt > 16) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_ValueError, "1 to 16 threads");
        }
        return NULL;
    }
    pthread_t th[16];
    struct job jobs[16];
    int started = 0;
    Py_BEGIN_ALLOW_THREADS
    for (; started < nt; started++) {
        jobs[started] = (struct job){f, n, 0, 0};
        if (pthread_create(&th[started], NULL, worker, &jobs[started]) != 0) {
            break;
        }
    }
    for (int i = 0; i < started; i++) {
        pthread_join(th[i], NULL);
    }
    Py_END_ALLOW_THREADS
    long sum = 0;
    for (int i = 0; i < started; i++) {
        if (jobs[i].failed) {
            return PyLong_FromLong(-1);
        }
        sum += jobs[i].sum;
    }
    return PyLong_FromLong(started == nt ? sum : -2);
}

static PyMethodDef methods[] = {
    {"wait_flag", wait_flag, METH_O, NULL},
    {"set_flag", set_flag, METH_NOARGS, NULL},
    {"sleep_ms", sleep_ms, METH_VARARGS, NULL},
    {"call", (PyCFunction)(void (*)(void))call, METH_FASTCALL, NULL},
    {"from_threads", from_threads, METH_VARARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static PyModuleDef_Slot slots[] = {
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
    {0, NULL},
};

static struct PyModuleDef def = {PyModuleDef_HEAD_INIT, "crossing", NULL, 0, methods, slots};

PyMODINIT_FUNC PyInit_crossing(void) { return PyModuleDef_Init(&def); }
