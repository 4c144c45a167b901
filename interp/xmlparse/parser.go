package xmlparse

import "strings"

// Attr is one attribute passed to StartElement. Value is valid only
// during the call.
type Attr struct {
	Name  string
	Value []byte
}

// Content is an element declaration's content model (expat's XML_Content).
type Content struct {
	Type     int // CTYPE_*
	Quant    int // CQUANT_*
	Name     string
	Children []*Content
}

// Content model types and quantifiers (XML_CTYPE_*, XML_CQUANT_*).
const (
	CTypeEmpty  = 1
	CTypeAny    = 2
	CTypeMixed  = 3
	CTypeName   = 4
	CTypeChoice = 5
	CTypeSeq    = 6

	CQuantNone = 0
	CQuantOpt  = 1
	CQuantRep  = 2
	CQuantPlus = 3
)

// Handlers are the callbacks; a nil one is not set. Byte slices are valid
// only during the call. An error returned by a handler stops the parse
// for good and is returned by Parse.
type Handlers struct {
	StartElement          func(name string, attrs []Attr, nSpecified int) error
	EndElement            func(name string) error
	CharacterData         func(data []byte) error
	ProcessingInstruction func(target string, data []byte) error
	Comment               func(data []byte) error
	StartCdataSection     func() error
	EndCdataSection       func() error
	// Default receives markup no other handler reports, as written in the
	// document. With DefaultExpand false, setting it also stops internal
	// entities from being expanded in content (they go to Default).
	Default            func(data []byte) error
	DefaultExpand      bool
	XMLDecl            func(version, encoding *string, standalone int) error
	StartDoctypeDecl   func(name string, sysid, pubid *string, hasInternalSubset bool) error
	EndDoctypeDecl     func() error
	EntityDecl         func(name string, isParam bool, value *string, base, sysid, pubid, notation *string) error
	UnparsedEntityDecl func(name string, base, sysid, pubid *string, notation string) error
	NotationDecl       func(name string, base, sysid, pubid *string) error
	NotStandalone      func() (bool, error)
	ExternalEntityRef  func(context string, base, sysid, pubid *string) (bool, error)
	SkippedEntity      func(name string, isParam bool) error
	ElementDecl        func(name string, model *Content) error
	AttlistDecl        func(elname, attname, atttype string, dflt *string, isRequired bool) error
	StartNamespaceDecl func(prefix, uri *string) error
	EndNamespaceDecl   func(prefix *string) error
}

// Parser states.
const (
	stProlog = iota
	stContent
	stCdata
	stEpilog
	stExtEntity // content of an external parsed entity
)

// Param entity parsing settings (XML_PARAM_ENTITY_PARSING_*).
const (
	ParamEntityParsingNever = iota
	ParamEntityParsingUnlessStandalone
	ParamEntityParsingAlways
)

// The amplification limits of expat 2.5 (XML_BLAP_MAX_AMP and
// XML_BLAP_ACT_THRES): entity expansion may not make the parsed text more
// than 100 times larger than the input once it exceeds 8 MiB.
const (
	MaxAmplification       = 100.0
	AmplificationThreshold = 8 << 20
)

type openTag struct {
	raw      string // the QName as written
	bindings int    // namespace bindings made by this tag
}

type entity struct {
	name       string
	text       string // replacement text of an internal entity
	internal   bool
	sysid      *string
	pubid      *string
	base       *string
	notation   string
	open       bool
	isParam    bool
	inExternal bool
}

type attDef struct {
	name    string
	dflt    *string // normalised default value, nil if none
	isCdata bool
}

type elemType struct {
	atts []attDef
}

// Parser is one XML parser (one expat XML_Parser).
type Parser struct {
	H Handlers

	z          tokenizer
	nsSep      string
	ns         bool
	nsTriplets bool

	// input
	protocolEnc string
	enc         encKind
	table       *[256]rune
	raw         []byte
	bomBytes    int
	declEncErr  int
	pendingEnc  string
	// UnknownEncoding maps a declared encoding expat does not know onto a
	// single-byte table (-1 for bytes that are invalid); ok false means
	// the encoding is unknown; an error (the callback's own failure) stops
	// the parse and is returned by Parse.
	UnknownEncoding func(name string) (*[256]rune, bool, error)
	encErr          error

	buf    []byte
	pos    int   // start of unprocessed text in buf
	bufOff int64 // absolute offset of buf[0] in the decoded text
	final  bool
	fed    int64 // input bytes given to Parse so far
	direct int64 // bytes of document text processed (for amplification)
	indir  int64 // bytes of entity replacement text processed

	// positions, as expat counts them
	posAbs   int64 // absolute decoded offset whose position is known
	line     int
	col      int
	byteIdx  int64
	eventAbs int64 // start of the current event (-1: none yet)
	floorAbs int64 // where the last non-final call stopped
	eventEnd int64

	state        int
	stateChanged bool
	sawDecl      bool // past the point where an XML declaration may appear
	tags         []openTag
	entDepth     int // open internal entities
	finished     bool
	err          error
	errCode      int
	parsing      bool
	base         *string
	peParsing    int
	foreign      bool
	extEntity    bool
	extSubset    bool

	// DTD
	gen          map[string]*entity
	params       map[string]*entity
	elems        map[string]*elemType
	notations    map[string]bool
	hasPERefs    bool
	standalone   bool
	keepProc     bool
	sawDoctype   bool
	doctypeSysid bool
	ps           int // prolog role state
	decl         declState
	names        map[string]string

	// namespaces
	bindings []nsBinding

	// scratch
	attrs    []Attr
	attrBuf  []byte
	nameBuf  []byte
	valBufs  [][]byte
	dataBuf  []byte
	specCnt  int
	idxBuf   []int
	attNames []string
}

// NewParser makes a parser. encoding, if not "", overrides the document's
// own declaration (expat's protocol encoding). nsSep, when ns is true, is
// put between a namespace URI and a local name.
func NewParser(encoding string, ns bool, nsSep string) *Parser {
	p := &Parser{
		protocolEnc: encoding,
		ns:          ns,
		nsSep:       nsSep,
		eventAbs:    -1,
		gen:         map[string]*entity{},
		params:      map[string]*entity{},
		elems:       map[string]*elemType{},
		notations:   map[string]bool{},
		keepProc:    true,
		names:       map[string]string{},
	}
	p.z.ns = ns
	return p
}

// SetReturnNSTriplet makes namespace-qualified names carry their prefix.
func (p *Parser) SetReturnNSTriplet(on bool) { p.nsTriplets = on }

// SetEncoding sets the protocol encoding; it has no effect once parsing
// has begun, as in expat.
func (p *Parser) SetEncoding(enc string) bool {
	if p.fed > 0 || p.parsing {
		return false
	}
	p.protocolEnc = enc
	return true
}

// Started reports whether any input has been parsed.
func (p *Parser) Started() bool { return p.fed > 0 }

// SetBase sets the base passed to declaration handlers.
func (p *Parser) SetBase(base *string) { p.base = base }

// Base returns the base.
func (p *Parser) Base() *string { return p.base }

// SetParamEntityParsing records the setting. freepy never reads external
// parameter entities (nothing is fetched), so it only changes whether an
// external subset counts as "may declare entities".
func (p *Parser) SetParamEntityParsing(v int) bool {
	if p.inProgress() {
		return false
	}
	p.peParsing = v
	return true
}

// UseForeignDTD asks for the external subset handler to be called even
// without a DOCTYPE (an error code if parsing has begun).
func (p *Parser) UseForeignDTD(on bool) int {
	if p.inProgress() {
		return ErrCantChangeFeatureOnceParsing
	}
	p.foreign = on
	return ErrNone
}

// inProgress reports expat's "parsing" state: input given and the last
// piece not yet parsed.
func (p *Parser) inProgress() bool { return p.fed > 0 && !p.finished }

// ErrorCode is the code of the error that stopped the parse (0 if none).
func (p *Parser) ErrorCode() int { return p.errCode }

// intern returns a Go string for name bytes without allocating when the
// name was seen before.
func (p *Parser) intern(b []byte) string {
	if s, ok := p.names[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(p.names) < 100000 {
		p.names[s] = s
	}
	return s
}

// Parse parses the next piece of the document; final says it is the last.
func (p *Parser) Parse(data []byte, final bool) error {
	if p.err != nil {
		return p.err
	}
	if p.finished {
		p.errCode = ErrFinished
		return &SyntaxError{Code: ErrFinished}
	}
	if p.parsing {
		// a handler called Parse on its own parser
		return &SyntaxError{Code: ErrSuspended}
	}
	p.parsing = true
	defer func() { p.parsing = false }()
	if len(data) == 0 && !final {
		return nil
	}
	p.fed += int64(len(data))
	p.final = final
	code := p.feed(data, final)
	if p.encErr != nil {
		err := p.encErr
		p.encErr = nil
		p.fail(ErrUnknownEncoding, 0)
		p.err = err
		return err
	}
	if code != ErrNone {
		return p.fail(code, p.bufOff+int64(p.pos))
	}
	err := p.process()
	if err != nil {
		if _, ok := err.(*SyntaxError); !ok && err != p.err {
			// a handler's error: the parse stops for good
			p.finished = true
			p.errCode = ErrAborted
			// expat stops after the token whose handler failed
			if p.eventEnd > p.eventAbs {
				p.eventAbs = p.eventEnd
			}
		}
		return err
	}
	// as in expat, the line and column after a call are where processing
	// stopped (or, after the last call, wherever the last token left the
	// event), while the byte index always follows the event
	if !final {
		p.floorAbs = p.bufOff + int64(p.pos)
	}
	if p.eventAbs < 0 {
		p.eventAbs = p.bufOff + int64(p.pos)
	}
	if final {
		p.finished = true
	}
	p.compact()
	return nil
}

// fail records a well-formedness error at absolute offset at.
func (p *Parser) fail(code int, at int64) error {
	p.errCode = code
	if p.fed > 0 || at > 0 {
		p.eventAbs = at
	}
	p.err = &SyntaxError{Code: code}
	return p.err
}

// compact drops processed text from the buffer.
func (p *Parser) compact() {
	keep := p.pos
	if ev := p.eventAbs - p.bufOff; ev >= 0 && ev < int64(keep) {
		keep = int(ev)
	}
	if keep < 4096 || keep < len(p.buf)/2 {
		return
	}
	p.advance(p.bufOff + int64(keep))
	n := copy(p.buf, p.buf[keep:])
	p.buf = p.buf[:n]
	p.bufOff += int64(keep)
	p.pos -= keep
}

// advance moves the known position forward to absolute offset to.
func (p *Parser) advance(to int64) {
	if to < p.posAbs {
		return
	}
	p.line, p.col, p.byteIdx = p.scanPosition(p.buf[p.posAbs-p.bufOff:to-p.bufOff], p.line, p.col, p.byteIdx)
	p.posAbs = to
}

// scanPosition counts lines, columns and input bytes over b.
func (p *Parser) scanPosition(b []byte, line, col int, bi int64) (int, int, int64) {
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c == '\n':
			line++
			col = 0
			bi += int64(p.width(1))
			i++
			continue
		case c == '\r':
			line++
			col = 0
			bi += int64(p.width(1))
			i++
			if i < len(b) && b[i] == '\n' {
				bi += int64(p.width(1))
				i++
			}
			continue
		case c < 0x80:
			col++
			bi += int64(p.width(1))
			i++
			continue
		}
		_, n, st := decodeAt(b[i:])
		if st != chOK {
			n = 1
		}
		col++
		bi += int64(p.width(n))
		i += n
	}
	return line, col, bi
}

// Position is the current event's line (1-based) and column, and its
// byte index in the input (-1 before any input).
func (p *Parser) Position() (line, col int, byteIndex int64) {
	if p.eventAbs < 0 || p.fed == 0 {
		return p.line + 1, p.col, -1
	}
	end := p.bufOff + int64(len(p.buf))
	at := p.eventAbs
	if p.floorAbs > at {
		at = p.floorAbs
	}
	if at > end {
		at = end
	}
	if at >= p.posAbs {
		p.advance(at)
	}
	bi := p.byteIdx
	if ev := p.eventAbs; ev < p.posAbs && ev >= p.bufOff {
		_, _, w := p.scanPosition(p.buf[ev-p.bufOff:p.posAbs-p.bufOff], 0, 0, 0)
		bi -= w
	}
	return p.line + 1, p.col, bi + int64(p.bomBytes)
}

// process runs the processors over the buffer.
func (p *Parser) process() error {
	for {
		var err error
		switch p.state {
		case stProlog:
			err = p.doProlog()
		case stContent, stCdata:
			err = p.doMainContent()
		case stEpilog:
			err = p.doEpilog()
		case stExtEntity:
			err = p.doMainContent()
		}
		if err != nil {
			return err
		}
		if !p.stateChanged {
			return nil
		}
		p.stateChanged = false
	}
}

// setState switches processors.
func (p *Parser) setState(s int) {
	p.state = s
	p.stateChanged = true
}

// event marks the current event's extent (in the document, not in an
// entity's replacement text, whose events report the reference's place).
func (p *Parser) event(start, end int) {
	if p.entDepth == 0 {
		p.eventAbs = p.bufOff + int64(start)
		p.eventEnd = p.bufOff + int64(end)
	}
}

// errAt reports an error at buffer index i (in the document), or at the
// current event if inside an entity's text.
func (p *Parser) errAt(code int, i int) error {
	if p.entDepth > 0 {
		return p.fail(code, p.eventAbs)
	}
	return p.fail(code, p.bufOff+int64(i))
}

// reportDefault passes raw text to the default handler.
func (p *Parser) reportDefault(b []byte) error {
	if p.H.Default == nil || len(b) == 0 {
		return nil
	}
	return p.H.Default(b)
}

// strp makes an optional string.
func strp(s string) *string { return &s }

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// InputContext returns the decoded input from the current event to the
// end of what has been read, while a handler runs (nil otherwise).
func (p *Parser) InputContext() []byte {
	if !p.parsing || p.eventAbs < p.bufOff {
		return nil
	}
	return p.buf[p.eventAbs-p.bufOff:]
}

// NewExternalEntityParser makes a parser for an external entity referred
// to from p: it shares p's declarations and settings and parses the
// entity's content (context != nil) or, for the external DTD subset
// (context == nil), markup declarations.
func (p *Parser) NewExternalEntityParser(context *string, encoding string) *Parser {
	c := NewParser(encoding, p.ns, p.nsSep)
	c.H = p.H
	c.nsTriplets = p.nsTriplets
	c.gen, c.params, c.elems, c.notations = p.gen, p.params, p.elems, p.notations
	c.hasPERefs, c.standalone, c.base = p.hasPERefs, p.standalone, p.base
	c.UnknownEncoding = p.UnknownEncoding
	c.bindings = append([]nsBinding(nil), p.bindings...)
	c.extEntity = true
	if context == nil {
		c.extSubset = true
		c.ps = psSubset
		c.decl.kind = dkNone
	} else {
		c.state = stExtEntity
	}
	return c
}
