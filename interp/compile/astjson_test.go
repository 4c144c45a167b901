package compile

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math/big"
	"os/exec"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"freepy/interp/syntax"
)

// Until freepy's own parser exists, and afterwards as an independent
// reference, tests get syntax trees from CPython: testdata/astdump.py
// dumps ast.parse() results as JSON and fromJSON rebuilds them as
// syntax nodes by reflection (Python class and field names map to Go
// names one to one, see package syntax).

const refPython = "/usr/bin/python3.11"

var nodeTypes = map[string]reflect.Type{}

func init() {
	for _, v := range []any{
		syntax.Module{}, syntax.Interactive{}, syntax.Expression{}, syntax.FunctionType{},
		syntax.TypeIgnore{},
		syntax.FunctionDef{}, syntax.AsyncFunctionDef{}, syntax.ClassDef{}, syntax.Return{},
		syntax.Delete{}, syntax.Assign{}, syntax.AugAssign{}, syntax.AnnAssign{}, syntax.For{},
		syntax.AsyncFor{}, syntax.While{}, syntax.If{}, syntax.With{}, syntax.AsyncWith{},
		syntax.Match{}, syntax.Raise{}, syntax.Try{}, syntax.TryStar{}, syntax.Assert{},
		syntax.Import{}, syntax.ImportFrom{}, syntax.Global{}, syntax.Nonlocal{},
		syntax.ExprStmt{}, syntax.Pass{}, syntax.Break{}, syntax.Continue{},
		syntax.BoolOp{}, syntax.NamedExpr{}, syntax.BinOp{}, syntax.UnaryOp{}, syntax.Lambda{},
		syntax.IfExp{}, syntax.Dict{}, syntax.Set{}, syntax.ListComp{}, syntax.SetComp{},
		syntax.DictComp{}, syntax.GeneratorExp{}, syntax.Await{}, syntax.Yield{},
		syntax.YieldFrom{}, syntax.Compare{}, syntax.Call{}, syntax.FormattedValue{},
		syntax.JoinedStr{}, syntax.Constant{}, syntax.Attribute{}, syntax.Subscript{},
		syntax.Starred{}, syntax.Name{}, syntax.List{}, syntax.Tuple{}, syntax.Slice{},
		syntax.Comprehension{}, syntax.ExceptHandler{}, syntax.Arguments{}, syntax.Arg{},
		syntax.Keyword{}, syntax.Alias{}, syntax.WithItem{}, syntax.MatchCase{},
		syntax.MatchValue{}, syntax.MatchSingleton{}, syntax.MatchSequence{},
		syntax.MatchMapping{}, syntax.MatchClass{}, syntax.MatchStar{}, syntax.MatchAs{},
		syntax.MatchOr{},
	} {
		t := reflect.TypeOf(v)
		nodeTypes[t.Name()] = t
	}
	nodeTypes["Expr"] = reflect.TypeOf(syntax.ExprStmt{})
	for py, goName := range map[string]string{"arg": "Arg", "keyword": "Keyword", "alias": "Alias",
		"withitem": "WithItem", "match_case": "MatchCase", "comprehension": "Comprehension",
		"arguments": "Arguments", "excepthandler": "ExceptHandler"} {
		nodeTypes[py] = nodeTypes[goName]
	}
}

var enumValues = map[string]any{
	"Load": syntax.Load, "Store": syntax.Store, "Del": syntax.Del,
	"And": syntax.And, "Or": syntax.Or,
	"Add": syntax.Add, "Sub": syntax.Sub, "Mult": syntax.Mult, "MatMult": syntax.MatMult,
	"Div": syntax.Div, "Mod": syntax.Modulo, "Pow": syntax.Pow, "LShift": syntax.LShift,
	"RShift": syntax.RShift, "BitOr": syntax.BitOr, "BitXor": syntax.BitXor,
	"BitAnd": syntax.BitAnd, "FloorDiv": syntax.FloorDiv,
	"Invert": syntax.Invert, "Not": syntax.Not, "UAdd": syntax.UAdd, "USub": syntax.USub,
	"Eq": syntax.Eq, "NotEq": syntax.NotEq, "Lt": syntax.Lt, "LtE": syntax.LtE, "Gt": syntax.Gt,
	"GtE": syntax.GtE, "Is": syntax.Is, "IsNot": syntax.IsNot, "In": syntax.In, "NotIn": syntax.NotIn,
}

func goFieldName(py string) string {
	parts := strings.Split(py, "_")
	for i, p := range parts {
		if p != "" {
			r := []rune(p)
			r[0] = unicode.ToUpper(r[0])
			parts[i] = string(r)
		}
	}
	return strings.Join(parts, "")
}

var (
	posType   = reflect.TypeOf(syntax.Position{})
	constType = reflect.TypeOf((*syntax.ConstValue)(nil)).Elem()
)

func jsonConst(v any) (syntax.ConstValue, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("bad constant %v", v)
	}
	for tag, x := range m {
		switch tag {
		case "none":
			return nil, nil
		case "bool":
			return x.(bool), nil
		case "int":
			b, ok := new(big.Int).SetString(x.(string), 10)
			if !ok {
				return nil, fmt.Errorf("bad int %v", x)
			}
			if b.IsInt64() {
				return b.Int64(), nil
			}
			return b, nil
		case "float":
			return parseHexFloat(x.(string))
		case "complex":
			l := x.([]any)
			re, err := parseHexFloat(l[0].(string))
			if err != nil {
				return nil, err
			}
			im, err := parseHexFloat(l[1].(string))
			if err != nil {
				return nil, err
			}
			return complex(re, im), nil
		case "str":
			return x.(string), nil
		case "runes":
			var rs syntax.Str
			for _, r := range x.([]any) {
				rs = append(rs, rune(r.(float64)))
			}
			return rs, nil
		case "bytes":
			b, err := base64.StdEncoding.DecodeString(x.(string))
			return syntax.Bytes(b), err
		case "ellipsis":
			return syntax.Ellipsis, nil
		}
	}
	return nil, fmt.Errorf("bad constant %v", v)
}

func parseHexFloat(s string) (float64, error) {
	switch s {
	case "inf":
		return strconv.ParseFloat("+Inf", 64)
	case "-inf":
		return strconv.ParseFloat("-Inf", 64)
	case "nan":
		return strconv.ParseFloat("NaN", 64)
	}
	return strconv.ParseFloat(s, 64)
}

// fromJSON converts a decoded JSON value to a value of type t.
func fromJSON(v any, t reflect.Type) (reflect.Value, error) {
	if t == constType {
		c, err := jsonConst(v)
		if err != nil {
			return reflect.Value{}, err
		}
		out := reflect.New(t).Elem()
		if c != nil {
			out.Set(reflect.ValueOf(c))
		}
		return out, nil
	}
	if v == nil {
		return reflect.Zero(t), nil
	}
	switch t.Kind() {
	case reflect.Interface, reflect.Pointer:
		m := v.(map[string]any)
		nt, ok := nodeTypes[m["_type"].(string)]
		if !ok {
			return reflect.Value{}, fmt.Errorf("unknown node %v", m["_type"])
		}
		p := reflect.New(nt)
		if err := fillStruct(p.Elem(), m); err != nil {
			return reflect.Value{}, err
		}
		return p, nil
	case reflect.Slice:
		l := v.([]any)
		s := reflect.MakeSlice(t, len(l), len(l))
		for i, x := range l {
			e, err := fromJSON(x, t.Elem())
			if err != nil {
				return reflect.Value{}, err
			}
			s.Index(i).Set(e)
		}
		return s, nil
	case reflect.String:
		return reflect.ValueOf(v.(string)).Convert(t), nil
	case reflect.Int:
		return reflect.ValueOf(int(v.(float64))).Convert(t), nil
	case reflect.Uint8:
		m := v.(map[string]any)
		e, ok := enumValues[m["_type"].(string)]
		if !ok {
			return reflect.Value{}, fmt.Errorf("unknown enum %v", m["_type"])
		}
		return reflect.ValueOf(e).Convert(t), nil
	}
	return reflect.Value{}, fmt.Errorf("cannot convert to %v", t)
}

func fillStruct(s reflect.Value, m map[string]any) error {
	t := s.Type()
	for key, val := range m {
		if key == "_type" {
			continue
		}
		switch key {
		case "lineno", "col_offset", "end_lineno", "end_col_offset":
			if _, ok := t.FieldByName("Position"); ok {
				continue
			}
		}
		f := s.FieldByName(goFieldName(key))
		if !f.IsValid() {
			return fmt.Errorf("%s has no field %s", t.Name(), key)
		}
		v, err := fromJSON(val, f.Type())
		if err != nil {
			return fmt.Errorf("%s.%s: %w", t.Name(), key, err)
		}
		f.Set(v)
	}
	if _, ok := t.FieldByName("Position"); ok {
		num := func(k string) int {
			if x, ok := m[k].(float64); ok {
				return int(x)
			}
			return 0
		}
		s.FieldByName("Position").Set(reflect.ValueOf(syntax.Position{
			Lineno: num("lineno"), ColOffset: num("col_offset"),
			EndLineno: num("end_lineno"), EndColOffset: num("end_col_offset"),
		}))
	}
	return nil
}

type parsed struct {
	file string
	mod  syntax.Mod
	err  string
}

// cpythonParse parses sources (file names, or "-" with stdin) with CPython.
func cpythonParse(t testing.TB, mode string, stdin []byte, files ...string) []parsed {
	t.Helper()
	args := append([]string{"testdata/astdump.py", "--mode=" + mode}, files...)
	cmd := exec.Command(refPython, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("astdump: %v\n%s", err, stderr.String())
	}
	var res []parsed
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(make([]byte, 1<<20), 1<<30)
	for sc.Scan() {
		var doc struct {
			File  string `json:"file"`
			AST   any    `json:"ast"`
			Error string `json:"error"`
		}
		if err := json.Unmarshal(sc.Bytes(), &doc); err != nil {
			t.Fatalf("bad json: %v", err)
		}
		p := parsed{file: doc.File, err: doc.Error}
		if doc.Error == "" {
			v, err := fromJSON(doc.AST, reflect.TypeOf((*syntax.Mod)(nil)).Elem())
			if err != nil {
				t.Fatalf("%s: %v", doc.File, err)
			}
			p.mod = v.Interface().(syntax.Mod)
		}
		res = append(res, p)
	}
	return res
}

// parseSrc parses one source string with CPython.
func parseSrc(t testing.TB, src string) syntax.Mod {
	t.Helper()
	p := cpythonParse(t, "exec", []byte(src), "-")
	if len(p) != 1 || p[0].err != "" {
		t.Fatalf("CPython cannot parse %q: %v", src, p)
	}
	return p[0].mod
}

// compileSrc parses with CPython and compiles with this package.
func compileSrc(t testing.TB, src string) (*Code, error) {
	t.Helper()
	return Compile(parseSrc(t, src), "<test>", syntax.ModeExec, Flags{})
}

// runPython runs a script with the reference interpreter, feeding stdin.
func runPython(t testing.TB, script, stdin string) string {
	t.Helper()
	cmd := exec.Command(refPython, "-c", script)
	cmd.Stdin = strings.NewReader(stdin)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("python: %v\n%s", err, out)
	}
	return string(out)
}
