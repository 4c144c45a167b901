package syntax

import (
	"math/rand"
	"os"
	"strings"
	"testing"
)

// TestMutationSurvey deletes or inserts a character in standard library
// snippets and compares the resulting error (or tree) with CPython's. It
// only reports a mismatch rate unless SYNTAX_SURVEY_STRICT is set, since
// CPython's rarer error rules are not all reproduced.
func TestMutationSurvey(t *testing.T) {
	if testing.Short() {
		t.Skip("survey")
	}
	files := stdlibFiles(t)
	rng := rand.New(rand.NewSource(surveySeed))
	var srcs []string
	for len(srcs) < surveySize {
		data, err := os.ReadFile(files[rng.Intn(len(files))])
		if err != nil || len(data) < 200 {
			continue
		}
		lines := strings.SplitAfter(string(data), "\n")
		start := rng.Intn(len(lines))
		end := min(start+15, len(lines))
		chunk := []byte(strings.Join(lines[start:end], ""))
		if len(chunk) < 10 {
			continue
		}
		i := rng.Intn(len(chunk))
		if rng.Intn(2) == 0 {
			chunk = append(chunk[:i:i], chunk[i+1:]...)
		} else {
			const chars = "()[]{}:,=.'\"\\ \n#*@"
			c := chars[rng.Intn(len(chars))]
			chunk = append(chunk[:i:i], append([]byte{c}, chunk[i:]...)...)
		}
		srcs = append(srcs, string(chunk))
	}
	ref := reference(t, srcs, "exec")
	bad := 0
	for i, src := range srcs {
		r := ref[i]
		mod, err := Parse("<unknown>", []byte(src), ModeExec)
		var got string
		if err != nil {
			e := err.(*Error)
			got = e.Kind + ": " + e.Msg + " @" + itoa(e.Line) + ":" + itoa(e.Col)
		} else {
			got = Dump(mod)
		}
		want := r.Dump
		if r.Err == "SyntaxError" {
			want = r.Kind + ": " + r.Msg + " @" + itoa(r.Line) + ":" + itoa(r.Col)
		} else if r.Err != "" {
			continue
		}
		if got != want {
			bad++
			if os.Getenv("SYNTAX_SURVEY_VERBOSE") != "" {
				t.Logf("%q\n got %.200s\nwant %.200s", src, got, want)
			}
		}
	}
	t.Logf("%d/%d mutated snippets differ from CPython", bad, len(srcs))
	if os.Getenv("SYNTAX_SURVEY_STRICT") != "" && bad > 0 {
		t.Fail()
	}
}

var surveySize, surveySeed = 400, int64(1)
