package uploader

import (
	"cmp"
	"fmt"
	"slices"
	"testing"
)

// campaignItems is bench/run.sh's campaign folder: 10 × 8 MiB masters, 190 × 512 KiB web
// images, 1,800 × 16 KiB thumbnails, in three folders.
func campaignItems() []Item {
	var items []Item
	add := func(n int, dir string, size int64) {
		for i := range n {
			items = append(items, Item{Rel: fmt.Sprintf("%s/f%04d.jpg", dir, i), Size: size})
		}
	}
	add(10, "print", 8<<20)
	add(190, "web", 512<<10)
	add(1800, "thumbs", 16<<10)
	return items
}

// postsInOrder is the POSTs of an upload whose job opens at its first POST, conns of them
// at once after it: the order job.go sends bs in.
func postsInOrder(bs []*batch, items []Item, conns int) []*batch {
	open, rest := openingPost(orderBatches(bs), items)
	return append([]*batch{open}, shrinkTail(rest, items, conns)...)
}

func TestOrderBatchesShrinksTheTail(t *testing.T) {
	mib := int64(1 << 20)
	cases := []struct {
		name  string
		items []Item
		conns int
	}{
		{"campaign folder, 8 connections", campaignItems(), 8},
		{"campaign folder, 1 connection", campaignItems(), 1},
		{"2,000 × 64 KiB", slices.Repeat([]Item{{Rel: "c/a.jpg", Size: 64 << 10}}, 2000), 8},
		{"no connections counted", slices.Repeat([]Item{{Rel: "c/a.jpg", Size: 64 << 10}}, 300), 0},
		{"one large file", []Item{{Rel: "film.mov", Size: 2 << 30}}, 8},
		// The folder's first file is large: the small ones still open the job.
		{"a large file first", append([]Item{{Rel: "c/a.jpg", Size: 2 << 20}}, slices.Repeat([]Item{{Rel: "c/b.jpg", Size: 100 << 10}}, 100)...), 8},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			planned := planBatches(c.items, "dest", DefaultBatchFiles, DefaultBatchBytes)
			bs := postsInOrder(planned, c.items, c.conns)
			// Every file exactly once, in its own folder's batch.
			seen := make([]int, len(c.items))
			for _, b := range bs {
				var sum, largest int64
				for _, i := range b.items {
					seen[i]++
					sum += c.items[i].Size
					largest = max(largest, c.items[i].Size)
					if d := destFor("dest", c.items[i].Rel); d != b.dest {
						t.Fatalf("%s in a batch for %s", c.items[i].Rel, b.dest)
					}
				}
				if sum != b.bytes || len(b.items) > DefaultBatchFiles || (len(b.items) > 1 && sum > DefaultBatchBytes) {
					t.Fatalf("batch %v: %d bytes counted %d, %d files", b.items, sum, b.bytes, len(b.items))
				}
			}
			for i, n := range seen {
				if n != 1 {
					t.Fatalf("%s is in %d batches", c.items[i].Rel, n)
				}
			}
			// The first is within firstPostBytes, or the smallest file alone; after it,
			// each batch of several files is at most the bytes from it on ÷ (2 ×
			// connections), or the 1 MiB floor.
			smallest := slices.MinFunc(c.items, func(a, b Item) int { return cmp.Compare(a.Size, b.Size) }).Size
			if bs[0].bytes > max(firstPostBytes, smallest) {
				t.Fatalf("the first POST carries %d bytes, the smallest file %d", bs[0].bytes, smallest)
			}
			var rest int64
			for _, b := range bs[1:] {
				rest += b.bytes
			}
			for k, b := range bs[1:] {
				if limit := max(mib, rest/int64(2*max(c.conns, 1))); len(b.items) > 1 && b.bytes > limit {
					t.Errorf("POST %d: %d bytes with %d to send from it on, want at most %d", k+1, b.bytes, rest, limit)
				}
				rest -= b.bytes
			}
			if rest != 0 {
				t.Fatalf("%d bytes left over", rest)
			}
			if len(bs[0].items) > 1 && bs[0].bytes > firstPostBytes {
				t.Errorf("the first POST carries %d files, %d bytes", len(bs[0].items), bs[0].bytes)
			}
			// The upload ends on small POSTs: no connection is left with a large one.
			if last := bs[len(bs)-1]; len(bs) > 2 && len(last.items) > 1 && last.bytes > mib {
				t.Errorf("the last POST carries %d bytes", last.bytes)
			}
			t.Logf("%d POSTs planned, %d sent", len(planned), len(bs))
		})
	}
	// The campaign's 8 MiB masters go right after the first POST: they cannot be split.
	bs := postsInOrder(planBatches(campaignItems(), "", DefaultBatchFiles, DefaultBatchBytes), campaignItems(), 8)
	for k := 1; k <= 10; k++ {
		if bs[k].bytes != 8<<20 || len(bs[k].items) != 1 {
			t.Fatalf("POST %d carries %d files, %d bytes: want the masters first", k, len(bs[k].items), bs[k].bytes)
		}
	}
}
