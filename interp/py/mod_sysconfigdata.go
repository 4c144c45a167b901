package py

import "runtime"

// sysconfig imports "_sysconfigdata_{sys.abiflags}_{multiarch}" for the
// build configuration; with freepy's abiflags "t" (and no
// sys.implementation._multiarch) that is "_sysconfigdata_t_", which no
// host ships, so sysconfig.get_config_vars() failed, and with it pydoc and
// help(). This module answers with a copy of the host CPython's
// build_time_vars: sysconfig describes the host's build (extensions built
// through it are CPython builds, loaded as legacy modules), while
// freepy-config describes freepy's own headers and tags.

func hostSysconfigdataNames() []string {
	triplet := runtime.GOARCH + "-linux-gnu"
	switch runtime.GOARCH {
	case "amd64":
		triplet = "x86_64-linux-gnu"
	case "arm64":
		triplet = "aarch64-linux-gnu"
	}
	return []string{"_sysconfigdata__" + triplet, "_sysconfigdata__linux_" + triplet}
}

func init() {
	RegisterNativeModule("_sysconfigdata_t_", func(t *Thread) (*Module, error) {
		var firstErr error
		for _, name := range hostSysconfigdataNames() {
			host, err := t.Import(name, nil, None, 0)
			if err != nil {
				if firstErr == nil {
					firstErr = err
				}
				continue
			}
			v, err := GetAttr(t, host, Intern("build_time_vars"))
			if err != nil {
				return nil, err
			}
			d, ok := v.(*Dict)
			if !ok {
				return nil, TypeErrorf("%s.build_time_vars is not a dict", name)
			}
			m := NewModule("_sysconfigdata_t_")
			m.dict.SetStr("build_time_vars", d.Copy())
			return m, nil
		}
		return nil, firstErr
	})
}
