package py

import (
	"testing"

	"freepy/interp/compile"
	"freepy/interp/syntax"
)

// TestGeneratorPanicInConsumer checks that a Go panic inside a
// generator's frame, while a built-in consumes the generator
// (Generator.iterate, one deferred recover per loop), becomes a
// SystemError raised in the generator's frame as executeSafe makes it:
// the generator may catch it and go on yielding, the consumer sees the
// rest of the items, and an uncaught one reaches the consumer's caller
// with the generator finished.
func TestGeneratorPanicInConsumer(t *testing.T) {
	_, th := NewInterp()
	g := NewDict()
	g.SetStr("__name__", NewStr("__main__"))
	g.SetStr("boom", &Builtin{Name: "boom", Fn: func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		panic("boom")
	}})
	src := `
def caught():
    yield 1
    try:
        boom()
    except SystemError as e:
        yield str(e)
    yield 3

def inner():
    boom()

def nested():
    for i in range(3):
        try:
            inner()
        except SystemError:
            yield i

def uncaught():
    yield 1
    boom()
    yield 2

r1 = list(caught())
r2 = sum(nested())
r3 = tuple(x for x in nested())
g = uncaught()
try:
    list(g)
except SystemError as e:
    r4 = "raised " + str(e)
r5 = list(g)
def consumer_panics():
    yield 1
    yield 2
r6 = []
try:
    sorted(consumer_panics(), key=lambda v: boom())
except SystemError as e:
    r6.append(str(e))
`
	code, err := CompileSource(th, []byte(src), "<test>", syntax.ModeExec, compile.Flags{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := th.ExecCode(code, g, g); err != nil {
		t.Fatalf("run: %s", FormatException(th, AsException(err)))
	}
	check := func(name, want string) {
		t.Helper()
		v := g.GetStr(name)
		r, err := Repr(th, v)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.s; got != want {
			t.Errorf("%s = %s, want %s", name, got, want)
		}
	}
	check("r1", "[1, 'internal error: boom', 3]")
	check("r2", "3")
	check("r3", "(0, 1, 2)")
	check("r4", "'raised internal error: boom'")
	check("r5", "[]")
	check("r6", "['internal error: boom']")
}

// TestIterateSharedContainers runs built-in consumers (Iterate's list
// and dict paths, without iterator objects) over a list and a dict
// another thread mutates: run with -race. Each consumer must see only
// values that were in the container and either finish or raise
// RuntimeError for a dict that changed size.
func TestIterateSharedContainers(t *testing.T) {
	_, g := runPy(t, "", `
import _thread
lst = list(range(50))
d = {i: i for i in range(50)}
done = []
def writer():
    for r in range(300):
        lst.append(r % 50)
        lst.pop(0)
        d[50 + r % 7] = r % 50
        d.pop(50 + (r + 3) % 7, None)
    done.append(1)
bad = 0
errors = 0
_thread.start_new_thread(writer, ())
while not done:
    if not all(0 <= v < 50 for v in lst) or max(lst) >= 50 or sum(lst) < 0:
        bad += 1
    try:
        if max(d.values()) >= 50 or min(d) < 0 or any(k < 0 for k, v in list(d.items())):
            bad += 1
    except RuntimeError:
        errors += 1
`)
	if n := intGlobal(t, g, "bad"); n != 0 {
		t.Fatalf("%d consumers saw values never stored", n)
	}
}
