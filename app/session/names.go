package session

import (
	"slices"
	"strings"

	"hoist/internal/words"
	"hoist/uploader"
)

// Scene7 pre-flight on the queue: every file that is not skipped carries the warnings of
// uploader.Preflight about its name (the same asset as another file, characters Scene7
// removes, a format it does not process), so the window can show them on the rows before
// Upload. They warn and never stop an upload. Files already uploaded count too: a queued
// hero.png still becomes the asset that an uploaded hero.jpg became.
//
// The queue keeps an uploader.NameIndex of its files that are not skipped, in the order of
// the rows (appendLocked adds, removeLocked removes), so that a drop onto 100,000 rows
// checks the files dropped and the few rows they change, not the whole queue again; the
// warnings are those of a Preflight over the whole queue (preflight_test.go checks it).

// preflightLocked gives the rows whose warnings may have changed since the last call
// their warnings now, and reports whether any row's changed.
func (q *Queue) preflightLocked() bool {
	if q.names == nil { // Dr.Sum keeps names as they are
		return false
	}
	changed := false
	for f := range q.names.Changed {
		r := f.Key()
		if ws := q.names.AppendWarnings(nil, f); !slices.Equal(ws, r.Names) {
			r.Names, changed = ws, true
		}
	}
	return changed
}

// setServiceLocked records the service the files go to; it reports whether a row's
// warnings changed. Only Scene7 renames files: for Dr.Sum the rows have no warnings and
// the queue no index, which the next change back to Scene7 builds again.
func (q *Queue) setServiceLocked(s uploader.Service) bool {
	if s == "" || s == q.service {
		return false
	}
	q.service = s
	if s == uploader.Scene7 {
		if q.names != nil {
			return false
		}
		q.names = &uploader.NameIndex[*Row]{}
		for _, r := range q.rows {
			if r.State != Skipped {
				r.name = q.names.Add(r, r.Rel)
			}
		}
		return q.preflightLocked()
	}
	changed := false
	q.names = nil
	for _, r := range q.rows {
		r.name = nil
		if r.Names != nil {
			r.Names, changed = nil, true
		}
	}
	return changed
}

// SetFollowLinks chooses whether Add follows symbolic links that lead out of an added
// folder (uploader.WalkOptions); off, they are listed as skipped with the reason.
func (q *Queue) SetFollowLinks(on bool) {
	q.mu.Lock()
	q.followLinks = on
	q.mu.Unlock()
}

// NameWarnings is what Scene7 will make of the file's name, in sentences, "" when its
// name raises nothing.
func (r Row) NameWarnings() string {
	s := make([]string, len(r.Names))
	for i, w := range r.Names {
		s[i] = words.NameWarning(w)
	}
	return strings.Join(s, " ")
}
