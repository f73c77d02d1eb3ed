// Package check is relloc's consistency gate: it runs every rule over the aligned segments of each release and
// returns findings as data (package finding), sorted by path and position. Rendering them (text, JSON, SARIF,
// JUnit, GitHub annotations) is package report's job.
//
// Each rule is a small type behind the Checker interface, in a file of its own; its configuration (severity,
// per-language allowances) comes from relloc.toml. Inline suppressions are HTML comments on the line before:
//
//	<!-- relloc-ignore glossary-missing: the motto is not translated in this letterhead -->
//
// A suppression without a reason, or naming an unknown rule, is itself a finding (bad-suppression).
//
// SelfTest runs every rule over a known-bad workspace built into relloc and compares what they report with the
// sample's expected findings (selftest/expected.txt: path, line, column, rule and message of each): a rule that
// stays silent, loses a finding, reports it at another place or in other words, or reports one too many fails
// the self-test. TestSelfTestCatchesBrokenRules breaks each rule in each of these ways and shows the self-test
// failing.
//
// # Streaming
//
// Run checks releases already in memory. Stream and RunSource check releases read one at a time from a Source,
// as relloc check reads a workspace: GOMAXPROCS workers each read a release, check it and drop it, and a reorder
// buffer hands the outcomes on in the Source's order, a worker waiting rather than running more than 4 releases
// per worker ahead of the next outcome due. A run holds the glossary and its matchers and that window of
// releases, never the archive. RunSource keeps every finding and case for its Result; Runner.StreamTo passes each
// outcome to a collector made by CollectorTo, which relloc check hands on to a report.Writer that writes as the
// outcomes come, so that its memory does not grow with the number of releases. The bound, measured by make bench-scale
// (internal/scalegen, a 5,000-entry glossary): peak RSS under 300 MiB up to 20,000 releases (230 MiB at 10,000,
// where holding every release took 1,044 MiB; 264 MiB at 20,000), of which some 90 MiB is the live glossary
// matchers and most of the rest the garbage collector's headroom.
//
// Runner is a run prepared once for a caller that reads and aligns each release itself and keeps its outcome:
// the persistent index (package index) checks every release it reads again through the alignment it also draws
// its translation memory and coverage from, stores the findings, and relloc check gives them back, collected
// as RunSource collects what it streams, while the release's files, the configuration, the glossary and relloc
// stay the same.
//
// No rule needs every release at once: stale findings come from the translation's own [source] table, suppressions
// and consequences from the release's files, and --changed-since decides release by release (incremental.Selector).
// Release ids are not required to be unique, and no rule compares releases with each other.
package check
