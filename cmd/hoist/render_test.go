package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"hoist/internal/words"
	"hoist/uploader"
)

// script is a made-up upload of two files, one of which fails, with progress every 10ms of
// the events' own clock.
func script() []uploader.Event {
	t0 := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	at := func(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }
	evs := []uploader.Event{
		{Kind: uploader.FileQueued, Time: at(0), Item: 0, Rel: "a/one.jpg", Size: 1000, JobSize: 3000, ETA: -1, JobETA: -1},
		{Kind: uploader.FileQueued, Time: at(0), Item: 1, Rel: "a/two <&>.jpg", Size: 2000, JobSize: 3000, ETA: -1, JobETA: -1},
		{Kind: uploader.FileSkipped, Time: at(0), Item: -1, Rel: "a/.DS_Store", Skip: &uploader.Skipped{Kind: uploader.SkipSystem, Name: ".DS_Store", System: uploader.SysFinderSettings}, ETA: -1, JobETA: -1},
		{Kind: uploader.JobCreated, Time: at(5), Item: -1, JobName: "job-1", JobHandle: "j|1", JobSize: 3000, ETA: -1, JobETA: -1},
		{Kind: uploader.FileStarted, Time: at(5), Item: 0, Rel: "a/one.jpg", Size: 1000, JobSize: 3000, Attempt: 1, ETA: -1, JobETA: -1},
	}
	for i := 1; i <= 100; i++ {
		evs = append(evs, uploader.Event{Kind: uploader.FileProgress, Time: at(5 + 10*i), Item: 0, Rel: "a/one.jpg",
			Sent: int64(10 * i), Size: 1000, JobSent: int64(10 * i), JobSize: 3000, Speed: 1000, ETA: time.Second, JobSpeed: 1000, JobETA: 2 * time.Second})
	}
	return append(evs,
		uploader.Event{Kind: uploader.FileRetrying, Time: at(1006), Item: 1, Rel: "a/two <&>.jpg", Attempt: 2, Err: &uploader.ConnError{Err: io.ErrUnexpectedEOF}, ETA: -1, JobETA: -1},
		uploader.Event{Kind: uploader.FileDone, Time: at(1010), Item: 0, Rel: "a/one.jpg", Sent: 1000, Size: 1000, JobSent: 1000, JobSize: 3000, JobName: "job-1", JobHandle: "j|1", Attempt: 1, ETA: 0, JobETA: -1},
		uploader.Event{Kind: uploader.FileFailed, Time: at(1020), Item: 1, Rel: "a/two <&>.jpg", Size: 2000, JobSent: 1000, JobSize: 1000,
			Err: errors.New("boom"), Attempt: 3, ETA: -1, JobETA: -1},
		uploader.Event{Kind: uploader.JobEnded, Time: at(1030), Item: -1, JobSent: 1000, JobSize: 1000, Tally: &uploader.Tally{Files: 2, Done: 1, Failed: 1, Skipped: 1}, ETA: -1, JobETA: -1},
	)
}

func TestHumanViewOnATerminal(t *testing.T) {
	var out, errw bytes.Buffer
	v := newHumanView(&out, &errw, true)
	for _, ev := range script() {
		v.event(ev)
	}
	mustContain(t, "stdout", out.String(), "Job job-1 started (handle j|1).", "✓ a/one.jpg  1.0 kB  1.0 s", "✗ a/two <&>.jpg  boom", "1 of 2 files uploaded")
	mustContain(t, "stderr", errw.String(), "skipped a/.DS_Store: .DS_Store is a macOS Finder settings file, not something to publish.", "↻ a/two <&>.jpg: trying again (attempt 2): The connection was cut in the middle of the request.", "[", "/2 files", "2 s left")
	// A hundred progress events over one second of the events' clock: about ten redraws,
	// never one per event.
	if n := strings.Count(errw.String(), "files  "); n < 5 || n > 20 {
		t.Errorf("the bar was drawn %d times for 100 progress events in one second", n)
	}
	if !strings.HasSuffix(errw.String(), "\r\x1b[K") {
		t.Errorf("the bar is left on screen at the end: %q", tail(errw.String()))
	}
}

func TestHumanViewInAPipeHasNoBar(t *testing.T) {
	var out, errw bytes.Buffer
	v := newHumanView(&out, &errw, false)
	for _, ev := range script() {
		v.event(ev)
	}
	if strings.ContainsAny(out.String()+errw.String(), "\r\x1b") {
		t.Errorf("control characters in plain output:\n%q\n%q", out.String(), errw.String())
	}
	if lines := strings.Count(out.String(), "\n"); lines != 4 {
		t.Errorf("stdout has %d lines, want 4 (job, two files, summary):\n%s", lines, out.String())
	}
}

func TestJSONViewLines(t *testing.T) {
	var out bytes.Buffer
	v := newJSONView(&out)
	evs := script()
	for _, ev := range evs {
		v.event(ev)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != len(evs) {
		t.Fatalf("%d lines for %d events", len(lines), len(evs))
	}
	var failed, progress, ended map[string]any
	for i, l := range lines {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("line %d is not JSON: %q", i, l)
		}
		if _, err := time.Parse(time.RFC3339Nano, m["time"].(string)); err != nil {
			t.Errorf("line %d: time %v", i, m["time"])
		}
		switch m["kind"] {
		case "FileFailed":
			failed = m
		case "FileProgress":
			progress = m
		case "JobEnded":
			ended = m
		}
	}
	if failed["file"] != "a/two <&>.jpg" || failed["error"] != "boom" || failed["message"] != nil ||
		failed["attempt"] != 3.0 || failed["eta_seconds"] != nil {
		t.Errorf("FileFailed line: %v", failed)
	}
	if progress["eta_seconds"] != 1.0 || progress["job_eta_seconds"] != 2.0 || progress["speed"] != 1000.0 || progress["sent"] != 1000.0 {
		t.Errorf("last FileProgress line: %v", progress)
	}
	if tally, _ := ended["tally"].(map[string]any); tally["files"] != 2.0 || tally["done"] != 1.0 || tally["failed"] != 1.0 ||
		tally["skipped"] != 1.0 || tally["cancelled"] != 0.0 {
		t.Errorf("JobEnded line: %v", ended)
	}
	if !strings.Contains(out.String(), "<&>") {
		t.Error("file names are HTML-escaped in the JSON")
	}
}

// Sizes, speeds and times are written as the window writes them, in the chosen language.
func TestBarAndLinesSpeakTheLanguage(t *testing.T) {
	defer words.Use(words.Current())
	for _, c := range []struct {
		lang        string
		stdout, bar []string
	}{
		{"en", []string{"✓ a/one.jpg  1.0 kB  1.0 s", "1 of 2 files uploaded, 1 failed, 1 skipped. 1.0 kB sent in 1.0 s."}, []string{"/2 files  ", "1.0 kB/s", "2 s left"}},
		{"fr", []string{"✓ a/one.jpg  1,0 ko  1,0 s", "Fichiers envoyés\u00a0: 1 sur 2, 1 en échec, 1 ignoré. 1,0 ko envoyés en 1,0 s."}, []string{"/2 fichiers  ", "1,0 ko/s", "encore 2 s"}},
		{"ja", []string{"✓ a/one.jpg  1.0 KB  1.0秒", "アップロード済み: 2件中 1件、失敗 1件、スキップ 1件。1.0 KBを1.0秒で送信しました。"}, []string{"/2 ファイル  ", "残り2秒"}},
	} {
		words.Use(c.lang)
		var out, errw bytes.Buffer
		v := newHumanView(&out, &errw, true)
		for _, ev := range script() {
			v.event(ev)
		}
		mustContain(t, c.lang+" stdout", out.String(), c.stdout...)
		mustContain(t, c.lang+" bar", errw.String(), c.bar...)
		if strings.Contains(out.String()+errw.String(), "iB") {
			t.Errorf("%s: binary units (KiB, MiB) in the output: the CLI writes sizes as the window does", c.lang)
		}
	}
}

func tail(s string) string { return s[max(0, len(s)-80):] }

// A job the server could not be asked to end is said in the summary, with the failure of
// the upload as a whole before the counts.
func TestSummarySaysWhatWentWrongWithTheJob(t *testing.T) {
	var out bytes.Buffer
	v := newHumanView(&out, &out, false)
	v.event(uploader.Event{Kind: uploader.FileQueued, Item: 0, Rel: "a.jpg", ETA: -1, JobETA: -1})
	v.event(uploader.Event{Kind: uploader.JobEnded, Item: -1, Err: uploader.ErrCancelled, ETA: -1, JobETA: -1,
		Tally: &uploader.Tally{Files: 1, Cancelled: 1, NotEnded: true}})
	mustContain(t, "summary", out.String(), "0 of 1 file uploaded, 1 cancelled.", "The job could not be ended")
	if !strings.HasPrefix(out.String(), words.Error(uploader.ErrCancelled)+" ") {
		t.Errorf("the reason does not come first: %q", out.String())
	}
}
