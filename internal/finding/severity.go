package finding

import (
	"fmt"
	"strings"

	"github.com/relloc/relloc/internal/ui"
)

// Severity says how serious a finding is. The zero value is Info, and the
// order is meaningful: a larger Severity is more serious, so a caller can
// filter with s >= Warning.
type Severity int

// The severities, from the least serious to the most.
const (
	Info Severity = iota
	Warning
	Error
)

var severityNames = [...]string{Info: "info", Warning: "warning", Error: "error"}

// ParseSeverity parses "error", "warning" or "info" (case-insensitively,
// ignoring surrounding space). The configuration value "off" is not a
// severity: the configuration layer handles it before calling this.
func ParseSeverity(s string) (Severity, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	for i, name := range severityNames {
		if t == name {
			return Severity(i), nil
		}
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// String returns "error", "warning" or "info", or "severity(N)" for a value
// outside the defined range.
func (s Severity) String() string {
	if s >= 0 && int(s) < len(severityNames) {
		return severityNames[s]
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// MarshalText encodes s as its name, so that JSON and TOML carry "error"
// rather than a number. It fails for a value outside the defined range.
func (s Severity) MarshalText() ([]byte, error) {
	if s < 0 || int(s) >= len(severityNames) {
		return nil, fmt.Errorf("marshal severity: invalid value %d", int(s))
	}
	return []byte(severityNames[s]), nil
}

// UnmarshalText decodes a name accepted by ParseSeverity.
func (s *Severity) UnmarshalText(text []byte) error {
	v, err := ParseSeverity(string(text))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

var severityMessages = [...]string{Info: "SeverityInfo", Warning: "SeverityWarning", Error: "SeverityError"}

// Message is s as a message of relloc's catalogue, for a line a person reads in their language ("エラー");
// reports that tools parse keep String.
func (s Severity) Message() ui.Message {
	if s < 0 || int(s) >= len(severityMessages) {
		return ui.Message{ID: "Verbatim", Args: ui.Args{"Text": s.String()}}
	}
	return ui.Message{ID: severityMessages[s]}
}
