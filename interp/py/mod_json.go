package py

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"freepy/interp/pyfmt"
)

// _json: the accelerator the json package uses when it can import it, as
// CPython 3.11's Modules/_json.c: scanstring, encode_basestring(_ascii),
// make_scanner (the Scanner type: scanner(string, idx) -> (obj, end),
// StopIteration(idx) where no value starts) and make_encoder (the Encoder
// type, used by json.dumps without indent). The messages and error
// positions are the C module's (they differ from json's pure-Python
// fallback: "Invalid control character at", "Invalid \escape").
//
// Unlike the C scanner, a Scanner keeps no state between calls (its memo
// of object keys is per call), so one scanner — json's module-level
// default decoder — may be used by several threads at once.

// jsonText is the text being scanned, indexed by code point.
type jsonText struct {
	s     *Str
	ascii string // the text, when it is ASCII
	runes []rune // the code points otherwise
	n     int
}

func newJSONText(s *Str) *jsonText {
	x := &jsonText{s: s, n: s.Len()}
	if s.IsASCII() {
		x.ascii = s.String()
	} else {
		x.runes = s.Runes()
	}
	return x
}

func (x *jsonText) at(i int) rune {
	if x.runes == nil {
		return rune(x.ascii[i])
	}
	return x.runes[i]
}

// slice is the str of code points [i, j).
func (x *jsonText) slice(i, j int) *Str {
	if x.runes == nil {
		return newASCIIStr(x.ascii[i:j])
	}
	return NewStrFromRunes(x.runes[i:j])
}

func (x *jsonText) sliceString(i, j int) string {
	if x.runes == nil {
		return x.ascii[i:j]
	}
	return runesToWTF8(x.runes[i:j])
}

// jsonError raises json.decoder.JSONDecodeError(msg, doc, pos).
func jsonError(t *Thread, msg string, doc *Str, pos int) error {
	mod, err := t.Import("json.decoder", nil, NewTuple(NewStr("JSONDecodeError")), 0)
	if err != nil {
		return err
	}
	cls, err := GetAttrString(t, mod, "JSONDecodeError")
	if err != nil {
		return err
	}
	exc, err := Call(t, cls, []Object{NewStr(msg), doc, Int(pos)}, nil)
	if err != nil {
		return err
	}
	if e, ok := exc.(*BaseException); ok {
		return e
	}
	return TypeErrorf("exceptions must derive from BaseException")
}

func jsonStop(idx int) error { return stopIterationOf(Int(idx)) }

// scanString decodes the JSON string whose opening quote is at end-1.
func scanString(t *Thread, x *jsonText, end int, strict bool) (*Str, int, error) {
	begin := end - 1
	var b strings.Builder
	chunkStart := end
	simple := true // no escape seen: the result is a slice of the text
	for {
		i := end
		for i < x.n {
			c := x.at(i)
			if c == '"' || c == '\\' || (c < 0x20 && strict) {
				break
			}
			i++
		}
		if i >= x.n {
			return nil, 0, jsonError(t, "Unterminated string starting at", x.s, begin)
		}
		c := x.at(i)
		if c < 0x20 {
			return nil, 0, jsonError(t, "Invalid control character at", x.s, i)
		}
		if c == '"' {
			if simple {
				return x.slice(chunkStart, i), i + 1, nil
			}
			b.WriteString(x.sliceString(end, i))
			return NewStr(b.String()), i + 1, nil
		}
		// a backslash
		if simple {
			simple = false
		}
		b.WriteString(x.sliceString(end, i))
		i++
		if i >= x.n {
			return nil, 0, jsonError(t, "Unterminated string starting at", x.s, begin)
		}
		esc := x.at(i)
		if esc != 'u' {
			var r byte
			switch esc {
			case '"':
				r = '"'
			case '\\':
				r = '\\'
			case '/':
				r = '/'
			case 'b':
				r = '\b'
			case 'f':
				r = '\f'
			case 'n':
				r = '\n'
			case 'r':
				r = '\r'
			case 't':
				r = '\t'
			default:
				return nil, 0, jsonError(t, "Invalid \\escape", x.s, i-1)
			}
			b.WriteByte(r)
			end = i + 1
			continue
		}
		u, ok := jsonHex4(x, i+1)
		if !ok {
			return nil, 0, jsonError(t, "Invalid \\uXXXX escape", x.s, i)
		}
		end = i + 5
		if u >= 0xd800 && u <= 0xdbff && end+1 < x.n && x.at(end) == '\\' && x.at(end+1) == 'u' {
			u2, ok := jsonHex4(x, end+2)
			if !ok {
				return nil, 0, jsonError(t, "Invalid \\uXXXX escape", x.s, end+1)
			}
			if u2 >= 0xdc00 && u2 <= 0xdfff {
				u = 0x10000 + ((u - 0xd800) << 10) + (u2 - 0xdc00)
				end += 6
			}
		}
		b.WriteString(runesToWTF8([]rune{u}))
	}
}

// jsonHex4 reads four hex digits at i.
func jsonHex4(x *jsonText, i int) (rune, bool) {
	if i+4 > x.n {
		return 0, false
	}
	var v rune
	for k := i; k < i+4; k++ {
		c := x.at(k)
		switch {
		case c >= '0' && c <= '9':
			v = v<<4 | (c - '0')
		case c >= 'a' && c <= 'f':
			v = v<<4 | (c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			v = v<<4 | (c - 'A' + 10)
		default:
			return 0, false
		}
	}
	return v, true
}

// jsonScanner is _json.Scanner, made from a JSONDecoder's settings.
type jsonScanner struct {
	strict                                 bool
	objectHook, pairsHook                  Object
	parseFloat, parseInt, parseConstant    Object
	strictObj                              Object
	floatIsFloat, intIsInt, constIsDefault bool
}

var jsonScannerType = newBuiltinType("Scanner", ObjectType)

func (*jsonScanner) Type() *Type { return jsonScannerType }

// jsonScan is one scanner call's state.
type jsonScan struct {
	sc    *jsonScanner
	x     *jsonText
	memo  map[string]*Str
	depth int
	limit int
}

func isJSONSpace(c rune) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func (s *jsonScan) skip(i int) int {
	for i < s.x.n && isJSONSpace(s.x.at(i)) {
		i++
	}
	return i
}

// hasWord reports whether the text at i is w.
func (s *jsonScan) hasWord(i int, w string) bool {
	if i+len(w) > s.x.n {
		return false
	}
	for k := 0; k < len(w); k++ {
		if s.x.at(i+k) != rune(w[k]) {
			return false
		}
	}
	return true
}

func (s *jsonScan) scanOnce(t *Thread, idx int) (Object, int, error) {
	if idx < 0 {
		return nil, 0, ValueErrorf("idx cannot be negative")
	}
	x := s.x
	if idx >= x.n {
		return nil, 0, jsonStop(idx)
	}
	switch x.at(idx) {
	case '"':
		str, end, err := scanString(t, x, idx+1, s.sc.strict)
		return str, end, err
	case '{':
		return s.object(t, idx+1)
	case '[':
		return s.array(t, idx+1)
	case 'n':
		if s.hasWord(idx, "null") {
			return None, idx + 4, nil
		}
	case 't':
		if s.hasWord(idx, "true") {
			return True, idx + 4, nil
		}
	case 'f':
		if s.hasWord(idx, "false") {
			return False, idx + 5, nil
		}
	case 'N':
		if s.hasWord(idx, "NaN") {
			return s.constant(t, "NaN", idx+3)
		}
	case 'I':
		if s.hasWord(idx, "Infinity") {
			return s.constant(t, "Infinity", idx+8)
		}
	case '-':
		if s.hasWord(idx, "-Infinity") {
			return s.constant(t, "-Infinity", idx+9)
		}
	}
	return s.number(t, idx)
}

func (s *jsonScan) constant(t *Thread, name string, end int) (Object, int, error) {
	if s.sc.constIsDefault {
		switch name {
		case "NaN":
			return Float(math.NaN()), end, nil
		case "Infinity":
			return Float(math.Inf(1)), end, nil
		}
		return Float(math.Inf(-1)), end, nil
	}
	v, err := Call1(t, s.sc.parseConstant, NewStr(name))
	return v, end, err
}

func isJSONDigit(c rune) bool { return c >= '0' && c <= '9' }

func (s *jsonScan) number(t *Thread, start int) (Object, int, error) {
	x := s.x
	idx := start
	if x.at(idx) == '-' {
		idx++
		if idx >= x.n {
			return nil, 0, jsonStop(start)
		}
	}
	switch c := x.at(idx); {
	case c >= '1' && c <= '9':
		idx++
		for idx < x.n && isJSONDigit(x.at(idx)) {
			idx++
		}
	case c == '0':
		idx++
	default:
		return nil, 0, jsonStop(start)
	}
	isFloat := false
	if idx < x.n-1 && x.at(idx) == '.' && isJSONDigit(x.at(idx+1)) {
		isFloat = true
		idx += 2
		for idx < x.n && isJSONDigit(x.at(idx)) {
			idx++
		}
	}
	if idx < x.n-1 && (x.at(idx) == 'e' || x.at(idx) == 'E') {
		eStart := idx
		idx++
		if idx < x.n-1 && (x.at(idx) == '-' || x.at(idx) == '+') {
			idx++
		}
		for idx < x.n && isJSONDigit(x.at(idx)) {
			idx++
		}
		if isJSONDigit(x.at(idx - 1)) {
			isFloat = true
		} else {
			idx = eStart
		}
	}
	text := x.sliceString(start, idx)
	if isFloat {
		if s.sc.floatIsFloat {
			f, err := strconv.ParseFloat(text, 64)
			if err != nil && !isRangeErr(err) {
				return nil, 0, ValueErrorf("could not convert string to float: '%s'", text)
			}
			return Float(f), idx, nil
		}
		v, err := Call1(t, s.sc.parseFloat, newASCIIStr(text))
		return v, idx, err
	}
	if s.sc.intIsInt {
		if n, err := strconv.ParseInt(text, 10, 64); err == nil {
			return Int(n), idx, nil
		}
		v, err := Call1(t, IntType, newASCIIStr(text))
		return v, idx, err
	}
	v, err := Call1(t, s.sc.parseInt, newASCIIStr(text))
	return v, idx, err
}

func isRangeErr(err error) bool {
	ne, ok := err.(*strconv.NumError)
	return ok && ne.Err == strconv.ErrRange
}

func (s *jsonScan) enter(what string) error {
	s.depth++
	if s.depth > s.limit {
		return NewError(RecursionErrorType, "maximum recursion depth exceeded while decoding a JSON "+what+" from a unicode string")
	}
	return nil
}

func (s *jsonScan) object(t *Thread, idx int) (Object, int, error) {
	if err := s.enter("object"); err != nil {
		return nil, 0, err
	}
	defer func() { s.depth-- }()
	x := s.x
	var keys, vals []Object
	idx = s.skip(idx)
	if idx >= x.n || x.at(idx) != '}' {
		for {
			if idx >= x.n || x.at(idx) != '"' {
				return nil, 0, jsonError(t, "Expecting property name enclosed in double quotes", x.s, idx)
			}
			key, end, err := scanString(t, x, idx+1, s.sc.strict)
			if err != nil {
				return nil, 0, err
			}
			if m, ok := s.memo[key.s]; ok {
				key = m
			} else {
				s.memo[key.s] = key
			}
			idx = s.skip(end)
			if idx >= x.n || x.at(idx) != ':' {
				return nil, 0, jsonError(t, "Expecting ':' delimiter", x.s, idx)
			}
			idx = s.skip(idx + 1)
			val, end, err := s.scanOnce(t, idx)
			if err != nil {
				return nil, 0, err
			}
			keys = append(keys, key)
			vals = append(vals, val)
			idx = s.skip(end)
			if idx < x.n && x.at(idx) == '}' {
				break
			}
			if idx >= x.n || x.at(idx) != ',' {
				return nil, 0, jsonError(t, "Expecting ',' delimiter", x.s, idx)
			}
			idx = s.skip(idx + 1)
		}
	}
	end := idx + 1
	if s.sc.pairsHook != None {
		pairs := make([]Object, len(keys))
		for i := range keys {
			pairs[i] = NewTuple(keys[i], vals[i])
		}
		v, err := Call1(t, s.sc.pairsHook, NewList(pairs...))
		return v, end, err
	}
	d := NewDict()
	for i := range keys {
		if err := d.SetItem(t, keys[i], vals[i]); err != nil {
			return nil, 0, err
		}
	}
	if s.sc.objectHook != None {
		v, err := Call1(t, s.sc.objectHook, d)
		return v, end, err
	}
	return d, end, nil
}

func (s *jsonScan) array(t *Thread, idx int) (Object, int, error) {
	if err := s.enter("array"); err != nil {
		return nil, 0, err
	}
	defer func() { s.depth-- }()
	x := s.x
	var items []Object
	idx = s.skip(idx)
	if idx >= x.n || x.at(idx) != ']' {
		for {
			val, end, err := s.scanOnce(t, idx)
			if err != nil {
				return nil, 0, err
			}
			items = append(items, val)
			idx = s.skip(end)
			if idx < x.n && x.at(idx) == ']' {
				break
			}
			if idx >= x.n || x.at(idx) != ',' {
				return nil, 0, jsonError(t, "Expecting ',' delimiter", x.s, idx)
			}
			idx = s.skip(idx + 1)
		}
	}
	return NewList(items...), idx + 1, nil
}

// jsonEncoder is _json.Encoder (json.dumps without indent).
type jsonEncoder struct {
	markers, dflt, encoder, indent Object
	keySep, itemSep                string
	sortKeys, skipKeys, allowNaN   bool
	fastASCII, fastPlain           bool // encoder is one of ours
}

var jsonEncoderType = newBuiltinType("Encoder", ObjectType)

func (*jsonEncoder) Type() *Type { return jsonEncoderType }

// jsonQuote appends s as a JSON string, ASCII only when ascii is set.
func jsonQuote(b *strings.Builder, s string, ascii bool) {
	b.WriteByte('"')
	const hex = "0123456789abcdef"
	u := func(r rune) {
		b.WriteString(`\u`)
		b.WriteByte(hex[r>>12&0xf])
		b.WriteByte(hex[r>>8&0xf])
		b.WriteByte(hex[r>>4&0xf])
		b.WriteByte(hex[r&0xf])
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case '"':
				b.WriteString(`\"`)
			case '\\':
				b.WriteString(`\\`)
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			case '\t':
				b.WriteString(`\t`)
			case '\b':
				b.WriteString(`\b`)
			case '\f':
				b.WriteString(`\f`)
			default:
				if c < 0x20 || (ascii && c == 0x7f) {
					u(rune(c))
				} else {
					b.WriteByte(c)
				}
			}
			i++
			continue
		}
		r, size := decodeWTF8(s[i:])
		if !ascii {
			b.WriteString(s[i : i+size])
		} else if r >= 0x10000 {
			r -= 0x10000
			u(0xd800 | (r>>10)&0x3ff)
			u(0xdc00 | r&0x3ff)
		} else {
			u(r)
		}
		i += size
	}
	b.WriteByte('"')
}

// jsonEnc is one encoder call's state.
type jsonEnc struct {
	e       *jsonEncoder
	b       strings.Builder
	markers map[uintptr]bool
}

func (en *jsonEnc) str(t *Thread, s *Str) error {
	switch {
	case en.e.fastASCII:
		jsonQuote(&en.b, s.s, true)
	case en.e.fastPlain:
		jsonQuote(&en.b, s.s, false)
	default:
		r, err := Call1(t, en.e.encoder, s)
		if err != nil {
			return err
		}
		rs, ok := r.(*Str)
		if !ok {
			return TypeErrorf("encoder() must return a string, not %s", typeName(r))
		}
		en.b.WriteString(rs.s)
	}
	return nil
}

func (en *jsonEnc) float(f float64) error {
	switch {
	case math.IsNaN(f) || math.IsInf(f, 0):
		if !en.e.allowNaN {
			return ValueErrorf("Out of range float values are not JSON compliant")
		}
		switch {
		case math.IsNaN(f):
			en.b.WriteString("NaN")
		case f > 0:
			en.b.WriteString("Infinity")
		default:
			en.b.WriteString("-Infinity")
		}
	default:
		en.b.WriteString(pyfmt.FloatRepr(f))
	}
	return nil
}

func (en *jsonEnc) mark(o Object) (uintptr, error) {
	if en.markers == nil {
		return 0, nil
	}
	id := Id(o)
	if en.markers[id] {
		return 0, ValueErrorf("Circular reference detected")
	}
	en.markers[id] = true
	return id, nil
}

// enterContainer marks a list, tuple or dict being encoded (circular
// reference check) and counts a recursion level; the caller leaves the
// level and unmarks it when done.
func (en *jsonEnc) enterContainer(t *Thread, o Object) (uintptr, error) {
	id, err := en.mark(o)
	if err != nil {
		return 0, err
	}
	if err := t.enterRecursive(); err != nil {
		return 0, err
	}
	return id, nil
}

func (en *jsonEnc) unmark(id uintptr) {
	if en.markers != nil {
		delete(en.markers, id)
	}
}

func (en *jsonEnc) encode(t *Thread, o Object) error {
	switch o {
	case None:
		en.b.WriteString("null")
		return nil
	case True:
		en.b.WriteString("true")
		return nil
	case False:
		en.b.WriteString("false")
		return nil
	}
	switch v := unwrap(o).(type) {
	case *Str:
		return en.str(t, v)
	case Int, *BigInt:
		if x, ok := v.(Int); ok {
			en.b.WriteString(strconv.FormatInt(int64(x), 10))
			return nil
		}
		r, err := IntType.Repr(t, v)
		if err != nil {
			return err
		}
		en.b.WriteString(r.(*Str).s)
		return nil
	case Bool:
		if v {
			en.b.WriteString("true")
		} else {
			en.b.WriteString("false")
		}
		return nil
	case Float:
		return en.float(float64(v))
	case *List:
		return en.seq(t, o, v.snapshot())
	case *Tuple:
		return en.seq(t, o, v.items)
	case *Dict:
		return en.dict(t, o, v)
	}
	id, err := en.mark(o)
	if err != nil {
		return err
	}
	nv, err := Call1(t, en.e.dflt, o)
	if err != nil {
		return err
	}
	if err := t.enterRecursive(); err != nil {
		return err
	}
	err = en.encode(t, nv)
	t.leaveRecursive()
	if err != nil {
		return err
	}
	en.unmark(id)
	return nil
}

func (en *jsonEnc) seq(t *Thread, o Object, items []Object) error {
	if len(items) == 0 {
		en.b.WriteString("[]")
		return nil
	}
	id, err := en.enterContainer(t, o)
	if err != nil {
		return err
	}
	defer t.leaveRecursive()
	en.b.WriteByte('[')
	for i, it := range items {
		if i > 0 {
			en.b.WriteString(en.e.itemSep)
		}
		if err := en.encode(t, it); err != nil {
			return err
		}
	}
	en.b.WriteByte(']')
	en.unmark(id)
	return nil
}

func (en *jsonEnc) dict(t *Thread, o Object, d *Dict) error {
	if d.Len() == 0 {
		en.b.WriteString("{}")
		return nil
	}
	id, err := en.enterContainer(t, o)
	if err != nil {
		return err
	}
	defer t.leaveRecursive()
	var keys, vals []Object
	if o.Type() == DictType && !en.e.sortKeys {
		keys, vals = d.Pairs()
	} else {
		items, err := CallMethod(t, o, "items")
		if err != nil {
			return err
		}
		lst, err := Call1(t, ListType, items)
		if err != nil {
			return err
		}
		if en.e.sortKeys {
			if _, err := CallMethod(t, lst, "sort"); err != nil {
				return err
			}
		}
		for _, p := range lst.(*List).snapshot() {
			pt, ok := p.(*Tuple)
			if !ok || len(pt.items) != 2 {
				return ValueErrorf("items must return 2-tuples")
			}
			keys = append(keys, pt.items[0])
			vals = append(vals, pt.items[1])
		}
	}
	en.b.WriteByte('{')
	first := true
	for i, k := range keys {
		var ks *Str
		switch kv := unwrap(k).(type) {
		case *Str:
			ks = kv
		case Float:
			var tmp jsonEnc
			tmp.e = en.e
			if err := tmp.float(float64(kv)); err != nil {
				return err
			}
			ks = NewStr(tmp.b.String())
		case Bool:
			ks = NewStr(map[bool]string{true: "true", false: "false"}[bool(kv)])
		case Int, *BigInt:
			r, err := IntType.Repr(t, kv)
			if err != nil {
				return err
			}
			ks = r.(*Str)
		default:
			if k == None {
				ks = NewStr("null")
			} else if en.e.skipKeys {
				continue
			} else {
				return TypeErrorf("keys must be str, int, float, bool or None, not %s", typeName(k))
			}
		}
		if !first {
			en.b.WriteString(en.e.itemSep)
		}
		first = false
		if err := en.str(t, ks); err != nil {
			return err
		}
		en.b.WriteString(en.e.keySep)
		if err := en.encode(t, vals[i]); err != nil {
			return err
		}
	}
	en.b.WriteByte('}')
	en.unmark(id)
	return nil
}

func init() {
	var encodeASCII, encodePlain *Builtin
	strArg := func(name string, args []Object) (*Str, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("%s() takes exactly one argument (%d given)", name, len(args))
		}
		s, ok := unwrap(args[0]).(*Str)
		if !ok {
			return nil, TypeErrorf("first argument must be a string, not %s", typeName(args[0]))
		}
		return s, nil
	}
	encodeASCII = &Builtin{Name: "encode_basestring_ascii", Fn: func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		s, err := strArg("encode_basestring_ascii", args)
		if err != nil {
			return nil, err
		}
		var b strings.Builder
		jsonQuote(&b, s.s, true)
		return newASCIIStr(b.String()), nil
	}}
	encodePlain = &Builtin{Name: "encode_basestring", Fn: func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		s, err := strArg("encode_basestring", args)
		if err != nil {
			return nil, err
		}
		var b strings.Builder
		jsonQuote(&b, s.s, false)
		return NewStr(b.String()), nil
	}}

	st := jsonScannerType
	st.Flags.And(^uint64(FlagBaseType))
	st.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		var ctx Object
		if err := ParseArgs("make_scanner", args, kw, []string{"context"}, 1, &ctx); err != nil {
			return nil, err
		}
		sc := &jsonScanner{}
		get := func(name string) (Object, error) { return GetAttrString(t, ctx, name) }
		var err error
		if sc.strictObj, err = get("strict"); err != nil {
			return nil, err
		}
		if sc.strict, err = IsTrue(t, sc.strictObj); err != nil {
			return nil, err
		}
		if sc.objectHook, err = get("object_hook"); err != nil {
			return nil, err
		}
		if sc.pairsHook, err = get("object_pairs_hook"); err != nil {
			return nil, err
		}
		if sc.parseFloat, err = get("parse_float"); err != nil {
			return nil, err
		}
		if sc.parseInt, err = get("parse_int"); err != nil {
			return nil, err
		}
		if sc.parseConstant, err = get("parse_constant"); err != nil {
			return nil, err
		}
		sc.floatIsFloat = sc.parseFloat == Object(FloatType)
		sc.intIsInt = sc.parseInt == Object(IntType)
		// json.decoder's default parse_constant is _CONSTANTS.__getitem__
		if dec, err := t.Import("json.decoder", nil, NewTuple(NewStr("_CONSTANTS")), 0); err == nil {
			if consts, err := GetAttrString(t, dec, "_CONSTANTS"); err == nil {
				if b, ok := sc.parseConstant.(*Builtin); ok && b.Self == consts && b.Name == "__getitem__" {
					sc.constIsDefault = true
				}
			}
		}
		return sc, nil
	}
	st.Call = func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var so, io Object
		if err := ParseArgs("scan_once", args, kw, []string{"string", "idx"}, 2, &so, &io); err != nil {
			return nil, err
		}
		s, ok := unwrap(so).(*Str)
		if !ok {
			return nil, TypeErrorf("first argument must be a string, not %s", typeName(so))
		}
		idx, err := asSize(t, io)
		if err != nil {
			return nil, err
		}
		sc := &jsonScan{sc: self.(*jsonScanner), x: newJSONText(s), memo: map[string]*Str{}, limit: t.interp.recursionLimit()}
		v, end, err := sc.scanOnce(t, idx)
		if err != nil {
			return nil, err
		}
		return NewTuple(v, Int(end)), nil
	}
	for _, name := range []string{"strict", "object_hook", "object_pairs_hook", "parse_float", "parse_int", "parse_constant"} {
		name := name
		st.AddGetSet(name, func(t *Thread, o Object) (Object, error) {
			sc := o.(*jsonScanner)
			switch name {
			case "strict":
				return sc.strictObj, nil
			case "object_hook":
				return sc.objectHook, nil
			case "object_pairs_hook":
				return sc.pairsHook, nil
			case "parse_float":
				return sc.parseFloat, nil
			case "parse_int":
				return sc.parseInt, nil
			}
			return sc.parseConstant, nil
		}, nil)
	}

	et := jsonEncoderType
	et.Flags.And(^uint64(FlagBaseType))
	et.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		var markers, dflt, encoder, indent, keySep, itemSep, sortKeys, skipKeys, allowNaN Object
		if err := ParseArgs("make_encoder", args, kw, []string{"markers", "default", "encoder", "indent", "key_separator",
			"item_separator", "sort_keys", "skipkeys", "allow_nan"}, 9,
			&markers, &dflt, &encoder, &indent, &keySep, &itemSep, &sortKeys, &skipKeys, &allowNaN); err != nil {
			return nil, err
		}
		if markers != None {
			if _, ok := markers.(*Dict); !ok {
				return nil, TypeErrorf("make_encoder() argument 1 must be dict or None, not %s", typeName(markers))
			}
		}
		ks, ok1 := keySep.(*Str)
		is, ok2 := itemSep.(*Str)
		if !ok1 || !ok2 {
			return nil, TypeErrorf("make_encoder() argument 5 must be str, not %s", typeName(keySep))
		}
		e := &jsonEncoder{markers: markers, dflt: dflt, encoder: encoder, indent: indent, keySep: ks.s, itemSep: is.s}
		var err error
		if e.sortKeys, err = IsTrue(t, sortKeys); err != nil {
			return nil, err
		}
		if e.skipKeys, err = IsTrue(t, skipKeys); err != nil {
			return nil, err
		}
		if e.allowNaN, err = IsTrue(t, allowNaN); err != nil {
			return nil, err
		}
		e.fastASCII = encoder == Object(encodeASCII)
		e.fastPlain = encoder == Object(encodePlain)
		return e, nil
	}
	et.Call = func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		var o, level Object
		if err := ParseArgs("_iterencode", args, kw, []string{"obj", "_current_indent_level"}, 2, &o, &level); err != nil {
			return nil, err
		}
		e := self.(*jsonEncoder)
		en := &jsonEnc{e: e}
		if e.markers != None {
			en.markers = map[uintptr]bool{}
		}
		if err := en.encode(t, o); err != nil {
			return nil, err
		}
		return NewList(NewStr(en.b.String())), nil
	}
	registerType(jsonScannerType, jsonEncoderType)

	RegisterNativeModule("_json", func(t *Thread) (*Module, error) {
		m := NewModule("_json")
		d := m.Dict()
		d.SetStr("__doc__", NewStr("json speedups\n"))
		encodeASCII.Self, encodePlain.Self = m, m
		d.SetStr("encode_basestring_ascii", encodeASCII)
		d.SetStr("encode_basestring", encodePlain)
		m.AddFunc("scanstring", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var so, eo, strictO Object
			if err := ParseArgs("scanstring", args, kw, []string{"string", "end", "strict"}, 2, &so, &eo, &strictO); err != nil {
				return nil, err
			}
			// end is converted first, as CPython's "On" argument
			// format does: a huge end is an OverflowError even for bytes.
			end, err := SsizeArg(t, eo)
			if err != nil {
				return nil, err
			}
			s, ok := unwrap(so).(*Str)
			if !ok {
				return nil, TypeErrorf("first argument must be a string, not %s", typeName(so))
			}
			strict := true
			if strictO != nil {
				if strict, err = IsTrue(t, strictO); err != nil {
					return nil, err
				}
			}
			x := newJSONText(s)
			if end < 0 || end > x.n {
				return nil, ValueErrorf("end is out of bounds")
			}
			r, next, err := scanString(t, x, end, strict)
			if err != nil {
				return nil, err
			}
			return NewTuple(r, Int(next)), nil
		})
		jsonScannerType.Dict.SetStr("__module__", NewStr("_json"))
		jsonEncoderType.Dict.SetStr("__module__", NewStr("_json"))
		d.SetStr("make_scanner", jsonScannerType)
		d.SetStr("make_encoder", jsonEncoderType)
		return m, nil
	})
}
