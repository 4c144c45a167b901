package py

import (
	"strings"
	"unicode/utf8"

	"freepy/interp/syntax"
)

// CPython 3.11 underlines the failing part of each traceback line:
//
//	    return c(x) * 2 + y[0]
//	           ~~~~~^~~
//
// with '^' over the whole range, or '~' over the operands and '^' over
// the operator of a binary operation or the index of a subscript. The
// range is the instruction's source position; the operator is found by
// parsing the range on its own. Nothing is drawn when the range covers
// the whole stripped line.

// tracebackCarets returns the indicator line (without the newline) for the
// instruction at index pc of code on source line lineno, or "".
func tracebackCarets(code *Code, pc, lineno int) string {
	if pc < 0 || pc >= len(code.Positions) {
		return ""
	}
	p := code.Positions[pc]
	if int(p.Line) != lineno || p.Col < 0 || p.EndCol < 0 || p.EndLine < p.Line {
		return ""
	}
	raw, ok := rawSourceLine(code.Filename, lineno)
	if !ok {
		return ""
	}
	indent := len(raw) - len(strings.TrimLeft(raw, " \t\f"))
	stripped := strings.TrimRight(raw[indent:], " \t\r\n\f")
	start := charOffset(raw, int(p.Col))
	end := charOffset(raw, int(p.EndCol))
	leftEnd, rightStart := -1, -1
	if p.EndLine == p.Line {
		if start < end {
			if l, r, ok := caretAnchors(substrChars(raw, start, end)); ok {
				leftEnd, rightStart = start+l, start+r
			}
		}
	} else {
		// a range over several lines: underline to the end of this one
		end = utf8.RuneCountInString(strings.TrimRight(raw, " \t\r\n\f"))
	}
	firstChar := utf8.RuneCountInString(raw[:indent])
	if end-start == utf8.RuneCountInString(stripped) && leftEnd == rightStart {
		return ""
	}
	if start < firstChar || end <= start {
		return ""
	}
	var b strings.Builder
	b.WriteString("    ")
	b.WriteString(strings.Repeat(" ", start-firstChar))
	for i := start; i < end; i++ {
		if leftEnd >= 0 {
			if i >= leftEnd && i < rightStart {
				b.WriteByte('^')
			} else {
				b.WriteByte('~')
			}
		} else {
			b.WriteByte('^')
		}
	}
	return b.String()
}

// caretAnchors finds, in a one-line source segment, the operator of a
// binary operation or the index part of a subscript, as character offsets
// [left, right) into the segment.
func caretAnchors(segment string) (left, right int, ok bool) {
	mod, err := syntax.Parse("<string>", []byte(segment), syntax.ModeExec)
	if err != nil {
		return 0, 0, false
	}
	m, isMod := mod.(*syntax.Module)
	if !isMod || len(m.Body) != 1 {
		return 0, 0, false
	}
	st, isExpr := m.Body[0].(*syntax.ExprStmt)
	if !isExpr {
		return 0, 0, false
	}
	switch e := st.Value.(type) {
	case *syntax.BinOp:
		lend, rstart := e.Left.Pos().EndColOffset, e.Right.Pos().ColOffset
		for i := lend; i < rstart && i < len(segment); i++ {
			if segment[i] == ' ' || segment[i] == '\t' || segment[i] == '\n' || segment[i] == '\f' || segment[i] == '\r' {
				continue
			}
			r := i + 1
			// a two-character operator such as // or **
			if i+1 < rstart && i+1 < len(segment) && segment[i+1] != ' ' && segment[i+1] != '\t' {
				r++
			}
			return charOffset(segment, i), charOffset(segment, r), true
		}
		return 0, 0, false
	case *syntax.Subscript:
		return charOffset(segment, e.Value.Pos().EndColOffset), charOffset(segment, e.Slice.Pos().EndColOffset+1), true
	}
	return 0, 0, false
}

// charOffset converts a UTF-8 byte offset in s to a count of code points.
func charOffset(s string, byteOff int) int {
	if byteOff > len(s) {
		byteOff = len(s)
	}
	return utf8.RuneCountInString(s[:byteOff])
}

// substrChars is s[from:to] in code points.
func substrChars(s string, from, to int) string {
	i, start := 0, -1
	for off := range s {
		if i == from {
			start = off
		}
		if i == to {
			if start < 0 {
				return ""
			}
			return s[start:off]
		}
		i++
	}
	if start < 0 {
		return ""
	}
	return s[start:]
}
