package py

import (
	"fmt"
	"math"
	"unsafe"
)

// The built-in types. Their slots are set in init functions, so that
// slot functions may refer to the types without an initialisation cycle.
var (
	ObjectType             = newBuiltinType("object", nil)
	TypeType               = newBuiltinType("type", ObjectType)
	NoneTypeType           = newBuiltinType("NoneType", ObjectType)
	NotImplementedTypeType = newBuiltinType("NotImplementedType", ObjectType)
	EllipsisTypeType       = newBuiltinType("ellipsis", ObjectType)
	IntType                = newBuiltinType("int", ObjectType)
	BoolType               = newBuiltinType("bool", IntType)
	FloatType              = newBuiltinType("float", ObjectType)
	ComplexType            = newBuiltinType("complex", ObjectType)
	StrType                = newBuiltinType("str", ObjectType)
	TupleType              = newBuiltinType("tuple", ObjectType)
	ListType               = newBuiltinType("list", ObjectType)
	DictType               = newBuiltinType("dict", ObjectType)
	FunctionType           = newBuiltinType("function", ObjectType)
	MethodType             = newBuiltinType("method", ObjectType)
	BuiltinType            = newBuiltinType("builtin_function_or_method", ObjectType)
	MethodDescrType        = newBuiltinType("method_descriptor", ObjectType)
	CodeType               = newBuiltinType("code", ObjectType)
	CellType               = newBuiltinType("cell", ObjectType)
	FrameType              = newBuiltinType("frame", ObjectType)
	TracebackType          = newBuiltinType("traceback", ObjectType)
	ModuleType             = newBuiltinType("module", ObjectType)
	GeneratorType          = newBuiltinType("generator", ObjectType)
	CoroutineType          = newBuiltinType("coroutine", ObjectType)
	AsyncGeneratorType     = newBuiltinType("async_generator", ObjectType)
	PropertyType           = newBuiltinType("property", ObjectType)
	ClassMethodType        = newBuiltinType("classmethod", ObjectType)
	StaticMethodType       = newBuiltinType("staticmethod", ObjectType)
	SuperType              = newBuiltinType("super", ObjectType)
	MemberDescrType        = newBuiltinType("member_descriptor", ObjectType)
	GetSetDescrType        = newBuiltinType("getset_descriptor", ObjectType)
)

// builtinTypes lists the types in the order they are finished (a base
// before its subclasses).
var builtinTypes []*Type

func registerType(ts ...*Type) { builtinTypes = append(builtinTypes, ts...) }

func init() {
	ObjectType.SetHierarchy(nil, nil, []*Type{ObjectType})
	ObjectType.New = objectNew
	ObjectType.Init = objectInit
	ObjectType.Repr = objectRepr
	ObjectType.Str = func(t *Thread, o Object) (Object, error) { return Repr(t, o) }
	ObjectType.Hash = func(t *Thread, o Object) (int64, error) { return identityHash(o), nil }
	ObjectType.RichCompare = objectRichCompare

	TypeType.New = typeNew
	TypeType.Init = typeInit
	TypeType.Call = typeCall
	TypeType.GetAttr = typeGetAttr
	TypeType.SetAttr = typeSetAttr
	TypeType.Repr = func(t *Thread, o Object) (Object, error) {
		typ := o.(*Type)
		mod := "builtins"
		if m, ok := typ.Dict.GetStr("__module__").(*Str); ok {
			mod = m.s
		}
		if mod == "builtins" {
			return NewStr("<class '" + typ.Qualname() + "'>"), nil
		}
		return NewStr("<class '" + mod + "." + typ.Qualname() + "'>"), nil
	}
	TypeType.Num[NbOr] = unionOr
	TypeType.Flags.Or(FlagTypeSub)

	NoneTypeType.Repr = constRepr("None")
	NoneTypeType.Bool = func(*Thread, Object) (bool, error) { return false, nil }
	// calling the type of a singleton gives the singleton
	singletonNew := func(name string, v Object) NewFunc {
		return func(t *Thread, _ *Type, args []Object, kw []string) (Object, error) {
			if len(args) > 0 {
				return nil, TypeErrorf("%s takes no arguments", name)
			}
			return v, nil
		}
	}
	NoneTypeType.New = singletonNew("NoneType", None)
	NotImplementedTypeType.New = singletonNew("NotImplementedType", NotImplemented)
	EllipsisTypeType.New = singletonNew("EllipsisType", Ellipsis)
	NoneTypeType.Flags.And(^uint64(FlagBaseType))
	NotImplementedTypeType.Repr = constRepr("NotImplemented")
	NotImplementedTypeType.Bool = func(t *Thread, o Object) (bool, error) {
		// deprecated in 3.9, an error from 3.14
		return true, Warn(t, DeprecationWarningType, "NotImplemented should not be used in a boolean context", 1)
	}
	NotImplementedTypeType.Flags.And(^uint64(FlagBaseType))
	EllipsisTypeType.Repr = constRepr("Ellipsis")
	EllipsisTypeType.Flags.And(^uint64(FlagBaseType))
	// pickled by name: __reduce__ returns the global's name
	for typ, name := range map[*Type]string{NotImplementedTypeType: "NotImplemented", EllipsisTypeType: "Ellipsis"} {
		qual, name := typ.Name()+".__reduce__", name
		typ.AddMethod("__reduce__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if err := argCount(qual, args, kw, 0, 0); err != nil {
				return nil, err
			}
			return NewStr(name), nil
		})
	}

	FunctionType.DescrGet = func(t *Thread, self, obj Object, typ *Type) (Object, error) {
		if obj == nil {
			return self, nil
		}
		return &Method{Func: self, Self: obj}, nil
	}
	FunctionType.Call = func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return self.(*Function).Call(t, args, kw)
	}
	FunctionType.Repr = func(t *Thread, o Object) (Object, error) {
		f := o.(*Function)
		return NewStr(fmt.Sprintf("<function %s at %#x>", f.Qualname(), Id(o))), nil
	}
	FunctionType.Flags.And(^uint64(FlagBaseType))
	FunctionType.GetAttr = functionGetAttr
	FunctionType.SetAttr = functionSetAttr

	MethodType.Call = func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		m := self.(*Method)
		return callMethod(t, m.Func, m.Self, args, kw)
	}
	MethodType.Repr = func(t *Thread, o Object) (Object, error) {
		m := o.(*Method)
		name := "?"
		if n, err := GetAttrString(t, m.Func, "__qualname__"); err == nil {
			name, _ = StrString(t, n)
		}
		r, err := ReprString(t, m.Self)
		if err != nil {
			return nil, err
		}
		return NewStr("<bound method " + name + " of " + r + ">"), nil
	}
	MethodType.GetAttr = methodGetAttr
	// method(function, instance) is how types.MethodType binds by hand
	// (contextlib.ExitStack relies on it).
	MethodType.New = func(t *Thread, _ *Type, args []Object, kw []string) (Object, error) {
		if len(kw) != 0 {
			return nil, TypeErrorf("method() takes no keyword arguments")
		}
		if len(args) != 2 {
			return nil, TypeErrorf("method expected 2 arguments, got %d", len(args))
		}
		if !isCallable(args[0]) {
			return nil, TypeErrorf("first argument must be callable")
		}
		if args[1] == None {
			return nil, TypeErrorf("instance must not be None")
		}
		return &Method{Func: args[0], Self: args[1]}, nil
	}
	MethodType.RichCompare = func(t *Thread, a, b Object, op CompareOp) (Object, error) {
		x, ok1 := a.(*Method)
		y, ok2 := b.(*Method)
		if !ok1 || !ok2 || (op != EQ && op != NE) {
			return NotImplemented, nil
		}
		eq := x.Func == y.Func && x.Self == y.Self
		return NewBool(eq == (op == EQ)), nil
	}
	MethodType.Hash = func(t *Thread, o Object) (int64, error) {
		m := o.(*Method)
		h, err := Hash(t, m.Func)
		return h ^ identityHash(m.Self), err
	}

	BuiltinType.Call = func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		b := self.(*Builtin)
		return b.Fn(t, b.Self, args, kw)
	}
	BuiltinType.Repr = func(t *Thread, o Object) (Object, error) {
		b := o.(*Builtin)
		if b.Self == nil {
			return NewStr("<built-in function " + b.Name + ">"), nil
		}
		if m, ok := b.Self.(*Module); ok {
			_ = m
			return NewStr("<built-in function " + b.Name + ">"), nil
		}
		return NewStr(fmt.Sprintf("<built-in method %s of %s object at %#x>", b.Name, typeName(b.Self), Id(b.Self))), nil
	}
	BuiltinType.GetAttr = builtinGetAttr
	// Methods bound from the same descriptor to the same object are equal
	// (each attribute read makes a new Builtin), as CPython's are.
	BuiltinType.RichCompare = func(t *Thread, a, b Object, op CompareOp) (Object, error) {
		x, ok1 := a.(*Builtin)
		y, ok2 := b.(*Builtin)
		if !ok1 || !ok2 || (op != EQ && op != NE) {
			return NotImplemented, nil
		}
		eq := x == y || (x.descr != nil && x.descr == y.descr && x.Self == y.Self)
		return NewBool(eq == (op == EQ)), nil
	}
	BuiltinType.Hash = func(t *Thread, o Object) (int64, error) {
		b := o.(*Builtin)
		if b.descr == nil {
			return identityHash(b), nil
		}
		return identityHash(b.descr) ^ identityHash(b.Self), nil
	}
	// As CPython: a function pickles by its name (a global), a method as
	// getattr(self, name); a static method's self is its type.
	BuiltinType.AddMethod("__reduce__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) != 0 || len(kw) != 0 {
			return nil, TypeErrorf("__reduce__() takes no arguments (%d given)", len(args))
		}
		b := self.(*Builtin)
		owner := b.Self
		if owner == nil && b.descr != nil && b.descr.IsStatic {
			owner = b.descr.Owner
		}
		if _, ok := owner.(*Module); ok || owner == nil {
			return NewStr(b.Name), nil
		}
		getattr := t.interp.Builtins.dict.GetStr("getattr")
		if getattr == nil {
			return nil, Errorf(AttributeErrorType, "getattr")
		}
		return NewTuple(getattr, NewTuple(owner, NewStr(b.Name))), nil
	})
	BuiltinType.Flags.And(^uint64(FlagBaseType))
	// a bound method pickles as getattr(self, name), as in CPython
	// (zoneinfo's ZoneInfo.__reduce__ returns a bound classmethod)
	MethodType.AddMethod("__reduce__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) != 0 || len(kw) != 0 {
			return nil, TypeErrorf("__reduce__() takes no arguments (%d given)", len(args))
		}
		m := self.(*Method)
		name, err := GetAttr(t, m.Func, Intern("__name__"))
		if err != nil {
			return nil, err
		}
		getattr := t.interp.Builtins.dict.GetStr("getattr")
		if getattr == nil {
			return nil, Errorf(AttributeErrorType, "getattr")
		}
		return NewTuple(getattr, NewTuple(m.Self, name)), nil
	})

	MethodDescrType.DescrGet = func(t *Thread, self, obj Object, typ *Type) (Object, error) {
		md := self.(*MethodDescr)
		if md.IsStatic {
			return &Builtin{Name: md.Name, Fn: md.Fn, descr: md}, nil
		}
		if md.IsClass {
			if typ == nil {
				typ = obj.Type()
			}
			return &Builtin{Name: md.Name, Fn: md.Fn, Self: typ, descr: md}, nil
		}
		if obj == nil {
			return self, nil
		}
		if err := md.checkSelf(obj, false); err != nil {
			return nil, err
		}
		return &Builtin{Name: md.Name, Fn: md.Fn, Self: obj, descr: md}, nil
	}
	MethodDescrType.Call = func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return self.(*MethodDescr).call(t, args, kw)
	}
	MethodDescrType.Repr = func(t *Thread, o Object) (Object, error) {
		md := o.(*MethodDescr)
		return NewStr("<method '" + md.Name + "' of '" + md.Owner.Name() + "' objects>"), nil
	}
	MethodDescrType.GetAttr = methodDescrGetAttr
	MethodDescrType.AddMethod("__reduce__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) != 0 {
			return nil, TypeErrorf("method_descriptor.__reduce__() takes no arguments (%d given)", len(args))
		}
		md := self.(*MethodDescr)
		return NewTuple(t.interp.Builtins.Dict().GetStr("getattr"), NewTuple(md.Owner, NewStr(md.Name))), nil
	})

	CellType.Repr = func(t *Thread, o Object) (Object, error) {
		c := o.(*Cell)
		v := c.Get()
		if v == nil {
			return NewStr(fmt.Sprintf("<cell at %#x: empty>", Id(o))), nil
		}
		return NewStr(fmt.Sprintf("<cell at %#x: %s object at %#x>", Id(o), typeName(v), Id(v))), nil
	}
	// types.CellType(value) makes a filled cell, CellType() an empty one
	CellType.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		if len(kw) > 0 {
			return nil, TypeErrorf("cell() takes no keyword arguments")
		}
		if len(args) > 1 {
			return nil, TypeErrorf("cell expected at most 1 argument, got %d", len(args))
		}
		c := &Cell{}
		if len(args) == 1 {
			c.init(args[0])
		}
		return c, nil
	}
	CellType.GetAttr = func(t *Thread, o Object, name *Str) (Object, error) {
		if name.s == "cell_contents" {
			v := o.(*Cell).Get()
			if v == nil {
				return nil, ValueErrorf("Cell is empty")
			}
			return v, nil
		}
		return GenericGetAttr(t, o, name)
	}
	// cell.cell_contents = v and del cell.cell_contents (v nil), which
	// CPython allows even on an empty cell
	CellType.SetAttr = func(t *Thread, o Object, name *Str, v Object) error {
		if name.s == "cell_contents" {
			o.(*Cell).Set(v)
			return nil
		}
		return GenericSetAttr(t, o, name, v)
	}
	CodeType.Repr = func(t *Thread, o Object) (Object, error) {
		c := o.(*Code)
		return NewStr(fmt.Sprintf("<code object %s at %#x, file \"%s\", line %d>", c.Name, Id(o), c.Filename, c.FirstLine)), nil
	}
	CodeType.GetAttr = codeGetAttr
	FrameType.GetAttr = frameGetAttr
	FrameType.SetAttr = frameSetAttr
	TracebackType.GetAttr = tracebackGetAttr
	TracebackType.New = tracebackNew
	TracebackType.SetAttr = tracebackSetAttr
	// CPython's traceback type lists only its four attributes
	TracebackType.AddMethod("__dir__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("traceback.__dir__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return NewList(NewStr("tb_frame"), NewStr("tb_next"), NewStr("tb_lasti"), NewStr("tb_lineno")), nil
	})

	PropertyType.DescrGet = propertyGet
	PropertyType.DescrSet = propertySet
	PropertyType.New = propertyNew
	PropertyType.Init = propertyInit
	ClassMethodType.DescrGet = func(t *Thread, self, obj Object, typ *Type) (Object, error) {
		cm := self.(*ClassMethod)
		if typ == nil {
			typ = obj.Type()
		}
		if get := LoadPtr(&cm.Func.Type().DescrGet); get != nil && cm.Func.Type() != FunctionType {
			return get(t, cm.Func, typ, typ.Type())
		}
		return &Method{Func: cm.Func, Self: typ}, nil
	}
	ClassMethodType.New = func(t *Thread, _ *Type, args []Object, kw []string) (Object, error) {
		if len(args) != 1 || len(kw) != 0 {
			return nil, TypeErrorf("classmethod expected 1 argument, got %d", len(args))
		}
		return &ClassMethod{Func: args[0]}, nil
	}
	ClassMethodType.GetAttr = wrapperGetAttr
	ClassMethodType.SetAttr = wrapperSetAttr
	StaticMethodType.DescrGet = func(t *Thread, self, obj Object, typ *Type) (Object, error) {
		return self.(*StaticMethod).Func, nil
	}
	StaticMethodType.New = func(t *Thread, _ *Type, args []Object, kw []string) (Object, error) {
		if len(args) != 1 || len(kw) != 0 {
			return nil, TypeErrorf("staticmethod expected 1 argument, got %d", len(args))
		}
		return &StaticMethod{Func: args[0]}, nil
	}
	StaticMethodType.Call = func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return Call(t, self.(*StaticMethod).Func, args, kw)
	}
	StaticMethodType.GetAttr = wrapperGetAttr
	StaticMethodType.SetAttr = wrapperSetAttr
	SuperType.New = superNew
	FunctionType.New = functionNew
	SuperType.GetAttr = superGetAttr
	// an unbound super(C) stored on a class binds to the instance it is
	// read through; a bound one stays as it is
	SuperType.DescrGet = func(t *Thread, self, obj Object, typ *Type) (Object, error) {
		s := self.(*Super)
		if obj == nil || obj == None || s.obj != nil {
			return self, nil
		}
		return makeSuper(t, s.typ, obj)
	}
	SuperType.Repr = func(t *Thread, o Object) (Object, error) {
		s := o.(*Super)
		if s.objType != nil {
			return NewStr("<super: <class '" + s.typ.Name() + "'>, <" + s.objType.Name() + " object>>"), nil
		}
		return NewStr("<super: <class '" + s.typ.Name() + "'>, NULL>"), nil
	}
	MemberDescrType.DescrGet = func(t *Thread, self, obj Object, typ *Type) (Object, error) {
		m := self.(*memberDescr)
		if obj == nil {
			return self, nil
		}
		in, ok := obj.(*Instance)
		if !ok || m.index >= len(in.slots) {
			return nil, TypeErrorf("descriptor '%s' for '%s' objects doesn't apply to a '%s' object", m.name, m.owner.tpName(), typeName(obj))
		}
		v := in.getSlot(m.index)
		if v == nil {
			return nil, Errorf(AttributeErrorType, "'%s' object has no attribute '%s'", typeName(obj), m.name)
		}
		return v, nil
	}
	MemberDescrType.DescrSet = func(t *Thread, self, obj, v Object) error {
		m := self.(*memberDescr)
		in, ok := obj.(*Instance)
		if !ok || m.index >= len(in.slots) {
			return TypeErrorf("descriptor '%s' for '%s' objects doesn't apply to a '%s' object", m.name, m.owner.tpName(), typeName(obj))
		}
		if !in.setSlot(m.index, v) {
			// deleting an empty slot: CPython's message is the bare name
			return Errorf(AttributeErrorType, "%s", m.name)
		}
		return nil
	}
	MemberDescrType.Repr = func(t *Thread, o Object) (Object, error) {
		m := o.(*memberDescr)
		return NewStr("<member '" + m.name + "' of '" + m.owner.Name() + "' objects>"), nil
	}
	GetSetDescrType.DescrGet = func(t *Thread, self, obj Object, typ *Type) (Object, error) {
		g := self.(*GetSetDescr)
		if obj == nil {
			return self, nil
		}
		if err := g.check(obj); err != nil {
			return nil, err
		}
		return g.Get(t, obj)
	}
	GetSetDescrType.DescrSet = func(t *Thread, self, obj, v Object) error {
		g := self.(*GetSetDescr)
		if err := g.check(obj); err != nil {
			return err
		}
		if g.Set == nil {
			return Errorf(AttributeErrorType, "attribute '%s' of '%s' objects is not writable", g.Name, g.Owner.tpName())
		}
		return g.Set(t, obj, v)
	}
	GetSetDescrType.Repr = func(t *Thread, o Object) (Object, error) {
		g := o.(*GetSetDescr)
		return NewStr("<attribute '" + g.Name + "' of '" + g.Owner.Name() + "' objects>"), nil
	}

	for _, ty := range []*Type{MethodType, BuiltinType, MethodDescrType, CodeType, CellType, FrameType,
		TracebackType, GeneratorType, CoroutineType, AsyncGeneratorType, MemberDescrType, GetSetDescrType} {
		ty.Flags.And(^uint64(FlagBaseType))
	}
	registerType(ObjectType, TypeType, NoneTypeType, NotImplementedTypeType, EllipsisTypeType, FunctionType,
		MethodType, BuiltinType, MethodDescrType, CodeType, CellType, FrameType, TracebackType, PropertyType,
		ClassMethodType, StaticMethodType, SuperType, MemberDescrType, GetSetDescrType)
}

// check refuses an object that is not an instance of the descriptor's
// type (type.__dict__['__name__'].__get__(1)): the getter and setter
// assume their own kind of object.
func (g *GetSetDescr) check(obj Object) error {
	if typ := obj.Type(); typ != g.Owner && g.Owner != nil && !typ.IsSubtype(g.Owner) {
		return TypeErrorf("descriptor '%s' for '%s' objects doesn't apply to a '%s' object", g.Name, g.Owner.tpName(), typ.tpName())
	}
	return nil
}

// GetSetDescr is a computed attribute of a built-in type.
type GetSetDescr struct {
	Name  string
	Doc   string // "" means None
	Owner *Type
	Get   func(t *Thread, obj Object) (Object, error)
	Set   func(t *Thread, obj, v Object) error
}

// Type returns getset_descriptor.
func (*GetSetDescr) Type() *Type { return GetSetDescrType }

func constRepr(s string) UnaryFunc {
	r := NewStr(s)
	return func(*Thread, Object) (Object, error) { return r, nil }
}

// Id is id(o): the address of the object for pointers, a value-derived
// number for value types (as PyPy does for ints and floats).
func Id(o Object) uintptr {
	type iface struct {
		typ, data unsafe.Pointer
	}
	switch x := o.(type) {
	case Int:
		return uintptr(x)*2 + 1
	case Float:
		return uintptr(math.Float64bits(float64(x)))*2 + 1
	case Bool:
		if x {
			return 0x10
		}
		return 0x20
	case NoneType:
		return 0x30
	case NotImplementedType:
		return 0x40
	case EllipsisType:
		return 0x50
	}
	return uintptr((*iface)(unsafe.Pointer(&o)).data)
}

func identityHash(o Object) int64 { return int64(Id(o) >> 4) }

// overridesNew and overridesInit tell whether a class replaces
// object.__new__ / object.__init__ (CPython's excess-argument rules).
// The code pointers are compared without reflect: CALL of a class asks
// on every call (initFunction).
func overridesNew(typ *Type) bool  { return funcCode(LoadPtr(&typ.New)) != objectNewCode }
func overridesInit(typ *Type) bool { return funcCode(LoadPtr(&typ.Init)) != objectInitCode }

// noKeywordsNew is the keyword rule of the constructors of float, tuple
// and frozenset (CPython's _PyArg_NoKeywords in their __new__): no
// keywords, except for a subclass with an __init__ of its own, which
// takes them there while __new__ ignores them.
func noKeywordsNew(name string, typ *Type, args []Object, kw []string) ([]Object, []string, error) {
	if len(kw) == 0 {
		return args, kw, nil
	}
	if overridesInit(typ) {
		return args[:len(args)-len(kw)], nil, nil
	}
	return nil, nil, TypeErrorf("%s() takes no keyword arguments", name)
}

// noKeywordsInit is the same rule for list's __init__: a subclass
// whose own __new__ took the keywords leaves them to it.
func noKeywordsInit(name string, self Object, base *Type, args []Object, kw []string) ([]Object, []string, error) {
	if len(kw) == 0 {
		return args, kw, nil
	}
	if funcCode(LoadPtr(&self.Type().New)) != funcCode(LoadPtr(&base.New)) {
		return args[:len(args)-len(kw)], nil, nil
	}
	return nil, nil, TypeErrorf("%s() takes no keyword arguments", name)
}

// set in init: objectNew refers to overridesNew
var objectNewCode, objectInitCode, slotNewCode uintptr

func init() {
	objectNewCode = funcCode(NewFunc(objectNew))
	slotNewCode = funcCode(NewFunc(slotNew))
	objectInitCode = funcCode(InitFunc(objectInit))
}

// funcCode is the code pointer of a func value (what reflect's
// Value.Pointer returns for a func): a func value is a pointer to a
// closure whose first word is the code address. 0 for nil.
func funcCode[F any](f F) uintptr {
	p := *(*unsafe.Pointer)(unsafe.Pointer(&f))
	if p == nil {
		return 0
	}
	return *(*uintptr)(p)
}

func objectNew(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
	if len(args) > 0 {
		if overridesNew(typ) {
			return nil, TypeErrorf("object.__new__() takes exactly one argument (the type to instantiate)")
		}
		if !overridesInit(typ) {
			return nil, TypeErrorf("%s() takes no arguments", typ.Name())
		}
	}
	if typ.Flags.Load()&FlagAbstract != 0 {
		return nil, abstractError(t, typ)
	}
	if typ.Base() != nil && typ.Base() != ObjectType && !typ.isHeap() {
		return nil, TypeErrorf("object.__new__(%s) is not safe, use %s.__new__()", typ.Name(), typ.Base().Name())
	}
	if typ.IsSubtype(BaseExceptionType) {
		return newExceptionInstance(typ, args, kw), nil
	}
	return NewInstance(typ), nil
}

func abstractError(t *Thread, typ *Type) error {
	am, _ := GetAttrString(t, typ, "__abstractmethods__")
	var names []string
	if am != nil {
		items, _ := ToSlice(t, am)
		for _, x := range items {
			if s, ok := x.(*Str); ok {
				names = append(names, s.s)
			}
		}
	}
	sortStrings(names)
	list := ""
	for i, n := range names {
		if i > 0 {
			list += ", "
		}
		list += n
	}
	// 3.11 lists the names bare; the quotes arrived in 3.12.
	return TypeErrorf("Can't instantiate abstract class %s with abstract method%s %s", typ.Name(), plural(len(names)), list)
}

func objectInit(t *Thread, self Object, args []Object, kw []string) error {
	typ := self.Type()
	if len(args) > 0 {
		if overridesInit(typ) {
			return TypeErrorf("object.__init__() takes exactly one argument (the instance to initialize)")
		}
		if !overridesNew(typ) {
			// A(1) stops in object.__new__ ("A() takes no arguments");
			// this is an explicit call of __init__
			return TypeErrorf("%s.__init__() takes exactly one argument (the instance to initialize)", typ.Name())
		}
	}
	return nil
}

// typeInit is type.__init__: the work is done by type.__new__, so it only
// checks the argument count (metaclass __init__ methods call it through
// super() with the class's name, bases and namespace).
func typeInit(t *Thread, self Object, args []Object, kw []string) error {
	npos := len(args) - len(kw)
	if npos == 1 && len(kw) != 0 {
		return TypeErrorf("type.__init__() takes no keyword arguments")
	}
	if npos != 1 && npos != 3 {
		return TypeErrorf("type.__init__() takes 1 or 3 arguments")
	}
	return nil
}

func objectRepr(t *Thread, o Object) (Object, error) {
	typ := o.Type()
	mod := ""
	if m, ok := typ.Dict.GetStr("__module__").(*Str); ok && m.s != "builtins" {
		mod = m.s + "."
	}
	return NewStr(fmt.Sprintf("<%s%s object at %#x>", mod, typ.Qualname(), Id(o))), nil
}

func objectRichCompare(t *Thread, a, b Object, op CompareOp) (Object, error) {
	switch op {
	case EQ:
		if a == b {
			return True, nil
		}
		return NotImplemented, nil
	case NE:
		// __ne__ inverts __eq__ unless that is NotImplemented
		if eq := LoadPtr(&a.Type().RichCompare); eq != nil && definedInPython(a.Type(), "__eq__") {
			r, err := eq(t, a, b, EQ)
			if err != nil || r == NotImplemented {
				return r, err
			}
			v, err := IsTrue(t, r)
			if err != nil {
				return nil, err
			}
			return NewBool(!v), nil
		}
		if a == b {
			return False, nil
		}
		return NotImplemented, nil
	}
	return NotImplemented, nil
}

func sortStrings(s []string) {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j] < s[j-1]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
}
