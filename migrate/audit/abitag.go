package audit

import (
	"regexp"
	"strings"
)

// ABITag is what an extension's file name says about the ABI it was built
// for: "name.cpython-311-x86_64-linux-gnu.so" has Tag "cpython-311",
// Impl "cpython", Version "311", Platform "x86_64-linux-gnu".
type ABITag struct {
	Tag      string `json:"tag"` // "" for a bare .so
	Impl     string `json:"impl,omitempty"`
	Version  string `json:"version,omitempty"`
	Flags    string `json:"flags,omitempty"` // "t" free-threaded, "d" debug, ...
	Platform string `json:"platform,omitempty"`
}

// FreeThreaded reports whether the tag promises atomic reference counting
// (the "t" ABI flag, as in CPython's cpython-313t and freepy's freepy-311t).
func (t ABITag) FreeThreaded() bool { return strings.Contains(t.Flags, "t") }

// implTag matches "<impl>-<digits><flags>" such as cpython-311,
// cpython-313t, freepy-311t, pypy39-pp73 is left to the fallback.
var implTag = regexp.MustCompile(`^([a-z]+)-([0-9]+)([a-z]*)$`)

// ParseABITag reads the ABI tag out of an extension module's file name.
func ParseABITag(filename string) ABITag {
	base := filename
	if i := strings.LastIndexByte(base, '/'); i >= 0 {
		base = base[i+1:]
	}
	if !strings.HasSuffix(base, ".so") {
		return ABITag{}
	}
	parts := strings.Split(strings.TrimSuffix(base, ".so"), ".")
	if len(parts) < 2 {
		return ABITag{} // bare name.so
	}
	tag := parts[len(parts)-1]
	if tag == "abi3" {
		return ABITag{Tag: "abi3", Impl: "abi3"}
	}
	// "cpython-311-x86_64-linux-gnu": the platform starts after the
	// second dash.
	head, platform := tag, ""
	if fields := strings.SplitN(tag, "-", 3); len(fields) == 3 {
		head, platform = fields[0]+"-"+fields[1], fields[2]
	}
	m := implTag.FindStringSubmatch(head)
	if m == nil {
		// Dots inside a bare module's name ("libfoo.so" has none; a
		// "name.other.so" is not a tag we know): keep it but say little.
		if strings.Contains(tag, "-") {
			return ABITag{Tag: head, Platform: platform}
		}
		return ABITag{}
	}
	return ABITag{Tag: head, Impl: m[1], Version: m[2], Flags: m[3], Platform: platform}
}
