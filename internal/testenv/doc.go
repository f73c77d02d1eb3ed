// Package testenv is support for tests only: it finds the repository root and the shared data folder
// (../shared beside the repository) that some tests read, skipping those tests where the folder is absent,
// as it is on a user's clone. No non-test code may import it.
package testenv
