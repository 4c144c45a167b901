/* Threads: PyThread locks and thread-specific storage (plain POSIX), and
 * the C half of PyGILState_Ensure: it finds which extension's code is
 * calling (dladdr on the return address), so that a C thread started by a
 * legacy module takes that module's pseudo-GIL. */
#define _GNU_SOURCE
#include "shim.h"
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

void PyThread_init_thread(void) {}

/* A Python thread is a goroutine that changes OS threads between calls, so
 * its identity is its thread state's id (what _thread.get_ident() returns,
 * as in CPython); extensions compare it to check thread affinity (sqlite3's
 * check_same_thread). A C thread without a thread state has its pthread. */
unsigned long PyThread_get_thread_ident(void) {
    PyThreadState *ts = fpy_tstate;
    return ts != NULL ? ts->thread_id : (unsigned long)pthread_self();
}

unsigned long PyThread_get_thread_native_id(void) { return (unsigned long)syscall(SYS_gettid); }

/* A lock is a semaphore: like CPython's, any thread may release it. */
PyThread_type_lock PyThread_allocate_lock(void) {
    sem_t *s = PyMem_RawMalloc(sizeof(sem_t));
    if (s != NULL && sem_init(s, 0, 1) != 0) {
        PyMem_RawFree(s);
        return NULL;
    }
    return s;
}

void PyThread_free_lock(PyThread_type_lock lock) {
    if (lock != NULL) {
        sem_destroy((sem_t *)lock);
        PyMem_RawFree(lock);
    }
}

PyLockStatus PyThread_acquire_lock_timed(PyThread_type_lock lock, long long microseconds, int intr_flag) {
    sem_t *s = lock;
    int r;
    if (microseconds == 0) {
        r = sem_trywait(s);
        return r == 0 ? PY_LOCK_ACQUIRED : PY_LOCK_FAILURE;
    }
    if (microseconds < 0) {
        while ((r = sem_wait(s)) != 0 && errno == EINTR) {
            if (intr_flag) {
                return PY_LOCK_INTR;
            }
        }
        return r == 0 ? PY_LOCK_ACQUIRED : PY_LOCK_FAILURE;
    }
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += (time_t)(microseconds / 1000000);
    deadline.tv_nsec += (long)(microseconds % 1000000) * 1000;
    if (deadline.tv_nsec >= 1000000000L) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000L;
    }
    while ((r = sem_timedwait(s, &deadline)) != 0 && errno == EINTR) {
        if (intr_flag) {
            return PY_LOCK_INTR;
        }
    }
    return r == 0 ? PY_LOCK_ACQUIRED : PY_LOCK_FAILURE;
}

int PyThread_acquire_lock(PyThread_type_lock lock, int waitflag) {
    return PyThread_acquire_lock_timed(lock, waitflag ? -1 : 0, 0) == PY_LOCK_ACQUIRED;
}

void PyThread_release_lock(PyThread_type_lock lock) { sem_post((sem_t *)lock); }

size_t PyThread_get_stacksize(void) { return 0; }

int PyThread_set_stacksize(size_t size) {
    (void)size;
    return -2; /* not supported: threads are goroutines */
}

Py_tss_t *PyThread_tss_alloc(void) {
    Py_tss_t *k = PyMem_RawCalloc(1, sizeof(Py_tss_t));
    return k;
}

void PyThread_tss_free(Py_tss_t *key) {
    if (key != NULL) {
        PyThread_tss_delete(key);
        PyMem_RawFree(key);
    }
}

int PyThread_tss_is_created(Py_tss_t *key) { return key->_is_initialized; }

int PyThread_tss_create(Py_tss_t *key) {
    if (key->_is_initialized) {
        return 0;
    }
    if (pthread_key_create(&key->_key, NULL) != 0) {
        return -1;
    }
    key->_is_initialized = 1;
    return 0;
}

void PyThread_tss_delete(Py_tss_t *key) {
    if (key->_is_initialized) {
        pthread_key_delete(key->_key);
        key->_is_initialized = 0;
    }
}

int PyThread_tss_set(Py_tss_t *key, void *value) { return pthread_setspecific(key->_key, value) == 0 ? 0 : -1; }

void *PyThread_tss_get(Py_tss_t *key) { return pthread_getspecific(key->_key); }

PyThreadState *PyThreadState_Get(void) {
    if (fpy_tstate == NULL) {
        Py_FatalError("the function must be called with the GIL held, but the GIL is released "
                      "(the current Python thread state is NULL)");
    }
    return fpy_tstate;
}

PyThreadState *_PyThreadState_UncheckedGet(void) { return fpy_tstate; }

PyThreadState *PyGILState_GetThisThreadState(void) { return fpy_tstate; }

int PyGILState_Check(void) { return fpy_tstate != NULL; }

uint64_t PyThreadState_GetID(PyThreadState *ts) { return ts->thread_id; }

/* One interpreter: an opaque, never-dereferenced token. */
static char the_interp;
PyInterpreterState *PyInterpreterState_Get(void) { return (PyInterpreterState *)&the_interp; }
PyInterpreterState *PyInterpreterState_Main(void) { return (PyInterpreterState *)&the_interp; }
PyInterpreterState *PyThreadState_GetInterpreter(PyThreadState *ts) {
    (void)ts;
    return (PyInterpreterState *)&the_interp;
}
int64_t PyInterpreterState_GetID(PyInterpreterState *i) {
    (void)i;
    return 0;
}

void PyEval_InitThreads(void) {}

PyGILState_STATE PyGILState_Ensure(void) {
    Dl_info info;
    const char *caller = NULL;
    if (dladdr(__builtin_return_address(0), &info) != 0) {
        caller = info.dli_fname;
    }
    return (PyGILState_STATE)fpyGo_GILStateEnsure((char *)caller);
}

void PyGILState_Release(PyGILState_STATE state) { fpyGo_GILStateRelease((int)state); }

PyThreadState *PyThreadState_Swap(PyThreadState *ts) {
    PyThreadState *old = fpy_tstate;
    fpy_tstate = ts;
    return old;
}
