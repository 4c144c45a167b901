package pyfmt

import (
	"fmt"
	"math/big"
	"strconv"
	"sync/atomic"
)

// DefaultIntMaxStrDigits is CPython's default limit on the number of
// decimal digits converted between int and str (sys.int_info.
// default_max_str_digits).
const DefaultIntMaxStrDigits = 4300

// IntMaxStrDigitsThreshold is the smallest limit that may be set
// (sys.int_info.str_digits_check_threshold); 0 disables the limit.
const IntMaxStrDigitsThreshold = 640

var intMaxStrDigits atomic.Int64

func init() { intMaxStrDigits.Store(DefaultIntMaxStrDigits) }

// SetIntMaxStrDigits sets the interpreter-wide limit used by the decimal
// int/str conversions of this package (sys.set_int_max_str_digits); the
// caller validates the value. 0 means no limit.
func SetIntMaxStrDigits(n int) { intMaxStrDigits.Store(int64(n)) }

// IntMaxStrDigits returns the current limit (sys.get_int_max_str_digits()).
func IntMaxStrDigits() int { return int(intMaxStrDigits.Load()) }

// decimalString is str(v), with CPython's limit on the number of digits.
func decimalString(v *big.Int) (string, error) {
	if v.IsInt64() {
		return strconv.FormatInt(v.Int64(), 10), nil
	}
	limit := IntMaxStrDigits()
	// A cheap bound first, so that a huge number is refused before the
	// quadratic conversion: bits*log10(2) is within one of the digit count.
	if limit > 0 && float64(v.BitLen()-1)*0.30102999566398 > float64(limit)+1 {
		return "", toStrLimitErr(limit)
	}
	s := v.String()
	n := len(s)
	if v.Sign() < 0 {
		n--
	}
	if limit > 0 && n > limit {
		return "", toStrLimitErr(limit)
	}
	return s, nil
}

func toStrLimitErr(limit int) error {
	return valueErr(fmt.Sprintf("Exceeds the limit (%d digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit", limit))
}

// IntToString is str(v) for base 10, and bin(v), oct(v), hex(v) for bases
// 2, 8 and 16: "-0x1f". Other bases from 2 to 36 give digits without a
// prefix. Base 10 obeys the int_max_str_digits limit (ValueError).
func IntToString(v *big.Int, base int) (string, error) {
	var prefix string
	switch base {
	case 10:
		return decimalString(v)
	case 2:
		prefix = "0b"
	case 8:
		prefix = "0o"
	case 16:
		prefix = "0x"
	}
	if base < 2 || base > 36 {
		return "", valueErr("base must be between 2 and 36")
	}
	if v.Sign() < 0 {
		return "-" + prefix + new(big.Int).Neg(v).Text(base), nil
	}
	return prefix + v.Text(base), nil
}

// Int64ToString is IntToString for an int64, without allocation of a
// big.Int.
func Int64ToString(v int64, base int) string {
	var prefix string
	switch base {
	case 2:
		prefix = "0b"
	case 8:
		prefix = "0o"
	case 16:
		prefix = "0x"
	case 10:
		return strconv.FormatInt(v, 10)
	}
	if v < 0 {
		return "-" + prefix + strconv.FormatUint(uint64(-v), base)
	}
	return prefix + strconv.FormatInt(v, base)
}

// digitValue is _PyLong_DigitValue: 0-9, a-z/A-Z as 10-35, else 37.
func digitValue(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'z':
		return int(c-'a') + 10
	case c >= 'A' && c <= 'Z':
		return int(c-'A') + 10
	}
	return 37
}

// ParseInt is int(s, base) for a str argument, with CPython's rules:
// surrounding whitespace, a sign, the 0x/0o/0b prefix (required to pick
// the base when base is 0), single underscores between digits, Unicode
// decimal digits. Errors: "invalid literal for int() with base N: 'repr'",
// the base range, and the int_max_str_digits limit.
func ParseInt(s string, base int) (*big.Int, error) {
	if (base != 0 && base < 2) || base > 36 {
		return nil, valueErr("int() base must be >= 2 and <= 36, or 0")
	}
	v, ok, err := parseIntASCII(transformDecimalAndSpace(s), base)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, valueErr(fmt.Sprintf("invalid literal for int() with base %d: %s", base, truncRunes(StrRepr(s), 200)))
	}
	return v, nil
}

// ParseIntBytes is int(b, base) for bytes and bytearray arguments. The
// message shows the repr of the first 200 bytes, made by bytesRepr.
func ParseIntBytes(b []byte, base int, bytesRepr func([]byte) string) (*big.Int, error) {
	if (base != 0 && base < 2) || base > 36 {
		return nil, valueErr("int() base must be >= 2 and <= 36, or 0")
	}
	v, ok, err := parseIntASCII(string(b), base)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, valueErr(fmt.Sprintf("invalid literal for int() with base %d: %s", base, bytesRepr(b[:min(len(b), 200)])))
	}
	return v, nil
}

// parseIntASCII is PyLong_FromString on the transformed string; ok is
// false for an invalid literal.
func parseIntASCII(s string, base int) (*big.Int, bool, error) {
	i := 0
	for i < len(s) && isASCIISpace(s[i]) {
		i++
	}
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	at := func(k int) byte {
		if k < len(s) {
			return s[k]
		}
		return 0
	}
	errorIfNonzero := false
	if base == 0 {
		switch {
		case at(i) != '0':
			base = 10
		case at(i+1) == 'x' || at(i+1) == 'X':
			base = 16
		case at(i+1) == 'o' || at(i+1) == 'O':
			base = 8
		case at(i+1) == 'b' || at(i+1) == 'B':
			base = 2
		default:
			// An old C-style octal literal: only zero is allowed.
			errorIfNonzero = true
			base = 10
		}
	}
	if at(i) == '0' {
		c := at(i+1) | 0x20
		if (base == 16 && c == 'x') || (base == 8 && c == 'o') || (base == 2 && c == 'b') {
			i += 2
			if at(i) == '_' {
				i++
			}
		}
	}
	if at(i) == '_' {
		return nil, false, nil
	}
	digits := make([]byte, 0, len(s)-i)
	var prev byte
	for i < len(s) && (digitValue(s[i]) < base || s[i] == '_') {
		if s[i] == '_' {
			if prev == '_' {
				return nil, false, nil
			}
		} else {
			digits = append(digits, s[i])
		}
		prev = s[i]
		i++
	}
	if prev == '_' {
		return nil, false, nil
	}
	if base&(base-1) != 0 {
		if limit := IntMaxStrDigits(); limit > 0 && len(digits) > limit {
			return nil, false, valueErr(fmt.Sprintf("Exceeds the limit (%d digits) for integer string conversion: value has %d digits; use sys.set_int_max_str_digits() to increase the limit", limit, len(digits)))
		}
	}
	if len(digits) == 0 {
		return nil, false, nil
	}
	for i < len(s) && isASCIISpace(s[i]) {
		i++
	}
	if i != len(s) {
		return nil, false, nil
	}
	v, ok := new(big.Int).SetString(string(digits), base)
	if !ok {
		return nil, false, nil
	}
	if errorIfNonzero && v.Sign() != 0 {
		return nil, false, nil
	}
	if neg {
		v.Neg(v)
	}
	return v, true, nil
}

// truncRunes keeps the first n code points of s (the %.200R of CPython's
// messages).
func truncRunes(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}
