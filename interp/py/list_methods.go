package py

import (
	"slices"
	"sort"
	"strings"
)

// Argument checks with CPython's messages, shared by the container methods.

// argO unpacks the single positional argument of a METH_O method
// ("list.append() takes exactly one argument (0 given)").
func collArgO(qual string, args []Object, kw []string) (Object, error) {
	if len(kw) == 0 && len(args) == 1 {
		return args[0], nil
	}
	return nil, collArgOErr(qual, args, kw)
}

// collArgOErr is collArgO's error, apart so that the check inlines.
func collArgOErr(qual string, args []Object, kw []string) error {
	if len(kw) > 0 {
		return TypeErrorf("%s() takes no keyword arguments", qual)
	}
	return TypeErrorf("%s() takes exactly one argument (%d given)", qual, len(args))
}

// argNone checks a METH_NOARGS method ("dict.popitem() takes no arguments (1 given)").
func collArgNone(qual string, args []Object, kw []string) error {
	if len(kw) == 0 && len(args) == 0 {
		return nil
	}
	return collArgNoneErr(qual, args, kw)
}

// collArgNoneErr is collArgNone's error, apart so that the check inlines.
func collArgNoneErr(qual string, args []Object, kw []string) error {
	if len(kw) > 0 {
		return TypeErrorf("%s() takes no keyword arguments", qual)
	}
	return TypeErrorf("%s() takes no arguments (%d given)", qual, len(args))
}

// argRange checks the positional count of an Argument-Clinic method. qual
// is the name CPython shows in "takes no keyword arguments" ("list.insert",
// or a bare name for a type's constructor); the count messages use the part
// after the last dot ("insert expected 2 arguments, got 1").
func collArgRange(qual string, args []Object, kw []string, lo, hi int) error {
	n := len(args)
	if len(kw) == 0 && n >= lo && n <= hi {
		return nil
	}
	if len(kw) > 0 {
		return TypeErrorf("%s() takes no keyword arguments", qual)
	}
	name := qual[strings.LastIndexByte(qual, '.')+1:]
	switch {
	case lo == hi:
		return TypeErrorf("%s expected %d argument%s, got %d", name, lo, plural(lo), n)
	case n < lo:
		return TypeErrorf("%s expected at least %d argument%s, got %d", name, lo, plural(lo), n)
	}
	return TypeErrorf("%s expected at most %d argument%s, got %d", name, hi, plural(hi), n)
}

// sliceBound converts an index()-style start/stop argument, clamped to
// [0, n] the way slice bounds are.
func sliceBound(t *Thread, v Object, n int) (int, error) {
	if !isIntLike(v) && LoadPtr(&v.Type().Index) == nil {
		return 0, TypeErrorf("slice indices must be integers or have an __index__ method")
	}
	i, err := sliceInt(t, v)
	if err != nil {
		return 0, err
	}
	if i < 0 {
		i += n
		if i < 0 {
			i = 0
		}
	} else if i > n {
		i = n
	}
	return i, nil
}

// seqFind is the body of list.index/tuple.index: the first position in
// [start, stop) equal to v, or -1.
func seqFind(t *Thread, items []Object, v Object, args []Object) (int, error) {
	start, stop := 0, len(items)
	var err error
	if len(args) > 1 {
		if start, err = sliceBound(t, args[1], len(items)); err != nil {
			return 0, err
		}
	}
	if len(args) > 2 {
		if stop, err = sliceBound(t, args[2], len(items)); err != nil {
			return 0, err
		}
	}
	for i := start; i < stop && i < len(items); i++ {
		eq, err := Equal(t, items[i], v)
		if err != nil {
			return 0, err
		}
		if eq {
			return i, nil
		}
	}
	return -1, nil
}

func seqCount(t *Thread, items []Object, v Object) (int, error) {
	n := 0
	for _, x := range items {
		eq, err := Equal(t, x, v)
		if err != nil {
			return 0, err
		}
		if eq {
			n++
		}
	}
	return n, nil
}

// ListRevIterType is the type of reversed(list).
var ListRevIterType = newBuiltinType("list_reverseiterator", ObjectType)

type listRevIter struct {
	l *List
	i atomicInt // next index + 1 counted down; 0 when done, -1 once a next() found it done
}

func (*listRevIter) Type() *Type { return ListRevIterType }

func (it *listRevIter) next() Object {
	for {
		i := it.i.v.Load()
		if i <= 0 {
			if i == 0 {
				it.i.v.CompareAndSwap(0, -1) // exhausted: __reduce__ tells
			}
			return nil
		}
		if !it.i.v.CompareAndSwap(i, i-1) {
			continue
		}
		if v, ok := it.l.loadAt(int(i - 1)); ok {
			return v
		}
		it.i.v.Store(-1)
		return nil
	}
}

func newListRevIter(l *List) *listRevIter {
	it := &listRevIter{l: l}
	it.i.v.Store(int64(l.Len()))
	return it
}

// listSortItems sorts items stably with CPython's semantics: only `<` is
// used, reverse keeps equal items in their original order, a key function
// is called once per item.
func listSortItems(t *Thread, items []Object, key Object, reverse bool) error {
	keys := items
	if key != nil {
		keys = make([]Object, len(items))
		for i, it := range items {
			k, err := Call1(t, key, it)
			if err != nil {
				return err
			}
			keys[i] = k
		}
	}
	s := &sorter{t: t, items: items, keys: keys, haveKeys: key != nil}
	if reverse {
		s.reverse()
	}
	sort.Stable(s)
	if s.err != nil {
		return s.err
	}
	if reverse {
		s.reverse()
	}
	return nil
}

type sorter struct {
	t     *Thread
	items []Object
	keys  []Object
	err   error
	// haveKeys: keys is a separate slice that must move with items
	haveKeys bool
}

func (s *sorter) Len() int { return len(s.items) }
func (s *sorter) Swap(i, j int) {
	s.items[i], s.items[j] = s.items[j], s.items[i]
	if s.haveKeys {
		s.keys[i], s.keys[j] = s.keys[j], s.keys[i]
	}
}
func (s *sorter) Less(i, j int) bool {
	if s.err != nil {
		return false
	}
	r, err := RichCompareBool(s.t, s.keys[i], s.keys[j], LT)
	if err != nil {
		s.err = err
	}
	return r
}
func (s *sorter) reverse() {
	for i, j := 0, len(s.items)-1; i < j; i, j = i+1, j-1 {
		s.Swap(i, j)
	}
}

// sortMarker fills the spare slot of listSortInPlace's sentinel.
var sortMarker Object = &Str{} // compared by pointer only, never seen

// listSortInPlace is list.sort(): the list is empty while it is sorted so
// that a mutation from a key or comparison is detected, as in CPython.
func listSortInPlace(t *Thread, l *List, key Object, reverse bool) error {
	// Both paths sort a copy: readers without the lock may still be
	// reading the published array (List).
	if key == nil {
		l.mu.Lock()
		items := append([]Object(nil), l.items...)
		done := sortSimpleLocked(items, reverse)
		if done {
			l.publish(items)
		}
		l.mu.Unlock()
		if done {
			return nil
		}
	}
	// The sentinel's one spare slot holds a marker: an append and pop
	// from a key or comparison leave len, cap and the array unchanged
	// but overwrite it, so that mutation is seen too.
	sentinel := make([]Object, 1)
	sentinel[0] = sortMarker
	sentinel = sentinel[:0]
	l.mu.Lock()
	items := append([]Object(nil), l.items...)
	l.publish(sentinel)
	l.mu.Unlock()
	err := listSortItems(t, items, key, reverse)
	l.mu.Lock()
	modified := len(l.items) != 0 || cap(l.items) != 1 || &l.items[:1][0] != &sentinel[:1][0] || sentinel[:1][0] != sortMarker
	l.publish(items)
	l.mu.Unlock()
	if err == nil && modified {
		err = ValueErrorf("list modified during sort")
	}
	return err
}

// sortSimpleLocked sorts items of one plain kind (all int, all float or
// all str) whose comparison runs no Python code, so the caller can hold
// the list's lock and the sort is atomic, as it is under CPython's GIL.
// It reports false, leaving items untouched, for anything else.
func sortSimpleLocked(items []Object, reverse bool) bool {
	if len(items) < 2 {
		return true
	}
	var cmp func(a, b Object) int
	switch items[0].(type) {
	case Int:
		for _, v := range items {
			if _, ok := v.(Int); !ok {
				return false
			}
		}
		cmp = func(a, b Object) int { return cmpInt64(int64(a.(Int)), int64(b.(Int))) }
	case Float:
		for _, v := range items {
			f, ok := v.(Float)
			if !ok || f != f { // NaN compares false both ways: leave it to the general path
				return false
			}
		}
		cmp = func(a, b Object) int {
			x, y := a.(Float), b.(Float)
			switch {
			case x < y:
				return -1
			case x > y:
				return 1
			}
			return 0
		}
	case *Str:
		for _, v := range items {
			if _, ok := v.(*Str); !ok {
				return false
			}
		}
		cmp = func(a, b Object) int { return strings.Compare(a.(*Str).s, b.(*Str).s) }
	default:
		return false
	}
	rev := func() {
		for i, j := 0, len(items)-1; i < j; i, j = i+1, j-1 {
			items[i], items[j] = items[j], items[i]
		}
	}
	if reverse {
		rev()
	}
	slices.SortStableFunc(items, cmp)
	if reverse {
		rev()
	}
	return true
}

func cmpInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// listAppend is list.append's descriptor: MethodDescr.callSelf runs it
// without its Fn.
var listAppend *MethodDescr

func listSelf(self Object) *List {
	if l, ok := self.(*List); ok { // the common case, inlined
		return l
	}
	return unwrap(self).(*List)
}

func init() {
	// list.__getitem__ is a METH_O method in CPython, not a slot wrapper,
	// so its argument errors name the type
	ListType.AddMethod("__getitem__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		arg, err := collArgO("list.__getitem__", args, kw)
		if err != nil {
			return nil, err
		}
		return ListType.GetItem(t, self, arg)
	})
	lt := ListType
	lt.AddMethod("append", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		v, err := collArgO("list.append", args, kw)
		if err != nil {
			return nil, err
		}
		listSelf(self).Append(v)
		return None, nil
	})
	listAppend = lt.Dict.getStr(Intern("append")).(*MethodDescr)
	lt.AddMethod("extend", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		v, err := collArgO("list.extend", args, kw)
		if err != nil {
			return nil, err
		}
		return None, listExtend(t, listSelf(self), v)
	})
	lt.AddMethod("insert", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := collArgRange("list.insert", args, kw, 2, 2); err != nil {
			return nil, err
		}
		if !isIntLike(args[0]) && LoadPtr(&args[0].Type().Index) == nil {
			return nil, TypeErrorf("'%s' object cannot be interpreted as an integer", typeName(args[0]))
		}
		i, err := sliceInt(t, args[0])
		if err != nil {
			return nil, err
		}
		l := listSelf(self)
		l.mu.Lock()
		n := len(l.items)
		if i < 0 {
			i += n
			if i < 0 {
				i = 0
			}
		} else if i > n {
			i = n
		}
		l.insertLocked(i, args[1])
		l.mu.Unlock()
		return None, nil
	})
	lt.AddMethod("remove", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		v, err := collArgO("list.remove", args, kw)
		if err != nil {
			return nil, err
		}
		l := listSelf(self)
		items := l.snapshot()
		for i, x := range items {
			eq, err := Equal(t, x, v)
			if err != nil {
				return nil, err
			}
			if eq {
				l.mu.Lock()
				// remove the same object at (or, if the list moved, near) i
				if i < len(l.items) && l.items[i] == x {
					l.deleteLocked(i, i+1)
				} else {
					for j, y := range l.items {
						if y == x {
							l.deleteLocked(j, j+1)
							break
						}
					}
				}
				l.mu.Unlock()
				return None, nil
			}
		}
		return nil, ValueErrorf("list.remove(x): x not in list")
	})
	lt.AddMethod("pop", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := collArgRange("list.pop", args, kw, 0, 1); err != nil {
			return nil, err
		}
		idx := -1
		if len(args) == 1 {
			if !isIntLike(args[0]) && LoadPtr(&args[0].Type().Index) == nil {
				return nil, TypeErrorf("'%s' object cannot be interpreted as an integer", typeName(args[0]))
			}
			i, err := SsizeArg(t, args[0])
			if err != nil {
				return nil, err
			}
			idx = i
		}
		l := listSelf(self)
		l.mu.Lock()
		defer l.mu.Unlock()
		n := len(l.items)
		if n == 0 {
			return nil, NewError(IndexErrorType, "pop from empty list")
		}
		if idx < 0 {
			idx += n
		}
		if idx < 0 || idx >= n {
			return nil, NewError(IndexErrorType, "pop index out of range")
		}
		v := l.items[idx]
		l.deleteLocked(idx, idx+1)
		return v, nil
	})
	lt.AddMethod("clear", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := collArgNone("list.clear", args, kw); err != nil {
			return nil, err
		}
		l := listSelf(self)
		l.mu.Lock()
		l.publish(nil)
		l.mu.Unlock()
		return None, nil
	})
	lt.AddMethod("copy", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := collArgNone("list.copy", args, kw); err != nil {
			return nil, err
		}
		return NewList(listSelf(self).snapshot()...), nil
	})
	lt.AddMethod("index", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := collArgRange("list.index", args, kw, 1, 3); err != nil {
			return nil, err
		}
		i, err := seqFind(t, listSelf(self).snapshot(), args[0], args)
		if err != nil {
			return nil, err
		}
		if i < 0 {
			r, err := ReprString(t, args[0])
			if err != nil {
				return nil, err
			}
			return nil, ValueErrorf("%s is not in list", r)
		}
		return Int(i), nil
	})
	lt.AddMethod("count", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		v, err := collArgO("list.count", args, kw)
		if err != nil {
			return nil, err
		}
		n, err := seqCount(t, listSelf(self).snapshot(), v)
		return Int(n), err
	})
	lt.AddMethod("reverse", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := collArgNone("list.reverse", args, kw); err != nil {
			return nil, err
		}
		l := listSelf(self)
		l.mu.Lock()
		rev := make([]Object, len(l.items))
		for i, x := range l.items {
			rev[len(rev)-1-i] = x
		}
		l.publish(rev)
		l.mu.Unlock()
		return None, nil
	})
	lt.AddMethod("sort", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) > len(kw) {
			return nil, TypeErrorf("sort() takes no positional arguments")
		}
		for _, k := range kw {
			if k != "key" && k != "reverse" {
				return nil, TypeErrorf("'%s' is an invalid keyword argument for sort()", k)
			}
		}
		var key, rev Object
		if err := ParseArgs("sort", args, kw, []string{"key", "reverse"}, 0, &key, &rev); err != nil {
			return nil, err
		}
		if key == None {
			key = nil
		}
		reverse := false
		if rev != nil {
			if !isIntLike(rev) && LoadPtr(&rev.Type().Index) == nil {
				return nil, TypeErrorf("'%s' object cannot be interpreted as an integer", typeName(rev))
			}
			b, err := IsTrue(t, rev)
			if err != nil {
				return nil, err
			}
			reverse = b
		}
		return None, listSortInPlace(t, listSelf(self), key, reverse)
	})
	lt.AddMethod("__reversed__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := collArgNone("list.__reversed__", args, kw); err != nil {
			return nil, err
		}
		return newListRevIter(listSelf(self)), nil
	})
	lt.AddMethod("__sizeof__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("list.__sizeof__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return Int(40 + 8*listSelf(self).Len()), nil
	})

	ListRevIterType.Iter = func(t *Thread, o Object) (Object, error) { return o, nil }
	ListRevIterType.Next = func(t *Thread, o Object) (Object, error) { return o.(*listRevIter).next(), nil }
	ListRevIterType.AddMethod("__length_hint__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		it := self.(*listRevIter)
		n := int(it.i.v.Load())
		if l := it.l.Len(); n > l {
			n = 0 // the list shrank under it: CPython says 0
		}
		return Int(max(n, 0)), nil
	})
	ListRevIterType.Flags.And(^uint64(FlagBaseType))
	registerType(ListRevIterType)
}
