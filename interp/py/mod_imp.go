package py

// _imp and _warnings: the parts of CPython's import and warning machinery
// in C that importlib's pure-Python bootstrap needs at import time, so that
// `import importlib` (and so inspect, dataclasses, unittest, ...) works.
// freepy's importer is native (module.go) and there are no frozen modules,
// so these answer for built-in modules only; _warnings.warn defers to the
// pure-Python warnings module, which is used whole because this _warnings
// lacks its filter state.

func init() {
	RegisterNativeModule("_imp", func(t *Thread) (*Module, error) {
		m := NewModule("_imp")
		m.dict.SetStr("check_hash_based_pycs", NewStr("default"))
		isNative := func(name string) bool {
			nativeMu.RLock()
			_, ok := nativeModules[name]
			nativeMu.RUnlock()
			return ok
		}
		nameArg := func(fname string, args []Object) (string, error) {
			if len(args) != 1 {
				return "", TypeErrorf("%s() takes exactly one argument (%d given)", fname, len(args))
			}
			s, ok := args[0].(*Str)
			if !ok {
				return "", TypeErrorf("%s() argument must be str, not %s", fname, typeName(args[0]))
			}
			return s.s, nil
		}
		m.AddFunc("is_builtin", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			name, err := nameArg("is_builtin", args)
			if err != nil {
				return nil, err
			}
			switch {
			case name == "sys" || name == "builtins":
				return Int(-1), nil // cannot be re-initialised
			case isNative(name):
				return Int(1), nil
			}
			return Int(0), nil
		})
		m.AddFunc("create_builtin", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) != 1 {
				return nil, TypeErrorf("create_builtin() takes exactly one argument (%d given)", len(args))
			}
			n, err := GetAttrString(t, args[0], "name")
			if err != nil {
				return nil, err
			}
			name, ok := n.(*Str)
			if !ok {
				return nil, TypeErrorf("name must be string, not %s", typeName(n))
			}
			if m := t.interp.Modules.GetStr(name.s); m != nil && (name.s == "sys" || name.s == "builtins") {
				return m, nil
			}
			if !isNative(name.s) {
				return nil, NewError(ImportErrorType, "no built-in module named "+name.s)
			}
			return t.importModule(name.s)
		})
		m.AddFunc("exec_builtin", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			return Int(0), nil // native modules are complete once created
		})
		m.AddFunc("exec_dynamic", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			return Int(0), nil
		})
		m.AddFunc("create_dynamic", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) < 1 {
				return nil, TypeErrorf("create_dynamic expected at least 1 argument, got 0")
			}
			n, err := GetAttrString(t, args[0], "name")
			if err != nil {
				return nil, err
			}
			p, err := GetAttrString(t, args[0], "origin")
			if err != nil {
				return nil, err
			}
			name, err := StrString(t, n)
			if err != nil {
				return nil, err
			}
			if m := t.interp.Modules.GetStr(name); m != nil {
				return m, nil
			}
			path, err := StrString(t, p)
			if err != nil {
				return nil, err
			}
			if ExtensionLoader == nil {
				return nil, NewError(ImportErrorType, "extension modules are not supported")
			}
			return ExtensionLoader(t, name, path)
		})
		for _, name := range []string{"is_frozen", "is_frozen_package", "lock_held"} {
			m.AddFunc(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
				return False, nil
			})
		}
		m.AddFunc("find_frozen", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			return None, nil
		})
		for _, name := range []string{"acquire_lock", "release_lock", "_fix_co_filename"} {
			// Module imports are serialised per module by the native
			// importer; the global import lock has nothing to guard.
			m.AddFunc(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
				return None, nil
			})
		}
		m.AddFunc("extension_suffixes", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			items := make([]Object, len(extensionSuffixes))
			for i, suf := range extensionSuffixes {
				items[i] = NewStr(suf)
			}
			return NewList(items...), nil
		})
		return m, nil
	})

	// importlib: CPython installs the path-based finders at start-up
	// (importlib._install). freepy's `import` statement does not use them,
	// but importlib.import_module, importlib.util.find_spec and pkgutil
	// search sys.meta_path, so they are installed once importlib is
	// imported, in CPython's order.
	afterImportHooks["importlib"] = func(t *Thread, m Object) error {
		bs, err := t.importModule("importlib._bootstrap")
		if err != nil {
			return err
		}
		be, err := t.importModule("importlib._bootstrap_external")
		if err != nil {
			return err
		}
		meta, ok := t.interp.Sys.dict.GetStr("meta_path").(*List)
		if !ok || meta.Len() > 0 {
			return nil // replaced or already set up by the program
		}
		for _, name := range []string{"BuiltinImporter", "FrozenImporter"} {
			imp, err := GetAttrString(t, bs, name)
			if err != nil {
				return err
			}
			meta.Append(imp)
		}
		_, err = CallMethod(t, be, "_install", bs)
		return err
	}

	RegisterNativeModule("_warnings", func(t *Thread) (*Module, error) {
		m := NewModule("_warnings")
		m.AddFunc("warn", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			w, err := t.importModule("warnings")
			if err != nil {
				return nil, err
			}
			fn, err := GetAttrString(t, w, "warn")
			if err != nil {
				return nil, err
			}
			return Call(t, fn, args, kw)
		})
		return m, nil
	})

	// ImportError(msg, name=..., path=...): importlib raises it with these
	// keywords.
	ImportErrorType.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		return newExceptionInstance(typ, args, kw), nil
	}
	ImportErrorType.Init = func(t *Thread, self Object, args []Object, kw []string) error {
		e := self.(*BaseException)
		npos := len(args) - len(kw)
		e.Args = NewTuple(append([]Object(nil), args[:npos]...)...)
		for i, k := range kw {
			if k != "name" && k != "path" {
				return TypeErrorf("'%s' is an invalid keyword argument for %s()", k, e.typ.Name)
			}
			e.Dict().SetStr(k, args[npos+i])
		}
		return nil
	}
}
