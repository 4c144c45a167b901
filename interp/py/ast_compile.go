package py

import (
	"bytes"
	"fmt"
	"strings"

	"freepy/interp/compile"
	"freepy/interp/syntax"
)

// builtinCompile is compile(source, filename, mode, flags=0,
// dont_inherit=False, optimize=-1, *, _feature_version=-1): source text is
// compiled, or with PyCF_ONLY_AST parsed into ast objects; an ast object
// is compiled after conversion back into a syntax tree.
func builtinCompile(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	var src, filename, mode, flagsObj, dontInherit, optimize, featureVersion Object
	if err := ParseArgs("compile", args, kw, []string{"source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"}, 3,
		&src, &filename, &mode, &flagsObj, &dontInherit, &optimize, &featureVersion); err != nil {
		return nil, err
	}
	flags := 0
	if flagsObj != nil {
		n, err := AsInt64(t, flagsObj)
		if err != nil {
			return nil, err
		}
		flags = int(n)
	}
	const coNested = 0x10 // PyCF_MASK_OBSOLETE
	allowed := compile.FutureMask | coNested | pyCFOnlyAST | pyCFTypeComments | pyCFAllowTopLevelAwait |
		pyCFDontImplyDedent | pyCFAllowIncompleteInput
	if flags&^allowed != 0 {
		return nil, ValueErrorf("compile(): unrecognised flags")
	}
	// optimize -1 (the default) is the interpreter's -O level
	cf := compile.Flags{Future: flags & compile.FutureMask, TopLevelAwait: flags&pyCFAllowTopLevelAwait != 0,
		Optimize: t.interp.Flags.Optimize}
	if optimize != nil {
		n, err := AsInt64(t, optimize)
		if err != nil {
			return nil, err
		}
		if n < -1 || n > 2 {
			return nil, ValueErrorf("compile(): invalid optimize value")
		}
		if n >= 0 {
			cf.Optimize = int(n)
		}
	}
	onlyAST := flags&pyCFOnlyAST != 0
	// the filename is a str, bytes or os.PathLike (PyUnicode_FSDecoder)
	fn, err := fsPathString(t, filename)
	if err != nil {
		return nil, err
	}
	ms, _ := mode.(*Str)
	var m syntax.Mode
	switch {
	case ms != nil && ms.s == "exec":
		m = syntax.ModeExec
	case ms != nil && ms.s == "eval":
		m = syntax.ModeEval
	case ms != nil && ms.s == "single":
		m = syntax.ModeSingle
	case ms != nil && ms.s == "func_type":
		if !onlyAST {
			return nil, ValueErrorf("compile() mode 'func_type' requires flag PyCF_ONLY_AST")
		}
		if _, isText := src.(*Str); isText {
			mod, err := parseFuncType(fn, []byte(src.(*Str).s))
			if err != nil {
				return nil, syntaxErrorFrom(err)
			}
			return astToPy(t, mod)
		}
		if b, isBytes := src.(*Bytes); isBytes {
			mod, err := parseFuncType(fn, b.b)
			if err != nil {
				return nil, syntaxErrorFrom(err)
			}
			return astToPy(t, mod)
		}
		if src.Type().IsSubtype(ASTType) {
			return src, nil
		}
		return nil, TypeErrorf("compile() arg 1 must be a string, bytes or AST object")
	case onlyAST:
		return nil, ValueErrorf("compile() mode must be 'exec', 'eval', 'single' or 'func_type'")
	default:
		return nil, ValueErrorf("compile() mode must be 'exec', 'eval' or 'single'")
	}
	var text []byte
	isStr := false
	var auditSrc Object = src
	switch s := src.(type) {
	case *Str:
		auditSrc = NewBytes([]byte(s.s))
	}
	if err := Audit(t, "compile", auditSrc, filename); err != nil {
		return nil, err
	}
	switch s := src.(type) {
	case *Str:
		text, isStr = []byte(s.s), true
	case *Bytes:
		text = s.b
	default:
		if !src.Type().IsSubtype(ASTType) {
			return nil, TypeErrorf("compile() arg 1 must be a string, bytes or AST object")
		}
		if onlyAST {
			return src, nil
		}
		mod, err := pyToAST(t, src, m)
		if err != nil {
			return nil, err
		}
		code, err := compile.Compile(mod, fn, m, withWarnings(t, fn, cf))
		if err != nil {
			return nil, syntaxErrorFrom(err)
		}
		return NewCode(code), nil
	}
	if err := checkNoNull(text); err != nil {
		return nil, err
	}
	if !onlyAST {
		if isStr {
			return compileText(t, string(text), fn, m, cf)
		}
		return CompileSource(t, text, fn, m, cf)
	}
	mod, err := parseSource(t, fn, text, isStr, m)
	if err != nil {
		return nil, err
	}
	return astToPy(t, mod)
}

// checkNoNull is CPython 3.11's check of the source that compile(), exec(),
// eval() and symtable() are given: a NUL byte is a ValueError there, not a
// SyntaxError (3.12 made it one).
func checkNoNull(text []byte) error {
	if bytes.IndexByte(text, 0) >= 0 {
		return ValueErrorf("source code string cannot contain null bytes")
	}
	return nil
}

// parseSource parses source given to compile() or symtable(): a str's text
// is taken as it is, bytes are decoded by their coding declaration. Errors
// are Python SyntaxErrors; warnings go to the warnings module.
func parseSource(t *Thread, fn string, text []byte, isStr bool, m syntax.Mode) (syntax.Mod, error) {
	var mod syntax.Mod
	var err error
	if isStr {
		mod, err = syntax.ParseTextWith(fn, string(text), m, parseHooks(t, fn))
	} else {
		mod, err = syntax.ParseWith(fn, text, m, parseHooks(t, fn))
	}
	if err != nil {
		return nil, syntaxErrorFrom(err)
	}
	return mod, nil
}

// compileText is CompileSource for a str: the source is text already, so
// its coding declaration does not apply (CPython's PyCF_IGNORE_COOKIE).
func compileText(t *Thread, src, filename string, mode syntax.Mode, flags compile.Flags) (*Code, error) {
	mod, err := syntax.ParseTextWith(filename, src, mode, parseHooks(t, filename))
	if err != nil {
		return nil, syntaxErrorFrom(err)
	}
	code, err := compile.Compile(mod, filename, mode, withWarnings(t, filename, flags))
	if err != nil {
		return nil, syntaxErrorFrom(err)
	}
	return NewCode(code), nil
}

func init() {
	// str(SyntaxError) is "msg (file, line N)" with the file's base name,
	// as CPython's SyntaxError_str, for errors from compile() as well as
	// ones raised with SyntaxError(msg, (filename, lineno, ...)).
	SyntaxErrorType.Str = func(t *Thread, o Object) (Object, error) {
		get := func(name string) Object {
			v, err := GetAttrString(t, o, name)
			if err != nil || v == nil {
				return None
			}
			return v
		}
		msg, fn, ln := get("msg"), get("filename"), get("lineno")
		if e, ok := o.(*BaseException); ok && fn == None && ln == None && e.Args() != nil && len(e.Args().items) == 2 {
			if d, ok := e.Args().items[1].(*Tuple); ok && len(d.items) >= 2 {
				fn, ln = d.items[0], d.items[1]
			}
		}
		ms, err := StrString(t, msg)
		if err != nil {
			return nil, err
		}
		fs, haveFile := fn.(*Str)
		lineno, haveLine := ln.(Int)
		file := ""
		if haveFile {
			file = fs.s[strings.LastIndexByte(fs.s, '/')+1:]
		}
		switch {
		case haveFile && haveLine:
			return NewStr(fmt.Sprintf("%s (%s, line %d)", ms, file, lineno)), nil
		case haveFile:
			return NewStr(fmt.Sprintf("%s (%s)", ms, file)), nil
		case haveLine:
			return NewStr(fmt.Sprintf("%s (line %d)", ms, lineno)), nil
		}
		return NewStr(ms), nil
	}
}
