/* PyUnicode_FromFormat(V) and PyErr_Format(V): C printf directives with
 * the l, ll and z modifiers, %c as a code point, %p, %s with a precision,
 * and the object directives %U %S %R %A %V (with a precision). CPython's
 * width on object directives and %zu/%zi/%zx-style combinations beyond
 * these are not handled yet (docs/capi.md). */
#include "shim.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
    char *buf;
    size_t len, cap;
} sbuf;

static int sb_put(sbuf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t c = (b->cap + n + 1) * 2;
        char *p = realloc(b->buf, c);
        if (p == NULL) {
            return -1;
        }
        b->buf = p;
        b->cap = c;
    }
    memcpy(b->buf + b->len, s, n);
    b->len += n;
    b->buf[b->len] = '\0';
    return 0;
}

static int sb_obj(sbuf *b, PyObject *o, int repr, Py_ssize_t prec) {
    PyObject *s = repr == 1 ? PyObject_Repr(o) : repr == 2 ? PyObject_ASCII(o) : PyObject_Str(o);
    if (s == NULL) {
        return -1;
    }
    Py_ssize_t n;
    const char *u = PyUnicode_AsUTF8AndSize(s, &n);
    int r = u == NULL ? -1 : sb_put(b, u, (size_t)(prec >= 0 && prec < n ? prec : n));
    Py_DECREF(s);
    return r;
}

PyObject *PyUnicode_FromFormatV(const char *format, va_list vargs) {
    sbuf b = {NULL, 0, 0};
    va_list ap;
    va_copy(ap, vargs);
    const char *f = format;
    int err = 0;
    while (*f && !err) {
        if (*f != '%') {
            const char *start = f;
            while (*f && *f != '%') f++;
            err = sb_put(&b, start, (size_t)(f - start));
            continue;
        }
        const char *start = f++;
        while (*f && strchr("-+ #0123456789.", *f)) f++;
        Py_ssize_t prec = -1;
        const char *dot = memchr(start, '.', (size_t)(f - start));
        if (dot) prec = strtol(dot + 1, NULL, 10);
        char lenmod[3] = {0, 0, 0};
        if (*f == 'l' || *f == 'z' || *f == 'h') {
            lenmod[0] = *f++;
            if (*f == 'l') lenmod[1] = *f++;
        }
        char spec[64];
        size_t sl = (size_t)(f - start) + 1;
        if (sl >= sizeof(spec)) { err = -1; break; }
        memcpy(spec, start, sl);
        spec[sl] = '\0';
        char tmp[128];
        switch (*f) {
        case '%': err = sb_put(&b, "%", 1); break;
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'o':
            if (lenmod[0] == 'l' && lenmod[1] == 'l') snprintf(tmp, sizeof tmp, spec, va_arg(ap, long long));
            else if (lenmod[0] == 'l') snprintf(tmp, sizeof tmp, spec, va_arg(ap, long));
            else if (lenmod[0] == 'z') snprintf(tmp, sizeof tmp, spec, va_arg(ap, Py_ssize_t));
            else snprintf(tmp, sizeof tmp, spec, va_arg(ap, int));
            err = sb_put(&b, tmp, strlen(tmp));
            break;
        case 'c': {
            int c = va_arg(ap, int);
            PyObject *ch = PyUnicode_FromOrdinal(c);
            err = ch == NULL ? -1 : sb_obj(&b, ch, 0, -1);
            Py_XDECREF(ch);
            break;
        }
        case 'p':
            snprintf(tmp, sizeof tmp, "%p", va_arg(ap, void *));
            err = sb_put(&b, tmp, strlen(tmp));
            break;
        case 's': {
            const char *s = va_arg(ap, const char *);
            size_t n = strlen(s);
            if (prec >= 0 && (size_t)prec < n) n = (size_t)prec;
            err = sb_put(&b, s, n);
            break;
        }
        case 'U': err = sb_obj(&b, va_arg(ap, PyObject *), 0, prec); break;
        case 'S': err = sb_obj(&b, va_arg(ap, PyObject *), 0, prec); break;
        case 'R': err = sb_obj(&b, va_arg(ap, PyObject *), 1, prec); break;
        case 'A': err = sb_obj(&b, va_arg(ap, PyObject *), 2, prec); break;
        case 'V': {
            PyObject *o = va_arg(ap, PyObject *);
            const char *s = va_arg(ap, const char *);
            err = o ? sb_obj(&b, o, 0, prec) : sb_put(&b, s, strlen(s));
            break;
        }
        default:
            err = sb_put(&b, start, (size_t)(f - start) + 1);
        }
        if (*f) f++;
    }
    va_end(ap);
    if (err) {
        free(b.buf);
        if (!PyErr_Occurred()) PyErr_NoMemory();
        return NULL;
    }
    PyObject *r = PyUnicode_FromStringAndSize(b.buf ? b.buf : "", (Py_ssize_t)b.len);
    free(b.buf);
    return r;
}

PyObject *PyUnicode_FromFormat(const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    PyObject *r = PyUnicode_FromFormatV(format, ap);
    va_end(ap);
    return r;
}

PyObject *PyErr_FormatV(PyObject *exc, const char *format, va_list vargs) {
    PyObject *msg = PyUnicode_FromFormatV(format, vargs);
    if (msg != NULL) {
        PyErr_SetObject(exc, msg);
        Py_DECREF(msg);
    }
    return NULL;
}

PyObject *PyErr_Format(PyObject *exc, const char *format, ...) {
    va_list ap;
    va_start(ap, format);
    PyErr_FormatV(exc, format, ap);
    va_end(ap);
    return NULL;
}
