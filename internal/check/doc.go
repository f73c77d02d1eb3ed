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
package check
