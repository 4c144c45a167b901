/* CPython 3.11's internal API that its own extension modules (the host's
 * lib-dynload: _ctypes, _curses, ...) call: static identifiers
 * (_Py_IDENTIFIER) and the functions that take them, plus a few helpers of
 * the same kind. Semantics follow CPython 3.11. */
#define _GNU_SOURCE
#include "shim.h"
#include <dlfcn.h>
#include <fcntl.h>
#include <pthread.h>
#include <string.h>
#include <wchar.h>

/* ---- _Py_Identifier ----
 *
 * An identifier's str is made on first use and kept for the life of the
 * process (CPython keeps it per interpreter until finalization). The strs
 * live in chunks that never move, so a reader needs no lock: the index is
 * published with a release store after its slot is written. */

#define ID_CHUNK 256
#define ID_CHUNKS 4096 /* a million identifiers */

static pthread_mutex_t ids_mu = PTHREAD_MUTEX_INITIALIZER;
static PyObject **id_chunks[ID_CHUNKS];
static Py_ssize_t ids_len;

PyObject *_PyUnicode_FromId(_Py_Identifier *id) {
    Py_ssize_t i = __atomic_load_n(&id->index, __ATOMIC_ACQUIRE);
    if (i >= 0) {
        return id_chunks[i / ID_CHUNK][i % ID_CHUNK];
    }
    PyObject *s = PyUnicode_InternFromString(id->string);
    if (s == NULL) {
        return NULL;
    }
    pthread_mutex_lock(&ids_mu);
    i = id->index;
    if (i >= 0) {
        /* another thread got there first */
        pthread_mutex_unlock(&ids_mu);
        Py_DECREF(s);
        return id_chunks[i / ID_CHUNK][i % ID_CHUNK];
    }
    i = ids_len;
    PyObject ***chunk = i / ID_CHUNK < ID_CHUNKS ? &id_chunks[i / ID_CHUNK] : NULL;
    if (chunk == NULL || (*chunk == NULL && (*chunk = PyMem_RawCalloc(ID_CHUNK, sizeof(PyObject *))) == NULL)) {
        pthread_mutex_unlock(&ids_mu);
        Py_DECREF(s);
        return PyErr_NoMemory();
    }
    ids_len++;
    (*chunk)[i % ID_CHUNK] = s; /* the table owns this reference */
    __atomic_store_n(&id->index, i, __ATOMIC_RELEASE);
    pthread_mutex_unlock(&ids_mu);
    return s;
}

PyObject *_PyObject_GetAttrId(PyObject *o, _Py_Identifier *name) {
    PyObject *n = _PyUnicode_FromId(name);
    return n != NULL ? PyObject_GetAttr(o, n) : NULL;
}

int _PyObject_SetAttrId(PyObject *o, _Py_Identifier *name, PyObject *v) {
    PyObject *n = _PyUnicode_FromId(name);
    return n != NULL ? PyObject_SetAttr(o, n, v) : -1;
}

int _PyObject_LookupAttrId(PyObject *o, _Py_Identifier *name, PyObject **result) {
    PyObject *n = _PyUnicode_FromId(name);
    if (n == NULL) {
        *result = NULL;
        return -1;
    }
    return _PyObject_LookupAttr(o, n, result);
}

PyObject *_PyDict_GetItemIdWithError(PyObject *d, _Py_Identifier *key) {
    PyObject *k = _PyUnicode_FromId(key);
    return k != NULL ? PyDict_GetItemWithError(d, k) : NULL;
}

int _PyDict_SetItemId(PyObject *d, _Py_Identifier *key, PyObject *v) {
    PyObject *k = _PyUnicode_FromId(key);
    return k != NULL ? PyDict_SetItem(d, k, v) : -1;
}

int _PyDict_ContainsId(PyObject *d, _Py_Identifier *key) {
    PyObject *k = _PyUnicode_FromId(key);
    return k != NULL ? PyDict_Contains(d, k) : -1;
}

/* The hash is a hint CPython uses to skip hashing; freepy hashes anyway. */
int _PyDict_SetItem_KnownHash(PyObject *d, PyObject *key, PyObject *v, Py_hash_t hash) {
    (void)hash;
    return PyDict_SetItem(d, key, v);
}

int _PyDict_DelItem_KnownHash(PyObject *d, PyObject *key, Py_hash_t hash) {
    (void)hash;
    return PyDict_DelItem(d, key);
}

/* _PyUnicode_EqualToASCIIString: 1 when the str equals the ASCII C
 * string; never sets an exception. */
int _PyUnicode_EqualToASCIIString(PyObject *u, const char *s) {
    if (!PyUnicode_Check(u)) {
        return 0;
    }
    Py_ssize_t n;
    const char *utf8 = PyUnicode_AsUTF8AndSize(u, &n);
    if (utf8 == NULL) {
        /* a lone surrogate is not ASCII */
        PyErr_Clear();
        return 0;
    }
    return (size_t)n == strlen(s) && memcmp(utf8, s, (size_t)n) == 0;
}

int _PyUnicode_EqualToASCIIId(PyObject *u, _Py_Identifier *id) {
    return _PyUnicode_EqualToASCIIString(u, id->string);
}

/* ---- wchar_t: on Linux a wchar_t is a UCS-4 code point ---- */

_Static_assert(sizeof(wchar_t) == sizeof(Py_UCS4), "wchar_t is UCS-4 on this platform");

Py_ssize_t PyUnicode_AsWideChar(PyObject *u, wchar_t *w, Py_ssize_t size) {
    if (u == NULL || !PyUnicode_Check(u)) {
        PyErr_BadInternalCall();
        return -1;
    }
    Py_ssize_t n = PyUnicode_GetLength(u);
    if (w == NULL) {
        return n + 1; /* the size needed, with the terminator */
    }
    if (size <= 0) {
        return 0;
    }
    Py_UCS4 *all = PyUnicode_AsUCS4Copy(u);
    if (all == NULL) {
        return -1;
    }
    /* copy the terminator too when it fits, as CPython does */
    Py_ssize_t copy = n + 1 <= size ? n + 1 : size;
    memcpy(w, all, (size_t)copy * sizeof(wchar_t));
    PyMem_Free(all);
    return copy > n ? n : copy;
}

wchar_t *PyUnicode_AsWideCharString(PyObject *u, Py_ssize_t *size) {
    if (u == NULL || !PyUnicode_Check(u)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GetLength(u);
    Py_UCS4 *all = PyUnicode_AsUCS4Copy(u);
    if (all == NULL) {
        return NULL;
    }
    if (size != NULL) {
        *size = n;
    } else if (wcslen((wchar_t *)all) != (size_t)n) {
        PyMem_Free(all);
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return NULL;
    }
    return (wchar_t *)all; /* freed by the caller with PyMem_Free */
}

/* ---- small helpers ---- */

char *_PyMem_Strdup(const char *s) {
    size_t n = strlen(s) + 1;
    char *c = PyMem_Malloc(n);
    if (c == NULL) {
        return NULL;
    }
    memcpy(c, s, n);
    return c;
}

int _Py_set_inheritable(int fd, int inheritable, int *atomic_flag_works) {
    (void)atomic_flag_works;
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    int want = inheritable ? flags & ~FD_CLOEXEC : flags | FD_CLOEXEC;
    if (want != flags && fcntl(fd, F_SETFD, want) < 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    return 0;
}

int PyFile_WriteString(const char *s, PyObject *f) {
    if (f == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError, "null file for PyFile_WriteString");
        }
        return -1;
    }
    if (PyErr_Occurred()) {
        return -1;
    }
    PyObject *v = PyUnicode_FromString(s);
    if (v == NULL) {
        return -1;
    }
    int r = PyFile_WriteObject(v, f, Py_PRINT_RAW);
    Py_DECREF(v);
    return r;
}

/* PyFile_FromFd is io.open(fd, mode, buffering, encoding, errors,
 * newline, closefd); CPython ignores name too. */
PyObject *PyFile_FromFd(int fd, const char *name, const char *mode, int buffering, const char *encoding,
                        const char *errors, const char *newline, int closefd) {
    (void)name;
    PyObject *io = PyImport_ImportModule("io");
    if (io == NULL) {
        return NULL;
    }
    PyObject *f = PyObject_CallMethod(io, "open", "isizzzO", fd, mode, buffering, encoding, errors, newline,
                                      closefd ? Py_True : Py_False);
    Py_DECREF(io);
    return f;
}

/* PyFile_GetLine is f.readline(), or f.readline(n) for n > 0; with n < 0
 * the line loses its newline and an empty one is EOFError, as input()
 * reads it. */
PyObject *PyFile_GetLine(PyObject *f, int n) {
    if (f == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    PyObject *line = n <= 0 ? PyObject_CallMethod(f, "readline", NULL) : PyObject_CallMethod(f, "readline", "i", n);
    if (line == NULL) {
        return NULL;
    }
    if (!PyBytes_Check(line) && !PyUnicode_Check(line)) {
        Py_DECREF(line);
        PyErr_SetString(PyExc_TypeError, "object.readline() returned non-string");
        return NULL;
    }
    if (n >= 0) {
        return line;
    }
    Py_ssize_t len = PyBytes_Check(line) ? PyBytes_GET_SIZE(line) : PyUnicode_GET_LENGTH(line);
    if (len == 0) {
        Py_DECREF(line);
        PyErr_SetString(PyExc_EOFError, "EOF when reading a line");
        return NULL;
    }
    int nl = PyBytes_Check(line) ? PyBytes_AS_STRING(line)[len - 1] == '\n'
                                 : PyUnicode_READ_CHAR(line, len - 1) == '\n';
    if (!nl) {
        return line;
    }
    PyObject *r = PyBytes_Check(line) ? PyBytes_FromStringAndSize(PyBytes_AS_STRING(line), len - 1)
                                      : PyUnicode_Substring(line, 0, len - 1);
    Py_DECREF(line);
    return r;
}

/* PyFile_WriteObject writes str(obj) (Py_PRINT_RAW) or repr(obj) to f. */
int PyFile_WriteObject(PyObject *obj, PyObject *f, int flags) {
    if (f == NULL) {
        PyErr_SetString(PyExc_TypeError, "writeobject with NULL file");
        return -1;
    }
    PyObject *v = (flags & Py_PRINT_RAW) ? PyObject_Str(obj) : PyObject_Repr(obj);
    if (v == NULL) {
        return -1;
    }
    PyObject *r = PyObject_CallMethod(f, "write", "O", v);
    Py_DECREF(v);
    if (r == NULL) {
        return -1;
    }
    Py_DECREF(r);
    return 0;
}

const char *Py_hexdigits = "0123456789abcdef";

/* ---- calls made by 3.11's inline vectorcall ---- */

/* _PyObject_MakeTpCall: the call of an object without a vectorcall slot.
 * The thread state is the one those modules read from _PyRuntime, which
 * stands for no thread in particular (runtime311.c): the call runs on the
 * calling thread's own. */
PyObject *_PyObject_MakeTpCall(PyThreadState *tstate, PyObject *callable, PyObject *const *args, size_t nargs,
                               PyObject *kwnames) {
    (void)tstate;
    return PyObject_Vectorcall(callable, args, nargs, kwnames);
}

/* _Py_CheckFunctionResult turns a C function's inconsistent answer (NULL
 * without an exception, or a result with one set) into SystemError, as
 * CPython does after every call of C code. */
PyObject *_Py_CheckFunctionResult(PyThreadState *tstate, PyObject *callable, PyObject *result, const char *where) {
    (void)tstate;
    if (result == NULL) {
        if (!PyErr_Occurred()) {
            if (callable != NULL) {
                PyErr_Format(PyExc_SystemError, "%R returned NULL without setting an exception", callable);
            } else {
                PyErr_Format(PyExc_SystemError, "%s returned NULL without setting an exception", where);
            }
        }
        return NULL;
    }
    if (PyErr_Occurred()) {
        Py_DECREF(result);
        if (callable != NULL) {
            _PyErr_FormatFromCause(PyExc_SystemError, "%R returned a result with an exception set", callable);
        } else {
            _PyErr_FormatFromCause(PyExc_SystemError, "%s returned a result with an exception set", where);
        }
        return NULL;
    }
    return result;
}

/* 3.11 lets the caller add type flags (its own modules pass
 * Py_TPFLAGS_DISALLOW_INSTANTIATION); freepy's struct sequence types take
 * the defaults. */
PyTypeObject *_PyStructSequence_NewType(PyStructSequence_Desc *desc, unsigned long tp_flags) {
    (void)tp_flags;
    return PyStructSequence_NewType(desc);
}

/* _PyTraceback_Add adds an entry for C code to the current exception's
 * traceback. Like PyTraceBack_Here, it adds nothing in freepy: the
 * exception itself is unchanged, only that line of the printed traceback
 * is missing. */
void _PyTraceback_Add(const char *funcname, const char *filename, int lineno) {
    (void)funcname;
    (void)filename;
    (void)lineno;
}

/* fpy_dl_file is the file of the shared object that holds code address p
 * (NULL when none does), for finding which extension a function belongs
 * to. */
const char *fpy_dl_file(void *p) {
    Dl_info info;
    return dladdr(p, &info) != 0 ? info.dli_fname : NULL;
}
