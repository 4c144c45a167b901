package py

import (
	"fmt"
	"freepy/interp/pyfmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode"
)

func init() {
	for op := 0; op < numBinary; op++ {
		op := op
		if op == NbMatMul {
			continue // int has no @ (no __matmul__ in its dict)
		}
		IntType.Num[op] = func(t *Thread, a, b Object) (Object, error) { return intBinary(t, op, a, b) }
	}
	IntType.Pow3 = func(t *Thread, a, b, m Object) (Object, error) {
		if !isIntLike(a) || !isIntLike(b) || !isIntLike(m) {
			return NotImplemented, nil
		}
		if bb, _ := asBig(b); bb.Sign() < 0 {
			return intPow(t, a, b, m)
		}
		return intPow(t, a, b, m)
	}
	IntType.Neg = func(t *Thread, o Object) (Object, error) {
		v, _, big := asInt64(o)
		if !big && v != math.MinInt64 {
			return t.boxIntOrNil(-v), nil
		}
		b, _ := asBig(o)
		return intFromBig(new(bigInt).Neg(b)), nil
	}
	IntType.Pos = func(t *Thread, o Object) (Object, error) { return unwrapInt(o), nil }
	IntType.Abs = func(t *Thread, o Object) (Object, error) {
		v, _, big := asInt64(o)
		if !big && v != math.MinInt64 {
			return t.boxIntOrNil(absI(v)), nil
		}
		b, _ := asBig(o)
		return intFromBig(new(bigInt).Abs(b)), nil
	}
	IntType.Invert = func(t *Thread, o Object) (Object, error) {
		v, _, big := asInt64(o)
		if !big {
			return Int(^v), nil
		}
		b, _ := asBig(o)
		return intFromBig(new(bigInt).Not(b)), nil
	}
	IntType.Index = func(t *Thread, o Object) (Object, error) { return unwrapInt(o), nil }
	IntType.Int = IntType.Index
	IntType.Float = func(t *Thread, o Object) (Object, error) {
		f, err := intToFloat(o)
		return Float(f), err
	}
	IntType.Bool = func(t *Thread, o Object) (bool, error) {
		v, _, big := asInt64(o)
		return big || v != 0, nil
	}
	IntType.Hash = func(t *Thread, o Object) (int64, error) {
		switch x := unwrap(o).(type) {
		case Int:
			return hashInt(int64(x)), nil
		case Bool:
			return boolToInt(x), nil
		case *BigInt:
			return hashBig(&x.v), nil
		}
		return 0, nil
	}
	IntType.RichCompare = func(t *Thread, a, b Object, op CompareOp) (Object, error) {
		if r, ok := intCompare(a, b, op); ok {
			return r, nil
		}
		if isFloatLike(b) {
			r, _ := floatCompare(a, b, op)
			return r, nil
		}
		return NotImplemented, nil
	}
	IntType.Repr = func(t *Thread, o Object) (Object, error) {
		if x, ok := o.(Int); ok {
			// an int64 has fewer digits than any sys.set_int_max_str_digits
			// limit allows
			var tmp [24]byte
			return t.asciiStrFromBytes(strconv.AppendInt(tmp[:0], int64(x), 10)), nil
		}
		s := intString(o)
		if lim := int(intMaxStrDigits.Load()); lim > 0 && len(s) > lim && (len(s) > lim+1 || s[0] != '-') {
			return nil, ValueErrorf("Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", lim)
		}
		return newASCIIStr(s), nil
	}
	IntType.New = intNew
	IntType.Flags.Or(FlagLongSub)

	BoolType.Repr = func(t *Thread, o Object) (Object, error) {
		if unwrap(o).(Bool) {
			return Intern("True"), nil
		}
		return Intern("False"), nil
	}
	for _, op := range []int{NbAnd, NbOr, NbXor} {
		op := op
		BoolType.Num[op] = func(t *Thread, a, b Object) (Object, error) {
			x, ok1 := a.(Bool)
			y, ok2 := b.(Bool)
			if ok1 && ok2 {
				switch op {
				case NbAnd:
					return Bool(x && y), nil
				case NbOr:
					return Bool(x || y), nil
				}
				return Bool(x != y), nil
			}
			return intBinary(t, op, a, b)
		}
	}
	BoolType.New = func(t *Thread, _ *Type, args []Object, kw []string) (Object, error) {
		if len(kw) > 0 {
			return nil, TypeErrorf("bool() takes no keyword arguments")
		}
		if len(args) > 1 {
			return nil, TypeErrorf("bool expected at most 1 argument, got %d", len(args))
		}
		if len(args) == 0 {
			return False, nil
		}
		b, err := IsTrue(t, args[0])
		return Bool(b), err
	}
	BoolType.Flags.And(^uint64(FlagBaseType))

	// float has the arithmetic operators only (no &, |, ^, <<, >>, @):
	// the others are absent from its dict, as in CPython
	for _, op := range []int{NbAdd, NbSub, NbMul, NbTrueDiv, NbFloorDiv, NbMod, NbPow} {
		op := op
		FloatType.Num[op] = func(t *Thread, a, b Object) (Object, error) { return floatBinary(op, a, b) }
	}
	FloatType.Neg = func(t *Thread, o Object) (Object, error) { f, _, _ := asFloat(o); return Float(-f), nil }
	FloatType.Pos = func(t *Thread, o Object) (Object, error) { f, _, _ := asFloat(o); return Float(f), nil }
	FloatType.Abs = func(t *Thread, o Object) (Object, error) { f, _, _ := asFloat(o); return Float(math.Abs(f)), nil }
	FloatType.Bool = func(t *Thread, o Object) (bool, error) { f, _, _ := asFloat(o); return f != 0, nil }
	FloatType.Float = func(t *Thread, o Object) (Object, error) { f, _, _ := asFloat(o); return Float(f), nil }
	FloatType.Int = func(t *Thread, o Object) (Object, error) {
		f, _, _ := asFloat(o)
		return floatToInt(f)
	}
	FloatType.Hash = func(t *Thread, o Object) (int64, error) { f, _, _ := asFloat(o); return hashFloat(f), nil }
	FloatType.RichCompare = func(t *Thread, a, b Object, op CompareOp) (Object, error) {
		if r, ok := floatCompare(a, b, op); ok {
			return r, nil
		}
		return NotImplemented, nil
	}
	FloatType.Repr = func(t *Thread, o Object) (Object, error) {
		f, _, _ := asFloat(o)
		return newASCIIStr(pyfmt.FloatRepr(f)), nil
	}
	FloatType.New = floatNew

	// complex: no //, % (gone since 3.10), nor the bitwise operators
	for _, op := range []int{NbAdd, NbSub, NbMul, NbTrueDiv, NbPow} {
		op := op
		ComplexType.Num[op] = func(t *Thread, a, b Object) (Object, error) { return complexBinary(op, a, b) }
	}
	ComplexType.Neg = func(t *Thread, o Object) (Object, error) { return -unwrap(o).(Complex), nil }
	ComplexType.Pos = func(t *Thread, o Object) (Object, error) { return unwrap(o).(Complex), nil }
	ComplexType.Abs = func(t *Thread, o Object) (Object, error) {
		c := complex128(unwrap(o).(Complex))
		return Float(libmHypot(real(c), imag(c))), nil
	}
	ComplexType.Bool = func(t *Thread, o Object) (bool, error) { return unwrap(o).(Complex) != 0, nil }
	ComplexType.Hash = func(t *Thread, o Object) (int64, error) {
		c := complex128(unwrap(o).(Complex))
		h := hashFloat(real(c)) + 1000003*hashFloat(imag(c))
		if h == -1 {
			h = -2
		}
		return h, nil
	}
	ComplexType.RichCompare = func(t *Thread, a, b Object, op CompareOp) (Object, error) {
		if op != EQ && op != NE {
			return NotImplemented, nil
		}
		x, ok1 := asComplex(a)
		y, ok2 := asComplex(b)
		if !ok1 || !ok2 {
			return NotImplemented, nil
		}
		return NewBool((x == y) == (op == EQ)), nil
	}
	ComplexType.Repr = func(t *Thread, o Object) (Object, error) {
		c := complex128(unwrap(o).(Complex))
		return newASCIIStr(pyfmt.ComplexRepr(real(c), imag(c))), nil
	}
	registerType(IntType, BoolType, FloatType, ComplexType)
}

type bigInt = big.Int

// floatToInt truncates a float to an int.
func floatToInt(f float64) (Object, error) {
	if math.IsInf(f, 0) {
		return nil, NewError(OverflowErrorType, "cannot convert float infinity to integer")
	}
	if math.IsNaN(f) {
		return nil, ValueErrorf("cannot convert float NaN to integer")
	}
	f = math.Trunc(f)
	if f >= -9.2e18 && f <= 9.2e18 {
		return Int(int64(f)), nil
	}
	b, _ := new(big.Float).SetFloat64(f).Int(nil)
	return intFromBig(b), nil
}

func asComplex(o Object) (complex128, bool) {
	switch x := unwrap(o).(type) {
	case Complex:
		return complex128(x), true
	case Float:
		return complex(float64(x), 0), true
	case Int, Bool, *BigInt:
		f, err := intToFloat(x)
		if err != nil {
			return 0, false
		}
		return complex(f, 0), true
	}
	return 0, false
}

func complexBinary(op int, a, b Object) (Object, error) {
	x, ok1 := asComplex(a)
	y, ok2 := asComplex(b)
	if !ok1 || !ok2 {
		return NotImplemented, nil
	}
	switch op {
	case NbAdd:
		return Complex(x + y), nil
	case NbSub:
		return Complex(x - y), nil
	case NbMul:
		return Complex(x * y), nil
	case NbTrueDiv:
		if y == 0 {
			return nil, NewError(ZeroDivisionErrorType, "complex division by zero")
		}
		return Complex(cQuot(x, y)), nil // CPython's algorithm (complex_methods.go)
	case NbPow:
		return complexPow(x, y)
	case NbFloorDiv, NbMod:
		return nil, TypeErrorf("unsupported operand type(s) for %s: '%s' and '%s'", binaryNames[op].op, typeName(a), typeName(b))
	}
	return NotImplemented, nil
}

// intNew is int(x=0, base=10).
func intNew(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
	var x, base Object
	if npos := len(args) - len(kw); npos > 2 {
		return nil, TypeErrorf("int() takes at most 2 arguments (%d given)", npos)
	}
	if err := ParseArgs("int", args, kw, []string{"", "base"}, 0, &x, &base); err != nil {
		return nil, err
	}
	v, err := intFromArgs(t, x, base)
	if err != nil || typ == IntType {
		return v, err
	}
	return newSubclassInstance(typ, v), nil
}

// warnIntSubclass warns when a conversion method (__int__, __index__)
// returned an instance of a strict subclass of int, as CPython 3.11 does.
func warnIntSubclass(t *Thread, r Object, method string) error {
	if r.Type() == IntType {
		return nil
	}
	msg := fmt.Sprintf("%s returned non-int (type %s).  The ability to return an instance of a strict subclass of int is deprecated, and may be removed in a future version of Python.", method, typeName(r))
	return Warn(t, DeprecationWarningType, msg, 1)
}

func intFromArgs(t *Thread, x, base Object) (Object, error) {
	if x == nil {
		if base != nil {
			return nil, TypeErrorf("int() missing string argument")
		}
		return Int(0), nil
	}
	if base == nil {
		// CPython's PyNumber_Long: exact built-ins first, then the
		// type's __int__ (a subclass of int or float may override it),
		// __index__, __trunc__, and only then the text of a string or a
		// buffer.
		switch v := x.(type) {
		case Int, *BigInt:
			return v, nil
		case Bool:
			return Int(boolToInt(v)), nil
		case Float:
			return floatToInt(float64(v))
		case *Str:
			return parseIntLiteral(v.s, 10, x)
		}
		if f := LoadPtr(&x.Type().Int); f != nil {
			r, err := f(t, x)
			if err != nil {
				return nil, err
			}
			if !isIntLike(r) {
				return nil, TypeErrorf("__int__ returned non-int (type %s)", typeName(r))
			}
			if err := warnIntSubclass(t, r, "__int__"); err != nil {
				return nil, err
			}
			return unwrapInt(r), nil
		}
		if f := LoadPtr(&x.Type().Index); f != nil {
			return Index(t, x)
		}
		if tr, err := lookupSpecial(t, x, "__trunc__"); err == nil && tr != nil {
			if err := Warn(t, DeprecationWarningType, "The delegation of int() to __trunc__ is deprecated.", 1); err != nil {
				return nil, err
			}
			r, err := Call0(t, tr)
			if err != nil {
				return nil, err
			}
			if isIntLike(r) {
				return unwrapInt(r), nil
			}
			if LoadPtr(&r.Type().Index) == nil {
				return nil, TypeErrorf("__trunc__ returned non-Integral (type %s)", typeName(r))
			}
			return Index(t, r)
		}
		switch v := unwrap(x).(type) {
		case *Str:
			return parseIntLiteral(v.s, 10, x)
		case *Bytes:
			return parseIntLiteral(string(v.b), 10, x)
		case *ByteArray:
			return parseIntLiteral(string(v.snapshot()), 10, x)
		}
		if b, ok := bytesLike(x); ok {
			// a buffer's error shows its bytes, as CPython's copy does
			return parseIntLiteral(string(b), 10, NewBytes(b))
		}
		return nil, TypeErrorf("int() argument must be a string, a bytes-like object or a real number, not '%s'", typeName(x))
	}
	b, err := AsInt64(t, base)
	if err != nil {
		if !IsInstanceOf(err, OverflowErrorType) {
			return nil, err
		}
		// CPython saturates the base, so a huge one is out of range
		b = -1
	}
	if b != 0 && (b < 2 || b > 36) {
		return nil, ValueErrorf("int() base must be >= 2 and <= 36, or 0")
	}
	switch v := unwrap(x).(type) {
	case *Str:
		return parseIntLiteral(v.s, int(b), x)
	case *Bytes:
		return parseIntLiteral(string(v.b), int(b), x)
	case *ByteArray:
		return parseIntLiteral(string(v.snapshot()), int(b), x)
	}
	return nil, TypeErrorf("int() can't convert non-string with explicit base")
}

// intMaxStrDigits is sys.get_int_max_str_digits(): the longest decimal
// string int() and str() convert (0 means no limit), guarding against
// quadratic-time conversions as CPython 3.11 does.
var intMaxStrDigits atomic.Int64

func init() { intMaxStrDigits.Store(4300) }

// digitValue is the value of an ASCII digit in bases up to 36, or 99.
func digitValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return 99
}

// parseIntLiteral implements int(str, base) with CPython's rules.
func parseIntLiteral(s string, base int, orig Object) (Object, error) {
	bad := func() error {
		r, _ := ReprString(nil, orig)
		return ValueErrorf("invalid literal for int() with base %d: %s", base, r)
	}
	str := strings.TrimSpace(s)
	neg := false
	if len(str) > 0 && (str[0] == '+' || str[0] == '-') {
		neg = str[0] == '-'
		str = str[1:]
	}
	b := base
	if len(str) > 1 && str[0] == '0' {
		p := str[1] | 0x20
		if (p == 'x' && (base == 16 || base == 0)) || (p == 'o' && (base == 8 || base == 0)) || (p == 'b' && (base == 2 || base == 0)) {
			b = map[byte]int{'x': 16, 'o': 8, 'b': 2}[p]
			str = str[2:]
			if len(str) > 0 && str[0] == '_' {
				str = str[1:]
			}
		}
	}
	if b == 0 {
		b = 10
		if len(str) > 1 && str[0] == '0' {
			if strings.Trim(str, "0_") != "" {
				return nil, bad()
			}
		}
	}
	if str == "" || str[0] == '_' || str[len(str)-1] == '_' || strings.Contains(str, "__") {
		return nil, bad()
	}
	clean := strings.ReplaceAll(str, "_", "")
	for _, r := range clean {
		if r >= 0x80 {
			// non-ASCII digits (e.g. Arabic-Indic) are allowed by CPython
			clean = normalizeDigits(clean)
			break
		}
	}
	if lim := int(intMaxStrDigits.Load()); lim > 0 && b&(b-1) != 0 && len(clean) > lim {
		// CPython counts the leading run of valid digits before it
		// rejects anything else, so an over-long bad literal reports
		// the limit too.
		n := 0
		for n < len(clean) && digitValue(clean[n]) < b {
			n++
		}
		if n > lim {
			return nil, ValueErrorf("Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit", lim, n)
		}
	}
	if v, err := strconv.ParseInt(clean, b, 64); err == nil {
		if neg {
			v = -v
		}
		return Int(v), nil
	}
	v, ok := new(big.Int).SetString(clean, b)
	if !ok {
		return nil, bad()
	}
	if neg {
		v.Neg(v)
	}
	return intFromBig(v), nil
}

// normalizeDigits maps Unicode decimal digits to ASCII.
func normalizeDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if d := unicodeDigit(r); d >= 0 {
			b.WriteByte(byte('0' + d))
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func unicodeDigit(r rune) int {
	if !unicode.Is(unicode.Nd, r) {
		return -1
	}
	// every run of decimal digits in the table starts at a zero
	for _, rg := range unicode.Nd.R16 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	for _, rg := range unicode.Nd.R32 {
		if r >= rune(rg.Lo) && r <= rune(rg.Hi) {
			return int(r-rune(rg.Lo)) % 10
		}
	}
	return -1
}

// floatNew is float(x=0.0).
func floatNew(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
	args, kw, err := noKeywordsNew("float", typ, args, kw)
	if err != nil {
		return nil, err
	}
	var x Object
	if err := ParseArgs("float", args, kw, []string{""}, 0, &x); err != nil {
		return nil, err
	}
	v, err := floatFromArg(t, x)
	if err != nil || typ == FloatType {
		return v, err
	}
	return newSubclassInstance(typ, v), nil
}

func floatFromArg(t *Thread, x Object) (Object, error) {
	if x == nil {
		return Float(0), nil
	}
	// CPython's PyNumber_Float: exact built-ins first, then the type's
	// __float__ (a subclass of float may override it), __index__, and
	// only then the text of a string or a buffer.
	switch v := x.(type) {
	case Float:
		return v, nil
	case Int, Bool, *BigInt:
		f, err := intToFloat(v)
		return Float(f), err
	case *Str:
		return parseFloatLiteral(v.s, x)
	}
	if f := LoadPtr(&x.Type().Float); f != nil {
		r, err := f(t, x)
		if err != nil {
			return nil, err
		}
		if _, ok := unwrap(r).(Float); !ok {
			return nil, TypeErrorf("%s.__float__ returned non-float (type %s)", typeName(x), typeName(r))
		}
		if r.Type() != FloatType {
			msg := fmt.Sprintf("%s.__float__ returned non-float (type %s).  The ability to return an instance of a strict subclass of float is deprecated, and may be removed in a future version of Python.", typeName(x), typeName(r))
			if err := Warn(t, DeprecationWarningType, msg, 1); err != nil {
				return nil, err
			}
		}
		return unwrap(r), nil
	}
	if LoadPtr(&x.Type().Index) != nil {
		i, err := Index(t, x)
		if err != nil {
			return nil, err
		}
		f, err := intToFloat(i)
		return Float(f), err
	}
	switch v := unwrap(x).(type) {
	case Float:
		return v, nil
	case *Str:
		return parseFloatLiteral(v.s, x)
	}
	if b, ok := bytesLike(x); ok {
		return parseFloatLiteral(string(b), NewBytes(b))
	}
	return nil, TypeErrorf("float() argument must be a string or a real number, not '%s'", typeName(x))
}

// parseFloatLiteral is float(str) with CPython's rules: surrounding
// whitespace, Unicode decimal digits, a sign, inf/infinity/nan in any
// case, and underscores only between digits; no hex, no other spellings
// that Go's strconv would accept.
func parseFloatLiteral(s string, orig Object) (Object, error) {
	bad := func() error {
		r, _ := ReprString(nil, orig)
		return ValueErrorf("could not convert string to float: %s", r)
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			s = normalizeDigits(s)
			break
		}
	}
	body := strings.TrimSpace(s)
	neg := false
	if body != "" && (body[0] == '+' || body[0] == '-') {
		neg = body[0] == '-'
		body = body[1:]
	}
	sign := 1.0
	if neg {
		sign = -1
	}
	switch strings.ToLower(body) {
	case "inf", "infinity":
		return Float(math.Inf(int(sign))), nil
	case "nan":
		return Float(math.Copysign(math.NaN(), sign)), nil
	}
	if !validFloatBody(body) {
		return nil, bad()
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(body, "_", ""), 64)
	if err != nil {
		if ne, ok := err.(*strconv.NumError); !ok || ne.Err != strconv.ErrRange {
			return nil, bad()
		}
	}
	return Float(sign * f), nil
}

// validFloatBody reports whether s (without a sign) is digits with an
// optional point and exponent, at least one digit before the exponent,
// and underscores only between two digits.
func validFloatBody(s string) bool {
	isDigit := func(i int) bool { return i >= 0 && i < len(s) && s[i] >= '0' && s[i] <= '9' }
	digits := func(i int) int {
		for i < len(s) && (isDigit(i) || s[i] == '_' && isDigit(i-1) && isDigit(i+1)) {
			i++
		}
		return i
	}
	i := digits(0)
	mant := i
	if i < len(s) && s[i] == '.' {
		j := digits(i + 1)
		mant += j - i - 1
		i = j
	}
	if mant == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		j := digits(i)
		if j == i {
			return false
		}
		i = j
	}
	return i == len(s)
}

// newSubclassInstance wraps a built-in value for an instance of a
// subclass of its type.
func newSubclassInstance(typ *Type, v Object) Object {
	in := NewInstance(typ)
	in.Base = v
	return in
}
