/* Behaviour test for the inline parts of freepy's headers: atomic,
 * immortality-aware reference counting, PyMutex and critical sections.
 * It provides the few runtime functions those inlines call, so it links
 * without the runtime. Exit status 0 and "PASS" mean success. */
#include <Python.h>
#include <pthread.h>

static int failures;
#define CHECK(cond) \
    do { \
        if (!(cond)) { \
            printf("FAIL line %d: %s\n", __LINE__, #cond); \
            failures++; \
        } \
    } while (0)

/* ---- runtime stand-ins ---- */
static int dealloc_calls;
static PyObject *last_dealloc;
void _Py_Dealloc(PyObject *op) {
    __atomic_fetch_add(&dealloc_calls, 1, __ATOMIC_SEQ_CST);
    last_dealloc = op;
}

static int slow_lock_calls;
void (PyMutex_Lock)(PyMutex *m) {
    __atomic_fetch_add(&slow_lock_calls, 1, __ATOMIC_RELAXED);
    for (;;) {
        uint8_t expected = 0;
        if (__atomic_compare_exchange_n(&m->_bits, &expected, (uint8_t)1, 0,
                                        __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
            return;
        }
        sched_yield();
    }
}
void (PyMutex_Unlock)(PyMutex *m) {
    __atomic_store_n(&m->_bits, (uint8_t)0, __ATOMIC_RELEASE);
}

static int cs_depth, cs2_depth;
static PyObject *cs_last;
void PyCriticalSection_Begin(PyCriticalSection *c, PyObject *op) {
    (void)c;
    cs_depth++;
    cs_last = op;
}
void PyCriticalSection_End(PyCriticalSection *c) {
    (void)c;
    cs_depth--;
}
void PyCriticalSection2_Begin(PyCriticalSection2 *c, PyObject *a, PyObject *b) {
    (void)c;
    (void)a;
    (void)b;
    cs2_depth++;
}
void PyCriticalSection2_End(PyCriticalSection2 *c) {
    (void)c;
    cs2_depth--;
}

/* ---- tests ---- */
static PyObject shared;
enum { THREADS = 4, ROUNDS = 200000 };

static void *incdec(void *arg) {
    int i;
    (void)arg;
    for (i = 0; i < ROUNDS; i++) {
        Py_INCREF(&shared);
    }
    for (i = 0; i < ROUNDS; i++) {
        Py_DECREF(&shared);
    }
    return NULL;
}

static PyMutex mutex;
static long guarded;
static void *locker(void *arg) {
    int i;
    (void)arg;
    for (i = 0; i < ROUNDS; i++) {
        PyMutex_Lock(&mutex);
        guarded++;
        PyMutex_Unlock(&mutex);
    }
    return NULL;
}

typedef struct {
    PyObject_HEAD
    int payload;
} StaticObject;
static StaticObject static_obj = {PyObject_HEAD_INIT(NULL) 7};

int main(void) {
    PyObject o, imm;
    PyObject *p, *q;
    pthread_t th[THREADS];
    int i;

    /* Mortal objects: counts move, zero deallocates once. */
    o.ob_refcnt = 1;
    o.ob_type = NULL;
    Py_INCREF(&o);
    CHECK(Py_REFCNT(&o) == 2);
    Py_DECREF(&o);
    CHECK(Py_REFCNT(&o) == 1 && dealloc_calls == 0);
    Py_DECREF(&o);
    CHECK(dealloc_calls == 1 && last_dealloc == &o);
    CHECK(!_Py_IsImmortal(&o));

    /* Immortal objects are never written by freepy-built code. */
    imm.ob_refcnt = _Py_IMMORTAL_INITIAL_REFCNT;
    imm.ob_type = NULL;
    CHECK(_Py_IsImmortal(&imm));
    for (i = 0; i < 1000; i++) {
        Py_INCREF(&imm);
    }
    for (i = 0; i < 3000; i++) {
        Py_DECREF(&imm);
    }
    CHECK(imm.ob_refcnt == _Py_IMMORTAL_INITIAL_REFCNT && dealloc_calls == 1);
    Py_SET_REFCNT(&imm, 5);
    CHECK(imm.ob_refcnt == _Py_IMMORTAL_INITIAL_REFCNT);

    /* Legacy 3.11 binaries do plain ++/--: 2**30 - 1 of either way keeps
     * the object immortal. */
    imm.ob_refcnt = _Py_IMMORTAL_INITIAL_REFCNT + ((Py_ssize_t)1 << 30) - 1;
    CHECK(_Py_IsImmortal(&imm));
    imm.ob_refcnt = _Py_IMMORTAL_INITIAL_REFCNT - ((Py_ssize_t)1 << 30);
    CHECK(_Py_IsImmortal(&imm));
    imm.ob_refcnt++; /* what an old binary's Py_INCREF compiles to */
    Py_DECREF(&imm);
    CHECK(_Py_IsImmortal(&imm) && dealloc_calls == 1);

    /* Statically initialised objects are immortal. */
    CHECK(_Py_IsImmortal(&static_obj) && static_obj.payload == 7);
    CHECK(_Py_IMMORTAL_INITIAL_REFCNT == 0xC0000000LL);

    /* Helpers. */
    o.ob_refcnt = 1;
    p = Py_NewRef(&o);
    CHECK(p == &o && Py_REFCNT(&o) == 2);
    CHECK(Py_XNewRef(NULL) == NULL);
    Py_XINCREF(NULL);
    Py_XDECREF(NULL);
    q = &o;
    Py_CLEAR(q);
    CHECK(q == NULL && Py_REFCNT(&o) == 1);
    q = Py_NewRef(&o);
    Py_SETREF(q, &imm);
    CHECK(q == &imm && Py_REFCNT(&o) == 1);
    CHECK(Py_Is(p, &o) && Py_TYPE(&o) == NULL);

    /* Concurrent INCREF/DECREF lose no updates. */
    shared.ob_refcnt = 1;
    for (i = 0; i < THREADS; i++) {
        pthread_create(&th[i], NULL, incdec, NULL);
    }
    for (i = 0; i < THREADS; i++) {
        pthread_join(th[i], NULL);
    }
    CHECK(Py_REFCNT(&shared) == 1 && dealloc_calls == 1);
    Py_DECREF(&shared);
    CHECK(dealloc_calls == 2 && last_dealloc == &shared);

    /* PyMutex: mutual exclusion through the inline fast paths. */
    for (i = 0; i < THREADS; i++) {
        pthread_create(&th[i], NULL, locker, NULL);
    }
    for (i = 0; i < THREADS; i++) {
        pthread_join(th[i], NULL);
    }
    CHECK(guarded == (long)THREADS * ROUNDS);
    CHECK(!PyMutex_IsLocked(&mutex));
    CHECK(sizeof(PyMutex) == 1);

    /* Critical sections pair their begin and end calls. */
    Py_BEGIN_CRITICAL_SECTION(&o);
    CHECK(cs_depth == 1 && cs_last == &o);
    Py_BEGIN_CRITICAL_SECTION2(&o, &imm);
    CHECK(cs2_depth == 1);
    Py_END_CRITICAL_SECTION2();
    Py_END_CRITICAL_SECTION();
    CHECK(cs_depth == 0 && cs2_depth == 0);

    printf("%s (%d failures, %d slow lock calls)\n", failures ? "FAIL" : "PASS",
           failures, slow_lock_calls);
    return failures != 0;
}
