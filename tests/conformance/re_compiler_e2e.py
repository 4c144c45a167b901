# The real re/_parser.py and re/_compiler.py (loaded as package "rex"
# without re/__init__.py and its enum/functools imports) compiling
# patterns for _sre; sub templates through _parser.parse_template.
import sys

pkg = type(sys)("rex")
pkg.__path__ = ["/usr/lib/python3.11/re"]
pkg.__package__ = "rex"
sys.modules["rex"] = pkg
from rex import _compiler, _parser, _constants


def _subx(pattern, template):
    template = _parser.parse_template(template, pattern)
    if not template[0] and len(template[1]) == 1:
        return template[1][0]
    return lambda match: _parser.expand_template(template, match)


def _expand(pattern, match, template):
    return _parser.expand_template(_parser.parse_template(template, pattern), match)


pkg._subx = _subx
pkg._expand = _expand
sys.modules["re"] = pkg  # _sre calls re._subx and re._expand

I, M, S, X, A = 2, 8, 16, 64, 256
CASES = [
    (r"(\w+)@(\w+)\.com", 0, "user@example.com tail, x@y.com"),
    (r"(?P<key>\w+)=(?P<val>[^;]*)", I, "A=1;b=two;C="),
    (r"(a)|(b)", 0, "ab"),
    (r"x*", 0, "axxb"),
    (r"[äöü]+", 0, "über schön"),
    (r"(?i)HELLO|wörld", 0, "hello WÖRLD"),
    (r"^\s*(#.*)?$", M, "  # c\ncode\n\n"),
    (r"\bthe\b", 0, "the other the"),
    (r"(?<=\$)\d+(?!px)", 0, "cost $42 $7px"),
    (r"(\w)\1", 0, "aabbcd"),
    (r"(?P<q>['\"]).*?(?P=q)", 0, "say 'hi' and \"yo\""),
    (r"(a)?(?(1)b|c)", 0, "ab c b"),
    (r"(?>a+)b|(?:c)++d", 0, "aab ccd ccc"),
    (r"a{2,3}?|b{,2}", 0, "aaaa bbb"),
    (r"(?x) \d+ # digits", 0, "12 345"),
    (r"(?s)a.b", 0, "a\nb"),
    (r"(?a)\w+", 0, "école"),
    (r"[^\W\d_]+", 0, "abc_123 déf"),
    (r"(?:(a)|b)+", 0, "abab"),
    (r"(\d+)-(\d+)", 0, "10-20 30-40"),
]
for pat, flags, s in CASES:
    p = _compiler.compile(pat, flags)
    print(repr(p), p.groups, p.groupindex)
    m = p.search(s)
    print(" ", m, m and (m.groups(), m.groupdict(), m.lastindex, m.lastgroup, m.regs))
    print(" ", p.findall(s), [x.span() for x in p.finditer(s)], p.split(s))
    print(" ", p.sub("<\\g<0>>", s), p.subn(r"[\1]" if p.groups else "[]", s, 2))
    if m:
        print(" ", m.expand(r"\g<0>|" + "".join(r"\%d" % i for i in range(1, p.groups + 1))))
print(_compiler.compile(r"(?P<first>\w+) (?P<last>\w+)", 0).sub(r"\g<last>, \g<first>", "Jane Doe"))
print(_compiler.compile(rb"(\d)", 0).sub(rb"<\1>", b"a1b2"))
try:
    _compiler.compile("(a)", 0).sub(r"\2", "a")
except _constants.error as e:
    print("error", e)
