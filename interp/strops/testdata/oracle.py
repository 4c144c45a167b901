# Differential-test oracle: reads a JSON list of [op, args] from stdin and
# writes the JSON list of results computed by CPython itself.
# str values travel as {"s": hex of UTF-8 with surrogatepass} so that lone
# surrogates survive; bytes as {"b": hex}.
import codecs
import json
import sys


def dec(a):
    if isinstance(a, dict):
        if "s" in a:
            return bytes.fromhex(a["s"]).decode("utf-8", "surrogatepass")
        if "b" in a:
            return bytes.fromhex(a["b"])
    if isinstance(a, list):
        return [dec(x) for x in a]
    return a


def enc(v):
    if isinstance(v, bool):
        return {"bool": v}
    if isinstance(v, int):
        return {"i": v}
    if isinstance(v, str):
        return {"s": v.encode("utf-8", "surrogatepass").hex()}
    if isinstance(v, (bytes, bytearray)):
        return {"b": bytes(v).hex()}
    if isinstance(v, (list, tuple)):
        return {"l": [enc(x) for x in v]}
    if v is None:
        return None
    raise TypeError(type(v))


def exc(e):
    d = {"e": type(e).__name__, "msg": str(e)}
    if isinstance(e, UnicodeError):
        d["enc"] = e.encoding
        d["start"] = e.start
        d["end"] = e.end
        d["reason"] = e.reason
    return d


def m(name):
    return lambda s, *a: getattr(s, name)(*a)


OPS = {
    "hex": lambda b, *a: b.hex(*a),
    "fromhex": lambda s: bytes.fromhex(s),
    "encode": lambda s, e, err: s.encode(e, err),
    "decode": lambda b, e, err: b.decode(e, err),
    "repr": repr,
    "ascii": ascii,
    "len": len,
    "slice": lambda s, a, b, c: s[a:b:c],
    "runes": lambda s: [ord(c) for c in s],
    "zfill": lambda s, w: s.zfill(w),
    "partial": lambda b, enc, err, final: list(
        getattr(codecs, enc.replace("-", "_") + "_decode")(b, err, final)),
}


def main():
    reqs = json.load(sys.stdin)
    out = []
    for op, args in reqs:
        args = [dec(a) for a in args]
        f = OPS.get(op) or m(op)
        try:
            out.append(enc(f(*args)))
        except Exception as e:  # the exception itself is the expected result
            out.append(exc(e))
    json.dump(out, sys.stdout)


main()
