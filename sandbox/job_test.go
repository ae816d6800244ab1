package sandbox

import (
	"bytes"
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

func TestJobLifeCycle(t *testing.T) {
	r := start(t, Config{})
	auth := xmlPart("auth", demoAuth)
	a := upload(t, r, auth, xmlPart("uploadParams", newJobParams("life", "<destFolder>camp/</destFolder>", minimalJob)),
		filePart("file1", "one.jpg", jpg("1")))
	handle := mustHandle(t, a)

	// The name of an active job cannot be reused.
	a = upload(t, r, auth, xmlPart("uploadParams", newJobParams("life", "", minimalJob)))
	contains(t, mustFault(t, a, 200, "ipsApiFault", 30001).Reason, "life")

	// A later POST: uploadParams is optional, and its values are ignored when sent.
	ignored := `<uploadParams><overwrite>false</overwrite><readyForPublish>true</readyForPublish><createMask>true</createMask><emailSetting>Sometimes</emailSetting></uploadParams>`
	a = upload(t, r, auth, xmlPart("uploadParams", laterParams(handle, "<destFolder>camp/</destFolder>"+ignored)),
		filePart("file1", "two.jpg", jpg("22")), filePart("file2", "sub/three.jpg", jpg("333")))
	if got := mustHandle(t, a); got != handle {
		t.Fatalf("later POST answered %q, want %q", got, handle)
	}
	// ...but it must still be well-formed and parse as an UploadPostJob.
	a = upload(t, r, auth, xmlPart("uploadParams", laterParams(handle, "<uploadParams><overwrite>")))
	mustFault(t, a, 200, "ipsApiFault", 30003)
	a = upload(t, r, auth, xmlPart("uploadParams", laterParams(handle, "<uploadParams><overwrite>maybe</overwrite></uploadParams>")))
	contains(t, mustFault(t, a, 200, "ipsApiFault", 30003).Reason, "uploadParams/overwrite")

	jobs := r.Jobs()
	if len(jobs) != 1 || jobs[0].State != JobRunning || strings.Join(jobs[0].Files, ",") != "camp/one.jpg,camp/two.jpg,camp/sub/three.jpg" {
		t.Fatalf("jobs %+v", jobs)
	}

	// endJob with the last files; the job is then closed to further POSTs.
	a = upload(t, r, auth, xmlPart("uploadParams", laterParams(handle, "<endJob>true</endJob>")),
		filePart("f", "last.jpg", jpg("4444")))
	mustHandle(t, a)
	a = upload(t, r, auth, xmlPart("uploadParams", laterParams(handle, "")), filePart("f", "late.jpg", []byte("5")))
	contains(t, mustFault(t, a, 200, "ipsApiFault", 30001).Reason, "is not active")
	if _, err := os.Stat(r.Scene7File(DemoCompany, "late.jpg")); err == nil {
		t.Error("a file of a refused POST was stored")
	}

	jobs = r.Jobs()
	if jobs[0].State != JobDone || len(jobs[0].Files) != 4 {
		t.Fatalf("jobs %+v", jobs)
	}
	var types []string
	for _, e := range jobs[0].Log {
		types = append(types, e.Type)
	}
	// Each file's processing line comes once the job is closed (processing.go).
	want := "BeginUpload FileBegin FileBegin FileBegin FileBegin UploadSuccess UploadSuccess UploadSuccess UploadSuccess EndUpload"
	if strings.Join(types, " ") != want {
		t.Errorf("log %v", types)
	}
	if got := mustRead(t, r.Scene7File(DemoCompany, "camp/sub/three.jpg")); string(got) != string(jpg("333")) {
		t.Errorf("three.jpg = %q", got)
	}
	// The name is free again once the job has ended.
	a = upload(t, r, auth, xmlPart("uploadParams", newJobParams("life", "", minimalJob)))
	if h := mustHandle(t, a); h == handle {
		t.Error("a new job reused the old handle")
	}
}

func TestExpiredJobs(t *testing.T) {
	r := start(t, Config{})
	auth := xmlPart("auth", demoAuth)
	a := upload(t, r, auth, xmlPart("uploadParams", newJobParams("exp", "", minimalJob)))
	handle := mustHandle(t, a)
	r.ExpireJobs()
	a = upload(t, r, auth, xmlPart("uploadParams", laterParams(handle, "")), filePart("f", "a.jpg", []byte("a")))
	mustFault(t, a, 200, "ipsApiFault", 30001)
	if j := r.Jobs(); len(j) != 1 || j[0].State != JobExpired {
		t.Errorf("jobs %+v", j)
	}
	a = upload(t, r, auth, xmlPart("uploadParams", laterParams("j|2101||nosuch|1", "")))
	mustFault(t, a, 200, "ipsApiFault", 30001)
}

// TestIdleExpiry runs on synctest's fake clock, against the server in-process: the real
// 30 idle minutes pass at once, and a job used a minute before them stays open.
func TestIdleExpiry(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s, err := New(Config{Dir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		auth := xmlPart("auth", demoAuth)
		a := serveUpload(t.Context(), t, s, auth, xmlPart("uploadParams", newJobParams("idle", "", minimalJob)))
		handle := mustHandle(t, a)
		time.Sleep(DefaultJobIdleTimeout - time.Minute)
		mustHandle(t, serveUpload(t.Context(), t, s, auth, xmlPart("uploadParams", laterParams(handle, "")), filePart("f", "a.jpg", []byte("a"))))
		time.Sleep(DefaultJobIdleTimeout) // idle from the last POST on
		a = serveUpload(t.Context(), t, s, auth, xmlPart("uploadParams", laterParams(handle, "")))
		contains(t, mustFault(t, a, 200, "ipsApiFault", 30001).Reason, "not active")
		j := s.Jobs()[0]
		if j.State != JobExpired || j.Log[len(j.Log)-1].Type != "EndUpload" {
			t.Errorf("job %+v", j)
		}
	})
}

// serveUpload posts the parts to the server's UploadFile handler in-process, as from this
// computer, with ctx as the request's (the client giving up cancels it). A handler that
// aborts, as net/http lets it to send no answer at all, gives status 0.
func serveUpload(ctx context.Context, t *testing.T, s *Server, parts ...part) (a answer) {
	t.Helper()
	ct, body := multipartBody(t, parts...)
	req := httptest.NewRequestWithContext(ctx, http.MethodPost, Scene7UploadPath, bytes.NewReader(body))
	req.RemoteAddr = "127.0.0.1:40000"
	req.Header.Set("Content-Type", ct)
	rec := httptest.NewRecorder()
	defer func() {
		if v := recover(); v != nil {
			if v != http.ErrAbortHandler {
				panic(v)
			}
			a = answer{}
		}
	}()
	s.ServeHTTP(rec, req)
	return answer{rec.Code, rec.Body.String()}
}

func TestSameIPRule(t *testing.T) {
	s, err := New(Config{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	send := func(remote, params string) answer {
		ct, body := multipartBody(t, xmlPart("auth", demoAuth), xmlPart("uploadParams", params), filePart("f", "a.jpg", []byte("a")))
		req := httptest.NewRequest(http.MethodPost, Scene7UploadPath, bytes.NewReader(body))
		req.Header.Set("Content-Type", ct)
		req.RemoteAddr = remote
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		return answer{w.Code, w.Body.String()}
	}
	handle := mustHandle(t, send("192.0.2.1:5000", newJobParams("ip", "", minimalJob)))
	mustHandle(t, send("192.0.2.1:6000", laterParams(handle, ""))) // another port is fine
	a := send("192.0.2.77:5000", laterParams(handle, ""))
	f := mustFault(t, a, 200, "ipsApiFault", 30000)
	contains(t, f.Reason, "same IP address")
	contains(t, f.Reason, "192.0.2.1")
}

func TestChunkedBodyRefused(t *testing.T) {
	r := start(t, Config{})
	ct, body := multipartBody(t, xmlPart("auth", demoAuth), xmlPart("uploadParams", newJobParams("c", "", minimalJob)))
	// A reader of unknown length makes net/http send the body chunked.
	req, _ := http.NewRequest(http.MethodPost, r.Scene7UploadURL(), io.MultiReader(bytes.NewReader(body)))
	req.Header.Set("Content-Type", ct)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusLengthRequired {
		t.Fatalf("status %d", resp.StatusCode)
	}
	if len(r.Jobs()) != 0 {
		t.Error("a chunked POST created a job")
	}
}

func TestOtherRequestErrors(t *testing.T) {
	r := start(t, Config{})
	status, _, body := post(t, r.Scene7UploadURL(), "application/x-www-form-urlencoded", []byte("auth=x"))
	mustFault(t, answer{status, body}, 500, "ipsApiFault", 30003)
	resp, err := http.Get(r.Scene7UploadURL())
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed || resp.Header.Get("Allow") != "POST" {
		t.Errorf("GET: %d", resp.StatusCode)
	}
}

// TestDestFolderIsAPrefix: the servlet prefixes destFolder to the file name (docs/protocol.md
// §uploadPostParam), read literally: a folder path ends in "/", and one that does not runs
// into the name; a "//" is one "/", as in Adobe's example path.
func TestDestFolderIsAPrefix(t *testing.T) {
	r := start(t, Config{})
	auth := xmlPart("auth", demoAuth)
	for i, tc := range []struct{ folder, file, stored string }{
		{"camp/", "a.jpg", "camp/a.jpg"},
		{"camp", "b.jpg", "campb.jpg"},
		{"camp/", "sub/c.jpg", "camp/sub/c.jpg"},
		{"ApiTestCo1/UploadFileServlet1376682217351/", "/d.jpg", "ApiTestCo1/UploadFileServlet1376682217351/d.jpg"},
	} {
		a := upload(t, r, auth, xmlPart("uploadParams", newJobParams(fmt.Sprintf("prefix%d", i), "<destFolder>"+tc.folder+"</destFolder>", minimalJob)),
			filePart("f", tc.file, jpg("x")))
		mustHandle(t, a)
		if _, err := os.Stat(r.Scene7File(DemoCompany, tc.stored)); err != nil {
			t.Errorf("destFolder %q + filename %q: %v", tc.folder, tc.file, err)
		}
	}
}

func TestFileNamesAndPaths(t *testing.T) {
	r := start(t, Config{})
	auth := xmlPart("auth", demoAuth)
	n := 0
	send := func(extra string, files ...part) answer {
		n++
		return upload(t, r, append([]part{auth, xmlPart("uploadParams", newJobParams(fmt.Sprintf("names%d", n), extra, minimalJob))}, files...)...)
	}
	// UTF-8 bytes in the Content-Disposition filename arrive decoded as ISO-8859-1...
	mustHandle(t, send("", filePart("f", "café.jpg", []byte("mangled"))))
	if got := mustRead(t, r.Scene7File(DemoCompany, "cafÃ©.jpg")); string(got) != "mangled" {
		t.Errorf("got %q", got)
	}
	// ...so such names go in uploadPostParam/fileName. Letters of any language stay;
	// the characters Scene7 removes from names go.
	mustHandle(t, send("<destFolder>日本/</destFolder><fileName>café &lt;&amp;&gt; \"q\".jpg</fileName>", filePart("f", "ignored.jpg", []byte("exact"))))
	if got := mustRead(t, r.Scene7File(DemoCompany, `日本/café  q.jpg`)); string(got) != "exact" {
		t.Errorf("got %q", got)
	}
	// The XML part's charset label counts: UTF-8 labelled US-ASCII (as in Adobe's example)
	// is mangled, as a Java decoder would.
	ascii := xmlPart("uploadParams", newJobParams("ascii", "<fileName>é.jpg</fileName>", minimalJob))
	ascii.contentType = "text/plain; charset=US-ASCII"
	mustHandle(t, upload(t, r, auth, ascii, filePart("f", "x", []byte("ascii"))))
	if got := mustRead(t, r.Scene7File(DemoCompany, "\uFFFD\uFFFD.jpg")); string(got) != "ascii" {
		t.Errorf("got %q", got)
	}
	for _, tc := range []struct {
		name, extra string
		files       []part
		reason      string
	}{
		{"fileName with two files", "<fileName>x.jpg</fileName>", []part{filePart("a", "a.jpg", nil), filePart("b", "b.jpg", nil)}, "fileName"},
		{"fileName without a file", "<fileName>x.jpg</fileName>", nil, "fileName"},
		{"dot-dot", "<destFolder>a/../../</destFolder>", []part{filePart("a", "a.jpg", nil)}, ".."},
		{"dot-dot in filename", "", []part{filePart("a", "../a.jpg", nil)}, ".."},
		{"absolute", "<destFolder>/etc/</destFolder>", []part{filePart("a", "a.jpg", nil)}, "absolute"},
		{"backslash in a folder", `<destFolder>a\b/</destFolder>`, []part{filePart("a", "a.jpg", nil)}, "backslash"},
		{"empty filename", "", []part{filePart("a", "", nil)}, "empty"},
		{"control character", "<fileName>a&#9;b.jpg</fileName>", []part{filePart("a", "x", nil)}, "control"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := send(tc.extra, tc.files...)
			contains(t, mustFault(t, a, 200, "ipsApiFault", 30001).Reason, tc.reason)
		})
	}
}

func TestDuplicatesWithoutOverwrite(t *testing.T) {
	r := start(t, Config{})
	auth := xmlPart("auth", demoAuth)
	noOverwrite := strings.Replace(minimalJob, "<overwrite>true", "<overwrite>false", 1)
	mustHandle(t, upload(t, r, auth, xmlPart("uploadParams", newJobParams("first", "", minimalJob)), filePart("f", "d/x.jpg", []byte("old"))))
	a := upload(t, r, auth, xmlPart("uploadParams", newJobParams("second", "<endJob>1</endJob>", noOverwrite)),
		filePart("f", "d/x.jpg", []byte("new")), filePart("g", "d/y.jpg", []byte("y")))
	mustHandle(t, a)
	if got := mustRead(t, r.Scene7File(DemoCompany, "d/x.jpg")); string(got) != "old" {
		t.Errorf("duplicate replaced the old file: %q", got)
	}
	j := r.Jobs()[1]
	var dup bool
	for _, e := range j.Log {
		dup = dup || (e.Type == "DuplicateSkipped" && e.Asset == "d/x.jpg")
	}
	if !dup || strings.Join(j.Files, ",") != "d/y.jpg" {
		t.Errorf("job %+v", j)
	}
	// With overwrite the file is replaced.
	mustHandle(t, upload(t, r, auth, xmlPart("uploadParams", newJobParams("third", "", minimalJob)), filePart("f", "d/x.jpg", []byte("newer"))))
	if got := mustRead(t, r.Scene7File(DemoCompany, "d/x.jpg")); string(got) != "newer" {
		t.Errorf("got %q", got)
	}
}

func TestFileInTheWayIsAnUploadError(t *testing.T) {
	r := start(t, Config{})
	auth := xmlPart("auth", demoAuth)
	mustHandle(t, upload(t, r, auth, xmlPart("uploadParams", newJobParams("a", "", minimalJob)), filePart("f", "blocker", []byte("file"))))
	mustHandle(t, upload(t, r, auth, xmlPart("uploadParams", newJobParams("b", "", minimalJob)), filePart("f", "blocker/x.jpg", []byte("x"))))
	j := r.Jobs()[1]
	if len(j.Files) != 0 || j.Log[len(j.Log)-1].Type != "UploadError" {
		t.Errorf("job %+v", j)
	}
}

func TestLargeFileLandsExactly(t *testing.T) {
	dir := t.TempDir()
	r := start(t, Config{Dir: dir})
	data := make([]byte, 3<<20+17)
	if _, err := rand.Read(data); err != nil {
		t.Fatal(err)
	}
	mustHandle(t, upload(t, r, xmlPart("auth", demoAuth), xmlPart("uploadParams", newJobParams("big", "", minimalJob)), filePart("f", "big.bin", data)))
	if got := mustRead(t, r.Scene7File(DemoCompany, "big.bin")); !bytes.Equal(got, data) {
		t.Error("bytes differ")
	}
	if left, _ := os.ReadDir(filepath.Join(dir, "scene7-incoming")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestPasswordsAreNeverRecorded(t *testing.T) {
	const secret = "hunter2-very-secret"
	var mu sync.Mutex
	var logged strings.Builder
	r := start(t, Config{Logf: func(f string, a ...any) {
		mu.Lock()
		defer mu.Unlock()
		fmt.Fprintf(&logged, f+"\n", a...)
	}})
	upload(t, r, xmlPart("auth", authXML(DemoUser, secret, 0)), xmlPart("uploadParams", newJobParams("p", "", minimalJob)))
	req, _ := http.NewRequest(http.MethodPost, r.DrSumUploadURL(), strings.NewReader(""))
	req.SetBasicAuth(DrSumUser, secret)
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
	}
	recorded := fmt.Sprintf("%+v", r.Requests())
	mu.Lock()
	log := logged.String()
	mu.Unlock()
	if strings.Contains(recorded, secret) || strings.Contains(log, secret) {
		t.Fatal("a password was recorded")
	}
	contains(t, recorded, DemoUser)
	contains(t, log, "authenticationFault 10001")
}

func TestTruncatedBodyStoresNothing(t *testing.T) {
	dir := t.TempDir()
	s, err := New(Config{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	ct, body := multipartBody(t, xmlPart("auth", demoAuth), xmlPart("uploadParams", newJobParams("cut", "", minimalJob)),
		filePart("f", "whole.jpg", []byte("complete")), filePart("g", "cut.jpg", bytes.Repeat([]byte("y"), 10000)))
	body = body[:len(body)-5000] // the connection broke in the second file
	req := httptest.NewRequest(http.MethodPost, Scene7UploadPath, bytes.NewReader(body))
	req.Header.Set("Content-Type", ct)
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	mustFault(t, answer{w.Code, w.Body.String()}, 200, "ipsApiFault", 30003)
	if _, err := os.Stat(s.Scene7File(DemoCompany, "whole.jpg")); err == nil {
		t.Error("a file of a failed POST was stored")
	}
	if left, _ := os.ReadDir(filepath.Join(dir, "scene7-incoming")); len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
	if len(s.Jobs()) != 0 {
		t.Error("a failed POST created a job")
	}
}

func TestConcurrentPOSTsOfOneJob(t *testing.T) {
	r := start(t, Config{})
	auth := xmlPart("auth", demoAuth)
	handle := mustHandle(t, upload(t, r, auth, xmlPart("uploadParams", newJobParams("parallel", "", minimalJob))))
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for i := 0; i < 8; i++ {
		ct, body := multipartBody(t, auth, xmlPart("uploadParams", laterParams(handle, "<destFolder>p/</destFolder>")),
			filePart("f", fmt.Sprintf("%d.jpg", i), []byte{byte(i)}))
		wg.Add(1)
		go func() {
			defer wg.Done()
			req, _ := http.NewRequest(http.MethodPost, r.Scene7UploadURL(), bytes.NewReader(body))
			req.Header.Set("Content-Type", ct)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				errs <- err.Error()
				return
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if !strings.Contains(string(b), "<jobHandle>") {
				errs <- string(b)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	mustHandle(t, upload(t, r, auth, xmlPart("uploadParams", laterParams(handle, "<endJob>true</endJob>"))))
	j := r.Jobs()[0]
	if j.State != JobDone || len(j.Files) != 8 {
		t.Errorf("job %+v", j)
	}
	for i := 0; i < 8; i++ {
		if got := mustRead(t, r.Scene7File(DemoCompany, fmt.Sprintf("p/%d.jpg", i))); !bytes.Equal(got, []byte{byte(i)}) {
			t.Errorf("%d.jpg = %v", i, got)
		}
	}
}
