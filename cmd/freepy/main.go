// Command freepy runs Python 3.11 programs with threads in parallel.
//
// The command line follows CPython's: freepy [options] [-c cmd | -m mod |
// file | -] [args].
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"strings"

	_ "freepy/capi" // C extensions
	"freepy/interp/compile"
	"freepy/interp/py"
	"freepy/interp/syntax"
)

const usage = `usage: freepy [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options:
-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x
-c cmd : program passed in as string (terminates option list)
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script
-I     : isolate Python from the user's environment (implies -E and -s)
-m mod : run library module as a script (terminates option list)
-O     : remove assert and __debug__-dependent statements
-q     : don't print version and copyright messages on interactive startup
-s     : don't add user site directory to sys.path
-S     : don't imply 'import site' on initialization
-u     : force the stdout and stderr streams to be unbuffered
-V     : print the Python version number and exit (also --version)
-X opt : set implementation-specific option (gil=0|1, pycache_prefix=DIR, ...)
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
`

// hostLib is where the host CPython 3.11 keeps its pure-Python standard
// library, which freepy uses at run time (DESIGN.md).
const hostLib = "/usr/lib/python3.11"

// hostZip is where CPython 3.11 would find its standard library zipped.
const hostZip = "/usr/lib/python311.zip"

type options struct {
	command, module, script string
	fromStdin               bool
	ignoreEnv, isolated     bool
	unbuffered, inspect     bool
	quiet                   bool
	optimize                int
	noSite, noUserSite      bool
	dontWriteBytecode       bool
	xopts, wopts            []string
	args                    []string
}

func parseArgs(argv []string) (*options, int, bool) {
	o := &options{}
	i := 0
	for i < len(argv) {
		a := argv[i]
		if a == "-" {
			o.fromStdin = true
			o.args = argv[i:]
			return o, 0, true
		}
		if a == "--help" || a == "-h" || a == "-?" {
			fmt.Print(usage)
			return nil, 0, false
		}
		if a == "--version" || a == "-V" {
			fmt.Println("Python 3.11.7")
			return nil, 0, false
		}
		if !strings.HasPrefix(a, "-") || a == "" {
			o.script = a
			o.args = argv[i:]
			return o, 0, true
		}
		flags := a[1:]
		for j := 0; j < len(flags); j++ {
			c := flags[j]
			rest := flags[j+1:]
			takeArg := func() (string, bool) {
				if rest != "" {
					return rest, true
				}
				if i+1 < len(argv) {
					i++
					return argv[i], true
				}
				return "", false
			}
			switch c {
			case 'c':
				v, ok := takeArg()
				if !ok {
					fmt.Fprintln(os.Stderr, "Argument expected for the -c option")
					fmt.Fprintln(os.Stderr, "usage: freepy [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `freepy -h' for more information.")
					return nil, 2, false
				}
				o.command = v
				o.args = append([]string{"-c"}, argv[i+1:]...)
				return o, 0, true
			case 'm':
				v, ok := takeArg()
				if !ok {
					fmt.Fprintln(os.Stderr, "Argument expected for the -m option")
					return nil, 2, false
				}
				o.module = v
				o.args = append([]string{v}, argv[i+1:]...)
				return o, 0, true
			case 'X':
				v, ok := takeArg()
				if !ok {
					fmt.Fprintln(os.Stderr, "Argument expected for the -X option")
					return nil, 2, false
				}
				o.xopts = append(o.xopts, v)
				j = len(flags)
			case 'W':
				v, ok := takeArg()
				if !ok {
					fmt.Fprintln(os.Stderr, "Argument expected for the -W option")
					return nil, 2, false
				}
				o.wopts = append(o.wopts, v)
				j = len(flags)
			case 'E':
				o.ignoreEnv = true
			case 'I':
				o.isolated, o.ignoreEnv, o.noUserSite = true, true, true
			case 'u':
				o.unbuffered = true
			case 'i':
				o.inspect = true
			case 'q':
				o.quiet = true
			case 'O':
				o.optimize++
			case 's':
				o.noUserSite = true
			case 'S':
				o.noSite = true
			case 'B':
				o.dontWriteBytecode = true
			case 'd', 'v', 'b', 'R', 'P':
			default:
				fmt.Fprintf(os.Stderr, "Unknown option: -%c\n", c)
				fmt.Fprintf(os.Stderr, "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h' for more information.\n", exeName())
				return nil, 2, false
			}
		}
		i++
	}
	o.fromStdin = true
	o.args = []string{""}
	return o, 0, true
}

func main() {
	// Go samples one allocation per 512 KB for its memory profile, and
	// each sample walks the goroutine's stack (runtime.callers,
	// mProf_Malloc): with the evaluation loop's deep Go stacks that is
	// about 80,000 instructions per sample, about 1% of an allocating
	// loop's instructions (127 per iteration of bench/ext_calls.py).
	// Nothing reads that profile unless FREEPY_MEMPROFILE is set (then
	// the rate is 64 KB), so it is off; the Go documentation asks
	// for the rate to be set once, as early as possible.
	runtime.MemProfileRate = memProfileRate()
	// FREEPY_CPUPROFILE=file writes a Go CPU profile of the run, for
	// developers working on the interpreter's speed.
	if prof := os.Getenv("FREEPY_CPUPROFILE"); prof != "" {
		f, err := os.Create(prof)
		if err == nil {
			pprof.StartCPUProfile(f)
			code := run(os.Args[1:])
			pprof.StopCPUProfile()
			f.Close()
			exit(code)
		}
	}
	// FREEPY_TRACE=file writes a Go execution trace of the run (go tool
	// trace; -pprof=sync shows where threads blocked, -pprof=sched how
	// long runnable threads waited for a processor).
	if tf := os.Getenv("FREEPY_TRACE"); tf != "" {
		f, err := os.Create(tf)
		if err == nil {
			trace.Start(f)
			code := run(os.Args[1:])
			trace.Stop()
			f.Close()
			exit(code)
		}
	}
	// FREEPY_MEMPROFILE=file writes the allocation profile of the run
	// (go tool pprof -sample_index=alloc_space), to find what allocates.
	if prof := os.Getenv("FREEPY_MEMPROFILE"); prof != "" {
		code := run(os.Args[1:])
		if f, err := os.Create(prof); err == nil {
			pprof.Lookup("allocs").WriteTo(f, 0)
			f.Close()
		}
		exit(code)
	}
	exit(run(os.Args[1:]))
}

// memProfileRate is the Go memory profile's sampling rate for this run:
// one sample per 64 KB when FREEPY_MEMPROFILE asks for the profile, else
// none (see main).
func memProfileRate() int {
	if os.Getenv("FREEPY_MEMPROFILE") != "" {
		return 64 << 10
	}
	return 0
}

func run(argv []string) int {
	// An interpreter's live heap is small next to its allocation rate;
	// Go's default GOGC=100 collects too often for it (measured in
	// docs/benchmarks.md, gcpace.go). An explicit GOGC still wins.
	startGCPacing(os.Getenv("GOGC") != "")
	o, code, ok := parseArgs(argv)
	if !ok {
		return code
	}
	in, t := py.NewInterp()
	in.SetStdlib(hostLib)
	sysd := in.Sys.Dict()
	// The prefixes of the host CPython, whose library freepy uses
	// (gettext, sysconfig and site derive paths from them).
	prefix := py.NewStr(filepath.Dir(filepath.Dir(hostLib)))
	for _, k := range []string{"prefix", "base_prefix", "exec_prefix", "base_exec_prefix"} {
		sysd.SetStr(k, prefix)
	}
	if o.unbuffered || (!o.ignoreEnv && os.Getenv("PYTHONUNBUFFERED") != "") {
		sysd.SetStr("stdout", py.NewStdStream("<stdout>", os.Stdout, true, true))
	}
	// PYTHON_GIL=1 / -X gil=1: one global lock, as in CPython 3.13t.
	gilMode := ""
	if !o.ignoreEnv {
		gilMode = os.Getenv("PYTHON_GIL")
	}
	for _, x := range o.xopts {
		if v, ok := strings.CutPrefix(x, "gil="); ok {
			gilMode = v
		}
	}
	switch gilMode {
	case "", "0":
	case "1":
		in.EnableGIL()
		t.AcquireGIL()
	default:
		fmt.Fprintln(os.Stderr, "Fatal Python error: config_read_gil: PYTHON_GIL / -X gil must be \"0\" or \"1\"")
		return 1
	}
	in.InstallSignalHandlers()
	bool2int := func(b bool) int {
		if b {
			return 1
		}
		return 0
	}
	if !o.ignoreEnv && os.Getenv("PYTHONDONTWRITEBYTECODE") != "" {
		o.dontWriteBytecode = true
	}
	utf8, uerr := utf8Mode(o)
	if uerr != nil {
		fmt.Fprintf(os.Stderr, "Fatal Python error: preconfig_init_utf8_mode: %v\nPython runtime state: preinitializing\n\n", uerr)
		return 1
	}
	in.SetFlags(py.Flags{Isolated: bool2int(o.isolated), IgnoreEnvironment: bool2int(o.ignoreEnv),
		NoUserSite: bool2int(o.noUserSite), NoSite: bool2int(o.noSite), Inspect: bool2int(o.inspect),
		Quiet: bool2int(o.quiet), Optimize: o.optimize, DontWriteBytecode: bool2int(o.dontWriteBytecode), SafePath: o.isolated,
		UTF8Mode: utf8})
	// The bytecode cache (sys.pycache_prefix: -X pycache_prefix=DIR, else
	// PYTHONPYCACHEPREFIX). Where a __pycache__ directory cannot be
	// written (the host's standard library), compiled modules go to the
	// per-user cache directory instead.
	cachePrefix := ""
	if !o.ignoreEnv {
		cachePrefix = os.Getenv("PYTHONPYCACHEPREFIX")
	}
	for _, x := range o.xopts {
		if v, ok := strings.CutPrefix(x, "pycache_prefix="); ok {
			cachePrefix = v
		}
	}
	if cachePrefix != "" {
		sysd.SetStr("pycache_prefix", py.NewStr(cachePrefix))
	}
	in.EnableCodeCache(userCacheDir())
	if len(o.wopts) > 0 {
		warn := make([]py.Object, len(o.wopts))
		for i, w := range o.wopts {
			warn[i] = py.NewStr(w)
		}
		sysd.SetStr("warnoptions", py.NewList(warn...))
	}
	xd := sysd.GetStr("_xoptions").(*py.Dict)
	for _, x := range o.xopts {
		k, v, found := strings.Cut(x, "=")
		if found {
			xd.SetStr(k, py.NewStr(v))
		} else {
			xd.SetStr(k, py.True)
		}
	}
	// sys.argv
	argvList := make([]py.Object, len(o.args))
	for i, a := range o.args {
		argvList[i] = py.NewStr(a)
	}
	sysd.SetStr("argv", py.NewList(argvList...))
	// sys.path: script directory (or ''), PYTHONPATH, the host stdlib, and
	// what site adds (site-packages, .pth files). As in CPython, site runs
	// before the script's directory is inserted in front.
	var path0 []py.Object
	switch {
	case o.script != "":
		if !o.isolated {
			dir := filepath.Dir(o.script)
			if abs, err := filepath.Abs(dir); err == nil {
				dir = abs
			}
			path0 = append(path0, py.NewStr(dir))
		}
	case !o.isolated:
		cwd := ""
		if o.module != "" {
			cwd, _ = os.Getwd()
		}
		path0 = append(path0, py.NewStr(cwd))
	}
	var path []py.Object
	if !o.ignoreEnv {
		if pp := os.Getenv("PYTHONPATH"); pp != "" {
			for _, p := range strings.Split(pp, ":") {
				if p != "" {
					path = append(path, py.NewStr(p))
				}
			}
		}
	}
	// CPython lists its zipped standard library first even when the
	// archive does not exist (Debian ships none); programs that index
	// sys.path expect the same entries.
	path = append(path, py.NewStr(hostZip), py.NewStr(hostLib), py.NewStr(hostLib+"/lib-dynload"))
	for _, p := range path {
		in.Path.Append(p)
	}
	defer flushStd(in)
	if !o.noSite {
		// CPython stops with a fatal error when site cannot be imported;
		// freepy reports it and runs the program without site-packages.
		if _, err := t.Import("site", nil, nil, 0); err != nil {
			fmt.Fprint(os.Stderr, py.FormatException(t, py.AsException(err)))
		}
	}
	// site may have replaced sys.path: insert into the current one
	syspath, _ := sysd.GetStr("path").(*py.List)
	if syspath == nil {
		syspath = in.Path
	}
	for i, p := range path0 {
		syspath.Insert(i, p)
	}

	mainMod := py.NewModule("__main__")
	md := mainMod.Dict()
	md.SetStr("__builtins__", in.Builtins)
	in.Modules.SetStr("__main__", mainMod)
	flags := compile.Flags{Optimize: o.optimize}

	var err error
	switch {
	case o.command != "":
		err = runText(t, o.command, md, flags)
	case o.module != "":
		err = runModule(t, o.module, md, flags)
	case o.script != "":
		src, rerr := os.ReadFile(o.script)
		if rerr != nil {
			fmt.Fprintf(os.Stderr, "%s: can't open file %s: [Errno 2] No such file or directory\n", exeName(), quoteAbs(o.script))
			return 2
		}
		// since 3.9 the script's path is made absolute (__file__, tracebacks)
		script := o.script
		if abs, aerr := filepath.Abs(script); aerr == nil {
			script = abs
		}
		md.SetStr("__file__", py.NewStr(script))
		py.RegisterSource(script, string(src))
		err = runFile(t, src, script, md, flags)
	default:
		if isTerminal(os.Stdin) {
			return repl(t, md, o.quiet)
		}
		src, _ := io.ReadAll(os.Stdin)
		err = runFile(t, src, "<stdin>", md, flags)
	}
	if err == nil && o.inspect {
		status := repl(t, md, true)
		py.Shutdown(t)
		return status
	}
	status := exitStatus(t, err)
	// as Py_FinalizeEx: join non-daemon threads, then run atexit functions
	py.Shutdown(t)
	return status
}

// userCacheDir is the per-user directory for compiled modules:
// $XDG_CACHE_HOME/freepy, else ~/.cache/freepy ("" if neither is known).
func userCacheDir() string {
	if d := os.Getenv("XDG_CACHE_HOME"); filepath.IsAbs(d) {
		return filepath.Join(d, "freepy")
	}
	if h := os.Getenv("HOME"); filepath.IsAbs(h) {
		return filepath.Join(h, ".cache", "freepy")
	}
	return ""
}

// exeName is how CPython names itself in command-line errors: argv[0].
func exeName() string { return os.Args[0] }

func quoteAbs(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		abs = p
	}
	return "'" + abs + "'"
}

func runSource(t *py.Thread, src []byte, filename string, globals *py.Dict, flags compile.Flags) error {
	code, err := py.CompileSource(t, src, filename, syntax.ModeExec, flags)
	return runCode(t, code, err, globals)
}

// runFile runs a script read from a file or standard input, which CPython
// decodes itself (an encoding it cannot use is "encoding problem").
func runFile(t *py.Thread, src []byte, filename string, globals *py.Dict, flags compile.Flags) error {
	code, err := py.CompileFile(t, src, filename, flags)
	return runCode(t, code, err, globals)
}

// runText runs -c's command: text already, whose coding declaration does
// not apply.
func runText(t *py.Thread, src string, globals *py.Dict, flags compile.Flags) error {
	code, err := py.CompileText(t, src, "<string>", syntax.ModeExec, flags)
	return runCode(t, code, err, globals)
}

func runCode(t *py.Thread, code *py.Code, err error, globals *py.Dict) error {
	if err != nil {
		return err
	}
	_, err = t.ExecCode(code, globals, globals)
	return err
}

// runModule is -m: find the module like the import system does and run
// its source as __main__ (runpy needs importlib machinery freepy does not
// have yet; this covers modules, packages with __main__ and submodules).
func runModule(t *py.Thread, name string, globals *py.Dict, flags compile.Flags) error {
	notFound := func(msg string) error {
		fmt.Fprintf(os.Stderr, "%s: %s\n", exeName(), msg)
		return errExit(1)
	}
	parent, last := "", name
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		parent, last = name[:i], name[i+1:]
	}
	var dirs []py.Object
	if parent != "" {
		pm, err := t.Import(parent, nil, py.NewTuple(py.NewStr("__name__")), 0)
		if err != nil {
			if py.IsInstanceOf(err, py.ModuleNotFoundErrorType) {
				return notFound("No module named " + name)
			}
			return err
		}
		p, err := py.GetAttrString(t, pm, "__path__")
		if err != nil {
			return notFound("No module named " + name)
		}
		dirs, err = py.ToSlice(t, p)
		if err != nil {
			return err
		}
	} else {
		dirs = t.Interp().Path.Items()
	}
	for _, d := range dirs {
		dir, _ := py.StrString(t, d)
		if dir == "" {
			dir, _ = os.Getwd()
		}
		if st, err := os.Stat(filepath.Join(dir, last, "__init__.py")); err == nil && !st.IsDir() {
			if _, err := t.Import(name, nil, py.NewTuple(py.NewStr("__name__")), 0); err != nil {
				return err
			}
			if _, err := os.Stat(filepath.Join(dir, last, "__main__.py")); err != nil {
				return notFound("No module named " + name + ".__main__; '" + name + "' is a package and cannot be directly executed")
			}
			return runModuleFile(t, filepath.Join(dir, last, "__main__.py"), name, globals, flags)
		}
		file := filepath.Join(dir, last+".py")
		if st, err := os.Stat(file); err == nil && !st.IsDir() {
			return runModuleFile(t, file, parent, globals, flags)
		}
	}
	// a namespace package, a built-in module or a C extension: what the
	// import system finds decides, as runpy's _get_module_details does
	m, err := t.Import(name, nil, py.NewTuple(py.NewStr("__name__")), 0)
	if err != nil {
		if py.IsInstanceOf(err, py.ModuleNotFoundErrorType) {
			return notFound("No module named " + name)
		}
		return err
	}
	if p, err := py.GetAttrString(t, m, "__path__"); err == nil {
		entries, err := py.ToSlice(t, p)
		if err != nil {
			return err
		}
		for _, e := range entries {
			dir, _ := py.StrString(t, e)
			if main := filepath.Join(dir, "__main__.py"); fileIsRegular(main) {
				return runModuleFile(t, main, name, globals, flags)
			}
		}
		return notFound("No module named " + name + ".__main__; '" + name + "' is a package and cannot be directly executed")
	}
	return notFound("No code object available for " + name)
}

func fileIsRegular(path string) bool {
	st, err := os.Stat(path)
	return err == nil && st.Mode().IsRegular()
}

// runModuleFile runs a module's file as __main__ within package pkg.
func runModuleFile(t *py.Thread, file, pkg string, globals *py.Dict, flags compile.Flags) error {
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	if abs, aerr := filepath.Abs(file); aerr == nil {
		file = abs
	}
	sysd := t.Interp().Sys.Dict()
	if argv, ok := sysd.GetStr("argv").(*py.List); ok {
		argv.SetItemAt(0, py.NewStr(file))
	}
	globals.SetStr("__file__", py.NewStr(file))
	globals.SetStr("__package__", py.NewStr(pkg))
	py.RegisterSource(file, string(src))
	code, err := py.CompileSource(t, src, file, syntax.ModeExec, flags)
	if err != nil {
		return err
	}
	run, err := runpyFrames(t)
	if err != nil {
		return err
	}
	_, err = py.Call2(t, run, code, globals)
	return err
}

// runpyFrames returns a function that runs a module's code object as
// CPython's -m does: under two frames of the frozen runpy module, which
// tracebacks, traceback.print_stack() and sys._getframe() show. The
// functions keep runpy's names and the line numbers of 3.11's calls
// (_run_module_as_main at line 198 calls _run_code, whose exec is at
// line 88); a frozen module has no source, so no line text is printed.
func runpyFrames(t *py.Thread) (py.Object, error) {
	src := strings.Repeat("\n", 86) +
		"def _run_code(code, run_globals):\n" +
		"    exec(code, run_globals)\n" +
		strings.Repeat("\n", 108) +
		"def _run_module_as_main(code, main_globals):\n" +
		"    return _run_code(code, main_globals)\n"
	code, err := py.CompileText(t, src, "<frozen runpy>", syntax.ModeExec, compile.Flags{})
	if err != nil {
		return nil, err
	}
	g := py.NewDict()
	g.SetStr("__name__", py.NewStr("runpy"))
	g.SetStr("__builtins__", t.Interp().Builtins)
	if _, err := t.ExecCode(code, g, g); err != nil {
		return nil, err
	}
	return g.GetStr("_run_module_as_main"), nil
}

// utf8Mode decides sys.flags.utf8_mode as CPython does: -X utf8[=0|1],
// else PYTHONUTF8 (unless -E/-I), else on for the C and POSIX locales
// (the locale named by LC_ALL, LC_CTYPE or LANG; none is C). A locale
// name that is not installed counts as itself here, where CPython falls
// back to C (docs/architecture.md).
func utf8Mode(o *options) (int, error) {
	parse := func(v string) (int, bool) {
		switch v {
		case "1":
			return 1, true
		case "0":
			return 0, true
		}
		return 0, false
	}
	mode := -1
	for _, x := range o.xopts {
		switch {
		case x == "utf8":
			mode = 1
		case strings.HasPrefix(x, "utf8="):
			m, ok := parse(x[len("utf8="):])
			if !ok {
				return 0, fmt.Errorf("invalid -X utf8 option value")
			}
			mode = m
		}
	}
	if mode >= 0 {
		return mode, nil
	}
	if !o.ignoreEnv {
		if v := os.Getenv("PYTHONUTF8"); v != "" {
			m, ok := parse(v)
			if !ok {
				return 0, fmt.Errorf("invalid PYTHONUTF8 environment variable value")
			}
			return m, nil
		}
	}
	name := ""
	for _, k := range []string{"LC_ALL", "LC_CTYPE", "LANG"} {
		if name = os.Getenv(k); name != "" {
			break
		}
	}
	if name == "" || name == "C" || name == "POSIX" {
		return 1, nil
	}
	return 0, nil
}

type errExit int

func (e errExit) Error() string { return "exit" }

// exitStatus reports an uncaught exception like CPython and returns the
// process exit status.
func exitStatus(t *py.Thread, err error) int {
	if err == nil {
		return 0
	}
	if e, ok := err.(errExit); ok {
		return int(e)
	}
	exc := py.AsException(err)
	if py.IsInstanceOf(exc, py.SystemExitType) {
		code, _ := py.GetAttrString(t, exc, "code")
		switch c := code.(type) {
		case nil, py.NoneType:
			return 0
		case py.Int:
			return int(c) & 0xff
		case py.Bool:
			if c {
				return 1
			}
			return 0
		default:
			s, _ := py.StrString(t, c)
			flushStd(t.Interp())
			writeStderr(t, s+"\n")
			return 1
		}
	}
	flushStd(t.Interp())
	hook := t.Interp().Sys.Dict().GetStr("excepthook")
	if hook != nil {
		var tb py.Object = py.None
		if etb := exc.Traceback(); etb != nil {
			tb = etb
		}
		if _, herr := py.Call(t, hook, []py.Object{exc.Type(), exc, tb}, nil); herr == nil {
			flushStd(t.Interp())
			return exitCodeFor(exc)
		}
	}
	writeStderr(t, py.FormatException(t, exc))
	return exitCodeFor(exc)
}

// exitCodeFor is the status after an uncaught exception was reported.
// CPython ends by SIGINT after a KeyboardInterrupt (shells see 130): main
// does that when diedOfInterrupt is set.
func exitCodeFor(exc *py.BaseException) int {
	if py.IsInstanceOf(exc, py.KeyboardInterruptType) {
		diedOfInterrupt = true
		return 130
	}
	return 1
}

// diedOfInterrupt is set when the program ended with an uncaught
// KeyboardInterrupt.
var diedOfInterrupt bool

// exit ends the process with code, or by SIGINT after an uncaught
// KeyboardInterrupt.
func exit(code int) {
	if diedOfInterrupt {
		py.DieOfSIGINT()
	}
	os.Exit(code)
}

func writeStderr(t *py.Thread, s string) {
	if err := py.WriteTo(t, t.Interp().Sys.Dict().GetStr("stderr"), s); err != nil {
		os.Stderr.WriteString(s)
	}
}

func flushStd(in *py.Interp) {
	py.FlushStd(in, nil)
}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// repl is the interactive prompt.
func repl(t *py.Thread, globals *py.Dict, quiet bool) int {
	if !quiet {
		fmt.Fprintln(os.Stderr, "Python 3.11.7 (freepy) on linux\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.")
	}
	r := bufio.NewReader(os.Stdin)
	var buf strings.Builder
	for {
		prompt := ">>> "
		if buf.Len() > 0 {
			prompt = "... "
		}
		fmt.Fprint(os.Stderr, prompt)
		line, err := r.ReadString('\n')
		if err != nil && line == "" {
			fmt.Fprintln(os.Stderr)
			return 0
		}
		buf.WriteString(line)
		src := buf.String()
		// a blank line ends a compound statement
		if buf.Len() > len(line) && strings.TrimSpace(line) != "" {
			continue
		}
		if perr := py.ParseOnly([]byte(src), syntax.ModeSingle); perr != nil && py.IsIncomplete(perr) && strings.TrimSpace(line) != "" {
			continue
		}
		buf.Reset()
		if strings.TrimSpace(src) == "" {
			continue
		}
		code, cerr := py.CompileSource(t, []byte(src), "<stdin>", syntax.ModeSingle, compile.Flags{})
		if cerr == nil {
			_, cerr = t.ExecCode(code, globals, globals)
		}
		flushStd(t.Interp())
		if cerr != nil {
			exc := py.AsException(cerr)
			if py.IsInstanceOf(exc, py.SystemExitType) {
				return exitStatus(t, exc)
			}
			writeStderr(t, py.FormatException(t, exc))
		}
	}
}
