package uploader

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"path"
	"slices"
	"testing"
)

// Any folder, any limits, any number of connections: every file is planned exactly once,
// in its own folder's POST; a POST keeps within the file and byte limits (one file may be
// larger); a name that must travel in uploadPostParam/fileName goes alone and named; the
// first POST is small. 3,000 random plans from a fixed seed.
func TestPlanHoldsItsRulesForAnyFolder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	dirs := []string{"a", "b/c", "é", "", "d"}
	names := []string{"x.jpg", "日本.jpg", "q\"u.jpg", "plain.tif"}
	sizes := []int64{0, 1, 16 << 10, 200 << 10, 300 << 10, 512 << 10, 1 << 20, 3 << 20, 8 << 20, 17 << 20}
	for round := range 3000 {
		n := rng.IntN(400) + 1
		items := make([]Item, n)
		for i := range items {
			d := dirs[rng.IntN(len(dirs))]
			rel := fmt.Sprintf("%d-%s", i, names[rng.IntN(len(names))])
			if d != "" {
				rel = d + "/" + rel
			}
			items[i] = Item{Rel: rel, Size: sizes[rng.IntN(len(sizes))]}
		}
		maxFiles := []int{1, 3, 256}[rng.IntN(3)]
		maxBytes := []int64{1, 1 << 20, 16 << 20}[rng.IntN(3)]
		conns := rng.IntN(33)
		bs := postsInOrder(planBatches(items, "dest", maxFiles, maxBytes), items, conns)
		seen := make([]int, n)
		for bi, b := range bs {
			if len(b.items) == 0 {
				t.Fatalf("round %d: empty batch %d", round, bi)
			}
			var sum int64
			for _, i := range b.items {
				seen[i]++
				sum += items[i].Size
				if destFor("dest", items[i].Rel) != b.dest {
					t.Fatalf("round %d: item %q in batch for %q", round, items[i].Rel, b.dest)
				}
				if needsFileName(path.Base(items[i].Rel)) && (len(b.items) != 1 || !b.named) {
					t.Fatalf("round %d: non-ASCII %q not alone+named (%d files, named %v)", round, items[i].Rel, len(b.items), b.named)
				}
			}
			if sum != b.bytes {
				t.Fatalf("round %d: batch %d bytes %d, files sum %d", round, bi, b.bytes, sum)
			}
			if len(b.items) > maxFiles {
				t.Fatalf("round %d: batch %d has %d files > %d", round, bi, len(b.items), maxFiles)
			}
			if len(b.items) > 1 && b.bytes > maxBytes {
				t.Fatalf("round %d: batch %d %d bytes > %d", round, bi, b.bytes, maxBytes)
			}
		}
		for i, c := range seen {
			if c != 1 {
				t.Fatalf("round %d: item %d planned %d times", round, i, c)
			}
		}
		// The opening POST holds the smallest file, and no more than firstPostBytes
		// unless that file alone is larger.
		smallest := slices.MinFunc(items, func(a, b Item) int { return cmp.Compare(a.Size, b.Size) }).Size
		f := bs[0]
		if f.bytes > max(firstPostBytes, smallest) || !slices.ContainsFunc(f.items, func(i int) bool { return items[i].Size == smallest }) {
			t.Fatalf("round %d: first POST %d files %d bytes; the smallest file %d bytes", round, len(f.items), f.bytes, smallest)
		}
	}
}
