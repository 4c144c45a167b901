package main

import (
	"errors"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestGeomean(t *testing.T) {
	if g := geomean([]float64{1, 4}); math.Abs(g-2) > 1e-12 {
		t.Errorf("geomean(1, 4) = %v, want 2", g)
	}
	if g := geomean([]float64{0.5, 2, 8}); math.Abs(g-2) > 1e-12 {
		t.Errorf("geomean(0.5, 2, 8) = %v, want 2", g)
	}
	if g := geomean(nil); !math.IsNaN(g) {
		t.Errorf("geomean() = %v, want NaN", g)
	}
}

func TestParseOutput(t *testing.T) {
	sum, wall, err := parseOutput("noise\nchecksum: 123 456\nwall: 0.25\n")
	if err != nil || sum != "123 456" || wall != 0.25 {
		t.Errorf("got %q %v %v", sum, wall, err)
	}
	if _, _, err := parseOutput("nothing here\n"); err == nil {
		t.Error("missing checksum line accepted")
	}
	if _, _, err := parseOutput("checksum: 1\nwall: soon\n"); err == nil {
		t.Error("bad wall line accepted")
	}
}

func TestArgs(t *testing.T) {
	fib := benchmark{file: "recursive_fib.py", size: 30}
	if got := fib.args(1, 4); !slices.Equal(got, []string{"30"}) {
		t.Errorf("fib scale 1: %v", got)
	}
	// A tenth of the work is about 4.8 Fibonacci steps less.
	if got := fib.args(0.1, 4); !slices.Equal(got, []string{"25"}) {
		t.Errorf("fib scale 0.1: %v", got)
	}
	th := benchmark{file: "threads_cpu.py", size: 1000, threads: true}
	if got := th.args(0.5, 3); !slices.Equal(got, []string{"3", "500"}) {
		t.Errorf("threads: %v", got)
	}
	loop := benchmark{file: "int_loop.py", size: 10}
	if got := loop.args(0.001, 1); !slices.Equal(got, []string{"1"}) {
		t.Errorf("tiny scale must keep size >= 1: %v", got)
	}
}

func TestMarkdownTable(t *testing.T) {
	rows := []row{
		{name: "a", ref: outcome{seconds: 1}, got: outcome{seconds: 2}},
		{name: "b", ref: outcome{seconds: 2}, got: outcome{seconds: 0.5}},
		{name: "c", ref: outcome{seconds: 1}, got: outcome{err: errors.New("boom\nsecond line")}},
	}
	out := markdownTable(rows)
	for _, want := range []string{
		"| a | 1.000 | 2.000 | 2.00 |",
		"| b | 2.000 | 0.500 | 0.25 |",
		"| c | 1.000 | error | error |",
		"| **geometric mean** (2 of 3) | | | **0.71** |",
		"- c, freepy: boom second line",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
}

func TestReplaceSection(t *testing.T) {
	doc := "intro\n" + tableBegin + "\nold\n" + tableEnd + "\noutro\n"
	got, err := replaceSection(doc, tableBegin, tableEnd, "new table")
	if err != nil {
		t.Fatal(err)
	}
	want := "intro\n" + tableBegin + "\nnew table\n" + tableEnd + "\noutro\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	// Rewriting twice is stable.
	again, _ := replaceSection(got, tableBegin, tableEnd, "new table")
	if again != want {
		t.Errorf("second rewrite changed the document: %q", again)
	}
	if _, err := replaceSection("no markers", tableBegin, tableEnd, "x"); err == nil {
		t.Error("missing markers accepted")
	}
	if _, err := replaceSection(tableEnd+tableBegin, tableBegin, tableEnd, "x"); err == nil {
		t.Error("end marker before begin accepted")
	}
}

func TestScalingSpeedup(t *testing.T) {
	s := series{name: "x", points: []scalingPoint{
		{1, outcome{seconds: 9, reported: 4}},
		{2, outcome{seconds: 9, reported: 2}},
		{3, outcome{err: errors.New("failed")}},
	}}
	if v, ok := s.speedup(1); !ok || v != 2 {
		t.Errorf("speedup(2 threads) = %v %v, want 2 (from the reported work time)", v, ok)
	}
	if _, ok := s.speedup(2); ok {
		t.Error("failed run has a speedup")
	}
	if tab := scalingTable([]series{s}); !strings.Contains(tab, "| 3 | error | error |") {
		t.Errorf("scaling table:\n%s", tab)
	}
}

func TestWriteChart(t *testing.T) {
	s := series{name: "CPython", points: []scalingPoint{
		{1, outcome{reported: 1}}, {2, outcome{reported: 0.6}}, {3, outcome{err: errors.New("x")}}, {4, outcome{reported: 0.3}},
	}}
	path := filepath.Join(t.TempDir(), "chart.png")
	if err := writeChart(path, []series{s}, 4); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != chartW || b.Dy() != chartH {
		t.Errorf("chart is %v", b)
	}
	// The 4-thread point (speedup 3.33) is drawn in the series colour.
	x := marginL + (chartW - marginL - marginR)
	yMax := 4.0
	y := marginT + (chartH - marginT - margB) - int(math.Round(1/0.3/yMax*float64(chartH-marginT-margB)))
	r, g, b, _ := img.At(x, y).RGBA()
	want := seriesColors[0]
	if uint8(r>>8) != want.R || uint8(g>>8) != want.G || uint8(b>>8) != want.B {
		t.Errorf("pixel at the last point is %d,%d,%d, want the series colour", r>>8, g>>8, b>>8)
	}
}

func TestGILCostTable(t *testing.T) {
	rows := []gilCostRow{
		{name: "a", free: outcome{seconds: 1.05}, withGIL: outcome{seconds: 1.0}},
		{name: "b", free: outcome{seconds: 0.9}, withGIL: outcome{seconds: 1.0}},
		{name: "c", free: outcome{err: errors.New("boom")}, withGIL: outcome{seconds: 1.0}},
	}
	out := gilCostTable(rows)
	for _, want := range []string{"| a | 1.050 | 1.000 | +5.0% |", "| b | 0.900 | 1.000 | -10.0% |", "| c | error | 1.000 | error |", "- c: boom", "**-2.8%**"} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
}

func TestKeepBest(t *testing.T) {
	b := keepBest(outcome{}, outcome{seconds: 2, checksum: "x"}, true)
	b = keepBest(b, outcome{seconds: 1, checksum: "x"}, false)
	if b.seconds != 1 || b.err != nil {
		t.Errorf("best = %+v, want 1 s", b)
	}
	if b2 := keepBest(b, outcome{seconds: 0.5, checksum: "y"}, false); b2.err == nil {
		t.Error("a changed checksum was accepted")
	}
	if b3 := keepBest(outcome{err: errors.New("x")}, outcome{seconds: 1, checksum: "x"}, false); b3.err == nil {
		t.Error("an earlier error was dropped")
	}
}
