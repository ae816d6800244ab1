package ui

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hoist/app/session"
	"hoist/uploader"
)

// streamingUploader plays an engine with 8 files in flight that report progress as fast
// as they can, from 8 goroutines (delivered one at a time, as the engine's contract says),
// until the upload is cancelled.
type streamingUploader struct {
	events    atomic.Int64
	streaming chan struct{}
}

func (s *streamingUploader) Upload(ctx context.Context, req uploader.Request, on func(uploader.Event)) (*uploader.Result, error) {
	var mu sync.Mutex
	var total int64
	for _, it := range req.Items {
		total += it.Size
	}
	emit := func(kind uploader.EventKind, i int, sent int64) {
		e := uploader.Event{Kind: kind, Item: i, JobName: "job-1", JobHandle: "h-1", JobSize: total, ETA: -1, JobETA: -1}
		if i >= 0 {
			e.Rel, e.Size, e.Sent = req.Items[i].Rel, req.Items[i].Size, sent
		}
		mu.Lock()
		on(e)
		mu.Unlock()
		s.events.Add(1)
	}
	emit(uploader.JobCreated, -1, 0)
	for i := range req.Items {
		emit(uploader.FileQueued, i, 0)
	}
	var wg sync.WaitGroup
	for i := range min(8, len(req.Items)) {
		wg.Go(func() {
			emit(uploader.FileStarted, i, 0)
			size := req.Items[i].Size
			for sent := int64(0); ctx.Err() == nil; sent = (sent + 32<<10) % size {
				emit(uploader.FileProgress, i, sent)
			}
		})
	}
	close(s.streaming)
	wg.Wait()
	res := &uploader.Result{JobName: "job-1", Files: make([]uploader.FileResult, len(req.Items))}
	for i, it := range req.Items {
		res.Files[i] = uploader.FileResult{Rel: it.Rel, State: uploader.StateCancelled, Err: ctx.Err()}
		emit(uploader.FileCancelled, i, 0)
	}
	return res, fmt.Errorf("%w: %w", uploader.ErrCancelled, ctx.Err())
}

// BenchmarkQueueWhileEightFilesStream measures what the person does with the queue (add a
// folder, read the rows, redraw the list) in a queue of 1,000 files, idle and while 8 of
// them stream progress events flat out. uiThread stands for Fyne's one UI thread, which
// the test driver does not have: row refreshes and the benchmark's redraws take turns on
// it. events/op is the progress delivered meanwhile; refreshes/op the row refreshes made.
func BenchmarkQueueWhileEightFilesStream(b *testing.B) {
	tree := map[string]string{}
	for i := range 8 {
		tree[fmt.Sprintf("Campaign/a-stream-%d.tif", i)] = strings.Repeat("x", 1<<20)
	}
	for i := range 1000 {
		tree[fmt.Sprintf("Campaign/b-%04d.jpg", i)] = "x"
	}
	for i := range 100 {
		tree[fmt.Sprintf("More/c-%03d.jpg", i)] = "x"
	}
	dir := files(b, tree)
	a := test.NewTempApp(b)
	for _, streams := range []bool{false, true} {
		name := "idle"
		if streams {
			name = "8-files-streaming"
		}
		b.Run(name, func(b *testing.B) {
			up := &streamingUploader{streaming: make(chan struct{})}
			q := session.New(session.Config{Uploader: up})
			v := newQueueView(q, queueActions{})
			var uiThread sync.Mutex
			var refreshes atomic.Int64
			ref := &refresher{
				onRows: func(rows []int, all bool) {
					uiThread.Lock()
					defer uiThread.Unlock()
					refreshes.Add(1)
					v.refreshRows(rows, all)
				},
				onTotals: func(t session.Totals) {
					uiThread.Lock()
					defer uiThread.Unlock()
					v.applyTotals(t)
				},
			}
			q.SetObserver(session.Observer{Row: ref.row, List: ref.list, Totals: ref.total})
			w := a.NewWindow("bench")
			defer w.Close()
			w.SetContent(v.Content)
			w.Resize(fyne.NewSize(1000, 700))
			if added, _ := q.Add([]string{dir + "/Campaign"}); added != 1008 {
				b.Fatalf("added %d", added)
			}
			if streams {
				if err := q.Start(session.Target{Conn: uploader.Conn{Company: "c|1"}, DestFolder: "bench"}); err != nil {
					b.Fatal(err)
				}
				<-up.streaming
				defer q.Wait()
				defer q.Cancel()
			}
			b.ReportAllocs()
			events0, refreshes0 := up.events.Load(), refreshes.Load()
			for b.Loop() {
				q.Add([]string{dir + "/More"}) // the first time adds 100 rows, then finds them there
				if rows := q.Rows(); len(rows) != 1108 {
					b.Fatalf("%d rows", len(rows))
				}
				uiThread.Lock()
				v.list.Refresh()
				test.LaidOutObjects(v.list)
				uiThread.Unlock()
			}
			b.ReportMetric(float64(up.events.Load()-events0)/float64(b.N), "events/op")
			b.ReportMetric(float64(refreshes.Load()-refreshes0)/float64(b.N), "refreshes/op")
		})
	}
}
