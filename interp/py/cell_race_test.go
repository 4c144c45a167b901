package py

import "testing"

// TestCellReadWriteRace has one thread rebind a closure variable to
// values of different types (int, str, tuple, float, a large int, None)
// and delete it, through STORE_DEREF and DELETE_DEREF, while other
// threads read it through LOAD_DEREF and cell_contents. Cell reads take
// no lock (Cell.Get): a reader that paired one value's type word with
// another's data word would see a value that was never stored (or
// crash), and a plain store racing with the readers' loads would be
// reported by -race. Every value read must be one that was written.
func TestCellReadWriteRace(t *testing.T) {
	src := `
import threading
ROUNDS = 3000
errors = []
done = [False]
VALUES = (1, "str", (1, 2), 2.5, 10**30, None, 7)

def make():
    x = 0
    def writer():
        nonlocal x
        try:
            for i in range(ROUNDS):
                for v in VALUES:
                    x = v
                if i % 10 == 0:
                    del x
                x = i
        finally:
            done[0] = True
    def read():
        return x
    return writer, read

writer, read = make()
cell = read.__closure__[0]
ALLOWED = set(VALUES)

def check(v):
    if v in ALLOWED:
        return
    if type(v) is int and 0 <= v < ROUNDS:
        return
    errors.append(repr(v))

def reader():
    try:
        n = 0
        while not done[0] or n < 100:
            n += 1
            try:
                check(read())
            except NameError:
                pass
            try:
                check(cell.cell_contents)
            except ValueError:
                pass
    except BaseException as e:
        errors.append(repr(e))

def final_ok():
    return read() == ROUNDS - 1 and cell.cell_contents == ROUNDS - 1
`
	runWriterReaders(t, src, 3)
}
