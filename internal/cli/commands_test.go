package cli

import (
	"bytes"
	"testing"

	"github.com/spf13/cobra"
)

// TestEveryCommandHasAnExample: relloc help COMMAND shows an example for every command a user can run.
func TestEveryCommandHasAnExample(t *testing.T) {
	root := NewRoot(&IO{Out: &bytes.Buffer{}, Err: &bytes.Buffer{}})
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			walk(sub)
		}
		if c.Hidden || c.Parent() != nil && c.Parent().Name() == "completion" {
			return // cobra's own per-shell completion commands explain themselves
		}
		if c.Example == "" {
			t.Errorf("%s has no example", c.CommandPath())
		}
	}
	walk(root)
}
