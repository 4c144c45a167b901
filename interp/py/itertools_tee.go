package py

import "sync"

// itertools.tee, laid out as CPython 3.11's so that it pickles and copies
// as CPython's does: the copies share a chain of _tee_dataobject blocks
// of teeLinkCells fetched items each, and each copy is a position (block,
// index) in the chain. A block nobody points at any more is collected
// with its items.
//
// One teeShared lock guards every block of a chain (the items fetched
// and the links). fetching is set while one copy runs the source's
// __next__ (without the lock, since it may run any Python code): a copy
// that then needs a new item raises RuntimeError, as CPython's tee does
// when re-entered, instead of waiting for a fetch that may be waiting
// for it.

// teeLinkCells is CPython's LINKCELLS: the items of one block.
const teeLinkCells = 57

type teeShared struct {
	mu       sync.Mutex
	fetching bool
}

// teeData is an itertools._tee_dataobject: up to teeLinkCells items read
// from it, and the next block once a copy has read past the last.
type teeData struct {
	sh      *teeShared
	it      Object
	values  [teeLinkCells]Object
	numread int
	next    *teeData
}

var teeDataType *Type

func (d *teeData) Type() *Type { return teeDataType }

// newTee makes a tee over the iterator src.
func newTeeOf(src Object) *itIter {
	return newTee(&teeData{sh: &teeShared{}, it: src}, 0)
}

// newTee makes a copy of tee positioned at item i of block d.
func newTee(d *teeData, i int) *itIter {
	it := &itIter{typ: teeTypeRef}
	it.next = func(t *Thread) (Object, error) {
		sh := d.sh
		sh.mu.Lock()
		if i >= teeLinkCells {
			if d.next == nil {
				d.next = &teeData{sh: sh, it: d.it}
			}
			d, i = d.next, 0
		}
		if i < d.numread {
			v := d.values[i]
			i++
			sh.mu.Unlock()
			return v, nil
		}
		if sh.fetching {
			sh.mu.Unlock()
			return nil, Errorf(RuntimeErrorType, "cannot re-enter the tee iterator")
		}
		sh.fetching = true
		src := d.it
		sh.mu.Unlock()
		// an exhausted source is asked again, as CPython's tee does
		v, err := Next(t, src)
		sh.mu.Lock()
		defer sh.mu.Unlock()
		sh.fetching = false
		if err != nil || v == nil {
			return nil, err
		}
		// nobody else appended meanwhile: fetching kept them out. (A
		// __setstate__ index past the items read is CPython's too: the
		// item goes to the next free cell.)
		d.values[d.numread] = v
		d.numread++
		i++
		return v, nil
	}
	it.copyFn = func() Object {
		it.mu.Lock()
		c := newTee(d, i)
		it.mu.Unlock()
		return c
	}
	it.reduce = func(t *Thread) (Object, error) {
		return reduced(teeTypeRef, []Object{NewTuple()}, NewTuple(d, Int(i))), nil
	}
	it.setstate = func(t *Thread, st Object) error {
		items, err := stateTuple(st, 2, 2)
		if err != nil {
			return err
		}
		nd, ok := items[0].(*teeData)
		if !ok {
			return TypeErrorf("argument 1 must be itertools._tee_dataobject, not %s", typeName(items[0]))
		}
		n, err := AsInt64(t, items[1])
		if err != nil {
			return err
		}
		if n < 0 || n > teeLinkCells {
			return ValueErrorf("Index out of range")
		}
		d, i = nd, int(n)
		return nil
	}
	return it
}

// initTeeData makes the _tee_dataobject type: built from the reduction
// (it, values, next) that its __reduce__ gives.
func initTeeData() {
	typ := newBuiltinType("_tee_dataobject", ObjectType)
	typ.New = func(t *Thread, cls *Type, args []Object, kw []string) (Object, error) {
		if len(kw) > 0 {
			return nil, TypeErrorf("teedataobject() takes no keyword arguments")
		}
		if len(args) != 3 {
			return nil, TypeErrorf("teedataobject expected 3 arguments, got %d", len(args))
		}
		values, ok := args[1].(*List)
		if !ok {
			return nil, TypeErrorf("teedataobject() argument 2 must be list, not %s", typeName(args[1]))
		}
		items := values.Items()
		next := args[2]
		if len(items) > teeLinkCells || len(items) < teeLinkCells && next != None {
			return nil, ValueErrorf("Invalid arguments")
		}
		d := &teeData{it: args[0]}
		d.numread = copy(d.values[:], items)
		if next != None {
			nd, ok := next.(*teeData)
			if !ok {
				return nil, ValueErrorf("Invalid arguments")
			}
			// one lock for the whole chain
			d.sh, d.next = nd.sh, nd
		} else {
			d.sh = &teeShared{}
		}
		return d, nil
	}
	typ.AddMethod("__reduce__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := collArgRange("_tee_dataobject.__reduce__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		d, ok := self.(*teeData)
		if !ok {
			return nil, TypeErrorf("descriptor '__reduce__' requires a '_tee_dataobject' object")
		}
		d.sh.mu.Lock()
		values := NewList(append([]Object(nil), d.values[:d.numread]...)...)
		var next Object = None
		if d.next != nil {
			next = d.next
		}
		d.sh.mu.Unlock()
		return reduced(typ, []Object{d.it, values, next}), nil
	})
	teeDataType = typ
	itTypes["_tee_dataobject"] = typ
	registerType(typ)
}
