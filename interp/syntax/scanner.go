package syntax

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxIndent and maxLevel are CPython's limits on indentation depth and
// bracket nesting.
const (
	maxIndent = 100
	maxLevel  = 200
	tabSize   = 8
)

type paren struct {
	ch        byte
	line, col int
}

// scanner produces tokens on demand, like CPython's tokenizer: the parser
// asks for one token at a time, so a tokenizer error after a parser error
// is only reported when CPython would report it too.
//
// The source given to the scanner is already normalised: "\r\n" and "\r"
// are "\n" and it ends with "\n" (CPython's tokenizer does the same).
type scanner struct {
	src        []byte
	i          int // next byte to read
	line       int // line of src[i]
	lineStart  int // offset of the first byte of line
	atBOL      bool
	indents    []int
	altIndents []int
	pending    int // >0: INDENTs to emit, <0: DEDENTs to emit
	parens     []paren
	eofDone    bool
	err        *Error
	errSoft    bool // CPython reports this error only if it is the first
	errEOF     bool // the input ended inside brackets
	// needNewline: a logical line is open; at the end of input without a
	// final newline (eval and single input) a NEWLINE token closes it.
	needNewline bool
	// warn reports a warning at an offset of src (parser.scanWarn); true
	// means it became an error.
	warn func(category, msg string, off, line int) bool
	// joins, when Tokenize asks for it, collects the lines that a
	// backslash joins to the line before them.
	joins *[]int
}

func newScanner(src []byte) *scanner {
	return &scanner{src: src, line: 1, atBOL: true, indents: []int{0}, altIndents: []int{0}}
}

// lineText returns the source line starting at offset start, with its "\n".
func (s *scanner) lineText(start int) string {
	j := start
	for j < len(s.src) && s.src[j] != '\n' {
		j++
	}
	if j < len(s.src) {
		j++
	}
	return string(s.src[start:j])
}

// chars counts the code points of src[from:to]: CPython's error offsets
// count characters, not bytes.
func (s *scanner) chars(from, to int) int {
	if to > len(s.src) {
		to = len(s.src)
	}
	if from > to {
		return 0
	}
	return utf8.RuneCount(s.src[from:to])
}

// errorAt records a tokenizer error whose 1-based offset is the number of
// characters of the line before offset cur (CPython's convention for
// errors raised by its tokenizer).
func (s *scanner) errorAt(kind string, cur int, format string, args ...any) {
	col := s.chars(s.lineStart, cur)
	s.err = &Error{Kind: kind, Msg: fmt.Sprintf(format, args...), Line: s.line,
		Col: col, EndLine: s.line, EndCol: col, Text: s.lineText(s.lineStart)}
}

// syntaxError records one of the errors CPython's tokenizer raises
// itself (bad numbers and strings, stray characters, brackets): their
// source line is the text before its newline, unlike the parser's errors
// and the tokenizer's indentation and continuation errors, which keep it.
func (s *scanner) syntaxError(cur int, format string, args ...any) {
	s.errorAt("SyntaxError", cur, format, args...)
	s.err.Text = strings.TrimSuffix(s.err.Text, "\n")
}

func (s *scanner) tok(kind tokKind, start int) token {
	return token{kind: kind, pos: start, end: s.i, line: s.line, col: start - s.lineStart,
		endLine: s.line, endCol: s.i - s.lineStart, level: len(s.parens)}
}

// eofTok makes a token at the end of input. CPython places it on the
// last line, after its newline.
func (s *scanner) eofTok(kind tokKind) token {
	t := s.tok(kind, s.i)
	if n := len(s.src); n > 0 && s.src[n-1] == '\n' {
		st := n - 1
		for st > 0 && s.src[st-1] != '\n' {
			st--
		}
		t.line, t.endLine = s.line-1, s.line-1
		t.col, t.endCol = n-st, n-st
	}
	return t
}

func (s *scanner) newline() {
	s.line++
	s.lineStart = s.i
}

func isIdentStart(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 128
}

func isIdentChar(c byte) bool {
	return isIdentStart(c) || c >= '0' && c <= '9'
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isHex(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

// peekc returns the byte at offset i, or 0 past the end.
func (s *scanner) at(i int) byte {
	if i < len(s.src) {
		return s.src[i]
	}
	return 0
}

// next returns the next token. After an error it returns a tEOF token and
// s.err is set.
func (s *scanner) next() token {
	if s.err != nil {
		return s.tok(tEOF, s.i)
	}
	t := s.scan()
	if s.err != nil {
		return s.tok(tEOF, s.i)
	}
	switch t.kind {
	case tNewline, tIndent, tDedent, tEOF:
		s.needNewline = false
	default:
		s.needNewline = true
	}
	return t
}

func (s *scanner) scan() token {
nextline:
	blank := false
	if s.atBOL {
		s.atBOL = false
		col, altcol, contCol := 0, 0, -1
		for {
			c := s.at(s.i)
			if c == ' ' {
				col++
				altcol++
			} else if c == '\t' {
				col = (col/tabSize + 1) * tabSize
				altcol++
			} else if c == '\f' {
				col, altcol = 0, 0
			} else if c == '\\' && s.at(s.i+1) != '\n' {
				s.errorAt("SyntaxError", s.i+2, "unexpected character after line continuation character")
				s.err.EndCol = 0
				s.errSoft = true // CPython's E_LINECONT: not raised by its tokenizer
				return token{}
			} else if c == '\\' {
				// A backslash in the indentation: the first one found
				// fixes the indentation of what follows.
				if contCol < 0 {
					contCol = col
				}
				s.i += 2
				s.newline()
				if s.i >= len(s.src) {
					s.errorAt("SyntaxError", s.i, "unexpected EOF while parsing")
					return token{}
				}
				continue
			} else {
				break
			}
			s.i++
		}
		c := s.at(s.i)
		if c == '#' || c == '\n' {
			blank = true
		}
		if !blank && len(s.parens) == 0 {
			if contCol >= 0 {
				col, altcol = contCol, contCol
			}
			top := len(s.indents) - 1
			switch {
			case col == s.indents[top]:
				if altcol != s.altIndents[top] {
					s.tabError()
					return token{}
				}
			case col > s.indents[top]:
				if len(s.indents) >= maxIndent {
					s.errorAt("IndentationError", s.i, "too many levels of indentation")
					s.errSoft = true
					return token{}
				}
				if altcol <= s.altIndents[top] {
					s.tabError()
					return token{}
				}
				s.pending++
				s.indents = append(s.indents, col)
				s.altIndents = append(s.altIndents, altcol)
			default:
				for len(s.indents) > 1 && col < s.indents[len(s.indents)-1] {
					s.pending--
					s.indents = s.indents[:len(s.indents)-1]
					s.altIndents = s.altIndents[:len(s.altIndents)-1]
				}
				top = len(s.indents) - 1
				if col != s.indents[top] {
					end := s.i
					for end < len(s.src) && s.src[end] != '\n' {
						end++
					}
					s.errorAt("IndentationError", end+1, "unindent does not match any outer indentation level")
					s.err.EndCol = -1
					s.errSoft = true
					return token{}
				}
				if altcol != s.altIndents[top] {
					s.tabError()
					return token{}
				}
			}
		}
	}
	if s.pending != 0 {
		// INDENT/DEDENT tokens sit at the first token of the line.
		t := s.tok(tIndent, s.i)
		if s.i >= len(s.src) {
			t = s.eofTok(tIndent)
		}
		t.end = s.i
		if s.pending < 0 {
			s.pending++
			t.kind = tDedent
		} else {
			s.pending--
		}
		return t
	}

again:
	for {
		c := s.at(s.i)
		if c == ' ' || c == '\t' || c == '\f' {
			s.i++
			continue
		}
		break
	}
	start := s.i
	if s.i >= len(s.src) {
		if len(s.parens) > 0 {
			p := s.parens[len(s.parens)-1]
			s.err = &Error{Kind: "SyntaxError", Msg: fmt.Sprintf("'%c' was never closed", p.ch),
				Line: p.line, Col: p.col + 1, EndLine: p.line, EndCol: 0, Incomplete: true}
			s.errSoft, s.errEOF = true, true
			return token{}
		}
		if s.needNewline {
			t := s.tok(tNewline, start)
			return t
		}
		if len(s.indents) > 1 {
			s.indents = s.indents[:len(s.indents)-1]
			s.altIndents = s.altIndents[:len(s.altIndents)-1]
			return s.eofTok(tDedent)
		}
		return s.eofTok(tEOF)
	}
	c := s.src[s.i]
	if c == '#' {
		for s.i < len(s.src) && s.src[s.i] != '\n' {
			s.i++
		}
		c = s.at(s.i)
		if s.i >= len(s.src) {
			goto again
		}
		// A NEWLINE after a comment starts at the '#', as in CPython.
	}

	switch {
	case c == '\n':
		s.i++
		if blank || len(s.parens) > 0 {
			s.newline()
			s.atBOL = true
			goto nextline
		}
		// CPython leaves the '\n' itself out of the NEWLINE token.
		t := s.tok(tNewline, start)
		t.end, t.endCol = s.i-1, s.i-1-s.lineStart
		s.newline()
		s.atBOL = true
		return t
	case isIdentStart(c):
		return s.identOrString(start)
	case isDigit(c) || c == '.' && isDigit(s.at(s.i+1)):
		return s.number(start)
	case c == '"' || c == '\'':
		return s.str(start)
	case c == '\\':
		if s.i+1 >= len(s.src) {
			s.errorAt("SyntaxError", s.i+1, "unexpected EOF while parsing")
			s.err.EndCol = -1
			s.err.Incomplete = true
			s.errSoft = true
			return token{}
		}
		if s.at(s.i+1) != '\n' {
			s.errorAt("SyntaxError", s.i+2, "unexpected character after line continuation character")
			s.err.EndCol = 0
			s.errSoft = true // CPython's E_LINECONT: not raised by its tokenizer
			return token{}
		}
		if s.i+2 >= len(s.src) {
			s.errorAt("SyntaxError", s.i+2, "unexpected EOF while parsing")
			s.err.EndCol = -1
			s.err.Incomplete = true
			s.errSoft = true
			return token{}
		}
		s.i += 2
		s.newline()
		if s.joins != nil {
			*s.joins = append(*s.joins, s.line)
		}
		goto again
	}
	return s.operator(start)
}

func (s *scanner) tabError() {
	s.errorAt("TabError", s.lineStart, "inconsistent use of tabs and spaces in indentation")
	s.err.Col = 1
	s.err.EndCol = 0
	s.errSoft = true
}

func (s *scanner) identOrString(start int) token {
	// String prefixes: any case of r, u, b, f, br, rb, fr, rf.
	sawB, sawR, sawU, sawF := false, false, false, false
	for {
		c := s.at(s.i)
		switch {
		case !(sawB || sawU || sawF) && (c == 'b' || c == 'B'):
			sawB = true
		case !(sawB || sawU || sawR || sawF) && (c == 'u' || c == 'U'):
			sawU = true
		case !(sawR || sawU) && (c == 'r' || c == 'R'):
			sawR = true
		case !(sawF || sawB || sawU) && (c == 'f' || c == 'F'):
			sawF = true
		default:
			goto done
		}
		s.i++
		if q := s.at(s.i); q == '"' || q == '\'' {
			return s.str(start)
		}
	}
done:
	nonASCII := false
	for s.i < len(s.src) && isIdentChar(s.src[s.i]) {
		if s.src[s.i] >= 128 {
			nonASCII = true
		}
		s.i++
	}
	if nonASCII && !s.verifyIdent(start) {
		return token{}
	}
	t := s.tok(tName, start)
	if k, ok := keywords[string(s.src[start:s.i])]; ok {
		t.kind = k
	}
	return t
}

// verifyIdent checks a non-ASCII identifier the way CPython does, with
// CPython's messages for the first offending character.
func (s *scanner) verifyIdent(start int) bool {
	b := s.src[start:s.i]
	first := true
	for j := 0; j < len(b); {
		r, n := utf8.DecodeRune(b[j:])
		if r == utf8.RuneError && n == 1 {
			s.errorAt("SyntaxError", start+j+1, "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %d: invalid start byte", b[j], start+j-s.lineStart)
			return false
		}
		ok := r == '_' || unicode.IsLetter(r) || unicode.Is(unicode.Nl, r) || unicode.Is(unicode.Other_ID_Start, r)
		if !first {
			ok = ok || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) ||
				unicode.Is(unicode.Nd, r) || unicode.Is(unicode.Pc, r) || unicode.Is(unicode.Other_ID_Continue, r)
		}
		if !ok {
			// The identifier ends before this character; report it.
			s.i = start + j + n
			if !unicode.IsPrint(r) && r != ' ' {
				s.syntaxError(start+j+n, "invalid non-printable character U+%04X", r)
			} else {
				s.syntaxError(start+j+n, "invalid character '%c' (U+%04X)", r, r)
			}
			return false
		}
		first = false
		j += n
	}
	return true
}

// decimalTail reads digits with single underscores between them.
func (s *scanner) decimalTail() bool {
	for {
		for isDigit(s.at(s.i)) {
			s.i++
		}
		if s.at(s.i) != '_' {
			return true
		}
		s.i++
		if !isDigit(s.at(s.i)) {
			s.syntaxError(s.i, "invalid decimal literal")
			return false
		}
	}
}

// endOfNumber rejects a number immediately followed by an identifier
// character, except for the keywords CPython 3.11 still accepts there
// with a SyntaxWarning (an error if a filter makes it one): and, else,
// for, if, in, is, not, or.
func (s *scanner) endOfNumber(kind string) bool {
	c := s.at(s.i)
	rest := func(w string) bool {
		for k := 0; k < len(w); k++ {
			if s.at(s.i+1+k) != w[k] {
				return false
			}
		}
		return true
	}
	ok := false
	switch c {
	case 'a':
		ok = rest("nd")
	case 'e':
		ok = rest("lse")
	case 'f':
		ok = rest("or")
	case 'i':
		c2 := s.at(s.i + 1)
		ok = c2 == 'f' || c2 == 'n' || c2 == 's'
	case 'o':
		ok = rest("r")
	case 'n':
		ok = rest("ot")
	}
	if ok {
		if s.warn == nil || !s.warn(SyntaxWarning, fmt.Sprintf("invalid %s literal", kind), s.i, s.line) {
			return true
		}
	}
	if ok || isIdentChar(c) {
		s.syntaxError(s.i, "invalid %s literal", kind)
		return false
	}
	return true
}

func (s *scanner) number(start int) token {
	fail := token{}
	c := s.src[s.i]
	if c == '0' && s.at(s.i+1) != '.' {
		s.i++
		c = s.at(s.i)
		switch c {
		case 'x', 'X':
			s.i++
			for {
				if s.at(s.i) == '_' {
					s.i++
				}
				if !isHex(s.at(s.i)) {
					s.syntaxError(s.i, "invalid hexadecimal literal")
					return fail
				}
				for isHex(s.at(s.i)) {
					s.i++
				}
				if s.at(s.i) != '_' {
					break
				}
			}
			if !s.endOfNumber("hexadecimal") {
				return fail
			}
			return s.tok(tNumber, start)
		case 'o', 'O', 'b', 'B':
			kind, max := "octal", byte('8')
			if c == 'b' || c == 'B' {
				kind, max = "binary", '2'
			}
			s.i++
			for {
				if s.at(s.i) == '_' {
					s.i++
				}
				d := s.at(s.i)
				if d < '0' || d >= max {
					if isDigit(d) {
						s.i++
						s.syntaxError(s.i, "invalid digit '%c' in %s literal", d, kind)
					} else {
						s.syntaxError(s.i, "invalid %s literal", kind)
					}
					return fail
				}
				for d := s.at(s.i); d >= '0' && d < max; d = s.at(s.i) {
					s.i++
				}
				if s.at(s.i) != '_' {
					break
				}
			}
			if d := s.at(s.i); isDigit(d) {
				s.i++
				s.syntaxError(s.i, "invalid digit '%c' in %s literal", d, kind)
				return fail
			}
			if !s.endOfNumber(kind) {
				return fail
			}
			return s.tok(tNumber, start)
		}
		// "0", "00", "0_0", or a float/imaginary starting with zeros.
		for {
			if s.at(s.i) == '_' {
				s.i++
				if !isDigit(s.at(s.i)) {
					s.syntaxError(s.i, "invalid decimal literal")
					return fail
				}
			}
			if s.at(s.i) != '0' {
				break
			}
			s.i++
		}
		zerosEnd := s.i
		nonzero := false
		if isDigit(s.at(s.i)) {
			nonzero = true
			if !s.decimalTail() {
				return fail
			}
		}
		switch s.at(s.i) {
		case '.':
			s.i++
			return s.fraction(start)
		case 'e', 'E':
			return s.exponent(start)
		case 'j', 'J':
			return s.imaginary(start)
		}
		if nonzero {
			s.syntaxError(start+1, "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers")
			s.err.EndCol = s.chars(s.lineStart, zerosEnd) + 1
			return fail
		}
		if !s.endOfNumber("decimal") {
			return fail
		}
		return s.tok(tNumber, start)
	}
	if c != '.' {
		if !s.decimalTail() {
			return fail
		}
	}
	if s.at(s.i) == '.' {
		s.i++
		return s.fraction(start)
	}
	switch s.at(s.i) {
	case 'e', 'E':
		return s.exponent(start)
	case 'j', 'J':
		return s.imaginary(start)
	}
	if !s.endOfNumber("decimal") {
		return fail
	}
	return s.tok(tNumber, start)
}

func (s *scanner) fraction(start int) token {
	if isDigit(s.at(s.i)) {
		if !s.decimalTail() {
			return token{}
		}
	}
	switch s.at(s.i) {
	case 'e', 'E':
		return s.exponent(start)
	case 'j', 'J':
		return s.imaginary(start)
	}
	if !s.endOfNumber("decimal") {
		return token{}
	}
	return s.tok(tNumber, start)
}

func (s *scanner) exponent(start int) token {
	e := s.i
	s.i++
	c := s.at(s.i)
	if c == '+' || c == '-' {
		s.i++
		if !isDigit(s.at(s.i)) {
			s.syntaxError(s.i, "invalid decimal literal")
			return token{}
		}
	} else if !isDigit(c) {
		// "1e" followed by something else: the number ends before 'e'.
		s.i = e
		if !s.endOfNumber("decimal") {
			return token{}
		}
		return s.tok(tNumber, start)
	}
	if !s.decimalTail() {
		return token{}
	}
	if c := s.at(s.i); c == 'j' || c == 'J' {
		return s.imaginary(start)
	}
	if !s.endOfNumber("decimal") {
		return token{}
	}
	return s.tok(tNumber, start)
}

func (s *scanner) imaginary(start int) token {
	s.i++
	if !s.endOfNumber("imaginary") {
		return token{}
	}
	return s.tok(tNumber, start)
}

// str scans a string literal whose prefix (if any) starts at start and
// whose opening quote is at s.i. The token keeps prefix and quotes; the
// parser decodes it.
func (s *scanner) str(start int) token {
	firstLine, firstLineStart := s.line, s.lineStart
	quote := s.src[s.i]
	s.i++
	size := 1
	endSize := 0
	if s.at(s.i) == quote {
		if s.at(s.i+1) == quote {
			size = 3
			s.i += 2
		} else {
			s.i++
			endSize = 1
		}
	}
	for endSize != size {
		if s.i >= len(s.src) || size == 1 && s.src[s.i] == '\n' {
			detected := s.line
			if s.i >= len(s.src) && s.i > 0 && s.src[s.i-1] == '\n' {
				detected--
			}
			s.line, s.lineStart = firstLine, firstLineStart
			if size == 3 {
				s.syntaxError(start+1, "unterminated triple-quoted string literal (detected at line %d)", detected)
				s.err.Incomplete = true
			} else {
				s.syntaxError(start+1, "unterminated string literal (detected at line %d)", detected)
			}
			return token{}
		}
		c := s.src[s.i]
		s.i++
		if c == quote {
			endSize++
			continue
		}
		endSize = 0
		if c == '\\' && s.i < len(s.src) {
			if s.src[s.i] == '\n' {
				s.i++
				s.newline()
			} else {
				s.i++
			}
		} else if c == '\n' {
			s.newline()
		}
	}
	return token{kind: tString, pos: start, end: s.i, line: firstLine, col: start - firstLineStart,
		endLine: s.line, endCol: s.i - s.lineStart, level: len(s.parens)}
}

var ops3 = map[string]tokKind{"**=": tPowEq, "...": tEllipsis, "//=": tDSlashEq, "<<=": tLshiftEq, ">>=": tRshiftEq}
var ops2 = map[string]tokKind{
	"!=": tNotEq, "%=": tPercEq, "&=": tAmperEq, "**": tPow, "*=": tStarEq,
	"+=": tPlusEq, "-=": tMinusEq, "->": tArrow, "//": tDSlash, "/=": tSlashEq,
	":=": tWalrus, "<<": tLshift, "<=": tLessEq, "<>": tErrOp, "==": tEqEqual,
	">=": tGreatEq, ">>": tRshift, "@=": tAtEq, "^=": tCircumEq, "|=": tVbarEq,
}
var ops1 = [128]tokKind{
	'(': tLpar, ')': tRpar, '[': tLsqb, ']': tRsqb, '{': tLbrace, '}': tRbrace,
	':': tColon, ',': tComma, ';': tSemi, '+': tPlus, '-': tMinus, '*': tStar,
	'/': tSlash, '|': tVbar, '&': tAmper, '<': tLess, '>': tGreater, '=': tEqual,
	'.': tDot, '%': tPercent, '~': tTilde, '^': tCircum, '@': tAt,
}

func (s *scanner) operator(start int) token {
	if s.i+3 <= len(s.src) {
		if k, ok := ops3[string(s.src[s.i:s.i+3])]; ok {
			s.i += 3
			return s.tok(k, start)
		}
	}
	if s.i+2 <= len(s.src) {
		if k, ok := ops2[string(s.src[s.i:s.i+2])]; ok {
			s.i += 2
			return s.tok(k, start)
		}
	}
	c := s.src[s.i]
	if c < 0x20 || c == 0x7f {
		s.i++
		s.syntaxError(s.i, "invalid non-printable character U+%04X", c)
		return token{}
	}
	s.i++
	k := ops1[c]
	switch c {
	case '(', '[', '{':
		if len(s.parens) >= maxLevel {
			s.syntaxError(s.i, "too many nested parentheses")
			return token{}
		}
		s.parens = append(s.parens, paren{c, s.line, start - s.lineStart})
	case ')', ']', '}':
		if len(s.parens) == 0 {
			s.syntaxError(s.i, "unmatched '%c'", c)
			return token{}
		}
		p := s.parens[len(s.parens)-1]
		s.parens = s.parens[:len(s.parens)-1]
		if !(p.ch == '(' && c == ')' || p.ch == '[' && c == ']' || p.ch == '{' && c == '}') {
			if p.line != s.line {
				s.syntaxError(s.i, "closing parenthesis '%c' does not match opening parenthesis '%c' on line %d", c, p.ch, p.line)
			} else {
				s.syntaxError(s.i, "closing parenthesis '%c' does not match opening parenthesis '%c'", c, p.ch)
			}
			return token{}
		}
	}
	if k == 0 {
		k = tErrOp
	}
	return s.tok(k, start)
}
