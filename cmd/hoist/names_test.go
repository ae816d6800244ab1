package main

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"hoist/sandbox"
)

// The rules people meet with names, folders and links, through the command line against
// the sandbox: what lands, what is said on stderr, and the exit status.

const nfdEte = "e\u0301te\u0301" // "été" as macOS writes it

func TestUploadDestFolderWithStraySlashesLands(t *testing.T) {
	r := startSandbox(t)
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"a.jpg": "a"})
	for _, folder := range []string{"/spring", "/spring/2026/", `\spring\2026\`} {
		args := append(append([]string{"upload"}, scene7Args(r)...), "--dest-folder", folder, filepath.Join(dir, "a.jpg"))
		out := hoist(t, invocation{env: demoEnv}, args...)
		if out.code != exitOK {
			t.Fatalf("--dest-folder %q: exit %d\nstderr:\n%s", folder, out.code, out.stderr)
		}
		want := "spring/a.jpg"
		if folder != "/spring" {
			want = "spring/2026/a.jpg"
		}
		if got, err := os.ReadFile(r.Scene7File(sandbox.DemoCompany, want)); err != nil || string(got) != "a" {
			t.Errorf("--dest-folder %q: %s holds %q (%v)", folder, want, got, err)
		}
	}
}

func TestUploadPreflightWarnsAndStrictNamesRefuses(t *testing.T) {
	r := startSandbox(t)
	dir := t.TempDir()
	root := filepath.Join(dir, "Campagne "+nfdEte)
	writeTree(t, root, map[string]string{
		"hero.jpg":                 "1",
		"hero.png":                 "2",
		"a&b.tif":                  "3",
		"ab.tif":                   "4",
		"notes.xyz":                "5",
		"日本語/写真 1.jpg":             "6",
		"quotes \"q\" 'a' <&>.gif": "7",
		nfdEte + ".psd":            "8",
	})
	args := append(append([]string{"upload"}, scene7Args(r)...), root)

	out := hoist(t, invocation{env: demoEnv}, append(args, "--strict-names")...)
	if out.code != exitUsage {
		t.Fatalf("--strict-names: exit %d, want 2\nstderr:\n%s", out.code, out.stderr)
	}
	mustContain(t, "stderr", out.stderr, "--strict-names: Scene7 pre-flight found 7 name problems")
	if n := len(r.Requests()); n != 0 {
		t.Fatalf("--strict-names sent %d requests", n)
	}

	out = hoist(t, invocation{env: demoEnv}, args...)
	if out.code != exitOK {
		t.Fatalf("without --strict-names: exit %d, want 0 (warnings do not stop)\nstderr:\n%s", out.code, out.stderr)
	}
	var lines []string
	for _, l := range strings.Split(out.stderr, "\n") {
		if strings.HasPrefix(l, "hoist upload: warning: ") {
			lines = append(lines, l)
		}
	}
	// The folder's name is NFC in every line, as on the server.
	for _, want := range []string{
		`Campagne été/hero.jpg (asset ID “hero”): `,
		`Campagne été/hero.png (asset ID “hero”): `,
		`Campagne été/a&b.tif (asset ID “ab”): `, // the same asset as ab.tif, and renamed
		`Campagne été/ab.tif (asset ID “ab”): `,
		`Campagne été/notes.xyz (asset ID “notes”): Scene7 does not process .xyz files`,
		`Campagne été/quotes "q" 'a' <&>.gif (asset ID “quotes q a ”): Scene7 removes characters`,
	} {
		if !strings.Contains(strings.Join(lines, "\n"), want) {
			t.Errorf("no warning line with %q in:\n%s", want, strings.Join(lines, "\n"))
		}
	}
	if len(lines) != 7 { // hero ×2, a&b ×2, ab, notes, quotes
		t.Errorf("%d warning lines, want 7:\n%s", len(lines), strings.Join(lines, "\n"))
	}
	if strings.Contains(out.stderr, "写真") || strings.Contains(out.stderr, "été.psd") {
		t.Errorf("a clean name was warned about:\n%s", out.stderr)
	}
	if _, err := os.ReadFile(r.Scene7File(sandbox.DemoCompany, "Campagne été/été.psd")); err != nil {
		t.Errorf("the decomposed name did not land composed: %v", err)
	}

	// Dr.Sum has no asset IDs: no pre-flight.
	out = hoist(t, invocation{env: map[string]string{"HOIST_PASSWORD": sandbox.DrSumPassword}}, "upload", "--service", "drsum",
		"--endpoint", r.DrSumUploadURL(), "--user", sandbox.DrSumUser, "--dest-folder", "/filer/x", "--strict-names",
		filepath.Join(root, "hero.jpg"), filepath.Join(root, "hero.png"), filepath.Join(root, "notes.xyz"))
	if out.code != exitOK || strings.Contains(out.stderr, "warning") {
		t.Errorf("Dr.Sum: exit %d\nstderr:\n%s", out.code, out.stderr)
	}
}

func TestUploadLinksOutsideAndExitStatus(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("symbolic links need privileges on Windows")
	}
	r := startSandbox(t)
	dir := t.TempDir()
	root := filepath.Join(dir, "camp")
	writeTree(t, root, map[string]string{"a.jpg": "a", ".DS_Store": "junk", "sub/Thumbs.db": "junk"})
	writeTree(t, dir, map[string]string{"secret/key.pem": "private"})
	args := append(append([]string{"upload"}, scene7Args(r)...), root)

	// System files alone being left out is success.
	out := hoist(t, invocation{env: demoEnv}, args...)
	if out.code != exitOK {
		t.Fatalf("only system files skipped: exit %d, want 0\nstderr:\n%s", out.code, out.stderr)
	}

	if err := os.Symlink(filepath.Join(dir, "secret"), filepath.Join(root, "keys")); err != nil {
		t.Fatal(err)
	}
	out = hoist(t, invocation{env: demoEnv}, args...)
	if out.code != exitFailed {
		t.Fatalf("a link out of the folder: exit %d, want 1\nstderr:\n%s", out.code, out.stderr)
	}
	mustContain(t, "stderr", out.stderr, "camp/keys: keys links to a place outside the folder you chose", "or upload again with --follow-links.")
	if strings.Contains(out.stderr, "turn on following links") {
		t.Errorf("the command line names the window's switch:\n%s", out.stderr)
	}
	if _, err := os.Stat(r.Scene7File(sandbox.DemoCompany, "camp/keys/key.pem")); err == nil {
		t.Fatal("the file behind the link was uploaded without --follow-links")
	}
	out = hoist(t, invocation{env: demoEnv}, append(args, "--follow-links")...)
	if out.code != exitOK {
		t.Fatalf("--follow-links: exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	if got, _ := os.ReadFile(r.Scene7File(sandbox.DemoCompany, "camp/keys/key.pem")); string(got) != "private" {
		t.Errorf("--follow-links: key.pem holds %q", got)
	}

	// A file in the folder that cannot be read, or whose name has a control character,
	// is not uploaded: exit 1 although every file sent was accepted.
	if err := os.Remove(filepath.Join(root, "keys")); err != nil {
		t.Fatal(err)
	}
	writeTree(t, root, map[string]string{"line\nbreak.jpg": "nl"})
	out = hoist(t, invocation{env: demoEnv}, args...)
	if out.code != exitFailed {
		t.Fatalf("a control character: exit %d, want 1\nstderr:\n%s", out.code, out.stderr)
	}
	mustContain(t, "stderr", out.stderr, "a line break, U+000A", "left out")
	if err := os.Remove(filepath.Join(root, "line\nbreak.jpg")); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() != 0 {
		writeTree(t, root, map[string]string{"locked.jpg": "x"})
		if err := os.Chmod(filepath.Join(root, "locked.jpg"), 0); err != nil {
			t.Fatal(err)
		}
		out = hoist(t, invocation{env: demoEnv}, args...)
		if out.code != exitFailed {
			t.Fatalf("an unreadable file: exit %d, want 1\nstderr:\n%s", out.code, out.stderr)
		}
		mustContain(t, "stderr", out.stderr, "locked.jpg could not be read")
	}
}

func TestUploadDrSumOverwriteIsOffUnlessAsked(t *testing.T) {
	r := startSandbox(t)
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"売上.csv": "v1", "all.json": `{"format": "hoist-preset/1", "options": {"overwrite": true, "emailSetting": "None"}}`})
	file := filepath.Join(dir, "売上.csv")
	upload := func(extra ...string) outcome {
		args := append([]string{"upload", "--service", "drsum", "--endpoint", r.DrSumUploadURL(), "--user", sandbox.DrSumUser,
			"--dest-folder", "/filer/sales/"}, extra...)
		return hoist(t, invocation{env: map[string]string{"HOIST_PASSWORD": sandbox.DrSumPassword}}, append(args, file)...)
	}
	if out := upload(); out.code != exitOK {
		t.Fatalf("first upload: exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	writeTree(t, dir, map[string]string{"売上.csv": "v2"})
	// Neither the default nor a preset made for Scene7 replaces a file on a BI server.
	for _, extra := range [][]string{nil, {"--preset", filepath.Join(dir, "all.json")}} {
		out := upload(extra...)
		if out.code != exitFailed {
			t.Fatalf("%v: exit %d, want 1\nstderr:\n%s", extra, out.code, out.stderr)
		}
		mustContain(t, "stderr", out.stderr, "売上.csv", "Upload again with --overwrite to replace it")
		if strings.Contains(out.stderr, "Turn on") {
			t.Errorf("the command line names the window's switch:\n%s", out.stderr)
		}
	}
	if got, _ := os.ReadFile(r.DrSumFile("/filer/sales", "売上.csv")); string(got) != "v1" {
		t.Fatalf("the file was replaced: %q", got)
	}
	out := upload("--overwrite")
	if out.code != exitOK {
		t.Fatalf("--overwrite: exit %d\nstderr:\n%s", out.code, out.stderr)
	}
	mustContain(t, "stdout", out.stdout, "replaced the existing file")
	if got, _ := os.ReadFile(r.DrSumFile("/filer/sales", "売上.csv")); string(got) != "v2" {
		t.Fatalf("--overwrite did not replace: %q", got)
	}
}
