# pyexpat: input fed in pieces (split everywhere, byte by byte, inside
# tags and multi-byte characters), ParseFile, input encodings (BOMs,
# UTF-16, ISO-8859-1, US-ASCII, other codecs through Python, protocol
# encodings) and external entity parsers.
import io
import pyexpat


def events(p, out):
    def mk(name):
        return lambda *a: out.append((name,) + a + ((p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex),))
    for h in ('StartElementHandler', 'EndElementHandler', 'CharacterDataHandler', 'CommentHandler',
              'ProcessingInstructionHandler', 'XmlDeclHandler', 'StartCdataSectionHandler',
              'EndCdataSectionHandler', 'EntityDeclHandler', 'DefaultHandlerExpand'):
        setattr(p, h, mk(h[:-7]))


def feed(chunks, **kw):
    p = pyexpat.ParserCreate(**kw)
    out = []
    events(p, out)
    try:
        for c in chunks:
            out.append(('ret', p.Parse(c, False)))
            out.append(('pos', p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex))
        out.append(('ret', p.Parse(b'' if isinstance(chunks[0], bytes) else '', True)))
    except pyexpat.ExpatError as e:
        out.append(('ERR', str(e), e.code, p.ErrorByteIndex))
    except (LookupError, ValueError) as e:
        out.append((type(e).__name__, str(e)))
    out.append(('END', p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex, p.ErrorCode))
    return out


DOCS = [
    '<?xml version="1.0"?>\n<r a="x\u00e9y" b=\'\u4e2d\'>t\u00e9xt&amp;more\r\n<![CDATA[c]]d]]><!--co\u00e9--><?pi d\u00e9?>'
    '<e/>\U0001F600&#233;</r>\r',
    '<!DOCTYPE r [<!ENTITY e "exp\u00e9nded">]><r>a&e;b]]x]</r>',
    '<r>\n\n  <a>1</a>\n  <b>2</b>\n</r>\n',
]
for doc in DOCS:
    b = doc.encode('utf-8')
    print(repr(doc))
    for k in range(len(b) + 1):
        print(k, feed([b[:k], b[k:]]))
    print('bytes', feed([b[i:i + 1] for i in range(len(b))]))
    print('str', feed([doc[i:i + 3] for i in range(0, len(doc), 3)]))
    for size in (2, 5, 17):
        print(size, feed([b[i:i + size] for i in range(0, len(b), size)]))

print('-- encodings')
SAMPLE = '<r a="\u00e9">caf\u00e9 \u00fc\u00df</r>'
CASES = [
    ('utf-8 bom', b'\xef\xbb\xbf' + SAMPLE.encode('utf-8'), {}),
    ('utf-16 bom', SAMPLE.encode('utf-16'), {}),
    ('utf-16-le bom', b'\xff\xfe' + SAMPLE.encode('utf-16-le'), {}),
    ('utf-16-be bom', b'\xfe\xff' + SAMPLE.encode('utf-16-be'), {}),
    ('utf-16-le no bom', SAMPLE.encode('utf-16-le'), {}),
    ('utf-16-be no bom', SAMPLE.encode('utf-16-be'), {}),
    ('utf-16 decl', ('<?xml version="1.0" encoding="UTF-16"?>' + SAMPLE).encode('utf-16'), {}),
    ('utf-16 astral', '<r>\U0001F600x</r>'.encode('utf-16'), {}),
    ('latin-1', b'<?xml version="1.0" encoding="ISO-8859-1"?>' + SAMPLE.encode('latin-1'), {}),
    ('latin-1 lower', b'<?xml version="1.0" encoding="iso-8859-1"?>' + SAMPLE.encode('latin-1'), {}),
    ('ascii ok', b'<?xml version="1.0" encoding="US-ASCII"?><r>plain</r>', {}),
    ('ascii bad', b'<?xml version="1.0" encoding="US-ASCII"?>' + SAMPLE.encode('latin-1'), {}),
    ('cp1252', b'<?xml version="1.0" encoding="windows-1252"?><r>\x80 \x93q\x94 caf\xe9</r>', {}),
    ('cp1252 undefined', b'<?xml version="1.0" encoding="cp1252"?><r>\x81</r>', {}),
    ('koi8-r', '<?xml version="1.0" encoding="koi8-r"?><r>\u043f\u0440\u0438\u0432\u0435\u0442</r>'.encode('koi8-r'), {}),
    ('iso-8859-15', '<?xml version="1.0" encoding="iso-8859-15"?><r>\u20ac</r>'.encode('iso-8859-15'), {}),
    ('unknown', b'<?xml version="1.0" encoding="no-such-codec"?><r/>', {}),
    ('multibyte codec', b'<?xml version="1.0" encoding="utf-32"?><r/>', {}),
    ('utf-16 in utf-8', b'<?xml version="1.0" encoding="utf-16"?><r/>', {}),
    ('utf-8 in utf-16', '<?xml version="1.0" encoding="utf-8"?><r/>'.encode('utf-16'), {}),
    ('bad utf-8', b'<r>\xff\xfe</r>', {}),
    ('truncated utf-8', b'<r>\xc3</r>', {}),
    ('overlong', b'<r>\xc0\xaf</r>', {}),
    ('surrogate utf-8', b'<r>\xed\xa0\x80</r>', {}),
    ('protocol latin-1', SAMPLE.encode('latin-1'), {'encoding': 'iso-8859-1'}),
    ('protocol overrides decl', b'<?xml version="1.0" encoding="utf-8"?>' + SAMPLE.encode('latin-1'), {'encoding': 'ISO-8859-1'}),
    ('protocol utf-16', SAMPLE.encode('utf-16'), {'encoding': 'UTF-16'}),
    ('protocol cp1252', b'<r>\x80</r>', {'encoding': 'cp1252'}),
]
for name, data, kw in CASES:
    print(name, feed([data], **kw))
    print(name, 'split', feed([data[i:i + 1] for i in range(len(data))], **kw))
print('str ignores decl', feed(['<?xml version="1.0" encoding="iso-8859-1"?><r>\u00e9</r>']))

print('-- ParseFile')
for data in [b'<r>' + b'<i>x</i>' * 1000 + b'</r>', SAMPLE.encode('utf-16'), b'<r><unclosed></r>']:
    p = pyexpat.ParserCreate()
    n = [0, 0]

    def se(name, attrs):
        n[0] += 1

    def cd(d):
        n[1] += len(d)
    p.StartElementHandler = se
    p.CharacterDataHandler = cd
    try:
        print(p.ParseFile(io.BytesIO(data)), n)
    except pyexpat.ExpatError as e:
        print('ERR', e, n)


class Reader:
    def __init__(self, chunks):
        self.chunks = list(chunks)

    def read(self, n):
        return self.chunks.pop(0) if self.chunks else b''


p = pyexpat.ParserCreate()
out = []
events(p, out)
print(p.ParseFile(Reader([b'<r>a', b'b</r', b'>'])), out)
for bad in [Reader(['<r/>']), Reader([b'x' * 5000])]:
    try:
        pyexpat.ParserCreate().ParseFile(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(pyexpat.ParserCreate().ParseFile(Reader([bytearray(b'<r/>')])))

print('-- external entity parsers')
ENTS = {'ext.xml': b'<?xml encoding="utf-8"?><x a="1">ext &e; text</x>tail',
        'other.xml': b'<y/>'}


def external(context, base, sysid, pubid):
    # expat lists the namespace bindings in its (salted) hash order
    print('external', sorted(context.split('\f')), base, sysid, pubid)
    sub = p.ExternalEntityParserCreate(context)
    print(sub.Parse(ENTS[sysid], True))
    return 1


for ns in (None, ' '):
    p = pyexpat.ParserCreate(namespace_separator=ns)
    p.SetBase('base/')
    out = []
    events(p, out)
    p.ExternalEntityRefHandler = external
    doc = ('<!DOCTYPE r [<!ENTITY e "internal"><!ENTITY x SYSTEM "ext.xml"><!ENTITY y PUBLIC "-//p" "other.xml">]>'
           '<r xmlns:q="http://q">&x;&y;</r>')
    print(p.Parse(doc, True))
    for e in out:
        print('  ', e)
p = pyexpat.ParserCreate()
sub = p.ExternalEntityParserCreate(None)
print(sub.Parse(b'<!ENTITY z "zz">', True))
