package sandbox

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Running is a sandbox serving on a loopback address.
type Running struct {
	*Server
	URL string // http://127.0.0.1:PORT

	srv    *http.Server
	cancel context.CancelFunc // ends stalls and other waits of in-flight requests
	served chan error

	closeOnce sync.Once
	closeErr  error
}

// closeGrace is how long Close lets in-flight requests finish before it cuts them.
const closeGrace = 2 * time.Second

// Start serves a new sandbox on addr ("" = "127.0.0.1:0", a free port) until Close. The
// sandbox never listens on a network: an address that is not loopback is an error.
func Start(cfg Config, addr string) (*Running, error) {
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("sandbox: address %q: %w", addr, err)
	}
	if host == "localhost" {
		host = "127.0.0.1"
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return nil, fmt.Errorf("sandbox: refusing to listen on %q: the sandbox only listens on a loopback address (127.0.0.1 or ::1)", addr)
	}
	s, err := New(cfg)
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(host, port))
	if err != nil {
		return nil, fmt.Errorf("sandbox: %w", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	srv := &http.Server{
		Handler: s,
		// Headers must come quickly; bodies may take as long as a big upload needs,
		// and stalls are deliberate, so there is no overall read or write timeout.
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	if cfg.Logf != nil {
		srv.ErrorLog = log.New(logfWriter(cfg.Logf), "sandbox: ", 0)
	}
	r := &Running{Server: s, URL: "http://" + ln.Addr().String(), srv: srv, cancel: cancel, served: make(chan error, 1)}
	go func() { r.served <- srv.Serve(ln) }()
	return r, nil
}

// Close stops the sandbox: new connections are refused at once, requests in progress get
// closeGrace to finish.
// Calling it again returns the first result.
func (r *Running) Close() error {
	r.closeOnce.Do(func() {
		r.cancel()
		ctx, done := context.WithTimeout(context.Background(), closeGrace)
		defer done()
		if err := r.srv.Shutdown(ctx); err != nil {
			_ = r.srv.Close()
		}
		if err := <-r.served; err != nil && !errors.Is(err, http.ErrServerClosed) {
			r.closeErr = fmt.Errorf("sandbox: %w", err)
		}
	})
	return r.closeErr
}

// Scene7UploadURL is the UploadFile servlet's URL.
func (r *Running) Scene7UploadURL() string { return r.URL + Scene7UploadPath }

// Scene7APIURL is the IPS SOAP endpoint's URL.
func (r *Running) Scene7APIURL() string { return r.URL + Scene7APIPath }

// DrSumUploadURL is the Dr.Sum file upload URL.
func (r *Running) DrSumUploadURL() string { return r.URL + DrSumUploadPath }

// logfWriter adapts Config.Logf to the io.Writer a log.Logger wants.
type logfWriter func(format string, args ...any)

func (f logfWriter) Write(p []byte) (int, error) {
	f("%s", strings.TrimRight(string(p), "\n"))
	return len(p), nil
}
