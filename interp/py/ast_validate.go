package py

import (
	"reflect"

	"freepy/interp/syntax"
)

// validateMod checks a tree converted from ast objects before it is
// compiled, with the rules and messages of CPython's _PyAST_Validate
// (Python/ast.c): the parser never produces such trees, so the compiler
// may assume they do not occur. The walk is generic over the ASDL table;
// the per-node rules are in checkNode.
func validateMod(mod syntax.Mod) error {
	return astS.validate(reflect.ValueOf(mod), syntax.Load)
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

// nonEmpty are the lists that must not be empty, with the word CPython's
// message uses ("empty body on For", "empty names on Import").
var nonEmpty = map[string]string{
	"FunctionDef.body": "body", "AsyncFunctionDef.body": "body", "ClassDef.body": "body",
	"For.body": "body", "AsyncFor.body": "body", "While.body": "body", "If.body": "body",
	"With.body": "body", "AsyncWith.body": "body", "Try.body": "body", "TryStar.body": "body",
	"ExceptHandler.body": "body", "match_case.body": "body",
	"Delete.targets": "targets", "Assign.targets": "targets", "With.items": "items",
	"AsyncWith.items": "items", "Match.cases": "cases", "Import.names": "names",
	"ImportFrom.names": "names", "Global.names": "names", "Nonlocal.names": "names",
	"ListComp.generators": "generators", "SetComp.generators": "generators",
	"DictComp.generators": "generators", "GeneratorExp.generators": "generators",
}

func (s *astState) validate(v reflect.Value, ctx syntax.ExprContext) error {
	if v.Kind() == reflect.Interface {
		v = v.Elem()
	}
	if !v.IsValid() || v.IsNil() {
		return nil
	}
	c := s.byGo[v.Type()]
	e := v.Elem()
	if err := checkNode(c, e, v.Interface(), ctx); err != nil {
		return err
	}
	for _, f := range c.fields {
		key := c.name + "." + f.name
		fv := e.FieldByIndex(f.goIndex)
		if f.seq && fv.Len() == 0 {
			if what, ok := nonEmpty[key]; ok {
				owner := c.name
				if what == "generators" {
					return ValueErrorf("comprehension with no generators")
				}
				if what == "body" && c.name == "match_case" {
					owner = "match_case"
				}
				return ValueErrorf("empty %s on %s", what, owner)
			}
		}
		at := s.types[f.typ]
		if at == nil || at.simple {
			continue
		}
		fctx := syntax.Load
		switch {
		case storeFields[key]:
			fctx = syntax.Store
		case key == "Delete.targets":
			fctx = syntax.Del
		case key == "Starred.value" || key == "List.elts" || key == "Tuple.elts":
			fctx = ctx
		}
		if !f.seq {
			if err := s.validate(fv, fctx); err != nil {
				return err
			}
			continue
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

// checkNode applies the rules about one node (its own fields, not its
// children).
func checkNode(c *asdlCons, e reflect.Value, n any, ctx syntax.ExprContext) error {
	if node, ok := n.(syntax.Node); ok && (c.owner.name == "stmt" || c.owner.name == "expr") {
		if err := checkPositions(node.Pos()); err != nil {
			return err
		}
	}
	switch x := n.(type) {
	case *syntax.Name, *syntax.Attribute, *syntax.Subscript, *syntax.Starred, *syntax.List, *syntax.Tuple:
		if got := syntax.ExprContext(e.FieldByName("Ctx").Uint()); got != ctx {
			return ValueErrorf("expression must have %s context but has %s instead", ctx, got)
		}
		if nm, ok := x.(*syntax.Name); ok {
			if err := checkName(nm.Id); err != nil {
				return err
			}
		}
	case *syntax.NamedExpr:
		if _, ok := x.Target.(*syntax.Name); !ok {
			return TypeErrorf("NamedExpr target must be a Name")
		}
	case *syntax.Dict:
		if len(x.Keys) != len(x.Values) {
			return ValueErrorf("Dict doesn't have the same number of keys as values")
		}
	case *syntax.Compare:
		if len(x.Comparators) == 0 {
			return ValueErrorf("Compare with no comparators")
		}
		if len(x.Comparators) != len(x.Ops) {
			return ValueErrorf("Compare has a different number of comparators and operands")
		}
	case *syntax.BoolOp:
		if len(x.Values) < 2 {
			return ValueErrorf("BoolOp with less than 2 values")
		}
	case *syntax.AnnAssign:
		if _, ok := x.Target.(*syntax.Name); x.Simple != 0 && !ok {
			return TypeErrorf("AnnAssign with simple non-Name target")
		}
	case *syntax.Raise:
		if x.Exc == nil && x.Cause != nil {
			return ValueErrorf("Raise with cause but no exception")
		}
	case *syntax.Try:
		return checkTry("Try", len(x.Handlers), len(x.Orelse), len(x.Finalbody))
	case *syntax.TryStar:
		return checkTry("TryStar", len(x.Handlers), len(x.Orelse), len(x.Finalbody))
	case *syntax.ImportFrom:
		if x.Level < 0 {
			return ValueErrorf("Negative ImportFrom level")
		}
	case *syntax.Arguments:
		if len(x.Defaults) > len(x.Posonlyargs)+len(x.Args) {
			return ValueErrorf("more positional defaults than args on arguments")
		}
		if len(x.KwDefaults) != len(x.Kwonlyargs) {
			return ValueErrorf("length of kwonlyargs is not the same as kw_defaults on arguments")
		}
	case *syntax.MatchCase:
		return checkPattern(x.Pattern, false)
	}
	return nil
}

func checkTry(name string, handlers, orelse, final int) error {
	if handlers == 0 && final == 0 {
		return ValueErrorf("%s has neither except handlers nor finalbody", name)
	}
	if handlers == 0 && orelse > 0 {
		return ValueErrorf("%s has orelse but no except handlers", name)
	}
	return nil
}

func checkPositions(p syntax.Position) error {
	if p.Lineno > p.EndLineno {
		return ValueErrorf("AST node line range (%d, %d) is not valid", p.Lineno, p.EndLineno)
	}
	if (p.Lineno < 0 && p.EndLineno != p.Lineno) || (p.ColOffset < 0 && p.ColOffset != p.EndColOffset) {
		return ValueErrorf("AST node column range (%d, %d) for line range (%d, %d) is not valid", p.ColOffset, p.EndColOffset, p.Lineno, p.EndLineno)
	}
	if p.Lineno == p.EndLineno && p.ColOffset > p.EndColOffset {
		return ValueErrorf("line %d, column %d-%d is not a valid range", p.Lineno, p.ColOffset, p.EndColOffset)
	}
	return nil
}

func checkName(id string) error {
	switch id {
	case "None", "True", "False":
		return ValueErrorf("identifier field can't represent '%s' constant", id)
	}
	return nil
}

func checkCapture(name string) error {
	if name == "_" {
		return ValueErrorf("can't capture name '_' in patterns")
	}
	return checkName(name)
}

// checkPattern is CPython's validate_pattern (the sub-expressions of
// patterns are checked by the generic walk).
func checkPattern(p syntax.Pattern, starOK bool) error {
	switch x := p.(type) {
	case nil:
		return ValueErrorf("field 'pattern' is required for match_case")
	case *syntax.MatchValue:
		return checkMatchValue(x.Value)
	case *syntax.MatchSingleton:
		switch x.Value.(type) {
		case nil, bool:
		default:
			return ValueErrorf("MatchSingleton can only contain True, False and None")
		}
	case *syntax.MatchSequence:
		for _, q := range x.Patterns {
			if err := checkPattern(q, true); err != nil {
				return err
			}
		}
	case *syntax.MatchMapping:
		if len(x.Keys) != len(x.Patterns) {
			return ValueErrorf("MatchMapping doesn't have the same number of keys as patterns")
		}
		if x.Rest != "" {
			if err := checkCapture(x.Rest); err != nil {
				return err
			}
		}
		for _, k := range x.Keys {
			if kc, ok := k.(*syntax.Constant); ok {
				if _, ok := kc.Value.(bool); ok || kc.Value == nil {
					continue
				}
			}
			if err := checkMatchValue(k); err != nil {
				return err
			}
		}
		for _, q := range x.Patterns {
			if err := checkPattern(q, false); err != nil {
				return err
			}
		}
	case *syntax.MatchClass:
		for cls := x.Cls; ; {
			if a, ok := cls.(*syntax.Attribute); ok {
				cls = a.Value
				continue
			}
			if _, ok := cls.(*syntax.Name); !ok {
				return ValueErrorf("MatchClass cls field can only contain Name or Attribute nodes.")
			}
			break
		}
		if len(x.KwdAttrs) != len(x.KwdPatterns) {
			return ValueErrorf("MatchClass doesn't have the same number of keyword attributes as patterns")
		}
		for _, a := range x.KwdAttrs {
			if err := checkName(a); err != nil {
				return err
			}
		}
		for _, q := range append(append([]syntax.Pattern(nil), x.Patterns...), x.KwdPatterns...) {
			if err := checkPattern(q, false); err != nil {
				return err
			}
		}
	case *syntax.MatchStar:
		if !starOK {
			return ValueErrorf("can't use MatchStar here")
		}
		if x.Name != "" {
			return checkCapture(x.Name)
		}
	case *syntax.MatchAs:
		if x.Name != "" {
			if err := checkCapture(x.Name); err != nil {
				return err
			}
		}
		if x.Pattern != nil {
			if x.Name == "" {
				return ValueErrorf("MatchAs must specify a target name if a pattern is given")
			}
			return checkPattern(x.Pattern, false)
		}
	case *syntax.MatchOr:
		if len(x.Patterns) < 2 {
			return ValueErrorf("MatchOr requires at least 2 patterns")
		}
		for _, q := range x.Patterns {
			if err := checkPattern(q, false); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkMatchValue is validate_pattern_match_value: the value of a literal
// pattern or a mapping key.
func checkMatchValue(e syntax.Expr) error {
	switch v := e.(type) {
	case *syntax.Constant:
		switch v.Value.(type) {
		case nil, bool, syntax.EllipsisType:
			return ValueErrorf("unexpected constant inside of a literal pattern")
		}
		if _, ok := constValueToPy(v.Value).(*Tuple); ok {
			return ValueErrorf("unexpected constant inside of a literal pattern")
		}
		if _, ok := constValueToPy(v.Value).(*Set); ok {
			return ValueErrorf("unexpected constant inside of a literal pattern")
		}
		return nil
	case *syntax.Attribute, *syntax.UnaryOp, *syntax.BinOp, *syntax.JoinedStr:
		// the compiler rejects what constant folding cannot reduce
		return nil
	}
	return ValueErrorf("patterns may only match literals and attribute lookups")
}
