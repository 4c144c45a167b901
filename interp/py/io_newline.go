package py

import (
	"strings"
	"sync"
)

// IncrementalNewlineDecoderType is _io.IncrementalNewlineDecoder: wraps an
// incremental decoder, translating \r\n and \r to \n when asked and
// remembering the newline kinds seen.
var IncrementalNewlineDecoderType = newBuiltinType("IncrementalNewlineDecoder", ObjectType)

type newlineDecoder struct {
	mu        sync.Mutex
	decoder   Object
	translate bool
	pendingCR bool
	seen      int
	ok        bool
}

func init() {
	nt := IncrementalNewlineDecoderType
	nt.hasDict = true
	nt.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		return newSubclassInstance(typ, &newlineDecoder{}), nil
	}
	get := func(self Object) (*newlineDecoder, error) {
		d, err := ioGetState[*newlineDecoder](self, nt)
		if err == nil && !d.ok {
			err = ValueErrorf("IncrementalNewlineDecoder.__init__() not called")
		}
		return d, err
	}
	nt.Init = func(t *Thread, self Object, args []Object, kw []string) error {
		var dec, translate, errors Object
		if err := ParseArgs("IncrementalNewlineDecoder", args, kw, []string{"decoder", "translate", "errors"}, 2, &dec, &translate, &errors); err != nil {
			return err
		}
		tr, err := IsTrue(t, translate)
		if err != nil {
			return err
		}
		d, _ := ioGetState[*newlineDecoder](self, nt)
		d.mu.Lock()
		d.decoder, d.translate, d.pendingCR, d.seen, d.ok = dec, tr, false, 0, true
		d.mu.Unlock()
		return nil
	}
	nt.AddMethod("decode", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var input, finalObj Object
		if err := ParseArgs("decode", args, kw, []string{"input", "final"}, 1, &input, &finalObj); err != nil {
			return nil, err
		}
		d, err := get(self)
		if err != nil {
			return nil, err
		}
		final := false
		if finalObj != nil {
			if final, err = IsTrue(t, finalObj); err != nil {
				return nil, err
			}
		}
		out := input
		if d.decoder != nil && d.decoder != None {
			if out, err = Call(t, mustAttr(t, d.decoder, "decode"), []Object{input, Bool(final)}, []string{"final"}); err != nil {
				return nil, err
			}
		}
		so, ok := unwrap(out).(*Str)
		if !ok {
			return nil, TypeErrorf("decoder should return a string result, not '%s'", typeName(out))
		}
		s := so.s
		d.mu.Lock()
		defer d.mu.Unlock()
		if d.pendingCR && (s != "" || final) {
			s = "\r" + s
			d.pendingCR = false
		}
		if strings.HasSuffix(s, "\r") && !final {
			s = s[:len(s)-1]
			d.pendingCR = true
		}
		d.seen = ioScanNewlines(s, d.seen)
		if d.translate && strings.IndexByte(s, '\r') >= 0 {
			s = strings.ReplaceAll(s, "\r\n", "\n")
			s = strings.ReplaceAll(s, "\r", "\n")
		}
		return NewStr(s), nil
	})
	nt.AddMethod("getstate", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		d, err := get(self)
		if err != nil {
			return nil, err
		}
		var buf Object = NewBytes(nil)
		flag := int64(0)
		if d.decoder != nil && d.decoder != None {
			st, err := CallMethod(t, d.decoder, "getstate")
			if err != nil {
				return nil, err
			}
			tup, ok := st.(*Tuple)
			if !ok || len(tup.items) != 2 {
				return nil, TypeErrorf("illegal decoder state")
			}
			buf = tup.items[0]
			if flag, err = AsInt64(t, tup.items[1]); err != nil {
				return nil, err
			}
		}
		flag <<= 1
		if d.pendingCR {
			flag |= 1
		}
		return NewTuple(buf, Int(flag)), nil
	})
	nt.AddMethod("setstate", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		d, err := get(self)
		if err != nil {
			return nil, err
		}
		if len(args) != 1 {
			return nil, TypeErrorf("setstate() takes exactly one argument (%d given)", len(args))
		}
		tup, ok := args[0].(*Tuple)
		if !ok || len(tup.items) != 2 {
			return nil, TypeErrorf("state argument must be a tuple")
		}
		flag, err := AsInt64(t, tup.items[1])
		if err != nil {
			return nil, err
		}
		d.mu.Lock()
		d.pendingCR = flag&1 != 0
		d.mu.Unlock()
		if d.decoder != nil && d.decoder != None {
			return CallMethod(t, d.decoder, "setstate", NewTuple(tup.items[0], Int(flag>>1)))
		}
		return None, nil
	})
	nt.AddMethod("reset", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		d, err := get(self)
		if err != nil {
			return nil, err
		}
		d.mu.Lock()
		d.seen, d.pendingCR = 0, false
		d.mu.Unlock()
		if d.decoder != nil && d.decoder != None {
			return CallMethod(t, d.decoder, "reset")
		}
		return None, nil
	})
	nt.AddGetSet("newlines", func(t *Thread, o Object) (Object, error) {
		d, err := get(o)
		if err != nil {
			return nil, err
		}
		d.mu.Lock()
		defer d.mu.Unlock()
		return ioSeenNewlines(d.seen), nil
	}, nil)
	registerType(IncrementalNewlineDecoderType)
}

func mustAttr(t *Thread, o Object, name string) Object {
	v, err := GetAttrString(t, o, name)
	if err != nil {
		return &Builtin{Name: name, Fn: func(*Thread, Object, []Object, []string) (Object, error) { return nil, err }}
	}
	return v
}
