package pyfmt

import (
	"math"
	"strings"
)

// FormatFloat is format(f, spec) for a float (float.__format__): types
// e E f F g G n % and no type, which is repr(f) without a precision and
// 'g' with at least one digit after the point with one. typeName is the
// name of the value's type, for the messages.
func FormatFloat(f float64, spec, typeName string) (string, error) {
	sp, err := ParseSpec(spec, typeName)
	if err != nil {
		return "", err
	}
	r, err := sp.resolve(0, '>')
	if err != nil {
		return "", err
	}
	switch r.Type {
	case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%':
		return formatFloat(f, r)
	}
	return "", unknownCode(r.Type, typeName)
}

// floatCode works out the PyOS_double_to_string arguments for a resolved
// float spec: the code, the precision and the flags; pct is the '%' type.
func floatCode(r resolved, addDot0 bool) (code byte, prec int, flags dtsFlags, pct bool, err error) {
	if r.Precision > math.MaxInt32 {
		return 0, 0, 0, false, valueErr("precision too big")
	}
	if r.Precision >= maxAlloc-1000 {
		return 0, 0, 0, false, memoryErr()
	}
	if err := checkWidth(r.Width); err != nil {
		return 0, 0, 0, false, err
	}
	prec = r.Precision
	defPrec := 6
	if r.Alt {
		flags |= dtsAlt
	}
	if r.NoNegZero {
		flags |= dtsNoNeg0
	}
	t := r.Type
	if t == 0 {
		if addDot0 {
			flags |= dtsAddDot0
		}
		t = 'r'
		defPrec = 0
	}
	if t == 'n' {
		t = 'g'
	}
	if t == '%' {
		t = 'f'
		pct = true
	}
	if prec < 0 {
		prec = defPrec
	} else if t == 'r' {
		t = 'g'
	}
	return byte(t), prec, flags, pct, nil
}

// formatFloat is format_float_internal.
func formatFloat(f float64, r resolved) (string, error) {
	code, prec, flags, pct, err := floatCode(r, true)
	if err != nil {
		return "", err
	}
	if pct {
		f *= 100
	}
	s := doubleToString(f, code, prec, flags)
	if pct {
		s += "%"
	}
	if r.Sign != '+' && r.Sign != ' ' && r.Width == -1 && r.Type != 'n' && r.group == 0 {
		return s, nil
	}
	return fillNumber(splitNumber(s), r, false), nil
}

// FormatComplex is format(complex(re, im), spec) (complex.__format__);
// typeName is the name of the value's type, for the messages.
func FormatComplex(re, im float64, spec, typeName string) (string, error) {
	sp, err := ParseSpec(spec, typeName)
	if err != nil {
		return "", err
	}
	r, err := sp.resolve(0, '>')
	if err != nil {
		return "", err
	}
	switch r.Type {
	case 0, 'e', 'E', 'f', 'F', 'g', 'G', 'n':
	default:
		return "", unknownCode(r.Type, typeName)
	}
	if r.Precision > math.MaxInt32 {
		return "", valueErr("precision too big")
	}
	if r.Fill == '0' {
		return "", valueErr("Zero padding is not allowed in complex format specifier")
	}
	if r.Align == '=' {
		return "", valueErr("'=' alignment flag is not allowed in complex format specifier")
	}
	code, prec, flags, _, err := floatCode(r, false)
	if err != nil {
		return "", err
	}
	skipRe, parens := false, false
	if r.Type == 0 {
		if re == 0 && !math.Signbit(re) {
			skipRe = true
		} else {
			parens = true
		}
	}
	// The parts are laid out without padding, which applies to the whole.
	part := r
	part.Fill, part.Align, part.Width = ' ', '<', -1
	reStr := ""
	if !skipRe {
		reStr = fillNumber(splitNumber(doubleToString(re, code, prec, flags)), part, false)
		part.Sign = '+'
	}
	imStr := fillNumber(splitNumber(doubleToString(im, code, prec, flags)), part, false)
	var b strings.Builder
	n := runeLen(reStr) + runeLen(imStr) + 1
	if parens {
		n += 2
	}
	lpad, rpad := calcPadding(n, r.Width, r.Align)
	b.WriteString(fillString(r.Fill, lpad))
	if parens {
		b.WriteByte('(')
	}
	b.WriteString(reStr)
	b.WriteString(imStr)
	b.WriteByte('j')
	if parens {
		b.WriteByte(')')
	}
	b.WriteString(fillString(r.Fill, rpad))
	return b.String(), nil
}
