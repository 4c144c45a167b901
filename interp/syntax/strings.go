package syntax

import (
	"math/big"
	"strconv"
	"strings"
	"unicode/utf8"
)

// number converts a NUMBER token to its value.
func (p *parser) number(t *token) ConstValue {
	s := strings.ReplaceAll(p.text(t), "_", "")
	last := s[len(s)-1]
	if last == 'j' || last == 'J' {
		f, _ := strconv.ParseFloat(s[:len(s)-1], 64)
		return complex(0, f)
	}
	base := 10
	digits := s
	if len(s) > 1 && s[0] == '0' {
		switch s[1] {
		case 'x', 'X':
			base, digits = 16, s[2:]
		case 'o', 'O':
			base, digits = 8, s[2:]
		case 'b', 'B':
			base, digits = 2, s[2:]
		}
	}
	if base == 10 && strings.ContainsAny(s, ".eE") {
		f, _ := strconv.ParseFloat(s, 64) // out of range gives ±Inf, as CPython
		return f
	}
	if v, err := strconv.ParseInt(digits, base, 64); err == nil {
		return v
	}
	b, ok := new(big.Int).SetString(digits, base)
	if !ok {
		p.failTok(t, "invalid decimal literal")
	}
	return b
}

// strPrefix splits a STRING token into its flags and body (the text
// between the quotes).
func strPrefix(s string) (bytesMode, raw, fmode, uPrefix bool, body string, bodyStart int) {
	i := 0
	for ; i < len(s) && s[i] != '\'' && s[i] != '"'; i++ {
		switch s[i] {
		case 'b', 'B':
			bytesMode = true
		case 'r', 'R':
			raw = true
		case 'f', 'F':
			fmode = true
		}
	}
	uPrefix = len(s) > 0 && s[0] == 'u'
	q := 1
	if len(s)-i >= 6 && s[i+1] == s[i] && s[i+2] == s[i] {
		q = 3
	}
	return bytesMode, raw, fmode, uPrefix, s[i+q : len(s)-q], i + q
}

// fstringState accumulates the parts of a (possibly concatenated)
// f-string, like CPython's FstringParser.
type fstringState struct {
	lastStr  strings.Builder
	hasStr   bool
	surr     bool // lastStr holds WTF-8 surrogates
	values   []Expr
	fmode    bool
	kindU    bool
	runStart *token
	runEnd   *token
}

func (st *fstringState) addStr(s string, surr bool) {
	if s == "" {
		return
	}
	st.lastStr.WriteString(s)
	st.hasStr = true
	st.surr = st.surr || surr
}

func (st *fstringState) flush(first, last *token) {
	if !st.hasStr {
		return
	}
	st.values = append(st.values, st.strNode(first, last))
}

func (st *fstringState) strNode(first, last *token) *Constant {
	s := st.lastStr.String()
	st.lastStr.Reset()
	st.hasStr = false
	var v ConstValue = s
	if st.surr {
		v = wtf8ToStr(s)
	}
	st.surr = false
	c := &Constant{Position: Position{first.line, first.col, last.endLine, last.endCol}, Value: v}
	if st.kindU {
		c.Kind = "u"
	}
	return c
}

// strings parses one or more adjacent STRING tokens.
func (p *parser) strings() Expr {
	first := p.cur()
	n := 0
	for p.peekN(n) == tString {
		n++
	}
	last := p.tok(p.pos + n - 1)
	// CPython reports errors found while decoding strings at the token
	// after them (the last one its parser fetched).
	p.strErrTok = p.tok(p.pos + n)
	st := &fstringState{runStart: first, runEnd: last}
	st.kindU = p.src[first.pos] == 'u'
	var bytesVal []byte
	bytesMode := false
	for i := 0; i < n; i++ {
		t := p.tok(p.pos + i)
		text := p.text(t)
		b, raw, f, _, body, bodyStart := strPrefix(text)
		if i > 0 && b != bytesMode {
			p.pos += n
			p.failTok(p.cur(), "cannot mix bytes and nonbytes literals")
		}
		bytesMode = b
		switch {
		case f:
			st.fmode = true
			p.fstring(st, t, body, t.pos+bodyStart, raw, 0)
		case b:
			bytesVal = append(bytesVal, p.decodeBytes(t, body, t.pos+bodyStart, raw)...)
		default:
			s, surr := p.decodeStr(t, body, t.pos+bodyStart, raw)
			st.addStr(s, surr)
		}
	}
	p.pos += n
	pos := Position{first.line, first.col, last.endLine, last.endCol}
	if bytesMode {
		if bytesVal == nil {
			bytesVal = []byte{}
		}
		return &Constant{Position: pos, Value: Bytes(bytesVal)}
	}
	if !st.fmode {
		c := st.strNode(first, last)
		if c.Value == nil {
			c.Value = ""
		}
		return c
	}
	st.flush(first, last)
	if st.values == nil {
		st.values = []Expr{}
	}
	return &JoinedStr{Position: pos, Values: st.values}
}

// ---- escape decoding ----

func (p *parser) failStr(format string, args ...any) {
	// CPython decodes strings in its parser's actions and raises at
	// once: these errors are final even inside a speculative parse.
	p.fatal = true
	t := p.strErrTok
	p.fail("SyntaxError", t.line, t.col, t.endLine, t.endCol, format, args...)
}

func (p *parser) unicodeErr(t *token, format string, args ...any) {
	p.failStr("(unicode error) 'unicodeescape' codec can't decode bytes in position "+format, args...)
}

// decodeStr decodes a str literal body (or a literal part of an
// f-string), which starts at offset off of p's source. Lone surrogates
// from \ud800-style escapes are kept as WTF-8 (surr reports them); the
// caller converts. The first invalid escape, if any, warns.
func (p *parser) decodeStr(t *token, body string, off int, raw bool) (string, bool) {
	if raw || strings.IndexByte(body, '\\') < 0 {
		if !utf8.ValidString(body) {
			p.failStr("(unicode error) 'utf-8' codec can't decode bytes")
		}
		return body, false
	}
	var b strings.Builder
	surr := false
	bad := -1 // the first invalid escape
	for i := 0; i < len(body); {
		c := body[i]
		if c != '\\' {
			b.WriteByte(c)
			i++
			continue
		}
		start := i
		i++
		if i >= len(body) {
			// only an f-string's literal part can end so, before "\{":
			// the backslash stays (CPython decodes it as \u005c)
			b.WriteByte('\\')
			break
		}
		c = body[i]
		i++
		switch c {
		case '\n':
		case '\\', '\'', '"':
			b.WriteByte(c)
		case 'a':
			b.WriteByte(7)
		case 'b':
			b.WriteByte(8)
		case 'f':
			b.WriteByte(12)
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'v':
			b.WriteByte(11)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := int(c - '0')
			for k := 0; k < 2 && i < len(body) && body[i] >= '0' && body[i] <= '7'; k++ {
				v = v*8 + int(body[i]-'0')
				i++
			}
			if v > 0o377 && bad < 0 {
				bad = start
			}
			b.WriteRune(rune(v))
		case 'x', 'u', 'U':
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[c]
			if i+n > len(body) || !allHex(body[i:i+n]) {
				end := i
				for end < len(body) && end < i+n && isHex(body[end]) {
					end++
				}
				p.unicodeErr(t, "%d-%d: truncated \\%cXX%s escape", start, end-1, c, strings.Repeat("XX", n/2-1))
			}
			v, _ := strconv.ParseUint(body[i:i+n], 16, 32)
			i += n
			if v > 0x10FFFF {
				p.unicodeErr(t, "%d-%d: illegal Unicode character", start, i-1)
			}
			if v >= 0xD800 && v < 0xE000 {
				surr = true
				b.WriteString(encodeSurrogate(rune(v)))
			} else {
				b.WriteRune(rune(v))
			}
		case 'N':
			if i >= len(body) || body[i] != '{' {
				p.unicodeErr(t, "%d-%d: malformed \\N character escape", start, i-1)
			}
			end := strings.IndexByte(body[i:], '}')
			if end < 0 {
				p.unicodeErr(t, "%d-%d: malformed \\N character escape", start, len(body)-1)
			}
			name := body[i+1 : i+end]
			r, ok := lookupUnicodeName(name)
			if !ok {
				p.unicodeErr(t, "%d-%d: unknown Unicode character name", start, i+end)
			}
			i += end + 1
			b.WriteRune(r)
		default:
			// Unknown escapes are kept, with a warning; CPython does not
			// warn for a non-ASCII character after the backslash.
			b.WriteByte('\\')
			b.WriteByte(c)
			if bad < 0 && c < 0x80 {
				bad = start
			}
		}
	}
	if bad >= 0 {
		p.warnEscape(t, body, off, bad)
	}
	s := b.String()
	if !surr && !utf8.ValidString(s) {
		p.failStr("(unicode error) 'utf-8' codec can't decode bytes")
	}
	return s, surr
}

func allHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isHex(s[i]) {
			return false
		}
	}
	return true
}

// encodeSurrogate writes a surrogate code point as the 3-byte generalised
// UTF-8 sequence (WTF-8), which Go strings can carry.
func encodeSurrogate(r rune) string {
	return string([]byte{0xE0 | byte(r>>12), 0x80 | byte(r>>6)&0x3F, 0x80 | byte(r)&0x3F})
}

// wtf8ToStr decodes WTF-8 into code points, keeping surrogates.
func wtf8ToStr(s string) Str {
	out := make(Str, 0, len(s))
	for i := 0; i < len(s); {
		c := s[i]
		if c&0xF0 == 0xE0 && i+2 < len(s) {
			r := rune(c&0x0F)<<12 | rune(s[i+1]&0x3F)<<6 | rune(s[i+2]&0x3F)
			if r >= 0xD800 && r < 0xE000 {
				out = append(out, r)
				i += 3
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		out = append(out, r)
		i += n
	}
	return out
}

// decodeBytes decodes a bytes literal body starting at offset off of p's
// source. The first invalid escape, if any, warns.
func (p *parser) decodeBytes(t *token, body string, off int, raw bool) []byte {
	for i := 0; i < len(body); i++ {
		if body[i] >= 0x80 {
			p.failStr("bytes can only contain ASCII literal characters")
		}
	}
	if raw || strings.IndexByte(body, '\\') < 0 {
		return []byte(body)
	}
	var b []byte
	bad := -1 // the first invalid escape
	for i := 0; i < len(body); {
		c := body[i]
		if c != '\\' {
			b = append(b, c)
			i++
			continue
		}
		start := i
		i++
		if i >= len(body) {
			p.failStr("(value error) Trailing \\ in string")
		}
		c = body[i]
		i++
		switch c {
		case '\n':
		case '\\', '\'', '"':
			b = append(b, c)
		case 'a':
			b = append(b, 7)
		case 'b':
			b = append(b, 8)
		case 'f':
			b = append(b, 12)
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'v':
			b = append(b, 11)
		case '0', '1', '2', '3', '4', '5', '6', '7':
			v := int(c - '0')
			for k := 0; k < 2 && i < len(body) && body[i] >= '0' && body[i] <= '7'; k++ {
				v = v*8 + int(body[i]-'0')
				i++
			}
			if v > 0o377 && bad < 0 {
				bad = start
			}
			b = append(b, byte(v))
		case 'x':
			if i+2 > len(body) || !allHex(body[i:i+2]) {
				p.failStr("(value error) invalid \\x escape at position %d", start)
			}
			v, _ := strconv.ParseUint(body[i:i+2], 16, 8)
			b = append(b, byte(v))
			i += 2
		default:
			b = append(b, '\\', c)
			if bad < 0 {
				bad = start
			}
		}
	}
	if bad >= 0 {
		p.warnEscape(t, body, off, bad)
	}
	return b
}

// ---- f-strings (CPython 3.11's algorithm: the tokenizer returns the whole
// literal, the parser splits it and parses each expression separately) ----

// fstring parses the body of one f-string token t into st. bodyOff is the
// body's offset in the source. level is 0 for the literal itself and 1 in
// a format spec.
func (p *parser) fstring(st *fstringState, t *token, body string, bodyOff int, raw bool, level int) int {
	i := 0
	// lit adds body[from:to], a literal part, decoded. CPython decodes
	// the text before each doubled brace on its own, so each part may
	// warn about an invalid escape.
	lit := func(from, to int) {
		if from == to {
			return
		}
		s, surr := body[from:to], false
		if !raw {
			s, surr = p.decodeStr(t, s, bodyOff+from, false)
		}
		st.addStr(s, surr)
	}
	for i < len(body) {
		// Literal part.
		litStart := i
		for i < len(body) {
			c := body[i]
			if !raw && c == '\\' && i+1 < len(body) {
				if body[i+1] == 'N' {
					i += 2
					if i < len(body) && body[i] == '{' {
						for i < len(body) && body[i] != '}' {
							i++
						}
						if i < len(body) {
							i++ // the '}'
						}
					}
					continue
				}
				if body[i+1] == '{' || body[i+1] == '}' {
					i++
					c = body[i]
					if c == '{' {
						// "\{" warns, and the brace still opens a field
						p.warnEscape(t, body, bodyOff, i-1)
					}
				} else {
					i += 2
					continue
				}
			}
			if c == '{' || c == '}' {
				if level == 0 {
					if i+1 < len(body) && body[i+1] == c {
						lit(litStart, i+1)
						i += 2
						litStart = i
						continue
					}
					if c == '}' {
						p.failStr("f-string: single '}' is not allowed")
					}
				}
				break
			}
			i++
		}
		lit(litStart, i)
		if i >= len(body) {
			break
		}
		if body[i] == '}' {
			// End of a format spec.
			return i
		}
		i = p.fstringExpr(st, t, body, bodyOff, raw, level, i)
	}
	return i
}

// fstringExpr parses a replacement field starting at body[i] == '{' and
// returns the index after its '}'.
func (p *parser) fstringExpr(st *fstringState, t *token, body string, bodyOff int, raw bool, level, i int) int {
	ferr := func(msg string) {
		p.failStr("%s", msg)
	}
	if level >= 2 {
		ferr("f-string: expressions nested too deeply")
	}
	brace := i
	i++
	exprStart := i
	var stack []byte
	quote := byte(0)
	qsize := 0
	for ; i < len(body); i++ {
		c := body[i]
		if c == '\\' {
			ferr("f-string expression part cannot include a backslash")
		}
		if quote != 0 {
			if c == quote {
				if qsize == 3 {
					if i+2 < len(body) && body[i+1] == c && body[i+2] == c {
						i += 2
						quote = 0
					}
				} else {
					quote = 0
				}
			}
			continue
		}
		switch {
		case c == '\'' || c == '"':
			if i+2 < len(body) && body[i+1] == c && body[i+2] == c {
				qsize = 3
				i += 2
			} else {
				qsize = 1
			}
			quote = c
		case c == '[' || c == '{' || c == '(':
			if len(stack) >= maxLevel {
				ferr("f-string: too many nested parenthesis")
			}
			stack = append(stack, c)
		case c == '#':
			ferr("f-string expression part cannot include '#'")
		case len(stack) == 0 && (c == '!' || c == ':' || c == '}' || c == '=' || c == '>' || c == '<'):
			if i+1 < len(body) {
				n := body[i+1]
				if (c == '!' || c == '=' || c == '<' || c == '>') && n == '=' {
					i++
					continue
				}
			}
			if c == '>' || c == '<' {
				continue
			}
			goto found
		case c == ']' || c == '}' || c == ')':
			if len(stack) == 0 {
				ferr("f-string: unmatched '" + string(c) + "'")
			}
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			if !(o == '(' && c == ')' || o == '[' && c == ']' || o == '{' && c == '}') {
				ferr("f-string: closing parenthesis '" + string(c) + "' does not match opening parenthesis '" + string(o) + "'")
			}
		}
	}
found:
	if quote != 0 {
		ferr("f-string: unterminated string")
	}
	if len(stack) > 0 {
		ferr("f-string: unmatched '" + string(stack[len(stack)-1]) + "'")
	}
	if i >= len(body) {
		ferr("f-string: expecting '}'")
	}
	exprEnd := i
	value := p.fstringCompile(t, body, bodyOff, brace, exprStart, exprEnd)

	var exprText string
	hasText := false
	if body[i] == '=' {
		i++
		for i < len(body) && (body[i] == ' ' || body[i] == '\t' || body[i] == '\n' || body[i] == '\r' || body[i] == '\f' || body[i] == '\v') {
			i++
		}
		if i >= len(body) {
			ferr("f-string: expecting '}'")
		}
		exprText = body[exprStart:i]
		hasText = true
	}
	conv := ConvNone
	if body[i] == '!' {
		i++
		if i >= len(body) {
			ferr("f-string: expecting '}'")
		}
		conv = int(body[i])
		i++
		if conv != 's' && conv != 'r' && conv != 'a' {
			ferr("f-string: invalid conversion character: expected 's', 'r', or 'a'")
		}
	}
	var spec Expr
	if i < len(body) && body[i] == ':' {
		i++
		if i >= len(body) {
			ferr("f-string: expecting '}'")
		}
		sub := &fstringState{fmode: true, kindU: st.kindU, runStart: st.runStart, runEnd: st.runEnd}
		rest := body[i:]
		j := p.fstring(sub, t, rest, bodyOff+i, raw, level+1)
		i += j
		sub.flush(t, t)
		if sub.values == nil {
			sub.values = []Expr{}
		}
		spec = &JoinedStr{Position: tokPos(t), Values: sub.values}
	}
	if i >= len(body) || body[i] != '}' {
		ferr("f-string: expecting '}'")
	}
	i++
	if hasText {
		st.addStr(exprText, false)
		if spec == nil && conv == ConvNone {
			conv = ConvRepr
		}
	}
	st.flush(st.runStart, st.runEnd)
	pos := Position{st.runStart.line, st.runStart.col, st.runEnd.endLine, st.runEnd.endCol}
	st.values = append(st.values, &FormattedValue{Position: pos, Value: value, Conversion: conv, FormatSpec: spec})
	return i
}

// fstringCompile parses the expression body[exprStart:exprEnd] of the
// replacement field whose '{' is at body[brace], with CPython 3.11's
// position conventions.
func (p *parser) fstringCompile(t *token, body string, bodyOff, brace, exprStart, exprEnd int) Expr {
	expr := body[exprStart:exprEnd]
	if strings.TrimLeft(expr, " \t\n\r\f\v") == "" {
		if c := body[exprEnd]; c == '!' || c == ':' || c == '=' {
			p.failStr("f-string: expression required before '%c'", c)
		}
		p.failStr("f-string: empty expression not allowed")
	}
	// Locate the '{' relative to the token text.
	tokText := string(p.src[t.pos:t.end])
	bracePos := bodyOff + brace - t.pos
	newlineAfterBrace := true
	for k := bracePos + 1; k < len(tokText) && tokText[k] != '}' && tokText[k] != '\n'; k++ {
		if c := tokText[k]; c != ' ' && c != '\t' && c != '\f' {
			newlineAfterBrace = false
			break
		}
	}
	cols, lines := 0, 0
	if !newlineAfterBrace {
		k := bracePos
		for k > 0 && tokText[k] != '\n' {
			k--
		}
		cols = bracePos - k
		if tokText[k] == '\n' {
			cols--
		}
	}
	lines = strings.Count(tokText[:bracePos], "\n")
	startCol := cols
	if lines == 0 {
		startCol += t.col
	}
	src := make([]byte, 0, len(expr)+3)
	src = append(src, '(')
	src = append(src, expr...)
	src = append(src, ')', '\n')
	sub := newParser(src)
	sub.root = p.root
	sub.warnBase = p.warnBase + bodyOff + exprStart - 1 // src[0] is the '('
	sub.inFString = true
	sub.lineOffset = t.line + lines - 1
	sub.colOffset = startCol
	sub.paren = p.paren
	var e Expr
	err := sub.run(func() {
		e = sub.starExpressions()
		if !sub.at(tNewline) {
			sub.invalidSyntax()
		}
	})
	if err != nil {
		if sub.tokErr {
			// CPython reports tokenizer errors of the expression without
			// the "f-string: " prefix, at their place in "(expression)".
			err.Line += sub.lineOffset
			err.EndLine += sub.lineOffset
			if strings.HasSuffix(string(src), err.Text) {
				// CPython's "(expression)" has no final newline
				err.Text = strings.TrimSuffix(err.Text, "\n")
			}
		}
		p.err = err
		p.fatal = true
		panic(bailout{})
	}
	return e
}
