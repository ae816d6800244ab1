package uploader_test

import (
	"context"
	"testing"

	"hoist/uploader"
)

// An upload under a bandwidth limit, over real loopback HTTP with concurrent POSTs, the
// limit changed while it runs: every file lands byte for byte in one ended job.
func TestE2EScene7BandwidthLimit(t *testing.T) {
	b := startBox(t, 0)
	items := awkwardTree(t) // about 3 MiB
	c := testClient(func(c *uploader.Client) { c.Bandwidth.SetLimit(4 << 20) })
	var changed bool
	res, err := c.Upload(context.Background(), b.scene7Request(t, items), func(ev uploader.Event) {
		if ev.Kind == uploader.FileProgress && !changed && ev.JobSent > 1<<20 {
			changed = true
			c.Bandwidth.SetLimit(16 << 20)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if !changed || c.Bandwidth.Limit() != 16<<20 {
		t.Fatalf("the limit was not changed during the upload")
	}
	b.checkScene7(t, items, res, 1)
}
