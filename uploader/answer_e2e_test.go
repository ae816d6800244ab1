package uploader_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"hoist/internal/words"
	"hoist/sandbox"
	"hoist/uploader"
)

// bigFile writes one file larger than any socket buffer, so that a server answering after
// its first 64 KiB answers before the client can have sent it all. Written in pieces: the
// test keeps memory constant as the engine does.
func bigFile(t *testing.T) []uploader.Item { return fileOfMiB(t, 32) }

// fileOfMiB writes one file of mib MiB.
func fileOfMiB(t *testing.T, mib int) []uploader.Item {
	t.Helper()
	path := filepath.Join(t.TempDir(), "big", "master.tif")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	chunk := bytes.Repeat([]byte("0123456789abcdef"), 1<<16) // 1 MiB
	for range mib {
		if _, err := f.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	items, _ := uploader.Walk([]string{path})
	return items
}

func replyKind(err error) (uploader.ReplyKind, bool) {
	var re *uploader.ReplyError
	if errors.As(err, &re) {
		return re.Kind, true
	}
	return 0, false
}

// An answer that comes before the body was sent is not success: the try is repeated, and
// the file is reported done only once the sandbox really has it.
func TestE2EScene7EarlyAnswerIsNotSuccess(t *testing.T) {
	b := startBox(t, 0)
	b.SetFaults(sandbox.Faults{EarlyAnswerEvery: 2}) // the first try opens the job, the next is answered early
	items := append(flatTree(t, "small.jpg"), bigFile(t)...)
	var early int
	res, err := testClient().Upload(context.Background(), b.scene7Request(t, items), func(ev uploader.Event) {
		if k, ok := replyKind(ev.Err); ev.Kind == uploader.FileRetrying && ok && k == uploader.ReplyEarly {
			early++
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if early == 0 {
		t.Fatal("no try was answered early: the test did not test")
	}
	for i, it := range items {
		got, gerr := os.Stat(b.Scene7File(sandbox.DemoCompany, "spring/2026/"+it.Rel))
		if res.Files[i].State != uploader.StateDone || gerr != nil || got.Size() != it.Size {
			t.Errorf("%s: %v, in the sandbox: %v", it.Rel, res.Files[i].State, gerr)
		}
	}
}

// A server that always answers early never gets a file reported as sent.
func TestE2EDrSumAlwaysEarlyFails(t *testing.T) {
	b := startBox(t, 0)
	b.SetFaults(sandbox.Faults{EarlyAnswerEvery: 1})
	items := bigFile(t)
	c := testClient(func(c *uploader.Client) { c.Retry.Attempts = 2 })
	res, err := c.Upload(context.Background(), b.drsumRequest(t, items, true), nil)
	if k, ok := replyKind(err); !ok || k != uploader.ReplyEarly || res.Files[0].State != uploader.StateFailed {
		t.Fatalf("err %v, file %v", err, res.Files[0].State)
	}
	if s := words.Error(err); !strings.Contains(s, "before it had received the whole upload") || !strings.Contains(s, strings.TrimPrefix(b.url, "http://")) {
		t.Errorf("sentence %q does not say what happened and where", s)
	}
}

// A body of 1 MiB goes whole into the client's socket buffers before a server that reads
// 64 KiB of it answers, so the transport has taken it all: the answer is still early,
// since the server has not acknowledged every byte. Where the system cannot tell (Windows)
// only answers that come while the body is being taken are caught.
func TestE2EEarlyAnswerToABodyInTheSocketBuffers(t *testing.T) {
	if runtime.GOOS != "linux" && runtime.GOOS != "darwin" {
		t.Skip("the count of unacknowledged bytes is read on Linux and macOS")
	}
	for _, service := range []uploader.Service{uploader.Scene7, uploader.DrSum} {
		t.Run(string(service), func(t *testing.T) {
			b := startBox(t, 0)
			b.SetFaults(sandbox.Faults{EarlyAnswerEvery: 1})
			items := fileOfMiB(t, 1)
			req := b.scene7Request(t, items)
			if service == uploader.DrSum {
				req = b.drsumRequest(t, items, true)
			}
			c := testClient(func(c *uploader.Client) { c.Retry.Attempts = 2 })
			res, _ := c.Upload(context.Background(), req, nil)
			if k, ok := replyKind(res.Files[0].Err); !ok || k != uploader.ReplyEarly || res.Files[0].State != uploader.StateFailed {
				t.Fatalf("file %v (%v): a server that read 64 KiB of 1 MiB was believed", res.Files[0].State, res.Files[0].Err)
			}
		})
	}
}

// A 200 with an HTML page (a proxy, a captive portal) is a failure that names the server,
// for both services, and it is not repeated.
func TestE2EHTMLPageIsNotSuccess(t *testing.T) {
	for _, service := range []uploader.Service{uploader.Scene7, uploader.DrSum} {
		t.Run(string(service), func(t *testing.T) {
			b := startBox(t, 0)
			b.SetFaults(sandbox.Faults{HTMLPageEvery: 1})
			items := flatTree(t, "a.csv", "b.csv")
			req := b.scene7Request(t, items)
			if service == uploader.DrSum {
				req = b.drsumRequest(t, items, true)
			}
			res, err := testClient().Upload(context.Background(), req, nil)
			if k, ok := replyKind(err); !ok || k != uploader.ReplyHTML || res.Count(uploader.StateDone) != 0 {
				t.Fatalf("err %v, %d done", err, res.Count(uploader.StateDone))
			}
			s := words.Error(err)
			if !strings.Contains(s, "an HTML page, probably a proxy or a login page") || !strings.Contains(s, strings.TrimPrefix(b.url, "http://")) {
				t.Errorf("sentence %q", s)
			}
			if n := len(b.Requests()); n != 1 {
				t.Errorf("%d requests: an HTML page was tried again or the next file sent", n)
			}
		})
	}
}

// A Scene7 200 that is not an uploadPostReturn is never success.
func TestE2EScene7GarbageIsNotSuccess(t *testing.T) {
	b := startBox(t, 0)
	b.SetFaults(sandbox.Faults{GarbageEvery: 1})
	items := flatTree(t, "a.jpg")
	res, err := testClient().Upload(context.Background(), b.scene7Request(t, items), nil)
	if k, ok := replyKind(err); !ok || k != uploader.ReplyNotUnderstood || res.Files[0].State != uploader.StateFailed {
		t.Fatalf("err %v, file %v", err, res.Files[0].State)
	}
	if s := words.Error(err); !strings.Contains(s, "without an upload reply") {
		t.Errorf("sentence %q", s)
	}
}
