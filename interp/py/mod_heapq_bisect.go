package py

import (
	"sync"
	"sync/atomic"
	"unsafe"
)

// _bisect and _heapq, the accelerators bisect.py and heapq.py import when
// they can (CPython 3.11's Modules/_bisectmodule.c and _heapqmodule.c):
// the same algorithms, comparisons (only `<`) and messages. Each heapq
// function runs whole under a lock of the heap list (one of 64 striped
// locks, re-entered freely by the thread holding it, so an __lt__ that
// uses heapq on the same list does not deadlock), which makes heappush,
// heappop and the others atomic with respect to each other, as in CPython
// 3.13's free-threaded build; items are read and written through the
// list's own atomic operations, so other list operations meanwhile never
// corrupt it, and, as in CPython, a list that changed size during a
// comparison raises RuntimeError.

var heapLocks [64]struct {
	mu    sync.Mutex
	owner atomic.Pointer[Thread]
	_     [48]byte // one lock per cache line
}

// lockHeap takes l's heap lock for t, and returns its release.
func lockHeap(t *Thread, l *List) func() {
	s := &heapLocks[(uintptr(unsafe.Pointer(l))>>6)%uintptr(len(heapLocks))]
	if s.owner.Load() == t {
		return func() {}
	}
	s.mu.Lock()
	s.owner.Store(t)
	return func() {
		s.owner.Store(nil)
		s.mu.Unlock()
	}
}

// bisectArgs parses (a, x, lo=0, hi=None, *, key=None).
func bisectArgs(t *Thread, name string, args []Object, kw []string) (a, x Object, lo, hi int, key Object, err error) {
	npos := len(args) - len(kw)
	if npos > 4 {
		return nil, nil, 0, 0, nil, TypeErrorf("%s() takes at most 4 positional arguments (%d given)", name, npos)
	}
	var loO, hiO, keyO Object
	if err = ParseArgs(name, args, kw, []string{"a", "x", "lo", "hi", "key"}, 2, &a, &x, &loO, &hiO, &keyO); err != nil {
		return
	}
	if loO != nil {
		if lo, err = asSize(t, loO); err != nil {
			return
		}
		if lo < 0 {
			err = ValueErrorf("lo must be non-negative")
			return
		}
	}
	hi = -1
	if hiO != nil && hiO != None {
		if hi, err = asSize(t, hiO); err != nil {
			return
		}
	}
	if hi == -1 {
		if hi, err = Len(t, a); err != nil {
			return
		}
	}
	if keyO != nil && keyO != None {
		key = keyO
	}
	return
}

// bisectFind is the insertion point of x in a[lo:hi]: right of equal
// items (bisect_right) or left of them.
func bisectFind(t *Thread, a, x Object, lo, hi int, key Object, right bool) (int, error) {
	l, _ := a.(*List)
	for lo < hi {
		mid := int(uint(lo+hi) / 2)
		var item Object
		var err error
		if l != nil {
			if item = l.At(mid); item == nil {
				return 0, NewError(IndexErrorType, "list index out of range")
			}
		} else if item, err = GetItem(t, a, Int(mid)); err != nil {
			return 0, err
		}
		if key != nil {
			if item, err = Call1(t, key, item); err != nil {
				return 0, err
			}
		}
		var less bool
		if right {
			less, err = RichCompareBool(t, x, item, LT)
		} else {
			less, err = RichCompareBool(t, item, x, LT)
			less = !less
		}
		if err != nil {
			return 0, err
		}
		if less {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo, nil
}

// heapList checks a function's heap argument (alone: what is "argument",
// else "argument 1"), as the argument clinic words it.
func heapList(o Object, fname string, alone bool) (*List, error) {
	l, ok := unwrap(o).(*List)
	if !ok {
		which := "argument 1"
		if alone {
			which = "argument"
		}
		return nil, TypeErrorf("%s() %s must be list, not %s", fname, which, typeName(o))
	}
	return l, nil
}

// heapLess is a < b, or b < a for the max-heap functions.
func heapLess(t *Thread, a, b Object, max bool) (bool, error) {
	if max {
		return RichCompareBool(t, b, a, LT)
	}
	return RichCompareBool(t, a, b, LT)
}

// siftDown moves the item at pos up towards start until its parent is
// not greater (CPython's siftdown).
func siftDown(t *Thread, l *List, start, pos int, max bool) error {
	size := l.Len()
	if pos >= size {
		return NewError(IndexErrorType, "index out of range")
	}
	newitem := l.At(pos)
	for pos > start {
		parentpos := (pos - 1) >> 1
		parent := l.At(parentpos)
		less, err := heapLess(t, newitem, parent, max)
		if err != nil {
			return err
		}
		if l.Len() != size {
			return NewError(RuntimeErrorType, "list changed size during iteration")
		}
		if !less {
			break
		}
		parent, newitem = l.At(parentpos), l.At(pos)
		l.SetItemAt(parentpos, newitem)
		l.SetItemAt(pos, parent)
		pos = parentpos
	}
	return nil
}

// siftUp moves the smaller child up until a leaf is reached, then puts
// the item there and sifts it down (CPython's siftup).
func siftUp(t *Thread, l *List, pos int, max bool) error {
	endpos := l.Len()
	startpos := pos
	if pos >= endpos {
		return NewError(IndexErrorType, "index out of range")
	}
	limit := endpos >> 1
	for pos < limit {
		childpos := 2*pos + 1
		if childpos+1 < endpos {
			less, err := heapLess(t, l.At(childpos), l.At(childpos+1), max)
			if err != nil {
				return err
			}
			if !less {
				childpos++
			}
			if l.Len() != endpos {
				return NewError(RuntimeErrorType, "list changed size during iteration")
			}
		}
		a, b := l.At(childpos), l.At(pos)
		l.SetItemAt(childpos, b)
		l.SetItemAt(pos, a)
		pos = childpos
	}
	return siftDown(t, l, startpos, pos, max)
}

func heapPop(t *Thread, o Object, fname string, max bool) (Object, error) {
	l, err := heapList(o, fname, true)
	if err != nil {
		return nil, err
	}
	defer lockHeap(t, l)()
	l.mu.Lock()
	n := len(l.items)
	if n == 0 {
		l.mu.Unlock()
		return nil, NewError(IndexErrorType, "index out of range")
	}
	last := l.items[n-1]
	l.truncate(n - 1)
	l.mu.Unlock()
	if n == 1 {
		return last, nil
	}
	ret := l.At(0)
	if ret == nil {
		return last, nil // emptied meanwhile by another thread
	}
	l.SetItemAt(0, last)
	if err := siftUp(t, l, 0, max); err != nil {
		return nil, err
	}
	return ret, nil
}

func heapReplace(t *Thread, o, item Object, fname string, max bool) (Object, error) {
	l, err := heapList(o, fname, false)
	if err != nil {
		return nil, err
	}
	defer lockHeap(t, l)()
	if l.Len() == 0 {
		return nil, NewError(IndexErrorType, "index out of range")
	}
	ret := l.At(0)
	l.SetItemAt(0, item)
	if err := siftUp(t, l, 0, max); err != nil {
		return nil, err
	}
	return ret, nil
}

func heapify(t *Thread, o Object, fname string, max bool) error {
	l, err := heapList(o, fname, true)
	if err != nil {
		return err
	}
	defer lockHeap(t, l)()
	n := l.Len()
	if n > 2500 {
		return heapifyCacheFriendly(t, l, max)
	}
	for i := n/2 - 1; i >= 0; i-- {
		if err := siftUp(t, l, i, max); err != nil {
			return err
		}
	}
	return nil
}

// heapifyCacheFriendly is CPython's order of sift-ups for large lists
// (subtrees finished while they are in cache); the resulting arrangement
// differs from the plain loop's, and programs can see it.
func heapifyCacheFriendly(t *Thread, l *List, max bool) error {
	m := l.Len() >> 1
	top := func(n int) int {
		i := 0
		for n > 1 {
			n >>= 1
			i++
		}
		return n << i
	}
	leftmost := top(m+1) - 1
	mhalf := m >> 1
	run := func(from, to int) error {
		for i := from; i >= to; i-- {
			for j := i; ; j >>= 1 {
				if err := siftUp(t, l, j, max); err != nil {
					return err
				}
				if j&1 == 0 {
					break
				}
			}
		}
		return nil
	}
	if err := run(leftmost-1, mhalf); err != nil {
		return err
	}
	return run(m-1, leftmost)
}

func init() {
	RegisterNativeModule("_bisect", func(t *Thread) (*Module, error) {
		m := NewModule("_bisect")
		m.Dict().SetStr("__doc__", NewStr("Bisection algorithms.\n"))
		find := func(name string, right bool) {
			m.AddFunc(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
				a, x, lo, hi, key, err := bisectArgs(t, name, args, kw)
				if err != nil {
					return nil, err
				}
				i, err := bisectFind(t, a, x, lo, hi, key, right)
				return Int(i), err
			})
		}
		find("bisect_right", true)
		find("bisect_left", false)
		insort := func(name string, right bool) {
			m.AddFunc(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
				a, x, lo, hi, key, err := bisectArgs(t, name, args, kw)
				if err != nil {
					return nil, err
				}
				kx := x
				if key != nil {
					if kx, err = Call1(t, key, x); err != nil {
						return nil, err
					}
				}
				i, err := bisectFind(t, a, kx, lo, hi, key, right)
				if err != nil {
					return nil, err
				}
				if l, ok := a.(*List); ok {
					l.Insert(i, x)
					return None, nil
				}
				if _, err := CallMethod(t, a, "insert", Int(i), x); err != nil {
					return nil, err
				}
				return None, nil
			})
		}
		insort("insort_right", true)
		insort("insort_left", false)
		return m, nil
	})

	RegisterNativeModule("_heapq", func(t *Thread) (*Module, error) {
		m := NewModule("_heapq")
		d := m.Dict()
		d.SetStr("__doc__", NewStr("Heap queue algorithm (a.k.a. priority queue).\n"))
		d.SetStr("__about__", NewStr("Heap queues"))
		two := func(name string, args []Object, kw []string) error {
			if len(kw) > 0 {
				return TypeErrorf("%s() takes no keyword arguments", name)
			}
			if len(args) != 2 {
				return TypeErrorf("%s expected 2 arguments, got %d", name, len(args))
			}
			return nil
		}
		one := func(name string, args []Object, kw []string) error {
			if len(kw) > 0 {
				return TypeErrorf("%s() takes no keyword arguments", name)
			}
			if len(args) != 1 {
				return TypeErrorf("_heapq.%s() takes exactly one argument (%d given)", name, len(args))
			}
			return nil
		}
		m.AddFunc("heappush", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := two("heappush", args, kw); err != nil {
				return nil, err
			}
			l, err := heapList(args[0], "heappush", false)
			if err != nil {
				return nil, err
			}
			defer lockHeap(t, l)()
			l.mu.Lock()
			l.push(args[1])
			n := len(l.items)
			l.mu.Unlock()
			return None, siftDown(t, l, 0, n-1, false)
		})
		m.AddFunc("heappop", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := one("heappop", args, kw); err != nil {
				return nil, err
			}
			return heapPop(t, args[0], "heappop", false)
		})
		m.AddFunc("heapreplace", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := two("heapreplace", args, kw); err != nil {
				return nil, err
			}
			return heapReplace(t, args[0], args[1], "heapreplace", false)
		})
		m.AddFunc("heappushpop", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := two("heappushpop", args, kw); err != nil {
				return nil, err
			}
			l, err := heapList(args[0], "heappushpop", false)
			if err != nil {
				return nil, err
			}
			defer lockHeap(t, l)()
			item := args[1]
			top := l.At(0)
			if top == nil {
				return item, nil
			}
			less, err := RichCompareBool(t, top, item, LT)
			if err != nil {
				return nil, err
			}
			if !less {
				return item, nil
			}
			if l.Len() == 0 {
				return nil, NewError(IndexErrorType, "index out of range")
			}
			ret := l.At(0)
			l.SetItemAt(0, item)
			if err := siftUp(t, l, 0, false); err != nil {
				return nil, err
			}
			return ret, nil
		})
		m.AddFunc("heapify", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := one("heapify", args, kw); err != nil {
				return nil, err
			}
			return None, heapify(t, args[0], "heapify", false)
		})
		m.AddFunc("_heappop_max", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := one("_heappop_max", args, kw); err != nil {
				return nil, err
			}
			return heapPop(t, args[0], "_heappop_max", true)
		})
		m.AddFunc("_heapreplace_max", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := two("_heapreplace_max", args, kw); err != nil {
				return nil, err
			}
			return heapReplace(t, args[0], args[1], "_heapreplace_max", true)
		})
		m.AddFunc("_heapify_max", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := one("_heapify_max", args, kw); err != nil {
				return nil, err
			}
			return None, heapify(t, args[0], "_heapify_max", true)
		})
		return m, nil
	})
}
