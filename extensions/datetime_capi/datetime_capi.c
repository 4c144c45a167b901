/* The datetime C API (datetime.h): type checks, field macros, the
 * constructors of the capsule's table, timezones and UTC, subclasses and
 * errors. Built against freepy's headers and CPython's; the driver prints
 * the same under both interpreters. */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <datetime.h>

/* checks(o): the ten Check/CheckExact macros, in the table's type order */
static PyObject *checks(PyObject *self, PyObject *o) {
    (void)self;
    return Py_BuildValue("(iiiiiiiiii)", PyDate_Check(o), PyDate_CheckExact(o), PyDateTime_Check(o),
                         PyDateTime_CheckExact(o), PyTime_Check(o), PyTime_CheckExact(o), PyDelta_Check(o),
                         PyDelta_CheckExact(o), PyTZInfo_Check(o), PyTZInfo_CheckExact(o));
}

/* fields(o): what the accessor macros read, by the kind the checks say */
static PyObject *fields(PyObject *self, PyObject *o) {
    (void)self;
    if (PyDateTime_Check(o)) {
        return Py_BuildValue("(siiiiiiiiO)", "datetime", PyDateTime_GET_YEAR(o), PyDateTime_GET_MONTH(o),
                             PyDateTime_GET_DAY(o), PyDateTime_DATE_GET_HOUR(o), PyDateTime_DATE_GET_MINUTE(o),
                             PyDateTime_DATE_GET_SECOND(o), PyDateTime_DATE_GET_MICROSECOND(o),
                             PyDateTime_DATE_GET_FOLD(o), PyDateTime_DATE_GET_TZINFO(o));
    }
    if (PyDate_Check(o)) {
        return Py_BuildValue("(siii)", "date", PyDateTime_GET_YEAR(o), PyDateTime_GET_MONTH(o),
                             PyDateTime_GET_DAY(o));
    }
    if (PyTime_Check(o)) {
        return Py_BuildValue("(siiiiiO)", "time", PyDateTime_TIME_GET_HOUR(o), PyDateTime_TIME_GET_MINUTE(o),
                             PyDateTime_TIME_GET_SECOND(o), PyDateTime_TIME_GET_MICROSECOND(o),
                             PyDateTime_TIME_GET_FOLD(o), PyDateTime_TIME_GET_TZINFO(o));
    }
    if (PyDelta_Check(o)) {
        return Py_BuildValue("(siii)", "timedelta", PyDateTime_DELTA_GET_DAYS(o),
                             PyDateTime_DELTA_GET_SECONDS(o), PyDateTime_DELTA_GET_MICROSECONDS(o));
    }
    PyErr_SetString(PyExc_TypeError, "not a datetime object");
    return NULL;
}

/* has_tzinfo(o): the flag the TZINFO macros test (time and datetime) */
static PyObject *has_tzinfo(PyObject *self, PyObject *o) {
    (void)self;
    return PyBool_FromLong(_PyDateTime_HAS_TZINFO(o));
}

static PyObject *make_date(PyObject *self, PyObject *args) {
    (void)self;
    int y, m, d;
    if (!PyArg_ParseTuple(args, "iii", &y, &m, &d)) return NULL;
    return PyDate_FromDate(y, m, d);
}

static PyObject *make_datetime(PyObject *self, PyObject *args) {
    (void)self;
    int y, mo, d, h, mi, s, us, fold = -1;
    if (!PyArg_ParseTuple(args, "iiiiiii|i", &y, &mo, &d, &h, &mi, &s, &us, &fold)) return NULL;
    if (fold < 0) return PyDateTime_FromDateAndTime(y, mo, d, h, mi, s, us);
    return PyDateTime_FromDateAndTimeAndFold(y, mo, d, h, mi, s, us, fold);
}

static PyObject *make_time(PyObject *self, PyObject *args) {
    (void)self;
    int h, mi, s, us, fold = -1;
    if (!PyArg_ParseTuple(args, "iiii|i", &h, &mi, &s, &us, &fold)) return NULL;
    if (fold < 0) return PyTime_FromTime(h, mi, s, us);
    return PyTime_FromTimeAndFold(h, mi, s, us, fold);
}

static PyObject *make_delta(PyObject *self, PyObject *args) {
    (void)self;
    int d, s, us;
    if (!PyArg_ParseTuple(args, "iii", &d, &s, &us)) return NULL;
    return PyDelta_FromDSU(d, s, us);
}

/* make_tz(offset[, name]) */
static PyObject *make_tz(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *offset, *name = NULL;
    if (!PyArg_ParseTuple(args, "O|O", &offset, &name)) return NULL;
    if (name == NULL) return PyTimeZone_FromOffset(offset);
    return PyTimeZone_FromOffsetAndName(offset, name);
}

static PyObject *utc(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    PyObject *u = PyDateTime_TimeZone_UTC;
    Py_INCREF(u);
    return u;
}

/* The table's constructors called directly, with a type and a tzinfo. */
static PyObject *new_datetime_of(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *type, *tz;
    int y, mo, d, h, mi, s, us, fold;
    if (!PyArg_ParseTuple(args, "OiiiiiiiOi", &type, &y, &mo, &d, &h, &mi, &s, &us, &tz, &fold)) return NULL;
    return PyDateTimeAPI->DateTime_FromDateAndTimeAndFold(y, mo, d, h, mi, s, us, tz, fold, (PyTypeObject *)type);
}

static PyObject *new_date_of(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *type;
    int y, m, d;
    if (!PyArg_ParseTuple(args, "Oiii", &type, &y, &m, &d)) return NULL;
    return PyDateTimeAPI->Date_FromDate(y, m, d, (PyTypeObject *)type);
}

static PyObject *new_time_of(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *type, *tz;
    int h, mi, s, us;
    if (!PyArg_ParseTuple(args, "OiiiiO", &type, &h, &mi, &s, &us, &tz)) return NULL;
    return PyDateTimeAPI->Time_FromTime(h, mi, s, us, tz, (PyTypeObject *)type);
}

static PyObject *new_delta_of(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *type;
    int d, s, us;
    if (!PyArg_ParseTuple(args, "Oiii", &type, &d, &s, &us)) return NULL;
    return PyDateTimeAPI->Delta_FromDelta(d, s, us, 1, (PyTypeObject *)type);
}

/* from_timestamp(args) and date_from_timestamp(args): args is a tuple */
static PyObject *from_timestamp(PyObject *self, PyObject *args) {
    (void)self;
    return PyDateTime_FromTimestamp(args);
}

static PyObject *date_from_timestamp(PyObject *self, PyObject *args) {
    (void)self;
    return PyDate_FromTimestamp(args);
}

/* api_types(): the table's types, and their instance sizes */
static PyObject *api_types(PyObject *self, PyObject *unused) {
    (void)self;
    (void)unused;
    PyDateTime_CAPI *c = PyDateTimeAPI;
    return Py_BuildValue("((OOOOO)(nnnnn))", (PyObject *)c->DateType, (PyObject *)c->DateTimeType,
                         (PyObject *)c->TimeType, (PyObject *)c->DeltaType, (PyObject *)c->TZInfoType,
                         c->DateType->tp_basicsize, c->DateTimeType->tp_basicsize, c->TimeType->tp_basicsize,
                         c->DeltaType->tp_basicsize, c->TZInfoType->tp_basicsize);
}

/* type_name(o): Py_TYPE(o)->tp_name, which C code puts in messages */
static PyObject *type_name(PyObject *self, PyObject *o) {
    (void)self;
    return PyUnicode_FromString(Py_TYPE(o)->tp_name);
}

/* sum_fields(seq): adds up year+month+day+hour+...+microsecond over a
 * sequence of datetimes (the driver runs it from several threads) */
static PyObject *sum_fields(PyObject *self, PyObject *seq) {
    (void)self;
    PyObject *fast = PySequence_Fast(seq, "a sequence");
    if (fast == NULL) return NULL;
    long long total = 0;
    for (Py_ssize_t i = 0; i < PySequence_Fast_GET_SIZE(fast); i++) {
        PyObject *o = PySequence_Fast_GET_ITEM(fast, i);
        if (!PyDateTime_Check(o)) {
            Py_DECREF(fast);
            PyErr_SetString(PyExc_TypeError, "not a datetime");
            return NULL;
        }
        total += PyDateTime_GET_YEAR(o) + PyDateTime_GET_MONTH(o) + PyDateTime_GET_DAY(o) +
                 PyDateTime_DATE_GET_HOUR(o) + PyDateTime_DATE_GET_MINUTE(o) + PyDateTime_DATE_GET_SECOND(o) +
                 PyDateTime_DATE_GET_MICROSECOND(o);
    }
    Py_DECREF(fast);
    return PyLong_FromLongLong(total);
}

static PyMethodDef methods[] = {
    {"checks", checks, METH_O, NULL},
    {"fields", fields, METH_O, NULL},
    {"has_tzinfo", has_tzinfo, METH_O, NULL},
    {"make_date", make_date, METH_VARARGS, NULL},
    {"make_datetime", make_datetime, METH_VARARGS, NULL},
    {"make_time", make_time, METH_VARARGS, NULL},
    {"make_delta", make_delta, METH_VARARGS, NULL},
    {"make_tz", make_tz, METH_VARARGS, NULL},
    {"utc", utc, METH_NOARGS, NULL},
    {"new_datetime_of", new_datetime_of, METH_VARARGS, NULL},
    {"new_date_of", new_date_of, METH_VARARGS, NULL},
    {"new_time_of", new_time_of, METH_VARARGS, NULL},
    {"new_delta_of", new_delta_of, METH_VARARGS, NULL},
    {"from_timestamp", from_timestamp, METH_VARARGS, NULL},
    {"date_from_timestamp", date_from_timestamp, METH_VARARGS, NULL},
    {"api_types", api_types, METH_NOARGS, NULL},
    {"sum_fields", sum_fields, METH_O, NULL},
    {"type_name", type_name, METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static int exec_module(PyObject *m) {
    (void)m;
    PyDateTime_IMPORT;
    return PyDateTimeAPI == NULL ? -1 : 0;
}

static PyModuleDef_Slot slots[] = {
    {Py_mod_exec, (void *)exec_module},
#ifdef Py_mod_gil
    {Py_mod_gil, Py_MOD_GIL_NOT_USED},
#endif
    {0, NULL},
};

static struct PyModuleDef def = {
    PyModuleDef_HEAD_INIT, "datetime_capi", NULL, 0, methods, slots, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit_datetime_capi(void) { return PyModuleDef_Init(&def); }
