package sre

import (
	"errors"
	"fmt"
	"runtime"
)

// maxDepth bounds the matcher's recursion (one level per pending
// backtracking point), so that a pathological pattern over a long subject
// ends with ErrRecursion instead of exhausting the goroutine's stack
// (a variable so that tests can lower it).
var maxDepth = 400000

// ErrRecursion is returned when a match needs more than MaxDepth nested
// backtracking points.
var ErrRecursion = errors.New("maximum recursion limit exceeded")

// ErrInternal is returned for a malformed program (a code list that
// re/_compiler.py would not produce).
var ErrInternal = errors.New("internal error in regular expression engine")

// repeat is a REPEAT context (SRE_REPEAT): the state of one active
// MAX_UNTIL/MIN_UNTIL loop.
type repeat struct {
	count   int
	pc      int // index of the REPEAT's skip word; min, max, body follow
	prev    *repeat
	lastPtr int // position at the start of the last iteration, -1 if none
}

// State is one matching session over a subject (SRE_STATE). Set Start
// and End (pos and endpos, already clipped to the subject), call Match,
// FullMatch or Search, then read MatchStart, MatchEnd and Span.
type State struct {
	code []uint32
	str  []rune

	// Start is where the next match attempt begins; after a successful
	// Search it is where the match begins.
	Start int
	// End is endpos: the matcher never looks at or beyond it.
	End int
	// MustAdvance forbids an empty match at Start (finditer, sub and
	// split set it after an empty match).
	MustAdvance bool

	// MatchEnd is where the last successful match ended (state->ptr).
	MatchEnd int
	// LastIndex is the last group closed, or -1.
	LastIndex int

	matchAll bool
	marks    []int
	lastmark int
	rep      *repeat
	depth    int
}

// NewState prepares a session for program code (as produced by
// re/_compiler.py, with ngroups capturing groups) over subject str.
func NewState(code []uint32, ngroups int, str []rune, start, end int) *State {
	return &State{code: code, str: str, Start: start, End: end,
		marks: make([]int, 2*ngroups), lastmark: -1, LastIndex: -1}
}

// Reset forgets the captures of the previous attempt (state_reset).
func (m *State) Reset() {
	m.lastmark = -1
	m.LastIndex = -1
	m.rep = nil
	m.depth = 0
}

// Span returns the span of group g (g >= 1) of the last match, or
// (-1, -1) if the group did not take part in it.
func (m *State) Span(g int) (int, int) {
	j := 2 * (g - 1)
	if j+1 > m.lastmark || j+1 >= len(m.marks) {
		return -1, -1
	}
	s, e := m.marks[j], m.marks[j+1]
	if s < 0 || e < 0 {
		return -1, -1
	}
	return s, e
}

// guard turns a Go runtime panic caused by a malformed program (an
// index out of range) into ErrInternal, so it never reaches the user.
func guard(err *error) {
	if r := recover(); r != nil {
		if _, ok := r.(runtime.Error); ok {
			*err = fmt.Errorf("%w: %v", ErrInternal, r)
			return
		}
		panic(r)
	}
}

// Match tries to match at Start (pattern.match).
func (m *State) Match() (ok bool, err error) {
	defer guard(&err)
	m.Reset()
	m.matchAll = false
	return m.match(0, m.Start, true)
}

// FullMatch tries to match all of Start..End (pattern.fullmatch).
func (m *State) FullMatch() (ok bool, err error) {
	defer guard(&err)
	m.Reset()
	m.matchAll = true
	return m.match(0, m.Start, true)
}

// Search finds the first match at or after Start (sre_search); on
// success Start is where the match begins.
func (m *State) Search() (ok bool, err error) {
	defer guard(&err)
	m.Reset()
	m.matchAll = false
	code := m.code
	ptr, end := m.Start, m.End
	if ptr > end {
		return false, nil
	}
	pc := 0
	if code[0] == opINFO {
		// <INFO> <skip> <flags> <min> <max> ...: a match needs at least
		// min characters, so later starting points need not be tried.
		min := int(code[3])
		if min != 0 && end-ptr < min {
			return false, nil
		}
		if min > 1 {
			end -= min - 1
			if end <= ptr {
				end = ptr
			}
		}
		pc = 1 + int(code[1])
	}
	ok, err = m.match(pc, ptr, true)
	m.MustAdvance = false
	if err != nil || ok {
		return ok, err
	}
	if code[pc] == opAT && (code[pc+1] == atBEGINNING || code[pc+1] == atBEGINNING_STRING) {
		m.Start = m.End
		return false, nil
	}
	for ptr < end {
		ptr++
		m.lastmark, m.LastIndex = -1, -1
		m.Start = ptr
		ok, err = m.match(pc, ptr, false)
		if err != nil || ok {
			return ok, err
		}
	}
	return false, nil
}

// saveMarks copies marks[0..lastmark] (MARK_PUSH).
func (m *State) saveMarks(lastmark int) []int {
	if lastmark < 0 {
		return nil
	}
	return append([]int(nil), m.marks[:lastmark+1]...)
}

// restoreMarks puts back what saveMarks copied (MARK_POP).
func (m *State) restoreMarks(saved []int) {
	copy(m.marks, saved)
}

func (m *State) match(pc, ptr int, toplevel bool) (bool, error) {
	m.depth++
	if m.depth > maxDepth {
		m.depth--
		return false, ErrRecursion
	}
	ok, err := m.run(pc, ptr, toplevel)
	m.depth--
	return ok, err
}
