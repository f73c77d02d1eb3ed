package inputerr

import (
	"bytes"
	"fmt"
	"unicode/utf8"

	"github.com/relloc/relloc/internal/ui"
)

// CheckText returns an *Error at the first place where data is not text a user could have written: a byte
// sequence that is not UTF-8 or a NUL byte (the mark of a binary file: an executable, an image, a UTF-16 file).
// Other control characters are left to the callers, which show them escaped.
func CheckText(path string, data []byte) error {
	if utf8.Valid(data) && bytes.IndexByte(data, 0) < 0 {
		return nil
	}
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			return Say(path, line, col, "InvalidUTF8", ui.Args{"Byte": fmt.Sprintf("0x%02x", data[i])})
		case r == 0:
			return Say(path, line, col, "NULByte", nil)
		case r == '\n':
			line, col = line+1, 1
		default:
			col++
		}
		i += n
	}
	return nil
}
