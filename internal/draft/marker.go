package draft

import (
	"fmt"
	"regexp"
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
	// Revise marks a translator's sentence kept by Update whose English changed; the marker shows the change.
	Revise
	// Removed marks a translator's sentence whose English Update no longer finds.
	Removed
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
	case Revise:
		return "revise"
	case Removed:
		return "removed"
	default:
		return "translate"
	}
}

// Marker is a parsed draft marker.
type Marker struct {
	Kind             Kind // Fuzzy, Translate, Revise or Removed
	Score            int  // percent, for Fuzzy
	Release, Segment string
	// ID is the English sentence the marker is for ("b6.s2"); markers written by Update carry it, so that
	// review --accept can clear one sentence's marker. "" when the marker does not say.
	ID string
	// Note is what a Revise or Removed marker tells the translator: the word diff of the English, a memory match.
	Note string
}

// String writes the marker as an HTML comment: "<!-- relloc-draft fuzzy 87%: from RELEASE SEGMENT -->",
// "<!-- relloc-draft translate -->", "<!-- relloc-draft revise b6.s2: USD [-30-]{+35+} million -->",
// "<!-- relloc-draft removed: … -->"; the sentence id follows the kind when the marker has one.
func (m Marker) String() string {
	kind := m.Kind.String()
	if m.ID != "" {
		kind += " " + m.ID
	}
	var s string
	switch m.Kind {
	case Fuzzy:
		s = fmt.Sprintf("%s %s %d%%: from %s %s", MarkerPrefix, kind, m.Score, m.Release, m.Segment)
	case Revise, Removed:
		s = MarkerPrefix + " " + kind
		if m.Note != "" {
			s += ": " + commentSafe(m.Note)
		}
	default:
		s = MarkerPrefix + " " + kind
	}
	return "<!-- " + s + " -->"
}

// commentSafe keeps text from ending an HTML comment early: CommonMark ends a comment at "-->" and older
// readers at "--", so a run of hyphens gets a space in it and the text neither starts with ">" nor ends with "-".
func commentSafe(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for strings.Contains(s, "--") {
		s = strings.ReplaceAll(s, "--", "- -")
	}
	s = strings.TrimPrefix(s, ">")
	if strings.HasSuffix(s, "-") {
		s += " "
	}
	return s
}

var sentenceID = regexp.MustCompile(`^b\d+\.s\d+$`)

// ParseMarker reads the text of an HTML comment (without <!-- and -->, as release.Comment holds it). It reports
// false when the comment is no draft marker; a comment that starts with relloc-draft but is otherwise malformed
// is still a marker, of kind Translate.
func ParseMarker(text string) (Marker, bool) {
	rest, ok := strings.CutPrefix(strings.TrimSpace(text), MarkerPrefix)
	if !ok || (rest != "" && rest[0] != ' ') {
		return Marker{}, false
	}
	rest = strings.TrimSpace(rest)
	head, note, _ := strings.Cut(rest, ": ")
	f := strings.Fields(head)
	var m Marker
	if len(f) > 1 && sentenceID.MatchString(strings.TrimSuffix(f[1], ":")) {
		m.ID = strings.TrimSuffix(f[1], ":")
		f = append(f[:1], f[2:]...)
	}
	kind := ""
	if len(f) > 0 {
		kind = strings.TrimSuffix(f[0], ":")
	}
	switch kind {
	case "fuzzy":
		g := strings.Fields(rest)
		if m.ID != "" {
			g = append(g[:1], g[2:]...)
		}
		if len(g) >= 5 && g[2] == "from" {
			if n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(g[1], ":"), "%")); err == nil {
				m.Kind, m.Score, m.Release, m.Segment = Fuzzy, n, g[3], g[4]
				return m, true
			}
		}
	case "revise", "removed":
		m.Kind, m.Note = Revise, strings.TrimSpace(note)
		if kind == "removed" {
			m.Kind = Removed
		}
		return m, true
	}
	m.Kind = Translate
	return m, true
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
