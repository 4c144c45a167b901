/* Struct sequences (PyStructSequence_*): the C half.
 *
 * A struct sequence type is a Go type (capi/api_structseq.go) whose
 * instances are tuples with names. C code builds an instance with
 * PyStructSequence_New and fills it with PyStructSequence_SET_ITEM, which
 * is PyTuple_SET_ITEM: so the C object has the tuple layout, with room for
 * all n_fields items although ob_size counts only the visible ones (the
 * fields after n_in_sequence are hidden, as in CPython). The object becomes
 * a Go object when it first crosses into Go (capi/convert.go, fromC).
 *
 * New and dealloc need the type's field counts, and the type object has no
 * field for them: a small registry, written when a type is made (rarely)
 * and read lock-free. Types live as long as the process, so entries are
 * never removed. */
#include "shim.h"

typedef struct fpy_structseq_info {
    PyTypeObject *type;
    Py_ssize_t n_fields;  /* all items, hidden ones included */
    Py_ssize_t n_visible; /* n_in_sequence: what len() and indexing see */
    struct fpy_structseq_info *next;
} fpy_structseq_info;

static fpy_structseq_info *structseq_types;

/* Called by the Go side once per struct sequence type. */
int fpy_structseq_register(PyTypeObject *type, Py_ssize_t n_fields, Py_ssize_t n_visible) {
    fpy_structseq_info *info = fpy_alloc(sizeof *info);
    if (info == NULL) {
        return -1;
    }
    info->type = type;
    info->n_fields = n_fields;
    info->n_visible = n_visible;
    info->next = __atomic_load_n(&structseq_types, __ATOMIC_ACQUIRE);
    while (!__atomic_compare_exchange_n(&structseq_types, &info->next, info, 0, __ATOMIC_RELEASE,
                                        __ATOMIC_ACQUIRE)) {
    }
    return 0;
}

static const fpy_structseq_info *structseq_info(PyTypeObject *type) {
    for (const fpy_structseq_info *p = __atomic_load_n(&structseq_types, __ATOMIC_ACQUIRE); p != NULL;
         p = p->next) {
        if (p->type == type) {
            return p;
        }
    }
    return NULL;
}

/* The number of items a struct sequence object holds (-1: not one). */
Py_ssize_t fpy_structseq_real_size(PyTypeObject *type) {
    const fpy_structseq_info *info = structseq_info(type);
    return info != NULL ? info->n_fields : -1;
}

/* A struct sequence object with every item NULL, hidden ones included. */
PyObject *fpy_structseq_alloc(PyTypeObject *type, Py_ssize_t n_fields, Py_ssize_t n_visible) {
    PyTupleObject *t = (PyTupleObject *)fpy_new_object(
        type, offsetof(PyTupleObject, ob_item) + (size_t)(n_fields > 0 ? n_fields : 1) * sizeof(PyObject *));
    if (t != NULL) {
        t->ob_base.ob_size = n_visible;
    }
    return (PyObject *)t;
}

PyObject *PyStructSequence_New(PyTypeObject *type) {
    const fpy_structseq_info *info = structseq_info(type);
    if (info == NULL) {
        PyErr_BadInternalCall();
        return NULL;
    }
    return fpy_structseq_alloc(type, info->n_fields, info->n_visible);
}

/* tp_dealloc of struct sequence types: like a tuple's, but the hidden
 * items beyond ob_size are owned too. */
void fpy_structseq_dealloc(PyObject *op) {
    PyTypeObject *tp = Py_TYPE(op);
    Py_ssize_t n = fpy_structseq_real_size(tp);
    if (n < Py_SIZE(op)) {
        n = Py_SIZE(op);
    }
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_CLEAR(((PyTupleObject *)op)->ob_item[i]);
    }
    fpy_free(op);
    if (tp->tp_flags & Py_TPFLAGS_HEAPTYPE) {
        Py_DECREF(tp);
    }
}

/* Like CPython, no checks: the index must be below n_fields, and SetItem
 * steals the reference without releasing an old item. */
void PyStructSequence_SetItem(PyObject *op, Py_ssize_t i, PyObject *v) {
    ((PyTupleObject *)op)->ob_item[i] = v;
}

PyObject *PyStructSequence_GetItem(PyObject *op, Py_ssize_t i) {
    return ((PyTupleObject *)op)->ob_item[i];
}

void PyStructSequence_InitType(PyTypeObject *type, PyStructSequence_Desc *desc) {
    /* CPython 3.11 ignores the failure here too (InitType2 reports it) */
    (void)PyStructSequence_InitType2(type, desc);
}
