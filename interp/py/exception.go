package py

import (
	"fmt"
	"math/cmplx"
	"strings"
	"sync/atomic"
)

// BaseException is every exception instance, including instances of
// exception classes defined in Python (their class is in typ, their
// attributes in dict). It is also the Go error that carries a Python
// exception up the Go call stack.
type BaseException struct {
	typ *Type
	// args is e.args, one pointer to an immutable tuple: e.args = v and
	// a second e.__init__(...) replace it while other threads may format
	// the same exception (Args, SetArgs).
	args *Tuple
	dict *Dict // made on first use (Dict), by compare-and-swap
	// The chaining fields change whenever the exception is raised, and one
	// exception object may be raised by several threads at once (a module
	// level sentinel, a cached error): they are read and written
	// atomically, so a reader never sees half of an interface value. Use
	// the accessor methods below.
	tb       atomic.Pointer[Traceback]
	cause    atomicObject // nil or an exception (None is nil with SuppressContext)
	context  atomicObject
	suppress atomic.Bool
	notes    atomicObject
	// Exceptions and Message are used by BaseExceptionGroup.
	Message    Object
	Exceptions *Tuple
	// extra carries per-class fields (name/obj of AttributeError, errno of
	// OSError, value of StopIteration, ...). Stored in dict as attributes.
}

// atomicObject is an Object slot that one thread may write while others
// read it. Storing boxes the interface (one allocation per store).
type atomicObject struct{ p atomic.Pointer[Object] }

func (a *atomicObject) Load() Object {
	if p := a.p.Load(); p != nil {
		return *p
	}
	return nil
}

func (a *atomicObject) Store(o Object) {
	if o == nil {
		a.p.Store(nil)
		return
	}
	a.p.Store(&o)
}

// Traceback is __traceback__ (nil when there is none).
func (e *BaseException) Traceback() *Traceback { return e.tb.Load() }

// SetTraceback sets __traceback__.
func (e *BaseException) SetTraceback(tb *Traceback) { e.tb.Store(tb) }

// Cause is __cause__ (nil for None).
func (e *BaseException) Cause() Object { return e.cause.Load() }

// SetCause sets __cause__ (nil for None).
func (e *BaseException) SetCause(o Object) { e.cause.Store(o) }

// Context is __context__ (nil for None).
func (e *BaseException) Context() Object { return e.context.Load() }

// SetContext sets __context__ (nil for None).
func (e *BaseException) SetContext(o Object) { e.context.Store(o) }

// SuppressContext is __suppress_context__.
func (e *BaseException) SuppressContext() bool { return e.suppress.Load() }

// SetSuppressContext sets __suppress_context__.
func (e *BaseException) SetSuppressContext(b bool) { e.suppress.Store(b) }

// SetCauseFrom is what `raise e from cause` does: __cause__ set and the
// context suppressed.
func (e *BaseException) SetCauseFrom(cause Object) {
	e.cause.Store(cause)
	e.suppress.Store(true)
}

// Notes is __notes__ (nil when it was never set).
func (e *BaseException) Notes() Object { return e.notes.Load() }

// notesForAdd is __notes__, made an empty list first if it was never set
// (by one thread only, when several add notes at once).
func (e *BaseException) notesForAdd() Object {
	if n := e.notes.Load(); n != nil {
		return n
	}
	var l Object = NewList()
	if e.notes.p.CompareAndSwap(nil, &l) {
		return l
	}
	return e.notes.Load()
}

// SetNotes sets __notes__.
func (e *BaseException) SetNotes(o Object) { e.notes.Store(o) }

// Type returns the exception's class.
func (e *BaseException) Type() *Type { return e.typ }

// Error renders the exception as "Type: message" for Go callers.
func (e *BaseException) Error() string {
	msg := exceptionStr(e)
	if msg == "" {
		return e.typ.Name()
	}
	return e.typ.Name() + ": " + msg
}

// exceptionStr is str(exc) for the built-in rules (no Python __str__).
func exceptionStr(e *BaseException) string {
	if e.Args() == nil || len(e.Args().items) == 0 {
		return ""
	}
	if len(e.Args().items) == 1 {
		if s, ok := e.Args().items[0].(*Str); ok {
			return s.s
		}
		s, err := ReprString(nil, e.Args().items[0])
		if err == nil && !isStrLike(e.Args().items[0]) {
			if r, err := StrString(nil, e.Args().items[0]); err == nil {
				return r
			}
		}
		return s
	}
	s, _ := ReprString(nil, e.Args())
	return s
}

func isStrLike(o Object) bool { _, ok := o.(*Str); return ok }

// Dict returns the exception's attribute dictionary. Threads reading
// attributes of a shared exception at once agree on one dict.
func (e *BaseException) Dict() *Dict {
	for {
		if d := LoadPtr(&e.dict); d != nil {
			return d
		}
		casPtr(&e.dict, nil, NewDict())
	}
}

// Args is e.args.
func (e *BaseException) Args() *Tuple { return LoadPtr(&e.args) }

// SetArgs sets e.args.
func (e *BaseException) SetArgs(a *Tuple) { storePtr(&e.args, a) }

// NewException makes an exception of class typ with the given args (no
// __init__ of a Python subclass is run: use Call for that).
func NewException(typ *Type, args ...Object) *BaseException {
	// copy: callers often pass a slice of the VM's value stack
	return &BaseException{typ: typ, args: NewTuple(append([]Object(nil), args...)...)}
}

// NewError makes an exception of class typ with a str message.
func NewError(typ *Type, msg string) *BaseException {
	if msg == "" && typ != MemoryErrorType {
		return &BaseException{typ: typ, args: NewTuple(NewStr(msg))}
	}
	if msg == "" {
		return &BaseException{typ: typ, args: NewTuple()}
	}
	return &BaseException{typ: typ, args: NewTuple(NewStr(msg))}
}

// Errorf makes an exception of class typ with a formatted message.
func Errorf(typ *Type, format string, args ...any) *BaseException {
	return NewError(typ, fmt.Sprintf(format, args...))
}

// TypeErrorf is Errorf(TypeError, ...).
func TypeErrorf(format string, args ...any) *BaseException {
	return Errorf(TypeErrorType, format, args...)
}

// ValueErrorf is Errorf(ValueError, ...).
func ValueErrorf(format string, args ...any) *BaseException {
	return Errorf(ValueErrorType, format, args...)
}

// typeName is the name CPython uses in messages: type(o).__name__.
func typeName(o Object) string { return o.Type().tpName() }

// tpName is a type's name as CPython's messages give it: tp_name, which
// for a C extension type includes its module.
func (t *Type) tpName() string {
	if t.CName != "" {
		return t.CName
	}
	return t.Name()
}

// IsInstanceOf reports whether err is a Python exception of class typ.
func IsInstanceOf(err error, typ *Type) bool {
	if e, ok := err.(*BaseException); ok {
		return e.typ.IsSubtype(typ)
	}
	return false
}

// AsException converts any error to a Python exception: a Go error that
// is not one becomes SystemError.
func AsException(err error) *BaseException {
	if e, ok := err.(*BaseException); ok {
		return e
	}
	return NewError(SystemErrorType, err.Error())
}

// Traceback is one entry of an exception's traceback chain.
type Traceback struct {
	Next   *Traceback
	Frame  *Frame
	Lasti  int
	Lineno int
	// rawLasti is the tb_lasti given to types.TracebackType(...), shown
	// as it is (Lasti counts instructions, tb_lasti bytes)
	rawLasti    int
	hasRawLasti bool
}

// Type returns the traceback type.
func (*Traceback) Type() *Type { return TracebackType }

// addTraceback prepends a frame entry, as an exception leaves a frame.
func (e *BaseException) addTraceback(f *Frame, pc, line int) {
	f.markEscaped()
	tb := &Traceback{Frame: f, Lasti: pc, Lineno: line}
	for {
		// Two threads raising one exception object both keep their entry.
		tb.Next = e.tb.Load()
		if e.tb.CompareAndSwap(tb.Next, tb) {
			return
		}
	}
}

// FormatException renders a traceback and the exception the way CPython's
// default sys.excepthook does, including chained causes and contexts and
// the nested boxes of exception groups (Python/pythonrun.c).
func FormatException(t *Thread, e *BaseException) string {
	return formatException(t, e, true)
}

// formatUnraisable is FormatException without the "Did you mean"
// suggestions, which CPython's unraisable hook does not print.
func formatUnraisable(t *Thread, e *BaseException) string {
	return formatException(t, e, false)
}

func formatException(t *Thread, e *BaseException, suggest bool) string {
	p := &excPrinter{t: t, seen: map[*BaseException]bool{}, suggest: suggest}
	p.recursive(e)
	return p.b.String()
}

// Limits of exception group display, as in CPython.
const (
	excGroupMaxWidth = 15
	excGroupMaxDepth = 10
)

// excPrinter carries print_exception's context: inside exception groups
// every line is indented by two spaces per level and gets a "| " margin.
type excPrinter struct {
	t         *Thread
	b         strings.Builder
	seen      map[*BaseException]bool
	depth     int
	needClose bool
	suggest   bool // add "Did you mean" to AttributeError and NameError
}

func (p *excPrinter) indent() string { return strings.Repeat(" ", 2*p.depth) }

func (p *excPrinter) margin() string {
	if p.depth > 0 {
		return "| "
	}
	return ""
}

// writeMargined writes a line (with its newline) after the margin.
func (p *excPrinter) writeMargined(line string) {
	p.b.WriteString(p.indent() + p.margin() + line)
}

func (p *excPrinter) recursive(e *BaseException) {
	p.seen[e] = true
	if cause := e.Cause(); cause != nil {
		if c, ok := cause.(*BaseException); ok && !p.seen[c] {
			p.chained(c, "The above exception was the direct cause of the following exception:\n")
		}
	} else if c, ok := e.Context().(*BaseException); ok && !e.SuppressContext() && !p.seen[c] {
		p.chained(c, "During handling of the above exception, another exception occurred:\n")
	}
	if e.Exceptions == nil {
		p.exception(e)
	} else {
		p.group(e)
	}
}

func (p *excPrinter) chained(c *BaseException, msg string) {
	needClose := p.needClose
	p.recursive(c)
	p.needClose = needClose
	p.writeMargined("\n")
	p.writeMargined(msg)
	p.writeMargined("\n")
}

func (p *excPrinter) exception(e *BaseException) {
	if etb := e.Traceback(); etb != nil {
		header, headerMargin := "Traceback (most recent call last):\n", p.margin()
		if e.Exceptions != nil {
			header = "Exception Group Traceback (most recent call last):\n"
			if p.depth == 1 {
				headerMargin = "+ "
			}
		}
		p.b.WriteString(p.indent() + headerMargin + header)
		var tb strings.Builder
		formatTraceback(&tb, etb)
		p.prefixLines(tb.String())
	}
	if p.depth == 0 {
		p.b.WriteString(formatExceptionOnly(p.t, e, p.suggest))
		return
	}
	if e.typ.IsSubtype(SyntaxErrorType) {
		p.prefixLines(formatExceptionOnly(p.t, e, p.suggest))
		return
	}
	// CPython puts the margin before the message and before each note,
	// not before the continuation lines of a multi-line message.
	head, notes := excMessageParts(p.t, e, p.suggest)
	p.writeMargined(head + "\n")
	for _, n := range notes {
		p.writeMargined(n + "\n")
	}
}

// prefixLines writes text with the indentation and margin on every line.
func (p *excPrinter) prefixLines(text string) {
	for _, line := range strings.SplitAfter(text, "\n") {
		if line != "" {
			p.writeMargined(line)
		}
	}
}

func (p *excPrinter) group(e *BaseException) {
	if p.depth > excGroupMaxDepth {
		p.writeMargined(fmt.Sprintf("... (max_group_depth is %d)\n", excGroupMaxDepth))
		return
	}
	if p.depth == 0 {
		p.depth++
	}
	p.exception(e)
	excs := e.Exceptions.items
	n := len(excs)
	if n > excGroupMaxWidth {
		n = excGroupMaxWidth + 1
	}
	p.needClose = false
	for i := 0; i < n; i++ {
		last := i == n-1
		if last {
			// the closing line may be written by a nested group instead
			p.needClose = true
		}
		lead := "  "
		if i == 0 {
			lead = "+-"
		}
		truncated := i >= excGroupMaxWidth
		if truncated {
			p.b.WriteString(p.indent() + lead + "+---------------- ... ----------------\n")
		} else {
			fmt.Fprintf(&p.b, "%s%s+---------------- %d ----------------\n", p.indent(), lead, i+1)
		}
		p.depth++
		if !truncated {
			if sub, ok := excs[i].(*BaseException); ok {
				p.recursive(sub)
			}
		} else {
			more := len(excs) - excGroupMaxWidth
			p.writeMargined(fmt.Sprintf("and %d more exception%s\n", more, plural(more)))
		}
		if last && p.needClose {
			p.b.WriteString(p.indent() + "+------------------------------------\n")
			p.needClose = false
		}
		p.depth--
	}
	if p.depth == 1 {
		p.depth--
	}
}

// formatExceptionOnly is the last line(s): "Type: message", with a "Did
// you mean" suggestion if suggest is set, then the notes.
func formatExceptionOnly(t *Thread, e *BaseException, suggest bool) string {
	if e.typ.IsSubtype(SyntaxErrorType) {
		return formatSyntaxError(t, e, excDisplayName(e))
	}
	head, notes := excMessageParts(t, e, suggest)
	out := head + "\n"
	for _, n := range notes {
		out += n + "\n"
	}
	return out
}

// excDisplayName is the exception's class as tracebacks show it.
func excDisplayName(e *BaseException) string {
	name := e.typ.Qualname()
	if m, ok := e.typ.Dict.GetStr("__module__").(*Str); ok && m.s != "builtins" && m.s != "__main__" {
		name = m.s + "." + name
	}
	return name
}

// excMessageParts is "Type: message" (with its suggestion if suggest is
// set) and the exception's notes.
func excMessageParts(t *Thread, e *BaseException, suggest bool) (string, []string) {
	name := excDisplayName(e)
	msg, err := StrString(t, e)
	if err != nil {
		msg = "<exception str() failed>"
	}
	head := name
	if msg != "" {
		head = name + ": " + msg
	}
	if suggest {
		if s := excSuggestion(t, e); s != "" {
			head += ". Did you mean: '" + s + "'?"
		}
	}
	var notes []string
	if l, ok := e.Notes().(*List); ok {
		for _, n := range l.snapshot() {
			s, _ := StrString(t, n)
			notes = append(notes, s)
		}
	}
	return head, notes
}

func formatSyntaxError(t *Thread, e *BaseException, name string) string {
	d := e.Dict()
	lineno, ok := d.GetStr("lineno").(Int)
	if !ok {
		// CPython cannot read the location either and prints the
		// exception the ordinary way.
		head, notes := excMessageParts(t, e, false)
		return head + "\n" + strings.Join(append(notes, ""), "\n")
	}
	var b strings.Builder
	file := "<string>"
	if fn, ok := d.GetStr("filename").(*Str); ok {
		file = fn.s
	}
	fmt.Fprintf(&b, "  File \"%s\", line %d\n", file, int64(lineno))
	if text, ok := d.GetStr("text").(*Str); ok {
		off, end := -1, -1
		if v, ok := d.GetStr("offset").(Int); ok {
			off = int(v)
		}
		if v, ok := d.GetStr("end_offset").(Int); ok {
			end = int(v)
		}
		if el, ok := d.GetStr("end_lineno").(Int); ok && el > lineno {
			end = len(text.s)
		}
		if end > len(text.s)+1 {
			end = len(text.s) + 1
		}
		writeErrorText(&b, text.s, off, end)
	}
	msg := ""
	if m := d.GetStr("msg"); m != nil {
		msg, _ = StrString(t, m)
	} else if e.Args() != nil && len(e.Args().items) > 0 {
		msg, _ = StrString(t, e.Args().items[0])
	}
	b.WriteString(name + ": " + msg + "\n")
	return b.String()
}

// writeErrorText prints a SyntaxError's source line and its caret line the
// way CPython 3.11's print_error_text does. That function mixes units: the
// offsets count code points, but it clips them against the UTF-8 length
// of the text and skips embedded lines by bytes. The mix is kept so that
// the display matches CPython's exactly; for text on a single line whose
// offsets are in range it places the caret by code point.
func writeErrorText(b *strings.Builder, text string, off, end int) {
	carets := 1
	if end > 0 && end > off {
		carets = end - off
	}
	off-- // 1-based to 0-based
	for len(text) > 0 && (text[0] == ' ' || text[0] == '\t' || text[0] == '\f') {
		text = text[1:]
		off--
	}
	n := len(text)
	if n > 0 && text[n-1] == '\n' {
		n--
	}
	if off > n {
		off = n
	}
	for {
		nl := strings.IndexByte(text, '\n')
		if nl < 0 || nl >= off {
			break
		}
		text = text[nl+1:]
		n -= nl + 1
		off -= nl + 1
	}
	b.WriteString("    " + text)
	if n >= len(text) || text[n] != '\n' {
		b.WriteByte('\n')
	}
	if off < 0 {
		return
	}
	b.WriteString("    " + strings.Repeat(" ", off) + strings.Repeat("^", carets) + "\n")
}

func formatTraceback(b *strings.Builder, tb *Traceback) {
	var lastKey string
	repeat := 0
	flush := func() {
		if repeat > 3 {
			fmt.Fprintf(b, "  [Previous line repeated %d more time%s]\n", repeat-3, plural(repeat-3))
		}
	}
	for ; tb != nil; tb = tb.Next {
		code := tb.Frame.code
		key := fmt.Sprintf("%s:%d:%s", code.Filename, tb.Lineno, code.Name)
		if key == lastKey {
			repeat++
			if repeat > 3 {
				continue
			}
		} else {
			flush()
			lastKey = key
			repeat = 1
		}
		fmt.Fprintf(b, "  File \"%s\", line %d, in %s\n", code.Filename, tb.Lineno, code.Name)
		if line := sourceLine(code.Filename, tb.Lineno); line != "" {
			fmt.Fprintf(b, "    %s\n", line)
			if carets := tracebackCarets(code, tb.Lasti, tb.Lineno); carets != "" {
				b.WriteString(carets)
				b.WriteByte('\n')
			}
		}
	}
	flush()
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func cmplxPow(a, b complex128) complex128 { return cmplx.Pow(a, b) }
