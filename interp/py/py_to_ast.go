package py

import (
	"reflect"
	"unicode/utf8"

	"freepy/interp/compile"
	"freepy/interp/syntax"
)

// Conversion of ast node objects back into a syntax tree, for
// compile(tree, ...): CPython's obj2ast_* functions, with their messages
// for missing fields and wrong types, followed by the checks of
// _PyAST_Validate (ast_validate.go).

// pyToAST converts an ast.mod object of the kind mode requires.
func pyToAST(t *Thread, obj Object, mode syntax.Mode) (syntax.Mod, error) {
	s, err := astClasses(t)
	if err != nil {
		return nil, err
	}
	want := map[syntax.Mode]string{syntax.ModeExec: "Module", syntax.ModeEval: "Expression", syntax.ModeSingle: "Interactive"}[mode]
	c := s.cons[want]
	if !obj.Type().IsSubtype(c.class) {
		return nil, TypeErrorf("expected %s node, got %s", want, obj.Type().Name())
	}
	v, err := s.nodeFromPy(t, obj, c.owner)
	if err != nil {
		return nil, err
	}
	mod := v.Interface().(syntax.Mod)
	if err := validateMod(mod); err != nil {
		return nil, err
	}
	return mod, nil
}

// consOf finds the constructor class of at that obj is an instance of.
func (s *astState) consOf(obj Object, at *asdlType) *asdlCons {
	for _, m := range obj.Type().MRO() {
		if c := s.classes[m]; c != nil && c.owner == at {
			return c
		}
	}
	return nil
}

// nodeFromPy converts a node of ASDL type at (a sum or product type, not
// an enum). None gives a nil pointer (the caller decides whether that is
// allowed).
func (s *astState) nodeFromPy(t *Thread, obj Object, at *asdlType) (reflect.Value, error) {
	var c *asdlCons
	var pos syntax.Position
	if at.product {
		c = at.cons[0]
	} else {
		if obj == None {
			return reflect.Value{}, nil
		}
		// A sum type's attributes are read before its constructor is
		// identified, so a non-node without lineno reports the missing
		// lineno, as in CPython.
		if len(at.attrs) > 0 {
			var err error
			if pos, err = astPosFromPy(t, obj, at); err != nil {
				return reflect.Value{}, err
			}
		}
		if c = s.consOf(obj, at); c == nil {
			r, err := ReprString(t, obj)
			if err != nil {
				return reflect.Value{}, err
			}
			return reflect.Value{}, TypeErrorf("expected some sort of %s, but got %s", at.name, r)
		}
	}
	t.depth++
	defer func() { t.depth-- }()
	if t.depth > t.interp.recursionLimit()+50 {
		return reflect.Value{}, NewError(RecursionErrorType, "maximum recursion depth exceeded while traversing '"+c.name+"' node")
	}
	v := reflect.New(c.goType.Elem())
	e := v.Elem()
	for _, f := range c.fields {
		a, err := GetAttrOpt(t, obj, f.key)
		if err != nil {
			return reflect.Value{}, err
		}
		if a == nil || (a == None && f.opt) {
			if f.opt {
				if f.typ == "int" {
					e.FieldByIndex(f.goIndex).SetInt(0)
				}
				continue
			}
			if a == nil {
				return reflect.Value{}, TypeErrorf("required field \"%s\" missing from %s", f.name, c.name)
			}
		}
		if err := s.fieldFromPy(t, a, f, c, e.FieldByIndex(f.goIndex)); err != nil {
			return reflect.Value{}, err
		}
	}
	if at.product && len(at.attrs) > 0 {
		p, err := astPosFromPy(t, obj, at)
		if err != nil {
			return reflect.Value{}, err
		}
		e.FieldByName("Position").Set(reflect.ValueOf(p))
	} else if len(at.attrs) > 0 {
		e.FieldByName("Position").Set(reflect.ValueOf(pos))
	}
	return v, nil
}

// astPosFromPy reads the attributes lineno, col_offset, end_lineno and
// end_col_offset; the end defaults to the start.
func astPosFromPy(t *Thread, obj Object, at *asdlType) (syntax.Position, error) {
	var p syntax.Position
	dst := []*int{&p.Lineno, &p.ColOffset, &p.EndLineno, &p.EndColOffset}
	for i, f := range at.attrs {
		a, err := GetAttrOpt(t, obj, f.key)
		if err != nil {
			return p, err
		}
		if a == nil || (a == None && f.opt) {
			if !f.opt {
				return p, TypeErrorf("required field \"%s\" missing from %s", f.name, at.name)
			}
			*dst[i] = *dst[i-2]
			continue
		}
		n, err := astIntFromPy(t, a)
		if err != nil {
			return p, err
		}
		*dst[i] = n
	}
	return p, nil
}

func (s *astState) fieldFromPy(t *Thread, a Object, f asdlField, c *asdlCons, dst reflect.Value) error {
	if !f.seq {
		return s.valueFromPy(t, a, f, c, dst)
	}
	l, ok := a.(*List)
	if !ok {
		return TypeErrorf("%s field \"%s\" must be a list, not a %s", c.name, f.name, a.Type().Name())
	}
	items := l.Items()
	sl := reflect.MakeSlice(dst.Type(), len(items), len(items))
	for i, it := range items {
		if err := s.valueFromPy(t, it, f, c, sl.Index(i)); err != nil {
			return err
		}
	}
	dst.Set(sl)
	return nil
}

func astIntFromPy(t *Thread, a Object) (int, error) {
	switch unwrap(a).(type) {
	case Int, Bool, *BigInt:
		n, err := AsInt64(t, a)
		return int(n), err
	}
	r, err := ReprString(t, a)
	if err != nil {
		return 0, err
	}
	return 0, ValueErrorf("invalid integer value: %s", r)
}

func (s *astState) valueFromPy(t *Thread, a Object, f asdlField, c *asdlCons, dst reflect.Value) error {
	switch f.typ {
	case "identifier", "string":
		if a == None {
			if !f.opt && !f.seq {
				return ValueErrorf("field '%s' is required for %s", f.name, c.name)
			}
			return nil
		}
		str, ok := a.(*Str)
		if !ok {
			return TypeErrorf("AST %s must be of type str", f.typ)
		}
		dst.SetString(str.s)
		return nil
	case "int":
		n, err := astIntFromPy(t, a)
		if err != nil {
			return err
		}
		dst.SetInt(int64(n))
		return nil
	case "constant":
		cv, err := constValueFromPy(t, a)
		if err != nil {
			return err
		}
		if cv != nil {
			dst.Set(reflect.ValueOf(cv))
		}
		return nil
	}
	at := s.types[f.typ]
	if at.simple {
		ec := s.consOf(a, at)
		if ec == nil {
			r, err := ReprString(t, a)
			if err != nil {
				return err
			}
			return TypeErrorf("expected some sort of %s, but got %s", at.name, r)
		}
		dst.SetUint(uint64(ec.index))
		return nil
	}
	if a == None && !at.product {
		// None inside a list is allowed by the conversion (Dict keys,
		// kw_defaults) and checked by validation; a required single field
		// is not.
		if !f.opt && !f.seq {
			return ValueErrorf("field '%s' is required for %s", f.name, c.name)
		}
		return nil
	}
	v, err := s.nodeFromPy(t, a, at)
	if err != nil {
		return err
	}
	dst.Set(v)
	return nil
}

// constValueFromPy converts the value of a Constant: only the exact
// built-in constant types are allowed, as CPython's validate_constant.
func constValueFromPy(t *Thread, a Object) (syntax.ConstValue, error) {
	k, err := constFromPy(t, a)
	if err != nil {
		return nil, err
	}
	switch x := k.(type) {
	case compile.Bytes:
		return syntax.Bytes(x), nil
	case compile.Str:
		return syntax.Str(x), nil
	case compile.EllipsisType:
		return syntax.Ellipsis, nil
	}
	return k, nil
}

func constFromPy(t *Thread, a Object) (compile.Const, error) {
	switch x := a.(type) {
	case NoneType:
		return nil, nil
	case Bool:
		return bool(x), nil
	case Int:
		return int64(x), nil
	case *BigInt:
		return x.Big(), nil
	case Float:
		return float64(x), nil
	case Complex:
		return complex128(x), nil
	case *Str:
		if utf8.ValidString(x.s) {
			return x.s, nil
		}
		var rs []rune
		for i := 0; i < len(x.s); {
			r, n := decodeWTF8(x.s[i:])
			rs = append(rs, r)
			i += n
		}
		return compile.Str(rs), nil
	case *Bytes:
		return compile.Bytes(append([]byte(nil), x.b...)), nil
	case EllipsisType:
		return compile.Ellipsis, nil
	case *Tuple:
		items := make(compile.Tuple, len(x.items))
		for i, it := range x.items {
			k, err := constFromPy(t, it)
			if err != nil {
				return nil, err
			}
			items[i] = k
		}
		return items, nil
	case *Set:
		if x.frozen {
			its, err := ToSlice(t, x)
			if err != nil {
				return nil, err
			}
			items := make(compile.FrozenSet, len(its))
			for i, it := range its {
				k, err := constFromPy(t, it)
				if err != nil {
					return nil, err
				}
				items[i] = k
			}
			return items, nil
		}
	}
	return nil, TypeErrorf("got an invalid type in Constant: %s", typeName(a))
}
