package py

import (
	"freepy/interp/strops"
	"math"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode/utf8"
)

type atomicInt struct{ v atomic.Int64 }

func (a *atomicInt) add(n int64) int64 { return a.v.Add(n) }

// decodeWTF8 decodes one code point, accepting encoded surrogates.
func decodeWTF8(s string) (rune, int) {
	if len(s) >= 3 && s[0] == 0xED && s[1] >= 0xA0 && s[1] <= 0xBF {
		return rune(0xD000) | rune(s[1]&0x3F)<<6 | rune(s[2]&0x3F), 3
	}
	r, n := utf8.DecodeRuneInString(s)
	return r, n
}

// genNext is a generator's __next__: the yielded value, nil when it
// returned None, StopIteration(value) when it returned something else.
func genNext(t *Thread, g *Generator) (Object, error) {
	r, done, err := g.next(t)
	if err != nil {
		return nil, err
	}
	if done {
		if r != None && r != nil {
			return nil, stopIteration(r)
		}
		return nil, nil
	}
	return r, nil
}

// strRepr is repr(str); strops has CPython's rules and Unicode tables.
func strRepr(s string) string { return strops.Repr(s) }

func hex2(v int) string { return hexN(v, 2) }

func hexN(v, n int) string {
	s := strconv.FormatInt(int64(v), 16)
	for len(s) < n {
		s = "0" + s
	}
	return s
}

// bytesRepr is repr(bytes).
func bytesRepr(bs []byte) string { return strops.BytesRepr(bs) }

// maxRepeatItems bounds the result of seq * n: CPython's malloc fails
// gracefully with MemoryError, while a Go allocation too large for the
// machine kills the process.
const maxRepeatItems = 1 << 32

// repeatItems is the items of seq * n in a new slice (nil for none); a
// result too large (or whose size overflows) is MemoryError.
func repeatItems(items []Object, n int) ([]Object, error) {
	if n <= 0 || len(items) == 0 {
		return nil, nil
	}
	if n > maxRepeatItems/len(items) {
		return nil, NewException(MemoryErrorType)
	}
	out := make([]Object, len(items)*n)
	// doubling copies: log(n) calls of copy, not n appends
	done := copy(out, items)
	for done < len(out) {
		done += copy(out[done:], out[:done])
	}
	return out, nil
}

// seqRepeatArgs sorts out `seq * n` / `n * seq` operands.
func seqRepeatArgs(t *Thread, a, b Object, typ *Type) (seq Object, n int, ok bool, err error) {
	if unwrap(a).Type() == typ || a.Type().IsSubtype(typ) {
		seq = a
		if !isIntLike(b) && LoadPtr(&b.Type().Index) == nil {
			return nil, 0, false, nil
		}
		n, err = IndexInt(t, b)
	} else {
		seq = b
		if !isIntLike(a) && LoadPtr(&a.Type().Index) == nil {
			return nil, 0, false, nil
		}
		n, err = IndexInt(t, a)
	}
	if err != nil {
		if IsInstanceOf(err, IndexErrorType) {
			return nil, 0, true, Errorf(OverflowErrorType, "cannot fit 'int' into an index-sized integer")
		}
		return nil, 0, true, err
	}
	return seq, max(n, 0), true, nil
}

// seqRepr renders a container, guarding against self-reference.
func seqRepr(t *Thread, self Object, items []Object, open, close string) (Object, error) {
	if t != nil {
		for _, o := range t.reprStack {
			if o == self {
				return NewStr(open + "..." + close), nil
			}
		}
		t.reprStack = append(t.reprStack, self)
		defer func() { t.reprStack = t.reprStack[:len(t.reprStack)-1] }()
	}
	var b strings.Builder
	b.WriteString(open)
	for i, v := range items {
		if i > 0 {
			b.WriteString(", ")
		}
		r, err := ReprString(t, v)
		if err != nil {
			return nil, err
		}
		b.WriteString(r)
	}
	b.WriteString(close)
	return NewStr(b.String()), nil
}

// tupleHash is CPython's xxHash-based tuple hash.
func tupleHash(t *Thread, o Object) (int64, error) {
	items := unwrap(o).(*Tuple).items
	const (
		p1 = 11400714785074694791
		p2 = 14029467366897019727
		p5 = 2870177450012600261
	)
	acc := uint64(p5)
	for _, x := range items {
		h, err := Hash(t, x)
		if err != nil {
			return 0, err
		}
		acc += uint64(h) * p2
		acc = acc<<31 | acc>>33
		acc *= p1
	}
	acc += uint64(len(items)) ^ (p5 ^ 3527539)
	if acc == ^uint64(0) {
		return 1546275796, nil
	}
	return int64(acc), nil
}

// seqCompare compares two sequences lexicographically, items equal by
// Equal (identity first, as list and tuple comparison do).
func seqCompare(t *Thread, x, y []Object, op CompareOp) (Object, error) {
	return seqCompareBy(t, x, y, op, Equal)
}

// seqCompareBy is seqCompare with the item equality test given.
func seqCompareBy(t *Thread, x, y []Object, op CompareOp, equal func(*Thread, Object, Object) (bool, error)) (Object, error) {
	if (op == EQ || op == NE) && len(x) != len(y) {
		return NewBool(op == NE), nil
	}
	i := 0
	for ; i < len(x) && i < len(y); i++ {
		eq, err := equal(t, x[i], y[i])
		if err != nil {
			return nil, err
		}
		if !eq {
			break
		}
	}
	if i >= len(x) || i >= len(y) {
		c := 0
		if len(x) < len(y) {
			c = -1
		} else if len(x) > len(y) {
			c = 1
		}
		return NewBool(cmpResult(c, op)), nil
	}
	switch op {
	case EQ:
		return False, nil
	case NE:
		return True, nil
	}
	return RichCompare(t, x[i], y[i], op)
}

func seqContains(t *Thread, items []Object, v Object) (bool, error) {
	for _, x := range items {
		eq, err := Equal(t, x, v)
		if err != nil || eq {
			return eq, err
		}
	}
	return false, nil
}

func seqContainsIter(t *Thread, o, v Object) (bool, error) {
	items, err := ToSlice(t, o)
	if err != nil {
		return false, err
	}
	return seqContains(t, items, v)
}

// seqIndex converts an index for a sequence of length n, with CPython's
// IndexError message ("<what> index out of range").
func seqIndex(t *Thread, key Object, n int, what string) (int, error) {
	var i int
	switch k := key.(type) {
	case Int:
		i = int(k)
	case Bool:
		i = int(boolToInt(k))
	default:
		if !isIntLike(key) && LoadPtr(&key.Type().Index) == nil {
			return 0, TypeErrorf("%s indices must be integers or slices, not %s", what, typeName(key))
		}
		v, err := Index(t, key)
		if err != nil {
			return 0, err
		}
		vi, ok := v.(Int)
		if !ok {
			return 0, Errorf(IndexErrorType, "cannot fit 'int' into an index-sized integer")
		}
		i = int(vi)
	}
	if i < 0 {
		i += n
	}
	if i < 0 || i >= n {
		if what == "str" {
			return 0, NewError(IndexErrorType, "string index out of range")
		}
		return 0, Errorf(IndexErrorType, "%s index out of range", what)
	}
	return i, nil
}

// sliceIndices is slice.indices(n) plus the resulting length.
func sliceIndices(t *Thread, s *Slice, n int) (start, stop, step, length int, err error) {
	step = 1
	// (a type assertion, not `!= None`: comparing interfaces holding a
	// struct calls runtime.ifaceeq)
	if _, none := s.Step.(NoneType); !none {
		step, err = sliceInt(t, s.Step)
		if err != nil {
			return
		}
		if step == 0 {
			err = ValueErrorf("slice step cannot be zero")
			return
		}
		if step < -math.MaxInt {
			step = -math.MaxInt // so that -step fits, as CPython clamps it
		}
	}
	lower, upper := 0, n
	if step < 0 {
		lower, upper = -1, n-1
	}
	conv := func(v Object, def int) (int, error) {
		if _, none := v.(NoneType); none {
			return def, nil
		}
		x, err := sliceInt(t, v)
		if err != nil {
			return 0, err
		}
		if x < 0 {
			x += n
			if x < lower {
				x = lower
			}
		} else if x > upper {
			x = upper
		}
		return x, nil
	}
	if step < 0 {
		start, err = conv(s.Start, upper)
		if err == nil {
			stop, err = conv(s.Stop, lower)
		}
	} else {
		start, err = conv(s.Start, lower)
		if err == nil {
			stop, err = conv(s.Stop, upper)
		}
	}
	if err != nil {
		return
	}
	// CPython's formulas: stop - start + step would overflow for a step
	// near sys.maxsize
	if step > 0 && stop > start {
		length = (stop-start-1)/step + 1
	} else if step < 0 && stop < start {
		length = (start-stop-1)/-step + 1
	}
	return
}

func sliceInt(t *Thread, v Object) (int, error) {
	if i, ok := v.(Int); ok { // the common case, without Index
		return int(i), nil
	}
	if !isIntLike(v) && LoadPtr(&v.Type().Index) == nil {
		return 0, TypeErrorf("slice indices must be integers or None or have an __index__ method")
	}
	x, err := Index(t, v)
	if err != nil {
		return 0, err
	}
	if i, ok := x.(Int); ok {
		return int(i), nil
	}
	b, _ := asBig(x)
	if b.Sign() < 0 {
		return -1 << 62, nil
	}
	return 1 << 62, nil
}

func sliceItems(t *Thread, items []Object, s *Slice) ([]Object, error) {
	start, _, step, n, err := sliceIndices(t, s, len(items))
	if err != nil {
		return nil, err
	}
	out := make([]Object, n)
	for i := 0; i < n; i++ {
		out[i] = items[start+i*step]
	}
	return out, nil
}

// ---- str indexing and construction ----

func strGetItem(t *Thread, o, key Object) (Object, error) {
	s := unwrap(o).(*Str)
	if sl, ok := key.(*Slice); ok {
		start, _, step, n, err := sliceIndices(t, sl, s.n)
		if err != nil {
			return nil, err
		}
		if n <= 0 {
			return emptyStr, nil
		}
		if s.ascii {
			if step == 1 {
				if n == len(s.s) {
					return s, nil // CPython returns the str itself too
				}
				return newASCIIStr(s.s[start : start+n]), nil
			}
			st, buf := t.strBuf(n)
			for i := range buf {
				buf[i] = s.s[start+i*step]
			}
			return st.setASCII(), nil
		}
		var b strings.Builder
		for i := 0; i < n; i++ {
			r := s.At(start + i*step)
			if r >= 0xD800 && r <= 0xDFFF {
				b.WriteString(encodeSurrogate(r))
			} else {
				b.WriteRune(r)
			}
		}
		return NewStr(b.String()), nil
	}
	if _, isInt := key.(Int); !isInt && !isIntLike(key) && LoadPtr(&key.Type().Index) == nil {
		// str words this differently from the other sequences in 3.11.
		return nil, TypeErrorf("string indices must be integers, not '%s'", typeName(key))
	}
	i, err := seqIndex(t, key, s.n, "str")
	if err != nil {
		return nil, err
	}
	return strFromRune(s.At(i)), nil
}

func strNew(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
	var x, encoding, errors Object
	if len(args) == 1 && len(kw) == 0 {
		x = args[0] // str(x), the common call
		if typ == StrType {
			switch v := x.(type) {
			case Int: // str(i): int.__repr__ without Repr's recursion guard
				var tmp [24]byte
				return t.asciiStrFromBytes(strconv.AppendInt(tmp[:0], int64(v), 10)), nil
			case *Str:
				return v, nil
			}
		}
	} else if err := ParseArgs("str", args, kw, []string{"object", "encoding", "errors"}, 0, &x, &encoding, &errors); err != nil {
		return nil, err
	}
	var v Object = emptyStr
	if x != nil {
		if encoding != nil || errors != nil {
			b, ok := bytesLike(x)
			if _, isStr := unwrap(x).(*Str); isStr {
				return nil, TypeErrorf("decoding str is not supported")
			}
			if !ok {
				return nil, TypeErrorf("decoding to str: need a bytes-like object, %s found", typeName(x))
			}
			enc := "utf-8"
			if es, ok := encoding.(*Str); ok {
				enc = es.s
			}
			errs := "strict"
			if es, ok := errors.(*Str); ok {
				errs = es.s
			}
			r, err := DecodeBytes(t, b, enc, errs)
			if err != nil {
				return nil, err
			}
			v = r
		} else if f := LoadPtr(&x.Type().Str); typ == StrType && f != nil {
			// str(x) returns what __str__ returned, a str subclass
			// instance included, as CPython's PyObject_Str does.
			r, err := f(t, x)
			if err != nil {
				return nil, err
			}
			if _, ok := unwrap(r).(*Str); !ok {
				return nil, TypeErrorf("__str__ returned non-string (type %s)", typeName(r))
			}
			return r, nil
		} else {
			s, err := StrOf(t, x)
			if err != nil {
				return nil, err
			}
			v = s
		}
	}
	if typ != StrType {
		return newSubclassInstance(typ, v), nil
	}
	return v, nil
}

// ---- list ----

func listGetItem(t *Thread, o, key Object) (Object, error) {
	l := unwrap(o).(*List)
	if sl, ok := key.(*Slice); ok {
		items, err := sliceItems(t, l.snapshot(), sl)
		if err != nil {
			return nil, err
		}
		return NewList(items...), nil
	}
	if !isIntLike(key) && LoadPtr(&key.Type().Index) == nil {
		return nil, TypeErrorf("list indices must be integers or slices, not %s", typeName(key))
	}
	i, err := seqIndex(t, key, l.Len(), "list")
	if err != nil {
		return nil, err
	}
	v := l.At(i)
	if v == nil {
		return nil, NewError(IndexErrorType, "list index out of range")
	}
	return v, nil
}

func listSetItem(t *Thread, o, key, v Object) error {
	l := unwrap(o).(*List)
	if sl, ok := key.(*Slice); ok {
		return listSetSlice(t, l, sl, v)
	}
	if !isIntLike(key) && LoadPtr(&key.Type().Index) == nil {
		return TypeErrorf("list indices must be integers or slices, not %s", typeName(key))
	}
	ii, err := Index(t, key)
	if err != nil {
		return err
	}
	idx, _, _ := asInt64(ii)
	l.mu.Lock()
	defer l.mu.Unlock()
	i := int(idx)
	if i < 0 {
		i += len(l.items)
	}
	if i < 0 || i >= len(l.items) {
		if v == nil {
			return NewError(IndexErrorType, "list assignment index out of range")
		}
		return NewError(IndexErrorType, "list assignment index out of range")
	}
	if v == nil {
		l.deleteLocked(i, i+1)
		return nil
	}
	l.setAt(i, v)
	return nil
}

func listSetSlice(t *Thread, l *List, sl *Slice, v Object) error {
	var repl []Object
	if v != nil {
		var err error
		if vl, ok := v.(*List); ok && vl == l {
			repl = l.snapshot()
		} else {
			repl, err = ToSlice(t, v)
			if err != nil {
				if IsInstanceOf(err, TypeErrorType) {
					return TypeErrorf("can only assign an iterable")
				}
				return err
			}
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	start, stop, step, n, err := sliceIndices(t, sl, len(l.items))
	if err != nil {
		return err
	}
	if step == 1 {
		if stop < start {
			stop = start
		}
		if v == nil {
			if stop > start {
				l.deleteLocked(start, stop)
			}
			return nil
		}
		items := make([]Object, 0, len(l.items)-(stop-start)+len(repl))
		items = append(append(append(items, l.items[:start]...), repl...), l.items[stop:]...)
		l.publish(items)
		return nil
	}
	if v == nil {
		var keep []Object
		del := map[int]bool{}
		for i := 0; i < n; i++ {
			del[start+i*step] = true
		}
		for i, x := range l.items {
			if !del[i] {
				keep = append(keep, x)
			}
		}
		l.publish(keep)
		return nil
	}
	if len(repl) != n {
		return ValueErrorf("attempt to assign sequence of size %d to extended slice of size %d", len(repl), n)
	}
	for i := 0; i < n; i++ {
		l.setAt(start+i*step, repl[i])
	}
	return nil
}

func listExtend(t *Thread, l *List, it Object) error {
	var items []Object
	switch x := it.(type) {
	case *List:
		items = x.snapshot()
	case *Tuple:
		items = x.items
	default:
		var err error
		items, err = ToSlice(t, it)
		if err != nil {
			return err
		}
		l.mu.Lock()
		if len(l.items) == 0 {
			// list(iterable): the fresh slice becomes the list's array,
			// no second copy
			l.publish(items)
		} else {
			l.push(items...)
		}
		l.mu.Unlock()
		return nil
	}
	l.mu.Lock()
	l.push(items...)
	l.mu.Unlock()
	return nil
}

func unpackIterable(t *Thread, seq Object, n int) ([]Object, error) {
	it, err := Iter(t, seq)
	if err != nil {
		if IsInstanceOf(err, TypeErrorType) {
			return nil, TypeErrorf("cannot unpack non-iterable %s object", typeName(seq))
		}
		return nil, err
	}
	var out []Object
	for {
		v, err := Next(t, it)
		if err != nil {
			return nil, err
		}
		if v == nil {
			return out, nil
		}
		out = append(out, v)
		if len(out) > n {
			return out, nil
		}
	}
}

// ---- dict ----

func dictRepr(t *Thread, o Object) (Object, error) {
	d := unwrap(o).(*Dict)
	if t != nil {
		for _, x := range t.reprStack {
			if x == o {
				return NewStr("{...}"), nil
			}
		}
		t.reprStack = append(t.reprStack, o)
		defer func() { t.reprStack = t.reprStack[:len(t.reprStack)-1] }()
	}
	var b strings.Builder
	b.WriteByte('{')
	for i, e := range d.Items() {
		if i > 0 {
			b.WriteString(", ")
		}
		k, err := ReprString(t, e.key)
		if err != nil {
			return nil, err
		}
		v, err := ReprString(t, e.value)
		if err != nil {
			return nil, err
		}
		b.WriteString(k + ": " + v)
	}
	b.WriteByte('}')
	return NewStr(b.String()), nil
}

func dictEqual(t *Thread, x, y *Dict) (bool, error) {
	if x.Len() != y.Len() {
		return false, nil
	}
	for _, e := range x.Items() {
		v, err := y.GetItem(t, e.key)
		if err != nil || v == nil {
			return false, err
		}
		eq, err := Equal(t, e.value, v)
		if err != nil || !eq {
			return false, err
		}
	}
	return true, nil
}

// dictUpdateFrom is dict.update(other) for a mapping or key/value pairs.
func dictUpdateFrom(t *Thread, d *Dict, other Object) error {
	if od, ok := unwrap(other).(*Dict); ok {
		if _, isInst := other.(*Instance); !isInst || other.Type().Lookup(Intern("keys")) == DictType.Dict.GetStr("keys") {
			return d.Update(t, od)
		}
	}
	keys, err := GetAttrString(t, other, "keys")
	if err != nil {
		return err
	}
	ks, err := Call0(t, keys)
	if err != nil {
		return err
	}
	return Iterate(t, ks, func(k Object) (bool, error) {
		v, err := GetItem(t, other, k)
		if err != nil {
			return false, err
		}
		return true, d.SetItem(t, k, v)
	})
}

func dictUpdatePairs(t *Thread, d *Dict, seq Object) error {
	i := 0
	return Iterate(t, seq, func(item Object) (bool, error) {
		kv, err := ToSlice(t, item)
		if err != nil {
			if IsInstanceOf(err, TypeErrorType) {
				return false, TypeErrorf("cannot convert dictionary update sequence element #%d to a sequence", i)
			}
			return false, err
		}
		if len(kv) != 2 {
			return false, ValueErrorf("dictionary update sequence element #%d has length %d; 2 is required", i, len(kv))
		}
		i++
		return true, d.SetItem(t, kv[0], kv[1])
	})
}

func dictInitArgs(t *Thread, d *Dict, args []Object, kw []string, name string) error {
	npos := len(args) - len(kw)
	if npos > 1 {
		return TypeErrorf("%s expected at most 1 argument, got %d", name, npos)
	}
	if npos == 1 {
		src := args[0]
		if _, ok := unwrap(src).(*Dict); ok {
			if err := dictUpdateFrom(t, d, src); err != nil {
				return err
			}
		} else if k, _ := GetAttrOpt(t, src, Intern("keys")); k != nil {
			if err := dictUpdateFrom(t, d, src); err != nil {
				return err
			}
		} else if err := dictUpdatePairs(t, d, src); err != nil {
			return err
		}
	}
	for i, k := range kw {
		d.SetItem(t, NewStr(k), args[npos+i])
	}
	return nil
}

// dictMerge is DICT_MERGE: **kwargs merging with duplicate detection.
func dictMerge(t *Thread, d *Dict, other, fn Object) error {
	src, ok := unwrap(other).(*Dict)
	if !ok {
		if k, _ := GetAttrOpt(t, other, Intern("keys")); k == nil {
			return TypeErrorf("%s argument after ** must be a mapping, not %s", funcDesc(t, fn), typeName(other))
		}
		src = NewDict()
		if err := dictUpdateFrom(t, src, other); err != nil {
			return err
		}
	}
	for _, e := range src.Items() {
		ks, ok := e.key.(*Str)
		if !ok {
			return TypeErrorf("keywords must be strings")
		}
		if v, _ := d.GetItem(t, e.key); v != nil {
			return TypeErrorf("%s got multiple values for keyword argument '%s'", funcDesc(t, fn), ks.s)
		}
		d.SetItem(t, e.key, e.value)
	}
	return nil
}

// funcDesc is how CPython names a callable in call errors
// (_PyObject_FunctionStr): "mod.qualname()", or "qualname()" for
// builtins, or str(fn) when it has no __qualname__.
func funcDesc(t *Thread, fn Object) string {
	q, _ := GetAttrOpt(t, fn, Intern("__qualname__"))
	if q == nil {
		s, err := StrString(t, fn)
		if err != nil {
			return typeName(fn) + " object"
		}
		return s
	}
	qs, err := StrString(t, q)
	if err != nil {
		return typeName(fn) + " object"
	}
	if m, _ := GetAttrOpt(t, fn, Intern("__module__")); m != nil {
		if ms, ok := m.(*Str); ok && ms.s != "builtins" {
			return ms.s + "." + qs + "()"
		}
	}
	return qs + "()"
}

// ---- set ----

func setRepr(t *Thread, o Object) (Object, error) {
	s := unwrap(o).(*Set)
	items := s.Items()
	name := o.Type().tpName()
	if len(items) == 0 {
		return NewStr(name + "()"), nil
	}
	if t != nil {
		for _, x := range t.reprStack {
			if x == o {
				// CPython's marker for a set inside itself names the type
				return NewStr(name + "(...)"), nil
			}
		}
	}
	r, err := seqRepr(t, o, items, "{", "}")
	if err != nil {
		return nil, err
	}
	if o.Type() == SetType {
		return r, nil
	}
	return NewStr(name + "(" + r.(*Str).s + ")"), nil
}

func isSet(o Object) (*Set, bool) {
	s, ok := unwrap(o).(*Set)
	return s, ok
}

func setRichCompare(t *Thread, a, b Object, op CompareOp) (Object, error) {
	x, ok1 := isSet(a)
	y, ok2 := isSet(b)
	if !ok1 || !ok2 {
		return NotImplemented, nil
	}
	sub := func(p, q *Set) (bool, error) {
		for _, k := range p.Items() {
			v, err := q.d.GetItem(t, k)
			if err != nil || v == nil {
				return false, err
			}
		}
		return true, nil
	}
	lx, ly := x.d.Len(), y.d.Len()
	switch op {
	case EQ, NE:
		eq := lx == ly
		if eq {
			r, err := sub(x, y)
			if err != nil {
				return nil, err
			}
			eq = r
		}
		return NewBool(eq == (op == EQ)), nil
	case LE:
		r, err := sub(x, y)
		return NewBool(lx <= ly && r), err
	case LT:
		r, err := sub(x, y)
		return NewBool(lx < ly && r), err
	case GE:
		r, err := sub(y, x)
		return NewBool(lx >= ly && r), err
	}
	r, err := sub(y, x)
	return NewBool(lx > ly && r), err
}

// setCombine computes x op y into a new set of x's kind.
func setCombine(t *Thread, x, y *Set, op int, frozen bool) (*Set, error) {
	out := &Set{d: NewDict(), frozen: frozen}
	switch op {
	case NbOr:
		for _, k := range x.Items() {
			out.add(t, k)
		}
		for _, k := range y.Items() {
			if err := out.add(t, k); err != nil {
				return nil, err
			}
		}
	case NbAnd:
		for _, k := range x.Items() {
			v, err := y.d.GetItem(t, k)
			if err != nil {
				return nil, err
			}
			if v != nil {
				out.add(t, k)
			}
		}
	case NbSub:
		for _, k := range x.Items() {
			v, err := y.d.GetItem(t, k)
			if err != nil {
				return nil, err
			}
			if v == nil {
				out.add(t, k)
			}
		}
	case NbXor:
		for _, k := range x.Items() {
			if v, _ := y.d.GetItem(t, k); v == nil {
				out.add(t, k)
			}
		}
		for _, k := range y.Items() {
			if v, _ := x.d.GetItem(t, k); v == nil {
				out.add(t, k)
			}
		}
	}
	return out, nil
}

func setOp(op int) BinaryFunc {
	return func(t *Thread, a, b Object) (Object, error) {
		x, ok1 := isSet(a)
		y, ok2 := isSet(b)
		if !ok1 || !ok2 {
			return NotImplemented, nil
		}
		return setCombine(t, x, y, op, x.frozen)
	}
}

func setInplace(op int) BinaryFunc {
	return func(t *Thread, a, b Object) (Object, error) {
		x, ok1 := isSet(a)
		y, ok2 := isSet(b)
		if !ok1 || !ok2 {
			return NotImplemented, nil
		}
		r, err := setCombine(t, x, y, op, false)
		if err != nil {
			return nil, err
		}
		x.d.Clear()
		for _, k := range r.Items() {
			x.add(t, k)
		}
		return a, nil
	}
}

func frozensetHash(t *Thread, o Object) (int64, error) {
	s := unwrap(o).(*Set)
	if s.hashed.Load() {
		return s.hash.Load(), nil
	}
	var h uint64
	for _, k := range s.Items() {
		kh, err := Hash(t, k)
		if err != nil {
			return 0, err
		}
		x := uint64(kh)
		h ^= ((x ^ 89869747) ^ (x << 16)) * 3644798167
	}
	h ^= (uint64(s.d.Len()) + 1) * 1927868237
	h ^= (h >> 11) ^ (h >> 25)
	h = h*69069 + 907133923
	if int64(h) == -1 {
		h = 590923713
	}
	s.hash.Store(int64(h))
	s.hashed.Store(true)
	return int64(h), nil
}

// ---- range ----

func rangeNew(t *Thread, _ *Type, args []Object, kw []string) (Object, error) {
	if len(kw) > 0 {
		return nil, TypeErrorf("range() takes no keyword arguments")
	}
	if len(args) == 0 {
		return nil, TypeErrorf("range expected at least 1 argument, got 0")
	}
	if len(args) > 3 {
		return nil, TypeErrorf("range expected at most 3 arguments, got %d", len(args))
	}
	vals := make([]int64, len(args))
	for i, a := range args {
		if !isIntLike(a) && LoadPtr(&a.Type().Index) == nil {
			return nil, TypeErrorf("'%s' object cannot be interpreted as an integer", typeName(a))
		}
		v, err := AsInt64(t, a)
		if err != nil {
			if IsInstanceOf(err, OverflowErrorType) {
				return newBigRange(t, args)
			}
			return nil, err
		}
		vals[i] = v
	}
	switch len(vals) {
	case 1:
		return &Range{0, vals[0], 1}, nil
	case 2:
		if rangeLen(vals[0], vals[1], 1) > math.MaxInt64 {
			return newBigRange(t, args)
		}
		return &Range{vals[0], vals[1], 1}, nil
	case 3:
		if vals[2] == 0 {
			return nil, ValueErrorf("range() arg 3 must not be zero")
		}
		if rangeLen(vals[0], vals[1], vals[2]) > math.MaxInt64 {
			return newBigRange(t, args) // len() raises OverflowError, as in CPython
		}
		return &Range{vals[0], vals[1], vals[2]}, nil
	case 0:
		return nil, TypeErrorf("range expected at least 1 argument, got 0")
	}
	return nil, TypeErrorf("range expected at most 3 arguments, got %d", len(vals))
}

func rangeGetItem(t *Thread, o, key Object) (Object, error) {
	if br, ok := o.(*bigRange); ok {
		return bigRangeGetItem(t, br, key)
	}
	r := o.(*Range)
	n := int(r.length())
	if _, ok := key.(*Slice); ok {
		// in big ints: the slice's step times the range's can leave int64
		return bigRangeGetItem(t, asBigRange(r), key)
	}
	i, err := seqIndex(t, key, n, "range object")
	if err != nil {
		return nil, err
	}
	return Int(r.start + int64(i)*r.step), nil
}
