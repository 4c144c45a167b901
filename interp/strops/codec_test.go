package strops

import (
	"errors"
	"testing"
)

var codecNames = []string{"utf-8", "UTF8", "utf_8", "U8", "ascii", "US-ASCII", "latin-1", "latin1",
	"ISO-8859-1", "L1", "utf-16", "utf-16-le", "UTF-16BE", "utf-32", "utf_32_le", "utf-32-be", "U32"}

var handlers = []string{"strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace",
	"surrogateescape", "surrogatepass", "bogus"}

var encodeInputs = []string{"", "abc", "héllo", "€uro", "日本", "😀x", "\xed\xa0\x80", "a\xed\xb2\x80\xed\xb3\xbfb",
	"\xed\xa0\xbd\xed\xb8\x80", "é€😀\xed\xb2\x80z", "\xed\xbf\xbf", "x\xed\xb2\x80y\xed\xb2\x81\xed\xa0\x80",
	"\u00ff\u0100", "\xed\xb1\x81"}

// decodeInputs are malformed in every way CPython's decoders distinguish.
var decodeInputs = [][]byte{
	{}, []byte("abc"), []byte("h\xc3\xa9llo"), {0xff}, {0x80}, {0xc0, 0x80}, {0xc2}, {0xc2, 0x41},
	{0xe0, 0x80, 0x80}, {0xe0, 0xa0}, {0xe0, 0xa0, 0x41}, {0xed, 0xa0, 0x80}, {0xed, 0xb2, 0x80, 0x41},
	{0xed, 0xa0}, {0xe2, 0x82}, {0xe2, 0x82, 0xac}, {0xf0, 0x9f, 0x98, 0x80}, {0xf0, 0x9f, 0x98},
	{0xf0, 0x9f}, {0xf0, 0x8f, 0x80, 0x80}, {0xf4, 0x90, 0x80, 0x80}, {0xf5, 0x80}, {0xf0, 0x9f, 0x41, 0x41},
	{0xf0, 0x9f, 0x98, 0x41}, {0x61, 0xff, 0xfe, 0x62}, {0xff, 0xfe, 0x41, 0x00}, {0xfe, 0xff, 0x00, 0x41},
	{0x41, 0x00, 0x42}, {0x00, 0xd8, 0x00, 0xdc}, {0x00, 0xdc, 0x41, 0x00}, {0x00, 0xd8, 0x41, 0x00},
	{0x00, 0xd8}, {0x00, 0xd8, 0x41}, {0x3d, 0xd8, 0x00, 0xde}, {0xd8, 0x3d, 0xde, 0x00},
	{0xff, 0xfe, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00}, {0x00, 0x00, 0xfe, 0xff, 0x00, 0x00, 0x00, 0x41},
	{0x00, 0xd8, 0x00, 0x00}, {0x00, 0x00, 0x11, 0x00}, {0x41, 0x00, 0x00, 0x00, 0x42}, {0x80, 0x81, 0x82, 0x83, 0x84},
	{0xdc, 0x80, 0x00, 0x00}, {0x80, 0xdc, 0x00, 0x00}, {0xe9, 0x41, 0x80, 0xdc}, {0x80, 0x00, 0x00, 0xdc},
}

func TestCodecsAgainstCPython(t *testing.T) {
	o := newOracle(t)
	for _, enc := range codecNames {
		for _, h := range handlers {
			for _, s := range encodeInputs {
				o.add("encode", []any{s, enc, h}, wrapB(Encode(s, enc, h)))
			}
			for _, b := range decodeInputs {
				o.add("decode", []any{b, enc, h}, wrap(Decode(b, enc, h)))
			}
		}
	}
	// Round trips of the whole corpus.
	for _, s := range allStrings() {
		for _, enc := range []string{"utf-8", "utf-16", "utf-32-be", "latin-1", "ascii"} {
			for _, h := range []string{"strict", "surrogatepass", "surrogateescape", "backslashreplace"} {
				b, err := Encode(s, enc, h)
				o.add("encode", []any{s, enc, h}, wrapB(b, err))
				if err == nil {
					o.add("decode", []any{b, enc, h}, wrap(Decode(b, enc, h)))
				}
			}
		}
	}
	o.check()
}

func TestCodecNames(t *testing.T) {
	for name, want := range map[string]string{"UTF-8": CodecUTF8, "utf 8": CodecUTF8, "Utf8": CodecUTF8,
		"cp65001": CodecUTF8, "latin": CodecLatin1, "iso_8859_1": CodecLatin1, "iso8859-1": CodecLatin1,
		"646": CodecASCII, "ansi_x3.4_1968": CodecASCII, "UTF-16LE": CodecUTF16LE, "utf_32": CodecUTF32,
		" utf-8 ": CodecUTF8} {
		if got, ok := NormalizeEncoding(name); !ok || got != want {
			t.Errorf("NormalizeEncoding(%q) = %q, %v; want %q", name, got, ok, want)
		}
	}
	for _, name := range []string{"cp1252", "utf-7", "", "nope"} {
		if got, ok := NormalizeEncoding(name); ok {
			t.Errorf("NormalizeEncoding(%q) = %q; want not found", name, got)
		}
	}
	var ue *UnknownEncodingError
	if _, err := Encode("x", "cp1252", "strict"); !errors.As(err, &ue) {
		t.Errorf("Encode with cp1252: %v, want UnknownEncodingError", err)
	}
}

func TestCustomHandler(t *testing.T) {
	calls := 0
	h := func(e *UnicodeError) (string, bool, int, error) {
		calls++
		if e.Encode {
			return "[" + ASCII(Slice(e.Object, e.Start, e.End, 1)) + "]", false, e.End, nil
		}
		return "<?>", false, e.End, nil
	}
	b, err := EncodeCustom("aé", "ascii", "mine", h)
	if err != nil || string(b) != `a['\xe9']` {
		t.Errorf("EncodeCustom = %q, %v", b, err)
	}
	s, err := DecodeCustom([]byte{'a', 0xff, 'b'}, "utf-8", "mine", h)
	if err != nil || s != "a<?>b" {
		t.Errorf("DecodeCustom = %q, %v", s, err)
	}
	if _, err := Encode("é", "ascii", "mine"); err == nil || err.Error() != "LookupError: unknown error handler name 'mine'" {
		t.Errorf("unknown handler: %v", err)
	}
	if calls != 2 {
		t.Errorf("handler called %d times, want 2", calls)
	}
}

func TestPartialDecodeAgainstCPython(t *testing.T) {
	o := newOracle(t)
	for _, enc := range []string{"utf-8", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"} {
		for _, h := range []string{"strict", "ignore", "replace", "backslashreplace", "surrogateescape", "surrogatepass"} {
			for _, b := range decodeInputs {
				for _, final := range []bool{false, true} {
					s, n, err := DecodePartial(b, enc, h, final, nil)
					o.add("partial", []any{b, enc, h, final}, result{[]any{s, n}, err})
				}
			}
		}
	}
	o.check()
}
