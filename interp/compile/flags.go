package compile

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
}

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
