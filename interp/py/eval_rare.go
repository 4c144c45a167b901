package py

import (
	c "freepy/interp/compile"
)

// executeRare runs one instruction that execute does not run itself: those
// that are rare in loops (imports, exception handling, with, class
// bodies, async, match) or whose own work dwarfs a function call (building
// dicts and sets, f-string formatting, calls with keywords or *args, making
// functions). Keeping them out of execute keeps the hot loop's machine
// code and stack frame small: every case of one big Go function competes
// for the same registers, and values live across any call are spilled at
// the loop head for every instruction.
//
// execute saves pc and sp in f before the call (so tracebacks and frame
// introspection in callees see them) and reloads sp after it. None of
// these instructions jumps, switches frames or returns from the frame;
// an exception is returned with f.pc and f.sp saved, as by fail.
//
// The instruction is the one at f.pc-1: the quickened one, or the
// compiler's when the frame runs the traced stream (traceStep returns
// code.Instrs[f.pc-1], and fused instructions are not traced).
func (t *Thread) executeRare(f *Frame, traced bool) error {
	code := f.code
	ins := code.quick[f.pc-1]
	if traced {
		ins = code.Instrs[f.pc-1]
	}
	names := code.names
	stack := f.stack
	pc, sp := f.pc, f.sp
	arg := int(ins >> 8)
	var err error
	switch c.Opcode(ins & 0xff) {
	case qSuperMethod:
		v, err := loadGlobal(f, pc-1, names[arg])
		if err != nil {
			return f.raise(pc, sp, err)
		}
		if v == Object(SuperType) {
			name := names[code.quick[pc+1]>>8]
			if fn, self := superMethod(f, name); fn != nil {
				// the CALL and the LOAD_METHOD are done
				stack[sp], stack[sp+1] = fn, self
				f.pc, f.sp = pc+2, sp+2
				return nil
			}
		}
		// the LOAD_GLOBAL alone; the CALL makes the super object
		stack[sp] = v
		sp++
	case c.NOP:
	case c.DELETE_FAST:
		if f.fast[arg] == nil {
			return f.raise(pc, sp, unboundLocal(code.Varnames[arg]))
		}
		f.fast[arg] = nil
	case c.DELETE_DEREF:
		if f.cells[arg].Get() == nil {
			return f.raise(pc, sp, freeVarError(f, arg))
		}
		f.cells[arg].Set(nil)
	case c.LOAD_CLOSURE:
		stack[sp] = f.cells[arg]
		sp++
	case c.LOAD_CLASSDEREF:
		name := f.cellName(arg)
		v, err := mappingGet(t, f.locals, Intern(name))
		if err != nil {
			return f.raise(pc, sp, err)
		}
		if v == nil {
			v = f.cells[arg].Get()
			if v == nil {
				return f.raise(pc, sp, freeVarError(f, arg))
			}
		}
		stack[sp] = v
		sp++
	case c.STORE_GLOBAL:
		sp--
		f.globals.setItemStr(names[arg], stack[sp])
		stack[sp] = nil
	case c.DELETE_GLOBAL:
		found, err := f.globals.DelItem(t, names[arg])
		if err != nil {
			return f.raise(pc, sp, err)
		}
		if !found {
			return f.raise(pc, sp, nameError(names[arg].s))
		}
	case c.LOAD_NAME:
		name := names[arg]
		v, err := mappingGet(t, f.locals, name)
		if err != nil {
			return f.raise(pc, sp, err)
		}
		if v == nil {
			v = f.globals.getStr(name)
			if v == nil {
				v = f.builtins.getStr(name)
				if v == nil {
					return f.raise(pc, sp, nameError(name.s))
				}
			}
		}
		stack[sp] = v
		sp++
	case c.STORE_NAME:
		sp--
		v := stack[sp]
		stack[sp] = nil
		if d, ok := f.locals.(*Dict); ok {
			d.setItemStr(names[arg], v)
		} else if f.locals == nil {
			return f.raise(pc, sp, Errorf(SystemErrorType, "no locals found when storing '%s'", names[arg].s))
		} else if err := SetItem(t, f.locals, names[arg], v); err != nil {
			return f.raise(pc, sp, err)
		}
	case c.DELETE_NAME:
		if err := DelItem(t, f.locals, names[arg]); err != nil {
			if IsInstanceOf(err, KeyErrorType) {
				err = nameError(names[arg].s)
			}
			return f.raise(pc, sp, err)
		}
	case c.DELETE_ATTR:
		if err := SetAttr(t, stack[sp-1], names[arg], nil); err != nil {
			return f.raise(pc, sp, err)
		}
		sp--
		stack[sp] = nil
	case c.LOAD_ASSERTION_ERROR:
		stack[sp] = AssertionErrorType
		sp++
	case c.LOAD_BUILD_CLASS:
		v := f.builtins.GetStr("__build_class__")
		if v == nil {
			return f.raise(pc, sp, NewError(NameErrorType, "__build_class__ not found"))
		}
		stack[sp] = v
		sp++

	case c.UNARY_POSITIVE:
		v, err := UnaryOp(t, stack[sp-1], LoadPtr(&stack[sp-1].Type().Pos), "+")
		if err != nil {
			return f.raise(pc, sp, err)
		}
		stack[sp-1] = v
	case c.UNARY_INVERT:
		v, err := UnaryOp(t, stack[sp-1], LoadPtr(&stack[sp-1].Type().Invert), "~")
		if err != nil {
			return f.raise(pc, sp, err)
		}
		stack[sp-1] = v
	case c.DELETE_SUBSCR:
		if err := DelItem(t, stack[sp-2], stack[sp-1]); err != nil {
			return f.raise(pc, sp, err)
		}
		sp -= 2
		stack[sp], stack[sp+1] = nil, nil

	case c.BUILD_SET:
		s := NewSet()
		for _, v := range stack[sp-arg : sp] {
			if err := s.d.setUnshared(t, v, None); err != nil {
				return f.raise(pc, sp, err)
			}
		}
		clear(stack[sp-arg : sp])
		sp -= arg
		stack[sp] = s
		sp++
	case c.BUILD_MAP:
		d := NewDictSize(arg)
		for i := sp - 2*arg; i < sp; i += 2 {
			if err := d.setUnshared(t, stack[i], stack[i+1]); err != nil {
				return f.raise(pc, sp, err)
			}
		}
		clear(stack[sp-2*arg : sp])
		sp -= 2 * arg
		stack[sp] = d
		sp++
	case c.BUILD_CONST_KEY_MAP:
		keys := stack[sp-1].(*Tuple).items
		d := NewDictSize(arg)
		for i, k := range keys {
			if err := d.setUnshared(t, k, stack[sp-1-arg+i]); err != nil {
				return f.raise(pc, sp, err)
			}
		}
		clear(stack[sp-1-arg : sp])
		sp -= arg + 1
		stack[sp] = d
		sp++
	case c.BUILD_STRING:
		v := t.buildString(stack[sp-arg : sp])
		clear(stack[sp-arg : sp])
		sp -= arg
		stack[sp] = v
		sp++
	case c.BUILD_SLICE:
		var step Object = None
		if arg == 3 {
			sp--
			step = stack[sp]
			stack[sp] = nil
		}
		stack[sp-2] = &Slice{Start: stack[sp-2], Stop: stack[sp-1], Step: step}
		sp--
		stack[sp] = nil
	case c.LIST_EXTEND:
		sp--
		if err := listExtend(t, stack[sp-arg].(*List), stack[sp]); err != nil {
			if IsInstanceOf(err, TypeErrorType) && LoadPtr(&stack[sp].Type().Iter) == nil && LoadPtr(&stack[sp].Type().GetItem) == nil {
				err = TypeErrorf("Value after * must be an iterable, not %s", typeName(stack[sp]))
			}
			return f.raise(pc, sp, err)
		}
		stack[sp] = nil
	case c.SET_UPDATE:
		sp--
		if err := stack[sp-arg].(*Set).update(t, stack[sp]); err != nil {
			return f.raise(pc, sp, err)
		}
		stack[sp] = nil
	case c.DICT_UPDATE:
		sp--
		if err := dictUpdateFrom(t, stack[sp-arg].(*Dict), stack[sp]); err != nil {
			if IsInstanceOf(err, AttributeErrorType) {
				err = TypeErrorf("'%s' object is not a mapping", typeName(stack[sp]))
			}
			return f.raise(pc, sp, err)
		}
		stack[sp] = nil
	case c.DICT_MERGE:
		sp--
		if err := dictMerge(t, stack[sp-arg].(*Dict), stack[sp], stack[sp-arg-2]); err != nil {
			return f.raise(pc, sp, err)
		}
		stack[sp] = nil
	case c.LIST_TO_TUPLE:
		stack[sp-1] = NewTuple(stack[sp-1].(*List).snapshot()...)
	case c.UNPACK_EX:
		before, after := arg&0xff, arg>>8
		items, err := ToSlice(t, stack[sp-1])
		if err != nil {
			if IsInstanceOf(err, TypeErrorType) && LoadPtr(&stack[sp-1].Type().Iter) == nil && LoadPtr(&stack[sp-1].Type().GetItem) == nil {
				err = TypeErrorf("cannot unpack non-iterable %s object", typeName(stack[sp-1]))
			}
			return f.raise(pc, sp, err)
		}
		if len(items) < before+after {
			return f.raise(pc, sp, ValueErrorf("not enough values to unpack (expected at least %d, got %d)", before+after, len(items)))
		}
		sp--
		for i := len(items) - 1; i >= len(items)-after; i-- {
			stack[sp] = items[i]
			sp++
		}
		stack[sp] = NewList(append([]Object(nil), items[before:len(items)-after]...)...)
		sp++
		for i := before - 1; i >= 0; i-- {
			stack[sp] = items[i]
			sp++
		}
	case c.FORMAT_VALUE:
		var spec Object
		if arg&4 != 0 {
			sp--
			spec = stack[sp]
			stack[sp] = nil
		}
		v := stack[sp-1]
		switch arg & 3 {
		case 1:
			v, err = StrOf(t, v)
		case 2:
			v, err = Repr(t, v)
		case 3:
			v, err = Ascii(t, v)
		}
		if err != nil {
			return f.raise(pc, sp, err)
		}
		if s, ok := v.(*Str); !ok || (spec != nil && spec.(*Str).s != "") {
			if spec == nil {
				spec = Intern("")
			}
			v, err = Format(t, v, spec.(*Str))
			if err != nil {
				return f.raise(pc, sp, err)
			}
		} else {
			v = s
		}
		stack[sp-1] = v

	case c.MAKE_FUNCTION:
		sp--
		fcode := stack[sp].(*Code)
		stack[sp] = nil
		if fcode.comp && arg&^c.FnClosure == 0 {
			sp = compFunction(t, fcode, f.globals, arg, stack, sp)
			break
		}
		fn := NewFunction(t, fcode, f.globals)
		if arg&c.FnClosure != 0 {
			sp--
			cells := stack[sp].(*Tuple).items
			fn.Closure = make([]*Cell, len(cells))
			for i, cl := range cells {
				fn.Closure[i] = cl.(*Cell)
			}
			stack[sp] = nil
		}
		if arg&c.FnAnnotations != 0 {
			sp--
			fn.annotations = annotationsDict(t, stack[sp])
			stack[sp] = nil
		}
		if arg&c.FnKwDefaults != 0 {
			sp--
			fn.kwDefaults = stack[sp].(*Dict)
			stack[sp] = nil
		}
		if arg&c.FnDefaults != 0 {
			sp--
			fn.defaults = stack[sp].(*Tuple)
			stack[sp] = nil
		}
		stack[sp] = fn
		sp++
	case c.CALL_KW:
		kwn := code.kwnamesOf(stack[sp-1])
		fn := stack[sp-arg-2]
		f.pc, f.sp = pc, sp
		v, err := Call(t, fn, stack[sp-arg-1:sp-1], kwn)
		if err != nil {
			return f.raise(pc, sp, err)
		}
		clear(stack[sp-arg-2 : sp])
		sp -= arg + 2
		stack[sp] = v
		sp++
	case c.CALL_EX:
		var kwargs *Dict
		if arg&1 != 0 {
			sp--
			kwargs = stack[sp].(*Dict)
			stack[sp] = nil
		}
		sp--
		fn := stack[sp-1]
		var posargs []Object
		if tup, ok := stack[sp].(*Tuple); ok {
			posargs = tup.items
		} else {
			items, err := ToSlice(t, stack[sp])
			if err != nil {
				if IsInstanceOf(err, TypeErrorType) && LoadPtr(&stack[sp].Type().Iter) == nil && LoadPtr(&stack[sp].Type().GetItem) == nil {
					err = TypeErrorf("%s argument after * must be an iterable, not %s", funcDesc(t, fn), typeName(stack[sp]))
				}
				return f.raise(pc, sp, err)
			}
			posargs = items
		}
		stack[sp] = nil
		f.pc, f.sp = pc, sp
		v, err := CallWithKwargs(t, fn, posargs, kwargs)
		if err != nil {
			return f.raise(pc, sp, err)
		}
		stack[sp-1] = v

	case c.IMPORT_NAME:
		fromlist := stack[sp-1]
		level := stack[sp-2]
		f.pc, f.sp = pc, sp
		m, err := t.importName(f, names[arg], fromlist, level)
		if err != nil {
			return f.raise(pc, sp, err)
		}
		sp--
		stack[sp] = nil
		stack[sp-1] = m
	case c.IMPORT_FROM:
		v, err := importFrom(t, stack[sp-1], names[arg])
		if err != nil {
			return f.raise(pc, sp, err)
		}
		stack[sp] = v
		sp++
	case c.IMPORT_STAR:
		sp--
		if err := importStar(t, f, stack[sp]); err != nil {
			return f.raise(pc, sp, err)
		}
		stack[sp] = nil

	case c.PUSH_EXC_INFO:
		exc := stack[sp-1]
		var prev Object = None
		if t.excInfo != nil {
			prev = t.excInfo
		}
		if g := f.gen; g != nil && !g.own {
			// the generator has no handled exception of its own: what
			// is handled now is its resumer's, which may be another
			// one when the generator leaves this handler
			prev = resumersExc
			g.own = true
		}
		stack[sp-1] = prev
		stack[sp] = exc
		sp++
		if e, ok := exc.(*BaseException); ok {
			t.excInfo = e
		}
	case c.POP_EXCEPT:
		sp--
		if e, ok := stack[sp].(*BaseException); ok {
			if e == resumersExc {
				e = f.gen.prevExc
				f.gen.own = false
			}
			t.excInfo = e
		} else {
			t.excInfo = nil
		}
		stack[sp] = nil
	case c.RERAISE:
		sp--
		exc := stack[sp]
		stack[sp] = nil
		f.reraise = true
		f.relasti = arg != 0
		if e, ok := exc.(*BaseException); ok {
			return f.raise(pc, sp, e)
		}
		return f.raise(pc, sp, TypeErrorf("exceptions must derive from BaseException"))
	case c.RAISE_VARARGS:
		f.pc, f.sp = pc, sp
		var e error
		switch arg {
		case 0:
			if t.excInfo == nil {
				e = NewError(RuntimeErrorType, "No active exception to reraise")
			} else {
				e = t.excInfo
				f.reraise = true
			}
		case 1:
			sp--
			e = makeRaise(t, stack[sp], nil, false)
			stack[sp] = nil
		case 2:
			sp -= 2
			e = makeRaise(t, stack[sp], stack[sp+1], true)
			stack[sp], stack[sp+1] = nil, nil
		}
		return f.raise(pc, sp, e)
	case c.CHECK_EXC_MATCH:
		ok, err := exceptionMatches(t, stack[sp-2], stack[sp-1])
		if err != nil {
			return f.raise(pc, sp, err)
		}
		stack[sp-1] = Bool(ok)
	case c.CHECK_EG_MATCH:
		rest, match, err := exceptionGroupMatch(t, stack[sp-2], stack[sp-1])
		if err != nil {
			return f.raise(pc, sp, err)
		}
		stack[sp-2] = rest
		stack[sp-1] = match
		if m, ok := match.(*BaseException); ok {
			t.excInfo = m // the handler sees the match in sys.exc_info()
		}
	case c.PREP_RERAISE_STAR:
		v, err := prepReraiseStar(t, stack[sp-2], stack[sp-1])
		if err != nil {
			return f.raise(pc, sp, err)
		}
		sp--
		stack[sp] = nil
		stack[sp-1] = v
	case c.BEFORE_WITH:
		enter, exit, err := enterExit(t, stack[sp-1], "__enter__", "__exit__")
		if err != nil {
			return f.raise(pc, sp, err)
		}
		stack[sp-1] = exit
		f.pc, f.sp = pc, sp
		r, err := Call(t, enter, nil, nil)
		if err != nil {
			return f.raise(pc, sp, err)
		}
		stack[sp] = r
		sp++
	case c.WITH_EXCEPT_START:
		exit := stack[sp-3]
		exc := stack[sp-1]
		var tb Object = None
		if e, ok := exc.(*BaseException); ok {
			if etb := e.Traceback(); etb != nil {
				tb = etb
			}
		}
		f.pc, f.sp = pc, sp
		r, err := Call(t, exit, []Object{exc.Type(), exc, tb}, nil)
		if err != nil {
			return f.raise(pc, sp, err)
		}
		stack[sp] = r
		sp++

	case c.GET_YIELD_FROM_ITER:
		v := stack[sp-1]
		switch v.(type) {
		case *Generator:
		default:
			it, err := Iter(t, v)
			if err != nil {
				return f.raise(pc, sp, err)
			}
			stack[sp-1] = it
		}
	case c.GET_AWAITABLE:
		aw, err := getAwaitable(t, stack[sp-1])
		if err != nil {
			return f.raise(pc, sp, err)
		}
		stack[sp-1] = aw
	case c.GET_AITER:
		v, found, err := callSpecial(t, stack[sp-1], "__aiter__")
		if err == nil && !found {
			err = TypeErrorf("'async for' requires an object with __aiter__ method, got %s", typeName(stack[sp-1]))
		}
		if err != nil {
			return f.raise(pc, sp, err)
		}
		stack[sp-1] = v
	case c.GET_ANEXT:
		v, found, err := callSpecial(t, stack[sp-1], "__anext__")
		if err == nil && !found {
			err = TypeErrorf("'async for' requires an iterator with __anext__ method, got %s", typeName(stack[sp-1]))
		}
		if err != nil {
			return f.raise(pc, sp, err)
		}
		aw, err := getAwaitable(t, v)
		if err != nil {
			return f.raise(pc, sp, err)
		}
		stack[sp] = aw
		sp++
	case c.END_ASYNC_FOR:
		exc := stack[sp-1]
		if e, ok := exc.(*BaseException); ok && e.typ.IsSubtype(StopAsyncIterationType) {
			sp -= 2
			stack[sp], stack[sp+1] = nil, nil
			break
		}
		sp--
		stack[sp] = nil
		f.reraise = true
		return f.raise(pc, sp, exc.(*BaseException))
	case c.BEFORE_ASYNC_WITH:
		enter, exit, err := enterExit(t, stack[sp-1], "__aenter__", "__aexit__")
		if err != nil {
			return f.raise(pc, sp, err)
		}
		stack[sp-1] = exit
		r, err := Call(t, enter, nil, nil)
		if err != nil {
			return f.raise(pc, sp, err)
		}
		aw, err := getAwaitable(t, r)
		if err != nil {
			return f.raise(pc, sp, err)
		}
		stack[sp] = aw
		sp++
	case c.ASYNC_GEN_WRAP:
		stack[sp-1] = &asyncGenWrapped{v: stack[sp-1]}

	case c.MATCH_CLASS:
		kw := stack[sp-1].(*Tuple)
		v, err := matchClass(t, stack[sp-3], stack[sp-2], arg, kw)
		if err != nil {
			return f.raise(pc, sp, err)
		}
		sp -= 2
		stack[sp], stack[sp+1] = nil, nil
		stack[sp-1] = v
	case c.MATCH_MAPPING:
		stack[sp] = Bool(stack[sp-1].Type().Flags.Load()&FlagMapping != 0)
		sp++
	case c.MATCH_SEQUENCE:
		stack[sp] = Bool(stack[sp-1].Type().Flags.Load()&FlagSequence != 0)
		sp++
	case c.MATCH_KEYS:
		v, err := matchKeys(t, stack[sp-2], stack[sp-1].(*Tuple))
		if err != nil {
			return f.raise(pc, sp, err)
		}
		stack[sp] = v
		sp++
	case c.GET_LEN:
		n, err := Len(t, stack[sp-1])
		if err != nil {
			return f.raise(pc, sp, err)
		}
		stack[sp] = Int(n)
		sp++
	case c.COPY_DICT_WITHOUT_KEYS:
		d := NewDict()
		if err := dictUpdateFrom(t, d, stack[sp-2]); err != nil {
			return f.raise(pc, sp, err)
		}
		for _, k := range stack[sp-1].(*Tuple).items {
			if _, err := d.DelItem(t, k); err != nil {
				return f.raise(pc, sp, err)
			}
		}
		stack[sp-1] = d

	case c.SETUP_ANNOTATIONS:
		if d, ok := f.locals.(*Dict); ok {
			if d.GetStr("__annotations__") == nil {
				d.SetStr("__annotations__", NewDict())
			}
		} else {
			v, err := mappingGet(t, f.locals, Intern("__annotations__"))
			if err != nil {
				return f.raise(pc, sp, err)
			}
			if v == nil {
				if err := SetItem(t, f.locals, Intern("__annotations__"), NewDict()); err != nil {
					return f.raise(pc, sp, err)
				}
			}
		}
	case c.PRINT_EXPR:
		sp--
		v := stack[sp]
		stack[sp] = nil
		if err := t.displayHook(v); err != nil {
			return f.raise(pc, sp, err)
		}
	default:
		return f.raise(pc, sp, Errorf(SystemErrorType, "unknown opcode %s", c.Opcode(ins&0xff)))
	}
	f.sp = sp
	return nil
}

// raise is fail for executeRare.
func (f *Frame) raise(pc, sp int, err error) error {
	f.pc, f.sp = pc, sp
	return err
}

// loadGlobal is LOAD_GLOBAL's lookup (execute has its own copy of the
// cache test) for the instruction at index at: through the instruction's
// cache entry while neither namespace changed.
func loadGlobal(f *Frame, at int, name *Str) (Object, error) {
	g, b := f.globals, f.builtins
	if e := f.code.gcache[at].Load(); e != nil && e.globals == g && e.builtins == b &&
		e.gver == g.version.Load() && e.bver == b.version.Load() {
		return e.value, nil
	}
	return loadGlobalMiss(f, at, name)
}

// loadGlobalMiss is LOAD_GLOBAL's lookup in the namespaces, which fills
// the instruction's cache entry. The versions are read before the
// lookups: a store that races with them leaves an entry that the next
// test finds stale, never a stale value under a current version.
func loadGlobalMiss(f *Frame, at int, name *Str) (Object, error) {
	code := f.code
	g, b := f.globals, f.builtins
	gver, bver := g.version.Load(), b.version.Load()
	v := g.getStr(name)
	if v == nil {
		v = b.getStr(name)
		if v == nil {
			return nil, nameError(name.s)
		}
	}
	code.gcache[at].Store(&globalCacheEntry{globals: g, builtins: b, gver: gver, bver: bver, value: v})
	return v, nil
}

// superMethod is `super().name` followed by a call, in the common case:
// a method whose first argument is an instance of the __class__ cell's
// class, and name a plain function on a class after it in the MRO. It
// returns that function and the instance (what LOAD_METHOD leaves for
// CALL_METHOD), or nil for anything else, which then runs super() as a
// call (and raises its errors).
func superMethod(f *Frame, name *Str) (*Function, Object) {
	code := f.code
	if code.ArgCount == 0 || len(f.fast) == 0 || f.fast[0] == nil {
		return nil, nil
	}
	first := f.fast[0]
	if _, isType := first.(*Type); isType {
		return nil, nil
	}
	var cls *Type
	for i, n := range code.Freevars {
		if n == "__class__" {
			cls, _ = f.cells[len(code.Cellvars)+i].Get().(*Type)
			break
		}
	}
	if cls == nil || !first.Type().IsSubtype(cls) {
		return nil, nil
	}
	s := Super{typ: cls, obj: first, objType: first.Type()}
	if fn := s.method(name); fn != nil {
		return fn, first
	}
	return nil, nil
}
