# pyexpat: the events each handler receives, in order, with the parser's
# position at each event; with and without namespace processing, the
# default handlers, buffer_text, ordered/specified attributes and intern.
import pyexpat

HANDLERS = ['StartElementHandler', 'EndElementHandler', 'CharacterDataHandler',
            'CommentHandler', 'ProcessingInstructionHandler', 'XmlDeclHandler',
            'StartDoctypeDeclHandler', 'EndDoctypeDeclHandler', 'EntityDeclHandler',
            'StartCdataSectionHandler', 'EndCdataSectionHandler', 'SkippedEntityHandler',
            'AttlistDeclHandler', 'ElementDeclHandler', 'NotationDeclHandler',
            'UnparsedEntityDeclHandler', 'StartNamespaceDeclHandler',
            'EndNamespaceDeclHandler', 'ExternalEntityRefHandler', 'NotStandaloneHandler']

DOCS = [
    '<r/>', '<r></r>', '<r>text</r>', '<r a="1" b=\'2\'>x</r>',
    '<?xml version="1.0"?><r/>',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<r/>\n',
    '<!-- c --><r><!-- d --><?p q?></r><!-- e -->',
    '<r><![CDATA[<x>&amp;]]]]></r>',
    '<r>a&lt;b&gt;c&amp;d&quot;e&apos;f&#65;&#x10FFFF;</r>',
    '<!DOCTYPE r [<!ENTITY e "hello"><!ENTITY f "&e; &#38;amp; <b>x</b>">]><r>&e;&f;</r>',
    '<!DOCTYPE r SYSTEM "r.dtd"><r>&undefined;</r>',
    '<!DOCTYPE r PUBLIC "-//X//Y" "http://x/y.dtd" [<!ELEMENT r (a,(b|c)*,d?)+>'
    '<!ATTLIST r id ID #IMPLIED t (x|y) "x" n NOTATION (n1) #REQUIRED>'
    '<!NOTATION n1 SYSTEM "s"><!NOTATION n2 PUBLIC "p"><!NOTATION n3 PUBLIC "p" "s">]><r/>',
    '<!DOCTYPE r [<!ELEMENT r EMPTY><!ELEMENT a ANY><!ELEMENT b (#PCDATA)>'
    '<!ELEMENT c (#PCDATA|a|b)*><!ELEMENT d (a)><!ELEMENT e (a?,b*,c+)>]><r/>',
    '<!DOCTYPE r [<!ENTITY % pe "x"><!ENTITY u SYSTEM "u.xml" NDATA gif>'
    '<!ENTITY ext SYSTEM "ext.xml">]><r>&ext;</r>',
    '<!DOCTYPE r [<!ATTLIST r a CDATA "d1" b NMTOKENS "  x   y  " c CDATA #FIXED "f">]>'
    '<r b=" p  q " a="z"/>',
    '<r xmlns="http://d" xmlns:p="http://p"><p:a p:x="1" y="2"><b xmlns=""/></p:a></r>',
    '<r\n a="1\n2\t3\r\n4"\r\n>\r\nx\ry\r\n</r\n>',
    '<r>\u00e9\u4e2d\U0001F600</r>', '<\u00e9l\u00e9ment attr\u00ef="v"/>',
    '<a>x</a>\n<!-- ok -->\n', '  <a/>  ', '\n\n<a>\n</a>', '<a>]</a>', '<a>]]x</a>',
    '<!DOCTYPE a [ <!-- c --> <?pi x?> ]><a/>',
    '<!DOCTYPE a [<!ENTITY a "1"><!ENTITY a "2">]><a>&a;</a>',
    '<!DOCTYPE a [%pe;<!ENTITY b "x">]><a>&b;&c;</a>',
    '<a><b/><c><d/></c></a>', '<a xml:lang="en"/>', '<?xml-stylesheet href="x"?><a/>',
    '<a b="&#60;&lt;" c="&amp;c"/>', '<!DOCTYPE a [<!ENTITY x "v">]><a b="&x;"/>',
]


def run(doc, ns=None, extra=None, handlers=HANDLERS, **attrs):
    p = pyexpat.ParserCreate(namespace_separator=ns)
    for k, v in attrs.items():
        setattr(p, k, v)
    out = []

    def mk(name):
        def f(*args):
            out.append((name,) + args + ((p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex),))
            if name in ('ExternalEntityRef', 'NotStandalone'):
                return 1
        return f
    for h in handlers:
        setattr(p, h, mk(h[:-7]))
    if extra:
        setattr(p, extra, mk(extra))
    try:
        out.append(('ret', p.Parse(doc, True)))
    except pyexpat.ExpatError as e:
        out.append(('ERR', str(e), e.code, e.lineno, e.offset, p.ErrorByteIndex))
    out.append(('END', p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex, p.ErrorCode))
    return out


for n, doc in enumerate(DOCS):
    print(n, repr(doc))
    for ev in run(doc):
        print('  ', ev)
    for ev in run(doc, '|'):
        print('  ns', ev)
    for ev in run(doc, None, 'DefaultHandler', HANDLERS[2:3]):
        print('  D', ev)
    for ev in run(doc.encode(), None, 'DefaultHandlerExpand', HANDLERS[:1]):
        print('  DX', ev)

print('-- buffer_text, ordered and specified attributes')
doc = ('<!DOCTYPE r [<!ATTLIST r d CDATA "dflt">]><r b="2" a="1">one\ntwo&amp;three'
       '<![CDATA[four]]>five<x/>six' + 'z' * 50 + '</r>')
for kw in [{}, {'buffer_text': True}, {'buffer_text': True, 'buffer_size': 16},
           {'ordered_attributes': True}, {'specified_attributes': True},
           {'ordered_attributes': True, 'specified_attributes': True}]:
    print(kw)
    for ev in run(doc, handlers=HANDLERS[:3], **kw):
        print('  ', ev)

p = pyexpat.ParserCreate()
print(p.buffer_text, p.buffer_size, p.buffer_used, p.ordered_attributes,
      p.specified_attributes, p.namespace_prefixes, p.ErrorCode, p.CurrentByteIndex)
p.buffer_text = True
seen = []
p.CharacterDataHandler = seen.append
p.Parse('<r>abc', False)
print(seen, p.buffer_used)
p.Parse('def</r>', True)
print(seen, p.buffer_used)

print('-- namespace_prefixes and separators')
for sep in ['!', ' ', '']:
    for prefixes in (False, True):
        p = pyexpat.ParserCreate(namespace_separator=sep)
        p.namespace_prefixes = prefixes
        out = []
        p.StartElementHandler = lambda n, a: out.append((n, sorted(a.items())))
        p.EndElementHandler = lambda n: out.append(n)
        p.Parse('<p:a xmlns="u" xmlns:p="v" p:x="1" y="2"><b/><p:c/></p:a>', True)
        print(repr(sep), prefixes, out)

print('-- intern')
p = pyexpat.ParserCreate()
names = []
p.StartElementHandler = lambda n, a: names.append(n)
p.Parse('<a><b/><b/></a>', True)
print(sorted(p.intern), names[1] is names[2])
d = {}
p = pyexpat.ParserCreate(intern=d)
p.StartElementHandler = lambda n, a: None
p.Parse('<a x="1"><b/></a>', True)
print(sorted(d), p.intern is d)
p = pyexpat.ParserCreate(intern=None)
print(p.intern)

print('-- handlers replaced from inside handlers')
p = pyexpat.ParserCreate()
log = []


def first(name, attrs):
    log.append(('first', name))
    p.StartElementHandler = second


def second(name, attrs):
    log.append(('second', name, p.CurrentColumnNumber))


p.StartElementHandler = first
p.Parse('<a><b/><c/></a>', True)
print(log)
print(p.StartElementHandler is second)
p.StartElementHandler = None
print(p.StartElementHandler)

print('-- GetInputContext, SetBase')
p = pyexpat.ParserCreate()
ctx = []
p.StartElementHandler = lambda n, a: ctx.append(p.GetInputContext())
p.Parse('<a><b x="1"/>', False)
p.Parse('</a>', True)
print(ctx, p.GetInputContext())
p = pyexpat.ParserCreate()
print(p.GetBase())
p.SetBase('http://base/')
print(p.GetBase())
decls = []
p.EntityDeclHandler = lambda *a: decls.append(a)
p.NotationDeclHandler = lambda *a: decls.append(a)
p.Parse('<!DOCTYPE r [<!ENTITY e SYSTEM "e.xml"><!NOTATION n SYSTEM "n">]><r/>', True)
print(decls)
