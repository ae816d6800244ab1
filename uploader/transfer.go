package uploader

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path"
	"slices"
	"sync"
	"sync/atomic"
	"time"
)

// The transfer code shared by the Scene7 and Dr.Sum paths: one POST with stall detection,
// the bounded pool that runs POSTs concurrently, and how files are grouped into POSTs.

// errStalled is the cause given to a request's context when the watchdog gives up.
var errStalled = errors.New("the server stopped responding")

// exchange is one HTTP request and its answer.
type exchange struct {
	status      int
	reply       []byte // at most maxReply bytes
	contentType string
	host        string // the server asked (host:port of the URL)
	// early is set when the answer came before the request body was fully taken: the
	// server cannot have received what it answers about (answer.go).
	early bool
}

// send posts body to url (setAuth, when set, adds credentials) and reads the answer. A
// stall (no byte taken, or no answer, for ResponseTimeout) becomes a *ConnError with
// Stalled set; a file that is no longer what was walked becomes its *FileError; any other
// failure to get an answer a *ConnError. When ctx ends, ctx's error is returned.
func (r *run) send(ctx context.Context, url string, body *multipartBody, setAuth func(*http.Request)) (exchange, error) {
	actx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	wd := startWatchdog(r.c.ResponseTimeout, func() { cancel(errStalled) })
	defer wd.stop()

	var mu sync.Mutex
	var readers []*bodyReader
	onRead := func(item int, pos int64) {
		wd.touch()
		if item >= 0 {
			r.progress(item, pos)
		}
	}
	open := func() *bodyReader {
		br := body.open(onRead)
		if r.c.Bandwidth != nil {
			br.limit(actx, r.c.Bandwidth)
		}
		mu.Lock()
		readers = append(readers, br)
		mu.Unlock()
		return br
	}
	req, err := http.NewRequestWithContext(actx, http.MethodPost, url, open())
	if err != nil {
		return exchange{}, fmt.Errorf("build request: %w", err)
	}
	req.ContentLength = body.Len()
	req.GetBody = func() (io.ReadCloser, error) { return open(), nil }
	req.Header.Set("Content-Type", body.ContentType())
	if setAuth != nil {
		setAuth(req)
	}
	req.Header.Set("User-Agent", r.c.AppName+"/"+r.c.AppVersion)

	// failed tells why no answer could be read: cancellation, a file, a stall, the network.
	failed := func(err error) (exchange, error) {
		if ctx.Err() != nil {
			return exchange{}, ctx.Err()
		}
		mu.Lock()
		defer mu.Unlock()
		for _, br := range readers {
			if fe := br.fileErr(); fe != nil {
				return exchange{}, fe
			}
		}
		if errors.Is(context.Cause(actx), errStalled) {
			return exchange{}, &ConnError{Err: errStalled, Stalled: r.c.ResponseTimeout}
		}
		return exchange{}, &ConnError{Err: err}
	}
	resp, err := r.c.HTTP.Do(req)
	if err != nil {
		return failed(err)
	}
	defer resp.Body.Close()
	// Judged at once: the transport may still be writing the body of a server that
	// answered early, and must not get the chance to finish before it is looked at.
	mu.Lock()
	early := !readers[len(readers)-1].complete()
	mu.Unlock()
	reply, err := io.ReadAll(io.LimitReader(touchReader{resp.Body, wd}, maxReply))
	if err != nil {
		return failed(err)
	}
	return exchange{status: resp.StatusCode, reply: reply, contentType: resp.Header.Get("Content-Type"), host: req.URL.Host, early: early}, nil
}

// watchdog calls fire once no touch happened for timeout. Touching is an atomic store,
// cheap enough for every read of a request body.
type watchdog struct {
	timeout time.Duration
	base    time.Time
	last    atomic.Int64 // nanoseconds since base of the last touch
	stopped atomic.Bool
	timer   *time.Timer
	fire    func()
}

func startWatchdog(timeout time.Duration, fire func()) *watchdog {
	w := &watchdog{timeout: timeout, base: time.Now(), fire: fire}
	if timeout > 0 {
		w.timer = time.AfterFunc(timeout, w.check)
	}
	return w
}

func (w *watchdog) touch() {
	if w.timer != nil {
		w.last.Store(int64(time.Since(w.base)))
	}
}

func (w *watchdog) check() {
	if w.stopped.Load() {
		return
	}
	idle := time.Since(w.base) - time.Duration(w.last.Load())
	if idle >= w.timeout {
		w.fire()
		return
	}
	w.timer.Reset(w.timeout - idle)
}

func (w *watchdog) stop() {
	if w.timer != nil {
		w.stopped.Store(true)
		w.timer.Stop()
	}
}

// touchReader touches a watchdog on every read of an answer.
type touchReader struct {
	r  io.Reader
	wd *watchdog
}

func (t touchReader) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	t.wd.touch()
	return n, err
}

// pool runs fn over tasks with at most lim's limit at once (adaptive.go: the limit follows
// the throughput, up to lim's ceiling); weight is a task's bytes, for the measure. The
// first error fn returns cancels the others' context and is returned; tasks not started
// by then are left alone.
func pool[T any](ctx context.Context, lim *limiter, tasks []T, weight func(T) int64, fn func(context.Context, T) error) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	next := make(chan T)
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	for range min(lim.ceiling, len(tasks)) {
		wg.Go(func() {
			for lim.acquire(ctx) == nil {
				t, ok := <-next
				if !ok {
					lim.release(0, false)
					return
				}
				err := fn(ctx, t)
				lim.release(weight(t), err == nil)
				if err != nil {
					once.Do(func() { first = err })
					cancel()
				}
			}
		})
	}
feed:
	for _, t := range tasks {
		select {
		case next <- t:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	return first
}

// batch is the files of one POST: they share one destFolder.
type batch struct {
	dest  string
	items []int
	bytes int64
	// named is a batch of one file whose name is sent in uploadPostParam/fileName, because
	// servlet containers read non-ASCII Content-Disposition filenames as ISO-8859-1.
	named bool
	// continued is set once the batch has been moved to a new job, which happens at most
	// once: a second fault for the same files is their failure.
	continued bool
}

// planBatches groups files by destination folder into POSTs of at most maxFiles files and
// maxBytes bytes. A file larger than maxBytes, or whose name needs fileName, goes alone.
func planBatches(items []Item, dest string, maxFiles int, maxBytes int64) []*batch {
	open := map[string]*batch{}
	var out []*batch
	for i, it := range items {
		d := destFor(dest, it.Rel)
		named := needsFileName(path.Base(it.Rel))
		if named || it.Size > maxBytes {
			out = append(out, &batch{dest: d, items: []int{i}, bytes: it.Size, named: named})
			continue
		}
		b := open[d]
		if b == nil || len(b.items) >= maxFiles || b.bytes+it.Size > maxBytes {
			b = &batch{dest: d}
			open[d] = b
			out = append(out, b)
		}
		b.items = append(b.items, i)
		b.bytes += it.Size
	}
	return out
}

// orderBatches puts the smallest batch first: the first POST must finish alone (it brings
// the job handle), so it should be quick; everything after it runs concurrently, largest
// first, so that the upload ends on small POSTs: a large one started last runs on one
// connection while the others have nothing left to send, and where one connection carries
// less than the link (a TCP window on a long path) that tail was most of the gap to the
// link's limit (bench/README.md).
func orderBatches(bs []*batch) []*batch {
	first := 0
	for i, b := range bs {
		if b.bytes < bs[first].bytes {
			first = i
		}
	}
	out := make([]*batch, 0, len(bs))
	out = append(out, bs[first])
	out = append(out, bs[:first]...)
	out = append(out, bs[first+1:]...)
	slices.SortStableFunc(out[1:], func(a, b *batch) int { return cmp.Compare(b.bytes, a.bytes) })
	return out
}

// spreadBytes is the most bytes per POST for these items: at most limit, and small enough
// that the upload makes several POSTs for each of the connections it starts with, so that
// no connection is left with a large share to send alone at the end; never below 1 MiB,
// where a POST's round trip would cost more than its bytes on a distant link.
func spreadBytes(items []Item, limit int64) int64 {
	var total int64
	for _, it := range items {
		total += it.Size
	}
	return min(limit, max(total/(postsPerConnection*startConcurrency), 1<<20))
}

// postsPerConnection is how many POSTs spreadBytes aims at for each starting connection.
const postsPerConnection = 4
