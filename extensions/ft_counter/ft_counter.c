/* ft_counter: a multi-phase module that declares it runs without the GIL
 * (Py_mod_gil = Py_MOD_GIL_NOT_USED).
 *
 * Its state lives in the module object (m_size) and is protected the
 * free-threaded way: a PyMutex guards the counter, and a critical section
 * guards read-modify-write updates of a dict. Under CPython 3.11 (no
 * free-threading API) the same source builds with the GIL doing the work. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#if defined(Py_GIL_DISABLED) || PY_VERSION_HEX >= 0x030D0000
#  define FT_HAVE_FT_API 1
#else
#  define FT_HAVE_FT_API 0
/* CPython 3.11 has no critical sections: the GIL serialises the body. */
#  define Py_BEGIN_CRITICAL_SECTION(op) {
#  define Py_END_CRITICAL_SECTION() }
#endif

typedef struct {
#if FT_HAVE_FT_API
    PyMutex lock;
#endif
    long long value;
    PyObject *tally; /* dict: key -> count */
} ft_state;

static ft_state *get_state(PyObject *module) {
    return (ft_state *)PyModule_GetState(module);
}

static void state_lock(ft_state *st) {
#if FT_HAVE_FT_API
    PyMutex_Lock(&st->lock);
#else
    (void)st;
#endif
}

static void state_unlock(ft_state *st) {
#if FT_HAVE_FT_API
    PyMutex_Unlock(&st->lock);
#else
    (void)st;
#endif
}

static PyObject *ft_incr(PyObject *module, PyObject *Py_UNUSED(ignored)) {
    ft_state *st = get_state(module);
    long long v;
    state_lock(st);
    v = ++st->value;
    state_unlock(st);
    return PyLong_FromLongLong(v);
}

static PyObject *ft_add(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    ft_state *st = get_state(module);
    long long n, v;
    if (nargs != 1) {
        PyErr_Format(PyExc_TypeError, "add() takes exactly 1 argument (%zd given)", nargs);
        return NULL;
    }
    n = PyLong_AsLongLong(args[0]);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    state_lock(st);
    st->value += n;
    v = st->value;
    state_unlock(st);
    return PyLong_FromLongLong(v);
}

static PyObject *ft_get(PyObject *module, PyObject *Py_UNUSED(ignored)) {
    ft_state *st = get_state(module);
    long long v;
    state_lock(st);
    v = st->value;
    state_unlock(st);
    return PyLong_FromLongLong(v);
}

/* tally(key) -> new count for key; the read and the write happen in one
 * critical section on the dict, so concurrent tallies are not lost. */
static PyObject *ft_tally(PyObject *module, PyObject *key) {
    ft_state *st = get_state(module);
    PyObject *result = NULL;
    PyObject *tally = st->tally;
    Py_BEGIN_CRITICAL_SECTION(tally);
    {
        PyObject *old = NULL;
        long n = 0;
#if FT_HAVE_FT_API
        int found = PyDict_GetItemRef(tally, key, &old);
#else
        int found;
        old = PyDict_GetItemWithError(tally, key);
        found = old != NULL ? 1 : (PyErr_Occurred() ? -1 : 0);
        Py_XINCREF(old);
#endif
        if (found >= 0) {
            if (found == 1) {
                n = PyLong_AsLong(old);
                Py_DECREF(old);
            }
            if (!(n == -1 && PyErr_Occurred())) {
                PyObject *nv = PyLong_FromLong(n + 1);
                if (nv != NULL) {
                    if (PyDict_SetItem(tally, key, nv) == 0) {
                        result = Py_NewRef(nv);
                    }
                    Py_DECREF(nv);
                }
            }
        }
    }
    Py_END_CRITICAL_SECTION();
    return result;
}

static PyObject *ft_snapshot(PyObject *module, PyObject *Py_UNUSED(ignored)) {
    ft_state *st = get_state(module);
    return PyDict_Copy(st->tally);
}

static PyMethodDef ft_methods[] = {
    {"incr", ft_incr, METH_NOARGS, "Add one and return the new value."},
    {"add", _PyCFunction_CAST(ft_add), METH_FASTCALL, "Add an int and return the new value."},
    {"get", ft_get, METH_NOARGS, "Return the value."},
    {"tally", ft_tally, METH_O, "Count one occurrence of key; return its count."},
    {"snapshot", ft_snapshot, METH_NOARGS, "Return a copy of the tallies."},
    {NULL, NULL, 0, NULL}
};

static int ft_exec(PyObject *module) {
    /* Module state starts zeroed: the PyMutex is unlocked. */
    ft_state *st = get_state(module);
    st->value = 0;
    st->tally = PyDict_New();
    if (st->tally == NULL) {
        return -1;
    }
    if (PyModule_AddIntConstant(module, "FREE_THREADING_API", FT_HAVE_FT_API) < 0) {
        return -1;
    }
    return 0;
}

static int ft_traverse(PyObject *module, visitproc visit, void *arg) {
    ft_state *st = get_state(module);
    Py_VISIT(st->tally);
    return 0;
}

static int ft_clear(PyObject *module) {
    ft_state *st = get_state(module);
    Py_CLEAR(st->tally);
    return 0;
}

static void ft_free(void *module) {
    (void)ft_clear((PyObject *)module);
}

static PyModuleDef_Slot ft_slots[] = {
    {Py_mod_exec, (void *)ft_exec},
#if FT_HAVE_FT_API
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL}
};

static struct PyModuleDef ft_module = {
    PyModuleDef_HEAD_INIT,
    "ft_counter",
    "A counter that declares free-threading support.",
    sizeof(ft_state),
    ft_methods,
    ft_slots,
    ft_traverse,
    ft_clear,
    ft_free
};

PyMODINIT_FUNC PyInit_ft_counter(void) {
    return PyModuleDef_Init(&ft_module);
}
