package py

import (
	"encoding/binary"
	"math"
	"math/big"
)

// marshal: CPython's serialisation of constants, for the data types (code
// objects are freepy's own and cannot be marshalled). importlib's
// bootstrap imports it at module level. loads reads anything CPython 3.11
// writes for these types, back-references included; dumps writes no
// back-references (CPython sets them from reference counts, which freepy
// does not have), so its bytes can differ from CPython's while loading to
// the same values.

const marshalVersion = 4

func init() {
	RegisterNativeModule("marshal", func(t *Thread) (*Module, error) {
		m := NewModule("marshal")
		m.dict.SetStr("version", Int(marshalVersion))
		m.AddFunc("dumps", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var v, ver Object
			if err := ParseArgs("dumps", args, kw, []string{"value", "version"}, 1, &v, &ver); err != nil {
				return nil, err
			}
			var w marshalWriter
			if err := w.write(t, v, 0); err != nil {
				return nil, err
			}
			return NewBytes(w.b), nil
		})
		m.AddFunc("loads", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) != 1 || len(kw) != 0 {
				return nil, TypeErrorf("loads() takes exactly one argument (%d given)", len(args))
			}
			b, ok := bytesLike(args[0])
			if !ok {
				return nil, TypeErrorf("a bytes-like object is required, not '%s'", typeName(args[0]))
			}
			r := marshalReader{b: b}
			return r.read(t)
		})
		m.AddFunc("dump", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var v, f, ver Object
			if err := ParseArgs("dump", args, kw, []string{"value", "file", "version"}, 2, &v, &f, &ver); err != nil {
				return nil, err
			}
			var w marshalWriter
			if err := w.write(t, v, 0); err != nil {
				return nil, err
			}
			return CallMethod(t, f, "write", NewBytes(w.b))
		})
		m.AddFunc("load", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) != 1 {
				return nil, TypeErrorf("load() takes exactly one argument (%d given)", len(args))
			}
			// Reads the whole rest of the file: there is no way to push
			// back what follows the value.
			data, err := CallMethod(t, args[0], "read")
			if err != nil {
				return nil, err
			}
			b, ok := bytesLike(data)
			if !ok {
				return nil, TypeErrorf("file.read() returned not bytes but %s", typeName(data))
			}
			r := marshalReader{b: b}
			return r.read(t)
		})
		return m, nil
	})
}

type marshalWriter struct{ b []byte }

func (w *marshalWriter) u32(n uint32) { w.b = binary.LittleEndian.AppendUint32(w.b, n) }

func (w *marshalWriter) sized(code byte, data []byte) {
	w.b = append(w.b, code)
	w.u32(uint32(len(data)))
	w.b = append(w.b, data...)
}

func (w *marshalWriter) seq(t *Thread, code byte, items []Object, depth int) error {
	w.b = append(w.b, code)
	w.u32(uint32(len(items)))
	for _, it := range items {
		if err := w.write(t, it, depth+1); err != nil {
			return err
		}
	}
	return nil
}

func (w *marshalWriter) write(t *Thread, v Object, depth int) error {
	if depth > 2000 {
		return ValueErrorf("object too deeply nested to marshal")
	}
	switch x := v.(type) {
	case NoneType:
		w.b = append(w.b, 'N')
	case Bool:
		if x {
			w.b = append(w.b, 'T')
		} else {
			w.b = append(w.b, 'F')
		}
	case EllipsisType:
		w.b = append(w.b, '.')
	case Int:
		if x >= math.MinInt32 && x <= math.MaxInt32 {
			w.b = append(w.b, 'i')
			w.u32(uint32(int32(x)))
			return nil
		}
		w.long(big.NewInt(int64(x)))
	case *BigInt:
		w.long(x.Big())
	case Float:
		w.b = append(w.b, 'g')
		w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(float64(x)))
	case Complex:
		w.b = append(w.b, 'y')
		w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(real(x)))
		w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(imag(x)))
	case *Str:
		switch {
		case !x.IsASCII():
			w.sized('u', []byte(x.s))
		case len(x.s) < 256:
			w.b = append(w.b, 'z', byte(len(x.s)))
			w.b = append(w.b, x.s...)
		default:
			w.sized('a', []byte(x.s))
		}
	case *Bytes:
		w.sized('s', x.b)
	case *Tuple:
		if len(x.items) < 256 {
			w.b = append(w.b, ')', byte(len(x.items)))
			for _, it := range x.items {
				if err := w.write(t, it, depth+1); err != nil {
					return err
				}
			}
			return nil
		}
		return w.seq(t, '(', x.items, depth)
	case *List:
		return w.seq(t, '[', x.Items(), depth)
	case *Dict:
		w.b = append(w.b, '{')
		for _, e := range x.Items() {
			if err := w.write(t, e.key, depth+1); err != nil {
				return err
			}
			if err := w.write(t, e.value, depth+1); err != nil {
				return err
			}
		}
		w.b = append(w.b, '0')
	case *Set:
		items, err := ToSlice(t, x)
		if err != nil {
			return err
		}
		code := byte('<')
		if x.frozen {
			code = '>'
		}
		return w.seq(t, code, items, depth)
	default:
		if v == StopIterationType {
			w.b = append(w.b, 'S')
			return nil
		}
		if b, ok := bytesLike(v); ok {
			w.sized('s', b)
			return nil
		}
		return ValueErrorf("unmarshallable object")
	}
	return nil
}

// long writes 'l': a signed count of 15-bit digits, least significant
// first.
func (w *marshalWriter) long(n *big.Int) {
	var digits []uint16
	a := new(big.Int).Abs(n)
	mask := big.NewInt(1<<15 - 1)
	for a.Sign() > 0 {
		digits = append(digits, uint16(new(big.Int).And(a, mask).Int64()))
		a.Rsh(a, 15)
	}
	cnt := int32(len(digits))
	if n.Sign() < 0 {
		cnt = -cnt
	}
	w.b = append(w.b, 'l')
	w.u32(uint32(cnt))
	for _, d := range digits {
		w.b = binary.LittleEndian.AppendUint16(w.b, d)
	}
}

type marshalReader struct {
	b    []byte
	pos  int
	refs []Object
}

func (r *marshalReader) take(n int) ([]byte, error) {
	if n < 0 || r.pos+n > len(r.b) {
		return nil, NewError(EOFErrorType, "marshal data too short")
	}
	s := r.b[r.pos : r.pos+n]
	r.pos += n
	return s, nil
}

func (r *marshalReader) i32() (int, error) {
	s, err := r.take(4)
	if err != nil {
		return 0, err
	}
	return int(int32(binary.LittleEndian.Uint32(s))), nil
}

func (r *marshalReader) read(t *Thread) (Object, error) {
	if r.pos >= len(r.b) {
		return nil, NewError(EOFErrorType, "EOF read where object expected")
	}
	code := r.b[r.pos]
	r.pos++
	flag := code&0x80 != 0
	code &^= 0x80
	// a flagged container gets its reference slot before its items
	slot := -1
	if flag {
		slot = len(r.refs)
		r.refs = append(r.refs, nil)
	}
	v, err := r.readValue(t, code, slot)
	if err != nil {
		return nil, err
	}
	if slot >= 0 {
		r.refs[slot] = v
	}
	return v, nil
}

func (r *marshalReader) readValue(t *Thread, code byte, slot int) (Object, error) {
	switch code {
	case 'N':
		return None, nil
	case 'T':
		return True, nil
	case 'F':
		return False, nil
	case '.':
		return Ellipsis, nil
	case 'S':
		return StopIterationType, nil
	case 'i':
		n, err := r.i32()
		return Int(n), err
	case 'l':
		n, err := r.i32()
		if err != nil {
			return nil, err
		}
		cnt := n
		if cnt < 0 {
			cnt = -cnt
		}
		s, err := r.take(2 * cnt)
		if err != nil {
			return nil, err
		}
		v := new(big.Int)
		for i := cnt - 1; i >= 0; i-- {
			d := binary.LittleEndian.Uint16(s[2*i:])
			if d >= 1<<15 {
				return nil, ValueErrorf("bad marshal data (digit out of range in long)")
			}
			v.Lsh(v, 15)
			v.Or(v, big.NewInt(int64(d)))
		}
		if n < 0 {
			v.Neg(v)
		}
		return intFromBig(v), nil
	case 'g':
		s, err := r.take(8)
		if err != nil {
			return nil, err
		}
		return Float(math.Float64frombits(binary.LittleEndian.Uint64(s))), nil
	case 'y':
		s, err := r.take(16)
		if err != nil {
			return nil, err
		}
		return Complex(complex(math.Float64frombits(binary.LittleEndian.Uint64(s)), math.Float64frombits(binary.LittleEndian.Uint64(s[8:])))), nil
	case 's', 't', 'u', 'a', 'A':
		n, err := r.i32()
		if err != nil {
			return nil, err
		}
		s, err := r.take(n)
		if err != nil {
			return nil, err
		}
		if code == 's' {
			return NewBytes(append([]byte(nil), s...)), nil
		}
		return NewStr(string(s)), nil
	case 'z', 'Z':
		n, err := r.take(1)
		if err != nil {
			return nil, err
		}
		s, err := r.take(int(n[0]))
		if err != nil {
			return nil, err
		}
		return NewStr(string(s)), nil
	case '(', ')', '[', '<', '>':
		var n int
		if code == ')' {
			b, err := r.take(1)
			if err != nil {
				return nil, err
			}
			n = int(b[0])
		} else {
			var err error
			if n, err = r.i32(); err != nil {
				return nil, err
			}
			if n < 0 || n > len(r.b)-r.pos {
				return nil, ValueErrorf("bad marshal data (size out of range)")
			}
		}
		// Containers are registered before their items are read, so that
		// an item may refer back to its container.
		var items []Object
		var container Object
		switch code {
		case '[':
			l := NewList(make([]Object, n)...)
			container = l
		case '<', '>':
			items = make([]Object, n)
		default:
			tu := NewTuple(make([]Object, n)...)
			items, container = tu.items, tu
		}
		if slot >= 0 && container != nil {
			r.refs[slot] = container
		}
		for i := 0; i < n; i++ {
			v, err := r.read(t)
			if err != nil {
				return nil, err
			}
			if l, ok := container.(*List); ok {
				l.SetItemAt(i, v)
			} else {
				items[i] = v
			}
		}
		if code == '<' || code == '>' {
			s := NewSet()
			if code == '>' {
				s = NewFrozenSet()
			}
			for _, it := range items {
				if err := s.add(t, it); err != nil {
					return nil, err
				}
			}
			return s, nil
		}
		return container, nil
	case '{':
		d := NewDict()
		if slot >= 0 {
			r.refs[slot] = d
		}
		for {
			if r.pos < len(r.b) && r.b[r.pos] == '0' {
				r.pos++
				return d, nil
			}
			k, err := r.read(t)
			if err != nil {
				return nil, err
			}
			v, err := r.read(t)
			if err != nil {
				return nil, err
			}
			if err := d.SetItem(t, k, v); err != nil {
				return nil, err
			}
		}
	case 'r':
		n, err := r.i32()
		if err != nil {
			return nil, err
		}
		if n < 0 || n >= len(r.refs) || r.refs[n] == nil {
			return nil, ValueErrorf("bad marshal data (invalid reference)")
		}
		return r.refs[n], nil
	case 'c':
		return nil, ValueErrorf("bad marshal data (code objects are not supported by freepy)")
	}
	return nil, ValueErrorf("bad marshal data (unknown type code)")
}
