package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hoist/app/session"
)

// BenchmarkQueueTenThousandFiles adds 10,000 files to the queue model and draws the
// list with the test driver, then scrolls to the end: the list keeps widgets only for the
// rows on screen, whatever the number of files.
func BenchmarkQueueTenThousandFiles(b *testing.B) {
	tree := map[string]string{}
	for i := range 10000 {
		tree[fmt.Sprintf("Campaign/%02d/asset-%05d.jpg", i%50, i)] = "x"
	}
	dir := files(b, tree)
	a := test.NewTempApp(b)
	b.ReportAllocs()
	for b.Loop() {
		q := session.New(session.Config{Uploader: noUploads{}})
		v := newQueueView(q, queueActions{})
		ref := &refresher{onRows: v.refreshRows, onTotals: v.applyTotals}
		q.SetObserver(session.Observer{Row: ref.row, List: ref.list, Totals: ref.total})
		w := a.NewWindow("bench")
		w.SetContent(v.Content)
		w.Resize(fyne.NewSize(1000, 700))
		if added, _ := q.Add([]string{dir + "/Campaign"}); added != 10000 {
			b.Fatalf("added %d", added)
		}
		v.list.ScrollToBottom()
		test.LaidOutObjects(v.list)
		w.Close()
	}
}
