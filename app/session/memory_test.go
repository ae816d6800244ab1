package session

import (
	"path/filepath"
	"slices"
	"testing"
	"testing/synctest"
	"time"
	"unsafe"
)

// A row stays in the 256-byte size class: 100,000 dropped files are 100,000 rows, and
// each 32 bytes more is 3 MB more for the window (bench/README.md, the real window).
func TestARowFitsIn256Bytes(t *testing.T) {
	if n := unsafe.Sizeof(Row{}); n > 256 {
		t.Fatalf("a Row is %d bytes; 100,000 of them take %d MB more than at 256", n, (int(n)-256)*100000/1e6)
	}
}

func TestARowKeepsItsRelativePathInsideItsPath(t *testing.T) {
	cases := []struct{ path, rel, want string }{
		{"/data/Campaign/img/a.jpg", "Campaign/img/a.jpg", "Campaign/img/a.jpg"},
		{`C:\data\Campaign\img\a.jpg`, "Campaign/img/a.jpg", "Campaign/img/a.jpg"}, // \ is not /
		{"/data/a.jpg", "b.jpg", "b.jpg"},
	}
	for _, c := range cases {
		got := tailOf(c.path, c.rel)
		if got != c.want {
			t.Errorf("tailOf(%q, %q) = %q, want %q", c.path, c.rel, got, c.want)
		}
		shared := len(got) > 0 && unsafe.StringData(got) == unsafe.StringData(c.path[len(c.path)-len(got):])
		if suffix := len(c.path) >= len(c.rel) && c.path[len(c.path)-len(c.rel):] == c.rel; shared != suffix {
			t.Errorf("tailOf(%q, %q) shares the path's memory: %v, want %v", c.path, c.rel, shared, suffix)
		}
	}
}

// After the queue grew by bigGrowth rows, the next timed save first gives memory back,
// once; growth counts again from there.
func TestATimedSaveReleasesMemoryOnceAfterABigDrop(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		dir := tree(t, map[string]string{"a.jpg": "1", "b.jpg": "2", "c.jpg": "3", "d.jpg": "4", "e.jpg": "5", "f.jpg": "6"})
		store := &memStore{}
		q := New(Config{Uploader: &fakeEngine{}, Store: store})
		var releases []int // the saves done before each release
		q.bigGrowth = 3
		q.release = func() { n, _ := store.get(); releases = append(releases, n) }
		save := func(names ...string) {
			t.Helper()
			for _, n := range names {
				q.Add([]string{filepath.Join(dir, n)})
			}
			time.Sleep(DefaultSaveDelay)
			synctest.Wait()
		}
		save("a.jpg", "b.jpg", "c.jpg") // grew by 3
		save("d.jpg")                   // by 1 since
		save("e.jpg")                   // by 2 since
		if want := []int{0}; !slices.Equal(releases, want) {
			t.Fatalf("released before saves %v, want %v (before the first save only)", releases, want)
		}
		save("f.jpg") // by 3 since
		if want := []int{0, 3}; !slices.Equal(releases, want) {
			t.Fatalf("released before saves %v, want %v", releases, want)
		}
		if n, _ := store.get(); n != 4 {
			t.Fatalf("%d saves, want 4", n)
		}
	})
}
