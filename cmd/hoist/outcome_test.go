package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"hoist/internal/sheet"
	"hoist/sandbox"
	"hoist/uploader"
)

// sharedIDTree has two valid PNGs that become the same asset "hero", one that is valid
// and one that is not a PNG: four files, three asset IDs.
var sharedIDTree = map[string]string{
	"t9/a/hero.png": "\x89PNG\r\n\x1a\n a",
	"t9/b/hero.png": "\x89PNG\r\n\x1a\n b",
	"t9/logo.png":   "\x89PNG\r\n\x1a\n logo",
	"t9/bad.png":    "text, not a PNG",
}

// keptHero is which of the two hero files the sandbox kept (the order the POSTs arrived
// in decides), and the other one.
func keptHero(t *testing.T, r *sandbox.Running, dest string) (kept, other string) {
	t.Helper()
	for _, a := range r.Assets(sandbox.DemoCompany) {
		if a.ID == "hero" {
			kept = strings.TrimPrefix(a.Path, dest+"/")
		}
	}
	switch kept {
	case "t9/a/hero.png":
		return kept, "t9/b/hero.png"
	case "t9/b/hero.png":
		return kept, "t9/a/hero.png"
	}
	t.Fatalf("the sandbox kept %q as hero", kept)
	return "", ""
}

// --wait: the file whose asset a later file of the job replaced is not "ready".
func TestUploadWaitSharedAssetID(t *testing.T) {
	r := processingSandbox(t)
	dir := t.TempDir()
	writeTree(t, dir, sharedIDTree)
	args := append([]string{"upload", "--dest-folder", "w", "--wait"}, scene7Args(r)...)
	out := hoist(t, invocation{env: demoEnv}, append(args, filepath.Join(dir, "t9"))...)
	if out.code != exitFailed {
		t.Fatalf("exit %d, want 1 (bad.png failed)\nstdout:\n%s\nstderr:\n%s", out.code, out.stdout, out.stderr)
	}
	kept, other := keptHero(t, r, "w")
	mustContain(t, "stdout", out.stdout,
		"✓ ready  "+kept+"\n",
		"↷ replaced  "+other+"  by "+kept+" (same asset ID, sent later in this job)",
		"✓ ready  t9/logo.png\n",
		"✗ failed in Scene7  t9/bad.png  ",
		"2 of 4 files ready in Scene7, 1 failed, 1 replaced by a later file.")
	if strings.Contains(out.stdout, "✓ ready  "+other) {
		t.Errorf("the replaced file is reported ready:\n%s", out.stdout)
	}
}

// job-log: one row per file (its path, not its asset ID), four files as the job counts.
func TestJobLogSharedAssetID(t *testing.T) {
	r := startSandbox(t)
	dir := t.TempDir()
	writeTree(t, dir, sharedIDTree)
	args := append([]string{"upload", "--dest-folder", "w"}, scene7Args(r)...)
	if out := hoist(t, invocation{env: demoEnv}, append(args, filepath.Join(dir, "t9"))...); out.code != exitOK {
		t.Fatalf("upload: exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	kept, other := keptHero(t, r, "w")
	handle := r.Jobs()[0].Handle
	base := append([]string{"job-log"}, scene7Args(r)...)
	out := hoist(t, invocation{env: demoEnv}, append(base, handle)...)
	if out.code != exitOK {
		t.Fatalf("job-log: exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	rows := map[string]string{}
	for _, l := range strings.Split(out.stdout, "\n") {
		if f := strings.Fields(l); len(f) > 2 && strings.HasPrefix(f[0], "w/t9/") {
			rows[f[0]] = l
		}
	}
	if len(rows) != 4 {
		t.Fatalf("%d file rows, want 4:\n%s", len(rows), out.stdout)
	}
	mustContain(t, "kept", rows["w/"+kept], "✓ ready")
	mustContain(t, "replaced", rows["w/"+other], "↷ replaced", "by w/"+kept)
	mustContain(t, "job-log", out.stdout, "4 files:", "2 of 4 files ready in Scene7, 1 failed, 1 replaced by a later file.")

	out = hoist(t, invocation{env: demoEnv}, append(base, "--json", handle)...)
	var l jsonJobLog
	if err := json.Unmarshal([]byte(out.stdout), &l); err != nil || len(l.Files) != 4 {
		t.Fatalf("job-log --json: %v %+v", err, l.Files)
	}
	for _, f := range l.Files {
		if f.File == "w/"+other && (f.Outcome.String() != "replaced" || f.ReplacedBy != "w/"+kept) {
			t.Errorf("json %+v", f)
		}
	}

	// --csv: the replaced file's row names the file that replaced it, in the last column.
	out = hoist(t, invocation{env: demoEnv}, append(base, "--csv", handle)...)
	recs, err := sheet.NewReader(strings.NewReader(out.stdout)).ReadAll()
	if out.code != exitOK || err != nil || len(recs) != 5 {
		t.Fatalf("job-log --csv: exit %d, %v\n%s", out.code, err, out.stdout)
	}
	if h := strings.Join(recs[0], ","); h != "file,asset ID,outcome,message,link,replaced by" {
		t.Errorf("CSV header %q", h)
	}
	for _, rec := range recs[1:] {
		want := map[string]string{"w/" + other: "w/" + kept}[rec[0]]
		if rec[5] != want || (want != "") != (rec[2] == "replaced") {
			t.Errorf("CSV row %q: replaced by %q, want %q", rec, rec[5], want)
		}
	}
}

// job-log says why its rows are not as many as the job's files.
func TestJobLogFileCountDiffers(t *testing.T) {
	outs := uploader.MatchOutcomes([]uploader.JobLog{{Details: []uploader.LogDetail{
		{LogType: "UploadSuccess", AssetName: "a", LogMessage: "w/a.jpg was processed into IPS"},
		{LogType: "UploadSuccess", AssetName: "b", LogMessage: "w/b.jpg was processed into IPS"},
	}}}, "", nil)
	for _, c := range []struct {
		total int
		want  string
	}{
		{2, ""},
		{3, "  1 file of the job has no line of its own in this log: look for it in Dynamic Media Classic.\n"},
		{1, "  This log names 2 files while the job counts 1: Scene7 may name one file in two ways.\n"},
	} {
		var b strings.Builder
		printFileCount(&b, uploader.JobLog{TotalFileCount: c.total}, outs)
		if b.String() != c.want {
			t.Errorf("%d files: %q, want %q", c.total, b.String(), c.want)
		}
	}
}
