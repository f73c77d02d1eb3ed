// Package tmx writes relloc's translation memory as TMX 1.4 (Translation
// Memory eXchange, the LISA/GALA format that CAT tools import), one
// translation unit per aligned segment.
//
// The output is deterministic: no creation date, units in the order given,
// the source language first in each unit and the others sorted by tag, so
// that an exported memory can be committed and diffed.
package tmx
