# xml.etree.ElementTree on pyexpat (its pure-Python XMLParser in freepy):
# fromstring, parse, iterparse, XMLPullParser fed in pieces, tostring
# round trips, namespaces, doctype, entities, errors.
import io
import xml.etree.ElementTree as ET

DOC = ('<?xml version="1.0" encoding="UTF-8"?>\n'
       '<!-- head -->\n'
       '<root xmlns="http://default" xmlns:h="http://h" a="1" h:b="2">\n'
       '  <h:child k="v&amp;w">text<sub/>tail &#233;&lt;</h:child>\n'
       '  <!-- inner --><?pi data?>\n'
       '  <e><![CDATA[<raw> & stuff]]></e>\n'
       '  <caf\u00e9 \u00e9="\u4e2d">\U0001F600</caf\u00e9>\n'
       '</root>\n')


def dump(el, depth=0):
    tag = el.tag if isinstance(el.tag, str) else el.tag.__name__
    print('  ' * depth + repr(tag), sorted(el.attrib.items()), repr(el.text), repr(el.tail))
    for c in el:
        dump(c, depth + 1)


r = ET.fromstring(DOC)
dump(r)
print(ET.tostring(r))
print(ET.tostring(r, encoding='unicode'))
print(ET.tostring(r, encoding='utf-8', xml_declaration=True))
print(ET.tostring(r, method='text', encoding='unicode'))
dump(ET.fromstring(ET.tostring(r, encoding="utf-8")))
dump(ET.parse(io.BytesIO(DOC.encode('utf-8'))).getroot())
dump(ET.parse(io.StringIO(DOC)).getroot())
print(r.find('{http://h}child').get('k'), [e.tag for e in r.iter()], r.findtext('{http://default}e'))
print(ET.fromstring('<a><b>1</b><b>2</b></a>').findall('b')[1].text)

print('-- iterparse')
for events in [None, ('start', 'end'), ('start', 'end', 'start-ns', 'end-ns', 'comment', 'pi')]:
    for ev, el in ET.iterparse(io.BytesIO(DOC.encode()), events=events):
        tag = getattr(el, 'tag', None)
        print(ev, el if isinstance(el, tuple) else (tag if isinstance(tag, str) else type(el).__name__))

print('-- XMLPullParser in pieces')
for size in (1, 3, 7, 64):
    pp = ET.XMLPullParser(events=('start', 'end', 'start-ns', 'comment', 'pi'))
    data = DOC.encode('utf-8')
    seen = []
    for i in range(0, len(data), size):
        pp.feed(data[i:i + size])
        seen.extend((ev, el if isinstance(el, tuple) else getattr(el, 'tag', None)) for ev, el in pp.read_events())
    pp.close()
    seen.extend((ev, getattr(el, 'tag', None)) for ev, el in pp.read_events())
    print(size, [(ev, el if isinstance(el, (str, tuple)) else type(el).__name__) for ev, el in seen])

print('-- targets, doctype, entities')


class Target:
    def __init__(self):
        self.log = []

    def start(self, tag, attrib):
        self.log.append(('start', tag, attrib))

    def end(self, tag):
        self.log.append(('end', tag))

    def data(self, d):
        self.log.append(('data', d))

    def comment(self, c):
        self.log.append(('comment', c))

    def pi(self, t, d):
        self.log.append(('pi', t, d))

    def doctype(self, name, pubid, system):
        self.log.append(('doctype', name, pubid, system))

    def start_ns(self, prefix, uri):
        self.log.append(('start_ns', prefix, uri))

    def end_ns(self, prefix):
        self.log.append(('end_ns', prefix))

    def close(self):
        return self.log


XHTML = ('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
         '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
         '<html xmlns="http://www.w3.org/1999/xhtml"><p>a<br/>b<!--c--><?x y?></p></html>')
p = ET.XMLParser(target=Target())
p.feed(XHTML)
for entry in p.close():
    print(entry)
p = ET.XMLParser(target=Target())
p.feed('<!DOCTYPE root SYSTEM "root.dtd"><root/>')
print(p.close())
p = ET.XMLParser()
p.entity['nbsp'] = '\u00a0'
p.feed('<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd"><html>a&nbsp;b</html>')
print(repr(p.close().text))
print(ET.fromstring('<!DOCTYPE r [<!ENTITY e "ent <b>val</b>">]><r>&e;!</r>')[0].text)
print(ET.XMLParser().version)

print('-- errors')
for bad in ['<a><b></a>', '<a>', '', '<a/><b/>', '<a>&nope;</a>', '<a x="1" x="2"/>',
            '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd"><html>&nbsp;</html>',
            '<?xml version="1.0" encoding="bogus"?><a/>', '<a>\x00</a>', b'<a>\xff</a>']:
    try:
        ET.fromstring(bad)
    except ET.ParseError as e:
        print(repr(bad), 'ParseError', e, e.code, e.position)
    except Exception as e:
        print(repr(bad), type(e).__name__, e)

print('-- building and serialising')
root = ET.Element('root', {'z': '1', 'a': 'x"y<z&'})
c = ET.SubElement(root, 'child')
c.text = 'a < b & c > d\n"q"'
c.tail = '\ttail'
ET.SubElement(root, '{http://ns}n', {'{http://ns}attr': 'v'}).text = '\u00e9\u4e2d'
ET.SubElement(root, 'empty')
ET.register_namespace('pre', 'http://ns')
s = ET.tostring(root, encoding='unicode')
print(s)
dump(ET.fromstring(s))
print(ET.tostring(ET.fromstring(s), encoding='unicode') == s)
print(ET.tostring(root, encoding='iso-8859-1'))
print(ET.tostring(root, encoding='us-ascii'))
print(ET.tostring(root, short_empty_elements=False, encoding='unicode'))
tree = ET.ElementTree(root)
buf = io.BytesIO()
tree.write(buf, encoding='utf-16', xml_declaration=True)
print(len(buf.getvalue()), ET.tostring(ET.fromstring(buf.getvalue())) == ET.tostring(root))
ET.indent(tree)
print(ET.tostring(root, encoding='unicode'))
print(ET.canonicalize('<a b="2"   a="1"><!-- c --><c/></a>'))
print(ET.canonicalize('<a xmlns:x="u"><x:b/></a>', with_comments=True, strip_text=True))
print(ET.tostring(ET.XML('<a xmlns="http://x" xmlns:y="http://y"><b y:c="1"/></a>'), default_namespace='http://x'))
