package ui

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"text/template"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"github.com/pelletier/go-toml/v2"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

//go:embed locales/*.toml
var locales embed.FS

// Catalogues returns relloc's own message files (locales/NAME.LANG.toml: active for the CLI's words, more files
// by concern as they grow), for relloc catalog check --ui.
func Catalogues() fs.FS { return locales }

// Languages are the languages relloc speaks, English first (the default).
var Languages = []language.Tag{language.English, language.Khmer, language.Japanese}

var bundle = newBundle()

func newBundle() *i18n.Bundle {
	b := i18n.NewBundle(language.English)
	b.RegisterUnmarshalFunc("toml", toml.Unmarshal)
	names, err := fs.Glob(locales, "locales/*.toml")
	if err != nil {
		panic(fmt.Sprintf("ui: embedded catalogues: %v", err))
	}
	for _, name := range names {
		if _, err := b.LoadMessageFileFS(locales, name); err != nil {
			panic(fmt.Sprintf("ui: embedded catalogue: %v", err)) // a build with a broken catalogue fails every test
		}
	}
	return b
}

// EnvVars are the environment variables Lang reads after the flag, in order: relloc's own, then the POSIX
// locale variables.
var EnvVars = []string{"RELLOC_LANG", "LC_ALL", "LC_MESSAGES", "LANG"}

var matcher = language.NewMatcher(Languages)

// Lang returns the language to speak: flag (--ui-lang) when set, else the first set variable of EnvVars, read
// with getenv. POSIX locale names are accepted ("km_KH.UTF-8", "ja_JP.eucJP@euro"); "C" and "POSIX" mean
// English, as does a language relloc does not speak. An unparsable flag value is an error; an unparsable
// variable is skipped, as other programs do.
func Lang(flag string, getenv func(string) string) (language.Tag, error) {
	if flag != "" {
		t, ok := parseLocale(flag)
		if !ok {
			return language.English, fmt.Errorf("--ui-lang %q: not a language (write en, km or ja)", flag)
		}
		return best(t), nil
	}
	if getenv == nil {
		return language.English, nil
	}
	for _, v := range EnvVars {
		if s := getenv(v); s != "" {
			if t, ok := parseLocale(s); ok {
				return best(t), nil
			}
		}
	}
	return language.English, nil
}

// parseLocale reads a BCP 47 tag or a POSIX locale name.
func parseLocale(s string) (language.Tag, bool) {
	if i := strings.IndexAny(s, ".@"); i >= 0 {
		s = s[:i]
	}
	if s == "C" || s == "POSIX" {
		return language.English, true
	}
	t, err := language.Parse(strings.ReplaceAll(s, "_", "-"))
	return t, err == nil
}

func best(t language.Tag) language.Tag {
	_, i, conf := matcher.Match(t)
	if conf == language.No {
		return language.English
	}
	return Languages[i]
}

// Printer renders relloc's messages in one language.
type Printer struct {
	Lang  language.Tag
	loc   *i18n.Localizer
	funcs template.FuncMap
}

// New returns a Printer for lang (one of Languages; others fall back to English).
func New(lang language.Tag) *Printer {
	p := &Printer{Lang: lang, loc: i18n.NewLocalizer(bundle, lang.String())}
	p.funcs = template.FuncMap{"lang": p.LangName}
	return p
}

// English is the Printer of the default language.
var English = New(language.English)

// Args are the template fields of a message, by name. A field whose value is a Message, a List or Lines is rendered in
// the printer's language before the message that holds it, so that a message can name a part ("sentence 2 of 3
// of paragraph 4") that is a message of its own.
type Args = map[string]any

// Message is a message id with its template fields: a message to render later, in whatever language the reader
// wants.
type Message struct {
	ID   string
	Args Args
}

// List is messages rendered one after the other, separated by the message ListSeparator.
type List []Message

// Lines is messages rendered one a line.
type Lines []Message

// T renders the message id with data (Args, or a struct of template fields). A message missing from the
// catalogues (a bug that TestCatalogues catches) renders as its id. Templates can call lang, which names a
// language tag ("km") in the printer's language (LangName).
func (p *Printer) T(id string, data any) string {
	if p == nil {
		p = English
	}
	if args, ok := data.(Args); ok {
		data = p.resolve(args)
	}
	s, err := p.loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data, Funcs: p.funcs})
	if err != nil {
		return id
	}
	return s
}

// Lookup renders the message id with data like T, and reports whether p's own language has it: false when
// the message is missing or only English has it (T would fall back to the English or to the id).
func (p *Printer) Lookup(id string, data any) (string, bool) {
	if p == nil {
		p = English
	}
	if args, ok := data.(Args); ok {
		data = p.resolve(args)
	}
	s, tag, err := p.loc.LocalizeWithTag(&i18n.LocalizeConfig{MessageID: id, TemplateData: data, Funcs: p.funcs})
	if err != nil || tag != p.Lang {
		return s, false
	}
	return s, true
}

// M renders m.
func (p *Printer) M(m Message) string { return p.T(m.ID, m.Args) }

// resolve returns args with its Message and List values rendered, or args itself when it has none.
func (p *Printer) resolve(args Args) Args {
	var out Args
	for k, v := range args {
		var s string
		switch v := v.(type) {
		case Message:
			s = p.M(v)
		case List:
			parts := make([]string, len(v))
			for i, m := range v {
				parts[i] = p.M(m)
			}
			s = strings.Join(parts, p.T("ListSeparator", nil))
		case Lines:
			parts := make([]string, len(v))
			for i, m := range v {
				parts[i] = p.M(m)
			}
			s = strings.Join(parts, "\n")
		default:
			continue
		}
		if out == nil {
			out = make(Args, len(args))
			for k, v := range args {
				out[k] = v
			}
		}
		out[k] = s
	}
	if out == nil {
		return args
	}
	return out
}

// LangName names the language of the BCP 47 tag code in p's language ("km" is Khmer, ខ្មែរ, クメール語), or
// returns code as it is when it does not parse or has no name.
func (p *Printer) LangName(code string) string {
	t, err := language.Parse(code)
	if err != nil {
		return code
	}
	if name := display.Languages(p.Lang).Name(t); name != "" {
		return name
	}
	return code
}

// N renders the plural message id for count n, which the template sees as {{.Count}}.
func (p *Printer) N(id string, n int) string {
	if p == nil {
		p = English
	}
	s, err := p.loc.Localize(&i18n.LocalizeConfig{MessageID: id, PluralCount: n, TemplateData: map[string]any{"Count": n}})
	if err != nil {
		return id
	}
	return s
}
