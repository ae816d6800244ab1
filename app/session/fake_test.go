package session

import (
	"hoist/internal/testfs"

	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"hoist/uploader"
)

// fakeEngine plays the engine's event protocol without a network: files whose name
// contains "bad" fail, "slow" ones wait until the upload is cancelled.
type fakeEngine struct {
	mu    sync.Mutex
	calls []uploader.Request
	// started is closed when a slow file has started, so tests can cancel mid-upload.
	started chan struct{}
}

var errBad = errors.New("the server refused the file")

func (f *fakeEngine) Upload(ctx context.Context, req uploader.Request, on func(uploader.Event)) (*uploader.Result, error) {
	f.mu.Lock()
	f.calls = append(f.calls, req)
	f.mu.Unlock()
	var total int64
	for _, it := range req.Items {
		total += it.Size
	}
	res := &uploader.Result{JobName: "job-1", Jobs: []uploader.JobRef{{Name: "job-1", Handle: "h-1", Ended: true}}}
	ev := func(kind uploader.EventKind, i int, sent int64, msg string, err error) {
		e := uploader.Event{Kind: kind, Item: i, JobName: "job-1", JobHandle: "h-1", JobSize: total, ETA: -1, JobETA: -1, Err: err} // msg is what the engine means; package words writes it from the kind
		_ = msg
		if i >= 0 {
			e.Rel, e.Size, e.Sent = req.Items[i].Rel, req.Items[i].Size, sent
		}
		on(e)
	}
	ev(uploader.JobCreated, -1, 0, "The server created job job-1.", nil)
	for i := range req.Items {
		ev(uploader.FileQueued, i, 0, "", nil)
	}
	var cancelled error
	for i, it := range req.Items {
		fr := uploader.FileResult{Rel: it.Rel}
		switch {
		case cancelled != nil:
			fr.State, fr.Err = uploader.StateCancelled, cancelled
			ev(uploader.FileCancelled, i, 0, "Cancelled before the server accepted it.", cancelled)
		case strings.Contains(it.Rel, "bad"):
			ev(uploader.FileStarted, i, 0, "", nil)
			fr.State, fr.Err = uploader.StateFailed, errBad
			ev(uploader.FileFailed, i, 0, "The server refused the file: rename it.", errBad)
		case strings.Contains(it.Rel, "slow"):
			ev(uploader.FileStarted, i, 0, "", nil)
			ev(uploader.FileProgress, i, it.Size/2, "", nil)
			if f.started != nil {
				close(f.started)
			}
			<-ctx.Done()
			cancelled = fmt.Errorf("%w: %w", uploader.ErrCancelled, ctx.Err())
			fr.State, fr.Err = uploader.StateCancelled, cancelled
			ev(uploader.FileCancelled, i, 0, "Cancelled before the server accepted it.", cancelled)
		default:
			ev(uploader.FileStarted, i, 0, "", nil)
			ev(uploader.FileProgress, i, it.Size/2, "", nil)
			fr.State = uploader.StateDone
			ev(uploader.FileDone, i, it.Size, "", nil)
		}
		res.Files = append(res.Files, fr)
	}
	ev(uploader.JobEnded, -1, 0, fmt.Sprintf("%d of %d files uploaded.", res.Count(uploader.StateDone), len(req.Items)), cancelled)
	return res, cancelled
}

// recorder counts observer calls and keeps the last summary.
type recorder struct {
	mu    sync.Mutex
	rows  map[int]int
	lists int
	logs  int
	ended chan Summary
}

func newRecorder(q *Queue) *recorder {
	r := &recorder{rows: map[int]int{}, ended: make(chan Summary, 4)}
	q.SetObserver(Observer{
		Row:    func(i int) { r.mu.Lock(); r.rows[i]++; r.mu.Unlock() },
		List:   func() { r.mu.Lock(); r.lists++; r.mu.Unlock() },
		Totals: func(Totals) {},
		Log:    func() { r.mu.Lock(); r.logs++; r.mu.Unlock() },
		Ended:  func(s Summary) { r.ended <- s },
	})
	return r
}

func tree(t testing.TB, files map[string]string) string { return testfs.Tree(t, files) }

func statesOf(q *Queue) map[string]State {
	out := map[string]State{}
	for _, r := range q.Rows() {
		out[r.Rel] = r.State
	}
	return out
}

type memStore struct {
	mu    sync.Mutex
	saves int
	last  Snapshot
}

func (m *memStore) SaveQueue(s Snapshot) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.saves++
	m.last = s
	return nil
}

func (m *memStore) get() (int, Snapshot) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.saves, m.last
}
