/* C-API functions that compiled extensions found on a Debian machine import
 * and that have nothing to do with the interpreter's internals:
 *
 *   _ssl       _Py_fopen_obj
 *   _hashlib   _Py_hashtable_* (CPython's internal hash table), _Py_strhex
 *   _gi        _PyTuple_Resize, _PyTrash_*, _Py_NewReference, PyOS_getsig
 *   _cffi      PyUnicode_AsUCS4, PyUnicode_DecodeLatin1, _PyLong_Sign,
 *              Py_FileSystemDefaultEncoding
 *   readline   PyOS_InputHook, PyOS_ReadlineFunctionPointer, the locale codecs
 *   pyo3       Py_IsInitialized
 *
 * Each follows CPython 3.11's documented behaviour (signatures and struct
 * layouts from its headers); the code is freepy's. */
#include "shim.h"
#include <errno.h>
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

/* ---- lifecycle ---- */

/* An extension can only run inside a running interpreter. */
int Py_IsInitialized(void) { return 1; }

/* ---- files ---- */

/* _Py_fopen_obj(path, mode): fopen of a str/bytes/PathLike path, the
 * descriptor not inherited by child processes (CPython opens with "e",
 * O_CLOEXEC); on failure OSError with the file name set. */
FILE *_Py_fopen_obj(PyObject *path, const char *mode);
FILE *_Py_fopen_obj(PyObject *path, const char *mode) {
    PyObject *bytes = NULL;
    if (!PyUnicode_FSConverter(path, &bytes)) {
        return NULL;
    }
    if (PySys_Audit("open", "Osi", path, mode, 0) < 0) {
        Py_DECREF(bytes);
        return NULL;
    }
    size_t n = strlen(mode);
    char *m = PyMem_Malloc(n + 2);
    if (m == NULL) {
        Py_DECREF(bytes);
        PyErr_NoMemory();
        return NULL;
    }
    memcpy(m, mode, n);
    m[n] = 'e'; /* glibc: O_CLOEXEC */
    m[n + 1] = '\0';
    FILE *f;
    do {
        errno = 0;
        f = fopen(PyBytes_AS_STRING(bytes), m);
    } while (f == NULL && errno == EINTR && PyErr_CheckSignals() == 0);
    int saved = errno;
    PyMem_Free(m);
    Py_DECREF(bytes);
    if (f == NULL) {
        if (!PyErr_Occurred()) {
            errno = saved;
            PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, path);
        }
        return NULL;
    }
    return f;
}

/* ---- _Py_hashtable: CPython's internal chained hash table ----
 *
 * The struct is visible to callers (the inline _Py_hashtable_get_entry
 * calls ht->get_entry_func), so the layout is 3.11's. Keys and values are
 * opaque pointers; the table owns them only through the destroy functions
 * given to _Py_hashtable_new_full. A table is not locked: its users
 * (_hashlib's name cache) fill it once and then only read it. */

typedef struct fpy_slist_item {
    struct fpy_slist_item *next;
} fpy_slist_item;

typedef struct {
    fpy_slist_item *head;
} fpy_slist;

typedef struct {
    fpy_slist_item item;
    Py_uhash_t key_hash;
    void *key;
    void *value;
} _Py_hashtable_entry_t;

typedef struct _Py_hashtable_t _Py_hashtable_t;
typedef Py_uhash_t (*_Py_hashtable_hash_func)(const void *key);
typedef int (*_Py_hashtable_compare_func)(const void *key1, const void *key2);
typedef void (*_Py_hashtable_destroy_func)(void *key);
typedef _Py_hashtable_entry_t *(*_Py_hashtable_get_entry_func)(_Py_hashtable_t *ht, const void *key);
typedef int (*_Py_hashtable_foreach_func)(_Py_hashtable_t *ht, const void *key, const void *value, void *user_data);

typedef struct {
    void *(*malloc)(size_t size);
    void (*free)(void *ptr);
} _Py_hashtable_allocator_t;

struct _Py_hashtable_t {
    size_t nentries;
    size_t nbuckets;
    fpy_slist *buckets;
    _Py_hashtable_get_entry_func get_entry_func;
    _Py_hashtable_hash_func hash_func;
    _Py_hashtable_compare_func compare_func;
    _Py_hashtable_destroy_func key_destroy_func;
    _Py_hashtable_destroy_func value_destroy_func;
    _Py_hashtable_allocator_t alloc;
};

Py_uhash_t _Py_hashtable_hash_ptr(const void *key);
int _Py_hashtable_compare_direct(const void *key1, const void *key2);
_Py_hashtable_t *_Py_hashtable_new_full(_Py_hashtable_hash_func hash_func, _Py_hashtable_compare_func compare_func,
                                        _Py_hashtable_destroy_func key_destroy_func,
                                        _Py_hashtable_destroy_func value_destroy_func,
                                        _Py_hashtable_allocator_t *allocator);
_Py_hashtable_t *_Py_hashtable_new(_Py_hashtable_hash_func hash_func, _Py_hashtable_compare_func compare_func);
void _Py_hashtable_destroy(_Py_hashtable_t *ht);
void _Py_hashtable_clear(_Py_hashtable_t *ht);
int _Py_hashtable_foreach(_Py_hashtable_t *ht, _Py_hashtable_foreach_func func, void *user_data);
size_t _Py_hashtable_size(const _Py_hashtable_t *ht);
int _Py_hashtable_set(_Py_hashtable_t *ht, const void *key, void *value);
void *_Py_hashtable_get(_Py_hashtable_t *ht, const void *key);
void *_Py_hashtable_steal(_Py_hashtable_t *ht, const void *key);

#define HT_MIN_BUCKETS 16 /* a power of two: bucket = hash & (nbuckets - 1) */

Py_uhash_t _Py_hashtable_hash_ptr(const void *key) { return (Py_uhash_t)_Py_HashPointer(key); }

int _Py_hashtable_compare_direct(const void *key1, const void *key2) { return key1 == key2; }

static _Py_hashtable_entry_t *ht_get_entry(_Py_hashtable_t *ht, const void *key) {
    Py_uhash_t h = ht->hash_func(key);
    fpy_slist_item *it = ht->buckets[h & (ht->nbuckets - 1)].head;
    for (; it != NULL; it = it->next) {
        _Py_hashtable_entry_t *e = (_Py_hashtable_entry_t *)it;
        if (e->key_hash == h && ht->compare_func(key, e->key)) {
            return e;
        }
    }
    return NULL;
}

static fpy_slist *ht_new_buckets(_Py_hashtable_t *ht, size_t n) {
    fpy_slist *b = ht->alloc.malloc(n * sizeof(fpy_slist));
    if (b != NULL) {
        memset(b, 0, n * sizeof(fpy_slist));
    }
    return b;
}

_Py_hashtable_t *_Py_hashtable_new_full(_Py_hashtable_hash_func hash_func, _Py_hashtable_compare_func compare_func,
                                        _Py_hashtable_destroy_func key_destroy_func,
                                        _Py_hashtable_destroy_func value_destroy_func,
                                        _Py_hashtable_allocator_t *allocator) {
    _Py_hashtable_allocator_t alloc = {PyMem_Malloc, PyMem_Free};
    if (allocator != NULL) {
        alloc = *allocator;
    }
    _Py_hashtable_t *ht = alloc.malloc(sizeof(*ht));
    if (ht == NULL) {
        return NULL;
    }
    memset(ht, 0, sizeof(*ht));
    ht->alloc = alloc;
    ht->nbuckets = HT_MIN_BUCKETS;
    ht->buckets = ht_new_buckets(ht, ht->nbuckets);
    if (ht->buckets == NULL) {
        alloc.free(ht);
        return NULL;
    }
    ht->get_entry_func = ht_get_entry;
    ht->hash_func = hash_func;
    ht->compare_func = compare_func;
    ht->key_destroy_func = key_destroy_func;
    ht->value_destroy_func = value_destroy_func;
    return ht;
}

_Py_hashtable_t *_Py_hashtable_new(_Py_hashtable_hash_func hash_func, _Py_hashtable_compare_func compare_func) {
    return _Py_hashtable_new_full(hash_func, compare_func, NULL, NULL, NULL);
}

size_t _Py_hashtable_size(const _Py_hashtable_t *ht) {
    return sizeof(*ht) + ht->nbuckets * sizeof(fpy_slist) + ht->nentries * sizeof(_Py_hashtable_entry_t);
}

/* ht_rehash moves every entry into n buckets; on memory failure the table
 * stays as it is (only slower). */
static void ht_rehash(_Py_hashtable_t *ht, size_t n) {
    fpy_slist *nb = ht_new_buckets(ht, n);
    if (nb == NULL) {
        return;
    }
    for (size_t i = 0; i < ht->nbuckets; i++) {
        fpy_slist_item *it = ht->buckets[i].head;
        while (it != NULL) {
            fpy_slist_item *next = it->next;
            fpy_slist *dst = &nb[((_Py_hashtable_entry_t *)it)->key_hash & (n - 1)];
            it->next = dst->head;
            dst->head = it;
            it = next;
        }
    }
    ht->alloc.free(ht->buckets);
    ht->buckets = nb;
    ht->nbuckets = n;
}

/* Adds an entry. As in CPython the key must not be in the table yet (a
 * second entry would shadow nothing and waste memory): callers look first. */
int _Py_hashtable_set(_Py_hashtable_t *ht, const void *key, void *value) {
    _Py_hashtable_entry_t *e = ht->alloc.malloc(sizeof(*e));
    if (e == NULL) {
        return -1;
    }
    e->key_hash = ht->hash_func(key);
    e->key = (void *)key;
    e->value = value;
    fpy_slist *b = &ht->buckets[e->key_hash & (ht->nbuckets - 1)];
    e->item.next = b->head;
    b->head = &e->item;
    ht->nentries++;
    if (ht->nentries > ht->nbuckets * 2) {
        ht_rehash(ht, ht->nbuckets * 2);
    }
    return 0;
}

void *_Py_hashtable_get(_Py_hashtable_t *ht, const void *key) {
    _Py_hashtable_entry_t *e = ht->get_entry_func(ht, key);
    return e != NULL ? e->value : NULL;
}

/* Removes the key's entry and returns its value, which the caller now owns
 * (the destroy functions are not called). */
void *_Py_hashtable_steal(_Py_hashtable_t *ht, const void *key) {
    Py_uhash_t h = ht->hash_func(key);
    fpy_slist_item **link = &ht->buckets[h & (ht->nbuckets - 1)].head;
    for (; *link != NULL; link = &(*link)->next) {
        _Py_hashtable_entry_t *e = (_Py_hashtable_entry_t *)*link;
        if (e->key_hash == h && ht->compare_func(key, e->key)) {
            void *value = e->value;
            *link = e->item.next;
            ht->alloc.free(e);
            ht->nentries--;
            if (ht->nbuckets > HT_MIN_BUCKETS && ht->nentries < ht->nbuckets / 8) {
                ht_rehash(ht, ht->nbuckets / 2);
            }
            return value;
        }
    }
    return NULL;
}

int _Py_hashtable_foreach(_Py_hashtable_t *ht, _Py_hashtable_foreach_func func, void *user_data) {
    for (size_t i = 0; i < ht->nbuckets; i++) {
        for (fpy_slist_item *it = ht->buckets[i].head; it != NULL; it = it->next) {
            _Py_hashtable_entry_t *e = (_Py_hashtable_entry_t *)it;
            int r = func(ht, e->key, e->value, user_data);
            if (r != 0) {
                return r;
            }
        }
    }
    return 0;
}

static void ht_free_entries(_Py_hashtable_t *ht) {
    for (size_t i = 0; i < ht->nbuckets; i++) {
        fpy_slist_item *it = ht->buckets[i].head;
        while (it != NULL) {
            fpy_slist_item *next = it->next;
            _Py_hashtable_entry_t *e = (_Py_hashtable_entry_t *)it;
            if (ht->key_destroy_func != NULL) {
                ht->key_destroy_func(e->key);
            }
            if (ht->value_destroy_func != NULL) {
                ht->value_destroy_func(e->value);
            }
            ht->alloc.free(e);
            it = next;
        }
        ht->buckets[i].head = NULL;
    }
    ht->nentries = 0;
}

void _Py_hashtable_clear(_Py_hashtable_t *ht) {
    ht_free_entries(ht);
    ht_rehash(ht, HT_MIN_BUCKETS);
}

void _Py_hashtable_destroy(_Py_hashtable_t *ht) {
    ht_free_entries(ht);
    ht->alloc.free(ht->buckets);
    ht->alloc.free(ht);
}

/* ---- hex strings ---- */

/* _Py_strhex(buf, n): the lower-case hex digits of n bytes as a str. */
PyObject *_Py_strhex(const char *argbuf, const Py_ssize_t arglen);
PyObject *_Py_strhex(const char *argbuf, const Py_ssize_t arglen) {
    static const char digits[] = "0123456789abcdef";
    if (arglen < 0 || arglen > PY_SSIZE_T_MAX / 2) {
        return PyErr_NoMemory();
    }
    PyObject *s = PyUnicode_New(arglen * 2, 127);
    if (s == NULL) {
        return NULL;
    }
    unsigned char *out = PyUnicode_DATA(s);
    for (Py_ssize_t i = 0; i < arglen; i++) {
        unsigned char c = (unsigned char)argbuf[i];
        out[2 * i] = (unsigned char)digits[c >> 4];
        out[2 * i + 1] = (unsigned char)digits[c & 15];
    }
    return s;
}

/* ---- objects ---- */

/* The trashcan bounds the C recursion of deeply nested deallocations by
 * deferring some; freepy deallocates at once (0: go ahead). */
int _PyTrash_begin(PyThreadState *tstate, PyObject *op);
int _PyTrash_begin(PyThreadState *tstate, PyObject *op) { return 0; }
void _PyTrash_end(PyThreadState *tstate);
void _PyTrash_end(PyThreadState *tstate) {}

/* _Py_NewReference gives a (re)initialised object its first reference. */
void _Py_NewReference(PyObject *op);
void _Py_NewReference(PyObject *op) { op->ob_refcnt = 1; }

/* _PyTuple_Resize(&t, n) may only change a tuple nobody else can see: one
 * reference, and never handed to the interpreter (a tuple that crossed
 * into Go has a Go twin holding the old items). Anything else is
 * SystemError, as in CPython. Rather than reallocating in place (which
 * would assume how PyTuple_New allocates), the items move into a new tuple
 * and the emptied old one is released. */
int _PyTuple_Resize(PyObject **pv, Py_ssize_t newsize) {
    PyObject *v = *pv;
    if (v == NULL || Py_TYPE(v) != &PyTuple_Type || newsize < 0 ||
        (Py_SIZE(v) != 0 && (Py_REFCNT(v) != 1 || !fpy_has_head(v) ||
                             __atomic_load_n(&FPY_HEAD(v)->handle, __ATOMIC_ACQUIRE) != 0))) {
        *pv = NULL;
        Py_XDECREF(v);
        PyErr_BadInternalCall();
        return -1;
    }
    Py_ssize_t old = Py_SIZE(v);
    if (old == newsize) {
        return 0;
    }
    PyObject *nt = PyTuple_New(newsize);
    if (nt == NULL) {
        *pv = NULL;
        Py_DECREF(v);
        return -1;
    }
    Py_ssize_t keep = old < newsize ? old : newsize;
    PyObject **src = ((PyTupleObject *)v)->ob_item;
    PyObject **dst = ((PyTupleObject *)nt)->ob_item;
    for (Py_ssize_t i = 0; i < keep; i++) {
        dst[i] = src[i];
        src[i] = NULL;
    }
    /* the items beyond newsize go with the old tuple */
    Py_DECREF(v);
    *pv = nt;
    return 0;
}

/* ---- ints ---- */

int _PyLong_Sign(PyObject *v) {
    if (PyLong_CheckExact(v)) {
        Py_ssize_t n = Py_SIZE(v);
        return n == 0 ? 0 : (n < 0 ? -1 : 1);
    }
    /* an int subclass may not carry the digits: compare with 0 */
    PyObject *zero = PyLong_FromLong(0);
    if (zero == NULL) {
        PyErr_Clear();
        return 0;
    }
    int sign = 0;
    int lt = PyObject_RichCompareBool(v, zero, Py_LT);
    if (lt > 0) {
        sign = -1;
    } else if (lt == 0 && PyObject_RichCompareBool(v, zero, Py_GT) > 0) {
        sign = 1;
    }
    if (PyErr_Occurred()) {
        PyErr_Clear();
    }
    Py_DECREF(zero);
    return sign;
}

/* ---- str ---- */

Py_UCS4 *PyUnicode_AsUCS4(PyObject *unicode, Py_UCS4 *buffer, Py_ssize_t buflen, int copy_null) {
    if (unicode == NULL || !PyUnicode_Check(unicode) || buffer == NULL || buflen < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GetLength(unicode);
    if (n < 0) {
        return NULL;
    }
    if (buflen < n + (copy_null ? 1 : 0)) {
        PyErr_Format(PyExc_SystemError, "string is longer than the buffer");
        return NULL;
    }
    int kind = PyUnicode_KIND(unicode);
    const void *data = PyUnicode_DATA(unicode);
    for (Py_ssize_t i = 0; i < n; i++) {
        buffer[i] = PyUnicode_READ(kind, data, i);
    }
    if (copy_null) {
        buffer[n] = 0;
    }
    return buffer;
}

Py_UCS4 *PyUnicode_AsUCS4Copy(PyObject *unicode) {
    if (unicode == NULL || !PyUnicode_Check(unicode)) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GetLength(unicode);
    if (n < 0) {
        return NULL;
    }
    if ((size_t)n >= PY_SSIZE_T_MAX / sizeof(Py_UCS4)) {
        PyErr_NoMemory();
        return NULL;
    }
    Py_UCS4 *buf = PyMem_Malloc((size_t)(n + 1) * sizeof(Py_UCS4));
    if (buf == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    if (PyUnicode_AsUCS4(unicode, buf, n + 1, 1) == NULL) {
        PyMem_Free(buf);
        return NULL;
    }
    return buf;
}

/* Latin-1 maps each byte to the code point of the same value: it cannot
 * fail, so errors is not consulted. */
PyObject *PyUnicode_DecodeLatin1(const char *s, Py_ssize_t size, const char *errors) {
    if (size < 0) {
        PyErr_BadInternalCall();
        return NULL;
    }
    Py_UCS4 maxc = 0;
    for (Py_ssize_t i = 0; i < size; i++) {
        if ((unsigned char)s[i] > maxc) {
            maxc = (unsigned char)s[i];
        }
    }
    PyObject *u = PyUnicode_New(size, maxc);
    if (u == NULL) {
        return NULL;
    }
    if (size > 0) {
        memcpy(PyUnicode_DATA(u), s, (size_t)size);
    }
    return u;
}

/* The file system encoding. freepy runs in UTF-8 (sys.getfilesystemencoding()
 * is 'utf-8' with 'surrogateescape'), as CPython does under a UTF-8 or
 * coerced C locale. */
const char *Py_FileSystemDefaultEncoding = "utf-8";
const char *Py_FileSystemDefaultEncodeErrors = "surrogateescape";
int Py_HasFileSystemDefaultEncoding = 1;

/* ---- locale codecs ----
 * CPython decodes with the LC_CTYPE locale's codec; freepy's locale
 * encoding is UTF-8 (see above), so these are UTF-8 codecs whose errors
 * argument is "strict" (NULL) or "surrogateescape". */

static const char *locale_errors(const char *errors) {
    if (errors == NULL || strcmp(errors, "strict") == 0) {
        return "strict";
    }
    if (strcmp(errors, "surrogateescape") == 0) {
        return "surrogateescape";
    }
    return NULL;
}

PyObject *PyUnicode_DecodeLocaleAndSize(const char *str, Py_ssize_t len, const char *errors) {
    const char *e = locale_errors(errors);
    if (e == NULL) {
        PyErr_Format(PyExc_ValueError, "unsupported error handler");
        return NULL;
    }
    if ((Py_ssize_t)strlen(str) != len) {
        PyErr_SetString(PyExc_ValueError, "embedded null byte");
        return NULL;
    }
    PyObject *u = PyUnicode_DecodeUTF8(str, len, e);
    if (u == NULL && PyErr_ExceptionMatches(PyExc_UnicodeDecodeError)) {
        /* CPython names the codec "locale" and gives no UTF-8 detail */
        PyObject *type, *value, *tb;
        PyErr_Fetch(&type, &value, &tb);
        Py_ssize_t start = 0;
        if (value == NULL || PyUnicodeDecodeError_GetStart(value, &start) < 0) {
            PyErr_Clear();
        }
        Py_XDECREF(type);
        Py_XDECREF(value);
        Py_XDECREF(tb);
        PyObject *exc = PyUnicodeDecodeError_Create("locale", str, len, start, start + 1, "decoding error");
        if (exc != NULL) {
            PyErr_SetObject(PyExc_UnicodeDecodeError, exc);
            Py_DECREF(exc);
        }
    }
    return u;
}

PyObject *PyUnicode_DecodeLocale(const char *str, const char *errors) {
    return PyUnicode_DecodeLocaleAndSize(str, (Py_ssize_t)strlen(str), errors);
}

PyObject *PyUnicode_EncodeLocale(PyObject *unicode, const char *errors) {
    const char *e = locale_errors(errors);
    if (e == NULL) {
        PyErr_Format(PyExc_ValueError, "unsupported error handler");
        return NULL;
    }
    PyObject *b = PyUnicode_AsEncodedString(unicode, "utf-8", e);
    if (b == NULL) {
        return NULL;
    }
    if ((size_t)PyBytes_GET_SIZE(b) != strlen(PyBytes_AS_STRING(b))) {
        Py_DECREF(b);
        PyErr_SetString(PyExc_ValueError, "embedded null character");
        return NULL;
    }
    return b;
}

/* Py_DecodeLocale: bytes to a wide string (PyMem_RawMalloc'ed, freed with
 * PyMem_RawFree), undecodable bytes as U+DC80..U+DCFF (surrogateescape).
 * Needs no thread state: it may run before Python is set up. On a decoding
 * error it returns NULL and sets *size to (size_t)-2; (size_t)-1 is out of
 * memory. */
wchar_t *Py_DecodeLocale(const char *arg, size_t *size);
wchar_t *Py_DecodeLocale(const char *arg, size_t *size) {
    size_t n = strlen(arg);
    wchar_t *out = PyMem_RawMalloc((n + 1) * sizeof(wchar_t));
    if (out == NULL) {
        if (size != NULL) {
            *size = (size_t)-1;
        }
        return NULL;
    }
    const unsigned char *s = (const unsigned char *)arg;
    size_t i = 0, j = 0;
    while (i < n) {
        unsigned char c = s[i];
        uint32_t cp = 0;
        size_t len = 0;
        if (c < 0x80) {
            cp = c, len = 1;
        } else if ((c & 0xE0) == 0xC0) {
            cp = c & 0x1F, len = 2;
        } else if ((c & 0xF0) == 0xE0) {
            cp = c & 0x0F, len = 3;
        } else if ((c & 0xF8) == 0xF0) {
            cp = c & 0x07, len = 4;
        }
        int ok = len > 0 && i + len <= n;
        for (size_t k = 1; ok && k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80) {
                ok = 0;
            } else {
                cp = cp << 6 | (s[i + k] & 0x3F);
            }
        }
        /* overlong forms, surrogates and values beyond U+10FFFF are invalid */
        static const uint32_t minimum[5] = {0, 0, 0x80, 0x800, 0x10000};
        if (ok && (cp < minimum[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))) {
            ok = 0;
        }
        if (ok) {
            out[j++] = (wchar_t)cp;
            i += len;
        } else {
            out[j++] = (wchar_t)(0xDC00 + c); /* c >= 0x80 here */
            i++;
        }
    }
    out[j] = 0;
    if (size != NULL) {
        *size = j;
    }
    return out;
}

/* Py_EncodeLocale: the inverse, lone surrogates U+DC80..U+DCFF back to
 * bytes; PyMem_Malloc'ed. On an unencodable character, NULL with
 * *error_pos set to its index. */
char *Py_EncodeLocale(const wchar_t *text, size_t *error_pos);
char *Py_EncodeLocale(const wchar_t *text, size_t *error_pos) {
    size_t n = wcslen(text);
    if (n > (SIZE_MAX - 1) / 4) {
        return NULL;
    }
    char *out = PyMem_Malloc(n * 4 + 1);
    if (out == NULL) {
        if (error_pos != NULL) {
            *error_pos = (size_t)-1;
        }
        return NULL;
    }
    unsigned char *o = (unsigned char *)out;
    for (size_t i = 0; i < n; i++) {
        uint32_t c = (uint32_t)text[i];
        if (c >= 0xDC80 && c <= 0xDCFF) {
            *o++ = (unsigned char)(c - 0xDC00);
        } else if (c < 0x80) {
            *o++ = (unsigned char)c;
        } else if (c < 0x800) {
            *o++ = (unsigned char)(0xC0 | c >> 6);
            *o++ = (unsigned char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000 && !(c >= 0xD800 && c <= 0xDFFF)) {
            *o++ = (unsigned char)(0xE0 | c >> 12);
            *o++ = (unsigned char)(0x80 | (c >> 6 & 0x3F));
            *o++ = (unsigned char)(0x80 | (c & 0x3F));
        } else if (c >= 0x10000 && c <= 0x10FFFF) {
            *o++ = (unsigned char)(0xF0 | c >> 18);
            *o++ = (unsigned char)(0x80 | (c >> 12 & 0x3F));
            *o++ = (unsigned char)(0x80 | (c >> 6 & 0x3F));
            *o++ = (unsigned char)(0x80 | (c & 0x3F));
        } else {
            PyMem_Free(out);
            if (error_pos != NULL) {
                *error_pos = i;
            }
            return NULL;
        }
    }
    *o = '\0';
    if (error_pos != NULL) {
        *error_pos = (size_t)-1;
    }
    return out;
}

/* _Py_SetLocaleFromEnv(category): setlocale(category, "") as CPython's
 * start-up does, returning setlocale's result. */
char *_Py_SetLocaleFromEnv(int category);
char *_Py_SetLocaleFromEnv(int category) { return setlocale(category, ""); }

/* ---- the interactive line reader's hooks ----
 * readline installs its reader in PyOS_ReadlineFunctionPointer and
 * PyOS_InputHook is polled while waiting for input (Tk uses it). freepy's
 * input() and REPL read lines in Go and do not call them yet: they exist
 * so the readline module loads and its functions (history, completion
 * settings) work. */
int (*PyOS_InputHook)(void) = NULL;
char *(*PyOS_ReadlineFunctionPointer)(FILE *, FILE *, const char *) = NULL;
PyThreadState *_PyOS_ReadlineTState = NULL;

/* ---- signals ----
 * The Go runtime owns the process's signal handlers: they are SA_SIGINFO
 * handlers that C must never call as void (*)(int). So PyOS_getsig reports
 * such a handler as fpy_runtime_sighandler, a stand-in that does nothing
 * when called (readline chains to the handler it replaced); giving the
 * stand-in back to PyOS_setsig reinstalls the saved runtime handler. A C
 * handler installed by PyOS_setsig (with SA_ONSTACK, which Go requires of
 * foreign handlers) takes the signal from Go: Python-level signal.signal()
 * handlers for that signal do not run until the runtime's is put back.
 * readline does this for SIGWINCH, which Python code rarely handles. */

static void fpy_runtime_sighandler(int sig) { (void)sig; }

static pthread_mutex_t sig_mu = PTHREAD_MUTEX_INITIALIZER;
static struct sigaction runtime_action[NSIG];
static int runtime_saved[NSIG];

static PyOS_sighandler_t handler_of(const struct sigaction *sa) {
    if (sa->sa_flags & SA_SIGINFO) {
        return fpy_runtime_sighandler;
    }
    return sa->sa_handler;
}

PyOS_sighandler_t PyOS_getsig(int sig) {
    struct sigaction sa;
    if (sig <= 0 || sig >= NSIG || sigaction(sig, NULL, &sa) == -1) {
        return SIG_ERR;
    }
    return handler_of(&sa);
}

PyOS_sighandler_t PyOS_setsig(int sig, PyOS_sighandler_t handler) {
    if (sig <= 0 || sig >= NSIG) {
        return SIG_ERR;
    }
    struct sigaction sa, old;
    PyOS_sighandler_t result = SIG_ERR;
    pthread_mutex_lock(&sig_mu);
    if (handler == fpy_runtime_sighandler) {
        if (runtime_saved[sig]) {
            sa = runtime_action[sig];
        } else {
            goto done; /* nothing to restore */
        }
    } else {
        memset(&sa, 0, sizeof(sa));
        sa.sa_handler = handler;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_ONSTACK;
    }
    if (sigaction(sig, &sa, &old) == -1) {
        goto done;
    }
    if (old.sa_flags & SA_SIGINFO) {
        runtime_action[sig] = old;
        runtime_saved[sig] = 1;
    }
    result = handler_of(&old);
done:
    pthread_mutex_unlock(&sig_mu);
    return result;
}

/* ---- _socket for C (capi/api_compat.go) ---- */

/* CPython's PySocketModule_APIObject, filled by the Go side when the
 * _socket.CAPI capsule is first asked for. */
typedef struct {
    PyTypeObject *Sock_Type;
    PyObject *error;
    PyObject *timeout_error;
} fpy_socket_capi_t;
fpy_socket_capi_t fpy_socket_capi;

/* The errorhandler field of socket mirrors: socketmodule.c's
 * set_error, OSError from errno. */
PyObject *fpy_socket_errorhandler(void);
PyObject *fpy_socket_errorhandler(void) { return PyErr_SetFromErrno(PyExc_OSError); }
