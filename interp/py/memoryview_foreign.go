package py

import (
	"runtime"
	"strings"
	"sync"
)

// ForeignBuf is a buffer that C code exports through bf_getbuffer (an
// mmap, a ctypes object, a cffi buffer): memoryviews of the object read and
// write its memory in place.
type ForeignBuf struct {
	Data     []byte // the exporter's memory
	Format   string // struct format of the items ("B" when C gave none)
	ItemSize int
	ReadOnly bool
	// Release gives the buffer back to its exporter: on t when the view
	// is released explicitly (mmap.close() must then succeed at once),
	// with t nil from the collector.
	Release func(t *Thread)
}

// ForeignView, when set (by package capi), gets the buffer of an object
// whose type exports one through C; ok is false for any other object.
var ForeignView func(t *Thread, o Object) (fb *ForeignBuf, ok bool, err error)

// foreignHold is the claim of memoryview(o) on o's C buffer. Views made
// from that view (slices, casts) share it and keep the first view alive;
// the buffer is given back when the first view is released (release(),
// the end of its with block) or collected. CPython keeps the buffer until
// the last of the views goes; here the derived views stop working with
// the first one (a Go object is collected late, and an mmap cannot be
// closed while its buffer is out). The lock keeps the memory from being
// given back while a view reads or writes it.
type foreignHold struct {
	buf  *ForeignBuf
	mu   sync.RWMutex
	done bool
}

func (h *foreignHold) drop(t *Thread) {
	h.mu.Lock()
	was := h.done
	h.done = true
	h.mu.Unlock()
	if !was && h.buf.Release != nil {
		h.buf.Release(t)
	}
}

// withForeign runs fn on the buffer unless it was given back.
func (h *foreignHold) with(fn func(b []byte) error) error {
	h.mu.RLock()
	defer h.mu.RUnlock()
	if h.done {
		return errReleased()
	}
	return fn(h.buf.Data)
}

// foreignMemoryView is memoryview(o) of a C exporter.
func foreignMemoryView(o Object, fb *ForeignBuf) *MemoryView {
	size := fb.ItemSize
	format := fb.Format
	if size <= 0 || format == "" {
		format, size = "B", 1
	}
	// items are read and written only in a native one-character format
	// (CPython's rule); others ("<i" from ctypes, "T{...}") still give
	// tobytes(), len() and casts to bytes
	var code byte
	if f := strings.TrimPrefix(format, "@"); len(f) == 1 && mvItemSize(f[0]) == size {
		code = f[0]
	}
	m := &MemoryView{obj: o, ro: fb.ReadOnly, format: format, code: code, itemsize: size,
		shape: []int{len(fb.Data) / size}, strides: []int{size}}
	h := &foreignHold{buf: fb}
	m.foreign, m.owner = h, m
	runtime.AddCleanup(m, func(h *foreignHold) { h.drop(nil) }, h)
	return m
}

// shareForeign makes r, derived from m, a view of m's C buffer.
func (m *MemoryView) shareForeign(r *MemoryView) {
	r.foreign, r.owner = m.foreign, m.owner
}

// releaseForeign gives the buffer back when m is the view that took it.
func (m *MemoryView) releaseForeign(t *Thread) {
	if m.foreign != nil && m.owner == m {
		m.foreign.drop(t)
	}
}
