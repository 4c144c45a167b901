package py

import (
	"os"
	"os/signal"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// Signals. Go receives the OS signal on its own goroutine; freepy records
// it as pending and wakes the main thread if it is blocked in a wait (lock
// acquire, join, sleep, Event.wait). The Python handler then runs in the
// main thread, as in CPython. A CPU-bound main thread does not poll yet (the
// evaluation loop has no check point): a second Ctrl-C while the first is
// still pending ends the process as CPython's default SIGINT action would.

const nsig = 65

var sigState struct {
	mu        sync.Mutex
	handlers  map[int]Object // Python-level handlers (SIG_DFL = Int(0), SIG_IGN = Int(1))
	installed bool
	in        *Interp
	ch        chan os.Signal
	pending   [nsig]atomic.Bool
	any       atomic.Bool
	wake      chan struct{} // capacity 1: a signal arrived
}

func init() {
	sigState.handlers = map[int]Object{}
	sigState.wake = make(chan struct{}, 1)
}

var defaultIntHandler = &Builtin{Name: "default_int_handler", Fn: func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	return nil, NewException(KeyboardInterruptType)
}}

// installSignals starts listening for SIGINT (CPython installs its handler
// at start-up; freepy does it when _thread, time or _signal is imported).
func installSignals(in *Interp) {
	sigState.mu.Lock()
	defer sigState.mu.Unlock()
	if sigState.installed {
		return
	}
	sigState.installed = true
	sigState.in = in
	sigState.ch = make(chan os.Signal, 8)
	if _, ok := sigState.handlers[int(syscall.SIGINT)]; !ok {
		sigState.handlers[int(syscall.SIGINT)] = defaultIntHandler
	}
	signal.Notify(sigState.ch, os.Interrupt)
	go func() {
		for s := range sigState.ch {
			n, ok := s.(syscall.Signal)
			if !ok || int(n) >= nsig || int(n) <= 0 {
				continue
			}
			if n == syscall.SIGINT && sigState.pending[n].Load() && !sigBlocked(int(n)) {
				sigState.mu.Lock()
				h := sigState.handlers[int(n)]
				sigState.mu.Unlock()
				if h == defaultIntHandler {
					// not consumed: the main thread is busy computing
					if in := sigState.in; in != nil {
						FlushStd(in, nil)
					}
					os.Stderr.WriteString("KeyboardInterrupt\n")
					DieOfSIGINT()
				}
			}
			sigDeliver(int(n), sigInfo{})
		}
	}()
}

// isMainThread: the interpreter's first thread runs the program.
func isMainThread(t *Thread) bool { return t.ID == 1 }

// checkSignals runs the handlers of pending signals in the main thread and
// returns the exception one of them raised.
func checkSignals(t *Thread) error {
	if !sigState.any.Load() {
		return nil
	}
	if asyncExcs.n.Load() > 0 {
		if err := takeAsyncExc(t); err != nil {
			return err
		}
	}
	if framesWanted.Load() > 0 {
		publishFrame(t) // sys._current_frames asks (sys_frames.go)
	}
	if !isMainThread(t) {
		return nil
	}
	sigState.any.Store(false)
	if asyncExcs.n.Load() > 0 || framesWanted.Load() > 0 {
		// another thread's asynchronous exception is still to be raised
		sigState.any.Store(true)
	}
	// a faulthandler dump the main thread was asked for (a thread's
	// frames are read only by that thread)
	fhServe(t)
	blocked := sigPendingBlocked()
	for n := 1; n < nsig; n++ {
		if blocked&(1<<(n-1)) != 0 {
			continue // held for sigwait or until unblocked (mod_signal_mask.go)
		}
		if !sigState.pending[n].CompareAndSwap(true, false) {
			continue
		}
		sigState.mu.Lock()
		h := sigState.handlers[n]
		sigState.mu.Unlock()
		if h == nil {
			continue
		}
		if _, ok := h.(Int); ok {
			continue
		}
		var frame Object = None
		if t.frame != nil {
			frame = t.frame
		}
		if _, err := Call(t, h, []Object{Int(n), frame}, nil); err != nil {
			return err
		}
	}
	return runPending(t)
}

// signalWake is the channel a blocked main thread also waits on; nil for
// other threads (a nil channel blocks forever in a select).
func signalWake(t *Thread) <-chan struct{} {
	if isMainThread(t) {
		return sigState.wake
	}
	return nil
}

// waitChan waits for ch to deliver (or to be closed), for at most timeout
// (< 0: no limit), running signal handlers in the main thread meanwhile.
func waitChan(t *Thread, ch <-chan struct{}, timeout time.Duration) (bool, error) {
	if err := checkSignals(t); err != nil {
		return false, err
	}
	return waitChanBlocked(t, ch, timeout)
}

// signalsAfterCall runs the handlers of signals that are pending when a
// call returns to Python code in the main thread, as CPython's evaluation
// loop does after every call. freepy's loop checks at backward jumps only,
// so the calls that end a wait (lock.acquire, hence Thread.join) check
// here: a signal that arrived meanwhile, or just before (the fast path
// took a free lock), is raised by the call itself, as in CPython, even
// when the wait ended at the same moment. What the call acquired is kept.
func signalsAfterCall(t *Thread) error {
	if !sigState.any.Load() || !isMainThread(t) {
		return nil
	}
	return checkSignals(t)
}

// waitChanBlocked is waitChan's wait, with the thread marked as blocked.
func waitChanBlocked(t *Thread, ch <-chan struct{}, timeout time.Duration) (bool, error) {
	// a blocked thread lets others run in PYTHON_GIL=1 mode (gil.go)
	held := t.BeginBlocking()
	defer func() { t.EndBlocking(held) }()
	var timer <-chan time.Time
	if timeout >= 0 {
		tm := time.NewTimer(timeout)
		defer tm.Stop()
		timer = tm.C
	}
	wake := signalWake(t)
	for {
		select {
		case <-ch:
			return true, nil
		case <-timer:
			return false, nil
		case <-wake:
			// handlers run Python code: not blocked meanwhile (and
			// holding the lock in PYTHON_GIL=1 mode)
			t.EndBlocking(held)
			err := checkSignals(t)
			held = t.BeginBlocking()
			if err != nil {
				return false, err
			}
		}
	}
}

var signalNames = map[string]syscall.Signal{
	"SIGHUP": syscall.SIGHUP, "SIGINT": syscall.SIGINT, "SIGQUIT": syscall.SIGQUIT, "SIGILL": syscall.SIGILL,
	"SIGTRAP": syscall.SIGTRAP, "SIGABRT": syscall.SIGABRT, "SIGIOT": syscall.SIGIOT, "SIGBUS": syscall.SIGBUS,
	"SIGFPE": syscall.SIGFPE, "SIGKILL": syscall.SIGKILL, "SIGUSR1": syscall.SIGUSR1, "SIGSEGV": syscall.SIGSEGV,
	"SIGUSR2": syscall.SIGUSR2, "SIGPIPE": syscall.SIGPIPE, "SIGALRM": syscall.SIGALRM, "SIGTERM": syscall.SIGTERM,
	"SIGSTKFLT": syscall.SIGSTKFLT, "SIGCHLD": syscall.SIGCHLD, "SIGCONT": syscall.SIGCONT, "SIGSTOP": syscall.SIGSTOP,
	"SIGTSTP": syscall.SIGTSTP, "SIGTTIN": syscall.SIGTTIN, "SIGTTOU": syscall.SIGTTOU, "SIGURG": syscall.SIGURG,
	"SIGXCPU": syscall.SIGXCPU, "SIGXFSZ": syscall.SIGXFSZ, "SIGVTALRM": syscall.SIGVTALRM, "SIGPROF": syscall.SIGPROF,
	"SIGWINCH": syscall.SIGWINCH, "SIGIO": syscall.SIGIO, "SIGPOLL": syscall.SIGIO, "SIGPWR": syscall.SIGPWR,
	"SIGSYS": syscall.SIGSYS, "SIGRTMIN": syscall.Signal(34), "SIGRTMAX": syscall.Signal(64),
}

func signalArg(t *Thread, fname string, o Object) (int, error) {
	n, err := AsInt64(t, o)
	if err != nil {
		return 0, err
	}
	if n < 1 || n >= nsig {
		return 0, ValueErrorf("signal number out of range")
	}
	return int(n), nil
}

func init() {
	RegisterNativeModule("_signal", func(t *Thread) (*Module, error) {
		installSignals(t.interp)
		m := NewModule("_signal")
		d := m.Dict()
		for name, s := range signalNames {
			d.SetStr(name, Int(s))
		}
		d.SetStr("SIG_DFL", Int(0))
		d.SetStr("SIG_IGN", Int(1))
		d.SetStr("NSIG", Int(nsig))
		d.SetStr("SIG_BLOCK", Int(0))
		d.SetStr("SIG_UNBLOCK", Int(1))
		d.SetStr("SIG_SETMASK", Int(2))
		d.SetStr("ITIMER_REAL", Int(0))
		d.SetStr("ITIMER_VIRTUAL", Int(1))
		d.SetStr("ITIMER_PROF", Int(2))
		d.SetStr("default_int_handler", defaultIntHandler)
		m.AddFunc("signal", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var so, h Object
			if err := ParseArgs("signal", args, kw, []string{"", ""}, 2, &so, &h); err != nil {
				return nil, err
			}
			n, err := signalArg(t, "signal", so)
			if err != nil {
				return nil, err
			}
			if !isMainThread(t) {
				return nil, ValueErrorf("signal only works in main thread of the main interpreter")
			}
			sig := syscall.Signal(n)
			if sig == syscall.SIGKILL || sig == syscall.SIGSTOP {
				return nil, newOSError(int(syscall.EINVAL), nil, nil)
			}
			if hi, ok := h.(Int); ok {
				if hi != 0 && hi != 1 {
					return nil, TypeErrorf("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
				}
			} else if LoadPtr(&h.Type().Call) == nil {
				return nil, TypeErrorf("signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object")
			}
			sigState.mu.Lock()
			old := sigState.handlers[n]
			sigState.handlers[n] = h
			sigState.mu.Unlock()
			sigRoute(n)
			if old == nil {
				return Int(0), nil
			}
			return old, nil
		})
		m.AddFunc("getsignal", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var so Object
			if err := ParseArgs("getsignal", args, kw, []string{""}, 1, &so); err != nil {
				return nil, err
			}
			n, err := signalArg(t, "getsignal", so)
			if err != nil {
				return nil, err
			}
			sigState.mu.Lock()
			h := sigState.handlers[n]
			sigState.mu.Unlock()
			if h == nil {
				return Int(0), nil
			}
			return h, nil
		})
		m.AddFunc("set_wakeup_fd", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			return Int(-1), nil
		})
		m.AddFunc("siginterrupt", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			return None, nil
		})
		m.AddFunc("raise_signal", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var so Object
			if err := ParseArgs("raise_signal", args, kw, []string{""}, 1, &so); err != nil {
				return nil, err
			}
			n, err := signalArg(t, "raise_signal", so)
			if err != nil {
				return nil, err
			}
			if sigBlocked(n) {
				// held pending, as the kernel holds a blocked signal
				// glibc's raise reports SI_USER
				sigDeliver(n, sigInfo{pid: os.Getpid(), uid: os.Getuid()})
				return None, nil
			}
			sigState.mu.Lock()
			h := sigState.handlers[n]
			sigState.mu.Unlock()
			if h != nil {
				if _, ok := h.(Int); !ok {
					// deliver synchronously, as CPython does before returning
					var frame Object = None
					if t.frame != nil {
						frame = t.frame
					}
					_, err := Call(t, h, []Object{Int(n), frame}, nil)
					return None, err
				}
			}
			if err := syscall.Kill(os.Getpid(), syscall.Signal(n)); err != nil {
				return nil, osErrorFrom(err, nil)
			}
			return None, nil
		})
		m.AddFunc("strsignal", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var so Object
			if err := ParseArgs("strsignal", args, kw, []string{""}, 1, &so); err != nil {
				return nil, err
			}
			n, err := signalArg(t, "strsignal", so)
			if err != nil {
				return nil, err
			}
			s := syscall.Signal(n).String()
			if len(s) > 0 {
				s = string(s[0]-'a'+'A') + s[1:]
			}
			return NewStr(s), nil
		})
		m.AddFunc("valid_signals", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			s := NewSet()
			for n := 1; n < nsig; n++ {
				if n == 32 || n == 33 {
					continue
				}
				if err := s.d.SetItem(t, Int(n), None); err != nil {
					return nil, err
				}
			}
			return s, nil
		})
		d.SetStr("SIGCLD", Int(syscall.SIGCHLD))
		if itimerErrorType == nil {
			if err := makeItimerError(t); err != nil {
				return nil, err
			}
		}
		d.SetStr("ItimerError", itimerErrorType)
		m.AddFunc("alarm", signalAlarm)
		m.AddFunc("setitimer", signalSetitimer)
		m.AddFunc("getitimer", signalGetitimer)
		m.AddFunc("pause", signalPause)
		m.AddFunc("sigpending", signalSigpending)
		m.AddFunc("pthread_sigmask", signalPthreadSigmask)
		m.AddFunc("pthread_kill", signalPthreadKill)
		m.AddFunc("sigwait", sigwaitFunc("sigwait", false))
		m.AddFunc("sigwaitinfo", sigwaitFunc("sigwaitinfo", true))
		m.AddFunc("sigtimedwait", signalSigtimedwait)
		d.SetStr("struct_siginfo", signalSiginfo.Type)
		return m, nil
	})
}

// DieOfSIGINT ends the process after an uncaught KeyboardInterrupt as
// CPython does: by SIGINT with the default action, so that a parent sees a
// death by signal (a shell reports 130, subprocess a return code of -2) and
// a shell script running freepy stops too. Status 130 is the fallback.
func DieOfSIGINT() {
	signal.Reset(syscall.SIGINT)
	_ = syscall.Kill(os.Getpid(), syscall.SIGINT)
	time.Sleep(100 * time.Millisecond)
	os.Exit(130)
}
