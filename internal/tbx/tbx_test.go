package tbx

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/glossedit"
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

func TestRoundTrip(t *testing.T) {
	in := entries(t)
	var buf bytes.Buffer
	if err := Write(&buf, in, opt); err != nil {
		t.Fatal(err)
	}
	out, err := Read("seed.tbx", buf.Bytes(), opt)
	if err != nil {
		t.Fatalf("%v\n%s", err, buf.String())
	}
	if len(out) != len(in) {
		t.Fatalf("got %d entries back, want %d", len(out), len(in))
	}
	for i := range in {
		if !glossedit.Equal(in[i], out[i].Entry) {
			t.Errorf("entry %s differs after the round trip\ngot:  %+v\nwant: %+v", in[i].ID, out[i].Entry, in[i])
		}
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
	if err := Write(&buf, entries(t), opt); err != nil {
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
		{"TBX v2", `<martif type="TBX"><text><body/></text></martif>`, `g.tbx:1:1: document element is {}martif`},
		{"no entries", wrap(``), `no conceptEntry`},
		{"no id", wrap(`<conceptEntry><descrip type="subjectField">place</descrip>` + en + `</conceptEntry>`), `g.tbx:5:1: conceptEntry has no id attribute`},
		{"no category", wrap(`<conceptEntry id="x">` + en + `</conceptEntry>`), `g.tbx:5:1: conceptEntry "x" has no descrip type="subjectField"`},
		{"bad category", wrap(`<conceptEntry id="x"><descrip type="subjectField">software</descrip>` + en + `</conceptEntry>`), `g.tbx:5:1: conceptEntry "x": category "software" is not one of`},
		{"no English", wrap(`<conceptEntry id="x"><descrip type="subjectField">place</descrip><langSec xml:lang="ja"><termSec><term>エックス</term></termSec></langSec></conceptEntry>`), `has no langSec xml:lang="en"`},
		{"unknown language", wrap(`<conceptEntry id="x"><descrip type="subjectField">place</descrip>` + en + `<langSec xml:lang="de"><termSec><term>X</term></termSec></langSec></conceptEntry>`), `g.tbx:5:`},
		{"bad status", wrap(`<conceptEntry id="x"><descrip type="subjectField">place</descrip><langSec xml:lang="en"><termSec><term>X</term><termNote type="administrativeStatus">approved</termNote></termSec></langSec></conceptEntry>`), `administrativeStatus "approved"`},
		{"two preferred", wrap(`<conceptEntry id="x"><descrip type="subjectField">place</descrip><langSec xml:lang="en"><termSec><term>X</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec><termSec><term>Y</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec></conceptEntry>`), `a second preferred term "Y"`},
		{"bad policy note", wrap(`<conceptEntry id="x"><descrip type="subjectField">place</descrip><note>relloc:policy ja=never</note>` + en + `</conceptEntry>`), `policy "never"`},
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
