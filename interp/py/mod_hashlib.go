package py

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha3"
	"crypto/sha512"
	"encoding"
	"encoding/hex"
	"strings"
	"sync"
)

// The builtin hash modules hashlib falls back to when OpenSSL's _hashlib
// cannot load (here it never can: the host's _hashlib .so needs private
// CPython symbols): _md5, _sha1, _sha256, _sha512, _sha3, backed by Go's
// crypto packages. random needs sha512 to seed from a str.

// hashState is a running digest: Go's (which copy() clones through their
// binary form) or one of the BLAKE2 states (which clone themselves).
type hashState interface {
	Write(p []byte) (int, error)
}

type marshalState interface {
	hashState
	encoding.BinaryMarshaler
	encoding.BinaryUnmarshaler
}

type hashAlgo struct {
	name       string
	module     string
	newState   func() hashState
	digestSize int // 0 for the SHAKE functions, whose length is chosen at digest()
	blockSize  int
	xof        bool
	posOnly    bool // sha3 and shake take their data positionally only
	// construct, when set, parses the constructor's arguments (BLAKE2's
	// parameters) and returns the state and the initial data.
	construct func(t *Thread, args []Object, kw []string) (hashState, int, []byte, error)
	typ       *Type
}

// hashObj is one running digest; mu makes update() and digest() atomic
// when threads share it.
type hashObj struct {
	algo *hashAlgo
	mu   sync.Mutex
	st   hashState
	size int // digest_size
}

// Type returns the algorithm's type.
func (h *hashObj) Type() *Type { return h.algo.typ }

func (h *hashObj) clone() (hashState, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	switch st := h.st.(type) {
	case *blake2[uint64]:
		return st.clone(), nil
	case *blake2[uint32]:
		return st.clone(), nil
	case marshalState:
		data, err := st.MarshalBinary()
		if err != nil {
			return nil, err
		}
		c := h.algo.newState().(marshalState)
		return c, c.UnmarshalBinary(data)
	}
	panic("hash state cannot be copied")
}

// sum returns the digest (n bytes for a SHAKE) without disturbing the
// running state.
func (h *hashObj) sum(n int) ([]byte, error) {
	st, err := h.clone()
	if err != nil {
		return nil, err
	}
	if h.algo.xof {
		out := make([]byte, n)
		_, err := st.(*sha3.SHAKE).Read(out)
		return out, err
	}
	return st.(interface{ Sum([]byte) []byte }).Sum(nil), nil
}

// hashData reads the data argument of update() and the constructors.
func hashData(o Object) ([]byte, error) {
	if _, ok := o.(*Str); ok {
		return nil, TypeErrorf("Strings must be encoded before hashing")
	}
	if b, ok := bytesLike(o); ok {
		return b, nil
	}
	return nil, TypeErrorf("object supporting the buffer API required")
}

var hashAlgos = []*hashAlgo{
	{name: "md5", module: "_md5", newState: func() hashState { return md5.New().(hashState) }, digestSize: 16, blockSize: 64},
	{name: "sha1", module: "_sha1", newState: func() hashState { return sha1.New().(hashState) }, digestSize: 20, blockSize: 64},
	{name: "sha224", module: "_sha256", newState: func() hashState { return sha256.New224().(hashState) }, digestSize: 28, blockSize: 64},
	{name: "sha256", module: "_sha256", newState: func() hashState { return sha256.New().(hashState) }, digestSize: 32, blockSize: 64},
	{name: "sha384", module: "_sha512", newState: func() hashState { return sha512.New384().(hashState) }, digestSize: 48, blockSize: 128},
	{name: "sha512", module: "_sha512", newState: func() hashState { return sha512.New().(hashState) }, digestSize: 64, blockSize: 128},
	{name: "sha3_224", module: "_sha3", newState: func() hashState { return sha3.New224() }, digestSize: 28, blockSize: 144, posOnly: true},
	{name: "sha3_256", module: "_sha3", newState: func() hashState { return sha3.New256() }, digestSize: 32, blockSize: 136, posOnly: true},
	{name: "sha3_384", module: "_sha3", newState: func() hashState { return sha3.New384() }, digestSize: 48, blockSize: 104, posOnly: true},
	{name: "sha3_512", module: "_sha3", newState: func() hashState { return sha3.New512() }, digestSize: 64, blockSize: 72, posOnly: true},
	{name: "shake_128", module: "_sha3", newState: func() hashState { return sha3.NewSHAKE128() }, blockSize: 168, xof: true, posOnly: true},
	{name: "shake_256", module: "_sha3", newState: func() hashState { return sha3.NewSHAKE256() }, blockSize: 136, xof: true, posOnly: true},
	{name: "blake2b", module: "_blake2", blockSize: 128, construct: func(t *Thread, args []Object, kw []string) (hashState, int, []byte, error) {
		p, data, err := parseBlake2(t, "blake2b", 8, args, kw)
		if err != nil {
			return nil, 0, nil, err
		}
		return newBlake2b(p), p.size, data, nil
	}},
	{name: "blake2s", module: "_blake2", blockSize: 64, construct: func(t *Thread, args []Object, kw []string) (hashState, int, []byte, error) {
		p, data, err := parseBlake2(t, "blake2s", 4, args, kw)
		if err != nil {
			return nil, 0, nil, err
		}
		return newBlake2s(p), p.size, data, nil
	}},
}

func hashSelf(o Object) (*hashObj, error) {
	if h, ok := unwrap(o).(*hashObj); ok {
		return h, nil
	}
	return nil, TypeErrorf("descriptor requires a hash object but received a '%s'", typeName(o))
}

func newHashType(a *hashAlgo) *Type {
	typ := newBuiltinType(a.name, ObjectType)
	typ.Flags.And(^uint64(FlagBaseType))
	a.typ = typ
	typ.New = func(t *Thread, _ *Type, args []Object, kw []string) (Object, error) {
		if a.construct != nil {
			st, size, b, err := a.construct(t, args, kw)
			if err != nil {
				return nil, err
			}
			st.Write(b)
			return &hashObj{algo: a, st: st, size: size}, nil
		}
		var data, usedForSecurity Object
		// Argument Clinic names every sha3 constructor sha3_224
		cname := a.name
		if a.module == "_sha3" {
			cname = "sha3_224"
		}
		if npos := len(args) - len(kw); npos > 1 {
			return nil, TypeErrorf("%s() takes at most 1 positional argument (%d given)", cname, npos)
		}
		names := []string{"string", "usedforsecurity"}
		posOnly := 0
		if a.posOnly {
			names[0], posOnly = "data", 1
		}
		if err := parseClinic(cname, args, kw, names, posOnly, 0, &data, &usedForSecurity); err != nil {
			return nil, err
		}
		h := &hashObj{algo: a, st: a.newState(), size: a.digestSize}
		if data != nil {
			b, err := hashData(data)
			if err != nil {
				return nil, err
			}
			h.st.Write(b)
		}
		return h, nil
	}
	typ.AddMethod("update", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if err := methOArg(a.name+".update", args, kw); err != nil {
			return nil, err
		}
		h, err := hashSelf(self)
		if err != nil {
			return nil, err
		}
		b, err := hashData(args[0])
		if err != nil {
			return nil, err
		}
		h.mu.Lock()
		h.st.Write(b)
		h.mu.Unlock()
		return None, nil
	})
	digestLen := func(t *Thread, fname string, args []Object, kw []string) (int, error) {
		if !a.xof {
			if len(args) > 0 {
				return 0, TypeErrorf("%s.%s() takes no arguments (%d given)", a.name, fname, len(args))
			}
			return 0, nil
		}
		if err := methOArg(a.name+"."+fname, args, kw); err != nil {
			return 0, err
		}
		b, ok := asBig(args[0])
		if !ok {
			return 0, TypeErrorf("'%s' object cannot be interpreted as an integer", typeName(args[0]))
		}
		if b.Sign() < 0 {
			return 0, ValueErrorf("value must be positive")
		}
		if b.BitLen() > 29 {
			return 0, ValueErrorf("length is too large")
		}
		return int(b.Int64()), nil
	}
	typ.AddMethod("digest", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		h, err := hashSelf(self)
		if err != nil {
			return nil, err
		}
		n, err := digestLen(t, "digest", args, kw)
		if err != nil {
			return nil, err
		}
		b, err := h.sum(n)
		if err != nil {
			return nil, err
		}
		return NewBytes(b), nil
	})
	typ.AddMethod("hexdigest", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		h, err := hashSelf(self)
		if err != nil {
			return nil, err
		}
		n, err := digestLen(t, "hexdigest", args, kw)
		if err != nil {
			return nil, err
		}
		b, err := h.sum(n)
		if err != nil {
			return nil, err
		}
		return NewStr(hex.EncodeToString(b)), nil
	})
	typ.AddMethod("copy", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) > 0 {
			if a.module == "_sha3" || a.module == "_blake2" {
				return nil, TypeErrorf("%s.copy() takes no arguments (%d given)", a.name, len(args))
			}
			return nil, TypeErrorf("copy() takes no arguments")
		}
		h, err := hashSelf(self)
		if err != nil {
			return nil, err
		}
		st, err := h.clone()
		if err != nil {
			return nil, err
		}
		return &hashObj{algo: a, st: st, size: h.size}, nil
	})
	addConstGetter(typ, "name", NewStr(a.name))
	typ.AddGetSet("digest_size", func(t *Thread, o Object) (Object, error) {
		h, err := hashSelf(o)
		if err != nil {
			return nil, err
		}
		return Int(h.size), nil
	}, nil)
	addConstGetter(typ, "block_size", Int(a.blockSize))
	if a.module == "_sha3" {
		addConstGetter(typ, "_capacity_bits", Int(1600-8*a.blockSize))
		addConstGetter(typ, "_rate_bits", Int(8*a.blockSize))
		suffix := 6
		if a.xof {
			suffix = 0x1f
		}
		addConstGetter(typ, "_suffix", NewBytes([]byte{byte(suffix)}))
	}
	if a.module == "_blake2" {
		w := a.blockSize / 16 // word size in bytes
		typ.Dict.SetStr("SALT_SIZE", Int(2*w))
		typ.Dict.SetStr("PERSON_SIZE", Int(2*w))
		typ.Dict.SetStr("MAX_KEY_SIZE", Int(8*w))
		typ.Dict.SetStr("MAX_DIGEST_SIZE", Int(8*w))
	}
	registerType(typ)
	return typ
}

// addConstGetter adds a read-only attribute with a fixed value.
func addConstGetter(typ *Type, name string, v Object) {
	typ.AddGetSet(name, func(*Thread, Object) (Object, error) { return v, nil }, nil)
}

func init() {
	byModule := map[string][]*hashAlgo{}
	for _, a := range hashAlgos {
		newHashType(a)
		byModule[a.module] = append(byModule[a.module], a)
	}
	for mod, algos := range byModule {
		RegisterNativeModule(mod, func(t *Thread) (*Module, error) {
			m := NewModule(mod)
			for _, a := range algos {
				a.typ.Dict.SetStr("__module__", NewStr(mod))
				m.dict.SetStr(a.name, a.typ)
			}
			if mod == "_blake2" {
				for _, a := range algos {
					w := a.blockSize / 16
					p := strings.ToUpper(a.name[5:]) // "B" or "S"
					m.dict.SetStr("BLAKE2"+p+"_SALT_SIZE", Int(2*w))
					m.dict.SetStr("BLAKE2"+p+"_PERSON_SIZE", Int(2*w))
					m.dict.SetStr("BLAKE2"+p+"_MAX_KEY_SIZE", Int(8*w))
					m.dict.SetStr("BLAKE2"+p+"_MAX_DIGEST_SIZE", Int(8*w))
				}
				m.dict.SetStr("_GIL_MINSIZE", Int(2048))
			}
			if mod == "_sha3" {
				m.dict.SetStr("implementation", NewStr("go"))
				m.dict.SetStr("keccakopt", Int(64))
			}
			return m, nil
		})
	}
}
