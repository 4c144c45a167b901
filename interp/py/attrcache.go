package py

import "sync/atomic"

// attrCache is the inline cache of one LOAD_ATTR or LOAD_METHOD
// instruction: what the class attribute lookup found for instances of one
// type at one type version. Entries are immutable; threads replace them
// whole, so a racing reader sees either the old or the new entry.
type attrCache struct {
	typ   *Type
	ver   uint64
	descr Object // the class attribute, or nil
	kind  uint8
	get   DescrGetFunc
	// next is the entry for another type seen at the same instruction:
	// sites such as shape.area() over a list of mixed subclasses see a
	// few types in turn, and a single entry would be rebuilt on every
	// call. The chain is immutable and at most attrCacheWays long.
	next  *attrCache
	depth uint8
	// slot is 1 + the index of the __slots__ member when descr is one
	// (read and written by the loop without the descriptor call), else 0.
	slot int
	// hint is where the name was last found in an instance's dict
	// (Dict.getStrHint): the one mutable field, a guess that is checked.
	hint atomic.Int32
	// method is descr when that is a method descriptor to call unbound
	// (neither a classmethod nor a staticmethod), else nil: what
	// builtinMethod returns, decided once here rather than per lookup.
	method *MethodDescr
}

// attrCacheWays bounds how many types one instruction remembers; a site
// that sees more (megamorphic) starts a new chain.
const attrCacheWays = 4

const (
	attrNone     uint8 = iota // no class attribute: instance dict only
	attrData                  // data descriptor: it wins over the instance dict
	attrNonData               // non-data descriptor (functions, classmethods, ...)
	attrPlain                 // plain class attribute
	attrFunction              // a Python function (LOAD_METHOD needs no binding)
	attrSetOnly               // __set__ without __get__: read like a plain attribute, but stores go to it
)

func newAttrCache(typ *Type, ver uint64, name *Str) *attrCache {
	descr := typ.Lookup(name)
	e := &attrCache{typ: typ, ver: ver, descr: descr}
	if descr == nil {
		return e
	}
	if m, ok := descr.(*memberDescr); ok && m.owner != nil && typ.IsSubtype(m.owner) {
		e.slot = m.index + 1
	}
	if md, ok := descr.(*MethodDescr); ok && !md.IsClass && !md.IsStatic {
		e.method = md
	}
	dt := descr.Type()
	switch {
	case LoadPtr(&dt.DescrGet) != nil && LoadPtr(&dt.DescrSet) != nil:
		e.kind, e.get = attrData, LoadPtr(&dt.DescrGet)
	case LoadPtr(&dt.DescrSet) != nil:
		e.kind = attrSetOnly
	case dt == FunctionType:
		e.kind, e.get = attrFunction, LoadPtr(&dt.DescrGet)
	case LoadPtr(&dt.DescrGet) != nil:
		e.kind, e.get = attrNonData, LoadPtr(&dt.DescrGet)
	default:
		e.kind = attrPlain
	}
	return e
}

// lookupCached returns the cache entry for typ at slot, refreshing it.
func lookupCached(slot *atomic.Pointer[attrCache], typ *Type, name *Str) *attrCache {
	// the first two entries checked here (no entry in a slot has
	// version 0, so a type without a version never matches); anything
	// else in lookupChain, so that the common cases keep nothing in
	// memory across a call
	if e := slot.Load(); e != nil {
		ver := typ.version.Load()
		if e.typ == typ && e.ver == ver {
			return e
		}
		// a site that sees two types in turn (shape.area() over a list
		// of two subclasses) finds the other in the second entry,
		// without lookupChain's call (about half of its cost)
		if n := e.next; n != nil && n.typ == typ && n.ver == ver {
			return n
		}
	}
	return lookupChain(slot, typ, name)
}

// firstCached is the slot's first entry when it is current for typ, else
// nil (no entry in a slot has version 0, so a type without a version
// never matches). Small enough to be inlined.
func firstCached(slot *atomic.Pointer[attrCache], typ *Type) *attrCache {
	if e := slot.Load(); e != nil && e.typ == typ && e.ver == typ.version.Load() {
		return e
	}
	return nil
}

// lookupChain is lookupCached past the first entry: the rest of the
// chain, or a new entry.
func lookupChain(slot *atomic.Pointer[attrCache], typ *Type, name *Str) *attrCache {
	ver := typ.version.Load()
	if ver == 0 {
		// a type without a version cannot be cached
		return newAttrCache(typ, ver, name)
	}
	head := slot.Load()
	for e := head; e != nil; e = e.next {
		if e.typ == typ {
			if e.ver == ver {
				return e
			}
			break
		}
	}
	e := newAttrCache(typ, ver, name)
	// Keep the other types' entries; drop a stale one for typ.
	var rest *attrCache
	if head != nil && head.depth+1 < attrCacheWays {
		rest = head
		if rest.typ == typ {
			rest = rest.next
		}
	}
	if rest != nil && chainHas(rest, typ) {
		rest = nil
	}
	e.next = rest
	if rest != nil {
		e.depth = rest.depth + 1
	}
	slot.Store(e)
	return e
}

// loadAttrInstance is GenericGetAttr for an *Instance using the cache.
func loadAttrInstance(t *Thread, slot *atomic.Pointer[attrCache], in *Instance, name *Str) (Object, error) {
	typ := LoadPtr(&in.typ)
	return loadAttrEntry(t, lookupCached(slot, typ, name), in, typ, name)
}

// loadAttrEntry is loadAttrInstance with the cache entry for in's type
// typ (loaded once by the caller: __class__ may change meanwhile).
func loadAttrEntry(t *Thread, e *attrCache, in *Instance, typ *Type, name *Str) (Object, error) {
	if e.kind == attrData {
		return descrGetContext(t, e, in, typ, name)
	}
	if d := LoadPtr(&in.dict); d != nil {
		if v := d.getStr(name); v != nil {
			return v, nil
		}
	}
	switch e.kind {
	case attrFunction:
		return &Method{Func: e.descr, Self: in}, nil
	case attrNonData:
		return descrGetContext(t, e, in, typ, name)
	case attrPlain, attrSetOnly:
		return e.descr, nil
	}
	return nil, attributeError(in, name)
}

// descrGetContext calls the entry's descriptor getter; an AttributeError
// it raises gets the attribute's name and object, as GetAttr's do.
func descrGetContext(t *Thread, e *attrCache, in *Instance, typ *Type, name *Str) (Object, error) {
	v, err := e.get(t, e.descr, in, typ)
	if err != nil {
		attributeErrorContext(err, in, name)
	}
	return v, err
}

// chainHas reports whether a cache chain holds an entry for typ.
func chainHas(e *attrCache, typ *Type) bool {
	for ; e != nil; e = e.next {
		if e.typ == typ {
			return true
		}
	}
	return false
}

// propertyGetter returns the getter of a property found by a LOAD_ATTR
// cache entry when LOAD_ATTR may call it inline: a plain Python function
// of one argument (property.__get__ would call it with the instance).
func propertyGetter(e *attrCache) (*Function, *Code) {
	if e.kind != attrData {
		return nil, nil
	}
	p, ok := e.descr.(*Property)
	if !ok {
		return nil, nil
	}
	fn, ok := p.load().Get.(*Function)
	if !ok {
		return nil, nil
	}
	if code := fn.inlineCode(1); code != nil {
		return fn, code
	}
	return nil, nil
}

// slotValue reads the __slots__ member an entry names from in, or nil
// (not a member entry, or the member is unset: the general path raises).
func (e *attrCache) slotValue(in *Instance) Object {
	if i := e.slot - 1; i >= 0 && i < len(in.slots) {
		return in.getSlot(i)
	}
	return nil
}

// instanceAttrFast is LOAD_ATTR's inline path for an instance: a
// __slots__ member that is set, or a value in the instance dict when no
// data descriptor on the class takes precedence. nil: the general path.
func instanceAttrFast(e *attrCache, in *Instance, name *Str) Object {
	if e.slot > 0 {
		return e.slotValue(in)
	}
	if d := LoadPtr(&in.dict); e.kind != attrData && d != nil {
		return d.getStrHint(name, &e.hint)
	}
	return nil
}

// builtinMethod is LOAD_METHOD's path for values without an instance dict
// (str, list, dict, ...): the method descriptor that the cache at slot
// finds for name on obj's type, to be called unbound with obj first, or
// nil when that is not what obj.name is. It is one call from the loop
// rather than three (the type tests, Type, lookupCached) with the cache's
// first entry checked in it; a str, a list or a dict, the common
// receivers, skip the interface call for their type.
func builtinMethod(slot *atomic.Pointer[attrCache], obj Object, name *Str) *MethodDescr {
	var typ *Type
	if _, ok := obj.(*Str); ok {
		typ = StrType
	} else if _, ok := obj.(*List); ok {
		typ = ListType
	} else if d, ok := obj.(*Dict); ok {
		typ = d.Type()
	} else if hasInstanceDict(obj) {
		return nil
	} else {
		typ = obj.Type()
	}
	if LoadPtr(&typ.GetAttr) != nil {
		return nil
	}
	e := firstCached(slot, typ)
	if e == nil {
		e = lookupChain(slot, typ, name)
	}
	return e.method
}
