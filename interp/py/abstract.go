package py

import (
	"math/big"
)

// ---- attributes ----

// GetAttr is getattr(o, name).
func GetAttr(t *Thread, o Object, name *Str) (Object, error) {
	typ := o.Type()
	if LoadPtr(&typ.GetAttr) != nil {
		v, err := LoadPtr(&typ.GetAttr)(t, o, name)
		if err != nil {
			attributeErrorContext(err, o, name)
		}
		return v, err
	}
	v, err := GenericGetAttr(t, o, name)
	if err != nil {
		// a descriptor's own AttributeError (an empty __slots__
		// member, a property) gets the context too
		attributeErrorContext(err, o, name)
	}
	return v, err
}

// attributeErrorContext gives an AttributeError raised without a name
// and object (by a __getattr__ or __getattribute__ written in Python, say)
// the attribute's name and object, as CPython 3.11's PyObject_GetAttr
// does, so that the printed error can suggest a name.
func attributeErrorContext(err error, o Object, name *Str) {
	e, ok := err.(*BaseException)
	if !ok || !e.typ.IsSubtype(AttributeErrorType) {
		return
	}
	d := e.Dict()
	if v := d.GetStr("name"); v != nil && v != None {
		return
	}
	if v := d.GetStr("obj"); v != nil && v != None {
		return
	}
	d.SetStr("name", name)
	d.SetStr("obj", o)
}

// GetAttrString is GetAttr with a Go string.
func GetAttrString(t *Thread, o Object, name string) (Object, error) {
	return GetAttr(t, o, Intern(name))
}

// GetAttrOpt returns nil, nil when the attribute is missing.
func GetAttrOpt(t *Thread, o Object, name *Str) (Object, error) {
	v, err := GetAttr(t, o, name)
	if err != nil && IsInstanceOf(err, AttributeErrorType) {
		return nil, nil
	}
	return v, err
}

// instanceDict returns the __dict__ of objects that have one.
func instanceDict(o Object) *Dict {
	switch x := o.(type) {
	case *Instance:
		return LoadPtr(&x.dict)
	case *Module:
		return x.dict
	case *Function:
		return x.funcDict()
	case *BaseException:
		return x.Dict()
	case *Type:
		return x.Dict
	case *CObject:
		return x.dict
	}
	return nil
}

// hasInstanceDict reports whether o is of a Go type that can carry an
// instance dict (see instanceDict), without fetching it.
func hasInstanceDict(o Object) bool {
	switch o.(type) {
	case *Instance, *Module, *Function, *BaseException, *Type, *CObject:
		return true
	}
	return false
}

// GenericGetAttr is object.__getattribute__: data descriptors on the type,
// then the instance __dict__, then other class attributes.
func GenericGetAttr(t *Thread, o Object, name *Str) (Object, error) {
	typ := o.Type()
	descr := typ.Lookup(name)
	var get DescrGetFunc
	if descr != nil {
		dt := descr.Type()
		get = LoadPtr(&dt.DescrGet)
		if get != nil && LoadPtr(&dt.DescrSet) != nil {
			return get(t, descr, o, typ)
		}
	}
	if d := instanceDict(o); d != nil {
		if v := d.getStr(name); v != nil {
			return v, nil
		}
	}
	if get != nil {
		return get(t, descr, o, typ)
	}
	if descr != nil {
		return descr, nil
	}
	return nil, attributeError(o, name)
}

func attributeError(o Object, name *Str) error {
	var e *BaseException
	switch x := o.(type) {
	case *Module:
		e = Errorf(AttributeErrorType, "module '%s' has no attribute '%s'", x.Name(), name.s)
	case *Type:
		e = Errorf(AttributeErrorType, "type object '%s' has no attribute '%s'", x.Name(), name.s)
	default:
		e = Errorf(AttributeErrorType, "'%s' object has no attribute '%s'", typeName(o), name.s)
	}
	e.Dict().SetStr("name", name)
	e.Dict().SetStr("obj", o)
	return e
}

// attributeDeleteError is the error for deleting a missing attribute.
// CPython's generic setattr raises it without the name and object that a
// failed read carries (so no "Did you mean" either), and calls a module a
// 'module' object.
func attributeDeleteError(o Object, name *Str) error {
	if typ, ok := o.(*Type); ok {
		return Errorf(AttributeErrorType, "type object '%s' has no attribute '%s'", typ.Name(), name.s)
	}
	return Errorf(AttributeErrorType, "'%s' object has no attribute '%s'", typeName(o), name.s)
}

// SetAttr is setattr(o, name, v); v == nil deletes.
func SetAttr(t *Thread, o Object, name *Str, v Object) error {
	typ := o.Type()
	if LoadPtr(&typ.SetAttr) != nil {
		return LoadPtr(&typ.SetAttr)(t, o, name, v)
	}
	return GenericSetAttr(t, o, name, v)
}

// GenericSetAttr is object.__setattr__.
func GenericSetAttr(t *Thread, o Object, name *Str, v Object) error {
	typ := o.Type()
	if descr := typ.Lookup(name); descr != nil {
		if set := LoadPtr(&descr.Type().DescrSet); set != nil {
			return set(t, descr, o, v)
		}
	}
	d := instanceDict(o)
	if d == nil {
		if typ.Lookup(name) != nil {
			return Errorf(AttributeErrorType, "'%s' object attribute '%s' is read-only", typ.tpName(), name.s)
		}
		return Errorf(AttributeErrorType, "'%s' object has no attribute '%s'", typ.tpName(), name.s)
	}
	if typ, ok := o.(*Type); ok {
		// object.__setattr__(cls, ...) must still invalidate caches
		defer typ.modified()
	}
	if v == nil {
		found, err := d.DelItem(t, name)
		if err != nil {
			return err
		}
		if !found {
			return attributeDeleteError(o, name)
		}
		return nil
	}
	return d.SetItem(t, name, v)
}

// ---- calls ----

// Call calls fn with positional args followed by keyword values named by
// kwnames.
func Call(t *Thread, fn Object, args []Object, kwnames []string) (Object, error) {
	switch f := fn.(type) {
	case *Function:
		return f.Call(t, args, kwnames)
	case *Builtin:
		return f.Fn(t, f.Self, args, kwnames)
	case *Method:
		return callMethod(t, f.Func, f.Self, args, kwnames)
	}
	typ := fn.Type()
	if LoadPtr(&typ.Call) == nil {
		return nil, TypeErrorf("'%s' object is not callable", typ.Name())
	}
	return LoadPtr(&typ.Call)(t, fn, args, kwnames)
}

// callMethod calls fn(self, *args) avoiding a copy for Python functions
// where possible.
func callMethod(t *Thread, fn, self Object, args []Object, kwnames []string) (Object, error) {
	if f, ok := fn.(*Function); ok && len(kwnames) == 0 {
		if code := f.inlineCode(len(args) + 1); code != nil {
			// the common bound-method call: no argument slice to build
			fr := t.newFrame(code, f.globals, f.builtins, nil)
			fr.fast[0] = self
			copy(fr.fast[1:], args)
			fr.fn = f
			fr.closure = f.Closure
			return t.run(fr)
		}
	}
	full := make([]Object, len(args)+1)
	full[0] = self
	copy(full[1:], args)
	return Call(t, fn, full, kwnames)
}

// Call0..2 are shorthands.
func Call0(t *Thread, fn Object) (Object, error) { return Call(t, fn, nil, nil) }

func Call1(t *Thread, fn, a Object) (Object, error) { return Call(t, fn, []Object{a}, nil) }

func Call2(t *Thread, fn, a, b Object) (Object, error) { return Call(t, fn, []Object{a, b}, nil) }

// CallMethod looks up a method by name and calls it.
func CallMethod(t *Thread, o Object, name string, args ...Object) (Object, error) {
	m, err := GetAttrString(t, o, name)
	if err != nil {
		return nil, err
	}
	return Call(t, m, args, nil)
}

// lookupSpecial finds a special method on the type (not the instance),
// bound to o. It returns nil, nil if absent.
func lookupSpecial(t *Thread, o Object, name string) (Object, error) {
	descr := o.Type().Lookup(dunderStr(name))
	if descr == nil {
		return nil, nil
	}
	if get := LoadPtr(&descr.Type().DescrGet); get != nil {
		return get(t, descr, o, o.Type())
	}
	return descr, nil
}

// callSpecial calls the special method name of o's type with args; found
// is false if the type has no such method.
func callSpecial(t *Thread, o Object, name string, args ...Object) (res Object, found bool, err error) {
	return callSpecialStr(t, o, dunderStr(name), args...)
}

// dunders holds the interned names of special methods, filled at init and
// read-only afterwards, so looking one up takes no lock.
var dunders = map[string]*Str{}

func init() {
	for _, n := range []string{"__init__", "__new__", "__repr__", "__str__", "__hash__", "__eq__", "__ne__", "__lt__",
		"__le__", "__gt__", "__ge__", "__call__", "__getattribute__", "__getattr__", "__setattr__", "__delattr__",
		"__iter__", "__next__", "__len__", "__bool__", "__getitem__", "__setitem__", "__delitem__", "__contains__",
		"__get__", "__set__", "__delete__", "__neg__", "__pos__", "__abs__", "__invert__", "__index__", "__int__",
		"__float__", "__complex__", "__enter__", "__exit__", "__format__", "__missing__", "__set_name__",
		"__instancecheck__", "__subclasscheck__", "__aiter__", "__anext__", "__await__", "__aenter__", "__aexit__",
		"__class_getitem__", "__init_subclass__", "__round__", "__trunc__", "__floor__", "__ceil__", "__reversed__",
		"__length_hint__", "__fspath__", "__bytes__", "__dir__", "__sizeof__", "__reduce__", "__reduce_ex__"} {
		dunders[n] = Intern(n)
	}
	for _, b := range binaryNames {
		for _, n := range []string{b.dunder, b.rdunder, b.idunder} {
			dunders[n] = Intern(n)
		}
	}
}

func dunderStr(name string) *Str {
	if s, ok := dunders[name]; ok {
		return s
	}
	return Intern(name)
}

// callSpecialStr is callSpecial with an interned name.
func callSpecialStr(t *Thread, o Object, name *Str, args ...Object) (res Object, found bool, err error) {
	descr := o.Type().Lookup(name)
	if descr == nil {
		return nil, false, nil
	}
	switch f := descr.(type) {
	case *Function:
		full := make([]Object, len(args)+1)
		full[0] = o
		copy(full[1:], args)
		r, err := f.Call(t, full, nil)
		return r, true, err
	case *MethodDescr:
		if !f.IsStatic && !f.IsClass {
			if err := f.checkSelf(o, f.slot); err != nil {
				return nil, true, err
			}
			r, err := f.Fn(t, o, args, nil)
			return r, true, err
		}
	}
	m := descr
	if get := LoadPtr(&descr.Type().DescrGet); get != nil {
		m, err = get(t, descr, o, o.Type())
		if err != nil {
			return nil, true, err
		}
	}
	r, err := Call(t, m, args, nil)
	return r, true, err
}

// ---- string conversion ----

// Repr is repr(o).
func Repr(t *Thread, o Object) (*Str, error) {
	f := LoadPtr(&o.Type().Repr)
	if f == nil {
		return NewStr("<" + typeName(o) + " object>"), nil
	}
	if t != nil {
		if err := t.enterRecursive(); err != nil {
			return nil, err
		}
		defer t.leaveRecursive()
	}
	r, err := f(t, o)
	if err != nil {
		return nil, err
	}
	s, ok := r.(*Str)
	if !ok {
		if in, isInst := r.(*Instance); isInst {
			if bs, isStr := in.Base.(*Str); isStr {
				return bs, nil
			}
		}
		return nil, TypeErrorf("__repr__ returned non-string (type %s)", typeName(r))
	}
	return s, nil
}

// ReprString is repr(o) as a Go string.
func ReprString(t *Thread, o Object) (string, error) {
	s, err := Repr(t, o)
	if err != nil {
		return "", err
	}
	return s.s, nil
}

// StrOf is str(o).
func StrOf(t *Thread, o Object) (*Str, error) {
	if s, ok := o.(*Str); ok {
		return s, nil
	}
	f := LoadPtr(&o.Type().Str)
	if f == nil {
		return Repr(t, o)
	}
	r, err := f(t, o)
	if err != nil {
		return nil, err
	}
	s, ok := r.(*Str)
	if !ok {
		if in, isInst := r.(*Instance); isInst {
			if bs, isStr := in.Base.(*Str); isStr {
				return bs, nil
			}
		}
		return nil, TypeErrorf("__str__ returned non-string (type %s)", typeName(r))
	}
	return s, nil
}

// StrString is str(o) as a Go string.
func StrString(t *Thread, o Object) (string, error) {
	s, err := StrOf(t, o)
	if err != nil {
		return "", err
	}
	return s.s, nil
}

// ---- hashing and comparison ----

// Hash is hash(o).
func Hash(t *Thread, o Object) (int64, error) {
	switch x := o.(type) {
	case *Str:
		return x.Hash(), nil
	case Int:
		return hashInt(int64(x)), nil
	}
	f := LoadPtr(&o.Type().Hash)
	if f == nil {
		return 0, TypeErrorf("unhashable type: '%s'", typeName(o))
	}
	return f(t, o)
}

// RichCompare is `a op b`.
func RichCompare(t *Thread, a, b Object, op CompareOp) (Object, error) {
	// fast paths
	switch x := a.(type) {
	case Int:
		if y, ok := b.(Int); ok {
			var c int
			if x < y {
				c = -1
			} else if x > y {
				c = 1
			}
			return NewBool(cmpResult(c, op)), nil
		}
	case *Str:
		if y, ok := b.(*Str); ok {
			c := 0
			if x.s < y.s {
				c = -1
			} else if x.s > y.s {
				c = 1
			}
			return NewBool(cmpResult(c, op)), nil
		}
	case Float:
		if y, ok := b.(Float); ok {
			r, _ := floatCompare(x, y, op)
			return r, nil
		}
	}
	ta, tb := a.Type(), b.Type()
	checkedReverse := false
	if ta != tb && tb.IsSubtype(ta) && LoadPtr(&tb.RichCompare) != nil {
		checkedReverse = true
		r, err := LoadPtr(&tb.RichCompare)(t, b, a, op.swapped())
		if err != nil || r != NotImplemented {
			return r, err
		}
	}
	if LoadPtr(&ta.RichCompare) != nil {
		r, err := LoadPtr(&ta.RichCompare)(t, a, b, op)
		if err != nil || r != NotImplemented {
			return r, err
		}
	}
	if !checkedReverse && LoadPtr(&tb.RichCompare) != nil {
		r, err := LoadPtr(&tb.RichCompare)(t, b, a, op.swapped())
		if err != nil || r != NotImplemented {
			return r, err
		}
	}
	switch op {
	case EQ:
		return NewBool(a == b), nil
	case NE:
		return NewBool(a != b), nil
	}
	return nil, TypeErrorf("'%s' not supported between instances of '%s' and '%s'", op.symbol(), ta.tpName(), tb.tpName())
}

// RichCompareBool is `a op b` as a Go bool; identity implies equality for
// EQ and NE, as in containers.
func RichCompareBool(t *Thread, a, b Object, op CompareOp) (bool, error) {
	if a == b || sameFloat(a, b) { // sameFloat: a NaN is identical to itself (float_methods.go)
		if op == EQ {
			return true, nil
		}
		if op == NE {
			return false, nil
		}
	}
	r, err := RichCompare(t, a, b, op)
	if err != nil {
		return false, err
	}
	if bv, ok := r.(Bool); ok {
		return bool(bv), nil
	}
	return IsTrue(t, r)
}

// Equal is a == b as a Go bool (identity first).
func Equal(t *Thread, a, b Object) (bool, error) {
	if eq, ok := fastEq(a, b); ok {
		return eq, nil
	}
	return RichCompareBool(t, a, b, EQ)
}

// optBool is the truth of an optional argument, def when it was not
// given (nil).
func optBool(t *Thread, o Object, def bool) (bool, error) {
	if o == nil {
		return def, nil
	}
	return IsTrue(t, o)
}

// IsTrue is bool(o).
func IsTrue(t *Thread, o Object) (bool, error) {
	switch x := o.(type) {
	case Bool:
		return bool(x), nil
	case NoneType:
		return false, nil
	case Int:
		return x != 0, nil
	case *Str:
		return x.n != 0, nil
	}
	typ := o.Type()
	if LoadPtr(&typ.Bool) != nil {
		return LoadPtr(&typ.Bool)(t, o)
	}
	if LoadPtr(&typ.Len) != nil {
		n, err := LoadPtr(&typ.Len)(t, o)
		return n != 0, err
	}
	return true, nil
}

// ---- iteration ----

// Iter is iter(o).
func Iter(t *Thread, o Object) (Object, error) {
	typ := o.Type()
	if LoadPtr(&typ.Iter) != nil {
		it, err := LoadPtr(&typ.Iter)(t, o)
		if err != nil {
			return nil, err
		}
		if LoadPtr(&it.Type().Next) == nil {
			return nil, TypeErrorf("iter() returned non-iterator of type '%s'", typeName(it))
		}
		return it, nil
	}
	if LoadPtr(&typ.GetItem) != nil {
		return &seqIter{seq: o}, nil
	}
	return nil, TypeErrorf("'%s' object is not iterable", typ.Name())
}

// Next advances an iterator: (nil, nil) at the end.
func Next(t *Thread, it Object) (Object, error) {
	f := LoadPtr(&it.Type().Next)
	if f == nil {
		return nil, TypeErrorf("'%s' object is not an iterator", typeName(it))
	}
	return f(t, it)
}

// Iterate calls fn for each item of o; fn returning false stops early.
func Iterate(t *Thread, o Object, fn func(Object) (bool, error)) error {
	switch x := o.(type) {
	case *Tuple:
		for _, v := range x.items {
			if cont, err := fn(v); err != nil || !cont {
				return err
			}
		}
		return nil
	case *Generator:
		// resumed straight from here, without the Next slot's indirect
		// call: sum(), list(), str.join, ... consume generators often
		if x.kind == genPlain {
			return x.iterate(t, fn)
		}
	case *List:
		// as a list iterator reads it (an item at a time, the length
		// checked at each), without the iterator object and its atomic
		// position, which only matter when threads share the iterator
		for i := 0; ; i++ {
			v := x.At(i)
			if v == nil {
				return nil
			}
			if cont, err := fn(v); err != nil || !cont {
				return err
			}
		}
	case *Dict:
		if x.typ == nil {
			return iterateDict(x, 0, fn)
		}
	case *dictView:
		return iterateDict(x.d, x.kind, fn)
	}
	it, err := Iter(t, o)
	if err != nil {
		return err
	}
	next := LoadPtr(&it.Type().Next)
	for {
		v, err := next(t, it)
		if err != nil {
			if IsInstanceOf(err, StopIterationType) {
				return nil
			}
			return err
		}
		if v == nil {
			return nil
		}
		if cont, err := fn(v); err != nil || !cont {
			return err
		}
	}
}

// ToSlice returns the items of any iterable as a new slice.
func ToSlice(t *Thread, o Object) ([]Object, error) {
	switch x := o.(type) {
	case *Tuple:
		return append([]Object(nil), x.items...), nil
	case *List:
		return x.snapshot(), nil
	case *Instance:
		if items, ok := dequeItems(x); ok {
			return items, nil
		}
	}
	// The first items go to a buffer on the stack and are copied once
	// into a slice of their exact size: tuple(), list() and friends of
	// a short generator expression would otherwise grow a heap slice
	// from nothing (1, 2, 4, 8 items: four allocations for five items).
	var small [16]Object
	n := 0
	var out []Object
	err := Iterate(t, o, func(v Object) (bool, error) {
		if out == nil {
			if n < len(small) {
				small[n] = v
				n++
				return true, nil
			}
			out = make([]Object, n, 2*len(small))
			copy(out, small[:n])
		}
		out = append(out, v)
		return true, nil
	})
	if out == nil && n > 0 {
		out = make([]Object, n)
		copy(out, small[:n])
	}
	return out, err
}

// ---- containers ----

// Len is len(o).
func Len(t *Thread, o Object) (int, error) {
	switch x := o.(type) {
	case *Str:
		return x.n, nil
	case *List:
		return x.Len(), nil
	case *Tuple:
		return len(x.items), nil
	case *Dict:
		return x.Len(), nil
	}
	f := LoadPtr(&o.Type().Len)
	if f == nil {
		return 0, TypeErrorf("object of type '%s' has no len()", typeName(o))
	}
	return f(t, o)
}

// GetItem is o[key].
func GetItem(t *Thread, o, key Object) (Object, error) {
	f := LoadPtr(&o.Type().GetItem)
	if f == nil {
		if ot, ok := o.(*Type); ok {
			if ot == TypeType {
				// type[int]: CPython special-cases type itself, which
				// has no __class_getitem__
				return newGenericAlias(ot, key), nil
			}
			if cg := ot.Lookup(Intern("__class_getitem__")); cg != nil {
				m, err := bindDescr(t, cg, nil, ot)
				if err != nil {
					return nil, err
				}
				return Call1(t, m, key)
			}
			return nil, TypeErrorf("type '%s' is not subscriptable", ot.Name())
		}
		return nil, TypeErrorf("'%s' object is not subscriptable", typeName(o))
	}
	return f(t, o, key)
}

// SetItem is o[key] = v.
func SetItem(t *Thread, o, key, v Object) error {
	f := LoadPtr(&o.Type().SetItem)
	if f == nil {
		return TypeErrorf("'%s' object does not support item assignment", typeName(o))
	}
	return f(t, o, key, v)
}

// DelItem is del o[key].
func DelItem(t *Thread, o, key Object) error {
	f := LoadPtr(&o.Type().SetItem)
	if f == nil {
		return TypeErrorf("'%s' object does not support item deletion", typeName(o))
	}
	return f(t, o, key, nil)
}

// Contains is `v in o`.
func Contains(t *Thread, o, v Object) (bool, error) {
	if f := LoadPtr(&o.Type().Contains); f != nil {
		return f(t, o, v)
	}
	found := false
	it, err := Iter(t, o)
	if err != nil {
		if IsInstanceOf(err, TypeErrorType) {
			return false, TypeErrorf("argument of type '%s' is not iterable", typeName(o))
		}
		return false, err
	}
	next := LoadPtr(&it.Type().Next)
	for {
		x, err := next(t, it)
		if err != nil || x == nil {
			return found, err
		}
		eq, err := Equal(t, x, v)
		if err != nil || eq {
			return eq, err
		}
	}
}

// ---- numbers ----

// BinaryOp is `a op b` for op in Nb*.
func BinaryOp(t *Thread, a, b Object, op int) (Object, error) {
	r, err := binaryOp1(t, a, b, op)
	if err != nil || r != NotImplemented {
		return r, err
	}
	return nil, binaryOpError(a, b, op)
}

func binaryOpError(a, b Object, op int) error {
	if op == NbAdd {
		if _, ok := a.(*Str); ok {
			return TypeErrorf("can only concatenate str (not \"%s\") to str", typeName(b))
		}
		if _, ok := a.(*List); ok {
			if _, ok := b.(*List); !ok {
				return TypeErrorf("can only concatenate list (not \"%s\") to list", typeName(b))
			}
		}
		if _, ok := a.(*Tuple); ok {
			return TypeErrorf("can only concatenate tuple (not \"%s\") to tuple", typeName(b))
		}
		switch unwrap(a).(type) {
		case *Bytes:
			return TypeErrorf("can't concat %s to bytes", typeName(b))
		case *ByteArray:
			return TypeErrorf("can't concat %s to bytearray", typeName(b))
		}
	}
	if op == NbMul {
		switch a.(type) {
		case *Str, *List, *Tuple, *Bytes:
			if _, ok := b.(Float); ok || b.Type() != IntType {
				return TypeErrorf("can't multiply sequence by non-int of type '%s'", typeName(b))
			}
		}
		switch b.(type) {
		case *Str, *List, *Tuple, *Bytes:
			return TypeErrorf("can't multiply sequence by non-int of type '%s'", typeName(a))
		}
	}
	return TypeErrorf("unsupported operand type(s) for %s: '%s' and '%s'", binaryNames[op].op, typeName(a), typeName(b))
}

func binaryOp1(t *Thread, a, b Object, op int) (Object, error) {
	ta, tb := a.Type(), b.Type()
	fa := LoadPtr(&ta.Num[op])
	var fb BinaryFunc
	if tb != ta {
		fb = LoadPtr(&tb.Num[op])
		if fa != nil && fb != nil && closurePtr(fa) == closurePtr(fb) {
			// one slot for both (two classes defining the operator in
			// Python, int and bool): called once, as CPython does
			fb = nil
		}
	}
	if fa != nil {
		if fb != nil && tb.IsSubtype(ta) {
			r, err := fb(t, a, b)
			if err != nil || r != NotImplemented {
				return r, err
			}
			fb = nil
		}
		r, err := fa(t, a, b)
		if err != nil || r != NotImplemented {
			return r, err
		}
	}
	if fb != nil {
		return fb(t, a, b)
	}
	return NotImplemented, nil
}

// InplaceOp is `a op= b`.
func InplaceOp(t *Thread, a, b Object, op int) (Object, error) {
	if f := LoadPtr(&a.Type().INum[op]); f != nil {
		r, err := f(t, a, b)
		if err != nil || r != NotImplemented {
			return r, err
		}
	}
	r, err := binaryOp1(t, a, b, op)
	if err != nil || r != NotImplemented {
		return r, err
	}
	e := binaryOpError(a, b, op).(*BaseException)
	if s, ok := e.Args().items[0].(*Str); ok && len(s.s) > 30 && s.s[:30] == "unsupported operand type(s) fo" {
		sym := binaryNames[op].op
		if op == NbPow {
			sym = "**" // not "** or pow()"
		}
		return nil, TypeErrorf("unsupported operand type(s) for %s=: '%s' and '%s'", sym, typeName(a), typeName(b))
	}
	return nil, e
}

// HasIndex reports whether o has __index__ (operator.index would accept
// it).
func HasIndex(o Object) bool {
	switch o.(type) {
	case Int, *BigInt, Bool:
		return true
	}
	return LoadPtr(&o.Type().Index) != nil
}

// Index is operator.index(o): the int value of an int-like object.
func Index(t *Thread, o Object) (Object, error) {
	switch x := o.(type) {
	case Int, *BigInt:
		return x, nil
	case Bool:
		return Int(boolToInt(x)), nil
	case *Instance:
		if x.Type().Flags.Load()&FlagLongSub != 0 {
			// an int subclass is its own index: CPython calls no
			// __index__ it may define
			return unwrapInt(x), nil
		}
	}
	if f := LoadPtr(&o.Type().Index); f != nil {
		r, err := f(t, o)
		if err != nil {
			return nil, err
		}
		if !isIntLike(r) {
			return nil, TypeErrorf("__index__ returned non-int (type %s)", typeName(r))
		}
		if err := warnIntSubclass(t, r, "__index__"); err != nil {
			return nil, err
		}
		return unwrapInt(r), nil
	}
	return nil, TypeErrorf("'%s' object cannot be interpreted as an integer", typeName(o))
}

func unwrapInt(o Object) Object {
	o = unwrap(o)
	if b, ok := o.(Bool); ok {
		return Int(boolToInt(b))
	}
	return o
}

// IndexInt is Index as a Go int; OverflowError-like IndexError when it
// does not fit.
func IndexInt(t *Thread, o Object) (int, error) {
	v, err := Index(t, o)
	if err != nil {
		return 0, err
	}
	if i, ok := v.(Int); ok {
		return int(i), nil
	}
	return 0, Errorf(IndexErrorType, "cannot fit '%s' into an index-sized integer", typeName(o))
}

// SsizeArg converts a method argument that CPython parses as a C
// Py_ssize_t (the "n" format: widths, counts, maxsplit): OverflowError,
// not IndexInt's IndexError, when it does not fit.
func SsizeArg(t *Thread, o Object) (int, error) {
	if i, ok := o.(Int); ok {
		return int(i), nil
	}
	v, err := Index(t, o)
	if err != nil {
		return 0, err
	}
	if i, ok := v.(Int); ok {
		return int(i), nil
	}
	return 0, Errorf(OverflowErrorType, "Python int too large to convert to C ssize_t")
}

// CIntArg converts a method argument that CPython parses as a C int
// (tab sizes, pickle protocols): OverflowError outside its range.
func CIntArg(t *Thread, o Object) (int, error) {
	n, err := SsizeArg(t, o)
	if err != nil {
		if IsInstanceOf(err, OverflowErrorType) {
			err = Errorf(OverflowErrorType, "Python int too large to convert to C int")
		}
		return 0, err
	}
	if n != int(int32(n)) {
		return 0, Errorf(OverflowErrorType, "Python int too large to convert to C int")
	}
	return n, nil
}

// AsInt64 converts an int-like object (via __index__) to int64, raising
// OverflowError when it does not fit.
func AsInt64(t *Thread, o Object) (int64, error) {
	v, err := Index(t, o)
	if err != nil {
		return 0, err
	}
	if i, ok := v.(Int); ok {
		return int64(i), nil
	}
	return 0, NewError(OverflowErrorType, "Python int too large to convert to C long")
}

// AsBig returns an int-like object's value as a big.Int.
func AsBig(t *Thread, o Object) (*big.Int, error) {
	v, err := Index(t, o)
	if err != nil {
		return nil, err
	}
	b, _ := asBig(v)
	return b, nil
}

// UnaryOp applies a unary slot with CPython's error message.
func UnaryOp(t *Thread, o Object, f UnaryFunc, sym string) (Object, error) {
	if f == nil {
		if sym == "abs()" {
			// abs() is a builtin, not an operator: no "unary".
			return nil, TypeErrorf("bad operand type for abs(): '%s'", typeName(o))
		}
		return nil, TypeErrorf("bad operand type for unary %s: '%s'", sym, typeName(o))
	}
	return f(t, o)
}

// bindDescr applies a descriptor's __get__ (if any) for obj/typ.
func bindDescr(t *Thread, descr, obj Object, typ *Type) (Object, error) {
	if get := LoadPtr(&descr.Type().DescrGet); get != nil {
		return get(t, descr, obj, typ)
	}
	return descr, nil
}

// IsInstance is isinstance(o, cls) for a single class (no __instancecheck__).
func IsInstance(o Object, cls *Type) bool { return o.Type().IsSubtype(cls) }
