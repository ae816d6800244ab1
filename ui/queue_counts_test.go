package ui

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"hoist/app/session"
	"hoist/internal/words"
	"hoist/uploader"
)

// stopsAfterRefusal plays the engine for an upload that stops on a refusal: the first two
// files are accepted in job h-1, the third is refused, and the upload stops before sending
// the others (uploader.NotSentError), as the engine reports a refused request.
type stopsAfterRefusal struct{}

func (stopsAfterRefusal) Upload(_ context.Context, req uploader.Request, on func(uploader.Event)) (*uploader.Result, error) {
	refused := errors.New("the server refused the request")
	res := &uploader.Result{JobName: "job-1", Jobs: []uploader.JobRef{{Name: "job-1", Handle: "h-1", Ended: true}}}
	for i, it := range req.Items {
		ev := uploader.Event{Item: i, Rel: it.Rel, Size: it.Size, JobName: "job-1", JobHandle: "h-1", ETA: -1, JobETA: -1}
		f := uploader.FileResult{Rel: it.Rel}
		switch {
		case i < 2:
			ev.Kind = uploader.FileStarted
			on(ev)
			ev.Kind, f.State, f.JobHandle = uploader.FileDone, uploader.StateDone, "h-1"
		case i == 2:
			ev.Kind = uploader.FileStarted
			on(ev)
			ev.Kind, ev.Err, f.State, f.Err = uploader.FileFailed, refused, uploader.StateFailed, refused
		default:
			ev.Err = &uploader.NotSentError{Cause: refused}
			ev.Kind, f.State, f.Err = uploader.FileCancelled, uploader.StateCancelled, ev.Err
		}
		on(ev)
		res.Files = append(res.Files, f)
	}
	return res, nil
}

// firstReplaced plays Scene7's processing of a job whose first file's asset the second
// file replaced (same asset ID, overwrite on); the others are ready.
var firstReplaced = playedFollow(func(req uploader.FollowRequest, i int) uploader.FileOutcome {
	out := uploader.FileOutcome{AssetID: "hero", Outcome: uploader.Processed}
	if i == 0 && len(req.Files) > 1 {
		out.Outcome, out.ReplacedBy = uploader.Replaced, req.Files[1]
	}
	return out
})

// Seven files: one cancelled by the person before the upload, then an upload where two
// are accepted (Scene7 replaces the first one's asset with the second), one is refused
// and the upload stops before sending the last three. The line under the bar counts the
// three as not sent and only the one someone cancelled as cancelled, and counts the
// replaced file; each row says the same, in every language.
func TestQueueCountLineTellsNotSentFromCancelledAndCountsReplaced(t *testing.T) {
	want := map[string]struct {
		done     string
		counts   []string
		notSent  string
		byYouRow string
	}{
		"en": {"1 of 3 files done", []string{"1 failed", "3 not sent", "1 cancelled", "1 replaced by a later file"}, "Not sent", "Cancelled"},
		"fr": {"Terminés\u00a0: 1 sur 3 fichiers", []string{"1 en échec", "3 non envoyés", "1 annulé", "1 remplacé par un fichier envoyé ensuite"}, "Non envoyé", "Annulé"},
		"ja": {"3件中 1件完了", []string{"失敗 1件", "未送信 3件", "キャンセル 1件", "後のファイルで置き換え 1件"}, "未送信", "キャンセル"},
	}
	eachLanguage(t, func(t *testing.T, code string) {
		w := want[code]
		tree := map[string]string{}
		for i := range 7 {
			tree[fmt.Sprintf("c/f%d/hero.jpg", i)] = "jpeg bytes"
		}
		dir := files(t, tree)
		e := newTestEnvConfig(t, session.Config{Uploader: stopsAfterRefusal{}, Follower: firstReplaced, FollowFirst: time.Millisecond})
		if added, _ := e.q.Add([]string{filepath.Join(dir, "c")}); added != 7 {
			t.Fatalf("%d files added", added)
		}
		if err := e.q.CancelRow(6); err != nil { // c/f6/hero.jpg, the last one listed
			t.Fatal(err)
		}
		test.Tap(e.w.Queue.Upload)
		e.q.Wait()
		// The window hears of Scene7's processing through fyne.Do, which the test driver
		// runs on the session's goroutines: wait for the replaced file to be counted.
		last := w.counts[len(w.counts)-1]
		deadline := time.Now().Add(10 * time.Second)
		for !strings.HasSuffix(e.w.Queue.summary.Text, last) && time.Now().Before(deadline) {
			time.Sleep(5 * time.Millisecond)
		}
		// The status line counts against the same files: 1 of 3 ready (the replaced one
		// was followed too; the refused one failed), not 1 of 2.
		if ready := words.N("session.processed.ready", 3, words.A{"Ready": 1}); !strings.HasPrefix(e.w.Queue.status.Text, ready) {
			t.Errorf("status %q: want it to start with %q", e.w.Queue.status.Text, ready)
		}
		parts := strings.Split(e.w.Queue.summary.Text, " · ")
		// parts[1] is the bytes: 30 bytes of 70 sent, the files failed and replaced among
		// them, so it says sent rather than done.
		if sent := map[string]string{"en": " sent", "fr": " envoyés", "ja": " 送信済み"}[code]; len(parts) < 2 || !strings.HasSuffix(parts[1], sent) {
			t.Errorf("line under the bar %q: want the bytes %q", e.w.Queue.summary.Text, sent)
		}
		if len(parts) < 2 || parts[0] != w.done || !slices.Equal(parts[2:], w.counts) {
			t.Errorf("line under the bar %q: want %q, the bytes, then %q", e.w.Queue.summary.Text, w.done, w.counts)
		}
		rows := e.q.Rows()
		for i, row := range rows {
			text := detailText(row)
			switch {
			case i >= 3 && i < 6:
				if !row.NotSent() || strings.Contains(text, w.byYouRow) {
					t.Errorf("row %s: %q, not sent %v", row.Rel, text, row.NotSent())
				}
				row.Reason = "" // the fallback when no reason was kept
				if got := detailText(row); got != w.notSent {
					t.Errorf("row %s without its reason: %q, want %q", row.Rel, got, w.notSent)
				}
			case i == 6:
				if row.NotSent() || !strings.Contains(text, w.byYouRow) {
					t.Errorf("row %s, cancelled by the person: %q", row.Rel, text)
				}
			}
		}
	})
}
