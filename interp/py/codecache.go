package py

import (
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"freepy/interp/compile"
	"freepy/interp/syntax"
)

// The bytecode cache: compiled modules kept in files, as CPython's
// __pycache__/NAME.cpython-311.pyc but in freepy's own format and under
// its own name (NAME.freepy-311.pyc, sys.implementation.cache_tag), so the
// two never read each other's files.
//
// A cache file is importlib's timestamp-based .pyc layout, so that
// importlib's SourceFileLoader, py_compile and compileall read and write
// the same files as the Go importer:
//
//	0  magic      4 bytes, pycMagic (importlib's MAGIC_NUMBER under freepy)
//	4  flags      uint32 LE, 0 (hash-based files are left to importlib)
//	8  mtime      uint32 LE, the source's modification time in seconds
//	12 size       uint32 LE, the source's size
//	16 'C' and a code record: what marshal.dumps writes for a code object
//
// A code record is
//
//	uvarint length, fingerprint   which build of freepy wrote it
//	uint32 LE                     CRC-32C of the encoding
//	uvarint length, encoding      compile.EncodeCode
//
// The fingerprint is the format version and the executable's build ID, so
// code compiled by another build (whose compiler or instruction set may
// differ) is never run. A file that is truncated, corrupt, stale or from
// another build is a cache miss: the module is compiled from source and
// the file replaced.

// cacheTag is sys.implementation.cache_tag.
const cacheTag = "freepy-311"

// codeFormatVersion changes with the layout above (the fingerprint
// already changes with every build; this marks files written by a build
// without a usable build ID).
const codeFormatVersion = 1

// pycMagic starts every cache file; importlib's MAGIC_NUMBER is set to it
// (installImportlib) so that importlib never takes CPython's files for
// freepy's or the reverse.
var pycMagic = []byte{'F', codeFormatVersion, '\r', '\n'}

// mFreepyCode is marshal's type code for a freepy code record (CPython's
// marshal does not use 'C'; its own code objects are 'c').
const mFreepyCode = 'C'

// racyWindow: a source modified this recently is compiled but not cached.
// The cache trusts mtime (whole seconds, as importlib stores it) and size;
// a file rewritten within the same second with the same size would look
// unchanged, so only sources that have been still for a while are cached.
const racyWindow = 2 * time.Second

// crcTable is made on first use: making it costs more than a run that
// imports nothing needs.
var crcTable = sync.OnceValue(func() *crc32.Table { return crc32.MakeTable(crc32.Castagnoli) })

var (
	errForeignCode = errors.New("bad marshal data (code object written by another build of freepy)")
	errCodeCRC     = errors.New("bad marshal data (code object checksum mismatch)")
	errCodeShort   = errors.New("marshal data too short")
)

// buildFingerprint identifies the running executable's build: its Go
// build ID (a hash of its content, read from an ELF note in the first
// page of the file), else its size, modification time and inode.
var buildFingerprint = sync.OnceValue(func() string {
	prefix := "freepy/" + strconv.Itoa(codeFormatVersion) + "/"
	if id := readBuildID("/proc/self/exe"); id != "" {
		return prefix + id
	}
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	st, err := os.Stat(exe)
	if err != nil {
		return ""
	}
	return prefix + "exe:" + strconv.FormatInt(st.Size(), 10) + ":" + strconv.FormatInt(st.ModTime().UnixNano(), 10) + ":" + strconv.FormatUint(inodeOf(st), 10)
})

// readBuildID returns the Go build ID note ("Go", type 4) of an ELF
// executable, or its GNU build ID note ("GNU", type 3), read from the
// notes in the first 4 KiB of the file (where linkers put them); "" if
// there is none.
func readBuildID(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	buf := make([]byte, 4096)
	n, _ := io.ReadFull(f, buf)
	buf = buf[:n]
	// ELF64, little-endian only (the platforms freepy builds for)
	if n < 64 || !bytes.Equal(buf[:4], []byte("\x7fELF")) || buf[4] != 2 || buf[5] != 1 {
		return ""
	}
	le := binary.LittleEndian
	phoff, phentsize, phnum := le.Uint64(buf[32:]), uint64(le.Uint16(buf[54:])), uint64(le.Uint16(buf[56:]))
	gnu := ""
	for i := uint64(0); i < phnum; i++ {
		off := phoff + i*phentsize
		if phentsize < 56 || off+56 > uint64(n) {
			break
		}
		ph := buf[off:]
		if le.Uint32(ph) != 4 { // PT_NOTE
			continue
		}
		start, size := le.Uint64(ph[8:]), le.Uint64(ph[32:])
		if start > uint64(n) || size > uint64(n)-start {
			continue
		}
		notes := buf[start : start+size]
		for len(notes) >= 12 {
			namesz, descsz, typ := uint64(le.Uint32(notes)), uint64(le.Uint32(notes[4:])), le.Uint32(notes[8:])
			nameEnd := 12 + (namesz+3)&^3
			descEnd := nameEnd + (descsz+3)&^3
			if descEnd > uint64(len(notes)) || 12+namesz > uint64(len(notes)) {
				break
			}
			name := string(bytes.TrimRight(notes[12:12+namesz], "\x00"))
			desc := notes[nameEnd : nameEnd+descsz]
			switch {
			case name == "Go" && typ == 4 && len(desc) > 0:
				return "go:" + string(desc)
			case name == "GNU" && typ == 3 && len(desc) > 0:
				gnu = "gnu:" + strconv.Quote(string(desc))
			}
			notes = notes[descEnd:]
		}
	}
	return gnu
}

func inodeOf(st fs.FileInfo) uint64 {
	if s, ok := st.Sys().(*syscall.Stat_t); ok {
		return s.Ino
	}
	return 0
}

// appendCodeRecord appends c's code record (without the type byte).
func appendCodeRecord(buf []byte, c *compile.Code) ([]byte, error) {
	body, err := compile.EncodeCode(nil, c)
	if err != nil {
		return buf, err
	}
	fp := buildFingerprint()
	buf = binary.AppendUvarint(buf, uint64(len(fp)))
	buf = append(buf, fp...)
	buf = binary.LittleEndian.AppendUint32(buf, crc32.Checksum(body, crcTable()))
	buf = binary.AppendUvarint(buf, uint64(len(body)))
	return append(buf, body...), nil
}

// decodeCodeRecord reads a code record (after its type byte) and returns
// the code and the bytes used. Its errors are errCodeShort for a truncated
// record and others for a record this build cannot use.
func decodeCodeRecord(data []byte) (*compile.Code, int, error) {
	pos := 0
	field := func() ([]byte, error) {
		n, k := binary.Uvarint(data[pos:])
		if k <= 0 {
			return nil, errCodeShort
		}
		if n > uint64(len(data)-pos-k) {
			return nil, errCodeShort
		}
		b := data[pos+k : pos+k+int(n)]
		pos += k + int(n)
		return b, nil
	}
	fp, err := field()
	if err != nil {
		return nil, 0, err
	}
	if string(fp) != buildFingerprint() || len(fp) == 0 {
		return nil, 0, errForeignCode
	}
	if len(data)-pos < 4 {
		return nil, 0, errCodeShort
	}
	sum := binary.LittleEndian.Uint32(data[pos:])
	pos += 4
	body, err := field()
	if err != nil {
		return nil, 0, err
	}
	if crc32.Checksum(body, crcTable()) != sum {
		return nil, 0, errCodeCRC
	}
	c, n, err := compile.DecodeCode(body)
	if err != nil || n != len(body) {
		return nil, 0, errCodeCRC
	}
	return c, pos, nil
}

// checkCodeRecord reports whether data (a cache file's contents after the
// 16-byte header) holds a code record this build can use, without
// decoding it.
func checkCodeRecord(data []byte) bool {
	if len(data) == 0 || data[0]&^mFlagRef != mFreepyCode {
		return false
	}
	data = data[1:]
	n, k := binary.Uvarint(data)
	if k <= 0 || n > uint64(len(data)-k) || string(data[k:k+int(n)]) != buildFingerprint() {
		return false
	}
	data = data[k+int(n):]
	if len(data) < 4 {
		return false
	}
	sum := binary.LittleEndian.Uint32(data)
	data = data[4:]
	n, k = binary.Uvarint(data)
	if k <= 0 || n != uint64(len(data)-k) {
		return false
	}
	return crc32.Checksum(data[k:], crcTable()) == sum
}

// bytecodeCache is an interpreter's cache configuration (EnableCodeCache).
// Whether to write and where (sys.dont_write_bytecode,
// sys.pycache_prefix) is read from sys at each import, since programs may
// change them.
type bytecodeCache struct {
	// userDir is the per-user cache directory used where the
	// __pycache__ next to a source cannot be written (the host's
	// standard library): it mirrors the source's absolute path. "" if
	// there is none.
	userDir string
}

// EnableCodeCache makes the importer read and write compiled modules in
// cache files. Without it (the default, as for interpreters made by
// tests) every module is compiled from source and nothing is written.
// userDir is the per-user fallback directory ("" for none).
func (in *Interp) EnableCodeCache(userDir string) {
	in.codeCache = &bytecodeCache{userDir: userDir}
}

// cacheFileName is a source's cache file name: os.py -> os.freepy-311.pyc
// (os.freepy-311.opt-1.pyc under -O), as importlib.util.cache_from_source.
func cacheFileName(src string, optimize int) string {
	base := filepath.Base(src)
	if i := strings.LastIndexByte(base, '.'); i > 0 {
		base = base[:i]
	}
	name := base + "." + cacheTag
	if optimize > 0 {
		name += ".opt-" + strconv.Itoa(optimize)
	}
	return name + ".pyc"
}

// absDir is a source's directory as an absolute path, made absolute the
// way importlib does it (joined to the working directory, not cleaned).
func absDir(src string) string {
	dir := src[:max(strings.LastIndexByte(src, '/'), 0)]
	if !strings.HasPrefix(src, "/") {
		if cwd, err := os.Getwd(); err == nil {
			if dir == "" {
				dir = cwd
			} else {
				dir = cwd + "/" + dir
			}
		}
	}
	return dir
}

// pycachePrefix is sys.pycache_prefix, "" when None.
func (in *Interp) pycachePrefix() string {
	if s, ok := in.Sys.dict.GetStr("pycache_prefix").(*Str); ok {
		return s.s
	}
	return ""
}

// cachedPath is where importlib.util.cache_from_source puts a source's
// cache file (the module's __cached__): under sys.pycache_prefix when that
// is set, else in __pycache__ next to the source.
func (in *Interp) cachedPath(src string) string {
	name := cacheFileName(src, in.Flags.Optimize)
	if prefix := in.pycachePrefix(); prefix != "" {
		// joined as importlib joins them: empty parts dropped
		p := strings.TrimRight(prefix, "/")
		if d := strings.Trim(absDir(src), "/"); d != "" {
			p += "/" + d
		}
		return p + "/" + name
	}
	i := strings.LastIndexByte(src, '/')
	if i < 0 {
		return "__pycache__/" + name
	}
	return src[:i] + "/__pycache__/" + name
}

// cacheLocations lists the files a source's code may be cached in, in the
// order they are read and tried for writing.
func (in *Interp) cacheLocations(src string) []string {
	primary := in.cachedPath(src)
	cc := in.codeCache
	if in.pycachePrefix() != "" || cc.userDir == "" {
		return []string{primary}
	}
	user := filepath.Join(cc.userDir, absDir(src), cacheFileName(src, in.Flags.Optimize))
	return []string{primary, user}
}

// dontWriteBytecode is sys.dont_write_bytecode.
func (in *Interp) dontWriteBytecode() bool {
	v := in.Sys.dict.GetStr("dont_write_bytecode")
	b, ok := v.(Bool)
	return v == nil || (ok && bool(b)) || (!ok && v != None && v != Int(0))
}

// pycHeader is the 16-byte header of a cache file for a source with
// these stat results.
func pycHeader(st fs.FileInfo) []byte {
	h := make([]byte, 0, 16)
	h = append(h, pycMagic...)
	h = binary.LittleEndian.AppendUint32(h, 0)
	h = binary.LittleEndian.AppendUint32(h, uint32(st.ModTime().Unix()))
	return binary.LittleEndian.AppendUint32(h, uint32(st.Size()))
}

// readCacheFile returns the code cached in path for a source with stat
// results st, or nil when the file is missing, stale, from another build
// or damaged. A hash-based file (flags != 0, written by py_compile) is
// reported as foreign, so that it is neither used nor replaced.
func readCacheFile(path string, st fs.FileInfo) (c *compile.Code, foreign bool) {
	data, err := os.ReadFile(path)
	if err != nil || len(data) < 17 {
		return nil, false
	}
	if !bytes.Equal(data[:4], pycMagic) {
		return nil, false
	}
	if binary.LittleEndian.Uint32(data[4:]) != 0 {
		return nil, true
	}
	if !bytes.Equal(data[8:16], pycHeader(st)[8:16]) || data[16]&^mFlagRef != mFreepyCode {
		return nil, false
	}
	c, _, err = decodeCodeRecord(data[17:])
	if err != nil {
		return nil, false
	}
	return c, false
}

// writeCacheFile writes data to path atomically: into a new file in the
// same directory, renamed over path, so that a reader (another thread or
// process) sees the old file or the new one, never part of one. The mode
// is the source's, made writable by the owner, as importlib does.
func writeCacheFile(path string, data []byte, mode fs.FileMode, dirPerm fs.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(path), dirPerm); err != nil {
		return err
	}
	tmp := path + "." + strconv.Itoa(os.Getpid()) + "." + strconv.FormatUint(rand.Uint64(), 36) + ".tmp"
	f, err := os.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, (mode|0o200)&0o666)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
	}
	return err
}

// fixFilenames points c and its nested code objects that name the file c
// was compiled from at the file it was found at (the source moved, or
// py_compile was given another name), as importlib's _fix_co_filename.
func fixFilenames(c *compile.Code, old, path string) {
	if c.Filename != old {
		return
	}
	c.Filename = path
	for _, k := range c.Consts {
		if sub, ok := k.(*compile.Code); ok {
			fixFilenames(sub, old, path)
		}
	}
}

// moduleCode returns the compiled code of a module's source file: from
// the cache when a valid file is there, else compiled (and then cached,
// unless sys.dont_write_bytecode is set).
func (t *Thread) moduleCode(file string) (*Code, error) {
	in := t.interp
	f, err := os.Open(file)
	if err != nil {
		return nil, Errorf(ImportErrorType, "%s", err.Error())
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, Errorf(ImportErrorType, "%s", err.Error())
	}
	var locations []string
	foreign := false
	// without a fingerprint there is no telling builds apart: no file
	// can be trusted (read lazily: a run that imports nothing never
	// needs it)
	if in.codeCache != nil && buildFingerprint() != "" {
		locations = in.cacheLocations(file)
		for _, p := range locations {
			c, fgn := readCacheFile(p, st)
			if c != nil {
				if c.Filename != file {
					fixFilenames(c, c.Filename, file)
				}
				return NewCode(c), nil
			}
			foreign = foreign || fgn
		}
	}
	src := make([]byte, 0, st.Size()+1)
	src, err = readAllInto(f, src)
	if err != nil {
		return nil, Errorf(ImportErrorType, "%s", err.Error())
	}
	c, err := compileModule(t, src, file, in.Flags.Optimize)
	if err != nil {
		return nil, err
	}
	if locations != nil && !foreign && !in.dontWriteBytecode() && time.Since(st.ModTime()) >= racyWindow {
		in.writeCache(locations, c, st)
	}
	return NewCode(c), nil
}

func readAllInto(f *os.File, buf []byte) ([]byte, error) {
	for {
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
	}
}

// compileModule parses and compiles a module's source.
func compileModule(t *Thread, src []byte, file string, optimize int) (*compile.Code, error) {
	mod, err := syntax.ParseWith(file, src, syntax.ModeExec, parseHooks(t, file))
	if err != nil {
		return nil, syntaxErrorFrom(err)
	}
	c, err := compile.Compile(mod, file, syntax.ModeExec, withWarnings(t, file, compile.Flags{Optimize: optimize}))
	if err != nil {
		return nil, syntaxErrorFrom(err)
	}
	return c, nil
}

// writeCache stores c in the first of locations that can be written.
// Failing to write is not an error: the next run compiles again.
func (in *Interp) writeCache(locations []string, c *compile.Code, st fs.FileInfo) {
	data := pycHeader(st)
	data = append(data, mFreepyCode)
	data, err := appendCodeRecord(data, c)
	if err != nil {
		return
	}
	for i, p := range locations {
		// the per-user directory is private; __pycache__ directories
		// get the usual permissions (less the umask)
		perm := fs.FileMode(0o777)
		if i > 0 {
			perm = 0o700
		}
		if writeCacheFile(p, data, st.Mode().Perm(), perm) == nil {
			return
		}
	}
}
