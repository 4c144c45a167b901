package py

import (
	"math"
	"math/big"
	"sync"
	"syscall"
	"time"
	"unsafe"
)

// select: waiting for file descriptors (select.select, select.poll,
// select.epoll), with CPython 3.11's arguments and messages.
//
// Every wait goes through blockingPoll: a thread blocked in ppoll(2) is a
// goroutine in a system call, so other Python threads keep running. The
// main thread must also wake for Ctrl-C as time.sleep does; a signal
// delivered to the process does not interrupt a system call made by one
// particular goroutine, so the main thread runs the call on a helper
// goroutine with one more descriptor in the set — the read end of a
// cancel pipe — waits in waitChan (which runs the Python signal handlers),
// and writes the pipe when a handler raises.

const (
	pollIn    = 0x1
	pollPri   = 0x2
	pollOut   = 0x4
	pollErr   = 0x8
	pollHup   = 0x10
	pollNval  = 0x20
	fdSetSize = 1024
)

var selectConstants = map[string]int{
	"POLLIN": pollIn, "POLLPRI": pollPri, "POLLOUT": pollOut, "POLLERR": pollErr,
	"POLLHUP": pollHup, "POLLNVAL": pollNval, "POLLRDNORM": 0x40, "POLLRDBAND": 0x80,
	"POLLWRNORM": 0x100, "POLLWRBAND": 0x200, "POLLMSG": 0x400, "POLLRDHUP": 0x2000,
	"EPOLLIN": 0x1, "EPOLLPRI": 0x2, "EPOLLOUT": 0x4, "EPOLLERR": 0x8, "EPOLLHUP": 0x10,
	"EPOLLRDNORM": 0x40, "EPOLLRDBAND": 0x80, "EPOLLWRNORM": 0x100, "EPOLLWRBAND": 0x200,
	"EPOLLMSG": 0x400, "EPOLLRDHUP": 0x2000, "EPOLLEXCLUSIVE": 1 << 28,
	"EPOLLONESHOT": 1 << 30, "EPOLLET": 1 << 31, "EPOLL_CLOEXEC": syscall.EPOLL_CLOEXEC,
	"PIPE_BUF": 4096,
}

// pollFd is struct pollfd.
type pollFd struct {
	fd      int32
	events  int16
	revents int16
}

// ppoll waits for fds; timeout < 0 waits without limit.
func ppoll(fds []pollFd, timeout time.Duration) (int, error) {
	var ts *syscall.Timespec
	if timeout >= 0 {
		v := syscall.NsecToTimespec(int64(timeout))
		ts = &v
	}
	var p unsafe.Pointer
	if len(fds) > 0 {
		p = unsafe.Pointer(&fds[0])
	}
	n, _, e := syscall.Syscall6(syscall.SYS_PPOLL, uintptr(p), uintptr(len(fds)), uintptr(unsafe.Pointer(ts)), 0, 0, 0)
	if e != 0 {
		return 0, e
	}
	return int(n), nil
}

// cancelPipe wakes a main-thread wait whose signal handler raised.
type cancelPipe struct {
	r, w int
}

var mainCancel struct {
	mu sync.Mutex
	p  *cancelPipe
}

func newCancelPipe() (*cancelPipe, error) {
	var p [2]int
	if err := syscall.Pipe2(p[:], syscall.O_CLOEXEC|syscall.O_NONBLOCK); err != nil {
		return nil, err
	}
	return &cancelPipe{p[0], p[1]}, nil
}

func (c *cancelPipe) drain() {
	var buf [16]byte
	for {
		if n, err := syscall.Read(c.r, buf[:]); n <= 0 || err != nil {
			return
		}
	}
}

// acquireCancelPipe returns the shared pipe, or a fresh one when another
// interpreter's main thread is using it; release gives it back.
func acquireCancelPipe() (c *cancelPipe, release func(), err error) {
	if mainCancel.mu.TryLock() {
		if mainCancel.p == nil {
			if mainCancel.p, err = newCancelPipe(); err != nil {
				mainCancel.mu.Unlock()
				return nil, nil, err
			}
		}
		return mainCancel.p, mainCancel.mu.Unlock, nil
	}
	if c, err = newCancelPipe(); err != nil {
		return nil, nil, err
	}
	return c, func() { syscall.Close(c.r); syscall.Close(c.w) }, nil
}

// blockingPoll is ppoll for Python code: it lets other threads run, runs
// signal handlers in the main thread (returning what they raise), and
// restarts after EINTR with the time left (PEP 475).
func blockingPoll(t *Thread, fds []pollFd, timeout time.Duration) (int, error) {
	var deadline time.Time
	if timeout > 0 {
		deadline = time.Now().Add(timeout)
	}
	if err := checkSignals(t); err != nil {
		return 0, err
	}
	for {
		var n int
		var err error
		if timeout == 0 || !isMainThread(t) {
			held := t.BeginBlocking()
			n, err = ppoll(fds, timeout)
			t.EndBlocking(held)
		} else {
			n, err = mainThreadPoll(t, fds, timeout)
		}
		if err != syscall.EINTR {
			return n, err
		}
		if err := checkSignals(t); err != nil {
			return 0, err
		}
		if timeout > 0 {
			if timeout = time.Until(deadline); timeout < 0 {
				timeout = 0
			}
		}
	}
}

func mainThreadPoll(t *Thread, fds []pollFd, timeout time.Duration) (int, error) {
	c, release, err := acquireCancelPipe()
	if err != nil {
		return 0, err
	}
	defer release()
	all := make([]pollFd, len(fds)+1)
	copy(all, fds)
	all[len(fds)] = pollFd{fd: int32(c.r), events: pollIn}
	done := make(chan struct{})
	var n int
	var perr error
	go func() {
		n, perr = ppoll(all, timeout)
		close(done)
	}()
	if _, werr := waitChan(t, done, -1); werr != nil {
		syscall.Write(c.w, []byte{0})
		<-done
		c.drain()
		return 0, werr
	}
	copy(fds, all[:len(fds)])
	if perr == nil && all[len(fds)].revents != 0 {
		c.drain()
		n--
	}
	return n, perr
}

// objectAsFd is PyObject_AsFileDescriptor.
func objectAsFd(t *Thread, o Object) (int, error) {
	v := o
	if !isIntLike(o) {
		meth, err := GetAttrOpt(t, o, Intern("fileno"))
		if err != nil {
			return 0, err
		}
		if meth == nil {
			return 0, TypeErrorf("argument must be an int, or have a fileno() method.")
		}
		if v, err = Call(t, meth, nil, nil); err != nil {
			return 0, err
		}
		if !isIntLike(v) {
			return 0, TypeErrorf("fileno() returned a non-integer")
		}
	}
	n, err := AsInt64(t, v)
	if err != nil {
		return 0, err
	}
	if n > math.MaxInt32 || n < math.MinInt32 {
		return 0, Errorf(OverflowErrorType, "Python int too large to convert to C int")
	}
	if n < 0 {
		return 0, ValueErrorf("file descriptor cannot be a negative integer (%d)", n)
	}
	return int(n), nil
}

// timeoutArg converts a timeout in units of scale seconds (1 for seconds,
// 1e-3 for milliseconds); None gives -1 (no limit), as do negative values
// when negOK.
func timeoutArg(t *Thread, o Object, scale float64, typeMsg string) (time.Duration, error) {
	if o == nil || o == None {
		return -1, nil
	}
	var f float64
	switch v := unwrap(o).(type) {
	case Float:
		f = float64(v)
		if math.IsNaN(f) {
			return 0, ValueErrorf("Invalid value NaN (not a number)")
		}
	default:
		if !isIntLike(o) && LoadPtr(&o.Type().Index) == nil {
			return 0, TypeErrorf("%s", typeMsg)
		}
		n, err := AsInt64(t, o)
		if err != nil {
			return 0, err
		}
		f = float64(n)
	}
	secs := f * scale
	if secs > float64(math.MaxInt64)/1e9 {
		return 0, Errorf(OverflowErrorType, "timeout is too large")
	}
	if secs < 0 {
		return -1, nil
	}
	// round up to the next nanosecond: wait at least the time asked
	return time.Duration(math.Ceil(secs * 1e9)), nil
}

func selectSelect(t *Thread, args []Object, kw []string) (Object, error) {
	if len(kw) > 0 {
		return nil, TypeErrorf("select.select() takes no keyword arguments")
	}
	if len(args) < 3 {
		return nil, TypeErrorf("select expected at least 3 arguments, got %d", len(args))
	}
	if len(args) > 4 {
		return nil, TypeErrorf("select expected at most 4 arguments, got %d", len(args))
	}
	timeout := time.Duration(-1)
	if len(args) == 4 && args[3] != None {
		f, err := toSeconds(t, args[3])
		if err != nil {
			if IsInstanceOf(err, TypeErrorType) {
				return nil, TypeErrorf("timeout must be a float or None")
			}
			return nil, err
		}
		if math.IsNaN(f) {
			return nil, ValueErrorf("Invalid value NaN (not a number)")
		}
		if f > timeoutMax {
			return nil, Errorf(OverflowErrorType, "timeout doesn't fit into C timeval")
		}
		if f < 0 {
			return nil, ValueErrorf("timeout must be non-negative")
		}
		timeout = time.Duration(math.Ceil(f * 1e9))
	}
	var lists [3][]Object
	var fdsOf [3][]int
	for i := 0; i < 3; i++ {
		// PySequence_Fast: any iterable
		items, err := ToSlice(t, args[i])
		if err != nil {
			if IsInstanceOf(err, TypeErrorType) {
				return nil, TypeErrorf("arguments 1-3 must be sequences")
			}
			return nil, err
		}
		lists[i] = items
		for _, o := range items {
			fd, err := objectAsFd(t, o)
			if err != nil {
				return nil, err
			}
			if fd >= fdSetSize {
				return nil, ValueErrorf("filedescriptor out of range in select()")
			}
			fdsOf[i] = append(fdsOf[i], fd)
		}
	}
	// select(2) is emulated with ppoll(2), which has no FD_SETSIZE limit and
	// one wait path for every kind of call here; the kernel's select counts
	// a hang-up or an error as readable, and an error as writable.
	events := [3]int16{pollIn, pollOut, pollPri}
	var pfds []pollFd
	for i := 0; i < 3; i++ {
		for _, fd := range fdsOf[i] {
			pfds = append(pfds, pollFd{fd: int32(fd), events: events[i]})
		}
	}
	if _, err := blockingPoll(t, pfds, timeout); err != nil {
		return nil, osErrorFrom(err, nil)
	}
	for _, p := range pfds {
		if p.revents&pollNval != 0 {
			return nil, newOSError(int(syscall.EBADF), nil, nil)
		}
	}
	ready := [3]int16{pollIn | pollHup | pollErr, pollOut | pollErr, pollPri}
	var out [3]Object
	k := 0
	for i := 0; i < 3; i++ {
		var res []Object
		for j := range fdsOf[i] {
			if pfds[k].revents&ready[i] != 0 {
				res = append(res, lists[i][j])
			}
			k++
		}
		out[i] = NewList(res...)
	}
	return NewTuple(out[:]...), nil
}

// --- poll objects

var PollType = newBuiltinType("poll", ObjectType)

type pollReg struct {
	fd     int
	events uint16
}

// PollObj is select.poll(): registrations in order of first registration
// (CPython keeps them in a dict).
type PollObj struct {
	mu      sync.Mutex
	regs    []pollReg
	running bool
}

// Type returns poll.
func (*PollObj) Type() *Type { return PollType }

func ushortArg(t *Thread, o Object) (uint16, error) {
	if !isIntLike(o) {
		return 0, TypeErrorf("an integer is required")
	}
	if b, ok := unwrapInt(o).(*BigInt); ok {
		if b.v.Sign() < 0 {
			return 0, ValueErrorf("value must be positive")
		}
		return 0, Errorf(OverflowErrorType, "Python int too large to convert to C unsigned long")
	}
	n, err := AsInt64(t, o)
	if err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, ValueErrorf("value must be positive")
	}
	if n > math.MaxUint16 {
		return 0, Errorf(OverflowErrorType, "Python int too large for C unsigned short")
	}
	return uint16(n), nil
}

func pollSelf(o Object) *PollObj { return o.(*PollObj) }

func (p *PollObj) find(fd int) int {
	for i, r := range p.regs {
		if r.fd == fd {
			return i
		}
	}
	return -1
}

func init() {
	PollType.Flags.And(^uint64(FlagBaseType))
	PollType.AddMethod("register", func(t *Thread, o Object, args []Object, kw []string) (Object, error) {
		var fdo, mask Object
		if err := ParseArgs("register", args, kw, []string{"", ""}, 1, &fdo, &mask); err != nil {
			return nil, err
		}
		fd, err := objectAsFd(t, fdo)
		if err != nil {
			return nil, err
		}
		ev := uint16(pollIn | pollPri | pollOut)
		if mask != nil {
			if ev, err = ushortArg(t, mask); err != nil {
				return nil, err
			}
		}
		p := pollSelf(o)
		p.mu.Lock()
		defer p.mu.Unlock()
		if i := p.find(fd); i >= 0 {
			p.regs[i].events = ev
		} else {
			p.regs = append(p.regs, pollReg{fd, ev})
		}
		return None, nil
	})
	PollType.AddMethod("modify", func(t *Thread, o Object, args []Object, kw []string) (Object, error) {
		var fdo, mask Object
		if err := ParseArgs("modify", args, kw, []string{"", ""}, 2, &fdo, &mask); err != nil {
			return nil, err
		}
		fd, err := objectAsFd(t, fdo)
		if err != nil {
			return nil, err
		}
		ev, err := ushortArg(t, mask)
		if err != nil {
			return nil, err
		}
		p := pollSelf(o)
		p.mu.Lock()
		defer p.mu.Unlock()
		i := p.find(fd)
		if i < 0 {
			return nil, newOSError(int(syscall.ENOENT), nil, nil)
		}
		p.regs[i].events = ev
		return None, nil
	})
	PollType.AddMethod("unregister", func(t *Thread, o Object, args []Object, kw []string) (Object, error) {
		var fdo Object
		if err := ParseArgs("unregister", args, kw, []string{""}, 1, &fdo); err != nil {
			return nil, err
		}
		fd, err := objectAsFd(t, fdo)
		if err != nil {
			return nil, err
		}
		p := pollSelf(o)
		p.mu.Lock()
		defer p.mu.Unlock()
		i := p.find(fd)
		if i < 0 {
			return nil, NewException(KeyErrorType, fdo)
		}
		p.regs = append(p.regs[:i:i], p.regs[i+1:]...)
		return None, nil
	})
	PollType.AddMethod("poll", func(t *Thread, o Object, args []Object, kw []string) (Object, error) {
		var to Object
		if err := ParseArgs("poll", args, kw, []string{""}, 0, &to); err != nil {
			return nil, err
		}
		timeout, err := timeoutArg(t, to, 1e-3, "timeout must be an integer or None")
		if err != nil {
			return nil, err
		}
		p := pollSelf(o)
		p.mu.Lock()
		if p.running {
			p.mu.Unlock()
			return nil, Errorf(RuntimeErrorType, "concurrent poll() invocation")
		}
		p.running = true
		fds := make([]pollFd, len(p.regs))
		for i, r := range p.regs {
			fds[i] = pollFd{fd: int32(r.fd), events: int16(r.events)}
		}
		p.mu.Unlock()
		defer func() {
			p.mu.Lock()
			p.running = false
			p.mu.Unlock()
		}()
		if _, err := blockingPoll(t, fds, timeout); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		var res []Object
		for _, f := range fds {
			if f.revents != 0 {
				res = append(res, NewTuple(Int(int(f.fd)), Int(int(uint16(f.revents)))))
			}
		}
		return NewList(res...), nil
	})
	PollType.CName = "select.poll"
	registerType(PollType)
}

// --- epoll objects

var EpollType = newBuiltinType("epoll", ObjectType)

// EpollObj is select.epoll: an epoll descriptor (-1 once closed).
type EpollObj struct {
	mu sync.Mutex
	fd int
}

// Type returns epoll.
func (*EpollObj) Type() *Type { return EpollType }

func epollSelf(o Object) *EpollObj { return unwrap(o).(*EpollObj) }

func (e *EpollObj) getFd() (int, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.fd < 0 {
		return -1, ValueErrorf("I/O operation on closed epoll object")
	}
	return e.fd, nil
}

func (e *EpollObj) close() error {
	e.mu.Lock()
	fd := e.fd
	e.fd = -1
	e.mu.Unlock()
	if fd >= 0 {
		return syscall.Close(fd)
	}
	return nil
}

func epollCtl(t *Thread, o Object, name string, op int, args []Object, kw []string) (Object, error) {
	var fdo, mask Object
	required := 2
	names := []string{"fd", "eventmask"}
	if op == syscall.EPOLL_CTL_ADD {
		required = 1
	} else if op == syscall.EPOLL_CTL_DEL {
		required, names = 1, names[:1]
	}
	dst := []*Object{&fdo, &mask}
	if err := ParseArgs(name, args, kw, names, required, dst[:len(names)]...); err != nil {
		return nil, err
	}
	fd, err := objectAsFd(t, fdo)
	if err != nil {
		return nil, err
	}
	ev := uint32(pollIn | pollPri | pollOut)
	if mask != nil {
		// an unsigned int converted bitwise: high bits are dropped
		v, err := Index(t, mask)
		if err != nil {
			return nil, err
		}
		switch x := unwrapInt(v).(type) {
		case Int:
			ev = uint32(x)
		case *BigInt:
			ev = uint32(new(big.Int).And(&x.v, big.NewInt(math.MaxUint32)).Uint64())
		}
	}
	epfd, err := epollSelf(o).getFd()
	if err != nil {
		return nil, err
	}
	event := syscall.EpollEvent{Events: ev, Fd: int32(fd)}
	if err := syscall.EpollCtl(epfd, op, fd, &event); err != nil {
		return nil, osErrorFrom(err, nil)
	}
	return None, nil
}

func newEpoll(typ *Type, fd int) Object {
	e := &EpollObj{fd: fd}
	if typ == EpollType {
		return e
	}
	return newSubclassInstance(typ, e)
}

func init() {
	et := EpollType
	et.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		var sizehint, flags Object
		if err := ParseArgs("epoll", args, kw, []string{"sizehint", "flags"}, 0, &sizehint, &flags); err != nil {
			return nil, err
		}
		if sizehint != nil {
			n, err := IndexInt(t, sizehint)
			if err != nil {
				return nil, err
			}
			if n == 0 || n < -1 {
				return nil, ValueErrorf("negative sizehint")
			}
		}
		if flags != nil {
			n, err := IndexInt(t, flags)
			if err != nil {
				return nil, err
			}
			if n != 0 && n != syscall.EPOLL_CLOEXEC {
				return nil, newOSError(int(syscall.EINVAL), nil, nil)
			}
		}
		fd, err := syscall.EpollCreate1(syscall.EPOLL_CLOEXEC)
		if err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return newEpoll(typ, fd), nil
	}
	et.AddClassMethod("fromfd", func(t *Thread, cls Object, args []Object, kw []string) (Object, error) {
		var fdo Object
		if err := ParseArgs("fromfd", args, kw, []string{""}, 1, &fdo); err != nil {
			return nil, err
		}
		fd, err := IndexInt(t, fdo)
		if err != nil {
			return nil, err
		}
		typ, _ := cls.(*Type)
		if typ == nil {
			typ = EpollType
		}
		return newEpoll(typ, fd), nil
	})
	et.AddMethod("close", func(t *Thread, o Object, args []Object, kw []string) (Object, error) {
		if err := epollSelf(o).close(); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return None, nil
	})
	et.AddGetSet("closed", func(t *Thread, o Object) (Object, error) {
		e := epollSelf(o)
		e.mu.Lock()
		defer e.mu.Unlock()
		return Bool(e.fd < 0), nil
	}, nil)
	et.AddMethod("fileno", func(t *Thread, o Object, args []Object, kw []string) (Object, error) {
		fd, err := epollSelf(o).getFd()
		if err != nil {
			return nil, err
		}
		return Int(fd), nil
	})
	et.AddMethod("register", func(t *Thread, o Object, args []Object, kw []string) (Object, error) {
		return epollCtl(t, o, "register", syscall.EPOLL_CTL_ADD, args, kw)
	})
	et.AddMethod("modify", func(t *Thread, o Object, args []Object, kw []string) (Object, error) {
		return epollCtl(t, o, "modify", syscall.EPOLL_CTL_MOD, args, kw)
	})
	et.AddMethod("unregister", func(t *Thread, o Object, args []Object, kw []string) (Object, error) {
		return epollCtl(t, o, "unregister", syscall.EPOLL_CTL_DEL, args, kw)
	})
	et.AddMethod("__enter__", func(t *Thread, o Object, args []Object, kw []string) (Object, error) {
		if _, err := epollSelf(o).getFd(); err != nil {
			return nil, err
		}
		return o, nil
	})
	et.AddMethod("__exit__", func(t *Thread, o Object, args []Object, kw []string) (Object, error) {
		if err := epollSelf(o).close(); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return None, nil
	})
	et.AddMethod("poll", func(t *Thread, o Object, args []Object, kw []string) (Object, error) {
		var to, maxo Object
		if err := ParseArgs("poll", args, kw, []string{"timeout", "maxevents"}, 0, &to, &maxo); err != nil {
			return nil, err
		}
		timeout, err := timeoutArg(t, to, 1, "timeout must be an integer or None")
		if err != nil {
			return nil, err
		}
		if timeout > 0 {
			// epoll_wait counts milliseconds: CPython rounds up
			timeout = (timeout + time.Millisecond - 1) / time.Millisecond * time.Millisecond
		}
		maxev := fdSetSize - 1
		if maxo != nil {
			n, err := IndexInt(t, maxo)
			if err != nil {
				return nil, err
			}
			if n != -1 {
				if n < 1 {
					return nil, ValueErrorf("maxevents must be greater than 0, got %d", n)
				}
				maxev = n
			}
		}
		epfd, err := epollSelf(o).getFd()
		if err != nil {
			return nil, err
		}
		var deadline time.Time
		if timeout > 0 {
			deadline = time.Now().Add(timeout)
		}
		events := make([]syscall.EpollEvent, maxev)
		for {
			// wait until the epoll descriptor is readable (blockingPoll
			// handles threads and signals), then collect without waiting
			fds := []pollFd{{fd: int32(epfd), events: pollIn}}
			if _, err := blockingPoll(t, fds, timeout); err != nil {
				return nil, osErrorFrom(err, nil)
			}
			n, err := syscall.EpollWait(epfd, events, 0)
			if err == syscall.EINTR {
				n, err = 0, nil
			}
			if err != nil {
				return nil, osErrorFrom(err, nil)
			}
			if n > 0 || timeout == 0 || (timeout > 0 && !time.Now().Before(deadline)) {
				res := make([]Object, n)
				for i := 0; i < n; i++ {
					res[i] = NewTuple(Int(int(events[i].Fd)), Int(int64(events[i].Events)))
				}
				return NewList(res...), nil
			}
			// another thread took the events: wait for the time left
			if timeout > 0 {
				timeout = time.Until(deadline)
			}
		}
	})
	et.CName = "select.epoll"
	registerType(et)

	RegisterNativeModule("select", func(t *Thread) (*Module, error) {
		installSignals(t.interp)
		m := NewModule("select")
		d := m.Dict()
		for name, v := range selectConstants {
			d.SetStr(name, Int(v))
		}
		d.SetStr("error", OSErrorType)
		// after finishTypes, which labels built-in types "builtins"
		PollType.Dict.SetStr("__module__", NewStr("select"))
		EpollType.Dict.SetStr("__module__", NewStr("select"))
		d.SetStr("epoll", EpollType)
		m.AddFunc("select", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			return selectSelect(t, args, kw)
		})
		m.AddFunc("poll", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) > 0 {
				return nil, TypeErrorf("poll() takes no arguments (%d given)", len(args))
			}
			return &PollObj{}, nil
		})
		return m, nil
	})
}
