package py

import (
	"math"
	"syscall"
	"unsafe"
)

// signal.alarm, setitimer, getitimer, pause and sigpending. The timers are
// the process's (the kernel's ITIMER_REAL, _VIRTUAL and _PROF): their
// signals reach the handlers signal.signal installed like any other.
// pthread_sigmask, pthread_kill and the sigwait family are not provided:
// a Python thread is a goroutine that the Go scheduler moves between OS
// threads, so a per-thread signal mask or a signal aimed at one thread
// has nothing stable to apply to.

// itimerErrorType is signal.ItimerError, an OSError subclass CPython
// names signal.itimer_error; made with the module.
var itimerErrorType *Type

func makeItimerError(t *Thread) error {
	ns := NewDict()
	ns.SetStr("__module__", NewStr("signal"))
	et, err := Call(t, TypeType, []Object{NewStr("itimer_error"), NewTuple(OSErrorType), ns}, nil)
	if err != nil {
		return err
	}
	itimerErrorType = et.(*Type)
	return nil
}

type itimerval struct {
	interval syscall.Timeval
	value    syscall.Timeval
}

func timevalFromSeconds(f float64) syscall.Timeval {
	sec := math.Floor(f)
	usec := math.Round((f - sec) * 1e6)
	if usec >= 1e6 {
		sec++
		usec -= 1e6
	}
	return syscall.Timeval{Sec: int64(sec), Usec: int64(usec)}
}

func secondsFromTimeval(tv syscall.Timeval) Object {
	return Float(float64(tv.Sec) + float64(tv.Usec)/1e6)
}

func itimerTuple(v itimerval) Object {
	return NewTuple(secondsFromTimeval(v.value), secondsFromTimeval(v.interval))
}

func itimerError(t *Thread, errno syscall.Errno) error {
	e, err := Call(t, itimerErrorType, []Object{Int(int(errno)), NewStr(errnoMessage(int(errno)))}, nil)
	if err != nil {
		return err
	}
	return e.(*BaseException)
}

func signalAlarm(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	var so Object
	if err := ParseArgs("alarm", args, kw, []string{""}, 1, &so); err != nil {
		return nil, err
	}
	n, err := CIntArg(t, so)
	if err != nil {
		return nil, err
	}
	left, _, _ := syscall.RawSyscall(syscall.SYS_ALARM, uintptr(uint32(n)), 0, 0)
	return Int(int64(left)), nil
}

func signalSetitimer(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	var wo, so, io Object
	if err := ParseArgs("setitimer", args, kw, []string{"", "", ""}, 2, &wo, &so, &io); err != nil {
		return nil, err
	}
	which, err := CIntArg(t, wo)
	if err != nil {
		return nil, err
	}
	secs, err := timerSeconds(t, so)
	if err != nil {
		return nil, err
	}
	var interval float64
	if io != nil {
		if interval, err = timerSeconds(t, io); err != nil {
			return nil, err
		}
	}
	nv := itimerval{interval: timevalFromSeconds(interval), value: timevalFromSeconds(secs)}
	var old itimerval
	_, _, e := syscall.RawSyscall(syscall.SYS_SETITIMER, uintptr(which), uintptr(unsafe.Pointer(&nv)), uintptr(unsafe.Pointer(&old)))
	if e != 0 {
		return nil, itimerError(t, e)
	}
	return itimerTuple(old), nil
}

// timerSeconds converts a setitimer time: any real number.
func timerSeconds(t *Thread, o Object) (float64, error) {
	return mathFloat(t, o)
}

func signalGetitimer(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	var wo Object
	if err := ParseArgs("getitimer", args, kw, []string{""}, 1, &wo); err != nil {
		return nil, err
	}
	which, err := CIntArg(t, wo)
	if err != nil {
		return nil, err
	}
	var v itimerval
	_, _, e := syscall.RawSyscall(syscall.SYS_GETITIMER, uintptr(which), uintptr(unsafe.Pointer(&v)), 0)
	if e != 0 {
		return nil, itimerError(t, e)
	}
	return itimerTuple(v), nil
}

// signalPause waits until a signal arrives and its handler has run (in
// the main thread, where freepy runs the handlers); a handler's exception
// propagates, as from C pause() in CPython.
func signalPause(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	if err := argCount("signal.pause", args, kw, 0, 0); err != nil {
		return nil, err
	}
	if err := checkSignals(t); err != nil {
		return nil, err
	}
	held := t.BeginBlocking()
	<-sigState.wake
	t.EndBlocking(held)
	if err := checkSignals(t); err != nil {
		return nil, err
	}
	return None, nil
}

// signalSigpending is the set of signals pending for the calling thread
// while blocked (rt_sigpending); Go blocks none, so it is usually empty.
func signalSigpending(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	if err := argCount("signal.sigpending", args, kw, 0, 0); err != nil {
		return nil, err
	}
	var set uint64
	if _, _, e := syscall.RawSyscall(syscall.SYS_RT_SIGPENDING, uintptr(unsafe.Pointer(&set)), 8, 0); e != 0 {
		return nil, newOSError(int(e), nil, nil)
	}
	set |= sigPendingBlocked() // held by freepy's own mask (mod_signal_mask.go)
	return sigsetObj(t, set)
}
