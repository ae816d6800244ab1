package session

import (
	"testing"
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
