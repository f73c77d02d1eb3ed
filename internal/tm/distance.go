package tm

// boundedDistance returns the Levenshtein distance of a and b (in code points) when it is at most k, and k+1
// otherwise: only the cells within k of the diagonal are computed (Ukkonen's band), and the scan stops once a
// whole row exceeds k, so that a unit far from the query costs O(k·n), not O(n²). A lookup asks no more than
// whether a unit is within its threshold's distance and, if so, how far.
//
// A common start and end are cut first (they change no optimal alignment): sentences of a templated archive
// differ in a name or a figure in the middle.
func boundedDistance(a, b []rune, k int, row []int) (int, []int) {
	if abs(len(a)-len(b)) > k {
		return k + 1, row
	}
	for len(a) > 0 && len(b) > 0 && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for len(a) > 0 && len(b) > 0 && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	n, m := len(a), len(b)
	if cap(row) < 2*(m+1) {
		row = make([]int, 2*(m+1))
	}
	prev, cur := row[:m+1], row[m+1:2*(m+1)]
	for j := range prev {
		prev[j] = min(j, k+1)
	}
	for i := 1; i <= n; i++ {
		lo, hi := max(1, i-k), min(m, i+k)
		if lo == 1 {
			cur[0] = min(i, k+1)
		} else {
			cur[lo-1] = k + 1
		}
		best := cur[lo-1]
		for j := lo; j <= hi; j++ {
			v := prev[j-1]
			if a[i-1] != b[j-1] {
				v++
			}
			v = min(v, prev[j]+1, cur[j-1]+1, k+1)
			cur[j] = v
			best = min(best, v)
		}
		if hi < m {
			cur[hi+1] = k + 1
		}
		if best > k {
			return k + 1, row
		}
		prev, cur = cur, prev
	}
	return prev[m], row
}
