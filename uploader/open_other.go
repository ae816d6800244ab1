//go:build !unix

package uploader

import "os"

// openRead opens a file for reading (see open_unix.go for why it is not always os.Open).
func openRead(path string) (*os.File, error) { return os.Open(path) }

// checkReadable opens and closes a file, as the walk does to leave out what cannot be read.
func checkReadable(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	return f.Close()
}
