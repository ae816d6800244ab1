// Package pac runs PAC files (proxy auto-config): JavaScript whose FindProxyForURL(url,
// host) returns the proxies to use, with the standard helper functions of helpers.js.
//
// Windows runs PAC files itself (WinHTTP) and Linux has no system PAC setting, so only
// macOS needs this package: the system's evaluator there (CFNetwork) needs cgo, which the
// command line builds without. It is a package of its own so that goja, the JavaScript
// engine in pure Go, is linked only where it is used: goja and what it brings (pprof's
// profile parser, regexp2) made every command of the Linux and Windows binaries start
// ~5 ms slower, and their binaries 8 MB larger (bench/README.md, session 11).
package pac

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"net"
	"net/url"
	"sync"
	"time"

	"github.com/dop251/goja"
)

//go:embed helpers.js
var helpers string

// runFor bounds one FindProxyForURL call: a PAC file that loops must not hang every
// request. A variable for the test of that loop.
var runFor = 5 * time.Second

// dnsFor bounds each dnsResolve a PAC file asks for.
const dnsFor = 3 * time.Second

// Script is one compiled PAC file. A goja runtime serves one goroutine at a time.
type Script struct {
	mu   sync.Mutex
	vm   *goja.Runtime
	find goja.Callable
}

// Compile loads a PAC file's source with the helper functions.
func Compile(src string) (*Script, error) {
	vm := goja.New()
	_ = vm.Set("dnsResolve", dnsResolve)
	_ = vm.Set("myIpAddress", myIPAddress)
	if _, err := vm.RunString(helpers); err != nil {
		return nil, fmt.Errorf("helpers: %w", err)
	}
	if _, err := vm.RunString(src); err != nil {
		return nil, err
	}
	find, ok := goja.AssertFunction(vm.Get("FindProxyForURL"))
	if !ok {
		return nil, errors.New("it defines no FindProxyForURL function")
	}
	return &Script{vm: vm, find: find}, nil
}

// FindProxy runs FindProxyForURL for target. As browsers do, an https address is given
// without its path (which the proxy never sees either).
func (p *Script) FindProxy(target *url.URL) (string, error) {
	u := *target
	u.User = nil
	if u.Scheme == "https" {
		u.Path, u.RawPath, u.RawQuery, u.Fragment = "/", "", "", ""
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	timer := time.AfterFunc(runFor, func() { p.vm.Interrupt("the PAC file ran too long") })
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

// dnsResolve is the first IPv4 address of host, or null (nil) when it has none.
func dnsResolve(host string) any {
	if ip := net.ParseIP(host); ip != nil {
		return ip.String()
	}
	ctx, cancel := context.WithTimeout(context.Background(), dnsFor)
	defer cancel()
	ips, err := net.DefaultResolver.LookupIP(ctx, "ip4", host)
	if err != nil || len(ips) == 0 {
		return nil
	}
	return ips[0].String()
}

// myIPAddress is this computer's address on the network: the first IPv4 address of an
// interface that is up and not the loopback (no packet is sent to find it).
func myIPAddress() string {
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
