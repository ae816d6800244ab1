package uploader_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"hoist/internal/testproxy"
	"hoist/internal/words"
	"hoist/sandbox"
	"hoist/uploader"
)

// refusingProxy is a proxy that answers every request, CONNECT included, with status.
func refusingProxy(t *testing.T, status int) string {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(status)
	}))
	t.Cleanup(srv.Close)
	return srv.URL
}

// proxyUpload uploads a small tree to base through c and returns how many times a file
// was tried again, and the error.
func proxyUpload(t *testing.T, c *uploader.Client, base string) (int32, error) {
	t.Helper()
	var retries atomic.Int32
	req := uploader.Request{Conn: demoScene7(t, base, false), JobName: "e2e", DestFolder: "p", Options: uploader.DefaultOptions(), Items: awkwardTree(t)}
	_, err := c.Upload(context.Background(), req, func(ev uploader.Event) {
		if ev.Kind == uploader.FileRetrying {
			retries.Add(1)
		}
	})
	return retries.Load(), err
}

// A proxy given with --proxy that refuses the tunnel: by its rule (403, not tried again),
// or because it cannot reach the server (502, tried again); the upload and Test
// connection both name the proxy, the server and the status instead of net/http's bare
// "Bad Gateway".
func TestE2EProxyRefusalNamesTheProxy(t *testing.T) {
	_, srv := tlsBox(t)
	host := strings.TrimPrefix(srv.URL, "https://")
	for _, c := range []struct {
		status int
		want   string
		retry  bool
	}{
		{http.StatusForbidden, "refused to connect to 127.0.0.1 (HTTP 403)", false},
		{http.StatusBadGateway, "could not reach 127.0.0.1 (HTTP 502)", true},
	} {
		proxy := refusingProxy(t, c.status)
		client := trustingClient(srv)
		if err := uploader.SetProxy(client.HTTP, proxy); err != nil {
			t.Fatal(err)
		}
		retries, err := proxyUpload(t, client, srv.URL)
		var te *uploader.ProxyTunnelError
		if !errors.As(err, &te) || te.Status != c.status || te.Proxy != proxy || te.Target != host || te.Source != uploader.ProxyExplicit {
			t.Fatalf("%d: err %#v, want the proxy's refusal", c.status, err)
		}
		if (retries > 0) != c.retry {
			t.Errorf("%d: %d retries", c.status, retries)
		}
		v, _ := uploader.TestConnection(context.Background(), client.HTTP, demoScene7(t, srv.URL, false))
		for _, s := range []string{words.Error(err), words.Verdict(v)} {
			if !strings.Contains(s, "The proxy "+proxy) || !strings.Contains(s, c.want) {
				t.Errorf("%d: %q does not name the proxy and %q", c.status, s, c.want)
			}
		}
	}
}

// A proxy that cannot be connected to is the proxy's failure, named with the setting to
// check, not a connection to the server "dropped"; a proxy's name that does not exist is
// not the server's, and is not tried again.
func TestE2EDeadProxyIsNamed(t *testing.T) {
	defer words.Use(words.Current())
	words.Use("en")
	_, srv := tlsBox(t)
	dead := "http://" + closedPort(t)
	client := trustingClient(srv)
	if err := uploader.SetProxy(client.HTTP, dead); err != nil {
		t.Fatal(err)
	}
	_, err := proxyUpload(t, client, srv.URL)
	v, _ := uploader.TestConnection(context.Background(), client.HTTP, demoScene7(t, srv.URL, false))
	for _, e := range []error{err, v.Err} {
		var pc *uploader.ProxyChainError
		if !errors.As(e, &pc) || len(pc.Tries) != 1 || pc.Tries[0].Proxy != dead || pc.Source != uploader.ProxyExplicit {
			t.Fatalf("err %#v: want the proxy %s that could not be connected to", e, dead)
		}
		want := "Hoist could not connect to the proxy " + dead + ". Check the address given with --proxy, or leave --proxy out to use this computer's proxy settings."
		if got := words.Error(e); got != want {
			t.Errorf("got %q\nwant %q", got, want)
		}
	}

	// A proxy name that does not exist: the test's network answers "no such host" for it.
	client = trustingClient(srv)
	unknown := &net.DNSError{Err: "no such host", Name: "proxi.corp.test", IsNotFound: true}
	uploader.DialWith(client.HTTP, func(ctx context.Context, network, addr string) (net.Conn, error) {
		if strings.HasPrefix(addr, unknown.Name+":") {
			return nil, &net.OpError{Op: "dial", Net: network, Err: unknown}
		}
		return loopbackOnly(ctx, network, addr)
	})
	if err := uploader.SetProxy(client.HTTP, "proxi.corp.test:8080"); err != nil {
		t.Fatal(err)
	}
	retries, err := proxyUpload(t, client, srv.URL)
	if uploader.Offline(unknown) {
		t.Skip("this computer has no network: the name's failure reads as offline")
	}
	if retries != 0 {
		t.Errorf("%d retries of a proxy name that does not exist", retries)
	}
	want := "The proxy http://proxi.corp.test:8080 cannot be found: the name proxi.corp.test does not exist. Check the address given with --proxy"
	if got := words.Error(err); !strings.HasPrefix(got, want) {
		t.Errorf("got %q\nwant %q…", got, want)
	}
}

// A proxy that asks for a login: the advice follows the setting that named the proxy, as
// --proxy comes before the environment variable that could carry the login.
func TestE2EProxyLoginAdviceFollowsTheSetting(t *testing.T) {
	defer words.Use(words.Current())
	words.Use("en")
	_, srv := tlsBox(t)
	p := testproxy.Start(t, "Basic b2ZmaWNlOnNlY3JldA==")
	explicit := trustingClient(srv)
	if err := uploader.SetProxy(explicit.HTTP, p.URL); err != nil {
		t.Fatal(err)
	}
	_, err := proxyUpload(t, explicit, srv.URL)
	var pa *uploader.ProxyAuthError
	if !errors.As(err, &pa) || pa.Source != uploader.ProxyExplicit || !strings.Contains(words.Error(err), "instead of --proxy, set the environment variable HTTPS_PROXY") {
		t.Errorf("with --proxy: %#v, %q", pa, words.Error(err))
	}

	// From the environment: the server under a name that is not loopback (loopback never
	// goes through a proxy that was not named explicitly), which only this test resolves.
	for _, k := range []string{"https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"} {
		t.Setenv(k, "")
	}
	t.Setenv("HTTPS_PROXY", p.URL)
	env := trustingClient(srv)
	uploader.DialWith(env.HTTP, loopbackOnly)
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(srv.URL, "https://"))
	_, err = proxyUpload(t, env, "https://assets.office.test:"+port)
	pa = nil
	if !errors.As(err, &pa) || pa.Source != uploader.ProxyEnvironment || !strings.Contains(words.Error(err), "put the login in the environment variable HTTPS_PROXY") {
		t.Errorf("from the environment: %#v, %q", pa, words.Error(err))
	}
}

// A proxy that accepts the connection and closes it instead of answering CONNECT: its
// failure, named, not the server's connection "dropped" or "closed in the middle".
func TestE2EProxyThatHangsUpIsNamed(t *testing.T) {
	defer words.Use(words.Current())
	words.Use("en")
	_, srv := tlsBox(t)
	addr, _ := refusing(t) // accepts the connection, closes it
	proxy := "http://" + addr
	client := trustingClient(srv)
	if err := uploader.SetProxy(client.HTTP, proxy); err != nil {
		t.Fatal(err)
	}
	_, err := proxyUpload(t, client, srv.URL)
	v, _ := uploader.TestConnection(context.Background(), client.HTTP, demoScene7(t, srv.URL, false))
	want := "The proxy " + proxy + " closed the connection before reaching 127.0.0.1. Check the address given with --proxy, or leave --proxy out to use this computer's proxy settings."
	for _, e := range []error{err, v.Err} {
		var pc *uploader.ProxyChainError
		if !errors.As(e, &pc) || pc.Source != uploader.ProxyExplicit {
			t.Fatalf("err %#v: want the proxy's failure", e)
		}
		if got := words.Error(e); got != want {
			t.Errorf("got %q\nwant %q", got, want)
		}
	}
}

// A server that drops the connection in the middle of the body, reached through a proxy
// that did its work: the server's failure, not the proxy's (the request had a
// connection, which the trace that judges early answers must not forget).
func TestE2EServerDropThroughAProxyIsNotTheProxys(t *testing.T) {
	s, srv := tlsBox(t)
	s.SetFaults(sandbox.Faults{DropEvery: 1})
	p := testproxy.Start(t, "")
	client := trustingClient(srv)
	if err := uploader.SetProxy(client.HTTP, p.URL); err != nil {
		t.Fatal(err)
	}
	_, err := proxyUpload(t, client, srv.URL)
	var ce *uploader.ConnError
	if !errors.As(err, &ce) || errors.As(err, new(*uploader.ProxyChainError)) {
		t.Fatalf("err %#v: want the server's dropped connection, not the proxy's failure", err)
	}
}
