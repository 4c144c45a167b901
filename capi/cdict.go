package capi

/*
#include "shim.h"
*/
import "C"

import (
	"runtime"
	"sync/atomic"
	"unsafe"

	"freepy/interp/py"
)

// C-born dicts (shim/dict.c): C code fills them in C until they cross into
// Go. A dict that crosses while C code may still use it is realized: a Go
// dict takes its entries over and the C object becomes that dict's mirror.
// A dict that is only reachable from a result the caller is about to drop
// is decoded instead, with no link at all (consume).

// cdictEntries views a C-born dict's entry table.
func cdictEntries(tbl unsafe.Pointer, n int) []C.fpy_centry {
	if n == 0 {
		return nil
	}
	return unsafe.Slice((*C.fpy_centry)(unsafe.Add(tbl, unsafe.Offsetof(C.fpy_ctable{}.e))), n)
}

// cdictTable returns a C-born dict's table, nil once it was realized (and
// for mirrors of Go dicts, which never have one).
func cdictTable(op *C.PyObject) unsafe.Pointer {
	p := (*unsafe.Pointer)(unsafe.Pointer(&(*C.PyDictObject)(unsafe.Pointer(op)).ma_keys))
	return atomic.LoadPointer(p)
}

func cdictLock(op *C.PyObject) *uint32 {
	return (*uint32)(unsafe.Pointer(&(*C.fpy_cdict)(unsafe.Pointer(op)).lock))
}

// realizeDict turns a C-born dict into a Go dict linked to it. The C lock
// is held throughout, so that C code on other threads waits and then finds
// the dict linked; a dict that contains itself finds its Go dict in
// s.realizing.
func (s *tstate) realizeDict(op *C.PyObject) py.Object {
	if d, ok := s.realizing[op]; ok {
		return d
	}
	lk := cdictLock(op)
	for !atomic.CompareAndSwapUint32(lk, 0, 1) {
		runtime.Gosched()
	}
	if l := linkOf(op); l != nil {
		// another thread realized it while we waited
		atomic.StoreUint32(lk, 0)
		return l.object()
	}
	dp := (*C.PyDictObject)(unsafe.Pointer(op))
	tbl := unsafe.Pointer(dp.ma_keys)
	entries := cdictEntries(tbl, int(dp.ma_used))
	d := py.NewDictSize(len(entries))
	if s.realizing == nil {
		s.realizing = map[*C.PyObject]*py.Dict{}
	}
	s.realizing[op] = d
	for _, e := range entries {
		// str and small int keys: hashing cannot fail
		_ = d.SetItem(s.t, s.fromC(e.key), s.fromC(e.value))
	}
	delete(s.realizing, op)
	newLink(d, op, false)
	atomic.StorePointer((*unsafe.Pointer)(unsafe.Pointer(&dp.ma_keys)), nil)
	atomic.StoreUint32(lk, 0)
	// the entries' references now belong to the Go dict's objects
	for _, e := range entries {
		s.decref(e.key)
		s.decref(e.value)
	}
	s.freeLater(tbl)
	return d
}

// distinctKey: a C-born dict's key that is a compact ASCII str or an int
// (C's simple keys are compact strs and small ints), for which C's
// comparison and Go's agree.
func distinctKey(op *C.PyObject) bool {
	if op.ob_type == typeUnicode {
		return *(*uint32)(ptrAt(op, offUniState))&(1<<6|1<<5) == 1<<6|1<<5
	}
	return op.ob_type == typeLong
}

// consume converts a result whose reference the caller owns and drops
// that reference. If it is the only one, nothing in C can use the object
// afterwards: an unlinked object of a built-in layout (a tuple, list or
// C-born dict built by C, and the strs, bytes, ints and floats in it that
// it alone holds) is decoded and destroyed in the same walk, without a
// link (a link costs two runtime specials, a table entry and a cleanup
// later) and without a second pass through the autorelease pool and
// deallocFast. Anything else is converted by fromC and released.
func (s *tstate) consume(op *C.PyObject) py.Object {
	if op == nil {
		return py.None
	}
	// ints and floats first, with fastDeallocType's checks spelled out:
	// a count of 1 rules out the immortal small ints, and these two
	// types are never type objects
	if tp := op.ob_type; tp == typeLong || tp == typeFloat {
		if refcnt(op) == 1 && tp.tp_dealloc == mirrorDealloc && C.fpy_debug == 0 &&
			*(*uint64)(unsafe.Add(unsafe.Pointer(op), -headSize)) == C.FPY_MAGIC && atomicLoadU64(headHandle(op)) == 0 {
			var o py.Object
			if tp == typeFloat {
				o = py.Float(*(*float64)(ptrAt(op, 16)))
				s.freeValueLater(op, false)
			} else if n := obSize(op); n >= -2 && n <= 2 {
				o = s.t.BoxInt(smallLongFromC(op, n))
				// freeValueLater's common case written out: it does
				// not inline, and a Py_BuildValue result has an int
				// per item
				if x := s.stash(); x.nints < C.FPY_NSTASH {
					x.ints[x.nints] = op
					x.nints++
				} else {
					s.freeValueLater(op, true)
				}
			} else {
				o = longFromC(op)
				s.freeLater(unsafe.Pointer(op))
			}
			return o
		}
	} else if tp == typeUnicode {
		// a shared str (a one-character dict key) is immortal: nothing
		// to drop
		if o := sharedStr(op); o != nil {
			return o
		}
	}
	if refcnt(op) != 1 || !fastDeallocType(op) || atomicLoadU64(headHandle(op)) != 0 {
		o := s.fromC(op)
		if refcnt(op) == 1 && isDatetimeMirror(op) {
			s.datetimeFoldBack(op, o)
		}
		s.decref(op)
		return o
	}
	var o py.Object
	switch op.ob_type {
	case &C.PyTuple_Type:
		n := obSize(op)
		tup, items := py.NewTupleN(int(n))
		for i, it := range unsafe.Slice((**C.PyObject)(ptrAt(op, offTupleItems)), n) {
			items[i] = s.consume(it)
		}
		s.freeObjectLater(op)
		return tup
	case &C.PyList_Type:
		n := obSize(op)
		items := make([]py.Object, n)
		if arr := *(***C.PyObject)(ptrAt(op, offListItems)); arr != nil {
			for i, it := range unsafe.Slice(arr, n) {
				items[i] = s.consume(it)
			}
			s.freeLater(unsafe.Pointer(arr))
		}
		o = py.NewList(items...)
	case &C.PyDict_Type:
		return s.consumeDict(op)
	default: // str, bytes: what fastDeallocType accepts
		o = s.fromC(op)
		s.dropHeld(op) // holds no references: only a str's UTF-8 copy
	}
	s.freeLater(unsafe.Pointer(op))
	return o
}

// consumeDict is consume for a dead C-born dict (or a mirror whose Go dict
// is gone). Out of consume, so that consume's calls for the ints of a
// result do not set up this case's frame.
func (s *tstate) consumeDict(op *C.PyObject) py.Object {
	dp := (*C.PyDictObject)(unsafe.Pointer(op))
	tbl := cdictTable(op)
	if tbl == nil {
		// a mirror whose Go dict is gone; not made by C code
		o := s.fromC(op)
		s.decref(op)
		return o
	}
	entries := cdictEntries(tbl, int(dp.ma_used))
	// C kept the keys distinct (key_eq in shim/dict.c), and while they
	// are all ASCII strs and small ints Go sees them distinct too: a
	// dict of a few items is made in one go (py.NewDictDistinct). A str
	// of another kind may equal one C told apart (a non-canonical
	// PyUnicode_New str): then the insertions look up.
	var keys, values [cdictFew]py.Object
	distinct := true
	var d *py.Dict
	if len(entries) > cdictFew {
		d = py.NewDictSize(len(entries))
	}
	for i, e := range entries {
		// the commonest key, a one-character str from a C literal, is
		// a shared str: no call
		var k py.Object
		if ks := sharedStr(e.key); ks != nil {
			k = ks
		} else {
			distinct = distinct && distinctKey(e.key)
			k = s.consume(e.key)
		}
		v := s.consume(e.value)
		// str and small int keys: hashing cannot fail
		if d == nil {
			keys[i], values[i] = k, v
		} else if distinct {
			_ = d.SetNewItemUnshared(s.t, k, v)
		} else {
			_ = d.SetItemUnshared(s.t, k, v)
		}
	}
	// the block keeps its table: C may reuse both for its next
	// PyDict_New (fpy_cdict_to_freelist, through the low bit)
	n := len(entries)
	dp.ma_used = 0
	s.freeLater(unsafe.Add(unsafe.Pointer(op), 1))
	if d != nil {
		return d
	}
	if distinct {
		return py.NewDictDistinct(s.t, keys[:n], values[:n])
	}
	d = py.NewDictSize(n)
	for i, k := range keys[:n] {
		_ = d.SetItemUnshared(s.t, k, values[i])
	}
	return d
}

// cdictFew is the number of items up to which consumeDict collects a
// dict's items before it makes the Go dict: a C-born dict's first table
// has room for 4 (FPY_CDICT_CAP0), its second for 8.
const cdictFew = 8
