package main

import (
	"bufio"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"hoist/internal/sheet"
	"hoist/sandbox"
)

// processingSandbox runs a sandbox that takes a moment to process each job, and makes
// the command ask about it often.
func processingSandbox(t *testing.T) *sandbox.Running {
	t.Helper()
	r, err := sandbox.Start(sandbox.Config{Dir: t.TempDir(), ProcessingTime: 150 * time.Millisecond}, "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = r.Close() })
	old := followFirst
	followFirst = 10 * time.Millisecond
	t.Cleanup(func() { followFirst = old })
	return r
}

var mixedCampaign = map[string]string{
	"c/hero image.jpg": "\xFF\xD8\xFF\xE0jpeg",
	"c/poster.psb":     "8BPS",
	"c/notes.xyz":      "kept as is",
}

const acme = "https://s7d9.scene7.com/is/image/Acme/"

func TestUploadWaitPrintsWhatScene7MadeOfEachFile(t *testing.T) {
	r := processingSandbox(t)
	dir := t.TempDir()
	writeTree(t, dir, mixedCampaign)
	args := append([]string{"upload", "--wait", "--publish-base", acme}, scene7Args(r)...)
	out := hoist(t, invocation{env: demoEnv}, append(args, filepath.Join(dir, "c"))...)
	if out.code != exitFailed {
		t.Fatalf("exit %d, want 1 (a file failed in Scene7)\nstdout:\n%s\nstderr:\n%s", out.code, out.stdout, out.stderr)
	}
	mustContain(t, "stdout", out.stdout,
		"3 of 3 files uploaded",
		"✓ ready  c/hero image.jpg  "+acme+"hero%20image",
		"✗ failed in Scene7  c/poster.psb  c/poster.psb could not be processed: Photoshop Large Document",
		"! warnings  c/notes.xyz  "+acme+"notes  c/notes.xyz was stored as a plain file",
		"2 of 3 files ready in Scene7 (1 with warnings), 1 failed.")
	mustContain(t, "stderr", out.stderr, "Waiting for Scene7 to process job", "1 file was uploaded but failed in Scene7:", "c/poster.psb: ")
}

func TestUploadWaitAllReadyExits0AndSaysWhereTheBaseIs(t *testing.T) {
	r := processingSandbox(t)
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"ok/a.jpg": "\xFF\xD8\xFFa", "ok/b.pdf": "%PDF-1.4"})
	args := append([]string{"upload", "--wait"}, scene7Args(r)...)
	out := hoist(t, invocation{env: demoEnv}, append(args, filepath.Join(dir, "ok"))...)
	if out.code != exitOK {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", out.code, out.stdout, out.stderr)
	}
	mustContain(t, "stdout", out.stdout, "✓ ready  ok/a.jpg\n", "✓ ready  ok/b.pdf\n", "2 of 2 files ready in Scene7.")
	mustContain(t, "stderr", out.stderr, "--publish-base", "Setup › Application Setup › Publish Setup › Image Server")
}

func TestUploadWaitJSON(t *testing.T) {
	r := processingSandbox(t)
	dir := t.TempDir()
	writeTree(t, dir, mixedCampaign)
	args := append([]string{"upload", "--wait", "--json", "--publish-base", acme}, scene7Args(r)...)
	out := hoist(t, invocation{env: demoEnv}, append(args, filepath.Join(dir, "c"))...)
	if out.code != exitFailed {
		t.Fatalf("exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	outcomes := map[string]map[string]any{}
	kinds := map[string]int{}
	sc := bufio.NewScanner(strings.NewReader(out.stdout))
	for sc.Scan() {
		var ev map[string]any
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			t.Fatalf("not a JSON line: %q: %v", sc.Text(), err)
		}
		kinds[ev["kind"].(string)]++
		if ev["kind"] == "FileProcessed" {
			outcomes[ev["file"].(string)] = ev
		}
	}
	if kinds["FileDone"] != 3 || kinds["FollowStarted"] != 1 || kinds["FollowEnded"] != 1 || len(outcomes) != 3 {
		t.Fatalf("kinds %v, outcomes %v", kinds, outcomes)
	}
	if o := outcomes["c/hero image.jpg"]; o["outcome"] != "processed" || o["link"] != acme+"hero%20image" || o["asset_id"] != "hero image" {
		t.Errorf("hero: %v", o)
	}
	if o := outcomes["c/poster.psb"]; o["outcome"] != "failed" || !strings.Contains(o["scene7_said"].(string), "PSB") || o["link"] != nil {
		t.Errorf("poster: %v", o)
	}
	if o := outcomes["c/notes.xyz"]; o["outcome"] != "warnings" {
		t.Errorf("notes: %v", o)
	}
}

func TestUploadWaitSettings(t *testing.T) {
	r := startSandbox(t)
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.jpg": "x"})
	for _, bad := range [][]string{{"--wait", "--wait-limit", "0s"}, {"--publish-base", "s7d9.scene7.com/is/image/Acme"}} {
		args := append(append([]string{"upload"}, bad...), scene7Args(r)...)
		out := hoist(t, invocation{env: demoEnv}, append(args, dir)...)
		if out.code != exitUsage {
			t.Errorf("%v: exit %d, want 2\nstderr:\n%s", bad, out.code, out.stderr)
		}
		mustContain(t, "stderr", out.stderr, bad[len(bad)-2])
	}
	if len(r.Jobs()) != 0 {
		t.Error("something was sent despite bad settings")
	}
}

func TestJobLogShowsOutcomesAndCSV(t *testing.T) {
	r := startSandbox(t)
	dir := t.TempDir()
	writeTree(t, dir, mixedCampaign)
	args := append([]string{"upload", "--dest-folder", "spring"}, scene7Args(r)...)
	if out := hoist(t, invocation{env: demoEnv}, append(args, filepath.Join(dir, "c"))...); out.code != exitOK {
		t.Fatalf("upload: exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	handle := r.Jobs()[0].Handle
	base := append([]string{"job-log", "--publish-base", acme}, scene7Args(r)...)

	out := hoist(t, invocation{env: demoEnv}, append(base, handle)...)
	if out.code != exitOK {
		t.Fatalf("job-log: exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	mustContain(t, "job-log", out.stdout, "FILE", "OUTCOME", "processed", acme+"hero%20image", "failed", "warnings",
		"2 of 3 files ready in Scene7 (1 with warnings), 1 failed.")

	out = hoist(t, invocation{env: demoEnv}, append(base, "--csv", handle)...)
	if out.code != exitOK {
		t.Fatalf("job-log --csv: exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	lines := strings.Split(strings.TrimSpace(out.stdout), "\n")
	if len(lines) != 4 || lines[0] != sheet.BOM+"file,asset ID,outcome,message,link,replaced by" || !strings.Contains(out.stdout, ",hero image,processed,") {
		t.Errorf("csv:\n%s", out.stdout)
	}

	out = hoist(t, invocation{env: demoEnv}, append(base, "--json", handle)...)
	var l jsonJobLog
	if err := json.Unmarshal([]byte(out.stdout), &l); err != nil || len(l.Files) != 3 {
		t.Fatalf("job-log --json: %v %+v", err, l.Files)
	}
}
