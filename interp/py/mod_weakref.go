package py

import (
	"fmt"
	"reflect"
	"runtime"
	"sync"
	"unsafe"
	"weak"
)

// Weak references are built on Go's weak pointers. A referent is
// identified by the data word of its interface value; the interface's type
// word is kept (it is never collected) so that the Object can be rebuilt
// while the referent is alive.
//
// Callbacks run after Go's collector has found the referent unreachable,
// from a runtime.AddCleanup function, on the finalizer worker (finalize.go): not
// at once when the last reference goes away, as in PyPy (docs/threading.md).

var (
	RefType              = newBuiltinType("ReferenceType", ObjectType)
	ProxyType            = newBuiltinType("ProxyType", ObjectType)
	CallableProxyTypeObj = newBuiltinType("CallableProxyType", ObjectType)
)

// WeakRef is a weakref.ref (or a proxy when proxy is set).
type WeakRef struct {
	ptr      weak.Pointer[byte]
	tab      unsafe.Pointer // the referent's interface type word
	callback Object         // nil when there is none
	self     weak.Pointer[Instance]
	proxy    bool
	callable bool

	hashMu  sync.Mutex
	hash    int64
	hasHash bool
}

// Type returns ReferenceType or a proxy type.
func (r *WeakRef) Type() *Type {
	switch {
	case r.proxy && r.callable:
		return CallableProxyTypeObj
	case r.proxy:
		return ProxyType
	}
	return RefType
}

type ifaceWords struct {
	tab, data unsafe.Pointer
}

// get returns the referent, or nil once it has been collected.
func (r *WeakRef) get() Object {
	p := r.ptr.Value()
	if p == nil {
		return nil
	}
	var o Object
	w := (*ifaceWords)(unsafe.Pointer(&o))
	w.tab, w.data = r.tab, unsafe.Pointer(p)
	return o
}

// outer is the Python object for r: the subclass instance wrapping it, if
// any (weakref.KeyedRef, WeakMethod), else r itself.
func (r *WeakRef) outer() Object {
	if in := r.self.Value(); in != nil {
		return in
	}
	return r
}

// referentState is what the registry knows about one referent: its live
// weak references, oldest first.
type referentState struct {
	refs []weak.Pointer[WeakRef]
}

var (
	weakMu       sync.Mutex
	weakRegistry = map[weak.Pointer[byte]]*referentState{}
)

// weakrefable reports whether o may be the target of a weak reference, as
// in CPython: not the immutable scalars, str, tuple, bytes, list or dict
// (though instances of their subclasses may be).
func weakrefable(o Object) bool {
	if in, ok := o.(*Instance); ok && LoadPtr(&in.typ).classStmt && !LoadPtr(&in.typ).hasWeakref {
		// a class whose __slots__ leave out __weakref__, or a subclass
		// of int, tuple or bytes
		return false
	}
	switch o.(type) {
	case *Str, *Tuple, *List, *Dict, *BigInt, *Bytes, *BaseException:
		if _, ok := o.(*BaseException); ok {
			return true
		}
		return false
	}
	return reflect.TypeOf(o).Kind() == reflect.Pointer
}

func weakTarget(o Object) (weak.Pointer[byte], unsafe.Pointer, error) {
	if !weakrefable(o) {
		return weak.Pointer[byte]{}, nil, TypeErrorf("cannot create weak reference to '%s' object", typeName(o))
	}
	w := (*ifaceWords)(unsafe.Pointer(&o))
	return weak.Make((*byte)(w.data)), w.tab, nil
}

// newWeakRef returns a weak reference to o. Without a callback an existing
// plain reference of the base type is shared, as CPython does.
// Referent returns the object r refers to, or nil once it is gone.
func (r *WeakRef) Referent() Object { return r.get() }

// NewWeakProxy is weakref.proxy(o, callback): callback None for none.
func NewWeakProxy(o, callback Object) (Object, error) {
	return newWeakRef(o, callback, true, true)
}

func newWeakRef(o, callback Object, proxy, shareable bool) (*WeakRef, error) {
	wp, tab, err := weakTarget(o)
	if err != nil {
		return nil, err
	}
	if callback == None {
		callback = nil
	}
	callable := false
	if proxy {
		callable = LoadPtr(&o.Type().Call) != nil
	}
	weakMu.Lock()
	defer weakMu.Unlock()
	st := weakRegistry[wp]
	if st == nil {
		st = &referentState{}
		weakRegistry[wp] = st
		data := (*ifaceWords)(unsafe.Pointer(&o)).data
		runtime.AddCleanup((*byte)(data), referentDied, wp)
	}
	if callback == nil && shareable {
		for _, rp := range st.refs {
			if r := rp.Value(); r != nil && r.callback == nil && r.proxy == proxy && r.self.Value() == nil {
				return r, nil
			}
		}
	}
	r := &WeakRef{ptr: wp, tab: tab, callback: callback, proxy: proxy, callable: callable}
	st.refs = append(st.refs, weak.Make(r))
	return r, nil
}

// referentDied runs (on the runtime's cleanup goroutine) once the referent
// is unreachable: it drops the registry entry and starts the callbacks of
// the references still alive, newest first as in CPython.
func referentDied(wp weak.Pointer[byte]) {
	weakMu.Lock()
	st := weakRegistry[wp]
	delete(weakRegistry, wp)
	weakMu.Unlock()
	if st == nil {
		return
	}
	var pending []*WeakRef
	for i := len(st.refs) - 1; i >= 0; i-- {
		if r := st.refs[i].Value(); r != nil && r.callback != nil {
			pending = append(pending, r)
		}
	}
	if len(pending) == 0 {
		return
	}
	// Python code may block: never run it on the cleanup goroutine. The
	// finalizer worker runs it (finalize.go), so gc.collect() waits for it.
	queueFinalizer(func(t *Thread) {
		for _, r := range pending {
			cb := r.callback
			if _, err := Call1(t, cb, r.outer()); err != nil {
				reportUnraisable(t, err, cb)
			}
		}
	})
}

// reportUnraisable reports an exception that cannot propagate, as
// CPython's PyErr_WriteUnraisable(obj) does (unraisable.go).
func reportUnraisable(t *Thread, err error, obj Object) { WriteUnraisable(t, err, "", obj) }

// liveRefs returns the live weak references to o, oldest first.
func liveRefs(o Object) []*WeakRef {
	if !weakrefable(o) {
		return nil
	}
	w := (*ifaceWords)(unsafe.Pointer(&o))
	wp := weak.Make((*byte)(w.data))
	weakMu.Lock()
	defer weakMu.Unlock()
	st := weakRegistry[wp]
	if st == nil {
		return nil
	}
	var out []*WeakRef
	kept := st.refs[:0]
	for _, rp := range st.refs {
		if r := rp.Value(); r != nil {
			out = append(out, r)
			kept = append(kept, rp)
		}
	}
	st.refs = kept
	return out
}

func asWeakRef(o Object) (*WeakRef, bool) {
	r, ok := unwrap(o).(*WeakRef)
	return r, ok
}

func weakRefNew(proxy bool) NewFunc {
	return func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		npos := len(args) - len(kw)
		fname := "__new__"
		if npos < 1 || npos > 2 {
			if npos < 1 {
				return nil, TypeErrorf("__new__ expected at least 1 argument, got %d", npos)
			}
			return nil, TypeErrorf("__new__ expected at most 2 arguments, got %d", npos)
		}
		if len(kw) > 0 && typ == RefType {
			return nil, TypeErrorf("ref() takes no keyword arguments")
		}
		_ = fname
		var cb Object = None
		if npos == 2 {
			cb = args[1]
		}
		sub := typ != RefType && typ != ProxyType
		r, err := newWeakRef(args[0], cb, proxy, !sub)
		if err != nil {
			return nil, err
		}
		if !sub {
			return r, nil
		}
		in := NewInstance(typ)
		in.Base = r
		r.self = weak.Make(in)
		// the instance must stay alive as long as r is reachable from it;
		// r.self is weak so the callback sees the instance if it lives.
		return in, nil
	}
}

func weakRefRepr(t *Thread, o Object) (Object, error) {
	r, _ := asWeakRef(o)
	obj := r.get()
	addr := Id(o)
	kind := "weakref"
	if r.proxy {
		kind = "weakproxy"
	}
	if obj == nil {
		return NewStr(fmt.Sprintf("<%s at %#x; dead>", kind, addr)), nil
	}
	name := ""
	if n, err := GetAttrOpt(t, obj, Intern("__name__")); err == nil && n != nil {
		if s, ok := n.(*Str); ok {
			name = s.s
		}
	}
	if r.proxy {
		return NewStr(fmt.Sprintf("<weakproxy at %#x; to '%s' at %#x>", addr, obj.Type().FullName(), Id(obj))), nil
	}
	if name != "" {
		return NewStr(fmt.Sprintf("<weakref at %#x; to '%s' at %#x (%s)>", addr, obj.Type().FullName(), Id(obj), name)), nil
	}
	return NewStr(fmt.Sprintf("<weakref at %#x; to '%s' at %#x>", addr, obj.Type().FullName(), Id(obj))), nil
}

// proxyTarget returns the live referent of a proxy or ReferenceError.
func proxyTarget(o Object) (Object, error) {
	r, _ := asWeakRef(o)
	obj := r.get()
	if obj == nil {
		return nil, NewError(ReferenceErrorType, "weakly-referenced object no longer exists")
	}
	return obj, nil
}

func init() {
	RefType.Flags.Or(FlagBaseType)
	RefType.New = weakRefNew(false)
	RefType.Init = func(t *Thread, self Object, args []Object, kw []string) error { return nil }
	RefType.Call = func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) > 0 {
			if len(kw) > 0 {
				return nil, TypeErrorf("weakref() takes no keyword arguments")
			}
			return nil, TypeErrorf("weakref() takes exactly 0 arguments (%d given)", len(args))
		}
		r, _ := asWeakRef(self)
		if o := r.get(); o != nil {
			return o, nil
		}
		return None, nil
	}
	RefType.Repr = weakRefRepr
	RefType.Hash = func(t *Thread, self Object) (int64, error) {
		r, _ := asWeakRef(self)
		r.hashMu.Lock()
		if r.hasHash {
			h := r.hash
			r.hashMu.Unlock()
			return h, nil
		}
		r.hashMu.Unlock()
		o := r.get()
		if o == nil {
			return 0, TypeErrorf("weak object has gone away")
		}
		h, err := Hash(t, o)
		if err != nil {
			return 0, err
		}
		r.hashMu.Lock()
		r.hash, r.hasHash = h, true
		r.hashMu.Unlock()
		return h, nil
	}
	RefType.RichCompare = func(t *Thread, a, b Object, op CompareOp) (Object, error) {
		ra, ok1 := asWeakRef(a)
		rb, ok2 := asWeakRef(b)
		if !ok1 || !ok2 || (op != EQ && op != NE) || ra.proxy || rb.proxy {
			return NotImplemented, nil
		}
		oa, ob := ra.get(), rb.get()
		if oa == nil || ob == nil {
			same := unwrap(a) == unwrap(b)
			return NewBool(same == (op == EQ)), nil
		}
		return RichCompare(t, oa, ob, op)
	}
	RefType.AddGetSet("__callback__", func(t *Thread, o Object) (Object, error) {
		r, _ := asWeakRef(o)
		if r.callback == nil || r.get() == nil {
			return None, nil
		}
		return r.callback, nil
	}, nil)
	RefType.AddClassMethod("__class_getitem__", func(t *Thread, cls Object, args []Object, kw []string) (Object, error) {
		return cls, nil
	})

	for _, pt := range []*Type{ProxyType, CallableProxyTypeObj} {
		pt.Flags.And(^uint64(FlagBaseType))
		pt.New = nil
		pt.Repr = weakRefRepr
		pt.Hash = func(t *Thread, self Object) (int64, error) {
			return 0, TypeErrorf("unhashable type: '%s'", typeName(self))
		}
		pt.GetAttr = func(t *Thread, self Object, name *Str) (Object, error) {
			obj, err := proxyTarget(self)
			if err != nil {
				return nil, err
			}
			return GetAttr(t, obj, name)
		}
		pt.SetAttr = func(t *Thread, self Object, name *Str, v Object) error {
			obj, err := proxyTarget(self)
			if err != nil {
				return err
			}
			return SetAttr(t, obj, name, v)
		}
		pt.Str = func(t *Thread, self Object) (Object, error) {
			obj, err := proxyTarget(self)
			if err != nil {
				return nil, err
			}
			return StrOf(t, obj)
		}
		pt.Bool = func(t *Thread, self Object) (bool, error) {
			obj, err := proxyTarget(self)
			if err != nil {
				return false, err
			}
			return IsTrue(t, obj)
		}
		pt.Len = func(t *Thread, self Object) (int, error) {
			obj, err := proxyTarget(self)
			if err != nil {
				return 0, err
			}
			return Len(t, obj)
		}
		pt.Iter = func(t *Thread, self Object) (Object, error) {
			obj, err := proxyTarget(self)
			if err != nil {
				return nil, err
			}
			return Iter(t, obj)
		}
		pt.GetItem = func(t *Thread, self, key Object) (Object, error) {
			obj, err := proxyTarget(self)
			if err != nil {
				return nil, err
			}
			return GetItem(t, obj, key)
		}
		pt.SetItem = func(t *Thread, self, key, v Object) error {
			obj, err := proxyTarget(self)
			if err != nil {
				return err
			}
			if v == nil {
				return DelItem(t, obj, key)
			}
			return SetItem(t, obj, key, v)
		}
		pt.Contains = func(t *Thread, self, v Object) (bool, error) {
			obj, err := proxyTarget(self)
			if err != nil {
				return false, err
			}
			return Contains(t, obj, v)
		}
		pt.RichCompare = func(t *Thread, a, b Object, op CompareOp) (Object, error) {
			if r, ok := asWeakRef(a); ok && r.proxy {
				obj, err := proxyTarget(a)
				if err != nil {
					return nil, err
				}
				a = obj
			}
			if r, ok := asWeakRef(b); ok && r.proxy {
				obj, err := proxyTarget(b)
				if err != nil {
					return nil, err
				}
				b = obj
			}
			return RichCompare(t, a, b, op)
		}
	}
	CallableProxyTypeObj.Call = func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		obj, err := proxyTarget(self)
		if err != nil {
			return nil, err
		}
		return Call(t, obj, args, kw)
	}
	registerType(RefType, ProxyType, CallableProxyTypeObj)

	RegisterNativeModule("_weakref", func(t *Thread) (*Module, error) {
		m := NewModule("_weakref")
		for _, typ := range []*Type{RefType, ProxyType, CallableProxyTypeObj} {
			typ.Dict.SetStr("__module__", NewStr("weakref"))
		}
		d := m.Dict()
		d.SetStr("ref", RefType)
		d.SetStr("ReferenceType", RefType)
		d.SetStr("ProxyType", ProxyType)
		d.SetStr("CallableProxyType", CallableProxyTypeObj)
		m.AddFunc("getweakrefcount", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var o Object
			if err := ParseArgs("getweakrefcount", args, kw, []string{""}, 1, &o); err != nil {
				return nil, err
			}
			return Int(len(liveRefs(o))), nil
		})
		m.AddFunc("getweakrefs", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var o Object
			if err := ParseArgs("getweakrefs", args, kw, []string{""}, 1, &o); err != nil {
				return nil, err
			}
			refs := liveRefs(o)
			items := make([]Object, len(refs))
			for i, r := range refs {
				items[i] = r.outer()
			}
			return NewList(items...), nil
		})
		m.AddFunc("proxy", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var o, cb Object = nil, None
			if err := ParseArgs("proxy", args, kw, []string{"", ""}, 1, &o, &cb); err != nil {
				return nil, err
			}
			return NewWeakProxy(o, cb)
		})
		m.AddFunc("_remove_dead_weakref", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var d, key Object
			if err := ParseArgs("_remove_dead_weakref", args, kw, []string{"", ""}, 2, &d, &key); err != nil {
				return nil, err
			}
			dict, ok := unwrap(d).(*Dict)
			if !ok {
				return nil, TypeErrorf("_remove_dead_weakref() argument 1 must be dict, not %s", typeName(d))
			}
			v, err := dict.GetItem(t, key)
			if err != nil || v == nil {
				return None, nil
			}
			if r, ok := asWeakRef(v); ok && r.get() == nil {
				if _, _, err := dict.Pop(t, key); err != nil && !IsInstanceOf(err, KeyErrorType) {
					return nil, err
				}
			}
			return None, nil
		})
		return m, nil
	})
}
