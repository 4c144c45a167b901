package py

// Methods of object and type that Python code calls directly.
func init() {
	o := ObjectType
	o.AddClassMethod("__init_subclass__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount(self.(*Type).Name()+".__init_subclass__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return None, nil
	})
	o.AddClassMethod("__subclasshook__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return NotImplemented, nil
	})
	o.AddMethod("__format__", objectFormat)
	o.AddMethod("__dir__", dirMethod("object.__dir__"))
	o.AddMethod("__reduce_ex__", objectReduceEx)
	o.AddMethod("__reduce__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("object.__reduce__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return copyregCall(t, "_reduce_ex", self, Int(0))
	})
	o.AddMethod("__getstate__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("object.__getstate__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return objectGetState(t, self)
	})
	o.AddMethod("__sizeof__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("object.__sizeof__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return Int(objectSizeOf(self)), nil
	})
	o.AddGetSet("__class__", func(t *Thread, self Object) (Object, error) { return self.Type(), nil },
		func(t *Thread, self, v Object) error {
			if v == nil {
				return TypeErrorf("can't delete __class__ attribute")
			}
			if m, ok := self.(*Module); ok {
				return setModuleClass(m, v)
			}
			nt, ok := v.(*Type)
			if !ok {
				return TypeErrorf("__class__ must be set to a class, not '%s' object", typeName(v))
			}
			in, ok := self.(*Instance)
			if !ok || !nt.isHeap() || !self.Type().isHeap() {
				return TypeErrorf("__class__ assignment only supported for mutable types or ModuleType subclasses")
			}
			in.setType(nt)
			return nil
		})
	o.AddGetSet("__dict__", func(t *Thread, self Object) (Object, error) {
		if d := instanceDict(self); d != nil {
			return d, nil
		}
		return nil, Errorf(AttributeErrorType, "'%s' object has no attribute '__dict__'", typeName(self))
	}, func(t *Thread, self, v Object) error {
		if _, ok := self.(*Module); ok {
			// a module's __dict__ is a read-only member in CPython
			return Errorf(AttributeErrorType, "readonly attribute")
		}
		in, ok := self.(*Instance)
		if !ok || LoadPtr(&in.dict) == nil {
			return Errorf(AttributeErrorType, "'%s' object has no attribute '__dict__'", typeName(self))
		}
		if v == nil {
			// del x.__dict__: the next use starts a fresh one
			storePtr(&in.dict, NewDict())
			return nil
		}
		d, ok := v.(*Dict)
		if !ok {
			return TypeErrorf("__dict__ must be set to a dictionary, not a '%s'", typeName(v))
		}
		storePtr(&in.dict, d)
		return nil
	})
	if o.Doc == "" {
		o.Doc = builtinTypeDoc(o)
	}
	o.Dict.SetStr("__doc__", NewStr(o.Doc))

	ty := TypeType
	// type has its own __dir__ and __sizeof__ (a class's dir lists its
	// MRO's names, not the metaclass's)
	ty.AddMethod("__dir__", dirMethod("type.__dir__"))
	ty.AddMethod("__sizeof__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("type.__sizeof__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return Int(objectSizeOf(self)), nil
	})
	ty.AddMethod("mro", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		typ := self.(*Type)
		// CPython names a method bound to a class after the class
		if err := argCount(typ.Qualname()+".mro", args, kw, 0, 0); err != nil {
			return nil, err
		}
		mro, err := computeMRO(typ)
		if err != nil {
			return nil, err
		}
		items := make([]Object, len(mro))
		for i, m := range mro {
			items[i] = m
		}
		return NewList(items...), nil
	})
	ty.AddMethod("__subclasses__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		typ := self.(*Type)
		typ.subMu.Lock()
		defer typ.subMu.Unlock()
		items := make([]Object, len(typ.subclasses))
		for i, s := range typ.subclasses {
			items[i] = s
		}
		return NewList(items...), nil
	})
	ty.AddMethod("__instancecheck__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return Bool(args[0].Type().IsSubtype(self.(*Type))), nil
	})
	ty.AddMethod("__subclasscheck__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		c, ok := args[0].(*Type)
		if !ok {
			return nil, TypeErrorf("issubclass() arg 1 must be a class")
		}
		return Bool(c.IsSubtype(self.(*Type))), nil
	})
	ty.AddClassMethod("__prepare__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return NewDict(), nil
	})
	getters := map[string]func(*Type) Object{
		"__name__":     func(x *Type) Object { return NewStr(x.Name()) },
		"__qualname__": func(x *Type) Object { return NewStr(x.Qualname()) },
		"__mro__": func(x *Type) Object {
			items := make([]Object, len(x.MRO()))
			for i, m := range x.MRO() {
				items[i] = m
			}
			return NewTuple(items...)
		},
		"__bases__": func(x *Type) Object {
			items := make([]Object, len(x.Bases()))
			for i, m := range x.Bases() {
				items[i] = m
			}
			return NewTuple(items...)
		},
		"__base__": func(x *Type) Object {
			if len(x.Bases()) == 0 {
				return None
			}
			if x.isHeap() {
				if b, err := bestBase(x.Bases()); err == nil {
					return b
				}
			}
			return x.Bases()[0]
		},
		"__dict__": func(x *Type) Object { return &MappingProxy{d: x.Dict} },
		"__module__": func(x *Type) Object {
			// a built-in type's dict may hold a __module__ descriptor for
			// its instances (builtin_function_or_method): only a str
			// names the type's own module
			if m := x.Dict.GetStr("__module__"); m != nil {
				if _, isStr := m.(*Str); isStr || x.isHeap() {
					return m
				}
			}
			return NewStr("builtins")
		},
		"__doc__": func(x *Type) Object {
			if d := x.Dict.GetStr("__doc__"); d != nil {
				if _, isGetSet := d.(*GetSetDescr); isGetSet && !x.isHeap() {
					// type's own dict holds the __doc__ descriptor of
					// its instances; type itself has a docstring
					return docObject(builtinTypeDoc(x))
				}
				if get := LoadPtr(&d.Type().DescrGet); get != nil {
					return d
				}
				return d
			}
			return None
		},
		"__flags__":           func(x *Type) Object { return Int(x.pyFlags()) },
		"__abstractmethods__": nil,
		"__text_signature__":  typeTextSig,
	}
	for name, g := range getters {
		if g == nil {
			continue
		}
		g := g
		var set func(t *Thread, self, v Object) error
		switch name {
		case "__name__", "__qualname__", "__module__", "__doc__":
			// writable on heap types (typeSetAttr checks and stores)
			n := Intern(name)
			set = func(t *Thread, self, v Object) error {
				return typeSetAttrNamed(t, self, n, v)
			}
		}
		ty.AddGetSet(name, func(t *Thread, self Object) (Object, error) { return g(self.(*Type)), nil }, set)
	}
	// __annotations__ of a class is its own (PEP 563's 3.10 rule): an
	// empty dict is made and stored on first access rather than one
	// inherited from a base class; built-in types have none.
	ty.AddGetSet("__annotations__", func(t *Thread, self Object) (Object, error) {
		typ := self.(*Type)
		if !typ.isHeap() {
			return nil, Errorf(AttributeErrorType, "type object '%s' has no attribute '__annotations__'", typ.Name())
		}
		name := Intern("__annotations__")
		if v := typ.Dict.GetStr("__annotations__"); v != nil {
			if get := LoadPtr(&v.Type().DescrGet); get != nil {
				return get(t, v, nil, typ)
			}
			return v, nil
		}
		d := NewDict()
		if err := typ.Dict.SetItem(t, name, d); err != nil {
			return nil, err
		}
		typ.modified()
		return d, nil
	}, func(t *Thread, self, v Object) error {
		return typeSetAttrNamed(t, self, Intern("__annotations__"), v)
	})
	ty.AddGetSet("__abstractmethods__", func(t *Thread, self Object) (Object, error) {
		typ := self.(*Type)
		if v := typ.Dict.GetStr("__abstractmethods__"); v != nil && typ != TypeType {
			return v, nil
		}
		return nil, Errorf(AttributeErrorType, "__abstractmethods__")
	}, func(t *Thread, self, v Object) error {
		typ := self.(*Type)
		if v == nil {
			typ.Dict.DelItem(t, Intern("__abstractmethods__"))
			typ.Flags.And(^uint64(FlagAbstract))
			return nil
		}
		typ.Dict.SetStr("__abstractmethods__", v)
		typ.modified()
		if b, _ := IsTrue(t, v); b {
			typ.Flags.Or(FlagAbstract)
		} else {
			typ.Flags.And(^uint64(FlagAbstract))
		}
		return nil
	})
	// an exact dict is read directly; any other mapping (a dict
	// subclass with its own __getitem__ or __missing__, a ChainMap)
	// through its methods, as CPython's mappingproxy does
	MappingProxyType.GetItem = func(t *Thread, o, k Object) (Object, error) {
		p := o.(*MappingProxy)
		if p.m != nil {
			return GetItem(t, p.m, k)
		}
		v, err := p.d.GetItem(t, k)
		if err == nil && v == nil {
			return nil, NewException(KeyErrorType, k)
		}
		return v, err
	}
	MappingProxyType.Len = func(t *Thread, o Object) (int, error) {
		p := o.(*MappingProxy)
		if p.m != nil {
			return Len(t, p.m)
		}
		return p.d.Len(), nil
	}
	MappingProxyType.Iter = func(t *Thread, o Object) (Object, error) {
		p := o.(*MappingProxy)
		if p.m != nil {
			return Iter(t, p.m)
		}
		return newDictIter(p.d, 0), nil
	}
	MappingProxyType.Contains = func(t *Thread, o, v Object) (bool, error) {
		p := o.(*MappingProxy)
		if p.m != nil {
			return Contains(t, p.m, v)
		}
		r, err := p.d.GetItem(t, v)
		return r != nil, err
	}
	MappingProxyType.Repr = func(t *Thread, o Object) (Object, error) {
		r, err := ReprString(t, o.(*MappingProxy).target())
		if err != nil {
			return nil, err
		}
		return NewStr("mappingproxy(" + r + ")"), nil
	}
	for _, name := range []string{"keys", "values", "items", "get", "copy", "__reversed__"} {
		name := name
		MappingProxyType.AddMethod(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if name == "__reversed__" {
				if err := argCount("mappingproxy.__reversed__", args, kw, 0, 0); err != nil {
					return nil, err
				}
				return Call(t, ReversedType, []Object{self.(*MappingProxy).target()}, nil)
			}
			m, err := GetAttrString(t, self.(*MappingProxy).target(), name)
			if err != nil {
				return nil, err
			}
			return Call(t, m, args, kw)
		})
	}
	// view | other is the mapping's own | (a new dict for a dict)
	MappingProxyType.Num[NbOr] = func(t *Thread, a, b Object) (Object, error) {
		if p, ok := a.(*MappingProxy); ok {
			a = p.target()
		}
		if p, ok := b.(*MappingProxy); ok {
			b = p.target()
		}
		return BinaryOp(t, a, b, NbOr)
	}
	MappingProxyType.INum[NbOr] = func(t *Thread, a, b Object) (Object, error) {
		return nil, TypeErrorf("'|=' is not supported by %s; use '|' instead", typeName(a))
	}
	MappingProxyType.AddClassMethod("__class_getitem__", genericClassGetItem)
	MappingProxyType.New = func(t *Thread, _ *Type, args []Object, kw []string) (Object, error) {
		var m Object
		if err := ParseArgs("mappingproxy", args, kw, []string{"mapping"}, 1, &m); err != nil {
			return nil, err
		}
		switch x := m.(type) {
		case *Dict:
			return &MappingProxy{d: x}, nil
		case *MappingProxy:
			return &MappingProxy{d: x.d, m: x.m}, nil
		}
		// CPython's PyMapping_Check (a __getitem__), lists and tuples
		// excepted
		_, isList := unwrap(m).(*List)
		_, isTuple := unwrap(m).(*Tuple)
		if isList || isTuple || m.Type().Lookup(Intern("__getitem__")) == nil {
			return nil, TypeErrorf("mappingproxy() argument must be a mapping, not %s", typeName(m))
		}
		return &MappingProxy{m: m}, nil
	}
	MappingProxyType.Flags.Or(FlagMapping)
	registerType(MappingProxyType)
}

// MappingProxy is a read-only view of a mapping (type.__dict__): d for
// an exact dict, m for any other mapping.
type MappingProxy struct {
	d *Dict
	m Object
}

// target is the mapping the proxy shows.
func (p *MappingProxy) target() Object {
	if p.m != nil {
		return p.m
	}
	return p.d
}

// MappingProxyType is types.MappingProxyType.
var MappingProxyType = newBuiltinType("mappingproxy", ObjectType)

// Type returns mappingproxy.
func (*MappingProxy) Type() *Type { return MappingProxyType }

// dirOf is object.__dir__: for a class its and its bases' attributes;
// for anything else the names in its __dict__ and those its __class__
// and that class's bases define. __dict__ and __class__ are looked up as
// attributes, as CPython does, so a __getattribute__ that refuses them
// leaves dir() empty.
func dirOf(t *Thread, o Object) ([]Object, error) {
	seen := map[string]bool{}
	var names []string
	add := func(d *Dict) {
		if d == nil {
			return
		}
		for _, k := range d.Keys() {
			if s, ok := k.(*Str); ok && !seen[s.s] {
				seen[s.s] = true
				names = append(names, s.s)
			}
		}
	}
	if typ, ok := o.(*Type); ok {
		for _, m := range typ.MRO() {
			add(m.Dict)
		}
	} else {
		d, err := GetAttrOpt(t, o, Intern("__dict__"))
		if err != nil {
			return nil, err
		}
		if d, ok := d.(*Dict); ok {
			add(d)
		}
		cls, err := GetAttrOpt(t, o, Intern("__class__"))
		if err != nil {
			return nil, err
		}
		if err := mergeClassDict(t, cls, add, 0); err != nil {
			return nil, err
		}
	}
	sortStrings(names)
	out := make([]Object, len(names))
	for i, n := range names {
		out[i] = NewStr(n)
	}
	return out, nil
}

// mergeClassDict adds the attribute names of cls and of its bases; a
// class that is not a type is asked for __dict__ and __bases__.
func mergeClassDict(t *Thread, cls Object, add func(*Dict), depth int) error {
	if cls == nil {
		return nil
	}
	if typ, ok := cls.(*Type); ok {
		for _, m := range typ.MRO() {
			add(m.Dict)
		}
		return nil
	}
	if depth > t.interp.recursionLimit() {
		return Errorf(RecursionErrorType, "maximum recursion depth exceeded while calling a Python object")
	}
	d, err := GetAttrOpt(t, cls, Intern("__dict__"))
	if err != nil {
		return err
	}
	switch d := d.(type) {
	case *Dict:
		add(d)
	case *MappingProxy:
		add(d.d)
	}
	bases, err := GetAttrOpt(t, cls, Intern("__bases__"))
	if err != nil || bases == nil {
		return err
	}
	items, err := ToSlice(t, bases)
	if err != nil {
		return err
	}
	for _, b := range items {
		if err := mergeClassDict(t, b, add, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// copyregCall calls a function of the copyreg module (pickling support
// lives there, in Python, as in CPython).
func copyregCall(t *Thread, name string, args ...Object) (Object, error) {
	fn, err := copyregAttr(t, name)
	if err != nil {
		return nil, err
	}
	return Call(t, fn, args, nil)
}

// objectGetState is object.__getstate__: the instance dict (None when
// empty), with the values of the class's slot names (copyreg._slotnames,
// which honours a __slotnames__ the class sets) as a second dict.
func objectGetState(t *Thread, self Object) (Object, error) {
	var state Object = None
	if d := instanceDict(self); d != nil && d.Len() > 0 {
		state = d.Copy()
	}
	names, err := slotNamesOf(t, self.Type())
	if err != nil || len(names) == 0 {
		return state, err
	}
	slots := NewDict()
	for _, name := range names {
		ns, ok := unwrap(name).(*Str)
		if !ok {
			return nil, TypeErrorf("attribute name must be string, not '%s'", typeName(name))
		}
		v, err := GetAttrOpt(t, self, ns)
		if err != nil {
			return nil, err
		}
		if v != nil {
			if err := slots.SetItem(t, name, v); err != nil {
				return nil, err
			}
		}
	}
	if slots.Len() == 0 {
		return state, nil
	}
	return NewTuple(state, slots), nil
}

// slotNamesOf is CPython's _PyType_GetSlotNames: the class's own
// __slotnames__, else copyreg._slotnames(cls), which computes the
// mangled __slots__ names of the MRO and caches them on the class. A
// built-in type has none (and copyreg could not cache them on it).
func slotNamesOf(t *Thread, cls *Type) ([]Object, error) {
	var r Object = cls.Dict.GetStr("__slotnames__")
	if r == nil {
		if !cls.isHeap() {
			return nil, nil
		}
		var err error
		if r, err = copyregCall(t, "_slotnames", cls); err != nil {
			return nil, err
		}
	}
	if r == None {
		return nil, nil
	}
	l, ok := r.(*List)
	if !ok {
		return nil, TypeErrorf("copyreg._slotnames didn't return a list or None")
	}
	// a snapshot: a __getattr__ may replace the list's items meanwhile
	return l.snapshot(), nil
}

// hasNativeState reports whether o carries state of a built-in type that
// object.__getstate__ cannot save: a Go value other than a plain object,
// or an instance of a subclass of such a type.
func hasNativeState(o Object) bool {
	if in, ok := o.(*Instance); ok {
		return in.Base != nil
	}
	return o.Type() != ObjectType
}

// dirMethod is object.__dir__ or type.__dir__ (qual names it).
func dirMethod(qual string) BuiltinFunc {
	return func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount(qual, args, kw, 0, 0); err != nil {
			return nil, err
		}
		names, err := dirOf(t, self)
		if err != nil {
			return nil, err
		}
		return NewList(names...), nil
	}
}

// objectReduceEx is object.__reduce_ex__(protocol): a class's own
// __reduce__ wins; protocol 2 and above use copyreg.__newobj__ or
// __newobj_ex__ (CPython's reduce_newobj), lower ones copyreg._reduce_ex.
func objectReduceEx(t *Thread, self Object, args []Object, kw []string) (Object, error) {
	if err := argCount("object.__reduce_ex__", args, kw, 1, 1); err != nil {
		return nil, err
	}
	proto := args[0]
	p, err := CIntArg(t, proto)
	if err != nil {
		return nil, err
	}
	if r := self.Type().Lookup(Intern("__reduce__")); r != nil {
		if md, ok := r.(*MethodDescr); !ok || md.Owner != ObjectType {
			return CallMethod(t, self, "__reduce__")
		}
	}
	if p < 2 {
		return copyregCall(t, "_reduce_ex", self, Int(p))
	}
	return reduceNewObj(t, self)
}

// newArguments is CPython's _PyObject_GetNewArguments: the positional
// and keyword arguments __getnewargs_ex__ or __getnewargs__ (looked up on
// the type, as special methods are) give for cls.__new__; nil args when
// the class has neither.
func newArguments(t *Thread, self Object) (args *Tuple, kwargs *Dict, err error) {
	m, err := lookupSpecial(t, self, "__getnewargs_ex__")
	if err != nil {
		return nil, nil, err
	}
	if m != nil {
		r, err := Call(t, m, nil, nil)
		if err != nil {
			return nil, nil, err
		}
		pair, ok := r.(*Tuple)
		if !ok {
			return nil, nil, TypeErrorf("__getnewargs_ex__ should return a tuple, not '%s'", typeName(r))
		}
		if len(pair.items) != 2 {
			return nil, nil, ValueErrorf("__getnewargs_ex__ should return a tuple of length 2, not %d", len(pair.items))
		}
		if args, ok = pair.items[0].(*Tuple); !ok {
			return nil, nil, TypeErrorf("first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '%s'", typeName(pair.items[0]))
		}
		if kwargs, ok = unwrap(pair.items[1]).(*Dict); !ok {
			return nil, nil, TypeErrorf("second item of the tuple returned by __getnewargs_ex__ must be a dict, not '%s'", typeName(pair.items[1]))
		}
		return args, kwargs, nil
	}
	if m, err = lookupSpecial(t, self, "__getnewargs__"); err != nil || m == nil {
		return nil, nil, err
	}
	r, err := Call(t, m, nil, nil)
	if err != nil {
		return nil, nil, err
	}
	if args, ok := r.(*Tuple); ok {
		return args, nil, nil
	}
	return nil, nil, TypeErrorf("__getnewargs__ should return a tuple, not '%s'", typeName(r))
}

// reduceNewObj is object.__reduce_ex__ for protocol 2 and above.
func reduceNewObj(t *Thread, self Object) (Object, error) {
	cls := self.Type()
	args, kwargs, err := newArguments(t, self)
	if err != nil {
		return nil, err
	}
	var newobj Object
	var newargs []Object
	if kwargs == nil || kwargs.Len() == 0 {
		if newobj, err = copyregAttr(t, "__newobj__"); err != nil {
			return nil, err
		}
		newargs = []Object{cls}
		if args != nil {
			newargs = append(newargs, args.items...)
		}
	} else {
		if newobj, err = copyregAttr(t, "__newobj_ex__"); err != nil {
			return nil, err
		}
		newargs = []Object{cls, args, kwargs}
	}
	_, isList := unwrap(self).(*List)
	_, isDict := unwrap(self).(*Dict)
	if args == nil && !isList && !isDict && hasNativeState(self) {
		// CPython's object.__getstate__ refuses an object whose C struct
		// is bigger than object's: its state would be lost
		if gs := cls.Lookup(Intern("__getstate__")); gs != nil {
			if md, ok := gs.(*MethodDescr); ok && md.Owner == ObjectType {
				return nil, TypeErrorf("cannot pickle '%s' object", cls.FullName())
			}
		}
	}
	state, err := CallMethod(t, self, "__getstate__")
	if err != nil {
		return nil, err
	}
	var listitems, dictitems Object = None, None
	if isList {
		if listitems, err = Iter(t, self); err != nil {
			return nil, err
		}
	}
	if isDict {
		items, err := CallMethod(t, self, "items")
		if err != nil {
			return nil, err
		}
		if dictitems, err = Iter(t, items); err != nil {
			return nil, err
		}
	}
	return NewTuple(newobj, NewTuple(newargs...), state, listitems, dictitems), nil
}

// copyregAttr is an attribute of the copyreg module.
func copyregAttr(t *Thread, name string) (Object, error) {
	m, err := t.Import("copyreg", nil, nil, 0)
	if err != nil {
		return nil, err
	}
	return GetAttrString(t, m, name)
}

// pyFlags is type.__flags__: the Py_TPFLAGS_* bits CPython 3.11 would show
// for the type. Flags already holds the bits freepy tracks with CPython's
// values (heap, base, abstract, the fast subclass bits, sequence/mapping,
// immutable); the rest follow from what the type is. copyreg (pickling)
// reads the heap bit and inspect.isabstract the abstract bit.
func (t *Type) pyFlags() int64 {
	const (
		managedDict     = 1 << 4
		immutable       = 1 << 8
		ready           = 1 << 12
		haveGC          = 1 << 14
		validVersionTag = 1 << 19
		matchSelf       = 1 << 22
	)
	f := int64(t.Flags.Load()) | ready
	if t.isHeap() {
		f |= haveGC
		if t.hasDict {
			f |= managedDict
		}
	} else {
		f |= immutable | validVersionTag
		switch t {
		case BoolType, ByteArrayType, BytesType, DictType, FloatType, FrozenSetType, IntType, ListType, SetType, StrType, TupleType:
			f |= matchSelf
		}
	}
	return f
}
