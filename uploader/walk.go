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

// Skipped is a path Walk leaves out, with the reason as a sentence for people and its
// kind, from which the sentence can be written again in another language.
type Skipped struct {
	Path, Rel, Reason string
	Kind              SkipKind
}

// SkipKind is why Walk left a path out.
type SkipKind int

const (
	SkipSystem      SkipKind = iota + 1 // a file the system made (.DS_Store, Thumbs.db…)
	SkipGone                            // moved or deleted since it was chosen
	SkipUnreadable                      // no permission, or the disk would not read it
	SkipSpecial                         // a device, pipe or socket
	SkipLinkBroken                      // a link to nothing, or to itself
	SkipLinkLoop                        // a link back to a folder that contains it
	SkipLinkOutside                     // a link out of the chosen file or folder (WalkOptions.FollowLinks)
	SkipSameRel                         // another file already goes to the same place
	SkipSameNFC                         // another file's name differs only in Unicode form
	SkipControlChar                     // a control character in the name
)

// Expected reports whether the path is left out by design rather than for a problem: a
// system file nobody means to publish, or a link back to a folder whose files are sent
// anyway. The CLI exits 1 when any other kind was skipped.
func (k SkipKind) Expected() bool { return k == SkipSystem || k == SkipLinkLoop }

// WalkOptions change what Walk does.
type WalkOptions struct {
	// FollowLinks follows symbolic links that point outside the dropped file or folder.
	// Off, they are skipped (SkipLinkOutside): a link to /etc in a campaign folder must
	// not publish the system's files.
	FollowLinks bool
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

// Walk is WalkWith without options: links out of the dropped paths are not followed.
func Walk(paths []string) (items []Item, skipped []Skipped) { return WalkWith(paths, WalkOptions{}) }

// WalkWith turns dropped files and folders into Items, sorted by Rel. Folders are walked
// with their own name kept as the first element of Rel, which is NFC (macOS gives
// decomposed names, NFD). System files, unreadable or vanished paths, special
// files, names with control characters, symbolic-link loops and links out of the dropped
// path become Skipped with a sentence; nothing here fails the whole walk. A dropped path
// that is itself a link is followed (people drop aliases meaning what they point to), and
// links inside it are followed once. A file reached twice (listed twice, or inside a
// listed folder too, or through a link) appears once; two different files that would
// land on the same Rel keep the first and skip the second.
func WalkWith(paths []string, opts WalkOptions) (items []Item, skipped []Skipped) {
	w := walker{byRel: map[string]int{}, byName: map[nameSize][]int{}, opts: opts}
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
	ids     []fileID // parallel to items: identity for the duplicate check
	skipped []Skipped
	byRel   map[string]int
	// byName narrows the duplicate check to files of the same name and size, so that
	// the identity test runs on a handful of candidates.
	byName map[nameSize][]int
	opts   WalkOptions
	// inside is the real path (links resolved) of the dropped path being walked: links
	// that lead out of it are not followed unless opts.FollowLinks.
	inside string
	links  []link
}

type nameSize struct {
	name string
	size int64
}

func (w *walker) skip(p, rel string, kind SkipKind, reason string) {
	w.skipped = append(w.skipped, Skipped{Path: p, Rel: rel, Reason: reason, Kind: kind})
}

func (w *walker) root(p string) {
	name := filepath.Base(p)
	if name == string(filepath.Separator) || name == "." {
		// A whole disk was dropped: its contents keep their paths below the disk.
		name = ""
	}
	w.inside = p
	if real, err := filepath.EvalSymlinks(p); err == nil {
		w.inside = real
	}
	w.visit(p, NFC(name), nil, true, look{})
	// Links inside the folder are followed after everything else, so that a file reached
	// both directly and through a link keeps its own path, not the link's.
	for len(w.links) > 0 {
		l := w.links[0]
		w.links = w.links[1:]
		w.visit(l.path, l.rel, l.ancestors, true, look{})
	}
}

// link is a symbolic link whose following is put off until the rest is walked.
type link struct {
	path, rel string
	ancestors []fileID
}

// within reports whether the real path target is the walked root or below it.
func (w *walker) within(target string) bool {
	rel, err := filepath.Rel(w.inside, target)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// visit handles one path; ancestors are the folders above it, for the loop check. now is
// set for a dropped path, which is followed wherever it points, and for a link put off
// until the rest was walked. lk is what the folder's look at the path told (lookAll), when
// its listing said it is a regular file.
func (w *walker) visit(p, rel string, ancestors []fileID, now bool, lk look) {
	name := filepath.Base(p)
	if r := systemReason(name); r != "" {
		w.skip(p, rel, SkipSystem, fmt.Sprintf("%s is %s, not something to publish.", name, r))
		return
	}
	if c := controlIn(name); c >= 0 {
		w.skip(p, rel, SkipControlChar, (&NameError{Kind: NameControl, Rel: rel, Char: c}).Sentence())
		return
	}
	if lk.looked && w.listedFile(p, rel, name, lk) {
		return
	}
	lfi, err := os.Lstat(p)
	if err != nil {
		w.skip(p, rel, statKind(err), statSentence(name, err))
		return
	}
	fi := lfi
	if lfi.Mode()&fs.ModeSymlink != 0 {
		if fi, err = os.Stat(p); err != nil {
			kind, sentence := linkSentence(name, err)
			w.skip(p, rel, kind, sentence)
			return
		}
		if !now {
			if real, err := filepath.EvalSymlinks(p); !w.opts.FollowLinks && (err != nil || !w.within(real)) {
				w.skip(p, rel, SkipLinkOutside, fmt.Sprintf("%s links to a place outside the folder you chose, so it was not followed; copy what you mean to upload into the folder, or turn on following links.", name))
				return
			}
			w.links = append(w.links, link{p, rel, ancestors})
			return
		}
	}
	switch {
	case fi.IsDir():
		w.dir(p, rel, fi, ancestors)
	case fi.Mode().IsRegular():
		w.file(p, rel, fi)
	default:
		w.skip(p, rel, SkipSpecial, fmt.Sprintf("%s is not a regular file (it is a device, pipe or socket), so it cannot be uploaded.", name))
	}
}

func (w *walker) dir(p, rel string, fi os.FileInfo, ancestors []fileID) {
	id := idOf(fi)
	for _, a := range ancestors {
		if a.same(id) {
			w.skip(p, rel, SkipLinkLoop, fmt.Sprintf("%s links back to a folder that contains it (a loop), so it was not followed.", filepath.Base(p)))
			return
		}
	}
	d, entries, err := openFolder(p)
	if err != nil {
		w.skip(p, rel, statKind(err), fmt.Sprintf("The folder %s could not be read (%s); check that you may open it.", filepath.Base(p), reasonOf(err)))
		return
	}
	// Copy so that sibling folders never share a backing array.
	next := append(append(make([]fileID, 0, len(ancestors)+1), ancestors...), id)
	looks := lookAll(d, p, entries)
	// Closed before the walk goes down: a deep tree must not hold a descriptor per level.
	d.close()
	for i, e := range entries {
		w.visit(filepath.Join(p, e.Name()), path.Join(rel, NFC(e.Name())), next, false, looks[i])
	}
}

// listedFile is the walk of a path its folder listed as a regular file, from what one
// open told (lk) instead of an lstat and an open. It reports false when the path must be
// looked at again by path: it is no longer a regular file, or another file already goes to
// its Rel (file says which of the two it is, without opening it).
func (w *walker) listedFile(p, rel, name string, lk look) bool {
	if _, taken := w.byRel[rel]; taken {
		return false
	}
	size, id, err := lk.size, lk.id, lk.err
	switch {
	case errors.Is(err, errNotPlain):
		return false
	case err != nil:
		w.skip(p, rel, statKind(err), statSentence(name, err))
		return true
	}
	// Only readable files are ever kept, so a file reached again by another route was
	// readable on both: opening it before this check changes nothing.
	if !w.reached(name, size, id) {
		w.keep(p, rel, name, size, id)
	}
	return true
}

func (w *walker) file(p, rel string, fi os.FileInfo) {
	name := filepath.Base(p)
	id := idOf(fi)
	if i, ok := w.byRel[rel]; ok {
		switch {
		case w.ids[i].same(id):
		case filepath.Base(w.items[i].Path) != name:
			// The names differ on disk and agree once normalised: one is NFD.
			w.skip(p, rel, SkipSameNFC, (&NameError{Kind: NameSameAfterNFC, Rel: rel, Other: w.items[i].Path}).Sentence())
		default:
			w.skip(p, rel, SkipSameRel, fmt.Sprintf("Another file (%s) is already being uploaded as %s; rename one of them.", w.items[i].Path, rel))
		}
		return
	}
	if w.reached(name, fi.Size(), id) {
		return
	}
	if err := checkReadable(p); err != nil {
		w.skip(p, rel, statKind(err), statSentence(name, err))
		return
	}
	w.keep(p, rel, name, fi.Size(), id)
}

// reached reports whether this file was already kept under the same name: the same file
// reached by two routes with the same name is one upload; under a different name (a hard
// link) it is a second asset and is kept.
func (w *walker) reached(name string, size int64, id fileID) bool {
	for _, i := range w.byName[nameSize{name, size}] {
		if w.ids[i].same(id) {
			return true
		}
	}
	return false
}

// keep adds a readable file to the items.
func (w *walker) keep(p, rel, name string, size int64, id fileID) {
	key := nameSize{name, size}
	w.byRel[rel] = len(w.items)
	w.byName[key] = append(w.byName[key], len(w.items))
	w.items = append(w.items, Item{Path: p, Rel: rel, Size: size})
	w.ids = append(w.ids, id)
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

func statKind(err error) SkipKind {
	if errors.Is(err, fs.ErrNotExist) {
		return SkipGone
	}
	return SkipUnreadable
}

func linkSentence(name string, err error) (SkipKind, string) {
	if errors.Is(err, fs.ErrNotExist) {
		return SkipLinkBroken, fmt.Sprintf("%s is a link to something that no longer exists, so it was left out.", name)
	}
	if strings.Contains(err.Error(), "too many levels of symbolic links") || strings.Contains(err.Error(), "too many links") {
		return SkipLinkBroken, fmt.Sprintf("%s is a link that loops back on itself, so it was left out.", name)
	}
	return statKind(err), statSentence(name, err)
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
