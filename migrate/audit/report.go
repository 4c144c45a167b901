package audit

// Report is the audit of one file. Its JSON form is the tool's --json
// output (one object per file); keep field names stable.
type Report struct {
	Path  string `json:"path"`
	Error string `json:"error,omitempty"` // set when the file could not be audited

	Module        string   `json:"module"`                   // from PyInit_<name>; "" for a helper library
	PyInitExports []string `json:"pyinit_exports,omitempty"` // every PyInit_* export
	Kind          string   `json:"kind"`                     // "extension" or "library" (no PyInit_)
	ABITag        string   `json:"abi_tag"`                  // "cpython-311", "abi3", "freepy-311t", "" (bare .so)
	ABI           ABITag   `json:"abi"`
	Mode          string   `json:"mode"` // how freepy would run it: "legacy", "free-threaded", "incompatible"
	ModeReason    string   `json:"mode_reason"`

	Machine   string `json:"machine"`
	WrongArch bool   `json:"wrong_arch"`
	Stripped  bool   `json:"stripped"` // no .symtab: local variables are invisible

	Init         string `json:"init"` // "single-phase", "multi-phase", "unknown"
	InitEvidence string `json:"init_evidence"`

	FreeThreading     string `json:"free_threading"` // "declared", "not-declared", "unknown"
	FreeThreadingNote string `json:"free_threading_note"`

	Generators []Generator `json:"generators"`

	BorrowedRefs   []string      `json:"borrowed_refs"` // names, risk low or above, most serious first
	BorrowedDetail []BorrowedAPI `json:"borrowed_detail"`
	GILAPIs        []string      `json:"gil_apis"`
	PrivateAPIs    []string      `json:"private_apis"` // _Py* chosen by the code, not implied by public macros
	LegacyOnlyAPIs []string      `json:"legacy_only_apis"`
	FTAPIs         []string      `json:"free_threading_apis"` // 3.13-era APIs already in use

	Globals GlobalState `json:"global_state"`

	ImportCount int `json:"imported_symbols"`
	ExportCount int `json:"exported_symbols"`

	Score       int         `json:"effort_score"`
	ScoreInputs []ScoreItem `json:"effort_inputs"`
	Effort      string      `json:"effort"` // "none", "small", "moderate", "large"

	Verdict       string   `json:"verdict"` // "ready", "needs-review", "needs-work", "legacy-only", "error"
	VerdictReason string   `json:"verdict_reason"`
	Actions       []string `json:"actions"` // what to change, first things first
	Warnings      []string `json:"warnings"`
}

// GlobalState is the writable memory all threads share.
type GlobalState struct {
	DataBytes    uint64 `json:"data_bytes"` // writable PROGBITS outside RELRO (.data)
	BssBytes     uint64 `json:"bss_bytes"`  // writable NOBITS (.bss)
	SymbolsKnown bool   `json:"symbols_known"`
	// Objects counts the writable variables visible in the symbol tables
	// (all of them with .symtab; only exported ones when stripped).
	Objects      int          `json:"objects"`
	ObjectBytes  uint64       `json:"object_bytes"`
	PointerSized int          `json:"pointer_sized"` // 8-byte variables: often cached PyObject*
	Largest      []dataObject `json:"largest"`
}

// ScoreItem is one input to the effort score.
type ScoreItem struct {
	What   string `json:"what"`
	Points int    `json:"points"`
}

// Verdicts.
const (
	VerdictReady       = "ready"
	VerdictNeedsReview = "needs-review"
	VerdictNeedsWork   = "needs-work"
	VerdictLegacyOnly  = "legacy-only"
	VerdictError       = "error"
)

// Risky reports whether the verdict should fail a CI gate: high-risk
// findings, or APIs that tie the module to a GIL. With strict, anything
// short of ready counts.
func (r *Report) Risky(strict bool) bool {
	switch r.Verdict {
	case VerdictNeedsWork, VerdictLegacyOnly:
		return true
	case VerdictNeedsReview:
		return strict
	}
	return false
}
