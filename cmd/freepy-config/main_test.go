package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestTriplet(t *testing.T) {
	cases := map[string]string{
		"amd64": "x86_64-linux-gnu", "arm64": "aarch64-linux-gnu", "386": "i386-linux-gnu",
		"ppc64le": "powerpc64le-linux-gnu", "s390x": "s390x-linux-gnu", "riscv64": "riscv64-linux-gnu",
	}
	for arch, want := range cases {
		if got := triplet("linux", arch); got != want {
			t.Errorf("triplet(linux, %s) = %q, want %q", arch, got, want)
		}
	}
	if got := extensionSuffix("linux", "arm64"); got != ".freepy-311t-aarch64-linux-gnu.so" {
		t.Errorf("suffix %q", got)
	}
	if got := extensionSuffix("linux", "amd64"); got != ".freepy-311t-x86_64-linux-gnu.so" {
		t.Errorf("suffix %q", got)
	}
}

func runArgs(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(append([]string{"freepy-config"}, args...), "/opt/freepy", &out, &errb)
	return code, out.String(), errb.String()
}

func TestAnswers(t *testing.T) {
	suffix := extensionSuffix(runtime.GOOS, runtime.GOARCH)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--prefix"}, "/opt/freepy\n"},
		{[]string{"--exec-prefix"}, "/opt/freepy\n"},
		{[]string{"--includes"}, "-I/opt/freepy/include\n"},
		{[]string{"--extension-suffix"}, suffix + "\n"},
		{[]string{"--abiflags"}, "t\n"},
		{[]string{"--configdir"}, "/opt/freepy/include\n"},
		{[]string{"--libs"}, "\n"},
		{[]string{"--abiflags", "--prefix"}, "t\n/opt/freepy\n"},
	}
	for _, c := range cases {
		code, out, errOut := runArgs(c.args...)
		if code != 0 || out != c.want || errOut != "" {
			t.Errorf("%v: code %d out %q err %q, want %q", c.args, code, out, errOut, c.want)
		}
	}
	code, out, _ := runArgs("--cflags")
	if code != 0 || !strings.HasPrefix(out, "-I/opt/freepy/include ") || !strings.Contains(out, "-fPIC") {
		t.Errorf("--cflags: %d %q", code, out)
	}
	code, out, _ = runArgs("--ldflags")
	if code != 0 || (runtime.GOOS == "linux" && out != "\n") {
		t.Errorf("--ldflags: %d %q", code, out)
	}
}

func TestUsage(t *testing.T) {
	code, out, errOut := runArgs("--help")
	if code != 0 || !strings.HasPrefix(out, "Usage: freepy-config --prefix|") || errOut != "" {
		t.Errorf("--help: %d %q %q", code, out, errOut)
	}
	for _, args := range [][]string{{}, {"--bogus"}, {"--prefix", "--bogus"}, {"prefix"}} {
		code, out, errOut := runArgs(args...)
		if code != 1 || out != "" || !strings.HasPrefix(errOut, "Usage: freepy-config ") {
			t.Errorf("%v: code %d out %q err %q", args, code, out, errOut)
		}
	}
}

func TestPrefixFor(t *testing.T) {
	if got := prefixFor("/usr/local/bin/freepy-config"); got != "/usr/local" {
		t.Errorf("prefixFor = %q", got)
	}
}

// End to end: a built binary reached through a symlink finds the include/
// next to its real bin/, and what it prints builds an extension.
func TestBinaryThroughSymlink(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the command")
	}
	root := t.TempDir()
	bin := filepath.Join(root, "freepy", "bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	exe := filepath.Join(bin, "freepy-config")
	if out, err := exec.Command("go", "build", "-o", exe, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	link := filepath.Join(root, "elsewhere")
	if err := os.MkdirAll(link, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(exe, filepath.Join(link, "freepy-config")); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(filepath.Join(link, "freepy-config"), "--includes", "--prefix").Output()
	if err != nil {
		t.Fatal(err)
	}
	want := "-I" + filepath.Join(root, "freepy", "include") + "\n" + filepath.Join(root, "freepy") + "\n"
	if string(out) != want {
		t.Errorf("got %q, want %q", out, want)
	}
	cmd := exec.Command(filepath.Join(link, "freepy-config"), "--nope")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err = cmd.Run()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 || !strings.Contains(stderr.String(), "Usage:") {
		t.Errorf("unknown option: err %v, stderr %q", err, stderr.String())
	}
}

// With the repository laid out as an installation (bin/ beside include/),
// the flags build an example extension.
func TestFlagsBuildAnExtension(t *testing.T) {
	cc, err := exec.LookPath("cc")
	if err != nil {
		t.Skip("no cc")
	}
	root, _ := filepath.Abs(filepath.Join("..", ".."))
	c := config{prefix: root, goos: runtime.GOOS, goarch: runtime.GOARCH}
	cflags, _ := c.answer("--cflags")
	ldflags, _ := c.answer("--ldflags")
	suffix, _ := c.answer("--extension-suffix")
	src := filepath.Join(root, "extensions", "legacy_counter", "counter.c")
	if _, err := os.Stat(src); err != nil {
		t.Skip("example extension missing: " + err.Error())
	}
	so := filepath.Join(t.TempDir(), "counter"+suffix)
	args := append(strings.Fields(cflags), strings.Fields(ldflags)...)
	args = append(args, "-Werror", "-shared", "-o", so, src)
	if out, err := exec.Command(cc, args...).CombinedOutput(); err != nil {
		t.Fatalf("cc %v: %v\n%s", args, err, out)
	}
}
