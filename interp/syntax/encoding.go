package syntax

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// decodeSource applies PEP 263: a "coding" comment on one of the first
// two lines selects the source encoding, UTF-8 is the default. The
// result is UTF-8, so positions are those CPython computes on its decoded
// text. The UTF-8, Latin-1, ASCII and Windows-1252 codecs are built in;
// decode (Hooks.Decode: the interpreter's codecs) does any other, and
// without it another declared encoding is an error.
func decodeSource(src []byte, filename string, decode func(string, []byte) ([]byte, error)) ([]byte, *Error) {
	bom := bytes.HasPrefix(src, []byte("\xef\xbb\xbf"))
	if bom {
		src = src[3:]
	}
	raw, line := codingCookie(src)
	if bom && raw != "" && bomName(raw) != "utf-8" {
		// reported without a line, as CPython's tokenizer does
		return nil, &Error{Kind: "SyntaxError", Msg: "encoding problem: " + bomName(raw) + " with BOM", Col: -1}
	}
	enc := normEncoding(raw)
	switch enc {
	case "", "utf-8":
	case "latin-1", "ascii", "cp1252":
		return transcode(src, enc), nil
	default:
		problem := &Error{Kind: "SyntaxError", Msg: "encoding problem: " + enc, Line: line}
		if decode == nil {
			return nil, problem
		}
		out, err := decode(enc, src)
		if e, ok := err.(*Error); ok {
			return nil, e
		} else if err != nil {
			return nil, problem
		}
		return out, nil
	}
	if !utf8.Valid(src) {
		for i, lineNo := 0, 1; i < len(src); {
			r, n := utf8.DecodeRune(src[i:])
			if r == utf8.RuneError && n <= 1 {
				return nil, &Error{Kind: "SyntaxError", Line: lineNo, Msg: "Non-UTF-8 code starting with '\\x" +
					hex2(src[i]) + "' in file " + filename + " on line " + itoa(lineNo) +
					", but no encoding declared; see https://peps.python.org/pep-0263/ for details"}
			}
			if r == '\n' {
				lineNo++
			}
			i += n
		}
	}
	return src, nil
}

func hex2(b byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[b>>4], digits[b&15]})
}

// bomName is the name CPython's tokenizer checks a declaration against
// when the source starts with a UTF-8 BOM (its get_normal_name): only
// "utf-8" and "utf-8-..." in any case and with '_' for '-' mean UTF-8
// there ("utf8" does not), the Latin-1 names become "iso-8859-1", and
// any other name stays as written.
func bomName(raw string) string {
	n := strings.ToLower(strings.ReplaceAll(raw, "_", "-"))
	switch {
	case n == "utf-8" || strings.HasPrefix(n, "utf-8-"):
		return "utf-8"
	case n == "latin-1" || n == "iso-8859-1" || n == "iso-latin-1" ||
		strings.HasPrefix(n, "latin-1-") || strings.HasPrefix(n, "iso-8859-1-") || strings.HasPrefix(n, "iso-latin-1-"):
		return "iso-8859-1"
	}
	return raw
}

// codingCookie finds the PEP 263 declaration and returns the encoding
// name as written ("" if none) and its line.
func codingCookie(src []byte) (string, int) {
	for line := 1; line <= 2; line++ {
		end := bytes.IndexByte(src, '\n')
		if end < 0 {
			end = len(src)
		}
		text := string(src[:end])
		trimmed := strings.TrimLeft(text, " \t\f")
		if strings.HasPrefix(trimmed, "#") {
			if enc := cookieName(trimmed); enc != "" {
				return enc, line
			}
		} else if strings.TrimSpace(trimmed) != "" {
			return "", 0 // only a blank or comment first line lets line 2 count
		}
		if end >= len(src) {
			break
		}
		src = src[end+1:]
	}
	return "", 0
}

// cookieName extracts the name after "coding:" or "coding=" in a comment.
func cookieName(comment string) string {
	i := strings.Index(comment, "coding")
	for i >= 0 {
		rest := comment[i+len("coding"):]
		if len(rest) > 0 && (rest[0] == ':' || rest[0] == '=') {
			rest = strings.TrimLeft(rest[1:], " \t")
			j := 0
			for j < len(rest) && (rest[j] == '-' || rest[j] == '_' || rest[j] == '.' ||
				rest[j] >= '0' && rest[j] <= '9' || rest[j] >= 'a' && rest[j] <= 'z' || rest[j] >= 'A' && rest[j] <= 'Z') {
				j++
			}
			if j > 0 {
				return rest[:j]
			}
		}
		k := strings.Index(rest, "coding")
		if k < 0 {
			break
		}
		comment = rest
		i = k
	}
	return ""
}

// normEncoding maps codec aliases the way CPython's tokenizer does for
// the common names.
func normEncoding(name string) string {
	n := strings.ToLower(strings.ReplaceAll(name, "_", "-"))
	switch {
	case n == "utf-8" || strings.HasPrefix(n, "utf-8-") || n == "utf8":
		return "utf-8"
	case n == "latin-1" || n == "iso-8859-1" || n == "iso-latin-1" || n == "latin1" ||
		n == "iso8859-1" || n == "l1" || strings.HasPrefix(n, "latin-1-") ||
		strings.HasPrefix(n, "iso-8859-1-") || strings.HasPrefix(n, "iso-latin-1-"):
		return "latin-1"
	case n == "ascii" || n == "us-ascii":
		return "ascii"
	case n == "cp1252" || n == "windows-1252":
		return "cp1252"
	}
	return n
}

// cp1252 maps bytes 0x80-0x9F (0 marks undefined bytes, decoded as
// U+FFFD here; CPython would reject them).
var cp1252 = [32]rune{
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
}

func transcode(src []byte, enc string) []byte {
	out := make([]byte, 0, len(src)+len(src)/8)
	for _, b := range src {
		switch {
		case b < 0x80:
			out = append(out, b)
		case enc == "cp1252" && b < 0xA0:
			r := cp1252[b-0x80]
			if r == 0 {
				r = utf8.RuneError
			}
			out = utf8.AppendRune(out, r)
		case enc == "ascii":
			out = utf8.AppendRune(out, utf8.RuneError)
		default:
			out = utf8.AppendRune(out, rune(b))
		}
	}
	return out
}
