package check

import (
	"bufio"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/scalegen"
	"github.com/relloc/relloc/internal/scalegen/scaleload"
)

var (
	enWords = strings.Fields(`Council Ministry Summit Forum Agency Committee Commission Office Bureau Authority
		Partnership Initiative Framework Dialogue Conference Assembly Secretariat Mission Delegation Programme
		Northern Southern Eastern Western Central Maritime Regional National Joint Special Permanent Economic
		Cultural Security Trade Energy Water Health Education Mekong Pacific Asian Coastal Rural Urban Digital`)
	kmSyllables = strings.Fields("ក្រ សួង កិច្ច ប្រ ជុំ កំ ពូល គណ កម្ម ការ ជាតិ សហ ប្រតិ បត្តិ អន្ត រ ទី ភ្នាក់ ងារ ពាណិជ្ជ សេដ្ឋ កិច្ច វប្ប ធម៌ សន្តិ សុខ ថាមពល ទឹក សុខា ភិបាល អប់រំ មេគង្គ ប៉ាស៊ី ហ្វិក")
	jaParts     = strings.Fields("北部 南部 東部 西部 中央 海洋 地域 国家 合同 特別 常設 経済 文化 安全 貿易 エネルギー 水 保健 教育 メコン 太平洋 アジア 沿岸 農村 都市 デジタル 理事会 委員会 会議 フォーラム 機関 事務局 代表団 計画")
)

// benchGlossary makes n distinct entries: English terms of two or three words, Khmer of three or four
// syllables, Japanese of two or three parts.
func benchGlossary(r *rand.Rand, n int) *glossary.Glossary {
	seen := map[string]bool{}
	var entries []*glossary.Entry
	pick := func(pool []string, k int, sep string) string {
		parts := make([]string, k)
		for i := range parts {
			parts[i] = pool[r.IntN(len(pool))]
		}
		return strings.Join(parts, sep)
	}
	for len(entries) < n {
		en := pick(enWords, 2+r.IntN(2), " ")
		km := pick(kmSyllables, 3+r.IntN(2), "")
		ja := pick(jaParts, 2+r.IntN(2), "")
		if seen[en] || seen[km] || seen[ja] {
			continue
		}
		seen[en], seen[km], seen[ja] = true, true, true
		entries = append(entries, &glossary.Entry{ID: "e" + strconv.Itoa(len(entries)), Category: glossary.Organisation,
			EN: glossary.English{Term: en},
			Targets: map[language.Tag]*glossary.Rendering{
				language.Khmer:    {Term: km, Policy: glossary.Required},
				language.Japanese: {Term: ja, Policy: glossary.Required},
			}})
	}
	return glossary.New(entries)
}

// benchRelease makes a release of 8 paragraphs of 3 sentences, each sentence naming two glossary entries and
// a date, consistently in the three languages.
func benchRelease(r *rand.Rand, id int, g *glossary.Glossary) *release.Release {
	var en, km, ja strings.Builder
	en.WriteString("# Press Release\n\n")
	km.WriteString("# សេចក្តីប្រកាសព័ត៌មាន\n\n")
	ja.WriteString("# 報道発表\n\n")
	kmDigits := strings.NewReplacer("0", "០", "1", "១", "2", "២", "3", "៣", "4", "៤", "5", "៥", "6", "៦", "7", "៧", "8", "៨", "9", "៩")
	for p := 0; p < 8; p++ {
		for s := 0; s < 3; s++ {
			a, b := g.Entries[r.IntN(len(g.Entries))], g.Entries[r.IntN(len(g.Entries))]
			day, year := 1+r.IntN(28), 2000+r.IntN(30)
			fmt.Fprintf(&en, "On %d November %d, the %s met the %s to discuss cooperation. ", day, year, a.EN.Term, b.EN.Term)
			fmt.Fprintf(&km, "នៅថ្ងៃទី%s ខែវិច្ឆិកា ឆ្នាំ%s %s បានជួបជាមួយ%s ដើម្បីពិភាក្សាអំពីកិច្ចសហប្រតិបត្តិការ។ ",
				kmDigits.Replace(strconv.Itoa(day)), kmDigits.Replace(strconv.Itoa(year)), a.Target(language.Khmer).Term, b.Target(language.Khmer).Term)
			fmt.Fprintf(&ja, "%d年11月%d日、%sは%sと協力について協議した。", year, day, a.Target(language.Japanese).Term, b.Target(language.Japanese).Term)
		}
		en.WriteString("\n\n")
		km.WriteString("\n\n")
		ja.WriteString("\n\n")
	}
	dir := fmt.Sprintf("releases/2021-11-%02d-r%04d", 1+id%28, id)
	rel, err := release.Parse(dir, language.English, []release.File{
		{Path: dir + "/en.md", Lang: language.English, Data: []byte(en.String())},
		{Path: dir + "/km.md", Lang: language.Khmer, Data: []byte(km.String())},
		{Path: dir + "/ja.md", Lang: language.Japanese, Data: []byte(ja.String())},
	})
	if err != nil {
		panic(err)
	}
	return rel
}

// BenchmarkCheckWorkspace checks a generated workspace of 1,000 releases (24 sentences in each of three
// languages) against a 5,000-entry glossary. It reports the time of a whole run, findings per run (the
// generated releases are consistent, so any finding is a false positive) and the process's peak resident
// memory (VmHWM, Linux only).
func BenchmarkCheckWorkspace(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	g := benchGlossary(r, 5000)
	rels := make([]*release.Release, 1000)
	for i := range rels {
		rels[i] = benchRelease(r, i, g)
	}
	in := Input{Source: language.English, Targets: []language.Tag{language.Khmer, language.Japanese}, Glossary: g, Releases: rels}
	b.ResetTimer()
	var res Result
	for b.Loop() {
		res = Run(in)
	}
	b.ReportMetric(float64(len(res.Findings)), "findings/op")
	if len(res.Findings) > 0 {
		b.Fatalf("%d findings on a consistent workspace, the first: %+v", len(res.Findings), res.Findings[0])
	}
	if mb := peakRSS(); mb > 0 {
		b.ReportMetric(mb, "peak-RSS-MB")
	}
}

// TestBenchWorkspaceConsistent runs the benchmark's generator at a small scale: its releases are consistent
// with its glossary, so check must find nothing in them.
func TestBenchWorkspaceConsistent(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	g := benchGlossary(r, 300)
	rels := make([]*release.Release, 20)
	for i := range rels {
		rels[i] = benchRelease(r, i, g)
	}
	res := Run(Input{Source: language.English, Targets: []language.Tag{language.Khmer, language.Japanese}, Glossary: g, Releases: rels})
	for _, f := range res.Findings {
		t.Errorf("false positive: %s:%d: %s %s", f.Path, f.Line, f.Rule, f.Message)
	}
}

// peakRSS returns the process's peak resident set size in MiB from /proc/self/status, or 0.
func peakRSS() float64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}

// BenchmarkCheckRelease checks one generated release (24 sentences in each of three languages) against the
// 5,000-entry glossary, its matchers built once, as in a run over an archive: the cost of one release in
// BenchmarkCheckWorkspace, and what relloc check PATH adds to building the glossary's matchers.
func BenchmarkCheckRelease(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	g := benchGlossary(r, 5000)
	rels := []*release.Release{benchRelease(r, 0, g)}
	p := prepare(Input{Source: language.English, Targets: []language.Tag{language.Khmer, language.Japanese}, Glossary: g, Releases: rels})
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		n = 0
		p.stream(releaseSlice(rels), func(o Outcome) { n += len(o.Findings) })
	}
	if n > 0 {
		b.Fatalf("%d findings on a consistent release", n)
	}
}

// BenchmarkCheckScale checks 100 releases of the workspace of make bench-scale (package scalegen: en, km and ja,
// a 5,000-entry glossary), parsed once, as a cold relloc check with the index off checks each release after
// reading it: the per-release cost that a run at 10,000 releases multiplies. Bytes are those of the releases'
// files.
func BenchmarkCheckScale(b *testing.B) {
	in, rels, size := scaleWorkspace(b, 100)
	p := prepare(in)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	n := 0
	for b.Loop() {
		n = 0
		p.stream(releaseSlice(rels), func(o Outcome) { n += len(o.Findings) })
	}
	b.ReportMetric(float64(n), "findings/op")
}

// scaleWorkspace generates a workspace of package scalegen with n releases and parses its glossary and releases.
func scaleWorkspace(b *testing.B, n int) (Input, []*release.Release, int64) {
	b.Helper()
	targets := []language.Tag{language.Khmer, language.Japanese}
	g, rels, size, err := scaleload.Load(scalegen.Config{Releases: n, Entries: 5000, Seed: 1}, targets)
	if err != nil {
		b.Fatal(err)
	}
	return Input{Source: language.English, Targets: targets, Glossary: g}, rels, size
}
