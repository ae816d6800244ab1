package session

import (
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

}

// The session's own summary (when the job log has no word about the upload) says "not
// sent" for the files the upload stopped before sending and "cancelled" only for those
// someone cancelled, in every language.
func TestSummarySaysNotSentApartFromCancelled(t *testing.T) {
	defer words.Use(words.Current())
	for lang, want := range map[string]string{
		"en": "2 of 7 files uploaded. 1 failed. 3 not sent. 1 cancelled.",
		"fr": "Fichiers envoyés\u00a0: 2 sur 7. 1 en échec. 3 non envoyés. 1 annulé.",
		"ja": "7 件中 2 件のファイルをアップロードしました。1 件が失敗しました。3 件は送信されませんでした。1 件をキャンセルしました。",
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
