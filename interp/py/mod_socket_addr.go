package py

import (
	"encoding/binary"
	"net/netip"
	"syscall"
	"unsafe"
)

// Socket addresses: Python address objects to and from the kernel's
// struct sockaddr bytes. The bytes are built by hand rather than with
// syscall.Sockaddr because Go's conversion renders abstract AF_UNIX names
// and unnamed sockets as "@..." and "" strings, where CPython gives bytes
// and '' distinctly.

const (
	sockaddrMax  = syscall.SizeofSockaddrAny // sizeof(struct sockaddr_storage)
	sunPathMax   = 108                       // sizeof(sun_path)
	afUnspec     = syscall.AF_UNSPEC
	inaddrAny    = "0.0.0.0"
	inaddrBcast  = "255.255.255.255"
	flowinfoMask = 0xfffff
)

// rawSockaddr is a struct sockaddr_storage and the length in use.
type rawSockaddr struct {
	buf [sockaddrMax]byte
	n   uint32
}

func (r *rawSockaddr) ptr() uintptr { return uintptr(unsafe.Pointer(&r.buf[0])) }

func (r *rawSockaddr) family() int { return int(binary.LittleEndian.Uint16(r.buf[:2])) }

func sockaddrInet4(ip [4]byte, port int) *rawSockaddr {
	r := &rawSockaddr{n: syscall.SizeofSockaddrInet4}
	binary.LittleEndian.PutUint16(r.buf[:], syscall.AF_INET)
	binary.BigEndian.PutUint16(r.buf[2:], uint16(port))
	copy(r.buf[4:8], ip[:])
	return r
}

func sockaddrInet6(ip [16]byte, port int, flow, scope uint32) *rawSockaddr {
	r := &rawSockaddr{n: syscall.SizeofSockaddrInet6}
	binary.LittleEndian.PutUint16(r.buf[:], syscall.AF_INET6)
	binary.BigEndian.PutUint16(r.buf[2:], uint16(port))
	binary.BigEndian.PutUint32(r.buf[4:], flow)
	copy(r.buf[8:24], ip[:])
	binary.LittleEndian.PutUint32(r.buf[24:], scope)
	return r
}

// makeSockaddr is CPython's makesockaddr: the Python object for an
// address the kernel returned.
func makeSockaddr(r *rawSockaddr) Object {
	if r.n == 0 {
		return None
	}
	switch r.family() {
	case syscall.AF_INET:
		ip := netip.AddrFrom4([4]byte(r.buf[4:8]))
		return NewTuple(NewStr(ip.String()), Int(int(binary.BigEndian.Uint16(r.buf[2:]))))
	case syscall.AF_INET6:
		return NewTuple(NewStr(formatIPv6([16]byte(r.buf[8:24]))),
			Int(int(binary.BigEndian.Uint16(r.buf[2:]))),
			Int(int64(binary.BigEndian.Uint32(r.buf[4:]))),
			Int(int64(binary.LittleEndian.Uint32(r.buf[24:]))))
	case syscall.AF_UNIX:
		path := r.buf[2:r.n]
		if len(path) > 0 && path[0] == 0 {
			// Linux abstract namespace: the name is bytes, NULs and all
			return NewBytes(append([]byte(nil), path...))
		}
		for i, c := range path {
			if c == 0 {
				path = path[:i]
				break
			}
		}
		return posixDecode(string(path))
	}
	// other families: (sa_family, sa_data) as CPython does
	end := int(r.n)
	if end < 16 {
		end = 16
	}
	return NewTuple(Int(r.family()), NewBytes(append([]byte(nil), r.buf[2:end]...)))
}

// formatIPv6 is inet_ntop(AF_INET6): glibc writes IPv4-mapped and
// IPv4-compatible addresses with a dotted tail, as netip does for mapped.
func formatIPv6(b [16]byte) string {
	return netip.AddrFrom16(b).String()
}

// sockHostArg is CPython's idna_converter: the host part of an address.
func sockHostArg(t *Thread, o Object) (string, error) {
	switch v := unwrap(o).(type) {
	case *Str:
		if v.ascii || strIsASCII(v.s) {
			return v.s, nil
		}
		enc, err := CallMethod(t, o, "encode", NewStr("idna"))
		if err != nil {
			return "", err
		}
		if b, ok := enc.(*Bytes); ok {
			return string(b.b), nil
		}
		return "", TypeErrorf("str, bytes or bytearray expected, not %s", typeName(o))
	case *Bytes:
		return string(v.b), nil
	case *ByteArray:
		v.mu.Lock()
		defer v.mu.Unlock()
		return string(v.b), nil
	}
	return "", TypeErrorf("str, bytes or bytearray expected, not %s", typeName(o))
}

func strIsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// setIPAddr is CPython's setipaddr: a host name to one address of family
// af (” is the wildcard address, '<broadcast>' the IPv4 broadcast one).
func setIPAddr(t *Thread, host string, af int) (netip.Addr, error) {
	if host == "" {
		if af == syscall.AF_INET6 {
			return netip.IPv6Unspecified(), nil
		}
		return netip.MustParseAddr(inaddrAny), nil
	}
	if host == "<broadcast>" || host == "255.255.255.255" {
		if af != syscall.AF_INET && af != afUnspec {
			return netip.Addr{}, gaiError(t, eaiFamily)
		}
		return netip.MustParseAddr(inaddrBcast), nil
	}
	if af == syscall.AF_INET || af == afUnspec {
		if a, ok := parseInet4Strict(host); ok {
			return a, nil
		}
	}
	addrs, err := resolveHost(t, host, af, 0)
	if err != nil {
		return netip.Addr{}, err
	}
	return addrs[0], nil
}

// portArg reads the port of an inet address ("i" format: any index).
func sockPortArg(t *Thread, o Object, caller string) (int, error) {
	if !isIntLike(o) && LoadPtr(&o.Type().Index) == nil {
		return 0, TypeErrorf("'%s' object cannot be interpreted as an integer", typeName(o))
	}
	n, err := AsInt64(t, o)
	if err != nil {
		if IsInstanceOf(err, OverflowErrorType) {
			return 0, Errorf(OverflowErrorType, "%s(): port must be 0-65535.", caller)
		}
		return 0, err
	}
	if n < 0 || n > 0xffff {
		return 0, Errorf(OverflowErrorType, "%s(): port must be 0-65535.", caller)
	}
	return int(n), nil
}

// getSockaddrArg is CPython's getsockaddrarg: a Python address for a
// socket of family af, as the kernel wants it. caller names the method in
// messages.
func getSockaddrArg(t *Thread, af int, addr Object, caller string) (*rawSockaddr, error) {
	switch af {
	case syscall.AF_UNIX:
		var path []byte
		switch v := unwrap(addr).(type) {
		case *Str:
			p, err := sockFSEncode(t, addr)
			if err != nil {
				return nil, err
			}
			path = []byte(p)
		case *Bytes:
			path = v.b
		case *ByteArray:
			v.mu.Lock()
			path = append([]byte(nil), v.b...)
			v.mu.Unlock()
		default:
			b, err := ioBytesLike(t, addr)
			if err != nil {
				return nil, err
			}
			path = b
		}
		abstract := len(path) > 0 && path[0] == 0
		if (abstract && len(path) > sunPathMax) || (!abstract && len(path) >= sunPathMax) {
			return nil, Errorf(OSErrorType, "AF_UNIX path too long")
		}
		r := &rawSockaddr{n: uint32(2 + len(path))}
		binary.LittleEndian.PutUint16(r.buf[:], syscall.AF_UNIX)
		copy(r.buf[2:], path)
		return r, nil
	case syscall.AF_INET:
		tup, ok := unwrap(addr).(*Tuple)
		if !ok {
			return nil, TypeErrorf("%s(): AF_INET address must be tuple, not %s", caller, typeName(addr))
		}
		const msg = "AF_INET address must be a pair (host, port)"
		if tup.Len() != 2 {
			return nil, TypeErrorf(msg)
		}
		host, err := sockHostArg(t, tup.items[0])
		if err != nil {
			return nil, err
		}
		port, err := sockPortArg(t, tup.items[1], caller)
		if err != nil {
			return nil, err
		}
		ip, err := setIPAddr(t, host, syscall.AF_INET)
		if err != nil {
			return nil, err
		}
		return sockaddrInet4(ip.As4(), port), nil
	case syscall.AF_INET6:
		tup, ok := unwrap(addr).(*Tuple)
		if !ok {
			return nil, TypeErrorf("%s(): AF_INET6 address must be tuple, not %s", caller, typeName(addr))
		}
		const msg = "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])"
		if tup.Len() < 2 || tup.Len() > 4 {
			return nil, TypeErrorf(msg)
		}
		host, err := sockHostArg(t, tup.items[0])
		if err != nil {
			return nil, err
		}
		port, err := sockPortArg(t, tup.items[1], caller)
		if err != nil {
			return nil, err
		}
		var flow, scope int64
		if tup.Len() > 2 {
			if flow, err = AsInt64(t, tup.items[2]); err != nil {
				return nil, err
			}
			if flow < 0 || flow > flowinfoMask {
				return nil, Errorf(OverflowErrorType, "%s(): flowinfo must be 0-1048575.", caller)
			}
		}
		if tup.Len() > 3 {
			if scope, err = AsInt64(t, tup.items[3]); err != nil {
				return nil, err
			}
		}
		ip, err := setIPAddr(t, host, syscall.AF_INET6)
		if err != nil {
			return nil, err
		}
		if ip.Zone() != "" && scope == 0 {
			scope = int64(zoneIndex(ip.Zone()))
		}
		return sockaddrInet6(ip.As16(), port, uint32(flow), uint32(scope)), nil
	}
	return nil, Errorf(OSErrorType, "%s(): bad family", caller)
}

// sockFSEncode is PyUnicode_FSConverter for a str: UTF-8 with
// surrogateescape, no NULs checked (abstract names may hold them).
func sockFSEncode(t *Thread, o Object) (string, error) {
	enc, err := CallMethod(t, o, "encode", NewStr("utf-8"), NewStr("surrogateescape"))
	if err != nil {
		return "", err
	}
	if b, ok := enc.(*Bytes); ok {
		return string(b.b), nil
	}
	return "", TypeErrorf("a bytes-like object is required, not '%s'", typeName(o))
}
