package capi

/*
#include "shim.h"
*/
import "C"

import (
	"sync"

	"freepy/interp/py"
)

// Thread states, GIL state and PyEval_SaveThread: the places where
// CPython's GIL is released or taken are where a legacy module's
// pseudo-GIL is (docs/legacy-gil.md).

// extByPath finds a loaded extension by its file (dladdr's answer).
var extByPath sync.Map // string -> *extModule

func extOfFile(path string) *extModule {
	if v, ok := extByPath.Load(path); ok {
		return v.(*extModule)
	}
	return nil
}

type gilHold struct {
	ext  *extModule
	took bool
}

// PyEval_SaveThread releases the thread's pseudo-GIL (Py_BEGIN_ALLOW_THREADS).
//
//export fpyGo_PyEval_SaveThread
func fpyGo_PyEval_SaveThread(ts *C.PyThreadState) *C.PyThreadState {
	s := stateFromC(ts)
	s.saved = append(s.saved, s.suspend())
	return ts
}

// PyEval_RestoreThread takes it back (Py_END_ALLOW_THREADS).
//
//export fpyGo_PyEval_RestoreThread
func fpyGo_PyEval_RestoreThread(_ *C.PyThreadState, ts *C.PyThreadState) {
	if ts == nil {
		return
	}
	C.fpy_set_tstate(ts)
	s := stateFromC(ts)
	if n := len(s.saved); n > 0 {
		restore := s.saved[n-1]
		s.saved = s.saved[:n-1]
		restore()
	}
}

//export fpyGo_PyEval_ReleaseThread
func fpyGo_PyEval_ReleaseThread(ts *C.PyThreadState, t *C.PyThreadState) {
	if t == nil {
		t = ts
	}
	fpyGo_PyEval_SaveThread(t)
}

//export fpyGo_PyEval_AcquireThread
func fpyGo_PyEval_AcquireThread(ts *C.PyThreadState, t *C.PyThreadState) {
	fpyGo_PyEval_RestoreThread(ts, t)
}

// fpyGo_GILStateEnsure gives the calling OS thread a thread state if it
// has none (a thread the extension started itself) and takes the pseudo-GIL
// of the extension whose code called (caller is its file, from dladdr).
//
//export fpyGo_GILStateEnsure
func fpyGo_GILStateEnsure(caller *C.char) C.int {
	ts := C.fpy_get_tstate()
	state := C.int(C.PyGILState_LOCKED)
	var s *tstate
	if ts == nil {
		s = foreignThread()
		state = C.PyGILState_UNLOCKED
	} else {
		s = stateFromC(ts)
	}
	ext := extOfFile(cstr(caller))
	took := ext.enter(s, "PyGILState_Ensure")
	s.gilstate = append(s.gilstate, gilHold{ext, took})
	return state
}

//export fpyGo_GILStateRelease
func fpyGo_GILStateRelease(state C.int) {
	s := cur()
	n := len(s.gilstate)
	if n == 0 {
		return
	}
	h := s.gilstate[n-1]
	s.gilstate = s.gilstate[:n-1]
	h.ext.leave(s, h.took)
	// the thread state of a foreign thread is kept for its next Ensure
}

//export fpyGo_PyThreadState_GetDict
func fpyGo_PyThreadState_GetDict(ts *C.PyThreadState) *C.PyObject {
	if ts == nil {
		return nil
	}
	s := stateFromC(ts)
	if s.dict == nil {
		s.dict = s.newRef(py.NewDict()) // held for the thread's life
	}
	return s.dict
}

//export fpyGo_PyThreadState_New
func fpyGo_PyThreadState_New(ts *C.PyThreadState, _ *C.PyInterpreterState) *C.PyThreadState {
	return stateOf(mainInterp().NewThread()).ts
}

//export fpyGo_PyThreadState_Clear
func fpyGo_PyThreadState_Clear(ts *C.PyThreadState, t *C.PyThreadState) {}

//export fpyGo_PyThreadState_Delete
func fpyGo_PyThreadState_Delete(ts *C.PyThreadState, t *C.PyThreadState) {}
