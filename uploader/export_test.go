package uploader

import (
	"context"
	"net"
	"net/http"
	"net/url"
	"time"

	"hoist/uploader/pac"
)

// compilePAC is the macOS build's compiler (thePACs), for the tests on every system.
func compilePAC(src string) (pacScript, error) { return pac.Compile(src) }

// InProcessClient is an HTTP client whose requests h serves in-process (handlerTransport),
// for the external tests that run the sandbox inside a synctest bubble.
func InProcessClient(h http.Handler) *http.Client {
	return &http.Client{Transport: handlerTransport{h}}
}

// UseSystemPAC makes the system settings, while the test runs, those of a Mac whose
// network uses the PAC file at script: clients made meanwhile fetch it and run it.
func UseSystemPAC(t interface{ Cleanup(func()) }, script string) {
	saved := systemLookup
	pacs := newPACCache(compilePAC)
	settings := macProxySettings{values: map[string]string{"ProxyAutoConfigEnable": "1", "ProxyAutoConfigURLString": script}}
	systemLookup = func(target *url.URL) systemAnswer { return macAnswer(settings, target, pacs.findProxy) }
	t.Cleanup(func() { systemLookup = saved })
}

// DialWith makes client's transport open its connections with dial, under the proxy
// routing of the settings of now (a new ProxyResolver: the system's, the environment's).
func DialWith(client *http.Client, dial func(ctx context.Context, network, addr string) (net.Conn, error)) {
	NewProxyResolver(nil).Route(client.Transport.(*http.Transport), dial)
}

// Transient is the retry policy's rule (transient), for the external tests that list the
// errors a retry line must put into words.
var Transient = transient

// NearWait makes a Client count a first answer within d as a near server's (0: none);
// a busy test machine's loopback may answer slower than defaultNearWait.
func NearWait(d time.Duration) func(*Client) {
	return func(c *Client) { c.nearWait = d }
}
