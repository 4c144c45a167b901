/* C-born dicts (see shim.h): PyDict_New, and PyDict_SetItem of new str or
 * int keys into a dict Go has not seen, work in C. Dicts that C code
 * builds and returns (Py_BuildValue("{...}"), keyword dicts of
 * METH_VARARGS|METH_KEYWORDS calls) then cost no call into Go; the Go side
 * decodes or realizes them when they cross. Everything else (lookups,
 * replacing a value, deleting, iterating, other keys) goes to Go, which
 * realizes the dict first: so lookups keep their autorelease guarantee,
 * and a value is never dropped in C while C code may have borrowed it. */
#include "shim.h"
#include <sched.h>

static void cdict_lock(fpy_cdict *d) {
    for (unsigned spin = 0;; spin++) {
        uint32_t expected = 0;
        if (__atomic_compare_exchange_n(&d->lock, &expected, 1, 0, __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
            return;
        }
        if (spin < 64) {
            __builtin_ia32_pause();
        } else {
            sched_yield();
        }
    }
}

static void cdict_unlock(fpy_cdict *d) { __atomic_store_n(&d->lock, 0, __ATOMIC_RELEASE); }

/* C-born dicts take their version tags from a counter far above the
 * versions of Go dicts (which their mirrors show plus one, capi/link.go),
 * so that a dict realized in Go never shows a tag it showed before. */
static uint64_t cdict_version = (uint64_t)1 << 62;

static uint64_t next_version(void) { return __atomic_add_fetch(&cdict_version, 1, __ATOMIC_RELAXED); }

static fpy_ctable *cdict_table(PyObject *op) {
    return (fpy_ctable *)__atomic_load_n(&((PyDictObject *)op)->ma_keys, __ATOMIC_ACQUIRE);
}

/* Dead C-born dicts with their smallest table (FPY_CDICT_CAP0 entries),
 * per OS thread, for PyDict_New: a Py_BuildValue result's dict, decoded
 * by the Go side, costs no malloc and free of its block and its table
 * (fpy_cdict_to_freelist). */
#define FPY_CDICT_CAP0 4
#define FPY_CDICT_FREE 16
static __thread fpy_cdict *cdict_free[FPY_CDICT_FREE];
static __thread int ncdict_free;

/* fpy_cdict_to_freelist takes a dead, unlinked C-born dict whose entries
 * were released (ma_used 0): it keeps it when its table is the smallest
 * and there is room (1); else it frees the table and reports 0, and the
 * caller frees the block. */
int fpy_cdict_to_freelist(PyObject *op) {
    fpy_cdict *d = (fpy_cdict *)op;
    fpy_ctable *t = (fpy_ctable *)d->d.ma_keys;
    if (t != NULL && t->cap == FPY_CDICT_CAP0 && d->d.ma_used == 0 && ncdict_free < FPY_CDICT_FREE &&
        !fpy_debug && FPY_HEAD(op)->handle == 0) {
        cdict_free[ncdict_free++] = d;
        return 1;
    }
    d->d.ma_keys = NULL;
    fpy_free(t);
    return 0;
}

PyObject *PyDict_New(void) {
    if (ncdict_free > 0) {
        /* its table (ma_keys) stays attached; ma_used is 0 */
        fpy_cdict *d = cdict_free[--ncdict_free];
        d->d.ob_base.ob_refcnt = 1;
        d->lock = 0;
        d->d.ma_version_tag = next_version();
        return (PyObject *)d;
    }
    fpy_cdict *d = (fpy_cdict *)fpy_new_object(&PyDict_Type, sizeof(fpy_cdict));
    if (d == NULL) {
        return NULL;
    }
    fpy_ctable *t = fpy_alloc(offsetof(fpy_ctable, e) + FPY_CDICT_CAP0 * sizeof(fpy_centry));
    if (t == NULL) {
        fpy_free(d);
        return PyErr_NoMemory();
    }
    t->cap = FPY_CDICT_CAP0;
    d->d.ma_keys = (PyDictKeysObject *)t;
    d->d.ma_version_tag = next_version();
    return (PyObject *)d;
}

/* simple_key: keys C compares itself, as CPython's dict would: exact str
 * in compact form and exact ints of up to two digits. */
static int simple_key(PyObject *k) {
    long long v;
    if (Py_IS_TYPE(k, &PyUnicode_Type)) {
        return ((PyASCIIObject *)k)->state.compact;
    }
    return fpy_small_long_value(k, &v);
}

static const void *compact_data(PyObject *s) {
    PyASCIIObject *a = (PyASCIIObject *)s;
    return a->state.ascii ? (const void *)(a + 1) : (const void *)((PyCompactUnicodeObject *)s + 1);
}

/* key_eq compares two simple keys. Like CPython, strings of different
 * kinds are different (a str always has the narrowest kind). */
static int key_eq(PyObject *a, PyObject *b) {
    if (a == b) {
        return 1;
    }
    /* two shared strs (the keys of Py_BuildValue's "{s:...}" with
     * one-character literals) are equal only if they are the same one */
    uintptr_t base = (uintptr_t)fpy_shared_strs, size = FPY_NSHARED_STRS * sizeof(fpy_shared_str);
    if ((uintptr_t)a - base < size && (uintptr_t)b - base < size) {
        return 0;
    }
    if (Py_TYPE(a) != Py_TYPE(b)) {
        return 0;
    }
    if (Py_IS_TYPE(a, &PyUnicode_Type)) {
        PyASCIIObject *x = (PyASCIIObject *)a, *y = (PyASCIIObject *)b;
        if (x->length != y->length || x->state.kind != y->state.kind || x->state.ascii != y->state.ascii) {
            return 0;
        }
        return memcmp(compact_data(a), compact_data(b), (size_t)x->length * x->state.kind) == 0;
    }
    long long u = 0, v = 0;
    fpy_small_long_value(a, &u);
    fpy_small_long_value(b, &v);
    return u == v;
}

enum { CDICT_DONE = 0, CDICT_FAIL = -1, CDICT_GO = 1 };

/* cdict_insert adds a new simple key to a C-born dict. CDICT_GO: the dict
 * is not C-born (any more), the key is there already (replacing a value
 * is Go's: see the top of the file), or the dict is full. */
static int cdict_insert(PyObject *op, PyObject *key, PyObject *value) {
    if (cdict_table(op) == NULL) {
        return CDICT_GO;
    }
    fpy_cdict *d = (fpy_cdict *)op;
    cdict_lock(d);
    fpy_ctable *t = (fpy_ctable *)d->d.ma_keys;
    if (t == NULL) {
        cdict_unlock(d);
        return CDICT_GO;
    }
    Py_ssize_t n = d->d.ma_used;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (key_eq(t->e[i].key, key)) {
            cdict_unlock(d);
            return CDICT_GO;
        }
    }
    if (n == t->cap) {
        if (n >= FPY_CDICT_MAX) {
            cdict_unlock(d);
            return CDICT_GO;
        }
        Py_ssize_t cap = t->cap * 2;
        fpy_ctable *nt = PyMem_Realloc(t, offsetof(fpy_ctable, e) + (size_t)cap * sizeof(fpy_centry));
        if (nt == NULL) {
            cdict_unlock(d);
            PyErr_NoMemory();
            return CDICT_FAIL;
        }
        nt->cap = cap;
        t = nt;
        __atomic_store_n(&d->d.ma_keys, (PyDictKeysObject *)t, __ATOMIC_RELEASE);
    }
    Py_INCREF(key);
    Py_INCREF(value);
    t->e[n].key = key;
    t->e[n].value = value;
    __atomic_store_n(&d->d.ma_used, n + 1, __ATOMIC_RELAXED);
    d->d.ma_version_tag = next_version();
    cdict_unlock(d);
    return CDICT_DONE;
}

int PyDict_SetItem(PyObject *op, PyObject *key, PyObject *value) {
    if (op != NULL && key != NULL && value != NULL && Py_IS_TYPE(op, &PyDict_Type) && simple_key(key)) {
        int r = cdict_insert(op, key, value);
        if (r != CDICT_GO) {
            return r;
        }
    }
    return fpyGo_DictSetItem(fpy_tstate, op, key, value);
}

/* set_new_general is fpy_cdict_set_new's path for what its fast path does
 * not take: PyDict_SetItem, and the stolen references dropped. */
static __attribute__((noinline, cold)) int set_new_general(PyObject *op, PyObject *key, PyObject *value) {
    int r = PyDict_SetItem(op, key, value);
    Py_DECREF(key);
    Py_DECREF(value);
    return r;
}

/* fpy_cdict_set_new is PyDict_SetItem for a dict its caller made with
 * PyDict_New and has not let anything else see yet (Py_BuildValue's), and
 * it steals the references to key and value. No other thread can reach
 * the dict, so a new simple key goes in without the lock, and without a
 * new version tag: the one PyDict_New gave it was never seen with fewer
 * items. Anything else is PyDict_SetItem's. */
int fpy_cdict_set_new(PyObject *op, PyObject *key, PyObject *value) {
    fpy_ctable *t = cdict_table(op);
    Py_ssize_t n = t != NULL ? ((PyDictObject *)op)->ma_used : 0;
    if (t != NULL && n < t->cap && simple_key(key)) {
        for (Py_ssize_t i = 0; i < n; i++) {
            if (key_eq(t->e[i].key, key)) {
                return set_new_general(op, key, value);
            }
        }
        t->e[n].key = key;
        t->e[n].value = value;
        ((PyDictObject *)op)->ma_used = n + 1;
        return 0;
    }
    /* out of line: the fast path above then needs no registers saved */
    return set_new_general(op, key, value);
}

int PyDict_SetItemString(PyObject *op, const char *key, PyObject *value) {
    if (op != NULL && key != NULL && value != NULL && Py_IS_TYPE(op, &PyDict_Type) && cdict_table(op) != NULL) {
        PyObject *k = PyUnicode_FromString(key);
        if (k == NULL) {
            return -1;
        }
        int r = cdict_insert(op, k, value);
        if (r == CDICT_GO) {
            r = fpyGo_DictSetItem(fpy_tstate, op, k, value);
        }
        Py_DECREF(k);
        return r;
    }
    return fpyGo_DictSetItemString(fpy_tstate, op, (char *)key, value);
}

Py_ssize_t PyDict_Size(PyObject *op) {
    if (op != NULL && Py_IS_TYPE(op, &PyDict_Type) && cdict_table(op) != NULL) {
        return __atomic_load_n(&((PyDictObject *)op)->ma_used, __ATOMIC_RELAXED);
    }
    return fpyGo_DictSize(fpy_tstate, op);
}

/* fpy_cdict_dealloc releases a C-born dict's entries (fpy_mirror_dealloc
 * frees the object). Nothing else can reach a dict whose count is zero. */
void fpy_cdict_dealloc(PyObject *op) {
    fpy_ctable *t = cdict_table(op);
    if (t == NULL) {
        return;
    }
    ((PyDictObject *)op)->ma_keys = NULL;
    Py_ssize_t n = ((PyDictObject *)op)->ma_used;
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_DECREF(t->e[i].key);
        Py_DECREF(t->e[i].value);
    }
    fpy_free(t);
}
