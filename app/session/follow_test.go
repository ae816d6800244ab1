package session

import (
	"context"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"hoist/internal/testfs"
	"hoist/internal/words"
	"hoist/sandbox"
	"hoist/uploader"
)

// followSetup runs a sandbox that processes each job for processing and a queue that
// follows its uploads with the real engine.
func followSetup(t *testing.T, processing, limit time.Duration) (*sandbox.Running, *Queue, Target, *[]Processed) {
	t.Helper()
	r, err := sandbox.Start(sandbox.Config{Dir: t.TempDir(), ProcessingTime: processing}, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = r.Close() })
	client := uploader.NewClient()
	q := New(Config{Uploader: client, Follower: client, FollowFirst: 10 * time.Millisecond, FollowLimit: limit})
	var mu sync.Mutex
	var got []Processed
	q.SetObserver(Observer{Processed: func(p Processed) { mu.Lock(); got = append(got, p); mu.Unlock() }})
	ep, err := uploader.CustomEndpoint(uploader.Scene7, r.Scene7UploadURL(), "", false)
	if err != nil {
		t.Fatal(err)
	}
	tg := Target{Profile: "Local sandbox", DestFolder: "f", Options: uploader.DefaultOptions(),
		Conn: uploader.Conn{Endpoint: ep, Company: sandbox.DemoCompany, Credentials: uploader.Credentials{User: sandbox.DemoUser, Password: sandbox.DemoPassword}}}
	return r, q, tg, &got
}

func addFiles(t *testing.T, q *Queue, files map[string]string) {
	t.Helper()
	dir := t.TempDir()
	testfs.Write(t, dir, files)
	q.Add([]string{filepath.Join(dir, "c")})
}

var mixed = map[string]string{"c/hero.jpg": "\xFF\xD8\xFFjpeg", "c/poster.psb": "8BPS", "c/notes.xyz": "x"}

func TestUploadedFilesAreFollowedUntilScene7IsDone(t *testing.T) {
	_, q, tg, got := followSetup(t, 100*time.Millisecond, 0)
	addFiles(t, q, mixed)
	if err := q.Start(tg); err != nil {
		t.Fatal(err)
	}
	q.Wait()
	want := map[string]Outcome{"c/hero.jpg": Ready, "c/poster.psb": FailedInScene7, "c/notes.xyz": ReadyWarnings}
	for _, r := range q.Rows() {
		if r.State != Done || r.Outcome != want[r.Rel] || r.OutcomeText == "" {
			t.Errorf("%s: %v %v %q", r.Rel, r.State, r.Outcome, r.OutcomeText)
		}
		if r.Rel == "c/hero.jpg" && r.AssetID != "hero" {
			t.Errorf("asset ID %q", r.AssetID)
		}
		// Scene7's own words alone, for the outcomes CSV (and kept across a restart).
		if r.Rel == "c/poster.psb" && (r.Said == "" || !strings.Contains(r.OutcomeText, strings.TrimSpace(r.Said))) {
			t.Errorf("Scene7 said %q; sentence %q", r.Said, r.OutcomeText)
		}
	}
	for _, s := range q.Snapshot().Rows {
		if s.Rel == "c/poster.psb" && s.Said == "" {
			t.Error("Scene7's words are not saved with the queue")
		}
	}
	tot := q.Totals()
	if done, of := tot.Files(); done != 2 || of != 3 || tot.Outcome(FailedInScene7) != 1 {
		t.Errorf("files %d of %d; outcomes %v", done, of, tot.Outcomes)
	}
	// The poster Scene7 could not process and the notes it warned about need a look, and
	// the count of the "Show problems only" filter says so.
	look := map[string]bool{}
	for _, r := range q.Rows() {
		look[r.Rel] = r.NeedsALook()
	}
	if !look["c/poster.psb"] || !look["c/notes.xyz"] || look["c/hero.jpg"] || tot.Problems() != 2 {
		t.Errorf("needs a look: %v; problems counted %d, want 2", look, tot.Problems())
	}
	if len(*got) != 1 || (*got)[0].Ready != 2 || (*got)[0].Failed != 1 || (*got)[0].Message != "2 of 3 files ready in Scene7. 1 of them with warnings. 1 failed in Scene7." {
		t.Errorf("processed %+v", *got)
	}
	server := 0
	for _, e := range q.Log(0) {
		if e.Source == Server {
			server++
		}
	}
	if server == 0 {
		t.Error("the server's log was not added to the job log")
	}
	for _, s := range q.Snapshot().Rows {
		if s.Outcome != want[s.Rel] {
			t.Errorf("saved %s as %v", s.Rel, s.Outcome)
		}
	}
}

// Closed while Scene7 was processing: the next start follows the same job again.
func TestFollowUpsResumeAfterARestart(t *testing.T) {
	r, q, tg, _ := followSetup(t, time.Hour, 300*time.Millisecond)
	addFiles(t, q, mixed)
	if err := q.Start(tg); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for q.Following() != 3 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	snap := q.Snapshot() // what the window saves when it closes now
	for _, s := range snap.Rows {
		if s.Outcome != Processing || s.JobHandle == "" {
			t.Fatalf("saved while processing: %+v", s)
		}
	}
	q.Wait() // the first run gives up at its limit: the rows stay "processing"
	if q.Following() != 3 {
		t.Fatalf("after the limit: %d processing", q.Following())
	}

	client := uploader.NewClient()
	next := New(Config{Uploader: client, Follower: client, FollowFirst: 10 * time.Millisecond})
	next.Restore(snap)
	r.FinishProcessing()
	if n := next.ResumeFollowUps(tg.Conn, tg.DestFolder); n != 3 {
		t.Fatalf("resumed %d", n)
	}
	next.Wait()
	for _, row := range next.Rows() {
		if row.Outcome == Processing || row.Outcome == NotFollowed {
			t.Errorf("%s still %v", row.Rel, row.Outcome)
		}
	}
	if done, _ := next.Totals().Files(); done != 2 {
		t.Errorf("%d ready", done)
	}
}

// fatalFollower follows jobs with the real engine but reports every file it failed as
// failed by a fatal error of its whole job, without Scene7's words (the Local sandbox never
// stops a job so; the engine's reading of such a log is tested in uploader).
type fatalFollower struct{ *uploader.Client }

func (f fatalFollower) Follow(ctx context.Context, req uploader.FollowRequest, onEvent func(uploader.FollowEvent)) (*uploader.FollowResult, error) {
	return f.Client.Follow(ctx, req, func(ev uploader.FollowEvent) {
		if ev.Kind == uploader.FileProcessed && ev.Outcome == uploader.Failed {
			ev.LogType, ev.Said = "FatalError", ""
		}
		onEvent(ev)
	})
}

// A file failed by a fatal error of its job says so, not that Scene7 gave no reason, and
// still says so once the queue is saved and restored.
func TestFatalJobErrorIsNamedOnTheRow(t *testing.T) {
	_, q, tg, _ := followSetup(t, 50*time.Millisecond, 0)
	client := uploader.NewClient()
	q.cfg.Follower = fatalFollower{client}
	addFiles(t, q, mixed)
	if err := q.Start(tg); err != nil {
		t.Fatal(err)
	}
	q.Wait()
	fatal := strings.TrimRight(words.T("engine.outcome.fatal", nil), ".")
	silent := words.T("engine.outcome.failed_silent", nil)
	check := func(when string, rows []Row) {
		t.Helper()
		for _, r := range rows {
			if r.Rel == "c/poster.psb" && (r.Outcome != FailedInScene7 || !strings.Contains(r.OutcomeText, fatal) || r.OutcomeText == silent) {
				t.Errorf("%s: %v %q, want the job's fatal error named", when, r.Outcome, r.OutcomeText)
			}
		}
	}
	check("after the follow-up", q.Rows())
	next := New(Config{Uploader: client, Follower: client})
	next.Restore(q.Snapshot())
	check("restored", next.Rows())
}
