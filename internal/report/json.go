package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"

	"github.com/relloc/relloc/internal/ctrl"
	"github.com/relloc/relloc/internal/finding"
)

// jsonVersion is the version of the JSON report layout. Raise it when a
// field changes meaning or disappears; adding a field does not raise it.
const jsonVersion = 1

// JSON writes one indented JSON object:
//
//	{"version": 1, "findings": [...], "summary": {"errors", "warnings", "infos", "files", "releases"}}
//
// Findings use the field names of finding.Finding's JSON tags, severities
// are "error", "warning" or "info", and findings is [] (never null) when
// there are none. HTML characters are not escaped: the report is data, not
// a web page. A Writer of this format encodes the findings one at a time, as
// elements of the array, and the summary, which counts them, at Close.
func JSON(w io.Writer, fs []finding.Finding, o Options) error { return Write("json", w, fs, o) }

// jsonSink is the JSON format of a Writer. Its output is what encoding/json
// gives of the whole object, indented by two spaces.
type jsonSink struct {
	bw  *bufio.Writer
	buf bytes.Buffer
	enc *json.Encoder // to buf, indented as an element of findings
	n   int
}

func newJSONSink(w io.Writer) *jsonSink {
	s := &jsonSink{bw: bufio.NewWriter(w)}
	s.enc = newIndentedEncoder(&s.buf, "    ")
	fmt.Fprintf(s.bw, "{\n  \"version\": %d,\n  \"findings\": [", jsonVersion)
	return s
}

// newIndentedEncoder returns an encoder of values nested at the indent prefix in a document indented by two
// spaces, with no HTML escaping.
func newIndentedEncoder(w io.Writer, prefix string) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	return enc
}

func (s *jsonSink) prepare(f finding.Finding) finding.Finding {
	f = escaped(f)
	f.Expected, f.Found = ctrl.Escape(f.Expected), ctrl.Escape(f.Found)
	return f
}

func (s *jsonSink) write(f finding.Finding) error {
	if s.n > 0 {
		s.bw.WriteString(",")
	}
	s.n++
	s.bw.WriteString("\n    ")
	if err := writeElement(s.bw, &s.buf, s.enc, f); err != nil {
		return fmt.Errorf("write json report: %w", err)
	}
	return sticky(s.bw, "json")
}

// writeElement encodes v with enc, which writes to buf, and copies it without its final line feed to w.
func writeElement(w io.Writer, buf *bytes.Buffer, enc *json.Encoder, v any) error {
	buf.Reset()
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	return err
}

func (s *jsonSink) end(sum finding.Summary) error {
	if s.n > 0 {
		s.bw.WriteString("\n  ")
	}
	s.bw.WriteString("],\n  \"summary\": ")
	if err := writeElement(s.bw, &s.buf, newIndentedEncoder(&s.buf, "  "), sum); err != nil {
		return fmt.Errorf("write json report: %w", err)
	}
	s.bw.WriteString("\n}\n")
	if err := s.bw.Flush(); err != nil {
		return fmt.Errorf("write json report: %w", err)
	}
	return nil
}
