package py

import (
	"strings"

	"freepy/interp/strops"
	"freepy/interp/syntax"
)

// unicodedata: the Unicode character database (Unicode 14.0.0, as CPython
// 3.11's), plus ucd_3_2_0, the Unicode 3.2.0 view that stringprep and the
// idna codec require. The properties and normalisation live in strops
// (ucd.go, normalize.go), the names in syntax (unames.go, shared with
// "\N{...}" escapes).

// UCDType is unicodedata.UCD, the type of ucd_3_2_0.
var UCDType = newBuiltinType("UCD", ObjectType)

// UCDObj is a unicodedata.UCD: one version of the database.
type UCDObj struct{ db *strops.UCD }

// Type returns unicodedata.UCD.
func (*UCDObj) Type() *Type { return UCDType }

const unicodedataDoc = "This module provides access to the Unicode Character Database which\n" +
	"defines character properties for all Unicode characters. The data in\n" +
	"this database is based on the UnicodeData.txt file version\n" +
	"14.0.0 which is publicly available from ftp://ftp.unicode.org/.\n\n" +
	"The module uses the same names and symbols as defined by the\n" +
	"UnicodeData File Format 14.0.0."

// ucdDocs are the docstrings of the functions (CPython's).
var ucdDocs = map[string]string{
	"bidirectional":    "Returns the bidirectional class assigned to the character chr as string.\n\nIf no such value is defined, an empty string is returned.",
	"category":         "Returns the general category assigned to the character chr as string.",
	"combining":        "Returns the canonical combining class assigned to the character chr as integer.\n\nReturns 0 if no combining class is defined.",
	"decimal":          "Converts a Unicode character into its equivalent decimal value.\n\nReturns the decimal value assigned to the character chr as integer.\nIf no such value is defined, default is returned, or, if not given,\nValueError is raised.",
	"decomposition":    "Returns the character decomposition mapping assigned to the character chr as string.\n\nAn empty string is returned in case no such mapping is defined.",
	"digit":            "Converts a Unicode character into its equivalent digit value.\n\nReturns the digit value assigned to the character chr as integer.\nIf no such value is defined, default is returned, or, if not given,\nValueError is raised.",
	"east_asian_width": "Returns the east asian width assigned to the character chr as string.",
	"is_normalized":    "Return whether the Unicode string unistr is in the normal form 'form'.\n\nValid values for form are 'NFC', 'NFKC', 'NFD', and 'NFKD'.",
	"lookup":           "Look up character by name.\n\nIf a character with the given name is found, return the\ncorresponding character.  If not found, KeyError is raised.",
	"mirrored":         "Returns the mirrored property assigned to the character chr as integer.\n\nReturns 1 if the character has been identified as a \"mirrored\"\ncharacter in bidirectional text, 0 otherwise.",
	"name":             "Returns the name assigned to the character chr as a string.\n\nIf no name is defined, default is returned, or, if not given,\nValueError is raised.",
	"normalize":        "Return the normal form 'form' for the Unicode string unistr.\n\nValid values for form are 'NFC', 'NFKC', 'NFD', and 'NFKD'.",
	"numeric":          "Converts a Unicode character into its equivalent numeric value.\n\nReturns the numeric value assigned to the character chr as float.\nIf no such value is defined, default is returned, or, if not given,\nValueError is raised.",
}

// ucdFuncs builds the functions shared by the module (prefix
// "unicodedata.", the main database) and UCD methods (prefix "UCD.", the
// instance's database); CPython's messages name them so.
func ucdFuncs(prefix string, dbOf func(self Object) *strops.UCD) map[string]BuiltinFunc {
	noKw := func(name string, kw []string) error {
		if len(kw) > 0 {
			return TypeErrorf("%s%s() takes no keyword arguments", prefix, name)
		}
		return nil
	}
	// char reads a one-character str argument; pos is "argument" for
	// one-argument functions, "argument 1" for the others.
	char := func(name, pos string, o Object) (rune, error) {
		if s, ok := unwrap(o).(*Str); ok && s.Len() == 1 {
			return s.At(0), nil
		}
		return 0, TypeErrorf("%s() %s must be a unicode character, not %s", name, pos, typeName(o))
	}
	// unary makes a function of exactly one character.
	unary := func(name string, fn func(db *strops.UCD, r rune) (Object, error)) BuiltinFunc {
		return func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if err := noKw(name, kw); err != nil {
				return nil, err
			}
			if len(args) != 1 {
				return nil, TypeErrorf("%s%s() takes exactly one argument (%d given)", prefix, name, len(args))
			}
			r, err := char(name, "argument", args[0])
			if err != nil {
				return nil, err
			}
			return fn(dbOf(self), r)
		}
	}
	// withDefault makes a function of a character and an optional default,
	// returned (when given) instead of raising ValueError(msg).
	withDefault := func(name, msg string, fn func(db *strops.UCD, r rune) (Object, bool)) BuiltinFunc {
		return func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if err := noKw(name, kw); err != nil {
				return nil, err
			}
			var c, def Object
			if err := ParseArgs(name, args, nil, []string{"", ""}, 1, &c, &def); err != nil {
				return nil, err
			}
			r, err := char(name, "argument 1", c)
			if err != nil {
				return nil, err
			}
			if v, ok := fn(dbOf(self), r); ok {
				return v, nil
			}
			if def != nil {
				return def, nil
			}
			return nil, ValueErrorf("%s", msg)
		}
	}
	// normArgs reads the (form, str) arguments of normalize/is_normalized.
	normArgs := func(name string, args []Object, kw []string) (string, *Str, error) {
		if err := noKw(name, kw); err != nil {
			return "", nil, err
		}
		if len(args) != 2 {
			return "", nil, TypeErrorf("%s expected 2 arguments, got %d", name, len(args))
		}
		form, ok := unwrap(args[0]).(*Str)
		if !ok {
			return "", nil, TypeErrorf("%s() argument 1 must be str, not %s", name, typeName(args[0]))
		}
		s, ok := unwrap(args[1]).(*Str)
		if !ok {
			return "", nil, TypeErrorf("%s() argument 2 must be str, not %s", name, typeName(args[1]))
		}
		if !strops.NormalForm(form.s) {
			return "", nil, ValueErrorf("invalid normalization form")
		}
		return form.s, s, nil
	}
	return map[string]BuiltinFunc{
		"category": unary("category", func(db *strops.UCD, r rune) (Object, error) {
			return NewStr(db.Props(r).Category), nil
		}),
		"bidirectional": unary("bidirectional", func(db *strops.UCD, r rune) (Object, error) {
			return NewStr(db.Props(r).Bidirectional), nil
		}),
		"combining": unary("combining", func(db *strops.UCD, r rune) (Object, error) {
			return Int(db.Props(r).Combining), nil
		}),
		"east_asian_width": unary("east_asian_width", func(db *strops.UCD, r rune) (Object, error) {
			return NewStr(db.Props(r).EastAsianWidth), nil
		}),
		"mirrored": unary("mirrored", func(db *strops.UCD, r rune) (Object, error) {
			if db.Props(r).Mirrored {
				return Int(1), nil
			}
			return Int(0), nil
		}),
		"decomposition": unary("decomposition", func(db *strops.UCD, r rune) (Object, error) {
			return NewStr(db.Decomposition(r)), nil
		}),
		"decimal": withDefault("decimal", "not a decimal", func(db *strops.UCD, r rune) (Object, bool) {
			d := db.Props(r).Decimal
			return Int(d), d >= 0
		}),
		"digit": withDefault("digit", "not a digit", func(db *strops.UCD, r rune) (Object, bool) {
			d := db.Props(r).Digit
			return Int(d), d >= 0
		}),
		"numeric": withDefault("numeric", "not a numeric character", func(db *strops.UCD, r rune) (Object, bool) {
			p := db.Props(r)
			return Float(p.Numeric), p.HasNumeric
		}),
		"name": withDefault("name", "no such name", func(db *strops.UCD, r rune) (Object, bool) {
			if !db.Assigned(r) {
				return nil, false // ucd_3_2_0 does not name characters added since
			}
			n, ok := syntax.UnicodeName(r)
			return NewStr(n), ok
		}),
		"lookup": func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			if err := noKw("lookup", kw); err != nil {
				return nil, err
			}
			if len(args) != 1 {
				return nil, TypeErrorf("%slookup() takes exactly one argument (%d given)", prefix, len(args))
			}
			var name string
			switch o := unwrap(args[0]).(type) {
			case *Str:
				name = o.s
			case *Bytes:
				name = string(o.b)
			case *ByteArray, *MemoryView:
				return nil, TypeErrorf("lookup() argument must be read-only bytes-like object, not %s", typeName(args[0]))
			default:
				return nil, TypeErrorf("a bytes-like object is required, not '%s'", typeName(args[0]))
			}
			if len(name) > 256 {
				return nil, NewError(KeyErrorType, "name too long")
			}
			db := dbOf(self)
			// Unicode 3.2.0 had no aliases or named sequences.
			modern := db == strops.UnicodeDB(false)
			rs, ok := syntax.LookupUnicode(name, modern, modern, db.Assigned)
			if !ok {
				// CPython formats the name as a C string.
				if i := strings.IndexByte(name, 0); i >= 0 {
					name = name[:i]
				}
				return nil, NewError(KeyErrorType, "undefined character name '"+name+"'")
			}
			return NewStr(strops.FromRunes(rs)), nil
		},
		"normalize": func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			form, s, err := normArgs("normalize", args, kw)
			if err != nil {
				return nil, err
			}
			db := dbOf(self)
			if s.n == 0 {
				return args[1], nil
			}
			out := db.Normalize(form, s.s)
			// CPython returns the argument itself when its quick check finds
			// it normalised, which the 3.2.0 database never does.
			if out == s.s && db == strops.UnicodeDB(false) {
				return args[1], nil
			}
			return NewStr(out), nil
		},
		"is_normalized": func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
			form, s, err := normArgs("is_normalized", args, kw)
			if err != nil {
				return nil, err
			}
			return NewBool(dbOf(self).IsNormalized(form, s.s)), nil
		},
	}
}

func init() {
	UCDType.Flags.And(^uint64(FlagBaseType))
	UCDType.CName = "unicodedata.UCD"
	UCDType.New = func(t *Thread, _ *Type, args []Object, kw []string) (Object, error) {
		return nil, TypeErrorf("cannot create 'unicodedata.UCD' instances")
	}
	for name, fn := range ucdFuncs("UCD.", func(self Object) *strops.UCD { return self.(*UCDObj).db }) {
		UCDType.Dict.SetStr(name, &MethodDescr{Name: name, Owner: UCDType, Doc: ucdDocs[name], Fn: fn})
	}
	UCDType.AddGetSet("unidata_version", func(t *Thread, o Object) (Object, error) {
		return NewStr(o.(*UCDObj).db.Version), nil
	}, nil)
	registerType(UCDType)

	RegisterNativeModule("unicodedata", func(t *Thread) (*Module, error) {
		m := NewModule("unicodedata")
		m.dict.SetStr("__doc__", NewStr(unicodedataDoc))
		for name, fn := range ucdFuncs("unicodedata.", func(Object) *strops.UCD { return strops.UnicodeDB(false) }) {
			m.dict.SetStr(name, &Builtin{Name: name, Doc: ucdDocs[name], Fn: fn, Self: m})
		}
		// Set here: finishing the built-in types gives them "builtins".
		UCDType.Dict.SetStr("__module__", NewStr("unicodedata"))
		m.dict.SetStr("UCD", UCDType)
		m.dict.SetStr("unidata_version", NewStr(strops.UnicodeDB(false).Version))
		m.dict.SetStr("ucd_3_2_0", &UCDObj{strops.UnicodeDB(true)})
		return m, nil
	})
}
