package py

import (
	"encoding/base64"
	"hash/crc32"
	"math/big"
	"sync"

	"freepy/interp/strops"
)

// binascii: conversions between binary data and ASCII encodings (hex,
// base64, uu, quoted-printable) and the crc32/crc_hqx checksums, with
// CPython 3.11's error types and messages (base64, secrets, uuid, email and
// zipfile depend on it).

var (
	binasciiOnce       sync.Once
	binasciiErrorType  *Type
	binasciiIncomplete *Type
	crcHqxTable        [256]uint16
)

func binasciiError(msg string) error { return NewError(binasciiErrorType, msg) }

// asciiData reads the argument of the a2b_* functions, which accept ASCII
// str as well as bytes-like objects.
func asciiData(t *Thread, o Object) ([]byte, error) {
	if s, ok := unwrap(o).(*Str); ok {
		for i := 0; i < len(s.s); i++ {
			if s.s[i] >= 0x80 {
				return nil, ValueErrorf("string argument should contain only ASCII characters")
			}
		}
		return []byte(s.s), nil
	}
	if b, ok := bytesLikeT(t, o); ok {
		return b, nil
	}
	return nil, TypeErrorf("argument should be bytes, buffer or ASCII string, not '%s'", typeName(o))
}

// binaryData reads the argument of the b2a_* functions: bytes-like only.
func binaryData(t *Thread, o Object) ([]byte, error) { return needBytesLikeT(t, o) }

// maskedUint32 converts an int to C unsigned int by masking, as the
// crc arguments are ("bitwise" in Argument Clinic terms).
func maskedUint32(t *Thread, o Object) (uint32, error) {
	if _, isFloat := unwrap(o).(Float); isFloat {
		return 0, TypeErrorf("'float' object cannot be interpreted as an integer")
	}
	v, err := Index(t, o)
	if err != nil {
		return 0, err
	}
	b, _ := asBig(v)
	var w uint64
	if b.IsUint64() {
		w = b.Uint64()
	} else {
		// two's complement low bits of a negative or huge int
		m := new(big.Int).And(b, new(big.Int).SetUint64(0xffffffff))
		w = m.Uint64()
	}
	return uint32(w), nil
}

// a2bBase64 decodes base64 as CPython does: without strict_mode, non-
// alphabet characters are skipped and decoding stops at the first complete
// pad sequence; with it, any irregularity is an Error.
func a2bBase64(data []byte, strict bool) ([]byte, error) {
	if strict && len(data) > 0 && data[0] == '=' {
		return nil, binasciiError("Leading padding not allowed")
	}
	out := make([]byte, 0, len(data)*3/4)
	quadPos, pads := 0, 0
	var left byte
	paddingStarted := false
	for i, c := range data {
		if c == '=' {
			paddingStarted = true
			if quadPos >= 2 {
				pads++
				if quadPos+pads >= 4 {
					if strict && i+1 < len(data) {
						return nil, binasciiError("Excess data after padding")
					}
					return out, nil
				}
			}
			continue
		}
		v := base64Value(c)
		if v < 0 {
			if strict {
				return nil, binasciiError("Only base64 data is allowed")
			}
			continue
		}
		if strict && paddingStarted {
			return nil, binasciiError("Discontinuous padding not allowed")
		}
		pads = 0
		ch := byte(v)
		switch quadPos {
		case 0:
			quadPos, left = 1, ch
		case 1:
			quadPos = 2
			out = append(out, left<<2|ch>>4)
			left = ch & 0x0f
		case 2:
			quadPos = 3
			out = append(out, left<<4|ch>>2)
			left = ch & 0x03
		case 3:
			quadPos = 0
			out = append(out, left<<6|ch)
			left = 0
		}
	}
	switch quadPos {
	case 0:
		return out, nil
	case 1:
		return nil, binasciiError("Invalid base64-encoded string: number of data characters (" +
			itoa(len(out)/3*4+1) + ") cannot be 1 more than a multiple of 4")
	}
	return nil, binasciiError("Incorrect padding")
}

func base64Value(c byte) int {
	switch {
	case c >= 'A' && c <= 'Z':
		return int(c - 'A')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 26
	case c >= '0' && c <= '9':
		return int(c-'0') + 52
	case c == '+':
		return 62
	case c == '/':
		return 63
	}
	return -1
}

func crcHqx(crc uint32, data []byte) uint32 {
	c := uint16(crc)
	for _, b := range data {
		c = c<<8 ^ crcHqxTable[byte(c>>8)^b]
	}
	return uint32(c)
}

func init() {
	// CRC-CCITT (polynomial 0x1021, most significant bit first)
	for i := range crcHqxTable {
		c := uint16(i) << 8
		for k := 0; k < 8; k++ {
			if c&0x8000 != 0 {
				c = c<<1 ^ 0x1021
			} else {
				c <<= 1
			}
		}
		crcHqxTable[i] = c
	}
	RegisterNativeModule("binascii", func(t *Thread) (*Module, error) {
		var err error
		binasciiOnce.Do(func() {
			mk := func(name string, base *Type) *Type {
				ns := NewDict()
				ns.SetStr("__module__", NewStr("binascii"))
				et, e := Call(t, TypeType, []Object{NewStr(name), NewTuple(base), ns}, nil)
				if e != nil {
					err = e
					return nil
				}
				return et.(*Type)
			}
			binasciiErrorType = mk("Error", ValueErrorType)
			binasciiIncomplete = mk("Incomplete", ExceptionType)
		})
		if err != nil {
			return nil, err
		}
		m := NewModule("binascii")
		m.dict.SetStr("Error", binasciiErrorType)
		m.dict.SetStr("Incomplete", binasciiIncomplete)
		hexlify := func(name string) BuiltinFunc {
			return func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
				var data, sep, per Object
				if err := parseClinic(name, args, kw, []string{"data", "sep", "bytes_per_sep"}, 0, 1, &data, &sep, &per); err != nil {
					return nil, err
				}
				b, err := binaryData(t, data)
				if err != nil {
					return nil, err
				}
				if sep == nil {
					return NewBytes([]byte(strops.Hex(b))), nil
				}
				// unlike bytes.hex, a non-ASCII str separator is allowed
				// here and written as its low byte, as CPython does
				seplen, err := Len(t, sep)
				if err != nil {
					return nil, err
				}
				if seplen != 1 {
					return nil, ValueErrorf("sep must be length 1.")
				}
				var sepByte byte
				switch x := unwrap(sep).(type) {
				case *Str:
					for _, r := range x.s {
						sepByte = byte(r)
					}
				case *Bytes:
					sepByte = x.b[0]
				default:
					return nil, TypeErrorf("sep must be str or bytes.")
				}
				n := 1
				if per != nil {
					v, err := AsInt64(t, per)
					if err != nil || v > 1<<31-1 || v < -1<<31 {
						if err == nil || IsInstanceOf(err, OverflowErrorType) {
							return nil, NewError(OverflowErrorType, "Python int too large to convert to C int")
						}
						return nil, err
					}
					n = int(v)
				}
				return NewBytes(hexGrouped(b, sepByte, n)), nil
			}
		}
		m.AddFunc("hexlify", hexlify("hexlify"))
		m.AddFunc("b2a_hex", hexlify("b2a_hex"))
		unhexlify := func(name string) BuiltinFunc {
			return func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
				if err := methOArg("binascii."+name, args, kw); err != nil {
					return nil, err
				}
				hs := args[0]
				b, err := asciiData(t, hs)
				if err != nil {
					return nil, err
				}
				if len(b)%2 != 0 {
					return nil, binasciiError("Odd-length string")
				}
				out := make([]byte, len(b)/2)
				for i := range out {
					hi, lo := hexDigit(b[2*i]), hexDigit(b[2*i+1])
					if hi < 0 || lo < 0 {
						return nil, binasciiError("Non-hexadecimal digit found")
					}
					out[i] = byte(hi<<4 | lo)
				}
				return NewBytes(out), nil
			}
		}
		m.AddFunc("unhexlify", unhexlify("unhexlify"))
		m.AddFunc("a2b_hex", unhexlify("a2b_hex"))
		m.AddFunc("b2a_base64", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var data, newline Object
			if err := parsePosKw("b2a_base64", args, kw, []string{"data"}, []string{"newline"}, 1, &data, &newline); err != nil {
				return nil, err
			}
			b, err := binaryData(t, data)
			if err != nil {
				return nil, err
			}
			nl := true
			if newline != nil {
				if nl, err = IsTrue(t, newline); err != nil {
					return nil, err
				}
			}
			out := make([]byte, base64.StdEncoding.EncodedLen(len(b)), base64.StdEncoding.EncodedLen(len(b))+1)
			base64.StdEncoding.Encode(out, b)
			if nl {
				out = append(out, '\n')
			}
			return NewBytes(out), nil
		})
		m.AddFunc("a2b_base64", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var data, strict Object
			if err := parsePosKw("a2b_base64", args, kw, []string{"data"}, []string{"strict_mode"}, 1, &data, &strict); err != nil {
				return nil, err
			}
			b, err := asciiData(t, data)
			if err != nil {
				return nil, err
			}
			sm := false
			if strict != nil {
				if sm, err = IsTrue(t, strict); err != nil {
					return nil, err
				}
			}
			out, err := a2bBase64(b, sm)
			if err != nil {
				return nil, err
			}
			return NewBytes(out), nil
		})
		m.AddFunc("crc32", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(kw) > 0 {
				return nil, TypeErrorf("binascii.crc32() takes no keyword arguments")
			}
			if len(args) < 1 || len(args) > 2 {
				return nil, crcArgCount("crc32", len(args), 1)
			}
			b, err := binaryData(t, args[0])
			if err != nil {
				return nil, err
			}
			var crc uint32
			if len(args) == 2 {
				if crc, err = maskedUint32(t, args[1]); err != nil {
					return nil, err
				}
			}
			return Int(crc32.Update(crc, crc32.IEEETable, b)), nil
		})
		m.AddFunc("crc_hqx", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(kw) > 0 {
				return nil, TypeErrorf("binascii.crc_hqx() takes no keyword arguments")
			}
			if len(args) != 2 {
				return nil, crcArgCount("crc_hqx", len(args), 2)
			}
			b, err := binaryData(t, args[0])
			if err != nil {
				return nil, err
			}
			crc, err := maskedUint32(t, args[1])
			if err != nil {
				return nil, err
			}
			return Int(crcHqx(crc, b)), nil
		})
		addBinasciiUU(m)
		addBinasciiQP(m)
		return m, nil
	})
}

// crcArgCount is Argument Clinic's message for a positional-only function
// given the wrong number of arguments.
func crcArgCount(name string, n, min int) error {
	if n < min {
		if min == 2 {
			return TypeErrorf("%s expected 2 arguments, got %d", name, n)
		}
		return TypeErrorf("%s expected at least %d argument, got %d", name, min, n)
	}
	if min == 2 {
		return TypeErrorf("%s expected 2 arguments, got %d", name, n)
	}
	return TypeErrorf("%s expected at most 2 arguments, got %d", name, n)
}

// hexGrouped is hex with sep between groups of n bytes, counted from the
// right for n > 0 and from the left for n < 0.
func hexGrouped(b []byte, sep byte, n int) []byte {
	const digits = "0123456789abcdef"
	abs := n
	if abs < 0 {
		abs = -abs
	}
	out := make([]byte, 0, 3*len(b))
	for i, c := range b {
		if abs > 0 && i > 0 {
			pos := i // bytes before this one
			if n > 0 {
				pos = len(b) - i // bytes from this one to the end
			}
			if pos%abs == 0 {
				out = append(out, sep)
			}
		}
		out = append(out, digits[c>>4], digits[c&15])
	}
	return out
}

func hexDigit(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'F':
		return int(c-'A') + 10
	}
	return -1
}

// parseClinic parses arguments with Argument Clinic's messages. The first
// posOnly names are positional-only; the first required are required.
func parseClinic(fname string, args []Object, kw []string, names []string, posOnly, required int, dst ...*Object) error {
	npos := len(args) - len(kw)
	if npos > len(names) {
		return TypeErrorf("%s() takes at most %d argument%s (%d given)", fname, len(names), plural(len(names)), npos)
	}
	if npos < required && required <= posOnly {
		how := "at least"
		if required == len(names) {
			how = "exactly"
		}
		return TypeErrorf("%s() takes %s %d positional argument%s (%d given)", fname, how, required, plural(required), npos)
	}
	for i := range dst {
		*dst[i] = nil
	}
	for i := 0; i < npos; i++ {
		*dst[i] = args[i]
	}
	for k, name := range kw {
		found := false
		for i := posOnly; i < len(names); i++ {
			if names[i] == name {
				if *dst[i] != nil {
					return TypeErrorf("argument for %s() given by name ('%s') and position (%d)", fname, name, i+1)
				}
				*dst[i] = args[npos+k]
				found = true
			}
		}
		if !found {
			return TypeErrorf("'%s' is an invalid keyword argument for %s()", name, fname)
		}
	}
	for i := 0; i < required; i++ {
		if *dst[i] == nil {
			return TypeErrorf("%s() missing required argument '%s' (pos %d)", fname, names[i], i+1)
		}
	}
	return nil
}

// methOArg checks a METH_O function's call: exactly one positional argument.
func methOArg(qualname string, args []Object, kw []string) error {
	if len(kw) > 0 {
		return TypeErrorf("%s() takes no keyword arguments", qualname)
	}
	if len(args) != 1 {
		return TypeErrorf("%s() takes exactly one argument (%d given)", qualname, len(args))
	}
	return nil
}

// parsePosKw parses positional-only parameters (pos) followed by
// keyword-only ones (kwonly), as "f(data, /, *, newline=True)".
func parsePosKw(fname string, args []Object, kw []string, pos, kwonly []string, required int, dst ...*Object) error {
	npos := len(args) - len(kw)
	if npos > len(pos) || npos < required {
		return TypeErrorf("%s() takes exactly %d positional argument%s (%d given)", fname, len(pos), plural(len(pos)), npos)
	}
	for i := range dst {
		*dst[i] = nil
	}
	for i := 0; i < npos; i++ {
		*dst[i] = args[i]
	}
	for k, name := range kw {
		found := false
		for i, n := range kwonly {
			if n == name {
				*dst[len(pos)+i] = args[npos+k]
				found = true
			}
		}
		if !found {
			return TypeErrorf("'%s' is an invalid keyword argument for %s()", name, fname)
		}
	}
	return nil
}
