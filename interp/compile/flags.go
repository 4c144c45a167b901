package compile

import "freepy/interp/syntax"

// Flags are the compiler options (CPython's PyCompilerFlags plus the
// optimization level).
type Flags struct {
	// Optimize is the -O level: 1 drops assert statements and makes
	// __debug__ False; 2 also drops docstrings.
	Optimize int

	// Future holds CO_FUTURE_* bits inherited from the caller (compile()
	// without dont_inherit, or an enclosing REPL session). Future imports
	// found in the compiled source are added to them.
	Future int

	// TopLevelAwait allows await, async for and async with at module
	// level (PyCF_ALLOW_TOP_LEVEL_AWAIT, used by the asyncio REPL); the
	// module code then gets FlagCoroutine if it awaits.
	TopLevelAwait bool

	// Warn, when set, receives each SyntaxWarning the compiler finds
	// (CPython's compiler_warn: "is" with a literal, an assert on a
	// tuple, calling or subscripting a literal that cannot be) with the
	// line it belongs to. Returning ErrWarningRaised makes it a
	// SyntaxError with the warning's message there (a warnings filter
	// turned it into an error); any other error stops the compilation
	// and is returned as it is.
	Warn func(msg string, lineno int) error
}

// ErrWarningRaised is what Flags.Warn returns for a warning that a
// filter turned into an exception: the parser's sentinel, so that one
// warnings hook serves both.
var ErrWarningRaised = syntax.ErrWarningRaised

// __future__ feature flags, with CPython's CO_FUTURE_* values. Code.Flags
// carries the ones in force, so that compile() and exec() can inherit them.
const (
	FutureDivision        = 0x20000
	FutureAbsoluteImport  = 0x40000
	FutureWithStatement   = 0x80000
	FuturePrintFunction   = 0x100000
	FutureUnicodeLiterals = 0x200000
	FutureBarryAsBDFL     = 0x400000
	FutureGeneratorStop   = 0x800000
	FutureAnnotations     = 0x1000000

	// FutureMask is every future bit.
	FutureMask = FutureDivision | FutureAbsoluteImport | FutureWithStatement |
		FuturePrintFunction | FutureUnicodeLiterals | FutureBarryAsBDFL |
		FutureGeneratorStop | FutureAnnotations
)
