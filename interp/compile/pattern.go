package compile

import (
	"math"
	"math/big"
	"strconv"

	"freepy/interp/syntax"
)

// Structural pattern matching, following CPython 3.11.7's
// compiler_pattern_* functions.
//
// A pattern is compiled with its subject on top of the stack. It consumes
// the subject; on success the captured values are left on the stack, below
// the onTop items that must stay on top, newest capture deepest; on failure
// it jumps to failPop[n], which pops the n items left behind.

type patternContext struct {
	stores           []string
	allowIrrefutable bool
	failPop          []label
	onTop            int
}

func isWildcard(p syntax.Pattern) bool {
	a, ok := p.(*syntax.MatchAs)
	return ok && a.Pattern == nil && a.Name == ""
}

func isStarWildcard(p syntax.Pattern) bool {
	s, ok := p.(*syntax.MatchStar)
	return ok && s.Name == ""
}

func (c *compiler) match(s *syntax.Match) {
	u := c.u
	c.expr(s.Subject)
	end := u.newLabel()
	cases := len(s.Cases)
	last := s.Cases[cases-1]
	hasDefault := 0
	if isWildcard(last.Pattern) && cases > 1 {
		hasDefault = 1
	}
	for i := 0; i < cases-hasDefault; i++ {
		m := s.Cases[i]
		c.setLoc(m.Pattern)
		// Copy the subject unless this is the last case to try.
		if i != cases-hasDefault-1 {
			u.emit(COPY, 1)
		}
		pc := &patternContext{allowIrrefutable: m.Guard != nil || i == cases-1}
		c.pattern(m.Pattern, pc)
		// A match: store the captured names (they are on the stack).
		for _, name := range pc.stores {
			c.nameop(name, syntax.Store)
		}
		if m.Guard != nil {
			c.ensureFailPop(pc, 0)
			c.jumpIf(m.Guard, pc.failPop[0], false)
		}
		if i != cases-hasDefault-1 {
			u.emit(POP_TOP, 0) // the subject
		}
		c.stmts(m.Body)
		u.emitJump(JUMP, end)
		// The failure cleanup belongs to the pattern's line.
		c.setLoc(m.Pattern)
		c.emitAndResetFailPop(pc)
	}
	if hasDefault == 1 {
		m := last
		c.setLoc(m.Pattern)
		if cases == 1 {
			u.emit(POP_TOP, 0)
		} else {
			u.emit(NOP, 0)
		}
		if m.Guard != nil {
			c.jumpIf(m.Guard, end, false)
		}
		c.stmts(m.Body)
	}
	u.place(end)
}

// ensureFailPop makes failPop[n] exist.
func (c *compiler) ensureFailPop(pc *patternContext, n int) {
	for len(pc.failPop) < n+1 {
		pc.failPop = append(pc.failPop, c.u.newLabel())
	}
}

// jumpToFailPop jumps (with op) to the failure label that pops everything
// this pattern has left on the stack.
func (c *compiler) jumpToFailPop(pc *patternContext, op Opcode) {
	pops := pc.onTop + len(pc.stores)
	c.ensureFailPop(pc, pops)
	c.u.emitJump(op, pc.failPop[pops])
}

// emitAndResetFailPop places the failure labels: failPop[i] pops i items
// and falls through to failPop[i-1].
func (c *compiler) emitAndResetFailPop(pc *patternContext) {
	u := c.u
	if len(pc.failPop) == 0 {
		return
	}
	for i := len(pc.failPop) - 1; i > 0; i-- {
		u.place(pc.failPop[i])
		u.emit(POP_TOP, 0)
	}
	u.place(pc.failPop[0])
	pc.failPop = nil
}

// rotate moves TOS down to the count-th position (3.10's ROT_N).
func (c *compiler) rotate(count int) {
	for ; count > 1; count-- {
		c.u.emit(SWAP, count)
	}
}

func (c *compiler) patternStoreName(name string, pc *patternContext) {
	if name == "" {
		c.u.emit(POP_TOP, 0)
		return
	}
	c.forbiddenName(name, syntax.Store)
	for _, s := range pc.stores {
		if s == name {
			c.errorf(c.locPos(), "multiple assignments to name %s in pattern", pyRepr(name))
		}
	}
	// Put the value under the items that must stay on top.
	c.rotate(pc.onTop + len(pc.stores) + 1)
	pc.stores = append(pc.stores, name)
}

func (c *compiler) pattern(p syntax.Pattern, pc *patternContext) {
	c.setLoc(p)
	switch p := p.(type) {
	case *syntax.MatchValue:
		c.patternValue(p, pc)
	case *syntax.MatchSingleton:
		c.loadConst(fromSyntaxConst(p.Value))
		c.u.emit(IS_OP, 0)
		c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	case *syntax.MatchSequence:
		c.patternSequence(p, pc)
	case *syntax.MatchMapping:
		c.patternMapping(p, pc)
	case *syntax.MatchClass:
		c.patternClass(p, pc)
	case *syntax.MatchStar:
		c.patternStoreName(p.Name, pc)
	case *syntax.MatchAs:
		c.patternAs(p, pc)
	case *syntax.MatchOr:
		c.patternOr(p, pc)
	default:
		c.internalError("unknown pattern %T", p)
	}
}

// subpattern compiles p with irrefutability allowed.
func (c *compiler) subpattern(p syntax.Pattern, pc *patternContext) {
	saved := pc.allowIrrefutable
	pc.allowIrrefutable = true
	c.pattern(p, pc)
	pc.allowIrrefutable = saved
}

func (c *compiler) patternValue(p *syntax.MatchValue, pc *patternContext) {
	switch v := p.Value.(type) {
	case *syntax.Attribute:
		c.expr(v)
	default:
		k, ok := c.constOf(v)
		if !ok {
			c.errorf(c.locPos(), "patterns may only match literals and attribute lookups")
		}
		c.setLocAndLoad(v, k)
	}
	c.u.emit(COMPARE_OP, int(CmpEQ))
	c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
}

func (c *compiler) patternAs(p *syntax.MatchAs, pc *patternContext) {
	if p.Pattern == nil {
		// An irrefutable match.
		if !pc.allowIrrefutable {
			if p.Name != "" {
				c.errorf(c.locPos(), "name capture %s makes remaining patterns unreachable", pyRepr(p.Name))
			}
			c.errorf(c.locPos(), "wildcard makes remaining patterns unreachable")
		}
		c.patternStoreName(p.Name, pc)
		return
	}
	// Keep a copy to store on success.
	pc.onTop++
	c.u.emit(COPY, 1)
	c.pattern(p.Pattern, pc)
	pc.onTop--
	c.patternStoreName(p.Name, pc)
}

func (c *compiler) patternSequence(p *syntax.MatchSequence, pc *patternContext) {
	u := c.u
	size := len(p.Patterns)
	star := -1
	onlyWildcard := true
	starWildcard := false
	for i, q := range p.Patterns {
		if _, ok := q.(*syntax.MatchStar); ok {
			if star >= 0 {
				c.errorf(c.locPos(), "multiple starred names in sequence pattern")
			}
			starWildcard = isStarWildcard(q)
			onlyWildcard = onlyWildcard && starWildcard
			star = i
			continue
		}
		onlyWildcard = onlyWildcard && isWildcard(q)
	}
	// Keep the subject on top during the type and length checks.
	pc.onTop++
	u.emit(MATCH_SEQUENCE, 0)
	c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	if star < 0 {
		u.emit(GET_LEN, 0)
		c.loadConst(int64(size))
		u.emit(COMPARE_OP, int(CmpEQ))
		c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	} else if size > 1 {
		u.emit(GET_LEN, 0)
		c.loadConst(int64(size - 1))
		u.emit(COMPARE_OP, int(CmpGE))
		c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	}
	pc.onTop--
	switch {
	case onlyWildcard:
		u.emit(POP_TOP, 0)
	case starWildcard:
		c.sequenceSubscr(p.Patterns, star, pc)
	default:
		c.sequenceUnpack(p.Patterns, pc)
	}
}

func (c *compiler) sequenceUnpack(patterns []syntax.Pattern, pc *patternContext) {
	u := c.u
	n := len(patterns)
	seenStar := false
	for i, q := range patterns {
		if _, ok := q.(*syntax.MatchStar); ok {
			if seenStar {
				c.errorf(c.locPos(), "multiple starred expressions in sequence pattern")
			}
			if i >= 1<<8 || n-i-1 >= 1<<16 {
				c.errorf(c.locPos(), "too many expressions in star-unpacking sequence pattern")
			}
			u.emit(UNPACK_EX, i+(n-i-1)<<8)
			seenStar = true
		}
	}
	if !seenStar {
		u.emit(UNPACK_SEQUENCE, n)
	}
	// The new subjects stay on the stack while each is matched.
	pc.onTop += n
	for _, q := range patterns {
		pc.onTop--
		c.subpattern(q, pc)
	}
}

// sequenceSubscr matches [a, *_, b]-style patterns by indexing instead of
// unpacking.
func (c *compiler) sequenceSubscr(patterns []syntax.Pattern, star int, pc *patternContext) {
	u := c.u
	pc.onTop++
	size := len(patterns)
	for i, q := range patterns {
		if isWildcard(q) || i == star {
			continue
		}
		u.emit(COPY, 1)
		if i < star {
			c.loadConst(int64(i))
		} else {
			// The subject may not support negative indexes.
			u.emit(GET_LEN, 0)
			c.loadConst(int64(size - i))
			u.emit(BINARY_OP, int(OpSubtract))
		}
		u.emit(BINARY_SUBSCR, 0)
		c.subpattern(q, pc)
	}
	pc.onTop--
	u.emit(POP_TOP, 0)
}

func (c *compiler) patternMapping(p *syntax.MatchMapping, pc *patternContext) {
	u := c.u
	size := len(p.Keys)
	if size != len(p.Patterns) {
		c.errorf(c.locPos(), "keys (%d) / patterns (%d) length mismatch in mapping pattern", size, len(p.Patterns))
	}
	pc.onTop++
	u.emit(MATCH_MAPPING, 0)
	c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	if size == 0 && p.Rest == "" {
		// {}: done, pop the subject.
		pc.onTop--
		u.emit(POP_TOP, 0)
		return
	}
	if size > 0 {
		u.emit(GET_LEN, 0)
		c.loadConst(int64(size))
		u.emit(COMPARE_OP, int(CmpGE))
		c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	}
	seen := map[string]bool{}
	var keys Tuple
	allConst := true
	for i, key := range p.Keys {
		if key == nil {
			c.setLoc(p.Patterns[i])
			c.errorf(c.locPos(), "can't use NULL keys in MatchMapping (set 'rest' parameter instead)")
		}
		if _, isAttr := key.(*syntax.Attribute); isAttr {
			allConst = false
			continue
		}
		k, ok := c.constOf(key)
		if !ok {
			c.errorf(c.locPos(), "mapping pattern keys may only match literals and attribute lookups")
		}
		hk := hashKey(k)
		if seen[hk] {
			c.errorf(c.locPos(), "mapping pattern checks duplicate key (%s)", constRepr(k))
		}
		seen[hk] = true
		keys = append(keys, k)
	}
	if allConst {
		c.loadConst(keys)
	} else {
		for _, key := range p.Keys {
			if k, ok := c.constOf(key); ok {
				c.setLocAndLoad(key, k)
			} else {
				c.expr(key)
			}
		}
		u.emit(BUILD_TUPLE, size)
	}
	u.emit(MATCH_KEYS, 0)
	// A tuple of keys and a tuple of values (or None) above the subject.
	pc.onTop += 2
	u.emit(COPY, 1)
	c.loadConst(nil)
	u.emit(IS_OP, 1)
	c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	u.emit(UNPACK_SEQUENCE, size)
	pc.onTop += size - 1
	for _, q := range p.Patterns {
		pc.onTop--
		c.subpattern(q, pc)
	}
	// What follows consumes the keys and the subject.
	pc.onTop -= 2
	if p.Rest != "" {
		// rest = dict(subject); del rest[k] for each key
		u.emit(BUILD_MAP, 0)          // [subject, keys, {}]
		u.emit(SWAP, 3)               // [{}, keys, subject]
		u.emit(DICT_UPDATE, 2)        // [copy, keys]
		u.emit(UNPACK_SEQUENCE, size) // [copy, keys...]
		for n := size; n > 0; n-- {
			u.emit(COPY, 1+n) // [copy, keys..., copy]
			u.emit(SWAP, 2)   // [copy, keys..., copy, key]
			u.emit(DELETE_SUBSCR, 0)
		}
		c.patternStoreName(p.Rest, pc)
	} else {
		u.emit(POP_TOP, 0) // keys
		u.emit(POP_TOP, 0) // subject
	}
}

func (c *compiler) patternClass(p *syntax.MatchClass, pc *patternContext) {
	u := c.u
	nargs := len(p.Patterns)
	nattrs := len(p.KwdAttrs)
	if nattrs != len(p.KwdPatterns) {
		c.errorf(c.locPos(), "kwd_attrs (%d) / kwd_patterns (%d) length mismatch in class pattern", nattrs, len(p.KwdPatterns))
	}
	if nattrs > 0 {
		for i, attr := range p.KwdAttrs {
			c.setLoc(p.KwdPatterns[i])
			c.forbiddenName(attr, syntax.Store)
			for j := i + 1; j < nattrs; j++ {
				if p.KwdAttrs[j] == attr {
					c.setLoc(p.KwdPatterns[j])
					c.errorf(c.locPos(), "attribute name repeated in class pattern: %s", attr)
				}
			}
		}
		c.setLoc(p)
	}
	c.expr(p.Cls)
	names := make(Tuple, nattrs)
	for i, a := range p.KwdAttrs {
		names[i] = a
	}
	c.loadConst(names)
	u.emit(MATCH_CLASS, nargs)
	u.emit(COPY, 1)
	c.loadConst(nil)
	u.emit(IS_OP, 1)
	// A tuple of nargs + nattrs attributes (or None) is on top.
	pc.onTop++
	c.jumpToFailPop(pc, POP_JUMP_IF_FALSE)
	u.emit(UNPACK_SEQUENCE, nargs+nattrs)
	pc.onTop += nargs + nattrs - 1
	for i := 0; i < nargs+nattrs; i++ {
		pc.onTop--
		var q syntax.Pattern
		if i < nargs {
			q = p.Patterns[i]
		} else {
			q = p.KwdPatterns[i-nargs]
		}
		if isWildcard(q) {
			u.emit(POP_TOP, 0)
			continue
		}
		c.subpattern(q, pc)
	}
}

func (c *compiler) patternOr(p *syntax.MatchOr, pc *patternContext) {
	u := c.u
	end := u.newLabel()
	old := *pc
	var control []string
	for i, alt := range p.Patterns {
		c.setLoc(alt)
		pc.stores = nil
		// An irrefutable alternative must be last, if allowed at all.
		pc.allowIrrefutable = i == len(p.Patterns)-1 && old.allowIrrefutable
		pc.failPop = nil
		pc.onTop = 0
		u.emit(COPY, 1)
		c.pattern(alt, pc)
		nstores := len(pc.stores)
		if i == 0 {
			control = pc.stores
		} else if nstores != len(control) {
			c.errorf(c.locPos(), "alternative patterns bind different names")
		} else if nstores > 0 {
			// Reorder the captures on the stack to match control.
			for icontrol := nstores - 1; icontrol >= 0; icontrol-- {
				name := control[icontrol]
				istores := indexOf(pc.stores, name)
				if istores < 0 {
					c.errorf(c.locPos(), "alternative patterns bind different names")
				}
				if icontrol != istores {
					rotations := istores + 1
					rotated := append([]string(nil), pc.stores[:rotations]...)
					rest := append([]string(nil), pc.stores[rotations:]...)
					at := icontrol - istores
					var ns []string
					ns = append(ns, rest[:at]...)
					ns = append(ns, rotated...)
					ns = append(ns, rest[at:]...)
					pc.stores = ns
					for ; rotations > 0; rotations-- {
						c.rotate(icontrol + 1)
					}
				}
			}
		}
		u.emitJump(JUMP, end)
		c.emitAndResetFailPop(pc)
	}
	*pc = old
	// No alternative matched: pop the subject and fail.
	u.emit(POP_TOP, 0)
	c.jumpToFailPop(pc, JUMP)
	u.place(end)
	nstores := len(control)
	// Move each capture under the other captures, the subject copy, the
	// items on top and the earlier captures.
	nrots := nstores + 1 + pc.onTop + len(pc.stores)
	for i := 0; i < nstores; i++ {
		c.rotate(nrots)
		name := control[i]
		if indexOf(pc.stores, name) >= 0 {
			c.errorf(c.locPos(), "multiple assignments to name %s in pattern", pyRepr(name))
		}
		pc.stores = append(pc.stores, name)
	}
	u.emit(POP_TOP, 0) // the subject
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// hashKey identifies a constant as a Python dict key would: equal numbers
// of different types (1, 1.0, True) collide.
func hashKey(k Const) string {
	switch v := k.(type) {
	case bool:
		if v {
			return "n1"
		}
		return "n0"
	case int64:
		return "n" + strconv.FormatInt(v, 10)
	case *big.Int:
		return "n" + v.String()
	case float64:
		if v == math.Trunc(v) && !math.IsInf(v, 0) {
			bf := new(big.Float).SetFloat64(v)
			bi, _ := bf.Int(nil)
			return "n" + bi.String()
		}
		return "f" + strconv.FormatUint(math.Float64bits(v), 16)
	case complex128:
		if imag(v) == 0 {
			return hashKey(real(v))
		}
	}
	key, _ := constKey(k, nil)
	return key
}
