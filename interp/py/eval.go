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
		callee     *Function
		calleeCode *Code // the code of callee that was checked
		calleeArg  int
		// ir and fr carry a binary operation's int or float result to
		// binInt and binFloat
		ir int64
		fr float64
	)
reload:
	code = f.code
	instrs = code.quick
	if t.hooks != nil {
		// a hook is set: the frame runs the traced stream (trace.go)
		instrs = tracedInstrs(len(instrs))
	}
	consts = code.consts
	names = code.names
	stack = f.stack
	fast = f.fast
	pc = f.pc
	sp = f.sp

	for {
		ins := instrs[pc]
		pc++
	dispatch:
		arg := int(ins >> 8)
		switch c.Opcode(ins & 0xff) {
		case c.POP_TOP:
			sp--
			stack[sp] = nil
		case c.COPY:
			stack[sp] = stack[sp-arg]
			sp++
		case c.SWAP:
			stack[sp-1], stack[sp-arg] = stack[sp-arg], stack[sp-1]

		case c.LOAD_CONST, qConstBinop:
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
			if in, ok := v.(*Instance); ok {
				// the class loaded once: __class__ may be assigned meanwhile
				if typ := LoadPtr(&in.typ); LoadPtr(&typ.GetAttr) == nil {
					name := names[instrs[pc]>>8]
					if a := instanceAttrFast(lookupCached(&code.acache[pc], typ, name), in, name); a != nil {
						stack[sp] = a
						sp++
						pc++
						continue
					}
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
		case qLoadFastLoadFastBinop, qLoadFastLoadFastBinopStore:
			// LOAD_FAST a; LOAD_FAST b (at pc); BINARY_OP (at pc+1): the
			// result goes through binFloat/binInt as if a and b had been
			// pushed (sp += 2), or with a STORE_FAST x at pc+2 (the
			// opcode read again rather than kept from ins: see
			// qCompareJumpIfFalse) straight into x
			v, w := fast[arg], fast[instrs[pc]>>8]
			if x, ok := v.(Float); ok {
				if y, ok := w.(Float); ok {
					fr = float64(fusedFloat(x, y, c.BinaryOp(instrs[pc+1]>>8)%c.OpInplace))
					pc += 2
					if c.Opcode(instrs[pc-3]&0xff) == qLoadFastLoadFastBinopStore {
						goto storeFloat
					}
					sp += 2
					goto binFloat
				}
			} else if x, ok := v.(Int); ok {
				if y, ok := w.(Int); ok {
					if r, ok := fusedInt(x, y, c.BinaryOp(instrs[pc+1]>>8)%c.OpInplace); ok {
						ir = r
						pc += 2
						if c.Opcode(instrs[pc-3]&0xff) == qLoadFastLoadFastBinopStore {
							goto forInt // the same store of ir into the STORE_FAST at pc
						}
						sp += 2
						goto binInt
					}
				}
			}
			// anything else (an unbound local too): LOAD_FAST a;
			// LOAD_FAST b, then the BINARY_OP (and STORE_FAST) as
			// themselves
			ins = c.Instr(arg)<<8 | c.Instr(qLoadFastLoadFast)
			goto dispatch
		case qLoadFastBinop:
			// LOAD_FAST b; BINARY_OP (at pc): top op b, through
			// binFloat/binInt as if b had been pushed
			if y, ok := fast[arg].(Float); ok {
				if x, ok := stack[sp-1].(Float); ok {
					fr = float64(fusedFloat(x, y, c.BinaryOp(instrs[pc]>>8)%c.OpInplace))
					pc++
					sp++
					goto binFloat
				}
			} else if y, ok := fast[arg].(Int); ok {
				if x, ok := stack[sp-1].(Int); ok {
					if r, ok := fusedInt(x, y, c.BinaryOp(instrs[pc]>>8)%c.OpInplace); ok {
						ir = r
						pc++
						sp++
						goto binInt
					}
				}
			}
			// anything else: the LOAD_FAST alone
			ins = c.Instr(arg)<<8 | c.Instr(c.LOAD_FAST)
			goto dispatch
		case qLoadFastConstSubscr:
			// LOAD_FAST c; LOAD_CONST k (at pc); COPY 2; COPY 2;
			// BINARY_SUBSCR: [] -> [c, k, c[k]]
			v, k := fast[arg], consts[instrs[pc]>>8]
			if item := subscrFast(v, k); item != nil {
				stack[sp], stack[sp+1], stack[sp+2] = v, k, item
				sp += 3
				pc += 4
				continue
			}
			// anything else: LOAD_FAST c; LOAD_CONST k, then the COPYs
			// and the BINARY_SUBSCR (qCopy2Subscr) as themselves
			ins = c.Instr(arg)<<8 | c.Instr(qLoadFastLoadConst)
			goto dispatch
		case qAugSubscr:
			// c[k] op= a op2 b, all twelve instructions (quicken.go)
			if t.augSubscrFloat(fast, consts, instrs[pc-1:]) {
				pc += augSubscrLen - 1
				continue
			}
			// anything else: the fusion quicken would have made
			// without this one; the rest as themselves
			if c.Opcode(instrs[pc]&0xff) == c.LOAD_CONST {
				ins = c.Instr(arg)<<8 | c.Instr(qLoadFastConstSubscr)
			} else {
				ins = c.Instr(arg)<<8 | c.Instr(qLoadFastLoadFast)
			}
			goto dispatch
		case qBinopStoreSubscr:
			// BINARY_OP; SWAP 3; SWAP 2; STORE_SUBSCR (at pc..pc+2):
			// [c, k, a, b] -> c[k] = a op b
			if x, ok := stack[sp-2].(Float); ok {
				if y, ok := stack[sp-1].(Float); ok {
					fr = float64(fusedFloat(x, y, c.BinaryOp(arg)%c.OpInplace))
					var r Object
					if n := t.boxLeft; n > 0 {
						t.boxLeft = n - 1
						p := &t.box[boxChunkLen-n]
						*p = math.Float64bits(fr)
						r = floatAt(p)
					} else {
						r = t.boxFloat(fr)
					}
					if storeSubscrFast(stack[sp-4], stack[sp-3], r, t) {
						sp -= 4
						stack[sp], stack[sp+1], stack[sp+2], stack[sp+3] = nil, nil, nil, nil
						pc += 3
						continue
					}
					// another container: the stores run as themselves
					sp--
					stack[sp] = nil
					stack[sp-1] = r
					continue
				}
			}
			// anything else: the BINARY_OP alone, specialised as
			// quicken would have
			ins = c.Instr(arg)<<8 | c.Instr(binopQuick[arg])
			goto dispatch
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
			var r, ok bool
			if x, isInt := stack[sp-2].(Int); isInt {
				if y, isInt := stack[sp-1].(Int); isInt {
					// compareOrdered written out (execute is too big for
					// the compiler to inline it) and without branches:
					// cmpMasks[op] has bit 0 for <, 1 for ==, 2 for >
					var gt, lt uint8
					if x > y {
						gt = 1
					}
					if x < y {
						lt = 1
					}
					r, ok = cmpMasks[arg&7]>>(1+gt-lt)&1 != 0, true
				}
			}
			if !ok {
				r, ok = compareFast(stack[sp-2], stack[sp-1], CompareOp(arg))
			}
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
			// the jump's sense from the jump itself, not from ins: ins is
			// then dead after the calls above, and the loop head does not
			// spill it for every instruction
			jump := instrs[pc]
			pc++
			if r == (c.Opcode(jump&0xff) == c.POP_JUMP_IF_TRUE) {
				pc = int(jump >> 8)
			}
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
		case c.LOAD_GLOBAL:
			g, b := f.globals, f.builtins
			// Nested ifs, each ending in its own continue: written as one
			// && chain, the compiler merged the five outcomes into a byte
			// on the stack and tested it again (about 50 instructions).
			if e := code.gcache[pc-1].Load(); e != nil {
				if e.globals == g && e.builtins == b {
					if e.gver == g.version.Load() {
						if e.bver == b.version.Load() {
							stack[sp] = e.value
							sp++
							continue
						}
					}
				}
			}
			// the miss is a call: written out here it kept g and pc-1 in
			// stack slots on the hit path too
			v, err := loadGlobalMiss(f, pc-1, names[arg])
			if err != nil {
				return f.fail(pc, sp, err)
			}
			stack[sp] = v
			sp++
		case c.LOAD_ATTR:
			obj := stack[sp-1]
			if in, ok := obj.(*Instance); ok {
				// the class loaded once: __class__ may be assigned meanwhile
				if typ := LoadPtr(&in.typ); LoadPtr(&typ.GetAttr) == nil {
					e := lookupCached(&code.acache[pc-1], typ, names[arg])
					if v := instanceAttrFast(e, in, names[arg]); v != nil {
						stack[sp-1] = v
						continue
					}
					if fn, fc := propertyGetter(e); fn != nil && t.canInline() {
						// a property's getter runs in this loop
						fr := t.pushInline(f, fn, fc, nil, stack[sp-1:sp], 0)
						sp--
						f.pc, f.sp = pc, sp
						f = fr
						goto reload
					}
					v, err := loadAttrEntry(t, e, in, typ, names[arg])
					if err != nil {
						return f.fail(pc, sp, err)
					}
					stack[sp-1] = v
					continue
				}
			}
			v, err := GetAttr(t, obj, names[arg])
			if err != nil {
				return f.fail(pc, sp, err)
			}
			stack[sp-1] = v
		case c.STORE_ATTR:
			if in, ok := stack[sp-1].(*Instance); ok {
				// the class loaded once: __class__ may be assigned meanwhile
				if typ := LoadPtr(&in.typ); LoadPtr(&typ.SetAttr) == nil {
					e := lookupCached(&code.acache[pc-1], typ, names[arg])
					if i := e.slot - 1; i >= 0 && i < len(in.slots) {
						// a __slots__ member: its descriptor's store
						in.setSlot(i, stack[sp-2])
						sp -= 2
						stack[sp], stack[sp+1] = nil, nil
						continue
					}
					if d := LoadPtr(&in.dict); d != nil && e.kind != attrData && e.kind != attrSetOnly {
						// no data descriptor on the class: a plain instance dict store
						if err := d.setStrHint(t, names[arg], stack[sp-2], &e.hint); err != nil {
							return f.fail(pc, sp, err)
						}
						sp -= 2
						stack[sp], stack[sp+1] = nil, nil
						continue
					}
				}
			}
			if err := SetAttr(t, stack[sp-1], names[arg], stack[sp-2]); err != nil {
				return f.fail(pc, sp, err)
			}
			sp -= 2
			stack[sp], stack[sp+1] = nil, nil
			if t.hooks != nil && !isTraced(instrs) {
				// frame.f_trace = ... (trace.go)
				f.pc, f.sp = pc, sp
				goto reload
			}
		case c.LOAD_METHOD:
			obj := stack[sp-1]
			// Nested ifs and a goto: `isInst && ...` compiled to a flag
			// byte on the stack that every LOAD_METHOD stored and tested.
			if in, isInst := obj.(*Instance); isInst {
				// the class loaded once: __class__ may be assigned meanwhile
				if typ := LoadPtr(&in.typ); LoadPtr(&typ.GetAttr) == nil {
					e := lookupCached(&code.acache[pc-1], typ, names[arg])
					if d := LoadPtr(&in.dict); e.kind == attrFunction && (d == nil || d.lacksStr(names[arg])) {
						stack[sp-1] = e.descr
						stack[sp] = obj
						sp++
						continue
					}
				}
				// (builtinMethod finds nothing for an instance)
				goto loadMethodFull
			}
			if md := builtinMethod(&code.acache[pc-1], obj, names[arg]); md != nil {
				// built-in values (str, list, dict, ...): a method
				// descriptor found through the cache is called unbound
				stack[sp-1] = md
				stack[sp] = obj
				sp++
				continue
			}
		loadMethodFull:
			meth, self, err := loadMethod(t, obj, names[arg])
			if err != nil {
				return f.fail(pc, sp, err)
			}
			stack[sp-1] = meth
			stack[sp] = self
			sp++
		case c.UNARY_NEGATIVE:
			if i, ok := stack[sp-1].(Int); ok && i != -i {
				stack[sp-1] = -i
				continue
			}
			v, err := UnaryOp(t, stack[sp-1], LoadPtr(&stack[sp-1].Type().Neg), "-")
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
		case c.BINARY_OP:
			// int and float operands inline: the result goes through the
			// shared tails after the switch (binInt, binFloat), anything
			// else through binSlow
			a, b := stack[sp-2], stack[sp-1]
			if x, ok := a.(Int); ok {
				if y, ok := b.(Int); ok {
					switch arg {
					case int(c.OpAdd), int(c.OpInplace + c.OpAdd):
						if s := x + y; (s > x) == (y > 0) {
							ir = int64(s)
							goto binInt
						}
					case int(c.OpSubtract), int(c.OpInplace + c.OpSubtract):
						if s := x - y; (s < x) == (y > 0) {
							ir = int64(s)
							goto binInt
						}
					case int(c.OpMultiply), int(c.OpInplace + c.OpMultiply):
						if r, ok := mul64(int64(x), int64(y)); ok {
							ir = r
							goto binInt
						}
					case int(c.OpFloorDivide), int(c.OpInplace + c.OpFloorDivide):
						if y > 0 {
							q, r := x/y, x%y
							if r < 0 {
								q--
							}
							ir = int64(q)
							goto binInt
						}
					case int(c.OpRemainder), int(c.OpInplace + c.OpRemainder):
						if y > 0 {
							r := x % y
							if r < 0 {
								r += y
							}
							ir = int64(r)
							goto binInt
						}
					case int(c.OpAnd), int(c.OpInplace + c.OpAnd):
						ir = int64(x & y)
						goto binInt
					case int(c.OpOr), int(c.OpInplace + c.OpOr):
						ir = int64(x | y)
						goto binInt
					case int(c.OpXor), int(c.OpInplace + c.OpXor):
						ir = int64(x ^ y)
						goto binInt
					case int(c.OpRshift), int(c.OpInplace + c.OpRshift):
						if y >= 0 {
							ir = int64(x >> min(y, 63))
							goto binInt
						}
					case int(c.OpLshift), int(c.OpInplace + c.OpLshift):
						// no bits may be lost: otherwise the big-int path
						if y >= 0 && y < 63 && (x<<y)>>y == x {
							ir = int64(x << y)
							goto binInt
						}
					}
					goto binSlow
				} else if y, ok := b.(Float); ok {
					fx := Float(x)
					switch arg {
					case int(c.OpAdd), int(c.OpInplace + c.OpAdd):
						fr = float64(fx + y)
						goto binFloat
					case int(c.OpSubtract), int(c.OpInplace + c.OpSubtract):
						fr = float64(fx - y)
						goto binFloat
					case int(c.OpMultiply), int(c.OpInplace + c.OpMultiply):
						fr = float64(fx * y)
						goto binFloat
					case int(c.OpTrueDivide), int(c.OpInplace + c.OpTrueDivide):
						if y != 0 {
							fr = float64(fx / y)
							goto binFloat
						}
					}
				}
			} else if x, ok := a.(Float); ok {
				if y, ok := b.(Float); ok {
					switch arg {
					case int(c.OpAdd), int(c.OpInplace + c.OpAdd):
						fr = float64(x + y)
						goto binFloat
					case int(c.OpSubtract), int(c.OpInplace + c.OpSubtract):
						fr = float64(x - y)
						goto binFloat
					case int(c.OpMultiply), int(c.OpInplace + c.OpMultiply):
						fr = float64(x * y)
						goto binFloat
					case int(c.OpTrueDivide), int(c.OpInplace + c.OpTrueDivide):
						if y != 0 {
							fr = float64(x / y)
							goto binFloat
						}
					case int(c.OpPower), int(c.OpInplace + c.OpPower):
						// positive finite base: no complex result, no error
						if x > 0 && x <= math.MaxFloat64 && y == y && y <= math.MaxFloat64 && y >= -math.MaxFloat64 {
							if fr = fastPow(float64(x), float64(y)); fr <= math.MaxFloat64 {
								goto binFloat
							}
						}
					}
				} else if y, ok := b.(Int); ok {
					fy := Float(y)
					switch arg {
					case int(c.OpAdd), int(c.OpInplace + c.OpAdd):
						fr = float64(x + fy)
						goto binFloat
					case int(c.OpSubtract), int(c.OpInplace + c.OpSubtract):
						fr = float64(x - fy)
						goto binFloat
					case int(c.OpMultiply), int(c.OpInplace + c.OpMultiply):
						fr = float64(x * fy)
						goto binFloat
					case int(c.OpTrueDivide), int(c.OpInplace + c.OpTrueDivide):
						if y != 0 {
							fr = float64(x / fy)
							goto binFloat
						}
					}
				}
			}
			goto binSlow
		case qBinaryAdd:
			switch x := stack[sp-2].(type) {
			case Float:
				switch y := stack[sp-1].(type) {
				case Float:
					fr = float64(x + y)
					goto binFloat
				case Int:
					fr = float64(x + Float(y))
					goto binFloat
				}
			case Int:
				switch y := stack[sp-1].(type) {
				case Int:
					if s := x + y; (s > x) == (y > 0) {
						ir = int64(s)
						goto binInt
					}
				case Float:
					fr = float64(Float(x) + y)
					goto binFloat
				}
			}
			goto binSlow
		case qBinarySubtract:
			switch x := stack[sp-2].(type) {
			case Float:
				switch y := stack[sp-1].(type) {
				case Float:
					fr = float64(x - y)
					goto binFloat
				case Int:
					fr = float64(x - Float(y))
					goto binFloat
				}
			case Int:
				switch y := stack[sp-1].(type) {
				case Int:
					if s := x - y; (s < x) == (y > 0) {
						ir = int64(s)
						goto binInt
					}
				case Float:
					fr = float64(Float(x) - y)
					goto binFloat
				}
			}
			goto binSlow
		case qBinaryMultiply:
			switch x := stack[sp-2].(type) {
			case Float:
				switch y := stack[sp-1].(type) {
				case Float:
					fr = float64(x * y)
					goto binFloat
				case Int:
					fr = float64(x * Float(y))
					goto binFloat
				}
			case Int:
				switch y := stack[sp-1].(type) {
				case Int:
					if r, ok := mul64(int64(x), int64(y)); ok {
						ir = r
						goto binInt
					}
				case Float:
					fr = float64(Float(x) * y)
					goto binFloat
				}
			}
			goto binSlow
		case qBinaryTrueDivide:
			switch x := stack[sp-2].(type) {
			case Float:
				switch y := stack[sp-1].(type) {
				case Float:
					if y != 0 {
						fr = float64(x / y)
						goto binFloat
					}
				case Int:
					if y != 0 {
						fr = float64(x / Float(y))
						goto binFloat
					}
				}
			case Int:
				if y, ok := stack[sp-1].(Float); ok && y != 0 {
					fr = float64(Float(x) / y)
					goto binFloat
				}
			}
			goto binSlow
		case qBinaryFloorDivide:
			if x, ok := stack[sp-2].(Int); ok {
				if y, ok := stack[sp-1].(Int); ok && y > 0 {
					q, r := x/y, x%y
					if r < 0 {
						q--
					}
					ir = int64(q)
					goto binInt
				}
			}
			goto binSlow
		case qBinaryRemainder:
			if x, ok := stack[sp-2].(Int); ok {
				if y, ok := stack[sp-1].(Int); ok && y > 0 {
					r := x % y
					if r < 0 {
						r += y
					}
					ir = int64(r)
					goto binInt
				}
			}
			goto binSlow
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
			if storeSubscrFast(stack[sp-2], stack[sp-1], stack[sp-3], t) {
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
			if !storeSubscrFast(container, key, v, t) {
				if err := SetItem(t, container, key, v); err != nil {
					stack[sp-3], stack[sp-2], stack[sp-1] = v, container, key
					return f.fail(pc+2, sp, err)
				}
			}
			sp -= 3
			stack[sp], stack[sp+1], stack[sp+2] = nil, nil, nil
			pc += 2
		case c.BUILD_TUPLE:
			stack[sp-arg] = tupleFromStack(stack[sp-arg : sp])
			sp -= arg - 1
		case c.BUILD_LIST:
			items := make([]Object, arg)
			copy(items, stack[sp-arg:sp])
			clear(stack[sp-arg : sp])
			sp -= arg
			stack[sp] = NewList(items...)
			sp++
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
		case c.UNPACK_SEQUENCE:
			seq := stack[sp-1]
			var items []Object
			switch s := seq.(type) {
			case *Tuple:
				items = s.items
			case *List:
				// read without the lock into the slots the items go to,
				// then put in UNPACK_SEQUENCE's order (item 0 on top)
				if buf := stack[sp-1 : sp-1+arg]; s.loadExact(buf) {
					for i, j := 0, arg-1; i < j; i, j = i+1, j-1 {
						buf[i], buf[j] = buf[j], buf[i]
					}
					sp += arg - 1
					continue
				}
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
				if s.unpackToLocals(fast, instrs[pc:pc+arg]) {
					sp--
					stack[sp] = nil
					pc += arg
					continue
				}
			}
			// anything else: UNPACK_SEQUENCE alone (the stores follow).
			// Written out again rather than shared with UNPACK_SEQUENCE:
			// a shared helper made tight loops slower (code layout of
			// execute, docs/benchmarks.md).
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
			if i, ok := v.(Int); ok {
				if b := i != 0; !b {
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
			if i, ok := v.(Int); ok {
				if b := i != 0; b {
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
				// resume it in this loop, as a call (leaveInline
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
				// nextValue written out (a call here reloads the loop's
				// registers); the value is boxed in forInt
				if x.i.Load() < x.n {
					if i := x.i.Add(1) - 1; i < x.n {
						ir = x.start + i*x.step
						goto forInt
					}
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
					if f, err = g.leaveInline(t, v, leaveReturn); err != nil {
						return f.fail(f.pc, f.sp, err)
					}
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

		case qCallPopTop:
			if b, ok := stack[sp-arg-1].(*Builtin); ok {
				// a statement calling a Go builtin or a C function:
				// the result is dropped, not pushed, and the POP_TOP
				// is not dispatched
				f.pc, f.sp = pc, sp
				if _, err = b.Fn(t, b.Self, stack[sp-arg:sp], nil); err != nil {
					return f.fail(pc, sp, err)
				}
				for i := sp - arg - 1; i < sp; i++ {
					stack[i] = nil
				}
				sp -= arg + 1
				pc++ // the POP_TOP
				if t.hooks != nil && !isTraced(instrs) {
					// a hook was set by the call (trace.go)
					f.pc, f.sp = pc, sp
					goto reload
				}
				continue
			}
			fallthrough
		case c.CALL:
			fn := stack[sp-arg-1]
			var v Object
			// a Python function first, on its own: as a fourth case of
			// the switch below it made the switch compare type hashes
			// (a binary search) instead of three itab pointers, about 5
			// instructions more per call. Nested ifs: one && chain
			// compiled to a flag byte on the stack, tested again.
			if x, ok := fn.(*Function); ok {
				if fc := LoadPtr(&x.code); fc.simple {
					if arg == fc.ArgCount {
						if t.canInline() {
							fr := t.pushInline(f, x, fc, nil, stack[sp-arg-1:sp], 1)
							f.pc, f.sp = pc, sp-arg-1
							f = fr
							goto reload
						}
					}
				}
			}
			switch x := fn.(type) {
			case *Builtin:
				// a Go builtin or a C function: its Fn at once, without
				// Call's type switch
				f.pc, f.sp = pc, sp
				v, err = x.Fn(t, x.Self, stack[sp-arg:sp], nil)
				goto callDone
			case *Method:
				// a bound method (super().m(), a method saved in a
				// variable): the function with self first
				if pf, ok := x.Func.(*Function); ok {
					if t.canInline() {
						if fc := LoadPtr(&pf.code); fc.simple && arg+1 == fc.ArgCount {
							fr := t.pushInline(f, pf, fc, x.Self, stack[sp-arg-1:sp], 1)
							f.pc, f.sp = pc, sp-arg-1
							f = fr
							goto reload
						}
					}
				}
			case *Type:
				// a class whose __init__ is Python: the instance is
				// made here and __init__ runs in this loop (retInit)
				if callee, calleeCode = initFunction(x, arg); callee != nil && t.canInline() {
					calleeArg = arg
					goto inlineInit
				}
			}
			f.pc, f.sp = pc, sp
			v, err = Call(t, fn, stack[sp-arg:sp], nil)
		callDone:
			if err != nil {
				return f.fail(pc, sp, err)
			}
			// the arguments' slots nil'd here, not by clearSlots: a call
			// (with the spills around it) cost more than the stores of
			// the one to three arguments most calls have
			for i := sp - arg; i < sp; i++ {
				stack[i] = nil // the callable's slot takes v
			}
			sp -= arg + 1
			stack[sp] = v
			sp++
			if t.hooks != nil && !isTraced(instrs) {
				// a hook was set by the call (trace.go)
				f.pc, f.sp = pc, sp
				goto reload
			}
		case c.CALL_METHOD:
			var v Object
			if md, ok := stack[sp-arg-2].(*MethodDescr); ok && stack[sp-arg-1] != nil {
				if md == genSend && arg == 1 {
					// gen.send(x): the generator resumes in this loop, as
					// for SEND (leaveInline comes back here)
					if g, ok := stack[sp-2].(*Generator); ok && g.kind == genPlain && t.canInline() && g.enterInline(t, f, true, stack[sp-1]) {
						f.pc, f.sp = pc, sp
						f = g.frame
						goto reload
					}
				}
				// a built-in type's method after LOAD_METHOD (s.upper())
				f.pc, f.sp = pc, sp
				v, err = md.callSelf(t, stack[sp-arg-1:sp])
				if err == nil {
					goto methodCleared // callSelf cleared the slots
				}
				goto methodDone
			}
			if m, ok := stack[sp-arg-2].(*Method); ok && stack[sp-arg-1] == nil {
				// an attribute that was a bound method: call its
				// function with self in the empty slot
				if pf, ok := m.Func.(*Function); ok {
					if t.canInline() {
						if fc := LoadPtr(&pf.code); fc.simple && arg+1 == fc.ArgCount {
							fr := t.pushInline(f, pf, fc, m.Self, stack[sp-arg-2:sp], 2)
							f.pc, f.sp = pc, sp-arg-2
							f = fr
							goto reload
						}
					}
				}
			}
			if pf, ok := stack[sp-arg-2].(*Function); ok && t.canInline() {
				// self (in the slot after the function) is the first
				// argument, or the slot is empty
				skip := 1
				if stack[sp-arg-1] == nil {
					skip = 2
				}
				if fc := LoadPtr(&pf.code); fc.simple && arg+2-skip == fc.ArgCount {
					fr := t.pushInline(f, pf, fc, nil, stack[sp-arg-2:sp], skip)
					f.pc, f.sp = pc, sp-arg-2
					f = fr
					goto reload
				}
			}
			f.pc, f.sp = pc, sp
			if stack[sp-arg-1] == nil {
				v, err = Call(t, stack[sp-arg-2], stack[sp-arg:sp], nil)
			} else {
				v, err = Call(t, stack[sp-arg-2], stack[sp-arg-1:sp], nil)
			}
		methodDone:
			if err != nil {
				return f.fail(pc, sp, err)
			}
			clearSlots(stack[sp-arg-1 : sp]) // the callable's slot takes v
		methodCleared:
			sp -= arg + 2
			stack[sp] = v
			sp++
			if t.hooks != nil && !isTraced(instrs) {
				// a hook was set by the call (trace.go)
				f.pc, f.sp = pc, sp
				goto reload
			}
		case c.SETUP_FINALLY, c.SETUP_CLEANUP:
			f.blocks = append(f.blocks, block{handler: int32(arg), level: int32(sp)})
		case c.SETUP_WITH:
			// the level excludes the __enter__ result on top (CPython 3.11)
			f.blocks = append(f.blocks, block{handler: int32(arg), level: int32(sp - 1)})
		case c.POP_BLOCK:
			f.blocks = f.blocks[:len(f.blocks)-1]
		case c.YIELD_VALUE:
			sp--
			v := stack[sp]
			stack[sp] = nil
			f.pc, f.sp = pc, sp
			f.yielded = true
			if f.inlined {
				// resumed inline by FOR_ITER or SEND
				f, _ = f.gen.leaveInline(t, v, leaveYield)
				goto reload
			}
			return v, nil
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
		case qTrace:
			// the traced stream: the events before the instruction, then
			// the instruction itself (trace.go)
			f.pc, f.sp = pc, sp
			if ins, err = t.traceStep(f); err != nil {
				return nil, err
			}
			pc, sp = f.pc, f.sp // a trace function may jump (f_lineno)
			goto dispatch
		default:
			// everything else (see executeRare): out of this function so
			// that the hot loop stays small
			f.pc, f.sp = pc, sp
			// executeRare reads the instruction at f.pc-1 itself: with
			// ins live here, the loop head spilled it for every
			// instruction (the jump table's gaps lead here)
			if err := t.executeRare(f, isTraced(instrs)); err != nil {
				return nil, err
			}
			pc, sp = f.pc, f.sp
			if t.hooks != nil && !isTraced(instrs) {
				// a hook was set meanwhile (trace.go)
				goto reload
			}
		}
		continue

		// The ends of the binary operations, shared by their cases (one
		// copy of the code keeps the loop small). Boxing is written out
		// here rather than called: a call makes the loop reload every
		// value it keeps in registers, and execute is too big for the Go
		// compiler to inline boxInt and freeSlot into it.
	binInt:
		// [a, b] -> [ir]
		sp--
		stack[sp] = nil
	binIntTop:
		// [x] -> [ir]
		if u := uint64(ir + smallIntNeg); u < smallIntLen {
			stack[sp-1] = intAt(&smallInts[u])
		} else if op := c.Opcode(instrs[pc] & 0xff); op == c.STORE_FAST {
			// `acc += x`: the result goes straight into the local (the
			// STORE_FAST at pc is not dispatched); tested first, as the
			// most common next instruction of a boxed result
			sp--
			stack[sp] = nil
			goto forInt
		} else if op == qConstBinop || op == qLoadFastBinop {
			goto intChain
		} else if op == qBinaryAdd || op == qBinarySubtract || op == qBinaryMultiply {
			goto intChainStack
		} else if n := t.boxLeft; n > 0 {
			t.boxLeft = n - 1
			p := &t.box[boxChunkLen-n]
			*p = uint64(ir)
			stack[sp-1] = intAt(p)
		} else {
			stack[sp-1] = t.boxInt(ir)
		}
		continue
	intChain:
		// The result ir needs a box and is the left operand of the next
		// operation, LOAD_CONST k or LOAD_FAST b then BINARY_OP (+ - *):
		// with an int k or b it is computed here, and only its result is
		// boxed (or chained again). The temporary of `3 * n + 1` or
		// `i * 7 + 3` is then never allocated: a quarter of the boxes of
		// bench/threads_cpu.py, whose collections take the second core
		// from the other thread. Anything else (not an int, an overflow)
		// boxes ir and runs the pair as usual. Only operators fusedInt
		// computes, which the compiler inlines here: a version with //
		// and % (a call of a bigger helper) made the whole loop of
		// bench/threads_shared_dict.py 20% slower on one thread.
		{
			in := instrs[pc]
			var y Object
			if c.Opcode(in&0xff) == qConstBinop {
				y = consts[in>>8]
			} else {
				y = fast[in>>8]
			}
			if yi, ok := y.(Int); ok {
				if r, ok := fusedInt(Int(ir), yi, c.BinaryOp(instrs[pc+1]>>8)%c.OpInplace); ok {
					ir = r
					pc += 2
					goto binIntTop
				}
			}
			stack[sp-1] = t.boxInt(ir)
		}
		continue
	intChainStack:
		// The result ir needs a box and is the right operand of the
		// next instruction, a BINARY_OP (+ - *) whose left operand is
		// under it (`acc += i * k`): with an int there it is computed
		// here and the temporary is never boxed.
		if x, ok := stack[sp-2].(Int); ok {
			if r, ok := fusedInt(x, Int(ir), c.BinaryOp(instrs[pc]>>8)%c.OpInplace); ok {
				ir = r
				pc++
				goto binInt
			}
		}
		stack[sp-1] = t.boxInt(ir)
		continue
	forInt:
		// FOR_ITER; STORE_FAST x (at pc) of a range: x = ir
		{
			var o Object
			if u := uint64(ir + smallIntNeg); u < smallIntLen {
				o = intAt(&smallInts[u])
			} else if n := t.boxLeft; n > 0 {
				t.boxLeft = n - 1
				p := &t.box[boxChunkLen-n]
				*p = uint64(ir)
				o = intAt(p)
			} else {
				o = t.boxInt(ir)
			}
			fast[instrs[pc]>>8] = o
			pc++
		}
		continue
	storeFloat:
		// x = fr, x the STORE_FAST at pc
		{
			// written out as in binFloat: freeSlot is not inlined into
			// this function, and a call here cost nbody 2% in instructions
			var o Object
			if n := t.boxLeft; n > 0 {
				t.boxLeft = n - 1
				p := &t.box[boxChunkLen-n]
				*p = math.Float64bits(fr)
				o = floatAt(p)
			} else {
				o = t.boxFloat(fr)
			}
			fast[instrs[pc]>>8] = o
			pc++
		}
		continue
	binFloat:
		// [a, b] -> [fr]
		sp--
		stack[sp] = nil
		if c.Opcode(instrs[pc]&0xff) == c.STORE_FAST {
			// `f += x`: the result goes straight into the local
			sp--
			stack[sp] = nil
			goto storeFloat
		}
		if n := t.boxLeft; n > 0 {
			t.boxLeft = n - 1
			p := &t.box[boxChunkLen-n]
			*p = math.Float64bits(fr)
			stack[sp-1] = floatAt(p)
		} else {
			stack[sp-1] = t.boxFloat(fr)
		}
		continue
	binSlow:
		// [a, b] -> [a op b] for any other operands; a Python dunder
		// runs in this loop
		{
			a, b := stack[sp-2], stack[sp-1]
			if callee, calleeCode = binopFunction(a, b, arg); callee != nil && t.canInline() {
				calleeArg = arg
				goto inlineBinop
			}
			v, err := binaryOpSlow(t, a, b, arg)
			if err != nil {
				return f.fail(pc, sp, err)
			}
			sp--
			stack[sp] = nil
			stack[sp-1] = v
		}
	}

	// Inline calls reached by goto from the switch: kept out of it so
	// that the cases stay small.
inlineBinop:
	// BINARY_OP [a, b]: a.__op__(b) as a call in this loop
	{
		a := stack[sp-2]
		fr := t.pushInline(f, callee, calleeCode, nil, stack[sp-2:sp], 0)
		fr.retHook, fr.retOp, fr.retSelf = retBinop, calleeArg, a
		sp -= 2
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
		fr := t.pushInline(f, callee, calleeCode, self, stack[sp-calleeArg-1:sp], 1)
		fr.retHook, fr.retSelf = retInit, self
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
	if LoadPtr(&typ.GetAttr) == nil {
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
	if s, ok := obj.(*Super); ok {
		// super().m(...): the function and self, without the bound
		// method that super's __getattribute__ would make
		if fn := s.method(name); fn != nil {
			return fn, s.obj, nil
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
			e.SetCause(nil)
		} else {
			ce, err := instantiateException(t, cause)
			if err != nil {
				if IsInstanceOf(err, TypeErrorType) {
					return TypeErrorf("exception causes must derive from BaseException")
				}
				return err
			}
			e.SetCause(ce)
		}
		e.SetSuppressContext(true)
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
			r, _ := ReprString(t, x)
			rv, _ := ReprString(t, v.Type())
			return nil, TypeErrorf("calling %s should have returned an instance of BaseException, not %s", r, rv)
		}
	}
	return nil, TypeErrorf("exceptions must derive from BaseException")
}

// exceptionMatches implements `except T` matching. As in CPython, every
// item of a tuple must be an exception class (a nested tuple is not),
// checked before matching, so `except (E, 42)` fails even when E matches.
func exceptionMatches(t *Thread, exc, typ Object) (bool, error) {
	valid := func(x Object) bool {
		c, ok := x.(*Type)
		return ok && c.IsSubtype(BaseExceptionType)
	}
	if tup, ok := typ.(*Tuple); ok {
		for _, x := range tup.items {
			if !valid(x) {
				return false, errExceptNotClass()
			}
		}
		et := exc.Type()
		for _, x := range tup.items {
			if et.IsSubtype(x.(*Type)) {
				return true, nil
			}
		}
		return false, nil
	}
	if !valid(typ) {
		return false, errExceptNotClass()
	}
	return exc.Type().IsSubtype(typ.(*Type)), nil
}

func errExceptNotClass() error {
	return TypeErrorf("catching classes that do not inherit from BaseException is not allowed")
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
