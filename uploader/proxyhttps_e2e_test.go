package uploader_test

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"hoist/internal/testproxy"
	"hoist/uploader"
)

// "HTTPS host:port" entries of a PAC answer in a chain: a forward proxy reached over TLS
// (testproxy.StartTLS, with httptest's certificate), checked as net/http checks a single
// https proxy: against the certificates the client checks servers against (the system's
// store, plus a CA file's).

func tlsHostport(proxyURL string) string { return strings.TrimPrefix(proxyURL, "https://") }

// caFile writes cert to a PEM file and returns its path.
func caFile(t *testing.T, cert *x509.Certificate) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "proxy-ca.pem")
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: cert.Raw}), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// A proxy whose certificate the client does not trust (the system's store only) is
// passed over before anything is sent to it; when nothing else answers, the chain's
// error says that its certificate is the reason.
func TestE2EPACHTTPSProxyUntrusted(t *testing.T) {
	p := testproxy.StartTLS(t, "")
	o := newOffice(t, false, "HTTPS UNTRUSTED; DIRECT", map[string]string{"UNTRUSTED": tlsHostport(p.URL)})
	p.Alias = o.hosts
	if _, err := o.post("plain"); err != nil {
		t.Fatal(err)
	}
	if p.Forwarded.Load()+p.Connects.Load() != 0 || o.got.Load() != 1 {
		t.Errorf("%d requests went through the untrusted proxy, %d reached the server: want 0, 1", p.Forwarded.Load()+p.Connects.Load(), o.got.Load())
	}
	if r := o.route(); !r.Equal(pacRoute(o, "", p.URL)) {
		t.Errorf("route %+v, want directly past %s", r, p.URL)
	}

	down := newOffice(t, false, "HTTPS UNTRUSTED; DIRECT", map[string]string{"UNTRUSTED": tlsHostport(p.URL)})
	down.hosts[down.target] = closedPort(t)
	_, err := down.post("lost")
	var ce *uploader.ProxyChainError
	if !errors.As(err, &ce) || len(ce.Tries) != 2 || ce.Tries[0].Proxy != p.URL {
		t.Fatalf("error %v, want a *ProxyChainError that tried %s, then directly", err, p.URL)
	}
	var unknown x509.UnknownAuthorityError
	var verify *tls.CertificateVerificationError
	if !errors.As(ce.Tries[0].Err, &verify) || !errors.As(ce.Tries[0].Err, &unknown) {
		t.Errorf("the proxy's try failed with %v (%T), want its certificate's unknown authority", ce.Tries[0].Err, ce.Tries[0].Err)
	}
	if !strings.Contains(err.Error(), "certificate") {
		t.Errorf("%q does not say that the proxy's certificate was the reason", err)
	}
	if p.Forwarded.Load()+p.Connects.Load() != 0 {
		t.Error("a request went through the untrusted proxy")
	}
}

// A proxy whose CA the client trusts through a CA file (cafile.go) carries an https
// request (CONNECT inside TLS to the proxy, then TLS to the server inside that) and an
// http one (the request inside TLS to the proxy), in a chain as alone (net/http's own).
func TestE2EPACHTTPSProxyTrustedByCAFile(t *testing.T) {
	for _, pac := range []string{"HTTPS SECURE; DIRECT", "HTTPS SECURE"} {
		for _, tls := range []bool{true, false} {
			p := testproxy.StartTLS(t, "")
			o := newOffice(t, tls, pac, map[string]string{"SECURE": tlsHostport(p.URL)})
			p.Alias = o.hosts
			if err := uploader.AddCAFile(o.client, caFile(t, p.Cert)); err != nil {
				t.Fatal(err)
			}
			checkThroughHTTPSProxy(t, o, p, tls)
		}
	}
}

// checkThroughHTTPSProxy posts with o, whose PAC file names p first, and checks that the
// request went through p, and only through p.
func checkThroughHTTPSProxy(t *testing.T, o *office, p *testproxy.Proxy, tls bool) {
	t.Helper()
	if _, err := o.post("sealed"); err != nil {
		t.Fatalf("tls %v: %v", tls, err)
	}
	through := p.Forwarded.Load()
	if tls {
		through = p.Connects.Load()
	}
	if through != 1 || p.Forwarded.Load()+p.Connects.Load() != 1 || o.got.Load() != 1 || o.dialed(o.target) != 0 {
		t.Errorf("tls %v: %d tunnels and %d forwarded by the proxy, %d requests at the server, %d direct dials: want the request through the proxy alone",
			tls, p.Connects.Load(), p.Forwarded.Load(), o.got.Load(), o.dialed(o.target))
	}
	if r := o.route(); !r.Equal(pacRoute(o, p.URL)) {
		t.Errorf("tls %v: route %+v, want through %s", tls, r, p.URL)
	}
}

// systemStoreEnv marks the process TestE2EPACHTTPSProxyTrustedBySystem runs itself in.
const systemStoreEnv = "HOIST_TEST_PROXY_CA_IN_SYSTEM_STORE"

// A proxy whose CA is in the system's store is trusted without a CA file. Go reads the
// store once per process, so the test runs again in a process of its own whose store is
// the file SSL_CERT_FILE names, holding the proxy's certificate: nothing in Hoist is
// changed for it.
func TestE2EPACHTTPSProxyTrustedBySystem(t *testing.T) {
	if os.Getenv(systemStoreEnv) != "" {
		p := testproxy.StartTLS(t, "")
		o := newOffice(t, false, "HTTPS SECURE; DIRECT", map[string]string{"SECURE": tlsHostport(p.URL)})
		p.Alias = o.hosts
		checkThroughHTTPSProxy(t, o, p, false)
		return
	}
	switch runtime.GOOS {
	case "windows", "darwin", "ios":
		t.Skip("SSL_CERT_FILE replaces the system's store only on Linux and the BSDs")
	}
	// httptest's certificate, the one every StartTLS proxy has, in this process and that one.
	ca := caFile(t, testproxy.StartTLS(t, "").Cert)
	cmd := exec.Command(os.Args[0], "-test.run=^TestE2EPACHTTPSProxyTrustedBySystem$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), systemStoreEnv+"=1", "SSL_CERT_FILE="+ca, "SSL_CERT_DIR="+t.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestE2EPACHTTPSProxyTrustedBySystem") {
		t.Fatalf("in a process whose system store holds the proxy's CA: %v\n%s", err, out)
	}
}
