//go:build unix

package uploader

import (
	"errors"
	"fmt"
	"maps"
	"net"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"golang.org/x/sys/unix"
)

// walkOne walks one path as a folder's listing hands it over, with the folder's look at it
// (listed) or without, links put off until the end as in WalkWith.
func walkOne(t *testing.T, root, name string, throughLook bool) ([]Item, []Skipped) {
	var lk look
	if throughLook {
		d, _, err := openFolder(root)
		if err != nil {
			t.Fatal(err)
		}
		lk.size, lk.id, lk.err = d.lookAt(root, name)
		lk.looked = true
		d.close()
	}
	w := newWalker(WalkOptions{})
	w.inside = root
	w.visit(filepath.Join(root, name), "root/"+name, nil, false, lk)
	for len(w.links) > 0 {
		l := w.links[0]
		w.links = w.links[1:]
		w.visit(l.path, l.rel, l.ancestors, true, look{})
	}
	return w.items, w.skipped
}

// Between a folder's listing and the walk's look at each file anything can happen to the
// file. Whatever it became, the path through the folder's look must end exactly where the
// lstat path ends: gone, a link, a folder, a pipe (without blocking), a socket.
func TestWalkListedFileChangedSinceListing(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"root/real.jpg": "abc", "root/sub/in.jpg": "x", "outside.jpg": "o"})
	root := filepath.Join(dir, "root")
	must(t, os.Symlink("real.jpg", filepath.Join(root, "link.jpg")))
	must(t, os.Symlink(filepath.Join(dir, "outside.jpg"), filepath.Join(root, "away.jpg")))
	must(t, os.Symlink("nowhere", filepath.Join(root, "broken.jpg")))
	must(t, syscall.Mkfifo(filepath.Join(root, "pipe.jpg"), 0o600))
	l, err := net.Listen("unix", filepath.Join(root, "sock.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	want := map[string]SkipKind{
		"real.jpg": 0, "sub": 0, "link.jpg": 0,
		"gone.jpg": SkipGone, "away.jpg": SkipLinkOutside, "broken.jpg": SkipLinkBroken,
		"pipe.jpg": SkipSpecial, "sock.jpg": SkipSpecial,
	}
	if os.Geteuid() != 0 { // root reads every file
		writeTree(t, dir, map[string]string{"root/secret.jpg": "s"})
		must(t, os.Chmod(filepath.Join(root, "secret.jpg"), 0))
		want["secret.jpg"] = SkipUnreadable
	}
	for name, kind := range want {
		items, skipped := walkOne(t, root, name, true)
		byPath, skippedByPath := walkOne(t, root, name, false)
		if !reflect.DeepEqual(items, byPath) || !reflect.DeepEqual(withoutErr(skipped), withoutErr(skippedByPath)) {
			t.Errorf("%s: through the folder's look %v %v, looked at by path %v %v", name, items, skipped, byPath, skippedByPath)
		}
		switch {
		case kind == 0 && (len(items) == 0 || len(skipped) != 0):
			t.Errorf("%s: want it kept, got %v, skipped %v", name, items, skipped)
		case kind != 0 && (len(items) != 0 || len(skipped) != 1 || skipped[0].Kind != kind):
			t.Errorf("%s: want it skipped as %d, got %v, skipped %v", name, kind, items, skipped)
		}
	}
}

// lookAt gives what Lstat gives for a regular file, and refuses anything else.
func TestLookAt(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.jpg": "12345", "sub/b.jpg": ""})
	d, _, err := openFolder(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer d.close()
	lookAt := func(name string) (int64, fileID, error) { return d.lookAt(dir, name) }
	p := filepath.Join(dir, "a.jpg")
	size, id, err := lookAt("a.jpg")
	fi, lerr := os.Lstat(p)
	if err != nil || lerr != nil || size != 5 || id != idOf(fi) || !id.same(idOf(fi)) {
		t.Fatalf("lookAt = %d %v %v; Lstat %v %v", size, id, err, fi, lerr)
	}
	must(t, os.Link(p, filepath.Join(dir, "hard.jpg")))
	must(t, os.Symlink("a.jpg", filepath.Join(dir, "soft.jpg")))
	if _, hid, err := lookAt("hard.jpg"); err != nil || !hid.same(id) {
		t.Errorf("a hard link is the same file: %v %v", hid, err)
	}
	if _, other, _ := lookAt("sub/b.jpg"); other.same(id) {
		t.Errorf("two files, one identity: %v", other)
	}
	for _, name := range []string{"soft.jpg", "sub"} {
		if _, _, err := lookAt(name); !errors.Is(err, errNotPlain) {
			t.Errorf("%s: %v, want errNotPlain", name, err)
		}
	}
	if _, _, err := lookAt("gone.jpg"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("gone: %v", err)
	}
}

// A folder large enough to be looked at by several goroutines gives what the one-by-one
// walk gives: every file once, in order, the same things left out for the same reasons.
func TestWalkLargeFolderLookedAtInParallel(t *testing.T) {
	dir := t.TempDir()
	tree := map[string]string{"Big/.DS_Store": "x", "Big/Thumbs.db": "x", "Big/sub/inner.jpg": "in"}
	var want []string
	for i := range 10 * lookParallel {
		name := fmt.Sprintf("Big/img-%04d.jpg", i)
		tree[name] = strings.Repeat("x", i)
		want = append(want, name)
	}
	writeTree(t, dir, tree)
	root := filepath.Join(dir, "Big")
	must(t, os.Link(filepath.Join(root, "img-0001.jpg"), filepath.Join(root, "hard.jpg")))
	must(t, os.Symlink("img-0002.jpg", filepath.Join(root, "soft.jpg")))
	must(t, os.Symlink(filepath.Join(dir, "elsewhere.jpg"), filepath.Join(root, "away.jpg")))
	must(t, os.WriteFile(filepath.Join(root, "bad\x01name.jpg"), []byte("c"), 0o644))
	want = append(want, "Big/hard.jpg", "Big/soft.jpg", "Big/sub/inner.jpg")
	slices.Sort(want)

	items, skipped := Walk([]string{root})
	if got := rels(items); !slices.Equal(got, want) {
		t.Errorf("items %d, want %d:\n%v", len(got), len(want), got)
	}
	for _, it := range items {
		if n, ok := strings.CutPrefix(it.Rel, "Big/img-"); ok {
			if i, _ := strconv.Atoi(strings.TrimSuffix(n, ".jpg")); it.Size != int64(i) {
				t.Errorf("%s: size %d, want %d", it.Rel, it.Size, i)
			}
		}
	}
	kinds := map[string]SkipKind{}
	for _, s := range skipped {
		kinds[s.Rel] = s.Kind
	}
	wantSkipped := map[string]SkipKind{"Big/.DS_Store": SkipSystem, "Big/Thumbs.db": SkipSystem,
		"Big/away.jpg": SkipLinkBroken, "Big/bad\x01name.jpg": SkipControlChar}
	if !maps.Equal(kinds, wantSkipped) {
		t.Errorf("skipped %v, want %v", kinds, wantSkipped)
	}
}

// withoutErr drops the system's error, whose operation (open or lstat) depends on the way
// the file was looked at; the kind and the rest must not.
func withoutErr(skipped []Skipped) []Skipped {
	out := make([]Skipped, len(skipped))
	for i, s := range skipped {
		s.Err = nil
		out[i] = s
	}
	return out
}

// The permission bits answer for the user only when they say yes for every class the user
// may be in; anything else is asked of the kernel, which knows ACLs and root.
func TestReadableByBits(t *testing.T) {
	const me, other = 501, 502
	for _, c := range []struct {
		owner int
		mode  uint32
		want  bool
	}{
		{me, 0o600, true},
		{me, 0o400, true},
		{me, 0o044, false}, // the owner's class decides for the owner, even if others may read
		{me, 0o000, false},
		{other, 0o644, true},
		{other, 0o604, false}, // a group without read refuses its members
		{other, 0o640, false}, // and others may not read: ask whether this user is in the group
		{other, 0o600, false}, // an ACL or root may still allow it: ask
	} {
		if got := readableByBits(uint32(c.owner), unix.S_IFREG|c.mode, me); got != c.want {
			t.Errorf("owner %d mode %o: %v, want %v", c.owner, c.mode, got, c.want)
		}
	}
}
