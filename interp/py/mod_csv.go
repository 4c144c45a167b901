package py

import (
	"strings"
	"sync"
	"sync/atomic"
)

// _csv: the C half of the csv module (CPython 3.11's Modules/_csv.c):
// dialects, reader and writer objects, with its parsing state machine,
// quoting rules and messages.
//
// Thread safety: a reader keeps its parse state in the call that reads
// one record (a record never spans two next() calls), so the only shared
// state is line_num; dialects are immutable; the dialect registry is a
// dict and field_size_limit an atomic.

const (
	csvQuoteMinimal = iota
	csvQuoteAll
	csvQuoteNonNumeric
	csvQuoteNone
)

const (
	csvNotSet rune = -1 // no escapechar / quotechar
	csvEOL    rune = -2 // end of an input line
)

var (
	CSVDialectType = newBuiltinType("Dialect", ObjectType)
	CSVReaderType  = newBuiltinType("reader", ObjectType)
	CSVWriterType  = newBuiltinType("writer", ObjectType)
)

type csvDialect struct {
	delimiter        rune
	doublequote      bool
	escapechar       rune
	lineterminator   string
	quotechar        rune
	quoting          int
	skipinitialspace bool
	strict           bool
}

// CSVDialect is a _csv.Dialect (immutable).
type CSVDialect struct{ d csvDialect }

// Type returns _csv.Dialect.
func (*CSVDialect) Type() *Type { return CSVDialectType }

// csvState is the per-module state.
type csvState struct {
	limit    atomic.Int64
	dialects *Dict
	errType  *Type
}

// csvSt is the module's state, shared by the interpreters of the process
// (CPython keeps it per module object; freepy's native modules are
// process-wide).
var (
	csvSt        = newCSVState()
	csvErrorOnce sync.Once
)

func newCSVState() *csvState {
	st := &csvState{dialects: NewDict()}
	st.limit.Store(128 * 1024)
	return st
}

func (s *csvState) error(format string, args ...any) error {
	return Errorf(s.errType, format, args...)
}

// CSVReader is a _csv.reader.
type CSVReader struct {
	st      *csvState
	input   Object // iterator
	dialect *CSVDialect
	lineNum atomic.Int64
}

// Type returns _csv.reader.
func (*CSVReader) Type() *Type { return CSVReaderType }

// CSVWriter is a _csv.writer.
type CSVWriter struct {
	st      *csvState
	write   Object
	dialect *CSVDialect
}

// Type returns _csv.writer.
func (*CSVWriter) Type() *Type { return CSVWriterType }

var csvDialectAttrs = []string{"delimiter", "doublequote", "escapechar", "lineterminator",
	"quotechar", "quoting", "skipinitialspace", "strict"}

// csvChar is _set_char / _set_char_or_none.
func csvChar(name string, src Object, dflt rune, orNone bool) (rune, error) {
	if src == nil {
		return dflt, nil
	}
	if src == None && orNone {
		return csvNotSet, nil
	}
	s, ok := unwrap(src).(*Str)
	if !ok {
		if orNone {
			return 0, TypeErrorf("\"%s\" must be string or None, not %s", name, typeName(src))
		}
		return 0, TypeErrorf("\"%s\" must be string, not %s", name, typeName(src))
	}
	r := []rune(s.s)
	if len(r) != 1 {
		return 0, TypeErrorf("\"%s\" must be a 1-character string", name)
	}
	return r[0], nil
}

// newCSVDialect is _csv.Dialect(dialect, **kwargs) (dialect_new).
func newCSVDialect(t *Thread, st *csvState, typ *Type, dialect Object, kwargs map[string]Object) (Object, error) {
	if dialect != nil {
		if name, ok := unwrap(dialect).(*Str); ok {
			d, err := st.get(t, name)
			if err != nil {
				return nil, err
			}
			dialect = d
		}
		if d, ok := dialect.(*CSVDialect); ok && len(kwargs) == 0 && typ == CSVDialectType {
			return d, nil
		}
	}
	vals := map[string]Object{}
	for _, name := range csvDialectAttrs {
		if v, ok := kwargs[name]; ok {
			vals[name] = v
			continue
		}
		if dialect != nil {
			v, err := GetAttrOpt(t, dialect, Intern(name))
			if err != nil {
				return nil, err
			}
			if v != nil {
				vals[name] = v
			}
		}
	}
	var d csvDialect
	var err error
	if d.delimiter, err = csvChar("delimiter", vals["delimiter"], ',', false); err != nil {
		return nil, err
	}
	if d.doublequote, err = optBool(t, vals["doublequote"], true); err != nil {
		return nil, err
	}
	if d.escapechar, err = csvChar("escapechar", vals["escapechar"], csvNotSet, true); err != nil {
		return nil, err
	}
	d.lineterminator = "\r\n"
	haveTerm := true
	if lt, ok := vals["lineterminator"]; ok {
		if lt == None {
			haveTerm = false
		} else if s, ok := unwrap(lt).(*Str); ok {
			d.lineterminator = s.s
		} else {
			return nil, TypeErrorf("\"lineterminator\" must be a string")
		}
	}
	if d.quotechar, err = csvChar("quotechar", vals["quotechar"], '"', true); err != nil {
		return nil, err
	}
	if q, ok := vals["quoting"]; ok {
		v, isInt := unwrapInt(q).(Int)
		if !isInt {
			if _, big := unwrapInt(q).(*BigInt); big {
				return nil, TypeErrorf("bad \"quoting\" value")
			}
			return nil, TypeErrorf("\"quoting\" must be an integer")
		}
		d.quoting = int(v)
	}
	if d.skipinitialspace, err = optBool(t, vals["skipinitialspace"], false); err != nil {
		return nil, err
	}
	if d.strict, err = optBool(t, vals["strict"], false); err != nil {
		return nil, err
	}
	if d.quoting < csvQuoteMinimal || d.quoting > csvQuoteNone {
		return nil, TypeErrorf("bad \"quoting\" value")
	}
	if qc, ok := vals["quotechar"]; ok && qc == None {
		if _, given := vals["quoting"]; !given {
			d.quoting = csvQuoteNone
		}
	}
	if d.quoting != csvQuoteNone && d.quotechar == csvNotSet {
		return nil, TypeErrorf("quotechar must be set if quoting enabled")
	}
	if !haveTerm {
		return nil, TypeErrorf("lineterminator must be set")
	}
	obj := &CSVDialect{d}
	if typ != CSVDialectType {
		return newSubclassInstance(typ, obj), nil
	}
	return obj, nil
}

func (st *csvState) get(t *Thread, name Object) (Object, error) {
	v, err := st.dialects.GetItem(t, name)
	if err != nil || v == nil {
		return nil, st.error("unknown dialect")
	}
	return v, nil
}

// dialectArgs splits (dialect=..., **fmtparams) for reader, writer and
// register_dialect.
func csvKwargs(args []Object, kw []string) (pos []Object, kwargs map[string]Object, err error) {
	pos = args[:len(args)-len(kw)]
	kwargs = map[string]Object{}
	for i, k := range kw {
		ok := k == "dialect"
		for _, a := range csvDialectAttrs {
			ok = ok || a == k
		}
		if !ok {
			return nil, nil, TypeErrorf("'%s' is an invalid keyword argument for this function", k)
		}
		kwargs[k] = args[len(pos)+i]
	}
	return pos, kwargs, nil
}

// makeDialect builds the dialect of a reader or writer.
func (st *csvState) makeDialect(t *Thread, dialect Object, kwargs map[string]Object) (*CSVDialect, error) {
	if d, ok := kwargs["dialect"]; ok {
		if dialect != nil {
			return nil, TypeErrorf("argument for function given by name ('dialect') and position (2)")
		}
		dialect = d
		delete(kwargs, "dialect")
	}
	o, err := newCSVDialect(t, st, CSVDialectType, dialect, kwargs)
	if err != nil {
		return nil, err
	}
	return o.(*CSVDialect), nil
}

// --- reading

const (
	csvStartRecord = iota
	csvStartField
	csvEscapedChar
	csvInField
	csvInQuotedField
	csvEscapeInQuotedField
	csvQuoteInQuotedField
	csvEatCRNL
	csvAfterEscapedCRNL
)

type csvParser struct {
	t       *Thread
	st      *csvState
	d       *csvDialect
	state   int
	fields  []Object
	field   []rune
	numeric bool
}

func (p *csvParser) saveField() error {
	var f Object = NewStr(string(p.field))
	if p.numeric {
		p.numeric = false
		v, err := Call(p.t, FloatType, []Object{f}, nil)
		if err != nil {
			return err
		}
		f = v
	}
	p.field = p.field[:0]
	p.fields = append(p.fields, f)
	return nil
}

func (p *csvParser) addChar(c rune) error {
	if int64(len(p.field)) >= p.st.limit.Load() {
		return p.st.error("field larger than field limit (%d)", p.st.limit.Load())
	}
	p.field = append(p.field, c)
	return nil
}

func (p *csvParser) endState(c rune) int {
	if c == csvEOL {
		return csvStartRecord
	}
	return csvEatCRNL
}

// process is parse_process_char.
func (p *csvParser) process(c rune) error {
	d := p.d
	isNL := c == '\n' || c == '\r'
	switch p.state {
	case csvStartRecord:
		if c == csvEOL {
			return nil // an empty line: []
		}
		if isNL {
			p.state = csvEatCRNL
			return nil
		}
		p.state = csvStartField
		fallthrough
	case csvStartField:
		switch {
		case isNL || c == csvEOL:
			if err := p.saveField(); err != nil {
				return err
			}
			p.state = p.endState(c)
		case c == d.quotechar && d.quoting != csvQuoteNone:
			p.state = csvInQuotedField
		case c == d.escapechar:
			p.state = csvEscapedChar
		case c == ' ' && d.skipinitialspace:
		case c == d.delimiter:
			return p.saveField()
		default:
			if d.quoting == csvQuoteNonNumeric {
				p.numeric = true
			}
			if err := p.addChar(c); err != nil {
				return err
			}
			p.state = csvInField
		}
	case csvEscapedChar:
		if isNL {
			if err := p.addChar(c); err != nil {
				return err
			}
			p.state = csvAfterEscapedCRNL
			return nil
		}
		if c == csvEOL {
			c = '\n'
		}
		if err := p.addChar(c); err != nil {
			return err
		}
		p.state = csvInField
	case csvAfterEscapedCRNL, csvInField:
		if p.state == csvAfterEscapedCRNL && c == csvEOL {
			return nil
		}
		switch {
		case isNL || c == csvEOL:
			if err := p.saveField(); err != nil {
				return err
			}
			p.state = p.endState(c)
		case c == d.escapechar:
			p.state = csvEscapedChar
		case c == d.delimiter:
			if err := p.saveField(); err != nil {
				return err
			}
			p.state = csvStartField
		default:
			p.state = csvInField
			return p.addChar(c)
		}
	case csvInQuotedField:
		switch {
		case c == csvEOL:
		case c == d.escapechar:
			p.state = csvEscapeInQuotedField
		case c == d.quotechar && d.quoting != csvQuoteNone:
			if d.doublequote {
				p.state = csvQuoteInQuotedField
			} else {
				p.state = csvInField
			}
		default:
			return p.addChar(c)
		}
	case csvEscapeInQuotedField:
		if c == csvEOL {
			c = '\n'
		}
		if err := p.addChar(c); err != nil {
			return err
		}
		p.state = csvInQuotedField
	case csvQuoteInQuotedField:
		switch {
		case d.quoting != csvQuoteNone && c == d.quotechar:
			if err := p.addChar(c); err != nil {
				return err
			}
			p.state = csvInQuotedField
		case c == d.delimiter:
			if err := p.saveField(); err != nil {
				return err
			}
			p.state = csvStartField
		case isNL || c == csvEOL:
			if err := p.saveField(); err != nil {
				return err
			}
			p.state = p.endState(c)
		case !d.strict:
			if err := p.addChar(c); err != nil {
				return err
			}
			p.state = csvInField
		default:
			return p.st.error("'%c' expected after '%c'", d.delimiter, d.quotechar)
		}
	case csvEatCRNL:
		switch {
		case isNL:
		case c == csvEOL:
			p.state = csvStartRecord
		default:
			return p.st.error("new-line character seen in unquoted field - do you need to open the file in universal-newline mode?")
		}
	}
	return nil
}

// next reads one record (Reader_iternext); nil, nil at the end.
func (r *CSVReader) next(t *Thread) (Object, error) {
	p := &csvParser{t: t, st: r.st, d: &r.dialect.d}
	for {
		line, err := Next(t, r.input)
		if err != nil {
			return nil, err
		}
		if line == nil {
			if len(p.field) != 0 || p.state == csvInQuotedField {
				if p.d.strict {
					return nil, r.st.error("unexpected end of data")
				}
				if err := p.saveField(); err != nil {
					return nil, err
				}
				break
			}
			return nil, nil
		}
		s, ok := unwrap(line).(*Str)
		if !ok {
			return nil, r.st.error("iterator should return strings, not %s (the file should be opened in text mode)", typeName(line))
		}
		r.lineNum.Add(1)
		for _, c := range s.s {
			if err := p.process(c); err != nil {
				return nil, err
			}
		}
		if err := p.process(csvEOL); err != nil {
			return nil, err
		}
		if p.state == csvStartRecord {
			break
		}
	}
	return NewList(p.fields...), nil
}

// --- writing

// appendField is join_append_data: the field (nil for None) added to rec.
func (w *CSVWriter) appendField(rec *strings.Builder, nfields int, field *string, quoted bool) error {
	d := &w.dialect.d
	var body strings.Builder
	if field != nil {
		for _, c := range *field {
			if c == d.delimiter || c == d.escapechar || c == d.quotechar || strings.ContainsRune(d.lineterminator, c) {
				wantEscape := false
				if d.quoting == csvQuoteNone {
					wantEscape = true
				} else {
					if c == d.quotechar {
						if d.doublequote {
							body.WriteRune(d.quotechar)
						} else {
							wantEscape = true
						}
					} else if c == d.escapechar {
						wantEscape = true
					}
					if !wantEscape {
						quoted = true
					}
				}
				if wantEscape {
					if d.escapechar == csvNotSet {
						return w.st.error("need to escape, but no escapechar set")
					}
					body.WriteRune(d.escapechar)
				}
			}
			body.WriteRune(c)
		}
	}
	if nfields > 0 {
		rec.WriteRune(d.delimiter)
	}
	if quoted {
		rec.WriteRune(d.quotechar)
	}
	rec.WriteString(body.String())
	if quoted {
		rec.WriteRune(d.quotechar)
	}
	return nil
}

func isNumber(o Object) bool {
	typ := o.Type()
	if LoadPtr(&typ.Index) != nil || LoadPtr(&typ.Int) != nil || LoadPtr(&typ.Float) != nil {
		return true
	}
	switch unwrap(o).(type) {
	case Int, *BigInt, Bool, Float, Complex:
		return true
	}
	return false
}

func (w *CSVWriter) writerow(t *Thread, row Object) (Object, error) {
	it, err := Iter(t, row)
	if err != nil {
		if IsInstanceOf(err, TypeErrorType) {
			return nil, w.st.error("iterable expected, not %s", typeName(row))
		}
		return nil, err
	}
	d := &w.dialect.d
	var rec strings.Builder
	n := 0
	for {
		f, err := Next(t, it)
		if err != nil {
			return nil, err
		}
		if f == nil {
			break
		}
		quoted := false
		switch d.quoting {
		case csvQuoteNonNumeric:
			quoted = !isNumber(f)
		case csvQuoteAll:
			quoted = true
		}
		var s *string
		if str, ok := unwrap(f).(*Str); ok {
			s = &str.s
		} else if f != None {
			r, err := StrOf(t, f)
			if err != nil {
				return nil, err
			}
			s = &r.s
		}
		if err := w.appendField(&rec, n, s, quoted); err != nil {
			return nil, err
		}
		n++
	}
	if n > 0 && rec.Len() == 0 {
		// a single empty field must be written quoted, or it reads back as []
		if d.quoting == csvQuoteNone {
			return nil, w.st.error("single empty field record must be quoted")
		}
		if err := w.appendField(&rec, 0, nil, true); err != nil {
			return nil, err
		}
	}
	rec.WriteString(d.lineterminator)
	return Call(t, w.write, []Object{NewStr(rec.String())}, nil)
}

func csvDialectGetter(name string, get func(d *csvDialect) Object) {
	CSVDialectType.AddGetSet(name, func(t *Thread, o Object) (Object, error) {
		return get(&unwrap(o).(*CSVDialect).d), nil
	}, func(t *Thread, o, v Object) error {
		return Errorf(AttributeErrorType, "attribute '%s' of '_csv.Dialect' objects is not writable", name)
	})
}

func csvCharObj(c rune) Object {
	if c == csvNotSet {
		return None
	}
	return NewStr(string(c))
}

func init() {
	csvDialectGetter("delimiter", func(d *csvDialect) Object { return NewStr(string(d.delimiter)) })
	csvDialectGetter("doublequote", func(d *csvDialect) Object { return Bool(d.doublequote) })
	csvDialectGetter("escapechar", func(d *csvDialect) Object { return csvCharObj(d.escapechar) })
	csvDialectGetter("lineterminator", func(d *csvDialect) Object { return NewStr(d.lineterminator) })
	csvDialectGetter("quotechar", func(d *csvDialect) Object { return csvCharObj(d.quotechar) })
	csvDialectGetter("quoting", func(d *csvDialect) Object { return Int(d.quoting) })
	csvDialectGetter("skipinitialspace", func(d *csvDialect) Object { return Bool(d.skipinitialspace) })
	csvDialectGetter("strict", func(d *csvDialect) Object { return Bool(d.strict) })
	CSVDialectType.CName = "_csv.Dialect"

	CSVReaderType.Flags.And(^uint64(FlagBaseType))
	CSVReaderType.CName = "_csv.reader"
	CSVReaderType.Iter = func(t *Thread, o Object) (Object, error) { return o, nil }
	CSVReaderType.Next = func(t *Thread, o Object) (Object, error) { return o.(*CSVReader).next(t) }
	CSVReaderType.AddGetSet("dialect", func(t *Thread, o Object) (Object, error) { return o.(*CSVReader).dialect, nil }, nil)
	CSVReaderType.AddGetSet("line_num", func(t *Thread, o Object) (Object, error) {
		return Int(o.(*CSVReader).lineNum.Load()), nil
	}, nil)

	CSVWriterType.Flags.And(^uint64(FlagBaseType))
	CSVWriterType.CName = "_csv.writer"
	CSVWriterType.AddGetSet("dialect", func(t *Thread, o Object) (Object, error) { return o.(*CSVWriter).dialect, nil }, nil)
	CSVWriterType.AddMethod("writerow", func(t *Thread, o Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 || len(kw) > 0 {
			return nil, TypeErrorf("writerow() takes exactly one argument (%d given)", len(args))
		}
		return o.(*CSVWriter).writerow(t, args[0])
	})
	CSVWriterType.AddMethod("writerows", func(t *Thread, o Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 || len(kw) > 0 {
			return nil, TypeErrorf("writerows() takes exactly one argument (%d given)", len(args))
		}
		it, err := Iter(t, args[0])
		if err != nil {
			return nil, err
		}
		for {
			row, err := Next(t, it)
			if err != nil {
				return nil, err
			}
			if row == nil {
				return None, nil
			}
			if _, err := o.(*CSVWriter).writerow(t, row); err != nil {
				return nil, err
			}
		}
	})
	CSVDialectType.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		pos, kwargs, err := csvKwargs(args, kw)
		if err != nil {
			return nil, err
		}
		if len(pos) > 1 {
			return nil, TypeErrorf("Dialect() takes at most 1 positional argument (%d given)", len(pos))
		}
		var dialect Object
		if len(pos) == 1 {
			dialect = pos[0]
		}
		if d, ok := kwargs["dialect"]; ok {
			dialect = d
			delete(kwargs, "dialect")
		}
		return newCSVDialect(t, csvSt, typ, dialect, kwargs)
	}
	registerType(CSVDialectType, CSVReaderType, CSVWriterType)

	RegisterNativeModule("_csv", func(t *Thread) (*Module, error) {
		m := NewModule("_csv")
		st := csvSt
		var err error
		csvErrorOnce.Do(func() {
			ns := NewDict()
			ns.SetStr("__module__", NewStr("_csv"))
			var et Object
			if et, err = Call(t, TypeType, []Object{NewStr("Error"), NewTuple(ExceptionType), ns}, nil); err == nil {
				st.errType = et.(*Type)
			}
		})
		if err != nil {
			return nil, err
		}
		for _, typ := range []*Type{CSVDialectType, CSVReaderType, CSVWriterType} {
			typ.Dict.SetStr("__module__", NewStr("_csv"))
		}
		d := m.Dict()
		d.SetStr("__version__", NewStr("1.0"))
		d.SetStr("__doc__", NewStr("CSV parsing and writing."))
		d.SetStr("QUOTE_MINIMAL", Int(csvQuoteMinimal))
		d.SetStr("QUOTE_ALL", Int(csvQuoteAll))
		d.SetStr("QUOTE_NONNUMERIC", Int(csvQuoteNonNumeric))
		d.SetStr("QUOTE_NONE", Int(csvQuoteNone))
		d.SetStr("Error", st.errType)
		d.SetStr("Dialect", CSVDialectType)
		d.SetStr("Reader", CSVReaderType)
		d.SetStr("Writer", CSVWriterType)
		d.SetStr("_dialects", st.dialects)
		readerWriterArgs := func(args []Object, kw []string) (Object, Object, map[string]Object, error) {
			pos, kwargs, err := csvKwargs(args, kw)
			if err != nil {
				return nil, nil, nil, err
			}
			if len(pos) < 1 {
				return nil, nil, nil, TypeErrorf(" expected at least 1 argument, got 0")
			}
			if len(pos) > 2 {
				return nil, nil, nil, TypeErrorf(" expected at most 2 arguments, got %d", len(pos))
			}
			var dialect Object
			if len(pos) == 2 {
				dialect = pos[1]
			}
			return pos[0], dialect, kwargs, nil
		}
		m.AddFunc("reader", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			src, dialect, kwargs, err := readerWriterArgs(args, kw)
			if err != nil {
				return nil, err
			}
			it, err := Iter(t, src)
			if err != nil {
				return nil, err
			}
			dl, err := st.makeDialect(t, dialect, kwargs)
			if err != nil {
				return nil, err
			}
			return &CSVReader{st: st, input: it, dialect: dl}, nil
		})
		m.AddFunc("writer", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			dst, dialect, kwargs, err := readerWriterArgs(args, kw)
			if err != nil {
				return nil, err
			}
			write, err := GetAttrOpt(t, dst, Intern("write"))
			if err != nil {
				return nil, err
			}
			if write == nil || !isCallable(write) {
				return nil, TypeErrorf("argument 1 must have a \"write\" method")
			}
			dl, err := st.makeDialect(t, dialect, kwargs)
			if err != nil {
				return nil, err
			}
			return &CSVWriter{st: st, write: write, dialect: dl}, nil
		})
		m.AddFunc("register_dialect", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			pos, kwargs, err := csvKwargs(args, kw)
			if err != nil {
				return nil, err
			}
			if len(pos) < 1 || len(pos) > 2 {
				return nil, TypeErrorf("register_dialect() expected at most 2 arguments, got %d", len(pos))
			}
			if _, ok := unwrap(pos[0]).(*Str); !ok {
				return nil, TypeErrorf("dialect name must be a string")
			}
			var dialect Object
			if len(pos) == 2 {
				dialect = pos[1]
			}
			if dv, ok := kwargs["dialect"]; ok {
				dialect = dv
				delete(kwargs, "dialect")
			}
			dl, err := newCSVDialect(t, st, CSVDialectType, dialect, kwargs)
			if err != nil {
				return nil, err
			}
			return None, st.dialects.SetItem(t, pos[0], dl)
		})
		m.AddFunc("unregister_dialect", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var name Object
			if err := ParseArgs("unregister_dialect", args, kw, []string{"name"}, 1, &name); err != nil {
				return nil, err
			}
			if _, err := st.get(t, name); err != nil {
				return nil, err
			}
			if found, err := st.dialects.DelItem(t, name); err != nil || !found {
				return nil, st.error("unknown dialect")
			}
			return None, nil
		})
		m.AddFunc("get_dialect", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var name Object
			if err := ParseArgs("get_dialect", args, kw, []string{"name"}, 1, &name); err != nil {
				return nil, err
			}
			return st.get(t, name)
		})
		m.AddFunc("list_dialects", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			return NewList(st.dialects.Keys()...), nil
		})
		m.AddFunc("field_size_limit", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) > 1 {
				return nil, TypeErrorf("field_size_limit() takes at most 1 argument (%d given)", len(args))
			}
			var nl Object
			if err := ParseArgs("field_size_limit", args, kw, []string{"new_limit"}, 0, &nl); err != nil {
				return nil, err
			}
			old := st.limit.Load()
			if nl != nil {
				v, ok := unwrapInt(nl).(Int)
				if !ok {
					if _, big := unwrapInt(nl).(*BigInt); big {
						return nil, Errorf(OverflowErrorType, "Python int too large to convert to C long")
					}
					return nil, TypeErrorf("limit must be an integer")
				}
				st.limit.Store(int64(v))
			}
			return Int(old), nil
		})
		return m, nil
	})
}
