package py

import (
	"sync"
	"sync/atomic"
)

// What the C API needs of datetime. freepy's datetime is the host's
// pure-Python datetime.py (Debian builds CPython's _datetime into its
// binary, so there is no accelerator to load). Extensions reach it
// through the capsule datetime.datetime_CAPI and read instances through
// macros over CPython's struct layouts; package capi makes both: the
// capsule (DatetimeCAPIHook, answered by the module's __getattr__, so that
// the C API is set up only for programs that ask) and, for instances of
// the classes registered here, mirrors with those layouts.

// Kinds of datetime object, by the layout their mirror gets.
const (
	DatetimeNone = iota
	DatetimeDate
	DatetimeDateTime
	DatetimeTime
	DatetimeDelta
	DatetimeTZInfo
)

// DatetimeClasses are the classes of one execution of datetime.py.
type DatetimeClasses struct {
	Date, DateTime, Time, Delta, TZInfo, TimeZone *Type
	UTC                                           Object
}

// datetimeRegistry maps every registered class to its kind. The module
// may run more than once (importlib.reload, a test that imports it
// afresh): every run's classes get the layouts, the capsule describes the
// first. Readers load the map without a lock; writers copy it.
var datetimeRegistry struct {
	mu    sync.Mutex
	kinds atomic.Pointer[map[*Type]int]
	first *DatetimeClasses
}

// DatetimeCAPIHook, when set, makes the datetime.datetime_CAPI capsule
// for the classes of the first datetime module.
var DatetimeCAPIHook func(t *Thread, c *DatetimeClasses) (Object, error)

// DatetimeKind tells which datetime layout an instance of tp has: the kind
// of the nearest registered class in its MRO (a datetime is also a date:
// datetime comes first in its MRO).
func DatetimeKind(tp *Type) int {
	k, _ := DatetimeClassOf(tp)
	return k
}

// DatetimeClassOf is DatetimeKind, and the registered class that decided
// it: tp itself when tp is one of datetime.py's own classes (date,
// datetime, time, timedelta, tzinfo, timezone), else the base it derives
// from.
func DatetimeClassOf(tp *Type) (kind int, cls *Type) {
	kinds := datetimeRegistry.kinds.Load()
	if kinds == nil {
		return DatetimeNone, nil
	}
	if k, ok := (*kinds)[tp]; ok {
		return k, tp
	}
	for _, m := range tp.MRO() {
		if k, ok := (*kinds)[m]; ok {
			return k, m
		}
	}
	return DatetimeNone, nil
}

// DatetimeSlot reads the __slots__ member name of o as datetime.py's class
// cls declares it, without the attribute protocol (a datetime's mirror
// reads up to ten of them; a subclass's own attributes of the same name do
// not count, as they do not for CPython's C fields). It is nil when o has
// no such member set.
func DatetimeSlot(o Object, cls *Type, name *Str) Object {
	in, ok := o.(*Instance)
	if !ok {
		return nil
	}
	m, ok := cls.Lookup(name).(*memberDescr)
	if !ok || m.index >= len(in.slots) {
		return nil
	}
	return in.getSlot(m.index)
}

func init() {
	afterImportHooks["datetime"] = registerDatetime
}

// registerDatetime runs after datetime.py: it records the module's classes
// and gives the module the capsule attribute. A module named datetime
// without those classes (a user's own datetime.py) is left alone.
func registerDatetime(t *Thread, m Object) error {
	mod, ok := m.(*Module)
	if !ok {
		return nil
	}
	d := mod.Dict()
	cls := func(name string) *Type {
		tp, _ := d.GetStr(name).(*Type)
		return tp
	}
	c := &DatetimeClasses{Date: cls("date"), DateTime: cls("datetime"), Time: cls("time"),
		Delta: cls("timedelta"), TZInfo: cls("tzinfo"), TimeZone: cls("timezone")}
	if c.Date == nil || c.DateTime == nil || c.Time == nil || c.Delta == nil || c.TZInfo == nil || c.TimeZone == nil {
		return nil
	}
	utc, err := GetAttrString(t, c.TimeZone, "utc")
	if err != nil {
		return nil
	}
	c.UTC = utc
	r := &datetimeRegistry
	r.mu.Lock()
	next := map[*Type]int{}
	if old := r.kinds.Load(); old != nil {
		for k, v := range *old {
			next[k] = v
		}
	}
	next[c.Date] = DatetimeDate
	next[c.DateTime] = DatetimeDateTime
	next[c.Time] = DatetimeTime
	next[c.Delta] = DatetimeDelta
	next[c.TZInfo] = DatetimeTZInfo
	next[c.TimeZone] = DatetimeTZInfo
	r.kinds.Store(&next)
	if r.first == nil {
		r.first = c
	}
	first := r.first
	r.mu.Unlock()
	if DatetimeCAPIHook == nil {
		return nil
	}
	// CPython's module has the capsule as a plain attribute; made on first
	// access here, as _socket.CAPI is (making it sets up the C API)
	mod.AddFunc("__getattr__", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		name := "?"
		if len(args) == 1 && len(kw) == 0 {
			if n, ok := args[0].(*Str); ok {
				name = n.String()
			}
		}
		if name != "datetime_CAPI" {
			return nil, Errorf(AttributeErrorType, "module 'datetime' has no attribute '%s'", name)
		}
		capsule, err := DatetimeCAPIHook(t, first)
		if err != nil {
			return nil, err
		}
		d.SetStr("datetime_CAPI", capsule)
		return capsule, nil
	})
	return nil
}
