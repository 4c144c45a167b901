/* Helpers that CPython 3.11's own extension modules (the host's
 * lib-dynload: _sqlite3, _bz2, _lzma, termios, ...) call: Argument Clinic's
 * keyword unpacking, error chaining, file-system path conversion, the
 * locale-independent ctype tables. Semantics follow CPython 3.11, error
 * messages included, because Python code (and our differential tests)
 * sees them. */
#include "shim.h"
#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <time.h>

/* ---- ctype tables (Python/pyctype.c) ---- */

#define L PY_CTF_LOWER
#define U PY_CTF_UPPER
#define D PY_CTF_DIGIT
#define S PY_CTF_SPACE
#define X PY_CTF_XDIGIT
const unsigned int _Py_ctype_table[256] = {
    0, 0, 0, 0, 0, 0, 0, 0,
    0, S, S, S, S, S, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    S, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    D|X, D|X, D|X, D|X, D|X, D|X, D|X, D|X,
    D|X, D|X, 0, 0, 0, 0, 0, 0,
    0, U|X, U|X, U|X, U|X, U|X, U|X, U,
    U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U,
    U, U, U, 0, 0, 0, 0, 0,
    0, L|X, L|X, L|X, L|X, L|X, L|X, L,
    L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, L, L,
    L, L, L, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0,
};
#undef L
#undef U
#undef D
#undef S
#undef X

const unsigned char _Py_ctype_tolower[256] = {
    0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
    0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f,
    0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e, 0x2f,
    0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f,
    0x40, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f,
    0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f,
    0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f,
    0x70, 0x71, 0x72, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x7b, 0x7c, 0x7d, 0x7e, 0x7f,
    0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f,
    0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9d, 0x9e, 0x9f,
    0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf,
    0xb0, 0xb1, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xbb, 0xbc, 0xbd, 0xbe, 0xbf,
    0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf,
    0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xdb, 0xdc, 0xdd, 0xde, 0xdf,
    0xe0, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed, 0xee, 0xef,
    0xf0, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe, 0xff,
};

const unsigned char _Py_ctype_toupper[256] = {
    0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
    0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f,
    0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x2a, 0x2b, 0x2c, 0x2d, 0x2e, 0x2f,
    0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f,
    0x40, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x4b, 0x4c, 0x4d, 0x4e, 0x4f,
    0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f,
    0x60, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x4b, 0x4c, 0x4d, 0x4e, 0x4f,
    0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59, 0x5a, 0x7b, 0x7c, 0x7d, 0x7e, 0x7f,
    0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f,
    0x90, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9d, 0x9e, 0x9f,
    0xa0, 0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xab, 0xac, 0xad, 0xae, 0xaf,
    0xb0, 0xb1, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xbb, 0xbc, 0xbd, 0xbe, 0xbf,
    0xc0, 0xc1, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xcb, 0xcc, 0xcd, 0xce, 0xcf,
    0xd0, 0xd1, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xdb, 0xdc, 0xdd, 0xde, 0xdf,
    0xe0, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xeb, 0xec, 0xed, 0xee, 0xef,
    0xf0, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe, 0xff,
};

const unsigned char _Py_ascii_whitespace[128] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1,
    1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

int PyOS_mystrnicmp(const char *s1, const char *s2, Py_ssize_t size) {
    if (size == 0) return 0;
    const unsigned char *p1 = (const unsigned char *)s1, *p2 = (const unsigned char *)s2;
    for (; (--size > 0) && *p1 && *p2 && Py_TOLOWER(*p1) == Py_TOLOWER(*p2); p1++, p2++) {
    }
    return Py_TOLOWER(*p1) - Py_TOLOWER(*p2);
}

int PyOS_mystricmp(const char *s1, const char *s2) {
    const unsigned char *p1 = (const unsigned char *)s1, *p2 = (const unsigned char *)s2;
    while (*p1 && *p2 && Py_TOLOWER(*p1) == Py_TOLOWER(*p2)) {
        p1++;
        p2++;
    }
    return Py_TOLOWER(*p1) - Py_TOLOWER(*p2);
}

/* ---- Audit hooks ---- */

/* freepy has no audit hooks (sys.addaudithook does not exist and sys.audit
 * does nothing), and CPython returns 0 without looking at the arguments
 * when no hook is installed. */
int PySys_Audit(const char *event, const char *argFormat, ...) {
    (void)event;
    (void)argFormat;
    return 0;
}

/* ---- Numbers ---- */

int _PyLong_AsInt(PyObject *obj) {
    int overflow;
    long result = PyLong_AsLongAndOverflow(obj, &overflow);
    if (overflow || result > INT_MAX || result < INT_MIN) {
        /* XXX: could be cute and give a different
           message for overflow == -1 */
        PyErr_SetString(PyExc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    return (int)result;
}

/* CPython's _PyNumber_Index may return an int subclass where PyNumber_Index
 * returns an exact int; callers only convert the result, so the exact int is
 * as good. */
PyObject *_PyNumber_Index(PyObject *o) { return PyNumber_Index(o); }

/* ---- Buffers ---- */

int PyBuffer_FillInfo(Py_buffer *view, PyObject *obj, void *buf, Py_ssize_t len, int readonly, int flags) {
    if (view == NULL) {
        PyErr_SetString(PyExc_BufferError, "PyBuffer_FillInfo: view==NULL argument is obsolete");
        return -1;
    }
    if ((flags & PyBUF_WRITABLE) == PyBUF_WRITABLE && readonly == 1) {
        PyErr_SetString(PyExc_BufferError, "Object is not writable.");
        return -1;
    }
    view->obj = obj;
    Py_XINCREF(obj);
    view->buf = buf;
    view->len = len;
    view->readonly = readonly;
    view->itemsize = 1;
    view->format = NULL;
    if ((flags & PyBUF_FORMAT) == PyBUF_FORMAT) view->format = (char *)"B";
    view->ndim = 1;
    view->shape = NULL;
    if ((flags & PyBUF_ND) == PyBUF_ND) view->shape = &view->len;
    view->strides = NULL;
    if ((flags & PyBUF_STRIDES) == PyBUF_STRIDES) view->strides = &view->itemsize;
    view->suboffsets = NULL;
    view->internal = NULL;
    return 0;
}

/* ---- Exception chaining ---- */

/* Sets the current exception's __context__ to (exc, val, tb), an exception
 * fetched earlier; restores it when no exception is set. Steals all three. */
void _PyErr_ChainExceptions(PyObject *exc, PyObject *val, PyObject *tb) {
    if (exc == NULL) return;
    if (!PyExceptionClass_Check(exc)) {
        PyErr_Format(PyExc_SystemError, "_PyErr_ChainExceptions: exception %R is not a BaseException subclass",
                     exc);
        /* CPython leaks the three here; we own them, so release them */
        Py_DECREF(exc);
        Py_XDECREF(val);
        Py_XDECREF(tb);
        return;
    }
    if (PyErr_Occurred()) {
        PyObject *exc2, *val2, *tb2;
        PyErr_Fetch(&exc2, &val2, &tb2);
        PyErr_NormalizeException(&exc, &val, &tb);
        if (tb != NULL) {
            PyException_SetTraceback(val, tb);
            Py_DECREF(tb);
        }
        Py_DECREF(exc);
        PyErr_NormalizeException(&exc2, &val2, &tb2);
        PyException_SetContext(val2, val); /* steals val */
        PyErr_Restore(exc2, val2, tb2);
    } else {
        PyErr_Restore(exc, val, tb);
    }
}

/* Raises a new exception whose __cause__ and __context__ are the current
 * one (raise X from Y). Always returns NULL. */
PyObject *_PyErr_FormatFromCause(PyObject *exception, const char *format, ...) {
    PyObject *exc, *val, *val2, *tb;
    PyErr_Fetch(&exc, &val, &tb);
    if (exc == NULL) {
        /* CPython asserts an exception is set; raising the new one without
         * a cause is the sensible release-build behaviour */
        va_list vargs;
        va_start(vargs, format);
        PyErr_FormatV(exception, format, vargs);
        va_end(vargs);
        return NULL;
    }
    PyErr_NormalizeException(&exc, &val, &tb);
    if (tb != NULL) {
        PyException_SetTraceback(val, tb);
        Py_DECREF(tb);
    }
    Py_DECREF(exc);

    va_list vargs;
    va_start(vargs, format);
    PyErr_FormatV(exception, format, vargs);
    va_end(vargs);

    PyErr_Fetch(&exc, &val2, &tb);
    PyErr_NormalizeException(&exc, &val2, &tb);
    Py_INCREF(val);
    PyException_SetCause(val2, val);   /* steals one reference */
    PyException_SetContext(val2, val); /* steals the other */
    PyErr_Restore(exc, val2, tb);
    return NULL;
}

/* ---- File-system paths and descriptors ---- */

static const char *short_type_name(PyTypeObject *t) {
    const char *s = strrchr(t->tp_name, '.');
    return s ? s + 1 : t->tp_name;
}

PyObject *PyOS_FSPath(PyObject *path) {
    if (PyUnicode_Check(path) || PyBytes_Check(path)) {
        Py_INCREF(path);
        return path;
    }
    /* __fspath__ is looked up on the type, as a special method */
    PyObject *func, *name = PyUnicode_FromString("__fspath__");
    if (name == NULL) return NULL;
    int r = _PyObject_LookupAttr((PyObject *)Py_TYPE(path), name, &func);
    Py_DECREF(name);
    if (r < 0) return NULL;
    if (func == NULL) {
        return PyErr_Format(PyExc_TypeError, "expected str, bytes or os.PathLike object, not %.200s",
                            short_type_name(Py_TYPE(path)));
    }
    PyObject *res = PyObject_CallOneArg(func, path);
    Py_DECREF(func);
    if (res == NULL) return NULL;
    if (!(PyUnicode_Check(res) || PyBytes_Check(res))) {
        PyErr_Format(PyExc_TypeError, "expected %.200s.__fspath__() to return str or bytes, not %.200s",
                     short_type_name(Py_TYPE(path)), short_type_name(Py_TYPE(res)));
        Py_DECREF(res);
        return NULL;
    }
    return res;
}

/* freepy's file-system encoding is UTF-8 with surrogateescape, as CPython's
 * on a UTF-8 (or C.UTF-8) locale. */
PyObject *PyUnicode_EncodeFSDefault(PyObject *unicode) {
    return PyUnicode_AsEncodedString(unicode, "utf-8", "surrogateescape");
}

PyObject *PyUnicode_DecodeFSDefaultAndSize(const char *s, Py_ssize_t size) {
    return PyUnicode_Decode(s, size, "utf-8", "surrogateescape");
}

/* "O&" converter to a bytes path; *addr receives a new reference, released
 * by a second call with arg == NULL (Py_CLEANUP_SUPPORTED). */
int PyUnicode_FSConverter(PyObject *arg, void *addr) {
    if (arg == NULL) {
        Py_DECREF(*(PyObject **)addr);
        *(PyObject **)addr = NULL;
        return 1;
    }
    PyObject *path = PyOS_FSPath(arg);
    if (path == NULL) return 0;
    PyObject *output;
    if (PyBytes_Check(path)) {
        output = path;
    } else {
        output = PyUnicode_EncodeFSDefault(path);
        Py_DECREF(path);
        if (output == NULL) return 0;
    }
    Py_ssize_t size = PyBytes_GET_SIZE(output);
    const char *data = PyBytes_AS_STRING(output);
    if ((size_t)size != strlen(data)) {
        PyErr_SetString(PyExc_ValueError, "embedded null byte");
        Py_DECREF(output);
        return 0;
    }
    *(PyObject **)addr = output;
    return Py_CLEANUP_SUPPORTED;
}

int PyObject_AsFileDescriptor(PyObject *o) {
    int fd;
    if (PyLong_Check(o)) {
        fd = _PyLong_AsInt(o);
    } else {
        PyObject *meth, *name = PyUnicode_FromString("fileno");
        if (name == NULL) return -1;
        int r = _PyObject_LookupAttr(o, name, &meth);
        Py_DECREF(name);
        if (r < 0) return -1;
        if (meth == NULL) {
            PyErr_SetString(PyExc_TypeError, "argument must be an int, or have a fileno() method.");
            return -1;
        }
        PyObject *fno = PyObject_CallNoArgs(meth);
        Py_DECREF(meth);
        if (fno == NULL) return -1;
        if (!PyLong_Check(fno)) {
            PyErr_SetString(PyExc_TypeError, "fileno() returned a non-integer");
            Py_DECREF(fno);
            return -1;
        }
        fd = _PyLong_AsInt(fno);
        Py_DECREF(fno);
    }
    if (fd == -1 && PyErr_Occurred()) return -1;
    if (fd < 0) {
        PyErr_Format(PyExc_ValueError, "file descriptor cannot be a negative integer (%i)", fd);
        return -1;
    }
    return fd;
}

int _PyLong_FileDescriptor_Converter(PyObject *o, void *ptr) {
    int fd = PyObject_AsFileDescriptor(o);
    if (fd == -1) return 0;
    *(int *)ptr = fd;
    return 1;
}

/* ---- Argument Clinic: _PyArg_UnpackKeywords (Python/getargs.c) ---- */

/* The parser is a static struct inside the extension, shared by all
 * threads: the first call fills in pos and kwtuple under this lock and
 * publishes kwtuple last, with release order, as the "initialized" mark. */
static pthread_mutex_t parser_lock = PTHREAD_MUTEX_INITIALIZER;

static int parser_init(struct _PyArg_Parser *parser) {
    if (__atomic_load_n(&parser->kwtuple, __ATOMIC_ACQUIRE) != NULL) return 1;
    pthread_mutex_lock(&parser_lock);
    int ok = 1;
    if (parser->kwtuple == NULL) {
        const char *const *keywords = parser->keywords;
        int i;
        for (i = 0; keywords[i] && !*keywords[i]; i++) {
        }
        int pos = i;
        for (; keywords[i]; i++) {
            if (!*keywords[i]) {
                PyErr_SetString(PyExc_SystemError, "Empty keyword parameter name");
                ok = 0;
                goto done;
            }
        }
        int len = i;
        if (parser->format != NULL) {
            /* the function name or the custom message come from the format,
             * as in CPython ("O|i:name" / "O;message") */
            const char *fname = strchr(parser->format, ':');
            if (fname) {
                parser->fname = fname + 1;
                parser->custom_msg = NULL;
            } else {
                const char *msg = strchr(parser->format, ';');
                if (msg) parser->custom_msg = msg + 1;
            }
        }
        /* kwtuple is owned by the (static, never freed) parser */
        PyObject *kwtuple = PyTuple_New(len - pos);
        if (kwtuple == NULL) {
            ok = 0;
            goto done;
        }
        for (i = pos; i < len; i++) {
            PyObject *s = PyUnicode_InternFromString(keywords[i]);
            if (s == NULL) {
                Py_DECREF(kwtuple);
                ok = 0;
                goto done;
            }
            PyTuple_SET_ITEM(kwtuple, i - pos, s);
        }
        parser->pos = pos;
        __atomic_store_n(&parser->kwtuple, kwtuple, __ATOMIC_RELEASE);
    }
done:
    pthread_mutex_unlock(&parser_lock);
    return ok;
}

/* Whether the keyword name k (a str) is the C string name. Compares UTF-8
 * in C: no call into the interpreter per comparison. */
static int keyword_is(PyObject *k, const char *name) {
    if (!PyUnicode_Check(k)) return 0;
    Py_ssize_t n;
    const char *s = PyUnicode_AsUTF8AndSize(k, &n);
    if (s == NULL) {
        PyErr_Clear(); /* lone surrogates: no parameter has such a name */
        return 0;
    }
    return (size_t)n == strlen(name) && memcmp(s, name, (size_t)n) == 0;
}

/* The value passed by keyword for parameter name, borrowed; NULL (with no
 * error) when it was not passed. */
static PyObject *find_keyword(PyObject *kwargs, PyObject *kwnames, PyObject *const *kwstack, const char *name) {
    if (kwargs != NULL) {
        Py_ssize_t j = 0;
        PyObject *k, *v;
        while (PyDict_Next(kwargs, &j, &k, &v)) {
            if (keyword_is(k, name)) return v;
        }
        return NULL;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(kwnames);
    for (Py_ssize_t j = 0; j < n; j++) {
        if (keyword_is(PyTuple_GET_ITEM(kwnames, j), name)) return kwstack[j];
    }
    return NULL;
}

#define FNAME(p) ((p)->fname == NULL ? "function" : (p)->fname), ((p)->fname == NULL ? "" : "()")

PyObject *const *_PyArg_UnpackKeywords(PyObject *const *args, Py_ssize_t nargs, PyObject *kwargs, PyObject *kwnames,
                                       struct _PyArg_Parser *parser, int minpos, int maxpos, int minkw,
                                       PyObject **buf) {
    int reqlimit = minkw ? maxpos + minkw : minpos;
    Py_ssize_t nkwargs;
    PyObject *const *kwstack = NULL;

    if (parser == NULL || (kwargs != NULL && !PyDict_Check(kwargs)) ||
        (kwnames != NULL && !PyTuple_Check(kwnames))) {
        PyErr_BadInternalCall();
        return NULL;
    }
    if (args == NULL && nargs == 0) args = buf;
    if (!parser_init(parser)) return NULL;

    const char *const *keywords = parser->keywords;
    int posonly = parser->pos;
    int minposonly = posonly < minpos ? posonly : minpos;
    int maxargs = posonly + (int)PyTuple_GET_SIZE(parser->kwtuple);

    if (kwargs != NULL) {
        nkwargs = PyDict_GET_SIZE(kwargs);
    } else if (kwnames != NULL) {
        nkwargs = PyTuple_GET_SIZE(kwnames);
        kwstack = args + nargs;
    } else {
        nkwargs = 0;
    }
    if (nkwargs == 0 && minkw == 0 && minpos <= nargs && nargs <= maxpos) {
        return args; /* fast path */
    }
    if (nargs + nkwargs > maxargs) {
        /* "keyword" when nargs == 0, as CPython (bpo-31229) */
        PyErr_Format(PyExc_TypeError, "%.200s%s takes at most %d %sargument%s (%zd given)", FNAME(parser), maxargs,
                     nargs == 0 ? "keyword " : "", maxargs == 1 ? "" : "s", nargs + nkwargs);
        return NULL;
    }
    if (nargs > maxpos) {
        if (maxpos == 0) {
            PyErr_Format(PyExc_TypeError, "%.200s%s takes no positional arguments", FNAME(parser));
        } else {
            PyErr_Format(PyExc_TypeError, "%.200s%s takes %s %d positional argument%s (%zd given)", FNAME(parser),
                         minpos < maxpos ? "at most" : "exactly", maxpos, maxpos == 1 ? "" : "s", nargs);
        }
        return NULL;
    }
    if (nargs < minposonly) {
        PyErr_Format(PyExc_TypeError, "%.200s%s takes %s %d positional argument%s (%zd given)", FNAME(parser),
                     minposonly < maxpos ? "at least" : "exactly", minposonly, minposonly == 1 ? "" : "s", nargs);
        return NULL;
    }

    for (Py_ssize_t i = 0; i < nargs; i++) buf[i] = args[i];

    /* keyword arguments, in parameter order */
    for (int i = (int)nargs > posonly ? (int)nargs : posonly; i < maxargs; i++) {
        PyObject *current;
        if (nkwargs) {
            current = find_keyword(kwargs, kwnames, kwstack, keywords[i]);
        } else if (i >= reqlimit) {
            break;
        } else {
            current = NULL;
        }
        buf[i] = current;
        if (current) {
            --nkwargs;
        } else if (i < minpos || (maxpos <= i && i < reqlimit)) {
            PyErr_Format(PyExc_TypeError, "%.200s%s missing required argument '%s' (pos %d)", FNAME(parser),
                         keywords[i], i + 1);
            return NULL;
        }
    }

    if (nkwargs > 0) {
        /* no argument given by name and position */
        for (int i = posonly; i < nargs; i++) {
            if (find_keyword(kwargs, kwnames, kwstack, keywords[i])) {
                PyErr_Format(PyExc_TypeError, "argument for %.200s%s given by name ('%s') and position (%d)",
                             FNAME(parser), keywords[i], i + 1);
                return NULL;
            }
        }
        /* no extraneous keyword arguments */
        Py_ssize_t j = 0;
        for (;;) {
            PyObject *k;
            if (kwargs != NULL) {
                if (!PyDict_Next(kwargs, &j, &k, NULL)) break;
            } else {
                if (j >= PyTuple_GET_SIZE(kwnames)) break;
                k = PyTuple_GET_ITEM(kwnames, j);
                j++;
            }
            int match = 0;
            for (int i = posonly; i < maxargs && !match; i++) match = keyword_is(k, keywords[i]);
            if (!match) {
                PyErr_Format(PyExc_TypeError, "'%S' is an invalid keyword argument for %.200s%s", k,
                             parser->fname == NULL ? "this function" : parser->fname,
                             parser->fname == NULL ? "" : "()");
                return NULL;
            }
        }
    }
    return buf;
}

/* ---- mmap's helpers ---- */

Py_ssize_t _PyBytes_Find(const char *haystack, Py_ssize_t len_haystack, const char *needle, Py_ssize_t len_needle,
                         Py_ssize_t offset) {
    if (len_needle == 0) return offset;
    for (Py_ssize_t i = 0; i + len_needle <= len_haystack; i++) {
        const char *p = memchr(haystack + i, needle[0], (size_t)(len_haystack - len_needle - i + 1));
        if (p == NULL) return -1;
        i = p - haystack;
        if (memcmp(p, needle, (size_t)len_needle) == 0) return i + offset;
    }
    return -1;
}

Py_ssize_t _PyBytes_ReverseFind(const char *haystack, Py_ssize_t len_haystack, const char *needle,
                                Py_ssize_t len_needle, Py_ssize_t offset) {
    if (len_needle == 0) return len_haystack + offset;
    for (Py_ssize_t i = len_haystack - len_needle; i >= 0; i--) {
        if (haystack[i] == needle[0] && memcmp(haystack + i, needle, (size_t)len_needle) == 0) return i + offset;
    }
    return -1;
}

int _Py_convert_optional_to_ssize_t(PyObject *obj, void *result) {
    if (obj == Py_None) return 1;
    if (!PyIndex_Check(obj)) {
        PyErr_Format(PyExc_TypeError, "argument should be integer or None, not '%.200s'", Py_TYPE(obj)->tp_name);
        return 0;
    }
    Py_ssize_t limit = PyNumber_AsSsize_t(obj, PyExc_OverflowError);
    if (limit == -1 && PyErr_Occurred()) return 0;
    *(Py_ssize_t *)result = limit;
    return 1;
}

int _Py_fstat_noraise(int fd, struct stat *status) { return fstat(fd, status); }

int _Py_fstat(int fd, struct stat *status) {
    if (fstat(fd, status) != 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    return 0;
}

/* A duplicate that is not inherited by child processes (PEP 446). */
int _Py_dup(int fd) {
    int fd2 = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (fd2 < 0) {
        PyErr_SetFromErrno(PyExc_OSError);
        return -1;
    }
    return fd2;
}

/* ---- time and deadlines (Python/pytime.c) ----
 * _queue converts its timeout with these; the rounding modes and the
 * error messages are CPython 3.11's. */

#define FPY_NS_PER_SEC 1000000000LL

static void time_overflow(void) {
    PyErr_SetString(PyExc_OverflowError, "timestamp too large to convert to C _PyTime_t");
}

static double time_round_double(double x, _PyTime_round_t round) {
    /* volatile: keep the compiler from using extended precision */
    volatile double d = x;
    switch (round) {
    case _PyTime_ROUND_HALF_EVEN: {
        double r = nearbyint(d); /* the default rounding mode is half-even */
        d = r;
        break;
    }
    case _PyTime_ROUND_CEILING:
        d = ceil(d);
        break;
    case _PyTime_ROUND_FLOOR:
        d = floor(d);
        break;
    default:
        d = d >= 0.0 ? ceil(d) : floor(d);
        break;
    }
    return d;
}

static int time_from_object(_PyTime_t *t, PyObject *obj, _PyTime_round_t round, long long unit_to_ns) {
    if (PyFloat_Check(obj)) {
        double d = PyFloat_AsDouble(obj);
        if (isnan(d)) {
            PyErr_SetString(PyExc_ValueError, "Invalid value NaN (not a number)");
            return -1;
        }
        d = time_round_double(d * (double)unit_to_ns, round);
        /* -(double)INT64_MIN is 2**63, the first value out of range */
        if (!((double)_PyTime_MIN <= d && d < -(double)_PyTime_MIN)) {
            time_overflow();
            return -1;
        }
        *t = (_PyTime_t)d;
        return 0;
    }
    long long sec = PyLong_AsLongLong(obj);
    if (sec == -1 && PyErr_Occurred()) {
        if (PyErr_ExceptionMatches(PyExc_OverflowError)) {
            time_overflow();
        }
        return -1;
    }
    long long ns;
    if (__builtin_mul_overflow(sec, unit_to_ns, &ns)) {
        time_overflow();
        return -1;
    }
    *t = ns;
    return 0;
}

int _PyTime_FromSecondsObject(_PyTime_t *t, PyObject *obj, _PyTime_round_t round) {
    return time_from_object(t, obj, round, FPY_NS_PER_SEC);
}

int _PyTime_FromMillisecondsObject(_PyTime_t *t, PyObject *obj, _PyTime_round_t round) {
    return time_from_object(t, obj, round, 1000 * 1000);
}

_PyTime_t _PyTime_FromSeconds(int seconds) { return (_PyTime_t)seconds * FPY_NS_PER_SEC; }

_PyTime_t _PyTime_FromNanoseconds(_PyTime_t ns) { return ns; }

double _PyTime_AsSecondsDouble(_PyTime_t t) {
    if (t % FPY_NS_PER_SEC == 0) {
        /* exact when the seconds fit a double's mantissa */
        return (double)(t / FPY_NS_PER_SEC);
    }
    return (double)t / 1e9;
}

/* t / k rounded as asked (k > 0), without overflow. */
static _PyTime_t time_divide(_PyTime_t t, _PyTime_t k, _PyTime_round_t round) {
    _PyTime_t q = t / k, r = t % k;
    if (r == 0) {
        return q;
    }
    switch (round) {
    case _PyTime_ROUND_HALF_EVEN: {
        _PyTime_t ar = r < 0 ? -r : r;
        if (ar > k / 2 || (ar == k / 2 && (q & 1))) {
            q += t >= 0 ? 1 : -1;
        }
        return q;
    }
    case _PyTime_ROUND_CEILING:
        return t >= 0 ? q + 1 : q;
    case _PyTime_ROUND_FLOOR:
        return t >= 0 ? q : q - 1;
    default: /* away from zero */
        return t >= 0 ? q + 1 : q - 1;
    }
}

_PyTime_t _PyTime_AsMilliseconds(_PyTime_t t, _PyTime_round_t round) { return time_divide(t, 1000 * 1000, round); }

_PyTime_t _PyTime_AsMicroseconds(_PyTime_t t, _PyTime_round_t round) { return time_divide(t, 1000, round); }

static _PyTime_t time_clock(clockid_t id) {
    struct timespec ts;
    if (clock_gettime(id, &ts) != 0) {
        return 0;
    }
    return (_PyTime_t)ts.tv_sec * FPY_NS_PER_SEC + ts.tv_nsec;
}

_PyTime_t _PyTime_GetSystemClock(void) { return time_clock(CLOCK_REALTIME); }

_PyTime_t _PyTime_GetMonotonicClock(void) { return time_clock(CLOCK_MONOTONIC); }

/* Saturating, as CPython's _PyTime_Add: a huge timeout is "forever". */
_PyTime_t _PyDeadline_Init(_PyTime_t timeout) {
    _PyTime_t d;
    if (__builtin_add_overflow(_PyTime_GetMonotonicClock(), timeout, &d)) {
        return timeout > 0 ? _PyTime_MAX : _PyTime_MIN;
    }
    return d;
}

_PyTime_t _PyDeadline_Get(_PyTime_t deadline) {
    _PyTime_t d;
    if (__builtin_sub_overflow(deadline, _PyTime_GetMonotonicClock(), &d)) {
        return deadline > 0 ? _PyTime_MAX : _PyTime_MIN;
    }
    return d;
}

/* CPython runs the pending calls and, on the main thread, the signal
 * handlers here; freepy has no pending-call queue of C functions, so only
 * the signals are checked (what a lock wait interrupted by EINTR needs). */
int Py_MakePendingCalls(void) { return PyErr_CheckSignals(); }
