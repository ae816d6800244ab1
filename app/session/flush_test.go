package session

import (
	"path/filepath"
	"sync"
	"testing"
	"testing/synctest"
	"time"
)

// slowStore's first write waits for release, as a busy disk makes it wait.
type slowStore struct {
	memStore
	once             sync.Once
	started, release chan struct{}
}

func (s *slowStore) SaveQueue(snap Snapshot) error {
	first := false
	s.once.Do(func() { first = true })
	if first {
		close(s.started)
		<-s.release
	}
	return s.memStore.SaveQueue(snap)
}

// Flush (the window closing) waits for a timed write under way, writes the queue as it
// is, and nothing it had planned writes afterwards: an older queue never lands over the
// newer one, and a settings folder removed after Close stays removed (the tests' temporary
// folders were written again after their removal).
func TestFlushWaitsForTheWriteUnderWayAndNothingWritesAfter(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		dir := tree(t, map[string]string{"a.jpg": "1", "b.jpg": "2"})
		store := &slowStore{started: make(chan struct{}), release: make(chan struct{})}
		release := sync.OnceFunc(func() { close(store.release) })
		defer release() // a failure leaves no write waiting
		q := New(Config{Uploader: &fakeEngine{}, Store: store})
		q.Add([]string{filepath.Join(dir, "a.jpg")})
		time.Sleep(DefaultSaveDelay)
		<-store.started // the timed write of one file is under way
		q.Add([]string{filepath.Join(dir, "b.jpg")})
		flushed := make(chan error, 1)
		go func() { flushed <- q.Flush() }()
		synctest.Wait()
		select {
		case <-flushed:
			t.Fatal("Flush returned while a write was still under way")
		default:
		}
		release()
		if err := <-flushed; err != nil {
			t.Fatal(err)
		}
		n, last := store.get()
		if n != 2 || len(last.Rows) != 2 {
			t.Fatalf("%d writes, the last with %d files; want 2, the last with both", n, len(last.Rows))
		}
		time.Sleep(2 * DefaultSaveDelay)
		synctest.Wait()
		if m, _ := store.get(); m != n {
			t.Fatalf("%d more writes after Flush returned", m-n)
		}
	})
}
