package py

// CPython's messages name a type by its tp_name, which for a type written
// in C includes its module ("'_io.BytesIO' object has no attribute 'x'",
// "'<' not supported between instances of 'collections.deque' and
// 'int'"). These are the Go-native types whose CPython counterparts are C
// types of a module other than builtins.
func init() {
	for t, name := range map[*Type]string{
		DequeType:                     "collections.deque",
		DequeIterType:                 "_collections._deque_iterator",
		DequeRevIterType:              "_collections._deque_reverse_iterator",
		DefaultDictType:               "collections.defaultdict",
		TupleGetterType:               "_collections._tuplegetter",
		IOBaseType:                    "_io._IOBase",
		RawIOBaseType:                 "_io._RawIOBase",
		BufferedIOBaseType:            "_io._BufferedIOBase",
		TextIOBaseType:                "_io._TextIOBase",
		BytesIOType:                   "_io.BytesIO",
		StringIOType:                  "_io.StringIO",
		FileIOType:                    "_io.FileIO",
		TextIOWrapperType:             "_io.TextIOWrapper",
		BufferedReaderType:            "_io.BufferedReader",
		BufferedWriterType:            "_io.BufferedWriter",
		BufferedRandomType:            "_io.BufferedRandom",
		BufferedRWPairType:            "_io.BufferedRWPair",
		IncrementalNewlineDecoderType: "_io.IncrementalNewlineDecoder",
		SimpleNamespaceType:           "types.SimpleNamespace",
		ProxyType:                     "weakref.ProxyType",
		CallableProxyTypeObj:          "weakref.CallableProxyType",
		TokenType:                     "_contextvars.Token",
	} {
		if t.CName == "" {
			t.CName = name
		}
	}
}
