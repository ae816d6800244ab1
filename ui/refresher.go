package ui

import (
	"sync"

	"fyne.io/fyne/v2"

	"hoist/app/session"
)

// refresher carries the session's change notices, which arrive on its goroutines, to
// the widgets on Fyne's thread. Notices that arrive before the thread gets to them are
// merged: a row changed ten times is refreshed once, and a burst of many rows becomes one
// refresh of the visible list. Widgets are touched only inside fyne.Do.
type refresher struct {
	mu      sync.Mutex
	rows    map[int]struct{}
	all     bool
	totals  *session.Totals
	log     bool
	pending bool

	onRows   func(rows []int, all bool)
	onTotals func(session.Totals)
	onLog    func()
}

// manyRows is where refreshing rows one by one stops paying: the list then refreshes
// its visible rows once.
const manyRows = 64

func (r *refresher) row(i int) {
	r.mu.Lock()
	if r.rows == nil {
		r.rows = map[int]struct{}{}
	}
	r.rows[i] = struct{}{}
	r.schedule()
}

func (r *refresher) list() {
	r.mu.Lock()
	r.all = true
	r.schedule()
}

func (r *refresher) total(t session.Totals) {
	r.mu.Lock()
	r.totals = &t
	r.schedule()
}

func (r *refresher) logged() {
	r.mu.Lock()
	r.log = true
	r.schedule()
}

// schedule is called with r.mu held and releases it.
func (r *refresher) schedule() {
	first := !r.pending
	r.pending = true
	r.mu.Unlock()
	if first {
		fyne.Do(r.flush)
	}
}

func (r *refresher) flush() {
	r.mu.Lock()
	rows, all, totals, log := r.rows, r.all, r.totals, r.log
	r.rows, r.all, r.totals, r.log, r.pending = nil, false, nil, false, false
	r.mu.Unlock()
	if len(rows) > manyRows {
		all = true
	}
	if (all || len(rows) > 0) && r.onRows != nil {
		var idx []int
		if !all {
			idx = make([]int, 0, len(rows))
			for i := range rows {
				idx = append(idx, i)
			}
		}
		r.onRows(idx, all)
	}
	if totals != nil && r.onTotals != nil {
		r.onTotals(*totals)
	}
	if log && r.onLog != nil {
		r.onLog()
	}
}
