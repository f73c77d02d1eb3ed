// Package tmx writes relloc's translation memory as TMX 1.4 (Translation
// Memory eXchange, the LISA/GALA format that CAT tools import), one
// translation unit per aligned segment, and reads TMX files of other tools
// into memory units.
//
// WriteWith adds what tag-aware tools need to match segments with markup:
// inline codes (<bpt>/<ept> around bold, emphasis, superscript, links, <ph>
// for a line break, each holding the Markdown it stands for) and the release's
// date as creationdate. The output is deterministic (dates are release dates,
// not the time of the export; units in the order given, the source language
// first in each unit and the others in the workspace's order), so that an
// exported memory can be committed and diffed.
package tmx
