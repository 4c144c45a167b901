/* freepy: PyMutex (CPython 3.13), a one-byte lock usable from any thread.
 *
 * Bit 0 of _bits is "locked", bit 1 "a thread is parked waiting" (3.13's
 * encoding). The uncontended paths are inline compare-and-swaps; everything
 * else goes to the runtime's PyMutex_Lock / PyMutex_Unlock. A PyMutex is
 * zero-initialised: PyMutex m = {0}; */
#ifndef Py_LOCK_H
#define Py_LOCK_H
#ifdef __cplusplus
extern "C" {
#endif

typedef struct PyMutex {
    uint8_t _bits;
} PyMutex;

#define _Py_UNLOCKED 0
#define _Py_LOCKED 1
#define _Py_HAS_PARKED 2

PyAPI_FUNC(void) PyMutex_Lock(PyMutex *m);
PyAPI_FUNC(void) PyMutex_Unlock(PyMutex *m);

static inline void _PyMutex_LockInline(PyMutex *m) {
    uint8_t expected = _Py_UNLOCKED;
    if (!__atomic_compare_exchange_n(&m->_bits, &expected, (uint8_t)_Py_LOCKED, 0,
                                     __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
        (PyMutex_Lock)(m);
    }
}

static inline void _PyMutex_UnlockInline(PyMutex *m) {
    uint8_t expected = _Py_LOCKED;
    if (!__atomic_compare_exchange_n(&m->_bits, &expected, (uint8_t)_Py_UNLOCKED, 0,
                                     __ATOMIC_RELEASE, __ATOMIC_RELAXED)) {
        (PyMutex_Unlock)(m);
    }
}

static inline int PyMutex_IsLocked(PyMutex *m) {
    return (__atomic_load_n(&m->_bits, __ATOMIC_RELAXED) & _Py_LOCKED) != 0;
}

#define PyMutex_Lock(m) _PyMutex_LockInline(m)
#define PyMutex_Unlock(m) _PyMutex_UnlockInline(m)

#ifdef __cplusplus
}
#endif
#endif /* Py_LOCK_H */
