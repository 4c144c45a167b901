package py

import "testing"

// TestGeneratorStateAttrRace reads gi_frame, gi_suspended, gi_yieldfrom,
// gi_running, cr_await, cr_suspended, cr_frame and ag_await of
// generators, a coroutine and an async generator while another thread
// resumes them. The readers look at the frame only while they hold the
// generator against resumption (Generator.peek), and a resume that
// meets a reader waits for it instead of raising "already executing",
// so -race reports nothing and the resuming thread sees every value.
func TestGeneratorStateAttrRace(t *testing.T) {
	src := `
import threading, types
ROUNDS = 3000
errors = []
done = [False]

def sub():
    while True:
        yield 1
def gen():
    yield from sub()

@types.coroutine
def tick():
    yield 2
async def coro():
    while True:
        await tick()
async def agen():
    while True:
        await tick()
        yield 3

g = gen()
c = coro()
a = agen()
an = a.__anext__()

def writer():
    global an
    try:
        for i in range(ROUNDS):
            if next(g) != 1 or c.send(None) != 2:
                errors.append("value")
            try:
                if an.send(None) != 2:
                    errors.append("agen")
            except StopIteration:
                an = a.__anext__()
    except BaseException as e:
        errors.append(repr(e))
    finally:
        done[0] = True

def reader():
    try:
        while not done[0]:
            f = g.gi_frame
            if f is None or g.gi_suspended not in (True, False) or g.gi_running not in (True, False):
                errors.append("gi")
            y = g.gi_yieldfrom
            if y is not None and type(y).__name__ != "generator":
                errors.append(("yf", y))
            if c.cr_frame is None or c.cr_suspended not in (True, False):
                errors.append("cr")
            w = c.cr_await
            if w is not None and type(w).__name__ != "generator":
                errors.append(("await", w))
            w = a.ag_await
            if w is not None and type(w).__name__ != "generator":
                errors.append(("ag_await", w))
            if a.ag_running not in (True, False):
                errors.append("ag")
    except BaseException as e:
        errors.append(repr(e))

def final_ok():
    return g.gi_suspended and type(g.gi_yieldfrom).__name__ == "generator" and c.cr_suspended
`
	runWriterReaders(t, src, 2)
}
