# Generated from CPython 3.11's re/_compiler.py output: _sre used directly.
import _sre

def mk(pattern, flags, code, groups, groupindex, indexgroup):
    return _sre.compile(pattern, flags, code, groups, groupindex, indexgroup)

P = []
CODE0 = [14, 4, 0, 7, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 1, 16, 64, 17, 2, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 3, 16, 46, 16, 99, 16, 111, 16, 109, 1]
P.append(mk('(\\w+)@(\\w+)\\.com', 32, [14, 4, 0, 7, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 1, 16, 64, 17, 2, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 3, 16, 46, 16, 99, 16, 111, 16, 109, 1], 2, {}, (None, None, None)))
P.append(mk('(?P<key>\\w+)=(?P<val>[^;]*)', 34, [14, 4, 0, 2, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 1, 16, 61, 17, 2, 24, 6, 0, 4294967295, 20, 59, 1, 17, 3, 1], 2, {'key': 1, 'val': 2}, (None, 'key', 'val')))
P.append(mk('[,;]\\s*', 32, [14, 9, 4, 1, 4294967295, 16, 44, 16, 59, 0, 13, 6, 16, 44, 16, 59, 0, 24, 9, 0, 4294967295, 13, 4, 8, 12, 0, 1, 1], 0, {}, (None,)))
P.append(mk('(-)', 32, [14, 8, 1, 1, 1, 1, 0, 45, 0, 17, 0, 16, 45, 17, 1, 1], 1, {}, (None, None)))
P.append(mk('(a)|(b)', 32, [14, 4, 0, 1, 1, 7, 9, 17, 0, 16, 97, 17, 1, 15, 11, 9, 17, 2, 16, 98, 17, 3, 15, 2, 0, 1], 2, {}, (None, None, None)))
P.append(mk('x*', 32, [14, 4, 0, 0, 4294967295, 24, 6, 0, 4294967295, 16, 120, 1, 1], 0, {}, (None,)))
P.append(mk('\\d+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 10, 0, 1, 1], 0, {}, (None,)))
P.append(mk('(?P<first>\\w)(?P<rest>\\w*)', 32, [14, 7, 4, 1, 4294967295, 8, 14, 0, 17, 0, 13, 4, 8, 14, 0, 17, 1, 17, 2, 24, 9, 0, 4294967295, 13, 4, 8, 14, 0, 1, 17, 3, 1], 2, {'first': 1, 'rest': 2}, (None, 'first', 'rest')))
P.append(mk('(?i)straße|ǅ', 34, [14, 4, 0, 1, 6, 7, 20, 39, 6, 16, 115, 16, 383, 0, 40, 116, 40, 114, 40, 97, 40, 223, 40, 101, 15, 7, 5, 40, 454, 15, 2, 0, 1], 0, {}, (None,)))
P.append(mk('\\bthe\\b', 40, [14, 4, 0, 3, 3, 6, 10, 16, 116, 16, 104, 16, 101, 6, 10, 1], 0, {}, (None,)))
P.append(mk('^\\s*(#.*)?$', 40, [14, 4, 0, 0, 4294967295, 6, 1, 24, 9, 0, 4294967295, 13, 4, 8, 12, 0, 1, 23, 15, 0, 1, 17, 0, 16, 35, 24, 5, 0, 4294967295, 2, 1, 17, 1, 18, 6, 6, 1], 1, {}, (None, None)))
P.append(mk('', 32, [14, 4, 0, 0, 0, 1], 0, {}, (None,)))
P.append(mk('(a)(b)?', 32, [14, 8, 1, 1, 2, 1, 0, 97, 0, 17, 0, 16, 97, 17, 1, 23, 9, 0, 1, 17, 2, 16, 98, 17, 3, 18, 1], 2, {}, (None, None, None)))
P.append(mk('[äöü]+', 32, [14, 4, 0, 1, 4294967295, 24, 16, 1, 4294967295, 13, 11, 9, 0, 0, 0, 0, 0, 0, 0, 272629776, 0, 1, 1], 0, {}, (None,)))
P.append(mk('(?<=-)\\w+', 256, [14, 4, 0, 1, 4294967295, 4, 5, 1, 16, 45, 1, 24, 9, 1, 4294967295, 13, 4, 8, 4, 0, 1, 1], 0, {}, (None,)))
P.append(mk('a|(b)', 112, [14, 4, 0, 1, 1, 7, 5, 16, 97, 15, 11, 9, 17, 0, 16, 98, 17, 1, 15, 2, 0, 1], 1, {}, (None, None)))
P.append(mk(b'[\\x00-\\x1f]+', 0, [14, 4, 0, 1, 4294967295, 24, 10, 1, 4294967295, 13, 5, 22, 0, 31, 0, 1, 1], 0, {}, (None,)))
P.append(mk(b'(\\w+)=(\\d*)', 4, [14, 4, 0, 2, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 8, 0, 1, 17, 1, 16, 61, 17, 2, 24, 9, 0, 4294967295, 13, 4, 8, 0, 0, 1, 17, 3, 1], 2, {}, (None, None, None)))
P.append(mk('(?>a+)b|(?:c)++', 32, [14, 4, 0, 1, 4294967295, 7, 15, 27, 9, 24, 6, 1, 4294967295, 16, 97, 1, 1, 16, 98, 15, 12, 10, 29, 6, 1, 4294967295, 16, 99, 1, 15, 2, 0, 1], 0, {}, (None,)))
P.append(mk('(x)(?(1)y|z)', 32, [14, 8, 1, 2, 2, 1, 0, 120, 0, 17, 0, 16, 120, 17, 1, 12, 0, 6, 16, 121, 15, 3, 16, 122, 1], 1, {}, (None, None)))

SUBJ = ["user@example.com tail", "A=1;b=two;C=", "a, b;c,  d", "x-y-z", "b", "axxb", "a1b22c333",
        "hello world", "STRASSE straße ǆ", "the other the\nthe", "  # c\ncode\n\n", "ab", "über schön",
        "-é x-y", "a b\nb", "(x)xy z"]
BSUBJ = [b"a\x00\x01b\x1f", b"k=12 v= z=x", b""]

def show(m):
    if m is None:
        return None
    return (m.span(), m.group(), m.groups(), m.groupdict(), m.lastindex, m.lastgroup, m.regs)

for p in P:
    print(repr(p), p.groups, p.groupindex, p.flags)
    subjects = BSUBJ if isinstance(p.pattern, bytes) else SUBJ
    for s in subjects:
        print(" ", repr(s))
        print("   match", show(p.match(s)), "full", show(p.fullmatch(s)), "search", show(p.search(s)))
        print("   pos", show(p.search(s, 1)), show(p.search(s, 2, 4)), show(p.match(s, -5, 100)))
        print("   findall", p.findall(s), p.findall(s, 1, 5))
        print("   finditer", [(m.span(), m.group(0)) for m in p.finditer(s)])
        print("   split", p.split(s), p.split(s, 1), p.split(s, maxsplit=2))
        rep = b"<>" if isinstance(s, bytes) else "<>"
        print("   sub", p.sub(rep, s), p.subn(rep, s, 2), p.sub(lambda m: m.group()[::-1], s, count=3))
        sc = p.scanner(s)
        print("   scanner", [show(sc.match()) for _ in range(3)])
        sc = p.scanner(s)
        print("   scan-search", [show(sc.search()) for _ in range(3)])
        m = p.search(s)
        if m is not None:
            print("   repr", repr(m), m.start(0), m.end(), m[0], m.string == s, m.re is p, m.pos, m.endpos)
            for g in range(p.groups + 1):
                print("   group", g, m.group(g), m.span(g), m.start(g), m.end(g))
            for name in p.groupindex:
                print("   named", name, m.group(name), m[name], m.span(name))

p = P[0]
for bad in [lambda: p.search(b"x"), lambda: P[16].search("x"), lambda: p.search(3),
            lambda: p.match("a@b.com").group(5), lambda: p.match("a@b.com").group("nope"),
            lambda: p.match("a@b.com").span(-1), lambda: p.sub(lambda m: 3, "a@b.com"),
            lambda: p.findall()]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(P[0] == mk(P[0].pattern, P[0].flags, [1], 2, {}, (None, None, None)), P[0] == mk(P[0].pattern, P[0].flags, P[0].__copy__() and CODE0, 2, {}, (None, None, None)))
print(P[1] == P[1], hash(P[2]) == hash(P[2]), P[2] != P[3])
print(P[0].__copy__() is P[0], P[0].__deepcopy__({}) is P[0])
print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize())
print([_sre.unicode_tolower(ord(c)) for c in "AÄΣİK\u212a"], [_sre.ascii_tolower(ord(c)) for c in "AÄz"])
print([_sre.unicode_iscased(ord(c)) for c in "a1ǅ\u212a中"], [_sre.ascii_iscased(ord(c)) for c in "aZ1é"])

# _sre.compile validates the program as CPython does.
for code in [[1], [16], [200, 1], [17, 5, 1], [13, 3, 16, 97, 1], [24, 5, 2, 1, 2, 1]]:
    try:
        print(_sre.compile('x', 0, code, 0, {}, (None,)))
    except RuntimeError as e:
        print("RuntimeError", e)
print(type(P[0]), type(P[0].match("a@b.com")), type(P[0].scanner("")), type(P[0]).__name__, type(P[0]).__module__)
print(repr(_sre.compile(None, 0, [1], 0, {}, (None,))), _sre.compile(None, 0, [1], 0, {}, (None,)).match(b"x"))
print(type(P[0])[str], type(P[0].match("a@b.com"))[bytes], type(P[0]).__qualname__)
for cls in (type(P[0]), type(P[0].match("a@b.com")), type(P[0].scanner(""))):
    try:
        cls()
    except TypeError as e:
        print(e)
print(P[16].search(bytearray(b"ab\x01\x02c")), P[16].sub(bytearray(b"-"), b"a\x00b"), P[16].split(bytearray(b"x\x05y")))
