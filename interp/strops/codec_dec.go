package strops

import "unicode/utf8"

// Decode is bytes.decode(encoding, errors) for the codecs of this package;
// see Encode. The result is a str in generalized UTF-8.
func Decode(b []byte, encoding, errors string) (string, error) {
	return DecodeCustom(b, encoding, errors, nil)
}

// DecodeCustom is Decode with a fallback for error handlers it does not
// know (custom may be nil).
func DecodeCustom(b []byte, encoding, errors string, custom CustomHandler) (string, error) {
	s, _, err := decode(b, encoding, errors, custom, false)
	if err != nil {
		return "", wrapCodecError(err, "decoding", encoding)
	}
	return s, nil
}

// DecodePartial serves incremental decoders (_codecs.utf_8_decode and
// friends with final=False): an incomplete sequence at the end of b is not
// an error but left for the next call; consumed says how many bytes were
// used. For utf-16 and utf-32 with a BOM, nothing is consumed until the
// BOM is complete. With final=true it is Decode.
func DecodePartial(b []byte, encoding, errors string, final bool, custom CustomHandler) (string, int, error) {
	s, n, err := decode(b, encoding, errors, custom, !final)
	if err != nil {
		return "", 0, wrapCodecError(err, "decoding", encoding)
	}
	return s, n, nil
}

func decode(b []byte, encoding, errors string, custom CustomHandler, partial bool) (string, int, error) {
	codec, ok := NormalizeEncoding(encoding)
	if !ok {
		return "", 0, &UnknownEncodingError{encoding}
	}
	d := &decoder{codec: codec, name: codec, data: b, h: errHandler{errors, custom}, partial: partial, consumed: len(b)}
	s, err := d.run()
	if err != nil {
		return "", 0, err
	}
	return s, d.consumed, nil
}

func (d *decoder) run() (string, error) {
	b, codec := d.data, d.codec
	switch codec {
	case CodecUTF8:
		if utf8.Valid(b) {
			return string(b), nil
		}
		d.out = make([]byte, 0, len(b)+8)
		if err := d.utf8(); err != nil {
			return "", err
		}
	case CodecASCII:
		if IsASCII(string(b)) {
			return string(b), nil
		}
		d.out = make([]byte, 0, len(b)+8)
		if err := d.ascii(); err != nil {
			return "", err
		}
	case CodecLatin1:
		out := make([]byte, 0, len(b)+len(b)/2)
		for _, c := range b {
			out = AppendRune(out, rune(c))
		}
		return string(out), nil
	case CodecUTF16, CodecUTF16LE, CodecUTF16BE:
		d.unit, d.big = 2, codec == CodecUTF16BE
		start := 0
		if codec == CodecUTF16 && len(b) < 2 && d.partial {
			d.consumed = 0
			return "", nil
		}
		if codec == CodecUTF16 && len(b) >= 2 {
			switch {
			case b[0] == 0xFF && b[1] == 0xFE:
				start = 2
			case b[0] == 0xFE && b[1] == 0xFF:
				start, d.big = 2, true
			}
		}
		// Errors name the byte order actually used, like CPython.
		d.name = CodecUTF16LE
		if d.big {
			d.name = CodecUTF16BE
		}
		d.out = make([]byte, 0, len(b))
		if err := d.utf16(start); err != nil {
			return "", err
		}
	case CodecUTF32, CodecUTF32LE, CodecUTF32BE:
		d.unit, d.big = 4, codec == CodecUTF32BE
		start := 0
		if codec == CodecUTF32 && len(b) < 4 && d.partial {
			d.consumed = 0
			return "", nil
		}
		if codec == CodecUTF32 && len(b) >= 4 {
			switch {
			case b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0:
				start = 4
			case b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF:
				start, d.big = 4, true
			}
		}
		d.name = CodecUTF32LE
		if d.big {
			d.name = CodecUTF32BE
		}
		d.out = make([]byte, 0, len(b))
		if err := d.utf32(start); err != nil {
			return "", err
		}
	}
	return string(d.out), nil
}

type decoder struct {
	// partial: more input may follow (final=False in _codecs), so an
	// incomplete sequence at the end is left unconsumed, not an error.
	partial     bool
	consumed    int
	codec, name string
	data        []byte
	h           errHandler
	out         []byte
	unit        int
	big         bool
}

func (d *decoder) fail(start, end int, reason string) error {
	return &UnicodeError{Encoding: d.name, Data: d.data, Start: start, End: end, Reason: reason}
}

func isCont(c byte) bool { return c&0xC0 == 0x80 }

// utf8Step decodes the sequence at b[i], which starts with a non-ASCII
// byte, following CPython's decoder: it returns the code point and length,
// or a reason and the end of the bytes the error covers.
func utf8Step(b []byte, i int) (rune, int, string, int) {
	const (
		start = "invalid start byte"
		cont  = "invalid continuation byte"
		eod   = "unexpected end of data"
	)
	c := b[i]
	rem := len(b) - i
	switch {
	case c < 0xC2:
		return 0, 0, start, i + 1
	case c < 0xE0:
		if rem < 2 {
			return 0, 0, eod, len(b)
		}
		if !isCont(b[i+1]) {
			return 0, 0, cont, i + 1
		}
		return rune(c&0x1F)<<6 | rune(b[i+1]&0x3F), 2, "", 0
	case c < 0xF0:
		// E0 needs A0..BF next (no overlong forms); ED needs 80..9F (no
		// surrogates).
		second := func(c2 byte) bool {
			return isCont(c2) && !(c == 0xE0 && c2 < 0xA0) && !(c == 0xED && c2 >= 0xA0)
		}
		if rem < 3 {
			if rem >= 2 && !second(b[i+1]) {
				return 0, 0, cont, i + 1
			}
			return 0, 0, eod, len(b)
		}
		if !second(b[i+1]) {
			return 0, 0, cont, i + 1
		}
		if !isCont(b[i+2]) {
			return 0, 0, cont, i + 2
		}
		return rune(c&0x0F)<<12 | rune(b[i+1]&0x3F)<<6 | rune(b[i+2]&0x3F), 3, "", 0
	case c < 0xF5:
		// F0 needs 90..BF next; F4 needs 80..8F (nothing above U+10FFFF).
		second := func(c2 byte) bool {
			return isCont(c2) && !(c == 0xF0 && c2 < 0x90) && !(c == 0xF4 && c2 >= 0x90)
		}
		if rem < 4 {
			if rem >= 2 && !second(b[i+1]) {
				return 0, 0, cont, i + 1
			}
			if rem >= 3 && !isCont(b[i+2]) {
				return 0, 0, cont, i + 2
			}
			return 0, 0, eod, len(b)
		}
		if !second(b[i+1]) {
			return 0, 0, cont, i + 1
		}
		if !isCont(b[i+2]) {
			return 0, 0, cont, i + 2
		}
		if !isCont(b[i+3]) {
			return 0, 0, cont, i + 3
		}
		return rune(c&0x07)<<18 | rune(b[i+1]&0x3F)<<12 | rune(b[i+2]&0x3F)<<6 | rune(b[i+3]&0x3F), 4, "", 0
	}
	return 0, 0, start, i + 1
}

func (d *decoder) utf8() error {
	b := d.data
	for i := 0; i < len(b); {
		if b[i] < 0x80 {
			d.out = append(d.out, b[i])
			i++
			continue
		}
		r, n, reason, end := utf8Step(b, i)
		if n > 0 {
			d.out = AppendRune(d.out, r)
			i += n
			continue
		}
		// A truncated ED A0..BF may become an encoded surrogate that
		// surrogatepass accepts once the rest arrives.
		if d.partial && (end == len(b) && reason == "unexpected end of data" ||
			b[i] == 0xED && len(b)-i == 2 && b[i+1] >= 0xA0 && b[i+1] <= 0xBF) {
			d.consumed = i
			return nil
		}
		next, err := d.handle(i, end, reason)
		if err != nil {
			return err
		}
		i = next
	}
	return nil
}

func (d *decoder) ascii() error {
	b := d.data
	for i := 0; i < len(b); {
		if b[i] < 0x80 {
			d.out = append(d.out, b[i])
			i++
			continue
		}
		next, err := d.handle(i, i+1, "ordinal not in range(128)")
		if err != nil {
			return err
		}
		i = next
	}
	return nil
}

func (d *decoder) unit16(i int) rune {
	if d.big {
		return rune(d.data[i])<<8 | rune(d.data[i+1])
	}
	return rune(d.data[i+1])<<8 | rune(d.data[i])
}

func (d *decoder) unit32(i int) uint32 {
	b := d.data[i : i+4]
	if d.big {
		return uint32(b[0])<<24 | uint32(b[1])<<16 | uint32(b[2])<<8 | uint32(b[3])
	}
	return uint32(b[3])<<24 | uint32(b[2])<<16 | uint32(b[1])<<8 | uint32(b[0])
}

func (d *decoder) utf16(i int) error {
	n := len(d.data)
	for i < n {
		var reason string
		var end int
		switch {
		case n-i < 2:
			reason, end = "truncated data", n
			if d.partial {
				d.consumed = i
				return nil
			}
		default:
			u := d.unit16(i)
			switch {
			case !isSurrogate(u):
				d.out = AppendRune(d.out, u)
				i += 2
				continue
			case u >= 0xDC00:
				reason, end = "illegal encoding", i+2
			case n-i-2 < 2:
				reason, end = "unexpected end of data", n
				if d.partial {
					d.consumed = i
					return nil
				}
			default:
				u2 := d.unit16(i + 2)
				if u2 < 0xDC00 || u2 > 0xDFFF {
					reason, end = "illegal UTF-16 surrogate", i+2
					break
				}
				d.out = AppendRune(d.out, 0x10000+(u-0xD800)<<10+(u2-0xDC00))
				i += 4
				continue
			}
		}
		next, err := d.handle(i, end, reason)
		if err != nil {
			return err
		}
		i = next
	}
	return nil
}

func (d *decoder) utf32(i int) error {
	n := len(d.data)
	for i < n {
		var reason string
		var end int
		if n-i < 4 {
			reason, end = "truncated data", n
			if d.partial {
				d.consumed = i
				return nil
			}
		} else {
			u := d.unit32(i)
			switch {
			case u > MaxRune:
				reason, end = "code point not in range(0x110000)", i+4
			case isSurrogate(rune(u)):
				reason, end = "code point in surrogate code point range(0xd800, 0xe000)", i+4
			default:
				d.out = AppendRune(d.out, rune(u))
				i += 4
				continue
			}
		}
		next, err := d.handle(i, end, reason)
		if err != nil {
			return err
		}
		i = next
	}
	return nil
}

// handle applies the error handler to the bytes [start, end) and returns
// where to resume.
func (d *decoder) handle(start, end int, reason string) (int, error) {
	b := d.data
	switch d.h.name {
	case "strict":
		return 0, d.fail(start, end, reason)
	case "ignore":
	case "replace":
		d.out = AppendRune(d.out, replacementChar)
	case "backslashreplace":
		for _, c := range b[start:end] {
			d.out = append(d.out, '\\', 'x', hexDigits[c>>4], hexDigits[c&15])
		}
	case "surrogateescape":
		// Bytes 0x80..0xFF become U+DC80..U+DCFF, at most four at a time;
		// ASCII bytes are never escaped.
		k := start
		for k < end && k-start < 4 && b[k] >= 0x80 {
			d.out = AppendRune(d.out, 0xDC00+rune(b[k]))
			k++
		}
		if k == start {
			return 0, d.fail(start, end, reason)
		}
		return k, nil
	case "surrogatepass":
		var r rune = -1
		size := 0
		switch d.codec {
		case CodecUTF8:
			size = 3
			if len(b)-start >= 3 && b[start]&0xF0 == 0xE0 && isCont(b[start+1]) && isCont(b[start+2]) {
				r = rune(b[start]&0x0F)<<12 | rune(b[start+1]&0x3F)<<6 | rune(b[start+2]&0x3F)
			}
		case CodecUTF16, CodecUTF16LE, CodecUTF16BE:
			size = 2
			if len(b)-start >= 2 {
				r = d.unit16(start)
			}
		case CodecUTF32, CodecUTF32LE, CodecUTF32BE:
			size = 4
			if len(b)-start >= 4 {
				r = rune(d.unit32(start) & 0x1FFFFF)
				if d.unit32(start) > MaxRune {
					r = -1
				}
			}
		}
		if !isSurrogate(r) {
			return 0, d.fail(start, end, reason)
		}
		d.out = AppendRune(d.out, r)
		return start + size, nil
	case "xmlcharrefreplace", "namereplace":
		return 0, errorf("TypeError", "don't know how to handle UnicodeDecodeError in error callback")
	default:
		err := &UnicodeError{Encoding: d.name, Data: b, Start: start, End: end, Reason: reason}
		repl, isBytes, pos, herr := d.h.callCustom(err, len(b))
		if herr != nil {
			return 0, herr
		}
		if isBytes {
			return 0, errorf("TypeError", "decoding error handler must return (str, int) tuple")
		}
		d.out = append(d.out, repl...)
		return pos, nil
	}
	return end, nil
}
