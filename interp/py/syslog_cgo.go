//go:build cgo

package py

/*
#include <stdlib.h>
#include <syslog.h>

// syslog(3) is variadic, which cgo cannot call: the message is passed as
// a "%s" argument so that a '%' in it is not a directive.
static void fpy_syslog(int pri, const char *msg) { syslog(pri, "%s", msg); }
*/
import "C"

import "unsafe"

// The C library's syslog(3): it talks to the system logger (/dev/log),
// honours LOG_PERROR and LOG_CONS, and formats messages as every other
// program on the host does. ident is kept by openlog(3) and must stay
// valid until the next openlog or closelog (cOpenlog's caller frees the
// previous one then).

type cIdent = *C.char

func cOpenlog(ident *string, option, facility int) cIdent {
	var p *C.char
	if ident != nil {
		p = C.CString(*ident)
	}
	C.openlog(p, C.int(option), C.int(facility))
	return p
}

func cFreeIdent(p cIdent) {
	if p != nil {
		C.free(unsafe.Pointer(p))
	}
}

func cSyslog(priority int, msg string) {
	p := C.CString(msg)
	C.fpy_syslog(C.int(priority), p)
	C.free(unsafe.Pointer(p))
}

func cCloselog() { C.closelog() }

func cSetlogmask(mask int) int { return int(C.setlogmask(C.int(mask))) }
