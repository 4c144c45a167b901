package py

import (
	"os"
	"reflect"
	"runtime"
	"strings"
)

func init() {
	SimpleNamespaceType.Init = func(t *Thread, self Object, args []Object, kw []string) error {
		if len(args) > len(kw) {
			return TypeErrorf("no positional arguments expected")
		}
		in := self.(*Instance)
		for i, k := range kw {
			LoadPtr(&in.dict).SetStr(k, args[i])
		}
		return nil
	}
	SimpleNamespaceType.Repr = namespaceRepr
	// namespaces of the same kind compare by their attributes
	SimpleNamespaceType.RichCompare = func(t *Thread, a, b Object, op CompareOp) (Object, error) {
		x, ok1 := a.(*Instance)
		y, ok2 := b.(*Instance)
		if !ok1 || !ok2 || !x.Type().IsSubtype(SimpleNamespaceType) || !y.Type().IsSubtype(SimpleNamespaceType) {
			return NotImplemented, nil
		}
		return RichCompare(t, LoadPtr(&x.dict), LoadPtr(&y.dict), op)
	}
	// pickled as type(ns)((), ns.__dict__): the state restores the
	// attributes
	SimpleNamespaceType.AddMethod("__reduce__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("SimpleNamespace.__reduce__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return NewTuple(self.Type(), NewTuple(), LoadPtr(&self.(*Instance).dict)), nil
	})
	SimpleNamespaceType.hasDict = true
	// types.SimpleNamespace: pickle finds the class by its module
	SimpleNamespaceType.Dict.SetStr("__module__", Intern("types"))
	registerType(SimpleNamespaceType, ByteArrayType)
}

// funcPtr returns a func value's code pointer (to compare slots).
func funcPtr(f any) uintptr {
	v := reflect.ValueOf(f)
	if !v.IsValid() || v.Kind() != reflect.Func || v.IsNil() {
		return 0
	}
	return v.Pointer()
}

// initSys builds the sys module (the parts the runtime itself needs; more
// in the sys native module).
func initSys(t *Thread) {
	in := t.interp
	m := NewModule("sys")
	d := m.dict
	in.Sys = m
	in.Path = NewList()
	in.Argv = NewList(Intern(""))
	d.SetStr("path", in.Path)
	d.SetStr("argv", in.Argv)
	d.SetStr("modules", in.Modules)
	for name, fn := range SysExtras {
		m.AddFunc(name, fn)
	}
	d.SetStr("stdout", NewStdStream("<stdout>", os.Stdout, true, false))
	d.SetStr("stderr", NewStdStream("<stderr>", os.Stderr, true, true))
	d.SetStr("stdin", NewStdStream("<stdin>", os.Stdin, false, false))
	d.SetStr("__stdout__", d.GetStr("stdout"))
	d.SetStr("__stderr__", d.GetStr("stderr"))
	d.SetStr("__stdin__", d.GetStr("stdin"))
	sysStructSeqs(d, in)
	sysInstallAttrs(d)
	d.SetStr("version", NewStr("3.11.7 (freepy) [Go "+runtime.Version()+"]"))
	d.SetStr("hexversion", Int(0x030b07f0))
	d.SetStr("platform", NewStr("linux"))
	d.SetStr("byteorder", NewStr("little"))
	d.SetStr("maxsize", Int(1<<63-1))
	d.SetStr("maxunicode", Int(0x10ffff))
	d.SetStr("implementation", func() Object {
		ns := NewInstance(SimpleNamespaceType)
		LoadPtr(&ns.dict).SetStr("name", NewStr("freepy"))
		LoadPtr(&ns.dict).SetStr("cache_tag", NewStr(cacheTag))
		LoadPtr(&ns.dict).SetStr("version", d.GetStr("version_info"))
		return ns
	}())
	d.SetStr("builtin_module_names", builtinModuleNames())
	stdlib := NewFrozenSet()
	for _, n := range stdlibModuleNames {
		stdlib.d.SetStr(n, None)
	}
	d.SetStr("stdlib_module_names", stdlib)
	d.SetStr("dont_write_bytecode", True)
	d.SetStr("meta_path", in.defaultMetaPath())
	d.SetStr("path_hooks", in.defaultPathHooks())
	d.SetStr("path_importer_cache", NewDict())
	d.SetStr("warnoptions", NewList())
	d.SetStr("_xoptions", NewDict())
	d.SetStr("abiflags", NewStr("t"))
	d.SetStr("float_repr_style", NewStr("short"))
	m.AddFunc("exit", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		e := NewException(SystemExitType, args...)
		var code Object = None
		if len(args) == 1 {
			code = args[0]
		} else if len(args) > 1 {
			code = NewTuple(append([]Object(nil), args...)...)
		}
		e.Dict().SetStr("code", code)
		return nil, e
	})
	m.AddFunc("getrecursionlimit", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		return Int(t.interp.recursionLimit()), nil
	})
	addThreadSysFuncs(m) // sys.set/getswitchinterval (mod_thread.go)
	m.AddFunc("set_coroutine_origin_tracking_depth", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var d Object
		if err := ParseArgs("set_coroutine_origin_tracking_depth", args, kw, []string{"depth"}, 1, &d); err != nil {
			return nil, err
		}
		n, err := AsInt64(t, d)
		if err != nil {
			return nil, err
		}
		if n < 0 {
			return nil, ValueErrorf("depth must be >= 0")
		}
		t.coroOriginDepth = int32(min(n, 1<<30))
		return None, nil
	})
	m.AddFunc("get_coroutine_origin_tracking_depth", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if err := argCount("get_coroutine_origin_tracking_depth", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return Int(t.coroOriginDepth), nil
	})
	m.AddFunc("setrecursionlimit", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("setrecursionlimit() takes exactly one argument (%d given)", len(args))
		}
		n, err := AsInt64(t, args[0])
		if err != nil {
			return nil, err
		}
		if n < 1 {
			return nil, ValueErrorf("recursion limit must be greater or equal than 1")
		}
		t.interp.recLimit.Store(n)
		return None, nil
	})
	m.AddFunc("get_int_max_str_digits", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(args) > 0 {
			return nil, TypeErrorf("sys.get_int_max_str_digits() takes no arguments (%d given)", len(args))
		}
		return Int(intMaxStrDigits.Load()), nil
	})
	m.AddFunc("set_int_max_str_digits", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var v Object
		if err := ParseArgs("set_int_max_str_digits", args, kw, []string{"maxdigits"}, 1, &v); err != nil {
			return nil, err
		}
		n, err := AsInt64(t, v)
		if err != nil {
			return nil, err
		}
		if n != 0 && n < 640 {
			return nil, ValueErrorf("maxdigits must be 0 or larger than 640")
		}
		intMaxStrDigits.Store(n)
		return None, nil
	})
	m.AddFunc("exc_info", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		e := t.excInfo
		if e == nil {
			return NewTuple(None, None, None), nil
		}
		return NewTuple(e.typ, e, tracebackOrNone(e)), nil
	})
	m.AddFunc("exception", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if t.excInfo == nil {
			return None, nil
		}
		return t.excInfo, nil
	})
	m.AddFunc("_getframe", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		depth := 0
		if len(args) > 0 {
			n, err := AsInt64(t, args[0])
			if err != nil {
				return nil, err
			}
			depth = int(n)
		}
		f := t.frame
		for ; depth > 0 && f != nil; depth-- {
			f = f.back
		}
		if f == nil {
			return nil, ValueErrorf("call stack is not deep enough")
		}
		t.escape(f)
		return f, nil
	})
	m.AddFunc("getdefaultencoding", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) { return NewStr("utf-8"), nil })
	m.AddFunc("getfilesystemencoding", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) { return NewStr("utf-8"), nil })
	m.AddFunc("getfilesystemencodeerrors", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		return NewStr("surrogateescape"), nil
	})
	m.AddFunc("call_tracing", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if err := argCount("call_tracing", args, kw, 2, 2); err != nil {
			return nil, err
		}
		tup, ok := args[1].(*Tuple)
		if !ok {
			return nil, TypeErrorf("call_tracing() argument 2 must be tuple, not %s", typeName(args[1]))
		}
		return Call(t, args[0], tup.items, nil)
	})
	// CPython's documentation allows 0 where the count cannot reasonably
	// be computed: freepy's objects are the Go collector's, not blocks of
	// an allocator of its own
	m.AddFunc("getallocatedblocks", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if err := argCount("getallocatedblocks", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return Int(0), nil
	})
	// the attribute caches are versioned per type and never stale, so
	// there is nothing to clear
	m.AddFunc("_clear_type_cache", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if err := argCount("_clear_type_cache", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return None, nil
	})
	m.AddFunc("intern", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("intern() takes exactly one argument (%d given)", len(args))
		}
		s, ok := args[0].(*Str)
		if !ok {
			return nil, TypeErrorf("intern() argument must be str, not %s", typeName(args[0]))
		}
		return Intern(s.s), nil
	})
	m.AddFunc("displayhook", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("displayhook() takes exactly one argument")
		}
		if args[0] == None {
			return None, nil
		}
		r, err := Repr(t, args[0])
		if err != nil {
			return nil, err
		}
		t.interp.Builtins.dict.SetStr("_", args[0])
		return None, WriteTo(t, t.interp.Sys.dict.GetStr("stdout"), r.s+"\n")
	})
	m.AddFunc("excepthook", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(args) != 3 {
			return nil, TypeErrorf("excepthook expected 3 arguments, got %d", len(args))
		}
		if e, ok := args[1].(*BaseException); ok {
			return None, WriteTo(t, t.interp.Sys.dict.GetStr("stderr"), FormatException(t, e))
		}
		return None, nil
	})
	m.AddFunc("_is_gil_enabled", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		return Bool(t.interp.GILEnabled()), nil
	})
	m.AddFunc("breakpointhook", sysBreakpointHook)
	d.SetStr("__breakpointhook__", d.GetStr("breakpointhook"))
	d.SetStr("__displayhook__", d.GetStr("displayhook"))
	d.SetStr("__excepthook__", d.GetStr("excepthook"))
	addUnraisableHook(m)
	m.AddFunc("getsizeof", sysGetSizeOf)
	m.native.Store(true)
	in.Modules.SetStr("sys", m)
}

// namespaceRepr is SimpleNamespace's repr: "namespace(a=1, b=2)" (a
// subclass shows its own name), its string-named attributes in order, and
// "namespace(...)" for a namespace met again inside itself.
func namespaceRepr(t *Thread, o Object) (Object, error) {
	in := o.(*Instance)
	name := "namespace"
	if in.Type() != SimpleNamespaceType {
		name = in.Type().Name()
	}
	for _, x := range t.reprStack {
		if x == o {
			return NewStr(name + "(...)"), nil
		}
	}
	t.reprStack = append(t.reprStack, o)
	defer func() { t.reprStack = t.reprStack[:len(t.reprStack)-1] }()
	var b strings.Builder
	b.WriteString(name + "(")
	first := true
	for _, e := range LoadPtr(&in.dict).Items() {
		k, ok := e.key.(*Str)
		if !ok || k.s == "" {
			continue
		}
		r, err := ReprString(t, e.value)
		if err != nil {
			return nil, err
		}
		if !first {
			b.WriteString(", ")
		}
		first = false
		b.WriteString(k.s + "=" + r)
	}
	b.WriteString(")")
	return NewStr(b.String()), nil
}
