package compile

import (
	"fmt"
	"sort"

	"freepy/interp/syntax"
)

// assemble turns a finished unit into a Code: it resolves labels, drops
// NOPs and unreachable instructions, fills in artificial line numbers and
// computes the stack and block-stack sizes.
func (c *compiler) assemble(u *unit) *Code {
	n := len(u.instrs)
	// Resolve labels.
	for i := range u.instrs {
		in := &u.instrs[i]
		if in.op.HasJump() {
			t := u.labels[in.arg]
			if t < 0 {
				c.internalError("jump to an unplaced label in %s", u.name)
			}
			in.arg = t
		}
	}

	// Reachability from the first instruction.
	reach := make([]bool, n+1)
	work := []int{0}
	for len(work) > 0 {
		i := work[len(work)-1]
		work = work[:len(work)-1]
		if i >= n {
			c.internalError("code of %s jumps past its end", u.name)
		}
		for i < n && !reach[i] {
			reach[i] = true
			in := u.instrs[i]
			if in.op.HasJump() && !reach[in.arg] {
				work = append(work, in.arg)
			}
			if !fallsThrough(in.op) {
				break
			}
			i++
		}
		if i == n {
			c.internalError("code of %s falls off its end", u.name)
		}
	}

	// Keep reachable non-NOP instructions; newIndex maps an old index to
	// the index of the first kept instruction at or after it.
	newIndex := make([]int, n+1)
	// A NOP stays when it holds a line that would otherwise vanish (a
	// pass or `while True:` between two statements), so that tracing
	// reports it, as CPython 3.11 keeps it; its line moves to the next
	// instruction when that one has none (see traceLines).
	target := make([]bool, n+1)
	for i := range u.instrs {
		if reach[i] && u.instrs[i].op.HasJump() {
			target[u.instrs[i].arg] = true
		}
	}
	kept := make([]instr, 0, n)
	// the position of a NOP just dropped: an instruction without a line
	// of its own after it takes it, as in CPython
	nopPos := artificial
	for i := 0; i < n; i++ {
		newIndex[i] = len(kept)
		if !reach[i] {
			continue
		}
		in := u.instrs[i]
		if in.op == NOP {
			if keepNop(u, i, kept, target, reach) {
				nopPos = artificial
				kept = append(kept, in)
				continue
			}
			nopPos = in.pos
			continue
		}
		if in.pos.Line < 0 {
			in.pos = nopPos
		}
		nopPos = artificial
		kept = append(kept, in)
	}
	newIndex[n] = len(kept)
	for i := range kept {
		if kept[i].op.HasJump() {
			kept[i].arg = newIndex[kept[i].arg]
		}
	}
	kept = removeJumpsToNext(kept)

	code := &Code{
		Name:            u.name,
		QualName:        u.qualname,
		Filename:        c.filename,
		FirstLine:       u.firstLine,
		ArgCount:        u.argCount + u.posOnlyArgCount,
		PosOnlyArgCount: u.posOnlyArgCount,
		KwOnlyArgCount:  u.kwOnlyArgCount,
		Flags:           c.codeFlags(u),
		Varnames:        u.varnames,
		Cellvars:        u.cellvars,
		Freevars:        u.freevars,
		Names:           u.names,
		Consts:          u.consts,
		Instrs:          make([]Instr, len(kept)),
		Positions:       make([]Position, len(kept)),
	}
	if code.Varnames == nil {
		code.Varnames = []string{}
	}
	code.Cell2Arg = make([]int, len(u.cellvars))
	for i, name := range u.cellvars {
		code.Cell2Arg[i] = -1
		nargs := code.ArgCount + code.KwOnlyArgCount
		if code.Flags&FlagVarargs != 0 {
			nargs++
		}
		if code.Flags&FlagVarkeywords != 0 {
			nargs++
		}
		for j := 0; j < nargs && j < len(u.varnames); j++ {
			if u.varnames[j] == name {
				code.Cell2Arg[i] = j
			}
		}
	}
	prev := Position{Line: int32(u.firstLine), EndLine: int32(u.firstLine), Col: -1, EndCol: -1}
	for i, in := range kept {
		if in.arg < 0 || in.arg > MaxArg {
			c.errorf(posOf(in.pos), "too many constants, names or instructions in one code object")
		}
		code.Instrs[i] = MakeInstr(in.op, in.arg)
		p := in.pos
		if p.Line < 0 {
			p = prev
		}
		code.Positions[i] = p
		if !in.aside {
			prev = p
		}
	}
	code.TraceLines = traceLines(kept, code.Positions)
	c.computeDepths(code)
	return code
}

// keepNop says whether the reachable NOP at u.instrs[i] stays: it has a
// line, the instruction falling into it has another, and the next
// instruction has another line of its own.
func keepNop(u *unit, i int, kept []instr, target, reach []bool) bool {
	line := u.instrs[i].pos.Line
	if line <= 0 {
		return false
	}
	if k := len(kept); k > 0 && !target[i] && fallsThrough(kept[k-1].op) && kept[k-1].pos.Line == line {
		return false
	}
	for j := i + 1; j < len(u.instrs); j++ {
		if reach[j] {
			next := u.instrs[j].pos.Line
			return next >= 0 && next != line
		}
	}
	return false
}

// traceLines computes Code.TraceLines for the final instructions.
func traceLines(code []instr, pos []Position) []int32 {
	// from[i] is the jump to i when one jump leads there (handler entries
	// do not count: an exception leads there), preds[i] how many
	// instructions lead to i
	preds := make([]uint8, len(code))
	from := make([]int32, len(code))
	for i, in := range code {
		if in.op.HasJump() && !isSetup(in.op) {
			from[in.arg] = int32(i)
			preds[in.arg] = min(preds[in.arg]+1, 2)
		}
		if i+1 < len(code) && fallsThrough(in.op) {
			preds[i+1] = min(preds[i+1]+1, 2)
		}
	}
	lines := make([]int32, len(code))
	for i, in := range code {
		switch {
		case in.pos.Line >= 0:
			lines[i] = pos[i].Line
		case preds[i] == 1 && i > 0 && fallsThrough(code[i-1].op):
			lines[i] = lines[i-1]
		case preds[i] == 1 && int(from[i]) < i:
			lines[i] = lines[from[i]]
		default:
			lines[i] = -1
		}
	}
	return lines
}

// removeJumpsToNext drops unconditional jumps to the very next instruction
// (left behind by dead-code removal), fixing the other jumps' targets.
func removeJumpsToNext(code []instr) []instr {
	for {
		drop := -1
		for i, in := range code {
			if in.op == JUMP && in.arg == i+1 {
				drop = i
				break
			}
		}
		if drop < 0 {
			return code
		}
		code = append(code[:drop], code[drop+1:]...)
		for i := range code {
			if code[i].op.HasJump() && code[i].arg > drop {
				code[i].arg--
			}
		}
	}
}

func posOf(p Position) syntax.Position {
	return syntax.Position{Lineno: int(p.Line), EndLineno: int(p.EndLine), ColOffset: int(p.Col), EndColOffset: int(p.EndCol)}
}

// computeDepths walks every path through the code, simulating the value
// stack and block stack depths, and sets StackSize and BlockSize. Paths
// that meet must agree on both depths; a disagreement is a compiler bug.
func (c *compiler) computeDepths(code *Code) {
	depth, bdepth, err := Depths(code)
	if err != "" {
		c.internalError("%s: %s", code.Name, err)
	}
	maxDepth, maxBlock := 0, 0
	for i := range depth {
		maxDepth = max(maxDepth, depth[i])
		maxBlock = max(maxBlock, bdepth[i])
	}
	code.StackSize = maxDepth
	code.BlockSize = maxBlock
}

// Depths walks every path through the code and returns the value-stack
// and block-stack depth before each instruction (-1 where no path
// reaches it). Paths that meet must agree on both; err says where they
// do not (a compiler bug) or where a path underflows or runs off the end.
func Depths(code *Code) (depth, bdepth []int, err string) {
	n := len(code.Instrs)
	depth = make([]int, n)
	bdepth = make([]int, n)
	for i := range depth {
		depth[i] = -1
	}
	type state struct{ i, d, b int }
	var work []state
	visit := func(i, d, b int) {
		switch {
		case err != "":
		case i >= n:
			err = fmt.Sprintf("jump or fall-through past the end (instruction %d)", i)
		case d < 0:
			err = fmt.Sprintf("stack underflow at instruction %d", i)
		case depth[i] >= 0:
			if depth[i] != d || bdepth[i] != b {
				err = fmt.Sprintf("inconsistent stack depth at instruction %d (%d/%d vs %d/%d)", i, depth[i], bdepth[i], d, b)
			}
		default:
			depth[i], bdepth[i] = d, b
			work = append(work, state{i, d, b})
		}
	}
	if n > 0 {
		visit(0, 0, 0)
	}
	for len(work) > 0 && err == "" {
		s := work[len(work)-1]
		work = work[:len(work)-1]
		in := code.Instrs[s.i]
		op, arg := in.Op(), in.Arg()
		if op.HasJump() {
			e, _ := StackEffect(op, arg, true)
			visit(arg, s.d+e, s.b)
		}
		if fallsThrough(op) {
			e, ok := StackEffect(op, arg, false)
			if !ok {
				err = fmt.Sprintf("unknown opcode %d", op)
				break
			}
			b := s.b + blockEffect(op)
			if b < 0 {
				err = fmt.Sprintf("block stack underflow at instruction %d", s.i)
				break
			}
			visit(s.i+1, s.d+e, b)
		}
	}
	return depth, bdepth, err
}

func (c *compiler) internalError(format string, args ...any) {
	panic(compileError{fmt.Errorf("compiler bug: "+format, args...)})
}

func (c *compiler) codeFlags(u *unit) int {
	flags := 0
	ste := u.ste
	if ste.typ == functionBlock {
		flags |= FlagNewLocals | FlagOptimized
		if ste.nested {
			flags |= FlagNested
		}
		switch {
		case ste.generator && ste.coroutine:
			flags |= FlagAsyncGenerator
		case ste.generator:
			flags |= FlagGenerator
		case ste.coroutine:
			flags |= FlagCoroutine
		}
		if ste.varargs {
			flags |= FlagVarargs
		}
		if ste.varkeywords {
			flags |= FlagVarkeywords
		}
	}
	if c.flags.TopLevelAwait && ste.typ == moduleBlock && ste.coroutine && !ste.generator {
		flags |= FlagCoroutine
	}
	flags |= c.future & FutureMask
	return flags
}

// sortedNames returns the names of s with the given scope (or flag), sorted,
// as CPython's dictbytype orders cellvars and freevars.
func sortedNames(s *scope, scopeWanted int, flagWanted int) []string {
	var out []string
	for name, sym := range s.symbols {
		if sym.scope == scopeWanted || (flagWanted != 0 && sym.flags&flagWanted != 0) {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}
