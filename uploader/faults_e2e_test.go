package uploader_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hoist/internal/words"
	"hoist/sandbox"
	"hoist/uploader"
)

// flatTree writes files of the given names in one folder and walks it, so that they share
// one batch (one POST) unless the client splits them.
func flatTree(t *testing.T, names ...string) []uploader.Item {
	t.Helper()
	root := filepath.Join(t.TempDir(), "flat")
	if err := os.MkdirAll(root, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(root, n), []byte("content of "+n), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	items, _ := uploader.Walk([]string{root})
	return items
}

// soapCalls counts the recorded SOAP calls of an operation.
func soapCalls(b *box, op string) int {
	n := 0
	for _, rq := range b.Requests() {
		if rq.Operation == op {
			n++
		}
	}
	return n
}

// A fault about one file, while the job lives: getActiveJobs says so, the files of the
// refused POST are sent one by one, only the culprit fails, the job goes on and is ended.
func TestE2EScene7FileLevelFault(t *testing.T) {
	b := startBox(t, 0)
	b.SetFaults(sandbox.Faults{RefuseFile: "bad.jpg"})
	items := flatTree(t, "a.jpg", "b.jpg", "bad.jpg", "c.jpg", "d.jpg", "e.jpg")
	var continued int
	c := testClient(func(c *uploader.Client) { c.Concurrency, c.BatchFiles = 1, 10 })
	res, err := c.Upload(context.Background(), b.scene7Request(t, items), func(ev uploader.Event) {
		if ev.Kind == uploader.JobContinued {
			continued++
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	for i, fr := range res.Files {
		bad := items[i].Rel == "flat/bad.jpg"
		var f *uploader.Fault
		switch {
		case bad && (fr.State != uploader.StateFailed || !errors.As(fr.Err, &f) || f.Code != uploader.CodeInvalidParameter):
			t.Errorf("bad.jpg: %v %v", fr.State, fr.Err)
		case !bad && fr.State != uploader.StateDone:
			t.Errorf("%s: %v %v", fr.Rel, fr.State, fr.Err)
		}
	}
	jobs := b.Jobs()
	if continued != 0 || len(res.Jobs) != 1 || len(jobs) != 1 || !res.Jobs[0].Ended {
		t.Fatalf("%d JobContinued, result jobs %+v, sandbox jobs %d", continued, res.Jobs, len(jobs))
	}
	if n := soapCalls(b, "getActiveJobs"); n == 0 {
		t.Fatal("the job's life was not asked of getActiveJobs")
	}
}

// A fault about the request itself, while the job lives: one request, one sentence, the
// upload stops and its job is ended; the fault is not retried.
func TestE2EScene7RequestLevelFault(t *testing.T) {
	b := startBox(t, 0)
	b.SetFaults(sandbox.Faults{RequestFaultEvery: 2}) // the first POST opens the job, the second is refused
	items := flatTree(t, "a.jpg", "b.jpg", "c.jpg", "d.jpg", "e.jpg", "f.jpg")
	c := testClient(func(c *uploader.Client) { c.Concurrency, c.BatchFiles = 1, 2 })
	res, err := c.Upload(context.Background(), b.scene7Request(t, items), nil)
	var rr *uploader.RequestRefusedError
	var f *uploader.Fault
	if !errors.As(err, &rr) || !errors.As(err, &f) || f.Code != uploader.CodeInvalidRequestXML {
		t.Fatalf("err = %v, want a RequestRefusedError with fault 30003", err)
	}
	if s := words.Error(err); !strings.Contains(s, "stopped the upload") {
		t.Errorf("sentence %q", s)
	}
	var refused, ends int
	for _, rq := range b.Requests() {
		if rq.Path != uploader.Scene7UploadPath {
			continue
		}
		if strings.HasPrefix(rq.Fault, "ipsApiFault 30003") {
			refused++
		}
		if rq.EndJob {
			ends++
		}
	}
	if refused != 1 || ends != 1 || !res.Jobs[0].Ended {
		t.Fatalf("%d refused POSTs (want 1), %d endJob (want 1), jobs %+v", refused, ends, res.Jobs)
	}
	// The refused POST's two files fail; the two no POST carried are not sent.
	if res.Count(uploader.StateDone) != 2 || res.Count(uploader.StateFailed) != 2 || res.Count(uploader.StateCancelled) != 2 {
		t.Fatalf("%d done, %d failed, %d not sent", res.Count(uploader.StateDone), res.Count(uploader.StateFailed), res.Count(uploader.StateCancelled))
	}
}

// The job expired on the server: getActiveJobs no longer lists it, so the upload goes on
// in a new job, once, and says why.
func TestE2EScene7JobGone(t *testing.T) {
	b := startBox(t, 0)
	b.SetFaults(sandbox.Faults{ExpireEvery: 3})
	items := flatTree(t, "a.jpg", "b.jpg", "c.jpg", "d.jpg", "e.jpg", "f.jpg")
	var msgs []string
	c := testClient(func(c *uploader.Client) { c.Concurrency, c.BatchFiles = 1, 2 })
	res, err := c.Upload(context.Background(), b.scene7Request(t, items), func(ev uploader.Event) {
		if ev.Kind == uploader.JobContinued {
			msgs = append(msgs, words.Event(ev))
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Count(uploader.StateDone) != len(items) {
		t.Fatalf("%d of %d done", res.Count(uploader.StateDone), len(items))
	}
	if len(msgs) != 1 || !strings.Contains(msgs[0], "no longer active") || len(res.Jobs) != 2 || res.Jobs[1].Name != "e2e-2" {
		t.Fatalf("JobContinued %q, jobs %+v", msgs, res.Jobs)
	}
	if sj := b.Jobs(); sj[0].State != sandbox.JobExpired || !res.Jobs[1].Ended {
		t.Fatalf("sandbox jobs %+v", sj)
	}
}
