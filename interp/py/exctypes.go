package py

import "slices"

// The exception hierarchy of CPython 3.11.
var (
	BaseExceptionType             = newExcType("BaseException", nil)
	BaseExceptionGroupType        = newExcType("BaseExceptionGroup", BaseExceptionType)
	SystemExitType                = newExcType("SystemExit", BaseExceptionType)
	KeyboardInterruptType         = newExcType("KeyboardInterrupt", BaseExceptionType)
	GeneratorExitType             = newExcType("GeneratorExit", BaseExceptionType)
	ExceptionType                 = newExcType("Exception", BaseExceptionType)
	ExceptionGroupType            = newExcType("ExceptionGroup", BaseExceptionGroupType, ExceptionType)
	StopIterationType             = newExcType("StopIteration", ExceptionType)
	StopAsyncIterationType        = newExcType("StopAsyncIteration", ExceptionType)
	ArithmeticErrorType           = newExcType("ArithmeticError", ExceptionType)
	FloatingPointErrorType        = newExcType("FloatingPointError", ArithmeticErrorType)
	OverflowErrorType             = newExcType("OverflowError", ArithmeticErrorType)
	ZeroDivisionErrorType         = newExcType("ZeroDivisionError", ArithmeticErrorType)
	AssertionErrorType            = newExcType("AssertionError", ExceptionType)
	AttributeErrorType            = newExcType("AttributeError", ExceptionType)
	BufferErrorType               = newExcType("BufferError", ExceptionType)
	EOFErrorType                  = newExcType("EOFError", ExceptionType)
	ImportErrorType               = newExcType("ImportError", ExceptionType)
	ModuleNotFoundErrorType       = newExcType("ModuleNotFoundError", ImportErrorType)
	LookupErrorType               = newExcType("LookupError", ExceptionType)
	IndexErrorType                = newExcType("IndexError", LookupErrorType)
	KeyErrorType                  = newExcType("KeyError", LookupErrorType)
	MemoryErrorType               = newExcType("MemoryError", ExceptionType)
	NameErrorType                 = newExcType("NameError", ExceptionType)
	UnboundLocalErrorType         = newExcType("UnboundLocalError", NameErrorType)
	OSErrorType                   = newExcType("OSError", ExceptionType)
	BlockingIOErrorType           = newExcType("BlockingIOError", OSErrorType)
	ChildProcessErrorType         = newExcType("ChildProcessError", OSErrorType)
	ConnectionErrorType           = newExcType("ConnectionError", OSErrorType)
	BrokenPipeErrorType           = newExcType("BrokenPipeError", ConnectionErrorType)
	ConnectionAbortedErrorType    = newExcType("ConnectionAbortedError", ConnectionErrorType)
	ConnectionRefusedErrorType    = newExcType("ConnectionRefusedError", ConnectionErrorType)
	ConnectionResetErrorType      = newExcType("ConnectionResetError", ConnectionErrorType)
	FileExistsErrorType           = newExcType("FileExistsError", OSErrorType)
	FileNotFoundErrorType         = newExcType("FileNotFoundError", OSErrorType)
	InterruptedErrorType          = newExcType("InterruptedError", OSErrorType)
	IsADirectoryErrorType         = newExcType("IsADirectoryError", OSErrorType)
	NotADirectoryErrorType        = newExcType("NotADirectoryError", OSErrorType)
	PermissionErrorType           = newExcType("PermissionError", OSErrorType)
	ProcessLookupErrorType        = newExcType("ProcessLookupError", OSErrorType)
	TimeoutErrorType              = newExcType("TimeoutError", OSErrorType)
	ReferenceErrorType            = newExcType("ReferenceError", ExceptionType)
	RuntimeErrorType              = newExcType("RuntimeError", ExceptionType)
	NotImplementedErrorType       = newExcType("NotImplementedError", RuntimeErrorType)
	RecursionErrorType            = newExcType("RecursionError", RuntimeErrorType)
	SyntaxErrorType               = newExcType("SyntaxError", ExceptionType)
	IndentationErrorType          = newExcType("IndentationError", SyntaxErrorType)
	TabErrorType                  = newExcType("TabError", IndentationErrorType)
	SystemErrorType               = newExcType("SystemError", ExceptionType)
	TypeErrorType                 = newExcType("TypeError", ExceptionType)
	ValueErrorType                = newExcType("ValueError", ExceptionType)
	UnicodeErrorType              = newExcType("UnicodeError", ValueErrorType)
	UnicodeDecodeErrorType        = newExcType("UnicodeDecodeError", UnicodeErrorType)
	UnicodeEncodeErrorType        = newExcType("UnicodeEncodeError", UnicodeErrorType)
	UnicodeTranslateErrorType     = newExcType("UnicodeTranslateError", UnicodeErrorType)
	WarningType                   = newExcType("Warning", ExceptionType)
	DeprecationWarningType        = newExcType("DeprecationWarning", WarningType)
	PendingDeprecationWarningType = newExcType("PendingDeprecationWarning", WarningType)
	RuntimeWarningType            = newExcType("RuntimeWarning", WarningType)
	SyntaxWarningType             = newExcType("SyntaxWarning", WarningType)
	UserWarningType               = newExcType("UserWarning", WarningType)
	FutureWarningType             = newExcType("FutureWarning", WarningType)
	ImportWarningType             = newExcType("ImportWarning", WarningType)
	UnicodeWarningType            = newExcType("UnicodeWarning", WarningType)
	BytesWarningType              = newExcType("BytesWarning", WarningType)
	ResourceWarningType           = newExcType("ResourceWarning", WarningType)
	EncodingWarningType           = newExcType("EncodingWarning", WarningType)
)

var excTypes []*Type

func newExcType(name string, bases ...*Type) *Type {
	var base *Type
	if len(bases) > 0 {
		base = bases[0]
	}
	if base == nil {
		base = ObjectType
		bases = []*Type{ObjectType}
	}
	t := newBuiltinType(name, base)
	t.SetBases(bases)
	excTypes = append(excTypes, t)
	return t
}

// excKeywords is the keyword arguments an exception type takes (3.10's
// AttributeError(name=, obj=) and NameError(name=)), or nil.
func excKeywords(typ *Type) []string {
	switch {
	case typ.IsSubtype(AttributeErrorType):
		return []string{"name", "obj"}
	case typ.IsSubtype(NameErrorType):
		return []string{"name"}
	}
	return nil
}

func newExceptionInstance(typ *Type, args []Object, kw []string) *BaseException {
	npos := len(args) - len(kw)
	return &BaseException{typ: typ, args: NewTuple(append([]Object(nil), args[:npos]...)...)}
}

func init() {
	b := BaseExceptionType
	b.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		if len(kw) > 0 && !typ.isHeap() && excKeywords(typ) == nil {
			return nil, TypeErrorf("%s() takes no keyword arguments", typ.Name())
		}
		return newExceptionInstance(typ, args, kw), nil
	}
	b.Init = func(t *Thread, self Object, args []Object, kw []string) error {
		e := self.(*BaseException)
		npos := len(args) - len(kw)
		if names := excKeywords(e.typ); names != nil {
			for i, k := range kw {
				if !slices.Contains(names, k) {
					return TypeErrorf("'%s' is an invalid keyword argument for %s()", k, e.typ.Name())
				}
				e.Dict().SetStr(k, args[npos+i])
			}
		} else if len(kw) > 0 && !e.typ.isHeap() {
			return TypeErrorf("%s() takes no keyword arguments", e.typ.Name())
		}
		e.SetArgs(NewTuple(append([]Object(nil), args[:npos]...)...))
		return nil
	}
	b.Repr = func(t *Thread, o Object) (Object, error) {
		e := o.(*BaseException)
		if e.Args() != nil && len(e.Args().items) == 1 {
			r, err := ReprString(t, e.Args().items[0])
			if err != nil {
				return nil, err
			}
			return NewStr(e.typ.Name() + "(" + r + ")"), nil
		}
		r, err := ReprString(t, e.Args())
		if err != nil {
			return nil, err
		}
		return NewStr(e.typ.Name() + r), nil
	}
	b.Str = func(t *Thread, o Object) (Object, error) {
		e := o.(*BaseException)
		if e.Args() == nil || len(e.Args().items) == 0 {
			return Intern(""), nil
		}
		if len(e.Args().items) == 1 {
			return StrOf(t, e.Args().items[0])
		}
		return Repr(t, e.Args())
	}
	b.GetAttr = excGetAttr
	b.SetAttr = excSetAttr
	b.Flags.Or(FlagBaseExcSub)
	b.hasDict = true
	KeyErrorType.Str = func(t *Thread, o Object) (Object, error) {
		e := o.(*BaseException)
		if e.Args() != nil && len(e.Args().items) == 1 {
			return Repr(t, e.Args().items[0])
		}
		return BaseExceptionType.Str(t, o)
	}
	StopIterationType.Init = func(t *Thread, self Object, args []Object, kw []string) error {
		e := self.(*BaseException)
		e.SetArgs(NewTuple(append([]Object(nil), args...)...))
		var v Object = None
		if len(args) > 0 {
			v = args[0]
		}
		e.Dict().SetStr("value", v)
		return nil
	}
	SystemExitType.Init = func(t *Thread, self Object, args []Object, kw []string) error {
		e := self.(*BaseException)
		e.SetArgs(NewTuple(append([]Object(nil), args...)...))
		var v Object = None
		if len(args) == 1 {
			v = args[0]
		} else if len(args) > 1 {
			v = e.Args()
		}
		e.Dict().SetStr("code", v)
		return nil
	}
	// SyntaxError(msg, (filename, lineno, offset, text[, end_lineno,
	// end_offset])) fills in the location attributes, as CPython's
	// SyntaxError_init does; they drive the caret display.
	SyntaxErrorType.Init = func(t *Thread, self Object, args []Object, kw []string) error {
		if err := BaseExceptionType.Init(t, self, args, kw); err != nil {
			return err
		}
		e := self.(*BaseException)
		items := e.Args().items
		if len(items) >= 1 {
			e.Dict().SetStr("msg", items[0])
		}
		if len(items) != 2 {
			return nil
		}
		info, err := ToSlice(t, items[1])
		if err != nil {
			return err
		}
		if len(info) < 4 || len(info) > 6 {
			if len(info) < 4 {
				return TypeErrorf("function takes at least 4 arguments (%d given)", len(info))
			}
			return TypeErrorf("function takes at most 6 arguments (%d given)", len(info))
		}
		if len(info) == 5 {
			return TypeErrorf("end_offset must be provided when end_lineno is provided")
		}
		d := e.Dict()
		for i, name := range []string{"filename", "lineno", "offset", "text", "end_lineno", "end_offset"} {
			if i < len(info) {
				d.SetStr(name, info[i])
			}
		}
		return nil
	}
	for _, et := range excTypes {
		registerType(et)
	}
}

func excGetAttr(t *Thread, o Object, name *Str) (Object, error) {
	e := o.(*BaseException)
	switch name.s {
	case "args":
		return e.Args(), nil
	case "__traceback__":
		if v := e.Traceback(); v != nil {
			return v, nil
		}
		return None, nil
	case "__cause__":
		if v := e.Cause(); v != nil {
			return v, nil
		}
		return None, nil
	case "__context__":
		if v := e.Context(); v != nil {
			return v, nil
		}
		return None, nil
	case "__suppress_context__":
		return Bool(e.SuppressContext()), nil
	case "__dict__":
		return e.Dict(), nil
	case "value":
		if e.typ.IsSubtype(StopIterationType) {
			if v := e.Dict().GetStr("value"); v != nil {
				return v, nil
			}
			return stopIterationValue(e), nil
		}
	case "code":
		if e.typ.IsSubtype(SystemExitType) {
			if v := e.Dict().GetStr("code"); v != nil {
				return v, nil
			}
			if len(e.Args().items) == 1 {
				return e.Args().items[0], nil
			}
			if len(e.Args().items) == 0 {
				return None, nil
			}
			return e.Args(), nil
		}
	case "name", "obj":
		if e.typ.IsSubtype(AttributeErrorType) || e.typ.IsSubtype(NameErrorType) || e.typ.IsSubtype(ImportErrorType) {
			if v := e.Dict().getStr(name); v != nil {
				return v, nil
			}
			if descr := e.typ.Lookup(name); descr == nil {
				return None, nil
			}
		}
	case "msg":
		if e.typ.IsSubtype(ImportErrorType) || e.typ.IsSubtype(SyntaxErrorType) {
			if v := e.Dict().getStr(name); v != nil {
				return v, nil
			}
			if len(e.Args().items) > 0 {
				return e.Args().items[0], nil
			}
			return None, nil
		}
	case "path", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "errno", "strerror", "filename2":
		if v := e.Dict().getStr(name); v != nil {
			return v, nil
		}
		if e.typ.IsSubtype(ImportErrorType) || e.typ.IsSubtype(SyntaxErrorType) || e.typ.IsSubtype(OSErrorType) {
			if descr := e.typ.Lookup(name); descr == nil {
				return None, nil
			}
		}
	case "print_file_and_line":
		// a SyntaxError member that is None until set
		if v := e.Dict().getStr(name); v != nil {
			return v, nil
		}
		if e.typ.IsSubtype(SyntaxErrorType) && e.typ.Lookup(name) == nil {
			return None, nil
		}
	case "__notes__":
		if v := e.Notes(); v != nil {
			return v, nil
		}
	case "exceptions":
		if e.Exceptions != nil {
			return e.Exceptions, nil
		}
	case "message":
		if e.Message != nil {
			return e.Message, nil
		}
	}
	return GenericGetAttr(t, o, name)
}

func excSetAttr(t *Thread, o Object, name *Str, v Object) error {
	e := o.(*BaseException)
	switch name.s {
	case "args":
		if v == nil {
			return TypeErrorf("args may not be deleted")
		}
		items, err := ToSlice(t, v)
		if err != nil {
			return err
		}
		e.SetArgs(NewTuple(items...))
		return nil
	case "__traceback__":
		switch tb := v.(type) {
		case *Traceback:
			e.SetTraceback(tb)
		case NoneType:
			e.SetTraceback(nil)
		default:
			return TypeErrorf("__traceback__ must be a traceback or None")
		}
		return nil
	case "__cause__":
		if v == None {
			e.SetCause(nil)
		} else if _, ok := v.(*BaseException); ok {
			e.SetCause(v)
		} else {
			return TypeErrorf("exception cause must be None or derive from BaseException")
		}
		e.SetSuppressContext(true)
		return nil
	case "__context__":
		if v == None {
			e.SetContext(nil)
		} else if _, ok := v.(*BaseException); ok {
			e.SetContext(v)
		} else {
			return TypeErrorf("exception context must be None or derive from BaseException")
		}
		return nil
	case "__suppress_context__":
		b, err := IsTrue(t, v)
		e.SetSuppressContext(b)
		return err
	case "__notes__":
		e.SetNotes(v)
		return nil
	}
	return GenericSetAttr(t, o, name, v)
}
