# hashlib, base64, binascii, zlib (native modules in CPython).
import hashlib, base64, binascii, zlib
print(hashlib.sha256(b"abc").hexdigest(), hashlib.md5(b"").hexdigest(), hashlib.sha1(b"x" * 1000).hexdigest())
h = hashlib.sha256(); h.update(b"a"); h.update(b"bc"); print(h.hexdigest() == hashlib.sha256(b"abc").hexdigest(), h.digest_size)
print(base64.b64encode(b"hello world"), base64.b64decode("aGVsbG8="), base64.urlsafe_b64encode(b"\xff\xfe"), base64.b16encode(b"\x01"))
print(binascii.hexlify(b"\x00\xab"), binascii.crc32(b"hello"), zlib.crc32(b"hello"), zlib.adler32(b"abc"))
c = zlib.compress(b"a" * 1000)
print(len(zlib.decompress(c)), zlib.decompress(c)[:5])
