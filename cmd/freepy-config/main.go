// Command freepy-config answers like python3-config for freepy's headers,
// so that extension builds can find include/ and name their output:
//
//	cc $(freepy-config --cflags) -shared -fPIC m.c -o m$(freepy-config --extension-suffix)
//
// The installation prefix is the directory above the executable's bin/
// (symlinks resolved), as with python3-config.
package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
)

// abiFlags marks freepy's free-threaded refcount ABI, like CPython 3.13t's.
const abiFlags = "t"

// usage lists the options in python3-config's order.
const usageOptions = "--prefix|--exec-prefix|--includes|--libs|--cflags|--ldflags|--extension-suffix|--help|--abiflags|--configdir"

// multiarch maps GOARCH to the Debian multiarch triplet's CPU part and ABI.
var multiarch = map[string]string{
	"amd64":    "x86_64-linux-gnu",
	"386":      "i386-linux-gnu",
	"arm64":    "aarch64-linux-gnu",
	"arm":      "arm-linux-gnueabihf",
	"ppc64le":  "powerpc64le-linux-gnu",
	"ppc64":    "powerpc64-linux-gnu",
	"s390x":    "s390x-linux-gnu",
	"riscv64":  "riscv64-linux-gnu",
	"mips64le": "mips64el-linux-gnuabi64",
	"loong64":  "loongarch64-linux-gnu",
}

// triplet returns the multiarch triplet for goos/goarch.
func triplet(goos, goarch string) string {
	if t, ok := multiarch[goarch]; ok && goos == "linux" {
		return t
	}
	return goarch + "-" + goos
}

// extensionSuffix is the file name ending of a freepy-built extension.
func extensionSuffix(goos, goarch string) string {
	return ".freepy-311" + abiFlags + "-" + triplet(goos, goarch) + ".so"
}

// config holds the answers for one installation.
type config struct {
	prefix string
	goos   string
	goarch string
}

func (c config) includeDir() string { return filepath.Join(c.prefix, "include") }

// configDir plays the part of CPython's LIBPL: where build configuration
// lives; freepy keeps pyconfig.h with the headers.
func (c config) configDir() string { return c.includeDir() }

func (c config) answer(opt string) (string, bool) {
	inc := "-I" + c.includeDir()
	switch opt {
	case "--prefix", "--exec-prefix":
		return c.prefix, true
	case "--includes":
		return inc, true
	case "--cflags":
		// Py_GIL_DISABLED comes from pyconfig.h; -fwrapv and -fPIC as
		// CPython's extension builds use.
		return inc + " -fPIC -fwrapv -O2 -Wall", true
	case "--ldflags":
		// Extensions bind to the interpreter's exported symbols when they
		// are dlopen()ed, so there is no library to link. CPython's answer
		// (-L dirs and -ldl -lm) needs nothing from a libpython either;
		// undefined symbols are allowed in a shared object by default on
		// Linux, and macOS needs to be told.
		if c.goos == "darwin" {
			return "-undefined dynamic_lookup", true
		}
		return "", true
	case "--libs":
		return "", true
	case "--extension-suffix":
		return extensionSuffix(c.goos, c.goarch), true
	case "--abiflags":
		return abiFlags, true
	case "--configdir":
		return c.configDir(), true
	}
	return "", false
}

func usage(w io.Writer, prog string) {
	fmt.Fprintf(w, "Usage: %s %s\n", prog, usageOptions)
}

// run is main without the process: it returns the exit status.
func run(args []string, prefix string, stdout, stderr io.Writer) int {
	prog := "freepy-config"
	if len(args) > 0 {
		prog = args[0]
		args = args[1:]
	}
	if len(args) == 0 {
		usage(stderr, prog)
		return 1
	}
	c := config{prefix: prefix, goos: runtime.GOOS, goarch: runtime.GOARCH}
	// Like python3-config: validate everything before printing anything.
	for _, a := range args {
		if a == "--help" {
			usage(stdout, prog)
			return 0
		}
		if _, ok := c.answer(a); !ok {
			usage(stderr, prog)
			return 1
		}
	}
	for _, a := range args {
		v, _ := c.answer(a)
		fmt.Fprintln(stdout, v)
	}
	return 0
}

// installPrefix finds the prefix from the executable's real location:
// <prefix>/bin/freepy-config -> <prefix>.
func installPrefix() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", fmt.Errorf("cannot find the executable: %w", err)
	}
	real, err := filepath.EvalSymlinks(exe)
	if err != nil {
		return "", fmt.Errorf("cannot resolve %s: %w", exe, err)
	}
	return prefixFor(real), nil
}

// prefixFor returns the directory above the executable's directory.
func prefixFor(exe string) string {
	return filepath.Dir(filepath.Dir(filepath.Clean(exe)))
}

func main() {
	prefix, err := installPrefix()
	if err != nil {
		fmt.Fprintln(os.Stderr, "freepy-config:", err)
		os.Exit(1)
	}
	args := append([]string{}, os.Args...)
	if len(args) > 0 && !strings.Contains(args[0], string(filepath.Separator)) {
		args[0] = filepath.Base(args[0])
	}
	os.Exit(run(args, prefix, os.Stdout, os.Stderr))
}
