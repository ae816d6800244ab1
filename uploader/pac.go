package uploader

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/dop251/goja"
)

// A PAC file (proxy auto-config) is JavaScript: FindProxyForURL(url, host) returns the
// proxies to use. Windows runs it itself (WinHTTP, sysproxy_windows.go). On macOS the
// system's evaluator (CFNetwork) needs cgo, which the CLI must build without, so Hoist
// runs the file in goja, a JavaScript engine in pure Go, with the standard helper
// functions of pac_helpers.js; the same code runs in the tests on Linux.

//go:embed pac_helpers.js
var pacHelpers string

// pacRunFor bounds one FindProxyForURL call: a PAC file that loops must not hang every
// request. A variable for the test of that loop.
var pacRunFor = 5 * time.Second

const (
	// pacFetchFor bounds the download of a PAC file; pacMaxBytes its size (real ones are
	// a few kilobytes).
	pacFetchFor = 10 * time.Second
	pacMaxBytes = 1 << 20
	// pacDNSFor bounds each dnsResolve a PAC file asks for.
	pacDNSFor = 3 * time.Second
)

// pacScript is one compiled PAC file. A goja runtime serves one goroutine at a time.
type pacScript struct {
	mu   sync.Mutex
	vm   *goja.Runtime
	find goja.Callable
}

// PACError is a PAC file that could not be fetched or run.
type PACError struct {
	Script string // the PAC file's address
	Err    error
}

func (e *PACError) Error() string { return "PAC file " + e.Script + ": " + e.Err.Error() }
func (e *PACError) Unwrap() error { return e.Err }

// compilePAC loads a PAC file's source with the helper functions.
func compilePAC(src string) (*pacScript, error) {
	vm := goja.New()
	_ = vm.Set("dnsResolve", pacDNSResolve)
	_ = vm.Set("myIpAddress", pacMyIPAddress)
	if _, err := vm.RunString(pacHelpers); err != nil {
		return nil, fmt.Errorf("helpers: %w", err)
	}
	if _, err := vm.RunString(src); err != nil {
		return nil, err
	}
	find, ok := goja.AssertFunction(vm.Get("FindProxyForURL"))
	if !ok {
		return nil, errors.New("it defines no FindProxyForURL function")
	}
	return &pacScript{vm: vm, find: find}, nil
}

// findProxy runs FindProxyForURL for target. As browsers do, an https address is given
// without its path (which the proxy never sees either).
func (p *pacScript) findProxy(target *url.URL) (string, error) {
	u := *target
	u.User = nil
	if u.Scheme == "https" {
		u.Path, u.RawPath, u.RawQuery, u.Fragment = "/", "", "", ""
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	timer := time.AfterFunc(pacRunFor, func() { p.vm.Interrupt("the PAC file ran too long") })
	defer timer.Stop()
	defer p.vm.ClearInterrupt()
	v, err := p.find(goja.Undefined(), p.vm.ToValue(u.String()), p.vm.ToValue(u.Hostname()))
	if err != nil {
		return "", err
	}
	if goja.IsUndefined(v) || goja.IsNull(v) {
		return "", errors.New("FindProxyForURL gave no answer")
	}
	return v.String(), nil
}

// pacDNSResolve is the first IPv4 address of host, or null (nil) when it has none.
func pacDNSResolve(host string) any {
	if ip := net.ParseIP(host); ip != nil {
		return ip.String()
	}
	ctx, cancel := context.WithTimeout(context.Background(), pacDNSFor)
	defer cancel()
	ips, err := net.DefaultResolver.LookupIP(ctx, "ip4", host)
	if err != nil || len(ips) == 0 {
		return nil
	}
	return ips[0].String()
}

// pacMyIPAddress is this computer's address on the network: the first IPv4 address of an
// interface that is up and not the loopback (no packet is sent to find it).
func pacMyIPAddress() string {
	ifaces, err := net.Interfaces()
	if err == nil {
		for _, ifc := range ifaces {
			if ifc.Flags&net.FlagUp == 0 || ifc.Flags&net.FlagLoopback != 0 {
				continue
			}
			addrs, _ := ifc.Addrs()
			for _, a := range addrs {
				if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil && !n.IP.IsLinkLocalUnicast() {
					return n.IP.String()
				}
			}
		}
	}
	return "127.0.0.1"
}

// pacCache keeps compiled PAC files by address for routeCacheFor.
type pacCache struct {
	mu      sync.Mutex
	scripts map[string]cachedPAC
	fetch   func(addr string) (string, error)
}

type cachedPAC struct {
	script *pacScript
	err    error
	at     time.Time
}

var thePACs = &pacCache{scripts: map[string]cachedPAC{}, fetch: fetchPAC}

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
			e.script, err = compilePAC(src)
		}
		if err != nil {
			e.err = &PACError{Script: addr, Err: err}
		}
		c.mu.Lock()
		c.scripts[addr] = e
		c.mu.Unlock()
	}
	if e.err != nil {
		return "", e.err
	}
	res, err := e.script.findProxy(target)
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
