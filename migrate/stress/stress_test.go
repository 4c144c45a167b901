package stress

import (
	"strings"
	"testing"
)

func strp(s string) *string { return &s }

func TestJudge(t *testing.T) {
	base := Run{Outputs: []string{"ok\n"}, Errors: [][]string{nil}, CheckOutput: "total True\n"}
	good := Run{Outputs: []string{"ok\n", "ok\n"}, Errors: [][]string{nil, nil}, CheckOutput: "total True\n",
		Locks: map[string]LockStats{"m": {Acquisitions: 10, Contended: 5, HoldTotalNs: 1e6, HoldMaxNs: 2e5,
			HoldHistogram: []int64{1, 2, 3, 4, 0, 0, 0, 0}}}}
	cases := []struct {
		name    string
		locked  Run
		free    Run
		verdict string
		risky   bool
		mention string
	}{
		{"clean", good, good, "no problem found", false, "declare Py_mod_gil"},
		{"lost updates", good, Run{Outputs: good.Outputs, Errors: good.Errors, CheckOutput: "total False\n"}, "unsafe", true, "check() reports"},
		{"crash", good, Run{Failure: "crashed: killed by signal segmentation fault"}, "unsafe", true, "segmentation fault"},
		{"different output", good, Run{Outputs: []string{"ok\n", "bad\n"}, Errors: good.Errors, CheckOutput: good.CheckOutput}, "unsafe", true, "1 of 2 threads"},
		{"new exception", good, Run{Outputs: good.Outputs, Errors: [][]string{{"SystemError: boom"}, nil}, CheckOutput: good.CheckOutput}, "unsafe", true, "SystemError: boom"},
		{"check raises", good, Run{Outputs: good.Outputs, Errors: good.Errors, CheckError: strp("KeyError: 3")}, "unsafe", true, "KeyError: 3"},
		{"stalls", Run{Outputs: good.Outputs, Errors: good.Errors, CheckOutput: good.CheckOutput,
			Locks: map[string]LockStats{"m": {Acquisitions: 3, HoldMaxNs: 40e6, HoldHistogram: []int64{0, 0, 0, 0, 0, 0, 2, 1},
				Functions: map[string]FuncStats{"m.slow": {Calls: 3, HoldMaxNs: 40e6, Over16ms: 3}}}}}, good, "stalls", true, "m.slow"},
		{"racy script", Run{Outputs: []string{"1\n", "2\n"}, Errors: good.Errors, CheckOutput: good.CheckOutput}, good, "inconclusive", false, "depends on shared state"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			rep := &Report{Module: "m", Threads: 2, Rounds: 1}
			judge(rep, base, c.locked, c.free)
			text := rep.Text()
			if !strings.Contains(rep.Verdict, c.verdict) || rep.Risky() != c.risky || !strings.Contains(text, c.mention) {
				t.Errorf("verdict %q risky %v, want %q %v mentioning %q:\n%s", rep.Verdict, rep.Risky(), c.verdict, c.risky, c.mention, text)
			}
		})
	}
}
