package draft

import (
	"testing"

	"golang.org/x/text/language"
)

// TestReviseText: a kept translation gets the English's changed numbers and glossary terms where that is safe,
// and nothing where it is not.
func TestReviseText(t *testing.T) {
	w := loadRepo(t)
	r := w.release(t, seedID)
	tests := []struct {
		name     string
		lang     language.Tag
		old, now string
		target   string
		want     string
	}{
		{"scaled number and count", ja,
			"Japan will provide a grant of USD 30 million for 12 projects in Cambodia.",
			"Japan will provide a grant of USD 35 million for 14 projects in Cambodia.",
			"日本政府は、カンボジアにおける12件の事業に対し、3,000万米ドルの無償資金協力を供与します。",
			"日本政府は、カンボジアにおける14件の事業に対し、3,500万米ドルの無償資金協力を供与します。"},
		{"Khmer digits and scale word", km,
			"Japan will provide a grant of USD 30 million for 12 projects in Cambodia.",
			"Japan will provide a grant of USD 35 million for 14 projects in Cambodia.",
			"ជប៉ុននឹងផ្តល់ជំនួយឥតសំណងចំនួន ៣០ លានដុល្លារអាមេរិក សម្រាប់គម្រោងចំនួន ១២ នៅកម្ពុជា។",
			"ជប៉ុននឹងផ្តល់ជំនួយឥតសំណងចំនួន ៣៥ លានដុល្លារអាមេរិក សម្រាប់គម្រោងចំនួន ១៤ នៅកម្ពុជា។"},
		{"full-width digits", ja,
			"The meeting was attended by 120 delegates.", "The meeting was attended by 150 delegates.",
			"会合には１２０名の代表が出席しました。", "会合には１５０名の代表が出席しました。"},
		{"a shifted date range", km,
			"the 13th ASEM Summit on 25-26 November 2021", "the 13th ASEM Summit on 26-27 November 2021",
			"កិច្ចប្រជុំកំពូលអាស៊ី-អឺរ៉ុបលើកទី១៣ នៅថ្ងៃទី២៥-២៦ ខែវិច្ឆិកា ឆ្នាំ២០២១",
			"កិច្ចប្រជុំកំពូលអាស៊ី-អឺរ៉ុបលើកទី១៣ នៅថ្ងៃទី២៦-២៧ ខែវិច្ឆិកា ឆ្នាំ២០២១"},
		{"a glossary term replaced", ja,
			"He welcomed the outcome of the ASEAN-Japan Summit held in 2021.",
			"He welcomed the outcome of the ASEM Summit held in 2021.",
			"同副首相は、2021年に開催された日ASEAN首脳会議の成果を歓迎しました。",
			"同副首相は、2021年に開催されたASEM首脳会合の成果を歓迎しました。"},
		{"a number added: no safe pairing", ja,
			"USD 30 million for the projects.", "USD 35 million for 14 projects.",
			"事業に対し3,000万米ドル", "事業に対し3,000万米ドル"},
		{"a kanji numeral is left to the translator", ja,
			"for 12 projects", "for 14 projects", "十二件の事業", "十二件の事業"},
		{"the value twice in the translation", ja,
			"12 projects in 12 provinces were reviewed, 12 in total.", "14 projects in 12 provinces were reviewed, 12 in total.",
			"12州の12件の事業", "12州の12件の事業"},
		{"the English before unknown", ja, "", "for 14 projects", "12件の事業", "12件の事業"},
	}
	for _, tt := range tests {
		d := newDrafterOrFail(t, w.input(r, tt.lang, nil))
		if got := d.reviseText(tt.old, tt.now, tt.target); got != tt.want {
			t.Errorf("%s:\n got  %s\n want %s", tt.name, got, tt.want)
		}
	}
}
