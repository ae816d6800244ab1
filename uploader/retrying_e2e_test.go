package uploader_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"hoist/internal/words"
	"hoist/sandbox"
	"hoist/uploader"
)

// goFragments are pieces of Go's own error texts that a sentence for people never holds.
var goFragments = []string{"dial tcp", "connect:", "connection refused", "Post \"", "EOF", "reset by peer", "broken pipe",
	"write tcp", "read tcp", "tls:", "http:", "http2:", "net/http", "malformed", "HTTPS client"}

// chainTexts is the text of err and of every error it wraps.
func chainTexts(err error) []string {
	var texts []string
	var walk func(error)
	walk = func(e error) {
		if e == nil {
			return
		}
		texts = append(texts, e.Error())
		switch u := e.(type) {
		case interface{ Unwrap() error }:
			walk(u.Unwrap())
		case interface{ Unwrap() []error }:
			for _, w := range u.Unwrap() {
				walk(w)
			}
		}
	}
	walk(err)
	return texts
}

// checkRetryLine fails when the retry line for err, in any language, is empty or holds
// Go's text.
func checkRetryLine(t *testing.T, name string, err error) {
	t.Helper()
	defer words.Use(words.Current())
	for _, lang := range []string{"en", "fr", "ja"} {
		words.Use(lang)
		s := words.Retrying(err)
		if s == "" {
			t.Errorf("%s %s: no retry line for %v", name, lang, err)
		}
		for _, g := range append(goFragments, chainTexts(err)...) {
			if g != "" && strings.Contains(s, g) {
				t.Errorf("%s %s: %q holds Go's %q", name, lang, s, g)
			}
		}
	}
}

// Every upload that meets a failure the engine tries again after (a connection refused,
// one cut in the middle of the body, plain http where https was asked, an answer that is
// not HTTP, a server error) reports each retry with a line that says what happened in
// words, never with Go's text ("dial tcp …", "http: server gave HTTP response to HTTPS
// client", "malformed HTTP response"), in English, French and Japanese.
func TestE2ERetryLinesHoldNoGoText(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.jpg")
	if err := os.WriteFile(big, bytes.Repeat([]byte("hoist "), 200_000), 0o644); err != nil {
		t.Fatal(err)
	}
	items, _ := uploader.Walk([]string{big})

	dropping := startBox(t, 0)
	dropping.SetFaults(sandbox.Faults{DropEvery: 1})
	failing := startBox(t, 0)
	failing.SetFaults(sandbox.Faults{Error500Every: 1})
	plain := httptest.NewServer(http.NotFoundHandler()) // reached as https://
	t.Cleanup(plain.Close)
	for _, c := range []struct{ name, base string }{
		{"refused", "http://" + closedPort(t)},
		{"dropped", dropping.url},
		{"server error", failing.url},
		{"plain http as https", strings.Replace(plain.URL, "http://", "https://", 1)},
		{"not HTTP", "http://" + notHTTP(t)},
	} {
		req := uploader.Request{Conn: demoScene7(t, c.base, false), JobName: "e2e", DestFolder: "r", Options: uploader.DefaultOptions(), Items: items}
		var retries []error
		client := testClient(func(c *uploader.Client) { c.Retry.Attempts = 2 })
		if _, err := client.Upload(context.Background(), req, func(ev uploader.Event) {
			if ev.Kind == uploader.FileRetrying {
				retries = append(retries, ev.Err)
			}
		}); err == nil {
			t.Fatalf("%s: uploaded", c.name)
		}
		if len(retries) == 0 {
			t.Errorf("%s: not retried", c.name)
		}
		for _, err := range retries {
			if !uploader.Transient(err) {
				t.Errorf("%s: retried after %v, which the policy does not call transient", c.name, err)
			}
			checkRetryLine(t, c.name, err)
		}
	}
}

// notHTTP is a server on loopback that reads each request whole and answers with a line
// that is not HTTP.
func notHTTP(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			conn, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer conn.Close()
				req, err := http.ReadRequest(bufio.NewReader(conn))
				if err != nil {
					return
				}
				_, _ = io.Copy(io.Discard, req.Body)
				_, _ = io.WriteString(conn, "garbage\r\n\r\n")
			}()
		}
	}()
	return l.Addr().String()
}

// The errors the engine retries (uploader's transient rule), as it makes them, each with
// a retry line of its own kind, and never Go's text; an error of any other kind (which no
// retry meets today) reads as the request failing, without its text either.
func TestRetryLinesForEveryRetriedKind(t *testing.T) {
	defer words.Use(words.Current())
	words.Use("en")
	// posted is a POST's failure as net/http returns it.
	posted := func(err error) error {
		return &url.Error{Op: "Post", URL: "https://s7.example.com/scene7/UploadFile", Err: err}
	}
	opErr := func(op string, err error) error { return &net.OpError{Op: op, Net: "tcp", Err: err} }
	for _, c := range []struct {
		name string
		err  error
		id   string
		args words.A
	}{
		{"refused", &uploader.ConnError{Err: posted(opErr("dial", errors.New("connect: connection refused")))}, "engine.retry.dial", nil},
		{"reset", &uploader.ConnError{Err: posted(opErr("read", errors.New("read: connection reset by peer")))}, "engine.retry.closed", nil},
		{"cut", &uploader.ConnError{Err: posted(io.ErrUnexpectedEOF)}, "engine.retry.closed", nil},
		{"TLS alert", &uploader.ConnError{Err: posted(opErr("remote error", errors.New("tls: handshake failure")))}, "engine.retry.tls", nil},
		{"not TLS", &uploader.ConnError{Err: posted(errors.New("http: server gave HTTP response to HTTPS client"))}, "engine.retry.tls", nil},
		{"malformed answer", &uploader.ConnError{Err: posted(errors.New("net/http: HTTP/1.x transport connection broken: malformed HTTP response \"garbage\""))}, "engine.retry.failed", nil},
		{"HTTP/2 reset", &uploader.ConnError{Err: posted(errors.New("stream error: stream ID 3; INTERNAL_ERROR; received from peer"))}, "engine.retry.failed", nil},
		{"direct only", &uploader.ConnError{Err: &uploader.ProxyChainError{Target: "s7.example.com:443", Tries: []uploader.ProxyTry{{Err: opErr("dial", errors.New("connect: connection refused"))}}}}, "engine.retry.dial", nil},
		{"direct only, malformed", &uploader.ConnError{Err: &uploader.ProxyChainError{Target: "s7.example.com:443", Tries: []uploader.ProxyTry{{Err: errors.New("malformed HTTP response")}}}}, "engine.retry.failed", nil},
		{"through a proxy", &uploader.ConnError{Err: &uploader.ProxyChainError{Target: "s7.example.com:443", Tries: []uploader.ProxyTry{{Proxy: "http://p1:8080", Err: errors.New("proxyconnect tcp: EOF")}}}}, "engine.retry.proxy", nil},
		{"server error", &uploader.ReplyError{Kind: uploader.ReplyNotUnderstood, Status: 503, Host: "s7.example.com", Snippet: "Service Unavailable"}, "engine.retry.server_error", words.A{"Status": 503}},
		{"unreadable", &uploader.ReplyError{Kind: uploader.ReplyNotUnderstood, Status: 500, Err: io.ErrUnexpectedEOF}, "engine.retry.unreadable", words.A{"Status": 500}},
		{"early", &uploader.ReplyError{Kind: uploader.ReplyEarly, Status: 413}, "engine.retry.early", nil},
		{"Dr.Sum busy", &uploader.DrSumError{Status: 429}, "engine.retry.busy", words.A{"Status": 429}},
		{"body cut", io.ErrUnexpectedEOF, "engine.retry.closed", nil},
	} {
		if !uploader.Transient(c.err) {
			t.Errorf("%s: %v is not retried: take it off this list", c.name, c.err)
		}
		checkRetryLine(t, c.name, c.err)
		if got, want := words.Retrying(c.err), words.T(c.id, c.args); got != want {
			t.Errorf("%s: %q, want %q (%s)", c.name, got, want, c.id)
		}
	}
	odd := errors.New("x509: something Go says in English")
	checkRetryLine(t, "any other error", odd)
	if got, want := words.Retrying(odd), words.T("engine.retry.other", nil); got != want {
		t.Errorf("any other error: %q, want %q", got, want)
	}
}
