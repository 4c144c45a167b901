package compile

import (
	"math"
	"math/big"

	"freepy/interp/syntax"
)

// Constant folding of the simple cases CPython's AST optimizer handles:
// unary operators on constants (-1, ~0, not x), +, -, * on numbers, + on
// str and bytes, and a constant str, bytes or tuple indexed by a constant
// int. Anything that could raise, or produce a large value, is left for
// run time.

func (c *compiler) foldConst(e syntax.Expr) (Const, bool) {
	switch x := e.(type) {
	case *syntax.UnaryOp:
		v, ok := c.constOf(x.Operand)
		if !ok {
			return nil, false
		}
		return foldUnary(x.Op, v)
	case *syntax.BinOp:
		l, ok := c.constOf(x.Left)
		if !ok {
			return nil, false
		}
		r, ok := c.constOf(x.Right)
		if !ok {
			return nil, false
		}
		return foldBinary(x.Op, l, r)
	case *syntax.Subscript:
		if x.Ctx != syntax.Load {
			return nil, false
		}
		v, ok := c.constOf(x.Value)
		if !ok {
			return nil, false
		}
		i, ok := c.constOf(x.Slice)
		if !ok {
			return nil, false
		}
		return foldSubscript(v, i)
	}
	return nil, false
}

// foldSubscript is a constant str, bytes or tuple indexed by a constant
// int (b'!'[0], as CPython's optimizer folds it); an index out of range
// is left to raise at run time.
func foldSubscript(v, idx Const) (Const, bool) {
	b, ok := toBig(idx)
	if !ok || !b.IsInt64() {
		return nil, false
	}
	i := b.Int64()
	at := func(n int) (int, bool) {
		j := i
		if j < 0 {
			j += int64(n)
		}
		return int(j), j >= 0 && j < int64(n)
	}
	switch v := v.(type) {
	case string:
		r := []rune(v)
		if j, ok := at(len(r)); ok {
			return string(r[j]), true
		}
	case Str:
		if j, ok := at(len(v)); ok {
			if r := v[j]; r < 0xd800 || r > 0xdfff {
				return string(r), true
			}
			return Str{v[j]}, true
		}
	case Bytes:
		if j, ok := at(len(v)); ok {
			return int64(v[j]), true
		}
	case Tuple:
		if j, ok := at(len(v)); ok {
			return v[j], true
		}
	}
	return nil, false
}

// toBig returns an int constant (or bool) as a big.Int.
func toBig(v Const) (*big.Int, bool) {
	switch v := v.(type) {
	case bool:
		if v {
			return big.NewInt(1), true
		}
		return big.NewInt(0), true
	case int64:
		return big.NewInt(v), true
	case *big.Int:
		return new(big.Int).Set(v), true
	}
	return nil, false
}

// normInt returns the int64 form of b when it fits.
func normInt(b *big.Int) Const {
	if b.IsInt64() {
		return b.Int64()
	}
	return b
}

func foldUnary(op syntax.UnaryOperator, v Const) (Const, bool) {
	if op == syntax.Not {
		return !constTruthy(v), true
	}
	if b, ok := toBig(v); ok {
		switch op {
		case syntax.USub:
			return normInt(b.Neg(b)), true
		case syntax.UAdd:
			return normInt(b), true
		case syntax.Invert:
			return normInt(b.Not(b)), true
		}
		return nil, false
	}
	switch v := v.(type) {
	case float64:
		switch op {
		case syntax.USub:
			return -v, true
		case syntax.UAdd:
			return v, true
		}
	case complex128:
		switch op {
		case syntax.USub:
			return complex(-real(v), -imag(v)), true
		case syntax.UAdd:
			return v, true
		}
	}
	return nil, false
}

// maxFoldBits bounds folded integer results (CPython's MAX_INT_SIZE).
const maxFoldBits = 128

func foldBinary(op syntax.Operator, l, r Const) (Const, bool) {
	if op != syntax.Add && op != syntax.Sub && op != syntax.Mult {
		return nil, false
	}
	lb, lok := toBig(l)
	rb, rok := toBig(r)
	if lok && rok {
		var res *big.Int
		switch op {
		case syntax.Add:
			res = new(big.Int).Add(lb, rb)
		case syntax.Sub:
			res = new(big.Int).Sub(lb, rb)
		case syntax.Mult:
			if lb.BitLen()+rb.BitLen() > maxFoldBits {
				return nil, false
			}
			res = new(big.Int).Mul(lb, rb)
		}
		return normInt(res), true
	}
	if op == syntax.Add {
		switch lv := l.(type) {
		case string:
			if rv, ok := r.(string); ok && len(lv)+len(rv) <= 4096 {
				return lv + rv, true
			}
			return nil, false
		case Bytes:
			if rv, ok := r.(Bytes); ok && len(lv)+len(rv) <= 4096 {
				return append(append(Bytes{}, lv...), rv...), true
			}
			return nil, false
		}
	}
	lf, lk := toFloatish(l)
	rf, rk := toFloatish(r)
	if lk == 0 || rk == 0 {
		return nil, false
	}
	if lk == 2 || rk == 2 {
		if op == syntax.Mult {
			return nil, false
		}
		if op == syntax.Add {
			return lf + rf, true
		}
		return lf - rf, true
	}
	a, b := real(lf), real(rf)
	switch op {
	case syntax.Add:
		return a + b, true
	case syntax.Sub:
		return a - b, true
	default:
		return a * b, true
	}
}

// toFloatish converts a number for mixed arithmetic: kind 1 float, 2
// complex, 0 not convertible exactly.
func toFloatish(v Const) (complex128, int) {
	switch v := v.(type) {
	case bool:
		if v {
			return 1, 1
		}
		return 0, 1
	case int64:
		if v > 1<<53 || v < -(1<<53) {
			return 0, 0
		}
		return complex(float64(v), 0), 1
	case float64:
		if math.IsNaN(v) {
			return 0, 0
		}
		return complex(v, 0), 1
	case complex128:
		return v, 2
	}
	return 0, 0
}

// constTruthy is the truth value of a constant.
func constTruthy(v Const) bool {
	switch v := v.(type) {
	case nil:
		return false
	case bool:
		return v
	case int64:
		return v != 0
	case *big.Int:
		return v.Sign() != 0
	case float64:
		return v != 0
	case complex128:
		return v != 0
	case string:
		return v != ""
	case Str:
		return len(v) > 0
	case Bytes:
		return len(v) > 0
	case Tuple:
		return len(v) > 0
	case FrozenSet:
		return len(v) > 0
	}
	return true
}
