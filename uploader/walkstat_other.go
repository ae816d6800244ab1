//go:build !unix

package uploader

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// fileID is a file's identity, compared with os.SameFile (on Windows the volume and file
// index, which os reads when first asked).
type fileID struct{ fi os.FileInfo }

func idOf(fi os.FileInfo) fileID { return fileID{fi} }

func (a fileID) same(b fileID) bool { return a.fi != nil && b.fi != nil && os.SameFile(a.fi, b.fi) }

// errNotPlain says a path ReadDir listed as a regular file is no longer one: the walk then
// looks at it again by path.
var errNotPlain = errors.New("not a regular file any more")

// folder is a listed folder; here its files are looked at by path.
type folder struct{}

// openFolder lists a folder, sorted by name.
func openFolder(p string) (folder, []fs.DirEntry, error) {
	entries, err := os.ReadDir(p)
	return folder{}, entries, err
}

func (folder) close() {}

// lookAt is the walk's look at a file its folder listed as regular: its size and
// identity, and whether it can be opened (walkstat_unix.go asks without opening).
func (folder) lookAt(dir, name string) (size int64, id fileID, err error) {
	path := filepath.Join(dir, name)
	fi, err := os.Lstat(path)
	if err != nil {
		return 0, fileID{}, err
	}
	if !fi.Mode().IsRegular() {
		return 0, fileID{}, errNotPlain
	}
	if err := checkReadable(path); err != nil {
		return 0, fileID{}, err
	}
	return fi.Size(), idOf(fi), nil
}
