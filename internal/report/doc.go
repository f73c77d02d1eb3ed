// Package report renders the findings of `relloc check` for people and for
// machines: plain or coloured text, JSON, SARIF 2.1.0 for code-scanning
// tools, JUnit XML for CI test views, and GitHub Actions workflow commands
// that become annotations on a pull request. There is one file per format.
//
// Writers take an io.Writer and never touch the file system; they do not
// change the caller's slice, and they render findings in finding.Sort order
// so that output is stable whatever order the checks ran in.
//
// SARIF is built with github.com/owenrumney/go-sarif/v2. The JUnit layout
// and the escaping of GitHub workflow commands are written here by hand,
// because no dependency of the module provides them; the escaping follows
// the rules of GitHub's actions toolkit (data: % CR LF; properties: also
// ":" and ",").
package report
