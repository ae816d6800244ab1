package uploader

import (
	"bytes"
	"crypto/tls"
	"crypto/x509"
	"encoding/binary"
	"errors"
	"io"
	"math/rand/v2"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// postBody sends body to a loopback server through NewClient's transport, as send does,
// and returns what the server read of each file part, the file's progress positions and
// Do's error.
func postBody(t *testing.T, body *multipartBody) (got map[string][]byte, steps []int64, br *bodyReader, err error) {
	t.Helper()
	got = map[string][]byte{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
		mr := multipart.NewReader(r.Body, params["boundary"])
		for {
			p, err := mr.NextPart()
			if err != nil {
				break
			}
			b, _ := io.ReadAll(p)
			if p.FileName() != "" {
				got[p.FileName()] = b
			}
		}
	}))
	defer srv.Close()
	var last int64
	br = body.open(func(item int, pos int64) {
		if item == 0 {
			steps = append(steps, pos-last)
			last = pos
		}
	})
	req, _ := http.NewRequest(http.MethodPost, srv.URL, br)
	req.ContentLength = body.Len()
	req.Header.Set("Content-Type", body.ContentType())
	resp, err := NewClient().HTTP.Do(req)
	if err == nil {
		resp.Body.Close()
	}
	return got, steps, br, err
}

// Over plain http a body goes out in bodyCopySize pieces, not net's 32 KiB, and arrives
// byte for byte.
func TestBodyConnCopiesInLargePieces(t *testing.T) {
	data := make([]byte, 8<<20+12345)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i+8 <= len(data); i += 8 {
		binary.LittleEndian.PutUint64(data[i:], rng.Uint64())
	}
	parts, _ := testParts(t, map[string]string{"big.tif": string(data), "small.jpg": "tail"})
	got, steps, _, err := postBody(t, newMultipartBody(parts))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got["big.tif"], data) || string(got["small.jpg"]) != "tail" {
		t.Fatalf("the server read %d and %q bytes, want %d and %q", len(got["big.tif"]), got["small.jpg"], len(data), "tail")
	}
	// The transport's own buffer takes the first bytes; then pieces that grow while
	// the writes are quick, which on loopback they are (a machine too busy for that here
	// would still reach the full size in a few writes of 8 MiB).
	big := 0
	for _, s := range steps {
		if s == bodyCopySize {
			big++
		}
	}
	if big == 0 {
		t.Errorf("the file was read in pieces of %v, none of %d bytes", steps, bodyCopySize)
	}
}

// A file cut short while its body is copied fails the request as that file's error.
func TestBodyConnFileChangedWhileCopied(t *testing.T) {
	data := bytes.Repeat([]byte("hoist"), 300_000)
	parts, _ := testParts(t, map[string]string{"big.tif": string(data)})
	body := newMultipartBody(parts)
	if err := os.Truncate(parts[2].file.path, 1<<20); err != nil {
		t.Fatal(err)
	}
	got, _, br, err := postBody(t, body)
	if err == nil {
		t.Fatalf("a truncated file was sent whole (the server read %d bytes)", len(got["big.tif"]))
	}
	if fe := br.fileErr(); fe == nil || !errors.Is(fe, ErrFileChanged) {
		t.Errorf("the body reader's error is %v, want the file's ErrFileChanged (Do said %v)", fe, err)
	}
}

// Uploads speak HTTP/1.1 even to a server that offers HTTP/2, whose one multiplexed
// connection would carry every concurrent POST in one TCP window.
func TestUploadsStayOnHTTP1(t *testing.T) {
	var protos []string
	var mu sync.Mutex
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		protos = append(protos, r.Proto)
		mu.Unlock()
	}))
	srv.EnableHTTP2 = true
	srv.StartTLS()
	defer srv.Close()
	c := NewClient().HTTP
	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())
	c.Transport.(*http.Transport).TLSClientConfig = &tls.Config{RootCAs: pool}
	resp, err := c.Post(srv.URL, "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if len(protos) != 1 || protos[0] != "HTTP/1.1" {
		t.Fatalf("the server saw %v, want one HTTP/1.1 request", protos)
	}
}

// Pieces grow while writes are quick and shrink when one is slow, within their bounds.
func TestNextPiece(t *testing.T) {
	for _, tc := range []struct {
		cur  int
		took time.Duration
		want int
	}{
		{minPiece, time.Millisecond, 2 * minPiece},
		{bodyCopySize, time.Millisecond, bodyCopySize},
		{4 * minPiece, 100 * time.Millisecond, 4 * minPiece},
		{4 * minPiece, time.Second, 2 * minPiece},
		{minPiece, time.Second, minPiece},
	} {
		if got := nextPiece(tc.cur, tc.took); got != tc.want {
			t.Errorf("nextPiece(%d, %v) = %d, want %d", tc.cur, tc.took, got, tc.want)
		}
	}
}
