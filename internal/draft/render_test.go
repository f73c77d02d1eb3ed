package draft

import (
	"testing"

	"golang.org/x/text/language"
)

// TestKhmerPunctuation: a Khmer draft separates a name from its title, and a date from what follows, with a
// space, not an English comma.
func TestKhmerPunctuation(t *testing.T) {
	w := loadRepo(t)
	tests := []struct {
		lang     language.Tag
		in, want string
	}{
		{km, "H.E. Prak Sokhonn, Deputy Prime Minister, met H.E. HAYASHI Yoshimasa, Minister for Foreign Affairs of Japan.",
			"ឯកឧត្តម ប្រាក់ សុខុន ឧបនាយករដ្ឋមន្ត្រី, met ឯកឧត្តម ហាយ៉ាស៊ិ យ៉ុស៊ិម៉ាសា រដ្ឋមន្ត្រីការបរទេសជប៉ុន."},
		{km, "On 4 August 2022, H.E. Prak Sokhonn welcomed the delegation.",
			"On ថ្ងៃទី៤ ខែសីហា ឆ្នាំ២០២២ ឯកឧត្តម ប្រាក់ សុខុន welcomed the delegation."},
		// Commas between English words stay: that text is still to be translated.
		{km, "Japan, in turn, supports Cambodia.", "ជប៉ុន, in turn, supports កម្ពុជា."},
	}
	for _, tt := range tests {
		d, err := newDrafter(w.input(w.release(t, seedID), tt.lang, nil))
		if err != nil {
			t.Fatal(err)
		}
		if got := d.renderEnglish(tt.in); got != tt.want {
			t.Errorf("%s: %q\n got  %q\n want %q", tt.lang, tt.in, got, tt.want)
		}
	}
}

func TestKhmerPunctuationText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ប្រាក់ សុខុន, រដ្ឋមន្ត្រីការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ", "ប្រាក់ សុខុន រដ្ឋមន្ត្រីការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ"},
		{"កម្ពុជា, ជប៉ុន, អាស៊ាន", "កម្ពុជា ជប៉ុន អាស៊ាន"},
		// A grouped number has no space after its separator.
		{"តង់ចំនួន ១,០០០ ត្រូវបានប្រគល់", "តង់ចំនួន ១,០០០ ត្រូវបានប្រគល់"},
		{"ជប៉ុន, in turn", "ជប៉ុន, in turn"},
	}
	for _, tt := range tests {
		if got := khmerPunctuation(tt.in); got != tt.want {
			t.Errorf("khmerPunctuation(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestJapaneseNameAndOffice: a Japanese draft writes the office right after the name, as MOFA does
// (林芳正外務大臣), not with the English comma between them.
func TestJapaneseNameAndOffice(t *testing.T) {
	w := loadRepo(t)
	d, err := newDrafter(w.input(w.release(t, seedID), ja, nil))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{
		{"H.E. HAYASHI Yoshimasa, Minister of Foreign Affairs of Japan, welcomed the delegation.",
			"林芳正外務大臣, welcomed the delegation."},
		{"H.E. Prak Sokhonn, Minister of Foreign Affairs and International Cooperation, arrived.",
			"プラック・ソコン外務国際協力大臣, arrived."},
		// Two persons stay apart.
		{"H.E. Prak Sokhonn, H.E. HAYASHI Yoshimasa and others attended.", "プラック・ソコン, 林芳正 and others attended."},
	}
	for _, tt := range tests {
		if got := d.renderEnglish(tt.in); got != tt.want {
			t.Errorf("%q\n got  %q\n want %q", tt.in, got, tt.want)
		}
	}
}
