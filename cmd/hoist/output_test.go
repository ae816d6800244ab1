package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"hoist/internal/words"
	"hoist/sandbox"
)

// failingOutput is a stdout whose every write fails with err, as a file on a full disk
// (ENOSPC) or a pipe whose reader went away (EPIPE) does.
type failingOutput struct{ err error }

func (f failingOutput) Write([]byte) (int, error) {
	return 0, &os.PathError{Op: "write", Path: "/dev/stdout", Err: f.err}
}

// The upload's output sent to a full disk (hoist upload --json > upload.jsonl) is lost:
// the command says so on stderr and exits 1, though every file was uploaded, so that a
// script does not read the incomplete file as the whole record; it exited 0 in silence.
// A reader that went away (| head -1) is no failure: exit 0, nothing said.
func TestOutputThatCannotBeWrittenIsSaid(t *testing.T) {
	defer words.Use(words.Current())
	r := startSandbox(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "a.jpg")
	if err := os.WriteFile(file, []byte("\xFF\xD8\xFFa"), 0o644); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"HOIST_CONFIG_DIR": t.TempDir(), "HOIST_PASSWORD": sandbox.DemoPassword}
	getenv := func(k string) string { return env[k] }
	for _, c := range []struct {
		name, lang string
		err        syscall.Errno
		code       int
		says       string
	}{
		{"full", "en", syscall.ENOSPC, exitFailed, "hoist upload: what this command printed could not all be written to its output because the disk is full"},
		{"full fr", "fr", syscall.ENOSPC, exitFailed, "le disque est plein"},
		{"full ja", "ja", syscall.ENOSPC, exitFailed, "ディスクがいっぱい"},
		{"io error", "en", syscall.EIO, exitFailed, "could not all be written to its output, so that output is incomplete"},
		{"reader gone", "en", syscall.EPIPE, exitOK, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			var stderr syncBuffer
			args := append(append([]string{"upload", "--lang", c.lang, "--json"}, scene7Args(r)...), file)
			code := run(args, strings.NewReader(""), failingOutput{c.err}, &stderr, getenv)
			if code != c.code {
				t.Fatalf("exit %d, want %d\nstderr:\n%s", code, c.code, stderr.String())
			}
			if c.says == "" {
				mustNotContain(t, "stderr", stderr.String(), "could not all be written")
				return
			}
			mustContain(t, "stderr", stderr.String(), c.says)
		})
	}
	var stderr syncBuffer
	if code := run([]string{"version"}, strings.NewReader(""), failingOutput{syscall.ENOSPC}, &stderr, getenv); code != exitFailed {
		t.Errorf("version to a full disk: exit %d\nstderr:\n%s", code, stderr.String())
	}
	mustContain(t, "version's stderr", stderr.String(), "hoist version: ")
}
