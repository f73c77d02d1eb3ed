// Package tbx reads and writes the glossary as TBX-Basic, the term-base exchange format of CAT tools such as
// Trados, memoQ, OmegaT and Translate Toolkit, in both of its dialects: TBX 2008 (ISO 30042:2008, <martif>,
// termEntry, langSet, tig), which Write produces by default because OmegaT 3.6 and Translate Toolkit 3.8 read
// it and read no TBX v3, and TBX v3 (ISO 30042:2019, DCA style, <tbx>, conceptEntry, langSec, termSec).
//
// The mapping, chosen among the data categories TBX-Basic allows (v3 names; 2008 uses its own):
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
//	data                every other descrip, admin, termNote, note and xref of the entry, a langSec or a
//	                    termSec (definition, context, partOfSpeech, termType, ...), and the langSecs of
//	                    languages outside the workspace, written back where they were read
//
// Read accepts files from other tools: both dialects (ntig/termGrp and the *Grp wrappers included), language
// tags with a region (km-KH is km), a termSec without administrativeStatus (the approved term when its
// language has none yet, an accepted variant otherwise), supersededTerm-admn-sts as forbidden (and kept as
// superseded for the next export), an entry without subjectField (DefaultCategory, with a warning) and ids
// that are not relloc ids (made one, with a warning). Errors name path:line:col. The XML is written by hand,
// in a fixed layout, rather than with encoding/xml's marshaller, whose struct tags cannot express the
// xml:lang attribute and the element order TBX-Basic needs.
package tbx
