package uploader

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// Item is one file to upload.
type Item struct {
	// Path is where the file is on disk.
	Path string
	// Rel is the slash-separated path the file keeps under the destination folder,
	// including the name of a dropped folder: dropping /x/Campaign gives "Campaign/img/a.jpg".
	Rel string
	// Size is the file's size when it was walked; the request's Content-Length is built
	// from it, and a file whose size changed since is refused rather than sent malformed.
	Size int64
}

// Skipped is a path Walk leaves out, with the reason as a sentence for people.
type Skipped struct {
	Path, Rel, Reason string
}

// systemNames are files and folders that operating systems and office suites create
// beside people's documents. Nobody means to publish them. Compared case-insensitively.
var systemNames = map[string]string{
	".ds_store":                 "a macOS Finder settings file",
	".spotlight-v100":           "a macOS Spotlight index",
	".trashes":                  "a macOS trash folder",
	".fseventsd":                "a macOS file-system log",
	".temporaryitems":           "a macOS temporary folder",
	".documentrevisions-v100":   "a macOS version store",
	".apdisk":                   "a macOS network-disk settings file",
	"icon\r":                    "a macOS custom folder icon",
	"thumbs.db":                 "a Windows thumbnail cache",
	"ehthumbs.db":               "a Windows thumbnail cache",
	"ehthumbs_vista.db":         "a Windows thumbnail cache",
	"desktop.ini":               "a Windows folder settings file",
	"$recycle.bin":              "a Windows recycle bin",
	"system volume information": "a Windows system folder",
}

// systemReason says why a name is left out, or "" when it is a file people may mean.
func systemReason(name string) string {
	if r, ok := systemNames[strings.ToLower(name)]; ok {
		return r
	}
	switch {
	case strings.HasPrefix(name, "._"):
		return "a macOS resource-fork (AppleDouble) file"
	case strings.HasPrefix(name, "~$"):
		return "an Office lock file (the document is open somewhere)"
	case strings.HasPrefix(name, ".~lock.") && strings.HasSuffix(name, "#"):
		return "a LibreOffice lock file (the document is open somewhere)"
	}
	return ""
}

// Walk turns dropped files and folders into Items, sorted by Rel. Folders are walked with
// their own name kept as the first element of Rel. System files, unreadable or vanished
// paths, special files and symbolic-link loops become Skipped with a sentence; nothing
// here fails the whole walk. A file reached twice (listed twice, or inside a listed
// folder too) appears once; two different files that would land on the same Rel keep the
// first and skip the second.
func Walk(paths []string) (items []Item, skipped []Skipped) {
	w := walker{byRel: map[string]int{}, byName: map[nameSize][]int{}}
	roots := make([]string, 0, len(paths))
	for _, p := range paths {
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		roots = append(roots, filepath.Clean(p))
	}
	// Sorted roots make "which copy wins" independent of drop order.
	sort.Strings(roots)
	for _, root := range roots {
		w.root(root)
	}
	sort.SliceStable(w.items, func(i, j int) bool { return w.items[i].Rel < w.items[j].Rel })
	sort.SliceStable(w.skipped, func(i, j int) bool {
		if w.skipped[i].Rel != w.skipped[j].Rel {
			return w.skipped[i].Rel < w.skipped[j].Rel
		}
		return w.skipped[i].Path < w.skipped[j].Path
	})
	return w.items, w.skipped
}

type walker struct {
	items   []Item
	infos   []os.FileInfo // parallel to items: identity for the duplicate check
	skipped []Skipped
	byRel   map[string]int
	// byName narrows the duplicate check to files of the same name and size, so that
	// os.SameFile (the portable identity test) runs on a handful of candidates.
	byName map[nameSize][]int
}

type nameSize struct {
	name string
	size int64
}

func (w *walker) skip(p, rel, reason string) {
	w.skipped = append(w.skipped, Skipped{Path: p, Rel: rel, Reason: reason})
}

func (w *walker) root(p string) {
	name := filepath.Base(p)
	if name == string(filepath.Separator) || name == "." {
		// A whole disk was dropped: its contents keep their paths below the disk.
		name = ""
	}
	w.visit(p, name, nil)
}

// visit handles one path; ancestors are the folders above it, for the loop check.
func (w *walker) visit(p, rel string, ancestors []os.FileInfo) {
	name := filepath.Base(p)
	if r := systemReason(name); r != "" {
		w.skip(p, rel, fmt.Sprintf("%s is %s, not something to publish.", name, r))
		return
	}
	lfi, err := os.Lstat(p)
	if err != nil {
		w.skip(p, rel, statSentence(name, err))
		return
	}
	fi := lfi
	if lfi.Mode()&fs.ModeSymlink != 0 {
		// Links are followed: people drop aliases meaning what they point to.
		if fi, err = os.Stat(p); err != nil {
			w.skip(p, rel, linkSentence(name, err))
			return
		}
	}
	switch {
	case fi.IsDir():
		w.dir(p, rel, fi, ancestors)
	case fi.Mode().IsRegular():
		w.file(p, rel, fi)
	default:
		w.skip(p, rel, fmt.Sprintf("%s is not a regular file (it is a device, pipe or socket), so it cannot be uploaded.", name))
	}
}

func (w *walker) dir(p, rel string, fi os.FileInfo, ancestors []os.FileInfo) {
	for _, a := range ancestors {
		if os.SameFile(a, fi) {
			w.skip(p, rel, fmt.Sprintf("%s links back to a folder that contains it (a loop), so it was not followed.", filepath.Base(p)))
			return
		}
	}
	entries, err := os.ReadDir(p)
	if err != nil {
		w.skip(p, rel, fmt.Sprintf("The folder %s could not be read (%s); check that you may open it.", filepath.Base(p), reasonOf(err)))
		return
	}
	// Copy so that sibling folders never share a backing array.
	next := append(append(make([]os.FileInfo, 0, len(ancestors)+1), ancestors...), fi)
	for _, e := range entries {
		w.visit(filepath.Join(p, e.Name()), path.Join(rel, e.Name()), next)
	}
}

func (w *walker) file(p, rel string, fi os.FileInfo) {
	name := filepath.Base(p)
	if i, ok := w.byRel[rel]; ok {
		if !os.SameFile(w.infos[i], fi) {
			w.skip(p, rel, fmt.Sprintf("Another file (%s) is already being uploaded as %s; rename one of them.", w.items[i].Path, rel))
		}
		return
	}
	key := nameSize{name, fi.Size()}
	for _, i := range w.byName[key] {
		// The same file reached by two routes with the same name is one upload; under a
		// different name (a hard link) it is a second asset and is kept.
		if os.SameFile(w.infos[i], fi) {
			return
		}
	}
	f, err := openRead(p)
	if err != nil {
		w.skip(p, rel, statSentence(name, err))
		return
	}
	f.Close()
	w.byRel[rel] = len(w.items)
	w.byName[key] = append(w.byName[key], len(w.items))
	w.items = append(w.items, Item{Path: p, Rel: rel, Size: fi.Size()})
	w.infos = append(w.infos, fi)
}

func statSentence(name string, err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Sprintf("%s is no longer there (moved or deleted), so it was left out.", name)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Sprintf("%s could not be read: you do not have permission to open it.", name)
	default:
		return fmt.Sprintf("%s could not be read (%s), so it was left out.", name, reasonOf(err))
	}
}

func linkSentence(name string, err error) string {
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Sprintf("%s is a link to something that no longer exists, so it was left out.", name)
	}
	if strings.Contains(err.Error(), "too many levels of symbolic links") || strings.Contains(err.Error(), "too many links") {
		return fmt.Sprintf("%s is a link that loops back on itself, so it was left out.", name)
	}
	return statSentence(name, err)
}

// reasonOf is the operating system's own words without the path, which the sentence
// already names.
func reasonOf(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}
