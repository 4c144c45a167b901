package py

import (
	"syscall"
	"unsafe"
)

// posixIsatty is isatty(fd): whether fd is a terminal (TCGETS succeeds).
func posixIsatty(fd int) bool {
	var tio syscall.Termios
	_, _, e := syscall.Syscall(syscall.SYS_IOCTL, uintptr(fd), uintptr(syscall.TCGETS), uintptr(unsafe.Pointer(&tio)))
	return e == 0
}
