package pyfmt

import (
	"math"
	"math/big"
	"testing"
)

// hasBigNumber finds runs of (Unicode) decimal digits that would ask for
// gigantic widths or precisions: those are legal, just slow to fuzz.
func hasBigNumber(s string) bool {
	run := 0
	for _, r := range s {
		if decimalValue(r) < 0 {
			run = 0
		} else if run++; run >= 5 {
			return true
		}
	}
	return false
}

// FuzzFormat checks that no input makes the formatting functions panic and
// that every error is an *Error.
func FuzzFormat(f *testing.F) {
	for _, s := range []string{"", "x<+z#010,.3f", "_b", "^-5c", ".0%", "0=10_x", "%(a)-*.*ld", "%#o %5.2e"} {
		f.Add(s, 1.5, int64(-42))
	}
	f.Fuzz(func(t *testing.T, spec string, x float64, n int64) {
		if hasBigNumber(spec) {
			return
		}
		check := func(err error) {
			if _, ok := err.(*Error); err != nil && !ok {
				t.Fatalf("%q: error of type %T", spec, err)
			}
		}
		_, err := FormatFloat(x, spec, "float")
		check(err)
		_, err = FormatInt(big.NewInt(n), spec, "int")
		check(err)
		_, err = FormatComplex(x, -x, spec, "complex")
		check(err)
		_, err = FormatStr(spec, spec, "str")
		check(err)
		for _, d := range ParsePercent(spec) {
			if d.Conv == 0 || d.Err != nil {
				continue
			}
			d.Width, d.Prec = max(d.Width, -1)%100, max(d.Prec, -1)%100
			switch d.Conv {
			case 'd', 'i', 'u', 'o', 'x', 'X', 'c':
				_, err = PercentInt(big.NewInt(n), d)
			case 'e', 'E', 'f', 'F', 'g', 'G':
				_, err = PercentFloat(x, d)
			default:
				_, err = PercentStr(spec, d)
			}
			check(err)
		}
		_, err = ParseInt(spec, int(n%40))
		check(err)
		_, err = ParseFloat(spec)
		check(err)
		_, err = FloatFromHex(spec)
		check(err)
		if !math.IsNaN(x) {
			_, err = RoundFloat(x, int(n%700))
			check(err)
		}
	})
}

func BenchmarkFloatRepr(b *testing.B) {
	for i := 0; i < b.N; i++ {
		FloatRepr(0.1 * float64(i))
	}
}

func BenchmarkFormatFloatSpec(b *testing.B) {
	for i := 0; i < b.N; i++ {
		FormatFloat(1234.5678*float64(i), ">+20,.3f", "float")
	}
}
