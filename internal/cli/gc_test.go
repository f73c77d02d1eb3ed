package cli

import (
	"math"
	"runtime/debug"
	"testing"
)

// TestTuneGC: check collects garbage at its own percent under its soft limit, unless GOGC or GOMEMLIMIT says
// otherwise.
func TestTuneGC(t *testing.T) {
	percent, limit := debug.SetGCPercent(100), debug.SetMemoryLimit(math.MaxInt64)
	defer func() { debug.SetGCPercent(percent); debug.SetMemoryLimit(limit) }()
	for _, c := range []struct {
		env     map[string]string
		percent int
		limit   int64
	}{
		{nil, checkGCPercent, checkGCLimit},
		{map[string]string{"GOGC": "50"}, 100, checkGCLimit},
		{map[string]string{"GOMEMLIMIT": "1GiB"}, checkGCPercent, math.MaxInt64},
	} {
		debug.SetGCPercent(100)
		debug.SetMemoryLimit(math.MaxInt64)
		tuneGC(func(k string) string { return c.env[k] })
		if got := debug.SetGCPercent(100); got != c.percent {
			t.Errorf("with %v: GC percent %d, want %d", c.env, got, c.percent)
		}
		if got := debug.SetMemoryLimit(-1); got != c.limit {
			t.Errorf("with %v: memory limit %d, want %d", c.env, got, c.limit)
		}
	}
}
