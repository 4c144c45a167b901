package py

import (
	"os"
	"sort"
	"strings"
	"sync"
)

// The _io native module: io.py re-exports it and builtins.open is its open.

var ioModuleOnce sync.Once

// ioFixModuleNames sets __module__ of the io types to "_io" (finishTypes
// labels every built-in type "builtins").
func ioFixModuleNames() {
	ioModuleOnce.Do(func() {
		for _, typ := range []*Type{IOBaseType, RawIOBaseType, BufferedIOBaseType, TextIOBaseType, FileIOType, BytesIOType,
			StringIOType, BufferedReaderType, BufferedWriterType, BufferedRandomType, BufferedRWPairType, TextIOWrapperType,
			IncrementalNewlineDecoderType} {
			typ.Dict.SetStr("__module__", Intern("_io"))
			typ.modified()
		}
	})
}

// UnsupportedOperationType is io.UnsupportedOperation (an OSError and a
// ValueError); made on first use.
func UnsupportedOperationType() *Type {
	unsupportedOnce.Do(func() {
		unsupportedType = &Type{names: &typeNames{"UnsupportedOperation", "UnsupportedOperation"}, Dict: NewDict()}
		unsupportedType.Flags.Store(FlagBaseType | FlagHeapType)
		unsupportedType.SetHierarchy(OSErrorType, []*Type{OSErrorType, ValueErrorType}, nil)
		mro, _ := computeMRO(unsupportedType)
		unsupportedType.SetMRO(mro)
		unsupportedType.hasDict = true
		inheritSlots(unsupportedType)
		unsupportedType.Dict.SetStr("__module__", NewStr("io"))
		unsupportedType.Dict.SetStr("__doc__", None)
	})
	return unsupportedType
}

var unsupportedOnce sync.Once
var unsupportedType *Type

// ioOpen is io.open / builtins.open.
func ioOpen(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
	var file, modeObj, bufObj, encoding, errors, newline, closefd, opener Object
	if err := ParseArgs("open", args, kw, []string{"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"}, 1,
		&file, &modeObj, &bufObj, &encoding, &errors, &newline, &closefd, &opener); err != nil {
		return nil, err
	}
	mode := "r"
	if modeObj != nil {
		ms, ok := modeObj.(*Str)
		if !ok {
			return nil, TypeErrorf("open() argument 'mode' must be str, not %s", typeName(modeObj))
		}
		mode = ms.s
	}
	buffering := int64(-1)
	if bufObj != nil {
		n, err := AsInt64(t, bufObj)
		if err != nil {
			return nil, err
		}
		buffering = n
	}
	for _, o := range []struct {
		v    Object
		name string
	}{{encoding, "encoding"}, {errors, "errors"}, {newline, "newline"}} {
		if o.v != nil && o.v != None {
			if _, ok := o.v.(*Str); !ok {
				return nil, TypeErrorf("open() argument '%s' must be str or None, not %s", o.name, typeName(o.v))
			}
		}
	}
	switch file.(type) {
	case Int, Bool, *Str, *Bytes:
	default:
		if _, err := ioFsPath(t, file); err != nil {
			if _, ok := unwrap(file).(Int); !ok {
				return nil, TypeErrorf("expected str, bytes or os.PathLike object, not %s", typeName(file))
			}
		}
	}
	seen := map[rune]bool{}
	for _, c := range mode {
		if !strings.ContainsRune("axrwb+t", c) || seen[c] {
			r, _ := ReprString(t, modeObj)
			if modeObj == nil {
				r = "'" + mode + "'"
			}
			return nil, ValueErrorf("invalid mode: %s", r)
		}
		seen[c] = true
	}
	creating, reading, writing, appending := seen['x'], seen['r'], seen['w'], seen['a']
	updating, text, binary := seen['+'], seen['t'], seen['b']
	if text && binary {
		return nil, ValueErrorf("can't have text and binary mode at once")
	}
	n := 0
	for _, b := range []bool{creating, reading, writing, appending} {
		if b {
			n++
		}
	}
	if n > 1 {
		return nil, ValueErrorf("must have exactly one of create/read/write/append mode")
	}
	if binary {
		if encoding != nil && encoding != None {
			return nil, ValueErrorf("binary mode doesn't take an encoding argument")
		}
		if errors != nil && errors != None {
			return nil, ValueErrorf("binary mode doesn't take an errors argument")
		}
		if newline != nil && newline != None {
			return nil, ValueErrorf("binary mode doesn't take a newline argument")
		}
	}
	rawMode := ""
	switch {
	case creating:
		rawMode = "x"
	case reading:
		rawMode = "r"
	case writing:
		rawMode = "w"
	case appending:
		rawMode = "a"
	}
	if updating {
		rawMode += "+"
	}
	rawArgs := []Object{file, NewStr(rawMode)}
	var rawKw []string
	if closefd != nil {
		rawArgs = append(rawArgs, closefd)
		rawKw = append(rawKw, "closefd")
	}
	if opener != nil {
		rawArgs = append(rawArgs, opener)
		rawKw = append(rawKw, "opener")
	}
	raw, err := Call(t, FileIOType, rawArgs, rawKw)
	if err != nil {
		return nil, err
	}
	result := raw
	fail := func(err error) (Object, error) {
		CallMethod(t, result, "close")
		return nil, err
	}
	lineBuffering := false
	isatty := false
	if buffering == 1 || buffering < 0 {
		r, err := CallMethod(t, raw, "isatty")
		if err != nil {
			return fail(err)
		}
		isatty, _ = IsTrue(t, r)
	}
	if buffering == 1 || (buffering < 0 && isatty) {
		buffering = -1
		lineBuffering = true
	}
	if buffering < 0 {
		buffering = ioDefaultBufferSize
		if f, ok := unwrap(raw).(*fileIO); ok && f.blksize > 1 {
			buffering = f.blksize
		}
	}
	if buffering == 0 {
		if binary {
			return raw, nil
		}
		return fail(ValueErrorf("can't have unbuffered text I/O"))
	}
	var btype *Type
	switch {
	case updating:
		btype = BufferedRandomType
	case creating || writing || appending:
		btype = BufferedWriterType
	default:
		btype = BufferedReaderType
	}
	buffer, err := Call(t, btype, []Object{raw, Int(buffering)}, nil)
	if err != nil {
		return fail(err)
	}
	result = buffer
	if binary {
		return buffer, nil
	}
	if encoding == nil || encoding == None {
		encoding = NewStr(ioLocaleEncoding())
	}
	if errors == nil {
		errors = None
	}
	if newline == nil {
		newline = None
	}
	wrapper, err := Call(t, TextIOWrapperType, []Object{buffer, encoding, errors, newline, Bool(lineBuffering)}, nil)
	if err != nil {
		return fail(err)
	}
	result = wrapper
	if d := instanceDict(wrapper); d != nil {
		d.SetStr("mode", NewStr(mode))
	}
	return wrapper, nil
}

func init() {
	RegisterNativeModule("_io", func(t *Thread) (*Module, error) {
		ioFixModuleNames()
		m := NewModule("_io")
		d := m.dict
		d.SetStr("DEFAULT_BUFFER_SIZE", Int(ioDefaultBufferSize))
		d.SetStr("BlockingIOError", BlockingIOErrorType)
		d.SetStr("UnsupportedOperation", UnsupportedOperationType())
		for _, typ := range []*Type{IOBaseType, RawIOBaseType, BufferedIOBaseType, TextIOBaseType, FileIOType, BytesIOType,
			StringIOType, BufferedReaderType, BufferedWriterType, BufferedRandomType, BufferedRWPairType, TextIOWrapperType,
			IncrementalNewlineDecoderType} {
			d.SetStr(typ.Name(), typ)
		}
		if o := t.interp.Builtins.dict.GetStr("open"); o != nil {
			d.SetStr("open", o)
		} else {
			m.AddFunc("open", ioOpen)
		}
		m.AddFunc("open_code", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var path Object
			if err := ParseArgs("open_code", args, kw, []string{"path"}, 1, &path); err != nil {
				return nil, err
			}
			if _, ok := path.(*Str); !ok {
				return nil, TypeErrorf("open_code() argument 'path' must be str, not %s", typeName(path))
			}
			return ioOpen(t, nil, []Object{path, NewStr("rb")}, nil)
		})
		m.AddFunc("text_encoding", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var enc, level Object
			if err := ParseArgs("text_encoding", args, kw, []string{"", ""}, 1, &enc, &level); err != nil {
				return nil, err
			}
			if enc != None {
				return enc, nil
			}
			return NewStr("locale"), nil
		})
		return m, nil
	})
}

// ---- the standard streams ----

// NewStdStream makes sys.stdin/stdout/stderr: a TextIOWrapper over a
// FileIO on fd (not closed by it). Output to a terminal is line buffered,
// stderr always; unbuffered (-u) makes the binary layer a raw FileIO and
// the text layer write-through.
func NewStdStream(name string, f *os.File, write, unbuffered bool) Object {
	ioFixModuleNames()
	fd := int(f.Fd())
	mode := "rb"
	if write {
		mode = "wb"
	}
	fio := &fileIO{fd: fd, seekable: -1, closefd: false, blksize: ioDefaultBufferSize, readable: !write, writable: write}
	raw := newSubclassInstance(FileIOType, fio).(*Instance)
	LoadPtr(&raw.dict).SetStr("name", NewStr(name))
	var buffer Object = raw
	if !unbuffered || !write {
		bt := BufferedReaderType
		if write {
			bt = BufferedWriterType
		}
		b := &buffered{raw: raw, native: fio, readable: !write, writable: write, size: ioDefaultBufferSize, ok: true}
		buffer = newSubclassInstance(bt, b)
		if write {
			b.register()
		}
	}
	errs := "strict"
	if name == "<stderr>" {
		errs = "backslashreplace"
	} else if ioCLocale() {
		errs = "surrogateescape"
	}
	x := &textIO{buffer: buffer, encoding: "utf-8", codec: "utf-8", errors: errs, newline: None,
		univ: true, translate: true, chunk: ioDefaultBufferSize, ok: true}
	if b, ok := unwrap(buffer).(*buffered); ok {
		x.native = b
	}
	// CPython's standard streams use newline="\n" on POSIX: no translation
	x.newline, x.univ, x.translate, x.readnl = NewStr("\n"), false, false, "\n"
	if write {
		x.writeThru = unbuffered
		x.lineBuf = !unbuffered && (name == "<stderr>" || posixIsatty(fd))
	}
	ioRegisterText(x)
	w := newSubclassInstance(TextIOWrapperType, x).(*Instance)
	LoadPtr(&w.dict).SetStr("mode", NewStr(mode[:1]))
	return w
}

// ioCLocale reports whether the C/POSIX locale is in force (CPython then
// uses surrogateescape on stdin/stdout).
func ioCLocale() bool {
	loc := os.Getenv("LC_ALL")
	if loc == "" {
		loc = os.Getenv("LC_CTYPE")
	}
	if loc == "" {
		loc = os.Getenv("LANG")
	}
	switch loc {
	case "", "C", "POSIX", "C.UTF-8", "C.utf8":
		return true
	}
	return false
}

// FlushStd flushes sys.stdout and sys.stderr, then every other open file
// (at interpreter exit).
func FlushStd(in *Interp, t *Thread) {
	if t == nil {
		// Python-level flush methods need a thread state
		t = in.NewThread()
	}
	for _, name := range []string{"stdout", "stderr"} {
		s := in.Sys.dict.GetStr(name)
		if s == nil || s == None {
			continue
		}
		if w, ok := s.(*Instance); ok && LoadPtr(&w.typ) == TextIOWrapperType {
			if x, ok := w.Base.(*textIO); ok && x.ok && !x.detached && x.lock.tryLock() {
				x.flush(t)
				x.lock.unlock()
			}
			continue
		}
		CallMethod(t, s, "flush")
	}
	FlushOpenFiles(t)
}

// WriteToFast writes s to file without a Python call when file is a
// native TextIOWrapper; ok is false otherwise.
func ioWriteFast(t *Thread, file Object, s string) (bool, error) {
	w, ok := ioWriteText(t, file)
	if !ok {
		return false, nil
	}
	return true, w(s)
}

// builtinModuleNames is sys.builtin_module_names: builtins, sys and the
// native modules (os.py looks for 'posix' there), except the stand-in
// for the host's sysconfig data (mod_sysconfigdata.go), which CPython
// reads from a file.
func builtinModuleNames() *Tuple {
	nativeMu.RLock()
	names := []string{"builtins", "sys"}
	for n := range nativeModules {
		if n == "_sysconfigdata_t_" {
			continue
		}
		names = append(names, n)
	}
	nativeMu.RUnlock()
	sort.Strings(names)
	items := make([]Object, len(names))
	for i, n := range names {
		items[i] = NewStr(n)
	}
	return NewTuple(items...)
}
