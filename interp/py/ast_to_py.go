package py

import (
	"math/big"
	"reflect"

	"freepy/interp/syntax"
)

// Conversion of a syntax tree into ast node objects (CPython's ast2obj_*),
// driven by the ASDL table: every field of a node class is read from the Go
// field of the same name and converted by its ASDL type.

var positionType = reflect.TypeOf(syntax.Position{})

// astToPy converts a parse result (a syntax.Mod) into an ast.mod object.
func astToPy(t *Thread, mod syntax.Mod) (Object, error) {
	s, err := astClasses(t)
	if err != nil {
		return nil, err
	}
	return s.nodeToPy(reflect.ValueOf(mod)), nil
}

// nodeToPy converts a node pointer (possibly inside an interface); nil
// becomes None.
func (s *astState) nodeToPy(v reflect.Value) Object {
	if v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	if !v.IsValid() || v.IsNil() {
		return None
	}
	c := s.byGo[v.Type()]
	if c == nil {
		panic("_ast: unknown node type " + v.Type().String())
	}
	obj := NewInstance(c.class)
	d := LoadPtr(&obj.dict)
	e := v.Elem()
	for _, f := range c.fields {
		d.setItemStr(f.key, s.fieldToPy(e.FieldByIndex(f.goIndex), f))
	}
	if len(c.owner.attrs) > 0 {
		if pf := e.FieldByName("Position"); pf.IsValid() && pf.Type() == positionType {
			p := pf.Interface().(syntax.Position)
			a := c.owner.attrs
			d.setItemStr(a[0].key, Int(p.Lineno))
			d.setItemStr(a[1].key, Int(p.ColOffset))
			d.setItemStr(a[2].key, Int(p.EndLineno))
			d.setItemStr(a[3].key, Int(p.EndColOffset))
		}
	}
	return obj
}

func (s *astState) fieldToPy(v reflect.Value, f asdlField) Object {
	if f.seq {
		n := v.Len()
		items := make([]Object, n)
		for i := 0; i < n; i++ {
			items[i] = s.valueToPy(v.Index(i), f)
		}
		return NewList(items...)
	}
	return s.valueToPy(v, f)
}

func (s *astState) valueToPy(v reflect.Value, f asdlField) Object {
	switch f.typ {
	case "identifier", "string":
		str := v.String()
		if str == "" && f.opt {
			return None
		}
		return NewStr(str)
	case "int":
		return Int(v.Int())
	case "constant":
		return constValueToPy(v.Interface())
	}
	at := s.types[f.typ]
	if at.simple {
		return s.singletons[at.cons[v.Uint()]]
	}
	return s.nodeToPy(v)
}

// constValueToPy converts the value of a Constant or MatchSingleton.
func constValueToPy(v syntax.ConstValue) Object {
	switch x := v.(type) {
	case nil:
		return None
	case bool:
		return NewBool(x)
	case int:
		return Int(x)
	case int64:
		return Int(x)
	case *big.Int:
		return intFromBig(x)
	case float64:
		return Float(x)
	case complex128:
		return Complex(x)
	case string:
		return NewStr(x)
	case syntax.Str:
		return NewStrFromRunes(x)
	case syntax.Bytes:
		return NewBytes([]byte(x))
	case syntax.EllipsisType:
		return Ellipsis
	}
	// compile.Const values (tuples, frozensets) put in by py_to_ast.go
	return constToObject(v)
}
