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
		return NewStr(table[i].sig)
	}
	return None
}

// builtinTextSig is a built-in function's or bound method's
// __text_signature__: module functions are found by "module.name", methods
// of built-in types by their qualified name.
func builtinTextSig(b *Builtin) Object {
	if m, ok := b.Self.(*Module); ok {
		return lookupTextSig(textSigFuncs[:], m.Name()+"."+b.Name)
	}
	if b.Qualname != "" {
		return lookupTextSig(textSigMethods[:], b.Qualname)
	}
	return None
}

// methodDescrTextSig is the __text_signature__ of a built-in type's
// method. C extension types (ext) are not in the tables.
func methodDescrTextSig(md *MethodDescr) Object {
	if md.Owner == nil || md.Owner.ext {
		return None
	}
	return lookupTextSig(textSigMethods[:], md.Owner.Name+"."+md.Name)
}

// typeTextSig is a built-in type's __text_signature__; classes and C
// extension types get None.
func typeTextSig(typ *Type) Object {
	if typ.Flags&FlagHeapType != 0 || typ.ext {
		return None
	}
	return lookupTextSig(textSigTypes[:], typ.Name)
}
