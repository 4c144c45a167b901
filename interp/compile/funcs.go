package compile

import (
	"freepy/interp/syntax"
)

// ---- functions, lambdas, classes ----

func (c *compiler) checkDebugArgs(a *syntax.Arguments) {
	check := func(p *syntax.Arg) {
		if p != nil && p.Arg == "__debug__" {
			c.errorf(p.Pos(), "cannot assign to __debug__")
		}
	}
	for _, p := range a.Posonlyargs {
		check(p)
	}
	for _, p := range a.Args {
		check(p)
	}
	check(a.Vararg)
	for _, p := range a.Kwonlyargs {
		check(p)
	}
	check(a.Kwarg)
}

// defaults pushes the defaults tuple and keyword-only defaults dict and
// returns the MAKE_FUNCTION flags for them.
func (c *compiler) defaults(a *syntax.Arguments) int {
	u := c.u
	flags := 0
	if len(a.Defaults) > 0 {
		if t, ok := c.constTuple(a.Defaults); ok {
			c.loadConst(t)
		} else {
			c.exprs(a.Defaults)
			u.emit(BUILD_TUPLE, len(a.Defaults))
		}
		flags |= FnDefaults
	}
	var keys Tuple
	for i, p := range a.Kwonlyargs {
		if i < len(a.KwDefaults) && a.KwDefaults[i] != nil {
			keys = append(keys, mangle(u.private, p.Arg))
			c.expr(a.KwDefaults[i])
		}
	}
	if len(keys) > 0 {
		c.loadConst(keys)
		u.emit(BUILD_CONST_KEY_MAP, len(keys))
		flags |= FnKwDefaults
	}
	return flags
}

// annotations pushes the function's annotations dict (if any) and
// returns FnAnnotations or 0.
func (c *compiler) annotations(a *syntax.Arguments, returns syntax.Expr) int {
	n := 0
	one := func(name string, ann syntax.Expr) {
		if ann == nil {
			return
		}
		c.loadConst(mangle(c.u.private, name))
		if s, ok := ann.(*syntax.Starred); ok && c.future&FutureAnnotations == 0 {
			// def f(*args: *Ts): the annotation is the unpacked value.
			c.expr(s.Value)
			c.u.emit(UNPACK_SEQUENCE, 1)
		} else {
			c.annotationValue(ann)
		}
		n++
	}
	many := func(list []*syntax.Arg) {
		for _, p := range list {
			one(p.Arg, p.Annotation)
		}
	}
	many(a.Args)
	many(a.Posonlyargs)
	if a.Vararg != nil {
		one(a.Vararg.Arg, a.Vararg.Annotation)
	}
	many(a.Kwonlyargs)
	if a.Kwarg != nil {
		one(a.Kwarg.Arg, a.Kwarg.Annotation)
	}
	one("return", returns)
	if n == 0 {
		return 0
	}
	c.u.emit(BUILD_MAP, n)
	return FnAnnotations
}

func (c *compiler) decorators(list []syntax.Expr) {
	for _, d := range list {
		c.expr(d)
	}
}

func (c *compiler) applyDecorators(list []syntax.Expr) {
	for i := len(list) - 1; i >= 0; i-- {
		saved := c.u.loc
		c.setLoc(list[i])
		c.u.emit(CALL, 1)
		c.u.loc = saved
	}
}

func (c *compiler) function(s syntax.Stmt, name string, args *syntax.Arguments, body []syntax.Stmt,
	decos []syntax.Expr, returns syntax.Expr, async bool) {
	c.checkDebugArgs(args)
	c.forbiddenName(name, syntax.Store)
	c.decorators(decos)
	firstLine := s.Pos().Lineno
	if len(decos) > 0 {
		firstLine = decos[0].Pos().Lineno
	}
	flags := c.defaults(args)
	flags |= c.annotations(args, returns)

	typ := scopeFunction
	if async {
		typ = scopeAsyncFunction
	}
	c.enterScope(name, typ, s, firstLine)
	u := c.u
	u.loc = toPosition(s.Pos())
	doc, hasDoc := Const(nil), false
	if c.optimize < 2 {
		doc, hasDoc = docstring(body)
	}
	// The docstring (or None) is always the first constant.
	u.addConst(doc)
	u.argCount = len(args.Args)
	u.posOnlyArgCount = len(args.Posonlyargs)
	u.kwOnlyArgCount = len(args.Kwonlyargs)
	start := 0
	if hasDoc {
		start = 1
	}
	c.stmts(body[start:])
	c.u.emitNoLine(LOAD_CONST, c.u.addConst(nil))
	c.u.emitNoLine(RETURN_VALUE, 0)
	code := c.assemble(u)
	c.exitScope()

	c.makeClosure(code, flags)
	c.applyDecorators(decos)
	c.setLoc(s)
	c.nameop(name, syntax.Store)
}

func (c *compiler) lambda(e *syntax.Lambda) {
	c.checkDebugArgs(e.Args)
	flags := c.defaults(e.Args)
	c.enterScope("<lambda>", scopeLambda, e, e.Lineno)
	u := c.u
	u.loc = toPosition(e.Pos())
	// None first, so a lambda never has a docstring.
	u.addConst(nil)
	u.argCount = len(e.Args.Args)
	u.posOnlyArgCount = len(e.Args.Posonlyargs)
	u.kwOnlyArgCount = len(e.Args.Kwonlyargs)
	c.expr(e.Body)
	u.emit(RETURN_VALUE, 0)
	code := c.assemble(u)
	c.exitScope()
	c.makeClosure(code, flags)
}

// makeClosure pushes a function made from code, with its closure cells.
func (c *compiler) makeClosure(code *Code, flags int) {
	u := c.u
	if len(code.Freevars) > 0 {
		for _, name := range code.Freevars {
			// The cell comes from this unit's cells or its own free
			// variables (LOAD_CLOSURE, not LOAD_DEREF).
			cell := false
			if u.scopeType == scopeClass && name == "__class__" {
				cell = true
			} else if u.ste.scopeOf(name) == scopeCell {
				cell = true
			}
			u.emit(LOAD_CLOSURE, c.derefIndex(name, cell))
		}
		u.emit(BUILD_TUPLE, len(code.Freevars))
		flags |= FnClosure
	}
	c.loadConst(code)
	u.emit(MAKE_FUNCTION, flags)
}

func (c *compiler) class(s *syntax.ClassDef) {
	c.decorators(s.DecoratorList)
	firstLine := s.Lineno
	if len(s.DecoratorList) > 0 {
		firstLine = s.DecoratorList[0].Pos().Lineno
	}
	c.enterScope(s.Name, scopeClass, s, firstLine)
	u := c.u
	u.private = s.Name
	u.loc = toPosition(s.Pos())
	c.nameop("__name__", syntax.Load)
	c.nameop("__module__", syntax.Store)
	c.loadConst(u.qualname)
	c.nameop("__qualname__", syntax.Store)
	c.body(s.Body)
	u.loc = artificial
	if u.ste.needsClassClosure {
		// Return the __class__ cell (and store it as __classcell__ so
		// type.__new__ can fill it in).
		u.emit(LOAD_CLOSURE, u.cellMap["__class__"])
		u.emit(COPY, 1)
		c.nameop("__classcell__", syntax.Store)
	} else {
		c.loadConst(nil)
	}
	u.emit(RETURN_VALUE, 0)
	code := c.assemble(u)
	c.exitScope()

	c.setLoc(s)
	c.u.emit(LOAD_BUILD_CLASS, 0)
	c.makeClosure(code, 0)
	c.loadConst(s.Name)
	c.callHelper(2, s.Bases, s.Keywords, nil)
	c.applyDecorators(s.DecoratorList)
	c.setLoc(s)
	c.nameop(s.Name, syntax.Store)
}

// ---- calls ----

func (c *compiler) validateKeywords(kws []*syntax.Keyword) {
	for i, k := range kws {
		if k.Arg == "" {
			continue
		}
		if k.Arg == "__debug__" {
			c.errorf(k.Pos(), "cannot assign to __debug__")
		}
		for _, o := range kws[i+1:] {
			if o.Arg == k.Arg {
				c.errorf(o.Pos(), "keyword argument repeated: %s", k.Arg)
			}
		}
	}
}

func (c *compiler) call(e *syntax.Call) {
	c.validateKeywords(e.Keywords)
	if c.methodCall(e) {
		return
	}
	c.checkCaller(e)
	c.expr(e.Func)
	c.callHelper(0, e.Args, e.Keywords, e)
}

// methodCall compiles obj.meth(args) with LOAD_METHOD/CALL_METHOD when
// there are no starred or keyword arguments.
func (c *compiler) methodCall(e *syntax.Call) bool {
	u := c.u
	meth, ok := e.Func.(*syntax.Attribute)
	if !ok || meth.Ctx != syntax.Load || len(e.Keywords) > 0 || len(e.Args) >= stackUseGuideline {
		return false
	}
	for _, a := range e.Args {
		if _, ok := a.(*syntax.Starred); ok {
			return false
		}
	}
	c.expr(meth.Value)
	saved := u.loc
	c.setLoc(meth)
	c.locToAttr(meth)
	c.emitName(LOAD_METHOD, meth.Attr)
	c.exprs(e.Args)
	c.setLoc(e)
	c.locToAttr(meth)
	u.emit(CALL_METHOD, len(e.Args))
	u.loc = saved
	return true
}

// callHelper emits a call of the callable on the stack, with n arguments
// already pushed above it, then args and keywords (compiler_call_helper).
// call is the call expression when there is one: obj.meth(a, k=v) is a
// method call in CPython 3.11 (only starred arguments rule that out), so
// its CALL has the attribute's line, as methodCall's have.
func (c *compiler) callHelper(n int, args []syntax.Expr, kws []*syntax.Keyword, call *syntax.Call) {
	u := c.u
	c.validateKeywords(kws)
	nelts, nkw := len(args), len(kws)
	simple := nelts+nkw*2 <= stackUseGuideline
	for _, a := range args {
		if _, ok := a.(*syntax.Starred); ok {
			simple = false
		}
	}
	for _, k := range kws {
		if k.Arg == "" {
			simple = false
		}
	}
	if simple {
		c.exprs(args)
		if nkw > 0 {
			names := make(Tuple, nkw)
			for i, k := range kws {
				c.expr(k.Value)
				names[i] = k.Arg
			}
			c.loadConst(names)
			saved := u.loc
			if meth, ok := attrFunc(call); ok && nelts+nkw+1 < stackUseGuideline {
				c.setLoc(call)
				c.locToAttr(meth)
			}
			u.emit(CALL_KW, n+nelts+nkw)
			u.loc = saved
			return
		}
		u.emit(CALL, n+nelts)
		return
	}

	// f(*args, **kwargs) form: build the positional tuple, then the dict.
	if s, ok := singleStarred(args); ok && n == 0 {
		c.expr(s.Value)
	} else {
		c.starUnpack(args, n, BUILD_LIST, LIST_APPEND, LIST_EXTEND, true)
	}
	if nkw > 0 {
		haveDict := false
		nseen := 0
		for i, k := range kws {
			if k.Arg == "" {
				if nseen > 0 {
					c.subkwargs(kws[i-nseen : i])
					if haveDict {
						u.emit(DICT_MERGE, 1)
					}
					haveDict = true
					nseen = 0
				}
				if !haveDict {
					u.emit(BUILD_MAP, 0)
					haveDict = true
				}
				c.expr(k.Value)
				u.emit(DICT_MERGE, 1)
			} else {
				nseen++
			}
		}
		if nseen > 0 {
			c.subkwargs(kws[nkw-nseen:])
			if haveDict {
				u.emit(DICT_MERGE, 1)
			}
		}
	}
	flag := 0
	if nkw > 0 {
		flag = 1
	}
	u.emit(CALL_EX, flag)
}

// attrFunc is the attribute a call calls (obj.meth(...)), if it is one.
func attrFunc(call *syntax.Call) (*syntax.Attribute, bool) {
	if call == nil {
		return nil, false
	}
	meth, ok := call.Func.(*syntax.Attribute)
	return meth, ok && meth.Ctx == syntax.Load
}

func singleStarred(args []syntax.Expr) (*syntax.Starred, bool) {
	if len(args) != 1 {
		return nil, false
	}
	s, ok := args[0].(*syntax.Starred)
	return s, ok
}

func (c *compiler) subkwargs(kws []*syntax.Keyword) {
	u := c.u
	n := len(kws)
	big := n*2 > stackUseGuideline
	if n > 1 && !big {
		names := make(Tuple, n)
		for i, k := range kws {
			c.expr(k.Value)
			names[i] = k.Arg
		}
		c.loadConst(names)
		u.emit(BUILD_CONST_KEY_MAP, n)
		return
	}
	if big {
		u.emitNoLine(BUILD_MAP, 0)
	}
	for _, k := range kws {
		c.loadConst(k.Arg)
		c.expr(k.Value)
		if big {
			u.emitNoLine(MAP_ADD, 1)
		}
	}
	if !big {
		u.emit(BUILD_MAP, n)
	}
}

// ---- comprehensions ----

func (c *compiler) comprehension(e syntax.Expr, name string, kind compKind,
	gens []*syntax.Comprehension, elt, val syntax.Expr) {
	outerScope := c.u.scopeType
	topLevelAwait := c.isTopLevelAwait()
	c.enterScope(name, scopeComprehension, e, e.Pos().Lineno)
	u := c.u
	u.loc = toPosition(e.Pos())
	isAsyncGen := u.ste.coroutine
	if isAsyncGen && kind != compGen && outerScope != scopeAsyncFunction &&
		outerScope != scopeComprehension && !topLevelAwait {
		c.errorf(c.locPos(), "asynchronous comprehension outside of an asynchronous function")
	}
	switch kind {
	case compList:
		u.emit(BUILD_LIST, 0)
	case compSet:
		u.emit(BUILD_SET, 0)
	case compDict:
		u.emit(BUILD_MAP, 0)
	}
	c.compGenerator(gens, 0, 0, elt, val, kind)
	if kind != compGen {
		u.emit(RETURN_VALUE, 0)
	} else {
		u.emitNoLine(LOAD_CONST, u.addConst(nil))
		u.emitNoLine(RETURN_VALUE, 0)
	}
	code := c.assemble(u)
	c.exitScope()
	if topLevelAwait && isAsyncGen {
		c.u.ste.coroutine = true
	}
	c.makeClosure(code, 0)
	outer := gens[0]
	c.iterExpr(outer.Iter)
	if outer.IsAsync != 0 {
		c.u.emit(GET_AITER, 0)
	} else {
		c.u.emit(GET_ITER, 0)
	}
	c.u.emit(CALL, 1)
	if isAsyncGen && kind != compGen {
		c.u.emit(GET_AWAITABLE, 0)
		c.loadConst(nil)
		c.yieldFrom(true)
	}
}

// iterExpr pushes an iterable; a list display of constants becomes a
// constant tuple, as CPython's AST optimizer does for "for x in [1, 2]".
func (c *compiler) iterExpr(e syntax.Expr) {
	if l, ok := e.(*syntax.List); ok && l.Ctx == syntax.Load {
		if t, ok := c.constTuple(l.Elts); ok {
			c.setLocAndLoad(e, t)
			return
		}
	}
	c.expr(e)
}

func (c *compiler) compGenerator(gens []*syntax.Comprehension, index, depth int, elt, val syntax.Expr, kind compKind) {
	if gens[index].IsAsync != 0 {
		c.asyncCompGenerator(gens, index, depth, elt, val, kind)
	} else {
		c.syncCompGenerator(gens, index, depth, elt, val, kind)
	}
}

func (c *compiler) syncCompGenerator(gens []*syntax.Comprehension, index, depth int, elt, val syntax.Expr, kind compKind) {
	u := c.u
	start := u.newLabel()
	loop := true
	ifCleanup := u.newLabel()
	anchor := u.newLabel()
	gen := gens[index]
	if index == 0 {
		// The outermost iterator arrives as argument ".0".
		u.argCount = 1
		u.emit(LOAD_FAST, 0)
	} else {
		// "for y in [f(x)]" binds y without a loop.
		var elts []syntax.Expr
		switch it := gen.Iter.(type) {
		case *syntax.List:
			elts = it.Elts
		case *syntax.Tuple:
			elts = it.Elts
		}
		if len(elts) == 1 {
			if _, starred := elts[0].(*syntax.Starred); !starred {
				c.expr(elts[0])
				loop = false
			}
		}
		if loop {
			c.iterExpr(gen.Iter)
			u.emit(GET_ITER, 0)
		}
	}
	if loop {
		depth++
		u.place(start)
		u.emitJump(FOR_ITER, anchor)
	}
	c.expr(gen.Target)
	for _, cond := range gen.Ifs {
		c.jumpIf(cond, ifCleanup, false)
	}
	if index+1 < len(gens) {
		c.compGenerator(gens, index+1, depth, elt, val, kind)
	} else {
		c.compElement(depth, elt, val, kind)
	}
	u.place(ifCleanup)
	if loop {
		u.emitJump(JUMP, start)
		u.place(anchor)
	}
}

func (c *compiler) compElement(depth int, elt, val syntax.Expr, kind compKind) {
	u := c.u
	switch kind {
	case compGen:
		c.expr(elt)
		c.yield()
		u.emit(POP_TOP, 0)
	case compList:
		c.expr(elt)
		u.emit(LIST_APPEND, depth+1)
	case compSet:
		c.expr(elt)
		u.emit(SET_ADD, depth+1)
	case compDict:
		c.expr(elt)
		c.expr(val)
		u.emit(MAP_ADD, depth+1)
	}
}

func (c *compiler) asyncCompGenerator(gens []*syntax.Comprehension, index, depth int, elt, val syntax.Expr, kind compKind) {
	u := c.u
	start := u.newLabel()
	except := u.newLabel()
	ifCleanup := u.newLabel()
	gen := gens[index]
	if index == 0 {
		u.argCount = 1
		u.emit(LOAD_FAST, 0)
	} else {
		c.expr(gen.Iter)
		u.emit(GET_AITER, 0)
	}
	u.place(start)
	c.pushFblock(fbAsyncComprehensionGenerator, start, noLabel, nil)
	u.emitJump(SETUP_FINALLY, except)
	u.emit(GET_ANEXT, 0)
	c.loadConst(nil)
	c.yieldFrom(true)
	u.emit(POP_BLOCK, 0)
	c.expr(gen.Target)
	for _, cond := range gen.Ifs {
		c.jumpIf(cond, ifCleanup, false)
	}
	depth++
	if index+1 < len(gens) {
		c.compGenerator(gens, index+1, depth, elt, val, kind)
	} else {
		c.compElement(depth, elt, val, kind)
	}
	u.place(ifCleanup)
	u.emitJump(JUMP, start)
	c.popFblock(fbAsyncComprehensionGenerator)
	u.place(except)
	u.emit(END_ASYNC_FOR, 0)
}
