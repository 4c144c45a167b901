package py

import (
	"encoding/hex"
	"fmt"
	"sync"
)

// memoryview over bytes and bytearray: one-dimensional, format 'B'. A view
// of a bytearray reads and writes the live buffer under the bytearray's
// lock (resizing the bytearray while a view exists is not refused, unlike
// CPython; indexes past the current end then raise IndexError).

// MemoryView is a memoryview object.
type MemoryView struct {
	mu       sync.Mutex
	obj      Object // *Bytes or *ByteArray (possibly a subclass instance)
	start    int
	step     int
	n        int
	released bool
}

// MemoryViewType is memoryview.
var MemoryViewType = newBuiltinType("memoryview", ObjectType)

// Type returns memoryview.
func (*MemoryView) Type() *Type { return MemoryViewType }

// withBuf runs fn on the underlying bytes (under the bytearray lock).
func (m *MemoryView) withBuf(fn func(b []byte) error) error {
	m.mu.Lock()
	rel := m.released
	m.mu.Unlock()
	if rel {
		return ValueErrorf("operation forbidden on released memoryview object")
	}
	switch x := unwrap(m.obj).(type) {
	case *Bytes:
		return fn(x.b)
	case *ByteArray:
		x.mu.Lock()
		defer x.mu.Unlock()
		return fn(x.b)
	}
	return nil
}

func (m *MemoryView) readonly() bool {
	_, ok := unwrap(m.obj).(*ByteArray)
	return !ok
}

// bytes returns a copy of the viewed bytes.
func (m *MemoryView) bytes() ([]byte, error) {
	var out []byte
	err := m.withBuf(func(b []byte) error {
		out = make([]byte, 0, m.n)
		for i := 0; i < m.n; i++ {
			j := m.start + i*m.step
			if j < 0 || j >= len(b) {
				return Errorf(IndexErrorType, "index out of bounds on dimension 1")
			}
			out = append(out, b[j])
		}
		return nil
	})
	return out, err
}

func mvSelf(o Object) *MemoryView {
	m, _ := unwrap(o).(*MemoryView)
	return m
}

func init() {
	mt := MemoryViewType
	mt.Flags &^= FlagBaseType
	mt.Doc = "Create a new memoryview object which references the given object."
	mt.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		var o Object
		if err := ParseArgs("memoryview", args, kw, []string{"object"}, 1, &o); err != nil {
			return nil, err
		}
		switch x := unwrap(o).(type) {
		case *Bytes:
			return &MemoryView{obj: o, step: 1, n: len(x.b)}, nil
		case *ByteArray:
			return &MemoryView{obj: o, step: 1, n: x.length()}, nil
		case *MemoryView:
			if x.released {
				return nil, ValueErrorf("operation forbidden on released memoryview object")
			}
			return &MemoryView{obj: x.obj, start: x.start, step: x.step, n: x.n}, nil
		}
		return nil, TypeErrorf("memoryview: a bytes-like object is required, not '%s'", typeName(o))
	}
	mt.Len = func(t *Thread, o Object) (int, error) {
		m := mvSelf(o)
		if err := m.withBuf(func([]byte) error { return nil }); err != nil {
			return 0, err
		}
		return m.n, nil
	}
	mt.Repr = func(t *Thread, o Object) (Object, error) {
		m := mvSelf(o)
		m.mu.Lock()
		defer m.mu.Unlock()
		if m.released {
			return NewStr(fmt.Sprintf("<released memory at %#x>", Id(o))), nil
		}
		return NewStr(fmt.Sprintf("<memory at %#x>", Id(o))), nil
	}
	mt.GetItem = func(t *Thread, o, key Object) (Object, error) {
		m := mvSelf(o)
		if s, ok := key.(*Slice); ok {
			if err := m.withBuf(func([]byte) error { return nil }); err != nil {
				return nil, err
			}
			start, _, step, length, err := sliceIndices(t, s, m.n)
			if err != nil {
				return nil, err
			}
			return &MemoryView{obj: m.obj, start: m.start + start*m.step, step: m.step * step, n: length}, nil
		}
		i, err := mvIndex(t, m, key)
		if err != nil {
			return nil, err
		}
		var v Object
		err = m.withBuf(func(b []byte) error {
			j := m.start + i*m.step
			if j >= len(b) {
				return Errorf(IndexErrorType, "index out of bounds on dimension 1")
			}
			v = Int(b[j])
			return nil
		})
		return v, err
	}
	mt.SetItem = func(t *Thread, o, key, v Object) error {
		m := mvSelf(o)
		if m.readonly() {
			if err := m.withBuf(func([]byte) error { return nil }); err != nil {
				return err
			}
			return TypeErrorf("cannot modify read-only memory")
		}
		if v == nil {
			return TypeErrorf("cannot delete memory")
		}
		if s, ok := key.(*Slice); ok {
			src, ok := bytesLike(v)
			if !ok {
				if mv := mvSelf(v); mv != nil {
					b, err := mv.bytes()
					if err != nil {
						return err
					}
					src, ok = b, true
				}
			}
			if !ok {
				return TypeErrorf("a bytes-like object is required, not '%s'", typeName(v))
			}
			start, _, step, length, err := sliceIndices(t, s, m.n)
			if err != nil {
				return err
			}
			if length != len(src) {
				return ValueErrorf("memoryview assignment: lvalue and rvalue have different structures")
			}
			return m.withBuf(func(b []byte) error {
				for k := 0; k < length; k++ {
					j := m.start + (start+k*step)*m.step
					if j < 0 || j >= len(b) {
						return Errorf(IndexErrorType, "index out of bounds on dimension 1")
					}
					b[j] = src[k]
				}
				return nil
			})
		}
		i, err := mvIndex(t, m, key)
		if err != nil {
			return err
		}
		if !isIntLike(v) {
			return TypeErrorf("memoryview: invalid type for format 'B'")
		}
		x, _, big := asInt64(v)
		if big || x < 0 || x > 255 {
			return ValueErrorf("memoryview: invalid value for format 'B'")
		}
		return m.withBuf(func(b []byte) error {
			j := m.start + i*m.step
			if j >= len(b) {
				return Errorf(IndexErrorType, "index out of bounds on dimension 1")
			}
			b[j] = byte(x)
			return nil
		})
	}
	mt.Iter = func(t *Thread, o Object) (Object, error) {
		b, err := mvSelf(o).bytes()
		if err != nil {
			return nil, err
		}
		items := make([]Object, len(b))
		for i, c := range b {
			items[i] = Int(c)
		}
		return Iter(t, NewTuple(items...))
	}
	mt.RichCompare = func(t *Thread, a, b Object, op CompareOp) (Object, error) {
		if op != EQ && op != NE {
			return NotImplemented, nil
		}
		x, err := mvSelf(a).bytes()
		if err != nil {
			return NewBool(op == NE && a != b), nil
		}
		var y []byte
		if mv := mvSelf(b); mv != nil {
			if y, err = mv.bytes(); err != nil {
				return NewBool(op == NE), nil
			}
		} else if bb, ok := bytesLike(b); ok {
			y = bb
		} else {
			return NotImplemented, nil
		}
		return NewBool((string(x) == string(y)) == (op == EQ)), nil
	}
	mt.Hash = func(t *Thread, o Object) (int64, error) {
		m := mvSelf(o)
		if !m.readonly() {
			return 0, ValueErrorf("cannot hash writable memoryview object")
		}
		b, err := m.bytes()
		if err != nil {
			return 0, err
		}
		return Hash(t, NewBytes(b))
	}
	method := func(name string, fn func(t *Thread, m *MemoryView, args []Object, kw []string) (Object, error)) {
		mt.AddMethod(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			return fn(t, mvSelf(self), args, kw)
		})
	}
	method("tobytes", func(t *Thread, m *MemoryView, args []Object, kw []string) (Object, error) {
		b, err := m.bytes()
		if err != nil {
			return nil, err
		}
		return NewBytes(b), nil
	})
	method("__bytes__", func(t *Thread, m *MemoryView, args []Object, kw []string) (Object, error) {
		b, err := m.bytes()
		if err != nil {
			return nil, err
		}
		return NewBytes(b), nil
	})
	method("tolist", func(t *Thread, m *MemoryView, args []Object, kw []string) (Object, error) {
		b, err := m.bytes()
		if err != nil {
			return nil, err
		}
		items := make([]Object, len(b))
		for i, c := range b {
			items[i] = Int(c)
		}
		return NewList(items...), nil
	})
	method("hex", func(t *Thread, m *MemoryView, args []Object, kw []string) (Object, error) {
		b, err := m.bytes()
		if err != nil {
			return nil, err
		}
		return newASCIIStr(hex.EncodeToString(b)), nil
	})
	method("release", func(t *Thread, m *MemoryView, args []Object, kw []string) (Object, error) {
		m.mu.Lock()
		m.released = true
		m.mu.Unlock()
		return None, nil
	})
	method("__enter__", func(t *Thread, m *MemoryView, args []Object, kw []string) (Object, error) {
		if err := m.withBuf(func([]byte) error { return nil }); err != nil {
			return nil, err
		}
		return m, nil
	})
	method("__exit__", func(t *Thread, m *MemoryView, args []Object, kw []string) (Object, error) {
		m.mu.Lock()
		m.released = true
		m.mu.Unlock()
		return None, nil
	})
	method("cast", func(t *Thread, m *MemoryView, args []Object, kw []string) (Object, error) {
		var f, shape Object
		if err := ParseArgs("cast", args, kw, []string{"format", "shape"}, 1, &f, &shape); err != nil {
			return nil, err
		}
		s, ok := f.(*Str)
		if !ok {
			return nil, TypeErrorf("memoryview: format argument must be a string")
		}
		if s.s != "B" {
			return nil, ValueErrorf("memoryview: destination format must be a native single character format prefixed with an optional '@'")
		}
		if err := m.withBuf(func([]byte) error { return nil }); err != nil {
			return nil, err
		}
		return &MemoryView{obj: m.obj, start: m.start, step: m.step, n: m.n}, nil
	})
	getter := func(name string, fn func(m *MemoryView) Object) {
		mt.AddGetSet(name, func(t *Thread, self Object) (Object, error) {
			m := mvSelf(self)
			if err := m.withBuf(func([]byte) error { return nil }); err != nil {
				return nil, err
			}
			return fn(m), nil
		}, nil)
	}
	getter("obj", func(m *MemoryView) Object { return m.obj })
	getter("readonly", func(m *MemoryView) Object { return Bool(m.readonly()) })
	getter("format", func(m *MemoryView) Object { return NewStr("B") })
	getter("itemsize", func(m *MemoryView) Object { return Int(1) })
	getter("nbytes", func(m *MemoryView) Object { return Int(m.n) })
	getter("ndim", func(m *MemoryView) Object { return Int(1) })
	getter("shape", func(m *MemoryView) Object { return NewTuple(Int(m.n)) })
	getter("strides", func(m *MemoryView) Object { return NewTuple(Int(m.step)) })
	getter("contiguous", func(m *MemoryView) Object { return Bool(m.step == 1 || m.n <= 1) })
	getter("c_contiguous", func(m *MemoryView) Object { return Bool(m.step == 1 || m.n <= 1) })
	getter("f_contiguous", func(m *MemoryView) Object { return Bool(m.step == 1 || m.n <= 1) })
	getter("suboffsets", func(m *MemoryView) Object { return NewTuple() })
	extraBuiltinTypes = append(extraBuiltinTypes, MemoryViewType)
	registerType(MemoryViewType)
}

// mvIndex normalises an integer index into the view.
func mvIndex(t *Thread, m *MemoryView, key Object) (int, error) {
	if err := m.withBuf(func([]byte) error { return nil }); err != nil {
		return 0, err
	}
	if !isIntLike(key) && key.Type().Index == nil {
		return 0, TypeErrorf("memoryview: invalid slice key")
	}
	i, err := IndexInt(t, key)
	if err != nil {
		return 0, err
	}
	if i < 0 {
		i += m.n
	}
	if i < 0 || i >= m.n {
		return 0, Errorf(IndexErrorType, "index out of bounds on dimension 1")
	}
	return i, nil
}
