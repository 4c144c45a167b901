package pyfmt

import (
	"math"
	"math/big"
	"testing"
)

// TestAppendInt64Spec checks the fast path against the general formatter
// (itself checked against CPython): every spec built from the grammar's
// pieces, for values around the edges of int64 and of digit grouping. A
// spec the fast path takes must give the general formatter's text; one it
// declines must be one the general formatter handles itself.
func TestAppendInt64Spec(t *testing.T) {
	values := []int64{0, 1, -1, 7, -7, 42, 999, -999, 1000, -1000, 123456, 1234567, -1234567,
		math.MaxInt64, math.MinInt64, math.MinInt64 + 1}
	fills := []string{"", "*", "0", " ", "é", "{"}
	aligns := []string{"", "<", ">", "=", "^"}
	signs := []string{"", "+", "-", " "}
	zeros := []string{"", "0"}
	widths := []string{"", "1", "5", "12", "25"}
	groups := []string{"", ",", "_"}
	types := []string{"", "d", "x", "n"}
	taken := 0
	for _, fill := range fills {
		for _, align := range aligns {
			if fill != "" && align == "" {
				continue
			}
			for _, sign := range signs {
				for _, zero := range zeros {
					for _, width := range widths {
						for _, group := range groups {
							for _, typ := range types {
								spec := fill + align + sign + zero + width + group + typ
								for _, v := range values {
									got, ok := AppendInt64Spec([]byte("pre:"), v, spec)
									if !ok {
										continue
									}
									want, werr := FormatInt(big.NewInt(v), spec, "int")
									taken++
									if werr != nil {
										t.Fatalf("spec %q value %d: fast path gave %q, general error %v", spec, v, got, werr)
									}
									if string(got) != "pre:"+want {
										t.Fatalf("spec %q value %d: fast path %q, general %q", spec, v, got, "pre:"+want)
									}
								}
							}
						}
					}
				}
			}
		}
	}
	if taken == 0 {
		t.Fatal("the fast path took no spec")
	}
	// widths of up to six digits are taken, longer ones left to the
	// general formatter (which checks them against memory)
	if got, ok := AppendInt64Spec(nil, 5, "999999"); !ok || len(got) != 999999 || got[len(got)-1] != '5' {
		t.Errorf("width 999999: ok %v, %d bytes", ok, len(got))
	}
	if _, ok := AppendInt64Spec(nil, 5, "1000000"); ok {
		t.Errorf("width 1000000 taken by the fast path")
	}
}
