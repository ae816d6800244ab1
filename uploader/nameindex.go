package uploader

import "strings"

// NameIndex is Scene7 pre-flight kept up to date while files come and go, so that a
// queue of 100,000 files need not be checked whole again for each file added (one drop
// after another would cost n² name checks). Preflight is a NameIndex filled at once: the
// rules live here only, and the incremental answers are those of a fresh Preflight over
// the files in the order they were added (nameindex_test.go checks it on random sequences).
//
// Files with the same asset ID form a group, in the order they were added; a file of a
// group of two or more names the group's first file, the first names the second (as
// Preflight always did). So adding a file changes at most itself and the group's first
// file; removing the first changes every file of the group (they now name another),
// removing the second changes only the first, removing any other changes nobody. Changed
// reports exactly those files.
//
// The zero value is an empty index. It is not safe for concurrent use.
type NameIndex[K any] struct {
	// groups holds each group's first file; the files of a group are a list through
	// next, and the first file's prev is the last one (so adding at the end is O(1)).
	groups map[string]*NameFile[K]
	// dirty are files whose warnings may have changed since Changed last reported them;
	// dirtyIDs are groups all of whose files may have (their first file was removed).
	dirty    []*NameFile[K]
	dirtyIDs map[string]struct{}
	// oneOff is Preflight's index, asked once and let go: it keeps no list for Changed
	// (47 KB of a 2,000-file upload).
	oneOff bool
}

// NameFile is one file of a NameIndex, with the caller's key for it. It keeps no asset
// ID, which a look at the name gives when needed: 48 bytes instead of 64, 1.6 MB of a
// queue of 100,000 files.
type NameFile[K any] struct {
	key        K
	rel        string
	prev, next *NameFile[K] // prev is nil once the file is removed
	dirty      bool         // in NameIndex.dirty
}

// Key is what the caller gave Add for the file.
func (f *NameFile[K]) Key() K { return f.key }

// Add puts a file (its Item.Rel) at the end of the index, with the caller's key for it.
func (x *NameIndex[K]) Add(key K, rel string) *NameFile[K] {
	f := &NameFile[K]{key: key, rel: rel}
	x.insert(f)
	return f
}

// insert puts f, a file not yet in any index, at the end of the index.
func (x *NameIndex[K]) insert(f *NameFile[K]) {
	rel := f.rel
	if x.groups == nil {
		x.groups = map[string]*NameFile[K]{}
	}
	x.mark(f)
	id := AssetID(rel)
	first := x.groups[id]
	if first == nil {
		f.prev = f
		x.groups[id] = f
		return
	}
	last := first.prev
	last.next, f.prev, first.prev = f, last, f
	if first.next == f { // the first file is no longer alone with its asset ID
		x.mark(first)
	}
}

// Remove takes a file out of the index; a file already removed is left alone.
func (x *NameIndex[K]) Remove(f *NameFile[K]) {
	if f == nil || f.prev == nil {
		return
	}
	id := AssetID(f.rel)
	first := x.groups[id]
	switch {
	case f == first && f.next == nil:
		delete(x.groups, id)
	case f == first:
		f.next.prev = f.prev
		x.groups[id] = f.next
		if x.dirtyIDs == nil {
			x.dirtyIDs = map[string]struct{}{}
		}
		x.dirtyIDs[id] = struct{}{} // every other file named f
	default:
		if f == first.next { // the first file named f
			x.mark(first)
		}
		f.prev.next = f.next
		if f.next != nil {
			f.next.prev = f.prev
		} else {
			first.prev = f.prev
		}
	}
	f.prev, f.next = nil, nil
}

func (x *NameIndex[K]) mark(f *NameFile[K]) {
	if !f.dirty && !x.oneOff {
		f.dirty = true
		x.dirty = append(x.dirty, f)
	}
}

// Changed yields the files of the index whose warnings may have changed since they were
// last yielded, every added file once at least; then it forgets them. Use it after a
// batch of Add and Remove calls, with AppendWarnings for each file it yields.
func (x *NameIndex[K]) Changed(yield func(*NameFile[K]) bool) {
	for id := range x.dirtyIDs {
		for f := x.groups[id]; f != nil; f = f.next {
			x.mark(f)
		}
	}
	clear(x.dirtyIDs)
	list := x.dirty
	x.dirty = nil
	done := false
	for _, f := range list {
		if !f.dirty {
			continue
		}
		f.dirty = false
		if !done && f.prev != nil && !yield(f) {
			done = true // the caller stopped: the rest is forgotten all the same
		}
	}
	if cap(list) <= 1024 { // a big drop's list is let go rather than kept for good
		clear(list)
		x.dirty = list[:0]
	}
}

// AppendWarnings appends the warnings about a file of the index to dst, its kinds in the
// order of NameWarningKind.
func (x *NameIndex[K]) AppendWarnings(dst []NameWarning, f *NameFile[K]) []NameWarning {
	id, stem, ext := nameParts(f.rel)
	if first := x.groups[id]; f.prev != nil && first.next != nil {
		other := first
		if other == f {
			other = first.next
		}
		dst = append(dst, NameWarning{Kind: WarnSameAsset, Rel: f.rel, AssetID: id, Other: other.rel})
	}
	if id != stem {
		dst = append(dst, NameWarning{Kind: WarnCharsRemoved, Rel: f.rel, AssetID: id})
	}
	if !scene7Formats[strings.ToLower(ext)] {
		dst = append(dst, NameWarning{Kind: WarnUnsupported, Rel: f.rel, AssetID: id, Ext: ext})
	}
	return dst
}
