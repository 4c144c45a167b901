package py

import (
	"fmt"
	"sync/atomic"
)

// _contextvars: ContextVar, Token and Context (PEP 567). Without a native
// module the import system would find CPython's lib-dynload .so, which
// cannot work here (it needs PyContextVar_Type); decimal, asyncio and
// fractions import contextvars.
//
// Each thread has its own current Context (Thread.ctx), which starts empty
// in a new thread as in CPython. A Context's mapping is immutable once
// built (ctxMap); ContextVar.set swaps in a new one, so copy_context() and
// readers in other threads need no lock.

var (
	ContextVarType = newBuiltinType("ContextVar", ObjectType)
	TokenType      = newBuiltinType("Token", ObjectType)
	ContextType    = newBuiltinType("Context", ObjectType)
	tokenMissing   = &tokenMissingObj{}
	// TokenMissingType is the type of Token.MISSING.
	TokenMissingType = newBuiltinType("Token.MISSING", ObjectType)
)

// ContextVar is a context variable.
type ContextVar struct {
	name *Str
	dflt Object // nil: no default
}

// Type returns ContextVar.
func (*ContextVar) Type() *Type { return ContextVarType }

// Token records a ContextVar.set so that reset can undo it.
type Token struct {
	ctx  *Context
	v    *ContextVar
	old  Object // tokenMissing when the variable was unset
	used atomic.Bool
}

// Type returns Token.
func (*Token) Type() *Type { return TokenType }

type tokenMissingObj struct{}

func (*tokenMissingObj) Type() *Type { return TokenMissingType }

// ctxMap is an immutable mapping from variables to values, in the order
// the variables were first set.
type ctxMap struct {
	vals map[*ContextVar]Object
	keys []*ContextVar
}

var emptyCtxMap = &ctxMap{vals: map[*ContextVar]Object{}}

func (m *ctxMap) with(v *ContextVar, val Object) *ctxMap {
	n := &ctxMap{vals: make(map[*ContextVar]Object, len(m.vals)+1), keys: m.keys}
	for k, x := range m.vals {
		n.vals[k] = x
	}
	if _, ok := m.vals[v]; !ok {
		n.keys = append(m.keys[:len(m.keys):len(m.keys)], v)
	}
	n.vals[v] = val
	return n
}

func (m *ctxMap) without(v *ContextVar) *ctxMap {
	if _, ok := m.vals[v]; !ok {
		return m
	}
	n := &ctxMap{vals: make(map[*ContextVar]Object, len(m.vals)), keys: make([]*ContextVar, 0, len(m.keys))}
	for _, k := range m.keys {
		if k != v {
			n.keys = append(n.keys, k)
			n.vals[k] = m.vals[k]
		}
	}
	return n
}

// Context is a contextvars.Context.
type Context struct {
	m       atomic.Pointer[ctxMap]
	entered atomic.Bool
	prev    *Context // the context current before run() entered this one
}

// Type returns Context.
func (*Context) Type() *Type { return ContextType }

func newContext(m *ctxMap) *Context {
	c := &Context{}
	c.m.Store(m)
	return c
}

// currentContext returns t's current context, creating an empty one for a
// thread that has none yet.
func currentContext(t *Thread) *Context {
	if t.ctx == nil {
		t.ctx = newContext(emptyCtxMap)
		t.ctx.entered.Store(true)
	}
	return t.ctx
}

func (v *ContextVar) get(t *Thread, dflt Object) (Object, error) {
	if val, ok := currentContext(t).m.Load().vals[v]; ok {
		return val, nil
	}
	if dflt != nil {
		return dflt, nil
	}
	if v.dflt != nil {
		return v.dflt, nil
	}
	return nil, NewException(LookupErrorType, v)
}

func (v *ContextVar) repr(t *Thread) (string, error) {
	name, err := ReprString(t, v.name)
	if err != nil {
		return "", err
	}
	s := "<ContextVar name=" + name
	if v.dflt != nil {
		d, err := ReprString(t, v.dflt)
		if err != nil {
			return "", err
		}
		s += " default=" + d
	}
	return s + fmt.Sprintf(" at %#x>", Id(v)), nil
}

func (tk *Token) repr(t *Thread) (string, error) {
	vr, err := tk.v.repr(t)
	if err != nil {
		return "", err
	}
	used := ""
	if tk.used.Load() {
		used = " used"
	}
	return fmt.Sprintf("<Token%s var=%s at %#x>", used, vr, Id(tk)), nil
}

func ctxKey(t *Thread, o Object) (*ContextVar, error) {
	if v, ok := o.(*ContextVar); ok {
		return v, nil
	}
	return nil, TypeErrorf("a ContextVar key was expected, got %s", reprOrType(t, o))
}

// reprOrType is %R in an error message, falling back to the type name if
// repr itself fails.
func reprOrType(t *Thread, o Object) string {
	s, err := ReprString(t, o)
	if err != nil {
		return typeName(o)
	}
	return s
}

func ctxSelf(o Object) (*Context, error) {
	if c, ok := o.(*Context); ok {
		return c, nil
	}
	return nil, TypeErrorf("descriptor requires a '_contextvars.Context' object but received a '%s'", typeName(o))
}

func varSelf(o Object) (*ContextVar, error) {
	if v, ok := o.(*ContextVar); ok {
		return v, nil
	}
	return nil, TypeErrorf("descriptor requires a '_contextvars.ContextVar' object but received a '%s'", typeName(o))
}

// runInContext is Context.run: make c current in t for the call.
func runInContext(t *Thread, c *Context, fn Object, args []Object, kw []string) (Object, error) {
	if !c.entered.CompareAndSwap(false, true) {
		r, _ := ReprString(t, c)
		return nil, Errorf(RuntimeErrorType, "cannot enter context: %s is already entered", r)
	}
	c.prev = currentContext(t)
	t.ctx = c
	defer func() {
		t.ctx = c.prev
		c.prev = nil
		c.entered.Store(false)
	}()
	return Call(t, fn, args, kw)
}

func init() {
	for _, typ := range []*Type{ContextVarType, TokenType, ContextType, TokenMissingType} {
		typ.Flags.And(^uint64(FlagBaseType))
		typ.CName = "_contextvars." + typ.Name()
	}
	TokenMissingType.CName = "Token.MISSING"
	TokenMissingType.Repr = func(t *Thread, o Object) (Object, error) { return NewStr("<Token.MISSING>"), nil }

	cv := ContextVarType
	cv.New = func(t *Thread, _ *Type, args []Object, kw []string) (Object, error) {
		// ContextVar(name, /, *, default): PyArg_ParseTupleAndKeywords'
		// messages
		n := len(args) - len(kw)
		switch {
		case n > 1:
			return nil, TypeErrorf("ContextVar() takes at most 1 positional argument (%d given)", n)
		case len(args) > 2:
			return nil, TypeErrorf("ContextVar() takes at most 2 arguments (%d given)", len(args))
		case n < 1:
			return nil, TypeErrorf("ContextVar() takes exactly 1 positional argument (0 given)")
		}
		name := args[0]
		var dflt Object
		for i, k := range kw {
			if k != "default" {
				return nil, TypeErrorf("'%s' is an invalid keyword argument for ContextVar()", k)
			}
			dflt = args[n+i]
		}
		s, ok := name.(*Str)
		if !ok {
			return nil, TypeErrorf("context variable name must be a str")
		}
		return &ContextVar{name: s, dflt: dflt}, nil
	}
	cv.Init = func(t *Thread, self Object, args []Object, kw []string) error { return nil }
	cv.Repr = func(t *Thread, o Object) (Object, error) {
		s, err := o.(*ContextVar).repr(t)
		if err != nil {
			return nil, err
		}
		return NewStr(s), nil
	}
	cv.AddGetSet("name", func(t *Thread, o Object) (Object, error) {
		v, err := varSelf(o)
		if err != nil {
			return nil, err
		}
		return v.name, nil
	}, func(t *Thread, o, val Object) error {
		// a read-only member in CPython, hence its message
		return Errorf(AttributeErrorType, "readonly attribute")
	})
	cv.AddMethod("get", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		v, err := varSelf(self)
		if err != nil {
			return nil, err
		}
		if len(kw) > 0 {
			return nil, TypeErrorf("ContextVar.get() takes no keyword arguments")
		}
		if len(args) > 1 {
			return nil, TypeErrorf("get expected at most 1 argument, got %d", len(args))
		}
		var dflt Object
		if len(args) == 1 {
			dflt = args[0]
		}
		return v.get(t, dflt)
	})
	cv.AddMethod("set", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		v, err := varSelf(self)
		if err != nil {
			return nil, err
		}
		if err := methOArg("ContextVar.set", args, kw); err != nil {
			return nil, err
		}
		c := currentContext(t)
		m := c.m.Load()
		old, ok := m.vals[v]
		if !ok {
			old = tokenMissing
		}
		c.m.Store(m.with(v, args[0]))
		return &Token{ctx: c, v: v, old: old}, nil
	})
	cv.AddMethod("reset", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		v, err := varSelf(self)
		if err != nil {
			return nil, err
		}
		if err := methOArg("ContextVar.reset", args, kw); err != nil {
			return nil, err
		}
		tk, ok := args[0].(*Token)
		if !ok {
			return nil, TypeErrorf("expected an instance of Token, got %s", reprOrType(t, args[0]))
		}
		if tk.used.Load() {
			r, _ := tk.repr(t)
			return nil, Errorf(RuntimeErrorType, "%s has already been used once", r)
		}
		if tk.v != v {
			r, _ := tk.repr(t)
			return nil, ValueErrorf("%s was created by a different ContextVar", r)
		}
		c := currentContext(t)
		if tk.ctx != c {
			r, _ := tk.repr(t)
			return nil, ValueErrorf("%s was created in a different Context", r)
		}
		tk.used.Store(true)
		m := c.m.Load()
		if tk.old == tokenMissing {
			c.m.Store(m.without(v))
		} else {
			c.m.Store(m.with(v, tk.old))
		}
		return None, nil
	})
	cv.AddClassMethod("__class_getitem__", genericClassGetItem)

	tt := TokenType
	tt.New = func(t *Thread, _ *Type, args []Object, kw []string) (Object, error) {
		return nil, Errorf(RuntimeErrorType, "Tokens can only be created by ContextVars")
	}
	tt.Repr = func(t *Thread, o Object) (Object, error) {
		s, err := o.(*Token).repr(t)
		if err != nil {
			return nil, err
		}
		return NewStr(s), nil
	}
	tt.AddGetSet("var", func(t *Thread, o Object) (Object, error) { return o.(*Token).v, nil }, nil)
	tt.AddGetSet("old_value", func(t *Thread, o Object) (Object, error) { return o.(*Token).old, nil }, nil)
	tt.Dict.SetStr("MISSING", tokenMissing)
	tt.AddClassMethod("__class_getitem__", genericClassGetItem)

	ct := ContextType
	ct.New = func(t *Thread, _ *Type, args []Object, kw []string) (Object, error) {
		if len(args) > 0 {
			return nil, TypeErrorf("Context() does not accept any arguments")
		}
		return newContext(emptyCtxMap), nil
	}
	ct.Init = func(t *Thread, self Object, args []Object, kw []string) error { return nil }
	ct.Hash = unhashable
	ct.Dict.SetStr("__hash__", None)
	ct.Len = func(t *Thread, o Object) (int, error) { return len(o.(*Context).m.Load().keys), nil }
	ct.GetItem = func(t *Thread, o, key Object) (Object, error) {
		v, err := ctxKey(t, key)
		if err != nil {
			return nil, err
		}
		if val, ok := o.(*Context).m.Load().vals[v]; ok {
			return val, nil
		}
		return nil, NewException(KeyErrorType, v)
	}
	ct.Contains = func(t *Thread, o, key Object) (bool, error) {
		v, err := ctxKey(t, key)
		if err != nil {
			return false, err
		}
		_, ok := o.(*Context).m.Load().vals[v]
		return ok, nil
	}
	keysOf := func(c *Context) []Object {
		m := c.m.Load()
		out := make([]Object, len(m.keys))
		for i, k := range m.keys {
			out[i] = k
		}
		return out
	}
	ct.Iter = func(t *Thread, o Object) (Object, error) { return Iter(t, NewList(keysOf(o.(*Context))...)) }
	ct.RichCompare = func(t *Thread, a, b Object, op CompareOp) (Object, error) {
		ca, ok1 := a.(*Context)
		cb, ok2 := b.(*Context)
		if !ok1 || !ok2 || (op != EQ && op != NE) {
			return NotImplemented, nil
		}
		ma, mb := ca.m.Load(), cb.m.Load()
		eq := len(ma.vals) == len(mb.vals)
		for k, va := range ma.vals {
			if !eq {
				break
			}
			vb, ok := mb.vals[k]
			if !ok {
				eq = false
				break
			}
			same, err := Equal(t, va, vb)
			if err != nil {
				return nil, err
			}
			eq = same
		}
		return Bool(eq == (op == EQ)), nil
	}
	ct.AddMethod("get", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		c, err := ctxSelf(self)
		if err != nil {
			return nil, err
		}
		var key, dflt Object
		if len(kw) > 0 {
			return nil, TypeErrorf("Context.get() takes no keyword arguments")
		}
		switch {
		case len(args) < 1:
			return nil, TypeErrorf("get expected at least 1 argument, got %d", len(args))
		case len(args) > 2:
			return nil, TypeErrorf("get expected at most 2 arguments, got %d", len(args))
		}
		key = args[0]
		if len(args) == 2 {
			dflt = args[1]
		}
		v, err := ctxKey(t, key)
		if err != nil {
			return nil, err
		}
		if val, ok := c.m.Load().vals[v]; ok {
			return val, nil
		}
		if dflt == nil {
			return None, nil
		}
		return dflt, nil
	})
	ct.AddMethod("keys", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) > 0 {
			return nil, TypeErrorf("Context.keys() takes no arguments (%d given)", len(args))
		}
		c, err := ctxSelf(self)
		if err != nil {
			return nil, err
		}
		return NewList(keysOf(c)...), nil
	})
	ct.AddMethod("values", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) > 0 {
			return nil, TypeErrorf("Context.values() takes no arguments (%d given)", len(args))
		}
		c, err := ctxSelf(self)
		if err != nil {
			return nil, err
		}
		m := c.m.Load()
		out := make([]Object, len(m.keys))
		for i, k := range m.keys {
			out[i] = m.vals[k]
		}
		return NewList(out...), nil
	})
	ct.AddMethod("items", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) > 0 {
			return nil, TypeErrorf("Context.items() takes no arguments (%d given)", len(args))
		}
		c, err := ctxSelf(self)
		if err != nil {
			return nil, err
		}
		m := c.m.Load()
		out := make([]Object, len(m.keys))
		for i, k := range m.keys {
			out[i] = NewTuple(k, m.vals[k])
		}
		return NewList(out...), nil
	})
	ct.AddMethod("copy", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) > 0 {
			return nil, TypeErrorf("Context.copy() takes no arguments (%d given)", len(args))
		}
		c, err := ctxSelf(self)
		if err != nil {
			return nil, err
		}
		return newContext(c.m.Load()), nil
	})
	ct.AddMethod("run", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		c, err := ctxSelf(self)
		if err != nil {
			return nil, err
		}
		if len(args)-len(kw) < 1 {
			return nil, TypeErrorf("run() missing 1 required positional argument")
		}
		return runInContext(t, c, args[0], args[1:], kw)
	})
	registerType(ContextVarType, TokenType, ContextType, TokenMissingType)

	RegisterNativeModule("_contextvars", func(t *Thread) (*Module, error) {
		m := NewModule("_contextvars")
		for _, typ := range []*Type{ContextVarType, TokenType, ContextType} {
			typ.Dict.SetStr("__module__", NewStr("_contextvars"))
		}
		m.dict.SetStr("ContextVar", ContextVarType)
		m.dict.SetStr("Token", TokenType)
		m.dict.SetStr("Context", ContextType)
		m.AddFunc("copy_context", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) > 0 {
				return nil, TypeErrorf("_contextvars.copy_context() takes no arguments (%d given)", len(args))
			}
			return newContext(currentContext(t).m.Load()), nil
		})
		return m, nil
	})
}
