# Differential oracle for package sre: compiles each pattern with CPython
# 3.11's re/_compiler.py and prints, as JSON, the code list and what
# match, fullmatch, search and finditer give (spans of every group and
# lastindex), for the Go test to compare with the engine.
import json
import re
import sys
from re import _compiler, _parser

I, M, S, X, A, U = re.I, re.M, re.S, re.X, re.A, re.U
L = re.L

CASES = [
    # literals and classes
    ("abc", 0, ["abc", "xabcx", "ab", ""]),
    ("a.c", 0, ["abc", "a\nc", "ac"]),
    ("a.c", S, ["a\nc"]),
    ("[abc]+", 0, ["xxbcaq", ""]),
    ("[^abc]+", 0, ["abcdefabc"]),
    ("[a-z0-9_]+", 0, ["Hello_World42!"]),
    ("[\\w.-]+@[\\w-]+\\.\\w+", 0, ["mail: a.b-c@ex-ample.org now"]),
    ("[\\d\\s]+", 0, ["ab 12 3\t4x"]),
    ("[^\\W\\d]+", 0, ["123abc_DEF456"]),
    ("[\u0100-\u017f]+", 0, ["abc\u0101\u0150\u017fz"]),
    ("[\u4e00-\u9fff]+", 0, ["日本語 text 中文"]),
    ("[äöü]+", 0, ["über schön"]),
    ("[äöüa-c\u0400-\u04ff\U0001F600]+", 0, ["xäbЖ\U0001F600z"]),
    ("[^\u0400-\u04ff]+", 0, ["Жabc"]),
    ("\\w+", 0, ["日本語 text", "école_1", "\u00b2\u0660x"]),
    ("\\w+", A, ["école_1"]),
    ("\\d+", 0, ["x\u0661\u0662\u00b2 12"]),
    ("\\d+", A, ["x\u0661\u0662 12"]),
    ("\\s+", 0, ["a\u00a0\u2003\x1c\x85b"]),
    ("\\s+", A, ["a\x1c\x0b \tb"]),
    ("\\S+\\s\\W+\\D", 0, ["abc !!x"]),
    ("\\bfoo\\b", 0, ["foo", "afoo foo", "foo_"]),
    ("\\Bo\\B", 0, ["foo bob"]),
    ("\\bé", 0, ["café é"]),
    ("\\bé", A, ["café é"]),
    # anchors
    ("^abc$", 0, ["abc", "abc\n", "abc\nx"]),
    ("^\\w+$", M, ["ab\ncd\n"]),
    ("\\Aab\\Z", 0, ["ab", "ab\n"]),
    ("x$", 0, ["x\n", "x\n\n"]),
    ("$", 0, ["ab\n"]),
    ("^", M, ["a\nb\n"]),
    # case folding
    ("abc", I, ["ABC", "aBc"]),
    ("ÄÖÜ", I, ["äöü"]),
    ("[a-z]+", I, ["HeLLo"]),
    ("[à-þ]+", I, ["ÀÉÎ"]),
    ("σ", I, ["Σς"]),
    ("[σ]+", I, ["Σςσ"]),
    ("k", I, ["\u212a"]),
    ("\u212a", I, ["k", "K"]),
    ("s+", I, ["ſS"]),
    ("[^a]", I, ["A", "b"]),
    ("ß", I, ["ẞ", "ss"]),
    ("i", I, ["İ", "ı", "I"]),
    ("(?i)HELLO", 0, ["hello"]),
    ("[ǅ]", I, ["Ǆǆ"]),
    ("(a)\\1", I, ["aA"]),
    ("(é)\\1", I, ["éÉ"]),
    ("(é)\\1", I | A, ["éÉ", "éé"]),
    ("[\u212a]", I, ["k"]),
    ("[k-m]+", I, ["K\u212aLm"]),
    # groups
    ("(a)(b)(c)", 0, ["abc"]),
    ("(a)|(b)", 0, ["b", "a"]),
    ("(a)?b", 0, ["b"]),
    ("(a*)*", 0, ["b", "aaa"]),
    ("(a*)+", 0, ["b"]),
    ("(a|b)*", 0, ["ab"]),
    ("(a|b)*?c", 0, ["abc"]),
    ("((a)|b)+", 0, ["ab", "ba"]),
    ("(a)|b", 0, ["b"]),
    ("(?:(a)|b)*", 0, ["ab", "ba"]),
    ("(?:(a)|(b))+", 0, ["aba"]),
    ("(?P<x>\\w+)-(?P<y>\\d+)?", 0, ["ab-12", "ab-"]),
    ("(\\w+)@(\\w+)\\.com", 0, ["user@example.com tail"]),
    ("(?P<key>\\w+)=(?P<val>[^;]*)", I, ["A=1;b=two;C="]),
    ("((((((((((a))))))))))\\10", 0, ["aa"]),
    # alternation
    ("cat|dog|bird", 0, ["a bird", "dogcat"]),
    ("a(?:b|c|d)+e", 0, ["abcdbe"]),
    ("(a|ab)(c|bcd)(d*)", 0, ["abcd"]),
    ("x(|a)y", 0, ["xy", "xay"]),
    ("(?:a|)*b", 0, ["aab"]),
    # repeats
    ("a{2,3}", 0, ["aaaa a aa"]),
    ("a{2}", 0, ["aaa"]),
    ("a{,2}b", 0, ["aaab"]),
    ("(ab){2,}", 0, ["abababx"]),
    ("(ab){1,2}?", 0, ["ababab"]),
    ("a*?b", 0, ["aaab"]),
    ("a+?", 0, ["aaa"]),
    ("a??b", 0, ["ab"]),
    (".*?>", 0, ["<a><b>"]),
    ("<.*>", 0, ["<a><b>"]),
    ("<.*?>", 0, ["<a><b>"]),
    ("(a+|b+)*c", 0, ["aabbac"]),
    ("(a+|b+)*?c", 0, ["aabbac"]),
    ("((ab)*c)*", 0, ["ababcabcc"]),
    ("(?:a*b*)*c", 0, ["abac"]),
    ("(a*)*b", 0, ["aaaaaaaaaaaaaaaaaaaaac"]),
    ("(x+x+)+y", 0, ["xxxxxxxxxxxxxx"]),
    ("(\\w+\\s?)+$", 0, ["some words here !"]),
    ("(a?){5}a{5}", 0, ["aaaaa"]),
    ("(?:(\\d)|x)+?y", 0, ["1x2y"]),
    ("(a{2})*", 0, ["aaaaa"]),
    ("(?:ab?)*?b", 0, ["aabab"]),
    ("[ab]{3,5}?c", 0, ["ababac"]),
    ("\\d{2,4}?\\d", 0, ["123456"]),
    # possessive and atomic
    ("a++b", 0, ["aaab"]),
    ("a++a", 0, ["aaa"]),
    ("(?:ab)++ab", 0, ["ababab"]),
    ("(?:ab)++c", 0, ["ababc"]),
    ("(?>a+)b", 0, ["aab"]),
    ("(?>a+)a", 0, ["aaa"]),
    ("(?>(a)|ab)c", 0, ["abc", "ac"]),
    ("x*+", 0, ["xx"]),
    ("(?:x|y)*+z", 0, ["xyxz"]),
    ("(a|b){1,2}+b", 0, ["abb", "ab"]),
    ("\\w?+\\d", 0, ["a1", "1"]),
    # lookaround
    ("(?<=\\$)\\d+", 0, ["cost $42"]),
    ("(?<!\\$)\\b\\d+", 0, ["$42 17"]),
    ("\\d+(?!px)", 0, ["12px 34em"]),
    ("(\\d+)(?!px)", 0, ["12px 34em"]),
    ("foo(?=bar)", 0, ["foobaz foobar"]),
    ("(?=(\\w+))\\w", 0, ["abc"]),
    ("(?!(a)b)(\\w)", 0, ["ab", "ac"]),
    ("(?<=(a))b", 0, ["ab"]),
    ("(?<=ab|cd)x", 0, ["cdx"]),
    ("(?:(?!ab).)*", 0, ["xxabx"]),
    ("(?:^|(?<=,))\\w+", 0, ["a,bc,d"]),
    # backreferences and conditionals
    ("(\\w)\\1", 0, ["abccd"]),
    ("(?P<q>['\"]).*?(?P=q)", 0, ["say 'hi\"x' ok"]),
    ("(a)?(?(1)b|c)", 0, ["ab", "c", "b"]),
    ("(<)?\\w+(?(1)>)", 0, ["<a>", "a>", "<a"]),
    ("(a)|\\1", 0, ["x"]),
    ("(a*)\\1b", 0, ["aaaab"]),
    ("(?:(a)|b)\\1", 0, ["aa", "bb"]),
    # empty matches and iteration
    ("", 0, ["abc"]),
    ("x*", 0, ["axxb", ""]),
    ("\\b", 0, ["a b"]),
    ("a|", 0, ["bab"]),
    ("(?:)", 0, [""]),
    ("^$", M, ["a\n\nb"]),
    ("\\s*", 0, ["a  b"]),
    # bytes
    (b"a.c", 0, [b"abc", b"a\nc"]),
    (b"[\\x80-\\xff]+", 0, [b"ab\x80\xfe\xffc"]),
    (b"\\w+", 0, [b"abc\xe9d"]),
    (b"\\w+", L, [b"abc\xe9d"]),
    (b"ABC", I, [b"abc"]),
    (b"\\xe9", I, [b"\xc9"]),
    (b"[a-c]+", I, [b"xABCx"]),
    (b"(a)\\1", I, [b"aA"]),
    (b"\\bab\\b", 0, [b"ab ab_"]),
    (b"\\bab\\b", L, [b"ab ab_"]),
    (b"\\s+", 0, [b"a \x1c\x0bb"]),
    (b"[^a]", L | I, [b"A"]),
    (b"x", L | I, [b"X"]),
    # verbose
    ("""\\d+ # number
        \\s* [a-z]+""", X, ["12  abc"]),
]

# Subjects for positional arguments: (pattern, flags, subject, pos, endpos).
POS_CASES = [
    ("a", 0, "aaa", 1, 2),
    ("^a", 0, "aaa", 1, 3),
    ("a$", 0, "aaa", 0, 2),
    ("\\ba", 0, "xa", 1, 2),
    ("(?<=x)a", 0, "xa", 1, 2),
    ("", 0, "abc", 2, 1),
    ("a\\Z", 0, "aab", 0, 2),
    ("\\w+", 0, "hello world", 3, 8),
    (".*", 0, "abc", 3, 3),
]

def spans(m):
    if m is None:
        return None
    return [list(m.span(i)) for i in range(m.re.groups + 1)] + [m.lastindex]

def compiled(pattern, flags):
    p = _parser.parse(pattern, flags)
    code = _code = _compiler._code(p, flags)
    return list(code), p.state.groups - 1

def entry(pattern, flags, subject, pos, endpos):
    r = re.compile(pattern, flags)
    code, groups = compiled(pattern, flags)
    isbytes = isinstance(subject, bytes)
    chars = list(subject) if isbytes else [ord(c) for c in subject]
    it = []
    for m in r.finditer(subject, pos, endpos):
        it.append(spans(m))
    return {
        "pattern": repr(pattern), "flags": flags, "code": code,
        "groups": groups, "subject": chars, "pos": pos, "endpos": endpos,
        "match": spans(r.match(subject, pos, endpos)),
        "fullmatch": spans(r.fullmatch(subject, pos, endpos)),
        "search": spans(r.search(subject, pos, endpos)),
        "finditer": it,
    }

out = []
for pattern, flags, subjects in CASES:
    for subject in subjects:
        out.append(entry(pattern, flags, subject, 0, len(subject)))
for pattern, flags, subject, pos, endpos in POS_CASES:
    out.append(entry(pattern, flags, subject, pos, endpos))
json.dump(out, sys.stdout)
