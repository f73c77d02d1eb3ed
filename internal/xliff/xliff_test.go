package xliff

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/bitext"
	"github.com/relloc/relloc/internal/draft"
	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/inputerr"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/testenv"
	"github.com/relloc/relloc/internal/ui"
)

var targets = []language.Tag{language.Khmer, language.Japanese}

const seedID = "2021-11-18-prak-sokhonn-hayashi-telephone"

// seed aligns the repository's seed release.
func seed(t *testing.T) (*bitext.Bitext, *glossary.Glossary) {
	t.Helper()
	root := testenv.RepoRoot(t)
	g, err := glossary.Load(filepath.Join(root, "glossary"), glossary.Options{Targets: targets}, filepath.Base)
	if err != nil {
		t.Fatal(err)
	}
	rel := func(p string) string { r, _ := filepath.Rel(root, p); return filepath.ToSlash(r) }
	r, err := release.Load(root, filepath.Join(root, "releases", seedID), language.English, append([]language.Tag{language.English}, targets...), rel)
	if err != nil {
		t.Fatal(err)
	}
	anchors := bitext.NewAnchors(g, language.English, append([]language.Tag{language.English}, targets...))
	return bitext.Align(r, language.English, targets, anchors), g
}

// TestRoundTrip exports the seed's translations as XLIFF 1.2 and 2.1, reads them back and applies them: the
// translation files must come back byte for byte, every unit unchanged.
func TestRoundTrip(t *testing.T) {
	bt, g := seed(t)
	for _, lang := range targets {
		d := Export(bt, lang, GlossaryNotes(g, bitext.NewAnchors(g, language.English, []language.Tag{language.English}), language.English, lang))
		if len(d.Units) != 19 {
			t.Fatalf("%s: %d units, want 19", lang, len(d.Units))
		}
		for _, v := range []Version{V12, V21} {
			var buf bytes.Buffer
			if err := Write(&buf, d, v); err != nil {
				t.Fatal(err)
			}
			back, err := Read("seed.xlf", buf.Bytes())
			if err != nil {
				t.Fatalf("%s %s: %v\n%s", lang, v, err, buf.String())
			}
			res, err := Apply(bt, lang, back, "seed.xlf")
			if err != nil {
				t.Fatalf("%s %s: %v", lang, v, err)
			}
			if res.Unchanged != 19 || len(res.Changed) != 0 || len(res.Unplaced) != 0 {
				t.Errorf("%s %s: unchanged %d, changed %v, unplaced %v; want 19 unchanged", lang, v, res.Unchanged, res.Changed, res.Unplaced)
			}
			if want := bt.Release.Doc(lang).Source; !bytes.Equal(res.Data, want) {
				t.Errorf("%s %s: the file changed", lang, v)
			}
		}
	}
}

func TestExportCodesAndNotes(t *testing.T) {
	bt, g := seed(t)
	d := Export(bt, language.Japanese, GlossaryNotes(g, bitext.NewAnchors(g, language.English, []language.Tag{language.English}), language.English, language.Japanese))
	var buf bytes.Buffer
	if err := Write(&buf, d, V12); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		`<trans-unit id="b1.s1" xml:space="preserve">`,
		`<source><g id="1" ctype="bold">KINGDOM OF CAMBODIA</g><x id="2" ctype="lb"/><g id="3" ctype="bold">NATION RELIGION KING</g></source>`,
		`<target state="translated"><g id="1" ctype="bold">カンボジア王国</g><x id="2" ctype="lb"/><g id="3" ctype="bold">国家・宗教・国王</g></target>`,
		`70<g id="1" ctype="x-sup">th</g> anniversary`,
		`<note from="relloc" annotates="source">glossary deputy-prime-minister: Deputy Prime Minister = 副首相; forbidden: 副総理</note>`,
		`<g id="1" ctype="italic">Five-point Consensus</g>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("XLIFF 1.2 lacks %s", want)
		}
	}
	buf.Reset()
	if err := Write(&buf, d, V21); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="ja">`,
		`<source xml:space="preserve"><pc id="1" type="fmt" subType="xlf:b">KINGDOM OF CAMBODIA</pc><ph id="2" type="fmt" subType="xlf:lb"/>`,
		`<segment state="translated">`,
	} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("XLIFF 2.1 lacks %s", want)
		}
	}
}

// TestApplyChanges writes a changed translation with markup back: only that segment's text changes in ja.md,
// the front matter and the other segments stay.
func TestApplyChanges(t *testing.T) {
	bt, _ := seed(t)
	d := Export(bt, language.Japanese, nil)
	var changed *Unit
	for i := range d.Units {
		switch d.Units[i].ID {
		case "b8.s2": // the 70th anniversary: 70周年
			changed = &d.Units[i]
		}
	}
	if changed == nil {
		t.Fatal("no unit b8.s2")
	}
	old := changed.Target.Plain()
	changed.Target = Content{{Text: "両外相は、"}, {Code: &InlineCode{ID: "9", Kind: Strong, Role: Open}}, {Text: "二国間協力"}, {Code: &InlineCode{ID: "9", Kind: Strong, Role: Close}}, {Text: "について意見交換を行いました。"}}
	res, err := Apply(bt, language.Japanese, d, "ja.xlf")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Changed) != 1 || res.Unchanged != 18 {
		t.Fatalf("changed %v, unchanged %d; want b8.s2 and 18", res.Changed, res.Unchanged)
	}
	src := string(bt.Release.Doc(language.Japanese).Source)
	want := strings.Replace(src, old, "両外相は、**二国間協力**について意見交換を行いました。", 1)
	if string(res.Data) != want {
		t.Errorf("got:\n%s\nwant:\n%s", res.Data, want)
	}
}

// TestApplyRefusesChangedEnglish: a unit whose source is not the English names itself, and nothing is written.
func TestApplyRefusesChangedEnglish(t *testing.T) {
	bt, _ := seed(t)
	d := Export(bt, language.Japanese, nil)
	d.Units[6].Source = Content{{Text: "On 19 November 2021"}}
	_, err := Apply(bt, language.Japanese, d, "ja.xlf")
	me, ok := err.(*MismatchError)
	if !ok || len(me.Units) != 1 || !strings.HasPrefix(me.Units[0], d.Units[6].ID+": the source is \"On 19 November 2021\"") {
		t.Errorf("got %v, want a MismatchError naming %s", err, d.Units[6].ID)
	}
}

// poUnits is the seed's Japanese as Translate Toolkit's po2xliff writes it back from xliff2po's PO: units
// numbered from 3 (1 and 2 were the PO file and its header) at lines 10, 14, …, plain text without inline
// codes, a line break's words joined ("KINGDOM OF CAMBODIANATION RELIGION KING").
func poUnits(t *testing.T) (*bitext.Bitext, *Document) {
	bt, _ := seed(t)
	d := Export(bt, language.Japanese, nil)
	po := &Document{SourceLang: "en-US"}
	for i, u := range d.Units {
		plain := func(c Content) Content { return Content{{Text: strings.ReplaceAll(c.Plain(), "\n", "")}} }
		po.Units = append(po.Units, Unit{ID: strconv.Itoa(i + 3), Source: plain(u.Source), Target: plain(u.Target), State: New, Line: 10 + 4*i, Column: 7})
	}
	return bt, po
}

// TestApplyBySource: units whose ids are no segments of the release are placed by their source; a target that
// only lost its inline codes is unchanged, and a changed one is written (as plain text: its codes are gone).
func TestApplyBySource(t *testing.T) {
	bt, po := poUnits(t)
	res, err := Apply(bt, language.Japanese, po, "ja.xlf")
	if err != nil {
		t.Fatal(err)
	}
	if res.Unchanged != 19 || len(res.Changed) != 0 {
		t.Fatalf("unchanged %d, changed %v; want 19 unchanged", res.Unchanged, res.Changed)
	}
	po.Units[2].Target = Content{{Text: "プレスリリース"}}       // b3.s1, 報道発表, a heading without codes
	po.Units[1].Target = Content{{Text: "カンボジア外務・国際協力省"}} // b2.s1, bold with a line break
	res, err = Apply(bt, language.Japanese, po, "ja.xlf")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(res.Changed, " ") + "|" + strings.Join(res.CodesDropped, " "); got != "b2.s1 b3.s1|b2.s1" || res.Unchanged != 17 {
		t.Fatalf("changed|codes dropped: got %s and %d unchanged, want b2.s1 b3.s1|b2.s1 and 17", got, res.Unchanged)
	}
	src := string(bt.Release.Doc(language.Japanese).Source)
	for _, want := range []string{"\n# プレスリリース\n", "\nカンボジア外務・国際協力省\n"} {
		if !strings.Contains(string(res.Data), want) {
			t.Errorf("ja.md lacks %q:\n%s", want, res.Data)
		}
	}
	if strings.Contains(string(res.Data), "報道発表") || len(res.Data) == len(src) {
		t.Errorf("ja.md kept the old heading:\n%s", res.Data)
	}
}

// TestApplyUnplaced: a unit with an unknown id is an error at its line when no English sentence, or several,
// read as its source, or when it claims a segment that another unit has; nothing is written.
func TestApplyUnplaced(t *testing.T) {
	bt, po := poUnits(t)
	po.Units[4].Source = Content{{Text: "On 19 November 2021"}}
	po.Units[6].Source = po.Units[5].Source
	_, err := Apply(bt, language.Japanese, po, "ja.xlf")
	want := `ja.xlf:26:7: unit "7" is no segment of releases/` + seedID + `, and no English sentence of it reads "On 19 November 2021"` + "\n" +
		`ja.xlf:34:7: unit "9" is segment b6.s1, which unit "8" is already`
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}

	en := "+++\nid = \"2023-05-16-visit\"\ndate = 2023-05-16\n+++\n\nThank you.\n\nThe Minister spoke.\n\nThank you.\n"
	ja := "+++\nid = \"2023-05-16-visit\"\ndate = 2023-05-16\n+++\n\nありがとうございます。\n\n大臣が発言しました。\n\nありがとうございます。\n"
	r, err := release.Parse("releases/2023-05-16-visit", language.English, []release.File{
		{Path: "releases/2023-05-16-visit/en.md", Lang: language.English, Data: []byte(en)},
		{Path: "releases/2023-05-16-visit/ja.md", Lang: language.Japanese, Data: []byte(ja)},
	})
	if err != nil {
		t.Fatal(err)
	}
	langs := []language.Tag{language.English, language.Japanese}
	bt = bitext.Align(r, language.English, []language.Tag{language.Japanese}, bitext.NewAnchors(glossary.New(nil), language.English, langs))
	d := &Document{Units: []Unit{{ID: "3", Source: Content{{Text: "Thank you."}}, Target: Content{{Text: "感謝します。"}}, Line: 5, Column: 3}}}
	_, err = Apply(bt, language.Japanese, d, "po.xlf")
	if want := `po.xlf:5:3: unit "3" is no segment of releases/2023-05-16-visit, and its source is the English of 2 segments (b1.s1, b3.s1): give the unit one of these ids`; err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}

func TestReadOtherTools(t *testing.T) {
	// As tools write XLIFF 1.2: bpt/ept native codes, mrk, a group, a target language with a region.
	in := `<?xml version="1.0"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
 <file original="releases/x/en.md" source-language="en-US" target-language="ja-JP" datatype="plaintext">
  <body><group id="g1">
   <trans-unit id="b8.s1"><source>the 70<bpt id="1">&lt;sup&gt;</bpt>th<ept id="1">&lt;/sup&gt;</ept> anniversary</source>
    <target state="needs-review-translation"><mrk mtype="seg" mid="1">70<bpt id="1">&lt;sup&gt;</bpt>周年<ept id="1">&lt;/sup&gt;</ept></mrk></target></trans-unit>
  </group></body>
 </file>
</xliff>`
	d, err := Read("tt.xlf", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	u := d.Units[0]
	if got := u.Source.Plain() + "|" + u.Target.Plain() + "|" + string(u.State) + "|" + d.TargetLang; got != "the 70th anniversary|70周年|stale|ja-JP" {
		t.Errorf("got %s", got)
	}
	// Translate Toolkit's po2xliff: XLIFF 1.1, the PO header as a unit of its own, no target-language.
	in = `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:1.1" version="1.1">
  <file original="ja.po" source-language="en-US" datatype="plaintext">
    <body>
      <trans-unit xml:space="preserve" id="2" approved="no" restype="x-gettext-domain-header"><source>Project-Id-Version: PACKAGE VERSION
</source><target state="translated">Project-Id-Version: PACKAGE VERSION
</target></trans-unit>
      <trans-unit xml:space="preserve" id="3" approved="no"><source>PRESS RELEASE</source>
        <target state="needs-translation">報道発表</target></trans-unit>
    </body>
  </file>
</xliff>`
	d, err = Read("po.xlf", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Units) != 1 || d.TargetLang != "" {
		t.Fatalf("po2xliff: got %+v, want one unit and no target language", d)
	}
	if u := d.Units[0]; u.ID != "3" || u.Line != 8 || u.Column != 7 || u.Target.Plain() != "報道発表" {
		t.Errorf("po2xliff: got unit %s at %d:%d with %q, want 3 at 8:7 with 報道発表", u.ID, u.Line, u.Column, u.Target.Plain())
	}
	if _, err := Read("bad.xlf", []byte(`<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file><body><trans-unit><source>x</source></trans-unit></body></file></xliff>`)); err == nil || !strings.Contains(err.Error(), "bad.xlf:1:") {
		t.Errorf("unit without id: got %v", err)
	}
}

// TestValidates checks both versions with ../shared/schemas/validate.sh (XLIFF 1.2 strict XSD, XLIFF 2.1 NVDL).
func TestValidates(t *testing.T) {
	script := testenv.Shared(t, "schemas", "validate.sh")
	bt, g := seed(t)
	d := Export(bt, language.Khmer, GlossaryNotes(g, bitext.NewAnchors(g, language.English, []language.Tag{language.English}), language.English, language.Khmer))
	for v, format := range map[Version]string{V12: "xliff12", V21: "xliff21"} {
		var buf bytes.Buffer
		if err := Write(&buf, d, v); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(t.TempDir(), "seed.xlf")
		if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command("bash", script, format, file)
		out, err := cmd.CombinedOutput()
		if cmd.ProcessState != nil && cmd.ProcessState.ExitCode() == 2 {
			testenv.MissingTool(t, "validator missing: %s", out)
		}
		if err != nil {
			t.Errorf("validate.sh %s: %v\n%s", format, err, out)
		}
	}
}

// TestExportStates: a sentence whose English changed since the translation recorded it is exported as
// needs-review-translation (1.2) / initial with subState relloc:stale (2.1); the others keep their state,
// final when the translation is published.
func TestExportStates(t *testing.T) {
	en := "+++\nid = \"2023-05-16-visit\"\ndate = 2023-05-16\n+++\n\n" +
		"The Minister arrived in Tokyo on 16 May 2023. He met the Prime Minister of Japan.\n"
	ja := "+++\nid = \"2023-05-16-visit\"\ndate = 2023-05-16\nstatus = \"published\"\n\n[source]\n" +
		"\"" + draft.Digest("The Minister arrived in Tokyo on 15 May 2023.") + "\" = \"The Minister arrived in Tokyo on 15 May 2023.\"\n" +
		"\"" + draft.Digest("He met the Prime Minister of Japan.") + "\" = \"He met the Prime Minister of Japan.\"\n+++\n\n" +
		"大臣は2023年5月15日に東京に到着しました。日本国総理大臣と会談しました。\n"
	r, err := release.Parse("releases/2023-05-16-visit", language.English, []release.File{
		{Path: "releases/2023-05-16-visit/en.md", Lang: language.English, Data: []byte(en)},
		{Path: "releases/2023-05-16-visit/ja.md", Lang: language.Japanese, Data: []byte(ja)},
	})
	if err != nil {
		t.Fatal(err)
	}
	langs := []language.Tag{language.English, language.Japanese}
	bt := bitext.Align(r, language.English, []language.Tag{language.Japanese}, bitext.NewAnchors(glossary.New(nil), language.English, langs))
	d := Export(bt, language.Japanese, nil)
	var got []string
	for _, u := range d.Units {
		got = append(got, u.ID+"="+string(u.State))
	}
	if g := strings.Join(got, " "); g != "b1.s1=stale b1.s2=final" {
		t.Fatalf("states: got %s, want b1.s1=stale b1.s2=final", g)
	}
	var b12, b21 bytes.Buffer
	if err := Write(&b12, d, V12); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b21, d, V21); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<target state="needs-review-translation">大臣は2023年5月15日に東京に到着しました。</target>`, `<target state="final">`} {
		if !strings.Contains(b12.String(), want) {
			t.Errorf("XLIFF 1.2 lacks %s:\n%s", want, b12.String())
		}
	}
	if !strings.Contains(b21.String(), `<segment state="initial" subState="relloc:stale">`) {
		t.Errorf("XLIFF 2.1 lacks the stale state:\n%s", b21.String())
	}
}

// TestApplyErrorsInReadersLanguage: the errors of Apply that name no line are catalogue messages too, so that
// xliff import says them in Khmer and Japanese; a release without the target's file is one.
func TestApplyErrorsInReadersLanguage(t *testing.T) {
	bt, _ := seed(t)
	d := Export(bt, language.Japanese, nil)
	delete(bt.Release.Docs, language.Japanese)
	_, err := Apply(bt, language.Japanese, d, "ja.xlf")
	var ie *inputerr.Error
	if !errors.As(err, &ie) || ie.ID != "XLIFFNoTranslation" {
		t.Fatalf("got %v; want the input error XLIFFNoTranslation", err)
	}
	for _, c := range []struct {
		lang language.Tag
		want string
	}{
		{language.English, "ja.xlf: the release has no ja translation to write into; draft one first (relloc draft)"},
		{language.Khmer, "ja.xlf: សេចក្តីប្រកាសព័ត៌មាននេះ មិនទាន់មានការបកប្រែជាភាសា ja"},
		{language.Japanese, "ja.xlf: このプレスリリースには書き込み先の ja の訳文がありません。"},
	} {
		if got := ie.In(ui.New(c.lang)); !strings.HasPrefix(got, c.want) {
			t.Errorf("%s: got %q; want it to start with %q", c.lang, got, c.want)
		}
	}
}
