package capi

/*
#include "shim.h"

// shim/breadth.c
extern PyMethodDef fpy_gofunc_def;
int fpy_run_pending_calls(PyThreadState *ts);
void fpy_run_atexit_funcs(void);
*/
import "C"

import (
	"math"
	"os"
	"strconv"
	"strings"
	"unsafe"

	"freepy/interp/py"
	"freepy/interp/pyfmt"
	"freepy/interp/strops"
)

// C-API functions of the 3.11 API that need the interpreter (the ones
// that compose other API functions are in shim/breadth.c).

func init() {
	staticGoTypes["PyInstanceMethod_Type"] = instanceMethodType
	py.PendingCalls = func(t *py.Thread) error {
		s := stateOf(t)
		if C.fpy_run_pending_calls(s.ts) < 0 {
			return s.fetchError()
		}
		return nil
	}
	py.ExitHook = func() { C.fpy_run_atexit_funcs() }
}

// fpyGo_Borrow turns a new reference into a borrowed one that the
// calling thread's autorelease pool keeps alive until the C call that
// asked returns (shim/breadth.c: PyFunction_GetCode and the other
// attribute readers that return borrowed references). Dropping the
// reference in C instead could free a mirror whose Go object lives on.
//
//export fpyGo_Borrow
func fpyGo_Borrow(ts *C.PyThreadState, op *C.PyObject) *C.PyObject {
	if op == nil {
		return nil
	}
	s := stateFromC(ts)
	s.autorelease(op)
	s.decref(op)
	return op
}

// ---- built-in functions and methods ----

// objArg is op's object as a T (an instance of a Python subclass
// unwrapped), or false with SystemError set as PyErr_BadInternalCall does.
// (listOf and dictOf, on call paths that matter, keep their own direct
// type assertions.)
func objArg[T py.Object](s *tstate, op *C.PyObject) (T, bool) {
	v, ok := py.Unwrap(s.fromC(op)).(T)
	if !ok {
		s.setError(py.Errorf(py.SystemErrorType, "bad argument to internal function"))
	}
	return v, ok
}

func (s *tstate) builtinOf(op *C.PyObject) (*py.Builtin, bool) {
	return objArg[*py.Builtin](s, op)
}

// PyCFunction_GetFunction gives the C function of a function defined in
// C; a function written in Go answers with the trampoline its mirror
// carries (what PyCFunction_GET_FUNCTION reads).
//
//export fpyGo_PyCFunction_GetFunction
func fpyGo_PyCFunction_GetFunction(ts *C.PyThreadState, op *C.PyObject) C.PyCFunction {
	s := stateFromC(ts)
	b, ok := s.builtinOf(op)
	if !ok {
		return nil
	}
	if def := (*C.PyMethodDef)(b.MethodDef()); def != nil {
		return def.ml_meth
	}
	return C.fpy_gofunc_def.ml_meth
}

//export fpyGo_PyCFunction_GetFlags
func fpyGo_PyCFunction_GetFlags(ts *C.PyThreadState, op *C.PyObject) C.int {
	s := stateFromC(ts)
	b, ok := s.builtinOf(op)
	if !ok {
		return -1
	}
	if def := (*C.PyMethodDef)(b.MethodDef()); def != nil {
		return def.ml_flags
	}
	return C.fpy_gofunc_def.ml_flags
}

// PyCFunction_GetSelf: the module of a module function, the object a
// method is bound to, NULL for a static method; borrowed.
//
//export fpyGo_PyCFunction_GetSelf
func fpyGo_PyCFunction_GetSelf(ts *C.PyThreadState, op *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	b, ok := s.builtinOf(op)
	if !ok {
		return nil
	}
	if def := (*C.PyMethodDef)(b.MethodDef()); def != nil && def.ml_flags&C.METH_STATIC != 0 {
		return nil
	}
	if b.Self == nil {
		return nil
	}
	return s.borrowed(b.Self)
}

// ---- instancemethod ----

// instanceMethod is PyInstanceMethod_New's object: a callable that binds
// like a function when found on a class (Cython's cyfunction wrappers).
type instanceMethod struct{ fn py.Object }

var instanceMethodType = func() *py.Type {
	t := py.NewExtensionType("instancemethod", "instancemethod", "", "", nil, false)
	t.DescrGet = func(th *py.Thread, self, obj py.Object, typ *py.Type) (py.Object, error) {
		im := self.(*instanceMethod)
		if obj == nil {
			return im.fn, nil
		}
		return &py.Method{Func: im.fn, Self: obj}, nil
	}
	t.Call = func(th *py.Thread, self py.Object, args []py.Object, kw []string) (py.Object, error) {
		return py.Call(th, self.(*instanceMethod).fn, args, kw)
	}
	t.New = func(th *py.Thread, _ *py.Type, args []py.Object, kw []string) (py.Object, error) {
		if len(args) != 1 || len(kw) != 0 {
			return nil, py.TypeErrorf("instancemethod expected 1 argument, got %d", len(args))
		}
		return &instanceMethod{fn: args[0]}, nil
	}
	t.GetAttr = func(th *py.Thread, self py.Object, name *py.Str) (py.Object, error) {
		if name.String() == "__func__" {
			return self.(*instanceMethod).fn, nil
		}
		if v, err := py.GenericGetAttr(th, self, name); err == nil {
			return v, nil
		}
		// everything else comes from the function (__doc__, __name__)
		return py.GetAttr(th, self.(*instanceMethod).fn, name)
	}
	if err := py.FinishExtensionType(t); err != nil {
		panic(err)
	}
	return t
}()

func (*instanceMethod) Type() *py.Type { return instanceMethodType }

// ---- functions and code ----

//export fpyGo_PyFunction_New
func fpyGo_PyFunction_New(ts *C.PyThreadState, code, globals *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	co, ok := s.fromC(code).(*py.Code)
	g, ok2 := py.Unwrap(s.fromCOrNone(globals)).(*py.Dict)
	if !ok || !ok2 {
		s.setError(py.Errorf(py.SystemErrorType, "bad argument to internal function"))
		return nil
	}
	return s.newRef(py.NewFunction(s.t, co, g))
}

//export fpyGo_PyCode_Addr2Line
func fpyGo_PyCode_Addr2Line(ts *C.PyThreadState, code *C.PyCodeObject, addr C.int) C.int {
	s := stateFromC(ts)
	co, ok := s.fromC((*C.PyObject)(unsafe.Pointer(code))).(*py.Code)
	if !ok {
		return -1
	}
	return C.int(py.CodeAddrLine(co, int(addr)))
}

// compileMode maps Py_file_input and the rest to compile()'s modes.
func compileMode(start C.int) (string, bool) {
	switch start {
	case C.Py_file_input:
		return "exec", true
	case C.Py_eval_input:
		return "eval", true
	case C.Py_single_input:
		return "single", true
	case C.Py_func_type_input:
		return "func_type", true
	}
	return "", false
}

// compilerFlagsMask: the PyCF_* and CO_FUTURE_* bits compile() accepts
// (PyCF_SOURCE_IS_UTF8 and the other internal ones are C-only).
const compilerFlagsMask = 0x1fe0000 | C.PyCF_ONLY_AST | C.PyCF_TYPE_COMMENTS | C.PyCF_ALLOW_TOP_LEVEL_AWAIT

// Py_CompileStringObject is compile(str, filename, mode, flags,
// dont_inherit=True, optimize): a code object, or an AST with
// PyCF_ONLY_AST.
//
//export fpyGo_Py_CompileStringObject
func fpyGo_Py_CompileStringObject(ts *C.PyThreadState, str *C.char, filename *C.PyObject, start C.int, flags *C.PyCompilerFlags, optimize C.int) *C.PyObject {
	s := stateFromC(ts)
	mode, ok := compileMode(start)
	if !ok {
		s.setError(py.Errorf(py.SystemErrorType, "invalid compile start symbol %d", int(start)))
		return nil
	}
	var fl int
	if flags != nil {
		fl = int(flags.cf_flags) & compilerFlagsMask
	}
	src := py.NewBytes([]byte(C.GoString(str)))
	args := []py.Object{src, s.fromC(filename), py.NewStr(mode), py.Int(fl), py.True, py.Int(optimize)}
	return s.ret(py.Call(s.t, s.t.Interp().BuiltinByName("compile"), args, nil))
}

//export fpyGo_PyEval_EvalCode
func fpyGo_PyEval_EvalCode(ts *C.PyThreadState, code, globals, locals *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	co, ok := s.fromC(code).(*py.Code)
	if !ok {
		s.setError(py.Errorf(py.SystemErrorType, "bad argument to internal function"))
		return nil
	}
	g, ok := py.Unwrap(s.fromCOrNone(globals)).(*py.Dict)
	if !ok {
		s.setError(py.Errorf(py.SystemErrorType, "PyEval_EvalCode: globals must be a dict"))
		return nil
	}
	var l py.Object
	if locals != nil {
		l = s.fromC(locals)
	}
	r, err := s.t.ExecCode(co, g, l)
	s.refresh(globals, g)
	return s.ret(r, err)
}

// ---- frames ----

func (s *tstate) frameRef(f *py.Frame) *C.PyFrameObject {
	if f == nil {
		return nil
	}
	return (*C.PyFrameObject)(unsafe.Pointer(s.newRef(f)))
}

func (s *tstate) frameOf(op *C.PyFrameObject) (*py.Frame, bool) {
	f, ok := s.fromC((*C.PyObject)(unsafe.Pointer(op))).(*py.Frame)
	if !ok {
		s.setError(py.Errorf(py.SystemErrorType, "bad argument to internal function"))
	}
	return f, ok
}

// PyEval_GetFrame: the frame of the Python code that called into C,
// borrowed.
//
//export fpyGo_PyEval_GetFrame
func fpyGo_PyEval_GetFrame(ts *C.PyThreadState) *C.PyFrameObject {
	s := stateFromC(ts)
	f := s.t.Frame()
	if f == nil {
		return nil
	}
	return (*C.PyFrameObject)(unsafe.Pointer(s.borrowed(f)))
}

// PyThreadState_GetFrame: a new reference to the frame a thread runs;
// only the calling thread's own is known (freepy's frames belong to the
// goroutine running them).
//
//export fpyGo_PyThreadState_GetFrame
func fpyGo_PyThreadState_GetFrame(ts *C.PyThreadState, target *C.PyThreadState) *C.PyFrameObject {
	s := stateFromC(ts)
	if target != ts {
		return nil
	}
	return s.frameRef(s.t.Frame())
}

//export fpyGo_PyFrame_GetBack
func fpyGo_PyFrame_GetBack(ts *C.PyThreadState, op *C.PyFrameObject) *C.PyFrameObject {
	s := stateFromC(ts)
	f, ok := s.frameOf(op)
	if !ok {
		return nil
	}
	return s.frameRef(f.Back())
}

//export fpyGo_PyFrame_GetCode
func fpyGo_PyFrame_GetCode(ts *C.PyThreadState, op *C.PyFrameObject) *C.PyCodeObject {
	s := stateFromC(ts)
	f, ok := s.frameOf(op)
	if !ok {
		return nil
	}
	return (*C.PyCodeObject)(unsafe.Pointer(s.newRef(f.Code())))
}

//export fpyGo_PyFrame_GetLineNumber
func fpyGo_PyFrame_GetLineNumber(ts *C.PyThreadState, op *C.PyFrameObject) C.int {
	s := stateFromC(ts)
	f, ok := s.frameOf(op)
	if !ok {
		return -1
	}
	return C.int(f.Line())
}

// PyEval_GetLocals: the calling frame's f_locals, borrowed.
//
//export fpyGo_PyEval_GetLocals
func fpyGo_PyEval_GetLocals(ts *C.PyThreadState) *C.PyObject {
	s := stateFromC(ts)
	f := s.t.Frame()
	if f == nil {
		s.setError(py.Errorf(py.SystemErrorType, "frame does not exist"))
		return nil
	}
	l, err := py.GetAttrString(s.t, f, "f_locals")
	if err != nil {
		s.setError(err)
		return nil
	}
	return s.borrowed(l)
}

// ---- iteration, lookups ----

//export fpyGo_PyIter_Send
func fpyGo_PyIter_Send(ts *C.PyThreadState, iter, arg *C.PyObject, presult **C.PyObject) C.PySendResult {
	s := stateFromC(ts)
	r, done, err := py.SendInto(s.t, s.fromC(iter), s.fromCOrNone(arg))
	if err != nil {
		*presult = nil
		s.setError(err)
		return C.PYGEN_ERROR
	}
	*presult = s.newRef(r)
	if done {
		return C.PYGEN_RETURN
	}
	return C.PYGEN_NEXT
}

//export fpyGo__PyObject_LookupSpecial
func fpyGo__PyObject_LookupSpecial(ts *C.PyThreadState, o, name *C.PyObject) *C.PyObject {
	s := stateFromC(ts)
	n, ok := s.name(name)
	if !ok {
		return nil
	}
	r, err := py.LookupSpecial(s.t, s.fromC(o), n.String())
	if err != nil || r == nil {
		return s.ret(nil, err)
	}
	return s.newRef(r)
}

//export fpyGo_PyObject_LengthHint
func fpyGo_PyObject_LengthHint(ts *C.PyThreadState, o *C.PyObject, dflt C.Py_ssize_t) C.Py_ssize_t {
	s := stateFromC(ts)
	r, err := py.LengthHint(s.t, s.fromC(o), int(dflt))
	if err != nil {
		s.setError(err)
		return -1
	}
	n, err := py.IndexInt(s.t, r)
	if err != nil {
		s.setError(err)
		return -1
	}
	return C.Py_ssize_t(n)
}

// PyObject_GenericGetDict / SetDict: the __dict__ of an instance (what
// a tp_getset entry for "__dict__" uses).
//
//export fpyGo_PyObject_GenericGetDict
func fpyGo_PyObject_GenericGetDict(ts *C.PyThreadState, o *C.PyObject, context unsafe.Pointer) *C.PyObject {
	s := stateFromC(ts)
	if d := py.InstanceDict(s.fromC(o)); d != nil {
		return s.newRef(d)
	}
	s.setError(py.Errorf(py.AttributeErrorType, "This object has no __dict__"))
	return nil
}

//export fpyGo_PyObject_GenericSetDict
func fpyGo_PyObject_GenericSetDict(ts *C.PyThreadState, o, value *C.PyObject, context unsafe.Pointer) C.int {
	s := stateFromC(ts)
	if value == nil {
		s.setError(py.TypeErrorf("cannot delete __dict__"))
		return -1
	}
	v := s.fromC(value)
	d, ok := py.Unwrap(v).(*py.Dict)
	if !ok {
		s.setError(py.TypeErrorf("__dict__ must be set to a dictionary, not a '%s'", v.Type().Name()))
		return -1
	}
	if !py.SetInstanceDict(s.fromC(o), d) {
		s.setError(py.Errorf(py.AttributeErrorType, "This object has no __dict__"))
		return -1
	}
	return 0
}

//export fpyGo_PyType_SUPPORTS_WEAKREFS
func fpyGo_PyType_SUPPORTS_WEAKREFS(ts *C.PyThreadState, tp *C.PyTypeObject) C.int {
	if tp.tp_weaklistoffset > 0 {
		return 1
	}
	s := stateFromC(ts)
	gt, ok := s.fromC((*C.PyObject)(unsafe.Pointer(tp))).(*py.Type)
	if ok && gt.WeakrefInstances() {
		return 1
	}
	return 0
}

// ---- exceptions and tracebacks ----

//export fpyGo_PyErr_Display
func fpyGo_PyErr_Display(ts *C.PyThreadState, typ, val, tb *C.PyObject) {
	s := stateFromC(ts)
	v := s.fromCOrNone(val)
	e, ok := py.Unwrap(v).(*py.BaseException)
	if !ok {
		s.writeStd("stderr", "TypeError: print_exception(): Exception expected for value, "+v.Type().Name()+" found\n")
		return
	}
	if tb != nil {
		if t, ok := s.fromC(tb).(*py.Traceback); ok {
			e.SetTraceback(t)
		}
	}
	s.writeStd("stderr", py.FormatException(s.t, e))
}

// PyTraceBack_Print writes a traceback to a file object as the
// interpreter prints one (without the exception line).
//
//export fpyGo_PyTraceBack_Print
func fpyGo_PyTraceBack_Print(ts *C.PyThreadState, tb, f *C.PyObject) C.int {
	s := stateFromC(ts)
	if tb == nil {
		return 0
	}
	t, ok := s.fromC(tb).(*py.Traceback)
	if !ok {
		s.setError(py.Errorf(py.SystemErrorType, "bad argument to internal function"))
		return -1
	}
	mod, err := s.t.Import("traceback", nil, nil, 0)
	if err != nil {
		return s.retInt(err)
	}
	lines, err := py.CallMethod(s.t, mod, "format_tb", t)
	if err != nil {
		return s.retInt(err)
	}
	text, err := py.CallMethod(s.t, py.NewStr(""), "join", lines)
	if err != nil {
		return s.retInt(err)
	}
	out := "Traceback (most recent call last):\n" + text.(*py.Str).String()
	return s.retInt(py.WriteTo(s.t, s.fromC(f), out))
}

//export fpyGo_PyErr_SetInterruptEx
func fpyGo_PyErr_SetInterruptEx(ts *C.PyThreadState, signum C.int) C.int {
	if !py.TripSignal(int(signum)) {
		return -1
	}
	return 0
}

//export fpyGo_PyErr_SetInterrupt
func fpyGo_PyErr_SetInterrupt(ts *C.PyThreadState) { py.TripSignal(2) }

// ---- numbers to text ----

// PyOS_double_to_string formats as float.__format__ and repr do: 'r'
// is repr (precision 0), 'e', 'f', 'g' take a precision; the flags add
// a sign, a ".0" to integral results and the alternate form. The result
// is PyMem_Malloc'd.
//
//export fpyGo_PyOS_double_to_string
func fpyGo_PyOS_double_to_string(ts *C.PyThreadState, val C.double, code C.char, precision, flags C.int, ptype *C.int) *C.char {
	s := stateFromC(ts)
	v := float64(val)
	if flags&C.Py_DTSF_NO_NEG_0 != 0 && v == 0 {
		v = 0 // -0.0 formats as 0.0
	}
	var out string
	kind := C.Py_DTST_FINITE
	switch {
	case math.IsInf(v, 0):
		kind = C.Py_DTST_INFINITE
		out = "inf"
		if v < 0 {
			out = "-inf"
		}
	case math.IsNaN(v):
		kind = C.Py_DTST_NAN
		out = "nan"
		if math.Signbit(v) {
			out = "-nan"
		}
	}
	upper := false
	switch code {
	case 'E', 'F', 'G':
		upper = true
		code += 'a' - 'A'
	}
	if kind == C.Py_DTST_FINITE {
		switch code {
		case 'r':
			if precision != 0 {
				s.setError(py.Errorf(py.SystemErrorType, "bad argument to internal function"))
				return nil
			}
			out = pyfmt.FloatRepr(v)
		case 'e', 'f', 'g':
			spec := "." + strconv.Itoa(int(precision)) + string(rune(code))
			if flags&C.Py_DTSF_ALT != 0 {
				spec = "#" + spec
			}
			r, err := py.Format(s.t, py.Float(v), py.NewStr(spec))
			if err != nil {
				s.setError(err)
				return nil
			}
			out = r.(*py.Str).String()
			if flags&C.Py_DTSF_ADD_DOT_0 != 0 && !strings.ContainsAny(out, ".e") {
				out += ".0"
			}
		default:
			s.setError(py.Errorf(py.SystemErrorType, "bad argument to internal function"))
			return nil
		}
	}
	if upper {
		out = strings.ToUpper(out)
	}
	if flags&C.Py_DTSF_SIGN != 0 && !strings.HasPrefix(out, "-") {
		out = "+" + out
	}
	if ptype != nil {
		*ptype = C.int(kind)
	}
	p := (*C.char)(C.PyMem_Malloc(C.size_t(len(out) + 1)))
	if p == nil {
		s.setError(py.NewError(py.MemoryErrorType, ""))
		return nil
	}
	b := unsafe.Slice((*byte)(unsafe.Pointer(p)), len(out)+1)
	copy(b, out)
	b[len(out)] = 0
	return p
}

// ---- Unicode character database ----

//export fpyGo__PyUnicode_IsAlpha
func fpyGo__PyUnicode_IsAlpha(ts *C.PyThreadState, ch C.Py_UCS4) C.int {
	return cbool(strops.IsAlphaRune(rune(ch)))
}

//export fpyGo__PyUnicode_IsDecimalDigit
func fpyGo__PyUnicode_IsDecimalDigit(ts *C.PyThreadState, ch C.Py_UCS4) C.int {
	return cbool(strops.IsDecimalRune(rune(ch)))
}

//export fpyGo__PyUnicode_IsDigit
func fpyGo__PyUnicode_IsDigit(ts *C.PyThreadState, ch C.Py_UCS4) C.int {
	return cbool(strops.IsDigitRune(rune(ch)))
}

//export fpyGo__PyUnicode_IsNumeric
func fpyGo__PyUnicode_IsNumeric(ts *C.PyThreadState, ch C.Py_UCS4) C.int {
	return cbool(strops.IsNumericRune(rune(ch)))
}

//export fpyGo__PyUnicode_IsLowercase
func fpyGo__PyUnicode_IsLowercase(ts *C.PyThreadState, ch C.Py_UCS4) C.int {
	return cbool(strops.IsLowerRune(rune(ch)))
}

//export fpyGo__PyUnicode_IsUppercase
func fpyGo__PyUnicode_IsUppercase(ts *C.PyThreadState, ch C.Py_UCS4) C.int {
	return cbool(strops.IsUpperRune(rune(ch)))
}

//export fpyGo__PyUnicode_IsTitlecase
func fpyGo__PyUnicode_IsTitlecase(ts *C.PyThreadState, ch C.Py_UCS4) C.int {
	return cbool(strops.IsTitleRune(rune(ch)))
}

//export fpyGo__PyUnicode_IsLinebreak
func fpyGo__PyUnicode_IsLinebreak(ts *C.PyThreadState, ch C.Py_UCS4) C.int {
	return cbool(strops.IsLineBreakRune(rune(ch)))
}

//export fpyGo__PyUnicode_ToDigit
func fpyGo__PyUnicode_ToDigit(ts *C.PyThreadState, ch C.Py_UCS4) C.int {
	return C.int(strops.DigitValue(rune(ch)))
}

//export fpyGo__PyUnicode_ToNumeric
func fpyGo__PyUnicode_ToNumeric(ts *C.PyThreadState, ch C.Py_UCS4) C.double {
	if p := strops.UnicodeDB(false).Props(rune(ch)); p.HasNumeric {
		return C.double(p.Numeric)
	}
	return -1
}

// simpleCase is the one-character case mapping as CPython's database
// gives it: the first character of the full mapping ('ß'.upper() is
// "SS": 'S').
func simpleCase(ch C.Py_UCS4, full func(string) string) C.Py_UCS4 {
	for _, r := range full(string(rune(ch))) {
		return C.Py_UCS4(r)
	}
	return ch
}

//export fpyGo__PyUnicode_ToLowercase
func fpyGo__PyUnicode_ToLowercase(ts *C.PyThreadState, ch C.Py_UCS4) C.Py_UCS4 {
	return simpleCase(ch, strops.Lower)
}

//export fpyGo__PyUnicode_ToUppercase
func fpyGo__PyUnicode_ToUppercase(ts *C.PyThreadState, ch C.Py_UCS4) C.Py_UCS4 {
	return simpleCase(ch, strops.Upper)
}

//export fpyGo__PyUnicode_ToTitlecase
func fpyGo__PyUnicode_ToTitlecase(ts *C.PyThreadState, ch C.Py_UCS4) C.Py_UCS4 {
	return simpleCase(ch, strops.Title)
}

func cbool(b bool) C.int {
	if b {
		return 1
	}
	return 0
}

// ---- modules from definitions (PEP 489, called by hand) ----

// extOfDef is the extension a PyModuleDef belongs to: the one loading, or
// the one whose image holds def.
func (s *tstate) extOfDef(def *C.PyModuleDef) *extModule {
	if s.loading != nil {
		return s.loading
	}
	return extOfCode(unsafe.Pointer(def))
}

//export fpyGo_PyModule_FromDefAndSpec2
func fpyGo_PyModule_FromDefAndSpec2(ts *C.PyThreadState, def *C.PyModuleDef, spec *C.PyObject, apiver C.int) *C.PyObject {
	s := stateFromC(ts)
	fpyGo_PyModuleDef_Init(ts, def)
	sp := s.fromC(spec)
	n, err := py.GetAttrString(s.t, sp, "name")
	if err != nil {
		return s.ret(nil, err)
	}
	name, ok := n.(*py.Str)
	if !ok {
		s.setError(py.TypeErrorf("module name must be a string, not %s", n.Type().Name()))
		return nil
	}
	m, err := s.moduleFromDef(name.String(), def, sp, s.extOfDef(def))
	return s.ret(m, err)
}

//export fpyGo_PyModule_ExecDef
func fpyGo_PyModule_ExecDef(ts *C.PyThreadState, module *C.PyObject, def *C.PyModuleDef) C.int {
	s := stateFromC(ts)
	m, ok := s.fromC(module).(*py.Module)
	if !ok {
		s.setError(py.Errorf(py.SystemErrorType, "bad argument to internal function"))
		return -1
	}
	return s.retInt(s.runExecSlots(m, def, s.extOfDef(def)))
}

// ---- memory ----

// PyMemoryView_FromBuffer: a view of the memory info describes, which C
// owns and keeps alive (CPython's view has no obj either); items of a
// native one-character format, one dimension.
//
//export fpyGo_PyMemoryView_FromBuffer
func fpyGo_PyMemoryView_FromBuffer(ts *C.PyThreadState, info *C.Py_buffer) *C.PyObject {
	s := stateFromC(ts)
	if info.buf == nil {
		s.setError(py.ValueErrorf("PyMemoryView_FromBuffer(): info->buf must not be NULL"))
		return nil
	}
	fb := &py.ForeignBuf{Format: "B", ItemSize: 1, ReadOnly: info.readonly != 0}
	if info.len > 0 {
		fb.Data = unsafe.Slice((*byte)(info.buf), int(info.len))
	}
	if info.format != nil {
		fb.Format = C.GoString(info.format)
	}
	if info.itemsize > 0 {
		fb.ItemSize = int(info.itemsize)
	}
	return s.newRef(py.NewForeignMemoryView(py.None, fb))
}

// ---- the interpreter's life ----

//export fpyGo_SchedulePending
func fpyGo_SchedulePending() { py.SchedulePending() }

// Py_Exit finalises as the end of the program does (threads joined,
// atexit functions, standard streams flushed) and exits with status.
//
//export fpyGo_Py_Exit
func fpyGo_Py_Exit(ts *C.PyThreadState, status C.int) {
	s := stateFromC(ts)
	py.Shutdown(s.t)
	py.FlushStd(s.t.Interp(), s.t)
	os.Exit(int(status))
}

// PyThreadState_SetAsyncExc: thread id (threading.get_ident()) raises
// exc at its next check (the evaluation loop checks at backward jumps);
// exc NULL withdraws a request.
//
//export fpyGo_PyThreadState_SetAsyncExc
func fpyGo_PyThreadState_SetAsyncExc(ts *C.PyThreadState, id C.ulong, exc *C.PyObject) C.int {
	s := stateFromC(ts)
	var e py.Object
	if exc != nil {
		e = s.fromC(exc)
	}
	return C.int(py.SetAsyncExc(int64(id), e))
}

// addAsyncSlots exposes a C type's tp_as_async slots as the methods
// Python code looks up: am_await as __await__ (await on an instance of
// _asyncio.Future or of a Python subclass of it), am_aiter as __aiter__,
// am_anext as __anext__. A method of the same name in tp_methods wins.
func (s *tstate) addAsyncSlots(gt *py.Type, tp, base *C.PyTypeObject, ext *extModule) {
	am := tp.tp_as_async
	if am == nil {
		return
	}
	var bam *C.PyAsyncMethods
	if base != nil {
		bam = base.tp_as_async
	}
	for _, sl := range []struct {
		name     string
		f, inher unsafe.Pointer
	}{
		{"__await__", fnp(am.am_await), asyncSlot(bam, 0)},
		{"__aiter__", fnp(am.am_aiter), asyncSlot(bam, 1)},
		{"__anext__", fnp(am.am_anext), asyncSlot(bam, 2)},
	} {
		if !cSlot(sl.f, sl.inher) || gt.Dict.GetStr(sl.name) != nil {
			continue
		}
		f, what := sl.f, gt.Name()+"."+sl.name
		gt.Dict.SetStr(sl.name, &py.MethodDescr{Name: sl.name, Owner: gt,
			Fn: func(t *py.Thread, self py.Object, args []py.Object, kw []string) (py.Object, error) {
				if len(args) != 0 || len(kw) != 0 {
					return nil, py.TypeErrorf("%s() takes no arguments (%d given)", what, len(args)+len(kw))
				}
				s := stateOf(t)
				return s.call(ext, what, func() *C.PyObject { return C.fpy_call_unary(s.ts, f, s.borrow(self)) })
			}})
	}
}

// asyncSlot is slot i (am_await, am_aiter, am_anext) of a base's
// tp_as_async, nil when it has none.
func asyncSlot(am *C.PyAsyncMethods, i int) unsafe.Pointer {
	if am == nil {
		return nil
	}
	switch i {
	case 0:
		return fnp(am.am_await)
	case 1:
		return fnp(am.am_aiter)
	}
	return fnp(am.am_anext)
}
