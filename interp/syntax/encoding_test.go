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
