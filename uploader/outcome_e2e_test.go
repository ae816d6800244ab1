package uploader_test

import (
	"path"
	"path/filepath"
	"strings"
	"testing"

	"hoist/internal/testfs"
	"hoist/sandbox"
	"hoist/uploader"
)

// End to end over loopback: two files of one job share the asset ID "hero"; the one
// Scene7 (the sandbox) kept is ready and the other is reported replaced by it, and the
// job's log read on its own has a row per file, not per asset ID.
func TestE2EFollowSharedAssetID(t *testing.T) {
	srv, err := sandbox.Start(sandbox.Config{Dir: t.TempDir()}, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = srv.Close() })
	root := filepath.Join(t.TempDir(), "t9")
	png := "\x89PNG\r\n\x1a\n a PNG"
	testfs.Write(t, root, map[string]string{"a/hero.png": png, "b/hero.png": png, "logo.png": png, "bad.png": "text, not a PNG"})
	items, _ := uploader.Walk([]string{root})
	c := testClient()
	b := &box{Server: srv.Server, url: srv.URL}
	req := b.scene7Request(t, items)
	req.Conn = demoScene7(t, srv.URL, true)
	for round := range 2 {
		followSharedAssetID(t, srv, c, req, round)
	}
}

// followSharedAssetID uploads the tree (again, from the second round: each hero then
// replaces the other's earlier version too) and checks what the follow-up and the log
// read on its own say of each file.
func followSharedAssetID(t *testing.T, srv *sandbox.Running, c *uploader.Client, req uploader.Request, round int) {
	t.Helper()
	items := req.Items
	res, err := c.Upload(t.Context(), req, nil)
	if err != nil || len(res.Jobs) != 1 {
		t.Fatalf("round %d, upload: %v", round, err)
	}
	var rels []string
	for _, it := range items {
		rels = append(rels, it.Rel)
	}
	// Which of the two the sandbox kept depends on the order the POSTs arrived in.
	kept := ""
	for _, a := range srv.Assets(sandbox.DemoCompany) {
		if a.ID == "hero" {
			kept = strings.TrimPrefix(a.Path, req.DestFolder+"/")
		}
	}
	if kept != "t9/a/hero.png" && kept != "t9/b/hero.png" {
		t.Fatalf("the sandbox kept %q", kept)
	}
	other := map[string]string{"t9/a/hero.png": "t9/b/hero.png", "t9/b/hero.png": "t9/a/hero.png"}[kept]
	fr, err := c.Follow(t.Context(), uploader.FollowRequest{Conn: req.Conn, JobHandle: res.Jobs[0].Handle,
		DestFolder: req.DestFolder, Files: rels}, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		o  uploader.Outcome
		by string
	}{kept: {uploader.Processed, ""}, other: {uploader.Replaced, kept}, "t9/logo.png": {uploader.Processed, ""}, "t9/bad.png": {uploader.Failed, ""}}
	check := func(outs []uploader.FileOutcome, prefix string) {
		t.Helper()
		if len(outs) != len(want) {
			t.Fatalf("round %d: %d outcomes for %d files: %+v", round, len(outs), len(want), outs)
		}
		for _, f := range outs {
			w, ok := want[strings.TrimPrefix(f.Rel, prefix)]
			if by := strings.TrimPrefix(f.ReplacedBy, prefix); !ok || f.Outcome != w.o || by != w.by {
				t.Errorf("round %d, %s: %v (by %q), want %v (by %q)", round, f.Rel, f.Outcome, f.ReplacedBy, w.o, w.by)
			}
		}
	}
	check(fr.Files, "")
	if n := uploader.TallyOutcomes(fr.Files); n != (uploader.OutcomeTally{Files: 4, Ready: 2, Failed: 1, Replaced: 1}) {
		t.Errorf("tally %+v", n)
	}
	// hoist job-log: the log alone, without the list of files.
	check(uploader.MatchOutcomes(fr.Logs, "", nil), path.Clean(req.DestFolder)+"/")
}
