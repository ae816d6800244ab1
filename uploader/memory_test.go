package uploader

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
	"time"
)

// A 1 GiB file goes through with flat memory: the body is streamed, never buffered.
func TestUploadLargeFileMemoryStaysFlat(t *testing.T) {
	const size = 1 << 30
	dir := t.TempDir()
	p := filepath.Join(dir, "huge.tif")
	if err := os.Truncate(createFile(t, p), size); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	var got atomic.Int64
	sink := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n, _ := io.Copy(io.Discard, r.Body)
		got.Add(n)
		io.WriteString(w, `<uploadPostReturn xmlns="http://www.scene7.com/IpsApi/xsd/2014-04-03"><jobHandle>j|1||sink|1</jobHandle></uploadPostReturn>`)
	}))
	defer sink.Close()
	req := Request{
		Conn: Conn{
			Endpoint:    Endpoint{Service: Scene7, UploadURL: sink.URL + Scene7UploadPath},
			Credentials: Credentials{User: "u", Password: "p"}, Company: "c|1",
		},
		Options: DefaultOptions(),
		Items:   []Item{{Path: p, Rel: "huge.tif", Size: size}},
	}
	events := 0
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	res, err := fastClient().Upload(context.Background(), req, func(Event) { events++ })
	runtime.ReadMemStats(&after)
	if err != nil || res.Count(StateDone) != 1 {
		t.Fatalf("err %v, %+v", err, res.Files)
	}
	if got.Load() <= size {
		t.Fatalf("the sink read %d bytes, want the file and the parts around it", got.Load())
	}
	const limit = 32 << 20
	if grew := after.TotalAlloc - before.TotalAlloc; grew > limit {
		t.Errorf("allocated %d MiB to send 1 GiB, want under %d MiB", grew>>20, limit>>20)
	}
	if after.HeapInuse > before.HeapInuse+limit {
		t.Errorf("heap in use grew from %d to %d MiB", before.HeapInuse>>20, after.HeapInuse>>20)
	}
}

// BenchmarkUploadConcurrency sends 200 files of 64 KiB, 8 per POST, to a loopback sink that
// takes 5 ms to answer (a distant server), at several concurrency levels.
func BenchmarkUploadConcurrency(b *testing.B) {
	dir := b.TempDir()
	var items []Item
	for i := range 200 {
		p := filepath.Join(dir, fmt.Sprintf("img-%03d.jpg", i))
		if err := os.WriteFile(p, make([]byte, 64<<10), 0o644); err != nil {
			b.Fatal(err)
		}
		items = append(items, Item{Path: p, Rel: filepath.Base(p), Size: 64 << 10})
	}
	sink := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		time.Sleep(5 * time.Millisecond)
		io.WriteString(w, `<uploadPostReturn><jobHandle>j|1||sink|1</jobHandle></uploadPostReturn>`)
	}))
	defer sink.Close()
	for _, n := range []int{1, 2, 4, 8} {
		b.Run(fmt.Sprintf("concurrency-%d", n), func(b *testing.B) {
			c := NewClient(func(c *Client) { c.Concurrency, c.BatchFiles = n, 8 })
			req := Request{
				Conn: Conn{
					Endpoint:    Endpoint{Service: Scene7, UploadURL: sink.URL + Scene7UploadPath},
					Credentials: Credentials{User: "u", Password: "p"}, Company: "c|1",
				},
				Options: DefaultOptions(), Items: items,
			}
			b.SetBytes(int64(len(items)) * 64 << 10)
			b.ReportAllocs()
			for b.Loop() {
				if res, err := c.Upload(context.Background(), req, nil); err != nil || res.Count(StateDone) != len(items) {
					b.Fatal(err)
				}
			}
		})
	}
}
