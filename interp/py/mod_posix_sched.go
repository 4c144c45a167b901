package py

import (
	"math"
	"math/big"
	"os"
	"strconv"
	"syscall"
	"unsafe"
)

// The extended attribute and scheduling parts of the posix additions.

func posixUint64Obj(v uint64) Object {
	if v <= math.MaxInt64 {
		return Int(int64(v))
	}
	return intFromBig(new(big.Int).SetUint64(v))
}

// posixAsUint64 converts an unsigned long long argument.
func posixAsUint64(t *Thread, o Object) (uint64, error) {
	if b, ok := asBig(o); ok {
		if b.Sign() < 0 {
			return 0, ValueErrorf("value must be positive")
		}
		if !b.IsUint64() {
			return 0, NewError(OverflowErrorType, "int too big to convert")
		}
		return b.Uint64(), nil
	}
	n, err := AsInt64(t, o)
	if err != nil {
		return 0, err
	}
	if n < 0 {
		return 0, ValueErrorf("value must be positive")
	}
	return uint64(n), nil
}

func posixAddXattr(m *Module) {
	fn := m.AddFunc
	// xattrCall parses (path, attribute..., *, follow_symlinks) for the
	// xattr functions; path may be an fd.
	xattrArgs := func(t *Thread, name string, args []Object, kw []string, names []string, req int) (posixPath, []Object, bool, error) {
		a, err := posixArgs(name, args, kw, append(names, "follow_symlinks"), req)
		if err != nil {
			return posixPath{}, nil, false, err
		}
		fsObj := a[len(a)-1]
		if len(args)-len(kw) > len(names) {
			return posixPath{}, nil, false, TypeErrorf("%s() takes at most %d positional arguments (%d given)", name, len(names), len(args)-len(kw))
		}
		fs, err := optBool(t, fsObj, true)
		if err != nil {
			return posixPath{}, nil, false, err
		}
		var p posixPath
		if a[0] == nil || a[0] == None {
			if name != "listxattr" {
				return posixPath{}, nil, false, TypeErrorf("%s: path should be string, bytes, os.PathLike or integer, not NoneType", name)
			}
			p = posixPath{obj: None, s: "."}
		} else if p, err = posixPathArg(t, name, "path", a[0], true); err != nil {
			return posixPath{}, nil, false, err
		}
		if p.isFd && !fs {
			return posixPath{}, nil, false, ValueErrorf("%s: cannot use fd and follow_symlinks together", name)
		}
		return p, a[1 : len(a)-1], fs, nil
	}
	attrName := func(t *Thread, name string, o Object) (string, error) {
		p, err := posixPathArg(t, name, "attribute", o, false)
		return p.s, err
	}
	fail := func(err error, p posixPath) error {
		if p.isFd || p.obj == None {
			return osErrorFrom(err, nil)
		}
		return osErrorFrom(err, p.obj)
	}
	fn("getxattr", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		p, rest, fs, err := xattrArgs(t, "getxattr", args, kw, []string{"path", "attribute"}, 2)
		if err != nil {
			return nil, err
		}
		attr, err := attrName(t, "getxattr", rest[0])
		if err != nil {
			return nil, err
		}
		buf := make([]byte, 128)
		for {
			var n int
			switch {
			case p.isFd:
				n, err = uxFgetxattr(p.fd, attr, buf)
			case fs:
				n, err = syscall.Getxattr(p.s, attr, buf)
			default:
				n, err = uxLgetxattr(p.s, attr, buf)
			}
			if err == syscall.ERANGE && len(buf) < 1<<16 {
				buf = make([]byte, 1<<16)
				continue
			}
			if err != nil {
				return nil, fail(err, p)
			}
			return NewBytes(buf[:n]), nil
		}
	})
	fn("setxattr", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		p, rest, fs, err := xattrArgs(t, "setxattr", args, kw, []string{"path", "attribute", "value", "flags"}, 3)
		if err != nil {
			return nil, err
		}
		attr, err := attrName(t, "setxattr", rest[0])
		if err != nil {
			return nil, err
		}
		val, err := ioBytesLike(t, rest[1])
		if err != nil {
			return nil, err
		}
		fl, err := posixOptInt(t, rest[2], 0)
		if err != nil {
			return nil, err
		}
		switch {
		case p.isFd:
			err = uxFsetxattr(p.fd, attr, val, fl)
		case fs:
			err = syscall.Setxattr(p.s, attr, val, fl)
		default:
			err = uxLsetxattr(p.s, attr, val, fl)
		}
		if err != nil {
			return nil, fail(err, p)
		}
		return None, nil
	})
	fn("removexattr", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		p, rest, fs, err := xattrArgs(t, "removexattr", args, kw, []string{"path", "attribute"}, 2)
		if err != nil {
			return nil, err
		}
		attr, err := attrName(t, "removexattr", rest[0])
		if err != nil {
			return nil, err
		}
		switch {
		case p.isFd:
			err = uxFremovexattr(p.fd, attr)
		case fs:
			err = syscall.Removexattr(p.s, attr)
		default:
			err = uxLremovexattr(p.s, attr)
		}
		if err != nil {
			return nil, fail(err, p)
		}
		return None, nil
	})
	fn("listxattr", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		p, _, fs, err := xattrArgs(t, "listxattr", args, kw, []string{"path"}, 0)
		if err != nil {
			return nil, err
		}
		buf := make([]byte, 256)
		for {
			var n int
			switch {
			case p.isFd:
				n, err = uxFlistxattr(p.fd, buf)
			case fs:
				n, err = syscall.Listxattr(p.s, buf)
			default:
				n, err = uxLlistxattr(p.s, buf)
			}
			if err == syscall.ERANGE && len(buf) < 1<<16 {
				buf = make([]byte, 1<<16)
				continue
			}
			if err != nil {
				return nil, fail(err, p)
			}
			var out []Object
			start := 0
			for i := 0; i < n; i++ {
				if buf[i] == 0 {
					if i > start {
						out = append(out, posixDecode(string(buf[start:i])))
					}
					start = i + 1
				}
			}
			return NewList(out...), nil
		}
	})
}

// posixSchedParamArg reads an os.sched_param's priority.
func posixSchedParamArg(t *Thread, o Object) (int, error) {
	if o.Type() != posixSchedParam.Type {
		return 0, TypeErrorf("must have a sched_param object")
	}
	v := unwrap(o).(*Tuple).items[0]
	if !isIntLike(v) {
		return 0, TypeErrorf("an integer is required")
	}
	return posixInt(t, v)
}

func posixAddSched(m *Module) {
	fn := m.AddFunc
	fn("sched_getparam", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixInts(t, "sched_getparam", args, kw, "")
		if err != nil {
			return nil, err
		}
		var prio int32
		if _, _, e := syscall.Syscall(syscall.SYS_SCHED_GETPARAM, uintptr(a[0]), uintptr(unsafe.Pointer(&prio)), 0); e != 0 {
			return nil, osErrorFrom(e, nil)
		}
		return posixSchedParam.Make(Int(prio)), nil
	})
	fn("sched_setparam", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixArgs("sched_setparam", args, kw, []string{"", ""}, 2)
		if err != nil {
			return nil, err
		}
		pid, err := posixInt(t, a[0])
		if err != nil {
			return nil, err
		}
		p, err := posixSchedParamArg(t, a[1])
		if err != nil {
			return nil, err
		}
		prio := int32(p)
		if _, _, e := syscall.Syscall(syscall.SYS_SCHED_SETPARAM, uintptr(pid), uintptr(unsafe.Pointer(&prio)), 0); e != 0 {
			return nil, osErrorFrom(e, nil)
		}
		return None, nil
	})
	fn("sched_setscheduler", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixArgs("sched_setscheduler", args, kw, []string{"", "", ""}, 3)
		if err != nil {
			return nil, err
		}
		pid, err := posixInt(t, a[0])
		if err != nil {
			return nil, err
		}
		pol, err := posixInt(t, a[1])
		if err != nil {
			return nil, err
		}
		p, err := posixSchedParamArg(t, a[2])
		if err != nil {
			return nil, err
		}
		prio := int32(p)
		if _, _, e := syscall.Syscall(syscall.SYS_SCHED_SETSCHEDULER, uintptr(pid), uintptr(pol), uintptr(unsafe.Pointer(&prio))); e != 0 {
			return nil, osErrorFrom(e, nil)
		}
		return None, nil
	})
	fn("sched_rr_get_interval", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixInts(t, "sched_rr_get_interval", args, kw, "")
		if err != nil {
			return nil, err
		}
		var ts syscall.Timespec
		if _, _, e := syscall.Syscall(syscall.SYS_SCHED_RR_GET_INTERVAL, uintptr(a[0]), uintptr(unsafe.Pointer(&ts)), 0); e != 0 {
			return nil, osErrorFrom(e, nil)
		}
		return Float(float64(ts.Sec) + float64(ts.Nsec)*1e-9), nil
	})
	fn("sched_getaffinity", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixInts(t, "sched_getaffinity", args, kw, "")
		if err != nil {
			return nil, err
		}
		var set uxCPUSet
		pid := a[0]
		if pid == 0 {
			pid = syscall.Getpid() // see sched_setaffinity
		}
		if err := uxSchedGetaffinity(pid, &set); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		s := NewSet()
		for i := 0; i < len(set)*64; i++ {
			if set.IsSet(i) {
				s.d.SetItem(t, Int(i), None)
			}
		}
		return s, nil
	})
	fn("sched_setaffinity", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		a, err := posixArgs("sched_setaffinity", args, kw, []string{"", ""}, 2)
		if err != nil {
			return nil, err
		}
		pid, err := posixInt(t, a[0])
		if err != nil {
			return nil, err
		}
		items, err := ToSlice(t, a[1])
		if err != nil {
			return nil, err
		}
		var set uxCPUSet
		for _, it := range items {
			if !isIntLike(it) {
				r, err := ReprString(t, it.Type())
				if err != nil {
					return nil, err
				}
				return nil, TypeErrorf("expected an iterator of ints, but iterator yielded %s", r)
			}
			n, err := AsInt64(t, it)
			if err != nil {
				return nil, err
			}
			if n < 0 {
				return nil, ValueErrorf("negative CPU number")
			}
			if n >= int64(len(set)*64) {
				return nil, newOSError(int(syscall.EINVAL), nil, nil)
			}
			set.Set(int(n))
		}
		if err := posixSetAffinity(pid, &set); err != nil {
			return nil, osErrorFrom(err, nil)
		}
		return None, nil
	})
}

// posixSetAffinity is sched_setaffinity. pid 0 means the calling thread to
// the kernel, but Python code runs on whichever OS thread its goroutine
// is on, so for 0 the mask goes to every thread of the process (threads
// the runtime starts later inherit it from the thread that starts them).
func posixSetAffinity(pid int, set *uxCPUSet) error {
	if pid != 0 {
		return uxSchedSetaffinity(pid, set)
	}
	tasks, err := os.ReadDir("/proc/self/task")
	if err != nil {
		return uxSchedSetaffinity(0, set)
	}
	for _, e := range tasks {
		tid, err := strconv.Atoi(e.Name())
		if err != nil {
			continue
		}
		if err := uxSchedSetaffinity(tid, set); err != nil && err != syscall.ESRCH {
			return err
		}
	}
	return nil
}
