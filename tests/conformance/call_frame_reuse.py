# Frames of Python-to-Python calls are reused: a call must never see a
# local left behind by an earlier call of another function, whatever the
# sizes of the two frames (an unassigned local raises UnboundLocalError).


def make(k):
    names = ["v%d" % i for i in range(k)]
    src = "def fill_%d(v0):\n" % k
    src += "".join("    %s = %d\n" % (n, i) for i, n in enumerate(names) if i)
    src += "    if v0 < 0:\n"
    # leaves by an exception with k values on its stack
    src += "        return (%s, 1 // v0)\n" % ", ".join(names)
    src += "    return v0\n"
    src += "def probe_%d(flag):\n" % k
    src += "".join("    if flag:\n        %s = 0\n" % n for n in names)
    src += "    return %s\n" % names[-1]
    ns = {}
    exec(src, ns)
    return ns["fill_%d" % k], ns["probe_%d" % k]


fns = [make(k) for k in range(1, 16)]


def driver():
    # the probes are called from here, as the fills are: the same frames
    out = []
    for fa, pa in fns:
        for fb, pb in fns:
            for f, p in ((fa, pa), (fb, pb), (fa, pb), (fb, pa)):
                f(0)
                try:
                    f(-1)
                except ZeroDivisionError:
                    pass
                try:
                    out.append(p(False))
                except UnboundLocalError as e:
                    out.append(str(e))
    return out


r = driver()
print(len(r))
for msg in sorted(set(r)):
    print(msg)


class C:
    def __init__(self, a, b, c, d, e):
        self.a, self.b, self.c, self.d, self.e = a, b, c, d, e

    def get(self):
        if self.a < 0:
            x = 1
        return x


for i in range(3):
    C(1, 2, 3, 4, 5)
    try:
        print(C(1, 2, 3, 4, 5).get())
    except UnboundLocalError as e:
        print("UnboundLocalError", e)


# A frame made for a small function (through the keyword path), reused
# by a call with more locals than that function's frame had, then by a
# keyword call: the last call's parameters must start unbound.
def big(a=0, b=0, c=0, d=0, e=0, f=0, g=0, h=0, i=0, j=0):
    return a


def p(x):
    return x


def g():
    v0 = 0
    v1 = 1
    v2 = 2
    v3 = 3
    v4 = 4
    v5 = 5
    v6 = 6
    return v0 + v1 + v2 + v3 + v4 + v5 + v6


def h(a, b, c, d, e, f, g):
    return g


def drive():
    big(a=1)
    p(x=1)
    g()
    return h(1, 2, 3, 4, 5, 6, g=7)


for i in range(3):
    print(drive())
