// Package ui holds relloc's own user-interface messages in English, Khmer and Japanese, as go-i18n message
// catalogues embedded in the binary (locales/active.LANG.toml), separate from a workspace's locale/ folder,
// which holds the ministry's formulas. Lang picks the language a person reads in (--ui-lang, RELLOC_LANG,
// then the POSIX locale variables); a Printer renders a message in it with CLDR plural rules ("1 error",
// "2 errors"; Khmer and Japanese have one form). Rule ids, JSON keys and SARIF stay English.
package ui
