package py

import (
	"strings"

	"freepy/interp/syntax"
)

// parseFuncType parses a function type comment "(int, *str) -> bool"
// (compile mode 'func_type'). The parser has no func_type_input start
// rule, so the text is rewritten in place into the eval-mode tuple
// "(int,  str) , bool": the stars of *args/**kwargs types become spaces
// and "->" becomes " ,", which keeps every byte offset, so the nodes get
// the positions CPython gives them.
func parseFuncType(filename string, src []byte) (syntax.Mod, error) {
	b := []byte(string(src))
	fail := func(off int) error {
		line, col := 1, 0
		for _, c := range b[:min(off, len(b))] {
			col++
			if c == '\n' {
				line, col = line+1, 0
			}
		}
		text := strings.SplitAfter(string(src), "\n")[line-1]
		return &syntax.Error{Kind: "SyntaxError", Msg: "invalid syntax", Filename: filename,
			Line: line, Col: col + 1, EndLine: line, EndCol: col + 1, Text: text}
	}
	i := 0
	skipSpace := func() {
		for i < len(b) && strings.IndexByte(" \t\f\r\n", b[i]) >= 0 {
			i++
		}
	}
	skipSpace()
	open := i
	if i >= len(b) || b[i] != '(' {
		return nil, fail(i)
	}
	// find the matching ')', skipping strings and comments
	depth := 0
	prev := byte('(')
	for ; i < len(b); i++ {
		c := b[i]
		switch {
		case c == '\'' || c == '"':
			q := string(b[i : i+1])
			if i+2 < len(b) && b[i+1] == c && b[i+2] == c {
				q = strings.Repeat(q, 3)
			}
			j := i + len(q)
			for j < len(b) && !strings.HasPrefix(string(b[j:]), q) {
				if b[j] == '\\' {
					j++
				}
				j++
			}
			i = j + len(q) - 1
		case c == '#':
			for i < len(b) && b[i] != '\n' {
				i++
			}
		case strings.IndexByte("([{", c) >= 0:
			depth++
		case strings.IndexByte(")]}", c) >= 0:
			depth--
		case c == '*' && depth == 1 && (prev == '(' || prev == ','):
			b[i] = ' '
			if i+1 < len(b) && b[i+1] == '*' {
				i++
				b[i] = ' '
			}
			continue
		}
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			prev = c
		}
		if depth == 0 {
			break
		}
	}
	if i >= len(b) {
		return nil, fail(len(b))
	}
	i++
	skipSpace()
	if i+1 >= len(b) || b[i] != '-' || b[i+1] != '>' {
		return nil, fail(i)
	}
	b[i], b[i+1] = ' ', ','
	mod, err := syntax.Parse(filename, b, syntax.ModeEval)
	if err != nil {
		return nil, err
	}
	tup, ok := mod.(*syntax.Expression).Body.(*syntax.Tuple)
	if !ok || len(tup.Elts) != 2 {
		return nil, fail(i)
	}
	args := []syntax.Expr{tup.Elts[0]}
	// "(a, b)" is the argument list itself; "((a, b))" is one tuple argument
	if at, ok := args[0].(*syntax.Tuple); ok && at.ColOffset == colOf(b, open) && at.Lineno == lineOf(b, open) {
		args = at.Elts
	}
	return &syntax.FunctionType{ArgTypes: args, Returns: tup.Elts[1]}, nil
}

func lineOf(b []byte, off int) int { return strings.Count(string(b[:off]), "\n") + 1 }

func colOf(b []byte, off int) int { return off - (strings.LastIndexByte(string(b[:off]), '\n') + 1) }
