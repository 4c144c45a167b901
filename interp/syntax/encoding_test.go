package syntax

import (
	"strings"
	"testing"
)

func TestSourceEncoding(t *testing.T) {
	mod, err := Parse("f.py", []byte("# -*- coding: latin-1 -*-\nx = '\xe9'\n"), ModeExec)
	if err != nil {
		t.Fatal(err)
	}
	if got := Dump(mod); !strings.Contains(got, "value='é'") {
		t.Errorf("latin-1 source: %s", got)
	}
	if _, err := Parse("f.py", []byte("\xef\xbb\xbfx = 1\n"), ModeExec); err != nil {
		t.Errorf("BOM: %v", err)
	}
	_, err = Parse("bad.py", []byte("x = 1\ny = '\xff'\n"), ModeExec)
	if e, ok := err.(*Error); !ok || e.Line != 2 || !strings.HasPrefix(e.Msg, "Non-UTF-8 code starting with '\\xff' in file bad.py on line 2") {
		t.Errorf("invalid UTF-8: %v", err)
	}
	_, err = Parse("f.py", []byte("#!/usr/bin/python\n# vim: set fileencoding=koi8-r :\nx = 1\n"), ModeExec)
	if e, ok := err.(*Error); !ok || e.Msg != "encoding problem: koi8-r" {
		t.Errorf("unknown encoding: %v", err)
	}
	// A cookie on line 2 only counts after a comment or blank line 1.
	if _, err := Parse("f.py", []byte("x = 1\n# coding: koi8-r\n"), ModeExec); err != nil {
		t.Errorf("late cookie: %v", err)
	}
}

func TestUnicodeNames(t *testing.T) {
	for name, want := range map[string]rune{
		"EM DASH": 0x2014, "em dash": 0x2014, "LATIN SMALL LETTER A": 'a',
		"GREEK SMALL LETTER ALPHA WITH TONOS": 0x3AC, "CJK UNIFIED IDEOGRAPH-4E00": 0x4E00,
		"HANGUL SYLLABLE GA": 0xAC00, "HANGUL SYLLABLE HIH": 0xD7A3, "LINE FEED": '\n',
		"BYTE ORDER MARK": 0xFEFF, "GRINNING FACE": 0x1F600,
	} {
		if r, ok := LookupUnicodeName(name); !ok || r != want {
			t.Errorf("%s: %U %v", name, r, ok)
		}
	}
	for _, bad := range []string{"NOT A NAME", "CJK UNIFIED IDEOGRAPH-0041", "HANGUL SYLLABLE"} {
		if _, ok := LookupUnicodeName(bad); ok {
			t.Errorf("%s resolved", bad)
		}
	}
	if n, ok := UnicodeName(0xE9); !ok || n != "LATIN SMALL LETTER E WITH ACUTE" {
		t.Errorf("UnicodeName(é) = %q", n)
	}
	if n, _ := UnicodeName(0x9FFF); n != "CJK UNIFIED IDEOGRAPH-9FFF" {
		t.Errorf("UnicodeName(U+9FFF) = %q", n)
	}
}

// TestNFKC compares identifier normalisation with CPython's.
func TestNFKC(t *testing.T) {
	srcs := []string{"µ = 1", "ｗｉｄｔｈ = 2", "ﬁle = 3", "e\u0301 = 4", "ℌ = 5", "Å = 6", "x.ｙ = 7",
		"def ｆ(ａ, *, ｂ=1): pass", "import ｏｓ as ｐ", "f(ｋ=1)", "match x:\n case Ｃ(ａ=ｂ): pass",
		"가 = 1", "\u1100\u1161\u11a8 = 1", "ǅ = 1", "Ω = 1"}
	compareWithCPython(t, srcs, "exec", true)
}
