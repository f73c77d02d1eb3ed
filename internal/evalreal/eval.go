package evalreal

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing/fstest"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/check"
	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/release"
)

// Known is one audited error finding on a reference text: where it is, and the verdict of the person who read
// the English and the translation there, with the reason.
type Known struct {
	Set, Release, File string // file is the base name of the finding's path, e.g. ja.md
	Line               int
	Rule               string
	Verdict            Verdict
	Reason             string
}

// Verdict is what an audited finding is.
type Verdict string

const (
	// Real: the translation really differs from the English there (a wrong or missing number, a dropped
	// clause, a misspelt number word): a reviewer wants the finding.
	Real Verdict = "real"
	// Explained: the translation is right and the finding is a false alarm whose cause is understood and
	// written down (a unit converted, an idiom rendered without its number), kept visible rather than hidden.
	Explained Verdict = "explained"
)

// ParseKnown reads the audited list: tab-separated set, release, file:line, rule, verdict (real or explained)
// and reason; # starts a comment.
func ParseKnown(r io.Reader) ([]Known, error) {
	var out []Known
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		t := sc.Text()
		if strings.TrimSpace(t) == "" || strings.HasPrefix(t, "#") {
			continue
		}
		f := strings.Split(t, "\t")
		if len(f) != 6 {
			return nil, fmt.Errorf("line %d: want 6 tab-separated fields, got %d", n, len(f))
		}
		file, line, ok := strings.Cut(f[2], ":")
		ln, err := strconv.Atoi(line)
		if !ok || err != nil {
			return nil, fmt.Errorf("line %d: %q is not file:line", n, f[2])
		}
		v := Verdict(f[4])
		if v != Real && v != Explained {
			return nil, fmt.Errorf("line %d: verdict %q: want real or explained", n, f[4])
		}
		if strings.TrimSpace(f[5]) == "" {
			return nil, fmt.Errorf("line %d: an audited finding needs a reason", n)
		}
		out = append(out, Known{Set: f[0], Release: f[1], File: file, Line: ln, Rule: f[3], Verdict: v, Reason: f[5]})
	}
	return out, sc.Err()
}

// Result is the evaluation of one set.
type Result struct {
	Set      string
	Langs    []string
	Errors   []finding.Finding // error findings on the unaltered texts
	Known    []Verdict         // Known[i]: the audited verdict on Errors[i], "" when it is not on the list
	Faults   []Fault
	Caught   []bool
	Releases int
	// Stale lists the audited findings of this set that check no longer reports.
	Stale []Known
}

// Evaluate checks a set unaltered, then plants its faults one at a time and checks each altered release.
func Evaluate(s *Set, seed uint64, known []Known) (*Result, error) {
	in, err := check.LoadFS(s.Files)
	if err != nil {
		return nil, err
	}
	base := check.Run(in)
	res := &Result{Set: s.Name, Langs: s.Langs, Releases: len(in.Releases)}
	used := make([]bool, len(known))
	for _, f := range base.Findings {
		if f.Severity == finding.Error {
			res.Errors = append(res.Errors, f)
			res.Known = append(res.Known, verdict(s.Name, f, known, used))
		}
	}
	for i, k := range known {
		if k.Set == s.Name && !used[i] {
			res.Stale = append(res.Stale, k)
		}
	}
	byRelease := map[string][]finding.Finding{}
	for _, f := range base.Findings {
		dir := path.Dir(f.Path)
		byRelease[dir] = append(byRelease[dir], f)
	}
	for _, dir := range releaseDirs(s.Files) {
		en, err := fs.ReadFile(s.Files, dir+"/en.md")
		if err != nil {
			return nil, err
		}
		for _, lang := range s.Langs {
			text, err := fs.ReadFile(s.Files, dir+"/"+lang+".md")
			if err != nil {
				continue
			}
			for _, kind := range Kinds {
				ft, ok := Plant(seed, kind, dir, lang, en, text, in.Glossary)
				if !ok {
					continue
				}
				caught, err := catches(in, s.Files, ft, byRelease[dir])
				if err != nil {
					return nil, fmt.Errorf("%s: %w", ft.Path, err)
				}
				res.Faults = append(res.Faults, ft)
				res.Caught = append(res.Caught, caught)
			}
		}
	}
	return res, nil
}

// verdict finds the audited verdict on f, or "": the first entry of the list for its place and rule that no
// other finding took (a line with several findings of one rule is listed once per finding).
func verdict(set string, f finding.Finding, known []Known, used []bool) Verdict {
	for i, k := range known {
		if !used[i] && k.Set == set && k.Release == path.Base(path.Dir(f.Path)) && k.File == path.Base(f.Path) &&
			k.Line == f.Line && k.Rule == f.Rule {
			used[i] = true
			return k.Verdict
		}
	}
	return ""
}

// catches checks the release of ft with its file altered and reports whether an error finding of the fault's
// rules appears in the altered language that the unaltered release did not give.
func catches(in check.Input, files fstest.MapFS, ft Fault, before0 []finding.Finding) (bool, error) {
	cfgLangs := append([]language.Tag{in.Source}, in.Targets...)
	var rf []release.File
	for _, lang := range cfgLangs {
		p := ft.Release + "/" + lang.String() + ".md"
		var data []byte
		if p == ft.Path {
			data = ft.Data
		} else if f, ok := files[p]; ok {
			data = f.Data
		} else {
			continue
		}
		rf = append(rf, release.File{Path: p, Lang: lang, Data: data})
	}
	r, err := release.Parse(ft.Release, in.Source, rf)
	if err != nil {
		return false, err
	}
	one := in
	one.Releases = []*release.Release{r}
	one.Langs = []language.Tag{language.Make(ft.Lang)}
	after := check.Run(one).Findings
	// A finding of the fault's rules that the unaltered release did not have: a new one, or one whose message
	// changed (a line that already had a number finding reports the changed number in it).
	before := map[string]int{}
	for _, f := range before0 {
		if f.Severity == finding.Error && f.Lang == ft.Lang {
			before[f.Rule+"\x00"+f.Message]++
		}
	}
	for _, f := range after {
		if f.Severity != finding.Error || f.Lang != ft.Lang || !slices.Contains(Rules[ft.Kind], f.Rule) {
			continue
		}
		k := f.Rule + "\x00" + f.Message
		if before[k] > 0 {
			before[k]--
			continue
		}
		return true, nil
	}
	return false, nil
}

// Report writes a result: error findings by language and rule (known and unexplained), recall per kind, and
// every unexplained error and missed fault.
func (r *Result) Report(w io.Writer) {
	fmt.Fprintf(w, "== %s: %d releases\n", r.Set, r.Releases)
	real, explained := r.Count(Real), r.Count(Explained)
	fmt.Fprintf(w, "error findings on the unaltered texts: %d (%d real, %d explained false alarms, %d not audited)\n",
		len(r.Errors), real, explained, len(r.Errors)-real-explained)
	for _, lang := range r.Langs {
		rules := map[string][3]int{}
		for i, f := range r.Errors {
			if f.Lang != lang {
				continue
			}
			c := rules[f.Rule]
			c[0]++
			switch r.Known[i] {
			case Real:
				c[1]++
			case Explained:
				c[2]++
			}
			rules[f.Rule] = c
		}
		ids := make([]string, 0, len(rules))
		for id := range rules {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			fmt.Fprintf(w, "  %-3s %-20s %4d errors (%d real, %d explained)\n", lang, id, rules[id][0], rules[id][1], rules[id][2])
		}
		for _, kind := range Kinds {
			planted, caught := r.Recall(lang, kind)
			if planted > 0 {
				fmt.Fprintf(w, "  %-3s planted %-6s caught %3d of %3d (%.1f%%)\n", lang, kind, caught, planted,
					100*float64(caught)/float64(planted))
			}
		}
	}
	planted, caught := r.Recall("", "")
	if planted > 0 {
		fmt.Fprintf(w, "recall on planted faults: %d of %d (%.1f%%)\n", caught, planted, 100*float64(caught)/float64(planted))
	}
	for i, f := range r.Errors {
		if r.Known[i] == "" {
			fmt.Fprintf(w, "  not audited: %s:%d %s %s\n", f.Path, f.Line, f.Rule, clip(f.Message, 140))
		}
	}
	for _, k := range r.Stale {
		fmt.Fprintf(w, "  audited, no longer reported: releases/%s/%s:%d %s (%s)\n", k.Release, k.File, k.Line, k.Rule, k.Verdict)
	}
	for i, ft := range r.Faults {
		if !r.Caught[i] {
			fmt.Fprintf(w, "  missed %s: %s:%d %s\n", ft.Kind, ft.Path, ft.Line, ft.What)
		}
	}
}

// Recall counts planted and caught faults of one language and kind; empty strings count all.
func (r *Result) Recall(lang string, kind Kind) (planted, caught int) {
	for i, ft := range r.Faults {
		if (lang == "" || ft.Lang == lang) && (kind == "" || ft.Kind == kind) {
			planted++
			if r.Caught[i] {
				caught++
			}
		}
	}
	return planted, caught
}

// Count counts the error findings with verdict v ("" counts those not on the audited list).
func (r *Result) Count(v Verdict) int {
	n := 0
	for _, k := range r.Known {
		if k == v {
			n++
		}
	}
	return n
}
