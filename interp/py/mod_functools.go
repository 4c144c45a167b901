package py

import (
	"strings"
	"sync/atomic"
)

// The _functools module: reduce, partial and cmp_to_key. functools.py
// falls back to pure Python for what is missing here (lru_cache).

var (
	PartialType    = newBuiltinType("partial", ObjectType)
	KeyWrapperType = newBuiltinType("KeyWrapper", ObjectType)
)

// partialData is the state of a partial object, never written after it
// is published. The object itself is an *Instance (so that it has a
// __dict__ and Python subclasses work) whose Base is a *partialBox set
// when the instance is made; __setstate__ publishes a new partialData
// in the box, so a thread calling the partial meanwhile uses the old
// state or the new one whole.
type partialData struct {
	fn   Object
	args []Object
	kw   *Dict
	// argsTup is args as the tuple p.args returns, the same object each
	// time (copy.copy keeps it, as CPython's does)
	argsTup *Tuple
}

type partialBox struct{ p atomic.Pointer[partialData] }

func (*partialBox) Type() *Type { return PartialType }

func partialOf(o Object) (*partialData, bool) {
	in, ok := o.(*Instance)
	if !ok {
		return nil, false
	}
	b, ok := in.Base.(*partialBox)
	if !ok {
		return nil, false
	}
	return b.p.Load(), true
}

// keyWrapper is an object made by cmp_to_key(mycmp)(obj).
type keyWrapper struct {
	cmp Object
	obj Object // nil for the callable returned by cmp_to_key itself
}

func (*keyWrapper) Type() *Type { return KeyWrapperType }

func init() {
	pt := PartialType
	pt.hasDict = true
	pt.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		npos := len(args) - len(kw)
		if npos < 1 {
			return nil, TypeErrorf("type 'partial' takes at least one argument")
		}
		fn := args[0]
		if !isCallable(fn) {
			return nil, TypeErrorf("the first argument must be callable")
		}
		var pargs []Object
		kwd := NewDict()
		if inner, ok := partialOf(fn); ok && LoadPtr(&fn.Type().Call) != nil && sameFunc(LoadPtr(&fn.Type().Call), PartialType.Call) {
			if d := LoadPtr(&fn.(*Instance).dict); d == nil || d.Len() == 0 {
				pargs = append(pargs, inner.args...)
				kwd = inner.kw.Copy()
				fn = inner.fn
			}
		}
		pargs = append(pargs, args[1:npos]...)
		for i, k := range kw {
			kwd.SetStr(k, args[npos+i])
		}
		in := NewInstance(typ)
		box := &partialBox{}
		box.p.Store(&partialData{fn: fn, args: pargs, kw: kwd, argsTup: NewTuple(pargs...)})
		in.Base = box
		return in, nil
	}
	pt.Init = func(t *Thread, self Object, args []Object, kw []string) error { return nil }
	pt.Call = func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		p, ok := partialOf(self)
		if !ok {
			return nil, TypeErrorf("partial object is not initialised")
		}
		npos := len(args) - len(kw)
		full := make([]Object, 0, len(p.args)+len(args)+p.kw.Len())
		full = append(full, p.args...)
		full = append(full, args[:npos]...)
		if p.kw.Len() == 0 {
			return Call(t, p.fn, append(full, args[npos:]...), kw)
		}
		merged := p.kw.Copy()
		for i, k := range kw {
			merged.SetStr(k, args[npos+i])
		}
		var names []string
		for _, e := range merged.Items() {
			ks, ok := e.key.(*Str)
			if !ok {
				return nil, TypeErrorf("keywords must be strings")
			}
			names = append(names, ks.s)
			full = append(full, e.value)
		}
		return Call(t, p.fn, full, names)
	}
	pt.Repr = func(t *Thread, o Object) (Object, error) {
		p, ok := partialOf(o)
		if !ok {
			return objectRepr(t, o)
		}
		name := o.Type().Name()
		if o.Type() == PartialType {
			name = "functools.partial"
		}
		if t != nil {
			for _, x := range t.reprStack {
				if x == o {
					return NewStr("..."), nil
				}
			}
			t.reprStack = append(t.reprStack, o)
			defer func() { t.reprStack = t.reprStack[:len(t.reprStack)-1] }()
		}
		parts := []string{}
		r, err := ReprString(t, p.fn)
		if err != nil {
			return nil, err
		}
		parts = append(parts, r)
		for _, a := range p.args {
			r, err := ReprString(t, a)
			if err != nil {
				return nil, err
			}
			parts = append(parts, r)
		}
		for _, e := range p.kw.Items() {
			k, err := StrString(t, e.key)
			if err != nil {
				return nil, err
			}
			v, err := ReprString(t, e.value)
			if err != nil {
				return nil, err
			}
			parts = append(parts, k+"="+v)
		}
		return NewStr(name + "(" + strings.Join(parts, ", ") + ")"), nil
	}
	pt.AddGetSet("func", func(t *Thread, o Object) (Object, error) {
		p, _ := partialOf(o)
		return p.fn, nil
	}, nil)
	pt.AddGetSet("args", func(t *Thread, o Object) (Object, error) {
		p, _ := partialOf(o)
		return p.argsTup, nil
	}, nil)
	pt.AddGetSet("keywords", func(t *Thread, o Object) (Object, error) {
		p, _ := partialOf(o)
		return p.kw, nil
	}, nil)
	pt.AddGetSet("__dict__", func(t *Thread, o Object) (Object, error) {
		if d := instanceDict(o); d != nil {
			return d, nil
		}
		return NewDict(), nil
	}, func(t *Thread, o, v Object) error {
		if v == nil {
			return TypeErrorf("cannot delete __dict__")
		}
		d, ok := v.(*Dict)
		in, ok2 := o.(*Instance)
		if !ok || !ok2 {
			return TypeErrorf("__dict__ must be set to a dictionary, not a '%s'", typeName(v))
		}
		storePtr(&in.dict, d)
		return nil
	})
	pt.AddMethod("__reduce__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		p, ok := partialOf(self)
		if !ok {
			return nil, TypeErrorf("partial object is not initialised")
		}
		var kwo, dict Object = None, None
		if p.kw.Len() > 0 {
			kwo = p.kw
		}
		if d := instanceDict(self); d != nil && d.Len() > 0 {
			dict = d
		}
		return NewTuple(self.Type(), NewTuple(p.fn), NewTuple(p.fn, p.argsTup, kwo, dict)), nil
	})
	pt.AddMethod("__setstate__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		st, err := collArgO("partial.__setstate__", args, kw)
		if err != nil {
			return nil, err
		}
		tup, ok := st.(*Tuple)
		if !ok || len(tup.items) != 4 {
			return nil, TypeErrorf("invalid partial state")
		}
		fn, fargs, fkw, fdict := tup.items[0], tup.items[1], tup.items[2], tup.items[3]
		at, ok := unwrap(fargs).(*Tuple)
		if !isCallable(fn) || !ok || (fkw != None && !IsInstance(fkw, DictType)) {
			return nil, TypeErrorf("invalid partial state")
		}
		// an exact tuple and dict are kept as they are (CPython's), a
		// subclass's contents copied
		kwd := NewDict()
		if d, ok := fkw.(*Dict); ok {
			kwd = d
		} else if fkw != None {
			kwd = unwrap(fkw).(*Dict).Copy()
		}
		argsTup := at
		if fargs.Type() != TupleType {
			argsTup = NewTuple(at.items...)
		}
		in := self.(*Instance)
		box, ok := in.Base.(*partialBox)
		if !ok {
			return nil, TypeErrorf("partial object is not initialised")
		}
		box.p.Store(&partialData{fn: fn, args: append([]Object(nil), at.items...), kw: kwd, argsTup: argsTup})
		// the state's dict replaces the attributes; None empties them
		if LoadPtr(&in.dict) != nil {
			nd := NewDict()
			if d, ok := unwrap(fdict).(*Dict); ok {
				if err := nd.Update(t, d); err != nil {
					return nil, err
				}
			}
			storePtr(&in.dict, nd)
		}
		return None, nil
	})

	kt := KeyWrapperType
	kt.Call = func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var obj Object
		if err := ParseArgs("K", args, kw, []string{"obj"}, 1, &obj); err != nil {
			return nil, err
		}
		return &keyWrapper{cmp: self.(*keyWrapper).cmp, obj: obj}, nil
	}
	kt.RichCompare = func(t *Thread, a, b Object, op CompareOp) (Object, error) {
		x := a.(*keyWrapper)
		y, ok := b.(*keyWrapper)
		if !ok {
			return nil, TypeErrorf("other argument must be K instance")
		}
		if x.obj == nil || y.obj == nil {
			return nil, Errorf(AttributeErrorType, "object")
		}
		r, err := Call2(t, x.cmp, x.obj, y.obj)
		if err != nil {
			return nil, err
		}
		return RichCompare(t, r, Int(0), op)
	}
	kt.Hash = unhashable
	kt.Dict.SetStr("__hash__", None)
	kt.AddGetSet("obj", func(t *Thread, o Object) (Object, error) {
		k := o.(*keyWrapper)
		if k.obj == nil {
			return nil, Errorf(AttributeErrorType, "obj")
		}
		return k.obj, nil
	}, func(t *Thread, o, v Object) error {
		o.(*keyWrapper).obj = v
		return nil
	})
	kt.Flags.And(^uint64(FlagBaseType))

	registerType(PartialType, KeyWrapperType)

	RegisterNativeModule("_functools", func(t *Thread) (*Module, error) {
		m := NewModule("_functools")
		PartialType.Dict.SetStr("__module__", Intern("functools"))
		KeyWrapperType.Dict.SetStr("__module__", Intern("functools"))
		m.Dict().SetStr("partial", PartialType)
		m.Dict().SetStr("KeyWrapper", KeyWrapperType)
		m.AddFunc("reduce", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := collArgRange("reduce", args, kw, 2, 3); err != nil {
				return nil, err
			}
			fn := args[0]
			var acc Object
			if len(args) == 3 {
				acc = args[2]
			}
			err := Iterate(t, args[1], func(v Object) (bool, error) {
				if acc == nil {
					acc = v
					return true, nil
				}
				r, err := Call2(t, fn, acc, v)
				if err != nil {
					return false, err
				}
				acc = r
				return true, nil
			})
			if err != nil {
				if IsInstanceOf(err, TypeErrorType) {
					if _, ierr := Iter(t, args[1]); ierr != nil {
						return nil, TypeErrorf("reduce() arg 2 must support iteration")
					}
				}
				return nil, err
			}
			if acc == nil {
				return nil, TypeErrorf("reduce() of empty iterable with no initial value")
			}
			return acc, nil
		})
		m.AddFunc("cmp_to_key", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var cmp Object
			if err := ParseArgs("cmp_to_key", args, kw, []string{"mycmp"}, 1, &cmp); err != nil {
				return nil, err
			}
			return &keyWrapper{cmp: cmp}, nil
		})
		return m, nil
	})
}

// genericClassGetItem is __class_getitem__ for deque and partial
// (deque[int] appears in annotations evaluated at import time).
func genericClassGetItem(t *Thread, self Object, args []Object, kw []string) (Object, error) {
	if len(args) != 1 || len(kw) > 0 {
		return nil, TypeErrorf("__class_getitem__ expected 1 argument")
	}
	return newGenericAlias(self, args[0]), nil
}

func init() {
	PartialType.AddClassMethod("__class_getitem__", genericClassGetItem)
	DequeType.AddClassMethod("__class_getitem__", genericClassGetItem)
}
