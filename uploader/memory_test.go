package uploader

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"sync/atomic"
	"testing"
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
		Endpoint:    Endpoint{Service: Scene7, UploadURL: sink.URL + Scene7UploadPath},
		Credentials: Credentials{User: "u", Password: "p"}, Company: "c|1", Options: DefaultOptions(),
		Items: []Item{{Path: p, Rel: "huge.tif", Size: size}},
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
