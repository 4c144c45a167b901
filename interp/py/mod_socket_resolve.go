package py

import (
	"bufio"
	"context"
	"errors"
	"net"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// Name resolution for _socket: getaddrinfo and friends. The C library's
// resolver is out of reach without cgo here, so host names go through Go's
// net resolver (which reads /etc/hosts and nsswitch's order as glibc does),
// and the services and protocols databases are read from /etc directly.
// Errors carry glibc's EAI_* codes and messages in socket.gaierror.

const (
	eaiBadflags   = -1
	eaiNoname     = -2
	eaiAgain      = -3
	eaiFail       = -4
	eaiFamily     = -6
	eaiSocktype   = -7
	eaiService    = -8
	eaiAddrfamily = -9

	aiPassive     = 0x1
	aiCanonname   = 0x2
	aiNumerichost = 0x4
	aiNumericserv = 0x400

	niNumerichost = 0x1
	niNumericserv = 0x2
	niNofqdn      = 0x4
	niNamereqd    = 0x8
	niDgram       = 0x10
)

var eaiMessages = map[int]string{
	eaiBadflags:   "Bad value for ai_flags",
	eaiNoname:     "Name or service not known",
	eaiAgain:      "Temporary failure in name resolution",
	eaiFail:       "Non-recoverable failure in name resolution",
	-5:            "No address associated with hostname",
	eaiFamily:     "ai_family not supported",
	eaiSocktype:   "ai_socktype not supported",
	eaiService:    "Servname not supported for ai_socktype",
	eaiAddrfamily: "Address family for hostname not supported",
}

// gaiError makes socket.gaierror(code, message).
func gaiError(t *Thread, code int) error {
	e, err := Call(t, socketErrTypes().gai, []Object{Int(code), NewStr(eaiMessages[code])}, nil)
	if err != nil {
		return err
	}
	return e.(error)
}

func hError(t *Thread, code int, msg string) error {
	e, err := Call(t, socketErrTypes().h, []Object{Int(code), NewStr(msg)}, nil)
	if err != nil {
		return err
	}
	return e.(error)
}

// parseInet4Strict accepts only dotted-quad IPv4, as inet_pton does.
func parseInet4Strict(s string) (netip.Addr, bool) {
	a, err := netip.ParseAddr(s)
	if err != nil || !a.Is4() {
		return netip.Addr{}, false
	}
	return a, true
}

// parseInetAton is glibc's inet_aton: one to four parts, each decimal,
// octal (leading 0) or hex (0x), the last filling the remaining bytes.
func parseInetAton(s string) ([4]byte, bool) {
	var out [4]byte
	if s == "" {
		return out, false
	}
	// glibc stops at the first white space and ignores the rest
	if i := strings.IndexAny(s, " \t\n\v\f\r"); i >= 0 {
		s = s[:i]
	}
	parts := strings.Split(s, ".")
	if len(parts) > 4 {
		return out, false
	}
	vals := make([]uint64, len(parts))
	for i, p := range parts {
		base := 10
		switch {
		case len(p) > 1 && (p[:2] == "0x" || p[:2] == "0X"):
			base, p = 16, p[2:]
			if p == "" {
				p = "0"
			}
		case len(p) > 1 && p[0] == '0':
			base, p = 8, p[1:]
		}
		if p == "" {
			return out, false
		}
		v, err := strconv.ParseUint(p, base, 32)
		if err != nil {
			return out, false
		}
		vals[i] = v
	}
	last := vals[len(vals)-1]
	for i := 0; i < len(vals)-1; i++ {
		if vals[i] > 0xff {
			return out, false
		}
		out[i] = byte(vals[i])
	}
	rest := 4 - (len(vals) - 1)
	if rest < 4 && last >= 1<<(8*uint(rest)) {
		return out, false
	}
	for i := 3; i >= len(vals)-1; i-- {
		out[i] = byte(last)
		last >>= 8
	}
	return out, true
}

// zoneIndex is if_nametoindex for an IPv6 zone (a name or a number).
func zoneIndex(zone string) int {
	if n, err := strconv.Atoi(zone); err == nil {
		return n
	}
	if ifi, err := net.InterfaceByName(zone); err == nil {
		return ifi.Index
	}
	return 0
}

// parseNumericHost reads a numeric IPv4 or IPv6 address (with %zone).
func parseNumericHost(host string) (netip.Addr, bool) {
	if a, ok := parseInet4Strict(host); ok {
		return a, true
	}
	if strings.Contains(host, ":") {
		if a, err := netip.ParseAddr(host); err == nil {
			return a, true
		}
	}
	return netip.Addr{}, false
}

// resolveHost looks host up for family af (0 for any), as getaddrinfo
// does; the wait lets other threads run.
func resolveHost(t *Thread, host string, af, flags int) ([]netip.Addr, error) {
	if a, ok := parseNumericHost(host); ok {
		if (af == syscall.AF_INET && !a.Is4()) || (af == syscall.AF_INET6 && a.Is4()) {
			return nil, gaiError(t, eaiAddrfamily)
		}
		return []netip.Addr{a}, nil
	}
	if flags&aiNumerichost != 0 || host == "" || strings.IndexByte(host, 0) >= 0 {
		return nil, gaiError(t, eaiNoname)
	}
	network := "ip"
	switch af {
	case syscall.AF_INET:
		network = "ip4"
	case syscall.AF_INET6:
		network = "ip6"
	}
	held := t.BeginBlocking()
	ips, err := net.DefaultResolver.LookupNetIP(context.Background(), network, host)
	t.EndBlocking(held)
	if err != nil {
		var de *net.DNSError
		if errors.As(err, &de) && (de.IsTemporary || de.IsTimeout) {
			return nil, gaiError(t, eaiAgain)
		}
		return nil, gaiError(t, eaiNoname)
	}
	out := ips[:0]
	for _, ip := range ips {
		if ip.Is4In6() {
			ip = ip.Unmap()
		}
		out = append(out, ip)
	}
	if len(out) == 0 {
		return nil, gaiError(t, eaiNoname)
	}
	return out, nil
}

// --- /etc/services and /etc/protocols

type servEntry struct {
	name    string
	aliases []string
	port    int
	proto   string
}

func readServices() []servEntry {
	f, err := os.Open("/etc/services")
	if err != nil {
		return nil
	}
	defer f.Close()
	var out []servEntry
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		fields := strings.Fields(line)
		if len(fields) < 2 {
			continue
		}
		ps, proto, ok := strings.Cut(fields[1], "/")
		port, err := strconv.Atoi(ps)
		if !ok || err != nil {
			continue
		}
		out = append(out, servEntry{fields[0], fields[2:], port, proto})
	}
	return out
}

// lookupService finds a service by name (and protocol, "" for any).
func lookupService(name, proto string) (servEntry, bool) {
	for _, e := range readServices() {
		if proto != "" && e.proto != proto {
			continue
		}
		if e.name == name {
			return e, true
		}
		for _, a := range e.aliases {
			if a == name {
				return e, true
			}
		}
	}
	return servEntry{}, false
}

func lookupServicePort(port int, proto string) (servEntry, bool) {
	for _, e := range readServices() {
		if e.port == port && (proto == "" || e.proto == proto) {
			return e, true
		}
	}
	return servEntry{}, false
}

func lookupProtocol(name string) (int, bool) {
	f, err := os.Open("/etc/protocols")
	if err != nil {
		return 0, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		fields := strings.Fields(line)
		if len(fields) < 2 {
			continue
		}
		n, err := strconv.Atoi(fields[1])
		if err != nil {
			continue
		}
		if fields[0] == name {
			return n, true
		}
		for _, a := range fields[2:] {
			if a == name {
				return n, true
			}
		}
	}
	return 0, false
}

// hostsEntry finds addr in /etc/hosts: glibc's files backend for
// gethostbyaddr gives the line's first name and the rest as aliases.
func hostsEntry(addr netip.Addr) (string, []string, bool) {
	f, err := os.Open("/etc/hosts")
	if err != nil {
		return "", nil, false
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		fields := strings.Fields(line)
		if len(fields) < 2 {
			continue
		}
		a, err := netip.ParseAddr(fields[0])
		if err != nil || a.Unmap() != addr.Unmap() {
			continue
		}
		return fields[1], fields[2:], true
	}
	return "", nil, false
}

// reverseLookup is the host name for addr, or "" if there is none.
func reverseLookup(t *Thread, addr netip.Addr) (string, []string) {
	if name, aliases, ok := hostsEntry(addr); ok {
		return name, aliases
	}
	held := t.BeginBlocking()
	names, err := net.DefaultResolver.LookupAddr(context.Background(), addr.String())
	t.EndBlocking(held)
	if err != nil || len(names) == 0 {
		return "", nil
	}
	for i := range names {
		names[i] = strings.TrimSuffix(names[i], ".")
	}
	return names[0], names[1:]
}

// --- getaddrinfo

type gaiSocktype struct{ typ, proto int }

func socketGetaddrinfo(t *Thread, args []Object, kw []string) (Object, error) {
	var hosto, porto, famo, typo, protoo, flagso Object
	if err := ParseArgs("getaddrinfo", args, kw, []string{"host", "port", "family", "type", "proto", "flags"}, 2,
		&hosto, &porto, &famo, &typo, &protoo, &flagso); err != nil {
		return nil, err
	}
	ints := [4]int{}
	for i, o := range []Object{famo, typo, protoo, flagso} {
		if o == nil {
			continue
		}
		n, err := IndexInt(t, o)
		if err != nil {
			return nil, err
		}
		ints[i] = n
	}
	af, socktype, proto, flags := ints[0], ints[1], ints[2], ints[3]
	var host string
	hasHost := hosto != None
	if hasHost {
		h, err := sockHostArg(t, hosto)
		if err != nil {
			if IsInstanceOf(err, TypeErrorType) {
				return nil, TypeErrorf("getaddrinfo() argument 1 must be string or None")
			}
			return nil, err
		}
		host = h
	}
	var service string
	hasService := true
	switch v := unwrap(porto).(type) {
	case Int, *BigInt, Bool:
		n, err := AsInt64(t, porto)
		if err != nil {
			return nil, err
		}
		service = strconv.FormatInt(n, 10)
	case *Str:
		service = v.s
	case *Bytes:
		service = string(v.b)
	case NoneType:
		hasService = false
	default:
		return nil, Errorf(OSErrorType, "Int or String expected")
	}
	if !hasHost && !hasService {
		return nil, gaiError(t, eaiNoname)
	}
	if flags&^(aiPassive|aiCanonname|aiNumerichost|aiNumericserv|0x8|0x10|0x20|0x40|0x80) != 0 {
		return nil, gaiError(t, eaiBadflags)
	}
	if af != afUnspec && af != syscall.AF_INET && af != syscall.AF_INET6 {
		return nil, gaiError(t, eaiFamily)
	}
	var kinds []gaiSocktype
	switch socktype {
	case 0:
		kinds = []gaiSocktype{{syscall.SOCK_STREAM, syscall.IPPROTO_TCP}, {syscall.SOCK_DGRAM, syscall.IPPROTO_UDP}, {syscall.SOCK_RAW, 0}}
	case syscall.SOCK_STREAM:
		kinds = []gaiSocktype{{socktype, syscall.IPPROTO_TCP}}
	case syscall.SOCK_DGRAM:
		kinds = []gaiSocktype{{socktype, syscall.IPPROTO_UDP}}
	case syscall.SOCK_RAW:
		kinds = []gaiSocktype{{socktype, proto}}
	default:
		return nil, gaiError(t, eaiSocktype)
	}
	if proto != 0 {
		var keep []gaiSocktype
		for _, k := range kinds {
			if k.typ == syscall.SOCK_RAW {
				k.proto = proto
			}
			if k.proto == proto {
				keep = append(keep, k)
			}
		}
		if len(keep) == 0 {
			return nil, gaiError(t, eaiSocktype)
		}
		kinds = keep
	}
	// the port of each socket type: a number, or a service name looked
	// up for that type's protocol (raw sockets have no services)
	ports := make([]int, len(kinds))
	if hasService {
		if n, err := strconv.ParseUint(service, 10, 16); err == nil {
			for i := range ports {
				ports[i] = int(n)
			}
		} else {
			if flags&aiNumericserv != 0 {
				return nil, gaiError(t, eaiNoname)
			}
			var keep []gaiSocktype
			var kept []int
			for _, k := range kinds {
				p := map[int]string{syscall.SOCK_STREAM: "tcp", syscall.SOCK_DGRAM: "udp"}[k.typ]
				if p == "" {
					continue
				}
				if e, ok := lookupService(service, p); ok {
					keep = append(keep, k)
					kept = append(kept, e.port)
				}
			}
			if len(keep) == 0 {
				return nil, gaiError(t, eaiService)
			}
			kinds, ports = keep, kept
		}
	}
	var addrs []netip.Addr
	canon := host
	if !hasHost {
		// glibc's order: the wildcard addresses IPv4 first, loopback IPv6 first
		v4, v6 := netip.MustParseAddr("127.0.0.1"), netip.IPv6Loopback()
		if flags&aiPassive != 0 {
			v4, v6 = netip.IPv4Unspecified(), netip.IPv6Unspecified()
			addrs = []netip.Addr{v4, v6}
		} else {
			addrs = []netip.Addr{v6, v4}
		}
		filtered := addrs[:0]
		for _, a := range addrs {
			if af == afUnspec || (af == syscall.AF_INET) == a.Is4() {
				filtered = append(filtered, a)
			}
		}
		addrs = filtered
		canon = ""
	} else {
		var err error
		if addrs, err = resolveHost(t, host, af, flags); err != nil {
			return nil, err
		}
	}
	var res []Object
	for i, a := range addrs {
		name := ""
		if i == 0 && flags&aiCanonname != 0 {
			name = canon
		}
		for j, k := range kinds {
			var sa Object
			if a.Is4() {
				sa = NewTuple(NewStr(a.String()), Int(ports[j]))
			} else {
				scope := 0
				if z := a.Zone(); z != "" {
					scope = zoneIndex(z)
				}
				sa = NewTuple(NewStr(a.WithZone("").String()), Int(ports[j]), Int(0), Int(scope))
			}
			fam := syscall.AF_INET6
			if a.Is4() {
				fam = syscall.AF_INET
			}
			res = append(res, NewTuple(Int(fam), Int(k.typ), Int(k.proto), NewStr(name), sa))
			name = ""
		}
	}
	return NewList(res...), nil
}

// socketGetnameinfo is getnameinfo((host, port[, flowinfo, scope]), flags).
func socketGetnameinfo(t *Thread, args []Object, kw []string) (Object, error) {
	var sao, flagso Object
	if err := ParseArgs("getnameinfo", args, kw, []string{"", ""}, 2, &sao, &flagso); err != nil {
		return nil, err
	}
	tup, ok := unwrap(sao).(*Tuple)
	if !ok {
		return nil, TypeErrorf("getnameinfo() argument 1 must be a tuple")
	}
	flags, err := IndexInt(t, flagso)
	if err != nil {
		return nil, err
	}
	if tup.Len() < 2 || tup.Len() > 4 {
		return nil, TypeErrorf("getnameinfo(): illegal sockaddr argument")
	}
	host, err := sockHostArg(t, tup.items[0])
	if err != nil {
		return nil, err
	}
	port, err := IndexInt(t, tup.items[1])
	if err != nil {
		return nil, err
	}
	if tup.Len() > 2 {
		fl, err := IndexInt(t, tup.items[2])
		if err != nil {
			return nil, err
		}
		if fl < 0 || fl > flowinfoMask {
			return nil, Errorf(OverflowErrorType, "getnameinfo(): flowinfo must be 0-1048575.")
		}
	}
	addr, ok := parseNumericHost(host)
	if !ok {
		return nil, gaiError(t, eaiNoname)
	}
	if tup.Len() > 2 && addr.Is4() {
		return nil, Errorf(OSErrorType, "IPv4 sockaddr must be 2 tuple")
	}
	hostName := addr.String()
	if flags&niNumerichost == 0 {
		if name, _ := reverseLookup(t, addr); name != "" {
			hostName = name
			if flags&niNofqdn != 0 {
				hostName, _, _ = strings.Cut(hostName, ".")
			}
		} else if flags&niNamereqd != 0 {
			return nil, gaiError(t, eaiNoname)
		}
	}
	serv := strconv.Itoa(port & 0xffff)
	if flags&niNumericserv == 0 {
		proto := "tcp"
		if flags&niDgram != 0 {
			proto = "udp"
		}
		if e, ok := lookupServicePort(port&0xffff, proto); ok {
			serv = e.name
		}
	}
	return NewTuple(NewStr(hostName), NewStr(serv)), nil
}

func socketGethostbyname(t *Thread, args []Object, kw []string) (Object, error) {
	var ho Object
	if err := ParseArgs("gethostbyname", args, kw, []string{""}, 1, &ho); err != nil {
		return nil, err
	}
	host, err := sockHostArg(t, ho)
	if err != nil {
		return nil, err
	}
	a, err := setIPAddr(t, host, syscall.AF_INET)
	if err != nil {
		return nil, err
	}
	return NewStr(a.String()), nil
}

func socketGethostbynameEx(t *Thread, args []Object, kw []string) (Object, error) {
	var ho Object
	if err := ParseArgs("gethostbyname_ex", args, kw, []string{""}, 1, &ho); err != nil {
		return nil, err
	}
	host, err := sockHostArg(t, ho)
	if err != nil {
		return nil, err
	}
	if _, err := setIPAddr(t, host, syscall.AF_INET); err != nil {
		return nil, err
	}
	addrs, err := resolveHost(t, host, syscall.AF_INET, 0)
	if err != nil {
		return nil, err
	}
	list := make([]Object, len(addrs))
	for i, a := range addrs {
		list[i] = NewStr(a.String())
	}
	return NewTuple(NewStr(host), NewList(), NewList(list...)), nil
}

func socketGethostbyaddr(t *Thread, args []Object, kw []string) (Object, error) {
	var ho Object
	if err := ParseArgs("gethostbyaddr", args, kw, []string{""}, 1, &ho); err != nil {
		return nil, err
	}
	host, err := sockHostArg(t, ho)
	if err != nil {
		return nil, err
	}
	a, err := setIPAddr(t, host, afUnspec)
	if err != nil {
		return nil, err
	}
	name, aliases := reverseLookup(t, a)
	if name == "" {
		return nil, hError(t, 1, "Unknown host")
	}
	al := make([]Object, len(aliases))
	for i, s := range aliases {
		al[i] = NewStr(s)
	}
	return NewTuple(NewStr(name), NewList(al...), NewList(NewStr(a.String()))), nil
}

func socketGethostname(t *Thread, args []Object, kw []string) (Object, error) {
	if err := ParseArgs("gethostname", args, kw, nil, 0); err != nil {
		return nil, err
	}
	var u syscall.Utsname
	if err := syscall.Uname(&u); err != nil {
		return nil, osErrorFrom(err, nil)
	}
	var b []byte
	for _, c := range u.Nodename {
		if c == 0 {
			break
		}
		b = append(b, byte(c))
	}
	return posixDecode(string(b)), nil
}
