package srx

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/segment"
	"github.com/relloc/relloc/internal/testenv"
)

// compiled is a language rule with its expressions compiled as an SRX engine applies them: beforebreak must
// match text that ends at the position, afterbreak text that starts there.
type compiled struct {
	brk           bool
	before, after *regexp.Regexp
}

func compile(t *testing.T, lr LanguageRule) []compiled {
	t.Helper()
	var out []compiled
	for _, r := range lr.Rules {
		b, err := regexp.Compile(`(?:` + r.Before + `)$`)
		if err != nil {
			t.Fatalf("%s: beforebreak %q: %v", lr.Name, r.Before, err)
		}
		a, err := regexp.Compile(`^(?:` + r.After + `)`)
		if err != nil {
			t.Fatalf("%s: afterbreak %q: %v", lr.Name, r.After, err)
		}
		out = append(out, compiled{r.Break, b, a})
	}
	return out
}

// split applies rules as SRX does: at each position the first rule that matches decides; no rule, no break.
// Segments are trimmed of white space, as CAT tools show them.
func split(rules []compiled, text string) []string {
	var out []string
	start := 0
	for pos := 1; pos < len(text); pos++ {
		if !utf8.RuneStart(text[pos]) {
			continue
		}
		// Every beforebreak of relloc's rules ends in a terminator, a full stop or a closing quote or bracket:
		// other positions cannot match, and skipping them keeps the test fast.
		if last, _ := utf8.DecodeLastRuneInString(text[:pos]); !strings.ContainsRune(`.!?…"'”’)]}»。｡！？」』）】〕។៕`, last) {
			continue
		}
		// A window around the position is enough (no rule spans 100 bytes) and keeps the test linear.
		before, after := text[max(0, pos-100):pos], text[pos:min(len(text), pos+100)]
		for _, r := range rules {
			if r.before.MatchString(before) && r.after.MatchString(after) {
				if r.brk {
					if s := strings.TrimSpace(text[start:pos]); s != "" {
						out = append(out, s)
					}
					start = pos
				}
				break
			}
		}
	}
	if s := strings.TrimSpace(text[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

func relloc(lang language.Tag, text string) []string {
	var out []string
	for _, sp := range segment.Sentences(lang, text) {
		if s := strings.TrimSpace(text[sp.Start:sp.End]); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// compare splits every text with the SRX rules and with package segment and reports the texts they split
// differently; it returns how many sentences segment found.
func compare(t *testing.T, name string, lr LanguageRule, lang language.Tag, texts []string) int {
	t.Helper()
	rules := compile(t, lr)
	n, bad := 0, 0
	for _, text := range texts {
		want := relloc(lang, text)
		n += len(want)
		if got := split(rules, text); strings.Join(got, "\n") != strings.Join(want, "\n") {
			bad++
			if bad <= 5 {
				t.Errorf("%s: SRX splits\n  %q\ninto\n  %q\nrelloc into\n  %q", name, text, got, want)
			}
		}
	}
	if bad > 5 {
		t.Errorf("%s: %d texts split differently in all", name, bad)
	}
	return n
}

func blocks(t *testing.T, file string, lang language.Tag) []string {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	d, err := release.ParseDocument(file, lang, src)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, b := range d.Blocks {
		out = append(out, b.Text)
	}
	return out
}

// TestSeed: on the seed release the SRX rules split all three languages as relloc does ("H.E. Prak Sokhonn",
// "H.E. HAYASHI Yoshimasa" stay whole): 19 English sentences.
func TestSeed(t *testing.T) {
	dir := filepath.Join(testenv.RepoRoot(t), "releases", "2021-11-18-prak-sokhonn-hayashi-telephone")
	if n := compare(t, "seed en", English(), language.English, blocks(t, filepath.Join(dir, "en.md"), language.English)); n != 19 {
		t.Errorf("seed en: %d sentences, want 19", n)
	}
	compare(t, "seed km", Khmer(), language.Khmer, blocks(t, filepath.Join(dir, "km.md"), language.Khmer))
	compare(t, "seed ja", Japanese(), language.Japanese, blocks(t, filepath.Join(dir, "ja.md"), language.Japanese))
}

// TestCases are the hard cases of package segment's own tests, in the official style.
func TestCases(t *testing.T) {
	compare(t, "en", English(), language.English, []string{
		"H.E. Mr. HAYASHI Yoshimasa met H.E. Prak Sokhonn. The two ministers exchanged views.",
		"The meeting was held at U.N. Headquarters. The U.N. Secretary-General attended.",
		"The document, No. 5 of 2022, was signed. No. The minister declined.",
		"He thanked Prime Minister Hun Sen. Furthermore, he welcomed the visit on Jan. 5 to Phnom Penh.",
		"The Deputy Prime Minister met Sen. Graham in Washington, D.C. The talks lasted an hour.",
		`He said: "We will continue." The delegation left.`,
		`"Will Japan help?" Minister Sokhonn asked. "Is it not?" She continued, "It is."`,
	})
	compare(t, "ja", Japanese(), language.Japanese, []string{
		"林大臣は「日本は支援を継続する。」と述べました。両外相は一致しました。",
		"会談は和やかな雰囲気の中で行われました。今後も連携していくことで一致しました！",
		"「協力を強化したい。」副首相は記者団に語った。「ありがとう。」副首相は謝意を述べた。",
	})
	compare(t, "km", Khmer(), language.Khmer, []string{
		"ឯកឧត្តមបានថ្លែងអំណរគុណ។ ភាគីទាំងពីរបានឯកភាពគ្នា។",
		"កិច្ចសហប្រតិបត្តិការលើវិស័យសេដ្ឋកិច្ច សង្គម ។ល។ ត្រូវបានពិភាក្សា។",
	})
}

// TestCorpora compares the rules with segment on the MOFA readouts and the NTREX-128 English when ../shared
// is present.
func TestCorpora(t *testing.T) {
	corpora := testenv.Shared(t, "corpora")
	var en, ja []string
	rels, _ := filepath.Glob(filepath.Join(corpora, "mofa-en-ja", "releases", "*"))
	for _, r := range rels {
		en = append(en, blocks(t, filepath.Join(r, "en.md"), language.English)...)
		ja = append(ja, blocks(t, filepath.Join(r, "ja.md"), language.Japanese)...)
	}
	f, err := os.Open(filepath.Join(corpora, "ntrex128", "newstest2019-src.eng.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		en = append(en, sc.Text())
	}
	n := compare(t, "corpora en", English(), language.English, en)
	m := compare(t, "mofa ja", Japanese(), language.Japanese, ja)
	t.Logf("%d English and %d Japanese sentences split alike", n, m)
}

// TestWrite: the SRX is well-formed XML with the rules and maps.
func TestWrite(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, Rules()); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<srx xmlns="http://www.lisa.org/srx20" version="2.0">`, `<languagemap languagepattern="(?i)JA.*" languagerulename="relloc Japanese"/>`,
		`H\.E\.|Mr\.`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("SRX lacks %s", want)
		}
	}
	if xmllint, err := exec.LookPath("xmllint"); err == nil {
		cmd := exec.Command(xmllint, "--noout", "-")
		cmd.Stdin = &buf
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("xmllint: %v\n%s", err, out)
		}
	}
}

// TestWriteOmegaT reads OmegaT's segmentation.conf back as java.beans XML and finds every rule of every
// language in order, with its break flag, expressions unchanged by the escaping ("<" and "&" in none today,
// quotes in the English ones).
func TestWriteOmegaT(t *testing.T) {
	rules := append(Rules(), LanguageRule{Name: `x <&> "y"`, Pattern: "(?i)XX.*", Rules: []Rule{{true, `a<b&c"`, ``}}})
	var buf bytes.Buffer
	if err := WriteOmegaT(&buf, rules); err != nil {
		t.Fatal(err)
	}
	// <void property="p"><string>v</string></void> and <void property="breakRule"><boolean>b</boolean></void>
	type void struct {
		Property string  `xml:"property,attr"`
		Method   string  `xml:"method,attr"`
		String   *string `xml:"string"`
		Boolean  *bool   `xml:"boolean"`
		Object   *struct {
			Class string `xml:"class,attr"`
			Voids []struct {
				Property string  `xml:"property,attr"`
				String   *string `xml:"string"`
				Boolean  *bool   `xml:"boolean"`
				List     *struct {
					Adds []struct {
						Rule struct {
							Class string `xml:"class,attr"`
							Voids []struct {
								Property string  `xml:"property,attr"`
								String   *string `xml:"string"`
								Boolean  *bool   `xml:"boolean"`
							} `xml:"void"`
						} `xml:"object"`
					} `xml:"void"`
				} `xml:"object"`
			} `xml:"void"`
		} `xml:"object"`
	}
	var doc struct {
		XMLName xml.Name `xml:"java"`
		Object  struct {
			Class string `xml:"class,attr"`
			Voids []struct {
				Property string  `xml:"property,attr"`
				String   *string `xml:"string"`
				Adds     []void  `xml:"void"`
			} `xml:"void"`
		} `xml:"object"`
	}
	if err := xml.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("segmentation.conf is not XML: %v\n%s", err, buf.String())
	}
	if doc.Object.Class != "org.omegat.core.segmentation.SRX" || len(doc.Object.Voids) != 2 ||
		doc.Object.Voids[0].Property != "mappingRules" || doc.Object.Voids[1].Property != "version" || *doc.Object.Voids[1].String != "0.2.2" {
		t.Fatalf("not an OmegaT SRX of version 0.2.2:\n%s", buf.String())
	}
	var got []LanguageRule
	for _, add := range doc.Object.Voids[0].Adds {
		lr := LanguageRule{}
		for _, v := range add.Object.Voids {
			switch v.Property {
			case "language":
				lr.Name = *v.String
			case "pattern":
				lr.Pattern = *v.String
			case "rules":
				for _, a := range v.List.Adds {
					var r Rule
					for _, rv := range a.Rule.Voids {
						switch rv.Property {
						case "beforebreak":
							r.Before = *rv.String
						case "afterbreak":
							r.After = *rv.String
						case "breakRule":
							r.Break = *rv.Boolean
						}
					}
					lr.Rules = append(lr.Rules, r)
				}
			}
		}
		got = append(got, lr)
	}
	if !reflect.DeepEqual(got, rules) {
		t.Errorf("segmentation.conf reads back as\n%#v\nwant\n%#v", got, rules)
	}
}
