// Command relloc keeps government press releases consistent in English, Khmer and Japanese.
package main

import (
	"os"

	"github.com/relloc/relloc/internal/cli"
)

func main() {
	os.Exit(cli.Main())
}
