package compile

import "freepy/interp/syntax"

// SymEntry is one block of a module's symbol table as the _symtable module
// shows it (CPython's PySTEntryObject): a module, class, function, lambda,
// comprehension or annotation scope, after name analysis.
type SymEntry struct {
	Name     string
	Type     int // TypeFunction, TypeClass, TypeModule or TypeAnnotation
	Lineno   int // 0 for the module
	Nested   bool
	Names    []string // symbol names in order of first sight
	Flags    []int    // per name: DEF_* flags | scope << SymScopeOff
	Params   []string // the parameters (CPython's ste_varnames)
	Children []*SymEntry
}

// Block types and the shift of a symbol's scope in its flags, with
// CPython 3.11's values (Include/internal/pycore_symtable.h).
const (
	TypeFunction   = int(functionBlock)
	TypeClass      = int(classBlock)
	TypeModule     = int(moduleBlock)
	TypeAnnotation = int(annotationBlock)
	SymScopeOff    = 11
	SymScopeMask   = 0xf
)

// Symbol flags (DEF_*) and scopes, as _symtable exports them.
const (
	DefGlobal      = defGlobal
	DefLocal       = defLocal
	DefParam       = defParam
	DefNonlocal    = defNonlocal
	DefUse         = defUse
	DefFree        = defFree
	DefFreeClass   = defFreeClass
	DefImport      = defImport
	DefAnnot       = defAnnot
	DefBound       = defBound
	ScopeLocal     = scopeLocal
	ScopeGlobalExp = scopeGlobalExplicit
	ScopeGlobalImp = scopeGlobalImplicit
	ScopeFree      = scopeFree
	ScopeCell      = scopeCell
)

// SymbolTable builds and analyzes the symbol table of a parsed module, as
// the compiler would (its __future__ imports included), and returns its
// top block. Errors are *syntax.Error values.
func SymbolTable(mod syntax.Mod, filename string) (*SymEntry, error) {
	future, _, err := parseFuture(mod, filename)
	if err != nil {
		return nil, err
	}
	st, err := buildSymtable(mod, filename, future)
	if err != nil {
		return nil, err
	}
	return exportScope(st.top), nil
}

func exportScope(s *scope) *SymEntry {
	e := &SymEntry{
		Name:   s.name,
		Type:   int(s.typ),
		Lineno: s.pos.Lineno,
		Nested: s.nested,
		Names:  s.order,
		Flags:  make([]int, len(s.order)),
		Params: s.params,
	}
	if s.typ == moduleBlock {
		e.Lineno = 0
	}
	for i, name := range s.order {
		sym := s.symbols[name]
		e.Flags[i] = sym.flags | sym.scope<<SymScopeOff
	}
	for _, c := range s.children {
		if c.typ == annotationBlock {
			continue // CPython 3.11 does not list them either
		}
		e.Children = append(e.Children, exportScope(c))
	}
	return e
}
