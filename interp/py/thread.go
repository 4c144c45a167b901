package py

import (
	"os"
	"sync"
	"sync/atomic"
	"unsafe"

	"freepy/interp/pyfmt"
)

// Interp is the interpreter-wide state shared by all threads.
type Interp struct {
	Modules  *Dict // sys.modules
	Builtins *Module
	Sys      *Module
	Path     *List // sys.path
	Argv     *List
	Stdout   Object
	Stderr   Object
	Stdin    Object

	recLimit atomic.Int64

	// importLocks serialises the execution of one module's body: a
	// second importer waits for the first to finish (unless it is the
	// same thread, which gets the partially initialised module).
	importMu    sync.Mutex
	importLocks map[string]*importLock

	nextThreadID atomic.Int64
	Flags        Flags
	// Options from the command line (-X), read by sys._xoptions.
	XOptions map[string]string
	// Lib is the host CPython standard library directory.
	Lib string

	gil gil // the optional global lock (gil.go)

	hooks importHooks // the native importer and importlib (import_hooks.go)

	// codeCache is set by EnableCodeCache before the interpreter runs
	// code, then only read (codecache.go).
	codeCache *bytecodeCache
}

// Flags mirror sys.flags.
type Flags struct {
	Isolated, IgnoreEnvironment, NoUserSite, NoSite, Unbuffered, Inspect, Verbose, DontWriteBytecode, Quiet, Optimize int
	SafePath                                                                                                          bool
	// UTF8Mode is sys.flags.utf8_mode (PEP 540). freepy's text always is
	// UTF-8; the flag follows CPython's rule so that what programs read
	// from it (locale.getpreferredencoding) agrees.
	UTF8Mode int
}

func (in *Interp) recursionLimit() int { return int(in.recLimit.Load()) }

// Thread is the state of one Python thread (a goroutine).
type Thread struct {
	interp  *Interp
	frame   *Frame
	excInfo *BaseException // the exception being handled (sys.exc_info)
	depth   int
	ID      int64
	// recursive guards repr() of self-referencing containers.
	reprStack []Object
	// framePool holds finished frames for reuse (see releaseFrame).
	framePool []*Frame
	// box is the chunk boxInt and boxFloat take slots from (box.go).
	box     *boxChunk
	boxLeft int // free slots at the end of box (box.go)
	// percentCache holds parsed %-format strings: a program formats with
	// a few constant formats over and over. Per thread, so no lock.
	percentCache map[string][]pyfmt.Directive
	// percentLast is the format str parsed last and its directives: a
	// loop formatting with one constant format skips the map's hashing.
	percentLast     *Str
	percentLastDirs []pyfmt.Directive
	// formatCache holds parsed str.format strings (strformat.go).
	formatCache *formatCache
	// str16 and str32 are the chunks short strs are taken from
	// (str_alloc.go), with the number of their blocks handed out.
	str16     *strChunk16
	str32     *strChunk32
	str16Used int
	str32Used int
	// gilHeld is true while the thread holds the optional global lock.
	gilHeld bool
	// CState is the thread's C-API state (package capi), nil until the
	// thread first calls into a C extension.
	CState unsafe.Pointer
	// jumps counts backward jumps while another thread sleeps (mod_time.go).
	jumps uint32
	// LegacyHeld counts the legacy pseudo-GILs the thread holds (set by
	// package capi); running Python code releases them (LegacyRelease).
	LegacyHeld int32
	// ctx is the current contextvars.Context (mod_contextvars.go); nil
	// until first used.
	ctx *Context
	// importWait is the import lock the thread waits for, guarded by
	// Interp.importMu (deadlock detection, module.go's waitFor).
	importWait *importLock
	// hooks is the thread's tracing and profiling state while a hook is
	// set and none runs, else nil; tstate is that state (trace.go)
	hooks  *traceState
	tstate *traceState
	// ownGoroutine: the goroutine running the thread is its own for its
	// whole life (the main thread, threads started by _thread), so it
	// may be locked to its OS thread (threadTimeNs); threadLocked says
	// it is.
	ownGoroutine, threadLocked bool
	// coroOriginDepth is sys.set_coroutine_origin_tracking_depth's value
	// (per thread, as in CPython): how many frames a new coroutine's
	// cr_origin records.
	coroOriginDepth int32
	// dictNext is the address of the entry after the one this thread
	// last appended to a big dict table, a guess of where its next
	// insertion goes, which Dict.storeFast prefetches before it takes
	// the dict's lock; 0 for none. An integer, so that it keeps no
	// table alive; a stale guess costs a useless prefetch.
	dictNext uintptr

	// The struct is a whole number of cache lines (checked by
	// TestHotStructsFillCacheLines): its size class is then a multiple of
	// 64 bytes, so each Thread starts a line. Threads are made one after
	// the other by the thread that starts them, next to each other in one
	// span; at 224 bytes one thread's frame and depth (written on every
	// call) shared a line with the previous thread's fields.
}

// LegacyRelease is set by package capi: it releases the pseudo-GILs t
// holds and returns the function that takes them back.
var LegacyRelease func(t *Thread) func()

// NewInterp creates the interpreter state and its main thread.
func NewInterp() (*Interp, *Thread) {
	in := &Interp{Modules: NewDict(), importLocks: map[string]*importLock{}, XOptions: map[string]string{}}
	in.recLimit.Store(1000)
	debugPanics = os.Getenv("FREEPY_DEBUG_PANICS") != ""
	t := in.NewThread()
	t.ownGoroutine = true
	rememberFinalizeInterp(in)
	initBuiltins(in)
	initSys(t)
	return in, t
}

// NewThread makes the state for a new Python thread.
func (in *Interp) NewThread() *Thread {
	// the frame pool's array is written on every call: 8 pointers fill
	// one cache line (and its doublings whole lines), so it shares none
	// with another thread's objects
	t := &Thread{interp: in, ID: in.nextThreadID.Add(1), framePool: make([]*Frame, 0, 8)}
	registerThread(t)
	return t
}

// Interp returns the thread's interpreter.
func (t *Thread) Interp() *Interp { return t.interp }

// Frame returns the current frame.
func (t *Thread) Frame() *Frame { return t.frame }

// enterRecursive guards Go-level recursion (repr, comparison of nested
// containers) against overflowing the Go stack.
func (t *Thread) enterRecursive() error {
	t.depth++
	if t.depth > t.interp.recursionLimit()+50 {
		t.depth--
		return NewError(RecursionErrorType, "maximum recursion depth exceeded while getting the repr of an object")
	}
	return nil
}

func (t *Thread) leaveRecursive() { t.depth-- }

// displayHook is sys.displayhook for PRINT_EXPR.
func (t *Thread) displayHook(v Object) error {
	hook := t.interp.Sys.dict.GetStr("displayhook")
	if hook == nil {
		return NewError(RuntimeErrorType, "lost sys.displayhook")
	}
	_, err := Call1(t, hook, v)
	return err
}

// builtinsFor returns the builtins dict for a globals dict: its
// __builtins__ entry, or the interpreter's.
func builtinsFor(t *Thread, globals *Dict) *Dict {
	switch b := globals.getStr(strBuiltins).(type) {
	case *Module:
		return b.dict
	case *Dict:
		return b
	}
	if t != nil && t.interp.Builtins != nil {
		return t.interp.Builtins.dict
	}
	return NewDict()
}

var sourceCache sync.Map // filename -> []string

// sourceLine returns a stripped source line for tracebacks.
func sourceLine(filename string, line int) string {
	s, ok := rawSourceLine(filename, line)
	if !ok {
		return ""
	}
	i, j := 0, len(s)
	for i < j && (s[i] == ' ' || s[i] == '\t' || s[i] == '\f') {
		i++
	}
	for j > i && (s[j-1] == ' ' || s[j-1] == '\t' || s[j-1] == '\r' || s[j-1] == '\n') {
		j--
	}
	return s[i:j]
}

// rawSourceLine is line number line of a source file as written, without
// its newline.
func rawSourceLine(filename string, line int) (string, bool) {
	var lines []string
	if v, ok := sourceCache.Load(filename); ok {
		lines = v.([]string)
	} else {
		data, err := os.ReadFile(filename)
		if err != nil {
			return "", false
		}
		lines = splitLines(string(data))
		sourceCache.Store(filename, lines)
	}
	if line < 1 || line > len(lines) {
		return "", false
	}
	return lines[line-1], true
}

// RegisterSource makes source text available to tracebacks (for -c and
// stdin programs CPython shows no lines; used for files only).
func RegisterSource(filename string, src string) {
	sourceCache.Store(filename, splitLines(src))
}

func splitLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}
