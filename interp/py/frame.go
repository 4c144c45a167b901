package py

import (
	"fmt"
	"runtime/debug"
	"sync/atomic"
)

// Frame is one activation of a code object.
// Frames are reused (releaseFrame, newFrame): a field added here must be
// reset in one of them.
type Frame struct {
	code     *Code
	fn       *Function
	globals  *Dict
	builtins *Dict
	locals   Object // the locals mapping of module, class and exec frames; nil when optimized
	fast     []Object
	cells    []*Cell // Cellvars then Freevars
	closure  []*Cell
	stack    []Object
	sp       int
	blocks   []block
	pc       int
	back     *Frame

	yielded bool  // the last run of the frame ended in a yield
	reraise bool  // the pending exception is a re-raise (no traceback entry)
	relasti bool  // ... from a cleanup: the frame's line goes back to where it was raised
	pending error // an exception to raise on resumption (generator throw)
	gen     *Generator
	// traceLast is for tracing (trace.go): 0 until the activation's
	// 'call' event, then the index of the last instruction traced plus 2
	traceLast int
	finished  bool
	// inlined is set on a frame that execute entered from its caller's
	// CALL without a Go call (pushInline): returning or raising out of it
	// goes back to the caller's frame in the same loop.
	inlined bool
	// escaped is set when something may keep the frame after it returns
	// (a traceback, sys._getframe, a generator): it is then not reused.
	escaped bool
	// retHook says what the RETURN_VALUE of an inlined frame does with
	// the value before the caller sees it: calls that Python code does
	// not spell as calls (a class's __init__, a binary operator's dunder)
	// still run in the caller's loop, and their callers' checks run here.
	retHook uint8
	// raisedAt is pc when an exception last unwound in this frame other
	// than by a cleanup's re-raise, which goes back to it (relasti): as
	// CPython's saved lasti, it gives f_lineno once the exception has
	// left. Set by every such unwind before it is read: no reset.
	raisedAt int32
	retOp    int      // retBinop: the BINARY_OP argument
	retSelf  Object   // retInit: the new instance; retBinop: the left operand
	mem      []Object // fast locals + value stack, reused with the frame
	// ftrace holds f_trace and its flags (trace.go): only frames that
	// escaped have one, so it needs no reset when a frame is reused
	ftrace *frameTrace
}

const (
	retPlain uint8 = iota
	retInit        // __init__ from a class call: must return None; the call's value is retSelf
	retBinop       // a binary operator's dunder: NotImplemented is a TypeError
)

type block struct {
	handler int32
	level   int32
}

// Type returns the frame type.
func (*Frame) Type() *Type { return FrameType }

// Code returns the frame's code.
func (f *Frame) Code() *Code { return f.code }

// Back returns the calling frame.
func (f *Frame) Back() *Frame { return f.back }

// Line returns the line being executed.
func (f *Frame) Line() int {
	pc := f.pc - 1
	if pc < 0 {
		// not started: the def line, as CPython (a generator's
		// gi_frame, the 'call' trace event)
		return f.code.FirstLine
	}
	if pc < len(f.code.Positions) {
		return int(f.code.Positions[pc].Line)
	}
	return f.code.FirstLine
}

// newFrame allocates a frame with its fast locals and value stack in one
// slice.
func (t *Thread) newFrame(code *Code, globals, builtins *Dict, locals Object) *Frame {
	n := code.nlocals
	need := code.frameSize
	var f *Frame
	if k := len(t.framePool); k > 0 {
		f = t.framePool[k-1]
		t.framePool = t.framePool[:k-1]
		// releaseFrame cleared the references; reset the rest field by
		// field (a whole-struct assignment costs a bulk write barrier)
		f.code, f.globals, f.builtins, f.locals = code, globals, builtins, locals
		f.pc, f.sp, f.traceLast = 0, 0, 0
		f.yielded, f.reraise, f.finished, f.inlined = false, false, false, false
		f.retHook = retPlain
		if cap(f.mem) >= need {
			f.mem = f.mem[:need]
		} else {
			f.mem = newFrameMem(need)
		}
		if cap(f.blocks) >= code.BlockSize {
			f.blocks = f.blocks[:0]
		} else {
			f.blocks = nil
		}
	} else {
		f = &Frame{code: code, globals: globals, builtins: builtins, locals: locals, mem: newFrameMem(need)}
	}
	f.fast = f.mem[:n:n]
	f.stack = f.mem[n:]
	if f.blocks == nil && code.BlockSize > 0 {
		f.blocks = make([]block, 0, code.BlockSize)
	}
	return f
}

// callFrame is newFrame for Function.Call of the simple function fn: a
// pooled frame last used for the same code keeps its memory layout, as
// pushInline reuses it, so only the fields of one call are set (a
// callback that C code or a builtin calls again and again; newFrame's
// resets were about 40 instructions more per call).
func (t *Thread) callFrame(fn *Function, code *Code) *Frame {
	if k := len(t.framePool) - 1; k >= 0 {
		if f := t.framePool[k]; f.code == code {
			t.framePool = t.framePool[:k]
			f.reuse(fn, false)
			return f
		}
	}
	f := t.newFrame(code, fn.globals, fn.builtins, nil)
	f.fn = fn
	return f
}

// reuse sets the fields of one call of fn in a pooled frame that has
// fn's code's layout (pool() cleared its references; blocks has the
// code's capacity). It inlines into pushInline and callFrame.
func (f *Frame) reuse(fn *Function, inlined bool) {
	f.globals, f.builtins, f.fn = fn.globals, fn.builtins, fn
	f.pc, f.sp, f.traceLast = 0, 0, 0
	f.yielded, f.reraise, f.finished, f.inlined = false, false, false, inlined
	f.retHook = retPlain
	f.blocks = f.blocks[:0]
}

// newFrameMem allocates a frame's locals and stack: a whole number of
// 64-byte cache lines (4 Objects), so that the allocation's size class
// is a multiple of 64 bytes and it shares no line with other objects,
// such as another thread's frame.
func newFrameMem(need int) []Object {
	return make([]Object, need, (need+3)&^3)
}

// framePoolMax bounds the frames a thread keeps for reuse.
const framePoolMax = 256

// releaseFrame returns a finished frame that is not on the thread's
// frame stack (one whose arguments did not bind, a generator's) for reuse
// unless something may still refer to it. popInline does the work: f is
// made the innermost frame for the moment, and popInline restores t.frame
// and t.depth as they were.
func (t *Thread) releaseFrame(f *Frame) {
	f.back = t.frame
	t.depth++
	t.popInline(f)
}

// forgetFrame drops the pool's stale pointers to f, a frame that does not
// come back. Taking a frame from the pool shortens the slice but leaves
// the pointer in the array past its length; a frame that escaped (into
// a traceback, say) would keep its locals alive there after the
// traceback is gone, until another frame happened to overwrite the
// slot. Only a slot past the pool's length can still hold f: had the
// pool grown over it since, a released frame would have overwritten it.
// This is done when a frame escapes (Thread.escape) or becomes a
// generator's rather than by clearing the slot on every call, which
// costs the hot call path more. f must be a frame of t's.
func (t *Thread) forgetFrame(f *Frame) {
	tail := t.framePool[len(t.framePool):cap(t.framePool)]
	for i, g := range tail {
		if g == f {
			tail[i] = nil
		}
	}
}

// initCells creates the frame's cells: fresh ones for Cellvars (seeded
// from arguments per Cell2Arg) and the closure's for Freevars. The test
// inlines into run: most functions have no cells, and the call was about
// 10 instructions of each call of a Python function from Go.
func (f *Frame) initCells() {
	if f.cells == nil && f.code.ncells != 0 {
		f.makeCells()
	}
}

func (f *Frame) makeCells() {
	c := f.code
	if len(c.Cellvars) == 0 {
		// only free variables: the closure's cells, which nothing
		// replaces in f.cells
		f.cells = f.closure
		return
	}
	f.cells = make([]*Cell, c.ncells)
	for i := range c.Cellvars {
		cell := &Cell{}
		if i < len(c.Cell2Arg) && c.Cell2Arg[i] >= 0 {
			cell.init(f.fast[c.Cell2Arg[i]])
			f.fast[c.Cell2Arg[i]] = nil
		}
		f.cells[i] = cell
	}
	copy(f.cells[len(c.Cellvars):], f.closure)
}

// run executes a fresh (non-generator) frame to completion.
func (t *Thread) run(f *Frame) (Object, error) {
	if t.depth >= t.interp.recursionLimit() {
		return nil, NewError(RecursionErrorType, "maximum recursion depth exceeded")
	}
	t.depth++
	f.back = t.frame
	t.frame = f
	f.initCells()
	r, err := t.eval(f)
	t.popInline(f)
	return r, err
}

// canInline reports whether a call may be run by pushInline: not while a
// legacy extension's lock is held (eval must release it around Python
// code) and not at the recursion limit (Call raises RecursionError).
// It is written to stay within the cost the compiler inlines into a
// function as big as execute (20).
func (t *Thread) canInline() bool {
	return t.LegacyHeld == 0 && int64(t.depth) < t.interp.recLimit.Load()
}

// pushInline makes the frame for a call of the simple function fn,
// entered from caller's loop: its arguments are self (when not nil) and
// slots[skip:], the caller's value-stack slots, which it moves into the
// frame (each slot is nil afterwards, as the loop leaves a slot it pops).
// Moving them here rather than copying them and clearing the slots in
// the loop saves a call and the slicing in execute. The slots before skip
// are left as they are: slots[0] (the callable) is where the call's value
// goes when it returns, and slots[1] with skip 2 is the empty slot of
// LOAD_METHOD; when an exception leaves the callee instead, evalRaised
// clears the caller's slot at its sp.
//
// A pooled frame last used for the same code keeps its memory layout
// (mem, fast, stack, blocks' capacity), so that a recursive function or a
// loop calling one function reuses it without setting it up again.
func (t *Thread) pushInline(caller *Frame, fn *Function, code *Code, self Object, slots []Object, skip int) *Frame {
	k := len(t.framePool) - 1
	if k < 0 {
		return t.pushInlineNew(caller, fn, code, self, slots, skip)
	}
	f := t.framePool[k]
	if f.code != code {
		if cap(f.mem) < code.frameSize || cap(f.blocks) < code.BlockSize {
			return t.pushInlineNew(caller, fn, code, self, slots, skip)
		}
		// releaseFrame cleared the references; the layout is code's
		f.code = code
		f.mem = f.mem[:code.frameSize]
		n := code.nlocals
		f.fast = f.mem[:n:n]
		f.stack = f.mem[n:]
	}
	t.framePool = t.framePool[:k]
	f.reuse(fn, true)
	if code.ncells != 0 {
		// a simple function has no cellvars: its cells are its
		// closure's (initCells would copy them into a new slice)
		f.closure = fn.Closure
		f.cells = fn.Closure
	}
	t.depth++
	f.back = caller
	t.frame = f
	// element by element: copy() and clear() of a pointer slice are
	// runtime calls with a bulk write barrier, too much for a few slots
	fast := f.fast
	i := 0
	if self != nil {
		fast[0] = self
		i = 1
	}
	for j := skip; j < len(slots); j++ {
		fast[i] = slots[j]
		slots[j] = nil
		i++
	}
	return f
}

// pushInlineNew is pushInline when the pool has no frame that fits: a new
// one (or the pool's top one with new memory) from newFrame goes onto the
// pool first, where pushInline finds it ready for code.
func (t *Thread) pushInlineNew(caller *Frame, fn *Function, code *Code, self Object, slots []Object, skip int) *Frame {
	f := t.newFrame(code, fn.globals, fn.builtins, nil)
	t.framePool = append(t.framePool, f)
	return t.pushInline(caller, fn, code, self, slots, skip)
}

// popInline leaves the frame f, the innermost one, and returns its
// caller; f goes back to the pool for reuse unless something may still
// refer to it. Every Python call's return comes here (an inlined frame's
// RETURN_VALUE, run), so the release is written out in it rather than
// called: the second call with its prologue and spills was about a fifth
// of the cost.
func (t *Thread) popInline(f *Frame) *Frame {
	caller := f.back
	t.frame = caller
	t.depth--
	if f.escaped || f.gen != nil || len(t.framePool) >= framePoolMax {
		return caller
	}
	// The loop nils every stack slot it pops, so only the locals and the
	// stack below f.sp can hold references. A small frame is cleared
	// slot by slot: clear() of a pointer slice is a runtime call with a
	// bulk write barrier, which costs more than a few stores. The other
	// case is a call apart, so that this path keeps nothing in memory
	// across a call.
	used := len(f.fast) + f.sp
	if used > 8 || used < 0 || used > len(f.mem) {
		return t.poolBig(f, used, caller)
	}
	// an index loop: the compiler turns a range loop that stores nil
	// into a memclrHasPointers call
	mem := f.mem
	for i := 0; i < used; i++ {
		mem[i] = nil
	}
	t.pool(f)
	return caller
}

// poolBig is popInline's release of a frame with more than 8 slots in
// use (or an inconsistent sp: then all of them are cleared). It is never
// inlined: its clear() calls would make popInline keep its values in
// memory across them on every path.
//
//go:noinline
func (t *Thread) poolBig(f *Frame, used int, caller *Frame) *Frame {
	if used >= 0 && used <= len(f.mem) {
		clear(f.mem[:used])
	} else {
		clear(f.mem)
	}
	t.pool(f)
	return caller
}

// pool puts a frame whose slots are cleared into the frame pool, without
// the references that would keep other objects alive meanwhile.
func (t *Thread) pool(f *Frame) {
	f.cells, f.closure, f.locals, f.fn, f.back = nil, nil, nil, nil, nil
	f.globals, f.builtins, f.pending, f.retSelf = nil, nil, nil, nil
	t.framePool = append(t.framePool, f)
}

// eval runs f until it returns, yields or raises; it unwinds exceptions
// to the frame's handlers, also through frames that execute inlined into
// f (see execute): an exception leaves execute in the innermost one,
// t.frame, and moves to the caller when that frame has no handler.
func (t *Thread) eval(f *Frame) (Object, error) {
	if t.LegacyHeld != 0 && LegacyRelease != nil {
		return t.evalWithoutLegacy(f)
	}
	r, err := t.executeSafe(f)
	if err != nil {
		return t.evalRaised(f, err)
	}
	return r, nil
}

// evalRaised is the rest of eval after execute stopped with err: it
// unwinds to a handler and runs on from there, until f returns, yields or
// an exception leaves it. It is apart from eval so that callers that run
// the frame themselves (Generator.next) share it.
func (t *Thread) evalRaised(f *Frame, err error) (Object, error) {
	for {
		// the frame that raised: f, or a frame inlined into it
		cur := f
		if t.frame != nil && t.frame.inlined {
			cur = t.frame
		}
		exc, ok := err.(*BaseException)
		if !ok {
			exc = AsException(err)
		}
	unwind:
		f := cur
		// the slot at sp holds the callable of a call whose callee
		// raised (pushInline leaves it for the call's value): nothing
		// above sp is live, and nothing else would clear it
		if f.sp < len(f.stack) {
			f.stack[f.sp] = nil
		}
		if !f.reraise {
			if exc.Context() == nil && t.excInfo != nil && t.excInfo != exc {
				setContext(exc, t.excInfo)
			}
			t.escape(f)
			exc.addTraceback(f, f.pc-1, f.Line())
		}
		if f.relasti {
			f.relasti = false
			f.pc = int(f.raisedAt)
		} else {
			f.raisedAt = int32(f.pc)
		}
		if t.hooks != nil {
			exc = t.traceUnwind(f, exc, !f.reraise)
		}
		f.reraise = false
		if n := len(f.blocks); n > 0 {
			b := f.blocks[n-1]
			f.blocks = f.blocks[:n-1]
			for i := int(b.level); i < f.sp; i++ {
				f.stack[i] = nil
			}
			f.sp = int(b.level)
			f.stack[f.sp] = exc
			f.sp++
			f.pc = int(b.handler)
			var r Object
			if r, err = t.executeSafe(cur); err == nil {
				return r, nil
			}
			continue
		}
		f.finished = true
		if t.hooks != nil {
			t.traceExit(f)
		}
		if f.inlined {
			if g := f.gen; g != nil {
				// a generator resumed inline by FOR_ITER or SEND: the
				// exception continues in its resumer
				cur, _ = g.leaveInline(t, nil, leaveRaise)
				exc = g.raiseOut(exc)
				goto unwind
			}
			cur = t.popInline(f)
			goto unwind
		}
		return nil, exc
	}
}

// evalWithoutLegacy runs Python code called back from a legacy C
// extension: the extension's pseudo-GIL is released meanwhile, as
// CPython's GIL may switch threads whenever bytecode runs.
func (t *Thread) evalWithoutLegacy(f *Frame) (Object, error) {
	restore := LegacyRelease(t)
	defer restore()
	return t.eval(f)
}

// setContext sets exc.__context__ = ctx, breaking a cycle that would
// otherwise form (CPython does the same).
// A chain that loops without reaching exc (e.__context__ = e) is left
// as it is: the slow pointer, one link per two of o's (Floyd's cycle
// detection, as CPython does), meets o inside such a loop.
func setContext(exc, ctx *BaseException) {
	slow, stepSlow := ctx, false
	for o := ctx; o != nil; {
		next, _ := o.Context().(*BaseException)
		if next == exc {
			o.SetContext(nil)
			break
		}
		o = next
		if stepSlow {
			slow, _ = slow.Context().(*BaseException)
		}
		stepSlow = !stepSlow
		if o == slow {
			break
		}
	}
	exc.SetContext(ctx)
}

var panicCount atomic.Int64

// executeSafe turns a Go panic inside the loop into a SystemError.
func (t *Thread) executeSafe(f *Frame) (r Object, err error) {
	// returned is set once execute returns: the deferred function then
	// skips the runtime call of recover (a generator consumed by sum()
	// comes through here once per item)
	returned := false
	defer func() {
		if returned {
			return
		}
		if p := recover(); p != nil {
			err = t.panicError(f, p)
		}
	}()
	if f.pending != nil {
		e := f.pending
		f.pending = nil
		return nil, e
	}
	r, err = t.execute(f)
	returned = true
	return r, err
}

// panicError is what a Go panic p inside execute(f) becomes: the
// exception it carries, or a SystemError. The frames involved are never
// reused: the one that panicked did not save its stack pointer
// (releaseFrame clears only below f.sp).
func (t *Thread) panicError(f *Frame, p any) error {
	panicCount.Add(1)
	f.escaped = true
	if t.frame != nil {
		t.frame.escaped = true
	}
	if e, ok := p.(*BaseException); ok {
		return e
	}
	msg := fmt.Sprint(p)
	if debugPanics {
		msg += "\n" + string(debug.Stack())
	}
	return NewError(SystemErrorType, "internal error: "+msg)
}

// debugPanics adds the Go stack to SystemErrors from panics
// (FREEPY_DEBUG_PANICS=1), for developers.
var debugPanics bool

// unboundLocal is the error for reading an unset fast local.
func unboundLocal(name string) error {
	return Errorf(UnboundLocalErrorType, "cannot access local variable '%s' where it is not associated with a value", name)
}

func nameError(name string) error {
	e := Errorf(NameErrorType, "name '%s' is not defined", name)
	e.Dict().SetStr("name", NewStr(name))
	return e
}

func (f *Frame) cellName(i int) string {
	c := f.code
	if i < len(c.Cellvars) {
		return c.Cellvars[i]
	}
	return c.Freevars[i-len(c.Cellvars)]
}

func freeVarError(f *Frame, i int) error {
	name := f.cellName(i)
	if i < len(f.code.Cellvars) {
		return unboundLocal(name)
	}
	return Errorf(NameErrorType, "cannot access free variable '%s' where it is not associated with a value in enclosing scope", name)
}

// escape is markEscaped for a frame of the running thread t: each frame
// it keeps out of the pool also leaves the pool's array (forgetFrame).
func (t *Thread) escape(f *Frame) {
	for ; f != nil && !f.escaped; f = f.back {
		f.escaped = true
		t.forgetFrame(f)
	}
}

// markEscaped keeps f and its callers out of the frame pool: a traceback
// or frame object may reach them through f_back. For a frame of the
// running thread, Thread.escape does more.
func (f *Frame) markEscaped() {
	for ; f != nil && !f.escaped; f = f.back {
		f.escaped = true
	}
}
