package store

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestHistoryCapped(t *testing.T) {
	dir := t.TempDir()
	q := &QueueStore{Dir: dir, HistoryCap: 8}
	for i := range 23 {
		if err := q.AppendHistory(HistoryEntry{ID: fmt.Sprint(i), Finished: t0.Add(time.Duration(i) * time.Minute)}); err != nil {
			t.Fatal(err)
		}
		hist, err := q.History()
		if err != nil {
			t.Fatal(err)
		}
		if len(hist) > 8+8/4 || hist[len(hist)-1].ID != fmt.Sprint(i) {
			t.Fatalf("after %d appends: %d entries, last %+v", i+1, len(hist), hist[len(hist)-1])
		}
	}
	hist, _ := q.History()
	if hist[0].ID != fmt.Sprint(23-len(hist)) {
		t.Fatalf("history does not keep the newest: first %s of %d", hist[0].ID, len(hist))
	}
}

func TestHistorySurvivesTornLine(t *testing.T) {
	dir := t.TempDir()
	q := &QueueStore{Dir: dir}
	if err := q.AppendHistory(HistoryEntry{ID: "a"}); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(filepath.Join(dir, historyFile), os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"id":"cut by a cra`) // a crash in the middle of a write
	f.Close()
	if err := q.AppendHistory(HistoryEntry{ID: "b"}); err != nil {
		t.Fatal(err)
	}
	hist, err := q.History()
	if err != nil || len(hist) != 2 || hist[0].ID != "a" || hist[1].ID != "b" {
		t.Fatalf("history = %+v, %v", hist, err)
	}
}

func TestSummary(t *testing.T) {
	e := sampleJournal("s").summary(t0.Add(time.Hour))
	want := HistoryEntry{ID: "s", Profile: "Production", JobName: "hoist-1", JobHandle: "c|2101|j|1", Started: t0, Finished: t0.Add(time.Hour),
		Files: 5, Done: 1, Failed: 1, Skipped: 1, Cancelled: 2, Bytes: 10}
	if e != want {
		t.Fatalf("summary = %+v\nwant %+v", e, want)
	}
}
