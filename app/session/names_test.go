package session

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"hoist/sandbox"
	"hoist/uploader"
)

func namesOf(q *Queue) map[string][]uploader.NameWarningKind {
	out := map[string][]uploader.NameWarningKind{}
	for _, r := range q.Rows() {
		for _, w := range r.Names {
			out[r.Rel] = append(out[r.Rel], w.Kind)
		}
	}
	return out
}

// The rows carry Scene7's pre-flight warnings before Upload, follow the queue as it
// changes, and do not stop the upload, which goes to the real sandbox.
func TestRowsCarryNameWarningsAndTheUploadGoesOn(t *testing.T) {
	dir := tree(t, map[string]string{
		"c/hero.jpg": "1", "c/hero.png": "2", "c/a&b <c>.tif": "3", "c/notes.xyz": "4",
		"c/ok é.jpg": "5", "c/日本語.psd": "6", "c/Thumbs.db": "junk",
	})
	q := New(Config{Uploader: uploader.NewClient()})
	rec := newRecorder(q)
	q.Add([]string{filepath.Join(dir, "c")})
	got := namesOf(q)
	want := map[string]string{
		"c/hero.jpg": "[same-asset]", "c/hero.png": "[same-asset]",
		"c/a&b <c>.tif": "[characters-removed]", "c/notes.xyz": "[unsupported-format]",
	}
	if len(got) != len(want) {
		t.Fatalf("warnings on %v, want on %v", got, want)
	}
	for rel, kinds := range want {
		if s := formatKinds(got[rel]); s != kinds {
			t.Errorf("%s: %s, want %s", rel, s, kinds)
		}
	}
	for _, r := range q.Rows() {
		if r.Rel == "c/a&b <c>.tif" && !strings.Contains(r.NameWarnings(), `"ab c"`) {
			t.Errorf("the row does not show the asset ID: %q", r.NameWarnings())
		}
	}

	// Dr.Sum keeps names as they are: no warnings; back to Scene7, they return.
	q.SetTarget(Target{Conn: uploader.Conn{Endpoint: uploader.Endpoint{Service: uploader.DrSum}}})
	if n := len(namesOf(q)); n != 0 {
		t.Fatalf("Dr.Sum: %d rows with warnings", n)
	}
	q.SetTarget(Target{Conn: uploader.Conn{Endpoint: uploader.Endpoint{Service: uploader.Scene7}}})
	if n := len(namesOf(q)); n != 4 {
		t.Fatalf("Scene7 again: %d rows with warnings, want 4", n)
	}

	// Taking hero.png off the queue leaves hero.jpg alone with its name.
	for i, r := range q.Rows() {
		if r.Rel == "c/hero.png" {
			if err := q.Remove([]int{i}); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, ok := namesOf(q)["c/hero.jpg"]; ok {
		t.Fatal("hero.jpg still warned about after hero.png was removed")
	}

	// The warnings do not stop the upload.
	r, err := sandbox.Start(sandbox.Config{Dir: t.TempDir()}, "")
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	ep, err := uploader.CustomEndpoint(uploader.Scene7, r.Scene7UploadURL(), "", false)
	if err != nil {
		t.Fatal(err)
	}
	if err := q.Start(Target{Conn: uploader.Conn{Endpoint: ep, Company: sandbox.DemoCompany,
		Credentials: uploader.Credentials{User: sandbox.DemoUser, Password: sandbox.DemoPassword}}, Options: uploader.DefaultOptions()}); err != nil {
		t.Fatal(err)
	}
	if sum := <-rec.ended; sum.Done != 5 || sum.Failed != 0 {
		t.Fatalf("summary %+v", sum)
	}
}

func formatKinds(ks []uploader.NameWarningKind) string {
	s := make([]string, len(ks))
	for i, k := range ks {
		s[i] = k.String()
	}
	return "[" + strings.Join(s, " ") + "]"
}

func TestAddFollowsLinksOutOfTheFolderOnlyWhenAsked(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	dir := tree(t, map[string]string{"c/a.jpg": "a", "private/key.pem": "k"})
	if err := os.Symlink(filepath.Join(dir, "private"), filepath.Join(dir, "c", "keys")); err != nil {
		t.Fatal(err)
	}
	q := New(Config{Uploader: &fakeEngine{}})
	q.Add([]string{filepath.Join(dir, "c")})
	st := statesOf(q)
	if st["c/a.jpg"] != Queued || st["c/keys"] != Skipped || len(st) != 2 {
		t.Fatalf("states %v", st)
	}
	for _, r := range q.Rows() {
		if r.Rel == "c/keys" && !strings.Contains(r.Reason, "links to a place outside the folder you chose") {
			t.Errorf("reason %q", r.Reason)
		}
	}
	q.RemoveAll()
	q.SetFollowLinks(true)
	q.Add([]string{filepath.Join(dir, "c")})
	if st := statesOf(q); st["c/keys/key.pem"] != Queued {
		t.Fatalf("with links followed: %v", st)
	}
}
