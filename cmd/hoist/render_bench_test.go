package main

import (
	"io"
	"os"
	"strings"
	"testing"
	"time"

	"hoist/internal/words"
	"hoist/uploader"
)

// BenchmarkFileLines is the CLI's cost per uploaded file in a pipe (no bar): the events of
// one file, started then done, and its "✓ file  size  time" line, as for each of the
// 2,000 files of the loopback benchmark (bench/README.md, CPU against curl); -devnull
// writes each line to /dev/null as the benchmark does, -paced through pacedWriter.
func BenchmarkFileLines(b *testing.B) {
	null, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		b.Fatal(err)
	}
	defer null.Close()
	for _, c := range []struct {
		name  string
		out   io.Writer
		paced bool
	}{{"en", io.Discard, false}, {"fr", io.Discard, false}, {"en-devnull", null, false}, {"en-devnull-paced", null, true}} {
		lang, _, _ := strings.Cut(c.name, "-")
		b.Run(c.name, func(b *testing.B) {
			defer words.Use(words.Use(lang))
			out, flush := c.out, func() {}
			if c.paced {
				out, flush, _ = newPacedWriter(out)
			}
			defer flush()
			v := newHumanView(out, io.Discard, false)
			t0 := time.Date(2026, 11, 30, 15, 0, 0, 0, time.UTC)
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				item := i % 2000
				v.event(uploader.Event{Kind: uploader.FileStarted, Time: t0, Item: item, Rel: "campaign/img-0001.jpg", Size: 65536, ETA: -1, JobETA: -1})
				v.event(uploader.Event{Kind: uploader.FileDone, Time: t0.Add(38 * time.Millisecond), Item: item, Rel: "campaign/img-0001.jpg",
					Sent: 65536, Size: 65536, JobSent: int64(i) * 65536, JobSize: 2000 * 65536, Attempt: 1, ETA: 0, JobETA: -1})
			}
		})
	}
}
