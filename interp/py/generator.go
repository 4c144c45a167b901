package py

import (
	"runtime"
	"sync/atomic"

	c "freepy/interp/compile"
)

// Generator is a generator, coroutine or async generator object.
type Generator struct {
	// frame is the generator's frame while it can still run; once the
	// generator has finished it may be finishedFrame (the frame went back
	// to the frame pool, see recycle). Read and written by the thread
	// that holds running, except where noted.
	frame *Frame
	code  *Code
	fn    *Function
	// frameState says whether the frame may go back to the pool when
	// the generator finishes (genFramePrivate) or gi_frame gave it out.
	frameState atomic.Int32
	// running is genRunning while a thread runs the generator and
	// genPeeked while an attribute reader looks at its frame (peek).
	running atomic.Int32
	started bool
	exc     *BaseException // the generator's own handled exception
	// prevExc is the resumer's handled exception while the generator
	// runs (nil when there is none), restored when it yields, returns or
	// raises; an except block entered while the generator has no handled
	// exception of its own saves resumersExc and gets it back on leaving.
	prevExc *BaseException
	// own is set while the generator's frame is inside an except block
	// it entered with no handled exception of its own (PUSH_EXC_INFO
	// saved resumersExc): its handled exception is then its own, to keep
	// when it yields, even when it is the same object the resumer handles.
	own  bool
	kind int                           // genPlain, genCoroutine, genAsync
	ag   atomic.Pointer[asyncGenState] // async generators only (asyncgen.go)
	// info is the function's names when it made the generator (see
	// names); one pointer to copy, as funcInfo is never written.
	info *funcInfo
	// origin is a coroutine's cr_origin (nil: None)
	origin Object
	// renamed holds __name__ and __qualname__ once Python code has set
	// them (readers on other threads see the old or the new pair)
	renamed atomic.Pointer[[2]string]
}

// names is the generator's __name__ and __qualname__.
func (g *Generator) names() (name, qualname string) {
	if r := g.renamed.Load(); r != nil {
		return r[0], r[1]
	}
	return g.info.name, g.info.qualname
}

// rename sets __name__ (which 0) or __qualname__ (which 1).
func (g *Generator) rename(which int, v Object) error {
	s, ok := v.(*Str)
	if !ok {
		return TypeErrorf("%s must be set to a string object", [2]string{"__name__", "__qualname__"}[which])
	}
	for {
		old := g.renamed.Load()
		var pair [2]string
		pair[0], pair[1] = g.names()
		pair[which] = s.s
		if g.renamed.CompareAndSwap(old, &pair) {
			return nil
		}
	}
}

// coroOrigin is cr_origin: (filename, line, function name) of the
// frames from f (the coroutine's creator) outwards, at most depth.
func coroOrigin(f *Frame, depth int) Object {
	var items []Object
	for ; f != nil && len(items) < depth; f = f.back {
		items = append(items, NewTuple(NewStr(f.code.Filename), Int(frameLineno(f)), NewStr(f.code.Name)))
	}
	return NewTuple(items...)
}

// Values of Generator.running.
const (
	genIdle    = iota // not running: created, suspended or finished
	genRunning        // a thread runs the generator
	genPeeked         // an attribute reader looks at the frame (peek)
)

// acquire takes the generator for running; false means a thread runs it
// already. A reader's peek is waited out: it reads a few fields.
func (g *Generator) acquire() bool {
	for !g.running.CompareAndSwap(genIdle, genRunning) {
		switch g.running.Load() {
		case genRunning:
			return false
		case genPeeked:
			runtime.Gosched()
		}
	}
	return true
}

// peek calls read with the generator held against resumption, for the
// attributes that read its frame from any thread (gi_frame,
// gi_suspended, gi_yieldfrom and their cr_, ag_ kin): the thread running
// a generator writes its frame's fields (pc, sp, the stack, finished)
// without a lock, so they are read only while no thread can run it. A
// resume that meets the peek waits for it (acquire) instead of raising
// "already executing". It returns false, without calling read, when the
// generator is running (on this thread or another).
func (g *Generator) peek(read func()) bool {
	for !g.running.CompareAndSwap(genIdle, genPeeked) {
		if g.running.Load() == genRunning {
			return false
		}
		runtime.Gosched()
	}
	read()
	g.running.Store(genIdle)
	return true
}

// isSuspended reports whether the generator is paused at a yield (3.11's
// gi_suspended / cr_suspended).
func (g *Generator) isSuspended() bool {
	s := false
	g.peek(func() {
		s = g.frameState.Load() != genFrameFreed && g.started && !g.frame.finished
	})
	return s
}

// coIterableCoroutine is CO_ITERABLE_COROUTINE.
const coIterableCoroutine = 0x100

const (
	genPlain = iota
	genCoroutine
	genAsync
)

// Type returns generator, coroutine or async_generator.
func (g *Generator) Type() *Type {
	switch g.kind {
	case genCoroutine:
		return CoroutineType
	case genAsync:
		return AsyncGeneratorType
	}
	return GeneratorType
}

// Values of Generator.frameState.
const (
	genFramePrivate = iota // only the generator refers to its frame
	genFrameShown          // gi_frame gave the frame out: it is never reused
	genFrameFreed          // the generator finished; its frame was reused
)

// finishedFrame stands for the frame of a finished generator whose own
// frame was reused: it reads as finished. Nothing writes to it.
var finishedFrame = &Frame{finished: true}

// recycle gives the frame of a generator that has just finished (f is
// finished and the calling thread holds running) back to t's frame
// pool, as run gives back the frame of a function call: a generator
// expression made per iteration of a loop then allocates no frame. Not
// when something may still refer to the frame: a traceback, a frame
// object (escaped), gi_frame (frameState).
func (g *Generator) recycle(t *Thread, f *Frame) {
	if genNeedsClose(f.code) && g.kind != genAsync {
		// finished: nothing left to close (finalize.go)
		runtime.SetFinalizer(g, nil)
	}
	if f.escaped || !g.frameState.CompareAndSwap(genFramePrivate, genFrameFreed) {
		return
	}
	storePtr(&g.frame, finishedFrame) // gi_frame may read it (LoadPtr)
	f.gen = nil
	t.releaseFrame(f)
}

// genInlineSlots is how many fast locals and stack slots a generator's
// frame holds inside the generator's own allocation (a generator
// expression needs four to six).
const genInlineSlots = 8

// genBlock is a generator with its frame and, when they fit, the frame's
// slots: one allocation instead of three for each generator made (a
// generator expression inside a loop makes one per iteration). The
// frame never goes to the frame pool (releaseFrame skips frames with a
// generator), so its slots may live here.
type genBlock struct {
	g   Generator
	f   Frame
	mem [genInlineSlots]Object
}

// newGenFrame makes a generator and its frame for code: a frame from the
// pool when there is one (finished generators return theirs), otherwise
// one allocation for both. initGenerator completes the generator. A
// generator that will get a finalizer (genNeedsClose) always gets the
// one allocation: its frame points back to it, and Go finalizes an
// object that refers to itself but never one in a cycle through another
// allocation.
func (t *Thread) newGenFrame(code *Code, globals, builtins *Dict) *Generator {
	if len(t.framePool) > 0 && !genNeedsClose(code) {
		f := t.newFrame(code, globals, builtins, nil)
		// the generator may be dropped unfinished, never releasing f
		t.forgetFrame(f)
		return &Generator{frame: f}
	}
	b := &genBlock{}
	f := &b.f
	f.code, f.globals, f.builtins = code, globals, builtins
	n := code.nlocals
	if need := n + code.StackSize + 1; need <= genInlineSlots {
		f.mem = b.mem[:need:need]
	} else {
		f.mem = make([]Object, need)
	}
	f.fast = f.mem[:n:n]
	f.stack = f.mem[n:]
	if code.BlockSize > 0 {
		f.blocks = make([]block, 0, code.BlockSize)
	}
	b.g.frame = f
	return &b.g
}

// initGenerator sets the generator's kind and names once its frame is
// ready to run.
func initGenerator(g *Generator, fn *Function) {
	fr := g.frame
	g.code, g.fn, g.info = fr.code, fn, fn.loadInfo()
	flags := fr.code.Flags
	switch {
	case flags&c.FlagCoroutine != 0:
		g.kind = genCoroutine
	case flags&c.FlagAsyncGenerator != 0:
		g.kind = genAsync
	}
	fr.gen = g
	if genNeedsClose(fr.code) && g.kind != genAsync {
		registerGenClose(g)
	}
}

// genNeedsClose says whether closing a suspended generator of code can
// run Python code (a finally or with block): only then is an abandoned
// one closed when the collector finds it (finalize.go).
func genNeedsClose(code *Code) bool { return code.BlockSize > 0 }

func (g *Generator) kindName() string {
	switch g.kind {
	case genCoroutine:
		return "coroutine"
	case genAsync:
		return "async generator"
	}
	return "generator"
}

// resume runs the generator with v sent in (or exc thrown in). It returns
// the yielded value, or done=true with the return value.
func (g *Generator) resume(t *Thread, v Object, exc error) (r Object, done bool, err error) {
	return g.run(t, true, v, exc)
}

// run continues the frame; push says whether v is pushed as the value of
// the yield expression the generator is suspended at.
func (g *Generator) run(t *Thread, push bool, v Object, exc error) (r Object, done bool, err error) {
	if !g.acquire() {
		return nil, false, ValueErrorf("%s already executing", g.kindName())
	}
	f := g.frame
	if f.finished {
		g.running.Store(genIdle)
		if exc != nil {
			return nil, false, exc
		}
		if g.kind == genCoroutine {
			return nil, false, NewError(RuntimeErrorType, "cannot reuse already awaited coroutine")
		}
		return nil, true, nil
	}
	if !g.started {
		if exc == nil && v != None && v != nil {
			g.running.Store(genIdle)
			return nil, false, TypeErrorf("can't send non-None value to a just-started %s", g.kindName())
		}
	}
	if t.depth >= t.interp.recursionLimit() {
		// before anything changes: the generator can be resumed later
		g.running.Store(genIdle)
		return nil, false, NewError(RecursionErrorType, "maximum recursion depth exceeded")
	}
	if !g.started {
		g.started = true
	} else if exc == nil && push {
		f.sendIn(t, v)
	}
	if exc != nil {
		f.pending = exc
	}
	t.depth++
	f.back = t.frame
	f.inlined = false
	t.frame = f
	prevExc := t.excInfo
	if prevExc != nil {
		g.prevExc = prevExc
	}
	if g.exc != nil {
		t.excInfo = g.exc
	}
	r, err = t.eval(f)
	return g.suspended(t, f, prevExc, r, err)
}

// next is run(t, true, None, nil), the resumption of a plain generator
// by next() and by the built-ins that consume an iterator (sum(), list(),
// str.join, ...), with run's rare cases (another thread running it, a
// pending throw, a legacy lock held, the recursion limit) left to run
// itself: one Go call into the frame's loop per item, no deferred call.
func (g *Generator) next(t *Thread) (r Object, done bool, err error) {
	f, prevExc, ok := g.enterNext(t)
	if !ok {
		return g.run(t, true, None, nil)
	}
	r, err = t.executeSafe(f)
	if err != nil {
		r, err = t.evalRaised(f, err)
	}
	return g.suspended(t, f, prevExc, r, err)
}

// enterNext does what run does before eval for next and iterate, or
// returns ok false, having changed nothing, where run must decide.
// Else the caller runs the frame f and passes prevExc to suspended.
func (g *Generator) enterNext(t *Thread) (f *Frame, prevExc *BaseException, ok bool) {
	if g.kind != genPlain || t.LegacyHeld != 0 || t.depth >= t.interp.recursionLimit() ||
		!g.running.CompareAndSwap(genIdle, genRunning) {
		return nil, nil, false
	}
	f = g.frame
	if f.finished || f.pending != nil {
		g.running.Store(genIdle)
		return nil, nil, false
	}
	if g.started {
		f.sendIn(t, None)
	} else {
		g.started = true
	}
	t.depth++
	f.back = t.frame
	f.inlined = false
	t.frame = f
	prevExc = t.excInfo
	if prevExc != nil {
		g.prevExc = prevExc
	}
	if g.exc != nil {
		t.excInfo = g.exc
	}
	return f, prevExc, true
}

// iterate is Iterate over a plain generator: next for each item until
// it is exhausted, raises, or fn stops. One deferred recover serves the
// whole loop (next's executeSafe sets one up per item): a Go panic in
// the generator's frame ends this call, is handled as executeSafe and
// next would handle it (the generator may catch the exception and go
// on), and the loop continues in a new call.
func (g *Generator) iterate(t *Thread, fn func(Object) (bool, error)) error {
	for {
		r, done, err, recovered := g.iterateSome(t, fn)
		if !recovered || err != nil || done {
			return err
		}
		if cont, err := fn(r); err != nil || !cont {
			return err
		}
	}
}

// iterateSome is iterate's loop under one deferred recover. recovered
// says that the generator's frame panicked: r, done and err are then the
// outcome of that resumption, not yet given to fn.
func (g *Generator) iterateSome(t *Thread, fn func(Object) (bool, error)) (r Object, done bool, err error, recovered bool) {
	var f *Frame
	var prevExc *BaseException
	inFrame := false // executing f: a panic now is the generator's
	defer func() {
		if !inFrame {
			return // normal return, or a panic in fn: it goes on up
		}
		p := recover()
		if p == nil {
			return // runtime.Goexit
		}
		err = t.panicError(f, p)
		r, err = t.evalRaised(f, err)
		r, done, err = g.suspended(t, f, prevExc, r, err)
		recovered = true
	}()
	for {
		var ok bool
		if f, prevExc, ok = g.enterNext(t); !ok {
			r, done, err = g.run(t, true, None, nil)
		} else {
			inFrame = true
			r, err = t.execute(f)
			inFrame = false
			if err != nil {
				r, err = t.evalRaised(f, err)
			}
			r, done, err = g.suspended(t, f, prevExc, r, err)
		}
		if err != nil || done {
			return r, done, err, false
		}
		var cont bool
		if cont, err = fn(r); err != nil || !cont {
			return nil, false, err, false
		}
	}
}

// suspended is the end of run and next: the frame f yielded r, returned
// r or raised err; it restores the resumer's thread state and marks the
// generator not running.
func (g *Generator) suspended(t *Thread, f *Frame, prevExc *BaseException, r Object, err error) (Object, bool, error) {
	if g.own {
		g.exc = t.excInfo
		t.excInfo = prevExc
	} else if g.exc != nil {
		g.exc = nil
	}
	if prevExc != nil {
		g.prevExc = nil
	}
	t.frame = f.back
	f.back = nil
	t.depth--
	if err != nil {
		f.finished = true
		g.recycle(t, f)
		g.running.Store(genIdle)
		if e, ok := err.(*BaseException); ok {
			if e.typ.IsSubtype(StopIterationType) && g.kind != genAsync {
				re := Errorf(RuntimeErrorType, "%s raised StopIteration", g.kindName())
				re.SetCauseFrom(e)
				re.SetContext(e)
				return nil, false, re
			}
			if g.kind == genAsync && e.typ.IsSubtype(StopAsyncIterationType) {
				re := NewError(RuntimeErrorType, "async generator raised StopAsyncIteration")
				re.SetCauseFrom(e)
				re.SetContext(e)
				return nil, false, re
			}
		}
		return nil, false, err
	}
	if f.yielded {
		g.running.Store(genIdle)
		return r, false, nil
	}
	f.finished = true
	g.recycle(t, f)
	g.running.Store(genIdle)
	return r, true, nil
}

// enterInline prepares the generator to run inside the caller's loop
// (FOR_ITER and SEND switch to its frame without a Go call, as CALL does
// for functions): it does what run does before eval, pushing v (when
// push) as the value of the suspended yield. It returns false, having
// changed nothing, where run must decide: the generator is running in
// another thread, finished, or not started and v is not None. The
// caller checks canInline first.
func (g *Generator) enterInline(t *Thread, caller *Frame, push bool, v Object) bool {
	if !g.running.CompareAndSwap(genIdle, genRunning) {
		return false
	}
	f := g.frame
	if f.finished || f.pending != nil {
		g.running.Store(genIdle)
		return false
	}
	if !g.started {
		if v != None && v != nil {
			g.running.Store(genIdle)
			return false
		}
		g.started = true
	} else if push {
		f.sendIn(t, v)
	}
	t.depth++
	f.back = caller
	f.inlined = true
	t.frame = f
	// stores only where something changes: most resumptions happen
	// outside any except block, and a pointer store costs a write
	// barrier check
	if e := t.excInfo; e != nil {
		g.prevExc = e
	}
	if g.exc != nil {
		t.excInfo = g.exc
	}
	return true
}

// resumersExc stands, in the slot where PUSH_EXC_INFO saves the handled
// exception, for "whatever the generator's resumer is handling then": a
// generator suspended inside an except block can be resumed by a frame
// handling something else, or nothing (CPython keeps a per-generator
// exception state and walks the chain instead).
var resumersExc = &BaseException{}

// raiseOut is what an exception leaving the generator becomes in its
// resumer: StopIteration raised inside a generator or coroutine turns
// into RuntimeError (PEP 479), as in run.
func (g *Generator) raiseOut(e *BaseException) *BaseException {
	if e.typ.IsSubtype(StopIterationType) && g.kind != genAsync {
		re := Errorf(RuntimeErrorType, "%s raised StopIteration", g.kindName())
		re.SetCauseFrom(e)
		re.SetContext(e)
		return re
	}
	return e
}

// How a generator resumed inline leaves its frame (leaveInline).
const (
	leaveYield  = iota // it yielded v
	leaveReturn        // it returned v
	leaveRaise         // it raised: the exception unwinds in the resumer
)

// leaveInline undoes enterInline when the generator yields, returns or
// raises, and returns the frame that resumed it. When it yielded or
// returned v, the resumer's instruction (its FOR_ITER, possibly fused
// with the STORE_FAST after it, its SEND, or the CALL_METHOD of
// gen.send(v): the instruction before caller.pc) is completed here with
// v, so that execute goes on at the next one: one Go call per switch
// back. The error is the StopIteration that gen.send raises when the
// generator returns; execute raises it in the caller.
func (g *Generator) leaveInline(t *Thread, v Object, how int) (*Frame, error) {
	f := g.frame
	// as in enterInline, stores only where something changes
	// (g.prevExc is nil unless the resumer had a handled exception)
	prev := g.prevExc
	if g.own {
		g.exc = t.excInfo
		t.excInfo = prev
	} else if g.exc != nil {
		g.exc = nil
	}
	if prev != nil {
		g.prevExc = nil
	}
	caller := f.back
	t.frame = caller
	f.back = nil
	f.inlined = false
	t.depth--
	if f.finished {
		g.recycle(t, f)
	}
	g.running.Store(genIdle)
	if how == leaveRaise {
		return caller, nil
	}
	done := how == leaveReturn
	at := caller.code.quick[caller.pc-1]
	stack := caller.stack
	switch op := c.Opcode(at & 0xff); op {
	case c.FOR_ITER, qForIterStore:
		if done {
			// the loop ends: pop the generator, jump past the loop
			caller.sp--
			stack[caller.sp] = nil
			caller.pc = int(at >> 8)
			return caller, nil
		}
		if op == qForIterStore {
			// the STORE_FAST after it takes v here: one dispatch less
			// per item of `for x in gen`
			caller.fast[caller.code.quick[caller.pc]>>8] = v
			caller.pc++
			return caller, nil
		}
		stack[caller.sp] = v
		caller.sp++
		return caller, nil
	case c.CALL_METHOD:
		// gen.send(x): [.., send, gen, x] -> [.., yielded], or a
		// StopIteration with the returned value
		sp := caller.sp - 2
		stack[sp], stack[sp+1] = nil, nil
		if done {
			sp--
			stack[sp] = nil
			caller.sp = sp
			return caller, stopIteration(v)
		}
		stack[sp-1] = v
		caller.sp = sp
		return caller, nil
	}
	// SEND: [.., sub, sent] -> [.., sub, yielded], or [.., returned]
	// and a jump to SEND's target
	if done {
		caller.sp--
		stack[caller.sp] = nil
		caller.pc = int(at >> 8)
	}
	stack[caller.sp-1] = v
	return caller, nil
}

// sendIn makes v the value of the yield expression the suspended frame f
// stopped at: v is pushed for the instruction after the YIELD_VALUE, or,
// when that instruction is one that would only consume v, it runs here:
// the POP_TOP of `yield x` (a statement), the STORE_FAST of `v = yield x`,
// the JUMP back to the SEND of `yield from` and `await`. Each is one
// dispatch of the loop less per item a generator produces. Not while a
// hook traces the thread: its events are per instruction run (trace.go).
func (f *Frame) sendIn(t *Thread, v Object) {
	if t.hooks == nil {
		switch in := f.code.Instrs[f.pc]; in.Op() {
		case c.POP_TOP:
			f.pc++
			return
		case c.STORE_FAST:
			f.fast[in.Arg()] = v
			f.pc++
			return
		case c.JUMP:
			// the loop of `yield from` (to its SEND): a backward jump
			// that, like CPython's JUMP_BACKWARD_NO_INTERRUPT, checks
			// for nothing
			f.pc = in.Arg()
		}
	}
	f.stack[f.sp] = v
	f.sp++
}

// yieldFromIter returns the sub-iterator a suspended generator delegates
// to (it is suspended at YIELD_VALUE 1), or nil.
func (g *Generator) yieldFromIter() Object {
	var sub Object
	g.peek(func() {
		f := g.frame
		if f.finished || !g.started || f.pc == 0 {
			return
		}
		prev := f.code.Instrs[f.pc-1]
		if prev.Op() == c.YIELD_VALUE && prev.Arg() == 1 && f.sp > 0 {
			sub = f.stack[f.sp-1]
		}
	})
	return sub
}

// Send is gen.send(v): the next yielded value, or StopIteration.
func (g *Generator) Send(t *Thread, v Object) (Object, error) {
	r, done, err := g.resume(t, v, nil)
	if err != nil {
		return nil, err
	}
	if done {
		return nil, stopIteration(r)
	}
	return r, nil
}

func stopIteration(v Object) error {
	e := NewException(StopIterationType)
	if v != nil && v != None {
		e.args = NewTuple(v) // not published yet
	}
	return e
}

// Throw is gen.throw(exc).
func (g *Generator) Throw(t *Thread, exc error) (Object, error) {
	if sub := g.yieldFromIter(); sub != nil {
		isExit := IsInstanceOf(exc, GeneratorExitType)
		var r Object
		var err error
		var handled bool
		if isExit {
			err = closeIter(t, sub)
			handled = false
		} else if sg, ok := sub.(*Generator); ok {
			r, err = sg.Throw(t, exc)
			handled = true
		} else if th, _ := GetAttrOpt(t, sub, Intern("throw")); th != nil {
			e := exc.(*BaseException)
			r, err = Call(t, th, []Object{e.typ, e, tracebackOrNone(e)}, nil)
			handled = true
		}
		if handled {
			if err == nil {
				return r, nil // the sub-iterator yielded again
			}
			if IsInstanceOf(err, StopIterationType) {
				// The delegation finished: continue after the SEND loop as
				// SEND's "returned" branch would, with [.., val] on the stack.
				val := stopIterationValue(err.(*BaseException))
				f := g.frame
				jump := f.code.Instrs[f.pc] // JUMP back to the SEND
				send := f.code.Instrs[jump.Arg()]
				f.stack[f.sp-1] = val
				f.pc = send.Arg()
				r, done, err := g.run(t, false, nil, nil)
				if err != nil {
					return nil, err
				}
				if done {
					return nil, stopIteration(r)
				}
				return r, nil
			}
			exc = err
		} else if err != nil {
			exc = err
		}
	}
	r, done, err := g.resume(t, nil, exc)
	if err != nil {
		return nil, err
	}
	if done {
		return nil, stopIteration(r)
	}
	return r, nil
}

func tracebackOrNone(e *BaseException) Object {
	if tb := e.Traceback(); tb != nil {
		return tb
	}
	return None
}

func stopIterationValue(e *BaseException) Object {
	if e.Args() != nil && len(e.Args().items) > 0 {
		return e.Args().items[0]
	}
	return None
}

// closeIter calls it.close() if it has one.
func closeIter(t *Thread, it Object) error {
	if g, ok := it.(*Generator); ok {
		return g.Close(t)
	}
	m, err := GetAttrOpt(t, it, Intern("close"))
	if err != nil || m == nil {
		return err
	}
	_, err = Call0(t, m)
	return err
}

// Close is gen.close().
func (g *Generator) Close(t *Thread) error {
	// the frame is read (and marked) only by the thread that holds the
	// generator, as in run
	if !g.acquire() {
		return ValueErrorf("%s already executing", g.kindName())
	}
	if f := g.frame; f.finished || !g.started {
		// finishedFrame is shared: only a frame of this generator's own
		// is marked
		if !f.finished {
			f.finished = true
		}
		g.running.Store(genIdle)
		return nil
	}
	g.running.Store(genIdle)
	_, err := g.Throw(t, NewException(GeneratorExitType))
	if err == nil {
		return Errorf(RuntimeErrorType, "%s ignored GeneratorExit", g.kindName())
	}
	if IsInstanceOf(err, GeneratorExitType) || IsInstanceOf(err, StopIterationType) {
		return nil
	}
	return err
}

// sendInto implements SEND: it sends v into sub.
func sendInto(t *Thread, sub, v Object) (r Object, done bool, err error) {
	if g, ok := sub.(*Generator); ok {
		return g.resume(t, v, nil)
	}
	if v == None {
		r, err = Next(t, sub)
		if err != nil {
			if IsInstanceOf(err, StopIterationType) {
				return stopIterationValue(err.(*BaseException)), true, nil
			}
			return nil, false, err
		}
		if r == nil {
			return None, true, nil
		}
		return r, false, nil
	}
	r, err = CallMethod(t, sub, "send", v)
	if err != nil {
		if IsInstanceOf(err, StopIterationType) {
			return stopIterationValue(err.(*BaseException)), true, nil
		}
		return nil, false, err
	}
	return r, false, nil
}

// getAwaitable implements GET_AWAITABLE.
func getAwaitable(t *Thread, o Object) (Object, error) {
	if g, ok := o.(*Generator); ok {
		// a generator-based coroutine (types.coroutine sets
		// CO_ITERABLE_COROUTINE on its code) is awaitable as it is
		if g.kind == genCoroutine || (g.kind == genPlain && g.code != nil && g.code.Flags&coIterableCoroutine != 0) {
			return g, nil
		}
	}
	aw, found, err := callSpecial(t, o, "__await__")
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, TypeErrorf("object %s can't be used in 'await' expression", typeName(o))
	}
	return aw, nil
}

// genSend is generator.send: execute resumes a plain generator inline
// when CALL_METHOD calls it with one argument (as SEND and FOR_ITER do),
// and leaveInline raises the StopIteration when the generator returns.
var genSend *MethodDescr

func genSendMethod(t *Thread, self Object, args []Object, kw []string) (Object, error) {
	if len(args) != 1 {
		return nil, TypeErrorf("send() takes exactly one argument (%d given)", len(args))
	}
	return self.(*Generator).Send(t, args[0])
}

// asyncGenWrapped marks a value yielded by an async generator.
type asyncGenWrapped struct{ v Object }

func (*asyncGenWrapped) Type() *Type { return ObjectType }

func init() {
	for _, gt := range []*Type{GeneratorType, CoroutineType, AsyncGeneratorType} {
		gt.Repr = func(t *Thread, o Object) (Object, error) {
			g := o.(*Generator)
			kind := g.kindName()
			if g.kind == genAsync {
				kind = "async_generator" // the type's name, unlike in messages
			}
			_, qualname := g.names()
			return NewStr("<" + kind + " object " + qualname + " at " + hexID(o) + ">"), nil
		}
		gt.AddMethod("send", genSendMethod)
		gt.AddMethod("throw", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if len(args) < 1 || len(args) > 3 {
				return nil, TypeErrorf("throw expected at least 1 argument, got %d", len(args))
			}
			exc, err := throwArgs(t, args)
			if err != nil {
				return nil, err
			}
			return self.(*Generator).Throw(t, exc)
		})
		gt.AddMethod("close", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			return None, self.(*Generator).Close(t)
		})
		if gt != AsyncGeneratorType {
			// CPython's finalizer, callable by name: it closes the
			// generator and reports a failure as unraisable
			gt.AddMethod("__del__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
				// a slot wrapper's messages
				if len(kw) > 0 {
					return nil, TypeErrorf("wrapper __del__() takes no keyword arguments")
				}
				if len(args) > 0 {
					return nil, TypeErrorf("expected 0 arguments, got %d", len(args))
				}
				if err := self.(*Generator).Close(t); err != nil {
					WriteUnraisable(t, err, "", self)
				}
				return None, nil
			})
		}
		for which, attr := range []string{"__name__", "__qualname__"} {
			which := which
			gt.AddGetSet(attr, func(t *Thread, o Object) (Object, error) {
				n, q := o.(*Generator).names()
				return NewStr([2]string{n, q}[which]), nil
			}, func(t *Thread, o, v Object) error {
				if v == nil {
					return TypeErrorf("%s must be set to a string object", attr)
				}
				return o.(*Generator).rename(which, v)
			})
		}
		// gi_, cr_ or ag_: each kind names its attributes its own way
		prefix := map[*Type]string{GeneratorType: "gi_", CoroutineType: "cr_", AsyncGeneratorType: "ag_"}[gt]
		if gt != AsyncGeneratorType { // asyncgen.go has ag_running and ag_code
			gt.AddGetSet(prefix+"running", func(t *Thread, o Object) (Object, error) {
				return Bool(o.(*Generator).running.Load() == genRunning), nil
			}, nil)
			gt.AddGetSet(prefix+"code", func(t *Thread, o Object) (Object, error) { return o.(*Generator).code, nil }, nil)
		}
		if gt != AsyncGeneratorType {
			gt.AddGetSet(prefix+"suspended", func(t *Thread, o Object) (Object, error) { return Bool(o.(*Generator).isSuspended()), nil }, nil)
		}
		if gt == GeneratorType || gt == CoroutineType {
			name := map[*Type]string{GeneratorType: "gi_yieldfrom", CoroutineType: "cr_await"}[gt]
			gt.AddGetSet(name, func(t *Thread, o Object) (Object, error) {
				if sub := o.(*Generator).yieldFromIter(); sub != nil {
					return sub, nil
				}
				return None, nil
			}, nil)
		}
		if gt == CoroutineType {
			gt.AddGetSet("cr_origin", func(t *Thread, o Object) (Object, error) {
				if g := o.(*Generator); g.origin != nil {
					return g.origin, nil
				}
				return None, nil
			}, nil)
		}
		gt.AddGetSet(prefix+"frame", func(t *Thread, o Object) (Object, error) {
			g := o.(*Generator)
			// once given out, the frame is never reused (recycle); a
			// generator that finished first has given its frame back
			// and reads as finished without g.frame being read
			for {
				switch g.frameState.Load() {
				case genFrameFreed:
					return None, nil
				case genFramePrivate:
					g.frameState.CompareAndSwap(genFramePrivate, genFrameShown)
					continue
				}
				break
			}
			// the frame is the generator's for good now; whether it
			// finished is its running thread's to say (peek)
			var fr Object = None
			if !g.peek(func() {
				if !g.frame.finished {
					fr = g.frame
				}
			}) {
				fr = LoadPtr(&g.frame) // running: not finished
			}
			return fr, nil
		}, nil)
	}
	genSend, _ = GeneratorType.Dict.getStr(Intern("send")).(*MethodDescr)
	GeneratorType.Iter = func(t *Thread, o Object) (Object, error) { return o, nil }
	GeneratorType.Next = func(t *Thread, o Object) (Object, error) { return genNext(t, o.(*Generator)) }
	CoroutineType.AddMethod("__await__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return self, nil
	})
	CoroutineType.Next = func(t *Thread, o Object) (Object, error) { return genNext(t, o.(*Generator)) }
	registerType(GeneratorType, CoroutineType, AsyncGeneratorType)
}

// throwArgs builds the exception for gen.throw(typ[, val[, tb]]).
func throwArgs(t *Thread, args []Object) (error, error) {
	if len(args) > 2 && args[2] != None {
		if _, ok := args[2].(*Traceback); !ok {
			return nil, TypeErrorf("throw() third argument must be a traceback object")
		}
	}
	typ := args[0]
	var val Object = None
	if len(args) > 1 {
		val = args[1]
	}
	var exc *BaseException
	switch x := typ.(type) {
	case *BaseException:
		if val != None {
			return nil, TypeErrorf("instance exception may not have a separate value")
		}
		exc = x
	case *Type:
		if !x.IsSubtype(BaseExceptionType) {
			return nil, TypeErrorf("exceptions must be classes or instances deriving from BaseException, not type")
		}
		if e, ok := val.(*BaseException); ok && e.typ.IsSubtype(x) {
			exc = e
		} else {
			var cargs []Object
			if tup, ok := val.(*Tuple); ok {
				cargs = tup.items
			} else if val != None {
				cargs = []Object{val}
			}
			// as in CPython, what goes wrong making the exception is
			// the exception thrown in
			v, err := Call(t, x, cargs, nil)
			if err == nil {
				if e, ok := v.(*BaseException); ok {
					return e, nil
				}
				r, _ := ReprString(t, x)
				err = TypeErrorf("calling %s should have returned an instance of BaseException, not %s", r, typeName(v))
			}
			e, ok := err.(*BaseException)
			if !ok {
				return nil, err
			}
			exc = e
		}
	default:
		return nil, TypeErrorf("exceptions must be classes or instances deriving from BaseException, not %s", typeName(typ))
	}
	if len(args) > 2 {
		if tb, ok := args[2].(*Traceback); ok {
			exc.SetTraceback(tb)
		}
	}
	return exc, nil
}
