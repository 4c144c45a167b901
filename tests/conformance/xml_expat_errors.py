# pyexpat: well-formedness errors (message, code, line, column, byte
# index) for malformed documents, including mutations of valid ones; the
# errors/model submodules, ErrorString and the API's own errors.
import sys
import pyexpat
from xml.parsers import expat

BAD = [
    '<a><b></a>', '<a x="1" x="2"/>', '', '<r>', '<a/><b/>', '<a>&foo;</a>', 'a<a/>',
    '<a/>&', '<a>]]></a>', '<a><!-- x -- y --></a>', '<a b=1/>', '<a b="<"/>', '<a>&#0;</a>',
    '<a>&#xD800;</a>', '<1a/>', '<a></b>', '<a', '<a b="', '<a><![CDATA[x', '<a>\x01</a>',
    '<?xml version="1.0"?><?xml version="1.0"?><a/>', '<a/><?xml version="1.0"?>',
    '<a>x</a>junk', '<!DOCTYPE a><!DOCTYPE a><a/>', '<!DOCTYPE a [<!ENTITY e "&e;">]><a>&e;</a>',
    '<!DOCTYPE a [<!ENTITY e "<b>">]><a>&e;</a>', '<!DOCTYPE a [<!ENTITY e "x%pe;y">]><a/>',
    '<a:b:c/>', '<?xml version="1.0" encoding="bogus-enc"?><a/>', '<?xml encoding="utf-8"?><a/>',
    '<?xml version="1.0" standalone="maybe"?><a/>', '<?XML version="1.0"?><a/>',
    '<a>&#x41;&#65;&#1114112;</a>', '<!DOCTYPE a [<!ENTITY x SYSTEM "y">]><a b="&x;"/>',
    '<!DOCTYPE a [<!ENTITY u SYSTEM "u" NDATA n>]><a>&u;</a>', '<a b="&u;"/>', '<a b="a&#0;"/>',
    '<a>\ufffe</a>', '<a>\uffff</a>', '<!DOCTYPE a [<!ATTLIST a b CDATA #BOGUS>]><a/>',
    '<!DOCTYPE a [<!ELEMENT a (#PCDATA|b)>]><a/>', '<!DOCTYPE a [<!ELEMENT a (b|c,d)>]><a/>',
    '<!DOCTYPE a PUBLIC "bad{id}" "s"><a/>', '<!DOCTYPE: a [<!ENTITY e "&e;">]><a>&e;</a>',
    '<a>x</a>\r', '<r>tex</r>\r', '</a>', '<a></a></a>', '<a b="1"c="2"/>', '<a =""/>',
    '<!-- c --', '<?pi', '<a><?xml-x?></a>', '<a><?XmL x?></a>', '<!ELEMENT a EMPTY><a/>',
    '<a>&#x;</a>', '<a>&#12a;</a>', '<a>& b;</a>', '<a>&b c;</a>',
]
NS_BAD = ['<p:a/>', '<a xmlns:p=""/>', '<a xmlns:xml="http://other"/>', '<a xmlns:xmlns="http://x"/>',
          '<a xmlns:p="http://www.w3.org/XML/1998/namespace"/>', '<a xmlns:p="u" xmlns:q="u" p:x="1" q:x="2"/>',
          '<a>\n <b q:x="2"/></a>', '<a:b:c/>', '<:a/>', '<a :b="1"/>', '<a b:="1"/>', '<a xmlns="x"><b xmlns=""><c/></b></a>']


def parse(doc, ns=None, data=False):
    p = pyexpat.ParserCreate(namespace_separator=ns)
    if data:
        p.CharacterDataHandler = lambda d: None
    try:
        r = p.Parse(doc, True)
        return ('ok', r, p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex)
    except expat.ExpatError as e:
        assert e.lineno == p.ErrorLineNumber and e.offset == p.ErrorColumnNumber
        assert e.code == p.ErrorCode
        return ('ERR', str(e), e.code, expat.ErrorString(e.code) == expat.errors.messages[e.code],
                p.ErrorByteIndex)
    except LookupError as e:
        return ('LookupError', str(e), p.ErrorCode)


for doc in BAD:
    print(repr(doc), parse(doc), parse(doc.encode('utf-8'), data=True))
for doc in NS_BAD:
    print(repr(doc), parse(doc, '}'))

# deterministic mutations of valid documents
BASE = ['<r a="1" b=\'2\'>x<![CDATA[y]]>&amp;<!--c--><?p d?></r>',
        '<!DOCTYPE r [<!ENTITY e "v"><!ATTLIST r a CDATA "d"><!ELEMENT r ANY>]><r>&e;</r>',
        '<?xml version="1.0" encoding="utf-8"?>\n<r xmlns:p="u"><p:a p:b="c"/></r>\n']
CHARS = '<>&;"\'/=![]?-# abx\n\r%:'
seed = 12345


def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2 ** 31
    return seed % n


for i in range(300):
    d = BASE[rnd(len(BASE))]
    for _ in range(1 + rnd(3)):
        k = rnd(len(d) + 1)
        op = rnd(3)
        if op == 0 and len(d) > 1:
            d = d[:k] + d[k + 1:]
        elif op == 1:
            d = d[:k] + CHARS[rnd(len(CHARS))] + d[k:]
        else:
            j = rnd(len(d) + 1)
            d = d[:min(k, j)] + d[max(k, j):]
    print(i, repr(d), parse(d), parse(d, '|'))

print('-- errors and model')
print(sorted(k for k in dir(expat.errors) if k.startswith('XML_ERROR')))
print(sorted(expat.errors.codes.items(), key=lambda kv: kv[1]))
print(expat.errors.messages[expat.errors.codes[expat.errors.XML_ERROR_SYNTAX]])
print(sorted((k, getattr(expat.model, k)) for k in dir(expat.model) if k.startswith('XML_')))
print(expat.errors.__name__, expat.model.__name__, sys.modules['xml.parsers.expat.errors'] is expat.errors,
      sys.modules['pyexpat.errors'] is pyexpat.errors, sys.modules['pyexpat.model'] is pyexpat.model)
print(expat.errors.__doc__, expat.model.__doc__)
print([pyexpat.ErrorString(i) for i in range(45)])
print(pyexpat.XML_PARAM_ENTITY_PARSING_NEVER, pyexpat.XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE,
      pyexpat.XML_PARAM_ENTITY_PARSING_ALWAYS, pyexpat.native_encoding)
print(type(pyexpat.EXPAT_VERSION), pyexpat.EXPAT_VERSION.startswith('expat_'), len(pyexpat.version_info),
      pyexpat.version_info >= (2, 4, 0), type(pyexpat.features), dict(pyexpat.features)['sizeof(XML_Char)'])
print(expat.ExpatError is expat.error, expat.ExpatError.__module__, expat.ExpatError.__mro__[1:],
      pyexpat.XMLParserType, type(expat.ParserCreate()) is pyexpat.XMLParserType)

print('-- API errors')


def tryit(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


tryit(lambda: pyexpat.ParserCreate(intern=5))
tryit(lambda: pyexpat.ParserCreate(namespace_separator='ab'))
tryit(lambda: pyexpat.ParserCreate(encoding=5))
tryit(lambda: pyexpat.XMLParserType())
p = pyexpat.ParserCreate()
tryit(lambda: setattr(p, 'buffer_size', 0))
tryit(lambda: setattr(p, 'buffer_size', 'x'))
tryit(lambda: setattr(p, 'foo', 1))
tryit(lambda: delattr(p, 'StartElementHandler'))
tryit(lambda: setattr(p, 'buffer_used', 1))
tryit(lambda: setattr(p, 'CurrentLineNumber', 1))
tryit(lambda: p.Parse(5))
tryit(lambda: p.Parse('<r>\ud800</r>'))
tryit(lambda: p.ParseFile(5))
tryit(lambda: p.Parse('<r/>', True))
tryit(lambda: p.Parse('<r/>', True))
print(p.ErrorCode, p.CurrentLineNumber, p.CurrentColumnNumber)
tryit(lambda: p.SetParamEntityParsing(1))
tryit(lambda: p.UseForeignDTD())
tryit(lambda: pyexpat.ParserCreate().SetParamEntityParsing(pyexpat.XML_PARAM_ENTITY_PARSING_ALWAYS))
tryit(lambda: pyexpat.ParserCreate().UseForeignDTD(False))
tryit(lambda: pyexpat.ErrorString(100))

print('-- a handler that raises stops the parse')
p = pyexpat.ParserCreate()


def boom(*a):
    raise ValueError('boom')


p.StartElementHandler = boom
p.CharacterDataHandler = lambda d: print('data', d)
tryit(lambda: p.Parse('<r>x</r>', True))
print(p.StartElementHandler, p.CharacterDataHandler, p.ErrorCode)
tryit(lambda: p.Parse('<r/>', True))
p = pyexpat.ParserCreate()
p.ExternalEntityRefHandler = lambda *a: 0
tryit(lambda: p.Parse('<!DOCTYPE r [<!ENTITY e SYSTEM "e">]><r>&e;</r>', True))
p = pyexpat.ParserCreate()
p.NotStandaloneHandler = lambda: 0
tryit(lambda: p.Parse('<!DOCTYPE r SYSTEM "r.dtd"><r/>', True))
p = pyexpat.ParserCreate()
p.NotStandaloneHandler = lambda: 'x'
tryit(lambda: p.Parse('<!DOCTYPE r SYSTEM "r.dtd"><r/>', True))
