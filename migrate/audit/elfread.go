package audit

import (
	"bytes"
	"debug/elf"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"strings"
)

// binary is what the audit needs from one ELF file, read without loading it.
type binary struct {
	machine   elf.Machine
	class     elf.Class
	typ       elf.Type
	imports   map[string]bool // undefined dynamic symbols
	exports   map[string]bool // defined global/weak dynamic symbols
	hasSymtab bool            // .symtab present (not stripped)
	objects   []dataObject    // writable data objects (from .symtab and .dynsym)
	dataBytes uint64          // size of writable PROGBITS sections outside RELRO
	bssBytes  uint64          // size of writable NOBITS sections outside RELRO
	strings   [][]byte        // string-bearing sections, for fingerprints
	symNames  []string        // every symbol name seen, for fingerprints
}

// dataObject is a variable that lives in writable, shared memory.
type dataObject struct {
	Name   string `json:"name"`
	Size   uint64 `json:"size"`
	Local  bool   `json:"local"`
	Bss    bool   `json:"bss"`
	Export bool   `json:"exported,omitempty"`
}

// maxStringSection bounds how much of one section is scanned for generator
// fingerprints, so that a huge data blob cannot make the audit slow.
const maxStringSection = 64 << 20

// readBinary opens path as ELF. Errors say plainly what is wrong with the
// file; debug/elf may panic on some malformed inputs, so that is caught too.
func readBinary(path string) (b *binary, err error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	var magic [4]byte
	switch _, err := io.ReadFull(fh, magic[:]); {
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return nil, fmt.Errorf("%s: not an ELF file (%d bytes long)", path, size(fh))
	case err != nil:
		return nil, err // *PathError: "read x: is a directory", ...
	case string(magic[:]) != elf.ELFMAG:
		return nil, fmt.Errorf("%s: not an ELF file", path)
	}
	defer func() {
		if r := recover(); r != nil {
			b, err = nil, fmt.Errorf("%s: malformed ELF file (%v)", path, r)
		}
	}()
	f, err := elf.NewFile(fh)
	if err != nil {
		return nil, fmt.Errorf("%s: malformed ELF file: %v", path, err)
	}
	b = &binary{
		machine: f.Machine, class: f.Class, typ: f.Type,
		imports: map[string]bool{}, exports: map[string]bool{},
	}

	relro := relroRanges(f)
	writable := func(i elf.SectionIndex) (ok, bss bool) {
		if int(i) <= 0 || int(i) >= len(f.Sections) {
			return false, false
		}
		s := f.Sections[i]
		return isSharedWritable(s, relro), s.Type == elf.SHT_NOBITS
	}

	dyn, err := f.DynamicSymbols()
	if err != nil && !errors.Is(err, elf.ErrNoSymbols) {
		return nil, fmt.Errorf("%s: reading dynamic symbols: %v", path, err)
	}
	seen := map[string]bool{}
	for _, s := range dyn {
		if s.Name == "" {
			continue
		}
		b.symNames = append(b.symNames, s.Name)
		if s.Section == elf.SHN_UNDEF {
			b.imports[s.Name] = true
			continue
		}
		if elf.ST_BIND(s.Info) == elf.STB_LOCAL {
			continue
		}
		b.exports[s.Name] = true
		if elf.ST_TYPE(s.Info) == elf.STT_OBJECT && s.Size > 0 {
			if ok, bss := writable(s.Section); ok {
				b.objects = append(b.objects, dataObject{Name: s.Name, Size: s.Size, Bss: bss, Export: true})
				seen[s.Name] = true
			}
		}
	}

	syms, err := f.Symbols()
	switch {
	case err == nil:
		b.hasSymtab = true
	case errors.Is(err, elf.ErrNoSymbols):
	default:
		return nil, fmt.Errorf("%s: reading symbol table: %v", path, err)
	}
	for _, s := range syms {
		if s.Name == "" {
			continue
		}
		b.symNames = append(b.symNames, s.Name)
		if elf.ST_TYPE(s.Info) != elf.STT_OBJECT || s.Size == 0 || seen[s.Name] || compilerObjects[s.Name] {
			continue
		}
		if ok, bss := writable(s.Section); ok {
			b.objects = append(b.objects, dataObject{Name: s.Name, Size: s.Size, Bss: bss,
				Local: elf.ST_BIND(s.Info) == elf.STB_LOCAL})
			seen[s.Name] = true
		}
	}
	sort.Slice(b.objects, func(i, j int) bool {
		if b.objects[i].Size != b.objects[j].Size {
			return b.objects[i].Size > b.objects[j].Size
		}
		return b.objects[i].Name < b.objects[j].Name
	})

	for _, s := range f.Sections {
		if isSharedWritable(s, relro) {
			if s.Type == elf.SHT_NOBITS {
				b.bssBytes += s.Size
			} else {
				b.dataBytes += s.Size
			}
		}
		if wantStrings(s) {
			data, err := readSection(s)
			if err != nil {
				continue // a damaged section only costs fingerprints
			}
			b.strings = append(b.strings, data)
		}
	}
	return b, nil
}

func size(fh *os.File) int64 {
	st, err := fh.Stat()
	if err != nil {
		return 0
	}
	return st.Size()
}

// compilerObjects are writable objects every GCC-built shared object has.
var compilerObjects = map[string]bool{
	"completed.0": true, "completed.1": true, "__TMC_END__": true,
	"__dso_handle": true, "_DYNAMIC": true, "_GLOBAL_OFFSET_TABLE_": true,
	"__FRAME_END__": true,
}

// relroRanges are the address ranges the dynamic loader makes read-only
// after relocation (PT_GNU_RELRO): .data.rel.ro, .got, .init_array, ...
func relroRanges(f *elf.File) [][2]uint64 {
	var r [][2]uint64
	for _, p := range f.Progs {
		if p.Type == elf.PT_GNU_RELRO {
			r = append(r, [2]uint64{p.Vaddr, p.Vaddr + p.Memsz})
		}
	}
	return r
}

// isSharedWritable: memory that every thread shares and may write after
// loading. Thread-local sections (.tdata/.tbss) are per thread.
func isSharedWritable(s *elf.Section, relro [][2]uint64) bool {
	if s.Flags&elf.SHF_ALLOC == 0 || s.Flags&elf.SHF_WRITE == 0 || s.Flags&elf.SHF_TLS != 0 {
		return false
	}
	if s.Type != elf.SHT_PROGBITS && s.Type != elf.SHT_NOBITS {
		return false // .dynamic, .init_array and friends
	}
	for _, r := range relro {
		if s.Addr >= r[0] && s.Addr < r[1] {
			return false
		}
	}
	switch s.Name {
	case ".got", ".got.plt", ".tm_clone_table":
		return false
	}
	return true
}

// wantStrings picks the sections that hold names and literal strings: not
// code, not debug information.
func wantStrings(s *elf.Section) bool {
	if s.Type == elf.SHT_NOBITS || strings.HasPrefix(s.Name, ".debug") || strings.HasPrefix(s.Name, ".zdebug") {
		return false
	}
	if s.Flags&elf.SHF_EXECINSTR != 0 {
		return false
	}
	switch s.Type {
	case elf.SHT_PROGBITS, elf.SHT_STRTAB:
		return true
	}
	return false
}

func readSection(s *elf.Section) ([]byte, error) {
	var buf bytes.Buffer
	_, err := io.Copy(&buf, io.LimitReader(s.Open(), maxStringSection))
	return buf.Bytes(), err
}

// hostMachine is the ELF machine freepy itself runs on.
func hostMachine() (elf.Machine, elf.Class) {
	switch runtime.GOARCH {
	case "amd64":
		return elf.EM_X86_64, elf.ELFCLASS64
	case "arm64":
		return elf.EM_AARCH64, elf.ELFCLASS64
	case "386":
		return elf.EM_386, elf.ELFCLASS32
	case "arm":
		return elf.EM_ARM, elf.ELFCLASS32
	case "riscv64":
		return elf.EM_RISCV, elf.ELFCLASS64
	case "ppc64le", "ppc64":
		return elf.EM_PPC64, elf.ELFCLASS64
	case "s390x":
		return elf.EM_S390, elf.ELFCLASS64
	case "loong64":
		return elf.EM_LOONGARCH, elf.ELFCLASS64
	}
	return elf.EM_NONE, elf.ELFCLASSNONE
}
