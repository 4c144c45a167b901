package py

import (
	"os"
	"path/filepath"
)

// sys attributes describing the installation, which platform, uuid,
// argparse, sysconfig and site read at import time.

// sysInstallAttrs sets sys.executable, sys.orig_argv and the rest that do
// not depend on where the standard library is (see SetStdlib).
func sysInstallAttrs(d *Dict) {
	exe := ""
	if p, err := os.Executable(); err == nil {
		exe = p
	}
	d.SetStr("executable", NewStr(exe))
	d.SetStr("_base_executable", NewStr(exe))
	orig := make([]Object, len(os.Args))
	for i, a := range os.Args {
		orig[i] = NewStr(a)
	}
	d.SetStr("orig_argv", NewList(orig...))
	d.SetStr("platlibdir", NewStr("lib"))
	d.SetStr("pycache_prefix", None)
	d.SetStr("_home", None)
	d.SetStr("_framework", NewStr(""))
	d.SetStr("_git", NewTuple(NewStr("freepy"), NewStr(""), NewStr("")))
	d.SetStr("api_version", Int(1013))
	d.SetStr("copyright", NewStr("freepy: a free-threaded Python 3.11 interpreter in Go.\n"+
		"The Python language and standard library: Copyright (c) 2001-2023 Python Software Foundation."))
	ti := NewStructSeqType("thread_info", "sys", []string{"name", "lock", "version"})
	d.SetStr("thread_info", ti.Make(NewStr("pthread"), NewStr("mutex+cond"), None))
	for _, k := range []string{"prefix", "base_prefix", "exec_prefix", "base_exec_prefix"} {
		d.SetStr(k, NewStr(""))
	}
	d.SetStr("_stdlib_dir", None)
}

// SetStdlib records where the host's pure-Python standard library is
// (e.g. /usr/lib/python3.11) and derives sys.prefix and friends from it
// as CPython does: <prefix>/<platlibdir>/python3.11. There are no virtual
// environments, so base_prefix equals prefix.
func (in *Interp) SetStdlib(lib string) {
	in.Lib = lib
	d := in.Sys.Dict()
	prefix := filepath.Dir(filepath.Dir(lib))
	for _, k := range []string{"prefix", "base_prefix", "exec_prefix", "base_exec_prefix"} {
		d.SetStr(k, NewStr(prefix))
	}
	d.SetStr("_stdlib_dir", NewStr(lib))
}
