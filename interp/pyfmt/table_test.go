package pyfmt

import (
	"errors"
	"math"
	"math/big"
	"math/rand"
	"testing"
)

// Hand-written expectations (checked against CPython 3.11), so that the
// package is tested where python3.11 is absent too.

func errText(err error) string {
	var pe *Error
	if errors.As(err, &pe) {
		return pe.Kind.String() + ": " + pe.Msg
	}
	if err != nil {
		return "?" + err.Error()
	}
	return ""
}

func TestFormatErrors(t *testing.T) {
	fl := func(spec string) error { _, err := FormatFloat(1.5, spec, "float"); return err }
	in := func(spec string) error { _, err := FormatInt(big.NewInt(65), spec, "int"); return err }
	st := func(spec string) error { _, err := FormatStr("abc", spec, "str"); return err }
	cx := func(spec string) error { _, err := FormatComplex(1, 2, spec, "complex"); return err }
	tests := []struct {
		err  error
		want string
	}{
		{fl("abc"), "ValueError: Invalid format specifier 'abc' for object of type 'float'"},
		{in("10.3.4"), "ValueError: Invalid format specifier '10.3.4' for object of type 'int'"},
		{fl("."), "ValueError: Format specifier missing precision"},
		{fl(",_"), "ValueError: Cannot specify both ',' and '_'."},
		{fl("_,"), "ValueError: Cannot specify both ',' and '_'."},
		{fl(",,"), "ValueError: Cannot specify ',' with ','."},
		{st(","), "ValueError: Cannot specify ',' with 's'."},
		{in(",x"), "ValueError: Cannot specify ',' with 'x'."},
		{in(",c"), "ValueError: Cannot specify ',' with 'c'."},
		{in("_c"), "ValueError: Cannot specify '_' with 'c'."},
		{in(",\x01"), "ValueError: Cannot specify ',' with '\\x1'."},
		{fl("x"), "ValueError: Unknown format code 'x' for object of type 'float'"},
		{fl("\u00e9"), "ValueError: Unknown format code '\\xe9' for object of type 'float'"},
		{in("s"), "ValueError: Unknown format code 's' for object of type 'int'"},
		{st("d"), "ValueError: Unknown format code 'd' for object of type 'str'"},
		{cx("%"), "ValueError: Unknown format code '%' for object of type 'complex'"},
		{st("+"), "ValueError: Sign not allowed in string format specifier"},
		{st(" "), "ValueError: Space not allowed in string format specifier"},
		{st("z"), "ValueError: Negative zero coercion (z) not allowed in string format specifier"},
		{st("#"), "ValueError: Alternate form (#) not allowed in string format specifier"},
		{st("="), "ValueError: '=' alignment not allowed in string format specifier"},
		{in(".2"), "ValueError: Precision not allowed in integer format specifier"},
		{in("z"), "ValueError: Negative zero coercion (z) not allowed in integer format specifier"},
		{in("+c"), "ValueError: Sign not allowed with integer format specifier 'c'"},
		{in("#c"), "ValueError: Alternate form (#) not allowed with integer format specifier 'c'"},
		{cx("010"), "ValueError: Zero padding is not allowed in complex format specifier"},
		{cx("=10"), "ValueError: '=' alignment flag is not allowed in complex format specifier"},
		{fl("99999999999999999999"), "ValueError: Too many decimal digits in format string"},
		{fl(".99999999999999999999"), "ValueError: Too many decimal digits in format string"},
		{fl(".2147483648"), "ValueError: precision too big"},
		{fl("9999999999999"), "MemoryError: "},
	}
	for i, tc := range tests {
		if got := errText(tc.err); got != tc.want {
			t.Errorf("%d: got %q, want %q", i, got, tc.want)
		}
	}
	if _, err := FormatInt(big.NewInt(0x110000), "c", "int"); errText(err) != "OverflowError: %c arg not in range(0x110000)" {
		t.Errorf("c range: %v", err)
	}
	huge := new(big.Int).Lsh(big.NewInt(1), 1024)
	if _, err := FormatInt(huge, "f", "int"); errText(err) != "OverflowError: int too large to convert to float" {
		t.Errorf("int to float: %v", err)
	}
}

func TestFormatTable(t *testing.T) {
	tests := []struct {
		got  func() (string, error)
		want string
	}{
		{func() (string, error) { return FormatFloat(1e16, "", "float") }, "1e+16"},
		{func() (string, error) { return FormatFloat(123.0, ".3", "float") }, "1.23e+02"},
		{func() (string, error) { return FormatFloat(12.0, ".3", "float") }, "12.0"},
		{func() (string, error) { return FormatFloat(-0.0001, "z.2f", "float") }, "0.00"},
		{func() (string, error) { return FormatFloat(1234567.891, "_.2f", "float") }, "1_234_567.89"},
		{func() (string, error) { return FormatFloat(math.Inf(1), "010", "float") }, "0000000inf"},
		{func() (string, error) { return FormatFloat(2.5, ".0f", "float") }, "2"},
		{func() (string, error) { return FormatFloat(0.125, ".2%", "float") }, "12.50%"},
		{func() (string, error) { return FormatFloat(1.0, "#.0e", "float") }, "1.e+00"},
		{func() (string, error) { return FormatInt(big.NewInt(1234), "010,", "int") }, "00,001,234"},
		{func() (string, error) { return FormatInt(big.NewInt(255), "#X", "int") }, "0XFF"},
		{func() (string, error) { return FormatInt(big.NewInt(-31), "#_b", "int") }, "-0b1_1111"},
		{func() (string, error) { return FormatInt(big.NewInt(65), "*^5c", "int") }, "**A**"},
		{func() (string, error) { return FormatInt64(-5, "=+8", "int") }, "-      5"},
		{func() (string, error) { return FormatComplex(0, -1, "", "complex") }, "-1j"},
		{func() (string, error) { return FormatComplex(1, 2, "^12.1f", "complex") }, "  1.0+2.0j  "},
		{func() (string, error) { return FormatStr("héllo", "*^9.3", "str") }, "***hél***"},
		{func() (string, error) { return FormatStr("ab", "\u0665", "str") }, "ab   "},
	}
	for i, tc := range tests {
		got, err := tc.got()
		if err != nil || got != tc.want {
			t.Errorf("%d: got %q (%v), want %q", i, got, err, tc.want)
		}
	}
}

func TestReprTable(t *testing.T) {
	for _, tc := range []struct {
		f    float64
		want string
	}{
		{0, "0.0"}, {math.Copysign(0, -1), "-0.0"}, {1, "1.0"}, {0.1, "0.1"}, {1e16, "1e+16"},
		{9999999999999998, "9999999999999998.0"}, {1e-5, "1e-05"}, {0.0001, "0.0001"},
		{math.Inf(1), "inf"}, {math.Inf(-1), "-inf"}, {math.NaN(), "nan"}, {5e-324, "5e-324"},
		{1.7976931348623157e308, "1.7976931348623157e+308"}, {123456789.123, "123456789.123"},
	} {
		if got := FloatRepr(tc.f); got != tc.want {
			t.Errorf("FloatRepr(%v) = %q, want %q", tc.f, got, tc.want)
		}
	}
	nan := math.NaN()
	for _, tc := range []struct {
		re, im float64
		want   string
	}{
		{0, 1, "1j"}, {1, 2, "(1+2j)"}, {math.Copysign(0, -1), -1, "(-0-1j)"}, {0, math.Copysign(0, -1), "-0j"},
		{nan, math.Inf(1), "(nan+infj)"}, {-nan, nan, "(nan+nanj)"}, {1.5, -2.5e-10, "(1.5-2.5e-10j)"},
	} {
		if got := ComplexRepr(tc.re, tc.im); got != tc.want {
			t.Errorf("ComplexRepr(%v, %v) = %q, want %q", tc.re, tc.im, got, tc.want)
		}
	}
	for _, tc := range []struct{ s, want string }{
		{"abc", "'abc'"}, {"it's", `"it's"`}, {`'"`, `'\'"'`}, {"a\tb\n\\", `'a\tb\n\\'`},
		{"\x00\x7f\u0085\u00a0é", `'\x00\x7f\x85\xa0é'`}, {"\u2028\U0001F600\U000E0001", `'\u2028😀\U000e0001'`},
	} {
		if got := StrRepr(tc.s); got != tc.want {
			t.Errorf("StrRepr(%q) = %s, want %s", tc.s, got, tc.want)
		}
	}
}

func TestParseTable(t *testing.T) {
	for _, tc := range []struct {
		s    string
		base int
		want string // value, or the error
	}{
		{" -0x_1f ", 0, "-31"}, {"1_000", 10, "1000"}, {"0_0", 0, "0"}, {"\u0665\u0666", 10, "56"},
		{"010", 0, "ValueError: invalid literal for int() with base 0: '010'"},
		{"1__0", 10, "ValueError: invalid literal for int() with base 10: '1__0'"},
		{"x", 10, "ValueError: invalid literal for int() with base 10: 'x'"},
		{"1", 1, "ValueError: int() base must be >= 2 and <= 36, or 0"},
		{"z", 36, "35"},
	} {
		v, err := ParseInt(tc.s, tc.base)
		got := errText(err)
		if err == nil {
			got = v.String()
		}
		if got != tc.want {
			t.Errorf("ParseInt(%q, %d) = %s, want %s", tc.s, tc.base, got, tc.want)
		}
	}
	for _, tc := range []struct {
		s    string
		want float64
		err  string
	}{
		{" 1_0 ", 10, ""}, {"-iNfInItY", math.Inf(-1), ""}, {"1e400", math.Inf(1), ""}, {"\u0661.\u0665", 1.5, ""},
		{"1_", 0, "ValueError: could not convert string to float: '1_'"},
		{"", 0, "ValueError: could not convert string to float: ''"},
		{"0x10", 0, "ValueError: could not convert string to float: '0x10'"},
	} {
		f, err := ParseFloat(tc.s)
		if errText(err) != tc.err || (err == nil && f != tc.want) {
			t.Errorf("ParseFloat(%q) = %v, %v", tc.s, f, err)
		}
	}
	for _, tc := range []struct {
		s    string
		want float64
		err  string
	}{
		{"0x1.8p1", 3, ""}, {"-0x1p-1074", -5e-324, ""}, {"0x1p-1075", 0, ""}, {"0x1.0000000000001p-1075", 5e-324, ""},
		{"0x1p1024", 0, "OverflowError: hexadecimal value too large to represent as a float"},
		{"0x.", 0, "ValueError: invalid hexadecimal floating-point string"},
	} {
		f, err := FloatFromHex(tc.s)
		if errText(err) != tc.err || (err == nil && f != tc.want) {
			t.Errorf("FloatFromHex(%q) = %v, %v", tc.s, f, err)
		}
	}
	if got := FloatHex(5e-324); got != "0x0.0000000000001p-1022" {
		t.Errorf("FloatHex(5e-324) = %s", got)
	}
	if got := FloatHex(-1.5); got != "-0x1.8000000000000p+0" {
		t.Errorf("FloatHex(-1.5) = %s", got)
	}
}

func TestRoundTable(t *testing.T) {
	for _, tc := range []struct {
		x    float64
		n    int
		want float64
	}{
		{2.675, 2, 2.67}, {0.5, 0, 0}, {1.5, 0, 2}, {2.5, 0, 2}, {-0.5, 0, math.Copysign(0, -1)},
		{1234.5, -1, 1230}, {1250, -2, 1200}, {1350, -2, 1400}, {0.125, 2, 0.12}, {5e-324, 400, 5e-324},
		{-3, -400, math.Copysign(0, -1)},
	} {
		got, err := RoundFloat(tc.x, tc.n)
		if err != nil || got != tc.want || math.Signbit(got) != math.Signbit(tc.want) {
			t.Errorf("RoundFloat(%v, %d) = %v, %v; want %v", tc.x, tc.n, got, err, tc.want)
		}
	}
	if _, err := RoundFloat(1.7976931348623157e308, -308); errText(err) != "OverflowError: rounded value too large to represent" {
		t.Errorf("overflow: %v", err)
	}
	if _, err := RoundFloatToInt(math.NaN()); errText(err) != "ValueError: cannot convert float NaN to integer" {
		t.Errorf("nan: %v", err)
	}
	if _, err := RoundFloatToInt(math.Inf(1)); errText(err) != "OverflowError: cannot convert float infinity to integer" {
		t.Errorf("inf: %v", err)
	}
	if v, _ := RoundFloatToInt(-2.5); v.Int64() != -2 {
		t.Errorf("round(-2.5) = %v", v)
	}
}

func TestParsePercentTable(t *testing.T) {
	ds := ParsePercent("a%%b%(k)-+ #012.5ld%*.*x%c")
	if len(ds) != 4 {
		t.Fatalf("got %d directives: %+v", len(ds), ds)
	}
	if ds[0].Literal != "a%b" || ds[0].Conv != 0 {
		t.Errorf("literal: %+v", ds[0])
	}
	d := ds[1]
	if !d.HasKey || d.Key != "k" || d.Flags != FlagLeft|FlagSign|FlagBlank|FlagAlt|FlagZero || d.Width != 12 || d.Prec != 5 || d.Conv != 'd' || d.Index != 18 {
		t.Errorf("keyed: %+v", d)
	}
	if d := ds[2]; !d.WidthStar || !d.PrecStar || d.Conv != 'x' {
		t.Errorf("stars: %+v", d)
	}
	if d := ds[3]; d.Conv != 'c' {
		t.Errorf("c: %+v", d)
	}
	for _, tc := range []struct{ f, err string }{
		{"%", "ValueError: incomplete format"},
		{"abc %5", "ValueError: incomplete format"},
		{"%(a", "ValueError: incomplete format key"},
		{"%(a(b)", "ValueError: incomplete format key"},
		{"%99999999999999999999d", "ValueError: width too big"},
		{"%.99999999999d", "ValueError: precision too big"},
	} {
		ds := ParsePercent(tc.f)
		if got := errText(ds[len(ds)-1].Err); got != tc.err {
			t.Errorf("ParsePercent(%q): %s, want %s", tc.f, got, tc.err)
		}
	}
	if ds := ParsePercent("\xff\xfeé%(κλ)s\xff"); len(ds) != 3 || ds[0].Literal != "\xff\xfeé" || ds[1].Key != "κλ" || ds[1].Index != 8 || ds[2].Literal != "\xff" {
		t.Errorf("bytes and keys: %+v", ds)
	}
	if got := errText(UnsupportedConv(ParsePercent("ab%5y")[1])); got != "ValueError: unsupported format character 'y' (0x79) at index 4" {
		t.Errorf("unsupported: %s", got)
	}
	if got := errText(UnsupportedConv(ParsePercent("é%\u20ac")[1])); got != "ValueError: unsupported format character '?' (0x20ac) at index 2" {
		t.Errorf("unsupported: %s", got)
	}
}

func TestIntLimit(t *testing.T) {
	v := new(big.Int).Exp(big.NewInt(10), big.NewInt(4300), nil) // 4301 digits
	if _, err := IntToString(v, 10); errText(err) != "ValueError: Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit" {
		t.Errorf("limit: %v", err)
	}
	if _, err := IntToString(v, 16); err != nil {
		t.Errorf("hex has no limit: %v", err)
	}
	SetIntMaxStrDigits(0)
	defer SetIntMaxStrDigits(DefaultIntMaxStrDigits)
	if s, err := IntToString(v, 10); err != nil || len(s) != 4301 {
		t.Errorf("no limit: %v", err)
	}
}

// TestFloatReprFastPath checks FloatRepr's fast path against the general
// layout code it short-cuts.
func TestFloatReprFastPath(t *testing.T) {
	r := rand.New(rand.NewSource(10))
	for i := 0; i < 200000; i++ {
		f := randFloat(r)
		if got, want := FloatRepr(f), doubleToString(f, 'r', 0, dtsAddDot0); got != want {
			t.Fatalf("FloatRepr(%b) = %q, want %q", f, got, want)
		}
	}
}
