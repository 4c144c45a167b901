package py

import (
	"math/big"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"freepy/interp/compile"
)

// Code is the runtime form of a compile.Code: constants converted to
// objects and names interned, done once.
type Code struct {
	*compile.Code
	consts  []Object
	names   []*Str
	kwnames map[int][]string // const index -> keyword-name tuple as Go strings
	nlocals int
	ncells  int
	// frameSize is a frame's memory: locals, value stack and one slot
	frameSize int
	cellsIdx  []int // Cell2Arg
	varnames  []*Str
	// gcache holds LOAD_GLOBAL inline caches, indexed by instruction.
	gcache []atomic.Pointer[globalCacheEntry]
	// acache holds LOAD_ATTR / LOAD_METHOD inline caches (attrcache.go).
	acache []atomic.Pointer[attrCache]
	// quick is what execute runs: Instrs with fused pairs (quicken.go).
	quick []compile.Instr
	// comp is set on the code of a comprehension or generator
	// expression, whose function object no Python code can reach: the
	// last one made is kept in compFn and made again only when its
	// globals, builtins or closure differ (compFunction).
	comp   bool
	compFn atomic.Pointer[Function]
	// info is the funcInfo of the last function made from this code
	// (NewFunction), shared by the next one when its module is the same.
	info atomic.Pointer[funcInfo]
	// simple is true when a call with exactly ArgCount positional
	// arguments and no keywords can copy them straight into the frame.
	// It lives in the code, not the function, so that a call that loaded
	// a function's code once (f.__code__ may be assigned meanwhile)
	// checks and runs the same code.
	simple bool
}

// globalCacheEntry is a LOAD_GLOBAL result, valid while both dicts are
// unchanged. Entries are immutable; threads swap whole entries.
type globalCacheEntry struct {
	globals, builtins *Dict
	gver, bver        uint64
	value             Object
}

// Type returns the code type.
func (*Code) Type() *Type { return CodeType }

var codeCache sync.Map // *compile.Code -> *Code

// NewCode converts a compiled code object (cached per compile.Code).
func NewCode(c *compile.Code) *Code {
	if v, ok := codeCache.Load(c); ok {
		return v.(*Code)
	}
	rc := &Code{Code: c, nlocals: len(c.Varnames), ncells: len(c.Cellvars) + len(c.Freevars),
		frameSize: len(c.Varnames) + c.StackSize + 1}
	rc.simple = c.Flags&(compile.FlagVarargs|compile.FlagVarkeywords) == 0 && c.KwOnlyArgCount == 0 &&
		len(c.Cellvars) == 0 && c.Flags&(compile.FlagGenerator|compile.FlagCoroutine|compile.FlagAsyncGenerator) == 0
	rc.consts = make([]Object, len(c.Consts))
	for i, k := range c.Consts {
		rc.consts[i] = constToObject(k)
		if tup, ok := k.(compile.Tuple); ok {
			names := make([]string, 0, len(tup))
			allStr := true
			for _, x := range tup {
				s, ok := x.(string)
				if !ok {
					allStr = false
					break
				}
				names = append(names, s)
			}
			if allStr {
				if rc.kwnames == nil {
					rc.kwnames = map[int][]string{}
				}
				rc.kwnames[i] = names
			}
		}
	}
	rc.names = make([]*Str, len(c.Names))
	for i, n := range c.Names {
		rc.names[i] = Intern(n)
	}
	rc.gcache = make([]atomic.Pointer[globalCacheEntry], len(c.Instrs))
	rc.acache = make([]atomic.Pointer[attrCache], len(c.Instrs))
	rc.quick = quicken(c.Instrs)
	switch c.Name {
	case "<listcomp>", "<setcomp>", "<dictcomp>", "<genexpr>":
		rc.comp = c.ArgCount == 1 && c.Flags&(compile.FlagVarargs|compile.FlagVarkeywords) == 0
	}
	rc.varnames = make([]*Str, len(c.Varnames))
	for i, n := range c.Varnames {
		rc.varnames[i] = Intern(n)
	}
	actual, _ := codeCache.LoadOrStore(c, rc)
	return actual.(*Code)
}

func constToObject(k compile.Const) Object {
	switch v := k.(type) {
	case nil:
		return None
	case bool:
		return NewBool(v)
	case int64:
		return Int(v)
	case *big.Int:
		return intFromBig(v)
	case float64:
		return Float(v)
	case complex128:
		return Complex(v)
	case string:
		return Intern(v)
	case compile.Str:
		return NewStr(runesToWTF8(v))
	case compile.Bytes:
		return NewBytes([]byte(v))
	case compile.EllipsisType:
		return Ellipsis
	case compile.Tuple:
		items := make([]Object, len(v))
		for i, x := range v {
			items[i] = constToObject(x)
		}
		return NewTuple(items...)
	case compile.FrozenSet:
		s := NewFrozenSet()
		for _, x := range v {
			_ = s.add(nil, constToObject(x))
		}
		return s
	case *compile.Code:
		return NewCode(v)
	}
	panic("unknown constant kind")
}

// runesToWTF8 encodes code points, writing lone surrogates as WTF-8.
func runesToWTF8(rs []rune) string {
	var b []byte
	for _, r := range rs {
		if r >= 0xD800 && r <= 0xDFFF {
			b = append(b, encodeSurrogate(r)...)
		} else {
			b = append(b, string(r)...)
		}
	}
	return string(b)
}

// Cell holds a variable shared between a function and its closures.
//
// Reads take no lock: every LOAD_DEREF of a closure variable is one, and
// a mutex cost about 34 instructions of it. The value is an objSlot (the
// interface's two words, each stored and loaded atomically) bracketed by
// seq as a list's items are: a writer that changes the type word makes
// seq odd while it stores, and a reader keeps the words it loaded only if
// seq was even and did not move. A writer that keeps the type (an int
// counter) stores the data word alone, and a reader pairs it with the
// type word it already had, which is the same. Writers take mu, so that
// seq has one writer at a time.
type Cell struct {
	mu   sync.Mutex
	seq  atomic.Uint32
	slot objSlot // both words nil: empty
}

// Type returns the cell type.
func (*Cell) Type() *Type { return CellType }

// Get returns the contents (nil when empty).
func (c *Cell) Get() Object {
	s := c.seq.Load()
	typ, data := c.slot.load()
	if s&1 == 0 && c.seq.Load() == s {
		if data == nil {
			return nil
		}
		return objFromWords(typ, data)
	}
	return c.getLocked()
}

// getLocked is Get after a writer was seen in the middle of a store.
func (c *Cell) getLocked() Object {
	c.mu.Lock()
	v := c.slot.get()
	c.mu.Unlock()
	return v
}

// Set replaces the contents (nil empties it).
func (c *Cell) Set(v Object) {
	typ, data := objWords(v)
	c.mu.Lock()
	if data != nil && atomic.LoadPointer(&c.slot.typ) == typ {
		atomic.StorePointer(&c.slot.data, data)
	} else {
		c.seq.Add(1)
		c.slot.store(v)
		c.seq.Add(1)
	}
	c.mu.Unlock()
}

// init fills a cell that no other thread can see yet.
func (c *Cell) init(v Object) { c.slot.init(v) }

// Function is a Python function.
type Function struct {
	// code, defaults and kwDefaults may be assigned (f.__code__ = c)
	// while other threads call f: each is one pointer, read with
	// LoadPtr and written with storePtr, and a call loads each once, so
	// that it runs the code it checked (Code.simple, the frame's size).
	// A call may combine the new code with the old defaults, as a
	// program assigning both one after the other could too.
	code       *Code
	globals    *Dict
	builtins   *Dict
	defaults   *Tuple // __defaults__; nil: None
	kwDefaults *Dict  // __kwdefaults__; nil: None
	Closure    []*Cell
	// info holds __name__, __qualname__, __doc__ and __module__: one
	// immutable funcInfo behind a pointer (read with LoadPtr), replaced
	// whole by compare-and-swap (editCopy) when one of them is assigned
	// (f.__name__ = s while other threads format repr(f) or an error
	// naming f), so that no reader sees half of a string or of an
	// interface value. A function made by
	// MAKE_FUNCTION shares its code's default funcInfo (Code.info): no
	// allocation, and four words fewer to fill per function.
	info *funcInfo
	// annotations is __annotations__ (nil until set or first read);
	// one pointer, read with LoadPtr and written with storePtr.
	annotations *Dict

	dictOnce sync.Once
	dict     *Dict
}

// strName and strBuiltins are interned once: MAKE_FUNCTION runs for every
// comprehension and nested def.
var (
	strName     = Intern("__name__")
	strBuiltins = Intern("__builtins__")
)

// Type returns the function type.
func (*Function) Type() *Type { return FunctionType }

func (f *Function) funcDict() *Dict {
	f.dictOnce.Do(func() { f.dict = NewDict() })
	return f.dict
}

// Code returns the function's code.
func (f *Function) Code() *Code { return LoadPtr(&f.code) }

// inlineCode returns f's code when a call with nargs positional
// arguments (self included) and no keywords may copy them straight into
// a frame of it, or nil. The caller runs the code returned, not f.code
// loaded again: another thread may assign f.__code__ meanwhile.
func (f *Function) inlineCode(nargs int) *Code {
	if c := LoadPtr(&f.code); c.simple && c.ArgCount == nargs {
		return c
	}
	return nil
}

// Globals returns the function's globals.
func (f *Function) Globals() *Dict { return f.globals }

// NewFunction makes a function from code and globals.
func NewFunction(t *Thread, code *Code, globals *Dict) *Function {
	mod := globals.getStr(strName)
	if mod == nil {
		mod = None
	}
	info := code.info.Load()
	if info == nil || info.module != mod {
		info = &funcInfo{name: code.Name, qualname: code.QualName, doc: None, module: mod}
		if len(code.consts) > 0 {
			// CPython's rule: the first constant of a function's code is its
			// docstring when it is a str (the compiler puts None there otherwise).
			if s, ok := code.consts[0].(*Str); ok {
				info.doc = s
			}
		}
		code.info.Store(info)
	}
	return &Function{code: code, globals: globals, builtins: builtinsFor(t, globals), info: info}
}

// functionNew is types.FunctionType(code, globals, name=None,
// argdefs=None, closure=None): a function made from a code object, with
// CPython's checks of each argument.
func functionNew(t *Thread, _ *Type, args []Object, kw []string) (Object, error) {
	var co, g, name, defs, closure Object
	if err := ParseArgs("function", args, kw, []string{"code", "globals", "name", "argdefs", "closure"}, 2, &co, &g, &name, &defs, &closure); err != nil {
		return nil, err
	}
	code, ok := co.(*Code)
	if !ok {
		return nil, TypeErrorf("function() argument 'code' must be code, not %s", typeName(co))
	}
	globals, ok := g.(*Dict)
	if !ok {
		return nil, TypeErrorf("function() argument 'globals' must be dict, not %s", typeName(g))
	}
	var nameStr *Str
	if name != nil && name != None {
		if nameStr, ok = name.(*Str); !ok {
			return nil, TypeErrorf("arg 3 (name) must be None or string")
		}
	}
	var defaults *Tuple
	if defs != nil && defs != None {
		if defaults, ok = defs.(*Tuple); !ok {
			return nil, TypeErrorf("arg 4 (defaults) must be None or tuple")
		}
	}
	var cells []*Cell
	nfree := len(code.Freevars)
	if closure != nil && closure != None {
		tup, ok := closure.(*Tuple)
		if !ok {
			return nil, TypeErrorf("arg 5 (closure) must be None or tuple")
		}
		if len(tup.items) != nfree {
			return nil, ValueErrorf("%s requires closure of length %d, not %d", code.Name, nfree, len(tup.items))
		}
		for _, c := range tup.items {
			cell, ok := c.(*Cell)
			if !ok {
				return nil, TypeErrorf("arg 5 (closure) expected cell, found %s", typeName(c))
			}
			cells = append(cells, cell)
		}
	} else if nfree > 0 {
		return nil, TypeErrorf("arg 5 (closure) must be tuple")
	}
	f := NewFunction(t, code, globals)
	f.Closure = cells
	f.defaults = defaults
	if nameStr != nil {
		editCopy(&f.info, func(i *funcInfo) { i.name = nameStr.s })
	}
	return f, nil
}

// funcInfo is what describes a function rather than runs it: __name__,
// __qualname__, __doc__ and __module__ (never nil: None). It is never
// written once published; an assignment publishes a changed copy
// (editCopy), so a reader loads the pointer once and reads a
// consistent set.
type funcInfo struct {
	name, qualname string
	doc, module    Object
}

// loadInfo returns the function's current names, doc and module.
func (f *Function) loadInfo() *funcInfo { return LoadPtr(&f.info) }

// Name is the function's __name__.
func (f *Function) Name() string { return LoadPtr(&f.info).name }

// Qualname is the function's __qualname__.
func (f *Function) Qualname() string { return LoadPtr(&f.info).qualname }

// Doc is the function's __doc__.
func (f *Function) Doc() Object { return LoadPtr(&f.info).doc }

// Module is the function's __module__.
func (f *Function) Module() Object { return LoadPtr(&f.info).module }

// compFunction is MAKE_FUNCTION (arg: 0 or FnClosure, with the closure's
// cells below the code on the stack, already popped) for the code of a
// comprehension or generator expression: the function object is only
// called, once, by the CALL that follows, and nothing else can reach it
// (frames and generators do not expose their function), so one object
// serves every evaluation with the same globals, builtins and closure
// cells: a generator expression in a loop allocates no function, and
// nor does an inner comprehension whose closure is the outer one's
// cells. A function once published in compFn is never changed. It
// pushes the function and returns the new stack pointer.
func compFunction(t *Thread, code *Code, globals *Dict, arg int, stack []Object, sp int) int {
	var cells []Object
	if arg&compile.FnClosure != 0 {
		sp--
		cells = stack[sp].(*Tuple).items
		stack[sp] = nil
	}
	if fn := code.compFn.Load(); fn != nil && fn.globals == globals && len(fn.Closure) == len(cells) &&
		fn.builtins == builtinsFor(t, globals) {
		same := true
		for i, c := range cells {
			if fn.Closure[i] != c {
				same = false
				break
			}
		}
		if same {
			stack[sp] = fn
			return sp + 1
		}
	}
	fn := NewFunction(t, code, globals)
	if cells != nil {
		fn.Closure = make([]*Cell, len(cells))
		for i, cl := range cells {
			fn.Closure[i] = cl.(*Cell)
		}
	}
	code.compFn.Store(fn)
	stack[sp] = fn
	return sp + 1
}

// Method is a function bound to an instance.
type Method struct {
	Func Object
	Self Object
}

// Type returns the method type.
func (*Method) Type() *Type { return MethodType }

// Builtin is a function implemented in Go, optionally bound to Self (a
// module for module functions, an instance for bound methods).
type Builtin struct {
	Name     string
	Qualname string
	Doc      string
	Fn       func(t *Thread, self Object, args []Object, kwnames []string) (Object, error)
	Self     Object
	// descr is the method descriptor this was bound from (nil for module
	// functions): __qualname__ and __text_signature__ are derived from it
	// when read.
	descr *MethodDescr
	// CDef is the PyMethodDef of a function defined in C (package capi
	// sets it): PyCFunction_GetFunction and GetFlags read it.
	CDef unsafe.Pointer
}

// MethodDef is the PyMethodDef b was made from, directly or by binding a
// method descriptor of a C type; nil for functions written in Go.
func (b *Builtin) MethodDef() unsafe.Pointer {
	if b.CDef == nil && b.descr != nil {
		return b.descr.CDef
	}
	return b.CDef
}

// Type returns builtin_function_or_method.
func (*Builtin) Type() *Type { return BuiltinType }

// MethodDescr is a method of a built-in type, stored in the type's dict;
// accessing it on an instance binds it.
type MethodDescr struct {
	Name  string
	Owner *Type
	Doc   string
	Fn    func(t *Thread, self Object, args []Object, kwnames []string) (Object, error)
	// Class methods of built-in types (dict.fromkeys) receive the class.
	IsClass  bool
	IsStatic bool
	// CDef is the PyMethodDef of a method of a C type (see Builtin.CDef).
	CDef unsafe.Pointer
	// slot marks the wrapper of a type slot (addSlotWrappers): a C
	// extension type's gets the signature all slot wrappers of its name
	// share.
	slot bool
	// str is a str method's body (addStrMethod): callSelf calls it
	// directly for an exact str, without Fn's wrapper.
	str strMethod
}

// Type returns method_descriptor.
func (*MethodDescr) Type() *Type { return MethodDescrType }

// call calls the unbound method with self as args[0] (str.upper(s), or
// s.upper() after LOAD_METHOD).
func (md *MethodDescr) call(t *Thread, args []Object, kw []string) (Object, error) {
	if md.IsStatic {
		return md.Fn(t, nil, args, kw)
	}
	if len(args)-len(kw) < 1 {
		return nil, TypeErrorf("unbound method %s.%s() needs an argument", md.Owner.Name(), md.Name)
	}
	self := args[0]
	if err := md.checkSelf(self, md.slot); err != nil {
		return nil, err
	}
	return md.Fn(t, self, args[1:], kw)
}

// checkSelf is CPython's check that a method of a built-in type receives
// an instance of it: its Fn asserts self's Go type, so a slot wrapper
// assigned to an unrelated class (Leaf.__init__ = dict.__init__) must be
// stopped here. A slot wrapper called unbound says so as CPython's
// wrapper_descriptor does (wrapper); binding and method_descriptor calls
// use descr_check's words.
func (md *MethodDescr) checkSelf(self Object, wrapper bool) error {
	typ := self.Type()
	if typ == md.Owner || typ.IsSubtype(md.Owner) {
		return nil
	}
	if wrapper {
		return TypeErrorf("descriptor '%s' requires a '%s' object but received a '%s'", md.Name, md.Owner.tpName(), typeName(self))
	}
	return TypeErrorf("descriptor '%s' for '%s' objects doesn't apply to a '%s' object", md.Name, md.Owner.tpName(), typeName(self))
}

// callSelf is call for CALL_METHOD after LOAD_METHOD found md on the type
// of args[0] (s.upper(), d.get(k)): a receiver of exactly md's type goes
// straight to Fn, without Call's and MethodDescrType.Call's dispatch.
// Anything else takes call's checks. After a call that succeeded it
// clears args (value-stack slots that execute would otherwise clear with
// a call of clearSlots: here that is a few stores in a function already
// running).
func (md *MethodDescr) callSelf(t *Thread, args []Object) (Object, error) {
	self := args[0]
	var v Object
	var err error
	if s, ok := self.(*Str); ok && md.str != nil {
		v, err = md.str(t, s, args[1:], nil)
	} else if l, ok := self.(*List); ok && md == listAppend && len(args) == 2 {
		// lst.append(x), the commonest method call on a built-in value:
		// Append without Fn's closure call, self.Type() and the
		// argument check, which together cost about as much as the
		// append itself
		l.Append(args[1])
		args[0], args[1] = nil, nil
		return None, nil
	} else if self.Type() == md.Owner && !md.IsStatic {
		v, err = md.Fn(t, self, args[1:], nil)
	} else {
		v, err = md.call(t, args, nil)
	}
	if err == nil {
		for i := 0; i < len(args); i++ {
			args[i] = nil
		}
	}
	return v, err
}

// ---- argument binding ----

// Call calls the function.
func (f *Function) Call(t *Thread, args []Object, kwnames []string) (Object, error) {
	code := LoadPtr(&f.code)
	if code.simple && len(kwnames) == 0 && len(args) == code.ArgCount {
		fr := t.callFrame(f, code)
		// an index loop, not copy(): copy of a pointer slice is a call
		// of typedslicecopy and memmove (about 40 instructions for the
		// one argument of a callback from C or a key function)
		fast := fr.fast[:len(args)]
		for i, a := range args {
			fast[i] = a
		}
		fr.closure = f.Closure
		return t.run(fr)
	}
	if code.Flags&(compile.FlagGenerator|compile.FlagCoroutine|compile.FlagAsyncGenerator) != 0 {
		g := t.newGenFrame(code, f.globals, f.builtins)
		fr := g.frame
		fr.fn = f
		fr.closure = f.Closure
		if err := f.bindArgs(t, code, fr.fast, args, kwnames); err != nil {
			return nil, err
		}
		fr.initCells()
		initGenerator(g, f)
		if t.coroOriginDepth > 0 && g.kind == genCoroutine {
			g.origin = coroOrigin(t.frame, int(t.coroOriginDepth))
		}
		return g, nil
	}
	fr := t.newFrame(code, f.globals, f.builtins, nil)
	fr.fn = f
	fr.closure = f.Closure
	if err := f.bindArgs(t, code, fr.fast, args, kwnames); err != nil {
		t.releaseFrame(fr)
		return nil, err
	}
	return t.run(fr)
}

// bindArgs fills fast locals from positional and keyword arguments, with
// CPython's error messages.
// code is the code the caller loaded and sized fast for.
func (f *Function) bindArgs(t *Thread, code *Code, fast []Object, args []Object, kwnames []string) error {
	nkw := len(kwnames)
	npos := len(args) - nkw
	argc := code.ArgCount
	kwonly := code.KwOnlyArgCount
	hasVarargs := code.Flags&compile.FlagVarargs != 0
	hasVarkw := code.Flags&compile.FlagVarkeywords != 0
	var kwdict *Dict
	if hasVarkw {
		kwdict = NewDict()
		idx := argc + kwonly
		if hasVarargs {
			idx++
		}
		fast[idx] = kwdict
	}
	n := min(npos, argc)
	copy(fast, args[:n])
	if hasVarargs {
		var rest []Object
		if npos > argc {
			rest = append([]Object(nil), args[argc:npos]...)
		}
		fast[argc+kwonly] = NewTuple(rest...)
	} else if npos > argc {
		return f.tooManyPositional(code, npos, nkw, fast, args, kwnames)
	}
	for i, name := range kwnames {
		v := args[npos+i]
		found := -1
		for j := code.PosOnlyArgCount; j < argc+kwonly; j++ {
			if code.Varnames[j] == name {
				found = j
				break
			}
		}
		if found < 0 {
			if kwdict == nil {
				// CPython lists every positional-only name passed by
				// keyword, in parameter order.
				var posonly []string
				for j := 0; j < code.PosOnlyArgCount; j++ {
					for _, k := range kwnames {
						if code.Varnames[j] == k {
							posonly = append(posonly, k)
						}
					}
				}
				if len(posonly) > 0 {
					return TypeErrorf("%s() got some positional-only arguments passed as keyword arguments: '%s'", f.Qualname(), strings.Join(posonly, ", "))
				}
				return TypeErrorf("%s() got an unexpected keyword argument '%s'", f.Qualname(), name)
			}
			if err := kwdict.SetItem(t, NewStr(name), v); err != nil {
				return err
			}
			continue
		}
		if fast[found] != nil {
			return TypeErrorf("%s() got multiple values for argument '%s'", f.Qualname(), name)
		}
		fast[found] = v
	}
	// defaults
	if npos < argc {
		var defs []Object
		if d := LoadPtr(&f.defaults); d != nil {
			defs = d.items
		}
		ndef := len(defs)
		var missing []string
		for i := npos; i < argc; i++ {
			if fast[i] != nil {
				continue
			}
			if d := i - (argc - ndef); d >= 0 {
				fast[i] = defs[d]
			} else {
				missing = append(missing, code.Varnames[i])
			}
		}
		if len(missing) > 0 {
			return missingArgs(f.Qualname(), "positional", missing)
		}
	}
	if kwonly > 0 {
		var missing []string
		for i := argc; i < argc+kwonly; i++ {
			if fast[i] != nil {
				continue
			}
			if kwd := LoadPtr(&f.kwDefaults); kwd != nil {
				if d := kwd.GetStr(code.Varnames[i]); d != nil {
					fast[i] = d
					continue
				}
			}
			missing = append(missing, code.Varnames[i])
		}
		if len(missing) > 0 {
			return missingArgs(f.Qualname(), "keyword-only", missing)
		}
	}
	return nil
}

func missingArgs(fname, kind string, names []string) error {
	quoted := make([]string, len(names))
	for i, n := range names {
		quoted[i] = "'" + n + "'"
	}
	var list string
	switch len(quoted) {
	case 1:
		list = quoted[0]
	case 2:
		list = quoted[0] + " and " + quoted[1]
	default:
		for i, q := range quoted[:len(quoted)-1] {
			if i > 0 {
				list += ", "
			}
			list += q
		}
		list += ", and " + quoted[len(quoted)-1]
	}
	return TypeErrorf("%s() missing %d required %s argument%s: %s", fname, len(names), kind, plural(len(names)), list)
}

func (f *Function) tooManyPositional(code *Code, npos, nkw int, fast, args []Object, kwnames []string) error {
	argc := code.ArgCount
	ndef := 0
	if d := LoadPtr(&f.defaults); d != nil {
		ndef = len(d.items)
	}
	// CPython says "from M to N" and always uses the plural when the
	// function has defaults.
	var takes, noun string
	if ndef > 0 {
		takes = "from " + itoa(argc-ndef) + " to " + itoa(argc)
		noun = "s"
	} else {
		takes = itoa(argc)
		noun = plural(argc)
	}
	kwGiven := 0
	for _, name := range kwnames {
		for j := argc; j < argc+code.KwOnlyArgCount; j++ {
			if code.Varnames[j] == name {
				kwGiven++
			}
		}
	}
	was := "were"
	if npos == 1 {
		was = "was"
	}
	if kwGiven > 0 {
		return TypeErrorf("%s() takes %s positional argument%s but %d positional argument%s (and %d keyword-only argument%s) %s given",
			f.Qualname(), takes, noun, npos, plural(npos), kwGiven, plural(kwGiven), was)
	}
	return TypeErrorf("%s() takes %s positional argument%s but %d %s given", f.Qualname(), takes, noun, npos, was)
}

func itoa(n int) string { return big.NewInt(int64(n)).String() }
