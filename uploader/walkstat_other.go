//go:build !unix

package uploader

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
)

// fileID is a file's identity, compared with os.SameFile (on Windows the volume and file
// index, which os reads when first asked).
type fileID struct{ fi os.FileInfo }

func idOf(fi os.FileInfo) fileID { return fileID{fi} }

func (a fileID) same(b fileID) bool { return a.fi != nil && b.fi != nil && os.SameFile(a.fi, b.fi) }

// errNotPlain says a path its folder lists is not a regular file (a folder, a link, a
// special file, or a file replaced by one since): the walk then looks at it by path.
var errNotPlain = errors.New("not a regular file")

// folder is a listed folder; here its files are looked at by path.
type folder struct{}

// openFolder lists a folder's names, sorted (as os.ReadDir); the look at each (lookAll)
// tells what it is.
func openFolder(p string) (folder, []string, error) {
	f, err := os.Open(p)
	if err != nil {
		return folder{}, nil, err
	}
	defer f.Close() // a close error on a folder opened for reading says nothing
	names, err := f.Readdirnames(-1)
	if err != nil {
		return folder{}, nil, err
	}
	slices.Sort(names)
	return folder{}, names, nil
}

func (folder) close() {}

// lookAt is the walk's look at a path its folder lists: when it is a regular file, its size and
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
