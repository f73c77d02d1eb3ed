package segment

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

func isJapaneseTerminator(r rune) bool {
	return r == '。' || r == '！' || r == '？' || r == '!' || r == '?' || r == '｡'
}

func isJapaneseCloser(r rune) bool {
	switch r {
	case '」', '』', '）', '】', '〕', '”', '’', ')':
		return true
	}
	return false
}

// quotativeStarts are the openings of the words that continue a sentence after a closed quotation:
// 「…。」と述べた, 「…。」って, 「…。」などの, 「…。」の.
var quotativeStarts = []string{"と", "って", "など", "との", "の", "は", "が", "を", "も", "に", "で"}

// mayEndJapanese reports whether the rune at text[i] can be a terminator: '!', '?', 。 (E3 80 82), or a full- or
// half-width form (！, ？, ｡: EF BC or EF BD).
func mayEndJapanese(text string, i int) bool {
	switch text[i] {
	case '!', '?', 0xEF:
		return true
	case 0xE3:
		return i+1 < len(text) && text[i+1] == 0x80
	}
	return false
}

func japaneseSentences(text string) []Span {
	s := splitter{text: text}
	for i := 0; i < len(text); {
		if i = seek(text, i, mayEndJapanese); i == len(text) {
			break
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isJapaneseTerminator(r) {
			i += n
			continue
		}
		if (r == '!' || r == '?') && inLatinWord(text, i, n, func(r rune) bool { return isJapaneseTerminator(r) || isJapaneseCloser(r) }) {
			i += n
			continue
		}
		end := skipWhile(text, i, func(r rune) bool { return isJapaneseTerminator(r) || isJapaneseCloser(r) })
		next := skipSpace(text, end)
		if closedQuote(text[i:end]) && (continuesQuote(text[next:]) || attribution(text[next:])) {
			i = next
			continue
		}
		s.cut(end, next)
		i = next
	}
	return s.finish()
}

// closedQuote reports whether a terminator run closes a quotation: 。」 or ？』.
func closedQuote(run string) bool { return strings.ContainsAny(run, "」』") }

func continuesQuote(rest string) bool {
	for _, q := range quotativeStarts {
		if strings.HasPrefix(rest, q) {
			return true
		}
	}
	return false
}

// AttributionVerbs are the verbs of saying that end a short attribution after a Japanese quotation.
var AttributionVerbs = []string{
	"言った", "言う", "言っている", "言いました", "語った", "語る", "語っている", "語りました", "述べた", "述べる",
	"述べている", "述べました", "話した", "話す", "話しました", "付け加えた", "加えた", "尋ねた", "答えた", "書いた",
	"続けた", "嘆いた", "叫んだ", "説明した", "強調した", "明かした", "報じた",
}

// JapaneseAttributionPattern is the regular expression, in the common subset of Go, ICU and Java syntax, of a
// short attribution after a closed quotation, ended by its full stop: 「…。」彼女は言った。, which translators
// write for the English '"…," she said.' as one would write 「…」と彼女は言った。 It is a speaker of at most ten
// characters, は or が, at most eight more (a listener, a day: ペロシ下院議長は記者団に語った) and a verb of
// AttributionVerbs. A clause that reports something of its own (林大臣は、…と述べた。, 副首相は謝意を述べた。) has
// a comma, a quotative と before its verb, an object with を or more words, and is a sentence of its own.
var JapaneseAttributionPattern = `[^` + notInAttribution + `]{1,10}[はが](?:[^` + notInAttribution + `]{0,7}[^` +
	notInAttribution + `と])?(?:` + strings.Join(AttributionVerbs, "|") + `)[。｡]`

// notInAttribution are the characters an attribution lacks: commas, quotation marks, terminators, を, and は
// and が, which end the speaker.
const notInAttribution = `、，,「」『』！？!?。｡をはが\s`

var japaneseAttributionRE = regexp.MustCompile(`^` + JapaneseAttributionPattern)

// attribution reports whether rest, the text after a closed quotation, opens with an attribution of it
// (JapaneseAttributionPattern).
func attribution(rest string) bool { return japaneseAttributionRE.MatchString(rest) }
