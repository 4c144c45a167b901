/* PyMemberDef access: reading and writing C struct fields as Python
 * attributes. */
#include "shim.h"

PyObject *PyMember_GetOne(const char *obj_addr, PyMemberDef *m) {
    const char *addr = obj_addr + m->offset;
    switch (m->type) {
    case Py_T_BOOL: return PyBool_FromLong(*(const char *)addr);
    case Py_T_BYTE: return PyLong_FromLong(*(const signed char *)addr);
    case Py_T_UBYTE: return PyLong_FromLong(*(const unsigned char *)addr);
    case Py_T_SHORT: return PyLong_FromLong(*(const short *)addr);
    case Py_T_USHORT: return PyLong_FromLong(*(const unsigned short *)addr);
    case Py_T_INT: return PyLong_FromLong(*(const int *)addr);
    case Py_T_UINT: return PyLong_FromUnsignedLong(*(const unsigned int *)addr);
    case Py_T_LONG: return PyLong_FromLong(*(const long *)addr);
    case Py_T_ULONG: return PyLong_FromUnsignedLong(*(const unsigned long *)addr);
    case Py_T_PYSSIZET: return PyLong_FromSsize_t(*(const Py_ssize_t *)addr);
    case Py_T_FLOAT: return PyFloat_FromDouble(*(const float *)addr);
    case Py_T_DOUBLE: return PyFloat_FromDouble(*(const double *)addr);
    case Py_T_LONGLONG: return PyLong_FromLongLong(*(const long long *)addr);
    case Py_T_ULONGLONG: return PyLong_FromUnsignedLongLong(*(const unsigned long long *)addr);
    case Py_T_CHAR: return PyUnicode_FromStringAndSize(addr, 1);
    case Py_T_STRING:
        if (*(char *const *)addr == NULL) {
            Py_RETURN_NONE;
        }
        return PyUnicode_FromString(*(char *const *)addr);
    case Py_T_STRING_INPLACE: return PyUnicode_FromString(addr);
    case _Py_T_OBJECT: {
        PyObject *v = *(PyObject *const *)addr;
        if (v == NULL) {
            v = Py_None;
        }
        Py_INCREF(v);
        return v;
    }
    case Py_T_OBJECT_EX: {
        PyObject *v = *(PyObject *const *)addr;
        if (v == NULL) {
            PyErr_Format(PyExc_AttributeError, "'%.200s' object has no attribute '%s'",
                         Py_TYPE((PyObject *)obj_addr)->tp_name, m->name);
            return NULL;
        }
        Py_INCREF(v);
        return v;
    }
    case _Py_T_NONE: Py_RETURN_NONE;
    default:
        PyErr_SetString(PyExc_SystemError, "bad memberdescr type");
        return NULL;
    }
}

#define INTSET(ctype, lo, hi)                                                        \
    do {                                                                             \
        long long v = PyLong_AsLongLong(value);                                      \
        if (v == -1 && PyErr_Occurred()) {                                           \
            return -1;                                                               \
        }                                                                            \
        if (v < (lo) || v > (hi)) {                                                  \
            PyErr_WarnEx(PyExc_RuntimeWarning, "Truncation of value to " #ctype, 1); \
        }                                                                            \
        *(ctype *)addr = (ctype)v;                                                   \
        return 0;                                                                    \
    } while (0)

int PyMember_SetOne(char *obj_addr, PyMemberDef *m, PyObject *value) {
    char *addr = obj_addr + m->offset;
    if (m->flags & Py_READONLY) {
        PyErr_Format(PyExc_AttributeError, "readonly attribute");
        return -1;
    }
    if (value == NULL && m->type != _Py_T_OBJECT && m->type != Py_T_OBJECT_EX) {
        PyErr_SetString(PyExc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    switch (m->type) {
    case Py_T_BOOL:
        if (!PyBool_Check(value)) {
            PyErr_SetString(PyExc_TypeError, "attribute value type must be bool");
            return -1;
        }
        *(char *)addr = (char)(value == Py_True);
        return 0;
    case Py_T_BYTE: INTSET(signed char, -128, 127);
    case Py_T_UBYTE: INTSET(unsigned char, 0, 255);
    case Py_T_SHORT: INTSET(short, -32768, 32767);
    case Py_T_USHORT: INTSET(unsigned short, 0, 65535);
    case Py_T_INT: INTSET(int, -2147483648LL, 2147483647LL);
    case Py_T_UINT: INTSET(unsigned int, 0, 4294967295LL);
    case Py_T_LONG: {
        long v = PyLong_AsLong(value);
        if (v == -1 && PyErr_Occurred()) {
            return -1;
        }
        *(long *)addr = v;
        return 0;
    }
    case Py_T_ULONG: {
        unsigned long v = PyLong_AsUnsignedLong(value);
        if (v == (unsigned long)-1 && PyErr_Occurred()) {
            return -1;
        }
        *(unsigned long *)addr = v;
        return 0;
    }
    case Py_T_PYSSIZET: {
        Py_ssize_t v = PyLong_AsSsize_t(value);
        if (v == -1 && PyErr_Occurred()) {
            return -1;
        }
        *(Py_ssize_t *)addr = v;
        return 0;
    }
    case Py_T_LONGLONG: {
        long long v = PyLong_AsLongLong(value);
        if (v == -1 && PyErr_Occurred()) {
            return -1;
        }
        *(long long *)addr = v;
        return 0;
    }
    case Py_T_ULONGLONG: {
        unsigned long long v = PyLong_AsUnsignedLongLong(value);
        if (v == (unsigned long long)-1 && PyErr_Occurred()) {
            return -1;
        }
        *(unsigned long long *)addr = v;
        return 0;
    }
    case Py_T_FLOAT: {
        double v = PyFloat_AsDouble(value);
        if (v == -1 && PyErr_Occurred()) {
            return -1;
        }
        *(float *)addr = (float)v;
        return 0;
    }
    case Py_T_DOUBLE: {
        double v = PyFloat_AsDouble(value);
        if (v == -1 && PyErr_Occurred()) {
            return -1;
        }
        *(double *)addr = v;
        return 0;
    }
    case _Py_T_OBJECT:
    case Py_T_OBJECT_EX: {
        PyObject *old = *(PyObject **)addr;
        if (value == NULL && m->type == Py_T_OBJECT_EX && old == NULL) {
            PyErr_SetString(PyExc_AttributeError, m->name);
            return -1;
        }
        Py_XINCREF(value);
        *(PyObject **)addr = value;
        Py_XDECREF(old);
        return 0;
    }
    case Py_T_CHAR: {
        Py_ssize_t len;
        const char *s = PyUnicode_AsUTF8AndSize(value, &len);
        if (s == NULL) {
            return -1;
        }
        if (len != 1) {
            PyErr_BadArgument();
            return -1;
        }
        *addr = s[0];
        return 0;
    }
    case Py_T_STRING:
    case Py_T_STRING_INPLACE:
        PyErr_SetString(PyExc_TypeError, "readonly attribute");
        return -1;
    default:
        PyErr_Format(PyExc_SystemError, "bad memberdescr type for %s", m->name);
        return -1;
    }
}

PyObject *fpy_member_get(PyThreadState *ts, PyObject *obj, PyMemberDef *m) {
    fpy_tstate = ts;
    return PyMember_GetOne((const char *)obj, m);
}

int fpy_member_set(PyThreadState *ts, PyObject *obj, PyMemberDef *m, PyObject *v) {
    fpy_tstate = ts;
    return PyMember_SetOne((char *)obj, m, v);
}
