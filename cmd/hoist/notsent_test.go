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
// summary counts them apart — in the human output and in --json's events and tally.
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
	mustContain(t, "stdout", out.stdout, words.N("cli.summary.failed", failed, nil)+words.N("cli.summary.cancelled", notSent, nil))
	mustContain(t, "stderr", out.stderr, words.N("cli.upload.not_sent", notSent, nil))

	out = hoist(t, invocation{env: demoEnv}, append(append(args, "--json"), filepath.Join(dir, "many"))...)
	kinds := map[string]int{}
	var tally map[string]any
	sc := bufio.NewScanner(strings.NewReader(out.stdout))
	for sc.Scan() {
		var ev map[string]any
		if err := json.Unmarshal(sc.Bytes(), &ev); err != nil {
			t.Fatalf("not a JSON line: %q: %v", sc.Text(), err)
		}
		kind, _ := ev["kind"].(string)
		kinds[kind]++
		if kind == "JobEnded" {
			tally, _ = ev["tally"].(map[string]any)
		}
	}
	if kinds["FileFailed"] != failed || kinds["FileCancelled"] != notSent ||
		tally["failed"] != float64(failed) || tally["cancelled"] != float64(notSent) {
		t.Fatalf("--json: %v, tally %v; want %d failed, %d not sent", kinds, tally, failed, notSent)
	}
}
