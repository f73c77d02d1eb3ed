package termcsv

import (
	"testing"

	"github.com/relloc/relloc/internal/inputerr"
)

// FuzzRead feeds Read arbitrary CSV files: every problem is an input error, never a panic.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		head + "he,honorific,H.E.,His Excellency | Her Excellency,true,ឯកឧត្តម,,,required,,,,omit,,\n",
		head + "mfaic,organisation,\"Ministry\x1b[31m\",,,,,,,,,,,,\n",
		"\ufeffid,category,en\r\nx,place,Tokyo\r\n", "id,category,en\n\x00\x00", "id,category,en,fr\n", "",
		"id,category,en\n\"a\nb\",place,\"X\"\"Y\"\n", "id,id\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		out, err := Read("g.csv", []byte(data), Options{Targets: targets})
		if err != nil {
			if !inputerr.Is(err) {
				t.Fatalf("Read(%q): error %v is not an input error", data, err)
			}
			return
		}
		for _, e := range out {
			if e.Entry == nil || e.Entry.ID == "" {
				t.Fatalf("Read(%q): accepted %+v", data, e)
			}
		}
	})
}
