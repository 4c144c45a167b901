# timeout: 60
# pyexpat's defences: entity amplification ("billion laughs", quadratic
# blowup, in content and in attribute values) is stopped by expat's limit,
# recursive entities are refused, and external entities are never fetched
# by the parser itself.
import io
import os
import tempfile
import pyexpat
import xml.sax
import xml.etree.ElementTree as ET
from xml.dom import minidom

LOL = ('<!DOCTYPE lolz [<!ENTITY lol "lol">'
       + ''.join('<!ENTITY lol%d "%s">' % (i, ('&lol%s;' % (i - 1 if i > 1 else '')) * 10) for i in range(1, 10))
       + ']>')


def parse(doc, **handlers):
    p = pyexpat.ParserCreate()
    got = [0]

    def data(d):
        got[0] += len(d)
    p.CharacterDataHandler = data
    for k, v in handlers.items():
        setattr(p, k, v)
    try:
        p.Parse(doc, True)
        return ('ok', got[0])
    except pyexpat.ExpatError as e:
        return ('ExpatError', e.code, e.code == pyexpat.errors.codes[pyexpat.errors.XML_ERROR_AMPLIFICATION_LIMIT_BREACH],
                got[0] < 50 * 1000 * 1000)


print(parse(LOL + '<lolz>&lol9;</lolz>'))
print(parse(LOL + '<lolz a="&lol9;"/>'))
print(parse(LOL + '<lolz>&lol3;</lolz>'))
big = 'x' * 100000
print(parse('<!DOCTYPE r [<!ENTITY a "%s">]><r>%s</r>' % (big, '&a;' * 1000)))
print(parse('<!DOCTYPE r [<!ENTITY a "%s">]><r>%s</r>' % (big, '&a;' * 50)))
print(parse('<!DOCTYPE r [<!ENTITY a "&b;"><!ENTITY b "&a;">]><r>&a;</r>'))
print(parse('<!DOCTYPE r [<!ENTITY a "&b;"><!ENTITY b "&a;">]><r x="&a;"/>'))
for mod in ('ET', 'minidom', 'sax'):
    try:
        doc = LOL + '<lolz>&lol9;</lolz>'
        if mod == 'ET':
            ET.fromstring(doc)
        elif mod == 'minidom':
            minidom.parseString(doc)
        else:
            xml.sax.parseString(doc.encode(), xml.sax.ContentHandler())
        print(mod, 'parsed')
    except Exception as e:
        print(mod, type(e).__name__, str(e).split(':')[0])

# external entities: the file exists, but nothing reads it unless a
# handler does
d = tempfile.mkdtemp()
secret = os.path.join(d, 'secret.txt')
with open(secret, 'w') as f:
    f.write('SECRET')
EXT = '<!DOCTYPE r [<!ENTITY x SYSTEM "file://%s">]><r>&x;</r>' % secret
print(parse(EXT))
calls = []
print(parse(EXT, ExternalEntityRefHandler=lambda *a: calls.append(a[2]) or 1), calls == ['file://' + secret])
p = pyexpat.ParserCreate()
p.SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_ALWAYS)
print(parse('<!DOCTYPE r SYSTEM "file://%s"><r>&y;</r>' % secret))
try:
    ET.fromstring('<!DOCTYPE r [<!ENTITY x SYSTEM "file://%s">]><r>a&x;b</r>' % secret)
except ET.ParseError as e:
    print('ParseError', e.code, str(e).split(':')[0])
print(minidom.parseString(EXT).documentElement.toxml())


class H(xml.sax.ContentHandler):
    def characters(self, c):
        print('sax chars', repr(c))


xml.sax.parseString(EXT.encode(), H())
try:
    ET.fromstring('<!DOCTYPE r SYSTEM "file://%s"><r>&y;</r>' % secret)
except ET.ParseError as e:
    print('ParseError', e.code, str(e).split(':')[0])
