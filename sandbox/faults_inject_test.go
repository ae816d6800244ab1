package sandbox

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
)

func TestRequestFaultEvery(t *testing.T) {
	r := start(t, Config{})
	r.SetFaults(Faults{RequestFaultEvery: 2})
	h := mustHandle(t, upload(t, r, xmlPart("auth", demoAuth), xmlPart("uploadParams", newJobParams("rq", "", minimalJob)),
		filePart("f1", "a.jpg", jpg("a"))))
	f := mustFault(t, upload(t, r, xmlPart("auth", demoAuth), xmlPart("uploadParams", laterParams(h, "")),
		filePart("f1", "b.jpg", jpg("b"))), 200, "ipsApiFault", 30003)
	contains(t, f.Reason, "Invalid request XML")
	if jobs := r.Jobs(); len(jobs) != 1 || len(jobs[0].Files) != 1 {
		t.Fatalf("the refused POST stored something: %+v", jobs)
	}
}

func TestRefuseFile(t *testing.T) {
	r := start(t, Config{})
	r.SetFaults(Faults{RefuseFile: "bad.jpg"})
	f := mustFault(t, upload(t, r, xmlPart("auth", demoAuth), xmlPart("uploadParams", newJobParams("rf", "", minimalJob)),
		filePart("f1", "a.jpg", jpg("a")), filePart("f2", "bad.jpg", jpg("b"))), 200, "ipsApiFault", 30001)
	contains(t, f.Reason, `"bad.jpg"`)
	if len(r.Jobs()) != 0 {
		t.Fatal("a refused first POST created a job")
	}
	mustHandle(t, upload(t, r, xmlPart("auth", demoAuth), xmlPart("uploadParams", newJobParams("rf", "", minimalJob)),
		filePart("f1", "a.jpg", jpg("a"))))
}

func TestExpireEvery(t *testing.T) {
	r := start(t, Config{})
	r.SetFaults(Faults{ExpireEvery: 2})
	h := mustHandle(t, upload(t, r, xmlPart("auth", demoAuth), xmlPart("uploadParams", newJobParams("ex", "", minimalJob))))
	mustFault(t, upload(t, r, xmlPart("auth", demoAuth), xmlPart("uploadParams", laterParams(h, ""))), 200, "ipsApiFault", 30001)
	if jobs := r.Jobs(); len(jobs) != 1 || jobs[0].State != JobExpired {
		t.Fatalf("jobs %+v", jobs)
	}
}

func TestHTMLPageEvery(t *testing.T) {
	r := start(t, Config{})
	r.SetFaults(Faults{HTMLPageEvery: 1})
	a := upload(t, r, xmlPart("auth", demoAuth), xmlPart("uploadParams", newJobParams("html", "", minimalJob)))
	if a.status != 200 || !strings.Contains(a.body, "<html>") {
		t.Fatalf("%d %s", a.status, a.body)
	}
	d, hdr := drsum(t, r, DrSumUser, DrSumPassword, textPart("dest_dir", "/filer"), filePart("file", "a.csv", []byte("a")))
	if d.status != 200 || !strings.HasPrefix(hdr.Get("Content-Type"), "text/html") {
		t.Fatalf("Dr.Sum: %d %s", d.status, d.body)
	}
	if len(r.Jobs()) != 0 {
		t.Error("an HTML page answer created a job")
	}
}

// countingReader counts what the client handed to the network.
type countingReader struct {
	r io.Reader
	n atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

func TestEarlyAnswerEvery(t *testing.T) {
	r := start(t, Config{})
	r.SetFaults(Faults{EarlyAnswerEvery: 1})
	// Larger than the socket buffers, so the answer must come before the body is taken.
	ct, body := jobPOST(t, "early", 32<<20)
	cr := &countingReader{r: bytes.NewReader(body)}
	req, err := http.NewRequest(http.MethodPost, r.Scene7UploadURL(), cr)
	if err != nil {
		t.Fatal(err)
	}
	req.ContentLength = int64(len(body))
	req.Header.Set("Content-Type", ct)
	resp, err := (&http.Client{Transport: &http.Transport{DisableKeepAlives: true}}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	sent := cr.n.Load()
	reply, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(reply), "uploadPostReturn") || sent >= int64(len(body)) {
		t.Fatalf("%d %s after %d of %d bytes", resp.StatusCode, reply, sent, len(body))
	}
	if len(r.Jobs()) != 0 || r.Requests()[0].Fault != "injected: answered before reading the body" {
		t.Fatalf("jobs %+v, record %+v", r.Jobs(), r.Requests()[0])
	}
	// A small body is handled normally.
	mustHandle(t, upload(t, r, xmlPart("auth", demoAuth), xmlPart("uploadParams", newJobParams("small", "", minimalJob))))
}
