package uploader

import (
	"crypto/tls"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"net/http"
	"os"
)

// Certificates: Hoist trusts the operating system's certificate store (Go reads it on
// every platform; nothing in Hoist replaces RootCAs), so a company CA that IT installed
// on the machine works as in the browser. For a server whose CA is on no machine's store
// (an intranet Dr.Sum server with a private CA), AddCAFile adds a PEM file's certificates
// on top of the system's.

// CAFileError is a CA certificate file that cannot be used.
type CAFileError struct {
	Path string
	Err  error
}

func (e *CAFileError) Error() string { return "CA file " + e.Path + ": " + e.Err.Error() }
func (e *CAFileError) Unwrap() error { return e.Err }

// ErrNoCertificate is a CA file's error when it holds no PEM certificate.
var ErrNoCertificate = errors.New("no PEM certificate in it")

// AddCAFile makes client trust the certificates of the PEM file at path as well as the
// system's (or those the client already trusts). The client must have an *http.Transport (NewClient's has).
func AddCAFile(client *http.Client, path string) error {
	data, err := os.ReadFile(path) // a certificate file is small
	if err != nil {
		return &CAFileError{Path: path, Err: err}
	}
	t, ok := client.Transport.(*http.Transport)
	if !ok {
		return &CAFileError{Path: path, Err: errors.New("this HTTP client's transport cannot be given certificates")}
	}
	var existing *x509.CertPool
	if t.TLSClientConfig != nil {
		existing = t.TLSClientConfig.RootCAs
	}
	pool := basePool(existing)
	found := false
	for rest := data; ; {
		var b *pem.Block
		b, rest = pem.Decode(rest)
		if b == nil {
			break
		}
		if b.Type != "CERTIFICATE" {
			continue
		}
		cert, err := x509.ParseCertificate(b.Bytes)
		if err != nil {
			return &CAFileError{Path: path, Err: err}
		}
		pool.AddCert(cert)
		found = true
	}
	if !found {
		return &CAFileError{Path: path, Err: ErrNoCertificate}
	}
	if t.TLSClientConfig == nil {
		t.TLSClientConfig = &tls.Config{}
	}
	t.TLSClientConfig.RootCAs = pool
	return nil
}
