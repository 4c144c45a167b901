package compile

import (
	"fmt"
	"runtime/debug"

	"freepy/interp/syntax"
)

// The code generator follows the structure of CPython 3.11's
// Python/compile.c: one unit per code object, an fblock stack describing
// the statically enclosing loops, try blocks and with blocks (so that
// return, break and continue can unwind them), and the same instruction
// sequences, adapted to this package's instruction set (see opcode.go).

type compiler struct {
	filename    string
	st          *symtable
	flags       Flags
	future      int
	futureLine  int // line of the last __future__ import, -1 if none
	optimize    int
	interactive bool
	u           *unit
	stack       []*unit
	nestLevel   int
	codeKeys    map[*Code]string // keys of the code objects made so far (constKey)
}

// Compile compiles a syntax tree into a code object. mod must be a
// *syntax.Module (ModeExec), *syntax.Expression (ModeEval) or
// *syntax.Interactive (ModeSingle). Errors are *syntax.Error values
// (SyntaxError) with the position of the offending construct.
func Compile(mod syntax.Mod, filename string, mode syntax.Mode, flags Flags) (code *Code, err error) {
	defer func() {
		if r := recover(); r != nil {
			if ce, ok := r.(compileError); ok {
				code, err = nil, ce.err
				return
			}
			code, err = nil, fmt.Errorf("internal compiler error: %v\n%s", r, debug.Stack())
		}
	}()
	switch mod.(type) {
	case *syntax.Module:
		if mode != syntax.ModeExec {
			return nil, fmt.Errorf("compile: a Module needs ModeExec")
		}
	case *syntax.Expression:
		if mode != syntax.ModeEval {
			return nil, fmt.Errorf("compile: an Expression needs ModeEval")
		}
	case *syntax.Interactive:
		if mode != syntax.ModeSingle {
			return nil, fmt.Errorf("compile: an Interactive needs ModeSingle")
		}
	default:
		return nil, fmt.Errorf("compile: cannot compile %T", mod)
	}
	future, futureLine, ferr := parseFuture(mod, filename)
	if ferr != nil {
		return nil, ferr
	}
	c := &compiler{
		filename:   filename,
		flags:      flags,
		future:     future | flags.Future&FutureMask,
		futureLine: futureLine,
		optimize:   flags.Optimize,
		codeKeys:   map[*Code]string{},
	}
	st, serr := buildSymtable(mod, filename, c.future)
	if serr != nil {
		return nil, serr
	}
	c.st = st
	return c.compileMod(mod), nil
}

func (c *compiler) compileMod(mod syntax.Mod) *Code {
	c.enterScope("<module>", scopeModule, mod, 1)
	switch m := mod.(type) {
	case *syntax.Module:
		c.body(m.Body)
		c.u.emitNoLine(LOAD_CONST, c.u.addConst(nil))
		c.u.emitNoLine(RETURN_VALUE, 0)
	case *syntax.Interactive:
		c.interactive = true
		if findAnn(m.Body) {
			c.u.emit(SETUP_ANNOTATIONS, 0)
		}
		c.stmts(m.Body)
		c.u.emitNoLine(LOAD_CONST, c.u.addConst(nil))
		c.u.emitNoLine(RETURN_VALUE, 0)
	case *syntax.Expression:
		c.expr(m.Body)
		c.u.emit(RETURN_VALUE, 0)
	}
	code := c.assemble(c.u)
	c.exitScope()
	return code
}

// body compiles a module or class body: SETUP_ANNOTATIONS when the body
// has annotated assignments, then the docstring into __doc__.
func (c *compiler) body(stmts []syntax.Stmt) {
	if findAnn(stmts) {
		c.setLoc(stmts[0])
		c.u.emit(SETUP_ANNOTATIONS, 0)
	}
	if len(stmts) == 0 {
		return
	}
	i := 0
	if c.optimize < 2 {
		if doc, ok := docstring(stmts); ok {
			i = 1
			st := stmts[0].(*syntax.ExprStmt)
			c.setLoc(st)
			c.expr(st.Value)
			_ = doc
			c.u.loc = artificial
			c.nameop("__doc__", syntax.Store)
		}
	}
	c.stmts(stmts[i:])
}

// docstring returns the docstring of a body: its first statement if that
// is a str constant.
func docstring(stmts []syntax.Stmt) (Const, bool) {
	if len(stmts) == 0 {
		return nil, false
	}
	es, ok := stmts[0].(*syntax.ExprStmt)
	if !ok {
		return nil, false
	}
	k, ok := es.Value.(*syntax.Constant)
	if !ok {
		return nil, false
	}
	switch v := k.Value.(type) {
	case string:
		return v, true
	case syntax.Str:
		return Str(v), true
	}
	return nil, false
}

// findAnn reports whether stmts contain an annotated assignment outside
// nested function and class definitions (CPython's find_ann).
func findAnn(stmts []syntax.Stmt) bool {
	for _, s := range stmts {
		switch s := s.(type) {
		case *syntax.AnnAssign:
			return true
		case *syntax.For:
			if findAnn(s.Body) || findAnn(s.Orelse) {
				return true
			}
		case *syntax.AsyncFor:
			if findAnn(s.Body) || findAnn(s.Orelse) {
				return true
			}
		case *syntax.While:
			if findAnn(s.Body) || findAnn(s.Orelse) {
				return true
			}
		case *syntax.If:
			if findAnn(s.Body) || findAnn(s.Orelse) {
				return true
			}
		case *syntax.With:
			if findAnn(s.Body) {
				return true
			}
		case *syntax.AsyncWith:
			if findAnn(s.Body) {
				return true
			}
		case *syntax.Try:
			for _, h := range s.Handlers {
				if findAnn(h.Body) {
					return true
				}
			}
			if findAnn(s.Body) || findAnn(s.Finalbody) || findAnn(s.Orelse) {
				return true
			}
		case *syntax.TryStar:
			for _, h := range s.Handlers {
				if findAnn(h.Body) {
					return true
				}
			}
			if findAnn(s.Body) || findAnn(s.Finalbody) || findAnn(s.Orelse) {
				return true
			}
		}
	}
	return false
}

// ---- units ----

func (c *compiler) enterScope(name string, typ scopeType, key any, firstLine int) {
	ste := c.st.blocks[key]
	if ste == nil {
		c.internalError("no symbol table entry for %s", name)
	}
	u := &unit{
		ste:       ste,
		scopeType: typ,
		name:      name,
		constMap:  map[string]int{},
		codeKeys:  c.codeKeys,
		nameMap:   map[string]int{},
		varMap:    map[string]int{},
		cellMap:   map[string]int{},
		freeMap:   map[string]int{},
		firstLine: firstLine,
	}
	for _, p := range ste.params {
		u.addVarname(p)
	}
	u.cellvars = sortedNames(ste, scopeCell, 0)
	if ste.needsClassClosure {
		u.cellvars = append([]string{"__class__"}, u.cellvars...)
	}
	for i, n := range u.cellvars {
		u.cellMap[n] = i
	}
	u.freevars = sortedNames(ste, scopeFree, defFreeClass)
	for i, n := range u.freevars {
		u.freeMap[n] = i
	}
	if c.u != nil {
		u.private = c.u.private
		c.stack = append(c.stack, c.u)
	}
	c.u = u
	c.nestLevel++
	if typ == scopeModule {
		u.qualname = name
		u.loc = Position{Line: 1, EndLine: 1, Col: 0, EndCol: 0}
	} else {
		c.setQualname()
	}
}

func (c *compiler) exitScope() {
	c.nestLevel--
	if len(c.stack) > 0 {
		c.u = c.stack[len(c.stack)-1]
		c.stack = c.stack[:len(c.stack)-1]
	} else {
		c.u = nil
	}
}

// setQualname computes __qualname__ as compiler_set_qualname does.
func (c *compiler) setQualname() {
	u := c.u
	base := ""
	if len(c.stack) > 1 {
		parent := c.stack[len(c.stack)-1]
		forceGlobal := false
		if u.scopeType == scopeFunction || u.scopeType == scopeAsyncFunction || u.scopeType == scopeClass {
			m := mangle(parent.private, u.name)
			if parent.ste.scopeOf(m) == scopeGlobalExplicit {
				forceGlobal = true
			}
		}
		if !forceGlobal {
			switch parent.scopeType {
			case scopeFunction, scopeAsyncFunction, scopeLambda:
				base = parent.qualname + ".<locals>"
			default:
				base = parent.qualname
			}
		}
	}
	if base != "" {
		u.qualname = base + "." + u.name
	} else {
		u.qualname = u.name
	}
}

// ---- locations ----

func toPosition(p syntax.Position) Position {
	return Position{Line: int32(p.Lineno), EndLine: int32(p.EndLineno), Col: int32(p.ColOffset), EndCol: int32(p.EndColOffset)}
}

func (c *compiler) setLoc(n syntax.Node) {
	c.u.loc = toPosition(n.Pos())
}

func (c *compiler) locPos() syntax.Position { return posOf(c.u.loc) }

// ---- names ----

func (c *compiler) forbiddenName(name string, ctx syntax.ExprContext) {
	if name != "__debug__" {
		return
	}
	switch ctx {
	case syntax.Store:
		c.errorf(c.locPos(), "cannot assign to __debug__")
	case syntax.Del:
		c.errorf(c.locPos(), "cannot delete __debug__")
	}
}

// derefIndex returns the LOAD_DEREF index of a cell or free variable.
func (c *compiler) derefIndex(name string, cell bool) int {
	u := c.u
	if cell {
		if i, ok := u.cellMap[name]; ok {
			return i
		}
	} else if i, ok := u.freeMap[name]; ok {
		return len(u.cellvars) + i
	}
	if i, ok := u.freeMap[name]; ok {
		return len(u.cellvars) + i
	}
	if i, ok := u.cellMap[name]; ok {
		return i
	}
	c.internalError("name %q is not a cell or free variable of %s", name, u.name)
	return 0
}

// nameop emits the load, store or delete of a variable, choosing the
// instruction from the name's scope (compiler_nameop).
func (c *compiler) nameop(name string, ctx syntax.ExprContext) {
	u := c.u
	c.forbiddenName(name, ctx)
	mangled := mangle(u.private, name)
	const (
		opName = iota
		opFast
		opGlobal
		opDeref
	)
	optype := opName
	cell := false
	switch u.ste.scopeOf(mangled) {
	case scopeFree:
		optype = opDeref
	case scopeCell:
		optype = opDeref
		cell = true
	case scopeLocal:
		if u.ste.typ == functionBlock {
			optype = opFast
		}
	case scopeGlobalImplicit:
		if u.ste.typ == functionBlock {
			optype = opGlobal
		}
	case scopeGlobalExplicit:
		optype = opGlobal
	}
	switch optype {
	case opDeref:
		i := c.derefIndex(mangled, cell)
		switch ctx {
		case syntax.Load:
			if u.ste.typ == classBlock {
				u.emit(LOAD_CLASSDEREF, i)
			} else {
				u.emit(LOAD_DEREF, i)
			}
		case syntax.Store:
			u.emit(STORE_DEREF, i)
		case syntax.Del:
			u.emit(DELETE_DEREF, i)
		}
	case opFast:
		i := u.addVarname(mangled)
		switch ctx {
		case syntax.Load:
			u.emit(LOAD_FAST, i)
		case syntax.Store:
			u.emit(STORE_FAST, i)
		case syntax.Del:
			u.emit(DELETE_FAST, i)
		}
	case opGlobal:
		i := u.addName(mangled)
		switch ctx {
		case syntax.Load:
			u.emit(LOAD_GLOBAL, i)
		case syntax.Store:
			u.emit(STORE_GLOBAL, i)
		case syntax.Del:
			u.emit(DELETE_GLOBAL, i)
		}
	default:
		i := u.addName(mangled)
		switch ctx {
		case syntax.Load:
			u.emit(LOAD_NAME, i)
		case syntax.Store:
			u.emit(STORE_NAME, i)
		case syntax.Del:
			u.emit(DELETE_NAME, i)
		}
	}
}

// emitName emits an instruction whose argument is a (mangled) name.
func (c *compiler) emitName(op Opcode, name string) {
	c.u.emit(op, c.u.addName(mangle(c.u.private, name)))
}

func (c *compiler) loadConst(v Const) {
	c.u.emit(LOAD_CONST, c.u.addConst(v))
}

// ---- fblocks ----

type fblockKind int

const (
	fbWhileLoop fblockKind = iota
	fbForLoop
	fbTryExcept
	fbFinallyTry
	fbFinallyEnd
	fbWith
	fbAsyncWith
	fbHandlerCleanup
	fbPopValue
	fbExceptionHandler
	fbExceptionGroupHandler
	fbAsyncComprehensionGenerator
)

type fblock struct {
	kind  fblockKind
	block label
	exit  label
	// datum: the finally body ([]syntax.Stmt) for fbFinallyTry, the with
	// statement for fbWith/fbAsyncWith, the bound name (string) for
	// fbHandlerCleanup.
	datum any
}

// maxBlocks is CPython's CO_MAXBLOCKS: the static nesting limit of
// loops, try and with blocks.
const maxBlocks = 20

func (c *compiler) pushFblock(kind fblockKind, block, exit label, datum any) {
	if len(c.u.fblocks) >= maxBlocks {
		c.errorf(c.locPos(), "too many statically nested blocks")
	}
	c.u.fblocks = append(c.u.fblocks, fblock{kind: kind, block: block, exit: exit, datum: datum})
}

func (c *compiler) popFblock(kind fblockKind) {
	u := c.u
	if len(u.fblocks) == 0 || u.fblocks[len(u.fblocks)-1].kind != kind {
		c.internalError("fblock stack mismatch")
	}
	u.fblocks = u.fblocks[:len(u.fblocks)-1]
}

// unwindFblock emits the code that leaves fb early (for return, break or
// continue). preserveTOS keeps the value on top of the stack (the return
// value) above whatever the block removes.
func (c *compiler) unwindFblock(fb fblock, preserveTOS bool) {
	u := c.u
	switch fb.kind {
	case fbWhileLoop, fbExceptionHandler, fbExceptionGroupHandler, fbAsyncComprehensionGenerator:
	case fbForLoop:
		// Pop the iterator.
		if preserveTOS {
			u.emit(SWAP, 2)
		}
		u.emit(POP_TOP, 0)
	case fbTryExcept:
		u.emit(POP_BLOCK, 0)
	case fbFinallyTry:
		// This POP_BLOCK gets the line number of the unwinding statement.
		u.emit(POP_BLOCK, 0)
		if preserveTOS {
			c.pushFblock(fbPopValue, noLabel, noLabel, nil)
		}
		// Emit the finally block again, in the context of the unwinding
		// statement's remaining blocks.
		c.stmts(fb.datum.([]syntax.Stmt))
		if preserveTOS {
			c.popFblock(fbPopValue)
		}
	case fbFinallyEnd:
		if preserveTOS {
			u.emit(SWAP, 2)
		}
		u.emit(POP_TOP, 0) // the exception
		u.emit(POP_BLOCK, 0)
		if preserveTOS {
			u.emit(SWAP, 2)
		}
		u.emit(POP_EXCEPT, 0)
	case fbWith, fbAsyncWith:
		c.setLoc(fb.datum.(syntax.Stmt))
		u.emit(POP_BLOCK, 0)
		if preserveTOS {
			u.emit(SWAP, 2)
		}
		c.callExitWithNones()
		if fb.kind == fbAsyncWith {
			u.emit(GET_AWAITABLE, 2)
			c.loadConst(nil)
			c.yieldFrom(true)
		}
		u.emit(POP_TOP, 0)
	case fbHandlerCleanup:
		name, _ := fb.datum.(string)
		if name != "" {
			u.emit(POP_BLOCK, 0)
		}
		if preserveTOS {
			u.emit(SWAP, 2)
		}
		u.emit(POP_BLOCK, 0)
		u.emit(POP_EXCEPT, 0)
		if name != "" {
			c.loadConst(nil)
			c.nameop(name, syntax.Store)
			c.nameop(name, syntax.Del)
		}
	case fbPopValue:
		if preserveTOS {
			u.emit(SWAP, 2)
		}
		u.emit(POP_TOP, 0)
	}
}

// unwindFblockStack unwinds every block up to the innermost loop (when
// loop is wanted) or all of them, and returns that loop.
func (c *compiler) unwindFblockStack(preserveTOS bool, wantLoop bool) *fblock {
	u := c.u
	if len(u.fblocks) == 0 {
		return nil
	}
	top := u.fblocks[len(u.fblocks)-1]
	if top.kind == fbExceptionGroupHandler {
		c.errorf(c.locPos(), "'break', 'continue' and 'return' cannot appear in an except* block")
	}
	if wantLoop && (top.kind == fbWhileLoop || top.kind == fbForLoop) {
		return &top
	}
	u.fblocks = u.fblocks[:len(u.fblocks)-1]
	c.unwindFblock(top, preserveTOS)
	loop := c.unwindFblockStack(preserveTOS, wantLoop)
	c.u.fblocks = append(c.u.fblocks, top)
	return loop
}

// callExitWithNones calls the __exit__ below the top of the stack with
// (None, None, None).
func (c *compiler) callExitWithNones() {
	c.loadConst(nil)
	c.loadConst(nil)
	c.loadConst(nil)
	c.u.emit(CALL, 3)
}

// yieldFrom emits the SEND loop of yield from / await: [subiter, v] ->
// [result].
func (c *compiler) yieldFrom(await bool) {
	u := c.u
	start := u.newLabel()
	exit := u.newLabel()
	u.place(start)
	u.emitJump(SEND, exit)
	u.emit(YIELD_VALUE, 1)
	u.emitJump(JUMP, start)
	u.place(exit)
	_ = await
}
