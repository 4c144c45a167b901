# timeout: 30
# The host's CPython _ssl (lib-dynload, OpenSSL) loaded unchanged: contexts,
# certificates, a TLS echo between a server thread and a client over
# localhost sockets (_ssl reads the socket's descriptor and timeout from
# the _socket.CAPI layout), and the in-memory SSLObject/MemoryBIO pair.
# ssl_localhost.pem is a throwaway self-signed certificate and key.
import os
import socket
import ssl
import threading

PEM = os.path.join(os.path.dirname(os.path.abspath(__file__)), "ssl_localhost.pem")

print(ssl.OPENSSL_VERSION.split()[0], ssl.OPENSSL_VERSION_INFO[0] >= 1, ssl.HAS_TLSv1_3, ssl.HAS_SNI)
print(repr(ssl.CERT_REQUIRED), repr(ssl.PROTOCOL_TLS_CLIENT), repr(ssl.TLSVersion.TLSv1_2))

ctx = ssl.create_default_context()
print(type(ctx).__name__, ctx.verify_mode, ctx.check_hostname, ctx.protocol)
print(ctx.minimum_version, ctx.maximum_version, bool(ctx.options & ssl.OP_NO_COMPRESSION))
ctx.minimum_version = ssl.TLSVersion.TLSv1_2
print(ctx.minimum_version)
ctx.verify_mode = ssl.CERT_OPTIONAL
print(ctx.verify_mode)
try:
    ctx.check_hostname = True
    ctx.verify_mode = ssl.CERT_NONE
except ValueError as e:
    print("ValueError", e)

# certificates
server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_ctx.load_cert_chain(PEM)
print(server_ctx.cert_store_stats())
client_ctx = ssl.create_default_context(cafile=PEM)
print(client_ctx.cert_store_stats()["x509_ca"] >= 1)
certs = [c for c in client_ctx.get_ca_certs() if c["subject"] == ((("commonName", "localhost"),),)]
print(len(certs), certs[0]["subjectAltName"], certs[0]["version"])
try:
    server_ctx.load_cert_chain(PEM + ".missing")
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    client_ctx.load_verify_locations(cafile=PEM + ".missing")
except OSError as e:
    print(type(e).__name__, e.errno)
try:
    ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER).load_cert_chain(__file__)
except ssl.SSLError as e:
    print("SSLError", e.library, e.reason)
print(ssl.DER_cert_to_PEM_cert(ssl.PEM_cert_to_DER_cert(open(PEM).read().split("-----BEGIN CERTIFICATE-----")[1].join(["-----BEGIN CERTIFICATE-----", ""]))).startswith("-----BEGIN CERTIFICATE-----"))
server_ctx.set_alpn_protocols(["echo/1", "http/1.1"])
client_ctx.set_alpn_protocols(["echo/1"])


# a TLS echo server in a thread
def serve(listener, rounds):
    for _ in range(rounds):
        conn, _ = listener.accept()
        try:
            with server_ctx.wrap_socket(conn, server_side=True) as tls:
                while True:
                    data = tls.recv(1024)
                    if not data:
                        break
                    tls.sendall(data.upper())
        except (ssl.SSLError, OSError) as e:
            results.append("server: " + type(e).__name__)


results = []
listener = socket.socket()
listener.bind(("127.0.0.1", 0))
listener.listen(4)
port = listener.getsockname()[1]
server = threading.Thread(target=serve, args=(listener, 3))
server.start()

with socket.create_connection(("127.0.0.1", port)) as raw:
    raw.settimeout(10)
    with client_ctx.wrap_socket(raw, server_hostname="localhost") as tls:
        print(tls.version(), tls.selected_alpn_protocol(), tls.server_hostname, tls.server_side)
        print(tls.cipher()[1], tls.compression())
        peer = tls.getpeercert()
        print(peer["subject"], peer["subjectAltName"])
        print(len(tls.getpeercert(binary_form=True)) > 100)
        tls.sendall(b"hello over tls")
        print(tls.recv(1024))
        f = tls.makefile("rwb")
        f.write(b"line one\n")
        f.flush()
        print(f.readline())
        f.close()
        big = bytes(range(256)) * 400
        tls.sendall(big)
        got = b""
        while len(got) < len(big):
            got += tls.recv(65536)
        print(got == big.upper(), len(got))
        print(tls.pending(), tls.gettimeout())

# the wrong host name fails verification
with socket.create_connection(("127.0.0.1", port)) as raw:
    try:
        client_ctx.wrap_socket(raw, server_hostname="example.org")
    except ssl.SSLCertVerificationError as e:
        print("SSLCertVerificationError", e.verify_code, e.verify_message)

# no CA: self-signed certificate rejected
with socket.create_connection(("127.0.0.1", port)) as raw:
    try:
        ssl.create_default_context().wrap_socket(raw, server_hostname="localhost")
    except ssl.SSLCertVerificationError as e:
        print("SSLCertVerificationError", e.verify_code, e.verify_message)

server.join()
listener.close()
print(sorted(results))

# SSLObject over MemoryBIO: both ends in memory, no sockets
cin, cout, sin, sout = ssl.MemoryBIO(), ssl.MemoryBIO(), ssl.MemoryBIO(), ssl.MemoryBIO()
client = client_ctx.wrap_bio(cin, cout, server_hostname="localhost")
srv = server_ctx.wrap_bio(sin, sout, server_side=True)
print(type(client).__name__, client.server_hostname, cin.pending, cin.eof)


def pump():
    moved = 0
    for src, dst in ((cout, sin), (sout, cin)):
        data = src.read()
        if data:
            dst.write(data)
            moved += len(data)
    return moved


done = {client: False, srv: False}
for _ in range(20):
    for end in (client, srv):
        if not done[end]:
            try:
                end.do_handshake()
                done[end] = True
            except ssl.SSLWantReadError:
                pass
    if not pump() and all(done.values()):
        break
print(done[client], done[srv], client.version(), client.selected_alpn_protocol())
client.write(b"in memory")
pump()
print(srv.read(100))
srv.write(b"reply")
pump()
print(client.read(100))
try:
    client.read(100)
except ssl.SSLWantReadError as e:
    print("SSLWantReadError", e.errno)
cin.write_eof()
print(cin.eof, cin.pending)
