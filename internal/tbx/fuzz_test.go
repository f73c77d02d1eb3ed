package tbx

import (
	"bytes"
	"testing"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/inputerr"
)

// FuzzRead feeds Read arbitrary files, seeded with relloc's own export of a small glossary in both dialects: every
// problem is an input error, never a panic.
func FuzzRead(f *testing.F) {
	g, err := glossary.Parse([]glossary.File{{Path: "extra.toml", Data: []byte(extra)}}, glossary.Options{Targets: opt.Targets})
	if err == nil {
		for _, d := range []Dialect{TBX2008, TBXv3} {
			var buf bytes.Buffer
			o := opt
			o.Dialect = d
			if Write(&buf, g.Entries, o) == nil {
				f.Add(buf.String())
			}
		}
	}
	for _, s := range []string{
		`<tbx type="TBX-Basic" xmlns="urn:iso:std:iso:30042:ed-2"><text><body><conceptEntry id="x"><descrip type="subjectField">place</descrip><langSec xml:lang="en"><termSec><term>X&#x9b;</term></termSec></langSec></conceptEntry></body></text></tbx>`,
		`<martif type="TBX"><text><body/></text></martif>`, `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>`,
		"<tbx>\x00</tbx>", "",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data string) {
		_, err := Read("g.tbx", []byte(data), opt)
		if err != nil && !inputerr.Is(err) {
			t.Fatalf("Read(%q): error %v is not an input error", data, err)
		}
	})
}
