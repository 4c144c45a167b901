# timeout: 60
# _socket through socket.py, selectors, asyncio, http.server and urllib.
# Only deterministic things are printed: no port numbers or descriptors.
import os
import socket
import tempfile
import threading
import _socket


def trap(f):
    try:
        r = f()
    except Exception as e:
        print("  ", type(e).__name__, e)
    else:
        print("  ", repr(r))


print("-- module")
print(socket.timeout is TimeoutError, socket.error is OSError)
print(issubclass(socket.gaierror, OSError), issubclass(socket.herror, OSError))
print(socket.gaierror.__module__, socket.SocketType is _socket.socket, socket.has_ipv6)
print(socket.AF_INET, socket.AF_INET6, socket.AF_UNIX, socket.SOCK_STREAM, socket.SOCK_DGRAM)
print(socket.SOL_SOCKET, socket.SO_REUSEADDR, socket.IPPROTO_TCP, socket.TCP_NODELAY)
print(repr(socket.AF_INET), repr(socket.SOCK_STREAM))
print(socket.CMSG_LEN(4), socket.CMSG_SPACE(4), socket.CMSG_SPACE(0))

print("-- conversions")
print(socket.htons(1), socket.ntohs(0x1234), socket.htonl(1), socket.ntohl(0x12345678))
trap(lambda: socket.htons(-1))
trap(lambda: socket.htons(70000))
trap(lambda: socket.htonl(-1))
trap(lambda: socket.htonl(1 << 33))
print(socket.inet_aton("127.0.0.1"), socket.inet_aton("127.1"), socket.inet_aton("0x7f.1"))
trap(lambda: socket.inet_aton("1.2.3.4.5"))
trap(lambda: socket.inet_aton("x"))
print(socket.inet_ntoa(b"\x0a\x00\x00\x01"))
trap(lambda: socket.inet_ntoa(b"abc"))
print(socket.inet_pton(socket.AF_INET, "1.2.3.4"), socket.inet_pton(socket.AF_INET6, "::1"))
trap(lambda: socket.inet_pton(socket.AF_INET, "1.2.3"))
trap(lambda: socket.inet_pton(socket.AF_INET6, "1::2::3"))
trap(lambda: socket.inet_pton(99, "1.2.3.4"))
for packed in (bytes(16), b"\x20\x01\x0d\xb8" + bytes(11) + b"\x01", bytes(10) + b"\xff\xff\x01\x02\x03\x04"):
    print(socket.inet_ntop(socket.AF_INET6, packed))
print(socket.inet_ntop(socket.AF_INET, b"\x01\x02\x03\x04"))
trap(lambda: socket.inet_ntop(socket.AF_INET, b"\x01"))
trap(lambda: socket.inet_ntop(99, b"1234"))

print("-- resolver")
for args in [("127.0.0.1", 80), ("127.0.0.1", "80", socket.AF_INET, socket.SOCK_STREAM),
             ("::1", 8080, socket.AF_INET6, socket.SOCK_DGRAM), (None, 0, socket.AF_INET),
             (None, 0, socket.AF_INET, 0, 0, socket.AI_PASSIVE), ("localhost", 80, socket.AF_INET, socket.SOCK_STREAM),
             ("127.0.0.1", None, 0, socket.SOCK_STREAM, 0, socket.AI_CANONNAME)]:
    print(args, [(int(f), int(t), p, c, a) for f, t, p, c, a in socket.getaddrinfo(*args)])
trap(lambda: socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET6))
trap(lambda: socket.getaddrinfo("::1", 80, socket.AF_INET))
trap(lambda: socket.getaddrinfo("no-such-host.invalid", 80, flags=socket.AI_NUMERICHOST))
trap(lambda: socket.getaddrinfo("127.0.0.1", 80, 12345))
trap(lambda: socket.getaddrinfo("127.0.0.1", 1.5))
print(socket.gethostbyname("127.0.0.1"), socket.gethostbyname("localhost"))
print(socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(socket.getnameinfo(("::1", 443, 0, 0), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
print(type(socket.gethostname()).__name__)

print("-- socketpair")
a, b = socket.socketpair()
with a, b:
    print(a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM, a.proto, a.getsockname())
    a.sendall(b"hello world")
    print(b.recv(5), b.recv(100))
    buf = bytearray(8)
    a.send(b"abc")
    print(b.recv_into(buf), buf)
    mv = memoryview(bytearray(4))
    a.send(b"wxyz")
    print(b.recv_into(mv, 2), mv.tobytes())
    print(b.recv(2))
    trap(lambda: b.recv(-1))
    trap(lambda: b.recv_into(bytearray(2), 5))
    print(a.gettimeout(), a.getblocking())
    b.settimeout(0.05)
    print(b.gettimeout(), b.getblocking(), b.timeout)
    try:
        b.recv(1)
    except socket.timeout as e:
        print("timeout:", type(e).__name__, e, e.errno)
    b.setblocking(False)
    print(b.gettimeout(), b.getblocking(), os.get_blocking(b.fileno()))
    trap(lambda: b.recv(1))
    b.setblocking(True)
    print(b.gettimeout(), os.get_blocking(b.fileno()))
    trap(lambda: b.settimeout(-1))
    trap(lambda: b.settimeout("x"))
    a.shutdown(socket.SHUT_WR)
    print(b.recv(10))
    f = b.makefile("rwb")
    f.write(b"line1\nline2\n")
    f.flush()
    print(a.recv(100))
    f.close()
    c = b.dup()
    print(type(c).__name__, c.family == b.family)
    c.close()
print(a.fileno(), repr(a)[:30])
trap(lambda: a.recv(1))
print(_socket.socket.__repr__(a))

d1, d2 = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
d1.send(b"dgram1")
d1.send(b"dgram2")
print(d2.recv(100), d2.recvfrom(100))
d1.close()
d2.close()

print("-- detach and fileno")
s = socket.socket()
fd = s.detach()
print(s.fileno(), fd >= 0)
s2 = socket.socket(fileno=fd)
print(s2.family == socket.AF_INET, s2.type == socket.SOCK_STREAM)
s2.close()
trap(lambda: socket.socket(fileno=-3))
trap(lambda: socket.socket(12345))

print("-- address errors")
s = socket.socket()
trap(lambda: s.bind("x"))
trap(lambda: s.bind(("x",)))
trap(lambda: s.bind(("127.0.0.1", 70000)))
trap(lambda: s.bind((1, 80)))
trap(lambda: s.bind(("127.0.0.1", "80")))
trap(lambda: s.connect(("256.0.0.1", 80)) if False else s.bind(("1.2.3.4.5", 0)))
s.close()
u = socket.socket(socket.AF_UNIX)
trap(lambda: u.bind(1))
trap(lambda: u.bind("a" * 200))
u.close()
s6 = socket.socket(socket.AF_INET6)
trap(lambda: s6.bind(("::1",)))
trap(lambda: s6.bind(("::1", 0, 1 << 21)))
s6.close()

print("-- refused")
probe = socket.socket()
probe.bind(("127.0.0.1", 0))
dead = probe.getsockname()
probe.close()
trap(lambda: socket.create_connection(dead))
c = socket.socket()
print(c.connect_ex(dead) == 111)
c.close()

print("-- tcp with threads")
srv = socket.create_server(("127.0.0.1", 0))
port = srv.getsockname()[1]


def serve():
    for _ in range(2):
        conn, addr = srv.accept()
        with conn:
            while True:
                data = conn.recv(1024)
                if not data:
                    break
                conn.sendall(data.upper())


th = threading.Thread(target=serve)
th.start()
for msg in (b"first", b"x" * 200000):
    with socket.create_connection(("127.0.0.1", port), timeout=10) as c:
        print(c.getpeername() == ("127.0.0.1", port), c.gettimeout())
        c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        print(c.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)
        c.sendall(msg)
        c.shutdown(socket.SHUT_WR)
        got = b""
        while True:
            part = c.recv(65536)
            if not part:
                break
            got += part
        print(len(got), got[:8])
th.join()
srv.close()

print("-- udp")
u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(("127.0.0.1", 0))
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2.sendto(b"datagram", u1.getsockname())
data, addr = u1.recvfrom(100)
print(data, addr == u2.getsockname())
buf = bytearray(10)
u1.sendto(b"back", addr)
n, addr2 = u2.recvfrom_into(buf)
print(n, buf[:n], addr2 == u1.getsockname())
u1.close()
u2.close()

print("-- unix path and abstract")
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "sock")
    ls = socket.socket(socket.AF_UNIX)
    ls.bind(path)
    ls.listen()
    print(ls.getsockname() == path)
    cs = socket.socket(socket.AF_UNIX)
    cs.connect(path)
    conn, addr = ls.accept()
    print(repr(addr), cs.getpeername() == path)
    cs.send(b"over unix")
    print(conn.recv(100))
    for x in (cs, conn, ls):
        x.close()
ab = socket.socket(socket.AF_UNIX)
ab.bind(b"\0freepy-test-%d" % os.getpid())
print(ab.getsockname().startswith(b"\0freepy-test-"))
ab.close()

print("-- sendmsg and recvmsg")
import array
a, b = socket.socketpair()
r, w = os.pipe()
print(socket.send_fds(a, [b"fds here"], [r, w]))
msg, fds, flags, addr = socket.recv_fds(b, 100, 4)
print(msg, len(fds), flags, addr)
os.write(fds[1], b"through the passed pipe")
print(os.read(r, 100))
for fd in fds + [r, w]:
    os.close(fd)
a.sendmsg([b"ab", memoryview(b"cd")])
print(b.recvmsg(10))
a.sendmsg([b"xyz"])
b1, b2 = bytearray(2), bytearray(5)
print(b.recvmsg_into([b1, b2]), b1, b2)
a.sendmsg([b"q"], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", [0]))])
m, anc, fl, ad = b.recvmsg(10, socket.CMSG_SPACE(4))
print(m, [(lv, ty, len(d)) for lv, ty, d in anc], fl)
os.close(array.array("i", anc[0][2])[0])
a.close()
b.close()

print("-- selectors")
import selectors
sel = selectors.DefaultSelector()
a, b = socket.socketpair()
sel.register(b, selectors.EVENT_READ, "b")
print(sel.select(0))
a.send(b"!")
print([(k.data, ev) for k, ev in sel.select(1)])
sel.close()
a.close()
b.close()

print("-- asyncio echo")
import asyncio


async def handle(reader, writer):
    while line := await reader.readline():
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for word in (b"alpha\n", b"beta\n"):
        writer.write(word)
        await writer.drain()
        print(await reader.readline())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    loop = asyncio.get_running_loop()
    r, w = socket.socketpair()
    r.setblocking(False)
    w.setblocking(False)
    await loop.sock_sendall(w, b"via loop")
    print(await loop.sock_recv(r, 100))
    r.close()
    w.close()


asyncio.run(main())

print("-- urllib and http.server")
import http.server
import urllib.error
import urllib.request


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == "/missing":
            self.send_error(404)
            return
        body = ("you asked for " + self.path).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        n = int(self.headers["Content-Length"])
        body = self.rfile.read(n)[::-1]
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
t = threading.Thread(target=httpd.serve_forever)
t.start()
base = "http://127.0.0.1:%d" % httpd.server_address[1]
with urllib.request.urlopen(base + "/hello?x=1", timeout=10) as r:
    print(r.status, r.headers["Content-Type"], r.read())
with urllib.request.urlopen(urllib.request.Request(base + "/p", data=b"abcdef"), timeout=10) as r:
    print(r.status, r.read())
try:
    urllib.request.urlopen(base + "/missing", timeout=10)
except urllib.error.HTTPError as e:
    print("HTTPError", e.code)
import http.client
conn = http.client.HTTPConnection("127.0.0.1", httpd.server_address[1], timeout=10)
conn.request("GET", "/keepalive")
resp = conn.getresponse()
print(resp.status, resp.read())
conn.close()
httpd.shutdown()
t.join()
httpd.server_close()

print("-- imports")
import email.utils
import importlib.metadata
import multiprocessing.reduction
import socketserver
print(email.utils.parseaddr("A <a@b.c>"), callable(importlib.metadata.version))
print("done")
