/* The error indicator: it lives in the thread state, at CPython 3.11's
 * offsets, because compiled code (Cython) reads it directly. */
#include "shim.h"
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

static PyThreadState *ts_or_die(void) {
    /* a C thread without a thread state gets one from the Go side */
    if (fpy_tstate == NULL) {
        fpyGo_ForeignThread();
    }
    return fpy_tstate;
}

void PyErr_Restore(PyObject *type, PyObject *value, PyObject *tb) {
    PyThreadState *ts = ts_or_die();
    PyObject *ot = ts->curexc_type, *ov = ts->curexc_value, *otb = ts->curexc_traceback;
    ts->curexc_type = type;
    ts->curexc_value = value;
    ts->curexc_traceback = tb;
    Py_XDECREF(ot);
    Py_XDECREF(ov);
    Py_XDECREF(otb);
}

void PyErr_SetObject(PyObject *type, PyObject *value) {
    Py_XINCREF(type);
    Py_XINCREF(value);
    PyErr_Restore(type, value, NULL);
}

void PyErr_SetNone(PyObject *type) { PyErr_SetObject(type, NULL); }

void PyErr_SetString(PyObject *type, const char *msg) {
    PyObject *v = PyUnicode_FromString(msg);
    if (v == NULL) {
        return;
    }
    PyErr_SetObject(type, v);
    Py_DECREF(v);
}

PyObject *PyErr_Occurred(void) {
    PyThreadState *ts = fpy_tstate;
    return ts == NULL ? NULL : ts->curexc_type;
}

void PyErr_Clear(void) { PyErr_Restore(NULL, NULL, NULL); }

void PyErr_Fetch(PyObject **type, PyObject **value, PyObject **tb) {
    PyThreadState *ts = ts_or_die();
    *type = ts->curexc_type;
    *value = ts->curexc_value;
    *tb = ts->curexc_traceback;
    ts->curexc_type = ts->curexc_value = ts->curexc_traceback = NULL;
}

PyObject *PyErr_GetRaisedException(void) {
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb);
    if (t == NULL) {
        return NULL;
    }
    PyErr_NormalizeException(&t, &v, &tb);
    Py_XDECREF(t);
    Py_XDECREF(tb);
    return v;
}

void PyErr_SetRaisedException(PyObject *exc) {
    if (exc == NULL) {
        PyErr_Clear();
        return;
    }
    PyObject *t = (PyObject *)Py_TYPE(exc);
    Py_INCREF(t);
    PyErr_Restore(t, exc, NULL);
}

PyObject *PyErr_NoMemory(void) {
    PyErr_SetNone(PyExc_MemoryError);
    return NULL;
}

int PyErr_BadArgument(void) {
    PyErr_SetString(PyExc_TypeError, "bad argument type for built-in operation");
    return 0;
}

void _PyErr_BadInternalCall(const char *filename, int lineno) {
    (void)filename;
    (void)lineno;
    PyErr_SetString(PyExc_SystemError, "bad argument to internal function");
}

void (PyErr_BadInternalCall)(void) {
    PyErr_SetString(PyExc_SystemError, "bad argument to internal function");
}

int PyErr_ExceptionMatches(PyObject *exc) {
    return PyErr_GivenExceptionMatches(PyErr_Occurred(), exc);
}

/* errno_error sets type(errno, strerror(errno)[, filename]). */
static PyObject *errno_error(PyObject *type, int e, PyObject *filename) {
    PyObject *args = PyTuple_New(filename ? 3 : 2);
    if (args == NULL) {
        return NULL;
    }
    PyObject *code = PyLong_FromLong(e);
    PyObject *msg = PyUnicode_FromString(strerror(e));
    if (code == NULL || msg == NULL) {
        Py_XDECREF(code);
        Py_XDECREF(msg);
        Py_DECREF(args);
        return NULL;
    }
    PyTuple_SET_ITEM(args, 0, code);
    PyTuple_SET_ITEM(args, 1, msg);
    if (filename) {
        Py_INCREF(filename);
        PyTuple_SET_ITEM(args, 2, filename);
    }
    PyErr_SetObject(type, args);
    Py_DECREF(args);
    return NULL;
}

PyObject *PyErr_SetFromErrno(PyObject *type) { return errno_error(type, errno, NULL); }

PyObject *PyErr_SetFromErrnoWithFilenameObject(PyObject *type, PyObject *filename) {
    return errno_error(type, errno, filename);
}

PyObject *PyErr_SetFromErrnoWithFilename(PyObject *type, const char *filename) {
    int e = errno;
    if (filename == NULL) {
        return errno_error(type, e, NULL);
    }
    PyObject *f = PyUnicode_DecodeFSDefault(filename);
    if (f == NULL) {
        return NULL;
    }
    errno_error(type, e, f);
    Py_DECREF(f);
    return NULL;
}

/* Fatal errors end the process, as in CPython, after saying where. */
void _Py_FatalErrorFunc(const char *func, const char *message) {
    fflush(stdout);
    if (func != NULL) {
        fprintf(stderr, "Fatal Python error: %s: %s\n", func, message);
    } else {
        fprintf(stderr, "Fatal Python error: %s\n", message);
    }
    fflush(stderr);
    /* the default action, as in CPython: not the Go runtime's handler,
     * which would print every goroutine's stack */
    signal(SIGABRT, SIG_DFL);
    abort();
}

void (Py_FatalError)(const char *message) { _Py_FatalErrorFunc(NULL, message); }
