package uploader

import (
	"sync"
	"sync/atomic"
	"testing"
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
