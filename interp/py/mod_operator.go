package py

import "crypto/subtle"

// _operator: the functions of the operator module, natively, so that
// they raise what CPython's do (operator.py's pure-Python fallbacks differ:
// operator.index(1.5) would raise AttributeError). operator.py star-imports
// this module over its own definitions, so what is left out here
// (attrgetter, itemgetter, methodcaller) keeps its Python version, which
// behaves the same.

const operatorDoc = `Operator interface.

This module exports a set of functions implemented in C corresponding
to the intrinsic operators of Python.  For example, operator.add(x, y)
is equivalent to the expression x+y.  The function names are those
used for special methods; variants without leading and trailing
'__' are also provided for convenience.`

// compareDigest compares in time that depends only on the length of b,
// so that a timing attack learns nothing about where a and b differ.
func compareDigest(a, b Object) (Object, error) {
	sa, aStr := unwrap(a).(*Str)
	sb, bStr := unwrap(b).(*Str)
	var x, y []byte
	if aStr && bStr {
		if !isASCII(sa.s) || !isASCII(sb.s) {
			return nil, TypeErrorf("comparing strings with non-ASCII characters is not supported")
		}
		x, y = []byte(sa.s), []byte(sb.s)
	} else {
		var aok, bok bool
		x, aok = bytesLike(a)
		y, bok = bytesLike(b)
		switch {
		case !aok && !bok:
			return nil, TypeErrorf("unsupported operand types(s) or combination of types: '%s' and '%s'", typeName(a), typeName(b))
		case !aok:
			return nil, TypeErrorf("a bytes-like object is required, not '%s'", typeName(a))
		case !bok:
			return nil, TypeErrorf("a bytes-like object is required, not '%s'", typeName(b))
		}
	}
	// ConstantTimeCompare returns early on a length mismatch; comparing b
	// with itself keeps the time independent of a's length too.
	if len(x) != len(y) {
		subtle.ConstantTimeCompare(y, y)
		return False, nil
	}
	return Bool(subtle.ConstantTimeCompare(x, y) == 1), nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

func init() {
	RegisterNativeModule("_operator", func(t *Thread) (*Module, error) {
		m := NewModule("_operator")
		m.dict.SetStr("__doc__", NewStr(operatorDoc))
		m.AddFunc("_compare_digest", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(kw) > 0 {
				return nil, TypeErrorf("_compare_digest() takes no keyword arguments")
			}
			if len(args) != 2 {
				return nil, TypeErrorf("_compare_digest expected 2 arguments, got %d", len(args))
			}
			return compareDigest(args[0], args[1])
		})
		addOperatorFuncs(m)
		return m, nil
	})
}

// opArgs checks the argument count of a positional-only function.
func opArgs(name string, args []Object, kw []string, n int) error {
	if len(kw) > 0 {
		return TypeErrorf("%s() takes no keyword arguments", name)
	}
	if len(args) != n {
		if n == 1 {
			return TypeErrorf("_operator.%s() takes exactly one argument (%d given)", name, len(args))
		}
		return TypeErrorf("%s expected %d arguments, got %d", name, n, len(args))
	}
	return nil
}

// isSequence is PySequence_Check: indexable and not a mapping.
func isSequence(o Object) bool {
	return LoadPtr(&o.Type().GetItem) != nil && !IsInstance(o, DictType)
}

func addOperatorFuncs(m *Module) {
	binary := func(name string, f func(t *Thread, a, b Object) (Object, error)) {
		m.AddFunc(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := opArgs(name, args, kw, 2); err != nil {
				return nil, err
			}
			return f(t, args[0], args[1])
		})
	}
	unary := func(name string, f func(t *Thread, a Object) (Object, error)) {
		m.AddFunc(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := opArgs(name, args, kw, 1); err != nil {
				return nil, err
			}
			return f(t, args[0])
		})
	}
	for _, op := range []struct {
		name, iname string
		nb          int
	}{
		{"add", "iadd", NbAdd}, {"and_", "iand", NbAnd}, {"floordiv", "ifloordiv", NbFloorDiv},
		{"lshift", "ilshift", NbLshift}, {"matmul", "imatmul", NbMatMul}, {"mul", "imul", NbMul},
		{"mod", "imod", NbMod}, {"or_", "ior", NbOr}, {"pow", "ipow", NbPow}, {"rshift", "irshift", NbRshift},
		{"sub", "isub", NbSub}, {"truediv", "itruediv", NbTrueDiv}, {"xor", "ixor", NbXor},
	} {
		nb := op.nb
		binary(op.name, func(t *Thread, a, b Object) (Object, error) { return BinaryOp(t, a, b, nb) })
		binary(op.iname, func(t *Thread, a, b Object) (Object, error) { return InplaceOp(t, a, b, nb) })
	}
	for _, op := range []struct {
		name string
		cmp  CompareOp
	}{{"lt", LT}, {"le", LE}, {"eq", EQ}, {"ne", NE}, {"gt", GT}, {"ge", GE}} {
		cmp := op.cmp
		binary(op.name, func(t *Thread, a, b Object) (Object, error) { return RichCompare(t, a, b, cmp) })
	}
	concat := func(name string, inplace bool) {
		binary(name, func(t *Thread, a, b Object) (Object, error) {
			if !isSequence(a) || !isSequence(b) {
				return nil, TypeErrorf("'%s' object can't be concatenated", typeName(a))
			}
			if inplace {
				return InplaceOp(t, a, b, NbAdd)
			}
			return BinaryOp(t, a, b, NbAdd)
		})
	}
	concat("concat", false)
	concat("iconcat", true)
	binary("is_", func(t *Thread, a, b Object) (Object, error) { return Bool(a == b || sameFloat(a, b)), nil })
	binary("is_not", func(t *Thread, a, b Object) (Object, error) { return Bool(!(a == b || sameFloat(a, b))), nil })
	binary("contains", func(t *Thread, a, b Object) (Object, error) {
		r, err := Contains(t, a, b)
		return Bool(r), err
	})
	binary("getitem", GetItem)
	binary("delitem", func(t *Thread, a, b Object) (Object, error) { return None, DelItem(t, a, b) })
	m.AddFunc("setitem", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if err := opArgs("setitem", args, kw, 3); err != nil {
			return nil, err
		}
		return None, SetItem(t, args[0], args[1], args[2])
	})
	// countOf and indexOf compare by identity first, then ==, as
	// PySequence_Count and PySequence_Index do.
	scan := func(t *Thread, seq, v Object, stopAtFirst bool) (int, int, error) {
		count, idx, first := 0, 0, -1
		it, err := Iter(t, seq)
		if err != nil {
			if IsInstanceOf(err, TypeErrorType) {
				return 0, 0, TypeErrorf("argument of type '%s' is not iterable", typeName(seq))
			}
			return 0, 0, err
		}
		err = Iterate(t, it, func(x Object) (bool, error) {
			eq := x == v || sameFloat(x, v)
			if !eq {
				var err error
				if eq, err = Equal(t, x, v); err != nil {
					return false, err
				}
			}
			if eq {
				count++
				if first < 0 {
					first = idx
				}
				if stopAtFirst {
					return false, nil
				}
			}
			idx++
			return true, nil
		})
		return count, first, err
	}
	binary("countOf", func(t *Thread, a, b Object) (Object, error) {
		n, _, err := scan(t, a, b, false)
		return Int(n), err
	})
	binary("indexOf", func(t *Thread, a, b Object) (Object, error) {
		_, i, err := scan(t, a, b, true)
		if err != nil {
			return nil, err
		}
		if i < 0 {
			return nil, ValueErrorf("sequence.index(x): x not in sequence")
		}
		return Int(i), nil
	})
	unary("neg", func(t *Thread, a Object) (Object, error) { return UnaryOp(t, a, LoadPtr(&a.Type().Neg), "-") })
	unary("pos", func(t *Thread, a Object) (Object, error) { return UnaryOp(t, a, LoadPtr(&a.Type().Pos), "+") })
	unary("abs", func(t *Thread, a Object) (Object, error) { return UnaryOp(t, a, LoadPtr(&a.Type().Abs), "abs()") })
	unary("inv", func(t *Thread, a Object) (Object, error) { return UnaryOp(t, a, LoadPtr(&a.Type().Invert), "~") })
	unary("invert", func(t *Thread, a Object) (Object, error) { return UnaryOp(t, a, LoadPtr(&a.Type().Invert), "~") })
	unary("index", Index)
	unary("truth", func(t *Thread, a Object) (Object, error) {
		r, err := IsTrue(t, a)
		return Bool(r), err
	})
	unary("not_", func(t *Thread, a Object) (Object, error) {
		r, err := IsTrue(t, a)
		return Bool(!r), err
	})
	m.AddFunc("call", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(args)-len(kw) < 1 {
			return nil, TypeErrorf("call() missing required argument 'obj' (pos 1)")
		}
		return Call(t, args[0], args[1:], kw)
	})
	m.AddFunc("length_hint", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(kw) > 0 {
			return nil, TypeErrorf("length_hint() takes no keyword arguments")
		}
		if len(args) < 1 || len(args) > 2 {
			if len(args) < 1 {
				return nil, TypeErrorf("length_hint expected at least 1 argument, got %d", len(args))
			}
			return nil, TypeErrorf("length_hint expected at most 2 arguments, got %d", len(args))
		}
		dflt := 0
		if len(args) == 2 {
			if args[1].Type() != IntType {
				return nil, TypeErrorf("'%s' object cannot be interpreted as an integer", typeName(args[1]))
			}
			var err error
			if dflt, err = IndexInt(t, args[1]); err != nil {
				return nil, err
			}
		}
		return lengthHint(t, args[0], dflt)
	})
}

// lengthHint is PyObject_LengthHint: len() if the object has one, else
// __length_hint__(), else the default.
func lengthHint(t *Thread, o Object, dflt int) (Object, error) {
	if LoadPtr(&o.Type().Len) != nil {
		n, err := Len(t, o)
		if err == nil {
			return Int(n), nil
		}
		if !IsInstanceOf(err, TypeErrorType) {
			return nil, err
		}
	}
	hint, err := lookupSpecial(t, o, "__length_hint__")
	if err != nil || hint == nil {
		return Int(dflt), err
	}
	r, err := Call(t, hint, nil, nil)
	if err != nil {
		if IsInstanceOf(err, TypeErrorType) {
			return Int(dflt), nil
		}
		return nil, err
	}
	if r == NotImplemented {
		return Int(dflt), nil
	}
	if !IsInstance(r, IntType) {
		return nil, TypeErrorf("__length_hint__ must be an integer, not %s", typeName(r))
	}
	n, err := IndexInt(t, r)
	if err != nil {
		return nil, err
	}
	if n < 0 {
		return nil, ValueErrorf("__length_hint__() should return >= 0")
	}
	return Int(n), nil
}
