package py

import (
	crand "crypto/rand"
	"encoding/binary"
	"math/big"
	"os"
	"sync"
	"time"
)

// _random: the Mersenne Twister (MT19937) that random.Random subclasses.
// Seeding, the 53-bit random() and getrandbits() follow CPython's
// _randommodule.c bit for bit, because seeded sequences are part of the
// language's observable contract (programs and tests rely on them).

const (
	mtN         = 624
	mtM         = 397
	mtMatrixA   = 0x9908b0df
	mtUpperMask = 0x80000000
	mtLowerMask = 0x7fffffff
)

// RandomType is _random.Random.
var RandomType = newBuiltinType("Random", ObjectType)

// mtRandom is the generator state. The mutex makes each call atomic when
// threads share one generator (the module-level functions of random all
// share one instance), as CPython 3.13t's critical sections do.
type mtRandom struct {
	mu    sync.Mutex
	state [mtN]uint32
	index int
}

// Type returns _random.Random.
func (*mtRandom) Type() *Type { return RandomType }

func (r *mtRandom) genrand() uint32 {
	mt := &r.state
	if r.index >= mtN {
		var kk int
		for kk = 0; kk < mtN-mtM; kk++ {
			y := (mt[kk] & mtUpperMask) | (mt[kk+1] & mtLowerMask)
			mt[kk] = mt[kk+mtM] ^ (y >> 1) ^ ((y & 1) * mtMatrixA)
		}
		for ; kk < mtN-1; kk++ {
			y := (mt[kk] & mtUpperMask) | (mt[kk+1] & mtLowerMask)
			mt[kk] = mt[kk+(mtM-mtN)] ^ (y >> 1) ^ ((y & 1) * mtMatrixA)
		}
		y := (mt[mtN-1] & mtUpperMask) | (mt[0] & mtLowerMask)
		mt[mtN-1] = mt[mtM-1] ^ (y >> 1) ^ ((y & 1) * mtMatrixA)
		r.index = 0
	}
	y := mt[r.index]
	r.index++
	y ^= y >> 11
	y ^= (y << 7) & 0x9d2c5680
	y ^= (y << 15) & 0xefc60000
	y ^= y >> 18
	return y
}

func (r *mtRandom) initGenrand(s uint32) {
	mt := &r.state
	mt[0] = s
	for i := 1; i < mtN; i++ {
		mt[i] = 1812433253*(mt[i-1]^(mt[i-1]>>30)) + uint32(i)
	}
	r.index = mtN
}

func (r *mtRandom) initByArray(key []uint32) {
	mt := &r.state
	r.initGenrand(19650218)
	i, j := 1, 0
	k := mtN
	if len(key) > k {
		k = len(key)
	}
	for ; k > 0; k-- {
		mt[i] = (mt[i] ^ ((mt[i-1] ^ (mt[i-1] >> 30)) * 1664525)) + key[j] + uint32(j)
		i++
		j++
		if i >= mtN {
			mt[0] = mt[mtN-1]
			i = 1
		}
		if j >= len(key) {
			j = 0
		}
	}
	for k = mtN - 1; k > 0; k-- {
		mt[i] = (mt[i] ^ ((mt[i-1] ^ (mt[i-1] >> 30)) * 1566083941)) - uint32(i)
		i++
		if i >= mtN {
			mt[0] = mt[mtN-1]
			i = 1
		}
	}
	mt[0] = 0x80000000 // MSB is 1, assuring a non-zero initial array
}

// seedFromOS seeds from the system's entropy source, falling back to the
// time and pid as CPython does when urandom fails.
func (r *mtRandom) seedFromOS() {
	var buf [mtN * 4]byte
	key := make([]uint32, mtN)
	if _, err := crand.Read(buf[:]); err == nil {
		for i := range key {
			key[i] = binary.LittleEndian.Uint32(buf[4*i:])
		}
		r.initByArray(key)
		return
	}
	now := uint64(time.Now().UnixNano())
	mono := uint64(monotonicNs())
	r.initByArray([]uint32{uint32(now), uint32(now >> 32), uint32(os.Getpid()), uint32(mono), uint32(mono >> 32)})
}

// seed implements Random.seed(n): None seeds from the OS; an int by its
// absolute value; anything else by its hash read as an unsigned word.
func (r *mtRandom) seed(t *Thread, arg Object) error {
	if arg == nil || arg == None {
		r.mu.Lock()
		r.seedFromOS()
		r.mu.Unlock()
		return nil
	}
	var n *big.Int
	if b, ok := asBig(arg); ok && IsInstance(arg, IntType) {
		n = new(big.Int).Abs(b)
	} else {
		h, err := Hash(t, arg)
		if err != nil {
			return err
		}
		n = new(big.Int).SetUint64(uint64(h))
	}
	// the key is n's 32-bit words, least significant first (at least one)
	words := n.Bits()
	key := make([]uint32, 0, 2*len(words)+1)
	for _, w := range words {
		key = append(key, uint32(w), uint32(uint64(w)>>32))
	}
	for len(key) > 1 && key[len(key)-1] == 0 {
		key = key[:len(key)-1]
	}
	if len(key) == 0 {
		key = append(key, 0)
	}
	r.mu.Lock()
	r.initByArray(key)
	r.mu.Unlock()
	return nil
}

func randomSelf(o Object) (*mtRandom, error) {
	if r, ok := unwrap(o).(*mtRandom); ok {
		return r, nil
	}
	return nil, TypeErrorf("descriptor requires a '_random.Random' object but received a '%s'", typeName(o))
}

// randomBitsObject returns k random bits (k > 32) as an int, filling 32-bit
// words from the least significant end as CPython does.
func (r *mtRandom) randomBitsObject(k int) Object {
	words := (k-1)/32 + 1
	buf := make([]byte, words*4)
	r.mu.Lock()
	for i := 0; i < words; i, k = i+1, k-32 {
		v := r.genrand()
		if k < 32 {
			v >>= uint(32 - k)
		}
		// big-endian bytes for big.Int.SetBytes: word i from the end
		binary.BigEndian.PutUint32(buf[(words-1-i)*4:], v)
	}
	r.mu.Unlock()
	return intFromBig(new(big.Int).SetBytes(buf))
}

func init() {
	rt := RandomType
	rt.CName = "_random.Random"
	rt.New = func(t *Thread, typ *Type, args []Object, kw []string) (Object, error) {
		return newSubclassInstance(typ, &mtRandom{}), nil
	}
	rt.Init = func(t *Thread, self Object, args []Object, kw []string) error {
		// keywords are refused unless a subclass's own __init__ takes them
		initName := Intern("__init__")
		if len(kw) > 0 && self.Type().Lookup(initName) == rt.Lookup(initName) {
			return TypeErrorf("Random() takes no keyword arguments")
		}
		if len(args)-len(kw) > 1 {
			return TypeErrorf("Random() requires 0 or 1 argument")
		}
		r, err := randomSelf(self)
		if err != nil {
			return err
		}
		var arg Object
		if len(args) == 1 {
			arg = args[0]
		}
		return r.seed(t, arg)
	}
	rt.AddMethod("seed", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(kw) > 0 {
			return nil, TypeErrorf("Random.seed() takes no keyword arguments")
		}
		if len(args) > 1 {
			return nil, TypeErrorf("seed expected at most 1 argument, got %d", len(args))
		}
		r, err := randomSelf(self)
		if err != nil {
			return nil, err
		}
		var arg Object
		if len(args) == 1 {
			arg = args[0]
		}
		return None, r.seed(t, arg)
	})
	rt.AddMethod("random", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) > 0 {
			return nil, TypeErrorf("Random.random() takes no arguments (%d given)", len(args))
		}
		r, err := randomSelf(self)
		if err != nil {
			return nil, err
		}
		r.mu.Lock()
		a, b := r.genrand()>>5, r.genrand()>>6
		r.mu.Unlock()
		return Float((float64(a)*67108864.0 + float64(b)) * (1.0 / 9007199254740992.0)), nil
	})
	rt.AddMethod("getrandbits", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(kw) > 0 {
			return nil, TypeErrorf("Random.getrandbits() takes no keyword arguments")
		}
		if len(args) != 1 {
			return nil, TypeErrorf("Random.getrandbits() takes exactly one argument (%d given)", len(args))
		}
		r, err := randomSelf(self)
		if err != nil {
			return nil, err
		}
		if _, isFloat := unwrap(args[0]).(Float); isFloat {
			return nil, TypeErrorf("'float' object cannot be interpreted as an integer")
		}
		n, err := AsInt64(t, args[0])
		if err != nil || n > 1<<31-1 || n < -1<<31 {
			if err == nil || IsInstanceOf(err, OverflowErrorType) {
				return nil, NewError(OverflowErrorType, "Python int too large to convert to C int")
			}
			return nil, err
		}
		switch {
		case n < 0:
			return nil, ValueErrorf("number of bits must be non-negative")
		case n == 0:
			return Int(0), nil
		case n <= 32:
			r.mu.Lock()
			v := r.genrand() >> uint(32-n)
			r.mu.Unlock()
			return Int(v), nil
		}
		return r.randomBitsObject(int(n)), nil
	})
	rt.AddMethod("getstate", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) > 0 {
			return nil, TypeErrorf("Random.getstate() takes no arguments (%d given)", len(args))
		}
		r, err := randomSelf(self)
		if err != nil {
			return nil, err
		}
		items := make([]Object, mtN+1)
		r.mu.Lock()
		for i, v := range r.state {
			items[i] = Int(v)
		}
		items[mtN] = Int(r.index)
		r.mu.Unlock()
		return NewTuple(items...), nil
	})
	rt.AddMethod("setstate", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) != 1 {
			return nil, TypeErrorf("Random.setstate() takes exactly one argument (%d given)", len(args))
		}
		r, err := randomSelf(self)
		if err != nil {
			return nil, err
		}
		tup, ok := args[0].(*Tuple)
		if !ok {
			if in, isInst := args[0].(*Instance); isInst {
				tup, ok = in.Base.(*Tuple)
			}
		}
		if !ok {
			return nil, TypeErrorf("state vector must be a tuple")
		}
		if len(tup.items) != mtN+1 {
			return nil, ValueErrorf("state vector is the wrong size")
		}
		var st [mtN]uint32
		for i := 0; i < mtN; i++ {
			v, err := randomStateWord(tup.items[i])
			if err != nil {
				return nil, err
			}
			st[i] = uint32(v)
		}
		idx, err := AsInt64(t, tup.items[mtN])
		if err != nil {
			if IsInstanceOf(err, OverflowErrorType) {
				return nil, NewError(OverflowErrorType, "Python int too large to convert to C long")
			}
			return nil, err
		}
		if idx < 0 || idx > mtN {
			return nil, ValueErrorf("invalid state")
		}
		r.mu.Lock()
		r.state = st
		r.index = int(idx)
		r.mu.Unlock()
		return None, nil
	})
	registerType(rt)

	RegisterNativeModule("_random", func(t *Thread) (*Module, error) {
		m := NewModule("_random")
		rt.Dict.SetStr("__module__", NewStr("_random"))
		m.dict.SetStr("Random", rt)
		return m, nil
	})
}

// randomStateWord reads a state element as C's PyLong_AsUnsignedLong
// does: an int in [0, 2**64), with CPython's errors otherwise.
func randomStateWord(o Object) (uint64, error) {
	b, ok := asBig(o)
	if !ok || !IsInstance(o, IntType) {
		return 0, TypeErrorf("an integer is required")
	}
	if b.Sign() < 0 {
		return 0, NewError(OverflowErrorType, "can't convert negative value to unsigned int")
	}
	if b.BitLen() > 64 {
		return 0, NewError(OverflowErrorType, "Python int too large to convert to C unsigned long")
	}
	return b.Uint64(), nil
}
