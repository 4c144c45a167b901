// Package headertest checks freepy's C headers (include/) against CPython
// 3.11's and lists the API they declare.
//
// The list is what the runtime must provide: every function and datum
// declared with PyAPI_FUNC or PyAPI_DATA. APISymbols computes it by running
// the C preprocessor over include/Python.h in a listing mode
// (FREEPY_LIST_API, see include/pyport.h), so the list cannot drift from
// the headers. The Go side of the C API can call it to check coverage.
package headertest

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Kind tells a function from a data symbol.
type Kind string

// Symbol kinds.
const (
	Func Kind = "func"
	Data Kind = "data"
)

// Symbol is one declaration made with PyAPI_FUNC or PyAPI_DATA.
type Symbol struct {
	Name  string
	Kind  Kind
	Proto string // the declaration, preprocessed, on one line, without ';'
}

const (
	funcMarker = "__freepy_api_func__"
	dataMarker = "__freepy_api_data__"
)

// Preprocess runs cc -E over a translation unit that includes Python.h and
// structmember.h from includeDir, with extra flags, and returns the output.
func Preprocess(cc, includeDir string, flags ...string) ([]byte, error) {
	src := "#include <Python.h>\n#include <structmember.h>\n"
	args := append([]string{"-E", "-P", "-I", includeDir}, flags...)
	args = append(args, "-x", "c", "-")
	cmd := exec.Command(cc, args...)
	cmd.Stdin = strings.NewReader(src)
	var out, stderr bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%s -E: %v: %s", cc, err, stderr.String())
	}
	return out.Bytes(), nil
}

// APISymbols lists the functions and data that freepy's headers declare,
// sorted by name. cc is the C compiler to preprocess with.
func APISymbols(cc, includeDir string) ([]Symbol, error) {
	if _, err := os.Stat(filepath.Join(includeDir, "Python.h")); err != nil {
		return nil, fmt.Errorf("no Python.h in %s: %w", includeDir, err)
	}
	text, err := Preprocess(cc, includeDir, "-DFREEPY_LIST_API")
	if err != nil {
		return nil, err
	}
	return ParseListing(string(text))
}

var spaces = regexp.MustCompile(`\s+`)

// ParseListing extracts the marked declarations from preprocessed text.
func ParseListing(text string) ([]Symbol, error) {
	seen := map[string]Symbol{}
	for {
		fi := strings.Index(text, funcMarker)
		di := strings.Index(text, dataMarker)
		if fi < 0 && di < 0 {
			break
		}
		kind, marker, at := Func, funcMarker, fi
		if fi < 0 || (di >= 0 && di < fi) {
			kind, marker, at = Data, dataMarker, di
		}
		rest := text[at+len(marker):]
		end := strings.IndexByte(rest, ';')
		if end < 0 {
			return nil, fmt.Errorf("unterminated declaration after %s", marker)
		}
		decl := strings.TrimSpace(spaces.ReplaceAllString(rest[:end], " "))
		text = rest[end+1:]
		name, err := declName(decl, kind)
		if err != nil {
			return nil, err
		}
		sym := Symbol{Name: name, Kind: kind, Proto: decl}
		if prev, ok := seen[name]; ok && prev.Kind != kind {
			return nil, fmt.Errorf("%s declared both as %s and %s", name, prev.Kind, kind)
		}
		seen[name] = sym
	}
	out := make([]Symbol, 0, len(seen))
	for _, s := range seen {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out, nil
}

// StripAttributes removes GNU __attribute__((...)) clauses.
func StripAttributes(decl string) string {
	for {
		i := strings.Index(decl, "__attribute__")
		if i < 0 {
			return decl
		}
		j := i + len("__attribute__")
		for j < len(decl) && decl[j] == ' ' {
			j++
		}
		if j >= len(decl) || decl[j] != '(' {
			return decl
		}
		depth := 0
		k := j
		for ; k < len(decl); k++ {
			if decl[k] == '(' {
				depth++
			} else if decl[k] == ')' {
				depth--
				if depth == 0 {
					k++
					break
				}
			}
		}
		decl = decl[:i] + decl[k:]
	}
}

var identBeforeParen = regexp.MustCompile(`([A-Za-z_][A-Za-z0-9_]*)\s*\(`)
var lastIdent = regexp.MustCompile(`([A-Za-z_][A-Za-z0-9_]*)\s*(\[\s*\])?\s*$`)

func declName(decl string, kind Kind) (string, error) {
	d := StripAttributes(decl)
	if kind == Func {
		m := identBeforeParen.FindStringSubmatch(d)
		if m == nil {
			return "", fmt.Errorf("no function name in %q", decl)
		}
		return m[1], nil
	}
	m := lastIdent.FindStringSubmatch(d)
	if m == nil {
		return "", fmt.Errorf("no data name in %q", decl)
	}
	return m[1], nil
}

// Redeclaration turns a listed declaration into one that can be compiled
// after CPython's headers: the name is parenthesised so that a function-like
// macro of the same name does not expand, and a conflicting type is then a
// compile error.
func Redeclaration(s Symbol) string {
	d := StripAttributes(s.Proto)
	if s.Kind == Data {
		return d + ";"
	}
	re := regexp.MustCompile(`\b` + regexp.QuoteMeta(s.Name) + `\s*\(`)
	loc := re.FindStringIndex(d)
	if loc == nil {
		return d + ";"
	}
	return d[:loc[0]] + "(" + s.Name + ")(" + d[loc[1]:] + ";"
}
