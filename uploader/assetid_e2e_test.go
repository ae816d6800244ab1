package uploader_test

import (
	"context"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"hoist/sandbox"
	"hoist/uploader"
)

// The engine's pre-flight (AssetID) and the sandbox's store were written apart from the
// same rules (docs/protocol.md §Asset names). Uploading names that exercise every rule
// must give, on the sandbox, exactly the asset IDs the pre-flight predicted.
func TestE2EPreflightAssetIDsAgreeWithTheSandbox(t *testing.T) {
	b := startBox(t, 0)
	root := filepath.Join(t.TempDir(), "names")
	names := []string{
		"plain.jpg",
		"a&b <c>.tif",              // removed characters
		`q/x\;?:@=+$,*"|'{}%y.png`, // every removed character but / (a folder)
		"été 2026/Affiche été.psd", // letters of any language; folders keep their names
		"Case/CASE.jpg",            // IDs are case-sensitive: CASE ≠ case
		"case.gif",
		"archive.tar.gz",    // the extension runs from the last dot
		"trailing dot.",     // an empty extension
		"no extension",      // none at all
		"deep/1/2/leaf.bmp", // folders never make IDs
	}
	for _, n := range names {
		p := filepath.Join(root, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(n), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	items, skipped := uploader.Walk([]string{root})
	if len(items) != len(names) || len(skipped) != 0 {
		t.Fatalf("walk: %d items, skipped %v", len(items), skipped)
	}
	res, err := testClient().Upload(context.Background(), b.scene7Request(t, items), nil)
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range res.Files {
		if f.State != uploader.StateDone {
			t.Errorf("%s: %v %v", items[i].Rel, f.State, f.Err)
		}
	}
	var want, got []string
	for _, it := range items {
		want = append(want, uploader.AssetID(it.Rel))
	}
	for _, a := range b.Assets(sandbox.DemoCompany) {
		got = append(got, a.ID)
	}
	sort.Strings(want)
	if len(got) != len(want) {
		t.Fatalf("the sandbox holds assets %q, the pre-flight predicted %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("the sandbox holds assets %q, the pre-flight predicted %q", got, want)
			break
		}
	}
}
