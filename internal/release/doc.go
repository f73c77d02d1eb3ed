// Package release is the model of a press release: one Markdown file per language in a folder
// releases/<YYYY-MM-DD>-<slug>/<lang>.md, each with optional TOML front matter between "+++" lines.
//
// Files are parsed as CommonMark with goldmark. A document is a sequence of blocks (headings, paragraphs, list
// items); each block keeps its plain text (inline markup removed, hard line breaks as "\n", soft breaks as a
// space whose offset SoftBreaks keeps), the markup that was removed (emphasis, links, code, <sup>/<sub>) and a map from every byte of the
// plain text back to its byte in the file, so that findings and alignments report the line and column a
// translator sees in the editor.
//
// A file that is not UTF-8 text (invalid UTF-8, a NUL byte) and front matter that is not TOML between "+++"
// lines (YAML between "---" lines) are input errors at path:line:column rather than text to check; fences may
// end in CRLF or trailing blanks, as files saved on Windows do.
package release
