package evalreal

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"testing/fstest"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/check"
	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/release"
)

// Known is one real problem of a reference text, found by reading it: the error finding it explains and why
// it is real.
type Known struct {
	Set, Release, File string // file is the base name of the finding's path, e.g. ja.md
	Line               int
	Rule, Reason       string
}

// ParseKnown reads the audited list: tab-separated set, release, file:line, rule and reason; # starts a comment.
func ParseKnown(r io.Reader) ([]Known, error) {
	var out []Known
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		t := sc.Text()
		if strings.TrimSpace(t) == "" || strings.HasPrefix(t, "#") {
			continue
		}
		f := strings.Split(t, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("line %d: want 5 tab-separated fields, got %d", n, len(f))
		}
		file, line, ok := strings.Cut(f[2], ":")
		ln, err := strconv.Atoi(line)
		if !ok || err != nil {
			return nil, fmt.Errorf("line %d: %q is not file:line", n, f[2])
		}
		if strings.TrimSpace(f[4]) == "" {
			return nil, fmt.Errorf("line %d: a known problem needs a reason", n)
		}
		out = append(out, Known{Set: f[0], Release: f[1], File: file, Line: ln, Rule: f[3], Reason: f[4]})
	}
	return out, sc.Err()
}

// Result is the evaluation of one set.
type Result struct {
	Set      string
	Langs    []string
	Errors   []finding.Finding // error findings on the unaltered texts
	Known    []bool            // Known[i]: Errors[i] is on the audited list
	Faults   []Fault
	Caught   []bool
	Releases int
}

// Evaluate checks a set unaltered, then plants its faults one at a time and checks each altered release.
func Evaluate(s *Set, seed uint64, known []Known) (*Result, error) {
	in, err := check.LoadFS(s.Files)
	if err != nil {
		return nil, err
	}
	base := check.Run(in)
	res := &Result{Set: s.Name, Langs: s.Langs, Releases: len(in.Releases)}
	for _, f := range base.Findings {
		if f.Severity == finding.Error {
			res.Errors = append(res.Errors, f)
			res.Known = append(res.Known, isKnown(s.Name, f, known))
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

func isKnown(set string, f finding.Finding, known []Known) bool {
	for _, k := range known {
		if k.Set == set && k.Release == path.Base(path.Dir(f.Path)) && k.File == path.Base(f.Path) &&
			k.Line == f.Line && k.Rule == f.Rule {
			return true
		}
	}
	return false
}

// catches checks the release of ft with its file altered and reports whether a new error finding of the
// fault's rules appears in the altered language.
func catches(in check.Input, files fstest.MapFS, ft Fault, before []finding.Finding) (bool, error) {
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
	count := func(fs []finding.Finding) map[string]int {
		m := map[string]int{}
		for _, f := range fs {
			if f.Severity == finding.Error && f.Lang == ft.Lang {
				m[f.Rule]++
			}
		}
		return m
	}
	b, a := count(before), count(after)
	for _, rule := range Rules[ft.Kind] {
		if a[rule] > b[rule] {
			return true, nil
		}
	}
	return false, nil
}

// Report writes a result: error findings by language and rule (known and unexplained), recall per kind, and
// every unexplained error and missed fault.
func (r *Result) Report(w io.Writer) {
	fmt.Fprintf(w, "== %s: %d releases\n", r.Set, r.Releases)
	known := 0
	for _, k := range r.Known {
		if k {
			known++
		}
	}
	fmt.Fprintf(w, "error findings on the unaltered texts: %d (%d on the audited list of real problems, %d unexplained)\n",
		len(r.Errors), known, len(r.Errors)-known)
	for _, lang := range r.Langs {
		rules := map[string][2]int{}
		for i, f := range r.Errors {
			if f.Lang != lang {
				continue
			}
			c := rules[f.Rule]
			c[0]++
			if r.Known[i] {
				c[1]++
			}
			rules[f.Rule] = c
		}
		ids := make([]string, 0, len(rules))
		for id := range rules {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			fmt.Fprintf(w, "  %-3s %-20s %4d errors (%d known)\n", lang, id, rules[id][0], rules[id][1])
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
		if !r.Known[i] {
			fmt.Fprintf(w, "  unexplained: %s:%d %s %s\n", f.Path, f.Line, f.Rule, clip(f.Message, 140))
		}
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

// Unexplained counts the error findings that are not on the audited list.
func (r *Result) Unexplained() int {
	n := 0
	for _, k := range r.Known {
		if !k {
			n++
		}
	}
	return n
}
