package incremental

import (
	"slices"
	"testing"

	"golang.org/x/text/language"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/release"
)

var targets = []language.Tag{language.Khmer, language.Japanese}

func parseGlossary(t *testing.T, src string) *glossary.Glossary {
	t.Helper()
	g, err := glossary.Parse([]glossary.File{{Path: "glossary/g.toml", Data: []byte(src)}}, glossary.Options{Targets: targets})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func parseRelease(t *testing.T, dir, en, km, ja string) *release.Release {
	t.Helper()
	r, err := release.Parse(dir, language.English, []release.File{
		{Path: dir + "/en.md", Lang: language.English, Data: []byte(en)},
		{Path: dir + "/km.md", Lang: language.Khmer, Data: []byte(km)},
		{Path: dir + "/ja.md", Lang: language.Japanese, Data: []byte(ja)},
	})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

const glossaryBefore = `
[[entry]]
id = "foreign-minister"
category = "office"
[entry.en]
term = "Minister for Foreign Affairs"
[entry.km]
term = "រដ្ឋមន្ត្រីការបរទេស"
[entry.ja]
term = "外務大臣"

[[entry]]
id = "phnom-penh"
category = "place"
[entry.en]
term = "Phnom Penh"
[entry.km]
term = "ភ្នំពេញ"
[entry.ja]
term = "プノンペン"
`

// glossaryAfter forbids a Japanese form of foreign-minister and leaves phnom-penh alone.
const glossaryAfter = `
[[entry]]
id = "foreign-minister"
category = "office"
[entry.en]
term = "Minister for Foreign Affairs"
[entry.km]
term = "រដ្ឋមន្ត្រីការបរទេស"
[entry.ja]
term = "外務大臣"
forbidden = ["外相"]

[[entry]]
id = "phnom-penh"
category = "place"
[entry.en]
term = "Phnom Penh"
[entry.km]
term = "ភ្នំពេញ"
[entry.ja]
term = "プノンペン"
`

func TestSelect(t *testing.T) {
	minister := parseRelease(t, "releases/2024-05-20-talks",
		"# Talks\n\nThe Minister for Foreign Affairs of Japan visited Cambodia.\n",
		"# កិច្ចពិភាក្សា\n\nរដ្ឋមន្ត្រីការបរទេសជប៉ុនបានមកបំពេញទស្សនកិច្ចនៅកម្ពុជា។\n",
		"# 会談\n\n日本の外務大臣がカンボジアを訪問しました。\n")
	city := parseRelease(t, "releases/2024-06-03-city",
		"# City\n\nThe meeting was held in Phnom Penh.\n",
		"# ទីក្រុង\n\nកិច្ចប្រជុំត្រូវបានធ្វើឡើងនៅភ្នំពេញ។\n",
		"# 都市\n\n会合はプノンペンで開催されました。\n")
	rels := []*release.Release{minister, city}
	before, after := parseGlossary(t, glossaryBefore), parseGlossary(t, glossaryAfter)

	ids := func(s Selection) []string {
		var out []string
		for _, r := range s.Releases {
			out = append(out, r.ID)
		}
		return out
	}
	tests := []struct {
		name        string
		in          Input
		want        []string
		changed, gl int
		entries     []string
	}{
		{"nothing changed", Input{}, nil, 0, 0, nil},
		{"one release's file", Input{Files: []string{"releases/2024-06-03-city/ja.md"}}, []string{city.ID}, 1, 0, nil},
		{"a file outside releases", Input{Files: []string{"README.md"}}, nil, 0, 0, nil},
		{"a glossary entry: the release that uses it", Input{Files: []string{"glossary/g.toml"}, Old: before, New: after},
			[]string{minister.ID}, 0, 1, []string{"foreign-minister"}},
		{"a glossary file rewritten alike", Input{Files: []string{"glossary/g.toml"}, Old: before, New: before}, nil, 0, 0, nil},
		{"a new glossary: every release using an entry", Input{Files: []string{"glossary/g.toml"}, New: after},
			[]string{minister.ID, city.ID}, 0, 2, []string{"foreign-minister", "phnom-penh"}},
		{"the configuration", Input{Files: []string{"relloc.toml"}}, []string{minister.ID, city.ID}, 2, 0, nil},
	}
	for _, tt := range tests {
		tt.in.Config, tt.in.Source, tt.in.Releases = "relloc.toml", language.English, rels
		got := Select(tt.in)
		if !slices.Equal(ids(got), tt.want) || got.Changed != tt.changed || got.ByGlossary != tt.gl || !slices.Equal(got.Entries, tt.entries) {
			t.Errorf("%s: got releases %v (changed %d, by glossary %d, entries %v), want %v (%d, %d, %v)",
				tt.name, ids(got), got.Changed, got.ByGlossary, got.Entries, tt.want, tt.changed, tt.gl, tt.entries)
		}
	}
}
