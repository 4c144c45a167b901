package py

import (
	"slices"
	"strconv"
	"strings"

	"freepy/interp/pyfmt"
)

// ParseArgs unpacks positional and keyword arguments into dst pointers.
// names gives each parameter's keyword name ("" for positional-only);
// the first required of them must be given. A missing optional one keeps
// the value its variable had: nil, or the default the caller set
// (struct.unpack_from's offset 0 read as nil, and crashed, when it was
// reset).
func ParseArgs(fname string, args []Object, kwnames []string, names []string, required int, dst ...*Object) error {
	npos := len(args) - len(kwnames)
	if npos > len(names) {
		if len(names) == 0 {
			return TypeErrorf("%s() takes no arguments (%d given)", fname, npos)
		}
		if required == len(names) {
			return TypeErrorf("%s() takes exactly %d argument%s (%d given)", fname, len(names), plural(len(names)), npos)
		}
		return TypeErrorf("%s expected at most %d argument%s, got %d", fname, len(names), plural(len(names)), npos)
	}
	for i := 0; i < npos; i++ {
		*dst[i] = args[i]
	}
	var named []bool // which parameters came by keyword
	if len(kwnames) > 0 {
		named = make([]bool, len(names))
	}
	for k, kw := range kwnames {
		found := false
		for i, n := range names {
			if n != "" && n == kw {
				if i < npos || named[i] {
					return TypeErrorf("argument for %s() given by name ('%s') and position (%d)", fname, kw, i+1)
				}
				*dst[i] = args[npos+k]
				named[i] = true
				found = true
				break
			}
		}
		if !found {
			return TypeErrorf("%s() got an unexpected keyword argument '%s'", fname, kw)
		}
	}
	for i := npos; i < required; i++ {
		if named == nil || !named[i] {
			if names[i] != "" {
				return TypeErrorf("%s() missing required argument '%s' (pos %d)", fname, names[i], i+1)
			}
			return TypeErrorf("%s expected at least %d argument%s, got %d", fname, required, plural(required), npos)
		}
	}
	return nil
}

// ParseTupleAndKeywords is ParseArgs with the messages of CPython's
// PyArg_ParseTupleAndKeywords, which some built-ins use (itertools.repeat,
// compress): too many arguments in all first, then a missing required
// one, then a keyword no parameter has.
func ParseTupleAndKeywords(fname string, args []Object, kwnames []string, names []string, required int, dst ...*Object) error {
	npos := len(args) - len(kwnames)
	if len(args) > len(names) {
		kwWord := ""
		if npos == 0 {
			kwWord = "keyword "
		}
		return TypeErrorf("%s() takes at most %d %sargument%s (%d given)", fname, len(names), kwWord, plural(len(names)), len(args))
	}
	for i := npos; i < required; i++ {
		if !slices.Contains(kwnames, names[i]) {
			return TypeErrorf("%s() missing required argument '%s' (pos %d)", fname, names[i], i+1)
		}
	}
	for _, k := range kwnames {
		if !slices.Contains(names, k) {
			return TypeErrorf("'%s' is an invalid keyword argument for %s()", k, fname)
		}
	}
	return ParseArgs(fname, args, kwnames, names, required, dst...)
}

// CallWithKwargs calls fn(*args, **kwargs).
func CallWithKwargs(t *Thread, fn Object, args []Object, kwargs *Dict) (Object, error) {
	if kwargs == nil || kwargs.Len() == 0 {
		return Call(t, fn, args, nil)
	}
	items := kwargs.Items()
	full := make([]Object, 0, len(args)+len(items))
	full = append(full, args...)
	names := make([]string, len(items))
	for i, e := range items {
		s, ok := e.key.(*Str)
		if !ok {
			return nil, TypeErrorf("keywords must be strings")
		}
		names[i] = s.s
		full = append(full, e.value)
	}
	return Call(t, fn, full, names)
}

// fromPyfmt converts a pyfmt error into the Python exception.
func fromPyfmt(err error) error {
	e, ok := err.(*pyfmt.Error)
	if !ok {
		return err
	}
	switch e.Kind {
	case pyfmt.OverflowError:
		return NewError(OverflowErrorType, e.Msg)
	case pyfmt.TypeError:
		return NewError(TypeErrorType, e.Msg)
	case pyfmt.MemoryError:
		return NewError(MemoryErrorType, e.Msg)
	}
	return NewError(ValueErrorType, e.Msg)
}

// Format is format(v, spec).
func Format(t *Thread, v Object, spec *Str) (Object, error) {
	switch x := v.(type) {
	case *Str:
		if spec.s == "" {
			return x, nil
		}
		r, err := pyfmt.FormatStr(x.s, spec.s, "str")
		if err != nil {
			return nil, fromPyfmt(err)
		}
		return NewStr(r), nil
	case Int:
		var tmp [32]byte
		if spec.s == "" {
			return t.asciiStrFromBytes(strconv.AppendInt(tmp[:0], int64(x), 10)), nil
		}
		if b, ok := pyfmt.AppendInt64Spec(tmp[:0], int64(x), spec.s); ok {
			return t.asciiStrFromBytes(b), nil
		}
		r, err := pyfmt.FormatInt64(int64(x), spec.s, "int")
		if err != nil {
			return nil, fromPyfmt(err)
		}
		return NewStr(r), nil
	case *BigInt:
		r, err := pyfmt.FormatInt(&x.v, spec.s, "int")
		if err != nil {
			return nil, fromPyfmt(err)
		}
		return NewStr(r), nil
	case Bool:
		if spec.s == "" {
			return Repr(t, x)
		}
		r, err := pyfmt.FormatInt64(boolToInt(x), spec.s, "bool")
		if err != nil {
			return nil, fromPyfmt(err)
		}
		return NewStr(r), nil
	case Float:
		r, err := pyfmt.FormatFloat(float64(x), spec.s, "float")
		if err != nil {
			return nil, fromPyfmt(err)
		}
		return NewStr(r), nil
	case Complex:
		r, err := pyfmt.FormatComplex(real(x), imag(x), spec.s, "complex")
		if err != nil {
			return nil, fromPyfmt(err)
		}
		return NewStr(r), nil
	}
	r, found, err := callSpecial(t, v, "__format__", spec)
	if !found {
		if spec.s != "" {
			return nil, TypeErrorf("unsupported format string passed to %s.__format__", typeName(v))
		}
		return StrOf(t, v)
	}
	if err != nil {
		return nil, err
	}
	if _, ok := r.(*Str); !ok {
		return nil, TypeErrorf("__format__ must return a str, not %s", typeName(r))
	}
	return r, nil
}

// objectFormat is object.__format__.
func objectFormat(t *Thread, self Object, args []Object, kw []string) (Object, error) {
	if len(args) != 1 || len(kw) != 0 {
		// int and float share this method, and CPython names the owner
		owner := "object"
		switch u := unwrap(self); {
		case isIntLike(u):
			owner = "int"
		case isFloatLike(u):
			owner = "float"
		}
		return nil, argCount(owner+".__format__", args, kw, 1, 1)
	}
	spec, ok := args[0].(*Str)
	if !ok {
		return nil, TypeErrorf("__format__() argument must be str, not %s", typeName(args[0]))
	}
	u := unwrap(self)
	if u != self {
		return Format(t, u, spec)
	}
	switch self.(type) {
	case *Str, Int, *BigInt, Bool, Float, Complex:
		return Format(t, self, spec)
	}
	if spec.s != "" {
		return nil, TypeErrorf("unsupported format string passed to %s.__format__", typeName(self))
	}
	return StrOf(t, self)
}

// Ascii is ascii(v).
func Ascii(t *Thread, v Object) (Object, error) {
	r, err := Repr(t, v)
	if err != nil {
		return nil, err
	}
	if r.ascii {
		return r, nil
	}
	var b strings.Builder
	for i := 0; i < len(r.s); {
		c, n := decodeWTF8(r.s[i:])
		i += n
		switch {
		case c < 0x80:
			b.WriteRune(c)
		case c <= 0xff:
			b.WriteString(`\x` + hex2(int(c)))
		case c <= 0xffff:
			b.WriteString(`\u` + hexN(int(c), 4))
		default:
			b.WriteString(`\U` + hexN(int(c), 8))
		}
	}
	return NewStr(b.String()), nil
}

// percentFormat is str % args.
// parsePercentCached parses a %-format once per thread. Directives are
// never modified after parsing, so sharing them between calls is safe.
func parsePercentCached(t *Thread, format string) []pyfmt.Directive {
	if t == nil || len(format) > 256 {
		return pyfmt.ParsePercent(format)
	}
	if dirs, ok := t.percentCache[format]; ok {
		return dirs
	}
	if t.percentCache == nil || len(t.percentCache) >= 256 {
		t.percentCache = make(map[string][]pyfmt.Directive)
	}
	dirs := pyfmt.ParsePercent(format)
	t.percentCache[format] = dirs
	return dirs
}

func percentFormat(t *Thread, format *Str, args Object) (Object, error) {
	var dirs []pyfmt.Directive
	if t != nil && t.percentLast == format {
		dirs = t.percentLastDirs
	} else {
		dirs = parsePercentCached(t, format.s)
		if t != nil {
			t.percentLast, t.percentLastDirs = format, dirs
		}
	}
	var argList []Object
	var mapping Object
	if tup, ok := unwrap(args).(*Tuple); ok { // tuple subclasses (namedtuple) too
		argList = tup.items
	} else {
		argList = []Object{args}
		if LoadPtr(&args.Type().GetItem) != nil && !isStrLike(args) {
			if _, isTuple := unwrap(args).(*Tuple); !isTuple {
				mapping = args
			}
		}
	}
	next := 0
	takeArg := func() (Object, error) {
		if next >= len(argList) {
			return nil, TypeErrorf("not enough arguments for format string")
		}
		v := argList[next]
		next++
		return v, nil
	}
	usedMapping := false
	// the text is built on the stack (when short) and copied once into
	// the result's block
	var tmp [160]byte
	b := tmp[:0]
	// ascii stays true while every piece is known to be ASCII, so that
	// the result need not be scanned again
	ascii := format.ascii
	for i := range dirs {
		dp := &dirs[i] // not copied: a Directive is over 100 bytes
		b = append(b, dp.Literal...)
		if dp.Conv == 0 && dp.Err == nil {
			continue
		}
		if dp.Flags == 0 && dp.Width < 0 && dp.Prec < 0 && !dp.HasKey && !dp.WidthStar && !dp.PrecStar && dp.Err == nil && next < len(argList) {
			// the common plain "%d" of an int and "%s" of a str
			switch x := argList[next].(type) {
			case Int:
				if dp.Conv == 'd' || dp.Conv == 'i' || dp.Conv == 'u' {
					next++
					b = strconv.AppendInt(b, int64(x), 10)
					continue
				}
			case *Str:
				if dp.Conv == 's' {
					next++
					b = append(b, x.s...)
					ascii = ascii && x.ascii
					continue
				}
			}
		}
		d := *dp
		var arg Object
		if d.HasKey {
			if mapping == nil {
				return nil, TypeErrorf("format requires a mapping")
			}
			if d.KeyIncomplete {
				return nil, fromPyfmt(d.Err)
			}
			v, err := GetItem(t, mapping, NewStr(d.Key))
			if err != nil {
				return nil, err
			}
			arg = v
			usedMapping = true
		}
		if err := percentStars(t, &d, takeArg); err != nil {
			return nil, err
		}
		if d.Err != nil {
			return nil, fromPyfmt(d.Err)
		}
		if arg == nil {
			v, err := takeArg()
			if err != nil {
				return nil, err
			}
			arg = v
		}
		if d.Flags == 0 && d.Width < 0 && d.Prec < 0 {
			// the common plain "%d" of an int and "%s" of a str
			switch x := arg.(type) {
			case Int:
				if d.Conv == 'd' || d.Conv == 'i' || d.Conv == 'u' {
					b = strconv.AppendInt(b, int64(x), 10)
					continue
				}
			case *Str:
				if d.Conv == 's' {
					b = append(b, x.s...)
					ascii = ascii && x.ascii
					continue
				}
			}
		}
		s, err := percentOne(t, d, arg, false)
		if err != nil {
			return nil, err
		}
		b = append(b, s...)
		ascii = false // not known: scanned below
	}
	if next < len(argList) && !usedMapping && mapping == nil {
		return nil, TypeErrorf("not all arguments converted during string formatting")
	}
	if ascii {
		return t.asciiStrFromBytes(b), nil
	}
	return t.strFromBytes(b), nil
}

// starArg takes one "*" argument, which must be an int fitting the C
// type named by ctype.
func starArg(t *Thread, takeArg func() (Object, error), ctype string) (int64, error) {
	v, err := takeArg()
	if err != nil {
		return 0, err
	}
	if !isIntLike(v) {
		return 0, TypeErrorf("* wants int")
	}
	n, err := AsInt64(t, v)
	if err != nil {
		return 0, Errorf(OverflowErrorType, "Python int too large to convert to C %s", ctype)
	}
	return n, nil
}

// percentStars takes a directive's "*" width and precision from the
// arguments: ints only ("* wants int"), OverflowError beyond C's
// Py_ssize_t (width) or int (precision), as CPython's do.
func percentStars(t *Thread, d *pyfmt.Directive, takeArg func() (Object, error)) error {
	if d.WidthStar {
		wi, err := starArg(t, takeArg, "ssize_t")
		if err != nil {
			return err
		}
		if wi < 0 {
			d.Flags |= pyfmt.FlagLeft
			wi = -wi
		}
		d.Width = int(wi)
	}
	if d.PrecStar {
		pi, err := starArg(t, takeArg, "int")
		if err != nil {
			return err
		}
		if pi != int64(int32(pi)) {
			return Errorf(OverflowErrorType, "Python int too large to convert to C int")
		}
		d.Prec = max(int(pi), 0)
	}
	return nil
}

// percentOne formats one directive of str % args, or of bytes % args
// (forBytes: bytes word some errors differently).
func percentOne(t *Thread, d pyfmt.Directive, arg Object, forBytes bool) (string, error) {
	if x, ok := arg.(Int); ok && d.Flags == 0 && d.Width < 0 && d.Prec < 0 && (d.Conv == 'd' || d.Conv == 'i' || d.Conv == 'u') {
		return strconv.FormatInt(int64(x), 10), nil
	}
	var err error
	var s string
	switch d.Conv {
	case 's', 'r', 'a':
		var o Object
		switch d.Conv {
		case 's':
			o, err = StrOf(t, arg)
		case 'r':
			o, err = Repr(t, arg)
		default:
			o, err = Ascii(t, arg)
		}
		if err != nil {
			return "", err
		}
		s, err = pyfmt.PercentStr(o.(*Str).s, d)
	case 'd', 'i', 'u', 'o', 'x', 'X':
		var v Object
		if f, ok := unwrap(arg).(Float); ok && (d.Conv == 'd' || d.Conv == 'i' || d.Conv == 'u') {
			v, err = floatToInt(float64(f))
		} else if isIntLike(arg) {
			v, err = Index(t, arg)
		} else if (d.Conv == 'd' || d.Conv == 'i' || d.Conv == 'u') && (LoadPtr(&arg.Type().Int) != nil || LoadPtr(&arg.Type().Index) != nil) {
			// PyNumber_Long: __int__ before __index__
			v, err = intFromArgs(t, arg, nil)
		} else if LoadPtr(&arg.Type().Index) != nil {
			v, err = Index(t, arg)
		} else {
			if d.Conv == 'd' || d.Conv == 'i' || d.Conv == 'u' {
				conv := d.Conv
				if forBytes && conv == 'i' {
					conv = 'd' // bytes treats %i as %d
				}
				return "", TypeErrorf("%%%c format: a real number is required, not %s", conv, typeName(arg))
			}
			return "", TypeErrorf("%%%c format: an integer is required, not %s", d.Conv, typeName(arg))
		}
		if err != nil {
			return "", err
		}
		bv, _ := asBig(v)
		s, err = pyfmt.PercentInt(bv, d)
	case 'e', 'E', 'f', 'F', 'g', 'G':
		// PyFloat_AsDouble: __float__ or __index__, never a str's text.
		f, err2 := mathFloat(t, arg)
		if err2 != nil {
			if forBytes && IsInstanceOf(err2, TypeErrorType) {
				return "", TypeErrorf("float argument required, not %s", typeName(arg))
			}
			return "", err2
		}
		s, err = pyfmt.PercentFloat(f, d)
	case 'c':
		switch x := unwrap(arg).(type) {
		case *Str:
			if x.n != 1 {
				return "", TypeErrorf("%%c requires int or char")
			}
			s, err = pyfmt.PercentStr(x.s, d)
		default:
			i, err2 := AsInt64(t, arg)
			if err2 != nil {
				return "", TypeErrorf("%%c requires int or char")
			}
			if i < 0 || i > 0x10ffff {
				return "", Errorf(OverflowErrorType, "%%c arg not in range(0x110000)")
			}
			s, err = pyfmt.PercentStr(strFromRune(rune(i)).s, d)
		}
	default:
		return "", fromPyfmt(pyfmt.UnsupportedConv(d))
	}
	if err != nil {
		return "", fromPyfmt(err)
	}
	return s, nil
}

// annotationsDict converts MAKE_FUNCTION's annotations operand.
func annotationsDict(t *Thread, o Object) *Dict {
	switch x := o.(type) {
	case *Dict:
		return x
	case *Tuple:
		d := NewDict()
		for i := 0; i+1 < len(x.items); i += 2 {
			d.SetItem(t, x.items[i], x.items[i+1])
		}
		return d
	}
	return NewDict()
}

// matchClass implements MATCH_CLASS.
func matchClass(t *Thread, subject, cls Object, npos int, kw *Tuple) (Object, error) {
	typ, ok := cls.(*Type)
	if !ok {
		return nil, TypeErrorf("called match pattern must be a class")
	}
	if !subject.Type().IsSubtype(typ) {
		return None, nil
	}
	var out []Object
	var seen []string // attribute names taken so far
	if npos > 0 {
		matchArgs, err := GetAttrOpt(t, typ, Intern("__match_args__"))
		if err != nil {
			return nil, err
		}
		selfMatch := typ.Flags.Load()&(FlagLongSub|FlagUnicodeSub|FlagListSub|FlagTupleSub|FlagDictSub|FlagBytesSub) != 0 ||
			typ == FloatType || typ == BoolType || typ == SetType || typ == FrozenSetType || typ == ByteArrayType
		if matchArgs == nil {
			if !selfMatch {
				return nil, TypeErrorf("%s() accepts 0 positional sub-patterns (%d given)", typ.Name(), npos)
			}
			if npos > 1 {
				return nil, TypeErrorf("%s() accepts 1 positional sub-pattern (%d given)", typ.Name(), npos)
			}
			out = append(out, subject)
		} else {
			ma, ok := matchArgs.(*Tuple)
			if !ok {
				return nil, TypeErrorf("%s.__match_args__ must be a tuple (got %s)", typ.Name(), typeName(matchArgs))
			}
			if npos > len(ma.items) {
				return nil, TypeErrorf("%s() accepts %d positional sub-pattern%s (%d given)", typ.Name(), len(ma.items), plural(len(ma.items)), npos)
			}
			for _, n := range ma.items[:npos] {
				s, ok := n.(*Str)
				if !ok {
					return nil, TypeErrorf("__match_args__ elements must be strings (got %s)", typeName(n))
				}
				if err := matchClassSeen(&seen, typ, s); err != nil {
					return nil, err
				}
				v, err := GetAttrOpt(t, subject, s)
				if err != nil {
					return nil, err
				}
				if v == nil {
					return None, nil
				}
				out = append(out, v)
			}
		}
	}
	for _, n := range kw.items {
		if err := matchClassSeen(&seen, typ, n.(*Str)); err != nil {
			return nil, err
		}
		v, err := GetAttrOpt(t, subject, n.(*Str))
		if err != nil {
			return nil, err
		}
		if v == nil {
			return None, nil
		}
		out = append(out, v)
	}
	return NewTuple(out...), nil
}

// matchClassSeen records that a class pattern takes attribute name, and
// refuses a name taken twice (through __match_args__ or a keyword).
func matchClassSeen(seen *[]string, typ *Type, name *Str) error {
	for _, s := range *seen {
		if s == name.s {
			return TypeErrorf("%s() got multiple sub-patterns for attribute %s", typ.Name(), strRepr(name.s))
		}
	}
	*seen = append(*seen, name.s)
	return nil
}

// matchKeys implements MATCH_KEYS.
func matchKeys(t *Thread, subject Object, keys *Tuple) (Object, error) {
	if len(keys.items) == 0 {
		return emptyTuple, nil
	}
	get, err := GetAttrString(t, subject, "get")
	if err != nil {
		return nil, err
	}
	dummy := NewInstance(ObjectType)
	var out []Object
	// A key given twice (a literal and an equal value pattern such as
	// Keys.KEY) is an error the compiler cannot see.
	seen := NewDict()
	for _, k := range keys.items {
		if prev, err := seen.GetItem(t, k); err != nil {
			return nil, err
		} else if prev != nil {
			r, err := Repr(t, k)
			if err != nil {
				return nil, err
			}
			return nil, ValueErrorf("mapping pattern checks duplicate key (%s)", r.s)
		}
		if err := seen.SetItem(t, k, None); err != nil {
			return nil, err
		}
		v, err := Call2(t, get, k, dummy)
		if err != nil {
			return nil, err
		}
		if v == Object(dummy) {
			return None, nil
		}
		out = append(out, v)
	}
	return NewTuple(out...), nil
}

// ---- attribute access on functions and friends ----

func functionGetAttr(t *Thread, o Object, name *Str) (Object, error) {
	f := o.(*Function)
	switch name.s {
	case "__name__":
		return NewStr(f.Name()), nil
	case "__qualname__":
		return NewStr(f.Qualname()), nil
	case "__doc__":
		return f.Doc(), nil
	case "__module__":
		return f.Module(), nil
	case "__code__":
		return LoadPtr(&f.code), nil
	case "__globals__":
		return f.globals, nil
	case "__dict__":
		return f.funcDict(), nil
	case "__defaults__":
		if d := LoadPtr(&f.defaults); d != nil {
			return d, nil
		}
		return None, nil
	case "__kwdefaults__":
		if d := LoadPtr(&f.kwDefaults); d != nil {
			return d, nil
		}
		return None, nil
	case "__closure__":
		if f.Closure == nil {
			return None, nil
		}
		items := make([]Object, len(f.Closure))
		for i, c := range f.Closure {
			items[i] = c
		}
		return NewTuple(items...), nil
	case "__annotations__":
		// The first read makes the dict; threads reading at once agree
		// on one.
		for {
			if d := LoadPtr(&f.annotations); d != nil {
				return d, nil
			}
			casPtr(&f.annotations, nil, NewDict())
		}
	case "__builtins__":
		return f.builtins, nil
	}
	return GenericGetAttr(t, o, name)
}

func functionSetAttr(t *Thread, o Object, name *Str, v Object) error {
	f := o.(*Function)
	switch name.s {
	case "__name__":
		s, ok := v.(*Str)
		if !ok {
			return TypeErrorf("__name__ must be set to a string object")
		}
		editCopy(&f.info, func(i *funcInfo) { i.name = s.s })
		return nil
	case "__qualname__":
		s, ok := v.(*Str)
		if !ok {
			return TypeErrorf("__qualname__ must be set to a string object")
		}
		editCopy(&f.info, func(i *funcInfo) { i.qualname = s.s })
		return nil
	case "__doc__", "__module__":
		if v == nil { // del: None, as CPython's member descriptors read a NULL
			v = None
		}
		if name.s == "__doc__" {
			editCopy(&f.info, func(i *funcInfo) { i.doc = v })
		} else {
			editCopy(&f.info, func(i *funcInfo) { i.module = v })
		}
		return nil
	case "__defaults__":
		if v == None || v == nil {
			storePtr(&f.defaults, nil)
		} else if tup, ok := v.(*Tuple); ok {
			storePtr(&f.defaults, tup)
		} else {
			return TypeErrorf("__defaults__ must be set to a tuple object")
		}
		return nil
	case "__kwdefaults__":
		if d, ok := v.(*Dict); ok {
			storePtr(&f.kwDefaults, d)
		} else {
			storePtr(&f.kwDefaults, nil)
		}
		return nil
	case "__annotations__":
		switch d := v.(type) {
		case *Dict:
			storePtr(&f.annotations, d)
		case nil, NoneType:
			storePtr(&f.annotations, nil)
		default:
			return TypeErrorf("__annotations__ must be set to a dict object")
		}
		return nil
	case "__code__":
		c, ok := v.(*Code)
		if !ok {
			return TypeErrorf("__code__ must be set to a code object")
		}
		storePtr(&f.code, c)
		return nil
	}
	return GenericSetAttr(t, o, name, v)
}

func methodGetAttr(t *Thread, o Object, name *Str) (Object, error) {
	m := o.(*Method)
	switch name.s {
	case "__func__":
		return m.Func, nil
	case "__self__":
		return m.Self, nil
	case "__module__":
		// builtin type dicts carry __module__ here, but a bound method
		// reports its function's module.
		return GetAttr(t, m.Func, name)
	}
	if v, err := GenericGetAttr(t, o, name); err == nil {
		return v, nil
	}
	return GetAttr(t, m.Func, name)
}

func builtinGetAttr(t *Thread, o Object, name *Str) (Object, error) {
	b := o.(*Builtin)
	switch name.s {
	case "__name__":
		return NewStr(b.Name), nil
	case "__qualname__":
		if b.Qualname != "" {
			return NewStr(b.Qualname), nil
		}
		if b.descr != nil {
			// As CPython: the qualified name of the type bound to, or
			// of the bound object's type (a static method's type).
			var typ *Type
			switch s := b.Self.(type) {
			case nil:
				typ = b.descr.Owner
			case *Type:
				typ = s
			default:
				typ = s.Type()
			}
			if typ != nil {
				return NewStr(typ.Qualname() + "." + b.Name), nil
			}
		}
		return NewStr(b.Name), nil
	case "__doc__":
		return docWithoutSignature(b.Name, b.fullDoc()), nil
	case "__self__":
		if b.Self == nil {
			return None, nil
		}
		return b.Self, nil
	case "__module__":
		if m, ok := b.Self.(*Module); ok {
			return NewStr(m.Name()), nil
		}
		return None, nil
	case "__text_signature__":
		return builtinTextSig(b), nil
	}
	return GenericGetAttr(t, o, name)
}

func methodDescrGetAttr(t *Thread, o Object, name *Str) (Object, error) {
	md := o.(*MethodDescr)
	switch name.s {
	case "__name__":
		return NewStr(md.Name), nil
	case "__qualname__":
		return NewStr(md.Owner.Name() + "." + md.Name), nil
	case "__objclass__":
		return md.Owner, nil
	case "__doc__":
		return docWithoutSignature(md.Name, md.fullDoc()), nil
	case "__text_signature__":
		return methodDescrTextSig(md), nil
	}
	return GenericGetAttr(t, o, name)
}

// wrapperParts is the wrapped function and the __dict__ slot of a
// classmethod or staticmethod.
func wrapperParts(o Object) (Object, **Dict) {
	switch w := o.(type) {
	case *ClassMethod:
		return w.Func, &w.dict
	case *StaticMethod:
		return w.Func, &w.dict
	}
	return nil, nil
}

func wrapperGetAttr(t *Thread, o Object, name *Str) (Object, error) {
	fn, dict := wrapperParts(o)
	switch name.s {
	case "__func__", "__wrapped__":
		return fn, nil
	case "__isabstractmethod__":
		v, err := GetAttrOpt(t, fn, name)
		if v == nil || err != nil {
			return False, err
		}
		return v, nil
	case "__dict__":
		return wrapperDict(t, fn, dict)
	}
	if d := LoadPtr(dict); d != nil {
		if v := d.getStr(name); v != nil {
			return v, nil
		}
	}
	switch name.s {
	case "__name__", "__qualname__", "__doc__", "__module__", "__annotations__":
		if LoadPtr(dict) == nil {
			// not copied yet (wrapperDict): the function's own
			return GetAttr(t, fn, name)
		}
	}
	return GenericGetAttr(t, o, name)
}

// wrapperDict is the __dict__ of a classmethod or staticmethod. CPython
// fills it when the wrapper is made with the function's __module__,
// __name__, __qualname__, __doc__ and __annotations__ (those it has);
// freepy copies them when the dict is first wanted, and reads them from
// the function until then.
func wrapperDict(t *Thread, fn Object, dict **Dict) (*Dict, error) {
	if d := LoadPtr(dict); d != nil {
		return d, nil
	}
	d := NewDict()
	for _, n := range []string{"__module__", "__name__", "__qualname__", "__doc__", "__annotations__"} {
		v, err := GetAttrOpt(t, fn, Intern(n))
		if err != nil {
			return nil, err
		}
		if v != nil {
			d.SetStr(n, v)
		}
	}
	if !casPtr(dict, nil, d) {
		return LoadPtr(dict), nil
	}
	return d, nil
}

// wrapperSetAttr sets or deletes (v nil) an attribute of a classmethod or
// staticmethod in its __dict__.
func wrapperSetAttr(t *Thread, o Object, name *Str, v Object) error {
	fn, dict := wrapperParts(o)
	switch name.s {
	case "__func__", "__wrapped__", "__isabstractmethod__", "__dict__":
		return Errorf(AttributeErrorType, "readonly attribute")
	}
	d, err := wrapperDict(t, fn, dict)
	if err != nil {
		return err
	}
	if v != nil {
		return d.SetItem(t, name, v)
	}
	if d.getStr(name) == nil {
		return Errorf(AttributeErrorType, "'%s' object has no attribute '%s'", typeName(o), name.s)
	}
	_, err = d.DelItem(t, name)
	return err
}

func codeGetAttr(t *Thread, o Object, name *Str) (Object, error) {
	c := o.(*Code)
	strs := func(ss []string) Object {
		items := make([]Object, len(ss))
		for i, s := range ss {
			items[i] = NewStr(s)
		}
		return NewTuple(items...)
	}
	switch name.s {
	case "co_name":
		return NewStr(c.Name), nil
	case "co_qualname":
		return NewStr(c.QualName), nil
	case "co_filename":
		return NewStr(c.Filename), nil
	case "co_firstlineno":
		return Int(c.FirstLine), nil
	case "co_argcount":
		return Int(c.ArgCount), nil
	case "co_posonlyargcount":
		return Int(c.PosOnlyArgCount), nil
	case "co_kwonlyargcount":
		return Int(c.KwOnlyArgCount), nil
	case "co_flags":
		return Int(c.Flags), nil
	case "co_varnames":
		return strs(c.Varnames), nil
	case "co_cellvars":
		return strs(c.Cellvars), nil
	case "co_freevars":
		return strs(c.Freevars), nil
	case "co_names":
		return strs(c.Names), nil
	case "co_nlocals":
		return Int(len(c.Varnames)), nil
	case "co_consts":
		return NewTuple(c.consts...), nil
	case "co_stacksize":
		return Int(c.StackSize), nil
	}
	return GenericGetAttr(t, o, name)
}

func frameGetAttr(t *Thread, o Object, name *Str) (Object, error) {
	f := o.(*Frame)
	switch name.s {
	case "f_code":
		return f.code, nil
	case "f_globals":
		return f.globals, nil
	case "f_builtins":
		return f.builtins, nil
	case "f_locals":
		return frameObjectLocals(t, f), nil
	case "f_lineno":
		return Int(frameLineno(f)), nil
	case "f_lasti":
		return Int(max(f.pc-1, 0) * 2), nil
	case "f_back":
		if f.back == nil {
			return None, nil
		}
		return f.back, nil
	case "f_trace", "f_trace_lines", "f_trace_opcodes":
		return frameTraceGet(f, name.s), nil
	}
	return GenericGetAttr(t, o, name)
}

// frameObjectLocals is frame.f_locals: for a function's frame, one dict
// per frame, refreshed from the fast locals at each read, as in CPython;
// keys that are not locals stay (pdb stores __return__ there). A frame
// object is escaped, so the dict may hang off it (frameTrace).
func frameObjectLocals(t *Thread, f *Frame) Object {
	if f.locals != nil || !f.escaped {
		return frameLocals(t, f)
	}
	snap := frameLocals(t, f).(*Dict)
	if f.ftrace == nil {
		f.ftrace = &frameTrace{}
	}
	d := f.ftrace.locals
	if d == nil {
		f.ftrace.locals = snap
		return snap
	}
	for _, n := range f.code.varnames {
		if snap.getStr(n) == nil {
			if _, err := d.DelItem(t, n); err != nil {
				return snap
			}
		}
	}
	for i := range f.cells {
		n := NewStr(f.cellName(i))
		if snap.getStr(n) == nil {
			if _, err := d.DelItem(t, n); err != nil {
				return snap
			}
		}
	}
	if err := d.Update(t, snap); err != nil {
		return snap
	}
	return d
}

// frameLocals is locals() of a frame: the mapping, or a snapshot dict of
// the fast locals and cells.
func frameLocals(t *Thread, f *Frame) Object {
	if f.locals != nil {
		return f.locals
	}
	d := NewDict()
	for i, n := range f.code.varnames {
		if v := f.fast[i]; v != nil {
			d.SetItem(t, n, v)
		}
	}
	for i, c := range f.cells {
		if c == nil {
			continue
		}
		if v := c.Get(); v != nil {
			d.SetItem(t, NewStr(f.cellName(i)), v)
		}
	}
	return d
}

// frameLineno is f.f_lineno: the line trace events report (trace.go),
// which CPython's f_lineno also reads.
func frameLineno(f *Frame) int {
	if l := lineAt(f.code, f.pc-1); l > 0 && f.pc > 0 {
		return l
	}
	return f.Line()
}

func tracebackGetAttr(t *Thread, o Object, name *Str) (Object, error) {
	tb := o.(*Traceback)
	switch name.s {
	case "tb_next":
		if tb.Next == nil {
			return None, nil
		}
		return tb.Next, nil
	case "tb_frame":
		return tb.Frame, nil
	case "tb_lineno":
		return Int(tb.Lineno), nil
	case "tb_lasti":
		if tb.hasRawLasti {
			return Int(tb.rawLasti), nil
		}
		return Int(tb.Lasti * 2), nil
	}
	return GenericGetAttr(t, o, name)
}

// tracebackNew is types.TracebackType(tb_next, tb_frame, tb_lasti,
// tb_lineno), which CPython lets Python code build (jinja2 does).
func tracebackNew(t *Thread, _ *Type, args []Object, kw []string) (Object, error) {
	if npos := len(args) - len(kw); npos > 4 {
		return nil, TypeErrorf("TracebackType() takes at most 4 arguments (%d given)", npos)
	}
	var next, frame, lasti, lineno Object
	names := []string{"tb_next", "tb_frame", "tb_lasti", "tb_lineno"}
	if err := ParseArgs("TracebackType", args, kw, names, 0, &next, &frame, &lasti, &lineno); err != nil {
		return nil, err
	}
	for i, v := range []Object{next, frame, lasti, lineno} {
		if v == nil {
			return nil, TypeErrorf("TracebackType() missing required argument '%s' (pos %d)", names[i], i+1)
		}
	}
	tb := &Traceback{hasRawLasti: true}
	if next != None {
		n, ok := next.(*Traceback)
		if !ok {
			return nil, TypeErrorf("expected traceback object or None, got '%s'", typeName(next))
		}
		tb.Next = n
	}
	f, ok := frame.(*Frame)
	if !ok {
		return nil, TypeErrorf("TracebackType() argument 'tb_frame' must be frame, not %s", typeName(frame))
	}
	tb.Frame = f
	var err error
	if tb.rawLasti, err = CIntArg(t, lasti); err != nil {
		return nil, err
	}
	if tb.Lineno, err = CIntArg(t, lineno); err != nil {
		return nil, err
	}
	tb.Lasti = tb.rawLasti / 2
	return tb, nil
}

// tracebackSetAttr allows tb.tb_next = ... (unittest trims its own frames
// from tracebacks this way), with CPython's checks.
func tracebackSetAttr(t *Thread, o Object, name *Str, v Object) error {
	tb := o.(*Traceback)
	if name.s != "tb_next" {
		if name.s == "tb_frame" || name.s == "tb_lineno" || name.s == "tb_lasti" {
			return Errorf(AttributeErrorType, "readonly attribute")
		}
		return Errorf(AttributeErrorType, "'traceback' object has no attribute '%s'", name.s)
	}
	if v == nil {
		return TypeErrorf("can't delete tb_next attribute")
	}
	if v == None {
		tb.Next = nil
		return nil
	}
	next, ok := v.(*Traceback)
	if !ok {
		return TypeErrorf("expected traceback object or None, got '%s'", typeName(v))
	}
	for c := next; c != nil; c = c.Next {
		if c == tb {
			return ValueErrorf("traceback loop detected")
		}
	}
	tb.Next = next
	return nil
}

// ---- property ----

func propertyNew(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
	if typ != PropertyType {
		in := NewInstance(typ)
		in.Base = newProperty()
		return in, nil
	}
	return newProperty(), nil
}

func propertyInit(t *Thread, self Object, args []Object, kw []string) error {
	p := unwrap(self).(*Property)
	var fget, fset, fdel, doc Object
	if err := ParseArgs("property", args, kw, []string{"fget", "fset", "fdel", "doc"}, 0, &fget, &fset, &fdel, &doc); err != nil {
		return err
	}
	orNone := func(o Object) Object {
		if o == nil {
			return None
		}
		return o
	}
	n := propState{Get: orNone(fget), Set: orNone(fset), Del: orNone(fdel), Doc: orNone(doc)}
	if n.Doc == None && n.Get != None {
		if d, _ := GetAttrOpt(t, n.Get, Intern("__doc__")); d != nil {
			n.Doc = d
		}
	}
	// Keep the name __set_name__ gave, whichever thread gave it.
	editCopy(&p.st, func(s *propState) { n.name = s.name; *s = n })
	return nil
}

func propertyGet(t *Thread, self, obj Object, typ *Type) (Object, error) {
	if obj == nil {
		return self, nil
	}
	p := unwrap(self).(*Property).load()
	if p.Get == None {
		return nil, Errorf(AttributeErrorType, "property %s of '%s' object has no getter", propName(t, p), typeName(obj))
	}
	return Call1(t, p.Get, obj)
}

func propName(t *Thread, p *propState) string {
	if p.name != nil {
		r, _ := ReprString(t, p.name)
		return r
	}
	if p.Get != None {
		if n, _ := GetAttrOpt(t, p.Get, Intern("__name__")); n != nil {
			r, _ := ReprString(t, n)
			return r
		}
	}
	return "<unknown>"
}

func propertySet(t *Thread, self, obj, v Object) error {
	p := unwrap(self).(*Property).load()
	if v == nil {
		if p.Del == None {
			return Errorf(AttributeErrorType, "property %s of '%s' object has no deleter", propName(t, p), typeName(obj))
		}
		_, err := Call1(t, p.Del, obj)
		return err
	}
	if p.Set == None {
		return Errorf(AttributeErrorType, "property %s of '%s' object has no setter", propName(t, p), typeName(obj))
	}
	_, err := Call2(t, p.Set, obj, v)
	return err
}
