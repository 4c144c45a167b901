package py

import (
	"strconv"
	"strings"

	"freepy/interp/strops"
)

// The _locale native module, minimal: freepy runs in the C locale with a
// UTF-8 LC_CTYPE (CPython's behaviour under C.UTF-8) and supports only
// C/POSIX/C.UTF-8 locales.

var localeCategories = []string{"LC_CTYPE", "LC_NUMERIC", "LC_TIME", "LC_COLLATE", "LC_MONETARY", "LC_MESSAGES"}

var localeConstants = map[string]int{
	"LC_CTYPE": 0, "LC_NUMERIC": 1, "LC_TIME": 2, "LC_COLLATE": 3, "LC_MONETARY": 4, "LC_MESSAGES": 5, "LC_ALL": 6,
	"CHAR_MAX": 127, "CODESET": 14, "RADIXCHAR": 65536, "THOUSEP": 65537,
	"D_T_FMT": 131112, "D_FMT": 131113, "T_FMT": 131114, "T_FMT_AMPM": 131115, "AM_STR": 131110, "PM_STR": 131111,
	"ERA": 131116, "ERA_D_FMT": 131118, "ALT_DIGITS": 131119, "ERA_D_T_FMT": 131120, "ERA_T_FMT": 131121,
	"YESEXPR": 327680, "NOEXPR": 327681, "CRNCYSTR": 262159, "_DATE_FMT": 131180,
}

// localeLangInfo is nl_langinfo in the C locale.
var localeLangInfo = map[int]string{
	14: "UTF-8", 65536: ".", 65537: "", 131112: "%a %b %e %H:%M:%S %Y", 131113: "%m/%d/%y", 131114: "%H:%M:%S",
	131115: "%I:%M:%S %p", 131110: "AM", 131111: "PM", 327680: "^[yY]", 327681: "^[nN]", 262159: "-", 131180: "%a %b %e %H:%M:%S %Z %Y",
}

func init() {
	days := []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}
	months := []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}
	for i, d := range days {
		n := strconv.Itoa(i + 1)
		localeConstants["DAY_"+n] = 131079 + i
		localeConstants["ABDAY_"+n] = 131072 + i
		localeLangInfo[131079+i] = d
		localeLangInfo[131072+i] = d[:3]
	}
	for i, m := range months {
		n := strconv.Itoa(i + 1)
		localeConstants["MON_"+n] = 131098 + i
		localeConstants["ABMON_"+n] = 131086 + i
		localeLangInfo[131098+i] = m
		localeLangInfo[131086+i] = m[:3]
	}
	RegisterNativeModule("_locale", func(t *Thread) (*Module, error) {
		m := NewModule("_locale")
		d := m.dict
		for k, v := range localeConstants {
			d.SetStr(k, Int(v))
		}
		ns := NewDict()
		ns.SetStr("__module__", NewStr("locale"))
		errType, err := Call(t, TypeType, []Object{NewStr("Error"), NewTuple(ExceptionType), ns}, nil)
		if err != nil {
			return nil, err
		}
		d.SetStr("Error", errType)
		m.AddFunc("setlocale", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			var cat, loc Object
			if err := ParseArgs("setlocale", args, kw, []string{"", ""}, 1, &cat, &loc); err != nil {
				return nil, err
			}
			c, err := AsInt64(t, cat)
			if err != nil {
				return nil, err
			}
			if c < 0 || c > 6 {
				return nil, Errorf(errType.(*Type), "unsupported locale setting")
			}
			if loc != nil && loc != None {
				s, ok := loc.(*Str)
				if !ok {
					return nil, TypeErrorf("setlocale() argument 2 must be str or None, not %s", typeName(loc))
				}
				switch s.s {
				case "", "C", "POSIX", "C.UTF-8", "C.utf8":
				default:
					return nil, Errorf(errType.(*Type), "unsupported locale setting")
				}
			}
			if c == 6 {
				var b strings.Builder
				b.WriteString("LC_CTYPE=C.UTF-8")
				for _, n := range localeCategories[1:] {
					b.WriteString(";" + n + "=C")
				}
				for _, n := range []string{"LC_PAPER", "LC_NAME", "LC_ADDRESS", "LC_TELEPHONE", "LC_MEASUREMENT", "LC_IDENTIFICATION"} {
					b.WriteString(";" + n + "=C")
				}
				return NewStr(b.String()), nil
			}
			if c == 0 {
				return NewStr("C.UTF-8"), nil
			}
			return NewStr("C"), nil
		})
		m.AddFunc("localeconv", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			r := NewDict()
			for _, k := range []string{"int_curr_symbol", "currency_symbol", "mon_decimal_point", "mon_thousands_sep", "positive_sign", "negative_sign", "thousands_sep"} {
				r.SetStr(k, NewStr(""))
			}
			r.SetStr("mon_grouping", NewList())
			r.SetStr("grouping", NewList())
			for _, k := range []string{"int_frac_digits", "frac_digits", "p_cs_precedes", "p_sep_by_space", "n_cs_precedes", "n_sep_by_space", "p_sign_posn", "n_sign_posn"} {
				r.SetStr(k, Int(127))
			}
			r.SetStr("decimal_point", NewStr("."))
			return r, nil
		})
		m.AddFunc("nl_langinfo", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) != 1 {
				return nil, TypeErrorf("nl_langinfo() takes exactly one argument (%d given)", len(args))
			}
			k, err := AsInt64(t, args[0])
			if err != nil {
				return nil, err
			}
			if s, ok := localeLangInfo[int(k)]; ok {
				return NewStr(s), nil
			}
			if k == 131116 || k == 131118 || k == 131119 || k == 131120 || k == 131121 {
				return NewStr(""), nil
			}
			return nil, ValueErrorf("unsupported langinfo constant")
		})
		m.AddFunc("getencoding", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			return NewStr("UTF-8"), nil
		})
		m.AddFunc("strcoll", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) != 2 {
				return nil, TypeErrorf("strcoll expected 2 arguments, got %d", len(args))
			}
			a, ok1 := args[0].(*Str)
			b, ok2 := args[1].(*Str)
			if !ok1 || !ok2 {
				return nil, TypeErrorf("strcoll() argument must be str")
			}
			// the C locale collates by code point
			ra, rb := strops.Runes(a.s), strops.Runes(b.s)
			for i := 0; i < len(ra) && i < len(rb); i++ {
				if ra[i] != rb[i] {
					if ra[i] < rb[i] {
						return Int(-1), nil
					}
					return Int(1), nil
				}
			}
			switch {
			case len(ra) < len(rb):
				return Int(-1), nil
			case len(ra) > len(rb):
				return Int(1), nil
			}
			return Int(0), nil
		})
		m.AddFunc("strxfrm", func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
			if len(args) != 1 {
				return nil, TypeErrorf("strxfrm() takes exactly one argument (%d given)", len(args))
			}
			s, ok := args[0].(*Str)
			if !ok {
				return nil, TypeErrorf("strxfrm() argument must be str, not %s", typeName(args[0]))
			}
			return s, nil
		})
		for _, name := range []string{"gettext", "dgettext", "dcgettext", "textdomain", "bindtextdomain", "bind_textdomain_codeset"} {
			name := name
			m.AddFunc(name, func(t *Thread, _ Object, args []Object, kw []string) (Object, error) {
				switch name {
				case "gettext":
					if len(args) == 1 {
						return args[0], nil
					}
				case "dgettext", "dcgettext":
					if len(args) >= 2 {
						return args[1], nil
					}
				}
				if len(args) > 0 {
					return args[0], nil
				}
				return None, nil
			})
		}
		return m, nil
	})
}
