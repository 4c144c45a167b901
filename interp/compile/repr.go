package compile

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Python repr() of constants, for error messages and the disassembler.

// pyRepr returns repr(s) for a str.
func pyRepr(s string) string {
	return reprRunes([]rune(s))
}

func reprRunes(rs []rune) string {
	quote := '\''
	hasSingle, hasDouble := false, false
	for _, r := range rs {
		if r == '\'' {
			hasSingle = true
		} else if r == '"' {
			hasDouble = true
		}
	}
	if hasSingle && !hasDouble {
		quote = '"'
	}
	var b strings.Builder
	b.WriteRune(quote)
	for _, r := range rs {
		switch {
		case r == quote || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case r < 0x7f:
			b.WriteRune(r)
		case (r >= 0xd800 && r <= 0xdfff) || !utf8.ValidRune(r) || !unicode.IsPrint(r):
			switch {
			case r <= 0xff:
				fmt.Fprintf(&b, `\x%02x`, r)
			case r <= 0xffff:
				fmt.Fprintf(&b, `\u%04x`, r)
			default:
				fmt.Fprintf(&b, `\U%08x`, r)
			}
		default:
			b.WriteRune(r)
		}
	}
	b.WriteRune(quote)
	return b.String()
}

func bytesRepr(v []byte) string {
	quote := byte('\'')
	if strings.IndexByte(string(v), '\'') >= 0 && strings.IndexByte(string(v), '"') < 0 {
		quote = '"'
	}
	var b strings.Builder
	b.WriteByte('b')
	b.WriteByte(quote)
	for _, c := range v {
		switch {
		case c == quote || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '\n':
			b.WriteString(`\n`)
		case c == '\r':
			b.WriteString(`\r`)
		case c == '\t':
			b.WriteString(`\t`)
		case c < 0x20 || c >= 0x7f:
			fmt.Fprintf(&b, `\x%02x`, c)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(quote)
	return b.String()
}

// floatRepr formats like Python's repr(float).
func floatRepr(f float64) string {
	switch {
	case math.IsInf(f, 1):
		return "inf"
	case math.IsInf(f, -1):
		return "-inf"
	case math.IsNaN(f):
		return "nan"
	}
	s := strconv.FormatFloat(f, 'e', -1, 64)
	mant, expStr, _ := strings.Cut(s, "e")
	exp, _ := strconv.Atoi(expStr)
	neg := strings.HasPrefix(mant, "-")
	mant = strings.TrimPrefix(mant, "-")
	digits := strings.Replace(mant, ".", "", 1)
	var out string
	if exp < -4 || exp >= 16 {
		out = digits[:1]
		if len(digits) > 1 {
			out += "." + digits[1:]
		}
		sign := "+"
		if exp < 0 {
			sign = "-"
			exp = -exp
		}
		out += fmt.Sprintf("e%s%02d", sign, exp)
	} else if exp < 0 {
		out = "0." + strings.Repeat("0", -exp-1) + digits
	} else if exp+1 >= len(digits) {
		out = digits + strings.Repeat("0", exp+1-len(digits)) + ".0"
	} else {
		out = digits[:exp+1] + "." + digits[exp+1:]
	}
	if neg {
		out = "-" + out
	}
	return out
}

func complexRepr(v complex128) string {
	im := floatRepr(imag(v))
	if strings.HasSuffix(im, ".0") {
		im = strings.TrimSuffix(im, ".0")
	}
	if real(v) == 0 && !math.Signbit(real(v)) {
		return im + "j"
	}
	re := floatRepr(real(v))
	if strings.HasSuffix(re, ".0") {
		re = strings.TrimSuffix(re, ".0")
	}
	sign := "+"
	if strings.HasPrefix(im, "-") || (imag(v) == 0 && math.Signbit(imag(v))) {
		sign = ""
	}
	if math.IsNaN(imag(v)) || math.IsInf(imag(v), 0) {
		if !strings.HasPrefix(im, "-") {
			sign = "+"
		}
	}
	return "(" + re + sign + im + "j)"
}

// constRepr returns repr() of a constant.
func constRepr(v Const) string {
	switch v := v.(type) {
	case nil:
		return "None"
	case bool:
		if v {
			return "True"
		}
		return "False"
	case int64:
		return strconv.FormatInt(v, 10)
	case *big.Int:
		return v.String()
	case float64:
		return floatRepr(v)
	case complex128:
		return complexRepr(v)
	case string:
		return pyRepr(v)
	case Str:
		return reprRunes(v)
	case Bytes:
		return bytesRepr(v)
	case EllipsisType:
		return "Ellipsis"
	case Tuple:
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = constRepr(x)
		}
		if len(v) == 1 {
			return "(" + parts[0] + ",)"
		}
		return "(" + strings.Join(parts, ", ") + ")"
	case FrozenSet:
		if len(v) == 0 {
			return "frozenset()"
		}
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = constRepr(x)
		}
		return "frozenset({" + strings.Join(parts, ", ") + "})"
	case *Code:
		return fmt.Sprintf("<code object %s, file %q, line %d>", v.Name, v.Filename, v.FirstLine)
	}
	return fmt.Sprintf("<%T>", v)
}
