package release

import (
	"bytes"
	"time"

	"github.com/pelletier/go-toml/v2"

	"github.com/relloc/relloc/internal/inputerr"
)

// FrontMatter is the optional TOML header of a release file, between two "+++" lines.
type FrontMatter struct {
	ID     string         `toml:"id,omitempty"`
	Date   toml.LocalDate `toml:"date,omitempty"`
	Place  string         `toml:"place,omitempty"`
	Status string         `toml:"status,omitempty"` // draft, translated, reviewed, published: free text for now
	// Source records, in a translation, the digest of each English segment it was made from (segment id →
	// digest), so that check can report stale segments when the English changes.
	Source map[string]string `toml:"source,omitempty"`
}

// Time returns the front matter's date, or the zero time.
func (f FrontMatter) Time() time.Time {
	if f.Date.Year == 0 {
		return time.Time{}
	}
	return f.Date.AsTime(time.UTC)
}

var fence = []byte("+++")

// splitFront parses the front matter, if any, and returns the file with the front matter replaced by blank
// lines, so that offsets in the returned body are offsets in the file.
func (d *Document) splitFront(src []byte) ([]byte, error) {
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	if !bytes.Equal(bytes.TrimRight(first, " \t\r"), fence) {
		return src, nil
	}
	off := len(first) + 1
	end := -1
	for line := 2; len(rest) > 0; line++ {
		l, r, _ := bytes.Cut(rest, []byte("\n"))
		if bytes.Equal(bytes.TrimRight(l, " \t\r"), fence) {
			end = off + len(l)
			break
		}
		off += len(l) + 1
		rest = r
	}
	if end < 0 {
		return nil, inputerr.New(d.Path, 1, 1, "front matter opened with +++ is never closed")
	}
	header := src[len(first)+1 : end-len(fence)]
	dec := toml.NewDecoder(bytes.NewReader(header))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d.Front); err != nil {
		return nil, inputerr.FromTOML(d.Path, 1, err)
	}
	d.HasFront = true
	body := make([]byte, len(src))
	copy(body, src)
	for i := 0; i < end && i < len(body); i++ {
		if body[i] != '\n' {
			body[i] = ' '
		}
	}
	return body, nil
}
