package uploader

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/http/httpproxy"
)

// Which proxy a request goes through, in this order (README "Works at the office"):
//  1. an explicit proxy: the CLI's --proxy, else the connection's own setting;
//  2. the environment: HTTPS_PROXY for https, HTTP_PROXY for http (either case), with
//     NO_PROXY, when the variable for the request's scheme is set;
//  3. the system settings: Windows' Internet options (WinHTTP: manual proxy, PAC file,
//     automatic detection), macOS' network settings (scutil: manual proxies, PAC file);
//  4. directly.
// A request to this computer itself (loopback) never goes through a proxy that was not
// named explicitly, as Go and the browsers do.

// ProxySource says where the proxy choice for a request came from.
type ProxySource int

const (
	// ProxyUnknown: the client's transport chose by a rule Hoist did not set.
	ProxyUnknown     ProxySource = iota
	ProxyDirect                  // no proxy setting applies: directly
	ProxyExplicit                // named for the client: the CLI's --proxy
	ProxyConnection              // the connection's own proxy (Network.Proxy)
	ProxyEnvironment             // HTTPS_PROXY / HTTP_PROXY / NO_PROXY
	ProxySystem                  // the system's manual proxy settings (or their exceptions)
	ProxyAutoConfig              // the system's PAC file or automatic detection
)

func (s ProxySource) String() string {
	switch s {
	case ProxyDirect:
		return "direct"
	case ProxyExplicit:
		return "explicit"
	case ProxyConnection:
		return "connection"
	case ProxyEnvironment:
		return "environment"
	case ProxySystem:
		return "system"
	case ProxyAutoConfig:
		return "pac"
	}
	return "unknown"
}

// MarshalText names the source in JSON output.
func (s ProxySource) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// ProxyRoute is the way a request goes: through Proxy (without credentials; "" for
// directly), decided by Source. Script is the PAC file's address when Source is
// ProxyAutoConfig ("" when Windows found it by automatic detection). Skipped are the
// proxies the setting lists before Proxy that did not answer lately and are passed over
// (proxychain.go).
type ProxyRoute struct {
	Proxy   string      `json:"proxy,omitempty"`
	Source  ProxySource `json:"source"`
	Script  string      `json:"script,omitempty"`
	Skipped []string    `json:"skipped,omitempty"`
}

// Equal reports whether r and o are the same route.
func (r ProxyRoute) Equal(o ProxyRoute) bool {
	return r.Proxy == o.Proxy && r.Source == o.Source && r.Script == o.Script && slices.Equal(r.Skipped, o.Skipped)
}

// systemLookup asks the operating system which proxies a request to target takes, in the
// order to try (nil entries: directly), and whether a PAC file or automatic detection
// chose them. ok is false when the system has no proxy setting for target at all.
// Set per OS (sysproxy_*.go); tests replace it.
var systemLookup = lookupSystemProxy

// systemAnswer is one system look-up's result.
type systemAnswer struct {
	proxies []*url.URL // in the order to try; a nil entry is "directly"
	auto    bool       // from a PAC file or automatic detection
	script  string     // the PAC file's address, when known
	ok      bool       // the system has a setting that applies
}

// ProxyResolver picks the proxy of each request in the order above. Its Proxy method is
// an http.Transport's Proxy, and the transport's DialContext must be its dialer, which
// tries a system setting's several proxies in turn (proxychain.go; Route installs both).
// Look-ups of the system settings (which may fetch and run a PAC file) are remembered per
// scheme and host for a while, because the transport asks for every new connection.
type ProxyResolver struct {
	explicit *url.URL
	source   ProxySource // of explicit: ProxyExplicit or ProxyConnection
	env      *httpproxy.Config
	system   func(target *url.URL) systemAnswer

	mu    sync.Mutex
	cache map[string]cachedRoute
	// chains are the chains of several entries by the address the transport dials for
	// them; standIns the stand-in proxy of each http server's chain (proxychain.go).
	chains   map[string]*proxyChain
	standIns map[string]string
	failed   map[string]time.Time // when each proxy of a chain last failed (entryKey)
	// dials: Route installed the dialer. Without it (Proxy alone as a transport's Proxy)
	// a chain would go directly, so the first entry is taken, as before chains.
	dials bool
	// transport is the one Route installed the dialer on: an https proxy of a chain is
	// checked against its certificates (proxyRoots).
	transport *http.Transport
}

type cachedRoute struct {
	u     *url.URL
	route ProxyRoute
	chain *proxyChain // when the setting lists several entries: the route is the chain's
	at    time.Time
}

// routeCacheFor is how long a system look-up is reused: short enough that a laptop that
// moved from the office to home sees its new settings at the next upload.
const routeCacheFor = 2 * time.Minute

// NewProxyResolver resolves with explicit first (nil: none), then the environment as it
// is now, then the system settings.
func NewProxyResolver(explicit *url.URL) *ProxyResolver {
	return &ProxyResolver{explicit: explicit, source: ProxyExplicit, env: httpproxy.FromEnvironment(), system: systemLookup,
		cache: map[string]cachedRoute{}, chains: map[string]*proxyChain{}, standIns: map[string]string{}, failed: map[string]time.Time{}}
}

// Route makes t's requests go the way r picks: r's Proxy, and r's dialer over dial.
func (p *ProxyResolver) Route(t *http.Transport, dial func(ctx context.Context, network, addr string) (net.Conn, error)) {
	p.mu.Lock()
	p.dials = true
	p.transport = t
	p.mu.Unlock()
	t.Proxy = p.Proxy
	t.DialContext = p.dialer(dial)
}

type routeKey struct{}

// Proxy is the proxy for req (nil: directly), for http.Transport.Proxy. When req's
// context comes from RouteFor, the route is written there too.
func (p *ProxyResolver) Proxy(req *http.Request) (*url.URL, error) {
	u, route := p.route(req.URL)
	if r, ok := req.Context().Value(routeKey{}).(*ProxyRoute); ok {
		*r = route
	}
	return u, nil
}

func (p *ProxyResolver) route(target *url.URL) (*url.URL, ProxyRoute) {
	if p.explicit != nil {
		return p.explicit, ProxyRoute{Proxy: p.explicit.Redacted(), Source: p.source}
	}
	if isLoopbackHost(target.Hostname()) {
		return nil, ProxyRoute{Source: ProxyDirect}
	}
	if envApplies(p.env, target) {
		u, err := p.env.ProxyFunc()(target)
		if err != nil || u == nil {
			return nil, ProxyRoute{Source: ProxyEnvironment}
		}
		return u, ProxyRoute{Proxy: u.Redacted(), Source: ProxyEnvironment}
	}
	key := target.Scheme + "://" + target.Host
	p.mu.Lock()
	c, ok := p.cache[key]
	p.mu.Unlock()
	if !ok || time.Since(c.at) >= routeCacheFor {
		c = p.fromSystem(target)
		c.at = time.Now()
		p.mu.Lock()
		p.cache[key] = c
		p.mu.Unlock()
	}
	if c.chain != nil {
		return c.u, p.chainRoute(c.chain)
	}
	return c.u, c.route
}

func (p *ProxyResolver) fromSystem(target *url.URL) cachedRoute {
	var a systemAnswer
	if p.system != nil {
		a = p.system(target)
	}
	source := ProxySystem
	if a.auto {
		source = ProxyAutoConfig
	}
	route := ProxyRoute{Source: source, Script: a.script}
	p.mu.Lock()
	defer p.mu.Unlock()
	if a.ok && len(a.proxies) > 1 && p.dials {
		// Several ways ("PROXY a:8080; PROXY b:8080; DIRECT"), tried in turn at dial time.
		u, chain := p.chainFor(target, a.proxies, route)
		return cachedRoute{u: u, chain: chain}
	}
	if target.Scheme == "https" {
		// A chain of an earlier look-up no longer applies: the dialer must not use it for
		// the server's address.
		delete(p.chains, dialAddr(target))
	}
	switch {
	case !a.ok:
		return cachedRoute{route: ProxyRoute{Source: ProxyDirect}}
	case len(a.proxies) == 0 || a.proxies[0] == nil:
		return cachedRoute{route: route}
	}
	route.Proxy = a.proxies[0].Redacted()
	return cachedRoute{u: a.proxies[0], route: route}
}

// envApplies: the environment decides for target when the variable of target's scheme
// is set (HTTPS_PROXY for https, HTTP_PROXY for http); NO_PROXY then applies too.
func envApplies(env *httpproxy.Config, target *url.URL) bool {
	if env == nil {
		return false
	}
	if target.Scheme == "https" {
		return env.HTTPSProxy != ""
	}
	return env.HTTPProxy != ""
}

func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") || strings.HasSuffix(strings.ToLower(host), ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// RouteFor says how a request to target goes with client: through which proxy, and
// which setting chose it.
func RouteFor(client *http.Client, target string) ProxyRoute {
	if client == nil {
		client = http.DefaultClient
	}
	t, ok := client.Transport.(*http.Transport)
	if client.Transport == nil {
		t, ok = http.DefaultTransport.(*http.Transport)
	}
	if !ok || t.Proxy == nil {
		return ProxyRoute{Source: ProxyDirect}
	}
	route := ProxyRoute{Source: ProxyUnknown}
	ctx := context.WithValue(context.Background(), routeKey{}, &route)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, target, nil)
	if err != nil {
		return ProxyRoute{Source: ProxyDirect}
	}
	u, err := t.Proxy(req)
	if err != nil {
		return route
	}
	if route.Source == ProxyUnknown && u == nil {
		return ProxyRoute{Source: ProxyDirect}
	}
	if u != nil && route.Source == ProxyUnknown {
		route.Proxy = u.Redacted() // a resolver of Hoist's has named it already
	}
	return route
}
