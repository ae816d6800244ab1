package uploader_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hoist/internal/testfs"
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

// The limit starts where the first answer's wait says: four POSTs at once for a server
// that answers at once (the sandbox on loopback), twelve for one that answers later than
// the client's near wait (adaptive.go startLimit). A 103 Early Hints sent at once, before
// a late answer, does not make a far server look near. Both then adapt.
func TestE2EAdaptiveStartsWhereTheFirstAnswerSays(t *testing.T) {
	hintThenWait := func(b *box) {
		b.onPost(func(_ int, w http.ResponseWriter, r *http.Request) bool {
			body, err := io.ReadAll(r.Body)
			if err != nil {
				t.Error(err)
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
			w.Header().Set("Link", "</hint.css>; rel=preload")
			w.WriteHeader(http.StatusEarlyHints)
			time.Sleep(20 * time.Millisecond)
			return false
		})
	}
	for _, c := range []struct {
		name   string
		server func(*box)
		near   time.Duration // the client's: a busy test machine's loopback still counts as near
		start  int
	}{
		{"near", func(*box) {}, time.Second, 4},
		{"far", func(b *box) { answerAfter(b, 20*time.Millisecond) }, 10 * time.Millisecond, 12},
		{"far after an early hint", hintThenWait, 10 * time.Millisecond, 12},
	} {
		for _, service := range []string{"Dr.Sum", "Scene7"} {
			t.Run(c.name+"/"+service, func(t *testing.T) {
				b := startBox(t, 0)
				c.server(b)
				items := manyFiles(t, 40, func(i int) string { return fmt.Sprintf("img-%03d.jpg", i) })
				req := b.drsumRequest(t, items, false)
				if service == "Scene7" {
					req = b.scene7Request(t, items)
				}
				res, err := testClient(uploader.NearWait(c.near)).Upload(context.Background(), req, nil)
				if err != nil || res.Count(uploader.StateDone) != len(items) {
					t.Fatalf("err %v, %d of %d done", err, res.Count(uploader.StateDone), len(items))
				}
				if res.Concurrency[0] != c.start {
					t.Errorf("concurrency %v: want a start at %d", res.Concurrency, c.start)
				}
			})
		}
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
	for _, run := range []struct {
		name string
		conc int
		near time.Duration // the client's near wait: 0 is never near, a second always
	}{{"one at a time", 1, 0}, {"far", uploader.DefaultConcurrency, 0}, {"near", uploader.DefaultConcurrency, time.Second}} {
		conc := run.conc
		t.Run(run.name, func(t *testing.T) {
			b := startBox(t, 0)
			c := testClient(uploader.NearWait(run.near), func(c *uploader.Client) { c.Concurrency, c.BatchFiles = conc, uploader.DefaultBatchFiles })
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
			// The smallest files open the job: two web images, not a master.
			if sum(posts[0]) > 256<<10 {
				t.Errorf("first POST %v: more than 256 KiB", posts[0])
			}
			if last := posts[len(posts)-1]; len(last) > 1 && sum(last) > 1<<20 {
				t.Errorf("last POST: %d bytes (posts %v)", sum(last), posts)
			}
			if conc > 1 {
				// After the first, a POST of several files is at most what is left ÷
				// (2 × the start), or the 1 MiB floor. Far, at 12, 9.25 MiB ÷ 24 is below
				// the floor: every POST of web images is at most 1 MiB (one POST of 5 MiB
				// before). Near, at 4, the first are up to ~1.2 MiB (fewer, larger POSTs).
				start, left := 12, -sum(posts[0])
				if run.near > 0 {
					start = 4
				}
				for _, p := range posts {
					left += sum(p)
				}
				limit := max(1<<20, left/(2*start))
				if res.Concurrency[0] != start {
					t.Errorf("concurrency %v: want a start at %d", res.Concurrency, start)
				}
				for _, p := range posts[1:] {
					if len(p) > 1 && sum(p) > limit {
						t.Errorf("POST of %d files, %d bytes: want at most %d (posts %v)", len(p), sum(p), limit, posts)
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

// Dr.Sum's first file, sent alone, is the smallest: its answer's wait is not a large
// file's storing (adaptive.go startLimit), and a wrong password costs a small request.
// The others keep their order.
func TestE2EDrSumSendsTheSmallestFileFirst(t *testing.T) {
	b := startBox(t, 0)
	dir := testfs.Tree(t, map[string]string{
		"a.jpg": strings.Repeat("a", 300<<10),
		"b.jpg": strings.Repeat("b", 200<<10),
		"c.jpg": "c",
		"d.jpg": strings.Repeat("d", 100<<10),
	})
	items, _ := uploader.Walk([]string{dir})
	res, err := testClient(func(c *uploader.Client) { c.Concurrency = 1 }).Upload(context.Background(), b.drsumRequest(t, items, false), nil)
	if err != nil || res.Count(uploader.StateDone) != len(items) {
		t.Fatalf("err %v, %d of %d done", err, res.Count(uploader.StateDone), len(items))
	}
	var order []string
	for _, rq := range b.Requests() {
		for _, f := range rq.Files {
			order = append(order, f.FileName)
		}
	}
	if got := strings.Join(order, " "); got != "c.jpg a.jpg b.jpg d.jpg" {
		t.Errorf("files in the order %s, want c.jpg first, then the others in order", got)
	}
}
