/* CPython 3.11's _PyUnicodeWriter, the codec-error helpers and the
 * PyUnicode{En,De}codeError accessors, for the host's _multibytecodec and
 * _codecs_* modules.
 *
 * The CJK codecs write through the writer's fields with macros
 * (_PyUnicodeWriter_Prepare, then PyUnicode_WRITE(writer->kind,
 * writer->data, writer->pos, c)), so the struct has 3.11's layout and its
 * buffer is a C-born str of the writer's kind that no Go code sees until
 * _PyUnicodeWriter_Finish hands it out. The writer owns one reference to
 * its buffer. */
#include "shim.h"

/* Copy n code points, converting between kinds (the target kind is at
 * least as wide as every copied character). */
static void copy_chars(PyObject *to, Py_ssize_t to_start, PyObject *from, Py_ssize_t from_start, Py_ssize_t n) {
    int tk = PyUnicode_KIND(to), fk = PyUnicode_KIND(from);
    void *td = PyUnicode_DATA(to);
    const void *fd = PyUnicode_DATA(from);
    if (tk == fk) {
        memcpy((char *)td + to_start * tk, (const char *)fd + from_start * fk, (size_t)n * (size_t)tk);
        return;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyUnicode_WRITE(tk, td, to_start + i, PyUnicode_READ(fk, fd, from_start + i));
    }
}

static void writer_update(_PyUnicodeWriter *w) {
    w->maxchar = PyUnicode_MAX_CHAR_VALUE(w->buffer);
    w->data = PyUnicode_DATA(w->buffer);
    if (!w->readonly) {
        w->kind = PyUnicode_KIND(w->buffer);
        w->size = PyUnicode_GET_LENGTH(w->buffer);
    } else {
        /* a shared str: size 0 makes the next write copy it */
        w->kind = PyUnicode_KIND(w->buffer);
        w->size = 0;
    }
}

void _PyUnicodeWriter_Init(_PyUnicodeWriter *w) {
    memset(w, 0, sizeof(*w));
    w->min_char = 127;
    /* smaller than any real kind: the first write allocates */
    w->kind = PyUnicode_WCHAR_KIND;
}

int _PyUnicodeWriter_PrepareInternal(_PyUnicodeWriter *w, Py_ssize_t length, Py_UCS4 maxchar) {
    if (length > PY_SSIZE_T_MAX - w->pos) {
        PyErr_NoMemory();
        return -1;
    }
    Py_ssize_t newlen = w->pos + length;
    if (maxchar < w->min_char) {
        maxchar = w->min_char;
    }
    if (w->buffer != NULL && newlen <= w->size && maxchar <= w->maxchar) {
        return 0;
    }
    Py_ssize_t alloc = newlen;
    if (w->buffer != NULL && newlen <= w->size) {
        alloc = w->size; /* only widening: keep the room */
    } else if (w->overallocate && alloc <= PY_SSIZE_T_MAX - alloc / 4) {
        /* amortize writes of one character at a time */
        alloc += alloc / 4;
    }
    if (alloc < w->min_length) {
        alloc = w->min_length;
    }
    if (w->buffer != NULL && maxchar < w->maxchar) {
        maxchar = w->maxchar;
    }
    PyObject *nb = PyUnicode_New(alloc, maxchar);
    if (nb == NULL) {
        return -1;
    }
    if (w->buffer != NULL) {
        copy_chars(nb, 0, w->buffer, 0, w->pos);
        Py_DECREF(w->buffer);
    }
    w->buffer = nb;
    w->readonly = 0;
    writer_update(w);
    return 0;
}

int _PyUnicodeWriter_PrepareKindInternal(_PyUnicodeWriter *w, enum PyUnicode_Kind kind) {
    Py_UCS4 maxchar = kind == PyUnicode_1BYTE_KIND ? 0xff : kind == PyUnicode_2BYTE_KIND ? 0xffff : 0x10ffff;
    return _PyUnicodeWriter_PrepareInternal(w, 0, maxchar);
}

int _PyUnicodeWriter_WriteChar(_PyUnicodeWriter *w, Py_UCS4 ch) {
    if (ch > 0x10ffff) {
        PyErr_SetString(PyExc_ValueError, "character U+110000 is not in range [U+0000; U+10ffff]");
        return -1;
    }
    if (_PyUnicodeWriter_Prepare(w, 1, ch) < 0) {
        return -1;
    }
    PyUnicode_WRITE(w->kind, w->data, w->pos, ch);
    w->pos++;
    return 0;
}

static Py_UCS4 max_char_of(PyObject *str, Py_ssize_t start, Py_ssize_t end) {
    int kind = PyUnicode_KIND(str);
    if (kind == PyUnicode_1BYTE_KIND && PyUnicode_IS_ASCII(str)) {
        return 0x7f;
    }
    const void *d = PyUnicode_DATA(str);
    Py_UCS4 m = 0;
    for (Py_ssize_t i = start; i < end; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, d, i);
        if (c > m) {
            m = c;
        }
    }
    return m;
}

int _PyUnicodeWriter_WriteSubstring(_PyUnicodeWriter *w, PyObject *str, Py_ssize_t start, Py_ssize_t end) {
    if (start < 0 || end > PyUnicode_GET_LENGTH(str) || start > end) {
        PyErr_BadInternalCall();
        return -1;
    }
    Py_ssize_t len = end - start;
    if (len == 0) {
        return 0;
    }
    if (_PyUnicodeWriter_Prepare(w, len, max_char_of(str, start, end)) < 0) {
        return -1;
    }
    copy_chars(w->buffer, w->pos, str, start, len);
    w->pos += len;
    return 0;
}

int _PyUnicodeWriter_WriteStr(_PyUnicodeWriter *w, PyObject *str) {
    if (!PyUnicode_Check(str)) {
        PyErr_BadInternalCall();
        return -1;
    }
    Py_ssize_t len = PyUnicode_GET_LENGTH(str);
    if (len == 0) {
        return 0;
    }
    if (w->buffer == NULL && !w->overallocate) {
        /* as CPython: the first and maybe only piece is shared, not copied */
        Py_INCREF(str);
        w->buffer = str;
        w->readonly = 1;
        writer_update(w);
        w->pos += len;
        return 0;
    }
    return _PyUnicodeWriter_WriteSubstring(w, str, 0, len);
}

int _PyUnicodeWriter_WriteASCIIString(_PyUnicodeWriter *w, const char *ascii, Py_ssize_t len) {
    if (len == -1) {
        len = (Py_ssize_t)strlen(ascii);
    }
    if (len == 0) {
        return 0;
    }
    if (_PyUnicodeWriter_Prepare(w, len, 127) < 0) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < len; i++) {
        PyUnicode_WRITE(w->kind, w->data, w->pos + i, (Py_UCS1)ascii[i]);
    }
    w->pos += len;
    return 0;
}

int _PyUnicodeWriter_WriteLatin1String(_PyUnicodeWriter *w, const char *str, Py_ssize_t len) {
    if (len == 0) {
        return 0;
    }
    if (_PyUnicodeWriter_Prepare(w, len, 0xff) < 0) {
        return -1;
    }
    for (Py_ssize_t i = 0; i < len; i++) {
        PyUnicode_WRITE(w->kind, w->data, w->pos + i, (Py_UCS1)str[i]);
    }
    w->pos += len;
    return 0;
}

PyObject *_PyUnicodeWriter_Finish(_PyUnicodeWriter *w) {
    PyObject *str = w->buffer;
    w->buffer = NULL;
    if (str == NULL || w->pos == 0) {
        Py_XDECREF(str);
        return PyUnicode_New(0, 0);
    }
    if (w->readonly || PyUnicode_GET_LENGTH(str) == w->pos) {
        return str;
    }
    /* an exact-size copy of the smallest kind (a str's kind is canonical:
     * equal strings must compare equal through the macros) */
    PyObject *r = PyUnicode_New(w->pos, max_char_of(str, 0, w->pos));
    if (r != NULL) {
        copy_chars(r, 0, str, 0, w->pos);
    }
    Py_DECREF(str);
    return r;
}

void _PyUnicodeWriter_Dealloc(_PyUnicodeWriter *w) { Py_CLEAR(w->buffer); }

/* ---- codec error helpers (Python/codecs.c) ---- */

PyObject *PyCodec_LookupError(const char *name) {
    PyObject *codecs = PyImport_ImportModule("_codecs");
    if (codecs == NULL) {
        return NULL;
    }
    PyObject *r = PyObject_CallMethod(codecs, "lookup_error", "s", name != NULL ? name : "strict");
    Py_DECREF(codecs);
    return r;
}

PyObject *PyCodec_StrictErrors(PyObject *exc) {
    if (PyExceptionInstance_Check(exc)) {
        PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
    } else {
        PyErr_SetString(PyExc_TypeError, "codec must pass exception instance");
    }
    return NULL;
}

PyObject *PyImport_ImportModuleNoBlock(const char *name) { return PyImport_ImportModule(name); }

/* ---- UnicodeEncodeError / UnicodeDecodeError fields ----
 * freepy's exception objects are Go objects: the fields are attributes. */

PyObject *PyUnicodeDecodeError_Create(const char *encoding, const char *object, Py_ssize_t length,
                                      Py_ssize_t start, Py_ssize_t end, const char *reason) {
    return PyObject_CallFunction(PyExc_UnicodeDecodeError, "sy#nns", encoding, object, length, start, end, reason);
}

static int exc_set_ssize(PyObject *exc, const char *name, Py_ssize_t v) {
    PyObject *o = PyLong_FromSsize_t(v);
    if (o == NULL) {
        return -1;
    }
    int r = PyObject_SetAttrString(exc, name, o);
    Py_DECREF(o);
    return r;
}

static int exc_set_reason(PyObject *exc, const char *reason) {
    PyObject *o = PyUnicode_FromString(reason);
    if (o == NULL) {
        return -1;
    }
    int r = PyObject_SetAttrString(exc, "reason", o);
    Py_DECREF(o);
    return r;
}

/* The attribute, checked to be of type tp ("object" must be str for
 * encoding errors and bytes for decoding errors). */
static PyObject *exc_get_typed(PyObject *exc, const char *name, PyTypeObject *tp, const char *what) {
    PyObject *o = PyObject_GetAttrString(exc, name);
    if (o == NULL) {
        return NULL;
    }
    if (!PyObject_TypeCheck(o, tp)) {
        PyErr_Format(PyExc_TypeError, "%.200s attribute must be %s", name, what);
        Py_DECREF(o);
        return NULL;
    }
    return o;
}

static int exc_get_ssize(PyObject *exc, const char *name, Py_ssize_t *out) {
    PyObject *o = PyObject_GetAttrString(exc, name);
    if (o == NULL) {
        return -1;
    }
    Py_ssize_t v = PyLong_AsSsize_t(o);
    Py_DECREF(o);
    if (v == -1 && PyErr_Occurred()) {
        return -1;
    }
    *out = v;
    return 0;
}

static Py_ssize_t exc_object_len(PyObject *exc, int unicode) {
    PyObject *o = exc_get_typed(exc, "object", unicode ? &PyUnicode_Type : &PyBytes_Type,
                                unicode ? "unicode" : "bytes");
    if (o == NULL) {
        return -1;
    }
    Py_ssize_t n = unicode ? PyUnicode_GET_LENGTH(o) : PyBytes_GET_SIZE(o);
    Py_DECREF(o);
    return n;
}

/* CPython clamps start into [0, size-1] and end into [1, size]. */
static int exc_get_start(PyObject *exc, Py_ssize_t *start, int unicode) {
    Py_ssize_t n = exc_object_len(exc, unicode);
    if (n < 0 || exc_get_ssize(exc, "start", start) < 0) {
        return -1;
    }
    if (*start < 0) {
        *start = 0;
    }
    if (*start >= n) {
        *start = n == 0 ? 0 : n - 1;
    }
    return 0;
}

static int exc_get_end(PyObject *exc, Py_ssize_t *end, int unicode) {
    Py_ssize_t n = exc_object_len(exc, unicode);
    if (n < 0 || exc_get_ssize(exc, "end", end) < 0) {
        return -1;
    }
    if (*end < 1) {
        *end = 1;
    }
    if (*end > n) {
        *end = n;
    }
    return 0;
}

PyObject *PyUnicodeEncodeError_GetEncoding(PyObject *exc) {
    return exc_get_typed(exc, "encoding", &PyUnicode_Type, "a string");
}
PyObject *PyUnicodeDecodeError_GetEncoding(PyObject *exc) {
    return exc_get_typed(exc, "encoding", &PyUnicode_Type, "a string");
}
PyObject *PyUnicodeEncodeError_GetObject(PyObject *exc) {
    return exc_get_typed(exc, "object", &PyUnicode_Type, "unicode");
}
PyObject *PyUnicodeDecodeError_GetObject(PyObject *exc) {
    return exc_get_typed(exc, "object", &PyBytes_Type, "bytes");
}
int PyUnicodeEncodeError_GetStart(PyObject *exc, Py_ssize_t *start) { return exc_get_start(exc, start, 1); }
int PyUnicodeDecodeError_GetStart(PyObject *exc, Py_ssize_t *start) { return exc_get_start(exc, start, 0); }
int PyUnicodeEncodeError_GetEnd(PyObject *exc, Py_ssize_t *end) { return exc_get_end(exc, end, 1); }
int PyUnicodeDecodeError_GetEnd(PyObject *exc, Py_ssize_t *end) { return exc_get_end(exc, end, 0); }
PyObject *PyUnicodeEncodeError_GetReason(PyObject *exc) {
    return exc_get_typed(exc, "reason", &PyUnicode_Type, "a string");
}
PyObject *PyUnicodeDecodeError_GetReason(PyObject *exc) {
    return exc_get_typed(exc, "reason", &PyUnicode_Type, "a string");
}
int PyUnicodeEncodeError_SetStart(PyObject *exc, Py_ssize_t start) { return exc_set_ssize(exc, "start", start); }
int PyUnicodeDecodeError_SetStart(PyObject *exc, Py_ssize_t start) { return exc_set_ssize(exc, "start", start); }
int PyUnicodeEncodeError_SetEnd(PyObject *exc, Py_ssize_t end) { return exc_set_ssize(exc, "end", end); }
int PyUnicodeDecodeError_SetEnd(PyObject *exc, Py_ssize_t end) { return exc_set_ssize(exc, "end", end); }
int PyUnicodeEncodeError_SetReason(PyObject *exc, const char *reason) { return exc_set_reason(exc, reason); }
int PyUnicodeDecodeError_SetReason(PyObject *exc, const char *reason) { return exc_set_reason(exc, reason); }

/* ---- str helpers ---- */

void PyUnicode_Append(PyObject **pleft, PyObject *right) {
    if (*pleft == NULL) {
        return;
    }
    if (right == NULL) {
        Py_CLEAR(*pleft);
        return;
    }
    PyObject *r = PyUnicode_Concat(*pleft, right);
    Py_DECREF(*pleft);
    *pleft = r;
}

void PyUnicode_AppendAndDel(PyObject **pleft, PyObject *right) {
    PyUnicode_Append(pleft, right);
    Py_XDECREF(right);
}

PyObject *PyUnicode_Splitlines(PyObject *s, int keepends) {
    if (!PyUnicode_Check(s)) {
        PyErr_Format(PyExc_TypeError, "must be str, not %.100s", Py_TYPE(s)->tp_name);
        return NULL;
    }
    return PyObject_CallMethod(s, "splitlines", "i", keepends);
}
