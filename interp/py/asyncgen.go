package py

import "sync/atomic"

// The async generator protocol, after CPython 3.11's Objects/genobject.c:
// ag.__anext__() and ag.asend(v) return an async_generator_asend
// awaitable, ag.athrow(...) and ag.aclose() an async_generator_athrow.
// Awaiting one drives the generator: a value the generator yields with
// `yield` comes back marked (ASYNC_GEN_WRAP) and ends the await with
// StopIteration(value); anything else it yields is an awaited future's
// and goes out to the event loop; the generator's end is
// StopAsyncIteration.

// asyncGenState is the part of a Generator only async generators use.
type asyncGenState struct {
	runningAsync atomic.Bool // an asend/athrow is being awaited
	closed       atomic.Bool // finished, or aclose() started
	hooksInited  atomic.Bool // sys.set_asyncgen_hooks' firstiter called
}

// asyncState returns g's async generator state, made on first use.
func (g *Generator) asyncState() *asyncGenState {
	if s := g.ag.Load(); s != nil {
		return s
	}
	g.ag.CompareAndSwap(nil, &asyncGenState{})
	return g.ag.Load()
}

const (
	awaitInit = iota
	awaitIter
	awaitClosed
)

// agAsend is async_generator_asend: the awaitable of __anext__/asend.
type agAsend struct {
	g       *Generator
	sendval Object
	state   atomic.Int32
}

// agAthrow is async_generator_athrow: the awaitable of athrow/aclose
// (args nil).
type agAthrow struct {
	g     *Generator
	args  []Object
	state atomic.Int32
}

var (
	asyncGenAsendType  = newBuiltinType("async_generator_asend", ObjectType)
	asyncGenAthrowType = newBuiltinType("async_generator_athrow", ObjectType)
)

func (*agAsend) Type() *Type  { return asyncGenAsendType }
func (*agAthrow) Type() *Type { return asyncGenAthrowType }

// initAsyncGenHooks calls the thread's firstiter hook the first time an
// awaitable of g is made (asyncio uses it to close unfinished async
// generators at shutdown).
func initAsyncGenHooks(t *Thread, g *Generator) error {
	st := g.asyncState()
	if st.hooksInited.Swap(true) {
		return nil
	}
	asyncgenState.mu.Lock()
	h, ok := asyncgenState.hooks[t.ID]
	asyncgenState.mu.Unlock()
	if !ok || h.firstiter == nil || h.firstiter == None {
		return nil
	}
	_, err := Call1(t, h.firstiter, g)
	return err
}

// agUnwrap turns one step of the generator (a value it yielded, its end
// or an exception) into the awaitable's result, as CPython's
// async_gen_unwrap_value.
func agUnwrap(g *Generator, r Object, returned bool, err error) (Object, error) {
	st := g.asyncState()
	if err != nil || returned {
		if returned {
			err = NewException(StopAsyncIterationType)
		}
		if IsInstanceOf(err, StopAsyncIterationType) || IsInstanceOf(err, GeneratorExitType) {
			st.closed.Store(true)
		}
		st.runningAsync.Store(false)
		return nil, err
	}
	if w, ok := r.(*asyncGenWrapped); ok {
		st.runningAsync.Store(false)
		return nil, stopIteration(w.v)
	}
	return r, nil
}

// agSend sends v into g: (value, false, nil), (nil, true, nil) when it
// returned, or an error.
func agSend(t *Thread, g *Generator, v Object) (Object, bool, error) {
	return g.resume(t, v, nil)
}

// agThrow throws exc into g, with the same results as agSend (Throw
// reports the generator's return as StopIteration, which an async
// generator cannot raise itself: it would have become RuntimeError).
func agThrow(t *Thread, g *Generator, exc error) (Object, bool, error) {
	r, err := g.Throw(t, exc)
	if err != nil && IsInstanceOf(err, StopIterationType) {
		return nil, true, nil
	}
	return r, false, err
}

func (a *agAsend) send(t *Thread, arg Object) (Object, error) {
	switch a.state.Load() {
	case awaitClosed:
		return nil, Errorf(RuntimeErrorType, "cannot reuse already awaited __anext__()/asend()")
	case awaitInit:
		if a.g.asyncState().runningAsync.Load() {
			return nil, Errorf(RuntimeErrorType, "anext(): asynchronous generator is already running")
		}
		if arg == nil || arg == None {
			arg = a.sendval
		}
		a.state.Store(awaitIter)
	}
	a.g.asyncState().runningAsync.Store(true)
	r, returned, err := agSend(t, a.g, arg)
	res, err := agUnwrap(a.g, r, returned, err)
	if err != nil {
		a.state.Store(awaitClosed)
	}
	return res, err
}

func (a *agAsend) throw(t *Thread, exc error) (Object, error) {
	if a.state.Load() == awaitClosed {
		return nil, Errorf(RuntimeErrorType, "cannot reuse already awaited __anext__()/asend()")
	}
	r, returned, err := agThrow(t, a.g, exc)
	res, err := agUnwrap(a.g, r, returned, err)
	if err != nil {
		a.state.Store(awaitClosed)
	}
	return res, err
}

// athrowError ends an aclose()/athrow() await.
func (a *agAthrow) finish(err error) (Object, error) {
	a.g.asyncState().runningAsync.Store(false)
	a.state.Store(awaitClosed)
	if a.args == nil && (IsInstanceOf(err, StopAsyncIterationType) || IsInstanceOf(err, GeneratorExitType)) {
		// aclose() completed: the await returns None
		return nil, NewException(StopIterationType)
	}
	return nil, err
}

func (a *agAthrow) ignoredExit() (Object, error) {
	a.g.asyncState().runningAsync.Store(false)
	a.state.Store(awaitClosed)
	return nil, Errorf(RuntimeErrorType, "async generator ignored GeneratorExit")
}

func (a *agAthrow) send(t *Thread, arg Object) (Object, error) {
	g := a.g
	st := g.asyncState()
	if a.state.Load() == awaitClosed {
		return nil, Errorf(RuntimeErrorType, "cannot reuse already awaited aclose()/athrow()")
	}
	if f := g.frame; f == nil || f.finished {
		a.state.Store(awaitClosed)
		return nil, NewException(StopIterationType)
	}
	if a.state.Load() == awaitInit {
		if st.runningAsync.Load() {
			a.state.Store(awaitClosed)
			if a.args == nil {
				return nil, Errorf(RuntimeErrorType, "aclose(): asynchronous generator is already running")
			}
			return nil, Errorf(RuntimeErrorType, "athrow(): asynchronous generator is already running")
		}
		if st.closed.Load() {
			a.state.Store(awaitClosed)
			return nil, NewException(StopAsyncIterationType)
		}
		if arg != nil && arg != None {
			return nil, Errorf(RuntimeErrorType, "can't send non-None value to a just-started coroutine")
		}
		a.state.Store(awaitIter)
		st.runningAsync.Store(true)
		var exc error = NewException(GeneratorExitType)
		if a.args == nil {
			st.closed.Store(true)
		} else {
			var err error
			if exc, err = throwArgs(t, a.args); err != nil {
				return a.finish(err)
			}
		}
		return a.result(agThrow(t, g, exc))
	}
	return a.result(agSend(t, g, arg))
}

// result turns one step of the generator into the await's: athrow()'s
// as an async generator step, aclose()'s as the generator's end (a value
// it yields means it ignored GeneratorExit).
func (a *agAthrow) result(r Object, returned bool, err error) (Object, error) {
	if a.args != nil {
		res, err := agUnwrap(a.g, r, returned, err)
		if err != nil {
			return a.finish(err)
		}
		return res, nil
	}
	if err != nil || returned {
		if returned {
			err = NewException(StopAsyncIterationType)
		}
		return a.finish(err)
	}
	if _, ok := r.(*asyncGenWrapped); ok {
		return a.ignoredExit()
	}
	return r, nil
}

func (a *agAthrow) throw(t *Thread, exc error) (Object, error) {
	if a.state.Load() == awaitClosed {
		return nil, Errorf(RuntimeErrorType, "cannot reuse already awaited aclose()/athrow()")
	}
	return a.result(agThrow(t, a.g, exc))
}

// asAsyncGen returns self as an async generator.
func asAsyncGen(self Object) (*Generator, error) {
	g, ok := self.(*Generator)
	if !ok || g.kind != genAsync {
		return nil, TypeErrorf("descriptor requires an 'async_generator' object but received a '%s'", typeName(self))
	}
	return g, nil
}

func init() {
	at := AsyncGeneratorType
	at.AddMethod("__aiter__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("async_generator.__aiter__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		return self, nil
	})
	at.AddMethod("__anext__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("async_generator.__anext__", args, kw, 0, 0); err != nil {
			return nil, err
		}
		g, err := asAsyncGen(self)
		if err != nil {
			return nil, err
		}
		if err := initAsyncGenHooks(t, g); err != nil {
			return nil, err
		}
		return &agAsend{g: g, sendval: None}, nil
	})
	at.AddMethod("asend", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(kw) > 0 || len(args) != 1 {
			return nil, TypeErrorf("async_generator.asend() takes exactly one argument (%d given)", len(args))
		}
		g, err := asAsyncGen(self)
		if err != nil {
			return nil, err
		}
		if err := initAsyncGenHooks(t, g); err != nil {
			return nil, err
		}
		return &agAsend{g: g, sendval: args[0]}, nil
	})
	at.AddMethod("athrow", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(kw) > 0 {
			return nil, TypeErrorf("athrow() takes no keyword arguments")
		}
		if len(args) < 1 || len(args) > 3 {
			return nil, TypeErrorf("athrow expected at least 1 argument, got %d", len(args))
		}
		g, err := asAsyncGen(self)
		if err != nil {
			return nil, err
		}
		if err := initAsyncGenHooks(t, g); err != nil {
			return nil, err
		}
		return &agAthrow{g: g, args: append([]Object(nil), args...)}, nil
	})
	at.AddMethod("aclose", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := argCount("async_generator.aclose", args, kw, 0, 0); err != nil {
			return nil, err
		}
		g, err := asAsyncGen(self)
		if err != nil {
			return nil, err
		}
		if err := initAsyncGenHooks(t, g); err != nil {
			return nil, err
		}
		return &agAthrow{g: g}, nil
	})
	at.AddGetSet("ag_running", func(t *Thread, o Object) (Object, error) {
		return Bool(o.(*Generator).asyncState().runningAsync.Load()), nil
	}, nil)
	at.AddGetSet("ag_await", func(t *Thread, o Object) (Object, error) {
		if sub := o.(*Generator).yieldFromIter(); sub != nil {
			return sub, nil
		}
		return None, nil
	}, nil)
	at.AddGetSet("ag_code", func(t *Thread, o Object) (Object, error) { return o.(*Generator).code, nil }, nil)

	for _, typ := range []*Type{asyncGenAsendType, asyncGenAthrowType} {
		typ.Flags.And(^uint64(FlagBaseType))
		typ.Iter = selfIter
		typ.AddMethod("__await__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			return self, nil
		})
	}
	asyncGenAsendType.Next = func(t *Thread, o Object) (Object, error) { return o.(*agAsend).send(t, None) }
	asyncGenAthrowType.Next = func(t *Thread, o Object) (Object, error) { return o.(*agAthrow).send(t, None) }
	asyncGenAsendType.AddMethod("send", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("send() takes exactly one argument (%d given)", len(args))
		}
		return self.(*agAsend).send(t, args[0])
	})
	asyncGenAthrowType.AddMethod("send", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("send() takes exactly one argument (%d given)", len(args))
		}
		return self.(*agAthrow).send(t, args[0])
	})
	asyncGenAsendType.AddMethod("throw", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) < 1 || len(args) > 3 {
			return nil, TypeErrorf("throw expected at least 1 argument, got %d", len(args))
		}
		exc, err := throwArgs(t, args)
		if err != nil {
			return nil, err
		}
		return self.(*agAsend).throw(t, exc)
	})
	asyncGenAthrowType.AddMethod("throw", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) < 1 || len(args) > 3 {
			return nil, TypeErrorf("throw expected at least 1 argument, got %d", len(args))
		}
		exc, err := throwArgs(t, args)
		if err != nil {
			return nil, err
		}
		return self.(*agAthrow).throw(t, exc)
	})
	asyncGenAsendType.AddMethod("close", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		self.(*agAsend).state.Store(awaitClosed)
		return None, nil
	})
	asyncGenAthrowType.AddMethod("close", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		self.(*agAthrow).state.Store(awaitClosed)
		return None, nil
	})
	registerType(asyncGenAsendType, asyncGenAthrowType)
}

// anextAwaitable is what anext(it, default) returns: it awaits
// it.__anext__() and turns its StopAsyncIteration into the default.
type anextAwaitable struct {
	wrapped, dflt Object
}

var anextAwaitableType = newBuiltinType("anext_awaitable", ObjectType)

func (*anextAwaitable) Type() *Type { return anextAwaitableType }

// iter is the wrapped awaitable's iterator (a coroutine's __await__).
func (a *anextAwaitable) iter(t *Thread) (Object, error) {
	w := a.wrapped
	if g, ok := w.(*Generator); ok && g.kind == genCoroutine {
		return g, nil
	}
	if LoadPtr(&w.Type().Next) != nil {
		return w, nil
	}
	aw, found, err := callSpecial(t, w, "__await__")
	if err != nil {
		return nil, err
	}
	if !found {
		return nil, TypeErrorf("'%s' object can't be awaited", typeName(w))
	}
	if LoadPtr(&aw.Type().Next) == nil {
		return nil, TypeErrorf("__await__ returned a non-iterable")
	}
	return aw, nil
}

// proxy runs one step of the wrapped awaitable: method name, or __next__
// when name is "".
func (a *anextAwaitable) proxy(t *Thread, name string, args []Object) (Object, error) {
	it, err := a.iter(t)
	if err != nil {
		return nil, err
	}
	var r Object
	if name == "" {
		r, err = Next(t, it)
		if err == nil && r == nil {
			err = NewException(StopIterationType)
		}
	} else {
		r, err = CallMethod(t, it, name, args...)
	}
	if err != nil && IsInstanceOf(err, StopAsyncIterationType) {
		return nil, stopIterationOf(a.dflt)
	}
	return r, err
}

// stopIterationOf is StopIteration(v), also for v None (an await of it
// gives v).
func stopIterationOf(v Object) error {
	e := NewException(StopIterationType)
	e.args = NewTuple(v) // not published yet
	return e
}

func init() {
	builtinFuncs["aiter"] = func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		var o Object
		if err := ParseArgs("aiter", args, kw, []string{""}, 1, &o); err != nil {
			return nil, err
		}
		it, found, err := callSpecial(t, o, "__aiter__")
		if err != nil {
			return nil, err
		}
		if !found {
			return nil, TypeErrorf("'%s' object is not an async iterable", typeName(o))
		}
		if it.Type().Lookup(Intern("__anext__")) == nil {
			return nil, TypeErrorf("aiter() returned not an async iterator of type '%s'", typeName(it))
		}
		return it, nil
	}
	builtinFuncs["anext"] = func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(kw) > 0 {
			return nil, TypeErrorf("anext() takes no keyword arguments")
		}
		if len(args) < 1 || len(args) > 2 {
			if len(args) < 1 {
				return nil, TypeErrorf("anext expected at least 1 argument, got %d", len(args))
			}
			return nil, TypeErrorf("anext expected at most 2 arguments, got %d", len(args))
		}
		o := args[0]
		if o.Type().Lookup(Intern("__anext__")) == nil {
			return nil, TypeErrorf("'%s' object is not an async iterator", typeName(o))
		}
		aw, _, err := callSpecial(t, o, "__anext__")
		if err != nil {
			return nil, err
		}
		if len(args) == 1 {
			return aw, nil
		}
		return &anextAwaitable{wrapped: aw, dflt: args[1]}, nil
	}

	nt := anextAwaitableType
	nt.Flags.And(^uint64(FlagBaseType))
	nt.Iter = selfIter
	nt.Next = func(t *Thread, o Object) (Object, error) { return o.(*anextAwaitable).proxy(t, "", nil) }
	nt.AddMethod("__await__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return self, nil
	})
	for _, name := range []string{"send", "throw", "close"} {
		name := name
		nt.AddMethod(name, func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			return self.(*anextAwaitable).proxy(t, name, args)
		})
	}
	registerType(anextAwaitableType)
}
