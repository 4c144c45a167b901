# re: the module API over _sre (templates, expand, Scanner, flags, errors).
import re

print(re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world"), re.sub(r"(?P<a>x)", r"[\g<a>\g<0>\g<1>]", "axb"))
print(re.subn(r"a|(b)", r"<\1>", "abcab"), re.sub("a", r"\n", "bab"), re.sub(b"(a)", rb"\1\1", b"xax"))
print(re.sub("", "-", "abc"), re.sub("x*", "-", "abxd"), re.split("x*", "axbc"), re.split(r"\b", "a b"))
print(re.split(r"(a)|(b)", "1a2b3"), re.split(r"\s+", " a b  c ", 2), re.split("(?:)", "ab"))
print(re.findall(r"(a)(b)?", "ab a"), re.findall(r"\w+|\s", "a b"), re.findall("", "ab"))
m = re.match(r"(?P<first>\w+) (?P<last>\w+)(?P<opt>!)?", "Jane Doe")
print(m.expand(r"\g<last>, \g<first>"), m.expand(r"\2-\1"), m.groupdict("?"), m.groups(""), m.lastgroup)
print(m, repr(m.re), m.re.groupindex, m["first"], m.span("last"), m.regs)
print(re.compile("a+", re.I), re.compile(b"x", re.M | re.S), re.compile("a", re.A | re.X), re.compile(r"\d", re.U))
print(re.compile("x" * 300).__repr__()[:40], len(repr(re.compile("x" * 300))))
print(repr(re.match("x" * 80, "x" * 100)))
scanner = re.Scanner([(r"\d+", lambda s, t: ("NUM", int(t))), (r"[a-z]+", lambda s, t: ("ID", t)), (r"\s+", None)])
print(scanner.scan("abc 12 de 7 !"))
print(re.escape("a.b*c?d[e]f(g)h{i}j|k^l$m\\n o\t-"), re.escape(b"a.b"), re.purge())
print(re.fullmatch(r"(?i)[a-zé]+", "CAFÉ"), re.search(r"(?<=\bfoo)bar", "foobar").span())
print(re.match(r"(?x) a  b # comment\n c", "abc").group(), re.match(r"(?s).+", "a\nb").group())
print(re.match(r"(?m)^b$", "a\nb\nc"), re.search(r"(?m)^b$", "a\nb\nc").span())
p = re.compile(r"(\d+)")
print(p.sub(lambda m: str(int(m[1]) + 1), "a9 b99"), p.subn("#", "1 2 3", count=2), p.split("a1b2c", maxsplit=1))
print([m.span() for m in p.finditer("12 345 6", 1, 7)], p.search("ab12", pos=3), p.match("123", endpos=2))
print(p.fullmatch("123", 1), p.findall("1 22 333", 2), p.groups, p.flags, p.pattern)
for pat in ["(", "a)", "[a", "a**", "(?P<1>a)", r"\1", "(?<=a+)b", "a{2,1}", r"\p", "(?P<a>x)(?P<a>y)", "(?z)"]:
    try:
        re.compile(pat)
    except re.error as e:
        print("error", repr(pat), e.msg, e.pos)
for bad in [lambda: re.sub("a", r"\2", "a"), lambda: re.sub("(a)", r"\g<x>", "a"), lambda: re.match("a", 1),
            lambda: re.match(b"a", "a"), lambda: re.match("(a)", "a").group(2)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(re.compile("a") == re.compile("a"), re.compile("a") == re.compile("a", re.I), hash(re.compile("b")) == hash(re.compile("b")))
import copy
q = re.compile("(x)")
print(copy.copy(q) is q, copy.deepcopy(q) is q, copy.copy(q.match("x")).group(1))
print(re.findall(r"[\u0400-\u04ff]+", "abc Жук def"), re.sub(r"(?i)ß", "ss", "Straße STRASSE"), re.findall(r"(?i)σ", "Σσς"))
print(re.match(r"(a+)+b", "a" * 20 + "c"), re.match(r"(?:a|b)*c", "ab" * 20000 + "c").end())
