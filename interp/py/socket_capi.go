package py

// What the C API needs of _socket: CPython's _ssl (and any extension that
// takes the "_socket.CAPI" capsule) reads a socket's descriptor and
// timeout straight from its PySocketSockObject, so package capi gives
// socket mirrors that layout (filled from SocketFields) and adds the
// capsule to the module (SocketModuleHook).

// SocketModuleHook, when set, runs on the _socket module right after it is
// made (package capi adds its CAPI capsule there).
var SocketModuleHook func(t *Thread, m *Module)

// SocketFields reports the state of a _socket.socket (or an instance of a
// subclass): descriptor (-1 once closed or detached), family, type,
// protocol and timeout in nanoseconds (-1: blocking without limit). ok is
// false for any other object.
func SocketFields(o Object) (fd int, family, typ, proto int32, timeout int64, ok bool) {
	s, isSock := unwrap(o).(*sockObj)
	if !isSock {
		return -1, 0, 0, 0, -1, false
	}
	return s.getFd(), s.family.Load(), s.typ.Load(), s.proto.Load(), s.timeout.Load(), true
}
