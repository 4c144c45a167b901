# hashlib's builtin algorithms (_md5, _sha1, _sha256, _sha512, _sha3, _blake2) and hmac.
import hashlib, hmac

def show(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)

msgs = [b"", b"abc", b"a" * 200, bytes(range(256)) * 3]
for name in ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384", "sha3_512", "blake2b", "blake2s"]:
    for m in msgs:
        h = hashlib.new(name, m)
        print(name, len(m), h.hexdigest(), h.digest_size, h.block_size, h.name)
    h = getattr(hashlib, name)()
    for chunk in (b"x" * 7, b"y" * 300, memoryview(b"zz"), bytearray(b"q")):
        h.update(chunk)
    c = h.copy(); c.update(b"more")
    print(name, h.hexdigest(), c.hexdigest(), h.digest() == bytes.fromhex(h.hexdigest()))
for name in ["shake_128", "shake_256"]:
    h = hashlib.new(name, b"abc")
    print(name, h.hexdigest(0), h.hexdigest(16), h.digest(40).hex(), h.digest_size, h.block_size, h.name)
    c = h.copy(); c.update(b"d"); print(c.hexdigest(8), h.hexdigest(8))
print(hashlib.blake2b(b"x", digest_size=16).hexdigest(), hashlib.blake2s(b"x", digest_size=10).hexdigest())
print(hashlib.blake2b(b"msg", key=b"secret", salt=b"salty", person=b"me").hexdigest())
print(hashlib.blake2s(b"msg", key=b"k" * 32, salt=b"s" * 8, person=b"p" * 8).hexdigest())
print(hashlib.blake2b(b"tree", fanout=2, depth=3, leaf_size=4096, node_offset=5, node_depth=1, inner_size=32, last_node=True).hexdigest())
print(hashlib.blake2s(b"tree", fanout=2, depth=3, leaf_size=4096, node_offset=5, node_depth=1, inner_size=16, last_node=True).hexdigest())
print(hashlib.blake2b(b"k" * 128 + b"more", key=b"key").hexdigest(), hashlib.blake2b(key=b"only").hexdigest())
print(hashlib.blake2b.SALT_SIZE, hashlib.blake2b.MAX_DIGEST_SIZE, hashlib.blake2s.PERSON_SIZE, hashlib.blake2s.MAX_KEY_SIZE)
show(hashlib.blake2b, digest_size=0)
show(hashlib.blake2b, digest_size=65)
show(hashlib.blake2s, key=b"k" * 33)
show(hashlib.blake2b, salt=b"s" * 17)
show(hashlib.blake2s, person=b"p" * 9)
show(hashlib.blake2b, fanout=256)
show(hashlib.blake2b, depth=0)
show(hashlib.md5, "text")
show(hashlib.sha256, 5)
show(lambda: hashlib.sha1().update("s"))
show(hashlib.new, "nope")
print(hashlib.md5(b"a", usedforsecurity=False).hexdigest(), hashlib.sha256(string=b"kw").hexdigest())
print(sorted(hashlib.algorithms_guaranteed))
key = b"key"
for d in ["md5", "sha1", "sha256", "sha512", hashlib.sha3_256, "blake2b"]:
    print(hmac.new(key, b"The quick brown fox", d).hexdigest(), hmac.digest(key, b"msg", d).hex())
h = hmac.new(b"k", digestmod="sha256"); h.update(b"a"); h2 = h.copy(); h2.update(b"b")
print(h.hexdigest(), h2.hexdigest(), h.name, h.digest_size, h.block_size)
print(hmac.compare_digest(b"abc", b"abc"), hmac.compare_digest("abc", "abd"), hmac.compare_digest(b"", b""))
show(hmac.compare_digest, "abc", b"abc")
show(hmac.compare_digest, "é", "é")
show(hmac.compare_digest, 1, 2)
import _sha256, _md5, _sha3, _blake2, _sha1, _sha512
for c in (_md5.md5, _sha1.sha1, _sha256.sha224, _sha512.sha384, _sha3.sha3_512, _sha3.shake_256, _blake2.blake2b, _blake2.blake2s):
    show(c, b'', b''); show(c, q=1); h = c()
    show(h.update); show(h.update, x=1); show(h.hexdigest, 1, 2); show(h.copy, 1); show(lambda: type(h).__name__); show(lambda: type(h).__module__)
show(_sha3.shake_128().hexdigest, 2**29); show(_sha3.shake_128().hexdigest, 2**29-1 and 5)
show(_md5.md5, None); show(_sha3.sha3_256, None); show(_blake2.blake2b, None)
