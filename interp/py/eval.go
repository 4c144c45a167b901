package py

import (
	"math"

	c "freepy/interp/compile"
)

// execute is the instruction loop. pc and sp live in locals for speed and
// are written back to the frame whenever control leaves the loop (return,
// yield, exception).
//
// Calls of plain Python functions do not recurse into execute: the callee's
// frame is marked inlined and the loop switches to it (pushInline), and its
// RETURN_VALUE switches back to the caller. That saves the Go call chain
// per Python call and keeps deep Python recursion off the Go stack.
// Exceptions leave execute from whichever frame raised; eval unwinds them
// through the inlined frames (t.frame is always the innermost one).
func (t *Thread) execute(f *Frame) (Object, error) {
	var (
		code   *Code
		instrs []c.Instr
		consts []Object
		names  []*Str
		stack  []Object
		fast   []Object
		pc, sp int
		err    error
		// callee and calleeArg carry an inline call to the code after
		// the loop (inlineBinop, inlineInit)
		callee    *Function
		calleeArg int
	)
reload:
	code = f.code
	instrs = code.quick
	consts = code.consts
	names = code.names
	stack = f.stack
	fast = f.fast
	pc = f.pc
	sp = f.sp

	for {
		ins := instrs[pc]
		pc++
		arg := int(ins >> 8)
		switch c.Opcode(ins & 0xff) {
		case c.NOP:
		case c.POP_TOP:
			sp--
			stack[sp] = nil
		case c.COPY:
			stack[sp] = stack[sp-arg]
			sp++
		case c.SWAP:
			stack[sp-1], stack[sp-arg] = stack[sp-arg], stack[sp-1]

		case c.LOAD_CONST:
			stack[sp] = consts[arg]
			sp++
		case c.LOAD_FAST:
			v := fast[arg]
			if v == nil {
				return f.fail(pc, sp, unboundLocal(code.Varnames[arg]))
			}
			stack[sp] = v
			sp++
		case c.STORE_FAST:
			sp--
			fast[arg] = stack[sp]
			stack[sp] = nil
		case qLoadFastLoadFast:
			v := fast[arg]
			if v == nil {
				return f.fail(pc, sp, unboundLocal(code.Varnames[arg]))
			}
			arg2 := int(instrs[pc] >> 8)
			w := fast[arg2]
			if w == nil {
				return f.fail(pc+1, sp, unboundLocal(code.Varnames[arg2]))
			}
			stack[sp] = v
			stack[sp+1] = w
			sp += 2
			pc++
		case qLoadFastLoadAttr:
			// LOAD_FAST x; LOAD_ATTR name (at pc): self.name
			v := fast[arg]
			if v == nil {
				return f.fail(pc, sp, unboundLocal(code.Varnames[arg]))
			}
			if in, ok := v.(*Instance); ok && in.typ.GetAttr == nil {
				name := names[instrs[pc]>>8]
				if a := instanceAttrFast(lookupCached(&code.acache[pc], in.typ, name), in, name); a != nil {
					stack[sp] = a
					sp++
					pc++
					continue
				}
			}
			// anything else: the LOAD_ATTR runs as itself
			stack[sp] = v
			sp++
		case qLoadFastLoadConst:
			v := fast[arg]
			if v == nil {
				return f.fail(pc, sp, unboundLocal(code.Varnames[arg]))
			}
			stack[sp] = v
			stack[sp+1] = consts[instrs[pc]>>8]
			sp += 2
			pc++
		case qStoreFastLoadFast:
			fast[arg] = stack[sp-1]
			arg2 := int(instrs[pc] >> 8)
			v := fast[arg2]
			if v == nil {
				sp--
				stack[sp] = nil
				return f.fail(pc+1, sp, unboundLocal(code.Varnames[arg2]))
			}
			stack[sp-1] = v
			pc++
		case qCompareJumpIfFalse, qCompareJumpIfTrue:
			r, ok := compareFast(stack[sp-2], stack[sp-1], CompareOp(arg))
			if !ok {
				v, err := RichCompare(t, stack[sp-2], stack[sp-1], CompareOp(arg))
				if err != nil {
					return f.fail(pc, sp, err)
				}
				sp--
				stack[sp] = nil
				stack[sp-1] = v
				continue // the jump runs as itself
			}
			sp -= 2
			stack[sp], stack[sp+1] = nil, nil
			target := int(instrs[pc] >> 8)
			pc++
			if r == (c.Opcode(ins&0xff) == qCompareJumpIfTrue) {
				pc = target
			}
		case c.DELETE_FAST:
			if fast[arg] == nil {
				return f.fail(pc, sp, unboundLocal(code.Varnames[arg]))
			}
			fast[arg] = nil
		case c.LOAD_DEREF:
			v := f.cells[arg].Get()
			if v == nil {
				return f.fail(pc, sp, freeVarError(f, arg))
			}
			stack[sp] = v
			sp++
		case c.STORE_DEREF:
			sp--
			f.cells[arg].Set(stack[sp])
			stack[sp] = nil
		case c.DELETE_DEREF:
			if f.cells[arg].Get() == nil {
				return f.fail(pc, sp, freeVarError(f, arg))
			}
			f.cells[arg].Set(nil)
		case c.LOAD_CLOSURE:
			stack[sp] = f.cells[arg]
			sp++
		case c.LOAD_CLASSDEREF:
			name := f.cellName(arg)
			v, err := mappingGet(t, f.locals, Intern(name))
			if err != nil {
				return f.fail(pc, sp, err)
			}
			if v == nil {
				v = f.cells[arg].Get()
				if v == nil {
					return f.fail(pc, sp, freeVarError(f, arg))
				}
			}
			stack[sp] = v
			sp++
		case c.LOAD_GLOBAL:
			g, b := f.globals, f.builtins
			if e := code.gcache[pc-1].Load(); e != nil && e.globals == g && e.builtins == b &&
				e.gver == g.version.Load() && e.bver == b.version.Load() {
				stack[sp] = e.value
				sp++
				continue
			}
			gver, bver := g.version.Load(), b.version.Load()
			name := names[arg]
			v := g.getStr(name)
			if v == nil {
				v = b.getStr(name)
				if v == nil {
					return f.fail(pc, sp, nameError(name.s))
				}
			}
			code.gcache[pc-1].Store(&globalCacheEntry{globals: g, builtins: b, gver: gver, bver: bver, value: v})
			stack[sp] = v
			sp++
		case c.STORE_GLOBAL:
			sp--
			f.globals.setItemStr(names[arg], stack[sp])
			stack[sp] = nil
		case c.DELETE_GLOBAL:
			found, err := f.globals.DelItem(t, names[arg])
			if err != nil {
				return f.fail(pc, sp, err)
			}
			if !found {
				return f.fail(pc, sp, nameError(names[arg].s))
			}
		case c.LOAD_NAME:
			name := names[arg]
			v, err := mappingGet(t, f.locals, name)
			if err != nil {
				return f.fail(pc, sp, err)
			}
			if v == nil {
				v = f.globals.getStr(name)
				if v == nil {
					v = f.builtins.getStr(name)
					if v == nil {
						return f.fail(pc, sp, nameError(name.s))
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
				return f.fail(pc, sp, Errorf(SystemErrorType, "no locals found when storing '%s'", names[arg].s))
			} else if err := SetItem(t, f.locals, names[arg], v); err != nil {
				return f.fail(pc, sp, err)
			}
		case c.DELETE_NAME:
			if err := DelItem(t, f.locals, names[arg]); err != nil {
				if IsInstanceOf(err, KeyErrorType) {
					err = nameError(names[arg].s)
				}
				return f.fail(pc, sp, err)
			}
		case c.LOAD_ATTR:
			obj := stack[sp-1]
			if in, ok := obj.(*Instance); ok && in.typ.GetAttr == nil {
				e := lookupCached(&code.acache[pc-1], in.typ, names[arg])
				if v := instanceAttrFast(e, in, names[arg]); v != nil {
					stack[sp-1] = v
					continue
				}
				if fn := propertyGetter(e); fn != nil && t.canInline() {
					// a property's getter runs in this loop
					fr := t.pushInline(f, fn, stack[sp-1:sp])
					sp--
					stack[sp] = nil
					f.pc, f.sp = pc, sp
					f = fr
					goto reload
				}
				v, err := loadAttrEntry(t, e, in, names[arg])
				if err != nil {
					return f.fail(pc, sp, err)
				}
				stack[sp-1] = v
				continue
			}
			v, err := GetAttr(t, obj, names[arg])
			if err != nil {
				return f.fail(pc, sp, err)
			}
			stack[sp-1] = v
		case c.STORE_ATTR:
			if in, ok := stack[sp-1].(*Instance); ok && in.typ.SetAttr == nil {
				e := lookupCached(&code.acache[pc-1], in.typ, names[arg])
				if i := e.slot - 1; i >= 0 && i < len(in.slots) {
					// a __slots__ member: its descriptor's store
					in.setSlot(i, stack[sp-2])
					sp -= 2
					stack[sp], stack[sp+1] = nil, nil
					continue
				}
				if in.dict != nil && e.kind != attrData && e.kind != attrSetOnly {
					// no data descriptor on the class: a plain instance dict store
					in.dict.setItemStr(names[arg], stack[sp-2])
					sp -= 2
					stack[sp], stack[sp+1] = nil, nil
					continue
				}
			}
			if err := SetAttr(t, stack[sp-1], names[arg], stack[sp-2]); err != nil {
				return f.fail(pc, sp, err)
			}
			sp -= 2
			stack[sp], stack[sp+1] = nil, nil
		case c.DELETE_ATTR:
			if err := SetAttr(t, stack[sp-1], names[arg], nil); err != nil {
				return f.fail(pc, sp, err)
			}
			sp--
			stack[sp] = nil
		case c.LOAD_METHOD:
			obj := stack[sp-1]
			if in, ok := obj.(*Instance); ok && in.typ.GetAttr == nil {
				e := lookupCached(&code.acache[pc-1], in.typ, names[arg])
				if e.kind == attrFunction && (in.dict == nil || in.dict.getStr(names[arg]) == nil) {
					stack[sp-1] = e.descr
					stack[sp] = obj
					sp++
					continue
				}
			} else if !hasInstanceDict(obj) {
				// built-in values (str, list, dict, ...): a method
				// descriptor found through the cache is called unbound
				if typ := obj.Type(); typ.GetAttr == nil {
					e := lookupCached(&code.acache[pc-1], typ, names[arg])
					if md, ok := e.descr.(*MethodDescr); ok && !md.IsClass && !md.IsStatic {
						stack[sp-1] = md
						stack[sp] = obj
						sp++
						continue
					}
				}
			}
			meth, self, err := loadMethod(t, obj, names[arg])
			if err != nil {
				return f.fail(pc, sp, err)
			}
			stack[sp-1] = meth
			stack[sp] = self
			sp++
		case c.LOAD_ASSERTION_ERROR:
			stack[sp] = AssertionErrorType
			sp++
		case c.LOAD_BUILD_CLASS:
			v := f.builtins.GetStr("__build_class__")
			if v == nil {
				return f.fail(pc, sp, NewError(NameErrorType, "__build_class__ not found"))
			}
			stack[sp] = v
			sp++

		case c.UNARY_POSITIVE:
			v, err := UnaryOp(t, stack[sp-1], stack[sp-1].Type().Pos, "+")
			if err != nil {
				return f.fail(pc, sp, err)
			}
			stack[sp-1] = v
		case c.UNARY_NEGATIVE:
			if i, ok := stack[sp-1].(Int); ok && i != -i {
				stack[sp-1] = -i
				continue
			}
			v, err := UnaryOp(t, stack[sp-1], stack[sp-1].Type().Neg, "-")
			if err != nil {
				return f.fail(pc, sp, err)
			}
			stack[sp-1] = v
		case c.UNARY_NOT:
			b, err := IsTrue(t, stack[sp-1])
			if err != nil {
				return f.fail(pc, sp, err)
			}
			stack[sp-1] = NewBool(!b)
		case c.UNARY_INVERT:
			v, err := UnaryOp(t, stack[sp-1], stack[sp-1].Type().Invert, "~")
			if err != nil {
				return f.fail(pc, sp, err)
			}
			stack[sp-1] = v
		case c.BINARY_OP:
			a, b := stack[sp-2], stack[sp-1]
			var v Object
			// int fast paths: no allocation beyond the result box
			if x, ok := a.(Int); ok {
				if y, ok := b.(Int); ok {
					switch arg {
					case int(c.OpAdd), int(c.OpInplace + c.OpAdd):
						if s := x + y; (s > x) == (y > 0) {
							v = t.boxInt(int64(s))
						}
					case int(c.OpSubtract), int(c.OpInplace + c.OpSubtract):
						if s := x - y; (s < x) == (y > 0) {
							v = t.boxInt(int64(s))
						}
					case int(c.OpMultiply), int(c.OpInplace + c.OpMultiply):
						if r, ok := mul64(int64(x), int64(y)); ok {
							v = t.boxInt(r)
						} else {
							v = intMul(int64(x), int64(y))
						}
					case int(c.OpFloorDivide), int(c.OpInplace + c.OpFloorDivide):
						if y > 0 {
							q, r := x/y, x%y
							if r < 0 {
								q--
							}
							v = t.boxInt(int64(q))
						}
					case int(c.OpRemainder), int(c.OpInplace + c.OpRemainder):
						if y > 0 {
							r := x % y
							if r < 0 {
								r += y
							}
							v = t.boxInt(int64(r))
						}
					case int(c.OpAnd), int(c.OpInplace + c.OpAnd):
						v = t.boxInt(int64(x & y))
					case int(c.OpOr), int(c.OpInplace + c.OpOr):
						v = t.boxInt(int64(x | y))
					case int(c.OpXor), int(c.OpInplace + c.OpXor):
						v = t.boxInt(int64(x ^ y))
					case int(c.OpRshift), int(c.OpInplace + c.OpRshift):
						if y >= 0 {
							v = t.boxInt(int64(x >> min(y, 63)))
						}
					case int(c.OpLshift), int(c.OpInplace + c.OpLshift):
						// no bits may be lost: otherwise the big-int path
						if y >= 0 && y < 63 && (x<<y)>>y == x {
							v = t.boxInt(int64(x << y))
						}
					}
				} else if y, ok := b.(Float); ok {
					fx := Float(x)
					switch arg {
					case int(c.OpAdd), int(c.OpInplace + c.OpAdd):
						v = t.boxFloat(float64(fx + y))
					case int(c.OpSubtract), int(c.OpInplace + c.OpSubtract):
						v = t.boxFloat(float64(fx - y))
					case int(c.OpMultiply), int(c.OpInplace + c.OpMultiply):
						v = t.boxFloat(float64(fx * y))
					case int(c.OpTrueDivide), int(c.OpInplace + c.OpTrueDivide):
						if y != 0 {
							v = t.boxFloat(float64(fx / y))
						}
					}
				}
			} else if x, ok := a.(Float); ok {
				if y, ok := b.(Float); ok {
					switch arg {
					case int(c.OpAdd), int(c.OpInplace + c.OpAdd):
						v = t.boxFloat(float64(x + y))
					case int(c.OpSubtract), int(c.OpInplace + c.OpSubtract):
						v = t.boxFloat(float64(x - y))
					case int(c.OpMultiply), int(c.OpInplace + c.OpMultiply):
						v = t.boxFloat(float64(x * y))
					case int(c.OpTrueDivide), int(c.OpInplace + c.OpTrueDivide):
						if y != 0 {
							v = t.boxFloat(float64(x / y))
						}
					case int(c.OpPower), int(c.OpInplace + c.OpPower):
						// positive finite base: no complex result, no error
						if x > 0 && x <= math.MaxFloat64 && y == y && y <= math.MaxFloat64 && y >= -math.MaxFloat64 {
							if r := fastPow(float64(x), float64(y)); r <= math.MaxFloat64 {
								v = t.boxFloat(r)
							}
						}
					}
				} else if y, ok := b.(Int); ok {
					fy := Float(y)
					switch arg {
					case int(c.OpAdd), int(c.OpInplace + c.OpAdd):
						v = t.boxFloat(float64(x + fy))
					case int(c.OpSubtract), int(c.OpInplace + c.OpSubtract):
						v = t.boxFloat(float64(x - fy))
					case int(c.OpMultiply), int(c.OpInplace + c.OpMultiply):
						v = t.boxFloat(float64(x * fy))
					case int(c.OpTrueDivide), int(c.OpInplace + c.OpTrueDivide):
						if y != 0 {
							v = t.boxFloat(float64(x / fy))
						}
					}
				}
			}
			if v == nil {
				if callee = binopFunction(a, b, arg); callee != nil && t.canInline() {
					calleeArg = arg
					goto inlineBinop
				}
				if v, err = binaryOpSlow(t, a, b, arg); err != nil {
					return f.fail(pc, sp, err)
				}
			}
			sp--
			stack[sp] = nil
			stack[sp-1] = v
		case qBinaryAdd:
			a, b := stack[sp-2], stack[sp-1]
			var v Object
			var fr float64 // a float result, boxed once below
			isF := false
			switch x := a.(type) {
			case Float:
				switch y := b.(type) {
				case Float:
					fr, isF = float64(x+y), true
				case Int:
					fr, isF = float64(x+Float(y)), true
				}
			case Int:
				switch y := b.(type) {
				case Int:
					if s := x + y; (s > x) == (y > 0) {
						v = t.boxInt(int64(s))
					}
				case Float:
					fr, isF = float64(Float(x)+y), true
				}
			}
			if isF {
				if p := t.freeSlot(); p != nil {
					*p = math.Float64bits(fr)
					v = floatAt(p)
				} else {
					v = t.boxFloat(fr)
				}
			}
			if v == nil {
				if callee = binopFunction(a, b, arg); callee != nil && t.canInline() {
					calleeArg = arg
					goto inlineBinop
				}
				if v, err = binaryOpSlow(t, a, b, arg); err != nil {
					return f.fail(pc, sp, err)
				}
			}
			sp--
			stack[sp] = nil
			stack[sp-1] = v
		case qBinarySubtract:
			a, b := stack[sp-2], stack[sp-1]
			var v Object
			var fr float64 // a float result, boxed once below
			isF := false
			switch x := a.(type) {
			case Float:
				switch y := b.(type) {
				case Float:
					fr, isF = float64(x-y), true
				case Int:
					fr, isF = float64(x-Float(y)), true
				}
			case Int:
				switch y := b.(type) {
				case Int:
					if s := x - y; (s < x) == (y > 0) {
						v = t.boxInt(int64(s))
					}
				case Float:
					fr, isF = float64(Float(x)-y), true
				}
			}
			if isF {
				if p := t.freeSlot(); p != nil {
					*p = math.Float64bits(fr)
					v = floatAt(p)
				} else {
					v = t.boxFloat(fr)
				}
			}
			if v == nil {
				if callee = binopFunction(a, b, arg); callee != nil && t.canInline() {
					calleeArg = arg
					goto inlineBinop
				}
				if v, err = binaryOpSlow(t, a, b, arg); err != nil {
					return f.fail(pc, sp, err)
				}
			}
			sp--
			stack[sp] = nil
			stack[sp-1] = v
		case qBinaryMultiply:
			a, b := stack[sp-2], stack[sp-1]
			var v Object
			var fr float64 // a float result, boxed once below
			isF := false
			switch x := a.(type) {
			case Float:
				switch y := b.(type) {
				case Float:
					fr, isF = float64(x*y), true
				case Int:
					fr, isF = float64(x*Float(y)), true
				}
			case Int:
				switch y := b.(type) {
				case Int:
					if r, ok := mul64(int64(x), int64(y)); ok {
						v = t.boxInt(r)
					}
				case Float:
					fr, isF = float64(Float(x)*y), true
				}
			}
			if isF {
				if p := t.freeSlot(); p != nil {
					*p = math.Float64bits(fr)
					v = floatAt(p)
				} else {
					v = t.boxFloat(fr)
				}
			}
			if v == nil {
				if callee = binopFunction(a, b, arg); callee != nil && t.canInline() {
					calleeArg = arg
					goto inlineBinop
				}
				if v, err = binaryOpSlow(t, a, b, arg); err != nil {
					return f.fail(pc, sp, err)
				}
			}
			sp--
			stack[sp] = nil
			stack[sp-1] = v
		case qBinaryTrueDivide:
			a, b := stack[sp-2], stack[sp-1]
			var v Object
			switch x := a.(type) {
			case Float:
				switch y := b.(type) {
				case Float:
					if y != 0 {
						v = t.boxFloat(float64(x / y))
					}
				case Int:
					if y != 0 {
						v = t.boxFloat(float64(x / Float(y)))
					}
				}
			case Int:
				if y, ok := b.(Float); ok && y != 0 {
					v = t.boxFloat(float64(Float(x) / y))
				}
			}
			if v == nil {
				if callee = binopFunction(a, b, arg); callee != nil && t.canInline() {
					calleeArg = arg
					goto inlineBinop
				}
				if v, err = binaryOpSlow(t, a, b, arg); err != nil {
					return f.fail(pc, sp, err)
				}
			}
			sp--
			stack[sp] = nil
			stack[sp-1] = v
		case qBinaryFloorDivide:
			a, b := stack[sp-2], stack[sp-1]
			var v Object
			if x, ok := a.(Int); ok {
				if y, ok := b.(Int); ok && y > 0 {
					q, r := x/y, x%y
					if r < 0 {
						q--
					}
					v = t.boxInt(int64(q))
				}
			}
			if v == nil {
				if callee = binopFunction(a, b, arg); callee != nil && t.canInline() {
					calleeArg = arg
					goto inlineBinop
				}
				if v, err = binaryOpSlow(t, a, b, arg); err != nil {
					return f.fail(pc, sp, err)
				}
			}
			sp--
			stack[sp] = nil
			stack[sp-1] = v
		case qBinaryRemainder:
			a, b := stack[sp-2], stack[sp-1]
			var v Object
			if x, ok := a.(Int); ok {
				if y, ok := b.(Int); ok && y > 0 {
					r := x % y
					if r < 0 {
						r += y
					}
					v = t.boxInt(int64(r))
				}
			}
			if v == nil {
				if callee = binopFunction(a, b, arg); callee != nil && t.canInline() {
					calleeArg = arg
					goto inlineBinop
				}
				if v, err = binaryOpSlow(t, a, b, arg); err != nil {
					return f.fail(pc, sp, err)
				}
			}
			sp--
			stack[sp] = nil
			stack[sp-1] = v
		case c.COMPARE_OP:
			a, b := stack[sp-2], stack[sp-1]
			var v Object
			if r, ok := compareFast(a, b, CompareOp(arg)); ok {
				v = Bool(r)
			}
			if v == nil {
				v, err = RichCompare(t, a, b, CompareOp(arg))
				if err != nil {
					return f.fail(pc, sp, err)
				}
			}
			sp--
			stack[sp] = nil
			stack[sp-1] = v
		case c.IS_OP:
			r := stack[sp-2] == stack[sp-1] || sameFloat(stack[sp-2], stack[sp-1])
			if arg == 1 {
				r = !r
			}
			sp--
			stack[sp] = nil
			stack[sp-1] = Bool(r)
		case c.CONTAINS_OP:
			r, err := Contains(t, stack[sp-1], stack[sp-2])
			if err != nil {
				return f.fail(pc, sp, err)
			}
			if arg == 1 {
				r = !r
			}
			sp--
			stack[sp] = nil
			stack[sp-1] = Bool(r)
		case c.BINARY_SUBSCR:
			container, key := stack[sp-2], stack[sp-1]
			v := subscrFast(container, key)
			if v == nil {
				v, err = GetItem(t, container, key)
				if err != nil {
					return f.fail(pc, sp, err)
				}
			}
			sp--
			stack[sp] = nil
			stack[sp-1] = v
		case qCopy2Subscr:
			// [c, k] -> [c, k, c[k]]
			container, key := stack[sp-2], stack[sp-1]
			v := subscrFast(container, key)
			if v == nil {
				v, err = GetItem(t, container, key)
				if err != nil {
					// as if COPY 2; COPY 2 ran and BINARY_SUBSCR failed
					stack[sp], stack[sp+1] = container, key
					return f.fail(pc+2, sp+2, err)
				}
			}
			stack[sp] = v
			sp++
			pc += 2
		case c.STORE_SUBSCR:
			if storeSubscrFast(stack[sp-2], stack[sp-1], stack[sp-3]) {
				sp -= 3
				stack[sp], stack[sp+1], stack[sp+2] = nil, nil, nil
				continue
			}
			if err := SetItem(t, stack[sp-2], stack[sp-1], stack[sp-3]); err != nil {
				return f.fail(pc, sp, err)
			}
			sp -= 3
			stack[sp], stack[sp+1], stack[sp+2] = nil, nil, nil
		case qSwapStoreSubscr:
			// [c, k, v]: c[k] = v (SWAP 3; SWAP 2 would make it [v, c, k])
			container, key, v := stack[sp-3], stack[sp-2], stack[sp-1]
			if !storeSubscrFast(container, key, v) {
				if err := SetItem(t, container, key, v); err != nil {
					stack[sp-3], stack[sp-2], stack[sp-1] = v, container, key
					return f.fail(pc+2, sp, err)
				}
			}
			sp -= 3
			stack[sp], stack[sp+1], stack[sp+2] = nil, nil, nil
			pc += 2
		case c.DELETE_SUBSCR:
			if err := DelItem(t, stack[sp-2], stack[sp-1]); err != nil {
				return f.fail(pc, sp, err)
			}
			sp -= 2
			stack[sp], stack[sp+1] = nil, nil

		case c.BUILD_TUPLE:
			items := make([]Object, arg)
			copy(items, stack[sp-arg:sp])
			clear(stack[sp-arg : sp])
			sp -= arg
			stack[sp] = NewTuple(items...)
			sp++
		case c.BUILD_LIST:
			items := make([]Object, arg)
			copy(items, stack[sp-arg:sp])
			clear(stack[sp-arg : sp])
			sp -= arg
			stack[sp] = NewList(items...)
			sp++
		case c.BUILD_SET:
			s := NewSet()
			for _, v := range stack[sp-arg : sp] {
				if err := s.d.setUnshared(t, v, None); err != nil {
					return f.fail(pc, sp, err)
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
					return f.fail(pc, sp, err)
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
					return f.fail(pc, sp, err)
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
		case c.LIST_APPEND:
			// the compiler emits it only for lists BUILD_LIST made in
			// this frame, reachable from its value stack alone: no other
			// thread can see them yet
			sp--
			stack[sp-arg].(*List).appendUnshared(stack[sp])
			stack[sp] = nil
		case c.SET_ADD:
			// like LIST_APPEND: the set is this frame's alone (setUnshared)
			sp--
			if err := stack[sp-arg].(*Set).d.setUnshared(t, stack[sp], None); err != nil {
				return f.fail(pc, sp, err)
			}
			stack[sp] = nil
		case c.MAP_ADD:
			// like LIST_APPEND: the dict is this frame's alone (setUnshared)
			sp -= 2
			if err := stack[sp-arg].(*Dict).setUnshared(t, stack[sp], stack[sp+1]); err != nil {
				return f.fail(pc, sp, err)
			}
			stack[sp], stack[sp+1] = nil, nil
		case c.LIST_EXTEND:
			sp--
			if err := listExtend(t, stack[sp-arg].(*List), stack[sp]); err != nil {
				if IsInstanceOf(err, TypeErrorType) && stack[sp].Type().Iter == nil && stack[sp].Type().GetItem == nil {
					err = TypeErrorf("Value after * must be an iterable, not %s", typeName(stack[sp]))
				}
				return f.fail(pc, sp, err)
			}
			stack[sp] = nil
		case c.SET_UPDATE:
			sp--
			if err := stack[sp-arg].(*Set).update(t, stack[sp]); err != nil {
				return f.fail(pc, sp, err)
			}
			stack[sp] = nil
		case c.DICT_UPDATE:
			sp--
			if err := dictUpdateFrom(t, stack[sp-arg].(*Dict), stack[sp]); err != nil {
				if IsInstanceOf(err, AttributeErrorType) {
					err = TypeErrorf("'%s' object is not a mapping", typeName(stack[sp]))
				}
				return f.fail(pc, sp, err)
			}
			stack[sp] = nil
		case c.DICT_MERGE:
			sp--
			if err := dictMerge(t, stack[sp-arg].(*Dict), stack[sp], stack[sp-arg-2]); err != nil {
				return f.fail(pc, sp, err)
			}
			stack[sp] = nil
		case c.LIST_TO_TUPLE:
			stack[sp-1] = NewTuple(stack[sp-1].(*List).snapshot()...)
		case c.UNPACK_SEQUENCE:
			seq := stack[sp-1]
			var items []Object
			switch s := seq.(type) {
			case *Tuple:
				items = s.items
			case *List:
				s.mu.Lock()
				if len(s.items) == arg {
					// copied under the lock, without a snapshot
					sp--
					for i := arg - 1; i >= 0; i-- {
						stack[sp] = s.items[i]
						sp++
					}
					s.mu.Unlock()
					continue
				}
				s.mu.Unlock()
				items = s.snapshot()
			default:
				items, err = unpackIterable(t, seq, arg)
				if err != nil {
					return f.fail(pc, sp, err)
				}
			}
			if len(items) != arg {
				if len(items) < arg {
					return f.fail(pc, sp, ValueErrorf("not enough values to unpack (expected %d, got %d)", arg, len(items)))
				}
				return f.fail(pc, sp, ValueErrorf("too many values to unpack (expected %d)", arg))
			}
			sp--
			for i := len(items) - 1; i >= 0; i-- {
				stack[sp] = items[i]
				sp++
			}
		case qUnpackStoreFast:
			// the STORE_FASTs at pc..pc+arg-1 take items 0..arg-1
			switch s := stack[sp-1].(type) {
			case *Tuple:
				if len(s.items) == arg {
					for i, v := range s.items {
						fast[instrs[pc+i]>>8] = v
					}
					sp--
					stack[sp] = nil
					pc += arg
					continue
				}
			case *List:
				s.mu.Lock()
				if len(s.items) == arg {
					for i, v := range s.items {
						fast[instrs[pc+i]>>8] = v
					}
					s.mu.Unlock()
					sp--
					stack[sp] = nil
					pc += arg
					continue
				}
				s.mu.Unlock()
			}
			// anything else: UNPACK_SEQUENCE alone (the stores follow)
			seq := stack[sp-1]
			var items []Object
			switch s := seq.(type) {
			case *Tuple:
				items = s.items
			case *List:
				items = s.snapshot()
			default:
				items, err = unpackIterable(t, seq, arg)
				if err != nil {
					return f.fail(pc, sp, err)
				}
			}
			if len(items) != arg {
				if len(items) < arg {
					return f.fail(pc, sp, ValueErrorf("not enough values to unpack (expected %d, got %d)", arg, len(items)))
				}
				return f.fail(pc, sp, ValueErrorf("too many values to unpack (expected %d)", arg))
			}
			sp--
			for i := len(items) - 1; i >= 0; i-- {
				stack[sp] = items[i]
				sp++
			}
		case c.UNPACK_EX:
			before, after := arg&0xff, arg>>8
			items, err := ToSlice(t, stack[sp-1])
			if err != nil {
				if IsInstanceOf(err, TypeErrorType) && stack[sp-1].Type().Iter == nil && stack[sp-1].Type().GetItem == nil {
					err = TypeErrorf("cannot unpack non-iterable %s object", typeName(stack[sp-1]))
				}
				return f.fail(pc, sp, err)
			}
			if len(items) < before+after {
				return f.fail(pc, sp, ValueErrorf("not enough values to unpack (expected at least %d, got %d)", before+after, len(items)))
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
				return f.fail(pc, sp, err)
			}
			if s, ok := v.(*Str); !ok || (spec != nil && spec.(*Str).s != "") {
				if spec == nil {
					spec = Intern("")
				}
				v, err = Format(t, v, spec.(*Str))
				if err != nil {
					return f.fail(pc, sp, err)
				}
			} else {
				v = s
			}
			stack[sp-1] = v

		case c.JUMP:
			if arg < pc {
				// loops are where long-running code can be interrupted:
				// pending signals (Ctrl-C) and the GIL hand-over
				if sigState.any.Load() {
					f.pc, f.sp = arg, sp
					if err := checkSignals(t); err != nil {
						return f.fail(pc, sp, err)
					}
				}
				if t.gilHeld {
					f.pc, f.sp = arg, sp
					t.gilCheck()
				}
				if due := wakeDue.Load(); due != 0 {
					t.yieldToSleepers(due)
				}
			}
			pc = arg
		case c.POP_JUMP_IF_FALSE:
			sp--
			v := stack[sp]
			stack[sp] = nil
			if b, ok := v.(Bool); ok {
				if !b {
					pc = arg
				}
				continue
			}
			b, err := IsTrue(t, v)
			if err != nil {
				return f.fail(pc, sp, err)
			}
			if !b {
				pc = arg
			}
		case c.POP_JUMP_IF_TRUE:
			sp--
			v := stack[sp]
			stack[sp] = nil
			if b, ok := v.(Bool); ok {
				if b {
					pc = arg
				}
				continue
			}
			b, err := IsTrue(t, v)
			if err != nil {
				return f.fail(pc, sp, err)
			}
			if b {
				pc = arg
			}
		case c.POP_JUMP_IF_NONE:
			sp--
			if stack[sp] == None {
				pc = arg
			}
			stack[sp] = nil
		case c.POP_JUMP_IF_NOT_NONE:
			sp--
			if stack[sp] != None {
				pc = arg
			}
			stack[sp] = nil
		case c.JUMP_IF_FALSE_OR_POP:
			b, err := IsTrue(t, stack[sp-1])
			if err != nil {
				return f.fail(pc, sp, err)
			}
			if !b {
				pc = arg
			} else {
				sp--
				stack[sp] = nil
			}
		case c.JUMP_IF_TRUE_OR_POP:
			b, err := IsTrue(t, stack[sp-1])
			if err != nil {
				return f.fail(pc, sp, err)
			}
			if b {
				pc = arg
			} else {
				sp--
				stack[sp] = nil
			}
		case c.GET_ITER:
			it, err := Iter(t, stack[sp-1])
			if err != nil {
				return f.fail(pc, sp, err)
			}
			stack[sp-1] = it
		case c.FOR_ITER:
			it := stack[sp-1]
			var v Object
			switch x := it.(type) {
			case *rangeIter:
				if i, ok := x.nextValue(); ok {
					v = t.boxInt(i)
				}
			case *listIter:
				v = x.nextItem()
			case *dictIter:
				v, err = x.nextEntry()
				if err != nil {
					return f.fail(pc, sp, err)
				}
			case *Generator:
				// resume it in this loop, as a call (resumeInlined
				// comes back here)
				if x.kind == genPlain && t.canInline() && x.enterInline(t, f, true, None) {
					f.pc, f.sp = pc, sp
					f = x.frame
					goto reload
				}
				v, err = Next(t, it)
				if err != nil {
					if !IsInstanceOf(err, StopIterationType) {
						return f.fail(pc, sp, err)
					}
					v = nil
				}
			default:
				v, err = Next(t, it)
				if err != nil {
					// a StopIteration raised by __next__ also ends the loop
					if !IsInstanceOf(err, StopIterationType) {
						return f.fail(pc, sp, err)
					}
					v = nil
				}
			}
			if v == nil {
				sp--
				stack[sp] = nil
				pc = arg
				continue
			}
			stack[sp] = v
			sp++
		case qForIterStore:
			// FOR_ITER arg; STORE_FAST x (at pc)
			it := stack[sp-1]
			var v Object
			switch x := it.(type) {
			case *rangeIter:
				if i, ok := x.nextValue(); ok {
					fast[instrs[pc]>>8] = t.boxInt(i)
					pc++
					continue
				}
			case *listIter:
				if v = x.nextItem(); v != nil {
					fast[instrs[pc]>>8] = v
					pc++
					continue
				}
			case *Generator:
				if x.kind == genPlain && t.canInline() && x.enterInline(t, f, true, None) {
					f.pc, f.sp = pc, sp
					f = x.frame
					goto reload
				}
				if v, err = forIterNext(t, it); err != nil {
					return f.fail(pc, sp, err)
				}
			default:
				if v, err = forIterNext(t, it); err != nil {
					return f.fail(pc, sp, err)
				}
			}
			if v == nil {
				sp--
				stack[sp] = nil
				pc = arg
				continue
			}
			// the STORE_FAST runs as itself
			stack[sp] = v
			sp++
		case c.RETURN_VALUE:
			sp--
			v := stack[sp]
			stack[sp] = nil
			f.pc, f.sp = pc, sp
			f.yielded = false
			f.finished = true
			if f.inlined {
				if g := f.gen; g != nil {
					f = g.leaveInline(t)
					resumeInlined(f, v, true)
					goto reload
				}
				hook, self, op := f.retHook, f.retSelf, f.retOp
				f = t.popInline(f)
				if hook != retPlain {
					if v, err = inlineResult(hook, self, op, v); err != nil {
						return f.fail(f.pc, f.sp, err)
					}
				}
				f.stack[f.sp] = v
				f.sp++
				goto reload
			}
			return v, nil

		case c.MAKE_FUNCTION:
			sp--
			fcode := stack[sp].(*Code)
			stack[sp] = nil
			if fcode.comp && arg&^c.FnClosure == 0 {
				sp = compFunction(t, fcode, f.globals, arg, stack, sp)
				continue
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
				fn.Annotations = annotationsDict(t, stack[sp])
				stack[sp] = nil
			}
			if arg&c.FnKwDefaults != 0 {
				sp--
				fn.KwDefaults = stack[sp].(*Dict)
				stack[sp] = nil
			}
			if arg&c.FnDefaults != 0 {
				sp--
				fn.Defaults = stack[sp].(*Tuple).items
				stack[sp] = nil
			}
			stack[sp] = fn
			sp++
		case c.CALL:
			fn := stack[sp-arg-1]
			switch x := fn.(type) {
			case *Function:
				if x.simple && arg == x.code.ArgCount && t.canInline() {
					fr := t.pushInline(f, x, stack[sp-arg:sp])
					clear(stack[sp-arg-1 : sp])
					f.pc, f.sp = pc, sp-arg-1
					f = fr
					goto reload
				}
			case *Method:
				// a bound method (super().m(), a method saved in a
				// variable): the function with self first
				if pf, ok := x.Func.(*Function); ok && pf.simple && arg+1 == pf.code.ArgCount && t.canInline() {
					fr := t.pushInlineSelf(f, pf, x.Self, stack[sp-arg:sp])
					clear(stack[sp-arg-1 : sp])
					f.pc, f.sp = pc, sp-arg-1
					f = fr
					goto reload
				}
			case *Type:
				// a class whose __init__ is Python: the instance is
				// made here and __init__ runs in this loop (retInit)
				if callee = initFunction(x, arg); callee != nil && t.canInline() {
					calleeArg = arg
					goto inlineInit
				}
			}
			f.pc, f.sp = pc, sp
			v, err := Call(t, fn, stack[sp-arg:sp], nil)
			if err != nil {
				return f.fail(pc, sp, err)
			}
			clear(stack[sp-arg-1 : sp])
			sp -= arg + 1
			stack[sp] = v
			sp++
		case c.CALL_KW:
			kwn := code.kwnamesOf(stack[sp-1])
			fn := stack[sp-arg-2]
			f.pc, f.sp = pc, sp
			v, err := Call(t, fn, stack[sp-arg-1:sp-1], kwn)
			if err != nil {
				return f.fail(pc, sp, err)
			}
			clear(stack[sp-arg-2 : sp])
			sp -= arg + 2
			stack[sp] = v
			sp++
		case c.CALL_METHOD:
			if m, ok := stack[sp-arg-2].(*Method); ok && stack[sp-arg-1] == nil {
				// an attribute that was a bound method: call its
				// function with self in the empty slot
				if pf, ok := m.Func.(*Function); ok && pf.simple && arg+1 == pf.code.ArgCount && t.canInline() {
					fr := t.pushInlineSelf(f, pf, m.Self, stack[sp-arg:sp])
					clear(stack[sp-arg-2 : sp])
					f.pc, f.sp = pc, sp-arg-2
					f = fr
					goto reload
				}
			}
			if pf, ok := stack[sp-arg-2].(*Function); ok && pf.simple && t.canInline() {
				args := stack[sp-arg : sp]
				if stack[sp-arg-1] != nil {
					args = stack[sp-arg-1 : sp]
				}
				if len(args) == pf.code.ArgCount {
					fr := t.pushInline(f, pf, args)
					clear(stack[sp-arg-2 : sp])
					f.pc, f.sp = pc, sp-arg-2
					f = fr
					goto reload
				}
			}
			var v Object
			f.pc, f.sp = pc, sp
			if stack[sp-arg-1] == nil {
				v, err = Call(t, stack[sp-arg-2], stack[sp-arg:sp], nil)
			} else {
				v, err = Call(t, stack[sp-arg-2], stack[sp-arg-1:sp], nil)
			}
			if err != nil {
				return f.fail(pc, sp, err)
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
					if IsInstanceOf(err, TypeErrorType) && stack[sp].Type().Iter == nil && stack[sp].Type().GetItem == nil {
						err = TypeErrorf("%s argument after * must be an iterable, not %s", funcDesc(t, fn), typeName(stack[sp]))
					}
					return f.fail(pc, sp, err)
				}
				posargs = items
			}
			stack[sp] = nil
			f.pc, f.sp = pc, sp
			v, err := CallWithKwargs(t, fn, posargs, kwargs)
			if err != nil {
				return f.fail(pc, sp, err)
			}
			stack[sp-1] = v

		case c.IMPORT_NAME:
			fromlist := stack[sp-1]
			level := stack[sp-2]
			f.pc, f.sp = pc, sp
			m, err := t.importName(f, names[arg], fromlist, level)
			if err != nil {
				return f.fail(pc, sp, err)
			}
			sp--
			stack[sp] = nil
			stack[sp-1] = m
		case c.IMPORT_FROM:
			v, err := importFrom(t, stack[sp-1], names[arg])
			if err != nil {
				return f.fail(pc, sp, err)
			}
			stack[sp] = v
			sp++
		case c.IMPORT_STAR:
			sp--
			if err := importStar(t, f, stack[sp]); err != nil {
				return f.fail(pc, sp, err)
			}
			stack[sp] = nil

		case c.SETUP_FINALLY, c.SETUP_CLEANUP:
			f.blocks = append(f.blocks, block{handler: int32(arg), level: int32(sp)})
		case c.SETUP_WITH:
			// the level excludes the __enter__ result on top (CPython 3.11)
			f.blocks = append(f.blocks, block{handler: int32(arg), level: int32(sp - 1)})
		case c.POP_BLOCK:
			f.blocks = f.blocks[:len(f.blocks)-1]
		case c.PUSH_EXC_INFO:
			exc := stack[sp-1]
			var prev Object = None
			if t.excInfo != nil {
				prev = t.excInfo
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
			if e, ok := exc.(*BaseException); ok {
				return f.fail(pc, sp, e)
			}
			return f.fail(pc, sp, TypeErrorf("exceptions must derive from BaseException"))
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
			return f.fail(pc, sp, e)
		case c.CHECK_EXC_MATCH:
			ok, err := exceptionMatches(t, stack[sp-2], stack[sp-1])
			if err != nil {
				return f.fail(pc, sp, err)
			}
			stack[sp-1] = Bool(ok)
		case c.CHECK_EG_MATCH:
			rest, match, err := exceptionGroupMatch(t, stack[sp-2], stack[sp-1])
			if err != nil {
				return f.fail(pc, sp, err)
			}
			stack[sp-2] = rest
			stack[sp-1] = match
			if m, ok := match.(*BaseException); ok {
				t.excInfo = m // the handler sees the match in sys.exc_info()
			}
		case c.PREP_RERAISE_STAR:
			v, err := prepReraiseStar(t, stack[sp-2], stack[sp-1])
			if err != nil {
				return f.fail(pc, sp, err)
			}
			sp--
			stack[sp] = nil
			stack[sp-1] = v
		case c.BEFORE_WITH:
			enter, exit, err := enterExit(t, stack[sp-1], "__enter__", "__exit__")
			if err != nil {
				return f.fail(pc, sp, err)
			}
			stack[sp-1] = exit
			f.pc, f.sp = pc, sp
			r, err := Call(t, enter, nil, nil)
			if err != nil {
				return f.fail(pc, sp, err)
			}
			stack[sp] = r
			sp++
		case c.WITH_EXCEPT_START:
			exit := stack[sp-3]
			exc := stack[sp-1]
			var tb Object = None
			if e, ok := exc.(*BaseException); ok && e.Traceback != nil {
				tb = e.Traceback
			}
			f.pc, f.sp = pc, sp
			r, err := Call(t, exit, []Object{exc.Type(), exc, tb}, nil)
			if err != nil {
				return f.fail(pc, sp, err)
			}
			stack[sp] = r
			sp++

		case c.YIELD_VALUE:
			sp--
			v := stack[sp]
			stack[sp] = nil
			f.pc, f.sp = pc, sp
			f.yielded = true
			if f.inlined {
				// resumed inline by FOR_ITER or SEND
				f = f.gen.leaveInline(t)
				resumeInlined(f, v, false)
				goto reload
			}
			return v, nil
		case c.GET_YIELD_FROM_ITER:
			v := stack[sp-1]
			switch v.(type) {
			case *Generator:
			default:
				it, err := Iter(t, v)
				if err != nil {
					return f.fail(pc, sp, err)
				}
				stack[sp-1] = it
			}
		case c.SEND:
			sub, v := stack[sp-2], stack[sp-1]
			if g, ok := sub.(*Generator); ok && g.kind != genAsync && t.canInline() && g.enterInline(t, f, true, v) {
				f.pc, f.sp = pc, sp
				f = g.frame
				goto reload
			}
			f.pc, f.sp = pc, sp
			r, done, err := sendInto(t, sub, v)
			if err != nil {
				return f.fail(pc, sp, err)
			}
			if done {
				sp--
				stack[sp] = nil
				stack[sp-1] = r
				pc = arg
				continue
			}
			stack[sp-1] = r
		case c.GET_AWAITABLE:
			aw, err := getAwaitable(t, stack[sp-1])
			if err != nil {
				return f.fail(pc, sp, err)
			}
			stack[sp-1] = aw
		case c.GET_AITER:
			v, found, err := callSpecial(t, stack[sp-1], "__aiter__")
			if err == nil && !found {
				err = TypeErrorf("'async for' requires an object with __aiter__ method, got %s", typeName(stack[sp-1]))
			}
			if err != nil {
				return f.fail(pc, sp, err)
			}
			stack[sp-1] = v
		case c.GET_ANEXT:
			v, found, err := callSpecial(t, stack[sp-1], "__anext__")
			if err == nil && !found {
				err = TypeErrorf("'async for' requires an iterator with __anext__ method, got %s", typeName(stack[sp-1]))
			}
			if err != nil {
				return f.fail(pc, sp, err)
			}
			aw, err := getAwaitable(t, v)
			if err != nil {
				return f.fail(pc, sp, err)
			}
			stack[sp] = aw
			sp++
		case c.END_ASYNC_FOR:
			exc := stack[sp-1]
			if e, ok := exc.(*BaseException); ok && e.typ.IsSubtype(StopAsyncIterationType) {
				sp -= 2
				stack[sp], stack[sp+1] = nil, nil
				t.excInfo = nil
				continue
			}
			sp--
			stack[sp] = nil
			f.reraise = true
			return f.fail(pc, sp, exc.(*BaseException))
		case c.BEFORE_ASYNC_WITH:
			enter, exit, err := enterExit(t, stack[sp-1], "__aenter__", "__aexit__")
			if err != nil {
				return f.fail(pc, sp, err)
			}
			stack[sp-1] = exit
			r, err := Call(t, enter, nil, nil)
			if err != nil {
				return f.fail(pc, sp, err)
			}
			aw, err := getAwaitable(t, r)
			if err != nil {
				return f.fail(pc, sp, err)
			}
			stack[sp] = aw
			sp++
		case c.ASYNC_GEN_WRAP:
			stack[sp-1] = &asyncGenWrapped{v: stack[sp-1]}

		case c.MATCH_CLASS:
			kw := stack[sp-1].(*Tuple)
			v, err := matchClass(t, stack[sp-3], stack[sp-2], arg, kw)
			if err != nil {
				return f.fail(pc, sp, err)
			}
			sp -= 2
			stack[sp], stack[sp+1] = nil, nil
			stack[sp-1] = v
		case c.MATCH_MAPPING:
			stack[sp] = Bool(stack[sp-1].Type().Flags&FlagMapping != 0)
			sp++
		case c.MATCH_SEQUENCE:
			stack[sp] = Bool(stack[sp-1].Type().Flags&FlagSequence != 0)
			sp++
		case c.MATCH_KEYS:
			v, err := matchKeys(t, stack[sp-2], stack[sp-1].(*Tuple))
			if err != nil {
				return f.fail(pc, sp, err)
			}
			stack[sp] = v
			sp++
		case c.GET_LEN:
			n, err := Len(t, stack[sp-1])
			if err != nil {
				return f.fail(pc, sp, err)
			}
			stack[sp] = Int(n)
			sp++
		case c.COPY_DICT_WITHOUT_KEYS:
			d := NewDict()
			if err := dictUpdateFrom(t, d, stack[sp-2]); err != nil {
				return f.fail(pc, sp, err)
			}
			for _, k := range stack[sp-1].(*Tuple).items {
				if _, err := d.DelItem(t, k); err != nil {
					return f.fail(pc, sp, err)
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
					return f.fail(pc, sp, err)
				}
				if v == nil {
					if err := SetItem(t, f.locals, Intern("__annotations__"), NewDict()); err != nil {
						return f.fail(pc, sp, err)
					}
				}
			}
		case c.PRINT_EXPR:
			sp--
			v := stack[sp]
			stack[sp] = nil
			if err := t.displayHook(v); err != nil {
				return f.fail(pc, sp, err)
			}
		default:
			return f.fail(pc, sp, Errorf(SystemErrorType, "unknown opcode %s", c.Opcode(ins&0xff)))
		}
	}

	// Inline calls reached by goto from the switch: kept out of it so
	// that the cases stay small.
inlineBinop:
	// BINARY_OP [a, b]: a.__op__(b) as a call in this loop
	{
		a := stack[sp-2]
		fr := t.pushInline(f, callee, stack[sp-2:sp])
		fr.retHook, fr.retOp, fr.retSelf = retBinop, calleeArg, a
		sp -= 2
		stack[sp], stack[sp+1] = nil, nil
		f.pc, f.sp = pc, sp
		f = fr
		goto reload
	}
inlineInit:
	// CALL [cls, args...]: the instance from object.__new__, then
	// cls.__init__(self, args...) in this loop
	{
		cls := stack[sp-calleeArg-1].(*Type)
		// object.__new__(cls): initFunction checked that it is the
		// class's __new__, that __init__ is overridden (extra arguments
		// are allowed) and that cls is neither abstract nor an exception
		self := NewInstance(cls)
		fr := t.pushInlineSelf(f, callee, self, stack[sp-calleeArg:sp])
		fr.retHook, fr.retSelf = retInit, self
		clear(stack[sp-calleeArg-1 : sp])
		f.pc, f.sp = pc, sp-calleeArg-1
		f = fr
		goto reload
	}
}

// kwnamesOf returns the keyword names of a CALL_KW tuple as Go strings.
func (code *Code) kwnamesOf(o Object) []string {
	tup := o.(*Tuple)
	names := make([]string, len(tup.items))
	for i, x := range tup.items {
		names[i] = x.(*Str).s
	}
	return names
}

// mappingGet reads name from a locals mapping (nil if absent).
func mappingGet(t *Thread, m Object, name *Str) (Object, error) {
	switch d := m.(type) {
	case *Dict:
		return d.getStr(name), nil
	case nil:
		return nil, nil
	}
	v, err := GetItem(t, m, name)
	if err != nil {
		if IsInstanceOf(err, KeyErrorType) {
			return nil, nil
		}
		return nil, err
	}
	return v, nil
}

// loadMethod implements LOAD_METHOD: for a plain function found on the
// type (and not shadowed by the instance dict) it avoids creating a bound
// method.
func loadMethod(t *Thread, obj Object, name *Str) (Object, Object, error) {
	typ := obj.Type()
	if typ.GetAttr == nil {
		descr := typ.Lookup(name)
		switch descr.(type) {
		case *Function, *MethodDescr:
			if md, ok := descr.(*MethodDescr); ok && (md.IsClass || md.IsStatic) {
				break
			}
			if d := instanceDict(obj); d != nil {
				if _, isType := obj.(*Type); !isType {
					if v := d.getStr(name); v != nil {
						return v, nil, nil
					}
				} else {
					break
				}
			}
			return descr, obj, nil
		}
	}
	v, err := GetAttr(t, obj, name)
	return v, nil, err
}

// makeRaise builds the exception for `raise exc [from cause]`.
func makeRaise(t *Thread, exc, cause Object, hasCause bool) error {
	e, err := instantiateException(t, exc)
	if err != nil {
		return err
	}
	if hasCause {
		if cause == None {
			e.Cause = nil
		} else {
			ce, err := instantiateException(t, cause)
			if err != nil {
				if IsInstanceOf(err, TypeErrorType) {
					return TypeErrorf("exception causes must derive from BaseException")
				}
				return err
			}
			e.Cause = ce
		}
		e.SuppressContext = true
	}
	return e
}

// instantiateException turns a raised class into an instance.
func instantiateException(t *Thread, exc Object) (*BaseException, error) {
	switch x := exc.(type) {
	case *BaseException:
		return x, nil
	case *Type:
		if x.IsSubtype(BaseExceptionType) {
			v, err := Call(t, x, nil, nil)
			if err != nil {
				return nil, err
			}
			if e, ok := v.(*BaseException); ok {
				return e, nil
			}
			return nil, TypeErrorf("calling %s should have returned an instance of BaseException, not %s", x.Name, typeName(v))
		}
	}
	return nil, TypeErrorf("exceptions must derive from BaseException")
}

// exceptionMatches implements `except T` matching.
func exceptionMatches(t *Thread, exc, typ Object) (bool, error) {
	check := func(x Object) (bool, error) {
		c, ok := x.(*Type)
		if !ok || !c.IsSubtype(BaseExceptionType) {
			return false, TypeErrorf("catching classes that do not inherit from BaseException is not allowed")
		}
		return exc.Type().IsSubtype(c), nil
	}
	if tup, ok := typ.(*Tuple); ok {
		for _, x := range tup.items {
			if inner, ok := x.(*Tuple); ok {
				if m, err := exceptionMatches(t, exc, inner); err != nil || m {
					return m, err
				}
				continue
			}
			m, err := check(x)
			if err != nil || m {
				return m, err
			}
		}
		return false, nil
	}
	return check(typ)
}

// fail saves the loop's registers in the frame and returns the exception.
// It is a method rather than a closure so that pc and sp stay in registers.
func (f *Frame) fail(pc, sp int, err error) (Object, error) {
	f.pc, f.sp = pc, sp
	return nil, err
}

// enterExit looks up a context manager's enter and exit methods (bound),
// for BEFORE_WITH and BEFORE_ASYNC_WITH.
func enterExit(t *Thread, mgr Object, enterName, exitName string) (enter, exit Object, err error) {
	proto := "context manager"
	if enterName == "__aenter__" {
		proto = "asynchronous context manager"
	}
	enter, err = lookupSpecial(t, mgr, enterName)
	if err == nil && enter == nil {
		err = TypeErrorf("'%s' object does not support the %s protocol", typeName(mgr), proto)
	}
	if err != nil {
		return nil, nil, err
	}
	exit, err = lookupSpecial(t, mgr, exitName)
	if err == nil && exit == nil {
		err = TypeErrorf("'%s' object does not support the %s protocol (missed %s method)", typeName(mgr), proto, exitName)
	}
	return enter, exit, err
}
