package py

import (
	"math"
	"strings"
	"sync"

	"freepy/interp/compile"
	"freepy/interp/syntax"
)

var (
	SimpleNamespaceType = newBuiltinType("SimpleNamespace", ObjectType)
	ByteArrayType       = newBuiltinType("bytearray", ObjectType)
)

// BuiltinFunc is the Go signature of functions exposed to Python.
type BuiltinFunc = func(t *Thread, self Object, args []Object, kwnames []string) (Object, error)

// AddMethod adds a method implemented in Go to a built-in type.
func (t *Type) AddMethod(name string, fn BuiltinFunc) {
	t.Dict.SetStr(name, &MethodDescr{Name: name, Owner: t, Fn: fn})
}

// AddClassMethod adds a class method implemented in Go.
func (t *Type) AddClassMethod(name string, fn BuiltinFunc) {
	t.Dict.SetStr(name, &MethodDescr{Name: name, Owner: t, Fn: fn, IsClass: true})
}

// AddStaticMethod adds a static method implemented in Go.
func (t *Type) AddStaticMethod(name string, fn BuiltinFunc) {
	t.Dict.SetStr(name, &MethodDescr{Name: name, Owner: t, Fn: fn, IsStatic: true})
}

// AddGetSet adds a computed attribute.
func (t *Type) AddGetSet(name string, get func(t *Thread, o Object) (Object, error), set func(t *Thread, o, v Object) error) {
	t.Dict.SetStr(name, &GetSetDescr{Name: name, Owner: t, Get: get, Set: set})
}

// AddFunc adds a Go function to a module.
func (m *Module) AddFunc(name string, fn BuiltinFunc) {
	m.dict.SetStr(name, &Builtin{Name: name, Fn: fn, Self: m})
}

var finishOnce sync.Once

// finishTypes completes every built-in type: MRO, inherited slots and the
// dunder wrappers in their dicts.
func finishTypes() {
	finishOnce.Do(func() {
		for _, typ := range builtinTypes {
			if typ == ObjectType {
				continue
			}
			finishType(typ)
		}
		// A built-in type's dict has no __module__ (type.__module__
		// answers "builtins" for it), as in CPython; a module set by the
		// type's own init (types.GenericAlias) stays.
		for _, typ := range builtinTypes {
			addSlotWrappers(typ)
		}
		addIntrospectionDescrs()
	})
}

func init() {
	for _, t := range []*Type{StrType, BytesType, ByteArrayType, ListType, TupleType, DequeType, ArrayType} {
		t.seqConcat = true
	}
}

// addSlotWrappers exposes a built-in type's slots as dunder methods
// (int.__add__, object.__init__, ...), where the type defines the slot
// itself (not merely inherits it).
func addSlotWrappers(typ *Type) {
	var base *Type
	if len(typ.MRO()) > 1 {
		base = typ.MRO()[1]
	}
	// own reports whether typ defines the slot itself. A nil func in an
	// interface is not a nil interface, so compare code pointers.
	own := func(get func(*Type) any) bool {
		p := funcPtr(get(typ))
		if p == 0 {
			return false
		}
		return base == nil || p != funcPtr(get(base))
	}
	add := func(name string, fn BuiltinFunc) {
		if typ.Dict.GetStr(name) == nil {
			typ.Dict.SetStr(name, &MethodDescr{Name: name, Owner: typ, Fn: fn, slot: true})
		}
	}
	// addNoArgs adds a wrapper of a slot that takes no arguments, with
	// the checks of CPython's slot wrappers (wrap_unaryfunc, wrap_lenfunc,
	// ...): "expected 0 arguments, got 1".
	addNoArgs := func(name string, fn BuiltinFunc) {
		add(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if len(args) != 0 {
				if len(kw) != 0 {
					return nil, TypeErrorf("wrapper %s() takes no keyword arguments", name)
				}
				return nil, TypeErrorf("expected 0 arguments, got %d", len(args))
			}
			return fn(t, self, args, kw)
		})
	}
	if own(func(x *Type) any { return LoadPtr(&x.Repr) }) {
		addNoArgs("__repr__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			return LoadPtr(&typ.Repr)(t, self)
		})
	}
	if own(func(x *Type) any { return LoadPtr(&x.Str) }) {
		addNoArgs("__str__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			return LoadPtr(&typ.Str)(t, self)
		})
	}
	if own(func(x *Type) any { return LoadPtr(&x.Hash) }) {
		addNoArgs("__hash__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			h, err := LoadPtr(&typ.Hash)(t, self)
			return Int(h), err
		})
	}
	if own(func(x *Type) any { return LoadPtr(&x.Init) }) {
		add("__init__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			return None, LoadPtr(&typ.Init)(t, self, args, kw)
		})
	}
	if own(func(x *Type) any { return LoadPtr(&x.New) }) {
		nf := LoadPtr(&typ.New)
		typ.Dict.SetStr("__new__", &Builtin{Name: "__new__", Qualname: typ.Name() + ".__new__", Self: typ, Fn: func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if len(args) == 0 {
				return nil, TypeErrorf("%s.__new__(): not enough arguments", typ.Name())
			}
			sub, ok := args[0].(*Type)
			if !ok {
				return nil, TypeErrorf("%s.__new__(X): X is not a type object (%s)", typ.Name(), typeName(args[0]))
			}
			if !sub.IsSubtype(typ) {
				return nil, TypeErrorf("%s.__new__(%s): %s is not a subtype of %s", typ.Name(), sub.Name(), sub.Name(), typ.Name())
			}
			// CPython's tp_new_wrapper refuses object.__new__(dict) and
			// the like: the most derived non-Python __new__ of sub must
			// be this one.
			static := sub
			for static != nil && funcPtr(LoadPtr(&static.New)) == funcPtr(NewFunc(slotNew)) {
				static = static.Base()
			}
			if static != nil && funcPtr(LoadPtr(&static.New)) != funcPtr(nf) {
				return nil, TypeErrorf("%s.__new__(%s) is not safe, use %s.__new__()", typ.Name(), sub.Name(), static.Name())
			}
			return nf(t, sub, args[1:], kw)
		}})
	}
	if own(func(x *Type) any { return LoadPtr(&x.RichCompare) }) {
		for op, name := range cmpDunders {
			op := CompareOp(op)
			add(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
				if len(args) != 1 {
					return nil, TypeErrorf("expected 1 argument, got %d", len(args))
				}
				return LoadPtr(&typ.RichCompare)(t, self, args[0], op)
			})
		}
	}
	if own(func(x *Type) any { return LoadPtr(&x.GetAttr) }) || typ == ObjectType {
		add("__getattribute__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if len(args) != 1 {
				return nil, TypeErrorf("expected 1 argument, got %d", len(args))
			}
			name, ok := args[0].(*Str)
			if !ok {
				return nil, TypeErrorf("attribute name must be string, not '%s'", typeName(args[0]))
			}
			if LoadPtr(&typ.GetAttr) != nil && typ != ObjectType {
				return LoadPtr(&typ.GetAttr)(t, self, name)
			}
			return GenericGetAttr(t, self, name)
		})
	}
	if own(func(x *Type) any { return LoadPtr(&x.SetAttr) }) || typ == ObjectType {
		add("__setattr__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if len(args) != 2 {
				return nil, TypeErrorf(" expected 2 arguments, got %d", len(args)) // sic: CPython unpacks with an empty name
			}
			name, ok := args[0].(*Str)
			if !ok {
				return nil, TypeErrorf("attribute name must be string, not '%s'", typeName(args[0]))
			}
			if LoadPtr(&typ.SetAttr) != nil && typ != ObjectType {
				return None, LoadPtr(&typ.SetAttr)(t, self, name, args[1])
			}
			return None, GenericSetAttr(t, self, name, args[1])
		})
		add("__delattr__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if len(args) != 1 {
				return nil, TypeErrorf("expected 1 argument, got %d", len(args))
			}
			name, ok := args[0].(*Str)
			if !ok {
				return nil, TypeErrorf("attribute name must be string, not '%s'", typeName(args[0]))
			}
			if LoadPtr(&typ.SetAttr) != nil && typ != ObjectType {
				return None, LoadPtr(&typ.SetAttr)(t, self, name, nil)
			}
			return None, GenericSetAttr(t, self, name, nil)
		})
	}
	if own(func(x *Type) any { return LoadPtr(&x.Len) }) {
		addNoArgs("__len__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			n, err := LoadPtr(&typ.Len)(t, self)
			return Int(n), err
		})
	}
	if own(func(x *Type) any { return LoadPtr(&x.Iter) }) {
		addNoArgs("__iter__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			return LoadPtr(&typ.Iter)(t, self)
		})
	}
	if own(func(x *Type) any { return LoadPtr(&x.Next) }) {
		addNoArgs("__next__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			v, err := LoadPtr(&typ.Next)(t, self)
			if err == nil && v == nil {
				return nil, NewException(StopIterationType)
			}
			return v, err
		})
	}
	if own(func(x *Type) any { return LoadPtr(&x.GetItem) }) {
		add("__getitem__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if len(args) != 1 {
				return nil, TypeErrorf("expected 1 argument, got %d", len(args))
			}
			return LoadPtr(&typ.GetItem)(t, self, args[0])
		})
	}
	if own(func(x *Type) any { return LoadPtr(&x.SetItem) }) {
		add("__setitem__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if len(args) != 2 {
				return nil, TypeErrorf(" expected 2 arguments, got %d", len(args)) // sic: CPython unpacks with an empty name
			}
			return None, LoadPtr(&typ.SetItem)(t, self, args[0], args[1])
		})
		add("__delitem__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if len(args) != 1 {
				return nil, TypeErrorf("expected 1 argument, got %d", len(args))
			}
			return None, LoadPtr(&typ.SetItem)(t, self, args[0], nil)
		})
	}
	if own(func(x *Type) any { return LoadPtr(&x.Contains) }) {
		add("__contains__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if len(args) != 1 {
				return nil, TypeErrorf("expected 1 argument, got %d", len(args))
			}
			b, err := LoadPtr(&typ.Contains)(t, self, args[0])
			return Bool(b), err
		})
	}
	if own(func(x *Type) any { return LoadPtr(&x.Bool) }) {
		addNoArgs("__bool__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			b, err := LoadPtr(&typ.Bool)(t, self)
			return Bool(b), err
		})
	}
	if own(func(x *Type) any { return LoadPtr(&x.DescrGet) }) {
		add("__get__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if len(args) < 1 {
				return nil, TypeErrorf("expected at least 1 argument")
			}
			obj := args[0]
			if obj == None {
				obj = nil
			}
			var ty *Type
			if len(args) > 1 {
				ty, _ = args[1].(*Type)
			}
			return LoadPtr(&typ.DescrGet)(t, self, obj, ty)
		})
	}
	if own(func(x *Type) any { return LoadPtr(&x.DescrSet) }) {
		// ssl.SSLContext's properties call the C getset's __set__ directly
		add("__set__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if len(args) != 2 {
				return nil, TypeErrorf("expected 2 arguments, got %d", len(args))
			}
			return None, LoadPtr(&typ.DescrSet)(t, self, args[0], args[1])
		})
		add("__delete__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if len(args) != 1 {
				return nil, TypeErrorf("expected 1 argument, got %d", len(args))
			}
			return None, LoadPtr(&typ.DescrSet)(t, self, args[0], nil)
		})
	}
	if own(func(x *Type) any { return LoadPtr(&x.Call) }) {
		add("__call__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			return LoadPtr(&typ.Call)(t, self, args, kw)
		})
	}
	for op := 0; op < numBinary; op++ {
		op := op
		if !own(func(x *Type) any { return LoadPtr(&x.Num[op]) }) {
			continue
		}
		names := binaryNames[op]
		if op == NbPow {
			// __pow__(other, mod=None) and __rpow__(other, mod=None)
			add(names.dunder, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
				if err := ternaryWrapperArgs(args); err != nil {
					return nil, err
				}
				return slotPow(t, typ, self, args[0], args[1:])
			})
			add(names.rdunder, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
				if err := ternaryWrapperArgs(args); err != nil {
					return nil, err
				}
				return slotPow(t, typ, args[0], self, args[1:])
			})
			continue
		}
		// A sequence's * is its repeat slot, whose wrapper CPython
		// unpacks with an empty name: its message starts with a space.
		pre := ""
		if op == NbMul && typ.seqConcat {
			pre = " "
		}
		add(names.dunder, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if len(args) != 1 {
				return nil, TypeErrorf("%sexpected 1 argument, got %d", pre, len(args))
			}
			r, err := LoadPtr(&typ.Num[op])(t, self, args[0])
			if r == NotImplemented && typ.seqConcat && (op == NbAdd || op == NbMul) {
				return nil, seqWrapperError(t, typ, op, self, args[0])
			}
			return r, err
		})
		if op == NbAdd && typ.seqConcat {
			continue
		}
		add(names.rdunder, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if len(args) != 1 {
				return nil, TypeErrorf("%sexpected 1 argument, got %d", pre, len(args))
			}
			r, err := LoadPtr(&typ.Num[op])(t, args[0], self)
			if r == NotImplemented && typ.seqConcat && (op == NbAdd || op == NbMul) {
				return nil, seqWrapperError(t, typ, op, self, args[0])
			}
			return r, err
		})
	}
	for op := 0; op < numBinary; op++ {
		op := op
		if !own(func(x *Type) any { return LoadPtr(&x.INum[op]) }) {
			continue
		}
		name := binaryNames[op].idunder
		pre := ""
		if op == NbMul && typ.seqConcat {
			pre = " "
		}
		add(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if len(args) != 1 {
				return nil, TypeErrorf("%sexpected 1 argument, got %d", pre, len(args))
			}
			return LoadPtr(&typ.INum[op])(t, self, args[0])
		})
	}
	unary := func(name string, get func(*Type) UnaryFunc) {
		if own(func(x *Type) any { return get(x) }) {
			addNoArgs(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) { return get(typ)(t, self) })
		}
	}
	unary("__neg__", func(x *Type) UnaryFunc { return LoadPtr(&x.Neg) })
	unary("__pos__", func(x *Type) UnaryFunc { return LoadPtr(&x.Pos) })
	unary("__abs__", func(x *Type) UnaryFunc { return LoadPtr(&x.Abs) })
	unary("__invert__", func(x *Type) UnaryFunc { return LoadPtr(&x.Invert) })
	unary("__index__", func(x *Type) UnaryFunc { return LoadPtr(&x.Index) })
	unary("__int__", func(x *Type) UnaryFunc { return LoadPtr(&x.Int) })
	unary("__float__", func(x *Type) UnaryFunc { return LoadPtr(&x.Float) })
}

// ternaryWrapperArgs checks the arguments of __pow__/__rpow__ (one or
// two) with CPython's wording for them, which begins with a space.
func ternaryWrapperArgs(args []Object) error {
	switch {
	case len(args) < 1:
		return TypeErrorf(" expected at least 1 argument, got %d", len(args))
	case len(args) > 2:
		return TypeErrorf(" expected at most 2 arguments, got %d", len(args))
	}
	return nil
}

// slotPow is a built-in type's power slot called as a method: a ** b, or
// pow(a, b, mod) when mod is given and not None (NotImplemented when the
// type has no three-argument form).
func slotPow(t *Thread, typ *Type, a, b Object, mod []Object) (Object, error) {
	if len(mod) == 0 || mod[0] == None {
		return LoadPtr(&typ.Num[NbPow])(t, a, b)
	}
	if LoadPtr(&typ.Pow3) == nil {
		return NotImplemented, nil
	}
	return LoadPtr(&typ.Pow3)(t, a, b, mod[0])
}

// sameFunc compares two slot values by their code pointer.
func sameFunc(a, b any) bool {
	return funcPtr(a) == funcPtr(b)
}

// ---- the builtins module ----

func initBuiltins(in *Interp) {
	finishTypes()
	m := NewModule("builtins")
	d := m.dict
	for _, typ := range []*Type{ObjectType, TypeType, IntType, BoolType, FloatType, ComplexType, StrType, TupleType, ListType,
		DictType, SetType, FrozenSetType, RangeType, SliceType, BytesType, ByteArrayType, PropertyType, ClassMethodType,
		StaticMethodType, SuperType} {
		d.SetStr(typ.Name(), typ)
	}
	for _, et := range excTypes {
		d.SetStr(et.Name(), et)
	}
	d.SetStr("EnvironmentError", OSErrorType)
	d.SetStr("IOError", OSErrorType)
	d.SetStr("None", None)
	d.SetStr("True", True)
	d.SetStr("False", False)
	d.SetStr("NotImplemented", NotImplemented)
	d.SetStr("Ellipsis", Ellipsis)
	d.SetStr("__debug__", True)
	d.SetStr("__build_class__", &Builtin{Name: "__build_class__", Doc: builtinFuncDoc("__build_class__"), Fn: buildClass})
	for name, fn := range builtinFuncs {
		m.AddFunc(name, fn)
	}
	installExtraBuiltins(m) // builtins_more.go: min, max, sum, iterator types, ...
	in.Builtins = m
	m.native.Store(true)
	in.Modules.SetStr("builtins", m)
}

var builtinFuncs = map[string]BuiltinFunc{
	"print": builtinPrint,
	"len":   builtinLen,
	"repr": func(t *Thread, _ Object, a []Object, kw []string) (Object, error) {
		return oneArg(t, "repr", a, kw, func(o Object) (Object, error) { return Repr(t, o) })
	},
	"ascii": func(t *Thread, _ Object, a []Object, kw []string) (Object, error) {
		return oneArg(t, "ascii", a, kw, func(o Object) (Object, error) { return Ascii(t, o) })
	},
	"hash": func(t *Thread, _ Object, a []Object, kw []string) (Object, error) {
		return oneArg(t, "hash", a, kw, func(o Object) (Object, error) { h, err := Hash(t, o); return Int(h), err })
	},
	"id": func(t *Thread, _ Object, a []Object, kw []string) (Object, error) {
		return oneArg(t, "id", a, kw, func(o Object) (Object, error) { return Int(Id(o)), nil })
	},
	"iter":       builtinIter,
	"next":       builtinNext,
	"isinstance": builtinIsinstance,
	"issubclass": builtinIssubclass,
	"getattr":    builtinGetattr,
	"setattr":    builtinSetattr,
	"hasattr":    builtinHasattr,
	"delattr":    builtinDelattr,
	"callable": func(t *Thread, _ Object, a []Object, kw []string) (Object, error) {
		return oneArg(t, "callable", a, kw, func(o Object) (Object, error) { return Bool(isCallable(o)), nil })
	},
	"abs":     builtinAbs,
	"chr":     builtinChr,
	"ord":     builtinOrd,
	"globals": func(t *Thread, _ Object, a []Object, kw []string) (Object, error) { return t.frame.globals, nil },
	"locals": func(t *Thread, _ Object, a []Object, kw []string) (Object, error) {
		return frameLocals(t, t.frame), nil
	},
	"exec": func(t *Thread, _ Object, a []Object, kw []string) (Object, error) {
		return builtinExecEval(t, a, kw, "exec")
	},
	"eval": func(t *Thread, _ Object, a []Object, kw []string) (Object, error) {
		return builtinExecEval(t, a, kw, "eval")
	},
	"compile":    builtinCompile,
	"__import__": builtinImport,
	"input":      builtinInput,
	"format":     builtinFormat,
	"sorted":     builtinSorted,
	"open":       ioOpen,
}

// builtinLen is len(o). It is among the most called built-ins, so it
// skips oneArg's closure and boxes through the thread (no convT64 for a
// length above 255).
func builtinLen(t *Thread, _ Object, a []Object, kw []string) (Object, error) {
	if len(a) != 1 || len(kw) != 0 {
		return nil, oneArgCheck("len", a, kw)
	}
	n, err := Len(t, a[0])
	if err != nil {
		return nil, err
	}
	return t.boxInt(int64(n)), nil
}

// builtinAbs is abs(o). An int or a float is answered here, without
// oneArg's closure and the type's Abs slot (about 150 instructions of
// calls for abs(i)); anything else, bool and subclasses too, goes
// through the slot.
func builtinAbs(t *Thread, _ Object, a []Object, kw []string) (Object, error) {
	if len(a) != 1 || len(kw) != 0 {
		return nil, oneArgCheck("abs", a, kw)
	}
	switch x := a[0].(type) {
	case Int:
		if x >= 0 {
			return a[0], nil // CPython too returns the int itself
		}
		if x != math.MinInt64 {
			return t.boxInt(int64(-x)), nil
		}
	case Float:
		return t.boxFloat(math.Abs(float64(x))), nil
	}
	o := a[0]
	return UnaryOp(t, o, LoadPtr(&o.Type().Abs), "abs()")
}

func oneArg(t *Thread, name string, args []Object, kw []string, fn func(Object) (Object, error)) (Object, error) {
	if len(kw) > 0 {
		return nil, TypeErrorf("%s() takes no keyword arguments", name)
	}
	if len(args) != 1 {
		return nil, TypeErrorf("%s() takes exactly one argument (%d given)", name, len(args))
	}
	return fn(args[0])
}

func isCallable(o Object) bool {
	switch o.(type) {
	case *Function, *Builtin, *Method, *Type:
		return true
	}
	return LoadPtr(&o.Type().Call) != nil
}

func builtinPrint(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	npos := len(args) - len(kw)
	sep, end := " ", "\n"
	var file Object
	flush := false
	for i, k := range kw {
		v := args[npos+i]
		switch k {
		case "sep":
			if v != None {
				s, ok := v.(*Str)
				if !ok {
					return nil, TypeErrorf("sep must be None or a string, not %s", typeName(v))
				}
				sep = s.s
			}
		case "end":
			if v != None {
				s, ok := v.(*Str)
				if !ok {
					return nil, TypeErrorf("end must be None or a string, not %s", typeName(v))
				}
				end = s.s
			}
		case "file":
			if v != None {
				file = v
			}
		case "flush":
			b, err := IsTrue(t, v)
			if err != nil {
				return nil, err
			}
			flush = b
		default:
			return nil, TypeErrorf("'%s' is an invalid keyword argument for print()", k)
		}
	}
	var b strings.Builder
	for i, a := range args[:npos] {
		if i > 0 {
			b.WriteString(sep)
		}
		s, err := StrOf(t, a)
		if err != nil {
			return nil, err
		}
		b.WriteString(s.s)
	}
	b.WriteString(end)
	if file == nil {
		file = t.interp.Sys.dict.GetStr("stdout")
		if file == nil || file == None {
			return None, nil
		}
	}
	if err := WriteTo(t, file, b.String()); err != nil {
		return nil, err
	}
	if flush {
		if _, err := CallMethod(t, file, "flush"); err != nil {
			return nil, err
		}
	}
	return None, nil
}

// WriteTo writes text to a file object (fast path for freepy's own stdio).
func WriteTo(t *Thread, file Object, s string) error {
	if ok, err := ioWriteFast(t, file, s); ok {
		return err
	}
	_, err := CallMethod(t, file, "write", NewStr(s))
	return err
}

func builtinIter(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	if len(kw) > 0 {
		return nil, TypeErrorf("iter() takes no keyword arguments")
	}
	switch len(args) {
	case 1:
		return Iter(t, args[0])
	case 2:
		if !isCallable(args[0]) {
			return nil, TypeErrorf("iter(v, w): v must be callable")
		}
		return &callIter{fn: args[0], sentinel: args[1]}, nil
	}
	return nil, TypeErrorf("iter expected at most 2 arguments, got %d", len(args))
}

func builtinNext(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	if len(args) < 1 || len(args) > 2 {
		return nil, TypeErrorf("next expected at least 1 argument, got %d", len(args))
	}
	it := args[0]
	if LoadPtr(&it.Type().Next) == nil {
		return nil, TypeErrorf("'%s' object is not an iterator", typeName(it))
	}
	v, err := Next(t, it)
	if err != nil {
		if len(args) == 2 && IsInstanceOf(err, StopIterationType) {
			return args[1], nil
		}
		return nil, err
	}
	if v == nil {
		if len(args) == 2 {
			return args[1], nil
		}
		return nil, NewException(StopIterationType)
	}
	return v, nil
}

// IsInstanceFull is isinstance() with tuples and __instancecheck__.
func IsInstanceFull(t *Thread, o, cls Object) (bool, error) {
	switch c := cls.(type) {
	case *Type:
		if o.Type().IsSubtype(c) {
			return true, nil
		}
		if c.Type() != TypeType {
			if r, found, err := callSpecial(t, c, "__instancecheck__", o); found {
				if err != nil {
					return false, err
				}
				return IsTrue(t, r)
			}
		}
		if in, ok := o.(*Instance); ok {
			if cl, _ := GetAttrOpt(t, in, Intern("__class__")); cl != nil && cl != Object(LoadPtr(&in.typ)) {
				if ct, ok := cl.(*Type); ok {
					return ct.IsSubtype(c), nil
				}
			}
		}
		return false, nil
	case *Tuple:
		for _, x := range c.items {
			r, err := IsInstanceFull(t, o, x)
			if err != nil || r {
				return r, err
			}
		}
		return false, nil
	case *Union:
		return IsInstanceFull(t, o, c.Args)
	}
	if r, found, err := callSpecial(t, cls, "__instancecheck__", o); found {
		if err != nil {
			return false, err
		}
		return IsTrue(t, r)
	}
	return false, TypeErrorf("isinstance() arg 2 must be a type, a tuple of types, or a union")
}

func builtinIsinstance(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	if len(args) != 2 {
		return nil, TypeErrorf("isinstance expected 2 arguments, got %d", len(args))
	}
	r, err := IsInstanceFull(t, args[0], args[1])
	return Bool(r), err
}

// IsSubclassFull is issubclass() with tuples and __subclasscheck__.
func IsSubclassFull(t *Thread, c, cls Object) (bool, error) {
	switch k := cls.(type) {
	case *Tuple:
		for _, x := range k.items {
			r, err := IsSubclassFull(t, c, x)
			if err != nil || r {
				return r, err
			}
		}
		return false, nil
	case *Union:
		return IsSubclassFull(t, c, k.Args)
	case *Type:
		if k.Type() != TypeType {
			if r, found, err := callSpecial(t, k, "__subclasscheck__", c); found {
				if err != nil {
					return false, err
				}
				return IsTrue(t, r)
			}
		}
		ct, ok := c.(*Type)
		if !ok {
			return false, TypeErrorf("issubclass() arg 1 must be a class")
		}
		return ct.IsSubtype(k), nil
	}
	if r, found, err := callSpecial(t, cls, "__subclasscheck__", c); found {
		if err != nil {
			return false, err
		}
		return IsTrue(t, r)
	}
	return false, TypeErrorf("issubclass() arg 2 must be a class, a tuple of classes, or a union")
}

func builtinIssubclass(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	if len(args) != 2 {
		return nil, TypeErrorf("issubclass expected 2 arguments, got %d", len(args))
	}
	r, err := IsSubclassFull(t, args[0], args[1])
	return Bool(r), err
}

func attrName(o Object, fn string) (*Str, error) {
	s, ok := o.(*Str)
	if !ok {
		if in, isInst := o.(*Instance); isInst {
			if bs, ok := in.Base.(*Str); ok {
				return bs, nil
			}
		}
		return nil, TypeErrorf("attribute name must be string, not '%s'", typeName(o))
	}
	return s, nil
}

func builtinGetattr(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	if len(args) < 2 || len(args) > 3 {
		return nil, TypeErrorf("getattr expected at least 2 arguments, got %d", len(args))
	}
	name, err := attrName(args[1], "getattr")
	if err != nil {
		return nil, err
	}
	v, err := GetAttr(t, args[0], name)
	if err != nil && len(args) == 3 && IsInstanceOf(err, AttributeErrorType) {
		return args[2], nil
	}
	return v, err
}

func builtinSetattr(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	if len(args) != 3 {
		return nil, TypeErrorf("setattr expected 3 arguments, got %d", len(args))
	}
	name, err := attrName(args[1], "setattr")
	if err != nil {
		return nil, err
	}
	return None, SetAttr(t, args[0], name, args[2])
}

func builtinHasattr(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	if len(args) != 2 {
		return nil, TypeErrorf("hasattr expected 2 arguments, got %d", len(args))
	}
	name, err := attrName(args[1], "hasattr")
	if err != nil {
		return nil, err
	}
	_, err = GetAttr(t, args[0], name)
	if err != nil {
		if IsInstanceOf(err, AttributeErrorType) {
			return False, nil
		}
		return nil, err
	}
	return True, nil
}

func builtinDelattr(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	if len(args) != 2 {
		return nil, TypeErrorf("delattr expected 2 arguments, got %d", len(args))
	}
	name, err := attrName(args[1], "delattr")
	if err != nil {
		return nil, err
	}
	return None, SetAttr(t, args[0], name, nil)
}

func builtinChr(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	return oneArg(t, "chr", args, kw, func(o Object) (Object, error) {
		if !isIntLike(o) && LoadPtr(&o.Type().Index) == nil {
			return nil, TypeErrorf("'%s' object cannot be interpreted as an integer", typeName(o))
		}
		v, err := AsInt64(t, o)
		if err != nil {
			return nil, err
		}
		if v < 0 || v > 0x10ffff {
			return nil, ValueErrorf("chr() arg not in range(0x110000)")
		}
		return strFromRune(rune(v)), nil
	})
}

func builtinOrd(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	return oneArg(t, "ord", args, kw, func(o Object) (Object, error) {
		switch x := unwrap(o).(type) {
		case *Str:
			if x.n != 1 {
				return nil, TypeErrorf("ord() expected a character, but string of length %d found", x.n)
			}
			return Int(x.At(0)), nil
		case *Bytes:
			if len(x.b) != 1 {
				return nil, TypeErrorf("ord() expected a character, but string of length %d found", len(x.b))
			}
			return Int(x.b[0]), nil
		case *ByteArray:
			b := x.snapshot()
			if len(b) != 1 {
				return nil, TypeErrorf("ord() expected a character, but string of length %d found", len(b))
			}
			return Int(b[0]), nil
		}
		return nil, TypeErrorf("ord() expected string of length 1, but %s found", typeName(o))
	})
}

func builtinFormat(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	var v, spec Object
	if err := ParseArgs("format", args, kw, []string{"", ""}, 1, &v, &spec); err != nil {
		return nil, err
	}
	s := Intern("")
	if spec != nil {
		ss, ok := unwrap(spec).(*Str) // a str subclass formats as its str
		if !ok {
			return nil, TypeErrorf("format() argument 2 must be str, not %s", typeName(spec))
		}
		s = ss
	}
	return Format(t, v, s)
}

func builtinSorted(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	npos := len(args) - len(kw)
	if npos != 1 {
		return nil, TypeErrorf("sorted expected 1 argument, got %d", npos)
	}
	items, err := ToSlice(t, args[0])
	if err != nil {
		return nil, err
	}
	l := NewList(items...)
	if err := listSort(t, l, args[npos:], kw); err != nil {
		return nil, err
	}
	return l, nil
}

// listSort sorts l in place (stable), with key= and reverse=.
func listSort(t *Thread, l *List, kwvals []Object, kw []string) error {
	var key Object
	reverse := false
	for i, k := range kw {
		switch k {
		case "key":
			if kwvals[i] != None {
				key = kwvals[i]
			}
		case "reverse":
			b, err := IsTrue(t, kwvals[i])
			if err != nil {
				return err
			}
			reverse = b
		default:
			return TypeErrorf("'%s' is an invalid keyword argument for sort()", k)
		}
	}
	// the sort itself (stability with reverse, mutation detection) is
	// list.sort's, in list_methods.go
	return listSortInPlace(t, l, key, reverse)
}

func builtinExecEval(t *Thread, args []Object, kw []string, mode string) (Object, error) {
	var src, g, l, closure Object
	if mode == "exec" {
		// closure= is keyword-only
		if npos := len(args) - len(kw); npos > 3 {
			return nil, TypeErrorf("exec() takes at most 3 positional arguments (%d given)", npos)
		}
		if err := ParseArgs(mode, args, kw, []string{"", "globals", "locals", "closure"}, 1, &src, &g, &l, &closure); err != nil {
			return nil, err
		}
	} else if err := ParseArgs(mode, args, kw, []string{"", "globals", "locals"}, 1, &src, &g, &l); err != nil {
		return nil, err
	}
	var globals *Dict
	var locals Object
	caller := t.frame
	if g == nil || g == None {
		globals = caller.globals
		if l == nil || l == None {
			locals = frameLocals(t, caller)
		}
	} else {
		gd, ok := g.(*Dict)
		if !ok {
			return nil, TypeErrorf("%s() globals must be a dict, not %s", mode, typeName(g))
		}
		globals = gd
	}
	if l != nil && l != None {
		locals = l
	}
	if locals == nil {
		locals = globals
	}
	var code *Code
	switch s := src.(type) {
	case *Code:
		code = s
	case *Str, *Bytes:
		var text []byte
		if ss, ok := s.(*Str); ok {
			text = []byte(ss.s)
		} else {
			text = s.(*Bytes).b
		}
		m := syntax.ModeExec
		if mode == "eval" {
			m = syntax.ModeEval
			text = []byte(strings.TrimLeft(string(text), " \t"))
		}
		if err := checkNoNull(text); err != nil {
			return nil, err
		}
		if err := Audit(t, "compile", NewBytes(text), NewStr("<string>")); err != nil {
			return nil, err
		}
		var c *Code
		var err error
		if _, isStr := s.(*Str); isStr {
			c, err = compileText(t, string(text), "<string>", m, compile.Flags{})
		} else {
			c, err = CompileSource(t, text, "<string>", m, compile.Flags{})
		}
		if err != nil {
			return nil, err
		}
		code = c
	default:
		if mode == "eval" {
			return nil, TypeErrorf("eval() arg 1 must be a string, bytes or code object")
		}
		return nil, TypeErrorf("exec() arg 1 must be a string, bytes or code object")
	}
	if err := Audit(t, "exec", code); err != nil {
		return nil, err
	}
	cells, err := execClosure(mode, src, code, closure)
	if err != nil {
		return nil, err
	}
	r, err := t.execCodeClosure(code, globals, locals, cells)
	if err != nil {
		return nil, err
	}
	if mode == "exec" {
		return None, nil
	}
	return r, nil
}

// execClosure checks exec()'s closure= against the code's free
// variables: a code object with free variables runs only with a tuple of
// exactly that many cells, and eval() cannot supply one.
func execClosure(mode string, src Object, code *Code, closure Object) ([]*Cell, error) {
	if closure == None {
		closure = nil
	}
	if closure != nil {
		if _, ok := src.(*Code); !ok {
			return nil, TypeErrorf("closure can only be used when source is a code object")
		}
	}
	n := len(code.Freevars)
	if n == 0 {
		if closure != nil {
			return nil, TypeErrorf("cannot use a closure with this code object")
		}
		return nil, nil
	}
	if mode == "eval" {
		return nil, TypeErrorf("code object passed to eval() may not contain free variables")
	}
	tup, ok := closure.(*Tuple)
	if ok && len(tup.items) == n {
		cells := make([]*Cell, n)
		for i, c := range tup.items {
			if cells[i], ok = c.(*Cell); !ok {
				break
			}
		}
		if ok {
			return cells, nil
		}
	}
	return nil, TypeErrorf("code object requires a closure of exactly length %d", n)
}

func builtinImport(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	var name, g, l, fromlist, level Object
	if err := ParseArgs("__import__", args, kw, []string{"name", "globals", "locals", "fromlist", "level"}, 1, &name, &g, &l, &fromlist, &level); err != nil {
		return nil, err
	}
	s, ok := name.(*Str)
	if !ok {
		return nil, TypeErrorf("__import__() argument 1 must be str, not %s", typeName(name))
	}
	gd, _ := g.(*Dict)
	lv := 0
	if level != nil {
		v, err := AsInt64(t, level)
		if err != nil {
			return nil, err
		}
		lv = int(v)
	}
	// call the machinery directly (not through builtins.__import__ again)
	saved := t.interp.Builtins.dict.GetStr("__import__")
	_ = saved
	return t.importDirect(s.s, gd, fromlist, lv)
}

// importDirect is Import without the builtins.__import__ indirection.
func (t *Thread) importDirect(name string, globals *Dict, fromlist Object, level int) (Object, error) {
	imp := t.interp.Builtins.dict.GetStr("__import__")
	t.interp.Builtins.dict.SetStr("__import__", &Builtin{Name: "__import__", Fn: builtinImport})
	defer func() {
		if imp != nil {
			t.interp.Builtins.dict.SetStr("__import__", imp)
		}
	}()
	return t.Import(name, globals, fromlist, level)
}

func builtinInput(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	if len(args) > 1 {
		return nil, TypeErrorf("input expected at most 1 argument, got %d", len(args))
	}
	// a missing or None stream is CPython's RuntimeError, stdin first
	in := t.interp.Sys.dict.GetStr("stdin")
	if in == nil || in == None {
		return nil, NewError(RuntimeErrorType, "input(): lost sys.stdin")
	}
	out := t.interp.Sys.dict.GetStr("stdout")
	if out == nil || out == None {
		return nil, NewError(RuntimeErrorType, "input(): lost sys.stdout")
	}
	if errf := t.interp.Sys.dict.GetStr("stderr"); errf != nil && errf != None {
		_, _ = CallMethod(t, errf, "flush")
	}
	if len(args) == 1 {
		s, err := StrString(t, args[0])
		if err != nil {
			return nil, err
		}
		if err := WriteTo(t, out, s); err != nil {
			return nil, err
		}
	}
	// a stdout that cannot flush is not an error (CPython clears it)
	_, _ = CallMethod(t, out, "flush")
	r, err := CallMethod(t, in, "readline")
	if err != nil {
		return nil, err
	}
	s, err := StrString(t, r)
	if err != nil {
		return nil, err
	}
	if s == "" {
		return nil, NewError(EOFErrorType, "EOF when reading a line")
	}
	return NewStr(strings.TrimSuffix(s, "\n")), nil
}

// seqWrapperError is what a sequence's __add__, __mul__ or __rmul__
// called directly raises where its slot declined: CPython's wrappers call
// the concat and repeat functions, which refuse the operand themselves
// instead of returning NotImplemented as the + and * operators see it.
func seqWrapperError(t *Thread, typ *Type, op int, self, other Object) error {
	if op == NbMul {
		n, err := Index(t, other)
		if err != nil {
			return err
		}
		if _, small := n.(Int); !small {
			return Errorf(OverflowErrorType, "cannot fit 'int' into an index-sized integer")
		}
	}
	if op == NbAdd && (typ == BytesType || typ == ByteArrayType) {
		return binaryOpError(self, other, op)
	}
	if op == NbAdd && typ == ArrayType {
		return TypeErrorf("can only append array (not \"%s\") to array", typeName(other))
	}
	if op == NbAdd {
		return TypeErrorf("can only concatenate %s (not \"%s\") to %s", typ.Name(), typeName(other), typ.Name())
	}
	return TypeErrorf("unsupported operand type(s) for %s: '%s' and '%s'", binaryNames[op].op, typ.Name(), typeName(other))
}
