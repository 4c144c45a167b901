package py

import (
	"sync"
	"sync/atomic"
	"weak"
)

// _abc, the accelerator abc.py uses for ABCMeta when it can import it
// (CPython 3.11's Modules/_abc.c): the registry and the positive and
// negative subclass caches of each ABC, kept as sets of weak pointers to
// classes (a cached class can still be collected), under a per-ABC mutex;
// the global invalidation counter that register() bumps. _abc_init also
// turns collections.abc's __abc_tpflags__ into the Sequence/Mapping type
// flags the match statement reads, and register() passes them on to the
// registered class and its subclasses, as CPython does (with abc.py's
// pure-Python fallback, `case [a, b]:` did not match a
// collections.abc.Sequence subclass).

var abcInvalidation atomic.Uint64

type weakTypeSet map[weak.Pointer[Type]]struct{}

func (s weakTypeSet) has(t *Type) bool {
	_, ok := s[weak.Make(t)]
	return ok
}

func (s weakTypeSet) add(t *Type) { s[weak.Make(t)] = struct{}{} }

// live returns the classes still alive.
func (s weakTypeSet) live() []*Type {
	var out []*Type
	for k := range s {
		if t := k.Value(); t != nil {
			out = append(out, t)
		} else {
			delete(s, k)
		}
	}
	return out
}

// abcData is _abc._abc_data, an ABC's _abc_impl.
type abcData struct {
	mu                        sync.Mutex
	registry, cache, negCache weakTypeSet
	negVersion                uint64
}

var abcDataType = newBuiltinType("_abc_data", ObjectType)

func (*abcData) Type() *Type { return abcDataType }

func (d *abcData) inCache(t *Type) bool {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.cache.has(t)
}

func (d *abcData) addCache(t *Type, negative bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if negative {
		d.negCache.add(t)
	} else {
		d.cache.add(t)
	}
}

// abcImpl returns cls._abc_impl.
func abcImpl(t *Thread, cls Object) (*abcData, error) {
	v, err := GetAttrString(t, cls, "_abc_impl")
	if err != nil {
		return nil, err
	}
	d, ok := v.(*abcData)
	if !ok {
		return nil, TypeErrorf("_abc_impl is set to a wrong type")
	}
	return d, nil
}

// abcComputeAbstract sets cls.__abstractmethods__.
func abcComputeAbstract(t *Thread, cls Object) error {
	abstracts := NewSet()
	isAbstract := func(v Object) (bool, error) {
		a, err := GetAttrOpt(t, v, Intern("__isabstractmethod__"))
		if err != nil || a == nil {
			return false, err
		}
		return IsTrue(t, a)
	}
	nsObj, err := GetAttrString(t, cls, "__dict__")
	if err != nil {
		return err
	}
	items, err := CallMethod(t, nsObj, "items")
	if err != nil {
		return err
	}
	pairs, err := ToSlice(t, items)
	if err != nil {
		return err
	}
	for _, p := range pairs {
		kv, ok := p.(*Tuple)
		if !ok || len(kv.items) != 2 {
			return TypeErrorf("items() returned item which is not a 2-tuple")
		}
		ab, err := isAbstract(kv.items[1])
		if err != nil {
			return err
		}
		if ab {
			if err := abstracts.add(t, kv.items[0]); err != nil {
				return err
			}
		}
	}
	bases, err := GetAttrString(t, cls, "__bases__")
	if err != nil {
		return err
	}
	bt, ok := bases.(*Tuple)
	if !ok {
		return TypeErrorf("__bases__ is not tuple")
	}
	for _, b := range bt.items {
		names, err := GetAttrOpt(t, b, Intern("__abstractmethods__"))
		if err != nil {
			return err
		}
		if names == nil {
			continue
		}
		list, err := ToSlice(t, names)
		if err != nil {
			return err
		}
		for _, n := range list {
			ns, ok := n.(*Str)
			if !ok {
				continue
			}
			v, err := GetAttrOpt(t, cls, ns)
			if err != nil {
				return err
			}
			if v == nil {
				continue
			}
			ab, err := isAbstract(v)
			if err != nil {
				return err
			}
			if ab {
				if err := abstracts.add(t, n); err != nil {
					return err
				}
			}
		}
	}
	frozen, err := Call1(t, FrozenSetType, abstracts)
	if err != nil {
		return err
	}
	return SetAttr(t, cls, Intern("__abstractmethods__"), frozen)
}

const abcCollectionFlags = FlagSequence | FlagMapping

// setCollectionFlag gives child (and its subclasses) the ABC's
// Sequence or Mapping flag; built-in types keep theirs.
func setCollectionFlag(child *Type, flag uint64) {
	if !child.isHeap() || child.Flags.Load()&abcCollectionFlags == flag {
		return
	}
	// Compare-and-swap rather than a store: another thread may set or
	// clear FlagAbstract in the same word meanwhile.
	for {
		old := child.Flags.Load()
		if child.Flags.CompareAndSwap(old, old&^abcCollectionFlags|flag) {
			break
		}
	}
	child.subMu.Lock()
	subs := append([]*Type(nil), child.subclasses...)
	child.subMu.Unlock()
	for _, s := range subs {
		setCollectionFlag(s, flag)
	}
}

func abcSubclassCheck(t *Thread, self Object, subObj Object) (Object, error) {
	sub, ok := subObj.(*Type)
	if !ok {
		return nil, TypeErrorf("issubclass() arg 1 must be a class")
	}
	d, err := abcImpl(t, self)
	if err != nil {
		return nil, err
	}
	// 1. the cache
	if d.inCache(sub) {
		return True, nil
	}
	// 2. the negative cache, invalidated by any register() since
	d.mu.Lock()
	if v := abcInvalidation.Load(); d.negVersion < v {
		d.negCache = weakTypeSet{}
		d.negVersion = v
	} else if d.negCache.has(sub) {
		d.mu.Unlock()
		return False, nil
	}
	d.mu.Unlock()
	// 3. the subclass hook
	ok2, err := CallMethod(t, self, "__subclasshook__", sub)
	if err != nil {
		return nil, err
	}
	switch ok2 {
	case True:
		d.addCache(sub, false)
		return True, nil
	case False:
		d.addCache(sub, true)
		return False, nil
	case NotImplemented:
	default:
		return nil, NewError(AssertionErrorType, "__subclasshook__ must return either False, True, or NotImplemented")
	}
	// 4. a direct subclass
	if st, ok := self.(*Type); ok {
		for _, m := range sub.MRO() {
			if m == st {
				d.addCache(sub, false)
				return True, nil
			}
		}
	}
	// 5. a subclass of a registered class
	d.mu.Lock()
	registered := d.registry.live()
	d.mu.Unlock()
	for _, r := range registered {
		is, err := IsSubclassFull(t, sub, r)
		if err != nil {
			return nil, err
		}
		if is {
			d.addCache(sub, false)
			return True, nil
		}
	}
	// 6. a subclass of a subclass
	subs, err := CallMethod(t, self, "__subclasses__")
	if err != nil {
		return nil, err
	}
	list, err := ToSlice(t, subs)
	if err != nil {
		return nil, err
	}
	for _, s := range list {
		is, err := IsSubclassFull(t, sub, s)
		if err != nil {
			return nil, err
		}
		if is {
			d.addCache(sub, false)
			return True, nil
		}
	}
	d.addCache(sub, true)
	return False, nil
}

func init() {
	abcDataType.Flags.And(^uint64(FlagBaseType))
	registerType(abcDataType)
	RegisterNativeModule("_abc", func(t *Thread) (*Module, error) {
		m := NewModule("_abc")
		m.Dict().SetStr("__doc__", NewStr("Module contains faster C implementation of abc.ABCMeta"))
		arity := mathArgs // the same positional-only checks and messages
		m.AddFunc("get_cache_token", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := argCount("get_cache_token", args, kw, 0, 0); err != nil {
				return nil, err
			}
			return Int(abcInvalidation.Load()), nil
		})
		m.AddFunc("_abc_init", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := arity("_abc_init", args, kw, 1); err != nil {
				return nil, err
			}
			self := args[0]
			if err := abcComputeAbstract(t, self); err != nil {
				return nil, err
			}
			d := &abcData{registry: weakTypeSet{}, cache: weakTypeSet{}, negCache: weakTypeSet{}, negVersion: abcInvalidation.Load()}
			if err := SetAttr(t, self, Intern("_abc_impl"), d); err != nil {
				return nil, err
			}
			if st, ok := self.(*Type); ok {
				if v := st.Dict.GetStr("__abc_tpflags__"); v != nil {
					if n, ok := v.(Int); ok {
						if uint64(n)&abcCollectionFlags == abcCollectionFlags {
							return nil, TypeErrorf("__abc_tpflags__ cannot be both Py_TPFLAGS_SEQUENCE and Py_TPFLAGS_MAPPING")
						}
						st.Flags.Or(uint64(n) & abcCollectionFlags)
					}
					if _, err := st.Dict.DelItem(t, Intern("__abc_tpflags__")); err != nil {
						return nil, err
					}
					st.modified()
				}
			}
			return None, nil
		})
		m.AddFunc("_abc_register", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := arity("_abc_register", args, kw, 2); err != nil {
				return nil, err
			}
			self, subclass := args[0], args[1]
			sub, ok := subclass.(*Type)
			if !ok {
				return nil, TypeErrorf("Can only register classes")
			}
			is, err := IsSubclassFull(t, sub, self)
			if err != nil {
				return nil, err
			}
			if is {
				return subclass, nil // already a subclass
			}
			cyc, err := IsSubclassFull(t, self, sub)
			if err != nil {
				return nil, err
			}
			if cyc {
				return nil, NewError(RuntimeErrorType, "Refusing to create an inheritance cycle")
			}
			d, err := abcImpl(t, self)
			if err != nil {
				return nil, err
			}
			d.mu.Lock()
			d.registry.add(sub)
			d.mu.Unlock()
			abcInvalidation.Add(1)
			if st, ok := self.(*Type); ok {
				if f := st.Flags.Load() & abcCollectionFlags; f != 0 {
					setCollectionFlag(sub, f)
				}
			}
			return subclass, nil
		})
		m.AddFunc("_abc_instancecheck", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := arity("_abc_instancecheck", args, kw, 2); err != nil {
				return nil, err
			}
			self, instance := args[0], args[1]
			d, err := abcImpl(t, self)
			if err != nil {
				return nil, err
			}
			subclass, err := GetAttrString(t, instance, "__class__")
			if err != nil {
				return nil, err
			}
			if sc, ok := subclass.(*Type); ok && d.inCache(sc) {
				return True, nil
			}
			subtype := instance.Type()
			if subclass == Object(subtype) {
				d.mu.Lock()
				neg := d.negVersion == abcInvalidation.Load() && d.negCache.has(subtype)
				d.mu.Unlock()
				if neg {
					return False, nil
				}
				return CallMethod(t, self, "__subclasscheck__", subclass)
			}
			r, err := CallMethod(t, self, "__subclasscheck__", subclass)
			if err != nil {
				return nil, err
			}
			if yes, err := IsTrue(t, r); err != nil || yes {
				return r, err
			}
			return CallMethod(t, self, "__subclasscheck__", subtype)
		})
		m.AddFunc("_abc_subclasscheck", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := arity("_abc_subclasscheck", args, kw, 2); err != nil {
				return nil, err
			}
			return abcSubclassCheck(t, args[0], args[1])
		})
		m.AddFunc("_get_dump", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := arity("_get_dump", args, kw, 1); err != nil {
				return nil, err
			}
			d, err := abcImpl(t, args[0])
			if err != nil {
				return nil, err
			}
			d.mu.Lock()
			defer d.mu.Unlock()
			set := func(s weakTypeSet) (Object, error) {
				out := NewSet()
				for _, c := range s.live() {
					r, err := newWeakRef(c, nil, false, true)
					if err != nil {
						return nil, err
					}
					if err := out.add(t, r); err != nil {
						return nil, err
					}
				}
				return out, nil
			}
			reg, err := set(d.registry)
			if err != nil {
				return nil, err
			}
			cache, err := set(d.cache)
			if err != nil {
				return nil, err
			}
			neg, err := set(d.negCache)
			if err != nil {
				return nil, err
			}
			return NewTuple(reg, cache, neg, Int(d.negVersion)), nil
		})
		m.AddFunc("_reset_registry", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := arity("_reset_registry", args, kw, 1); err != nil {
				return nil, err
			}
			d, err := abcImpl(t, args[0])
			if err != nil {
				return nil, err
			}
			d.mu.Lock()
			d.registry = weakTypeSet{}
			d.mu.Unlock()
			return None, nil
		})
		m.AddFunc("_reset_caches", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if err := arity("_reset_caches", args, kw, 1); err != nil {
				return nil, err
			}
			d, err := abcImpl(t, args[0])
			if err != nil {
				return nil, err
			}
			d.mu.Lock()
			d.cache = weakTypeSet{}
			d.negCache = weakTypeSet{}
			d.mu.Unlock()
			return None, nil
		})
		return m, nil
	})
}
