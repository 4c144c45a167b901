//go:build !cgo

package py

import (
	"os"
	"syscall"
)

// Without cgo the C library's answers are not available: system(3) is
// approximated with fork/exec and wait4, and the configuration queries
// fail with ENOSYS.

func posixAbort() {
	syscall.Kill(syscall.Getpid(), syscall.SIGABRT)
	os.Exit(134)
}

func cSystem(cmd string) int {
	attr := &syscall.ProcAttr{Env: os.Environ(), Files: []uintptr{0, 1, 2}}
	pid, err := syscall.ForkExec("/bin/sh", []string{"sh", "-c", cmd}, attr)
	if err != nil {
		return 127 << 8
	}
	var ws syscall.WaitStatus
	for {
		_, err := syscall.Wait4(pid, &ws, 0, nil)
		if err != syscall.EINTR {
			break
		}
	}
	return int(ws)
}

func cInitgroups(user string, gid int) error            { return syscall.ENOSYS }
func cGetgrouplist(user string, gid int) ([]int, error) { return nil, syscall.ENOSYS }
func cSysconf(name int) (int, error)                    { return -1, syscall.ENOSYS }
func cConfstr(name int) (string, bool, error)           { return "", false, syscall.ENOSYS }
func cPathconf(path string, name int) (int, error)      { return -1, syscall.ENOSYS }
func cFpathconf(fd, name int) (int, error)              { return -1, syscall.ENOSYS }
