/* The datetime C API, source compatible with CPython 3.11's <datetime.h>.
 *
 * Not included by Python.h: an extension includes it itself and calls
 * PyDateTime_IMPORT once (module init) before using anything below. In
 * freepy the objects are those of the pure-Python datetime module; the ones
 * that reach C get a mirror with the layouts declared here (the accessor
 * macros read the packed bytes straight from it). See docs/capi.md. */
#ifndef FREEPY_DATETIME_H
#define FREEPY_DATETIME_H
#ifndef Py_LIMITED_API

#ifdef __cplusplus
extern "C" {
#endif

/* Sizes of the packed `data` fields. All multi-byte values in them are
 * big-endian and unsigned: the year takes two bytes, the microsecond
 * three, everything else one. A date holds year, month, day; a time
 * hour, minute, second, microsecond; a datetime the date's four bytes
 * followed by the time's six. */
#define _PyDateTime_DATE_DATASIZE 4
#define _PyDateTime_TIME_DATASIZE 6
#define _PyDateTime_DATETIME_DATASIZE 10

/* timedelta: normalised so that 0 <= seconds < 86400 and
 * 0 <= microseconds < 1000000; |days| <= 999999999. */
typedef struct {
    PyObject_HEAD
    Py_hash_t hashcode; /* -1 until computed */
    int days;
    int seconds;
    int microseconds;
} PyDateTime_Delta;

/* tzinfo is an abstract base: no fields of its own. */
typedef struct {
    PyObject_HEAD
} PyDateTime_TZInfo;

/* Common start of date, time and datetime. hastzinfo tells whether the
 * object has the trailing tzinfo member (time and datetime only). */
#define _PyTZINFO_HEAD \
    PyObject_HEAD      \
    Py_hash_t hashcode; \
    char hastzinfo;

typedef struct {
    _PyTZINFO_HEAD
} _PyDateTime_BaseTZInfo;

#define _PyDateTime_TIMEHEAD \
    _PyTZINFO_HEAD           \
    unsigned char data[_PyDateTime_TIME_DATASIZE];

#define _PyDateTime_DATETIMEHEAD \
    _PyTZINFO_HEAD               \
    unsigned char data[_PyDateTime_DATETIME_DATASIZE];

typedef struct {
    _PyDateTime_TIMEHEAD
} _PyDateTime_BaseTime; /* a time without tzinfo */

typedef struct {
    _PyDateTime_TIMEHEAD
    unsigned char fold;
    PyObject *tzinfo;
} PyDateTime_Time;

typedef struct {
    _PyTZINFO_HEAD
    unsigned char data[_PyDateTime_DATE_DATASIZE];
} PyDateTime_Date;

typedef struct {
    _PyDateTime_DATETIMEHEAD
} _PyDateTime_BaseDateTime; /* a datetime without tzinfo */

typedef struct {
    _PyDateTime_DATETIMEHEAD
    unsigned char fold;
    PyObject *tzinfo;
} PyDateTime_DateTime;

/* ---- field access (no type checks: the caller has checked) ---- */

#define _PyDateTime_HAS_TZINFO(o) (((_PyDateTime_BaseTZInfo *)(o))->hastzinfo)

#define _PyDateTime_BE16(d, i) (((int)(d)[i] << 8) | (int)(d)[(i) + 1])
#define _PyDateTime_BE24(d, i) (((int)(d)[i] << 16) | ((int)(d)[(i) + 1] << 8) | (int)(d)[(i) + 2])

/* date and datetime */
#define PyDateTime_GET_YEAR(o) _PyDateTime_BE16(((PyDateTime_Date *)(o))->data, 0)
#define PyDateTime_GET_MONTH(o) (((PyDateTime_Date *)(o))->data[2])
#define PyDateTime_GET_DAY(o) (((PyDateTime_Date *)(o))->data[3])

/* datetime */
#define PyDateTime_DATE_GET_HOUR(o) (((PyDateTime_DateTime *)(o))->data[4])
#define PyDateTime_DATE_GET_MINUTE(o) (((PyDateTime_DateTime *)(o))->data[5])
#define PyDateTime_DATE_GET_SECOND(o) (((PyDateTime_DateTime *)(o))->data[6])
#define PyDateTime_DATE_GET_MICROSECOND(o) _PyDateTime_BE24(((PyDateTime_DateTime *)(o))->data, 7)
#define PyDateTime_DATE_GET_FOLD(o) (((PyDateTime_DateTime *)(o))->fold)
#define PyDateTime_DATE_GET_TZINFO(o) \
    (_PyDateTime_HAS_TZINFO(o) ? ((PyDateTime_DateTime *)(o))->tzinfo : Py_None)

/* time */
#define PyDateTime_TIME_GET_HOUR(o) (((PyDateTime_Time *)(o))->data[0])
#define PyDateTime_TIME_GET_MINUTE(o) (((PyDateTime_Time *)(o))->data[1])
#define PyDateTime_TIME_GET_SECOND(o) (((PyDateTime_Time *)(o))->data[2])
#define PyDateTime_TIME_GET_MICROSECOND(o) _PyDateTime_BE24(((PyDateTime_Time *)(o))->data, 3)
#define PyDateTime_TIME_GET_FOLD(o) (((PyDateTime_Time *)(o))->fold)
#define PyDateTime_TIME_GET_TZINFO(o) \
    (_PyDateTime_HAS_TZINFO(o) ? ((PyDateTime_Time *)(o))->tzinfo : Py_None)

/* timedelta */
#define PyDateTime_DELTA_GET_DAYS(o) (((PyDateTime_Delta *)(o))->days)
#define PyDateTime_DELTA_GET_SECONDS(o) (((PyDateTime_Delta *)(o))->seconds)
#define PyDateTime_DELTA_GET_MICROSECONDS(o) (((PyDateTime_Delta *)(o))->microseconds)

/* ---- the table behind the capsule "datetime.datetime_CAPI" ----
 * Field order is ABI: compiled 3.11 extensions index into it. */
typedef struct {
    PyTypeObject *DateType;
    PyTypeObject *DateTimeType;
    PyTypeObject *TimeType;
    PyTypeObject *DeltaType;
    PyTypeObject *TZInfoType;

    PyObject *TimeZone_UTC; /* datetime.timezone.utc */

    /* (year, month, day, type) */
    PyObject *(*Date_FromDate)(int, int, int, PyTypeObject *);
    /* (year, month, day, hour, minute, second, usecond, tzinfo, type) */
    PyObject *(*DateTime_FromDateAndTime)(int, int, int, int, int, int, int, PyObject *, PyTypeObject *);
    /* (hour, minute, second, usecond, tzinfo, type) */
    PyObject *(*Time_FromTime)(int, int, int, int, PyObject *, PyTypeObject *);
    /* (days, seconds, useconds, normalize, type) */
    PyObject *(*Delta_FromDelta)(int, int, int, int, PyTypeObject *);
    /* (offset, name or NULL) */
    PyObject *(*TimeZone_FromTimeZone)(PyObject *, PyObject *);

    /* (cls, args, kwargs) and (cls, args): cls.fromtimestamp(*args) */
    PyObject *(*DateTime_FromTimestamp)(PyObject *, PyObject *, PyObject *);
    PyObject *(*Date_FromTimestamp)(PyObject *, PyObject *);

    /* PEP 495: as above with fold before the type */
    PyObject *(*DateTime_FromDateAndTimeAndFold)(int, int, int, int, int, int, int, PyObject *, int,
                                                 PyTypeObject *);
    PyObject *(*Time_FromTimeAndFold)(int, int, int, int, PyObject *, int, PyTypeObject *);
} PyDateTime_CAPI;

#define PyDateTime_CAPSULE_NAME "datetime.datetime_CAPI"

#ifndef _PY_DATETIME_IMPL

/* One per translation unit, as in CPython: each file that uses the API
 * runs PyDateTime_IMPORT (or shares the pointer itself). */
#if defined(__GNUC__) || defined(__clang__)
static PyDateTime_CAPI *PyDateTimeAPI __attribute__((unused)) = NULL;
#else
static PyDateTime_CAPI *PyDateTimeAPI = NULL;
#endif

#define PyDateTime_IMPORT \
    PyDateTimeAPI = (PyDateTime_CAPI *)PyCapsule_Import(PyDateTime_CAPSULE_NAME, 0)

#define PyDateTime_TimeZone_UTC PyDateTimeAPI->TimeZone_UTC

#define PyDate_Check(op) PyObject_TypeCheck(op, PyDateTimeAPI->DateType)
#define PyDate_CheckExact(op) Py_IS_TYPE(op, PyDateTimeAPI->DateType)
#define PyDateTime_Check(op) PyObject_TypeCheck(op, PyDateTimeAPI->DateTimeType)
#define PyDateTime_CheckExact(op) Py_IS_TYPE(op, PyDateTimeAPI->DateTimeType)
#define PyTime_Check(op) PyObject_TypeCheck(op, PyDateTimeAPI->TimeType)
#define PyTime_CheckExact(op) Py_IS_TYPE(op, PyDateTimeAPI->TimeType)
#define PyDelta_Check(op) PyObject_TypeCheck(op, PyDateTimeAPI->DeltaType)
#define PyDelta_CheckExact(op) Py_IS_TYPE(op, PyDateTimeAPI->DeltaType)
#define PyTZInfo_Check(op) PyObject_TypeCheck(op, PyDateTimeAPI->TZInfoType)
#define PyTZInfo_CheckExact(op) Py_IS_TYPE(op, PyDateTimeAPI->TZInfoType)

#define PyDate_FromDate(year, month, day) \
    PyDateTimeAPI->Date_FromDate((year), (month), (day), PyDateTimeAPI->DateType)
#define PyDateTime_FromDateAndTime(year, month, day, hour, min, sec, usec)                        \
    PyDateTimeAPI->DateTime_FromDateAndTime((year), (month), (day), (hour), (min), (sec), (usec), \
                                            Py_None, PyDateTimeAPI->DateTimeType)
#define PyDateTime_FromDateAndTimeAndFold(year, month, day, hour, min, sec, usec, fold)                  \
    PyDateTimeAPI->DateTime_FromDateAndTimeAndFold((year), (month), (day), (hour), (min), (sec), (usec), \
                                                   Py_None, (fold), PyDateTimeAPI->DateTimeType)
#define PyTime_FromTime(hour, minute, second, usecond) \
    PyDateTimeAPI->Time_FromTime((hour), (minute), (second), (usecond), Py_None, PyDateTimeAPI->TimeType)
#define PyTime_FromTimeAndFold(hour, minute, second, usecond, fold)                                  \
    PyDateTimeAPI->Time_FromTimeAndFold((hour), (minute), (second), (usecond), Py_None, (fold), \
                                        PyDateTimeAPI->TimeType)
#define PyDelta_FromDSU(days, seconds, useconds) \
    PyDateTimeAPI->Delta_FromDelta((days), (seconds), (useconds), 1, PyDateTimeAPI->DeltaType)
#define PyTimeZone_FromOffset(offset) PyDateTimeAPI->TimeZone_FromTimeZone((offset), NULL)
#define PyTimeZone_FromOffsetAndName(offset, name) PyDateTimeAPI->TimeZone_FromTimeZone((offset), (name))
#define PyDateTime_FromTimestamp(args) \
    PyDateTimeAPI->DateTime_FromTimestamp((PyObject *)PyDateTimeAPI->DateTimeType, (args), NULL)
#define PyDate_FromTimestamp(args) \
    PyDateTimeAPI->Date_FromTimestamp((PyObject *)PyDateTimeAPI->DateType, (args))

#endif /* !_PY_DATETIME_IMPL */

#ifdef __cplusplus
}
#endif

#endif /* !Py_LIMITED_API */
#endif /* FREEPY_DATETIME_H */
