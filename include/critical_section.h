/* freepy: critical sections (CPython 3.13).
 *
 * Py_BEGIN_CRITICAL_SECTION(op) locks the per-object lock of op until the
 * matching Py_END_CRITICAL_SECTION(); the two-object form locks both in a
 * fixed order so that it cannot deadlock against the same pair in the other
 * order. As in 3.13, a critical section may be suspended while the thread
 * blocks (for instance inside Py_BEGIN_ALLOW_THREADS), so it protects
 * against concurrent access, not across a blocking call.
 *
 * freepy keeps CPython 3.11's object header, which has no room for a lock:
 * the runtime finds the lock for an object itself. The structs are opaque;
 * their size is fixed so that they can live on the caller's stack. */
#ifndef Py_CRITICAL_SECTION_H
#define Py_CRITICAL_SECTION_H
#ifdef __cplusplus
extern "C" {
#endif

typedef struct PyCriticalSection {
    uintptr_t _cs_prev;
    void *_cs_private[3];
} PyCriticalSection;

typedef struct PyCriticalSection2 {
    PyCriticalSection _cs_base;
    void *_cs_private2[2];
} PyCriticalSection2;

PyAPI_FUNC(void) PyCriticalSection_Begin(PyCriticalSection *c, PyObject *op);
PyAPI_FUNC(void) PyCriticalSection_End(PyCriticalSection *c);
PyAPI_FUNC(void) PyCriticalSection2_Begin(PyCriticalSection2 *c, PyObject *a, PyObject *b);
PyAPI_FUNC(void) PyCriticalSection2_End(PyCriticalSection2 *c);

#define Py_BEGIN_CRITICAL_SECTION(op) \
    { \
        PyCriticalSection _py_cs; \
        PyCriticalSection_Begin(&_py_cs, _PyObject_CAST(op))

#define Py_END_CRITICAL_SECTION() \
        PyCriticalSection_End(&_py_cs); \
    }

#define Py_BEGIN_CRITICAL_SECTION2(a, b) \
    { \
        PyCriticalSection2 _py_cs2; \
        PyCriticalSection2_Begin(&_py_cs2, _PyObject_CAST(a), _PyObject_CAST(b))

#define Py_END_CRITICAL_SECTION2() \
        PyCriticalSection2_End(&_py_cs2); \
    }

#ifdef __cplusplus
}
#endif
#endif /* Py_CRITICAL_SECTION_H */
