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
// SelfTest runs every rule over a known-bad workspace built into relloc and reports any rule that does not fire,
// so that a broken rule can never pass silently.
package check
