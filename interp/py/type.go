package py

import (
	"sync"
	"sync/atomic"
	"unsafe"
)

// Slot function signatures. A nil slot means the type does not support
// the operation. Keyword arguments follow CPython's vectorcall convention:
// the last len(kwnames) entries of args are passed by keyword.
type (
	NewFunc      func(t *Thread, typ *Type, args []Object, kwnames []string) (Object, error)
	InitFunc     func(t *Thread, self Object, args []Object, kwnames []string) error
	CallFunc     func(t *Thread, self Object, args []Object, kwnames []string) (Object, error)
	GetAttrFunc  func(t *Thread, self Object, name *Str) (Object, error)
	SetAttrFunc  func(t *Thread, self Object, name *Str, v Object) error // v == nil deletes
	UnaryFunc    func(t *Thread, self Object) (Object, error)
	BinaryFunc   func(t *Thread, a, b Object) (Object, error)
	TernaryFunc  func(t *Thread, a, b, c Object) (Object, error)
	HashFunc     func(t *Thread, self Object) (int64, error)
	CompareFunc  func(t *Thread, a, b Object, op CompareOp) (Object, error)
	LenFunc      func(t *Thread, self Object) (int, error)
	BoolFunc     func(t *Thread, self Object) (bool, error)
	SetItemFunc  func(t *Thread, self, key, v Object) error // v == nil deletes
	ContainsFunc func(t *Thread, self, v Object) (bool, error)
	DescrGetFunc func(t *Thread, self, obj Object, typ *Type) (Object, error) // obj nil: accessed on the class
	DescrSetFunc func(t *Thread, self, obj, v Object) error                   // v == nil deletes
	// NextFunc returns (nil, nil) when the iterator is exhausted, so that
	// the common end of a for loop costs no exception.
	NextFunc func(t *Thread, self Object) (Object, error)
)

// CompareOp is a rich comparison operator (CPython's Py_LT..Py_GE).
type CompareOp int

const (
	LT CompareOp = iota
	LE
	EQ
	NE
	GT
	GE
)

// swapped is the operator to try on the right operand.
func (op CompareOp) swapped() CompareOp {
	return [...]CompareOp{GT, GE, EQ, NE, LT, LE}[op]
}

func (op CompareOp) symbol() string {
	return [...]string{"<", "<=", "==", "!=", ">", ">="}[op]
}

// Binary operator indexes into Type.Num (CPython's NB_* order).
const (
	NbAdd = iota
	NbAnd
	NbFloorDiv
	NbLshift
	NbMatMul
	NbMul
	NbMod
	NbOr
	NbPow
	NbRshift
	NbSub
	NbTrueDiv
	NbXor
	numBinary
)

var binaryNames = [numBinary]struct{ op, dunder, rdunder, idunder string }{
	NbAdd:      {"+", "__add__", "__radd__", "__iadd__"},
	NbAnd:      {"&", "__and__", "__rand__", "__iand__"},
	NbFloorDiv: {"//", "__floordiv__", "__rfloordiv__", "__ifloordiv__"},
	NbLshift:   {"<<", "__lshift__", "__rlshift__", "__ilshift__"},
	NbMatMul:   {"@", "__matmul__", "__rmatmul__", "__imatmul__"},
	NbMul:      {"*", "__mul__", "__rmul__", "__imul__"},
	NbMod:      {"%", "__mod__", "__rmod__", "__imod__"},
	NbOr:       {"|", "__or__", "__ror__", "__ior__"},
	NbPow:      {"** or pow()", "__pow__", "__rpow__", "__ipow__"},
	NbRshift:   {">>", "__rshift__", "__rrshift__", "__irshift__"},
	NbSub:      {"-", "__sub__", "__rsub__", "__isub__"},
	NbTrueDiv:  {"/", "__truediv__", "__rtruediv__", "__itruediv__"},
	NbXor:      {"^", "__xor__", "__rxor__", "__ixor__"},
}

// Type flags.
const (
	FlagHeapType    = 1 << 9  // created by a class statement or type()
	FlagBaseType    = 1 << 10 // may be subclassed
	FlagAbstract    = 1 << 20
	FlagLongSub     = 1 << 24
	FlagListSub     = 1 << 25
	FlagTupleSub    = 1 << 26
	FlagBytesSub    = 1 << 27
	FlagUnicodeSub  = 1 << 28
	FlagDictSub     = 1 << 29
	FlagBaseExcSub  = 1 << 30
	FlagTypeSub     = 1 << 31
	FlagSequence    = 1 << 5 // collections.abc.Sequence for match
	FlagMapping     = 1 << 6 // collections.abc.Mapping for match
	FlagImmutable   = 1 << 8 // attributes cannot be set on the type
	FlagMethodDescr = 1 << 17
)

// Type is a Python class: built-in or defined in Python.
type Type struct {
	meta *Type // the metaclass; nil means type
	// names holds __name__ and __qualname__ (Name, Qualname): Python
	// code may assign them while other threads format the class's name
	// into a repr or an error message, so they are one immutable pair
	// behind a pointer, read with LoadPtr and replaced whole (editCopy).
	names *typeNames
	// CName is a C extension type's tp_name ("module.Name"), which
	// CPython's error messages use; "" for other types.
	CName string
	Doc   string
	// hier holds __base__, __bases__ and __mro__ (Base, Bases, MRO),
	// replaced whole by a __bases__ assignment while other threads look
	// attributes up, so that no reader sees a half-written slice.
	hier  atomic.Pointer[hierarchy]
	Dict  *Dict
	Flags atomic.Uint64

	hasDict bool // instances have a __dict__
	// baseLayout: a C extension type whose instances have its base's
	// layout (its tp_basicsize adds nothing but perhaps __dict__ and
	// __weakref__), so that it is not a layout of its own when bases
	// are combined (layoutBase)
	baseLayout bool
	// hasWeakref: the class or a base gave its instances CPython's
	// __weakref__ slot (only the class dict entries depend on it).
	hasWeakref bool
	// classStmt: made by a class statement or type(name, bases, ns), the
	// only classes whose __weakref__ support hasWeakref describes.
	classStmt bool
	// hasDel: a Python class in the MRO defines __del__, so instances
	// get a finalizer (finalize.go). Atomic: a class may gain or lose
	// __del__ while other threads make instances.
	hasDel atomic.Bool
	// strEq: t is a subclass of str whose instances compare equal as
	// their text does (no Python class in the MRO defines __eq__), so a
	// str-keyed lookup may match one of them without running Python code
	// (Dict.probeStr). Atomic: assigning __eq__ to a class changes it.
	strEq     atomic.Bool
	nslots    int      // number of __slots__ members, own and inherited
	slotNames []string // __slots__ names of this class only

	// version changes whenever the type's or a base's attributes change;
	// inline caches compare it. 0 means "do not cache".
	version atomic.Uint64

	subMu      sync.Mutex
	subclasses []*Type // direct subclasses, for version invalidation

	// lookupCache holds MRO lookups of interned names, valid while the
	// type's version is unchanged: a direct-mapped table indexed by the
	// name's address, allocated on first use. Entries are immutable and
	// replaced whole, so readers need no lock.
	lookupCache atomic.Pointer[lookupTable]
	// initCache is pythonInit's answer for the current version.
	initCache atomic.Pointer[initEntry]

	// The slots: Go fast paths for the special methods.
	New         NewFunc
	Init        InitFunc
	Call        CallFunc
	GetAttr     GetAttrFunc
	SetAttr     SetAttrFunc
	Repr        UnaryFunc
	Str         UnaryFunc
	Hash        HashFunc
	RichCompare CompareFunc
	Iter        UnaryFunc
	Next        NextFunc
	Len         LenFunc
	Bool        BoolFunc
	GetItem     BinaryFunc
	SetItem     SetItemFunc
	Contains    ContainsFunc
	DescrGet    DescrGetFunc
	DescrSet    DescrSetFunc
	Num         [numBinary]BinaryFunc // binary operators: called with either operand being of this type
	INum        [numBinary]BinaryFunc // in-place operators; nil falls back to Num
	// seqConcat marks the sequences whose + is concatenation (CPython's
	// sq_concat): they show __add__ but no __radd__.
	seqConcat bool
	Pow3      TernaryFunc // pow(a, b, mod)
	Neg       UnaryFunc
	Pos       UnaryFunc
	Abs       UnaryFunc
	Invert    UnaryFunc
	Index     UnaryFunc // __index__
	Int       UnaryFunc // __int__
	Float     UnaryFunc // __float__
	Complex   UnaryFunc // __complex__

	// Native is set on built-in types: the Go representation of instances.
	native bool
	// ext marks a C extension's type (NewExtensionType): the generated
	// __text_signature__ tables do not apply to it.
	ext bool
}

// hierarchy is a class's place in the class graph: an immutable
// snapshot, published through Type.hier.
type hierarchy struct {
	base  *Type   // __base__: the solid base
	bases []*Type // __bases__
	mro   []*Type // __mro__
}

// Base is __base__, the solid base (nil for object).
func (t *Type) Base() *Type {
	if h := t.hier.Load(); h != nil {
		return h.base
	}
	return nil
}

// Bases is __bases__. The slice must not be modified.
func (t *Type) Bases() []*Type {
	if h := t.hier.Load(); h != nil {
		return h.bases
	}
	return nil
}

// MRO is __mro__. The slice must not be modified.
func (t *Type) MRO() []*Type {
	if h := t.hier.Load(); h != nil {
		return h.mro
	}
	return nil
}

// SetHierarchy publishes __base__, __bases__ and __mro__ at once.
func (t *Type) SetHierarchy(base *Type, bases, mro []*Type) {
	t.hier.Store(&hierarchy{base: base, bases: bases, mro: mro})
}

// SetBase sets __base__, keeping __bases__ and __mro__ (while a class
// is made; a published class changes all three with SetHierarchy).
func (t *Type) SetBase(b *Type) { t.SetHierarchy(b, t.Bases(), t.MRO()) }

// SetBases sets __bases__ while a class is made.
func (t *Type) SetBases(bs []*Type) { t.SetHierarchy(t.Base(), bs, t.MRO()) }

// SetMRO sets __mro__ while a class is made.
func (t *Type) SetMRO(m []*Type) { t.SetHierarchy(t.Base(), t.Bases(), m) }

// Type returns the metaclass.
func (t *Type) Type() *Type {
	if t.meta == nil {
		return TypeType
	}
	return t.meta
}

var typeVersionCounter atomic.Uint64

// Version returns the type's attribute version for inline caches.
func (t *Type) Version() uint64 { return t.version.Load() }

// modified invalidates caches of t and of all its subclasses.
func (t *Type) modified() {
	t.version.Store(typeVersionCounter.Add(1))
	t.subMu.Lock()
	subs := append([]*Type(nil), t.subclasses...)
	t.subMu.Unlock()
	for _, s := range subs {
		s.modified()
	}
}

// IsSubtype reports whether t is sub (or a subclass of it), through the MRO.
func (t *Type) IsSubtype(sup *Type) bool {
	if t == sup {
		return true
	}
	for _, m := range t.MRO() {
		if m == sup {
			return true
		}
	}
	return false
}

// Lookup finds name in the type's MRO dictionaries (the class attribute,
// without descriptors applied). It returns nil if absent.
func (t *Type) Lookup(name *Str) Object {
	ver := t.version.Load()
	tab := t.lookupCache.Load()
	slot := lookupSlot(name)
	if tab != nil {
		if le := tab[slot].Load(); le != nil && le.name == name && le.version == ver {
			return le.value
		}
	}
	var found Object
	for _, m := range t.MRO() {
		if v := m.Dict.getStr(name); v != nil {
			found = v
			break
		}
	}
	if ver != 0 && name.interned {
		if tab == nil {
			tab = new(lookupTable)
			if !t.lookupCache.CompareAndSwap(nil, tab) {
				tab = t.lookupCache.Load()
			}
		}
		tab[slot].Store(&lookupEntry{name: name, version: ver, value: found})
	}
	return found
}

type lookupEntry struct {
	name    *Str
	version uint64
	value   Object
}

// lookupTableSize is the number of names a type's lookup cache holds
// before two names share a slot (and take turns being cached).
const lookupTableSize = 64

type lookupTable [lookupTableSize]atomic.Pointer[lookupEntry]

// lookupSlot picks a name's slot from its address (interned names live as
// long as the program).
func lookupSlot(name *Str) int {
	a := uintptr(unsafe.Pointer(name))
	return int((a>>4 ^ a>>10) % lookupTableSize)
}

// LookupString is Lookup with a Go string.
func (t *Type) LookupString(name string) Object { return t.Lookup(Intern(name)) }

// isHeap reports whether the type was created in Python.
func (t *Type) isHeap() bool { return t.Flags.Load()&FlagHeapType != 0 }

// FullName is the module-qualified name used in some messages.
func (t *Type) FullName() string {
	if m, ok := t.Dict.getStr(Intern("__module__")).(*Str); ok && m.s != "builtins" {
		return m.s + "." + t.Qualname()
	}
	return t.Qualname()
}

// newBuiltinType makes a built-in type with the given solid base. Slots
// not set afterwards are inherited in finishType.
func newBuiltinType(name string, base *Type) *Type {
	t := &Type{names: &typeNames{name, name}, Dict: NewDict(), native: true}
	t.Flags.Store(FlagBaseType)
	if base != nil {
		t.SetHierarchy(base, []*Type{base}, nil)
	}
	t.version.Store(typeVersionCounter.Add(1))
	return t
}

// computeMRO computes the C3 linearisation of t's bases.
func computeMRO(t *Type) ([]*Type, error) { return computeMROOf(t, t.Bases()) }

// computeMROOf computes t's MRO as if its bases were bases.
func computeMROOf(t *Type, bases []*Type) ([]*Type, error) {
	seqs := make([][]*Type, 0, len(bases)+1)
	for _, b := range bases {
		seqs = append(seqs, append([]*Type(nil), b.MRO()...))
	}
	seqs = append(seqs, append([]*Type(nil), bases...))
	res := []*Type{t}
	for {
		nonEmpty := false
		for _, s := range seqs {
			if len(s) > 0 {
				nonEmpty = true
				break
			}
		}
		if !nonEmpty {
			return res, nil
		}
		var cand *Type
		for _, s := range seqs {
			if len(s) == 0 {
				continue
			}
			c := s[0]
			inTail := false
			for _, s2 := range seqs {
				for _, x := range s2[min(1, len(s2)):] {
					if x == c {
						inTail = true
						break
					}
				}
				if inTail {
					break
				}
			}
			if !inTail {
				cand = c
				break
			}
		}
		if cand == nil {
			// CPython names the distinct heads of what is left to merge.
			names := ""
			seen := map[*Type]bool{}
			for _, s := range seqs {
				if len(s) == 0 || seen[s[0]] {
					continue
				}
				seen[s[0]] = true
				if names != "" {
					names += ", "
				}
				names += s[0].Name()
			}
			return nil, NewError(TypeErrorType, "Cannot create a consistent method resolution\norder (MRO) for bases "+names)
		}
		res = append(res, cand)
		for i, s := range seqs {
			if len(s) > 0 && s[0] == cand {
				seqs[i] = s[1:]
			}
		}
	}
}

// finishType computes the MRO and inherits the slots of built-in types.
func finishType(t *Type) {
	if t.Bases() == nil && t != ObjectType {
		t.SetHierarchy(ObjectType, []*Type{ObjectType}, nil)
	}
	mro, err := computeMRO(t)
	if err != nil {
		panic(err)
	}
	t.SetMRO(mro)
	for _, b := range t.Bases() {
		b.subMu.Lock()
		b.subclasses = append(b.subclasses, t)
		b.subMu.Unlock()
	}
	inheritSlots(t)
	cur := t.Dict.getStr(Intern("__doc__"))
	if _, ok := cur.(*Str); !ok {
		if t.Doc == "" && cur == nil {
			t.Doc = builtinTypeDoc(t)
		}
		if t.Doc != "" {
			t.Dict.SetStr("__doc__", NewStr(t.Doc))
		} else if cur == nil {
			// as CPython's types without tp_doc: None in the dict, so
			// that instances do not find object's docstring
			t.Dict.SetStr("__doc__", None)
		}
	}
}

// inheritSlots copies every nil slot from the first base in the MRO that
// has it.
func inheritSlots(t *Type) {
	for _, b := range t.MRO()[1:] {
		inheritFrom(t, b)
	}
}

// inheritedFlags are the flags a class takes from each of its bases.
const inheritedFlags = FlagLongSub | FlagListSub | FlagTupleSub | FlagBytesSub | FlagUnicodeSub |
	FlagDictSub | FlagBaseExcSub | FlagTypeSub

// inheritFlags gives t b's subclass flags, and b's Sequence/Mapping flag
// only when t has neither yet: the first class in t's MRO that has one
// decides how t matches (class M(UserDict, Sequence) is a mapping, class
// S(UserList, dict) a sequence), as in CPython.
func inheritFlags(t, b *Type) {
	bf := b.Flags.Load()
	t.Flags.Or(bf & inheritedFlags)
	if t.Flags.Load()&(FlagSequence|FlagMapping) == 0 {
		t.Flags.Or(bf & (FlagSequence | FlagMapping))
	}
}

func inheritFrom(t, b *Type) {
	// __new__ and __init__ come from the first class in the MRO that
	// defines them, as CPython's attribute lookup finds them: a Python
	// class that defines neither only passes on what it inherited, which
	// with multiple inheritance may come from later in t's MRO (class
	// W(Codec, CType, Base) gets CType's, not object's through Codec).
	passesOn := b.isHeap() && !b.native
	// A Python class keeps the __new__ slot it once got from a __new__ of
	// its own after that is deleted (CPython leaves slot_tp_new in place)
	// and passes it on to classes made later.
	if LoadPtr(&t.New) == nil && !(passesOn && b.Dict.getStr(Intern("__new__")) == nil && funcCode(LoadPtr(&b.New)) != slotNewCode) {
		t.New = LoadPtr(&b.New)
	}
	if LoadPtr(&t.Init) == nil && !(passesOn && b.Dict.getStr(Intern("__init__")) == nil) {
		t.Init = LoadPtr(&b.Init)
	}
	if passesOn {
		// The other slots of a Python class are either its own special
		// methods, which fixupSlots installs on t from t's MRO, or
		// inherited ones, which a later class in t's MRO provides: taking
		// them here would let class C(B, int) get object's __repr__
		// through B instead of int's (CPython copies only the slots a
		// base defines itself).
		inheritFlags(t, b)
		if b.hasDict {
			t.hasDict = true
		}
		return
	}
	if LoadPtr(&t.Call) == nil {
		t.Call = LoadPtr(&b.Call)
	}
	if LoadPtr(&t.GetAttr) == nil {
		t.GetAttr = LoadPtr(&b.GetAttr)
	}
	if LoadPtr(&t.SetAttr) == nil {
		t.SetAttr = LoadPtr(&b.SetAttr)
	}
	if LoadPtr(&t.Repr) == nil {
		t.Repr = LoadPtr(&b.Repr)
	}
	if LoadPtr(&t.Str) == nil {
		t.Str = LoadPtr(&b.Str)
	}
	if LoadPtr(&t.Hash) == nil {
		t.Hash = LoadPtr(&b.Hash)
	}
	if LoadPtr(&t.RichCompare) == nil {
		t.RichCompare = LoadPtr(&b.RichCompare)
	}
	if LoadPtr(&t.Iter) == nil {
		t.Iter = LoadPtr(&b.Iter)
	}
	if LoadPtr(&t.Next) == nil {
		t.Next = LoadPtr(&b.Next)
	}
	if LoadPtr(&t.Len) == nil {
		t.Len = LoadPtr(&b.Len)
	}
	if LoadPtr(&t.Bool) == nil {
		t.Bool = LoadPtr(&b.Bool)
	}
	if LoadPtr(&t.GetItem) == nil {
		t.GetItem = LoadPtr(&b.GetItem)
	}
	if LoadPtr(&t.SetItem) == nil {
		t.SetItem = LoadPtr(&b.SetItem)
	}
	if LoadPtr(&t.Contains) == nil {
		t.Contains = LoadPtr(&b.Contains)
	}
	if LoadPtr(&t.DescrGet) == nil {
		t.DescrGet = LoadPtr(&b.DescrGet)
	}
	if LoadPtr(&t.DescrSet) == nil {
		t.DescrSet = LoadPtr(&b.DescrSet)
	}
	for i := range t.Num {
		if LoadPtr(&t.Num[i]) == nil {
			t.Num[i] = LoadPtr(&b.Num[i])
		}
		if LoadPtr(&t.INum[i]) == nil {
			t.INum[i] = LoadPtr(&b.INum[i])
		}
	}
	if LoadPtr(&t.Pow3) == nil {
		t.Pow3 = LoadPtr(&b.Pow3)
	}
	if LoadPtr(&t.Neg) == nil {
		t.Neg = LoadPtr(&b.Neg)
	}
	if LoadPtr(&t.Pos) == nil {
		t.Pos = LoadPtr(&b.Pos)
	}
	if LoadPtr(&t.Abs) == nil {
		t.Abs = LoadPtr(&b.Abs)
	}
	if LoadPtr(&t.Invert) == nil {
		t.Invert = LoadPtr(&b.Invert)
	}
	if LoadPtr(&t.Index) == nil {
		t.Index = LoadPtr(&b.Index)
	}
	if LoadPtr(&t.Int) == nil {
		t.Int = LoadPtr(&b.Int)
	}
	if LoadPtr(&t.Float) == nil {
		t.Float = LoadPtr(&b.Float)
	}
	if LoadPtr(&t.Complex) == nil {
		t.Complex = LoadPtr(&b.Complex)
	}
	inheritFlags(t, b)
	if b.hasDict {
		t.hasDict = true
	}
}

// LoadPtr loads, atomically, a field that is one pointer word: a slot
// field of a Type (a func value), Instance's class, a Function's code.
// Such fields of a published object may be rewritten while other
// threads read them (C.__add__ = f on a class that had no __add__,
// obj.__class__ = X, f.__code__ = c); an atomic load is a plain MOV on
// amd64, so readers pay nothing, and the race detector sees the
// synchronisation. T must be a func, pointer, map or chan type.
func LoadPtr[T any](p *T) T {
	v := atomic.LoadPointer((*unsafe.Pointer)(unsafe.Pointer(p)))
	return *(*T)(unsafe.Pointer(&v))
}

// typeNames is a class's __name__ and __qualname__; never written once
// published.
type typeNames struct{ name, qualname string }

// Name is the type's __name__.
func (t *Type) Name() string { return LoadPtr(&t.names).name }

// Qualname is the type's __qualname__.
func (t *Type) Qualname() string { return LoadPtr(&t.names).qualname }

// editCopy publishes into *p a copy of the value *p points to, changed
// by edit: the pointed-to values are never written once published
// (a class's names, a function's funcInfo). Two threads changing
// different fields at once both keep their change: a copy replaces
// only the value it was made from, or is made again.
func editCopy[T any](p **T, edit func(*T)) {
	for {
		old := LoadPtr(p)
		n := *old
		edit(&n)
		if casPtr(p, old, &n) {
			return
		}
	}
}

// casPtr is LoadPtr's compare-and-swap: it publishes v into *p if *p
// is still old.
func casPtr[T any](p *T, old, v T) bool {
	return atomic.CompareAndSwapPointer((*unsafe.Pointer)(unsafe.Pointer(p)),
		*(*unsafe.Pointer)(unsafe.Pointer(&old)), *(*unsafe.Pointer)(unsafe.Pointer(&v)))
}

// storePtr is LoadPtr's writer: it publishes v into *p atomically.
func storePtr[T any](p *T, v T) {
	atomic.StorePointer((*unsafe.Pointer)(unsafe.Pointer(p)), *(*unsafe.Pointer)(unsafe.Pointer(&v)))
}
