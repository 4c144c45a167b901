package py

import (
	"encoding/binary"
	"syscall"
	"unsafe"
)

// sendmsg, recvmsg and recvmsg_into: scatter/gather I/O with ancillary
// data (socket.send_fds and recv_fds pass descriptors with SCM_RIGHTS this
// way, as multiprocessing does).

const cmsgHdrLen = syscall.SizeofCmsghdr // CMSG_LEN(0) on Linux x86-64

func cmsgAlign(n int) int { return (n + 7) &^ 7 }

// buildControl lays out ancillary items as a cmsghdr array.
func buildControl(t *Thread, anc Object) ([]byte, error) {
	if anc == nil || anc == None {
		return nil, nil
	}
	items, err := ToSlice(t, anc)
	if err != nil {
		if IsInstanceOf(err, TypeErrorType) {
			return nil, TypeErrorf("sendmsg() argument 2 must be an iterable")
		}
		return nil, err
	}
	var out []byte
	for _, it := range items {
		tup, ok := unwrap(it).(*Tuple)
		if !ok || tup.Len() != 3 {
			return nil, TypeErrorf("[sendmsg() ancillary data items]() argument must be sequence of length 3, not %s", typeName(it))
		}
		level, err := IndexInt(t, tup.items[0])
		if err != nil {
			return nil, err
		}
		typ, err := IndexInt(t, tup.items[1])
		if err != nil {
			return nil, err
		}
		data, err := ioBytesLike(t, tup.items[2])
		if err != nil {
			return nil, err
		}
		hdr := make([]byte, cmsgAlign(cmsgHdrLen+len(data)))
		binary.LittleEndian.PutUint64(hdr[0:], uint64(cmsgHdrLen+len(data)))
		binary.LittleEndian.PutUint32(hdr[8:], uint32(int32(level)))
		binary.LittleEndian.PutUint32(hdr[12:], uint32(int32(typ)))
		copy(hdr[cmsgHdrLen:], data)
		out = append(out, hdr...)
	}
	return out, nil
}

// parseControl turns a received cmsghdr array into [(level, type, data)].
func parseControl(b []byte) Object {
	var res []Object
	for off := 0; off+cmsgHdrLen <= len(b); {
		n := int(binary.LittleEndian.Uint64(b[off:]))
		if n < cmsgHdrLen || off+n > len(b) {
			// a truncated last item (MSG_CTRUNC): keep what arrived
			n = len(b) - off
		}
		level := int32(binary.LittleEndian.Uint32(b[off+8:]))
		typ := int32(binary.LittleEndian.Uint32(b[off+12:]))
		data := append([]byte(nil), b[off+cmsgHdrLen:off+n]...)
		res = append(res, NewTuple(Int(int(level)), Int(int(typ)), NewBytes(data)))
		off += cmsgAlign(n)
	}
	return NewList(res...)
}

func iovecs(bufs [][]byte) []syscall.Iovec {
	iov := make([]syscall.Iovec, len(bufs))
	for i, b := range bufs {
		if len(b) > 0 {
			iov[i].Base = &b[0]
		}
		iov[i].SetLen(len(b))
	}
	return iov
}

func msgPtrs(iov []syscall.Iovec, control []byte, name *rawSockaddr) *syscall.Msghdr {
	m := &syscall.Msghdr{}
	if len(iov) > 0 {
		m.Iov = &iov[0]
		m.Iovlen = uint64(len(iov))
	}
	if len(control) > 0 {
		m.Control = &control[0]
		m.SetControllen(len(control))
	}
	if name != nil {
		m.Name = &name.buf[0]
		m.Namelen = name.n
	}
	return m
}

func init() {
	addSockMethod("sendmsg", func(t *Thread, s *sockObj, _ Object, args []Object, kw []string) (Object, error) {
		var bo, ao, fo, addro Object
		if err := ParseArgs("sendmsg", args, kw, []string{"", "", "", ""}, 1, &bo, &ao, &fo, &addro); err != nil {
			return nil, err
		}
		items, err := ToSlice(t, bo)
		if err != nil {
			if IsInstanceOf(err, TypeErrorType) {
				return nil, TypeErrorf("sendmsg() argument 1 must be an iterable")
			}
			return nil, err
		}
		bufs := make([][]byte, len(items))
		for i, it := range items {
			if bufs[i], err = ioBytesLike(t, it); err != nil {
				return nil, err
			}
		}
		control, err := buildControl(t, ao)
		if err != nil {
			return nil, err
		}
		flags, err := intArgDefault(t, fo, 0)
		if err != nil {
			return nil, err
		}
		var to *rawSockaddr
		if addro != nil && addro != None {
			if to, err = getSockaddrArg(t, int(s.family.Load()), addro, "sendmsg"); err != nil {
				return nil, err
			}
		}
		iov := iovecs(bufs)
		var n int
		err = s.call(t, true, func(fd int) error {
			m := msgPtrs(iov, control, to)
			r, _, e := syscall.Syscall(syscall.SYS_SENDMSG, uintptr(fd), uintptr(unsafe.Pointer(m)), uintptr(flags))
			n = int(r)
			return errnoErr(e)
		})
		if err != nil {
			return nil, err
		}
		return Int(n), nil
	})
	recvmsg := func(name string, into bool) sockMethod {
		return func(t *Thread, s *sockObj, _ Object, args []Object, kw []string) (Object, error) {
			var first, ancO, fo Object
			if err := ParseArgs(name, args, kw, []string{"", "", ""}, 1, &first, &ancO, &fo); err != nil {
				return nil, err
			}
			var bufs [][]byte
			var targets []Object
			if into {
				items, err := ToSlice(t, first)
				if err != nil {
					if IsInstanceOf(err, TypeErrorType) {
						return nil, TypeErrorf("recvmsg_into() argument 1 must be an iterable")
					}
					return nil, err
				}
				for _, it := range items {
					n, err := Len(t, it)
					if err != nil {
						return nil, err
					}
					bufs = append(bufs, make([]byte, n))
					targets = append(targets, it)
				}
			} else {
				n, err := IndexInt(t, first)
				if err != nil {
					return nil, err
				}
				if n < 0 {
					return nil, ValueErrorf("negative buffer size in recvmsg()")
				}
				bufs = [][]byte{make([]byte, n)}
			}
			ancSize, err := intArgDefault(t, ancO, 0)
			if err != nil {
				return nil, err
			}
			if ancSize < 0 {
				return nil, ValueErrorf("negative buffer size in %s()", name)
			}
			flags, err := intArgDefault(t, fo, 0)
			if err != nil {
				return nil, err
			}
			control := make([]byte, ancSize)
			iov := iovecs(bufs)
			var from rawSockaddr
			var n int
			var m *syscall.Msghdr
			err = s.call(t, false, func(fd int) error {
				from.n = sockaddrMax
				m = msgPtrs(iov, control, &from)
				r, _, e := syscall.Syscall(syscall.SYS_RECVMSG, uintptr(fd), uintptr(unsafe.Pointer(m)), uintptr(flags))
				n = int(r)
				return errnoErr(e)
			})
			if err != nil {
				return nil, err
			}
			from.n = m.Namelen
			anc := parseControl(control[:m.Controllen])
			addr := makeSockaddr(&from)
			if !into {
				return NewTuple(sockBytesResult(bufs[0], n), anc, Int(int(m.Flags)), addr), nil
			}
			left := n
			for i, b := range bufs {
				k := min(left, len(b))
				if err := ioStoreInto(t, targets[i], b[:k]); err != nil {
					return nil, err
				}
				if left -= k; left == 0 {
					break
				}
			}
			return NewTuple(Int(n), anc, Int(int(m.Flags)), addr), nil
		}
	}
	addSockMethod("recvmsg", recvmsg("recvmsg", false))
	addSockMethod("recvmsg_into", recvmsg("recvmsg_into", true))
}
