package draft

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/relloc/relloc/internal/release"
)

// MarkerPrefix opens the text of every draft marker comment.
const MarkerPrefix = "relloc-draft"

// Kind says where the text of a drafted sentence comes from.
type Kind int

const (
	// Catalogue text is rendered from a message of the catalogue; it needs no marker.
	Catalogue Kind = iota
	// Exact text is the translation of the same English sentence in another release; it needs no marker.
	Exact
	// Fuzzy text is the translation of a similar English sentence; it is marked for review.
	Fuzzy
	// Translate text is the English with glossary terms, dates and numbers rendered; it is marked for translation.
	Translate
)

// String returns the kind's name, as used in markers and summaries.
func (k Kind) String() string {
	switch k {
	case Catalogue:
		return "catalogue"
	case Exact:
		return "exact"
	case Fuzzy:
		return "fuzzy"
	default:
		return "translate"
	}
}

// Marker is a parsed draft marker.
type Marker struct {
	Kind             Kind // Fuzzy or Translate
	Score            int  // percent, for Fuzzy
	Release, Segment string
}

// String writes the marker as an HTML comment:
// "<!-- relloc-draft fuzzy 87%: from RELEASE SEGMENT -->" or "<!-- relloc-draft translate -->".
func (m Marker) String() string {
	if m.Kind == Fuzzy {
		return fmt.Sprintf("<!-- %s fuzzy %d%%: from %s %s -->", MarkerPrefix, m.Score, m.Release, m.Segment)
	}
	return "<!-- " + MarkerPrefix + " translate -->"
}

// ParseMarker reads the text of an HTML comment (without <!-- and -->, as release.Comment holds it). It reports
// false when the comment is no draft marker; a comment that starts with relloc-draft but is otherwise malformed
// is still a marker, of kind Translate.
func ParseMarker(text string) (Marker, bool) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(text), MarkerPrefix)
	if !ok || (rest != "" && rest[0] != ' ') {
		return Marker{}, false
	}
	f := strings.Fields(rest)
	if len(f) >= 5 && f[0] == "fuzzy" && f[2] == "from" {
		if n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(f[1], ":"), "%")); err == nil {
			return Marker{Kind: Fuzzy, Score: n, Release: f[3], Segment: f[4]}, true
		}
	}
	return Marker{Kind: Translate}, true
}

// Markers returns the draft markers left in d, with the comments that hold them.
func Markers(d *release.Document) ([]Marker, []release.Comment) {
	var ms []Marker
	var cs []release.Comment
	for _, c := range d.Comments {
		if m, ok := ParseMarker(c.Text); ok {
			ms = append(ms, m)
			cs = append(cs, c)
		}
	}
	return ms, cs
}
