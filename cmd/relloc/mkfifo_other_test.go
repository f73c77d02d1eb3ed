//go:build !unix

package main

import "github.com/rogpeppe/go-internal/testscript"

// mkfifoCmd skips the script: this system has no named pipes to make.
func mkfifoCmd(ts *testscript.TestScript, neg bool, args []string) {
	ts.Skip("mkfifo: no named pipes on this system")
}
