package app

import "sync"

// inbox carries paths from outside the window (a later launch, macOS's "Open with") to the
// window, which may not be built yet when they come: until deliverTo they wait, in order.
type inbox struct {
	mu      sync.Mutex
	to      func([]string)
	pending [][]string
}

// put sends paths to the window, or keeps them until it is there. It may be called from
// any goroutine; the window's function is called on the caller's.
func (b *inbox) put(paths []string) {
	b.mu.Lock()
	to := b.to
	if to == nil {
		b.pending = append(b.pending, paths)
	}
	b.mu.Unlock()
	if to != nil {
		to(paths)
	}
}

// deliverTo sends every later put to to, starting with those that waited.
func (b *inbox) deliverTo(to func([]string)) {
	b.mu.Lock()
	b.to = to
	waiting := b.pending
	b.pending = nil
	b.mu.Unlock()
	for _, p := range waiting {
		to(p)
	}
}
