package py

// code.co_positions() and code.co_lines(): the traceback module (and so
// logging.exception, traceback.print_exc) reads source positions through
// them. An instruction is one code unit here, so offsets are 2 * index,
// matching f_lasti and tb_lasti.

func init() {
	optInt := func(v int32) Object {
		if v < 0 {
			return None
		}
		return Int(v)
	}
	CodeType.AddMethod("co_positions", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) != 0 {
			return nil, TypeErrorf("code.co_positions() takes no arguments (%d given)", len(args))
		}
		c := self.(*Code)
		items := make([]Object, len(c.Instrs))
		for i := range c.Instrs {
			var tup Object = NewTuple(None, None, None, None)
			if i < len(c.Positions) {
				p := c.Positions[i]
				line := optInt(p.Line)
				if p.Line <= 0 {
					line = None
				}
				tup = NewTuple(line, optInt(p.EndLine), optInt(p.Col), optInt(p.EndCol))
			}
			items[i] = tup
		}
		return Iter(t, NewList(items...))
	})
	CodeType.AddMethod("co_lines", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) != 0 {
			return nil, TypeErrorf("code.co_lines() takes no arguments (%d given)", len(args))
		}
		c := self.(*Code)
		var items []Object
		start := 0
		lineAt := func(i int) int32 {
			if i < len(c.Positions) {
				return c.Positions[i].Line
			}
			return -1
		}
		for i := 1; i <= len(c.Instrs); i++ {
			if i < len(c.Instrs) && lineAt(i) == lineAt(start) {
				continue
			}
			var line Object = None
			if l := lineAt(start); l > 0 {
				line = Int(l)
			}
			items = append(items, NewTuple(Int(2*start), Int(2*i), line))
			start = i
		}
		return Iter(t, NewList(items...))
	})
}
