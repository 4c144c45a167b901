package syntax

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"unicode/utf8"
)

// Parse parses src (UTF-8 Python source) according to mode and returns a
// *Module (ModeExec), *Expression (ModeEval) or *Interactive (ModeSingle).
// Errors are *Error values. Parse never panics. It reports no warnings
// and knows only the source encodings decodeSource does: ParseWith
// connects it to the interpreter.
func Parse(filename string, src []byte, mode Mode) (Mod, error) {
	return ParseWith(filename, src, mode, Hooks{})
}

// Hooks connect the parser to the interpreter; each is optional.
type Hooks struct {
	// Warn receives the tokenizer's and parser's warnings (warn.go). An
	// error it returns other than ErrWarningRaised is what the parse
	// returns.
	Warn WarnFunc
	// Decode turns source in a PEP 263 encoding that decodeSource does
	// not know into UTF-8; an error makes it "encoding problem: NAME".
	Decode func(encoding string, src []byte) ([]byte, error)
}

// ParseWith is Parse with the interpreter's hooks.
func ParseWith(filename string, src []byte, mode Mode, h Hooks) (Mod, error) {
	src, derr := decodeSource(src, filename, h.Decode)
	if derr != nil {
		derr.Filename = filename
		return nil, derr
	}
	return parseDecoded(filename, src, mode, h.Warn)
}

// ParseText parses source that is already text (a str given to compile()):
// as with CPython's PyCF_IGNORE_COOKIE, a coding declaration is not
// applied and a leading U+FEFF is an ordinary character, which the
// tokenizer rejects.
func ParseText(filename string, src string, mode Mode) (Mod, error) {
	return parseDecoded(filename, []byte(src), mode, nil)
}

// ParseTextWith is ParseText with the interpreter's hooks (Decode has
// nothing to do).
func ParseTextWith(filename string, src string, mode Mode, h Hooks) (Mod, error) {
	return parseDecoded(filename, []byte(src), mode, h.Warn)
}

func parseDecoded(filename string, src []byte, mode Mode, warn WarnFunc) (Mod, error) {
	src = normalize(src, mode == ModeExec)
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return nil, &Error{Kind: "SyntaxError", Msg: "source code cannot contain null bytes", Filename: filename}
	}
	p := newParser(src)
	p.warn = warn
	// CPython reads the text of an error on an earlier line than the
	// tokenizer's from the file the filename names (file input only),
	// with its newline; without such a file it cuts the line out of the
	// source string, without the newline.
	p.filename, p.textFromFile = filename, mode == ModeExec && isFile(filename)
	var mod Mod
	err := p.run(func() {
		switch mode {
		case ModeEval:
			mod = p.evalInput()
		case ModeSingle:
			mod = p.interactiveInput()
		default:
			mod = p.fileInput()
		}
	})
	if p.hostErr != nil {
		return nil, p.hostErr
	}
	if err != nil {
		err.Filename = filename
		return nil, err
	}
	return mod, nil
}

// normalize turns "\r\n" and "\r" into "\n" and, for
// file input, makes sure the source ends with a newline, as CPython's
// tokenizer does.
func normalize(src []byte, exec bool) []byte {
	if bytes.IndexByte(src, '\r') >= 0 {
		out := make([]byte, 0, len(src)+1)
		for i := 0; i < len(src); i++ {
			if src[i] == '\r' {
				out = append(out, '\n')
				if i+1 < len(src) && src[i+1] == '\n' {
					i++
				}
				continue
			}
			out = append(out, src[i])
		}
		src = out
	}
	if exec && len(src) > 0 && src[len(src)-1] != '\n' {
		src = append(src[:len(src):len(src)], '\n')
	}
	return src
}

// bailout is the panic value that unwinds the parser on a syntax error;
// run recovers it (and only it) and turns it into the returned *Error.
type bailout struct{}

type parser struct {
	s        *scanner
	src      []byte
	toks     []token
	pos      int
	furthest int
	err      *Error
	tokErr   bool              // err came from the tokenizer
	fatal    bool              // err is final: never backtracked over
	paren    map[Expr]Position // parenthesised expressions: the span with parens

	// f-string expression sub-parsers shift the positions of the tokens on
	// their first line (see fstring.go), and report errors through root.
	lineOffset, colOffset int
	root                  *parser
	inFString             bool
	strErrTok             *token

	// depth counts nested recursive rules; like CPython's MAXSTACK it
	// bounds the recursion so that absurdly nested input cannot exhaust
	// the goroutine stack.
	depth int

	noFullScan bool // the error is final, see finishError

	// textFromFile: the text of an error on a line before the
	// tokenizer's comes from the file filename names (see parseDecoded)
	filename     string
	textFromFile bool
	tokLineFixed bool // the error is on the tokenizer's line whatever was scanned

	speculating int // nesting of try

	// Warnings (warn.go). warn, warned and hostErr live on the root;
	// warnBase is the offset in the root source that offset 0 of this
	// parser's source stands for, so that each place warns once.
	warn     WarnFunc
	warned   map[int]bool
	hostErr  error
	warnBase int
}

const maxDepth = 3000

// enter is called by the recursive rules; leave undoes it.
func (p *parser) enter() {
	p.depth++
	if p.depth > maxDepth {
		t := p.cur()
		p.err = &Error{Kind: "MemoryError", Msg: "Parser stack overflowed - Python source too complex to parse", Line: t.line, Col: t.col + 1}
		p.fatal = true // not something to backtrack over
		p.noFullScan = true
		panic(bailout{})
	}
}

func (p *parser) leave() { p.depth-- }

func newParser(src []byte) *parser {
	p := &parser{s: newScanner(src), src: src, paren: map[Expr]Position{},
		toks: make([]token, 0, len(src)/6+16)} // about one token per 6 bytes
	p.root = p
	p.s.warn = p.scanWarn
	return p
}

// run calls f and converts a bailout into the recorded error.
func (p *parser) run(f func()) (err *Error) {
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(bailout); !ok {
				panic(r)
			}
			err = p.finishError(p.err)
			if !p.tokErr && p.furthest < len(p.toks) {
				// A parser error at the end of the input: more lines could
				// still make it valid (an open block, a decorator).
				if k := p.toks[p.furthest].kind; k == tEOF || k == tDedent && p.toks[p.furthest].pos >= len(p.src) {
					err.Incomplete = true
				}
			}
		}
	}()
	f()
	return nil
}

// tok returns the token at index i, scanning as needed.
func (p *parser) tok(i int) *token {
	for i >= len(p.toks) {
		if n := len(p.toks); n > 0 && p.toks[n-1].kind == tEOF {
			p.toks = append(p.toks, p.toks[n-1])
			continue
		}
		t := p.s.next()
		if p.s.err != nil {
			p.err = p.s.err
			p.tokErr, p.fatal = true, true
			p.adjustErr(p.err)
			if p.s.errEOF {
				// a bracket never closed, reported on its own line
				p.earlierLineText(p.err, p.lastLine())
			}
			panic(bailout{})
		}
		if p.lineOffset != 0 || p.colOffset != 0 {
			if t.line == 1 {
				t.col += p.colOffset
			}
			if t.endLine == 1 {
				t.endCol += p.colOffset
			}
			t.line += p.lineOffset
			t.endLine += p.lineOffset
		}
		p.toks = append(p.toks, t)
	}
	if i > p.furthest {
		p.furthest = i
	}
	return &p.toks[i]
}

func (p *parser) cur() *token   { return p.tok(p.pos) }
func (p *parser) peek() tokKind { return p.tok(p.pos).kind }
func (p *parser) peekN(n int) tokKind {
	return p.tok(p.pos + n).kind
}
func (p *parser) at(k tokKind) bool { return p.tok(p.pos).kind == k }

func (p *parser) next() *token {
	t := p.tok(p.pos)
	p.pos++
	return t
}

func (p *parser) accept(k tokKind) bool {
	if p.tok(p.pos).kind == k {
		p.pos++
		return true
	}
	return false
}

func (p *parser) expect(k tokKind) *token {
	t := p.tok(p.pos)
	if t.kind != k {
		p.invalidSyntax()
	}
	p.pos++
	return t
}

// text returns a token's source text.
func (p *parser) text(t *token) string { return string(p.src[t.pos:t.end]) }

func (p *parser) isName(t *token, s string) bool {
	return t.kind == tName && t.end-t.pos == len(s) && string(p.src[t.pos:t.end]) == s
}

// prev is the last consumed token.
func (p *parser) prev() *token { return &p.toks[p.pos-1] }

// posFrom returns the span from (line, col) to the end of the last
// consumed token.
func (p *parser) posFrom(line, col int) Position {
	t := p.prev()
	return Position{line, col, t.endLine, t.endCol}
}

// spanFrom returns the span from the start of n (its opening parenthesis
// if it was parenthesised: CPython's nodes start at their first token) to
// the end of the last consumed token.
func (p *parser) spanFrom(n Node) Position {
	s := n.Pos()
	if e, ok := n.(Expr); ok {
		if ps, ok := p.paren[e]; ok {
			s = ps
		}
	}
	return p.posFrom(s.Lineno, s.ColOffset)
}

func (p *parser) isParen(e Expr) bool {
	_, ok := p.paren[e]
	return ok
}

func tokPos(t *token) Position { return Position{t.line, t.col, t.endLine, t.endCol} }

func span(a, b Position) Position {
	return Position{a.Lineno, a.ColOffset, b.EndLineno, b.EndColOffset}
}

// ---- errors ----

// lineStart returns the byte offset of the start of line (1-based) in the
// root source, or -1.
func (p *parser) lineStartOf(line int) int {
	src := p.root.src
	if line < 1 {
		return -1
	}
	off := 0
	for l := 1; l < line; l++ {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return -1
		}
		off += i + 1
	}
	return off
}

// charCol converts a 0-based byte column to CPython's 1-based character
// offset on the given line of the root source.
func (p *parser) charCol(line, col int) int {
	if col < 0 {
		return col + 1
	}
	st := p.lineStartOf(line)
	if st < 0 {
		return col + 1
	}
	src := p.root.src
	end := st + col
	if end > len(src) {
		end = len(src)
	}
	return utf8.RuneCount(src[st:end]) + 1
}

// fail records an error spanning [line:col, endLine:endCol) (0-based byte
// columns) and unwinds.
func (p *parser) fail(kind string, line, col, endLine, endCol int, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	var e *Error
	if p.inFString {
		// CPython reports positions inside the "(expression)" string
		// its f-string sub-parser sees.
		msg = "f-string: " + msg
		if line == p.lineOffset+1 {
			col -= p.colOffset
		}
		if endLine == p.lineOffset+1 {
			endCol -= p.colOffset
		}
		e = &Error{Kind: kind, Msg: msg, Line: line, Col: col + 1, EndLine: endLine, EndCol: endCol + 1}
	} else {
		e = &Error{Kind: kind, Msg: msg, Line: line, Col: p.charCol(line, col),
			EndLine: endLine, EndCol: p.charCol(endLine, endCol)}
	}
	p.err = e
	panic(bailout{})
}

func (p *parser) failNode(n Node, format string, args ...any) {
	s := n.Pos()
	p.fail("SyntaxError", s.Lineno, s.ColOffset, s.EndLineno, s.EndColOffset, format, args...)
}

func (p *parser) failTok(t *token, format string, args ...any) {
	p.fail("SyntaxError", t.line, t.col, t.endLine, t.endCol, format, args...)
}

// adjustErr fills in the source line of an error.
func (p *parser) adjustErr(e *Error) {
	if st := p.root.lineStartOf(e.Line); st >= 0 && e.Text == "" {
		e.Text = p.root.s.lineText(st)
	}
}

// invalidSyntax reports CPython's generic error at the furthest token the
// parser has looked at.
func (p *parser) invalidSyntax() {
	t := p.tok(p.furthest)
	switch t.kind {
	case tIndent:
		// CPython's INDENT/DEDENT tokens have no column: the offset is
		// where the tokenizer stood, after the indentation. These errors
		// are final: CPython does not look for tokenizer errors further on.
		p.noFullScan = true
		p.fail("IndentationError", t.line, t.col-1, t.line, -2, "unexpected indent")
	case tDedent:
		p.noFullScan = true
		p.fail("IndentationError", t.line, t.col-1, t.line, -2, "unexpected unindent")
	case tEOF:
		p.fail("SyntaxError", t.line, -1, t.line, -1, "invalid syntax")
	case tNewline:
		if p.root == p && t.pos >= len(p.src) {
			// The NEWLINE closing eval/single input that lacks a final
			// "\n" is CPython's ENDMARKER in disguise: it has no column.
			p.fail("SyntaxError", t.line, -1, t.line, -1, "invalid syntax")
		}
	}
	p.failTok(t, "invalid syntax")
}

// probeExpr parses an expression speculatively and forgets it, as
// CPython's error pass does when it tries its invalid_* rules: tokenizer
// errors met on the way (an unclosed bracket) are reported, the position
// of a generic syntax error does not move.
func (p *parser) probeExpr() {
	if !p.startsExpr() || !p.probing() {
		return
	}
	save, furthest := p.pos, p.furthest
	p.try(func() { p.expression() })
	p.pos, p.furthest = save, furthest
}

// try runs f speculatively: on a syntax error (not a tokenizer error) it
// restores the position and returns false.
func (p *parser) try(f func()) (ok bool) {
	save, depth, spec := p.pos, p.depth, p.speculating
	p.speculating++
	defer func() {
		p.speculating = spec
		if r := recover(); r != nil {
			if _, isB := r.(bailout); !isB || p.fatal {
				panic(r)
			}
			p.pos, p.depth = save, depth
			p.err = nil
			ok = false
		}
	}()
	f()
	return true
}

// probing reports whether error-message probes may run: only outside
// speculative parses, which keeps failing input from costing more than
// a few extra passes (CPython bounds this with memoisation instead).
func (p *parser) probing() bool { return p.speculating < 2 }

// endsExpr reports whether a token can end an expression.
func endsExpr(k tokKind) bool {
	switch k {
	case tName, tNumber, tString, tRpar, tRsqb, tRbrace, tNone, tTrue, tFalse, tEllipsis:
		return true
	}
	return false
}

// finishError is called once with the parser's error: like CPython, it
// tokenizes the rest of the source, and a tokenizer error found there
// wins over a parser error.
func (p *parser) finishError(e *Error) *Error {
	tokLine := 0 // the tokenizer's line when the parser gave up
	if n := len(p.toks); n > 0 {
		tokLine = p.toks[n-1].endLine
	}
	if !p.tokErr && !p.noFullScan {
		for {
			t := p.s.next()
			if p.s.err != nil {
				se := p.s.err
				if se.Msg != "" && !p.s.errSoft {
					p.adjustErr(se)
					return se
				}
				if len(p.s.parens) > 0 && p.s.errEOF {
					if par := p.s.parens[len(p.s.parens)-1]; p.toks[len(p.toks)-1].line > par.line {
						p.adjustErr(se)
						p.earlierLineText(se, p.lastLine())
						return se
					}
				}
				break
			}
			if t.kind == tEOF {
				break
			}
		}
	}
	p.adjustErr(e)
	if !p.tokErr && !p.tokLineFixed {
		p.earlierLineText(e, tokLine)
	}
	return e
}

// lastLine is the number of the source's last line, where the tokenizer
// stands at the end of the input.
func (p *parser) lastLine() int {
	if n := len(p.src); n > 0 && p.src[n-1] == '\n' {
		return p.s.line - 1
	}
	return p.s.line
}

// earlierLineText sets the text of an error on a line before tokLine,
// the tokenizer's, as CPython does: the line of the file the filename
// names, with its newline, or else the source's line without it.
func (p *parser) earlierLineText(e *Error, tokLine int) {
	if e.Line >= tokLine || e.Line < 1 {
		return
	}
	if p.textFromFile {
		if b, err := os.ReadFile(p.filename); err == nil {
			lines := bytes.SplitAfter(b, []byte("\n"))
			if e.Line <= len(lines) && utf8.Valid(lines[e.Line-1]) {
				e.Text = string(lines[e.Line-1])
				return
			}
		}
	}
	e.Text = strings.TrimSuffix(e.Text, "\n")
}

// isFile reports whether name is a file that CPython would read a line
// of source from.
func isFile(name string) bool {
	fi, err := os.Stat(name)
	return err == nil && fi.Mode().IsRegular()
}

// failAtLast reports an error at the furthest token fetched, CPython's
// RAISE_SYNTAX_ERROR without a location. Tokens without a column of
// their own (INDENT, DEDENT, end of input) are reported where the
// tokenizer stood.
func (p *parser) failAtLast(format string, args ...any) {
	p.failNoLoc("SyntaxError", p.tok(p.furthest), format, args...)
}

// failNoLoc reports an error at token t the way CPython's RAISE_*_ERROR
// without a location does: tokens that have no column of their own
// (INDENT, DEDENT, end of input) are reported where the tokenizer stood,
// which is their recorded column without the usual +1.
func (p *parser) failNoLoc(kind string, t *token, format string, args ...any) {
	if t.kind == tIndent || t.kind == tDedent || t.kind == tEOF {
		p.fail(kind, t.line, t.col-1, t.line, -2, format, args...)
	}
	p.fail(kind, t.line, t.col, t.endLine, t.endCol, format, args...)
}

// blockEnd is the end position of a compound statement that has just
// been parsed: the end of its last token other than NEWLINE, INDENT and
// DEDENT (so a trailing ';' counts, as in CPython).
func (p *parser) blockEnd() Position {
	for i := p.pos - 1; i >= 0; i-- {
		t := &p.toks[i]
		switch t.kind {
		case tNewline, tIndent, tDedent:
			continue
		}
		return Position{EndLineno: t.endLine, EndColOffset: t.endCol}
	}
	return Position{}
}
