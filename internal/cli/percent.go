package cli

import (
	"strconv"
	"strings"
)

// percentValue is a flag holding a percentage between 0 and 100, written "95", "95%" or "99.5 %".
type percentValue float64

func (p *percentValue) String() string { return strconv.FormatFloat(float64(*p), 'g', -1, 64) }

// Type names the value in help ("--min percent").
func (p *percentValue) Type() string { return "percent" }

// Set parses a percentage; pflag puts the flag's name and the value before the error.
func (p *percentValue) Set(s string) error {
	v, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "%")), 64)
	if err != nil {
		return usage("PercentInvalid")
	}
	if v < 0 || v > 100 {
		return usage("PercentRange")
	}
	*p = percentValue(v)
	return nil
}
