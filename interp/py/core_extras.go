package py

import (
	"math"
	"strings"
)

// StructSeq describes a struct sequence type (sys.version_info,
// time.struct_time, os.stat_result): a tuple subclass whose items also
// have names.
type StructSeq struct {
	Type   *Type
	Fields []string
}

// NewStructSeqType makes a struct sequence type in module mod.
func NewStructSeqType(name, mod string, fields []string) *StructSeq {
	typ := &Type{names: &typeNames{name, name}, Dict: NewDict()}
	typ.Flags.Store(FlagHeapType)
	typ.SetHierarchy(TupleType, []*Type{TupleType}, nil)
	typ.version.Store(typeVersionCounter.Add(1))
	mro, _ := computeMRO(typ)
	typ.SetMRO(mro)
	inheritSlots(typ)
	typ.hasDict = false
	typ.Dict.SetStr("__module__", NewStr(mod))
	ss := &StructSeq{Type: typ, Fields: fields}
	for i, f := range fields {
		i := i
		typ.AddGetSet(f, func(t *Thread, o Object) (Object, error) {
			return unwrap(o).(*Tuple).items[i], nil
		}, nil)
	}
	typ.Dict.SetStr("n_fields", Int(len(fields)))
	typ.Dict.SetStr("n_sequence_fields", Int(len(fields)))
	typ.Repr = func(t *Thread, o Object) (Object, error) {
		items := unwrap(o).(*Tuple).items
		var b strings.Builder
		b.WriteString(mod + "." + name + "(")
		for i, f := range fields {
			if i > 0 {
				b.WriteString(", ")
			}
			r, err := ReprString(t, items[i])
			if err != nil {
				return nil, err
			}
			b.WriteString(f + "=" + r)
		}
		b.WriteString(")")
		return NewStr(b.String()), nil
	}
	typ.New = func(t *Thread, ty *Type, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("%s.%s() takes exactly 1 positional argument", mod, name)
		}
		items, err := ToSlice(t, args[0])
		if err != nil {
			return nil, err
		}
		if len(items) != len(fields) {
			return nil, TypeErrorf("%s.%s() takes a %d-sequence (%d-sequence given)", mod, name, len(fields), len(items))
		}
		return ss.Make(items...), nil
	}
	return ss
}

// Make builds an instance from its items.
func (s *StructSeq) Make(items ...Object) Object {
	in := &Instance{typ: s.Type, Base: NewTuple(append([]Object(nil), items...)...)}
	return in
}

func init() {
	BaseExceptionType.AddMethod("add_note", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("BaseException.add_note() takes exactly one argument (%d given)", len(args))
		}
		if _, ok := args[0].(*Str); !ok {
			return nil, TypeErrorf("note must be a str, not '%s'", typeName(args[0]))
		}
		e := self.(*BaseException)
		l, ok := e.notesForAdd().(*List)
		if !ok {
			return nil, TypeErrorf("Cannot add note: __notes__ is not a list")
		}
		l.Append(args[0])
		return None, nil
	})
	BaseExceptionType.AddMethod("with_traceback", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("with_traceback() takes exactly one argument (%d given)", len(args))
		}
		return self, excSetAttr(t, self, Intern("__traceback__"), args[0])
	})

	copyProp := func(self Object, which int, v Object) Object {
		st := *unwrap(self).(*Property).load()
		n := &Property{st: &st}
		switch which {
		case 0:
			st.Get = v
		case 1:
			st.Set = v
		case 2:
			st.Del = v
		}
		if self.Type() != PropertyType {
			return &Instance{typ: self.Type(), Base: n, dict: NewDict()}
		}
		return n
	}
	for i, name := range []string{"getter", "setter", "deleter"} {
		i := i
		PropertyType.AddMethod(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if len(args) != 1 {
				return nil, TypeErrorf("%s() takes exactly one argument", name)
			}
			return copyProp(self, i, args[0]), nil
		})
	}
	PropertyType.AddMethod("__set_name__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) == 2 {
			editCopy(&unwrap(self).(*Property).st, func(s *propState) { s.name = args[1] })
		}
		return None, nil
	})
	for _, f := range []struct {
		name string
		get  func(*propState) Object
	}{{"fget", func(p *propState) Object { return p.Get }}, {"fset", func(p *propState) Object { return p.Set }},
		{"fdel", func(p *propState) Object { return p.Del }}, {"__doc__", func(p *propState) Object { return p.Doc }}} {
		get := f.get
		PropertyType.AddGetSet(f.name, func(t *Thread, o Object) (Object, error) { return get(unwrap(o).(*Property).load()), nil }, nil)
	}
	PropertyType.AddGetSet("__isabstractmethod__", func(t *Thread, o Object) (Object, error) {
		p := unwrap(o).(*Property).load()
		for _, f := range []Object{p.Get, p.Set, p.Del} {
			if f == None {
				continue
			}
			if v, _ := GetAttrOpt(t, f, Intern("__isabstractmethod__")); v != nil {
				if b, _ := IsTrue(t, v); b {
					return True, nil
				}
			}
		}
		return False, nil
	}, nil)

	SliceType.AddGetSet("start", func(t *Thread, o Object) (Object, error) { return o.(*Slice).Start, nil }, nil)
	SliceType.AddGetSet("stop", func(t *Thread, o Object) (Object, error) { return o.(*Slice).Stop, nil }, nil)
	SliceType.AddGetSet("step", func(t *Thread, o Object) (Object, error) { return o.(*Slice).Step, nil }, nil)
	SliceType.AddMethod("__reduce__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("slice.__reduce__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		s := self.(*Slice)
		return NewTuple(SliceType, NewTuple(s.Start, s.Stop, s.Step)), nil
	})
	SliceType.AddMethod("indices", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("slice.indices() takes exactly one argument (%d given)", len(args))
		}
		if !isIntLike(args[0]) && LoadPtr(&args[0].Type().Index) == nil {
			return nil, TypeErrorf("'%s' object cannot be interpreted as an integer", typeName(args[0]))
		}
		nb, err := AsBig(t, args[0])
		if err != nil {
			return nil, err
		}
		if nb.Sign() < 0 {
			return nil, ValueErrorf("length should not be negative")
		}
		if !nb.IsInt64() {
			start, stop, step, err := sliceIndicesBig(t, self.(*Slice), nb)
			if err != nil {
				return nil, err
			}
			return NewTuple(intFromBig(start), intFromBig(stop), intFromBig(step)), nil
		}
		n := int(nb.Int64())
		start, stop, step, _, err := sliceIndices(t, self.(*Slice), n)
		if err != nil {
			return nil, err
		}
		return NewTuple(Int(start), Int(stop), Int(step)), nil
	})

	MemberDescrType.AddGetSet("__name__", func(t *Thread, o Object) (Object, error) { return NewStr(o.(*memberDescr).name), nil }, nil)
	MemberDescrType.AddGetSet("__objclass__", func(t *Thread, o Object) (Object, error) { return o.(*memberDescr).owner, nil }, nil)
	GetSetDescrType.AddGetSet("__name__", func(t *Thread, o Object) (Object, error) { return NewStr(o.(*GetSetDescr).Name), nil }, nil)
	GetSetDescrType.AddGetSet("__objclass__", func(t *Thread, o Object) (Object, error) { return o.(*GetSetDescr).Owner, nil }, nil)
	GetSetDescrType.AddGetSet("__doc__", func(t *Thread, o Object) (Object, error) {
		if d := o.(*GetSetDescr).Doc; d != "" {
			return NewStr(d), nil
		}
		return None, nil
	}, nil)

	classGetItem := func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("__class_getitem__ expected 1 argument")
		}
		return newGenericAlias(self, args[0]), nil
	}
	for _, typ := range []*Type{ListType, DictType, TupleType, SetType, FrozenSetType} {
		typ.AddClassMethod("__class_getitem__", classGetItem)
	}
}

// sysStructSeqs adds sys.version_info, flags, float_info, int_info and
// hash_info as struct sequences.
func sysStructSeqs(d *Dict, in *Interp) {
	vi := NewStructSeqType("version_info", "sys", []string{"major", "minor", "micro", "releaselevel", "serial"})
	d.SetStr("version_info", vi.Make(Int(3), Int(11), Int(7), NewStr("final"), Int(0)))
	in.setSysFlags(d)
	fi := NewStructSeqType("float_info", "sys", []string{"max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp",
		"dig", "mant_dig", "epsilon", "radix", "rounds"})
	d.SetStr("float_info", fi.Make(Float(math.MaxFloat64), Int(1024), Int(308), Float(2.2250738585072014e-308), Int(-1021),
		Int(-307), Int(15), Int(53), Float(2.220446049250313e-16), Int(2), Int(1)))
	ii := NewStructSeqType("int_info", "sys", []string{"bits_per_digit", "sizeof_digit", "default_max_str_digits", "str_digits_check_threshold"})
	d.SetStr("int_info", ii.Make(Int(30), Int(4), Int(4300), Int(640)))
	hi := NewStructSeqType("hash_info", "sys", []string{"width", "modulus", "inf", "nan", "imag", "algorithm", "hash_bits", "seed_bits", "cutoff"})
	d.SetStr("hash_info", hi.Make(Int(64), Int(hashModulus), Int(314159), Int(0), Int(1000003), NewStr("siphash13"), Int(64), Int(128), Int(0)))
}

// Class-level descriptors of function attributes (types.py takes
// type(FunctionType.__code__) and friends; instances are served by
// functionGetAttr first).
func init() {
	for _, name := range []string{"__code__", "__globals__", "__defaults__", "__kwdefaults__", "__name__", "__qualname__",
		"__doc__", "__dict__", "__closure__", "__annotations__", "__module__", "__builtins__"} {
		n := Intern(name)
		var set func(t *Thread, o, v Object) error
		switch name {
		case "__name__", "__qualname__", "__doc__", "__module__", "__defaults__", "__kwdefaults__", "__annotations__", "__code__":
			// functionSetAttr handles these itself (others would loop back here)
			set = func(t *Thread, o, v Object) error { return functionSetAttr(t, o, n, v) }
		}
		FunctionType.AddGetSet(name, func(t *Thread, o Object) (Object, error) { return functionGetAttr(t, o, n) }, set)
	}
}

var sysFlagsType = NewStructSeqType("flags", "sys", []string{"debug", "inspect", "interactive", "optimize", "dont_write_bytecode",
	"no_user_site", "no_site", "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization",
	"isolated", "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits"})

// setSysFlags publishes in.Flags as sys.flags.
func (in *Interp) setSysFlags(d *Dict) {
	f := in.Flags
	d.SetStr("flags", sysFlagsType.Make(Int(0), Int(f.Inspect), Int(0), Int(f.Optimize), Int(f.DontWriteBytecode),
		Int(f.NoUserSite), Int(f.NoSite), Int(f.IgnoreEnvironment), Int(f.Verbose), Int(0), Int(f.Quiet), Int(1),
		Int(f.Isolated), False, Int(f.UTF8Mode), Int(0), Bool(f.SafePath), Int(4300)))
}

// SetFlags sets the command-line flags (sys.flags, __debug__).
func (in *Interp) SetFlags(f Flags) {
	in.Flags = f
	in.setSysFlags(in.Sys.dict)
	in.Builtins.dict.SetStr("__debug__", Bool(f.Optimize == 0))
	in.Sys.dict.SetStr("dont_write_bytecode", Bool(f.DontWriteBytecode != 0))
}
