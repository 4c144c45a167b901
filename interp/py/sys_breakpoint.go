package py

import (
	"os"
	"strings"
)

// breakpoint() calls sys.breakpointhook, whose default imports what
// PYTHONBREAKPOINT names (pdb.set_trace when unset, nothing when "0")
// and calls it: a program that sets its own hook, or runs with
// PYTHONBREAKPOINT=0, behaves as under CPython.

func builtinBreakpoint(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	hook := t.interp.Sys.dict.GetStr("breakpointhook")
	if hook == nil {
		return nil, Errorf(RuntimeErrorType, "lost sys.breakpointhook")
	}
	return Call(t, hook, args, kw)
}

func sysBreakpointHook(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	target := ""
	if t.interp.Flags.IgnoreEnvironment == 0 {
		target = os.Getenv("PYTHONBREAKPOINT")
	}
	switch target {
	case "0":
		return None, nil
	case "":
		target = "pdb.set_trace"
	}
	modName, attr := "builtins", target
	if i := strings.LastIndexByte(target, '.'); i >= 0 {
		modName, attr = target[:i], target[i+1:]
	}
	var fn Object
	m, err := t.importModule(modName)
	if err == nil {
		fn, err = GetAttr(t, m, NewStr(attr))
	}
	if err != nil {
		if !IsInstanceOf(err, ImportErrorType) && !IsInstanceOf(err, AttributeErrorType) {
			return nil, err
		}
		msg := "Ignoring unimportable $PYTHONBREAKPOINT: \"" + target + "\""
		return None, Warn(t, RuntimeWarningType, msg, 1)
	}
	return Call(t, fn, args, kw)
}
