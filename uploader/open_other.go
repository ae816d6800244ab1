//go:build !unix

package uploader

import "os"

// openRead opens a file for reading (see open_unix.go for why it is not always os.Open).
func openRead(path string) (*os.File, error) { return os.Open(path) }
