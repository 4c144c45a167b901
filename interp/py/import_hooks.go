package py

import (
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
)

// The native importer and importlib.
//
// The import statement is served by the Go importer in module.go: it is
// much faster than running importlib's Python code for every import.
// importlib itself is loaded only when a program imports it. To keep the
// two consistent:
//
//   - sys.meta_path starts as CPython's [BuiltinImporter, FrozenImporter,
//     PathFinder] and sys.path_hooks holds the FileFinder hook. Until
//     importlib is loaded these are proxies that load it on first use;
//     afterwards they are replaced by importlib's own objects.
//   - The Go importer walks sys.meta_path in order. It does the work of
//     the standard finders itself and calls any other finder's find_spec,
//     loading what it returns through importlib._bootstrap._load_unlocked.
//     Likewise, on a path it honours sys.path_importer_cache and the
//     hooks of sys.path_hooks, doing the FileFinder hook's work itself.
//   - Once importlib is loaded, modules get real ModuleSpec and loader
//     objects (the ones imported before are upgraded then), and
//     importlib._bootstrap._find_and_load is the Go importer, so that
//     importlib.import_module and the import statement share one
//     implementation and one set of locks.

// importHooks is the per-interpreter state tying the two together.
type importHooks struct {
	proxiesOnce                                         sync.Once
	builtinProxy, frozenProxy, pathProxy, fileHookProxy *importerProxy
	// zipProxy stands for zipimport.zipimporter, in sys.path_hooks for
	// good: zipimport is imported only when a zip file is on a path.
	zipProxy *importerProxy
	// zipResolving holds the threads importing zipimport for zipProxy:
	// their imports must not consult zipProxy again.
	zipResolving sync.Map // *Thread -> bool

	objs       atomic.Pointer[importlibObjs]
	installing sync.Mutex
}

// importlibObjs are the importlib objects the Go importer uses.
type importlibObjs struct {
	builtinImporter, frozenImporter, pathFinder, fileHook Object
	fileFinder                                            *Type
	moduleSpec, specFromFileLocation                      Object
	sourceFileLoader, extensionFileLoader                 Object
	loadUnlocked, findSpecLegacy                          Object
}

// importerProxy stands for one of importlib's finders (or the FileFinder
// path hook) until importlib is loaded: any use of it loads importlib and
// forwards to the real object.
type importerProxy struct {
	repr string
	real func(o *importlibObjs) Object
	// module and attr name the real object when it is not importlib's
	module, attr string
}

// resolve returns the real object, importing what it takes.
func (p *importerProxy) resolve(t *Thread) (Object, error) {
	if p.module != "" {
		// zipimport imports importlib's modules under their frozen names
		if _, err := t.ensureImportlib(); err != nil {
			return nil, err
		}
		m, err := t.importModule(p.module)
		if err != nil {
			return nil, err
		}
		return GetAttr(t, m, Intern(p.attr))
	}
	objs, err := t.ensureImportlib()
	if err != nil {
		return nil, err
	}
	return p.real(objs), nil
}

var importerProxyType = newBuiltinType("importer_proxy", ObjectType)

// Type returns the proxy type.
func (*importerProxy) Type() *Type { return importerProxyType }

func init() {
	importerProxyType.Repr = func(t *Thread, o Object) (Object, error) {
		return NewStr(o.(*importerProxy).repr), nil
	}
	importerProxyType.GetAttr = func(t *Thread, o Object, name *Str) (Object, error) {
		real, err := o.(*importerProxy).resolve(t)
		if err != nil {
			return nil, err
		}
		return GetAttr(t, real, name)
	}
	importerProxyType.Call = func(t *Thread, o Object, args []Object, kw []string) (Object, error) {
		real, err := o.(*importerProxy).resolve(t)
		if err != nil {
			return nil, err
		}
		return Call(t, real, args, kw)
	}
	registerType(importerProxyType)
}

func (in *Interp) proxies() *importHooks {
	h := &in.hooks
	h.proxiesOnce.Do(func() {
		h.builtinProxy = &importerProxy{repr: "<class '_frozen_importlib.BuiltinImporter'>", real: func(o *importlibObjs) Object { return o.builtinImporter }}
		h.frozenProxy = &importerProxy{repr: "<class '_frozen_importlib.FrozenImporter'>", real: func(o *importlibObjs) Object { return o.frozenImporter }}
		h.pathProxy = &importerProxy{repr: "<class '_frozen_importlib_external.PathFinder'>", real: func(o *importlibObjs) Object { return o.pathFinder }}
		h.fileHookProxy = &importerProxy{repr: "<function FileFinder.path_hook.<locals>.path_hook_for_FileFinder>", real: func(o *importlibObjs) Object { return o.fileHook }}
		h.zipProxy = &importerProxy{repr: "<class 'zipimport.zipimporter'>", module: "zipimport", attr: "zipimporter"}
	})
	return h
}

// defaultMetaPath and defaultPathHooks are sys.meta_path and
// sys.path_hooks at startup.
func (in *Interp) defaultMetaPath() *List {
	h := in.proxies()
	return NewList(h.builtinProxy, h.frozenProxy, h.pathProxy)
}

func (in *Interp) defaultPathHooks() *List {
	h := in.proxies()
	return NewList(h.zipProxy, h.fileHookProxy)
}

// ensureImportlib imports importlib (if need be) and returns its objects.
func (t *Thread) ensureImportlib() (*importlibObjs, error) {
	if o := t.interp.hooks.objs.Load(); o != nil {
		return o, nil
	}
	if _, err := t.importModule("importlib"); err != nil {
		return nil, err
	}
	if err := t.installImportlib(); err != nil {
		return nil, err
	}
	if o := t.interp.hooks.objs.Load(); o != nil {
		return o, nil
	}
	return nil, NewError(ImportErrorType, "importlib._bootstrap is not available")
}

// installImportlib runs once importlib's package body has finished: it
// collects importlib's finders and loaders, puts them in place of the
// proxies and gives the modules imported so far real specs.
func (t *Thread) installImportlib() error {
	in := t.interp
	h := in.proxies()
	h.installing.Lock()
	defer h.installing.Unlock()
	if h.objs.Load() != nil {
		return nil
	}
	bs, ok1 := in.Modules.GetStr("importlib._bootstrap").(*Module)
	ext, ok2 := in.Modules.GetStr("importlib._bootstrap_external").(*Module)
	if !ok1 || !ok2 {
		return nil
	}
	o := &importlibObjs{}
	get := func(m *Module, name string) (Object, error) {
		v := m.dict.GetStr(name)
		if v == nil {
			return nil, Errorf(ImportErrorType, "importlib: %s.%s is missing", m.Name(), name)
		}
		return v, nil
	}
	var err error
	for _, f := range []struct {
		m    *Module
		name string
		dst  *Object
	}{
		{bs, "BuiltinImporter", &o.builtinImporter},
		{bs, "FrozenImporter", &o.frozenImporter},
		{bs, "ModuleSpec", &o.moduleSpec},
		{bs, "_load_unlocked", &o.loadUnlocked},
		{bs, "_find_spec_legacy", &o.findSpecLegacy},
		{ext, "PathFinder", &o.pathFinder},
		{ext, "spec_from_file_location", &o.specFromFileLocation},
		{ext, "SourceFileLoader", &o.sourceFileLoader},
		{ext, "ExtensionFileLoader", &o.extensionFileLoader},
	} {
		if *f.dst, err = get(f.m, f.name); err != nil {
			return err
		}
	}
	ff, err := get(ext, "FileFinder")
	if err != nil {
		return err
	}
	fft, ok := ff.(*Type)
	if !ok {
		return NewError(ImportErrorType, "importlib: FileFinder is not a class")
	}
	o.fileFinder = fft
	loaders, err := CallMethod(t, ext, "_get_supported_file_loaders")
	if err != nil {
		return err
	}
	la, err := ToSlice(t, loaders)
	if err != nil {
		return err
	}
	if o.fileHook, err = CallMethod(t, ff, "path_hook", la...); err != nil {
		return err
	}
	h.objs.Store(o)

	// the proxies give way to the real objects, wherever they are
	replace := func(name string) {
		l, ok := in.Sys.dict.GetStr(name).(*List)
		if !ok {
			return
		}
		for i, v := range l.Items() {
			if p, ok := v.(*importerProxy); ok && p.real != nil {
				l.SetItemAt(i, p.real(o))
			}
		}
	}
	replace("meta_path")
	replace("path_hooks")
	// CPython's names for the two modules (zipimport imports them)
	if in.Modules.GetStr("_frozen_importlib") == nil {
		in.Modules.SetStr("_frozen_importlib", bs)
	}
	if in.Modules.GetStr("_frozen_importlib_external") == nil {
		in.Modules.SetStr("_frozen_importlib_external", ext)
	}
	if err := patchPycChecks(t, ext); err != nil {
		return err
	}
	// importlib.import_module and importlib.__import__ end in
	// _find_and_load: make that the Go importer
	bs.dict.SetStr("_find_and_load", &Builtin{Name: "_find_and_load", Fn: func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(args) < 1 || len(kw) > 0 {
			return nil, TypeErrorf("_find_and_load() missing required argument 'name'")
		}
		name, ok := args[0].(*Str)
		if !ok {
			return nil, TypeErrorf("module name must be str, not %s", typeName(args[0]))
		}
		return t.importModule(name.s)
	}})

	// modules imported before importlib get real specs and loaders
	for _, e := range in.Modules.Items() {
		m, ok := e.value.(*Module)
		if !ok {
			continue
		}
		if k, ok := e.key.(*Str); ok && k.s == "__main__" {
			if err := t.setMainLoader(m); err != nil {
				return err
			}
			continue
		}
		if _, placeholder := m.dict.GetStr("__spec__").(*Instance); !placeholder {
			continue
		}
		file, ok := m.dict.GetStr("__file__").(*Str)
		if !ok {
			continue
		}
		pkgDir := ""
		if m.dict.GetStr("__path__") != nil {
			pkgDir = filepath.Dir(file.s)
		}
		name := m.Name()
		if err := t.setModuleSpec(m, name, file.s, pkgDir); err != nil {
			return err
		}
	}
	return nil
}

// setMainLoader gives a script's __main__ the SourceFileLoader CPython's
// runpy gives it (its __spec__ stays None, as for any script).
func (t *Thread) setMainLoader(m *Module) error {
	o := t.interp.hooks.objs.Load()
	file, ok := m.dict.GetStr("__file__").(*Str)
	if o == nil || !ok || m.dict.GetStr("__loader__") != None || !strings.HasSuffix(file.s, ".py") {
		return nil
	}
	loader, err := Call(t, o.sourceFileLoader, []Object{NewStr("__main__"), file}, nil)
	if err != nil {
		return err
	}
	m.dict.SetStr("__loader__", loader)
	return nil
}

// isExtensionFile reports whether path names a C extension.
func isExtensionFile(path string) bool {
	for _, s := range extensionSuffixes {
		if strings.HasSuffix(path, s) {
			return true
		}
	}
	return false
}

// setModuleSpec sets __spec__ and __loader__ of a module the Go importer
// loaded from file (a package's __init__.py when pkgDir is set): real
// importlib objects if importlib is loaded, a stand-in otherwise.
func (t *Thread) setModuleSpec(m *Module, name, file, pkgDir string) error {
	o := t.interp.hooks.objs.Load()
	if o == nil {
		m.dict.SetStr("__spec__", newModuleSpec(t, name, file, pkgDir != ""))
		return nil
	}
	loaderType := o.sourceFileLoader
	if isExtensionFile(file) {
		loaderType = o.extensionFileLoader
	}
	loader, err := Call(t, loaderType, []Object{NewStr(name), NewStr(file)}, nil)
	if err != nil {
		return err
	}
	var locs Object = None
	if pkgDir != "" {
		locs = NewList(NewStr(pkgDir))
	}
	spec, err := Call(t, o.specFromFileLocation, []Object{NewStr(name), NewStr(file), loader, locs},
		[]string{"loader", "submodule_search_locations"})
	if err != nil {
		return err
	}
	m.dict.SetStr("__spec__", spec)
	m.dict.SetStr("__loader__", loader)
	return nil
}

// setBuiltinSpec gives a Go-implemented module its spec once importlib is
// loaded (before, importlib._bootstrap._setup does it for all of them).
func (t *Thread) setBuiltinSpec(m *Module, name string) error {
	o := t.interp.hooks.objs.Load()
	if o == nil || m.dict.GetStr("__spec__") != None {
		return nil
	}
	spec, err := Call(t, o.moduleSpec, []Object{NewStr(name), o.builtinImporter, NewStr("built-in")}, []string{"origin"})
	if err != nil {
		return err
	}
	m.dict.SetStr("__spec__", spec)
	if m.dict.GetStr("__loader__") == None {
		m.dict.SetStr("__loader__", o.builtinImporter)
	}
	return nil
}

const (
	finderForeign = iota
	finderBuiltin
	finderFrozen
	finderPath
)

// finderKind tells the standard finders (proxy or real) from others.
func (in *Interp) finderKind(f Object) int {
	h := in.proxies()
	switch f {
	case h.builtinProxy:
		return finderBuiltin
	case h.frozenProxy:
		return finderFrozen
	case h.pathProxy:
		return finderPath
	}
	if o := h.objs.Load(); o != nil {
		switch f {
		case o.builtinImporter:
			return finderBuiltin
		case o.frozenImporter:
			return finderFrozen
		case o.pathFinder:
			return finderPath
		}
	}
	return finderForeign
}

// isFileFinderHook reports whether hook is the FileFinder path hook.
func (in *Interp) isFileFinderHook(hook Object) bool {
	h := in.proxies()
	if hook == h.fileHookProxy {
		return true
	}
	o := h.objs.Load()
	return o != nil && hook == o.fileHook
}

// findAndLoad loads module full (not in sys.modules; its import lock is
// held) by asking the finders of sys.meta_path in order. parentPath is
// the parent package's __path__ (nil for a top-level module) and
// searchPath its items, or sys.path.
func (t *Thread) findAndLoad(full, parentName string, parentPath Object, searchPath []Object) (Object, error) {
	in := t.interp
	if err := auditImport(t, full); err != nil {
		return nil, err
	}
	mp := in.Sys.dict.GetStr("meta_path")
	if mp == nil || mp == None {
		return nil, NewError(ImportErrorType, "sys.meta_path is None, Python is likely shutting down")
	}
	finders, err := ToSlice(t, mp)
	if err != nil {
		return nil, err
	}
	var pathArg Object = None
	if parentPath != nil {
		pathArg = parentPath
	}
	for _, f := range finders {
		switch in.finderKind(f) {
		case finderBuiltin:
			if m, err := t.loadNative(full, parentName); m != nil || err != nil {
				return m, err
			}
		case finderFrozen:
			// freepy has no frozen modules
		case finderPath:
			if m, err := t.findOnPath(full, parentName, searchPath); m != nil || err != nil {
				return m, err
			}
		default:
			spec, err := t.callFinder(f, full, pathArg)
			if err != nil {
				return nil, err
			}
			if spec != nil && spec != None {
				return t.loadSpec(spec, full, parentName)
			}
		}
	}
	return nil, notFound(full, "'"+full+"'")
}

// callFinder calls a meta path finder's find_spec, or importlib's
// fallback to the legacy find_module.
func (t *Thread) callFinder(f Object, full string, path Object) (Object, error) {
	fs, err := GetAttrOpt(t, f, Intern("find_spec"))
	if err != nil {
		return nil, err
	}
	if fs != nil {
		return Call(t, fs, []Object{NewStr(full), path, None}, nil)
	}
	o, err := t.ensureImportlib()
	if err != nil {
		return nil, err
	}
	return Call(t, o.findSpecLegacy, []Object{f, NewStr(full), path}, nil)
}

// loadSpec loads a module from a spec a Python finder returned.
func (t *Thread) loadSpec(spec Object, full, parentName string) (Object, error) {
	o, err := t.ensureImportlib()
	if err != nil {
		return nil, err
	}
	m, err := Call1(t, o.loadUnlocked, spec)
	if err != nil {
		return nil, err
	}
	t.bindSubmodule(parentName, full, m)
	return m, nil
}

// loadNative makes a Go-implemented module; nil if there is none.
func (t *Thread) loadNative(full, parentName string) (Object, error) {
	nativeMu.RLock()
	native := nativeModules[full]
	nativeMu.RUnlock()
	if native == nil {
		return nil, nil
	}
	m, err := native(t)
	if err != nil {
		return nil, err
	}
	m.native.Store(true)
	if err := t.setBuiltinSpec(m, full); err != nil {
		return nil, err
	}
	t.interp.Modules.SetStr(full, m)
	t.bindSubmodule(parentName, full, m)
	return m, nil
}

// findOnPath is PathFinder's work: each entry of searchPath goes to its
// finder in sys.path_importer_cache, or to the first of sys.path_hooks
// that accepts it. Directories the FileFinder hook would take are
// searched here in Go.
func (t *Thread) findOnPath(full, parentName string, searchPath []Object) (Object, error) {
	in := t.interp
	last := full[strings.LastIndexByte(full, '.')+1:]
	var hooks []Object
	if hl := in.Sys.dict.GetStr("path_hooks"); hl != nil && hl != None {
		var err error
		if hooks, err = ToSlice(t, hl); err != nil {
			return nil, err
		}
	}
	cache, _ := in.Sys.dict.GetStr("path_importer_cache").(*Dict)
	var namespace []Object
	for _, entry := range searchPath {
		dir, ok := entry.(*Str)
		if !ok {
			continue
		}
		key := Object(dir)
		if dir.s == "" {
			// PathFinder looks the current directory up by its name
			if wd, err := os.Getwd(); err == nil {
				key = NewStr(wd)
			}
		}
		var finder Object
		native := false
		cached, err := lookupFinder(t, cache, key)
		if err != nil {
			return nil, err
		}
		switch {
		case cached == None:
			continue
		case cached != nil:
			if o := in.hooks.objs.Load(); o != nil && cached.Type().IsSubtype(o.fileFinder) {
				native = true
			} else {
				finder = cached
			}
		default:
			for _, hook := range hooks {
				if in.isFileFinderHook(hook) {
					if isDir(dir.s) {
						native = true
						break
					}
					continue
				}
				if hook == in.hooks.zipProxy {
					if !inZipFile(dir.s) {
						// what zipimporter would refuse, without importing it
						continue
					}
					if _, busy := in.hooks.zipResolving.Load(t); busy {
						continue
					}
					in.hooks.zipResolving.Store(t, true)
					real, err := in.hooks.zipProxy.resolve(t)
					in.hooks.zipResolving.Delete(t)
					if err != nil {
						return nil, err
					}
					hook = real
				}
				f, err := Call1(t, hook, key)
				if err != nil {
					if IsInstanceOf(err, ImportErrorType) {
						continue
					}
					return nil, err
				}
				if cache != nil {
					if err := cache.SetItem(t, key, f); err != nil {
						return nil, err
					}
				}
				finder = f
				break
			}
			if finder == nil && !native && cache != nil {
				// no hook takes this entry (a missing directory, or
				// the zipped stdlib Debian does not ship): remember
				// that, as PathFinder does, instead of asking again
				// on every import
				if err := cache.SetItem(t, key, None); err != nil {
					return nil, err
				}
			}
		}
		if native {
			d := dir.s
			if d == "" {
				d = "."
			}
			m, isNS, err := t.searchDir(full, parentName, last, d)
			if m != nil || err != nil {
				return m, err
			}
			if isNS {
				namespace = append(namespace, NewStr(filepath.Join(d, last)))
			}
			continue
		}
		if finder == nil {
			continue
		}
		spec, err := t.callPathFinder(finder, full)
		if err != nil {
			return nil, err
		}
		if spec == nil || spec == None {
			continue
		}
		loader, err := GetAttr(t, spec, Intern("loader"))
		if err != nil {
			return nil, err
		}
		if loader != None {
			return t.loadSpec(spec, full, parentName)
		}
		locs, err := GetAttr(t, spec, Intern("submodule_search_locations"))
		if err != nil {
			return nil, err
		}
		if locs == None {
			return nil, NewError(ImportErrorType, "spec missing loader")
		}
		more, err := ToSlice(t, locs)
		if err != nil {
			return nil, err
		}
		namespace = append(namespace, more...)
	}
	if len(namespace) > 0 {
		// importlib's own namespace package (a _NamespacePath that follows
		// sys.path, NamespaceLoader): rare enough to pay for importlib
		if m, err := t.importNamespace(full, parentName, searchPath); m != nil || err != nil {
			return m, err
		}
		m := NewModule(full)
		m.dict.SetStr("__path__", NewList(namespace...))
		m.dict.SetStr("__package__", NewStr(full))
		if o := in.hooks.objs.Load(); o != nil {
			spec, err := Call(t, o.moduleSpec, []Object{NewStr(full), None, None, True}, []string{"origin", "is_package"})
			if err != nil {
				return nil, err
			}
			if err := SetAttr(t, spec, Intern("submodule_search_locations"), m.dict.GetStr("__path__")); err != nil {
				return nil, err
			}
			m.dict.SetStr("__spec__", spec)
		}
		in.Modules.SetStr(full, m)
		t.bindSubmodule(parentName, full, m)
		return m, nil
	}
	return nil, nil
}

// importNamespace makes namespace package full through importlib's
// PathFinder, as CPython does; nil if PathFinder finds no spec.
func (t *Thread) importNamespace(full, parentName string, searchPath []Object) (Object, error) {
	o, err := t.ensureImportlib()
	if err != nil {
		return nil, err
	}
	bs, _ := t.interp.Modules.GetStr("importlib._bootstrap").(*Module)
	if bs == nil {
		return nil, nil
	}
	fromSpec := bs.dict.GetStr("module_from_spec")
	if fromSpec == nil {
		return nil, nil
	}
	var path Object = None
	if parentName != "" {
		path = NewList(searchPath...)
	}
	find, err := GetAttr(t, o.pathFinder, Intern("find_spec"))
	if err != nil {
		return nil, err
	}
	spec, err := Call(t, find, []Object{NewStr(full), path}, nil)
	if err != nil || spec == None {
		return nil, err
	}
	m, err := Call1(t, fromSpec, spec)
	if err != nil {
		return nil, err
	}
	t.interp.Modules.SetStr(full, m)
	t.bindSubmodule(parentName, full, m)
	return m, nil
}

// lookupFinder reads sys.path_importer_cache[key]; nil if absent.
func lookupFinder(t *Thread, cache *Dict, key Object) (Object, error) {
	if cache == nil {
		return nil, nil
	}
	return cache.GetItem(t, key)
}

// callPathFinder asks a path entry finder for full, as PathFinder does.
func (t *Thread) callPathFinder(finder Object, full string) (Object, error) {
	fs, err := GetAttrOpt(t, finder, Intern("find_spec"))
	if err != nil {
		return nil, err
	}
	if fs != nil {
		return Call(t, fs, []Object{NewStr(full), None}, nil)
	}
	o, err := t.ensureImportlib()
	if err != nil {
		return nil, err
	}
	legacy, err := GetAttr(t, o.pathFinder, Intern("_legacy_get_spec"))
	if err != nil {
		return nil, err
	}
	return Call(t, legacy, []Object{NewStr(full), finder}, nil)
}

// inZipFile reports whether the longest existing prefix of path is a
// regular file, the only kind of entry zipimporter accepts.
func inZipFile(path string) bool {
	for p := path; p != ""; {
		st, err := os.Stat(p)
		if err == nil {
			return st.Mode().IsRegular()
		}
		parent := filepath.Dir(p)
		if parent == p {
			return false
		}
		p = parent
	}
	return false
}

func isDir(p string) bool {
	if p == "" {
		p = "."
	}
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// searchDir looks for module last in directory d: a package, a source
// file or a C extension, in FileFinder's order. isNS reports a directory
// without __init__.py, a candidate namespace package portion.
func (t *Thread) searchDir(full, parentName, last, d string) (Object, bool, error) {
	in := t.interp
	pkgInit := filepath.Join(d, last, "__init__.py")
	if fileExists(pkgInit) {
		m, err := t.execModuleFile(full, parentName, pkgInit, filepath.Join(d, last))
		return m, false, err
	}
	file := filepath.Join(d, last+".py")
	if fileExists(file) {
		m, err := t.execModuleFile(full, parentName, file, "")
		return m, false, err
	}
	if ExtensionLoader != nil {
		for _, suf := range extensionSuffixes {
			so := filepath.Join(d, last+suf)
			if fileExists(so) {
				m, err := ExtensionLoader(t, full, so)
				if err != nil {
					return nil, false, err
				}
				if err := t.setModuleSpec(m, full, so, ""); err != nil {
					return nil, false, err
				}
				in.Modules.SetStr(full, m)
				t.bindSubmodule(parentName, full, m)
				return m, false, nil
			}
		}
	}
	// any other directory is a namespace portion, in the standard
	// library too (Debian ships idlelib and tkinter as bare directories
	// when their packages are not installed: CPython imports them)
	if st, err := os.Stat(filepath.Join(d, last)); err == nil && st.IsDir() {
		return nil, true, nil
	}
	return nil, false, nil
}

// patchPycChecks makes importlib's .pyc handling agree with freepy's
// bytecode cache (codecache.go): MAGIC_NUMBER becomes freepy's, so that
// SourceFileLoader, py_compile and compileall read and write the same
// NAME.freepy-311.pyc files as the Go importer, and _classify_pyc also
// rejects a file whose code record another build of freepy wrote (or that
// is damaged): importlib then compiles the source and rewrites the file,
// where marshal.loads would otherwise fail the import.
func patchPycChecks(t *Thread, ext *Module) error {
	ext.dict.SetStr("MAGIC_NUMBER", NewBytes(append([]byte(nil), pycMagic...)))
	ext.dict.SetStr("_RAW_MAGIC_NUMBER", Int(binary.LittleEndian.Uint32(pycMagic)))
	orig := ext.dict.GetStr("_classify_pyc")
	if orig == nil {
		return Errorf(ImportErrorType, "importlib: _bootstrap_external._classify_pyc is missing")
	}
	ext.dict.SetStr("_classify_pyc", &Builtin{Name: "_classify_pyc", Fn: func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		flags, err := Call(t, orig, args, kw)
		if err != nil || len(args) < 2 {
			return flags, err
		}
		data, ok := bytesLike(args[0])
		if !ok || len(data) <= 16 || checkCodeRecord(data[16:]) {
			return flags, nil
		}
		name, err := Repr(t, args[1])
		if err != nil {
			return nil, err
		}
		e := NewError(ImportErrorType, "stale or damaged code in the cached bytecode of "+name.s)
		if len(args) > 2 {
			if d, ok := args[2].(*Dict); ok {
				for _, k := range []string{"name", "path"} {
					if v := d.GetStr(k); v != nil {
						e.Dict().SetStr(k, v)
					}
				}
			}
		}
		return nil, e
	}})
	return nil
}
