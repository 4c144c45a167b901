package py

import (
	"sync"
)

// The _lsprof module: cProfile's profiler, in Go. It is a Go profile hook
// (Thread.setProfile with a profileFunc): no Python call per event. The
// bookkeeping follows CPython's _lsprof: an entry per code object or
// built-in (keyed by its method descriptor, so that all bound copies of
// list.append count as one), a stack of contexts for the calls in
// progress, and per caller the sub-entries of its callees.

var (
	ProfilerType      = newBuiltinType("Profiler", ObjectType)
	profilerEntry     = NewStructSeqType("profiler_entry", "_lsprof", []string{"code", "callcount", "reccallcount", "totaltime", "inlinetime", "calls"})
	profilerSubentry  = NewStructSeqType("profiler_subentry", "_lsprof", []string{"code", "callcount", "reccallcount", "totaltime", "inlinetime"})
	profilerFlagNames = []string{"subcalls", "builtins"}
)

// Profiler is an _lsprof.Profiler.
type Profiler struct {
	mu       sync.Mutex
	timer    Object  // the timer function; nil: the monotonic clock
	timeUnit float64 // seconds per unit of the timer's results (0: seconds)
	subcalls bool
	builtins bool
	entries  map[any]*profEntry
	order    []*profEntry // entries in creation order (getstats)
	current  *profContext
}

// profEntry is the statistics of one function.
type profEntry struct {
	userObj   Object // the code object, or the built-in's label
	tt, it    float64
	callCount int
	recCount  int
	recLevel  int
	calls     map[*profEntry]*profSubEntry
	callOrder []*profEntry
}

// profSubEntry is the statistics of the calls from one function to another.
type profSubEntry struct {
	tt, it    float64
	callCount int
	recCount  int
	recLevel  int
}

// profContext is a call in progress.
type profContext struct {
	t0, subt float64
	entry    *profEntry
	previous *profContext
}

func (*Profiler) Type() *Type { return ProfilerType }

func profilerOf(o Object) (*Profiler, error) {
	if p, ok := unwrap(o).(*Profiler); ok {
		return p, nil
	}
	return nil, TypeErrorf("descriptor requires a '_lsprof.Profiler' object but received a '%s'", typeName(o))
}

// now reads the profiler's clock, in seconds.
func (p *Profiler) now(t *Thread) float64 {
	if p.timer == nil {
		return float64(monotonicNs()) / 1e9
	}
	v, err := Call(t, p.timer, nil, nil)
	if err != nil {
		reportUnraisableMsg(t, err, "Exception ignored in profiler timer: ", p.timer)
		return 0
	}
	var x float64
	switch n := unwrap(v).(type) {
	case Float:
		x = float64(n)
	case Int:
		x = float64(n)
	default:
		f, err := mathFloat(t, v)
		if err != nil {
			return 0
		}
		x = f
	}
	if p.timeUnit > 0 {
		x *= p.timeUnit
	}
	return x
}

// builtinLabel is how cProfile names a built-in: "<built-in method
// builtins.len>", "<method 'append' of 'list' objects>".
func builtinLabel(b *Builtin) string {
	if b.descr != nil {
		owner := b.descr.Owner
		name := owner.Name()
		if m, ok := owner.Dict.GetStr("__module__").(*Str); ok && m.s != "builtins" {
			// C's tp_name, as CPython's repr of the descriptor shows it
			name = m.s + "." + name
		}
		return "<method '" + b.descr.Name + "' of '" + name + "' objects>"
	}
	if m, ok := b.Self.(*Module); ok {
		return "<built-in method " + m.Name() + "." + b.Name + ">"
	}
	if b.Self == nil {
		return "<" + b.Name + ">"
	}
	return "<built-in method " + b.Name + ">"
}

func (p *Profiler) entry(key any, user func() Object) *profEntry {
	e := p.entries[key]
	if e == nil {
		e = &profEntry{userObj: user()}
		p.entries[key] = e
		p.order = append(p.order, e)
	}
	return e
}

func (e *profEntry) sub(callee *profEntry) *profSubEntry {
	s := e.calls[callee]
	if s == nil {
		if e.calls == nil {
			e.calls = map[*profEntry]*profSubEntry{}
		}
		s = &profSubEntry{}
		e.calls[callee] = s
		e.callOrder = append(e.callOrder, callee)
	}
	return s
}

func (p *Profiler) enter(t *Thread, e *profEntry) {
	ctx := &profContext{entry: e, previous: p.current}
	p.current = ctx
	e.recLevel++
	if p.subcalls && ctx.previous != nil {
		ctx.previous.entry.sub(e).recLevel++
	}
	ctx.t0 = p.now(t)
}

// stop ends the call of ctx, of entry e.
func (p *Profiler) stop(t *Thread, ctx *profContext, e *profEntry) {
	tt := p.now(t) - ctx.t0
	it := tt - ctx.subt
	if ctx.previous != nil {
		ctx.previous.subt += tt
	}
	p.current = ctx.previous
	if e.recLevel--; e.recLevel == 0 {
		e.tt += tt
	} else {
		e.recCount++
	}
	e.it += it
	e.callCount++
	if p.subcalls && ctx.previous != nil {
		s := ctx.previous.entry.sub(e)
		if s.recLevel--; s.recLevel == 0 {
			s.tt += tt
		} else {
			s.recCount++
		}
		s.it += it
		s.callCount++
	}
}

func (p *Profiler) leave(t *Thread, key any) {
	ctx := p.current
	if ctx == nil {
		return
	}
	if e := p.entries[key]; e != nil {
		p.stop(t, ctx, e)
	} else {
		p.current = ctx.previous
	}
}

// event is the profile hook.
func (p *Profiler) event(t *Thread, f *Frame, event int, arg Object) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch event {
	case evCall:
		code := f.code
		p.enter(t, p.entry(code, func() Object { return code }))
	case evReturn:
		p.leave(t, f.code)
	case evCCall, evCReturn, evCException:
		b, ok := arg.(*Builtin)
		if !ok || !p.builtins {
			return nil
		}
		var key any = b
		if b.descr != nil {
			key = b.descr
		}
		if event == evCCall {
			p.enter(t, p.entry(key, func() Object { return NewStr(builtinLabel(b)) }))
		} else {
			p.leave(t, key)
		}
	}
	return nil
}

// flush stops the calls still in progress (disable).
func (p *Profiler) flush(t *Thread) {
	for ctx := p.current; ctx != nil; ctx = p.current {
		p.stop(t, ctx, ctx.entry)
	}
}

func (p *Profiler) stats() Object {
	var out []Object
	for _, e := range p.order {
		var calls Object = None
		if len(e.callOrder) > 0 {
			subs := make([]Object, 0, len(e.callOrder))
			for _, callee := range e.callOrder {
				s := e.calls[callee]
				subs = append(subs, profilerSubentry.Make(callee.userObj, Int(s.callCount), Int(s.recCount), Float(s.tt), Float(s.it)))
			}
			calls = NewList(subs...)
		}
		out = append(out, profilerEntry.Make(e.userObj, Int(e.callCount), Int(e.recCount), Float(e.tt), Float(e.it), calls))
	}
	return NewList(out...)
}

// profilerFlags parses the subcalls and builtins arguments of __init__
// and enable, keeping the current values for those not given.
func profilerFlags(t *Thread, fname string, args []Object, kw []string, extra int, sub, blt *bool, rest ...*Object) error {
	var s, b Object
	dst := append(append([]*Object{}, rest...), &s, &b)
	names := []string{"timer", "timeunit"}[:extra]
	names = append(names, profilerFlagNames...)
	if err := ParseArgs(fname, args, kw, names, 0, dst...); err != nil {
		return err
	}
	for i, o := range []Object{s, b} {
		if o == nil {
			continue
		}
		v, err := IsTrue(t, o)
		if err != nil {
			return err
		}
		*[]*bool{sub, blt}[i] = v
	}
	return nil
}

func init() {
	pt := ProfilerType
	pt.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		p := &Profiler{subcalls: true, builtins: true, entries: map[any]*profEntry{}}
		if typ == ProfilerType {
			return p, nil
		}
		return newSubclassInstance(typ, p), nil
	}
	pt.Init = func(t *Thread, self Object, args []Object, kw []string) error {
		p, err := profilerOf(self)
		if err != nil {
			return err
		}
		var timer, unit Object
		if err := profilerFlags(t, "Profiler", args, kw, 2, &p.subcalls, &p.builtins, &timer, &unit); err != nil {
			return err
		}
		if timer != nil && timer != None {
			p.timer = timer
		}
		if unit != nil {
			u, err := mathFloat(t, unit)
			if err != nil {
				return err
			}
			p.timeUnit = u
		}
		return nil
	}
	// method adds a method that runs with the profiler locked
	method := func(name string, fn func(t *Thread, self Object, p *Profiler, args []Object, kw []string) (Object, error)) {
		pt.AddMethod(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			p, err := profilerOf(self)
			if err != nil {
				return nil, err
			}
			p.mu.Lock()
			defer p.mu.Unlock()
			return fn(t, self, p, args, kw)
		})
	}
	method("enable", func(t *Thread, self Object, p *Profiler, args []Object, kw []string) (Object, error) {
		if err := profilerFlags(t, "enable", args, kw, 0, &p.subcalls, &p.builtins); err != nil {
			return nil, err
		}
		t.setProfile(self, p.event)
		return None, nil
	})
	method("disable", func(t *Thread, self Object, p *Profiler, args []Object, kw []string) (Object, error) {
		if h := t.tstate; h != nil && h.profObj == self {
			t.setProfile(None, nil)
		}
		p.flush(t)
		return None, nil
	})
	method("clear", func(t *Thread, self Object, p *Profiler, args []Object, kw []string) (Object, error) {
		p.entries, p.order, p.current = map[any]*profEntry{}, nil, nil
		return None, nil
	})
	method("getstats", func(t *Thread, self Object, p *Profiler, args []Object, kw []string) (Object, error) {
		return p.stats(), nil
	})
	registerType(pt)
	RegisterNativeModule("_lsprof", func(t *Thread) (*Module, error) {
		m := NewModule("_lsprof")
		pt.Dict.SetStr("__module__", Intern("_lsprof"))
		m.Dict().SetStr("Profiler", pt)
		m.Dict().SetStr("profiler_entry", profilerEntry.Type)
		m.Dict().SetStr("profiler_subentry", profilerSubentry.Type)
		return m, nil
	})
}
