package uploader

import (
	"context"
	"fmt"
	"strings"
	"testing"
)

// A POST carries many files one after the other: a file is "started" only when the body
// reaches it, so with one POST at a time at most one file is being read at any moment,
// and every file is started once, before its progress and its outcome.
func TestFileStartedWhenItsBytesGoOut(t *testing.T) {
	f := newFakeServlet(t)
	extra := map[string]string{}
	for i := range 40 {
		extra[fmt.Sprintf("batch/file-%02d.jpg", i)] = strings.Repeat("x", 1000+i)
	}
	items := testTree(t, extra)
	var rec recorder
	c := fastClient(func(c *Client) { c.BatchFiles, c.Concurrency = 256, 1 })
	if _, err := c.Upload(context.Background(), f.request(items), rec.on); err != nil {
		t.Fatal(err)
	}
	reading := map[int]bool{} // started, last byte not yet read
	started := map[int]int{}
	for _, ev := range rec.events {
		switch ev.Kind {
		case FileStarted:
			started[ev.Item]++
			if ev.Sent != 0 || ev.Attempt != 1 {
				t.Errorf("%s started with %d bytes sent, attempt %d", ev.Rel, ev.Sent, ev.Attempt)
			}
			if ev.Size > 0 {
				reading[ev.Item] = true
			}
			if len(reading) > 1 {
				t.Fatalf("%d files read at once by one POST: %v", len(reading), reading)
			}
		case FileProgress, FileDone:
			if started[ev.Item] == 0 {
				t.Fatalf("%s: %s before FileStarted", ev.Rel, ev.Kind)
			}
			if ev.Sent == ev.Size {
				delete(reading, ev.Item)
			}
		}
	}
	for i := range items {
		if started[i] != 1 {
			t.Errorf("%s started %d times", items[i].Rel, started[i])
		}
	}
}
