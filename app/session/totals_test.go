package session

import (
	"errors"
	"path/filepath"
	"testing"

	"hoist/uploader"
)

// The overall bar and the counts come from the same numbers: an empty queue is not 100 %,
// a file being sent counts by its bytes, and cancelled and skipped files leave both the
// file count and the bytes.
func TestTotalsAddUp(t *testing.T) {
	if got := (Totals{}).Fraction(); got != 0 {
		t.Fatalf("empty queue: bar at %v", got)
	}
	dir := tree(t, map[string]string{"f/1-slow.mov": "12345678", "f/2-after.jpg": "12", "f/.DS_Store": "x"})
	eng := &fakeEngine{started: make(chan struct{})}
	q := New(Config{Uploader: eng})
	rec := newRecorder(q)
	q.Add([]string{filepath.Join(dir, "f")})
	tot := q.Totals()
	if done, of := tot.Files(); done != 0 || of != 2 {
		t.Fatalf("files %d of %d, want 0 of 2 (the skipped one does not count)", done, of)
	}
	if done, of := tot.ByteCounts(); done != 0 || of != 10 {
		t.Fatalf("bytes %d of %d, want 0 of 10", done, of)
	}
	if err := q.Start(Target{}); err != nil {
		t.Fatal(err)
	}
	<-eng.started // the slow file is half sent
	tot = q.Totals()
	if done, of := tot.ByteCounts(); done != 4 || of != 10 || tot.Fraction() != 0.4 {
		t.Errorf("mid-upload: %d of %d bytes, bar %v; want 4 of 10, 0.4", done, of, tot.Fraction())
	}
	q.Cancel()
	if sum := <-rec.ended; !errors.Is(sum.Err, uploader.ErrCancelled) {
		t.Fatalf("summary %+v", sum)
	}
	tot = q.Totals()
	if done, of := tot.Files(); done != 0 || of != 0 || tot.Fraction() != 0 || tot.InFlight != 0 {
		t.Errorf("after cancelling everything: %d of %d files, bar %v, in flight %d; want 0 of 0 and no bar", done, of, tot.Fraction(), tot.InFlight)
	}
}

// A finished upload followed by a new file: 1 of 2 files and the bar agree.
func TestTotalsAfterANewFileJoins(t *testing.T) {
	dir := tree(t, map[string]string{"a/one.jpg": "1234", "b/two.jpg": "1234"})
	q := New(Config{Uploader: &fakeEngine{}})
	rec := newRecorder(q)
	q.Add([]string{filepath.Join(dir, "a")})
	if err := q.Start(Target{}); err != nil {
		t.Fatal(err)
	}
	<-rec.ended
	q.Add([]string{filepath.Join(dir, "b")})
	tot := q.Totals()
	if done, of := tot.Files(); done != 1 || of != 2 || tot.Fraction() != 0.5 {
		t.Errorf("%d of %d files, bar %v; want 1 of 2 and 0.5", done, of, tot.Fraction())
	}
}
