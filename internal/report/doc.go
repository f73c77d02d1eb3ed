// Package report renders the findings of `relloc check` for people and for
// machines: plain or coloured text, JSON, SARIF 2.1.0 for code-scanning
// tools, JUnit XML for CI test views, and GitHub Actions workflow commands
// that become annotations on a pull request. There is one file per format.
//
// Writers take an io.Writer and never touch the file system; they do not
// change the caller's slice, and they render findings in finding.Sort order
// so that output is stable whatever order the checks ran in. A Writer takes
// a run's findings one release at a time, in the order a check streams them,
// and writes as they come: a finding once no release still to come can have
// one before it, a JUnit test suite once the releases after it have begun, so
// that the report of a large archive is never held whole; Write is a Writer
// given every finding at once.
//
// SARIF is built with github.com/owenrumney/go-sarif/v2. The JUnit layout
// and the escaping of GitHub workflow commands are written here by hand,
// because no dependency of the module provides them; the escaping follows
// the rules of GitHub's actions toolkit (data: % CR LF; properties: also
// ":" and ",").
package report
