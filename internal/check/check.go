package check

import (
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/numeral"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/termmatch"
	"github.com/relloc/relloc/internal/workspace"
)

// Checker is one rule.
type Checker interface {
	Rule() finding.Rule
	Check(c *Context, report func(finding.Finding))
}

// Context is what a rule sees of one release.
type Context struct {
	Source   language.Tag
	Targets  []language.Tag // the languages being checked
	Config   workspace.CheckConfig
	Glossary *glossary.Glossary
	Anchors  *bitext.Anchors
	Release  *release.Release
	Bitext   *bitext.Bitext
	scratch
	// pairsMade says that pairs holds targetSegments' list.
	pairsMade bool
	// shortfallsFound says that shortfalls holds what glossaryCounts found.
	shortfallsFound bool
}

// scratch is what the rules keep of one release in its Context, in room that a pool keeps from one release to
// the next (the maps emptied, the lists cut to nothing): the maps and lists were made again for every release,
// a fifth of the bytes its rules allocated.
type scratch struct {
	// sides holds sideMatches' results: five rules ask for the same side's matches, and shifting them into
	// block offsets once per side, not once per rule, was a tenth of the bytes a release check allocated.
	sides map[sideKey][]termmatch.Match
	// shifted holds the shifted copies of sides, one after another.
	shifted []termmatch.Match
	// pairs holds targetSegments' list once made.
	pairs []segmentPair
	// numbers holds sideNumbers' results by side: the English side of a segment is compared with each target;
	// numbered holds those results, one after another.
	numbers  map[*bitext.Side][]numeral.Number
	numbered []numeral.Number
	// shortfalls holds what glossaryCounts found: glossary-missing and glossary-count report different
	// shortfalls of the same counts.
	shortfalls []segmentShortfall
	// tallies and mentions are glossaryCounts' room for the counts of one segment and its merged mentions.
	tallies  [3]tally
	mentions []termmatch.Match
}

var scratchPool = sync.Pool{New: func() any {
	return &scratch{sides: map[sideKey][]termmatch.Match{}, numbers: map[*bitext.Side][]numeral.Number{}}
}}

// empty readies s for another release, dropping what it points into of the last one (its segments and sides),
// so that a pooled scratch keeps no release alive.
func (s *scratch) empty() {
	clear(s.sides)
	clear(s.numbers)
	clear(s.pairs)
	clear(s.shortfalls)
	s.shifted, s.pairs, s.numbered, s.shortfalls = s.shifted[:0], s.pairs[:0], s.numbered[:0], s.shortfalls[:0]
	for i := range s.tallies {
		s.tallies[i].reset()
	}
}

// sideKey names one result of sideMatches. A side is of one language, which the key need not hash again.
type sideKey struct {
	side        *bitext.Side
	overlapping bool
}

// Allowed reports whether relloc.toml allows value under name for lang (check.allow.<lang>.<name>).
func (c *Context) Allowed(lang language.Tag, name, value string) bool {
	for _, v := range c.Config.Allow[lang.String()][name] {
		if v == value {
			return true
		}
	}
	return false
}

// Input is everything a check run needs, already parsed.
type Input struct {
	Source   language.Tag
	Targets  []language.Tag // every target of the workspace
	Langs    []language.Tag // the targets to check (--lang); empty means all
	Config   workspace.CheckConfig
	Glossary *glossary.Glossary
	Releases []*release.Release
	// Extra findings from checks that run outside releases (message catalogues), filtered and suppressed like the rest.
	Extra []finding.Finding
	// Progress, when set, is called after each release is checked with the number done and the total; calls may
	// come from several goroutines but never at once.
	Progress func(done, total int)

	checkers []Checker // the rules to run; nil means Checkers() (the self-test's tests run broken ones)
	// badSuppressions finds bad-suppression findings; nil means badSuppressions (tests run a broken one).
	badSuppressions func(*release.Release, map[string]finding.Severity) []finding.Finding
}

// Result is the outcome of a run.
type Result struct {
	Findings []finding.Finding
	// Cases lists every (release, language, file) checked, for JUnit; a Collector that is not asked to keep
	// them leaves it nil.
	Cases []Case
	// Files is the number of files checked, the distinct paths of the cases, counted whether they are kept or not.
	Files int
}

// Case is one checked language file of a release.
type Case struct{ Release, Lang, Path string }

// Run checks the releases of in with every rule, on every core.
func Run(in Input) Result {
	p := prepare(in)
	outs := make([]Outcome, 0, len(in.Releases))
	p.stream(releaseSlice(in.Releases), func(o Outcome) { outs = append(outs, o) })
	return p.collect(outs)
}

// runner is a check run ready to go: the rules that are on, with their severities, and the glossary's matchers.
type runner struct {
	in       Input
	langs    []language.Tag
	checkers []Checker
	sev      map[string]finding.Severity
	anchors  *bitext.Anchors
}

func prepare(in Input) *runner {
	p := &runner{in: in, langs: in.Langs, checkers: in.checkers}
	if p.checkers == nil {
		p.checkers = Checkers()
	}
	if len(p.langs) == 0 {
		p.langs = in.Targets
	}
	p.anchors = bitext.NewAnchors(in.Glossary, in.Source, append([]language.Tag{in.Source}, in.Targets...))
	p.sev = severities(p.checkers, in.Config)
	return p
}

// collect merges the outcomes of the releases, in the order given, with the findings from outside releases,
// drops what check.ignore ignores and sorts the findings by position.
func (p *runner) collect(outs []Outcome) Result {
	c := &Collector{p: p, keepCases: true}
	for _, o := range outs {
		_ = c.add(o) // keeps, never fails
	}
	return c.result()
}

// add keeps what the result needs of one outcome: the findings that check.ignore does not ignore, the cases or
// only the number of their files; or passes the outcome on with those findings (CollectorTo).
func (c *Collector) add(o Outcome) error {
	// A release's files are in its own folder: distinct within the outcome is distinct in the run.
	for i, x := range o.Cases {
		if !slices.ContainsFunc(o.Cases[:i], func(y Case) bool { return y.Path == x.Path }) {
			c.res.Files++
		}
	}
	if c.to != nil {
		kept := o.Findings[:0:0]
		for _, f := range o.Findings {
			if !ignored(c.p.in.Config, f.Path) {
				kept = append(kept, f)
			}
		}
		o.Findings = kept
		return c.to(o)
	}
	for _, f := range o.Findings {
		if !ignored(c.p.in.Config, f.Path) {
			c.res.Findings = append(c.res.Findings, f)
		}
	}
	if c.keepCases {
		c.res.Cases = append(c.res.Cases, o.Cases...)
	}
	return nil
}

// result merges in the findings from outside releases and sorts the findings by position; a collector that
// passes outcomes on gives the number of files alone.
func (c *Collector) result() Result {
	if c.to != nil {
		return Result{Files: c.res.Files}
	}
	res := c.res
	res.Findings = append(res.Findings, c.p.extra()...)
	finding.Sort(res.Findings)
	return res
}

// extra returns the findings from outside releases that the result holds: those check.ignore keeps, with their
// configured severity, unless their rule is off.
func (p *runner) extra() []finding.Finding {
	var out []finding.Finding
	for _, f := range p.in.Extra {
		if ignored(p.in.Config, f.Path) {
			continue
		}
		if s, on := p.sev[f.Rule]; on {
			f.Severity = s
			out = append(out, f)
		} else if _, known := p.sev[f.Rule]; !known && !isKnown(p.checkers, f.Rule) {
			out = append(out, f)
		}
	}
	return out
}

// checkRelease runs every rule that is on over one release.
func (p *runner) checkRelease(r *release.Release) ([]finding.Finding, []Case) {
	// One match pass per text of the release, shared by alignment and the rules.
	return p.checkView(r, p.anchors.ForRelease())
}

// checkView is checkRelease with the release view of the run's anchors to align r with, which may hold the
// release's matches already (bitext.MatchBatch).
func (p *runner) checkView(r *release.Release, anchors *bitext.Anchors) ([]finding.Finding, []Case) {
	return p.checkAligned(bitext.Align(r, p.in.Source, p.langs, anchors), anchors)
}

// checkAligned runs every rule that is on over a release aligned in the languages checked, with anchors the
// release view (bitext.Anchors.ForRelease) that aligned it.
func (p *runner) checkAligned(bt *bitext.Bitext, anchors *bitext.Anchors) ([]finding.Finding, []Case) {
	in, langs, r := p.in, p.langs, bt.Release
	s := scratchPool.Get().(*scratch)
	ctx := &Context{Source: in.Source, Targets: langs, Config: in.Config, Glossary: in.Glossary, Anchors: anchors,
		Release: r, Bitext: bt, scratch: *s}
	var fs []finding.Finding
	for _, ck := range p.checkers {
		rule := ck.Rule()
		s, on := p.sev[rule.ID]
		if !on {
			continue
		}
		ck.Check(ctx, func(f finding.Finding) {
			f.Rule = rule.ID
			f.Severity = s
			if f.Release == "" {
				f.Release = r.ID
			}
			fs = append(fs, f)
		})
	}
	*s = ctx.scratch // as the rules grew it
	s.empty()
	scratchPool.Put(s)
	fs = dropConsequences(r, langs, fs)
	bad := badSuppressions
	if in.badSuppressions != nil {
		bad = in.badSuppressions
	}
	fs = append(fs, bad(r, p.sev)...)
	var cases []Case
	for _, lang := range append([]language.Tag{in.Source}, langs...) {
		if d := r.Doc(lang); d != nil && !ignored(in.Config, d.Path) {
			cases = append(cases, Case{Release: r.ID, Lang: lang.String(), Path: d.Path})
		}
	}
	return applySuppressions(r, fs), cases
}

func isKnown(cs []Checker, id string) bool {
	for _, c := range cs {
		if c.Rule().ID == id {
			return true
		}
	}
	for _, r := range extraRules {
		if r.ID == id {
			return true
		}
	}
	return false
}

// severities returns the effective severity of each rule that is on.
func severities(cs []Checker, cfg workspace.CheckConfig) map[string]finding.Severity {
	out := map[string]finding.Severity{}
	for _, r := range Rules() {
		out[r.ID] = r.Default
	}
	for id, s := range cfg.Severity {
		if s == "off" {
			delete(out, id)
			continue
		}
		if v, err := finding.ParseSeverity(s); err == nil {
			out[id] = v
		}
	}
	return out
}

// UnknownRules returns the rule ids named in the configuration that relloc does not know.
func UnknownRules(cfg workspace.CheckConfig) []string {
	var out []string
	for id := range cfg.Severity {
		if !ruleExists(id) {
			out = append(out, id)
		}
	}
	sort.Strings(out)
	return out
}

func ruleExists(id string) bool {
	for _, r := range Rules() {
		if r.ID == id {
			return true
		}
	}
	return false
}

func ignored(cfg workspace.CheckConfig, p string) bool {
	for _, g := range cfg.Ignore {
		if ok, _ := path.Match(g, p); ok {
			return true
		}
		// A folder pattern ignores everything below it.
		if strings.HasPrefix(p, strings.TrimSuffix(g, "/")+"/") {
			return true
		}
	}
	return false
}

// extraRules are rules whose findings come from outside the release checkers (message catalogues).
var extraRules []finding.Rule

// registered are checkers added by other files of this package or by RegisterChecker.
var registered []Checker

// RegisterChecker adds a rule to every run. Call it from an init function.
func RegisterChecker(c Checker) { registered = append(registered, c) }

// RegisterRule declares a rule whose findings reach Run through Input.Extra, so that its severity can be
// configured and it is described in SARIF output. Call it from an init function.
func RegisterRule(r finding.Rule) { extraRules = append(extraRules, r) }

// Rules returns every rule relloc knows, sorted by id.
func Rules() []finding.Rule {
	var out []finding.Rule
	for _, c := range Checkers() {
		out = append(out, c.Rule())
	}
	out = append(out, badSuppressionRule)
	out = append(out, extraRules...)
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out
}

// Checkers returns a new instance of every rule.
func Checkers() []Checker {
	return append([]Checker{
		glossaryMissing{}, glossaryCount{}, glossaryForbidden{}, glossaryVariant{},
		numberMismatch{},
		segmentMissing{}, segmentExtra{}, missingTranslation{}, alignTooLarge{},
		untranslated{},
		markupMismatch{},
		punctuation{},
		khmerEncoding{},
		width{},
	}, registered...)
}

// onSide builds a finding located on a segment side of a target language, pointing back at the English.
func onSide(c *Context, seg *bitext.Segment, lang language.Tag, side *bitext.Side, start, end int) finding.Finding {
	f := finding.Finding{Path: side.Doc.Path, Lang: lang.String(), Release: c.Release.ID}
	if seg != nil {
		f.Segment = seg.ID
		if src := seg.Side(c.Source); src != nil && lang != c.Source {
			f.SourcePath = src.Doc.Path
			f.SourceLine, _ = src.Position()
		}
	}
	f.Line, f.Column = side.Doc.TextPosition(side.Block, start)
	f.EndLine, f.EndColumn = side.Doc.TextPosition(side.Block, end)
	return f
}

// onWholeSide locates a finding on the whole side.
func onWholeSide(c *Context, seg *bitext.Segment, lang language.Tag, side *bitext.Side) finding.Finding {
	return onSide(c, seg, lang, side, side.Start, side.End)
}

// codePoints shows a string with its code points: "ឯកឧត្ដម (U+17AF U+1780 ...)".
func codePoints(s string) string {
	var b strings.Builder
	b.WriteString(s)
	b.WriteString(" (")
	i := 0
	for _, r := range s {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "U+%04X", r)
		i++
	}
	b.WriteString(")")
	return b.String()
}
