package py

import (
	"sync/atomic"
	"unsafe"
)

// This file is the interpreter's side of the C API (package capi): the
// object kind for values that live in C memory, and the hooks capi needs
// to build types for C extensions. capi owns everything behind Ptr.

// CObject is an object whose state lives in C memory: an instance of a
// type defined by a C extension (or of a Python subclass of one). The Go
// value is a proxy that owns one C reference; package capi releases it
// when the proxy is collected.
type CObject struct {
	typ  *Type
	dict *Dict // the __dict__ of instances of Python subclasses
	// Ptr is the C PyObject*.
	Ptr unsafe.Pointer
}

// Type returns the object's class.
func (o *CObject) Type() *Type { return o.typ }

// Dict returns the instance dictionary, nil when the type has none.
func (o *CObject) Dict() *Dict { return o.dict }

// NewCObject makes the proxy for the C object ptr of type typ.
func NewCObject(typ *Type, ptr unsafe.Pointer) *CObject {
	o := &CObject{typ: typ, Ptr: ptr}
	if typ.hasDict {
		o.dict = NewDict()
	}
	return o
}

// NewExtensionType makes a type for a C extension; the caller sets its
// slots and then calls FinishExtensionType. Such types are not heap types
// in the Go sense: their instance layout is C's, so a Python subclass
// keeps them as its solid base.
func NewExtensionType(name, qualname, module, doc string, bases []*Type, baseType bool) *Type {
	t := &Type{names: &typeNames{name, qualname}, Dict: NewDict(), native: true, ext: true}
	if baseType {
		t.Flags.Or(FlagBaseType)
	}
	if len(bases) == 0 {
		bases = []*Type{ObjectType}
	}
	t.SetHierarchy(solidBase(bases), bases, nil)
	t.version.Store(typeVersionCounter.Add(1))
	if module != "" {
		t.Dict.SetStr("__module__", NewStr(module))
	}
	if doc != "" {
		t.Doc = doc // tp_doc, with the signature if it has one
		t.Dict.SetStr("__doc__", docWithoutSignature(name, doc))
	} else {
		t.Dict.SetStr("__doc__", None)
	}
	return t
}

// SetMetaclass makes m the type of extension type t (a C type object
// whose ob_type is a C metatype, as _ctypes' _SimpleCData is an instance
// of PyCSimpleType). Only before t is in use.
func (t *Type) SetMetaclass(m *Type) {
	if m == TypeType {
		m = nil
	}
	t.meta = m
}

// FinishExtensionType computes the MRO of a type made by
// NewExtensionType, inherits the slots it leaves nil and exposes its own
// slots as dunder methods.
func FinishExtensionType(t *Type) error {
	mro, err := computeMRO(t)
	if err != nil {
		return err
	}
	t.SetMRO(mro)
	inheritSlots(t)
	for _, b := range t.Bases() {
		b.subMu.Lock()
		b.subclasses = append(b.subclasses, t)
		b.subMu.Unlock()
	}
	addSlotWrappers(t)
	return nil
}

// HasDict reports whether instances of t have a __dict__.
func (t *Type) HasDict() bool { return t.hasDict }

// SetHasDict sets whether instances of t have a __dict__ (C types with a
// tp_dictoffset).
func (t *Type) SetHasDict(v bool) { t.hasDict = v }

// StorePtr publishes v into *p atomically, for the fields LoadPtr reads
// (capi installs a slot an extension set after PyType_Ready).
func StorePtr[T any](p *T, v T) { storePtr(p, v) }

// SetBaseLayout marks a C extension type whose instances add no fields
// to its base's (CPython's solid_base skips it): PyGObject's interface
// classes combine with GObject.Object as bases.
func (t *Type) SetBaseLayout() { t.baseLayout = true }

// IsHeapType reports whether t was created by a class statement.
func (t *Type) IsHeapType() bool { return t.isHeap() }

// AdoptDict makes d the dict of t, in place of the one it was created
// with: C code of a metatype (_ctypes' PyCSimpleType) replaces a new
// class's tp_dict with a dict of its own type, holding the same items, and
// keeps adding to it. Only while t is new, before other threads see it.
func (t *Type) AdoptDict(d *Dict) {
	t.Dict = d
	t.modified()
}

// Modified invalidates the caches of t and its subclasses after its dict
// was changed directly.
func (t *Type) Modified() { t.modified() }

// Unwrap returns the built-in value an object stands for: the Base of an
// instance of a subclass of a built-in type, or the object itself.
func Unwrap(o Object) Object { return unwrap(o) }

// BuiltinByName returns the object called name in the builtins module.
func (in *Interp) BuiltinByName(name string) Object {
	if in.Builtins == nil {
		return nil
	}
	return in.Builtins.dict.GetStr(name)
}

// ExcInfo returns the exception being handled by t (sys.exc_info()[1]).
func (t *Thread) ExcInfo() *BaseException { return t.excInfo }

// NewStrFromRunes makes a str from code points, lone surrogates included.
func NewStrFromRunes(rs []rune) *Str { return NewStr(runesToWTF8(rs)) }

// Pairs returns a snapshot of the dict's keys and values, in order.
func (d *Dict) Pairs() (keys, values []Object) {
	for _, e := range d.Items() {
		keys = append(keys, e.key)
		values = append(values, e.value)
	}
	return keys, values
}

// SysExtras are functions other packages add to the sys module (capi adds
// sys._freepy_legacy_locks); set them in an init function.
var SysExtras = map[string]BuiltinFunc{}

// Bytes returns a bytearray's live buffer, for the C buffer protocol; it
// stays valid until the bytearray is resized (docs/capi.md).
func (a *ByteArray) Bytes() []byte {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.b
}

// ExporterBytes returns the live buffer of a native object that exports
// one other than bytes and bytearray (array.array, BytesIO.getbuffer()'s
// view target), for the C buffer protocol, and whether o is one. Like
// Bytes, it stays valid until the object is resized.
func ExporterBytes(o Object) ([]byte, bool) {
	e, ok := unwrap(o).(bufferExporter)
	if !ok {
		return nil, false
	}
	var data []byte
	e.withBuffer(func(b []byte) error { data = b; return nil })
	return data, true
}

// View describes a memoryview for the C buffer protocol: the object it
// views, the first byte, the length in bytes and whether it is
// C-contiguous (only then is obj's [start, start+n) exactly the view).
func (m *MemoryView) View() (obj Object, start, n int, contiguous bool) {
	return m.obj, m.start, m.nbytes(), m.cContiguous()
}

// ReadOnly reports whether the view refuses writes.
func (m *MemoryView) ReadOnly() bool { return m.readonly() }

// NewCell makes a cell holding v (nil: empty).
func NewCell(v Object) *Cell { c := &Cell{}; c.init(v); return c }

// NewSlice makes a slice object (nil parts are None).
func NewSlice(start, stop, step Object) *Slice {
	if start == nil {
		start = None
	}
	if stop == nil {
		stop = None
	}
	if step == nil {
		step = None
	}
	return &Slice{Start: start, Stop: stop, Step: step}
}

// SetAddItem adds v to s (set or frozenset under construction).
func SetAddItem(t *Thread, s *Set, v Object) error { return s.add(t, v) }

// SetDiscardItem removes v from s; it reports whether v was there.
func SetDiscardItem(t *Thread, s *Set, v Object) (bool, error) { return s.d.DelItem(t, v) }

// Globals returns the frame's globals.
func (f *Frame) Globals() *Dict { return f.globals }

// CheckSignals runs pending signal handlers (in the main thread) and
// returns what they raised (PyErr_CheckSignals).
func (t *Thread) CheckSignals() error { return checkSignals(t) }

func init() {
	// code.replace(**changes): the metadata fields (names, argument counts,
	// flags, line); a new co_code, co_consts or line table is not supported
	// (compiled extensions such as Cython's output only change metadata).
	CodeType.AddMethod("replace", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) != len(kw) {
			return nil, TypeErrorf("replace() takes no positional arguments")
		}
		c := *self.(*Code).Code
		for i, k := range kw {
			v := args[i]
			strv := func() (string, error) {
				s, ok := v.(*Str)
				if !ok {
					return "", TypeErrorf("replace() argument '%s' must be str, not %s", k, typeName(v))
				}
				return s.s, nil
			}
			intv := func() (int, error) { return IndexInt(t, v) }
			strs := func() ([]string, error) {
				tup, ok := v.(*Tuple)
				if !ok {
					return nil, TypeErrorf("replace() argument '%s' must be tuple, not %s", k, typeName(v))
				}
				var out []string
				for _, it := range tup.items {
					s, ok := it.(*Str)
					if !ok {
						return nil, TypeErrorf("name tuples must contain only strings, not '%s'", typeName(it))
					}
					out = append(out, s.s)
				}
				return out, nil
			}
			var err error
			switch k {
			case "co_name":
				c.Name, err = strv()
			case "co_qualname":
				c.QualName, err = strv()
			case "co_filename":
				c.Filename, err = strv()
			case "co_firstlineno":
				c.FirstLine, err = intv()
			case "co_argcount":
				c.ArgCount, err = intv()
			case "co_posonlyargcount":
				c.PosOnlyArgCount, err = intv()
			case "co_kwonlyargcount":
				c.KwOnlyArgCount, err = intv()
			case "co_flags":
				c.Flags, err = intv()
			case "co_varnames":
				c.Varnames, err = strs()
			case "co_freevars":
				c.Freevars, err = strs()
			case "co_cellvars":
				c.Cellvars, err = strs()
			case "co_names":
				c.Names, err = strs()
			case "co_nlocals", "co_stacksize", "co_code", "co_consts", "co_linetable", "co_exceptiontable":
				// accepted, not applied (see above)
			default:
				return nil, TypeErrorf("replace() got an unexpected keyword argument '%s'", k)
			}
			if err != nil {
				return nil, err
			}
		}
		return NewCode(&c), nil
	})
}

// CRef returns the slot where package capi keeps the C mirror of a dict
// or list (so that it needs no map from objects to mirrors), nil for other
// objects.
func CRef(o Object) *atomic.Pointer[byte] {
	switch x := o.(type) {
	case *Dict:
		return &x.cref
	case *List:
		return &x.cref
	}
	return nil
}
