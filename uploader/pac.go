package uploader

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"
)

// A PAC file (proxy auto-config) is JavaScript: FindProxyForURL(url, host) returns the
// proxies to use. Windows runs it itself (WinHTTP, sysproxy_windows.go). On macOS Hoist
// fetches it here and runs it with package pac (sysproxy_darwin.go), which only the macOS
// build links; the tests run the same code on Linux.

const (
	// pacFetchFor bounds the download of a PAC file; pacMaxBytes its size (real ones are
	// a few kilobytes).
	pacFetchFor = 10 * time.Second
	pacMaxBytes = 1 << 20
)

// PACError is a PAC file that could not be fetched or run.
type PACError struct {
	Script string // the PAC file's address
	Err    error
}

func (e *PACError) Error() string { return "PAC file " + e.Script + ": " + e.Err.Error() }
func (e *PACError) Unwrap() error { return e.Err }

// pacScript is one compiled PAC file (a *pac.Script).
type pacScript interface {
	FindProxy(target *url.URL) (string, error)
}

// pacCache keeps compiled PAC files by address for routeCacheFor.
type pacCache struct {
	mu      sync.Mutex
	scripts map[string]cachedPAC
	fetch   func(addr string) (string, error)
	compile func(src string) (pacScript, error)
}

type cachedPAC struct {
	script pacScript
	err    error
	at     time.Time
}

// newPACCache is an empty cache that fetches PAC files with fetchPAC and compiles them
// with compile (pac.Compile, which only the macOS build and the tests import).
func newPACCache(compile func(src string) (pacScript, error)) *pacCache {
	return &pacCache{scripts: map[string]cachedPAC{}, fetch: fetchPAC, compile: compile}
}

// findProxy runs the PAC file at addr for target, fetching and compiling it when it is
// not in the cache (a failure is remembered as long, so a missing file is not fetched
// for every connection).
func (c *pacCache) findProxy(addr string, target *url.URL) (string, error) {
	c.mu.Lock()
	e, ok := c.scripts[addr]
	c.mu.Unlock()
	if !ok || time.Since(e.at) >= routeCacheFor {
		e = cachedPAC{at: time.Now()}
		src, err := c.fetch(addr)
		if err == nil {
			e.script, err = c.compile(src)
		}
		if err != nil {
			// compile may give a nil *pac.Script, which is not a nil pacScript.
			e.script, e.err = nil, &PACError{Script: addr, Err: err}
		}
		c.mu.Lock()
		c.scripts[addr] = e
		c.mu.Unlock()
	}
	if e.err != nil {
		return "", e.err
	}
	res, err := e.script.FindProxy(target)
	if err != nil {
		return "", &PACError{Script: addr, Err: err}
	}
	return res, nil
}

// fetchPAC reads a PAC file from an http(s) address (directly: a PAC file is never
// fetched through a proxy) or a file:// path.
func fetchPAC(addr string) (string, error) {
	u, err := url.Parse(addr)
	if err != nil {
		return "", err
	}
	if u.Scheme == "file" {
		f, err := os.Open(u.Path)
		if err != nil {
			return "", err
		}
		defer f.Close()
		b, err := io.ReadAll(io.LimitReader(f, pacMaxBytes))
		return string(b), err
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return "", fmt.Errorf("unsupported address scheme %q", u.Scheme)
	}
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.Proxy = nil
	client := &http.Client{Transport: t, Timeout: pacFetchFor}
	resp, err := client.Get(addr)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("HTTP %d", resp.StatusCode)
	}
	b, err := io.ReadAll(io.LimitReader(resp.Body, pacMaxBytes))
	if err != nil {
		return "", err
	}
	return strings.TrimPrefix(string(b), "\ufeff"), nil
}
