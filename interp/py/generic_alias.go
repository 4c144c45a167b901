package py

import (
	"strings"
	"sync/atomic"
)

// types.GenericAlias (list[int]) and types.UnionType (int | str), with
// the behaviour of CPython 3.11's Objects/genericaliasobject.c and
// Objects/unionobject.c: type-variable parameters collected from the
// arguments and substituted by subscription, starred aliases
// (*tuple[int, str]), attribute access forwarded to the origin,
// flattened and de-duplicated unions, isinstance() through a union.

// GenericAlias is types.GenericAlias (list[int]).
type GenericAlias struct {
	Origin  Object
	Args    *Tuple
	starred bool
	params  atomic.Pointer[Tuple] // __parameters__, computed on first use
}

// GenericAliasType is types.GenericAlias.
var GenericAliasType = newBuiltinType("GenericAlias", ObjectType)

// Type returns types.GenericAlias.
func (*GenericAlias) Type() *Type { return GenericAliasType }

// Union is types.UnionType (int | str): its arguments are flattened,
// free of duplicates, with None stored as NoneType.
type Union struct {
	Args   *Tuple
	params atomic.Pointer[Tuple]
}

// UnionType is types.UnionType.
var UnionType = newBuiltinType("UnionType", ObjectType)

// Type returns types.UnionType.
func (*Union) Type() *Type { return UnionType }

func newGenericAlias(origin, args Object) *GenericAlias {
	tup, ok := args.(*Tuple)
	if !ok {
		tup = NewTuple(args)
	}
	return &GenericAlias{Origin: origin, Args: tup}
}

// asAlias returns the GenericAlias an object is (also a subclass
// instance's).
func asAlias(o Object) (*GenericAlias, bool) {
	g, ok := unwrap(o).(*GenericAlias)
	return g, ok
}

// gaAttrExceptions are the attributes a GenericAlias answers itself;
// every other attribute is the origin's.
var gaAttrExceptions = []string{
	"__class__", "__origin__", "__args__", "__unpacked__", "__parameters__",
	"__typing_unpacked_tuple_args__", "__mro_entries__", "__reduce_ex__",
	"__reduce__", "__copy__", "__deepcopy__",
}

// aliasReprItem writes how an alias or union shows one argument: a class
// as module.qualname (no module for builtins), anything with __origin__
// and __args__ (another alias) or without a name by its repr.
func aliasReprItem(t *Thread, sb *strings.Builder, p Object, union bool) error {
	if union && p == Object(NoneTypeType) {
		sb.WriteString("None")
		return nil
	}
	if !union && p == Object(Ellipsis) {
		sb.WriteString("...")
		return nil
	}
	useRepr := func() error {
		r, err := ReprString(t, p)
		if err != nil {
			return err
		}
		sb.WriteString(r)
		return nil
	}
	origin, err := GetAttrOpt(t, p, Intern("__origin__"))
	if err != nil {
		return err
	}
	if origin != nil {
		args, err := GetAttrOpt(t, p, Intern("__args__"))
		if err != nil {
			return err
		}
		if args != nil {
			return useRepr()
		}
	}
	qualname, err := GetAttrOpt(t, p, Intern("__qualname__"))
	if err != nil {
		return err
	}
	if qualname == nil {
		return useRepr()
	}
	module, err := GetAttrOpt(t, p, Intern("__module__"))
	if err != nil {
		return err
	}
	if module == nil || module == None {
		return useRepr()
	}
	if ms, ok := module.(*Str); !ok || ms.s != "builtins" {
		s, err := StrString(t, module)
		if err != nil {
			return err
		}
		sb.WriteString(s)
		sb.WriteByte('.')
	}
	s, err := StrString(t, qualname)
	if err != nil {
		return err
	}
	sb.WriteString(s)
	return nil
}

func gaRepr(t *Thread, o Object) (Object, error) {
	g, _ := asAlias(o)
	var sb strings.Builder
	if g.starred {
		sb.WriteByte('*')
	}
	if err := aliasReprItem(t, &sb, g.Origin, false); err != nil {
		return nil, err
	}
	sb.WriteByte('[')
	for i, a := range g.Args.items {
		if i > 0 {
			sb.WriteString(", ")
		}
		if l, ok := a.(*List); ok {
			// Callable[[int, str], float] keeps its argument list
			sb.WriteByte('[')
			for j, x := range l.snapshot() {
				if j > 0 {
					sb.WriteString(", ")
				}
				if err := aliasReprItem(t, &sb, x, false); err != nil {
					return nil, err
				}
			}
			sb.WriteByte(']')
			continue
		}
		if err := aliasReprItem(t, &sb, a, false); err != nil {
			return nil, err
		}
	}
	if len(g.Args.items) == 0 {
		sb.WriteString("()") // tuple[()]
	}
	sb.WriteByte(']')
	return NewStr(sb.String()), nil
}

func unionRepr(t *Thread, o Object) (Object, error) {
	u := o.(*Union)
	var sb strings.Builder
	for i, a := range u.Args.items {
		if i > 0 {
			sb.WriteString(" | ")
		}
		if err := aliasReprItem(t, &sb, a, true); err != nil {
			return nil, err
		}
	}
	return NewStr(sb.String()), nil
}

// tupleIndex is the position of o in params by identity, or -1.
func tupleIndex(params []Object, o Object) int {
	for i, p := range params {
		if p == o {
			return i
		}
	}
	return -1
}

// makeParameters collects the type variables of an alias's or union's
// arguments, in order of appearance, each once: an argument with
// __typing_subst__ is one; otherwise its own __parameters__ are (classes
// are skipped: their __parameters__ is no concern of the alias).
func makeParameters(t *Thread, args []Object) (*Tuple, error) {
	var params []Object
	add := func(p Object) {
		if tupleIndex(params, p) < 0 {
			params = append(params, p)
		}
	}
	for _, a := range args {
		if _, isType := a.(*Type); isType {
			continue
		}
		subst, err := GetAttrOpt(t, a, Intern("__typing_subst__"))
		if err != nil {
			return nil, err
		}
		if subst != nil {
			add(a)
			continue
		}
		sub, err := GetAttrOpt(t, a, Intern("__parameters__"))
		if err != nil {
			return nil, err
		}
		if st, ok := sub.(*Tuple); ok {
			for _, p := range st.items {
				add(p)
			}
		}
	}
	return NewTuple(params...), nil
}

// cachedParameters returns the parameters kept in slot, computing them
// once (two threads may both compute them: the results are equal).
func cachedParameters(t *Thread, slot *atomic.Pointer[Tuple], args []Object) (*Tuple, error) {
	if p := slot.Load(); p != nil {
		return p, nil
	}
	p, err := makeParameters(t, args)
	if err != nil {
		return nil, err
	}
	slot.CompareAndSwap(nil, p)
	return slot.Load(), nil
}

// unpackedTupleArgs is the items of *tuple[...] (or of an object that
// says it unpacks to a tuple's arguments), else nil.
func unpackedTupleArgs(t *Thread, o Object) (Object, error) {
	if g, ok := asAlias(o); ok && g.starred && g.Origin == Object(TupleType) {
		return g.Args, nil
	}
	r, err := GetAttrOpt(t, o, Intern("__typing_unpacked_tuple_args__"))
	if err != nil || r == None {
		return nil, err
	}
	return r, nil
}

// unpackArgs makes the subscription's items a tuple, with *tuple[...]
// items spread out (unless the tuple is open-ended: tuple[int, ...]).
func unpackArgs(t *Thread, item Object) (*Tuple, error) {
	items := []Object{item}
	if tup, ok := item.(*Tuple); ok {
		items = tup.items
	}
	var out []Object
	for _, it := range items {
		if _, isType := it.(*Type); !isType {
			sub, err := unpackedTupleArgs(t, it)
			if err != nil {
				return nil, err
			}
			if st, ok := sub.(*Tuple); ok {
				n := len(st.items)
				if n == 0 || st.items[n-1] != Object(Ellipsis) {
					out = append(out, st.items...)
					continue
				}
			}
		}
		out = append(out, it)
	}
	return NewTuple(out...), nil
}

// substituteTVars is obj with the type variables among params replaced by
// the corresponding items: obj[sub-arguments] when obj has parameters.
func substituteTVars(t *Thread, obj Object, params, items []Object) (Object, error) {
	sub, err := GetAttrOpt(t, obj, Intern("__parameters__"))
	if err != nil {
		return nil, err
	}
	st, ok := sub.(*Tuple)
	if !ok || len(st.items) == 0 {
		return obj, nil
	}
	var subargs []Object
	for _, p := range st.items {
		arg := p
		if i := tupleIndex(params, p); i >= 0 {
			arg = items[i]
			if tup, isTup := arg.(*Tuple); isTup && LoadPtr(&params[i].Type().Iter) != nil {
				// a TypeVarTuple takes a tuple of arguments
				subargs = append(subargs, tup.items...)
				continue
			}
		}
		subargs = append(subargs, arg)
	}
	return GetItem(t, obj, NewTuple(subargs...))
}

// substituteParameters is the new argument tuple of self[item]: every
// type variable among params replaced by the item at its position.
func substituteParameters(t *Thread, self Object, args, params []Object, item Object) ([]Object, error) {
	if len(params) == 0 {
		r, _ := ReprString(t, self)
		return nil, TypeErrorf("%s is not a generic class", r)
	}
	tup, err := unpackArgs(t, item)
	if err != nil {
		return nil, err
	}
	item = tup
	for _, p := range params {
		prepare, err := GetAttrOpt(t, p, Intern("__typing_prepare_subst__"))
		if err != nil {
			return nil, err
		}
		if prepare != nil && prepare != None {
			if item, err = Call(t, prepare, []Object{self, item}, nil); err != nil {
				return nil, err
			}
		}
	}
	items := []Object{item}
	if it, ok := item.(*Tuple); ok {
		items = it.items
	}
	if len(items) != len(params) {
		how := "few"
		if len(items) > len(params) {
			how = "many"
		}
		r, _ := ReprString(t, self)
		return nil, TypeErrorf("Too %s arguments for %s; actual %d, expected %d", how, r, len(items), len(params))
	}
	out := make([]Object, 0, len(args))
	for _, a := range args {
		if _, isType := a.(*Type); isType {
			out = append(out, a)
			continue
		}
		unpack := false
		if flag, err := GetAttrOpt(t, a, Intern("__typing_is_unpacked_typevartuple__")); err != nil {
			return nil, err
		} else if flag != nil {
			if unpack, err = IsTrue(t, flag); err != nil {
				return nil, err
			}
		}
		subst, err := GetAttrOpt(t, a, Intern("__typing_subst__"))
		if err != nil {
			return nil, err
		}
		var na Object
		if subst != nil {
			na, err = Call1(t, subst, items[tupleIndex(params, a)])
		} else {
			na, err = substituteTVars(t, a, params, items)
		}
		if err != nil {
			return nil, err
		}
		if unpack {
			if nt, ok := na.(*Tuple); ok {
				out = append(out, nt.items...)
				continue
			}
		}
		out = append(out, na)
	}
	return out, nil
}

// unionable says whether o may be an operand of a types.UnionType |.
func unionable(o Object) bool {
	switch unwrap(o).(type) {
	case *Type, *GenericAlias, *Union:
		return true
	}
	return o == None
}

// unionOr is X | Y for classes, aliases, unions and None.
func unionOr(t *Thread, a, b Object) (Object, error) {
	if !unionable(a) || !unionable(b) {
		return NotImplemented, nil
	}
	return makeUnion(t, []Object{a, b})
}

// makeUnion flattens nested unions, turns None into NoneType and drops
// duplicates (by identity; aliases by equality); a single type left is
// returned itself.
func makeUnion(t *Thread, args []Object) (Object, error) {
	var flat []Object
	for _, a := range args {
		if u, ok := a.(*Union); ok {
			flat = append(flat, u.Args.items...)
			continue
		}
		if a == None {
			a = NoneTypeType
		}
		flat = append(flat, a)
	}
	var out []Object
	for _, a := range flat {
		dup := false
		for _, b := range out {
			_, ga1 := asAlias(a)
			_, ga2 := asAlias(b)
			if ga1 && ga2 {
				eq, err := Equal(t, a, b)
				if err != nil {
					return nil, err
				}
				dup = eq
			} else {
				dup = a == b
			}
			if dup {
				break
			}
		}
		if !dup {
			out = append(out, a)
		}
	}
	if len(out) == 1 {
		return out[0], nil
	}
	return &Union{Args: NewTuple(out...)}, nil
}

// gaIter is the iterator of iter(list[int]): one starred copy.
type gaIter struct {
	g    *GenericAlias
	done atomic.Bool
}

var gaIterType = newBuiltinType("generic_alias_iterator", ObjectType)

func (*gaIter) Type() *Type { return gaIterType }

func init() {
	gt := GenericAliasType
	gt.Dict.SetStr("__module__", NewStr("types"))
	gt.Doc = "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,)."
	gt.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		if len(kw) > 0 {
			return nil, TypeErrorf("GenericAlias() takes no keyword arguments")
		}
		if len(args) != 2 {
			return nil, TypeErrorf("GenericAlias expected 2 arguments, got %d", len(args))
		}
		g := newGenericAlias(args[0], args[1])
		if typ != GenericAliasType {
			return newSubclassInstance(typ, g), nil
		}
		return g, nil
	}
	gt.Repr = gaRepr
	gt.Call = func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		g, _ := asAlias(self)
		obj, err := Call(t, g.Origin, args, kw)
		if err != nil {
			return nil, err
		}
		if err := SetAttr(t, obj, Intern("__orig_class__"), self); err != nil {
			if !IsInstanceOf(err, AttributeErrorType) && !IsInstanceOf(err, TypeErrorType) {
				return nil, err
			}
		}
		return obj, nil
	}
	gt.RichCompare = func(t *Thread, a, b Object, op CompareOp) (Object, error) {
		x, ok1 := asAlias(a)
		y, ok2 := asAlias(b)
		if !ok1 || !ok2 || (op != EQ && op != NE) {
			return NotImplemented, nil
		}
		eq := x.starred == y.starred
		if eq {
			var err error
			if eq, err = Equal(t, x.Origin, y.Origin); err != nil {
				return nil, err
			}
		}
		if eq {
			var err error
			if eq, err = Equal(t, x.Args, y.Args); err != nil {
				return nil, err
			}
		}
		return NewBool(eq == (op == EQ)), nil
	}
	gt.Hash = func(t *Thread, o Object) (int64, error) {
		g, _ := asAlias(o)
		h0, err := Hash(t, g.Origin)
		if err != nil {
			return 0, err
		}
		h1, err := Hash(t, g.Args)
		if err != nil {
			return 0, err
		}
		h := h0 ^ h1
		if h == -1 {
			h = -2
		}
		return h, nil
	}
	gt.Num[NbOr] = unionOr
	gt.GetAttr = func(t *Thread, o Object, name *Str) (Object, error) {
		for _, n := range gaAttrExceptions {
			if n == name.s {
				return GenericGetAttr(t, o, name)
			}
		}
		g, _ := asAlias(o)
		return GetAttr(t, g.Origin, name)
	}
	gt.GetItem = func(t *Thread, o, item Object) (Object, error) {
		g, _ := asAlias(o)
		params, err := cachedParameters(t, &g.params, g.Args.items)
		if err != nil {
			return nil, err
		}
		args, err := substituteParameters(t, o, g.Args.items, params.items, item)
		if err != nil {
			return nil, err
		}
		return &GenericAlias{Origin: g.Origin, Args: NewTuple(args...), starred: g.starred}, nil
	}
	gt.Iter = func(t *Thread, o Object) (Object, error) {
		g, _ := asAlias(o)
		return &gaIter{g: g}, nil
	}
	gt.AddGetSet("__origin__", func(t *Thread, o Object) (Object, error) {
		g, _ := asAlias(o)
		return g.Origin, nil
	}, nil)
	gt.AddGetSet("__args__", func(t *Thread, o Object) (Object, error) {
		g, _ := asAlias(o)
		return g.Args, nil
	}, nil)
	gt.AddGetSet("__unpacked__", func(t *Thread, o Object) (Object, error) {
		g, _ := asAlias(o)
		return NewBool(g.starred), nil
	}, nil)
	gt.AddGetSet("__parameters__", func(t *Thread, o Object) (Object, error) {
		g, _ := asAlias(o)
		return cachedParameters(t, &g.params, g.Args.items)
	}, nil)
	gt.AddGetSet("__typing_unpacked_tuple_args__", func(t *Thread, o Object) (Object, error) {
		g, _ := asAlias(o)
		if g.starred && g.Origin == Object(TupleType) {
			return g.Args, nil
		}
		return None, nil
	}, nil)
	gt.AddMethod("__mro_entries__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var bases Object
		if err := ParseArgs("__mro_entries__", args, kw, []string{""}, 1, &bases); err != nil {
			return nil, err
		}
		g, _ := asAlias(self)
		return NewTuple(g.Origin), nil
	})
	gt.AddMethod("__instancecheck__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return nil, TypeErrorf("isinstance() argument 2 cannot be a parameterized generic")
	})
	gt.AddMethod("__subclasscheck__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return nil, TypeErrorf("issubclass() argument 2 cannot be a parameterized generic")
	})
	gt.AddMethod("__reduce__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		g, _ := asAlias(self)
		if g.starred {
			next := t.interp.Builtins.Dict().GetStr("next")
			return NewTuple(next, NewTuple(&gaIter{g: &GenericAlias{Origin: g.Origin, Args: g.Args}})), nil
		}
		return NewTuple(self.Type(), NewTuple(g.Origin, g.Args)), nil
	})
	gt.AddMethod("__dir__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		g, _ := asAlias(self)
		d, err := builtinDir(t, nil, []Object{g.Origin}, nil)
		if err != nil {
			return nil, err
		}
		l := d.(*List)
		for _, n := range gaAttrExceptions {
			s := NewStr(n)
			if found, err := Contains(t, l, s); err != nil {
				return nil, err
			} else if !found {
				l.Append(s)
			}
		}
		return l, nil
	})

	it := gaIterType
	it.Flags.And(^uint64(FlagBaseType))
	it.Iter = selfIter
	it.Next = func(t *Thread, o Object) (Object, error) {
		x := o.(*gaIter)
		if x.done.Swap(true) {
			return nil, nil
		}
		return &GenericAlias{Origin: x.g.Origin, Args: x.g.Args, starred: true}, nil
	}
	it.AddMethod("__reduce__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		x := self.(*gaIter)
		if x.done.Load() {
			return NewTuple(t.interp.Builtins.Dict().GetStr("iter"), NewTuple(emptyTuple)), nil
		}
		return NewTuple(t.interp.Builtins.Dict().GetStr("iter"), NewTuple(NewTuple(x.g))), nil
	})

	ut := UnionType
	ut.Flags.And(^uint64(FlagBaseType))
	ut.Dict.SetStr("__module__", NewStr("types"))
	ut.Doc = "Represent a PEP 604 union type\n\nE.g. for int | str"
	ut.Repr = unionRepr
	ut.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		return nil, TypeErrorf("cannot create 'types.UnionType' instances")
	}
	ut.Num[NbOr] = unionOr
	ut.RichCompare = func(t *Thread, a, b Object, op CompareOp) (Object, error) {
		x, ok1 := a.(*Union)
		y, ok2 := b.(*Union)
		if !ok1 || !ok2 || (op != EQ && op != NE) {
			return NotImplemented, nil
		}
		sa, err := Call1(t, FrozenSetType, x.Args)
		if err != nil {
			return nil, err
		}
		sb, err := Call1(t, FrozenSetType, y.Args)
		if err != nil {
			return nil, err
		}
		return RichCompare(t, sa, sb, op)
	}
	ut.Hash = func(t *Thread, o Object) (int64, error) {
		s, err := Call1(t, FrozenSetType, o.(*Union).Args)
		if err != nil {
			return 0, err
		}
		return Hash(t, s)
	}
	ut.GetAttr = func(t *Thread, o Object, name *Str) (Object, error) {
		if name.s == "__module__" {
			return GetAttr(t, UnionType, name)
		}
		return GenericGetAttr(t, o, name)
	}
	ut.GetItem = func(t *Thread, o, item Object) (Object, error) {
		u := o.(*Union)
		params, err := cachedParameters(t, &u.params, u.Args.items)
		if err != nil {
			return nil, err
		}
		args, err := substituteParameters(t, o, u.Args.items, params.items, item)
		if err != nil {
			return nil, err
		}
		if len(args) == 0 {
			return makeUnion(t, args)
		}
		res := args[0]
		for _, a := range args[1:] {
			if res, err = BinaryOp(t, res, a, NbOr); err != nil {
				return nil, err
			}
		}
		return res, nil
	}
	ut.AddGetSet("__args__", func(t *Thread, o Object) (Object, error) { return o.(*Union).Args, nil }, nil)
	ut.AddGetSet("__parameters__", func(t *Thread, o Object) (Object, error) {
		u := o.(*Union)
		return cachedParameters(t, &u.params, u.Args.items)
	}, nil)
	registerType(GenericAliasType, UnionType, gaIterType)
}
