package capi

/*
#include "shim.h"
#define _PY_DATETIME_IMPL
#include "datetime.h"

extern PyDateTime_CAPI fpy_datetime_capi;
extern PyObject *fpy_datetime_ctors[5];
void fpy_datetime_init_ctors(void);
void fpy_datetime_mirror_dealloc(PyObject *op);
void fpy_time_mirror_dealloc(PyObject *op);
*/
import "C"

import (
	"sync"
	"unsafe"

	"freepy/interp/py"
)

// The datetime C API over the pure-Python datetime module (see
// interp/py/datetime_capi.go): the capsule datetime.datetime_CAPI, whose
// table shim/datetime.c holds, and mirrors of date, datetime, time and
// timedelta instances with CPython 3.11's layouts, which the accessor
// macros read (PyDateTime_GET_YEAR, PyDateTime_DELTA_GET_DAYS, ...).
// Instances are immutable, so a mirror is filled once, when it is made.

func init() {
	py.DatetimeCAPIHook = datetimeCAPI
}

var datetimeCAPIOnce struct {
	sync.Mutex
	obj py.Object
}

// datetimeCAPI makes the capsule. The table is static and the references
// it holds (the UTC singleton, the constructors' callables) are never
// released: the classes live as long as the process.
func datetimeCAPI(t *py.Thread, c *py.DatetimeClasses) (py.Object, error) {
	datetimeCAPIOnce.Lock()
	defer datetimeCAPIOnce.Unlock()
	if datetimeCAPIOnce.obj != nil {
		return datetimeCAPIOnce.obj, nil
	}
	setup(t)
	s := stateOf(t)
	ctors := unsafe.Slice(&C.fpy_datetime_ctors[0], len(C.fpy_datetime_ctors))
	for i, tp := range []*py.Type{c.Date, c.DateTime, c.Time, c.Delta} {
		// the class's own __new__ (a staticmethod: the plain function)
		fn, err := py.GetAttrString(t, tp, "__new__")
		if err != nil {
			return nil, err
		}
		ctors[i] = s.newRef(fn)
	}
	ctors[4] = s.newRef(c.TimeZone)
	api := &C.fpy_datetime_capi
	api.DateType = s.typePtr(c.Date)
	api.DateTimeType = s.typePtr(c.DateTime)
	api.TimeType = s.typePtr(c.Time)
	api.DeltaType = s.typePtr(c.Delta)
	api.TZInfoType = s.typePtr(c.TZInfo)
	api.TimeZone_UTC = s.newRef(c.UTC)
	C.fpy_datetime_init_ctors()
	o, err := s.staticCapsule(unsafe.Pointer(api), C.PyDateTime_CAPSULE_NAME)
	if err == nil {
		datetimeCAPIOnce.obj = o
	}
	return o, err
}

// datetimeTypeMirror gives the type mirror of a datetime class (or of a
// Python subclass of one) CPython's instance size, which Cython checks
// when it imports the type, and, for datetime and time, the deallocator
// that drops the tzinfo reference their mirrors own. datetime.py's own
// classes are static types in CPython, whose tp_name carries the module
// (C code puts it in messages: msgpack's "can not serialize
// 'datetime.datetime' object").
func datetimeTypeMirror(tp *C.PyTypeObject, kind int, own bool) {
	if own {
		tp.tp_name = cname("datetime." + C.GoString(tp.tp_name))
	}
	switch kind {
	case py.DatetimeDate:
		tp.tp_basicsize = C.sizeof_PyDateTime_Date
	case py.DatetimeDateTime:
		tp.tp_basicsize = C.sizeof_PyDateTime_DateTime
		tp.tp_dealloc = C.destructor(C.fpy_datetime_mirror_dealloc)
	case py.DatetimeTime:
		tp.tp_basicsize = C.sizeof_PyDateTime_Time
		tp.tp_dealloc = C.destructor(C.fpy_time_mirror_dealloc)
	case py.DatetimeDelta:
		tp.tp_basicsize = C.sizeof_PyDateTime_Delta
	case py.DatetimeTZInfo:
		tp.tp_basicsize = C.sizeof_PyDateTime_TZInfo
	}
}

// The slots of datetime.py's classes that mirrors carry.
var (
	dtYear, dtMonth, dtDay             = py.Intern("_year"), py.Intern("_month"), py.Intern("_day")
	dtHour, dtMinute, dtSecond, dtUsec = py.Intern("_hour"), py.Intern("_minute"), py.Intern("_second"), py.Intern("_microsecond")
	dtFold, dtTZInfo                   = py.Intern("_fold"), py.Intern("_tzinfo")
	dtDays, dtSeconds, dtUsecs         = py.Intern("_days"), py.Intern("_seconds"), py.Intern("_microseconds")
)

// datetimeMirror makes the mirror of an instance of a datetime class (cls
// is the datetime.py class it is or derives from), with its fields filled
// from the instance's slots. A slot that is not set (an instance made
// without __new__) leaves its bytes zero.
func (s *tstate) datetimeMirror(tp *C.PyTypeObject, o py.Object, kind int, cls *py.Type) *C.PyObject {
	field := func(name *py.Str) int64 {
		n, _ := py.DatetimeSlot(o, cls, name).(py.Int)
		return int64(n)
	}
	// packed big-endian bytes, as the accessor macros read them
	putDate := func(d []byte) {
		y := field(dtYear)
		d[0], d[1], d[2], d[3] = byte(y>>8), byte(y), byte(field(dtMonth)), byte(field(dtDay))
	}
	putTime := func(d []byte) {
		us := field(dtUsec)
		d[0], d[1], d[2] = byte(field(dtHour)), byte(field(dtMinute)), byte(field(dtSecond))
		d[3], d[4], d[5] = byte(us>>16), byte(us>>8), byte(us)
	}
	// fold, and tzinfo: a reference the mirror owns (fpy_*_mirror_dealloc
	// drops it)
	foldTZ := func(fold *C.uchar, hastz *C.char, slot **C.PyObject) {
		*fold = C.uchar(field(dtFold))
		tz := py.DatetimeSlot(o, cls, dtTZInfo)
		if tz == nil || tz == py.None {
			return
		}
		*hastz = 1
		*slot = s.newRef(tz)
	}
	bytesOf := func(p *C.uchar, n int) []byte { return unsafe.Slice((*byte)(unsafe.Pointer(p)), n) }
	var op *C.PyObject
	switch kind {
	case py.DatetimeDate:
		op = C.fpy_new_object(tp, C.sizeof_PyDateTime_Date)
		m := (*C.PyDateTime_Date)(unsafe.Pointer(op))
		m.hashcode = -1
		putDate(bytesOf(&m.data[0], len(m.data)))
	case py.DatetimeDateTime:
		op = C.fpy_new_object(tp, C.sizeof_PyDateTime_DateTime)
		m := (*C.PyDateTime_DateTime)(unsafe.Pointer(op))
		m.hashcode = -1
		d := bytesOf(&m.data[0], len(m.data))
		putDate(d[:4])
		putTime(d[4:])
		foldTZ(&m.fold, &m.hastzinfo, &m.tzinfo)
	case py.DatetimeTime:
		op = C.fpy_new_object(tp, C.sizeof_PyDateTime_Time)
		m := (*C.PyDateTime_Time)(unsafe.Pointer(op))
		m.hashcode = -1
		putTime(bytesOf(&m.data[0], len(m.data)))
		foldTZ(&m.fold, &m.hastzinfo, &m.tzinfo)
	case py.DatetimeDelta:
		op = C.fpy_new_object(tp, C.sizeof_PyDateTime_Delta)
		m := (*C.PyDateTime_Delta)(unsafe.Pointer(op))
		m.hashcode = -1
		m.days = C.int(field(dtDays))
		m.seconds = C.int(field(dtSeconds))
		m.microseconds = C.int(field(dtUsecs))
	default: // tzinfo and its subclasses: no fields
		op = C.fpy_new_object(tp, C.sizeof_PyDateTime_TZInfo)
	}
	return op
}

var (
	datetimeDealloc = C.destructor(C.fpy_datetime_mirror_dealloc)
	timeDealloc     = C.destructor(C.fpy_time_mirror_dealloc)
)

// isDatetimeMirror: op is the mirror of a datetime or a time (small enough
// to be inlined into consume, which asks for every result).
func isDatetimeMirror(op *C.PyObject) bool {
	d := op.ob_type.tp_dealloc
	return d == datetimeDealloc || d == timeDealloc
}

// datetimeFoldBack carries a fold that C code wrote into the mirror of a
// datetime or time it alone holds back to the Go object. CPython's own
// C code does that to a datetime it has just made (_zoneinfo's fromutc
// sets PyDateTime_DateTime.fold of the result of an addition), and no
// other write through the layout is known to matter: other fields are
// not carried back.
func (s *tstate) datetimeFoldBack(op *C.PyObject, o py.Object) {
	var fold C.uchar
	switch op.ob_type.tp_dealloc {
	case datetimeDealloc:
		fold = (*C.PyDateTime_DateTime)(unsafe.Pointer(op)).fold
	case timeDealloc:
		fold = (*C.PyDateTime_Time)(unsafe.Pointer(op)).fold
	default:
		return
	}
	_, cls := py.DatetimeClassOf(o.Type())
	if cls == nil {
		return
	}
	if n, ok := py.DatetimeSlot(o, cls, dtFold).(py.Int); ok && int64(n) != int64(fold) {
		// through the attribute protocol: the rare case
		_ = py.SetAttr(s.t, o, dtFold, py.Int(int64(fold)))
	}
}
