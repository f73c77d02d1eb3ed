package catalog

import (
	"sync"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// formNames maps x/text's plural forms to go-i18n's form keys.
var formNames = map[plural.Form]string{
	plural.Other: "other",
	plural.Zero:  "zero",
	plural.One:   "one",
	plural.Two:   "two",
	plural.Few:   "few",
	plural.Many:  "many",
}

// allForms lists go-i18n's form keys in CLDR order.
var allForms = []string{"zero", "one", "two", "few", "many", "other"}

var formCache sync.Map // language.Tag -> map[string]bool

// pluralForms returns the CLDR cardinal plural forms of lang. x/text does not
// export the list of a language's forms, so it is found by classifying
// integers and decimals with one and two fraction digits, which reach every
// form of the CLDR rules x/text carries.
func pluralForms(lang language.Tag) map[string]bool {
	if v, ok := formCache.Load(lang); ok {
		return v.(map[string]bool)
	}
	forms := map[string]bool{"other": true}
	add := func(i, v, w, f, t int) {
		forms[formNames[plural.Cardinal.MatchPlural(lang, i, v, w, f, t)]] = true
	}
	for i := 0; i <= 1000; i++ {
		add(i, 0, 0, 0, 0)
	}
	for _, i := range []int{10000, 100000, 1000000, 10000000} {
		add(i, 0, 0, 0, 0)
	}
	for i := 0; i <= 200; i++ {
		for f := 0; f < 10; f++ { // one fraction digit: i.f
			w, t := 0, 0
			if f != 0 {
				w, t = 1, f
			}
			add(i, 1, w, f, t)
		}
		for f := 0; f < 100; f++ { // two fraction digits: i.ff
			w, t := 2, f
			for t != 0 && t%10 == 0 {
				w, t = w-1, t/10
			}
			if t == 0 {
				w = 0
			}
			add(i, 2, w, f, t)
		}
	}
	formCache.Store(lang, forms)
	return forms
}
