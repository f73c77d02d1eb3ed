// Package runeclass answers the questions about a rune that relloc's per-rune loops ask (a letter? a mark? a
// digit? Japanese script?) from one table, made once from the unicode package's range tables, for the runes
// below U+A000 (Latin, Khmer, kana and the common kanji), and from the range tables themselves above it.
//
// Hand-written: the unicode package answers each question by searching a range table, which, once per rune of
// every text that alignment measures and check's rules read, cost more than the rest of those loops. This
// package is only a cache of its answers; TestTable compares the two over the whole Basic Multilingual Plane.
package runeclass

import (
	"sync"
	"unicode"
	"unicode/utf8"
)

// Class is a set of the classes of a rune.
type Class uint8

const (
	Letter   Class = 1 << iota // unicode.IsLetter
	Mark                       // Mn or Mc
	Digit                      // unicode.IsDigit (Nd)
	Japanese                   // Han, Hiragana or Katakana
)

// TableEnd is the first rune that Table does not hold.
const TableEnd = 0xA000

// Table returns the classes of the runes below TableEnd, indexed by rune, for a loop over many runes that
// would otherwise pay for Of's call and check of the table's making at each one. It must not be modified.
var Table = sync.OnceValue(func() *[TableEnd]Class {
	var t [TableEnd]Class
	for r := range rune(TableEnd) {
		t[r] = classify(r)
	}
	return &t
})

// Of returns the classes of r.
func Of(r rune) Class {
	switch {
	case r < utf8.RuneSelf:
		switch {
		case 'a' <= r|0x20 && r|0x20 <= 'z':
			return Letter
		case '0' <= r && r <= '9':
			return Digit
		}
		return 0
	case r < TableEnd:
		return Table()[r]
	}
	return classify(r)
}

// classify asks the unicode package's range tables.
func classify(r rune) Class {
	var c Class
	if unicode.IsLetter(r) {
		c |= Letter
	}
	if unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r) {
		c |= Mark
	}
	if unicode.IsDigit(r) {
		c |= Digit
	}
	if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
		c |= Japanese
	}
	return c
}
