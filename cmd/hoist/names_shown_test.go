package main

import (
	"bytes"
	"errors"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"hoist/uploader"
)

// A file name is printed the same way wherever the command line prints it: as it is, unless
// it holds a character the terminal would act on (a line break, the escape of a colour
// code); then quoted, with that character escaped, so a line stays one line.

func TestUploadPrintsControlCharactersInNamesEscaped(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows file names cannot hold control characters")
	}
	r := startSandbox(t)
	dir := t.TempDir()
	root := filepath.Join(dir, "t2")
	writeTree(t, root, map[string]string{
		"nl\nline.jpg":            "3",
		"esc\x1b[31mred.jpg":      "4",
		`café "q" 'a' 写真 1\x.jpg`: "5",
	})
	out := hoist(t, invocation{env: demoEnv}, append(append([]string{"upload"}, scene7Args(r)...), root)...)
	if out.code != exitFailed {
		t.Fatalf("exit %d, want 1 (two files left out)\nstderr:\n%s", out.code, out.stderr)
	}
	for what, s := range map[string]string{"stdout": out.stdout, "stderr": out.stderr} {
		if strings.Contains(s, "\x1b") {
			t.Errorf("%s holds a raw escape character: %q", what, s)
		}
	}
	for _, l := range strings.Split(strings.TrimRight(out.stderr, "\n"), "\n") {
		if strings.HasPrefix(l, "line.jpg") || strings.HasPrefix(l, `line.jpg"`) {
			t.Errorf("a name's line break split a line of stderr:\n%s", out.stderr)
		}
	}
	mustContain(t, "stderr", out.stderr,
		`skipped "t2/nl\nline.jpg": `, `skipped "t2/esc\x1b[31mred.jpg": `,
		"\n  \"t2/nl\\nline.jpg\": ", "\n  \"t2/esc\\x1b[31mred.jpg\": ")
	// The advice is the command line's: there is no list to add the file to again.
	mustContain(t, "stderr", out.stderr, "rename the file and upload it again.")
	if strings.Contains(out.stderr, "add it again") {
		t.Errorf("stderr gives the window's advice:\n%s", out.stderr)
	}
	// A name without such characters prints as it is.
	mustContain(t, "stdout", out.stdout, `✓ t2/café "q" 'a' 写真 1\x.jpg  `)
}

func TestFailedAndRetriedNamesAreEscapedInEveryLine(t *testing.T) {
	t0 := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	const raw, shown = "a/b\rc\u202ed.jpg", `"a/b\rc\u202ed.jpg"`
	var out, errw bytes.Buffer
	v := newHumanView(&out, &errw, false)
	for _, ev := range []uploader.Event{
		{Kind: uploader.FileQueued, Time: t0, Item: 0, Rel: raw, Size: 1, ETA: -1, JobETA: -1},
		{Kind: uploader.FileRetrying, Time: t0, Item: 0, Rel: raw, Attempt: 2, Err: errors.New("x"), ETA: -1, JobETA: -1},
		{Kind: uploader.FileFailed, Time: t0, Item: 0, Rel: raw, Err: errors.New("y"), ETA: -1, JobETA: -1},
	} {
		v.event(ev)
	}
	mustContain(t, "stdout", out.String(), "✗ "+shown+"  y")
	mustContain(t, "stderr", errw.String(), "↻ "+shown+": ")

	var stderr bytes.Buffer
	c := &cli{stderr: &stderr}
	res := &uploader.Result{Files: []uploader.FileResult{
		{Rel: raw, State: uploader.StateFailed, Err: errors.New("y")},
		{Rel: "b/\tz.jpg", State: uploader.StateCancelled},
	}}
	c.reportUpload(res, nil)
	mustContain(t, "stderr", stderr.String(), "  "+shown+": y\n", "  \"b/\\tz.jpg\"\n")
	if strings.ContainsAny(stderr.String(), "\r\t\u202e") {
		t.Errorf("the report holds a raw control character: %q", stderr.String())
	}
}

// Two files whose names differ only in Unicode form print alike: the line says which was
// kept and which left out by how each writes its accents, with the path both would take,
// not a path on disk.
func TestUploadSameNameInTwoUnicodeFormsSaysWhichWasLeftOut(t *testing.T) {
	if runtime.GOOS == "darwin" || runtime.GOOS == "windows" {
		t.Skip("the file system cannot hold both forms of a name")
	}
	r := startSandbox(t)
	dir := t.TempDir()
	root := filepath.Join(dir, "t2")
	writeTree(t, root, map[string]string{"café.jpg": "1", "cafe\u0301.jpg": "2"})
	out := hoist(t, invocation{env: demoEnv}, append(append([]string{"upload"}, scene7Args(r)...), root)...)
	if out.code != exitFailed {
		t.Fatalf("exit %d, want 1 (one file left out)\nstderr:\n%s", out.code, out.stderr)
	}
	// The walk reads names in byte order: "cafe\u0301" (e, then the mark) comes first.
	mustContain(t, "stderr", out.stderr, "skipped t2/café.jpg: Two files are named t2/café.jpg: in one, the accented letters (“é”) are single characters",
		"so the file with separate accent marks was kept and the one with single characters was left out")
	if strings.Contains(out.stderr, dir) {
		t.Errorf("stderr names a path on disk:\n%s", out.stderr)
	}
}

// The pre-flight's warnings show a name's asset ID escaped as the name is: a bidirectional
// control in it (U+202E, which makes "gpj.\u202eevil.exe" read as "gpj.exe.live") was
// printed raw inside the asset ID's quotes, reordering the rest of the terminal line.
func TestNameWarningsEscapeTheAssetID(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the test names a file with a bidirectional control")
	}
	r := startSandbox(t)
	root := filepath.Join(t.TempDir(), "w")
	writeTree(t, root, map[string]string{
		"gpj.\u202eevil.exe": "1", // unsupported format: a warning naming the asset ID
		"a&b\u202e.jpg":      "2", // characters removed: the sentence names the asset ID too
		"ab\u202e.png":       "3", // the same asset as the one above
	})
	out := hoist(t, invocation{env: demoEnv}, append(append([]string{"upload", "--lang", "en"}, scene7Args(r)...), root)...)
	if strings.Contains(out.stdout+out.stderr, "\u202e") {
		t.Errorf("a raw U+202E reached the terminal:\nstdout:\n%s\nstderr:\n%s", out.stdout, out.stderr)
	}
	mustContain(t, "stderr", out.stderr, `(asset ID “gpj.\u202eevil”)`, `“ab\u202e”`)
}
