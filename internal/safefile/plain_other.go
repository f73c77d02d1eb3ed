//go:build !linux

package safefile

// ReadPlain reads nothing where open with O_NOFOLLOW on a bare descriptor is not used: ok is false, and the
// caller reads path the usual way (see the Linux ReadPlain).
func ReadPlain(path, shown string, max int64) (data []byte, ok bool, err error) {
	return nil, false, nil
}
