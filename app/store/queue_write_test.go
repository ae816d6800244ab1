package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"hoist/app/session"
	"hoist/internal/words"
	"hoist/uploader"
)

// The journal written row by row is byte for byte what json.Marshal writes (the files of
// earlier versions and the sum that skips unchanged journals stay the same), whatever the
// rows hold: HTML characters, line separators, Japanese, skips, messages, none at all.
func TestJournalWrittenRowByRowIsWhatMarshalWrites(t *testing.T) {
	odd := sampleJournal("job-odd")
	odd.Rows = append(odd.Rows,
		session.Saved{Path: "/data/<b>&\"x\"\u2028.jpg", Rel: "<b>&\"x\"\u2028.jpg", Size: 3, State: session.Queued},
		session.Saved{Path: "/data/.DS_Store", Rel: ".DS_Store", State: session.Skipped,
			Skip: &session.SavedSkip{Kind: uploader.SkipSystem, Name: ".DS_Store", System: uploader.SysFinderSettings}},
		session.Saved{Path: "/data/商品画像001.jpg", Rel: "商品画像001.jpg", State: session.Failed,
			Why: &words.Message{ID: "session.reason.same_rel", Args: words.A{"Other": "/x/商品画像001.jpg", "Rel": "商品画像001.jpg"}}},
	)
	empty, none := sampleJournal("job-empty"), sampleJournal("job-none")
	empty.Rows, none.Rows = []session.Saved{}, nil
	for _, j := range []journal{sampleJournal("job-1"), odd, empty, none} {
		want, err := json.Marshal(j)
		if err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		if err := writeJournal(&got, j); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got.Bytes(), want) {
			t.Errorf("%s written row by row:\n%s\njson.Marshal:\n%s", j.ID, got.Bytes(), want)
		}
	}
}

// A journal that cannot be encoded is said as such, and the file written before stays.
func TestJournalThatCannotBeEncodedLeavesTheFileAsItWas(t *testing.T) {
	dir := t.TempDir()
	q := &QueueStore{Dir: dir}
	j := sampleJournal("job-1")
	if err := q.save(j); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "queue", "job-1.json")
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	bad := sampleJournal("job-1")
	bad.Rows = append([]session.Saved(nil), bad.Rows...)
	bad.Rows[0].Why = &words.Message{ID: "x", Args: words.A{"Bad": make(chan int)}}
	err = q.save(bad)
	var werr *words.Err
	if !errors.As(err, &werr) || werr.Say.ID != "store.queue.encode" {
		t.Fatalf("save = %v, want store.queue.encode", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Errorf("the queue file changed:\n%s", after)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "queue", ".*.tmp")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
	// An unchanged journal is checked by writing it aside; nothing of that stays either.
	if err := q.save(j); err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, "queue", ".*.tmp")); len(left) > 0 {
		t.Errorf("temporary files left after an unchanged save: %v", left)
	}
}
