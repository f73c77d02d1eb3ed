package index

import (
	"runtime"
	"sync"
)

// fileStat is what folderStat.stat gives of one file.
type fileStat struct {
	size, mtime int64
	dangling    bool
	err         error
}

// statBatch is how many folders scan looks at together (statAll), a few hundred kilobytes of results.
const statBatch = 1024

// statAll looks at the files names of each of the folders dirs, on GOMAXPROCS goroutines, and returns what
// stat gives of the j-th name of the i-th folder at i·len(names)+j, in out's array when it is large enough. A
// warm open's one look at each release file (30,000 at 10,000 releases) is most of its time and spent in the
// kernel, which resolves the paths of one folder as readily on two cores as on one.
func (s *folderStat) statAll(dirs, names []string, out []fileStat) []fileStat {
	n := len(dirs) * len(names)
	if cap(out) < n {
		out = make([]fileStat, n)
	}
	out = out[:n]
	workers := min(runtime.GOMAXPROCS(0), len(dirs))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Each takes a run of folders of its own, so that no two write the same cache line of out but at the
			// ends of their runs.
			for i := w * len(dirs) / workers; i < (w+1)*len(dirs)/workers; i++ {
				for j, name := range names {
					r := &out[i*len(names)+j]
					r.size, r.mtime, r.dangling, r.err = s.stat(dirs[i], name)
				}
			}
		}()
	}
	wg.Wait()
	return out
}
