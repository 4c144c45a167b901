package py

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// syslog: the system logger through the C library (syslog_cgo.go), with
// CPython 3.11's arguments. The log is process-wide state, guarded by
// syslogState.mu; openlog(3) keeps the ident pointer, so the C copy lives
// until the next openlog or closelog.

var syslogConstants = map[string]int64{
	"LOG_EMERG": 0, "LOG_ALERT": 1, "LOG_CRIT": 2, "LOG_ERR": 3, "LOG_WARNING": 4,
	"LOG_NOTICE": 5, "LOG_INFO": 6, "LOG_DEBUG": 7,
	"LOG_KERN": 0, "LOG_USER": 8, "LOG_MAIL": 16, "LOG_DAEMON": 24, "LOG_AUTH": 32,
	"LOG_SYSLOG": 40, "LOG_LPR": 48, "LOG_NEWS": 56, "LOG_UUCP": 64, "LOG_CRON": 72,
	"LOG_AUTHPRIV": 80, "LOG_LOCAL0": 128, "LOG_LOCAL1": 136, "LOG_LOCAL2": 144,
	"LOG_LOCAL3": 152, "LOG_LOCAL4": 160, "LOG_LOCAL5": 168, "LOG_LOCAL6": 176,
	"LOG_LOCAL7": 184,
	"LOG_PID":    1, "LOG_CONS": 2, "LOG_ODELAY": 4, "LOG_NDELAY": 8, "LOG_NOWAIT": 16,
	"LOG_PERROR": 32,
}

var syslogState struct {
	mu    sync.Mutex
	open  bool
	ident cIdent
}

// syslogUTF8 is PyUnicode_AsUTF8: lone surrogates cannot be encoded. C
// sees the text up to its first NUL.
func syslogUTF8(t *Thread, s *Str) (string, error) {
	if !utf8.ValidString(s.s) {
		_, err := strictEncodeError(t, s)
		return "", err
	}
	if i := strings.IndexByte(s.s, 0); i >= 0 {
		return s.s[:i], nil
	}
	return s.s, nil
}

// strictEncodeError raises the UnicodeEncodeError s.encode() raises.
func strictEncodeError(t *Thread, s *Str) (Object, error) {
	return CallMethod(t, s, "encode")
}

// syslogArgv0 is the default ident: the last path component of
// sys.argv[0], or nil (the C library's own choice) when there is none.
func syslogArgv0(t *Thread) (*string, error) {
	argv, ok := t.interp.Sys.dict.GetStr("argv").(*List)
	if !ok {
		return nil, nil
	}
	items := argv.snapshot()
	if len(items) == 0 {
		return nil, nil
	}
	s, ok := items[0].(*Str)
	if !ok || s.s == "" {
		return nil, nil
	}
	name := s.s
	if i := strings.LastIndexByte(name, '/'); i >= 0 {
		name = name[i+1:]
	}
	v, err := syslogUTF8(t, NewStr(name))
	if err != nil {
		return nil, err
	}
	return &v, nil
}

// syslogOpen calls openlog(3); the caller holds syslogState.mu.
func syslogOpen(ident *string, option, facility int) {
	old := syslogState.ident
	syslogState.ident = cOpenlog(ident, option, facility)
	cFreeIdent(old)
	syslogState.open = true
}

// cLongArg is the "l" converter: a C long.
func cLongArg(t *Thread, o Object) (int64, error) {
	return AsInt64(t, o)
}

func init() {
	RegisterNativeModule("syslog", func(t *Thread) (*Module, error) {
		m := NewModule("syslog")
		for name, v := range syslogConstants {
			m.dict.SetStr(name, Int(v))
		}
		m.AddFunc("openlog", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var identObj, optObj, facObj Object
			if err := parseTupleKw("openlog", args, kw, []string{"ident", "logoption", "facility"}, 0, &identObj, &optObj, &facObj); err != nil {
				return nil, err
			}
			var ident *string
			if identObj != nil {
				s, ok := identObj.(*Str)
				if !ok {
					what := typeName(identObj)
					if identObj == None {
						what = "None"
					}
					return nil, TypeErrorf("openlog() argument 1 must be str, not %s", what)
				}
				v, err := syslogUTF8(t, s)
				if err != nil {
					return nil, err
				}
				ident = &v
			}
			var opt, fac int64 = 0, 8
			var err error
			if optObj != nil {
				if opt, err = cLongArg(t, optObj); err != nil {
					return nil, err
				}
			}
			if facObj != nil {
				if fac, err = cLongArg(t, facObj); err != nil {
					return nil, err
				}
			}
			if ident == nil {
				if ident, err = syslogArgv0(t); err != nil {
					return nil, err
				}
			}
			syslogState.mu.Lock()
			syslogOpen(ident, int(int32(opt)), int(int32(fac)))
			syslogState.mu.Unlock()
			return None, nil
		})
		m.AddFunc("syslog", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(kw) > 0 {
				return nil, TypeErrorf("syslog() takes no keyword arguments")
			}
			usage := TypeErrorf("[priority,] message string")
			priority := int32(6) // LOG_INFO
			var msgObj Object
			switch len(args) {
			case 1:
				msgObj = args[0]
			case 2:
				if !isIntLike(args[0]) && LoadPtr(&args[0].Type().Index) == nil {
					return nil, usage
				}
				p, err := getargsInt(t, args[0])
				if err != nil {
					return nil, usage
				}
				priority, msgObj = p, args[1]
			default:
				return nil, usage
			}
			s, ok := msgObj.(*Str)
			if !ok {
				return nil, usage
			}
			msg, err := syslogUTF8(t, s)
			if err != nil {
				return nil, err
			}
			syslogState.mu.Lock()
			if !syslogState.open {
				ident, err := syslogArgv0(t)
				if err != nil {
					syslogState.mu.Unlock()
					return nil, err
				}
				syslogOpen(ident, 0, 8)
			}
			held := t.BeginBlocking()
			cSyslog(int(priority), msg)
			t.EndBlocking(held)
			syslogState.mu.Unlock()
			return None, nil
		})
		m.AddFunc("closelog", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) > 0 {
				return nil, TypeErrorf("syslog.closelog() takes no arguments (%d given)", len(args))
			}
			syslogState.mu.Lock()
			defer syslogState.mu.Unlock()
			if syslogState.open {
				cCloselog()
				cFreeIdent(syslogState.ident)
				syslogState.ident = nil
				syslogState.open = false
			}
			return None, nil
		})
		m.AddFunc("setlogmask", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(kw) > 0 {
				return nil, TypeErrorf("setlogmask() takes no keyword arguments")
			}
			if len(args) != 1 {
				return nil, TypeErrorf("mask for priority")
			}
			mask, err := cLongArg(t, args[0])
			if err != nil {
				return nil, err
			}
			return Int(cSetlogmask(int(int32(mask)))), nil
		})
		// LOG_MASK(pri) is C's 1 << pri and LOG_UPTO(pri) (1 << (pri+1)) - 1,
		// on a 32-bit int whose shift count the machine takes modulo 32
		m.AddFunc("LOG_MASK", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) != 1 {
				return nil, TypeErrorf("LOG_MASK() takes exactly 1 argument (%d given)", len(args))
			}
			pri, err := cLongArg(t, args[0])
			if err != nil {
				return nil, err
			}
			return Int(int32(uint32(1) << (uint64(pri) & 31))), nil
		})
		m.AddFunc("LOG_UPTO", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) != 1 {
				return nil, TypeErrorf("LOG_UPTO() takes exactly 1 argument (%d given)", len(args))
			}
			pri, err := cLongArg(t, args[0])
			if err != nil {
				return nil, err
			}
			return Int(int32(uint32(1)<<(uint64(pri+1)&31) - 1)), nil
		})
		return m, nil
	})
}
