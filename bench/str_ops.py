"""String work: building, formatting, splitting, joining, searching, methods.

usage: str_ops.py N
"""
import sys


def run(n):
    words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"]
    checksum = 0
    for i in range(n):
        w = words[i % len(words)]
        line = "%s-%d:%s" % (w, i, w.upper())
        line = f"{line}|{i * 3:06d}|{w[::-1]}"
        parts = line.split("|")
        joined = ",".join(p.strip().lower() for p in parts)
        checksum += len(joined) + joined.count("a") + joined.find("e")
        if joined.startswith("eta"):
            checksum += len(joined.replace("e", "EE"))
        checksum += len("{}/{}".format(w.title(), i).center(30, "*"))
    pieces = []
    for i in range(n // 10):
        pieces.append(str(i))
    s = "".join(pieces)
    return checksum + len(s) + s.count("7")


n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
print("checksum:", run(n))
