package words

import (
	"errors"
	"io"
	"net"
	"net/url"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"

	"hoist/uploader"
)

// retried are the errors the retry policy tries again after (uploader's transient
// errors, and Dr.Sum's IO_ERROR once), with what the retry line must name.
func retried() []struct {
	name   string
	err    error
	fields []string
} {
	refused := &url.Error{Op: "Post", URL: "https://s7.example.com/scene7/UploadFile", Err: &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}}
	reset := &url.Error{Op: "Post", URL: "https://s7.example.com/scene7/UploadFile", Err: &net.OpError{Op: "read", Net: "tcp", Err: os.NewSyscallError("read", syscall.ECONNRESET)}}
	return []struct {
		name   string
		err    error
		fields []string
	}{
		{"stalled", &uploader.ConnError{Err: errors.New("silent"), Stalled: 3 * time.Second}, []string{"3"}},
		{"refused", &uploader.ConnError{Err: refused}, nil},
		{"reset", &uploader.ConnError{Err: reset}, nil},
		{"closed", &uploader.ConnError{Err: io.ErrUnexpectedEOF}, nil},
		{"TLS alert", &uploader.ConnError{Err: &net.OpError{Op: "remote error", Net: "tcp", Err: errors.New("tls: handshake failure")}}, nil},
		{"proxy chain", &uploader.ConnError{Err: &uploader.ProxyChainError{Target: "s7.example.com:443", Tries: []uploader.ProxyTry{{Proxy: "http://p1:8080", Err: refused}}}}, nil},
		{"direct only", &uploader.ConnError{Err: &uploader.ProxyChainError{Target: "s7.example.com:443", Tries: []uploader.ProxyTry{{Err: io.EOF}}}}, nil},
		{"proxy tunnel", &uploader.ConnError{Err: &uploader.ProxyTunnelError{Proxy: "http://p1:8080", Target: "s7.example.com:443", Status: 502}}, nil},
		{"server error", &uploader.ReplyError{Kind: uploader.ReplyNotUnderstood, Status: 503, Host: "s7.example.com"}, []string{"503"}},
		{"busy", &uploader.ReplyError{Kind: uploader.ReplyNotUnderstood, Status: 429}, []string{"429"}},
		{"request timeout", &uploader.ReplyError{Kind: uploader.ReplyNotUnderstood, Status: 408}, []string{"408"}},
		{"2xx without a reply", &uploader.ReplyError{Kind: uploader.ReplyNotUnderstood, Status: 200, Snippet: "hello"}, []string{"200"}},
		{"unreadable body", &uploader.ReplyError{Kind: uploader.ReplyNotUnderstood, Status: 500, Err: io.ErrUnexpectedEOF}, []string{"500"}},
		{"early", &uploader.ReplyError{Kind: uploader.ReplyEarly, Status: 413}, nil},
		{"drsum server error", &uploader.DrSumError{Status: 500}, []string{"500"}},
		{"drsum busy", &uploader.DrSumError{Status: 429}, []string{"429"}},
		{"drsum io error", &uploader.DrSumError{Status: 500, Codes: []string{uploader.DrSumIOError}}, []string{"Dr.Sum"}},
		{"body cut", io.ErrUnexpectedEOF, nil},
	}
}

// A retry line says what happened, never that Hoist already retried nor what to do: the
// upload is still trying. Error's sentences, for failures that stand, say both.
func TestRetryingSaysWhatHappenedWithoutAdvice(t *testing.T) {
	defer Use(Use("en"))
	advice := map[string][]string{
		"en": {"retr", "try again", "Try again", "check", "Check", "ask", "Ask"},
		"fr": {"réessa", "Réessa", "tentative", "vérifiez", "Vérifiez", "demandez", "Demandez", "adressez"},
		"ja": {"再試行", "もう一度", "確認", "問い合わせ", "依頼"},
	}
	for lang, words := range advice {
		Use(lang)
		for _, c := range retried() {
			s := Retrying(c.err)
			if s == "" || s == Error(c.err) {
				t.Errorf("%s %s: %q is not a retry's own sentence", lang, c.name, s)
			}
			for _, w := range words {
				if strings.Contains(s, w) {
					t.Errorf("%s %s: %q holds %q", lang, c.name, s, w)
				}
			}
			for _, f := range c.fields {
				if !strings.Contains(s, f) {
					t.Errorf("%s %s: %q does not name %q", lang, c.name, s, f)
				}
			}
			ev := Event(uploader.Event{Kind: uploader.FileRetrying, Attempt: 2, Err: c.err})
			if !strings.Contains(ev, s) {
				t.Errorf("%s %s: the window's retry event %q does not say %q", lang, c.name, ev, s)
			}
		}
	}
}
