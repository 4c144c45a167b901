package py

import "sort"

// textSig is one entry of the generated tables in ztextsig.go
// (scripts/gen_textsig.py): a name and the __text_signature__ CPython 3.11
// gives it. The tables are static data, searched only when a program reads
// __text_signature__ (inspect.signature, help).
type textSig struct{ key, sig string }

func lookupTextSig(table []textSig, key string) Object {
	i := sort.Search(len(table), func(i int) bool { return table[i].key >= key })
	if i < len(table) && table[i].key == key {
		return textSigObject(table[i].sig)
	}
	return None
}

// builtinTextSig is a built-in function's or bound method's
// __text_signature__: module functions are found by "module.name"; a
// method bound from a built-in type's descriptor is looked up along the
// MRO of what it is bound to (as CPython's attribute lookup would find
// it); types' __new__ by their qualified name.
func builtinTextSig(b *Builtin) Object {
	if m, ok := b.Self.(*Module); ok {
		return lookupTextSig(textSigFuncs[:], m.Name()+"."+b.Name)
	}
	md := b.descr
	if md == nil {
		if b.Qualname == "" {
			return None
		}
		return lookupTextSig(textSigMethods[:], b.Qualname)
	}
	if md.Owner == nil || md.Owner.ext {
		return None
	}
	var sig string
	var found bool
	switch s := b.Self.(type) {
	case nil:
		return methodDescrTextSig(md)
	case *Type:
		// a class method, or a metaclass's method bound to a class
		if sig, found = methodTextSig(s.MRO, b.Name); !found {
			sig, _ = methodTextSig(s.Type().MRO, b.Name)
		}
	default:
		sig, _ = methodTextSig(s.Type().MRO, b.Name)
	}
	return textSigObject(sig)
}

// methodDescrTextSig is the __text_signature__ of a built-in type's
// method. C extension types (ext) are not in the tables.
func methodDescrTextSig(md *MethodDescr) Object {
	if md.Owner == nil || md.Owner.ext {
		return None
	}
	mro := md.Owner.MRO
	if len(mro) == 0 || mro[0] != md.Owner {
		mro = []*Type{md.Owner}
	}
	sig, _ := methodTextSig(mro, md.Name)
	return textSigObject(sig)
}

func textSigObject(sig string) Object {
	if sig == "" {
		return None
	}
	return NewStr(sig)
}

// methodTextSig looks "Type.name" up for each type of mro in turn, so
// that a method freepy defines where CPython inherits one (an iterator's
// __repr__) gets the inherited one's signature. Python classes and C
// extension types are skipped. found reports an entry, whose sig may be
// "" (none).
func methodTextSig(mro []*Type, name string) (sig string, found bool) {
	for _, typ := range mro {
		if typ.Flags&FlagHeapType != 0 || typ.ext {
			continue
		}
		key := typ.Name + "." + name
		i := sort.Search(len(textSigMethods), func(i int) bool { return textSigMethods[i].key >= key })
		if i < len(textSigMethods) && textSigMethods[i].key == key {
			return textSigMethods[i].sig, true
		}
	}
	return "", false
}

// typeTextSig is a built-in type's __text_signature__; classes and C
// extension types get None.
func typeTextSig(typ *Type) Object {
	if typ.Flags&FlagHeapType != 0 || typ.ext {
		return None
	}
	return lookupTextSig(textSigTypes[:], typ.Name)
}
