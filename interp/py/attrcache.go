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
}

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
	dt := descr.Type()
	switch {
	case dt.DescrGet != nil && dt.DescrSet != nil:
		e.kind, e.get = attrData, dt.DescrGet
	case dt.DescrSet != nil:
		e.kind = attrSetOnly
	case dt == FunctionType:
		e.kind, e.get = attrFunction, dt.DescrGet
	case dt.DescrGet != nil:
		e.kind, e.get = attrNonData, dt.DescrGet
	default:
		e.kind = attrPlain
	}
	return e
}

// lookupCached returns the cache entry for typ at slot, refreshing it.
func lookupCached(slot *atomic.Pointer[attrCache], typ *Type, name *Str) *attrCache {
	ver := typ.version.Load()
	if e := slot.Load(); e != nil && e.typ == typ && e.ver == ver {
		return e
	}
	e := newAttrCache(typ, ver, name)
	slot.Store(e)
	return e
}

// loadAttrInstance is GenericGetAttr for an *Instance using the cache.
func loadAttrInstance(t *Thread, slot *atomic.Pointer[attrCache], in *Instance, name *Str) (Object, error) {
	typ := in.typ
	e := lookupCached(slot, typ, name)
	if e.kind == attrData {
		return e.get(t, e.descr, in, typ)
	}
	if in.dict != nil {
		if v := in.dict.getStr(name); v != nil {
			return v, nil
		}
	}
	switch e.kind {
	case attrFunction:
		return &Method{Func: e.descr, Self: in}, nil
	case attrNonData:
		return e.get(t, e.descr, in, typ)
	case attrPlain, attrSetOnly:
		return e.descr, nil
	}
	return nil, attributeError(in, name)
}
