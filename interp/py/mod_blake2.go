package py

import (
	"encoding/binary"
	"math/big"
)

// _blake2: BLAKE2b and BLAKE2s (RFC 7693) with the full parameter block
// hashlib exposes (key, salt, person, tree hashing fields). Go's standard
// library has no BLAKE2, and hashlib logs an error at import without it.

type blake2Word interface{ uint32 | uint64 }

var blake2Sigma = [10][16]byte{
	{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
	{14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
	{11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
	{7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
	{9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
	{2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
	{12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
	{13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
	{6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
	{10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
}

var blake2bIV = [8]uint64{0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
	0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179}
var blake2sIV = [8]uint32{0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19}

// blake2 is one running BLAKE2 state; W is uint64 for BLAKE2b and uint32
// for BLAKE2s, which differ only in word size, rounds and rotations.
type blake2[W blake2Word] struct {
	h        [8]W
	iv       [8]W
	t0, t1   W // bytes compressed so far, two words
	lastNode bool
	buf      []byte // up to one block, held back until more data or the end
	size     int    // digest length in bytes
	wbytes   int    // 8 or 4
	rounds   int
	rot      [4]uint
}

func (s *blake2[W]) blockSize() int { return 16 * s.wbytes }

func (s *blake2[W]) word(b []byte) W {
	if s.wbytes == 8 {
		return W(binary.LittleEndian.Uint64(b))
	}
	return W(binary.LittleEndian.Uint32(b))
}

func (s *blake2[W]) compress(block []byte, final bool) {
	bits := uint(8 * s.wbytes)
	rotr := func(x W, n uint) W { return x>>n | x<<(bits-n) }
	var m, v [16]W
	for i := range m {
		m[i] = s.word(block[i*s.wbytes:])
	}
	copy(v[:8], s.h[:])
	copy(v[8:], s.iv[:])
	v[12] ^= s.t0
	v[13] ^= s.t1
	if final {
		v[14] = ^v[14]
		if s.lastNode {
			v[15] = ^v[15]
		}
	}
	g := func(a, b, c, d int, x, y W) {
		v[a] = v[a] + v[b] + x
		v[d] = rotr(v[d]^v[a], s.rot[0])
		v[c] = v[c] + v[d]
		v[b] = rotr(v[b]^v[c], s.rot[1])
		v[a] = v[a] + v[b] + y
		v[d] = rotr(v[d]^v[a], s.rot[2])
		v[c] = v[c] + v[d]
		v[b] = rotr(v[b]^v[c], s.rot[3])
	}
	for r := 0; r < s.rounds; r++ {
		sg := &blake2Sigma[r%10]
		g(0, 4, 8, 12, m[sg[0]], m[sg[1]])
		g(1, 5, 9, 13, m[sg[2]], m[sg[3]])
		g(2, 6, 10, 14, m[sg[4]], m[sg[5]])
		g(3, 7, 11, 15, m[sg[6]], m[sg[7]])
		g(0, 5, 10, 15, m[sg[8]], m[sg[9]])
		g(1, 6, 11, 12, m[sg[10]], m[sg[11]])
		g(2, 7, 8, 13, m[sg[12]], m[sg[13]])
		g(3, 4, 9, 14, m[sg[14]], m[sg[15]])
	}
	for i := range s.h {
		s.h[i] ^= v[i] ^ v[i+8]
	}
}

func (s *blake2[W]) addCount(n int) {
	old := s.t0
	s.t0 += W(n)
	if s.t0 < old {
		s.t1++
	}
}

// Write absorbs p; the last block is kept back because it must be
// compressed with the final flag.
func (s *blake2[W]) Write(p []byte) (int, error) {
	n := len(p)
	bs := s.blockSize()
	for len(p) > 0 {
		if len(s.buf) == bs {
			s.addCount(bs)
			s.compress(s.buf, false)
			s.buf = s.buf[:0]
		}
		k := copy(s.buf[len(s.buf):bs], p)
		s.buf = s.buf[:len(s.buf)+k]
		p = p[k:]
	}
	return n, nil
}

func (s *blake2[W]) clone() *blake2[W] {
	c := *s
	c.buf = append(make([]byte, 0, s.blockSize()), s.buf...)
	return &c
}

// Sum returns the digest, leaving s as it was.
func (s *blake2[W]) Sum(b []byte) []byte {
	c := s.clone()
	c.addCount(len(c.buf))
	block := make([]byte, c.blockSize())
	copy(block, c.buf)
	c.compress(block, true)
	out := make([]byte, 8*c.wbytes)
	for i, w := range c.h {
		if c.wbytes == 8 {
			binary.LittleEndian.PutUint64(out[8*i:], uint64(w))
		} else {
			binary.LittleEndian.PutUint32(out[4*i:], uint32(w))
		}
	}
	return append(b, out[:c.size]...)
}

// blake2Params are the constructor's keyword arguments.
type blake2Params struct {
	size                 int
	key, salt, person    []byte
	fanout, depth        int
	leafSize             uint32
	nodeOffset           uint64
	nodeDepth, innerSize int
	lastNode             bool
}

// init sets up the state from the parameter block (RFC 7693 2.5; the
// tree fields are laid out as in the BLAKE2 paper).
func (s *blake2[W]) init(p *blake2Params) {
	pb := make([]byte, 8*s.wbytes)
	pb[0], pb[1], pb[2], pb[3] = byte(p.size), byte(len(p.key)), byte(p.fanout), byte(p.depth)
	binary.LittleEndian.PutUint32(pb[4:], p.leafSize)
	if s.wbytes == 8 {
		binary.LittleEndian.PutUint64(pb[8:], p.nodeOffset)
		pb[16], pb[17] = byte(p.nodeDepth), byte(p.innerSize)
		copy(pb[32:48], p.salt)
		copy(pb[48:64], p.person)
	} else {
		var off [8]byte
		binary.LittleEndian.PutUint64(off[:], p.nodeOffset)
		copy(pb[8:14], off[:6])
		pb[14], pb[15] = byte(p.nodeDepth), byte(p.innerSize)
		copy(pb[16:24], p.salt)
		copy(pb[24:32], p.person)
	}
	for i := range s.h {
		s.h[i] = s.iv[i] ^ s.word(pb[i*s.wbytes:])
	}
	s.size = p.size
	s.lastNode = p.lastNode
	s.buf = make([]byte, 0, s.blockSize())
	if len(p.key) > 0 {
		block := make([]byte, s.blockSize())
		copy(block, p.key)
		s.Write(block)
	}
}

func newBlake2b(p *blake2Params) *blake2[uint64] {
	s := &blake2[uint64]{iv: blake2bIV, wbytes: 8, rounds: 12, rot: [4]uint{32, 24, 16, 63}}
	s.init(p)
	return s
}

func newBlake2s(p *blake2Params) *blake2[uint32] {
	s := &blake2[uint32]{iv: blake2sIV, wbytes: 4, rounds: 10, rot: [4]uint{16, 12, 8, 7}}
	s.init(p)
	return s
}

// parseBlake2 reads blake2b/blake2s(data=b”, /, *, digest_size, key,
// salt, person, fanout, depth, leaf_size, node_offset, node_depth,
// inner_size, last_node, usedforsecurity) with CPython's range errors.
func parseBlake2(t *Thread, name string, wbytes int, args []Object, kw []string) (*blake2Params, []byte, error) {
	maxDigest, maxSalt := 8*wbytes, 2*wbytes
	names := []string{"digest_size", "key", "salt", "person", "fanout", "depth", "leaf_size", "node_offset",
		"node_depth", "inner_size", "last_node", "usedforsecurity"}
	vals := make([]Object, len(names))
	dst := make([]*Object, 1+len(names))
	var data Object
	dst[0] = &data
	for i := range vals {
		dst[i+1] = &vals[i]
	}
	if npos := len(args) - len(kw); npos > 1 {
		return nil, nil, TypeErrorf("%s() takes at most 1 positional argument (%d given)", name, npos)
	}
	if err := parseClinic(name, args, kw, append([]string{"data"}, names...), 1, 0, dst...); err != nil {
		return nil, nil, err
	}
	p := &blake2Params{size: maxDigest, fanout: 1, depth: 1}
	intArg := func(i int, dflt int64) (int64, error) {
		if vals[i] == nil {
			return dflt, nil
		}
		if _, isFloat := unwrap(vals[i]).(Float); isFloat {
			return 0, TypeErrorf("'float' object cannot be interpreted as an integer")
		}
		return AsInt64(t, vals[i])
	}
	bytesArg := func(i int) ([]byte, error) {
		if vals[i] == nil {
			return nil, nil
		}
		return needBytesLike(vals[i])
	}
	n, err := intArg(0, int64(maxDigest))
	if err != nil {
		return nil, nil, err
	}
	if n < 1 || n > int64(maxDigest) {
		return nil, nil, ValueErrorf("digest_size must be between 1 and %d bytes", maxDigest)
	}
	p.size = int(n)
	if p.key, err = bytesArg(1); err != nil {
		return nil, nil, err
	}
	if len(p.key) > maxDigest {
		return nil, nil, ValueErrorf("maximum key length is %d bytes", maxDigest)
	}
	if p.salt, err = bytesArg(2); err != nil {
		return nil, nil, err
	}
	if len(p.salt) > maxSalt {
		return nil, nil, ValueErrorf("maximum salt length is %d bytes", maxSalt)
	}
	if p.person, err = bytesArg(3); err != nil {
		return nil, nil, err
	}
	if len(p.person) > maxSalt {
		return nil, nil, ValueErrorf("maximum person length is %d bytes", maxSalt)
	}
	if n, err = intArg(4, 1); err != nil {
		return nil, nil, err
	}
	if n < 0 || n > 255 {
		return nil, nil, ValueErrorf("fanout must be between 0 and 255")
	}
	p.fanout = int(n)
	if n, err = intArg(5, 1); err != nil {
		return nil, nil, err
	}
	if n < 1 || n > 255 {
		return nil, nil, ValueErrorf("depth must be between 1 and 255")
	}
	p.depth = int(n)
	if vals[6] != nil {
		b, ok := asBig(vals[6])
		if !ok {
			return nil, nil, TypeErrorf("'%s' object cannot be interpreted as an integer", typeName(vals[6]))
		}
		if b.Sign() < 0 || b.Cmp(big.NewInt(1<<32-1)) > 0 {
			return nil, nil, NewError(OverflowErrorType, "leaf_size is too large")
		}
		p.leafSize = uint32(b.Uint64())
	}
	if vals[7] != nil {
		b, ok := asBig(vals[7])
		if !ok {
			return nil, nil, TypeErrorf("'%s' object cannot be interpreted as an integer", typeName(vals[7]))
		}
		if b.Sign() < 0 || b.BitLen() > 64 || (wbytes == 4 && b.BitLen() > 48) {
			return nil, nil, NewError(OverflowErrorType, "node_offset is too large")
		}
		p.nodeOffset = b.Uint64()
	}
	if n, err = intArg(8, 0); err != nil {
		return nil, nil, err
	}
	if n < 0 || n > 255 {
		return nil, nil, ValueErrorf("node_depth must be between 0 and 255")
	}
	p.nodeDepth = int(n)
	if n, err = intArg(9, 0); err != nil {
		return nil, nil, err
	}
	if n < 0 || n > int64(maxDigest) {
		return nil, nil, ValueErrorf("inner_size must be between 0 and is %d", maxDigest)
	}
	p.innerSize = int(n)
	if vals[10] != nil {
		if p.lastNode, err = IsTrue(t, vals[10]); err != nil {
			return nil, nil, err
		}
	}
	var b []byte
	if data != nil {
		if b, err = hashData(data); err != nil {
			return nil, nil, err
		}
	}
	return p, b, nil
}
