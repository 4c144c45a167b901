package py

// sysGetSizeOf is sys.getsizeof(obj[, default]): obj.__sizeof__() plus
// CPython's 16-byte collector header for the objects its collector
// tracks. The sizes are CPython 3.11's for the common built-in types (the
// memory freepy uses differs).
func sysGetSizeOf(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	var o, dflt Object
	if err := ParseArgs("getsizeof", args, kw, []string{"object", "default"}, 1, &o, &dflt); err != nil {
		return nil, err
	}
	size, err := func() (int64, error) {
		m, err := lookupSpecial(t, o, "__sizeof__")
		if err != nil {
			return 0, err
		}
		if m == nil {
			return 0, TypeErrorf("Type %s doesn't define __sizeof__", typeName(o))
		}
		r, err := Call(t, m, nil, nil)
		if err != nil {
			return 0, err
		}
		if !IsInstance(r, IntType) {
			return 0, TypeErrorf("an integer is required")
		}
		n, err := AsInt64(t, r)
		if err != nil {
			return 0, err
		}
		if n < 0 {
			return 0, ValueErrorf("__sizeof__() should return >= 0")
		}
		return n, nil
	}()
	if err != nil {
		if dflt != nil && IsInstanceOf(err, TypeErrorType) {
			return dflt, nil
		}
		return nil, err
	}
	switch unwrap(o).(type) {
	case Int, *BigInt, Float, Bool, Complex, NoneType, *Str, *Bytes, *Range:
		if _, isInst := o.(*Instance); !isInst {
			return Int(size), nil
		}
	}
	return Int(size + 16), nil
}

// objectSizeOf is object.__sizeof__: CPython 3.11's basic size of the
// object's type for the types whose layout programs commonly measure.
func objectSizeOf(o Object) int64 {
	switch v := unwrap(o).(type) {
	case *Tuple:
		if _, sub := o.(*Instance); !sub {
			return 24 + 8*int64(len(v.items))
		}
	case *Bytes:
		if _, sub := o.(*Instance); !sub {
			return 33 + int64(len(v.b))
		}
	case Float:
		// float has no __sizeof__ of its own (as in CPython): object's
		// reports CPython's PyFloatObject size
		return 24
	case Complex:
		return 32
	case *ByteArray:
		if _, sub := o.(*Instance); !sub {
			// CPython's header plus the buffer with its NUL byte
			v.mu.Lock()
			n := len(v.b)
			v.mu.Unlock()
			if n == 0 {
				return 56
			}
			return 56 + int64(n) + 1
		}
	case *Range:
		return 48
	}
	in, ok := o.(*Instance)
	if !ok || !LoadPtr(&in.typ).isHeap() || in.Base != nil {
		return 16
	}
	// a Python class's instance: the header, the __slots__ members, and
	// the dict and weak reference pointers unless __slots__ left them out
	n := int64(16 + 8*LoadPtr(&in.typ).nslots)
	if LoadPtr(&in.typ).hasDict {
		n += 24
	}
	return n
}
