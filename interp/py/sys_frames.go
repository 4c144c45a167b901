package py

import (
	"sync"
	"sync/atomic"
	"time"
	"weak"
)

// sys._current_frames. A thread's frames are written by that thread alone
// (and recycled through its frame pool), so another thread may read them
// only while their owner cannot run Python code. Two cases are safe:
//   - the owner is parked in a blocking wait (lock acquire, join, sleep,
//     select, I/O through BeginBlocking): it takes its park lock before it
//     runs again, and the reader holds that lock while it walks the frames;
//   - the owner publishes its own frame at its next check point (a
//     backward jump), asked to by framesWanted.
// Either way the reader gets copies (snapshotFrames): the frames go on
// changing once their thread runs again, so the dict holds what they were
// at that moment, with f_back linking the copies. The calling thread's
// own frame is the live one, as sys._getframe() returns.
// A thread that does neither within framesWait (a thread running C code,
// or straight-line Python code with no loop) is left out of the snapshot.

type threadPark struct {
	mu        sync.Mutex
	parked    bool   // in a blocking wait: frames readable under mu
	published *Frame // the frame the thread published for request gen
	gen       uint64
}

var (
	threadParks  sync.Map // weak.Pointer[Thread] -> *threadPark (ids repeat across interpreters in tests)
	framesWanted atomic.Int32
	framesGen    atomic.Uint64
)

const framesWait = 100 * time.Millisecond

func parkOf(t *Thread) *threadPark {
	k := weak.Make(t)
	if p, ok := threadParks.Load(k); ok {
		return p.(*threadPark)
	}
	p, _ := threadParks.LoadOrStore(k, &threadPark{})
	return p.(*threadPark)
}

// park and unpark bracket a wait in which t runs no Python code.
func (t *Thread) park() {
	p := parkOf(t)
	p.mu.Lock()
	p.parked = true
	p.mu.Unlock()
}

func (t *Thread) unpark() {
	p := parkOf(t)
	p.mu.Lock()
	p.parked = false
	p.mu.Unlock()
}

// publishFrame answers a pending _current_frames request at a check point.
func publishFrame(t *Thread) {
	gen := framesGen.Load()
	p := parkOf(t)
	p.mu.Lock()
	if p.gen != gen {
		p.published, p.gen = snapshotFrames(t.frame), gen
	}
	p.mu.Unlock()
}

// snapshotFrames copies f and its callers as they are now; the caller
// makes sure that their thread does not run meanwhile. The copies share
// the objects the frames refer to (code, globals, cells, local values)
// but not the frames' own arrays, which their thread goes on writing.
func snapshotFrames(f *Frame) *Frame {
	var head *Frame
	link := &head
	for ; f != nil; f = f.back {
		c := &Frame{code: f.code, fn: f.fn, globals: f.globals, builtins: f.builtins, locals: f.locals,
			fast: append([]Object(nil), f.fast...), cells: f.cells, closure: f.closure, pc: f.pc,
			escaped: true, inlined: f.inlined}
		*link = c
		link = &c.back
	}
	return head
}

// currentFrames builds the dict of sys._current_frames.
func currentFrames(t *Thread) (Object, error) {
	out := NewDict()
	add := func(th *Thread, f *Frame) error {
		if f == nil {
			return nil
		}
		return out.SetItem(t, threadIdent(th), f)
	}
	if t.frame != nil {
		t.escape(t.frame)
	}
	if err := add(t, t.frame); err != nil {
		return nil, err
	}
	var others []*Thread
	liveThreads.Range(func(_, w any) bool {
		if th := w.(weak.Pointer[Thread]).Value(); th != nil && th != t && th.interp == t.interp {
			others = append(others, th)
		}
		return true
	})
	if len(others) == 0 {
		return out, nil
	}
	gen := framesGen.Add(1)
	framesWanted.Add(1)
	sigState.any.Store(true)
	held := t.BeginBlocking() // in PYTHON_GIL=1 mode the others need the lock to answer
	deadline := time.Now().Add(framesWait)
	got := make([]*Frame, len(others))
	done := make([]bool, len(others))
	for left := len(others); left > 0; {
		for i, th := range others {
			if done[i] {
				continue
			}
			p := parkOf(th)
			p.mu.Lock()
			switch {
			case p.parked:
				got[i], done[i] = snapshotFrames(th.frame), true
			case p.gen == gen:
				got[i], done[i] = p.published, true
			}
			p.mu.Unlock()
			if done[i] {
				left--
			}
		}
		if left == 0 || time.Now().After(deadline) {
			break
		}
		sigState.any.Store(true)
		time.Sleep(200 * time.Microsecond)
	}
	framesWanted.Add(-1)
	t.EndBlocking(held)
	for i, th := range others {
		if err := add(th, got[i]); err != nil {
			return nil, err
		}
	}
	return out, nil
}
