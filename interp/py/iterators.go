package py

import (
	"math/big"
	"strconv"
	"sync"
)

// The iterator types of the builtins: enumerate, zip, map, filter and
// reversed. As in CPython they are classes (isinstance works and they can
// be subclassed): an instance of a Python subclass is an *Instance whose
// Base is the Go iterator, so every slot unwraps its argument.
//
// Each Next pulls from the underlying iterators without holding a lock
// (that may run Python code); only the iterator's own counters are
// guarded by its mutex.

var (
	EnumerateType = newBuiltinType("enumerate", ObjectType)
	ZipType       = newBuiltinType("zip", ObjectType)
	MapType       = newBuiltinType("map", ObjectType)
	FilterType    = newBuiltinType("filter", ObjectType)
	ReversedType  = newBuiltinType("reversed", ObjectType)
)

type enumerateIter struct {
	mu  sync.Mutex
	it  Object
	n   int64
	big *big.Int // the counter once it leaves int64 (or a big start)
}

type zipIter struct {
	its    []Object
	strict bool
	mu     sync.Mutex
	done   bool
}

type mapIter struct {
	fn  Object
	its []Object
}

type filterIter struct {
	fn Object // nil: the item's truth
	it Object
}

type reversedIter struct {
	mu   sync.Mutex
	seq  Object
	i    int  // next index to fetch; -1 when exhausted
	done bool // a next() found it exhausted (CPython drops the sequence)
}

func (*enumerateIter) Type() *Type { return EnumerateType }
func (*zipIter) Type() *Type       { return ZipType }
func (*mapIter) Type() *Type       { return MapType }
func (*filterIter) Type() *Type    { return FilterType }
func (*reversedIter) Type() *Type  { return ReversedType }

// wrapIterator returns v itself for the exact type, or an instance of the
// subclass typ wrapping it.
func wrapIterator(typ, exact *Type, v Object) Object {
	if typ == exact || typ == nil {
		return v
	}
	return newSubclassInstance(typ, v)
}

func selfIter(t *Thread, o Object) (Object, error) { return o, nil }

func init() {
	EnumerateType.Doc = "Return an enumerate object."
	EnumerateType.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		var it, start Object
		if err := ParseArgs("enumerate", args, kw, []string{"iterable", "start"}, 0, &it, &start); err != nil {
			return nil, err
		}
		if it == nil {
			return nil, TypeErrorf("enumerate() missing required argument 'iterable'")
		}
		iter, err := Iter(t, it)
		if err != nil {
			return nil, err
		}
		e := &enumerateIter{it: iter}
		if start != nil {
			v, err := Index(t, start)
			if err != nil {
				return nil, err
			}
			if i, ok := v.(Int); ok {
				e.n = int64(i)
			} else {
				b, _ := asBig(v)
				e.big = new(big.Int).Set(b)
			}
		}
		return wrapIterator(typ, EnumerateType, e), nil
	}
	EnumerateType.Iter = selfIter
	EnumerateType.Next = func(t *Thread, o Object) (Object, error) {
		e := unwrap(o).(*enumerateIter)
		v, err := Next(t, e.it)
		if err != nil || v == nil {
			return nil, err
		}
		e.mu.Lock()
		var idx Object
		if e.big == nil {
			idx = Int(e.n)
			if e.n == 1<<63-1 {
				e.big = new(big.Int).Add(big.NewInt(e.n), big.NewInt(1))
			} else {
				e.n++
			}
		} else {
			idx = intFromBig(new(big.Int).Set(e.big))
			e.big.Add(e.big, big.NewInt(1))
		}
		e.mu.Unlock()
		return NewTuple(idx, v), nil
	}
	EnumerateType.AddClassMethod("__class_getitem__", genericAliasStub)

	ZipType.Doc = "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted."
	ZipType.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		npos := len(args) - len(kw)
		z := &zipIter{}
		if len(kw) > 1 {
			return nil, TypeErrorf("zip() takes at most 1 keyword argument (%d given)", len(kw))
		}
		for i, k := range kw {
			if k != "strict" {
				return nil, TypeErrorf("'%s' is an invalid keyword argument for zip()", k)
			}
			b, err := IsTrue(t, args[npos+i])
			if err != nil {
				return nil, err
			}
			z.strict = b
		}
		for _, a := range args[:npos] {
			it, err := Iter(t, a)
			if err != nil {
				return nil, err
			}
			z.its = append(z.its, it)
		}
		return wrapIterator(typ, ZipType, z), nil
	}
	ZipType.Iter = selfIter
	ZipType.Next = zipNext

	MapType.Doc = "map(func, *iterables) --> map object"
	MapType.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		if args, kw = initTakesKwargs(typ, MapType, args, kw); len(kw) > 0 {
			return nil, TypeErrorf("map() takes no keyword arguments")
		}
		if len(args) < 2 {
			return nil, TypeErrorf("map() must have at least two arguments.")
		}
		m := &mapIter{fn: args[0]}
		for _, a := range args[1:] {
			it, err := Iter(t, a)
			if err != nil {
				return nil, err
			}
			m.its = append(m.its, it)
		}
		return wrapIterator(typ, MapType, m), nil
	}
	MapType.Iter = selfIter
	MapType.Next = func(t *Thread, o Object) (Object, error) {
		m := unwrap(o).(*mapIter)
		vals := make([]Object, len(m.its))
		for i, it := range m.its {
			v, err := Next(t, it)
			if err != nil || v == nil {
				return nil, err
			}
			vals[i] = v
		}
		return Call(t, m.fn, vals, nil)
	}

	FilterType.Doc = "filter(function or None, iterable) --> filter object"
	FilterType.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		if args, kw = initTakesKwargs(typ, FilterType, args, kw); len(kw) > 0 {
			return nil, TypeErrorf("filter() takes no keyword arguments")
		}
		if len(args) != 2 {
			return nil, TypeErrorf("filter expected 2 arguments, got %d", len(args))
		}
		it, err := Iter(t, args[1])
		if err != nil {
			return nil, err
		}
		f := &filterIter{it: it}
		if args[0] != None && args[0] != Object(BoolType) {
			f.fn = args[0]
		}
		return wrapIterator(typ, FilterType, f), nil
	}
	FilterType.Iter = selfIter
	FilterType.Next = func(t *Thread, o Object) (Object, error) {
		f := unwrap(o).(*filterIter)
		for {
			v, err := Next(t, f.it)
			if err != nil || v == nil {
				return nil, err
			}
			test := v
			if f.fn != nil {
				if test, err = Call1(t, f.fn, v); err != nil {
					return nil, err
				}
			}
			ok, err := IsTrue(t, test)
			if err != nil {
				return nil, err
			}
			if ok {
				return v, nil
			}
		}
	}

	ReversedType.Doc = "Return a reverse iterator over the values of the given sequence."
	ReversedType.New = reversedNew
	ReversedType.Iter = selfIter
	ReversedType.Next = func(t *Thread, o Object) (Object, error) {
		r := unwrap(o).(*reversedIter)
		r.mu.Lock()
		i := r.i
		if i >= 0 {
			r.i--
		} else {
			r.done = true
		}
		r.mu.Unlock()
		if i < 0 {
			return nil, nil
		}
		v, err := GetItem(t, r.seq, Int(i))
		if err != nil {
			if IsInstanceOf(err, IndexErrorType) || IsInstanceOf(err, StopIterationType) {
				r.mu.Lock()
				r.i, r.done = -1, true
				r.mu.Unlock()
				return nil, nil
			}
			return nil, err
		}
		return v, nil
	}
	ReversedType.AddMethod("__length_hint__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		r := unwrap(self).(*reversedIter)
		r.mu.Lock()
		done, pos := r.done, r.i+1
		r.mu.Unlock()
		if done {
			return Int(0), nil
		}
		// the sequence's length now (it may have shrunk), as CPython
		n, err := Len(t, r.seq)
		if err != nil {
			return nil, err
		}
		if n < pos {
			return Int(0), nil
		}
		return Int(pos), nil
	})

	for _, typ := range []*Type{EnumerateType, ZipType, MapType, FilterType, ReversedType} {
		typ.Dict.SetStr("__doc__", NewStr(typ.Doc))
	}
	extraBuiltinTypes = append(extraBuiltinTypes, EnumerateType, ZipType, MapType, FilterType, ReversedType)
	registerType(EnumerateType, ZipType, MapType, FilterType, ReversedType)
}

// genericAliasStub is __class_getitem__ for types whose generic alias is
// not needed here: it returns the class itself.
func genericAliasStub(t *Thread, self Object, args []Object, kw []string) (Object, error) {
	return self, nil
}

// zipNext yields the next tuple; with strict=True it reports inputs of
// different lengths as CPython 3.10+ does.
func zipNext(t *Thread, o Object) (Object, error) {
	z := unwrap(o).(*zipIter)
	z.mu.Lock()
	done := z.done
	z.mu.Unlock()
	if done || len(z.its) == 0 {
		return nil, nil
	}
	vals := make([]Object, len(z.its))
	for i, it := range z.its {
		v, err := Next(t, it)
		if err != nil {
			return nil, err
		}
		if v == nil {
			z.mu.Lock()
			z.done = true
			z.mu.Unlock()
			if !z.strict {
				return nil, nil
			}
			if i > 0 {
				return nil, ValueErrorf("zip() argument %d is shorter than argument%s", i+1, zipArgRange(i))
			}
			// the first is exhausted: every other one must be too
			for j := 1; j < len(z.its); j++ {
				w, err := Next(t, z.its[j])
				if err != nil {
					return nil, err
				}
				if w != nil {
					return nil, ValueErrorf("zip() argument %d is longer than argument%s", j+1, zipArgRange(j))
				}
			}
			return nil, nil
		}
		vals[i] = v
	}
	return NewTuple(vals...), nil
}

// zipArgRange is " 1" or "s 1-n" for zip's strict messages.
func zipArgRange(n int) string {
	if n == 1 {
		return " 1"
	}
	return "s 1-" + strconv.Itoa(n)
}

// initTakesKwargs drops the keyword arguments given to the __new__ of a
// built-in iterator type that takes none, when the class being made is a
// subclass with its own __init__: that __init__ receives them (CPython
// checks for keywords only when tp_init is the base type's).
func initTakesKwargs(typ, base *Type, args []Object, kw []string) ([]Object, []string) {
	if len(kw) == 0 || typ == base || typ.Lookup(Intern("__init__")) == base.Lookup(Intern("__init__")) {
		return args, kw
	}
	return args[:len(args)-len(kw)], nil
}

// reversedNew is reversed(seq): __reversed__ if the type defines it,
// otherwise the sequence protocol (__len__ and __getitem__).
func reversedNew(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
	if len(kw) > 0 && typ == ReversedType {
		return nil, TypeErrorf("reversed() takes no keyword arguments")
	}
	if len(args) != 1 {
		return nil, TypeErrorf("reversed expected 1 argument, got %d", len(args))
	}
	seq := args[0]
	if typ == ReversedType || typ == nil {
		if r, found, err := callSpecial(t, seq, "__reversed__"); found {
			if err != nil {
				return nil, err
			}
			if r == None {
				return nil, TypeErrorf("'%s' object is not reversible", typeName(seq))
			}
			return r, nil
		}
	}
	st := seq.Type()
	if d, isDict := unwrap(seq).(*Dict); isDict {
		// dicts iterate in reverse insertion order (dict.__reversed__)
		keys := d.Keys()
		return wrapIterator(typ, ReversedType, &reversedIter{seq: NewTuple(keys...), i: len(keys) - 1}), nil
	}
	if LoadPtr(&st.GetItem) == nil || LoadPtr(&st.Len) == nil || (st.Flags.Load()&FlagMapping != 0 && !st.isHeap()) {
		return nil, TypeErrorf("'%s' object is not reversible", typeName(seq))
	}
	n, err := Len(t, seq)
	if err != nil {
		return nil, err
	}
	return wrapIterator(typ, ReversedType, &reversedIter{seq: seq, i: n - 1}), nil
}
