package py

import (
	"syscall"
	"unsafe"
)

// Linux system calls the posix module needs that package syscall does not
// wrap. Each is the bare system call; errors come back as syscall.Errno.

const (
	uxAT_FDCWD            = -100
	uxAT_SYMLINK_NOFOLLOW = 0x100
	uxMFD_CLOEXEC         = 1
	uxEFD_CLOEXEC         = 0o2000000
)

func sys3(nr uintptr, a, b, c uintptr) (int, error) {
	r, _, e := syscall.Syscall(nr, a, b, c)
	if e != 0 {
		return -1, e
	}
	return int(r), nil
}

// ret turns a raw system call's result into (value, error). Calls that
// pass pointers call syscall.Syscall themselves: a pointer must become a
// uintptr in the call expression, or the object may move (a stack) or be
// collected before the kernel uses it.
func ret(r uintptr, e syscall.Errno) (int, error) {
	if e != 0 {
		return -1, e
	}
	return int(r), nil
}

func cstr(s string) (*byte, error) { return syscall.BytePtrFromString(s) }

func uxGetsid(pid int) (int, error) { return sys3(syscall.SYS_GETSID, uintptr(pid), 0, 0) }

func uxGetres(nr uintptr) (r, e, s int) {
	var a, b, c uint32
	syscall.RawSyscall(nr, uintptr(unsafe.Pointer(&a)), uintptr(unsafe.Pointer(&b)), uintptr(unsafe.Pointer(&c)))
	return int(a), int(b), int(c)
}

func uxGetresuid() (int, int, int) { return uxGetres(syscall.SYS_GETRESUID) }
func uxGetresgid() (int, int, int) { return uxGetres(syscall.SYS_GETRESGID) }
func uxSched_yield() error         { _, err := sys3(syscall.SYS_SCHED_YIELD, 0, 0, 0); return err }

// uxCPUSet is a cpu_set_t of 1024 CPUs.
type uxCPUSet [16]uint64

func (s *uxCPUSet) Set(i int)        { s[i/64] |= 1 << (uint(i) % 64) }
func (s *uxCPUSet) IsSet(i int) bool { return s[i/64]&(1<<(uint(i)%64)) != 0 }

func uxSchedGetaffinity(pid int, s *uxCPUSet) error {
	r, _, e := syscall.Syscall(syscall.SYS_SCHED_GETAFFINITY, uintptr(pid), unsafe.Sizeof(*s), uintptr(unsafe.Pointer(s)))
	_, err := ret(r, e)
	return err
}

func uxSchedSetaffinity(pid int, s *uxCPUSet) error {
	r, _, e := syscall.Syscall(syscall.SYS_SCHED_SETAFFINITY, uintptr(pid), unsafe.Sizeof(*s), uintptr(unsafe.Pointer(s)))
	_, err := ret(r, e)
	return err
}

// uxVec runs readv/writev (off < 0) or preadv2/pwritev2 on one buffer.
func uxVec(nr uintptr, fd int, b []byte, off int64, flags int) (int, error) {
	var iov syscall.Iovec
	if len(b) > 0 {
		iov.Base = &b[0]
	}
	iov.SetLen(len(b))
	if nr == syscall.SYS_READV || nr == syscall.SYS_WRITEV {
		r, _, e := syscall.Syscall(nr, uintptr(fd), uintptr(unsafe.Pointer(&iov)), 1)
		return ret(r, e)
	}
	// the offset goes as two longs (low, high); on 64-bit the high is 0
	r, _, e := syscall.Syscall6(nr, uintptr(fd), uintptr(unsafe.Pointer(&iov)), 1, uintptr(off), 0, uintptr(flags))
	return ret(r, e)
}

const (
	sysPreadv2  = 327
	sysPwritev2 = 328
)

func uxReadv(fd int, iov [][]byte) (int, error)  { return uxVec(syscall.SYS_READV, fd, iov[0], -1, 0) }
func uxWritev(fd int, iov [][]byte) (int, error) { return uxVec(syscall.SYS_WRITEV, fd, iov[0], -1, 0) }
func uxPreadv2(fd int, iov [][]byte, off int64, flags int) (int, error) {
	return uxVec(sysPreadv2, fd, iov[0], off, flags)
}
func uxPwritev2(fd int, iov [][]byte, off int64, flags int) (int, error) {
	return uxVec(sysPwritev2, fd, iov[0], off, flags)
}

func uxPidfdOpen(pid, flags int) (int, error) { return sys3(434, uintptr(pid), uintptr(flags), 0) }

func uxMknodat(dirfd int, path string, mode uint32, dev int) error {
	p, err := cstr(path)
	if err != nil {
		return err
	}
	r, _, e := syscall.Syscall6(syscall.SYS_MKNODAT, uintptr(dirfd), uintptr(unsafe.Pointer(p)), uintptr(mode), uintptr(dev), 0, 0)
	_, err = ret(r, e)
	return err
}

func uxMkfifoat(dirfd int, path string, mode uint32) error {
	return uxMknodat(dirfd, path, mode|syscall.S_IFIFO, 0)
}

func uxFchownat(dirfd int, path string, uid, gid, flags int) error {
	p, err := cstr(path)
	if err != nil {
		return err
	}
	r, _, e := syscall.Syscall6(syscall.SYS_FCHOWNAT, uintptr(dirfd), uintptr(unsafe.Pointer(p)), uintptr(uid), uintptr(gid), uintptr(flags), 0)
	_, err = ret(r, e)
	return err
}

func uxFchmod(fd int, mode uint32) error { return syscall.Fchmod(fd, mode) }

// glibc's encoding of dev_t.
func uxMajor(dev uint64) uint32 { return uint32((dev>>8)&0xfff) | uint32((dev>>32)&^0xfff) }
func uxMinor(dev uint64) uint32 { return uint32(dev&0xff) | uint32((dev>>12)&^0xff) }
func uxMkdev(major, minor uint32) uint64 {
	ma, mi := uint64(major), uint64(minor)
	return (ma&0xfff)<<8 | (ma&^0xfff)<<32 | mi&0xff | (mi&^0xff)<<12
}

func uxMemfdCreate(name string, flags int) (int, error) {
	p, err := cstr(name)
	if err != nil {
		return -1, err
	}
	r, _, e := syscall.Syscall(319, uintptr(unsafe.Pointer(p)), uintptr(flags), 0)
	return ret(r, e)
}

func uxEventfd(initval uint, flags int) (int, error) {
	return sys3(syscall.SYS_EVENTFD2, uintptr(initval), uintptr(flags), 0)
}

func uxFadvise(fd int, off, n int64, advice int) error {
	r, _, e := syscall.Syscall6(syscall.SYS_FADVISE64, uintptr(fd), uintptr(off), uintptr(n), uintptr(advice), 0, 0)
	_, err := ret(r, e)
	return err
}

func uxCopyFileRange(in int, offIn *int64, out int, offOut *int64, n, flags int) (int, error) {
	r, _, e := syscall.Syscall6(326, uintptr(in), uintptr(unsafe.Pointer(offIn)), uintptr(out), uintptr(unsafe.Pointer(offOut)), uintptr(n), uintptr(flags))
	return ret(r, e)
}

func uxGetrandom(b []byte, flags int) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	r, _, e := syscall.Syscall(318, uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)), uintptr(flags))
	return ret(r, e)
}

func uxIoctlGetInt(fd int, req uint) (int, error) {
	var v int32
	r, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), uintptr(req), uintptr(unsafe.Pointer(&v)))
	_, err := ret(r, e)
	return int(v), err
}

func uxIoctlGetUint32(fd int, req uint) (uint32, error) {
	v, err := uxIoctlGetInt(fd, req)
	return uint32(v), err
}

func uxIoctlSetPointerInt(fd int, req uint, v int) error {
	x := int32(v)
	r, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), uintptr(req), uintptr(unsafe.Pointer(&x)))
	_, err := ret(r, e)
	return err
}

func uxIoctlSetInt(fd int, req uint, v int) error {
	_, err := sys3(syscall.SYS_IOCTL, uintptr(fd), uintptr(req), uintptr(v))
	return err
}

// uxSiginfo is a siginfo_t (128 bytes).
type uxSiginfo struct {
	Signo int32
	Errno int32
	Code  int32
	_     [116]byte
}

func uxWaitid(idtype, id int, info *uxSiginfo, options int, _ *syscall.Rusage) error {
	r, _, e := syscall.Syscall6(syscall.SYS_WAITID, uintptr(idtype), uintptr(id), uintptr(unsafe.Pointer(info)), uintptr(options), 0, 0)
	_, err := ret(r, e)
	return err
}

func uxDup2(old, new int) error {
	if old == new {
		_, err := sys3(syscall.SYS_FCNTL, uintptr(old), syscall.F_GETFD, 0)
		return err
	}
	return syscall.Dup3(old, new, 0)
}

// extended attributes: path (follow or not) or fd forms; b may be empty
// (a size query).
func uxBuf(b []byte) *byte {
	if len(b) == 0 {
		return nil
	}
	return &b[0]
}

func uxXattr(nr uintptr, path string, name string, b []byte, flags int) (int, error) {
	p, err := cstr(path)
	if err != nil {
		return -1, err
	}
	n, err := cstr(name)
	if err != nil {
		return -1, err
	}
	bp := uxBuf(b)
	r, _, e := syscall.Syscall6(nr, uintptr(unsafe.Pointer(p)), uintptr(unsafe.Pointer(n)), uintptr(unsafe.Pointer(bp)), uintptr(len(b)), uintptr(flags), 0)
	return ret(r, e)
}

func uxFxattr(nr uintptr, fd int, name string, b []byte, flags int) (int, error) {
	n, err := cstr(name)
	if err != nil {
		return -1, err
	}
	bp := uxBuf(b)
	r, _, e := syscall.Syscall6(nr, uintptr(fd), uintptr(unsafe.Pointer(n)), uintptr(unsafe.Pointer(bp)), uintptr(len(b)), uintptr(flags), 0)
	return ret(r, e)
}

func uxLgetxattr(path, attr string, b []byte) (int, error) {
	return uxXattr(syscall.SYS_LGETXATTR, path, attr, b, 0)
}
func uxFgetxattr(fd int, attr string, b []byte) (int, error) {
	return uxFxattr(syscall.SYS_FGETXATTR, fd, attr, b, 0)
}
func uxLsetxattr(path, attr string, v []byte, fl int) error {
	_, err := uxXattr(syscall.SYS_LSETXATTR, path, attr, v, fl)
	return err
}
func uxFsetxattr(fd int, attr string, v []byte, fl int) error {
	_, err := uxFxattr(syscall.SYS_FSETXATTR, fd, attr, v, fl)
	return err
}
func uxLremovexattr(path, attr string) error {
	_, err := uxXattr(syscall.SYS_LREMOVEXATTR, path, attr, nil, 0)
	return err
}
func uxFremovexattr(fd int, attr string) error {
	_, err := uxFxattr(syscall.SYS_FREMOVEXATTR, fd, attr, nil, 0)
	return err
}

func uxLlistxattr(path string, b []byte) (int, error) {
	p, err := cstr(path)
	if err != nil {
		return -1, err
	}
	bp := uxBuf(b)
	r, _, e := syscall.Syscall(syscall.SYS_LLISTXATTR, uintptr(unsafe.Pointer(p)), uintptr(unsafe.Pointer(bp)), uintptr(len(b)))
	return ret(r, e)
}

func uxFlistxattr(fd int, b []byte) (int, error) {
	bp := uxBuf(b)
	r, _, e := syscall.Syscall(syscall.SYS_FLISTXATTR, uintptr(fd), uintptr(unsafe.Pointer(bp)), uintptr(len(b)))
	return ret(r, e)
}

// The *at calls behind dir_fd and follow_symlinks=False.
const (
	uxAT_REMOVEDIR      = 0x200
	uxAT_EACCESS        = 0x200
	uxAT_SYMLINK_FOLLOW = 0x400
	uxUTIME_NOW         = (1 << 30) - 1
)

func uxFstatat(dirfd int, path string, st *syscall.Stat_t, flags int) error {
	p, err := cstr(path)
	if err != nil {
		return err
	}
	r, _, e := syscall.Syscall6(syscall.SYS_NEWFSTATAT, uintptr(dirfd), uintptr(unsafe.Pointer(p)), uintptr(unsafe.Pointer(st)), uintptr(flags), 0, 0)
	_, err = ret(r, e)
	return err
}

func uxUnlinkat(dirfd int, path string, flags int) error {
	p, err := cstr(path)
	if err != nil {
		return err
	}
	r, _, e := syscall.Syscall(syscall.SYS_UNLINKAT, uintptr(dirfd), uintptr(unsafe.Pointer(p)), uintptr(flags))
	_, err = ret(r, e)
	return err
}

func uxLinkat(olddirfd int, oldpath string, newdirfd int, newpath string, flags int) error {
	a, err := cstr(oldpath)
	if err != nil {
		return err
	}
	b, err := cstr(newpath)
	if err != nil {
		return err
	}
	r, _, e := syscall.Syscall6(syscall.SYS_LINKAT, uintptr(olddirfd), uintptr(unsafe.Pointer(a)), uintptr(newdirfd), uintptr(unsafe.Pointer(b)), uintptr(flags), 0)
	_, err = ret(r, e)
	return err
}

func uxSymlinkat(target string, dirfd int, path string) error {
	a, err := cstr(target)
	if err != nil {
		return err
	}
	b, err := cstr(path)
	if err != nil {
		return err
	}
	r, _, e := syscall.Syscall(syscall.SYS_SYMLINKAT, uintptr(unsafe.Pointer(a)), uintptr(dirfd), uintptr(unsafe.Pointer(b)))
	_, err = ret(r, e)
	return err
}

// uxReadlinkat grows its buffer until the link fits (the kernel truncates
// silently).
func uxReadlinkat(dirfd int, path string) (string, error) {
	p, err := cstr(path)
	if err != nil {
		return "", err
	}
	for n := 256; ; n *= 2 {
		b := make([]byte, n)
		r, _, e := syscall.Syscall6(syscall.SYS_READLINKAT, uintptr(dirfd), uintptr(unsafe.Pointer(p)), uintptr(unsafe.Pointer(&b[0])), uintptr(n), 0, 0)
		k, err := ret(r, e)
		if err != nil {
			return "", err
		}
		if k < n {
			return string(b[:k]), nil
		}
	}
}

// uxUtimensat sets times on path relative to dirfd, or on dirfd itself
// when path is empty (futimens); ts nil means both times are now.
func uxUtimensat(dirfd int, path string, ts *[2]syscall.Timespec, flags int) error {
	var p *byte
	if path != "" {
		var err error
		if p, err = cstr(path); err != nil {
			return err
		}
	}
	r, _, e := syscall.Syscall6(syscall.SYS_UTIMENSAT, uintptr(dirfd), uintptr(unsafe.Pointer(p)), uintptr(unsafe.Pointer(ts)), uintptr(flags), 0, 0)
	_, err := ret(r, e)
	return err
}

// uxGetdents reads a batch of directory entries (linux_dirent64) into b.
func uxGetdents(fd int, b []byte) (int, error) {
	r, _, e := syscall.Syscall(syscall.SYS_GETDENTS64, uintptr(fd), uintptr(unsafe.Pointer(&b[0])), uintptr(len(b)))
	return ret(r, e)
}
