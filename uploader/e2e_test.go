package uploader_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"hoist/internal/words"
	"hoist/sandbox"
	"hoist/uploader"
)

// End-to-end: the engine against the Local sandbox over loopback. The sandbox is written
// independently of the engine and is strict, so these tests catch wire-format mistakes.

// awkwardTree writes a campaign folder with every kind of name people use, and walks it.
func awkwardTree(t *testing.T) []uploader.Item {
	t.Helper()
	root := filepath.Join(t.TempDir(), "Campaign 2026")
	sizes := map[string]int{
		"été/affiche é.jpg":   20_000,
		"日本語/ポスター 日本語.psd":    30_000,
		"with space/a b.png":  1_000,
		`odd/a<&>'"b.tif`:     2_000, // stored by Scene7 as ab.tif (docs/protocol.md §Asset names)
		"odd/empty.txt":       0,
		"deep/1/2/3/leaf.png": 500,
		"big/master.tif":      3<<20 + 17,
		"top.jpg":             10,
		"img/1.jpg":           100, "img/2.jpg": 200, "img/3.jpg": 300,
		".DS_Store":     10,
		"img/Thumbs.db": 10,
	}
	for rel, n := range sizes {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		data := make([]byte, n)
		rand.Read(data)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	items, skipped := uploader.Walk([]string{root})
	if len(items) != len(sizes)-2 || len(skipped) != 2 {
		t.Fatalf("walk: %d items, skipped %v", len(items), skipped)
	}
	return items
}

// testClient has test-sized waits.
func testClient(opts ...func(*uploader.Client)) *uploader.Client {
	return uploader.NewClient(append([]func(*uploader.Client){func(c *uploader.Client) {
		c.Retry = uploader.RetryPolicy{Attempts: 6, Base: time.Millisecond, Max: 10 * time.Millisecond}
		c.ResponseTimeout = 3 * time.Second
		c.BatchFiles = 3
	}}, opts...)...)
}

// box is a sandbox behind a test server whose handler can be wrapped, to make an answer
// go missing at an exact request.
type box struct {
	*sandbox.Server
	url  string
	wrap atomic.Pointer[func(n int, w http.ResponseWriter, r *http.Request) bool]
	n    atomic.Int32 // upload POSTs so far
}

// startBox serves the box over loopback HTTP.
func startBox(t *testing.T, idle time.Duration) *box {
	t.Helper()
	b := newBox(t, idle)
	srv := httptest.NewServer(http.HandlerFunc(b.handle))
	t.Cleanup(srv.Close)
	b.url = srv.URL
	return b
}

// bubbleBox is a box for a synctest bubble, where a loopback server's goroutines would
// keep the fake clock from moving: the client from b.client serves its requests
// in-process, so the engine's real waits (the stall watchdog's) pass at once.
func bubbleBox(t *testing.T, idle time.Duration) *box {
	t.Helper()
	b := newBox(t, idle)
	b.url = "http://127.0.0.1:9" // no server there: b.client never dials
	return b
}

func newBox(t *testing.T, idle time.Duration) *box {
	t.Helper()
	s, err := sandbox.New(sandbox.Config{Dir: t.TempDir(), JobIdleTimeout: idle})
	if err != nil {
		t.Fatal(err)
	}
	return &box{Server: s}
}

func (b *box) handle(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == uploader.Scene7UploadPath || r.URL.Path == uploader.DrSumUploadPath {
		n := int(b.n.Add(1))
		if f := b.wrap.Load(); f != nil && (*f)(n, w, r) {
			return
		}
	}
	b.Server.ServeHTTP(w, r)
}

// client is the HTTP client of a bubbleBox.
func (b *box) client() *http.Client { return uploader.InProcessClient(http.HandlerFunc(b.handle)) }

func (b *box) onPost(f func(n int, w http.ResponseWriter, r *http.Request) bool) { b.wrap.Store(&f) }

// answerLost lets the sandbox handle the request, then withholds the answer until the
// client gives up: the server did it, the client cannot know.
func (b *box) answerLost(w http.ResponseWriter, r *http.Request) {
	b.ServeHTTP(httptest.NewRecorder(), r)
	<-r.Context().Done()
}

// answerDropped lets the sandbox handle the request, then closes the connection without
// an answer: the answer is lost at once, whatever the client's stall timeout and however
// slowly a loaded machine runs the test.
func (b *box) answerDropped(t *testing.T, w http.ResponseWriter, r *http.Request) {
	b.ServeHTTP(httptest.NewRecorder(), r)
	conn, _, err := http.NewResponseController(w).Hijack()
	if err != nil {
		t.Errorf("hijack: %v", err)
		return
	}
	_ = conn.Close()
}

func (b *box) scene7Request(t *testing.T, items []uploader.Item) uploader.Request {
	return uploader.Request{Conn: demoScene7(t, b.url, false), JobName: "e2e", DestFolder: "spring/2026",
		Options: uploader.DefaultOptions(), Items: items}
}

// demoScene7 is the sandbox's demo account on Scene7 at base (the server's root URL):
// its upload servlet, and its SOAP API when api is set.
func demoScene7(t *testing.T, base string, api bool) uploader.Conn {
	t.Helper()
	apiURL := ""
	if api {
		apiURL = base + uploader.Scene7APIPath
	}
	ep, err := uploader.CustomEndpoint(uploader.Scene7, base+uploader.Scene7UploadPath, apiURL, false)
	if err != nil {
		t.Fatal(err)
	}
	return uploader.Conn{Endpoint: ep, Credentials: uploader.Credentials{User: sandbox.DemoUser, Password: sandbox.DemoPassword},
		Company: sandbox.DemoCompany}
}

// checkScene7 asserts every file arrived byte for byte, in the jobs expected, all over.
func (b *box) checkScene7(t *testing.T, items []uploader.Item, res *uploader.Result, jobs int) {
	t.Helper()
	for i, it := range items {
		want, _ := os.ReadFile(it.Path)
		got, err := os.ReadFile(b.Scene7File(sandbox.DemoCompany, "spring/2026/"+it.Rel))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: not in the sandbox byte for byte (%v)", it.Rel, err)
		}
		if res.Files[i].State != uploader.StateDone {
			t.Errorf("%s: %v %v", it.Rel, res.Files[i].State, res.Files[i].Err)
		}
	}
	sj := b.Jobs()
	if len(sj) != jobs || sj[len(sj)-1].State != sandbox.JobDone {
		t.Fatalf("sandbox jobs %+v, want %d, the last Done", sj, jobs)
	}
	var after []string
	ended := false
	for _, rq := range b.Requests() {
		if rq.Path != uploader.Scene7UploadPath || rq.Fault != "" || rq.Status != http.StatusOK {
			continue
		}
		if ended && rq.JobHandle == sj[len(sj)-1].Handle {
			after = append(after, fmt.Sprintf("%+v", rq))
		}
		ended = ended || rq.EndJob && rq.JobHandle == sj[len(sj)-1].Handle
	}
	if !ended || len(after) > 0 {
		t.Fatalf("job ended %v; accepted after its end: %v", ended, after)
	}
}

func TestE2EScene7AwkwardTree(t *testing.T) {
	b := startBox(t, 0)
	items := awkwardTree(t)
	var events []uploader.Event
	res, err := testClient().Upload(context.Background(), b.scene7Request(t, items), func(ev uploader.Event) { events = append(events, ev) })
	if err != nil {
		t.Fatal(err)
	}
	b.checkScene7(t, items, res, 1)
	reqs := b.Requests()
	if reqs[0].JobName != "e2e" || reqs[len(reqs)-1].EndJob != true || len(reqs[len(reqs)-1].Files) != 0 {
		t.Fatalf("first %+v, last %+v", reqs[0], reqs[len(reqs)-1])
	}
	for _, rq := range reqs {
		if rq.Fault != "" {
			t.Errorf("request faulted: %+v", rq)
		}
	}
	last := events[len(events)-1]
	if last.Kind != uploader.JobEnded || last.JobSent != last.JobSize || last.JobSize == 0 {
		t.Fatalf("last event %+v", last)
	}
}

func TestE2EScene7UnderInjectedFaults(t *testing.T) {
	cases := map[string]sandbox.Faults{
		"drop":    {DropEvery: 3},
		"500":     {Error500Every: 3},
		"garbage": {GarbageEvery: 3},
		// Stalls: TestE2EScene7InjectedStalls, on a fake clock.
	}
	for name, f := range cases {
		t.Run(name, func(t *testing.T) {
			b := startBox(t, 0)
			b.SetFaults(f)
			items := awkwardTree(t)
			var retries atomic.Int32
			res, err := testClient().Upload(context.Background(), b.scene7Request(t, items), func(ev uploader.Event) {
				if ev.Kind == uploader.FileRetrying {
					retries.Add(1)
				}
			})
			if err != nil {
				t.Fatal(err)
			}
			b.checkScene7(t, items, res, 1)
			if retries.Load() == 0 {
				t.Fatal("no retry: the fault was not injected")
			}
		})
	}
}

// Every third request stalls for longer than the stall watchdog waits; each is given up
// on and retried, in the same job. It runs on synctest's fake clock with the real stall
// timeout, against the sandbox in-process: a short real timeout on loopback would take a
// slow machine's (go test -race) ordinary request for a stall.
func TestE2EScene7InjectedStalls(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := bubbleBox(t, 0)
		b.SetFaults(sandbox.Faults{StallEvery: 3, StallFor: 2 * uploader.DefaultResponseTimeout})
		items := awkwardTree(t)
		c := testClient(func(c *uploader.Client) { c.HTTP, c.ResponseTimeout = b.client(), uploader.DefaultResponseTimeout })
		stalls := 0
		res, err := c.Upload(t.Context(), b.scene7Request(t, items), func(ev uploader.Event) {
			var ce *uploader.ConnError
			if ev.Kind == uploader.FileRetrying && errors.As(ev.Err, &ce) && ce.Stalled == uploader.DefaultResponseTimeout {
				stalls++
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		b.checkScene7(t, items, res, 1)
		if stalls == 0 {
			t.Fatal("no retry after a stall: the fault was not injected")
		}
	})
}

// The answer to the job's first POST is lost although the sandbox created the job: the
// retry finds that job (getActiveJobs) instead of opening a second one.
func TestE2EScene7LostFirstAnswer(t *testing.T) {
	b := startBox(t, 0)
	b.onPost(func(n int, w http.ResponseWriter, r *http.Request) bool {
		if n == 1 {
			b.answerDropped(t, w, r)
			return true
		}
		return false
	})
	items := awkwardTree(t)
	c := testClient()
	res, err := c.Upload(context.Background(), b.scene7Request(t, items), nil)
	if err != nil {
		t.Fatal(err)
	}
	b.checkScene7(t, items, res, 1)
}

// The answer to the endJob POST is lost although the sandbox ended the job: the retry
// meets an ended job, which is what was asked.
func TestE2EScene7LostEndAnswer(t *testing.T) {
	b := startBox(t, 0)
	var once atomic.Bool
	b.onPost(func(n int, w http.ResponseWriter, r *http.Request) bool {
		data, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(data))
		if bytes.Contains(data, []byte("<endJob>true</endJob>")) && once.CompareAndSwap(false, true) {
			b.answerDropped(t, w, r)
			return true
		}
		return false
	})
	items := awkwardTree(t)
	c := testClient()
	res, err := c.Upload(context.Background(), b.scene7Request(t, items), nil)
	if err != nil || !res.Jobs[0].Ended || !once.Load() {
		t.Fatalf("err %v, jobs %+v, answer lost %v", err, res.Jobs, once.Load())
	}
	b.checkScene7(t, items, res, 1)
}

func TestE2EScene7WrongPassword(t *testing.T) {
	b := startBox(t, 0)
	items := awkwardTree(t)
	req := b.scene7Request(t, items)
	const secret = "not-the-Sandbox-pw"
	req.Credentials.Password = secret
	var text strings.Builder
	res, err := testClient().Upload(context.Background(), req, func(ev uploader.Event) { fmt.Fprintf(&text, "%+v %v\n", ev, ev.Err) })
	var f *uploader.Fault
	if !errors.As(err, &f) || f.Kind != uploader.AuthenticationFault {
		t.Fatalf("err = %v, want an authentication fault", err)
	}
	if n := len(b.Requests()); n != 1 {
		t.Fatalf("%d requests, want exactly 1", n)
	}
	if !strings.Contains(words.Error(err), "password") {
		t.Errorf("sentence %q does not say what to check", words.Error(err))
	}
	all := text.String() + err.Error() + words.Error(err) + fmt.Sprintf("%+v %+v %#v", res, b.Requests(), req)
	if strings.Contains(all, secret) {
		t.Fatal("the password appears in an error, an event or a record")
	}
}

func TestE2EScene7ExpiredJob(t *testing.T) {
	b := startBox(t, 0)
	b.onPost(func(n int, w http.ResponseWriter, r *http.Request) bool {
		if n == 3 {
			b.ExpireJobs()
		}
		return false
	})
	items := awkwardTree(t)
	var continued atomic.Int32
	res, err := testClient(func(c *uploader.Client) { c.Concurrency = 1 }).Upload(context.Background(), b.scene7Request(t, items), func(ev uploader.Event) {
		if ev.Kind == uploader.JobContinued {
			continued.Add(1)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	b.checkScene7(t, items, res, 2)
	if continued.Load() != 1 || len(res.Jobs) != 2 || res.Jobs[1].Name != "e2e-2" || b.Jobs()[0].State != sandbox.JobExpired {
		t.Fatalf("%d JobContinued, jobs %+v, sandbox %+v", continued.Load(), res.Jobs, b.Jobs())
	}
}

func TestE2EScene7Cancel(t *testing.T) {
	b := startBox(t, 0)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	b.onPost(func(n int, w http.ResponseWriter, r *http.Request) bool {
		if n == 3 {
			cancel()
			b.answerLost(w, r)
			return true
		}
		return false
	})
	items := awkwardTree(t)
	res, err := testClient(func(c *uploader.Client) { c.Concurrency = 1 }).Upload(ctx, b.scene7Request(t, items), nil)
	if !errors.Is(err, uploader.ErrCancelled) {
		t.Fatalf("err = %v, want ErrCancelled", err)
	}
	done, cancelled := res.Count(uploader.StateDone), res.Count(uploader.StateCancelled)
	if done == 0 || cancelled == 0 || done+cancelled != len(items) {
		t.Fatalf("%d done, %d cancelled of %d", done, cancelled, len(items))
	}
	if j := b.Jobs(); len(j) != 1 || j[0].State != sandbox.JobDone || !res.Jobs[0].Ended {
		t.Fatalf("job not ended after cancellation: %+v", j)
	}
	for i, fr := range res.Files {
		_, err := os.Stat(b.Scene7File(sandbox.DemoCompany, "spring/2026/"+items[i].Rel))
		if fr.State == uploader.StateDone && err != nil {
			t.Errorf("%s reported done but is not in the sandbox", fr.Rel)
		}
	}
}

func (b *box) drsumRequest(t *testing.T, items []uploader.Item, overwrite bool) uploader.Request {
	ep, err := uploader.CustomEndpoint(uploader.DrSum, b.url+uploader.DrSumUploadPath, "", false)
	if err != nil {
		t.Fatal(err)
	}
	opts := uploader.DefaultOptions()
	opts.Overwrite = overwrite
	return uploader.Request{
		Conn:       uploader.Conn{Endpoint: ep, Credentials: uploader.Credentials{User: sandbox.DrSumUser, Password: sandbox.DrSumPassword}},
		DestFolder: sandbox.DrSumRoot + "/campaign", Options: opts, Items: items,
	}
}

func TestE2EDrSum(t *testing.T) {
	b := startBox(t, 0)
	c := testClient()
	// The sandbox, like a Java servlet container, does not undo backslash escapes in a
	// Content-Disposition filename, so a name with a double quote cannot reach it intact:
	// it must fail with a sentence, not arrive renamed or break the request.
	quoted, items := splitQuoted(awkwardTree(t))
	res, err := c.Upload(context.Background(), b.drsumRequest(t, []uploader.Item{quoted}, false), nil)
	if err != nil || res.Files[0].State != uploader.StateFailed || !strings.Contains(words.Error(res.Files[0].Err), "rename the file") {
		t.Fatalf("a name with a quote: err %v, %+v", err, res.Files[0])
	}
	res, err = c.Upload(context.Background(), b.drsumRequest(t, items, false), nil)
	if err != nil || res.Count(uploader.StateDone) != len(items) {
		t.Fatalf("err %v, %+v", err, res.Files)
	}
	for _, it := range items {
		want, _ := os.ReadFile(it.Path)
		dir := sandbox.DrSumRoot + "/campaign/" + path.Dir(it.Rel)
		if got, err := os.ReadFile(b.DrSumFile(dir, path.Base(it.Rel))); err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s: not in the sandbox byte for byte (%v)", it.Rel, err)
		}
	}
	res, err = c.Upload(context.Background(), b.drsumRequest(t, items, false), nil)
	if err != nil || res.Count(uploader.StateFailed) != len(items) {
		t.Fatalf("second upload: err %v, %d failed", err, res.Count(uploader.StateFailed))
	}
	if s := words.Error(res.Files[0].Err); !strings.Contains(s, "already exists") || !strings.Contains(s, "Overwrite") {
		t.Fatalf("sentence %q", s)
	}
	res, err = c.Upload(context.Background(), b.drsumRequest(t, items, true), nil)
	if err != nil || res.Count(uploader.StateDone) != len(items) {
		t.Fatalf("overwrite: err %v", err)
	}
	for _, fr := range res.Files {
		if !fr.Replaced {
			t.Errorf("%s not reported replaced", fr.Rel)
		}
	}
}

// splitQuoted takes the file whose name has a double quote out of items.
func splitQuoted(items []uploader.Item) (uploader.Item, []uploader.Item) {
	for k, it := range items {
		if strings.Contains(it.Rel, `"`) {
			return it, append(items[:k:k], items[k+1:]...)
		}
	}
	panic("no quoted name in the tree")
}

func TestE2EDrSumRefusals(t *testing.T) {
	cases := []struct {
		name     string
		faults   sandbox.Faults
		edit     func(*uploader.Request)
		jobErr   bool
		sentence string
	}{
		{"wrong password", sandbox.Faults{}, func(r *uploader.Request) { r.Credentials.Password = "wrong-pw-123" }, true, "user name or password"},
		{"outside the root", sandbox.Faults{}, func(r *uploader.Request) { r.DestFolder = "/elsewhere" }, true, "file root"},
		{"broken settings", sandbox.Faults{DrSumBrokenSettings: true}, nil, true, "setting.json"},
		{"io error", sandbox.Faults{DrSumIOError: true}, nil, false, "disk space"},
		{"under faults", sandbox.Faults{DropEvery: 4, Error500Every: 7}, nil, false, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := startBox(t, 0)
			b.SetFaults(tc.faults)
			_, items := splitQuoted(awkwardTree(t))
			req := b.drsumRequest(t, items, false)
			if tc.edit != nil {
				tc.edit(&req)
			}
			res, err := testClient().Upload(context.Background(), req, nil)
			if (err != nil) != tc.jobErr {
				t.Fatalf("err = %v, want a job error: %v", err, tc.jobErr)
			}
			if tc.sentence == "" {
				if res.Count(uploader.StateDone) != len(items) {
					for _, f := range res.Files {
						if f.State != uploader.StateDone {
							t.Logf("%s: %v: %v", f.Rel, f.State, f.Err)
						}
					}
					t.Fatalf("%d of %d done", res.Count(uploader.StateDone), len(items))
				}
				return
			}
			// The file sent first (the smallest, drsum.go) failed with the server's reason.
			k := 0
			for i, it := range items {
				if it.Size < items[k].Size {
					k = i
				}
			}
			first := res.Files[k]
			if s := words.Error(first.Err); first.State != uploader.StateFailed || !strings.Contains(s, tc.sentence) {
				t.Fatalf("first file %s %v: %q, want a sentence saying %q", first.Rel, first.State, s, tc.sentence)
			}
			if tc.jobErr && len(b.Requests()) != 1 {
				t.Fatalf("%d requests for a refusal every file would meet, want 1", len(b.Requests()))
			}
			if strings.Contains(fmt.Sprintf("%v %+v", err, b.Requests()), "wrong-pw-123") {
				t.Fatal("password leaked")
			}
		})
	}
}
