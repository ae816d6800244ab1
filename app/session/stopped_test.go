package session

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"hoist/sandbox"
	"hoist/uploader"
)

// Scene7 refuses the upload's first request as a request (30003): its files fail with the
// refusal, and the rows no request carried read as not sent, with the reason the upload
// stopped — not as failed, and not as cancelled by someone.
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
	if failed != 4 || notSent != 36 || sum.Failed != failed || sum.Cancelled != notSent || sum.Done != 0 {
		t.Fatalf("%d failed, %d not sent; summary %+v", failed, notSent, sum)
	}
}
