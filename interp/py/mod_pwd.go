package py

import (
	"os"
	"strconv"
	"strings"
	"sync"
)

// The pwd native module: the password database read from /etc/passwd
// (what os.path.expanduser needs).

var (
	pwdTypeOnce sync.Once
	pwdStruct   *StructSeq
)

type pwdEntry struct {
	name, passwd   string
	uid, gid       int64
	gecos, dir, sh string
}

// pwdEntries parses /etc/passwd (name:passwd:uid:gid:gecos:dir:shell).
func pwdEntries() []pwdEntry {
	data, err := os.ReadFile("/etc/passwd")
	if err != nil {
		return nil
	}
	var out []pwdEntry
	for _, line := range strings.Split(string(data), "\n") {
		f := strings.Split(line, ":")
		if len(f) != 7 || strings.HasPrefix(line, "#") {
			continue
		}
		uid, err1 := strconv.ParseInt(f[2], 10, 64)
		gid, err2 := strconv.ParseInt(f[3], 10, 64)
		if err1 != nil || err2 != nil {
			continue
		}
		out = append(out, pwdEntry{f[0], f[1], uid, gid, f[4], f[5], f[6]})
	}
	return out
}

func (e pwdEntry) object() Object {
	return pwdStruct.Make(posixDecode(e.name), posixDecode(e.passwd), Int(e.uid), Int(e.gid), posixDecode(e.gecos), posixDecode(e.dir), posixDecode(e.sh))
}

func init() {
	RegisterNativeModule("pwd", func(t *Thread) (*Module, error) {
		pwdTypeOnce.Do(func() {
			pwdStruct = NewStructSeqType("struct_passwd", "pwd", []string{"pw_name", "pw_passwd", "pw_uid", "pw_gid", "pw_gecos", "pw_dir", "pw_shell"})
		})
		m := NewModule("pwd")
		m.dict.SetStr("struct_passwd", pwdStruct.Type)
		m.AddFunc("getpwuid", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) != 1 {
				return nil, TypeErrorf("getpwuid() takes exactly one argument (%d given)", len(args))
			}
			uid, err := AsInt64(t, args[0])
			if err != nil {
				return nil, err
			}
			for _, e := range pwdEntries() {
				if e.uid == uid {
					return e.object(), nil
				}
			}
			return nil, NewException(KeyErrorType, NewStr("getpwuid(): uid not found: "+strconv.FormatInt(uid, 10)))
		})
		m.AddFunc("getpwnam", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) != 1 {
				return nil, TypeErrorf("getpwnam() takes exactly one argument (%d given)", len(args))
			}
			name, ok := args[0].(*Str)
			if !ok {
				return nil, TypeErrorf("getpwnam() argument must be str, not %s", typeName(args[0]))
			}
			for _, e := range pwdEntries() {
				if e.name == name.s {
					return e.object(), nil
				}
			}
			r, _ := ReprString(t, name)
			return nil, NewException(KeyErrorType, NewStr("getpwnam(): name not found: "+r))
		})
		m.AddFunc("getpwall", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var out []Object
			for _, e := range pwdEntries() {
				out = append(out, e.object())
			}
			return NewList(out...), nil
		})
		return m, nil
	})
}
