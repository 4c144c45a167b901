package py

func init() {
	TupleType.AddMethod("index", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := collArgRange("index", args, kw, 1, 3); err != nil {
			return nil, err
		}
		i, err := seqFind(t, unwrap(self).(*Tuple).items, args[0], args)
		if err != nil {
			return nil, err
		}
		if i < 0 {
			return nil, ValueErrorf("tuple.index(x): x not in tuple")
		}
		return Int(i), nil
	})
	TupleType.AddMethod("count", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		v, err := collArgO("tuple.count", args, kw)
		if err != nil {
			return nil, err
		}
		n, err := seqCount(t, unwrap(self).(*Tuple).items, v)
		return Int(n), err
	})
	TupleType.AddMethod("__getnewargs__", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		return NewTuple(NewTuple(unwrap(self).(*Tuple).items...)), nil
	})
}
