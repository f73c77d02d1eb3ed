package finding

// Rule describes one check rule. Rule ids are stable and documented: users
// refer to them in relloc.toml to change a severity or turn a rule off, and
// SARIF consumers use them to track alerts across runs.
type Rule struct {
	ID          string   // stable id, e.g. "glossary-missing"
	Summary     string   // one line
	Description string   // a paragraph: what fires the rule and how to fix it
	Default     Severity // severity used unless the configuration overrides it
}
