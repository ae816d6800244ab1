//go:build unix

package uploader

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A file of a POST swapped for a named pipe after it was looked at (checkFile runs when
// the POST is built, the file is opened when the stream reaches it) is refused as changed:
// a blocking open waited for a writer that never came, and the upload hung past the stall
// watchdog and every cancel.
func TestFileSwappedForAPipeIsRefusedNotWaitedFor(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
	}))
	defer srv.Close()
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.jpg"), filepath.Join(dir, "b.jpg")
	if err := os.WriteFile(a, make([]byte, 100), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(b, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	body := newMultipartBody([]formPart{
		{name: "file", filename: "a.jpg", file: &fileRef{path: a, rel: "a.jpg", size: 100, item: -1}},
		{name: "file", filename: "b.jpg", file: &fileRef{path: b, rel: "b.jpg", size: 100, item: -1}},
	})
	r := &run{c: fastClient()}
	done := make(chan error, 1)
	go func() { _, err := r.send(context.Background(), srv.URL, body, nil); done <- err }()
	select {
	case err := <-done:
		if !errors.Is(err, ErrFileChanged) {
			t.Fatalf("send: %v, want the pipe refused as a changed file", err)
		}
	case <-time.After(30 * time.Second): // a hang, not a speed: the fixed open returns at once
		if f, err := os.OpenFile(b, os.O_WRONLY, 0); err == nil { // release the blocked open
			_ = f.Close()
		}
		t.Fatal("send still waits on the pipe: the open blocked")
	}
}

// A file replaced by a named pipe is refused as changed when its body reaches it, whether
// a writer holds the pipe open (the read would wait: it says EAGAIN) or none does (it reads
// as empty), and whether the file was empty (nothing is read: the stat at its end sees it).
func TestFileBecamePipe(t *testing.T) {
	for _, tc := range []struct {
		name   string
		size   int
		writer bool
	}{{"with a writer", 100, true}, {"without a writer", 100, false}, {"empty, without a writer", 0, false}} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "b.jpg")
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Skip("no named pipes here:", err)
			}
			if tc.writer {
				// O_RDWR opens a pipe at once on Linux and the BSDs, and holds a writer.
				w, err := os.OpenFile(p, os.O_RDWR, 0)
				if err != nil {
					t.Skip("cannot hold the pipe open:", err)
				}
				defer w.Close()
			}
			body := newMultipartBody([]formPart{{name: "file", filename: "b.jpg", file: &fileRef{path: p, rel: "b.jpg", size: int64(tc.size), item: -1}}})
			_, err := io.Copy(io.Discard, body.open(nil))
			if !errors.Is(err, ErrFileChanged) {
				t.Fatalf("err = %v, want ErrFileChanged", err)
			}
		})
	}
}
