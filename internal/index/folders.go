package index

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// The digests of the release files are kept packed in one value (the table digests), the records of the folders
// one after the other in the order of their paths, which is the order the sync finds them in: a warm open reads
// them in one go and compares them with what it finds in place, where a row per file cost a step of SQLite and
// one of database/sql each (30,000 files at 10,000 releases: 60 to 100 ms of an open that compared nothing).
// A folder's record is its id in releases, its path, and per file its name (the part of its path after the
// folder's and a slash), size, modification time and SHA-256:
//
//	uvarint id, uvarint len(dir), dir, uvarint n, n × (uvarint len(name), name, varint size, varint mtime, hash [32]byte)
//
// Records are read from the value as a string, so that a folder's path and its files' names are parts of it and
// comparing an unchanged folder makes nothing.

// errDamaged says that the packed digests cannot be read: the index is damaged, and it is rebuilt (isCorrupt).
var errDamaged = errors.New("the digests of the release files are damaged")

// appendFolder appends the record of the folder dir, of id id, with its files (each with its digest) to b.
func appendFolder(b []byte, id int64, dir string, files []file) []byte {
	b = binary.AppendUvarint(b, uint64(id))
	b = binary.AppendUvarint(b, uint64(len(dir)))
	b = append(b, dir...)
	b = binary.AppendUvarint(b, uint64(len(files)))
	for _, f := range files {
		b = binary.AppendUvarint(b, uint64(len(f.name)))
		b = append(b, f.name...)
		b = binary.AppendVarint(b, f.size)
		b = binary.AppendVarint(b, f.mtime)
		b = append(b, f.hash...)
	}
	return b
}

// storedFolder is a release folder as the index records it.
type storedFolder struct {
	id    int64
	dir   string
	files string // the records of its files
	rec   string // its whole record
}

// storedFile is a file of a stored folder.
type storedFile struct {
	name        string
	size, mtime int64
	hash        string
}

// packed reads the records of packed digests in order.
type packed struct {
	data string
	off  int
}

// uvarint reads an unsigned varint at p.off.
func (p *packed) uvarint() (uint64, error) {
	var x uint64
	for shift := uint(0); p.off < len(p.data) && shift < 64; shift += 7 {
		b := p.data[p.off]
		p.off++
		x |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return x, nil
		}
	}
	return 0, errDamaged
}

// varint reads a signed (zig-zag) varint at p.off.
func (p *packed) varint() (int64, error) {
	u, err := p.uvarint()
	return int64(u>>1) ^ -int64(u&1), err
}

// bytes reads the next n bytes at p.off.
func (p *packed) bytes(n uint64) (string, error) {
	if n > uint64(len(p.data)-p.off) {
		return "", errDamaged
	}
	s := p.data[p.off : p.off+int(n)]
	p.off += int(n)
	return s, nil
}

// str reads a string given by its length.
func (p *packed) str() (string, error) {
	n, err := p.uvarint()
	if err != nil {
		return "", err
	}
	return p.bytes(n)
}

// next reads the next folder; ok is false at the end.
func (p *packed) next() (k storedFolder, ok bool, err error) {
	if p.off == len(p.data) {
		return storedFolder{}, false, nil
	}
	start := p.off
	id, err := p.uvarint()
	if err != nil {
		return storedFolder{}, false, err
	}
	k.id = int64(id)
	if k.dir, err = p.str(); err != nil {
		return storedFolder{}, false, err
	}
	n, err := p.uvarint()
	if err != nil {
		return storedFolder{}, false, err
	}
	filesStart := p.off
	for range n {
		if _, err := p.file(); err != nil {
			return storedFolder{}, false, err
		}
	}
	k.files, k.rec = p.data[filesStart:p.off], p.data[start:p.off]
	return k, true, nil
}

// file reads the record of a file.
func (p *packed) file() (f storedFile, err error) {
	if f.name, err = p.str(); err != nil {
		return f, err
	}
	if f.size, err = p.varint(); err != nil {
		return f, err
	}
	if f.mtime, err = p.varint(); err != nil {
		return f, err
	}
	f.hash, err = p.bytes(sha256.Size)
	return f, err
}

// eachFile calls each with each file of the folder, which next read whole.
func (k *storedFolder) eachFile(each func(storedFile) bool) {
	p := packed{data: k.files}
	for p.off < len(p.data) {
		f, err := p.file()
		if err != nil || !each(f) {
			return
		}
	}
}

// storedFolders reads the folders the index records in the order of their paths, so that sync compares them
// with the folders it finds as two streams.
type storedFolders struct {
	p    packed
	next *storedFolder // the folder read ahead, nil at the end
	buf  [2]storedFolder
	n    int
}

func newStoredFolders(data string) (*storedFolders, error) {
	s := &storedFolders{p: packed{data: data}}
	return s, s.advance()
}

// advance reads the next folder into s.next, in one of two buffers: the folder upTo returns stays as it is
// while the next is read.
func (s *storedFolders) advance() error {
	k, ok, err := s.p.next()
	if err != nil || !ok {
		s.next = nil
		return err
	}
	s.n++
	b := &s.buf[s.n%2]
	*b = k
	s.next = b
	return nil
}

// upTo passes the id of every stored folder before dir to gone (folders no longer found) and returns the stored
// folder dir, or nil when there is none; dir "" passes all that are left.
func (s *storedFolders) upTo(dir string, gone func(int64)) (*storedFolder, error) {
	for s.next != nil && (dir == "" || s.next.dir < dir) {
		gone(s.next.id)
		if err := s.advance(); err != nil {
			return nil, err
		}
	}
	if s.next == nil || dir == "" || s.next.dir != dir {
		return nil, nil
	}
	k := s.next
	if err := s.advance(); err != nil {
		return nil, err
	}
	return k, nil
}

// same reports whether the folder found, f, is this one unchanged: the same files with the same sizes and
// times, or with other times but the contents recorded (then retimed gives them with their new times).
func (k *storedFolder) same(f folder) (retimed []file, same bool) {
	var buf [4]storedFile
	stored := buf[:0]
	k.eachFile(func(s storedFile) bool {
		stored = append(stored, s)
		return true
	})
	if len(stored) != len(f.files) {
		return nil, false
	}
	for _, x := range f.files {
		i := slices.IndexFunc(stored, func(o storedFile) bool { return o.name == x.name })
		if i < 0 || stored[i].size != x.size || x.size < 0 {
			return nil, false
		}
		old := stored[i]
		if old.mtime == x.mtime {
			continue
		}
		data, err := os.ReadFile(filepath.Join(f.abs, x.name))
		if err != nil {
			return nil, false
		}
		if sum := sha256.Sum256(data); string(sum[:]) != old.hash {
			return nil, false
		}
		x.hash = []byte(old.hash)
		retimed = append(retimed, x)
	}
	return retimed, true
}

// added is the record of a folder read again, as the writer gave it its id.
type added struct {
	dir string
	rec []byte
}

// repack returns the packed digests after a sync: the records of old without the folders gone, with the times of
// the files retimed (by folder id) and the folders added, in the order of their paths.
func repack(old string, gone map[int64]bool, retimed map[int64][]file, add []added) ([]byte, error) {
	slices.SortFunc(add, func(a, b added) int { return strings.Compare(a.dir, b.dir) })
	out := make([]byte, 0, len(old)+len(add)*256)
	p := packed{data: old}
	for {
		k, ok, err := p.next()
		if err != nil {
			return nil, err
		}
		for len(add) > 0 && (!ok || add[0].dir < k.dir) {
			out = append(out, add[0].rec...)
			add = add[1:]
		}
		if !ok {
			return out, nil
		}
		switch files, ok := retimed[k.id]; {
		case gone[k.id]:
		case ok:
			out = appendRetimed(out, k, files)
		default:
			out = append(out, k.rec...)
		}
	}
}

// appendRetimed appends the record of k with the times of files (found in place, their contents as recorded).
func appendRetimed(b []byte, k storedFolder, files []file) []byte {
	var all []file
	k.eachFile(func(s storedFile) bool {
		f := file{name: s.name, size: s.size, mtime: s.mtime, hash: []byte(s.hash)}
		for _, x := range files {
			if x.name == f.name {
				f.mtime = x.mtime
			}
		}
		all = append(all, f)
		return true
	})
	return appendFolder(b, k.id, k.dir, all)
}
