package uploader

import (
	"net"
	"net/url"
	"strconv"
	"time"

	"golang.org/x/net/idna"
)

// A PAC file (or WinHTTP) may name several ways for one server, "PROXY a.corp:8080;
// PROXY b.corp:8080; DIRECT", to be tried in turn as browsers do: when a does not answer,
// b, then directly. Go's transport takes one proxy per request, so such a chain is run at
// dial time, by the resolver's dialer (proxydial.go), before any byte of the request is
// written: a request body is never half-sent to one proxy and sent again to the next.
//
//   - https server: the transport is told "directly" (Proxy returns nil) and dials the
//     server's host:port; the dialer sees that address in the resolver's chains and opens
//     a tunnel to it through the first entry that answers (CONNECT through a proxy, a SOCKS
//     connection, or directly). The transport then speaks TLS to the server itself, inside
//     that tunnel, exactly as with a single proxy: whichever entry is used, the request
//     travels encrypted to the server, never in clear.
//   - http server (an intranet Dr.Sum allowed without TLS): the transport is given a
//     stand-in proxy, chainHost, that exists for this resolver's dialer only (the .invalid
//     domain never resolves, so a transport without that dialer fails instead of going
//     around the proxy), and sends the request in the absolute form a proxy takes; the
//     dialer connects to the first entry that answers (a proxy; the server itself, which
//     accepts the absolute form, RFC 9112 section 3.2.2; or a SOCKS tunnel to it).
//
// A proxy that failed is remembered (proxyRetryAfter): later requests try the others
// first and do not wait for it again. A chain of one entry is left to the transport, and
// so is every chain of a resolver whose dialer is not installed (ProxyResolver.Route).

// proxyRetryAfter is how long a proxy that did not answer is tried after the others. 30
// minutes, as Firefox's default (network.proxy.failover_timeout): a company proxy that
// went down is rarely back within minutes, and each new try of a dead one may cost the
// whole connect timeout (30 s, bodyconn.go) while the next entry works; a proxy back
// earlier is still used after the others failed, and first again once the time is over.
// Kept per resolver, for the life of the client (the window's session, the CLI's run).
const proxyRetryAfter = 30 * time.Minute

// proxyChain is the ordered ways to one server that the system settings gave.
type proxyChain struct {
	target  string     // the server's host:port, as the transport dials it
	tunnel  bool       // the server is https: the dialer opens a tunnel to it
	entries []*url.URL // in the order to try; nil: directly
	base    ProxyRoute // Source and Script of the setting that chose them
}

// chainHost is the stand-in proxy address of the n-th chain to an http server.
func chainHost(n int) string { return "chain-" + strconv.Itoa(n) + ".hoist.invalid:80" }

// dialAddr is target's host:port exactly as net/http's transport dials it (its
// canonicalAddr): a non-ASCII host in its punycode form, an ASCII one as written (not
// lower-cased), the scheme's port when none is written. An address that differed would
// not find its chain, and the request would go directly.
func dialAddr(target *url.URL) string {
	host := target.Hostname()
	if !isASCII(host) {
		if a, err := idna.Lookup.ToASCII(host); err == nil {
			host = a
		}
	}
	port := target.Port()
	if port == "" {
		port = "80"
		if target.Scheme == "https" {
			port = "443"
		}
	}
	return net.JoinHostPort(host, port)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// entryName names an entry as the route and the errors show it: the proxy's URL without
// credentials, "" for directly.
func entryName(e *url.URL) string {
	if e == nil {
		return ""
	}
	return e.Redacted()
}

// chainFor registers a chain of several entries for target and returns what the
// transport is to be told: nil for an https server (the dialer tunnels), the stand-in
// proxy for an http one. Called with p.mu held.
func (p *ProxyResolver) chainFor(target *url.URL, entries []*url.URL, base ProxyRoute) (*url.URL, *proxyChain) {
	c := &proxyChain{target: dialAddr(target), tunnel: target.Scheme == "https", entries: entries, base: base}
	if c.tunnel {
		p.chains[c.target] = c
		return nil, c
	}
	key := target.Scheme + "://" + c.target
	host, ok := p.standIns[key]
	if !ok {
		host = chainHost(len(p.standIns) + 1)
		p.standIns[key] = host
	}
	p.chains[host] = c
	return &url.URL{Scheme: "http", Host: host}, c
}

// chainAt is the chain the transport dials addr for, nil when addr is a plain address.
func (p *ProxyResolver) chainAt(addr string) *proxyChain {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.chains[addr]
}

// order is c's entries in the order to try now: those not known to have failed, as
// listed, then those that failed within proxyRetryAfter, still tried when nothing else
// answers (a proxy back early must not stay unused), as Chrome and Firefox do. live is how
// many of them come first.
func (p *ProxyResolver) order(c *proxyChain) (entries []*url.URL, live int) {
	now := time.Now()
	p.mu.Lock()
	defer p.mu.Unlock()
	entries = make([]*url.URL, 0, len(c.entries))
	var bad []*url.URL
	for _, e := range c.entries {
		if at, ok := p.failed[entryKey(e)]; ok && e != nil && now.Sub(at) < proxyRetryAfter {
			bad = append(bad, e)
			continue
		}
		entries = append(entries, e)
	}
	return append(entries, bad...), len(entries)
}

// entryKey is the key of an entry's failure: its scheme and address.
func entryKey(e *url.URL) string {
	if e == nil {
		return ""
	}
	return e.Scheme + "://" + e.Host
}

// failedNow remembers that e did not answer.
func (p *ProxyResolver) failedNow(e *url.URL) {
	if e == nil {
		return // a server that cannot be reached directly is not a proxy to pass over
	}
	p.mu.Lock()
	p.failed[entryKey(e)] = time.Now()
	p.mu.Unlock()
}

// answered forgets e's failure: it works again.
func (p *ProxyResolver) answered(e *url.URL) {
	if e == nil {
		return
	}
	p.mu.Lock()
	delete(p.failed, entryKey(e))
	p.mu.Unlock()
}

// chainRoute is the route a request on c takes now: the entry tried first, and the
// proxies listed before it, passed over because they did not answer. When every entry
// failed recently, all are tried again in their order and the first is named.
func (p *ProxyResolver) chainRoute(c *proxyChain) ProxyRoute {
	r := c.base
	order, live := p.order(c)
	if live == 0 {
		r.Proxy = entryName(c.entries[0])
		return r
	}
	r.Proxy = entryName(order[0])
	for _, e := range c.entries {
		if e == order[0] {
			break
		}
		r.Skipped = append(r.Skipped, entryName(e))
	}
	return r
}
