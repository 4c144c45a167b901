package capi

/*
#include "shim.h"
*/
import "C"

import (
	"runtime"
	"strings"
	"sync"
	"unsafe"

	"freepy/interp/py"
)

// Struct sequences (resource.struct_rusage, ...): the Go half; see
// shim/structseq.c for the C layout. A struct sequence type is a Go type,
// a subclass of tuple whose instances are *py.Instance with a *py.Tuple
// base holding the visible items. Hidden items (fields after
// n_in_sequence) are not part of the tuple, so they live in a side table
// keyed by the instance.

type structSeqInfo struct {
	gt        *py.Type
	tp        *C.PyTypeObject
	names     []string // one per field; "" for an unnamed field
	named     []int    // indexes of the named fields, in order (CPython's tp_members)
	nFields   int
	nVisible  int
	nUnnamed  int
	fieldDocs []string
}

var (
	structSeqsByGo sync.Map // *py.Type -> *structSeqInfo
	structSeqsByC  sync.Map // *C.PyTypeObject -> *structSeqInfo
	hiddenItems    sync.Map // uintptr (instance address) -> []py.Object
)

func structSeqOf(gt *py.Type) *structSeqInfo {
	if v, ok := structSeqsByGo.Load(gt); ok {
		return v.(*structSeqInfo)
	}
	return nil
}

// structSeqOfC: tp's struct sequence description, or nil. Cheap for the
// common case: only tuple subclasses are looked up.
func structSeqOfC(tp *C.PyTypeObject) *structSeqInfo {
	if tp.tp_flags&C.Py_TPFLAGS_TUPLE_SUBCLASS == 0 || tp == &C.PyTuple_Type {
		return nil
	}
	if v, ok := structSeqsByC.Load(tp); ok {
		return v.(*structSeqInfo)
	}
	return nil
}

// items returns all the items of struct sequence o, hidden ones included.
func (info *structSeqInfo) items(o py.Object) []py.Object {
	vis := py.Unwrap(o).(*py.Tuple).Items()
	all := make([]py.Object, info.nFields)
	copy(all, vis)
	if h, ok := hiddenItems.Load(uintptr(dataPtr(o))); ok {
		copy(all[len(vis):], h.([]py.Object))
	}
	for i, v := range all {
		if v == nil {
			all[i] = py.None
		}
	}
	return all
}

// make builds an instance from all its items (visible first).
func (info *structSeqInfo) make(all []py.Object) py.Object {
	in := py.NewInstance(info.gt)
	in.Base = py.NewTuple(append([]py.Object(nil), all[:info.nVisible]...)...)
	if info.nFields > info.nVisible {
		key := uintptr(unsafe.Pointer(in))
		hiddenItems.Store(key, append([]py.Object(nil), all[info.nVisible:]...))
		runtime.AddCleanup(in, func(k uintptr) { hiddenItems.Delete(k) }, key)
	}
	return in
}

// newStructSeqType makes the Go type described by desc (CPython 3.11's
// structseq semantics: repr, __new__(sequence, dict=None), __reduce__ and
// the n_*fields class attributes).
func newStructSeqType(desc *C.PyStructSequence_Desc) (*structSeqInfo, error) {
	full := cstr(desc.name)
	mod, name := "builtins", full
	if i := strings.LastIndexByte(full, '.'); i >= 0 {
		mod, name = full[:i], full[i+1:]
	}
	info := &structSeqInfo{}
	for f := desc.fields; f.name != nil; f = (*C.PyStructSequence_Field)(unsafe.Add(unsafe.Pointer(f), C.sizeof_PyStructSequence_Field)) {
		n, doc := "", ""
		if f.name == C.PyStructSequence_UnnamedField {
			info.nUnnamed++
		} else {
			n = cstr(f.name)
			info.named = append(info.named, len(info.names))
		}
		if f.doc != nil {
			doc = cstr(f.doc)
		}
		info.names = append(info.names, n)
		info.fieldDocs = append(info.fieldDocs, doc)
	}
	info.nFields = len(info.names)
	info.nVisible = int(desc.n_in_sequence)
	if info.nVisible < 0 || info.nVisible > info.nFields {
		return nil, py.Errorf(py.SystemErrorType, "%s: n_in_sequence out of range", full)
	}
	// the skeleton (a heap subclass of tuple), then CPython's behaviour
	ss := py.NewStructSeqType(name, mod, nil)
	gt := ss.Type
	info.gt = gt
	if desc.doc != nil {
		gt.Doc = cstr(desc.doc)
		gt.Dict.SetStr("__doc__", py.NewStr(gt.Doc))
	}
	for _, i := range info.named {
		i := i
		gt.Dict.SetStr(info.names[i], &py.GetSetDescr{Name: info.names[i], Doc: info.fieldDocs[i], Owner: gt,
			Get: func(t *py.Thread, o py.Object) (py.Object, error) {
				if i < info.nVisible {
					return py.Unwrap(o).(*py.Tuple).Items()[i], nil
				}
				return info.items(o)[i], nil
			}})
	}
	gt.Dict.SetStr("n_sequence_fields", py.Int(info.nVisible))
	gt.Dict.SetStr("n_fields", py.Int(info.nFields))
	gt.Dict.SetStr("n_unnamed_fields", py.Int(info.nUnnamed))
	var match []py.Object
	for _, i := range info.named {
		if i < info.nVisible {
			match = append(match, py.NewStr(info.names[i]))
		}
	}
	gt.Dict.SetStr("__match_args__", py.NewTuple(match...))
	// CPython names the i-th visible item after the i-th named field
	memberName := func(i int) string {
		if i < len(info.named) {
			return info.names[info.named[i]]
		}
		return ""
	}
	gt.Repr = func(t *py.Thread, o py.Object) (py.Object, error) {
		var b strings.Builder
		b.WriteString(full + "(")
		for i, v := range py.Unwrap(o).(*py.Tuple).Items() {
			if i > 0 {
				b.WriteString(", ")
			}
			r, err := py.ReprString(t, v)
			if err != nil {
				return nil, err
			}
			b.WriteString(memberName(i) + "=" + r)
		}
		b.WriteString(")")
		return py.NewStr(b.String()), nil
	}
	gt.New = func(t *py.Thread, ty *py.Type, args []py.Object, kw []string) (py.Object, error) {
		var seq, dict py.Object
		if err := py.ParseArgs("structseq", args, kw, []string{"sequence", "dict"}, 1, &seq, &dict); err != nil {
			return nil, err
		}
		items, err := py.ToSlice(t, seq)
		if err != nil {
			return nil, py.TypeErrorf("constructor requires a sequence")
		}
		var d *py.Dict
		if dict != nil && dict != py.None {
			var ok bool
			if d, ok = py.Unwrap(dict).(*py.Dict); !ok {
				return nil, py.TypeErrorf("%s() takes a dict as second arg, if any", full)
			}
		}
		n, lo, hi := len(items), info.nVisible, info.nFields
		if n < lo || n > hi {
			what := "a"
			if lo != hi && n < lo {
				what = "an at least"
			} else if lo != hi {
				what = "an at most"
			}
			want := lo
			if n > hi {
				want = hi
			}
			return nil, py.TypeErrorf("%s() takes %s %d-sequence (%d-sequence given)", full, what, want, n)
		}
		all := make([]py.Object, hi)
		copy(all, items)
		for i := n; i < hi; i++ {
			all[i] = py.None
			if d == nil {
				continue
			}
			if k := i - info.nUnnamed; k >= 0 && k < len(info.named) {
				if v := d.GetStr(info.names[info.named[k]]); v != nil {
					all[i] = v
				}
			}
		}
		return info.make(all), nil
	}
	gt.AddMethod("__reduce__", func(t *py.Thread, self py.Object, args []py.Object, kw []string) (py.Object, error) {
		all := info.items(self)
		d := py.NewDict()
		for i := info.nVisible; i < info.nFields; i++ {
			if k := i - info.nUnnamed; k >= 0 && k < len(info.named) {
				d.SetStr(info.names[info.named[k]], all[i])
			}
		}
		return py.NewTuple(self.Type(), py.NewTuple(py.NewTuple(all[:info.nVisible]...), d)), nil
	})
	return info, nil
}

// register makes the C side know tp as struct sequence type info.
func (info *structSeqInfo) register(tp *C.PyTypeObject) error {
	info.tp = tp
	tp.tp_itemsize = C.Py_ssize_t(unsafe.Sizeof(uintptr(0)))
	tp.tp_dealloc = C.destructor(C.fpy_structseq_dealloc)
	if C.fpy_structseq_register(tp, C.Py_ssize_t(info.nFields), C.Py_ssize_t(info.nVisible)) < 0 {
		return py.Errorf(py.MemoryErrorType, "")
	}
	structSeqsByGo.Store(info.gt, info)
	structSeqsByC.Store(tp, info)
	return nil
}

//export fpyGo_PyStructSequence_NewType
func fpyGo_PyStructSequence_NewType(ts *C.PyThreadState, desc *C.PyStructSequence_Desc) *C.PyTypeObject {
	s := stateFromC(ts)
	info, err := newStructSeqType(desc)
	if err != nil {
		s.setError(err)
		return nil
	}
	tp := s.typePtr(info.gt)
	if err := info.register(tp); err != nil {
		s.setError(err)
		return nil
	}
	incref((*C.PyObject)(unsafe.Pointer(tp)))
	return tp
}

//export fpyGo_PyStructSequence_InitType2
func fpyGo_PyStructSequence_InitType2(ts *C.PyThreadState, tp *C.PyTypeObject, desc *C.PyStructSequence_Desc) C.int {
	s := stateFromC(ts)
	if structSeqOfC(tp) != nil {
		return 0
	}
	info, err := newStructSeqType(desc)
	if err != nil {
		s.setError(err)
		return -1
	}
	// a static type object of the extension becomes the Go type's C
	// object, as freepy's own static types are (types.go)
	tp.ob_base.ob_base.ob_refcnt = C._Py_IMMORTAL_INITIAL_REFCNT
	tp.ob_base.ob_base.ob_type = &C.PyType_Type
	fillTypeMirror(s.t, tp, info.gt)
	tp.tp_flags &^= C.Py_TPFLAGS_HEAPTYPE
	if err := info.register(tp); err != nil {
		s.setError(err)
		return -1
	}
	newStaticLink(info.gt, (*C.PyObject)(unsafe.Pointer(tp)))
	return 0
}

// structSeqFromC realizes a struct sequence C code built (all its items
// set, as CPython requires before it is shared) as a Go instance; the C
// object becomes its mirror.
func (s *tstate) structSeqFromC(op *C.PyObject, info *structSeqInfo) py.Object {
	slots := unsafe.Slice((**C.PyObject)(ptrAt(op, offTupleItems)), info.nFields)
	all := make([]py.Object, info.nFields)
	for i, it := range slots {
		all[i] = s.fromCOrNone(it)
	}
	o := info.make(all)
	newLink(o, op, false)
	return o
}

// structSeqMirror makes the C object of a struct sequence made in Go, with
// its hidden items where PyStructSequence_GET_ITEM reads them.
func (s *tstate) structSeqMirror(info *structSeqInfo, o py.Object) *C.PyObject {
	op := C.fpy_structseq_alloc(info.tp, C.Py_ssize_t(info.nFields), C.Py_ssize_t(info.nVisible))
	slots := unsafe.Slice((**C.PyObject)(ptrAt(op, offTupleItems)), info.nFields)
	for i, it := range info.items(o) {
		slots[i] = s.newRef(it)
	}
	return op
}
