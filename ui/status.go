package ui

import (
	"strings"

	"hoist/app/session"
	"hoist/internal/words"
)

// processedText is the status line once Scene7 has processed the files of an upload.
// The session counts what is ready against the files it followed; the line under the
// overall bar counts against every file to send, failed ones included. When files of the
// upload did not get to Scene7, the two read as a contradiction side by side ("12 of 12
// ready" above "12 of 13 done"), so the status then counts against the same files as that
// line and says what did not get there, in that line's words (failed, not sent,
// cancelled: a file whose request was refused was sent, and failed), and what to do.
// s is the summary of the upload followed. retry is set when the line should go on with
// the advice to press Retry (retryHint), which the window adds naming the button as it
// reads.
func processedText(p session.Processed, s session.Summary) (text string, retry bool) {
	if s.Failed+s.NotSent+s.Cancelled == 0 {
		return p.Message, false
	}
	followed := p.Followed()
	// The session's sentence about what is ready comes first in its message; the rest
	// (warnings, failures in Scene7, files still processing) is kept as it is.
	text = p.Message
	if rest, ok := strings.CutPrefix(p.Message, words.N("session.processed.ready", followed, words.A{"Ready": p.Ready})); ok {
		text = words.N("session.processed.ready", followed+s.Failed, words.A{"Ready": p.Ready}) + rest
	}
	for _, c := range []struct {
		n  int
		id string
	}{{s.Failed, "session.summary.failed"}, {s.NotSent, "session.summary.not_sent"}, {s.Cancelled, "session.summary.cancelled"}} {
		if c.n > 0 {
			text = joinSentences(text, words.N(c.id, c.n, nil))
		}
	}
	return text, true
}

// retryHint is the advice to see why in the list and press the Retry button, named as it
// reads (button).
func retryHint(button string) string {
	return words.T("window.retry_hint", words.A{"Button": button})
}

// endedText is the status line when an upload ends. The session counts what was uploaded
// against every file the upload took, cancelled and not sent ones included; the line under
// the bar leaves both out (their rows are Cancelled: "9 of 10 uploaded" above "9 of 9
// done"). The first sentence then counts against the same files as that line; what was
// not sent or cancelled is said after it.
func endedText(s session.Summary) string {
	if s.NotSent+s.Cancelled == 0 {
		return s.Message
	}
	rest, ok := strings.CutPrefix(s.Message, words.N("session.summary.uploaded", s.Done+s.Failed+s.NotSent+s.Cancelled, words.A{"Done": s.Done}))
	if !ok { // another sentence: why it did not start, or the job log's last word
		return s.Message
	}
	if s.Done+s.Failed == 0 { // no file was sent: "0 of 0" would say nothing
		return strings.TrimSpace(rest)
	}
	return words.N("session.summary.uploaded", s.Done+s.Failed, words.A{"Done": s.Done}) + rest
}

// joinSentences puts sentences one after the other as the language does (a space in
// English and French, none in Japanese).
func joinSentences(first, next string) string {
	return words.Sentences(strings.TrimSpace(first), next)
}
