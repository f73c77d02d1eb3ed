package report

import (
	"container/heap"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/relloc/relloc/internal/ctrl"
	"github.com/relloc/relloc/internal/finding"
)

// Release is what one release folder adds to a report: its findings, in any order, and the cases of its files
// (JUnit's test cases). Findings from outside release folders (a glossary file, a message catalogue) come as a
// Release with no ID and no Dir.
type Release struct {
	// ID is the release's id. A JUnit Writer takes releases in the order of their ids, the order of its test
	// suites ("" first); the other formats take them in any order.
	ID string
	// Dir is the release's folder as finding paths begin with it (forward slashes), one of Options.Folders, or ""
	// for findings outside release folders.
	Dir      string
	Findings []finding.Finding
	Cases    []Case
}

// Writer writes a report in one format as the releases of a run come, one at a time, holding only what cannot
// be written yet. Text, GitHub annotations, JSON and SARIF list findings in finding.Sort order, which is by path:
// a finding is written once no release still to come can have one before it (see Options.Folders), so that
// releases given in the order of their folders are written as they come, and in another order (that of their
// ids, say) as soon as the folders before them were given. JUnit takes releases in the order of their ids and
// writes a release's test suite once a release of a greater id comes, and the totals that head the document at
// Close (see Options.Spool): it writes nothing to its io.Writer before Close. Output is byte for byte that of
// Write given every finding and case at once.
type Writer struct {
	byPath *pathOrder  // text, github, json, sarif
	junit  *junitWrite // junit
	lastID string      // of the last release added to junit
	added  bool
	err    error
}

// NewWriter returns a Writer of the named format (one of Formats) to w. It writes nothing before the first Add
// or Close.
func NewWriter(format string, w io.Writer, o Options) (*Writer, error) {
	var s findingSink
	switch format {
	case "text":
		s = newTextSink(w, o)
	case "json":
		s = newJSONSink(w)
	case "sarif":
		ss, err := newSARIFSink(w, o)
		if err != nil {
			return nil, err
		}
		s = ss
	case "junit":
		return &Writer{junit: newJUnitWrite(w, o)}, nil
	case "github":
		s = newGitHubSink(w, o)
	default:
		return nil, fmt.Errorf("unknown report format %q (valid formats: %s)", format, strings.Join(Formats, ", "))
	}
	return &Writer{byPath: newPathOrder(s, o.Folders)}, nil
}

// Add takes the next release of the report. It does not change r's slices. For JUnit, a release whose id sorts
// before the id of the release added before it is an error; for the other formats, a finding that sorts before
// one already written (of a folder missing from Options.Folders): the order of the report would be lost.
func (w *Writer) Add(r Release) error {
	if w.err != nil {
		return w.err
	}
	if w.junit != nil {
		if w.added && r.ID < w.lastID {
			w.err = fmt.Errorf("report: release %s given after release %s", r.ID, w.lastID)
			return w.err
		}
		w.added, w.lastID = true, r.ID
		w.err = w.junit.add(r)
	} else {
		w.err = w.byPath.add(r)
	}
	return w.err
}

// Close writes what is held and the end of the report. s gives Files and Releases, the numbers of files and
// releases checked; the severity counts are those of the findings added.
func (w *Writer) Close(s finding.Summary) error {
	if w.err != nil {
		return w.err
	}
	if w.junit != nil {
		return w.junit.close()
	}
	return w.byPath.close(s)
}

// findingSink is a format written finding by finding, in finding.Sort order.
type findingSink interface {
	// prepare gives a finding as the format sorts and writes it: escaped (see escaped) and, for the formats a
	// person reads, with its message in the reader's language.
	prepare(f finding.Finding) finding.Finding
	// write writes the next finding.
	write(f finding.Finding) error
	// end writes what follows the last finding; s holds the severity counts of every finding written.
	end(s finding.Summary) error
}

// pathOrder puts the findings of releases added in the order of their ids into finding.Sort order for a sink,
// holding those that a release still to come may precede. A release's findings lie in its folder (their paths
// are the folder or begin with it and a slash), so a finding whose path sorts before the least folder still to
// come (the floor) can be written; findings of a release given before the release whose folder sorts before its
// own wait for it. When ids are the folders' names, as they are unless front matter sets them, that is the same
// order, and a release's findings are written as it is added.
type pathOrder struct {
	sink    findingSink
	folders []string        // every folder, escaped as the findings' paths are, sorted
	seen    map[string]bool // the folders added
	next    int             // folders[:next] are all seen
	held    findingHeap
	seq     int
	last    *finding.Finding // the last finding written
	sum     finding.Summary
}

func newPathOrder(s findingSink, folders []string) *pathOrder {
	fs := make([]string, len(folders))
	for i, d := range folders {
		fs[i] = ctrl.EscapeLine(d)
	}
	slices.Sort(fs)
	return &pathOrder{sink: s, folders: slices.Compact(fs), seen: map[string]bool{}}
}

func (o *pathOrder) add(r Release) error {
	o.held = slices.Grow(o.held, len(r.Findings))
	for _, f := range r.Findings {
		f = o.sink.prepare(f)
		if o.last != nil && finding.Compare(f, *o.last) < 0 {
			return fmt.Errorf("report: finding at %s given after the report passed it (at %s): its folder is not among the report's", location(f), location(*o.last))
		}
		heap.Push(&o.held, heldFinding{f, o.seq})
		o.seq++
	}
	if r.Dir == "" || len(o.folders) == 0 {
		return nil
	}
	o.seen[ctrl.EscapeLine(r.Dir)] = true
	for o.next < len(o.folders) && o.seen[o.folders[o.next]] {
		delete(o.seen, o.folders[o.next])
		o.next++
	}
	if o.next == len(o.folders) {
		return o.flush(func(string) bool { return true })
	}
	floor := o.folders[o.next]
	return o.flush(func(p string) bool { return p < floor })
}

// flush writes the findings held, in order, while before says that the path of the next one comes before
// anything still to come.
func (o *pathOrder) flush(before func(path string) bool) error {
	for o.held.Len() > 0 && before(o.held[0].f.Path) {
		h := heap.Pop(&o.held).(heldFinding)
		count(&o.sum, h.f.Severity)
		if err := o.sink.write(h.f); err != nil {
			return err
		}
		o.last = &h.f
	}
	return nil
}

func (o *pathOrder) close(s finding.Summary) error {
	if err := o.flush(func(string) bool { return true }); err != nil {
		return err
	}
	o.sum.Files, o.sum.Releases = s.Files, s.Releases
	return o.sink.end(o.sum)
}

// count adds a finding of severity s to the counts of sum.
func count(sum *finding.Summary, s finding.Severity) {
	switch {
	case s >= finding.Error:
		sum.Errors++
	case s == finding.Warning:
		sum.Warnings++
	default:
		sum.Infos++
	}
}

// heldFinding is a finding waiting to be written; seq, the order it was added in, keeps findings equal under
// finding.Compare in that order, as finding.Sort, which is stable, does.
type heldFinding struct {
	f   finding.Finding
	seq int
}

// findingHeap is a heap of held findings, the least in finding.Sort order first.
type findingHeap []heldFinding

func (h findingHeap) Len() int { return len(h) }
func (h findingHeap) Less(i, j int) bool {
	if c := finding.Compare(h[i].f, h[j].f); c != 0 {
		return c < 0
	}
	return h[i].seq < h[j].seq
}
func (h findingHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *findingHeap) Push(x any)   { *h = append(*h, x.(heldFinding)) }
func (h *findingHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	old[len(old)-1] = heldFinding{}
	*h = old[:len(old)-1]
	return x
}

// escaped returns f with control characters escaped in every text field (see package ctrl) but Expected and
// Found: a release's text must not drive the terminal or the CI log that a report reaches. The message keeps
// its line feeds; the other fields are single lines. Expected and Found are escaped where they are written:
// Go-quoted (quote) in text, JUnit and GitHub, with ctrl.Escape in JSON and SARIF. Findings are sorted as they
// are once escaped.
func escaped(f finding.Finding) finding.Finding {
	for _, p := range []*string{&f.Path, &f.Lang, &f.Release, &f.Segment, &f.Rule, &f.SourcePath} {
		*p = ctrl.EscapeLine(*p)
	}
	f.Message = ctrl.Escape(f.Message)
	return f
}
