package finding

import (
	"encoding/json"
	"testing"
)

func TestParseSeverity(t *testing.T) {
	tests := []struct {
		in      string
		want    Severity
		wantErr bool
	}{
		{"error", Error, false},
		{"warning", Warning, false},
		{"info", Info, false},
		{" Warning ", Warning, false},
		{"ERROR", Error, false},
		{"off", 0, true},
		{"fatal", 0, true},
		{"", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseSeverity(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("ParseSeverity(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseSeverity(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestSeverityOrder(t *testing.T) {
	if !(Info < Warning && Warning < Error) {
		t.Errorf("got Info=%d Warning=%d Error=%d, want increasing", Info, Warning, Error)
	}
}

func TestSeverityString(t *testing.T) {
	tests := []struct {
		in   Severity
		want string
	}{
		{Info, "info"}, {Warning, "warning"}, {Error, "error"}, {Severity(7), "severity(7)"}, {Severity(-1), "severity(-1)"},
	}
	for _, tt := range tests {
		if got := tt.in.String(); got != tt.want {
			t.Errorf("Severity(%d).String() = %q, want %q", int(tt.in), got, tt.want)
		}
	}
}

func TestSeverityJSON(t *testing.T) {
	type wrap struct {
		S Severity `json:"s"`
	}
	for _, s := range []Severity{Info, Warning, Error} {
		b, err := json.Marshal(wrap{s})
		if err != nil {
			t.Fatalf("marshal %v: %v", s, err)
		}
		want := `{"s":"` + s.String() + `"}`
		if string(b) != want {
			t.Errorf("marshal %v = %s, want %s", s, b, want)
		}
		var back wrap
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("unmarshal %s: %v", b, err)
		}
		if back.S != s {
			t.Errorf("round trip of %v gave %v", s, back.S)
		}
	}
	if _, err := json.Marshal(wrap{Severity(9)}); err == nil {
		t.Errorf("marshal Severity(9): got no error, want one")
	}
	var w wrap
	if err := json.Unmarshal([]byte(`{"s":"loud"}`), &w); err == nil {
		t.Errorf(`unmarshal "loud": got no error, want one`)
	}
}
