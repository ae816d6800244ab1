package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"hoist/internal/words"
	"hoist/sandbox"
)

// Scene7 refuses the first request as a request (30003): the files it carried get a ✗
// line each; the files no request carried get none, are listed once as not sent, and the
// summary counts them apart as "not sent", never as cancelled (nobody cancelled them) — in
// the human output and in --json's events (not_sent) and tally (not_sent; cancelled 0).
func TestUploadRefusedRequestListsTheOthersAsNotSent(t *testing.T) {
	r := startSandbox(t)
	r.SetFaults(sandbox.Faults{RequestFaultEvery: 1})
	dir := t.TempDir()
	files := map[string]string{}
	const n = 300
	for i := range n {
		files[fmt.Sprintf("many/f%03d.jpg", i)] = strings.Repeat("x", 100)
	}
	writeTree(t, dir, files)
	args := append([]string{"upload"}, scene7Args(r)...)
	out := hoist(t, invocation{env: demoEnv}, append(args, filepath.Join(dir, "many"))...)
	if out.code != exitFailed {
		t.Fatalf("exit %d, want 1\nstderr:\n%s", out.code, out.stderr)
	}
	failed := strings.Count(out.stdout, "✗ ")
	if failed == 0 || failed >= n {
		t.Fatalf("%d ✗ lines for %d files: want one per file of the one request sent\n%s", failed, n, out.stdout)
	}
	notSent := n - failed
	mustContain(t, "stdout", out.stdout, words.N("cli.summary.failed", failed, nil)+words.N("cli.summary.not_sent", notSent, nil)+words.T("cli.summary.end", nil))
	mustContain(t, "stderr", out.stderr, words.N("cli.upload.not_sent", notSent, nil))
	for _, s := range []string{out.stdout, out.stderr} {
		if strings.Contains(s, "cancelled") {
			t.Errorf("nobody cancelled, yet the output says so:\n%s", s)
		}
	}

	out = hoist(t, invocation{env: demoEnv}, append(append(args, "--json"), filepath.Join(dir, "many"))...)
	kinds := map[string]int{}
	markedNotSent := 0
	var tally map[string]any
	sc := bufio.NewScanner(strings.NewReader(out.stdout))
	for sc.Scan() {
		var ev map[string]any
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			t.Fatalf("not a JSON line: %q: %v", sc.Text(), err)
		}
		kind, _ := ev["kind"].(string)
		kinds[kind]++
		if ev["not_sent"] == true {
			if kind != "FileCancelled" {
				t.Errorf("not_sent on a %s line: %s", kind, sc.Text())
			}
			markedNotSent++
		}
		if kind == "JobEnded" {
			tally, _ = ev["tally"].(map[string]any)
		}
	}
	if kinds["FileFailed"] != failed || kinds["FileCancelled"] != notSent || markedNotSent != notSent ||
		tally["failed"] != float64(failed) || tally["not_sent"] != float64(notSent) || tally["cancelled"] != float64(0) {
		t.Fatalf("--json: %v (%d marked not_sent), tally %v; want %d failed, %d not sent, 0 cancelled", kinds, markedNotSent, tally, failed, notSent)
	}
}
