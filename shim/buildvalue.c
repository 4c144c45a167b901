/* Building values: Py_BuildValue and its variants, PyTuple_Pack, and the
 * format-driven calls PyObject_CallFunction / PyObject_CallMethod and the
 * ...ObjArgs forms. '#' lengths are Py_ssize_t (PY_SSIZE_T_CLEAN). */
#include "shim.h"
#include <stdarg.h>
#include <wchar.h>

static PyObject *mkvalue(const char **p_format, va_list *p_va);

/* Py_BuildValue reads its format once, item by item: it does not count a
 * level's items first (counting went over the rest of the format once per
 * nesting level, on every call). A level's items are collected in an
 * itembuf, then moved into their tuple or list. */
typedef struct itembuf {
    PyObject *stack[8];
    PyObject **items;
    Py_ssize_t n, cap;
} itembuf;

static void skip_separators(const char **p_format) {
    for (;;) {
        switch (**p_format) {
        case ',': case ':': case ' ': case '\t':
            ++*p_format;
            continue;
        default:
            return;
        }
    }
}

static int is_close(char c) { return c == ')' || c == ']' || c == '}'; }

/* level_end moves to a level's next value; it reports 1 at the level's
 * end (endchar consumed, unless it is '\0') and at a format error
 * (*failed set, and the error unless one was set already), never moving
 * past the end: mkvalue would step over the NUL. */
static int level_end(const char **p_format, char endchar, int *failed) {
    skip_separators(p_format);
    char c = **p_format;
    if (c == endchar) {
        if (endchar != '\0') {
            ++*p_format;
        }
        return 1;
    }
    if (c == '\0' || is_close(c)) {
        if (!*failed) {
            PyErr_SetString(PyExc_SystemError, "unmatched paren in format");
        }
        *failed = 1;
        return 1;
    }
    return 0;
}

static void itembuf_clear(itembuf *b) {
    for (Py_ssize_t i = 0; i < b->n; i++) {
        Py_DECREF(b->items[i]);
    }
    if (b->items != b->stack) {
        PyMem_Free(b->items);
    }
}

/* collect builds the values up to endchar (which it consumes, unless it is
 * '\0') into b; it returns 0, or -1 with an error set and b empty. After a
 * value fails the rest of the level is still built and dropped, so that
 * every vararg is consumed (CPython does so too, to release 'N'
 * arguments). */
static int collect(const char **p_format, va_list *p_va, char endchar, itembuf *b) {
    b->items = b->stack;
    b->n = 0;
    b->cap = (Py_ssize_t)(sizeof(b->stack) / sizeof(b->stack[0]));
    int failed = 0;
    while (!level_end(p_format, endchar, &failed)) {
        PyObject *w = mkvalue(p_format, p_va);
        if (w == NULL) {
            failed = 1;
            continue;
        }
        if (failed) {
            Py_DECREF(w);
            continue;
        }
        if (b->n == b->cap) {
            PyObject **grown = PyMem_Malloc((size_t)b->cap * 2 * sizeof(PyObject *));
            if (grown == NULL) {
                Py_DECREF(w);
                PyErr_NoMemory();
                failed = 1;
                continue;
            }
            memcpy(grown, b->items, (size_t)b->n * sizeof(PyObject *));
            if (b->items != b->stack) {
                PyMem_Free(b->items);
            }
            b->items = grown;
            b->cap *= 2;
        }
        b->items[b->n++] = w;
    }
    if (failed) {
        itembuf_clear(b);
        b->n = 0;
        return -1;
    }
    return 0;
}

/* to_sequence moves b's values into a new tuple (a list if list is set). */
static PyObject *to_sequence(itembuf *b, int list) {
    PyObject *r = list ? PyList_New(b->n) : PyTuple_New(b->n);
    if (r == NULL) {
        itembuf_clear(b);
        return NULL;
    }
    for (Py_ssize_t i = 0; i < b->n; i++) {
        if (list) {
            PyList_SET_ITEM(r, i, b->items[i]);
        } else {
            PyTuple_SET_ITEM(r, i, b->items[i]);
        }
    }
    if (b->items != b->stack) {
        PyMem_Free(b->items);
    }
    return r;
}

static PyObject *do_sequence(const char **p_format, va_list *p_va, char endchar, int list) {
    itembuf b;
    if (collect(p_format, p_va, endchar, &b) < 0) {
        return NULL;
    }
    return to_sequence(&b, list);
}

static PyObject *do_dict(const char **p_format, va_list *p_va) {
    /* pair by pair, with no tuple in between; after an error the rest of
     * the varargs are still consumed, as collect does */
    PyObject *d = PyDict_New();
    int failed = d == NULL;
    while (!level_end(p_format, '}', &failed)) {
        PyObject *k = mkvalue(p_format, p_va);
        skip_separators(p_format);
        char c = **p_format;
        if (c == '\0' || is_close(c)) {
            /* a key without a value */
            Py_XDECREF(k);
            if (!failed) {
                PyErr_SetString(PyExc_SystemError, "Bad dict format");
            }
            failed = 1;
            if (c == '}') {
                ++*p_format;
            }
            break;
        }
        PyObject *v = mkvalue(p_format, p_va);
        if (!failed && (k == NULL || v == NULL || PyDict_SetItem(d, k, v) < 0)) {
            failed = 1;
        }
        Py_XDECREF(k);
        Py_XDECREF(v);
    }
    if (failed) {
        Py_XDECREF(d);
        return NULL;
    }
    return d;
}

static PyObject *from_wide(const wchar_t *u, Py_ssize_t n) {
    if (n < 0) {
        n = (Py_ssize_t)wcslen(u);
    }
    Py_UCS4 *buf = PyMem_Malloc((size_t)(n > 0 ? n : 1) * sizeof(Py_UCS4));
    if (buf == NULL) {
        return PyErr_NoMemory();
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        buf[i] = (Py_UCS4)u[i];
    }
    PyObject *r = PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, buf, n);
    PyMem_Free(buf);
    return r;
}

static PyObject *mkvalue(const char **p_format, va_list *p_va) {
    for (;;) {
        switch (*(*p_format)++) {
        case '(':
            return do_sequence(p_format, p_va, ')', 0);
        case '[':
            return do_sequence(p_format, p_va, ']', 1);
        case '{':
            return do_dict(p_format, p_va);
        case 'b': case 'B': case 'h': case 'i':
            return PyLong_FromLong((long)va_arg(*p_va, int));
        case 'H':
            return PyLong_FromLong((long)(unsigned short)va_arg(*p_va, int));
        case 'I':
            return PyLong_FromUnsignedLong((unsigned long)va_arg(*p_va, unsigned int));
        case 'n':
            return PyLong_FromSsize_t(va_arg(*p_va, Py_ssize_t));
        case 'l':
            return PyLong_FromLong(va_arg(*p_va, long));
        case 'k':
            return PyLong_FromUnsignedLong(va_arg(*p_va, unsigned long));
        case 'L':
            return PyLong_FromLongLong(va_arg(*p_va, long long));
        case 'K':
            return PyLong_FromUnsignedLongLong(va_arg(*p_va, unsigned long long));
        case 'u': {
            const wchar_t *u = va_arg(*p_va, const wchar_t *);
            Py_ssize_t n = -1;
            if (**p_format == '#') {
                ++*p_format;
                n = va_arg(*p_va, Py_ssize_t);
            }
            if (u == NULL) {
                Py_RETURN_NONE;
            }
            return from_wide(u, n);
        }
        case 'f': case 'd':
            return PyFloat_FromDouble(va_arg(*p_va, double));
        case 'D':
            return PyComplex_FromCComplex(*va_arg(*p_va, Py_complex *));
        case 'c': {
            char c = (char)va_arg(*p_va, int);
            return PyBytes_FromStringAndSize(&c, 1);
        }
        case 'C':
            return PyUnicode_FromOrdinal(va_arg(*p_va, int));
        case 's': case 'z': case 'U': case 'y': {
            char kind = (*p_format)[-1];
            const char *str = va_arg(*p_va, const char *);
            Py_ssize_t n = -1;
            if (**p_format == '#') {
                ++*p_format;
                n = va_arg(*p_va, Py_ssize_t);
            }
            if (str == NULL) {
                Py_RETURN_NONE;
            }
            if (n < 0) {
                n = (Py_ssize_t)strlen(str);
            }
            if (kind == 'y') {
                return PyBytes_FromStringAndSize(str, n);
            }
            return PyUnicode_FromStringAndSize(str, n);
        }
        case 'N': case 'S': case 'O': {
            char kind = (*p_format)[-1];
            if (**p_format == '&') {
                typedef PyObject *(*converter)(void *);
                converter func = va_arg(*p_va, converter);
                void *arg = va_arg(*p_va, void *);
                ++*p_format;
                return func(arg);
            }
            PyObject *v = va_arg(*p_va, PyObject *);
            if (v != NULL) {
                if (kind != 'N') {
                    Py_INCREF(v);
                }
            } else if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_SystemError, "NULL object passed to Py_BuildValue");
            }
            return v;
        }
        case ':': case ',': case ' ': case '\t':
            break;
        default:
            PyErr_SetString(PyExc_SystemError, "bad format char passed to Py_BuildValue");
            return NULL;
        }
    }
}

/* ---- compiled formats -------------------------------------------------
 * Extensions pass Py_BuildValue the same literal format on every call. A
 * format made only of the units below is translated once into a short
 * program, kept in a per-OS-thread direct-mapped cache keyed by the
 * format's address and checked by content (strcmp: a format written into
 * a reused buffer is never taken for another). The program builds the
 * value without reading the format again: the size of every tuple and
 * list is known in advance, so each is allocated at its size and filled
 * in place, with no item buffer. Anything else ('#', '&', 'N', 'u', 'D',
 * 'c', 'C', a format error, nesting deeper than BV_DEPTH, a format longer
 * than BV_FMT_MAX - 1) takes the general path above, which also reports
 * the errors; 'N' is left to it because after a failure it must still
 * release the references of the 'N' arguments not yet reached. */

enum {
    BV_INT = 1, /* b B h i */
    BV_USHORT,  /* H */
    BV_UINT,    /* I */
    BV_SSIZE,   /* n */
    BV_LONG,    /* l */
    BV_ULONG,   /* k */
    BV_LLONG,   /* L */
    BV_ULLONG,  /* K */
    BV_DOUBLE,  /* f d */
    BV_STR,     /* s z U */
    BV_BYTES,   /* y */
    BV_OBJ,     /* O S */
    BV_TUPLE,   /* ( and the tuple's size in the next byte */
    BV_LIST,    /* [ and its size */
    BV_DICT,    /* { and its number of keys and values */
    BV_CLOSE,   /* ) ] } */
};

#define BV_FMT_MAX 32
#define BV_PROG_MAX 48
#define BV_DEPTH 8
#define BV_CACHE 16

typedef struct bv_entry {
    const char *fmt;          /* the format's address; NULL: an empty slot */
    char text[BV_FMT_MAX];    /* its contents */
    unsigned char ok;         /* 1: prog is the format's program */
    unsigned char top;        /* number of top-level values */
    unsigned char len;        /* program length */
    unsigned char prog[BV_PROG_MAX];
} bv_entry;

/* Only the OS thread's own C code uses its cache, and a program is copied
 * out before it runs: a callback into Go that builds a value again on this
 * thread may replace the entry. */
static __thread bv_entry bv_cache[BV_CACHE];

static unsigned char bv_unit(char c) {
    switch (c) {
    case 'b': case 'B': case 'h': case 'i': return BV_INT;
    case 'H': return BV_USHORT;
    case 'I': return BV_UINT;
    case 'n': return BV_SSIZE;
    case 'l': return BV_LONG;
    case 'k': return BV_ULONG;
    case 'L': return BV_LLONG;
    case 'K': return BV_ULLONG;
    case 'f': case 'd': return BV_DOUBLE;
    case 's': case 'z': case 'U': return BV_STR;
    case 'y': return BV_BYTES;
    case 'O': case 'S': return BV_OBJ;
    default: return 0;
    }
}

/* bv_compile translates format into e's program; 0 if it cannot. Out of
 * line and cold: it runs once per format and thread, and inlined into
 * va_build_value it spread the hot path over more instruction cache
 * lines (branch capi14). */
static __attribute__((noinline, cold)) int bv_compile(const char *format, bv_entry *e) {
    int counts[BV_DEPTH + 1], sizepos[BV_DEPTH];
    char closer[BV_DEPTH];
    int depth = 0, n = 0;
    counts[0] = 0;
    for (const char *f = format; *f != '\0'; f++) {
        char c = *f;
        switch (c) {
        case ',': case ':': case ' ': case '\t':
            continue;
        case '(': case '[': case '{':
            if (depth == BV_DEPTH || n + 2 > BV_PROG_MAX) {
                return 0;
            }
            counts[depth]++;
            e->prog[n++] = c == '(' ? BV_TUPLE : c == '[' ? BV_LIST : BV_DICT;
            sizepos[depth] = n++;
            closer[depth] = c == '(' ? ')' : c == '[' ? ']' : '}';
            counts[++depth] = 0;
            continue;
        case ')': case ']': case '}':
            if (depth == 0 || closer[depth - 1] != c || counts[depth] > 255 ||
                (c == '}' && counts[depth] % 2 != 0) || n + 1 > BV_PROG_MAX) {
                return 0;
            }
            e->prog[sizepos[depth - 1]] = (unsigned char)counts[depth];
            depth--;
            e->prog[n++] = BV_CLOSE;
            continue;
        }
        unsigned char op = bv_unit(c);
        if (op == 0 || f[1] == '#' || f[1] == '&' || n + 1 > BV_PROG_MAX) {
            return 0;
        }
        counts[depth]++;
        e->prog[n++] = op;
    }
    if (depth != 0 || counts[0] > 255) {
        return 0;
    }
    e->top = (unsigned char)counts[0];
    e->len = (unsigned char)n;
    return 1;
}

typedef struct bv_level {
    PyObject *c;      /* the open container */
    PyObject *key;    /* a dict's key waiting for its value */
    Py_ssize_t i;     /* next item of a tuple or list */
    unsigned char op; /* BV_TUPLE, BV_LIST or BV_DICT */
} bv_level;

/* bv_run builds the value of a compiled format. Containers go into their
 * parent when they close, so after a failure the open ones are all that
 * is left to release. */
static PyObject *bv_run(const unsigned char *prog, int len, int top, va_list *va) {
    bv_level st[BV_DEPTH + 1];
    int d = 0;
    PyObject *result = NULL;
    if (top == 0) {
        Py_RETURN_NONE;
    }
    if (top > 1) {
        st[0].c = PyTuple_New(top);
        if (st[0].c == NULL) {
            return NULL;
        }
        st[0].key = NULL;
        st[0].i = 0;
        st[0].op = BV_TUPLE;
        d = 1;
    }
    for (int pc = 0; pc < len; pc++) {
        PyObject *v;
        unsigned char op = prog[pc];
        switch (op) {
        case BV_INT: v = PyLong_FromLong((long)va_arg(*va, int)); break;
        case BV_USHORT: v = PyLong_FromLong((long)(unsigned short)va_arg(*va, int)); break;
        case BV_UINT: v = PyLong_FromUnsignedLong((unsigned long)va_arg(*va, unsigned int)); break;
        case BV_SSIZE: v = PyLong_FromSsize_t(va_arg(*va, Py_ssize_t)); break;
        case BV_LONG: v = PyLong_FromLong(va_arg(*va, long)); break;
        case BV_ULONG: v = PyLong_FromUnsignedLong(va_arg(*va, unsigned long)); break;
        case BV_LLONG: v = PyLong_FromLongLong(va_arg(*va, long long)); break;
        case BV_ULLONG: v = PyLong_FromUnsignedLongLong(va_arg(*va, unsigned long long)); break;
        case BV_DOUBLE: v = PyFloat_FromDouble(va_arg(*va, double)); break;
        case BV_STR: case BV_BYTES: {
            const char *str = va_arg(*va, const char *);
            if (str == NULL) {
                v = Py_NewRef(Py_None);
            } else if (op == BV_STR) {
                /* a key of one ASCII character (or none) is a shared str:
                 * no strlen, no decoder (branch capi14) */
                v = str[0] == '\0' || str[1] == '\0' ? fpy_shared_str_of(str, str[0] != '\0') : NULL;
                if (v == NULL) {
                    v = PyUnicode_FromStringAndSize(str, (Py_ssize_t)strlen(str));
                }
            } else {
                v = PyBytes_FromStringAndSize(str, (Py_ssize_t)strlen(str));
            }
            break;
        }
        case BV_OBJ:
            v = va_arg(*va, PyObject *);
            if (v != NULL) {
                Py_INCREF(v);
            } else if (!PyErr_Occurred()) {
                PyErr_SetString(PyExc_SystemError, "NULL object passed to Py_BuildValue");
            }
            break;
        case BV_TUPLE: case BV_LIST: case BV_DICT: {
            int size = prog[++pc];
            PyObject *c = op == BV_TUPLE ? PyTuple_New(size) : op == BV_LIST ? PyList_New(size) : PyDict_New();
            if (c == NULL) {
                goto fail;
            }
            st[d].c = c;
            st[d].key = NULL;
            st[d].i = 0;
            st[d].op = op;
            d++;
            continue;
        }
        default: /* BV_CLOSE: a dict's pairs are complete (bv_compile) */
            v = st[--d].c;
            break;
        }
        if (v == NULL) {
            goto fail;
        }
        if (d == 0) {
            result = v; /* the only top-level value */
            continue;
        }
        bv_level *l = &st[d - 1];
        if (l->op == BV_TUPLE) {
            PyTuple_SET_ITEM(l->c, l->i++, v);
        } else if (l->op == BV_LIST) {
            PyList_SET_ITEM(l->c, l->i++, v);
        } else if (l->key == NULL) {
            l->key = v;
        } else {
            /* the dict is still this call's alone */
            int r = fpy_cdict_set_new(l->c, l->key, v);
            l->key = NULL;
            if (r < 0) {
                goto fail;
            }
        }
    }
    return top > 1 ? st[0].c : result;
fail:
    /* a tuple's or list's unset items are NULL: their dealloc skips them */
    while (d > 0) {
        d--;
        Py_XDECREF(st[d].key);
        Py_DECREF(st[d].c);
    }
    return NULL;
}

/* va_build_general is Py_BuildValue's path for formats bv_compile does not
 * take (out of line and cold, as bv_compile). */
static __attribute__((noinline, cold)) PyObject *va_build_general(const char *format, va_list va) {
    const char *f = format;
    va_list lva;
    itembuf b;
    va_copy(lva, va);
    int r = collect(&f, &lva, '\0', &b);
    va_end(lva);
    if (r < 0) {
        return NULL;
    }
    if (b.n == 0) {
        Py_RETURN_NONE;
    }
    if (b.n == 1) {
        /* b.items is the stack array: nothing to free */
        return b.items[0];
    }
    return to_sequence(&b, 0);
}

static PyObject *va_build_value(const char *format, va_list va) {
    uintptr_t a = (uintptr_t)format;
    bv_entry *e = &bv_cache[((a >> 3) ^ (a >> 9)) % BV_CACHE];
    if (e->fmt != format || strcmp(e->text, format) != 0) {
        size_t n = strnlen(format, BV_FMT_MAX);
        e->fmt = NULL;
        if (n < BV_FMT_MAX) {
            memcpy(e->text, format, n + 1);
            e->ok = (unsigned char)bv_compile(format, e);
            e->fmt = format;
        }
    }
    if (e->fmt == format && e->ok) {
        /* copied: building may call Go, which may build on this thread */
        unsigned char prog[BV_PROG_MAX];
        int len = e->len, top = e->top;
        /* the whole array: a copy of constant size is a few moves, not
         * a call of memcpy */
        memcpy(prog, e->prog, sizeof(prog));
        va_list lva;
        va_copy(lva, va);
        PyObject *r = bv_run(prog, len, top, &lva);
        va_end(lva);
        return r;
    }
    return va_build_general(format, va);
}

PyObject *Py_VaBuildValue(const char *format, va_list va) { return va_build_value(format, va); }
PyObject *_Py_VaBuildValue_SizeT(const char *format, va_list va) { return va_build_value(format, va); }

PyObject *Py_BuildValue(const char *format, ...) {
    va_list va;
    va_start(va, format);
    PyObject *r = va_build_value(format, va);
    va_end(va);
    return r;
}

PyObject *_Py_BuildValue_SizeT(const char *format, ...) {
    va_list va;
    va_start(va, format);
    PyObject *r = va_build_value(format, va);
    va_end(va);
    return r;
}

PyObject *PyTuple_Pack(Py_ssize_t n, ...) {
    PyObject *t = PyTuple_New(n);
    if (t == NULL) {
        return NULL;
    }
    va_list va;
    va_start(va, n);
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *o = va_arg(va, PyObject *);
        Py_INCREF(o);
        PyTuple_SET_ITEM(t, i, o);
    }
    va_end(va);
    return t;
}

/* call_with_format calls callable with the arguments a format describes:
 * one value that is a tuple is the argument tuple itself, as in CPython. */
static PyObject *call_with_format(PyObject *callable, const char *format, va_list va) {
    if (callable == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError, "null argument to internal routine");
        }
        return NULL;
    }
    if (format == NULL || *format == '\0') {
        return PyObject_CallNoArgs(callable);
    }
    PyObject *args = va_build_value(format, va);
    if (args == NULL) {
        return NULL;
    }
    if (!PyTuple_Check(args)) {
        PyObject *t = PyTuple_New(1);
        if (t == NULL) {
            Py_DECREF(args);
            return NULL;
        }
        PyTuple_SET_ITEM(t, 0, args);
        args = t;
    }
    PyObject *r = PyObject_Call(callable, args, NULL);
    Py_DECREF(args);
    return r;
}

PyObject *PyObject_CallFunction(PyObject *callable, const char *format, ...) {
    va_list va;
    va_start(va, format);
    PyObject *r = call_with_format(callable, format, va);
    va_end(va);
    return r;
}

PyObject *_PyObject_CallFunction_SizeT(PyObject *callable, const char *format, ...) {
    va_list va;
    va_start(va, format);
    PyObject *r = call_with_format(callable, format, va);
    va_end(va);
    return r;
}

static PyObject *call_method_format(PyObject *obj, const char *name, const char *format, va_list va) {
    if (obj == NULL || name == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError, "null argument to internal routine");
        }
        return NULL;
    }
    PyObject *m = PyObject_GetAttrString(obj, name);
    if (m == NULL) {
        return NULL;
    }
    PyObject *r = call_with_format(m, format, va);
    Py_DECREF(m);
    return r;
}

PyObject *PyObject_CallMethod(PyObject *obj, const char *name, const char *format, ...) {
    va_list va;
    va_start(va, format);
    PyObject *r = call_method_format(obj, name, format, va);
    va_end(va);
    return r;
}

PyObject *_PyObject_CallMethod_SizeT(PyObject *obj, const char *name, const char *format, ...) {
    va_list va;
    va_start(va, format);
    PyObject *r = call_method_format(obj, name, format, va);
    va_end(va);
    return r;
}

/* objargs_tuple collects a NULL-terminated list of objects. */
static PyObject *objargs_tuple(va_list va) {
    va_list count;
    va_copy(count, va);
    Py_ssize_t n = 0;
    while (va_arg(count, PyObject *) != NULL) {
        n++;
    }
    va_end(count);
    PyObject *t = PyTuple_New(n);
    if (t == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *o = va_arg(va, PyObject *);
        Py_INCREF(o);
        PyTuple_SET_ITEM(t, i, o);
    }
    return t;
}

PyObject *PyObject_CallFunctionObjArgs(PyObject *callable, ...) {
    if (callable == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError, "null argument to internal routine");
        }
        return NULL;
    }
    va_list va;
    va_start(va, callable);
    PyObject *args = objargs_tuple(va);
    va_end(va);
    if (args == NULL) {
        return NULL;
    }
    PyObject *r = PyObject_Call(callable, args, NULL);
    Py_DECREF(args);
    return r;
}

/* call_method_objargs calls obj.name with a NULL-terminated list of
 * objects. */
static PyObject *call_method_objargs(PyObject *obj, PyObject *name, va_list va) {
    if (obj == NULL || name == NULL) {
        if (!PyErr_Occurred()) {
            PyErr_SetString(PyExc_SystemError, "null argument to internal routine");
        }
        return NULL;
    }
    PyObject *m = PyObject_GetAttr(obj, name);
    if (m == NULL) {
        return NULL;
    }
    PyObject *args = objargs_tuple(va);
    if (args == NULL) {
        Py_DECREF(m);
        return NULL;
    }
    PyObject *r = PyObject_Call(m, args, NULL);
    Py_DECREF(args);
    Py_DECREF(m);
    return r;
}

PyObject *PyObject_CallMethodObjArgs(PyObject *obj, PyObject *name, ...) {
    va_list va;
    va_start(va, name);
    PyObject *r = call_method_objargs(obj, name, va);
    va_end(va);
    return r;
}

/* The _Py_Identifier forms (CPython 3.11's internal API, used by its own
 * modules): the identifier's C string names the method. */
PyObject *_PyObject_CallMethodId_SizeT(PyObject *obj, _Py_Identifier *name, const char *format, ...) {
    va_list va;
    va_start(va, format);
    PyObject *r = call_method_format(obj, name->string, format, va);
    va_end(va);
    return r;
}

PyObject *_PyObject_CallMethodIdObjArgs(PyObject *obj, _Py_Identifier *name, ...) {
    va_list va;
    va_start(va, name);
    PyObject *r = call_method_objargs(obj, _PyUnicode_FromId(name), va);
    va_end(va);
    return r;
}
