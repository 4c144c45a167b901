package compile

import "freepy/interp/syntax"

// Exception handling. A handler is entered with the stack cut back to
// the level of its SETUP_* and the exception pushed; there is no lasti
// on the stack, which is the only difference from CPython 3.11's
// sequences (see opcode.go).

// popExceptAndReraise is the cleanup handler [prev, exc]: restore the
// previously handled exception and re-raise exc. RERAISE 1 puts the
// frame's line back where exc was raised, as CPython's does with the
// lasti it saves: the frame's f_lineno once exc has left it.
func (c *compiler) popExceptAndReraise() {
	u := c.u
	u.emit(COPY, 2)
	u.emit(POP_EXCEPT, 0)
	u.emit(RERAISE, 1)
}

// tryFinally compiles try/finally; with handlers, the try/except is
// nested inside.
func (c *compiler) tryFinally(body []syntax.Stmt, handlers []*syntax.ExceptHandler,
	orelse, finalbody []syntax.Stmt, star bool) {
	u := c.u
	bodyL := u.newLabel()
	end := u.newLabel()
	exit := u.newLabel()
	cleanup := u.newLabel()

	// try block
	u.emitJump(SETUP_FINALLY, end)
	u.place(bodyL)
	c.pushFblock(fbFinallyTry, bodyL, end, finalbody)
	if len(handlers) > 0 {
		if star {
			c.tryStarExcept(body, handlers, orelse)
		} else {
			c.tryExcept(body, handlers, orelse)
		}
	} else {
		c.stmts(body)
	}
	u.emitNoLine(POP_BLOCK, 0)
	c.popFblock(fbFinallyTry)
	c.stmts(finalbody)
	u.emitJumpNoLine(JUMP, exit)

	// finally block, on the exception path: [exc]
	u.place(end)
	u.loc = artificial
	u.emitJump(SETUP_CLEANUP, cleanup)
	u.emit(PUSH_EXC_INFO, 0)
	c.pushFblock(fbFinallyEnd, end, noLabel, nil)
	c.stmts(finalbody)
	c.popFblock(fbFinallyEnd)
	u.emit(RERAISE, 0)
	u.place(cleanup)
	c.popExceptAndReraise()
	u.place(exit)
}

func (c *compiler) tryExcept(body []syntax.Stmt, handlers []*syntax.ExceptHandler, orelse []syntax.Stmt) {
	u := c.u
	bodyL := u.newLabel()
	except := u.newLabel()
	end := u.newLabel()
	cleanup := u.newLabel()

	u.emitJump(SETUP_FINALLY, except)
	u.place(bodyL)
	c.pushFblock(fbTryExcept, bodyL, noLabel, nil)
	c.stmts(body)
	c.popFblock(fbTryExcept)
	u.emitNoLine(POP_BLOCK, 0)
	c.stmts(orelse)
	u.emitJumpNoLine(JUMP, end)

	u.place(except)
	u.loc = artificial
	u.emitJump(SETUP_CLEANUP, cleanup)
	u.emit(PUSH_EXC_INFO, 0)
	// The handlers run with [prev, exc] on the stack.
	c.pushFblock(fbExceptionHandler, noLabel, noLabel, nil)
	for i, h := range handlers {
		c.setLoc(h)
		if h.Type == nil && i < len(handlers)-1 {
			c.errorf(h.Pos(), "default 'except:' must be last")
		}
		next := u.newLabel()
		if h.Type != nil {
			c.expr(h.Type)
			u.emit(CHECK_EXC_MATCH, 0)
			u.emitJump(POP_JUMP_IF_FALSE, next)
		}
		if h.Name != "" {
			cleanupEnd := u.newLabel()
			cleanupBody := u.newLabel()
			c.nameop(h.Name, syntax.Store)
			// try: body finally: name = None; del name
			u.emitJump(SETUP_CLEANUP, cleanupEnd)
			u.place(cleanupBody)
			c.pushFblock(fbHandlerCleanup, cleanupBody, noLabel, h.Name)
			c.stmts(h.Body)
			c.popFblock(fbHandlerCleanup)
			u.loc = artificial
			u.emit(POP_BLOCK, 0)
			u.emit(POP_BLOCK, 0)
			u.emit(POP_EXCEPT, 0)
			c.loadConst(nil)
			c.nameop(h.Name, syntax.Store)
			c.nameop(h.Name, syntax.Del)
			u.emitJump(JUMP, end)

			// The handler body raised: [prev, exc2].
			u.place(cleanupEnd)
			u.loc = artificial
			c.loadConst(nil)
			c.nameop(h.Name, syntax.Store)
			c.nameop(h.Name, syntax.Del)
			u.emit(RERAISE, 1)
		} else {
			cleanupBody := u.newLabel()
			u.emit(POP_TOP, 0) // the exception
			u.place(cleanupBody)
			c.pushFblock(fbHandlerCleanup, cleanupBody, noLabel, nil)
			c.stmts(h.Body)
			c.popFblock(fbHandlerCleanup)
			u.loc = artificial
			u.emit(POP_BLOCK, 0)
			u.emit(POP_EXCEPT, 0)
			u.emitJump(JUMP, end)
		}
		u.place(next)
	}
	u.loc = artificial
	c.popFblock(fbExceptionHandler)
	// No handler matched: re-raise, restoring the previous exception.
	// The instruction has the last clause's line, as in CPython (the
	// frame's f_lineno after the exception leaves it).
	last := handlers[len(handlers)-1]
	u.emitAside(RERAISE, 0, toPosition(last.Pos()))
	u.place(cleanup)
	c.popExceptAndReraise()
	u.place(end)
}

// tryStarExcept compiles try/except* (compiler_try_star_except).
func (c *compiler) tryStarExcept(body []syntax.Stmt, handlers []*syntax.ExceptHandler, orelse []syntax.Stmt) {
	u := c.u
	bodyL := u.newLabel()
	except := u.newLabel()
	orelseL := u.newLabel()
	end := u.newLabel()
	cleanup := u.newLabel()
	reraiseStar := u.newLabel()

	u.emitJump(SETUP_FINALLY, except)
	u.place(bodyL)
	c.pushFblock(fbTryExcept, bodyL, noLabel, nil)
	c.stmts(body)
	c.popFblock(fbTryExcept)
	u.emitNoLine(POP_BLOCK, 0)
	u.emitJumpNoLine(JUMP, orelseL)

	u.place(except)
	u.loc = artificial
	u.emitJump(SETUP_CLEANUP, cleanup)
	u.emit(PUSH_EXC_INFO, 0)
	c.pushFblock(fbExceptionGroupHandler, noLabel, noLabel, nil)
	n := len(handlers)
	for i, h := range handlers {
		c.setLoc(h)
		next := u.newLabel()
		exceptWithError := u.newLabel()
		noMatch := u.newLabel()
		if i == 0 {
			// [prev, exc] -> [prev, orig, [], exc]: the original group
			// and the list of exceptions raised by the handlers.
			u.emit(COPY, 1)
			u.emit(BUILD_LIST, 0)
			u.emit(SWAP, 2)
		}
		if h.Type != nil {
			c.expr(h.Type)
			u.emit(CHECK_EG_MATCH, 0)
			u.emit(COPY, 1)
			u.emitJump(POP_JUMP_IF_NONE, noMatch)
		}
		cleanupEnd := u.newLabel()
		cleanupBody := u.newLabel()
		if h.Name != "" {
			c.nameop(h.Name, syntax.Store)
		} else {
			u.emit(POP_TOP, 0) // the match
		}
		u.emitJump(SETUP_CLEANUP, cleanupEnd)
		u.place(cleanupBody)
		c.pushFblock(fbHandlerCleanup, cleanupBody, noLabel, h.Name)
		c.stmts(h.Body)
		c.popFblock(fbHandlerCleanup)
		u.loc = artificial
		u.emit(POP_BLOCK, 0)
		if h.Name != "" {
			c.loadConst(nil)
			c.nameop(h.Name, syntax.Store)
			c.nameop(h.Name, syntax.Del)
		}
		u.emitJump(JUMP, next)

		// The handler raised: [prev, orig, list, rest, exc2].
		u.place(cleanupEnd)
		u.loc = artificial
		if h.Name != "" {
			c.loadConst(nil)
			c.nameop(h.Name, syntax.Store)
			c.nameop(h.Name, syntax.Del)
		}
		u.emit(LIST_APPEND, 2) // add the raised exception to the list
		u.emitJump(JUMP, exceptWithError)
		u.place(next)
		u.emit(NOP, 0)
		u.emitJump(JUMP, exceptWithError)
		u.place(noMatch)
		u.emit(POP_TOP, 0) // the match (None)
		u.place(exceptWithError)
		if i == n-1 {
			// Add the unhandled rest (if not None) to the list.
			u.emit(LIST_APPEND, 1)
			u.emitJump(JUMP, reraiseStar)
		}
	}
	u.loc = artificial
	c.popFblock(fbExceptionGroupHandler)
	reraise := u.newLabel()
	u.place(reraiseStar)
	u.emit(PREP_RERAISE_STAR, 0)
	u.emit(COPY, 1)
	u.emitJump(POP_JUMP_IF_NOT_NONE, reraise)
	// Nothing to re-raise.
	u.emit(POP_TOP, 0)
	u.emit(POP_BLOCK, 0)
	u.emit(POP_EXCEPT, 0)
	u.emitJump(JUMP, end)
	u.place(reraise)
	u.emit(POP_BLOCK, 0)
	u.emit(SWAP, 2)
	u.emit(POP_EXCEPT, 0)
	u.emit(RERAISE, 0)
	u.place(cleanup)
	c.popExceptAndReraise()
	u.place(orelseL)
	c.stmts(orelse)
	u.place(end)
}

// with compiles the items of a with statement from pos on, nesting one
// block per item.
func (c *compiler) with(s *syntax.With, pos int) {
	u := c.u
	item := s.Items[pos]
	block := u.newLabel()
	final := u.newLabel()
	exit := u.newLabel()
	cleanup := u.newLabel()

	c.expr(item.ContextExpr)
	// [mgr] -> [exit, enter-result]
	u.emit(BEFORE_WITH, 0)
	u.emitJump(SETUP_WITH, final)
	u.place(block)
	c.pushFblock(fbWith, block, final, syntax.Stmt(s))
	if item.OptionalVars != nil {
		c.expr(item.OptionalVars)
	} else {
		u.emit(POP_TOP, 0)
	}
	if pos+1 == len(s.Items) {
		c.stmts(s.Body)
	} else {
		c.with(s, pos+1)
	}
	u.loc = artificial
	u.emit(POP_BLOCK, 0)
	c.popFblock(fbWith)
	// Normal exit: call __exit__(None, None, None).
	c.setLoc(s)
	c.callExitWithNones()
	u.emit(POP_TOP, 0)
	u.emitJump(JUMP, exit)

	// Exceptional exit: [exit, exc].
	u.place(final)
	u.emitJump(SETUP_CLEANUP, cleanup)
	u.emit(PUSH_EXC_INFO, 0)
	u.emit(WITH_EXCEPT_START, 0)
	c.withExceptFinish(cleanup)
	u.place(exit)
}

// withExceptFinish: [exit, prev, exc, result-of-exit]; re-raise unless
// the result is true.
func (c *compiler) withExceptFinish(cleanup label) {
	u := c.u
	u.loc = artificial
	exit := u.newLabel()
	u.emitJump(POP_JUMP_IF_TRUE, exit)
	u.emit(RERAISE, 2)
	u.place(cleanup)
	c.popExceptAndReraise()
	u.place(exit)
	u.emit(POP_TOP, 0) // exc
	u.emit(POP_BLOCK, 0)
	u.emit(POP_EXCEPT, 0)
	u.emit(POP_TOP, 0) // exit
}

func (c *compiler) asyncWith(s *syntax.AsyncWith, pos int) {
	u := c.u
	item := s.Items[pos]
	c.checkAsync("async with")
	block := u.newLabel()
	final := u.newLabel()
	exit := u.newLabel()
	cleanup := u.newLabel()

	c.expr(item.ContextExpr)
	u.emit(BEFORE_ASYNC_WITH, 0)
	u.emit(GET_AWAITABLE, 1)
	c.loadConst(nil)
	c.yieldFrom(true)
	u.emitJump(SETUP_WITH, final)
	u.place(block)
	c.pushFblock(fbAsyncWith, block, final, syntax.Stmt(s))
	if item.OptionalVars != nil {
		c.expr(item.OptionalVars)
	} else {
		u.emit(POP_TOP, 0)
	}
	if pos+1 == len(s.Items) {
		c.stmts(s.Body)
	} else {
		c.asyncWith(s, pos+1)
	}
	c.popFblock(fbAsyncWith)
	u.loc = artificial
	u.emit(POP_BLOCK, 0)
	c.setLoc(s)
	c.callExitWithNones()
	u.emit(GET_AWAITABLE, 2)
	c.loadConst(nil)
	c.yieldFrom(true)
	u.emit(POP_TOP, 0)
	u.emitJump(JUMP, exit)

	u.place(final)
	u.emitJump(SETUP_CLEANUP, cleanup)
	u.emit(PUSH_EXC_INFO, 0)
	u.emit(WITH_EXCEPT_START, 0)
	u.emit(GET_AWAITABLE, 2)
	c.loadConst(nil)
	c.yieldFrom(true)
	c.withExceptFinish(cleanup)
	u.place(exit)
}
