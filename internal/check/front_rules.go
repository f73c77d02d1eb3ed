package check

import (
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/relloc/relloc/internal/finding"
	"github.com/relloc/relloc/internal/release"
	"github.com/relloc/relloc/internal/ui"
)

func init() {
	RegisterChecker(frontMatter{})
	RegisterChecker(statusRule{})
}

// frontMatter fires when a translation's front matter names another release than the English (id, date) or a
// status relloc does not know.
type frontMatter struct{}

func (frontMatter) Rule() finding.Rule {
	return finding.Rule{ID: "front-matter", Default: finding.Error,
		Summary: "A translation's front matter id or date differs from the English, or its status is unknown",
		Description: "The id and date in a translation's front matter must be those of the English release (the " +
			"translation was probably copied from another release), and its status one of " +
			strings.Join(release.Statuses, ", ") + "."}
}

func (frontMatter) Check(c *Context, report func(finding.Finding)) {
	src := c.Release.Doc(c.Source)
	if src == nil {
		return
	}
	for _, lang := range c.Targets {
		tgt := c.Release.Doc(lang)
		if tgt == nil || !tgt.HasFront {
			continue
		}
		at := func(key, id string, args ui.Args, want, got string) {
			f := finding.Finding{Path: tgt.Path, Line: tgt.FrontLine(key), Column: 1, Lang: lang.String(),
				Release: c.Release.ID, Expected: want, Found: got, SourcePath: src.Path, SourceLine: src.FrontLine(key)}
			f.Say(id, args)
			report(f)
		}
		// The English's front matter names the release, else its folder does.
		wantID, wantDate := src.Front.ID, src.Front.Time()
		if wantID == "" {
			wantID = path.Base(c.Release.Dir)
		}
		if wantDate.IsZero() {
			if t, err := time.Parse("2006-01-02", strings.Join(strings.SplitN(wantID, "-", 4)[:min(3, len(strings.SplitN(wantID, "-", 4)))], "-")); err == nil {
				wantDate = t
			}
		}
		if id := tgt.Front.ID; id != "" && id != wantID {
			at("id", "FrontID", ui.Args{"ID": strconv.Quote(id), "Want": strconv.Quote(wantID)}, wantID, id)
		}
		if t := tgt.Front.Time(); !t.IsZero() && !wantDate.IsZero() && !t.Equal(wantDate) {
			want, got := wantDate.Format("2006-01-02"), t.Format("2006-01-02")
			at("date", "FrontDate", ui.Args{"Date": got, "Want": want}, want, got)
		}
		if s := tgt.Front.Status; s != "" && release.StatusRank(s) < 0 {
			at("status", "FrontStatus", ui.Args{"Status": strconv.Quote(s), "Statuses": strings.Join(release.Statuses, ", ")}, "", s)
		}
	}
}

// statusRule fires when a translation's status is below what relloc.toml requires ([check] require_status).
type statusRule struct{}

func (statusRule) Rule() finding.Rule {
	return finding.Rule{ID: "status", Default: finding.Error,
		Summary: "A translation's status is below the status relloc.toml requires",
		Description: "With [check] require_status = \"reviewed\" (or another of " + strings.Join(release.Statuses, ", ") +
			"), every translation's front matter status must be at least that far along: relloc draft sets draft, " +
			"relloc review --accept sets reviewed once nothing is left to review. Without require_status the rule is silent."}
}

func (statusRule) Check(c *Context, report func(finding.Finding)) {
	need := release.StatusRank(c.Config.RequireStatus)
	if need < 0 {
		return
	}
	for _, lang := range c.Targets {
		tgt := c.Release.Doc(lang)
		if tgt == nil {
			continue
		}
		s := tgt.Front.Status
		if r := release.StatusRank(s); r >= need {
			continue
		}
		f := finding.Finding{Path: tgt.Path, Line: tgt.FrontLine("status"), Column: 1, Lang: lang.String(), Release: c.Release.ID,
			Expected: c.Config.RequireStatus, Found: s}
		if s == "" {
			f.Say("StatusNone", ui.Args{"Required": c.Config.RequireStatus})
		} else {
			f.Say("StatusBelow", ui.Args{"Status": s, "Required": c.Config.RequireStatus})
		}
		report(f)
	}
}
