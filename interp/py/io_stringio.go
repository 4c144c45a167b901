package py

import (
	"strings"
	"sync"

	"freepy/interp/strops"
)

// StringIOType is _io.StringIO: an in-memory text stream of code points.
var StringIOType = newBuiltinType("StringIO", TextIOBaseType)

type stringIO struct {
	mu      sync.Mutex
	buf     []rune
	pos     int
	closed  bool
	newline Object // the constructor's newline argument
	readnl  string // "" universal
	univ    bool   // universal newlines on read
	trans   bool   // newline=None: \r\n and \r become \n on write
	writenl string // "\n" written as this ("" no translation)
	seen    int    // newline kinds seen (for .newlines)
}

func (s *stringIO) isClosed(t *Thread) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.closed, nil
}

const (
	ioSeenCR = 1 << iota
	ioSeenLF
	ioSeenCRLF
)

// ioSeenNewlines is the .newlines value for the kinds seen.
func ioSeenNewlines(seen int) Object {
	var kinds []Object
	if seen&ioSeenCR != 0 {
		kinds = append(kinds, NewStr("\r"))
	}
	if seen&ioSeenLF != 0 {
		kinds = append(kinds, NewStr("\n"))
	}
	if seen&ioSeenCRLF != 0 {
		kinds = append(kinds, NewStr("\r\n"))
	}
	switch len(kinds) {
	case 0:
		return None
	case 1:
		return kinds[0]
	}
	return NewTuple(kinds...)
}

// ioScanNewlines records the newline kinds in s.
func ioScanNewlines(s string, seen int) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\n':
			seen |= ioSeenLF
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				seen |= ioSeenCRLF
				i++
			} else {
				seen |= ioSeenCR
			}
		}
	}
	return seen
}

// ioNewlineArg validates a newline argument: nil/None, "", "\n", "\r", "\r\n".
func ioNewlineArg(o Object) (string, bool, error) {
	if o == nil || o == None {
		return "", true, nil
	}
	s, ok := o.(*Str)
	if !ok {
		return "", false, TypeErrorf("newline must be str or None, not %s", typeName(o))
	}
	switch s.s {
	case "", "\n", "\r", "\r\n":
		return s.s, false, nil
	}
	r, _ := ReprString(nil, s)
	return "", false, ValueErrorf("illegal newline value: %s", r)
}

// ioFindLineEnd returns the end (exclusive) of the first line in rs, or -1.
// readnl "" means universal (\r, \n, \r\n); at the very end of the data a
// lone \r ends a line only if atEOF.
func ioFindLineEnd(rs []rune, readnl string, univ bool) int {
	if univ {
		for i, r := range rs {
			if r == '\n' {
				return i + 1
			}
			if r == '\r' {
				if i+1 < len(rs) && rs[i+1] == '\n' {
					return i + 2
				}
				return i + 1
			}
		}
		return -1
	}
	nl := []rune(readnl)
	for i := 0; i+len(nl) <= len(rs); i++ {
		if rs[i] == nl[0] && (len(nl) == 1 || rs[i+1] == nl[1]) {
			return i + len(nl)
		}
	}
	return -1
}

func (s *stringIO) write(text string) int {
	n := strops.Len(text)
	if s.univ || s.trans {
		s.seen = ioScanNewlines(text, s.seen)
	}
	if s.trans {
		if strings.IndexByte(text, '\r') >= 0 {
			text = strings.ReplaceAll(text, "\r\n", "\n")
			text = strings.ReplaceAll(text, "\r", "\n")
		}
	}
	if s.writenl != "" && strings.IndexByte(text, '\n') >= 0 {
		text = strings.ReplaceAll(text, "\n", s.writenl)
	}
	rs := strops.Runes(text)
	end := s.pos + len(rs)
	for len(s.buf) < s.pos {
		s.buf = append(s.buf, 0)
	}
	if end > len(s.buf) {
		s.buf = append(s.buf[:s.pos], rs...)
	} else {
		copy(s.buf[s.pos:], rs)
	}
	s.pos = end
	return n
}

func (s *stringIO) readLine(limit int) string {
	if s.pos >= len(s.buf) {
		return ""
	}
	rest := s.buf[s.pos:]
	n := ioFindLineEnd(rest, s.readnl, s.univ && !s.trans)
	if n < 0 {
		n = len(rest)
	}
	if limit >= 0 && n > limit {
		n = limit
	}
	s.pos += n
	return strops.FromRunes(rest[:n])
}

func init() {
	st := StringIOType
	st.hasDict = true
	st.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		return newSubclassInstance(typ, &stringIO{readnl: "\n"}), nil
	}
	get := func(self Object) (*stringIO, error) { return ioGetState[*stringIO](self, StringIOType) }
	locked := func(self Object, fn func(s *stringIO) (Object, error)) (Object, error) {
		s, err := get(self)
		if err != nil {
			return nil, err
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.closed {
			return nil, ValueErrorf("I/O operation on closed file")
		}
		return fn(s)
	}
	st.Init = func(t *Thread, self Object, args []Object, kw []string) error {
		var initial, newline Object
		if err := ParseArgs("StringIO", args, kw, []string{"initial_value", "newline"}, 0, &initial, &newline); err != nil {
			return err
		}
		if newline == nil {
			newline = NewStr("\n")
		}
		nl, isNone, err := ioNewlineArg(newline)
		if err != nil {
			return err
		}
		var text string
		if initial != nil && initial != None {
			is, ok := unwrap(initial).(*Str)
			if !ok {
				return TypeErrorf("initial_value must be str or None, not %s", typeName(initial))
			}
			text = is.s
		}
		s, err := get(self)
		if err != nil {
			return err
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		s.buf, s.pos, s.seen, s.newline = nil, 0, 0, newline
		s.trans = isNone
		s.univ = isNone || nl == ""
		s.readnl = nl
		if isNone {
			s.readnl = "\n"
		}
		s.writenl = ""
		if !isNone && nl != "" && nl != "\n" {
			s.writenl = nl
		}
		if text != "" {
			s.write(text)
			s.pos = 0
		}
		return nil
	}
	st.AddMethod("getvalue", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return locked(self, func(s *stringIO) (Object, error) { return NewStr(strops.FromRunes(s.buf)), nil })
	})
	st.AddMethod("read", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var size Object
		if err := ParseArgs("read", args, kw, []string{""}, 0, &size); err != nil {
			return nil, err
		}
		n, err := ioSizeArg(t, size)
		if err != nil {
			return nil, err
		}
		return locked(self, func(s *stringIO) (Object, error) {
			avail := len(s.buf) - s.pos
			if avail < 0 {
				avail = 0
			}
			if n < 0 || n > avail {
				n = avail
			}
			out := strops.FromRunes(s.buf[s.pos : s.pos+n])
			s.pos += n
			return NewStr(out), nil
		})
	})
	st.AddMethod("readline", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var size Object
		if err := ParseArgs("readline", args, kw, []string{""}, 0, &size); err != nil {
			return nil, err
		}
		n, err := ioSizeArg(t, size)
		if err != nil {
			return nil, err
		}
		return locked(self, func(s *stringIO) (Object, error) { return NewStr(s.readLine(n)), nil })
	})
	st.Next = func(t *Thread, self Object) (Object, error) {
		if ioOverrides(self, "readline") {
			return IOBaseType.Next(t, self)
		}
		r, err := locked(self, func(s *stringIO) (Object, error) { return NewStr(s.readLine(-1)), nil })
		if err != nil || r.(*Str).s == "" {
			return nil, err
		}
		return r, nil
	}
	st.AddMethod("write", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("write() takes exactly one argument (%d given)", len(args))
		}
		text, ok := unwrap(args[0]).(*Str)
		if !ok {
			return nil, TypeErrorf("string argument expected, got '%s'", typeName(args[0]))
		}
		return locked(self, func(s *stringIO) (Object, error) { return Int(s.write(text.s)), nil })
	})
	st.AddMethod("seek", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var posObj, whenceObj Object
		if err := ParseArgs("seek", args, kw, []string{"", ""}, 1, &posObj, &whenceObj); err != nil {
			return nil, err
		}
		pos, err := AsInt64(t, posObj)
		if err != nil {
			return nil, err
		}
		whence, err := ioWhence(t, whenceObj)
		if err != nil {
			if w, ok := whenceObj.(Int); ok {
				// StringIO alone capitalises this message.
				return nil, ValueErrorf("Invalid whence (%d, should be 0, 1 or 2)", int64(w))
			}
			return nil, err
		}
		return locked(self, func(s *stringIO) (Object, error) {
			switch {
			case whence == 0 && pos < 0:
				return nil, ValueErrorf("Negative seek position %d", pos)
			case whence == 1 && pos != 0:
				return nil, Errorf(OSErrorType, "Can't do nonzero cur-relative seeks")
			case whence == 2 && pos != 0:
				return nil, Errorf(OSErrorType, "Can't do nonzero end-relative seeks")
			case whence == 1:
				pos = int64(s.pos)
			case whence == 2:
				pos = int64(len(s.buf))
			}
			s.pos = int(pos)
			return Int(pos), nil
		})
	})
	st.AddMethod("tell", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return locked(self, func(s *stringIO) (Object, error) { return Int(s.pos), nil })
	})
	st.AddMethod("truncate", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var sizeObj Object
		if err := ParseArgs("truncate", args, kw, []string{""}, 0, &sizeObj); err != nil {
			return nil, err
		}
		return locked(self, func(s *stringIO) (Object, error) {
			size := int64(s.pos)
			if sizeObj != nil && sizeObj != None {
				var err error
				if size, err = AsInt64(t, sizeObj); err != nil {
					return nil, err
				}
				if size < 0 {
					return nil, ValueErrorf("Negative size value %d", size)
				}
			}
			if int(size) < len(s.buf) {
				s.buf = s.buf[:size]
			}
			return Int(size), nil
		})
	})
	for _, name := range []string{"readable", "writable", "seekable"} {
		st.AddMethod(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			return locked(self, func(s *stringIO) (Object, error) { return True, nil })
		})
	}
	st.AddMethod("close", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		s, err := get(self)
		if err != nil {
			return nil, err
		}
		s.mu.Lock()
		s.closed, s.buf = true, nil
		s.mu.Unlock()
		return None, nil
	})
	st.AddGetSet("closed", func(t *Thread, o Object) (Object, error) {
		s, err := get(o)
		if err != nil {
			return nil, err
		}
		c, _ := s.isClosed(t)
		return Bool(c), nil
	}, nil)
	st.AddGetSet("line_buffering", func(t *Thread, o Object) (Object, error) {
		return locked(o, func(s *stringIO) (Object, error) { return False, nil })
	}, nil)
	st.AddGetSet("newlines", func(t *Thread, o Object) (Object, error) {
		return locked(o, func(s *stringIO) (Object, error) {
			if !s.univ && !s.trans {
				return None, nil
			}
			return ioSeenNewlines(s.seen), nil
		})
	}, nil)
	registerType(StringIOType)
}
