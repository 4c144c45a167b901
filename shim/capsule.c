/* Capsules (entirely in C: they only carry C pointers) and small C-only
 * helpers: PyOS_snprintf, PyErr_WarnFormat, version strings, recursion
 * guards. */
#include "shim.h"
#include <stdarg.h>
#include <stdio.h>
#include <math.h>

typedef struct {
    PyObject_HEAD
    void *pointer;
    const char *name;
    void *context;
    PyCapsule_Destructor destructor;
} fpy_capsule;

static void capsule_dealloc(PyObject *o) {
    fpy_capsule *c = (fpy_capsule *)o;
    if (c->destructor != NULL) {
        c->destructor(o);
    }
    fpy_free(o);
}

static PyObject *capsule_repr(PyObject *o) {
    fpy_capsule *c = (fpy_capsule *)o;
    if (c->name != NULL) {
        return PyUnicode_FromFormat("<capsule object \"%s\" at %p>", c->name, (void *)o);
    }
    return PyUnicode_FromFormat("<capsule object NULL at %p>", (void *)o);
}

/* fpy_init_capsule_type describes the capsule type (called at start-up). */
void fpy_init_capsule_type(void) {
    PyCapsule_Type.tp_name = "PyCapsule";
    PyCapsule_Type.tp_basicsize = sizeof(fpy_capsule);
    PyCapsule_Type.tp_dealloc = capsule_dealloc;
    PyCapsule_Type.tp_repr = capsule_repr;
    PyCapsule_Type.tp_flags = Py_TPFLAGS_DEFAULT;
    PyCapsule_Type.tp_doc = "Capsule objects let you wrap a C \"void *\" pointer in a Python\n"
                            "object.  They're a way of passing data through the Python interpreter\n"
                            "without creating your own custom type.";
}

static int name_matches(const char *a, const char *b) {
    if (a == NULL || b == NULL) {
        return a == b;
    }
    return strcmp(a, b) == 0;
}

static fpy_capsule *checked(PyObject *o, const char *invalid) {
    if (o == NULL || !Py_IS_TYPE(o, &PyCapsule_Type) || ((fpy_capsule *)o)->pointer == NULL) {
        PyErr_SetString(PyExc_ValueError, invalid);
        return NULL;
    }
    return (fpy_capsule *)o;
}

PyObject *PyCapsule_New(void *pointer, const char *name, PyCapsule_Destructor destructor) {
    if (pointer == NULL) {
        PyErr_SetString(PyExc_ValueError, "PyCapsule_New called with null pointer");
        return NULL;
    }
    fpy_capsule *c = (fpy_capsule *)fpy_new_object(&PyCapsule_Type, sizeof(fpy_capsule));
    if (c == NULL) {
        return NULL;
    }
    c->pointer = pointer;
    c->name = name;
    c->destructor = destructor;
    return (PyObject *)c;
}

int PyCapsule_IsValid(PyObject *o, const char *name) {
    return o != NULL && Py_IS_TYPE(o, &PyCapsule_Type) && ((fpy_capsule *)o)->pointer != NULL &&
           name_matches(((fpy_capsule *)o)->name, name);
}

void *PyCapsule_GetPointer(PyObject *o, const char *name) {
    fpy_capsule *c = checked(o, "PyCapsule_GetPointer called with invalid PyCapsule object");
    if (c == NULL) {
        return NULL;
    }
    if (!name_matches(c->name, name)) {
        PyErr_SetString(PyExc_ValueError, "PyCapsule_GetPointer called with incorrect name");
        return NULL;
    }
    return c->pointer;
}

const char *PyCapsule_GetName(PyObject *o) {
    fpy_capsule *c = checked(o, "PyCapsule_GetName called with invalid PyCapsule object");
    return c ? c->name : NULL;
}

PyCapsule_Destructor PyCapsule_GetDestructor(PyObject *o) {
    fpy_capsule *c = checked(o, "PyCapsule_GetDestructor called with invalid PyCapsule object");
    return c ? c->destructor : NULL;
}

void *PyCapsule_GetContext(PyObject *o) {
    fpy_capsule *c = checked(o, "PyCapsule_GetContext called with invalid PyCapsule object");
    return c ? c->context : NULL;
}

int PyCapsule_SetPointer(PyObject *o, void *pointer) {
    fpy_capsule *c = checked(o, "PyCapsule_SetPointer called with invalid PyCapsule object");
    if (c == NULL) {
        return -1;
    }
    if (pointer == NULL) {
        PyErr_SetString(PyExc_ValueError, "PyCapsule_SetPointer called with null pointer");
        return -1;
    }
    c->pointer = pointer;
    return 0;
}

int PyCapsule_SetName(PyObject *o, const char *name) {
    fpy_capsule *c = checked(o, "PyCapsule_SetName called with invalid PyCapsule object");
    if (c == NULL) {
        return -1;
    }
    c->name = name;
    return 0;
}

int PyCapsule_SetDestructor(PyObject *o, PyCapsule_Destructor d) {
    fpy_capsule *c = checked(o, "PyCapsule_SetDestructor called with invalid PyCapsule object");
    if (c == NULL) {
        return -1;
    }
    c->destructor = d;
    return 0;
}

int PyCapsule_SetContext(PyObject *o, void *context) {
    fpy_capsule *c = checked(o, "PyCapsule_SetContext called with invalid PyCapsule object");
    if (c == NULL) {
        return -1;
    }
    c->context = context;
    return 0;
}

/* PyCapsule_Import("pkg.mod.attr", no_block): import pkg.mod, follow the
 * attributes, and return the capsule's pointer if its name is the path. */
void *PyCapsule_Import(const char *name, int no_block) {
    (void)no_block;
    size_t n = strlen(name);
    char *copy = PyMem_Malloc(n + 1);
    if (copy == NULL) {
        PyErr_NoMemory();
        return NULL;
    }
    memcpy(copy, name, n + 1);
    PyObject *object = NULL;
    char *trace = copy;
    void *result = NULL;
    while (trace != NULL) {
        char *dot = strchr(trace, '.');
        if (dot != NULL) {
            *dot++ = '\0';
        }
        if (object == NULL) {
            object = PyImport_ImportModule(trace);
        } else {
            PyObject *next = PyObject_GetAttrString(object, trace);
            Py_DECREF(object);
            object = next;
        }
        if (object == NULL) {
            goto done;
        }
        trace = dot;
    }
    if (PyCapsule_IsValid(object, name)) {
        result = ((fpy_capsule *)object)->pointer;
    } else {
        PyErr_Format(PyExc_AttributeError, "PyCapsule_Import \"%s\" is not valid", name);
    }
done:
    Py_XDECREF(object);
    PyMem_Free(copy);
    return result;
}

int PyOS_vsnprintf(char *str, size_t size, const char *format, va_list va) {
    if (size == 0) {
        return 0;
    }
    int r = vsnprintf(str, size, format, va);
    str[size - 1] = '\0';
    return r;
}

int PyOS_snprintf(char *str, size_t size, const char *format, ...) {
    va_list va;
    va_start(va, format);
    int r = PyOS_vsnprintf(str, size, format, va);
    va_end(va);
    return r;
}

int PyErr_WarnFormat(PyObject *category, Py_ssize_t stack_level, const char *format, ...) {
    va_list va;
    va_start(va, format);
    PyObject *msg = PyUnicode_FromFormatV(format, va);
    va_end(va);
    if (msg == NULL) {
        return -1;
    }
    const char *m = PyUnicode_AsUTF8(msg);
    int r = m ? PyErr_WarnEx(category, m, stack_level) : -1;
    Py_DECREF(msg);
    return r;
}

const char *Py_GetVersion(void) { return "3.11.7 (freepy)\n[Go]"; }

/* Recursion guards: the interpreter has its own limit on Python frames;
 * C recursion is bounded by a per-thread depth. */
static __thread int c_recursion;

int Py_EnterRecursiveCall(const char *where) {
    if (++c_recursion > 3000) {
        --c_recursion;
        PyErr_Format(PyExc_RecursionError, "maximum recursion depth exceeded%s", where);
        return -1;
    }
    return 0;
}

void Py_LeaveRecursiveCall(void) { --c_recursion; }

int _PyUnicode_Ready(PyObject *op) {
    (void)op; /* every str is ready (compact) in freepy */
    return 0;
}

/* Functions 3.11's headers use from inline code or that Cython output
 * calls, which freepy's headers do not declare. */
PyObject *PyFrame_New(PyThreadState *ts, PyCodeObject *code, PyObject *globals, PyObject *locals);
PyObject *PyFrame_New(PyThreadState *ts, PyCodeObject *code, PyObject *globals, PyObject *locals) {
    (void)ts;
    (void)code;
    (void)globals;
    (void)locals;
    /* room for the 3.11 fields compiled code writes (f_lineno) */
    return fpy_new_object(&PyFrame_Type, 256);
}

extern PyObject *fpyGo__PyObject_GenericGetAttrWithDict(PyThreadState *ts, PyObject *o, PyObject *name,
                                                         PyObject *dict, int suppress);
PyObject *_PyObject_GenericGetAttrWithDict(PyObject *o, PyObject *name, PyObject *dict, int suppress);
PyObject *_PyObject_GenericGetAttrWithDict(PyObject *o, PyObject *name, PyObject *dict, int suppress) {
    return fpyGo__PyObject_GenericGetAttrWithDict(fpy_tstate, o, name, dict, suppress);
}

extern int fpyGo_PyDescr_IsData(PyThreadState *ts, PyObject *o);
int PyDescr_IsData(PyObject *o);
int PyDescr_IsData(PyObject *o) { return fpyGo_PyDescr_IsData(fpy_tstate, o); }

int PyBuffer_IsContiguous(const Py_buffer *view, char order) {
    if (view->suboffsets != NULL) {
        return 0;
    }
    if (view->strides == NULL) {
        return 1; /* C-contiguous by definition; 1-D is both */
    }
    Py_ssize_t sd = view->itemsize;
    if (order == 'F') {
        for (int i = 0; i < view->ndim; i++) {
            if (view->shape[i] > 1 && view->strides[i] != sd) return 0;
            sd *= view->shape[i];
        }
        return 1;
    }
    for (int i = view->ndim - 1; i >= 0; i--) {
        if (view->shape[i] > 1 && view->strides[i] != sd) {
            if (order == 'A') {
                return PyBuffer_IsContiguous(view, 'F');
            }
            return 0;
        }
        sd *= view->shape[i];
    }
    return 1;
}

/* IEEE 754 packing (the machine's own format, little-endian x86-64). */
static void put_bytes(const unsigned char *src, char *p, int n, int le) {
    for (int i = 0; i < n; i++) {
        p[i] = (char)(le ? src[i] : src[n - 1 - i]);
    }
}

static void get_bytes(const char *p, unsigned char *dst, int n, int le) {
    for (int i = 0; i < n; i++) {
        dst[i] = (unsigned char)(le ? p[i] : p[n - 1 - i]);
    }
}

int PyFloat_Pack8(double x, char *p, int le) {
    unsigned char b[8];
    memcpy(b, &x, 8);
    put_bytes(b, p, 8, le);
    return 0;
}

int PyFloat_Pack4(double x, char *p, int le) {
    float f = (float)x;
    if (isinf(f) && !isinf(x)) {
        PyErr_SetString(PyExc_OverflowError, "float too large to pack with f format");
        return -1;
    }
    unsigned char b[4];
    memcpy(b, &f, 4);
    put_bytes(b, p, 4, le);
    return 0;
}

double PyFloat_Unpack8(const char *p, int le) {
    unsigned char b[8];
    double x;
    get_bytes(p, b, 8, le);
    memcpy(&x, b, 8);
    return x;
}

double PyFloat_Unpack4(const char *p, int le) {
    unsigned char b[4];
    float f;
    get_bytes(p, b, 4, le);
    memcpy(&f, b, 4);
    return f;
}

extern void fpyGo_SysWrite(int to_stderr, char *text);

static void sys_write(int to_stderr, const char *format, va_list va) {
    char buf[1001];
    vsnprintf(buf, sizeof buf, format, va); /* CPython truncates to 1000 bytes too */
    PyObject *t, *v, *tb;
    PyErr_Fetch(&t, &v, &tb); /* the error indicator is kept */
    fpyGo_SysWrite(to_stderr, buf);
    PyErr_Restore(t, v, tb);
}

void PySys_WriteStdout(const char *format, ...) {
    va_list va;
    va_start(va, format);
    sys_write(0, format, va);
    va_end(va);
}

void PySys_WriteStderr(const char *format, ...) {
    va_list va;
    va_start(va, format);
    sys_write(1, format, va);
    va_end(va);
}
