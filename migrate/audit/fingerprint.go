package audit

import (
	"bytes"
	"regexp"
	"sort"
	"strings"
)

// Generator is a code generator or binding framework whose traces a binary
// carries. Version is filled in when the binary names it.
type Generator struct {
	Name     string `json:"name"`
	Version  string `json:"version,omitempty"`
	Evidence string `json:"evidence"`
}

// generatorSpec says how to recognise one generator: substrings of symbol
// names or of string sections, and optionally a pattern whose first group
// is the version.
type generatorSpec struct {
	name    string
	symbols []string // substrings of symbol names
	strs    []string // substrings of string sections
	// exclude: occurrences of these strings do not count as a match of
	// the needle they contain (a module that imports another module's
	// Cython C API carries "__pyx_capi__" without being Cython-made).
	exclude   []string
	version   *regexp.Regexp
	verFormat func(string) string
	// upgrade is the first migration step for modules it generated.
	upgrade string
}

var generatorSpecs = []generatorSpec{
	{
		name:    "Cython",
		symbols: []string{"__pyx_", "__Pyx_"},
		strs:    []string{"__pyx_", "__Pyx_", "cython_function_or_method", "_cython_"},
		exclude: []string{"__pyx_capi__"},
		// The shared-type module name embeds CYTHON_ABI, e.g. _cython_3_0_11.
		version:   regexp.MustCompile(`_cython_([0-9]+_[0-9]+(?:_[0-9]+)?)`),
		verFormat: func(s string) string { return strings.ReplaceAll(s, "_", ".") },
		upgrade:   "rebuild with Cython >= 3.1 and set `# cython: freethreading_compatible = True`",
	},
	{
		name:    "pybind11",
		symbols: []string{"_ZN8pybind11", "pybind11"},
		strs:    []string{"pybind11"},
		version: regexp.MustCompile(`__pybind11_internals_v([0-9]+)`),
		verFormat: func(s string) string {
			return "internals v" + s
		},
		upgrade: "rebuild with pybind11 >= 2.13 and pass py::mod_gil_not_used() to PYBIND11_MODULE",
	},
	{
		name:    "nanobind",
		symbols: []string{"_ZN8nanobind", "nanobind"},
		strs:    []string{"nanobind"},
		upgrade: "rebuild with nanobind >= 2.2 and its FREE_THREADED option",
	},
	{
		name:      "PyO3",
		symbols:   []string{"pyo3"},
		strs:      []string{"pyo3"},
		version:   regexp.MustCompile(`pyo3-([0-9]+\.[0-9]+\.[0-9]+)`),
		verFormat: func(s string) string { return s },
		upgrade:   "rebuild with PyO3 >= 0.23 and mark the module #[pymodule(gil_used = false)]",
	},
	{
		name:    "Rust",
		symbols: []string{"rust_panic", "rust_begin_unwind", "rust_eh_personality"},
		strs:    []string{"rustc version", "/rustc/"},
		upgrade: "",
	},
	{
		name:    "cffi",
		symbols: []string{"_cffi_"},
		strs:    []string{"_cffi_backend", "_cffi_"},
		upgrade: "regenerate with a cffi release that supports free-threading (2.0 or later)",
	},
	{
		name:    "SWIG",
		symbols: []string{"SWIG_", "Swig"},
		strs:    []string{"swig_runtime_data", "SwigPyObject", "SWIG_"},
		upgrade: "regenerate with a SWIG release that supports free-threading and review the wrapped library's own thread safety",
	},
	{
		name:    "Boost.Python",
		symbols: []string{"_ZN5boost6python", "_ZNK5boost6python"},
		upgrade: "Boost.Python has no free-threading support: keep the pseudo-GIL or port the bindings",
	},
	{
		name:    "mypyc",
		symbols: []string{"CPyStatics", "CPyModule_"},
		strs:    []string{"__mypyc_", "mypyc"},
		upgrade: "mypyc-compiled code follows mypyc's own free-threading status: rebuild with a release that supports it",
	},
	{
		name:    "sip",
		symbols: []string{"sipAPI_", "sipExportedModule"},
		strs:    []string{"sip._C_API"},
		upgrade: "regenerate with a sip release that supports free-threading",
	},
	{
		name:    "Shiboken",
		symbols: []string{"_ZN8Shiboken"},
		strs:    []string{"shiboken"},
		upgrade: "regenerate with a Shiboken (PySide) release that supports free-threading",
	},
	{
		name:    "f2py",
		strs:    []string{"auto-generated with f2py", "fortranobject"},
		upgrade: "rebuild with numpy >= 2.1's f2py (free-threading aware) and review the Fortran code's global (COMMON) state",
	},
}

var upgradeByName = func() map[string]string {
	m := map[string]string{}
	for _, g := range generatorSpecs {
		m[g.name] = g.upgrade
	}
	return m
}()

// detectGenerators looks for every known generator's traces.
func detectGenerators(b *binary) []Generator {
	var out []Generator
	for _, g := range generatorSpecs {
		ev := ""
		for _, needle := range g.symbols {
			for _, s := range b.symNames {
				if strings.Contains(s, needle) {
					ev = "symbol " + shorten(s, 48)
					break
				}
			}
			if ev != "" {
				break
			}
		}
		if ev == "" {
			for _, needle := range g.strs {
				if containsAny(b.strings, needle, g.exclude) {
					ev = "string " + strconvQuote(needle)
					break
				}
			}
		}
		if ev == "" {
			continue
		}
		gen := Generator{Name: g.name, Evidence: ev}
		if g.version != nil {
			gen.Version = findVersion(b, g.version, g.verFormat)
		}
		out = append(out, gen)
	}
	// PyO3 implies Rust: keep only the more specific name.
	if hasGen(out, "PyO3") {
		out = dropGen(out, "Rust")
	}
	return out
}

func findVersion(b *binary, re *regexp.Regexp, format func(string) string) string {
	// Several versions can appear (a vendored copy); report the highest
	// count's first seen, which is deterministic for a given file.
	counts := map[string]int{}
	var order []string
	add := func(v string) {
		if counts[v] == 0 {
			order = append(order, v)
		}
		counts[v]++
	}
	for _, s := range b.symNames {
		if m := re.FindStringSubmatch(s); m != nil {
			add(m[1])
		}
	}
	for _, sec := range b.strings {
		for _, m := range re.FindAllSubmatch(sec, 16) {
			add(string(m[1]))
		}
	}
	if len(order) == 0 {
		return ""
	}
	sort.SliceStable(order, func(i, j int) bool { return counts[order[i]] > counts[order[j]] })
	return format(order[0])
}

// containsAny reports whether needle occurs in a section other than as part
// of an excluded string.
func containsAny(secs [][]byte, needle string, exclude []string) bool {
	n := []byte(needle)
	for _, s := range secs {
		c := bytes.Count(s, n)
		for _, x := range exclude {
			if strings.Contains(x, needle) {
				c -= bytes.Count(s, []byte(x))
			}
		}
		if c > 0 {
			return true
		}
	}
	return false
}

func hasGen(gs []Generator, name string) bool {
	for _, g := range gs {
		if g.Name == name {
			return true
		}
	}
	return false
}

func dropGen(gs []Generator, name string) []Generator {
	out := gs[:0]
	for _, g := range gs {
		if g.Name != name {
			out = append(out, g)
		}
	}
	return out
}

func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n-3] + "..."
}

func strconvQuote(s string) string { return "\"" + s + "\"" }
