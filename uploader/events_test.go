package uploader

import (
	"reflect"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestEmitterSerializesAndDeliversEverything(t *testing.T) {
	var busy atomic.Int32
	var got []Event
	e := newEmitter(func(ev Event) {
		if busy.Add(1) != 1 {
			t.Error("callback called concurrently")
		}
		got = append(got, ev)
		busy.Add(-1)
	}, 0)
	e.start(0, nil)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 100 {
				e.send(Event{Kind: FileDone, Item: g, Attempt: i})
			}
		})
	}
	wg.Wait()
	e.close()
	if len(got) != 800 {
		t.Fatalf("%d events delivered before close returned, want 800", len(got))
	}
	last := map[int]int{}
	for _, ev := range got {
		if ev.Time.IsZero() {
			t.Fatal("event without time")
		}
		if prev, ok := last[ev.Item]; ok && ev.Attempt != prev+1 {
			t.Fatalf("events of one sender out of order: %d after %d", ev.Attempt, prev)
		}
		last[ev.Item] = ev.Attempt
	}
}

// A consumer that blocks must not hold up senders, and stale progress is replaced.
func TestEmitterCoalescesProgressBehindASlowConsumer(t *testing.T) {
	release := make(chan struct{})
	var got []Event
	e := newEmitter(func(ev Event) {
		if ev.Kind == JobCreated {
			<-release
		}
		got = append(got, ev)
	}, 0)
	e.start(0, nil)
	e.send(Event{Kind: JobCreated, Item: -1})
	for pos := int64(1); pos <= 10_000; pos++ {
		e.send(Event{Kind: FileProgress, Item: 0, Sent: pos})
		e.send(Event{Kind: FileProgress, Item: 1, Sent: pos})
	}
	e.send(Event{Kind: FileDone, Item: 0})
	e.mu.Lock()
	queued := len(e.queue)
	e.mu.Unlock()
	close(release)
	e.close()
	if queued > 4 {
		t.Fatalf("%d events queued behind a blocked consumer, want progress coalesced", queued)
	}
	var sent0 int64
	for _, ev := range got {
		if ev.Kind == FileProgress && ev.Item == 0 {
			sent0 = ev.Sent
		}
	}
	if sent0 != 10_000 || got[len(got)-1].Kind != FileDone {
		t.Fatalf("latest progress %d, last event %v", sent0, got[len(got)-1].Kind)
	}
}

// The lead events (a file queued per item) are made one by one as the deliverer reaches
// them, in order and before every sent event, without going through the queue.
func TestEmitterMakesTheLeadEventsAsItDeliversThem(t *testing.T) {
	const n = 2000
	var got []Event
	var made atomic.Int32
	e := newEmitter(func(ev Event) { got = append(got, ev) }, n)
	e.start(n, func(i int) Event {
		if int(made.Add(1)) != i+1 {
			t.Errorf("lead event %d made after %d others", i, made.Load()-1)
		}
		return Event{Kind: FileQueued, Item: i}
	})
	e.send(Event{Kind: FileDone, Item: n})
	e.mu.Lock()
	queued := cap(e.queue) + cap(e.spare)
	e.mu.Unlock()
	e.close()
	if queued >= n {
		t.Errorf("the queue had room for %d events: the lead went through it", queued)
	}
	if len(got) != n+1 || got[n].Kind != FileDone {
		t.Fatalf("%d events delivered, want the %d lead ones and then the sent one", len(got), n)
	}
	for i, ev := range got[:n] {
		if ev.Kind != FileQueued || ev.Item != i {
			t.Fatalf("event %d is %v of item %d, want the lead's in order", i, ev.Kind, ev.Item)
		}
	}
}

func TestEmitterNilCallback(t *testing.T) {
	e := newEmitter(nil, 0)
	e.start(1, func(int) Event { t.Error("lead made without a consumer"); return Event{} })
	e.send(Event{Kind: FileDone})
	e.close()
}

func TestEventKindNames(t *testing.T) {
	for k := JobCreated; k <= JobEnded; k++ {
		if b, _ := k.MarshalText(); string(b) == "" || string(b) == "EventKind(?)" {
			t.Errorf("kind %d has no name", k)
		}
	}
}

func BenchmarkEventPath(b *testing.B) {
	req := &Request{Items: []Item{{Path: "x", Rel: "x", Size: 1 << 40}}}
	delivered := 0
	r := newRun(NewClient(), req, func(Event) { delivered++ })
	b.ReportAllocs()
	var pos int64
	for b.Loop() {
		pos += 32 << 10
		r.progress(0, pos)
	}
	r.ev.close()
	b.ReportMetric(float64(delivered)/float64(b.N), "events/op")
}

// The lead events of an upload carry what newRun's events did when they were sent one by
// one: a FileSkipped per path left out, then the FileQueued that fileEvent writes for each
// file before anything is sent (a file of no bytes has nothing left: ETA 0, not -1).
func TestUploadLeadEventsAreTheQueuedFileEvents(t *testing.T) {
	for _, job := range []string{"", "spring"} {
		req := &Request{
			JobName: job,
			Items:   []Item{{Path: "/a/x.jpg", Rel: "a/x.jpg", Size: 300}, {Path: "/a/empty.jpg", Rel: "a/empty.jpg"}, {Path: "/b.tif", Rel: "b.tif", Size: 5 << 20}},
			Skipped: []Skipped{{Rel: "a/.DS_Store", Kind: SkipSystem}, {Rel: "gone.jpg", Kind: SkipGone}},
		}
		var mu sync.Mutex
		var got []Event
		r := newRun(NewClient(), req, func(ev Event) { mu.Lock(); got = append(got, ev); mu.Unlock() })
		for i := range req.Items {
			r.fileEvent(FileQueued, i, 0, nil) // the way newRun sent them before
		}
		r.ev.close()
		lead, skipped := len(req.Skipped)+len(req.Items), len(req.Skipped)
		if len(got) != lead+len(req.Items) {
			t.Fatalf("%d events, want %d lead ones and %d sent", len(got), lead, len(req.Items))
		}
		for i := range req.Skipped {
			want := Event{Kind: FileSkipped, Item: -1, Rel: req.Skipped[i].Rel, ETA: -1, JobETA: -1, Skip: &req.Skipped[i]}
			if ev := got[i]; ev.Time.IsZero() || !sameEvent(ev, want) {
				t.Errorf("job %q, lead event %d: %+v, want %+v", job, i, ev, want)
			}
		}
		for i := range req.Items {
			if ev, want := got[skipped+i], got[lead+i]; ev.Time.IsZero() || !sameEvent(ev, want) {
				t.Errorf("job %q, file %d: lead %+v, fileEvent %+v", job, i, ev, want)
			}
		}
		if got[skipped+1].ETA != 0 || got[skipped].ETA != -1 || got[skipped].JobSize != 300+5<<20 || got[skipped].JobName != job {
			t.Errorf("job %q: queued events %+v, %+v", job, got[skipped], got[skipped+1])
		}
	}
}

// sameEvent compares two events but for their times.
func sameEvent(a, b Event) bool {
	a.Time, b.Time = time.Time{}, time.Time{}
	return reflect.DeepEqual(a, b)
}
