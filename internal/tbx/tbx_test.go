package tbx

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/glossedit"
	"github.com/relloc/relloc/internal/inputerr"
	"github.com/relloc/relloc/internal/testenv"
)

var opt = Options{Source: language.English, Targets: []language.Tag{language.Khmer, language.Japanese}}

func seed(t *testing.T) *glossary.Glossary {
	g, err := glossary.Load(filepath.Join(testenv.RepoRoot(t), "glossary"), glossary.Options{Targets: opt.Targets}, filepath.Base)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// extra has what the seed lacks: an id that is not an XML name, a language table with nothing in it, forbidden
// forms under an omit policy, markup characters and a multi-line note.
const extra = `[[entry]]
id = "5g"
category = "concept"
note = "Line one <b> & \"two\"\nline three"
[entry.en]
term = "5G & more"
[entry.km]
[entry.ja]
policy = "omit"
forbidden = ["ファイブジー"]
`

func entries(t *testing.T) []*glossary.Entry {
	g := seed(t)
	x, err := glossary.Parse([]glossary.File{{Path: "extra.toml", Data: []byte(extra)}}, glossary.Options{Targets: opt.Targets})
	if err != nil {
		t.Fatal(err)
	}
	return append(append([]*glossary.Entry(nil), g.Entries...), x.Entries...)
}

// TestRoundTrip writes the seed glossary, an entry with what the seed lacks and an entry carrying term-base
// data in both dialects and reads them back: nothing may change.
func TestRoundTrip(t *testing.T) {
	in := append(entries(t), foreignEntry(t))
	for _, d := range []Dialect{TBX2008, TBXv3} {
		o := opt
		o.Dialect = d
		var buf bytes.Buffer
		if err := Write(&buf, in, o); err != nil {
			t.Fatal(err)
		}
		out, err := Read("seed.tbx", buf.Bytes(), o)
		if err != nil {
			t.Fatalf("dialect %d: %v\n%s", d, err, buf.String())
		}
		if len(out) != len(in) {
			t.Fatalf("dialect %d: got %d entries back, want %d", d, len(out), len(in))
		}
		for i := range in {
			if !glossedit.Equal(in[i], out[i].Entry) {
				t.Errorf("dialect %d: entry %s differs after the round trip\ngot:  %+v\nwant: %+v", d, in[i].ID, out[i].Entry, in[i])
			}
		}
	}
}

// foreign is a TBX-Basic v3 file as a ministry's term base might hold it: region subtags, a language outside
// the workspace, a definition, a context, part of speech, a superseded form, a term note and a cross-reference.
const foreign = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en-US" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>term base</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c-0412">
      <descrip type="subjectField">office</descrip>
      <descrip type="definition">The member of a government who ranks next to the head of government.</descrip>
      <note>Cambodia has several deputy prime ministers at once.</note>
      <xref type="externalCrossReference" target="https://www.mfaic.gov.kh/">MFAIC</xref>
      <langSec xml:lang="en-US">
        <termSec><term>Deputy Prime Minister</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote><termNote type="partOfSpeech">noun</termNote>
          <descrip type="context">The Deputy Prime Minister received the Ambassador of Japan.</descrip></termSec>
      </langSec>
      <langSec xml:lang="km-KH">
        <termSec><term>ឧបនាយករដ្ឋមន្ត្រី</term><termNote type="termType">fullForm</termNote></termSec>
      </langSec>
      <langSec xml:lang="ja-JP">
        <termSec><term>副首相</term></termSec>
        <termSec><term>副総理</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote><note>Japan's own deputy prime minister only.</note></termSec>
      </langSec>
      <langSec xml:lang="fr">
        <termSec><term>vice-Premier ministre</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>`

func foreignEntry(t *testing.T) *glossary.Entry {
	t.Helper()
	es, err := Read("foreign.tbx", []byte(foreign), opt)
	if err != nil {
		t.Fatal(err)
	}
	return es[0].Entry
}

// TestReadForeignV3 folds region subtags, keeps the French langSec and every data category in the entry's
// data, and warns about what it had to decide.
func TestReadForeignV3(t *testing.T) {
	var warns []string
	o := opt
	o.Warn = func(e *inputerr.Error) { warns = append(warns, e.Error()) }
	es, err := Read("foreign.tbx", []byte(foreign), o)
	if err != nil {
		t.Fatal(err)
	}
	e := es[0].Entry
	ja := e.Target(language.Japanese)
	got := fmt.Sprintf("%s|%s|%s|%s|%s|%v", e.ID, e.EN.Term, e.Target(language.Khmer).Term, ja.Term, ja.Forbidden, e.Note)
	if want := "c-0412|Deputy Prime Minister|ឧបនាយករដ្ឋមន្ត្រី|副首相|[副総理]|Cambodia has several deputy prime ministers at once."; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	var data []string
	for _, d := range e.Data {
		data = append(data, fmt.Sprintf("%s/%s/%s/%s=%s", d.Lang, d.Term, d.Element, d.Type, d.Value))
	}
	want := []string{
		"//descrip/definition=The member of a government who ranks next to the head of government.",
		"//xref/externalCrossReference=https://www.mfaic.gov.kh/",
		"en/Deputy Prime Minister/termNote/partOfSpeech=noun",
		"en/Deputy Prime Minister/descrip/context=The Deputy Prime Minister received the Ambassador of Japan.",
		"km/ឧបនាយករដ្ឋមន្ត្រី/termNote/termType=fullForm",
		"ja/副総理/note/=Japan's own deputy prime minister only.",
		"ja/副総理/termNote/administrativeStatus=supersededTerm-admn-sts",
		"fr//term/=vice-Premier ministre",
		"fr/vice-Premier ministre/termNote/administrativeStatus=preferredTerm-admn-sts",
	}
	if g, w := strings.Join(data, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("data:\ngot:\n%s\nwant:\n%s", g, w)
	}
	if len(warns) != 1 || !strings.Contains(warns[0], `foreign.tbx:21:7: langSec xml:lang "fr" is not a language of the workspace`) {
		t.Errorf("warnings: got %q, want one about fr at 21:7", warns)
	}
	// Exported again, the superseded form stays superseded and the French langSec comes back.
	var buf bytes.Buffer
	if err := Write(&buf, []*glossary.Entry{e}, opt); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"<term>副総理</term>\n            <termNote type=\"administrativeStatus\">supersededTerm-admn-sts</termNote>\n            <note>Japan&#39;s own deputy prime minister only.</note>",
		"<langSet xml:lang=\"fr\">\n          <tig>\n            <term>vice-Premier ministre</term>\n            <termNote type=\"administrativeStatus\">preferredTerm-admn-sts</termNote>",
		"<descrip type=\"definition\">The member of a government",
	} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("export lacks %q:\n%s", want, buf.String())
		}
	}
}

// TestRead2008 reads TBX 2008 as Translate Toolkit's csv2tbx writes it (no ids, no subjectField, the target
// language as "xx") and as a TBX-Basic 2008 tool writes it (ntig with termGrp).
func TestRead2008(t *testing.T) {
	csv2tbx := `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif PUBLIC "ISO 12200:1999A//DTD MARTIF core (DXFcdV04)//EN" "TBXcdv04.dtd">
<martif type="TBX" xml:lang="en">
    <martifHeader><fileDesc><sourceDesc><p>Translate Toolkit</p></sourceDesc></fileDesc></martifHeader>
    <text>
        <body>
            <termEntry id="Deputy Prime Minister">
                <langSet xml:lang="en"><tig><term>Deputy Prime Minister</term></tig></langSet>
                <langSet xml:lang="xx"><tig><term>副首相</term></tig></langSet>
            </termEntry>
        </body>
    </text>
</martif>`
	var warns []string
	o := opt
	o.LangMap = map[string]language.Tag{"xx": language.Japanese}
	o.Warn = func(e *inputerr.Error) { warns = append(warns, e.Error()) }
	es, err := Read("tt.tbx", []byte(csv2tbx), o)
	if err != nil {
		t.Fatal(err)
	}
	e := es[0]
	got := fmt.Sprintf("%s|%s|%s|%s|category given: %v", e.Entry.ID, e.Entry.Category, e.Entry.EN.Term, e.Entry.Target(language.Japanese).Term, e.Given[glossedit.FieldCategory])
	if want := "deputy-prime-minister|concept|Deputy Prime Minister|副首相|category given: false"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if w := strings.Join(warns, "\n"); !strings.Contains(w, `tt.tbx:7:13: conceptEntry id "Deputy Prime Minister": read as "deputy-prime-minister"`) ||
		!strings.Contains(w, `has no subjectField: category concept`) {
		t.Errorf("warnings: got\n%s", w)
	}

	ntig := `<martif type="TBX-Basic" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
<text><body><termEntry id="phnom-penh"><descripGrp><descrip type="subjectField">place</descrip></descripGrp>
<langSet xml:lang="en"><ntig><termGrp><term>Phnom Penh</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termGrp></ntig></langSet>
<langSet xml:lang="km"><ntig><termGrp><term>ភ្នំពេញ</term></termGrp></ntig></langSet>
<langSet xml:lang="ja"><tig><term>プノンペン</term></tig></langSet>
</termEntry></body></text></martif>`
	es, err = Read("ntig.tbx", []byte(ntig), opt)
	if err != nil {
		t.Fatal(err)
	}
	x := es[0].Entry
	if got := fmt.Sprintf("%s|%s|%s|%s", x.Category, x.EN.Term, x.Target(language.Khmer).Term, x.Target(language.Japanese).Term); got != "place|Phnom Penh|ភ្នំពេញ|プノンペン" {
		t.Errorf("ntig: got %s", got)
	}
}

// TestValidates runs ../shared/schemas/validate.sh tbx on the export: TBX v3 core RNG, TBX-Basic RNG and the
// TBX-Basic DCA Schematron.
func TestValidates(t *testing.T) {
	script := testenv.Shared(t, "schemas", "validate.sh")
	if _, err := exec.LookPath("jing"); err != nil {
		t.Skip("jing is not installed (../shared/schemas/install-validators.sh)")
	}
	var buf bytes.Buffer
	o := opt
	o.Dialect = TBXv3 // the schemas are those of TBX v3; there is none for TBX 2008 to validate against
	if err := Write(&buf, append(entries(t), foreignEntry(t)), o); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "seed.tbx")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("bash", script, "tbx", file).CombinedOutput()
	if err != nil {
		t.Fatalf("validate.sh tbx: %v\n%s", err, out)
	}
	t.Logf("%s", out)
}

func TestReadForeign(t *testing.T) {
	// As another tool may write it: no administrativeStatus, a definition, a superseded form, inline markup.
	in := `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>CAT tool</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="summit">
      <descrip type="subjectField">event</descrip>
      <descrip type="definition">A meeting of leaders.</descrip>
      <langSec xml:lang="en">
        <termSec><term>Summit</term><termNote type="partOfSpeech">noun</termNote></termSec>
        <termSec><term>summit meeting</term></termSec>
      </langSec>
      <langSec xml:lang="ja">
        <termSec><term>首脳会議</term></termSec>
        <termSec><term>サミット<hi type="bold"></hi></term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>`
	es, err := Read("cat.tbx", []byte(in), opt)
	if err != nil {
		t.Fatal(err)
	}
	e := es[0].Entry
	ja := e.Targets[language.Japanese]
	got := e.EN.Term + "|" + strings.Join(e.EN.Variants, ",") + "|" + ja.Term + "|" + strings.Join(ja.Forbidden, ",")
	if want := "Summit|summit meeting|首脳会議|サミット"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestReadErrors(t *testing.T) {
	wrap := func(body string) string {
		return `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
` + body + `
  </body></text>
</tbx>`
	}
	en := `<langSec xml:lang="en"><termSec><term>X</term></termSec></langSec>`
	tests := []struct {
		name, in string
		want     string
	}{
		{"not well-formed", wrap(`<conceptEntry id="x"><descrip type="subjectField">place</descrip>` + en), `g.tbx:6:3: malformed XML: element <conceptEntry> closed by </body>`},
		{"not TBX", `<tmx version="1.4"><body/></tmx>`, `g.tbx:1:1: document element is {}tmx; expected {urn:iso:std:iso:30042:ed-2}tbx (TBX v3) or martif (TBX 2008)`},
		{"TBX v3 without namespace", `<tbx type="TBX-Basic"><text><body/></text></tbx>`, `g.tbx:1:1: document element is {}tbx`},
		{"no entries", wrap(``), `no conceptEntry`},
		{"no id", wrap(`<conceptEntry><descrip type="subjectField">place</descrip><langSec xml:lang="en"><termSec><term>東京</term></termSec></langSec></conceptEntry>`), `g.tbx:5:1: conceptEntry has no id attribute, and its English term gives none`},
		{"bad category", wrap(`<conceptEntry id="x"><descrip type="subjectField">software</descrip>` + en + `</conceptEntry>`), `g.tbx:5:1: conceptEntry "x": category "software" is not one of`},
		{"no English", wrap(`<conceptEntry id="x"><descrip type="subjectField">place</descrip><langSec xml:lang="ja"><termSec><term>エックス</term></termSec></langSec></conceptEntry>`), `has no langSec xml:lang="en"`},
		{"not a language", wrap(`<conceptEntry id="x"><descrip type="subjectField">place</descrip>` + en + `<langSec xml:lang="d e"><termSec><term>X</term></termSec></langSec></conceptEntry>`), `g.tbx:5:`},
		{"bad status", wrap(`<conceptEntry id="x"><descrip type="subjectField">place</descrip><langSec xml:lang="en"><termSec><term>X</term><termNote type="administrativeStatus">approved</termNote></termSec></langSec></conceptEntry>`), `administrativeStatus "approved"`},
		{"two preferred", wrap(`<conceptEntry id="x"><descrip type="subjectField">place</descrip><langSec xml:lang="en"><termSec><term>X</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec><termSec><term>Y</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec></conceptEntry>`), `a second preferred term "Y"`},
		{"bad policy note", wrap(`<conceptEntry id="x"><descrip type="subjectField">place</descrip><note>relloc:policy ja=never</note>` + en + `</conceptEntry>`), `policy "never"`},
		{"control character", wrap(`<conceptEntry id="x"><descrip type="subjectField">place</descrip>` + en + `<langSec xml:lang="ja"><termSec><term>外務省&#x9b;2J</term></termSec></langSec></conceptEntry>`), `ja.term "外務省\u009b2J" holds a control character`},
		{"duplicate id", wrap(`<conceptEntry id="x"><descrip type="subjectField">place</descrip>` + en + `</conceptEntry>
<conceptEntry id="x"><descrip type="subjectField">place</descrip>` + en + `</conceptEntry>`), `g.tbx:6:1: duplicate conceptEntry id "x" (first at line 5)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("g.tbx", []byte(tt.in), opt)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

func TestWriteEmpty(t *testing.T) {
	if err := Write(&bytes.Buffer{}, nil, opt); err == nil {
		t.Error("an empty glossary was written as TBX")
	}
}

// translateToolkit returns a python that imports Translate Toolkit (Debian's translate-toolkit), or skips.
func translateToolkit(t *testing.T) string {
	t.Helper()
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(py, "-c", "import translate.storage.tbx").Run() == nil {
			return py
		}
	}
	testenv.MissingTool(t, "Translate Toolkit is not installed (apt-get install translate-toolkit)")
	return ""
}

// TestTranslateToolkitReads2008: Translate Toolkit reads relloc's TBX 2008 export of the seed glossary with
// every entry, each with its English term and first target term.
func TestTranslateToolkitReads2008(t *testing.T) {
	py := translateToolkit(t)
	in := entries(t)
	var buf bytes.Buffer
	if err := Write(&buf, in, opt); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "seed.tbx")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(py, "-c", `import sys
from translate.storage import tbx
for u in tbx.tbxfile.parsefile(sys.argv[1]).units:
    print(u.getid() + "\t" + u.source)`, file).CombinedOutput()
	if err != nil {
		t.Fatalf("Translate Toolkit: %v\n%s", err, out)
	}
	var want []string
	for _, e := range in {
		want = append(want, xmlID(e.ID)+"\t"+e.EN.Term)
	}
	if got := strings.TrimSpace(string(out)); got != strings.Join(want, "\n") {
		t.Errorf("Translate Toolkit read:\n%s\nwant:\n%s", got, strings.Join(want, "\n"))
	}
}

// TestTranslateToolkitCSV2TBX: what csv2tbx makes of a two-column glossary imports into relloc.
func TestTranslateToolkitCSV2TBX(t *testing.T) {
	translateToolkit(t)
	csv2tbx, err := exec.LookPath("csv2tbx")
	if err != nil {
		testenv.MissingTool(t, "csv2tbx is not installed (apt-get install translate-toolkit)")
	}
	dir := t.TempDir()
	csv := "location,source,target\n,Deputy Prime Minister,副首相\n,Phnom Penh,プノンペン\n,Ministry of Foreign Affairs,外務省\n"
	if err := os.WriteFile(filepath.Join(dir, "g.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(csv2tbx, "--progress=none", filepath.Join(dir, "g.csv"), filepath.Join(dir, "g.tbx")).CombinedOutput(); err != nil {
		t.Fatalf("csv2tbx: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(dir, "g.tbx"))
	if err != nil {
		t.Fatal(err)
	}
	o := opt
	o.LangMap = map[string]language.Tag{"xx": language.Japanese}
	es, err := Read("g.tbx", data, o)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	var got []string
	for _, e := range es {
		got = append(got, e.Entry.ID+"="+e.Entry.Target(language.Japanese).Term)
	}
	if g, w := strings.Join(got, " "), "deputy-prime-minister=副首相 phnom-penh=プノンペン ministry-of-foreign-affairs=外務省"; g != w {
		t.Errorf("got %s, want %s", g, w)
	}
}
