package uploader_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"hoist/internal/words"
	"hoist/sandbox"
	"hoist/uploader"
)

// jpegName names the i-th of many files.
func jpegName(i int) string { return fmt.Sprintf("f%04d.jpg", i) }

// processingBox is a box whose jobs stay listed by getActiveJobs for processing after
// they stop taking files, as `hoist sandbox` does by default (3 s) and as Scene7 does
// while it converts what a job received.
func processingBox(t *testing.T, processing time.Duration) *box {
	t.Helper()
	s, err := sandbox.New(sandbox.Config{Dir: t.TempDir(), ProcessingTime: processing})
	if err != nil {
		t.Fatal(err)
	}
	b := &box{Server: s}
	srv := httptest.NewServer(http.HandlerFunc(b.handle))
	t.Cleanup(srv.Close)
	b.url = srv.URL
	return b
}

// The job expires, the upload goes on in a new job (README: once), and that job expires
// too: Hoist stops at once rather than open a third job or send the files one by one to a
// job it knows is dead. Every file not stored says why (the job stopped taking files, upload
// them again) — never a fault's advice about values — and the files no request carried are
// not sent, not failed. With processing, the expired job is still listed by getActiveJobs.
func TestE2EScene7JobGoneTwice(t *testing.T) {
	for _, processing := range []time.Duration{0, time.Minute} {
		t.Run(fmt.Sprint("processing ", processing), func(t *testing.T) {
			b := processingBox(t, processing)
			const every, conc = 10, 4
			b.SetFaults(sandbox.Faults{ExpireEvery: every}) // upload POSTs 10 and 20 expire the running jobs
			items := manyFiles(t, 300, jpegName)
			var mu sync.Mutex
			var continued []uploader.Event
			var tally *uploader.Tally
			c := testClient(func(c *uploader.Client) { c.Concurrency, c.BatchFiles = conc, 4 })
			res, err := c.Upload(context.Background(), b.scene7Request(t, items), func(ev uploader.Event) {
				mu.Lock()
				defer mu.Unlock()
				switch ev.Kind {
				case uploader.JobContinued:
					continued = append(continued, ev)
				case uploader.JobEnded:
					tally = ev.Tally
				}
			})
			var gone *uploader.JobGoneError
			if !errors.As(err, &gone) || gone.Job != "e2e-2" {
				t.Fatalf("err = %v, want a JobGoneError for job e2e-2", err)
			}
			if s := words.Error(err); !strings.Contains(s, "e2e-2") || !strings.Contains(s, "upload the others again") {
				t.Errorf("sentence %q", s)
			}
			if len(continued) != 1 || len(res.Jobs) != 2 || len(b.Jobs()) != 2 {
				t.Fatalf("%d JobContinued, result jobs %+v, sandbox jobs %d: want one new job, no third", len(continued), res.Jobs, len(b.Jobs()))
			}
			// POSTs after the second expiry: at most the ones already under way, and
			// one per worker that had picked its next batch; none to the dead job after.
			if n := int(b.n.Load()); n > 2*every+2*conc {
				t.Fatalf("%d upload POSTs, the second expiry was POST %d: a storm", n, 2*every)
			}
			done, failed, notSent := 0, 0, 0
			for i, fr := range res.Files {
				var ns *uploader.NotSentError
				switch {
				case fr.State == uploader.StateDone:
					done++
					got, err := os.ReadFile(b.Scene7File(sandbox.DemoCompany, "spring/2026/"+items[i].Rel))
					if want, _ := os.ReadFile(items[i].Path); err != nil || !bytes.Equal(got, want) {
						t.Errorf("%s: done but not stored (%v)", fr.Rel, err)
					}
				case fr.State == uploader.StateFailed && errors.As(fr.Err, &gone):
					failed++
				case fr.State == uploader.StateCancelled && errors.As(fr.Err, &ns) && errors.As(ns.Cause, &gone):
					notSent++
					if s := words.Error(fr.Err); !strings.HasPrefix(s, "Not sent") || !strings.Contains(s, "e2e-2") {
						t.Errorf("%s: %q", fr.Rel, s)
					}
				default:
					t.Errorf("%s: %v (%v), want done, failed for the job or not sent", fr.Rel, fr.State, fr.Err)
				}
			}
			if done == 0 || failed+notSent == 0 || notSent < len(items)/2 {
				t.Errorf("%d done, %d failed, %d not sent", done, failed, notSent)
			}
			if tally == nil || tally.Done != done || tally.Failed != failed || tally.NotSent != notSent || tally.Cancelled != 0 {
				t.Errorf("tally %+v; files: %d done, %d failed, %d not sent", tally, done, failed, notSent)
			}
		})
	}
}

// The very first POST is refused as a request (30003): its files fail with the refusal;
// the files no POST carried are not sent — cancelled with a NotSentError, counted apart in
// the tally — rather than failed with the refusal's sentence.
func TestE2EScene7RefusedFirstRequestLeavesTheRestNotSent(t *testing.T) {
	b := startBox(t, 0)
	b.SetFaults(sandbox.Faults{RequestFaultEvery: 1})
	items := manyFiles(t, 300, jpegName)
	var tally *uploader.Tally
	failedEvents, cancelledEvents := 0, 0
	c := testClient(func(c *uploader.Client) { c.Concurrency, c.BatchFiles = 4, 16 })
	res, err := c.Upload(context.Background(), b.scene7Request(t, items), func(ev uploader.Event) {
		switch ev.Kind {
		case uploader.FileFailed:
			failedEvents++
		case uploader.FileCancelled:
			cancelledEvents++
		case uploader.JobEnded:
			tally = ev.Tally
		}
	})
	var rr *uploader.RequestRefusedError
	if !errors.As(err, &rr) {
		t.Fatalf("err = %v, want a RequestRefusedError", err)
	}
	var posts []sandbox.Request
	for _, rq := range b.Requests() {
		if rq.Path == uploader.Scene7UploadPath {
			posts = append(posts, rq)
		}
	}
	if len(posts) != 1 {
		t.Fatalf("%d upload POSTs, want 1", len(posts))
	}
	sent := len(posts[0].Files)
	if sent == 0 || sent >= len(items) {
		t.Fatalf("the first POST carried %d files of %d", sent, len(items))
	}
	for _, fr := range res.Files {
		var ns *uploader.NotSentError
		switch {
		case fr.State == uploader.StateFailed && fr.Err == err:
		case fr.State == uploader.StateCancelled && errors.As(fr.Err, &ns) && ns.Cause == err:
			if s := words.Error(fr.Err); !strings.HasPrefix(s, "Not sent") {
				t.Errorf("%s: %q", fr.Rel, s)
			}
		default:
			t.Errorf("%s: %v (%v)", fr.Rel, fr.State, fr.Err)
		}
	}
	failed, notSent := res.Count(uploader.StateFailed), res.Count(uploader.StateCancelled)
	if failed != sent || notSent != len(items)-sent || failedEvents != failed || cancelledEvents != notSent {
		t.Fatalf("%d failed (%d events), %d not sent (%d events); the first POST carried %d of %d",
			failed, failedEvents, notSent, cancelledEvents, sent, len(items))
	}
	// Nobody cancelled them: the tally counts them as not sent, not as cancelled.
	if tally == nil || tally.Failed != sent || tally.NotSent != len(items)-sent || tally.Cancelled != 0 || tally.Done != 0 ||
		res.CountNotSent() != tally.NotSent {
		t.Fatalf("tally %+v, %d not sent in the result", tally, res.CountNotSent())
	}
}

// The job expires just before its endJob: the files are all uploaded, and the upload does
// not claim that the job could not be ended (nothing is left open on the server).
func TestE2EScene7JobExpiredBeforeItsEnd(t *testing.T) {
	b := startBox(t, 0)
	b.SetFaults(sandbox.Faults{ExpireEvery: 4}) // three POSTs of two files, then endJob
	items := flatTree(t, "a.jpg", "b.jpg", "c.jpg", "d.jpg", "e.jpg", "f.jpg")
	var tally *uploader.Tally
	c := testClient(func(c *uploader.Client) { c.Concurrency, c.BatchFiles = 1, 2 })
	res, err := c.Upload(context.Background(), b.scene7Request(t, items), func(ev uploader.Event) {
		if ev.Kind == uploader.JobEnded {
			tally = ev.Tally
		}
	})
	if err != nil || res.Count(uploader.StateDone) != len(items) {
		t.Fatalf("err %v, %d of %d done", err, res.Count(uploader.StateDone), len(items))
	}
	if n := b.n.Load(); n != 4 {
		t.Fatalf("%d upload POSTs, want 4 (the fourth is endJob)", n)
	}
	if tally == nil || tally.NotEnded || len(res.Jobs) != 1 || res.Jobs[0].Ended || b.Jobs()[0].State != sandbox.JobExpired {
		t.Fatalf("tally %+v, jobs %+v, sandbox %+v", tally, res.Jobs, b.Jobs())
	}
}
