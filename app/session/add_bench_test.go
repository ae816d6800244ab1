package session

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkAddOneFile is one file dropped onto a queue of n rows, a file that becomes the
// same Scene7 asset as a row already listed, so that an old row's warning changes too.
// The cost per Add should not grow with n (names.go): compare the sub-benchmarks.
func BenchmarkAddOneFile(b *testing.B) {
	for _, n := range []int{1_000, 10_000, 100_000} {
		b.Run(fmt.Sprintf("rows=%d", n), func(b *testing.B) { benchmarkAdd(b, n) })
	}
}

func benchmarkAdd(b *testing.B, n int) {
	const pool = 256 // files dropped one by one, then taken off again (untimed)
	dir := b.TempDir()
	paths := make([]string, pool)
	for i := range paths {
		paths[i] = filepath.Join(dir, fmt.Sprintf("img%06d.png", i*(n/pool)))
		if err := os.WriteFile(paths[i], []byte("x"), 0o600); err != nil {
			b.Fatal(err)
		}
	}
	snap := Snapshot{Rows: make([]Saved, n)}
	for i := range snap.Rows {
		rel := fmt.Sprintf("c/img%06d.jpg", i)
		snap.Rows[i] = Saved{Path: "/queue/" + rel, Rel: rel, Size: 1, State: Queued}
	}
	q := New(Config{Uploader: &fakeEngine{}})
	q.Restore(snap)
	added := make([]int, 0, pool)
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		if len(added) == pool {
			b.StopTimer()
			if err := q.Remove(added); err != nil {
				b.Fatal(err)
			}
			added = added[:0]
			b.StartTimer()
		}
		if a, _ := q.Add([]string{paths[i%pool]}); a != 1 {
			b.Fatalf("Add queued %d files, want 1", a)
		}
		added = append(added, n+len(added))
	}
}
