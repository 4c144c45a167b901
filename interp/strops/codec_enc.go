package strops

import (
	"strconv"
	"unicode/utf8"
)

// Encode is str.encode(encoding, errors) for the codecs of this package
// (utf-8, ascii, latin-1, utf-16/32 with their -le/-be forms) and the
// builtin error handlers strict, ignore, replace, backslashreplace,
// xmlcharrefreplace, surrogateescape and surrogatepass.
func Encode(s, encoding, errors string) ([]byte, error) {
	return EncodeCustom(s, encoding, errors, nil)
}

// EncodeCustom is Encode with a fallback for error handlers it does not
// know (custom may be nil).
func EncodeCustom(s, encoding, errors string, custom CustomHandler) ([]byte, error) {
	codec, ok := NormalizeEncoding(encoding)
	if !ok {
		return nil, &UnknownEncodingError{encoding}
	}
	switch codec {
	case CodecUTF8:
		if !hasSurrogate(s) {
			return []byte(s), nil
		}
	case CodecASCII, CodecLatin1:
		if IsASCII(s) {
			return []byte(s), nil
		}
	}
	e := &encoder{codec: codec, name: codec, s: s, rs: Runes(s), h: errHandler{errors, custom}, unit: 1}
	switch codec {
	case CodecUTF16, CodecUTF16LE, CodecUTF16BE:
		e.unit, e.big = 2, codec == CodecUTF16BE
		e.out = make([]byte, 0, 2*len(e.rs)+2)
		if codec == CodecUTF16 {
			e.out = append(e.out, 0xFF, 0xFE)
		}
	case CodecUTF32, CodecUTF32LE, CodecUTF32BE:
		e.unit, e.big = 4, codec == CodecUTF32BE
		e.out = make([]byte, 0, 4*len(e.rs)+4)
		if codec == CodecUTF32 {
			e.out = append(e.out, 0xFF, 0xFE, 0, 0)
		}
	default:
		e.out = make([]byte, 0, len(s))
	}
	if err := e.run(); err != nil {
		return nil, wrapCodecError(err, "encoding", encoding)
	}
	return e.out, nil
}

// hasSurrogate reports whether s holds an encoded surrogate (ED A0..BF).
func hasSurrogate(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		if s[i] == 0xED && s[i+1] >= 0xA0 && s[i+1] <= 0xBF {
			return true
		}
	}
	return false
}

type encoder struct {
	codec, name string
	s           string
	rs          []rune
	h           errHandler
	out         []byte
	unit        int // bytes per code unit: 1 (utf-8, ascii, latin-1), 2 or 4
	big         bool
}

// bad reports whether the codec cannot encode r.
func (e *encoder) bad(r rune) bool {
	switch e.codec {
	case CodecASCII:
		return r >= 0x80
	case CodecLatin1:
		return r >= 0x100
	}
	return isSurrogate(r)
}

func (e *encoder) reason() string {
	switch e.codec {
	case CodecASCII:
		return "ordinal not in range(128)"
	case CodecLatin1:
		return "ordinal not in range(256)"
	}
	return "surrogates not allowed"
}

// put encodes r, which the codec accepts (or a surrogate being passed
// through by surrogatepass).
func (e *encoder) put(r rune) {
	switch e.unit {
	case 1:
		if e.codec == CodecUTF8 {
			e.out = AppendRune(e.out, r)
		} else {
			e.out = append(e.out, byte(r))
		}
	case 2:
		if r >= 0x10000 {
			r -= 0x10000
			e.put16(0xD800 | uint16(r>>10))
			e.put16(0xDC00 | uint16(r&0x3FF))
		} else {
			e.put16(uint16(r))
		}
	case 4:
		if e.big {
			e.out = append(e.out, byte(r>>24), byte(r>>16), byte(r>>8), byte(r))
		} else {
			e.out = append(e.out, byte(r), byte(r>>8), byte(r>>16), byte(r>>24))
		}
	}
}

func (e *encoder) put16(u uint16) {
	if e.big {
		e.out = append(e.out, byte(u>>8), byte(u))
	} else {
		e.out = append(e.out, byte(u), byte(u>>8))
	}
}

func (e *encoder) putASCII(s string) {
	for i := 0; i < len(s); i++ {
		e.put(rune(s[i]))
	}
}

func (e *encoder) run() error {
	rs := e.rs
	// The single-byte codecs and utf-8 hand a whole run of unencodable
	// characters to the error handler; utf-16/32 one character at a time.
	runs := e.unit == 1
	for i := 0; i < len(rs); {
		r := rs[i]
		if !e.bad(r) {
			e.put(r)
			i++
			continue
		}
		end := i + 1
		for runs && end < len(rs) && e.bad(rs[end]) {
			end++
		}
		next, err := e.handle(i, end)
		if err != nil {
			return err
		}
		i = next
	}
	return nil
}

func (e *encoder) fail(start, end int) error {
	return &UnicodeError{Encode: true, Encoding: e.name, Object: e.s, Start: start, End: end, Reason: e.reason()}
}

// handle applies the error handler to the characters [start, end) and
// returns where to resume.
func (e *encoder) handle(start, end int) (int, error) {
	rs := e.rs
	switch e.h.name {
	case "strict":
		return 0, e.fail(start, end)
	case "ignore":
	case "replace":
		for range end - start {
			e.put('?')
		}
	case "backslashreplace":
		for _, r := range rs[start:end] {
			e.putASCII(string(appendEscape(nil, r)))
		}
	case "xmlcharrefreplace":
		for _, r := range rs[start:end] {
			e.putASCII("&#" + strconv.Itoa(int(r)) + ";")
		}
	case "surrogateescape":
		// U+DC80..U+DCFF stand for the undecodable bytes 0x80..0xFF; a
		// multi-byte codec cannot emit a lone byte.
		for k := start; k < end; k++ {
			r := rs[k]
			if r < 0xDC80 || r > 0xDCFF || e.unit > 1 {
				return 0, e.fail(k, end)
			}
			e.out = append(e.out, byte(r-0xDC00))
		}
	case "surrogatepass":
		if e.codec == CodecASCII || e.codec == CodecLatin1 {
			return 0, e.fail(start, end)
		}
		for _, r := range rs[start:end] {
			if !isSurrogate(r) {
				return 0, e.fail(start, end)
			}
			e.put(r)
		}
	default:
		err := &UnicodeError{Encode: true, Encoding: e.name, Object: e.s, Start: start, End: end, Reason: e.reason()}
		repl, isBytes, pos, herr := e.h.callCustom(err, len(rs))
		if herr != nil {
			return 0, herr
		}
		if isBytes {
			if len(repl)%e.unit != 0 {
				return 0, e.fail(start, end)
			}
			e.out = append(e.out, repl...)
			return pos, nil
		}
		for i := 0; i < len(repl); {
			r, n := decodeRune(repl[i:])
			if r >= utf8.RuneSelf && !(e.codec == CodecLatin1 && r < 0x100) {
				return 0, e.fail(start, end)
			}
			e.put(r)
			i += n
		}
		return pos, nil
	}
	return end, nil
}
