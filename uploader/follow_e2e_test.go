package uploader_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hoist/internal/testfs"
	"hoist/internal/words"
	"hoist/sandbox"
	"hoist/uploader"
)

// End to end over loopback: upload a campaign with files Scene7 cannot process, follow
// the job while the sandbox processes it, and get every outcome.
func TestE2EFollowEveryOutcome(t *testing.T) {
	srv, err := sandbox.Start(sandbox.Config{Dir: t.TempDir(), ProcessingTime: 300 * time.Millisecond}, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	root := filepath.Join(t.TempDir(), "campaign")
	files := map[string]string{
		"hero.jpg":          "\xFF\xD8\xFF\xE0 a JPEG",
		"layers/poster.psb": "8BPS\x00\x02",
		"brochure.pdf":      "<html>not a PDF</html>",
		"real.pdf":          "%PDF-1.7\n",
		"logo.png":          "\xFF\xD8\xFF a JPEG named .png",
		"notes.xyz":         "kept as is",
		"été/affiche é.gif": "GIF89a...",
	}
	want := map[string]uploader.Outcome{
		"hero.jpg": uploader.Processed, "layers/poster.psb": uploader.Failed, "brochure.pdf": uploader.Failed,
		"real.pdf": uploader.Processed, "logo.png": uploader.Failed, "notes.xyz": uploader.Warnings, "été/affiche é.gif": uploader.Processed,
	}
	testfs.Write(t, root, files)
	items, _ := uploader.Walk([]string{root})
	c := testClient()
	b := &box{Server: srv.Server, url: srv.URL}
	req := b.scene7Request(t, items)
	res, err := c.Upload(t.Context(), req, nil)
	if err != nil || len(res.Jobs) != 1 {
		t.Fatalf("upload: %v", err)
	}
	var rels []string
	for _, it := range items {
		rels = append(rels, it.Rel)
	}
	var events []uploader.FollowEvent
	fr, err := c.Follow(t.Context(), uploader.FollowRequest{
		Conn: req.Conn, JobHandle: res.Jobs[0].Handle,
		DestFolder: req.DestFolder, Files: rels, First: 20 * time.Millisecond, Max: 50 * time.Millisecond,
	}, func(ev uploader.FollowEvent) { events = append(events, ev) })
	if err != nil {
		t.Fatal(err)
	}
	if len(fr.Files) != len(items) {
		t.Fatalf("%d outcomes for %d files: %+v", len(fr.Files), len(items), fr.Files)
	}
	for _, f := range fr.Files {
		if w := want[strings.TrimPrefix(f.Rel, "campaign/")]; f.Outcome != w {
			t.Errorf("%s: %v (%s), want %v", f.Rel, f.Outcome, f.Message, w)
		}
		if f.Outcome == uploader.Failed && f.Message == "" {
			t.Errorf("%s failed without Scene7's words", f.Rel)
		}
	}
	// Events: started, the job seen processing at least once, one outcome per file, ended.
	processing, outcomes := 0, 0
	for _, ev := range events {
		switch ev.Kind {
		case uploader.JobProcessing:
			processing++
			if ev.State != "Running" {
				t.Errorf("state %q", ev.State)
			}
		case uploader.FileProcessed:
			outcomes++
			if ev.Item < 0 || fr.Files[ev.Item].Outcome != ev.Outcome || words.FollowEvent(ev) == "" {
				t.Errorf("event %+v", ev)
			}
		}
	}
	if events[0].Kind != uploader.FollowStarted || events[len(events)-1].Kind != uploader.FollowEnded ||
		processing == 0 || outcomes != len(items) || events[len(events)-1].Err != nil {
		t.Errorf("events: %d processing, %d outcomes, %+v … %+v", processing, outcomes, events[0], events[len(events)-1])
	}
	if s := words.FollowEvent(events[len(events)-1]); s != "4 of 7 files ready in Scene7 (1 with warnings), 3 failed." {
		t.Errorf("summary %q", s)
	}
}
