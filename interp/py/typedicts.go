package py

import "slices"

// Descriptors that make the dicts of built-in types list what CPython's
// list (vars(BaseException) has args, vars(types.CodeType) has co_name,
// ...). Instances of these types answer those names in their own GetAttr
// switch before any dict is searched, so instance lookups do not change:
// the descriptors serve class-level access (BaseException.args,
// inspect, pydoc, IDEs) and object.__getattribute__(x, name).

// addProxyGetSets adds a getset descriptor for each name to typ's dict
// that reads (and, with settable, writes) the attribute through typ's own
// GetAttr/SetAttr slot. Only names those slots answer unconditionally, in
// their switch before falling back to GenericGetAttr/GenericSetAttr, may
// be listed: otherwise the fallback would find the descriptor again.
func addProxyGetSets(typ *Type, settable bool, names ...string) {
	get, set := typ.GetAttr, typ.SetAttr
	for _, name := range names {
		n := Intern(name)
		var setter func(t *Thread, o, v Object) error
		if settable && set != nil {
			setter = func(t *Thread, o, v Object) error { return set(t, o, n, v) }
		}
		typ.AddGetSet(name, func(t *Thread, o Object) (Object, error) { return get(t, o, n) }, setter)
	}
}

// excDictAttr is a getset for an OSError attribute freepy keeps in the
// exception's dict: None until set (missing reports AttributeError
// instead, for characters_written).
func excDictAttr(typ *Type, name string, missing bool) {
	n := Intern(name)
	typ.AddGetSet(name, func(t *Thread, o Object) (Object, error) {
		if v := o.(*BaseException).Dict().getStr(n); v != nil {
			return v, nil
		}
		if missing {
			return nil, Errorf(AttributeErrorType, "%s", name)
		}
		return None, nil
	}, func(t *Thread, o, v Object) error {
		d := o.(*BaseException).Dict()
		if v == nil {
			if missing && d.getStr(n) == nil {
				return Errorf(AttributeErrorType, "%s", name)
			}
			_, err := d.DelItem(t, n)
			return err
		}
		d.SetStr(name, v)
		return nil
	})
}

// baseExceptionReduce is BaseException.__reduce__: (type, args), plus the
// instance dict when it has entries. An OSError with a filename passes
// the filename (and filename2) in args so that its __init__ sees them,
// as CPython's does.
func baseExceptionReduce(t *Thread, self Object, args []Object, kw []string) (Object, error) {
	if err := argCount("__reduce__", args, kw, 0, 0); err != nil {
		return nil, err
	}
	e, ok := self.(*BaseException)
	if !ok {
		return nil, TypeErrorf("descriptor '__reduce__' requires a 'BaseException' object but received a '%s'", typeName(self))
	}
	cargs := e.Args()
	if cargs == nil {
		cargs = NewTuple()
	}
	d := e.Dict()
	if e.typ.IsSubtype(OSErrorType) && len(cargs.items) == 2 {
		if fn := d.GetStr("filename"); fn != nil && fn != None {
			items := append([]Object(nil), cargs.items...)
			items = append(items, fn)
			if fn2 := d.GetStr("filename2"); fn2 != nil && fn2 != None {
				items = append(items, None, fn2)
			}
			cargs = NewTuple(items...)
		}
	}
	state, err := excUserDict(t, e)
	if err != nil {
		return nil, err
	}
	if e.typ.IsSubtype(ImportErrorType) {
		// name and path are not in args: CPython passes them as state
		for _, k := range []string{"name", "path"} {
			if v := d.GetStr(k); v != nil && v != None {
				if state == nil {
					state = NewDict()
				}
				state.SetStr(k, v)
			}
		}
	}
	if state == nil {
		return NewTuple(e.Type(), cargs), nil
	}
	return NewTuple(e.Type(), cargs, state), nil
}

// excFieldNames are the attributes that CPython keeps in an exception's
// C struct and freepy in its dict, by the class that has them: they are
// rebuilt from args by __init__, not pickled as state.
var excFieldNames = []struct {
	typ   **Type
	names []string
}{
	{&OSErrorType, []string{"errno", "strerror", "filename", "filename2", "characters_written"}},
	{&StopIterationType, []string{"value"}},
	{&SystemExitType, []string{"code"}},
	{&SyntaxErrorType, []string{"msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"}},
	{&ImportErrorType, []string{"msg", "name", "path"}},
	{&AttributeErrorType, []string{"name", "obj"}},
	{&NameErrorType, []string{"name"}},
}

// excUserDict is the part of e's dict that CPython's __dict__ would
// hold (nil when empty).
func excUserDict(t *Thread, e *BaseException) (*Dict, error) {
	d := e.Dict()
	if d.Len() == 0 {
		return nil, nil
	}
	var skip []string
	for _, f := range excFieldNames {
		if e.typ.IsSubtype(*f.typ) {
			skip = append(skip, f.names...)
		}
	}
	if len(skip) == 0 {
		return d, nil
	}
	out := NewDict()
	for _, kv := range d.Items() {
		if k, ok := kv.key.(*Str); ok && slices.Contains(skip, k.s) {
			continue
		}
		if err := out.SetItem(t, kv.key, kv.value); err != nil {
			return nil, err
		}
	}
	if out.Len() == 0 {
		return nil, nil
	}
	return out, nil
}

// baseExceptionSetState is BaseException.__setstate__: each item of a
// state dict becomes an attribute.
func baseExceptionSetState(t *Thread, self Object, args []Object, kw []string) (Object, error) {
	if err := argCount("__setstate__", args, kw, 1, 1); err != nil {
		return nil, err
	}
	if args[0] == None {
		return None, nil
	}
	d, ok := args[0].(*Dict)
	if !ok {
		return nil, TypeErrorf("state is not a dictionary")
	}
	for _, kv := range d.Items() {
		name, ok := kv.key.(*Str)
		if !ok {
			return nil, TypeErrorf("attribute name must be string, not '%s'", typeName(kv.key))
		}
		if err := SetAttr(t, self, name, kv.value); err != nil {
			return nil, err
		}
	}
	return None, nil
}

// addIntrospectionDescrs runs once, after every built-in type is finished.
func addIntrospectionDescrs() {
	for _, typ := range []*Type{IntType, FloatType, ComplexType} {
		// object.__format__ already formats numbers; CPython lists it
		// on each numeric type as well
		typ.AddMethod("__format__", objectFormat)
	}
	ByteArrayType.AddMethod("__sizeof__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("__sizeof__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return Int(objectSizeOf(self)), nil
	})

	b := BaseExceptionType
	addProxyGetSets(b, true, "args", "__traceback__", "__context__", "__cause__", "__suppress_context__")
	addProxyGetSets(b, false, "__dict__")
	b.AddMethod("__reduce__", baseExceptionReduce)
	b.AddMethod("__setstate__", baseExceptionSetState)
	for _, name := range []string{"errno", "strerror", "filename", "filename2"} {
		excDictAttr(OSErrorType, name, false)
	}
	excDictAttr(OSErrorType, "characters_written", true)
	OSErrorType.AddMethod("__reduce__", baseExceptionReduce)

	for _, typ := range []*Type{ClassMethodType, StaticMethodType} {
		addProxyGetSets(typ, false, "__func__", "__wrapped__", "__isabstractmethod__", "__dict__")
	}
	addProxyGetSets(SuperType, false, "__thisclass__", "__self__", "__self_class__")
	addProxyGetSets(CodeType, false, "co_name", "co_qualname", "co_filename", "co_firstlineno",
		"co_argcount", "co_posonlyargcount", "co_kwonlyargcount", "co_flags", "co_varnames",
		"co_cellvars", "co_freevars", "co_names", "co_nlocals", "co_consts", "co_stacksize")
	addProxyGetSets(FrameType, false, "f_code", "f_globals", "f_builtins", "f_locals", "f_lineno", "f_lasti", "f_back")
	addProxyGetSets(MethodType, false, "__func__", "__self__")
	// a bound method's doc is its function's (not object's, found along
	// the MRO when the dict has none)
	MethodType.AddGetSet("__doc__", func(t *Thread, o Object) (Object, error) {
		if m, ok := o.(*Method); ok {
			return GetAttr(t, m.Func, Intern("__doc__"))
		}
		return None, nil
	}, nil)
	// __doc__ too: pydoc reads object.__getattribute__(f, "__doc__"), which
	// would otherwise find object's own docstring along the MRO
	addProxyGetSets(BuiltinType, false, "__name__", "__qualname__", "__self__", "__text_signature__", "__module__", "__doc__")
	addProxyGetSets(MethodDescrType, false, "__name__", "__qualname__", "__objclass__", "__text_signature__", "__doc__")
	addTypeLayoutGetSets()
	// CPython makes ExceptionGroup with PyErr_NewException and no doc: a
	// None of its own hides BaseExceptionGroup's
	ExceptionGroupType.Dict.SetStr("__doc__", None)
	for _, typ := range []*Type{ClassMethodType, StaticMethodType} {
		// their GetAttr slot is freepy's own (wrapperGetAttr); CPython's
		// use the generic lookup, so no __getattribute__ wrapper is listed
		_, _ = typ.Dict.DelItem(nil, Intern("__getattribute__"))
	}
	ModuleType.AddGetSet("__dict__", func(t *Thread, o Object) (Object, error) {
		if m, ok := o.(*Module); ok {
			return m.Dict(), nil
		}
		return nil, TypeErrorf("descriptor '__dict__' for 'module' objects doesn't apply to a '%s' object", typeName(o))
	}, func(t *Thread, o, v Object) error {
		return Errorf(AttributeErrorType, "readonly attribute") // a member, as CPython's
	})
}

// typeLayout is CPython 3.11's (tp_basicsize, tp_itemsize,
// tp_dictoffset, tp_weaklistoffset) of a built-in type, which
// type.__basicsize__ and its kin report. freepy's objects have other
// sizes; the numbers are CPython's so that code that compares or
// prints them (sizeof estimates, test suites) sees familiar values.
type typeLayout struct {
	name                    string
	basic, item, dict, weak int64
}

var builtinLayouts = [...]typeLayout{
	{"BaseException", 72, 0, 16, 0},
	{"BaseExceptionGroup", 88, 0, 16, 0},
	{"ExceptionGroup", 96, 0, 16, 88},
	{"AttributeError", 88, 0, 16, 0},
	{"ImportError", 96, 0, 16, 0},
	{"NameError", 80, 0, 16, 0},
	{"OSError", 112, 0, 16, 0},
	{"StopIteration", 80, 0, 16, 0},
	{"SyntaxError", 136, 0, 16, 0},
	{"SystemExit", 80, 0, 16, 0},
	{"UnicodeError", 112, 0, 16, 0},
	{"bool", 32, 4, 0, 0},
	{"builtin_function_or_method", 56, 0, 0, 40},
	{"bytearray", 56, 0, 0, 0},
	{"bytes", 33, 1, 0, 0},
	{"classmethod", 32, 0, 24, 0},
	{"code", 184, 2, 0, 144},
	{"complex", 32, 0, 0, 0},
	{"dict", 48, 0, 0, 0},
	{"enumerate", 56, 0, 0, 0},
	{"filter", 32, 0, 0, 0},
	{"float", 24, 0, 0, 0},
	{"frame", 120, 8, 0, 0},
	{"frozenset", 200, 0, 0, 192},
	{"function", 136, 0, 88, 96},
	{"generator", 152, 8, 0, 24},
	{"int", 24, 4, 0, 0},
	{"list", 40, 0, 0, 0},
	{"map", 32, 0, 0, 0},
	{"memoryview", 144, 8, 0, 136},
	{"method", 48, 0, 0, 32},
	{"module", 56, 0, 16, 40},
	{"object", 16, 0, 0, 0},
	{"property", 64, 0, 0, 0},
	{"range", 48, 0, 0, 0},
	{"reversed", 32, 0, 0, 0},
	{"set", 200, 0, 0, 192},
	{"slice", 40, 0, 0, 0},
	{"staticmethod", 32, 0, 24, 0},
	{"str", 80, 0, 0, 0},
	{"super", 40, 0, 0, 0},
	{"tuple", 24, 8, 0, 0},
	{"type", 904, 40, 264, 368},
	{"zip", 48, 0, 0, 0},
}

// layoutOf gives typ's layout: a built-in type's from the table (or its
// nearest listed base's), a class's computed from its solid base as
// CPython 3.11 lays classes out (__slots__ after the base; a managed
// dict, or one at the end of variable-size objects; a weak-reference
// slot when the base has none and the size is fixed).
func layoutOf(typ *Type) typeLayout {
	var base typeLayout
	found := false
	for _, b := range typ.MRO() {
		if b.isHeap() {
			continue
		}
		for _, l := range builtinLayouts {
			if l.name == b.Name() {
				base, found = l, true
				break
			}
		}
		if found || b.ext {
			break
		}
	}
	if !found {
		base = typeLayout{basic: 16}
	}
	if !typ.isHeap() {
		return base
	}
	l := base
	l.basic += 8 * int64(typ.nslots)
	if typ.hasDict && l.dict == 0 {
		if l.item != 0 {
			l.dict = -8
			l.basic += 8
		} else {
			l.dict = -48 // CPython 3.11's managed dict, before the header
		}
	}
	if typ.hasWeakref && l.weak == 0 && l.item == 0 {
		l.weak = l.basic
		l.basic += 8
	}
	return l
}

func addTypeLayoutGetSets() {
	for _, attr := range []struct {
		name string
		get  func(l typeLayout) int64
	}{
		{"__basicsize__", func(l typeLayout) int64 { return l.basic }},
		{"__itemsize__", func(l typeLayout) int64 { return l.item }},
		{"__dictoffset__", func(l typeLayout) int64 { return l.dict }},
		{"__weakrefoffset__", func(l typeLayout) int64 { return l.weak }},
	} {
		get := attr.get
		TypeType.AddGetSet(attr.name, func(t *Thread, o Object) (Object, error) {
			typ, ok := o.(*Type)
			if !ok {
				return nil, TypeErrorf("descriptor for 'type' objects doesn't apply to a '%s' object", typeName(o))
			}
			return Int(get(layoutOf(typ))), nil
		}, nil)
	}
}

// docObject is a docstring as a Python value ("" is None).
func docObject(doc string) Object {
	if doc == "" {
		return None
	}
	return NewStr(doc)
}
