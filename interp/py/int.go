package py

import (
	"math"
	"math/big"
	"math/bits"
	"strconv"
)

// Int is a Python int that fits in 64 bits. Larger values are *BigInt;
// every operation normalises its result, so a value that fits is always
// an Int.
type Int int64

// BigInt is a Python int outside the int64 range.
type BigInt struct{ v big.Int }

// Bool is True or False (a subclass of int).
type Bool bool

const (
	True  = Bool(true)
	False = Bool(false)
)

func (Int) Type() *Type     { return IntType }
func (*BigInt) Type() *Type { return IntType }
func (Bool) Type() *Type    { return BoolType }

// NewBool returns True or False.
func NewBool(b bool) Object {
	if b {
		return True
	}
	return False
}

// intFromBig normalises a big.Int result (it may keep a reference to v).
func intFromBig(v *big.Int) Object {
	if v.IsInt64() {
		return Int(v.Int64())
	}
	b := &BigInt{}
	b.v.Set(v)
	return b
}

// NewIntFromBig returns the int with value v.
func NewIntFromBig(v *big.Int) Object { return intFromBig(v) }

// Big returns the value as a new big.Int.
func (b *BigInt) Big() *big.Int { return new(big.Int).Set(&b.v) }

// asBig converts any int-like value to a big.Int (a new one for Int).
func asBig(o Object) (*big.Int, bool) {
	switch x := unwrap(o).(type) {
	case Int:
		return big.NewInt(int64(x)), true
	case *BigInt:
		return &x.v, true
	case Bool:
		return big.NewInt(boolToInt(x)), true
	}
	return nil, false
}

// asInt64 returns an int-like value as int64; ok is false for non-ints,
// big is true when it does not fit.
func asInt64(o Object) (v int64, ok bool, tooBig bool) {
	switch x := o.(type) {
	case Int:
		return int64(x), true, false
	case Bool:
		return boolToInt(x), true, false
	case *BigInt:
		return 0, true, true
	case *Instance:
		if x.Base != nil {
			return asInt64(x.Base)
		}
	}
	return 0, false, false
}

// isIntLike reports whether o is an int (or bool, or int subclass).
func isIntLike(o Object) bool {
	switch o.(type) {
	case Int, Bool, *BigInt:
		return true
	case *Instance:
		return o.Type().Flags.Load()&FlagLongSub != 0
	}
	return false
}

const hashModulus = (1 << 61) - 1

// hashInt is CPython's hash for an int: the value modulo 2**61-1 with the
// sign kept, and -1 mapped to -2.
func hashInt(v int64) int64 {
	if v > -hashModulus && v < hashModulus {
		// nearly every int: its own hash, no reduction
		if v == -1 {
			return -2
		}
		return v
	}
	var h int64
	if v >= 0 {
		h = int64(uint64(v) % hashModulus)
	} else {
		h = -int64(uint64(-v) % hashModulus)
		if v == math.MinInt64 {
			h = -int64((uint64(1) << 63) % hashModulus)
		}
	}
	if h == -1 {
		h = -2
	}
	return h
}

func hashBig(v *big.Int) int64 {
	m := new(big.Int).Abs(v)
	m.Mod(m, big.NewInt(hashModulus))
	h := m.Int64()
	if v.Sign() < 0 {
		h = -h
	}
	if h == -1 {
		h = -2
	}
	return h
}

// ---- arithmetic on int64 with overflow into big ----

func intAdd(a, b int64) Object {
	s := a + b
	if (s > a) == (b > 0) {
		return Int(s)
	}
	return intFromBig(new(big.Int).Add(big.NewInt(a), big.NewInt(b)))
}

func intSub(a, b int64) Object {
	s := a - b
	if (s < a) == (b > 0) {
		return Int(s)
	}
	return intFromBig(new(big.Int).Sub(big.NewInt(a), big.NewInt(b)))
}

// mul64 is a*b when it fits in an int64. The signed 128-bit product's
// high word is the unsigned one's minus b when a < 0 and minus a when
// b < 0; the product fits when that word is the sign extension of the
// low one. No branches: the loop's int multiply calls it for every
// product.
func mul64(a, b int64) (int64, bool) {
	hi, lo := bits.Mul64(uint64(a), uint64(b))
	shi := int64(hi) - a>>63&b - b>>63&a
	return int64(lo), shi == int64(lo)>>63
}

func intMul(a, b int64) Object {
	if a == 0 || b == 0 {
		return Int(0)
	}
	hi, lo := bits.Mul64(uint64(absI(a)), uint64(absI(b)))
	if hi == 0 && lo <= math.MaxInt64 && a != math.MinInt64 && b != math.MinInt64 {
		r := int64(lo)
		if (a < 0) != (b < 0) {
			r = -r
		}
		return Int(r)
	}
	return intFromBig(new(big.Int).Mul(big.NewInt(a), big.NewInt(b)))
}

func absI(a int64) int64 {
	if a < 0 {
		return -a
	}
	return a
}

// floorDivMod implements Python's // and % on int64 (b != 0).
func floorDivMod(a, b int64) (Object, Object) {
	if a == math.MinInt64 && b == -1 {
		return intFromBig(new(big.Int).Neg(big.NewInt(a))), Int(0)
	}
	q, r := a/b, a%b
	if r != 0 && (r < 0) != (b < 0) {
		q--
		r += b
	}
	return Int(q), Int(r)
}

func bigFloorDivMod(a, b *big.Int) (Object, Object) {
	q, m := new(big.Int).QuoRem(a, b, new(big.Int))
	if m.Sign() != 0 && (m.Sign() < 0) != (b.Sign() < 0) {
		q.Sub(q, big.NewInt(1))
		m.Add(m, b)
	}
	return intFromBig(q), intFromBig(m)
}

// bigBlock is a BigInt with room for a few words of magnitude in the
// same allocation: the sum of a big int and a small one (a running
// total past 2**63) costs one allocation instead of five.
type bigBlock struct {
	b BigInt
	w [bigBlockWords]big.Word
}

const bigBlockWords = 4

// bigAddSub returns a + b (a - b when sub) for a and b each an Int or a
// *BigInt, at least one of them a *BigInt; ok is false for other
// operands. A running total past 2**63 plus a small int costs one
// allocation (the result) instead of five.
func bigAddSub(a, b Object, sub bool) (Object, bool) {
	switch x := a.(type) {
	case *BigInt:
		switch y := b.(type) {
		case *BigInt:
			blk := &bigBlock{}
			r := &blk.b
			if max(len(x.v.Bits()), len(y.v.Bits())) < bigBlockWords {
				r.v.SetBits(blk.w[:0])
			}
			if sub {
				r.v.Sub(&x.v, &y.v)
			} else {
				r.v.Add(&x.v, &y.v)
			}
			if r.v.IsInt64() {
				return Int(r.v.Int64()), true
			}
			return r, true
		case Int:
			// x + (±|y|)
			return bigPlusSmall(&x.v, absU64(int64(y)), (y < 0) != sub, false)
		}
	case Int:
		if y, ok := b.(*BigInt); ok {
			if sub {
				// x - y = -(y + (-x))
				return bigPlusSmall(&y.v, absU64(int64(x)), x >= 0, true)
			}
			return bigPlusSmall(&y.v, absU64(int64(x)), x < 0, false)
		}
	}
	return nil, false
}

// absU64 is |v| (1<<63 for MinInt64).
func absU64(v int64) uint64 {
	if v < 0 {
		return uint64(-v)
	}
	return uint64(v)
}

// bigPlusSmall returns x + s, negated when negate, where s has magnitude
// sm and is negative when sneg. x must be normalised big (|x| > sm); ok
// is false otherwise.
func bigPlusSmall(x *big.Int, sm uint64, sneg, negate bool) (Object, bool) {
	xb := x.Bits()
	n := len(xb)
	if n == 0 || (n == 1 && uint64(xb[0]) < sm) {
		return nil, false
	}
	xneg := x.Sign() < 0
	var r *BigInt
	var w []big.Word
	if n < bigBlockWords {
		blk := &bigBlock{}
		r, w = &blk.b, blk.w[:n+1]
	} else {
		r, w = &BigInt{}, make([]big.Word, n+1)
	}
	if xneg == sneg {
		// |r| = |x| + sm
		carry := big.Word(sm)
		for i, d := range xb {
			s := d + carry
			carry = 0
			if s < d {
				carry = 1
			}
			w[i] = s
		}
		w[n] = carry
	} else {
		// |r| = |x| - sm, never below zero
		borrow := big.Word(sm)
		for i, d := range xb {
			w[i] = d - borrow
			borrow = 0
			if d < w[i] {
				borrow = 1
			}
		}
	}
	m := n + 1
	for m > 0 && w[m-1] == 0 {
		m--
	}
	neg := xneg != negate
	switch {
	case m == 0:
		return Int(0), true
	case m == 1 && !neg && w[0] <= math.MaxInt64:
		return Int(int64(w[0])), true
	case m == 1 && neg && w[0] <= 1<<63:
		return Int(-int64(w[0])), true
	}
	r.v.SetBits(w[:m])
	if neg {
		r.v.Neg(&r.v)
	}
	return r, true
}

// intBinary implements the int operators on two int-like values.
func intBinary(t *Thread, op int, a, b Object) (Object, error) {
	x, okx, bx := asInt64(a)
	y, oky, by := asInt64(b)
	if !okx || !oky {
		return NotImplemented, nil
	}
	if !bx && !by {
		switch op {
		case NbAdd:
			return intAdd(x, y), nil
		case NbSub:
			return intSub(x, y), nil
		case NbMul:
			return intMul(x, y), nil
		case NbFloorDiv, NbMod:
			if y == 0 {
				if op == NbMod {
					return nil, NewError(ZeroDivisionErrorType, "integer modulo by zero")
				}
				return nil, NewError(ZeroDivisionErrorType, "integer division or modulo by zero")
			}
			q, r := floorDivMod(x, y)
			if op == NbFloorDiv {
				return q, nil
			}
			return r, nil
		case NbTrueDiv:
			return intTrueDiv(big.NewInt(x), big.NewInt(y))
		case NbAnd:
			return Int(x & y), nil
		case NbOr:
			return Int(x | y), nil
		case NbXor:
			return Int(x ^ y), nil
		case NbLshift:
			if y < 0 {
				return nil, NewError(ValueErrorType, "negative shift count")
			}
			if y < 63 && x == (x<<y)>>y {
				return Int(x << y), nil
			}
		case NbRshift:
			if y < 0 {
				return nil, NewError(ValueErrorType, "negative shift count")
			}
			if y > 63 {
				y = 63
			}
			return Int(x >> y), nil
		case NbPow:
			return intPow(t, a, b, nil)
		}
	}
	if op == NbAdd || op == NbSub {
		if r, ok := bigAddSub(a, b, op == NbSub); ok {
			return r, nil
		}
	}
	ba, _ := asBig(a)
	bb, _ := asBig(b)
	switch op {
	case NbAdd:
		return intFromBig(new(big.Int).Add(ba, bb)), nil
	case NbSub:
		return intFromBig(new(big.Int).Sub(ba, bb)), nil
	case NbMul:
		return intFromBig(new(big.Int).Mul(ba, bb)), nil
	case NbFloorDiv, NbMod:
		if bb.Sign() == 0 {
			if op == NbMod {
				return nil, NewError(ZeroDivisionErrorType, "integer modulo by zero")
			}
			return nil, NewError(ZeroDivisionErrorType, "integer division or modulo by zero")
		}
		q, r := bigFloorDivMod(ba, bb)
		if op == NbFloorDiv {
			return q, nil
		}
		return r, nil
	case NbTrueDiv:
		return intTrueDiv(ba, bb)
	case NbAnd:
		return intFromBig(new(big.Int).And(ba, bb)), nil
	case NbOr:
		return intFromBig(new(big.Int).Or(ba, bb)), nil
	case NbXor:
		return intFromBig(new(big.Int).Xor(ba, bb)), nil
	case NbLshift, NbRshift:
		if bb.Sign() < 0 {
			return nil, NewError(ValueErrorType, "negative shift count")
		}
		if !bb.IsInt64() || bb.Int64() > 1<<40 {
			if op == NbRshift {
				if ba.Sign() < 0 {
					return Int(-1), nil
				}
				return Int(0), nil
			}
			if ba.Sign() == 0 {
				return Int(0), nil
			}
			return nil, NewError(OverflowErrorType, "too many digits in integer")
		}
		if op == NbLshift {
			return intFromBig(new(big.Int).Lsh(ba, uint(bb.Int64()))), nil
		}
		return intFromBig(new(big.Int).Rsh(ba, uint(bb.Int64()))), nil
	case NbPow:
		return intPow(t, a, b, nil)
	}
	return NotImplemented, nil
}

// intTrueDiv divides two ints giving a correctly rounded float.
func intTrueDiv(a, b *big.Int) (Object, error) {
	if b.Sign() == 0 {
		return nil, NewError(ZeroDivisionErrorType, "division by zero")
	}
	if a.IsInt64() && b.IsInt64() {
		x, y := a.Int64(), b.Int64()
		if absI(x) < 1<<53 && absI(y) < 1<<53 {
			return Float(float64(x) / float64(y)), nil
		}
	}
	r := new(big.Rat).SetFrac(a, b)
	f, _ := r.Float64()
	if math.IsInf(f, 0) {
		return nil, NewError(OverflowErrorType, "integer division result too large for a float")
	}
	if f == 0 && (a.Sign() < 0) != (b.Sign() < 0) {
		// a Rat has no negative zero: 0 / -big is -0.0, as for floats
		f = math.Copysign(0, -1)
	}
	return Float(f), nil
}

// intPow computes a ** b (% mod when mod != nil).
func intPow(t *Thread, a, b, mod Object) (Object, error) {
	ba, _ := asBig(a)
	bb, _ := asBig(b)
	if mod != nil {
		bm, ok := asBig(mod)
		if !ok {
			return NotImplemented, nil
		}
		if bm.Sign() == 0 {
			return nil, NewError(ValueErrorType, "pow() 3rd argument cannot be 0")
		}
		base := new(big.Int).Set(ba)
		exp := new(big.Int).Set(bb)
		if exp.Sign() < 0 {
			inv := new(big.Int).ModInverse(new(big.Int).Mod(base, new(big.Int).Abs(bm)), new(big.Int).Abs(bm))
			if inv == nil {
				return nil, NewError(ValueErrorType, "base is not invertible for the given modulus")
			}
			base = inv
			exp.Neg(exp)
		}
		am := new(big.Int).Abs(bm)
		r := new(big.Int).Exp(base, exp, am)
		if r.Sign() != 0 && bm.Sign() < 0 {
			r.Add(r, bm)
		}
		return intFromBig(r), nil
	}
	if bb.Sign() < 0 {
		fa, err := bigToFloat(ba)
		if err != nil {
			return nil, err
		}
		fb, err := bigToFloat(bb)
		if err != nil {
			return nil, err
		}
		return floatPow(fa, fb)
	}
	if ba.IsInt64() && bb.IsInt64() {
		x, y := ba.Int64(), bb.Int64()
		// fast path: repeated squaring while it fits
		result, base := int64(1), x
		ok := true
		for e := y; e > 0; e >>= 1 {
			if e&1 == 1 {
				hi, lo := bits.Mul64(uint64(absI(result)), uint64(absI(base)))
				if hi != 0 || lo > math.MaxInt64 {
					ok = false
					break
				}
				neg := (result < 0) != (base < 0)
				result = int64(lo)
				if neg {
					result = -result
				}
			}
			if e > 1 {
				hi, lo := bits.Mul64(uint64(absI(base)), uint64(absI(base)))
				if hi != 0 || lo > math.MaxInt64 {
					ok = false
					break
				}
				base = int64(lo)
			}
		}
		if ok {
			return Int(result), nil
		}
	}
	if bb.BitLen() > 64 && ba.CmpAbs(big.NewInt(1)) > 0 {
		return nil, NewError(MemoryErrorType, "")
	}
	return intFromBig(new(big.Int).Exp(ba, bb, nil)), nil
}

// bigToFloat converts with CPython's OverflowError.
func bigToFloat(v *big.Int) (float64, error) {
	if v.IsInt64() {
		return float64(v.Int64()), nil
	}
	f, _ := new(big.Float).SetInt(v).Float64()
	if math.IsInf(f, 0) {
		return 0, NewError(OverflowErrorType, "int too large to convert to float")
	}
	return f, nil
}

// intToFloat converts an int-like object to float64.
func intToFloat(o Object) (float64, error) {
	v, ok, big := asInt64(o)
	if ok && !big {
		return float64(v), nil
	}
	b, _ := asBig(o)
	return bigToFloat(b)
}

// intString returns the decimal representation.
func intString(o Object) string {
	switch x := unwrap(o).(type) {
	case Int:
		return strconv.FormatInt(int64(x), 10)
	case Bool:
		if x {
			return "1"
		}
		return "0"
	case *BigInt:
		return x.v.String()
	}
	return "?"
}

func intCompare(a, b Object, op CompareOp) (Object, bool) {
	x, okx, bx := asInt64(a)
	y, oky, by := asInt64(b)
	if !okx || !oky {
		return nil, false
	}
	var c int
	if !bx && !by {
		switch {
		case x < y:
			c = -1
		case x > y:
			c = 1
		}
	} else {
		ba, _ := asBig(a)
		bb, _ := asBig(b)
		c = ba.Cmp(bb)
	}
	return NewBool(cmpResult(c, op)), true
}

func cmpResult(c int, op CompareOp) bool {
	switch op {
	case LT:
		return c < 0
	case LE:
		return c <= 0
	case EQ:
		return c == 0
	case NE:
		return c != 0
	case GT:
		return c > 0
	}
	return c >= 0
}

// NewInt returns an int object for v.
func NewInt(v int64) Object { return Int(v) }
