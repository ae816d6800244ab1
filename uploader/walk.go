package uploader

import (
	"cmp"
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
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

// Skipped is a path Walk leaves out: why (Kind) and what a sentence about it needs
// (package words writes it, in the language people read).
type Skipped struct {
	Path, Rel string
	Kind      SkipKind
	// Name is the file or folder's name on disk.
	Name string
	// System is what kind of system file it is (SkipSystem).
	System SystemFile
	// Char is the control character in the name (SkipControlChar).
	Char rune
	// Other is the file that keeps the place: its path on disk (SkipSameRel, SkipSameNFC).
	Other string
	// Folder is set when a folder could not be read, rather than a file (SkipGone,
	// SkipUnreadable).
	Folder bool
	// Err is the system's error (SkipGone, SkipUnreadable, SkipLinkBroken, SkipLinkSelf).
	Err error
}

// SkipKind is why Walk left a path out.
type SkipKind int

const (
	SkipSystem      SkipKind = iota + 1 // a file the system made (.DS_Store, Thumbs.db…)
	SkipGone                            // moved or deleted since it was chosen
	SkipUnreadable                      // no permission, or the disk would not read it
	SkipSpecial                         // a device, pipe or socket
	SkipLinkBroken                      // a link to nothing
	SkipLinkLoop                        // a link back to a folder that contains it
	SkipLinkOutside                     // a link out of the chosen file or folder (WalkOptions.FollowLinks)
	SkipSameRel                         // another file already goes to the same place
	SkipSameNFC                         // another file's name differs only in Unicode form
	SkipControlChar                     // a control character in the name
	SkipLinkSelf                        // a link that loops back on itself
)

var skipNames = [...]string{SkipSystem: "system", SkipGone: "gone", SkipUnreadable: "unreadable", SkipSpecial: "special",
	SkipLinkBroken: "link-broken", SkipLinkLoop: "link-loop", SkipLinkOutside: "link-outside", SkipSameRel: "same-path",
	SkipSameNFC: "same-name-nfc", SkipControlChar: "control-character", SkipLinkSelf: "link-self"}

func (k SkipKind) String() string {
	if k > 0 && int(k) < len(skipNames) {
		return skipNames[k]
	}
	return "SkipKind(?)"
}

// MarshalText names the kind in JSON output (the CLI's --json lines, the saved queue).
func (k SkipKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText reads a name MarshalText wrote. A name it does not know (from a newer
// version) reads as 0, no kind, rather than failing the whole file it is in.
func (k *SkipKind) UnmarshalText(b []byte) error {
	*k = 0
	for i, n := range skipNames {
		if n != "" && n == string(b) {
			*k = SkipKind(i)
		}
	}
	return nil
}

// Expected reports whether the path is left out by design rather than for a problem: a
// system file nobody means to publish, or a link back to a folder whose files are sent
// anyway. The CLI exits 1 when any other kind was skipped.
func (k SkipKind) Expected() bool { return k == SkipSystem || k == SkipLinkLoop }

// SystemFile is a kind of file that operating systems and office suites create beside
// people's documents.
type SystemFile int

const (
	SysFinderSettings      SystemFile = iota + 1 // .DS_Store
	SysSpotlightIndex                            // .Spotlight-V100
	SysMacTrash                                  // .Trashes
	SysFSEventsLog                               // .fseventsd
	SysMacTemporary                              // .TemporaryItems
	SysVersionStore                              // .DocumentRevisions-V100
	SysNetworkDiskSettings                       // .apdisk
	SysFolderIcon                                // Icon\r
	SysThumbnailCache                            // Thumbs.db, ehthumbs.db
	SysFolderSettings                            // desktop.ini
	SysRecycleBin                                // $RECYCLE.BIN
	SysWindowsSystemFolder                       // System Volume Information
	SysAppleDouble                               // ._name, a resource fork
	SysOfficeLock                                // ~$name, an open Office document
	SysLibreOfficeLock                           // .~lock.name#, an open LibreOffice document
)

// WalkOptions change what Walk does.
type WalkOptions struct {
	// FollowLinks follows symbolic links that point outside the dropped file or folder.
	// Off, they are skipped (SkipLinkOutside): a link to /etc in a campaign folder must
	// not publish the system's files.
	FollowLinks bool
}

// systemNames are files and folders that operating systems and office suites create
// beside people's documents. Nobody means to publish them. Compared case-insensitively.
var systemNames = map[string]SystemFile{
	".ds_store":                 SysFinderSettings,
	".spotlight-v100":           SysSpotlightIndex,
	".trashes":                  SysMacTrash,
	".fseventsd":                SysFSEventsLog,
	".temporaryitems":           SysMacTemporary,
	".documentrevisions-v100":   SysVersionStore,
	".apdisk":                   SysNetworkDiskSettings,
	"icon\r":                    SysFolderIcon,
	"thumbs.db":                 SysThumbnailCache,
	"ehthumbs.db":               SysThumbnailCache,
	"ehthumbs_vista.db":         SysThumbnailCache,
	"desktop.ini":               SysFolderSettings,
	"$recycle.bin":              SysRecycleBin,
	"system volume information": SysWindowsSystemFolder,
}

// systemFile says which system file a name is, or 0 when it is a file people may mean.
func systemFile(name string) SystemFile {
	if r, ok := systemNames[strings.ToLower(name)]; ok {
		return r
	}
	switch {
	case strings.HasPrefix(name, "._"):
		return SysAppleDouble
	case strings.HasPrefix(name, "~$"):
		return SysOfficeLock
	case strings.HasPrefix(name, ".~lock.") && strings.HasSuffix(name, "#"):
		return SysLibreOfficeLock
	}
	return 0
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
	w := newWalker(opts)
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
	// In the order Finder and Explorer list them (naturalCompare): the order they are
	// shown, sent and, for files Scene7 gives the same asset ID, replaced in.
	slices.SortStableFunc(w.items, func(a, b Item) int { return naturalCompare(a.Rel, b.Rel) })
	slices.SortStableFunc(w.skipped, func(a, b Skipped) int {
		return cmp.Or(naturalCompare(a.Rel, b.Rel), strings.Compare(a.Path, b.Path))
	})
	return w.items, w.skipped
}

type walker struct {
	items []Item
	ids   []fileID // parallel to items: identity for the duplicate check
	// sameName, parallel to items, chains the items of one name and size: the index of the
	// previous one, or -1. With byName holding the last, a kept file costs no slice of its
	// own (a drop is mostly files whose name and size nothing else shares).
	sameName []int
	skipped  []Skipped
	byRel    map[string]int
	// byName narrows the duplicate check to files of the same name and size, so that
	// the identity test runs on a handful of candidates: the last such item, the rest
	// through sameName.
	byName map[nameSize]int
	opts   WalkOptions
	// inside is the real path (links resolved) of the dropped path being walked: links
	// that lead out of it are not followed unless opts.FollowLinks.
	inside string
	links  []link
}

func newWalker(opts WalkOptions) walker {
	return walker{byRel: map[string]int{}, byName: map[nameSize]int{}, opts: opts}
}

type nameSize struct {
	name string
	size int64
}

// skip leaves p out; s holds the kind and what its sentence needs.
func (w *walker) skip(p, rel string, s Skipped) {
	s.Path, s.Rel, s.Name = p, rel, filepath.Base(p)
	w.skipped = append(w.skipped, s)
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
// until the rest was walked. lk is what the folder's look at the path told (lookAll), for
// a path reached through its folder's listing.
func (w *walker) visit(p, rel string, ancestors []fileID, now bool, lk look) {
	name := filepath.Base(p)
	if sys := systemFile(name); sys != 0 {
		w.skip(p, rel, Skipped{Kind: SkipSystem, System: sys})
		return
	}
	if c := controlIn(name); c >= 0 {
		w.skip(p, rel, Skipped{Kind: SkipControlChar, Char: c})
		return
	}
	if lk.looked && w.listedFile(p, rel, name, lk) {
		return
	}
	lfi, err := os.Lstat(p)
	if err != nil {
		w.skip(p, rel, Skipped{Kind: statKind(err), Err: err})
		return
	}
	fi := lfi
	if lfi.Mode()&fs.ModeSymlink != 0 {
		if fi, err = os.Stat(p); err != nil {
			w.skip(p, rel, Skipped{Kind: linkKind(err), Err: err})
			return
		}
		if !now {
			if real, err := filepath.EvalSymlinks(p); !w.opts.FollowLinks && (err != nil || !w.within(real)) {
				w.skip(p, rel, Skipped{Kind: SkipLinkOutside})
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
		w.skip(p, rel, Skipped{Kind: SkipSpecial})
	}
}

func (w *walker) dir(p, rel string, fi os.FileInfo, ancestors []fileID) {
	id := idOf(fi)
	for _, a := range ancestors {
		if a.same(id) {
			w.skip(p, rel, Skipped{Kind: SkipLinkLoop})
			return
		}
	}
	d, names, err := openFolder(p)
	if err != nil {
		w.skip(p, rel, Skipped{Kind: statKind(err), Folder: true, Err: err})
		return
	}
	// Copy so that sibling folders never share a backing array.
	next := append(append(make([]fileID, 0, len(ancestors)+1), ancestors...), id)
	looks := lookAll(d, p, names)
	// Room for every file listed, once per folder rather than doubling per file.
	w.items, w.ids = slices.Grow(w.items, len(names)), slices.Grow(w.ids, len(names))
	w.sameName = slices.Grow(w.sameName, len(names))
	if len(w.byRel) == 0 {
		// The first folder with files sizes the indexes: a drop is often one folder, and
		// a map grown file by file rebuilds its tables ~log n times.
		w.byRel, w.byName = make(map[string]int, len(names)), make(map[nameSize]int, len(names))
	}
	// Closed before the walk goes down: a deep tree must not hold a descriptor per level.
	d.close()
	for i, name := range names {
		child := filepath.Join(p, name)
		w.visit(child, childRel(child, rel, name), next, false, looks[i])
	}
}

// childRel is the Rel of child, the path of the entry name of a folder whose Rel is rel:
// rel/name, the name in NFC. Where paths are slash-separated and the name is NFC already,
// that is how child ends, and the Rel is that end of it rather than a second string (60
// KB of a 2,000-file walk). rel must be clean (path.Clean), as every Rel the walk makes is:
// a root's one segment, or what path.Join and this give.
func childRel(child, rel, name string) string {
	nfc := NFC(name)
	if filepath.Separator != '/' || nfc != name {
		return path.Join(rel, nfc)
	}
	n := len(name)
	if rel != "" {
		n += len(rel) + 1
	}
	if len(child) < n || !strings.HasSuffix(child, name) {
		return path.Join(rel, nfc)
	}
	if tail := child[len(child)-n:]; rel == "" || (tail[len(rel)] == '/' && tail[:len(rel)] == rel) {
		return tail
	}
	return path.Join(rel, nfc)
}

// listedFile is the walk of a path its folder lists, from what the folder's look told (lk,
// folder.lookAt) instead of an lstat and an open by path. It reports false when the path
// must be looked at by path: it is not a regular file (a folder, a link, a special file),
// or another file already goes to its Rel (file says which of the two it is, without
// opening it).
func (w *walker) listedFile(p, rel, name string, lk look) bool {
	if _, taken := w.byRel[rel]; taken {
		return false
	}
	size, id, err := lk.size, lk.id, lk.err
	switch {
	case errors.Is(err, errNotPlain):
		return false
	case err != nil:
		w.skip(p, rel, Skipped{Kind: statKind(err), Err: err})
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
			w.skip(p, rel, Skipped{Kind: SkipSameNFC, Other: w.items[i].Path})
		default:
			w.skip(p, rel, Skipped{Kind: SkipSameRel, Other: w.items[i].Path})
		}
		return
	}
	if w.reached(name, fi.Size(), id) {
		return
	}
	if err := checkReadable(p); err != nil {
		w.skip(p, rel, Skipped{Kind: statKind(err), Err: err})
		return
	}
	w.keep(p, rel, name, fi.Size(), id)
}

// reached reports whether this file was already kept under the same name: the same file
// reached by two routes with the same name is one upload; under a different name (a hard
// link) it is a second asset and is kept.
func (w *walker) reached(name string, size int64, id fileID) bool {
	i, ok := w.byName[nameSize{name, size}]
	for ; ok && i >= 0; i = w.sameName[i] {
		if w.ids[i].same(id) {
			return true
		}
	}
	return false
}

// keep adds a readable file to the items.
func (w *walker) keep(p, rel, name string, size int64, id fileID) {
	key := nameSize{name, size}
	prev, ok := w.byName[key]
	if !ok {
		prev = -1
	}
	w.byRel[rel], w.byName[key] = len(w.items), len(w.items)
	w.items = append(w.items, Item{Path: p, Rel: rel, Size: size})
	w.ids = append(w.ids, id)
	w.sameName = append(w.sameName, prev)
}

func statKind(err error) SkipKind {
	if errors.Is(err, fs.ErrNotExist) {
		return SkipGone
	}
	return SkipUnreadable
}

// linkKind is why a link could not be followed: it points to nothing, or to itself, or
// what it points to cannot be read.
func linkKind(err error) SkipKind {
	if errors.Is(err, fs.ErrNotExist) {
		return SkipLinkBroken
	}
	if strings.Contains(err.Error(), "too many levels of symbolic links") || strings.Contains(err.Error(), "too many links") {
		return SkipLinkSelf
	}
	return statKind(err)
}
