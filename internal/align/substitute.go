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
