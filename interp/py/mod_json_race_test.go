package py

import "testing"

// TestJSONScannerThreads decodes and encodes with one shared Scanner and
// Encoder from several threads at once (json's module-level default
// decoder is shared this way); run with -race.
func TestJSONScannerThreads(t *testing.T) {
	src := `
import _thread, _json
class Ctx:
    strict = True
    object_hook = None
    object_pairs_hook = None
    parse_float = float
    parse_int = int
    parse_constant = float
scan = _json.make_scanner(Ctx())
enc = _json.make_encoder({}, str, _json.encode_basestring_ascii, None, ': ', ', ', False, False, True)
lock = _thread.allocate_lock()
finished = [0]
bad = []
def worker(k):
    for i in range(300):
        doc = '{"k%d": [%d, "s\\u00e9", {"n": null}], "common": %d}' % (k, i, i)
        obj, end = scan(doc, 0)
        if end != len(doc) or obj['k%d' % k][0] != i or obj['common'] != i:
            bad.append((k, i, obj))
        out = enc(obj, 0)[0]
        if scan(out, 0)[0] != obj:
            bad.append(('roundtrip', k, i))
    with lock:
        finished[0] += 1
for k in range(4):
    _thread.start_new_thread(worker, (k,))
while True:
    with lock:
        if finished[0] == 4:
            break
nbad = len(bad)
`
	_, g := runPy(t, "", src)
	if n := intGlobal(t, g, "nbad"); n != 0 {
		t.Fatalf("%d wrong results from a shared scanner/encoder", n)
	}
}
