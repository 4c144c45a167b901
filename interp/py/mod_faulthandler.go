package py

import (
	"fmt"
	"math"
	"os"
	"os/signal"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unicode/utf8"
)

// faulthandler: dumping Python tracebacks straight to a file descriptor,
// in CPython's format ("Stack (most recent call first):" or "Current
// thread 0x... (most recent call first):" followed by one '  File "f",
// line N in name' line per frame, innermost first).
//
// What freepy can dump differs from CPython in one way: a thread's frames
// are read only by that thread. CPython reads every thread state while it
// holds the GIL (or, in a crash, without caring); freepy's threads run in
// parallel and mutate their frame chains without a lock, so reading
// another thread's frames would be a data race. Hence:
//   - dump_traceback() dumps the calling thread, also when all_threads is
//     true (other threads are not listed);
//   - dump_traceback_later() and register() run their dump in the main
//     thread: the watchdog (or the signal) posts a request that the main
//     thread serves as it serves signal handlers — at its next backward
//     jump, or at once when it is blocked in a wait (sleep, lock, join).
//     A main thread stuck elsewhere (a C call, a blocking system call)
//     does not answer within fhAnswerWait and only the "Timeout" line is
//     written; exit=True still ends the process.
//
// Fatal errors: enable() cannot run Python code when the Go runtime dies
// (a fault in C code, a fatal runtime error), so it arranges for the Go
// runtime's crash report — the signal, the faulting address and the Go
// stacks — to be written to the given file as well as to stderr
// (debug.SetCrashOutput).

// fhMaxFrames is CPython's MAX_FRAME_DEPTH; fhMaxString its MAX_STRING_LENGTH.
const (
	fhMaxFrames  = 100
	fhMaxString  = 500
	fhAnswerWait = time.Second
)

var fhState struct {
	mu         sync.Mutex
	enabled    bool
	file       Object // kept alive: its fd is written to
	allThreads bool
	crashFile  *os.File

	later *fhWatchdog
	// registered signal handlers, by signal number
	sigs map[int]*fhSignal
}

// fhRequest asks the main thread to dump its own stack.
type fhRequest struct {
	fd         int
	allThreads bool
	current    bool // "Current thread" rather than "Thread"
	done       chan struct{}
}

// fhPending is the request the main thread serves in checkSignals.
var fhPending atomic.Pointer[fhRequest]

// fhPost posts a request and wakes the main thread if it is waiting.
func fhPost(r *fhRequest) {
	fhPending.Store(r)
	sigState.any.Store(true)
	select {
	case sigState.wake <- struct{}{}:
	default:
	}
}

// fhServe is called by the main thread from checkSignals.
func fhServe(t *Thread) {
	r := fhPending.Swap(nil)
	if r == nil {
		return
	}
	fhDumpThread(t, r.fd, r.allThreads, r.current)
	close(r.done)
}

// fhWrite writes s to fd, ignoring errors as CPython does (the dump is
// best effort, and the file may be a closed pipe).
func fhWrite(fd int, s string) {
	b := []byte(s)
	for len(b) > 0 {
		n, err := syscall.Write(fd, b)
		if err == syscall.EINTR {
			continue
		}
		if err != nil || n <= 0 {
			return
		}
		b = b[n:]
	}
}

// fhASCII is CPython's _Py_DumpASCII: non-ASCII characters escaped,
// long strings cut at 500 characters.
func fhASCII(s string) string {
	var b strings.Builder
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 || r >= 0xd800 && r < 0xe000 {
			// a lone surrogate held as WTF-8: three bytes
			if i+3 <= len(s) && s[i] == 0xed {
				r = rune(s[i]&0x0f)<<12 | rune(s[i+1]&0x3f)<<6 | rune(s[i+2]&0x3f)
				size = 3
			}
		}
		if n >= fhMaxString {
			b.WriteString("...")
			break
		}
		switch {
		case r >= ' ' && r <= '~':
			b.WriteByte(byte(r))
		case r <= 0xff:
			fmt.Fprintf(&b, "\\x%02x", r)
		case r <= 0xffff:
			fmt.Fprintf(&b, "\\u%04x", r)
		default:
			fmt.Fprintf(&b, "\\U%08x", r)
		}
		i += size
		n++
	}
	return b.String()
}

// fhStack formats t's frames, innermost first.
func fhStack(t *Thread) string {
	var b strings.Builder
	f := t.frame
	if f == nil {
		return "  <no Python frame>\n"
	}
	for depth := 0; f != nil; depth++ {
		if depth >= fhMaxFrames {
			b.WriteString("  ...\n")
			break
		}
		b.WriteString("  File \"" + fhASCII(f.code.Filename) + "\", line ")
		if line := f.Line(); line >= 0 {
			b.WriteString(strconv.Itoa(line))
		} else {
			b.WriteString("???")
		}
		b.WriteString(" in " + fhASCII(f.code.Name) + "\n")
		f = f.back
	}
	return b.String()
}

// fhDumpThread writes the calling thread's traceback.
func fhDumpThread(t *Thread, fd int, allThreads, current bool) {
	var head string
	switch {
	case !allThreads:
		head = "Stack (most recent call first):\n"
	case current:
		head = fmt.Sprintf("Current thread 0x%016x (most recent call first):\n", uint64(t.ID))
	default:
		head = fmt.Sprintf("Thread 0x%016x (most recent call first):\n", uint64(t.ID))
	}
	fhWrite(fd, head+fhStack(t))
}

// fhFileno is CPython's faulthandler_get_fileno: an fd, or a file object's
// fileno() (flushed first); None means sys.stderr. It returns the object
// to keep alive (nil for a bare fd).
func fhFileno(t *Thread, file Object) (int, Object, error) {
	if file == nil || file == None {
		file = t.interp.Sys.dict.GetStr("stderr")
		if file == nil {
			return 0, nil, NewError(RuntimeErrorType, "unable to get sys.stderr")
		}
		if file == None {
			return 0, nil, NewError(RuntimeErrorType, "sys.stderr is None")
		}
	} else if isIntLike(file) {
		fd, err := cIntArg(t, file)
		if err != nil {
			return 0, nil, err
		}
		if fd < 0 {
			return 0, nil, ValueErrorf("file is not a valid file descripter")
		}
		return int(fd), nil, nil
	}
	r, err := CallMethod(t, file, "fileno")
	if err != nil {
		return 0, nil, err
	}
	fd := -1
	if isIntLike(r) {
		if n, err := AsInt64(t, r); err == nil && n >= 0 && n < math.MaxInt32 {
			fd = int(n)
		}
	}
	if fd < 0 {
		return 0, nil, NewError(RuntimeErrorType, "file.fileno() is not a valid file descriptor")
	}
	// a flush error is ignored: the dump goes to the descriptor anyway
	CallMethod(t, file, "flush")
	return fd, file, nil
}

// parseTupleKw is PyArg_ParseTupleAndKeywords' argument matching and
// messages (the type conversions are the caller's).
func parseTupleKw(fname string, args []Object, kw []string, names []string, required int, dst ...*Object) error {
	npos := len(args) - len(kw)
	if len(args) > len(names) || npos > len(names) {
		word := "at most"
		if required == len(names) {
			word = "exactly"
		}
		return TypeErrorf("%s() takes %s %d argument%s (%d given)", fname, word, len(names), plural(len(names)), len(args))
	}
	for i := range dst {
		*dst[i] = nil
	}
	used := make([]bool, len(kw))
	for i, name := range names {
		if i < npos {
			*dst[i] = args[i]
		}
		for k, n := range kw {
			if n == name {
				if i < npos {
					return TypeErrorf("argument for %s() given by name ('%s') and position (%d)", fname, name, i+1)
				}
				*dst[i] = args[npos+k]
				used[k] = true
			}
		}
		if *dst[i] == nil && i < required {
			if required == len(names) && len(kw) == 0 {
				return TypeErrorf("%s() takes exactly %d argument%s (%d given)", fname, required, plural(required), len(args))
			}
			return TypeErrorf("%s() missing required argument '%s' (pos %d)", fname, name, i+1)
		}
	}
	for k, ok := range used {
		if !ok {
			return TypeErrorf("'%s' is an invalid keyword argument for %s()", kw[k], fname)
		}
	}
	return nil
}

// fhSetCrashOutput sends the Go runtime's crash report to fd as well as
// stderr (nothing more to do when fd is stderr); fd < 0 stops it.
func fhSetCrashOutput(fd int) {
	if fhState.crashFile != nil {
		debug.SetCrashOutput(nil, debug.CrashOptions{})
		fhState.crashFile.Close()
		fhState.crashFile = nil
	}
	if fd < 0 || fd == 2 {
		return
	}
	nfd, err := syscall.Dup(fd)
	if err != nil {
		return
	}
	syscall.CloseOnExec(nfd)
	f := os.NewFile(uintptr(nfd), "faulthandler")
	if debug.SetCrashOutput(f, debug.CrashOptions{}) != nil {
		f.Close()
		return
	}
	fhState.crashFile = f
}

// fhTimeout converts dump_traceback_later's timeout to microseconds as
// CPython does (_PyTime_FromSecondsObject, rounded up).
func fhTimeout(t *Thread, o Object) (int64, error) {
	tooLarge := NewError(OverflowErrorType, "timestamp too large to convert to C _PyTime_t")
	var us int64
	if f, ok := unwrap(o).(Float); ok {
		v := float64(f)
		if math.IsNaN(v) {
			return 0, ValueErrorf("Invalid value NaN (not a number)")
		}
		ns := math.Ceil(v * 1e9)
		if ns >= math.MaxInt64 || ns < math.MinInt64 {
			return 0, tooLarge
		}
		us = int64(math.Ceil(ns / 1e3))
	} else {
		n, err := Index(t, o)
		if err != nil {
			return 0, err
		}
		v, ok := n.(Int)
		if !ok || v > math.MaxInt64/1_000_000_000 || v < math.MinInt64/1_000_000_000 {
			return 0, tooLarge
		}
		us = int64(v) * 1e6
	}
	if us <= 0 {
		return 0, ValueErrorf("timeout must be greater than 0")
	}
	return us, nil
}

// fhTimeoutHeader is the watchdog's first line.
func fhTimeoutHeader(us int64) string {
	sec := us / 1e6
	us %= 1e6
	min := sec / 60
	sec %= 60
	hour := min / 60
	min %= 60
	if us != 0 {
		return fmt.Sprintf("Timeout (%d:%02d:%02d.%06d)!\n", hour, min, sec, us)
	}
	return fmt.Sprintf("Timeout (%d:%02d:%02d)!\n", hour, min, sec)
}

// fhWatchdog is a dump_traceback_later timer.
type fhWatchdog struct {
	cancel chan struct{}
	file   Object
}

func (w *fhWatchdog) run(fd int, us int64, repeat, exit bool) {
	d := time.Duration(us) * time.Microsecond
	header := fhTimeoutHeader(us)
	for {
		select {
		case <-w.cancel:
			return
		case <-time.After(d):
		}
		fhWrite(fd, header)
		r := &fhRequest{fd: fd, allThreads: true, done: make(chan struct{})}
		fhPost(r)
		select {
		case <-r.done:
		case <-time.After(fhAnswerWait):
			// the main thread did not come by: withdraw the request
			fhPending.CompareAndSwap(r, nil)
		case <-w.cancel:
			fhPending.CompareAndSwap(r, nil)
			return
		}
		if exit {
			os.Exit(1)
		}
		if !repeat {
			return
		}
	}
}

func fhCancelLater() {
	if w := fhState.later; w != nil {
		close(w.cancel)
		fhState.later = nil
	}
}

// fhSignal is a register()ed signal.
type fhSignal struct {
	ch   chan os.Signal
	file Object
	stop chan struct{}
}

// fhFatalSignals are the signals enable() is about; register() refuses them.
var fhFatalSignals = map[int]bool{
	int(syscall.SIGSEGV): true, int(syscall.SIGFPE): true, int(syscall.SIGABRT): true,
	int(syscall.SIGBUS): true, int(syscall.SIGILL): true,
}

func fhSignum(t *Thread, o Object) (int, error) {
	n, err := cIntArg(t, o)
	if err != nil {
		return 0, err
	}
	if n < 1 || n >= nsig {
		return 0, ValueErrorf("signal number out of range")
	}
	return int(n), nil
}

func init() {
	fhState.sigs = map[int]*fhSignal{}
	RegisterNativeModule("faulthandler", func(t *Thread) (*Module, error) {
		m := NewModule("faulthandler")
		m.dict.SetStr("__doc__", NewStr("Dump Python tracebacks to a file descriptor."))
		m.AddFunc("enable", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var file, all Object
			if err := parseTupleKw("enable", args, kw, []string{"file", "all_threads"}, 0, &file, &all); err != nil {
				return nil, err
			}
			allThreads, err := optBool(t, all, true)
			if err != nil {
				return nil, err
			}
			fd, keep, err := fhFileno(t, file)
			if err != nil {
				return nil, err
			}
			fhState.mu.Lock()
			fhState.enabled, fhState.file, fhState.allThreads = true, keep, allThreads
			fhSetCrashOutput(fd)
			fhState.mu.Unlock()
			return None, nil
		})
		m.AddFunc("disable", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) > 0 {
				return nil, TypeErrorf("faulthandler.disable() takes no arguments (%d given)", len(args))
			}
			fhState.mu.Lock()
			defer fhState.mu.Unlock()
			if !fhState.enabled {
				return False, nil
			}
			fhState.enabled, fhState.file = false, nil
			fhSetCrashOutput(-1)
			return True, nil
		})
		m.AddFunc("is_enabled", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) > 0 {
				return nil, TypeErrorf("faulthandler.is_enabled() takes no arguments (%d given)", len(args))
			}
			fhState.mu.Lock()
			defer fhState.mu.Unlock()
			return Bool(fhState.enabled), nil
		})
		m.AddFunc("dump_traceback", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var file, all Object
			if err := parseTupleKw("dump_traceback", args, kw, []string{"file", "all_threads"}, 0, &file, &all); err != nil {
				return nil, err
			}
			allThreads, err := optBool(t, all, true)
			if err != nil {
				return nil, err
			}
			fd, _, err := fhFileno(t, file)
			if err != nil {
				return nil, err
			}
			fhDumpThread(t, fd, allThreads, true)
			return None, nil
		})
		m.AddFunc("dump_traceback_later", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var timeout, repeat, file, exit Object
			if err := parseTupleKw("dump_traceback_later", args, kw, []string{"timeout", "repeat", "file", "exit"}, 1, &timeout, &repeat, &file, &exit); err != nil {
				return nil, err
			}
			us, err := fhTimeout(t, timeout)
			if err != nil {
				return nil, err
			}
			var rep, ex bool
			if repeat != nil {
				if rep, err = IsTrue(t, repeat); err != nil {
					return nil, err
				}
			}
			if exit != nil {
				if ex, err = IsTrue(t, exit); err != nil {
					return nil, err
				}
			}
			fd, keep, err := fhFileno(t, file)
			if err != nil {
				return nil, err
			}
			w := &fhWatchdog{cancel: make(chan struct{}), file: keep}
			fhState.mu.Lock()
			fhCancelLater()
			fhState.later = w
			fhState.mu.Unlock()
			go w.run(fd, us, rep, ex)
			return None, nil
		})
		m.AddFunc("cancel_dump_traceback_later", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) > 0 {
				return nil, TypeErrorf("faulthandler.cancel_dump_traceback_later() takes no arguments (%d given)", len(args))
			}
			fhState.mu.Lock()
			fhCancelLater()
			fhState.mu.Unlock()
			return None, nil
		})
		m.AddFunc("register", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var signum, file, all, chain Object
			if err := parseTupleKw("register", args, kw, []string{"signum", "file", "all_threads", "chain"}, 1, &signum, &file, &all, &chain); err != nil {
				return nil, err
			}
			sig, err := fhSignum(t, signum)
			if err != nil {
				return nil, err
			}
			if fhFatalSignals[sig] {
				return nil, Errorf(RuntimeErrorType, "signal %d cannot be registered, use enable() instead", sig)
			}
			allThreads, err := optBool(t, all, true)
			if err != nil {
				return nil, err
			}
			if chain != nil {
				// Go delivers the signal to every listener: a Python
				// handler installed with signal.signal() runs as well
				if _, err := IsTrue(t, chain); err != nil {
					return nil, err
				}
			}
			fd, keep, err := fhFileno(t, file)
			if err != nil {
				return nil, err
			}
			s := &fhSignal{ch: make(chan os.Signal, 1), file: keep, stop: make(chan struct{})}
			fhState.mu.Lock()
			if old := fhState.sigs[sig]; old != nil {
				signal.Stop(old.ch)
				close(old.stop)
			}
			fhState.sigs[sig] = s
			fhState.mu.Unlock()
			signal.Notify(s.ch, syscall.Signal(sig))
			go func() {
				for {
					select {
					case <-s.stop:
						return
					case <-s.ch:
						r := &fhRequest{fd: fd, allThreads: allThreads, current: true, done: make(chan struct{})}
						fhPost(r)
						select {
						case <-r.done:
						case <-time.After(fhAnswerWait):
							fhPending.CompareAndSwap(r, nil)
						case <-s.stop:
							return
						}
					}
				}
			}()
			return None, nil
		})
		m.AddFunc("unregister", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var signum Object
			if err := parseTupleKw("unregister", args, kw, []string{"signum"}, 1, &signum); err != nil {
				return nil, err
			}
			sig, err := fhSignum(t, signum)
			if err != nil {
				return nil, err
			}
			fhState.mu.Lock()
			defer fhState.mu.Unlock()
			s := fhState.sigs[sig]
			if s == nil {
				return False, nil
			}
			signal.Stop(s.ch)
			close(s.stop)
			delete(fhState.sigs, sig)
			return True, nil
		})
		// PYTHONFAULTHANDLER and -X faulthandler enable it at start-up in
		// CPython; freepy enables it when the module is first imported
		fhState.mu.Lock()
		_, x := t.interp.XOptions["faulthandler"]
		if !fhState.enabled && (x || (t.interp.Flags.IgnoreEnvironment == 0 && os.Getenv("PYTHONFAULTHANDLER") != "")) {
			fhState.enabled, fhState.allThreads = true, true
		}
		fhState.mu.Unlock()
		return m, nil
	})
}
