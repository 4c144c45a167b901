package compile

import "sort"

// nameSet is a set of names; a nil nameSet means "no enclosing function"
// (CPython's bound == NULL at module level).
type nameSet map[string]bool

func (s nameSet) clone() nameSet {
	c := make(nameSet, len(s))
	for k := range s {
		c[k] = true
	}
	return c
}

func (s nameSet) addAll(o nameSet) {
	for k := range o {
		s[k] = true
	}
}

func (st *symtable) analyze() error {
	free := nameSet{}
	global := nameSet{}
	return st.analyzeBlock(st.top, nil, free, global)
}

// analyzeBlock decides the scope of every name of s, given the names
// bound in enclosing function scopes (bound), and collects the names s and
// its children need from outside (free). It follows analyze_block of
// CPython's symtable.c.
func (st *symtable) analyzeBlock(s *scope, bound, free, global nameSet) error {
	local := nameSet{}
	scopes := map[string]int{}
	newGlobal := nameSet{}
	newFree := nameSet{}
	newBound := nameSet{}

	if s.typ == classBlock {
		// Class namespaces are not visible to nested functions: pass on
		// the enclosing bindings unchanged.
		newGlobal.addAll(global)
		if bound != nil {
			newBound.addAll(bound)
		}
	}
	for _, name := range s.order {
		if err := st.analyzeName(s, scopes, name, s.symbols[name].flags, bound, local, free, global); err != nil {
			return err
		}
	}
	if s.typ != classBlock {
		if s.typ == functionBlock {
			newBound.addAll(local)
		}
		if bound != nil {
			newBound.addAll(bound)
		}
		newGlobal.addAll(global)
	} else {
		// Methods see the implicit __class__ cell.
		newBound["__class__"] = true
	}

	allFree := nameSet{}
	for _, c := range s.children {
		tempBound := newBound.clone()
		tempFree := newFree.clone()
		tempGlobal := newGlobal.clone()
		if err := st.analyzeBlock(c, tempBound, tempFree, tempGlobal); err != nil {
			return err
		}
		allFree.addAll(tempFree)
		if c.free || c.childFree {
			s.childFree = true
		}
	}
	newFree.addAll(allFree)

	if s.typ == functionBlock {
		// Locals that children use become cells.
		for name, sc := range scopes {
			if sc == scopeLocal && newFree[name] {
				scopes[name] = scopeCell
				delete(newFree, name)
			}
		}
	} else if s.typ == classBlock {
		if newFree["__class__"] {
			delete(newFree, "__class__")
			s.needsClassClosure = true
		}
	}
	st.updateSymbols(s, scopes, bound, newFree, s.typ == classBlock)
	free.addAll(newFree)
	return nil
}

func (st *symtable) analyzeName(s *scope, scopes map[string]int, name string, flags int,
	bound, local, free, global nameSet) error {
	if flags&defGlobal != 0 {
		if flags&defNonlocal != 0 {
			return newError(st.filename, s.directives[name], "name '%s' is nonlocal and global", name)
		}
		scopes[name] = scopeGlobalExplicit
		global[name] = true
		if bound != nil {
			delete(bound, name)
		}
		return nil
	}
	if flags&defNonlocal != 0 {
		if bound == nil {
			return newError(st.filename, s.directives[name], "nonlocal declaration not allowed at module level")
		}
		if !bound[name] {
			return newError(st.filename, s.directives[name], "no binding for nonlocal '%s' found", name)
		}
		scopes[name] = scopeFree
		s.free = true
		free[name] = true
		return nil
	}
	if flags&defBound != 0 {
		scopes[name] = scopeLocal
		local[name] = true
		delete(global, name)
		return nil
	}
	// A name that is neither bound nor declared here: free if some
	// enclosing function binds it, else global.
	if bound != nil && bound[name] {
		scopes[name] = scopeFree
		s.free = true
		free[name] = true
		return nil
	}
	if global != nil && global[name] {
		scopes[name] = scopeGlobalImplicit
		return nil
	}
	if s.nested {
		s.free = true
	}
	scopes[name] = scopeGlobalImplicit
	return nil
}

func (st *symtable) updateSymbols(s *scope, scopes map[string]int, bound, free nameSet, classFlag bool) {
	for name, sym := range s.symbols {
		sym.scope = scopes[name]
	}
	names := make([]string, 0, len(free))
	for name := range free {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		if sym := s.symbols[name]; sym != nil {
			// A free variable of a method that the class also binds: the
			// class must pass the cell through (LOAD_CLASSDEREF).
			if classFlag && sym.flags&(defBound|defGlobal) != 0 {
				sym.flags |= defFreeClass
			}
			continue
		}
		if bound != nil && !bound[name] {
			continue // a global
		}
		// Propagate a free variable up through a scope that does not use
		// it (for example a class between two functions).
		s.symbols[name] = &symbol{scope: scopeFree}
		s.order = append(s.order, name)
	}
}
