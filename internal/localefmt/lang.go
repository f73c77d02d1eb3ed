package localefmt

import "golang.org/x/text/language"

// script is the writing convention relloc applies for a language tag.
type script int

const (
	scriptOther script = iota
	scriptEnglish
	scriptKhmer
	scriptJapanese
)

var (
	baseEnglish, _  = language.English.Base()
	baseKhmer, _    = language.Khmer.Base()
	baseJapanese, _ = language.Japanese.Base()
)

// scriptOf maps a tag to its convention by base language, so that en-GB,
// km-KH and ja-JP behave like en, km and ja.
func scriptOf(t language.Tag) script {
	b, _ := t.Base()
	switch b {
	case baseEnglish:
		return scriptEnglish
	case baseKhmer:
		return scriptKhmer
	case baseJapanese:
		return scriptJapanese
	}
	return scriptOther
}
