/* freepy's C shim, core: allocation, deallocation, the static objects
 * (None, True, type objects, exception types, small ints) and the
 * trampolines through which Go calls C function pointers. */
#include "shim.h"
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <stdio.h>

__thread PyThreadState *fpy_tstate;

/* ---- allocation ---------------------------------------------------- */

/* fpy_alloc_bytes counts what freepy's allocators handed out: Go's
 * collector does not see C memory, so the Go side starts a collection
 * when much of it was allocated since the last one (capi/thread.go). */
uint64_t fpy_alloc_bytes;

/* Blocks up to this size come from malloc (see fpy_alloc). */
#define FPY_SMALL_BLOCK 1024

/* Counted per OS thread and added to fpy_alloc_bytes by the 64 KB: an
 * atomic add on one shared word per allocation cost more than the rest of
 * a small allocation, and threads allocating at once contended for it. */
static __thread uint64_t fpy_alloc_local;

void *fpy_alloc(size_t n) {
    fpy_alloc_local += n;
    if (fpy_alloc_local >= (1 << 16)) {
        __atomic_fetch_add(&fpy_alloc_bytes, fpy_alloc_local, __ATOMIC_RELAXED);
        fpy_alloc_local = 0;
    }
    size_t size = sizeof(fpy_head) + (n ? n : 1);
    fpy_head *h;
    if (size <= FPY_SMALL_BLOCK) {
        /* glibc's calloc bypasses its per-thread cache (tcache); malloc
         * and memset of a small block do not */
        h = malloc(size);
        if (h == NULL) {
            return NULL;
        }
        /* the payload only (the head is set below): a memset of the whole
         * block would be folded back into calloc by the compiler */
        h->handle = 0;
        memset(h + 1, 0, size - sizeof(fpy_head));
    } else {
        h = calloc(1, size);
        if (h == NULL) {
            return NULL;
        }
    }
    h->magic = FPY_MAGIC;
    return h + 1;
}

static inline int has_head(const void *p) {
    return p != NULL && ((const fpy_head *)p - 1)->magic == FPY_MAGIC;
}

int fpy_has_head(const void *p) { return has_head(p); }

/* FREEPY_CAPI_DEBUG=1 (fpy_debug): freed objects are not released but
 * poisoned, so that a later use or a second deallocation (a refcount
 * underflow) is reported with the object's type instead of corrupting
 * memory. */
int fpy_debug;

int fpy_is_poisoned(PyObject *op) { return ((const fpy_head *)op - 1)->magic == FPY_FREED; }

/* The head is marked freed and the count set to 1, so that one more
 * Py_DECREF (an underflow) reaches _Py_Dealloc, which reports it. */
static void fpy_poison(void *p) {
    FPY_HEAD(p)->magic = FPY_FREED;
    ((PyObject *)p)->ob_refcnt = 1;
}

void fpy_free(void *p) {
    if (p == NULL) {
        return;
    }
    if (fpy_debug && has_head(p)) {
        fpy_poison(p);
        return;
    }
    if (has_head(p)) {
        fpy_head *h = FPY_HEAD(p);
        h->magic = 0; /* a stale pointer must not look like ours */
        free(h);
        return;
    }
    free(p);
}

static void *fpy_realloc(void *p, size_t n) {
    if (p == NULL) {
        return fpy_alloc(n);
    }
    if (!has_head(p)) {
        return realloc(p, n);
    }
    fpy_head *h = realloc(FPY_HEAD(p), sizeof(fpy_head) + (n ? n : 1));
    return h ? (void *)(h + 1) : NULL;
}

static void *fpy_calloc(size_t nelem, size_t elsize) {
    if (elsize != 0 && nelem > (size_t)PY_SSIZE_T_MAX / elsize) {
        return NULL;
    }
    return fpy_alloc(nelem * elsize);
}

/* CPython lets extensions mix its allocator families in practice; here
 * they are all one. */
void *PyMem_RawMalloc(size_t size) { return fpy_alloc(size); }
void *PyMem_RawCalloc(size_t nelem, size_t elsize) { return fpy_calloc(nelem, elsize); }
void *PyMem_RawRealloc(void *ptr, size_t new_size) { return fpy_realloc(ptr, new_size); }
void PyMem_RawFree(void *ptr) { fpy_free(ptr); }
void *PyMem_Malloc(size_t size) { return fpy_alloc(size); }
void *PyMem_Calloc(size_t nelem, size_t elsize) { return fpy_calloc(nelem, elsize); }
void *PyMem_Realloc(void *ptr, size_t new_size) { return fpy_realloc(ptr, new_size); }
void PyMem_Free(void *ptr) { fpy_free(ptr); }
void *PyObject_Malloc(size_t size) { return fpy_alloc(size); }
void *PyObject_Calloc(size_t nelem, size_t elsize) { return fpy_calloc(nelem, elsize); }
void *PyObject_Realloc(void *ptr, size_t new_size) { return fpy_realloc(ptr, new_size); }
void PyObject_Free(void *ptr) { fpy_free(ptr); }
void PyObject_GC_Del(void *ptr) { fpy_free(ptr); }
void PyObject_GC_Track(void *op) { (void)op; }
void PyObject_GC_UnTrack(void *op) { (void)op; }
int PyObject_GC_IsTracked(PyObject *op) { (void)op; return 0; }
int PyObject_GC_IsFinalized(PyObject *op) { (void)op; return 0; }

PyObject *fpy_new_object(PyTypeObject *tp, size_t size) {
    PyObject *op = fpy_alloc(size);
    if (op == NULL) {
        return PyErr_NoMemory();
    }
    op->ob_refcnt = 1;
    op->ob_type = tp;
    if (tp->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        Py_INCREF(tp);
    }
    return op;
}

PyObject *PyObject_Init(PyObject *op, PyTypeObject *tp) {
    if (op == NULL) {
        return PyErr_NoMemory();
    }
    op->ob_refcnt = 1;
    op->ob_type = tp;
    if (tp->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        Py_INCREF(tp);
    }
    return op;
}

PyVarObject *PyObject_InitVar(PyVarObject *op, PyTypeObject *tp, Py_ssize_t size) {
    if (PyObject_Init((PyObject *)op, tp) == NULL) {
        return NULL;
    }
    op->ob_size = size;
    return op;
}

static size_t var_size(PyTypeObject *tp, Py_ssize_t nitems) {
    /* one spare item, as CPython, so that tuples and the like may be
     * NUL-terminated; rounded up to pointer alignment */
    size_t n = (size_t)tp->tp_basicsize + (size_t)(nitems + 1) * (size_t)tp->tp_itemsize;
    return (n + 7) & ~(size_t)7;
}

PyObject *_PyObject_New(PyTypeObject *tp) {
    return fpy_new_object(tp, (size_t)tp->tp_basicsize);
}

PyVarObject *_PyObject_NewVar(PyTypeObject *tp, Py_ssize_t nitems) {
    PyVarObject *op = (PyVarObject *)fpy_new_object(tp, var_size(tp, nitems));
    if (op != NULL) {
        op->ob_size = nitems;
    }
    return op;
}

PyObject *_PyObject_GC_New(PyTypeObject *tp) { return _PyObject_New(tp); }
PyVarObject *_PyObject_GC_NewVar(PyTypeObject *tp, Py_ssize_t n) { return _PyObject_NewVar(tp, n); }

PyVarObject *_PyObject_GC_Resize(PyVarObject *op, Py_ssize_t nitems) {
    PyVarObject *r = fpy_realloc(op, var_size(Py_TYPE(op), nitems));
    if (r == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    r->ob_size = nitems;
    return r;
}

PyObject *PyType_GenericAlloc(PyTypeObject *tp, Py_ssize_t nitems) {
    PyObject *op = fpy_new_object(tp, var_size(tp, nitems));
    if (op != NULL && tp->tp_itemsize != 0) {
        ((PyVarObject *)op)->ob_size = nitems;
    }
    return op;
}

/* ---- reference counting --------------------------------------------- */

static inline int value_to_freelist(PyObject *op);

void _Py_Dealloc(PyObject *op) {
    if (fpy_debug && fpy_is_poisoned(op)) {
        fprintf(stderr, "freepy: refcount underflow: a '%s' object at %p was released after it was freed\n",
                Py_TYPE(op) ? Py_TYPE(op)->tp_name : "?", (void *)op);
        op->ob_refcnt = 1;
        return;
    }
    if (fpy_debug && op->ob_refcnt < 0 && !_Py_IsImmortal(op)) {
        fprintf(stderr, "freepy: refcount underflow on a '%s' object at %p (count %zd)\n",
                Py_TYPE(op)->tp_name, (void *)op, op->ob_refcnt);
        return;
    }
    if (has_head(op)) {
        if (__atomic_load_n(&FPY_HEAD(op)->handle, __ATOMIC_ACQUIRE) != 0) {
            /* linked to a Go object: the Go side decides what zero means */
            fpyGo_LinkedZero(op);
            return;
        }
        /* the commonest death by far (a call's int or float argument or
         * result): straight to the free list, not through tp_dealloc */
        if (!fpy_debug && value_to_freelist(op)) {
            return;
        }
    }
    destructor d = Py_TYPE(op)->tp_dealloc;
    if (d != NULL) {
        d(op);
    }
}

void Py_IncRef(PyObject *op) { Py_XINCREF(op); }
void Py_DecRef(PyObject *op) { Py_XDECREF(op); }
void _Py_IncRef(PyObject *op) { Py_INCREF(op); }
void _Py_DecRef(PyObject *op) { Py_DECREF(op); }

void fpy_decref_array(PyObject **ops, Py_ssize_t n) {
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_XDECREF(ops[i]);
    }
}

static int to_freelist(PyObject *op);

/* tp_dealloc of unlinked objects with a builtin layout (a tuple built by C
 * code and dropped before Go saw it, and the like). */
void fpy_mirror_dealloc(PyObject *op) {
    PyTypeObject *tp = Py_TYPE(op);
    if (PyTuple_Check(op)) {
        for (Py_ssize_t i = 0; i < Py_SIZE(op); i++) {
            Py_XDECREF(((PyTupleObject *)op)->ob_item[i]);
        }
        if (to_freelist(op)) {
            return;
        }
    } else if (to_freelist(op)) {
        return;
    } else if (PyList_Check(op)) {
        PyListObject *l = (PyListObject *)op;
        for (Py_ssize_t i = 0; i < Py_SIZE(op); i++) {
            Py_XDECREF(l->ob_item[i]);
        }
        fpy_free(l->ob_item);
    } else if (Py_IS_TYPE(op, &PyDict_Type)) {
        fpy_cdict_dealloc(op);
    } else if (PyMethod_Check(op)) {
        Py_XDECREF(((PyMethodObject *)op)->im_func);
        Py_XDECREF(((PyMethodObject *)op)->im_self);
    } else if (PyUnicode_Check(op)) {
        PyASCIIObject *a = (PyASCIIObject *)op;
        if (!a->state.ascii) {
            PyCompactUnicodeObject *c = (PyCompactUnicodeObject *)op;
            if (c->utf8 != NULL) {
                fpy_free(c->utf8);
            }
        }
    }
    if (tp->tp_free != NULL && tp->tp_free != PyObject_Free) {
        tp->tp_free(op);
    } else {
        fpy_free(op);
    }
    if (tp->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        Py_DECREF(tp);
    }
}

/* ---- static objects -------------------------------------------------- */

#define IMMORTAL _Py_IMMORTAL_INITIAL_REFCNT

PyObject _Py_NoneStruct = {IMMORTAL, NULL};
PyObject _Py_NotImplementedStruct = {IMMORTAL, NULL};
PyObject _Py_EllipsisObject = {IMMORTAL, NULL};
struct _longobject _Py_FalseStruct = {{{IMMORTAL, NULL}, 0}, {0}};
struct _longobject _Py_TrueStruct = {{{IMMORTAL, NULL}, 1}, {1}};
char _PyByteArray_empty_string[1] = {0};
const char *const PyStructSequence_UnnamedField = "unnamed field";

#define FPY_STATIC_TYPES(X) \
    X(PyAsyncGen_Type) X(PyBaseObject_Type) X(PyBool_Type) X(PyByteArrayIter_Type) \
    X(PyByteArray_Type) X(PyBytesIter_Type) X(PyBytes_Type) X(PyCFunction_Type) \
    X(PyCMethod_Type) X(PyCallIter_Type) X(PyCapsule_Type) X(PyCell_Type) \
    X(PyClassMethodDescr_Type) X(PyClassMethod_Type) X(PyCode_Type) X(PyComplex_Type) \
    X(PyCoro_Type) X(PyDictItems_Type) X(PyDictIterItem_Type) X(PyDictIterKey_Type) \
    X(PyDictIterValue_Type) X(PyDictKeys_Type) X(PyDictProxy_Type) X(PyDictValues_Type) \
    X(PyDict_Type) X(PyEllipsis_Type) X(PyEnum_Type) X(PyFilter_Type) X(PyFloat_Type) \
    X(PyFrame_Type) X(PyFrozenSet_Type) X(PyFunction_Type) X(PyGen_Type) \
    X(PyGetSetDescr_Type) X(PyInstanceMethod_Type) X(PyListIter_Type) \
    X(PyListRevIter_Type) X(PyList_Type) X(PyLongRangeIter_Type) X(PyLong_Type) \
    X(PyMap_Type) X(PyMemberDescr_Type) X(PyMemoryView_Type) X(PyMethodDescr_Type) \
    X(PyMethod_Type) X(PyModuleDef_Type) X(PyModule_Type) X(PyProperty_Type) \
    X(PyRangeIter_Type) X(PyRange_Type) X(PyReversed_Type) X(PySeqIter_Type) \
    X(PySetIter_Type) X(PySet_Type) X(PySlice_Type) X(PyStaticMethod_Type) \
    X(PySuper_Type) X(PyTraceBack_Type) X(PyTupleIter_Type) X(PyTuple_Type) \
    X(PyType_Type) X(PyUnicodeIter_Type) X(PyUnicode_Type) X(PyWrapperDescr_Type) \
    X(PyZip_Type) X(_PyWeakref_CallableProxyType) X(_PyWeakref_ProxyType) \
    X(_PyWeakref_RefType) X(_PyNone_Type) X(_PyNotImplemented_Type)

#define DEF_TYPE(n) PyTypeObject n;
FPY_STATIC_TYPES(DEF_TYPE)
#define REF_TYPE(n) &n,
PyTypeObject *const fpy_static_types[] = {FPY_STATIC_TYPES(REF_TYPE)};
#define NAME_TYPE(n) #n,
const char *const fpy_static_type_names[] = {FPY_STATIC_TYPES(NAME_TYPE)};
const int fpy_n_static_types = sizeof(fpy_static_types) / sizeof(fpy_static_types[0]);

#define FPY_EXC_TYPES(X) \
    X(ArithmeticError) X(AssertionError) X(AttributeError) X(BaseException) \
    X(BaseExceptionGroup) X(BlockingIOError) X(BrokenPipeError) X(BufferError) \
    X(BytesWarning) X(ChildProcessError) X(ConnectionAbortedError) X(ConnectionError) \
    X(ConnectionRefusedError) X(ConnectionResetError) X(DeprecationWarning) X(EOFError) \
    X(EncodingWarning) X(Exception) X(FileExistsError) X(FileNotFoundError) \
    X(FloatingPointError) X(FutureWarning) X(GeneratorExit) X(ImportError) \
    X(ImportWarning) X(IndentationError) X(IndexError) X(InterruptedError) \
    X(IsADirectoryError) X(KeyError) X(KeyboardInterrupt) X(LookupError) X(MemoryError) \
    X(ModuleNotFoundError) X(NameError) X(NotADirectoryError) X(NotImplementedError) \
    X(OSError) X(OverflowError) X(PendingDeprecationWarning) X(PermissionError) \
    X(ProcessLookupError) X(RecursionError) X(ReferenceError) X(ResourceWarning) \
    X(RuntimeError) X(RuntimeWarning) X(StopAsyncIteration) X(StopIteration) \
    X(SyntaxError) X(SyntaxWarning) X(SystemError) X(SystemExit) X(TabError) \
    X(TimeoutError) X(TypeError) X(UnboundLocalError) X(UnicodeDecodeError) \
    X(UnicodeEncodeError) X(UnicodeError) X(UnicodeTranslateError) X(UnicodeWarning) \
    X(UserWarning) X(ValueError) X(Warning) X(ZeroDivisionError)

#define DEF_EXC(n) static PyTypeObject fpy_exc_##n; PyObject *PyExc_##n = (PyObject *)&fpy_exc_##n;
FPY_EXC_TYPES(DEF_EXC)
/* the aliases CPython keeps for old names */
PyObject *PyExc_EnvironmentError = (PyObject *)&fpy_exc_OSError;
PyObject *PyExc_IOError = (PyObject *)&fpy_exc_OSError;
#define REF_EXC(n) &fpy_exc_##n,
PyTypeObject *const fpy_exc_types[] = {FPY_EXC_TYPES(REF_EXC)};
#define PTR_EXC(n) &PyExc_##n,
PyObject **const fpy_exc_ptrs[] = {FPY_EXC_TYPES(PTR_EXC)};
#define NAME_EXC(n) #n,
const char *const fpy_exc_names[] = {FPY_EXC_TYPES(NAME_EXC)};
const int fpy_n_exc_types = sizeof(fpy_exc_types) / sizeof(fpy_exc_types[0]);

/* The small ints live inside _PyRuntime (runtime311.c), where CPython
 * 3.11's own modules expect them. */
#define small_ints fpy_small_ints

/* fpy_init_static is called once by the Go side before any extension
 * loads: it gives the static objects their types. */
void fpy_init_static(void) {
    fpy_init_runtime311();
    fpy_init_shared_strs();
    _Py_NoneStruct.ob_type = &_PyNone_Type;
    _Py_NotImplementedStruct.ob_type = &_PyNotImplemented_Type;
    _Py_EllipsisObject.ob_type = &PyEllipsis_Type;
    _Py_FalseStruct.ob_base.ob_base.ob_type = &PyBool_Type;
    _Py_TrueStruct.ob_base.ob_base.ob_type = &PyBool_Type;
    for (long v = FPY_SMALL_MIN; v <= FPY_SMALL_MAX; v++) {
        PyLongObject *o = &small_ints[v - FPY_SMALL_MIN];
        o->ob_base.ob_base.ob_refcnt = IMMORTAL;
        o->ob_base.ob_base.ob_type = &PyLong_Type;
        o->ob_base.ob_size = v < 0 ? -1 : (v > 0 ? 1 : 0);
        o->ob_digit[0] = (digit)(v < 0 ? -v : v);
    }
}

PyObject *fpy_small_int(long v) {
    if (v < FPY_SMALL_MIN || v > FPY_SMALL_MAX) {
        return NULL;
    }
    return (PyObject *)&small_ints[v - FPY_SMALL_MIN];
}

/* Per-thread free lists of small ints (up to 2 digits, all allocated at
 * one size) and floats: extension calls make and drop many, and calloc
 * plus free cost more than the rest of a call. */
#define FPY_FREELIST 64
#define SMALL_LONG_SIZE (offsetof(PyLongObject, ob_digit) + 2 * sizeof(digit))
static __thread PyObject *long_free[FPY_FREELIST];
static __thread int nlong_free;
static __thread PyObject *float_free[FPY_FREELIST];
static __thread int nfloat_free;
/* Small tuples by size (1..FPY_TUPLE_FREE): METH_VARARGS calls and
 * Py_BuildValue make one per call. A block in list n holds n items. */
static __thread PyObject *tuple_free[FPY_TUPLE_FREE][FPY_FREELIST];
static __thread int ntuple_free[FPY_TUPLE_FREE];

/* fpy_tuple_from_freelist returns a reused tuple of size n (1..FPY_TUPLE_FREE)
 * with its items NULL, or NULL if there is none. */
PyObject *fpy_tuple_from_freelist(Py_ssize_t n) {
    int *count = &ntuple_free[n - 1];
    if (*count == 0) {
        return NULL;
    }
    PyObject *op = tuple_free[n - 1][--*count];
    op->ob_refcnt = 1;
    op->ob_type = &PyTuple_Type;
    memset(((PyTupleObject *)op)->ob_item, 0, (size_t)n * sizeof(PyObject *));
    return op;
}

static PyObject *from_freelist(PyObject **list, int *n, PyTypeObject *tp) {
    if (*n == 0) {
        return NULL;
    }
    PyObject *op = list[--*n];
    op->ob_refcnt = 1;
    op->ob_type = tp;
    return op;
}

/* value_to_freelist keeps a dead small int or float, known to have a head
 * and no link, for reuse; it reports whether it did. Inline: its callers
 * (_Py_Dealloc, drop_value) are on every call's path. */
static inline int value_to_freelist(PyObject *op) {
    if (Py_IS_TYPE(op, &PyLong_Type)) {
        Py_ssize_t n = ((PyVarObject *)op)->ob_size;
        if (n >= -2 && n <= 2 && nlong_free < FPY_FREELIST) {
            long_free[nlong_free++] = op;
            return 1;
        }
    } else if (Py_IS_TYPE(op, &PyFloat_Type) && nfloat_free < FPY_FREELIST) {
        float_free[nfloat_free++] = op;
        return 1;
    }
    return 0;
}

/* to_freelist keeps a dying small int, float or small tuple (its items
 * released already) for reuse; it reports whether it did. */
static int to_freelist(PyObject *op) {
    if (fpy_debug || !has_head(op) || FPY_HEAD(op)->handle != 0) {
        return 0;
    }
    if (value_to_freelist(op)) {
        return 1;
    }
    if (Py_IS_TYPE(op, &PyTuple_Type)) {
        Py_ssize_t n = Py_SIZE(op);
        if (n >= 1 && n <= FPY_TUPLE_FREE && ntuple_free[n - 1] < FPY_FREELIST) {
            tuple_free[n - 1][ntuple_free[n - 1]++] = op;
            return 1;
        }
    }
    return 0;
}

/* fpy_stash_refill fills a thread state's stash to half (the Go side
 * calls it when one of its lists is empty). The blocks are zeroed or dead
 * objects: the Go side sets every field it hands out. */
void fpy_stash_refill(fpy_tstate_ext *x) {
    while (x->nints < FPY_NSTASH / 2) {
        PyObject *op = from_freelist(long_free, &nlong_free, &PyLong_Type);
        /* fpy_alloc, not fpy_new_object: no error indicator may be set
         * here (the C thread state of this OS thread may be another's) */
        if (op == NULL && (op = fpy_alloc(SMALL_LONG_SIZE)) == NULL) {
            break;
        }
        x->ints[x->nints++] = op;
    }
    while (x->nfloats < FPY_NSTASH / 2) {
        PyObject *op = from_freelist(float_free, &nfloat_free, &PyFloat_Type);
        if (op == NULL && (op = fpy_alloc(sizeof(PyFloatObject))) == NULL) {
            break;
        }
        x->floats[x->nfloats++] = op;
    }
}

PyObject *fpy_new_float(double v) {
    PyFloatObject *f = (PyFloatObject *)from_freelist(float_free, &nfloat_free, &PyFloat_Type);
    if (f == NULL) {
        f = (PyFloatObject *)fpy_new_object(&PyFloat_Type, sizeof(PyFloatObject));
        if (f == NULL) {
            return NULL;
        }
    }
    f->ob_fval = v;
    return (PyObject *)f;
}

/* long_from_i64_slow is fpy_long_from_i64 when the free list is empty or
 * the value needs more than two digits: out of line, so that the common
 * path is a leaf without a stack frame. */
static __attribute__((noinline)) PyObject *long_from_i64_slow(int64_t v) {
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    uint32_t d[3];
    Py_ssize_t n = 0;
    while (u != 0) {
        d[n++] = (uint32_t)(u & PyLong_MASK);
        u >>= PyLong_SHIFT;
    }
    return fpy_long_from_digits(v < 0, d, n);
}

/* fpy_long_from_i64 makes an int of any int64 value; those of up to two
 * digits (|v| < 2**60) come from the free list without a digit array. */
PyObject *fpy_long_from_i64(int64_t v) {
    if (v >= FPY_SMALL_MIN && v <= FPY_SMALL_MAX) {
        return (PyObject *)&small_ints[v - FPY_SMALL_MIN];
    }
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    int k = nlong_free;
    if (u >> (2 * PyLong_SHIFT) != 0 || k == 0) {
        return long_from_i64_slow(v);
    }
    nlong_free = --k;
    PyLongObject *o = (PyLongObject *)long_free[k];
    o->ob_base.ob_base.ob_refcnt = 1;
    o->ob_base.ob_base.ob_type = &PyLong_Type;
    o->ob_digit[0] = (digit)(u & PyLong_MASK);
    o->ob_digit[1] = (digit)(u >> PyLong_SHIFT);
    Py_ssize_t n = o->ob_digit[1] != 0 ? 2 : 1;
    o->ob_base.ob_size = v < 0 ? -n : n;
    return (PyObject *)o;
}

PyObject *fpy_long_from_digits(int negative, const uint32_t *digits, Py_ssize_t n) {
    PyLongObject *o = NULL;
    if (n <= 2) {
        o = (PyLongObject *)from_freelist(long_free, &nlong_free, &PyLong_Type);
        if (o == NULL) {
            o = (PyLongObject *)fpy_new_object(&PyLong_Type, SMALL_LONG_SIZE);
        }
    } else {
        o = (PyLongObject *)fpy_new_object(&PyLong_Type,
                                           offsetof(PyLongObject, ob_digit) + (size_t)n * sizeof(digit));
    }
    if (o == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        o->ob_digit[i] = digits[i];
    }
    o->ob_base.ob_size = negative ? -n : n;
    return (PyObject *)o;
}

PyObject *fpy_unicode_new(Py_ssize_t length, int kind, int ascii) {
    size_t head = ascii ? sizeof(PyASCIIObject) : sizeof(PyCompactUnicodeObject);
    PyObject *op = fpy_new_object(&PyUnicode_Type, head + (size_t)(length + 1) * (size_t)kind);
    if (op == NULL) {
        return NULL;
    }
    PyASCIIObject *a = (PyASCIIObject *)op;
    a->length = length;
    a->hash = -1;
    a->state.kind = (unsigned)kind;
    a->state.compact = 1;
    a->state.ascii = ascii ? 1 : 0;
    a->state.ready = 1;
    return op;
}

/* ---- trampolines: Go calls C function pointers through these -------- */

PyObject *fpy_call_unary(PyThreadState *ts, void *fn, PyObject *a) { fpy_tstate = ts; return ((unaryfunc)fn)(a); }
PyObject *fpy_call_binary(PyThreadState *ts, void *fn, PyObject *a, PyObject *b) { fpy_tstate = ts; return ((binaryfunc)fn)(a, b); }
PyObject *fpy_call_ternary(PyThreadState *ts, void *fn, PyObject *a, PyObject *b, PyObject *c) { fpy_tstate = ts;
    return ((ternaryfunc)fn)(a, b, c);
}
/* tp_getattr: the attribute name as a C string (PyGObject's GParamSpec) */
PyObject *fpy_call_getattr(PyThreadState *ts, void *fn, PyObject *a, const char *name) {
    fpy_tstate = ts;
    return ((getattrfunc)fn)(a, (char *)name);
}
int fpy_call_int_unary(PyThreadState *ts, void *fn, PyObject *a) { fpy_tstate = ts; return ((inquiry)fn)(a); }
int fpy_call_int_binary(PyThreadState *ts, void *fn, PyObject *a, PyObject *b) { fpy_tstate = ts; return ((objobjproc)fn)(a, b); }
int fpy_call_int_ternary(PyThreadState *ts, void *fn, PyObject *a, PyObject *b, PyObject *c) { fpy_tstate = ts;
    return ((objobjargproc)fn)(a, b, c);
}
Py_ssize_t fpy_call_len(PyThreadState *ts, void *fn, PyObject *a) { fpy_tstate = ts; return ((lenfunc)fn)(a); }
Py_hash_t fpy_call_hash(PyThreadState *ts, void *fn, PyObject *a) { fpy_tstate = ts; return ((hashfunc)fn)(a); }
PyObject *fpy_call_richcmp(PyThreadState *ts, void *fn, PyObject *a, PyObject *b, int op) { fpy_tstate = ts;
    return ((richcmpfunc)fn)(a, b, op);
}
PyObject *fpy_call_ssizearg(PyThreadState *ts, void *fn, PyObject *a, Py_ssize_t i) { fpy_tstate = ts; return ((ssizeargfunc)fn)(a, i); }
int fpy_call_ssizeobjarg(PyThreadState *ts, void *fn, PyObject *a, Py_ssize_t i, PyObject *v) { fpy_tstate = ts;
    return ((ssizeobjargproc)fn)(a, i, v);
}
PyObject *fpy_call_getter(PyThreadState *ts, void *fn, PyObject *a, void *closure) { fpy_tstate = ts; return ((getter)fn)(a, closure); }
int fpy_call_setter(PyThreadState *ts, void *fn, PyObject *a, PyObject *v, void *closure) { fpy_tstate = ts;
    return ((setter)fn)(a, v, closure);
}
void fpy_call_destructor(PyThreadState *ts, void *fn, PyObject *a) { fpy_tstate = ts; ((destructor)fn)(a); }
PyObject *fpy_call_init_module(PyThreadState *ts, void *fn) { fpy_tstate = ts; return ((PyObject * (*)(void)) fn)(); }
int fpy_call_exec_module(PyThreadState *ts, void *fn, PyObject *m) { fpy_tstate = ts; return ((int (*)(PyObject *))fn)(m); }
PyObject *fpy_call_create_module(PyThreadState *ts, void *fn, PyObject *spec, PyModuleDef *def) { fpy_tstate = ts;
    return ((PyObject * (*)(PyObject *, PyModuleDef *)) fn)(spec, def);
}
int fpy_call_getbuffer(PyThreadState *ts, void *fn, PyObject *a, Py_buffer *view, int flags) { fpy_tstate = ts;
    return ((getbufferproc)fn)(a, view, flags);
}
void fpy_call_releasebuffer(PyThreadState *ts, void *fn, PyObject *a, Py_buffer *view) { fpy_tstate = ts;
    ((releasebufferproc)fn)(a, view);
}

/* fpy_call_method makes a PyMethodDef call in any calling convention;
 * args is a C array of nargs + len(kwnames) borrowed references
 * (vectorcall layout). Static, with its one caller in this file: it
 * inlines into fpy_call_method_v, which sets the thread state. */
static PyObject *fpy_call_method(PyMethodDef *ml, PyObject *self, PyObject *const *args,
                                 Py_ssize_t nargs, PyObject *kwnames, PyTypeObject *cls) {
    int flags = ml->ml_flags & ~(METH_CLASS | METH_STATIC | METH_COEXIST);
    Py_ssize_t nkw = kwnames ? PyTuple_GET_SIZE(kwnames) : 0;
    switch (flags) {
    case METH_NOARGS:
        if (nargs != 0 || nkw != 0) {
            if (nkw != 0) {
                PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments", ml->ml_name);
            } else {
                PyErr_Format(PyExc_TypeError, "%.200s() takes no arguments (%zd given)",
                             ml->ml_name, nargs);
            }
            return NULL;
        }
        return ml->ml_meth(self, NULL);
    case METH_O:
        if (nargs != 1 || nkw != 0) {
            if (nkw != 0) {
                PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments", ml->ml_name);
            } else {
                PyErr_Format(PyExc_TypeError,
                             "%.200s() takes exactly one argument (%zd given)", ml->ml_name, nargs);
            }
            return NULL;
        }
        return ml->ml_meth(self, args[0]);
    case METH_FASTCALL:
        if (nkw != 0) {
            PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments", ml->ml_name);
            return NULL;
        }
        return ((_PyCFunctionFast)(void (*)(void))ml->ml_meth)(self, args, nargs);
    case METH_FASTCALL | METH_KEYWORDS:
        return ((_PyCFunctionFastWithKeywords)(void (*)(void))ml->ml_meth)(
            self, args, nargs, nkw ? kwnames : NULL);
    case METH_METHOD | METH_FASTCALL | METH_KEYWORDS:
        return ((PyCMethod)(void (*)(void))ml->ml_meth)(self, cls, args, nargs,
                                                       nkw ? kwnames : NULL);
    case METH_VARARGS:
    case METH_VARARGS | METH_KEYWORDS: {
        if (flags == METH_VARARGS && nkw != 0) {
            PyErr_Format(PyExc_TypeError, "%.200s() takes no keyword arguments", ml->ml_name);
            return NULL;
        }
        PyObject *tuple = PyTuple_New(nargs);
        if (tuple == NULL) {
            return NULL;
        }
        for (Py_ssize_t i = 0; i < nargs; i++) {
            Py_INCREF(args[i]);
            PyTuple_SET_ITEM(tuple, i, args[i]);
        }
        PyObject *kw = NULL;
        if (nkw != 0) {
            kw = PyDict_New();
            if (kw == NULL) {
                Py_DECREF(tuple);
                return NULL;
            }
            for (Py_ssize_t i = 0; i < nkw; i++) {
                if (PyDict_SetItem(kw, PyTuple_GET_ITEM(kwnames, i), args[nargs + i]) < 0) {
                    Py_DECREF(tuple);
                    Py_DECREF(kw);
                    return NULL;
                }
            }
        }
        PyObject *r;
        if (flags == METH_VARARGS) {
            r = ml->ml_meth(self, tuple);
        } else {
            r = ((PyCFunctionWithKeywords)(void (*)(void))ml->ml_meth)(self, tuple, kw);
        }
        Py_DECREF(tuple);
        Py_XDECREF(kw);
        return r;
    }
    default:
        PyErr_Format(PyExc_SystemError, "%s() method: bad call flags", ml->ml_name);
        return NULL;
    }
}

/* fpy_dealloc_now runs the destructors of objects whose count the Go side
 * has already brought to zero. */
void fpy_dealloc_now(PyThreadState *ts, PyObject **ops, Py_ssize_t n) {
    fpy_tstate = ts;
    for (Py_ssize_t i = 0; i < n; i++) {
        destructor d = Py_TYPE(ops[i])->tp_dealloc;
        if (d != NULL) {
            d(ops[i]);
        }
    }
}

void fpy_set_tstate(PyThreadState *ts) { fpy_tstate = ts; }
PyThreadState *fpy_get_tstate(void) { return fpy_tstate; }

/* Referenced so that the executable depends on libm: CPython's does, and
 * extensions call sqrt() and friends without linking libm themselves. */
double (*const fpy_libm_anchor)(double) = sqrt;

static PyObject *val_to_obj(const fpy_val *v) {
    switch (v->tag) {
    case FPY_V_INT:
        return fpy_long_from_i64(v->u.i);
    case FPY_V_FLOAT:
        return PyFloat_FromDouble(v->u.f);
    case FPY_V_NONE:
        Py_RETURN_NONE;
    case FPY_V_TRUE:
        Py_RETURN_TRUE;
    case FPY_V_FALSE:
        Py_RETURN_FALSE;
    default:
        Py_XINCREF(v->u.o);
        return v->u.o;
    }
}

/* arg_obj is val_to_obj with its commonest case, an int, inline (no
 * call and switch before fpy_long_from_i64). */
static inline PyObject *arg_obj(const fpy_val *v) {
    return v->tag == FPY_V_INT ? fpy_long_from_i64(v->u.i) : val_to_obj(v);
}

/* drop_value releases an int or float the trampoline made or decoded:
 * one that nothing else holds goes to the free list at once. */
static inline void drop_value(PyObject *o) {
    if (o->ob_refcnt == 1 && !fpy_debug && has_head(o) && FPY_HEAD(o)->handle == 0 && value_to_freelist(o)) {
        return;
    }
    Py_DECREF(o);
}

/* obj_to_val decodes simple results (stealing the reference) and passes
 * anything else on as an object. */
static void obj_to_val(PyObject *r, fpy_val *res) {
    if (r == NULL) {
        res->tag = FPY_V_NULL;
        return;
    }
    if (r == Py_None) {
        res->tag = FPY_V_NONE;
        return;
    }
    if (r == Py_True || r == Py_False) {
        res->tag = r == Py_True ? FPY_V_TRUE : FPY_V_FALSE;
        return;
    }
    if (Py_IS_TYPE(r, &PyLong_Type)) {
        Py_ssize_t n = ((PyVarObject *)r)->ob_size;
        if (n >= -2 && n <= 2) {
            const digit *d = ((PyLongObject *)r)->ob_digit;
            int64_t v = n == 0 ? 0 : (int64_t)d[0] | (n == 2 || n == -2 ? (int64_t)d[1] << PyLong_SHIFT : 0);
            res->tag = FPY_V_INT;
            res->u.i = n < 0 ? -v : v;
            drop_value(r);
            return;
        }
    } else if (Py_IS_TYPE(r, &PyFloat_Type)) {
        res->tag = FPY_V_FLOAT;
        res->u.f = ((PyFloatObject *)r)->ob_fval;
        drop_value(r);
        return;
    }
    res->tag = FPY_V_OBJ;
    res->u.o = r;
}

/* fpy_free_array frees memory the Go side released (fpy_tstate_ext). A
 * pointer with its low bit set is a dead object block (a small int, a
 * float, a tuple or a C-born dict whose items were released), kept for
 * reuse when there is room. */
void fpy_free_array(void **p, Py_ssize_t n) {
    for (Py_ssize_t i = 0; i < n; i++) {
        uintptr_t u = (uintptr_t)p[i];
        if (u & 1) {
            PyObject *op = (PyObject *)(u & ~(uintptr_t)1);
            if (!(Py_IS_TYPE(op, &PyDict_Type) ? fpy_cdict_to_freelist(op) : to_freelist(op))) {
                fpy_free(op);
            }
            continue;
        }
        fpy_free(p[i]);
    }
}

/* call_varargs makes a METH_VARARGS call (without keywords) with its
 * argument tuple built straight from the values: the ints and floats made
 * for it go into the tuple without a second reference, and a tuple that
 * nothing kept is taken apart here (no tp_dealloc), its values and its
 * block back to the free lists. */
static inline PyObject *call_varargs(PyMethodDef *ml, PyObject *self, const fpy_val *args, Py_ssize_t nargs) {
    PyObject *t = PyTuple_New(nargs);
    if (t == NULL) {
        return NULL;
    }
    PyObject **items = ((PyTupleObject *)t)->ob_item;
    for (Py_ssize_t i = 0; i < nargs; i++) {
        if (args[i].tag == FPY_V_OBJ) {
            Py_INCREF(args[i].u.o);
            items[i] = args[i].u.o;
        } else if ((items[i] = arg_obj(&args[i])) == NULL) {
            Py_DECREF(t);
            return NULL;
        }
    }
    PyObject *r = ml->ml_meth(self, t);
    if (nargs == 0 || t->ob_refcnt != 1 || fpy_debug || !has_head(t) || FPY_HEAD(t)->handle != 0) {
        Py_DECREF(t);
        return r;
    }
    for (Py_ssize_t i = 0; i < nargs; i++) {
        if (args[i].tag == FPY_V_OBJ) {
            Py_DECREF(items[i]);
        } else {
            drop_value(items[i]);
        }
    }
    if (!to_freelist(t)) {
        fpy_free(t);
    }
    return r;
}

/* stash_spill moves a stash's blocks beyond half to this OS thread's free
 * lists (or frees them when those are full). The Go side fills the stash
 * with the dead ints and floats it decoded (capi/thread.go,
 * freeValueLater), and they reach the free lists here in bulk, which is
 * cheaper than queueing each block for fpy_free_array. Called by the
 * method-call trampoline before the call: no Go code of this thread runs
 * meanwhile, so nothing else touches the stash. */
static void stash_spill(fpy_tstate_ext *x) {
    while (x->nints > FPY_NSTASH / 2) {
        PyObject *op = x->ints[--x->nints];
        if (nlong_free < FPY_FREELIST) {
            long_free[nlong_free++] = op;
        } else {
            fpy_free(op);
        }
    }
    while (x->nfloats > FPY_NSTASH / 2) {
        PyObject *op = x->floats[--x->nfloats];
        if (nfloat_free < FPY_FREELIST) {
            float_free[nfloat_free++] = op;
        } else {
            fpy_free(op);
        }
    }
}

/* args_to_objs makes the objects of n argument values into a: ints and
 * floats made here, objects borrowed (Go keeps them alive). It returns
 * how many it made: fewer than n when making one failed (error set). */
static inline Py_ssize_t args_to_objs(const fpy_val *args, Py_ssize_t n, PyObject **a) {
    Py_ssize_t made = 0;
    for (; made < n; made++) {
        if (args[made].tag == FPY_V_OBJ) {
            a[made] = args[made].u.o;
        } else if ((a[made] = arg_obj(&args[made])) == NULL) {
            break;
        }
    }
    return made;
}

/* drop_args releases what args_to_objs made of the first n values. */
static inline void drop_args(const fpy_val *args, Py_ssize_t n, PyObject **a) {
    for (Py_ssize_t i = 0; i < n; i++) {
        if (args[i].tag != FPY_V_OBJ) {
            drop_value(a[i]);
        }
    }
}

/* tstate_upkeep frees what the Go side released and brings the stash's
 * lists back to half (see stash_spill), after a method call. */
static __attribute__((noinline)) void tstate_upkeep(fpy_tstate_ext *x) {
    if (x->nfree != 0) {
        Py_ssize_t n = x->nfree;
        x->nfree = 0;
        fpy_free_array(x->tofree, n);
    }
    if ((uint32_t)(x->nints - 1) >= FPY_NSTASH / 2 || (uint32_t)(x->nfloats - 1) >= FPY_NSTASH / 2) {
        stash_spill(x);
        fpy_stash_refill(x);
    }
}

/* call_general is fpy_call_method_v's work: what the per-convention
 * entries leave (keywords, the other conventions, METH_FASTCALL with more
 * than 4 arguments, argument counts that are wrong for METH_NOARGS or
 * METH_O: the error). */
static __attribute__((noinline)) void call_general(PyMethodDef *ml, PyObject *self, const fpy_val *args,
                                                   Py_ssize_t nargs, PyObject *kwnames, PyTypeObject *cls,
                                                   fpy_val *res) {
    Py_ssize_t n = nargs + (kwnames ? PyTuple_GET_SIZE(kwnames) : 0);
    PyObject *stack[16];
    PyObject **a = stack;
    stack[0] = NULL; /* a zero-argument call passes a valid, unread array */
    if (n > 16) {
        a = PyMem_Malloc((size_t)n * sizeof(PyObject *));
        if (a == NULL) {
            PyErr_NoMemory();
            res->tag = FPY_V_NULL;
            return;
        }
    }
    Py_ssize_t made = args_to_objs(args, n, a);
    PyObject *r = NULL;
    if (made == n) {
        r = fpy_call_method(ml, self, a, nargs, kwnames, cls);
    }
    drop_args(args, made, a);
    if (a != stack) {
        PyMem_Free(a);
    }
    obj_to_val(r, res);
}

/* call_done is every method-call entry's upkeep test, after the call,
 * which then needs no registers saved across it: n - 1, unsigned, is at
 * least half for an empty list and one more than half full. An empty one
 * is refilled for the next call, without the cgo call the Go side would
 * make when it needs a block (a callback's int result takes one per
 * call). */
static inline void call_done(PyThreadState *ts) {
    fpy_tstate_ext *x = (fpy_tstate_ext *)ts;
    if (x->nfree != 0 || (uint32_t)(x->nints - 1) >= FPY_NSTASH / 2 ||
        (uint32_t)(x->nfloats - 1) >= FPY_NSTASH / 2) {
        tstate_upkeep(x);
    }
}

/* The per-convention entries (shim.h, fpy_call). Each reads what its
 * convention needs from the call buffer and keeps only the buffer's
 * address across the call (the thread state is read again after it):
 * the general trampoline's switch, its eight arguments and its six saved
 * registers are not on these paths. */

void fpy_call_noargs(uintptr_t p) {
    fpy_call *c = (fpy_call *)p;
    fpy_tstate = c->ts;
    obj_to_val(c->ml->ml_meth(c->self, NULL), &c->res);
    call_done(c->ts);
}

void fpy_call_o(uintptr_t p) {
    fpy_call *c = (fpy_call *)p;
    fpy_tstate = c->ts;
    PyObject *r;
    if (c->args[0].tag == FPY_V_OBJ) {
        r = c->ml->ml_meth(c->self, c->args[0].u.o); /* borrowed: Go keeps it alive */
    } else {
        PyObject *a = arg_obj(&c->args[0]);
        r = NULL;
        if (a != NULL) {
            r = c->ml->ml_meth(c->self, a);
            drop_value(a);
        }
    }
    obj_to_val(r, &c->res);
    call_done(c->ts);
}

/* fpy_call_fast: the Go side sends only calls of at most 4 arguments. */
void fpy_call_fast(uintptr_t p) {
    fpy_call *c = (fpy_call *)p;
    fpy_tstate = c->ts;
    Py_ssize_t nargs = c->nargs;
    PyObject *a[4];
    Py_ssize_t made = args_to_objs(c->args, nargs, a);
    PyObject *r = NULL;
    if (made == nargs) {
        r = ((_PyCFunctionFast)(void (*)(void))c->ml->ml_meth)(c->self, a, nargs);
    }
    drop_args(c->args, made, a);
    obj_to_val(r, &c->res);
    call_done(c->ts);
}

void fpy_call_varargs(uintptr_t p) {
    fpy_call *c = (fpy_call *)p;
    fpy_tstate = c->ts;
    obj_to_val(call_varargs(c->ml, c->self, c->args, c->nargs), &c->res);
    call_done(c->ts);
}

/* fpy_call_method_v is the general path: keywords, the other
 * conventions, wrong argument counts (the errors), METH_FASTCALL with
 * more than 4 arguments. */
void fpy_call_method_v(PyThreadState *ts, PyMethodDef *ml, PyObject *self, const fpy_val *args,
                       Py_ssize_t nargs, PyObject *kwnames, PyTypeObject *cls, fpy_val *res) {
    fpy_tstate = ts;
    call_general(ml, self, args, nargs, kwnames, cls, res);
    call_done(ts);
}

void fpy_call_method_u(uintptr_t ts, uintptr_t ml, uintptr_t self, uintptr_t args, Py_ssize_t nargs,
                       uintptr_t kwnames, uintptr_t cls, uintptr_t res) {
    fpy_call_method_v((PyThreadState *)ts, (PyMethodDef *)ml, (PyObject *)self, (const fpy_val *)args, nargs,
                      (PyObject *)kwnames, (PyTypeObject *)cls, (fpy_val *)res);
}

/* The PyMethodDef of mirrors of Go built-in functions: Cython reads
 * PyCFunction_GET_FLAGS of anything PyCFunction_Check accepts to pick a
 * fast path. METH_VARARGS|METH_KEYWORDS sends it to the generic call; a
 * direct call of ml_meth (m_self is the mirror itself) calls the object. */
static PyObject *fpy_gofunc_call(PyObject *self, PyObject *args, PyObject *kwargs) {
    return PyObject_Call(self, args, kwargs);
}
PyMethodDef fpy_gofunc_def = {"<built-in>", (PyCFunction)(void (*)(void))fpy_gofunc_call,
                              METH_VARARGS | METH_KEYWORDS, NULL};

/* vals_tuple builds the argument tuple of a tp_new / tp_init / tp_call
 * call in C, so that it is freed as soon as the call drops it (no Go
 * object, no link). */
static PyObject *vals_tuple(const fpy_val *args, Py_ssize_t n) {
    PyObject *t = PyTuple_New(n);
    if (t == NULL) {
        return NULL;
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        PyObject *o = val_to_obj(&args[i]);
        if (o == NULL) {
            Py_DECREF(t);
            return NULL;
        }
        PyTuple_SET_ITEM(t, i, o);
    }
    return t;
}

PyObject *fpy_call_ternary_v(PyThreadState *ts, void *fn, PyObject *self, const fpy_val *args, Py_ssize_t n,
                             PyObject *kwargs) {
    fpy_tstate = ts;
    PyObject *t = vals_tuple(args, n);
    if (t == NULL) {
        return NULL;
    }
    PyObject *r = ((ternaryfunc)fn)(self, t, kwargs);
    Py_DECREF(t);
    return r;
}

int fpy_call_init_v(PyThreadState *ts, void *fn, PyObject *self, const fpy_val *args, Py_ssize_t n,
                    PyObject *kwargs) {
    fpy_tstate = ts;
    PyObject *t = vals_tuple(args, n);
    if (t == NULL) {
        return -1;
    }
    int r = ((initproc)fn)(self, t, kwargs);
    Py_DECREF(t);
    return r;
}

/* The Go side finds a call buffer's values right after its header. */
_Static_assert(sizeof(fpy_call) == offsetof(fpy_call, args), "fpy_call: args must follow the header");
