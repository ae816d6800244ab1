package session

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"

	"hoist/uploader"
)

// preflightDiff compares the rows' warnings with a fresh uploader.Preflight over the
// queue's files that are not skipped, in their order (none at all for Dr.Sum), and says
// how they first differ, "" when they agree.
func preflightDiff(q *Queue, svc uploader.Service) string {
	rows := q.Rows()
	var rels []string
	var kept []uploader.NameWarning
	for _, r := range rows {
		for _, w := range r.Names {
			if w.Rel != r.Rel {
				return fmt.Sprintf("row %s carries a warning about %s", r.Rel, w.Rel)
			}
		}
		if r.State == Skipped {
			if len(r.Names) > 0 {
				return fmt.Sprintf("skipped row %s has warnings %v", r.Rel, r.Names)
			}
			continue
		}
		rels = append(rels, r.Rel)
		kept = append(kept, r.Names...)
	}
	var want []uploader.NameWarning
	if svc != uploader.DrSum {
		want = uploader.Preflight(rels)
	}
	if !slices.Equal(kept, want) {
		return fmt.Sprintf("files %q:\n rows say  %v\n Preflight %v", rels, kept, want)
	}
	return ""
}

// queueFiles collide on purpose: one stem in several formats and folders, a&b and ab,
// NFC and NFD spellings, two roots holding the same relative paths (the second listed
// is skipped as the same destination name), a system file, a format Scene7 ignores.
var queueFiles = map[string]string{
	"r1/c/hero.jpg": "1", "r1/c/hero.png": "2", "r1/c/a&b.tif": "3", "r1/c/notes.xyz": "4",
	"r1/d/hero.tif": "5", "r1/d/ab.tif": "6", "r1/d/\u00e9t\u00e9.jpg": "7", "r1/solo.jpg": "8",
	"r2/c/hero.jpg": "9", "r2/c/e\u0301te\u0301.png": "10", "r2/c/Thumbs.db": "junk",
	"r2/d/ab.tif": "11", "r2/d/x.jpg": "12",
}

// Random drops, removals, cancellations, restores and changes of service and folder give
// every row the warnings a fresh Preflight over the whole queue gives.
func TestRowWarningsAreThoseOfAFreshPreflight(t *testing.T) {
	dir := tree(t, queueFiles)
	for seed := range uint64(40) {
		if diff := randomQueueChanges(t, dir, seed, nil); diff != "" {
			t.Fatalf("seed %d: %s", seed, diff)
		}
	}
}

// The comparison catches a wrong incremental rule: rows keeping the warnings they had
// before each change (only the files added get theirs, as a naive pre-flight would do).
func TestTheQueueCheckCatchesStaleWarnings(t *testing.T) {
	dir := tree(t, queueFiles)
	staleOld := func(q *Queue, before map[*Row][]uploader.NameWarning) {
		for _, r := range q.rows {
			if ws, ok := before[r]; ok {
				r.Names = ws
			}
		}
	}
	for seed := range uint64(40) {
		if randomQueueChanges(t, dir, seed, staleOld) != "" {
			return
		}
	}
	t.Fatal("40 random sequences found no stale warning")
}

// randomQueueChanges applies random changes to a new queue and checks the warnings after
// each; mutate, when given, undoes part of each change under the lock, from the rows'
// warnings before it.
func randomQueueChanges(t *testing.T, dir string, seed uint64, mutate func(*Queue, map[*Row][]uploader.NameWarning)) string {
	rng := rand.New(rand.NewPCG(seed, 16))
	paths := []string{filepath.Join(dir, "r1"), filepath.Join(dir, "r2"), filepath.Join(dir, "r1", "c"),
		filepath.Join(dir, "r2", "c"), filepath.Join(dir, "r1", "d"), filepath.Join(dir, "r2", "d")}
	for rel := range queueFiles {
		paths = append(paths, filepath.Join(dir, filepath.FromSlash(rel)))
	}
	slices.Sort(paths)
	q := New(Config{Uploader: &fakeEngine{}})
	svc := uploader.Service("")
	var saved Snapshot
	for step := range 30 {
		q.mu.Lock()
		before := map[*Row][]uploader.NameWarning{}
		for _, r := range q.rows {
			before[r] = r.Names
		}
		q.mu.Unlock()
		var did string
		switch n := q.Len(); rng.IntN(10) {
		case 0, 1, 2, 3:
			drop := []string{paths[rng.IntN(len(paths))]}
			if rng.IntN(2) == 0 {
				drop = append(drop, paths[rng.IntN(len(paths))])
			}
			q.Add(drop)
			did = fmt.Sprintf("add %q", drop)
		case 4, 5:
			var idx []int
			for range 1 + rng.IntN(3) {
				if n > 0 {
					idx = append(idx, rng.IntN(n))
				}
			}
			if err := q.Remove(idx); err != nil {
				t.Fatal(err)
			}
			did = fmt.Sprint("remove ", idx)
		case 6:
			svc = []uploader.Service{uploader.Scene7, uploader.DrSum}[rng.IntN(2)]
			folder := []string{"", "Campaign", "/shared/in"}[rng.IntN(3)]
			q.SetTarget(Target{Conn: uploader.Conn{Endpoint: uploader.Endpoint{Service: svc}}, DestFolder: folder})
			did = fmt.Sprintf("service %s, folder %q", svc, folder)
		case 7:
			if n > 0 {
				i := rng.IntN(n)
				if err := q.CancelRow(i); err != nil {
					t.Fatal(err)
				}
				did = fmt.Sprint("cancel ", i)
			}
		case 8:
			saved = q.Snapshot()
			switch rng.IntN(3) {
			case 0:
				q.RemoveAll()
				did = "snapshot, remove all"
			case 1:
				q.ClearFinished()
				did = "snapshot, clear finished"
			default:
				q.ForgetRestored()
				did = "snapshot, forget restored"
			}
		case 9:
			q.Restore(saved)
			did = fmt.Sprintf("restore %d rows", len(saved.Rows))
		}
		if mutate != nil {
			q.mu.Lock()
			mutate(q, before)
			q.mu.Unlock()
		}
		if diff := preflightDiff(q, svc); diff != "" {
			return fmt.Sprintf("step %d (%s): %s", step, did, diff)
		}
	}
	return ""
}
