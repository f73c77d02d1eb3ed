// Command relloc keeps government press releases consistent in English, Khmer and Japanese.
package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"

	"github.com/relloc/relloc/internal/cli"
)

// profileEnv names a file to write a CPU profile of the run to (go tool pprof); it is for developers measuring
// relloc at scale, not documented to users.
const profileEnv = "RELLOC_CPUPROFILE"

// memProfileEnv names a file to write an allocation profile of the run to (go tool pprof -sample_index=alloc_space
// or alloc_objects), for developers like profileEnv; it is not documented to users.
const memProfileEnv = "RELLOC_MEMPROFILE"

// memProfileRate samples one allocation per 4 KiB allocated while memProfileEnv is set, finer than the runtime's
// default 512 KiB so that the small per-release allocations show, yet cheap enough for a check at 10,000 releases.
const memProfileRate = 4 << 10

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
	if p := os.Getenv(memProfileEnv); p != "" {
		runtime.MemProfileRate = memProfileRate
		code := cli.Main()
		if err := writeMemProfile(p); err != nil {
			fmt.Fprintf(os.Stderr, "relloc: %s: %v\n", memProfileEnv, err)
			return cli.ExitFailure
		}
		return code
	}
	return cli.Main()
}

// writeMemProfile writes the allocations of the whole run (the heap profile's alloc_* samples) to path.
func writeMemProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
