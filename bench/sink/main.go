// Command sink is the benchmark's fast upload target: a loopback server that reads every
// multipart body to the end, discards the file bytes and answers like Scene7's UploadFile
// (an uploadPostReturn) or Dr.Sum's upload API (200, empty). It does the same work for
// every client, so the clients' times can be compared. -delay makes it answer like a
// distant server; -tls serves https with a certificate made at start (written to the file
// given, for the clients to trust), as Scene7 always is.
package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"math/big"
	"mime"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "listen address (loopback only)")
	delay := flag.Duration("delay", 0, "wait this long before each answer, as a distant server would")
	certFile := flag.String("tls", "", "serve https; write the self-signed certificate (PEM) to this file")
	flag.Parse()
	host, _, err := net.SplitHostPort(*addr)
	if err != nil || !net.ParseIP(host).IsLoopback() {
		log.Fatalf("sink: %s is not a loopback address", *addr)
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	s := &sink{delay: *delay}
	scheme := "http"
	if *certFile != "" {
		cert, err := selfSigned(*certFile)
		if err != nil {
			log.Fatal(err)
		}
		ln, scheme = tls.NewListener(ln, &tls.Config{Certificates: []tls.Certificate{cert}}), "https"
	}
	fmt.Printf("%s://%s\n", scheme, ln.Addr())
	os.Stdout.Sync()
	log.Fatal(http.Serve(ln, s))
}

type sink struct {
	delay        time.Duration
	files, bytes atomic.Int64
	jobs         atomic.Int64
}

func (s *sink) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/stats" {
		fmt.Fprintf(w, "%d %d\n", s.files.Load(), s.bytes.Load())
		return
	}
	if r.Method != http.MethodPost {
		http.Error(w, "POST only", http.StatusMethodNotAllowed)
		return
	}
	files, n, err := s.drain(r)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	s.files.Add(files)
	s.bytes.Add(n)
	if s.delay > 0 {
		time.Sleep(s.delay)
	}
	switch {
	case strings.HasSuffix(r.URL.Path, "/scene7/UploadFile"):
		w.Header().Set("Content-Type", "text/xml;charset=utf-8")
		fmt.Fprintf(w, `<?xml version='1.0' encoding='UTF-8'?><uploadPostReturn xmlns="http://www.scene7.com/IpsApi/xsd/2014-04-03"><jobHandle>j|bench||sink|%d</jobHandle></uploadPostReturn>`, s.jobs.Add(1))
	case strings.HasSuffix(r.URL.Path, "/api/v1.0/file/upload"):
		w.WriteHeader(http.StatusOK)
	default:
		http.NotFound(w, r)
	}
}

// drain reads every part; file parts are counted and discarded.
func (s *sink) drain(r *http.Request) (files, n int64, err error) {
	_, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || params["boundary"] == "" {
		return 0, 0, errors.New("not multipart/form-data")
	}
	mr := multipart.NewReader(r.Body, params["boundary"])
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return files, n, nil
		}
		if err != nil {
			return files, n, err
		}
		c, err := io.Copy(io.Discard, p)
		if err != nil {
			return files, n, err
		}
		if p.FileName() != "" {
			files++
			n += c
		}
	}
}

// selfSigned makes a certificate for 127.0.0.1 and ::1 that is its own CA (so that curl's
// --cacert and Hoist's --ca-file both accept it) and writes it to file as PEM.
func selfSigned(file string) (tls.Certificate, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, err
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "hoist bench sink"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		IsCA:                  true,
		BasicConstraintsValid: true,
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1), net.IPv6loopback},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, err
	}
	if err := os.WriteFile(file, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644); err != nil {
		return tls.Certificate{}, err
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}, nil
}
