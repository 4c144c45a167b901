package strops

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"testing"
)

const refPython = "/usr/bin/python3.11"

// oracle collects calls whose Go results are compared with what CPython
// computes for the same call (testdata/oracle.py).
type oracle struct {
	t     *testing.T
	reqs  [][2]any
	descs []string
	got   []any
}

func newOracle(t *testing.T) *oracle {
	t.Helper()
	if _, err := os.Stat(refPython); err != nil {
		t.Skip("reference interpreter absent:", refPython)
	}
	return &oracle{t: t}
}

// add records op(args...) in Python and the Go result (value, or value and
// error).
func (o *oracle) add(op string, args []any, res any) {
	enc := make([]any, len(args))
	for i, a := range args {
		enc[i] = encVal(a)
	}
	o.reqs = append(o.reqs, [2]any{op, enc})
	o.descs = append(o.descs, op+describe(args))
	g := func() any {
		if r, ok := res.(result); ok {
			if r.err != nil {
				return encErr(r.err)
			}
			return encResult(r.v)
		}
		return encResult(res)
	}()
	o.got = append(o.got, g)
}

func describe(args []any) string {
	var b bytes.Buffer
	b.WriteString("(")
	for i, a := range args {
		if i > 0 {
			b.WriteString(", ")
		}
		switch v := a.(type) {
		case string:
			b.WriteString(Repr(v))
		case []byte:
			b.WriteString(BytesRepr(v))
		default:
			j, _ := json.Marshal(v)
			b.Write(j)
		}
	}
	b.WriteString(")")
	return b.String()
}

func encVal(a any) any {
	switch v := a.(type) {
	case string:
		return map[string]any{"s": hex.EncodeToString([]byte(v))}
	case []byte:
		return map[string]any{"b": hex.EncodeToString(v)}
	case rune:
		return map[string]any{"s": hex.EncodeToString(AppendRune(nil, v))}
	}
	return a
}

func encResult(a any) any {
	switch v := a.(type) {
	case nil:
		return nil
	case bool:
		return map[string]any{"bool": v}
	case int:
		return map[string]any{"i": v}
	case string, []byte:
		return encVal(v)
	case []string:
		l := []any{}
		for _, x := range v {
			l = append(l, encVal(x))
		}
		return map[string]any{"l": l}
	case [][]byte:
		l := []any{}
		for _, x := range v {
			l = append(l, encVal(x))
		}
		return map[string]any{"l": l}
	case []any:
		l := []any{}
		for _, x := range v {
			l = append(l, encResult(x))
		}
		return map[string]any{"l": l}
	case []rune:
		l := []any{}
		for _, x := range v {
			l = append(l, map[string]any{"i": int(x)})
		}
		return map[string]any{"l": l}
	}
	panic("encResult: unsupported type")
}

func encErr(err error) any {
	var ue *UnicodeError
	if errors.As(err, &ue) {
		return map[string]any{"e": ue.Type(), "msg": ue.Error(), "enc": ue.Encoding,
			"start": ue.Start, "end": ue.End, "reason": ue.Reason}
	}
	var pe *Error
	if errors.As(err, &pe) {
		return map[string]any{"e": pe.Type, "msg": pe.Msg}
	}
	return map[string]any{"e": "GoError", "msg": err.Error()}
}

// check runs the oracle once for every recorded call and reports mismatches.
func (o *oracle) check() {
	o.t.Helper()
	in, err := json.Marshal(o.reqs)
	if err != nil {
		o.t.Fatal(err)
	}
	cmd := exec.Command(refPython, "testdata/oracle.py")
	cmd.Stdin = bytes.NewReader(in)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		o.t.Fatalf("oracle: %v", err)
	}
	var want []any
	if err := json.Unmarshal(out, &want); err != nil {
		o.t.Fatal(err)
	}
	if len(want) != len(o.got) {
		o.t.Fatalf("oracle returned %d results for %d calls", len(want), len(o.got))
	}
	bad := 0
	for i := range want {
		w, _ := json.Marshal(want[i])
		g, _ := json.Marshal(o.got[i])
		if !bytes.Equal(w, g) {
			bad++
			if bad <= 40 {
				o.t.Errorf("%s:\n  got  %s\n  want %s", o.descs[i], pretty(o.got[i]), pretty(want[i]))
			}
		}
	}
	if bad > 0 {
		o.t.Errorf("%d of %d calls differ from CPython", bad, len(want))
	} else {
		o.t.Logf("%d calls agree with CPython", len(want))
	}
}

// pretty shows str results decoded, to make failures readable.
func pretty(v any) string {
	switch x := v.(type) {
	case map[string]any:
		if h, ok := x["s"].(string); ok {
			b, _ := hex.DecodeString(h)
			return "str " + Repr(string(b))
		}
		if h, ok := x["b"].(string); ok {
			b, _ := hex.DecodeString(h)
			return "bytes " + BytesRepr(b)
		}
		if l, ok := x["l"].([]any); ok {
			s := "["
			for i, e := range l {
				if i > 0 {
					s += ", "
				}
				s += pretty(e)
			}
			return s + "]"
		}
	}
	j, _ := json.Marshal(v)
	return string(j)
}
