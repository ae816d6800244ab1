//go:build !unix

package uploader

import "os"

// bodyFile is a file a body reader streams (see open_unix.go for why it is not always an
// *os.File).
type bodyFile struct{ f *os.File }

// openBodyFile opens path for reading.
func openBodyFile(path string) (bodyFile, error) {
	f, err := os.Open(path)
	return bodyFile{f}, err
}

func (f bodyFile) Read(p []byte) (int, error) { return f.f.Read(p) }

// stat reports the open file's size and whether it is a regular file.
func (f bodyFile) stat() (size int64, regular bool, err error) {
	fi, err := f.f.Stat()
	if err != nil {
		return 0, false, err
	}
	return fi.Size(), fi.Mode().IsRegular(), nil
}

// Close closes the file. A close error after reading says nothing about what was read.
func (f bodyFile) Close() { _ = f.f.Close() }

// statPath reports the size of the file at path and whether it is a regular file.
func statPath(path string) (size int64, regular bool, err error) {
	fi, err := os.Stat(path)
	if err != nil {
		return 0, false, err
	}
	return fi.Size(), fi.Mode().IsRegular(), nil
}

// checkReadable opens and closes a file, as the walk does to leave out what cannot be read.
func checkReadable(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	return f.Close()
}
