package session

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"hoist/internal/words"
	"hoist/sandbox"
	"hoist/uploader"
)

// Scene7 refuses the upload's first request as a request (30003): its files fail with the
// refusal, and the rows no request carried read as not sent, with the reason the upload
// stopped — not as failed, and not as cancelled by someone; the summary the window shows
// counts them as not sent, in every language.
func TestRowsNeverSentAfterARefusedRequestReadNotSent(t *testing.T) {
	files := map[string]string{}
	for i := range 40 {
		files[fmt.Sprintf("c/f%02d.jpg", i)] = strings.Repeat("x", 100+i)
	}
	dir := tree(t, files)
	q := New(Config{Uploader: uploader.NewClient(func(c *uploader.Client) { c.BatchFiles = 4 })})
	rec := newRecorder(q)
	q.Add([]string{filepath.Join(dir, "c")})
	r, err := sandbox.Start(sandbox.Config{Dir: t.TempDir()}, "")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	r.SetFaults(sandbox.Faults{RequestFaultEvery: 1})
	ep, err := uploader.CustomEndpoint(uploader.Scene7, r.Scene7UploadURL(), "", false)
	if err != nil {
		t.Fatal(err)
	}
	if err := q.Start(Target{Conn: uploader.Conn{Endpoint: ep, Company: sandbox.DemoCompany,
		Credentials: uploader.Credentials{User: sandbox.DemoUser, Password: sandbox.DemoPassword}}, Options: uploader.DefaultOptions()}); err != nil {
		t.Fatal(err)
	}
	sum := <-rec.ended
	failed, notSent := 0, 0
	for _, row := range q.Rows() {
		switch row.State {
		case Failed:
			failed++
			if !strings.Contains(row.Reason, "stopped the upload after this one request") {
				t.Errorf("%s failed: %q", row.Rel, row.Reason)
			}
		case Cancelled:
			notSent++
			if !strings.HasPrefix(row.Reason, "Not sent: the upload stopped") || !strings.Contains(row.Reason, "stopped the upload after this one request") {
				t.Errorf("%s not sent: %q", row.Rel, row.Reason)
			}
		default:
			t.Errorf("%s: %v %q", row.Rel, row.State, row.Reason)
		}
	}
	if failed != 4 || notSent != 36 || sum.Failed != failed || sum.NotSent != notSent || sum.Cancelled != 0 || sum.Done != 0 {
		t.Fatalf("%d failed, %d not sent; summary %+v", failed, notSent, sum)
	}
	if !strings.Contains(sum.Message, "4 failed, 36 not sent.") || strings.Contains(sum.Message, "cancel") {
		t.Errorf("summary %q: want the files never sent counted as not sent, not cancelled", sum.Message)
	}
	// The rows and the totals the window counts from say the same: 36 not sent, none
	// cancelled by anyone.
	for _, row := range q.Rows() {
		if row.NotSent() != (row.State == Cancelled) {
			t.Errorf("%s (%v): not sent %v", row.Rel, row.State, row.NotSent())
		}
	}
	if tot := q.Totals(); tot.NotSent != 36 || tot.CancelledByYou() != 0 || tot.Count(Cancelled) != 36 {
		t.Errorf("totals: %d not sent, %d cancelled by you, of %d cancelled rows", tot.NotSent, tot.CancelledByYou(), tot.Count(Cancelled))
	}
	// Sent again (the sandbox takes them now), they leave the count.
	r.SetFaults(sandbox.Faults{})
	if err := q.Retry(Target{Conn: uploader.Conn{Endpoint: ep, Company: sandbox.DemoCompany,
		Credentials: uploader.Credentials{User: sandbox.DemoUser, Password: sandbox.DemoPassword}}, Options: uploader.DefaultOptions()}); err != nil {
		t.Fatal(err)
	}
	<-rec.ended
	if tot := q.Totals(); tot.NotSent != 0 || tot.Count(Done) != 40 {
		t.Errorf("after Retry: %d not sent, %d done", tot.NotSent, tot.Count(Done))
	}
}

// A row the upload stopped before sending is kept as not sent in the saved queue and comes
// back so; a row someone cancelled, or one of a queue file written before the flag, comes
// back cancelled. The totals count each once, and forget a row taken off the list.
func TestNotSentSurvivesTheSavedQueue(t *testing.T) {
	defer words.Use(words.Current())
	words.Use("en")
	byYou := words.Msg("session.reason.cancelled_by_you", nil)
	q := New(Config{})
	q.Restore(Snapshot{Rows: []Saved{
		{Path: "/d/a.jpg", Rel: "a.jpg", Size: 1, State: Cancelled, NotSent: true, Reason: "Not sent: the upload stopped before this file went out."},
		{Path: "/d/b.jpg", Rel: "b.jpg", Size: 1, State: Cancelled, Why: &byYou},
		{Path: "/d/c.jpg", Rel: "c.jpg", Size: 1, State: Failed, NotSent: true}, // only a cancelled row is not sent
	}})
	data, err := json.Marshal(q.Snapshot())
	if err != nil {
		t.Fatal(err)
	}
	var back Snapshot
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	old := []byte(`{"files":[{"path":"/d/e.jpg","rel":"e.jpg","size":1,"state":"cancelled"}]}`)
	var before Snapshot
	if err := json.Unmarshal(old, &before); err != nil {
		t.Fatal(err)
	}
	q2 := New(Config{})
	q2.Restore(back)
	q2.Restore(before)
	rows := q2.Rows()
	if len(rows) != 4 || !rows[0].NotSent() || rows[1].NotSent() || rows[2].NotSent() || rows[3].NotSent() {
		t.Fatalf("restored rows: %+v", rows)
	}
	if tot := q2.Totals(); tot.NotSent != 1 || tot.CancelledByYou() != 2 {
		t.Errorf("totals: %d not sent, %d cancelled by you", tot.NotSent, tot.CancelledByYou())
	}
	if err := q2.Remove([]int{0}); err != nil {
		t.Fatal(err)
	}
	if tot := q2.Totals(); tot.NotSent != 0 || tot.CancelledByYou() != 2 {
		t.Errorf("after removing the not-sent row: %d not sent, %d cancelled by you", tot.NotSent, tot.CancelledByYou())
	}
}

// The session's own summary (when the job log has no word about the upload) says "not
// sent" for the files the upload stopped before sending and "cancelled" only for those
// someone cancelled, in every language.
func TestSummarySaysNotSentApartFromCancelled(t *testing.T) {
	defer words.Use(words.Current())
	for lang, want := range map[string]string{
		"en": "2 of 7 files uploaded. 1 failed. 3 not sent. 1 cancelled.",
		"fr": "Fichiers envoyés\u00a0: 2 sur 7. 1 en échec. 3 non envoyés. 1 annulé.",
		"ja": "7件中 2件のファイルをアップロードしました。1件が失敗しました。3件は送信されませんでした。1件をキャンセルしました。",
	} {
		words.Use(lang)
		if got := summaryMessage(Summary{Done: 2, Failed: 1, NotSent: 3, Cancelled: 1}); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
		if got := summaryMessage(Summary{Done: 2, Cancelled: 1}); strings.Contains(got, words.N("session.summary.not_sent", 1, nil)) {
			t.Errorf("%s: a cancel is not sent for a reason: %q", lang, got)
		}
	}
}
