package glossedit

import (
	"errors"
	"strings"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/inputerr"
)

// Validate checks one entry against the rules glossary.Parse enforces (id, category, English term, policies,
// renderings that are also forbidden) by rendering it and parsing the result. It returns the problems as
// messages without positions, for an importer to place at the row or element the entry came from.
func Validate(e *glossary.Entry, opt glossary.Options) []string {
	_, err := glossary.Parse([]glossary.File{{Path: "entry.toml", Data: []byte(Render(e, opt.Targets))}}, opt)
	if err == nil {
		return nil
	}
	var list inputerr.List
	var one *inputerr.Error
	switch {
	case errors.As(err, &list):
		out := make([]string, len(list))
		for i, e := range list {
			out[i] = e.Msg
		}
		return out
	case errors.As(err, &one):
		return []string{one.Msg}
	}
	return []string{strings.TrimSpace(err.Error())}
}
