package compile

import (
	"math"
	"math/big"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"freepy/interp/syntax"
)

// sameCode compares two values field by field, as reflect.DeepEqual but
// with a nil slice equal to an empty one (the decoder does not keep the
// difference, and nothing reads it) and NaNs equal to themselves.
func sameCode(a, b reflect.Value, path string) string {
	if a.Kind() == reflect.Interface {
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return path + ": one is nil"
			}
			return ""
		}
		a, b = a.Elem(), b.Elem()
	}
	if a.Type() != b.Type() {
		return path + ": " + a.Type().String() + " vs " + b.Type().String()
	}
	switch a.Kind() {
	case reflect.Pointer:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return path + ": one is nil"
			}
			return ""
		}
		if bi, ok := a.Interface().(*big.Int); ok {
			if bi.Cmp(b.Interface().(*big.Int)) != 0 {
				return path + ": " + bi.String() + " vs " + b.Interface().(*big.Int).String()
			}
			return ""
		}
		return sameCode(a.Elem(), b.Elem(), path)
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if d := sameCode(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name); d != "" {
				return d
			}
		}
		return ""
	case reflect.Slice:
		if a.Len() != b.Len() {
			return path + ": lengths differ"
		}
		for i := 0; i < a.Len(); i++ {
			if d := sameCode(a.Index(i), b.Index(i), path+"["+itoa(i)+"]"); d != "" {
				return d
			}
		}
		return ""
	case reflect.Float64:
		x, y := a.Float(), b.Float()
		if math.Float64bits(x) != math.Float64bits(y) {
			return path + ": floats differ"
		}
		return ""
	case reflect.Complex128:
		x, y := a.Complex(), b.Complex()
		if math.Float64bits(real(x)) != math.Float64bits(real(y)) || math.Float64bits(imag(x)) != math.Float64bits(imag(y)) {
			return path + ": complexes differ"
		}
		return ""
	}
	if !reflect.DeepEqual(a.Interface(), b.Interface()) {
		return path + ": values differ"
	}
	return ""
}

func roundTrip(t *testing.T, c *Code) *Code {
	t.Helper()
	data, err := EncodeCode(nil, c)
	if err != nil {
		t.Fatal(err)
	}
	back, n, err := DecodeCode(data)
	if err != nil {
		t.Fatal(err)
	}
	if n != len(data) {
		t.Fatalf("decoded %d of %d bytes", n, len(data))
	}
	return back
}

// TestCodecCarriesEveryField fills every field of a Code (found by
// reflection, so a field added later is included) with a value that is not
// its zero value and checks that it survives the round trip. A new field
// the codec does not write fails here: extend EncodeCode and DecodeCode.
func TestCodecCarriesEveryField(t *testing.T) {
	c := &Code{}
	n := 0
	var fill func(v reflect.Value)
	fill = func(v reflect.Value) {
		n++
		switch v.Kind() {
		case reflect.String:
			v.SetString("s" + itoa(n))
		case reflect.Int, reflect.Int32, reflect.Int64:
			v.SetInt(int64(n*7 - 40))
		case reflect.Uint32:
			v.SetUint(uint64(n * 1000003))
		case reflect.Slice:
			s := reflect.MakeSlice(v.Type(), 3, 3)
			for i := 0; i < 3; i++ {
				if s.Index(i).Kind() == reflect.Interface {
					continue // Consts: filled below
				}
				fill(s.Index(i))
			}
			v.Set(s)
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				fill(v.Field(i))
			}
		default:
			t.Fatalf("Code has a field of kind %s that this test (and probably the codec) does not handle", v.Kind())
		}
	}
	fill(reflect.ValueOf(c).Elem())
	inner := &Code{Name: "inner", Filename: c.Filename, Instrs: []Instr{MakeInstr(1, 5)}, Positions: []Position{{Line: 3, EndLine: 4, Col: -1, EndCol: -1}}}
	// one constant of every kind Const lists
	c.Consts = []Const{nil, true, false, int64(-5), int64(math.MinInt64), new(big.Int).Lsh(big.NewInt(-3), 100),
		1.5, math.NaN(), math.Copysign(0, -1), complex(1, -2), "", "héllo", "héllo", Str{'a', 0xd800}, Bytes("b\x00"),
		Bytes{}, Ellipsis, Tuple{int64(1), Tuple{}, "héllo"}, FrozenSet{"a", int64(2)}, inner}
	back := roundTrip(t, c)
	if d := sameCode(reflect.ValueOf(c), reflect.ValueOf(back), "Code"); d != "" {
		t.Fatal(d)
	}
	// every field was filled, so every field must differ from a zero Code
	zero := reflect.ValueOf(Code{})
	bv := reflect.ValueOf(back).Elem()
	for i := 0; i < bv.NumField(); i++ {
		if reflect.DeepEqual(bv.Field(i).Interface(), zero.Field(i).Interface()) {
			t.Errorf("field %s lost in the round trip", bv.Type().Field(i).Name)
		}
	}
}

func TestCodecRejectsUnknownConst(t *testing.T) {
	if _, err := EncodeCode(nil, &Code{Consts: []Const{struct{}{}}}); err == nil {
		t.Fatal("a constant of an unknown kind was encoded")
	}
}

// TestCodecStdlib round-trips the code of a sample of the standard library.
func TestCodecStdlib(t *testing.T) {
	files, _ := filepath.Glob("/usr/lib/python3.11/*.py")
	if len(files) == 0 {
		t.Skip("no standard library")
	}
	if testing.Short() {
		files = files[:20]
	}
	done := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		mod, err := syntax.Parse(f, src, syntax.ModeExec)
		if err != nil {
			continue
		}
		c, err := Compile(mod, f, syntax.ModeExec, Flags{})
		if err != nil {
			continue
		}
		back := roundTrip(t, c)
		if d := sameCode(reflect.ValueOf(c), reflect.ValueOf(back), filepath.Base(f)); d != "" {
			t.Fatal(d)
		}
		done++
	}
	if done < len(files)/2 {
		t.Fatalf("only %d of %d files compiled", done, len(files))
	}
}

// TestCodecCorruptInput checks that truncated and altered encodings give
// an error or some code, never a panic or a runaway allocation.
func TestCodecCorruptInput(t *testing.T) {
	src := "import os\nclass C:\n    def f(self, x=1.5, *a, **k):\n        return [x for x in a if x != 'é'], (1, 2, b'x'), 10**30, {1, 2}\n"
	mod, err := syntax.Parse("t.py", []byte(src), syntax.ModeExec)
	if err != nil {
		t.Fatal(err)
	}
	c, err := Compile(mod, "t.py", syntax.ModeExec, Flags{})
	if err != nil {
		t.Fatal(err)
	}
	data, err := EncodeCode(nil, c)
	if err != nil {
		t.Fatal(err)
	}
	for n := 0; n < len(data); n++ {
		if _, _, err := DecodeCode(data[:n]); err == nil {
			t.Fatalf("a truncation to %d of %d bytes decoded without error", n, len(data))
		}
	}
	bad := make([]byte, len(data))
	for i := range data {
		for _, x := range []byte{0xff, 0x80, 0x01, 0x7f} {
			copy(bad, data)
			bad[i] ^= x
			DecodeCode(bad) // must not panic
		}
	}
	if _, _, err := DecodeCode([]byte(strings.Repeat("\xff", 12))); err == nil {
		t.Fatal("garbage decoded")
	}
}

// BenchmarkDecodeCode decodes the modules `import site` loads, the work a
// cache hit does instead of parsing and compiling.
func BenchmarkDecodeCode(b *testing.B) {
	var encoded [][]byte
	size := 0
	for _, name := range []string{"os", "site", "posixpath", "_collections_abc", "stat", "genericpath", "abc", "codecs"} {
		f := "/usr/lib/python3.11/" + name + ".py"
		src, err := os.ReadFile(f)
		if err != nil {
			b.Skip("no standard library")
		}
		mod, err := syntax.Parse(f, src, syntax.ModeExec)
		if err != nil {
			b.Fatal(err)
		}
		c, err := Compile(mod, f, syntax.ModeExec, Flags{})
		if err != nil {
			b.Fatal(err)
		}
		data, err := EncodeCode(nil, c)
		if err != nil {
			b.Fatal(err)
		}
		encoded = append(encoded, data)
		size += len(data)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, data := range encoded {
			if _, _, err := DecodeCode(data); err != nil {
				b.Fatal(err)
			}
		}
	}
}
