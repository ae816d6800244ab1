package wordcheck

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestWordy(t *testing.T) {
	for s, want := range map[string]bool{
		"File added.": true, "%s: %s": false, "✓ %s  %s": false, "·": false, "%d/%d": false,
		"ファイル": true, "Hoist": false, "%-8s %q\n": false, "ETA %s": true, "%[1]s%%": false, "x": false,
		"HOIST_CONFIG_DIR": false, "destFolder": false, "hoist-preset/1": false, "Scene7": false, "Cancel": true, "Saved.": true, "Dr.Sum Cloud Hub": true,
	} {
		if got := Wordy(s); got != want {
			t.Errorf("Wordy(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestFind(t *testing.T) {
	dir := t.TempDir()
	src := `package ui

import "fmt"

const hint = "Drop files here"

func build() {
	widget.NewLabel("Hello there")
	widget.NewLabel(words.T("ui.hello", words.A{"Name": "x"}))
	label.SetText(fmt.Sprintf("%d of %d", 1, 2))
	label.SetText(hint)
	fmt.Fprintf(os.Stderr, "%s: %s\n", a, b)
	fmt.Fprintln(os.Stderr, "upload failed: " + err.Error())
	dialog.ShowInformation("Saved", msg, w)
	q.logf(Info, "", "Upload started: %s.", n)
	widget.NewSelect([]string{"Light", "Dark"}, nil)
	strings.Join(parts, ", and ")
	_ = &command{name: "upload", summary: "Upload files."}
	fs.StringVar(&x, "user", "", "user name")
}
`
	if err := os.WriteFile(filepath.Join(dir, "a.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "a_test.go"), []byte("package ui\nfunc x() { widget.NewLabel(\"in a test\") }\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	found, err := Find(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range found {
		got = append(got, f.Call+" "+f.Text)
	}
	want := []string{
		"widget.NewLabel Hello there", "SetText %d of %d", "SetText Drop files here", "fmt.Fprintln upload failed: ",
		"dialog.ShowInformation Saved", "logf Upload started: %s.", "widget.NewSelect Light", "widget.NewSelect Dark",
		"summary: Upload files.", "StringVar user name",
	}
	if !slices.Equal(got, want) {
		t.Errorf("found\n%q\nwant\n%q", got, want)
	}
}

// recorder catches what Check reports.
type recorder struct {
	testing.TB
	errors int
}

func (r *recorder) Errorf(string, ...any) { r.errors++ }
func (r *recorder) Helper()               {}

func TestCheckRatchets(t *testing.T) {
	dir := t.TempDir()
	src := "package ui\nfunc f() { widget.NewLabel(\"One sentence\"); widget.NewLabel(\"Another one\") }\n"
	if err := os.WriteFile(filepath.Join(dir, "a.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	for pending, wantErrors := range map[int]int{0: 1, 1: 1, 2: 0, 3: 0} {
		r := &recorder{TB: t}
		p := map[string]int{"a.go": pending}
		if pending == 0 {
			p = nil
		}
		Check(r, dir, p)
		if r.errors != wantErrors {
			t.Errorf("pending %d: %d errors, want %d", pending, r.errors, wantErrors)
		}
	}
}

// In a library whose errors are typed, the errors' own text is for developers: only the
// sentences elsewhere are found.
func TestFindInLibrary(t *testing.T) {
	dir := t.TempDir()
	src := `package engine

import ("errors"; "fmt")

type E struct{ n int }

func (e *E) Error() string { return fmt.Sprintf("bad answer %d from the server", e.n) }
func (e *E) String() string { return fmt.Sprint("the state of things") }

var errGone = errors.New("the file is gone")

func f(x int) error {
	_ = fmt.Sprintf("Choose a value for %d.", x)
	return fmt.Errorf("reading the answer: %w", errGone)
}
`
	if err := os.WriteFile(filepath.Join(dir, "e.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	lib, err := FindInLibrary(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(lib) != 1 || lib[0].Text != "Choose a value for %d." {
		t.Errorf("FindInLibrary = %v, want only the sentence outside the errors", lib)
	}
	all, err := Find(dir)
	if err != nil || len(all) != 5 {
		t.Errorf("Find = %v, %v: want every literal with words", all, err)
	}
}
