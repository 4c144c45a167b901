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
