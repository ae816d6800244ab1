package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"hoist/app/session"
	"hoist/internal/words"
	"hoist/uploader"
)

// oneFails plays the engine for an upload where one file does not get through: every
// file is accepted in job h-1 except the one whose name is fail, which fails (or is
// cancelled, with cancel).
type oneFails struct {
	fail   string
	cancel bool
}

func (o oneFails) Upload(_ context.Context, req uploader.Request, on func(uploader.Event)) (*uploader.Result, error) {
	res := &uploader.Result{JobName: "job-1", Jobs: []uploader.JobRef{{Name: "job-1", Handle: "h-1", Ended: true}}}
	for i, it := range req.Items {
		ev := uploader.Event{Item: i, Rel: it.Rel, Size: it.Size, JobName: "job-1", JobHandle: "h-1", ETA: -1, JobETA: -1}
		ev.Kind = uploader.FileStarted
		on(ev)
		if filepath.Base(it.Rel) == o.fail {
			ev.Kind, ev.Err = uploader.FileFailed, errors.New("the connection dropped")
			state := uploader.StateFailed
			if o.cancel {
				ev.Kind, ev.Err, state = uploader.FileCancelled, fmt.Errorf("%w: by you", uploader.ErrCancelled), uploader.StateCancelled
			}
			on(ev)
			res.Files = append(res.Files, uploader.FileResult{Rel: it.Rel, State: state, Err: ev.Err})
			continue
		}
		ev.Kind = uploader.FileDone
		on(ev)
		res.Files = append(res.Files, uploader.FileResult{Rel: it.Rel, State: uploader.StateDone, JobHandle: "h-1"})
	}
	return res, nil
}

// playedFollow plays Scene7's processing of a job: each file followed gets the outcome the
// function gives it (req.Files is the job's files, i the file's place among them).
type playedFollow func(req uploader.FollowRequest, i int) uploader.FileOutcome

func (p playedFollow) Follow(_ context.Context, req uploader.FollowRequest, on func(uploader.FollowEvent)) (*uploader.FollowResult, error) {
	on(uploader.FollowEvent{Kind: uploader.FollowStarted, JobHandle: req.JobHandle, Item: -1})
	res := &uploader.FollowResult{JobHandle: req.JobHandle}
	for i, rel := range req.Files {
		out := p(req, i)
		out.Item, out.Rel = i, rel
		on(uploader.FollowEvent{Kind: uploader.FileProcessed, JobHandle: req.JobHandle, Item: i, Rel: rel, AssetID: out.AssetID,
			Outcome: out.Outcome, ReplacedBy: out.ReplacedBy})
		res.Files = append(res.Files, out)
	}
	on(uploader.FollowEvent{Kind: uploader.FollowEnded, JobHandle: req.JobHandle, Item: -1, Files: res.Files})
	return res, nil
}

// allReady plays Scene7's processing: every file followed is ready, its asset ID its name.
var allReady = playedFollow(func(req uploader.FollowRequest, i int) uploader.FileOutcome {
	return uploader.FileOutcome{AssetID: strings.TrimSuffix(filepath.Base(req.Files[i]), ".jpg"), Outcome: uploader.Processed}
})

// After an upload where one file of 13 did not get through and Scene7 made the other 12
// ready, the status line and the line under the bar count against the same 13 files,
// and the status says, in that line's words, that the file failed (it was sent; the
// status used to call it "not sent" beside "1 failed"), and what to do, in every language.
func TestStatusAndSummaryAgreeWhenAFileWasNotSent(t *testing.T) {
	want := map[string]struct{ status, notSent, summary string }{
		"en": {"12 of 13 files ready in Scene7.", "1 failed. See why in the list", "12 of 13 files done"},
		"fr": {"Fichiers prêts dans Scene7\u00a0: 12 sur 13.", "1 en échec. La liste indique pourquoi", "Terminés\u00a0: 12 sur 13 fichiers"},
		"ja": {"Scene7 で 13件中 12件のファイルの準備ができました。", "1件が失敗しました。リストで理由を確認して", "13件中 12件完了"},
	}
	eachLanguage(t, func(t *testing.T, code string) {
		tree := map[string]string{}
		var paths []string
		for i := range 13 {
			tree[fmt.Sprintf("c/hero-%02d.jpg", i)] = "jpeg bytes"
		}
		dir := files(t, tree)
		for i := range 13 {
			paths = append(paths, filepath.Join(dir, "c", fmt.Sprintf("hero-%02d.jpg", i)))
		}
		e := newTestEnvConfig(t, session.Config{Uploader: oneFails{fail: "hero-07.jpg"}, Follower: allReady, FollowFirst: time.Millisecond})
		if added, _ := e.q.Add(paths); added != 13 {
			t.Fatalf("%d files added", added)
		}
		e.w.Win.Resize(DefaultSize)
		test.Tap(e.w.Queue.Upload)
		e.q.Wait()
		// The window hears of the end and of Scene7's processing through fyne.Do, which
		// the test driver runs on the session's goroutines: wait for the last one.
		deadline := time.Now().Add(10 * time.Second)
		for !strings.Contains(e.w.Queue.status.Text, want[code].notSent) && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
		status, summary := e.w.Queue.status.Text, e.w.Queue.summary.Text
		w := want[code]
		if !strings.HasPrefix(status, w.status) || !strings.Contains(status, w.notSent) {
			t.Errorf("status %q: want it to start with %q and say %q", status, w.status, w.notSent)
		}
		if !strings.HasPrefix(summary, w.summary) {
			t.Errorf("line under the bar %q: want %q", summary, w.summary)
		}
		if !e.w.Queue.status.Visible() {
			t.Error("the status line is hidden")
		}
	})
}

// What Scene7 said beyond the ready files stays in the status, between the count and
// the files not sent; with every file sent, the session's sentence is shown as it is.
func TestProcessedTextKeepsScene7sWords(t *testing.T) {
	speaking(t, "en")
	p := session.Processed{Ready: 10, Failed: 2, Message: "10 of 12 files ready in Scene7. 2 failed in Scene7."}
	got, retry := processedText(p, session.Summary{Done: 12, Failed: 1, Cancelled: 1})
	want := "10 of 13 files ready in Scene7. 2 failed in Scene7. 1 failed. 1 cancelled."
	if got != want || !retry {
		t.Errorf("got  %q (retry %v)\nwant %q, then the advice to retry", got, retry, want)
	}
	if got, retry := processedText(p, session.Summary{Done: 12}); got != p.Message || retry {
		t.Errorf("every file sent: %q (retry %v)", got, retry)
	}
}

// An upload where a file was cancelled: the status counts what was uploaded against the
// same files as the line under the bar (cancelled files leave both), and says what was
// cancelled.
func TestEndedStatusCountsAsTheLineUnderTheBar(t *testing.T) {
	speaking(t, "en")
	tree := map[string]string{}
	for i := range 4 {
		tree[fmt.Sprintf("c/a-%d.jpg", i)] = "jpeg bytes"
	}
	dir := files(t, tree)
	e := newTestEnvConfig(t, session.Config{Uploader: oneFails{fail: "a-2.jpg", cancel: true}})
	ended := make(chan struct{}, 1)
	e.w.OnEnded = func(session.Summary) { ended <- struct{}{} }
	e.q.Add([]string{filepath.Join(dir, "c")})
	test.Tap(e.w.Queue.Upload)
	select {
	case <-ended:
	case <-time.After(10 * time.Second):
		t.Fatal("the upload did not end")
	}
	status, summary := e.w.Queue.status.Text, e.w.Queue.summary.Text
	if !strings.HasPrefix(status, "3 of 3 files uploaded.") || !strings.Contains(status, "1 cancelled.") || !strings.HasPrefix(summary, "3 of 3 files done") {
		t.Errorf("status %q beside %q", status, summary)
	}
}

func TestEndedText(t *testing.T) {
	eachLanguage(t, func(t *testing.T, code string) {
		say := func(done, of int) string { return words.N("session.summary.uploaded", of, words.A{"Done": done}) }
		cancelled := words.N("session.summary.cancelled", 2, nil)
		s := session.Summary{Done: 8, Cancelled: 2, Message: joinSentences(say(8, 10), cancelled)}
		if got, want := endedText(s), joinSentences(say(8, 8), cancelled); got != want {
			t.Errorf("got %q, want %q", got, want)
		}
		all := session.Summary{Cancelled: 2, Message: joinSentences(say(0, 2), cancelled)}
		if got := endedText(all); got != cancelled {
			t.Errorf("every file cancelled: %q", got)
		}
		sent := session.Summary{Done: 8, Failed: 2, Message: "x"}
		if got := endedText(sent); got != "x" {
			t.Errorf("nothing cancelled: %q", got)
		}
	})
}

// An upload that stopped before sending some files (a refused request, a job that stopped
// taking files): the status line and the notification say "not sent" for them and
// "cancelled" only for the files someone cancelled; the status counts against the same
// files as the line under the bar, which leaves both out.
func TestEndedSaysNotSentApartFromCancelled(t *testing.T) {
	eachLanguage(t, func(t *testing.T, code string) {
		say := func(done, of int) string { return words.N("session.summary.uploaded", of, words.A{"Done": done}) }
		notSent, cancelled := words.N("session.summary.not_sent", 3, nil), words.N("session.summary.cancelled", 1, nil)
		s := session.Summary{Done: 5, Failed: 1, NotSent: 3, Cancelled: 1, Message: joinSentences(joinSentences(say(5, 10), notSent), cancelled)}
		if got, want := endedText(s), joinSentences(joinSentences(say(5, 6), notSent), cancelled); got != want {
			t.Errorf("status %q, want %q", got, want)
		}
		stopped := session.Summary{NotSent: 4, Message: joinSentences(say(0, 4), words.N("session.summary.not_sent", 4, nil))}
		if got, want := endedText(stopped), words.N("session.summary.not_sent", 4, nil); got != want {
			t.Errorf("nothing sent: %q, want %q", got, want)
		}
		body := endedBody(session.Summary{Done: 5, Failed: 1, NotSent: 3})
		if !strings.Contains(body, words.N("notify.count.not_sent", 3, nil)) || strings.Contains(body, words.N("notify.count.cancelled", 3, nil)) {
			t.Errorf("notification %q: want the 3 files counted as not sent", body)
		}
		p := session.Processed{Ready: 5, Message: words.N("session.processed.ready", 5, words.A{"Ready": 5})}
		got, _ := processedText(p, session.Summary{Done: 5, NotSent: 3})
		if !strings.Contains(got, notSent) || strings.Contains(got, words.N("session.summary.failed", 3, nil)) {
			t.Errorf("processed %q: want the 3 files not sent named as such", got)
		}
		got, _ = processedText(p, session.Summary{Done: 5, Failed: 2, NotSent: 3})
		if want := joinSentences(words.N("session.summary.failed", 2, nil), notSent); !strings.HasSuffix(got, want) {
			t.Errorf("processed %q: want it to end with %q, as the line under the bar counts them", got, want)
		}
	})
}
