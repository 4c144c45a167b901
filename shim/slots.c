/* Type slots: the generic slot functions that mirrors of Go types carry
 * (each calls back into Go), and the slot table of PyType_FromSpec. */
#include "shim.h"

/* Unary slots. */
#define U(name, which) \
    static PyObject *gs_##name(PyObject *a) { return fpyGo_SlotUnary(a, which); }
U(repr, FPY_S_REPR)
U(str, FPY_S_STR)
U(iter, FPY_S_ITER)
U(neg, FPY_S_NEG)
U(pos, FPY_S_POS)
U(abs, FPY_S_ABS)
U(invert, FPY_S_INVERT)
U(int, FPY_S_INT)
U(float, FPY_S_FLOAT)
U(index, FPY_S_INDEX)

static PyObject *gs_next(PyObject *a) { return fpyGo_SlotUnary(a, FPY_S_NEXT); }

/* Binary number slots: which is FPY_S_NB + the interpreter's operator
 * index (py.NbAdd ...). */
#define B(name, idx) \
    static PyObject *gs_nb_##name(PyObject *a, PyObject *b) { return fpyGo_SlotBinary(a, b, FPY_S_NB + (idx)); }
B(add, 0) B(and, 1) B(floordiv, 2) B(lshift, 3) B(matmul, 4) B(mul, 5) B(mod, 6) B(or, 7)
B(rshift, 9) B(sub, 10) B(truediv, 11) B(xor, 12)
static PyObject *gs_nb_pow(PyObject *a, PyObject *b, PyObject *c) {
    return fpyGo_SlotTernary(a, b, c, FPY_S_POW);
}
static PyObject *gs_getattr(PyObject *a, PyObject *b) { return fpyGo_SlotBinary(a, b, FPY_S_GETATTR); }
static PyObject *gs_getitem(PyObject *a, PyObject *b) { return fpyGo_SlotBinary(a, b, FPY_S_GETITEM); }
static PyObject *gs_call(PyObject *a, PyObject *b, PyObject *c) {
    return fpyGo_SlotTernary(a, b, c, FPY_S_CALL);
}
static PyObject *gs_new(PyTypeObject *a, PyObject *b, PyObject *c) {
    return fpyGo_SlotTernary((PyObject *)a, b, c, FPY_S_NEW);
}
static PyObject *gs_descr_get(PyObject *a, PyObject *b, PyObject *c) {
    return fpyGo_SlotTernary(a, b, c, FPY_S_DESCR_GET);
}
static int gs_setattr(PyObject *a, PyObject *b, PyObject *c) { return fpyGo_SlotInt(a, b, c, FPY_S_SETATTR); }
static int gs_setitem(PyObject *a, PyObject *b, PyObject *c) { return fpyGo_SlotInt(a, b, c, FPY_S_SETITEM); }
static int gs_contains(PyObject *a, PyObject *b) { return fpyGo_SlotInt(a, b, NULL, FPY_S_CONTAINS); }
static int gs_bool(PyObject *a) { return fpyGo_SlotInt(a, NULL, NULL, FPY_S_BOOL); }
static int gs_init(PyObject *a, PyObject *b, PyObject *c) { return fpyGo_SlotInt(a, b, c, FPY_S_INIT); }
static int gs_descr_set(PyObject *a, PyObject *b, PyObject *c) { return fpyGo_SlotInt(a, b, c, FPY_S_DESCR_SET); }
static Py_ssize_t gs_len(PyObject *a) { return fpyGo_SlotLen(a, FPY_S_LEN); }
static Py_hash_t gs_hash(PyObject *a) { return fpyGo_SlotHash(a); }
static PyObject *gs_richcmp(PyObject *a, PyObject *b, int op) { return fpyGo_SlotRichCompare(a, b, op); }
static PyObject *gs_sq_item(PyObject *a, Py_ssize_t i) {
    PyObject *k = PyLong_FromSsize_t(i);
    if (k == NULL) {
        return NULL;
    }
    PyObject *r = fpyGo_SlotBinary(a, k, FPY_S_GETITEM);
    Py_DECREF(k);
    return r;
}

static void *const generic_slots[] = {
    (void *)gs_repr, (void *)gs_str, (void *)gs_iter, (void *)gs_next, (void *)gs_neg,
    (void *)gs_pos, (void *)gs_abs, (void *)gs_invert, (void *)gs_int, (void *)gs_float,
    (void *)gs_index, (void *)gs_nb_add, (void *)gs_nb_and, (void *)gs_nb_floordiv,
    (void *)gs_nb_lshift, (void *)gs_nb_matmul, (void *)gs_nb_mul, (void *)gs_nb_mod,
    (void *)gs_nb_or, (void *)gs_nb_rshift, (void *)gs_nb_sub, (void *)gs_nb_truediv,
    (void *)gs_nb_xor, (void *)gs_nb_pow, (void *)gs_getattr, (void *)gs_getitem,
    (void *)gs_call, (void *)gs_new, (void *)gs_descr_get, (void *)gs_setattr,
    (void *)gs_setitem, (void *)gs_contains, (void *)gs_bool, (void *)gs_init,
    (void *)gs_descr_set, (void *)gs_len, (void *)gs_hash, (void *)gs_richcmp,
    (void *)gs_sq_item, (void *)fpy_mirror_dealloc,
};

int fpy_is_generic_slot(void *fn) {
    if (fn == NULL) {
        return 0;
    }
    for (size_t i = 0; i < sizeof(generic_slots) / sizeof(generic_slots[0]); i++) {
        if (generic_slots[i] == fn) {
            return 1;
        }
    }
    return 0;
}

#define HAS(bit) (mask & ((uint64_t)1 << (bit)))

/* fpy_fill_generic_slots gives the mirror of a Go type the slots its Go
 * type supports (mask: bit FPY_S_x set when the Go type has that slot).
 * The suites are allocated here and live as long as the type. */
void fpy_fill_generic_slots(PyTypeObject *tp, uint64_t mask) {
    PyNumberMethods *nb = fpy_alloc(sizeof(PyNumberMethods));
    PySequenceMethods *sq = fpy_alloc(sizeof(PySequenceMethods));
    PyMappingMethods *mp = fpy_alloc(sizeof(PyMappingMethods));
    tp->tp_as_number = nb;
    tp->tp_as_sequence = sq;
    tp->tp_as_mapping = mp;
    tp->tp_dealloc = fpy_mirror_dealloc;
    tp->tp_alloc = PyType_GenericAlloc;
    tp->tp_free = PyObject_Free;
    tp->tp_getattro = gs_getattr;
    tp->tp_setattro = gs_setattr;
    if (HAS(FPY_S_REPR)) tp->tp_repr = gs_repr;
    if (HAS(FPY_S_STR)) tp->tp_str = gs_str;
    if (HAS(FPY_S_ITER)) tp->tp_iter = gs_iter;
    if (HAS(FPY_S_NEXT)) tp->tp_iternext = gs_next;
    if (HAS(FPY_S_CALL)) tp->tp_call = gs_call;
    if (HAS(FPY_S_NEW)) tp->tp_new = gs_new;
    if (HAS(FPY_S_INIT)) tp->tp_init = gs_init;
    if (HAS(FPY_S_HASH)) tp->tp_hash = gs_hash;
    if (HAS(FPY_S_RICHCMP)) tp->tp_richcompare = gs_richcmp;
    if (HAS(FPY_S_DESCR_GET)) tp->tp_descr_get = gs_descr_get;
    if (HAS(FPY_S_DESCR_SET)) tp->tp_descr_set = gs_descr_set;
    if (HAS(FPY_S_NEG)) nb->nb_negative = gs_neg;
    if (HAS(FPY_S_POS)) nb->nb_positive = gs_pos;
    if (HAS(FPY_S_ABS)) nb->nb_absolute = gs_abs;
    if (HAS(FPY_S_INVERT)) nb->nb_invert = gs_invert;
    if (HAS(FPY_S_INT)) nb->nb_int = gs_int;
    if (HAS(FPY_S_FLOAT)) nb->nb_float = gs_float;
    if (HAS(FPY_S_INDEX)) nb->nb_index = gs_index;
    if (HAS(FPY_S_BOOL)) nb->nb_bool = gs_bool;
    if (HAS(FPY_S_POW)) nb->nb_power = gs_nb_pow;
    if (HAS(FPY_S_NB + 0)) nb->nb_add = gs_nb_add;
    if (HAS(FPY_S_NB + 1)) nb->nb_and = gs_nb_and;
    if (HAS(FPY_S_NB + 2)) nb->nb_floor_divide = gs_nb_floordiv;
    if (HAS(FPY_S_NB + 3)) nb->nb_lshift = gs_nb_lshift;
    if (HAS(FPY_S_NB + 4)) nb->nb_matrix_multiply = gs_nb_matmul;
    if (HAS(FPY_S_NB + 5)) nb->nb_multiply = gs_nb_mul;
    if (HAS(FPY_S_NB + 6)) nb->nb_remainder = gs_nb_mod;
    if (HAS(FPY_S_NB + 7)) nb->nb_or = gs_nb_or;
    if (HAS(FPY_S_NB + 9)) nb->nb_rshift = gs_nb_rshift;
    if (HAS(FPY_S_NB + 10)) nb->nb_subtract = gs_nb_sub;
    if (HAS(FPY_S_NB + 11)) nb->nb_true_divide = gs_nb_truediv;
    if (HAS(FPY_S_NB + 12)) nb->nb_xor = gs_nb_xor;
    if (HAS(FPY_S_LEN)) {
        sq->sq_length = gs_len;
        mp->mp_length = gs_len;
    }
    if (HAS(FPY_S_GETITEM)) {
        mp->mp_subscript = gs_getitem;
        sq->sq_item = gs_sq_item;
    }
    if (HAS(FPY_S_SETITEM)) mp->mp_ass_subscript = gs_setitem;
    if (HAS(FPY_S_CONTAINS)) sq->sq_contains = gs_contains;
}

/* fpy_type_set_slot stores one PyType_Slot of a spec into a heap type.
 * It returns -1 for an unknown slot number. */
int fpy_type_set_slot(PyHeapTypeObject *ht, int slot, void *p) {
    PyTypeObject *tp = &ht->ht_type;
    switch (slot) {
#define T(n, f) case n: tp->f = p; return 0;
#define NB(n, f) case n: ht->as_number.f = p; return 0;
#define SQ(n, f) case n: ht->as_sequence.f = p; return 0;
#define MP(n, f) case n: ht->as_mapping.f = p; return 0;
#define BF(n, f) case n: ht->as_buffer.f = p; return 0;
#define AM(n, f) case n: ht->as_async.f = p; return 0;
    BF(Py_bf_getbuffer, bf_getbuffer) BF(Py_bf_releasebuffer, bf_releasebuffer)
    MP(Py_mp_ass_subscript, mp_ass_subscript) MP(Py_mp_length, mp_length)
    MP(Py_mp_subscript, mp_subscript)
    NB(Py_nb_absolute, nb_absolute) NB(Py_nb_add, nb_add) NB(Py_nb_and, nb_and)
    NB(Py_nb_bool, nb_bool) NB(Py_nb_divmod, nb_divmod) NB(Py_nb_float, nb_float)
    NB(Py_nb_floor_divide, nb_floor_divide) NB(Py_nb_index, nb_index)
    NB(Py_nb_inplace_add, nb_inplace_add) NB(Py_nb_inplace_and, nb_inplace_and)
    NB(Py_nb_inplace_floor_divide, nb_inplace_floor_divide)
    NB(Py_nb_inplace_lshift, nb_inplace_lshift) NB(Py_nb_inplace_multiply, nb_inplace_multiply)
    NB(Py_nb_inplace_or, nb_inplace_or) NB(Py_nb_inplace_power, nb_inplace_power)
    NB(Py_nb_inplace_remainder, nb_inplace_remainder) NB(Py_nb_inplace_rshift, nb_inplace_rshift)
    NB(Py_nb_inplace_subtract, nb_inplace_subtract)
    NB(Py_nb_inplace_true_divide, nb_inplace_true_divide) NB(Py_nb_inplace_xor, nb_inplace_xor)
    NB(Py_nb_int, nb_int) NB(Py_nb_invert, nb_invert) NB(Py_nb_lshift, nb_lshift)
    NB(Py_nb_multiply, nb_multiply) NB(Py_nb_negative, nb_negative) NB(Py_nb_or, nb_or)
    NB(Py_nb_positive, nb_positive) NB(Py_nb_power, nb_power) NB(Py_nb_remainder, nb_remainder)
    NB(Py_nb_rshift, nb_rshift) NB(Py_nb_subtract, nb_subtract)
    NB(Py_nb_true_divide, nb_true_divide) NB(Py_nb_xor, nb_xor)
    NB(Py_nb_matrix_multiply, nb_matrix_multiply)
    NB(Py_nb_inplace_matrix_multiply, nb_inplace_matrix_multiply)
    SQ(Py_sq_ass_item, sq_ass_item) SQ(Py_sq_concat, sq_concat) SQ(Py_sq_contains, sq_contains)
    SQ(Py_sq_inplace_concat, sq_inplace_concat) SQ(Py_sq_inplace_repeat, sq_inplace_repeat)
    SQ(Py_sq_item, sq_item) SQ(Py_sq_length, sq_length) SQ(Py_sq_repeat, sq_repeat)
    T(Py_tp_alloc, tp_alloc) T(Py_tp_base, tp_base) T(Py_tp_bases, tp_bases)
    T(Py_tp_call, tp_call) T(Py_tp_clear, tp_clear) T(Py_tp_dealloc, tp_dealloc)
    T(Py_tp_del, tp_del) T(Py_tp_descr_get, tp_descr_get) T(Py_tp_descr_set, tp_descr_set)
    T(Py_tp_getattr, tp_getattr) T(Py_tp_getattro, tp_getattro) T(Py_tp_hash, tp_hash)
    T(Py_tp_init, tp_init) T(Py_tp_is_gc, tp_is_gc) T(Py_tp_iter, tp_iter)
    T(Py_tp_iternext, tp_iternext) T(Py_tp_methods, tp_methods) T(Py_tp_new, tp_new)
    T(Py_tp_repr, tp_repr) T(Py_tp_richcompare, tp_richcompare) T(Py_tp_setattr, tp_setattr)
    T(Py_tp_setattro, tp_setattro) T(Py_tp_str, tp_str) T(Py_tp_traverse, tp_traverse)
    T(Py_tp_members, tp_members) T(Py_tp_getset, tp_getset) T(Py_tp_free, tp_free)
    T(Py_tp_finalize, tp_finalize)
    AM(Py_am_await, am_await) AM(Py_am_aiter, am_aiter) AM(Py_am_anext, am_anext)
    AM(Py_am_send, am_send)
    case Py_tp_doc: {
        const char *doc = p;
        if (doc != NULL) {
            size_t n = strlen(doc) + 1;
            char *copy = fpy_alloc(n);
            if (copy == NULL) {
                return -1;
            }
            memcpy(copy, doc, n);
            tp->tp_doc = copy;
        }
        return 0;
    }
    default:
        return -1;
    }
}

/* fpy_type_get_slot reads one slot by its PyType_Slot number. */
void *fpy_type_get_slot(PyTypeObject *tp, int slot) {
    switch (slot) {
#undef T
#undef NB
#undef SQ
#undef MP
#undef BF
#undef AM
#define T(n, f) case n: return (void *)tp->f;
#define NB(n, f) case n: return tp->tp_as_number ? (void *)tp->tp_as_number->f : NULL;
#define SQ(n, f) case n: return tp->tp_as_sequence ? (void *)tp->tp_as_sequence->f : NULL;
#define MP(n, f) case n: return tp->tp_as_mapping ? (void *)tp->tp_as_mapping->f : NULL;
#define BF(n, f) case n: return tp->tp_as_buffer ? (void *)tp->tp_as_buffer->f : NULL;
#define AM(n, f) case n: return tp->tp_as_async ? (void *)tp->tp_as_async->f : NULL;
    BF(Py_bf_getbuffer, bf_getbuffer) BF(Py_bf_releasebuffer, bf_releasebuffer)
    MP(Py_mp_ass_subscript, mp_ass_subscript) MP(Py_mp_length, mp_length)
    MP(Py_mp_subscript, mp_subscript)
    NB(Py_nb_absolute, nb_absolute) NB(Py_nb_add, nb_add) NB(Py_nb_and, nb_and)
    NB(Py_nb_bool, nb_bool) NB(Py_nb_divmod, nb_divmod) NB(Py_nb_float, nb_float)
    NB(Py_nb_floor_divide, nb_floor_divide) NB(Py_nb_index, nb_index)
    NB(Py_nb_inplace_add, nb_inplace_add) NB(Py_nb_inplace_and, nb_inplace_and)
    NB(Py_nb_inplace_floor_divide, nb_inplace_floor_divide)
    NB(Py_nb_inplace_lshift, nb_inplace_lshift) NB(Py_nb_inplace_multiply, nb_inplace_multiply)
    NB(Py_nb_inplace_or, nb_inplace_or) NB(Py_nb_inplace_power, nb_inplace_power)
    NB(Py_nb_inplace_remainder, nb_inplace_remainder) NB(Py_nb_inplace_rshift, nb_inplace_rshift)
    NB(Py_nb_inplace_subtract, nb_inplace_subtract)
    NB(Py_nb_inplace_true_divide, nb_inplace_true_divide) NB(Py_nb_inplace_xor, nb_inplace_xor)
    NB(Py_nb_int, nb_int) NB(Py_nb_invert, nb_invert) NB(Py_nb_lshift, nb_lshift)
    NB(Py_nb_multiply, nb_multiply) NB(Py_nb_negative, nb_negative) NB(Py_nb_or, nb_or)
    NB(Py_nb_positive, nb_positive) NB(Py_nb_power, nb_power) NB(Py_nb_remainder, nb_remainder)
    NB(Py_nb_rshift, nb_rshift) NB(Py_nb_subtract, nb_subtract)
    NB(Py_nb_true_divide, nb_true_divide) NB(Py_nb_xor, nb_xor)
    NB(Py_nb_matrix_multiply, nb_matrix_multiply)
    NB(Py_nb_inplace_matrix_multiply, nb_inplace_matrix_multiply)
    SQ(Py_sq_ass_item, sq_ass_item) SQ(Py_sq_concat, sq_concat) SQ(Py_sq_contains, sq_contains)
    SQ(Py_sq_inplace_concat, sq_inplace_concat) SQ(Py_sq_inplace_repeat, sq_inplace_repeat)
    SQ(Py_sq_item, sq_item) SQ(Py_sq_length, sq_length) SQ(Py_sq_repeat, sq_repeat)
    T(Py_tp_alloc, tp_alloc) T(Py_tp_base, tp_base) T(Py_tp_bases, tp_bases)
    T(Py_tp_call, tp_call) T(Py_tp_clear, tp_clear) T(Py_tp_dealloc, tp_dealloc)
    T(Py_tp_del, tp_del) T(Py_tp_descr_get, tp_descr_get) T(Py_tp_descr_set, tp_descr_set)
    T(Py_tp_getattr, tp_getattr) T(Py_tp_getattro, tp_getattro) T(Py_tp_hash, tp_hash)
    T(Py_tp_init, tp_init) T(Py_tp_is_gc, tp_is_gc) T(Py_tp_iter, tp_iter)
    T(Py_tp_iternext, tp_iternext) T(Py_tp_methods, tp_methods) T(Py_tp_new, tp_new)
    T(Py_tp_repr, tp_repr) T(Py_tp_richcompare, tp_richcompare) T(Py_tp_setattr, tp_setattr)
    T(Py_tp_setattro, tp_setattro) T(Py_tp_str, tp_str) T(Py_tp_traverse, tp_traverse)
    T(Py_tp_members, tp_members) T(Py_tp_getset, tp_getset) T(Py_tp_free, tp_free)
    T(Py_tp_finalize, tp_finalize) T(Py_tp_doc, tp_doc)
    AM(Py_am_await, am_await) AM(Py_am_aiter, am_aiter) AM(Py_am_anext, am_anext)
    AM(Py_am_send, am_send)
    default:
        PyErr_SetString(PyExc_SystemError, "PyType_GetSlot: bad slot number");
        return NULL;
    }
}

/* CPython 3.10+ answers for static types too. */
void *PyType_GetSlot(PyTypeObject *tp, int slot) { return fpy_type_get_slot(tp, slot); }

unsigned long PyType_GetFlags(PyTypeObject *tp) { return tp->tp_flags; }
