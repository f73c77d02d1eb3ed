package scalegen

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// kind is the kind of event a release reports.
type kind int

const (
	meeting kind = iota
	telephone
	courtesyCall
)

// scene is what one release is about: who met whom, when, and the partner country.
type scene struct {
	r       *rand.Rand
	kind    kind
	date    time.Time
	person  tri    // the Cambodian side
	role    tri    // the Cambodian side's office
	later   string // the Japanese for a later mention of the Cambodian side (ソック・ヴァンナック大臣)
	partner country
	other   tri // the partner's office
}

type pressRelease struct {
	id    string
	date  time.Time
	en    []string // blocks
	km    []string
	ja    []string
	title tri
}

type file struct{ name, text string }

var (
	firstDay = time.Date(1993, 9, 24, 0, 0, 0, 0, time.UTC)
	days     = int(time.Date(2026, 10, 31, 0, 0, 0, 0, time.UTC).Sub(firstDay).Hours() / 24)
)

func newRelease(r *rand.Rand, i, width int) *pressRelease {
	s := &scene{r: r, kind: kind(r.IntN(3)), date: firstDay.AddDate(0, 0, r.IntN(days))}
	s.person = person(familyNames[r.IntN(len(familyNames))], givenNames[r.IntN(len(givenNames))])
	if r.IntN(4) == 0 {
		v := provinces[r.IntN(len(provinces))]
		s.role = provincialOf(provincial[1], v, field{})
		s.later = s.person.ja + "知事"
	} else {
		s.role = tri{"Minister of Foreign Affairs and International Cooperation",
			"រដ្ឋមន្ត្រីការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ", "外務国際協力大臣"}
		s.later = s.person.ja + "大臣"
	}
	s.partner = countries[r.IntN(len(countries))]
	if s.kind == courtesyCall {
		s.other, _ = officeOf(offices[2], s.partner)
	} else {
		for {
			o := offices[r.IntN(len(offices))]
			if t, ok := officeOf(o, s.partner); ok && o.id != "embassy" && o.id != "ambassador" {
				s.other = t
				break
			}
		}
	}
	rel := &pressRelease{date: s.date}
	rel.id = fmt.Sprintf("%s-%0*d-%s-%s", s.date.Format("2006-01-02"), width, i, slug(s.person.en), slug(s.partner.short()))
	rel.title = s.title()
	d := dates(s.date)
	rel.add(tri{"On " + d.en, "នៅ" + d.km, d.ja})
	paras := 4 + r.IntN(5)
	for p := range paras {
		var sent []tri
		if p == 0 {
			sent = append(sent, s.opening())
		}
		for range 1 + r.IntN(3) {
			sent = append(sent, s.sentence())
		}
		rel.add(joinSentences(sent))
	}
	rel.add(tri{"Phnom Penh, " + d.en, "ភ្នំពេញ " + d.km, "プノンペン、" + d.ja})
	return rel
}

func (rel *pressRelease) add(t tri) {
	rel.en = append(rel.en, t.en)
	rel.km = append(rel.km, t.km)
	rel.ja = append(rel.ja, t.ja)
}

func joinSentences(ts []tri) tri {
	var out tri
	for i, t := range ts {
		if i > 0 {
			out.en += " "
			out.km += " "
		}
		out.en += t.en
		out.km += t.km
		out.ja += t.ja
	}
	return out
}

func (rel *pressRelease) files() []file {
	front := func(status string) string {
		return fmt.Sprintf("+++\nid = %q\ndate = %s\nplace = \"Phnom Penh\"\nstatus = %q\n+++\n\n", rel.id,
			rel.date.Format("2006-01-02"), status)
	}
	doc := func(status, head string, title string, blocks []string) string {
		return front(status) + head + "## " + title + "\n\n" + strings.Join(blocks, "\n\n") + "\n"
	}
	return []file{
		{"en.md", doc("published", "**KINGDOM OF CAMBODIA**\\\n**NATION RELIGION KING**\n\n"+
			"**MINISTRY OF FOREIGN AFFAIRS\\\nAND INTERNATIONAL COOPERATION**\n\n# PRESS RELEASE\n\n", rel.title.en, rel.en)},
		{"km.md", doc("translated", "**ព្រះរាជាណាចក្រកម្ពុជា**\\\n**ជាតិ សាសនា ព្រះមហាក្សត្រ**\n\n"+
			"**ក្រសួងការបរទេស\\\nនិងសហប្រតិបត្តិការអន្តរជាតិ**\n\n# សេចក្តីប្រកាសព័ត៌មាន\n\n", rel.title.km, rel.km)},
		{"ja.md", doc("translated", "**カンボジア王国**\\\n**国家・宗教・国王**\n\n"+
			"**カンボジア\\\n外務国際協力省**\n\n# 報道発表\n\n", rel.title.ja, rel.ja)},
	}
}

func (s *scene) title() tri {
	p, ro, o := s.person, s.role, s.other
	switch s.kind {
	case telephone:
		return tri{fmt.Sprintf("Telephone Conversation between H.E. %s, %s, and the %s", p.en, ro.en, o.en),
			fmt.Sprintf("កិច្ចសន្ទនាតាមទូរស័ព្ទរវាងឯកឧត្តម %s %s និង%s", p.km, ro.km, o.km),
			fmt.Sprintf("%s%sと%sとの電話会談", p.ja, ro.ja, o.ja)}
	case courtesyCall:
		return tri{fmt.Sprintf("Courtesy Call on H.E. %s, %s, by the %s", p.en, ro.en, o.en),
			fmt.Sprintf("ការចូលជួបសម្តែងការគួរសមរបស់%s ចំពោះឯកឧត្តម %s %s", o.km, p.km, ro.km),
			fmt.Sprintf("%sによる%s%sへの表敬", o.ja, p.ja, ro.ja)}
	}
	return tri{fmt.Sprintf("Meeting between H.E. %s, %s, and the %s", p.en, ro.en, o.en),
		fmt.Sprintf("ជំនួបរវាងឯកឧត្តម %s %s និង%s", p.km, ro.km, o.km),
		fmt.Sprintf("%s%sと%sとの会談", p.ja, ro.ja, o.ja)}
}

func (s *scene) opening() tri {
	d := dates(s.date)
	p, ro, o := s.person, s.role, s.other
	switch s.kind {
	case telephone:
		return tri{fmt.Sprintf("On %s, H.E. %s, %s, had a telephone conversation with the %s.", d.en, p.en, ro.en, o.en),
			fmt.Sprintf("នៅ%s ឯកឧត្តម %s %s បានសន្ទនាតាមទូរស័ព្ទជាមួយ%s។", d.km, p.km, ro.km, o.km),
			fmt.Sprintf("%s、%s%sは、%sと電話会談を行いました。", d.ja, p.ja, ro.ja, o.ja)}
	case courtesyCall:
		return tri{fmt.Sprintf("On %s, H.E. %s, %s, received a courtesy call by the %s.", d.en, p.en, ro.en, o.en),
			fmt.Sprintf("នៅ%s ឯកឧត្តម %s %s បានទទួលការចូលជួបសម្តែងការគួរសមពី%s។", d.km, p.km, ro.km, o.km),
			fmt.Sprintf("%s、%s%sは、%sによる表敬を受けました。", d.ja, p.ja, ro.ja, o.ja)}
	}
	return tri{fmt.Sprintf("On %s, H.E. %s, %s, held a bilateral meeting with the %s in Phnom Penh.", d.en, p.en, ro.en, o.en),
		fmt.Sprintf("នៅ%s ឯកឧត្តម %s %s បានជួបពិភាក្សាទ្វេភាគីជាមួយ%s នៅភ្នំពេញ។", d.km, p.km, ro.km, o.km),
		fmt.Sprintf("%s、%s%sは、プノンペンにおいて%sと二国間会談を行いました。", d.ja, p.ja, ro.ja, o.ja)}
}

// number is a random number in [lo, hi] in ASCII and Khmer digits.
func (s *scene) number(lo, hi int) (string, string) {
	n := strconv.Itoa(lo + s.r.IntN(hi-lo+1))
	return n, khmerDigits(n)
}

func (s *scene) year() (string, string) {
	return s.number(max(1993, s.date.Year()-8), s.date.Year()+2)
}

func (s *scene) field() field { return fields[s.r.IntN(len(fields))] }

func (s *scene) province() tri { return provinces[s.r.IntN(len(provinces))] }

func (s *scene) pair(id string) tri {
	for _, p := range append(pairings[:len(pairings):len(pairings)], bilaterals...) {
		if p.id == id {
			return pairOf(p, s.partner, s.field())
		}
	}
	panic("scalegen: no pairing " + id)
}

// sentence is one sentence of the body, drawn from the templates.
func (s *scene) sentence() tri {
	x, p, o := s.partner, s.person, s.other
	the := "The " + o.en
	switch s.r.IntN(11) {
	case 0:
		mou, wg := s.pair("mou"), s.pair("working-group")
		y, yk := s.year()
		return tri{fmt.Sprintf("Both sides reviewed the progress of cooperation under the %s and agreed to convene the next meeting of the %s in %s.", mou.en, wg.en, y),
			fmt.Sprintf("ភាគីទាំងពីរបានពិនិត្យវឌ្ឍនភាពនៃកិច្ចសហប្រតិបត្តិការក្រោម%s និងបានឯកភាពរៀបចំកិច្ចប្រជុំលើកក្រោយនៃ%s នៅឆ្នាំ%s។", mou.km, wg.km, yk),
			fmt.Sprintf("双方は、%sに基づく協力の進展を確認し、%s年に%sの次回会合を開催することで一致しました。", mou.ja, y, wg.ja)}
	case 1:
		n, nk := s.number(12, 480)
		y, yk := s.year()
		return tri{fmt.Sprintf("H.E. %s thanked %s for the %s scholarships it has provided to Cambodian students since %s.", p.en, x.en, n, y),
			fmt.Sprintf("ឯកឧត្តម %s បានថ្លែងអំណរគុណចំពោះ%s ដែលបានផ្តល់អាហារូបករណ៍ចំនួន%s ដល់និស្សិតកម្ពុជាចាប់តាំងពីឆ្នាំ%s។", p.km, x.km, nk, yk),
			fmt.Sprintf("%sは、%s年以降カンボジア人学生に%s人分の奨学金を供与してきた%sに謝意を表明しました。", s.later, y, n, x.ja)}
	case 2:
		n, nk := s.number(15, 950)
		pc, pck := s.number(2, 38)
		y, yk := s.year()
		return tri{fmt.Sprintf("Bilateral trade between Cambodia and %s reached USD %s million in %s, an increase of %s percent over the previous year.", x.en, n, y, pc),
			fmt.Sprintf("ពាណិជ្ជកម្មទ្វេភាគីរវាងកម្ពុជា និង%s មានទំហំ %s លានដុល្លារអាមេរិកនៅឆ្នាំ%s ដែលកើនឡើង %s ភាគរយធៀបនឹងឆ្នាំមុន។", x.km, nk, yk, pck),
			fmt.Sprintf("%s年のカンボジアと%sとの二国間貿易額は%s百万米ドルに達し、前年比%sパーセントの増加となりました。", y, x.ja, n, pc)}
	case 3:
		v, f := s.province(), s.field()
		return tri{fmt.Sprintf("%s expressed the interest of companies from %s in investing in %s Province, in particular in %s.", the, x.en, v.en, f.mid),
			fmt.Sprintf("%s បានសម្តែងពីចំណាប់អារម្មណ៍របស់ក្រុមហ៊ុន%sក្នុងការវិនិយោគនៅខេត្ត%s ជាពិសេសលើវិស័យ%s។", o.km, x.km, v.km, f.km),
			fmt.Sprintf("%sは、%s企業が%s州における特に%s分野への投資に関心を有していることを表明しました。", o.ja, x.ja, v.ja, f.ja)}
	case 4:
		return tri{"Both sides exchanged views on regional and international issues of common interest and agreed to further strengthen cooperation within the framework of ASEAN.",
			"ភាគីទាំងពីរបានផ្លាស់ប្តូរទស្សនៈលើបញ្ហាតំបន់ និងអន្តរជាតិដែលមានការចាប់អារម្មណ៍រួម និងបានឯកភាពពង្រឹងបន្ថែមទៀតនូវកិច្ចសហប្រតិបត្តិការក្នុងក្របខ័ណ្ឌអាស៊ាន។",
			"双方は、共通の関心を有する地域及び国際情勢について意見交換を行い、ASEANの枠組みにおける協力を更に強化することで一致しました。"}
	case 5:
		a := s.pair("agreement")
		return tri{fmt.Sprintf("Both sides welcomed the signing of the %s and agreed to implement it without delay.", a.en),
			fmt.Sprintf("ភាគីទាំងពីរបានស្វាគមន៍ចំពោះការចុះហត្ថលេខាលើ%s និងបានឯកភាពអនុវត្តកិច្ចព្រមព្រៀងនេះដោយគ្មានការពន្យារពេល។", a.km),
			fmt.Sprintf("双方は、%sの署名を歓迎し、これを遅滞なく実施することで一致しました。", a.ja)}
	case 6:
		fo := s.pair("forum")
		d := dates(s.date.AddDate(0, 0, -s.r.IntN(60)-1))
		n, nk := s.number(40, 900)
		return tri{fmt.Sprintf("H.E. %s welcomed the holding of the %s in Phnom Penh on %s, which brought together %s participants.", p.en, fo.en, d.en, n),
			fmt.Sprintf("ឯកឧត្តម %s បានស្វាគមន៍ចំពោះការរៀបចំ%s នៅភ្នំពេញ នា%s ដែលមានអ្នកចូលរួមចំនួន%sនាក់។", p.km, fo.km, d.km, nk),
			fmt.Sprintf("%sは、%sにプノンペンで%sが開催され、%s名が参加したことを歓迎しました。", s.later, d.ja, fo.ja, n)}
	case 7:
		jc, v := s.pair("joint-commission"), s.province()
		k := 2 + s.r.IntN(14)
		y, yk := s.year()
		return tri{fmt.Sprintf("Both sides agreed to hold the %s meeting of the %s in %s in %s.", ordinal(k), jc.en, v.en, y),
			fmt.Sprintf("ភាគីទាំងពីរបានឯកភាពរៀបចំកិច្ចប្រជុំលើកទី%s នៃ%s នៅខេត្ត%s នៅឆ្នាំ%s។", khmerDigits(strconv.Itoa(k)), jc.km, v.km, yk),
			fmt.Sprintf("双方は、%s年に%s州において第%d回%sを開催することで一致しました。", y, v.ja, k, jc.ja)}
	case 8:
		pr, v := s.pair("programme"), s.province()
		n, nk := s.number(3, 140)
		y, yk := s.year()
		return tri{fmt.Sprintf("%s reaffirmed the commitment of %s to the %s, which has supported %s projects in %s Province since %s.", the, x.en, pr.en, n, v.en, y),
			fmt.Sprintf("%s បានបញ្ជាក់ជាថ្មីនូវការប្តេជ្ញាចិត្តរបស់%sចំពោះ%s ដែលបានគាំទ្រគម្រោងចំនួន%s នៅខេត្ត%s ចាប់តាំងពីឆ្នាំ%s។", o.km, x.km, pr.km, nk, v.km, yk),
			fmt.Sprintf("%sは、%s年以降%s州において%s件の事業を支援してきた%sに対する%sのコミットメントを改めて表明しました。", o.ja, y, v.ja, n, pr.ja, x.ja)}
	case 9:
		dep := provincialOf(provincial[0], s.province(), s.field())
		return tri{fmt.Sprintf("The two sides also discussed cooperation between the %s and its counterparts in %s.", dep.en, x.en),
			fmt.Sprintf("ភាគីទាំងពីរក៏បានពិភាក្សាអំពីកិច្ចសហប្រតិបត្តិការរវាង%s និងស្ថាប័នដៃគូរបស់%s។", dep.km, x.km),
			fmt.Sprintf("双方は、%sと%sの関係機関との協力についても議論しました。", dep.ja, x.ja)}
	}
	c := s.pair("consultations")
	y, yk := s.year()
	return tri{fmt.Sprintf("They agreed that the next %s would be held in %s.", c.en, y),
		fmt.Sprintf("ភាគីទាំងពីរបានឯកភាពថា %sលើកក្រោយនឹងត្រូវរៀបចំឡើងនៅឆ្នាំ%s។", c.km, yk),
		fmt.Sprintf("双方は、次回の%sを%s年に開催することで一致しました。", c.ja, y)}
}
