package py

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
	"weak"
)

// pthread_sigmask, pthread_kill, sigwait, sigwaitinfo, sigtimedwait.
//
// A Python thread is a goroutine that the Go scheduler moves between OS
// threads, and Go itself receives every signal it catches on its own
// thread, so an OS thread's signal mask means nothing to Python code.
// freepy keeps one signal mask for the interpreter instead: a signal in it
// that arrives is held pending (sigpending() lists it) rather than handed
// to its Python handler, sigwait and friends (in any thread) take it from
// there, and unblocking it delivers it: to the Python handler, or with the
// default action (SIG_DFL) or not at all (SIG_IGN), as the kernel would.
// pthread_sigmask in any thread changes that one mask. pthread_kill with a
// live thread's ident (threading.get_ident()) sends the signal to the
// process; its handler runs in the main thread, as CPython runs every
// Python handler.

var sigMask struct {
	mu      sync.Mutex
	blocked uint64 // bit n-1 for signal n
	waiting [nsig]int
	// arrived is closed (and replaced) whenever a signal is recorded, to
	// wake sigwait callers
	arrived chan struct{}
	// info is what sigwaitinfo reports for each pending signal: si_pid
	// and si_uid are known for the signals freepy sends itself
	// (raise_signal, pthread_kill); Go does not pass a caught signal's
	// siginfo on, so others report SI_USER (0) from pid 0, uid 0.
	info [nsig]sigInfo
}

type sigInfo struct{ code, pid, uid int }

var signalSiginfo *StructSeq

func init() {
	sigMask.arrived = make(chan struct{})
	signalSiginfo = NewStructSeqType("struct_siginfo", "signal", []string{"si_signo", "si_code", "si_errno", "si_pid", "si_uid", "si_status", "si_band"})
}

func sigBlocked(n int) bool {
	sigMask.mu.Lock()
	defer sigMask.mu.Unlock()
	return sigMask.blocked&(1<<(n-1)) != 0
}

// sigDeliver records signal n as pending and wakes whoever waits for it:
// the main thread (its handler) and sigwait callers.
func sigDeliver(n int, info sigInfo) {
	sigMask.mu.Lock()
	sigMask.info[n] = info
	sigState.pending[n].Store(true)
	close(sigMask.arrived)
	sigMask.arrived = make(chan struct{})
	sigMask.mu.Unlock()
	sigState.any.Store(true)
	select {
	case sigState.wake <- struct{}{}:
	default:
	}
}

// sigRoute tells Go what to do with signal n: catch it when it has a
// Python handler, is blocked or is waited for; else its disposition.
func sigRoute(n int) {
	sigState.mu.Lock()
	h := sigState.handlers[n]
	ch := sigState.ch
	sigState.mu.Unlock()
	sigMask.mu.Lock()
	held := sigMask.blocked&(1<<(n-1)) != 0 || sigMask.waiting[n] > 0
	sigMask.mu.Unlock()
	sig := syscall.Signal(n)
	switch {
	case held || (h != nil && h != Int(0) && h != Int(1)):
		if ch != nil {
			signal.Notify(ch, sig)
		}
	case h == Int(1):
		signal.Ignore(sig)
	default:
		signal.Reset(sig)
	}
}

// sigsetArg converts an iterable of signal numbers to a mask.
func sigsetArg(t *Thread, o Object) (uint64, error) {
	items, err := ToSlice(t, o)
	if err != nil {
		return 0, err
	}
	var m uint64
	for _, it := range items {
		n, err := AsInt64(t, it)
		if err != nil {
			return 0, err
		}
		if n < 1 || n >= nsig {
			return 0, ValueErrorf("signal number %d out of range [1; %d]", n, nsig-1)
		}
		m |= 1 << (n - 1)
	}
	return m, nil
}

func sigsetObj(t *Thread, m uint64) (Object, error) {
	s := NewSet()
	for n := 1; n < nsig; n++ {
		if m&(1<<(n-1)) != 0 {
			if err := s.d.SetItem(t, Int(n), None); err != nil {
				return nil, err
			}
		}
	}
	return s, nil
}

// sigPendingBlocked is the blocked signals held pending.
func sigPendingBlocked() uint64 {
	sigMask.mu.Lock()
	defer sigMask.mu.Unlock()
	var m uint64
	for n := 1; n < nsig; n++ {
		if sigMask.blocked&(1<<(n-1)) != 0 && sigState.pending[n].Load() {
			m |= 1 << (n - 1)
		}
	}
	return m
}

func signalPthreadSigmask(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	var howObj, maskObj Object
	if err := ParseArgs("pthread_sigmask", args, kw, []string{"", ""}, 2, &howObj, &maskObj); err != nil {
		return nil, err
	}
	how, err := AsInt64(t, howObj)
	if err != nil {
		return nil, err
	}
	m, err := sigsetArg(t, maskObj)
	if err != nil {
		return nil, err
	}
	// SIGKILL and SIGSTOP cannot be blocked; the kernel drops them quietly
	m &^= 1<<(syscall.SIGKILL-1) | 1<<(syscall.SIGSTOP-1)
	sigMask.mu.Lock()
	old := sigMask.blocked
	switch how {
	case 0: // SIG_BLOCK
		sigMask.blocked |= m
	case 1: // SIG_UNBLOCK
		sigMask.blocked &^= m
	case 2: // SIG_SETMASK
		sigMask.blocked = m
	default:
		sigMask.mu.Unlock()
		return nil, newOSError(int(syscall.EINVAL), nil, nil)
	}
	now := sigMask.blocked
	sigMask.mu.Unlock()
	for n := 1; n < nsig; n++ {
		bit := uint64(1) << (n - 1)
		if (old^now)&bit != 0 {
			sigRoute(n)
		}
		if old&bit != 0 && now&bit == 0 && sigState.pending[n].Load() {
			sigUnblocked(n)
		}
	}
	// an unblocked signal's handler runs before pthread_sigmask returns
	if err := checkSignals(t); err != nil {
		return nil, err
	}
	return sigsetObj(t, old)
}

// sigUnblocked delivers a signal that was held pending while blocked.
func sigUnblocked(n int) {
	sigState.mu.Lock()
	h := sigState.handlers[n]
	sigState.mu.Unlock()
	switch {
	case h == Int(1):
		sigState.pending[n].Store(false)
	case h == nil || h == Int(0):
		// the default action, now that Go no longer catches it
		sigState.pending[n].Store(false)
		_ = syscall.Kill(os.Getpid(), syscall.Signal(n))
	default:
		sigState.any.Store(true)
		select {
		case sigState.wake <- struct{}{}:
		default:
		}
	}
}

func signalPthreadKill(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	var idObj, sigObj Object
	if err := ParseArgs("pthread_kill", args, kw, []string{"", ""}, 2, &idObj, &sigObj); err != nil {
		return nil, err
	}
	id, err := AsInt64(t, idObj)
	if err != nil {
		return nil, err
	}
	n, err := AsInt64(t, sigObj)
	if err != nil {
		return nil, err
	}
	if n < 0 || n >= nsig {
		return nil, newOSError(int(syscall.EINVAL), nil, nil)
	}
	target := threadByID(t, id)
	if target == nil {
		return nil, newOSError(int(syscall.ESRCH), nil, nil)
	}
	if n == 0 {
		return None, nil
	}
	if err := sigSend(t, int(n)); err != nil {
		return nil, err
	}
	return None, nil
}

// threadByID is the live thread of t's interpreter with that ident.
func threadByID(t *Thread, id int64) *Thread {
	if id == t.ID {
		return t
	}
	w, ok := liveThreads.Load(id)
	if !ok {
		return nil
	}
	th := w.(weak.Pointer[Thread]).Value()
	if th == nil || th.interp != t.interp {
		return nil
	}
	return th
}

// sigSend sends signal n to the interpreter, as raise_signal and
// pthread_kill do: a signal freepy catches is recorded directly (Go would
// pass it on asynchronously) and, unless blocked, its handler runs before
// the call returns in the main thread; any other gets the kernel's
// default action or is ignored.
func sigSend(t *Thread, n int) error {
	sigState.mu.Lock()
	h := sigState.handlers[n]
	sigState.mu.Unlock()
	sigMask.mu.Lock()
	held := sigMask.blocked&(1<<(n-1)) != 0 || sigMask.waiting[n] > 0
	sigMask.mu.Unlock()
	if held || (h != nil && h != Int(0) && h != Int(1)) {
		sigDeliver(n, sigInfo{pid: os.Getpid(), uid: os.Getuid()})
		return checkSignals(t)
	}
	pid := os.Getpid()
	if _, _, e := syscall.RawSyscall(syscall.SYS_TGKILL, uintptr(pid), uintptr(pid), uintptr(n)); e != 0 {
		return newOSError(int(e), nil, nil)
	}
	return nil
}

// sigWait takes one pending signal of mask, waiting at most timeout (< 0:
// for ever); ok is false on time-out.
func sigWait(t *Thread, mask uint64, timeout time.Duration) (n int, info sigInfo, ok bool, err error) {
	sigMask.mu.Lock()
	for k := 1; k < nsig; k++ {
		if mask&(1<<(k-1)) != 0 {
			sigMask.waiting[k]++
		}
	}
	sigMask.mu.Unlock()
	for k := 1; k < nsig; k++ {
		if mask&(1<<(k-1)) != 0 {
			sigRoute(k)
		}
	}
	defer func() {
		sigMask.mu.Lock()
		for k := 1; k < nsig; k++ {
			if mask&(1<<(k-1)) != 0 {
				sigMask.waiting[k]--
			}
		}
		sigMask.mu.Unlock()
		for k := 1; k < nsig; k++ {
			if mask&(1<<(k-1)) != 0 {
				sigRoute(k)
			}
		}
	}()
	var deadline time.Time
	if timeout >= 0 {
		deadline = time.Now().Add(timeout)
	}
	for {
		sigMask.mu.Lock()
		arrived := sigMask.arrived
		for k := 1; k < nsig; k++ {
			if mask&(1<<(k-1)) != 0 && sigState.pending[k].CompareAndSwap(true, false) {
				info := sigMask.info[k]
				sigMask.mu.Unlock()
				return k, info, true, nil
			}
		}
		sigMask.mu.Unlock()
		left := time.Duration(-1)
		if timeout >= 0 {
			if left = time.Until(deadline); left <= 0 {
				return 0, sigInfo{}, false, nil
			}
		}
		if _, err := waitChan(t, arrived, left); err != nil {
			return 0, sigInfo{}, false, err
		}
	}
}

// sigwaitFunc makes sigwait (the signal number) and sigwaitinfo (a
// struct_siginfo): one sigset argument, no time limit.
func sigwaitFunc(name string, info bool) BuiltinFunc {
	return func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var so Object
		if err := ParseArgs(name, args, kw, []string{""}, 1, &so); err != nil {
			return nil, err
		}
		m, err := sigsetArg(t, so)
		if err != nil {
			return nil, err
		}
		n, si, _, err := sigWait(t, m, -1)
		if err != nil {
			return nil, err
		}
		if info {
			return siginfoObj(n, si), nil
		}
		return Int(n), nil
	}
}

func siginfoObj(n int, info sigInfo) Object {
	return signalSiginfo.Make(Int(n), Int(info.code), Int(0), Int(info.pid), Int(info.uid), Int(0), Int(0))
}

func signalSigtimedwait(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	var so, to Object
	if err := ParseArgs("sigtimedwait", args, kw, []string{"", ""}, 2, &so, &to); err != nil {
		return nil, err
	}
	m, err := sigsetArg(t, so)
	if err != nil {
		return nil, err
	}
	secs, err := toSeconds(t, to)
	if err != nil {
		return nil, err
	}
	if secs < 0 {
		return nil, ValueErrorf("timeout must be non-negative")
	}
	n, info, ok, err := sigWait(t, m, time.Duration(secs*1e9))
	if err != nil {
		return nil, err
	}
	if !ok {
		return None, nil
	}
	return siginfoObj(n, info), nil
}
