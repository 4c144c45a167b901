package strops

import (
	"fmt"
	"strings"
)

// UnicodeError describes a codec failure with the fields of CPython's
// UnicodeEncodeError / UnicodeDecodeError. For an encode error Object is
// the str and Start/End are code point indices; for a decode error Data is
// the input and Start/End are byte offsets.
type UnicodeError struct {
	Encode   bool
	Encoding string
	Object   string
	Data     []byte
	Start    int
	End      int
	Reason   string
}

// Type is the Python exception class name.
func (e *UnicodeError) Type() string {
	if e.Encode {
		return "UnicodeEncodeError"
	}
	return "UnicodeDecodeError"
}

// Error is str() of the Python exception, e.g. "'utf-8' codec can't decode
// byte 0xff in position 0: invalid start byte".
func (e *UnicodeError) Error() string {
	if e.Encode {
		if e.End == e.Start+1 && e.Start >= 0 && e.Start < Len(e.Object) {
			r := Index(e.Object, e.Start)
			var esc string
			switch {
			case r <= 0xff:
				esc = fmt.Sprintf("\\x%02x", r)
			case r <= 0xffff:
				esc = fmt.Sprintf("\\u%04x", r)
			default:
				esc = fmt.Sprintf("\\U%08x", r)
			}
			return fmt.Sprintf("'%s' codec can't encode character '%s' in position %d: %s", e.Encoding, esc, e.Start, e.Reason)
		}
		return fmt.Sprintf("'%s' codec can't encode characters in position %d-%d: %s", e.Encoding, e.Start, e.End-1, e.Reason)
	}
	if e.End == e.Start+1 && e.Start >= 0 && e.Start < len(e.Data) {
		return fmt.Sprintf("'%s' codec can't decode byte 0x%02x in position %d: %s", e.Encoding, e.Data[e.Start], e.Start, e.Reason)
	}
	return fmt.Sprintf("'%s' codec can't decode bytes in position %d-%d: %s", e.Encoding, e.Start, e.End-1, e.Reason)
}

// UnknownEncodingError is returned for an encoding this package does not
// implement. CPython may still know it (as a pure-Python codec in the
// encodings package): the runtime should fall back to codecs.lookup, which
// raises LookupError("unknown encoding: ...") when it fails too.
type UnknownEncodingError struct{ Name string }

func (e *UnknownEncodingError) Error() string { return "unknown encoding: " + e.Name }

// CustomHandler implements an error handler registered with
// codecs.register_error (or one this package does not know, like
// namereplace). For an encode error it returns a str replacement
// (isBytes false) or raw bytes; for a decode error a str. newPos is where
// coding resumes; negative values count from the end.
type CustomHandler func(e *UnicodeError) (repl string, isBytes bool, newPos int, err error)

// Codec names, as CPython's codecs report them in exceptions.
const (
	CodecUTF8    = "utf-8"
	CodecASCII   = "ascii"
	CodecLatin1  = "latin-1"
	CodecUTF16   = "utf-16"
	CodecUTF16LE = "utf-16-le"
	CodecUTF16BE = "utf-16-be"
	CodecUTF32   = "utf-32"
	CodecUTF32LE = "utf-32-le"
	CodecUTF32BE = "utf-32-be"
)

// codecModules maps encodings-package module names to codec names.
var codecModules = map[string]string{
	"utf_8": CodecUTF8, "ascii": CodecASCII, "latin_1": CodecLatin1,
	"utf_16": CodecUTF16, "utf_16_le": CodecUTF16LE, "utf_16_be": CodecUTF16BE,
	"utf_32": CodecUTF32, "utf_32_le": CodecUTF32LE, "utf_32_be": CodecUTF32BE,
}

// codecAliases is the part of encodings.aliases that names these codecs.
var codecAliases = map[string]string{
	"646": "ascii", "ansi_x3.4_1968": "ascii", "ansi_x3_4_1968": "ascii",
	"ansi_x3.4_1986": "ascii", "cp367": "ascii", "csascii": "ascii",
	"ibm367": "ascii", "iso646_us": "ascii", "iso_646.irv_1991": "ascii",
	"iso_ir_6": "ascii", "us": "ascii", "us_ascii": "ascii",
	"8859": "latin_1", "cp819": "latin_1", "csisolatin1": "latin_1",
	"ibm819": "latin_1", "iso8859": "latin_1", "iso8859_1": "latin_1",
	"iso_8859_1": "latin_1", "iso_8859_1_1987": "latin_1", "iso_ir_100": "latin_1",
	"l1": "latin_1", "latin": "latin_1", "latin1": "latin_1",
	"u16": "utf_16", "utf16": "utf_16",
	"unicodebigunmarked": "utf_16_be", "utf_16be": "utf_16_be",
	"unicodelittleunmarked": "utf_16_le", "utf_16le": "utf_16_le",
	"u32": "utf_32", "utf32": "utf_32", "utf_32be": "utf_32_be", "utf_32le": "utf_32_le",
	"u8": "utf_8", "utf": "utf_8", "utf8": "utf_8", "utf8_ucs2": "utf_8",
	"utf8_ucs4": "utf_8", "cp65001": "utf_8",
}

// NormalizeEncoding resolves an encoding name the way codecs.lookup does
// (case-insensitive, punctuation runs equivalent to '_', aliases) and
// returns the codec name (one of the Codec* constants) when this package
// implements it.
func NormalizeEncoding(name string) (string, bool) {
	// Fast path for the spellings everybody uses.
	switch name {
	case "utf-8", "utf8", "UTF-8":
		return CodecUTF8, true
	case "ascii":
		return CodecASCII, true
	case "latin-1", "latin1", "iso-8859-1":
		return CodecLatin1, true
	}
	// codecs.lookup lowercases, then encodings.normalize_encoding keeps
	// ASCII alphanumerics and dots, turning each other run into one '_'.
	var b strings.Builder
	punct := false
	for _, r := range Lower(name) {
		if IsAlnumRune(r) || r == '.' {
			if punct && b.Len() > 0 {
				b.WriteByte('_')
			}
			if r < 0x80 {
				b.WriteRune(r)
			}
			punct = false
		} else {
			punct = true
		}
	}
	norm := b.String()
	if mod, ok := codecAliases[norm]; ok {
		return codecModules[mod], true
	}
	if mod, ok := codecAliases[strings.ReplaceAll(norm, ".", "_")]; ok {
		return codecModules[mod], true
	}
	c, ok := codecModules[norm]
	return c, ok
}

// errHandler applies an error handler: builtin ones by name, others through
// custom.
type errHandler struct {
	name   string
	custom CustomHandler
}

func unknownHandler(name string) error {
	return errorf("LookupError", "unknown error handler name '%s'", name)
}

// callCustom runs the custom handler and normalises its position.
func (h errHandler) callCustom(e *UnicodeError, length int) (string, bool, int, error) {
	if h.custom == nil {
		return "", false, 0, unknownHandler(h.name)
	}
	repl, isBytes, pos, err := h.custom(e)
	if err != nil {
		return "", false, 0, err
	}
	if pos < 0 {
		pos += length
	}
	if pos < 0 || pos > length {
		return "", false, 0, errorf("IndexError", "position %d from error handler out of bounds", pos)
	}
	return repl, isBytes, pos, nil
}

// isFastPathName reports whether CPython's str.encode/bytes.decode handle
// this spelling directly instead of going through the codec registry. It
// matters for error messages: the registry wraps errors other than
// UnicodeError as "encoding with 'NAME' codec failed (Type: msg)".
func isFastPathName(name string) bool {
	// _Py_normalize_encoding: ASCII alphanumerics and dots lowercased,
	// other runs turned into one '_' (none leading or trailing), into a
	// buffer of 10 characters.
	var buf [10]byte
	n := 0
	punct := false
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' {
			if punct && n > 0 {
				if n == len(buf) {
					return false
				}
				buf[n] = '_'
				n++
			}
			punct = false
			if n == len(buf) {
				return false
			}
			buf[n] = c
			n++
		} else {
			punct = true
		}
	}
	switch string(buf[:n]) {
	case "utf8", "utf_8", "utf16", "utf_16", "utf32", "utf_32", "ascii", "us_ascii",
		"latin1", "latin_1", "iso_8859_1", "iso8859_1":
		return true
	}
	return false
}

// wrapCodecError mimics the codec registry's wrapping of errors raised
// while coding through a name that is not on CPython's fast path.
func wrapCodecError(err error, verb, name string) error {
	if e, ok := err.(*Error); ok && !isFastPathName(name) && e.Type != "MemoryError" {
		return &Error{e.Type, fmt.Sprintf("%s with '%s' codec failed (%s: %s)", verb, name, e.Type, e.Msg)}
	}
	return err
}
