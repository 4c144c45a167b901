#include "textflag.h"

// func W2(p, q unsafe.Pointer)
TEXT ·W2(SB), NOSPLIT, $0-16
	MOVQ p+0(FP), AX
	MOVQ q+8(FP), BX
	// PREFETCHW (AX); PREFETCHW (BX): the Go assembler does not know it
	BYTE $0x0F; BYTE $0x0D; BYTE $0x08
	BYTE $0x0F; BYTE $0x0D; BYTE $0x0B
	RET

// func W2Addr(p, q uintptr)
TEXT ·W2Addr(SB), NOSPLIT, $0-16
	MOVQ p+0(FP), AX
	MOVQ q+8(FP), BX
	BYTE $0x0F; BYTE $0x0D; BYTE $0x08
	BYTE $0x0F; BYTE $0x0D; BYTE $0x0B
	RET
