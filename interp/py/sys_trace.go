package py

// sys.settrace / sys.gettrace and sys.setprofile / sys.getprofile: the
// hooks of the calling thread, as in CPython (threading.settrace and
// threading.setprofile apply to threads started afterwards: the threading
// module calls these in each new thread). The events are emitted by
// trace.go; frame.f_trace and its flags are read and set here.

func init() {
	oneArg := func(name string, args []Object, kw []string) error {
		if len(args) != 1 || len(kw) != 0 {
			return TypeErrorf("%s() takes exactly one argument (%d given)", name, len(args))
		}
		return nil
	}
	SysExtras["settrace"] = func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if err := oneArg("settrace", args, kw); err != nil {
			return nil, err
		}
		t.setTrace(args[0])
		return None, nil
	}
	SysExtras["gettrace"] = func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if h := t.tstate; h != nil && h.traceFn != nil {
			return h.traceFn, nil
		}
		return None, nil
	}
	SysExtras["setprofile"] = func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if err := oneArg("setprofile", args, kw); err != nil {
			return nil, err
		}
		t.setProfile(args[0], nil)
		return None, nil
	}
	SysExtras["getprofile"] = func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
		if h := t.tstate; h != nil && h.profObj != nil {
			return h.profObj, nil
		}
		return None, nil
	}
}

// frameTraceGet reads f_trace, f_trace_lines and f_trace_opcodes.
func frameTraceGet(f *Frame, name string) Object {
	ft := f.ftrace
	switch name {
	case "f_trace":
		if ft == nil || ft.fn == nil {
			return None
		}
		return ft.fn
	case "f_trace_lines":
		return Bool(ft == nil || !ft.noLines)
	}
	return Bool(ft != nil && ft.opcodes)
}

// frameSetAttr sets f_trace (a frame already running gets its line
// events from its next instruction in the traced stream on), its flags,
// and f_lineno, which freepy does not support (no jumps).
func frameSetAttr(t *Thread, o Object, name *Str, v Object) error {
	f := o.(*Frame)
	switch name.s {
	case "f_trace", "f_trace_lines", "f_trace_opcodes":
		ft := f.ftrace
		if ft == nil {
			ft = &frameTrace{}
		}
		switch name.s {
		case "f_trace":
			if v == nil || v == None {
				ft.fn = nil
			} else {
				ft.fn = v
			}
		default:
			if v == nil {
				return TypeErrorf("cannot delete %s", name.s)
			}
			b, ok := v.(Bool)
			if !ok {
				return TypeErrorf("attribute value type must be bool")
			}
			if name.s == "f_trace_lines" {
				ft.noLines = !bool(b)
			} else {
				ft.opcodes = bool(b)
			}
		}
		f.markEscaped()
		f.ftrace = ft
		return nil
	case "f_lineno":
		if v == nil {
			return TypeErrorf("cannot delete f_lineno")
		}
		n, ok := v.(Int)
		if !ok {
			return ValueErrorf("lineno must be an integer")
		}
		return t.setLineno(f, int(n))
	}
	if name.s == "f_locals" || name.s == "f_code" || name.s == "f_back" || name.s == "f_globals" ||
		name.s == "f_builtins" || name.s == "f_lasti" {
		return Errorf(AttributeErrorType, "readonly attribute")
	}
	return Errorf(AttributeErrorType, "'frame' object has no attribute '%s'", name.s)
}
