/* PyMutex slow paths and critical sections (the CPython 3.13 API). */
#include "shim.h"
#include <pthread.h>
#include <sched.h>
#include <time.h>

/* The slow path spins a little, then yields, then sleeps briefly; it never
 * sets _Py_HAS_PARKED, so the inline unlock always succeeds. A thread
 * blocked here holds its OS thread, like a pthread mutex would. */
void (PyMutex_Lock)(PyMutex *m) {
    for (unsigned spin = 0;; spin++) {
        uint8_t expected = _Py_UNLOCKED;
        if (__atomic_compare_exchange_n(&m->_bits, &expected, (uint8_t)_Py_LOCKED, 0,
                                        __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
            return;
        }
        if (spin < 64) {
            __builtin_ia32_pause();
        } else if (spin < 1024) {
            sched_yield();
        } else {
            struct timespec ts = {0, 50000};
            nanosleep(&ts, NULL);
        }
    }
}

void (PyMutex_Unlock)(PyMutex *m) {
    __atomic_store_n(&m->_bits, (uint8_t)_Py_UNLOCKED, __ATOMIC_RELEASE);
}

/* Critical sections: the 3.11 object header has no per-object lock, so an
 * object's lock is one of a fixed set of recursive mutexes chosen by its
 * address. Recursive, so that nested sections on objects that share a
 * stripe do not deadlock a thread against itself; two-object sections
 * take the stripes in address order. */
#define NSTRIPES 256
static pthread_mutex_t stripes[NSTRIPES];
static pthread_once_t stripes_once = PTHREAD_ONCE_INIT;

static void init_stripes(void) {
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    for (int i = 0; i < NSTRIPES; i++) {
        pthread_mutex_init(&stripes[i], &attr);
    }
    pthread_mutexattr_destroy(&attr);
}

static pthread_mutex_t *stripe(PyObject *op) {
    uintptr_t a = (uintptr_t)op;
    return &stripes[(a >> 4 ^ a >> 12) % NSTRIPES];
}

void PyCriticalSection_Begin(PyCriticalSection *c, PyObject *op) {
    pthread_once(&stripes_once, init_stripes);
    pthread_mutex_t *m = stripe(op);
    pthread_mutex_lock(m);
    c->_cs_prev = 0;
    c->_cs_private[0] = m;
    c->_cs_private[1] = NULL;
    c->_cs_private[2] = NULL;
}

void PyCriticalSection_End(PyCriticalSection *c) {
    pthread_mutex_unlock((pthread_mutex_t *)c->_cs_private[0]);
}

void PyCriticalSection2_Begin(PyCriticalSection2 *c, PyObject *a, PyObject *b) {
    pthread_once(&stripes_once, init_stripes);
    pthread_mutex_t *ma = stripe(a), *mb = stripe(b);
    if (ma == mb) {
        mb = NULL;
    } else if (ma > mb) {
        pthread_mutex_t *t = ma;
        ma = mb;
        mb = t;
    }
    pthread_mutex_lock(ma);
    if (mb != NULL) {
        pthread_mutex_lock(mb);
    }
    c->_cs_base._cs_prev = 0;
    c->_cs_base._cs_private[0] = ma;
    c->_cs_private2[0] = mb;
}

void PyCriticalSection2_End(PyCriticalSection2 *c) {
    if (c->_cs_private2[0] != NULL) {
        pthread_mutex_unlock((pthread_mutex_t *)c->_cs_private2[0]);
    }
    pthread_mutex_unlock((pthread_mutex_t *)c->_cs_base._cs_private[0]);
}
