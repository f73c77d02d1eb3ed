package workspace

import (
	"os"
	"testing"

	"github.com/relloc/relloc/internal/inputerr"
)

// FuzzParse feeds Parse arbitrary relloc.toml files: a configuration or an input error, never a panic.
func FuzzParse(f *testing.F) {
	if data, err := os.ReadFile("../../relloc.toml"); err == nil {
		f.Add(string(data))
	}
	for _, s := range []string{
		"source = \"en\"\ntargets = [\"km\", \"ja\"]\n[check.severity]\nwidth = \"off\"\n[check.allow.km]\nmarkup = [\"sup\"]\n",
		"targets = [\"km\", \"km\"]\n", "targets = []\n", "source = \"!!\"\ntargets = [\"km\"]\n", "\xff", "",
		"targets = [\"km\"]\n[check]\nignore = [\"[\"]\nuntranslated_ratio = 2.0\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		cfg, err := Parse("relloc.toml", []byte(data))
		if err != nil {
			if !inputerr.Is(err) {
				t.Fatalf("Parse(%q): error %v is not an input error", data, err)
			}
			return
		}
		if len(cfg.Targets) == 0 {
			t.Fatalf("Parse(%q): no targets accepted", data)
		}
	})
}
