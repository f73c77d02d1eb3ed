package tmx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/relloc/relloc/internal/testenv"
	"github.com/relloc/relloc/internal/tm"
)

var units = []tm.Unit{
	{Release: "2021-11-18-hayashi", Segment: "title", Text: map[string]string{
		"ja": "プラック・ソコン副首相と林外務大臣との電話会談",
		"en": "Telephone Conversation between H.E. Prak Sokhonn & H.E. HAYASHI Yoshimasa",
		"km": "កិច្ចសន្ទនាតាមទូរស័ព្ទរវាង ឯកឧត្តម ប្រាក់ សុខុន និង ឯកឧត្តម ហាយ៉ាស៊ិ យ៉ុស៊ិម៉ាសា",
	}},
	{Release: "2021-11-18-hayashi", Segment: "s2", Text: map[string]string{
		"en": `He said "<thanks>" to Japan's people.`,
		"km": "",
	}},
}

func TestWriteGolden(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, units, "en", "0.1.0"); err != nil {
		t.Fatal(err)
	}
	want := `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx14.dtd">
<tmx version="1.4">
  <header creationtool="relloc" creationtoolversion="0.1.0" segtype="sentence" o-tmf="relloc" adminlang="en" srclang="en" datatype="plaintext"/>
  <body>
    <tu tuid="2021-11-18-hayashi/title">
      <prop type="x-release">2021-11-18-hayashi</prop>
      <prop type="x-segment">title</prop>
      <tuv xml:lang="en"><seg>Telephone Conversation between H.E. Prak Sokhonn &amp; H.E. HAYASHI Yoshimasa</seg></tuv>
      <tuv xml:lang="ja"><seg>プラック・ソコン副首相と林外務大臣との電話会談</seg></tuv>
      <tuv xml:lang="km"><seg>កិច្ចសន្ទនាតាមទូរស័ព្ទរវាង ឯកឧត្តម ប្រាក់ សុខុន និង ឯកឧត្តម ហាយ៉ាស៊ិ យ៉ុស៊ិម៉ាសា</seg></tuv>
    </tu>
    <tu tuid="2021-11-18-hayashi/s2">
      <prop type="x-release">2021-11-18-hayashi</prop>
      <prop type="x-segment">s2</prop>
      <tuv xml:lang="en"><seg>He said &#34;&lt;thanks&gt;&#34; to Japan&#39;s people.</seg></tuv>
    </tu>
  </body>
</tmx>
`
	if got := b.String(); got != want {
		t.Errorf("Write\ngot:\n%s\nwant:\n%s", got, want)
	}
}

// TestWriteRoundTrip reads the output back with encoding/xml: every text
// comes back unchanged, control characters XML forbids as U+FFFD.
func TestWriteRoundTrip(t *testing.T) {
	in := append(append([]tm.Unit{}, units...), tm.Unit{Release: "r", Segment: "ctl", Text: map[string]string{"km": "ក\x01ខ\tគ\nឃ"}})
	var b bytes.Buffer
	if err := Write(&b, in, "km", "dev"); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Header struct {
			SrcLang string `xml:"srclang,attr"`
		} `xml:"header"`
		TUs []struct {
			ID   string `xml:"tuid,attr"`
			TUVs []struct {
				Lang string `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
				Seg  string `xml:"seg"`
			} `xml:"tuv"`
		} `xml:"body>tu"`
	}
	if err := xml.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatalf("output is not XML: %v", err)
	}
	if doc.Header.SrcLang != "km" {
		t.Errorf("srclang: got %q, want km", doc.Header.SrcLang)
	}
	got := map[string]map[string]string{}
	var order []string
	for _, tu := range doc.TUs {
		got[tu.ID] = map[string]string{}
		for _, v := range tu.TUVs {
			got[tu.ID][v.Lang] = v.Seg
			order = append(order, tu.ID+" "+v.Lang)
		}
	}
	want := map[string]map[string]string{
		"2021-11-18-hayashi/title": units[0].Text,
		"2021-11-18-hayashi/s2":    {"en": units[1].Text["en"]},
		"r/ctl":                    {"km": "ក\uFFFDខ\tគ\nឃ"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("read back\ngot:  %q\nwant: %q", got, want)
	}
	wantOrder := []string{"2021-11-18-hayashi/title km", "2021-11-18-hayashi/title en", "2021-11-18-hayashi/title ja", "2021-11-18-hayashi/s2 en", "r/ctl km"}
	if !reflect.DeepEqual(order, wantOrder) {
		t.Errorf("tuv order (source first)\ngot:  %q\nwant: %q", order, wantOrder)
	}
}

func TestWriteErrors(t *testing.T) {
	tests := []struct {
		name   string
		units  []tm.Unit
		source string
		want   string
	}{
		{"bad source", units, "not a tag!", `write tmx: source language "not a tag!": `},
		{"bad language", []tm.Unit{{Release: "r", Segment: "s", Text: map[string]string{"x_y!": "t"}}}, "en", `write tmx: unit r/s: language "x_y!": `},
		{"no text", []tm.Unit{{Release: "r", Segment: "s", Text: map[string]string{"en": ""}}}, "en", "write tmx: unit r/s has no text"},
	}
	for _, tt := range tests {
		var b bytes.Buffer
		err := Write(&b, tt.units, tt.source, "dev")
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("%s: got error %v, want one starting %q", tt.name, err, tt.want)
		}
		if b.Len() != 0 {
			t.Errorf("%s: wrote %d bytes before failing", tt.name, b.Len())
		}
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteWriterError(t *testing.T) {
	err := Write(failWriter{}, units, "en", "dev")
	if err == nil || err.Error() != "write tmx: disk full" {
		t.Errorf("got %v, want write tmx: disk full", err)
	}
}

// TestValidate checks the output against the TMX 1.4b DTD with
// ../shared/schemas/validate.sh; it skips when the validator is unavailable.
func TestValidate(t *testing.T) {
	script := testenv.Shared(t, "schemas", "validate.sh")
	if _, err := exec.LookPath("xmllint"); err != nil {
		testenv.MissingTool(t, "xmllint not installed (run ../shared/schemas/install-validators.sh)")
	}
	file := filepath.Join(t.TempDir(), "memory.tmx")
	var b bytes.Buffer
	in := append(append([]tm.Unit{}, units...), tm.Unit{Release: "r", Segment: "ctl", Text: map[string]string{"km": "ក\x01ខ"}})
	if err := Write(&b, in, "en", "0.1.0"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("bash", script, "tmx", file).CombinedOutput()
	var exit *exec.ExitError
	if errors.As(err, &exit) && exit.ExitCode() == 2 && bytes.Contains(out, []byte("not found")) {
		testenv.MissingTool(t, "validator unavailable: %s", out)
	}
	if err != nil {
		t.Errorf("validate.sh tmx: %v\n%s", err, out)
	}
}
