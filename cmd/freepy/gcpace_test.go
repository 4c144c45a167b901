package main

import (
	"runtime/metrics"
	"testing"

	"freepy/interp/py"
)

func heapGoal() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/goal:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// TestBigAllocRaisesGoal: announcing a big allocation moves the
// collector's goal past the heap in use plus the allocation, so that the
// allocation alone does not start a collection; a small announcement
// below the goal leaves it alone.
func TestBigAllocRaisesGoal(t *testing.T) {
	startGCPacing(false)
	if py.BigAlloc == nil {
		t.Fatal("the pacer did not install py.BigAlloc")
	}
	before := heapGoal()
	py.BigAlloc(1 << 10)
	if g := heapGoal(); g != before {
		t.Fatalf("a 1 KB announcement moved the goal from %d to %d", before, g)
	}
	const n = 512 << 20
	py.BigAlloc(n)
	after := heapGoal()
	if after < n+bigAllocSlack || after <= before {
		t.Fatalf("goal %d after announcing %d bytes (was %d), want at least %d", after, n, before, n+bigAllocSlack)
	}
}
