package py

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"

	"freepy/interp/compile"
	"freepy/interp/syntax"
)

// Module is a module object.
type Module struct {
	dict *Dict
	// sub is the class of an instance of a ModuleType subclass (made by
	// calling the subclass, or by assigning __class__ as modules that
	// customise their attribute access do); nil for a plain module. Atomic
	// because __class__ may be assigned while other threads use the module.
	sub atomic.Pointer[Type]
	// native marks a module implemented in Go (loadNative): its repr says
	// "(built-in)" even before importlib exists to give it a __spec__.
	native atomic.Bool
}

// Type returns module or the ModuleType subclass the module belongs to.
func (m *Module) Type() *Type {
	if t := m.sub.Load(); t != nil {
		return t
	}
	return ModuleType
}

// moduleRepr is module.__repr__, worked out as importlib's _module_repr
// does: from __spec__ when there is one, else from __name__, __file__ and
// __loader__, each read as an attribute (so a subclass's __getattr__ takes
// part, as in CPython).
func moduleRepr(t *Thread, o Object) (Object, error) {
	attr := func(x Object, name string) (Object, error) {
		v, err := GetAttrOpt(t, x, Intern(name))
		if v == nil && err == nil {
			v = None
		}
		return v, err
	}
	quote := func(x Object) (string, error) {
		r, err := Repr(t, x)
		if err != nil {
			return "", err
		}
		return r.s, nil
	}
	loader, err := attr(o, "__loader__")
	if err != nil {
		return nil, err
	}
	spec, err := attr(o, "__spec__")
	if err != nil {
		return nil, err
	}
	if ok, err := IsTrue(t, spec); err != nil {
		return nil, err
	} else if ok {
		return moduleReprFromSpec(t, spec, quote, attr)
	}
	name := Object(NewStr("?"))
	if v, err := GetAttrOpt(t, o, Intern("__name__")); err != nil {
		return nil, err
	} else if v != nil {
		name = v
	}
	n, err := quote(name)
	if err != nil {
		return nil, err
	}
	file, err := GetAttrOpt(t, o, Intern("__file__"))
	if err != nil {
		return nil, err
	}
	if file != nil {
		f, err := quote(file)
		if err != nil {
			return nil, err
		}
		return NewStr("<module " + n + " from " + f + ">"), nil
	}
	if loader == None {
		if m, ok := o.(*Module); ok && m.native.Load() {
			return NewStr("<module " + n + " (built-in)>"), nil
		}
		return NewStr("<module " + n + ">"), nil
	}
	l, err := quote(loader)
	if err != nil {
		return nil, err
	}
	return NewStr("<module " + n + " (" + l + ")>"), nil
}

func moduleReprFromSpec(t *Thread, spec Object, quote func(Object) (string, error), attr func(Object, string) (Object, error)) (Object, error) {
	name, err := attr(spec, "name")
	if err != nil {
		return nil, err
	}
	if name == None {
		name = NewStr("?")
	}
	n, err := quote(name)
	if err != nil {
		return nil, err
	}
	origin, err := attr(spec, "origin")
	if err != nil {
		return nil, err
	}
	if origin == None {
		loader, err := attr(spec, "loader")
		if err != nil {
			return nil, err
		}
		if loader == None {
			return NewStr("<module " + n + ">"), nil
		}
		l, err := quote(loader)
		if err != nil {
			return nil, err
		}
		return NewStr("<module " + n + " (" + l + ")>"), nil
	}
	loc, err := attr(spec, "has_location")
	if err != nil {
		return nil, err
	}
	if ok, err := IsTrue(t, loc); err != nil {
		return nil, err
	} else if ok {
		o, err := quote(origin)
		if err != nil {
			return nil, err
		}
		return NewStr("<module " + n + " from " + o + ">"), nil
	}
	o, err := StrOf(t, origin)
	if err != nil {
		return nil, err
	}
	return NewStr("<module " + n + " (" + o.s + ")>"), nil
}

// setModuleClass assigns a module's __class__: ModuleType itself or a
// subclass of it defined in Python (CPython allows nothing else).
func setModuleClass(m *Module, v Object) error {
	nt, ok := v.(*Type)
	if !ok {
		return TypeErrorf("__class__ must be set to a class, not '%s' object", typeName(v))
	}
	if nt == ModuleType {
		m.sub.Store(nil)
		return nil
	}
	if !nt.IsSubtype(ModuleType) {
		if !nt.isHeap() {
			return TypeErrorf("__class__ assignment only supported for mutable types or ModuleType subclasses")
		}
		return TypeErrorf("__class__ assignment: '%s' object layout differs from 'module'", nt.Name())
	}
	m.sub.Store(nt)
	return nil
}

// NewModule makes an empty module named name.
func NewModule(name string) *Module {
	m := &Module{dict: NewDict()}
	m.dict.SetStr("__name__", NewStr(name))
	m.dict.SetStr("__doc__", None)
	m.dict.SetStr("__package__", None)
	m.dict.SetStr("__loader__", None)
	m.dict.SetStr("__spec__", None)
	return m
}

// Dict returns the module's globals.
func (m *Module) Dict() *Dict { return m.dict }

// Name returns __name__.
func (m *Module) Name() string {
	if s, ok := m.dict.GetStr("__name__").(*Str); ok {
		return s.s
	}
	return "?"
}

func init() {
	ModuleType.Repr = moduleRepr
	ModuleType.GetAttr = func(t *Thread, o Object, name *Str) (Object, error) {
		m := o.(*Module)
		if name.s == "__dict__" && (m.Type() == ModuleType || m.Type().Lookup(name) == nil) {
			return m.dict, nil // a subclass may define its own __dict__
		}
		v, err := GenericGetAttr(t, o, name)
		if err == nil || !IsInstanceOf(err, AttributeErrorType) {
			return v, err
		}
		if ga := m.dict.GetStr("__getattr__"); ga != nil {
			return Call1(t, ga, name)
		}
		return nil, err
	}
	// module.__new__ takes any arguments and makes an empty module of the
	// class called; module.__init__(name, doc=None) fills in the names, so
	// that a subclass's __init__ can call it through super().
	ModuleType.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		m := &Module{dict: NewDict()}
		if typ != nil && typ != ModuleType {
			m.sub.Store(typ)
		}
		return m, nil
	}
	ModuleType.Init = func(t *Thread, self Object, args []Object, kw []string) error {
		m, ok := self.(*Module)
		if !ok {
			return TypeErrorf("descriptor '__init__' requires a 'module' object but received a '%s'", typeName(self))
		}
		var name, doc Object
		if err := ParseArgs("module", args, kw, []string{"name", "doc"}, 1, &name, &doc); err != nil {
			return err
		}
		if _, ok := name.(*Str); !ok {
			return TypeErrorf("module() argument 'name' must be str, not %s", typeName(name))
		}
		if doc == nil {
			doc = None
		}
		m.dict.SetStr("__name__", name)
		m.dict.SetStr("__doc__", doc)
		m.dict.SetStr("__package__", None)
		m.dict.SetStr("__loader__", None)
		m.dict.SetStr("__spec__", None)
		return nil
	}
	// module.__dir__: the module's own __dir__ function if its globals
	// define one (PEP 562), else the names of its globals.
	ModuleType.AddMethod("__dir__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		m, ok := self.(*Module)
		if !ok {
			return nil, TypeErrorf("descriptor '__dir__' requires a 'module' object but received a '%s'", typeName(self))
		}
		if len(args) > 0 || len(kw) > 0 {
			return nil, TypeErrorf("__dir__() takes no arguments (%d given)", len(args))
		}
		d, err := m.attrDict(t)
		if err != nil {
			return nil, err
		}
		if f := d.GetStr("__dir__"); f != nil {
			return Call(t, f, nil, nil)
		}
		return NewList(d.Keys()...), nil
	})
	// module.__annotations__ is made empty on first access (3.10), in the
	// module's __dict__.
	ModuleType.AddGetSet("__annotations__", func(t *Thread, self Object) (Object, error) {
		m, ok := self.(*Module)
		if !ok {
			return nil, TypeErrorf("descriptor '__annotations__' for 'module' objects doesn't apply to a '%s' object", typeName(self))
		}
		d, err := m.attrDict(t)
		if err != nil {
			return nil, err
		}
		name := Intern("__annotations__")
		v, err := d.GetItem(t, name)
		if v != nil || err != nil {
			return v, err
		}
		v = NewDict()
		return v, d.SetItem(t, name, v)
	}, func(t *Thread, self, v Object) error {
		m, ok := self.(*Module)
		if !ok {
			return TypeErrorf("descriptor '__annotations__' for 'module' objects doesn't apply to a '%s' object", typeName(self))
		}
		d, err := m.attrDict(t)
		if err != nil {
			return err
		}
		name := Intern("__annotations__")
		if v != nil {
			return d.SetItem(t, name, v)
		}
		if found, err := d.DelItem(t, name); err != nil || found {
			return err
		}
		return Errorf(AttributeErrorType, "__annotations__")
	})
	registerType(ModuleType)
}

// attrDict is the module's __dict__ as its attribute gives it: a
// subclass may replace it (CPython reads the attribute).
func (m *Module) attrDict(t *Thread) (*Dict, error) {
	if m.Type() == ModuleType {
		return m.dict, nil
	}
	dv, err := GetAttr(t, m, Intern("__dict__"))
	if err != nil {
		return nil, err
	}
	d, ok := dv.(*Dict)
	if !ok {
		return nil, TypeErrorf("<module>.__dict__ is not a dictionary")
	}
	return d, nil
}

// ---- compiling ----

// CompileSource parses and compiles source bytes as compile() does (and
// exec(), import): a PEP 263 encoding that cannot decode them is a
// SyntaxError with the codec's message. Errors are Python SyntaxError
// exceptions.
func CompileSource(t *Thread, src []byte, filename string, mode syntax.Mode, flags compile.Flags) (*Code, error) {
	return compileBytes(t, src, filename, mode, flags, parseHooks(t, filename))
}

// CompileFile is CompileSource for a script CPython reads from a file
// (or standard input) itself: there, an encoding that cannot decode the
// source is "encoding problem: NAME".
func CompileFile(t *Thread, src []byte, filename string, flags compile.Flags) (*Code, error) {
	h := parseHooks(t, filename)
	if decode := h.Decode; decode != nil {
		h.Decode = func(encoding string, src []byte) ([]byte, error) {
			out, err := decode(encoding, src)
			if err != nil {
				return nil, errors.New("file encoding") // syntax reports the problem
			}
			return out, nil
		}
	}
	code, err := compileBytes(t, src, filename, syntax.ModeExec, flags, h)
	if e, ok := err.(*BaseException); ok && e.typ == SyntaxErrorType {
		// CPython's file tokenizer reports undecodable bytes and a
		// coding declaration it cannot use in a script without a
		// location: no File line and no source line (which would print
		// the bytes themselves) above the message
		if msg, _ := e.Dict().GetStr("msg").(*Str); msg != nil &&
			(strings.HasPrefix(msg.s, "Non-UTF-8 code starting with") || strings.HasPrefix(msg.s, "encoding problem: ")) {
			return nil, NewError(SyntaxErrorType, msg.s)
		}
	}
	return code, err
}

// CompileText compiles source that is text already (python -c): a coding
// declaration in it does not apply.
func CompileText(t *Thread, src, filename string, mode syntax.Mode, flags compile.Flags) (*Code, error) {
	return compileText(t, src, filename, mode, flags)
}

func compileBytes(t *Thread, src []byte, filename string, mode syntax.Mode, flags compile.Flags, h syntax.Hooks) (*Code, error) {
	mod, err := syntax.ParseWith(filename, src, mode, h)
	if err != nil {
		return nil, syntaxErrorFrom(err)
	}
	code, err := compile.Compile(mod, filename, mode, withWarnings(t, filename, flags))
	if err != nil {
		return nil, syntaxErrorFrom(err)
	}
	return NewCode(code), nil
}

// warnExplicit sends a warning found while compiling through the
// warnings module (warn_explicit at the file and line), so that filters
// apply. It returns errRaisedAsError when a filter made the warning of
// category an exception (the caller turns it into a SyntaxError, as
// CPython does), and any other exception the warning machinery raised.
func warnExplicit(t *Thread, category *Type, msg, filename string, lineno int) error {
	w, err := t.importModule("warnings")
	if err != nil {
		return nil // not yet importable (start-up): nothing to report to
	}
	fn, err := GetAttr(t, w, Intern("warn_explicit"))
	if err != nil {
		return nil // warnings itself is still being imported
	}
	_, err = Call(t, fn, []Object{NewStr(msg), category, NewStr(filename), Int(lineno)}, nil)
	if err != nil && IsInstanceOf(err, category) {
		return syntax.ErrWarningRaised
	}
	return err
}

// withWarnings sends the compiler's SyntaxWarnings through warnExplicit.
func withWarnings(t *Thread, filename string, flags compile.Flags) compile.Flags {
	if flags.Warn != nil || t == nil {
		return flags
	}
	flags.Warn = func(msg string, lineno int) error {
		return warnExplicit(t, SyntaxWarningType, msg, filename, lineno)
	}
	return flags
}

// parseHooks connects the parser to the interpreter: its warnings
// (invalid escape sequences, a number followed by a keyword) go through
// warnExplicit, and source in an encoding it does not know itself is
// decoded by the codecs (bytes.decode).
func parseHooks(t *Thread, filename string) syntax.Hooks {
	if t == nil {
		return syntax.Hooks{}
	}
	return syntax.Hooks{
		Warn: func(category, msg string, lineno int) error {
			typ := SyntaxWarningType
			if category == syntax.DeprecationWarning {
				typ = DeprecationWarningType
			}
			return warnExplicit(t, typ, msg, filename, lineno)
		},
		Decode: func(encoding string, src []byte) ([]byte, error) {
			s, err := DecodeBytes(t, src, encoding, "strict")
			if err != nil {
				// CPython's SyntaxError here has the codec's message and
				// line 0
				msg := err.Error()
				if e, ok := err.(*BaseException); ok {
					if str, serr := StrOf(t, e); serr == nil {
						msg = str.s
					}
				}
				return nil, &syntax.Error{Kind: "SyntaxError", Msg: msg, Col: -1, EndCol: -1}
			}
			return []byte(s.s), nil
		},
	}
}

// syntaxErrorFrom converts a front-end error into a SyntaxError.
func syntaxErrorFrom(err error) error {
	if _, ok := err.(*BaseException); ok {
		return err // raised while compiling (a warning filter)
	}
	se, ok := err.(*syntax.Error)
	if !ok {
		return NewError(SystemErrorType, "compiler: "+err.Error())
	}
	typ := SyntaxErrorType
	switch se.Kind {
	case "IndentationError":
		typ = IndentationErrorType
	case "TabError":
		typ = TabErrorType
	}
	e := &BaseException{typ: typ}
	var text Object = None
	if se.Text != "" {
		text = NewStr(se.Text)
	} else if line, ok := rawSourceLine(se.Filename, se.Line); ok && !strings.HasPrefix(se.Filename, "<") {
		// the compiler's errors carry no text: CPython reads the line
		// from the file (PyErr_ProgramTextObject)
		text = NewStr(line + "\n")
	}
	e.args = NewTuple(NewStr(se.Msg), NewTuple(NewStr(se.Filename), Int(se.Line), Int(se.Col), text, Int(se.EndLine), Int(se.EndCol))) // not published yet
	d := e.Dict()
	d.SetStr("msg", NewStr(se.Msg))
	d.SetStr("filename", NewStr(se.Filename))
	d.SetStr("lineno", Int(se.Line))
	d.SetStr("offset", Int(se.Col))
	d.SetStr("text", text)
	d.SetStr("end_lineno", Int(se.EndLine))
	d.SetStr("end_offset", Int(se.EndCol))
	d.SetStr("print_file_and_line", None)
	return e
}

// IsIncomplete reports whether a compile error means "need more input".
func IsIncomplete(err error) bool {
	_, ok := err.(*syntax.Error)
	return ok && err.(*syntax.Error).Incomplete
}

// ParseOnly runs the parser alone (the REPL uses it to detect incomplete
// input).
func ParseOnly(src []byte, mode syntax.Mode) error {
	_, err := syntax.Parse("<stdin>", src, mode)
	return err
}

// ExecCode runs module-level code with globals (and locals) as namespaces.
func (t *Thread) ExecCode(code *Code, globals *Dict, locals Object) (Object, error) {
	return t.execCodeClosure(code, globals, locals, nil)
}

// execCodeClosure is ExecCode with the cells of the code's free
// variables (exec's closure=).
func (t *Thread) execCodeClosure(code *Code, globals *Dict, locals Object, closure []*Cell) (Object, error) {
	if globals.GetStr("__builtins__") == nil {
		globals.SetStr("__builtins__", t.interp.Builtins)
	}
	if locals == nil {
		locals = globals
	}
	f := t.newFrame(code, globals, builtinsFor(t, globals), locals)
	f.closure = closure
	return t.run(f)
}

// ---- importing ----

type importLock struct {
	owner *Thread
	done  chan struct{}
}

// NativeModules maps names of modules implemented in Go to their
// initialisers (sys and builtins are made by the interpreter itself).
var nativeModules = map[string]func(t *Thread) (*Module, error){}
var nativeMu sync.RWMutex

// RegisterNativeModule makes a Go-implemented module importable.
func RegisterNativeModule(name string, init func(t *Thread) (*Module, error)) {
	nativeMu.Lock()
	nativeModules[name] = init
	nativeMu.Unlock()
}

// ExtensionLoader loads a compiled C extension (set by package capi).
var ExtensionLoader func(t *Thread, name, path string) (*Module, error)

func (t *Thread) importName(f *Frame, name *Str, fromlist, levelObj Object) (Object, error) {
	level := 0
	if l, ok := levelObj.(Int); ok {
		level = int(l)
	}
	return t.Import(name.s, f.globals, fromlist, level)
}

// Import is __import__(name, globals, locals, fromlist, level).
func (t *Thread) Import(name string, globals *Dict, fromlist Object, level int) (Object, error) {
	// a user-replaced builtins.__import__ is honoured
	if imp := t.interp.Builtins.dict.GetStr("__import__"); imp != nil {
		if b, ok := imp.(*Builtin); !ok || b.Name != "__import__" {
			var g Object = None
			if globals != nil {
				g = globals
			}
			if fromlist == nil {
				fromlist = None
			}
			return Call(t, imp, []Object{NewStr(name), g, None, fromlist, Int(level)}, nil)
		}
	}
	full := name
	if level > 0 {
		pkg, err := packageOf(globals)
		if err != nil {
			return nil, err
		}
		if pkg == "" {
			return nil, NewError(ImportErrorType, "attempted relative import with no known parent package")
		}
		parts := strings.Split(pkg, ".")
		if level-1 > len(parts)-1 && level > 1 {
			return nil, NewError(ImportErrorType, "attempted relative import beyond top-level package")
		}
		base := strings.Join(parts[:len(parts)-(level-1)], ".")
		if name == "" {
			full = base
		} else {
			full = base + "." + name
		}
	}
	if full == "" {
		return nil, ValueErrorf("Empty module name")
	}
	mod, err := t.importModule(full)
	if err != nil {
		return nil, err
	}
	hasFrom := fromlist != nil && fromlist != None
	if hasFrom {
		if n, _ := Len(t, fromlist); n == 0 {
			hasFrom = false
		}
	}
	if !hasFrom {
		if level == 0 {
			top := strings.SplitN(full, ".", 2)[0]
			if top != full {
				return t.interp.Modules.GetStr(top), nil
			}
		} else if name != "" && strings.Contains(name, ".") {
			return t.interp.Modules.GetStr(full[:len(full)-len(name)+strings.Index(name, ".")]), nil
		}
		return mod, nil
	}
	// from pkg import submodule
	if m, ok := mod.(*Module); ok && m.dict.GetStr("__path__") != nil {
		items, _ := ToSlice(t, fromlist)
		for _, it := range items {
			s, ok := it.(*Str)
			if !ok || s.s == "*" {
				continue
			}
			if m.dict.getStr(s) == nil {
				// as _handle_fromlist: only the submodule's own absence
				// is not an error (the name may be missing from the package)
				sub := full + "." + s.s
				if _, err := t.importModule(sub); err != nil && !isNotFound(err, sub) {
					return nil, err
				}
			}
		}
	}
	return mod, nil
}

func packageOf(globals *Dict) (string, error) {
	if globals == nil {
		return "", nil
	}
	if p, ok := globals.GetStr("__package__").(*Str); ok {
		return p.s, nil
	}
	name, ok := globals.GetStr("__name__").(*Str)
	if !ok {
		return "", nil
	}
	if globals.GetStr("__path__") != nil {
		return name.s, nil
	}
	if i := strings.LastIndexByte(name.s, '.'); i >= 0 {
		return name.s[:i], nil
	}
	return "", nil
}

// importModule imports a module by its absolute dotted name.
func (t *Thread) importModule(full string) (Object, error) {
	in := t.interp
	if m := in.Modules.GetStr(full); m != nil {
		if m == None {
			return nil, Errorf(ModuleNotFoundErrorType, "import of %s halted; None in sys.modules", full)
		}
		in.waitImport(t, full)
		return m, nil
	}
	var searchPath []Object
	var parentPath Object
	parentName := ""
	if i := strings.LastIndexByte(full, '.'); i >= 0 {
		parentName = full[:i]
		parent, err := t.importModule(parentName)
		if err != nil {
			return nil, err
		}
		if m := in.Modules.GetStr(full); m != nil {
			// another thread may be running its body right now: wait for
			// it, as for a top-level module (a half-initialised
			// encodings.cp437 lost codec lookups in threads)
			in.waitImport(t, full)
			return m, nil
		}
		p, err := GetAttrOpt(t, parent, Intern("__path__"))
		if err != nil {
			return nil, err
		}
		if p == nil {
			return nil, notFound(full, "'"+full+"'; '"+parentName+"' is not a package")
		}
		parentPath = p
		searchPath, err = ToSlice(t, p)
		if err != nil {
			return nil, err
		}
	} else {
		searchPath = in.Path.snapshot()
	}
	// one thread runs a module's body; others wait for it
	lock, first := in.acquireImport(t, full)
	if !first {
		if m := in.Modules.GetStr(full); m != nil {
			return m, nil
		}
	}
	defer in.releaseImport(full, lock)
	if m := in.Modules.GetStr(full); m != nil {
		return m, nil
	}
	return t.findAndLoad(full, parentName, parentPath, searchPath)
}

// extensionSuffixes are the C-extension file suffixes tried, freepy's own
// free-threaded tag first.
var extensionSuffixes = []string{".freepy-311t-x86_64-linux-gnu.so", ".cpython-311-x86_64-linux-gnu.so", ".abi3.so", ".so"}

func notFound(full, what string) error {
	e := NewError(ModuleNotFoundErrorType, "No module named "+what)
	e.Dict().SetStr("name", NewStr(full))
	return e
}

// isNotFound reports whether err is ModuleNotFoundError for module name.
func isNotFound(err error, name string) bool {
	if !IsInstanceOf(err, ModuleNotFoundErrorType) {
		return false
	}
	e, ok := err.(*BaseException)
	if !ok {
		return false
	}
	n, ok := e.Dict().GetStr("name").(*Str)
	return ok && n.s == name
}

func fileExists(p string) bool {
	st, err := os.Stat(p)
	return err == nil && !st.IsDir()
}

func (t *Thread) bindSubmodule(parent, full string, m Object) {
	if parent == "" {
		return
	}
	if p, ok := t.interp.Modules.GetStr(parent).(*Module); ok {
		p.dict.SetStr(full[len(parent)+1:], m)
	}
}

// execModuleFile creates a module, registers it in sys.modules (so
// circular imports see it) and runs its source.
func (t *Thread) execModuleFile(full, parent, file, pkgDir string) (Object, error) {
	m := NewModule(full)
	d := m.dict
	d.SetStr("__file__", NewStr(file))
	d.SetStr("__builtins__", t.interp.Builtins)
	d.SetStr("__cached__", NewStr(t.interp.cachedPath(file)))
	if pkgDir != "" {
		d.SetStr("__path__", NewList(NewStr(pkgDir)))
		d.SetStr("__package__", NewStr(full))
	} else {
		d.SetStr("__package__", NewStr(parent))
	}
	if err := t.setModuleSpec(m, full, file, pkgDir); err != nil {
		return nil, err
	}
	t.interp.Modules.SetStr(full, m)
	// tracebacks read the source lines when they need them, as
	// CPython's linecache does (a module loaded from the cache is never
	// read at all)
	code, err := t.moduleCode(file)
	if err == nil {
		_, err = t.ExecCode(code, d, d)
	}
	if err != nil {
		t.interp.Modules.DelItem(t, NewStr(full))
		return nil, err
	}
	if full == "importlib" {
		// importlib's body ran: wire it to the Go importer
		if err := t.installImportlib(); err != nil {
			return nil, err
		}
	}
	// the module may have replaced itself in sys.modules
	final := t.interp.Modules.GetStr(full)
	if final == nil {
		final = m
	}
	t.bindSubmodule(parent, full, final)
	if hook := afterImportHooks[full]; hook != nil {
		if err := hook(t, final); err != nil {
			return nil, err
		}
	}
	return final, nil
}

// afterImportHooks run once a pure-Python module of that name has been
// executed (mod_imp.go completes importlib's bootstrap this way).
var afterImportHooks = map[string]func(t *Thread, m Object) error{}

// moduleSpec is a minimal importlib.machinery.ModuleSpec stand-in.
func newModuleSpec(t *Thread, name, origin string, isPkg bool) Object {
	ns := NewInstance(SimpleNamespaceType)
	LoadPtr(&ns.dict).SetStr("name", NewStr(name))
	LoadPtr(&ns.dict).SetStr("origin", NewStr(origin))
	LoadPtr(&ns.dict).SetStr("loader", None)
	LoadPtr(&ns.dict).SetStr("has_location", True)
	LoadPtr(&ns.dict).SetStr("cached", None)
	parent := name
	if !isPkg {
		if i := strings.LastIndexByte(name, '.'); i >= 0 {
			parent = name[:i]
		} else {
			parent = ""
		}
	}
	LoadPtr(&ns.dict).SetStr("parent", NewStr(parent))
	if isPkg {
		LoadPtr(&ns.dict).SetStr("submodule_search_locations", NewList(NewStr(filepath.Dir(origin))))
	} else {
		LoadPtr(&ns.dict).SetStr("submodule_search_locations", None)
	}
	return ns
}

// acquireImport takes the lock on running name's body. first is true when
// the calling thread is to run it; otherwise the body has been run (or is
// being run by this thread, or by a thread that waits for this one: a
// concurrent circular import, see waitFor) and the caller looks the module
// up in sys.modules.
func (in *Interp) acquireImport(t *Thread, name string) (l *importLock, first bool) {
	in.importMu.Lock()
	l, ok := in.importLocks[name]
	if !ok {
		l = &importLock{owner: t, done: make(chan struct{})}
		in.importLocks[name] = l
		in.importMu.Unlock()
		return l, true
	}
	in.waitFor(t, l)
	return nil, false
}

func (in *Interp) releaseImport(name string, l *importLock) {
	if l == nil {
		return
	}
	in.importMu.Lock()
	delete(in.importLocks, name)
	// A waiter clears its importWait only once it runs again: until then
	// waitFor's walk must not take this finished import for one still
	// waiting on its owner (that looked like a circular import and let
	// another importer go on with a partly initialised module).
	l.owner = nil
	in.importMu.Unlock()
	close(l.done)
}

// waitImport waits until another thread finishes running name's body.
func (in *Interp) waitImport(t *Thread, name string) {
	in.importMu.Lock()
	l, ok := in.importLocks[name]
	if !ok {
		in.importMu.Unlock()
		return
	}
	in.waitFor(t, l)
}

// waitFor waits for another thread to finish running the body l guards,
// and returns at once if t itself runs it or if waiting would deadlock:
// l's owner waits (directly or through other importers) for a module t is
// running. That is a circular import started from two threads at once
// (A imports B while B imports A); as CPython does, t then goes on with
// the partially initialised module instead of hanging. It is called with
// importMu held and releases it.
func (in *Interp) waitFor(t *Thread, l *importLock) {
	for o, n := l.owner, 0; o != nil && n <= len(in.importLocks); n++ {
		if o == t {
			in.importMu.Unlock()
			return
		}
		if o.importWait == nil {
			break
		}
		o = o.importWait.owner
	}
	t.importWait = l
	in.importMu.Unlock()
	held := t.BeginBlocking()
	<-l.done
	t.EndBlocking(held)
	in.importMu.Lock()
	t.importWait = nil
	in.importMu.Unlock()
}

func importFrom(t *Thread, mod Object, name *Str) (Object, error) {
	v, err := GetAttrOpt(t, mod, name)
	if err != nil || v != nil {
		return v, err
	}
	modName := "<unknown module name>"
	if n, _ := GetAttrOpt(t, mod, Intern("__name__")); n != nil {
		if s, ok := n.(*Str); ok {
			modName = s.s
			if sub := t.interp.Modules.GetStr(s.s + "." + name.s); sub != nil {
				return sub, nil
			}
		}
	}
	loc := "unknown location"
	if f, _ := GetAttrOpt(t, mod, Intern("__file__")); f != nil {
		if s, ok := f.(*Str); ok {
			loc = s.s
		}
	}
	msg := "cannot import name '" + name.s + "' from '" + modName + "' (" + loc + ")"
	if m, ok := t.interp.Modules.GetStr(modName).(*Module); ok && t.isImporting(modName) {
		_ = m
		msg = "cannot import name '" + name.s + "' from partially initialized module '" + modName + "' (most likely due to a circular import) (" + loc + ")"
	}
	e := NewError(ImportErrorType, msg)
	e.Dict().SetStr("name", NewStr(modName))
	return nil, e
}

func (t *Thread) isImporting(name string) bool {
	t.interp.importMu.Lock()
	_, ok := t.interp.importLocks[name]
	t.interp.importMu.Unlock()
	return ok
}

func importStar(t *Thread, f *Frame, mod Object) error {
	var names []Object
	if all, err := GetAttrOpt(t, mod, Intern("__all__")); err != nil {
		return err
	} else if all != nil {
		names, err = ToSlice(t, all)
		if err != nil {
			return err
		}
	} else {
		d := instanceDict(mod)
		if d == nil {
			return NewError(ImportErrorType, "from-import-* object has no __dict__ and no __all__")
		}
		for _, k := range d.Keys() {
			if s, ok := k.(*Str); ok && !strings.HasPrefix(s.s, "_") {
				names = append(names, s)
			}
		}
	}
	for _, n := range names {
		s, ok := n.(*Str)
		if !ok {
			return TypeErrorf("attribute name must be string, not '%s'", typeName(n))
		}
		v, err := GetAttr(t, mod, s)
		if err != nil {
			return err
		}
		if d, ok := f.locals.(*Dict); ok {
			d.SetItem(t, s, v)
		} else if err := SetItem(t, f.locals, s, v); err != nil {
			return err
		}
	}
	return nil
}
