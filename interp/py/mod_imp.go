package py

import (
	"encoding/binary"
	"math/bits"
	"sync"
)

// The _imp module: the interpreter side of importlib. importlib's
// _bootstrap and _bootstrap_external call it to load built-in (here:
// Go-implemented) modules and C extensions, to take the global import
// lock and to hash sources for hash-based .pyc files. freepy has no frozen
// modules, so the frozen-module functions answer as CPython does for an
// unknown name.

// globalImportLock is _imp.acquire_lock's re-entrant lock. CPython's
// import machinery takes it around short critical sections (module lock
// bookkeeping); the native importer does not need it, it has per-module
// locks (module.go).
type globalImportLock struct {
	mu    sync.Mutex
	owner *Thread
	count int
	free  chan struct{} // closed and replaced whenever the lock is released
}

var impLock = &globalImportLock{free: make(chan struct{})}

func (l *globalImportLock) acquire(t *Thread) {
	for {
		l.mu.Lock()
		if l.owner == nil || l.owner == t {
			l.owner = t
			l.count++
			l.mu.Unlock()
			return
		}
		wait := l.free
		l.mu.Unlock()
		held := t.BeginBlocking()
		<-wait
		t.EndBlocking(held)
	}
}

func (l *globalImportLock) release(t *Thread) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.owner != t {
		return NewError(RuntimeErrorType, "not holding the import lock")
	}
	l.count--
	if l.count == 0 {
		l.owner = nil
		close(l.free)
		l.free = make(chan struct{})
	}
	return nil
}

func (l *globalImportLock) held() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.owner != nil
}

// noSuchFrozen is CPython's error for a name that is not a frozen module.
func noSuchFrozen(name Object) error {
	s, _ := name.(*Str)
	n := ""
	if s != nil {
		n = s.s
	}
	e := NewError(ImportErrorType, "No such frozen object named '"+n+"'")
	e.Dict().SetStr("name", name)
	return e
}

// impStrArg checks that the one argument of an _imp function is a str.
func impStrArg(fname string, args []Object, kw []string) (*Str, error) {
	if len(kw) > 0 {
		return nil, TypeErrorf("%s() takes no keyword arguments", fname)
	}
	if len(args) != 1 {
		return nil, TypeErrorf("%s() takes exactly one argument (%d given)", fname, len(args))
	}
	s, ok := args[0].(*Str)
	if !ok {
		return nil, TypeErrorf("%s() argument must be str, not %s", fname, typeName(args[0]))
	}
	return s, nil
}

// specName reads spec.name as a str.
func specName(t *Thread, spec Object) (string, error) {
	n, err := GetAttr(t, spec, Intern("name"))
	if err != nil {
		return "", err
	}
	s, ok := n.(*Str)
	if !ok {
		return "", TypeErrorf("spec name must be string, not %s", typeName(n))
	}
	return s.s, nil
}

func impNoArgs(fname string, args []Object, kw []string) error {
	if len(kw) > 0 {
		return TypeErrorf("%s() takes no keyword arguments", fname)
	}
	return noArgs(fname, args)
}

func init() {
	RegisterNativeModule("_imp", func(t *Thread) (*Module, error) {
		m := NewModule("_imp")
		m.dict.SetStr("__doc__", NewStr("(Extremely) low-level import machinery bits as used by importlib and imp."))
		// freepy never reads or writes .pyc files, so hash-based pycs are
		// never checked either; 'default' is CPython's value.
		m.dict.SetStr("check_hash_based_pycs", NewStr("default"))
		m.AddFunc("lock_held", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := impNoArgs("lock_held", args, kw); err != nil {
				return nil, err
			}
			return Bool(impLock.held()), nil
		})
		m.AddFunc("acquire_lock", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := impNoArgs("acquire_lock", args, kw); err != nil {
				return nil, err
			}
			impLock.acquire(t)
			return None, nil
		})
		m.AddFunc("release_lock", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := impNoArgs("release_lock", args, kw); err != nil {
				return nil, err
			}
			if err := impLock.release(t); err != nil {
				return nil, err
			}
			return None, nil
		})
		m.AddFunc("is_builtin", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			s, err := impStrArg("is_builtin", args, kw)
			if err != nil {
				return nil, err
			}
			// -1: built in but cannot be initialised again (sys, builtins)
			switch s.s {
			case "sys", "builtins":
				return Int(-1), nil
			}
			nativeMu.RLock()
			_, ok := nativeModules[s.s]
			nativeMu.RUnlock()
			if ok {
				return Int(1), nil
			}
			return Int(0), nil
		})
		m.AddFunc("create_builtin", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(kw) > 0 || len(args) != 1 {
				return nil, TypeErrorf("create_builtin() takes exactly one argument (%d given)", len(args)+len(kw))
			}
			name, err := specName(t, args[0])
			if err != nil {
				return nil, err
			}
			return t.createBuiltin(name)
		})
		m.AddFunc("exec_builtin", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(kw) > 0 || len(args) != 1 {
				return nil, TypeErrorf("exec_builtin() takes exactly one argument (%d given)", len(args)+len(kw))
			}
			// Go modules are complete when created: nothing to execute
			return Int(0), nil
		})
		m.AddFunc("is_frozen", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if _, err := impStrArg("is_frozen", args, kw); err != nil {
				return nil, err
			}
			return False, nil
		})
		m.AddFunc("is_frozen_package", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			s, err := impStrArg("is_frozen_package", args, kw)
			if err != nil {
				return nil, err
			}
			return nil, noSuchFrozen(s)
		})
		m.AddFunc("find_frozen", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var name, withData Object
			if err := ParseArgs("find_frozen", args, kw, []string{"", "withdata"}, 1, &name, &withData); err != nil {
				return nil, err
			}
			if _, ok := name.(*Str); !ok {
				return nil, TypeErrorf("find_frozen() argument 1 must be str, not %s", typeName(name))
			}
			return None, nil
		})
		m.AddFunc("get_frozen_object", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var name, data Object
			if err := ParseArgs("get_frozen_object", args, kw, []string{"", ""}, 1, &name, &data); err != nil {
				return nil, err
			}
			if _, ok := name.(*Str); !ok {
				return nil, TypeErrorf("get_frozen_object() argument 1 must be str, not %s", typeName(name))
			}
			return nil, noSuchFrozen(name)
		})
		m.AddFunc("init_frozen", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if _, err := impStrArg("init_frozen", args, kw); err != nil {
				return nil, err
			}
			return None, nil
		})
		m.AddFunc("_frozen_module_names", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			return NewTuple(), nil
		})
		m.AddFunc("_override_frozen_modules_for_tests", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			return None, nil
		})
		m.AddFunc("_fix_co_filename", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(kw) > 0 || len(args) != 2 {
				return nil, TypeErrorf("_fix_co_filename expected 2 arguments, got %d", len(args)+len(kw))
			}
			c, ok := args[0].(*Code)
			if !ok {
				return nil, TypeErrorf("_fix_co_filename() argument 1 must be code, not %s", typeName(args[0]))
			}
			p, ok := args[1].(*Str)
			if !ok {
				return nil, TypeErrorf("_fix_co_filename() argument 2 must be str, not %s", typeName(args[1]))
			}
			fixCoFilename(c, p.s)
			return None, nil
		})
		m.AddFunc("extension_suffixes", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := impNoArgs("extension_suffixes", args, kw); err != nil {
				return nil, err
			}
			items := make([]Object, len(extensionSuffixes))
			for i, s := range extensionSuffixes {
				items[i] = NewStr(s)
			}
			return NewList(items...), nil
		})
		m.AddFunc("create_dynamic", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var spec, file Object
			if err := ParseArgs("create_dynamic", args, kw, []string{"", ""}, 1, &spec, &file); err != nil {
				return nil, err
			}
			return t.createDynamic(spec)
		})
		m.AddFunc("exec_dynamic", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(kw) > 0 || len(args) != 1 {
				return nil, TypeErrorf("exec_dynamic() takes exactly one argument (%d given)", len(args)+len(kw))
			}
			// freepy's loader runs the Py_mod_exec slots when it creates
			// the module (capi/load.go)
			return Int(0), nil
		})
		m.AddFunc("source_hash", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var key, source Object
			if err := ParseArgs("source_hash", args, kw, []string{"key", "source"}, 2, &key, &source); err != nil {
				return nil, err
			}
			k, err := AsInt64(t, key)
			if err != nil {
				return nil, err
			}
			data, err := needBytesLike(source)
			if err != nil {
				return nil, err
			}
			var out [8]byte
			binary.LittleEndian.PutUint64(out[:], sipHash13(uint64(k), 0, data))
			return NewBytes(out[:]), nil
		})
		return m, nil
	})

	// _warnings: importlib._bootstrap_external imports it. The filters
	// live in the pure-Python warnings module (its fallback when
	// _warnings lacks 'filters'), so warn and warn_explicit forward there.
	RegisterNativeModule("_warnings", func(t *Thread) (*Module, error) {
		m := NewModule("_warnings")
		forward := func(name string) BuiltinFunc {
			return func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
				w, err := t.importModule("warnings")
				if err != nil {
					return nil, err
				}
				fn, err := GetAttr(t, w, Intern(name))
				if err != nil {
					return nil, err
				}
				return Call(t, fn, args, kw)
			}
		}
		m.AddFunc("warn", forward("warn"))
		m.AddFunc("warn_explicit", forward("warn_explicit"))
		return m, nil
	})
}

// fixCoFilename is _imp._fix_co_filename: a code object loaded from a
// .pyc names the file it was compiled from; point it and its nested code
// objects at the file it was found at.
func fixCoFilename(c *Code, path string) {
	if c.Filename == path {
		return
	}
	old := c.Filename
	var walk func(c *Code)
	walk = func(c *Code) {
		if c.Filename != old {
			return
		}
		c.Filename = path
		for _, k := range c.consts {
			if sub, ok := k.(*Code); ok {
				walk(sub)
			}
		}
	}
	walk(c)
}

// createBuiltin is _imp.create_builtin: a fresh Go module, or the existing
// one for sys and builtins, which cannot be made twice.
func (t *Thread) createBuiltin(name string) (Object, error) {
	in := t.interp
	switch name {
	case "sys":
		return in.Sys, nil
	case "builtins":
		return in.Builtins, nil
	}
	// like CPython's cache of single-phase modules: a second create (say
	// from importlib.reload) gets the module already made
	if m, ok := in.Modules.GetStr(name).(*Module); ok && m.dict.GetStr("__file__") == nil {
		if n, ok := m.dict.GetStr("__name__").(*Str); ok && n.s == name {
			return m, nil
		}
	}
	nativeMu.RLock()
	init := nativeModules[name]
	nativeMu.RUnlock()
	if init == nil {
		return None, nil
	}
	return init(t)
}

// createDynamic is _imp.create_dynamic: load spec.origin through freepy's
// C-extension loader.
func (t *Thread) createDynamic(spec Object) (Object, error) {
	name, err := specName(t, spec)
	if err != nil {
		return nil, err
	}
	o, err := GetAttr(t, spec, Intern("origin"))
	if err != nil {
		return nil, err
	}
	path, ok := o.(*Str)
	if !ok {
		return nil, TypeErrorf("spec origin must be str, not %s", typeName(o))
	}
	if m, ok := t.interp.Modules.GetStr(name).(*Module); ok {
		if f, ok := m.dict.GetStr("__file__").(*Str); ok && f.s == path.s {
			return m, nil
		}
	}
	if ExtensionLoader == nil {
		e := NewError(ImportErrorType, "C extensions are not supported by this freepy build")
		e.Dict().SetStr("name", NewStr(name))
		return nil, e
	}
	return ExtensionLoader(t, name, path.s)
}

// sipHash13 is SipHash-1-3 (one compression and three finalisation
// rounds), the keyed hash CPython's _imp.source_hash uses.
func sipHash13(k0, k1 uint64, src []byte) uint64 {
	v0 := k0 ^ 0x736f6d6570736575
	v1 := k1 ^ 0x646f72616e646f6d
	v2 := k0 ^ 0x6c7967656e657261
	v3 := k1 ^ 0x7465646279746573
	round := func() {
		v0 += v1
		v1 = bits.RotateLeft64(v1, 13)
		v1 ^= v0
		v0 = bits.RotateLeft64(v0, 32)
		v2 += v3
		v3 = bits.RotateLeft64(v3, 16)
		v3 ^= v2
		v0 += v3
		v3 = bits.RotateLeft64(v3, 21)
		v3 ^= v0
		v2 += v1
		v1 = bits.RotateLeft64(v1, 17)
		v1 ^= v2
		v2 = bits.RotateLeft64(v2, 32)
	}
	n := len(src)
	b := uint64(n) << 56
	for len(src) >= 8 {
		m := binary.LittleEndian.Uint64(src)
		v3 ^= m
		round()
		v0 ^= m
		src = src[8:]
	}
	var tail [8]byte
	copy(tail[:], src)
	b |= binary.LittleEndian.Uint64(tail[:])
	v3 ^= b
	round()
	v0 ^= b
	v2 ^= 0xff
	round()
	round()
	round()
	return v0 ^ v1 ^ v2 ^ v3
}

// ImportError(*args, name=None, path=None): importlib raises it with
// keywords, which other built-in exceptions refuse.
func init() {
	parse := func(e *BaseException, args []Object, kw []string) error {
		npos := len(args) - len(kw)
		var name, path Object = None, None
		for i, k := range kw {
			switch k {
			case "name":
				name = args[npos+i]
			case "path":
				path = args[npos+i]
			default:
				return TypeErrorf("'%s' is an invalid keyword argument for ImportError()", k)
			}
		}
		e.SetArgs(NewTuple(append([]Object(nil), args[:npos]...)...))
		d := e.Dict()
		d.SetStr("name", name)
		d.SetStr("path", path)
		if npos == 1 {
			d.SetStr("msg", args[0])
		} else {
			d.SetStr("msg", None)
		}
		return nil
	}
	ImportErrorType.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		e := newExceptionInstance(typ, args, kw)
		if err := parse(e, args, kw); err != nil {
			return nil, err
		}
		return e, nil
	}
	ImportErrorType.Init = func(t *Thread, self Object, args []Object, kw []string) error {
		return parse(self.(*BaseException), args, kw)
	}
}
