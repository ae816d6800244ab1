package store

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"hoist/uploader"
)

var t0 = time.Date(2025, 4, 1, 9, 0, 0, 0, time.UTC)

func sampleJob(id string) SavedJob {
	return SavedJob{
		ID: id, Profile: "Production", Service: uploader.Scene7, JobName: "hoist-1", JobHandle: "c|2101|j|1",
		Created: t0, LastPost: t0.Add(time.Minute), Company: "c|2101", DestFolder: "spring", Description: "Spring",
		Options: richOptions(),
		Files: []SavedFile{
			{Path: "/data/a.jpg", Rel: "a.jpg", Size: 10, State: FileDone},
			{Path: "/data/é 春/b.psd", Rel: "é 春/b.psd", Size: 20, State: FileSending},
			{Path: "/data/c.pdf", Rel: "c.pdf", Size: 30, State: FileFailed, Error: "The server refused the file."},
			{Path: "/data/d.txt", Rel: "d.txt", Size: 0, State: FileSkipped, Error: "empty"},
			{Path: "/data/e.zip", Rel: "e.zip", Size: 50, State: FileQueued},
		},
	}
}

func TestQueueRoundTrip(t *testing.T) {
	dir := t.TempDir()
	q := &QueueStore{Dir: dir}
	a, b := sampleJob(NewJobID(t0)), sampleJob(NewJobID(t0))
	b.Created = t0.Add(-time.Hour)
	for _, j := range []SavedJob{a, b} {
		if err := q.Save(j); err != nil {
			t.Fatal(err)
		}
	}
	jobs, err := (&QueueStore{Dir: dir}).Load()
	if err != nil {
		t.Fatal(err)
	}
	if len(jobs) != 2 || !reflect.DeepEqual(jobs[0], b) || !reflect.DeepEqual(jobs[1], a) {
		t.Fatalf("Load = %+v", jobs)
	}
	if err := q.Remove(a.ID); err != nil {
		t.Fatal(err)
	}
	if err := q.Remove(a.ID); err != nil {
		t.Fatalf("removing twice: %v", err)
	}
	if jobs, _ := q.Load(); len(jobs) != 1 || jobs[0].ID != b.ID {
		t.Fatalf("after Remove: %+v", jobs)
	}
}

func TestQueueSaveProgress(t *testing.T) {
	dir := t.TempDir()
	q := &QueueStore{Dir: dir}
	j := sampleJob("job-1")
	if err := q.Save(j); err != nil {
		t.Fatal(err)
	}
	j.Files[1].State = FileDone
	if err := q.Save(j); err != nil {
		t.Fatal(err)
	}
	jobs, err := q.Load()
	if err != nil || len(jobs) != 1 || jobs[0].Files[1].State != FileDone {
		t.Fatalf("progress not saved: %+v, %v", jobs, err)
	}
	// An unchanged job is not written again: a once-a-second save costs nothing when idle.
	path := filepath.Join(dir, "queue", "job-1.json")
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := q.Save(j); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("unchanged job rewritten: %v", err)
	}
}

func TestQueueRefusesUnsafeIDs(t *testing.T) {
	q := &QueueStore{Dir: t.TempDir()}
	for _, id := range []string{"", "../x", "a/b", `a\b`, ".hidden", strings.Repeat("x", 101)} {
		if err := q.Save(SavedJob{ID: id}); err == nil {
			t.Errorf("Save accepted id %q", id)
		}
		if err := q.Remove(id); err == nil {
			t.Errorf("Remove accepted id %q", id)
		}
	}
}

func TestSavedJobExpired(t *testing.T) {
	tests := []struct {
		name string
		edit func(*SavedJob)
		now  time.Time
		want bool
	}{
		{"fresh", func(*SavedJob) {}, t0.Add(10 * time.Minute), false},
		{"just before", func(*SavedJob) {}, t0.Add(time.Minute + uploader.JobIdleExpiry*9/10), false},
		{"past nine tenths of the expiry", func(*SavedJob) {}, t0.Add(time.Minute + uploader.JobIdleExpiry*9/10 + time.Second), true},
		{"days later", func(*SavedJob) {}, t0.Add(72 * time.Hour), true},
		{"no job yet", func(j *SavedJob) { j.JobHandle, j.LastPost = "", time.Time{} }, t0.Add(72 * time.Hour), false},
	}
	for _, tt := range tests {
		j := sampleJob("x")
		tt.edit(&j)
		if got := j.Expired(tt.now); got != tt.want {
			t.Errorf("%s: Expired = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestSavedJobForResume(t *testing.T) {
	j := sampleJob("x")
	if got := len(j.Remaining()); got != 3 {
		t.Fatalf("%d remaining, want 3 (sending, failed, queued)", got)
	}
	r := j.ForResume(t0.Add(5 * time.Minute))
	if r.JobHandle != j.JobHandle || r.JobName != j.JobName {
		t.Fatal("a live job was dropped")
	}
	states := []string{FileDone, FileQueued, FileQueued, FileSkipped, FileQueued}
	for i, f := range r.Files {
		if f.State != states[i] || (f.State == FileQueued && f.Error != "") {
			t.Fatalf("file %d: %+v", i, f)
		}
	}
	if j.Files[1].State != FileSending {
		t.Fatal("ForResume changed the original job")
	}
	expired := j.ForResume(t0.Add(time.Hour))
	if expired.JobHandle != "" || expired.JobName != "" || !expired.LastPost.IsZero() || len(expired.Remaining()) != 3 {
		t.Fatalf("expired job not made new: %+v", expired)
	}
}

func TestQueueLoadFinishesCompleteJournals(t *testing.T) {
	dir := t.TempDir()
	q := &QueueStore{Dir: dir}
	done := sampleJob("all-done")
	for i := range done.Files {
		if done.Files[i].State != FileSkipped {
			done.Files[i].State = FileDone
		}
	}
	if err := q.Save(done); err != nil {
		t.Fatal(err)
	}
	if err := q.Save(sampleJob("open")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "queue", "torn.json"), []byte(`{"id":"torn","files":[`), 0o600); err != nil {
		t.Fatal(err)
	}
	jobs, err := q.Load()
	if len(jobs) != 1 || jobs[0].ID != "open" {
		t.Fatalf("Load = %+v", jobs)
	}
	if err == nil || !strings.Contains(err.Error(), "torn.json") {
		t.Fatalf("damaged journal not reported: %v", err)
	}
	hist, err := q.History()
	if err != nil || len(hist) != 1 || hist[0].ID != "all-done" || hist[0].Done != 4 || hist[0].Skipped != 1 || hist[0].Bytes != 110 {
		t.Fatalf("history = %+v, %v", hist, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "queue", "all-done.json")); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("finished journal left in the queue")
	}
}
