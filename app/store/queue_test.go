package store

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"hoist/app/session"
	"hoist/uploader"
)

var t0 = time.Date(2025, 4, 1, 9, 0, 0, 0, time.UTC)

// sampleSnapshot is a queue mid-upload: one file of each state, sent in job "hoist-1".
func sampleSnapshot() session.Snapshot {
	const name, handle = "hoist-1", "c|2101|j|1"
	return session.Snapshot{
		Last: session.Target{Profile: "Production", Conn: uploader.Conn{
			Endpoint:    uploader.Endpoint{Service: uploader.Scene7, UploadURL: "https://s7sps1ssl.scene7.com/scene7/UploadFile"},
			Credentials: uploader.Credentials{User: "me@example.com", Password: "secret"}, Company: "c|2101"},
			DestFolder: "spring", Description: "Spring", Options: richOptions()},
		LastPost: t0.Add(time.Minute),
		Rows: []session.Saved{
			{Path: "/data/a.jpg", Rel: "a.jpg", Size: 10, State: session.Done, JobName: name, JobHandle: handle},
			{Path: "/data/é 春/b.psd", Rel: "é 春/b.psd", Size: 20, State: session.Sending, JobName: name, JobHandle: handle},
			{Path: "/data/c.pdf", Rel: "c.pdf", Size: 30, State: session.Failed, Reason: "The server refused the file.", JobName: name, JobHandle: handle},
			{Path: "/data/d.txt", Rel: "d.txt", Size: 0, State: session.Skipped, Reason: "empty"},
			{Path: "/data/e.zip", Rel: "e.zip", Size: 50, State: session.Queued},
		},
	}
}

func sampleJournal(id string) journal {
	return journal{Format: journalFormat, ID: id, Created: t0, Snapshot: sampleSnapshot()}
}

func TestQueueRoundTrip(t *testing.T) {
	dir := t.TempDir()
	q := &QueueStore{Dir: dir}
	a, b := sampleJournal(NewJobID(t0)), sampleJournal(NewJobID(t0))
	b.Created = t0.Add(-time.Hour)
	a.Last.Credentials.Password, b.Last.Credentials.Password = "", "" // never written
	for _, j := range []journal{a, b} {
		if err := q.save(j); err != nil {
			t.Fatal(err)
		}
	}
	jobs, err := (&QueueStore{Dir: dir}).load()
	if err != nil {
		t.Fatal(err)
	}
	if len(jobs) != 2 || !reflect.DeepEqual(jobs[0], b) || !reflect.DeepEqual(jobs[1], a) {
		t.Fatalf("load = %+v", jobs)
	}
	if err := q.remove(a.ID); err != nil {
		t.Fatal(err)
	}
	if err := q.remove(a.ID); err != nil {
		t.Fatalf("removing twice: %v", err)
	}
	if jobs, _ := q.load(); len(jobs) != 1 || jobs[0].ID != b.ID {
		t.Fatalf("after remove: %+v", jobs)
	}
}

// What the session saves comes back as it was going, without the password, and the
// states are written by name.
func TestSaveQueueAndRestore(t *testing.T) {
	dir := t.TempDir()
	q := &QueueStore{Dir: dir}
	snap := sampleSnapshot()
	if err := q.SaveQueue(snap); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "queue", "*.json"))
	if len(files) != 1 {
		t.Fatalf("queue files: %v", files)
	}
	data, _ := os.ReadFile(files[0])
	if strings.Contains(string(data), "secret") || !strings.Contains(string(data), `"state":"sending"`) || !strings.Contains(string(data), `"format":2`) {
		t.Fatalf("queue file:\n%s", data)
	}
	got, err := (&QueueStore{Dir: dir}).Restore(t0.Add(5 * time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	want := snap
	want.Last.Credentials.Password = ""
	want.Rows = append([]session.Saved(nil), snap.Rows...)
	for i := 1; i <= 2; i++ { // sending and failed files wait again
		want.Rows[i].State, want.Rows[i].Reason = session.Queued, ""
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Restore =\n%+v\nwant\n%+v", got, want)
	}
	if job := got.OpenJob(); job.Handle != "c|2101|j|1" || job.Name != "hoist-1" || job.Profile != "Production" || job.Company != "c|2101" {
		t.Fatalf("open job %+v", job)
	}
}

// A queue file written by the first versions of Hoist (one job's settings and handle at
// the top, the files below) still loads, into the snapshot.
func TestRestoreReadsTheFirstVersionsQueueFile(t *testing.T) {
	dir := t.TempDir()
	const id = "20261120T090000Z-0a1b2c3d"
	data, err := os.ReadFile(filepath.Join("testdata", "queue-v1", id+".json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "queue"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "queue", id+".json"), data, 0o600); err != nil {
		t.Fatal(err)
	}
	q := &QueueStore{Dir: dir}
	lastPost := time.Date(2026, 11, 20, 9, 2, 0, 0, time.UTC)
	got, err := q.Restore(lastPost.Add(5 * time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	l := got.Last
	if l.Profile != "Production" || l.Endpoint.Service != uploader.Scene7 || l.Company != "c|2101" || l.DestFolder != "spring" ||
		l.Description != "Spring" || !l.Options.CreateMask || l.Options.ManualCrop == nil || l.Options.ManualCrop.Top != 3 || l.Options.XMPKeywords != "spring, 春" {
		t.Fatalf("target %+v", l)
	}
	states := []session.State{session.Done, session.Queued, session.Queued, session.Skipped, session.Queued}
	if len(got.Rows) != len(states) {
		t.Fatalf("rows %+v", got.Rows)
	}
	for i, r := range got.Rows {
		if r.State != states[i] || r.JobHandle != "c|2101|j|77" || r.JobName != "hoist-20261120-090000-abcdef" {
			t.Errorf("row %d: %+v", i, r)
		}
	}
	if got.Rows[3].Reason != "empty" || got.Rows[1].Rel != "é 春/b.psd" || !got.LastPost.Equal(lastPost) {
		t.Errorf("rows %+v, last post %v", got.Rows, got.LastPost)
	}
	// The next save rewrites the same file in the new form.
	if err := q.SaveQueue(got); err != nil {
		t.Fatal(err)
	}
	data, _ = os.ReadFile(filepath.Join(dir, "queue", id+".json"))
	if !strings.Contains(string(data), `"format":2`) {
		t.Fatalf("not rewritten:\n%s", data)
	}
	again, err := (&QueueStore{Dir: dir}).Restore(lastPost.Add(5 * time.Minute))
	if err != nil || !reflect.DeepEqual(again, got) {
		t.Fatalf("after rewriting: %+v, %v\nwant %+v", again, err, got)
	}
}

func TestQueueSaveProgress(t *testing.T) {
	dir := t.TempDir()
	q := &QueueStore{Dir: dir}
	j := sampleJournal("job-1")
	if err := q.save(j); err != nil {
		t.Fatal(err)
	}
	j.Rows = append([]session.Saved(nil), j.Rows...)
	j.Rows[1].State = session.Done
	if err := q.save(j); err != nil {
		t.Fatal(err)
	}
	jobs, err := q.load()
	if err != nil || len(jobs) != 1 || jobs[0].Rows[1].State != session.Done {
		t.Fatalf("progress not saved: %+v, %v", jobs, err)
	}
	// An unchanged journal is not written again: a once-a-second save costs nothing when idle.
	path := filepath.Join(dir, "queue", "job-1.json")
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	if err := q.save(j); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("unchanged journal rewritten: %v", err)
	}
}

func TestQueueRefusesUnsafeIDs(t *testing.T) {
	q := &QueueStore{Dir: t.TempDir()}
	for _, id := range []string{"", "../x", "a/b", `a\b`, ".hidden", strings.Repeat("x", 101)} {
		if err := q.save(journal{ID: id}); err == nil {
			t.Errorf("save accepted id %q", id)
		}
		if err := q.remove(id); err == nil {
			t.Errorf("remove accepted id %q", id)
		}
	}
}

func TestJobExpired(t *testing.T) {
	job := sampleSnapshot().OpenJob()
	tests := []struct {
		name string
		edit func(*session.OpenJob)
		now  time.Time
		want bool
	}{
		{"fresh", func(*session.OpenJob) {}, t0.Add(10 * time.Minute), false},
		{"just before", func(*session.OpenJob) {}, t0.Add(time.Minute + uploader.JobIdleExpiry*9/10), false},
		{"past nine tenths of the expiry", func(*session.OpenJob) {}, t0.Add(time.Minute + uploader.JobIdleExpiry*9/10 + time.Second), true},
		{"days later", func(*session.OpenJob) {}, t0.Add(72 * time.Hour), true},
		{"no job yet", func(j *session.OpenJob) { j.Handle, j.LastPost = "", time.Time{} }, t0.Add(72 * time.Hour), false},
	}
	for _, tt := range tests {
		j := job
		tt.edit(&j)
		if got := expired(j, tt.now); got != tt.want {
			t.Errorf("%s: expired = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestJournalForResume(t *testing.T) {
	j := sampleJournal("x")
	if got := j.Remaining(); got != 3 {
		t.Fatalf("%d remaining, want 3 (sending, failed, queued)", got)
	}
	r := j.forResume(t0.Add(5 * time.Minute))
	if r.OpenJob() != j.OpenJob() {
		t.Fatal("a live job was dropped")
	}
	states := []session.State{session.Done, session.Queued, session.Queued, session.Skipped, session.Queued}
	for i, f := range r.Rows {
		if f.State != states[i] || (f.State == session.Queued && f.Reason != "") {
			t.Fatalf("file %d: %+v", i, f)
		}
	}
	if j.Rows[1].State != session.Sending {
		t.Fatal("forResume changed the original journal")
	}
	expired := j.forResume(t0.Add(time.Hour))
	if expired.OpenJob().Handle != "" || expired.jobName() != "" || !expired.LastPost.IsZero() || expired.Remaining() != 3 {
		t.Fatalf("expired job not made new: %+v", expired)
	}
}

func TestQueueLoadFinishesCompleteJournals(t *testing.T) {
	dir := t.TempDir()
	q := &QueueStore{Dir: dir}
	done := sampleJournal("all-done")
	for i := range done.Rows {
		if done.Rows[i].State != session.Skipped {
			done.Rows[i].State = session.Done
		}
	}
	if err := q.save(done); err != nil {
		t.Fatal(err)
	}
	if err := q.save(sampleJournal("open")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "queue", "torn.json"), []byte(`{"id":"torn","files":[`), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "queue", "odd.json"), []byte(`{"format":2,"id":"odd","files":[{"state":"lost"}]}`), 0o600); err != nil {
		t.Fatal(err)
	}
	jobs, err := q.load()
	if len(jobs) != 1 || jobs[0].ID != "open" {
		t.Fatalf("load = %+v", jobs)
	}
	if err == nil || !strings.Contains(err.Error(), "torn.json") || !strings.Contains(err.Error(), `“lost” is not a file state`) {
		t.Fatalf("damaged journals not reported: %v", err)
	}
	hist, err := q.History()
	if err != nil || len(hist) != 1 || hist[0].ID != "all-done" || hist[0].Done != 4 || hist[0].Skipped != 1 || hist[0].Bytes != 110 ||
		hist[0].JobName != "hoist-1" || hist[0].Profile != "Production" {
		t.Fatalf("history = %+v, %v", hist, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "queue", "all-done.json")); !errors.Is(err, os.ErrNotExist) {
		t.Fatal("finished journal left in the queue")
	}
}

// When every file is done the queue goes to the history once, and the next files start a
// new file; files of an earlier run merged into this one are removed at the first save.
func TestSaveQueueFinishesAndMerges(t *testing.T) {
	dir := t.TempDir()
	q := &QueueStore{Dir: dir}
	for _, id := range []string{"20250101T000000Z-00000001", "20250101T000000Z-00000002"} {
		j := sampleJournal(id)
		j.Created = t0.Add(time.Duration(len(id)) * time.Second)
		if err := q.save(j); err != nil {
			t.Fatal(err)
		}
	}
	snap, err := q.Restore(t0.Add(5 * time.Minute))
	if err != nil || len(snap.Rows) != 10 {
		t.Fatalf("merged %d rows, %v", len(snap.Rows), err)
	}
	for i := range snap.Rows {
		if snap.Rows[i].State != session.Skipped {
			snap.Rows[i].State = session.Done
		}
	}
	for range 2 {
		if err := q.SaveQueue(snap); err != nil {
			t.Fatal(err)
		}
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "queue", "*.json")); len(files) != 0 {
		t.Fatalf("queue files left: %v", files)
	}
	if hist, _ := q.History(); len(hist) != 1 || hist[0].Done != 8 || hist[0].ID != "20250101T000000Z-00000001" {
		t.Fatalf("history = %+v", hist)
	}
	next := sampleSnapshot()
	next.Rows[0].JobName, next.Rows[0].JobHandle = "", ""
	if err := q.SaveQueue(session.Snapshot{Rows: next.Rows[4:]}); err != nil {
		t.Fatal(err)
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "queue", "*.json")); len(files) != 1 || strings.Contains(files[0], "00000001") {
		t.Fatalf("the next files do not start a new queue file: %v", files)
	}
	if err := q.SaveQueue(session.Snapshot{}); err != nil {
		t.Fatal(err)
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "queue", "*.json")); len(files) != 0 {
		t.Fatalf("an empty queue keeps its file: %v", files)
	}
}
