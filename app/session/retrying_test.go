package session

import (
	"context"
	"strings"
	"testing"
	"time"

	"hoist/internal/words"
	"hoist/uploader"
)

// A queue row being sent again says what happened, not the final failure's sentence ("even
// after retrying… try again"), in every language.
func TestRetryingRowSaysWhatHappened(t *testing.T) {
	defer words.Use(words.Use("en"))
	ev := uploader.Event{Kind: uploader.FileRetrying, Attempt: 2, Err: &uploader.ConnError{Err: uploader.ErrFileGone, Stalled: 3 * time.Second}}
	for lang, bad := range map[string][]string{"en": {"retrying", "try again"}, "fr": {"nouvelles tentatives", "réessayez"}, "ja": {"再試行しても", "もう一度"}} {
		words.Use(lang)
		got := retrying(ev)
		if !strings.Contains(got, strings.TrimRight(words.Retrying(ev.Err), ".。")) {
			t.Errorf("%s: %q does not say %q", lang, got, words.Retrying(ev.Err))
		}
		for _, b := range bad {
			if strings.Contains(got, b) {
				t.Errorf("%s: %q holds %q", lang, got, b)
			}
		}
		if strings.Contains(got, "..") || strings.Contains(got, "。。") {
			t.Errorf("%s: %q ends twice", lang, got)
		}
	}
}

// A row cancelled while it waited for its second try was sent once: the details count the
// requests that carried it (Event.Tries), not the try that was announced (they said "2
// attempts").
func TestRowCountsTheTriesMadeNotTheTryAnnounced(t *testing.T) {
	defer words.Use(words.Use("en"))
	q := New(Config{})
	row := &Row{pos: -1}
	for _, ev := range []uploader.Event{
		{Kind: uploader.FileStarted, Attempt: 1, Tries: 1},
		{Kind: uploader.FileRetrying, Attempt: 2, Tries: 1, Err: &uploader.ConnError{Err: uploader.ErrFileGone}},
		{Kind: uploader.FileCancelled, Attempt: 2, Tries: 1, Err: context.Canceled},
	} {
		q.fileEventLocked(row, ev)
		if row.Tries != 1 {
			t.Fatalf("after %v (attempt %d): %d tries, want 1", ev.Kind, ev.Attempt, row.Tries)
		}
	}
	q.fileEventLocked(row, uploader.Event{Kind: uploader.FileDone, Attempt: 2, Tries: 2})
	if row.Tries != 2 {
		t.Errorf("done at the second try: %d tries, want 2", row.Tries)
	}
}
