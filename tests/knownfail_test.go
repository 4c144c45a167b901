package tests

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// loadKnownFailures reads known_failures.txt: one test per line, its key
// (a path under tests/, or cli:NAME), white space, then a short reason.
// Blank lines and lines starting with # are ignored.
func loadKnownFailures(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		if os.IsNotExist(err) {
			return map[string]string{}, nil
		}
		return nil, err
	}
	defer f.Close()
	m := map[string]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		key := strings.Fields(line)[0]
		reason := strings.TrimSpace(line[len(key):])
		if reason == "" {
			return nil, fmt.Errorf("%s:%d: %s has no reason", path, n, key)
		}
		if _, dup := m[key]; dup {
			return nil, fmt.Errorf("%s:%d: %s is listed twice", path, n, key)
		}
		m[key] = reason
	}
	return m, sc.Err()
}

// TestKnownFailuresList keeps the list honest in the other direction too:
// every entry must name a test that exists.
func TestKnownFailuresList(t *testing.T) {
	if knownErr != nil {
		t.Fatal(knownErr)
	}
	files, err := conformanceFiles()
	if err != nil {
		t.Fatal(err)
	}
	exists := map[string]bool{}
	for _, f := range files {
		exists[conformanceKey(f)] = true
	}
	for _, c := range cliCases {
		exists[cliKey(c.name)] = true
	}
	for _, k := range extensionKeys() {
		exists[k] = true
	}
	var stale []string
	for key := range known {
		if !exists[key] {
			stale = append(stale, key)
		}
	}
	sort.Strings(stale)
	for _, key := range stale {
		t.Errorf("known_failures.txt lists %s, which is not a test", key)
	}
}
