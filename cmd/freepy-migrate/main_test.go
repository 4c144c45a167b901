package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// buildTool builds the command into a temporary directory, once per test.
func buildTool(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "freepy-migrate")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// fixture compiles one of the audit package's C fixtures.
func fixture(t *testing.T, dir, src, name string, extra ...string) string {
	t.Helper()
	if _, err := os.Stat("/usr/include/python3.11/Python.h"); err != nil {
		t.Skip("CPython 3.11 headers not installed")
	}
	out := filepath.Join(dir, name)
	args := append([]string{"-shared", "-fPIC", "-O0", "-I/usr/include/python3.11", "-o", out,
		filepath.Join("..", "..", "migrate", "audit", "testdata", src+".c")}, extra...)
	if msg, err := exec.Command("cc", args...).CombinedOutput(); err != nil {
		t.Fatalf("cc: %v\n%s", err, msg)
	}
	return out
}

func runTool(t *testing.T, bin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var o, e bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return o.String(), e.String(), ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), 0
}

func TestCommand(t *testing.T) {
	bin := buildTool(t)
	dir := t.TempDir()
	risky := fixture(t, dir, "single_dict", "single_dict.cpython-311-x86_64-linux-gnu.so")
	clean := fixture(t, dir, "multi_clean", "multi_clean.cpython-311-x86_64-linux-gnu.so")
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	ready := fixture(t, sub, "declared", "declared.freepy-311t-x86_64-linux-gnu.so")
	notELF := filepath.Join(dir, "zz_notes.so")
	os.WriteFile(notELF, []byte("plain text\n"), 0o644)

	t.Run("text report", func(t *testing.T) {
		out, _, code := runTool(t, bin, "audit", risky)
		if code != 1 {
			t.Errorf("exit %d, want 1 (risks found)", code)
		}
		for _, want := range []string{
			"module single_dict", "abi cpython-311", "init single-phase", "verdict: NEEDS-WORK",
			"PyDict_GetItem -> PyDict_GetItemRef", "change first:",
			"1. Replace PyDict_GetItem with PyDict_GetItemRef.",
		} {
			if !strings.Contains(out, want) {
				t.Errorf("report lacks %q:\n%s", want, out)
			}
		}
		// One screen per module: the block before the footer.
		block, _, _ := strings.Cut(out, "\nNot visible in a binary")
		if n := strings.Count(block, "\n"); n > 24 {
			t.Errorf("report is %d lines long:\n%s", n, out)
		}
	})
	t.Run("exit codes", func(t *testing.T) {
		cases := []struct {
			args []string
			code int
			err  string
		}{
			{[]string{"audit", clean}, 0, ""},
			{[]string{"audit", "--strict", clean}, 1, ""},
			{[]string{"audit", ready}, 0, ""},
			{[]string{"audit", risky, clean}, 1, ""},
			{[]string{"audit", notELF}, 2, "not an ELF file"},
			{[]string{"audit", risky, notELF}, 2, "not an ELF file"},
			{[]string{"audit", filepath.Join(dir, "missing.so")}, 2, "no such file"},
			{[]string{"audit"}, 2, "no file or directory given"},
			{[]string{"audit", "--bogus", clean}, 2, "flag provided but not defined"},
			{[]string{}, 2, "usage"},
			{[]string{"frobnicate"}, 2, "unknown command"},
			{[]string{"stress", "mod"}, 2, "need MODULE and SCRIPT.py"},
		}
		for _, c := range cases {
			_, stderr, code := runTool(t, bin, c.args...)
			if code != c.code || !strings.Contains(stderr, c.err) {
				t.Errorf("%v: exit %d stderr %q; want exit %d and %q", c.args, code, stderr, c.code, c.err)
			}
		}
	})
	t.Run("json over a directory", func(t *testing.T) {
		out, _, code := runTool(t, bin, "audit", "--json", dir)
		if code != 2 { // zz_notes.so is not ELF
			t.Errorf("exit %d, want 2", code)
		}
		var reports []map[string]any
		if err := json.Unmarshal([]byte(out), &reports); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		var paths []string
		for _, r := range reports {
			paths = append(paths, r["path"].(string))
		}
		want := []string{clean, risky, ready, notELF}
		if strings.Join(paths, " ") != strings.Join(want, " ") {
			t.Fatalf("paths %v, want %v", paths, want)
		}
		for _, key := range []string{"path", "module", "abi_tag", "init", "borrowed_refs", "gil_apis", "private_apis", "verdict", "effort_score"} {
			if _, ok := reports[1][key]; !ok {
				t.Errorf("missing key %q", key)
			}
		}
		if reports[1]["module"] != "single_dict" || reports[1]["init"] != "single-phase" || reports[1]["verdict"] != "needs-work" {
			t.Errorf("single_dict report %v", reports[1])
		}
		if reports[2]["abi_tag"] != "freepy-311t" || reports[2]["verdict"] != "ready" {
			t.Errorf("declared report: abi %v verdict %v", reports[2]["abi_tag"], reports[2]["verdict"])
		}
		if reports[3]["verdict"] != "error" || !strings.Contains(reports[3]["error"].(string), "not an ELF") {
			t.Errorf("non-ELF report %v", reports[3])
		}
		// Deterministic: a second run prints the same bytes.
		again, _, _ := runTool(t, bin, "audit", "--json", dir)
		if again != out {
			t.Errorf("two runs differ")
		}
	})
	t.Run("borrowed table and summary", func(t *testing.T) {
		out, _, code := runTool(t, bin, "borrowed")
		if code != 0 || !strings.HasPrefix(out, "PyByteArray_AsString\thigh\t") || !strings.Contains(out, "PyTuple_GetItem\tlow") {
			t.Errorf("exit %d table:\n%s", code, out)
		}
		js, _, _ := runTool(t, bin, "audit", "--json", risky, clean, ready)
		f := filepath.Join(t.TempDir(), "a.json")
		os.WriteFile(f, []byte(js), 0o644)
		md, stderr, code := runTool(t, bin, "summarize", f)
		if code != 0 {
			t.Fatalf("summarize: exit %d %s", code, stderr)
		}
		for _, want := range []string{"| extension modules (export `PyInit_*`) | 3 |", "| `PyDict_GetItem` | high | 1 | 0 |", "| single-phase | 2 |", "| multi-phase | 1 |"} {
			if !strings.Contains(md, want) {
				t.Errorf("summary lacks %q:\n%s", want, md)
			}
		}
	})
}
