package syntax

// Parse parses src (UTF-8 Python source) according to mode and returns a
// *Module (ModeExec), *Expression (ModeEval) or *Interactive (ModeSingle).
// Errors are *Error values.
func Parse(filename string, src []byte, mode Mode) (Mod, error) {
	return nil, &Error{Kind: "SyntaxError", Msg: "parser not implemented yet", Filename: filename, Line: 1}
}
