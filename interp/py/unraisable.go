package py

import (
	"os"
	"strings"
	"sync"
)

// Exceptions that cannot propagate (raised by __del__, a weakref
// callback, an atexit function, a thread started by _thread, or reported
// by a C extension with PyErr_WriteUnraisable) go to sys.unraisablehook,
// as in CPython 3.8+: it receives a sys.UnraisableHookArgs (exc_type,
// exc_value, exc_traceback, err_msg, object); the default hook prints
// "<err_msg>: <repr(object)>" and the traceback to sys.stderr.

var unraisableArgs struct {
	once sync.Once
	typ  *StructSeq
}

func unraisableArgsType() *StructSeq {
	unraisableArgs.once.Do(func() {
		unraisableArgs.typ = NewStructSeqType("UnraisableHookArgs", "sys",
			[]string{"exc_type", "exc_value", "exc_traceback", "err_msg", "object"})
	})
	return unraisableArgs.typ
}

// WriteUnraisable reports err through sys.unraisablehook. errMsg is the
// message's start ("Exception ignored in atexit callback"); "" means the
// default, "Exception ignored in". obj may be nil.
func WriteUnraisable(t *Thread, err error, errMsg string, obj Object) {
	exc := AsException(err)
	var msg Object = None
	if errMsg != "" {
		msg = NewStr(errMsg)
	}
	if obj == nil {
		obj = None
	}
	hook := t.interp.Sys.dict.GetStr("unraisablehook")
	if b, ok := hook.(*Builtin); hook == nil || hook == None || (ok && b.Name == "unraisablehook" && b.Self == Object(t.interp.Sys)) {
		defaultUnraisable(t, exc, msg, obj)
		return
	}
	var tb Object = None
	if x := exc.Traceback(); x != nil {
		tb = x
	}
	args := unraisableArgsType().Make(exc.Type(), exc, tb, msg, obj)
	if _, herr := Call1(t, hook, args); herr != nil {
		defaultUnraisable(t, AsException(herr), NewStr("Exception ignored in sys.unraisablehook"), hook)
	}
}

// defaultUnraisable is sys.__unraisablehook__'s output.
func defaultUnraisable(t *Thread, exc *BaseException, msg, obj Object) {
	var b strings.Builder
	m, hasMsg := msg.(*Str)
	switch {
	case obj != None:
		if hasMsg {
			b.WriteString(m.s + ": ")
		} else {
			b.WriteString("Exception ignored in: ")
		}
		if r, err := ReprString(t, obj); err == nil {
			b.WriteString(r)
		} else {
			b.WriteString("<object repr() failed>")
		}
		b.WriteByte('\n')
	case hasMsg:
		b.WriteString(m.s + ":\n")
	}
	b.WriteString(formatUnraisable(t, exc))
	writeErrOrStderr(t, b.String())
}

func writeErrOrStderr(t *Thread, s string) {
	if err := WriteTo(t, t.interp.Sys.dict.GetStr("stderr"), s); err != nil {
		os.Stderr.WriteString(s)
	}
}

// addUnraisableHook adds sys.unraisablehook and sys.__unraisablehook__.
func addUnraisableHook(m *Module) {
	m.AddFunc("unraisablehook", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if len(kw) > 0 {
			return nil, TypeErrorf("unraisablehook() takes no keyword arguments")
		}
		if len(args) != 1 {
			return nil, TypeErrorf("sys.unraisablehook() takes exactly one argument (%d given)", len(args))
		}
		in, ok := args[0].(*Instance)
		tup, isTup := unwrap(args[0]).(*Tuple)
		if !ok || LoadPtr(&in.typ) != unraisableArgsType().Type || !isTup || len(tup.items) != 5 {
			return nil, TypeErrorf("sys.unraisablehook argument type must be UnraisableHookArgs")
		}
		exc, _ := tup.items[1].(*BaseException)
		if exc == nil {
			if et, ok := tup.items[0].(*Type); ok {
				exc = NewException(et)
			} else {
				return None, nil
			}
		}
		defaultUnraisable(t, exc, tup.items[3], tup.items[4])
		return None, nil
	})
	m.dict.SetStr("__unraisablehook__", m.dict.GetStr("unraisablehook"))
}
