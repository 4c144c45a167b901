package py

import "freepy/interp/strops"

// UTF-7 (RFC 2152) as CPython 3.11's codec does it: Set D characters and
// whitespace are written directly, '+' as "+-", everything else in
// modified base64 between '+' and an optional '-'.

const utf7Base64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

func utf7IsBase64(c rune) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '/'
}

func utf7FromBase64(c byte) uint64 {
	switch {
	case c >= 'A' && c <= 'Z':
		return uint64(c - 'A')
	case c >= 'a' && c <= 'z':
		return uint64(c-'a') + 26
	case c >= '0' && c <= '9':
		return uint64(c-'0') + 52
	case c == '+':
		return 62
	}
	return 63
}

// utf7EncodeDirect reports whether the encoder writes c as itself: Set D
// and whitespace (CPython does not write Set O directly).
func utf7EncodeDirect(c rune) bool {
	switch {
	case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		return true
	}
	switch c {
	case '\'', '(', ')', ',', '-', '.', '/', ':', '?', ' ', '\t', '\r', '\n':
		return true
	}
	// Set O is written directly too.
	switch c {
	case '!', '"', '#', '$', '%', '&', '*', ';', '<', '=', '>', '@', '[', ']', '^', '_', '`', '{', '|', '}':
		return true
	}
	return false
}

func utf7Encode(s *Str) []byte {
	var out []byte
	inShift := false
	bits := 0
	var buf uint64
	emit := func(ch rune) {
		put := func(u uint64) {
			bits += 16
			buf = buf<<16 | u
			for bits >= 6 {
				out = append(out, utf7Base64[(buf>>(bits-6))&0x3f])
				bits -= 6
			}
			buf &= 1<<bits - 1
		}
		if ch >= 0x10000 {
			ch -= 0x10000
			put(uint64(0xD800 + (ch >> 10)))
			put(uint64(0xDC00 + (ch & 0x3ff)))
			return
		}
		put(uint64(ch))
	}
	for _, ch := range strops.Runes(s.s) {
		if inShift {
			if utf7EncodeDirect(ch) {
				if bits > 0 {
					out = append(out, utf7Base64[(buf<<(6-bits))&0x3f])
					buf, bits = 0, 0
				}
				inShift = false
				if utf7IsBase64(ch) || ch == '-' {
					out = append(out, '-')
				}
				out = append(out, byte(ch))
				continue
			}
			emit(ch)
			continue
		}
		switch {
		case ch == '+':
			out = append(out, '+', '-')
		case utf7EncodeDirect(ch):
			out = append(out, byte(ch))
		default:
			out = append(out, '+')
			inShift = true
			emit(ch)
		}
	}
	if bits > 0 {
		out = append(out, utf7Base64[(buf<<(6-bits))&0x3f])
	}
	if inShift {
		out = append(out, '-')
	}
	return out
}

// utf7Decode decodes b; with final false an unfinished shift sequence is
// left for the next call.
func utf7Decode(t *Thread, b []byte, errs string, final bool) (string, int, error) {
	var out []byte
	inShift := false
	bits := 0
	var buf uint64
	var surrogate rune
	start, shiftOut := 0, 0
	fail := func(startPos, endPos int, reason string) (int, error) {
		exc := makeUnicodeError(UnicodeDecodeErrorType, "utf7", NewBytes(append([]byte(nil), b...)), startPos, endPos, reason)
		if errs == "strict" {
			return 0, exc
		}
		repl, _, pos, err := callErrorHandler(t, errs, exc, false, len(b))
		if err != nil {
			return 0, err
		}
		out = append(out, repl...)
		return pos, nil
	}
	i := 0
	for i < len(b) {
		ch := b[i]
		switch {
		case inShift:
			if utf7IsBase64(rune(ch)) {
				buf = buf<<6 | utf7FromBase64(ch)
				bits += 6
				i++
				if bits >= 16 {
					u := rune(buf>>(bits-16)) & 0xffff
					bits -= 16
					buf &= 1<<bits - 1
					if surrogate != 0 {
						if u >= 0xDC00 && u <= 0xDFFF {
							out = strops.AppendRune(out, 0x10000+(surrogate-0xD800)<<10+(u-0xDC00))
							surrogate = 0
							continue
						}
						out = strops.AppendRune(out, surrogate)
						surrogate = 0
					}
					if u >= 0xD800 && u <= 0xDBFF {
						surrogate = u
					} else {
						out = strops.AppendRune(out, u)
					}
				}
				continue
			}
			inShift = false
			if bits > 0 {
				reason := ""
				if bits >= 6 {
					reason = "partial character in shift sequence"
				} else if buf != 0 {
					reason = "non-zero padding bits in shift sequence"
				}
				if reason != "" {
					i++
					pos, err := fail(start, i, reason)
					if err != nil {
						return "", 0, err
					}
					i = pos
					continue
				}
			}
			if surrogate != 0 && ch <= 127 && ch != '+' {
				out = strops.AppendRune(out, surrogate)
			}
			surrogate = 0
			if ch == '-' {
				i++
			}
		case ch == '+':
			start = i
			i++
			if i < len(b) && b[i] == '-' {
				i++
				out = append(out, '+')
			} else if i < len(b) && !utf7IsBase64(rune(b[i])) {
				i++
				pos, err := fail(start, i, "ill-formed sequence")
				if err != nil {
					return "", 0, err
				}
				i = pos
			} else {
				inShift, surrogate, shiftOut, bits, buf = true, 0, len(out), 0, 0
			}
		case ch <= 127:
			out = append(out, ch)
			i++
		default:
			start = i
			i++
			pos, err := fail(start, i, "unexpected special character")
			if err != nil {
				return "", 0, err
			}
			i = pos
		}
	}
	if inShift && final {
		inShift = false
		if surrogate != 0 || bits >= 6 || (bits > 0 && buf != 0) {
			if _, err := fail(start, len(b), "unterminated shift sequence"); err != nil {
				return "", 0, err
			}
		}
	}
	if !final && inShift {
		return string(out[:shiftOut]), start, nil
	}
	return string(out), len(b), nil
}

func init() {
	registerCodecFuncs = append(registerCodecFuncs, func(m *Module) {
		m.AddFunc("utf_7_encode", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := argCount("utf_7_encode", args, kw, 1, 2); err != nil {
				return nil, err
			}
			s, err := codecStrArg("utf_7_encode", args[0])
			if err != nil {
				return nil, err
			}
			return NewTuple(NewBytes(utf7Encode(s)), Int(s.n)), nil
		})
		m.AddFunc("utf_7_decode", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := argCount("utf_7_decode", args, kw, 1, 3); err != nil {
				return nil, err
			}
			b, err := needBytesLike(args[0])
			if err != nil {
				return nil, err
			}
			errs, err := codecErrorsArg("utf_7_decode", optArg(args, 1), 2)
			if err != nil {
				return nil, err
			}
			final := false
			if len(args) > 2 {
				if final, err = IsTrue(t, args[2]); err != nil {
					return nil, err
				}
			}
			s, n, err := utf7Decode(t, b, errs, final)
			if err != nil {
				return nil, err
			}
			return NewTuple(NewStr(s), Int(n)), nil
		})
	})
}
