package index

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/google/renameio/v2"

	"github.com/relloc/relloc/internal/glossary"
)

// GlossaryName is the file in Dir that keeps the parsed glossary (Glossary).
const GlossaryName = "glossary.bin"

// glossaryMagic begins the file GlossaryName; the key of the glossary, the CRC-32C of its binary form and the
// binary form (glossary.Encode) follow.
const glossaryMagic = "relloc glossary\n"

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// Glossary returns the glossary of files as glossary.Parse gives it with opt. The index keeps the parsed
// glossary in its folder under root (GlossaryName), under a key that is the SHA-256 of the files' paths and
// contents, opt and the relloc build (as Config.key names it), and a command whose glossary has not changed since
// decodes it from there instead of parsing its TOML again. Parse runs whenever the key differs or the copy
// cannot be read, so that a glossary with errors is reported as Parse reports it; its result is kept when the
// index's folder exists (a workspace where no command made an index gets none), written whole or not at all, and
// a copy that cannot be written is no error.
func Glossary(root string, files []glossary.File, opt glossary.Options) (*glossary.Glossary, error) {
	key := glossaryKey(files, opt)
	path := filepath.Join(root, Dir, GlossaryName)
	data, err := os.ReadFile(path)
	if err == nil {
		if g, err := decodeGlossary(data, key, opt); err == nil {
			return g, nil
		}
	}
	g, err := glossary.Parse(files, opt)
	if err != nil {
		return nil, err
	}
	if st, err := os.Stat(filepath.Dir(path)); err == nil && st.IsDir() {
		_ = renameio.WriteFile(path, encodeGlossary(g, key), 0o644)
	}
	return g, nil
}

// glossaryKey is the key under which the index keeps the glossary parsed from files with opt.
func glossaryKey(files []glossary.File, opt glossary.Options) [sha256.Size]byte {
	h := sha256.New()
	fmt.Fprintf(h, "glossary\n%s", buildKey())
	fmt.Fprintf(h, "targets %v partial %v\n", opt.Targets, opt.Partial)
	for _, f := range files {
		fmt.Fprintf(h, "%d %d\n%s", len(f.Path), len(f.Data), f.Path)
		h.Write(f.Data)
	}
	var key [sha256.Size]byte
	h.Sum(key[:0])
	return key
}

// encodeGlossary returns the contents of the file GlossaryName keeping g under key.
func encodeGlossary(g *glossary.Glossary, key [sha256.Size]byte) []byte {
	form := glossary.Encode(g)
	b := append([]byte(glossaryMagic), key[:]...)
	b = binary.LittleEndian.AppendUint32(b, crc32.Checksum(form, castagnoli))
	return append(b, form...)
}

// errGlossaryKey says that the file GlossaryName keeps another glossary than the one asked for.
var errGlossaryKey = errors.New("the glossary kept is another")

// decodeGlossary reads the glossary that data, the contents of the file GlossaryName, keeps under key.
func decodeGlossary(data []byte, key [sha256.Size]byte, opt glossary.Options) (*glossary.Glossary, error) {
	head := len(glossaryMagic) + len(key) + 4
	if len(data) < head || string(data[:len(glossaryMagic)]) != glossaryMagic {
		return nil, fs.ErrInvalid
	}
	if !bytes.Equal(data[len(glossaryMagic):len(glossaryMagic)+len(key)], key[:]) {
		return nil, errGlossaryKey
	}
	form := data[head:]
	if crc32.Checksum(form, castagnoli) != binary.LittleEndian.Uint32(data[head-4:]) {
		return nil, fs.ErrInvalid
	}
	return glossary.Decode(form, opt)
}
