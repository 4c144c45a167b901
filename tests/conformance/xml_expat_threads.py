# pyexpat from several threads: parsers of their own in parallel, and one
# parser shared by threads that feed it whole elements (each Parse call is
# atomic, so the document stays well-formed whatever the interleaving).
import threading
import pyexpat
import xml.etree.ElementTree as ET

N = 6
results = [None] * N


def own(k):
    doc = '<r k="%d">%s</r>' % (k, ''.join('<i n="%d">%d &amp; text</i>' % (i, i * k) for i in range(300)))
    root = ET.fromstring(doc)
    p = pyexpat.ParserCreate(namespace_separator='|')
    names = []
    p.StartElementHandler = lambda n, a: names.append(n)
    for i in range(0, len(doc), 37):
        p.Parse(doc[i:i + 37], False)
    p.Parse('', True)
    results[k] = (root.get('k'), len(root), root[-1].text, len(names))


threads = [threading.Thread(target=own, args=(k,)) for k in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(results)

shared = pyexpat.ParserCreate()
shared.buffer_text = True
count = {}
lock = threading.Lock()


def start(name, attrs):
    if name == 'i':
        with lock:
            count[attrs['k']] = count.get(attrs['k'], 0) + 1


texts = []
shared.StartElementHandler = start
shared.CharacterDataHandler = texts.append
shared.Parse('<root>', False)


def feeder(k):
    for i in range(200):
        shared.Parse('<i k="%d">t</i>' % k, False)
        shared.CurrentLineNumber, shared.CurrentByteIndex


threads = [threading.Thread(target=feeder, args=(k,)) for k in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
shared.Parse('</root>', True)
print(sorted(count.items()), len(texts), set(texts))
