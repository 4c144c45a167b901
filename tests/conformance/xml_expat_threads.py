# pyexpat from several threads: parsers of their own in parallel, and one
# parser shared by threads that feed it whole elements. CPython's pyexpat
# is not reentrant: its handlers are Python code, the GIL may change hands
# inside one, and another thread's Parse then runs inside the first one's,
# so the reference's output is not repeatable unless the feeders take a
# lock around Parse; they do here. freepy's own guarantee (each Parse call
# atomic without a lock) is tested by TestPyexpatRace under -race.
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


feed_lock = threading.Lock()


def feeder(k):
    for i in range(200):
        with feed_lock:
            shared.Parse('<i k="%d">t</i>' % k, False)
        shared.CurrentLineNumber, shared.CurrentByteIndex


threads = [threading.Thread(target=feeder, args=(k,)) for k in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
shared.Parse('</root>', True)
print(sorted(count.items()), len(texts), set(texts))
