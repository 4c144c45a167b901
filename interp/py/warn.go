package py

// Warn is warnings.warn(msg, category, stacklevel) from Go: the filters
// live in the pure-Python warnings module, so a warning turned into an
// error by a filter comes back as that error.
func Warn(t *Thread, category *Type, msg string, stacklevel int) error {
	w, err := t.importModule("warnings")
	if err != nil {
		return err
	}
	fn, err := GetAttr(t, w, Intern("warn"))
	if err != nil {
		return err
	}
	_, err = Call(t, fn, []Object{NewStr(msg), category, Int(stacklevel)}, nil)
	return err
}
