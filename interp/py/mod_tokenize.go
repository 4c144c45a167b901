package py

import (
	"sync"

	"freepy/interp/syntax"
)

// The _tokenize module: CPython 3.11's TokenizerIter, an iterator over the
// tokens of a str of source (Lib/tokenize.py's
// _generate_tokens_from_c_tokenizer). Its tokens come from freepy's own
// scanner (syntax.Tokenize), so they are the ones the parser reads.

var tokenizerIterType = newBuiltinType("TokenizerIter", ObjectType)

// tokenizerIter holds the scanned tokens; a tokenizer error is raised
// once the tokens before it are consumed, where CPython's lazy tokenizer
// reaches it. mu orders the threads that share one iterator.
type tokenizerIter struct {
	mu   sync.Mutex
	toks []syntax.TokenInfo
	err  *syntax.Error
	next int
}

func (*tokenizerIter) Type() *Type { return tokenizerIterType }

func (it *tokenizerIter) step() (Object, error) {
	it.mu.Lock()
	defer it.mu.Unlock()
	if it.next < len(it.toks) {
		tk := it.toks[it.next]
		it.next++
		return NewTuple(NewStr(tk.Text), Int(tk.Type), Int(tk.Line), Int(tk.EndLine),
			Int(tk.Col), Int(tk.EndCol), NewStr(tk.LineText)), nil
	}
	if it.err != nil {
		se := *it.err
		it.err = nil
		se.Filename = "<string>"
		return nil, syntaxErrorFrom(&se)
	}
	return nil, nil
}

func init() {
	tt := tokenizerIterType
	tt.Flags.And(^uint64(FlagBaseType))
	tt.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		var src Object
		if err := ParseArgs("TokenizerIter", args, kw, []string{"source"}, 1, &src); err != nil {
			return nil, err
		}
		s, ok := src.(*Str)
		if !ok {
			return nil, TypeErrorf("TokenizerIter() argument 'source' must be str, not %s", typeName(src))
		}
		toks, err := syntax.Tokenize(s.s)
		return &tokenizerIter{toks: toks, err: err}, nil
	}
	tt.Iter = selfIter
	tt.Next = func(t *Thread, o Object) (Object, error) { return o.(*tokenizerIter).step() }
	registerType(tt)
	RegisterNativeModule("_tokenize", func(t *Thread) (*Module, error) {
		m := NewModule("_tokenize")
		tt.Dict.SetStr("__module__", NewStr("_tokenize"))
		m.Dict().SetStr("TokenizerIter", tt)
		return m, nil
	})
}
