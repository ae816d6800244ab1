package store

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"hoist/app/session"
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

// The history counts the files nobody cancelled — those the upload stopped before sending
// and those still waiting or in flight — as not sent, and only the files someone
// cancelled as cancelled.
func TestSummary(t *testing.T) {
	j := sampleJournal("s")
	j.Rows = append(j.Rows,
		session.Saved{Path: "/data/f.jpg", Rel: "f.jpg", Size: 5, State: session.Cancelled},
		session.Saved{Path: "/data/g.jpg", Rel: "g.jpg", Size: 5, State: session.Cancelled, NotSent: true},
		session.Saved{Path: "/data/h.jpg", Rel: "h.jpg", Size: 5, State: session.Cancelled, NotSent: true})
	e := j.summary(t0.Add(time.Hour))
	want := HistoryEntry{ID: "s", Profile: "Production", JobName: "hoist-1", JobHandle: "c|2101|j|1", Started: t0, Finished: t0.Add(time.Hour),
		Files: 8, Done: 1, Failed: 1, Skipped: 1, Cancelled: 1, NotSent: 4, Bytes: 10}
	if e != want {
		t.Fatalf("summary = %+v\nwant %+v", e, want)
	}
}

// A Scene7 upload whose files were processed (its job ended) is written with its own job's
// name and handle, not with the name ready for the next upload and no handle.
func TestSummaryOfAProcessedJob(t *testing.T) {
	j := sampleJournal("s")
	j.Last.JobName = "hoist-next"
	for i := range j.Rows { // a.jpg uploaded and ready; the others never reached the job
		if j.Rows[i].State == session.Done {
			j.Rows[i].Outcome = session.Ready
		} else {
			j.Rows[i].JobName, j.Rows[i].JobHandle = "", ""
		}
	}
	if j.OpenJob().Handle != "" {
		t.Fatal("the sample's job should be ended")
	}
	if e := j.summary(t0); e.JobName != "hoist-1" || e.JobHandle != "c|2101|j|1" {
		t.Errorf("summary names job %q, handle %q", e.JobName, e.JobHandle)
	}
}

// A history line keeps not sent apart from cancelled; the lines of the versions before,
// which counted both as cancelled, still read (with nothing not sent).
func TestHistoryKeepsNotSentApartFromCancelled(t *testing.T) {
	dir := t.TempDir()
	q := &QueueStore{Dir: dir}
	old := `{"id":"old","profile":"Production","started":"2025-04-01T09:00:00Z","finished":"2025-04-01T10:00:00Z","files":9,"done":5,"failed":1,"skipped":0,"cancelled":3,"bytes":50}` + "\n"
	if err := os.WriteFile(filepath.Join(dir, historyFile), []byte(old), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := q.AppendHistory(HistoryEntry{ID: "new", Files: 9, Done: 5, Failed: 1, Cancelled: 1, NotSent: 2}); err != nil {
		t.Fatal(err)
	}
	hist, err := q.History()
	if err != nil || len(hist) != 2 {
		t.Fatalf("history = %+v, %v", hist, err)
	}
	if h := hist[0]; h.ID != "old" || h.Files != 9 || h.Done != 5 || h.Cancelled != 3 || h.NotSent != 0 || h.Bytes != 50 {
		t.Errorf("old line read as %+v", h)
	}
	if h := hist[1]; h.ID != "new" || h.Cancelled != 1 || h.NotSent != 2 {
		t.Errorf("new line read as %+v", h)
	}
}
