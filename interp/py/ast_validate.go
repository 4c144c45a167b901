package py

import (
	"reflect"

	"freepy/interp/syntax"
)

// validateMod checks a tree converted from ast objects before it is
// compiled, with CPython's messages (Python/ast.c): the parser never
// produces these trees, so the compiler may assume they do not occur.
// It covers expression contexts, names that spell constants, None in
// expression lists and empty blocks, not every rule of _PyAST_Validate.
func validateMod(mod syntax.Mod) error {
	s := astS
	return s.validate(reflect.ValueOf(mod), syntax.Load)
}

// storeFields are the fields whose expressions are assigned to; the
// others are read (Delete's targets are deleted).
var storeFields = map[string]bool{
	"Assign.targets": true, "AugAssign.target": true, "AnnAssign.target": true, "For.target": true,
	"AsyncFor.target": true, "comprehension.target": true, "withitem.optional_vars": true,
	"NamedExpr.target": true,
}

// noneAllowed are the expression lists that may hold None.
var noneAllowed = map[string]bool{"Dict.keys": true, "arguments.kw_defaults": true}

// blockFields need at least one statement.
var blockFields = map[string]bool{"body": true}

func (s *astState) validate(v reflect.Value, ctx syntax.ExprContext) error {
	if v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	if !v.IsValid() || v.IsNil() {
		return nil
	}
	c := s.byGo[v.Type()]
	e := v.Elem()
	switch c.name {
	case "Name", "Attribute", "Subscript", "Starred", "List", "Tuple":
		if got := syntax.ExprContext(e.FieldByName("Ctx").Uint()); got != ctx {
			return ValueErrorf("expression must have %s context but has %s instead", ctx, got)
		}
		if c.name == "Name" {
			switch id := e.FieldByName("Id").String(); id {
			case "None", "True", "False":
				return ValueErrorf("identifier field can't represent '%s' constant", id)
			}
		}
	case "NamedExpr":
		if _, ok := e.FieldByName("Target").Interface().(*syntax.Name); !ok {
			return TypeErrorf("NamedExpr target must be a Name")
		}
	case "Dict":
		if e.FieldByName("Keys").Len() != e.FieldByName("Values").Len() {
			return ValueErrorf("Dict doesn't have the same number of keys as values")
		}
	case "Compare":
		n := e.FieldByName("Comparators").Len()
		if n == 0 {
			return ValueErrorf("Compare with no comparators")
		}
		if n != e.FieldByName("Ops").Len() {
			return ValueErrorf("Compare has a different number of comparators and operands")
		}
	case "BoolOp":
		if e.FieldByName("Values").Len() < 2 {
			return ValueErrorf("BoolOp with less than 2 values")
		}
	case "Assign", "Delete":
		if e.FieldByName("Targets").Len() == 0 {
			return ValueErrorf("empty targets on %s", c.name)
		}
	case "Import", "ImportFrom":
		if e.FieldByName("Names").Len() == 0 {
			return ValueErrorf("empty names on %s", c.name)
		}
	case "With", "AsyncWith":
		if e.FieldByName("Items").Len() == 0 {
			return ValueErrorf("empty items on %s", c.name)
		}
	case "Try", "TryStar":
		nh := e.FieldByName("Handlers").Len()
		if nh == 0 && e.FieldByName("Finalbody").Len() == 0 {
			return ValueErrorf("%s has neither except handlers nor finalbody", c.name)
		}
		if nh == 0 && e.FieldByName("Orelse").Len() > 0 {
			return ValueErrorf("%s has orelse but no except handlers", c.name)
		}
	}
	for _, f := range c.fields {
		at := s.types[f.typ]
		if at == nil || at.simple {
			continue
		}
		key := c.name + "." + f.name
		fctx := syntax.Load
		switch {
		case storeFields[key]:
			fctx = syntax.Store
		case key == "Delete.targets":
			fctx = syntax.Del
		case key == "Starred.value" || key == "List.elts" || key == "Tuple.elts":
			fctx = ctx
		}
		fv := e.FieldByIndex(f.goIndex)
		if !f.seq {
			if err := s.validate(fv, fctx); err != nil {
				return err
			}
			continue
		}
		if blockFields[f.name] && fv.Len() == 0 && c.owner.name != "mod" {
			return ValueErrorf("empty body on %s", c.name)
		}
		for i := 0; i < fv.Len(); i++ {
			x := fv.Index(i)
			if x.Kind() == reflect.Interface && x.IsNil() && !noneAllowed[key] {
				if f.typ == "stmt" {
					return ValueErrorf("None disallowed in statement list")
				}
				return ValueErrorf("None disallowed in expression list")
			}
			if err := s.validate(x, fctx); err != nil {
				return err
			}
		}
	}
	return nil
}
