package uploader

import (
	"fmt"
	"hoist/internal/testfs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unsafe"
)

func writeTree(t *testing.T, root string, files map[string]string) { testfs.Write(t, root, files) }

func rels(items []Item) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = it.Rel
	}
	return out
}

func TestWalkAwkwardTree(t *testing.T) {
	dir := t.TempDir()
	camp := filepath.Join(dir, "Campaign")
	writeTree(t, camp, map[string]string{
		"img/a.jpg":               "a",
		"img/été 2026.jpg":        "é",
		"日本語/ポスター.psd":            "jp",
		`odd/<&>'".tif`:           "odd",
		"odd/empty.txt":           "",
		"deep/1/2/3/leaf.png":     "leaf",
		"img/.DS_Store":           "junk",
		"img/._a.jpg":             "junk",
		"Thumbs.db":               "junk",
		"docs/desktop.ini":        "junk",
		"docs/~$brief.docx":       "junk",
		"docs/brief.docx":         "real",
		"$RECYCLE.BIN/x.jpg":      "junk",
		".Spotlight-V100/store":   "junk",
		"docs/.~lock.brief.odt#":  "junk",
		"docs/.hidden-but-wanted": "kept",
	})
	single := filepath.Join(dir, "single file.ai")
	writeTree(t, dir, map[string]string{"single file.ai": "ai"})

	items, skipped := Walk([]string{single, camp, filepath.Join(camp, "img", "a.jpg"), camp})
	want := []string{
		"Campaign/deep/1/2/3/leaf.png", "Campaign/docs/.hidden-but-wanted", "Campaign/docs/brief.docx",
		"Campaign/img/a.jpg", "Campaign/img/été 2026.jpg", `Campaign/odd/<&>'".tif`, "Campaign/odd/empty.txt",
		"Campaign/日本語/ポスター.psd", "single file.ai",
	}
	if got := rels(items); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("items\n got %q\nwant %q", got, want)
	}
	for _, it := range items {
		if fi, err := os.Stat(it.Path); err != nil || fi.Size() != it.Size {
			t.Errorf("%s: path %s size %d does not match the disk", it.Rel, it.Path, it.Size)
		}
	}
	skippedNames := map[string]bool{}
	for _, s := range skipped {
		skippedNames[filepath.Base(s.Path)] = true
		if s.Kind != SkipSystem || s.System == 0 || s.Name != filepath.Base(s.Path) {
			t.Errorf("%s skipped as %+v, want a system file with its kind and name", s.Path, s)
		}
	}
	for _, n := range []string{".DS_Store", "._a.jpg", "Thumbs.db", "desktop.ini", "~$brief.docx", "$RECYCLE.BIN", ".Spotlight-V100", ".~lock.brief.odt#"} {
		if !skippedNames[n] {
			t.Errorf("%s was not skipped (skipped: %v)", n, skipped)
		}
	}
}

func TestWalkLinksAndLoops(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	root := filepath.Join(dir, "root")
	writeTree(t, root, map[string]string{"sub/file.txt": "x", "target.txt": "t"})
	must(t, os.Symlink(root, filepath.Join(root, "sub", "loop")))              // a folder loop
	must(t, os.Symlink("nowhere", filepath.Join(root, "broken")))              // dangling
	must(t, os.Symlink("self", filepath.Join(root, "self")))                   // link to itself
	must(t, os.Symlink("target.txt", filepath.Join(root, "alias.txt")))        // link to a file
	must(t, os.Symlink(filepath.Join(root, "sub"), filepath.Join(dir, "via"))) // dropped link to a folder

	items, skipped := Walk([]string{root, filepath.Join(dir, "via")})
	// via/file.txt is root/sub/file.txt under the same name: one upload. alias.txt is
	// target.txt under another name: a second asset.
	if got := strings.Join(rels(items), "|"); got != "root/alias.txt|root/sub/file.txt|root/target.txt" {
		t.Fatalf("items %q", got)
	}
	kinds := map[string]SkipKind{}
	for _, s := range skipped {
		kinds[s.Name] = s.Kind
	}
	if loop := kinds["loop"]; loop != SkipLinkLoop && loop != SkipLinkOutside || kinds["broken"] != SkipLinkBroken || kinds["self"] != SkipLinkSelf {
		t.Errorf("links skipped as %v: want loop, broken and self", kinds)
	}
}

// Several different files share a name and a size; the one a second route reaches is
// the first of them, so the duplicate check has to look past the later ones.
func TestWalkSameNameAndSizeReachedTwice(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	root := filepath.Join(dir, "root")
	writeTree(t, root, map[string]string{"a/x.jpg": "1", "b/x.jpg": "2", "c/x.jpg": "3"})
	must(t, os.Symlink(filepath.Join(root, "a"), filepath.Join(dir, "via")))
	items, skipped := Walk([]string{root, filepath.Join(dir, "via")})
	if got := strings.Join(rels(items), "|"); got != "root/a/x.jpg|root/b/x.jpg|root/c/x.jpg" || len(skipped) != 0 {
		t.Fatalf("items %q, skipped %v: via/x.jpg is root/a/x.jpg under the same name", got, skipped)
	}
}

func TestWalkMissingUnreadableAndCollisions(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a/pic.jpg": "one", "b/a/pic.jpg": "two", "locked/x.jpg": "x", "secret.jpg": "s"})
	paths := []string{filepath.Join(dir, "a"), filepath.Join(dir, "b", "a"), filepath.Join(dir, "gone.jpg")}
	if os.Geteuid() != 0 {
		must(t, os.Chmod(filepath.Join(dir, "secret.jpg"), 0))
		must(t, os.Chmod(filepath.Join(dir, "locked"), 0))
		defer os.Chmod(filepath.Join(dir, "locked"), 0o755)
		paths = append(paths, filepath.Join(dir, "secret.jpg"), filepath.Join(dir, "locked"))
	}
	items, skipped := Walk(paths)
	if got := strings.Join(rels(items), "|"); got != "a/pic.jpg" {
		t.Fatalf("items %q: two different files for a/pic.jpg must not both go", got)
	}
	text := ""
	for _, s := range skipped {
		text += fmt.Sprintf("%d %s other=%s folder=%v\n", s.Kind, s.Name, s.Other, s.Folder)
	}
	for _, want := range []string{fmt.Sprintf("%d pic.jpg other=%s", SkipSameRel, filepath.Join(dir, "a", "pic.jpg")), fmt.Sprintf("%d gone.jpg", SkipGone)} {
		if !strings.Contains(text, want) {
			t.Errorf("no skip saying %q in:\n%s", want, text)
		}
	}
	if os.Geteuid() != 0 {
		for _, want := range []string{fmt.Sprintf("%d secret.jpg other= folder=false", SkipUnreadable), fmt.Sprintf("%d locked other= folder=true", SkipUnreadable)} {
			if !strings.Contains(text, want) {
				t.Errorf("no skip saying %q in:\n%s", want, text)
			}
		}
	}
}

func TestWalkKeepsZeroByteFilesAndIsDeterministic(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"z.txt": "", "m/b.txt": "b", "m/a.txt": "a"})
	a, _ := Walk([]string{filepath.Join(dir, "z.txt"), filepath.Join(dir, "m")})
	b, _ := Walk([]string{filepath.Join(dir, "m"), filepath.Join(dir, "z.txt")})
	if strings.Join(rels(a), "|") != "m/a.txt|m/b.txt|z.txt" || strings.Join(rels(a), "|") != strings.Join(rels(b), "|") {
		t.Fatalf("walks differ or are unsorted: %q vs %q", rels(a), rels(b))
	}
	if a[2].Size != 0 {
		t.Fatal("empty file size")
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestWalkLinksOutsideAreNotFollowedUnlessAsked(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := t.TempDir()
	root := filepath.Join(dir, "Campaign")
	writeTree(t, root, map[string]string{"img/a.jpg": "a", "img/b.jpg": "b", "docs/brief.txt": "brief"})
	writeTree(t, dir, map[string]string{"private/id_rsa": "secret", "private/deep/key.pem": "key", "lone.txt": "lone"})
	must(t, os.Symlink(filepath.Join(dir, "private"), filepath.Join(root, "keys")))            // folder outside
	must(t, os.Symlink(filepath.Join(dir, "lone.txt"), filepath.Join(root, "lone.txt")))       // file outside
	must(t, os.Symlink("../img", filepath.Join(root, "docs", "pictures")))                     // folder inside, relative
	must(t, os.Symlink(filepath.Join(root, "img", "a.jpg"), filepath.Join(root, "alias.jpg"))) // file inside, another name
	must(t, os.Symlink("..", filepath.Join(root, "img", "up")))                                // an ancestor: a loop
	must(t, os.Symlink("../..", filepath.Join(root, "img", "upup")))                           // above the root: outside

	items, skipped := Walk([]string{root})
	// docs/pictures is img again under the same names: sent once. alias.jpg is a.jpg under
	// another name: a second asset, as a copy would be.
	if got := strings.Join(rels(items), "|"); got != "Campaign/alias.jpg|Campaign/docs/brief.txt|Campaign/img/a.jpg|Campaign/img/b.jpg" {
		t.Fatalf("items %q", got)
	}
	kinds := map[string]SkipKind{}
	for _, s := range skipped {
		kinds[s.Rel] = s.Kind
	}
	for rel, want := range map[string]SkipKind{"Campaign/keys": SkipLinkOutside, "Campaign/lone.txt": SkipLinkOutside,
		"Campaign/img/upup": SkipLinkOutside, "Campaign/img/up": SkipLinkLoop} {
		if kinds[rel] != want {
			t.Errorf("%s: kind %d, want %d (skipped %+v)", rel, kinds[rel], want, skipped)
		}
	}
	for _, it := range items {
		if strings.Contains(it.Path, "private") {
			t.Errorf("%s was walked from outside the folder", it.Path)
		}
	}
	if SkipLinkOutside.Expected() || !SkipLinkLoop.Expected() || !SkipSystem.Expected() {
		t.Error("Expected: only system files and loops are left out by design")
	}

	items, _ = WalkWith([]string{root}, WalkOptions{FollowLinks: true})
	got := strings.Join(rels(items), "|")
	// upup (the folder above the root) is followed first and reaches private/ and
	// lone.txt before keys/ does: each file is sent once, by the first route.
	for _, want := range []string{"/id_rsa", "/key.pem", "/lone.txt"} {
		if strings.Count(got, want) != 1 {
			t.Errorf("FollowLinks: %s not exactly once in %q", want, got)
		}
	}
	// upup holds the root too: its files are not sent twice and the walk ends.
	if strings.Count(got, "/img/a.jpg") != 1 || strings.Count(got, "alias.jpg") != 1 {
		t.Errorf("FollowLinks: %q", got)
	}

	// A dropped link is what people mean: followed wherever it points.
	items, skipped = Walk([]string{filepath.Join(root, "keys")})
	if got := strings.Join(rels(items), "|"); got != "keys/deep/key.pem|keys/id_rsa" || len(skipped) != 0 {
		t.Errorf("dropped link: items %q skipped %v", got, skipped)
	}
}

func TestWalkNamesNFCControlAndKinds(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "Camp "+"e\u0301te\u0301") // the dropped folder's own name is NFD too
	writeTree(t, root, map[string]string{
		"caf" + "e\u0301" + ".jpg": "nfd",
		"café.jpg":                 "nfc", // another file whose name differs only by normalisation
		"日本語/写真 \"1\" <&>.jpg":     "jp",
		"tab\there.jpg":            "tab",
		"line\nbreak/x.jpg":        "nl",
		".DS_Store":                "junk",
	})
	items, skipped := Walk([]string{root})
	if got := strings.Join(rels(items), "|"); got != "Camp été/café.jpg|Camp été/日本語/写真 \"1\" <&>.jpg" {
		t.Fatalf("items %q", got)
	}
	kinds := map[SkipKind][]Skipped{}
	for _, s := range skipped {
		kinds[s.Kind] = append(kinds[s.Kind], s)
	}
	if len(kinds[SkipSameNFC]) != 1 || kinds[SkipSameNFC][0].Other == "" {
		t.Errorf("NFD twin: %v", kinds)
	}
	if c := kinds[SkipControlChar]; len(c) != 2 || c[0].Char != '\n' && c[1].Char != '\n' || c[0].Char != '\t' && c[1].Char != '\t' {
		t.Errorf("control characters: %v", kinds)
	}
	if len(kinds[SkipSystem]) != 1 {
		t.Errorf("system: %v", kinds)
	}
}

// childRel is always rel/name with the name in NFC; where the path ends that way already
// (slash-separated paths, a name in NFC), it is that end of the path, not a new string.
func TestChildRelIsTheJoinedNameAndSharesThePath(t *testing.T) {
	sep := string(filepath.Separator)
	cases := []struct {
		child, rel, name string
		shared           bool
	}{
		{"small" + sep + "campaign" + sep + "img.jpg", "small/campaign", "img.jpg", true},
		{sep + "home" + sep + "me" + sep + "drop" + sep + "a.png", "drop", "a.png", true},
		{sep + "x" + sep + "b.png", "", "b.png", true},
		{sep + "x" + sep + nfd + ".jpg", "x", nfd + ".jpg", false},          // the Rel is NFC, the path NFD
		{sep + "d" + sep + nfd + sep + "c.jpg", "d/été", "c.jpg", false},    // a folder renamed to NFC above
		{sep + "other" + sep + "c.jpg", "drop/sub", "c.jpg", false},         // a Rel that is not the path's end
		{sep + "ab" + sep + "c.jpg", "b", "c.jpg", true},                    // the same bytes, whatever the folder
		{"c.jpg", "drop", "c.jpg", false},                                   // a path shorter than the Rel
		{sep + "q" + sep + `日本語 "q" <&>.jpg`, "q", `日本語 "q" <&>.jpg`, true}, // any bytes but a slash
	}
	for _, c := range cases {
		got := childRel(c.child, c.rel, c.name)
		if want := path.Join(c.rel, NFC(c.name)); got != want {
			t.Errorf("childRel(%q, %q, %q) = %q, want %q", c.child, c.rel, c.name, got, want)
		}
		shared := len(got) > 0 && len(got) <= len(c.child) && unsafe.StringData(got) == unsafe.StringData(c.child[len(c.child)-len(got):])
		if shared != (c.shared && filepath.Separator == '/') {
			t.Errorf("childRel(%q, %q, %q): shares the path's bytes %v, want %v", c.child, c.rel, c.name, shared, c.shared)
		}
	}
}
