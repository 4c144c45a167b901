/* The datetime C API: the table behind the capsule datetime.datetime_CAPI
 * (filled by capi/api_datetime.go) and its constructors, which call the
 * pure-Python datetime module's classes. */
#include "shim.h"
#define _PY_DATETIME_IMPL
#include "datetime.h"

PyDateTime_CAPI fpy_datetime_capi;

/* What the constructors call, references held for the life of the process:
 * the __new__ functions of date, datetime, time and timedelta, then the
 * timezone class. A constructor given a subclass as its type builds the
 * instance with the base class's __new__, as CPython's do (they allocate
 * the subclass and fill in the fields: the subclass's own __new__ and
 * __init__ do not run). */
PyObject *fpy_datetime_ctors[5];
enum { DT_DATE, DT_DATETIME, DT_TIME, DT_DELTA, DT_TIMEZONE };

static PyObject *dt_date(int year, int month, int day, PyTypeObject *type) {
    return PyObject_CallFunction(fpy_datetime_ctors[DT_DATE], "Oiii", (PyObject *)type, year, month, day);
}

/* call_fold calls fn(*args, fold=fold); it owns args. fold=0 is the
 * default, passed by leaving it out: a keyword dict made in C costs more
 * than the rest of the call (Go builds its own dict from it). */
static PyObject *call_fold(PyObject *fn, PyObject *args, int fold) {
    if (args == NULL) {
        return NULL;
    }
    PyObject *kw = NULL;
    if (fold != 0 && (kw = Py_BuildValue("{s:i}", "fold", fold)) == NULL) {
        Py_DECREF(args);
        return NULL;
    }
    PyObject *r = PyObject_Call(fn, args, kw);
    Py_DECREF(args);
    Py_XDECREF(kw);
    return r;
}

static PyObject *dt_datetime_fold(int year, int month, int day, int hour, int minute, int second, int usecond,
                                  PyObject *tzinfo, int fold, PyTypeObject *type) {
    return call_fold(fpy_datetime_ctors[DT_DATETIME],
                     Py_BuildValue("(OiiiiiiiO)", (PyObject *)type, year, month, day, hour, minute, second,
                                   usecond, tzinfo),
                     fold);
}

static PyObject *dt_datetime(int year, int month, int day, int hour, int minute, int second, int usecond,
                             PyObject *tzinfo, PyTypeObject *type) {
    return dt_datetime_fold(year, month, day, hour, minute, second, usecond, tzinfo, 0, type);
}

static PyObject *dt_time_fold(int hour, int minute, int second, int usecond, PyObject *tzinfo, int fold,
                              PyTypeObject *type) {
    return call_fold(fpy_datetime_ctors[DT_TIME],
                     Py_BuildValue("(OiiiiO)", (PyObject *)type, hour, minute, second, usecond, tzinfo), fold);
}

static PyObject *dt_time(int hour, int minute, int second, int usecond, PyObject *tzinfo, PyTypeObject *type) {
    return dt_time_fold(hour, minute, second, usecond, tzinfo, 0, type);
}

/* normalize is not needed: timedelta's __new__ always normalises, which
 * for the in-range values CPython's unnormalised path accepts gives the
 * same fields. */
static PyObject *dt_delta(int days, int seconds, int useconds, int normalize, PyTypeObject *type) {
    (void)normalize;
    return PyObject_CallFunction(fpy_datetime_ctors[DT_DELTA], "Oiii", (PyObject *)type, days, seconds, useconds);
}

static PyObject *dt_timezone(PyObject *offset, PyObject *name) {
    if (name == NULL) {
        return PyObject_CallOneArg(fpy_datetime_ctors[DT_TIMEZONE], offset);
    }
    return PyObject_CallFunctionObjArgs(fpy_datetime_ctors[DT_TIMEZONE], offset, name, NULL);
}

/* The DB API constructors: cls.fromtimestamp(*args, **kwargs). */
static PyObject *dt_datetime_fromtimestamp(PyObject *cls, PyObject *args, PyObject *kwargs) {
    PyObject *f = PyObject_GetAttrString(cls, "fromtimestamp");
    if (f == NULL) {
        return NULL;
    }
    PyObject *r = PyObject_Call(f, args, kwargs);
    Py_DECREF(f);
    return r;
}

static PyObject *dt_date_fromtimestamp(PyObject *cls, PyObject *args) {
    return dt_datetime_fromtimestamp(cls, args, NULL);
}

/* fpy_datetime_init_ctors points the table's constructors at the functions
 * above (the types and the UTC singleton are Go's to fill). */
void fpy_datetime_init_ctors(void) {
    PyDateTime_CAPI *c = &fpy_datetime_capi;
    c->Date_FromDate = dt_date;
    c->DateTime_FromDateAndTime = dt_datetime;
    c->Time_FromTime = dt_time;
    c->Delta_FromDelta = dt_delta;
    c->TimeZone_FromTimeZone = dt_timezone;
    c->DateTime_FromTimestamp = dt_datetime_fromtimestamp;
    c->Date_FromTimestamp = dt_date_fromtimestamp;
    c->DateTime_FromDateAndTimeAndFold = dt_datetime_fold;
    c->Time_FromTimeAndFold = dt_time_fold;
}

/* Mirrors of datetime and time instances own a reference to their tzinfo
 * (hastzinfo set); fpy_mirror_dealloc does the rest. */
void fpy_datetime_mirror_dealloc(PyObject *op) {
    if (_PyDateTime_HAS_TZINFO(op)) {
        Py_CLEAR(((PyDateTime_DateTime *)op)->tzinfo);
    }
    fpy_mirror_dealloc(op);
}

void fpy_time_mirror_dealloc(PyObject *op) {
    if (_PyDateTime_HAS_TZINFO(op)) {
        Py_CLEAR(((PyDateTime_Time *)op)->tzinfo);
    }
    fpy_mirror_dealloc(op);
}
