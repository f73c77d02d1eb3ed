package workspace

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/gofrs/flock"
)

// LockName is the lock file that commands writing release files take at the workspace root. It holds no data
// and is git-ignored.
const LockName = ".relloc.lock"

// ErrLocked is returned by Lock when another relloc process holds the workspace lock longer than the timeout.
var ErrLocked = errors.New("another relloc process is writing in this workspace")

// Lock takes the workspace's write lock, waiting up to timeout, and returns the function that releases it. A
// command holds it from reading the files it will rewrite to renaming the new ones into place, so that two
// runs of relloc draft --update on one translation cannot overwrite each other's work.
func (w *Workspace) Lock(timeout time.Duration) (unlock func(), err error) {
	l := flock.New(w.Path(LockName))
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	ok, err := l.TryLockContext(ctx, 10*time.Millisecond)
	if err != nil && !errors.Is(err, context.DeadlineExceeded) {
		return nil, fmt.Errorf("lock workspace: %w", err)
	}
	if !ok {
		return nil, fmt.Errorf("%w (%s held for over %s)", ErrLocked, LockName, timeout)
	}
	return func() { _ = l.Unlock() }, nil
}
