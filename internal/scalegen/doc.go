// Package scalegen generates a synthetic trilingual workspace (English source, Khmer and Japanese
// translations) of any size for measuring relloc at a ministry's scale: `make bench-scale` writes one into a
// temporary folder and runs relloc check beside ripgrep and Vale on the same bytes.
//
// The workspace is made from a vocabulary of the diplomatic register (countries, Cambodian provinces, offices,
// fields of cooperation, Cambodian personal names) and from sentence templates written in the style of MFAIC
// and MOFA releases, each with its English, Khmer and Japanese form. A glossary entry is a combination of that
// vocabulary (the Minister of Commerce of Thailand, a memorandum of understanding on fisheries with Viet Nam);
// a release is a meeting, a telephone conversation or a courtesy call whose paragraphs are drawn from the
// templates and filled with entries of the glossary, numbers and dates, so no two releases are copies of each
// other and every language holds the glossary's terms. The same seed gives the same bytes.
//
// Written by hand: no library generates trilingual diplomatic text; the generator only fills templates, it
// does not translate.
package scalegen
