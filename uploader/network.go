package uploader

import (
	"crypto/x509"
	"net/http"
	"os"
	"strings"
	"sync"
	"time"
)

// Network is a connection's own way to its server, kept with the connection: a proxy that
// overrides the environment's and the system's (proxyroute.go), a CA certificate file
// trusted on top of the system's store (an intranet Dr.Sum server with a private CA), and
// how long a request may go without progress (a server known to think long). The CLI's
// --proxy, --ca-file and --stall-timeout override them.
type Network struct {
	Proxy        string        `json:"proxy,omitempty"`
	CAFile       string        `json:"caFile,omitempty"`
	StallTimeout time.Duration `json:"stallTimeout,omitempty"` // 0: the Client's ResponseTimeout
}

// IsZero reports whether n changes nothing: the client's own settings apply.
func (n Network) IsZero() bool { return !n.routes() && n.StallTimeout <= 0 }

// routes reports whether n changes the way requests go (proxy or CA file).
func (n Network) routes() bool {
	return strings.TrimSpace(n.Proxy) != "" || strings.TrimSpace(n.CAFile) != ""
}

// forConn is c with conn's Network applied: its own HTTP client and stall timeout.
func (c *Client) forConn(n Network) (*Client, error) {
	if n.IsZero() {
		return c, nil
	}
	h, err := httpFor(c.HTTP, n)
	if err != nil {
		return nil, err
	}
	cc := *c
	cc.HTTP = h
	if n.StallTimeout > 0 {
		cc.ResponseTimeout = n.StallTimeout
	}
	return &cc, nil
}

// Check says what is wrong with n: ParseProxy's error for the proxy, a *CAFileError for
// the CA file; nil when both can be used.
func (n Network) Check() error {
	_, err := httpFor(NewClient().HTTP, n)
	return err
}

// derived clients are kept so that every call of one connection reuses one transport
// (and its open connections). A CA file is read again when it changed on disk.
var derived sync.Map // networkKey → *http.Client

type networkKey struct {
	base    *http.Client
	proxy   string
	caFile  string
	caSize  int64
	caMtime time.Time
}

// httpFor is base with n applied: base itself when n is zero, else a client with a copy
// of base's transport given n's proxy and CA file.
func httpFor(base *http.Client, n Network) (*http.Client, error) {
	if base == nil {
		base = http.DefaultClient
	}
	if !n.routes() {
		return base, nil
	}
	key := networkKey{base: base, proxy: strings.TrimSpace(n.Proxy), caFile: strings.TrimSpace(n.CAFile)}
	// Checked before anything else, so that a connection's proxy with a password is
	// refused whatever the transport (setProxy checks it too).
	if _, err := ParseProxyFrom(key.proxy, ProxyConnection); err != nil {
		return nil, err
	}
	if key.caFile != "" {
		fi, err := os.Stat(key.caFile)
		if err != nil {
			return nil, &CAFileError{Path: key.caFile, Err: err}
		}
		key.caSize, key.caMtime = fi.Size(), fi.ModTime()
	}
	if c, ok := derived.Load(key); ok {
		return c.(*http.Client), nil
	}
	t, ok := base.Transport.(*http.Transport)
	if base.Transport == nil {
		t, ok = http.DefaultTransport.(*http.Transport)
	}
	if !ok {
		return base, nil // a test's in-process transport: nothing to route
	}
	c := *base
	tc := t.Clone()
	c.Transport = tc
	if key.proxy != "" {
		if err := setProxy(&c, key.proxy, ProxyConnection); err != nil {
			return nil, err
		}
	}
	if key.caFile != "" {
		if err := AddCAFile(&c, key.caFile); err != nil {
			return nil, err
		}
	}
	actual, _ := derived.LoadOrStore(key, &c)
	return actual.(*http.Client), nil
}

// basePool is the pool a CA file's certificates are added to: the client's own when it
// has one (the CLI's --ca-file, a test's), else the system's.
func basePool(existing *x509.CertPool) *x509.CertPool {
	if existing != nil {
		return existing.Clone()
	}
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		return x509.NewCertPool() // no system store (rare): the file alone
	}
	return pool
}
