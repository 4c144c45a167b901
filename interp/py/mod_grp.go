package py

import (
	"errors"
	"io/fs"
	"math"
	"os"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"freepy/interp/strops"
)

// grp and spwd: the group and shadow password databases, read from
// /etc/group and /etc/shadow as pwd reads /etc/passwd (freepy does not go
// through the C library's NSS: entries from LDAP or other NSS sources are
// not seen).

var (
	grpTypeOnce sync.Once
	grpStruct   *StructSeq
	spwdStruct  *StructSeq
)

func grpTypes() {
	grpTypeOnce.Do(func() {
		grpStruct = NewStructSeqType("struct_group", "grp", []string{"gr_name", "gr_passwd", "gr_gid", "gr_mem"})
		spwdStruct = NewStructSeqType("struct_spwd", "spwd", []string{"sp_namp", "sp_pwdp", "sp_lstchg", "sp_min", "sp_max", "sp_warn", "sp_inact", "sp_expire", "sp_flag"})
		// sp_nam and sp_pwd are unnamed-in-the-tuple aliases of the first
		// two fields, counted in n_fields as CPython does
		st := spwdStruct.Type
		st.Dict.SetStr("n_fields", Int(11))
		// (set on the entries the module returns, None on an instance
		// built from a 9-sequence), kept in the instance dict
		for _, name := range []string{"sp_nam", "sp_pwd"} {
			name := name
			st.AddGetSet(name, func(t *Thread, o Object) (Object, error) {
				if in, ok := o.(*Instance); ok && LoadPtr(&in.dict) != nil {
					if v := LoadPtr(&in.dict).GetStr(name); v != nil {
						return v, nil
					}
				}
				return None, nil
			}, nil)
		}
	})
}

// dbLines returns the fields of each line of a colon-separated database
// file with n fields.
func dbLines(path string, n int) ([][]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out [][]string
	for _, line := range strings.Split(string(data), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, ":")
		if len(f) != n {
			continue
		}
		out = append(out, f)
	}
	return out, nil
}

type grpEntry struct {
	name, passwd string
	gid          uint32
	mem          []string
}

func grpEntries() []grpEntry {
	lines, _ := dbLines("/etc/group", 4)
	var out []grpEntry
	for _, f := range lines {
		gid, err := strconv.ParseUint(f[2], 10, 32)
		if err != nil {
			continue
		}
		var mem []string
		if f[3] != "" {
			mem = strings.Split(f[3], ",")
		}
		out = append(out, grpEntry{f[0], f[1], uint32(gid), mem})
	}
	return out
}

func (e grpEntry) object() Object {
	mem := make([]Object, len(e.mem))
	for i, m := range e.mem {
		mem[i] = posixDecode(m)
	}
	return grpStruct.Make(posixDecode(e.name), posixDecode(e.passwd), Int(e.gid), NewList(mem...))
}

// gidArg is CPython's _Py_Gid_Converter: -1 is (gid_t)-1, other negative
// values and values that do not fit gid_t are OverflowErrors.
func gidArg(t *Thread, o Object) (uint32, error) {
	if _, ok := unwrap(o).(Float); ok || (!isIntLike(o) && LoadPtr(&o.Type().Index) == nil) {
		return 0, TypeErrorf("gid should be integer, not %s", typeName(o))
	}
	v, err := Index(t, o)
	if err != nil {
		return 0, err
	}
	less := NewError(OverflowErrorType, "gid is less than minimum")
	greater := NewError(OverflowErrorType, "gid is greater than maximum")
	n, ok := v.(Int)
	if !ok {
		b, _ := asBig(v)
		if b.Sign() < 0 {
			return 0, less
		}
		return 0, greater
	}
	switch {
	case n == -1:
		return math.MaxUint32, nil
	case n < 0:
		return 0, less
	case n > math.MaxUint32:
		// a value that a C long holds but gid_t truncates
		return 0, less
	}
	return uint32(n), nil
}

// oneArgKw parses f(name) where name may also be given by keyword, with
// Argument Clinic's messages.
func oneArgKw(fname, param string, args []Object, kw []string) (Object, error) {
	npos := len(args) - len(kw)
	if len(args) > 1 {
		return nil, TypeErrorf("%s() takes at most 1 argument (%d given)", fname, len(args))
	}
	if npos == 1 {
		return args[0], nil
	}
	if len(kw) == 1 && kw[0] == param {
		return args[0], nil
	}
	return nil, TypeErrorf("%s() missing required argument '%s' (pos 1)", fname, param)
}

// fsEncodeName encodes a str argument for the OS (UTF-8, surrogateescape)
// and refuses embedded NULs.
func fsEncodeName(s *Str) (string, error) {
	out := s.s
	if !s.ascii {
		b, err := strops.Encode(s.s, "utf-8", "surrogateescape")
		if err != nil {
			return "", ioCodecError(err)
		}
		out = string(b)
	}
	if strings.IndexByte(out, 0) >= 0 {
		return "", ValueErrorf("embedded null byte")
	}
	return out, nil
}

type spwdEntry struct {
	f [9]string
}

func (e spwdEntry) object() Object {
	items := make([]Object, 9)
	items[0] = posixDecode(e.f[0])
	items[1] = posixDecode(e.f[1])
	for i := 2; i < 9; i++ {
		// an empty numeric field is -1, as the C library reports it
		n, err := strconv.ParseInt(e.f[i], 10, 64)
		if err != nil {
			n = -1
		}
		items[i] = Int(n)
	}
	o := spwdStruct.Make(items...)
	in := o.(*Instance)
	in.dict = NewDict()
	LoadPtr(&in.dict).SetStr("sp_nam", items[0])
	LoadPtr(&in.dict).SetStr("sp_pwd", items[1])
	return o
}

func spwdEntries() ([]spwdEntry, error) {
	lines, err := dbLines("/etc/shadow", 9)
	if err != nil {
		return nil, err
	}
	out := make([]spwdEntry, len(lines))
	for i, f := range lines {
		copy(out[i].f[:], f)
	}
	return out, nil
}

// shadowError is the errno the C library leaves when /etc/shadow cannot be
// read (EACCES for a user other than root).
func shadowError(err error) error {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return newOSError(int(errno), nil, nil)
	}
	if errors.Is(err, fs.ErrPermission) {
		return newOSError(int(syscall.EACCES), nil, nil)
	}
	return newOSError(int(syscall.ENOENT), nil, nil)
}

func init() {
	RegisterNativeModule("grp", func(t *Thread) (*Module, error) {
		grpTypes()
		m := NewModule("grp")
		m.dict.SetStr("__doc__", NewStr("The group database (/etc/group)."))
		m.dict.SetStr("struct_group", grpStruct.Type)
		m.AddFunc("getgrgid", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			id, err := oneArgKw("getgrgid", "id", args, kw)
			if err != nil {
				return nil, err
			}
			gid, err := gidArg(t, id)
			if err != nil {
				return nil, err
			}
			for _, e := range grpEntries() {
				if e.gid == gid {
					return e.object(), nil
				}
			}
			return nil, NewException(KeyErrorType, NewStr("getgrgid(): gid not found: "+strconv.Itoa(int(int32(gid)))))
		})
		m.AddFunc("getgrnam", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			o, err := oneArgKw("getgrnam", "name", args, kw)
			if err != nil {
				return nil, err
			}
			name, ok := o.(*Str)
			if !ok {
				return nil, TypeErrorf("getgrnam() argument 'name' must be str, not %s", typeName(o))
			}
			s, err := fsEncodeName(name)
			if err != nil {
				return nil, err
			}
			for _, e := range grpEntries() {
				if e.name == s {
					return e.object(), nil
				}
			}
			r, err := ReprString(t, name)
			if err != nil {
				return nil, err
			}
			return nil, NewException(KeyErrorType, NewStr("getgrnam(): name not found: "+r))
		})
		m.AddFunc("getgrall", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) > 0 {
				return nil, TypeErrorf("grp.getgrall() takes no arguments (%d given)", len(args))
			}
			var out []Object
			for _, e := range grpEntries() {
				out = append(out, e.object())
			}
			return NewList(out...), nil
		})
		return m, nil
	})

	RegisterNativeModule("spwd", func(t *Thread) (*Module, error) {
		grpTypes()
		m := NewModule("spwd")
		m.dict.SetStr("__doc__", NewStr("The shadow password database (/etc/shadow); reading it needs root."))
		m.dict.SetStr("struct_spwd", spwdStruct.Type)
		m.AddFunc("getspnam", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(kw) > 0 {
				return nil, TypeErrorf("spwd.getspnam() takes no keyword arguments")
			}
			if len(args) != 1 {
				return nil, TypeErrorf("spwd.getspnam() takes exactly one argument (%d given)", len(args))
			}
			name, ok := args[0].(*Str)
			if !ok {
				return nil, TypeErrorf("getspnam() argument must be str, not %s", typeName(args[0]))
			}
			s, err := fsEncodeName(name)
			if err != nil {
				return nil, err
			}
			entries, err := spwdEntries()
			if err != nil {
				return nil, shadowError(err)
			}
			for _, e := range entries {
				if e.f[0] == s {
					return e.object(), nil
				}
			}
			return nil, NewException(KeyErrorType, NewStr("getspnam(): name not found"))
		})
		m.AddFunc("getspall", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) > 0 {
				return nil, TypeErrorf("spwd.getspall() takes no arguments (%d given)", len(args))
			}
			// like the C library's getspent loop, an unreadable file is an
			// empty database
			entries, _ := spwdEntries()
			out := make([]Object, len(entries))
			for i, e := range entries {
				out[i] = e.object()
			}
			return NewList(out...), nil
		})
		// PEP 594: deprecated in 3.11, warned about at import
		if w, err := t.importModule("warnings"); err == nil {
			if fn, err := GetAttr(t, w, Intern("warn")); err == nil {
				if _, err := Call(t, fn, []Object{NewStr("'spwd' is deprecated and slated for removal in Python 3.13"), DeprecationWarningType, Int(1)}, nil); err != nil {
					return nil, err
				}
			}
		}
		return m, nil
	})
}
