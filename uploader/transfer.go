package uploader

import (
	"cmp"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/textproto"
	"path"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
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
	location    string // a redirect's Location header
	retryAfter  time.Duration
	// early is set when the answer came before the request body was fully taken, or
	// before the peer had acknowledged all of it: the server cannot have received what it
	// answers about (answer.go).
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
	// lastRead is when the transport last took bytes of the body, in nanoseconds after
	// start: once the body is complete, its end. How long the server then takes to start
	// its answer tells a near server from a far one (run.answered, adaptive.go). Not the
	// WroteRequest hook: it runs on the transport's writer after the last write returns,
	// and a near server's answer can reach the reader before that (seen under -race).
	// Only a good answer's wait counts (below): a 1xx, an early answer or a proxy's
	// refusal can come at once from a far server.
	start := time.Now()
	var lastRead atomic.Int64
	var wait atomic.Int64 // nanoseconds from lastRead to the answer's first byte; -1: none
	wait.Store(-1)
	onRead := func(item int, pos int64) {
		wd.touch()
		lastRead.Store(int64(time.Since(start)))
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
	// The answer is judged when its first byte arrives, on the connection's own read loop:
	// the transport may still be writing the body of a server that answered early, and
	// must not get the chance to finish before it is looked at. A body that went whole
	// into the socket's send buffer (up to megabytes) may still not have reached the
	// server: an answer that comes while the peer has not acknowledged every byte is early
	// too. A server that read the body before answering has acknowledged all of it by
	// then: every segment it sends, its answer's first, acknowledges everything it
	// received. Asked later (once Do returns), the connection may already be carrying
	// another request: an answer without a body frees it at once.
	// The trace is added to connTrace's, whose hooks still run: whether the request got a
	// connection tells a proxy's failure from the server's (namedProxy).
	tctx, connected := connTrace(actx)
	var early, interim atomic.Bool
	var conn net.Conn // set by GotConn, read by GotFirstResponseByte: one goroutine after the other
	trace := &httptrace.ClientTrace{
		GotConn: func(ci httptrace.GotConnInfo) { conn = ci.Conn },
		GotFirstResponseByte: func() {
			mu.Lock()
			done := readers[len(readers)-1].complete()
			mu.Unlock()
			early.Store(!done || unacknowledged(conn) > 0)
			if done {
				wait.Store(int64(time.Since(start)) - lastRead.Load())
			}
		},
		// A 1xx answer (100 Continue, 103 Early Hints) comes before the server has read
		// the body, and takes the first byte: the final answer is then judged by what
		// the transport took alone.
		Got1xxResponse: func(int, textproto.MIMEHeader) error {
			interim.Store(true)
			return nil
		},
	}
	req, err := http.NewRequestWithContext(httptrace.WithClientTrace(tctx, trace), http.MethodPost, url, open())
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
		return exchange{}, &ConnError{Err: namedProxy(r.c.HTTP, req, err, connected.Load())}
	}
	resp, err := r.c.HTTP.Do(req)
	if err != nil {
		return failed(err)
	}
	defer resp.Body.Close()
	if pa := proxyLoginAnswer(r.c.HTTP, req, resp.StatusCode); pa != nil {
		return exchange{}, &ConnError{Err: pa} // the proxy's answer, not the server's
	}
	if interim.Load() {
		mu.Lock()
		early.Store(!readers[len(readers)-1].complete())
		mu.Unlock()
	}
	// The answer is small (an upload reply, a fault, an error page): once it has begun it
	// must end within the stall timeout, counted from its start. Bytes of it do not count
	// as progress: a server or proxy that trickles a byte now and then (whitespace every
	// few seconds) would otherwise hold the upload for as long as maxReply lasts, weeks.
	wd.touch()
	reply, err := io.ReadAll(io.LimitReader(resp.Body, maxReply))
	if err != nil {
		return failed(err)
	}
	if w := wait.Load(); w >= 0 && !interim.Load() && !early.Load() && resp.StatusCode/100 == 2 {
		r.answered(time.Duration(w))
	}
	return exchange{status: resp.StatusCode, reply: reply, contentType: resp.Header.Get("Content-Type"), host: req.URL.Host, early: early.Load(),
		location: resp.Header.Get("Location"), retryAfter: retryAfter(resp, time.Now())}, nil
}

// unacknowledged is how many bytes written to c its peer has not acknowledged, 0 when the
// connection cannot tell (another system; a connection that is not a socket). Under TLS
// the question goes to the TCP connection beneath.
func unacknowledged(c net.Conn) int {
	if tc, ok := c.(*tls.Conn); ok {
		c = tc.NetConn()
	}
	sc, ok := c.(syscall.Conn)
	if !ok {
		return 0
	}
	n, _ := unsentOrUnacked(sc)
	return n
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
	// largest is the size of the batch's largest file: the order of the POSTs
	// (orderBatches) starts with the files that cannot be split.
	largest int64
	// named is a batch of one file whose name is sent in uploadPostParam/fileName, because
	// servlet containers read non-ASCII Content-Disposition filenames as ISO-8859-1.
	named bool
}

// planBatches groups files by destination folder into POSTs of at most maxFiles files and
// maxBytes bytes. A file larger than maxBytes, or whose name needs fileName, goes alone.
func planBatches(items []Item, dest string, maxFiles int, maxBytes int64) []*batch {
	open := map[string]*batch{}
	var out []*batch
	// The files of a folder mostly come one after another: they share one destination
	// string rather than each joining its own (60 KB of a 2,000-file upload).
	var dir, d string
	for i, it := range items {
		if itDir := path.Dir(it.Rel); i == 0 || itDir != dir {
			dir, d = itDir, destFor(dest, it.Rel)
		}
		named := needsFileName(path.Base(it.Rel))
		if named || it.Size > maxBytes {
			out = append(out, &batch{dest: d, items: []int{i}, bytes: it.Size, largest: it.Size, named: named})
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
		b.largest = max(b.largest, it.Size)
	}
	return out
}

// orderBatches gives the POSTs' order: the largest files first (then the largest
// batches), since a large file cannot be split, so it must start while the others still
// have plenty to send. The POST that opens the job is then taken out (openingPost), and
// the batches of small files that end the upload shrink as it nears its end
// (shrinkTail), for as many POSTs at once as the upload starts with, known once the
// opening POST's answer came (adaptive.go startLimit).
func orderBatches(bs []*batch) []*batch {
	bs = slices.Clone(bs)
	slices.SortStableFunc(bs, func(a, b *batch) int {
		return cmp.Or(cmp.Compare(b.largest, a.largest), cmp.Compare(b.bytes, a.bytes))
	})
	return bs
}

// openingPost takes the POST that opens the job out of the ordered bs: it must finish
// alone (it brings the job handle), and on a long path one connection is slow (a 1 MiB
// first POST took 0.3 s alone at 3.2 MB/s), so it is the smallest files of the batch that
// holds the upload's smallest file (of several, the smallest batch), up to
// firstPostBytes (at least that file). Its answer also tells how near the server is
// (adaptive.go startLimit): a large opening POST takes the server longer to store. The
// batch's other files keep its place in rest.
func openingPost(bs []*batch, items []Item) (open *batch, rest []*batch) {
	if len(bs) == 0 {
		return nil, nil
	}
	// The batch with the smallest file; of several, the smallest batch.
	from, fromLeast := -1, int64(0)
	for k, b := range bs {
		least := items[b.items[0]].Size
		for _, i := range b.items[1:] {
			least = min(least, items[i].Size)
		}
		if from < 0 || least < fromLeast || least == fromLeast && b.bytes < bs[from].bytes {
			from, fromLeast = k, least
		}
	}
	b := bs[from]
	bySize := slices.Clone(b.items)
	slices.SortStableFunc(bySize, func(x, y int) int { return cmp.Compare(items[x].Size, items[y].Size) })
	n, head := 0, int64(0)
	for n < len(bySize) && (n == 0 || head+items[bySize[n]].Size <= firstPostBytes) {
		head += items[bySize[n]].Size
		n++
	}
	taken := make(map[int]bool, n)
	for _, i := range bySize[:n] {
		taken[i] = true
	}
	// Copies of b but for their files (as cut's), so that whatever else a batch carries
	// goes with them; each keeps the files in the folder's order.
	o, l := *b, *b
	o.items, o.bytes, o.largest = make([]int, 0, n), 0, 0
	l.items, l.bytes, l.largest = make([]int, 0, len(b.items)-n), 0, 0
	open, left := &o, &l
	for _, i := range b.items {
		part := left
		if taken[i] {
			part = open
		}
		part.items = append(part.items, i)
		part.bytes += items[i].Size
		part.largest = max(part.largest, items[i].Size)
	}
	rest = slices.Clone(bs)
	if len(left.items) > 0 {
		rest[from] = left
		return open, rest
	}
	return open, slices.Delete(rest, from, from+1)
}

// firstPostBytes bounds the first POST (at least one file): it runs alone, on one
// connection, which on the long path carries 256 KiB per 80 ms round trip.
const firstPostBytes = 256 << 10

// shrinkTail splits batches so that each is at most the bytes still to send from it on,
// divided by twice the connections, and never below minPostBytes: the POSTs shrink as the
// upload nears its end (guided self-scheduling), so that the last ones are small and the
// connections finish together. Before, an upload could end on a POST of 4–16 MiB running
// alone on one connection while the link idled: on a long path a connection carries only
// its window per round trip (3.2 MB/s for 256 KiB at 80 ms), and that tail was much of the
// gap to the link's limit (bench/README.md). Early POSTs stay large: each POST waits a
// round trip for its answer. A batch of one file stays whole.
func shrinkTail(bs []*batch, items []Item, conns int) []*batch {
	var rest int64
	for _, b := range bs {
		rest += b.bytes
	}
	out := make([]*batch, 0, len(bs))
	for _, b := range bs {
		for {
			limit := max(minPostBytes, rest/int64(2*max(conns, 1)))
			if b.bytes <= limit || len(b.items) == 1 {
				out = append(out, b)
				rest -= b.bytes
				break
			}
			front, back := b.cut(items, limit)
			out = append(out, front)
			rest -= front.bytes
			if back == nil {
				break
			}
			b = back
		}
	}
	return out
}

// cut splits b after as many of its files as fit in limit bytes (at least one): the
// front and the rest, nil when every file fits. Both are copies of b but for their files
// and bytes, so that whatever else a batch carries (named) goes with them.
func (b *batch) cut(items []Item, limit int64) (front, rest *batch) {
	n, head := 0, int64(0)
	for n < len(b.items) && (n == 0 || head+items[b.items[n]].Size <= limit) {
		head += items[b.items[n]].Size
		n++
	}
	if n == len(b.items) {
		return b, nil
	}
	f, r := *b, *b
	f.items, f.bytes = b.items[:n:n], head
	r.items, r.bytes = b.items[n:], b.bytes-head
	return &f, &r
}

// minPostBytes is the smallest POST shrinkTail makes: below it a POST's round trip for its
// answer would cost more than its bytes on a distant link.
const minPostBytes = 1 << 20
