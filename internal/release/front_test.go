package release

import (
	"bytes"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/pelletier/go-toml/v2"
)

// frontByTOML decodes header as splitFront did before plainFront.
func frontByTOML(header []byte) (FrontMatter, error) {
	var f FrontMatter
	dec := toml.NewDecoder(bytes.NewReader(header))
	dec.DisallowUnknownFields()
	err := dec.Decode(&f)
	return f, err
}

// checkPlainFront fails when plainFront reads header and the decoder does not, or reads it otherwise.
func checkPlainFront(t *testing.T, header string) bool {
	t.Helper()
	var got FrontMatter
	if !plainFront([]byte(header), &got) {
		if !reflect.DeepEqual(got, FrontMatter{}) {
			t.Fatalf("plainFront(%q) set %+v and returned false", header, got)
		}
		return false
	}
	want, err := frontByTOML([]byte(header))
	if err != nil {
		t.Fatalf("plainFront(%q) = %+v, the decoder fails: %v", header, got, err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("plainFront(%q) = %+v, the decoder %+v", header, got, want)
	}
	return true
}

// TestPlainFrontAsTOML checks that plainFront reads the headers relloc writes, and that whatever header it reads
// the TOML decoder reads the same, on random headers made of keys, values and separators near the plain form.
func TestPlainFrontAsTOML(t *testing.T) {
	for _, h := range []string{
		"",
		"id = \"2024-03-05-visit\"\ndate = 2024-03-05\nplace = \"Phnom Penh\"\nstatus = \"published\"\n",
		"status = \"draft\"\nplace = \"ភ្នំពេញ\"\nid = \"報道発表\"\n",
		"date = 2024-02-29\n",
		"date = 2000-02-29\n",
		"id = \"\"\n",
	} {
		if !checkPlainFront(t, h) {
			t.Errorf("plainFront(%q) = false, want it read", h)
		}
	}
	keys := []string{"id", "place", "status", "date", "source", "ID", " id", "id ", "place\t", "[source]", "# id"}
	seps := []string{" = ", "=", " =", "= ", "  = ", " = \t", "\t= "}
	values := []string{`"a"`, `"Phnom Penh"`, `"ភ្នំពេញ"`, `""`, `"a\"b"`, `"a\\b"`, `"a\tb"`, "\"a\x7fb\"", "\"a\x01\"",
		`'literal'`, `"""multi"""`, `"a" # note`, `"a"  `, `"unclosed`, "2024-03-05", "2024-02-30", "2023-02-29",
		"1900-02-29", "2000-02-29", "0000-01-01", "2024-13-01", "2024-00-10", "2024-1-05", "+024-01-05", "2024-03-05T10:00:00",
		"2024-03-05 ", `"2024-03-05"`, "20240305", "7", "true", "{ a = \"b\" }"}
	ends := []string{"\n", "\n", "\n", "\r\n", ""}
	r := rand.New(rand.NewPCG(3, 4))
	read := 0
	for range 50000 {
		var b strings.Builder
		for range r.IntN(5) {
			b.WriteString(keys[r.IntN(len(keys))])
			b.WriteString(seps[r.IntN(len(seps))])
			b.WriteString(values[r.IntN(len(values))])
			b.WriteString(ends[r.IntN(len(ends))])
		}
		if checkPlainFront(t, b.String()) {
			read++
		}
	}
	if read < 1000 {
		t.Errorf("plainFront read %d of the random headers: the test tries too few plain ones", read)
	}
}

func FuzzPlainFrontAsTOML(f *testing.F) {
	f.Add("id = \"2024-03-05-visit\"\ndate = 2024-03-05\nplace = \"Phnom Penh\"\nstatus = \"published\"\n")
	f.Add("date = 2023-02-29\n")
	f.Add("place = \"a\\\"b\"\n")
	f.Fuzz(func(t *testing.T, header string) { checkPlainFront(t, header) })
}
