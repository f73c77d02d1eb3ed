package glossedit

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
)

// The test binary doubles as an editor process: with GLOSSEDIT_HELPER set it adds one entry to the glossary in
// GLOSSEDIT_DIR and exits, so that the tests below can run real concurrent processes and kill one midway.
func TestMain(m *testing.M) {
	if id := os.Getenv("GLOSSEDIT_HELPER"); id != "" {
		os.Exit(helper(id, os.Getenv("GLOSSEDIT_DIR"), os.Getenv("GLOSSEDIT_PAUSE")))
	}
	os.Exit(m.Run())
}

// helper adds entry id; with id "two-files" it makes an edit of two files instead (twoFileEdit). pause is the
// number of the rename before which it stops ("1", "2"), or empty.
func helper(id, dir string, pause string) int {
	s := &Store{Dir: dir, Rel: func(p string) string { return "glossary/" + filepath.Base(p) }, Options: opts}
	renames := 0
	if pause != "" {
		s.beforeRename = func(tmp string) {
			renames++
			if fmt.Sprint(renames) != pause {
				return
			}
			fmt.Println("paused", filepath.Base(tmp))
			time.Sleep(time.Hour) // until the test kills the process
		}
	}
	changes := []Change{{Op: Add, ID: id, Entry: entry(id, "Term "+id, "ពាក្យ")}}
	if id == "two-files" {
		changes = twoFileEdit()
	}
	_, err := s.Edit(func(g *glossary.Glossary, files []glossary.File) ([]Change, error) {
		return changes, nil
	}, false)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

func helperCmd(t *testing.T, dir, id string, pause bool) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GLOSSEDIT_HELPER="+id, "GLOSSEDIT_DIR="+dir)
	if pause {
		cmd.Env = append(cmd.Env, "GLOSSEDIT_PAUSE=1")
	}
	return cmd
}

// twoFileEdit adds Phnom Penh to glossary/places.toml and gives Hayashi his Khmer name in glossary/people.toml:
// one import that touches two files.
func twoFileEdit() []Change {
	hayashi := &glossary.Entry{ID: "hayashi", Category: glossary.Person, EN: glossary.English{Term: "HAYASHI Yoshimasa"},
		Targets: map[language.Tag]*glossary.Rendering{
			language.Khmer:    {Term: "ហាយ៉ាស៊ី យ៉ូស៊ីម៉ាសា"},
			language.Japanese: {Term: "林芳正"},
		}}
	phnomPenh := &glossary.Entry{ID: "phnom-penh", Category: glossary.Place, EN: glossary.English{Term: "Phnom Penh"},
		Targets: map[language.Tag]*glossary.Rendering{
			language.Khmer:    {Term: "ភ្នំពេញ"},
			language.Japanese: {Term: "プノンペン"},
		}}
	return []Change{{Op: Update, ID: "hayashi", Entry: hayashi}, {Op: Add, ID: "phnom-penh", Entry: phnomPenh, File: "glossary/places.toml"}}
}

func helperCmdPause(t *testing.T, dir, id, pause string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "GLOSSEDIT_HELPER="+id, "GLOSSEDIT_DIR="+dir, "GLOSSEDIT_PAUSE="+pause)
	return cmd
}

func newGlossaryDir(t *testing.T) string {
	dir := filepath.Join(t.TempDir(), "glossary")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "people.toml"), []byte(people), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func load(t *testing.T, dir string) *glossary.Glossary {
	t.Helper()
	g, err := glossary.Load(dir, glossary.Options{Targets: []language.Tag{language.Khmer, language.Japanese}}, filepath.Base)
	if err != nil {
		t.Fatalf("glossary does not parse: %v", err)
	}
	return g
}

// TestConcurrentProcesses runs twenty editor processes at once; every entry must land.
func TestConcurrentProcesses(t *testing.T) {
	dir := newGlossaryDir(t)
	const n = 20
	var wg sync.WaitGroup
	errs := make([]error, n)
	outs := make([][]byte, n)
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			outs[i], errs[i] = helperCmd(t, dir, fmt.Sprintf("term-%02d", i), false).CombinedOutput()
		}(i)
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("process %d: %v\n%s", i, err, outs[i])
		}
	}
	g := load(t, dir)
	if got, want := len(g.Entries), 2+n; got != want {
		t.Fatalf("got %d entries, want %d", got, want)
	}
	for i := 0; i < n; i++ {
		if _, ok := g.Lookup(fmt.Sprintf("term-%02d", i)); !ok {
			t.Errorf("term-%02d was lost", i)
		}
	}
	data, _ := os.ReadFile(filepath.Join(dir, "people.toml"))
	if !strings.HasPrefix(string(data), people) {
		t.Errorf("the original text and comments were not kept:\n%s", data)
	}
}

// TestKilledWriter kills a writer after it wrote its temporary file and before the rename: the glossary must be
// the previous one, byte for byte, and the next writer must get the lock and succeed.
func TestKilledWriter(t *testing.T) {
	dir := newGlossaryDir(t)
	cmd := helperCmd(t, dir, "doomed", true)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		t.Fatalf("writer did not pause: %v", err)
	}
	tmp := strings.TrimSpace(strings.TrimPrefix(line, "paused "))
	data, err := os.ReadFile(filepath.Join(dir, tmp))
	if err != nil || !strings.Contains(string(data), `id = "doomed"`) {
		t.Fatalf("temporary file %s: %v\n%s", tmp, err, data)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()

	got, err := os.ReadFile(filepath.Join(dir, "people.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != people {
		t.Errorf("glossary changed by a killed writer:\n%s", got)
	}
	g := load(t, dir)
	if _, ok := g.Lookup("doomed"); ok {
		t.Error("the killed writer's entry is in the glossary")
	}
	// The lock died with the writer.
	if out, err := helperCmd(t, dir, "survivor", false).CombinedOutput(); err != nil {
		t.Fatalf("next writer: %v\n%s", err, out)
	}
	if _, ok := load(t, dir).Lookup("survivor"); !ok {
		t.Error("the next writer's entry is missing")
	}
	// The next writer removed the killed one's temporary file.
	if _, err := os.Stat(filepath.Join(dir, tmp)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("temporary file %s of the killed writer is left: %v", tmp, err)
	}
}

func TestStoreDryRun(t *testing.T) {
	dir := newGlossaryDir(t)
	s := &Store{Dir: dir, Rel: func(p string) string { return "glossary/" + filepath.Base(p) }, Options: opts}
	res, err := s.Edit(func(g *glossary.Glossary, files []glossary.File) ([]Change, error) {
		return []Change{{Op: Remove, ID: "hayashi"}}, nil
	}, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Glossary.Entries) != 1 {
		t.Errorf("dry run result: got %d entries, want 1", len(res.Glossary.Entries))
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "people.toml")); string(got) != people {
		t.Error("dry run wrote the file")
	}
	// A dry run takes no lock: it creates no lock file, so it works on a read-only checkout.
	if _, err := os.Stat(filepath.Join(dir, LockName)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("dry run created the lock file %s: %v", LockName, err)
	}
}

const places = `# Places.
[[entry]]
id = "tokyo"
category = "place"
[entry.en]
term = "Tokyo"
[entry.ja]
term = "東京"
`

// TestKilledMultiFileWriter kills an import that touches two files after it renamed the first and before it
// renamed the second: readers must see the whole edit (or none of it), never one file new and the other old;
// the next writer finishes the edit.
func TestKilledMultiFileWriter(t *testing.T) {
	dir := newGlossaryDir(t)
	if err := os.WriteFile(filepath.Join(dir, "places.toml"), []byte(places), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := helperCmdPause(t, dir, "two-files", "2")
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if _, err := bufio.NewReader(stdout).ReadString('\n'); err != nil {
		t.Fatalf("writer did not pause: %v", err)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()

	s := &Store{Dir: dir, Rel: func(p string) string { return "glossary/" + filepath.Base(p) }, Options: opts}
	state := func() string {
		files, err := s.Read()
		if err != nil {
			t.Fatal(err)
		}
		g, err := glossary.Parse(files, opts.Glossary)
		if err != nil {
			t.Fatalf("glossary does not parse: %v", err)
		}
		_, added := g.Lookup("phnom-penh")
		h, _ := g.Lookup("hayashi")
		return fmt.Sprintf("phnom-penh added: %v, hayashi km: %q", added, h.Target(language.Khmer).Term)
	}
	want := `phnom-penh added: true, hayashi km: "ហាយ៉ាស៊ី យ៉ូស៊ីម៉ាសា"`
	if got := state(); got != want {
		t.Errorf("after the kill: got %s, want %s (the whole edit)", got, want)
	}
	// The next writer finishes the renames first, then makes its own edit.
	if out, err := helperCmd(t, dir, "survivor", false).CombinedOutput(); err != nil {
		t.Fatalf("next writer: %v\n%s", err, out)
	}
	if got := state(); got != want {
		t.Errorf("after the next writer: got %s, want %s", got, want)
	}
	g := load(t, dir) // glossary.Load reads the files alone: they must all be in place now
	if _, ok := g.Lookup("phnom-penh"); !ok {
		t.Error("places.toml was not renamed into place")
	}
	if _, ok := g.Lookup("survivor"); !ok {
		t.Error("the next writer's entry is missing")
	}
	if _, err := os.Stat(filepath.Join(dir, JournalName)); err == nil {
		t.Error("the journal is still there")
	}
}

// TestFailedMultiFileWrite: a write that fails before the commit (a full disk) leaves the old files and no
// temporary file.
func TestFailedMultiFileWrite(t *testing.T) {
	dir := newGlossaryDir(t)
	if err := os.WriteFile(filepath.Join(dir, "places.toml"), []byte(places), 0o644); err != nil {
		t.Fatal(err)
	}
	s := &Store{Dir: dir, Rel: func(p string) string { return "glossary/" + filepath.Base(p) }, Options: opts,
		beforeCommit: func() error { return syscall.ENOSPC }}
	_, err := s.Edit(func(*glossary.Glossary, []glossary.File) ([]Change, error) { return twoFileEdit(), nil }, false)
	if !errors.Is(err, syscall.ENOSPC) {
		t.Fatalf("got %v, want ENOSPC", err)
	}
	names, _ := filepath.Glob(filepath.Join(dir, ".*"))
	for _, n := range names {
		if filepath.Base(n) != LockName {
			t.Errorf("left behind: %s", filepath.Base(n))
		}
	}
	for name, want := range map[string]string{"people.toml": people, "places.toml": places} {
		if got, _ := os.ReadFile(filepath.Join(dir, name)); string(got) != want {
			t.Errorf("%s changed:\n%s", name, got)
		}
	}
}
