package py

import (
	"math/big"
	"math/bits"
)

// Methods and attributes of int (and so of bool): bit_length, to_bytes,
// from_bytes, the numbers.Integral attributes and the rounding dunders.

// intSelf returns self as an exact int value (unwrapping subclasses and
// turning bools into ints).
func intSelf(self Object) Object { return unwrapInt(self) }

func init() {
	it := IntType
	it.AddMethod("bit_length", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("int.bit_length", args, kw, 0, 0); err != nil {
			return nil, err
		}
		switch v := intSelf(self).(type) {
		case Int:
			x := int64(v)
			if x < 0 {
				return Int(bits.Len64(uint64(-x))), nil // -MinInt64 wraps to itself: 64 bits, correct
			}
			return Int(bits.Len64(uint64(x))), nil
		case *BigInt:
			return Int(v.v.BitLen()), nil
		}
		return Int(0), nil
	})
	it.AddMethod("bit_count", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("int.bit_count", args, kw, 0, 0); err != nil {
			return nil, err
		}
		b, _ := asBig(intSelf(self))
		n := 0
		for _, w := range new(big.Int).Abs(b).Bits() {
			n += bits.OnesCount(uint(w))
		}
		return Int(n), nil
	})
	it.AddMethod("to_bytes", intToBytes)
	it.AddClassMethod("from_bytes", intFromBytes)
	ident := func(name string) {
		qual := "int." + name
		it.AddMethod(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if err := argCount(qual, args, kw, 0, 0); err != nil {
				return nil, err
			}
			return intSelf(self), nil
		})
	}
	for _, name := range []string{"conjugate", "__trunc__", "__floor__", "__ceil__"} {
		ident(name)
	}
	it.AddMethod("__round__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var nd Object
		if err := argCount("int.__round__", args, kw, 0, 1); err != nil {
			return nil, err
		}
		// int.__round__(None) is refused, unlike float's
		nd = optArg(args, 0)
		return intRound(t, self, nd)
	})
	it.AddMethod("as_integer_ratio", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("int.as_integer_ratio", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return NewTuple(intSelf(self), Int(1)), nil
	})
	it.AddMethod("__getnewargs__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("int.__getnewargs__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return NewTuple(intSelf(self)), nil
	})
	it.AddMethod("__sizeof__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("int.__sizeof__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		b, _ := asBig(intSelf(self))
		// CPython: a 24-byte header and one 4-byte digit per 30 bits
		n := max(1, (b.BitLen()+29)/30) // 3.11 allocates a digit for 0 too
		return Int(24 + 4*n), nil
	})
	divmodMethods(it)
	getter := func(name string, fn func(Object) Object) {
		it.AddGetSet(name, func(t *Thread, self Object) (Object, error) { return fn(intSelf(self)), nil }, nil)
	}
	getter("real", func(v Object) Object { return v })
	getter("numerator", func(v Object) Object { return v })
	getter("imag", func(Object) Object { return Int(0) })
	getter("denominator", func(Object) Object { return Int(1) })
}

// divmodMethods adds __divmod__ and __rdivmod__ to an int or float type.
// int's take only ints: (7).__rdivmod__(1.5) is NotImplemented, left to
// float's.
func divmodMethods(typ *Type) {
	intOnly := typ == IntType
	other := func(o Object) bool {
		switch unwrap(o).(type) {
		case Int, Bool, *BigInt:
			return true
		}
		return !intOnly
	}
	typ.AddMethod("__divmod__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("expected 1 argument, got %d", len(args))
		}
		if !other(args[0]) {
			return NotImplemented, nil
		}
		return divmodValues(unwrap(self), unwrap(args[0]))
	})
	typ.AddMethod("__rdivmod__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("expected 1 argument, got %d", len(args))
		}
		if !other(args[0]) {
			return NotImplemented, nil
		}
		return divmodValues(unwrap(args[0]), unwrap(self))
	})
}

// byteOrder parses the byteorder argument.
func byteOrder(o Object) (little bool, err error) {
	if o == nil {
		return false, nil
	}
	s, ok := unwrap(o).(*Str)
	if !ok {
		return false, TypeErrorf("to_bytes() argument 'byteorder' must be str, not %s", typeName(o))
	}
	switch s.s {
	case "little":
		return true, nil
	case "big":
		return false, nil
	}
	return false, ValueErrorf("byteorder must be either 'little' or 'big'")
}

// intToBytes is int.to_bytes(length=1, byteorder='big', *, signed=False).
func intToBytes(t *Thread, self Object, args []Object, kw []string) (Object, error) {
	var length, order, signed Object
	if err := parseClinicKw("to_bytes", args, kw, []string{"length", "byteorder", "signed"}, 0, 2, &length, &order, &signed); err != nil {
		return nil, err
	}
	n := int64(1)
	if length != nil {
		v, err := AsInt64(t, length)
		if err != nil {
			return nil, err
		}
		if v < 0 {
			return nil, ValueErrorf("length argument must be non-negative")
		}
		n = v
	}
	little, err := byteOrder(order)
	if err != nil {
		return nil, err
	}
	isSigned := false
	if signed != nil {
		if isSigned, err = IsTrue(t, signed); err != nil {
			return nil, err
		}
	}
	v, _ := asBig(intSelf(self))
	if v.Sign() < 0 && !isSigned {
		return nil, NewError(OverflowErrorType, "can't convert negative int to unsigned")
	}
	// the value must fit in n bytes (two's complement when signed)
	var fits bool
	if isSigned {
		if v.Sign() >= 0 {
			fits = int64(v.BitLen()) < 8*n
		} else {
			fits = int64(new(big.Int).Not(v).BitLen()) < 8*n
		}
	} else {
		fits = int64(v.BitLen()) <= 8*n
	}
	if !fits {
		return nil, NewError(OverflowErrorType, "int too big to convert")
	}
	u := v
	if v.Sign() < 0 {
		u = new(big.Int).Add(v, new(big.Int).Lsh(big.NewInt(1), uint(8*n)))
	}
	out := make([]byte, n)
	u.FillBytes(out)
	if little {
		for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
			out[i], out[j] = out[j], out[i]
		}
	}
	return NewBytes(out), nil
}

// intFromBytes is int.from_bytes(bytes, byteorder='big', *, signed=False).
func intFromBytes(t *Thread, cls Object, args []Object, kw []string) (Object, error) {
	var data, order, signed Object
	if err := parseClinicKw("from_bytes", args, kw, []string{"bytes", "byteorder", "signed"}, 1, 2, &data, &order, &signed); err != nil {
		return nil, err
	}
	little, err := byteOrder(order)
	if err != nil {
		return nil, err
	}
	isSigned := false
	if signed != nil {
		if isSigned, err = IsTrue(t, signed); err != nil {
			return nil, err
		}
	}
	var raw []byte
	if b, ok := unwrap(data).(*Bytes); ok {
		raw = b.b
	} else if _, isStr := unwrap(data).(*Str); isStr || isIntLike(data) {
		// CPython's PyObject_Bytes takes no length from an int
		return nil, TypeErrorf("cannot convert '%s' object to bytes", typeName(data))
	} else {
		bo, err := Call1(t, BytesType, data)
		if err != nil {
			return nil, err
		}
		b, ok := unwrap(bo).(*Bytes)
		if !ok {
			return nil, TypeErrorf("cannot convert '%s' object to bytes", typeName(data))
		}
		raw = b.b
	}
	buf := append([]byte(nil), raw...)
	if little {
		for i, j := 0, len(buf)-1; i < j; i, j = i+1, j-1 {
			buf[i], buf[j] = buf[j], buf[i]
		}
	}
	v := new(big.Int).SetBytes(buf)
	if isSigned && len(buf) > 0 && buf[0]&0x80 != 0 {
		v.Sub(v, new(big.Int).Lsh(big.NewInt(1), uint(8*len(buf))))
	}
	r := intFromBig(v)
	if typ, ok := cls.(*Type); ok && typ != IntType {
		return Call1(t, typ, r)
	}
	return r, nil
}
