package pyfmt

import "strings"

// FormatStr is format(s, spec) for a str (str.__format__): only the 's'
// type; the width counts code points and the precision truncates to that
// many code points. typeName is the name of the value's type.
func FormatStr(s, spec, typeName string) (string, error) {
	if spec == "" {
		return s, nil
	}
	sp, err := ParseSpec(spec, typeName)
	if err != nil {
		return "", err
	}
	r, err := sp.resolve('s', '<')
	if err != nil {
		return "", err
	}
	if r.Type != 's' {
		return "", unknownCode(r.Type, typeName)
	}
	switch {
	case r.Sign == ' ':
		return "", valueErr("Space not allowed in string format specifier")
	case r.Sign != 0:
		return "", valueErr("Sign not allowed in string format specifier")
	case r.NoNegZero:
		return "", valueErr("Negative zero coercion (z) not allowed in string format specifier")
	case r.Alt:
		return "", valueErr("Alternate form (#) not allowed in string format specifier")
	case r.Align == '=':
		return "", valueErr("'=' alignment not allowed in string format specifier")
	}
	if err := checkWidth(r.Width); err != nil {
		return "", err
	}
	n := runeLen(s)
	if r.Precision >= 0 && n > r.Precision {
		s = truncRunes(s, r.Precision)
		n = r.Precision
	}
	lpad, rpad := calcPadding(n, r.Width, r.Align)
	if lpad == 0 && rpad == 0 {
		return s, nil
	}
	var b strings.Builder
	b.WriteString(fillString(r.Fill, lpad))
	b.WriteString(s)
	b.WriteString(fillString(r.Fill, rpad))
	return b.String(), nil
}
