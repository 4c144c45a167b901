package py

import (
	"sync"
	"sync/atomic"

	c "freepy/interp/compile"
)

// Tracing and profiling (sys.settrace, sys.setprofile, _lsprof), with
// CPython 3.11's events.
//
// The instruction loop pays nothing for them while no hook is set: a
// frame runs code.quick as always. When its thread has a hook (t.hooks is
// not nil, read once each time execute switches frames, at `reload:`), a
// frame runs the traced stream instead: an instruction stream of the same
// length in which every instruction is qTrace. qTrace calls traceStep,
// which emits the events due before the instruction at that index and
// returns the compiler's instruction (code.Instrs, unfused), which the
// loop then runs as usual. Indices are the same in both streams, so a
// frame may switch between them at any instruction boundary (the
// superinstructions of code.quick leave their second instruction in
// place for this reason too).
//
// Where the events come from:
//   - 'call': the first traceStep of an activation, that is of a new frame
//     or of a generator resumed after a yield (Frame.traceLast is 0 then;
//     newFrame and inlineFrame reset it, a yield sets it back to 0);
//   - 'line': traceStep, when the instruction's line differs from the
//     line of the one before it in the frame, or after a backward jump
//     (not to a SEND), as CPython 3.11 decides;
//   - 'return': traceStep before RETURN_VALUE and YIELD_VALUE; evalRaised
//     when an exception leaves the frame (with None);
//   - 'exception': evalRaised, for each frame the exception reaches
//     (not for a re-raise, as CPython);
//   - 'c_call': traceStep before a CALL* whose callable is a built-in
//     function or method; 'c_return' at the frame's next traceStep (the
//     call is then done) and 'c_exception' in evalRaised when it raised.
//
// A frame that was already running when a hook was set keeps code.quick
// until it next switches frames, or until a call that the loop did not
// inline returns into it (a check on those slow paths only): from there
// on it runs the traced stream. settrace marks the frames that are
// running as entered (hooksChanged), so they get no 'call' event then.

// Trace event numbers: CPython's PyTrace_* values.
const (
	evCall = iota
	evException
	evLine
	evReturn
	evCCall
	evCException
	evCReturn
	evOpcode
)

var traceEventNames = [...]*Str{
	Intern("call"), Intern("exception"), Intern("line"), Intern("return"),
	Intern("c_call"), Intern("c_exception"), Intern("c_return"), Intern("opcode"),
}

// qTrace is the instruction of the traced stream: run traceStep, then the
// instruction it returns.
const qTrace = qCallPopTop + 1

// traceStream holds qTrace instructions, shared by all code objects (a
// traced stream is a prefix of it); it grows when a longer code is traced.
var (
	traceStream   atomic.Pointer[[]c.Instr]
	traceStreamMu sync.Mutex
)

// tracedInstrs returns the traced stream for code of n instructions.
func tracedInstrs(n int) []c.Instr {
	if p := traceStream.Load(); p != nil && len(*p) >= n {
		return (*p)[:n:n]
	}
	traceStreamMu.Lock()
	defer traceStreamMu.Unlock()
	size := 1024
	if p := traceStream.Load(); p != nil {
		size = 2 * len(*p)
	}
	for size < n {
		size *= 2
	}
	s := make([]c.Instr, size)
	for i := range s {
		s[i] = c.Instr(qTrace)
	}
	traceStream.Store(&s)
	return s[:n:n]
}

// isTraced reports whether instrs is a traced stream.
func isTraced(instrs []c.Instr) bool {
	return len(instrs) > 0 && instrs[0] == c.Instr(qTrace)
}

// profileFunc is a profiler written in Go (_lsprof): it receives the
// profile events as sys.setprofile's function would.
type profileFunc func(t *Thread, f *Frame, event int, arg Object) error

// traceState is one thread's hooks. Thread.hooks points to it while a hook
// is set and none is running (hooks are not traced), else it is nil.
type traceState struct {
	traceFn Object      // sys.settrace's function, nil for none
	profObj Object      // what sys.getprofile returns, nil for none
	profFn  Object      // sys.setprofile's function when it is Python's
	profGo  profileFunc // the profiler when it is Go's (profObj is its object)
	running int         // hooks running on the thread (they nest)
	// ccalls are the built-in calls that got a 'c_call' and still wait
	// for their 'c_return' or 'c_exception', innermost last.
	ccalls []pendingCCall
	// sends are the SENDs (await, yield from) still running, innermost
	// last: when one finishes, CPython reports the StopIteration that
	// ended it as an 'exception' event (stopEvent)
	sends []pendingSend
	// lineFrame is the frame whose 'line' event runs, the only one whose
	// f_lineno may be set; jumpTo is then the instruction it jumps to
	// (-1 for none) and jumpSP its value-stack depth there
	lineFrame                  *Frame
	jumpTo, jumpSP, jumpBlocks int
}

type pendingSend struct {
	f       *Frame
	pc      int  // the SEND
	stopped bool // the receiver ends by raising StopIteration whatever it returns
	vNone   bool // None was sent (CPython then calls tp_iternext)
}

type pendingCCall struct {
	f  *Frame
	fn Object
}

// frameTrace is a frame's f_trace, f_trace_lines and f_trace_opcodes.
// Only frames a hook or Python code has seen (escaped, never reused) have
// one.
type frameTrace struct {
	fn      Object
	noLines bool
	opcodes bool
	locals  *Dict // f_locals of a function's frame (frameObjectLocals)
}

func (h *traceState) profiling() bool { return h.profObj != nil }

func (h *traceState) active() bool { return h.traceFn != nil || h.profObj != nil }

// traceState returns the thread's hook state, made on first use.
func (t *Thread) traceState() *traceState {
	if t.tstate == nil {
		t.tstate = &traceState{}
	}
	return t.tstate
}

// updateHooks sets t.hooks from the thread's hook state.
func (t *Thread) updateHooks() {
	if h := t.tstate; h != nil && h.running == 0 && h.active() {
		t.hooks = h
		return
	}
	t.hooks = nil
}

// hooksChanged is called after sys.settrace, sys.setprofile or a Go
// profiler changed the hooks of t.
func (t *Thread) hooksChanged() {
	h := t.traceState()
	if !h.profiling() {
		h.ccalls = nil
	}
	if h.traceFn == nil {
		h.sends = nil
	}
	if h.active() {
		// the frames running now are not entered again: no 'call' when
		// they continue in the traced stream
		for f := t.frame; f != nil; f = f.back {
			if f.traceLast == 0 {
				f.traceLast = f.pc + 1
			}
		}
	}
	t.updateHooks()
}

// setTrace is sys.settrace for the calling thread.
func (t *Thread) setTrace(fn Object) {
	h := t.traceState()
	h.traceFn = nil
	if fn != None {
		h.traceFn = fn
	}
	t.hooksChanged()
}

// setProfile is sys.setprofile for the calling thread: a Python function
// (goFn nil) or a profiler written in Go whose object is obj.
func (t *Thread) setProfile(obj Object, goFn profileFunc) {
	h := t.traceState()
	h.profObj, h.profFn, h.profGo = nil, nil, nil
	if obj != None && obj != nil {
		h.profObj = obj
		if goFn != nil {
			h.profGo = goFn
		} else {
			h.profFn = obj
		}
	}
	t.hooksChanged()
}

// runHook calls a Python hook: no events while it runs.
func (t *Thread) runHook(fn Object, f *Frame, event int, arg Object) (Object, error) {
	h := t.tstate
	h.running++
	t.hooks = nil
	t.escape(f)
	r, err := Call(t, fn, []Object{f, traceEventNames[event], arg}, nil)
	h.running--
	t.updateHooks()
	return r, err
}

// traceEvent sends a 'line', 'return', 'exception' or 'opcode' event to
// the frame's local trace function, as CPython's trace trampoline: none
// without one; a result other than None replaces it; an exception turns
// tracing off.
func (t *Thread) traceEvent(f *Frame, event int, arg Object) error {
	ft := f.ftrace
	if ft == nil || ft.fn == nil {
		return nil
	}
	r, err := t.runHook(ft.fn, f, event, arg)
	if err != nil {
		t.traceFailed(f)
		return err
	}
	if r != None {
		ft.fn = r
	}
	return nil
}

// traceFailed turns tracing off after a trace function raised.
func (t *Thread) traceFailed(f *Frame) {
	if f.ftrace != nil {
		f.ftrace.fn = nil
	}
	t.setTrace(None)
}

// profileEvent sends an event to the profile hook.
func (t *Thread) profileEvent(f *Frame, event int, arg Object) error {
	h := t.tstate
	if h == nil || !h.profiling() {
		return nil
	}
	var err error
	if h.profGo != nil {
		h.running++
		t.hooks = nil
		err = h.profGo(t, f, event, arg)
		h.running--
		t.updateHooks()
	} else {
		_, err = t.runHook(h.profFn, f, event, arg)
	}
	if err != nil {
		t.setProfile(None, nil)
	}
	return err
}

// callEvent emits 'call' for the activation of f that starts now: to the
// global trace function, whose result becomes f_trace, then to the
// profiler.
func (t *Thread) callEvent(f *Frame) error {
	if fn := t.hooks.traceFn; fn != nil {
		r, err := t.runHook(fn, f, evCall, None)
		if err != nil {
			t.traceFailed(f)
			return err
		}
		if r != None {
			if f.ftrace == nil {
				f.ftrace = &frameTrace{}
			}
			f.ftrace.fn = r
		}
	}
	if h := t.hooks; h != nil && h.profiling() {
		return t.profileEvent(f, evCall, None)
	}
	return nil
}

// returnEvent emits 'return' with v (None when an exception leaves f).
func (t *Thread) returnEvent(f *Frame, v Object) error {
	if h := t.hooks; h != nil && h.traceFn != nil {
		if err := t.traceEvent(f, evReturn, v); err != nil {
			return err
		}
	}
	if h := t.hooks; h != nil && h.profiling() {
		return t.profileEvent(f, evReturn, v)
	}
	return nil
}

// lineAt is the line of instruction pc of code, -1 for none.
func lineAt(code *Code, pc int) int {
	if pc < 0 || pc >= len(code.TraceLines) {
		return -1
	}
	if l := int(code.TraceLines[pc]); l > 0 {
		return l
	}
	return -1
}

// traceStep runs before the instruction at f.pc-1 of a frame running the
// traced stream (f.pc and f.sp are saved): it emits the events due and
// returns the instruction to run.
func (t *Thread) traceStep(f *Frame) (c.Instr, error) {
	code := f.code
	pc := f.pc - 1
	ins := code.Instrs[pc]
	h := t.hooks
	if h == nil {
		// the hooks were removed while the frame runs the traced stream
		return ins, nil
	}
	op := ins.Op()
	if n := len(h.sends); n > 0 && h.sends[n-1].f == f {
		s := h.sends[n-1]
		h.sends = h.sends[:n-1]
		if pc == code.Instrs[s.pc].Arg() && f.sp > 0 {
			// the SEND finished: its receiver returned the value on top
			if v := f.stack[f.sp-1]; s.stopped || !s.vNone || v != None {
				if err := t.stopEvent(f, v); err != nil {
					return 0, err
				}
			}
			if h = t.hooks; h == nil {
				return ins, nil
			}
		}
	}
	if n := len(h.ccalls); n > 0 && h.ccalls[n-1].f == f {
		// the built-in called by the instruction before returned
		p := h.ccalls[n-1]
		h.ccalls = h.ccalls[:n-1]
		if err := t.profileEvent(f, evCReturn, p.fn); err != nil {
			return 0, err
		}
	}
	if f.traceLast == 0 {
		// a new activation: the frame starts, or a generator resumes
		// after the yield at pc-1
		f.traceLast = pc + 1
		if t.hooks != nil {
			// f_lineno reads the def line at a frame's start (Line)
			f.pc = min(pc, f.pc)
			err := t.callEvent(f)
			f.pc = pc + 1
			if err != nil {
				return 0, err
			}
		}
	}
	prev := f.traceLast - 1 - 1
	f.traceLast = pc + 1 + 1
	if h = t.hooks; h == nil {
		return ins, nil
	}
	if ft := f.ftrace; h.traceFn != nil && ft != nil && ft.fn != nil {
		if !ft.noLines {
			if line := lineAt(code, pc); line > 0 && (line != lineAt(code, prev) || pc < prev && op != c.SEND) {
				h.lineFrame, h.jumpTo = f, -1
				err := t.traceEvent(f, evLine, None)
				h.lineFrame = nil
				if err != nil {
					return 0, err
				}
				if h.jumpTo >= 0 {
					// frame.f_lineno was set: go on at the target
					// (execute reloads pc and sp after traceStep)
					pc = h.jumpTo
					for i := h.jumpSP; i < f.sp; i++ {
						f.stack[i] = nil
					}
					f.sp, f.pc, f.traceLast = h.jumpSP, pc+1, pc+2
					// blocks the jump leaves (a try body) are dropped
					f.blocks = f.blocks[:h.jumpBlocks]
					ins, op = code.Instrs[pc], code.Instrs[pc].Op()
				}
			}
		}
		if ft.opcodes && ft.fn != nil && t.hooks != nil {
			if err := t.traceEvent(f, evOpcode, None); err != nil {
				return 0, err
			}
		}
		if h = t.hooks; h == nil {
			return ins, nil
		}
	}
	switch op {
	case c.RETURN_VALUE, c.YIELD_VALUE:
		// the next run of the frame (a generator's resumption) is a new
		// activation
		f.traceLast = 0
		if err := t.returnEvent(f, f.stack[f.sp-1]); err != nil {
			return 0, err
		}
	case c.SEND:
		if h.traceFn != nil && f.sp >= 2 {
			s := pendingSend{f: f, pc: pc, vNone: f.stack[f.sp-1] == None}
			switch r := f.stack[f.sp-2].(type) {
			case *Generator:
				s.stopped = r.kind != genPlain
			case *Instance:
				s.stopped = true
			}
			h.sends = append(h.sends, s)
		}
	case c.CALL, c.CALL_METHOD, c.CALL_KW, c.CALL_EX:
		if h.profiling() {
			if fn := builtinCallee(f, ins); fn != nil {
				if err := t.profileEvent(f, evCCall, fn); err != nil {
					return 0, err
				}
				if h := t.hooks; h != nil && h.profiling() {
					h.ccalls = append(h.ccalls, pendingCCall{f, fn})
				}
			}
		}
	}
	return ins, nil
}

// builtinCallee returns the built-in function or method the call
// instruction ins is about to call, as the profiler sees it (a method
// descriptor bound to its first argument, as CPython does), or nil.
func builtinCallee(f *Frame, ins c.Instr) Object {
	st, sp, n := f.stack, f.sp, ins.Arg()
	var fn, self Object
	switch ins.Op() {
	case c.CALL:
		fn = st[sp-n-1]
		if n > 0 {
			self = st[sp-n]
		}
	case c.CALL_KW:
		fn = st[sp-n-2]
		if n > 0 {
			self = st[sp-n-1]
		}
	case c.CALL_METHOD:
		fn = st[sp-n-2]
		if y := st[sp-n-1]; y != nil {
			self = y
		} else if n > 0 {
			self = st[sp-n]
		}
	case c.CALL_EX:
		fn = st[sp-2-n&1]
		if tup, ok := st[sp-1-n&1].(*Tuple); ok && len(tup.items) > 0 {
			self = tup.items[0]
		}
	}
	switch x := fn.(type) {
	case *Builtin:
		return x
	case *MethodDescr:
		if self != nil && !x.IsClass && !x.IsStatic {
			return &Builtin{Name: x.Name, Fn: x.Fn, Self: self, descr: x}
		}
	}
	return nil
}

// traceUnwind is evalRaised's part: exc has reached frame f (not as a
// re-raise when raised is true). It emits 'c_exception' for a built-in
// call of f that raised it and 'exception'; an exception from the trace
// function replaces exc.
func (t *Thread) traceUnwind(f *Frame, exc *BaseException, raised bool) *BaseException {
	h := t.hooks
	if n := len(h.ccalls); n > 0 && h.ccalls[n-1].f == f {
		p := h.ccalls[n-1]
		h.ccalls = h.ccalls[:n-1]
		if err := t.profileEvent(f, evCException, p.fn); err != nil {
			return AsException(err)
		}
	}
	if !raised || t.hooks == nil || t.hooks.traceFn == nil {
		return exc
	}
	arg := NewTuple(exc.Type(), exc, tracebackOrNone(exc))
	if err := t.traceEvent(f, evException, arg); err != nil {
		return AsException(err)
	}
	return exc
}

// setLineno is frame.f_lineno = line from a 'line' trace event: the
// frame goes on at the first instruction of that line (or of the next
// line with code), when both places have the same block stack and the
// target's value stack is the bottom of the current one (a jump may
// leave for loops, whose iterators it drops, but enters no loop, with,
// try or except block), as CPython 3.11 allows.
func (t *Thread) setLineno(f *Frame, line int) error {
	h := t.tstate
	if h == nil || h.lineFrame != f {
		if f.ftrace == nil || f.ftrace.fn == nil {
			return ValueErrorf("f_lineno can only be set by a trace function")
		}
		return ValueErrorf("can only jump from a 'line' trace event")
	}
	code := f.code
	if line < code.FirstLine {
		return ValueErrorf("line %d comes before the current code block", line)
	}
	depth, blocks, bad := c.Depths(code.Code)
	if bad != "" {
		return ValueErrorf("cannot jump in this code: %s", bad)
	}
	best, target := 0, -1
	for i, l := range code.TraceLines {
		l := int(l)
		if l >= line && depth[i] >= 0 && (i == 0 || int(code.TraceLines[i-1]) != l) && (target < 0 || l < best) {
			best, target = l, i
		}
	}
	if target < 0 {
		return ValueErrorf("line %d comes after the current code block", line)
	}
	cur := f.pc - 1
	if depth[target] > depth[cur] {
		// the region the target is in starts at a handler: an
		// exception pushed the values it expects
		i := target
		for i > 0 && (depth[i-1] < 0 || depth[i-1] > depth[cur]) {
			i--
		}
		for _, in := range code.Instrs {
			if isSetupOp(in.Op()) && in.Arg() == i {
				return ValueErrorf("can't jump into an 'except' block as there's no exception")
			}
		}
		return ValueErrorf("can't jump into the body of a for loop")
	}
	if blocks[target] > blocks[cur] {
		return ValueErrorf("can't jump into a block (a try, with or except body)")
	}
	for i := 0; i < depth[target]; i++ {
		// the values kept must be the same ones: pushed before both
		// places (the iterators of the loops around both)
		if !sameSlot(depth, i, target, cur) {
			return ValueErrorf("can't jump into the body of a for loop")
		}
	}
	for i := 0; i < blocks[target]; i++ {
		// and the same try, with and except blocks around both
		if !sameSlot(blocks, i, target, cur) {
			return ValueErrorf("can't jump into a block (a try, with or except body)")
		}
	}
	h.jumpTo, h.jumpSP, h.jumpBlocks = target, depth[target], blocks[target]
	return nil
}

func isSetupOp(op c.Opcode) bool {
	return op == c.SETUP_FINALLY || op == c.SETUP_CLEANUP || op == c.SETUP_WITH
}

// sameSlot reports whether slot k of a stack (values or blocks) holds the
// same entry at instructions a and b: no instruction between the earlier
// one and the later one, in code order, goes below depth k+1.
func sameSlot(depth []int, k, a, b int) bool {
	lo, hi := min(a, b), max(a, b)
	for i := lo; i <= hi; i++ {
		if depth[i] >= 0 && depth[i] < k+1 {
			return false
		}
	}
	return true
}

// stopEvent reports the StopIteration that ended a SEND's receiver with
// value v.
func (t *Thread) stopEvent(f *Frame, v Object) error {
	e := NewException(StopIterationType)
	if v != None {
		e.args = NewTuple(v) // not published yet
	}
	return t.traceEvent(f, evException, NewTuple(StopIterationType, e, None))
}

// traceExit emits 'return' None for a frame an exception leaves; an
// exception from the hook is ignored (it has turned the hook off), as in
// CPython.
func (t *Thread) traceExit(f *Frame) {
	f.traceLast = 0
	if h := t.hooks; h != nil {
		for n := len(h.ccalls); n > 0 && h.ccalls[n-1].f == f; n-- {
			h.ccalls = h.ccalls[:n-1]
		}
		for n := len(h.sends); n > 0 && h.sends[n-1].f == f; n-- {
			h.sends = h.sends[:n-1]
		}
	}
	_ = t.returnEvent(f, None)
}
