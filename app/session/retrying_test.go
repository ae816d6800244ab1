package session

import (
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
