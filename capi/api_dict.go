package capi

/*
#include "shim.h"
*/
import "C"

import (
	"freepy/interp/py"
)

// The dict API. Dicts live in Go; their mirrors carry only ma_used, which
// PyDict_GET_SIZE reads, and is refreshed after every change made here.

func (s *tstate) dictOf(op *C.PyObject, fn string) (*py.Dict, bool) {
	d, ok := py.Unwrap(s.fromC(op)).(*py.Dict)
	if !ok {
		s.setError(py.Errorf(py.SystemErrorType, "%s: bad argument to internal function", fn))
	}
	return d, ok
}

// fpyGo_DictSetItem is PyDict_SetItem (shim/dict.c) for what C does not
// do itself.
//
//export fpyGo_DictSetItem
func fpyGo_DictSetItem(ts *C.PyThreadState, op, k, v *C.PyObject) C.int {
	s := stateFromC(ts)
	d, ok := s.dictOf(op, "PyDict_SetItem")
	if !ok {
		return -1
	}
	key, val := s.fromC(k), s.fromC(v)
	err := d.SetItem(s.t, key, val)
	s.refresh(op, d)
	s.keepStoredValue(v)
	return s.retInt(err)
}

//export fpyGo_DictSetItemString
func fpyGo_DictSetItemString(ts *C.PyThreadState, op *C.PyObject, k *C.char, v *C.PyObject) C.int {
	s := stateFromC(ts)
	d, ok := s.dictOf(op, "PyDict_SetItemString")
	if !ok {
		return -1
	}
	d.SetStr(cstr(k), s.fromC(v))
	s.refresh(op, d)
	s.keepStoredValue(v)
	return 0
}

// linkedDict is the Go dict whose mirror op is, found through op's link
// alone (no fromC type switch, no Unwrap), or nil when op is anything
// else (a C-born dict not realized yet, a subclass, a weak link): the
// caller then takes dictOf's path.
func linkedDict(op *C.PyObject) *py.Dict {
	if op.ob_type != &C.PyDict_Type {
		return nil
	}
	// a dict is never a static type object or singleton: headLink's
	// test is hasHead's
	if l := headLink(op); l != nil {
		d, _ := l.strongObject().(*py.Dict)
		return d
	}
	return nil
}

// keyOf is fromC for a dict key: a str passed in from Go (its mirror is
// linked) or a shared one-character str is found without fromC's type
// switch.
func (s *tstate) keyOf(k *C.PyObject) py.Object {
	if k != nil && k.ob_type == typeUnicode {
		if o := sharedStr(k); o != nil {
			return o
		}
		if l := headLink(k); l != nil {
			if o, ok := l.strongObject().(*py.Str); ok {
				return o
			}
		}
	}
	return s.fromC(k)
}

// lookup is the common part of the GetItem family; err is only set for
// errors other than a missing key.
func (s *tstate) lookup(op, k *C.PyObject, fn string) (py.Object, error, bool) {
	d := linkedDict(op)
	if d == nil {
		var ok bool
		if d, ok = s.dictOf(op, fn); !ok {
			return nil, nil, false
		}
	}
	key := s.keyOf(k)
	v, err := d.GetItem(s.t, key)
	if err != nil && py.IsInstanceOf(err, py.KeyErrorType) {
		return nil, nil, true
	}
	return v, err, true
}

// PyDict_GetItem returns a borrowed reference, kept alive by the
// thread's autorelease pool until the C call returns; it swallows errors.
//
//export fpyGo_PyDict_GetItem
func fpyGo_PyDict_GetItem(ts *C.PyThreadState, op, k *C.PyObject) C.uintptr_t {
	s := stateFromC(ts)
	v, err, ok := s.lookup(op, k, "PyDict_GetItem")
	if !ok || err != nil || v == nil {
		if !ok || err != nil {
			s.clearError()
		}
		return 0
	}
	return cptr(s.borrowed(v))
}

// borrowed returns a pointer to o that the pool keeps alive (de-duplicated).
func (s *tstate) borrowed(o py.Object) *C.PyObject {
	if i, ok := o.(py.Int); ok && i >= C.FPY_SMALL_MIN && i <= C.FPY_SMALL_MAX {
		// a static small int: nothing to keep (newRef's type switch and
		// keepBorrowed's tests, for a dict of counts or flags)
		return smallIntObj(int64(i))
	}
	r := s.newRef(o)
	s.keepBorrowed(r)
	return r
}

//export fpyGo_PyDict_GetItemWithError
func fpyGo_PyDict_GetItemWithError(ts *C.PyThreadState, op, k *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	v, err, ok := s.lookup(op, k, "PyDict_GetItemWithError")
	if !ok {
		return nil
	}
	if err != nil {
		s.setError(err)
		return nil
	}
	if v == nil {
		return nil
	}
	return s.borrowed(v)
}

//export fpyGo_PyDict_GetItemString
func fpyGo_PyDict_GetItemString(ts *C.PyThreadState, op *C.PyObject, k *C.char) *C.PyObject {
	s := stateFromC(ts)
	d := linkedDict(op)
	if d == nil {
		var ok bool
		if d, ok = s.dictOf(op, "PyDict_GetItemString"); !ok {
			s.clearError()
			return nil
		}
	}
	v := d.GetStr(cstr(k))
	if v == nil {
		return nil
	}
	return s.borrowed(v)
}

//export fpyGo_PyDict_GetItemRef
func fpyGo_PyDict_GetItemRef(ts *C.PyThreadState, op, k *C.PyObject, res **C.PyObject) C.int {
	s := stateFromC(ts)
	v, err, ok := s.lookup(op, k, "PyDict_GetItemRef")
	*res = nil
	if !ok {
		return -1
	}
	if err != nil {
		s.setError(err)
		return -1
	}
	if v == nil {
		return 0
	}
	*res = s.newRef(v)
	return 1
}

//export fpyGo_PyDict_GetItemStringRef
func fpyGo_PyDict_GetItemStringRef(ts *C.PyThreadState, op *C.PyObject, k *C.char, res **C.PyObject) C.int {
	s := stateFromC(ts)
	*res = nil
	d, ok := s.dictOf(op, "PyDict_GetItemStringRef")
	if !ok {
		return -1
	}
	v := d.GetStr(cstr(k))
	if v == nil {
		return 0
	}
	*res = s.newRef(v)
	return 1
}

//export fpyGo_PyDict_DelItem
func fpyGo_PyDict_DelItem(ts *C.PyThreadState, op, k *C.PyObject) C.int {
	s := stateFromC(ts)
	d, ok := s.dictOf(op, "PyDict_DelItem")
	if !ok {
		return -1
	}
	key := s.fromC(k)
	found, err := d.DelItem(s.t, key)
	s.refresh(op, d)
	if err == nil && !found {
		err = py.NewException(py.KeyErrorType, key)
	}
	return s.retInt(err)
}

//export fpyGo_PyDict_DelItemString
func fpyGo_PyDict_DelItemString(ts *C.PyThreadState, op *C.PyObject, k *C.char) C.int {
	s := stateFromC(ts)
	key := s.newRef(py.NewStr(cstr(k)))
	s.keep(key)
	return fpyGo_PyDict_DelItem(ts, op, key)
}

//export fpyGo_PyDict_Contains
func fpyGo_PyDict_Contains(ts *C.PyThreadState, op, k *C.PyObject) C.int {
	s := stateFromC(ts)
	v, err, ok := s.lookup(op, k, "PyDict_Contains")
	if !ok {
		return -1
	}
	return s.retBool(v != nil, err)
}

//export fpyGo_PyDict_ContainsString
func fpyGo_PyDict_ContainsString(ts *C.PyThreadState, op *C.PyObject, k *C.char) C.int {
	s := stateFromC(ts)
	d, ok := s.dictOf(op, "PyDict_ContainsString")
	if !ok {
		return -1
	}
	if d.GetStr(cstr(k)) != nil {
		return 1
	}
	return 0
}

//export fpyGo_DictSize
func fpyGo_DictSize(ts *C.PyThreadState, op *C.PyObject) C.Py_ssize_t {
	s := stateFromC(ts)
	d, ok := s.dictOf(op, "PyDict_Size")
	if !ok {
		return -1
	}
	return C.Py_ssize_t(d.Len())
}

//export fpyGo_PyDict_Copy
func fpyGo_PyDict_Copy(ts *C.PyThreadState, op *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	d, ok := s.dictOf(op, "PyDict_Copy")
	if !ok {
		return nil
	}
	return s.newRef(d.Copy())
}

//export fpyGo_PyDict_Clear
func fpyGo_PyDict_Clear(ts *C.PyThreadState, op *C.PyObject) {
	s := stateFromC(ts)
	d, ok := s.dictOf(op, "PyDict_Clear")
	if !ok {
		s.clearError()
		return
	}
	d.Clear()
	s.refresh(op, d)
}

func (s *tstate) dictList(op *C.PyObject, which int) *C.PyObject {
	d, ok := s.dictOf(op, "PyDict_Keys")
	if !ok {
		return nil
	}
	keys, values := d.Pairs()
	switch which {
	case 0:
		return s.newRef(py.NewList(keys...))
	case 1:
		return s.newRef(py.NewList(values...))
	}
	items := make([]py.Object, len(keys))
	for i := range keys {
		items[i] = py.NewTuple(keys[i], values[i])
	}
	return s.newRef(py.NewList(items...))
}

//export fpyGo_PyDict_Keys
func fpyGo_PyDict_Keys(ts *C.PyThreadState, op *C.PyObject) *C.PyObject {
	return stateFromC(ts).dictList(op, 0)
}

//export fpyGo_PyDict_Values
func fpyGo_PyDict_Values(ts *C.PyThreadState, op *C.PyObject) *C.PyObject {
	return stateFromC(ts).dictList(op, 1)
}

//export fpyGo_PyDict_Items
func fpyGo_PyDict_Items(ts *C.PyThreadState, op *C.PyObject) *C.PyObject {
	return stateFromC(ts).dictList(op, 2)
}

//export fpyGo_PyDict_Update
func fpyGo_PyDict_Update(ts *C.PyThreadState, op, other *C.PyObject) C.int {
	s := stateFromC(ts)
	d, ok := s.dictOf(op, "PyDict_Update")
	if !ok {
		return -1
	}
	o := s.fromC(other)
	_, err := py.CallMethod(s.t, d, "update", o)
	s.refresh(op, d)
	return s.retInt(err)
}

//export fpyGo_PyDict_Merge
func fpyGo_PyDict_Merge(ts *C.PyThreadState, op, other *C.PyObject, override C.int) C.int {
	s := stateFromC(ts)
	if override != 0 {
		return fpyGo_PyDict_Update(ts, op, other)
	}
	d, ok := s.dictOf(op, "PyDict_Merge")
	if !ok {
		return -1
	}
	o := s.fromC(other)
	keys, err := py.CallMethod(s.t, o, "keys")
	if err != nil {
		return s.retInt(err)
	}
	err = py.Iterate(s.t, keys, func(k py.Object) (bool, error) {
		if v, _ := d.GetItem(s.t, k); v != nil {
			return true, nil
		}
		v, err := py.GetItem(s.t, o, k)
		if err != nil {
			return false, err
		}
		return true, d.SetItem(s.t, k, v)
	})
	s.refresh(op, d)
	return s.retInt(err)
}

//export fpyGo_PyDict_SetDefault
func fpyGo_PyDict_SetDefault(ts *C.PyThreadState, op, k, def *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	d, ok := s.dictOf(op, "PyDict_SetDefault")
	if !ok {
		return nil
	}
	key, dv := s.fromC(k), s.fromC(def)
	v, err := d.SetDefault(s.t, key, dv)
	s.refresh(op, d)
	if err != nil {
		return s.ret(nil, err)
	}
	return s.borrowed(v)
}

//export fpyGo_PyDict_SetDefaultRef
func fpyGo_PyDict_SetDefaultRef(ts *C.PyThreadState, op, k, def *C.PyObject, res **C.PyObject) C.int {
	s := stateFromC(ts)
	d, ok := s.dictOf(op, "PyDict_SetDefaultRef")
	if res != nil {
		*res = nil
	}
	if !ok {
		return -1
	}
	key, dv := s.fromC(k), s.fromC(def)
	had, _ := d.GetItem(s.t, key)
	v, err := d.SetDefault(s.t, key, dv)
	s.refresh(op, d)
	if err != nil {
		return s.retInt(err)
	}
	if res != nil {
		*res = s.newRef(v)
	}
	if had != nil {
		return 1
	}
	return 0
}

// dictIter remembers PyDict_Next's snapshot per dict, so that a loop over
// n items costs O(n), not O(n^2). A new loop (pos 0) takes a new snapshot.
type dictIter struct {
	keys, values []py.Object
}

//export fpyGo_PyDict_Next
func fpyGo_PyDict_Next(ts *C.PyThreadState, op *C.PyObject, pos *C.Py_ssize_t, k, v **C.PyObject) C.int {
	s := stateFromC(ts)
	d, ok := py.Unwrap(s.fromC(op)).(*py.Dict)
	if !ok {
		return 0
	}
	if s.dictIters == nil {
		s.dictIters = map[*py.Dict]*dictIter{}
	}
	it := s.dictIters[d]
	if *pos == 0 || it == nil {
		keys, values := d.Pairs()
		it = &dictIter{keys, values}
		s.dictIters[d] = it
	}
	i := int(*pos)
	if i < 0 || i >= len(it.keys) {
		delete(s.dictIters, d)
		return 0
	}
	if k != nil {
		*k = s.borrowed(it.keys[i])
	}
	if v != nil {
		*v = s.borrowed(it.values[i])
	}
	*pos = C.Py_ssize_t(i + 1)
	return 1
}
