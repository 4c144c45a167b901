package py

import (
	"os"
	"strconv"
	"sync"
	"syscall"
	"unsafe"
)

// The process half of the posix additions: ids, process groups,
// priorities, waiting, exec, system and the fork hooks.

var (
	posixRusage     *StructSeq
	posixWaitid     *StructSeq
	posixSchedParam *StructSeq
	posixStatvfs    *StructSeq
	posixExtraOnce  sync.Once

	// posixAtFork holds the callbacks given to os.register_at_fork. freepy
	// never forks a process that runs Python (a forked Go runtime keeps only
	// the calling thread), so they are recorded and never called.
	posixAtFork struct {
		mu                            sync.Mutex
		before, afterChild, afterPrnt []Object
	}
)

func posixExtraTypes() {
	posixExtraOnce.Do(func() {
		posixRusage = NewStructSeqType("struct_rusage", "resource", []string{"ru_utime", "ru_stime", "ru_maxrss", "ru_ixrss",
			"ru_idrss", "ru_isrss", "ru_minflt", "ru_majflt", "ru_nswap", "ru_inblock", "ru_oublock", "ru_msgsnd",
			"ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw"})
		posixWaitid = NewStructSeqType("waitid_result", "posix", []string{"si_pid", "si_uid", "si_signo", "si_status", "si_code"})
		posixSchedParam = NewStructSeqType("sched_param", "posix", []string{"sched_priority"})
		sp := posixSchedParam
		sp.Type.New = func(t *Thread, ty *Type, args []Object, kw []string) (Object, error) {
			var prio Object
			if err := ParseArgs("sched_param", args, kw, []string{"sched_priority"}, 1, &prio); err != nil {
				return nil, err
			}
			return sp.Make(prio), nil
		}
		posixStatvfs = NewStructSeqType("statvfs_result", "os", []string{"f_bsize", "f_frsize", "f_blocks", "f_bfree",
			"f_bavail", "f_files", "f_ffree", "f_favail", "f_flag", "f_namemax"})
		// f_fsid is a named field outside the sequence, as in CPython
		posixStatvfs.Type.Dict.SetStr("n_fields", Int(11))
		posixStatvfs.Type.AddGetSet("f_fsid", func(t *Thread, o Object) (Object, error) {
			if in, ok := o.(*Instance); ok && in.dict != nil {
				if v := in.dict.GetStr("f_fsid"); v != nil {
					return v, nil
				}
			}
			return None, nil
		}, nil)
	})
}

// posixArgs parses args into a fresh slice of len(names) (nil = absent).
func posixArgs(name string, args []Object, kw []string, names []string, required int) ([]Object, error) {
	dst := make([]Object, len(names))
	ptrs := make([]*Object, len(names))
	for i := range dst {
		ptrs[i] = &dst[i]
	}
	return dst, ParseArgs(name, args, kw, names, required, ptrs...)
}

// posixInts parses a call whose arguments are all required C ints.
func posixInts(t *Thread, name string, args []Object, kw []string, names ...string) ([]int, error) {
	a, err := posixArgs(name, args, kw, names, len(names))
	if err != nil {
		return nil, err
	}
	out := make([]int, len(a))
	for i, o := range a {
		if out[i], err = posixInt(t, o); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// posixIDArg converts a uid or gid as CPython does: an int from -1 (for
// "unchanged") to 2**32-1; other values that fit a C long are "less than
// minimum", larger ones "greater than maximum".
func posixIDArg(t *Thread, o Object, what string) (int, error) {
	if !isIntLike(o) {
		return 0, TypeErrorf("%s should be integer, not %s", what, typeName(o))
	}
	n, err := AsInt64(t, o)
	if err != nil {
		if IsInstanceOf(err, OverflowErrorType) {
			if b, ok := asBig(o); ok && b.Sign() < 0 {
				return 0, NewError(OverflowErrorType, what+" is less than minimum")
			}
			return 0, NewError(OverflowErrorType, what+" is greater than maximum")
		}
		return 0, err
	}
	if n < -1 || n > 0xffffffff {
		return 0, NewError(OverflowErrorType, what+" is less than minimum")
	}
	return int(n), nil
}

// posixOptInt reads an optional int argument.
func posixOptInt(t *Thread, o Object, def int) (int, error) {
	if o == nil {
		return def, nil
	}
	return posixInt(t, o)
}

// posixFildes is CPython's fildes converter: an int or an object with a
// fileno() method.
func posixFildes(t *Thread, o Object) (int, error) {
	if _, ok := o.(Float); ok {
		return 0, TypeErrorf("argument must be an int, or have a fileno() method.")
	}
	if isIntLike(o) {
		return posixInt(t, o)
	}
	r, err := CallMethod(t, o, "fileno")
	if err != nil {
		if IsInstanceOf(err, AttributeErrorType) {
			return 0, TypeErrorf("argument must be an int, or have a fileno() method.")
		}
		return 0, err
	}
	fd, err := posixInt(t, r)
	if err == nil && fd < 0 {
		return 0, ValueErrorf("file descriptor cannot be a negative integer (%d)", fd)
	}
	return fd, err
}

// posixRetry runs a system call again while it fails with EINTR, running
// the signal handlers between tries as CPython does.
func posixRetry(t *Thread, f func() error) error {
	for {
		err := f()
		if err != syscall.EINTR {
			return err
		}
		if err := checkSignals(t); err != nil {
			return err
		}
	}
}

func posixRusageObj(ru *syscall.Rusage) Object {
	posixExtraTypes()
	tv := func(v syscall.Timeval) Object { return Float(float64(v.Sec) + float64(v.Usec)*1e-6) }
	return posixRusage.Make(tv(ru.Utime), tv(ru.Stime), Int(ru.Maxrss), Int(ru.Ixrss), Int(ru.Idrss), Int(ru.Isrss),
		Int(ru.Minflt), Int(ru.Majflt), Int(ru.Nswap), Int(ru.Inblock), Int(ru.Oublock), Int(ru.Msgsnd),
		Int(ru.Msgrcv), Int(ru.Nsignals), Int(ru.Nvcsw), Int(ru.Nivcsw))
}

func posixAddProcess(t *Thread, m *Module) {
	posixExtraTypes()
	d := m.dict
	fn := m.AddFunc
	d.SetStr("waitid_result", posixWaitid.Type)
	d.SetStr("sched_param", posixSchedParam.Type)
	d.SetStr("statvfs_result", posixStatvfs.Type)

	noArgs := func(name string, f func() (Object, error)) {
		fn(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if _, err := posixArgs(name, args, kw, nil, 0); err != nil {
				return nil, err
			}
			return f()
		})
	}
	noArgs("setsid", func() (Object, error) {
		if _, err := syscall.Setsid(); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return None, nil
	})
	noArgs("setpgrp", func() (Object, error) {
		if err := syscall.Setpgid(0, 0); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return None, nil
	})
	noArgs("getresuid", func() (Object, error) {
		r, e, s := uxGetresuid()
		return NewTuple(Int(r), Int(e), Int(s)), nil
	})
	noArgs("getresgid", func() (Object, error) {
		r, e, s := uxGetresgid()
		return NewTuple(Int(r), Int(e), Int(s)), nil
	})
	noArgs("sync", func() (Object, error) { syscall.Sync(); return None, nil })
	noArgs("sched_yield", func() (Object, error) { _ = uxSched_yield(); return None, nil })
	noArgs("ctermid", func() (Object, error) { return NewStr("/dev/tty"), nil })
	noArgs("abort", func() (Object, error) { posixAbort(); return None, nil })
	noArgs("wait", func() (Object, error) {
		r, ws, err := posixWait4(t, -1, 0, nil)
		if err != nil {
			return nil, err
		}
		return NewTuple(Int(r), Int(int(ws))), nil
	})

	// functions of C ints returning None or an int
	intsCall := func(name string, names []string, f func(a []int) (int, error), retNone bool) {
		fn(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			a, err := posixInts(t, name, args, kw, names...)
			if err != nil {
				return nil, err
			}
			r, err := f(a)
			if err != nil {
				return nil, osErrorFrom(err, nil)
			}
			if retNone {
				return None, nil
			}
			return Int(r), nil
		})
	}
	none := func(err error) (int, error) { return 0, err }
	intsCall("setpgid", []string{"", ""}, func(a []int) (int, error) { return none(syscall.Setpgid(a[0], a[1])) }, true)
	intsCall("getpgid", []string{"pid"}, func(a []int) (int, error) { return syscall.Getpgid(a[0]) }, false)
	intsCall("getsid", []string{""}, func(a []int) (int, error) { return uxGetsid(a[0]) }, false)
	intsCall("killpg", []string{"", ""}, func(a []int) (int, error) {
		return none(syscall.Kill(-a[0], syscall.Signal(a[1])))
	}, true)
	intsCall("fchmod", []string{"fd", "mode"}, func(a []int) (int, error) { return none(uxFchmod(a[0], uint32(a[1]))) }, true)
	intsCall("tcgetpgrp", []string{""}, func(a []int) (int, error) { return uxIoctlGetInt(a[0], syscall.TIOCGPGRP) }, false)
	intsCall("tcsetpgrp", []string{"", ""}, func(a []int) (int, error) {
		return none(uxIoctlSetPointerInt(a[0], syscall.TIOCSPGRP, a[1]))
	}, true)
	intsCall("sched_get_priority_min", []string{"policy"}, func(a []int) (int, error) {
		r, _, e := syscall.Syscall(syscall.SYS_SCHED_GET_PRIORITY_MIN, uintptr(a[0]), 0, 0)
		return int(r), errnoErr(e)
	}, false)
	intsCall("sched_get_priority_max", []string{"policy"}, func(a []int) (int, error) {
		r, _, e := syscall.Syscall(syscall.SYS_SCHED_GET_PRIORITY_MAX, uintptr(a[0]), 0, 0)
		return int(r), errnoErr(e)
	}, false)
	intsCall("sched_getscheduler", []string{""}, func(a []int) (int, error) {
		r, _, e := syscall.Syscall(syscall.SYS_SCHED_GETSCHEDULER, uintptr(a[0]), 0, 0)
		return int(r), errnoErr(e)
	}, false)
	intsCall("login_tty", []string{""}, func(a []int) (int, error) { return none(posixLoginTty(a[0])) }, true)

	// uid and gid setters: each takes ids that may be -1 ("unchanged")
	idSet := func(name string, n int, f func(ids []int) error) {
		fn(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if n > 1 && len(kw) == 0 && len(args) < n {
				return nil, TypeErrorf("%s expected %d arguments, got %d", name, n, len(args))
			}
			a, err := posixArgs(name, args, kw, make([]string, n), n)
			if err != nil {
				return nil, err
			}
			ids := make([]int, n)
			what := "uid"
			if name[len(name)-3:] == "gid" {
				what = "gid"
			}
			for i, o := range a {
				if ids[i], err = posixIDArg(t, o, what); err != nil {
					return nil, err
				}
			}
			if err := f(ids); err != nil {
				return nil, osErrorFrom(err, nil)
			}
			return None, nil
		})
	}
	// syscall's setters apply to every thread of the process (glibc's
	// setxid broadcast under cgo), which is what C programs get.
	idSet("setuid", 1, func(a []int) error { return syscall.Setuid(a[0]) })
	idSet("setgid", 1, func(a []int) error { return syscall.Setgid(a[0]) })
	idSet("seteuid", 1, func(a []int) error { return syscall.Setresuid(-1, a[0], -1) })
	idSet("setegid", 1, func(a []int) error { return syscall.Setresgid(-1, a[0], -1) })
	idSet("setreuid", 2, func(a []int) error { return syscall.Setreuid(a[0], a[1]) })
	idSet("setregid", 2, func(a []int) error { return syscall.Setregid(a[0], a[1]) })
	idSet("setresuid", 3, func(a []int) error { return syscall.Setresuid(a[0], a[1], a[2]) })
	idSet("setresgid", 3, func(a []int) error { return syscall.Setresgid(a[0], a[1], a[2]) })
	fn("setgroups", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixArgs("setgroups", args, kw, []string{""}, 1)
		if err != nil {
			return nil, err
		}
		if !isSequence(a[0]) {
			return nil, TypeErrorf("setgroups argument must be a sequence")
		}
		items, err := ToSlice(t, a[0])
		if err != nil {
			return nil, err
		}
		gs := make([]int, len(items))
		for i, o := range items {
			if !isIntLike(o) {
				return nil, TypeErrorf("groups must be integers")
			}
			if gs[i], err = posixIDArg(t, o, "gid"); err != nil {
				return nil, err
			}
		}
		if err := syscall.Setgroups(gs); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return None, nil
	})
	fn("initgroups", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixArgs("initgroups", args, kw, []string{"", ""}, 2)
		if err != nil {
			return nil, err
		}
		u, err := posixPathArg(t, "initgroups", "username", a[0], false)
		if err != nil {
			return nil, err
		}
		g, err := posixIDArg(t, a[1], "gid")
		if err != nil {
			return nil, err
		}
		if err := cInitgroups(u.s, g); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return None, nil
	})
	fn("getgrouplist", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixArgs("getgrouplist", args, kw, []string{"", ""}, 2)
		if err != nil {
			return nil, err
		}
		s, ok := a[0].(*Str)
		if !ok {
			return nil, TypeErrorf("getgrouplist() argument 1 must be str, not %s", typeName(a[0]))
		}
		g, err := posixIDArg(t, a[1], "gid")
		if err != nil {
			return nil, err
		}
		gs, err := cGetgrouplist(s.s, g)
		if err != nil {
			return nil, osErrorFrom(err, nil)
		}
		out := make([]Object, len(gs))
		for i, v := range gs {
			out[i] = Int(v)
		}
		return NewList(out...), nil
	})

	// priorities. Linux keeps a nice value per thread and Python code runs
	// on whichever OS thread its goroutine is on, so "this process" (who
	// 0 of PRIO_PROCESS) means the main thread, whose id is the pid: that
	// is the thread CPython's main thread changes.
	prioWho := func(which, who int) int {
		if which == syscall.PRIO_PROCESS && who == 0 {
			return syscall.Getpid()
		}
		return who
	}
	getprio := func(which, who int) (int, error) {
		// the raw system call answers 20 - nice, never a negative number
		r, _, e := syscall.Syscall(syscall.SYS_GETPRIORITY, uintptr(which), uintptr(prioWho(which, who)), 0)
		if e != 0 {
			return 0, e
		}
		return 20 - int(r), nil
	}
	intsCall("getpriority", []string{"", ""}, func(a []int) (int, error) { return getprio(a[0], a[1]) }, false)
	intsCall("setpriority", []string{"", "", ""}, func(a []int) (int, error) {
		return none(syscall.Setpriority(a[0], prioWho(a[0], a[1]), a[2]))
	}, true)
	intsCall("nice", []string{""}, func(a []int) (int, error) {
		cur, err := getprio(syscall.PRIO_PROCESS, 0)
		if err != nil {
			return 0, err
		}
		n := cur + a[0]
		if n > 19 {
			n = 19
		}
		if n < -20 {
			n = -20
		}
		if err := syscall.Setpriority(syscall.PRIO_PROCESS, syscall.Getpid(), n); err != nil {
			return 0, err
		}
		return getprio(syscall.PRIO_PROCESS, 0)
	}, false)

	// waiting
	fn("wait3", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixInts(t, "wait3", args, kw, "options")
		if err != nil {
			return nil, err
		}
		var ru syscall.Rusage
		r, ws, err := posixWait4(t, -1, a[0], &ru)
		if err != nil {
			return nil, err
		}
		return NewTuple(Int(r), Int(int(ws)), posixRusageObj(&ru)), nil
	})
	fn("wait4", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixInts(t, "wait4", args, kw, "pid", "options")
		if err != nil {
			return nil, err
		}
		var ru syscall.Rusage
		r, ws, err := posixWait4(t, a[0], a[1], &ru)
		if err != nil {
			return nil, err
		}
		return NewTuple(Int(r), Int(int(ws)), posixRusageObj(&ru)), nil
	})
	fn("waitid", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixInts(t, "waitid", args, kw, "", "", "")
		if err != nil {
			return nil, err
		}
		var info uxSiginfo
		err = posixBlocking(t, a[2]&syscall.WNOHANG == 0, func() error {
			return uxWaitid(a[0], a[1], &info, a[2], nil)
		})
		if err != nil {
			return nil, osErrorFrom(err, nil)
		}
		// the siginfo_t fields of SIGCHLD: pid, uid and status follow
		// signo, errno and code (and padding) in the union
		raw := (*[128]byte)(unsafe.Pointer(&info))
		pid := *(*int32)(unsafe.Pointer(&raw[16]))
		if pid == 0 {
			return None, nil
		}
		uid := *(*uint32)(unsafe.Pointer(&raw[20]))
		status := *(*int32)(unsafe.Pointer(&raw[24]))
		return posixWaitid.Make(Int(pid), Int(uid), Int(info.Signo), Int(status), Int(info.Code)), nil
	})

	// exec
	fn("execv", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixArgs("execv", args, kw, []string{"", ""}, 2)
		if err != nil {
			return nil, err
		}
		p, err := posixPathArg(t, "execv", "path", a[0], false)
		if err != nil {
			return nil, err
		}
		argv, err := posixArgv(t, a[1], "execv() arg 2 must be a tuple or list", "execv() arg 2 must not be empty",
			"execv() arg 2 first element cannot be empty")
		if err != nil {
			return nil, err
		}
		return nil, osErrorFrom(syscall.Exec(p.s, argv, os.Environ()), nil)
	})
	fn("execve", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixArgs("execve", args, kw, []string{"path", "argv", "env"}, 3)
		if err != nil {
			return nil, err
		}
		p, err := posixPathArg(t, "execve", "path", a[0], true)
		if err != nil {
			return nil, err
		}
		if p.isFd {
			// fexecve: through /proc, as glibc does without execveat,
			// so that Go's own preparation for exec still runs.
			p.s = "/proc/self/fd/" + strconv.Itoa(p.fd)
		}
		argv, err := posixArgv(t, a[1], "execve: argv must be a tuple or list", "execve: argv must not be empty",
			"execve: argv first element cannot be empty")
		if err != nil {
			return nil, err
		}
		env, err := posixEnv(t, a[2])
		if err != nil {
			return nil, err
		}
		return nil, osErrorFrom(syscall.Exec(p.s, argv, env), p.obj)
	})
	fn("system", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixArgs("system", args, kw, []string{"command"}, 1)
		if err != nil {
			return nil, err
		}
		c, err := posixPathArg(t, "system", "command", a[0], false)
		if err != nil {
			if IsInstanceOf(err, TypeErrorType) {
				return nil, TypeErrorf("expected str, bytes or os.PathLike object, not %s", typeName(a[0]))
			}
			return nil, err
		}
		if err := Audit(t, "os.system", NewBytes([]byte(c.s))); err != nil {
			return nil, err
		}
		held := t.BeginBlocking()
		r := cSystem(c.s)
		t.EndBlocking(held)
		return Int(r), nil
	})
	fn("register_at_fork", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(args) > len(kw) {
			return nil, TypeErrorf("register_at_fork() takes no positional arguments")
		}
		a, err := posixArgs("register_at_fork", args, kw, []string{"before", "after_in_child", "after_in_parent"}, 0)
		if err != nil {
			return nil, err
		}
		names := []string{"before", "after_in_child", "after_in_parent"}
		any := false
		for i, o := range a {
			if o == nil {
				continue
			}
			if !isCallable(o) {
				return nil, TypeErrorf("'%s' must be callable, not %s", names[i], typeName(o))
			}
			any = true
		}
		if !any {
			return nil, TypeErrorf("At least one argument is required.")
		}
		s := &posixAtFork
		s.mu.Lock()
		defer s.mu.Unlock()
		if a[0] != nil {
			s.before = append(s.before, a[0])
		}
		if a[1] != nil {
			s.afterChild = append(s.afterChild, a[1])
		}
		if a[2] != nil {
			s.afterPrnt = append(s.afterPrnt, a[2])
		}
		return None, nil
	})
	fn("pidfd_open", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixArgs("pidfd_open", args, kw, []string{"pid", "flags"}, 1)
		if err != nil {
			return nil, err
		}
		pid, err := posixInt(t, a[0])
		if err != nil {
			return nil, err
		}
		fl, err := posixOptInt(t, a[1], 0)
		if err != nil {
			return nil, err
		}
		fd, err := uxPidfdOpen(pid, fl)
		if err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return Int(fd), nil
	})
}

// posixBlocking runs a system call that may wait: with the GIL released
// and retried on EINTR.
func posixBlocking(t *Thread, blocks bool, f func() error) error {
	if blocks {
		held := t.BeginBlocking()
		defer t.EndBlocking(held)
	}
	return posixRetry(t, f)
}

// posixWait4 is wait4 with rusage, waiting as os.waitpid does.
func posixWait4(t *Thread, pid, opts int, ru *syscall.Rusage) (int, syscall.WaitStatus, error) {
	r, ws, err := waitpidBlockingRusage(t, pid, opts, ru)
	if err != nil {
		return 0, 0, osErrorFrom(err, nil)
	}
	return r, ws, nil
}

// posixArgv converts exec's argv (a tuple or list of paths).
func posixArgv(t *Thread, o Object, notSeq, empty, firstEmpty string) ([]string, error) {
	var items []Object
	switch v := unwrap(o).(type) {
	case *List:
		items = v.snapshot()
	case *Tuple:
		items = v.items
	default:
		return nil, TypeErrorf("%s", notSeq)
	}
	if len(items) == 0 {
		return nil, ValueErrorf("%s", empty)
	}
	out := make([]string, len(items))
	for i, it := range items {
		p, err := posixPathArg(t, "execv", "argv", it, false)
		if err != nil {
			return nil, err
		}
		out[i] = p.s
	}
	if out[0] == "" {
		return nil, ValueErrorf("%s", firstEmpty)
	}
	return out, nil
}

// posixEnv converts execve's env mapping to KEY=VALUE strings.
func posixEnv(t *Thread, o Object) ([]string, error) {
	if _, err := GetAttrString(t, o, "keys"); err != nil {
		return nil, TypeErrorf("execve: environment must be a mapping object")
	}
	keys, err := CallMethod(t, o, "keys")
	if err != nil {
		return nil, err
	}
	ks, err := ToSlice(t, keys)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(ks))
	for _, k := range ks {
		v, err := GetItem(t, o, k)
		if err != nil {
			return nil, err
		}
		kp, err := posixPathArg(t, "execve", "key", k, false)
		if err != nil {
			return nil, err
		}
		vp, err := posixPathArg(t, "execve", "value", v, false)
		if err != nil {
			return nil, err
		}
		if kp.s == "" || indexByte(kp.s[1:], '=') >= 0 {
			return nil, ValueErrorf("illegal environment variable name")
		}
		out = append(out, kp.s+"="+vp.s)
	}
	return out, nil
}

func indexByte(s string, c byte) int {
	for i := 0; i < len(s); i++ {
		if s[i] == c {
			return i
		}
	}
	return -1
}

// posixLoginTty makes fd the controlling terminal and standard streams of
// a new session, as login_tty(3) does.
func posixLoginTty(fd int) error {
	if _, err := syscall.Setsid(); err != nil {
		return err
	}
	if err := uxIoctlSetInt(fd, syscall.TIOCSCTTY, 0); err != nil {
		return err
	}
	for i := 0; i < 3; i++ {
		if err := uxDup2(fd, i); err != nil {
			return err
		}
	}
	if fd > 2 {
		return syscall.Close(fd)
	}
	return nil
}
