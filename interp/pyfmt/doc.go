// Package pyfmt reproduces CPython 3.11's formatting and parsing of
// numbers and strings, character for character, as pure functions on Go
// values. It knows nothing of the object model: the runtime converts its
// objects to Go values, calls these functions, and turns an *Error into the
// Python exception its Kind names, with its Msg.
//
// repr and str:
//
//	FloatRepr(f)            repr(float) == str(float)
//	ComplexRepr(re, im)     repr(complex)
//	IntToString(v, base)    str(int) (base 10, with the int_max_str_digits
//	                        limit), bin/oct/hex (bases 2, 8, 16)
//	StrRepr(s)              repr(str)
//	FloatHex(f)             float.hex
//
// format() and the format-spec mini-language ([[fill]align][sign][z][#][0]
// [width][,|_][.precision][type]):
//
//	ParseSpec(spec, typeName)           the parsed Spec
//	FormatInt(v, spec, typeName)        int.__format__ (also FormatInt64)
//	FormatFloat(f, spec, typeName)      float.__format__
//	FormatComplex(re, im, spec, tn)     complex.__format__
//	FormatStr(s, spec, typeName)        str.__format__
//
// typeName is the name of the value's type (a subclass's name, 'bool'),
// which CPython's messages show. With an empty spec CPython returns
// str(value); these functions return what str() of the exact built-in type
// gives, so the caller handles bool (format(True, "") == "True") and
// subclasses, which may override __str__.
//
// %-formatting (str % args): ParsePercent splits the format string into
// literal text and Directives (its comment gives the order in which the
// caller must take arguments to raise CPython's errors in CPython's
// order); PercentInt, PercentFloat and PercentStr produce the text of one
// conversion once its argument is converted to a Go value.
//
// Parsing and rounding:
//
//	ParseInt(s, base)       int(str, base)
//	ParseFloat(s)           float(str)
//	FloatFromHex(s)         float.fromhex
//	RoundFloat(x, n)        round(float, n)
//	RoundFloatToInt(x)      round(float)
//	FloatToInt(x)           int(float)
//	IntToFloat(v)           float(int)
//
// Numbers are formatted as in the C locale (the 'n' type groups nothing),
// which is what CPython does unless a program calls locale.setlocale for
// LC_NUMERIC. Strings are Go strings whose code points are the Python
// string's; widths and precisions count code points.
package pyfmt
