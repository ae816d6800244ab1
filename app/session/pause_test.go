package session

import (
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"hoist/internal/words"
	"hoist/sandbox"
	"hoist/uploader"
)

// pauseBox is a Local sandbox and a queue that sends one file per POST, one POST at a
// time, so a test can pause between two files.
type pauseBox struct {
	sb     *sandbox.Running
	q      *Queue
	target Target
	ended  chan Summary
	// sending is told the Rel of each file whose POST has started.
	sending chan string
}

func newPauseBox(t *testing.T) *pauseBox {
	t.Helper()
	sb, err := sandbox.Start(sandbox.Config{Dir: t.TempDir()}, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sb.Close() })
	c := uploader.NewClient()
	c.Concurrency, c.BatchFiles = 1, 1
	b := &pauseBox{sb: sb, ended: make(chan Summary, 4), sending: make(chan string, 16)}
	b.q = New(Config{Uploader: c})
	var mu sync.Mutex
	seen := map[int]bool{}
	b.q.SetObserver(Observer{
		Row: func(i int) {
			row, ok := b.q.Row(i)
			mu.Lock()
			defer mu.Unlock()
			if ok && row.State == Sending && !seen[i] {
				seen[i] = true
				b.sending <- row.Rel
			}
		},
		Ended: func(s Summary) { b.ended <- s },
	})
	b.target = Target{Profile: "Local sandbox", DestFolder: "spring", Options: uploader.DefaultOptions(), Conn: uploader.Conn{
		Endpoint:    uploader.Endpoint{Service: uploader.Scene7, UploadURL: sb.URL + sandbox.Scene7UploadPath, APIURL: sb.URL + sandbox.Scene7APIPath},
		Credentials: uploader.Credentials{User: sandbox.DemoUser, Password: sandbox.DemoPassword},
		Company:     sandbox.DemoCompany,
	}}
	return b
}

func (b *pauseBox) wait(t *testing.T) Summary {
	t.Helper()
	select {
	case s := <-b.ended:
		return s
	case <-time.After(30 * time.Second):
		t.Fatal("the upload did not end")
	}
	return Summary{}
}

// waitSending waits until the POST of rel has started.
func (b *pauseBox) waitSending(t *testing.T, rel string) {
	t.Helper()
	for {
		select {
		case got := <-b.sending:
			if got == rel {
				return
			}
		case <-time.After(30 * time.Second):
			t.Fatalf("%s was never sent", rel)
		}
	}
}

// pauseAtSecondFile starts an upload of three files whose second POST stalls on the server,
// and pauses while it is in flight.
func (b *pauseBox) pauseAtSecondFile(t *testing.T) Summary {
	t.Helper()
	dir := tree(t, map[string]string{"a.jpg": "first", "b.jpg": "second", "c.jpg": "third"})
	b.q.Add([]string{filepath.Join(dir, "a.jpg"), filepath.Join(dir, "b.jpg"), filepath.Join(dir, "c.jpg")})
	b.sb.SetFaults(sandbox.Faults{StallEvery: 2, StallFor: time.Minute})
	if err := b.q.Start(b.target); err != nil {
		t.Fatal(err)
	}
	b.waitSending(t, "b.jpg")
	if !b.q.Pause() {
		t.Fatal("Pause found no upload running")
	}
	sum := b.wait(t) // at once: the stalled POST is aborted, not waited for
	b.sb.SetFaults(sandbox.Faults{})
	return sum
}

func uploadPosts(sb *sandbox.Running) []sandbox.Request {
	var out []sandbox.Request
	for _, r := range sb.Requests() {
		if r.Path == sandbox.Scene7UploadPath {
			out = append(out, r)
		}
	}
	return out
}

// Pause stops sending at once and keeps the job open; Resume sends the rest, the file that
// was in flight included, in the same job, and ends it.
func TestPauseAndResumeInTheSameJob(t *testing.T) {
	b := newPauseBox(t)
	sum := b.pauseAtSecondFile(t)
	if !sum.Paused || sum.Err != nil || sum.Done != 1 {
		t.Fatalf("summary after Pause: %+v", sum)
	}
	if st := statesOf(b.q); st["a.jpg"] != Done || st["b.jpg"] != Queued || st["c.jpg"] != Queued {
		t.Fatalf("states after Pause: %v", st)
	}
	if tot := b.q.Totals(); !tot.Paused || tot.Running {
		t.Fatalf("totals after Pause: %+v", tot)
	}
	jobs := b.sb.Jobs()
	if len(jobs) != 1 || jobs[0].State != sandbox.JobRunning {
		t.Fatalf("the server's jobs after Pause: %+v", jobs)
	}
	for _, r := range uploadPosts(b.sb) {
		if r.EndJob {
			t.Fatal("Pause ended the job")
		}
	}
	handle := jobs[0].Handle

	note, err := b.q.Resume()
	if err != nil || !strings.Contains(note, jobs[0].Name) {
		t.Fatalf("Resume: %q, %v", note, err)
	}
	// The end counts the whole upload, a.jpg sent before the pause included: "1 of 1"
	// after 30 files had gone read as if nothing had been sent.
	sum = b.wait(t)
	if sum.Paused || sum.Err != nil || sum.Done != 3 || sum.Failed != 0 || !slices.Equal(sum.Handles, []string{handle}) {
		t.Fatalf("summary after Resume: %+v", sum)
	}
	if want := summaryMessage(Summary{Done: 3}); sum.Message != want {
		t.Errorf("the summary says %q, want %q", sum.Message, want)
	}
	for rel, st := range statesOf(b.q) {
		if st != Done {
			t.Errorf("%s ended %s", rel, st)
		}
	}
	jobs = b.sb.Jobs()
	if len(jobs) != 1 || jobs[0].Handle != handle || jobs[0].State == sandbox.JobRunning {
		t.Fatalf("the server's jobs after Resume: %+v", jobs)
	}
	var sent []string
	for _, r := range uploadPosts(b.sb) {
		if len(r.Files) == 0 && r.Status != http.StatusOK {
			// b.jpg's POST, cut by the pause before all its parts were in: the server
			// could not read it (fault 30003, no job named yet) and took nothing. Seen in
			// CI under load, about once in 200 runs.
			continue
		}
		for _, f := range r.Files {
			sent = append(sent, f.FileName)
		}
		if r.JobHandle != handle {
			t.Errorf("a POST went to job %q: %+v", r.JobHandle, r)
		}
	}
	// b.jpg was in flight at the pause: it is sent again. Its first POST is on the
	// server's record only when it got there before the pause (the row is "sending" from
	// the moment the engine starts it), so it is there once or twice; a.jpg and c.jpg once.
	slices.Sort(sent)
	once := []string{"a.jpg", "b.jpg", "c.jpg"}
	if !slices.Equal(sent, once) && !slices.Equal(sent, []string{"a.jpg", "b.jpg", "b.jpg", "c.jpg"}) {
		t.Errorf("files posted: %v, want %v with b.jpg once or twice", sent, once)
	}
	if b.q.Totals().Paused {
		t.Error("still paused after Resume")
	}
}

// A pause longer than the job's idle expiry goes on in a new job, and says so.
func TestResumeAfterTheJobExpiredStartsANewJob(t *testing.T) {
	b := newPauseBox(t)
	b.pauseAtSecondFile(t)
	b.q.mu.Lock()
	b.q.open.LastPost = time.Now().Add(-uploader.JobIdleExpiry) // paused for half an hour
	b.q.mu.Unlock()
	b.sb.ExpireJobs()
	old := b.sb.Jobs()[0]

	note, err := b.q.Resume()
	if err != nil || !strings.Contains(note, "new job") {
		t.Fatalf("Resume: %q, %v", note, err)
	}
	if sum := b.wait(t); sum.Done != 3 || sum.Err != nil || len(sum.Handles) != 1 {
		t.Fatalf("summary after Resume: %+v", sum)
	}
	jobs := b.sb.Jobs()
	if len(jobs) != 2 || jobs[1].Handle == old.Handle || len(jobs[1].Files) != 2 {
		t.Fatalf("the server's jobs: %+v", jobs)
	}
	logged := false
	for _, e := range b.q.Log(0) {
		logged = logged || strings.Contains(e.Message, "new job")
	}
	if !logged {
		t.Error("the job log does not say the files went on in a new job")
	}
}

// Cancel while paused gives the waiting files up; nothing is left to resume.
func TestCancelWhilePaused(t *testing.T) {
	b := newPauseBox(t)
	b.pauseAtSecondFile(t)
	b.q.Cancel()
	if st := statesOf(b.q); st["b.jpg"] != Cancelled || st["c.jpg"] != Cancelled {
		t.Fatalf("states: %v", st)
	}
	if _, err := b.q.Resume(); err != ErrNotPaused {
		t.Fatalf("Resume after Cancel: %v", err)
	}
}

// Cancel after a Resume counts the whole upload too, and says it was cancelled.
func TestCancelAfterResumeCountsTheWholeUpload(t *testing.T) {
	b := newPauseBox(t)
	b.pauseAtSecondFile(t)
	b.sb.SetFaults(sandbox.Faults{StallEvery: 1, StallFor: time.Minute})
	// b.jpg is sent again first, and stalls.
	sending := make(chan struct{}, 8)
	obs := b.q.obs
	b.q.SetObserver(Observer{Ended: obs.Ended, Row: func(i int) {
		if row, ok := b.q.Row(i); ok && row.Rel == "b.jpg" && row.State == Sending {
			sending <- struct{}{}
		}
	}})
	if _, err := b.q.Resume(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-sending:
	case <-time.After(30 * time.Second):
		t.Fatal("b.jpg was not sent again")
	}
	b.sb.SetFaults(sandbox.Faults{}) // the stalled POST stays stalled; the rest answers
	b.q.Cancel()
	sum := b.wait(t)
	if sum.Done != 1 || sum.Cancelled != 2 {
		t.Fatalf("summary: %+v", sum)
	}
	want := join(words.Error(uploader.ErrCancelled), summaryMessage(Summary{Done: 1, Cancelled: 2}))
	if !strings.HasPrefix(sum.Message, want) {
		t.Errorf("the summary says %q, want %q", sum.Message, want)
	}
}

// The files uploaded before a pause are followed with the others once the job ends:
// each gets what Scene7 made of it, none stays Uploaded for good.
func TestFilesSentBeforeAPauseAreFollowed(t *testing.T) {
	b := newPauseBox(t)
	c := uploader.NewClient()
	c.Concurrency, c.BatchFiles = 1, 1
	obs := b.q.obs
	b.q = New(Config{Uploader: c, Follower: c, FollowFirst: 10 * time.Millisecond})
	b.q.SetObserver(obs)
	b.pauseAtSecondFile(t)
	if _, err := b.q.Resume(); err != nil {
		t.Fatal(err)
	}
	b.wait(t)
	b.q.Wait()
	// The sandbox judges "first", "second", "third" not to be JPEG files: each file has
	// Scene7's word on it.
	for _, r := range b.q.Rows() {
		if r.State != Done || r.Outcome != FailedInScene7 {
			t.Errorf("%s: %v, %v", r.Rel, r.State, r.Outcome)
		}
	}
}

// Files an earlier run sent in a job it left open (Hoist closed mid-upload) are followed
// with the files of the run that continues that job after the restart: they stayed
// Uploaded for good, and the status counted "1 of 1 ready" after 31 files.
func TestFilesSentBeforeARestartAreFollowedWithTheJob(t *testing.T) {
	b := newPauseBox(t)
	b.pauseAtSecondFile(t) // as a quit mid-upload leaves it: a.jpg sent, the job open
	snap := b.q.Snapshot()
	if snap.OpenJob().Handle == "" {
		t.Fatal("no open job to continue")
	}
	c := uploader.NewClient()
	next := New(Config{Uploader: c, Follower: c, FollowFirst: 10 * time.Millisecond})
	ended := make(chan Summary, 1)
	next.SetObserver(Observer{Ended: func(s Summary) { ended <- s }})
	if waiting := next.Restore(snap); waiting != 2 {
		t.Fatalf("%d files waiting after the restart", waiting)
	}
	if err := next.Start(b.target); err != nil {
		t.Fatal(err)
	}
	select {
	case <-ended:
	case <-time.After(30 * time.Second):
		t.Fatal("the upload did not end")
	}
	next.Wait()
	handles := map[string]bool{}
	for _, r := range next.Rows() {
		handles[r.JobHandle] = true
		if r.State != Done || r.Outcome != FailedInScene7 {
			t.Errorf("%s: %v, %v", r.Rel, r.State, r.Outcome)
		}
	}
	if len(handles) != 1 {
		t.Errorf("the files went to %d jobs, want the one left open", len(handles))
	}
}
