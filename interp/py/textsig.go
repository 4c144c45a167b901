package py

import (
	"sort"
	"strings"
)

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
// it); a type's __new__ has the signature all of them share. A signature
// at the start of the docstring (C extensions) comes first.
func builtinTextSig(b *Builtin) Object {
	if sig, _, ok := splitInternalDoc(b.Name, b.doc()); ok {
		return NewStr(sig)
	}
	if m, ok := b.Self.(*Module); ok {
		return lookupTextSig(textSigFuncs[:], m.Name()+"."+b.Name)
	}
	md := b.descr
	if md == nil {
		if _, ok := b.Self.(*Type); ok && b.Name == "__new__" {
			// every type's __new__ (addSlotWrappers) has one signature
			return lookupTextSig(textSigSlots[:], b.Name)
		}
		if b.Qualname == "" {
			return None
		}
		return lookupTextSig(textSigMethods[:], b.Qualname)
	}
	if md.Owner == nil {
		return None
	}
	if md.Owner.ext {
		return methodDescrTextSig(md)
	}
	var sig string
	var found bool
	switch s := b.Self.(type) {
	case nil:
		return methodDescrTextSig(md)
	case *Type:
		// a class method, or a metaclass's method bound to a class
		if sig, found = methodTextSig(s.MRO(), b.Name); !found {
			sig, _ = methodTextSig(s.Type().MRO(), b.Name)
		}
	default:
		sig, _ = methodTextSig(s.Type().MRO(), b.Name)
	}
	return textSigObject(sig)
}

// doc is the docstring of a built-in function, or of the descriptor a
// method was bound from.
func (b *Builtin) doc() string {
	if b.Doc == "" && b.descr != nil {
		return b.descr.Doc
	}
	return b.Doc
}

// methodDescrTextSig is the __text_signature__ of a built-in type's
// method. C extension types (ext) are not in the tables: theirs come from
// the docstring, or the slots table for slot wrappers.
func methodDescrTextSig(md *MethodDescr) Object {
	if sig, _, ok := splitInternalDoc(md.Name, md.Doc); ok {
		return NewStr(sig)
	}
	if md.Owner == nil {
		return None
	}
	if md.Owner.ext {
		if md.slot {
			return lookupTextSig(textSigSlots[:], md.Name)
		}
		return None
	}
	mro := md.Owner.MRO()
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
		if typ.Flags.Load()&FlagHeapType != 0 || typ.ext {
			continue
		}
		key := typ.Name() + "." + name
		i := sort.Search(len(textSigMethods), func(i int) bool { return textSigMethods[i].key >= key })
		if i < len(textSigMethods) && textSigMethods[i].key == key {
			return textSigMethods[i].sig, true
		}
	}
	return "", false
}

// typeTextSig is a built-in type's __text_signature__, or a C extension
// type's from its tp_doc; classes get None.
func typeTextSig(typ *Type) Object {
	if typ.ext {
		if sig, _, ok := splitInternalDoc(typ.Name(), typ.Doc); ok {
			return NewStr(sig)
		}
		return None
	}
	if typ.Flags.Load()&FlagHeapType != 0 {
		return None
	}
	return lookupTextSig(textSigTypes[:], typ.Name())
}

// splitInternalDoc splits a C docstring that starts with its signature,
// "name(...)\n--\n\n" then the text, as CPython's internal docs of C
// functions and types do: sig is "(...)" and rest the text after the
// marker. ok is false when doc has no such signature (name is compared
// after its last dot; a blank line before the marker ends the search).
func splitInternalDoc(name, doc string) (sig, rest string, ok bool) {
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	if !strings.HasPrefix(doc, name+"(") {
		return "", "", false
	}
	start := len(name)
	const marker = ")\n--\n\n"
	for i := start; i < len(doc); i++ {
		if strings.HasPrefix(doc[i:], marker) {
			return doc[start : i+1], doc[i+len(marker):], true
		}
		if doc[i] == '\n' && i+1 < len(doc) && doc[i+1] == '\n' {
			break
		}
	}
	return "", "", false
}

// docWithoutSignature is __doc__ of a built-in callable or C type whose
// docstring may start with its signature ("" is None).
func docWithoutSignature(name, doc string) Object {
	if _, rest, ok := splitInternalDoc(name, doc); ok {
		doc = rest
	}
	if doc == "" {
		return None
	}
	return NewStr(doc)
}
