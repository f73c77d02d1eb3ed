package scalegen

// tri is one thing named in the three languages of the workspace.
type tri struct{ en, km, ja string }

// country is a partner of Cambodia. pm says whether its head of government is a prime minister. The offices
// of Japan are named as Japan names them (ja), so they are listed whole in japanOffices.
type country struct {
	tri
	pm bool
}

var countries = []country{
	{tri{"Japan", "ជប៉ុន", "日本"}, false}, // offices in japanOffices
	{tri{"Thailand", "ថៃ", "タイ"}, true},
	{tri{"Viet Nam", "វៀតណាម", "ベトナム"}, true},
	{tri{"Lao PDR", "ឡាវ", "ラオス"}, true},
	{tri{"Singapore", "សិង្ហបុរី", "シンガポール"}, true},
	{tri{"Malaysia", "ម៉ាឡេស៊ី", "マレーシア"}, true},
	{tri{"Indonesia", "ឥណ្ឌូណេស៊ី", "インドネシア"}, false},
	{tri{"the Philippines", "ហ្វីលីពីន", "フィリピン"}, false},
	{tri{"Myanmar", "មីយ៉ាន់ម៉ា", "ミャンマー"}, false},
	{tri{"Brunei Darussalam", "ព្រុយណេ", "ブルネイ"}, false},
	{tri{"India", "ឥណ្ឌា", "インド"}, true},
	{tri{"Australia", "អូស្ត្រាលី", "オーストラリア"}, true},
	{tri{"New Zealand", "នូវែលសេឡង់", "ニュージーランド"}, true},
	{tri{"France", "បារាំង", "フランス"}, true},
	{tri{"Germany", "អាល្លឺម៉ង់", "ドイツ"}, false},
	{tri{"Italy", "អ៊ីតាលី", "イタリア"}, true},
	{tri{"the United Kingdom", "ចក្រភពអង់គ្លេស", "英国"}, true},
	{tri{"Canada", "កាណាដា", "カナダ"}, true},
	{tri{"Switzerland", "ស្វីស", "スイス"}, false},
	{tri{"Sweden", "ស៊ុយអែត", "スウェーデン"}, true},
	{tri{"Türkiye", "តួកគី", "トルコ"}, false},
	{tri{"Egypt", "អេហ្ស៊ីប", "エジプト"}, true},
	{tri{"Brazil", "ប្រេស៊ីល", "ブラジル"}, false},
	{tri{"Mongolia", "ម៉ុងហ្គោលី", "モンゴル"}, true},
	{tri{"Bangladesh", "បង់ក្លាដែស", "バングラデシュ"}, true},
	{tri{"Qatar", "កាតា", "カタール"}, true},
	{tri{"Kuwait", "គុយវ៉ែត", "クウェート"}, true},
}

// office is a post or body of a country other than Japan: {X} stands for the country's name.
type office struct {
	id string
	tri
	pmOnly bool // only for a country whose head of government is a prime minister
}

var offices = []office{
	{"foreign-minister", tri{"Minister of Foreign Affairs of {X}", "រដ្ឋមន្ត្រីការបរទេស{X}", "{X}外務大臣"}, false},
	{"prime-minister", tri{"Prime Minister of {X}", "នាយករដ្ឋមន្ត្រី{X}", "{X}首相"}, true},
	{"ambassador", tri{"Ambassador of {X} to Cambodia", "ឯកអគ្គរដ្ឋទូត{X}ប្រចាំកម្ពុជា", "駐カンボジア{X}大使"}, false},
	{"embassy", tri{"Embassy of {X} in Cambodia", "ស្ថានទូត{X}ប្រចាំកម្ពុជា", "在カンボジア{X}大使館"}, false},
	{"defence-minister", tri{"Minister of Defence of {X}", "រដ្ឋមន្ត្រីការពារជាតិ{X}", "{X}国防大臣"}, false},
	{"commerce-minister", tri{"Minister of Commerce of {X}", "រដ្ឋមន្ត្រីពាណិជ្ជកម្ម{X}", "{X}商務大臣"}, false},
	{"health-minister", tri{"Minister of Health of {X}", "រដ្ឋមន្ត្រីសុខាភិបាល{X}", "{X}保健大臣"}, false},
	{"education-minister", tri{"Minister of Education of {X}", "រដ្ឋមន្ត្រីអប់រំ{X}", "{X}教育大臣"}, false},
}

// japanOffices are the offices of Japan under the names Japan gives them, by the id of the office they stand for.
var japanOffices = map[string]tri{
	"foreign-minister":   {"Minister for Foreign Affairs of Japan", "រដ្ឋមន្ត្រីការបរទេសជប៉ុន", "外務大臣"},
	"prime-minister":     {"Prime Minister of Japan", "នាយករដ្ឋមន្ត្រីជប៉ុន", "内閣総理大臣"},
	"ambassador":         {"Ambassador of Japan to Cambodia", "ឯកអគ្គរដ្ឋទូតជប៉ុនប្រចាំកម្ពុជា", "駐カンボジア日本国大使"},
	"embassy":            {"Embassy of Japan in Cambodia", "ស្ថានទូតជប៉ុនប្រចាំកម្ពុជា", "在カンボジア日本国大使館"},
	"defence-minister":   {"Minister of Defense of Japan", "រដ្ឋមន្ត្រីការពារជាតិជប៉ុន", "防衛大臣"},
	"commerce-minister":  {"Minister of Economy, Trade and Industry of Japan", "រដ្ឋមន្ត្រីសេដ្ឋកិច្ច ពាណិជ្ជកម្ម និងឧស្សាហកម្មជប៉ុន", "経済産業大臣"},
	"health-minister":    {"Minister of Health, Labour and Welfare of Japan", "រដ្ឋមន្ត្រីសុខាភិបាល ការងារ និងសុខុមាលភាពជប៉ុន", "厚生労働大臣"},
	"education-minister": {"Minister of Education, Culture, Sports, Science and Technology of Japan", "រដ្ឋមន្ត្រីអប់រំ វប្បធម៌ កីឡា វិទ្យាសាស្ត្រ និងបច្ចេកវិទ្យាជប៉ុន", "文部科学大臣"},
}

// field is a field of cooperation: en is written as in a title (Mine Action), mid as inside a sentence.
type field struct {
	tri
	mid string
}

var fields = []field{
	{tri{"Agriculture", "កសិកម្ម", "農業"}, "agriculture"},
	{tri{"Tourism", "ទេសចរណ៍", "観光"}, "tourism"},
	{tri{"Education", "អប់រំ", "教育"}, "education"},
	{tri{"Health", "សុខាភិបាល", "保健"}, "health"},
	{tri{"Culture", "វប្បធម៌", "文化"}, "culture"},
	{tri{"Trade", "ពាណិជ្ជកម្ម", "貿易"}, "trade"},
	{tri{"Investment", "វិនិយោគ", "投資"}, "investment"},
	{tri{"Energy", "ថាមពល", "エネルギー"}, "energy"},
	{tri{"Transport", "ដឹកជញ្ជូន", "運輸"}, "transport"},
	{tri{"Defence", "ការពារជាតិ", "防衛"}, "defence"},
	{tri{"Mine Action", "សកម្មភាពកំចាត់មីន", "地雷対策"}, "mine action"},
	{tri{"Digital Economy", "សេដ្ឋកិច្ចឌីជីថល", "デジタル経済"}, "the digital economy"},
	{tri{"Environment", "បរិស្ថាន", "環境"}, "the environment"},
	{tri{"Labour", "ការងារ", "労働"}, "labour"},
	{tri{"Fisheries", "ជលផល", "漁業"}, "fisheries"},
	{tri{"Water Resources", "ធនធានទឹក", "水資源"}, "water resources"},
	{tri{"Disaster Management", "ការគ្រប់គ្រងគ្រោះមហន្តរាយ", "防災"}, "disaster management"},
	{tri{"Science and Technology", "វិទ្យាសាស្ត្រ និងបច្ចេកវិទ្យា", "科学技術"}, "science and technology"},
	{tri{"Sport", "កីឡា", "スポーツ"}, "sport"},
	{tri{"Youth", "យុវជន", "青少年"}, "youth"},
	{tri{"Customs", "គយ", "税関"}, "customs"},
	{tri{"Civil Aviation", "អាកាសចរស៊ីវិល", "民間航空"}, "civil aviation"},
	{tri{"Vocational Training", "បណ្តុះបណ្តាលវិជ្ជាជីវៈ", "職業訓練"}, "vocational training"},
	{tri{"Public Finance", "ហិរញ្ញវត្ថុសាធារណៈ", "公共財政"}, "public finance"},
	{tri{"Rural Development", "អភិវឌ្ឍន៍ជនបទ", "農村開発"}, "rural development"},
}

// pairing is a body, meeting or document of Cambodia and a partner about a field: {X} is the partner, {F} the
// field.
type pairing struct {
	id       string
	category string
	tri
}

var pairings = []pairing{
	{"mou", "document", tri{"Memorandum of Understanding between Cambodia and {X} on Cooperation in {F}",
		"អនុស្សរណៈនៃការយោគយល់គ្នារវាងកម្ពុជា និង{X} ស្តីពីកិច្ចសហប្រតិបត្តិការលើវិស័យ{F}", "カンボジア・{X}{F}分野協力覚書"}},
	{"agreement", "document", tri{"Agreement between Cambodia and {X} on {F} Cooperation",
		"កិច្ចព្រមព្រៀងរវាងកម្ពុជា និង{X} ស្តីពីកិច្ចសហប្រតិបត្តិការលើវិស័យ{F}", "カンボジア・{X}{F}協力協定"}},
	{"working-group", "organisation", tri{"Cambodia-{X} Joint Working Group on {F}",
		"ក្រុមការងាររួមកម្ពុជា-{X} ស្តីពីវិស័យ{F}", "カンボジア・{X}{F}合同作業部会"}},
	{"forum", "event", tri{"Cambodia-{X} {F} Forum", "វេទិកា{F}កម្ពុជា-{X}", "カンボジア・{X}{F}フォーラム"}},
	{"programme", "concept", tri{"Cambodia-{X} {F} Cooperation Programme", "កម្មវិធីសហប្រតិបត្តិការកម្ពុជា-{X} លើវិស័យ{F}",
		"カンボジア・{X}{F}協力プログラム"}},
}

// bilaterals are bodies and meetings of Cambodia and a partner with no field.
var bilaterals = []pairing{
	{"joint-commission", "event", tri{"Cambodia-{X} Joint Commission for Bilateral Cooperation",
		"គណៈកម្មការចម្រុះកម្ពុជា-{X} ស្តីពីកិច្ចសហប្រតិបត្តិការទ្វេភាគី", "カンボジア・{X}二国間協力合同委員会"}},
	{"consultations", "event", tri{"Cambodia-{X} Bilateral Consultations", "កិច្ចពិគ្រោះយោបល់ទ្វេភាគីកម្ពុជា-{X}",
		"カンボジア・{X}二国間協議"}},
}

var provinces = []tri{
	{"Siem Reap", "សៀមរាប", "シェムリアップ"},
	{"Battambang", "បាត់ដំបង", "バッタンバン"},
	{"Kampot", "កំពត", "カンポット"},
	{"Kep", "កែប", "ケップ"},
	{"Preah Sihanouk", "ព្រះសីហនុ", "プレア・シアヌーク"},
	{"Koh Kong", "កោះកុង", "コッコン"},
	{"Kampong Cham", "កំពង់ចាម", "コンポンチャム"},
	{"Takeo", "តាកែវ", "タケオ"},
	{"Kandal", "កណ្តាល", "カンダール"},
	{"Svay Rieng", "ស្វាយរៀង", "スバイリエン"},
	{"Prey Veng", "ព្រៃវែង", "プレイベン"},
	{"Kratie", "ក្រចេះ", "クラチエ"},
	{"Stung Treng", "ស្ទឹងត្រែង", "ストゥントレン"},
	{"Ratanakiri", "រតនគិរី", "ラタナキリ"},
	{"Mondulkiri", "មណ្ឌលគិរី", "モンドルキリ"},
	{"Pursat", "ពោធិ៍សាត់", "ポーサット"},
	{"Kampong Thom", "កំពង់ធំ", "コンポントム"},
	{"Kampong Speu", "កំពង់ស្ពឺ", "コンポンスプー"},
	{"Kampong Chhnang", "កំពង់ឆ្នាំង", "コンポンチュナン"},
	{"Banteay Meanchey", "បន្ទាយមានជ័យ", "バンテアイミエンチェイ"},
	{"Pailin", "ប៉ៃលិន", "パイリン"},
	{"Oddar Meanchey", "ឧត្តរមានជ័យ", "ウドーミエンチェイ"},
	{"Preah Vihear", "ព្រះវិហារ", "プレアビヒア"},
	{"Tbong Khmum", "ត្បូងឃ្មុំ", "トボンクモム"},
}

// provincial are offices of a Cambodian province: {P} is the province, {F} a field where there is one.
var provincial = []pairing{
	{"department", "organisation", tri{"{P} Provincial Department of {F}", "មន្ទីរ{F}ខេត្ត{P}", "{P}州{F}局"}},
	{"governor", "office", tri{"Governor of {P} Province", "អភិបាលខេត្ត{P}", "{P}州知事"}},
}

// Cambodian family and given names: English (MFAIC romanisation), Khmer, Japanese (MOFA writes Khmer names in
// katakana, family name first, separated by a middle dot).
var familyNames = []tri{
	{"Sok", "សុខ", "ソック"}, {"Chea", "ជា", "チア"}, {"Keo", "កែវ", "ケオ"}, {"Chan", "ចាន់", "チャン"},
	{"Sun", "ស៊ុន", "スン"}, {"Tep", "ទេព", "テップ"}, {"Kong", "គង់", "コン"}, {"Say", "សាយ", "サイ"},
	{"Nuon", "នួន", "ヌオン"}, {"Ouk", "អ៊ុក", "ウック"}, {"Lim", "លឹម", "リム"}, {"Chhay", "ឆាយ", "チャイ"},
	{"Seng", "សេង", "セン"}, {"Heng", "ហេង", "ヘン"}, {"Meas", "មាស", "メアス"}, {"Mao", "ម៉ៅ", "マオ"},
	{"Ly", "លី", "リー"}, {"Kim", "គឹម", "キム"}, {"Ros", "រស់", "ロス"}, {"Yim", "យឹម", "イム"},
	{"Pen", "ប៉ែន", "ペン"}, {"Men", "ម៉ែន", "メン"}, {"Long", "ឡុង", "ロン"}, {"Hor", "ហោ", "ホー"},
	{"Um", "អ៊ុំ", "ウム"}, {"Tith", "ទិត្យ", "ティット"}, {"Neth", "ណែត", "ネット"}, {"Touch", "ទូច", "トウチ"},
	{"Prum", "ព្រំ", "プロム"},
}

var givenNames = []tri{
	{"Sophal", "សុផល", "ソパル"}, {"Sophea", "សុភា", "ソピア"}, {"Vannak", "វណ្ណៈ", "ヴァンナック"},
	{"Dara", "ដារ៉ា", "ダラ"}, {"Sovann", "សុវណ្ណ", "ソワン"}, {"Chantha", "ចន្ថា", "チャンタ"},
	{"Bopha", "បុប្ផា", "ボパ"}, {"Rithy", "រិទ្ធី", "リティ"}, {"Samnang", "សំណាង", "サムナン"},
	{"Vuthy", "វុទ្ធី", "ヴティ"}, {"Sokha", "សុខា", "ソカー"}, {"Kosal", "កុសល", "コサル"},
	{"Pisey", "ពិសី", "ピセイ"}, {"Sothea", "សុធា", "ソティア"}, {"Narith", "ណារិទ្ធ", "ナリット"},
	{"Chenda", "ចិន្តា", "チェンダ"}, {"Virak", "វីរៈ", "ヴィレアック"}, {"Sambath", "សម្បត្តិ", "サンバット"},
	{"Davuth", "ដាវុធ", "ダヴット"}, {"Rathana", "រតនា", "ラタナ"}, {"Sopheap", "សុភាព", "ソピアップ"},
	{"Serey", "សិរី", "セレイ"}, {"Vichet", "វិចិត្រ", "ヴィチェット"}, {"Thida", "ធីតា", "ティダ"},
	{"Nimol", "និមល", "ニモル"}, {"Piseth", "ពិសិដ្ឋ", "ピセット"}, {"Sreymom", "ស្រីមុំ", "スレイモム"},
	{"Monyrath", "មុន្នីរ័ត្ន", "モニーラット"}, {"Chanthou", "ចន្ធូ", "チャントゥ"}, {"Sokunthea", "សុគន្ធា", "ソクンテア"},
}

// fixedEntries are the letterhead, the ministry and the honorific every release uses.
var fixedEntries = []struct {
	id, category string
	tri
	jaOmit bool
}{
	{"he", "honorific", tri{"H.E.", "ឯកឧត្តម", ""}, true},
	{"kingdom-of-cambodia", "place", tri{"Kingdom of Cambodia", "ព្រះរាជាណាចក្រកម្ពុជា", "カンボジア王国"}, false},
	{"cambodia", "place", tri{"Cambodia", "កម្ពុជា", "カンボジア"}, false},
	{"phnom-penh", "place", tri{"Phnom Penh", "ភ្នំពេញ", "プノンペン"}, false},
	{"asean", "organisation", tri{"ASEAN", "អាស៊ាន", "ASEAN"}, false},
	{"mfaic", "organisation", tri{"Ministry of Foreign Affairs and International Cooperation",
		"ក្រសួងការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ", "外務国際協力省"}, false},
	{"mfaic-minister", "office", tri{"Minister of Foreign Affairs and International Cooperation",
		"រដ្ឋមន្ត្រីការបរទេស និងសហប្រតិបត្តិការអន្តរជាតិ", "外務国際協力大臣"}, false},
	{"press-release", "document", tri{"Press Release", "សេចក្តីប្រកាសព័ត៌មាន", "報道発表"}, false},
}

// Khmer month names, January first.
var khmerMonths = []string{"មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ"}

var englishMonths = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September",
	"October", "November", "December"}
