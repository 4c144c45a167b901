/* Argument parsing: PyArg_ParseTuple, PyArg_ParseTupleAndKeywords,
 * PyArg_Parse, PyArg_UnpackTuple and their va_list and _SizeT variants,
 * with CPython 3.11's format units and error messages.
 *
 * PY_SSIZE_T_CLEAN is always in effect, so the _SizeT entry points (what
 * 3.11 binaries built with PY_SSIZE_T_CLEAN call) are the same functions.
 * Buffers taken for s* / y* / w* and memory allocated for es / et are
 * released again if a later argument fails (the "freelist"). */
#include "shim.h"
#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>

#define MSGLEN 256

typedef struct {
    int kind; /* 0: Py_buffer to release, 1: memory to free, 2: converter to call with NULL */
    void *p;
    int (*conv)(PyObject *, void *); /* kind 2 */
} freeitem;

typedef struct {
    freeitem items[32];
    int n;
} freelist;

static void fl_add(freelist *fl, int kind, void *p) {
    if (fl->n < 32) {
        fl->items[fl->n].kind = kind;
        fl->items[fl->n].p = p;
        fl->items[fl->n].conv = NULL;
        fl->n++;
    }
}

/* A converter that returned Py_CLEANUP_SUPPORTED is called again with NULL
 * when a later argument fails, so that what it made (PyUnicode_FSConverter's
 * bytes) is not leaked. */
static void fl_add_conv(freelist *fl, int (*conv)(PyObject *, void *), void *p) {
    if (fl->n < 32) {
        fl->items[fl->n].kind = 2;
        fl->items[fl->n].p = p;
        fl->items[fl->n].conv = conv;
        fl->n++;
    }
}

static void fpy_buffer_release(Py_buffer *view);

static int cleanreturn(int ok, freelist *fl) {
    if (!ok) {
        for (int i = 0; i < fl->n; i++) {
            if (fl->items[i].kind == 0) {
                fpy_buffer_release((Py_buffer *)fl->items[i].p);
            } else if (fl->items[i].kind == 2) {
                fl->items[i].conv(NULL, fl->items[i].p);
            } else {
                PyMem_Free(*(char **)fl->items[i].p);
                *(char **)fl->items[i].p = NULL;
            }
        }
    }
    return ok;
}

static const char *tname(PyObject *o) { return o == Py_None ? "None" : Py_TYPE(o)->tp_name; }

static const char *converterr(const char *expected, PyObject *arg, char *msgbuf, size_t bufsize) {
    if (expected[0] == '(') {
        snprintf(msgbuf, bufsize, "%.100s", expected);
    } else {
        snprintf(msgbuf, bufsize, "must be %.50s, not %.50s", expected, tname(arg));
    }
    return msgbuf;
}

#define CONV_UNICODE "(unicode conversion error)"
#define ERR_OCCURRED ((const char *)1) /* the error is already set */

/* A minimal buffer export for the formats that need one: bytes and str
 * natively, anything else through its bf_getbuffer slot. */
static int fpy_buffer_get(PyObject *obj, Py_buffer *view, int writable) {
    memset(view, 0, sizeof(*view));
    if (PyBytes_Check(obj) && !writable) {
        view->buf = PyBytes_AS_STRING(obj);
        view->len = PyBytes_GET_SIZE(obj);
        view->readonly = 1;
        view->itemsize = 1;
        view->ndim = 1;
        Py_INCREF(obj);
        view->obj = obj;
        return 0;
    }
    /* PyObject_GetBuffer, not the type's slot: Go objects (bytearray,
     * memoryview) have generic slots that only it serves for writing */
    return PyObject_GetBuffer(obj, view, writable ? PyBUF_WRITABLE : PyBUF_SIMPLE);
}

static void fpy_buffer_release(Py_buffer *view) {
    if (view->obj != NULL) {
        PyBuffer_Release(view);
    }
}

/* get_readonly: a read-only byte view of obj (bytes or a buffer exporter);
 * str is refused here (the s-family handles it first). */
static const char *get_bytes_like(PyObject *arg, const char **p, Py_ssize_t *len, const char *expected,
                                  char *msgbuf, size_t bufsize) {
    if (PyBytes_Check(arg)) {
        *p = PyBytes_AS_STRING(arg);
        *len = PyBytes_GET_SIZE(arg);
        return NULL;
    }
    Py_buffer view;
    if (PyUnicode_Check(arg) || fpy_buffer_get(arg, &view, 0) < 0) {
        PyErr_Clear();
        return converterr(expected, arg, msgbuf, bufsize);
    }
    /* a borrowed pointer into an object the caller keeps alive, as CPython
     * does for read-only buffers that need no release */
    *p = view.buf;
    *len = view.len;
    fpy_buffer_release(&view);
    return NULL;
}

/* Integer codes take floats no more (3.10 on): PyLong_AsLong's __index__
 * refuses them with CPython's message. */
static const char *convertitem(PyObject *arg, const char **p_format, va_list *p_va, int *levels,
                               char *msgbuf, size_t bufsize, freelist *fl);

/* converttuple handles "(...)". */
static const char *converttuple(PyObject *arg, const char **p_format, va_list *p_va, int *levels,
                                char *msgbuf, size_t bufsize, freelist *fl) {
    int level = 0, n = 0;
    const char *format = *p_format;
    for (;;) {
        int c = *format++;
        if (c == '(') {
            if (level == 0) n++;
            level++;
        } else if (c == ')') {
            if (level == 0) break;
            level--;
        } else if (c == ':' || c == ';' || c == '\0') {
            break;
        } else if (level == 0 && isalpha(c)) {
            n++;
        }
    }
    if (!PySequence_Check(arg) || PyBytes_Check(arg) || PyUnicode_Check(arg) || PyByteArray_Check(arg)) {
        levels[0] = 0;
        snprintf(msgbuf, bufsize, "must be %d-item sequence, not %.50s", n, tname(arg));
        return msgbuf;
    }
    Py_ssize_t len = PySequence_Size(arg);
    if (len != n) {
        levels[0] = 0;
        snprintf(msgbuf, bufsize, "must be sequence of length %d, not %zd", n, len);
        return msgbuf;
    }
    format = *p_format;
    for (int i = 0; i < n; i++) {
        PyObject *item = PySequence_GetItem(arg, i);
        if (item == NULL) {
            PyErr_Clear();
            levels[0] = i + 1;
            levels[1] = 0;
            return "is not retrievable";
        }
        const char *msg = convertitem(item, &format, p_va, levels + 1, msgbuf, bufsize, fl);
        Py_DECREF(item); /* CPython keeps the item alive through the tuple */
        if (msg != NULL) {
            levels[0] = i + 1;
            return msg;
        }
    }
    *p_format = format;
    return NULL;
}

static const char *convertsimple(PyObject *arg, const char **p_format, va_list *p_va, char *msgbuf,
                                 size_t bufsize, freelist *fl) {
    const char *format = *p_format;
    char c = *format++;
    switch (c) {
    case 'b': {
        char *p = va_arg(*p_va, char *);
        long v = PyLong_AsLong(arg);
        if (v == -1 && PyErr_Occurred()) return ERR_OCCURRED;
        if (v < 0) {
            PyErr_SetString(PyExc_OverflowError, "unsigned byte integer is less than minimum");
            return ERR_OCCURRED;
        }
        if (v > UCHAR_MAX) {
            PyErr_SetString(PyExc_OverflowError, "unsigned byte integer is greater than maximum");
            return ERR_OCCURRED;
        }
        *p = (char)v;
        break;
    }
    case 'B': {
        char *p = va_arg(*p_va, char *);
        unsigned long v = PyLong_AsUnsignedLongMask(arg);
        if (v == (unsigned long)-1 && PyErr_Occurred()) return ERR_OCCURRED;
        *p = (char)v;
        break;
    }
    case 'h': {
        short *p = va_arg(*p_va, short *);
        long v = PyLong_AsLong(arg);
        if (v == -1 && PyErr_Occurred()) return ERR_OCCURRED;
        if (v < SHRT_MIN) {
            PyErr_SetString(PyExc_OverflowError, "signed short integer is less than minimum");
            return ERR_OCCURRED;
        }
        if (v > SHRT_MAX) {
            PyErr_SetString(PyExc_OverflowError, "signed short integer is greater than maximum");
            return ERR_OCCURRED;
        }
        *p = (short)v;
        break;
    }
    case 'H': {
        unsigned short *p = va_arg(*p_va, unsigned short *);
        unsigned long v = PyLong_AsUnsignedLongMask(arg);
        if (v == (unsigned long)-1 && PyErr_Occurred()) return ERR_OCCURRED;
        *p = (unsigned short)v;
        break;
    }
    case 'i': {
        int *p = va_arg(*p_va, int *);
        long v = PyLong_AsLong(arg);
        if (v == -1 && PyErr_Occurred()) return ERR_OCCURRED;
        if (v > INT_MAX) {
            PyErr_SetString(PyExc_OverflowError, "signed integer is greater than maximum");
            return ERR_OCCURRED;
        }
        if (v < INT_MIN) {
            PyErr_SetString(PyExc_OverflowError, "signed integer is less than minimum");
            return ERR_OCCURRED;
        }
        *p = (int)v;
        break;
    }
    case 'I': {
        unsigned int *p = va_arg(*p_va, unsigned int *);
        unsigned long v = PyLong_AsUnsignedLongMask(arg);
        if (v == (unsigned long)-1 && PyErr_Occurred()) return ERR_OCCURRED;
        *p = (unsigned int)v;
        break;
    }
    case 'n': {
        Py_ssize_t *p = va_arg(*p_va, Py_ssize_t *);
        PyObject *iobj = PyNumber_Index(arg);
        Py_ssize_t v = -1;
        if (iobj != NULL) {
            v = PyLong_AsSsize_t(iobj);
            Py_DECREF(iobj);
        }
        if (v == -1 && PyErr_Occurred()) return ERR_OCCURRED;
        *p = v;
        break;
    }
    case 'l': {
        long *p = va_arg(*p_va, long *);
        long v = PyLong_AsLong(arg);
        if (v == -1 && PyErr_Occurred()) return ERR_OCCURRED;
        *p = v;
        break;
    }
    case 'k': {
        unsigned long *p = va_arg(*p_va, unsigned long *);
        if (!PyLong_Check(arg)) return converterr("int", arg, msgbuf, bufsize);
        *p = PyLong_AsUnsignedLongMask(arg);
        break;
    }
    case 'L': {
        long long *p = va_arg(*p_va, long long *);
        long long v = PyLong_AsLongLong(arg);
        if (v == -1 && PyErr_Occurred()) return ERR_OCCURRED;
        *p = v;
        break;
    }
    case 'K': {
        unsigned long long *p = va_arg(*p_va, unsigned long long *);
        if (!PyLong_Check(arg)) return converterr("int", arg, msgbuf, bufsize);
        *p = PyLong_AsUnsignedLongLongMask(arg);
        break;
    }
    case 'f': {
        float *p = va_arg(*p_va, float *);
        double v = PyFloat_AsDouble(arg);
        if (v == -1.0 && PyErr_Occurred()) return ERR_OCCURRED;
        *p = (float)v;
        break;
    }
    case 'd': {
        double *p = va_arg(*p_va, double *);
        double v = PyFloat_AsDouble(arg);
        if (v == -1.0 && PyErr_Occurred()) return ERR_OCCURRED;
        *p = v;
        break;
    }
    case 'D': {
        Py_complex *p = va_arg(*p_va, Py_complex *);
        Py_complex v = PyComplex_AsCComplex(arg);
        if (PyErr_Occurred()) return ERR_OCCURRED;
        *p = v;
        break;
    }
    case 'c': {
        char *p = va_arg(*p_va, char *);
        if (PyBytes_Check(arg) && PyBytes_GET_SIZE(arg) == 1) {
            *p = PyBytes_AS_STRING(arg)[0];
        } else if (PyByteArray_Check(arg) && PyObject_Length(arg) == 1) {
            PyObject *b = PySequence_GetItem(arg, 0);
            long v = b ? PyLong_AsLong(b) : -1;
            Py_XDECREF(b);
            if (v == -1 && PyErr_Occurred()) return ERR_OCCURRED;
            *p = (char)v;
        } else {
            return converterr("a byte string of length 1", arg, msgbuf, bufsize);
        }
        break;
    }
    case 'C': {
        int *p = va_arg(*p_va, int *);
        if (!PyUnicode_Check(arg)) return converterr("a unicode character", arg, msgbuf, bufsize);
        if (PyUnicode_GET_LENGTH(arg) != 1) {
            snprintf(msgbuf, bufsize, "must be a unicode character, not a string of length %zd",
                     PyUnicode_GET_LENGTH(arg));
            return msgbuf;
        }
        *p = (int)PyUnicode_READ_CHAR(arg, 0);
        break;
    }
    case 'p': {
        int *p = va_arg(*p_va, int *);
        int v = PyObject_IsTrue(arg);
        if (v < 0) return ERR_OCCURRED;
        *p = v;
        break;
    }
    case 'y': {
        if (*format == '*') {
            Py_buffer *view = va_arg(*p_va, Py_buffer *);
            format++;
            if (PyUnicode_Check(arg) || fpy_buffer_get(arg, view, 0) < 0) {
                PyErr_Clear();
                return converterr("a bytes-like object", arg, msgbuf, bufsize);
            }
            fl_add(fl, 0, view);
            break;
        }
        const char **p = va_arg(*p_va, const char **);
        Py_ssize_t len;
        if (*format == '#') {
            Py_ssize_t *plen = va_arg(*p_va, Py_ssize_t *);
            format++;
            const char *msg = get_bytes_like(arg, p, &len, "bytes-like object", msgbuf, bufsize);
            if (msg) return msg;
            *plen = len;
            break;
        }
        if (!PyBytes_Check(arg)) return converterr("bytes", arg, msgbuf, bufsize);
        *p = PyBytes_AS_STRING(arg);
        if (strlen(*p) != (size_t)PyBytes_GET_SIZE(arg)) {
            PyErr_SetString(PyExc_ValueError, "embedded null byte");
            return ERR_OCCURRED;
        }
        break;
    }
    case 's':
    case 'z': {
        int none_ok = c == 'z';
        if (*format == '*') {
            Py_buffer *view = va_arg(*p_va, Py_buffer *);
            format++;
            if (none_ok && arg == Py_None) {
                memset(view, 0, sizeof(*view));
            } else if (PyUnicode_Check(arg)) {
                Py_ssize_t len;
                const char *s = PyUnicode_AsUTF8AndSize(arg, &len);
                if (s == NULL) return CONV_UNICODE;
                memset(view, 0, sizeof(*view));
                view->buf = (void *)s;
                view->len = len;
                view->readonly = 1;
                view->itemsize = 1;
                view->ndim = 1;
                Py_INCREF(arg);
                view->obj = arg;
            } else if (fpy_buffer_get(arg, view, 0) < 0) {
                PyErr_Clear();
                return converterr(none_ok ? "str, bytes-like object or None" : "str or bytes-like object", arg,
                                  msgbuf, bufsize);
            }
            fl_add(fl, 0, view);
            break;
        }
        const char **p = va_arg(*p_va, const char **);
        if (*format == '#') {
            Py_ssize_t *plen = va_arg(*p_va, Py_ssize_t *);
            format++;
            if (none_ok && arg == Py_None) {
                *p = NULL;
                *plen = 0;
            } else if (PyUnicode_Check(arg)) {
                Py_ssize_t len;
                *p = PyUnicode_AsUTF8AndSize(arg, &len);
                if (*p == NULL) return CONV_UNICODE;
                *plen = len;
            } else {
                Py_ssize_t len;
                const char *msg = get_bytes_like(arg, p, &len,
                                                 none_ok ? "str, bytes-like object or None" : "str or bytes-like object",
                                                 msgbuf, bufsize);
                if (msg) return msg;
                *plen = len;
            }
            break;
        }
        if (none_ok && arg == Py_None) {
            *p = NULL;
        } else if (PyUnicode_Check(arg)) {
            Py_ssize_t len;
            *p = PyUnicode_AsUTF8AndSize(arg, &len);
            if (*p == NULL) return CONV_UNICODE;
            if ((Py_ssize_t)strlen(*p) != len) {
                PyErr_SetString(PyExc_ValueError, "embedded null character");
                return ERR_OCCURRED;
            }
        } else {
            return converterr(none_ok ? "str or None" : "str", arg, msgbuf, bufsize);
        }
        break;
    }
    case 'e': {
        /* es, et, es#, et#: encode into a new buffer (owned by the caller) */
        const char *encoding = va_arg(*p_va, const char *);
        char t = *format++; /* 's' or 't' */
        int with_len = *format == '#';
        if (with_len) format++;
        char **buffer = va_arg(*p_va, char **);
        Py_ssize_t *plen = with_len ? va_arg(*p_va, Py_ssize_t *) : NULL;
        PyObject *bytes = NULL;
        if (PyUnicode_Check(arg)) {
            PyObject *meth = PyObject_GetAttrString(arg, "encode");
            PyObject *enc = PyUnicode_FromString(encoding ? encoding : "utf-8");
            if (meth && enc) bytes = PyObject_CallOneArg(meth, enc);
            Py_XDECREF(meth);
            Py_XDECREF(enc);
            if (bytes == NULL) return CONV_UNICODE;
            if (!PyBytes_Check(bytes)) {
                Py_DECREF(bytes);
                return converterr("(encoder failed to return bytes)", arg, msgbuf, bufsize);
            }
        } else if (t == 't' && (PyBytes_Check(arg) || PyByteArray_Check(arg))) {
            bytes = PyBytes_Check(arg) ? Py_NewRef(arg) : PyObject_CallOneArg((PyObject *)&PyBytes_Type, arg);
            if (bytes == NULL) return ERR_OCCURRED;
        } else {
            return converterr(t == 't' ? "str, bytes or bytearray" : "str", arg, msgbuf, bufsize);
        }
        Py_ssize_t size = PyBytes_GET_SIZE(bytes);
        const char *data = PyBytes_AS_STRING(bytes);
        if (with_len) {
            if (*buffer == NULL) {
                *buffer = PyMem_Malloc((size_t)size + 1);
                if (*buffer == NULL) {
                    Py_DECREF(bytes);
                    PyErr_NoMemory();
                    return ERR_OCCURRED;
                }
                fl_add(fl, 1, buffer);
            } else if (size + 1 > *plen) {
                Py_DECREF(bytes);
                PyErr_Format(PyExc_ValueError, "encoded string too long (%zd, maximum length %zd)", size,
                             *plen - 1);
                return ERR_OCCURRED;
            }
            memcpy(*buffer, data, (size_t)size + 1);
            *plen = size;
        } else {
            if ((Py_ssize_t)strlen(data) != size) {
                Py_DECREF(bytes);
                PyErr_SetString(PyExc_ValueError, "embedded null byte");
                return ERR_OCCURRED;
            }
            *buffer = PyMem_Malloc((size_t)size + 1);
            if (*buffer == NULL) {
                Py_DECREF(bytes);
                PyErr_NoMemory();
                return ERR_OCCURRED;
            }
            fl_add(fl, 1, buffer);
            memcpy(*buffer, data, (size_t)size + 1);
        }
        Py_DECREF(bytes);
        break;
    }
    case 'S': {
        PyObject **p = va_arg(*p_va, PyObject **);
        if (!PyBytes_Check(arg)) return converterr("bytes", arg, msgbuf, bufsize);
        *p = arg;
        break;
    }
    case 'Y': {
        PyObject **p = va_arg(*p_va, PyObject **);
        if (!PyByteArray_Check(arg)) return converterr("bytearray", arg, msgbuf, bufsize);
        *p = arg;
        break;
    }
    case 'U': {
        PyObject **p = va_arg(*p_va, PyObject **);
        if (!PyUnicode_Check(arg)) return converterr("str", arg, msgbuf, bufsize);
        *p = arg;
        break;
    }
    case 'O': {
        if (*format == '!') {
            PyTypeObject *type = va_arg(*p_va, PyTypeObject *);
            PyObject **p = va_arg(*p_va, PyObject **);
            format++;
            if (!PyObject_TypeCheck(arg, type)) return converterr(type->tp_name, arg, msgbuf, bufsize);
            *p = arg;
        } else if (*format == '&') {
            typedef int (*converter)(PyObject *, void *);
            converter conv = va_arg(*p_va, converter);
            void *addr = va_arg(*p_va, void *);
            format++;
            int res = conv(arg, addr);
            if (!res) return ERR_OCCURRED;
            if (res == Py_CLEANUP_SUPPORTED) fl_add_conv(fl, conv, addr);
        } else {
            PyObject **p = va_arg(*p_va, PyObject **);
            *p = arg;
        }
        break;
    }
    case 'w': {
        if (*format != '*') return "(invalid use of 'w' format character)";
        Py_buffer *view = va_arg(*p_va, Py_buffer *);
        format++;
        if (fpy_buffer_get(arg, view, 1) < 0) {
            PyErr_Clear();
            return converterr("read-write bytes-like object", arg, msgbuf, bufsize);
        }
        fl_add(fl, 0, view);
        break;
    }
    default:
        snprintf(msgbuf, bufsize, "(impossible<bad format char>)");
        return msgbuf;
    }
    *p_format = format;
    return NULL;
}

static const char *convertitem(PyObject *arg, const char **p_format, va_list *p_va, int *levels,
                               char *msgbuf, size_t bufsize, freelist *fl) {
    const char *format = *p_format;
    const char *msg;
    if (*format == '(') {
        format++;
        msg = converttuple(arg, &format, p_va, levels, msgbuf, bufsize, fl);
        if (msg == NULL) format++;
    } else {
        msg = convertsimple(arg, &format, p_va, msgbuf, bufsize, fl);
        if (msg != NULL) levels[0] = 0;
    }
    if (msg == NULL) *p_format = format;
    return msg;
}

static void seterror(Py_ssize_t iarg, const char *msg, int *levels, const char *fname, const char *message) {
    char buf[512];
    char *p = buf;
    if (msg == ERR_OCCURRED || PyErr_Occurred()) {
        return;
    }
    if (message == NULL) {
        if (fname != NULL) {
            snprintf(p, sizeof(buf), "%.200s() ", fname);
            p += strlen(p);
        }
        if (iarg != 0) {
            snprintf(p, sizeof(buf) - (size_t)(p - buf), "argument %zd", iarg);
            p += strlen(p);
            for (int i = 0; i < 32 && levels[i] > 0 && (int)(p - buf) < 220; i++) {
                snprintf(p, sizeof(buf) - (size_t)(p - buf), ", item %d", levels[i] - 1);
                p += strlen(p);
            }
        } else {
            snprintf(p, sizeof(buf) - (size_t)(p - buf), "argument");
            p += strlen(p);
        }
        snprintf(p, sizeof(buf) - (size_t)(p - buf), " %.256s", msg);
        message = buf;
    }
    if (msg[0] == '(') {
        PyErr_SetString(PyExc_SystemError, message);
    } else {
        PyErr_SetString(PyExc_TypeError, message);
    }
}

/* fname and custom message after ':' and ';' */
static void format_names(const char *format, const char **fname, const char **message) {
    *fname = NULL;
    *message = NULL;
    for (const char *f = format; *f; f++) {
        if (*f == ':') {
            *fname = f + 1;
            break;
        }
        if (*f == ';') {
            *message = f + 1;
            break;
        }
    }
}

/* fname_z copies a "name" that ends the format (or a ';') into buf. */
static const char *fname_z(const char *fname, char *buf, size_t n) {
    if (fname == NULL) return NULL;
    size_t i = 0;
    while (fname[i] && fname[i] != ';' && i + 1 < n) {
        buf[i] = fname[i];
        i++;
    }
    buf[i] = '\0';
    return buf;
}

/* simple_args is PyArg_ParseTuple for the commonest formats, without the
 * general parser's set-up: only 'i', 'l', 'n', 'd' and plain 'O' units
 * (then an optional ':' or ';' part), given a tuple of the right size of
 * exact ints of up to two digits, exact floats and objects. It reports
 * whether it converted everything; if not, the general parser starts
 * over (it writes the same outputs again, then reports the error: these
 * conversions run no code and have no other effect). */
static int simple_args(PyObject *args, const char *format, va_list *p_va) {
    if (!PyTuple_Check(args)) {
        return 0;
    }
    Py_ssize_t n = PyTuple_GET_SIZE(args), i = 0;
    va_list va;
    va_copy(va, *p_va);
    int ok = 1;
    for (const char *f = format; ok && *f != '\0' && *f != ':' && *f != ';'; f++, i++) {
        if (i >= n) {
            ok = 0;
            break;
        }
        PyObject *o = PyTuple_GET_ITEM(args, i);
        long long v;
        switch (*f) {
        case 'i':
            ok = fpy_small_long_value(o, &v) && v >= INT_MIN && v <= INT_MAX;
            if (ok) {
                *va_arg(va, int *) = (int)v;
            }
            break;
        case 'l':
            /* two digits are 60 bits: they fit a long and a Py_ssize_t */
            ok = fpy_small_long_value(o, &v);
            if (ok) {
                *va_arg(va, long *) = (long)v;
            }
            break;
        case 'n':
            ok = fpy_small_long_value(o, &v);
            if (ok) {
                *va_arg(va, Py_ssize_t *) = (Py_ssize_t)v;
            }
            break;
        case 'd':
            ok = PyFloat_CheckExact(o);
            if (ok) {
                *va_arg(va, double *) = PyFloat_AS_DOUBLE(o);
            }
            break;
        case 'O':
            ok = f[1] != '!' && f[1] != '&' && f[1] != '?';
            if (ok) {
                *va_arg(va, PyObject **) = o;
            }
            break;
        default:
            ok = 0;
        }
    }
    va_end(va);
    return ok && i == n;
}

static int vgetargs1(PyObject *args, const char *format, va_list *p_va, int compat) {
    if (!compat && simple_args(args, format, p_va)) {
        return 1;
    }
    char msgbuf[MSGLEN];
    int levels[32];
    const char *fname0, *message;
    char fnbuf[210];
    int min = -1, max = 0, level = 0, endfmt = 0;
    const char *formatsave = format;
    freelist fl;
    fl.n = 0; /* items are written before they are read: no 768-byte memset per call */
    format_names(format, &fname0, &message);
    const char *fname = fname_z(fname0, fnbuf, sizeof(fnbuf));
    while (endfmt == 0) {
        int c = *format++;
        switch (c) {
        case '(':
            if (level == 0) max++;
            level++;
            if (level >= 30) Py_FatalError("too many tuple nesting levels in argument format string");
            break;
        case ')':
            if (level == 0) Py_FatalError("excess ')' in getargs format");
            level--;
            break;
        case '\0':
        case ':':
        case ';':
            endfmt = 1;
            break;
        case '|':
            if (level == 0) min = max;
            break;
        default:
            if (level == 0 && isalpha(c) && c != 'e') max++;
            break;
        }
    }
    if (level != 0) Py_FatalError("missing ')' in getargs format");
    if (min < 0) min = max;
    format = formatsave;
    if (compat) {
        if (max == 0) {
            if (args == NULL) return 1;
            PyErr_Format(PyExc_TypeError, "%.200s%s takes no arguments", fname == NULL ? "function" : fname,
                         fname == NULL ? "" : "()");
            return 0;
        } else if (min == 1 && max == 1) {
            if (args == NULL) {
                PyErr_Format(PyExc_TypeError, "%.200s%s takes at least one argument",
                             fname == NULL ? "function" : fname, fname == NULL ? "" : "()");
                return 0;
            }
            const char *msg = convertitem(args, &format, p_va, levels, msgbuf, sizeof(msgbuf), &fl);
            if (msg == NULL) return cleanreturn(1, &fl);
            seterror(0, msg, levels, fname, message);
            return cleanreturn(0, &fl);
        } else {
            PyErr_SetString(PyExc_SystemError, "old style getargs format uses new features");
            return 0;
        }
    }
    if (args == NULL || !PyTuple_Check(args)) {
        PyErr_SetString(PyExc_SystemError, "new style getargs format but argument is not a tuple");
        return 0;
    }
    Py_ssize_t len = PyTuple_GET_SIZE(args);
    if (len < min || max < len) {
        if (message == NULL) {
            PyErr_Format(PyExc_TypeError, "%.150s%s takes %s %d argument%s (%zd given)",
                         fname == NULL ? "function" : fname, fname == NULL ? "" : "()",
                         min == max ? "exactly" : len < min ? "at least" : "at most", len < min ? min : max,
                         (len < min ? min : max) == 1 ? "" : "s", len);
        } else {
            PyErr_SetString(PyExc_TypeError, message);
        }
        return cleanreturn(0, &fl);
    }
    for (Py_ssize_t i = 0; i < len; i++) {
        if (*format == '|') format++;
        const char *msg = convertitem(PyTuple_GET_ITEM(args, i), &format, p_va, levels, msgbuf, sizeof(msgbuf), &fl);
        if (msg) {
            seterror(i + 1, msg, levels, fname, message);
            return cleanreturn(0, &fl);
        }
    }
    if (*format != '\0' && !isalpha(*format) && *format != '(' && *format != '|' && *format != ':' &&
        *format != ';') {
        PyErr_Format(PyExc_SystemError, "bad format string: %.200s", formatsave);
        return cleanreturn(0, &fl);
    }
    return cleanreturn(1, &fl);
}

int PyArg_Parse(PyObject *args, const char *format, ...) {
    va_list va;
    va_start(va, format);
    int r = vgetargs1(args, format, &va, 1);
    va_end(va);
    return r;
}

int _PyArg_Parse_SizeT(PyObject *args, const char *format, ...) {
    va_list va;
    va_start(va, format);
    int r = vgetargs1(args, format, &va, 1);
    va_end(va);
    return r;
}

int PyArg_ParseTuple(PyObject *args, const char *format, ...) {
    va_list va;
    va_start(va, format);
    int r = vgetargs1(args, format, &va, 0);
    va_end(va);
    return r;
}

int _PyArg_ParseTuple_SizeT(PyObject *args, const char *format, ...) {
    va_list va;
    va_start(va, format);
    int r = vgetargs1(args, format, &va, 0);
    va_end(va);
    return r;
}

int PyArg_VaParse(PyObject *args, const char *format, va_list va) {
    va_list lva;
    va_copy(lva, va);
    int r = vgetargs1(args, format, &lva, 0);
    va_end(lva);
    return r;
}

int _PyArg_VaParse_SizeT(PyObject *args, const char *format, va_list va) {
    return PyArg_VaParse(args, format, va);
}

/* skipitem consumes one format unit's varargs without converting. */
static const char *skipitem(const char **p_format, va_list *p_va) {
    const char *format = *p_format;
    char c = *format++;
    switch (c) {
    case 'b': case 'B': case 'h': case 'H': case 'i': case 'I': case 'l': case 'k': case 'L':
    case 'K': case 'n': case 'f': case 'd': case 'D': case 'c': case 'C': case 'p': case 'S':
    case 'Y': case 'U':
        (void)va_arg(*p_va, void *);
        break;
    case 'e':
        (void)va_arg(*p_va, const char *);
        if (*format != 's' && *format != 't') return "impossible<bad format char>";
        format++;
        (void)va_arg(*p_va, char **);
        if (*format == '#') {
            (void)va_arg(*p_va, Py_ssize_t *);
            format++;
        }
        break;
    case 's': case 'z': case 'y': case 'w':
        (void)va_arg(*p_va, void *);
        if (*format == '#') {
            (void)va_arg(*p_va, Py_ssize_t *);
            format++;
        } else if (*format == '*') {
            format++;
        }
        break;
    case 'O':
        if (*format == '!' || *format == '&') {
            format++;
            (void)va_arg(*p_va, void *);
        }
        (void)va_arg(*p_va, void *);
        break;
    case '(': {
        const char *msg;
        for (;;) {
            if (*format == ')') break;
            if (*format == '\0' || *format == ';' || *format == ':') return "Unmatched left paren in format string";
            msg = skipitem(&format, p_va);
            if (msg) return msg;
        }
        format++;
        break;
    }
    case ')':
        return "Unmatched right paren in format string";
    default:
        return "impossible<bad format char>";
    }
    *p_format = format;
    return NULL;
}

static int vgetargskeywords(PyObject *args, PyObject *kwargs, const char *format, char **kwlist, va_list *p_va) {
    char msgbuf[512];
    int levels[32];
    const char *fname0, *custom_msg;
    char fnbuf[210];
    int min = INT_MAX, max = INT_MAX;
    int i, pos, len;
    int skip = 0;
    Py_ssize_t nargs, nkwargs;
    freelist fl;
    fl.n = 0; /* items are written before they are read: no 768-byte memset per call */
    if (args == NULL || !PyTuple_Check(args) || (kwargs != NULL && !PyDict_Check(kwargs)) || format == NULL ||
        kwlist == NULL) {
        PyErr_BadInternalCall();
        return 0;
    }
    format_names(format, &fname0, &custom_msg);
    const char *fname = fname_z(fname0, fnbuf, sizeof(fnbuf));
    for (pos = 0; kwlist[pos] && !*kwlist[pos]; pos++) {
    }
    for (len = pos; kwlist[len]; len++) {
        if (!*kwlist[len]) {
            PyErr_SetString(PyExc_SystemError, "Empty keyword parameter name");
            return 0;
        }
    }
    nargs = PyTuple_GET_SIZE(args);
    nkwargs = kwargs == NULL ? 0 : PyDict_GET_SIZE(kwargs);
    if (nargs + nkwargs > len) {
        PyErr_Format(PyExc_TypeError, "%.200s%s takes at most %d %sargument%s (%zd given)",
                     fname == NULL ? "function" : fname, fname == NULL ? "" : "()", len,
                     nargs == 0 ? "keyword " : "", len == 1 ? "" : "s", nargs + nkwargs);
        return 0;
    }
    for (i = 0; i < len; i++) {
        if (*format == '|') {
            if (min != INT_MAX) {
                PyErr_SetString(PyExc_SystemError, "Invalid format string (| specified twice)");
                return cleanreturn(0, &fl);
            }
            min = i;
            format++;
            if (max != INT_MAX) {
                PyErr_SetString(PyExc_SystemError, "Invalid format string ($ before |)");
                return cleanreturn(0, &fl);
            }
        }
        if (*format == '$') {
            if (max != INT_MAX) {
                PyErr_SetString(PyExc_SystemError, "Invalid format string ($ specified twice)");
                return cleanreturn(0, &fl);
            }
            max = i;
            format++;
            if (max < pos) {
                PyErr_SetString(PyExc_SystemError, "Empty parameter name after $");
                return cleanreturn(0, &fl);
            }
            if (skip) {
                /* reported after the loop */
                break;
            }
            if (max < nargs) {
                if (max == 0) {
                    PyErr_Format(PyExc_TypeError, "%.200s%s takes no positional arguments",
                                 fname == NULL ? "function" : fname, fname == NULL ? "" : "()");
                } else {
                    PyErr_Format(PyExc_TypeError, "%.200s%s takes %s %d positional argument%s (%zd given)",
                                 fname == NULL ? "function" : fname, fname == NULL ? "" : "()",
                                 min != INT_MAX ? "at most" : "exactly", max, max == 1 ? "" : "s", nargs);
                }
                return cleanreturn(0, &fl);
            }
        }
        if (*format == '\0' || *format == ':' || *format == ';') {
            if (min == INT_MAX && max == INT_MAX) {
                PyErr_Format(PyExc_SystemError, "More keyword list entries (%d) than format specifiers (%d)",
                             len, i);
            } else {
                PyErr_SetString(PyExc_SystemError, "More keyword list entries than format specifiers");
            }
            return cleanreturn(0, &fl);
        }
        if (!skip) {
            PyObject *current_arg;
            if (i < nargs) {
                current_arg = PyTuple_GET_ITEM(args, i);
            } else if (nkwargs && i >= pos) {
                current_arg = PyDict_GetItemString(kwargs, kwlist[i]);
                if (current_arg) --nkwargs;
            } else {
                current_arg = NULL;
            }
            if (current_arg) {
                const char *msg = convertitem(current_arg, &format, p_va, levels, msgbuf, sizeof(msgbuf), &fl);
                if (msg) {
                    seterror(i + 1, msg, levels, fname, custom_msg);
                    return cleanreturn(0, &fl);
                }
                continue;
            }
            if (i < min) {
                if (i < pos) {
                    skip = 1;
                } else {
                    PyErr_Format(PyExc_TypeError, "%.200s%s missing required argument '%s' (pos %d)",
                                 fname == NULL ? "function" : fname, fname == NULL ? "" : "()", kwlist[i], i + 1);
                    return cleanreturn(0, &fl);
                }
            }
            if (!nkwargs && !skip) {
                return cleanreturn(1, &fl);
            }
        }
        const char *msg = skipitem(&format, p_va);
        if (msg) {
            PyErr_Format(PyExc_SystemError, "%s: '%s'", msg, format);
            return cleanreturn(0, &fl);
        }
    }
    if (skip) {
        int m = pos < min ? pos : min;
        PyErr_Format(PyExc_TypeError, "%.200s%s takes %s %d positional argument%s (%zd given)",
                     fname == NULL ? "function" : fname, fname == NULL ? "" : "()", m < i ? "at least" : "exactly",
                     m, m == 1 ? "" : "s", nargs);
        return cleanreturn(0, &fl);
    }
    if (*format != '\0' && *format != ':' && *format != ';' && *format != '|' && *format != '$') {
        PyErr_Format(PyExc_SystemError,
                     "more argument specifiers than keyword list entries (remaining format:'%s')", format);
        return cleanreturn(0, &fl);
    }
    if (nkwargs > 0) {
        for (i = pos; i < nargs; i++) {
            if (PyDict_GetItemString(kwargs, kwlist[i])) {
                PyErr_Format(PyExc_TypeError, "argument for %.200s%s given by name ('%s') and position (%d)",
                             fname == NULL ? "function" : fname, fname == NULL ? "" : "()", kwlist[i], i + 1);
                return cleanreturn(0, &fl);
            }
        }
        Py_ssize_t j = 0;
        PyObject *key, *value;
        while (PyDict_Next(kwargs, &j, &key, &value)) {
            int match = 0;
            if (!PyUnicode_Check(key)) {
                PyErr_SetString(PyExc_TypeError, "keywords must be strings");
                return cleanreturn(0, &fl);
            }
            const char *k = PyUnicode_AsUTF8(key);
            for (i = pos; i < len; i++) {
                if (k != NULL && strcmp(k, kwlist[i]) == 0) {
                    match = 1;
                    break;
                }
            }
            if (!match) {
                PyErr_Format(PyExc_TypeError, "'%U' is an invalid keyword argument for %.200s%s", key,
                             fname == NULL ? "this function" : fname, fname == NULL ? "" : "()");
                return cleanreturn(0, &fl);
            }
        }
    }
    return cleanreturn(1, &fl);
}

int PyArg_ParseTupleAndKeywords(PyObject *args, PyObject *kw, const char *format, char **kwlist, ...) {
    va_list va;
    va_start(va, kwlist);
    int r = vgetargskeywords(args, kw, format, kwlist, &va);
    va_end(va);
    return r;
}

int _PyArg_ParseTupleAndKeywords_SizeT(PyObject *args, PyObject *kw, const char *format, char **kwlist, ...) {
    va_list va;
    va_start(va, kwlist);
    int r = vgetargskeywords(args, kw, format, kwlist, &va);
    va_end(va);
    return r;
}

int PyArg_VaParseTupleAndKeywords(PyObject *args, PyObject *kw, const char *format, char **kwlist, va_list va) {
    va_list lva;
    va_copy(lva, va);
    int r = vgetargskeywords(args, kw, format, kwlist, &lva);
    va_end(lva);
    return r;
}

int _PyArg_VaParseTupleAndKeywords_SizeT(PyObject *args, PyObject *kw, const char *format, char **kwlist,
                                          va_list va) {
    return PyArg_VaParseTupleAndKeywords(args, kw, format, kwlist, va);
}

int PyArg_ValidateKeywordArguments(PyObject *kwargs) {
    if (!PyDict_Check(kwargs)) {
        PyErr_BadInternalCall();
        return 0;
    }
    Py_ssize_t pos = 0;
    PyObject *k, *v;
    while (PyDict_Next(kwargs, &pos, &k, &v)) {
        if (!PyUnicode_Check(k)) {
            PyErr_SetString(PyExc_TypeError, "keywords must be strings");
            return 0;
        }
    }
    return 1;
}

int PyArg_UnpackTuple(PyObject *args, const char *name, Py_ssize_t min, Py_ssize_t max, ...) {
    if (!PyTuple_Check(args)) {
        PyErr_SetString(PyExc_SystemError, "PyArg_UnpackTuple() argument list is not a tuple");
        return 0;
    }
    Py_ssize_t l = PyTuple_GET_SIZE(args);
    if (l < min) {
        if (name != NULL) {
            PyErr_Format(PyExc_TypeError, "%.200s expected %s%zd argument%s, got %zd", name,
                         min == max ? "" : "at least ", min, min == 1 ? "" : "s", l);
        } else {
            PyErr_Format(PyExc_TypeError, "unpacked tuple should have %s%zd element%s, but has %zd",
                         min == max ? "" : "at least ", min, min == 1 ? "" : "s", l);
        }
        return 0;
    }
    if (l == 0) {
        return 1;
    }
    if (l > max) {
        if (name != NULL) {
            PyErr_Format(PyExc_TypeError, "%.200s expected %s%zd argument%s, got %zd", name,
                         min == max ? "" : "at most ", max, max == 1 ? "" : "s", l);
        } else {
            PyErr_Format(PyExc_TypeError, "unpacked tuple should have %s%zd element%s, but has %zd",
                         min == max ? "" : "at most ", max, max == 1 ? "" : "s", l);
        }
        return 0;
    }
    va_list vargs;
    va_start(vargs, max);
    for (Py_ssize_t i = 0; i < l; i++) {
        PyObject **o = va_arg(vargs, PyObject **);
        *o = PyTuple_GET_ITEM(args, i);
    }
    va_end(vargs);
    return 1;
}

int _PyArg_NoKeywords(const char *funcname, PyObject *kwargs) {
    if (kwargs == NULL) return 1;
    if (!PyDict_Check(kwargs)) {
        PyErr_BadInternalCall();
        return 0;
    }
    if (PyDict_GET_SIZE(kwargs) == 0) return 1;
    PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments", funcname);
    return 0;
}

int _PyArg_NoPositional(const char *funcname, PyObject *args) {
    if (args == NULL) return 1;
    if (!PyTuple_Check(args)) {
        PyErr_BadInternalCall();
        return 0;
    }
    if (PyTuple_GET_SIZE(args) == 0) return 1;
    PyErr_Format(PyExc_TypeError, "%.200s() takes no positional arguments", funcname);
    return 0;
}

int _PyArg_CheckPositional(const char *name, Py_ssize_t nargs, Py_ssize_t min, Py_ssize_t max) {
    if (nargs < min) {
        if (name != NULL) {
            PyErr_Format(PyExc_TypeError, "%.200s expected %s%zd argument%s, got %zd", name,
                         min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        } else {
            PyErr_Format(PyExc_TypeError, "unpacked tuple should have %s%zd element%s, but has %zd",
                         min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        }
        return 0;
    }
    if (nargs > max) {
        if (name != NULL) {
            PyErr_Format(PyExc_TypeError, "%.200s expected %s%zd argument%s, got %zd", name,
                         min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        } else {
            PyErr_Format(PyExc_TypeError, "unpacked tuple should have %s%zd element%s, but has %zd",
                         min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        }
        return 0;
    }
    return 1;
}

void _PyArg_BadArgument(const char *fname, const char *displayname, const char *expected, PyObject *arg) {
    PyErr_Format(PyExc_TypeError, "%.200s() %.200s must be %.50s, not %.50s", fname, displayname, expected,
                 tname(arg));
}

/* _PyArg_ParseStack{,_SizeT}: Argument Clinic's METH_FASTCALL form of
 * PyArg_ParseTuple. The arguments are packed into a tuple that only lives
 * for the parse: "O" results are borrowed from the caller's stack, which
 * outlives the call, and the other formats point into those same objects. */
static int vgetargs_stack(PyObject *const *args, Py_ssize_t nargs, const char *format, va_list *p_va) {
    PyObject *tup = PyTuple_New(nargs);
    if (tup == NULL) return 0;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        Py_INCREF(args[i]);
        PyTuple_SET_ITEM(tup, i, args[i]);
    }
    int r = vgetargs1(tup, format, p_va, 0);
    Py_DECREF(tup);
    return r;
}

int _PyArg_ParseStack(PyObject *const *args, Py_ssize_t nargs, const char *format, ...) {
    va_list va;
    va_start(va, format);
    int r = vgetargs_stack(args, nargs, format, &va);
    va_end(va);
    return r;
}

int _PyArg_ParseStack_SizeT(PyObject *const *args, Py_ssize_t nargs, const char *format, ...) {
    va_list va;
    va_start(va, format);
    int r = vgetargs_stack(args, nargs, format, &va);
    va_end(va);
    return r;
}

/* _PyArg_ParseStackAndKeywords{,_SizeT}: Argument Clinic's METH_FASTCALL |
 * METH_KEYWORDS form of PyArg_ParseTupleAndKeywords, with the format and
 * names in a static _PyArg_Parser. The vectorcall arguments are gathered
 * into a tuple and a dict that live for the parse only ("O" results are
 * borrowed from the caller's arguments, which outlive the call). */
static int vgetargs_stack_kw(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames, struct _PyArg_Parser *parser,
                             va_list *p_va) {
    if (parser == NULL || parser->format == NULL || parser->keywords == NULL) {
        PyErr_BadInternalCall();
        return 0;
    }
    PyObject *tup = PyTuple_New(nargs);
    if (tup == NULL) return 0;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        Py_INCREF(args[i]);
        PyTuple_SET_ITEM(tup, i, args[i]);
    }
    PyObject *kw = NULL;
    Py_ssize_t nkw = kwnames == NULL ? 0 : PyTuple_GET_SIZE(kwnames);
    if (nkw > 0) {
        kw = PyDict_New();
        for (Py_ssize_t i = 0; kw != NULL && i < nkw; i++) {
            if (PyDict_SetItem(kw, PyTuple_GET_ITEM(kwnames, i), args[nargs + i]) < 0) {
                Py_CLEAR(kw);
            }
        }
        if (kw == NULL) {
            Py_DECREF(tup);
            return 0;
        }
    }
    /* vgetargskeywords never writes through kwlist */
    int r = vgetargskeywords(tup, kw, parser->format, (char **)parser->keywords, p_va);
    Py_XDECREF(kw);
    Py_DECREF(tup);
    return r;
}

int _PyArg_ParseStackAndKeywords(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                                 struct _PyArg_Parser *parser, ...) {
    va_list va;
    va_start(va, parser);
    int r = vgetargs_stack_kw(args, nargs, kwnames, parser, &va);
    va_end(va);
    return r;
}

int _PyArg_ParseStackAndKeywords_SizeT(PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames,
                                       struct _PyArg_Parser *parser, ...) {
    va_list va;
    va_start(va, parser);
    int r = vgetargs_stack_kw(args, nargs, kwnames, parser, &va);
    va_end(va);
    return r;
}
