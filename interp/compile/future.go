package compile

import "freepy/interp/syntax"

// parseFuture finds the __future__ imports at the start of a module
// (CPython's future.c) and returns the feature flags they enable and the
// line of the last one (-1 if none). Later __future__ imports are an error
// reported by the code generator.
func parseFuture(mod syntax.Mod, filename string) (features, lastLine int, err error) {
	lastLine = -1
	var body []syntax.Stmt
	switch m := mod.(type) {
	case *syntax.Module:
		body = m.Body
	case *syntax.Interactive:
		body = m.Body
	default:
		return 0, lastLine, nil
	}
	i := 0
	if _, ok := docstring(body); ok {
		i = 1
	}
	done := false
	prevLine := 0
	for ; i < len(body); i++ {
		s := body[i]
		line := s.Pos().Lineno
		if done && line > prevLine {
			return features, lastLine, nil
		}
		prevLine = line
		imp, ok := s.(*syntax.ImportFrom)
		if !ok || imp.Module != "__future__" {
			done = true
			continue
		}
		if done {
			p := s.Pos()
			return 0, 0, newError(filename, syntax.Position{Lineno: p.Lineno, ColOffset: p.ColOffset - 1},
				"from __future__ imports must occur at the beginning of the file")
		}
		for _, a := range imp.Names {
			switch a.Name {
			case "nested_scopes", "generators", "division", "absolute_import",
				"with_statement", "print_function", "unicode_literals", "generator_stop":
			case "barry_as_FLUFL":
				features |= FutureBarryAsBDFL
			case "annotations":
				features |= FutureAnnotations
			case "braces":
				return 0, 0, newError(filename, s.Pos(), "not a chance")
			default:
				return 0, 0, newError(filename, s.Pos(), "future feature %s is not defined", a.Name)
			}
		}
		lastLine = line
	}
	return features, lastLine, nil
}
