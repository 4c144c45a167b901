package py

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"freepy/interp/pyfmt"
)

// str.format and str.format_map, and the _string module that exposes the
// same parser to string.Formatter. The grammar and the error messages
// follow CPython 3.11's Objects/stringlib/unicode_format.h: a format
// string is literal text with "{{" and "}}" escapes and replacement fields
// "{name!conv:spec}", where spec may itself hold replacement fields.

// fmtPiece is one step of a format string: literal text, optionally
// followed by a replacement field.
type fmtPiece struct {
	literal  string
	hasField bool
	name     string
	conv     rune // 0 when absent
	spec     string
	expand   bool // spec contains '{' and must be formatted first
	specStr  *Str // spec as a str, made once for cached formats
}

// parseFormatString splits a format string into pieces, calling emit for
// each; it stops at the first error.
func parseFormatString(s string, emit func(p fmtPiece) error) error {
	i := 0
	for i < len(s) {
		start := i
		var c byte
		markup := false
		for i < len(s) {
			c = s[i]
			i++
			if c == '{' || c == '}' {
				markup = true
				break
			}
		}
		atEnd := i >= len(s)
		n := i - start
		if markup && c == '}' && (atEnd || s[i] != '}') {
			return ValueErrorf("Single '}' encountered in format string")
		}
		if markup && atEnd && c == '{' {
			return ValueErrorf("Single '{' encountered in format string")
		}
		if markup {
			if s[i] == c {
				// An escaped brace: literal text, no field follows.
				i++
				markup = false
			} else {
				n--
			}
		}
		p := fmtPiece{literal: s[start : start+n]}
		if markup {
			p.hasField = true
			var err error
			i, err = parseField(s, i, &p)
			if err != nil {
				return err
			}
		}
		if err := emit(p); err != nil {
			return err
		}
	}
	return nil
}

// parseField parses a replacement field starting after its '{' and
// returns the index after its closing '}'.
func parseField(s string, i int, p *fmtPiece) (int, error) {
	start := i
	var c byte
	for i < len(s) {
		c = s[i]
		i++
		if c == '{' {
			return 0, ValueErrorf("unexpected '{' in field name")
		}
		if c == '[' {
			for i < len(s) && s[i] != ']' {
				i++
			}
			continue
		}
		if c == '}' || c == ':' || c == '!' {
			break
		}
	}
	if c != '}' && c != ':' && c != '!' {
		return 0, ValueErrorf("expected '}' before end of string")
	}
	p.name = s[start : i-1]
	if c == '}' {
		return i, nil
	}
	if c == '!' {
		if i >= len(s) {
			return 0, ValueErrorf("end of string while looking for conversion specifier")
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		p.conv = r
		i += size
		if i < len(s) {
			c = s[i]
			i++
			if c == '}' {
				return i, nil
			}
			if c != ':' {
				return 0, ValueErrorf("expected ':' after conversion specifier")
			}
		}
	}
	specStart := i
	count := 1
	for i < len(s) {
		c = s[i]
		i++
		switch c {
		case '{':
			p.expand = true
			count++
		case '}':
			count--
			if count == 0 {
				p.spec = s[specStart : i-1]
				return i, nil
			}
		}
	}
	return 0, ValueErrorf("unmatched '{' in format spec")
}

// fieldIndex is CPython's get_integer: the value of an all-digit name, or
// -1 when the name is empty or has another character.
func fieldIndex(name string) (int, error) {
	if name == "" {
		return -1, nil
	}
	v := 0
	for i := 0; i < len(name); i++ {
		c := name[i]
		if c < '0' || c > '9' {
			return -1, nil
		}
		if v > (1<<62)/10 {
			return 0, ValueErrorf("Too many decimal digits in format string")
		}
		v = v*10 + int(c-'0')
	}
	return v, nil
}

// fieldFirst splits a field name into its first part and the rest
// (".attr" and "[key]" accessors).
func fieldFirst(name string) (string, string) {
	i := strings.IndexAny(name, ".[")
	if i < 0 {
		return name, ""
	}
	return name[:i], name[i:]
}

// nextAccessor parses one ".attr" or "[key]" accessor of rest; key is an
// Int for an all-digit item key.
func nextAccessor(rest string) (isAttr bool, key Object, tail string, err error) {
	switch rest[0] {
	case '.':
		i := strings.IndexAny(rest[1:], ".[")
		if i < 0 {
			i = len(rest) - 1
		}
		name := rest[1 : 1+i]
		if name == "" {
			return false, nil, "", ValueErrorf("Empty attribute in format string")
		}
		return true, NewStr(name), rest[1+i:], nil
	case '[':
		i := strings.IndexByte(rest, ']')
		if i < 0 {
			return false, nil, "", ValueErrorf("Missing ']' in format string")
		}
		name := rest[1:i]
		if name == "" {
			return false, nil, "", ValueErrorf("Empty attribute in format string")
		}
		tail = rest[i+1:]
		if tail != "" && tail[0] != '.' && tail[0] != '[' {
			err = ValueErrorf("Only '.' or '[' may follow ']' in format field specifier")
		}
		idx, ierr := fieldIndex(name)
		if ierr != nil {
			return false, nil, "", ierr
		}
		if idx >= 0 {
			return false, Int(idx), tail, err
		}
		return false, NewStr(name), tail, err
	}
	return false, nil, "", ValueErrorf("Only '.' or '[' may follow ']' in format field specifier")
}

// Auto-numbering states.
const (
	autoInit = iota
	autoOn
	autoManual
)

// strFormatter renders one str.format / format_map call.
type strFormatter struct {
	t       *Thread
	args    []Object
	kwnames []string
	kwvals  []Object
	mapping Object // format_map's argument
	isMap   bool
	state   int
	next    int
}

func (f *strFormatter) render(s string, depth int) (string, error) {
	if depth <= 0 {
		return "", ValueErrorf("Max string recursion exceeded")
	}
	var b []byte
	err := parseFormatString(s, func(p fmtPiece) error {
		var err error
		b, err = f.piece(b, &p, depth)
		return err
	})
	return string(b), err
}

// piece appends one parsed piece of a format string to b: its literal
// text and its field, formatted.
func (f *strFormatter) piece(b []byte, p *fmtPiece, depth int) ([]byte, error) {
	b = append(b, p.literal...)
	if !p.hasField {
		return b, nil
	}
	v, err := f.field(p.name)
	if err != nil {
		return b, err
	}
	switch p.conv {
	case 0:
	case 'r':
		v, err = Repr(f.t, v)
	case 's':
		v, err = StrOf(f.t, v)
	case 'a':
		v, err = Ascii(f.t, v)
	default:
		if p.conv > 0x7f {
			return b, ValueErrorf("Unknown conversion specifier \\x%x", p.conv)
		}
		return b, ValueErrorf("Unknown conversion specifier %c", p.conv)
	}
	if err != nil {
		return b, err
	}
	spec := p.spec
	specStr := p.specStr
	if p.expand {
		spec, err = f.render(spec, depth-1)
		if err != nil {
			return b, err
		}
		specStr = nil
	}
	// exact strs and ints with the common specs are written in place
	switch x := v.(type) {
	case *Str:
		if spec == "" {
			return append(b, x.s...), nil
		}
	case Int:
		if spec == "" {
			return strconv.AppendInt(b, int64(x), 10), nil
		}
		if r, ok := pyfmt.AppendInt64Spec(b, int64(x), spec); ok {
			return r, nil
		}
	}
	if specStr == nil {
		specStr = NewStr(spec)
	}
	r, err := Format(f.t, v, specStr)
	if err != nil {
		return b, err
	}
	return append(b, r.(*Str).s...), nil
}

// formatCache holds a thread's parsed str.format strings: a program
// formats with a few constant formats over and over. Only formats that
// parse without error are kept (an error must be raised after the fields
// before it are formatted, as CPython's parser is lazy).
type formatCache struct {
	last       *Str
	lastPieces []fmtPiece
	byText     map[string][]fmtPiece
}

// parsedFormat returns the pieces of format s, or nil when it does not
// parse (render then reports the error in order).
func parsedFormat(t *Thread, s *Str) []fmtPiece {
	c := t.formatCache
	if c == nil {
		c = &formatCache{}
		t.formatCache = c
	}
	if c.last == s {
		return c.lastPieces
	}
	pieces, ok := c.byText[s.s]
	if !ok {
		err := parseFormatString(s.s, func(p fmtPiece) error {
			if p.hasField && !p.expand {
				p.specStr = NewStr(p.spec)
			}
			pieces = append(pieces, p)
			return nil
		})
		if err != nil || len(s.s) > 256 {
			return nil
		}
		if c.byText == nil || len(c.byText) >= 256 {
			c.byText = make(map[string][]fmtPiece)
		}
		c.byText[s.s] = pieces
	}
	c.last, c.lastPieces = s, pieces
	return pieces
}

// format renders format string s (str.format and format_map).
func (f *strFormatter) format(s *Str) (Object, error) {
	pieces := parsedFormat(f.t, s)
	if pieces == nil {
		r, err := f.render(s.s, 2)
		if err != nil {
			return nil, err
		}
		return NewStr(r), nil
	}
	// the text is built on the stack (when short) and copied once into
	// the result's block
	var tmp [160]byte
	b := tmp[:0]
	for i := range pieces {
		var err error
		b, err = f.piece(b, &pieces[i], 2)
		if err != nil {
			return nil, err
		}
	}
	return f.t.strFromBytes(b), nil
}

// field looks up a field name: the argument, then its accessors.
func (f *strFormatter) field(name string) (Object, error) {
	first, rest := fieldFirst(name)
	idx, err := fieldIndex(first)
	if err != nil {
		return nil, err
	}
	empty := first == ""
	if empty || idx >= 0 {
		if f.state == autoInit {
			if empty {
				f.state = autoOn
			} else {
				f.state = autoManual
			}
		}
		if f.state == autoManual && empty {
			return nil, ValueErrorf("cannot switch from manual field specification to automatic field numbering")
		}
		if f.state == autoOn && !empty {
			return nil, ValueErrorf("cannot switch from automatic field numbering to manual field specification")
		}
		if empty {
			idx = f.next
			f.next++
		}
	}
	var v Object
	if idx >= 0 {
		if f.isMap {
			return nil, ValueErrorf("Format string contains positional fields")
		}
		if idx >= len(f.args) {
			return nil, Errorf(IndexErrorType, "Replacement index %d out of range for positional args tuple", idx)
		}
		v = f.args[idx]
	} else {
		key := NewStr(first)
		if f.isMap {
			v, err = GetItem(f.t, f.mapping, key)
			if err != nil {
				return nil, err
			}
		} else {
			for i, k := range f.kwnames {
				if k == first {
					v = f.kwvals[i]
				}
			}
			if v == nil {
				return nil, NewException(KeyErrorType, key)
			}
		}
	}
	for rest != "" {
		isAttr, key, tail, perr := nextAccessor(rest)
		if key == nil {
			return nil, perr
		}
		if isAttr {
			v, err = GetAttr(f.t, v, key.(*Str))
		} else {
			v, err = GetItem(f.t, v, key)
		}
		if err != nil {
			return nil, err
		}
		if perr != nil {
			return nil, perr
		}
		rest = tail
	}
	return v, nil
}

// strFormat is str.format(*args, **kwargs).
func strFormat(t *Thread, s *Str, args []Object, kw []string) (Object, error) {
	npos := len(args) - len(kw)
	if !strings.ContainsAny(s.s, "{}") {
		return s, nil
	}
	f := strFormatter{t: t, args: args[:npos], kwnames: kw, kwvals: args[npos:]}
	return f.format(s)
}

func init() {
	addStrMethod("format", strFormat)
	addStrMethod("format_map", func(t *Thread, s *Str, args []Object, kw []string) (Object, error) {
		if err := argCount("str.format_map", args, kw, 1, 1); err != nil {
			return nil, err
		}
		f := strFormatter{t: t, mapping: args[0], isMap: true}
		return f.format(s)
	})

	RegisterNativeModule("_string", func(t *Thread) (*Module, error) {
		m := NewModule("_string")
		m.AddFunc("formatter_parser", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := argCount("formatter_parser", args, kw, 1, 1); err != nil {
				return nil, err
			}
			s, ok := unwrap(args[0]).(*Str)
			if !ok {
				return nil, TypeErrorf("expected str, got %s", typeName(args[0]))
			}
			var items []Object
			err := parseFormatString(s.s, func(p fmtPiece) error {
				if !p.hasField {
					items = append(items, NewTuple(NewStr(p.literal), None, None, None))
					return nil
				}
				var conv Object = None
				if p.conv != 0 {
					conv = strFromRune(p.conv)
				}
				items = append(items, NewTuple(NewStr(p.literal), NewStr(p.name), NewStr(p.spec), conv))
				return nil
			})
			if err != nil {
				return nil, err
			}
			return Iter(t, NewList(items...))
		})
		m.AddFunc("formatter_field_name_split", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := argCount("formatter_field_name_split", args, kw, 1, 1); err != nil {
				return nil, err
			}
			s, ok := unwrap(args[0]).(*Str)
			if !ok {
				return nil, TypeErrorf("expected str, got %s", typeName(args[0]))
			}
			first, rest := fieldFirst(s.s)
			idx, err := fieldIndex(first)
			if err != nil {
				return nil, err
			}
			var firstObj Object = NewStr(first)
			if idx >= 0 {
				firstObj = Int(idx)
			}
			var items []Object
			for rest != "" {
				isAttr, key, tail, perr := nextAccessor(rest)
				if key == nil {
					return nil, perr
				}
				items = append(items, NewTuple(NewBool(isAttr), key))
				if perr != nil {
					return nil, perr
				}
				rest = tail
			}
			it, err := Iter(t, NewList(items...))
			if err != nil {
				return nil, err
			}
			return NewTuple(firstObj, it), nil
		})
		return m, nil
	})
}
