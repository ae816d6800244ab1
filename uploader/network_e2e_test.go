package uploader_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"math/big"
	"net"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hoist/internal/testproxy"
	"hoist/internal/words"
	"hoist/sandbox"
	"hoist/uploader"
)

// companyCA makes a certificate authority as IT departments make them for HTTPS
// inspection, and a server certificate for 127.0.0.1 that it signs; the CA's PEM file
// is written in a temporary folder.
func companyCA(t *testing.T) (leaf tls.Certificate, caFile string, ca *x509.Certificate) {
	t.Helper()
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "Acme Corp Inspection CA", Organization: []string{"Acme Corp"}},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &caKey.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	ca, _ = x509.ParseCertificate(der)
	key, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	lt := &x509.Certificate{
		SerialNumber: big.NewInt(2), Subject: pkix.Name{CommonName: "127.0.0.1"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.IPv4(127, 0, 0, 1)}, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	lder, err := x509.CreateCertificate(rand.Reader, lt, ca, &key.PublicKey, caKey)
	if err != nil {
		t.Fatal(err)
	}
	caFile = filepath.Join(t.TempDir(), "acme-ca.pem")
	if err := os.WriteFile(caFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644); err != nil {
		t.Fatal(err)
	}
	return tls.Certificate{Certificate: [][]byte{lder}, PrivateKey: key}, caFile, ca
}

// A server whose chain ends in the company's CA, given as the connection's CA file:
// Test connection succeeds and says the authority is a private one (HTTPS inspection),
// the upload works with the connection's CA file alone, and without it the certificate
// is refused.
func TestE2EConnectionCAFileAndInspectedHTTPS(t *testing.T) {
	leaf, caFile, _ := companyCA(t)
	s, err := sandbox.New(sandbox.Config{Dir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewUnstartedServer(s)
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{leaf}}
	srv.StartTLS()
	defer srv.Close()

	conn := demoScene7(t, srv.URL, true)
	conn.Network = uploader.Network{CAFile: caFile}
	c := testClient()
	v, err := uploader.TestConnection(context.Background(), c.HTTP, conn)
	if err != nil || !v.OK || v.Exchange.TLS == nil || !v.Exchange.TLS.Private || v.Exchange.TLS.Root != "Acme Corp Inspection CA" {
		t.Fatalf("verdict %+v (TLS %+v), %v: want OK, a private root", v, v.Exchange.TLS, err)
	}
	if said := words.Verdict(v); !strings.Contains(said, "Your company seems to inspect HTTPS") || !strings.Contains(said, "Acme Corp Inspection CA") {
		t.Errorf("Test connection says %q", said)
	}
	items := awkwardTree(t)
	res, err := c.Upload(context.Background(), uploader.Request{Conn: conn, JobName: "ca", DestFolder: "spring/2026", Options: uploader.DefaultOptions(), Items: items}, nil)
	if err != nil {
		t.Fatal(err)
	}
	(&box{Server: s}).checkScene7(t, items, res, 1)

	conn.Network = uploader.Network{}
	if v, _ := uploader.TestConnection(context.Background(), c.HTTP, conn); v.OK {
		t.Fatalf("without the CA file the certificate was trusted: %+v", v)
	}
	conn.Network = uploader.Network{CAFile: filepath.Join(t.TempDir(), "missing.pem")}
	var ce *uploader.CAFileError
	if _, err := c.Upload(context.Background(), uploader.Request{Conn: conn, DestFolder: "x", Options: uploader.DefaultOptions(), Items: items}, nil); !errors.As(err, &ce) {
		t.Fatalf("a missing CA file: %v", err)
	}
}

// The connection's proxy overrides the environment's, for Test connection and uploads,
// and Test connection says it was the explicit one.
func TestE2EConnectionProxy(t *testing.T) {
	_, srv := tlsBox(t)
	p := testproxy.Start(t, "")
	t.Setenv("HTTPS_PROXY", "http://127.0.0.1:1") // nothing listens: would fail
	c := trustingClient(srv)
	ep, err := uploader.CustomEndpoint(uploader.DrSum, srv.URL+uploader.DrSumUploadPath, "", false)
	if err != nil {
		t.Fatal(err)
	}
	conn := uploader.Conn{Endpoint: ep, Credentials: uploader.Credentials{User: sandbox.DrSumUser, Password: sandbox.DrSumPassword},
		Network: uploader.Network{Proxy: p.URL}}
	v, err := uploader.TestConnection(context.Background(), c.HTTP, conn)
	if err != nil || !v.OK || !v.Route.Equal(uploader.ProxyRoute{Proxy: p.URL, Source: uploader.ProxyConnection}) || p.Connects.Load() == 0 {
		t.Fatalf("verdict %+v, %v", v, err)
	}
	if v.Exchange.TLS == nil || !v.Exchange.TLS.Private {
		t.Errorf("httptest's own authority is private: %+v", v.Exchange.TLS)
	}
	conn.Network.Proxy = "ftp://nope"
	if err := conn.Network.Check(); err == nil {
		t.Error("an ftp proxy passed the check")
	}
}
