package main

import (
	"errors"
	"os"
	"os/signal"
	"slices"
	"strings"
	"syscall"
	"testing"
	"testing/synctest"
	"time"

	"hoist/uploader"
)

// Lines to a file or pipe are written together, at most flushEvery after the first of them.
func TestPacedWriterWritesWithinFlushEvery(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var file syncBuffer
		out, flush, _ := newPacedWriter(&file)
		out.Write([]byte("one\n"))
		out.Write([]byte("two\n"))
		if got := file.String(); got != "" {
			t.Fatalf("written at once: %q", got)
		}
		time.Sleep(flushEvery)
		synctest.Wait()
		if got := file.String(); got != "one\ntwo\n" {
			t.Fatalf("after %v: %q", flushEvery, got)
		}
		out.Write([]byte("three\n"))
		flush()
		if got := file.String(); got != "one\ntwo\nthree\n" {
			t.Fatalf("after flush: %q", got)
		}
		time.Sleep(2 * flushEvery) // nothing waits: no timer left behind
		synctest.Wait()
	})
}

// Once an upload is interrupted, what waits is written and every later line goes out at
// once: a second Ctrl-C or a kill may end the process before any timer fires, and a line
// for a file already on the server must be in the log.
func TestInterruptedUploadWritesEveryLineAtOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var file syncBuffer
		out, _, unpace := newPacedWriter(&file)
		out.Write([]byte("one\n"))
		unpace()
		if got := file.String(); got != "one\n" {
			t.Fatalf("what waited, after unpace: %q", got)
		}
		out.Write([]byte("two\n"))
		if got := file.String(); got != "one\ntwo\n" {
			t.Fatalf("a line after unpace waits: %q", got)
		}
	})
}

// nohup ignores SIGHUP so that closing the terminal does not stop the command; asking for
// SIGHUP would undo that, so it is asked for only when it is not ignored.
func TestHangUpStopsOnlyWhenNotIgnored(t *testing.T) {
	defer signal.Reset(syscall.SIGHUP)
	if !slices.Contains(stopSignals(), os.Signal(syscall.SIGHUP)) {
		t.Fatal("SIGHUP does not end a command cleanly")
	}
	signal.Ignore(syscall.SIGHUP)
	if slices.Contains(stopSignals(), os.Signal(syscall.SIGHUP)) {
		t.Fatal("SIGHUP asked for under nohup")
	}
}

// When standard output and standard error end up in one log (2>&1), a line on standard
// error comes after the record lines written before it.
func TestPacedRecordStaysInOrderWithStderr(t *testing.T) {
	var log syncBuffer
	out, flush, _ := newPacedWriter(&log)
	v := newHumanView(out, &log, false)
	v.flush = flush
	t0 := time.Date(2026, 11, 30, 16, 0, 0, 0, time.UTC)
	v.event(uploader.Event{Kind: uploader.FileQueued, Time: t0, Item: 0, Rel: "a.jpg", Size: 10, ETA: -1, JobETA: -1})
	v.event(uploader.Event{Kind: uploader.FileDone, Time: t0, Item: 0, Rel: "a.jpg", Size: 10, Sent: 10, ETA: -1, JobETA: -1})
	v.event(uploader.Event{Kind: uploader.FileRetrying, Time: t0, Item: 1, Rel: "b.jpg", Attempt: 2, Err: errors.New("reset"), ETA: -1, JobETA: -1})
	got := log.String()
	done, retry := strings.Index(got, "a.jpg"), strings.Index(got, "b.jpg")
	if done < 0 || retry < 0 || done > retry {
		t.Fatalf("the log reads %q", got)
	}
	flush()
}
