package compile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/big"
)

// A compact binary encoding of Code, for the bytecode cache and marshal
// (package py adds the file header, the build fingerprint and a checksum).
// It exists to be quicker to read than source is to parse and compile:
// integers are varints, instructions fixed-width, source positions deltas
// from the previous instruction's, and each distinct string is written once
// per encoding and referred to by index afterwards (names such as "self"
// repeat across a module's functions).
//
// The encoding carries every field of Code; codec_test.go fails when a
// field is added to Code (or a kind to Const) that it does not carry. It
// has no version of its own: the cache rejects files written by any other
// build of the interpreter, so the layout may change freely between builds.

// const tags
const (
	tagNone      = 'N'
	tagFalse     = 'F'
	tagTrue      = 'T'
	tagInt       = 'i' // zigzag varint
	tagBigInt    = 'I' // sign byte, varint length, big-endian magnitude
	tagFloat     = 'f' // 8 bytes, IEEE bits little-endian
	tagComplex   = 'x' // 16 bytes
	tagStr       = 's' // string reference
	tagRunes     = 'u' // varint count, one varint per code point
	tagBytes     = 'b' // varint length, bytes
	tagEllipsis  = '.'
	tagTuple     = '('
	tagFrozenSet = '>'
	tagCode      = 'c'
)

// maxNesting bounds tuples and code objects inside each other, so that
// corrupt input cannot recurse without end.
const maxNesting = 10000

// EncodeCode appends the encoding of c to buf. It fails only for a
// constant of a kind Const does not list.
func EncodeCode(buf []byte, c *Code) ([]byte, error) {
	e := &encoder{buf: buf, strs: map[string]int{}}
	if err := e.code(c, 0); err != nil {
		return buf, err
	}
	return e.buf, nil
}

type encoder struct {
	buf  []byte
	strs map[string]int // string -> index in the order first written
}

func (e *encoder) uvarint(v uint64) { e.buf = binary.AppendUvarint(e.buf, v) }
func (e *encoder) varint(v int64)   { e.buf = binary.AppendVarint(e.buf, v) }

// str writes a string reference: index<<1 for a string written before,
// length<<1|1 and the bytes for a new one.
func (e *encoder) str(s string) {
	if i, ok := e.strs[s]; ok {
		e.uvarint(uint64(i) << 1)
		return
	}
	e.strs[s] = len(e.strs)
	e.uvarint(uint64(len(s))<<1 | 1)
	e.buf = append(e.buf, s...)
}

func (e *encoder) strList(list []string) {
	e.uvarint(uint64(len(list)))
	for _, s := range list {
		e.str(s)
	}
}

func (e *encoder) code(c *Code, depth int) error {
	if depth > maxNesting {
		return errors.New("code objects nested too deeply")
	}
	e.str(c.Name)
	e.str(c.QualName)
	e.str(c.Filename)
	for _, n := range [...]int{c.FirstLine, c.ArgCount, c.PosOnlyArgCount, c.KwOnlyArgCount, c.Flags, c.StackSize, c.BlockSize} {
		e.varint(int64(n))
	}
	e.strList(c.Varnames)
	e.strList(c.Cellvars)
	e.strList(c.Freevars)
	e.strList(c.Names)
	e.uvarint(uint64(len(c.Cell2Arg)))
	for _, n := range c.Cell2Arg {
		e.varint(int64(n))
	}
	e.uvarint(uint64(len(c.Instrs)))
	for _, in := range c.Instrs {
		e.buf = binary.LittleEndian.AppendUint32(e.buf, uint32(in))
	}
	e.uvarint(uint64(len(c.Positions)))
	prev := int32(0)
	for _, p := range c.Positions {
		e.varint(int64(p.Line - prev))
		e.varint(int64(p.EndLine - p.Line))
		e.varint(int64(p.Col))
		e.varint(int64(p.EndCol))
		prev = p.Line
	}
	// trace lines: mostly the position's line, written as the difference
	e.uvarint(uint64(len(c.TraceLines)))
	for i, l := range c.TraceLines {
		base := int32(0)
		if i < len(c.Positions) {
			base = c.Positions[i].Line
		}
		e.varint(int64(l - base))
	}
	e.uvarint(uint64(len(c.Consts)))
	for _, k := range c.Consts {
		if err := e.konst(k, depth+1); err != nil {
			return err
		}
	}
	return nil
}

func (e *encoder) konst(k Const, depth int) error {
	if depth > maxNesting {
		return errors.New("constants nested too deeply")
	}
	switch v := k.(type) {
	case nil:
		e.buf = append(e.buf, tagNone)
	case bool:
		if v {
			e.buf = append(e.buf, tagTrue)
		} else {
			e.buf = append(e.buf, tagFalse)
		}
	case int64:
		e.buf = append(e.buf, tagInt)
		e.varint(v)
	case *big.Int:
		e.buf = append(e.buf, tagBigInt, byte(v.Sign()+1))
		mag := v.Bytes()
		e.uvarint(uint64(len(mag)))
		e.buf = append(e.buf, mag...)
	case float64:
		e.buf = append(e.buf, tagFloat)
		e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(v))
	case complex128:
		e.buf = append(e.buf, tagComplex)
		e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(real(v)))
		e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(imag(v)))
	case string:
		e.buf = append(e.buf, tagStr)
		e.str(v)
	case Str:
		e.buf = append(e.buf, tagRunes)
		e.uvarint(uint64(len(v)))
		for _, r := range v {
			e.uvarint(uint64(uint32(r)))
		}
	case Bytes:
		e.buf = append(e.buf, tagBytes)
		e.uvarint(uint64(len(v)))
		e.buf = append(e.buf, v...)
	case EllipsisType:
		e.buf = append(e.buf, tagEllipsis)
	case Tuple:
		return e.seq(tagTuple, v, depth)
	case FrozenSet:
		return e.seq(tagFrozenSet, v, depth)
	case *Code:
		e.buf = append(e.buf, tagCode)
		return e.code(v, depth)
	default:
		return fmt.Errorf("cannot encode a constant of type %T", k)
	}
	return nil
}

func (e *encoder) seq(tag byte, items []Const, depth int) error {
	e.buf = append(e.buf, tag)
	e.uvarint(uint64(len(items)))
	for _, x := range items {
		if err := e.konst(x, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// ErrBadEncoding is returned by DecodeCode for input that EncodeCode did
// not produce (truncated or corrupt).
var ErrBadEncoding = errors.New("bad code object encoding")

// DecodeCode decodes what EncodeCode wrote and returns the code and the
// number of bytes it used. Corrupt input gives ErrBadEncoding, never a
// panic or a huge allocation: every count is checked against the bytes
// that remain before anything is allocated for it.
func DecodeCode(data []byte) (*Code, int, error) {
	d := &decoder{data: data}
	c := d.code(0)
	if d.err != nil {
		return nil, 0, d.err
	}
	return c, d.pos, nil
}

type decoder struct {
	data []byte
	pos  int
	strs []string
	err  error // the first error; later reads return zero values
}

func (d *decoder) fail() {
	if d.err == nil {
		d.err = ErrBadEncoding
	}
	d.pos = len(d.data)
}

func (d *decoder) uvarint() uint64 {
	// most values (counts, small deltas, string indexes) take one byte
	if d.pos < len(d.data) && d.data[d.pos] < 0x80 {
		d.pos++
		return uint64(d.data[d.pos-1])
	}
	v, n := binary.Uvarint(d.data[d.pos:])
	if n <= 0 {
		d.fail()
		return 0
	}
	d.pos += n
	return v
}

func (d *decoder) varint() int64 {
	if d.pos < len(d.data) && d.data[d.pos] < 0x80 {
		u := int64(d.data[d.pos])
		d.pos++
		return u>>1 ^ -(u & 1) // zigzag, as binary.Varint
	}
	v, n := binary.Varint(d.data[d.pos:])
	if n <= 0 {
		d.fail()
		return 0
	}
	d.pos += n
	return v
}

// int reads a varint that must fit an int32 (every int field of Code
// does in practice; anything larger is corruption).
func (d *decoder) int() int {
	v := d.varint()
	if v < math.MinInt32 || v > math.MaxInt32 {
		d.fail()
		return 0
	}
	return int(v)
}

// count reads a length of items that take at least size bytes each.
func (d *decoder) count(size int) int {
	n := d.uvarint()
	if n > uint64(len(d.data)-d.pos)/uint64(size) {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *decoder) take(n int) []byte {
	if n > len(d.data)-d.pos {
		d.fail()
		return nil
	}
	b := d.data[d.pos : d.pos+n]
	d.pos += n
	return b
}

func (d *decoder) byte_() byte {
	if d.pos >= len(d.data) {
		d.fail()
		return 0
	}
	b := d.data[d.pos]
	d.pos++
	return b
}

func (d *decoder) str() string {
	v := d.uvarint()
	if v&1 == 0 {
		i := v >> 1
		if i >= uint64(len(d.strs)) {
			d.fail()
			return ""
		}
		return d.strs[i]
	}
	n := v >> 1
	if n > uint64(len(d.data)-d.pos) {
		d.fail()
		return ""
	}
	s := string(d.data[d.pos : d.pos+int(n)])
	d.pos += int(n)
	d.strs = append(d.strs, s)
	return s
}

func (d *decoder) strList() []string {
	n := d.count(1)
	if n == 0 {
		return nil
	}
	list := make([]string, n)
	for i := range list {
		list[i] = d.str()
	}
	return list
}

func (d *decoder) code(depth int) *Code {
	if depth > maxNesting {
		d.fail()
		return nil
	}
	c := &Code{}
	c.Name = d.str()
	c.QualName = d.str()
	c.Filename = d.str()
	c.FirstLine = d.int()
	c.ArgCount = d.int()
	c.PosOnlyArgCount = d.int()
	c.KwOnlyArgCount = d.int()
	c.Flags = d.int()
	c.StackSize = d.int()
	c.BlockSize = d.int()
	c.Varnames = d.strList()
	c.Cellvars = d.strList()
	c.Freevars = d.strList()
	c.Names = d.strList()
	if n := d.count(1); n > 0 {
		c.Cell2Arg = make([]int, n)
		for i := range c.Cell2Arg {
			c.Cell2Arg[i] = d.int()
		}
	}
	if n := d.count(4); n > 0 {
		raw := d.take(4 * n)
		c.Instrs = make([]Instr, n)
		for i := range c.Instrs {
			c.Instrs[i] = Instr(binary.LittleEndian.Uint32(raw[4*i:]))
		}
	}
	if n := d.count(4); n > 0 {
		c.Positions = make([]Position, n)
		line := int32(0)
		for i := range c.Positions {
			line += int32(d.varint())
			p := &c.Positions[i]
			p.Line = line
			p.EndLine = line + int32(d.varint())
			p.Col = int32(d.varint())
			p.EndCol = int32(d.varint())
		}
	}
	if n := d.count(1); n > 0 {
		c.TraceLines = make([]int32, n)
		for i := range c.TraceLines {
			base := int32(0)
			if i < len(c.Positions) {
				base = c.Positions[i].Line
			}
			c.TraceLines[i] = base + int32(d.varint())
		}
	}
	if n := d.count(1); n > 0 {
		c.Consts = make([]Const, n)
		for i := range c.Consts {
			c.Consts[i] = d.konst(depth + 1)
		}
	}
	if d.err != nil {
		return nil
	}
	return c
}

func (d *decoder) konst(depth int) Const {
	if depth > maxNesting {
		d.fail()
		return nil
	}
	switch d.byte_() {
	case tagNone:
		return nil
	case tagTrue:
		return true
	case tagFalse:
		return false
	case tagInt:
		return d.varint()
	case tagBigInt:
		sign := int(d.byte_()) - 1
		mag := d.take(d.count(1))
		v := new(big.Int).SetBytes(mag)
		if sign < 0 {
			v.Neg(v)
		}
		return v
	case tagFloat:
		b := d.take(8)
		if b == nil {
			return nil
		}
		return math.Float64frombits(binary.LittleEndian.Uint64(b))
	case tagComplex:
		b := d.take(16)
		if b == nil {
			return nil
		}
		return complex(math.Float64frombits(binary.LittleEndian.Uint64(b)), math.Float64frombits(binary.LittleEndian.Uint64(b[8:])))
	case tagStr:
		return d.str()
	case tagRunes:
		rs := make(Str, d.count(1))
		for i := range rs {
			rs[i] = rune(d.uvarint())
		}
		return rs
	case tagBytes:
		return Bytes(append([]byte{}, d.take(d.count(1))...))
	case tagEllipsis:
		return Ellipsis
	case tagTuple:
		return Tuple(d.seq(depth))
	case tagFrozenSet:
		return FrozenSet(d.seq(depth))
	case tagCode:
		if c := d.code(depth); c != nil {
			return c
		}
		return nil
	}
	d.fail()
	return nil
}

func (d *decoder) seq(depth int) []Const {
	items := make([]Const, d.count(1))
	for i := range items {
		items[i] = d.konst(depth + 1)
	}
	return items
}
