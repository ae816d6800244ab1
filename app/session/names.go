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

// preflightLocked recomputes the rows' warnings for the service the files go to and
// reports whether any row changed.
func (q *Queue) preflightLocked() bool {
	var rels []string
	if q.service == "" || q.service == uploader.Scene7 { // Dr.Sum keeps names as they are
		rels = make([]string, 0, len(q.rows))
		for _, r := range q.rows {
			if r.State != Skipped {
				rels = append(rels, r.Rel)
			}
		}
	}
	byRel := map[string][]uploader.NameWarning{}
	for _, w := range uploader.Preflight(rels) {
		byRel[w.Rel] = append(byRel[w.Rel], w)
	}
	changed := false
	for _, r := range q.rows {
		ws := byRel[r.Rel]
		if r.State == Skipped {
			ws = nil
		}
		if !slices.Equal(ws, r.Names) {
			r.Names, changed = ws, true
		}
	}
	return changed
}

// setServiceLocked records the service the files go to; it reports whether a row's
// warnings changed.
func (q *Queue) setServiceLocked(s uploader.Service) bool {
	if s == "" || s == q.service {
		return false
	}
	q.service = s
	return q.preflightLocked()
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
