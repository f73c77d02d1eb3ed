// Command relloc keeps government press releases consistent in English, Khmer and Japanese.
package main

import (
	"fmt"
	"os"
	"runtime/pprof"

	"github.com/relloc/relloc/internal/cli"
)

// profileEnv names a file to write a CPU profile of the run to (go tool pprof); it is for developers measuring
// relloc at scale, not documented to users.
const profileEnv = "RELLOC_CPUPROFILE"

func main() {
	os.Exit(run())
}

func run() int {
	if p := os.Getenv(profileEnv); p != "" {
		f, err := os.Create(p)
		if err != nil {
			fmt.Fprintf(os.Stderr, "relloc: %s: %v\n", profileEnv, err)
			return cli.ExitFailure
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(os.Stderr, "relloc: %s: %v\n", profileEnv, err)
			return cli.ExitFailure
		}
		defer pprof.StopCPUProfile()
	}
	return cli.Main()
}
