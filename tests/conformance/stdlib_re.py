# re: matching, groups, substitution, flags.
import re
m = re.match(r"(\w+)@(\w+)\.com", "user@example.com tail")
print(m.group(0), m.group(1, 2), m.groups(), m.span(), m.start(2), m.end())
print(re.search(r"\d+", "abc 123 def 45").group(), re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)(\d)", "a1 b2"))
print([m.group() for m in re.finditer(r"[A-Z]\w*", "Hello World From Python")])
print(re.sub(r"\s+", " ", "a   b \t c"), re.sub(r"(\w+) (\w+)", r"\2 \1", "hello world"), re.subn("a", "A", "banana"))
print(re.sub(r"\d", lambda m: str(int(m.group()) * 2), "a1b2c3"), re.split(r"[,;]\s*", "a, b;c,  d"), re.split(r"(-)", "x-y"))
p = re.compile(r"(?P<key>\w+)=(?P<val>[^;]*)", re.I)
print([m.groupdict() for m in p.finditer("A=1;b=two;C=")], p.pattern, bool(p.flags & re.I))
print(re.fullmatch(r"[a-f0-9]+", "deadbeef") is not None, re.fullmatch(r"\d+", "12a"), re.match("x", "y"))
print(re.findall(r"^\w", "ab\ncd", re.M), re.findall(r"a.b", "a\nb", re.S), re.escape("a.b*c"))
print(re.search(r"(?<=\$)\d+", "cost $42").group(), re.search(r"colou?r", "my color").group(), re.findall(r"\bthe\b", "the other the"))
print(re.match(r"(a)|(b)", "b").groups(), re.match(r"(a)?b", "b").group(1), re.sub(r"(?P<x>o)", r"[\g<x>]", "foo"))
print(re.findall(r"[äöü]+", "über schön"), re.match(r"\w+", "日本語 text").group(), re.findall(r"a{2,3}", "aaaa a aa"))
print(re.search(r"(\d+)(?!px)", "12px 34em").group(), re.findall(r".*?>", "<a><b>"), re.match(r"(?i)HELLO", "hello").group())
try:
    re.compile("(")
except re.error as e:
    print("re.error", e)
