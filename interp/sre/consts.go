// Package sre is freepy's regular expression engine: it executes the
// opcode lists that CPython 3.11's pure-Python compiler (re/_compiler.py)
// produces, with the same backtracking semantics as CPython's _sre module,
// so that match spans, group captures and lastindex agree with CPython.
//
// The package knows nothing of Python objects: a subject is a []rune
// (code points of a str, or the bytes of a bytes-like object widened to
// runes) and the program is a []uint32.
package sre

// Magic is the version stamp re/_compiler.py checks (_sre.MAGIC).
const Magic = 20220615

// CodeSize is the size in bytes of one code word (_sre.CODESIZE).
const CodeSize = 4

// MaxRepeat is the "unbounded" repeat count (_sre.MAXREPEAT).
const MaxRepeat = 1<<32 - 1

// MaxGroups is the largest number of groups a pattern may have.
const MaxGroups = 1<<30 - 1

// Opcodes, numbered in the order of OPCODES in re/_constants.py.
const (
	opFAILURE uint32 = iota
	opSUCCESS
	opANY
	opANY_ALL
	opASSERT
	opASSERT_NOT
	opAT
	opBRANCH
	opCATEGORY
	opCHARSET
	opBIGCHARSET
	opGROUPREF
	opGROUPREF_EXISTS
	opIN
	opINFO
	opJUMP
	opLITERAL
	opMARK
	opMAX_UNTIL
	opMIN_UNTIL
	opNOT_LITERAL
	opNEGATE
	opRANGE
	opREPEAT
	opREPEAT_ONE
	opSUBPATTERN
	opMIN_REPEAT_ONE
	opATOMIC_GROUP
	opPOSSESSIVE_REPEAT
	opPOSSESSIVE_REPEAT_ONE
	opGROUPREF_IGNORE
	opIN_IGNORE
	opLITERAL_IGNORE
	opNOT_LITERAL_IGNORE
	opGROUPREF_LOC_IGNORE
	opIN_LOC_IGNORE
	opLITERAL_LOC_IGNORE
	opNOT_LITERAL_LOC_IGNORE
	opGROUPREF_UNI_IGNORE
	opIN_UNI_IGNORE
	opLITERAL_UNI_IGNORE
	opNOT_LITERAL_UNI_IGNORE
	opRANGE_UNI_IGNORE
)

// AT codes (ATCODES).
const (
	atBEGINNING uint32 = iota
	atBEGINNING_LINE
	atBEGINNING_STRING
	atBOUNDARY
	atNON_BOUNDARY
	atEND
	atEND_LINE
	atEND_STRING
	atLOC_BOUNDARY
	atLOC_NON_BOUNDARY
	atUNI_BOUNDARY
	atUNI_NON_BOUNDARY
)

// Category codes (CHCODES).
const (
	catDIGIT uint32 = iota
	catNOT_DIGIT
	catSPACE
	catNOT_SPACE
	catWORD
	catNOT_WORD
	catLINEBREAK
	catNOT_LINEBREAK
	catLOC_WORD
	catLOC_NOT_WORD
	catUNI_DIGIT
	catUNI_NOT_DIGIT
	catUNI_SPACE
	catUNI_NOT_SPACE
	catUNI_WORD
	catUNI_NOT_WORD
	catUNI_LINEBREAK
	catUNI_NOT_LINEBREAK
)
