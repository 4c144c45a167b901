package capi

/*
#include "shim.h"
#include <stdlib.h>
*/
import "C"

import (
	"strings"
	"sync"
	"unsafe"

	"freepy/interp/py"
)

// staticGoTypes binds freepy's static type objects (shim/core.c) to the
// interpreter's built-in types.
var staticGoTypes = map[string]*py.Type{
	"PyBaseObject_Type": py.ObjectType, "PyType_Type": py.TypeType, "PyLong_Type": py.IntType,
	"PyBool_Type": py.BoolType, "PyFloat_Type": py.FloatType, "PyComplex_Type": py.ComplexType,
	"PyUnicode_Type": py.StrType, "PyBytes_Type": py.BytesType, "PyByteArray_Type": py.ByteArrayType,
	"PyTuple_Type": py.TupleType, "PyList_Type": py.ListType, "PyDict_Type": py.DictType,
	"PySet_Type": py.SetType, "PyFrozenSet_Type": py.FrozenSetType, "PyModule_Type": py.ModuleType,
	"PyCFunction_Type": py.BuiltinType, "PyMethod_Type": py.MethodType,
	"PyFunction_Type": py.FunctionType, "PyProperty_Type": py.PropertyType,
	"PyClassMethod_Type": py.ClassMethodType, "PyStaticMethod_Type": py.StaticMethodType,
	"PySuper_Type": py.SuperType, "PySlice_Type": py.SliceType, "PyRange_Type": py.RangeType,
	"PyCell_Type": py.CellType, "PyCode_Type": py.CodeType, "PyGetSetDescr_Type": py.GetSetDescrType,
	"PyMemberDescr_Type": py.MemberDescrType, "PyMethodDescr_Type": py.MethodDescrType,
	"PyGen_Type": py.GeneratorType, "PyCoro_Type": py.CoroutineType,
	"PyAsyncGen_Type": py.AsyncGeneratorType, "PyEnum_Type": py.EnumerateType,
	"PyFilter_Type": py.FilterType, "PyMap_Type": py.MapType, "PyZip_Type": py.ZipType,
	"PyReversed_Type": py.ReversedType, "PyTraceBack_Type": py.TracebackType,
	"PyFrame_Type": py.FrameType, "PyDictKeys_Type": py.DictKeysType,
	"PyDictValues_Type": py.DictValuesType, "PyDictItems_Type": py.DictItemsType,
	"PyListIter_Type": py.ListIterType, "PyTupleIter_Type": py.TupleIterType,
	"PyUnicodeIter_Type": py.StrIterType, "PyRangeIter_Type": py.RangeIterType,
	"PyCallIter_Type": py.CallIterType, "PySeqIter_Type": py.IteratorType,
	"PyEllipsis_Type": py.EllipsisTypeType, "_PyNone_Type": py.NoneTypeType,
	"_PyNotImplemented_Type": py.NotImplementedTypeType, "_PyWeakref_RefType": py.RefType,
	"_PyWeakref_ProxyType": py.ProxyType, "_PyWeakref_CallableProxyType": py.CallableProxyTypeObj,
}

// basic sizes of the built-in layouts, for C code that reads them
var staticSizes = map[*py.Type][2]C.Py_ssize_t{
	py.ObjectType: {16, 0}, py.IntType: {24, 4}, py.BoolType: {32, 4}, py.FloatType: {24, 0},
	py.ComplexType: {32, 0}, py.StrType: {C.sizeof_PyUnicodeObject, 0}, py.BytesType: {33, 1},
	py.TupleType: {24, 8}, py.ListType: {C.sizeof_PyListObject, 0}, py.DictType: {C.sizeof_PyDictObject, 0},
	py.TypeType: {C.sizeof_PyHeapTypeObject, 40},
}

var cnames sync.Map // string -> *C.char, names that must live forever

func cname(s string) *C.char {
	if v, ok := cnames.Load(s); ok {
		return v.(*C.char)
	}
	p := C.CString(s)
	v, loaded := cnames.LoadOrStore(s, p)
	if loaded {
		C.free(unsafe.Pointer(p))
	}
	return v.(*C.char)
}

func initStaticTypes(t *py.Thread) {
	interpMu.Lock()
	theInterp = t.Interp()
	interpMu.Unlock()
	n := int(C.fpy_n_static_types)
	types := unsafe.Slice((**C.PyTypeObject)(unsafe.Pointer(&C.fpy_static_types)), n)
	names := unsafe.Slice((**C.char)(unsafe.Pointer(&C.fpy_static_type_names)), n)
	// link first, so that bases resolve in any order
	for i := 0; i < n; i++ {
		// a type object first, so that it is known as static data
		types[i].ob_base.ob_base.ob_type = &C.PyType_Type
		if gt := staticGoTypes[C.GoString(names[i])]; gt != nil {
			newStaticLink(gt, (*C.PyObject)(unsafe.Pointer(types[i])))
		}
	}
	for i := 0; i < n; i++ {
		tp := types[i]
		name := C.GoString(names[i])
		gt := staticGoTypes[name]
		tp.ob_base.ob_base.ob_refcnt = C._Py_IMMORTAL_INITIAL_REFCNT
		tp.ob_base.ob_base.ob_type = &C.PyType_Type
		if gt == nil {
			// no Go counterpart (yet): a plain type C code can compare
			// against
			tp.tp_name = cname(strings.TrimSuffix(strings.TrimPrefix(strings.TrimPrefix(name, "_"), "Py"), "_Type"))
			tp.tp_basicsize = 16
			tp.tp_flags = C.Py_TPFLAGS_READY | C.Py_TPFLAGS_DEFAULT
			tp.tp_base = &C.PyBaseObject_Type
			tp.tp_dealloc = C.destructor(C.fpy_mirror_dealloc)
			tp.tp_free = C.freefunc(C.PyObject_Free)
			continue
		}
		fillTypeMirror(t, tp, gt)
	}
	C.fpy_init_static_methods()
	// exception types
	m := int(C.fpy_n_exc_types)
	etypes := unsafe.Slice((**C.PyTypeObject)(unsafe.Pointer(&C.fpy_exc_types)), m)
	enames := unsafe.Slice((**C.char)(unsafe.Pointer(&C.fpy_exc_names)), m)
	for i := 0; i < m; i++ {
		gt, _ := t.Interp().BuiltinByName(C.GoString(enames[i])).(*py.Type)
		if gt == nil {
			continue
		}
		etypes[i].ob_base.ob_base.ob_type = &C.PyType_Type
		newStaticLink(gt, (*C.PyObject)(unsafe.Pointer(etypes[i])))
	}
	for i := 0; i < m; i++ {
		gt, _ := t.Interp().BuiltinByName(C.GoString(enames[i])).(*py.Type)
		if gt == nil {
			continue
		}
		tp := etypes[i]
		tp.ob_base.ob_base.ob_refcnt = C._Py_IMMORTAL_INITIAL_REFCNT
		tp.ob_base.ob_base.ob_type = &C.PyType_Type
		fillTypeMirror(t, tp, gt)
		tp.tp_basicsize = C.sizeof_PyBaseExceptionObject
	}
}

// fillTypeMirror describes Go type gt in the type object tp.
func fillTypeMirror(t *py.Thread, tp *C.PyTypeObject, gt *py.Type) {
	s := stateOf(t)
	tp.tp_name = cname(gt.Name())
	if sz, ok := staticSizes[gt]; ok {
		tp.tp_basicsize, tp.tp_itemsize = sz[0], sz[1]
	} else {
		tp.tp_basicsize = 16
	}
	flags := C.ulong(C.Py_TPFLAGS_READY | C.Py_TPFLAGS_DEFAULT | C.Py_TPFLAGS_IMMUTABLETYPE)
	if gt.Flags.Load()&py.FlagBaseType != 0 {
		flags |= C.Py_TPFLAGS_BASETYPE
	}
	flags |= subclassFlags(gt)
	if gt.Base() != nil && gt != py.ObjectType {
		tp.tp_base = s.typePtr(gt.Base())
		if tp.tp_basicsize == 16 {
			tp.tp_basicsize = tp.tp_base.tp_basicsize
		}
	}
	tp.tp_flags = flags
	C.fpy_fill_generic_slots(tp, C.uint64_t(slotMask(gt)))
	if gt.Doc != "" {
		tp.tp_doc = cname(gt.Doc)
	}
	registerChainType(tp, gt)
}

func subclassFlags(gt *py.Type) C.ulong {
	var f C.ulong
	for _, c := range []struct {
		t *py.Type
		f C.ulong
	}{{py.IntType, C.Py_TPFLAGS_LONG_SUBCLASS}, {py.ListType, C.Py_TPFLAGS_LIST_SUBCLASS},
		{py.TupleType, C.Py_TPFLAGS_TUPLE_SUBCLASS}, {py.BytesType, C.Py_TPFLAGS_BYTES_SUBCLASS},
		{py.StrType, C.Py_TPFLAGS_UNICODE_SUBCLASS}, {py.DictType, C.Py_TPFLAGS_DICT_SUBCLASS},
		{py.BaseExceptionType, C.Py_TPFLAGS_BASE_EXC_SUBCLASS}, {py.TypeType, C.Py_TPFLAGS_TYPE_SUBCLASS}} {
		if gt.IsSubtype(c.t) {
			f |= c.f
		}
	}
	return f
}

// slotMask says which generic slots a Go type's mirror gets.
func slotMask(gt *py.Type) uint64 {
	var m uint64
	set := func(ok bool, bit int) {
		if ok {
			m |= 1 << bit
		}
	}
	set(py.LoadPtr(&gt.Repr) != nil, C.FPY_S_REPR)
	set(py.LoadPtr(&gt.Str) != nil, C.FPY_S_STR)
	set(py.LoadPtr(&gt.Iter) != nil, C.FPY_S_ITER)
	set(py.LoadPtr(&gt.Next) != nil, C.FPY_S_NEXT)
	set(py.LoadPtr(&gt.Neg) != nil, C.FPY_S_NEG)
	set(py.LoadPtr(&gt.Pos) != nil, C.FPY_S_POS)
	set(py.LoadPtr(&gt.Abs) != nil, C.FPY_S_ABS)
	set(py.LoadPtr(&gt.Invert) != nil, C.FPY_S_INVERT)
	set(py.LoadPtr(&gt.Int) != nil, C.FPY_S_INT)
	set(py.LoadPtr(&gt.Float) != nil, C.FPY_S_FLOAT)
	set(py.LoadPtr(&gt.Index) != nil, C.FPY_S_INDEX)
	set(py.LoadPtr(&gt.Bool) != nil, C.FPY_S_BOOL)
	set(py.LoadPtr(&gt.Pow3) != nil || py.LoadPtr(&gt.Num[py.NbPow]) != nil, C.FPY_S_POW)
	set(py.LoadPtr(&gt.GetItem) != nil, C.FPY_S_GETITEM)
	set(py.LoadPtr(&gt.SetItem) != nil, C.FPY_S_SETITEM)
	set(py.LoadPtr(&gt.Contains) != nil, C.FPY_S_CONTAINS)
	set(py.LoadPtr(&gt.Call) != nil, C.FPY_S_CALL)
	set(py.LoadPtr(&gt.New) != nil, C.FPY_S_NEW)
	set(py.LoadPtr(&gt.Init) != nil, C.FPY_S_INIT)
	set(py.LoadPtr(&gt.DescrGet) != nil, C.FPY_S_DESCR_GET)
	set(py.LoadPtr(&gt.DescrSet) != nil, C.FPY_S_DESCR_SET)
	set(py.LoadPtr(&gt.Len) != nil, C.FPY_S_LEN)
	set(py.LoadPtr(&gt.Hash) != nil, C.FPY_S_HASH)
	set(py.LoadPtr(&gt.RichCompare) != nil, C.FPY_S_RICHCMP)
	for i, f := range gt.Num {
		if i != py.NbPow {
			set(f != nil, C.FPY_S_NB+i)
		}
	}
	return m
}

// typePtr returns the C type object of Go type gt (borrowed: type
// objects are kept for the life of the process).
func (s *tstate) typePtr(gt *py.Type) *C.PyTypeObject {
	if l := linkFor(gt); l != nil {
		return (*C.PyTypeObject)(unsafe.Pointer(l.ptr))
	}
	// the base's mirror first, outside the lock (which is not
	// re-entrant): a type whose bases have no C object yet (a subclass of
	// a subclass of a C type, io.BytesIO's chain) deadlocked here
	var base *C.PyTypeObject
	if gt.Base() != nil {
		base = s.typePtr(gt.Base())
	}
	// likewise its metaclass, when that is not type: a class whose
	// metaclass is a C metatype, or a Python subclass of type (C code
	// checks ob_type: PyCSimpleType's instances)
	meta := &C.PyType_Type
	if mt := gt.Type(); mt != py.TypeType {
		meta = s.typePtr(mt)
	}
	// and the other bases, for tp_bases below
	for _, b := range gt.Bases() {
		s.typePtr(b)
	}
	typeMirrorMu.Lock()
	defer typeMirrorMu.Unlock()
	if l := linkFor(gt); l != nil {
		return (*C.PyTypeObject)(unsafe.Pointer(l.ptr))
	}
	// a class defined in Python (or a built-in type without a static
	// object): a heap type mirror
	ht := (*C.PyHeapTypeObject)(C.fpy_alloc(C.sizeof_PyHeapTypeObject))
	tp := &ht.ht_type
	tp.ob_base.ob_base.ob_refcnt = C._Py_IMMORTAL_INITIAL_REFCNT
	tp.ob_base.ob_base.ob_type = meta
	if base != nil && cTypeBase(gt) {
		// a Python subclass of a C type: instances have the C layout, so
		// the C slots are inherited and the Python dunders go to Go
		copyTypeSlots(ht, base)
		C.fpy_fill_generic_slots(tp, C.uint64_t(dunderMask(gt)))
		restoreCSlots(ht, base, gt)
	} else {
		C.fpy_fill_generic_slots(tp, C.uint64_t(slotMask(gt)))
		tp.tp_basicsize = 16
		if base != nil {
			tp.tp_basicsize = base.tp_basicsize
			tp.tp_itemsize = base.tp_itemsize
		}
	}
	tp.tp_base = base
	tp.tp_name = cname(gt.Name())
	if kind, cls := py.DatetimeClassOf(gt); kind != py.DatetimeNone && !cTypeBase(gt) {
		// (a Python subclass of a C subclass of tzinfo keeps its C base's
		// layout)
		datetimeTypeMirror(tp, kind, cls == gt)
	}
	flags := C.ulong(C.Py_TPFLAGS_READY | C.Py_TPFLAGS_DEFAULT)
	if gt.IsHeapType() {
		flags |= C.Py_TPFLAGS_HEAPTYPE
	}
	if gt.Flags.Load()&py.FlagBaseType != 0 {
		flags |= C.Py_TPFLAGS_BASETYPE
	}
	tp.tp_flags = flags | subclassFlags(gt)
	newStaticLink(gt, (*C.PyObject)(unsafe.Pointer(tp)))
	if !gt.IsHeapType() {
		registerChainType(tp, gt)
	}
	// C code reads and writes the type's dict directly (_decimal sets
	// DecimalTuple.__module__ through tp_dict): the Go dict's mirror, held
	// for the life of the type
	tp.tp_dict = s.newRef(gt.Dict)
	// C code walks a class's bases through tp_bases (PyGObject looks for
	// the interfaces a new GObject subclass implements there, and warns
	// "type has no bases" without it): the tuple as it is now, held for
	// the life of the type (a later __bases__ assignment is not seen)
	if bases := gt.Bases(); len(bases) > 0 {
		items := make([]py.Object, len(bases))
		for i, b := range bases {
			items[i] = b
		}
		tp.tp_bases = s.newRef(py.NewTuple(items...))
	}
	return tp
}

var typeMirrorMu sync.Mutex

// registerChainType tells the C side (PyType_IsSubtype) that tp's MRO is
// exactly its tp_base chain, so that C answers subtype checks on it
// without calling Go. Only types whose bases cannot change qualify (not
// heap types: __bases__ assignment would leave tp_base stale).
func registerChainType(tp *C.PyTypeObject, gt *py.Type) {
	if tp.tp_flags&C.Py_TPFLAGS_HEAPTYPE != 0 || len(gt.MRO()) == 0 || gt.MRO()[0] != gt {
		return
	}
	c := tp.tp_base
	for _, m := range gt.MRO()[1:] {
		l := linkFor(m)
		if c == nil || l == nil || unsafe.Pointer(l.ptr) != unsafe.Pointer(c) {
			return
		}
		c = c.tp_base
	}
	if c != nil {
		return
	}
	C.fpy_register_chain_type(tp)
}

// typeRef returns a new reference to gt's type object.
func (s *tstate) typeRef(gt *py.Type) *C.PyObject {
	tp := (*C.PyObject)(unsafe.Pointer(s.typePtr(gt)))
	incref(tp)
	return tp
}

// cTypeBase reports whether gt inherits its layout from a C type.
func cTypeBase(gt *py.Type) bool {
	for b := gt.Base(); b != nil; b = b.Base() {
		if _, ok := cTypes.Load(b); ok {
			return true
		}
	}
	return false
}

// cTypes holds the Go types made for C type objects.
var cTypes sync.Map // *py.Type -> *C.PyTypeObject

// dunderMask: the slots a Python class defines itself.
func dunderMask(gt *py.Type) uint64 {
	var m uint64
	has := func(names ...string) bool {
		for _, n := range names {
			if gt.Dict.GetStr(n) != nil {
				return true
			}
		}
		return false
	}
	set := func(ok bool, bit int) {
		if ok {
			m |= 1 << bit
		}
	}
	set(has("__repr__"), C.FPY_S_REPR)
	set(has("__str__"), C.FPY_S_STR)
	set(has("__iter__"), C.FPY_S_ITER)
	set(has("__next__"), C.FPY_S_NEXT)
	set(has("__call__"), C.FPY_S_CALL)
	set(has("__init__"), C.FPY_S_INIT)
	set(has("__hash__"), C.FPY_S_HASH)
	set(has("__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"), C.FPY_S_RICHCMP)
	set(has("__len__"), C.FPY_S_LEN)
	set(has("__getitem__"), C.FPY_S_GETITEM)
	set(has("__setitem__", "__delitem__"), C.FPY_S_SETITEM)
	set(has("__contains__"), C.FPY_S_CONTAINS)
	set(has("__bool__"), C.FPY_S_BOOL)
	set(has("__neg__"), C.FPY_S_NEG)
	set(has("__add__", "__radd__"), C.FPY_S_NB+py.NbAdd)
	set(has("__sub__", "__rsub__"), C.FPY_S_NB+py.NbSub)
	set(has("__mul__", "__rmul__"), C.FPY_S_NB+py.NbMul)
	return m
}

// copyTypeSlots copies a C base type's slots and suites into a heap type.
func copyTypeSlots(ht *C.PyHeapTypeObject, base *C.PyTypeObject) {
	tp := &ht.ht_type
	// everything after the object header and the name
	start := unsafe.Offsetof(tp.tp_basicsize)
	size := unsafe.Sizeof(*tp) - start
	C.memcpy(unsafe.Add(unsafe.Pointer(tp), start), unsafe.Add(unsafe.Pointer(base), start), C.size_t(size))
	tp.tp_dict, tp.tp_bases, tp.tp_mro, tp.tp_cache, tp.tp_subclasses, tp.tp_weaklist = nil, nil, nil, nil, nil, nil
	tp.tp_doc = nil
	if base.tp_as_number != nil {
		ht.as_number = *base.tp_as_number
	}
	if base.tp_as_sequence != nil {
		ht.as_sequence = *base.tp_as_sequence
	}
	if base.tp_as_mapping != nil {
		ht.as_mapping = *base.tp_as_mapping
	}
	if base.tp_as_async != nil {
		ht.as_async = *base.tp_as_async
	}
	if base.tp_as_buffer != nil {
		ht.as_buffer = *base.tp_as_buffer
	}
	tp.tp_as_number, tp.tp_as_sequence, tp.tp_as_mapping = &ht.as_number, &ht.as_sequence, &ht.as_mapping
	tp.tp_as_async, tp.tp_as_buffer = &ht.as_async, &ht.as_buffer
}

// restoreCSlots undoes what fpy_fill_generic_slots overwrote that must
// stay the C base's: memory management, and the suites it replaced.
func restoreCSlots(ht *C.PyHeapTypeObject, base *C.PyTypeObject, gt *py.Type) {
	tp := &ht.ht_type
	tp.tp_dealloc, tp.tp_alloc, tp.tp_free = base.tp_dealloc, base.tp_alloc, base.tp_free
	tp.tp_getattro, tp.tp_setattro = base.tp_getattro, base.tp_setattro
	if gt.Dict.GetStr("__getattr__") != nil || gt.Dict.GetStr("__getattribute__") != nil || gt.Dict.GetStr("__setattr__") != nil {
		// let Go dispatch; generic slots
		tp.tp_getattro, tp.tp_setattro = C.getattrofunc(nil), C.setattrofunc(nil)
	}
	// fill_generic_slots allocated fresh suites; merge the base's into them
	mergeSuite(unsafe.Pointer(tp.tp_as_number), unsafe.Pointer(&ht.as_number), unsafe.Sizeof(ht.as_number))
	mergeSuite(unsafe.Pointer(tp.tp_as_sequence), unsafe.Pointer(&ht.as_sequence), unsafe.Sizeof(ht.as_sequence))
	mergeSuite(unsafe.Pointer(tp.tp_as_mapping), unsafe.Pointer(&ht.as_mapping), unsafe.Sizeof(ht.as_mapping))
	if tp.tp_new == nil {
		tp.tp_new = base.tp_new
	}
}

// mergeSuite fills the nil entries of suite dst from src.
func mergeSuite(dst, src unsafe.Pointer, size uintptr) {
	n := int(size / unsafe.Sizeof(uintptr(0)))
	d := unsafe.Slice((*unsafe.Pointer)(dst), n)
	sv := unsafe.Slice((*unsafe.Pointer)(src), n)
	for i := range d {
		if d[i] == nil {
			d[i] = sv[i]
		}
	}
}

// typeFromC returns the Go type of a C type object, readying it first if
// C code never did.
func (s *tstate) typeFromC(tp *C.PyTypeObject) *py.Type {
	if tp == nil {
		return py.ObjectType
	}
	if l := linkOf((*C.PyObject)(unsafe.Pointer(tp))); l != nil {
		if gt, ok := l.strong.(*py.Type); ok {
			return gt
		}
	}
	gt, err := s.readyType(tp)
	if err != nil {
		return py.ObjectType
	}
	return gt
}
