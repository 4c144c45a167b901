package main

import "testing"

// TestMemProfileRate: Go's memory profile samples nothing unless
// FREEPY_MEMPROFILE asks for it (a sample walks the whole Go stack, about
// 80,000 instructions), and samples every 64 KB when it does.
func TestMemProfileRate(t *testing.T) {
	t.Setenv("FREEPY_MEMPROFILE", "")
	if r := memProfileRate(); r != 0 {
		t.Fatalf("without FREEPY_MEMPROFILE the rate is %d, want 0", r)
	}
	t.Setenv("FREEPY_MEMPROFILE", "/dev/null")
	if r := memProfileRate(); r != 64<<10 {
		t.Fatalf("with FREEPY_MEMPROFILE the rate is %d, want %d", r, 64<<10)
	}
}
