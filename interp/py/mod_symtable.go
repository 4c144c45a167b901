package py

import (
	"fmt"

	"freepy/interp/compile"
	"freepy/interp/syntax"
)

// The _symtable module: the compiler's symbol table, as the symtable
// module of the standard library reads it. The entries are snapshots made
// from the compiler's own analysis (interp/compile/symentry.go), so the
// scopes they report are the ones the compiler uses.

var symtableEntryType = newBuiltinType("symtable entry", ObjectType)

// symtableEntry is one block of the table (CPython's PySTEntryObject).
type symtableEntry struct {
	e        *compile.SymEntry
	symbols  *Dict
	varnames *List
	children *List
}

func (*symtableEntry) Type() *Type { return symtableEntryType }

func newSymtableEntry(e *compile.SymEntry) *symtableEntry {
	se := &symtableEntry{e: e, symbols: NewDict()}
	for i, name := range e.Names {
		se.symbols.SetStr(name, Int(e.Flags[i]))
	}
	params := make([]Object, len(e.Params))
	for i, p := range e.Params {
		params[i] = NewStr(p)
	}
	children := make([]Object, len(e.Children))
	for i, c := range e.Children {
		children[i] = newSymtableEntry(c)
	}
	se.varnames, se.children = NewList(params...), NewList(children...)
	return se
}

func symtableEntryOf(o Object) (*symtableEntry, error) {
	if se, ok := o.(*symtableEntry); ok {
		return se, nil
	}
	return nil, TypeErrorf("descriptor requires a 'symtable entry' object but received a '%s'", typeName(o))
}

// symtableSymtable is _symtable.symtable(source, filename, startstr).
func symtableSymtable(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	var src, filename, start Object
	if err := ParseArgs("symtable", args, kw, []string{"", "", ""}, 3, &src, &filename, &start); err != nil {
		return nil, err
	}
	var text []byte
	isStr := false
	switch s := src.(type) {
	case *Str:
		text, isStr = []byte(s.s), true
	default:
		b, ok := bytesLikeT(t, src)
		if !ok {
			return nil, TypeErrorf("symtable() arg 1 must be a string or bytes object")
		}
		text = b
	}
	fn, err := fsPathString(t, filename)
	if err != nil {
		return nil, err
	}
	var mode syntax.Mode
	switch s, _ := start.(*Str); {
	case s != nil && s.s == "exec":
		mode = syntax.ModeExec
	case s != nil && s.s == "eval":
		mode = syntax.ModeEval
	case s != nil && s.s == "single":
		mode = syntax.ModeSingle
	default:
		return nil, ValueErrorf("symtable() arg 3 must be 'exec' or 'eval' or 'single'")
	}
	if err := checkNoNull(text); err != nil {
		return nil, err
	}
	mod, err := parseSource(t, fn, text, isStr, mode)
	if err != nil {
		return nil, err
	}
	top, err := compile.SymbolTable(mod, fn)
	if err != nil {
		return nil, syntaxErrorFrom(err)
	}
	return newSymtableEntry(top), nil
}

func init() {
	et := symtableEntryType
	et.Flags.And(^uint64(FlagBaseType))
	get := func(name string, f func(se *symtableEntry) Object) {
		et.AddGetSet(name, func(t *Thread, o Object) (Object, error) {
			se, err := symtableEntryOf(o)
			if err != nil {
				return nil, err
			}
			return f(se), nil
		}, func(t *Thread, o, v Object) error {
			return Errorf(AttributeErrorType, "readonly attribute")
		})
	}
	get("id", func(se *symtableEntry) Object { return Int(Id(se)) })
	get("name", func(se *symtableEntry) Object { return NewStr(se.e.Name) })
	get("symbols", func(se *symtableEntry) Object { return se.symbols })
	get("varnames", func(se *symtableEntry) Object { return se.varnames })
	get("children", func(se *symtableEntry) Object { return se.children })
	get("nested", func(se *symtableEntry) Object { return Int(b2i(se.e.Nested)) })
	get("type", func(se *symtableEntry) Object { return Int(se.e.Type) })
	get("lineno", func(se *symtableEntry) Object { return Int(se.e.Lineno) })
	et.Repr = func(t *Thread, o Object) (Object, error) {
		se, err := symtableEntryOf(o)
		if err != nil {
			return nil, err
		}
		return NewStr(fmt.Sprintf("<symtable entry %s(%d), line %d>", se.e.Name, Id(se), se.e.Lineno)), nil
	}
	et.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		return nil, TypeErrorf("cannot create 'symtable entry' instances")
	}
	registerType(et)
	RegisterNativeModule("_symtable", func(t *Thread) (*Module, error) {
		m := NewModule("_symtable")
		m.AddFunc("symtable", symtableSymtable)
		for name, v := range map[string]int{
			"USE": compile.DefUse, "DEF_GLOBAL": compile.DefGlobal, "DEF_NONLOCAL": compile.DefNonlocal,
			"DEF_LOCAL": compile.DefLocal, "DEF_PARAM": compile.DefParam, "DEF_FREE": compile.DefFree,
			"DEF_FREE_CLASS": compile.DefFreeClass, "DEF_IMPORT": compile.DefImport, "DEF_BOUND": compile.DefBound,
			"DEF_ANNOT": compile.DefAnnot, "TYPE_FUNCTION": compile.TypeFunction, "TYPE_CLASS": compile.TypeClass,
			"TYPE_MODULE": compile.TypeModule, "LOCAL": compile.ScopeLocal, "GLOBAL_EXPLICIT": compile.ScopeGlobalExp,
			"GLOBAL_IMPLICIT": compile.ScopeGlobalImp, "FREE": compile.ScopeFree, "CELL": compile.ScopeCell,
			"SCOPE_OFF": compile.SymScopeOff, "SCOPE_MASK": compile.SymScopeMask,
		} {
			m.Dict().SetStr(name, Int(v))
		}
		return m, nil
	})
}
