/* freepy's C shim: internal declarations shared by the C side of the C API
 * (the .c files of shim/) and the Go side (capi/). Not for extensions.
 *
 * Memory: every block freepy's allocators hand out (objects and plain
 * memory alike) is preceded by an fpy_head. For an object, head.handle names
 * the Go object linked to it (capi/link.go); 0 means "not linked yet". Static
 * objects (type objects inside extensions) have no head: the Go side finds
 * them in a table instead. */
#ifndef FPY_SHIM_H
#define FPY_SHIM_H

#include "Python.h"
#include "structmember.h"
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#define FPY_MAGIC 0x3179706565726631ULL /* "1freepy1" */

typedef struct fpy_head {
    uint64_t magic;
    uint64_t handle; /* capi link id; written by Go with atomics */
} fpy_head;

#define FPY_HEAD(op) ((fpy_head *)((char *)(op) - sizeof(fpy_head)))

void *fpy_alloc(size_t n);          /* zeroed, with a head */
void fpy_free(void *p);             /* p from fpy_alloc (or plain malloc) */
int fpy_has_head(const void *p);
extern uint64_t fpy_alloc_bytes;
/* FREEPY_CAPI_DEBUG: poisoned freed objects (docs/capi.md, Debugging). */
extern int fpy_debug;
#define FPY_FREED 0x6465657266797066ULL /* head magic of a poisoned object */
int fpy_is_poisoned(PyObject *op);

/* The thread state of the C code running on this OS thread. The Go side
 * sets it every time it enters C, because goroutines change OS threads. */
extern __thread PyThreadState *fpy_tstate;

/* Mortal objects begin with one reference. */
PyObject *fpy_new_object(PyTypeObject *tp, size_t size);

/* Builtin layouts, built in C. */
PyObject *fpy_long_from_digits(int negative, const uint32_t *digits, Py_ssize_t n);
PyObject *fpy_long_from_i64(int64_t v);
/* The shared empty and one-character ASCII strs (objects.c): an array of
 * FPY_NSHARED_STRS entries, each an fpy_head followed by the str. */
#define FPY_NSHARED_STRS 129
typedef struct fpy_shared_str {
    fpy_head head;
    PyASCIIObject str;
    char data[8];
} fpy_shared_str;
extern fpy_shared_str *fpy_shared_strs;

/* fpy_shared_str_of returns the shared str of s[:n] (n 0 or 1, ASCII),
 * or NULL. */
static inline PyObject *fpy_shared_str_of(const char *s, Py_ssize_t n) {
    if (n == 0) {
        return (PyObject *)&fpy_shared_strs[0].str;
    }
    if (n == 1 && (unsigned char)s[0] < 0x80) {
        return (PyObject *)&fpy_shared_strs[1 + (unsigned char)s[0]].str;
    }
    return NULL;
}
void fpy_init_shared_strs(void);
PyObject *fpy_unicode_new(Py_ssize_t length, int kind, int ascii);
PyObject *fpy_small_int(long v); /* NULL when v is not cached */
PyObject *fpy_new_float(double v);
void fpy_init_runtime311(void);
const char *fpy_dl_file(void *p);
extern PyLongObject *const fpy_small_ints; /* -5 .. 256, inside _PyRuntime */
/* fpy_small_long_value reads an exact int of at most two digits (which
 * always fits in 64 bits); it reports whether op was one. */
static inline int fpy_small_long_value(PyObject *op, long long *out) {
    if (!Py_IS_TYPE(op, &PyLong_Type)) {
        return 0;
    }
    Py_ssize_t n = ((PyVarObject *)op)->ob_size;
    if (n < -2 || n > 2) {
        return 0;
    }
    const digit *d = ((PyLongObject *)op)->ob_digit;
    long long v = n == 0 ? 0 : (long long)d[0] | (n == 2 || n == -2 ? (long long)d[1] << PyLong_SHIFT : 0);
    *out = n < 0 ? -v : v;
    return 1;
}
#define FPY_SMALL_MIN (-5)
#define FPY_SMALL_MAX 256

/* C-born dicts (dict.c): PyDict_New makes a dict that C code owns and
 * fills in C until it first crosses into Go, when the Go side realizes it
 * (a Go dict takes the entries over and the object becomes its mirror).
 * ma_keys points at the entry table while the dict is C-born and is NULL
 * afterwards; mirrors of Go dicts never have one, so a non-NULL ma_keys
 * also says that the object is an fpy_cdict, with its lock. The lock
 * guards the table and ma_keys (C code may share a dict between threads
 * before Go sees it); it is held only for a few loads and stores, never
 * across a call. */
typedef struct fpy_centry {
    PyObject *key, *value; /* owned references */
} fpy_centry;

typedef struct fpy_ctable {
    Py_ssize_t cap;
    fpy_centry e[1]; /* cap entries; ma_used of them are in use */
} fpy_ctable;

typedef struct fpy_cdict {
    PyDictObject d;
    uint32_t lock; /* 0 free, 1 held */
} fpy_cdict;
#define FPY_CDICT_MAX 16 /* beyond that many keys a dict goes to Go */
void fpy_cdict_dealloc(PyObject *op);
int fpy_cdict_to_freelist(PyObject *op);
int fpy_cdict_set_new(PyObject *op, PyObject *key, PyObject *value);

/* Extra per-thread state after the PyThreadState: memory the Go side
 * released without a cgo call (capi/thread.go, release), freed by the
 * next call trampoline that thread makes. */
#define FPY_NFREE 64
/* The stash: dead blocks of small ints (two digits of room) and floats,
 * unlinked, with their heads, that the Go side makes ints and floats in
 * without a cgo call (capi/convert.go, stashedInt); fpy_stash_refill
 * fills it to half from the OS thread's free lists. The Go side puts the
 * dead ones it decodes back, up to full, and the method-call trampoline
 * moves what is beyond half to the free lists (stash_spill). */
#define FPY_NSTASH 32
typedef struct fpy_tstate_ext {
    PyThreadState ts;
    Py_ssize_t nfree;
    void *tofree[FPY_NFREE];
    int32_t nints, nfloats;
    PyObject *ints[FPY_NSTASH];
    PyObject *floats[FPY_NSTASH];
} fpy_tstate_ext;
void fpy_free_array(void **p, Py_ssize_t n);
void fpy_stash_refill(fpy_tstate_ext *x);
/* Per-thread free lists of tuples of 1..FPY_TUPLE_FREE items (core.c). */
#define FPY_TUPLE_FREE 4
PyObject *fpy_tuple_from_freelist(Py_ssize_t n);

/* Static type objects, in a table for the Go side. */
extern PyTypeObject _PyNone_Type, _PyNotImplemented_Type;
extern PyTypeObject *const fpy_static_types[];
extern const char *const fpy_static_type_names[];
extern const int fpy_n_static_types;
extern PyTypeObject *const fpy_exc_types[];
extern PyObject **const fpy_exc_ptrs[];
extern const char *const fpy_exc_names[];
extern const int fpy_n_exc_types;

/* Slot trampolines the Go side calls. fn is the C function pointer. */
PyObject *fpy_call_unary(PyThreadState *ts, void *fn, PyObject *a);
PyObject *fpy_call_binary(PyThreadState *ts, void *fn, PyObject *a, PyObject *b);
PyObject *fpy_call_ternary(PyThreadState *ts, void *fn, PyObject *a, PyObject *b, PyObject *c);
PyObject *fpy_call_getattr(PyThreadState *ts, void *fn, PyObject *a, const char *name);
int fpy_call_int_unary(PyThreadState *ts, void *fn, PyObject *a);
int fpy_call_int_binary(PyThreadState *ts, void *fn, PyObject *a, PyObject *b);
int fpy_call_int_ternary(PyThreadState *ts, void *fn, PyObject *a, PyObject *b, PyObject *c);
Py_ssize_t fpy_call_len(PyThreadState *ts, void *fn, PyObject *a);
Py_hash_t fpy_call_hash(PyThreadState *ts, void *fn, PyObject *a);
PyObject *fpy_call_richcmp(PyThreadState *ts, void *fn, PyObject *a, PyObject *b, int op);
PyObject *fpy_call_ssizearg(PyThreadState *ts, void *fn, PyObject *a, Py_ssize_t i);
int fpy_call_ssizeobjarg(PyThreadState *ts, void *fn, PyObject *a, Py_ssize_t i, PyObject *v);
PyObject *fpy_call_getter(PyThreadState *ts, void *fn, PyObject *a, void *closure);
int fpy_call_setter(PyThreadState *ts, void *fn, PyObject *a, PyObject *v, void *closure);
void fpy_call_destructor(PyThreadState *ts, void *fn, PyObject *a);
PyObject *fpy_call_init_module(PyThreadState *ts, void *fn);
int fpy_call_exec_module(PyThreadState *ts, void *fn, PyObject *m);
PyObject *fpy_call_create_module(PyThreadState *ts, void *fn, PyObject *spec, PyModuleDef *def);
int fpy_call_getbuffer(PyThreadState *ts, void *fn, PyObject *a, Py_buffer *view, int flags);
void fpy_call_releasebuffer(PyThreadState *ts, void *fn, PyObject *a, Py_buffer *view);

/* Slot codes for the generic slots (fpyGo_Slot*); also bit numbers of the
 * mask given to fpy_fill_generic_slots. */
enum {
    FPY_S_REPR, FPY_S_STR, FPY_S_ITER, FPY_S_NEXT, FPY_S_NEG, FPY_S_POS, FPY_S_ABS,
    FPY_S_INVERT, FPY_S_INT, FPY_S_FLOAT, FPY_S_INDEX, FPY_S_BOOL, FPY_S_POW,
    FPY_S_GETATTR, FPY_S_SETATTR, FPY_S_GETITEM, FPY_S_SETITEM, FPY_S_CONTAINS,
    FPY_S_CALL, FPY_S_NEW, FPY_S_INIT, FPY_S_DESCR_GET, FPY_S_DESCR_SET, FPY_S_LEN,
    FPY_S_HASH, FPY_S_RICHCMP,
    FPY_S_NB = 32 /* + py.NbAdd .. py.NbXor (13 operators) */
};
int fpy_type_set_slot(PyHeapTypeObject *ht, int slot, void *p);
void *fpy_type_get_slot(PyTypeObject *tp, int slot);

/* A value passed between Go and the call trampoline without a C object:
 * ints and floats are made into objects (and destroyed) in C, and simple
 * results come back decoded, so that a typical call crosses cgo once. */
typedef struct fpy_val {
    int64_t tag;
    union {
        int64_t i;
        double f;
        PyObject *o;
    } u;
} fpy_val;
enum { FPY_V_OBJ, FPY_V_INT, FPY_V_FLOAT, FPY_V_NONE, FPY_V_TRUE, FPY_V_FALSE, FPY_V_NULL };
/* fpy_call_method_v: args[0..nargs+nkw) as values (objects borrowed);
 * *res gets the result: a decoded value, or FPY_V_OBJ with a new
 * reference, or FPY_V_NULL (error set). */
void fpy_call_method_v(PyThreadState *ts, PyMethodDef *ml, PyObject *self, const fpy_val *args,
                       Py_ssize_t nargs, PyObject *kwnames, PyTypeObject *cls, fpy_val *res);

/* fpy_call is a call depth's C buffer for a PyMethodDef call: the Go side
 * fills it and passes its address alone to one of the per-convention
 * entries below, so that the cgo stub copies one argument, not eight, and
 * the entry reads only what its convention needs. ts is written once,
 * when the buffer is made (a thread's buffers are its own). args holds
 * the values of the call's arguments (objects borrowed); the general
 * path (fpy_call_method_u) and the slot calls use args alone. */
typedef struct fpy_call {
    PyThreadState *ts;
    PyMethodDef *ml;
    PyObject *self;
    Py_ssize_t nargs;
    fpy_val res;
    fpy_val args[];
} fpy_call;
/* METH_NOARGS without arguments, METH_O with one, METH_FASTCALL with at
 * most 4 and METH_VARARGS, all without keywords: c->res gets the result
 * as fpy_call_method_v's *res does. c is the fpy_call's address (C
 * memory, passed as an integer, see fpy_call_method_u). */
void fpy_call_noargs(uintptr_t c);
void fpy_call_o(uintptr_t c);
void fpy_call_fast(uintptr_t c);
void fpy_call_varargs(uintptr_t c);

/* fpy_call_method_u is fpy_call_method_v with its pointers (all to C
 * memory) passed as integers: cgo checks every pointer-typed argument of
 * a call for Go pointers, which cost about 15% of a trivial METH_NOARGS
 * call. */
void fpy_call_method_u(uintptr_t ts, uintptr_t ml, uintptr_t self, uintptr_t args, Py_ssize_t nargs,
                       uintptr_t kwnames, uintptr_t cls, uintptr_t res);

/* fpy_gofunc_def: the method def of mirrors of Go built-in functions. */
extern PyMethodDef fpy_gofunc_def;

PyObject *fpy_call_ternary_v(PyThreadState *ts, void *fn, PyObject *self, const fpy_val *args, Py_ssize_t n,
                             PyObject *kwargs);
int fpy_call_init_v(PyThreadState *ts, void *fn, PyObject *self, const fpy_val *args, Py_ssize_t n,
                    PyObject *kwargs);

/* Generic slot functions for mirrors of Go types (they call back into Go). */
void fpy_fill_generic_slots(PyTypeObject *tp, uint64_t mask);
int fpy_is_generic_slot(void *fn);
void fpy_mirror_dealloc(PyObject *op);
void fpy_decref_array(PyObject **ops, Py_ssize_t n);

/* Go exports (capi), called from C. */
extern void fpyGo_LinkedZero(PyObject *op);
extern void fpyGo_ForeignThread(void);
extern int fpyGo_GILStateEnsure(char *caller);
extern void fpyGo_GILStateRelease(int state);
extern PyObject *fpyGo_LongIndex(PyObject *op);
extern double fpyGo_ToDouble(PyObject *op);
extern Py_complex fpyGo_ToComplex(PyObject *op);
extern PyObject *fpyGo_DecodeUTF8Slow(char *s, Py_ssize_t n, char *errors);
extern Py_ssize_t fpyGo_ListSize(PyObject *op);
extern PyObject *fpyGo_ListGetItem(PyObject *op, Py_ssize_t i);
extern int fpyGo_ListSetItem(PyObject *op, Py_ssize_t i, PyObject *v);
extern int fpyGo_ListInsert(PyObject *op, Py_ssize_t i, PyObject *v);
extern PyObject *fpyGo_SlotUnary(PyObject *a, int which);
extern PyObject *fpyGo_SlotBinary(PyObject *a, PyObject *b, int which);
extern PyObject *fpyGo_SlotTernary(PyObject *a, PyObject *b, PyObject *c, int which);
extern int fpyGo_SlotInt(PyObject *a, PyObject *b, PyObject *c, int which);
extern Py_ssize_t fpyGo_SlotLen(PyObject *a, int which);
extern Py_hash_t fpyGo_SlotHash(PyObject *a);
extern PyObject *fpyGo_SlotRichCompare(PyObject *a, PyObject *b, int op);
extern int fpyGo_TypeIsSubtype(PyThreadState *ts, PyTypeObject *a, PyTypeObject *b);
extern int fpyGo_DictSetItem(PyThreadState *ts, PyObject *op, PyObject *k, PyObject *v);
extern int fpyGo_DictSetItemString(PyThreadState *ts, PyObject *op, char *k, PyObject *v);
extern Py_ssize_t fpyGo_DictSize(PyThreadState *ts, PyObject *op);
extern PyObject *fpyGo_NumberBinop(PyThreadState *ts, PyObject *a, PyObject *b, int which, int inplace);

/* Types whose MRO is their tp_base chain (registered by the Go side). */
void fpy_register_chain_type(PyTypeObject *tp);


void fpy_dealloc_now(PyThreadState *ts, PyObject **ops, Py_ssize_t n);
void fpy_set_tstate(PyThreadState *ts);
PyThreadState *fpy_get_tstate(void);
PyObject *fpy_member_get(PyThreadState *ts, PyObject *obj, PyMemberDef *m);
int fpy_member_set(PyThreadState *ts, PyObject *obj, PyMemberDef *m, PyObject *v);

/* Struct sequences (structseq.c). */
int fpy_structseq_register(PyTypeObject *type, Py_ssize_t n_fields, Py_ssize_t n_visible);
Py_ssize_t fpy_structseq_real_size(PyTypeObject *type);
PyObject *fpy_structseq_alloc(PyTypeObject *type, Py_ssize_t n_fields, Py_ssize_t n_visible);
void fpy_structseq_dealloc(PyObject *op);

/* tp_methods entries of built-in types that C code calls directly
 * (decimal_support.c); set once at start-up. */
void fpy_init_static_methods(void);
#endif
