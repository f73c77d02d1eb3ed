package evalreal

import (
	"strings"
	"testing"

	"github.com/relloc/relloc/internal/glossary"
	"golang.org/x/text/language"
)

func TestPlantNumber(t *testing.T) {
	en := "On 4 August 2022, the two ministers met for about 20 minutes.\n\n1. COVID-19\n"
	ja := "1. 令和4年8月4日、両大臣は約20分間会談した。\n\n(2) COVID-19\n"
	for s := uint64(0); s < 20; s++ {
		f, ok := Plant(s, Number, "releases/x", "ja", []byte(en), []byte(ja), nil)
		if !ok {
			t.Fatal("no number planted")
		}
		switch f.What {
		case "4 → 7", "20 → 23":
		default:
			t.Fatalf("seed %d: planted %q: want a quantity the English has (4 or 20), never a label or COVID-19", s, f.What)
		}
		if strings.Count(string(f.Data), "COVID-19") != 1 || !strings.HasPrefix(string(f.Data), "1. ") {
			t.Fatalf("seed %d: %q changed more than one number", s, f.Data)
		}
	}
	if _, ok := Plant(1, Number, "releases/x", "ja", []byte("No numbers here."), []byte("数字はない。"), nil); ok {
		t.Error("planted a number in a text without one")
	}
}

func TestPlantDrop(t *testing.T) {
	km := "+++\nid = \"x\"\n+++\n\nកិច្ចប្រជុំបានប្រព្រឹត្តទៅដោយជោគជ័យ។ ភាគីទាំងពីរបានឯកភាពគ្នា។\n\nសូមអរគុណ។\n"
	seen := map[string]bool{}
	for s := uint64(0); s < 30; s++ {
		f, ok := Plant(s, Drop, "releases/x", "km", nil, []byte(km), nil)
		if !ok {
			t.Fatal("nothing dropped")
		}
		if !strings.HasPrefix(string(f.Data), "+++\nid = \"x\"\n+++\n") {
			t.Fatalf("front matter touched: %q", f.Data)
		}
		seen[f.What] = true
	}
	if len(seen) != 3 {
		t.Errorf("dropped %v: want each of the three sentences in turn", seen)
	}
}

func TestPlantTitle(t *testing.T) {
	ja := language.Japanese
	g := glossary.New([]*glossary.Entry{
		{ID: "pm", Category: glossary.Office, EN: glossary.English{Term: "Prime Minister"},
			Targets: map[language.Tag]*glossary.Rendering{ja: {Term: "首相", Variants: []string{"総理"}}}},
		{ID: "fm", Category: glossary.Office, EN: glossary.English{Term: "Foreign Minister"},
			Targets: map[language.Tag]*glossary.Rendering{ja: {Term: "外相", Variants: []string{"外務大臣"}}}},
		{ID: "japan", Category: glossary.Place, EN: glossary.English{Term: "Japan"},
			Targets: map[language.Tag]*glossary.Rendering{ja: {Term: "日本"}}},
	})
	en := []byte("He met the Prime Minister of Japan.\n")
	f, ok := Plant(3, Title, "releases/x", "ja", en, []byte("日本の首相と会談した。\n"), g)
	if !ok || string(f.Data) != "日本の外相と会談した。\n" {
		t.Fatalf("got %q, %v; want 首相 replaced by the other office's term", f.Data, ok)
	}
	if _, ok := Plant(3, Title, "releases/x", "ja", []byte("He visited Japan.\n"), []byte("日本を訪問した。\n"), g); ok {
		t.Error("a place is not a title")
	}
	if _, ok := Plant(3, Title, "releases/x", "ja", []byte("Theresa May spoke.\n"), []byte("メイ首相が述べた。\n"), g); ok {
		t.Error("a title the English does not give was replaced")
	}
}

func TestParseKnown(t *testing.T) {
	k, err := ParseKnown(strings.NewReader("# comment\nmofa-en-ja\tr1\tja.md:3\tnumber-mismatch\treal\t20 minutes against 25\n"))
	if err != nil || len(k) != 1 || k[0].Line != 3 || k[0].File != "ja.md" || k[0].Verdict != Real {
		t.Fatalf("got %+v, %v", k, err)
	}
	for _, bad := range []string{
		"mofa-en-ja\tr1\tja.md:3\tnumber-mismatch\treal\t\n",           // no reason
		"mofa-en-ja\tr1\tja.md:3\tnumber-mismatch\tmaybe\twho knows\n", // no verdict
		"mofa-en-ja\tr1\tja.md\tnumber-mismatch\treal\tno line\n",
	} {
		if _, err := ParseKnown(strings.NewReader(bad)); err == nil {
			t.Errorf("%q was accepted", bad)
		}
	}
}
