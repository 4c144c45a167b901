package py

import (
	"math/big"
	"sync"
)

// bigRange is a range whose bounds do not fit in int64 (CPython's
// longrange): rare, so it trades speed for simplicity.
type bigRange struct{ start, stop, step *big.Int }

// Type returns range.
func (*bigRange) Type() *Type { return RangeType }

func (r *bigRange) length() *big.Int {
	var diff *big.Int
	step := new(big.Int).Set(r.step)
	if r.step.Sign() > 0 {
		diff = new(big.Int).Sub(r.stop, r.start)
	} else {
		diff = new(big.Int).Sub(r.start, r.stop)
		step.Neg(step)
	}
	if diff.Sign() <= 0 {
		return new(big.Int)
	}
	diff.Add(diff, step)
	diff.Sub(diff, big.NewInt(1))
	return diff.Quo(diff, step)
}

// bigRangeIter is longrange_iterator.
type bigRangeIter struct {
	mu         sync.Mutex
	next, step *big.Int
	left       *big.Int
	start, n   *big.Int // the range's start and length (__reduce__, __setstate__)
}

func (*bigRangeIter) Type() *Type { return BigRangeIterType }

// BigRangeIterType is the iterator of a range with big bounds.
var BigRangeIterType = newBuiltinType("longrange_iterator", ObjectType)

func init() {
	BigRangeIterType.Iter = func(t *Thread, o Object) (Object, error) { return o, nil }
	BigRangeIterType.Next = func(t *Thread, o Object) (Object, error) {
		it := o.(*bigRangeIter)
		it.mu.Lock()
		defer it.mu.Unlock()
		if it.left.Sign() <= 0 {
			return nil, nil
		}
		v := intFromBig(new(big.Int).Set(it.next))
		it.next.Add(it.next, it.step)
		it.left.Sub(it.left, big.NewInt(1))
		return v, nil
	}
	BigRangeIterType.Flags.And(^uint64(FlagBaseType))
	registerType(BigRangeIterType)
}

// newBigRange builds range(args) when some bound does not fit in int64.
func newBigRange(t *Thread, args []Object) (Object, error) {
	vals := make([]*big.Int, len(args))
	for i, a := range args {
		b, err := AsBig(t, a)
		if err != nil {
			return nil, err
		}
		vals[i] = new(big.Int).Set(b)
	}
	r := &bigRange{start: new(big.Int), step: big.NewInt(1)}
	switch len(vals) {
	case 1:
		r.stop = vals[0]
	case 2:
		r.start, r.stop = vals[0], vals[1]
	case 3:
		if vals[2].Sign() == 0 {
			return nil, ValueErrorf("range() arg 3 must not be zero")
		}
		r.start, r.stop, r.step = vals[0], vals[1], vals[2]
	}
	return r, nil
}

// bigRangeSlot adapts the range slots to a *bigRange receiver; the
// *Range slots call these when they see one.
func newBigRangeIter(r *bigRange) Object {
	n := r.length()
	return &bigRangeIter{next: new(big.Int).Set(r.start), step: r.step, left: new(big.Int).Set(n), start: r.start, n: n}
}

func bigRangeLen(r *bigRange) (int, error) {
	n := r.length()
	if !n.IsInt64() {
		return 0, NewError(OverflowErrorType, "Python int too large to convert to C ssize_t")
	}
	return int(n.Int64()), nil
}

func bigRangeRepr(r *bigRange) string {
	if r.step.Cmp(big.NewInt(1)) == 0 {
		return "range(" + r.start.String() + ", " + r.stop.String() + ")"
	}
	return "range(" + r.start.String() + ", " + r.stop.String() + ", " + r.step.String() + ")"
}

func bigRangeContains(t *Thread, r *bigRange, v Object) (bool, error) {
	if !isIntLike(v) {
		return false, nil
	}
	x, _ := asBig(unwrapInt(v))
	if r.step.Sign() > 0 && (x.Cmp(r.start) < 0 || x.Cmp(r.stop) >= 0) ||
		r.step.Sign() < 0 && (x.Cmp(r.start) > 0 || x.Cmp(r.stop) <= 0) {
		return false, nil
	}
	d := new(big.Int).Sub(x, r.start)
	return d.Mod(d, new(big.Int).Abs(r.step)).Sign() == 0, nil
}

func bigRangeGetItem(t *Thread, r *bigRange, key Object) (Object, error) {
	if sl, ok := key.(*Slice); ok {
		start, stop, step, err := sliceIndicesBig(t, sl, r.length())
		if err != nil {
			return nil, err
		}
		at := func(i *big.Int) Object { return intFromBig(new(big.Int).Add(r.start, new(big.Int).Mul(i, r.step))) }
		return rangeNew(t, RangeType, []Object{at(start), at(stop), intFromBig(new(big.Int).Mul(r.step, step))}, nil)
	}
	if !isIntLike(key) && LoadPtr(&key.Type().Index) == nil {
		return nil, TypeErrorf("range indices must be integers or slices, not %s", typeName(key))
	}
	i, err := AsBig(t, key)
	if err != nil {
		return nil, err
	}
	n := r.length()
	idx := new(big.Int).Set(i)
	if idx.Sign() < 0 {
		idx.Add(idx, n)
	}
	if idx.Sign() < 0 || idx.Cmp(n) >= 0 {
		return nil, NewError(IndexErrorType, "range object index out of range")
	}
	return intFromBig(idx.Mul(idx, r.step).Add(idx, r.start)), nil
}

// rangeKey is what range equality and hash look at, as in CPython: the
// length, then the first item unless empty, then the step unless at most
// one item (nil for what is left out). Two ranges are equal when they
// give the same items.
func rangeKey(o Object) [3]*big.Int {
	var start, step, n *big.Int
	if br, ok := o.(*bigRange); ok {
		start, step, n = br.start, br.step, br.length()
	} else {
		r := o.(*Range)
		start, step, n = big.NewInt(r.start), big.NewInt(r.step), big.NewInt(r.length())
	}
	switch {
	case n.Sign() == 0:
		return [3]*big.Int{n, nil, nil}
	case n.Cmp(big.NewInt(1)) == 0:
		return [3]*big.Int{n, start, nil}
	}
	return [3]*big.Int{n, start, step}
}

// sliceIndicesBig is slice.indices for a length of any size (CPython's
// _PySlice_GetLongIndices): start, stop and step clamped to the length.
func sliceIndicesBig(t *Thread, sl *Slice, length *big.Int) (start, stop, step *big.Int, err error) {
	index := func(o Object) (*big.Int, error) {
		if !isIntLike(o) && LoadPtr(&o.Type().Index) == nil {
			return nil, TypeErrorf("slice indices must be integers or None or have an __index__ method")
		}
		v, err := Index(t, o)
		if err != nil {
			return nil, err
		}
		return AsBig(t, v)
	}
	step = big.NewInt(1)
	if sl.Step != nil && sl.Step != None {
		if step, err = index(sl.Step); err != nil {
			return nil, nil, nil, err
		}
		if step.Sign() == 0 {
			return nil, nil, nil, ValueErrorf("slice step cannot be zero")
		}
	}
	lower, upper := big.NewInt(0), new(big.Int).Set(length)
	if step.Sign() < 0 {
		lower.SetInt64(-1)
		upper.Sub(length, big.NewInt(1))
	}
	bound := func(o Object, def *big.Int) (*big.Int, error) {
		if o == nil || o == None {
			return new(big.Int).Set(def), nil
		}
		v, err := index(o)
		if err != nil {
			return nil, err
		}
		v = new(big.Int).Set(v)
		if v.Sign() < 0 {
			if v.Add(v, length); v.Cmp(lower) < 0 {
				v.Set(lower)
			}
		} else if v.Cmp(upper) > 0 {
			v.Set(upper)
		}
		return v, nil
	}
	defStart, defStop := lower, upper
	if step.Sign() < 0 {
		defStart, defStop = upper, lower
	}
	if start, err = bound(sl.Start, defStart); err != nil {
		return nil, nil, nil, err
	}
	if stop, err = bound(sl.Stop, defStop); err != nil {
		return nil, nil, nil, err
	}
	return start, stop, step, nil
}
