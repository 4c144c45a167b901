package py

import (
	"math"
	"testing"
)

// The double-double constants must round to the float64 constants, and
// the low parts must carry the next bits (checked through known values).
func TestDDConstants(t *testing.T) {
	if ddLn2.hi != math.Ln2 || ddLn10.hi != math.Ln10 || ddPio2.hi != math.Pi/2 {
		t.Fatalf("constants: %v %v %v", ddLn2, ddLn10, ddPio2)
	}
	// ln 2 = 0.693147180559945309417232121458176568...; its double is
	// 0.69314718055994528623, so the tail is about 2.3190468138462996e-17.
	if math.Abs(ddLn2.lo-2.3190468138462996e-17) > 1e-31 {
		t.Errorf("ln2 tail %v", ddLn2.lo)
	}
	// pi/2's tail 6.123233995736766e-17 is the sin(pi) of float64 pi.
	if math.Abs(ddPio2.lo-6.123233995736766e-17) > 1e-31 {
		t.Errorf("pi/2 tail %v", ddPio2.lo)
	}
}

// Values CPython (glibc) prints, where Go's math package differs.
func TestCorrectlyRounded(t *testing.T) {
	cases := []struct {
		name string
		got  float64
		want float64
	}{
		{"log(3)", crLog(3), 1.0986122886681098},
		{"log10(1e15)", crLog10(1e15), 15},
		{"log10(3)", crLog10(3), 0.47712125471966244},
		{"log(1e-320)", crLog(1e-320), -736.8272408909739},
		{"exp(1)", crExp(1), 2.718281828459045},
		{"pow(2, 0.5)", crPow(2, 0.5), 1.4142135623730951},
		{"pow(-2, 3)", crPow(-2, 3), -8},
		{"pow(10, -2)", crPow(10, -2), 0.01},
		{"sin(pi/2)", crSin(math.Pi / 2), 1},
		{"cos(0)", crCos(0), 1},
		{"atan(1)", crAtan(1), 0.7853981633974483},
		{"atan(1e300)", crAtan(1e300), 1.5707963267948966},
		{"gamma(0.5)", mathGamma(0.5), 1.7724538509055159},
		{"lgamma(10)", mathLgamma(10), 12.801827480081467},
	}
	for _, c := range cases {
		if c.got != c.want {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}
