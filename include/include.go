// Package include holds freepy's C headers. The Go file exists so that the
// packages compiling C against these headers (shim, capi) import it: the
// embedded copy makes Go's build cache notice a changed header, which it
// does not do for files outside a package's own directory.
package include

import "embed"

// Headers are the C headers, for tools that want to ship them.
//
//go:embed *.h
var Headers embed.FS
