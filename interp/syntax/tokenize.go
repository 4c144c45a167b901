package syntax

import (
	"bytes"
	"strings"
)

// TokenInfo is one token as CPython 3.11's _tokenize.TokenizerIter gives
// it (Lib/tokenize.py's _generate_tokens_from_c_tokenizer reads these):
// the token's text, its token-module type number (an operator's exact
// type), 1-based lines, 0-based byte columns (-1 for INDENT and DEDENT)
// and the source lines it belongs to.
type TokenInfo struct {
	Text          string
	Type          int
	Line, EndLine int
	Col, EndCol   int
	LineText      string
}

// Token-module numbers of the kinds that are not operators.
const (
	tokNAME    = 1
	tokNUMBER  = 2
	tokSTRING  = 3
	tokNEWLINE = 4
	tokINDENT  = 5
	tokDEDENT  = 6
	tokOP      = 54
	tokAWAIT   = 55
	tokASYNC   = 56
)

// opTypes maps each operator kind to its exact token-module number
// (Lib/token.py): the numbers follow the operators' order there, which is
// not the scanner's.
var opTypes = map[tokKind]int{
	tLpar: 7, tRpar: 8, tLsqb: 9, tRsqb: 10, tColon: 11, tComma: 12,
	tSemi: 13, tPlus: 14, tMinus: 15, tStar: 16, tSlash: 17, tVbar: 18,
	tAmper: 19, tLess: 20, tGreater: 21, tEqual: 22, tDot: 23,
	tPercent: 24, tLbrace: 25, tRbrace: 26, tEqEqual: 27, tNotEq: 28,
	tLessEq: 29, tGreatEq: 30, tTilde: 31, tCircum: 32, tLshift: 33,
	tRshift: 34, tPow: 35, tPlusEq: 36, tMinusEq: 37, tStarEq: 38,
	tSlashEq: 39, tPercEq: 40, tAmperEq: 41, tVbarEq: 42, tCircumEq: 43,
	tLshiftEq: 44, tRshiftEq: 45, tPowEq: 46, tDSlash: 47, tDSlashEq: 48,
	tAt: 49, tAtEq: 50, tArrow: 51, tEllipsis: 52, tWalrus: 53,
	tErrOp: tokOP,
}

// Tokenize scans src (file input) the way CPython's TokenizerIter does:
// no comments or blank-line NL tokens, a NEWLINE that starts at a
// trailing comment, async and await as ASYNC and AWAIT, and no
// ENDMARKER. An error that CPython's tokenizer records without raising
// (the input ending inside brackets, a bad dedent) just ends the tokens,
// as CPython's iterator does; any other tokenizer error is returned after
// the tokens before it.
func Tokenize(src string) ([]TokenInfo, *Error) {
	b := normalize([]byte(src), true)
	if i := bytes.IndexByte(b, 0); i >= 0 {
		return nil, &Error{Kind: "SyntaxError", Msg: "source code cannot contain null bytes"}
	}
	s := newScanner(b)
	// lineStarts[l-1] is the offset of line l; continued[l-1] that line l
	// continues the line before it (a backslash, or a string that spans
	// the newline), whose text CPython then gives with it.
	lineStarts := []int{0}
	for i, c := range b {
		if c == '\n' && i+1 < len(b) {
			lineStarts = append(lineStarts, i+1)
		}
	}
	continued := make([]bool, len(lineStarts))
	var joins []int
	s.joins = &joins
	lineEnd := func(l int) int {
		if l < len(lineStarts) {
			return lineStarts[l]
		}
		return len(b)
	}
	var out []TokenInfo
	for {
		t := s.next()
		if s.err != nil {
			if s.errSoft {
				// an error CPython's tokenizer only records (E_EOF,
				// E_DEDENT, E_TOODEEP, E_TABSPACE, E_LINECONT): its
				// iterator ends quietly there
				return out, nil
			}
			e := *s.err
			// CPython's iterator gives the error's line without its newline
			e.Text = strings.TrimSuffix(e.Text, "\n")
			return out, &e
		}
		if t.kind == tEOF {
			return out, nil
		}
		for _, l := range joins {
			continued[l-1] = true
		}
		joins = joins[:0]
		for l := t.line; l < t.endLine && l < len(continued); l++ {
			continued[l] = true // the token spans the newline
		}
		first := t.line
		for first > 1 && continued[first-1] {
			first--
		}
		ti := TokenInfo{Line: t.line, EndLine: t.endLine, Col: t.col, EndCol: t.endCol,
			LineText: string(b[lineStarts[first-1]:lineEnd(t.endLine)])}
		switch {
		case t.kind == tIndent || t.kind == tDedent:
			ti.Type, ti.Col, ti.EndCol = tokINDENT, -1, -1
			if t.kind == tDedent {
				ti.Type = tokDEDENT
			}
		case t.kind == tNewline:
			ti.Type = tokNEWLINE
			if t.end > t.pos {
				ti.Text = string(b[t.pos:t.end])
			}
		default:
			ti.Text = string(b[t.pos:t.end])
			switch {
			case t.kind == tAsync:
				ti.Type = tokASYNC
			case t.kind == tAwait:
				ti.Type = tokAWAIT
			case t.kind == tName || isKeyword(t.kind):
				ti.Type = tokNAME
			case t.kind == tNumber:
				ti.Type = tokNUMBER
			case t.kind == tString:
				ti.Type = tokSTRING
			default:
				ti.Type = opTypes[t.kind]
			}
		}
		out = append(out, ti)
	}
}
