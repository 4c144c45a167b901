//go:build !cgo

package py

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Without cgo, a small stand-in for the C library's syslog(3): RFC 3164
// datagrams to /dev/log (nothing is sent when there is no logger), the
// LOG_PID and LOG_PERROR options, and the priority mask.

type cIdent = *string

var goSyslog struct {
	mu       sync.Mutex
	ident    string
	option   int
	facility int
	mask     int
	conn     net.Conn
}

func init() { goSyslog.mask = 0xff; goSyslog.facility = 8 }

func cOpenlog(ident *string, option, facility int) cIdent {
	goSyslog.mu.Lock()
	defer goSyslog.mu.Unlock()
	if ident != nil {
		goSyslog.ident = *ident
	} else {
		goSyslog.ident = filepath.Base(os.Args[0])
	}
	goSyslog.option = option
	if facility != 0 {
		goSyslog.facility = facility
	}
	return ident
}

func cFreeIdent(cIdent) {}

func cSyslog(priority int, msg string) {
	goSyslog.mu.Lock()
	defer goSyslog.mu.Unlock()
	if goSyslog.mask&(1<<(priority&7)) == 0 {
		return
	}
	if priority&^7 == 0 {
		priority |= goSyslog.facility
	}
	tag := goSyslog.ident
	if goSyslog.option&1 != 0 { // LOG_PID
		tag = fmt.Sprintf("%s[%d]", tag, os.Getpid())
	}
	if goSyslog.conn == nil {
		goSyslog.conn, _ = net.Dial("unixgram", "/dev/log")
	}
	if goSyslog.conn != nil {
		fmt.Fprintf(goSyslog.conn, "<%d>%s %s: %s", priority, time.Now().Format(time.Stamp), tag, msg)
	}
	if goSyslog.option&0x20 != 0 { // LOG_PERROR
		fmt.Fprintf(os.Stderr, "%s: %s\n", tag, msg)
	}
}

func cCloselog() {
	goSyslog.mu.Lock()
	defer goSyslog.mu.Unlock()
	if goSyslog.conn != nil {
		goSyslog.conn.Close()
		goSyslog.conn = nil
	}
}

func cSetlogmask(mask int) int {
	goSyslog.mu.Lock()
	defer goSyslog.mu.Unlock()
	old := goSyslog.mask
	if mask != 0 {
		goSyslog.mask = mask
	}
	return old
}
