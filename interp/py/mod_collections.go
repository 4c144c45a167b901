package py

import (
	"strings"
	"sync"
)

// The _collections module: deque, defaultdict, _count_elements and the
// deque iterators. OrderedDict and the rest come from the pure-Python
// collections package.

var (
	DequeType           = newBuiltinType("deque", ObjectType)
	DequeIterType       = newBuiltinType("_deque_iterator", ObjectType)
	DequeRevIterType    = newBuiltinType("_deque_reverse_iterator", ObjectType)
	DefaultDictType     = newBuiltinType("defaultdict", DictType)
	TupleGetterType     = newBuiltinType("_tuplegetter", ObjectType)
	collectionsModTypes = []*Type{DequeType, DequeIterType, DequeRevIterType, DefaultDictType, TupleGetterType}
)

// Deque is a double-ended queue: a ring buffer under a mutex. Instances
// are *Instance values whose Base is the *Deque, so that Python subclasses
// and the built-in type share one representation.
type Deque struct {
	mu     sync.Mutex
	buf    []Object
	head   int
	n      int
	maxlen int // -1: unbounded
	state  uint64
}

// Type returns deque.
func (*Deque) Type() *Type { return DequeType }

func (d *Deque) at(i int) Object { return d.buf[(d.head+i)%len(d.buf)] }

func (d *Deque) set(i int, v Object) { d.buf[(d.head+i)%len(d.buf)] = v }

func (d *Deque) grow() {
	if d.n < len(d.buf) {
		return
	}
	nb := make([]Object, max(8, 2*len(d.buf)))
	for i := 0; i < d.n; i++ {
		nb[i] = d.at(i)
	}
	d.buf, d.head = nb, 0
}

func (d *Deque) pushBack(v Object) {
	if d.maxlen == 0 {
		return
	}
	if d.maxlen > 0 && d.n == d.maxlen {
		d.popFront()
	}
	d.grow()
	d.buf[(d.head+d.n)%len(d.buf)] = v
	d.n++
	d.state++
}

func (d *Deque) pushFront(v Object) {
	if d.maxlen == 0 {
		return
	}
	if d.maxlen > 0 && d.n == d.maxlen {
		d.popBack()
	}
	d.grow()
	d.head = (d.head - 1 + len(d.buf)) % len(d.buf)
	d.buf[d.head] = v
	d.n++
	d.state++
}

func (d *Deque) popBack() Object {
	if d.n == 0 {
		return nil
	}
	i := (d.head + d.n - 1) % len(d.buf)
	v := d.buf[i]
	d.buf[i] = nil
	d.n--
	d.state++
	return v
}

func (d *Deque) popFront() Object {
	if d.n == 0 {
		return nil
	}
	v := d.buf[d.head]
	d.buf[d.head] = nil
	d.head = (d.head + 1) % len(d.buf)
	d.n--
	d.state++
	return v
}

// snapshot copies the items in order.
func (d *Deque) snapshot() []Object {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make([]Object, d.n)
	for i := range out {
		out[i] = d.at(i)
	}
	return out
}

// dequeItems returns the items of a deque (or of a subclass that keeps
// deque's __iter__) copied under its mutex, for list(d), tuple(d),
// sorted(d) and their kin: one atomic copy, as those calls are under
// CPython's GIL, where iterating would raise "deque mutated during
// iteration" whenever another thread appends meanwhile.
func dequeItems(in *Instance) ([]Object, bool) {
	d, ok := in.Base.(*Deque)
	if !ok || !sameFunc(LoadPtr(&in.Type().Iter), DequeType.Iter) {
		return nil, false
	}
	return d.snapshot(), true
}

// replace sets the contents to items (keeping the maxlen rule).
func (d *Deque) replaceLocked(items []Object) {
	d.buf, d.head, d.n = nil, 0, 0
	for _, v := range items {
		d.pushBack(v)
	}
	d.state++
}

func dequeOf(o Object) (*Deque, bool) {
	d, ok := unwrap(o).(*Deque)
	return d, ok
}

func dequeSelf(o Object) *Deque { d, _ := dequeOf(o); return d }

// newDequeLike makes an empty deque of o's class with the same maxlen.
func newDequeLike(t *Thread, o Object, items []Object) (Object, error) {
	d := dequeSelf(o)
	if o.Type() == DequeType {
		nd := &Deque{maxlen: d.maxlen}
		nd.replaceLocked(items)
		return newSubclassInstance(DequeType, nd), nil
	}
	// a subclass: call it like CPython does, type(d)(items, maxlen)
	var ml Object = None
	if d.maxlen >= 0 {
		ml = Int(d.maxlen)
	}
	return Call(t, o.Type(), []Object{NewList(items...), ml}, nil)
}

type dequeIter struct {
	typ   *Type
	mu    sync.Mutex
	dq    *Deque // the deque, also once d is dropped (__reduce__)
	d     *Deque
	i     int
	state uint64
	left  int
}

func (it *dequeIter) Type() *Type { return it.typ }

func (it *dequeIter) next() (Object, error) {
	it.mu.Lock()
	defer it.mu.Unlock()
	if it.d == nil || it.left == 0 {
		return nil, nil
	}
	d := it.d
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.state != it.state {
		it.d = nil
		return nil, Errorf(RuntimeErrorType, "deque mutated during iteration")
	}
	if it.i < 0 || it.i >= d.n {
		it.d = nil
		return nil, nil
	}
	v := d.at(it.i)
	if it.typ == DequeRevIterType {
		it.i--
	} else {
		it.i++
	}
	it.left--
	return v, nil
}

func newDequeIter(d *Deque, reverse bool) *dequeIter {
	d.mu.Lock()
	defer d.mu.Unlock()
	it := &dequeIter{typ: DequeIterType, dq: d, d: d, state: d.state, left: d.n}
	if reverse {
		it.typ, it.i = DequeRevIterType, d.n-1
	}
	return it
}

// dequeIndexArg converts a deque index (no slices).
func dequeIndexArg(t *Thread, key Object) (int, error) {
	if !isIntLike(key) && LoadPtr(&key.Type().Index) == nil {
		return 0, TypeErrorf("sequence index must be integer, not '%s'", typeName(key))
	}
	return sliceInt(t, key)
}

func dequeMethod(name string, fn func(t *Thread, self Object, d *Deque, args []Object, kw []string) (Object, error)) {
	DequeType.AddMethod(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		d, ok := dequeOf(self)
		if !ok {
			return nil, TypeErrorf("descriptor '%s' requires a 'collections.deque' object but received a '%s'", name, typeName(self))
		}
		return fn(t, self, d, args, kw)
	})
}

func dequeExtend(t *Thread, d *Deque, o Object, left bool) error {
	var items []Object
	if od, ok := dequeOf(o); ok {
		items = od.snapshot()
	} else {
		var err error
		if items, err = ToSlice(t, o); err != nil {
			return err
		}
	}
	d.mu.Lock()
	for _, v := range items {
		if left {
			d.pushFront(v)
		} else {
			d.pushBack(v)
		}
	}
	d.mu.Unlock()
	return nil
}

func init() {
	dt := DequeType
	dt.Flags.Or(FlagSequence)
	dt.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		return newSubclassInstance(typ, &Deque{maxlen: -1}), nil
	}
	dt.Init = func(t *Thread, self Object, args []Object, kw []string) error {
		var iterable, maxlen Object
		if err := ParseArgs("deque", args, kw, []string{"iterable", "maxlen"}, 0, &iterable, &maxlen); err != nil {
			return err
		}
		d := dequeSelf(self)
		ml := -1
		if maxlen != nil && maxlen != None {
			if !isIntLike(maxlen) && LoadPtr(&maxlen.Type().Index) == nil {
				return TypeErrorf("an integer is required")
			}
			v, err := IndexInt(t, maxlen)
			if err != nil {
				return err
			}
			if v < 0 {
				return ValueErrorf("maxlen must be non-negative")
			}
			ml = v
		}
		var items []Object
		if iterable != nil {
			var err error
			if items, err = ToSlice(t, iterable); err != nil {
				return err
			}
		}
		d.mu.Lock()
		d.maxlen = ml
		d.replaceLocked(items)
		d.mu.Unlock()
		return nil
	}
	dt.Repr = func(t *Thread, o Object) (Object, error) {
		d := dequeSelf(o)
		r, err := seqRepr(t, o, d.snapshot(), "[", "]")
		if err != nil {
			return nil, err
		}
		if r.(*Str).s == "[...]" {
			return NewStr("[...]"), nil
		}
		s := o.Type().Name() + "(" + r.(*Str).s
		if d.maxlen >= 0 {
			s += ", maxlen=" + itoa(d.maxlen)
		}
		return NewStr(s + ")"), nil
	}
	dt.Len = func(t *Thread, o Object) (int, error) {
		d := dequeSelf(o)
		d.mu.Lock()
		defer d.mu.Unlock()
		return d.n, nil
	}
	dt.Iter = func(t *Thread, o Object) (Object, error) { return newDequeIter(dequeSelf(o), false), nil }
	dt.Contains = func(t *Thread, o, v Object) (bool, error) {
		d := dequeSelf(o)
		d.mu.Lock()
		state := d.state
		items := make([]Object, d.n)
		for i := range items {
			items[i] = d.at(i)
		}
		d.mu.Unlock()
		for _, x := range items {
			eq, err := Equal(t, x, v)
			if err != nil {
				return false, err
			}
			if eq {
				return true, nil
			}
			// The check is for an __eq__ that mutates the deque (as
			// CPython's); comparing built-in values runs no code, and
			// there another thread's append is no reason to fail.
			if x.Type().native && v.Type().native {
				continue
			}
			d.mu.Lock()
			changed := d.state != state
			d.mu.Unlock()
			if changed {
				return false, Errorf(RuntimeErrorType, "deque mutated during iteration")
			}
		}
		return false, nil
	}
	dt.GetItem = func(t *Thread, o, key Object) (Object, error) {
		i, err := dequeIndexArg(t, key)
		if err != nil {
			return nil, err
		}
		d := dequeSelf(o)
		d.mu.Lock()
		defer d.mu.Unlock()
		if i < 0 {
			i += d.n
		}
		if i < 0 || i >= d.n {
			return nil, NewError(IndexErrorType, "deque index out of range")
		}
		return d.at(i), nil
	}
	dt.SetItem = func(t *Thread, o, key, v Object) error {
		i, err := dequeIndexArg(t, key)
		if err != nil {
			return err
		}
		d := dequeSelf(o)
		d.mu.Lock()
		defer d.mu.Unlock()
		if i < 0 {
			i += d.n
		}
		if i < 0 || i >= d.n {
			if v == nil {
				return NewError(IndexErrorType, "deque index out of range")
			}
			return NewError(IndexErrorType, "deque index out of range")
		}
		if v != nil {
			d.set(i, v)
			return nil
		}
		items := make([]Object, 0, d.n-1)
		for j := 0; j < d.n; j++ {
			if j != i {
				items = append(items, d.at(j))
			}
		}
		d.replaceLocked(items)
		return nil
	}
	dt.RichCompare = func(t *Thread, a, b Object, op CompareOp) (Object, error) {
		x, ok1 := dequeOf(a)
		y, ok2 := dequeOf(b)
		if !ok1 || !ok2 {
			return NotImplemented, nil
		}
		return seqCompare(t, x.snapshot(), y.snapshot(), op)
	}
	dt.Hash = unhashable
	dt.Dict.SetStr("__hash__", None)
	dt.Bool = func(t *Thread, o Object) (bool, error) {
		d := dequeSelf(o)
		d.mu.Lock()
		defer d.mu.Unlock()
		return d.n > 0, nil
	}
	dt.Num[NbAdd] = func(t *Thread, a, b Object) (Object, error) {
		x, ok1 := dequeOf(a)
		y, ok2 := dequeOf(b)
		if !ok1 {
			return NotImplemented, nil
		}
		if !ok2 {
			return nil, TypeErrorf("can only concatenate deque (not \"%s\") to deque", typeName(b))
		}
		return newDequeLike(t, a, append(x.snapshot(), y.snapshot()...))
	}
	dt.INum[NbAdd] = func(t *Thread, a, b Object) (Object, error) {
		x, ok := dequeOf(a)
		if !ok {
			return NotImplemented, nil
		}
		return a, dequeExtend(t, x, b, false)
	}
	dt.Num[NbMul] = func(t *Thread, a, b Object) (Object, error) {
		s, n, ok, err := seqRepeatArgs(t, a, b, DequeType)
		if !ok || err != nil {
			return NotImplemented, err
		}
		items := dequeSelf(s).snapshot()
		var out []Object
		for i := 0; i < n; i++ {
			out = append(out, items...)
		}
		return newDequeLike(t, s, out)
	}
	dt.INum[NbMul] = func(t *Thread, a, b Object) (Object, error) {
		x, ok := dequeOf(a)
		if !ok || (!isIntLike(b) && LoadPtr(&b.Type().Index) == nil) {
			return NotImplemented, nil
		}
		n, err := IndexInt(t, b)
		if err != nil {
			return nil, err
		}
		items := x.snapshot()
		var out []Object
		for i := 0; i < n; i++ {
			out = append(out, items...)
		}
		x.mu.Lock()
		x.replaceLocked(out)
		x.mu.Unlock()
		return a, nil
	}
	dt.AddGetSet("maxlen", func(t *Thread, o Object) (Object, error) {
		d := dequeSelf(o)
		if d.maxlen < 0 {
			return None, nil
		}
		return Int(d.maxlen), nil
	}, nil)

	dequeMethod("append", func(t *Thread, self Object, d *Deque, args []Object, kw []string) (Object, error) {
		v, err := collArgO("deque.append", args, kw)
		if err != nil {
			return nil, err
		}
		d.mu.Lock()
		d.pushBack(v)
		d.mu.Unlock()
		return None, nil
	})
	dequeMethod("appendleft", func(t *Thread, self Object, d *Deque, args []Object, kw []string) (Object, error) {
		v, err := collArgO("deque.appendleft", args, kw)
		if err != nil {
			return nil, err
		}
		d.mu.Lock()
		d.pushFront(v)
		d.mu.Unlock()
		return None, nil
	})
	for _, left := range []bool{false, true} {
		left := left
		name := "pop"
		if left {
			name = "popleft"
		}
		dequeMethod(name, func(t *Thread, self Object, d *Deque, args []Object, kw []string) (Object, error) {
			if err := collArgNone("deque."+name, args, kw); err != nil {
				return nil, err
			}
			d.mu.Lock()
			defer d.mu.Unlock()
			var v Object
			if left {
				v = d.popFront()
			} else {
				v = d.popBack()
			}
			if v == nil {
				return nil, NewError(IndexErrorType, "pop from an empty deque")
			}
			return v, nil
		})
		ename := "extend"
		if left {
			ename = "extendleft"
		}
		dequeMethod(ename, func(t *Thread, self Object, d *Deque, args []Object, kw []string) (Object, error) {
			v, err := collArgO("deque."+ename, args, kw)
			if err != nil {
				return nil, err
			}
			return None, dequeExtend(t, d, v, left)
		})
	}
	dequeMethod("clear", func(t *Thread, self Object, d *Deque, args []Object, kw []string) (Object, error) {
		if err := collArgNone("deque.clear", args, kw); err != nil {
			return nil, err
		}
		d.mu.Lock()
		d.replaceLocked(nil)
		d.mu.Unlock()
		return None, nil
	})
	copyFn := func(t *Thread, self Object, d *Deque, args []Object, kw []string) (Object, error) {
		if err := collArgNone("deque.copy", args, kw); err != nil {
			return nil, err
		}
		return newDequeLike(t, self, d.snapshot())
	}
	dequeMethod("copy", copyFn)
	dequeMethod("__copy__", copyFn)
	dequeMethod("count", func(t *Thread, self Object, d *Deque, args []Object, kw []string) (Object, error) {
		v, err := collArgO("deque.count", args, kw)
		if err != nil {
			return nil, err
		}
		n, err := seqCount(t, d.snapshot(), v)
		return Int(n), err
	})
	dequeMethod("index", func(t *Thread, self Object, d *Deque, args []Object, kw []string) (Object, error) {
		if err := argCountVarargs("deque", "index", args, kw, 1, 3); err != nil {
			return nil, err
		}
		i, err := seqFind(t, d.snapshot(), args[0], args)
		if err != nil {
			return nil, err
		}
		if i < 0 {
			r, err := ReprString(t, args[0])
			if err != nil {
				return nil, err
			}
			return nil, ValueErrorf("%s is not in deque", r)
		}
		return Int(i), nil
	})
	dequeMethod("insert", func(t *Thread, self Object, d *Deque, args []Object, kw []string) (Object, error) {
		if len(kw) != 0 || len(args) != 2 {
			// CPython parses insert with PyArg_ParseTuple-style messages
			if len(kw) != 0 {
				return nil, TypeErrorf("deque.insert() takes no keyword arguments")
			}
			return nil, TypeErrorf("insert() takes exactly 2 arguments (%d given)", len(args))
		}
		i, err := dequeIndexArg(t, args[0])
		if err != nil {
			return nil, err
		}
		d.mu.Lock()
		defer d.mu.Unlock()
		if d.maxlen >= 0 && d.n >= d.maxlen {
			return nil, NewError(IndexErrorType, "deque already at its maximum size")
		}
		items := make([]Object, 0, d.n+1)
		for j := 0; j < d.n; j++ {
			items = append(items, d.at(j))
		}
		if i < 0 {
			i += len(items)
			if i < 0 {
				i = 0
			}
		} else if i > len(items) {
			i = len(items)
		}
		items = append(items, nil)
		copy(items[i+1:], items[i:])
		items[i] = args[1]
		d.replaceLocked(items)
		return None, nil
	})
	dequeMethod("remove", func(t *Thread, self Object, d *Deque, args []Object, kw []string) (Object, error) {
		v, err := collArgO("deque.remove", args, kw)
		if err != nil {
			return nil, err
		}
		for i, x := range d.snapshot() {
			eq, err := Equal(t, x, v)
			if err != nil {
				return nil, err
			}
			if eq {
				d.mu.Lock()
				if i < d.n && d.at(i) == x {
					items := make([]Object, 0, d.n)
					for j := 0; j < d.n; j++ {
						if j != i {
							items = append(items, d.at(j))
						}
					}
					d.replaceLocked(items)
					d.mu.Unlock()
					return None, nil
				}
				d.mu.Unlock()
				return nil, Errorf(IndexErrorType, "deque mutated during remove().")
			}
		}
		r, err := ReprString(t, v)
		if err != nil {
			return nil, err
		}
		return nil, ValueErrorf("%s is not in deque", r)
	})
	dequeMethod("reverse", func(t *Thread, self Object, d *Deque, args []Object, kw []string) (Object, error) {
		if err := collArgNone("deque.reverse", args, kw); err != nil {
			return nil, err
		}
		d.mu.Lock()
		for i, j := 0, d.n-1; i < j; i, j = i+1, j-1 {
			a, b := d.at(i), d.at(j)
			d.set(i, b)
			d.set(j, a)
		}
		d.state++
		d.mu.Unlock()
		return None, nil
	})
	dequeMethod("rotate", func(t *Thread, self Object, d *Deque, args []Object, kw []string) (Object, error) {
		if len(kw) != 0 || len(args) > 1 {
			// CPython's message here keeps the qualified name
			if len(kw) != 0 {
				return nil, TypeErrorf("deque.rotate() takes no keyword arguments")
			}
			return nil, TypeErrorf("deque.rotate expected at most 1 argument, got %d", len(args))
		}
		n := 1
		if len(args) == 1 {
			v, err := asSize(t, args[0])
			if err != nil {
				return nil, err
			}
			n = v
		}
		d.mu.Lock()
		defer d.mu.Unlock()
		if d.n <= 1 {
			return None, nil
		}
		n %= d.n
		if n < 0 {
			n += d.n
		}
		for ; n > 0; n-- {
			v := d.popBack()
			d.grow()
			d.head = (d.head - 1 + len(d.buf)) % len(d.buf)
			d.buf[d.head] = v
			d.n++
		}
		return None, nil
	})
	dequeMethod("__reversed__", func(t *Thread, self Object, d *Deque, args []Object, kw []string) (Object, error) {
		return newDequeIter(d, true), nil
	})
	dequeMethod("__reduce__", func(t *Thread, self Object, d *Deque, args []Object, kw []string) (Object, error) {
		var ml Object = None
		if d.maxlen >= 0 {
			ml = Int(d.maxlen)
		}
		var state Object = None
		if in, ok := self.(*Instance); ok {
			if d := in.Dict(); d != nil && d.Len() > 0 {
				state = d
			}
		}
		return NewTuple(self.Type(), NewTuple(NewList(), ml), state, newDequeIter(d, false)), nil
	})
	dequeMethod("__sizeof__", func(t *Thread, self Object, d *Deque, args []Object, kw []string) (Object, error) {
		d.mu.Lock()
		defer d.mu.Unlock()
		return Int(80 + 8*len(d.buf)), nil
	})

	for _, it := range []*Type{DequeIterType, DequeRevIterType} {
		it.Iter = func(t *Thread, o Object) (Object, error) { return o, nil }
		it.Next = func(t *Thread, o Object) (Object, error) { return o.(*dequeIter).next() }
		it.AddMethod("__length_hint__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			it := self.(*dequeIter)
			it.mu.Lock()
			defer it.mu.Unlock()
			if it.d == nil {
				return Int(0), nil
			}
			return Int(it.left), nil
		})
		it.Flags.And(^uint64(FlagBaseType))
		// (type, (deque, items consumed)): _deque_iterator(deque, index)
		// makes an iterator and advances it index times
		it.AddMethod("__reduce__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			it := self.(*dequeIter)
			it.mu.Lock()
			left := it.left
			it.mu.Unlock()
			it.dq.mu.Lock()
			n := it.dq.n
			it.dq.mu.Unlock()
			return NewTuple(it.typ, NewTuple(it.dq, Int(n-left))), nil
		})
		reverse := it == DequeRevIterType
		it.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
			var dObj, idx Object
			if err := ParseArgs(typ.Name(), args, kw, []string{"", ""}, 1, &dObj, &idx); err != nil {
				return nil, err
			}
			d, ok := unwrap(dObj).(*Deque)
			if !ok {
				return nil, TypeErrorf("%s() argument 1 must be collections.deque, not %s", typ.Name(), typeName(dObj))
			}
			n := int64(0)
			if idx != nil {
				v, err := stateIndex(t, idx)
				if err != nil {
					return nil, err
				}
				n = v
			}
			di := newDequeIter(d, reverse)
			for i := int64(0); i < n; i++ {
				v, err := di.next()
				if err != nil {
					return nil, err
				}
				if v == nil {
					break
				}
			}
			return di, nil
		}
	}

	// ---- defaultdict ----
	ddt := DefaultDictType
	ddt.nslots = 1 // slot 0 holds default_factory
	ddt.Init = func(t *Thread, self Object, args []Object, kw []string) error {
		npos := len(args) - len(kw)
		var factory Object = None
		rest := args
		if npos > 0 {
			factory = args[0]
			if factory != None && !isCallable(factory) {
				return TypeErrorf("first argument must be callable or None")
			}
			rest = args[1:]
		}
		if in, ok := self.(*Instance); ok && len(in.slots) > 0 {
			in.setSlot(0, factory)
		}
		return dictInitArgs(t, unwrap(self).(*Dict), rest, kw, "defaultdict")
	}
	factoryOf := func(self Object) Object {
		if in, ok := self.(*Instance); ok && len(in.slots) > 0 {
			if v := in.getSlot(0); v != nil {
				return v
			}
		}
		return None
	}
	ddt.AddGetSet("default_factory", func(t *Thread, o Object) (Object, error) {
		return factoryOf(o), nil
	}, func(t *Thread, o, v Object) error {
		in, ok := o.(*Instance)
		if !ok || len(in.slots) == 0 {
			return TypeErrorf("not a defaultdict")
		}
		if v == nil {
			v = None
		}
		in.setSlot(0, v)
		return nil
	})
	ddt.AddMethod("__missing__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		key, err := collArgO("defaultdict.__missing__", args, kw)
		if err != nil {
			return nil, err
		}
		f := factoryOf(self)
		if f == None {
			return nil, NewException(KeyErrorType, key)
		}
		v, err := Call0(t, f)
		if err != nil {
			return nil, err
		}
		// setdefault keeps the first value if the factory inserted one
		return unwrap(self).(*Dict).SetDefault(t, key, v)
	})
	ddCopy := func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return Call(t, self.Type(), []Object{factoryOf(self), self}, nil)
	}
	ddt.AddMethod("copy", ddCopy)
	ddt.AddMethod("__copy__", ddCopy)
	ddt.AddMethod("__reduce__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var a Object = NewTuple()
		if f := factoryOf(self); f != None {
			a = NewTuple(f)
		}
		items := &dictView{d: unwrap(self).(*Dict), kind: 2}
		it, err := Iter(t, items)
		if err != nil {
			return nil, err
		}
		return NewTuple(self.Type(), a, None, None, it), nil
	})
	ddt.Repr = func(t *Thread, o Object) (Object, error) {
		f := factoryOf(o)
		var fr string
		if t != nil {
			for _, x := range t.reprStack {
				if x == f {
					fr = "..."
				}
			}
		}
		if fr == "" {
			if t != nil {
				t.reprStack = append(t.reprStack, o)
			}
			s, err := ReprString(t, f)
			if t != nil {
				t.reprStack = t.reprStack[:len(t.reprStack)-1]
			}
			if err != nil {
				return nil, err
			}
			fr = s
		}
		dr, err := dictRepr(t, o)
		if err != nil {
			return nil, err
		}
		return NewStr(o.Type().Name() + "(" + fr + ", " + dr.(*Str).s + ")"), nil
	}
	ddt.Num[NbOr] = func(t *Thread, a, b Object) (Object, error) {
		x, ok1 := unwrap(a).(*Dict)
		y, ok2 := unwrap(b).(*Dict)
		if !ok1 || !ok2 {
			return NotImplemented, nil
		}
		self := a
		if !a.Type().IsSubtype(DefaultDictType) {
			self = b
		}
		n, err := Call(t, self.Type(), []Object{factoryOf(self), a}, nil)
		if err != nil {
			return nil, err
		}
		_ = x
		return n, unwrap(n).(*Dict).Update(t, y)
	}

	// ---- _tuplegetter: the fields of namedtuple classes ----
	TupleGetterType.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		if err := collArgRange("_tuplegetter", args, kw, 2, 2); err != nil {
			return nil, err
		}
		i, err := asSize(t, args[0])
		if err != nil {
			return nil, err
		}
		return &tupleGetter{index: i, doc: args[1]}, nil
	}
	TupleGetterType.DescrGet = func(t *Thread, self, obj Object, typ *Type) (Object, error) {
		g := self.(*tupleGetter)
		if obj == nil {
			return self, nil
		}
		tup, ok := unwrap(obj).(*Tuple)
		if !ok {
			return nil, TypeErrorf("descriptor for index '%d' for tuple subclasses doesn't apply to '%s' object", g.index, typeName(obj))
		}
		if g.index >= len(tup.items) {
			return nil, NewError(IndexErrorType, "tuple index out of range")
		}
		return tup.items[g.index], nil
	}
	TupleGetterType.DescrSet = func(t *Thread, self, obj, v Object) error {
		return Errorf(AttributeErrorType, "can't set attribute")
	}
	TupleGetterType.AddGetSet("__doc__", func(t *Thread, o Object) (Object, error) {
		return o.(*tupleGetter).doc, nil
	}, func(t *Thread, o, v Object) error {
		o.(*tupleGetter).doc = v
		return nil
	})
	TupleGetterType.Flags.And(^uint64(FlagBaseType))

	registerType(collectionsModTypes...)

	RegisterNativeModule("_collections", func(t *Thread) (*Module, error) {
		m := NewModule("_collections")
		for _, typ := range collectionsModTypes {
			mod := "collections"
			if strings.HasPrefix(typ.Name(), "_") {
				mod = "_collections" // the private types (pickled by this name)
			}
			typ.Dict.SetStr("__module__", Intern(mod))
			m.Dict().SetStr(typ.Name(), typ)
		}
		m.AddFunc("_count_elements", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := collArgRange("_collections._count_elements", args, kw, 2, 2); err != nil {
				return nil, err
			}
			mapping := args[0]
			d, plain := mapping.(*Dict)
			return None, Iterate(t, args[1], func(v Object) (bool, error) {
				if plain {
					old, err := d.GetItem(t, v)
					if err != nil {
						return false, err
					}
					if old == nil {
						return true, d.SetItem(t, v, Int(1))
					}
					n, err := BinaryOp(t, old, Int(1), NbAdd)
					if err != nil {
						return false, err
					}
					return true, d.SetItem(t, v, n)
				}
				get, err := GetAttrString(t, mapping, "get")
				if err != nil {
					return false, err
				}
				old, err := Call2(t, get, v, Int(0))
				if err != nil {
					return false, err
				}
				n, err := BinaryOp(t, old, Int(1), NbAdd)
				if err != nil {
					return false, err
				}
				return true, SetItem(t, mapping, v, n)
			})
		})
		return m, nil
	})
}

type tupleGetter struct {
	index int
	doc   Object
}

func (*tupleGetter) Type() *Type { return TupleGetterType }
