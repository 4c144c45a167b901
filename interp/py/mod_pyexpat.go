package py

import (
	"fmt"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"freepy/interp/xmlparse"
)

// pyexpat: CPython's binding of the expat XML parser, on freepy's own
// parser (interp/xmlparse), which follows expat 2.5's behaviour. xml.parsers.expat,
// xml.etree.ElementTree (its pure-Python XMLParser), xml.dom.minidom,
// xml.sax's expatreader, plistlib and xmlrpc.client run on it.
//
// Thread safety: each parser object has a lock that Parse, ParseFile and
// the attribute accessors take; the thread that holds it (running Parse,
// and the handlers Parse calls) may re-enter without waiting, since
// handlers commonly read positions and replace handlers.

// expatVersion is the expat release whose behaviour the parser follows.
var expatVersion = [3]int{2, 5, 0}

const (
	hStartElement = iota
	hEndElement
	hProcessingInstruction
	hCharacterData
	hUnparsedEntityDecl
	hNotationDecl
	hStartNamespaceDecl
	hEndNamespaceDecl
	hComment
	hStartCdataSection
	hEndCdataSection
	hDefault
	hDefaultExpand
	hNotStandalone
	hExternalEntityRef
	hStartDoctypeDecl
	hEndDoctypeDecl
	hEntityDecl
	hXMLDecl
	hElementDecl
	hAttlistDecl
	hSkippedEntity
	hCount
)

var expatHandlerNames = [hCount]string{
	"StartElementHandler", "EndElementHandler", "ProcessingInstructionHandler",
	"CharacterDataHandler", "UnparsedEntityDeclHandler", "NotationDeclHandler",
	"StartNamespaceDeclHandler", "EndNamespaceDeclHandler", "CommentHandler",
	"StartCdataSectionHandler", "EndCdataSectionHandler", "DefaultHandler",
	"DefaultHandlerExpand", "NotStandaloneHandler", "ExternalEntityRefHandler",
	"StartDoctypeDeclHandler", "EndDoctypeDeclHandler", "EntityDeclHandler",
	"XmlDeclHandler", "ElementDeclHandler", "AttlistDeclHandler", "SkippedEntityHandler",
}

var (
	XMLParserType = newBuiltinType("xmlparser", ObjectType)
	expatErrOnce  sync.Once
	expatErrType  *Type
)

// ExpatParser is a pyexpat.xmlparser.
type ExpatParser struct {
	mu    sync.Mutex
	owner atomic.Pointer[Thread]

	p        *xmlparse.Parser
	t        *Thread // the thread running Parse (handlers are called on it)
	handlers [hCount]Object
	intern   *Dict // nil: names are not interned
	names    map[string]Object

	bufferText bool
	bufferSize int
	text       []byte // buffered character data
	ordered    bool
	specified  bool
	nsPrefixes bool
}

// Type returns pyexpat.xmlparser.
func (*ExpatParser) Type() *Type { return XMLParserType }

// lock takes the parser's lock unless t already holds it; the returned
// function undoes what lock did.
func (e *ExpatParser) lock(t *Thread) func() {
	if e.owner.Load() == t {
		return func() {}
	}
	if !e.mu.TryLock() {
		held := t.BeginBlocking()
		e.mu.Lock()
		t.EndBlocking(held)
	}
	e.owner.Store(t)
	return func() {
		e.owner.Store(nil)
		e.mu.Unlock()
	}
}

func newExpatParser(t *Thread, encoding string, ns bool, sep string, intern *Dict) *ExpatParser {
	e := &ExpatParser{
		p:          xmlparse.NewParser(encoding, ns, sep),
		intern:     intern,
		names:      map[string]Object{},
		bufferSize: 8192,
	}
	e.p.UnknownEncoding = e.unknownEncoding
	return e
}

// name converts an element or attribute name, through the intern dict.
func (e *ExpatParser) name(s string) (Object, error) {
	if v, ok := e.names[s]; ok {
		return v, nil
	}
	var v Object = NewStr(s)
	if e.intern != nil {
		got, err := e.intern.GetItem(e.t, v)
		if err != nil {
			return nil, err
		}
		if got != nil {
			v = got
		} else if err := e.intern.SetItem(e.t, v, v); err != nil {
			return nil, err
		}
	}
	if len(e.names) < 50000 {
		e.names[s] = v
	}
	return v, nil
}

func optStr(s *string) Object {
	if s == nil {
		return None
	}
	return NewStr(*s)
}

// flagError is what CPython does when a handler raises: the handlers are
// dropped (the Go parser stops for good by itself).
func (e *ExpatParser) flagError() {
	for i := range e.handlers {
		e.handlers[i] = nil
	}
}

// flush passes buffered character data to the handler.
func (e *ExpatParser) flush() error {
	if len(e.text) == 0 {
		return nil
	}
	data := NewStr(string(e.text))
	e.text = e.text[:0]
	h := e.handlers[hCharacterData]
	if h == nil {
		return nil
	}
	if _, err := Call(e.t, h, []Object{data}, nil); err != nil {
		e.flagError()
		return err
	}
	return nil
}

// call runs handler idx (if set) after flushing buffered text.
func (e *ExpatParser) call(idx int, args ...Object) (Object, error) {
	h := e.handlers[idx]
	if h == nil {
		return nil, nil
	}
	if err := e.flush(); err != nil {
		return nil, err
	}
	r, err := Call(e.t, h, args, nil)
	if err != nil {
		e.flagError()
		return nil, err
	}
	return r, nil
}

func (e *ExpatParser) characterData(data []byte) error {
	h := e.handlers[hCharacterData]
	if h == nil {
		return nil
	}
	if !e.bufferText {
		_, err := e.callData(h, data)
		return err
	}
	if len(e.text)+len(data) > e.bufferSize {
		if err := e.flush(); err != nil {
			return err
		}
		if e.handlers[hCharacterData] == nil {
			return nil
		}
	}
	if len(data) > e.bufferSize {
		_, err := e.callData(e.handlers[hCharacterData], data)
		return err
	}
	e.text = append(e.text, data...)
	return nil
}

func (e *ExpatParser) callData(h Object, data []byte) (Object, error) {
	r, err := Call(e.t, h, []Object{NewStr(string(data))}, nil)
	if err != nil {
		e.flagError()
	}
	return r, err
}

func (e *ExpatParser) startElement(name string, attrs []xmlparse.Attr, nSpec int) error {
	h := e.handlers[hStartElement]
	if h == nil {
		return nil
	}
	if err := e.flush(); err != nil {
		return err
	}
	n := len(attrs)
	if e.specified {
		n = nSpec
	}
	var ao Object
	if e.ordered {
		items := make([]Object, 0, 2*n)
		for _, a := range attrs[:n] {
			k, err := e.name(a.Name)
			if err != nil {
				return err
			}
			items = append(items, k, NewStr(string(a.Value)))
		}
		ao = NewList(items...)
	} else {
		d := NewDict()
		for _, a := range attrs[:n] {
			k, err := e.name(a.Name)
			if err != nil {
				return err
			}
			if err := d.SetItem(e.t, k, NewStr(string(a.Value))); err != nil {
				return err
			}
		}
		ao = d
	}
	nm, err := e.name(name)
	if err != nil {
		return err
	}
	if _, err := Call(e.t, h, []Object{nm, ao}, nil); err != nil {
		e.flagError()
		return err
	}
	return nil
}

func modelObject(c *xmlparse.Content) Object {
	kids := make([]Object, len(c.Children))
	for i, k := range c.Children {
		kids[i] = modelObject(k)
	}
	var name Object = None
	if c.Name != "" {
		name = NewStr(c.Name)
	}
	return NewTuple(Int(c.Type), Int(c.Quant), name, NewTuple(kids...))
}

// install connects (or disconnects) handler idx in the Go parser.
func (e *ExpatParser) install(idx int, on bool) {
	h := &e.p.H
	none := func(_ Object, err error) error { return err }
	switch idx {
	case hStartElement:
		h.StartElement = nil
		if on {
			h.StartElement = e.startElement
		}
	case hEndElement:
		h.EndElement = nil
		if on {
			h.EndElement = func(name string) error {
				nm, err := e.name(name)
				if err != nil {
					return err
				}
				return none(e.call(hEndElement, nm))
			}
		}
	case hProcessingInstruction:
		h.ProcessingInstruction = nil
		if on {
			h.ProcessingInstruction = func(target string, data []byte) error {
				return none(e.call(hProcessingInstruction, NewStr(target), NewStr(string(data))))
			}
		}
	case hCharacterData:
		h.CharacterData = nil
		if on {
			h.CharacterData = e.characterData
		}
	case hUnparsedEntityDecl:
		h.UnparsedEntityDecl = nil
		if on {
			h.UnparsedEntityDecl = func(name string, base, sysid, pubid *string, notation string) error {
				return none(e.call(hUnparsedEntityDecl, NewStr(name), optStr(base), optStr(sysid), optStr(pubid), NewStr(notation)))
			}
		}
	case hNotationDecl:
		h.NotationDecl = nil
		if on {
			h.NotationDecl = func(name string, base, sysid, pubid *string) error {
				return none(e.call(hNotationDecl, NewStr(name), optStr(base), optStr(sysid), optStr(pubid)))
			}
		}
	case hStartNamespaceDecl:
		h.StartNamespaceDecl = nil
		if on {
			h.StartNamespaceDecl = func(prefix, uri *string) error {
				return none(e.call(hStartNamespaceDecl, optStr(prefix), optStr(uri)))
			}
		}
	case hEndNamespaceDecl:
		h.EndNamespaceDecl = nil
		if on {
			h.EndNamespaceDecl = func(prefix *string) error {
				return none(e.call(hEndNamespaceDecl, optStr(prefix)))
			}
		}
	case hComment:
		h.Comment = nil
		if on {
			h.Comment = func(data []byte) error {
				return none(e.call(hComment, NewStr(string(data))))
			}
		}
	case hStartCdataSection:
		h.StartCdataSection = nil
		if on {
			h.StartCdataSection = func() error { return none(e.call(hStartCdataSection)) }
		}
	case hEndCdataSection:
		h.EndCdataSection = nil
		if on {
			h.EndCdataSection = func() error { return none(e.call(hEndCdataSection)) }
		}
	case hDefault, hDefaultExpand:
		// expat has one default handler slot: the last one set wins
		h.Default = nil
		h.DefaultExpand = idx == hDefaultExpand
		if on {
			h.Default = func(data []byte) error {
				return none(e.call(idx, NewStr(string(data))))
			}
		}
	case hNotStandalone:
		h.NotStandalone = nil
		if on {
			h.NotStandalone = func() (bool, error) {
				r, err := e.call(hNotStandalone)
				if err != nil || r == nil {
					return true, err
				}
				return e.intResult(r)
			}
		}
	case hExternalEntityRef:
		h.ExternalEntityRef = nil
		if on {
			h.ExternalEntityRef = func(context string, base, sysid, pubid *string) (bool, error) {
				r, err := e.call(hExternalEntityRef, NewStr(context), optStr(base), optStr(sysid), optStr(pubid))
				if err != nil || r == nil {
					return true, err
				}
				return e.intResult(r)
			}
		}
	case hStartDoctypeDecl:
		h.StartDoctypeDecl = nil
		if on {
			h.StartDoctypeDecl = func(name string, sysid, pubid *string, internal bool) error {
				return none(e.call(hStartDoctypeDecl, NewStr(name), optStr(sysid), optStr(pubid), Int(b2i(internal))))
			}
		}
	case hEndDoctypeDecl:
		h.EndDoctypeDecl = nil
		if on {
			h.EndDoctypeDecl = func() error { return none(e.call(hEndDoctypeDecl)) }
		}
	case hEntityDecl:
		h.EntityDecl = nil
		if on {
			h.EntityDecl = func(name string, isParam bool, value *string, base, sysid, pubid, notation *string) error {
				return none(e.call(hEntityDecl, NewStr(name), Int(b2i(isParam)), optStr(value), optStr(base),
					optStr(sysid), optStr(pubid), optStr(notation)))
			}
		}
	case hXMLDecl:
		h.XMLDecl = nil
		if on {
			h.XMLDecl = func(version, encoding *string, standalone int) error {
				return none(e.call(hXMLDecl, optStr(version), optStr(encoding), Int(standalone)))
			}
		}
	case hElementDecl:
		h.ElementDecl = nil
		if on {
			h.ElementDecl = func(name string, model *xmlparse.Content) error {
				return none(e.call(hElementDecl, NewStr(name), modelObject(model)))
			}
		}
	case hAttlistDecl:
		h.AttlistDecl = nil
		if on {
			h.AttlistDecl = func(elname, attname, atttype string, dflt *string, required bool) error {
				return none(e.call(hAttlistDecl, NewStr(elname), NewStr(attname), NewStr(atttype), optStr(dflt), Int(b2i(required))))
			}
		}
	case hSkippedEntity:
		h.SkippedEntity = nil
		if on {
			h.SkippedEntity = func(name string, isParam bool) error {
				return none(e.call(hSkippedEntity, NewStr(name), Int(b2i(isParam))))
			}
		}
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// intResult reads a handler's int result (NotStandalone, ExternalEntityRef).
func (e *ExpatParser) intResult(r Object) (bool, error) {
	v, err := AsInt64(e.t, r)
	if err != nil {
		e.flagError()
		return false, err
	}
	return v != 0, nil
}

// unknownEncoding builds a single-byte table for an encoding expat does
// not know, from Python's codec (as pyexpat does): bytes the codec cannot
// decode are invalid.
func (e *ExpatParser) unknownEncoding(name string) (*[256]rune, bool, error) {
	if e.t == nil {
		return nil, false, nil
	}
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	r, err := CallMethod(e.t, NewBytes(all), "decode", NewStr(name), NewStr("replace"))
	if err != nil {
		return nil, false, err
	}
	s, ok := unwrap(r).(*Str)
	if !ok {
		return nil, false, nil
	}
	var tab [256]rune
	n := 0
	for _, c := range s.s {
		if n >= 256 {
			return nil, false, ValueErrorf("multi-byte encodings are not supported")
		}
		if c == utf8.RuneError {
			tab[n] = -1
		} else {
			tab[n] = c
		}
		n++
	}
	if n != 256 {
		return nil, false, ValueErrorf("multi-byte encodings are not supported")
	}
	return &tab, true, nil
}

// syntaxError makes the ExpatError for a parser error code.
func (e *ExpatParser) syntaxError(code int) error {
	line, col, _ := e.p.Position()
	return expatError(code, line, col)
}

func expatError(code, line, col int) error {
	exc := NewError(expatErrType, fmt.Sprintf("%s: line %d, column %d", xmlparse.ErrorString(code), line, col))
	d := exc.Dict()
	d.SetStr("code", Int(code))
	d.SetStr("offset", Int(col))
	d.SetStr("lineno", Int(line))
	return exc
}

// parse runs the Go parser on data with handlers called on t.
func (e *ExpatParser) parse(t *Thread, data []byte, final bool) (Object, error) {
	prev := e.t
	e.t = t
	defer func() { e.t = prev }()
	if err := e.p.Parse(data, final); err != nil {
		if se, ok := err.(*xmlparse.SyntaxError); ok {
			return nil, e.syntaxError(se.Code)
		}
		return nil, err
	}
	if err := e.flush(); err != nil {
		return nil, err
	}
	return Int(1), nil
}

func expatSelf(o Object) *ExpatParser { return o.(*ExpatParser) }

func init() {
	XMLParserType.Flags.And(^uint64(FlagBaseType))
	XMLParserType.CName = "pyexpat.xmlparser"
	XMLParserType.Dict.SetStr("__doc__", NewStr("XML parser"))
	XMLParserType.New = func(t *Thread, _ *Type, args []Object, kw []string) (Object, error) {
		return nil, TypeErrorf("cannot create 'pyexpat.xmlparser' instances")
	}
	for i, name := range expatHandlerNames {
		idx := i
		XMLParserType.AddGetSet(name, func(t *Thread, o Object) (Object, error) {
			e := expatSelf(o)
			defer e.lock(t)()
			if h := e.handlers[idx]; h != nil {
				return h, nil
			}
			return None, nil
		}, func(t *Thread, o, v Object) error {
			if v == nil {
				return Errorf(RuntimeErrorType, "Cannot delete attribute")
			}
			e := expatSelf(o)
			defer e.lock(t)()
			if idx == hCharacterData {
				prev := e.t
				if prev == nil {
					e.t = t
				}
				err := e.flush()
				e.t = prev
				if err != nil {
					return err
				}
			}
			if v == None {
				e.handlers[idx] = nil
				e.install(idx, false)
			} else {
				e.handlers[idx] = v
				e.install(idx, true)
			}
			return nil
		})
	}
	boolAttr := func(name string, get func(e *ExpatParser) bool, set func(t *Thread, e *ExpatParser, v bool) error) {
		XMLParserType.AddGetSet(name, func(t *Thread, o Object) (Object, error) {
			e := expatSelf(o)
			defer e.lock(t)()
			return NewBool(get(e)), nil
		}, func(t *Thread, o, v Object) error {
			if v == nil {
				return Errorf(RuntimeErrorType, "Cannot delete attribute")
			}
			b, err := IsTrue(t, v)
			if err != nil {
				return err
			}
			e := expatSelf(o)
			defer e.lock(t)()
			return set(t, e, b)
		})
	}
	boolAttr("buffer_text", func(e *ExpatParser) bool { return e.bufferText }, func(t *Thread, e *ExpatParser, v bool) error {
		if !v && e.bufferText {
			prev := e.t
			if prev == nil {
				e.t = t
			}
			err := e.flush()
			e.t = prev
			if err != nil {
				return err
			}
		}
		e.bufferText = v
		return nil
	})
	boolAttr("ordered_attributes", func(e *ExpatParser) bool { return e.ordered }, func(t *Thread, e *ExpatParser, v bool) error {
		e.ordered = v
		return nil
	})
	boolAttr("specified_attributes", func(e *ExpatParser) bool { return e.specified }, func(t *Thread, e *ExpatParser, v bool) error {
		e.specified = v
		return nil
	})
	boolAttr("namespace_prefixes", func(e *ExpatParser) bool { return e.nsPrefixes }, func(t *Thread, e *ExpatParser, v bool) error {
		e.nsPrefixes = v
		e.p.SetReturnNSTriplet(v)
		return nil
	})
	XMLParserType.AddGetSet("buffer_size", func(t *Thread, o Object) (Object, error) {
		e := expatSelf(o)
		defer e.lock(t)()
		return Int(e.bufferSize), nil
	}, func(t *Thread, o, v Object) error {
		if v == nil {
			return Errorf(RuntimeErrorType, "Cannot delete attribute")
		}
		iv, ok := unwrapInt(v).(Int)
		if !ok {
			if _, big := unwrapInt(v).(*BigInt); big {
				return ValueErrorf("buffer_size must not be greater than %d", int64(1<<31-1))
			}
			return TypeErrorf("buffer_size must be an integer")
		}
		if iv <= 0 {
			return ValueErrorf("buffer_size must be greater than zero")
		}
		if iv > 1<<31-1 {
			return ValueErrorf("buffer_size must not be greater than %d", int64(1<<31-1))
		}
		e := expatSelf(o)
		defer e.lock(t)()
		if len(e.text) > 0 {
			prev := e.t
			if prev == nil {
				e.t = t
			}
			err := e.flush()
			e.t = prev
			if err != nil {
				return err
			}
		}
		e.bufferSize = int(iv)
		return nil
	})
	XMLParserType.AddGetSet("buffer_used", func(t *Thread, o Object) (Object, error) {
		e := expatSelf(o)
		defer e.lock(t)()
		return Int(len(e.text)), nil
	}, nil)
	XMLParserType.AddGetSet("intern", func(t *Thread, o Object) (Object, error) {
		e := expatSelf(o)
		if e.intern == nil {
			return None, nil
		}
		return e.intern, nil
	}, nil)
	posAttr := func(name string, get func(e *ExpatParser) Object) {
		XMLParserType.AddGetSet(name, func(t *Thread, o Object) (Object, error) {
			e := expatSelf(o)
			defer e.lock(t)()
			return get(e), nil
		}, nil)
	}
	posAttr("ErrorCode", func(e *ExpatParser) Object { return Int(e.p.ErrorCode()) })
	lineOf := func(e *ExpatParser) Object { l, _, _ := e.p.Position(); return Int(l) }
	colOf := func(e *ExpatParser) Object { _, c, _ := e.p.Position(); return Int(c) }
	byteOf := func(e *ExpatParser) Object { _, _, b := e.p.Position(); return Int(b) }
	posAttr("ErrorLineNumber", lineOf)
	posAttr("ErrorColumnNumber", colOf)
	posAttr("ErrorByteIndex", byteOf)
	posAttr("CurrentLineNumber", lineOf)
	posAttr("CurrentColumnNumber", colOf)
	posAttr("CurrentByteIndex", byteOf)

	XMLParserType.AddMethod("Parse", func(t *Thread, o Object, args []Object, kw []string) (Object, error) {
		var data, isfinal Object
		if err := ParseArgs("Parse", args, kw, []string{"data", "isfinal"}, 1, &data, &isfinal); err != nil {
			return nil, err
		}
		final := false
		if isfinal != nil {
			if _, isFloat := isfinal.(Float); isFloat {
				return nil, TypeErrorf("'float' object cannot be interpreted as an integer")
			}
			v, err := IsTrue(t, isfinal)
			if err != nil {
				return nil, err
			}
			final = v
		}
		e := expatSelf(o)
		var b []byte
		isStr := false
		if s, ok := unwrap(data).(*Str); ok {
			if !utf8.ValidString(s.s) {
				// lone surrogates: let the codec raise CPython's error
				if _, err := CallMethod(t, s, "encode", NewStr("utf-8")); err != nil {
					return nil, err
				}
			}
			b = []byte(s.s)
			isStr = true
		} else if bb, ok := bytesLike(data); ok {
			b = bb
		} else {
			return nil, TypeErrorf("a bytes-like object is required, not '%s'", typeName(data))
		}
		defer e.lock(t)()
		if isStr {
			e.p.SetEncoding("utf-8")
		}
		return e.parse(t, b, final)
	})
	XMLParserType.AddMethod("ParseFile", func(t *Thread, o Object, args []Object, kw []string) (Object, error) {
		var file Object
		if err := ParseArgs("ParseFile", args, kw, []string{"file"}, 1, &file); err != nil {
			return nil, err
		}
		read, err := GetAttrOpt(t, file, Intern("read"))
		if err != nil {
			return nil, err
		}
		if read == nil {
			return nil, TypeErrorf("argument must have 'read' attribute")
		}
		e := expatSelf(o)
		defer e.lock(t)()
		prev := e.t
		e.t = t
		defer func() { e.t = prev }()
		const bufSize = 2048
		for {
			r, err := Call(t, read, []Object{Int(bufSize)}, nil)
			if err != nil {
				return nil, err
			}
			var chunk []byte
			switch x := unwrap(r).(type) {
			case *Bytes:
				chunk = x.b
			case *ByteArray:
				chunk = x.snapshot()
			default:
				return nil, TypeErrorf("read() did not return a bytes object (type=%s)", typeName(r))
			}
			if len(chunk) > bufSize {
				return nil, ValueErrorf("read() returned too much data: %d bytes requested, %d returned", bufSize, len(chunk))
			}
			final := len(chunk) == 0
			if err := e.p.Parse(chunk, final); err != nil {
				if se, ok := err.(*xmlparse.SyntaxError); ok {
					return nil, e.syntaxError(se.Code)
				}
				return nil, err
			}
			if final {
				break
			}
		}
		if err := e.flush(); err != nil {
			return nil, err
		}
		return Int(1), nil
	})
	XMLParserType.AddMethod("SetBase", func(t *Thread, o Object, args []Object, kw []string) (Object, error) {
		var base Object
		if err := ParseArgs("SetBase", args, kw, []string{"base"}, 1, &base); err != nil {
			return nil, err
		}
		s, ok := unwrap(base).(*Str)
		if !ok {
			return nil, TypeErrorf("SetBase() argument must be str, not %s", typeName(base))
		}
		e := expatSelf(o)
		defer e.lock(t)()
		v := s.s
		e.p.SetBase(&v)
		return None, nil
	})
	XMLParserType.AddMethod("GetBase", func(t *Thread, o Object, args []Object, kw []string) (Object, error) {
		if len(args) > 0 || len(kw) > 0 {
			return nil, TypeErrorf("xmlparser.GetBase() takes no arguments (%d given)", len(args)+len(kw))
		}
		e := expatSelf(o)
		defer e.lock(t)()
		return optStr(e.p.Base()), nil
	})
	XMLParserType.AddMethod("GetInputContext", func(t *Thread, o Object, args []Object, kw []string) (Object, error) {
		if len(args) > 0 || len(kw) > 0 {
			return nil, TypeErrorf("xmlparser.GetInputContext() takes no arguments (%d given)", len(args)+len(kw))
		}
		e := expatSelf(o)
		defer e.lock(t)()
		ctx := e.p.InputContext()
		if ctx == nil {
			return None, nil
		}
		return NewBytes(append([]byte(nil), ctx...)), nil
	})
	XMLParserType.AddMethod("SetParamEntityParsing", func(t *Thread, o Object, args []Object, kw []string) (Object, error) {
		var flag Object
		if err := ParseArgs("SetParamEntityParsing", args, kw, []string{"flag"}, 1, &flag); err != nil {
			return nil, err
		}
		v, err := IndexInt(t, flag)
		if err != nil {
			return nil, err
		}
		e := expatSelf(o)
		defer e.lock(t)()
		return Int(b2i(e.p.SetParamEntityParsing(v))), nil
	})
	XMLParserType.AddMethod("UseForeignDTD", func(t *Thread, o Object, args []Object, kw []string) (Object, error) {
		var flag Object
		if err := ParseArgs("UseForeignDTD", args, kw, []string{"flag"}, 0, &flag); err != nil {
			return nil, err
		}
		on := true
		if flag != nil {
			v, err := IsTrue(t, flag)
			if err != nil {
				return nil, err
			}
			on = v
		}
		e := expatSelf(o)
		defer e.lock(t)()
		if code := e.p.UseForeignDTD(on); code != xmlparse.ErrNone {
			return nil, e.syntaxError(code)
		}
		return None, nil
	})
	XMLParserType.AddMethod("ExternalEntityParserCreate", func(t *Thread, o Object, args []Object, kw []string) (Object, error) {
		var context, encoding Object
		if err := ParseArgs("ExternalEntityParserCreate", args, kw, []string{"context", "encoding"}, 1, &context, &encoding); err != nil {
			return nil, err
		}
		var ctx *string
		if context != None {
			s, ok := unwrap(context).(*Str)
			if !ok {
				return nil, TypeErrorf("ExternalEntityParserCreate() argument 1 must be str or None, not %s", typeName(context))
			}
			v := s.s
			ctx = &v
		}
		enc := ""
		if encoding != nil {
			s, ok := unwrap(encoding).(*Str)
			if !ok {
				return nil, TypeErrorf("ExternalEntityParserCreate() argument 2 must be str, not %s", typeName(encoding))
			}
			enc = s.s
		}
		e := expatSelf(o)
		defer e.lock(t)()
		c := &ExpatParser{
			p:          e.p.NewExternalEntityParser(ctx, enc),
			intern:     e.intern,
			names:      map[string]Object{},
			bufferText: e.bufferText,
			bufferSize: e.bufferSize,
			ordered:    e.ordered,
			specified:  e.specified,
			nsPrefixes: e.nsPrefixes,
		}
		c.p.UnknownEncoding = c.unknownEncoding
		c.p.H = xmlparse.Handlers{}
		for i, h := range e.handlers {
			if h != nil {
				c.handlers[i] = h
				c.install(i, true)
			}
		}
		return c, nil
	})
	registerType(XMLParserType)

	RegisterNativeModule("pyexpat", initPyexpat)
}

func initPyexpat(t *Thread) (*Module, error) {
	var err error
	expatErrOnce.Do(func() {
		ns := NewDict()
		ns.SetStr("__module__", NewStr("xml.parsers.expat"))
		var et Object
		if et, err = Call(t, TypeType, []Object{NewStr("ExpatError"), NewTuple(ExceptionType), ns}, nil); err == nil {
			expatErrType = et.(*Type)
		}
	})
	if err != nil {
		return nil, err
	}
	XMLParserType.Dict.SetStr("__module__", NewStr("pyexpat"))
	m := NewModule("pyexpat")
	d := m.Dict()
	d.SetStr("__doc__", NewStr("Python wrapper for Expat parser."))
	d.SetStr("EXPAT_VERSION", NewStr(fmt.Sprintf("expat_%d.%d.%d", expatVersion[0], expatVersion[1], expatVersion[2])))
	d.SetStr("version_info", NewTuple(Int(expatVersion[0]), Int(expatVersion[1]), Int(expatVersion[2])))
	d.SetStr("native_encoding", NewStr("UTF-8"))
	d.SetStr("features", NewList(
		NewTuple(NewStr("sizeof(XML_Char)"), Int(1)),
		NewTuple(NewStr("sizeof(XML_LChar)"), Int(1)),
		NewTuple(NewStr("XML_DTD"), Int(0)),
		NewTuple(NewStr("XML_CONTEXT_BYTES"), Int(1024)),
		NewTuple(NewStr("XML_NS"), Int(0)),
		NewTuple(NewStr("XML_BLAP_MAX_AMP"), Int(int(xmlparse.MaxAmplification))),
		NewTuple(NewStr("XML_BLAP_ACT_THRES"), Int(xmlparse.AmplificationThreshold)),
	))
	d.SetStr("XML_PARAM_ENTITY_PARSING_NEVER", Int(xmlparse.ParamEntityParsingNever))
	d.SetStr("XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE", Int(xmlparse.ParamEntityParsingUnlessStandalone))
	d.SetStr("XML_PARAM_ENTITY_PARSING_ALWAYS", Int(xmlparse.ParamEntityParsingAlways))
	d.SetStr("error", expatErrType)
	d.SetStr("ExpatError", expatErrType)
	d.SetStr("XMLParserType", XMLParserType)

	m.AddFunc("ParserCreate", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var encoding, sep, intern Object
		if err := ParseArgs("ParserCreate", args, kw, []string{"encoding", "namespace_separator", "intern"}, 0, &encoding, &sep, &intern); err != nil {
			return nil, err
		}
		enc := ""
		if encoding != nil && encoding != None {
			s, ok := unwrap(encoding).(*Str)
			if !ok {
				return nil, TypeErrorf("ParserCreate() argument 'encoding' must be str or None, not %s", typeName(encoding))
			}
			enc = s.s
		}
		ns := false
		sepStr := ""
		if sep != nil && sep != None {
			s, ok := unwrap(sep).(*Str)
			if !ok {
				return nil, TypeErrorf("ParserCreate() argument 'namespace_separator' must be str or None, not %s", typeName(sep))
			}
			if s.Len() > 1 {
				return nil, ValueErrorf("namespace_separator must be at most one character, omitted, or None")
			}
			ns = true
			sepStr = s.s
		}
		var idict *Dict
		switch {
		case intern == nil:
			idict = NewDict()
		case intern == None:
		default:
			dd, ok := intern.(*Dict)
			if !ok {
				return nil, TypeErrorf("intern must be a dictionary")
			}
			idict = dd
		}
		return newExpatParser(t, enc, ns, sepStr, idict), nil
	})
	m.AddFunc("ErrorString", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var code Object
		if err := ParseArgs("ErrorString", args, kw, []string{"code"}, 1, &code); err != nil {
			return nil, err
		}
		v, err := AsInt64(t, code)
		if err != nil {
			return nil, err
		}
		s := xmlparse.ErrorString(int(v))
		if s == "" {
			return None, nil
		}
		return NewStr(s), nil
	})

	errs := NewModule("pyexpat.errors")
	ed := errs.Dict()
	ed.SetStr("__doc__", NewStr("Constants used to describe error conditions."))
	codes, messages := NewDict(), NewDict()
	for code := 1; code < xmlparse.NumErrors; code++ {
		msg := NewStr(xmlparse.ErrorString(code))
		ed.SetStr(xmlparse.ErrorNames[code], msg)
		if err := codes.SetItem(t, msg, Int(code)); err != nil {
			return nil, err
		}
		if err := messages.SetItem(t, Int(code), msg); err != nil {
			return nil, err
		}
	}
	ed.SetStr("codes", codes)
	ed.SetStr("messages", messages)

	model := NewModule("pyexpat.model")
	md := model.Dict()
	md.SetStr("__doc__", NewStr("Constants used to interpret content model information."))
	for name, v := range map[string]int{
		"XML_CTYPE_EMPTY": xmlparse.CTypeEmpty, "XML_CTYPE_ANY": xmlparse.CTypeAny,
		"XML_CTYPE_MIXED": xmlparse.CTypeMixed, "XML_CTYPE_NAME": xmlparse.CTypeName,
		"XML_CTYPE_CHOICE": xmlparse.CTypeChoice, "XML_CTYPE_SEQ": xmlparse.CTypeSeq,
		"XML_CQUANT_NONE": xmlparse.CQuantNone, "XML_CQUANT_OPT": xmlparse.CQuantOpt,
		"XML_CQUANT_REP": xmlparse.CQuantRep, "XML_CQUANT_PLUS": xmlparse.CQuantPlus,
	} {
		md.SetStr(name, Int(v))
	}
	d.SetStr("errors", errs)
	d.SetStr("model", model)
	t.interp.Modules.SetStr("pyexpat.errors", errs)
	t.interp.Modules.SetStr("pyexpat.model", model)

	return m, nil
}
