package py

import (
	"strings"
	"testing"
)

// TestBuiltinDocstrings checks that every public callable of builtins and
// every public method of the core built-in types has a docstring
// (ExceptionGroup has none in CPython either), and that the tables hold
// no duplicate names, which would hide an entry.
func TestBuiltinDocstrings(t *testing.T) {
	in, th := NewInterp()
	g := runPython(t, in, th, `
import builtins
CORE = (object, type, int, bool, float, complex, str, bytes, bytearray, list,
        tuple, dict, set, frozenset, range, slice, memoryview, property,
        classmethod, staticmethod, super, enumerate, zip, map, filter,
        reversed, BaseException)
missing = []
for n in dir(builtins):
    o = getattr(builtins, n)
    if n.startswith('_') or not callable(o) or o is ExceptionGroup:
        continue
    if type(o).__module__ == 'builtins' and not o.__doc__:
        missing.append(n)
for T in CORE:
    for k in dir(T):
        v = getattr(T, k, None)
        if not k.startswith('_') and callable(v) and not v.__doc__:
            missing.append(T.__name__ + '.' + k)
for x in (1, 'a', b'a', [], {}, set()):
    for k in dir(x):
        if not k.startswith('_') and callable(getattr(x, k)) and not getattr(x, k).__doc__:
            missing.append('bound ' + type(x).__name__ + '.' + k)
missing = ' '.join(missing)
`)
	if m := g.GetStr("missing").(*Str).s; m != "" {
		t.Errorf("no docstring: %s", m)
	}
	tables := map[string][]docEntry{"builtinFuncDocs": builtinFuncDocs[:], "typeDocs": typeDocs[:],
		"genericMethodDocs": genericMethodDocs[:], "bytesLikeDocs": bytesLikeDocs[:]}
	for _, typ := range []string{"str", "bytearray", "list", "dict", "set", "frozenset", "tuple", "int",
		"float", "range", "slice", "memoryview", "property", "type", "object", "BaseException"} {
		a, b := methodDocTables(typ)
		tables[typ+"/a"], tables[typ+"/b"] = a, b
	}
	for name, table := range tables {
		seen := map[string]bool{}
		for _, e := range table {
			if seen[e.name] {
				t.Errorf("%s: %q listed twice", name, e.name)
			}
			seen[e.name] = true
			if strings.HasSuffix(e.doc, "\n") {
				t.Errorf("%s: %q ends with a newline", name, e.name)
			}
		}
	}
}
