package py

import (
	"encoding/binary"
	"math"
	"net"
	"net/netip"
	"runtime"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"
)

// _socket: BSD sockets on real file descriptors, as CPython's
// socketmodule.c, so that socket.py, selectors and asyncio see ordinary
// descriptors through fileno().
//
// Timeouts follow CPython: a socket with a timeout (including 0) has
// O_NONBLOCK set; each operation is tried and, when it would block and a
// timeout > 0 is set, waits in blockingPoll (which lets other threads run
// and the main thread see Ctrl-C) for the time left. A blocking socket in
// the main thread also waits in blockingPoll before its system call, so
// that a signal handler can interrupt the wait; other threads block in the
// system call itself, which only stalls their own goroutine.

// SocketType is _socket.socket.
var SocketType = newBuiltinType("socket", ObjectType)

// sockObj is the state of a _socket.socket. Every field is atomic: a
// socket is shared by threads (one reading while another writes or
// closes it, as asyncio and socketserver do).
type sockObj struct {
	fd      atomic.Int64 // -1 once closed or detached
	family  atomic.Int32
	typ     atomic.Int32
	proto   atomic.Int32
	timeout atomic.Int64 // nanoseconds; -1 blocks without limit
}

// defaultTimeout is socket.setdefaulttimeout's value (-1: None); process
// wide, as in CPython.
var defaultTimeout atomic.Int64

func init() { defaultTimeout.Store(-1) }

// socketErrorTypes holds socket.gaierror and socket.herror, made once per
// process by the first import of _socket.
type socketErrorTypes struct {
	once sync.Once
	gai  *Type
	h    *Type
}

var socketErrs socketErrorTypes

// socketErrTypes returns the error classes; the module made them before
// any function that raises them could run.
func socketErrTypes() *socketErrorTypes { return &socketErrs }

func sockSelf(o Object) (*sockObj, error) {
	s, ok := unwrap(o).(*sockObj)
	if !ok {
		return nil, TypeErrorf("descriptor requires a '_socket.socket' object but received '%s'", typeName(o))
	}
	return s, nil
}

// Type returns _socket.socket.
func (*sockObj) Type() *Type { return SocketType }

// newSocketObject makes an instance of typ (socket or a subclass) with no
// descriptor; an unreachable socket closes its descriptor, as CPython's
// finalizer does.
func newSocketObject(typ *Type) (*Instance, *sockObj) {
	s := &sockObj{}
	s.fd.Store(-1)
	s.timeout.Store(-1)
	in := newSubclassInstance(typ, s).(*Instance)
	runtime.AddCleanup(in, func(s *sockObj) {
		if fd := s.fd.Swap(-1); fd >= 0 {
			syscall.Close(int(fd))
		}
	}, s)
	return in, s
}

// setup is init_sockobject: records the descriptor and applies the
// default timeout.
func (s *sockObj) setup(fd, family, typ, proto int) error {
	s.fd.Store(int64(fd))
	s.family.Store(int32(family))
	s.typ.Store(int32(typ &^ (syscall.SOCK_NONBLOCK | syscall.SOCK_CLOEXEC)))
	s.proto.Store(int32(proto))
	if typ&syscall.SOCK_NONBLOCK != 0 {
		s.timeout.Store(0)
		return nil
	}
	d := defaultTimeout.Load()
	s.timeout.Store(d)
	if d >= 0 {
		if err := syscall.SetNonblock(fd, true); err != nil {
			return osErrorFrom(err, nil)
		}
	}
	return nil
}

func (s *sockObj) getFd() int { return int(s.fd.Load()) }

func sockTimeoutError() error { return Errorf(TimeoutErrorType, "timed out") }

// call is CPython's sock_call_ex: runs op (one system call) until it
// succeeds, honouring the socket's timeout. writing picks the poll event.
// timeoutOverride >= -1 replaces the socket's timeout when not -2 (sendall
// passes the time left). The returned error is a Python exception.
func (s *sockObj) call(t *Thread, writing bool, op func(fd int) error) error {
	return s.callTimeout(t, writing, time.Duration(s.timeout.Load()), time.Time{}, op)
}

func (s *sockObj) callTimeout(t *Thread, writing bool, timeout time.Duration, deadline time.Time, op func(fd int) error) error {
	if timeout > 0 && deadline.IsZero() {
		deadline = time.Now().Add(timeout)
	}
	ev := int16(pollIn)
	if writing {
		ev = pollOut
	}
	for {
		fd := s.getFd()
		// a closed socket (fd -1) skips the wait: poll would ignore it and
		// sleep, while the call itself fails at once with EBADF
		if fd >= 0 && (timeout > 0 || (timeout < 0 && isMainThread(t))) {
			wait := time.Duration(-1)
			if timeout > 0 {
				if wait = time.Until(deadline); wait <= 0 {
					return sockTimeoutError()
				}
			}
			fds := []pollFd{{fd: int32(fd), events: ev}}
			n, err := blockingPoll(t, fds, wait)
			if err != nil {
				return osErrorFrom(err, nil)
			}
			if n == 0 {
				return sockTimeoutError()
			}
		}
		var err error
		for {
			if timeout < 0 {
				held := t.BeginBlocking()
				err = op(fd)
				t.EndBlocking(held)
			} else {
				err = op(fd)
			}
			if err != syscall.EINTR {
				break
			}
			if err := checkSignals(t); err != nil {
				return err
			}
		}
		if err == nil {
			return nil
		}
		if timeout > 0 && err == syscall.EAGAIN {
			continue
		}
		return osErrorFrom(err, nil)
	}
}

// --- raw system calls (errors as syscall.Errno)

func errnoErr(e syscall.Errno) error {
	if e == 0 {
		return nil
	}
	return e
}

func sysAccept(fd int, r *rawSockaddr) (int, error) {
	r.n = sockaddrMax
	n, _, e := syscall.Syscall6(syscall.SYS_ACCEPT4, uintptr(fd), r.ptr(), uintptr(unsafe.Pointer(&r.n)), syscall.SOCK_CLOEXEC, 0, 0)
	return int(n), errnoErr(e)
}

func sysBind(fd int, r *rawSockaddr) error {
	_, _, e := syscall.Syscall(syscall.SYS_BIND, uintptr(fd), r.ptr(), uintptr(r.n))
	return errnoErr(e)
}

func sysConnect(fd int, r *rawSockaddr) error {
	_, _, e := syscall.Syscall(syscall.SYS_CONNECT, uintptr(fd), r.ptr(), uintptr(r.n))
	return errnoErr(e)
}

func sysName(trap uintptr, fd int) (*rawSockaddr, error) {
	r := &rawSockaddr{n: sockaddrMax}
	_, _, e := syscall.RawSyscall(trap, uintptr(fd), r.ptr(), uintptr(unsafe.Pointer(&r.n)))
	return r, errnoErr(e)
}

func bufPtr(b []byte) uintptr {
	if len(b) == 0 {
		return 0
	}
	return uintptr(unsafe.Pointer(&b[0]))
}

func sysRecvfrom(fd int, b []byte, flags int, from *rawSockaddr) (int, error) {
	var fp, lp uintptr
	if from != nil {
		from.n = sockaddrMax
		fp, lp = from.ptr(), uintptr(unsafe.Pointer(&from.n))
	}
	n, _, e := syscall.Syscall6(syscall.SYS_RECVFROM, uintptr(fd), bufPtr(b), uintptr(len(b)), uintptr(flags), fp, lp)
	return int(n), errnoErr(e)
}

func sysSendto(fd int, b []byte, flags int, to *rawSockaddr) (int, error) {
	var tp, tl uintptr
	if to != nil {
		tp, tl = to.ptr(), uintptr(to.n)
	}
	n, _, e := syscall.Syscall6(syscall.SYS_SENDTO, uintptr(fd), bufPtr(b), uintptr(len(b)), uintptr(flags), tp, tl)
	return int(n), errnoErr(e)
}

func sysGetsockopt(fd, level, opt int, b []byte) (int, error) {
	n := uint32(len(b))
	_, _, e := syscall.Syscall6(syscall.SYS_GETSOCKOPT, uintptr(fd), uintptr(level), uintptr(opt), bufPtr(b), uintptr(unsafe.Pointer(&n)), 0)
	return int(n), errnoErr(e)
}

func sysSetsockopt(fd, level, opt int, b []byte) error {
	_, _, e := syscall.Syscall6(syscall.SYS_SETSOCKOPT, uintptr(fd), uintptr(level), uintptr(opt), bufPtr(b), uintptr(len(b)), 0)
	return errnoErr(e)
}

// --- arguments

func intArgDefault(t *Thread, o Object, def int) (int, error) {
	if o == nil {
		return def, nil
	}
	return IndexInt(t, o)
}

// parseSockTimeout is socket_parse_timeout: None is -1 (blocking).
func parseSockTimeout(t *Thread, o Object) (int64, error) {
	if o == None {
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
			return 0, TypeErrorf("'%s' object cannot be interpreted as an integer", typeName(o))
		}
		n, err := AsInt64(t, o)
		if err != nil {
			return 0, err
		}
		f = float64(n)
	}
	if f < 0 {
		return 0, ValueErrorf("Timeout value out of range")
	}
	if f*1e9 > math.MaxInt64 {
		return 0, Errorf(OverflowErrorType, "timeout doesn't fit into C timeval")
	}
	return int64(math.Ceil(f * 1e9)), nil
}

func timeoutObject(ns int64) Object {
	if ns < 0 {
		return None
	}
	return Float(float64(ns) / 1e9)
}

// setTimeout applies a timeout and the matching O_NONBLOCK flag.
func (s *sockObj) setTimeout(ns int64) error {
	s.timeout.Store(ns)
	if fd := s.getFd(); fd >= 0 {
		if err := syscall.SetNonblock(fd, ns >= 0); err != nil {
			return osErrorFrom(err, nil)
		}
	}
	return nil
}

// --- methods

func sockInit(t *Thread, self Object, args []Object, kw []string) error {
	s, err := sockSelf(self)
	if err != nil {
		return err
	}
	var fo, to, po, fdo Object
	if err := ParseArgs("socket", args, kw, []string{"family", "type", "proto", "fileno"}, 0, &fo, &to, &po, &fdo); err != nil {
		return err
	}
	family, err := intArgDefault(t, fo, -1)
	if err != nil {
		return err
	}
	typ, err := intArgDefault(t, to, -1)
	if err != nil {
		return err
	}
	proto, err := intArgDefault(t, po, -1)
	if err != nil {
		return err
	}
	if fdo != nil && fdo != None {
		if _, ok := unwrap(fdo).(Float); ok {
			return TypeErrorf("'float' object cannot be interpreted as an integer")
		}
		fd64, err := AsInt64(t, fdo)
		if err != nil {
			return err
		}
		if fd64 < 0 {
			return ValueErrorf("negative file descriptor")
		}
		fd := int(fd64)
		if family == -1 {
			r, err := sysName(syscall.SYS_GETSOCKNAME, fd)
			if err != nil {
				return osErrorFrom(err, nil)
			}
			family = r.family()
		}
		if typ == -1 {
			if typ, err = syscall.GetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_TYPE); err != nil {
				return osErrorFrom(err, nil)
			}
		}
		if proto == -1 {
			if proto, err = syscall.GetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_PROTOCOL); err != nil {
				return osErrorFrom(err, nil)
			}
		}
		return s.setup(fd, family, typ, proto)
	}
	if family == -1 {
		family = syscall.AF_INET
	}
	if typ == -1 {
		typ = syscall.SOCK_STREAM
	}
	if proto == -1 {
		proto = 0
	}
	fd, err := syscall.Socket(family, typ|syscall.SOCK_CLOEXEC, proto)
	if err != nil {
		return osErrorFrom(err, nil)
	}
	return s.setup(fd, family, typ, proto)
}

func sockBytesResult(b []byte, n int) Object {
	if n < len(b)/2 {
		return NewBytes(append([]byte(nil), b[:n]...))
	}
	return NewBytes(b[:n])
}

type sockMethod func(t *Thread, s *sockObj, self Object, args []Object, kw []string) (Object, error)

func addSockMethod(name string, fn sockMethod) {
	SocketType.AddMethod(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		s, err := sockSelf(self)
		if err != nil {
			return nil, err
		}
		return fn(t, s, self, args, kw)
	})
}

func (s *sockObj) recvInto(t *Thread, buf []byte, flags int, from *rawSockaddr) (int, error) {
	var n int
	err := s.call(t, false, func(fd int) error {
		var err error
		n, err = sysRecvfrom(fd, buf, flags, from)
		return err
	})
	return n, err
}

func (s *sockObj) sendto(t *Thread, data []byte, flags int, to *rawSockaddr) (int, error) {
	var n int
	err := s.call(t, true, func(fd int) error {
		var err error
		n, err = sysSendto(fd, data, flags, to)
		return err
	})
	return n, err
}

// connect is internal_connect: 0 on success, or the errno when !raise.
func (s *sockObj) connect(t *Thread, addr *rawSockaddr, raise bool) (int, error) {
	timeout := time.Duration(s.timeout.Load())
	fd := s.getFd()
	var err error
	if timeout < 0 {
		held := t.BeginBlocking()
		err = sysConnect(fd, addr)
		t.EndBlocking(held)
	} else {
		err = sysConnect(fd, addr)
	}
	if err == syscall.EINTR {
		if e := checkSignals(t); e != nil {
			return 0, e
		}
	}
	wait := (err == syscall.EINTR && timeout != 0) || (err == syscall.EINPROGRESS && timeout > 0)
	if wait {
		// the connection goes on in the background: wait until writable,
		// then read its outcome
		err = s.callTimeout(t, true, timeout, time.Time{}, func(fd int) error {
			code, gerr := syscall.GetsockoptInt(fd, syscall.SOL_SOCKET, syscall.SO_ERROR)
			if gerr != nil {
				return gerr
			}
			if code == 0 || code == int(syscall.EISCONN) {
				return nil
			}
			return syscall.Errno(code)
		})
		if err == nil {
			return 0, nil
		}
		if !raise {
			if be, ok := err.(*BaseException); ok {
				if be.Type() == TimeoutErrorType {
					return int(syscall.EAGAIN), nil
				}
				if code, ok := be.Dict().GetStr("errno").(Int); ok {
					return int(code), nil
				}
			}
		}
		return 0, err
	}
	if err == nil {
		return 0, nil
	}
	if !raise {
		return int(err.(syscall.Errno)), nil
	}
	return 0, osErrorFrom(err, nil)
}

func init() {
	st := SocketType
	st.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		in, _ := newSocketObject(typ)
		return in, nil
	}
	st.Init = sockInit
	st.Repr = func(t *Thread, o Object) (Object, error) {
		s, err := sockSelf(o)
		if err != nil {
			return nil, err
		}
		return NewStr("<socket object, fd=" + itoa(int(s.getFd())) + ", family=" + itoa(int(s.family.Load())) +
			", type=" + itoa(int(s.typ.Load())) + ", proto=" + itoa(int(s.proto.Load())) + ">"), nil
	}
	member := func(name string, get func(s *sockObj) Object) {
		st.AddGetSet(name, func(t *Thread, o Object) (Object, error) {
			s, err := sockSelf(o)
			if err != nil {
				return nil, err
			}
			return get(s), nil
		}, nil)
	}
	member("family", func(s *sockObj) Object { return Int(int(s.family.Load())) })
	member("type", func(s *sockObj) Object { return Int(int(s.typ.Load())) })
	member("proto", func(s *sockObj) Object { return Int(int(s.proto.Load())) })
	member("timeout", func(s *sockObj) Object { return timeoutObject(s.timeout.Load()) })

	addSockMethod("_accept", func(t *Thread, s *sockObj, _ Object, args []Object, kw []string) (Object, error) {
		if err := ParseArgs("_accept", args, kw, nil, 0); err != nil {
			return nil, err
		}
		var r rawSockaddr
		var nfd int
		err := s.call(t, false, func(fd int) error {
			var err error
			nfd, err = sysAccept(fd, &r)
			return err
		})
		if err != nil {
			return nil, err
		}
		return NewTuple(Int(nfd), makeSockaddr(&r)), nil
	})
	addSockMethod("bind", func(t *Thread, s *sockObj, _ Object, args []Object, kw []string) (Object, error) {
		var ao Object
		if err := ParseArgs("bind", args, kw, []string{""}, 1, &ao); err != nil {
			return nil, err
		}
		r, err := getSockaddrArg(t, int(s.family.Load()), ao, "bind")
		if err != nil {
			return nil, err
		}
		if err := sysBind(s.getFd(), r); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return None, nil
	})
	addSockMethod("close", func(t *Thread, s *sockObj, _ Object, args []Object, kw []string) (Object, error) {
		if fd := s.fd.Swap(-1); fd >= 0 {
			// ECONNRESET on close means the peer went away: not an error
			if err := syscall.Close(int(fd)); err != nil && err != syscall.ECONNRESET {
				return nil, osErrorFrom(err, nil)
			}
		}
		return None, nil
	})
	addSockMethod("detach", func(t *Thread, s *sockObj, _ Object, args []Object, kw []string) (Object, error) {
		return Int(int(s.fd.Swap(-1))), nil
	})
	addSockMethod("fileno", func(t *Thread, s *sockObj, _ Object, args []Object, kw []string) (Object, error) {
		return Int(s.getFd()), nil
	})
	addSockMethod("dup", func(t *Thread, s *sockObj, _ Object, args []Object, kw []string) (Object, error) {
		nfd, err := dupCloexec(s.getFd())
		if err != nil {
			return nil, osErrorFrom(err, nil)
		}
		in, ns := newSocketObject(SocketType)
		if err := ns.setup(nfd, int(s.family.Load()), int(s.typ.Load()), int(s.proto.Load())); err != nil {
			syscall.Close(nfd)
			return nil, err
		}
		return in, nil
	})
	for _, ex := range []bool{false, true} {
		ex := ex
		name := "connect"
		if ex {
			name = "connect_ex"
		}
		addSockMethod(name, func(t *Thread, s *sockObj, _ Object, args []Object, kw []string) (Object, error) {
			var ao Object
			if err := ParseArgs(name, args, kw, []string{""}, 1, &ao); err != nil {
				return nil, err
			}
			r, err := getSockaddrArg(t, int(s.family.Load()), ao, name)
			if err != nil {
				return nil, err
			}
			code, err := s.connect(t, r, !ex)
			if err != nil {
				return nil, err
			}
			if ex {
				return Int(code), nil
			}
			return None, nil
		})
	}
	addSockMethod("getblocking", func(t *Thread, s *sockObj, _ Object, args []Object, kw []string) (Object, error) {
		return Bool(s.timeout.Load() != 0), nil
	})
	addSockMethod("gettimeout", func(t *Thread, s *sockObj, _ Object, args []Object, kw []string) (Object, error) {
		return timeoutObject(s.timeout.Load()), nil
	})
	addSockMethod("settimeout", func(t *Thread, s *sockObj, _ Object, args []Object, kw []string) (Object, error) {
		var to Object
		if err := ParseArgs("settimeout", args, kw, []string{""}, 1, &to); err != nil {
			return nil, err
		}
		ns, err := parseSockTimeout(t, to)
		if err != nil {
			return nil, err
		}
		return None, s.setTimeout(ns)
	})
	addSockMethod("setblocking", func(t *Thread, s *sockObj, _ Object, args []Object, kw []string) (Object, error) {
		var fo Object
		if err := ParseArgs("setblocking", args, kw, []string{""}, 1, &fo); err != nil {
			return nil, err
		}
		b, err := IsTrue(t, fo)
		if err != nil {
			return nil, err
		}
		ns := int64(0)
		if b {
			ns = -1
		}
		return None, s.setTimeout(ns)
	})
	name := func(trap uintptr) sockMethod {
		return func(t *Thread, s *sockObj, _ Object, args []Object, kw []string) (Object, error) {
			r, err := sysName(trap, s.getFd())
			if err != nil {
				return nil, osErrorFrom(err, nil)
			}
			return makeSockaddr(r), nil
		}
	}
	addSockMethod("getsockname", name(syscall.SYS_GETSOCKNAME))
	addSockMethod("getpeername", name(syscall.SYS_GETPEERNAME))
	addSockMethod("getsockopt", func(t *Thread, s *sockObj, _ Object, args []Object, kw []string) (Object, error) {
		var lo, oo, bo Object
		if err := ParseArgs("getsockopt", args, kw, []string{"", "", ""}, 2, &lo, &oo, &bo); err != nil {
			return nil, err
		}
		level, err := IndexInt(t, lo)
		if err != nil {
			return nil, err
		}
		opt, err := IndexInt(t, oo)
		if err != nil {
			return nil, err
		}
		if bo == nil {
			var b [4]byte
			if _, err := sysGetsockopt(s.getFd(), level, opt, b[:]); err != nil {
				return nil, osErrorFrom(err, nil)
			}
			return Int(int(int32(binary.LittleEndian.Uint32(b[:])))), nil
		}
		buflen, err := IndexInt(t, bo)
		if err != nil {
			return nil, err
		}
		if buflen <= 0 || buflen > 1024 {
			return nil, Errorf(OSErrorType, "getsockopt buflen out of range")
		}
		b := make([]byte, buflen)
		n, err := sysGetsockopt(s.getFd(), level, opt, b)
		if err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return NewBytes(b[:n]), nil
	})
	addSockMethod("setsockopt", func(t *Thread, s *sockObj, _ Object, args []Object, kw []string) (Object, error) {
		if len(kw) > 0 {
			return nil, TypeErrorf("setsockopt() takes no keyword arguments")
		}
		if len(args) < 3 || len(args) > 4 {
			return nil, TypeErrorf("setsockopt() takes at least 3 arguments (%d given)", len(args))
		}
		level, err := IndexInt(t, args[0])
		if err != nil {
			return nil, err
		}
		opt, err := IndexInt(t, args[1])
		if err != nil {
			return nil, err
		}
		var b []byte
		switch {
		case len(args) == 4:
			if args[2] != None {
				return nil, TypeErrorf("setsockopt() argument 3 must be None when 4 arguments are given")
			}
			n, err := IndexInt(t, args[3])
			if err != nil {
				return nil, err
			}
			return None, osErrorFrom(sysSetsockopt(s.getFd(), level, opt, make([]byte, 0, n)[:0:0]), nil)
		case isIntLike(args[2]):
			n, err := AsInt64(t, args[2])
			if err != nil {
				return nil, err
			}
			b = binary.LittleEndian.AppendUint32(nil, uint32(int32(n)))
		default:
			if b, err = ioBytesLike(t, args[2]); err != nil {
				return nil, err
			}
		}
		if err := sysSetsockopt(s.getFd(), level, opt, b); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return None, nil
	})
	addSockMethod("listen", func(t *Thread, s *sockObj, _ Object, args []Object, kw []string) (Object, error) {
		var bo Object
		if err := ParseArgs("listen", args, kw, []string{""}, 0, &bo); err != nil {
			return nil, err
		}
		backlog, err := intArgDefault(t, bo, min(syscall.SOMAXCONN, 128))
		if err != nil {
			return nil, err
		}
		if backlog < 0 {
			backlog = 0
		}
		if err := syscall.Listen(s.getFd(), backlog); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return None, nil
	})
	addSockMethod("shutdown", func(t *Thread, s *sockObj, _ Object, args []Object, kw []string) (Object, error) {
		var ho Object
		if err := ParseArgs("shutdown", args, kw, []string{""}, 1, &ho); err != nil {
			return nil, err
		}
		how, err := IndexInt(t, ho)
		if err != nil {
			return nil, err
		}
		if err := syscall.Shutdown(s.getFd(), how); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return None, nil
	})
	// recvSizeArgs parses recv's and recvfrom's (bufsize[, flags]).
	recvSizeArgs := func(t *Thread, name string, args []Object, kw []string) (n, flags int, err error) {
		var no, fo Object
		if err := ParseArgs(name, args, kw, []string{"", ""}, 1, &no, &fo); err != nil {
			return 0, 0, err
		}
		if n, err = IndexInt(t, no); err != nil {
			return 0, 0, err
		}
		if flags, err = intArgDefault(t, fo, 0); err != nil {
			return 0, 0, err
		}
		if n < 0 {
			return 0, 0, ValueErrorf("negative buffersize in %s", name)
		}
		return n, flags, nil
	}
	addSockMethod("recv", func(t *Thread, s *sockObj, _ Object, args []Object, kw []string) (Object, error) {
		n, flags, err := recvSizeArgs(t, "recv", args, kw)
		if err != nil {
			return nil, err
		}
		buf := make([]byte, n)
		got, err := s.recvInto(t, buf, flags, nil)
		if err != nil {
			return nil, err
		}
		return sockBytesResult(buf, got), nil
	})
	addSockMethod("recvfrom", func(t *Thread, s *sockObj, _ Object, args []Object, kw []string) (Object, error) {
		n, flags, err := recvSizeArgs(t, "recvfrom", args, kw)
		if err != nil {
			return nil, err
		}
		buf := make([]byte, n)
		var from rawSockaddr
		got, err := s.recvInto(t, buf, flags, &from)
		if err != nil {
			return nil, err
		}
		return NewTuple(sockBytesResult(buf, got), makeSockaddr(&from)), nil
	})
	recvInto := func(name string, withAddr bool) sockMethod {
		return func(t *Thread, s *sockObj, _ Object, args []Object, kw []string) (Object, error) {
			var bo, no, fo Object
			if err := ParseArgs(name, args, kw, []string{"buffer", "nbytes", "flags"}, 1, &bo, &no, &fo); err != nil {
				return nil, err
			}
			size, err := Len(t, bo)
			if err != nil {
				return nil, err
			}
			n, err := intArgDefault(t, no, 0)
			if err != nil {
				return nil, err
			}
			flags, err := intArgDefault(t, fo, 0)
			if err != nil {
				return nil, err
			}
			if n < 0 {
				return nil, ValueErrorf("negative buffersize in %s", name)
			}
			if n == 0 {
				n = size
			} else if n > size {
				if withAddr {
					return nil, ValueErrorf("nbytes is greater than the length of the buffer")
				}
				return nil, ValueErrorf("buffer too small for requested bytes")
			}
			buf := make([]byte, n)
			var from *rawSockaddr
			if withAddr {
				from = &rawSockaddr{}
			}
			got, err := s.recvInto(t, buf, flags, from)
			if err != nil {
				return nil, err
			}
			if err := ioStoreInto(t, bo, buf[:got]); err != nil {
				return nil, err
			}
			if withAddr {
				return NewTuple(Int(got), makeSockaddr(from)), nil
			}
			return Int(got), nil
		}
	}
	addSockMethod("recv_into", recvInto("recv_into", false))
	addSockMethod("recvfrom_into", recvInto("recvfrom_into", true))
	addSockMethod("send", func(t *Thread, s *sockObj, _ Object, args []Object, kw []string) (Object, error) {
		var do, fo Object
		if err := ParseArgs("send", args, kw, []string{"", ""}, 1, &do, &fo); err != nil {
			return nil, err
		}
		data, err := ioBytesLike(t, do)
		if err != nil {
			return nil, err
		}
		flags, err := intArgDefault(t, fo, 0)
		if err != nil {
			return nil, err
		}
		n, err := s.sendto(t, data, flags, nil)
		if err != nil {
			return nil, err
		}
		return Int(n), nil
	})
	addSockMethod("sendall", func(t *Thread, s *sockObj, _ Object, args []Object, kw []string) (Object, error) {
		var do, fo Object
		if err := ParseArgs("sendall", args, kw, []string{"", ""}, 1, &do, &fo); err != nil {
			return nil, err
		}
		data, err := ioBytesLike(t, do)
		if err != nil {
			return nil, err
		}
		flags, err := intArgDefault(t, fo, 0)
		if err != nil {
			return nil, err
		}
		// the timeout bounds the whole call (CPython 3.5+)
		timeout := time.Duration(s.timeout.Load())
		var deadline time.Time
		if timeout > 0 {
			deadline = time.Now().Add(timeout)
		}
		for len(data) > 0 {
			var n int
			err := s.callTimeout(t, true, timeout, deadline, func(fd int) error {
				var err error
				n, err = sysSendto(fd, data, flags, nil)
				return err
			})
			if err != nil {
				return nil, err
			}
			data = data[n:]
			if err := checkSignals(t); err != nil {
				return nil, err
			}
		}
		return None, nil
	})
	addSockMethod("sendto", func(t *Thread, s *sockObj, _ Object, args []Object, kw []string) (Object, error) {
		if len(kw) > 0 {
			return nil, TypeErrorf("sendto() takes no keyword arguments")
		}
		var do, fo, ao Object
		switch len(args) {
		case 2:
			do, ao = args[0], args[1]
		case 3:
			do, fo, ao = args[0], args[1], args[2]
		default:
			return nil, TypeErrorf("sendto() takes 2 or 3 arguments (%d given)", len(args))
		}
		data, err := ioBytesLike(t, do)
		if err != nil {
			return nil, err
		}
		flags, err := intArgDefault(t, fo, 0)
		if err != nil {
			return nil, err
		}
		r, err := getSockaddrArg(t, int(s.family.Load()), ao, "sendto")
		if err != nil {
			return nil, err
		}
		n, err := s.sendto(t, data, flags, r)
		if err != nil {
			return nil, err
		}
		return Int(n), nil
	})
	st.CName = "_socket.socket"
	registerType(st)

	RegisterNativeModule("_socket", initSocketModule)
}

// dupCloexec is _Py_dup: a non-inheritable duplicate.
func dupCloexec(fd int) (int, error) {
	n, _, e := syscall.Syscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_DUPFD_CLOEXEC, 0)
	return int(n), errnoErr(e)
}

func initSocketModule(t *Thread) (*Module, error) {
	installSignals(t.interp)
	errs, err := makeSocketErrTypes(t)
	if err != nil {
		return nil, err
	}
	m := NewModule("_socket")
	d := m.Dict()
	for _, c := range socketConstants {
		d.SetStr(c.name, Int(c.value))
	}
	SocketType.Dict.SetStr("__module__", NewStr("_socket"))
	d.SetStr("socket", SocketType)
	d.SetStr("SocketType", SocketType)
	d.SetStr("error", OSErrorType)
	d.SetStr("timeout", TimeoutErrorType)
	d.SetStr("gaierror", errs.gai)
	d.SetStr("herror", errs.h)
	d.SetStr("has_ipv6", True)
	if SocketModuleHook != nil {
		SocketModuleHook(t, m)
	}
	fn := func(name string, f func(t *Thread, args []Object, kw []string) (Object, error)) {
		m.AddFunc(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) { return f(t, args, kw) })
	}
	fn("getaddrinfo", socketGetaddrinfo)
	fn("getnameinfo", socketGetnameinfo)
	fn("gethostbyname", socketGethostbyname)
	fn("gethostbyname_ex", socketGethostbynameEx)
	fn("gethostbyaddr", socketGethostbyaddr)
	fn("gethostname", socketGethostname)
	fn("sethostname", func(t *Thread, args []Object, kw []string) (Object, error) {
		var no Object
		if err := ParseArgs("sethostname", args, kw, []string{""}, 1, &no); err != nil {
			return nil, err
		}
		name, err := sockHostArg(t, no)
		if err != nil {
			return nil, err
		}
		return None, osErrorFrom(syscall.Sethostname([]byte(name)), nil)
	})
	fn("socketpair", func(t *Thread, args []Object, kw []string) (Object, error) {
		var fo, to, po Object
		if err := ParseArgs("socketpair", args, kw, []string{"", "", ""}, 0, &fo, &to, &po); err != nil {
			return nil, err
		}
		family, err := intArgDefault(t, fo, syscall.AF_UNIX)
		if err != nil {
			return nil, err
		}
		typ, err := intArgDefault(t, to, syscall.SOCK_STREAM)
		if err != nil {
			return nil, err
		}
		proto, err := intArgDefault(t, po, 0)
		if err != nil {
			return nil, err
		}
		fds, err := syscall.Socketpair(family, typ|syscall.SOCK_CLOEXEC, proto)
		if err != nil {
			return nil, osErrorFrom(err, nil)
		}
		a, sa := newSocketObject(SocketType)
		b, sb := newSocketObject(SocketType)
		if err := sa.setup(fds[0], family, typ, proto); err != nil {
			return nil, err
		}
		if err := sb.setup(fds[1], family, typ, proto); err != nil {
			return nil, err
		}
		return NewTuple(a, b), nil
	})
	fn("dup", func(t *Thread, args []Object, kw []string) (Object, error) {
		var fo Object
		if err := ParseArgs("dup", args, kw, []string{""}, 1, &fo); err != nil {
			return nil, err
		}
		fd, err := IndexInt(t, fo)
		if err != nil {
			return nil, err
		}
		nfd, err := dupCloexec(fd)
		if err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return Int(nfd), nil
	})
	fn("close", func(t *Thread, args []Object, kw []string) (Object, error) {
		var fo Object
		if err := ParseArgs("close", args, kw, []string{""}, 1, &fo); err != nil {
			return nil, err
		}
		fd, err := IndexInt(t, fo)
		if err != nil {
			return nil, err
		}
		if err := syscall.Close(fd); err != nil && err != syscall.ECONNRESET {
			return nil, osErrorFrom(err, nil)
		}
		return None, nil
	})
	fn("getdefaulttimeout", func(t *Thread, args []Object, kw []string) (Object, error) {
		if err := ParseArgs("getdefaulttimeout", args, kw, nil, 0); err != nil {
			return nil, err
		}
		return timeoutObject(defaultTimeout.Load()), nil
	})
	fn("setdefaulttimeout", func(t *Thread, args []Object, kw []string) (Object, error) {
		var to Object
		if err := ParseArgs("setdefaulttimeout", args, kw, []string{""}, 1, &to); err != nil {
			return nil, err
		}
		ns, err := parseSockTimeout(t, to)
		if err != nil {
			return nil, err
		}
		defaultTimeout.Store(ns)
		return None, nil
	})
	addSocketConversions(fn)
	return m, nil
}

// makeSocketErrTypes creates socket.gaierror and socket.herror (OSError
// subclasses whose __module__ is 'socket') once per process.
func makeSocketErrTypes(t *Thread) (*socketErrorTypes, error) {
	var err error
	socketErrs.once.Do(func() {
		mk := func(name string) *Type {
			ns := NewDict()
			ns.SetStr("__module__", NewStr("socket"))
			typ, e := Call(t, TypeType, []Object{NewStr(name), NewTuple(OSErrorType), ns}, nil)
			if e != nil {
				err = e
				return nil
			}
			return typ.(*Type)
		}
		socketErrs.gai = mk("gaierror")
		socketErrs.h = mk("herror")
	})
	if err != nil {
		return nil, err
	}
	return &socketErrs, nil
}

// addSocketConversions adds the byte order and address text functions.
func addSocketConversions(fn func(string, func(t *Thread, args []Object, kw []string) (Object, error))) {
	one := func(name string, args []Object, kw []string) (Object, error) {
		var o Object
		if err := ParseArgs(name, args, kw, []string{""}, 1, &o); err != nil {
			return nil, err
		}
		return o, nil
	}
	short := func(name string) func(t *Thread, args []Object, kw []string) (Object, error) {
		return func(t *Thread, args []Object, kw []string) (Object, error) {
			o, err := one(name, args, kw)
			if err != nil {
				return nil, err
			}
			if !isIntLike(o) && LoadPtr(&o.Type().Index) == nil {
				return nil, TypeErrorf("'%s' object cannot be interpreted as an integer", typeName(o))
			}
			v, err := Index(t, o)
			if err != nil {
				return nil, err
			}
			n, err := AsInt64(t, v)
			if err != nil || n > 0xffff {
				if err != nil && !IsInstanceOf(err, OverflowErrorType) {
					return nil, err
				}
				if sockIntNegative(v) {
					return nil, Errorf(OverflowErrorType, "%s: can't convert negative Python int to C 16-bit unsigned integer", name)
				}
				return nil, Errorf(OverflowErrorType, "%s: Python int too large to convert to C 16-bit unsigned integer", name)
			}
			if n < 0 {
				return nil, Errorf(OverflowErrorType, "%s: can't convert negative Python int to C 16-bit unsigned integer", name)
			}
			return Int(int(uint16(n>>8) | uint16(n<<8))), nil
		}
	}
	long := func(name string) func(t *Thread, args []Object, kw []string) (Object, error) {
		return func(t *Thread, args []Object, kw []string) (Object, error) {
			o, err := one(name, args, kw)
			if err != nil {
				return nil, err
			}
			if !isIntLike(o) {
				return nil, TypeErrorf("expected int, %s found", typeName(o))
			}
			if sockIntNegative(o) {
				return nil, Errorf(OverflowErrorType, "can't convert negative value to unsigned int")
			}
			n, err := AsInt64(t, o)
			if err != nil || n > math.MaxUint32 {
				return nil, Errorf(OverflowErrorType, "int larger than 32 bits")
			}
			var b [4]byte
			binary.BigEndian.PutUint32(b[:], uint32(n))
			return Int(int64(binary.LittleEndian.Uint32(b[:]))), nil
		}
	}
	fn("htons", short("htons"))
	fn("ntohs", short("ntohs"))
	fn("htonl", long("htonl"))
	fn("ntohl", long("ntohl"))
	fn("inet_aton", func(t *Thread, args []Object, kw []string) (Object, error) {
		o, err := one("inet_aton", args, kw)
		if err != nil {
			return nil, err
		}
		s, ok := unwrap(o).(*Str)
		if !ok {
			return nil, TypeErrorf("inet_aton() argument 1 must be str, not %s", typeName(o))
		}
		b, ok := parseInetAton(s.s)
		if !ok {
			return nil, Errorf(OSErrorType, "illegal IP address string passed to inet_aton")
		}
		return NewBytes(b[:]), nil
	})
	fn("inet_ntoa", func(t *Thread, args []Object, kw []string) (Object, error) {
		o, err := one("inet_ntoa", args, kw)
		if err != nil {
			return nil, err
		}
		b, err := ioBytesLike(t, o)
		if err != nil {
			return nil, err
		}
		if len(b) != 4 {
			return nil, Errorf(OSErrorType, "packed IP wrong length for inet_ntoa")
		}
		return NewStr(netip.AddrFrom4([4]byte(b)).String()), nil
	})
	fn("inet_pton", func(t *Thread, args []Object, kw []string) (Object, error) {
		var fo, so Object
		if err := ParseArgs("inet_pton", args, kw, []string{"", ""}, 2, &fo, &so); err != nil {
			return nil, err
		}
		af, err := IndexInt(t, fo)
		if err != nil {
			return nil, err
		}
		s, ok := unwrap(so).(*Str)
		if !ok {
			return nil, TypeErrorf("inet_pton() argument 2 must be str, not %s", typeName(so))
		}
		switch af {
		case syscall.AF_INET:
			if a, ok := parseInet4Strict(s.s); ok {
				b := a.As4()
				return NewBytes(b[:]), nil
			}
		case syscall.AF_INET6:
			if a, err := netip.ParseAddr(s.s); err == nil && a.Zone() == "" && !a.Is4() {
				b := a.As16()
				return NewBytes(b[:]), nil
			}
		default:
			return nil, newOSError(int(syscall.EAFNOSUPPORT), nil, nil)
		}
		return nil, Errorf(OSErrorType, "illegal IP address string passed to inet_pton")
	})
	fn("inet_ntop", func(t *Thread, args []Object, kw []string) (Object, error) {
		var fo, bo Object
		if err := ParseArgs("inet_ntop", args, kw, []string{"", ""}, 2, &fo, &bo); err != nil {
			return nil, err
		}
		af, err := IndexInt(t, fo)
		if err != nil {
			return nil, err
		}
		b, err := ioBytesLike(t, bo)
		if err != nil {
			return nil, err
		}
		switch af {
		case syscall.AF_INET:
			if len(b) != 4 {
				return nil, ValueErrorf("invalid length of packed IP address string")
			}
			return NewStr(netip.AddrFrom4([4]byte(b)).String()), nil
		case syscall.AF_INET6:
			if len(b) != 16 {
				return nil, ValueErrorf("invalid length of packed IP address string")
			}
			return NewStr(formatIPv6([16]byte(b))), nil
		}
		return nil, ValueErrorf("unknown address family %d", af)
	})
	fn("CMSG_LEN", func(t *Thread, args []Object, kw []string) (Object, error) {
		o, err := one("CMSG_LEN", args, kw)
		if err != nil {
			return nil, err
		}
		n, err := IndexInt(t, o)
		if err != nil {
			return nil, err
		}
		if n < 0 || n > math.MaxInt32-16 {
			return nil, Errorf(OverflowErrorType, "CMSG_LEN() argument out of range")
		}
		return Int(16 + n), nil
	})
	fn("CMSG_SPACE", func(t *Thread, args []Object, kw []string) (Object, error) {
		o, err := one("CMSG_SPACE", args, kw)
		if err != nil {
			return nil, err
		}
		n, err := IndexInt(t, o)
		if err != nil {
			return nil, err
		}
		if n < 0 || n > math.MaxInt32-24 {
			return nil, Errorf(OverflowErrorType, "CMSG_SPACE() argument out of range")
		}
		return Int(16 + (n+7)&^7), nil
	})
	fn("getservbyname", func(t *Thread, args []Object, kw []string) (Object, error) {
		var no, po Object
		if err := ParseArgs("getservbyname", args, kw, []string{"", ""}, 1, &no, &po); err != nil {
			return nil, err
		}
		name, proto, err := strArgs(no, po, "getservbyname")
		if err != nil {
			return nil, err
		}
		e, ok := lookupService(name, proto)
		if !ok {
			return nil, Errorf(OSErrorType, "service/proto not found")
		}
		return Int(e.port), nil
	})
	fn("getservbyport", func(t *Thread, args []Object, kw []string) (Object, error) {
		var no, po Object
		if err := ParseArgs("getservbyport", args, kw, []string{"", ""}, 1, &no, &po); err != nil {
			return nil, err
		}
		port, err := IndexInt(t, no)
		if err != nil {
			return nil, err
		}
		if port < 0 || port > 0xffff {
			return nil, Errorf(OverflowErrorType, "getservbyport: port must be 0-65535.")
		}
		_, proto, err := strArgs(NewStr(""), po, "getservbyport")
		if err != nil {
			return nil, err
		}
		e, ok := lookupServicePort(port, proto)
		if !ok {
			return nil, Errorf(OSErrorType, "port/proto not found")
		}
		return NewStr(e.name), nil
	})
	fn("getprotobyname", func(t *Thread, args []Object, kw []string) (Object, error) {
		o, err := one("getprotobyname", args, kw)
		if err != nil {
			return nil, err
		}
		s, ok := unwrap(o).(*Str)
		if !ok {
			return nil, TypeErrorf("getprotobyname() argument must be str, not %s", typeName(o))
		}
		n, ok := lookupProtocol(s.s)
		if !ok {
			return nil, Errorf(OSErrorType, "protocol not found")
		}
		return Int(n), nil
	})
	fn("if_nameindex", func(t *Thread, args []Object, kw []string) (Object, error) {
		ifs, err := net.Interfaces()
		if err != nil {
			return nil, osErrorFrom(err, nil)
		}
		res := make([]Object, len(ifs))
		for i, ifi := range ifs {
			res[i] = NewTuple(Int(ifi.Index), NewStr(ifi.Name))
		}
		return NewList(res...), nil
	})
	fn("if_nametoindex", func(t *Thread, args []Object, kw []string) (Object, error) {
		o, err := one("if_nametoindex", args, kw)
		if err != nil {
			return nil, err
		}
		s, ok := unwrap(o).(*Str)
		if !ok {
			return nil, TypeErrorf("expected str, bytes or os.PathLike object, not %s", typeName(o))
		}
		ifi, err := net.InterfaceByName(s.s)
		if err != nil {
			return nil, Errorf(OSErrorType, "no interface with this name")
		}
		return Int(ifi.Index), nil
	})
	fn("if_indextoname", func(t *Thread, args []Object, kw []string) (Object, error) {
		o, err := one("if_indextoname", args, kw)
		if err != nil {
			return nil, err
		}
		n, err := IndexInt(t, o)
		if err != nil {
			return nil, err
		}
		ifi, err := net.InterfaceByIndex(n)
		if err != nil {
			return nil, newOSError(int(syscall.ENXIO), nil, nil)
		}
		return NewStr(ifi.Name), nil
	})
}

func strArgs(no, po Object, fname string) (string, string, error) {
	n, ok := unwrap(no).(*Str)
	if !ok {
		return "", "", TypeErrorf("%s() argument 1 must be str, not %s", fname, typeName(no))
	}
	proto := ""
	if po != nil {
		p, ok := unwrap(po).(*Str)
		if !ok {
			return "", "", TypeErrorf("%s() argument 2 must be str, not %s", fname, typeName(po))
		}
		proto = p.s
	}
	return n.s, proto, nil
}

// sockIntNegative reports whether an int (small or big) is below zero.
func sockIntNegative(o Object) bool {
	switch v := unwrapInt(o).(type) {
	case Int:
		return v < 0
	case *BigInt:
		return v.v.Sign() < 0
	case Bool:
		return false
	}
	return false
}
