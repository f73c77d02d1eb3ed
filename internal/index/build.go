package index

import (
	"crypto/rand"
	"crypto/sha256"
	"debug/elf"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"sync"
)

// buildKey identifies the relloc build whose rules and analysis made an index's contents; an index made by
// another build is rebuilt (Config.key). It is a variable so that tests can stand for another build.
var buildKey = sync.OnceValue(func() string {
	bi, _ := debug.ReadBuildInfo()
	return buildKeyOf(bi, executableID)
})

// buildKeyOf describes the build bi: its module, Go version, dependencies and build settings (version control
// revision, flags). A revision alone does not name the code when the work tree had changes (vcs.modified=true:
// a developer's build, whose rules may differ from the last commit's and from the build before) or when there is
// no version control information (go run, go test, a build outside a repository): then the executable itself,
// as exe identifies it, is part of the key too. An executable that cannot be identified gives a key of its own
// each time, so that nothing is taken for another build's result.
func buildKeyOf(bi *debug.BuildInfo, exe func() (string, error)) string {
	var b strings.Builder
	clean := false
	if bi != nil {
		fmt.Fprintf(&b, "go %s\nmain %s %s %s\n", bi.GoVersion, bi.Main.Path, bi.Main.Version, bi.Main.Sum)
		for _, d := range bi.Deps {
			fmt.Fprintf(&b, "dep %s %s %s\n", d.Path, d.Version, d.Sum)
		}
		revision, modified := false, ""
		for _, s := range bi.Settings {
			fmt.Fprintf(&b, "%s=%s\n", s.Key, s.Value)
			switch s.Key {
			case "vcs.revision":
				revision = s.Value != ""
			case "vcs.modified":
				modified = s.Value
			}
		}
		clean = revision && modified == "false"
	}
	if !clean {
		id, err := exe()
		if err != nil {
			id = fmt.Sprintf("unidentified (%v) %s", err, rand.Text())
		}
		fmt.Fprintf(&b, "executable %s\n", id)
	}
	return b.String()
}

// executableID identifies the running executable: its Go build ID (a digest of the link's inputs and output),
// read from the ELF note where Go's linker puts it, else the SHA-256 of the file.
func executableID() (string, error) {
	p, err := os.Executable()
	if err != nil {
		return "", err
	}
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	if id, ok := elfBuildID(f); ok {
		return "go build id " + id, nil
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return "", err
	}
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return "sha256 " + hex.EncodeToString(h.Sum(nil)), nil
}

// elfBuildID reads the Go build ID of an ELF executable from its .note.go.buildid section: a note named "Go" of
// type 4 whose description is the ID.
func elfBuildID(r io.ReaderAt) (string, bool) {
	ef, err := elf.NewFile(r)
	if err != nil {
		return "", false
	}
	sec := ef.Section(".note.go.buildid")
	if sec == nil {
		return "", false
	}
	data, err := sec.Data()
	if err != nil || len(data) < 16 {
		return "", false
	}
	order := ef.ByteOrder
	nameSize, descSize, typ := order.Uint32(data), order.Uint32(data[4:]), order.Uint32(data[8:])
	name := 12 + (int(nameSize)+3)&^3
	if typ != 4 || nameSize != 4 || string(data[12:15]) != "Go\x00" || len(data) < name+int(descSize) {
		return "", false
	}
	return string(data[name : name+int(descSize)]), true
}
