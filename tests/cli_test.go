package tests

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// cliCase is one command-line behaviour, run under both interpreters in the
// same fresh directory (so paths printed by either agree).
type cliCase struct {
	name  string
	args  []string          // interpreter arguments; "{dir}" becomes the run directory
	stdin string            // standard input
	files map[string]string // files created in the run directory first
	env   []string          // extra environment; "{dir}" is substituted too
	// check, when set, replaces the default comparison (stdout, last line
	// of stderr, exit code) and returns "" when freepy's result is right.
	check func(ref, got result) string
}

func cliKey(name string) string { return "cli:" + name }

// caretProg raises in several ways; CPython 3.11 underlines the failing
// expression of each traceback line ('^', or '~' and '^' for binary
// operators and subscripts), and freepy must print the same traceback.
const caretProg = `def f(a, b):
    return a.x + b[0] * 2
class A:
    x = 1
def g(d):
    return d["key"]["other"]
def h(n):
    return (n +
            undefined)
def k(s):
    return s.upper().lower().missing()
def m(x):
    y = 10 // x
    return y
def calls():
    return f(A(), [None])
def à(é):
    return é['ü'] + 1
import sys
which = sys.argv[1]
if which == "1": calls()
if which == "2": g({"key": {}})
if which == "3": h(1)
if which == "4": k("x")
if which == "5": m(0)
if which == "6": à({'ü': 'x'})
if which == "7": [1, 2, 3][10]
if which == "8": print(1 / 0)
if which == "9": int("x") + 1
`

// sameStderr compares the whole of stderr (the traceback), stdout and the
// exit code.
func sameStderr(ref, got result) string {
	if ref.stderr != got.stderr || ref.stdout != got.stdout || ref.exit != got.exit {
		return fmt.Sprintf("want exit %d, stderr:\n%s\ngot exit %d, stderr:\n%s", ref.exit, ref.stderr, got.exit, got.stderr)
	}
	return ""
}

// sitePaths shows what site did (the zip entry CPython lists but never
// finds is left out).
const sitePaths = "import sys; print([p for p in sys.path if not p.endswith('.zip')], 'site' in sys.modules, sys.flags.no_site)"

// utf8Prog shows UTF-8 mode and what follows from it.
const utf8Prog = "import sys, locale; print(sys.flags.utf8_mode, locale.getpreferredencoding(), locale.getpreferredencoding(False))"

// printArgv is a script that shows what a program sees of its command line.
const printArgv = "import sys\nprint(sys.argv)\n"

var cliCases = []cliCase{
	{name: "c", args: []string{"-c", "print(6 * 7)"}},
	{name: "c_argv", args: []string{"-c", "import sys; print(sys.argv)", "a", "-x", "--y"}},
	{name: "c_multiline", args: []string{"-c", "for i in range(3):\n    print(i)\n"}},
	{name: "c_exception", args: []string{"-c", "1/0"}},
	{name: "c_syntax_error", args: []string{"-c", "print(("}},
	// -c's command is text: its coding declaration does not apply; a
	// script's does, and one no codec knows is "encoding problem"
	{name: "c_coding_ignored", args: []string{"-c", "# coding: xyz\nprint('ran')"}},
	{name: "script_coding_unknown", args: []string{"prog.py"},
		files: map[string]string{"prog.py": "# coding: xyz\nprint('ran')\n"}},
	{name: "script_coding_latin9", args: []string{"prog.py"},
		files: map[string]string{"prog.py": "# coding: latin9\nprint(ascii('\xa4'))\n"}},
	{name: "script_argv", args: []string{"prog.py", "one", "two words", "-c"},
		files: map[string]string{"prog.py": printArgv}},
	{name: "script_path0", args: []string{"sub/prog.py"},
		files: map[string]string{
			"sub/prog.py":   "import sys, helper\nprint(sys.argv[0], helper.X)\n",
			"sub/helper.py": "X = 'helper from the script directory'\n",
		}},
	{name: "script_missing", args: []string{"no_such_file.py"}},
	{name: "exit_code", args: []string{"-c", "import sys; sys.exit(3)"}},
	{name: "exit_message", args: []string{"-c", "import sys; sys.exit('bye')"}},
	{name: "exit_none", args: []string{"-c", "raise SystemExit"}},
	{name: "traceback_carets_1", args: []string{"prog.py", "1"}, files: map[string]string{"prog.py": caretProg}, check: sameStderr},
	{name: "traceback_carets_2", args: []string{"prog.py", "2"}, files: map[string]string{"prog.py": caretProg}, check: sameStderr},
	{name: "traceback_carets_3", args: []string{"prog.py", "3"}, files: map[string]string{"prog.py": caretProg}, check: sameStderr},
	{name: "traceback_carets_4", args: []string{"prog.py", "4"}, files: map[string]string{"prog.py": caretProg}, check: sameStderr},
	{name: "traceback_carets_5", args: []string{"prog.py", "5"}, files: map[string]string{"prog.py": caretProg}, check: sameStderr},
	{name: "traceback_carets_6", args: []string{"prog.py", "6"}, files: map[string]string{"prog.py": caretProg}, check: sameStderr},
	{name: "traceback_carets_7", args: []string{"prog.py", "7"}, files: map[string]string{"prog.py": caretProg}, check: sameStderr},
	{name: "traceback_carets_8", args: []string{"prog.py", "8"}, files: map[string]string{"prog.py": caretProg}, check: sameStderr},
	{name: "traceback_carets_9", args: []string{"prog.py", "9"}, files: map[string]string{"prog.py": caretProg}, check: sameStderr},
	// site runs at start-up (site-packages on sys.path, before the
	// script's directory is put first); -S skips it, -I keeps it
	{name: "site_paths", args: []string{"-c", sitePaths}},
	{name: "site_paths_S", args: []string{"-S", "-c", sitePaths}},
	{name: "site_paths_I", args: []string{"-I", "-c", sitePaths}},
	// undecodable bytes in the script: the message alone, no location
	{name: "script_non_utf8", args: []string{"prog.py"}, check: sameStderr,
		files: map[string]string{"prog.py": "x = 1\ny = \"\xff\"\n"}},
	{name: "script_bom_utf8_cookie", args: []string{"prog.py"}, check: sameStderr,
		files: map[string]string{"prog.py": "\xef\xbb\xbf#coding: utf8\nprint(1)\n"}},
	{name: "script_unknown_cookie", args: []string{"prog.py"}, check: sameStderr,
		files: map[string]string{"prog.py": "#coding: bogus\nprint(1)\n"}},
	{name: "exit_uncaught", args: []string{"prog.py"},
		files: map[string]string{"prog.py": "def f():\n    raise ValueError('boom')\nprint('before')\nf()\n"}},
	{name: "m_module", args: []string{"-m", "mod", "x", "y"},
		files: map[string]string{"mod.py": "import sys\nprint(__name__, sys.argv[1:])\nprint(sys.argv[0].endswith('mod.py'))\n"}},
	{name: "m_package", args: []string{"-m", "pkg"},
		files: map[string]string{
			"pkg/__init__.py": "print('init', __name__)\n",
			"pkg/__main__.py": "from . import helper\nprint('main', __name__, __package__, helper.V)\n",
			"pkg/helper.py":   "V = 5\n",
		}},
	// runpy's two frozen frames sit under the module's, as in CPython
	{name: "m_traceback", args: []string{"-m", "mod"}, check: sameStderr,
		files: map[string]string{"mod.py": "def f():\n    1/0\nf()\n"}},
	{name: "m_frames", args: []string{"-m", "mod"}, check: sameStderr,
		files: map[string]string{"mod.py": "import sys, traceback\nf = sys._getframe(1)\nprint(f.f_code.co_name, f.f_code.co_filename, f.f_lineno, f.f_back.f_code.co_name, f.f_back.f_back)\ntraceback.print_stack()\n"}},
	{name: "m_stdlib_json_tool", args: []string{"-m", "json.tool", "--sort-keys"}, stdin: `{"b": 1, "a": [1, 2, {"c": null}]}`},
	{name: "m_missing", args: []string{"-m", "no_such_module_here"}},
	// namespace packages (directories without __init__.py), nested too,
	// and modules without source
	{name: "m_namespace_main", args: []string{"-m", "nsp.inner", "a"},
		files: map[string]string{
			"nsp/inner/__main__.py": "import sys\nfrom . import helper\nprint('main', __name__, __package__, helper.V, sys.argv[1:])\nimport nsp, nsp.inner\nprint(type(nsp.__path__).__name__, type(nsp.__spec__.loader).__name__, nsp.inner.__spec__.origin)\n",
			"nsp/inner/helper.py":   "V = 7\n",
		}},
	{name: "m_namespace_nomain", args: []string{"-m", "nsp.inner"},
		files: map[string]string{"nsp/inner/helper.py": "V = 7\n"}},
	{name: "m_namespace_top", args: []string{"-m", "nsp"},
		files: map[string]string{"nsp/helper.py": "V = 7\n"}},
	// UTF-8 mode (PEP 540): on for the C/POSIX locale, -X utf8, PYTHONUTF8
	{name: "utf8_mode_utf8_locale", args: []string{"-c", utf8Prog}, env: []string{"LC_ALL=C.UTF-8"}},
	{name: "utf8_mode_c_locale", args: []string{"-c", utf8Prog}, env: []string{"LC_ALL=C"}},
	{name: "utf8_mode_posix_lang", args: []string{"-c", utf8Prog}, env: []string{"LC_ALL=", "LC_CTYPE=", "LANG=POSIX"}},
	{name: "utf8_mode_x", args: []string{"-X", "utf8", "-c", utf8Prog}, env: []string{"LC_ALL=C.UTF-8"}},
	{name: "utf8_mode_x0", args: []string{"-X", "utf8=0", "-c", utf8Prog}, env: []string{"LC_ALL=C.UTF-8", "PYTHONUTF8=1"}},
	{name: "utf8_mode_env", args: []string{"-c", utf8Prog}, env: []string{"LC_ALL=C.UTF-8", "PYTHONUTF8=1"}},
	{name: "utf8_mode_env_ignored", args: []string{"-E", "-c", utf8Prog}, env: []string{"LC_ALL=C.UTF-8", "PYTHONUTF8=1"}},
	{name: "utf8_mode_bad_x", args: []string{"-X", "utf8=2", "-c", utf8Prog}},
	{name: "utf8_mode_bad_env", args: []string{"-c", utf8Prog}, env: []string{"PYTHONUTF8=yes"}},
	{name: "m_builtin_module", args: []string{"-m", "sys"}},
	{name: "m_extension_module", args: []string{"-m", "math"}},
	// pdb driven by commands on stdin (tracing: trace.go)
	{name: "m_pdb_stdin", args: []string{"-m", "pdb", "prog.py"},
		stdin: "break f\ncontinue\nnext\np y\nwhere\nstep\nstep\ncontinue\n",
		files: map[string]string{"prog.py": "def f(x):\n    y = x * 2\n    return y\nprint(f(3))\nprint(\"done\")\n"}},
	{name: "m_pdb_jump", args: []string{"-m", "pdb", "prog.py"},
		stdin: "break 3\ncontinue\njump 2\nnext\nnext\np y\njump 9\ncontinue\n",
		files: map[string]string{"prog.py": "def f(x):\n    y = x * 2\n    y = y + 1\n    return y\nprint(f(3))\n"}},
	{name: "m_trace_trace", args: []string{"-m", "trace", "--trace", "prog.py"},
		files: map[string]string{"prog.py": "def f(x):\n    y = x * 2\n    return y\nfor i in range(2):\n    print(f(i))\n"}},
	{name: "m_trace_count", args: []string{"-m", "trace", "--count", "--summary", "--missing", "-C", "{dir}/cov", "prog.py"},
		files: map[string]string{"prog.py": "def f(x):\n    if x:\n        return 1\n    return 2\nprint(f(0))\n"}},
	{name: "m_cprofile", args: []string{"-m", "cProfile", "-s", "ncalls", "prog.py"},
		files: map[string]string{"prog.py": "def f(n):\n    return n if n < 2 else f(n - 1) + f(n - 2)\nprint(f(10))\n"},
		check: sameCProfileRows},
	{name: "u_flag", args: []string{"-u", "-c", "import sys; print(sys.stdout.write_through, sys.stderr.write_through)"}},
	{name: "u_unbuffered_order", args: []string{"-u", "-c",
		"import sys, os\nsys.stdout.write('a')\nos.write(1, b'b')\nsys.stdout.write('c\\n')\n"}},
	{name: "buffered_by_default", args: []string{"-c", "import sys; print(sys.stdout.write_through, sys.stdout.line_buffering)"}},
	{name: "E_ignores_pythonpath", args: []string{"-E", "-c",
		"import sys\ntry:\n    import onlyinlib\nexcept ImportError as e:\n    print('ImportError', e.name)\nprint(sys.flags.ignore_environment)\n"},
		files: map[string]string{"lib/onlyinlib.py": "print('imported')\n"},
		env:   []string{"PYTHONPATH={dir}/lib"}},
	{name: "pythonpath", args: []string{"-c", "import onlyinlib, sys; print(sys.flags.ignore_environment)"},
		files: map[string]string{"lib/onlyinlib.py": "print('imported', __name__)\n"},
		env:   []string{"PYTHONPATH={dir}/lib"}},
	{name: "pythonpath_order", args: []string{"-c", "import shadow; print(shadow.WHO)"},
		files: map[string]string{"a/shadow.py": "WHO = 'a'\n", "b/shadow.py": "WHO = 'b'\n"},
		env:   []string{"PYTHONPATH={dir}/b:{dir}/a"}},
	{name: "I_isolated", args: []string{"-I", "prog.py"},
		files: map[string]string{
			"prog.py": "import sys, os\nprint(sys.flags.isolated, sys.flags.ignore_environment, sys.flags.no_user_site)\n" +
				"print(os.path.dirname(os.path.abspath(__file__)) in sys.path, '' in sys.path)\n" +
				"try:\n    import sibling\nexcept ImportError:\n    print('no sibling')\n",
			"sibling.py": "print('sibling imported')\n",
		},
		env: []string{"PYTHONPATH={dir}"}},
	{name: "X_options", args: []string{"-X", "foo=bar", "-X", "flag", "-c", "import sys; print(sorted(sys._xoptions.items()))"}},
	{name: "O_strips_asserts", args: []string{"-O", "-c", "assert False, 'x'\nprint('ok', __debug__, __import__('sys').flags.optimize)"}},
	{name: "no_O_asserts", args: []string{"-c", "assert False, 'x'"}},
	{name: "S_no_site", args: []string{"-S", "-c", "import sys; print(sys.flags.no_site, 'site' in sys.modules)"}},
	{name: "B_flag", args: []string{"-B", "-c", "import sys; print(sys.flags.dont_write_bytecode, sys.dont_write_bytecode)"}},
	{name: "W_options", args: []string{"-W", "error::DeprecationWarning", "-c", "import sys; print(sys.warnoptions)"}},
	{name: "combined_flags", args: []string{"-uO", "-c", "import sys; print(sys.flags.optimize)"}},
	{name: "stdin_dash", args: []string{"-", "a", "b"}, stdin: printArgv + "print(__name__)\n"},
	{name: "stdin_implicit", stdin: printArgv + "print(sum(range(10)))\n"},
	{name: "stdin_exception", args: []string{"-"}, stdin: "print('x')\nraise KeyError('k')\n"},
	{name: "unknown_option", args: []string{"-Z"}},
	{name: "version", args: []string{"--version"}, check: checkVersion},
	{name: "version_V", args: []string{"-V"}, check: checkVersion},
	{name: "version_info", args: []string{"-c", "import sys; print(sys.version_info[:2], sys.version.split()[0][:4])"}},
	{name: "hashseed", args: []string{"-c", "print(hash('abc') == hash('abc'), hash(1), hash(-1), hash(2**61))"}},
	// the compiler's SyntaxWarnings reach stderr through the warnings
	// module; -W error makes them SyntaxErrors that show the source line
	{name: "syntax_warnings", args: []string{"prog.py"}, check: sameStderr,
		files: map[string]string{"prog.py": "x = 1\nprint(x is 1)\nassert (x, 'm')\nprint([(1, 2) for _ in ()])\n"}},
	{name: "syntax_warning_error", args: []string{"-W", "error", "prog.py"}, check: sameStderr,
		files: map[string]string{"prog.py": "x = 1\nprint(x is 1)\n"}},
	{name: "compile_error_source_line", args: []string{"prog.py"}, check: sameStderr,
		files: map[string]string{"prog.py": "def f():\n    nonlocal q\n"}},
	{name: "main_name", args: []string{"prog.py"},
		files: map[string]string{"prog.py": "print(__name__)\nimport __main__\nprint(__main__.__file__.endswith('prog.py'))\n"}},
}

var versionRE = regexp.MustCompile(`^Python 3\.11\.\d+\n$`)

// checkVersion accepts any 3.11 micro version: freepy need not match the
// reference's patch level.
func checkVersion(ref, got result) string {
	if got.err != nil {
		return fmt.Sprintf("freepy: %v", got.err)
	}
	if got.exit != 0 || !versionRE.MatchString(got.stdout) {
		return fmt.Sprintf("want exit 0 and stdout %q, got exit %d, stdout %q, stderr %q",
			ref.stdout, got.exit, got.stdout, lastLine(got.stderr))
	}
	return ""
}

// TestCLI compares freepy's command line with CPython's.
func TestCLI(t *testing.T) {
	if err := checkReference(); err != nil {
		t.Fatal(err)
	}
	for _, c := range cliCases {
		t.Run(c.name, func(t *testing.T) {
			cliStats.track(t)
			t.Parallel()
			dir := t.TempDir()
			for name, content := range c.files {
				path := filepath.Join(dir, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			subst := func(in []string) []string {
				out := make([]string, len(in))
				for i, s := range in {
					out[i] = strings.ReplaceAll(s, "{dir}", dir)
				}
				return out
			}
			spec := runSpec{args: subst(c.args), dir: dir, stdin: []byte(c.stdin), env: subst(c.env)}
			refSpec := spec
			refSpec.bin = refPython
			ref := normalizeProg(run(refSpec), refPython)
			if ref.err != nil {
				t.Fatalf("reference: %v", ref.err)
			}
			t.Logf("CPython: exit %d, last stderr line %q\nstdout:\n%s", ref.exit, lastLine(ref.stderr), ref.stdout)
			var got result
			if freepyBin == "" {
				got.err = freepyErr
			} else {
				spec.bin = freepyBin
				got = normalizeProg(run(spec), freepyBin)
			}
			check := c.check
			if check == nil {
				check = compareRuns
			}
			judge(t, cliKey(c.name), check(ref, got))
		})
	}
}

// normalizeProg replaces the interpreter's own path, which CPython puts in
// some messages ("python3.11: can't open file ..."), by PROG.
func normalizeProg(r result, bin string) result {
	r.stdout = strings.ReplaceAll(r.stdout, bin, "PROG")
	r.stderr = strings.ReplaceAll(r.stderr, bin, "PROG")
	return r
}

// sameCProfileRows compares the output of -m cProfile without the timings:
// the program's own output and, per row of the table, the call counts and
// the function, sorted.
func sameCProfileRows(ref, got result) string {
	rows := func(out string) []string {
		var keep []string
		for _, l := range strings.Split(out, "\n") {
			f := strings.Fields(l)
			switch {
			case len(f) >= 6 && strings.Contains(f[1], "."):
				keep = append(keep, f[0]+" "+strings.Join(f[5:], " "))
			case len(f) == 1:
				keep = append(keep, l)
			}
		}
		sort.Strings(keep)
		return keep
	}
	r, g := rows(ref.stdout), rows(got.stdout)
	if len(r) < 3 {
		return fmt.Sprintf("no cProfile table in CPython's output: %q", ref.stdout)
	}
	if strings.Join(r, "\n") != strings.Join(g, "\n") || ref.exit != got.exit {
		return fmt.Sprintf("cProfile rows differ:\nCPython: %q\nfreepy:  %q", r, g)
	}
	return ""
}
