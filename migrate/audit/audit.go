// Package audit is the static half of freepy's migration tool: it reads a
// compiled extension module (an ELF shared object) without loading it and
// reports what stands between it and running without a lock: borrowed-
// reference APIs, GIL APIs, private APIs, init style, free-threading
// declaration, generator, and global mutable state.
package audit

import (
	"bytes"
	"debug/elf"
	"fmt"
	"sort"
	"strings"
)

// File audits the shared object at path. It never panics and never loads
// the file; a file it cannot read yields a Report whose Error is set and
// whose Verdict is "error".
func File(path string) Report {
	b, err := readBinary(path)
	if err != nil {
		return Report{Path: path, Error: err.Error(), Verdict: VerdictError,
			VerdictReason: "the file could not be audited"}
	}
	return analyse(path, b)
}

func analyse(path string, b *binary) Report {
	r := Report{Path: path, ImportCount: len(b.imports), ExportCount: len(b.exports), Warnings: []string{}}
	r.Machine = b.machine.String()
	if m, c := hostMachine(); b.machine != m || b.class != c {
		r.WrongArch = true
		r.Warnings = append(r.Warnings, fmt.Sprintf("built for %s (%s), not this machine's %s: freepy here cannot load it; audited by its symbols only", b.machine, b.class, m))
	}
	if b.typ != elf.ET_DYN {
		r.Warnings = append(r.Warnings, fmt.Sprintf("ELF type %s, not a shared object", b.typ))
	}
	r.Stripped = !b.hasSymtab

	// Module name from PyInit_<name>.
	for name := range b.exports {
		if mod, ok := strings.CutPrefix(name, "PyInit_"); ok && mod != "" {
			r.PyInitExports = append(r.PyInitExports, mod)
		}
	}
	sort.Strings(r.PyInitExports)
	r.Kind = "library"
	if len(r.PyInitExports) > 0 {
		r.Kind = "extension"
		r.Module = pickModule(path, r.PyInitExports)
		if len(r.PyInitExports) > 1 {
			r.Warnings = append(r.Warnings, fmt.Sprintf("exports %d PyInit_ functions: %s", len(r.PyInitExports), strings.Join(r.PyInitExports, ", ")))
		}
	} else {
		r.Warnings = append(r.Warnings, "no PyInit_ export: a helper library, not an importable module")
	}

	r.ABI = ParseABITag(path)
	r.ABITag = r.ABI.Tag
	r.Generators = detectGenerators(b)
	if r.Generators == nil {
		r.Generators = []Generator{}
	}
	r.Init, r.InitEvidence = initStyle(b)
	if r.Init == "unknown" && r.Kind == "extension" {
		r.Init, r.InitEvidence = delegatedInit(r.Generators, r.Init, r.InitEvidence)
	}
	r.FreeThreading, r.FreeThreadingNote = declaration(b, r.Init)
	r.Mode, r.ModeReason = mode(r.ABI, r.FreeThreading)
	classifyImports(&r, b)
	r.Globals = globals(b)
	score(&r)
	verdict(&r)
	actions(&r)
	return r
}

// pickModule prefers the PyInit_ export that matches the file name (the one
// the import system calls).
func pickModule(path string, names []string) string {
	base := path[strings.LastIndexByte(path, '/')+1:]
	stem, _, _ := strings.Cut(base, ".")
	for _, n := range names {
		if n == stem {
			return n
		}
	}
	return names[0]
}

// initStyle applies the static heuristics: PyModuleDef_Init is what a
// multi-phase PyInit returns through; PyModule_Create2 builds the module
// at once (single-phase).
func initStyle(b *binary) (style, evidence string) {
	multi := b.imports["PyModuleDef_Init"]
	single := b.imports["PyModule_Create2"] || b.imports["PyModule_Create2TraceRefs"]
	switch {
	case multi && single:
		return "multi-phase", "imports both PyModuleDef_Init and PyModule_Create2 (several modules, or a fallback path); PyModuleDef_Init suggests multi-phase"
	case multi:
		return "multi-phase", "imports PyModuleDef_Init"
	case single:
		return "single-phase", "imports PyModule_Create2"
	case b.imports["PyModule_FromDefAndSpec2"]:
		return "multi-phase", "imports PyModule_FromDefAndSpec2"
	case b.imports["PyModule_New"] || b.imports["PyModule_NewObject"]:
		return "single-phase", "builds its module with PyModule_New"
	}
	return "unknown", "imports none of PyModuleDef_Init, PyModule_Create2, PyModule_New"
}

// delegatedInit: some frameworks create the module inside their own
// runtime library, so the extension imports no creation function itself.
// All of these create it single-phase (PyModule_Create).
func delegatedInit(gens []Generator, style, evidence string) (string, string) {
	for _, g := range gens {
		switch g.Name {
		case "Boost.Python":
			return "single-phase", "Boost.Python's detail::init_module creates it with PyModule_Create2 inside libboost_python"
		case "Shiboken":
			return "single-phase", "Shiboken::Module::create creates it with PyModule_Create2 inside libshiboken"
		case "cffi":
			return "single-phase", "cffi's _cffi_backend creates it (PyModule_Create2) from the module's _cffi_init"
		case "mypyc":
			return "single-phase", "a mypyc shim: the shared __mypyc library creates it with PyModule_Create2"
		}
	}
	return style, evidence + "; module creation happens outside this file"
}

// declaration: whether the module tells the interpreter it is safe
// without the GIL.
func declaration(b *binary, init string) (state, note string) {
	if b.imports["PyUnstable_Module_SetGIL"] {
		return "declared", "imports PyUnstable_Module_SetGIL (presumably called with Py_MOD_GIL_NOT_USED)"
	}
	if init == "multi-phase" {
		note := "a multi-phase module declares it with a Py_mod_gil slot in its PyModuleDef, which is data that only loading the module (or following PyInit's code) reveals"
		if hasModGilSlot(b) {
			note += "; a {Py_mod_gil, Py_MOD_GIL_NOT_USED} slot pattern is present in its data, so it probably is declared"
		}
		return "unknown", note
	}
	return "not-declared", "single-phase module without PyUnstable_Module_SetGIL"
}

// modGilSlot is the byte image of a PyModuleDef_Slot {Py_mod_gil (4),
// Py_MOD_GIL_NOT_USED ((void *)1)} on a 64-bit little-endian target,
// followed by the {0, NULL} terminator that ends the array when it is the
// last slot, as it usually is.
var modGilSlot = []byte{4, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}

// hasModGilSlot looks for the slot image preceded by another slot record
// whose id is Py_mod_create, Py_mod_exec or Py_mod_multiple_interpreters
// (1-3), 8-byte aligned; the bare 32-byte pattern alone turns up in
// unrelated tables.
func hasModGilSlot(b *binary) bool {
	for _, s := range b.strings {
		for off := 0; ; {
			i := bytes.Index(s[off:], modGilSlot)
			if i < 0 {
				break
			}
			at := off + i
			if at >= 16 && at%8 == 0 {
				prev := s[at-16 : at-8]
				if prev[0] >= 1 && prev[0] <= 3 && bytes.Equal(prev[1:8], make([]byte, 7)) {
					return true
				}
			}
			off = at + 1
		}
	}
	return false
}

func mode(tag ABITag, ft string) (string, string) {
	switch {
	case tag.Tag == "abi3":
		return "legacy", "abi3 (stable ABI) binaries are built for a GIL build: inline Py_INCREF is a plain increment, so it runs under its own pseudo-GIL"
	case tag.Tag == "":
		return "legacy", "a bare .so carries no free-threading tag: it runs under its own pseudo-GIL"
	case tag.Impl == "cpython" && tag.Version == "311" && !tag.FreeThreaded():
		return "legacy", "built for CPython 3.11 with a GIL: it runs under its own pseudo-GIL"
	case tag.Impl == "cpython" && tag.Version != "311":
		return "incompatible", fmt.Sprintf("built for CPython %s (tag %s): freepy loads the 3.11 ABI, so it needs a rebuild", tag.Version, tag.Tag)
	case tag.Impl == "freepy" && !tag.FreeThreaded():
		return "legacy", "freepy tag without the free-threaded 't' flag"
	case tag.Impl == "freepy":
		switch ft {
		case "declared":
			return "free-threaded", "freepy free-threaded tag and a free-threading declaration"
		case "unknown":
			return "free-threaded?", "freepy free-threaded tag; whether its Py_mod_gil slot says Py_MOD_GIL_NOT_USED is seen only at import (legacy if not)"
		}
		return "legacy", "freepy free-threaded tag but no free-threading declaration: it runs under its pseudo-GIL"
	}
	return "legacy", fmt.Sprintf("unrecognised tag %q: treated as legacy", tag.Tag)
}

func classifyImports(r *Report, b *binary) {
	names := make([]string, 0, len(b.imports))
	for n := range b.imports {
		names = append(names, n)
	}
	sort.Strings(names)
	r.BorrowedRefs, r.GILAPIs, r.PrivateAPIs, r.LegacyOnlyAPIs, r.FTAPIs = []string{}, []string{}, []string{}, []string{}, []string{}
	r.BorrowedDetail = []BorrowedAPI{}
	for _, n := range names {
		if api, ok := borrowedByName[n]; ok && api.Risk != RiskNone {
			r.BorrowedDetail = append(r.BorrowedDetail, api)
		}
		if isGILAPI(n) {
			r.GILAPIs = append(r.GILAPIs, n)
		}
		if _, ok := borrowedByName[n]; !ok && isPrivateAPI(n) {
			if _, lo := legacyOnlyAPIs[n]; !lo {
				r.PrivateAPIs = append(r.PrivateAPIs, n)
			}
		}
		if _, ok := legacyOnlyAPIs[n]; ok {
			r.LegacyOnlyAPIs = append(r.LegacyOnlyAPIs, n)
		}
		if ftAPIs[n] {
			r.FTAPIs = append(r.FTAPIs, n)
		}
	}
	sort.SliceStable(r.BorrowedDetail, func(i, j int) bool {
		return riskRank(r.BorrowedDetail[i].Risk) < riskRank(r.BorrowedDetail[j].Risk)
	})
	for _, d := range r.BorrowedDetail {
		r.BorrowedRefs = append(r.BorrowedRefs, d.Name)
	}
}

func globals(b *binary) GlobalState {
	g := GlobalState{DataBytes: b.dataBytes, BssBytes: b.bssBytes, SymbolsKnown: b.hasSymtab,
		Objects: len(b.objects), Largest: []dataObject{}}
	for _, o := range b.objects {
		g.ObjectBytes += o.Size
		if o.Size == 8 {
			g.PointerSized++
		}
	}
	n := min(5, len(b.objects))
	g.Largest = append(g.Largest, b.objects[:n]...)
	return g
}
