package compile

import (
	"strings"

	"freepy/interp/syntax"
)

func (c *compiler) stmts(list []syntax.Stmt) {
	for _, s := range list {
		c.stmt(s)
	}
}

func (c *compiler) stmt(s syntax.Stmt) {
	c.setLoc(s)
	u := c.u
	switch s := s.(type) {
	case *syntax.FunctionDef:
		c.function(s, s.Name, s.Args, s.Body, s.DecoratorList, s.Returns, false)
	case *syntax.AsyncFunctionDef:
		c.function(s, s.Name, s.Args, s.Body, s.DecoratorList, s.Returns, true)
	case *syntax.ClassDef:
		c.class(s)
	case *syntax.Return:
		c.returnStmt(s)
	case *syntax.Delete:
		for _, t := range s.Targets {
			c.expr(t)
		}
	case *syntax.Assign:
		c.expr(s.Value)
		for i, t := range s.Targets {
			if i < len(s.Targets)-1 {
				u.emit(COPY, 1)
			}
			c.expr(t)
		}
	case *syntax.AugAssign:
		c.augAssign(s)
	case *syntax.AnnAssign:
		c.annAssign(s)
	case *syntax.For:
		c.forStmt(s)
	case *syntax.While:
		c.whileStmt(s)
	case *syntax.If:
		c.ifStmt(s)
	case *syntax.Match:
		c.match(s)
	case *syntax.Raise:
		n := 0
		if s.Exc != nil {
			c.expr(s.Exc)
			n++
			if s.Cause != nil {
				c.expr(s.Cause)
				n++
			}
		}
		u.emit(RAISE_VARARGS, n)
	case *syntax.Try:
		if len(s.Finalbody) > 0 {
			c.tryFinally(s.Body, s.Handlers, s.Orelse, s.Finalbody, false)
		} else {
			c.tryExcept(s.Body, s.Handlers, s.Orelse)
		}
	case *syntax.TryStar:
		if len(s.Finalbody) > 0 {
			c.tryFinally(s.Body, s.Handlers, s.Orelse, s.Finalbody, true)
		} else {
			c.tryStarExcept(s.Body, s.Handlers, s.Orelse)
		}
	case *syntax.Assert:
		c.assert(s)
	case *syntax.Import:
		c.importStmt(s)
	case *syntax.ImportFrom:
		c.importFrom(s)
	case *syntax.Global, *syntax.Nonlocal:
	case *syntax.ExprStmt:
		c.exprStmt(s)
	case *syntax.Pass:
		u.emit(NOP, 0)
	case *syntax.Break:
		u.emit(NOP, 0)
		// unwinding a with block moves the location to the with
		// statement; the error is the break's own
		at := c.locPos()
		loop := c.unwindFblockStack(false, true)
		if loop == nil {
			c.errorf(at, "'break' outside loop")
		}
		c.unwindFblock(*loop, false)
		u.emitJump(JUMP, loop.exit)
	case *syntax.Continue:
		u.emit(NOP, 0)
		at := c.locPos()
		loop := c.unwindFblockStack(false, true)
		if loop == nil {
			c.errorf(at, "'continue' not properly in loop")
		}
		u.emitJump(JUMP, loop.block)
	case *syntax.With:
		c.with(s, 0)
	case *syntax.AsyncWith:
		c.asyncWith(s, 0)
	case *syntax.AsyncFor:
		c.asyncFor(s)
	default:
		c.internalError("unknown statement %T", s)
	}
}

func (c *compiler) exprStmt(s *syntax.ExprStmt) {
	u := c.u
	if c.interactive && c.nestLevel <= 1 {
		c.expr(s.Value)
		u.emit(PRINT_EXPR, 0)
		return
	}
	if _, ok := s.Value.(*syntax.Constant); ok {
		// A constant statement (a docstring-like string) does nothing.
		u.emit(NOP, 0)
		return
	}
	c.expr(s.Value)
	u.emitNoLine(POP_TOP, 0)
}

func (c *compiler) returnStmt(s *syntax.Return) {
	u := c.u
	_, isConst := s.Value.(*syntax.Constant)
	preserveTOS := s.Value != nil && !isConst
	if u.ste.typ != functionBlock {
		c.errorf(c.locPos(), "'return' outside function")
	}
	if s.Value != nil && u.ste.coroutine && u.ste.generator {
		c.errorf(c.locPos(), "'return' with value in async generator")
	}
	if preserveTOS {
		c.expr(s.Value)
	} else if s.Value != nil {
		c.setLoc(s.Value)
		u.emit(NOP, 0)
	}
	if s.Value == nil || s.Value.Pos().Lineno != s.Lineno {
		c.setLoc(s)
		u.emit(NOP, 0)
	}
	c.unwindFblockStack(preserveTOS, false)
	if s.Value == nil {
		c.loadConst(nil)
	} else if !preserveTOS {
		c.loadConst(c.constValue(s.Value.(*syntax.Constant)))
	}
	u.emit(RETURN_VALUE, 0)
}

func (c *compiler) ifStmt(s *syntax.If) {
	u := c.u
	end := u.newLabel()
	next := end
	if len(s.Orelse) > 0 {
		next = u.newLabel()
	}
	c.jumpIf(s.Test, next, false)
	c.stmts(s.Body)
	if len(s.Orelse) > 0 {
		u.emitJumpNoLine(JUMP, end)
		u.place(next)
		c.stmts(s.Orelse)
	}
	u.place(end)
}

func (c *compiler) whileStmt(s *syntax.While) {
	u := c.u
	loop := u.newLabel()
	body := u.newLabel()
	anchor := u.newLabel()
	end := u.newLabel()
	u.place(loop)
	c.pushFblock(fbWhileLoop, loop, end, nil)
	c.jumpIf(s.Test, anchor, false)
	u.place(body)
	c.stmts(s.Body)
	// The test is repeated at the bottom (one jump per iteration, as
	// CPython 3.11 does), but it jumps forward out of the loop and an
	// unconditional jump goes back: the evaluation loop checks for signals
	// and the GIL hand-over at backward JUMPs only, so a busy while loop in
	// the main thread stays interruptible by Ctrl-C without a check on
	// every conditional jump.
	c.setLoc(s)
	c.jumpIf(s.Test, anchor, false)
	u.emitJump(JUMP, body)
	c.popFblock(fbWhileLoop)
	u.place(anchor)
	c.stmts(s.Orelse)
	u.place(end)
}

func (c *compiler) forStmt(s *syntax.For) {
	u := c.u
	start := u.newLabel()
	cleanup := u.newLabel()
	end := u.newLabel()
	c.pushFblock(fbForLoop, start, end, nil)
	c.expr(s.Iter)
	u.emit(GET_ITER, 0)
	u.place(start)
	u.emitJump(FOR_ITER, cleanup)
	c.expr(s.Target)
	c.stmts(s.Body)
	u.emitJumpNoLine(JUMP, start)
	u.place(cleanup)
	c.popFblock(fbForLoop)
	c.stmts(s.Orelse)
	u.place(end)
}

func (c *compiler) checkAsync(what string) {
	u := c.u
	if c.isTopLevelAwait() {
		u.ste.coroutine = true
		return
	}
	if u.scopeType != scopeAsyncFunction {
		c.errorf(c.locPos(), "'%s' outside async function", what)
	}
}

func (c *compiler) isTopLevelAwait() bool {
	return c.flags.TopLevelAwait && c.u.ste.typ == moduleBlock
}

func (c *compiler) asyncFor(s *syntax.AsyncFor) {
	u := c.u
	c.checkAsync("async for")
	start := u.newLabel()
	except := u.newLabel()
	end := u.newLabel()
	c.expr(s.Iter)
	u.emit(GET_AITER, 0)
	u.place(start)
	c.pushFblock(fbForLoop, start, end, nil)
	// SETUP_FINALLY guards the __anext__ call.
	u.emitJump(SETUP_FINALLY, except)
	u.emit(GET_ANEXT, 0)
	c.loadConst(nil)
	c.yieldFrom(true)
	u.emit(POP_BLOCK, 0)
	c.expr(s.Target)
	c.stmts(s.Body)
	u.emitJumpNoLine(JUMP, start)
	c.popFblock(fbForLoop)
	u.place(except)
	// END_ASYNC_FOR belongs to the "for" line, not the body.
	c.setLoc(s.Iter)
	u.emit(END_ASYNC_FOR, 0)
	c.stmts(s.Orelse)
	u.place(end)
}

func (c *compiler) assert(s *syntax.Assert) {
	u := c.u
	c.checkAssert(s)
	if c.optimize > 0 {
		return
	}
	end := u.newLabel()
	c.jumpIf(s.Test, end, true)
	u.emit(LOAD_ASSERTION_ERROR, 0)
	if s.Msg != nil {
		c.expr(s.Msg)
		u.emit(CALL, 1)
	}
	u.emit(RAISE_VARARGS, 1)
	u.place(end)
}

func (c *compiler) importStmt(s *syntax.Import) {
	u := c.u
	for _, a := range s.Names {
		c.loadConst(int64(0))
		c.loadConst(nil)
		c.emitName(IMPORT_NAME, a.Name)
		if a.Asname != "" {
			c.importAs(a.Name, a.Asname)
			continue
		}
		store := a.Name
		if i := strings.IndexByte(store, '.'); i >= 0 {
			store = store[:i]
		}
		c.nameop(store, syntax.Store)
	}
	_ = u
}

// importAs binds "import a.b.c as d": the IMPORT_NAME result is the top
// package, so walk down with IMPORT_FROM as CPython 3.11 does.
func (c *compiler) importAs(name, asname string) {
	u := c.u
	parts := strings.Split(name, ".")
	if len(parts) > 1 {
		for i, attr := range parts[1:] {
			u.emit(IMPORT_FROM, u.addName(attr))
			if i == len(parts)-2 {
				break
			}
			u.emit(SWAP, 2)
			u.emit(POP_TOP, 0)
		}
		c.nameop(asname, syntax.Store)
		u.emit(POP_TOP, 0)
		return
	}
	c.nameop(asname, syntax.Store)
}

func (c *compiler) importFrom(s *syntax.ImportFrom) {
	u := c.u
	c.loadConst(int64(s.Level))
	names := make(Tuple, len(s.Names))
	for i, a := range s.Names {
		names[i] = a.Name
	}
	if s.Lineno > c.futureLine && s.Module == "__future__" {
		c.errorf(c.locPos(), "from __future__ imports must occur at the beginning of the file")
	}
	c.loadConst(names)
	c.emitName(IMPORT_NAME, s.Module)
	for i, a := range s.Names {
		if i == 0 && strings.HasPrefix(a.Name, "*") {
			u.emit(IMPORT_STAR, 0)
			return
		}
		c.emitName(IMPORT_FROM, a.Name)
		store := a.Name
		if a.Asname != "" {
			store = a.Asname
		}
		c.nameop(store, syntax.Store)
	}
	u.emit(POP_TOP, 0)
}

func (c *compiler) augAssign(s *syntax.AugAssign) {
	u := c.u
	saved := u.loc
	c.setLoc(s.Target)
	switch t := s.Target.(type) {
	case *syntax.Attribute:
		c.expr(t.Value)
		u.emit(COPY, 1)
		c.locToAttr(t)
		c.emitName(LOAD_ATTR, t.Attr)
	case *syntax.Subscript:
		c.expr(t.Value)
		c.expr(t.Slice)
		u.emit(COPY, 2)
		u.emit(COPY, 2)
		u.emit(BINARY_SUBSCR, 0)
	case *syntax.Name:
		c.nameop(t.Id, syntax.Load)
	default:
		c.errorf(c.locPos(), "'%s' is an illegal expression for augmented assignment", exprName(s.Target))
	}
	u.loc = saved
	c.expr(s.Value)
	u.emit(BINARY_OP, int(OpInplace)+int(binaryOp(s.Op)))
	c.setLoc(s.Target)
	switch t := s.Target.(type) {
	case *syntax.Attribute:
		c.locToAttr(t)
		u.emit(SWAP, 2)
		c.emitName(STORE_ATTR, t.Attr)
	case *syntax.Subscript:
		u.emit(SWAP, 3)
		u.emit(SWAP, 2)
		u.emit(STORE_SUBSCR, 0)
	case *syntax.Name:
		c.nameop(t.Id, syntax.Store)
	}
}

func (c *compiler) annAssign(s *syntax.AnnAssign) {
	u := c.u
	if s.Value != nil {
		c.expr(s.Value)
		c.expr(s.Target)
	}
	switch t := s.Target.(type) {
	case *syntax.Name:
		c.forbiddenName(t.Id, syntax.Store)
		// A simple name at module or class level: store the annotation.
		if s.Simple != 0 && (u.scopeType == scopeModule || u.scopeType == scopeClass) {
			c.annotationValue(s.Annotation)
			c.u.emit(LOAD_NAME, u.addName("__annotations__"))
			c.loadConst(mangle(u.private, t.Id))
			u.emit(STORE_SUBSCR, 0)
		}
	case *syntax.Attribute:
		c.forbiddenName(t.Attr, syntax.Store)
		if s.Value == nil {
			c.checkAnnExpr(t.Value)
		}
	case *syntax.Subscript:
		if s.Value == nil {
			c.checkAnnExpr(t.Value)
			c.checkAnnSubscr(t.Slice)
		}
	default:
		c.errorf(c.locPos(), "invalid node type for annotated assignment")
	}
	// Annotations of complex targets are evaluated (and dropped) only at
	// module and class level, and not under "from __future__ import
	// annotations".
	if s.Simple == 0 && c.future&FutureAnnotations == 0 &&
		(u.scopeType == scopeModule || u.scopeType == scopeClass) {
		c.checkAnnExpr(s.Annotation)
	}
}

func (c *compiler) checkAnnExpr(e syntax.Expr) {
	c.expr(e)
	c.u.emit(POP_TOP, 0)
}

func (c *compiler) checkAnnSubscr(e syntax.Expr) {
	switch e := e.(type) {
	case *syntax.Slice:
		if e.Lower != nil {
			c.checkAnnExpr(e.Lower)
		}
		if e.Upper != nil {
			c.checkAnnExpr(e.Upper)
		}
		if e.Step != nil {
			c.checkAnnExpr(e.Step)
		}
	case *syntax.Tuple:
		for _, x := range e.Elts {
			c.checkAnnSubscr(x)
		}
	default:
		c.checkAnnExpr(e)
	}
}

// annotationValue pushes an annotation: its value, or its source text
// under "from __future__ import annotations".
func (c *compiler) annotationValue(e syntax.Expr) {
	if c.future&FutureAnnotations != 0 {
		c.loadConst(unparseAnnotation(e))
		return
	}
	c.expr(e)
}
