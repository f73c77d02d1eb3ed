package glossedit

import (
	"errors"
	"strings"

	"github.com/relloc/relloc/internal/glossary"
	"github.com/relloc/relloc/internal/inputerr"
	"github.com/relloc/relloc/internal/ui"
)

// Validate checks one entry against the rules glossary.Parse enforces (id, category, English term, policies,
// renderings that are also forbidden) by rendering it and parsing the result. It returns the problems as
// messages of relloc's catalogue without positions, for an importer to place at the row or element the entry
// came from and to print in the reader's language.
func Validate(e *glossary.Entry, opt glossary.Options) []ui.Message {
	_, err := glossary.Parse([]glossary.File{{Path: "entry.toml", Data: []byte(Render(e, opt.Targets))}}, opt)
	if err == nil {
		return nil
	}
	var list inputerr.List
	var one *inputerr.Error
	switch {
	case errors.As(err, &list):
		out := make([]ui.Message, len(list))
		for i, e := range list {
			out[i] = message(e)
		}
		return out
	case errors.As(err, &one):
		return []ui.Message{message(one)}
	}
	return []ui.Message{verbatim(strings.TrimSpace(err.Error()))}
}

// message is e's message without its position: its catalogue id, or its English when it has none.
func message(e *inputerr.Error) ui.Message {
	if e.ID == "" {
		return verbatim(e.Msg)
	}
	return ui.Message{ID: e.ID, Args: e.Args}
}

// verbatim is a message that has no id, said as it is in every language.
func verbatim(s string) ui.Message { return ui.Message{ID: "Verbatim", Args: ui.Args{"Text": s}} }
