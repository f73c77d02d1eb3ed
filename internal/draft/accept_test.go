package draft

import (
	"fmt"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// TestAccept: accepting removes exactly the markers Update and Draft put in (on their own line, at the end of a
// line, inline) and records the English now; nothing else of the file changes.
func TestAccept(t *testing.T) {
	enSrc := "# Press Release\n\nThe two Foreign Ministers met in Tokyo.\nThey discussed trade. They agreed to meet again.\n"
	record := fmt.Sprintf("+++\nstatus = \"draft\"\n\n[source]\n%q = \"Press Release\"\n%q = \"The two Foreign Ministers met in Tokyo.\"\n%q = \"They discussed trade.\"\n%q = \"They agreed to meet soon.\"\n+++\n",
		Digest("Press Release"), Digest("The two Foreign Ministers met in Tokyo."), Digest("They discussed trade."), Digest("They agreed to meet soon."))
	body := "\n# 報道発表\n\n<!-- relloc-draft translate b2.s1 -->\n両外相は東京で会談した。 <!-- relloc-draft translate b2.s2 -->\n両外相は貿易について議論した。<!-- relloc-draft revise b2.s3: They agreed to meet [-soon.-]{+again.+} -->両外相は再び会うことで一致した。\n"
	clean := "\n# 報道発表\n\n両外相は東京で会談した。\n両外相は貿易について議論した。両外相は再び会うことで一致した。\n"
	r := parseRelease(t, map[language.Tag][]byte{en: []byte(enSrc), ja: []byte(record + body)})
	tests := []struct {
		name     string
		ids      []string
		all      bool
		wantBody string
		pending  int
		status   string
	}{
		{"one inline revise marker", []string{"b2.s3"}, false,
			strings.Replace(body, "<!-- relloc-draft revise b2.s3: They agreed to meet [-soon.-]{+again.+} -->", "", 1), 2, ""},
		{"a marker at the end of a line", []string{"b2.s2"}, false,
			strings.Replace(body, " <!-- relloc-draft translate b2.s2 -->", "", 1), 3, ""},
		{"a marker on its own line", []string{"b2.s1"}, false,
			strings.Replace(body, "<!-- relloc-draft translate b2.s1 -->\n", "", 1), 3, ""},
		{"all", nil, true, clean, 0, "reviewed"},
	}
	for _, tt := range tests {
		res, err := Accept(AcceptInput{Release: r, Source: en, Lang: ja, IDs: tt.ids, All: tt.all})
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		_, gotBody := splitFront(res.Data)
		if string(gotBody) != tt.wantBody || res.Pending != tt.pending || res.Status != tt.status {
			t.Errorf("%s:\n got  %q (pending %d, status %q)\n want %q (pending %d, status %q)", tt.name, gotBody, res.Pending, res.Status, tt.wantBody, tt.pending, tt.status)
		}
		up := parseRelease(t, map[language.Tag][]byte{en: []byte(enSrc), ja: res.Data})
		stale := Stale(up.Doc(en), ReadRecord(up.Doc(ja).Front.Source))
		if want := 1; tt.all || contains(tt.ids, "b2.s3") {
			want = 0
			if len(stale) != want {
				t.Errorf("%s: %d stale sentences after accepting, want %d", tt.name, len(stale), want)
			}
		} else if len(stale) != want {
			t.Errorf("%s: %d stale sentences, want %d (b2.s3 is not accepted)", tt.name, len(stale), want)
		}
	}
	if _, err := Accept(AcceptInput{Release: r, Source: en, Lang: ja, IDs: []string{"b1.s1"}}); err == nil || !strings.Contains(err.Error(), "b1.s1: nothing to accept") {
		t.Errorf("accepting a sentence with nothing pending: got %v, want an error", err)
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
