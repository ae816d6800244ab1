package uploader_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"testing"
	"time"

	"hoist/sandbox"
	"hoist/uploader"
)

// manyFiles writes n small files of distinct content named by name(i) under one folder.
func manyFiles(t *testing.T, n int, name func(int) string) []uploader.Item {
	t.Helper()
	root := filepath.Join(t.TempDir(), "campaign")
	if err := os.MkdirAll(root, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		body := bytes.Repeat([]byte(fmt.Sprintf("file %d ", i)), 100+i)
		if err := os.WriteFile(filepath.Join(root, name(i)), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	items, _ := uploader.Walk([]string{root})
	if len(items) != n {
		t.Fatalf("walked %d files, want %d", len(items), n)
	}
	return items
}

// halved reports whether the limit was halved at some point (a push back; a step up that
// did not pay goes back by less than half).
func halved(limits []int) bool {
	for i := 1; i < len(limits); i++ {
		if limits[i] == max(1, limits[i-1]/2) && limits[i] < limits[i-1] {
			return true
		}
	}
	return false
}

// A server answering 503 to every 5th POST: every file still arrives byte for byte, and
// the upload slowed down (its concurrency went down) rather than pressing on.
func TestE2EAdaptiveBacksOffOn503(t *testing.T) {
	t.Run("Dr.Sum", func(t *testing.T) {
		b := startBox(t, 0)
		b.SetFaults(sandbox.Faults{Busy503Every: 5})
		answerAfter(b, 10*time.Millisecond) // far: the upload starts at 12 (adaptive.go startLimit)
		items := manyFiles(t, 120, func(i int) string { return fmt.Sprintf("img-%03d.jpg", i) })
		res, err := testClient().Upload(context.Background(), b.drsumRequest(t, items, false), nil)
		if err != nil || res.Count(uploader.StateDone) != len(items) {
			t.Fatalf("err %v, %d of %d done", err, res.Count(uploader.StateDone), len(items))
		}
		for _, it := range items {
			want, _ := os.ReadFile(it.Path)
			dir := sandbox.DrSumRoot + "/campaign/" + path.Dir(it.Rel)
			if got, err := os.ReadFile(b.DrSumFile(dir, path.Base(it.Rel))); err != nil || !bytes.Equal(got, want) {
				t.Errorf("%s: not in the sandbox byte for byte (%v)", it.Rel, err)
			}
		}
		if !halved(res.Concurrency) || res.Concurrency[0] != 12 {
			t.Errorf("concurrency %v: want a start at 12 and a step down after the 503s", res.Concurrency)
		}
	})
	t.Run("Scene7 Japanese names", func(t *testing.T) {
		b := startBox(t, 0)
		b.SetFaults(sandbox.Faults{Busy503Every: 5})
		// Non-ASCII names go one per POST, their name in uploadPostParam/fileName.
		items := manyFiles(t, 60, func(i int) string { return fmt.Sprintf("商品画像%03d.jpg", i) })
		res, err := testClient().Upload(context.Background(), b.scene7Request(t, items), nil)
		if err != nil || res.Count(uploader.StateDone) != len(items) {
			t.Fatalf("err %v, %d of %d done", err, res.Count(uploader.StateDone), len(items))
		}
		b.checkScene7(t, items, res, 1)
		if !halved(res.Concurrency) {
			t.Errorf("concurrency %v: want a step down after the 503s", res.Concurrency)
		}
		var named int
		for _, rq := range b.Requests() {
			if rq.Fault == "" && len(rq.Files) == 1 {
				named++
			}
		}
		if named < len(items) {
			t.Errorf("%d single-file POSTs for %d Japanese names: each must go alone", named, len(items))
		}
	})
	t.Run("a ceiling of 1 stays 1", func(t *testing.T) {
		b := startBox(t, 0)
		b.SetFaults(sandbox.Faults{Busy503Every: 5})
		items := manyFiles(t, 30, func(i int) string { return fmt.Sprintf("img-%03d.jpg", i) })
		c := testClient(func(c *uploader.Client) { c.Concurrency = 1 })
		res, err := c.Upload(context.Background(), b.drsumRequest(t, items, false), nil)
		if err != nil || res.Count(uploader.StateDone) != len(items) {
			t.Fatalf("err %v, %d of %d done", err, res.Count(uploader.StateDone), len(items))
		}
		for _, l := range res.Concurrency {
			if l != 1 {
				t.Fatalf("concurrency %v passed the ceiling 1", res.Concurrency)
			}
		}
	})
}

// answerAfter makes the box wait before it reads each upload POST: a server that far away,
// or that slow to answer.
func answerAfter(b *box, wait time.Duration) {
	b.onPost(func(int, http.ResponseWriter, *http.Request) bool {
		time.Sleep(wait)
		return false
	})
}

// The limit starts where the first answer's wait says: two POSTs at once for a server
// that answers at once (the sandbox on loopback), twelve for one that answers after more
// than a wide-area round trip's worth (adaptive.go startLimit). Both then adapt.
func TestE2EAdaptiveStartsWhereTheFirstAnswerSays(t *testing.T) {
	for _, c := range []struct {
		name  string
		wait  time.Duration
		start int
	}{{"near", 0, 2}, {"far", 20 * time.Millisecond, 12}} {
		t.Run(c.name+"/Dr.Sum", func(t *testing.T) {
			b := startBox(t, 0)
			answerAfter(b, c.wait)
			if c.wait == 0 {
				uploader.NearWaitForTest(t, time.Second) // a busy machine still counts as near
			}
			items := manyFiles(t, 40, func(i int) string { return fmt.Sprintf("img-%03d.jpg", i) })
			res, err := testClient().Upload(context.Background(), b.drsumRequest(t, items, false), nil)
			if err != nil || res.Count(uploader.StateDone) != len(items) {
				t.Fatalf("err %v, %d of %d done", err, res.Count(uploader.StateDone), len(items))
			}
			if res.Concurrency[0] != c.start {
				t.Errorf("concurrency %v: want a start at %d", res.Concurrency, c.start)
			}
		})
		t.Run(c.name+"/Scene7", func(t *testing.T) {
			b := startBox(t, 0)
			answerAfter(b, c.wait)
			if c.wait == 0 {
				uploader.NearWaitForTest(t, time.Second)
			}
			items := manyFiles(t, 40, func(i int) string { return fmt.Sprintf("img-%03d.jpg", i) })
			res, err := testClient().Upload(context.Background(), b.scene7Request(t, items), nil)
			if err != nil || res.Count(uploader.StateDone) != len(items) {
				t.Fatalf("err %v, %d of %d done", err, res.Count(uploader.StateDone), len(items))
			}
			b.checkScene7(t, items, res, 1)
			if res.Concurrency[0] != c.start {
				t.Errorf("concurrency %v: want a start at %d", res.Concurrency, c.start)
			}
		})
	}
}

// A folder of large and small files goes in POSTs that shrink toward the end (the plan of
// transfer.go orderBatches, openingPost, shrinkTail): a first POST of at most 256 KiB, the large files before the
// small, POSTs of several files ever smaller and at most 1 MiB at the end, and every file
// arrives byte for byte in one job.
func TestE2EScene7PostsShrinkTowardTheEnd(t *testing.T) {
	root := filepath.Join(t.TempDir(), "campaign")
	for i := range 43 {
		dir, size := filepath.Join(root, "web"), 128<<10 // web images
		if i < 3 {
			dir, size = filepath.Join(root, "print"), 1536<<10 // masters
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		body := bytes.Repeat([]byte(fmt.Sprintf("%04d", i)), size/4)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%02d.jpg", i)), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	items, _ := uploader.Walk([]string{root})
	sum := func(p []int) (s int) {
		for _, n := range p {
			s += n
		}
		return s
	}
	for _, conc := range []int{1, uploader.DefaultConcurrency} {
		t.Run(fmt.Sprintf("concurrency %d", conc), func(t *testing.T) {
			b := startBox(t, 0)
			c := testClient(func(c *uploader.Client) { c.Concurrency, c.BatchFiles = conc, uploader.DefaultBatchFiles })
			res, err := c.Upload(context.Background(), b.scene7Request(t, items), nil)
			if err != nil {
				t.Fatal(err)
			}
			b.checkScene7(t, items, res, 1)
			var posts [][]int // the sizes of each POST's files, in the order the server took them
			for _, rq := range b.Requests() {
				if rq.Path != uploader.Scene7UploadPath || rq.Fault != "" || len(rq.Files) == 0 {
					continue
				}
				var p []int
				for _, f := range rq.Files {
					p = append(p, int(f.Size))
				}
				posts = append(posts, p)
			}
			if len(posts[0]) > 1 && sum(posts[0]) > 256<<10 {
				t.Errorf("first POST %v: more than 256 KiB", posts[0])
			}
			if last := posts[len(posts)-1]; len(last) > 1 && sum(last) > 1<<20 {
				t.Errorf("last POST: %d bytes (posts %v)", sum(last), posts)
			}
			if conc > 1 {
				// At 12 connections 8.5 MiB ÷ 24 is below the 1 MiB floor: every POST
				// of web images is at most 1 MiB (one POST of 5 MiB before).
				for _, p := range posts[1:] {
					if len(p) > 1 && sum(p) > 1<<20 {
						t.Errorf("POST of %d files, %d bytes: want at most 1 MiB (posts %v)", len(p), sum(p), posts)
					}
				}
				return
			}
			// One at a time, the server takes them in the plan's order: the masters
			// first (one batch of 4.5 MiB: at one connection half of what is left may
			// go in one POST), then POSTs of web images that never grow.
			for _, n := range posts[1] {
				if n != 1536<<10 {
					t.Fatalf("POST 1 %v: want the masters right after the first (posts %v)", posts[1], posts)
				}
			}
			for k := 3; k < len(posts); k++ {
				if sum(posts[k]) > sum(posts[k-1]) {
					t.Errorf("POST %d (%d bytes) is larger than the one before (posts %v)", k, sum(posts[k]), posts)
				}
			}
			if len(posts) < 1+1+3 {
				t.Errorf("%d POSTs: want the web images in several", len(posts))
			}
		})
	}
}
