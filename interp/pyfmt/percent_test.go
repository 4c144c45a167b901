package pyfmt

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/big"
	"math/rand"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// emulatePercent is what the runtime does with ParsePercent for str % args,
// for args made of Go ints, float64s and strings (or a mapping), following
// the order documented on ParsePercent.
func emulatePercent(format string, args []any, mapping map[string]any) (string, error) {
	typeErr := func(msg string) error { return &Error{TypeError, msg} }
	var b strings.Builder
	argIdx := 0
	// The argument source: args, or a single value (the mapping itself, or
	// the value of the last key).
	cur := args
	if mapping != nil {
		cur = []any{mapping}
	}
	next := func() (any, error) {
		if argIdx >= len(cur) {
			return nil, typeErr("not enough arguments for format string")
		}
		argIdx++
		return cur[argIdx-1], nil
	}
	for _, d := range ParsePercent(format) {
		if d.Conv == 0 && d.Err == nil {
			b.WriteString(d.Literal)
			continue
		}
		if d.HasKey {
			if mapping == nil {
				return "", typeErr("format requires a mapping")
			}
			if d.KeyIncomplete {
				return "", d.Err
			}
			v, ok := mapping[d.Key]
			if !ok {
				return "", &Error{ValueError, "KeyError " + d.Key}
			}
			cur, argIdx = []any{v}, 0
		}
		if d.WidthStar {
			v, err := next()
			if err != nil {
				return "", err
			}
			w, ok := v.(int)
			if !ok {
				return "", typeErr("* wants int")
			}
			if w < 0 {
				d.Flags |= FlagLeft
				w = -w
			}
			d.Width = w
		}
		if d.PrecStar {
			v, err := next()
			if err != nil {
				return "", err
			}
			p, ok := v.(int)
			if !ok {
				return "", typeErr("* wants int")
			}
			d.Prec = max(p, 0)
		}
		if d.Err != nil {
			return "", d.Err
		}
		v, err := next()
		if err != nil {
			return "", err
		}
		var s string
		switch d.Conv {
		case 's', 'r', 'a':
			switch x := v.(type) {
			case string:
				if d.Conv == 's' {
					s = x
				} else {
					s = StrRepr(x)
				}
			case float64:
				s = FloatRepr(x)
			case map[string]any:
				s = "{'a': 42, 'b': 'bee'}"
			default:
				s = fmt.Sprint(x)
			}
			s, err = PercentStr(s, d)
		case 'd', 'i', 'u', 'o', 'x', 'X':
			switch x := v.(type) {
			case int:
				s, err = PercentInt(big.NewInt(int64(x)), d)
			case float64:
				if d.Conv == 'o' || d.Conv == 'x' || d.Conv == 'X' {
					return "", typeErr(fmt.Sprintf("%%%c format: an integer is required, not float", d.Conv))
				}
				var n *big.Int
				n, err = FloatToInt(x)
				if err == nil {
					s, err = PercentInt(n, d)
				}
			default:
				tn := "str"
				if _, ok := x.(map[string]any); ok {
					tn = "dict"
				}
				if d.Conv == 'o' || d.Conv == 'x' || d.Conv == 'X' {
					return "", typeErr(fmt.Sprintf("%%%c format: an integer is required, not %s", d.Conv, tn))
				}
				return "", typeErr(fmt.Sprintf("%%%c format: a real number is required, not %s", d.Conv, tn))
			}
		case 'e', 'E', 'f', 'F', 'g', 'G':
			switch x := v.(type) {
			case int:
				s, err = PercentFloat(float64(x), d)
			case float64:
				s, err = PercentFloat(x, d)
			case string:
				return "", typeErr("must be real number, not str")
			default:
				return "", typeErr("must be real number, not dict")
			}
		case 'c':
			switch x := v.(type) {
			case int:
				s, err = PercentInt(big.NewInt(int64(x)), d)
			case string:
				if runeLen(x) != 1 {
					return "", typeErr("%c requires int or char")
				}
				s, err = PercentStr(x, d)
			default:
				return "", typeErr("%c requires int or char")
			}
		default:
			return "", UnsupportedConv(d)
		}
		if err != nil {
			return "", err
		}
		b.WriteString(s)
		if mapping != nil && argIdx < len(cur) {
			return "", typeErr("not all arguments converted during string formatting")
		}
	}
	if mapping == nil && argIdx < len(args) {
		return "", typeErr("not all arguments converted during string formatting")
	}
	return b.String(), nil
}

// TestPercentFormatDiff runs whole %-format strings, malformed ones too,
// through emulatePercent and through CPython.
func TestPercentFormatDiff(t *testing.T) {
	if _, err := os.Stat(python); err != nil {
		t.Skip("no " + python)
	}
	r := rand.New(rand.NewSource(9))
	pieces := []string{"%", "%%", "(", ")", "(a)", "(b)", "(a", "*", ".", ".*", "-", "+", " ", "#", "0", "5", "12", "l", "h", "d", "s", "r", "x", "X", "o", "f", "e", "g", "c", "y", "é", "\x01", "ab", " ", "%s", "%d", "%(a)s", "%5.2f"}
	type tc struct {
		Format string         `json:"f"`
		Args   []any          `json:"args"`
		Map    map[string]any `json:"map"`
	}
	argSets := [][]any{{}, {1}, {65, 2.5}, {3, 4, "x"}, {-7, 1, 0.125, "héllo"}, {"ab"}, {2.5}}
	var cases []tc
	for i := 0; i < 6000; i++ {
		var f strings.Builder
		for k := r.Intn(6); k >= 0; k-- {
			f.WriteString(pieces[r.Intn(len(pieces))])
		}
		c := tc{Format: f.String()}
		if r.Intn(4) == 0 {
			c.Map = map[string]any{"a": 42, "b": "bee"}
		} else {
			c.Args = argSets[r.Intn(len(argSets))]
		}
		cases = append(cases, c)
	}
	script := `
import json, sys
out = []
for c in json.load(sys.stdin):
    args = c['map'] if c['map'] is not None else tuple(c['args'])
    try:
        out.append({'ok': c['f'] % args})
    except KeyError as e:
        out.append({'err': 'ValueError: KeyError ' + e.args[0]})
    except Exception as e:
        out.append({'err': type(e).__name__ + ': ' + str(e)})
json.dump(out, sys.stdout)
`
	in, _ := json.Marshal(cases)
	cmd := exec.Command(python, "-c", script)
	cmd.Stdin = strings.NewReader(string(in))
	outb, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	var ans []pyAnswer
	if err := json.Unmarshal(outb, &ans); err != nil {
		t.Fatal(err)
	}
	bad := 0
	for i, c := range cases {
		// JSON numbers decode as float64: give back ints where the test meant ints.
		args := fixInts(c.Args)
		var m map[string]any
		if c.Map != nil {
			m = map[string]any{"a": 42, "b": "bee"}
		}
		s, err := emulatePercent(c.Format, args, m)
		got := pyAnswer{Ok: &s}
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) {
				t.Fatal(err)
			}
			got = pyAnswer{Err: pe.Kind.String() + ": " + pe.Msg}
		}
		if !sameAnswer(pyCase{}, ans[i], got) {
			bad++
			if bad < 30 {
				t.Errorf("%q %% %v: python %s, go %s", c.Format, c.Args, show(ans[i]), show(got))
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d differ", bad, len(cases))
	}
}

func fixInts(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		if f, ok := a.(float64); ok && f == math.Trunc(f) && f != 2.5 {
			out[i] = int(f)
		} else {
			out[i] = a
		}
	}
	return out
}
