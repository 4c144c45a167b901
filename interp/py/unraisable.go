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
	b.WriteString(FormatException(t, exc))
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
		if !ok || in.typ != unraisableArgsType().Type || !isTup || len(tup.items) != 5 {
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
	m.AddFunc("getsizeof", sysGetSizeOf)
}

// sysGetSizeOf is sys.getsizeof(obj[, default]): obj.__sizeof__() plus
// CPython's 16-byte collector header for the objects its collector
// tracks. The sizes are CPython 3.11's for the common built-in types (the
// memory freepy uses differs).
func sysGetSizeOf(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	var o, dflt Object
	if err := ParseArgs("getsizeof", args, kw, []string{"object", "default"}, 1, &o, &dflt); err != nil {
		return nil, err
	}
	size, err := func() (int64, error) {
		m, err := lookupSpecial(t, o, "__sizeof__")
		if err != nil {
			return 0, err
		}
		if m == nil {
			return 0, TypeErrorf("Type %s doesn't define __sizeof__", typeName(o))
		}
		r, err := Call(t, m, nil, nil)
		if err != nil {
			return 0, err
		}
		if !IsInstance(r, IntType) {
			return 0, TypeErrorf("an integer is required")
		}
		n, err := AsInt64(t, r)
		if err != nil {
			return 0, err
		}
		if n < 0 {
			return 0, ValueErrorf("__sizeof__() should return >= 0")
		}
		return n, nil
	}()
	if err != nil {
		if dflt != nil && IsInstanceOf(err, TypeErrorType) {
			return dflt, nil
		}
		return nil, err
	}
	switch unwrap(o).(type) {
	case Int, *BigInt, Float, Bool, Complex, NoneType, *Str, *Bytes, *Range:
		if _, isInst := o.(*Instance); !isInst {
			return Int(size), nil
		}
	}
	return Int(size + 16), nil
}

// objectSizeOf is object.__sizeof__: CPython 3.11's basic size of the
// object's type for the types whose layout programs commonly measure.
func objectSizeOf(o Object) int64 {
	switch v := unwrap(o).(type) {
	case *Tuple:
		if _, sub := o.(*Instance); !sub {
			return 24 + 8*int64(len(v.items))
		}
	case *Bytes:
		if _, sub := o.(*Instance); !sub {
			return 33 + int64(len(v.b))
		}
	case Complex:
		return 32
	case *Range:
		return 48
	}
	in, ok := o.(*Instance)
	if !ok || !in.typ.isHeap() || in.Base != nil {
		return 16
	}
	// a Python class's instance: the header, the __slots__ members, and
	// the dict and weak reference pointers unless __slots__ left them out
	n := int64(16 + 8*in.typ.nslots)
	if in.typ.hasDict {
		n += 24
	}
	return n
}
