//go:build cgo

package py

/*
#include <grp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

// fpy_abort dies of SIGABRT as abort(3) does; the Go runtime's handler for
// SIGABRT (a goroutine dump and exit status 2) is put back to the default
// first so that the parent sees the signal.
static void fpy_abort(void) {
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sigaction(SIGABRT, &sa, NULL);
	abort();
}

static int fpy_getgrouplist(const char *user, unsigned int group, unsigned int *groups, int *n) {
	return getgrouplist(user, (gid_t)group, (gid_t *)groups, n);
}
*/
import "C"

import (
	"syscall"
	"unsafe"
)

// The posix functions whose answer belongs to the C library (its
// configuration tables, NSS group data, system(3)'s signal handling).

func posixAbort() { C.fpy_abort() }

// cSystem is system(3): /bin/sh -c command with SIGINT and SIGQUIT ignored
// and SIGCHLD blocked while it waits; it answers the wait status.
func cSystem(cmd string) int {
	cs := C.CString(cmd)
	defer C.free(unsafe.Pointer(cs))
	return int(C.system(cs))
}

func cInitgroups(user string, gid int) error {
	cs := C.CString(user)
	defer C.free(unsafe.Pointer(cs))
	if r, err := C.initgroups(cs, C.gid_t(gid)); r != 0 {
		return err
	}
	return nil
}

func cGetgrouplist(user string, gid int) ([]int, error) {
	cs := C.CString(user)
	defer C.free(unsafe.Pointer(cs))
	n := C.int(64)
	for {
		buf := make([]C.uint, int(n))
		old := n
		r := C.fpy_getgrouplist(cs, C.uint(gid), &buf[0], &n)
		if r >= 0 {
			out := make([]int, int(n))
			for i := range out {
				out[i] = int(buf[i])
			}
			return out, nil
		}
		if n <= old {
			n = old * 2
		}
		if n > 1<<20 {
			return nil, syscall.EINVAL
		}
	}
}

// cSysconf is sysconf(3): -1 with a nil error means "no limit".
func cSysconf(name int) (int, error) {
	r, err := C.sysconf(C.int(name))
	if r == -1 && err != nil {
		return -1, err
	}
	return int(r), nil
}

// cConfstr is confstr(3); ok is false for a name without a value.
func cConfstr(name int) (string, bool, error) {
	n, err := C.confstr(C.int(name), nil, 0)
	if n == 0 {
		if err != nil {
			return "", false, err
		}
		return "", false, nil
	}
	buf := make([]byte, int(n))
	C.confstr(C.int(name), (*C.char)(unsafe.Pointer(&buf[0])), n)
	return string(buf[:len(buf)-1]), true, nil
}

func cPathconf(path string, name int) (int, error) {
	cs := C.CString(path)
	defer C.free(unsafe.Pointer(cs))
	r, err := C.pathconf(cs, C.int(name))
	if r == -1 && err != nil {
		return -1, err
	}
	return int(r), nil
}

func cFpathconf(fd, name int) (int, error) {
	r, err := C.fpathconf(C.int(fd), C.int(name))
	if r == -1 && err != nil {
		return -1, err
	}
	return int(r), nil
}
