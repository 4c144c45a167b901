package py

import (
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"

	"freepy/interp/compile"
	"freepy/interp/strops"
)

// ---- slots of classes defined in Python ----

// firstDefiner returns the class in t's MRO whose dict defines name.
func firstDefiner(t *Type, name string) *Type {
	key := dunderStr(name)
	for _, m := range t.MRO() {
		if m.Dict.getStr(key) != nil {
			return m
		}
	}
	return nil
}

// definedInPython reports whether name is defined by a heap class in t's
// MRO before any built-in class.
func definedInPython(t *Type, name string) bool {
	d := firstDefiner(t, name)
	return d != nil && d.isHeap()
}

var cmpDunders = [...]string{"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"}

// fixupSlots installs, for each special method a Python class defines,
// a slot that calls it. Slots of built-in bases are kept where no Python
// class overrides them, so `class C(list)` keeps list's fast paths.
//
// It runs again on a published class whenever a special method is
// assigned (refreshSlots), while other threads read the slot fields
// without synchronisation. Every slot value it installs is therefore one
// fixed func value per special method (no closure made per call), and a
// field is written only when its value changes: re-assigning a special
// method the class already has (C.__repr__ = f, then g) writes no field.
func fixupSlots(t *Type) {
	py := func(name string) bool { return definedInPython(t, name) }
	t.hasDel.Store(py("__del__"))
	t.strEq.Store(t.IsSubtype(StrType) && !py("__eq__"))
	if py("__repr__") {
		setSlot(&t.Repr, slotRepr)
	}
	if py("__str__") {
		setSlot(&t.Str, slotStr)
	}
	if py("__hash__") || py("__eq__") {
		setSlot(&t.Hash, slotHash)
	}
	for _, n := range cmpDunders {
		if py(n) {
			setSlot(&t.RichCompare, slotRichCompare)
			break
		}
	}
	if py("__call__") {
		setSlot(&t.Call, slotCall)
	}
	if py("__getattribute__") || py("__getattr__") {
		setSlot(&t.GetAttr, slotGetAttr)
	}
	if py("__setattr__") || py("__delattr__") {
		setSlot(&t.SetAttr, slotSetAttr)
	}
	if py("__iter__") {
		setSlot(&t.Iter, slotIter)
	}
	if py("__next__") {
		setSlot(&t.Next, slotNext)
	}
	if py("__len__") {
		setSlot(&t.Len, slotLen)
	}
	if py("__bool__") {
		setSlot(&t.Bool, slotBool)
	}
	if py("__getitem__") {
		setSlot(&t.GetItem, slotGetItem)
	}
	if py("__setitem__") || py("__delitem__") {
		setSlot(&t.SetItem, slotSetItem)
	}
	if py("__contains__") {
		setSlot(&t.Contains, slotContains)
	}
	if py("__get__") {
		setSlot(&t.DescrGet, slotDescrGet)
	}
	if py("__set__") || py("__delete__") {
		setSlot(&t.DescrSet, slotDescrSet)
	}
	for op := 0; op < numBinary; op++ {
		names := binaryNames[op]
		if py(names.dunder) || py(names.rdunder) {
			setSlot(&t.Num[op], slotBinaries[op])
		}
		if py(names.idunder) {
			setSlot(&t.INum[op], slotInplaces[op])
		}
	}
	for i, u := range unarySlots {
		if py(u.name) {
			setSlot(u.field(t), slotUnaries[i])
		}
	}
	if py("__init__") {
		setSlot(&t.Init, slotInit)
	} else if init := inheritedInit(t); funcCode(init) != funcCode(LoadPtr(&t.Init)) {
		// del C.__init__: CPython's slot goes back to the inherited one,
		// which decides object.__new__'s "C() takes no arguments"
		storePtr(&t.Init, init)
	}
	if py("__new__") && !isTypeNew(t.Lookup(nameNew)) {
		setSlot(&t.New, slotNew)
	}
}

// setSlot stores v into a slot field unless the field already holds that
// very func value (the same closure), so that refreshing the slots of a
// published class does not write what readers may be reading.
func setSlot[F any](p *F, v F) {
	// loaded atomically too: a class being made is already in its bases'
	// subclass lists, where a refresh holding classSlotMu may reach it
	// while its own fixupSlots runs
	cur := LoadPtr(p)
	if *(*unsafe.Pointer)(unsafe.Pointer(&cur)) != *(*unsafe.Pointer)(unsafe.Pointer(&v)) {
		storePtr(p, v)
	}
}

func slotRepr(th *Thread, o Object) (Object, error) { return callSlot(th, o, "__repr__") }
func slotStr(th *Thread, o Object) (Object, error)  { return callSlot(th, o, "__str__") }
func slotIter(th *Thread, o Object) (Object, error) { return callSlot(th, o, "__iter__") }
func slotGetItem(th *Thread, o, k Object) (Object, error) {
	return callSlot(th, o, "__getitem__", k)
}

func slotCall(th *Thread, o Object, args []Object, kw []string) (Object, error) {
	m, err := lookupSpecial(th, o, "__call__")
	if err != nil {
		return nil, err
	}
	switch m.(type) {
	case *Function, *Method:
		return Call(th, m, args, kw)
	}
	// __call__ may be another callable instance, and so on
	// without a Python frame to count (A.__call__ = A())
	if th.depth >= th.interp.recursionLimit() {
		return nil, NewError(RecursionErrorType, "maximum recursion depth exceeded while calling a Python object")
	}
	th.depth++
	defer func() { th.depth-- }()
	return Call(th, m, args, kw)
}

func slotSetItem(th *Thread, o, k, v Object) error {
	return callSetOrDelete(th, o, "__setitem__", "__delitem__", k, v)
}

// callSetOrDelete calls o.set(k, v), or o.del(k) when v is nil.
func callSetOrDelete(th *Thread, o Object, set, del string, k, v Object) error {
	var err error
	if v == nil {
		_, err = callSlotNamed(th, o, del, "", k)
	} else {
		_, err = callSlotNamed(th, o, set, "", k, v)
	}
	return err
}

func slotContains(th *Thread, o, v Object) (bool, error) {
	r, err := callSlot(th, o, "__contains__", v)
	if err != nil {
		return false, err
	}
	return IsTrue(th, r)
}

func slotDescrGet(th *Thread, self, obj Object, typ *Type) (Object, error) {
	var o Object = None
	if obj != nil {
		o = obj
	}
	var ty Object = None
	if typ != nil {
		ty = typ
	}
	return callSlot(th, self, "__get__", o, ty)
}

func slotDescrSet(th *Thread, self, obj, v Object) error {
	return callSetOrDelete(th, self, "__set__", "__delete__", obj, v)
}

// unarySlots are the unary special methods and their fields; slotUnaries
// holds the slot function of each, made once (setSlot compares closures).
var unarySlots = [...]struct {
	name  string
	field func(*Type) *UnaryFunc
}{
	{"__neg__", func(t *Type) *UnaryFunc { return &t.Neg }},
	{"__pos__", func(t *Type) *UnaryFunc { return &t.Pos }},
	{"__abs__", func(t *Type) *UnaryFunc { return &t.Abs }},
	{"__invert__", func(t *Type) *UnaryFunc { return &t.Invert }},
	{"__index__", func(t *Type) *UnaryFunc { return &t.Index }},
	{"__int__", func(t *Type) *UnaryFunc { return &t.Int }},
	{"__float__", func(t *Type) *UnaryFunc { return &t.Float }},
	{"__complex__", func(t *Type) *UnaryFunc { return &t.Complex }},
}

var (
	slotUnaries  [len(unarySlots)]UnaryFunc
	slotBinaries [numBinary]BinaryFunc // CPython's SLOT1BINFULL per operator
	slotInplaces [numBinary]BinaryFunc // the in-place operators' slots
)

func init() {
	for i, u := range unarySlots {
		name := u.name
		slotUnaries[i] = func(th *Thread, o Object) (Object, error) { return callSlot(th, o, name) }
	}
	for op := 0; op < numBinary; op++ {
		slotBinaries[op] = slotBinary(op)
		idunder := binaryNames[op].idunder
		slotInplaces[op] = func(th *Thread, a, b Object) (Object, error) {
			r, found, err := callSpecial(th, a, idunder, b)
			if !found {
				return NotImplemented, nil
			}
			return r, err
		}
	}
}

// isTypeNew reports whether v is a built-in type's own __new__ (dict.__new__):
// a class given one keeps the __new__ slot it had, as CPython's
// update_one_slot does for tp_new_wrapper, so C.__new__ = dict.__new__
// does not make C() call dict.__new__(C).
func isTypeNew(v Object) bool {
	b, ok := v.(*Builtin)
	if !ok || b.Name != "__new__" {
		return false
	}
	_, ok = b.Self.(*Type)
	return ok
}

// inheritedInit is the __init__ slot t inherits by inheritFrom's rule: a
// Python class that does not define __init__ only passes one on.
func inheritedInit(t *Type) InitFunc {
	for _, b := range t.MRO()[1:] {
		if LoadPtr(&b.Init) != nil && !(b.isHeap() && !b.native && b.Dict.getStr(dunders["__init__"]) == nil) {
			return LoadPtr(&b.Init)
		}
	}
	return nil
}

// callSlot calls a special method looked up on the type.
func callSlot(t *Thread, o Object, name string, args ...Object) (Object, error) {
	return callSlotNamed(t, o, name, name, args...)
}

func callSlotNamed(t *Thread, o Object, name, errName string, args ...Object) (Object, error) {
	r, found, err := callSpecial(t, o, name, args...)
	if !found && err == nil {
		if errName == "" {
			errName = name
		}
		return nil, Errorf(AttributeErrorType, "%s", errName)
	}
	return r, err
}

func slotHash(t *Thread, o Object) (int64, error) {
	descr := o.Type().Lookup(Intern("__hash__"))
	if descr == nil || descr == None {
		return 0, TypeErrorf("unhashable type: '%s'", typeName(o))
	}
	r, err := callSlot(t, o, "__hash__")
	if err != nil {
		return 0, err
	}
	switch v := unwrap(r).(type) {
	case Int:
		if v == -1 {
			return -2, nil
		}
		return int64(v), nil
	case Bool:
		return boolToInt(v), nil
	case *BigInt:
		return hashBig(&v.v), nil
	}
	return 0, TypeErrorf("__hash__ method should return an integer")
}

// slotRichCompare calls a Python class's comparison method. A method
// whose lookup fails (a property raising) counts as not there, as in
// CPython's slot_tp_richcompare.
func slotRichCompare(t *Thread, a, b Object, op CompareOp) (Object, error) {
	name := dunderStr(cmpDunders[op])
	descr := a.Type().Lookup(name)
	if descr == nil {
		return NotImplemented, nil
	}
	switch descr.(type) {
	case *Function, *MethodDescr:
		// called unbound: nothing to look up
	default:
		m, err := lookupSpecial(t, a, cmpDunders[op])
		if err != nil || m == nil {
			return NotImplemented, nil
		}
		return Call(t, m, []Object{b}, nil)
	}
	r, _, err := callSpecialStr(t, a, name, b)
	return r, err
}

func slotGetAttr(t *Thread, o Object, name *Str) (Object, error) {
	typ := o.Type()
	ga := typ.Lookup(Intern("__getattribute__"))
	var v Object
	var err error
	if md, ok := ga.(*MethodDescr); ok && md.Owner == ObjectType || ga == nil {
		v, err = GenericGetAttr(t, o, name)
	} else {
		v, err = callSlot(t, o, "__getattribute__", name)
	}
	if err != nil && IsInstanceOf(err, AttributeErrorType) {
		if getattr := typ.Lookup(Intern("__getattr__")); getattr != nil {
			return callSlot(t, o, "__getattr__", name)
		}
	}
	return v, err
}

func slotSetAttr(t *Thread, o Object, name *Str, v Object) error {
	var err error
	if v == nil {
		_, err = callSlot(t, o, "__delattr__", name)
	} else {
		_, err = callSlot(t, o, "__setattr__", name, v)
	}
	return err
}

func slotNext(t *Thread, o Object) (Object, error) {
	r, err := callSlot(t, o, "__next__")
	if err != nil && IsInstanceOf(err, StopIterationType) {
		return nil, nil
	}
	return r, err
}

func slotLen(t *Thread, o Object) (int, error) {
	r, err := callSlot(t, o, "__len__")
	if err != nil {
		return 0, err
	}
	if !isIntLike(r) {
		return 0, TypeErrorf("'%s' object cannot be interpreted as an integer", typeName(r))
	}
	n, _, big := asInt64(r)
	if n < 0 {
		return 0, ValueErrorf("__len__() should return >= 0")
	}
	if big {
		if b, _ := asBig(r); b.Sign() < 0 {
			return 0, ValueErrorf("__len__() should return >= 0")
		}
		return 0, NewError(OverflowErrorType, "cannot fit 'int' into an index-sized integer")
	}
	return int(n), nil
}

func slotBool(t *Thread, o Object) (bool, error) {
	r, err := callSlot(t, o, "__bool__")
	if err != nil {
		return false, err
	}
	b, ok := r.(Bool)
	if !ok {
		return false, TypeErrorf("__bool__ should return bool, returned %s", typeName(r))
	}
	return bool(b), nil
}

func slotInit(t *Thread, self Object, args []Object, kw []string) error {
	init := self.Type().Lookup(dunders["__init__"])
	var r Object
	var err error
	if f, ok := init.(*Function); ok {
		r, err = callMethod(t, f, self, args, kw)
	} else if md, ok := init.(*MethodDescr); ok && !md.IsStatic && !md.IsClass {
		// called unbound, as CPython's slot_tp_init does, so that a
		// foreign type's wrapper (Leaf.__init__ = dict.__init__) is
		// refused with its words
		if err := md.checkSelf(self, md.slot); err != nil {
			return err
		}
		r, err = md.Fn(t, self, args, kw)
	} else {
		m, berr := bindDescr(t, init, self, self.Type())
		if berr != nil {
			return berr
		}
		r, err = Call(t, m, args, kw)
	}
	if err != nil {
		return err
	}
	if r != None {
		return TypeErrorf("__init__() should return None, not '%s'", typeName(r))
	}
	return nil
}

func slotNew(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
	nw := typ.Lookup(Intern("__new__"))
	if sm, ok := nw.(*StaticMethod); ok {
		nw = sm.Func
	}
	full := make([]Object, len(args)+1)
	full[0] = typ
	copy(full[1:], args)
	return Call(t, nw, full, kw)
}

// isSlotBinary reports whether f is slotBinaries[op], the slot of classes
// that define the operator in Python. The closure is made once per
// operator, so its pointer identifies it (CPython compares the slot's
// function pointer the same way).
func isSlotBinary(f BinaryFunc, op int) bool {
	return f != nil && closurePtr(f) == closurePtr(slotBinaries[op])
}

// closurePtr is the pointer a func value holds (its closure record).
func closurePtr[F BinaryFunc | TernaryFunc](f F) unsafe.Pointer {
	return *(*unsafe.Pointer)(unsafe.Pointer(&f))
}

// slotBinary is CPython's SLOT1BINFULL: try a.__op__(b), then
// b.__rop__(a), giving a subclass's reflected method priority.
func slotBinary(op int) BinaryFunc {
	names := binaryNames[op]
	return func(t *Thread, a, b Object) (Object, error) {
		ta, tb := a.Type(), b.Type()
		// As CPython's, the methods are called only for the operands
		// whose type has this slot: a built-in operand's own slot is
		// binaryOp1's to call (list + x must not call list.__add__,
		// which raises where the slot declines).
		doOther := ta != tb && isSlotBinary(LoadPtr(&tb.Num[op]), op)
		if isSlotBinary(LoadPtr(&ta.Num[op]), op) {
			if doOther && tb.IsSubtype(ta) && methodIsOverloaded(ta, tb, names.rdunder) {
				r, found, err := callSpecial(t, b, names.rdunder, a)
				if err != nil || (found && r != NotImplemented) {
					return r, err
				}
				doOther = false
			}
			r, found, err := callSpecial(t, a, names.dunder, b)
			if err != nil || (found && r != NotImplemented) || ta == tb {
				if !found {
					return NotImplemented, nil
				}
				return r, err
			}
		}
		if doOther {
			r, found, err := callSpecial(t, b, names.rdunder, a)
			if !found {
				return NotImplemented, nil
			}
			return r, err
		}
		return NotImplemented, nil
	}
}

// methodIsOverloaded is CPython's method_is_overloaded: whether the
// right operand's class gives the reflected method another value than
// the left operand's, so that a subclass only inheriting it does not go
// first.
func methodIsOverloaded(left, right *Type, name string) bool {
	b := right.Lookup(dunderStr(name))
	if b == nil {
		return false
	}
	return left.Lookup(dunderStr(name)) != b
}

// ---- type(), class creation ----

// typeCall is type.__call__: create with __new__, then run __init__ when
// the result is an instance of the class.
func typeCall(t *Thread, self Object, args []Object, kw []string) (Object, error) {
	typ := self.(*Type)
	if typ == TypeType {
		switch npos := len(args) - len(kw); {
		case npos == 1 && len(kw) == 0:
			return args[0].Type(), nil
		case npos == 1:
			return nil, TypeErrorf("type() takes no keyword arguments")
		case npos != 1 && npos != 3:
			return nil, TypeErrorf("type() takes 1 or 3 arguments")
		}
	}
	if LoadPtr(&typ.New) == nil {
		return nil, TypeErrorf("cannot create '%s' instances", typ.FullName())
	}
	obj, err := LoadPtr(&typ.New)(t, typ, args, kw)
	if err != nil {
		return nil, err
	}
	if !obj.Type().IsSubtype(typ) {
		return obj, nil
	}
	if init := LoadPtr(&obj.Type().Init); init != nil {
		if err := init(t, obj, args, kw); err != nil {
			return nil, err
		}
	}
	return obj, nil
}

// typeNew is type.__new__(meta, name, bases, ns).
// checkTypeName refuses a class name CPython cannot store in tp_name: one
// with a NUL, or lone surrogates (not UTF-8).
func checkTypeName(t *Thread, name *Str) error {
	if strings.IndexByte(name.s, 0) >= 0 {
		return ValueErrorf("type name must not contain null characters")
	}
	if !utf8.ValidString(name.s) {
		_, err := strictEncodeError(t, name)
		return err
	}
	return nil
}

func typeNew(t *Thread, meta *Type, args []Object, kw []string) (Object, error) {
	npos := len(args) - len(kw)
	if npos != 3 {
		// type(x) itself is typeCall's: a metaclass has no one-argument
		// form
		return nil, TypeErrorf("type.__new__() takes exactly 3 arguments (%d given)", npos)
	}
	name, ok := args[0].(*Str)
	if !ok {
		return nil, TypeErrorf("type.__new__() argument 1 must be str, not %s", typeName(args[0]))
	}
	if err := checkTypeName(t, name); err != nil {
		return nil, err
	}
	basesT, ok := args[1].(*Tuple)
	if !ok {
		return nil, TypeErrorf("type.__new__() argument 2 must be tuple, not %s", typeName(args[1]))
	}
	ns, err := namespaceCopy(t, args[2])
	if err != nil {
		return nil, err
	}
	// the most derived metaclass, before the bases are checked: a base
	// that is not a class has a metaclass that conflicts (CPython's order)
	winner, err := mostDerivedMeta(meta, basesT.items)
	if err != nil {
		return nil, err
	}
	var bases []*Type
	for _, b := range basesT.items {
		bt, ok := b.(*Type)
		if !ok {
			return nil, TypeErrorf("bases must be types")
		}
		if bt.Flags.Load()&FlagBaseType == 0 {
			return nil, TypeErrorf("type '%s' is not an acceptable base type", bt.tpName())
		}
		bases = append(bases, bt)
	}
	if len(bases) == 0 {
		bases = []*Type{ObjectType}
	}
	best, err := bestBase(bases)
	if err != nil {
		return nil, err
	}
	if winner != meta && LoadPtr(&winner.New) != nil {
		// CPython's type_new: a more derived metaclass with its own
		// __new__ (EnumType for type(name, (SomeEnum,), ns)) creates it.
		if funcPtr(LoadPtr(&winner.New)) != funcPtr(NewFunc(typeNew)) {
			return LoadPtr(&winner.New)(t, winner, args, kw)
		}
		meta = winner
	}
	typ := &Type{names: &typeNames{name.s, name.s}, Dict: ns}
	typ.Flags.Store(FlagHeapType | FlagBaseType)
	if meta != TypeType {
		typ.meta = meta
	}
	typ.version.Store(typeVersionCounter.Add(1))
	// solid base: the base whose layout is the most derived built-in one
	typ.SetHierarchy(solidBase(bases), bases, nil)
	if q := typ.Dict.GetStr("__qualname__"); q != nil {
		qs, ok := q.(*Str)
		if !ok {
			return nil, TypeErrorf("type __qualname__ must be a str, not %s", typeName(q))
		}
		typ.names.qualname = qs.s // not published yet
		typ.Dict.DelItem(t, Intern("__qualname__"))
	}
	if typ.Dict.GetStr("__module__") == nil {
		if t.frame != nil {
			if mn := t.frame.globals.GetStr("__name__"); mn != nil {
				typ.Dict.SetStr("__module__", mn)
			}
		}
	}
	// __slots__ (before __doc__ gets its default: a slot may be named
	// __doc__, as typing._SpecialForm's is)
	typ.hasDict = true
	// Which of CPython's __dict__ and __weakref__ descriptors this class
	// adds to its own dict: those no base provides, unless __slots__
	// leaves them out (a variable-sized base, int, tuple or bytes, has no
	// room for __weakref__).
	inheritedDict, inheritedWeak, varSized := false, false, false
	for _, b := range bases {
		inheritedDict = inheritedDict || b.hasDict || b.IsSubtype(TypeType)
		inheritedWeak = inheritedWeak || b.hasWeakref || b.IsSubtype(TypeType) || b.IsSubtype(SetType) || b.IsSubtype(FrozenSetType)
		varSized = varSized || b.IsSubtype(IntType) || b.IsSubtype(TupleType) || b.IsSubtype(BytesType)
	}
	wantDict, wantWeak := true, true
	if slots := typ.Dict.GetStr("__slots__"); slots != nil {
		wantDict, wantWeak = false, false
		var names []Object
		if s, ok := slots.(*Str); ok {
			names = []Object{s}
		} else {
			var err error
			names, err = ToSlice(t, slots)
			if err != nil {
				return nil, err
			}
		}
		if err := checkSlotNames(t, names, best, inheritedDict, inheritedWeak || varSized); err != nil {
			return nil, err
		}
		typ.hasDict = false
		for _, b := range bases {
			if b.hasDict {
				typ.hasDict = true
			}
		}
		base := 0
		for _, b := range bases {
			base = max(base, b.nslots)
		}
		for _, n := range names {
			ns, ok := unwrap(n).(*Str)
			if !ok {
				return nil, TypeErrorf("__slots__ items must be strings, not '%s'", typeName(n))
			}
			ns = NewStr(ns.s) // a str subclass's value
			if m := compile.Mangle(typ.Name(), ns.s); m != ns.s {
				ns = NewStr(m) // __s is stored as _Class__s, as the methods' code names it
			}
			if ns.s == "__dict__" {
				typ.hasDict = true
				wantDict = true
				continue
			}
			if ns.s == "__weakref__" && !inheritedWeak && !varSized {
				wantWeak = true
				continue
			}
			if prev := typ.Dict.GetStr(ns.s); prev != nil {
				if md, ok := prev.(*memberDescr); ok && md.owner == typ {
					continue // listed twice (datetime's slots are date's + time's)
				}
				return nil, ValueErrorf("'%s' in __slots__ conflicts with class variable", ns.s)
			}
			typ.Dict.SetStr(ns.s, &memberDescr{name: ns.s, index: base + len(typ.slotNames), owner: typ})
			typ.slotNames = append(typ.slotNames, ns.s)
		}
		typ.nslots = base + len(typ.slotNames)
	} else {
		for _, b := range bases {
			typ.nslots = max(typ.nslots, b.nslots)
		}
	}
	// a __dict__ or __weakref__ the class body defines itself (a property)
	// is kept, as CPython's type_add_getset does
	if wantDict && !inheritedDict && typ.Dict.GetStr("__dict__") == nil {
		typ.Dict.SetStr("__dict__", instanceDictDescr(typ))
	}
	if wantWeak && !inheritedWeak && !varSized && typ.Dict.GetStr("__weakref__") == nil {
		typ.Dict.SetStr("__weakref__", weakrefDescr(typ))
		typ.hasWeakref = true
	}
	typ.hasWeakref = typ.hasWeakref || inheritedWeak
	typ.classStmt = true
	if doc, ok := typ.Dict.GetStr("__doc__").(*Str); ok && !utf8.ValidString(doc.s) {
		// CPython keeps a UTF-8 copy of a class's docstring (tp_doc)
		if _, err := strictEncodeError(t, doc); err != nil {
			return nil, err
		}
	}
	if doc := typ.Dict.GetStr("__doc__"); doc == nil {
		typ.Dict.SetStr("__doc__", None)
	}
	mro, err := computeMRO(typ)
	if err != nil {
		return nil, err
	}
	typ.SetMRO(mro)
	// a custom mro() on the metaclass
	if meta != TypeType {
		if m := meta.Lookup(Intern("mro")); m != nil {
			if md, ok := m.(*MethodDescr); !ok || md.Owner != TypeType {
				r, err := CallMethod(t, typ, "mro")
				if err != nil {
					return nil, err
				}
				items, err := ToSlice(t, r)
				if err != nil {
					return nil, err
				}
				// CPython's mro_check: every entry a class whose instance
				// layout the new class's layout extends, since instances
				// of the class are then handed to those classes' methods
				solid := layoutBase(typ)
				custom := make([]*Type, 0, len(items))
				for _, x := range items {
					xt, ok := x.(*Type)
					if !ok {
						return nil, TypeErrorf("mro() returned a non-class ('%s')", typeName(x))
					}
					if !solid.IsSubtype(layoutBase(xt)) {
						return nil, TypeErrorf("mro() returned base with unsuitable layout ('%s')", xt.tpName())
					}
					custom = append(custom, xt)
				}
				typ.SetMRO(custom)
			}
		}
	}
	for _, b := range bases {
		b.subMu.Lock()
		b.subclasses = append(b.subclasses, typ)
		b.subMu.Unlock()
	}
	// __eq__ without __hash__ makes instances unhashable
	if typ.Dict.GetStr("__eq__") != nil && typ.Dict.GetStr("__hash__") == nil {
		typ.Dict.SetStr("__hash__", None)
	}
	// implicit static/class methods
	if nw, ok := typ.Dict.GetStr("__new__").(*Function); ok {
		typ.Dict.SetStr("__new__", &StaticMethod{Func: nw})
	}
	for _, n := range []string{"__init_subclass__", "__class_getitem__"} {
		if f, ok := typ.Dict.GetStr(n).(*Function); ok {
			typ.Dict.SetStr(n, &ClassMethod{Func: f})
		}
	}
	inheritSlots(typ)
	fixupSlots(typ)
	if LoadPtr(&typ.New) == nil {
		typ.New = objectNew
	}
	// __classcell__
	if cell, ok := typ.Dict.GetStr("__classcell__").(*Cell); ok {
		cell.Set(typ)
		typ.Dict.DelItem(t, Intern("__classcell__"))
	}
	// __set_name__
	for _, e := range typ.Dict.Items() {
		if m, err := lookupSpecial(t, e.value, "__set_name__"); err == nil && m != nil {
			if _, err := Call2(t, m, typ, e.key); err != nil {
				// 3.11 wraps the error (3.12 adds a note instead)
				kr, rerr := ReprString(t, e.key)
				if rerr != nil {
					return nil, rerr
				}
				re := Errorf(RuntimeErrorType, "Error calling __set_name__ on '%s' instance %s in '%s'", typeName(e.value), kr, typ.Name())
				re.SetCause(AsException(err))
				re.SetContext(AsException(err))
				re.SetSuppressContext(true)
				return nil, re
			}
		}
	}
	// __init_subclass__ of the parent
	if len(typ.MRO()) > 1 {
		sup := &Super{typ: typ, obj: typ, objType: typ}
		is, err := GetAttr(t, sup, Intern("__init_subclass__"))
		if err != nil {
			return nil, err
		}
		kwargs := args[npos:]
		if _, err := Call(t, is, kwargs, kw); err != nil {
			return nil, err
		}
	}
	return typ, nil
}

// mostDerivedMeta is the metaclass among meta and the bases' metaclasses
// that is a subclass of all the others.
func mostDerivedMeta(meta *Type, bases []Object) (*Type, error) {
	winner := meta
	for _, b := range bases {
		bm := b.Type()
		if winner.IsSubtype(bm) {
			continue
		}
		if bm.IsSubtype(winner) {
			winner = bm
			continue
		}
		return nil, TypeErrorf("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases")
	}
	return winner, nil
}

// namespaceCopy is the class dict type() makes from its third argument:
// a copy of a dict, or of a dict subclass through its keys() and
// __getitem__ when it iterates its own way (an OrderedDict, a
// __prepare__ namespace), as CPython's PyDict_Copy does.
func namespaceCopy(t *Thread, o Object) (*Dict, error) {
	if d, ok := o.(*Dict); ok {
		return d.Copy(), nil
	}
	d, ok := unwrap(o).(*Dict)
	if !ok {
		return nil, TypeErrorf("type.__new__() argument 3 must be dict, not %s", typeName(o))
	}
	if it := o.Type().Lookup(Intern("__iter__")); it == nil || it == DictType.Lookup(Intern("__iter__")) {
		return d.Copy(), nil
	}
	keys, err := CallMethod(t, o, "keys")
	if err != nil {
		return nil, err
	}
	ks, err := ToSlice(t, keys)
	if err != nil {
		return nil, err
	}
	out := NewDict()
	for _, k := range ks {
		v, err := GetItem(t, o, k)
		if err != nil {
			return nil, err
		}
		if err := out.SetItem(t, k, v); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// layoutBase is the class whose instance layout a class's instances
// have (CPython's solid_base): a class with __slots__ of its own adds to
// its base's layout, a built-in type has its own, and all built-in
// exceptions are taken to share BaseException's (CPython's differ for a
// few, such as OSError, which freepy does not check), and a C type that
// adds no fields has its base's.
func layoutBase(typ *Type) *Type {
	if !typ.isHeap() {
		if typ.IsSubtype(BaseExceptionType) {
			return BaseExceptionType
		}
		if typ.baseLayout && typ.Base() != nil {
			return layoutBase(typ.Base())
		}
		return typ
	}
	if len(typ.slotNames) > 0 {
		return typ
	}
	if len(typ.Bases()) == 0 {
		return ObjectType
	}
	b, err := bestBase(typ.Bases())
	if err != nil {
		return ObjectType
	}
	return layoutBase(b)
}

// bestBase is the base whose layout the new class extends (its
// __base__): the one with the most derived layout. Bases with unrelated
// layouts (int and str, two classes with their own __slots__) cannot be
// combined.
func bestBase(bases []*Type) (*Type, error) {
	var base, winner *Type
	for _, b := range bases {
		c := layoutBase(b)
		switch {
		case winner == nil:
			base, winner = b, c
		case winner.IsSubtype(c):
		case c.IsSubtype(winner):
			base, winner = b, c
		default:
			return nil, TypeErrorf("multiple bases have instance lay-out conflict")
		}
	}
	return base, nil
}

// checkSlotNames applies CPython's rules to the names of __slots__:
// identifiers only, none at all under a variable-sized base, __dict__
// and __weakref__ at most once and only where no base has them.
func checkSlotNames(t *Thread, names []Object, best *Type, hasDict, noWeak bool) error {
	if len(names) > 0 && (best.IsSubtype(IntType) || best.IsSubtype(TupleType) || best.IsSubtype(BytesType)) {
		return TypeErrorf("nonempty __slots__ not supported for subtype of '%s'", best.tpName())
	}
	sawDict, sawWeak := false, false
	for _, n := range names {
		ns, ok := unwrap(n).(*Str)
		if !ok {
			return TypeErrorf("__slots__ items must be strings, not '%s'", typeName(n))
		}
		if !strops.IsIdentifier(ns.s) {
			return TypeErrorf("__slots__ must be identifiers")
		}
		switch ns.s {
		case "__dict__":
			if hasDict || sawDict {
				return TypeErrorf("__dict__ slot disallowed: we already got one")
			}
			sawDict = true
		case "__weakref__":
			if noWeak || sawWeak {
				return TypeErrorf("__weakref__ slot disallowed: either we already got one, or __itemsize__ != 0")
			}
			sawWeak = true
		}
	}
	return nil
}

// solidBase picks the base with the most derived built-in layout.
func solidBase(bases []*Type) *Type {
	var best *Type
	for _, b := range bases {
		s := b
		for s.isHeap() && s.Base() != nil {
			s = s.Base()
		}
		if best == nil || s.IsSubtype(best) {
			best = s
		}
	}
	return best
}

// buildClass is builtins.__build_class__(func, name, *bases, metaclass=, **kw).
func buildClass(t *Thread, _ Object, args []Object, kwnames []string) (Object, error) {
	npos := len(args) - len(kwnames)
	if npos < 2 {
		return nil, TypeErrorf("__build_class__: not enough arguments")
	}
	body, ok := args[0].(*Function)
	if !ok {
		return nil, TypeErrorf("__build_class__: func must be a function")
	}
	name := args[1]
	origBases := args[2:npos]
	bases, err := resolveBases(t, origBases)
	if err != nil {
		return nil, err
	}
	var meta Object
	var kwv []Object
	var kwn []string
	for i, k := range kwnames {
		if k == "metaclass" {
			meta = args[npos+i]
			continue
		}
		kwn = append(kwn, k)
		kwv = append(kwv, args[npos+i])
	}
	if meta == nil {
		if len(bases) > 0 {
			meta = bases[0].Type()
		} else {
			meta = TypeType
		}
	}
	if mt, ok := meta.(*Type); ok {
		// the most derived metaclass among meta and the bases' metaclasses
		mt, err := mostDerivedMeta(mt, bases)
		if err != nil {
			return nil, err
		}
		meta = mt
	}
	bt := NewTuple(bases...)
	// __prepare__
	var ns Object
	if prep, err := GetAttrOpt(t, meta, Intern("__prepare__")); err != nil {
		return nil, err
	} else if prep != nil {
		ns, err = Call(t, prep, append([]Object{name, bt}, kwv...), kwn)
		if err != nil {
			return nil, err
		}
		if ns.Type().Lookup(Intern("__getitem__")) == nil {
			mname := "<metaclass>"
			if mt, ok := meta.(*Type); ok {
				mname = mt.tpName()
			}
			return nil, TypeErrorf("%s.__prepare__() must return a mapping, not %s", mname, typeName(ns))
		}
	} else {
		ns = NewDict()
	}
	// run the body with ns as its locals
	code := LoadPtr(&body.code)
	fr := t.newFrame(code, body.globals, body.builtins, ns)
	fr.fn = body
	fr.closure = body.Closure
	if _, err := t.run(fr); err != nil {
		return nil, err
	}
	// origBases is part of the caller's stack: the tuple gets its own copy
	if len(origBases) != len(bases) || !sameBases(origBases, bases) {
		if err := SetItem(t, ns, Intern("__orig_bases__"), NewTuple(append([]Object(nil), origBases...)...)); err != nil {
			return nil, err
		}
	}
	cls, err := Call(t, meta, append([]Object{name, bt, ns}, kwv...), kwn)
	if err != nil {
		return nil, err
	}
	return cls, nil
}

func sameBases(orig []Object, bases []Object) bool {
	for i := range orig {
		if orig[i] != bases[i] {
			return false
		}
	}
	return true
}

// resolveBases applies __mro_entries__ (PEP 560). Other objects stay:
// a metaclass that is not a type may take any bases (type() itself
// refuses them).
func resolveBases(t *Thread, bases []Object) ([]Object, error) {
	var out []Object
	var basesTuple *Tuple // made once; bases may be part of the caller's stack
	for _, b := range bases {
		if _, ok := b.(*Type); ok {
			out = append(out, b)
			continue
		}
		me, err := GetAttrOpt(t, b, Intern("__mro_entries__"))
		if err != nil {
			return nil, err
		}
		if me == nil {
			out = append(out, b)
			continue
		}
		if basesTuple == nil {
			basesTuple = NewTuple(append([]Object(nil), bases...)...)
		}
		r, err := Call1(t, me, basesTuple)
		if err != nil {
			return nil, err
		}
		tup, ok := r.(*Tuple)
		if !ok {
			return nil, TypeErrorf("__mro_entries__ must return a tuple")
		}
		out = append(out, tup.items...)
	}
	return out, nil
}

// typeSetAttr sets a class attribute and refreshes slots and caches.
func typeSetAttr(t *Thread, o Object, name *Str, v Object) error {
	typ := o.(*Type)
	if !typ.isHeap() {
		return TypeErrorf("cannot set '%s' attribute of immutable type '%s'", name.s, typ.Name())
	}
	if meta := typ.Type(); meta != TypeType {
		if descr := meta.Lookup(name); descr != nil {
			if set := LoadPtr(&descr.Type().DescrSet); set != nil {
				return set(t, descr, o, v)
			}
		}
	}
	return typeSetAttrNamed(t, o, name, v)
}

// typeSetAttrNamed stores a class attribute, the special names (__name__,
// __qualname__) into the type itself.
func typeSetAttrNamed(t *Thread, o Object, name *Str, v Object) error {
	typ := o.(*Type)
	if !typ.isHeap() {
		return TypeErrorf("cannot set '%s' attribute of immutable type '%s'", name.s, typ.Name())
	}
	switch name.s {
	case "__name__", "__qualname__", "__doc__", "__module__":
		if v == nil {
			return TypeErrorf("cannot delete '%s' attribute of immutable type '%s'", name.s, typ.Name())
		}
	}
	switch name.s {
	case "__name__":
		s, ok := v.(*Str)
		if !ok {
			return TypeErrorf("can only assign string to %s.__name__, not '%s'", typ.Name(), typeName(v))
		}
		if err := checkTypeName(t, s); err != nil {
			return err
		}
		editCopy(&typ.names, func(n *typeNames) { n.name = s.s })
		return nil
	case "__qualname__":
		s, ok := v.(*Str)
		if !ok {
			return TypeErrorf("can only assign string to %s.__qualname__, not '%s'", typ.Name(), typeName(v))
		}
		editCopy(&typ.names, func(n *typeNames) { n.qualname = s.s })
		return nil
	case "__bases__":
		return setBases(t, typ, v)
	case "__doc__":
	}
	if v == nil {
		found, err := typ.Dict.DelItem(t, name)
		if err != nil {
			return err
		}
		if !found {
			if name.s == "__annotations__" {
				return Errorf(AttributeErrorType, "__annotations__") // type's setter says so
			}
			return attributeDeleteError(o, name)
		}
	} else if err := typ.Dict.SetItem(t, name, v); err != nil {
		return err
	}
	if strings.HasPrefix(name.s, "__") && strings.HasSuffix(name.s, "__") {
		classSlotMu.Lock()
		refreshSlots(typ)
		classSlotMu.Unlock()
	}
	typ.modified()
	return nil
}

// setBases is C.__bases__ = v (CPython's type_set_bases): the new bases
// must keep the instance layout, and the MROs of the class and of every
// subclass are computed again. The class's and its subclasses' versions
// change, which drops their attribute caches and the __init__ cache
// (pythonInit) that class calls read.
func setBases(t *Thread, typ *Type, v Object) error {
	if v == nil {
		return TypeErrorf("cannot delete '__bases__' attribute of immutable type '%s'", typ.Name())
	}
	tup, ok := v.(*Tuple)
	if !ok {
		return TypeErrorf("can only assign tuple to %s.__bases__, not %s", typ.Name(), typeName(v))
	}
	if len(tup.items) == 0 {
		return TypeErrorf("can only assign non-empty tuple to %s.__bases__, not ()", typ.Name())
	}
	classSlotMu.Lock()
	defer classSlotMu.Unlock()
	bases := make([]*Type, len(tup.items))
	for i, x := range tup.items {
		b, ok := x.(*Type)
		if !ok {
			return TypeErrorf("%s.__bases__ must be tuple of classes, not '%s'", typ.Name(), typeName(x))
		}
		if b.IsSubtype(typ) {
			return TypeErrorf("a __bases__ item causes an inheritance cycle")
		}
		bases[i] = b
	}
	for i, b := range bases {
		for _, c := range bases[:i] {
			if b == c {
				return TypeErrorf("duplicate base class %s", b.Name())
			}
		}
	}
	best, err := bestBase(bases)
	if err != nil {
		return err
	}
	old, err := bestBase(typ.Bases())
	if err != nil {
		return err
	}
	if nl, ol := layoutBase(best), layoutBase(old); nl != ol {
		if nativeBase(nl) != nativeBase(ol) {
			return TypeErrorf("__bases__ assignment: '%s' deallocator differs from '%s'", best.Name(), old.Name())
		}
		return TypeErrorf("__bases__ assignment: '%s' object layout differs from '%s'", best.Name(), old.Name())
	}
	prev := typ.hier.Load()
	oldBases := prev.bases
	if err := recomputeMROs(typ, solidBase(bases), bases); err != nil {
		// a subclass's MRO cannot be made: typ and the subclasses
		// already done go back to the old bases
		if rerr := recomputeMROs(typ, prev.base, prev.bases); rerr != nil {
			return rerr
		}
		return err
	}
	for _, b := range oldBases {
		b.subMu.Lock()
		for i, s := range b.subclasses {
			if s == typ {
				b.subclasses = append(b.subclasses[:i:i], b.subclasses[i+1:]...)
				break
			}
		}
		b.subMu.Unlock()
	}
	for _, b := range bases {
		b.subMu.Lock()
		b.subclasses = append(b.subclasses, typ)
		b.subMu.Unlock()
	}
	refreshSlots(typ)
	typ.modified()
	return nil
}

// nativeBase is the built-in type a layout base rests on.
func nativeBase(typ *Type) *Type {
	for typ.isHeap() && typ.Base() != nil {
		typ = typ.Base()
	}
	return typ
}

// recomputeMROs gives typ the bases given and computes its MRO and
// those of its subclasses again. Each class's __base__, __bases__ and
// __mro__ are published at once (SetHierarchy): a thread looking an
// attribute up, or running isinstance or super(), meanwhile sees the
// old hierarchy or the new one.
func recomputeMROs(typ, base *Type, bases []*Type) error {
	mro, err := computeMROOf(typ, bases)
	if err != nil {
		return err
	}
	typ.SetHierarchy(base, bases, mro)
	typ.subMu.Lock()
	subs := append([]*Type(nil), typ.subclasses...)
	typ.subMu.Unlock()
	for _, s := range subs {
		h := s.hier.Load()
		if err := recomputeMROs(s, h.base, h.bases); err != nil {
			return err
		}
	}
	return nil
}

// classSlotMu serialises the writers of published classes' slot fields
// and hierarchies (special-method and __bases__ assignments): two
// threads assigning C.__repr__ and C.__eq__, or B.__eq__ and C.__eq__
// with C a subclass of B, would otherwise write the same fields at once.
// Such assignments are rare, so one lock for all classes is enough, and
// it avoids ordering per-class locks along a hierarchy. Readers take no
// lock (fixupSlots says why that is safe).
var classSlotMu sync.Mutex

// refreshSlots runs fixupSlots on typ and its subclasses; the caller
// holds classSlotMu.
func refreshSlots(typ *Type) {
	fixupSlots(typ)
	typ.subMu.Lock()
	subs := append([]*Type(nil), typ.subclasses...)
	typ.subMu.Unlock()
	for _, s := range subs {
		refreshSlots(s)
	}
}

// typeGetAttr is type.__getattribute__: metaclass data descriptors, then
// the class's MRO (binding descriptors with obj=None), then the metaclass.
func typeGetAttr(t *Thread, o Object, name *Str) (Object, error) {
	typ := o.(*Type)
	meta := typ.Type()
	metaAttr := meta.Lookup(name)
	var metaGet DescrGetFunc
	if metaAttr != nil {
		mt := metaAttr.Type()
		metaGet = LoadPtr(&mt.DescrGet)
		if metaGet != nil && LoadPtr(&mt.DescrSet) != nil {
			return metaGet(t, metaAttr, typ, meta)
		}
	}
	if attr := typ.Lookup(name); attr != nil {
		if get := LoadPtr(&attr.Type().DescrGet); get != nil {
			return get(t, attr, nil, typ)
		}
		return attr, nil
	}
	if metaGet != nil {
		return metaGet(t, metaAttr, typ, meta)
	}
	if metaAttr != nil {
		return metaAttr, nil
	}
	if meta != TypeType && meta.isHeap() {
		if ga := meta.Lookup(Intern("__getattr__")); ga != nil {
			return callSlot(t, typ, "__getattr__", name)
		}
	}
	return nil, attributeError(o, name)
}

// ---- super ----

// Super is a super() object.
type Super struct {
	typ     *Type  // the class super() was called in
	obj     Object // the instance or class
	objType *Type  // type(obj), or obj itself when it is a class
}

// Type returns super.
func (*Super) Type() *Type { return SuperType }

func superGetAttr(t *Thread, o Object, name *Str) (Object, error) {
	s := o.(*Super)
	if s.objType != nil && name.s != "__class__" {
		mro := s.objType.MRO()
		i := 0
		for i < len(mro) && mro[i] != s.typ {
			i++
		}
		for i++; i < len(mro); i++ {
			if v := mro[i].Dict.getStr(name); v != nil {
				if get := LoadPtr(&v.Type().DescrGet); get != nil {
					var obj Object = s.obj
					if s.obj == Object(s.objType) {
						obj = nil
					}
					return get(t, v, obj, s.objType)
				}
				return v, nil
			}
		}
	}
	switch name.s {
	case "__thisclass__":
		return s.typ, nil
	case "__self__":
		return orNone(s.obj), nil
	case "__self_class__":
		if s.objType == nil {
			return None, nil
		}
		return s.objType, nil
	}
	return GenericGetAttr(t, o, name)
}

// method is the Python function that s.name finds for an instance
// (superGetAttr's lookup), to be called with s.obj first as the method it
// would bind; nil when the lookup finds anything else or s is bound to a
// class.
func (s *Super) method(name *Str) *Function {
	if s.objType == nil || s.obj == Object(s.objType) || name.s == "__class__" {
		return nil
	}
	mro := s.objType.MRO()
	i := 0
	for i < len(mro) && mro[i] != s.typ {
		i++
	}
	for i++; i < len(mro); i++ {
		if v := mro[i].Dict.getStr(name); v != nil {
			fn, _ := v.(*Function)
			return fn
		}
	}
	return nil
}

func superNew(t *Thread, _ *Type, args []Object, kw []string) (Object, error) {
	switch len(args) {
	case 0:
		f := t.frame
		// like CPython, *args does not count as a first argument
		if f == nil || f.code.ArgCount == 0 {
			return nil, NewError(RuntimeErrorType, "super(): no arguments")
		}
		var first Object
		if len(f.fast) > 0 {
			first = f.fast[0]
		}
		if first == nil && len(f.code.Cell2Arg) > 0 {
			for i, a := range f.code.Cell2Arg {
				if a == 0 {
					first = f.cells[i].Get()
				}
			}
		}
		if first == nil {
			return nil, NewError(RuntimeErrorType, "super(): arg[0] deleted")
		}
		var cls *Type
		for i, n := range f.code.Freevars {
			if n == "__class__" {
				c := f.cells[len(f.code.Cellvars)+i].Get()
				if c == nil {
					return nil, NewError(RuntimeErrorType, "super(): empty __class__ cell")
				}
				ct, ok := c.(*Type)
				if !ok {
					return nil, NewError(RuntimeErrorType, "super(): __class__ is not a type ("+typeName(c)+")")
				}
				cls = ct
			}
		}
		if cls == nil {
			return nil, NewError(RuntimeErrorType, "super(): __class__ cell not found")
		}
		return makeSuper(t, cls, first)
	case 1:
		cls, ok := args[0].(*Type)
		if !ok {
			return nil, TypeErrorf("super() argument 1 must be a type, not %s", typeName(args[0]))
		}
		return &Super{typ: cls}, nil
	case 2:
		cls, ok := args[0].(*Type)
		if !ok {
			return nil, TypeErrorf("super() argument 1 must be a type, not %s", typeName(args[0]))
		}
		return makeSuper(t, cls, args[1])
	}
	return nil, TypeErrorf("super() takes at most 2 arguments")
}

// makeSuper binds super(cls, obj): obj a subclass of cls, an instance
// of one, or an object whose __class__ attribute claims to be one (a
// proxy), as CPython's supercheck allows.
func makeSuper(t *Thread, cls *Type, obj Object) (Object, error) {
	if ot, ok := obj.(*Type); ok && ot.IsSubtype(cls) {
		return &Super{typ: cls, obj: obj, objType: ot}, nil
	}
	if obj.Type().IsSubtype(cls) {
		return &Super{typ: cls, obj: obj, objType: obj.Type()}, nil
	}
	c, err := GetAttrOpt(t, obj, Intern("__class__"))
	if err != nil {
		return nil, err
	}
	if ct, ok := c.(*Type); ok && ct != obj.Type() && ct.IsSubtype(cls) {
		return &Super{typ: cls, obj: obj, objType: ct}, nil
	}
	return nil, TypeErrorf("super(type, obj): obj must be an instance or subtype of type")
}

// ---- descriptors: property, classmethod, staticmethod, slots ----

// Property is a property object.
type Property struct {
	// st is replaced whole (storePtr, editCopy), never written in
	// place: property.__init__ may run again and __set_name__ name it
	// while other threads use the property, and each use loads st once,
	// so it sees the old functions or the new ones, never a mix.
	st *propState
}

// propState is a property's functions, doc and __set_name__ name.
type propState struct {
	Get, Set, Del, Doc Object
	name               Object
}

func newProperty() *Property {
	return &Property{st: &propState{Get: None, Set: None, Del: None, Doc: None}}
}

// load returns the property's current state, which is never written.
func (p *Property) load() *propState { return LoadPtr(&p.st) }

// Type returns property.
func (*Property) Type() *Type { return PropertyType }

// ClassMethod wraps a function to receive the class.
type ClassMethod struct {
	Func Object
	dict *Dict
}

// Type returns classmethod.
func (*ClassMethod) Type() *Type { return ClassMethodType }

// StaticMethod wraps a function to receive no implicit argument.
type StaticMethod struct {
	Func Object
	dict *Dict
}

// Type returns staticmethod.
func (*StaticMethod) Type() *Type { return StaticMethodType }

// memberDescr is a __slots__ member.
type memberDescr struct {
	name  string
	index int
	owner *Type
}

func (*memberDescr) Type() *Type { return MemberDescrType }

// instanceDictDescr is the __dict__ descriptor of a class whose instances
// get a dict from it (CPython's subtype_dict).
func instanceDictDescr(owner *Type) *GetSetDescr {
	return &GetSetDescr{Name: "__dict__", Owner: owner, Doc: "dictionary for instance variables (if defined)",
		Get: func(t *Thread, o Object) (Object, error) {
			if d := instanceDict(o); d != nil {
				return d, nil
			}
			return nil, Errorf(AttributeErrorType, "'%s' object has no attribute '__dict__'", typeName(o))
		},
		Set: func(t *Thread, o, v Object) error {
			in, ok := o.(*Instance)
			if v == nil && ok && LoadPtr(&in.dict) != nil {
				// del x.__dict__: CPython drops it; the next use
				// starts a fresh one
				storePtr(&in.dict, NewDict())
				return nil
			}
			if v == nil {
				return TypeErrorf("cannot delete __dict__")
			}
			d, ok2 := v.(*Dict)
			if !ok || !ok2 || LoadPtr(&in.dict) == nil {
				return TypeErrorf("__dict__ must be set to a dictionary, not a '%s'", typeName(v))
			}
			storePtr(&in.dict, d)
			return nil
		}}
}

// weakrefDescr is the __weakref__ descriptor: the object's first weak
// reference, or None (CPython's subtype_getweakref).
func weakrefDescr(owner *Type) *GetSetDescr {
	return &GetSetDescr{Name: "__weakref__", Owner: owner, Doc: "list of weak references to the object (if defined)",
		Get: func(t *Thread, o Object) (Object, error) {
			if refs := liveRefs(o); len(refs) > 0 {
				return refs[0].outer(), nil
			}
			return None, nil
		}}
}
