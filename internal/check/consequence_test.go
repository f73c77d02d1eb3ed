package check

import (
	"strings"
	"testing"
)

// TestOneFaultOneFinding: a finding is dropped only for the cause that explains it.
func TestOneFaultOneFinding(t *testing.T) {
	tests := []struct {
		name, en, ja string
		want         []string
	}{
		{"a fresh draft's sentence is draft-marker alone",
			"# Press Release\n\nH.E. Prak Sokhonn thanked Japan for its support to Cambodia's socio-economic development.\n",
			"# 報道発表\n\n<!-- relloc-draft translate -->\nH.E. プラック・ソコン thanked 日本 for its support to カンボジア's 社会経済開発.\n",
			[]string{"draft-marker:error ja"}},
		{"a translated sentence after a drafted one is checked",
			"# Press Release\n\nH.E. Prak Sokhonn thanked Japan. The talks lasted 20 minutes.\n",
			"# 報道発表\n\n<!-- relloc-draft translate -->\nH.E. プラック・ソコン thanked 日本. <!-- relloc-draft fuzzy 80%: from 2021-11-18-x b3.s1 -->会談は約25分間行われた。\n",
			[]string{"draft-marker:error ja", "draft-marker:error ja", "number-mismatch:error ja"}},
		{"an untranslated segment keeps its changed number",
			"# Press Release\n\nThe ministers talked for approximately 20 minutes.\n",
			"# 報道発表\n\nThe ministers talked for approximately 25 minutes.\n",
			[]string{"untranslated:error ja", "number-mismatch:error ja"}},
		{"an untranslated segment explains its missing terms",
			"# Press Release\n\nThe Prime Minister thanked Cambodia for the warm welcome.\n",
			"# 報道発表\n\nThe Prime Minister thanked Cambodia for the warm welcome, he said.\n",
			[]string{"untranslated:error ja"}},
		{"an official name in brackets is no cause: the changed number is reported",
			"# Press Release\n\nFor approximately 20 minutes, Prime Minister Kishida talked with Samdech Hun Manet, Prime Minister of the Kingdom of Cambodia.\n",
			"# 報道発表\n\n約25分間、岸田総理大臣は、フン・マネット・カンボジア王国首相(Samdech Moha Borvor Thipadei HUN Manet, Prime Minister of the Kingdom of Cambodia)と会談しました。\n",
			[]string{"number-mismatch:error ja"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := oneRelease(t, map[string]string{"en": tt.en, "ja": tt.ja})
			got := rulesOf(t, fsys, "draft-marker", "untranslated", "glossary-missing", "glossary-count", "number-mismatch",
				"segment-missing", "segment-extra", "punctuation")
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				for _, f := range run(t, fsys, 0) {
					t.Log(f.Rule, f.Line, f.Column, f.Message)
				}
				t.Errorf("\n got  %v\n want %v", got, tt.want)
			}
		})
	}
}
