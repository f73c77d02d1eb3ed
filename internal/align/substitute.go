package align

// Substitutions pairs, in order, the source-only and target-only links that stand next to each other with no
// 1:1 link between them: a unit dropped and another added at the same place is a substitution — a passage left
// in English, or rewritten beyond what lengths and anchors recognise — and the caller is better served by
// checking the two against each other than by reporting one missing and one extra unit. A lone deletion or
// insertion is left as it is.
func Substitutions(links []Link) []Link {
	out := make([]Link, 0, len(links))
	for i := 0; i < len(links); {
		if !oneSided(links[i]) {
			out = append(out, links[i])
			i++
			continue
		}
		// A run of one-sided links: collect its source and target units.
		j := i
		var src, tgt []int
		for j < len(links) && oneSided(links[j]) {
			src = append(src, links[j].Src...)
			tgt = append(tgt, links[j].Tgt...)
			j++
		}
		n := min(len(src), len(tgt))
		for k := 0; k < n; k++ {
			out = append(out, Link{Src: []int{src[k]}, Tgt: []int{tgt[k]}})
		}
		for _, s := range src[n:] {
			out = append(out, Link{Src: []int{s}})
		}
		for _, t := range tgt[n:] {
			out = append(out, Link{Tgt: []int{t}})
		}
		i = j
	}
	return out
}

func oneSided(l Link) bool { return len(l.Src) == 0 || len(l.Tgt) == 0 }

// Rewrites joins into one link each stretch of a sentence alignment where a source-only and a target-only link
// stand close together — adjacent, or with at most rewriteGap links between them — together with the links
// between: the aligner could pair those sentences neither by length nor by anchors, and a stretch such as
// "0:1, 1:1, 1:0" is far more often a passage the translator condensed or reordered (so that every pairing in
// it is shifted by one) than a sentence added in one place and another dropped two sentences later. Guessing
// would report a false drop and a false addition; the joined link is checked as one segment instead. A
// one-sided link with no opposite one near it — a sentence dropped or added — stays as it is. Bitext uses it
// for sentences; Substitutions serves blocks, which are never joined.
func Rewrites(links []Link) []Link {
	out := make([]Link, 0, len(links))
	for i := 0; i < len(links); {
		if !oneSided(links[i]) {
			out = append(out, links[i])
			i++
			continue
		}
		// Extend the stretch over one-sided links no more than rewriteGap links apart.
		end, last := i+1, i
		srcOnly, tgtOnly := len(links[i].Tgt) == 0, len(links[i].Src) == 0
		for k := i + 1; k < len(links) && k-last <= rewriteGap+1; k++ {
			if oneSided(links[k]) {
				srcOnly = srcOnly || len(links[k].Tgt) == 0
				tgtOnly = tgtOnly || len(links[k].Src) == 0
				last, end = k, k+1
			}
		}
		if !srcOnly || !tgtOnly {
			out = append(out, links[i])
			i++
			continue
		}
		var joined Link
		for _, l := range links[i:end] {
			joined.Src = append(joined.Src, l.Src...)
			joined.Tgt = append(joined.Tgt, l.Tgt...)
			joined.Cost += l.Cost
		}
		out = append(out, joined)
		i = end
	}
	return out
}

// rewriteGap is how many two-sided links may stand between the source-only and the target-only link that
// Rewrites joins.
const rewriteGap = 1
