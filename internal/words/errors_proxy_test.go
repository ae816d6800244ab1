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

	"hoist/uploader"
)

// goText is net/http's and package net's own wording, which no sentence may carry.
var goText = []string{"dial tcp", "connect:", "connection refused", "Post \"", "proxyconnect", "Bad Gateway", "EOF", "reset by peer", "broken pipe", "tls:", "http: ", "net/http"}

// Network failures as the engine returns them (an upload's *ConnError around net/http's
// *url.Error, Test connection's bare *url.Error) are sentences that name the server or the
// proxy, never Go's text, in every language; and none claims that Hoist retries, which
// Test connection and check-login do not.
func TestNetworkSentencesHaveNoGoText(t *testing.T) {
	defer Use(Current())
	post := func(u string, err error) error { return &url.Error{Op: "Post", URL: u, Err: err} }
	refused := &net.OpError{Op: "dial", Net: "tcp", Addr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 18999}, Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	reset := &net.OpError{Op: "write", Net: "tcp", Err: os.NewSyscallError("write", syscall.ECONNRESET)}
	const server = "http://127.0.0.1:18999/scene7/UploadFile"
	for _, c := range []struct {
		name string
		err  error
		host string // what the sentence must name
	}{
		{"refused upload", &uploader.ConnError{Err: post(server, refused)}, "127.0.0.1:18999"},
		{"refused check-login", post(server, refused), "127.0.0.1:18999"},
		{"reset upload", &uploader.ConnError{Err: post(server, reset)}, ""},
		{"reset check-login", post(server, reset), "127.0.0.1:18999"},
		{"eof check-login", post(server, io.EOF), "127.0.0.1:18999"},
		{"other upload", &uploader.ConnError{Err: post(server, errors.New("http: server gave HTTP response to HTTPS client"))}, "127.0.0.1:18999"},
		{"tls alert check-login", post(server, &net.OpError{Op: "remote error", Err: errors.New("tls: handshake failure")}), "127.0.0.1:18999"},
		{"plain http check-login", post(server, errors.New("http: server gave HTTP response to HTTPS client")), "127.0.0.1:18999"},
		{"other check-login", post(server, errors.New("net/http: HTTP/1.x transport connection broken: malformed HTTP response")), "127.0.0.1:18999"},
		{"proxy 502", &uploader.ConnError{Err: post(server, &uploader.ProxyTunnelError{Proxy: "http://127.0.0.1:18342", Target: "upload.example.invalid:443", Status: 502, Source: uploader.ProxyEnvironment})}, "http://127.0.0.1:18342"},
		{"proxy dead", post(server, &net.OpError{Op: "proxyconnect", Net: "tcp", Err: &uploader.ProxyChainError{Target: "127.0.0.1:18999", Source: uploader.ProxyExplicit,
			Tries: []uploader.ProxyTry{{Proxy: "http://127.0.0.1:1", Err: refused}}}}), "http://127.0.0.1:1"},
	} {
		for _, lang := range []string{"en", "fr", "ja"} {
			Use(lang)
			s := Error(c.err)
			for _, g := range goText {
				if strings.Contains(s, g) {
					t.Errorf("%s %s: %q has Go's %q", c.name, lang, s, g)
				}
			}
			if !strings.Contains(s, c.host) {
				t.Errorf("%s %s: %q does not name %q", c.name, lang, s, c.host)
			}
			if lang == "en" && strings.Contains(s, "retries") {
				t.Errorf("%s: %q says Hoist retries", c.name, s)
			}
		}
	}
}

// A proxy's failures name the proxy, and what to do follows where the proxy setting came
// from: an environment variable cannot help while --proxy names another proxy; a mistyped
// proxy name is the proxy's, not the server's.
func TestProxyAdviceFollowsTheSetting(t *testing.T) {
	defer Use(Current())
	Use("en")
	login := func(s uploader.ProxySource) error {
		return &uploader.ConnError{Err: &uploader.ProxyAuthError{Proxy: "http://proxy.corp:3128", Source: s}}
	}
	unknownName := &net.OpError{Op: "dial", Net: "tcp", Err: &net.DNSError{Err: "no such host", Name: "notaurl", IsNotFound: true}}
	dead := func(s uploader.ProxySource, err error) error {
		return &uploader.ProxyChainError{Target: "127.0.0.1:18080", Source: s, Tries: []uploader.ProxyTry{{Proxy: "http://notaurl", Err: err}}}
	}
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connect", syscall.ECONNREFUSED)}
	pre := "The proxy http://proxy.corp:3128 asks for a login (HTTP 407), which Hoist cannot type itself. "
	for _, c := range []struct {
		err  error
		want string
	}{
		{login(uploader.ProxyExplicit), pre + "Ask your IT team to let Hoist through, or, instead of --proxy, set the environment variable HTTPS_PROXY to http://user:password@proxy:port."},
		{login(uploader.ProxyConnection), pre + "Ask your IT team to let Hoist through, or clear the proxy in this connection's settings and set the environment variable HTTPS_PROXY to http://user:password@proxy:port before starting Hoist."},
		{login(uploader.ProxyEnvironment), pre + "Ask your IT team to let Hoist through, or put the login in the environment variable HTTPS_PROXY: http://user:password@proxy:port."},
		{login(uploader.ProxyAutoConfig), pre + "Ask your IT team to let Hoist through, or set the environment variable HTTPS_PROXY to http://user:password@proxy:port, which Hoist uses before this computer's proxy settings."},
		{dead(uploader.ProxyConnection, refused), "Hoist could not connect to the proxy http://notaurl. Check the proxy in this connection's settings, or clear it to use this computer's proxy settings."},
		{dead(uploader.ProxyEnvironment, refused), "Hoist could not connect to the proxy http://notaurl. Check the environment variable HTTPS_PROXY or HTTP_PROXY, or ask your IT department which proxy to use."},
		{dead(uploader.ProxySystem, refused), "Hoist could not connect to the proxy http://notaurl. Check this computer's proxy settings, or ask your IT department whether this proxy is down."},
		{dead(uploader.ProxyAutoConfig, refused), "Hoist could not connect to the proxy http://notaurl. This computer's proxy script chose this proxy: ask your IT department whether it is down."},
	} {
		if got := Error(c.err); got != c.want {
			t.Errorf("Error(%v)\n got %q\nwant %q", c.err, got, c.want)
		}
	}
	if !uploader.Offline(unknownName) {
		want := "The proxy http://notaurl cannot be found: the name notaurl does not exist. Check the address given with --proxy, or leave --proxy out to use this computer's proxy settings."
		if got := Error(&url.Error{Op: "Post", URL: "http://127.0.0.1:18080/x", Err: dead(uploader.ProxyExplicit, unknownName)}); got != want {
			t.Errorf("got %q\nwant %q", got, want)
		}
	}
	// French and Japanese say the same advice in their own words.
	for lang, want := range map[string]string{
		"fr": "au lieu de --proxy, donnez à la variable d’environnement HTTPS_PROXY",
		"ja": "--proxy を使わずに、環境変数 HTTPS_PROXY を",
	} {
		Use(lang)
		if got := Error(login(uploader.ProxyExplicit)); !strings.Contains(got, want) {
			t.Errorf("%s: %q lacks %q", lang, got, want)
		}
	}
}

// check-login, jobs and Test connection send each request once: no sentence they may
// show says that Hoist tries again.
func TestNoSentenceClaimsRetries(t *testing.T) {
	defer Use(Current())
	claims := map[string]string{"en": "retries", "fr": "réessaie", "ja": "自動で再試行"}
	for _, err := range []error{
		&uploader.ReplyError{Status: 503},
		&uploader.ReplyError{Status: 200},
		&url.Error{Op: "Post", URL: "https://s7.example.com/x", Err: io.EOF},
		&url.Error{Op: "Post", URL: "https://s7.example.com/x", Err: &net.OpError{Op: "read", Net: "tcp", Err: os.NewSyscallError("read", syscall.ECONNRESET)}},
	} {
		for lang, claim := range claims {
			Use(lang)
			if s := Error(err); strings.Contains(s, claim) {
				t.Errorf("%s: %q claims retries", lang, s)
			}
		}
	}
}
