package py

import (
	"strings"
	"sync"
)

// ByteArray is a bytearray: a mutable sequence of bytes. Every access to b
// holds mu, so that each operation is atomic when threads share the
// object; Python code (__index__, iteration of an argument) is never run
// while mu is held.
type ByteArray struct {
	mu sync.Mutex
	b  []byte
}

// Type returns bytearray.
func (*ByteArray) Type() *Type { return ByteArrayType }

// NewByteArray makes a bytearray holding b (kept).
func NewByteArray(b []byte) *ByteArray { return &ByteArray{b: b} }

// snapshot returns a copy of the contents.
func (a *ByteArray) snapshot() []byte {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]byte(nil), a.b...)
}

// Data returns a copy of the contents.
func (a *ByteArray) Data() []byte { return a.snapshot() }

func (a *ByteArray) length() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.b)
}

func byteArraySelf(o Object) (*ByteArray, error) {
	if a, ok := unwrap(o).(*ByteArray); ok {
		return a, nil
	}
	return nil, TypeErrorf("descriptor requires a 'bytearray' object but received a '%s'", typeName(o))
}

// byteValue converts an item assigned into a bytearray.
func byteValue(t *Thread, v Object) (byte, error) {
	if !isIntLike(v) && LoadPtr(&v.Type().Index) == nil {
		return 0, TypeErrorf("'%s' object cannot be interpreted as an integer", typeName(v))
	}
	n, err := AsInt64(t, v)
	if err != nil || n < 0 || n > 255 {
		return 0, ValueErrorf("byte must be in range(0, 256)")
	}
	return byte(n), nil
}

// resolveSlice evaluates a slice's bounds (which may run __index__) before
// the lock is taken, so that sliceIndices runs no Python code under it.
func resolveSlice(t *Thread, sl *Slice) (*Slice, error) {
	conv := func(o Object) (Object, error) {
		if o == None || o == nil {
			return None, nil
		}
		if _, ok := o.(Int); ok {
			return o, nil
		}
		v, err := sliceInt(t, o)
		return Int(v), err
	}
	a, err := conv(sl.Start)
	if err != nil {
		return nil, err
	}
	b, err := conv(sl.Stop)
	if err != nil {
		return nil, err
	}
	c, err := conv(sl.Step)
	if err != nil {
		return nil, err
	}
	if c == Int(0) {
		return nil, ValueErrorf("slice step cannot be zero")
	}
	return &Slice{Start: a, Stop: b, Step: c}, nil
}

// setSlice assigns repl to a[sl] (repl nil deletes).
func (a *ByteArray) setSlice(t *Thread, sl *Slice, repl []byte, del bool) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	start, stop, step, n, err := sliceIndices(t, sl, len(a.b))
	if err != nil {
		return err
	}
	if step == 1 {
		if stop < start {
			stop = start
		}
		tail := append([]byte(nil), a.b[stop:]...)
		a.b = append(append(a.b[:start], repl...), tail...)
		return nil
	}
	if del {
		drop := make(map[int]bool, n)
		for i := 0; i < n; i++ {
			drop[start+i*step] = true
		}
		keep := make([]byte, 0, len(a.b)-n)
		for i, c := range a.b {
			if !drop[i] {
				keep = append(keep, c)
			}
		}
		a.b = keep
		return nil
	}
	if len(repl) != n {
		return ValueErrorf("attempt to assign bytes of size %d to extended slice of size %d", len(repl), n)
	}
	for i := 0; i < n; i++ {
		a.b[start+i*step] = repl[i]
	}
	return nil
}

// byteArraySetItem is a[key] = v and del a[key].
func byteArraySetItem(t *Thread, o, key, v Object) error {
	a := unwrap(o).(*ByteArray)
	if sl, ok := key.(*Slice); ok {
		rs, err := resolveSlice(t, sl)
		if err != nil {
			return err
		}
		if v == nil {
			return a.setSlice(t, rs, nil, true)
		}
		var repl []byte
		if b, ok := bytesLike(v); ok {
			repl = b
		} else if isIntLike(v) || LoadPtr(&v.Type().Index) != nil {
			return TypeErrorf("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
		} else if _, isStr := unwrap(v).(*Str); isStr {
			return TypeErrorf("can assign only bytes, buffers, or iterables of ints in range(0, 256)")
		} else {
			repl, err = bytesFromObject(t, v, "bytearray")
			if err != nil {
				return err
			}
		}
		return a.setSlice(t, rs, repl, false)
	}
	if !isIntLike(key) && LoadPtr(&key.Type().Index) == nil {
		return TypeErrorf("bytearray indices must be integers or slices, not %s", typeName(key))
	}
	var c byte
	if v != nil {
		var err error
		if c, err = byteValue(t, v); err != nil {
			return err
		}
	}
	idx, err := AsInt64(t, key)
	if err != nil {
		return Errorf(IndexErrorType, "cannot fit '%s' into an index-sized integer", typeName(key))
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	i := int(idx)
	if i < 0 {
		i += len(a.b)
	}
	if i < 0 || i >= len(a.b) {
		if v == nil {
			return Errorf(IndexErrorType, "bytearray index out of range")
		}
		return Errorf(IndexErrorType, "bytearray index out of range")
	}
	if v == nil {
		a.b = append(a.b[:i], a.b[i+1:]...)
		return nil
	}
	a.b[i] = c
	return nil
}

func byteArrayGetItem(t *Thread, o, key Object) (Object, error) {
	a := unwrap(o).(*ByteArray)
	if sl, ok := key.(*Slice); ok {
		rs, err := resolveSlice(t, sl)
		if err != nil {
			return nil, err
		}
		a.mu.Lock()
		defer a.mu.Unlock()
		start, _, step, n, err := sliceIndices(t, rs, len(a.b))
		if err != nil {
			return nil, err
		}
		out := make([]byte, n)
		for i := 0; i < n; i++ {
			out[i] = a.b[start+i*step]
		}
		return NewByteArray(out), nil
	}
	if !isIntLike(key) && LoadPtr(&key.Type().Index) == nil {
		return nil, TypeErrorf("bytearray indices must be integers or slices, not %s", typeName(key))
	}
	idx, err := AsInt64(t, key)
	if err != nil {
		if !IsInstanceOf(err, OverflowErrorType) {
			return nil, err // __index__ failed
		}
		return nil, Errorf(IndexErrorType, "cannot fit '%s' into an index-sized integer", typeName(key))
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	i := int(idx)
	if i < 0 {
		i += len(a.b)
	}
	if i < 0 || i >= len(a.b) {
		return nil, Errorf(IndexErrorType, "bytearray index out of range")
	}
	return Int(a.b[i]), nil
}

// byteArrayIter walks a bytearray live, like a list iterator.
type byteArrayIter struct {
	mu   sync.Mutex
	a    *ByteArray
	i    int
	done bool
}

func (*byteArrayIter) Type() *Type { return ByteArrayIteratorType }

// ByteArrayIteratorType is the type of iter(bytearray()).
var ByteArrayIteratorType = newBuiltinType("bytearray_iterator", ObjectType)

func byteArrayRepr(t *Thread, o Object) (Object, error) {
	a := unwrap(o).(*ByteArray)
	b := a.snapshot()
	// Unlike bytes, bytearray's repr escapes every single quote.
	r := bytesRepr(b)
	q := r[1]
	body := strings.ReplaceAll(r[2:len(r)-1], `\'`, "'")
	body = strings.ReplaceAll(body, "'", `\'`)
	return NewStr(typeName(o) + "(b" + string(q) + body + string(q) + ")"), nil
}

func init() {
	ba := ByteArrayType
	ba.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		if typ == ByteArrayType {
			return NewByteArray(nil), nil
		}
		return newSubclassInstance(typ, NewByteArray(nil)), nil
	}
	ba.Init = func(t *Thread, self Object, args []Object, kw []string) error {
		a, err := byteArraySelf(self)
		if err != nil {
			return err
		}
		b, err := bytesCtorArgs(t, "bytearray", args, kw)
		if err != nil {
			return err
		}
		a.mu.Lock()
		a.b = b
		a.mu.Unlock()
		return nil
	}
	ba.Repr = byteArrayRepr
	ba.Str = byteArrayRepr
	ba.Hash = func(t *Thread, o Object) (int64, error) {
		return 0, TypeErrorf("unhashable type: '%s'", typeName(o))
	}
	ba.Len = func(t *Thread, o Object) (int, error) { return unwrap(o).(*ByteArray).length(), nil }
	ba.RichCompare = func(t *Thread, x, y Object, op CompareOp) (Object, error) {
		a, ok1 := bytesLike(x)
		b, ok2 := bytesLike(y)
		if !ok1 || !ok2 {
			return NotImplemented, nil
		}
		return NewBool(cmpResult(strings.Compare(string(a), string(b)), op)), nil
	}
	ba.Iter = func(t *Thread, o Object) (Object, error) {
		return &byteArrayIter{a: unwrap(o).(*ByteArray)}, nil
	}
	ba.GetItem = byteArrayGetItem
	ba.SetItem = byteArraySetItem
	ba.Contains = func(t *Thread, o, v Object) (bool, error) {
		sub, err := byteSub(t, v)
		if err != nil {
			return false, err
		}
		return strings.Contains(string(unwrap(o).(*ByteArray).snapshot()), string(sub)), nil
	}
	ba.Num[NbAdd] = func(t *Thread, x, y Object) (Object, error) {
		a, ok1 := unwrap(x).(*ByteArray)
		b, ok2 := bytesLikeT(t, y)
		if !ok1 {
			return NotImplemented, nil
		}
		if !ok2 {
			return NotImplemented, nil // binaryOpError says "can't concat"
		}
		return NewByteArray(append(a.snapshot(), b...)), nil
	}
	ba.INum[NbAdd] = func(t *Thread, x, y Object) (Object, error) {
		a, ok1 := unwrap(x).(*ByteArray)
		b, ok2 := bytesLikeT(t, y)
		if !ok1 {
			return NotImplemented, nil
		}
		if !ok2 {
			return NotImplemented, nil // binaryOpError says "can't concat"
		}
		a.mu.Lock()
		a.b = append(a.b, b...)
		a.mu.Unlock()
		return x, nil
	}
	ba.Num[NbMul] = func(t *Thread, x, y Object) (Object, error) {
		s, n, ok, err := seqRepeatArgs(t, x, y, ByteArrayType)
		if !ok || err != nil {
			return NotImplemented, err
		}
		r, err := bytesRepeat(unwrap(s).(*ByteArray).snapshot(), n, false)
		if err != nil {
			return nil, err
		}
		return NewByteArray(r), nil
	}
	ba.INum[NbMul] = func(t *Thread, x, y Object) (Object, error) {
		a, ok := unwrap(x).(*ByteArray)
		if !ok {
			return NotImplemented, nil
		}
		if !isIntLike(y) && LoadPtr(&y.Type().Index) == nil {
			return NotImplemented, nil
		}
		n, err := IndexInt(t, y)
		if err != nil {
			return nil, err
		}
		r, err := bytesRepeat(a.snapshot(), n, false)
		if err != nil {
			return nil, err
		}
		a.mu.Lock()
		a.b = r
		a.mu.Unlock()
		return x, nil
	}
	ba.Num[NbMod] = func(t *Thread, x, y Object) (Object, error) {
		a, ok := unwrap(x).(*ByteArray)
		if !ok {
			return NotImplemented, nil
		}
		r, err := bytesPercent(t, a.snapshot(), y)
		if err != nil {
			return nil, err
		}
		return NewByteArray(r), nil
	}
	ba.Doc = "bytearray(iterable_of_ints) -> bytearray\nbytearray(string, encoding[, errors]) -> bytearray\n" +
		"bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\nbytearray(int) -> that many zero bytes\n" +
		"bytearray() -> an empty bytearray\n\nA mutable sequence of integers in range(256)."

	method := func(name string, fn func(t *Thread, a *ByteArray, args []Object, kw []string) (Object, error)) {
		ba.AddMethod(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			a, err := byteArraySelf(self)
			if err != nil {
				return nil, err
			}
			return fn(t, a, args, kw)
		})
	}
	method("append", func(t *Thread, a *ByteArray, args []Object, kw []string) (Object, error) {
		if err := argCount("bytearray.append", args, kw, 1, 1); err != nil {
			return nil, err
		}
		c, err := byteValue(t, args[0])
		if err != nil {
			return nil, err
		}
		a.mu.Lock()
		a.b = append(a.b, c)
		a.mu.Unlock()
		return None, nil
	})
	method("extend", func(t *Thread, a *ByteArray, args []Object, kw []string) (Object, error) {
		if err := argCount("bytearray.extend", args, kw, 1, 1); err != nil {
			return nil, err
		}
		b, ok := bytesLike(args[0])
		if !ok {
			if _, isStr := unwrap(args[0]).(*Str); isStr {
				// A str iterates as one-character strs, none an int.
				return nil, TypeErrorf("'str' object cannot be interpreted as an integer")
			}
			if LoadPtr(&args[0].Type().Iter) == nil && LoadPtr(&args[0].Type().GetItem) == nil {
				return nil, TypeErrorf("can't extend bytearray with %s", typeName(args[0]))
			}
			var err error
			if b, err = bytesFromObject(t, args[0], "bytearray"); err != nil {
				return nil, err
			}
		}
		a.mu.Lock()
		a.b = append(a.b, b...)
		a.mu.Unlock()
		return None, nil
	})
	method("insert", func(t *Thread, a *ByteArray, args []Object, kw []string) (Object, error) {
		if err := argCount("bytearray.insert", args, kw, 2, 2); err != nil {
			return nil, err
		}
		idx, err := SsizeArg(t, args[0])
		if err != nil {
			return nil, err
		}
		c, err := byteValue(t, args[1])
		if err != nil {
			return nil, err
		}
		a.mu.Lock()
		defer a.mu.Unlock()
		n := len(a.b)
		if idx < 0 {
			idx = max(idx+n, 0)
		}
		idx = min(idx, n)
		a.b = append(a.b, 0)
		copy(a.b[idx+1:], a.b[idx:n])
		a.b[idx] = c
		return None, nil
	})
	method("pop", func(t *Thread, a *ByteArray, args []Object, kw []string) (Object, error) {
		if err := argCount("bytearray.pop", args, kw, 0, 1); err != nil {
			return nil, err
		}
		idx := -1
		if len(args) == 1 {
			var err error
			if idx, err = SsizeArg(t, args[0]); err != nil {
				return nil, err
			}
		}
		a.mu.Lock()
		defer a.mu.Unlock()
		if len(a.b) == 0 {
			return nil, Errorf(IndexErrorType, "pop from empty bytearray")
		}
		if idx < 0 {
			idx += len(a.b)
		}
		if idx < 0 || idx >= len(a.b) {
			return nil, Errorf(IndexErrorType, "pop index out of range")
		}
		c := a.b[idx]
		a.b = append(a.b[:idx], a.b[idx+1:]...)
		return Int(c), nil
	})
	method("remove", func(t *Thread, a *ByteArray, args []Object, kw []string) (Object, error) {
		if err := argCount("bytearray.remove", args, kw, 1, 1); err != nil {
			return nil, err
		}
		c, err := byteValue(t, args[0])
		if err != nil {
			return nil, err
		}
		a.mu.Lock()
		defer a.mu.Unlock()
		for i, x := range a.b {
			if x == c {
				a.b = append(a.b[:i], a.b[i+1:]...)
				return None, nil
			}
		}
		return nil, ValueErrorf("value not found in bytearray")
	})
	method("clear", func(t *Thread, a *ByteArray, args []Object, kw []string) (Object, error) {
		if err := argCount("bytearray.clear", args, kw, 0, 0); err != nil {
			return nil, err
		}
		a.mu.Lock()
		a.b = nil
		a.mu.Unlock()
		return None, nil
	})
	method("copy", func(t *Thread, a *ByteArray, args []Object, kw []string) (Object, error) {
		if err := argCount("bytearray.copy", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return NewByteArray(a.snapshot()), nil
	})
	method("reverse", func(t *Thread, a *ByteArray, args []Object, kw []string) (Object, error) {
		if err := argCount("bytearray.reverse", args, kw, 0, 0); err != nil {
			return nil, err
		}
		a.mu.Lock()
		for i, j := 0, len(a.b)-1; i < j; i, j = i+1, j-1 {
			a.b[i], a.b[j] = a.b[j], a.b[i]
		}
		a.mu.Unlock()
		return None, nil
	})
	method("__alloc__", func(t *Thread, a *ByteArray, args []Object, kw []string) (Object, error) {
		if err := argCount("bytearray.__alloc__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		a.mu.Lock()
		defer a.mu.Unlock()
		return Int(cap(a.b) + 1), nil
	})
	// __reduce__ and __reduce_ex__(proto=0) carry the instance's type and
	// its __getstate__(); protocols below 3 keep the contents as a
	// latin-1 str, as Python 2 could read them
	reduce := func(t *Thread, self Object, proto int) (Object, error) {
		a, err := byteArraySelf(self)
		if err != nil {
			return nil, err
		}
		state, err := CallMethod(t, self, "__getstate__")
		if err != nil {
			return nil, err
		}
		b := a.snapshot()
		var args Object
		switch {
		case len(b) == 0:
			args = NewTuple()
		case proto < 3:
			rs := make([]rune, len(b))
			for i, c := range b {
				rs[i] = rune(c)
			}
			args = NewTuple(NewStr(string(rs)), NewStr("latin-1"))
		default:
			args = NewTuple(NewBytes(b))
		}
		return NewTuple(self.Type(), args, state), nil
	}
	const reduceDoc = "Return state information for pickling."
	ba.Dict.SetStr("__reduce__", &MethodDescr{Name: "__reduce__", Owner: ba, Doc: reduceDoc, Fn: func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("bytearray.__reduce__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return reduce(t, self, 0)
	}})
	ba.Dict.SetStr("__reduce_ex__", &MethodDescr{Name: "__reduce_ex__", Owner: ba, Doc: reduceDoc, Fn: func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("bytearray.__reduce_ex__", args, kw, 0, 1); err != nil {
			return nil, err
		}
		proto := 0
		if len(args) == 1 {
			n, err := CIntArg(t, args[0])
			if err != nil {
				return nil, err
			}
			proto = n
		}
		return reduce(t, self, proto)
	}})

	it := ByteArrayIteratorType
	it.Iter = func(t *Thread, o Object) (Object, error) { return o, nil }
	it.Next = func(t *Thread, o Object) (Object, error) {
		x := o.(*byteArrayIter)
		x.mu.Lock()
		defer x.mu.Unlock()
		if x.done {
			return nil, nil
		}
		x.a.mu.Lock()
		defer x.a.mu.Unlock()
		if x.i >= len(x.a.b) {
			x.done = true
			return nil, nil
		}
		c := x.a.b[x.i]
		x.i++
		return Int(c), nil
	}
	it.Flags.And(^uint64(FlagBaseType))
	registerType(it)
}
