package capi

/*
#include "shim.h"
*/
import "C"

import (
	"strings"
	"sync"
	"unsafe"

	"freepy/interp/py"
)

// C types: a type object defined by an extension (static, or made by
// PyType_FromSpec) becomes a Go *py.Type whose slots call the C slots.

var readyMu sync.Mutex

// ctypeExt remembers which extension defined each C type (for its lock).
var ctypeExt sync.Map // *C.PyTypeObject -> *extModule

func (s *tstate) readyType(tp *C.PyTypeObject) (*py.Type, error) {
	readyMu.Lock()
	defer readyMu.Unlock()
	return s.readyLocked(tp)
}

func (s *tstate) readyLocked(tp *C.PyTypeObject) (*py.Type, error) {
	if l := linkOf((*C.PyObject)(unsafe.Pointer(tp))); l != nil {
		if gt, ok := l.strong.(*py.Type); ok {
			return gt, nil
		}
	}
	if tp.tp_base == nil && tp != &C.PyBaseObject_Type {
		tp.tp_base = &C.PyBaseObject_Type
	}
	base := tp.tp_base
	baseGo, err := s.readyLocked(base)
	if err != nil {
		return nil, err
	}
	if tp.ob_base.ob_base.ob_type == nil {
		tp.ob_base.ob_base.ob_type = &C.PyType_Type
	}
	// a C metatype (_ctypes' PyCSimpleType for _SimpleCData): its Go type
	// becomes the metaclass, so that subclassing in Python calls its tp_new
	var meta *py.Type
	if mt := tp.ob_base.ob_base.ob_type; mt != &C.PyType_Type {
		if meta, err = s.readyLocked(mt); err != nil {
			return nil, err
		}
	}
	inheritCSlots(tp, base)
	tp.tp_flags |= C.Py_TPFLAGS_READY | (base.tp_flags & (C.Py_TPFLAGS_LONG_SUBCLASS | C.Py_TPFLAGS_LIST_SUBCLASS |
		C.Py_TPFLAGS_TUPLE_SUBCLASS | C.Py_TPFLAGS_BYTES_SUBCLASS | C.Py_TPFLAGS_UNICODE_SUBCLASS |
		C.Py_TPFLAGS_DICT_SUBCLASS | C.Py_TPFLAGS_BASE_EXC_SUBCLASS | C.Py_TPFLAGS_TYPE_SUBCLASS))

	full := cstr(tp.tp_name)
	module, name := "", full
	if i := strings.LastIndexByte(full, '.'); i >= 0 {
		module, name = full[:i], full[i+1:]
	} else if tp.tp_flags&C.Py_TPFLAGS_HEAPTYPE == 0 {
		module = "builtins"
	}
	doc := cstr(tp.tp_doc) // a leading signature is kept for __text_signature__
	bases := []*py.Type{baseGo}
	gt := py.NewExtensionType(name, name, module, doc, bases, tp.tp_flags&C.Py_TPFLAGS_BASETYPE != 0)
	if tp.tp_dictoffset != 0 {
		gt.SetHasDict(true)
	}
	if !extraFields(tp, base) {
		gt.SetBaseLayout()
	}
	if meta != nil {
		gt.SetMetaclass(meta)
	}
	if full != name {
		gt.CName = full
	}
	ext := s.loading
	if ext != nil {
		ctypeExt.Store(tp, ext)
	}
	s.setTypeSlots(gt, tp, base, ext)
	s.addMethods(gt, tp.tp_methods, ext, tp)
	s.addMembers(gt, tp.tp_members, ext)
	s.addGetSets(gt, tp.tp_getset, ext)
	if err := py.FinishExtensionType(gt); err != nil {
		return nil, err
	}
	cTypes.Store(gt, tp)
	newStaticLink(gt, (*C.PyObject)(unsafe.Pointer(tp)))
	registerChainType(tp, gt)
	tp.tp_dict = s.newRef(gt.Dict)
	return gt, nil
}

// descrGetSlot is the Go side of a C type's tp_descr_get f.
func descrGetSlot(f unsafe.Pointer, name string, ext *extModule) func(*py.Thread, py.Object, py.Object, *py.Type) (py.Object, error) {
	return func(t *py.Thread, self, obj py.Object, typ *py.Type) (py.Object, error) {
		s := stateOf(t)
		return s.call(ext, name+".__get__", func() *C.PyObject {
			var o *C.PyObject
			if obj != nil {
				o = s.borrow(obj)
			}
			return C.fpy_call_ternary(s.ts, f, s.borrow(self), o, s.borrow(typ))
		})
	}
}

// lateSlots takes up the tp_descr_get that an extension's init function
// set on its static types after PyType_Ready: CPython's attribute
// lookup reads the slot when it runs, so such a slot works there (without
// a __get__ in the type's dict). PyGObject gives gi.FunctionInfo its
// binding to an instance that way; without it interface methods
// (Gio.File.get_basename) were called unbound.
func lateSlots(ext *extModule) {
	ctypeExt.Range(func(k, v any) bool {
		tp := k.(*C.PyTypeObject)
		if v.(*extModule) != ext || tp.tp_base == nil {
			return true
		}
		l := linkOf((*C.PyObject)(unsafe.Pointer(tp)))
		if l == nil {
			return true
		}
		gt, ok := l.strong.(*py.Type)
		if !ok {
			return true
		}
		if f := fnp(tp.tp_descr_get); cSlot(f, fnp(tp.tp_base.tp_descr_get)) && py.LoadPtr(&gt.DescrGet) == nil {
			py.StorePtr(&gt.DescrGet, descrGetSlot(f, gt.Name(), ext))
		}
		return true
	})
}

// extraFields reports whether instances of tp have fields beyond its
// base's, the test of CPython's solid_base: a size that grows only by a
// __dict__ or __weakref__ pointer at the end does not count.
func extraFields(tp, base *C.PyTypeObject) bool {
	size, bsize := tp.tp_basicsize, base.tp_basicsize
	if tp.tp_itemsize != 0 || base.tp_itemsize != 0 {
		return size != bsize || tp.tp_itemsize != base.tp_itemsize
	}
	ptr := C.Py_ssize_t(unsafe.Sizeof(uintptr(0)))
	if tp.tp_weaklistoffset != 0 && base.tp_weaklistoffset == 0 && tp.tp_weaklistoffset+ptr == size {
		size -= ptr
	}
	if tp.tp_dictoffset != 0 && base.tp_dictoffset == 0 && tp.tp_dictoffset+ptr == size {
		size -= ptr
	}
	return size != bsize
}

// inheritCSlots copies the C-level slots a type leaves empty from its base,
// as CPython's PyType_Ready does.
func inheritCSlots(tp, base *C.PyTypeObject) {
	if tp.tp_basicsize == 0 {
		tp.tp_basicsize = base.tp_basicsize
	}
	if tp.tp_itemsize == 0 {
		tp.tp_itemsize = base.tp_itemsize
	}
	if tp.tp_alloc == nil {
		tp.tp_alloc = C.allocfunc(C.PyType_GenericAlloc)
	}
	if tp.tp_free == nil {
		tp.tp_free = C.freefunc(C.PyObject_Free)
	}
	if tp.tp_dealloc == nil {
		tp.tp_dealloc = base.tp_dealloc
	}
	if tp.tp_getattro == nil && tp.tp_getattr == nil {
		tp.tp_getattro = C.getattrofunc(C.PyObject_GenericGetAttr)
	}
	if tp.tp_setattro == nil && tp.tp_setattr == nil {
		tp.tp_setattro = C.setattrofunc(C.PyObject_GenericSetAttr)
	}
	if tp.tp_new == nil && tp.tp_flags&C.Py_TPFLAGS_HEAPTYPE != 0 {
		tp.tp_new = base.tp_new
		if base == &C.PyBaseObject_Type {
			tp.tp_new = C.newfunc(C.PyType_GenericNew)
		}
	}
	if tp.tp_richcompare == nil && tp.tp_hash == nil {
		tp.tp_richcompare = base.tp_richcompare
		tp.tp_hash = base.tp_hash
	}
	for _, p := range []struct{ dst, src *C.ulong }{} {
		_ = p
	}
}

// cSlot reports whether a type defines slot fn itself (not inherited from
// its base and not one of freepy's generic slots).
func cSlot(fn, baseFn unsafe.Pointer) bool {
	return fn != nil && fn != baseFn && C.fpy_is_generic_slot(fn) == 0
}

func fnp[T any](f T) unsafe.Pointer { return *(*unsafe.Pointer)(unsafe.Pointer(&f)) }

// call runs a C call for the thread: the module's pseudo-GIL around it,
// the pool released after the result is converted.
func (s *tstate) call(ext *extModule, what string, f func() *C.PyObject) (py.Object, error) {
	mark := s.mark()
	took := ext.enter(s, what)
	r := f()
	ext.leave(s, took)
	res, err := s.result(r, what)
	s.release(mark)
	return res, err
}

// callInt runs a C call returning int (0 ok, -1 error).
func (s *tstate) callInt(ext *extModule, what string, f func() C.int) (int, error) {
	mark := s.mark()
	took := ext.enter(s, what)
	r := f()
	ext.leave(s, took)
	var err error
	if r < 0 {
		err = s.fetchError()
		if err == nil {
			err = py.Errorf(py.SystemErrorType, "%s returned an error without setting an exception", what)
		}
	}
	s.release(mark)
	return int(r), err
}

func (s *tstate) kwDict(args []py.Object, kw []string) (py.Object, []py.Object) {
	npos := len(args) - len(kw)
	if len(kw) == 0 {
		return nil, args
	}
	d := py.NewDict()
	for i, k := range kw {
		d.SetStr(k, args[npos+i])
	}
	return d, args[:npos]
}

// setTypeSlots gives the Go type a slot for every C slot the type defines.
func (s *tstate) setTypeSlots(gt *py.Type, tp, base *C.PyTypeObject, ext *extModule) {
	name := gt.Name()
	if f := fnp(tp.tp_new); cSlot(f, fnp(base.tp_new)) || (f != nil && base == &C.PyBaseObject_Type && C.fpy_is_generic_slot(f) == 0) {
		gt.New = func(t *py.Thread, typ *py.Type, args []py.Object, kw []string) (py.Object, error) {
			s := stateOf(t)
			kwd, pos := s.kwDict(args, kw)
			r, err := s.call(ext, name+".__new__", func() *C.PyObject {
				vals := s.valBuf(len(pos))
				for i, a := range pos {
					s.putVal(&vals[i], a)
				}
				return C.fpy_call_ternary_v(s.ts, f, (*C.PyObject)(unsafe.Pointer(s.typePtr(typ))), &vals[0], C.Py_ssize_t(len(pos)), s.borrow(kwd))
			})
			s.adoptTypeDict(r)
			return r, err
		}
	} else if tp.tp_new == nil || tp.tp_flags&C.Py_TPFLAGS_DISALLOW_INSTANTIATION != 0 {
		gt.New = nil
	}
	if f := fnp(tp.tp_init); cSlot(f, fnp(base.tp_init)) {
		gt.Init = func(t *py.Thread, self py.Object, args []py.Object, kw []string) error {
			s := stateOf(t)
			kwd, pos := s.kwDict(args, kw)
			_, err := s.callInt(ext, name+".__init__", func() C.int {
				vals := s.valBuf(len(pos))
				for i, a := range pos {
					s.putVal(&vals[i], a)
				}
				return C.fpy_call_init_v(s.ts, f, s.borrow(self), &vals[0], C.Py_ssize_t(len(pos)), s.borrow(kwd))
			})
			return err
		}
	}
	unary := func(f unsafe.Pointer, what string) py.UnaryFunc {
		return func(t *py.Thread, self py.Object) (py.Object, error) {
			s := stateOf(t)
			return s.call(ext, name+"."+what, func() *C.PyObject { return C.fpy_call_unary(s.ts, f, s.borrow(self)) })
		}
	}
	binary := func(f unsafe.Pointer, what string) py.BinaryFunc {
		return func(t *py.Thread, a, b py.Object) (py.Object, error) {
			s := stateOf(t)
			return s.call(ext, name+"."+what, func() *C.PyObject { return C.fpy_call_binary(s.ts, f, s.borrow(a), s.borrow(b)) })
		}
	}
	if f := fnp(tp.tp_repr); cSlot(f, fnp(base.tp_repr)) {
		gt.Repr = unary(f, "__repr__")
	}
	if f := fnp(tp.tp_str); cSlot(f, fnp(base.tp_str)) {
		gt.Str = unary(f, "__str__")
	}
	if f := fnp(tp.tp_iter); cSlot(f, fnp(base.tp_iter)) {
		gt.Iter = unary(f, "__iter__")
	}
	s.addAsyncSlots(gt, tp, base, ext)
	if f := fnp(tp.tp_iternext); cSlot(f, fnp(base.tp_iternext)) {
		nextName := name + ".__next__"
		gt.Next = func(t *py.Thread, self py.Object) (py.Object, error) {
			s := stateOf(t)
			mark := s.mark()
			took := ext.enter(s, nextName)
			r := C.fpy_call_unary(s.ts, f, s.borrow(self))
			ext.leave(s, took)
			defer s.release(mark)
			if r == nil {
				if !s.errorSet() {
					return nil, nil
				}
				err := s.fetchError()
				if py.IsInstanceOf(err, py.StopIterationType) {
					// the end; a value (what _asyncio's future iterator
					// returns to the await that drove it) goes with the
					// exception, which iteration also takes as the end
					if e := py.AsException(err); e != nil && e.Args() != nil && len(e.Args().Items()) > 0 && e.Args().Items()[0] != py.None {
						return nil, err
					}
					return nil, nil
				}
				return nil, err
			}
			return s.result(r, name+".__next__")
		}
	}
	if f := fnp(tp.tp_call); cSlot(f, fnp(base.tp_call)) {
		gt.Call = func(t *py.Thread, self py.Object, args []py.Object, kw []string) (py.Object, error) {
			s := stateOf(t)
			kwd, pos := s.kwDict(args, kw)
			return s.call(ext, name+".__call__", func() *C.PyObject {
				return C.fpy_call_ternary(s.ts, f, s.borrow(self), s.borrow(py.NewTuple(pos...)), s.borrow(kwd))
			})
		}
	}
	if f := fnp(tp.tp_hash); cSlot(f, fnp(base.tp_hash)) {
		hashName := name + ".__hash__"
		gt.Hash = func(t *py.Thread, self py.Object) (int64, error) {
			s := stateOf(t)
			mark := s.mark()
			took := ext.enter(s, hashName)
			h := C.fpy_call_hash(s.ts, f, s.borrow(self))
			ext.leave(s, took)
			defer s.release(mark)
			if h == -1 && s.errorSet() {
				return 0, s.fetchError()
			}
			return int64(h), nil
		}
	} else if fnp(tp.tp_hash) == fnp(C.PyObject_HashNotImplemented) {
		gt.Dict.SetStr("__hash__", py.None)
	}
	if f := fnp(tp.tp_richcompare); cSlot(f, fnp(base.tp_richcompare)) {
		gt.RichCompare = func(t *py.Thread, a, b py.Object, op py.CompareOp) (py.Object, error) {
			s := stateOf(t)
			return s.call(ext, name+".__richcmp__", func() *C.PyObject {
				return C.fpy_call_richcmp(s.ts, f, s.borrow(a), s.borrow(b), C.int(op))
			})
		}
	}
	if f := fnp(tp.tp_getattro); cSlot(f, fnp(base.tp_getattro)) && f != fnp(C.PyObject_GenericGetAttr) {
		gt.GetAttr = func(t *py.Thread, self py.Object, n *py.Str) (py.Object, error) {
			s := stateOf(t)
			return s.call(ext, name+".__getattribute__", func() *C.PyObject { return C.fpy_call_binary(s.ts, f, s.borrow(self), s.borrow(n)) })
		}
	} else if f := fnp(tp.tp_getattr); tp.tp_getattro == nil && cSlot(f, fnp(base.tp_getattr)) {
		// the older slot that takes the name as a C string, which then
		// answers every attribute lookup as in CPython (PyGObject's
		// GParamSpec serves name, nick, flags, ... from it)
		gt.GetAttr = func(t *py.Thread, self py.Object, n *py.Str) (py.Object, error) {
			s := stateOf(t)
			cn := C.CString(n.String())
			defer C.free(unsafe.Pointer(cn))
			return s.call(ext, name+".__getattr__", func() *C.PyObject { return C.fpy_call_getattr(s.ts, f, s.borrow(self), cn) })
		}
	}
	if f := fnp(tp.tp_setattro); cSlot(f, fnp(base.tp_setattro)) && f != fnp(C.PyObject_GenericSetAttr) {
		gt.SetAttr = func(t *py.Thread, self py.Object, n *py.Str, v py.Object) error {
			s := stateOf(t)
			_, err := s.callInt(ext, name+".__setattr__", func() C.int {
				return C.fpy_call_int_ternary(s.ts, f, s.borrow(self), s.borrow(n), s.borrow(v))
			})
			return err
		}
	}
	if f := fnp(tp.tp_descr_get); cSlot(f, fnp(base.tp_descr_get)) {
		gt.DescrGet = descrGetSlot(f, name, ext)
	}
	if f := fnp(tp.tp_descr_set); cSlot(f, fnp(base.tp_descr_set)) {
		// a data descriptor (_ctypes' CField): v nil deletes
		gt.DescrSet = func(t *py.Thread, self, obj, v py.Object) error {
			s := stateOf(t)
			_, err := s.callInt(ext, name+".__set__", func() C.int {
				var cv *C.PyObject
				if v != nil {
					cv = s.borrow(v)
				}
				return C.fpy_call_int_ternary(s.ts, f, s.borrow(self), s.borrow(obj), cv)
			})
			return err
		}
	}
	if nb := tp.tp_as_number; nb != nil {
		var bnb C.PyNumberMethods
		if base.tp_as_number != nil {
			bnb = *base.tp_as_number
		}
		for _, op := range []struct {
			f, bf unsafe.Pointer
			idx   int
			what  string
		}{
			{fnp(nb.nb_add), fnp(bnb.nb_add), py.NbAdd, "__add__"},
			{fnp(nb.nb_subtract), fnp(bnb.nb_subtract), py.NbSub, "__sub__"},
			{fnp(nb.nb_multiply), fnp(bnb.nb_multiply), py.NbMul, "__mul__"},
			{fnp(nb.nb_remainder), fnp(bnb.nb_remainder), py.NbMod, "__mod__"},
			{fnp(nb.nb_floor_divide), fnp(bnb.nb_floor_divide), py.NbFloorDiv, "__floordiv__"},
			{fnp(nb.nb_true_divide), fnp(bnb.nb_true_divide), py.NbTrueDiv, "__truediv__"},
			{fnp(nb.nb_lshift), fnp(bnb.nb_lshift), py.NbLshift, "__lshift__"},
			{fnp(nb.nb_rshift), fnp(bnb.nb_rshift), py.NbRshift, "__rshift__"},
			{fnp(nb.nb_and), fnp(bnb.nb_and), py.NbAnd, "__and__"},
			{fnp(nb.nb_or), fnp(bnb.nb_or), py.NbOr, "__or__"},
			{fnp(nb.nb_xor), fnp(bnb.nb_xor), py.NbXor, "__xor__"},
			{fnp(nb.nb_matrix_multiply), fnp(bnb.nb_matrix_multiply), py.NbMatMul, "__matmul__"},
		} {
			if cSlot(op.f, op.bf) {
				gt.Num[op.idx] = binary(op.f, op.what)
			}
		}
		// divmod() has no Go slot: it looks __divmod__/__rdivmod__ up
		if f := fnp(nb.nb_divmod); cSlot(f, fnp(bnb.nb_divmod)) {
			dm := func(t *py.Thread, a, b py.Object) (py.Object, error) {
				s := stateOf(t)
				return s.call(ext, name+".__divmod__", func() *C.PyObject { return C.fpy_call_binary(s.ts, f, s.borrow(a), s.borrow(b)) })
			}
			gt.AddMethod("__divmod__", func(t *py.Thread, self py.Object, args []py.Object, kw []string) (py.Object, error) {
				if len(args) != 1 || len(kw) > 0 {
					return nil, py.TypeErrorf("expected 1 argument, got %d", len(args))
				}
				return dm(t, self, args[0])
			})
			gt.AddMethod("__rdivmod__", func(t *py.Thread, self py.Object, args []py.Object, kw []string) (py.Object, error) {
				if len(args) != 1 || len(kw) > 0 {
					return nil, py.TypeErrorf("expected 1 argument, got %d", len(args))
				}
				return dm(t, args[0], self)
			})
		}
		// nb_power is ternary: pow(a, b) passes None as the modulus
		if f := fnp(nb.nb_power); cSlot(f, fnp(bnb.nb_power)) {
			pow3 := func(t *py.Thread, a, b, c py.Object) (py.Object, error) {
				s := stateOf(t)
				return s.call(ext, name+".__pow__", func() *C.PyObject {
					return C.fpy_call_ternary(s.ts, f, s.borrow(a), s.borrow(b), s.borrow(c))
				})
			}
			gt.Pow3 = pow3
			gt.Num[py.NbPow] = func(t *py.Thread, a, b py.Object) (py.Object, error) { return pow3(t, a, b, py.None) }
		}
		for _, op := range []struct {
			f, bf unsafe.Pointer
			dst   *py.UnaryFunc
			what  string
		}{
			{fnp(nb.nb_negative), fnp(bnb.nb_negative), &gt.Neg, "__neg__"},
			{fnp(nb.nb_positive), fnp(bnb.nb_positive), &gt.Pos, "__pos__"},
			{fnp(nb.nb_absolute), fnp(bnb.nb_absolute), &gt.Abs, "__abs__"},
			{fnp(nb.nb_invert), fnp(bnb.nb_invert), &gt.Invert, "__invert__"},
			{fnp(nb.nb_int), fnp(bnb.nb_int), &gt.Int, "__int__"},
			{fnp(nb.nb_float), fnp(bnb.nb_float), &gt.Float, "__float__"},
			{fnp(nb.nb_index), fnp(bnb.nb_index), &gt.Index, "__index__"},
		} {
			if cSlot(op.f, op.bf) {
				*op.dst = unary(op.f, op.what)
			}
		}
		if f := fnp(nb.nb_bool); cSlot(f, fnp(bnb.nb_bool)) {
			gt.Bool = func(t *py.Thread, self py.Object) (bool, error) {
				s := stateOf(t)
				r, err := s.callInt(ext, name+".__bool__", func() C.int { return C.fpy_call_int_unary(s.ts, f, s.borrow(self)) })
				return r > 0, err
			}
		}
	}
	lenName := name + ".__len__"
	lenSlot := func(f unsafe.Pointer) py.LenFunc {
		return func(t *py.Thread, self py.Object) (int, error) {
			s := stateOf(t)
			mark := s.mark()
			took := ext.enter(s, lenName)
			n := C.fpy_call_len(s.ts, f, s.borrow(self))
			ext.leave(s, took)
			defer s.release(mark)
			if n < 0 {
				if err := s.fetchError(); err != nil {
					return 0, err
				}
			}
			return int(n), nil
		}
	}
	if mp := tp.tp_as_mapping; mp != nil {
		if f := fnp(mp.mp_length); f != nil && C.fpy_is_generic_slot(f) == 0 {
			gt.Len = lenSlot(f)
		}
		if f := fnp(mp.mp_subscript); f != nil && C.fpy_is_generic_slot(f) == 0 {
			gt.GetItem = binary(f, "__getitem__")
		}
		if f := fnp(mp.mp_ass_subscript); f != nil && C.fpy_is_generic_slot(f) == 0 {
			gt.SetItem = func(t *py.Thread, self, k, v py.Object) error {
				s := stateOf(t)
				_, err := s.callInt(ext, name+".__setitem__", func() C.int {
					var cv *C.PyObject
					if v != nil {
						cv = s.borrow(v)
					}
					return C.fpy_call_int_ternary(s.ts, f, s.borrow(self), s.borrow(k), cv)
				})
				return err
			}
		}
	}
	if sq := tp.tp_as_sequence; sq != nil {
		if f := fnp(sq.sq_length); f != nil && py.LoadPtr(&gt.Len) == nil && C.fpy_is_generic_slot(f) == 0 {
			gt.Len = lenSlot(f)
		}
		if f := fnp(sq.sq_item); f != nil && py.LoadPtr(&gt.GetItem) == nil && C.fpy_is_generic_slot(f) == 0 {
			gt.GetItem = func(t *py.Thread, self, k py.Object) (py.Object, error) {
				i, err := py.IndexInt(t, k)
				if err != nil {
					return nil, err
				}
				if i < 0 && py.LoadPtr(&gt.Len) != nil {
					n, err := py.LoadPtr(&gt.Len)(t, self)
					if err != nil {
						return nil, err
					}
					i += n
				}
				s := stateOf(t)
				return s.call(ext, name+".__getitem__", func() *C.PyObject {
					return C.fpy_call_ssizearg(s.ts, f, s.borrow(self), C.Py_ssize_t(i))
				})
			}
		}
		// seq * n and seq + other through the sequence suite, when the
		// number suite has no answer (CPython's fallback: _ctypes makes
		// array types as c_char * 10 with its metatype's sq_repeat)
		if f := fnp(sq.sq_repeat); f != nil && py.LoadPtr(&gt.Num[py.NbMul]) == nil && C.fpy_is_generic_slot(f) == 0 {
			gt.Num[py.NbMul] = func(t *py.Thread, a, b py.Object) (py.Object, error) {
				seq, n := a, b
				if !a.Type().IsSubtype(gt) {
					seq, n = b, a
				}
				if !py.HasIndex(n) {
					return py.NotImplemented, nil
				}
				i, err := py.IndexInt(t, n)
				if err != nil {
					return nil, err
				}
				s := stateOf(t)
				return s.call(ext, name+".__mul__", func() *C.PyObject {
					return C.fpy_call_ssizearg(s.ts, f, s.borrow(seq), C.Py_ssize_t(i))
				})
			}
		}
		if f := fnp(sq.sq_concat); f != nil && py.LoadPtr(&gt.Num[py.NbAdd]) == nil && C.fpy_is_generic_slot(f) == 0 {
			gt.Num[py.NbAdd] = func(t *py.Thread, a, b py.Object) (py.Object, error) {
				if !a.Type().IsSubtype(gt) {
					return py.NotImplemented, nil
				}
				s := stateOf(t)
				return s.call(ext, name+".__add__", func() *C.PyObject { return C.fpy_call_binary(s.ts, f, s.borrow(a), s.borrow(b)) })
			}
		}
		if f := fnp(sq.sq_contains); f != nil && C.fpy_is_generic_slot(f) == 0 {
			gt.Contains = func(t *py.Thread, self, v py.Object) (bool, error) {
				s := stateOf(t)
				r, err := s.callInt(ext, name+".__contains__", func() C.int {
					return C.fpy_call_int_binary(s.ts, f, s.borrow(self), s.borrow(v))
				})
				return r > 0, err
			}
		}
	}
}

// addMethods adds a PyMethodDef table to a type.
func (s *tstate) addMethods(gt *py.Type, ml *C.PyMethodDef, ext *extModule, tp *C.PyTypeObject) {
	if ml == nil {
		return
	}
	for m := ml; m.ml_name != nil; m = (*C.PyMethodDef)(unsafe.Add(unsafe.Pointer(m), C.sizeof_PyMethodDef)) {
		md := methodDescr(gt, m, ext, tp, int(m.ml_flags))
		gt.Dict.SetStr(md.Name, md)
	}
}

// methodDescr is the descriptor of one PyMethodDef of gt; flags decide
// whether it binds to instances, to the class (METH_CLASS) or to nothing
// (METH_STATIC).
func methodDescr(gt *py.Type, def *C.PyMethodDef, ext *extModule, tp *C.PyTypeObject, flags int) *py.MethodDescr {
	name := cstr(def.ml_name)
	cf := &cfunc{def: def, name: gt.Name() + "." + name, ext: ext, cls: tp}
	// a static method's C function gets no self (cf.self stays nil)
	cf.fixedSelf = flags&C.METH_STATIC != 0
	return &py.MethodDescr{Name: name, Owner: gt, Doc: methodDoc(name, def.ml_doc), Fn: cf.fn(),
		IsClass: flags&C.METH_CLASS != 0, IsStatic: flags&C.METH_STATIC != 0, CDef: unsafe.Pointer(def)}
}

// methodDoc is a C function's docstring as written: a leading signature
// ("name(...)\n--\n\n") is kept, for __text_signature__, and left out of
// __doc__ by the interpreter.
func methodDoc(name string, doc *C.char) string {
	return cstr(doc)
}

// cfunc is what a call of one PyMethodDef needs besides its arguments,
// made once per function or method: the closures that Builtin.Fn and
// MethodDescr.Fn hold pass one pointer on instead of the eight words
// these fields are, which the register ABI could not all pass in
// registers (the closure went from 33 to 22 instructions).
type cfunc struct {
	def  *C.PyMethodDef
	name string // qualified, for the pseudo-GIL's statistics
	// cself is self's C object when self is fixed (a module function's
	// module, referenced for the function's life), else nil
	cself *C.PyObject
	ext   *extModule
	cls   *C.PyTypeObject // METH_METHOD's defining class
	// fixedSelf: the C function's self is self below (a static method's
	// nil, a PyCFunction_New function's object), not the caller's
	fixedSelf bool
	self      py.Object
}

// cfuncFn is the type of Builtin.Fn and MethodDescr.Fn.
type cfuncFn = func(t *py.Thread, self py.Object, args []py.Object, kw []string) (py.Object, error)

// fn returns the function that Builtin.Fn or MethodDescr.Fn holds: a
// call of the C function. METH_NOARGS, METH_O, METH_FASTCALL and
// METH_VARARGS get an entry of their own (noargs, oneArg, positional),
// which fills the depth's call buffer (fpy_call) and crosses with its
// address alone to the convention's C entry; they hand keywords, wrong
// argument counts, more than 4 METH_FASTCALL arguments and a thread's or
// a call depth's first call to general, which also serves every other
// convention.
func (cf *cfunc) fn() cfuncFn {
	general := cf.general()
	switch cf.def.ml_flags &^ (C.METH_CLASS | C.METH_STATIC | C.METH_COEXIST) {
	case C.METH_NOARGS:
		return cf.noargs(general)
	case C.METH_O:
		return cf.oneArg(general)
	case C.METH_FASTCALL:
		return cf.positional(general, false)
	case C.METH_VARARGS:
		return cf.positional(general, true)
	}
	return general
}

// borrowSelf is the self the C function gets when cf has no fixed C
// self (cself): a static method's nil, a PyCFunction_New function's
// object or the caller's self, borrowed for the call.
func (cf *cfunc) borrowSelf(s *tstate, self py.Object) *C.PyObject {
	if cf.fixedSelf {
		self = cf.self
	}
	if self == nil {
		return nil
	}
	return s.borrow(self)
}

// setp stores a pointer to C memory into C memory without the write
// barrier's test, which a store through a pointer the compiler cannot
// place (C memory) gets.
func setp[T any](dst **T, v *T) { *(*uintptr)(unsafe.Pointer(dst)) = uintptr(unsafe.Pointer(v)) }

// noargs is the entry of a METH_NOARGS function.
//
// Not inlined, for the reason general gives.
//
//go:noinline
func (cf *cfunc) noargs(general cfuncFn) cfuncFn {
	return func(t *py.Thread, self py.Object, args []py.Object, kw []string) (py.Object, error) {
		// keywords come with their values at the end of args
		if len(args) != 0 {
			return general(t, self, args, kw)
		}
		// a thread's first call, or a depth's, takes the general path,
		// which makes the state and the buffer: no call here before the
		// C function's, so that nothing is saved for one
		s := (*tstate)(t.CState)
		if s == nil {
			return general(t, self, args, kw)
		}
		c := s.callBufFast(1)
		if c == nil {
			return general(t, self, args, kw)
		}
		mark := s.mark()
		setp(&c.ml, cf.def)
		cself := cf.cself
		if cself == nil {
			cself = cf.borrowSelf(s, self)
		}
		setp(&c.self, cself)
		s.depth++
		ext := cf.ext
		took := ext.enter(s, cf.name)
		C.fpy_call_noargs(cptr(c))
		ext.leave(s, took)
		s.depth--
		return s.callResult(c, mark, cf.def)
	}
}

// oneArg is the entry of a METH_O function.
//
// Not inlined, for the reason general gives.
//
//go:noinline
func (cf *cfunc) oneArg(general cfuncFn) cfuncFn {
	return func(t *py.Thread, self py.Object, args []py.Object, kw []string) (py.Object, error) {
		if len(args) != 1 || len(kw) != 0 {
			return general(t, self, args, kw)
		}
		// a thread's first call, or a depth's, takes the general path,
		// which makes the state and the buffer: no call here before the
		// C function's, so that nothing is saved for one
		s := (*tstate)(t.CState)
		if s == nil {
			return general(t, self, args, kw)
		}
		c := s.callBufFast(1)
		if c == nil {
			return general(t, self, args, kw)
		}
		mark := s.mark()
		v := argsOf(c)
		if x, ok := args[0].(py.Int); ok {
			// the commonest argument without putVal's call and type switch
			putInt(v, x)
		} else {
			s.putVal(v, args[0])
		}
		setp(&c.ml, cf.def)
		cself := cf.cself
		if cself == nil {
			cself = cf.borrowSelf(s, self)
		}
		setp(&c.self, cself)
		s.depth++
		ext := cf.ext
		took := ext.enter(s, cf.name)
		C.fpy_call_o(cptr(c))
		ext.leave(s, took)
		s.depth--
		return s.callResult(c, mark, cf.def)
	}
}

// positional is the entry of a METH_FASTCALL (at most 4 arguments) or
// METH_VARARGS (varargs) function called without keywords.
//
// Not inlined, for the reason general gives.
//
//go:noinline
func (cf *cfunc) positional(general cfuncFn, varargs bool) cfuncFn {
	return func(t *py.Thread, self py.Object, args []py.Object, kw []string) (py.Object, error) {
		if len(kw) != 0 || (!varargs && len(args) > 4) {
			return general(t, self, args, kw)
		}
		// a thread's first call, or a depth's, takes the general path,
		// which makes the state and the buffer: no call here before the
		// C function's, so that nothing is saved for one
		s := (*tstate)(t.CState)
		if s == nil {
			return general(t, self, args, kw)
		}
		c := s.callBufFast(len(args))
		if c == nil {
			return general(t, self, args, kw)
		}
		mark := s.mark()
		vals := argsOf(c)
		for i, a := range args {
			v := valAt(vals, i)
			if x, ok := a.(py.Int); ok {
				putInt(v, x)
				continue
			}
			s.putVal(v, a)
		}
		c.nargs = C.Py_ssize_t(len(args))
		setp(&c.ml, cf.def)
		cself := cf.cself
		if cself == nil {
			cself = cf.borrowSelf(s, self)
		}
		setp(&c.self, cself)
		s.depth++
		ext := cf.ext
		took := ext.enter(s, cf.name)
		if varargs {
			C.fpy_call_varargs(cptr(c))
		} else {
			C.fpy_call_fast(cptr(c))
		}
		ext.leave(s, took)
		s.depth--
		return s.callResult(c, mark, cf.def)
	}
}

// putInt stores an int argument's value, which the C entry makes into a
// C int (a small one is the static one there).
func putInt(v *C.fpy_val, x py.Int) {
	v.tag = C.FPY_V_INT
	*(*int64)(unsafe.Pointer(&v.u)) = int64(x)
}

// callResult converts the result of a call through a per-convention
// entry and releases what the call borrowed. Its common case (None, an
// int or a float, no error set, nothing to release) makes no call but
// the box's, so that none of its arguments is saved across one.
func (s *tstate) callResult(c *C.fpy_call, mark int, def *C.PyMethodDef) (py.Object, error) {
	if !s.mustRelease(mark) && !s.errorSet() {
		res := &c.res
		switch res.tag {
		case C.FPY_V_NONE:
			return py.None, nil
		case C.FPY_V_INT:
			return s.t.BoxInt(*(*int64)(unsafe.Pointer(&res.u))), nil
		case C.FPY_V_FLOAT:
			return s.t.BoxFloat(*(*float64)(unsafe.Pointer(&res.u))), nil
		}
	}
	return s.callResultSlow(c, mark, def)
}

// callResultSlow is callResult with references to release (a borrowed
// self or argument) or a collection to start, any other result, or an
// error set. The simple results are decoded here too, as in callResult
// (a helper for both does not inline): a method's self is borrowed, so
// every method call comes here, and takeVal's call and checks cost a
// callback() about 40 instructions.
func (s *tstate) callResultSlow(c *C.fpy_call, mark int, def *C.PyMethodDef) (py.Object, error) {
	if !s.errorSet() {
		var r py.Object
		res := &c.res
		switch res.tag {
		case C.FPY_V_NONE:
			r = py.None
		case C.FPY_V_INT:
			r = s.t.BoxInt(*(*int64)(unsafe.Pointer(&res.u)))
		case C.FPY_V_FLOAT:
			r = s.t.BoxFloat(*(*float64)(unsafe.Pointer(&res.u)))
		}
		if r != nil {
			if s.mustRelease(mark) {
				s.releaseSlow(mark)
			}
			return r, nil
		}
	}
	r, err := s.takeVal(&c.res, def)
	if s.mustRelease(mark) {
		s.releaseSlow(mark)
	}
	return r, err
}

// general is the call in any calling convention, with keywords. Not
// inlined: where it was inlined into its callers, the closure's own
// calls (stateOf, valAt, cptr, ...) were not inlined into the copies of
// it.
//
//go:noinline
func (cf *cfunc) general() cfuncFn {
	return func(t *py.Thread, self py.Object, args []py.Object, kw []string) (py.Object, error) {
		s := stateOf(t)
		mark := s.mark()
		vals := s.vals(len(args) + 1)
		for i, a := range args {
			s.putVal(valAt(vals, i), a)
		}
		var kwn *C.PyObject
		if len(kw) > 0 {
			names := make([]py.Object, len(kw))
			for i, k := range kw {
				names[i] = py.NewStr(k)
			}
			kwn = s.borrow(py.NewTuple(names...))
		}
		cself := cf.cself
		if cself == nil {
			cself = cf.borrowSelf(s, self)
		}
		res := valAt(vals, len(args))
		s.depth++
		ext := cf.ext
		took := ext.enter(s, cf.name)
		C.fpy_call_method_u(cptr(s.ts), cptr(cf.def), cptr(cself), cptr(vals), C.Py_ssize_t(len(args)-len(kw)), cptr(kwn), cptr(cf.cls), cptr(res))
		ext.leave(s, took)
		s.depth--
		r, err := s.takeVal(res, cf.def)
		s.release(mark)
		return r, err
	}
}

// cptr passes a pointer to C memory as an integer, which cgo does not
// check for Go pointers (see fpy_call_method_u). Only for C memory.
func cptr[T any](p *T) C.uintptr_t { return C.uintptr_t(uintptr(unsafe.Pointer(p))) }

// valBuf returns the argument values of the current call depth's buffer,
// with room for n values.
func (s *tstate) valBuf(n int) []C.fpy_val {
	// never empty: callers pass &vals[0] even for calls without arguments
	return unsafe.Slice(s.vals(n), max(n, 1))
}

// vals is valBuf as a pointer to the first value (at least one, even for
// n == 0), without a slice's checks.
func (s *tstate) vals(n int) *C.fpy_val { return argsOf(s.callBuf(n)) }

// callBuf returns the call buffer (fpy_call) of the current depth, with
// room for n argument values and at least one.
func (s *tstate) callBuf(n int) *C.fpy_call {
	if c := s.callBufFast(n); c != nil {
		return c
	}
	return s.growValBuf(n)
}

// callBufFast is callBuf when the depth's buffer is there and large
// enough, or nil (small enough to inline).
func (s *tstate) callBufFast(n int) *C.fpy_call {
	// b.n is 0 (no buffer yet) or at least 16
	if bufs, d := s.bufs, s.depth; d < len(bufs) && n < bufs[d].n {
		return bufs[d].p
	}
	return nil
}

// argsOf is the first argument value of a call buffer (fpy_call.args).
func argsOf(c *C.fpy_call) *C.fpy_val {
	return (*C.fpy_val)(unsafe.Add(unsafe.Pointer(c), C.sizeof_fpy_call))
}

// valAt is the i-th value from p (a buffer from vals).
func valAt(p *C.fpy_val, i int) *C.fpy_val {
	return (*C.fpy_val)(unsafe.Add(unsafe.Pointer(p), uintptr(i)*C.sizeof_fpy_val))
}

// growValBuf is callBuf's slow path: the depth's first call, or more
// values than its buffer holds.
func (s *tstate) growValBuf(n int) *C.fpy_call {
	for len(s.bufs) <= s.depth {
		s.bufs = append(s.bufs, valBuffer{})
	}
	b := &s.bufs[s.depth]
	if b.n <= n || b.p == nil {
		if b.p != nil {
			C.fpy_free(unsafe.Pointer(b.p))
		}
		b.n = max(n+1, 16)
		b.p = (*C.fpy_call)(C.fpy_alloc(C.sizeof_fpy_call + C.size_t(b.n)*C.sizeof_fpy_val))
		// the thread's, for the C entries; written once per buffer
		setp(&b.p.ts, s.ts)
	}
	return b.p
}

// valBuffer is a call depth's C buffer: a call's header and room for n
// argument values.
type valBuffer struct {
	p *C.fpy_call
	n int
}

func (s *tstate) putVal(v *C.fpy_val, o py.Object) {
	p := unsafe.Pointer(&v.u)
	switch x := o.(type) {
	case py.Int:
		v.tag = C.FPY_V_INT
		*(*int64)(p) = int64(x)
	case py.Float:
		v.tag = C.FPY_V_FLOAT
		*(*float64)(p) = float64(x)
	case py.NoneType:
		v.tag = C.FPY_V_NONE
	case py.Bool:
		v.tag = C.FPY_V_FALSE
		if x {
			v.tag = C.FPY_V_TRUE
		}
	default:
		v.tag = C.FPY_V_OBJ
		*(**C.PyObject)(p) = s.borrow(o)
	}
}

func (s *tstate) takeVal(v *C.fpy_val, def *C.PyMethodDef) (py.Object, error) {
	p := unsafe.Pointer(&v.u)
	var o py.Object
	switch v.tag {
	case C.FPY_V_NULL:
		return s.resultOf(nil, func() string { return cstr(def.ml_name) + "()" })
	case C.FPY_V_OBJ:
		return s.resultOf(*(**C.PyObject)(p), func() string { return cstr(def.ml_name) + "()" })
	case C.FPY_V_INT:
		o = s.t.BoxInt(*(*int64)(p))
	case C.FPY_V_FLOAT:
		o = s.t.BoxFloat(*(*float64)(p))
	case C.FPY_V_NONE:
		o = py.None
	case C.FPY_V_TRUE:
		o = py.True
	case C.FPY_V_FALSE:
		o = py.False
	}
	if s.errorSet() {
		err := s.fetchError()
		se := py.Errorf(py.SystemErrorType, "%s() returned a result with an exception set", cstr(def.ml_name))
		se.SetCause(exceptionOf(err))
		se.SetContext(se.Cause())
		return nil, se
	}
	return o, nil
}

// adoptTypeDict follows a metatype's C code that replaced a class's
// tp_dict (PyCSimpleType_new puts a StgDict there, a dict subclass that
// also carries the layout of the class's instances): the Go type takes
// that dict as its own, so that what C adds to it (_ctypes adds
// from_param, raw, value, the fields' descriptors) is seen from Python,
// and what Python sets is seen by C. It is checked after a metatype's
// tp_new and before attributes of a type are read or set through C; a
// type without a mirror has nothing to check.
func (s *tstate) adoptTypeDict(o py.Object) {
	gt, ok := o.(*py.Type)
	if !ok {
		return
	}
	l := linkFor(gt)
	if l == nil {
		return
	}
	tp := (*C.PyTypeObject)(unsafe.Pointer(l.ptr))
	if tp.tp_dict == nil {
		return
	}
	if dl := linkFor(gt.Dict); dl != nil && unsafe.Pointer(dl.ptr) == unsafe.Pointer(tp.tp_dict) {
		return
	}
	if d, ok := py.Unwrap(s.fromC(tp.tp_dict)).(*py.Dict); ok && d != gt.Dict {
		gt.AdoptDict(d)
	}
}
