package worddiff

import (
	"strings"

	"github.com/pmezard/go-difflib/difflib"
)

// Op is one run of a word diff: words both versions share (Equal), or words only the old (Del) or only the
// new version (Ins) has.
type Op struct {
	Kind  Kind
	Words []string
}

// Kind is the kind of an Op.
type Kind int

// The kinds of Op.
const (
	Equal Kind = iota
	Del
	Ins
)

// Diff returns the operations that turn old into new, word by word. A replaced run gives a Del followed by an Ins.
func Diff(old, new string) []Op {
	a, b := strings.Fields(old), strings.Fields(new)
	m := difflib.NewMatcherWithJunk(a, b, false, nil)
	var ops []Op
	for _, c := range m.GetOpCodes() {
		switch c.Tag {
		case 'e':
			ops = append(ops, Op{Equal, a[c.I1:c.I2]})
		case 'd':
			ops = append(ops, Op{Del, a[c.I1:c.I2]})
		case 'i':
			ops = append(ops, Op{Ins, b[c.J1:c.J2]})
		case 'r':
			ops = append(ops, Op{Del, a[c.I1:c.I2]}, Op{Ins, b[c.J1:c.J2]})
		}
	}
	return ops
}

// Changed reports whether ops holds a deletion or an insertion.
func Changed(ops []Op) bool {
	for _, op := range ops {
		if op.Kind != Equal {
			return true
		}
	}
	return false
}

// Format writes ops as plain word-diff text: deleted words in [-…-], inserted words in {+…+}.
// Context, when positive, keeps that many shared words on each side of a change and writes "…" for the rest
// of a longer shared run, so that a long sentence shows only where it changed.
func Format(ops []Op, context int) string {
	var b strings.Builder
	for i, op := range ops {
		w := strings.Join(op.Words, " ")
		if w == "" {
			continue
		}
		// A space between runs, except between a deletion and the insertion that replaces it.
		if b.Len() > 0 && !(op.Kind == Ins && i > 0 && ops[i-1].Kind == Del) {
			b.WriteByte(' ')
		}
		switch op.Kind {
		case Del:
			b.WriteString("[-" + w + "-]")
		case Ins:
			b.WriteString("{+" + w + "+}")
		default:
			b.WriteString(elide(op.Words, context, i > 0, i < len(ops)-1))
		}
	}
	return b.String()
}

// elide shortens a shared run to context words after the change before it and before the change after it.
func elide(words []string, context int, before, after bool) string {
	if context <= 0 {
		return strings.Join(words, " ")
	}
	head, tail := 0, 0
	if before {
		head = context
	}
	if after {
		tail = context
	}
	if head+tail >= len(words) {
		return strings.Join(words, " ")
	}
	var out []string
	out = append(out, words[:head]...)
	out = append(out, "…")
	out = append(out, words[len(words)-tail:]...)
	return strings.Join(out, " ")
}

// Similarity returns how much two sentences share, word by word, from 0 (nothing) to 1 (the same words in the
// same order): twice the number of shared words over the number of words of both.
func Similarity(old, new string) float64 {
	a, b := strings.Fields(old), strings.Fields(new)
	if len(a)+len(b) == 0 {
		return 1
	}
	return difflib.NewMatcherWithJunk(a, b, false, nil).Ratio()
}

// Pairs returns, for each deleted run of ops that is directly followed by an inserted run, the two runs: the
// words the old version had and the words the new version has in their place.
func Pairs(ops []Op) [][2][]string {
	var out [][2][]string
	for i := 0; i+1 < len(ops); i++ {
		if ops[i].Kind == Del && ops[i+1].Kind == Ins {
			out = append(out, [2][]string{ops[i].Words, ops[i+1].Words})
		}
	}
	return out
}
