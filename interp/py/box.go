package py

import "unsafe"

// Boxing ints and floats without the Go allocator.
//
// An Int or Float stored in an Object interface needs its 8 bytes on the
// heap; Go's allocator (runtime.convT64) costs about 20 ns per value and
// was a third of the time of integer loops. Each thread instead hands out
// slots of its own small chunk: the interface's data word points into the
// chunk, which the garbage collector keeps alive as long as any of its
// values is referenced (interior pointers), and frees with the last one.
// Values are written once, before the interface is published, and never
// changed (ints and floats are immutable), so sharing them between threads
// is as safe as sharing the allocator's boxes.

// boxChunkLen trades allocator calls against memory kept alive by one
// surviving value (boxChunkLen*8 bytes at worst).
const boxChunkLen = 32

type boxChunk [boxChunkLen]uint64

// ifaceWords (mod_weakref.go) is the layout of a non-empty interface.

// The itabs of Int and Float as Objects, taken from real conversions.
var (
	intItab   = itabOf(Int(1 << 40))
	floatItab = itabOf(Float(0.5))
)

func itabOf(o Object) unsafe.Pointer { return (*ifaceWords)(unsafe.Pointer(&o)).tab }

// boxSlot returns a fresh 8-byte slot from the thread's chunk.
func (t *Thread) boxSlot() *uint64 {
	if t.boxLeft == 0 {
		t.box = new(boxChunk)
		t.boxLeft = boxChunkLen
	}
	p := &t.box[boxChunkLen-t.boxLeft]
	t.boxLeft--
	return p
}

// freeSlot is a fresh slot of the thread's chunk, or nil when the chunk
// is used up (then boxInt/boxFloat take a new one). It and floatAt are
// small enough to inline, so the loop's hot float operations box their
// result without a call: a call makes the loop reload every register.
func (t *Thread) freeSlot() *uint64 {
	if n := t.boxLeft; n > 0 {
		t.boxLeft = n - 1
		return &t.box[boxChunkLen-n]
	}
	return nil
}

// floatAt is the Float stored in slot p as an Object.
func floatAt(p *uint64) Object {
	var o Object
	w := (*ifaceWords)(unsafe.Pointer(&o))
	w.tab, w.data = floatItab, unsafe.Pointer(p)
	return o
}

// boxInt is Object(Int(v)) without an allocation per value.
func (t *Thread) boxInt(v int64) Object {
	if u := uint64(v + smallIntNeg); u < smallIntLen {
		return intAt(&smallInts[u])
	}
	p := t.boxSlot()
	*p = uint64(v)
	var o Object
	w := (*ifaceWords)(unsafe.Pointer(&o))
	w.tab, w.data = intItab, unsafe.Pointer(p)
	return o
}

// boxIntOrNil is boxInt for callers that may run without a thread (type
// slots reached from the C API): abs() and unary minus make an int per
// call in numeric loops, and Go's allocator (convT64) for abs() alone was
// 3% of threads_shared_dict's CPU profile.
func (t *Thread) boxIntOrNil(v int64) Object {
	if t == nil {
		if u := uint64(v + smallIntNeg); u < smallIntLen {
			return intAt(&smallInts[u])
		}
		return Int(v)
	}
	return t.boxInt(v)
}

// boxFloat is Object(Float(v)) without an allocation per value.
func (t *Thread) boxFloat(v float64) Object {
	p := t.boxSlot()
	*(*float64)(unsafe.Pointer(p)) = v
	var o Object
	w := (*ifaceWords)(unsafe.Pointer(&o))
	w.tab, w.data = floatItab, unsafe.Pointer(p)
	return o
}

// BoxInt is Int(v) as an Object, boxed in the thread's chunk (for callers
// outside this package that make many ints, such as C-API results).
func (t *Thread) BoxInt(v int64) Object { return t.boxInt(v) }

// BoxFloat is Float(v) as an Object, boxed in the thread's chunk.
func (t *Thread) BoxFloat(v float64) Object { return t.boxFloat(v) }

// smallInts holds the ints -smallIntNeg..smallIntLen-smallIntNeg-1 (the
// int v at smallInts[v+smallIntNeg]) for intAt, so that the loop boxes
// them without a call and without a slot of the thread's chunk. Go's own
// convT64 has such a table for 0..255 only. The range is wider than
// CPython's small ints because a box costs more here than in CPython: a
// slot in a chunk that stays alive as long as any of its 32 values does.
// In bench/threads_shared_dict.py each step made about ten ints (negative
// differences, abs() of them, sums, coordinates under 1,000), two of them
// stored in a dict: every chunk stayed alive, 56 MB of them per 700,000
// steps, and the heap growth and its page faults were a third of the
// run's memory. 9,216 values take 72 KB, read-only and shared by all
// threads.
const (
	smallIntNeg = 1024
	smallIntLen = smallIntNeg + 8192
)

var smallInts = func() (a [smallIntLen]uint64) {
	for i := range a {
		a[i] = uint64(int64(i) - smallIntNeg)
	}
	return
}()

// intAt is the Int stored in slot p as an Object.
func intAt(p *uint64) Object {
	var o Object
	w := (*ifaceWords)(unsafe.Pointer(&o))
	w.tab, w.data = intItab, unsafe.Pointer(p)
	return o
}
