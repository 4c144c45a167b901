package sre

// run executes the program from pc with the subject position at ptr until
// a SUCCESS (then m.MatchEnd is the end position) or a failure. Every
// choice point calls match recursively for "this alternative and the rest
// of the pattern", as CPython's SRE(match) does with its context stack;
// marks, lastmark and lastindex are saved and restored at the same places
// as CPython's, so captures after backtracking agree with it.
func (m *State) run(pc, ptr int, toplevel bool) (bool, error) {
	code, s, end := m.code, m.str, m.End

	if code[pc] == opINFO {
		// <INFO> <skip> <flags> <min> ...
		if min := int(code[pc+3]); min != 0 && end-ptr < min {
			return false, nil
		}
		pc += int(code[pc+1]) + 1
	}
	for {
		op := code[pc]
		pc++
		switch op {
		case opMARK:
			i := int(code[pc])
			if i >= len(m.marks) {
				m.marks = append(m.marks, make([]int, i+1-len(m.marks))...)
			}
			if i&1 != 0 {
				m.LastIndex = i/2 + 1
			}
			if i > m.lastmark {
				for j := m.lastmark + 1; j < i; j++ {
					m.marks[j] = -1
				}
				m.lastmark = i
			}
			m.marks[i] = ptr
			pc++

		case opLITERAL:
			if ptr >= end || uint32(s[ptr]) != code[pc] {
				return false, nil
			}
			pc++
			ptr++
		case opNOT_LITERAL:
			if ptr >= end || uint32(s[ptr]) == code[pc] {
				return false, nil
			}
			pc++
			ptr++
		case opLITERAL_IGNORE:
			if ptr >= end || uint32(AsciiToLower(s[ptr])) != code[pc] {
				return false, nil
			}
			pc++
			ptr++
		case opNOT_LITERAL_IGNORE:
			if ptr >= end || uint32(AsciiToLower(s[ptr])) == code[pc] {
				return false, nil
			}
			pc++
			ptr++
		case opLITERAL_UNI_IGNORE:
			if ptr >= end || uint32(UnicodeToLower(s[ptr])) != code[pc] {
				return false, nil
			}
			pc++
			ptr++
		case opNOT_LITERAL_UNI_IGNORE:
			if ptr >= end || uint32(UnicodeToLower(s[ptr])) == code[pc] {
				return false, nil
			}
			pc++
			ptr++
		case opLITERAL_LOC_IGNORE:
			if ptr >= end || !charLocIgnore(code[pc], s[ptr]) {
				return false, nil
			}
			pc++
			ptr++
		case opNOT_LITERAL_LOC_IGNORE:
			if ptr >= end || charLocIgnore(code[pc], s[ptr]) {
				return false, nil
			}
			pc++
			ptr++

		case opSUCCESS:
			if toplevel && ((m.matchAll && ptr != end) || (m.MustAdvance && ptr == m.Start)) {
				return false, nil
			}
			m.MatchEnd = ptr
			return true, nil

		case opAT:
			if !m.at(ptr, code[pc]) {
				return false, nil
			}
			pc++
		case opCATEGORY:
			if ptr >= end || !category(code[pc], s[ptr]) {
				return false, nil
			}
			pc++
			ptr++
		case opANY:
			if ptr >= end || s[ptr] == '\n' {
				return false, nil
			}
			ptr++
		case opANY_ALL:
			if ptr >= end {
				return false, nil
			}
			ptr++

		case opIN:
			if ptr >= end || !m.charset(pc+1, s[ptr]) {
				return false, nil
			}
			pc += int(code[pc])
			ptr++
		case opIN_IGNORE:
			if ptr >= end || !m.charset(pc+1, AsciiToLower(s[ptr])) {
				return false, nil
			}
			pc += int(code[pc])
			ptr++
		case opIN_UNI_IGNORE:
			if ptr >= end || !m.charset(pc+1, UnicodeToLower(s[ptr])) {
				return false, nil
			}
			pc += int(code[pc])
			ptr++
		case opIN_LOC_IGNORE:
			if ptr >= end || !m.charsetLocIgnore(pc+1, s[ptr]) {
				return false, nil
			}
			pc += int(code[pc])
			ptr++

		case opJUMP, opINFO:
			pc += int(code[pc])

		case opBRANCH:
			// <BRANCH> <skip> alternative <JUMP> ... <0>
			lastmark, lastindex := m.lastmark, m.LastIndex
			var saved []int
			if m.rep != nil {
				saved = m.saveMarks(lastmark)
			}
			for ; code[pc] != 0; pc += int(code[pc]) {
				if code[pc+1] == opLITERAL && (ptr >= end || uint32(s[ptr]) != code[pc+2]) {
					continue
				}
				if code[pc+1] == opIN && (ptr >= end || !m.charset(pc+3, s[ptr])) {
					continue
				}
				ok, err := m.match(pc+1, ptr, toplevel)
				if err != nil || ok {
					return ok, err
				}
				if m.rep != nil {
					m.restoreMarks(saved)
				}
				m.lastmark, m.LastIndex = lastmark, lastindex
			}
			return false, nil

		case opREPEAT_ONE:
			// <REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail
			min, max := int(code[pc+1]), code[pc+2]
			if min > end-ptr {
				return false, nil
			}
			count, err := m.count(pc+3, ptr, max)
			if err != nil {
				return false, err
			}
			ptr += count
			if count < min {
				return false, nil
			}
			next := pc + int(code[pc])
			if code[next] == opSUCCESS && ptr == end && !(toplevel && m.MustAdvance && ptr == m.Start) {
				m.MatchEnd = ptr
				return true, nil
			}
			lastmark, lastindex := m.lastmark, m.LastIndex
			var saved []int
			if m.rep != nil {
				saved = m.saveMarks(lastmark)
			}
			literal := code[next] == opLITERAL
			for count >= min {
				if literal {
					// The tail starts with a literal: skip the
					// positions where it cannot match.
					chr := code[next+1]
					for count >= min && (ptr >= end || uint32(s[ptr]) != chr) {
						ptr--
						count--
					}
					if count < min {
						break
					}
				}
				ok, err := m.match(next, ptr, toplevel)
				if err != nil || ok {
					return ok, err
				}
				if m.rep != nil {
					m.restoreMarks(saved)
				}
				m.lastmark, m.LastIndex = lastmark, lastindex
				ptr--
				count--
			}
			return false, nil

		case opMIN_REPEAT_ONE:
			// <MIN_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail
			min, max := int(code[pc+1]), code[pc+2]
			if min > end-ptr {
				return false, nil
			}
			count := 0
			if min != 0 {
				n, err := m.count(pc+3, ptr, uint32(min))
				if err != nil {
					return false, err
				}
				if n < min {
					return false, nil
				}
				count = n
				ptr += n
			}
			next := pc + int(code[pc])
			if code[next] == opSUCCESS && !(toplevel && ((m.matchAll && ptr != end) || (m.MustAdvance && ptr == m.Start))) {
				m.MatchEnd = ptr
				return true, nil
			}
			lastmark, lastindex := m.lastmark, m.LastIndex
			var saved []int
			if m.rep != nil {
				saved = m.saveMarks(lastmark)
			}
			for max == MaxRepeat || count <= int(max) {
				ok, err := m.match(next, ptr, toplevel)
				if err != nil || ok {
					return ok, err
				}
				if m.rep != nil {
					m.restoreMarks(saved)
				}
				m.lastmark, m.LastIndex = lastmark, lastindex
				n, err := m.count(pc+3, ptr, 1)
				if err != nil {
					return false, err
				}
				if n == 0 {
					break
				}
				ptr++
				count++
			}
			return false, nil

		case opPOSSESSIVE_REPEAT_ONE:
			// <POSSESSIVE_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail
			min, max := int(code[pc+1]), code[pc+2]
			if ptr+min > end {
				return false, nil
			}
			count, err := m.count(pc+3, ptr, max)
			if err != nil {
				return false, err
			}
			ptr += count
			if count < min {
				return false, nil
			}
			pc += int(code[pc])
			if code[pc] == opSUCCESS && ptr == end && !(toplevel && m.MustAdvance && ptr == m.Start) {
				m.MatchEnd = ptr
				return true, nil
			}

		case opREPEAT:
			// <REPEAT> <skip> <min> <max> body <MAX_UNTIL|MIN_UNTIL> tail
			rep := &repeat{count: -1, pc: pc, prev: m.rep, lastPtr: -1}
			m.rep = rep
			ok, err := m.match(pc+int(code[pc]), ptr, toplevel)
			m.rep = rep.prev
			return ok, err

		case opMAX_UNTIL:
			rep := m.rep
			if rep == nil {
				return false, ErrInternal
			}
			count := rep.count + 1
			min, max := int(code[rep.pc+1]), code[rep.pc+2]
			body := rep.pc + 3
			if count < min {
				// Not enough iterations yet.
				rep.count = count
				ok, err := m.match(body, ptr, toplevel)
				if err != nil || ok {
					return ok, err
				}
				rep.count = count - 1
				return false, nil
			}
			if (max == MaxRepeat || count < int(max)) && ptr != rep.lastPtr {
				// Try one more iteration first; lastPtr stops an
				// iteration that matched the empty string from looping.
				rep.count = count
				lastmark, lastindex := m.lastmark, m.LastIndex
				saved := m.saveMarks(lastmark)
				prevLast := rep.lastPtr
				rep.lastPtr = ptr
				ok, err := m.match(body, ptr, toplevel)
				rep.lastPtr = prevLast
				if err != nil || ok {
					return ok, err
				}
				m.restoreMarks(saved)
				m.lastmark, m.LastIndex = lastmark, lastindex
				rep.count = count - 1
			}
			// Then the tail, outside this loop.
			m.rep = rep.prev
			ok, err := m.match(pc, ptr, toplevel)
			m.rep = rep
			return ok, err

		case opMIN_UNTIL:
			rep := m.rep
			if rep == nil {
				return false, ErrInternal
			}
			count := rep.count + 1
			min, max := int(code[rep.pc+1]), code[rep.pc+2]
			body := rep.pc + 3
			if count < min {
				rep.count = count
				ok, err := m.match(body, ptr, toplevel)
				if err != nil || ok {
					return ok, err
				}
				rep.count = count - 1
				return false, nil
			}
			// Try the tail first.
			m.rep = rep.prev
			lastmark, lastindex := m.lastmark, m.LastIndex
			var saved []int
			if m.rep != nil {
				saved = m.saveMarks(lastmark)
			}
			ok, err := m.match(pc, ptr, toplevel)
			tailRep := m.rep
			m.rep = rep
			if err != nil || ok {
				return ok, err
			}
			if tailRep != nil {
				m.restoreMarks(saved)
			}
			m.lastmark, m.LastIndex = lastmark, lastindex
			if (max != MaxRepeat && count >= int(max)) || ptr == rep.lastPtr {
				return false, nil
			}
			rep.count = count
			prevLast := rep.lastPtr
			rep.lastPtr = ptr
			ok, err = m.match(body, ptr, toplevel)
			rep.lastPtr = prevLast
			if err != nil || ok {
				return ok, err
			}
			rep.count = count - 1
			return false, nil

		case opPOSSESSIVE_REPEAT:
			// <POSSESSIVE_REPEAT> <skip> <min> <max> body <SUCCESS> tail
			min, max := int(code[pc+1]), code[pc+2]
			body := pc + 3
			count := 0
			for count < min {
				ok, err := m.match(body, ptr, false)
				if err != nil {
					return false, err
				}
				if !ok {
					return false, nil
				}
				ptr = m.MatchEnd
				count++
			}
			prev := -1
			for (max == MaxRepeat || count < int(max)) && ptr != prev {
				lastmark, lastindex := m.lastmark, m.LastIndex
				saved := m.saveMarks(lastmark)
				prev = ptr
				ok, err := m.match(body, ptr, false)
				if err != nil {
					return false, err
				}
				if !ok {
					m.restoreMarks(saved)
					m.lastmark, m.LastIndex = lastmark, lastindex
					break
				}
				ptr = m.MatchEnd
				count++
			}
			pc += int(code[pc]) + 1

		case opATOMIC_GROUP:
			// <ATOMIC_GROUP> <skip> body <SUCCESS> tail
			ok, err := m.match(pc+1, ptr, false)
			if err != nil || !ok {
				return false, err
			}
			pc += int(code[pc])
			ptr = m.MatchEnd

		case opGROUPREF, opGROUPREF_IGNORE, opGROUPREF_UNI_IGNORE, opGROUPREF_LOC_IGNORE:
			g := int(code[pc]) * 2
			if g >= m.lastmark {
				return false, nil
			}
			p, e := m.marks[g], m.marks[g+1]
			if p < 0 || e < 0 || e < p {
				return false, nil
			}
			for ; p < e; p++ {
				if ptr >= end || !sameChar(op, s[ptr], s[p]) {
					return false, nil
				}
				ptr++
			}
			pc++

		case opGROUPREF_EXISTS:
			// <GROUPREF_EXISTS> <group> <skip> yes <JUMP> no
			g := int(code[pc]) * 2
			if g >= m.lastmark || m.marks[g] < 0 || m.marks[g+1] < 0 || m.marks[g+1] < m.marks[g] {
				pc += int(code[pc+1])
			} else {
				pc += 2
			}

		case opASSERT:
			// <ASSERT> <skip> <back> body <SUCCESS>
			back := int(code[pc+1])
			if ptr < back {
				return false, nil
			}
			ok, err := m.match(pc+2, ptr-back, false)
			if err != nil || !ok {
				return false, err
			}
			pc += int(code[pc])

		case opASSERT_NOT:
			back := int(code[pc+1])
			if ptr >= back {
				lastmark, lastindex := m.lastmark, m.LastIndex
				var saved []int
				if m.rep != nil {
					saved = m.saveMarks(lastmark)
				}
				ok, err := m.match(pc+2, ptr-back, false)
				if err != nil {
					return false, err
				}
				if ok {
					return false, nil
				}
				if m.rep != nil {
					m.restoreMarks(saved)
				}
				m.lastmark, m.LastIndex = lastmark, lastindex
			}
			pc += int(code[pc])

		case opFAILURE:
			return false, nil

		default:
			return false, ErrInternal
		}
	}
}

// sameChar compares a subject character with a backreferenced one.
func sameChar(op uint32, a, b rune) bool {
	switch op {
	case opGROUPREF_IGNORE:
		return AsciiToLower(a) == AsciiToLower(b)
	case opGROUPREF_UNI_IGNORE:
		return UnicodeToLower(a) == UnicodeToLower(b)
	case opGROUPREF_LOC_IGNORE:
		return locLower(a) == locLower(b)
	}
	return a == b
}

// count returns how many times (up to max) the single-character item at
// pc matches from ptr on (SRE(count)).
func (m *State) count(pc, ptr int, max uint32) (int, error) {
	code, s := m.code, m.str
	end := m.End
	if max != MaxRepeat && int(max) < end-ptr {
		end = ptr + int(max)
	}
	if end <= ptr {
		return 0, nil
	}
	start := ptr
	switch code[pc] {
	case opIN:
		for ptr < end && m.charset(pc+2, s[ptr]) {
			ptr++
		}
	case opANY:
		for ptr < end && s[ptr] != '\n' {
			ptr++
		}
	case opANY_ALL:
		ptr = end
	case opLITERAL:
		for c := code[pc+1]; ptr < end && uint32(s[ptr]) == c; {
			ptr++
		}
	case opLITERAL_IGNORE:
		for c := code[pc+1]; ptr < end && uint32(AsciiToLower(s[ptr])) == c; {
			ptr++
		}
	case opLITERAL_UNI_IGNORE:
		for c := code[pc+1]; ptr < end && uint32(UnicodeToLower(s[ptr])) == c; {
			ptr++
		}
	case opLITERAL_LOC_IGNORE:
		for c := code[pc+1]; ptr < end && charLocIgnore(c, s[ptr]); {
			ptr++
		}
	case opNOT_LITERAL:
		for c := code[pc+1]; ptr < end && uint32(s[ptr]) != c; {
			ptr++
		}
	case opNOT_LITERAL_IGNORE:
		for c := code[pc+1]; ptr < end && uint32(AsciiToLower(s[ptr])) != c; {
			ptr++
		}
	case opNOT_LITERAL_UNI_IGNORE:
		for c := code[pc+1]; ptr < end && uint32(UnicodeToLower(s[ptr])) != c; {
			ptr++
		}
	case opNOT_LITERAL_LOC_IGNORE:
		for c := code[pc+1]; ptr < end && !charLocIgnore(c, s[ptr]); {
			ptr++
		}
	default:
		// Any other one-character item: run it once per position.
		for ptr < end {
			ok, err := m.match(pc, ptr, false)
			if err != nil {
				return 0, err
			}
			if !ok {
				break
			}
			ptr = m.MatchEnd
		}
	}
	return ptr - start, nil
}

// at checks a zero-width assertion at ptr (SRE(at)).
func (m *State) at(ptr int, at uint32) bool {
	s, end := m.str, m.End
	switch at {
	case atBEGINNING, atBEGINNING_STRING:
		return ptr == 0
	case atBEGINNING_LINE:
		return ptr == 0 || s[ptr-1] == '\n'
	case atEND:
		return (end-ptr == 1 && s[ptr] == '\n') || ptr == end
	case atEND_LINE:
		return ptr == end || s[ptr] == '\n'
	case atEND_STRING:
		return ptr == end
	case atBOUNDARY, atNON_BOUNDARY, atLOC_BOUNDARY, atLOC_NON_BOUNDARY,
		atUNI_BOUNDARY, atUNI_NON_BOUNDARY:
		if end == 0 {
			return false
		}
		isWord := isASCIIWord
		switch at {
		case atLOC_BOUNDARY, atLOC_NON_BOUNDARY:
			isWord = isLocWord
		case atUNI_BOUNDARY, atUNI_NON_BOUNDARY:
			isWord = isUniWord
		}
		before := ptr > 0 && isWord(s[ptr-1])
		here := ptr < end && isWord(s[ptr])
		if at == atBOUNDARY || at == atLOC_BOUNDARY || at == atUNI_BOUNDARY {
			return before != here
		}
		return before == here
	}
	return false
}

// charset reports whether c belongs to the set that starts at pc
// (SRE(charset)).
func (m *State) charset(pc int, c rune) bool {
	code := m.code
	ch := uint32(c)
	ok := true
	for {
		op := code[pc]
		pc++
		switch op {
		case opFAILURE:
			return !ok
		case opLITERAL:
			if ch == code[pc] {
				return ok
			}
			pc++
		case opCATEGORY:
			if category(code[pc], c) {
				return ok
			}
			pc++
		case opCHARSET:
			// 256-bit bitmap in 8 words.
			if ch < 256 && code[pc+int(ch/32)]&(1<<(ch&31)) != 0 {
				return ok
			}
			pc += 8
		case opRANGE:
			if code[pc] <= ch && ch <= code[pc+1] {
				return ok
			}
			pc += 2
		case opRANGE_UNI_IGNORE:
			// ch is already lower case.
			if code[pc] <= ch && ch <= code[pc+1] {
				return ok
			}
			if u := uint32(unicodeToUpper(c)); code[pc] <= u && u <= code[pc+1] {
				return ok
			}
			pc += 2
		case opNEGATE:
			ok = !ok
		case opBIGCHARSET:
			// <BIGCHARSET> <count> <256 block indices as bytes> <blocks>
			n := int(code[pc])
			pc++
			if ch < 0x10000 {
				hi := ch >> 8
				// The block index bytes are packed little-endian
				// into words (the byte order re/_compiler.py used).
				block := int(code[pc+int(hi/4)]>>(8*(hi%4))) & 0xff
				base := pc + 64 + block*8
				lo := ch & 255
				if code[base+int(lo/32)]&(1<<(lo&31)) != 0 {
					return ok
				}
			}
			pc += 64 + n*8
		default:
			return false
		}
	}
}

// charsetLocIgnore is SRE(charset_loc_ignore).
func (m *State) charsetLocIgnore(pc int, c rune) bool {
	lo := locLower(c)
	if m.charset(pc, lo) {
		return true
	}
	up := locUpper(c)
	return up != lo && m.charset(pc, up)
}
