package py

import (
	"fmt"
	"os"
	"strconv"
	"sync"
	"syscall"
	"unsafe"
)

// _posixsubprocess: fork_exec, the C half of subprocess.Popen on POSIX.
//
// CPython forks and runs the child's set-up (dup2 of the pipes, closing
// descriptors, chdir, setsid, ...) in C before exec. A Go program must not
// fork itself and run arbitrary code in the child, so fork_exec maps its
// arguments onto syscall.ForkExec, which does the same set-up in the
// runtime's own fork-safe code:
//
//   - the child's descriptors are described by ProcAttr.Files: 0, 1 and 2
//     come from p2cread/c2pwrite/errwrite, fds_to_keep stay at their
//     numbers (inheritable), and with close_fds every other inheritable
//     descriptor is closed (an entry of -1). Descriptors without the
//     inheritable flag close at exec anyway, as in CPython (PEP 446).
//   - exec failures: Go reports the child's errno back to ForkExec, so the
//     parent writes the "OSError:<hex errno>:" record to errpipe_write that
//     CPython's child would write, and subprocess.py raises the same
//     exception. The pid returned then is the interpreter's own (Go has
//     already reaped the failed child): subprocess.py's waitpid on it fails
//     with ECHILD, which it expects, and it can never reap another child.
//   - preexec_fn cannot run (no Python code can run in the forked child):
//     it raises RuntimeError, as CPython does in subinterpreters.
//   - child_umask: Go has no umask attribute, so the parent's umask is
//     switched around the fork; a file created by another thread in that
//     instant gets the child's umask.

var umaskMu sync.Mutex

// fsConvert is PyUnicode_FSConverter: str (UTF-8, surrogateescape),
// bytes or os.PathLike to OS bytes.
func fsConvert(t *Thread, o Object) (string, error) {
	p, err := posixPathArg(t, "fork_exec", "arg", o, false)
	if err != nil {
		if IsInstanceOf(err, TypeErrorType) {
			return "", TypeErrorf("expected str, bytes or os.PathLike object, not %s", typeName(o))
		}
		return "", err
	}
	return p.s, nil
}

func fsConvertSeq(t *Thread, o Object, msg string) ([]string, error) {
	items, err := ToSlice(t, o)
	if err != nil {
		if IsInstanceOf(err, TypeErrorType) {
			return nil, TypeErrorf("%s", msg)
		}
		return nil, err
	}
	out := make([]string, len(items))
	for i, it := range items {
		if out[i], err = fsConvert(t, it); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// idArg converts a uid or gid (None: not given).
func idArg(t *Thread, o Object) (int, bool, error) {
	if o == None {
		return 0, false, nil
	}
	n, err := IndexInt(t, o)
	if err != nil {
		return 0, false, err
	}
	return n, true, nil
}

// fdInheritable reports whether fd is open and inheritable.
func fdInheritable(fd int) bool {
	flags, _, e := syscall.Syscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_GETFD, 0)
	return e == 0 && flags&syscall.FD_CLOEXEC == 0
}

func fdOpen(fd int) bool {
	_, _, e := syscall.Syscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_GETFD, 0)
	return e == 0
}

// openFds lists the process's open descriptors.
func openFds() []int {
	var fds []int
	for _, dir := range []string{"/proc/self/fd", "/dev/fd"} {
		ents, err := os.ReadDir(dir)
		if err != nil {
			continue
		}
		for _, e := range ents {
			if n, err := strconv.Atoi(e.Name()); err == nil {
				fds = append(fds, n)
			}
		}
		return fds
	}
	return nil
}

// childFiles builds ProcAttr.Files.
func childFiles(stdio [3]int, keep []int, closeFds bool, errpipeWrite int) []uintptr {
	const closed = ^uintptr(0)
	keepSet := map[int]bool{}
	n := 3
	for _, fd := range keep {
		if fd == errpipeWrite {
			continue // stays close-on-exec: the parent writes the errors
		}
		keepSet[fd] = true
		if fd+1 > n {
			n = fd + 1
		}
	}
	// with close_fds, every inheritable descriptor must get an entry
	var inheritable []int
	if closeFds {
		for _, fd := range openFds() {
			if fd >= 3 && !keepSet[fd] && fdInheritable(fd) {
				inheritable = append(inheritable, fd)
				if fd+1 > n {
					n = fd + 1
				}
			}
		}
	}
	files := make([]uintptr, n)
	for i := range files {
		switch {
		case i < 3:
			src := stdio[i]
			if src < 0 {
				src = i // inherited from the parent
			}
			if fdOpen(src) {
				files[i] = uintptr(src)
			} else {
				files[i] = closed
			}
		case keepSet[i]:
			files[i] = uintptr(i)
		case !closeFds && fdInheritable(i):
			files[i] = uintptr(i)
		default:
			files[i] = closed
		}
	}
	return files
}

// reportChildError writes CPython's child error record to the errpipe.
func reportChildError(fd int, errno syscall.Errno, noexec bool) {
	msg := fmt.Sprintf("OSError:%x:", int(errno))
	if noexec {
		msg += "noexec"
	}
	syscall.Write(fd, []byte(msg))
}

func forkExec(t *Thread, args []Object, kw []string) (Object, error) {
	if len(kw) > 0 {
		return nil, TypeErrorf("fork_exec() takes no keyword arguments")
	}
	if len(args) != 23 {
		return nil, TypeErrorf("fork_exec() takes exactly 23 arguments (%d given)", len(args))
	}
	ints := make([]int, 0, 10)
	for i := 6; i <= 13; i++ {
		n, err := IndexInt(t, args[i])
		if err != nil {
			return nil, err
		}
		ints = append(ints, n)
	}
	p2cread, c2pwrite, errwrite := ints[0], ints[3], ints[5]
	errpipeWrite := ints[7]
	closeFds, err := IsTrue(t, args[2])
	if err != nil {
		return nil, err
	}
	keepT, ok := unwrap(args[3]).(*Tuple)
	if !ok {
		return nil, TypeErrorf("fork_exec() argument 4 must be tuple, not %s", typeName(args[3]))
	}
	if closeFds && errpipeWrite < 3 {
		return nil, ValueErrorf("errpipe_write must be >= 3")
	}
	var keep []int
	prev := -1
	for _, o := range keepT.items {
		v, isInt := unwrapInt(o).(Int)
		if !isInt || int(v) < 0 || int(v) <= prev || int64(v) > 1<<31-1 {
			return nil, ValueErrorf("bad value(s) in fds_to_keep")
		}
		prev = int(v)
		keep = append(keep, int(v))
	}
	var argv []string
	if args[0] != None {
		if argv, err = fsConvertSeq(t, args[0], "argv must be a tuple"); err != nil {
			return nil, err
		}
	}
	execList, err := fsConvertSeq(t, args[1], "expected a sequence of bytes")
	if err != nil {
		return nil, err
	}
	var cwd string
	if args[4] != None {
		if cwd, err = fsConvert(t, args[4]); err != nil {
			return nil, err
		}
	}
	env := syscall.Environ()
	if args[5] != None {
		if env, err = fsConvertSeq(t, args[5], "expected a sequence of bytes"); err != nil {
			return nil, err
		}
	}
	setsid, err := IsTrue(t, args[15])
	if err != nil {
		return nil, err
	}
	pgid, err := IndexInt(t, args[16])
	if err != nil {
		return nil, err
	}
	gid, haveGid, err := idArg(t, args[17])
	if err != nil {
		return nil, err
	}
	var groups []uint32
	haveGroups := args[18] != None
	if haveGroups {
		l, ok := unwrap(args[18]).(*List)
		if !ok {
			return nil, TypeErrorf("extra_groups must be a list")
		}
		for _, g := range l.snapshot() {
			n, err := IndexInt(t, g)
			if err != nil {
				return nil, err
			}
			groups = append(groups, uint32(n))
		}
	}
	uid, haveUID, err := idArg(t, args[19])
	if err != nil {
		return nil, err
	}
	umask, err := IndexInt(t, args[20])
	if err != nil {
		return nil, err
	}
	if args[21] != None {
		return nil, Errorf(RuntimeErrorType, "preexec_fn not supported by freepy (no Python code can run in a forked child)")
	}

	sys := &syscall.SysProcAttr{Setsid: setsid}
	if pgid >= 0 {
		sys.Setpgid, sys.Pgid = true, pgid
	}
	if haveGid || haveGroups || haveUID {
		cred := &syscall.Credential{Uid: uint32(os.Geteuid()), Gid: uint32(os.Getegid()), NoSetGroups: !haveGroups}
		if haveUID {
			cred.Uid = uint32(uid)
		}
		if haveGid {
			cred.Gid = uint32(gid)
		}
		cred.Groups = groups
		sys.Credential = cred
	}
	attr := &syscall.ProcAttr{
		Dir:   cwd,
		Env:   env,
		Files: childFiles([3]int{p2cread, c2pwrite, errwrite}, keep, closeFds, errpipeWrite),
		Sys:   sys,
	}

	held := t.BeginBlocking()
	defer t.EndBlocking(held)
	// CPython's child does chdir before exec and tags its failure "noexec"
	if cwd != "" {
		var st syscall.Stat_t
		if err := syscall.Stat(cwd, &st); err != nil {
			reportChildError(errpipeWrite, err.(syscall.Errno), true)
			return Int(os.Getpid()), nil
		}
		if st.Mode&syscall.S_IFMT != syscall.S_IFDIR {
			reportChildError(errpipeWrite, syscall.ENOTDIR, true)
			return Int(os.Getpid()), nil
		}
	}
	if umask >= 0 {
		umaskMu.Lock()
		old := syscall.Umask(umask)
		defer func() {
			syscall.Umask(old)
			umaskMu.Unlock()
		}()
	}
	// Like CPython's child: try each candidate, report the first error
	// other than "not found" (or the last one).
	var saved, last syscall.Errno
	for _, exe := range execList {
		var st syscall.Stat_t
		if err := syscall.Stat(exe, &st); err == syscall.ENOENT || err == syscall.ENOTDIR {
			last = err.(syscall.Errno) // would fail the same way: no need to fork
			continue
		}
		pid, err := syscall.ForkExec(exe, argv, attr)
		if err == nil {
			return Int(pid), nil
		}
		errno, ok := err.(syscall.Errno)
		if !ok {
			errno = syscall.EINVAL
		}
		last = errno
		if errno != syscall.ENOENT && errno != syscall.ENOTDIR && saved == 0 {
			saved = errno
		}
	}
	if saved == 0 {
		saved = last
	}
	if saved == 0 {
		saved = syscall.ENOENT
	}
	reportChildError(errpipeWrite, saved, false)
	return Int(os.Getpid()), nil
}

func init() {
	RegisterNativeModule("_posixsubprocess", func(t *Thread) (*Module, error) {
		m := NewModule("_posixsubprocess")
		m.AddFunc("fork_exec", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			return forkExec(t, args, kw)
		})
		return m, nil
	})
}

// waitpidBlocking is os.waitpid for a call that may block: in the main
// thread the wait runs on a helper goroutine so that Ctrl-C (and other
// signal handlers) still run, as in CPython. The helper only watches for
// the change with waitid(WNOWAIT), which does not reap; the calling thread
// then reaps with wait4. A helper left behind by an exception ends when
// the child does, and leaves its status to be collected later.
func waitpidBlocking(t *Thread, pid, opts int) (int, syscall.WaitStatus, error) {
	return waitpidBlockingRusage(t, pid, opts, nil)
}

// waitpidBlockingRusage is waitpidBlocking that also fills ru (when not
// nil) with the child's resource usage, for os.wait3 and os.wait4.
func waitpidBlockingRusage(t *Thread, pid, opts int, ru *syscall.Rusage) (int, syscall.WaitStatus, error) {
	var ws syscall.WaitStatus
	if opts&syscall.WNOHANG == 0 && isMainThread(t) {
		idtype, id := 1, pid // P_PID
		switch {
		case pid == -1:
			idtype, id = 0, 0 // P_ALL
		case pid == 0:
			idtype, id = 2, 0 // P_PGID of the caller
		case pid < -1:
			idtype, id = 2, -pid
		}
		wopts := syscall.WEXITED | 0x1000000 // WNOWAIT
		if opts&syscall.WUNTRACED != 0 {
			wopts |= syscall.WSTOPPED
		}
		if opts&syscall.WCONTINUED != 0 {
			wopts |= syscall.WCONTINUED
		}
		done := make(chan struct{})
		go func() {
			var info [128]byte
			for {
				_, _, e := syscall.Syscall6(syscall.SYS_WAITID, uintptr(idtype), uintptr(id),
					uintptr(unsafe.Pointer(&info[0])), uintptr(wopts), 0, 0)
				if e != syscall.EINTR {
					break
				}
			}
			close(done)
		}()
		if _, err := waitChan(t, done, -1); err != nil {
			return 0, 0, err
		}
	} else if opts&syscall.WNOHANG == 0 {
		held := t.BeginBlocking()
		defer t.EndBlocking(held)
	}
	for {
		r, err := syscall.Wait4(pid, &ws, opts, ru)
		if err == syscall.EINTR {
			if err := checkSignals(t); err != nil {
				return 0, 0, err
			}
			continue
		}
		return r, ws, err
	}
}
