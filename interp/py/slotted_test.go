package py

import (
	"testing"
	"unsafe"
)

// The boxes of every slottedN type start boxesOffset bytes after its
// slotBoxes header, as slotBoxes.box assumes.
func TestSlottedLayout(t *testing.T) {
	offs := []uintptr{
		unsafe.Offsetof(slotted1{}.boxes) - unsafe.Offsetof(slotted1{}.pre),
		unsafe.Offsetof(slotted2{}.boxes) - unsafe.Offsetof(slotted2{}.pre),
		unsafe.Offsetof(slotted3{}.boxes) - unsafe.Offsetof(slotted3{}.pre),
		unsafe.Offsetof(slotted4{}.boxes) - unsafe.Offsetof(slotted4{}.pre),
	}
	for i, o := range offs {
		if o != boxesOffset {
			t.Errorf("slotted%d: boxes at +%d, want +%d", i+1, o, boxesOffset)
		}
	}
	for n := 1; n <= 5; n++ {
		in := newSlotted(&Type{}, n)
		for i := 0; i < n; i++ {
			in.setSlot(i, Int(i+10))
		}
		for i := 0; i < n; i++ {
			if v := in.getSlot(i); v != Int(i+10) {
				t.Errorf("%d slots: slot %d = %v", n, i, v)
			}
			in.setSlot(i, Int(i+20))
			if v := in.getSlot(i); v != Int(i+20) {
				t.Errorf("%d slots: slot %d rewritten = %v", n, i, v)
			}
		}
	}
}

// Two threads racing for a fresh instance's first stores, and a reader:
// each box is filled by one thread only (run under -race).
func TestSlottedFirstStoreRace(t *testing.T) {
	for r := 0; r < 200; r++ {
		in := newSlotted(&Type{}, 2)
		done := make(chan bool)
		for w := 0; w < 2; w++ {
			go func(w int) {
				in.setSlot(r%2, Int(w))
				in.setSlot(1-r%2, Int(w))
				done <- true
			}(w)
		}
		go func() {
			for i := 0; i < 10; i++ {
				if v := in.getSlot(0); v != nil && v != Int(0) && v != Int(1) {
					t.Errorf("torn slot value %v", v)
				}
			}
			done <- true
		}()
		<-done
		<-done
		<-done
	}
}
