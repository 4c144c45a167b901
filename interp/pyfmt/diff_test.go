package pyfmt

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/rand"
	"os"
	"os/exec"
	"strconv"
	"testing"
)

// The differential tests run one /usr/bin/python3.11 process on a batch of
// cases and compare its answers with this package's.

const python = "/usr/bin/python3.11"

// pyCase is one question for CPython. Floats travel as their bit patterns
// so that every value (signed zeros, NaN, subnormals) is exact.
type pyCase struct {
	Op string `json:"op"`
	A  string `json:"a"`
	B  string `json:"b,omitempty"`
	S  string `json:"s"`
	N  *int   `json:"n,omitempty"`
}

type pyAnswer struct {
	Ok  *string `json:"ok"`
	Err string  `json:"err"`
}

const pyScript = `
import json, sys, struct
def I(a):
    sys.set_int_max_str_digits(0)
    v = int(a)
    sys.set_int_max_str_digits(4300)
    return v
def f(bits): return struct.unpack('<d', int(bits).to_bytes(8, 'little'))[0]
def bits(x): return str(int.from_bytes(struct.pack('<d', x), 'little'))
def run(c):
    op, a, b, s, n = c['op'], c.get('a'), c.get('b'), c['s'], c.get('n')
    if op == 'repr_float': return repr(f(a))
    if op == 'repr_complex': return repr(complex(f(a), f(b)))
    if op == 'fmt_float': return format(f(a), s)
    if op == 'fmt_int': return format(I(a), s)
    if op == 'fmt_bool': return format(bool(int(a)), s)
    if op == 'fmt_complex': return format(complex(f(a), f(b)), s)
    if op == 'fmt_str': return format(a, s)
    if op == 'pct_int': return s % I(a)
    if op == 'pct_float': return s % f(a)
    if op == 'pct_str': return s % a
    if op == 'round': return bits(round(f(a), n))
    if op == 'round_int': return str(round(f(a)))
    if op == 'parse_int': return hex(int(s, n))
    if op == 'parse_float': return bits(float(s))
    if op == 'fromhex': return bits(float.fromhex(s))
    if op == 'hex': return f(a).hex()
    if op == 'int_str': return {2: bin, 8: oct, 10: str, 16: hex}[n](I(a))
    if op == 'int_to_float': return bits(float(I(a)))
    raise Exception('unknown op ' + op)
out = []
for c in json.load(sys.stdin):
    try:
        out.append({'ok': run(c)})
    except Exception as e:
        out.append({'err': type(e).__name__ + ': ' + str(e)})
json.dump(out, sys.stdout)
`

func askPython(t *testing.T, cases []pyCase) []pyAnswer {
	t.Helper()
	if _, err := os.Stat(python); err != nil {
		t.Skip("no " + python)
	}
	in, err := json.Marshal(cases)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, "-c", pyScript)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python: %v\n%s", err, stderr.String())
	}
	var ans []pyAnswer
	if err := json.Unmarshal(out, &ans); err != nil {
		t.Fatal(err)
	}
	if len(ans) != len(cases) {
		t.Fatalf("python answered %d of %d cases", len(ans), len(cases))
	}
	return ans
}

func fbits(f float64) string { return strconv.FormatUint(math.Float64bits(f), 10) }

func unbits(s string) float64 {
	u, _ := strconv.ParseUint(s, 10, 64)
	return math.Float64frombits(u)
}

func intp(n int) *int { return &n }

// goAnswer runs a case through this package, in the answer format.
func goAnswer(c pyCase) pyAnswer {
	var s string
	var err error
	n := 0
	if c.N != nil {
		n = *c.N
	}
	bigA := func() *big.Int {
		v, _ := new(big.Int).SetString(c.A, 10)
		return v
	}
	one := func(format string) (Directive, bool) {
		ds := ParsePercent(format)
		if len(ds) != 1 || ds[0].Conv == 0 || ds[0].Err != nil {
			return Directive{}, false
		}
		return ds[0], true
	}
	switch c.Op {
	case "repr_float":
		s = FloatRepr(unbits(c.A))
	case "repr_complex":
		s = ComplexRepr(unbits(c.A), unbits(c.B))
	case "fmt_float":
		s, err = FormatFloat(unbits(c.A), c.S, "float")
	case "fmt_int":
		s, err = FormatInt(bigA(), c.S, "int")
	case "fmt_bool":
		s, err = FormatInt(bigA(), c.S, "bool")
	case "fmt_complex":
		s, err = FormatComplex(unbits(c.A), unbits(c.B), c.S, "complex")
	case "fmt_str":
		s, err = FormatStr(c.A, c.S, "str")
	case "pct_int", "pct_float", "pct_str":
		d, ok := one(c.S)
		if !ok {
			return pyAnswer{Err: "bad test case"}
		}
		switch {
		case c.Op == "pct_int" && d.Conv == 'c':
			s, err = PercentInt(bigA(), d)
		case c.Op == "pct_int":
			s, err = PercentInt(bigA(), d)
		case c.Op == "pct_float":
			s, err = PercentFloat(unbits(c.A), d)
		default:
			s, err = PercentStr(c.A, d)
		}
	case "round":
		var f float64
		f, err = RoundFloat(unbits(c.A), n)
		s = fbits(f)
	case "round_int":
		var v *big.Int
		v, err = RoundFloatToInt(unbits(c.A))
		if err == nil {
			s = v.String()
		}
	case "parse_int":
		var v *big.Int
		v, err = ParseInt(c.S, n)
		if err == nil {
			s, _ = IntToString(v, 16)
		}
	case "parse_float":
		var f float64
		f, err = ParseFloat(c.S)
		s = fbits(f)
	case "fromhex":
		var f float64
		f, err = FloatFromHex(c.S)
		s = fbits(f)
	case "hex":
		s = FloatHex(unbits(c.A))
	case "int_str":
		s, err = IntToString(bigA(), n)
	case "int_to_float":
		var f float64
		f, err = IntToFloat(bigA())
		s = fbits(f)
	default:
		return pyAnswer{Err: "unknown op"}
	}
	if err != nil {
		var pe *Error
		if errors.As(err, &pe) {
			return pyAnswer{Err: pe.Kind.String() + ": " + pe.Msg}
		}
		return pyAnswer{Err: "Go error: " + err.Error()}
	}
	return pyAnswer{Ok: &s}
}

// sameAnswer compares answers; float results given as bits compare NaNs by
// sign only (CPython's and Go's NaN payloads differ).
func sameAnswer(c pyCase, want, got pyAnswer) bool {
	if want.Ok == nil || got.Ok == nil {
		return want.Ok == nil && got.Ok == nil && want.Err == got.Err
	}
	if *want.Ok == *got.Ok {
		return true
	}
	switch c.Op {
	case "round", "parse_float", "fromhex", "int_to_float":
		w, g := unbits(*want.Ok), unbits(*got.Ok)
		return math.IsNaN(w) && math.IsNaN(g) && math.Signbit(w) == math.Signbit(g)
	}
	return false
}

func compareWithPython(t *testing.T, cases []pyCase) {
	t.Helper()
	ans := askPython(t, cases)
	bad := 0
	for i, c := range cases {
		got := goAnswer(c)
		if !sameAnswer(c, ans[i], got) {
			bad++
			if bad <= 40 {
				t.Errorf("%s a=%q b=%q s=%q n=%v: python %s, go %s", c.Op, describe(c.Op, c.A), c.B, c.S, deref(c.N), show(ans[i]), show(got))
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d cases differ", bad, len(cases))
	}
	t.Logf("%d cases compared", len(cases))
}

func describe(op, a string) string {
	switch op {
	case "repr_float", "repr_complex", "fmt_float", "fmt_complex", "pct_float", "round", "round_int", "hex":
		return FloatRepr(unbits(a))
	}
	return a
}

func deref(n *int) any {
	if n == nil {
		return nil
	}
	return *n
}

func show(a pyAnswer) string {
	if a.Ok != nil {
		return strconv.Quote(*a.Ok)
	}
	return "error " + strconv.Quote(a.Err)
}

// Values worth testing.

var edgeFloats = []float64{
	0, math.Copysign(0, -1), 1, -1, 0.1, 0.5, 1.5, 2.5, -2.5, 2.675, 0.125, 0.375,
	1e16, 1e15, 9999999999999998, 1e17, 1e22, 1e23, 1e-4, 1e-5, 0.0001, 0.00001234,
	123456789.123, 1234567.0, 0.3, 2.0 / 3, 1.0 / 3, 100, 1e100, 1e-100, 1e300, 1.7976931348623157e308,
	5e-324, 2.2250738585072014e-308, 2.225073858507201e-308, 4.9406564584124654e-320,
	math.Inf(1), math.Inf(-1), math.NaN(), 0.05, 0.15, 0.25, 0.35, 9.5, 99.5, 999.5, 0.995, 0.9999995,
	12345.6789, -12345.6789, 1e21, 123e18, 1.25e-7, 3.14159265358979, 255, 4096.5, 0.001, -0.0004,
}

func randFloat(r *rand.Rand) float64 {
	switch r.Intn(6) {
	case 0:
		return math.Float64frombits(r.Uint64())
	case 1:
		return float64(r.Int63n(2000000)-1000000) / math.Pow(10, float64(r.Intn(12)))
	case 2:
		return (r.Float64() - 0.5) * math.Pow(10, float64(r.Intn(44)-22))
	case 3:
		return float64(r.Intn(20000)-10000) + 0.5*float64(r.Intn(3))
	case 4:
		return math.Ldexp(float64(r.Int63n(1<<53)), r.Intn(2200)-1100)
	default:
		return edgeFloats[r.Intn(len(edgeFloats))]
	}
}

func randInt(r *rand.Rand) *big.Int {
	switch r.Intn(5) {
	case 0:
		return big.NewInt(r.Int63n(2000) - 1000)
	case 1:
		return big.NewInt(r.Int63() - r.Int63())
	case 2:
		v := new(big.Int).Rand(r, new(big.Int).Lsh(big.NewInt(1), uint(r.Intn(400))+1))
		if r.Intn(2) == 0 {
			v.Neg(v)
		}
		return v
	case 3:
		return big.NewInt(int64([]int{0, 1, -1, 65, 0x10ffff, 0x110000, 127, 255, 1000, 1234567}[r.Intn(10)]))
	default:
		return big.NewInt(int64(r.Intn(100000)))
	}
}

func pick(r *rand.Rand, xs ...string) string { return xs[r.Intn(len(xs))] }

// randSpec builds a format spec from the mini-language's parts, with the
// given presentation types (and sometimes a stray one).
func randSpec(r *rand.Rand, types ...string) string {
	s := ""
	if r.Intn(3) == 0 {
		s += pick(r, "", "*", "0", "é", "x", " ", "<", "{") + pick(r, "<", ">", "=", "^")
	}
	if r.Intn(3) == 0 {
		s += pick(r, "+", "-", " ")
	}
	if r.Intn(8) == 0 {
		s += "z"
	}
	if r.Intn(4) == 0 {
		s += "#"
	}
	if r.Intn(4) == 0 {
		s += "0"
	}
	if r.Intn(2) == 0 {
		s += strconv.Itoa(r.Intn(30))
	}
	if r.Intn(4) == 0 {
		s += pick(r, ",", "_")
	}
	if r.Intn(2) == 0 {
		s += "." + strconv.Itoa(r.Intn(25))
	}
	if r.Intn(30) == 0 {
		s += pick(r, "s", "c", "y", "\u00e9", "\x01", ",", "%")
	} else {
		s += pick(r, types...)
	}
	return s
}

func TestFloatReprDiff(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	var cases []pyCase
	for _, f := range edgeFloats {
		cases = append(cases, pyCase{Op: "repr_float", A: fbits(f)}, pyCase{Op: "hex", A: fbits(f)})
		cases = append(cases, pyCase{Op: "repr_float", A: fbits(-f)}, pyCase{Op: "hex", A: fbits(-f)})
	}
	for i := 0; i < 3000; i++ {
		f := randFloat(r)
		cases = append(cases, pyCase{Op: "repr_float", A: fbits(f)}, pyCase{Op: "hex", A: fbits(f)})
		g := randFloat(r)
		cases = append(cases, pyCase{Op: "repr_complex", A: fbits(f), B: fbits(g)})
	}
	for _, f := range edgeFloats {
		for _, g := range []float64{0, math.Copysign(0, -1), 1, -1, math.NaN(), math.Inf(-1), 1e16} {
			cases = append(cases, pyCase{Op: "repr_complex", A: fbits(f), B: fbits(g)}, pyCase{Op: "repr_complex", A: fbits(g), B: fbits(f)})
		}
	}
	compareWithPython(t, cases)
}

var floatTypes = []string{"", "e", "E", "f", "F", "g", "G", "n", "%"}

func TestFormatFloatDiff(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	var cases []pyCase
	for _, f := range edgeFloats {
		for _, sp := range []string{"", "e", ".0e", "#.0e", "f", ".0f", "#.0f", "g", "#g", ".0g", ".1g", ".3", ".0", "#", "#.3", "%", ".2%", ",", "_", "010", "+", " ", "z.1f", "z", "z.0f", ".17", ".16g", "20,.3f", "020,.3f", "^20", "<015", "*=+15,.2f", ".30f", ".25e", "#.20g", ".400f", ".350e"} {
			cases = append(cases, pyCase{Op: "fmt_float", A: fbits(f), S: sp}, pyCase{Op: "fmt_float", A: fbits(-f), S: sp})
		}
	}
	for i := 0; i < 8000; i++ {
		cases = append(cases, pyCase{Op: "fmt_float", A: fbits(randFloat(r)), S: randSpec(r, floatTypes...)})
	}
	compareWithPython(t, cases)
}

func TestFormatComplexDiff(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	var cases []pyCase
	for i := 0; i < 3000; i++ {
		cases = append(cases, pyCase{Op: "fmt_complex", A: fbits(randFloat(r)), B: fbits(randFloat(r)), S: randSpec(r, "", "e", "E", "f", "F", "g", "G", "n", "%")})
	}
	zero := fbits(0)
	for _, sp := range []string{"", ".3", "10", "<20", "^20.2f", "+", "z.1f", "010", "=10", "#", ",.2f"} {
		cases = append(cases, pyCase{Op: "fmt_complex", A: zero, B: fbits(-1.5), S: sp})
		cases = append(cases, pyCase{Op: "fmt_complex", A: fbits(-0.0), B: fbits(1e20), S: sp})
	}
	compareWithPython(t, cases)
}

var intTypes = []string{"", "b", "c", "d", "o", "x", "X", "n", "e", "E", "f", "F", "g", "G", "%"}

func TestFormatIntDiff(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	var cases []pyCase
	for _, v := range []string{"0", "1", "-1", "255", "-255", "1234567", "-1234567", "65", "1114111", "1114112", "9223372036854775808", "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368", "-179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792"} {
		for _, sp := range []string{"", "b", "#b", "o", "#o", "x", "#x", "#X", "c", "d", ",", "_", "_b", "_x", "#_x", "015,", "015_", "#015_x", "#015_b", "+", " ", "=+10", "^+10", "n", "010n", "e", ".3e", "f", "g", "%", ".0%", ",.2f", "*^#20x"} {
			cases = append(cases, pyCase{Op: "fmt_int", A: v, S: sp})
		}
	}
	for i := 0; i < 8000; i++ {
		cases = append(cases, pyCase{Op: "fmt_int", A: randInt(r).String(), S: randSpec(r, intTypes...)})
	}
	cases = append(cases, pyCase{Op: "fmt_bool", A: "1", S: "s"}, pyCase{Op: "fmt_bool", A: "0", S: ".2"}, pyCase{Op: "fmt_bool", A: "1", S: "x<5,c"})
	compareWithPython(t, cases)
}

func TestFormatStrDiff(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	strs := []string{"", "a", "abc", "héllo", "日本語テキスト", "a\U0001F600b", "x y z"}
	var cases []pyCase
	for i := 0; i < 3000; i++ {
		cases = append(cases, pyCase{Op: "fmt_str", A: strs[r.Intn(len(strs))], S: randSpec(r, "", "s")})
	}
	for _, sp := range []string{"=", "+", " ", "#", "z", ",", "_", ",s", "d", "010", "0<10", "^10.2", ".0", "\u0665\u0660", ".\u0663"} {
		cases = append(cases, pyCase{Op: "fmt_str", A: "abc", S: sp})
	}
	compareWithPython(t, cases)
}

func TestPercentDiff(t *testing.T) {
	r := rand.New(rand.NewSource(6))
	flags := func() string {
		s := ""
		for _, f := range []string{"-", "+", " ", "#", "0"} {
			if r.Intn(4) == 0 {
				s += f
			}
		}
		return s
	}
	wp := func() string {
		s := ""
		if r.Intn(2) == 0 {
			s += strconv.Itoa(r.Intn(25))
		}
		if r.Intn(2) == 0 {
			s += "." + strconv.Itoa(r.Intn(25))
		}
		return s
	}
	var cases []pyCase
	for i := 0; i < 4000; i++ {
		cases = append(cases, pyCase{Op: "pct_int", A: randInt(r).String(), S: "%" + flags() + wp() + pick(r, "d", "i", "u", "o", "x", "X", "ld")})
		cases = append(cases, pyCase{Op: "pct_float", A: fbits(randFloat(r)), S: "%" + flags() + wp() + pick(r, "e", "E", "f", "F", "g", "G")})
		if i%4 == 0 {
			cases = append(cases, pyCase{Op: "pct_str", A: pick(r, "", "abc", "héllo", "日本"), S: "%" + flags() + wp() + "s"})
			cases = append(cases, pyCase{Op: "pct_int", A: randInt(r).String(), S: "%" + flags() + wp() + "c"})
		}
	}
	compareWithPython(t, cases)
}

func TestRoundDiff(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	var cases []pyCase
	for _, f := range edgeFloats {
		for _, n := range []int{0, 1, 2, 3, -1, -2, 5, 15, 16, 17, 20, 300, 323, 324, -307, -308, -309} {
			cases = append(cases, pyCase{Op: "round", A: fbits(f), N: intp(n)}, pyCase{Op: "round", A: fbits(-f), N: intp(n)})
		}
		cases = append(cases, pyCase{Op: "round_int", A: fbits(f)}, pyCase{Op: "round_int", A: fbits(-f)})
	}
	for i := 0; i < 4000; i++ {
		cases = append(cases, pyCase{Op: "round", A: fbits(randFloat(r)), N: intp(r.Intn(40) - 20)})
		cases = append(cases, pyCase{Op: "round_int", A: fbits(randFloat(r))})
	}
	compareWithPython(t, cases)
}

func TestParseDiff(t *testing.T) {
	r := rand.New(rand.NewSource(8))
	var cases []pyCase
	intStrs := []string{"0", "-0", "+7", " 12 ", "\t-34\n", "1_000", "1__0", "_1", "1_", "0x1f", "0X1F", "0x_1f", "0x__1f", "0b101", "0o17", "017", "00", "0_0", "000_1",
		"1e5", "", " ", "12a", "z", "Z", "zz", "\u0665\u0666", "\u00a012\u2003", "1\x00", "0b", "0x", "-0x10", "+0o_7", "1 2", "١٢٣", "9" + string(rune(0x1d7ce)), "1\x1c", "\u0085 5",
		"123456789012345678901234567890", "-999999999999999999999999999999999"}
	for _, s := range intStrs {
		for _, b := range []int{0, 2, 8, 10, 16, 36, 1, 37} {
			cases = append(cases, pyCase{Op: "parse_int", S: s, N: intp(b)})
		}
	}
	big5000 := ""
	for i := 0; i < 5000; i++ {
		big5000 += "7"
	}
	cases = append(cases, pyCase{Op: "parse_int", S: big5000, N: intp(10)}, pyCase{Op: "parse_int", S: big5000, N: intp(16)}, pyCase{Op: "parse_int", S: big5000[:4300], N: intp(10)})
	cases = append(cases, pyCase{Op: "parse_int", S: "x" + big5000[:300], N: intp(10)})
	floatStrs := []string{"0", "-0", "1.5", " 1.5 ", "1_0 ", "1_000.000_1", "1_.5", "1._5", "1e1_0", "1e_10", "_1", "1_", ".5", "5.", ".", "e5", "1e", "1e+", "1e+5", "1E-5",
		"inf", "-inf", "+inf", "Infinity", "-iNfInItY", "infinit", "nan", "-nan", "NaN", "nan1", "1e400", "-1e400", "1e-400", "2.4703282292062327e-324", "2.4703282292062328e-324",
		"0x10", "1,5", "\u0661.\u0665", "\u20031.0\u2003", "1.0\x00", "", " ", "+", "-", "+.5", "--1", "1.7976931348623157e308", "1.7976931348623159e308", "0.1e-5_0"}
	for _, s := range floatStrs {
		cases = append(cases, pyCase{Op: "parse_float", S: s})
	}
	hexStrs := []string{"0x1p0", "0x1.8p1", "-0x1.8p1", "1", "0x.8", "0x.", "0x", "x1", "0x1p", "0x1p+", "0x1P-1074", "0x1p-1075", "0x1.0000000000001p-1075", "0x1p-1076", "0x1.fffffffffffffp1023", "0x1.fffffffffffff8p1023",
		"0x1.fffffffffffff7ffp1023", "0x1p1024", " 0x1p0 ", "inf", "-Infinity", "nan", "0x1.00000000000008p0", "0x1.00000000000018p0", "0x1.000000000000080001p0", "0x0.0000000000001p-1022", "0x1p-99999999999999999999", "0x1p99999999999999999999", "0x0p99999999999999999999",
		"0x1.8", "1.8p1", "0x1.8p1 x", "+0x1p0", "0x1_0p0", "0Xa.bP2"}
	for _, s := range hexStrs {
		cases = append(cases, pyCase{Op: "fromhex", S: s})
	}
	for i := 0; i < 3000; i++ {
		f := randFloat(r)
		cases = append(cases, pyCase{Op: "parse_float", S: FloatRepr(f)}, pyCase{Op: "fromhex", S: FloatHex(f)})
		cases = append(cases, pyCase{Op: "parse_float", S: strconv.FormatFloat(f, 'e', r.Intn(25), 64)})
		v := randInt(r)
		b := []int{2, 8, 10, 16}[r.Intn(4)]
		cases = append(cases, pyCase{Op: "int_str", A: v.String(), N: intp(b)}, pyCase{Op: "int_to_float", A: v.String()})
		cases = append(cases, pyCase{Op: "parse_int", S: v.Text(b), N: intp(b)})
		// A hex mantissa with extra digits exercises rounding.
		cases = append(cases, pyCase{Op: "fromhex", S: fmt.Sprintf("0x%x.%xp%d", r.Uint64(), r.Uint64(), r.Intn(2300)-1150)})
	}
	big4301 := big5000[:4301]
	cases = append(cases, pyCase{Op: "int_str", A: big4301, N: intp(10)}, pyCase{Op: "int_str", A: "-" + big4301[:4300], N: intp(10)}, pyCase{Op: "int_str", A: big4301, N: intp(16)})
	compareWithPython(t, cases)
}
