//go:build unix

package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/relloc/relloc/internal/scalegen"
)

// valeRule is the check Vale reports its alerts of the glossary under: the rule Terms of the style Glossary.
const valeRule = "Glossary.Terms"

// writePeerInputs writes into dir what the peers search for: terms.txt (every term of every language, one a
// line, for rg -F -f) and a Vale configuration (vale/.vale.ini) whose only style, Glossary, has one existence
// rule made of every English term, matched as relloc matches English (case folded, on word boundaries). Every
// occurrence of a term is an alert, so Vale does the work relloc's term matcher does, and its output shows it
// read every English file. A vocabulary alone (accept.txt) would be no such work: Vale consults it only to
// excuse words other rules flag.
func writePeerInputs(dir string, terms []scalegen.Term) error {
	var all, rule strings.Builder
	rule.WriteString("# Every English term of the generated glossary (relloc-benchscale).\n" +
		"extends: existence\nmessage: \"glossary term '%s'\"\nlevel: suggestion\nignorecase: true\nvocab: false\ntokens:\n")
	for _, t := range terms {
		for _, s := range []string{t.EN, t.KM, t.JA} {
			if s != "" {
				all.WriteString(s + "\n")
			}
		}
		rule.WriteString("  - '" + strings.ReplaceAll(regexp.QuoteMeta(t.EN), "'", "''") + "'\n")
	}
	if err := os.WriteFile(filepath.Join(dir, "terms.txt"), []byte(all.String()), 0o644); err != nil {
		return err
	}
	style := filepath.Join(dir, "vale", "styles", "Glossary")
	if err := os.MkdirAll(style, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(style, "Terms.yml"), []byte(rule.String()), 0o644); err != nil {
		return err
	}
	ini := "StylesPath = styles\nMinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = Glossary\n"
	return os.WriteFile(filepath.Join(dir, "vale", ".vale.ini"), []byte(ini), 0o644)
}
