package sandbox

import (
	"bytes"
	"context"
	"encoding/xml"
	"net/http"
	"strings"
	"testing"
	"testing/synctest"
	"time"
)

// oneShot sends a body on a fresh connection: a kept-alive connection could let
// net/http silently retry a POST the sandbox dropped.
func oneShot(t *testing.T, url, contentType string, body []byte, timeout time.Duration) (*http.Response, error) {
	t.Helper()
	c := &http.Client{Timeout: timeout, Transport: &http.Transport{DisableKeepAlives: true}}
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	resp, err := c.Do(req)
	if err == nil {
		t.Cleanup(func() { resp.Body.Close() })
	}
	return resp, err
}

func jobPOST(t *testing.T, name string, fileSize int) (string, []byte) {
	return multipartBody(t, xmlPart("auth", demoAuth), xmlPart("uploadParams", newJobParams(name, "", minimalJob)),
		filePart("f", name+".bin", bytes.Repeat([]byte("x"), fileSize)))
}

func TestDropEvery(t *testing.T) {
	r := start(t, Config{})
	r.SetFaults(Faults{DropEvery: 2})
	for i, wantDrop := range []bool{false, true, false, true} {
		ct, body := jobPOST(t, "drop"+string(rune('a'+i)), 1<<20)
		resp, err := oneShot(t, r.Scene7UploadURL(), ct, body, 0)
		if wantDrop != (err != nil) {
			t.Fatalf("request %d: dropped=%v, want %v (%v)", i+1, err != nil, wantDrop, resp)
		}
	}
	if n := len(r.Jobs()); n != 2 {
		t.Errorf("%d jobs, want 2", n)
	}
	reqs := r.Requests()
	if reqs[1].Fault != "injected: connection dropped" || reqs[1].Status != 0 || reqs[0].Fault != "" {
		t.Errorf("recorded %+v", reqs)
	}
}

func TestError500AndGarbage(t *testing.T) {
	r := start(t, Config{})
	r.SetFaults(Faults{Error500Every: 1})
	ct, body := jobPOST(t, "e500", 10)
	resp, err := oneShot(t, r.Scene7UploadURL(), ct, body, 0)
	if err != nil || resp.StatusCode != 500 || !strings.HasPrefix(resp.Header.Get("Content-Type"), "text/html") {
		t.Fatalf("%v %v", resp, err)
	}
	r.SetFaults(Faults{GarbageEvery: 1})
	status, _, text := post(t, r.Scene7UploadURL(), ct, body)
	if status != 200 || xml.Unmarshal([]byte(text), new(struct{})) == nil || text == "" {
		t.Fatalf("garbage: %d %q", status, text)
	}
	if len(r.Jobs()) != 0 {
		t.Error("an injected failure created a job")
	}
	// The counter is shared by both upload endpoints and restarts with SetFaults.
	r.SetFaults(Faults{Error500Every: 2})
	mustHandle(t, upload(t, r, xmlPart("auth", demoAuth), xmlPart("uploadParams", newJobParams("ok", "", minimalJob))))
	a, _ := drsum(t, r, DrSumUser, DrSumPassword, textPart("dest_dir", "/filer"), filePart("file", "a.csv", []byte("a")))
	if a.status != 500 || !strings.Contains(a.body, "<html>") {
		t.Errorf("second upload POST: %d %s", a.status, a.body)
	}
	// SOAP calls are not upload POSTs.
	soapCall(t, r, "checkLogin", envelope(soapAuth(DemoUser, DemoPassword, 0), checkLoginBody(DemoUser, DemoPassword)))
	r.SetFaults(Faults{Error500Every: 2})
	if a, _ := drsum(t, r, DrSumUser, DrSumPassword, textPart("dest_dir", "/filer"), filePart("file", "a.csv", []byte("a"))); a.status != 200 {
		t.Errorf("first POST after SetFaults: %d %s", a.status, a.body)
	}
}

// TestStall runs on synctest's fake clock, against the server in-process: the stalls
// take their exact time, and the test knows when the sandbox recorded a request the
// client gave up on (the handler has returned) instead of polling for it.
func TestStall(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s, err := New(Config{Dir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		s.SetFaults(Faults{StallEvery: 1, StallFor: 5 * time.Second})
		start := time.Now()
		mustHandle(t, serveUpload(t.Context(), t, s, xmlPart("auth", demoAuth), xmlPart("uploadParams", newJobParams("short", "", minimalJob))))
		if f, d := s.Requests()[0].Fault, time.Since(start); f != "injected: stalled 5s" || d != 5*time.Second {
			t.Errorf("fault %q after %v", f, d)
		}

		// A client that gives up: the request took effect, the sandbox stops waiting.
		s.SetFaults(Faults{StallEvery: 1, StallFor: time.Hour})
		ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
		defer cancel()
		start = time.Now()
		a := serveUpload(ctx, t, s, xmlPart("auth", demoAuth), xmlPart("uploadParams", newJobParams("long", "", minimalJob)), filePart("file", "long.jpg", jpg("x")))
		if a.status != 0 || time.Since(start) != 2*time.Minute {
			t.Fatalf("the stalled request answered %d after %v", a.status, time.Since(start))
		}
		if f := s.Requests()[1].Fault; f != "injected: stalled; the client gave up" {
			t.Errorf("fault %q", f)
		}
		if jobs := s.Jobs(); len(jobs) != 2 || jobs[1].Name != "long" {
			t.Errorf("jobs %+v", jobs)
		}
	})
}

func TestStallEndsOnClose(t *testing.T) {
	r, err := Start(Config{Dir: t.TempDir()}, "")
	if err != nil {
		t.Fatal(err)
	}
	r.SetFaults(Faults{StallEvery: 1, StallFor: time.Hour})
	ct, body := jobPOST(t, "closing", 10)
	done := make(chan error, 1)
	go func() {
		resp, err := http.Post(r.Scene7UploadURL(), ct, bytes.NewReader(body))
		if err == nil {
			resp.Body.Close()
		}
		done <- err
	}()
	deadline := time.Now().Add(10 * time.Second)
	for len(r.Jobs()) == 0 { // once the job exists, the request is stalling
		if time.Now().After(deadline) {
			t.Fatal("the request never arrived")
		}
		time.Sleep(time.Millisecond)
	}
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err == nil {
		t.Error("a stalled request was answered after Close")
	}
}
