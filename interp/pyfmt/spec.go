package pyfmt

import (
	"fmt"
	"math"
	"unicode/utf8"
)

// Spec is a parsed format specification (the mini-language of
// format(value, spec)), as written: the defaults that depend on the value's
// type (alignment, type, the meaning of the '0' flag) are applied by the
// Format functions.
type Spec struct {
	Fill      rune // fill character; ' ' unless given
	FillGiven bool // a fill character was written before the alignment
	Align     rune // '<', '>', '=', '^', or 0 when not given
	Sign      rune // '+', '-', ' ', or 0 when not given
	NoNegZero bool // 'z'
	Alt       bool // '#'
	ZeroPad   bool // the '0' flag before the width (only without a fill)
	Width     int  // -1 when not given
	Grouping  rune // ',' or '_', or 0
	Precision int  // -1 when not given
	Type      rune // presentation type, or 0 when not given
}

func isAlign(r rune) bool { return r == '<' || r == '>' || r == '=' || r == '^' }

// ParseSpec parses a format specification as CPython 3.11's
// parse_internal_render_format_spec does. typeName is the type of the value
// being formatted; it only appears in the "Invalid format specifier" message.
// The check of the grouping option against the presentation type, which
// depends on the type's default presentation, is done by the Format
// functions.
func ParseSpec(spec, typeName string) (Spec, error) {
	s := Spec{Fill: ' ', Width: -1, Precision: -1}
	r := []rune(spec)
	pos, end := 0, len(r)
	if end-pos >= 2 && isAlign(r[pos+1]) {
		s.Align = r[pos+1]
		s.Fill = r[pos]
		s.FillGiven = true
		pos += 2
	} else if end-pos >= 1 && isAlign(r[pos]) {
		s.Align = r[pos]
		pos++
	}
	if pos < end && (r[pos] == '+' || r[pos] == '-' || r[pos] == ' ') {
		s.Sign = r[pos]
		pos++
	}
	if pos < end && r[pos] == 'z' {
		s.NoNegZero = true
		pos++
	}
	if pos < end && r[pos] == '#' {
		s.Alt = true
		pos++
	}
	if !s.FillGiven && pos < end && r[pos] == '0' {
		s.ZeroPad = true
		pos++
	}
	n, consumed, err := specInteger(r, &pos)
	if err != nil {
		return s, err
	}
	if consumed > 0 {
		s.Width = n
	}
	if pos < end && r[pos] == ',' {
		s.Grouping = ','
		pos++
	}
	if pos < end && r[pos] == '_' {
		if s.Grouping != 0 {
			return s, valueErr("Cannot specify both ',' and '_'.")
		}
		s.Grouping = '_'
		pos++
	}
	if pos < end && r[pos] == ',' && s.Grouping == '_' {
		return s, valueErr("Cannot specify both ',' and '_'.")
	}
	if pos < end && r[pos] == '.' {
		pos++
		n, consumed, err := specInteger(r, &pos)
		if err != nil {
			return s, err
		}
		if consumed == 0 {
			return s, valueErr("Format specifier missing precision")
		}
		s.Precision = n
	}
	if end-pos > 1 {
		return s, valueErr(fmt.Sprintf("Invalid format specifier '%s' for object of type '%s'", spec, typeName))
	}
	if end-pos == 1 {
		s.Type = r[pos]
	}
	return s, nil
}

// specInteger is get_integer: a run of (Unicode) decimal digits.
func specInteger(r []rune, pos *int) (n, consumed int, err error) {
	for *pos < len(r) {
		d := decimalValue(r[*pos])
		if d < 0 {
			break
		}
		if n > (math.MaxInt64-d)/10 {
			return 0, 0, valueErr("Too many decimal digits in format string")
		}
		n = n*10 + d
		*pos++
		consumed++
	}
	return n, consumed, nil
}

// resolved is a Spec with the type's defaults applied.
type resolved struct {
	Spec
	group int    // digits per group, 0 for none
	sep   string // group separator
}

// resolve applies the defaults of a type (its default presentation type and
// alignment) and checks the grouping option against the presentation type,
// with CPython's messages.
func (s Spec) resolve(defType, defAlign rune) (resolved, error) {
	r := resolved{Spec: s}
	if r.Type == 0 {
		r.Type = defType
	}
	if r.ZeroPad {
		r.Fill = '0'
		if r.Align == 0 && defAlign == '>' {
			r.Align = '='
		}
	}
	if r.Align == 0 {
		r.Align = defAlign
	}
	if s.Grouping != 0 {
		switch r.Type {
		case 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F', 0:
			r.group, r.sep = 3, string(s.Grouping)
		case 'b', 'o', 'x', 'X':
			if s.Grouping == '_' {
				r.group, r.sep = 4, "_"
				break
			}
			fallthrough
		default:
			return r, valueErr(fmt.Sprintf("Cannot specify '%c' with %s.", s.Grouping, quoteCode(r.Type)))
		}
	}
	return r, nil
}

// quoteCode shows a presentation type in a message as CPython does: 'x'
// when printable ASCII, '\x..' otherwise.
func quoteCode(t rune) string {
	if t > 32 && t < 128 {
		return "'" + string(t) + "'"
	}
	return fmt.Sprintf("'\\x%x'", t)
}

func unknownCode(t rune, typeName string) error {
	return valueErr(fmt.Sprintf("Unknown format code %s for object of type '%s'", quoteCode(t), typeName))
}

// pad returns n copies of the fill character.
func fillString(fill rune, n int) string {
	if n <= 0 {
		return ""
	}
	var buf [utf8.UTFMax]byte
	k := utf8.EncodeRune(buf[:], fill)
	b := make([]byte, 0, n*k)
	for ; n > 0; n-- {
		b = append(b, buf[:k]...)
	}
	return string(b)
}
