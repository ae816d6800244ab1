package uploader

import (
	"bytes"
	"context"
	"crypto/rand"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"hoist/sandbox"
)

// The limit bounds the bytes of concurrent readers together, measured on the fake clock,
// and a limit changed in the middle applies to what is still to come.
func TestBandwidthBoundsConcurrentReaders(t *testing.T) {
	const limit = 1 << 20 // 1 MiB/s
	for _, tt := range []struct {
		name    string
		change  time.Duration // when the limit doubles; 0 = never
		want    time.Duration // 4 MiB at 1 MiB/s; or 2 s at 1 MiB/s then 2 MiB at 2 MiB/s
		readers int
		// slack: the charges already queued when the limit changes keep the old rate
		// (8 readers × 16 KiB at 1 MiB/s).
		slack time.Duration
	}{
		{"one reader", 0, 4 * time.Second, 1, 0},
		{"eight readers share it", 0, 4 * time.Second, 8, 0},
		{"doubled after 2 s", 2 * time.Second, 3 * time.Second, 8, 125 * time.Millisecond},
	} {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				b := NewBandwidth(limit)
				if tt.change > 0 {
					time.AfterFunc(tt.change, func() { b.SetLimit(2 * limit) })
				}
				start := time.Now()
				var wg sync.WaitGroup
				per := 4 << 20 / tt.readers
				for range tt.readers {
					wg.Go(func() {
						for sent := 0; sent < per; sent += 16 << 10 {
							if err := b.take(t.Context(), 16<<10); err != nil {
								t.Error(err)
								return
							}
						}
					})
				}
				wg.Wait()
				elapsed := time.Since(start)
				// The burst lets the first 100 ms worth go at once; nothing else is faster.
				if elapsed < tt.want-bandwidthBurst || elapsed > tt.want+tt.slack {
					t.Errorf("4 MiB took %v, want %v (within the %v burst)", elapsed, tt.want, bandwidthBurst)
				}
			})
		})
	}
}

func TestBandwidthWaitEndsWithItsContext(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := NewBandwidth(1 << 10)
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		if err := b.take(ctx, 1<<20); err == nil {
			t.Fatal("a 1 MiB charge at 1 KiB/s returned before its context ended")
		}
		b.SetLimit(0)
		if err := b.take(t.Context(), 1<<30); err != nil || b.Limit() != 0 {
			t.Fatalf("no limit: %v, limit %d", err, b.Limit())
		}
	})
}

// A limited Dr.Sum upload of three 1 MiB files, all POSTs at once: it takes the time the
// limit says, the job's speed in the progress events is the limit, every byte lands.
func TestBandwidthLimitedUploadIsTruthful(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const limit = 512 << 10
		s, err := sandbox.New(sandbox.Config{Dir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		dir := t.TempDir()
		var want [][]byte
		for _, name := range []string{"a.bin", "b.bin", "c.bin"} {
			data := make([]byte, 1<<20)
			rand.Read(data)
			want = append(want, data)
			if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		items, _ := Walk([]string{dir})
		c := NewClient(func(c *Client) {
			c.HTTP = &http.Client{Transport: handlerTransport{s}}
			c.Bandwidth.SetLimit(limit)
		})
		ep, err := CustomEndpoint(DrSum, "http://127.0.0.1:9"+DrSumUploadPath, "", false)
		if err != nil {
			t.Fatal(err)
		}
		req := Request{Conn: Conn{Endpoint: ep, Credentials: Credentials{User: sandbox.DrSumUser, Password: sandbox.DrSumPassword}},
			DestFolder: sandbox.DrSumRoot + "/bw", Items: items}
		var speeds []float64
		start := time.Now()
		res, err := c.Upload(t.Context(), req, func(ev Event) {
			if ev.Kind == FileProgress && ev.JobSpeed > 0 {
				speeds = append(speeds, ev.JobSpeed)
			}
		})
		elapsed := time.Since(start)
		if err != nil || res.Count(StateDone) != 3 {
			t.Fatalf("err %v, files %+v", err, res.Files)
		}
		if min := 3 * time.Second * 2; elapsed < min-bandwidthBurst || elapsed > min+time.Second {
			t.Errorf("3 MiB at 512 KiB/s took %v, want about 6s", elapsed)
		}
		if len(speeds) == 0 {
			t.Fatal("no speed reported")
		}
		for _, sp := range speeds {
			if sp < 0.8*limit || sp > 1.03*limit {
				t.Errorf("job speed %.0f B/s reported, the limit is %d", sp, limit)
			}
		}
		for i, it := range items {
			got, err := os.ReadFile(s.DrSumFile(destFor(sandbox.DrSumRoot+"/bw", it.Rel), path.Base(it.Rel)))
			if err != nil || !bytes.Equal(got, want[i]) {
				t.Errorf("%s: not stored byte for byte (%v)", it.Rel, err)
			}
		}
	})
}

func TestParseRate(t *testing.T) {
	for in, want := range map[string]int64{"": 0, "off": 0, "0": 0, "20M": 20 << 20, "500k": 500 << 10, "1.5M": 3 << 19,
		"2G": 2 << 30, "4096": 4096, "10MB": 10 << 20, "64KiB/s": -1, "64kB/s": 64 << 10, "fast": -1, "-1M": -1, "100": -1} {
		got, err := ParseRate(in)
		if (err != nil) != (want < 0) || (want >= 0 && got != want) {
			t.Errorf("ParseRate(%q) = %d, %v; want %d", in, got, err, want)
		}
		if want > 0 {
			if back, err := ParseRate(FormatRate(want)); err != nil || back != want {
				t.Errorf("FormatRate(%d) = %q reads back as %d, %v", want, FormatRate(want), back, err)
			}
		}
	}
}
