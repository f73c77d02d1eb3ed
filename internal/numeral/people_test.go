package numeral

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/language"
)

// desc describes numbers as value/kind, with a * for weak ones.
func desc(ns []Number) string {
	var b []string
	for _, n := range ns {
		d := fmt.Sprintf("%v/%s", n.Value, n.Kind)
		if n.Weak {
			d += "*"
		}
		b = append(b, d)
	}
	return strings.Join(b, " ")
}

// TestFindAsPeopleWrite covers numbers as releases write them: in words,
// era years, clock times, spaced groups, mixed kanji and digits, labels.
func TestFindAsPeopleWrite(t *testing.T) {
	cases := []struct {
		lang, in, want string
	}{
		// English number words and ordinals
		{"en", "attended by six members of the delegation", "6/number"},
		{"en", "Fifty-eight percent of respondents", "58/percent"},
		{"en", "for one hour", "1/number*"},
		{"en", "Fifth, the Ministers agreed", "5/ordinal"},
		{"en", "twelve projects and a dozen schools", "12/number 12/number*"},
		{"en", "two thousand participants", "2000/number"},
		{"en", "two hundred and fifty scholarships", "250/number"},
		{"en", "the first visit and the twenty-first meeting", "1/ordinal* 21/ordinal"},
		{"en", "one of the largest donors, a hundred years", "1/number* 100/number"},
		{"en", "in the past two decades", "20/number"},
		// groups named by their size, fractions, golf's halves: weak
		{"en", "Sunday's foursomes and a string quartet", "4/number* 4/number*"},
		{"en", "their play in the final third, a third of the budget and the third round", "3/number* 3/number* 3/ordinal"},
		{"en", "one third of the votes", "1/number* 3/number*"},
		{"en", "the back nine and nine holes", "9/number* 9/number"},
		// Japanese: the bilateral compound, the idiom of division, the team by its size in katakana
		{"ja", "2か国間の協力と2か国の首脳", "2/number* 2/number"},
		{"ja", "意見が2つに割れている", "2/number*"},
		{"ja", "2つの提案", "2/number"},
		{"ja", "先週と同じイレブンで臨んだ", "11/number*"},
		{"ja", "セブンイレブンの店舗", ""},
		{"en", "someone often tends", ""},
		{"en", "into the Four Corners, during World War One", "4/number* 1/number*"},
		{"en", "Four people", "4/number"},
		{"en", "a two-thirds majority", "2/number 3/number*"},
		{"en", "over the past decade and the past century", "10/number* 100/number*"},
		{"en", "on the quarter-hour mark", "15/number*"},
		{"ja", "第三国が", "3/ordinal"},
		{"en", "45 miles (72 kilometers) away, 30 meters (100 feet) of water", "45/number* 72/number* 30/number* 100/number*"},
		{"en", "€3.1billion ($3.6bn)", "3.1e+09/number* 3.6e+09/number*"},
		{"en", "the 1980s (when 20 people", "1980/number 20/number"},
		{"en", "a decades-long dispute", ""},
		{"en", "between our two countries, two matches", "2/number* 2/number"},
		{"ja", "つい一昨日", "2/number*"},
		{"ja", "両国と双方", "2/number* 2/number*"},
		// Khmer number words need a counter after them, or ទី before them
		{"km", "សមាជិកប្រាំមួយរូប", "6/number"},
		{"km", "រយៈពេលបីឆ្នាំ", "3/number"},
		{"km", "ជាលើកទីពីរ", "2/ordinal"},
		{"km", "ប្រទេសទាំងពីរ", "2/number*"},
		{"km", "ទោះបីជាយ៉ាងណា ពីរបៀបដែល ពីរដ្ឋ", ""},
		{"km", "ម្ភៃប្រាំនាក់", "25/number"},
		{"km", "បានឈ្នះការប្រកួតពីរ ប៉ុន្តែ", "2/number"},
		{"km", "ក្នុងរយៈពេលពីរទសវត្សរ៍ចុងក្រោយ", "20/number"},
		{"en", "he is 100 percent certain, a hundred percent sure; 100 percent of the budget", "100/number* 100/percent* 100/number"},
		{"km", "ទោះបី ជាយ៉ាងណា", ""},
		{"km", "ច្រើនជាង ៣៧ កោដិដុល្លារ", "3.7e+08/number"},
		{"km", "បំពង់ ណដ ស្ទ្រីម ២ (Nord Stream 2)", "2/number 2/number*"},
		{"ja", "番組「60 Minutes」の60分", "60/number* 60/number"},
		{"km", "រដ្ឋចំនួនដប់ប្រាំបី", "18/number"},
		{"km", "ពន្ធពីប្រាំទៅដប់ភាគរយ", "5/number 10/number"},
		{"km", "មនុស្សប្រាំមួយ លាននាក់", "6e+06/number"},
		// Japanese era years
		{"ja", "令和4年8月4日", "2022/year 8/month 4/day"},
		{"ja", "平成30年9月12日", "2018/year 9/month 12/day"},
		{"ja", "令和元年5月1日", "2019/year 5/month 1/day"},
		{"ja", "平成24年度予算", "2012/year"},
		{"ja", "平成二十九年", "2017/year"},
		// clock times: hour on a 24-hour clock, minutes; :00 gives none
		{"en", "commencing at 3:45 p.m.", "15/time 45/time"},
		{"en", "at 6:00 p.m. and 11:30", "18/time 11/time 30/time"},
		{"en", "at 7.55am", "7/time 55/time"},
		{"en", "at 2:30 p.m. (local time; 4:30 p.m. JST)", "14/time 30/time 16/time* 30/time*"},
		{"en", "at 4:20 p.m. (6:20 p.m., Japan time)", "16/time 20/time 18/time* 20/time*"},
		{"ja", "午後3時45分から", "15/time 45/time"},
		{"ja", "15時45分", "15/time 45/time"},
		{"ja", "11時半", "11/time 30/time"},
		{"ja", "午後6時", "18/time"},
		{"ja", "約2時間", "2/number"},
		{"ja", "現地時間午後5時35分(日本時間同日午後7時35分)", "17/time 35/time 19/time* 35/time*"},
		{"km", "ម៉ោង ៣ រសៀល", "15/time"},
		{"km", "ម៉ោង ៩:៣០ ព្រឹក", "9/time 30/time"},
		{"km", "រយៈពេល ២៤ ម៉ោង", "24/number"},
		{"km", "នៅម៉ោង 4.40 ព្រឹក", "4/time 40/time"},
		{"km", "នៅម៉ោង ៥:៣០ នាទី នៅល្ងាច", "17/time 30/time"},
		// spaced and grouped numbers, mixed kanji and digits
		{"ja", "105 万人", "1.05e+06/number"},
		{"ja", "1 万 6 千人", "16000/number"},
		{"en", "379 800 visitors", "379800/number"},
		{"en", "in 2018 100 people", "2018/number 100/number"},
		{"km", "១៦ ០០០ នាក់", "16000/number"},
		{"km", "៤០,០០០ ករណី", "40000/number"},
		{"ja", "一億2000万円", "1.2e+08/number"},
		{"ja", "三万5000人", "35000/number"},
		{"ja", "数百人と何十年", ""},
		{"ja", "六か月分、二試合、三本", "6/number 2/number 3/number"},
		// list labels
		{"en", "1. Introduction", "1/label*"},
		{"en", "- (2) Prime Minister Kishida expressed", "2/label*"},
		{"ja", "（1）岸田総理から", "1/label*"},
		{"ja", "2) 経済協力", "2/label*"},
		{"ja", "2 二国間関係", "2/number*"},
		{"ja", "6 メートルに達する津波", "6/number*"},
		{"en", "1 Beginning", "1/number*"},
		{"en", "40 people were injured", "40/number"},
		{"ja", "3 人が出席", "3/number"},
		{"en", "1.5 million", "1.5e+06/number"},
		// abbreviated month at the end of a sentence
		{"en", "will remain closed until Oct.", "10/month*"},
		{"en", "until Oct. 31, then", "10/month 31/day"},
	}
	for _, c := range cases {
		got := Find(language.MustParse(c.lang), c.in)
		if g := desc(got); g != c.want {
			t.Errorf("Find(%s, %q)\n got  [%s]\n want [%s]", c.lang, c.in, g, c.want)
		}
		for _, n := range got {
			if n.Start < 0 || n.End > len(c.in) || n.Start >= n.End {
				t.Errorf("Find(%s, %q): bad span %+v", c.lang, c.in, n)
			}
		}
	}
}

func TestRelative(t *testing.T) {
	cases := []struct{ in, want string }{
		{"同日、両首脳は", "0/day*"},
		{"本年11月", "0/year*"},
		{"同年代の選手", ""},
	}
	for _, c := range cases {
		if g := desc(Relative(language.Japanese, c.in)); g != c.want {
			t.Errorf("Relative(%q) = [%s], want [%s]", c.in, g, c.want)
		}
	}
}

// TestCompare: a changed number is one pair; what languages legitimately
// drop or add is no finding; a real difference still is.
func TestCompare(t *testing.T) {
	en, km, ja := language.English, language.Khmer, language.Japanese
	cases := []struct {
		name     string
		lang     language.Tag
		src, tgt string
		want     string // changed (expected>found)|missing|extra
	}{
		{"changed minutes", ja, "for approximately 20 minutes", "約25分間", "20>25||"},
		{"same", ja, "for approximately 20 minutes", "約20分間", "||"},
		{"era year", ja, "August 4, 2022", "令和4年8月4日", "||"},
		{"changed era year", ja, "August 4, 2022", "令和5年8月4日", "2022>2023||"},
		{"elided month", ja, "On October 8, commencing at 2:30 p.m.", "本8日午後2時30分過ぎから", "||"},
		{"elided year", ja, "On August 4, 2022, the Ministers met.", "8月4日、両大臣は会談した。", "||"},
		{"changed day is found", ja, "On August 4, 2022, the Ministers met.", "8月5日、両大臣は会談した。", "4>5||"},
		{"same day", ja, "On March 20, the Ministers met.", "同日、両大臣は会談した。", "||"},
		{"added conversion", ja, "commencing at 5:35 p.m. local time", "現地時間午後5時35分(日本時間同日午後7時35分)から", "||"},
		{"changed conversion minutes", ja, "commencing at 1:30 p.m. local time", "現地時間午後1時30分(日本時間午後3時33分)から", "||33"},
		{"changed local time", ja, "commencing at 5:35 p.m. local time", "現地時間午後5時40分(日本時間同日午後7時40分)から", "35>40||"},
		{"English conversion left out", ja, "at 5:35 p.m. (local time; same day, 7:35 p.m. JST)", "午後5時35分から", "||"},
		{"words and digits", ja, "attended by six members, Fifty-eight percent", "6名が出席、58%", "||"},
		{"one is droppable", ja, "one of the victims", "犠牲者の一人", "||"},
		{"1 is addable", ja, "closed for a month", "1か月閉鎖", "||"},
		{"one changed to two", ja, "for one hour", "2時間", "1>2||"},
		{"ordinal", ja, "the Fifth Meeting", "第5回会合", "||"},
		{"changed kanji number", ja, "the 13th Meeting, attended by 30 people", "第十四回会合、三十人が出席", "13>14||"},
		{"changed mixed kanji", ja, "120 million yen", "一億3000万円", "1.2e+08>1.3e+08||"},
		{"changed Khmer digits", km, "at 3:45 p.m.", "នៅម៉ោង ៣:៥៥ រសៀល", "45>55||"},
		{"labels", ja, "1. Introduction", "林大臣は会談した。", "||"},
		{"missing", km, "45 miles from the capital and 72 kilometers from the coast", "ចម្ងាយ 72 គីឡូម៉ែត្រពីឆ្នេរ", "|45|"},
		{"conversion kept in part", km, "45 miles (72 kilometers) from the capital", "ចម្ងាយ 72 គីឡូម៉ែត្រពីរដ្ឋធានី", "||"},
		{"conversion changed", km, "45 miles (72 kilometers) from the capital", "ចម្ងាយ 73 គីឡូម៉ែត្រពីរដ្ឋធានី", "72>73||"},
		{"extra", km, "the Ministers met", "រដ្ឋមន្ត្រី ៣ រូប", "||3"},
		{"Khmer word changed", km, "six members", "សមាជិកប្រាំរូប", "6>5||"},
		{"pairs by magnitude", ja, "183 emissions over 24 hours", "24時間で18回", "183>18||"},
		{"scale error pairs by digits", km, "more than $37 billion for more than 2.25 billion people", "ជាង ៣៧ កោដិដុល្លារ សម្រាប់មនុស្សជាង ២.២៥ កោដិនាក់", "3.7e+10>3.7e+08 2.25e+09>2.25e+07||"},
		{"a few days", km, "just days before", "ពីរ បីថ្ងៃមុន", "||"},
		{"sophomore is a second year", ja, "Sokha, a sophomore, is in his first season with the club.", "2年生のソカ選手にとって、クラブでの初めてのシーズンである。", "||"},
		{"sophomore in Khmer", km, "Sokha, a sophomore, is in his first season with the club.", "លោក សុខា ជានិស្សិតឆ្នាំទី ២ ដែលលេងរដូវកាលដំបូងជាមួយក្លឹប។", "||"},
		{"senior year", ja, "one student asked why she was told only in her senior year", "一人の学生が、なぜ四年生になって初めて聞かされたのかと尋ねた", "||"},
		{"senior year in Khmer", km, "one student asked why she was told only in her senior year", "សិស្សម្នាក់បានសួរថា ហេតុអ្វីទើបប្រាប់នាងនៅឆ្នាំទីបួន", "||"},
		{"class year changed", ja, "Dara, a junior year student", "5年生のダラ", "3>5||"},
		{"junior as a noun", ja, "A 6-foot-6 junior who grew up in Siem Reap", "シェムリアップ育ちで198センチの大学3年生", "||"},
		{"junior minister is no year", ja, "the junior minister met 3 delegations", "副大臣は3つの代表団と会談した", "||"},
		{"class year left unsaid", ja, "Dara, a sophomore at the university", "大学生のダラ", "||"},
		{"senior officials are no year", ja, "senior officials of the two countries met three times", "両国の高官が3回会合した", "||"},
		{"height converted", ja, "A 6-foot-6 forward, Sokha played in 32 games", "198センチのフォワード、ソカは32試合に出場した", "||"},
		{"height converted in Khmer", km, "A 6-foot-6 forward, Sokha played in 32 games", "កីឡាករ សុខា កម្ពស់ ១៩៨ សង់ទីម៉ែត្រ បានលេង ៣២ ប្រកួត", "||"},
		{"distance converted", ja, "the site lies 30 miles from the capital", "現場は首都から約48キロの地点にある", "||"},
		{"distance kept", ja, "the site lies 30 miles from the capital", "現場は首都から30マイルの地点にある", "||"},
		{"distance changed", ja, "the site lies 30 miles from the capital", "現場は首都から40マイルの地点にある", "30>40||"},
		{"distance dropped", ja, "the site lies 30 miles from the capital, 20 minutes by car", "現場は首都から車で20分の地点にある", "|30|"},
		{"metric changed without imperial", ja, "the site lies 48 kilometers from the capital", "現場は首都から58キロの地点にある", "48>58||"},
		{"metric added without imperial", ja, "the site lies near the capital", "現場は首都から48キロの地点にある", "||48"},
		{"time pairs with time", ja, "at 3:45 p.m., 30 people", "午後4時45分、30人", "15>16||"},
		// Khmer writes small counts bare, after a noun or verb: they render English number words
		{"bare word after a verb", km, "The team lost two, then won four.", "ក្រុមនេះចាញ់ពីរបន្ទាប់មកឈ្នះបួន។", "||"},
		{"bare word after a noun", km, "two candidates for one constituency", "បេក្ខជនពីរសម្រាប់មណ្ឌលបោះឆ្នោតតែមួយ", "||"},
		{"bare word is no extra number", km, "the candidates for one constituency", "បេក្ខជនពីរសម្រាប់មណ្ឌលបោះឆ្នោតតែមួយ", "||"},
		{"bare word renders no digits", km, "2 candidates for one constituency", "បេក្ខជនពីរសម្រាប់មណ្ឌលបោះឆ្នោតតែមួយ", "|2|"},
		{"bare word of another value", km, "The team lost two before the break.", "ក្រុមនេះចាញ់បួនមុនពេលសម្រាក។", "|2|"},
		{"changed digit beside a bare word", km, "two candidates won 25 seats", "បេក្ខជនពីរនាក់បានឈ្នះ ២៨ អាសនៈ", "25>28||"},
		{"from is no two", km, "two delegations", "គណៈប្រតិភូមកពីរដ្ឋធានី", "|2|"},
		{"the two of them", km, "Sokha and Dara arrived on their own.", "លោក សុខា និងលោក ដារា បានមកដល់តែពីរនាក់។", "||"},
		{"two people changed", km, "three delegates arrived", "ប្រតិភូពីរនាក់បានមកដល់", "3>2||"},
		{"three people added", km, "the delegates arrived", "ប្រតិភូបីនាក់បានមកដល់", "||3"},
		{"group of four", km, "Sunday's foursomes", "ការប្រកួតក្រុមបួននាក់ថ្ងៃអាទិត្យ", "||"},
		{"golf's front nine", km, "a bogey on the front nine", "បូហ្គីនៅរន្ធប្រាំបួនមុខ", "||"},
		{"fraction left to a loanword", ja, "their play in the final third", "ファイナルサードでのプレー", "||"},
		{"bilateral", ja, "trade between the two countries grew", "2か国間の貿易が伸びた", "||"},
		{"divided opinion", ja, "The proposal has divided opinion among members.", "その提案をめぐり、加盟国の意見は2つに割れている。", "||"},
		{"the eleven", ja, "the coach kept the same 11 for the final", "監督は決勝でも同じイレブンを起用した", "||"},
		{"eleven changed", ja, "the coach kept the same 12 for the final", "監督は決勝でも同じイレブンを起用した", "12>11||"},
	}
	for _, c := range cases {
		cmp := Compare(Find(en, c.src), slices.Concat(Find(c.lang, c.tgt), Relative(c.lang, c.tgt), Bare(c.lang, c.tgt)))
		var ch []string
		for _, p := range cmp.Changed {
			ch = append(ch, fmt.Sprintf("%v>%v", p.Expected.Value, p.Found.Value))
		}
		got := strings.Join(ch, " ") + "|" + vals(cmp.Missing) + "|" + vals(cmp.Extra)
		if got != c.want {
			t.Errorf("%s: Compare(%q, %q)\n got  %q\n want %q", c.name, c.src, c.tgt, got, c.want)
		}
	}
}

// TestCompareAllocations: Compare of numbers with no list label and no bare word, as most segments are, reads
// them where they are and makes one allocation, its marks of what matched; it does not modify them.
func TestCompareAllocations(t *testing.T) {
	src := Find(language.English, "On August 4, 2022, the two Ministers met for about 20 minutes.")
	tgt := Find(language.Japanese, "2022年8月4日、両大臣は約20分間会談した。")
	before := slices.Concat(src, tgt)
	var got Comparison
	if n := testing.AllocsPerRun(20, func() { got = Compare(src, tgt) }); n > 1 {
		t.Errorf("Compare made %v allocations, want at most 1", n)
	}
	if len(got.Changed)+len(got.Missing)+len(got.Extra) > 0 {
		t.Errorf("Compare(%v, %v) = %+v, want no difference", src, tgt, got)
	}
	if !slices.Equal(slices.Concat(src, tgt), before) {
		t.Error("Compare modified its arguments")
	}
}
