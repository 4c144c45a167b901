# xml.dom.minidom (expatbuilder) and xml.sax (expatreader) on pyexpat.
import io
import xml.sax
import xml.sax.handler
import xml.sax.saxutils
from xml.dom import minidom, pulldom

DOC = ('<?xml version="1.0" encoding="utf-8"?>\n'
       '<!DOCTYPE r [<!ENTITY e "ent"><!ATTLIST r d CDATA "dflt"><!ELEMENT r ANY>'
       '<!NOTATION n SYSTEM "n.bin"><!ENTITY u SYSTEM "u.bin" NDATA n>]>\n'
       '<r a="1" xmlns:p="http://p"><p:x p:k="v">t&e;&amp;</p:x><![CDATA[cd<>]]><!--c--><?pi d?>\n'
       '<y>caf\u00e9</y></r>')

d = minidom.parseString(DOC)
print(d.documentElement.tagName, sorted(d.documentElement.attributes.items()))
print(d.toxml())
print(d.toprettyxml(indent='  '))
ents, nots = d.doctype.entities, d.doctype.notations
print(d.doctype.name, d.doctype.internalSubset, sorted(ents.item(i).nodeName for i in range(ents.length)),
      [nots.item(i).nodeName for i in range(nots.length)])
x = d.getElementsByTagName('p:x')[0]
print(x.namespaceURI, x.localName, x.prefix, x.getAttributeNS('http://p', 'k'), [c.nodeType for c in x.childNodes])
print([n.nodeType for n in d.documentElement.childNodes])
d2 = minidom.parse(io.BytesIO(DOC.encode('utf-8')))
print(d2.toxml() == d.toxml())
print(minidom.parseString('<a><b/>text<c x="1"/></a>').documentElement.toxml())
for bad in ['<a><b></a>', '<a>&x;</a>', '']:
    try:
        minidom.parseString(bad)
    except Exception as e:
        print(type(e).__name__, e)
for ev, node in pulldom.parseString('<a><b x="1">t</b><c/></a>'):
    print(ev, node.nodeName)


class H(xml.sax.handler.ContentHandler):
    def startDocument(self):
        print('startDocument')

    def endDocument(self):
        print('endDocument')

    def startElement(self, name, attrs):
        print('start', name, sorted(attrs.items()), attrs.getLength())

    def endElement(self, name):
        print('end', name)

    def startElementNS(self, name, qname, attrs):
        print('startNS', name, qname, sorted(attrs.items()))

    def endElementNS(self, name, qname):
        print('endNS', name, qname)

    def startPrefixMapping(self, prefix, uri):
        print('prefix', prefix, uri)

    def endPrefixMapping(self, prefix):
        print('endprefix', prefix)

    def characters(self, content):
        print('chars', repr(content))

    def processingInstruction(self, target, data):
        print('pi', target, data)

    def ignorableWhitespace(self, ws):
        print('ws', repr(ws))


class DTD(xml.sax.handler.DTDHandler):
    def notationDecl(self, name, publicId, systemId):
        print('notation', name, publicId, systemId)

    def unparsedEntityDecl(self, name, publicId, systemId, ndata):
        print('unparsed', name, publicId, systemId, ndata)


xml.sax.parseString(DOC.encode('utf-8'), H())
p = xml.sax.make_parser()
p.setContentHandler(H())
p.setDTDHandler(DTD())
p.setFeature(xml.sax.handler.feature_namespaces, True)
p.parse(io.BytesIO(DOC.encode('utf-8')))
p = xml.sax.make_parser()
p.setContentHandler(H())
for piece in [b'<r><a>', b'x', b'y</a', b'>', b'</r>']:
    p.feed(piece)
p.close()


class Loc(xml.sax.handler.ContentHandler):
    def setDocumentLocator(self, loc):
        self.loc = loc

    def startElement(self, name, attrs):
        print('at', name, self.loc.getLineNumber(), self.loc.getColumnNumber())


xml.sax.parseString(b'<r>\n  <a/>\n <b>\n</b></r>', Loc())
for bad in [b'<r><x></r>', b'<r>', b'<r>&undefined;</r>']:
    try:
        xml.sax.parseString(bad, H())
    except xml.sax.SAXParseException as e:
        print('SAXParseException', e, e.getLineNumber(), e.getColumnNumber(), e.getMessage())

out = io.StringIO()
g = xml.sax.saxutils.XMLGenerator(out, 'utf-8')
xml.sax.parseString(DOC.encode('utf-8'), g)
print(out.getvalue())
print(xml.sax.saxutils.escape('a<b>&c'), xml.sax.saxutils.quoteattr('x"y\'z'))
