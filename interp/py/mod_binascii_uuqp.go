package py

// binascii's uuencode and quoted-printable halves, kept apart from the
// hex/base64/crc core. The quirks (a2b_uu of b'' giving 32 NULs, '`' as a
// zero, the 76-column soft breaks of b2a_qp) are CPython's, kept because
// uu, quopri and email round-trip data through them.

const qpMaxLine = 76

func addBinasciiUU(m *Module) {
	m.AddFunc("b2a_uu", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var data, backtick Object
		if err := parsePosKw("b2a_uu", args, kw, []string{"data"}, []string{"backtick"}, 1, &data, &backtick); err != nil {
			return nil, err
		}
		b, err := binaryData(t, data)
		if err != nil {
			return nil, err
		}
		bt := false
		if backtick != nil {
			if bt, err = IsTrue(t, backtick); err != nil {
				return nil, err
			}
		}
		if len(b) > 45 {
			return nil, binasciiError("At most 45 bytes at once")
		}
		enc := func(v byte) byte {
			if bt && v == 0 {
				return '`'
			}
			return ' ' + v
		}
		out := []byte{enc(byte(len(b)))}
		for i := 0; i < len(b); i += 3 {
			var g [3]byte
			copy(g[:], b[i:])
			out = append(out, enc(g[0]>>2), enc((g[0]<<4|g[1]>>4)&0x3f), enc((g[1]<<2|g[2]>>6)&0x3f), enc(g[2]&0x3f))
		}
		return NewBytes(append(out, '\n')), nil
	})
	m.AddFunc("a2b_uu", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if err := methOArg("binascii.a2b_uu", args, kw); err != nil {
			return nil, err
		}
		data := args[0]
		b, err := asciiData(t, data)
		if err != nil {
			return nil, err
		}
		// an empty line reads as length byte NUL, hence 32 bytes, as in CPython
		var first byte
		if len(b) > 0 {
			first, b = b[0], b[1:]
		}
		n := int((first - ' ') & 0x3f)
		out := make([]byte, 0, n)
		var acc uint32
		bits, i := 0, 0
		for ; len(out) < n; i++ {
			var c byte
			if i < len(b) && b[i] != '\n' && b[i] != '\r' {
				c = b[i]
				if c < ' ' || c > ' '+64 {
					return nil, binasciiError("Illegal char")
				}
				c = (c - ' ') & 0x3f
			}
			acc = acc<<6 | uint32(c)
			bits += 6
			if bits >= 8 {
				bits -= 8
				out = append(out, byte(acc>>uint(bits)))
				acc &= 1<<uint(bits) - 1
			}
		}
		for ; i < len(b); i++ {
			if c := b[i]; c != ' ' && c != ' '+64 && c != '\n' && c != '\r' {
				return nil, binasciiError("Trailing garbage")
			}
		}
		return NewBytes(out), nil
	})
}

func addBinasciiQP(m *Module) {
	m.AddFunc("a2b_qp", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var data, header Object
		if err := parseClinic("a2b_qp", args, kw, []string{"data", "header"}, 0, 1, &data, &header); err != nil {
			return nil, err
		}
		b, err := asciiData(t, data)
		if err != nil {
			return nil, err
		}
		hdr := false
		if header != nil {
			if hdr, err = IsTrue(t, header); err != nil {
				return nil, err
			}
		}
		return NewBytes(a2bQP(b, hdr)), nil
	})
	m.AddFunc("b2a_qp", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var data, quotetabs, istext, header Object
		if err := parseClinic("b2a_qp", args, kw, []string{"data", "quotetabs", "istext", "header"}, 0, 1, &data, &quotetabs, &istext, &header); err != nil {
			return nil, err
		}
		b, err := binaryData(t, data)
		if err != nil {
			return nil, err
		}
		flag := func(o Object, dflt bool) (bool, error) {
			if o == nil {
				return dflt, nil
			}
			return IsTrue(t, o)
		}
		qt, err := flag(quotetabs, false)
		if err != nil {
			return nil, err
		}
		it, err := flag(istext, true)
		if err != nil {
			return nil, err
		}
		hdr, err := flag(header, false)
		if err != nil {
			return nil, err
		}
		return NewBytes(b2aQP(b, qt, it, hdr)), nil
	})
}

func a2bQP(in []byte, header bool) []byte {
	out := make([]byte, 0, len(in))
	for i := 0; i < len(in); {
		c := in[i]
		switch {
		case c == '=':
			i++
			if i >= len(in) {
				return out
			}
			switch {
			case in[i] == '\n' || in[i] == '\r': // soft line break
				if in[i] != '\n' {
					for i < len(in) && in[i] != '\n' {
						i++
					}
				}
				if i < len(in) {
					i++
				}
			case in[i] == '=': // from broken encoders that wrote '=='
				out = append(out, '=')
				i++
			case i+1 < len(in) && hexDigit(in[i]) >= 0 && hexDigit(in[i+1]) >= 0:
				out = append(out, byte(hexDigit(in[i])<<4|hexDigit(in[i+1])))
				i += 2
			default:
				out = append(out, '=')
			}
		case header && c == '_':
			out = append(out, ' ')
			i++
		default:
			out = append(out, c)
			i++
		}
	}
	return out
}

func b2aQP(in []byte, quotetabs, istext, header bool) []byte {
	const hexUpper = "0123456789ABCDEF"
	crlf := false
	for i, c := range in {
		if c == '\n' {
			crlf = i > 0 && in[i-1] == '\r'
			break
		}
	}
	out := make([]byte, 0, len(in)+len(in)/8)
	softBreak := func() {
		out = append(out, '=')
		if crlf {
			out = append(out, '\r')
		}
		out = append(out, '\n')
	}
	lineLen := 0
	n := len(in)
	for i := 0; i < n; {
		c := in[i]
		last := i+1 == n
		needQuote := c > 126 || c == '=' || (header && c == '_') ||
			(c == '.' && lineLen == 0 && (last || in[i+1] == '\n' || in[i+1] == '\r' || in[i+1] == 0)) ||
			(!istext && (c == '\r' || c == '\n')) ||
			((c == '\t' || c == ' ') && last) ||
			(c < 33 && c != '\r' && c != '\n' && (quotetabs || (c != '\t' && c != ' ')))
		switch {
		case needQuote:
			if lineLen+3 >= qpMaxLine {
				softBreak()
				lineLen = 0
			}
			out = append(out, '=', hexUpper[c>>4], hexUpper[c&15])
			i++
			lineLen += 3
		case istext && (c == '\n' || (i+1 < n && c == '\r' && in[i+1] == '\n')):
			lineLen = 0
			// whitespace at the end of a line would be lost in transit
			if k := len(out); k > 0 && (out[k-1] == ' ' || out[k-1] == '\t') {
				ws := out[k-1]
				out = append(out[:k-1], '=', hexUpper[ws>>4], hexUpper[ws&15])
			}
			if crlf {
				out = append(out, '\r')
			}
			out = append(out, '\n')
			if c == '\r' {
				i += 2
			} else {
				i++
			}
		default:
			if !last && in[i+1] != '\n' && lineLen+1 >= qpMaxLine {
				softBreak()
				lineLen = 0
			}
			lineLen++
			if header && c == ' ' {
				out = append(out, '_')
			} else {
				out = append(out, c)
			}
			i++
		}
	}
	return out
}
