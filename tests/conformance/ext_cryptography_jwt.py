# Debian's cryptography (a pyo3/Rust extension, _rust.abi3.so, plus the cffi
# OpenSSL binding _openssl.abi3.so) and PyJWT over it, loaded unchanged
# (python3-cryptography and python3-jwt; scripts/ensure-deps.sh installs
# them).
import jwt
from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import hashes, hmac as chmac
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.asymmetric import ec, ed25519
from cryptography.hazmat.primitives import serialization
from cryptography import x509

tok = jwt.encode({"a": 1, "sub": "x"}, "secret", algorithm="HS256")
print(tok)
print(jwt.decode(tok, "secret", algorithms=["HS256"]))
try:
    jwt.decode(tok, "wrong", algorithms=["HS256"])
except jwt.InvalidSignatureError as e:
    print("InvalidSignatureError", e)
print(jwt.get_unverified_header(tok))

key = b"A" * 43 + b"="
f = Fernet(key)
t = f.encrypt(b"secret message")
print(f.decrypt(t), len(Fernet.generate_key()))
try:
    Fernet(Fernet.generate_key()).decrypt(t)
except InvalidToken:
    print("InvalidToken")

d = hashes.Hash(hashes.SHA256())
d.update(b"abc")
print(d.finalize().hex())
m = chmac.HMAC(b"key", hashes.SHA256())
m.update(b"msg")
print(m.finalize().hex())
aes = AESGCM(bytes(range(16)))
ct = aes.encrypt(bytes(12), b"plain", b"aad")
print(ct.hex(), aes.decrypt(bytes(12), ct, b"aad"))

sk = ed25519.Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
sig = sk.sign(b"msg")
print(sig.hex()[:32], sk.public_key().verify(sig, b"msg"))
ek = ec.generate_private_key(ec.SECP256R1())
es = ek.sign(b"m", ec.ECDSA(hashes.SHA256()))
print(ek.public_key().verify(es, b"m", ec.ECDSA(hashes.SHA256())), ek.curve.name)
pem = sk.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
print(pem.decode().splitlines()[0])

import os
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "ssl_localhost.pem"), "rb") as fh:
    cert = x509.load_pem_x509_certificate(fh.read())
print(cert.subject.rfc4514_string(), cert.version, cert.signature_hash_algorithm.name)
print(cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value.get_values_for_type(x509.DNSName))
