// Package tbx reads and writes the glossary as TBX-Basic (TBX v3, ISO 30042:2019, DCA style), the term-base
// exchange format of CAT tools such as Trados, memoQ and OmegaT.
//
// The mapping, chosen among the data categories TBX-Basic allows:
//
//	entry id            conceptEntry/@id (an id that starts with a digit, not an XML name, gets a leading "_")
//	category            conceptEntry/descrip[@type="subjectField"]
//	note                conceptEntry/note
//	source              conceptEntry/admin[@type="source"]
//	term, per language  langSec/termSec/term + termNote[@type="administrativeStatus"] preferredTerm-admn-sts
//	variants            termSec with admittedTerm-admn-sts, in order
//	forbidden           termSec with deprecatedTerm-admn-sts, in order
//	policy              conceptEntry/note "relloc:policy LANG=POLICY", written when the policy is not required
//	                    or the language has no form at all (TBX-Basic has no policy category, and a langSec
//	                    needs at least one termSec, so "ja: omit" cannot live in a ja langSec)
//	case_sensitive      langSec[@xml:lang="en"]/note "relloc:case-sensitive"
//
// Read accepts TBX v3 files from other tools too: a termSec without administrativeStatus is the approved term
// when its language has none yet and an accepted variant otherwise, supersededTerm-admn-sts counts as
// forbidden, and data categories relloc has no place for (definition, partOfSpeech, context, ...) are skipped.
// Errors name path:line:col. The XML is written by hand, in a fixed layout, rather than with encoding/xml's
// marshaller, whose struct tags cannot express the xml:lang attribute and the element order TBX-Basic needs.
package tbx
