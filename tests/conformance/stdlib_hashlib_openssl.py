# The host's CPython _hashlib (OpenSSL hashes, lib-dynload) loaded unchanged:
# hashlib prefers it, so new(), pbkdf2_hmac, scrypt, file_digest and hmac's
# fast path all run OpenSSL's code (it needs the C _Py_hashtable_* table).
import hashlib, hmac, io, _hashlib
h = hashlib.new("sha256", b"abc")
print(type(h).__name__, h.name, h.hexdigest(), h.digest_size, h.block_size)
print(hashlib.sha256, hashlib.md5(b"x", usedforsecurity=False).hexdigest())
c = h.copy(); c.update(b"def"); print(c.hexdigest() == hashlib.sha256(b"abcdef").hexdigest())
print(hashlib.new("sha512_256", b"x").hexdigest()[:16], hashlib.new("SHA1", b"x").name)
print(hashlib.sha3_256(b"x").hexdigest()[:16], hashlib.shake_128(b"x").hexdigest(10))
print(hashlib.pbkdf2_hmac("sha256", b"password", b"salt", 1000, 16).hex())
print(hashlib.pbkdf2_hmac("sha1", b"password", b"salt", 2).hex())
print(hashlib.scrypt(b"password", salt=b"NaCl", n=1024, r=8, p=16, dklen=32).hex())
print(hashlib.file_digest(io.BytesIO(b"data" * 1000), "sha256").hexdigest())
print(hmac.digest(b"key", b"msg", "sha256").hex())
print(hmac.new(b"key", b"msg", "sha512").hexdigest()[:32])
m = _hashlib.hmac_new(b"key", b"msg", "sha256"); print(m.name, m.hexdigest()[:16], m.digest_size)
print(_hashlib.compare_digest(b"ab", b"ab"), _hashlib.get_fips_mode())
print(sorted(_hashlib.openssl_md_meth_names & {"sha256", "md5", "blake2b"}))
for bad in ("nope", 5):
    try:
        hashlib.new(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    hashlib.pbkdf2_hmac("sha256", b"p", b"s", 0)
except ValueError as e:
    print("ValueError", e)
