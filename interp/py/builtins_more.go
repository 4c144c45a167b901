package py

import (
	"math"
	"math/big"

	"freepy/interp/pyfmt"
)

// The builtin functions beyond the core set of builtins.go: min/max, sum,
// all/any, round, divmod, pow, bin/oct/hex, dir, vars, breakpoint, help.
// The iterator types (enumerate, zip, map, filter, reversed) live in
// iterators.go and memoryview in memoryview.go; installExtraBuiltins puts
// them all into the builtins module.

// extraBuiltins are the functions added by this file.
var extraBuiltins = map[string]BuiltinFunc{
	"min": func(t *Thread, _ Object, a []Object, kw []string) (Object, error) { return minMax(t, a, kw, "min", LT) },
	"max": func(t *Thread, _ Object, a []Object, kw []string) (Object, error) { return minMax(t, a, kw, "max", GT) },
	"sum": builtinSum,
	"all": func(t *Thread, _ Object, a []Object, kw []string) (Object, error) {
		return allAny(t, a, kw, "all", true)
	},
	"any": func(t *Thread, _ Object, a []Object, kw []string) (Object, error) {
		return allAny(t, a, kw, "any", false)
	},
	"round":  builtinRound,
	"divmod": builtinDivmod,
	"pow":    builtinPow,
	"bin": func(t *Thread, _ Object, a []Object, kw []string) (Object, error) {
		return intToBase(t, a, kw, "bin", 2)
	},
	"oct": func(t *Thread, _ Object, a []Object, kw []string) (Object, error) {
		return intToBase(t, a, kw, "oct", 8)
	},
	"hex": func(t *Thread, _ Object, a []Object, kw []string) (Object, error) {
		return intToBase(t, a, kw, "hex", 16)
	},
	"dir":        builtinDir,
	"vars":       builtinVars,
	"breakpoint": builtinBreakpoint,
	"help":       builtinHelp,
}

// extraBuiltinTypes are the types added to the builtins module here.
var extraBuiltinTypes []*Type

// installExtraBuiltins adds this file's functions and types to the
// builtins module (called from initBuiltins).
func installExtraBuiltins(m *Module) {
	for name, fn := range extraBuiltins {
		m.AddFunc(name, fn)
	}
	for _, typ := range extraBuiltinTypes {
		m.dict.SetStr(typ.Name(), typ)
	}
}

// minMax is min() and max(): op is LT for min (an item replaces the best
// so far when item < best) and GT for max.
func minMax(t *Thread, args []Object, kw []string, name string, op CompareOp) (Object, error) {
	npos := len(args) - len(kw)
	var key, dflt Object
	for i, k := range kw {
		v := args[npos+i]
		switch k {
		case "key":
			if v != None {
				key = v
			}
		case "default":
			dflt = v
		default:
			return nil, TypeErrorf("'%s' is an invalid keyword argument for %s()", k, name)
		}
	}
	if npos == 0 {
		return nil, TypeErrorf("%s expected at least 1 argument, got 0", name)
	}
	var items Object
	if npos == 1 {
		items = args[0]
	} else {
		if dflt != nil {
			return nil, TypeErrorf("Cannot specify a default for %s() with multiple positional arguments", name)
		}
		items = NewTuple(append([]Object(nil), args[:npos]...)...)
	}
	var best, bestKey Object
	err := Iterate(t, items, func(v Object) (bool, error) {
		k := v
		if key != nil {
			var err error
			if k, err = Call1(t, key, v); err != nil {
				return false, err
			}
		}
		if best == nil {
			best, bestKey = v, k
			return true, nil
		}
		better, err := RichCompareBool(t, k, bestKey, op)
		if err != nil {
			return false, err
		}
		if better {
			best, bestKey = v, k
		}
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	if best == nil {
		if dflt != nil {
			return dflt, nil
		}
		return nil, ValueErrorf("%s() arg is an empty sequence", name)
	}
	return best, nil
}

// builtinSum is sum(iterable, /, start=0). CPython 3.11 adds floats in
// order without compensation, so generic addition gives the same result.
func builtinSum(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	var it, start Object
	if err := ParseArgs("sum", args, kw, []string{"", "start"}, 1, &it, &start); err != nil {
		return nil, err
	}
	if start == nil {
		start = Int(0)
	}
	switch unwrap(start).(type) {
	case *Str:
		return nil, TypeErrorf("sum() can't sum strings [use ''.join(seq) instead]")
	case *Bytes:
		return nil, TypeErrorf("sum() can't sum bytes [use b''.join(seq) instead]")
	}
	if start.Type() == ByteArrayType {
		return nil, TypeErrorf("sum() can't sum bytearray [use b''.join(seq) instead]")
	}
	// While the total is an int64 (or a float) it is kept unboxed, as
	// CPython's sum keeps a C long or double: boxing every partial
	// total above 255 allocated once per item.
	const (
		sumAny = iota
		sumInt
		sumFloat
	)
	acc := start
	mode := sumAny
	var iacc int64
	var facc float64
	if x, ok := start.(Int); ok {
		mode, iacc = sumInt, int64(x)
	}
	err := Iterate(t, it, func(v Object) (bool, error) {
		switch mode {
		case sumInt:
			if y, ok := v.(Int); ok {
				if s := iacc + int64(y); (s > iacc) == (y > 0) {
					iacc = s
					return true, nil
				}
			}
			acc, mode = Int(iacc), sumAny
		case sumFloat:
			if y, ok := v.(Float); ok {
				facc += float64(y)
				return true, nil
			}
			acc, mode = Float(facc), sumAny
		}
		if x, ok := acc.(Float); ok {
			if y, ok := v.(Float); ok {
				facc, mode = float64(x)+float64(y), sumFloat
				return true, nil
			}
		}
		r, err := BinaryOp(t, acc, v, NbAdd)
		if err != nil {
			return false, err
		}
		switch x := r.(type) {
		case Int:
			iacc, mode = int64(x), sumInt
		case Float:
			facc, mode = float64(x), sumFloat
		default:
			acc = r
		}
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	switch mode {
	case sumInt:
		return t.boxInt(iacc), nil
	case sumFloat:
		return t.boxFloat(facc), nil
	}
	return acc, nil
}

func allAny(t *Thread, args []Object, kw []string, name string, all bool) (Object, error) {
	var it Object
	if err := oneArgCheck(name, args, kw); err != nil {
		return nil, err
	}
	it = args[0]
	result := all
	err := Iterate(t, it, func(v Object) (bool, error) {
		b, err := IsTrue(t, v)
		if err != nil {
			return false, err
		}
		if b != all {
			result = !all
			return false, nil
		}
		return true, nil
	})
	if err != nil {
		return nil, err
	}
	return Bool(result), nil
}

// oneArgCheck validates a builtin taking exactly one positional argument.
func oneArgCheck(name string, args []Object, kw []string) error {
	if len(kw) > 0 {
		return TypeErrorf("%s() takes no keyword arguments", name)
	}
	if len(args) != 1 {
		return TypeErrorf("%s() takes exactly one argument (%d given)", name, len(args))
	}
	return nil
}

// builtinRound is round(number, ndigits=None).
func builtinRound(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	var x, nd Object
	if len(args) > 2 {
		return nil, TypeErrorf("round() takes at most 2 arguments (%d given)", len(args))
	}
	hasNumber := len(args) > len(kw)
	for _, k := range kw {
		hasNumber = hasNumber || k == "number"
	}
	if !hasNumber {
		return nil, TypeErrorf("round() missing required argument 'number' (pos 1)")
	}
	if err := ParseArgs("round", args, kw, []string{"number", "ndigits"}, 1, &x, &nd); err != nil {
		return nil, err
	}
	if nd == None {
		nd = nil
	}
	switch v := x.(type) {
	case Float:
		return floatRound(t, float64(v), nd)
	case Int, *BigInt, Bool:
		return intRound(t, v, nd)
	}
	var r Object
	var found bool
	var err error
	if nd == nil {
		r, found, err = callSpecial(t, x, "__round__")
	} else {
		r, found, err = callSpecial(t, x, "__round__", nd)
	}
	if !found {
		return nil, TypeErrorf("type %s doesn't define __round__ method", typeName(x))
	}
	return r, err
}

// floatRound is float.__round__.
func floatRound(t *Thread, x float64, nd Object) (Object, error) {
	if nd == nil {
		v, err := pyfmt.RoundFloatToInt(x)
		if err != nil {
			return nil, fromPyfmt(err)
		}
		return intFromBig(v), nil
	}
	n, err := clampedIndex(t, nd)
	if err != nil {
		return nil, err
	}
	r, err := pyfmt.RoundFloat(x, n)
	if err != nil {
		return nil, fromPyfmt(err)
	}
	return Float(r), nil
}

// clampedIndex is an index clamped to the int range (CPython's
// PyNumber_AsSsize_t with no overflow exception).
func clampedIndex(t *Thread, o Object) (int, error) {
	v, err := Index(t, o)
	if err != nil {
		return 0, err
	}
	if i, ok := v.(Int); ok {
		return int(i), nil
	}
	if b, _ := asBig(v); b.Sign() < 0 {
		return math.MinInt64, nil
	}
	return math.MaxInt64, nil
}

// intRound is int.__round__: half to even at 10**-ndigits.
func intRound(t *Thread, x Object, nd Object) (Object, error) {
	x = unwrapInt(x)
	if nd == nil {
		return x, nil
	}
	nv, err := Index(t, nd)
	if err != nil {
		return nil, err
	}
	n, _ := asBig(nv)
	if n.Sign() >= 0 {
		return x, nil
	}
	if !n.IsInt64() || n.Int64() < -100000 {
		// 10**-n exceeds any int that can be stored here
		if nb, _ := asBig(x); nb.BitLen() < 300000 {
			return Int(0), nil
		}
	}
	pow10 := new(big.Int).Exp(big.NewInt(10), new(big.Int).Neg(n), nil)
	xb, _ := asBig(x)
	q, r := new(big.Int), new(big.Int)
	q.DivMod(xb, pow10, r) // Euclidean: r >= 0
	// round half to even
	twice := new(big.Int).Lsh(r, 1)
	c := twice.Cmp(pow10)
	if c > 0 || (c == 0 && q.Bit(0) == 1) {
		q.Add(q, big.NewInt(1))
	}
	return intFromBig(q.Mul(q, pow10)), nil
}

// builtinDivmod is divmod(a, b).
func builtinDivmod(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	if len(kw) > 0 {
		return nil, TypeErrorf("divmod() takes no keyword arguments")
	}
	if len(args) != 2 {
		return nil, TypeErrorf("divmod expected 2 arguments, got %d", len(args))
	}
	return Divmod(t, args[0], args[1])
}

// Divmod is divmod(a, b): native ints and floats directly, otherwise
// __divmod__ / __rdivmod__ with the usual subclass priority.
func Divmod(t *Thread, a, b Object) (Object, error) {
	if r, ok, err := numDivmod(a, b); ok {
		return r, err
	}
	ta, tb := a.Type(), b.Type()
	tryR := func() (Object, bool, error) {
		if tb == ta {
			return nil, false, nil
		}
		r, found, err := callSpecial(t, b, "__rdivmod__", a)
		if err != nil || (found && r != NotImplemented) {
			return r, true, err
		}
		return nil, false, nil
	}
	rdone := false
	if tb != ta && tb.IsSubtype(ta) {
		rdone = true
		if r, ok, err := tryR(); ok {
			return r, err
		}
	}
	r, found, err := callSpecial(t, a, "__divmod__", b)
	if err != nil || (found && r != NotImplemented) {
		return r, err
	}
	if !rdone {
		if r, ok, err := tryR(); ok {
			return r, err
		}
	}
	return nil, TypeErrorf("unsupported operand type(s) for divmod(): '%s' and '%s'", typeName(a), typeName(b))
}

// numDivmod handles exact ints and floats (ok false otherwise).
func numDivmod(a, b Object) (Object, bool, error) {
	switch a.(type) {
	case Int, *BigInt, Bool, Float:
	default:
		return nil, false, nil
	}
	switch b.(type) {
	case Int, *BigInt, Bool, Float:
	default:
		return nil, false, nil
	}
	r, err := divmodValues(a, b)
	return r, r != NotImplemented, err
}

// divmodValues is divmod for int/float values (possibly unwrapped from
// subclass instances); NotImplemented for other operands.
func divmodValues(a, b Object) (Object, error) {
	if isIntLike(a) && isIntLike(b) {
		x, _, bx := asInt64(a)
		y, _, by := asInt64(b)
		if !bx && !by {
			if y == 0 {
				return nil, NewError(ZeroDivisionErrorType, "integer division or modulo by zero")
			}
			q, r := floorDivMod(x, y)
			return NewTuple(q, r), nil
		}
		ba, _ := asBig(a)
		bb, _ := asBig(b)
		if bb.Sign() == 0 {
			return nil, NewError(ZeroDivisionErrorType, "integer division or modulo by zero")
		}
		q, r := bigFloorDivMod(ba, bb)
		return NewTuple(q, r), nil
	}
	if !isFloatLike(a) && !isFloatLike(b) {
		return NotImplemented, nil
	}
	x, okx, err := asFloat(a)
	if err != nil {
		return nil, err
	}
	y, oky, err := asFloat(b)
	if err != nil {
		return nil, err
	}
	if !okx || !oky {
		return NotImplemented, nil
	}
	if y == 0 {
		return nil, NewError(ZeroDivisionErrorType, "float divmod()")
	}
	q, m := floatDivMod(x, y)
	return NewTuple(Float(q), Float(m)), nil
}

// builtinPow is pow(base, exp, mod=None).
func builtinPow(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	var base, exp, mod Object
	if err := ParseArgs("pow", args, kw, []string{"base", "exp", "mod"}, 2, &base, &exp, &mod); err != nil {
		return nil, err
	}
	if mod == nil || mod == None {
		return BinaryOp(t, base, exp, NbPow)
	}
	return Pow3(t, base, exp, mod)
}

// Pow3 is pow(a, b, c) with a modulus, in CPython's ternary_op order:
// the left operand's slot, the middle one's (first when its type is a
// subclass of the left's), then the modulus's, each slot tried once. A
// class that defines __pow__ in Python has that as its slot; it calls
// a.__pow__(b, c) only when a is such an instance (three-argument pow
// never calls __rpow__).
func Pow3(t *Thread, a, b, c Object) (Object, error) {
	ta, tb, tc := a.Type(), b.Type(), c.Type()
	sa, sb, sc := pow3Slot(ta), pow3Slot(tb), pow3Slot(tc)
	same := func(x, y TernaryFunc) bool {
		return x != nil && y != nil && closurePtr(x) == closurePtr(y)
	}
	if tb == ta || same(sa, sb) {
		sb = nil
	}
	if same(sc, sa) || same(sc, sb) {
		sc = nil
	}
	if sa != nil {
		if sb != nil && tb.IsSubtype(ta) {
			if r, err := sb(t, a, b, c); err != nil || r != NotImplemented {
				return r, err
			}
			sb = nil
		}
		if r, err := sa(t, a, b, c); err != nil || r != NotImplemented {
			return r, err
		}
	}
	for _, f := range []TernaryFunc{sb, sc} {
		if f != nil {
			if r, err := f(t, a, b, c); err != nil || r != NotImplemented {
				return r, err
			}
		}
	}
	return nil, TypeErrorf("unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'", typeName(a), typeName(b), typeName(c))
}

// pow3Slot is typ's three-argument pow: pow3Python for a class defining
// __pow__ or __rpow__ in Python, else its built-in Pow3 (nil for none).
func pow3Slot(typ *Type) TernaryFunc {
	if isSlotBinary(LoadPtr(&typ.Num[NbPow]), NbPow) {
		return pow3Python
	}
	return LoadPtr(&typ.Pow3)
}

// pow3Python is CPython's slot_nb_power with a modulus.
func pow3Python(t *Thread, a, b, c Object) (Object, error) {
	if !isSlotBinary(LoadPtr(&a.Type().Num[NbPow]), NbPow) {
		return NotImplemented, nil
	}
	r, found, err := callSpecial(t, a, "__pow__", b, c)
	if !found {
		return NotImplemented, nil
	}
	return r, err
}

// intToBase is bin(), oct() and hex().
func intToBase(t *Thread, args []Object, kw []string, name string, base int) (Object, error) {
	if err := oneArgCheck(name, args, kw); err != nil {
		return nil, err
	}
	v, err := Index(t, args[0])
	if err != nil {
		return nil, err
	}
	if i, ok := v.(Int); ok {
		return newASCIIStr(pyfmt.Int64ToString(int64(i), base)), nil
	}
	b, _ := asBig(v)
	s, err := pyfmt.IntToString(b, base)
	if err != nil {
		return nil, fromPyfmt(err)
	}
	return newASCIIStr(s), nil
}

// builtinDir is dir([object]).
func builtinDir(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	if len(kw) > 0 {
		return nil, TypeErrorf("dir() takes no keyword arguments")
	}
	if len(args) > 1 {
		return nil, TypeErrorf("dir expected at most 1 argument, got %d", len(args))
	}
	var names []Object
	if len(args) == 0 {
		locals := frameLocals(t, t.frame)
		ks, err := ToSlice(t, locals)
		if err != nil {
			return nil, err
		}
		names = ks
	} else {
		o := args[0]
		r, found, err := callSpecial(t, o, "__dir__")
		if err != nil {
			return nil, err
		}
		if !found {
			if names, err = dirOf(t, o); err != nil {
				return nil, err
			}
		} else if names, err = ToSlice(t, r); err != nil {
			return nil, err
		}
	}
	l := NewList(names...)
	if err := listSort(t, l, nil, nil); err != nil {
		return nil, err
	}
	return l, nil
}

// builtinVars is vars([object]).
func builtinVars(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	if len(kw) > 0 {
		return nil, TypeErrorf("vars() takes no keyword arguments")
	}
	switch len(args) {
	case 0:
		return frameLocals(t, t.frame), nil
	case 1:
		d, err := GetAttr(t, args[0], Intern("__dict__"))
		if err != nil {
			if IsInstanceOf(err, AttributeErrorType) {
				return nil, TypeErrorf("vars() argument must have __dict__ attribute")
			}
			return nil, err
		}
		return d, nil
	}
	return nil, TypeErrorf("vars expected at most 1 argument, got %d", len(args))
}

// builtinHelp is a minimal help(): it prints the object's docstring.
func builtinHelp(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	out := t.interp.Sys.dict.GetStr("stdout")
	if len(args) == 0 {
		return None, WriteTo(t, out, "Type help(object) for help about object.\n")
	}
	o := args[0]
	name := typeName(o)
	if n, _ := GetAttrOpt(t, o, Intern("__name__")); n != nil {
		if s, ok := n.(*Str); ok {
			name = s.s
		}
	}
	text := "Help on " + name + ":\n\n"
	if d, _ := GetAttrOpt(t, o, Intern("__doc__")); d != nil {
		if s, ok := d.(*Str); ok {
			text += s.s + "\n"
		}
	}
	return None, WriteTo(t, out, text+"\n")
}
