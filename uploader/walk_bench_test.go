package uploader

import (
	"fmt"
	"testing"

	"hoist/internal/cputime"
	"hoist/internal/testfs"
)

// BenchmarkWalkHundredThousandFiles walks issue 16's large drop (100,000 files in 200
// folders, the tree of ui's BenchmarkQueueHundredThousandFiles) without the queue around
// it: what is left is the walk's own system calls and bookkeeping. cpu-ms/op is the
// process's CPU time per walk (every thread: the walk opens files on several).
func BenchmarkWalkHundredThousandFiles(b *testing.B) {
	const n = 100000
	tree := make(map[string]string, n)
	for i := range n {
		tree[fmt.Sprintf("Campaign/%03d/asset-%06d.jpg", i%200, i)] = "x"
	}
	dir := testfs.Tree(b, tree)
	b.ReportAllocs()
	cpu0 := cputime.Process()
	for b.Loop() {
		if items, skipped := Walk([]string{dir + "/Campaign"}); len(items) != n || len(skipped) != 0 {
			b.Fatalf("%d items, %d skipped", len(items), len(skipped))
		}
	}
	b.ReportMetric(float64((cputime.Process()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
}
