package xliff

import (
	"sort"
	"strconv"
	"strings"

	"github.com/relloc/relloc/internal/release"
)

// Role is what an inline code does.
type Role int

// The roles of inline codes.
const (
	Open       Role = iota // opens a span (bold, a link)
	Close                  // closes the span its ID opened
	Standalone             // stands alone (a line break)
)

// The kinds of inline code relloc writes: the release.Markup kinds, and "lb" for a hard line break.
const (
	Strong    = "strong"
	Emphasis  = "emphasis"
	Sup       = "sup"
	Sub       = "sub"
	Code      = "code"
	Link      = "link"
	LineBreak = "lb"
)

// Piece is a run of text or one inline code.
type Piece struct {
	Text string
	// Code is set for an inline code: Kind is one of the kinds above ("" when another tool's code has none
	// that relloc knows), ID pairs an opening code with its closing one and a target's code with the source's.
	Code *InlineCode
}

// InlineCode is one inline code of a Content.
type InlineCode struct {
	ID   string
	Kind string
	Role Role
}

// Content is the text of a source or target with its inline codes.
type Content []Piece

// Plain returns the text without codes; a line break is "\n", as in release.Block.Text.
func (c Content) Plain() string {
	var b strings.Builder
	for _, p := range c {
		if p.Code == nil {
			b.WriteString(p.Text)
		} else if p.Code.Kind == LineBreak {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// FromBlock returns the content of b.Text[start:end] with b's markup as codes; markup that runs over the
// range's ends is cut there. Codes are numbered from 1 in the order they open.
func FromBlock(b *release.Block, start, end int) Content {
	return fromBlock(b, start, end, nil)
}

// fromBlock is FromBlock; open, when set, is told the id given to each markup that opens a code.
func fromBlock(b *release.Block, start, end int, open func(id string, m release.Markup)) Content {
	type event struct {
		at   int
		role Role
		kind string
		idx  int // markup index, for pairing
	}
	var evs []event
	for i, m := range b.Markup {
		s, e := max(m.Start, start), min(m.End, end)
		if s > e || (s == e && m.Start != m.End) || m.Kind == "image" {
			continue
		}
		evs = append(evs, event{s, Open, m.Kind, i}, event{e, Close, m.Kind, i})
	}
	for i := start; i < end; i++ {
		if b.Text[i] == '\n' {
			evs = append(evs, event{i, Standalone, LineBreak, -1})
		}
	}
	// At one offset: closes first (innermost first), then line breaks, then opens (outermost first).
	rank := map[Role]int{Close: 0, Standalone: 1, Open: 2}
	sort.SliceStable(evs, func(i, j int) bool {
		a, c := evs[i], evs[j]
		if a.at != c.at {
			return a.at < c.at
		}
		if a.role != c.role {
			return rank[a.role] < rank[c.role]
		}
		if a.role == Close {
			return b.Markup[a.idx].Start > b.Markup[c.idx].Start
		}
		if a.role == Open {
			return b.Markup[a.idx].End > b.Markup[c.idx].End
		}
		return false
	})
	var out Content
	ids := map[int]string{}
	n := 0
	newID := func() string {
		n++
		return itoa(n)
	}
	pos := start
	text := func(to int) {
		if to > pos {
			out = append(out, Piece{Text: b.Text[pos:to]})
			pos = to
		}
	}
	for _, ev := range evs {
		text(ev.at)
		switch ev.role {
		case Open:
			ids[ev.idx] = newID()
			if open != nil {
				open(ids[ev.idx], b.Markup[ev.idx])
			}
			out = append(out, Piece{Code: &InlineCode{ID: ids[ev.idx], Kind: ev.kind, Role: Open}})
		case Close:
			out = append(out, Piece{Code: &InlineCode{ID: ids[ev.idx], Kind: ev.kind, Role: Close}})
		case Standalone:
			out = append(out, Piece{Code: &InlineCode{ID: newID(), Kind: LineBreak, Role: Standalone}})
			pos = ev.at + 1 // the "\n" is the code
		}
	}
	text(end)
	return out
}

// Renumber gives the codes of a target the ids of the source's codes of the same kind, in order, so that a
// CAT tool sees the same codes on both sides; codes the source lacks get ids after the source's.
func Renumber(target, source Content) Content {
	byKind := map[string][]string{}
	next := 0
	for _, p := range source {
		if p.Code != nil && p.Code.Role != Close {
			byKind[p.Code.Kind] = append(byKind[p.Code.Kind], p.Code.ID)
			if n := atoi(p.Code.ID); n > next {
				next = n
			}
		}
	}
	out := make(Content, len(target))
	mapped := map[string]string{}
	for i, p := range target {
		out[i] = p
		if p.Code == nil {
			continue
		}
		c := *p.Code
		if c.Role == Close {
			c.ID = mapped[c.ID]
		} else {
			old := c.ID
			if ids := byKind[c.Kind]; len(ids) > 0 {
				c.ID, byKind[c.Kind] = ids[0], ids[1:]
			} else {
				next++
				c.ID = itoa(next)
			}
			mapped[old] = c.ID
		}
		out[i].Code = &c
	}
	return out
}

// Markdown writes the content as Markdown: codes become the Markdown of their kind, a link takes its address
// from links (by code id; a link without one is written as its text), codes of unknown kind are dropped and
// their text kept. Characters that would start Markdown markup inside the text are escaped.
func (c Content) Markdown(links map[string]string) string {
	var b strings.Builder
	kinds := map[string]string{}
	for _, p := range c {
		if p.Code == nil {
			b.WriteString(escape(p.Text))
			continue
		}
		k := p.Code.Kind
		if p.Code.Role == Open {
			kinds[p.Code.ID] = k
		} else if p.Code.Role == Close {
			k = kinds[p.Code.ID]
		}
		switch p.Code.Role {
		case Standalone:
			if k == LineBreak {
				b.WriteString("\\\n")
			}
		case Open:
			switch k {
			case Strong:
				b.WriteString("**")
			case Emphasis:
				b.WriteString("*")
			case Code:
				b.WriteString("`")
			case Sup, Sub:
				b.WriteString("<" + k + ">")
			case Link:
				if links[p.Code.ID] != "" {
					b.WriteString("[")
				}
			}
		case Close:
			switch k {
			case Strong:
				b.WriteString("**")
			case Emphasis:
				b.WriteString("*")
			case Code:
				b.WriteString("`")
			case Sup, Sub:
				b.WriteString("</" + k + ">")
			case Link:
				if u := links[p.Code.ID]; u != "" {
					b.WriteString("](" + u + ")")
				}
			}
		}
	}
	return b.String()
}

// escape backslash-escapes the characters that open Markdown inline markup.
func escape(s string) string {
	if !strings.ContainsAny(s, "*_`[]<\\") {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("*_`[]<\\", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func itoa(n int) string { return strconv.Itoa(n) }

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
