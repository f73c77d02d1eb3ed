package release

import (
	"bytes"
	"regexp"
	"time"

	"github.com/pelletier/go-toml/v2"

	"github.com/relloc/relloc/internal/inputerr"
)

// FrontMatter is the optional TOML header of a release file, between two "+++" lines.
type FrontMatter struct {
	ID     string         `toml:"id,omitempty"`
	Date   toml.LocalDate `toml:"date,omitempty"`
	Place  string         `toml:"place,omitempty"`
	Status string         `toml:"status,omitempty"` // one of Statuses, or "" for none
	// Source records, in a translation, the English it was made from: each English sentence's digest and text
	// (see package draft's Record), so that check can show what changed when the English changes.
	Source map[string]string `toml:"source,omitempty"`
}

// The statuses of a translation, in the order its work moves through them. relloc draft writes StatusDraft (and
// draft --update sets it again when it marks work in the file); relloc review --accept sets StatusReviewed once
// nothing is left to revise; a translator sets StatusTranslated by hand when the draft is translated, and the
// desk StatusPublished when the release is out.
const (
	StatusDraft      = "draft"
	StatusTranslated = "translated"
	StatusReviewed   = "reviewed"
	StatusPublished  = "published"
)

// Statuses lists the statuses in the order of the work.
var Statuses = []string{StatusDraft, StatusTranslated, StatusReviewed, StatusPublished}

// StatusRank returns the position of status in Statuses (0 for draft), or -1 when it is none of them.
func StatusRank(status string) int {
	for i, s := range Statuses {
		if s == status {
			return i
		}
	}
	return -1
}

// Time returns the front matter's date, or the zero time.
func (f FrontMatter) Time() time.Time {
	if f.Date.Year == 0 {
		return time.Time{}
	}
	return f.Date.AsTime(time.UTC)
}

var fence = []byte("+++")

// yamlKey is the start of a YAML mapping line, "key:" followed by a blank or the line's end.
var yamlKey = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*:(\s|$)`)

// splitFront parses the front matter, if any, and returns the file with the front matter replaced by blank
// lines, so that offsets in the returned body are offsets in the file. The fences may carry trailing blanks and
// CRLF line ends (a file saved on Windows), and a UTF-8 byte order mark may precede the first.
func (d *Document) splitFront(src []byte) ([]byte, error) {
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	first = bytes.TrimPrefix(first, []byte("\ufeff"))
	if isFence(first, []byte("---")) {
		if l, _, _ := bytes.Cut(rest, []byte("\n")); yamlKey.Match(l) {
			return nil, inputerr.Say(d.Path, 1, 1, "FrontMatterYAML", nil)
		}
	}
	if !isFence(first, fence) {
		return src, nil
	}
	headerStart := len(src) - len(rest)
	off := headerStart
	headerEnd, end := -1, -1
	for len(rest) > 0 {
		l, r, _ := bytes.Cut(rest, []byte("\n"))
		if isFence(l, fence) {
			headerEnd, end = off, off+len(l)
			break
		}
		off += len(l) + 1
		rest = r
	}
	if end < 0 {
		return nil, inputerr.Say(d.Path, 1, 1, "FrontMatterOpen", nil)
	}
	dec := toml.NewDecoder(bytes.NewReader(src[headerStart:headerEnd]))
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

// isFence reports whether line is the fence f, ignoring trailing blanks and a carriage return.
func isFence(line, f []byte) bool {
	return bytes.Equal(bytes.TrimRight(line, " \t\r"), f)
}

// FrontLine returns the 1-based line of key's assignment in the document's front matter (a top-level key, before
// any table), or 1 when the front matter does not set it.
func (d *Document) FrontLine(key string) int {
	if !d.HasFront {
		return 1
	}
	lines := bytes.Split(d.Source, []byte("\n"))
	for i := 1; i < len(lines); i++ {
		t := bytes.TrimSpace(lines[i])
		if bytes.Equal(bytes.TrimRight(t, " \t\r"), fence) || bytes.HasPrefix(t, []byte("[")) {
			break
		}
		if k, _, ok := bytes.Cut(t, []byte("=")); ok && string(bytes.TrimSpace(k)) == key {
			return i + 1
		}
	}
	return 1
}
