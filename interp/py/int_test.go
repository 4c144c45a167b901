package py

import (
	"math"
	"math/big"
	"math/rand"
	"testing"
)

// toBig reads an Int or *BigInt result back as a big.Int, checking that
// it is normalised (an Int whenever the value fits in 64 bits).
func toBig(t *testing.T, o Object) *big.Int {
	t.Helper()
	switch v := o.(type) {
	case Int:
		return big.NewInt(int64(v))
	case *BigInt:
		if v.v.IsInt64() {
			t.Fatalf("BigInt %s fits in an Int", v.v.String())
		}
		return new(big.Int).Set(&v.v)
	}
	t.Fatalf("not an int: %T", o)
	return nil
}

// TestBigAddSub checks the allocation-light sum and difference of big
// and small ints against math/big, around the int64 boundaries and the
// word boundaries of the magnitude.
func TestBigAddSub(t *testing.T) {
	two64 := new(big.Int).Lsh(big.NewInt(1), 64)
	edges := []*big.Int{
		big.NewInt(0), big.NewInt(1), big.NewInt(-1), big.NewInt(255),
		big.NewInt(math.MaxInt64), big.NewInt(math.MinInt64),
		big.NewInt(math.MaxInt64 - 1), big.NewInt(math.MinInt64 + 1),
		new(big.Int).Add(big.NewInt(math.MaxInt64), big.NewInt(1)),
		new(big.Int).Sub(big.NewInt(math.MinInt64), big.NewInt(1)),
		two64, new(big.Int).Neg(two64),
		new(big.Int).Sub(two64, big.NewInt(1)),
		new(big.Int).Neg(new(big.Int).Sub(two64, big.NewInt(1))),
		new(big.Int).Lsh(big.NewInt(1), 128),
		new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 192), big.NewInt(1)),
		new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)),
		new(big.Int).Neg(new(big.Int).Lsh(big.NewInt(1), 256)),
	}
	rng := rand.New(rand.NewSource(1))
	for i := 0; i < 300; i++ {
		v := new(big.Int).Rand(rng, new(big.Int).Lsh(big.NewInt(1), uint(rng.Intn(300))))
		if rng.Intn(2) == 0 {
			v.Neg(v)
		}
		edges = append(edges, v)
	}
	for _, xa := range edges {
		for _, xb := range edges {
			a, b := intFromBig(xa), intFromBig(xb)
			for _, sub := range []bool{false, true} {
				want := new(big.Int).Add(xa, xb)
				if sub {
					want.Sub(xa, xb)
				}
				r, ok := bigAddSub(a, b, sub)
				_, aBig := a.(*BigInt)
				_, bBig := b.(*BigInt)
				if !ok {
					if aBig || bBig {
						t.Fatalf("bigAddSub(%s, %s, %v) declined", xa, xb, sub)
					}
					continue
				}
				if got := toBig(t, r); got.Cmp(want) != 0 {
					t.Fatalf("bigAddSub(%s, %s, sub=%v) = %s, want %s", xa, xb, sub, got, want)
				}
				// the operands are unchanged
				if toBig(t, a).Cmp(xa) != 0 || toBig(t, b).Cmp(xb) != 0 {
					t.Fatalf("bigAddSub changed an operand")
				}
			}
		}
	}
}

// TestHashInt checks hashInt against the definition (the value modulo
// 2**61-1 with the sign kept, -1 becoming -2) around the modulus.
func TestHashInt(t *testing.T) {
	m := big.NewInt(hashModulus)
	for _, v := range []int64{0, 1, -1, -2, 2, 12345, -12345, hashModulus - 2, hashModulus - 1,
		hashModulus, hashModulus + 1, -hashModulus + 1, -hashModulus, -hashModulus - 1,
		2 * hashModulus, 2*hashModulus - 1, math.MaxInt64, math.MinInt64, math.MinInt64 + 1} {
		a := new(big.Int).Abs(big.NewInt(v))
		a.Mod(a, m)
		want := a.Int64()
		if v < 0 {
			want = -want
		}
		if want == -1 {
			want = -2
		}
		if got := hashInt(v); got != want {
			t.Errorf("hashInt(%d) = %d, want %d", v, got, want)
		}
	}
}

// TestMul64 checks the overflow test of the loop's int multiply against
// math/big on the edges: zero, ±1, the 32-bit boundary, products just
// inside and just outside int64, and MinInt64 (whose negation overflows).
func TestMul64(t *testing.T) {
	edges := []int64{0, 1, -1, 2, -2, 3, -3, 1 << 31, -(1 << 31), 1<<32 - 1, 1 << 32, -(1 << 32),
		3037000499, 3037000500, -3037000499, -3037000500, 1 << 62, -(1 << 62),
		math.MaxInt64, math.MinInt64, math.MaxInt64 / 2, math.MinInt64 / 2, math.MinInt64 + 1}
	for _, a := range edges {
		for _, b := range edges {
			want := new(big.Int).Mul(big.NewInt(a), big.NewInt(b))
			fits := want.IsInt64()
			got, ok := mul64(a, b)
			if ok != fits || ok && got != want.Int64() {
				t.Errorf("mul64(%d, %d) = %d, %v; want %s (fits %v)", a, b, got, ok, want, fits)
			}
		}
	}
}
