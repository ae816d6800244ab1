package uploader

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// testTree writes a small awkward tree and walks it.
func testTree(t *testing.T, extra map[string]string) []Item {
	t.Helper()
	files := map[string]string{
		"a.jpg": "alpha", "b.jpg": "bravo", "c.jpg": "", "img/d.png": "delta", "img/e.png": "echo",
		"img/sub/f.tif": strings.Repeat("f", 50_000), "été.jpg": "accent", "日本語/g.psd": "golf",
	}
	for k, v := range extra {
		files[k] = v
	}
	dir := t.TempDir()
	writeTree(t, filepath.Join(dir, "Campaign"), files)
	items, skipped := Walk([]string{filepath.Join(dir, "Campaign")})
	if len(skipped) > 0 {
		t.Fatalf("skipped %v", skipped)
	}
	return items
}

// checkArrived asserts that every item is in the fake, byte for byte, under spring/.
func checkArrived(t *testing.T, f *fakeServlet, items []Item) {
	t.Helper()
	got := f.received()
	for _, it := range items {
		want, _ := os.ReadFile(it.Path)
		if data, ok := got["spring/"+it.Rel]; !ok || !bytes.Equal(data, want) {
			t.Errorf("%s: arrived %v, %d bytes, want %d", it.Rel, ok, len(data), len(want))
		}
	}
}

func TestPlanBatches(t *testing.T) {
	items := []Item{
		{Rel: "C/a.jpg", Size: 10}, {Rel: "C/b.jpg", Size: 10}, {Rel: "C/x/c.jpg", Size: 10},
		{Rel: "C/big.tif", Size: 1000}, {Rel: "C/é.jpg", Size: 1}, {Rel: `C/q"uote.jpg`, Size: 1},
		{Rel: "C/d.jpg", Size: 10}, {Rel: "C/e.jpg", Size: 10},
	}
	bs := planBatches(items, "spring/", 2, 100)
	var got []string
	for _, b := range bs {
		got = append(got, fmt.Sprintf("%s:%v:%v", b.dest, b.items, b.named))
	}
	want := "spring/C:[0 1]:false spring/C/x:[2]:false spring/C:[3]:false spring/C:[4]:true spring/C:[5]:true spring/C:[6 7]:false"
	if strings.Join(got, " ") != want {
		t.Fatalf("batches\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	// Sizes: [0 1] 20, [2] 10, [3] 1000, [4] 1, [5] 1, [6 7] 20; all below minPostBytes, so
	// none is split.
	ordered := postsInOrder(bs, items, 8)
	want = "[4] [3] [0 1] [6 7] [2] [5]"
	got = got[:0]
	for _, b := range ordered {
		got = append(got, fmt.Sprint(b.items))
	}
	if strings.Join(got, " ") != want {
		t.Fatalf("the smallest batch must open the job, the others follow largest file first (equal sizes in plan order):\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	if destFor("", "a.jpg") != "" || destFor("", "x/a.jpg") != "x" || destFor("/filer/", "x/y/a.jpg") != "/filer/x/y" {
		t.Fatal("destFor")
	}
	if needsFileName("plain <&>'.jpg") || !needsFileName("été.jpg") || !needsFileName(`a\b`) || !needsFileName("日本") {
		t.Fatal("needsFileName")
	}
	if n := NewJobName(time.Date(2026, 11, 22, 21, 15, 30, 0, time.UTC)); !strings.HasPrefix(n, "hoist-20261122-211530-") || len(n) != 28 {
		t.Fatalf("job name %q", n)
	}
}

func TestScene7UploadOneJob(t *testing.T) {
	f := newFakeServlet(t)
	items := testTree(t, nil)
	var rec recorder
	c := fastClient(func(c *Client) { c.BatchFiles, c.Concurrency = 2, 2 })
	res, err := c.Upload(context.Background(), f.request(items), rec.on)
	if err != nil {
		t.Fatal(err)
	}
	checkArrived(t, f, items)
	f.checkJobRules(t)
	if len(f.order) != 1 || len(res.Jobs) != 1 || !res.Jobs[0].Ended || res.Jobs[0].Name != "test-job" {
		t.Fatalf("jobs on server %v, in result %+v", f.order, res.Jobs)
	}
	if res.Count(StateDone) != len(items) || f.maxInflight > 2 {
		t.Fatalf("%d done, up to %d POSTs at once", res.Count(StateDone), f.maxInflight)
	}
	for i, fr := range res.Files {
		if fr.JobHandle != res.Jobs[0].Handle || fr.Rel != items[i].Rel {
			t.Errorf("file %d: %+v", i, fr)
		}
	}
	// Names beyond ASCII travel alone, with fileName.
	for _, p := range f.posts {
		for _, file := range p.Files {
			if needsFileName(file.Name) && (p.Params.FileName != file.Name || len(p.Files) != 1) {
				t.Errorf("post %d sends %q with fileName %q among %d files", p.N, file.Name, p.Params.FileName, len(p.Files))
			}
		}
	}
	if len(rec.kinds(FileQueued)) != len(items) || len(rec.kinds(FileDone)) != len(items) || len(rec.kinds(JobCreated)) != 1 {
		t.Fatalf("events: %d queued, %d done, %d job created", len(rec.kinds(FileQueued)), len(rec.kinds(FileDone)), len(rec.kinds(JobCreated)))
	}
	last := rec.events[len(rec.events)-1]
	if last.Kind != JobEnded || last.JobSent != last.JobSize || last.Err != nil {
		t.Fatalf("last event %+v", last)
	}
}

func TestScene7TransientFailuresAreRetried(t *testing.T) {
	f := newFakeServlet(t)
	f.hook = func(n int, w http.ResponseWriter, r *http.Request) bool {
		switch n {
		case 2: // drop the connection in the middle of the body
			buf := make([]byte, 100)
			r.Body.Read(buf)
			conn, _, _ := w.(http.Hijacker).Hijack()
			conn.Close()
		case 3:
			http.Error(w, "<html><body>Service Unavailable</body></html>", http.StatusServiceUnavailable)
		case 4:
			w.Write([]byte("this is not xml"))
		default: // a stall: TestStallWatchdogGivesUpAfterTheResponseTimeout, on a fake clock
			return false
		}
		return true
	}
	items := testTree(t, nil)
	var rec recorder
	c := fastClient(func(c *Client) {
		c.BatchFiles, c.Concurrency, c.Retry.Attempts = 3, 1, 5
	})
	res, err := c.Upload(context.Background(), f.request(items), rec.on)
	if err != nil {
		t.Fatal(err)
	}
	checkArrived(t, f, items)
	f.checkJobRules(t)
	if res.Count(StateDone) != len(items) || len(f.order) != 1 {
		t.Fatalf("%d done, %d jobs", res.Count(StateDone), len(f.order))
	}
	if len(rec.kinds(FileRetrying)) == 0 {
		t.Fatal("no FileRetrying event")
	}
}

func TestScene7WrongPasswordOneRequest(t *testing.T) {
	f := newFakeServlet(t)
	items := testTree(t, nil)
	req := f.request(items)
	req.Credentials.Password = "wrong-Pa55word"
	var rec recorder
	res, err := fastClient().Upload(context.Background(), req, rec.on)
	var fault *Fault
	if !errors.As(err, &fault) || fault.Code != CodeInvalidCredentials {
		t.Fatalf("err = %v, want the authentication fault", err)
	}
	if f.count() != 1 {
		t.Fatalf("%d requests, want exactly 1", f.count())
	}
	checkStopped(t, res, err)
	all := rec.text() + err.Error() + fmt.Sprintf("%+v %#v", res, req)
	if strings.Contains(all, "wrong-Pa55word") {
		t.Fatal("the password leaked into an error, an event or a printed request")
	}
}

// checkStopped asserts the outcome of an upload that stopped on err: the files of the
// request that met it failed with it, and the others are not sent (cancelled, with a
// NotSentError whose cause is err), not failed.
func checkStopped(t *testing.T, res *Result, err error) {
	t.Helper()
	failed := 0
	for _, fr := range res.Files {
		var ns *NotSentError
		switch {
		case fr.State == StateFailed && fr.Err == err:
			failed++
		case fr.State == StateCancelled && errors.As(fr.Err, &ns) && ns.Cause == err:
		default:
			t.Errorf("%s: %v (%v), want failed with the upload's error or not sent", fr.Rel, fr.State, fr.Err)
		}
	}
	if failed == 0 || failed == len(res.Files) {
		t.Errorf("%d of %d files failed: want those of the one request sent, the others not sent", failed, len(res.Files))
	}
}

func TestScene7ExpiredJobContinuesInNewJob(t *testing.T) {
	f := newFakeServlet(t)
	f.hook = func(n int, w http.ResponseWriter, r *http.Request) bool {
		if n == 3 { // the job expires before the third POST
			f.mu.Lock()
			for _, j := range f.jobs {
				j.Expired = true
			}
			f.mu.Unlock()
		}
		return false
	}
	items := testTree(t, nil)
	var rec recorder
	c := fastClient(func(c *Client) { c.BatchFiles, c.Concurrency = 2, 1 })
	res, err := c.Upload(context.Background(), f.request(items), rec.on)
	if err != nil {
		t.Fatal(err)
	}
	checkArrived(t, f, items)
	f.checkJobRules(t)
	if len(res.Jobs) != 2 || res.Jobs[1].Name != "test-job-2" || !res.Jobs[1].Ended || len(rec.kinds(JobContinued)) != 1 {
		t.Fatalf("jobs %+v, %d JobContinued", res.Jobs, len(rec.kinds(JobContinued)))
	}
	if res.Count(StateDone) != len(items) {
		t.Fatalf("%d of %d done", res.Count(StateDone), len(items))
	}
}

func TestScene7SecondFaultIsAFailureNotALoop(t *testing.T) {
	f := newFakeServlet(t)
	f.hook = func(n int, w http.ResponseWriter, r *http.Request) bool {
		// Any POST naming the bad file gets a fault, whatever its job.
		var buf bytes.Buffer
		buf.ReadFrom(r.Body)
		if bytes.Contains(buf.Bytes(), []byte(`filename="bad.jpg"`)) {
			w.Write([]byte(faultXML("ipsApiFault", 30001, "bad file")))
			return true
		}
		r.Body = readCloser{bytes.NewReader(buf.Bytes())}
		return false
	}
	items := testTree(t, map[string]string{"bad.jpg": "x"})
	var rec recorder
	c := fastClient(func(c *Client) { c.BatchFiles, c.Concurrency = 4, 1 })
	res, err := c.Upload(context.Background(), f.request(items), rec.on)
	if err != nil {
		t.Fatal(err)
	}
	for i, fr := range res.Files {
		bad := items[i].Rel == "Campaign/bad.jpg"
		if bad != (fr.State == StateFailed) {
			t.Errorf("%s: %v (%v)", fr.Rel, fr.State, fr.Err)
		}
		var fault *Fault
		if bad && (!errors.As(fr.Err, &fault) || fr.Attempts > 3) {
			t.Errorf("bad file: err %v after %d requests", fr.Err, fr.Attempts)
		}
	}
	if f.count() > 15 {
		t.Fatalf("%d requests for %d files: a loop?", f.count(), len(items))
	}
	f.checkJobRules(t)
}

// stall reads the request body (the server notices a closed connection only after that)
// and waits for the client to give up.
func stall(r *http.Request) {
	io.Copy(io.Discard, r.Body)
	select {
	case <-r.Context().Done():
	case <-time.After(10 * time.Second):
	}
}

type readCloser struct{ *bytes.Reader }

func (readCloser) Close() error { return nil }

func TestScene7VanishedFileFailsAlone(t *testing.T) {
	f := newFakeServlet(t)
	items := testTree(t, nil)
	os.Remove(items[1].Path)
	os.WriteFile(items[2].Path, []byte("now longer than when walked"), 0o644)
	var rec recorder
	res, err := fastClient().Upload(context.Background(), f.request(items), rec.on)
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(res.Files[1].Err, ErrFileGone) || !errors.Is(res.Files[2].Err, ErrFileChanged) {
		t.Fatalf("errors %v / %v", res.Files[1].Err, res.Files[2].Err)
	}
	if res.Count(StateDone) != len(items)-2 {
		t.Fatalf("%d done", res.Count(StateDone))
	}
	f.checkJobRules(t)
	for _, ev := range rec.kinds(FileFailed) {
		var fe *FileError
		if !errors.As(ev.Err, &fe) || fe.Rel != ev.Rel {
			t.Errorf("failure of %s: %v, want its own *FileError", ev.Rel, ev.Err)
		}
	}
}

// A file that changes while its POST is streaming fails alone; its batch goes again.
func TestScene7FileChangedWhileSending(t *testing.T) {
	f := newFakeServlet(t)
	items := testTree(t, map[string]string{"big.tif": strings.Repeat("B", 16<<20)})
	var big Item
	for _, it := range items {
		if strings.HasSuffix(it.Rel, "big.tif") {
			big = it
		}
	}
	f.hook = func(n int, w http.ResponseWriter, r *http.Request) bool {
		if r.ContentLength > 8<<20 {
			os.Truncate(big.Path, 10) // the client is blocked mid-body: cut the file under it
		}
		return false
	}
	c := fastClient(func(c *Client) { c.BatchBytes = 64 << 20 })
	res, err := c.Upload(context.Background(), f.request(items), nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, fr := range res.Files {
		isBig := items[i].Rel == big.Rel
		if isBig != (fr.State == StateFailed) || isBig && !errors.Is(fr.Err, ErrFileChangedWhileSent) {
			t.Errorf("%s: %v %v", fr.Rel, fr.State, fr.Err)
		}
	}
	f.checkJobRules(t)
	if _, ok := f.received()["spring/"+big.Rel]; ok {
		t.Fatal("a file that changed mid-body was accepted")
	}
}

func TestScene7CancelEndsTheJob(t *testing.T) {
	f := newFakeServlet(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	f.hook = func(n int, w http.ResponseWriter, r *http.Request) bool {
		if n == 2 { // the second POST hangs until the client gives up on it
			cancel()
			stall(r)
			return true
		}
		return false
	}
	items := testTree(t, nil)
	var rec recorder
	c := fastClient(func(c *Client) { c.BatchFiles, c.Concurrency = 2, 1 })
	res, err := c.Upload(ctx, f.request(items), rec.on)
	if !errors.Is(err, ErrCancelled) || !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want cancellation", err)
	}
	if res.Count(StateDone) == 0 || res.Count(StateCancelled) == 0 || res.Count(StateDone)+res.Count(StateCancelled) != len(items) {
		t.Fatalf("%d done, %d cancelled of %d", res.Count(StateDone), res.Count(StateCancelled), len(items))
	}
	// A cancel's files are cancelled, not "not sent because the upload stopped".
	ended := rec.kinds(JobEnded)
	if len(ended) != 1 {
		t.Fatalf("%d JobEnded events", len(ended))
	}
	if tally := ended[0].Tally; tally.Cancelled != res.Count(StateCancelled) || tally.NotSent != 0 || res.CountNotSent() != 0 {
		t.Fatalf("tally %+v, %d not sent in the result", tally, res.CountNotSent())
	}
	f.checkJobRules(t)
	if !res.Jobs[0].Ended {
		t.Fatal("the job was not ended after cancellation")
	}
	f.mu.Lock()
	lastPost := f.posts[len(f.posts)-1]
	f.mu.Unlock()
	if !lastPost.Params.EndJob || len(lastPost.Files) != 0 {
		t.Fatalf("last POST %+v, want endJob without files", lastPost.Params)
	}
}

func TestScene7UnreachableServerIsOneJobError(t *testing.T) {
	f := newFakeServlet(t)
	f.srv.Close()
	items := testTree(t, nil)
	res, err := fastClient().Upload(context.Background(), f.request(items), nil)
	var ce *ConnError
	if !errors.As(err, &ce) {
		t.Fatalf("err %v", err)
	}
	checkStopped(t, res, err)
	// Only the opening POST's files were tried (4 attempts, the policy's), not the others
	// one by one.
	tried := 0
	for _, fr := range res.Files {
		if fr.Attempts > 4 {
			t.Fatalf("%s: %d attempts, the policy allows 4", fr.Rel, fr.Attempts)
		}
		if fr.Attempts > 0 {
			tried++
		}
	}
	if tried == 0 || tried > 3 {
		t.Fatalf("%d of %d files tried: want the opening POST's alone (Campaign's three smallest)", tried, len(res.Files))
	}
}

func TestScene7IdleHandleIsNotReused(t *testing.T) {
	f := newFakeServlet(t)
	items := testTree(t, nil)
	var rec recorder
	// An idle limit of nanoseconds: every gap between POSTs exceeds it.
	c := fastClient(func(c *Client) { c.BatchFiles, c.Concurrency, c.JobIdleTimeout = 3, 1, 10 })
	res, err := c.Upload(context.Background(), f.request(items), rec.on)
	if err != nil {
		t.Fatal(err)
	}
	checkArrived(t, f, items)
	for _, p := range f.posts {
		if p.Fault != "" {
			t.Errorf("post %d got %s: an idle handle was tried", p.N, p.Fault)
		}
	}
	// The last job is idle by then too: it is left to expire rather than tried.
	if len(res.Jobs) < 2 || len(rec.kinds(JobContinued)) != len(res.Jobs)-1 {
		t.Fatalf("jobs %+v, %d JobContinued", res.Jobs, len(rec.kinds(JobContinued)))
	}
}

func TestUploadValidatesBeforeAnyRequest(t *testing.T) {
	f := newFakeServlet(t)
	items := testTree(t, nil)
	cases := map[string]func(*Request){
		"no company":    func(r *Request) { r.Company = "" },
		"no password":   func(r *Request) { r.Credentials.Password = "" },
		"no files":      func(r *Request) { r.Items = nil },
		"plain http":    func(r *Request) { r.Endpoint.UploadURL = "http://example.com/scene7/UploadFile" },
		"bad options":   func(r *Request) { r.Options.EmailSetting = "Sometimes" },
		"bad service":   func(r *Request) { r.Endpoint.Service = "ftp" },
		"drsum no dest": func(r *Request) { r.Endpoint.Service, r.DestFolder = DrSum, "" },
	}
	for name, mutate := range cases {
		req := f.request(items)
		mutate(&req)
		res, err := fastClient().Upload(context.Background(), req, nil)
		if err == nil || res != nil {
			t.Errorf("%s: err %v, result %v", name, err, res)
		}
	}
	if f.count() != 0 {
		t.Fatalf("%d requests made by invalid uploads", f.count())
	}
}

// Right after its walk (Request.Walked) a POST that does not open the job goes without
// looking at its files: the body finds the first vanished file and its POST fails; the
// batch's other files are looked at then, so the second vanished file is not carried by a
// second failed POST. The POST that opens the job is looked at first all the same (a body
// broken off there might leave the server a job whose handle never came back).
func TestScene7VanishedAfterAFreshWalk(t *testing.T) {
	for _, tc := range []struct {
		name string
		gone []string
		// attempts by file: the gone files', the others'
		goneTries, keptTries int
	}{
		{"from a later POST", []string{"Campaign/set/2.jpg", "Campaign/set/4.jpg"}, 1, 2},
		{"from the opening POST", []string{"Campaign/a/2.jpg"}, 0, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeServlet(t)
			root := filepath.Join(t.TempDir(), "Campaign")
			writeTree(t, root, map[string]string{"a/1.jpg": "one", "a/2.jpg": "two",
				"set/1.jpg": "one", "set/2.jpg": "two", "set/3.jpg": "three", "set/4.jpg": "four", "set/5.jpg": "five"})
			items, _ := Walk([]string{root})
			gone := map[string]bool{}
			for _, rel := range tc.gone {
				gone[rel] = true
			}
			for _, it := range items {
				if gone[it.Rel] {
					os.Remove(it.Path)
				}
			}
			req := f.request(items)
			req.Walked = time.Now()
			res, err := fastClient(func(c *Client) { c.Concurrency = 1 }).Upload(context.Background(), req, nil)
			if err != nil {
				t.Fatal(err)
			}
			for _, fr := range res.Files {
				switch {
				case gone[fr.Rel] && (!errors.Is(fr.Err, ErrFileGone) || fr.Attempts != tc.goneTries):
					t.Errorf("%s: %v %v after %d POSTs, want ErrFileGone after %d", fr.Rel, fr.State, fr.Err, fr.Attempts, tc.goneTries)
				case !gone[fr.Rel] && strings.HasPrefix(fr.Rel, "Campaign/set/") && (fr.State != StateDone || fr.Attempts != tc.keptTries):
					t.Errorf("%s: %v %v after %d POSTs, want done after %d", fr.Rel, fr.State, fr.Err, fr.Attempts, tc.keptTries)
				case !gone[fr.Rel] && fr.State != StateDone:
					t.Errorf("%s: %v %v", fr.Rel, fr.State, fr.Err)
				}
			}
			f.checkJobRules(t)
			var kept []Item
			for _, it := range items {
				if !gone[it.Rel] {
					kept = append(kept, it)
				}
			}
			checkArrived(t, f, kept)
		})
	}
}

// A file cancelled while it waits for its next try was carried by one request, not two:
// its FileCancelled event names the try it was at (Attempt 2, as FileRetrying announced)
// and the requests made (Tries 1, as FileResult.Attempts); the window's details said "2
// attempts" from Attempt.
func TestCancelDuringRetryWaitCountsTheTriesMade(t *testing.T) {
	f := newFakeServlet(t)
	f.hook = func(n int, w http.ResponseWriter, r *http.Request) bool {
		_, _ = io.Copy(io.Discard, r.Body)
		http.Error(w, "<html><body>Bad Gateway</body></html>", http.StatusBadGateway)
		return true
	}
	items := testTree(t, nil)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var rec recorder
	c := fastClient(func(c *Client) {
		c.Retry = RetryPolicy{Attempts: 4, Base: time.Minute, Max: time.Minute}
	})
	res, _ := c.Upload(ctx, f.request(items), func(ev Event) {
		rec.on(ev)
		if ev.Kind == FileRetrying {
			cancel() // during the minute's wait before the second try
		}
	})
	retried := map[int]bool{}
	for _, ev := range rec.kinds(FileRetrying) {
		if ev.Attempt != 2 || ev.Tries != 1 {
			t.Errorf("%s: FileRetrying attempt %d after %d tries, want 2 after 1", ev.Rel, ev.Attempt, ev.Tries)
		}
		retried[ev.Item] = true
	}
	if len(retried) == 0 {
		t.Fatal("no FileRetrying event")
	}
	cancelledInWait := 0
	for _, ev := range rec.kinds(FileCancelled) {
		want := res.Files[ev.Item].Attempts
		if retried[ev.Item] {
			cancelledInWait++
			if ev.Attempt != 2 || ev.Tries != 1 || want != 1 {
				t.Errorf("%s: cancelled at attempt %d after %d tries (result: %d), want attempt 2 after 1", ev.Rel, ev.Attempt, ev.Tries, want)
			}
		}
		if ev.Tries != want {
			t.Errorf("%s: the event says %d tries, the result %d", ev.Rel, ev.Tries, want)
		}
	}
	if cancelledInWait != len(retried) {
		t.Fatalf("%d of the %d files waiting for a retry were cancelled", cancelledInWait, len(retried))
	}
}

// While a retry sends a file, its progress counts that request: Tries 2 from the second
// try's first FileProgress, so the window's details say "2 attempts" while it is sent.
func TestRetryProgressCountsTheTryBeingSent(t *testing.T) {
	f := newFakeServlet(t)
	f.hook = func(n int, w http.ResponseWriter, r *http.Request) bool {
		if n != 1 {
			return false
		}
		_, _ = io.Copy(io.Discard, r.Body)
		http.Error(w, "<html><body>Bad Gateway</body></html>", http.StatusBadGateway)
		return true
	}
	items := testTree(t, nil)
	var rec recorder
	res, err := fastClient().Upload(context.Background(), f.request(items), rec.on)
	if err != nil || res.Count(StateDone) != len(items) {
		t.Fatalf("%v, %d of %d done", err, res.Count(StateDone), len(items))
	}
	retrying := map[int]bool{}
	seen := 0
	for _, ev := range rec.events {
		switch {
		case ev.Kind == FileRetrying:
			retrying[ev.Item] = true
		case ev.Kind == FileProgress && retrying[ev.Item]:
			seen++
			if ev.Tries != 2 {
				t.Fatalf("%s: a progress of the second try says %d tries", ev.Rel, ev.Tries)
			}
		case ev.Kind == FileDone && retrying[ev.Item] && ev.Tries != 2:
			t.Errorf("%s: done after %d tries, want 2", ev.Rel, ev.Tries)
		}
	}
	if len(retrying) == 0 || seen == 0 {
		t.Fatalf("%d files retried, %d progress events of a second try", len(retrying), seen)
	}
}
