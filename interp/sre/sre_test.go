package sre

import (
	"encoding/json"
	"os"
	"os/exec"
	"reflect"
	"strings"
	"testing"
)

const python = "/usr/bin/python3.11"

// oracleCase is one entry printed by testdata/cases.py. A result is nil
// for no match, else the spans of groups 0..n followed by lastindex.
type oracleCase struct {
	Pattern   string   `json:"pattern"`
	Flags     int      `json:"flags"`
	Code      []uint32 `json:"code"`
	Groups    int      `json:"groups"`
	Subject   []rune   `json:"subject"`
	Pos       int      `json:"pos"`
	Endpos    int      `json:"endpos"`
	Match     []any    `json:"match"`
	FullMatch []any    `json:"fullmatch"`
	Search    []any    `json:"search"`
	FindIter  [][]any  `json:"finditer"`
}

func loadOracle(t *testing.T) []oracleCase {
	t.Helper()
	if _, err := os.Stat(python); err != nil {
		t.Skip("reference interpreter not available")
	}
	out, err := exec.Command(python, "testdata/cases.py").Output()
	if err != nil {
		t.Fatalf("cases.py: %v", err)
	}
	var cases []oracleCase
	if err := json.Unmarshal(out, &cases); err != nil {
		t.Fatal(err)
	}
	return cases
}

// result renders a match the way cases.py does, then normalises it
// through JSON so it compares equal to the decoded oracle.
func result(t *testing.T, st *State, start int, groups int) []any {
	var r []any
	r = append(r, []int{start, st.MatchEnd})
	for g := 1; g <= groups; g++ {
		s, e := st.Span(g)
		r = append(r, []int{s, e})
	}
	if st.LastIndex >= 0 {
		r = append(r, st.LastIndex)
	} else {
		r = append(r, nil)
	}
	b, _ := json.Marshal(r)
	var norm []any
	if err := json.Unmarshal(b, &norm); err != nil {
		t.Fatal(err)
	}
	return norm
}

func run1(t *testing.T, c oracleCase, f func(*State) (bool, error)) []any {
	st := NewState(c.Code, c.Groups, c.Subject, c.Pos, c.Endpos)
	ok, err := f(st)
	if err != nil {
		t.Errorf("%s: %v", c.Pattern, err)
		return nil
	}
	if !ok {
		return nil
	}
	return result(t, st, st.Start, c.Groups)
}

func TestAgainstCPython(t *testing.T) {
	cases := loadOracle(t)
	if len(cases) < 150 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, c := range cases {
		name := c.Pattern + " on " + strings.ToValidUTF8(string(c.Subject), "?")
		if err := Validate(c.Code, c.Groups); err != nil {
			t.Errorf("%s: valid program rejected: %v %v", c.Pattern, err, c.Code)
		}
		if got := run1(t, c, (*State).Match); !reflect.DeepEqual(got, c.Match) {
			t.Errorf("match %s: got %v, want %v", name, got, c.Match)
		}
		if got := run1(t, c, (*State).FullMatch); !reflect.DeepEqual(got, c.FullMatch) {
			t.Errorf("fullmatch %s: got %v, want %v", name, got, c.FullMatch)
		}
		if got := run1(t, c, (*State).Search); !reflect.DeepEqual(got, c.Search) {
			t.Errorf("search %s: got %v, want %v", name, got, c.Search)
		}
		// finditer: the scanner loop of CPython's _sre.
		var all [][]any
		st := NewState(c.Code, c.Groups, c.Subject, c.Pos, c.Endpos)
		for n := 0; n <= len(c.Subject)+1; n++ {
			ok, err := st.Search()
			if err != nil {
				t.Errorf("finditer %s: %v", name, err)
				break
			}
			if !ok {
				break
			}
			all = append(all, result(t, st, st.Start, c.Groups))
			st.MustAdvance = st.MatchEnd == st.Start
			st.Start = st.MatchEnd
		}
		if len(all) != len(c.FindIter) || (len(all) > 0 && !reflect.DeepEqual(all, c.FindIter)) {
			t.Errorf("finditer %s: got %v, want %v", name, all, c.FindIter)
		}
	}
}

// compileWith asks CPython for the program of one pattern.
func compileWith(t *testing.T, pattern string) ([]uint32, int) {
	t.Helper()
	if _, err := os.Stat(python); err != nil {
		t.Skip("reference interpreter not available")
	}
	src := "import json,sys\nfrom re import _parser,_compiler\np=_parser.parse(sys.argv[1],0)\n" +
		"print(json.dumps([list(_compiler._code(p,0)),p.state.groups-1]))"
	out, err := exec.Command(python, "-c", src, pattern).Output()
	if err != nil {
		t.Fatal(err)
	}
	var v []json.RawMessage
	var code []uint32
	var groups int
	if err := json.Unmarshal(out, &v); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(v[0], &code); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(v[1], &groups); err != nil {
		t.Fatal(err)
	}
	return code, groups
}

// A long subject must not exhaust the goroutine stack: either the match
// succeeds or it reports ErrRecursion.
func TestLongSubject(t *testing.T) {
	code, groups := compileWith(t, "(?:ab|cd)*x")
	subj := []rune(strings.Repeat("ab", 100000) + "x")
	st := NewState(code, groups, subj, 0, len(subj))
	ok, err := st.Match()
	if err != nil || !ok || st.MatchEnd != len(subj) {
		t.Fatalf("got %v %v %d", ok, err, st.MatchEnd)
	}
	defer func(d int) { maxDepth = d }(maxDepth)
	maxDepth = 50000
	st = NewState(code, groups, subj, 0, len(subj))
	if _, err := st.Match(); err != ErrRecursion {
		t.Fatalf("want ErrRecursion, got %v", err)
	}
	// A single-character repeat needs no recursion at all.
	code, groups = compileWith(t, "a*b")
	subj = []rune(strings.Repeat("a", 1000000))
	st = NewState(code, groups, subj, 0, len(subj))
	if ok, err := st.Match(); ok || err != nil {
		t.Fatalf("got %v %v", ok, err)
	}
}

// A malformed program is an error, not a panic.
func TestMalformedCode(t *testing.T) {
	for _, code := range [][]uint32{{opLITERAL}, {200}, {opREPEAT, 100, 0, 1}, {opMAX_UNTIL}} {
		st := NewState(code, 0, []rune("abc"), 0, 3)
		if _, err := st.Search(); err == nil {
			t.Errorf("%v: no error", code)
		}
	}
}

// Validate rejects broken programs that the matcher would misread.
func TestValidate(t *testing.T) {
	code, groups := compileWith(t, "(a|b)*?c(?(1)x|y)(?=d)[^e-g]++\\1")
	if err := Validate(code, groups); err != nil {
		t.Fatalf("valid program rejected: %v", err)
	}
	bad := [][]uint32{
		{opLITERAL},
		{200},
		{opMARK, 7, opSUCCESS},
		{opREPEAT, 100, 0, 1},
		{opMAX_UNTIL},
		{opGROUPREF, 0, opSUCCESS},
		{opIN, 3, opLITERAL, 97, opSUCCESS},
		{opREPEAT_ONE, 6, 2, 1, opANY, opSUCCESS, opSUCCESS},
	}
	for _, c := range bad {
		if Validate(c, 0) == nil {
			t.Errorf("%v accepted", c)
		}
	}
}
