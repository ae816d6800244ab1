package words

import (
	"testing"
	"time"
)

// The figures are written for every line the CLI prints per file (bench/README.md).
func BenchmarkFigures(b *testing.B) {
	defer Use(Use("en"))
	b.Run("Size", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = Size(65_536)
		}
	})
	b.Run("Duration", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = Duration(38 * time.Millisecond)
		}
	})
	b.Run("T", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = T("cli.upload.done_in", A{"File": "campaign/img-0001.jpg", "Size": "65.5 kB", "Took": "38 ms"})
		}
	})
	b.Run("N", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = N("cli.summary.uploaded", 2000, A{"Done": 2000})
		}
	})
}
