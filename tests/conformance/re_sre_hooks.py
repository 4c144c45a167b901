# _sre calls re._subx for a template with a backslash and re._expand for
# Match.expand: checked with a stand-in re module, without the re package.
import sys, _sre
fake = type(sys)('re')
def _subx(pattern, template):
    if template == "\\1":
        return lambda m: m.group(1).upper()
    return "LIT"
def _expand(pattern, match, template):
    return "exp:" + template + ":" + match.group()
fake._subx = _subx
fake._expand = _expand
sys.modules['re'] = fake
code = [14, 4, 0, 1, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 1, 1]
p = _sre.compile('(\\w+)', 32, code, 1, {}, (None, None))
print(p.sub("\\1", "ab cd"), p.sub("\\2", "ab cd"), p.subn("x", "ab cd"))
print(p.search(" q").expand("\\1"))
print(p.sub(lambda m: None, "ab cd"))
print(repr(p.sub("", "ab cd")))
