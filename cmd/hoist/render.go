package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"hoist/internal/words"
	"hoist/uploader"
)

// An upload's events are shown one of three ways: on a terminal, a line per finished file
// and one overall bar redrawn in place; in a pipe or CI log, the same lines without the
// bar; with --json, one JSON object per event on stdout. Each view is fed by the engine's
// event goroutine, one event at a time, so none needs a lock.

// barInterval is the shortest time between two redraws of the bar: about ten a second
// is smooth to the eye and cheap for a slow terminal.
const barInterval = 100 * time.Millisecond

// barWidth is the bar's width in cells; the whole line stays under 80 columns.
const barWidth = 20

// humanView writes a line per finished file on out (the record of what was sent) and,
// when bar is set, a live overall bar on errw (a terminal). Warnings go to errw.
type humanView struct {
	out, errw io.Writer
	bar       bool

	// flush writes what out holds back (paced.go) before a line goes to errw, so that the
	// two read in order when they end up in one log; nil when out holds nothing back.
	flush func()

	total, finished int
	// started is when each file (by item) started; the zero time until it has.
	started []time.Time
	first   time.Time
	figures uploader.Event // the latest job figures, for the bar
	drawnAt time.Time
	drawn   bool // the bar is on screen and must be cleared before a line
}

func newHumanView(out, errw io.Writer, bar bool) *humanView {
	return &humanView{out: out, errw: errw, bar: bar}
}

func (v *humanView) event(ev uploader.Event) {
	if v.first.IsZero() {
		v.first = ev.Time
	}
	v.figures = ev
	switch ev.Kind {
	case uploader.JobCreated:
		// The handle is the server's: written as any name the CLI prints.
		v.line(v.out, words.T("cli.upload.job_started", words.A{"Name": words.FileName(ev.JobName), "Handle": words.FileName(ev.JobHandle)}))
	case uploader.FileQueued:
		v.total++ // all are queued at once, before anything moves: no bar yet
		return
	case uploader.FileStarted:
		if ev.Item >= len(v.started) {
			v.started = append(v.started, make([]time.Time, ev.Item+1-len(v.started))...)
		}
		v.started[ev.Item] = ev.Time
	case uploader.FileRetrying:
		v.line(v.errw, words.T("cli.upload.retrying", words.A{"File": words.FileName(ev.Rel), "Attempt": ev.Attempt, "Reason": words.Retrying(ev.Err)}))
	case uploader.FileDone:
		v.finished++
		id, args := "cli.upload.done", words.A{"File": words.FileName(ev.Rel), "Size": words.Size(ev.Size)}
		if t := v.startedAt(ev.Item); !t.IsZero() {
			id, args["Took"] = "cli.upload.done_in", words.Duration(ev.Time.Sub(t))
		}
		line := words.T(id, args)
		if ev.Replaced {
			line = words.T("cli.sentences", words.A{"First": line, "Then": words.T("cli.upload.replaced", nil)})
		}
		v.line(v.out, line)
	case uploader.FileFailed:
		v.finished++
		v.line(v.out, words.T("cli.upload.failed", words.A{"File": words.FileName(ev.Rel), "Reason": eventReason(ev)}))
	case uploader.FileCancelled:
		v.finished++
	case uploader.FileSkipped:
		v.line(v.errw, words.T("cli.upload.skipped", words.A{"File": words.FileName(ev.Rel), "Reason": words.Event(ev)}))
	case uploader.JobContinued:
		v.line(v.errw, words.Event(ev))
	case uploader.JobEnded:
		// The summary is part of the record; what went wrong is repeated on stderr by
		// the command, file by file.
		v.clear()
		fmt.Fprintln(v.out, v.summary(ev))
		return
	}
	v.draw(ev.Time, ev.Kind == uploader.FileDone || ev.Kind == uploader.FileFailed)
}

// startedAt is when item started, the zero time if it has not.
func (v *humanView) startedAt(item int) time.Time {
	if item < 0 || item >= len(v.started) {
		return time.Time{}
	}
	return v.started[item]
}

// eventReason is why a file failed: the error's sentence in the chosen language, or the
// event's own when it carries no error. (A retry says only what happened: words.Retrying.)
func eventReason(ev uploader.Event) string {
	if ev.Err != nil {
		return words.Error(ev.Err)
	}
	return words.Event(ev)
}

// summary is the upload's last line: what went wrong with the job as a whole, how many
// files arrived, failed, were not sent because the upload stopped, were cancelled or
// left out (the engine's Tally), how much was
// sent in how long, and a job the server could not be asked to end. The CLI words the
// counts itself rather than with words.Event, so that French agrees with the files sent
// ("Fichiers envoyés : 1 sur 2") whatever the total.
func (v *humanView) summary(ev uploader.Event) string {
	t := ev.Tally
	if t == nil {
		t = &uploader.Tally{Files: v.total}
	}
	s := words.N("cli.summary.uploaded", t.Files, words.A{"Done": t.Done})
	for _, part := range []struct {
		id string
		n  int
	}{{"cli.summary.failed", t.Failed}, {"cli.summary.not_sent", t.NotSent}, {"cli.summary.cancelled", t.Cancelled}, {"cli.summary.skipped", t.Skipped}} {
		if part.n > 0 {
			s += words.N(part.id, part.n, nil)
		}
	}
	s += words.T("cli.summary.end", nil)
	if ev.JobSent > 0 {
		s = words.T("cli.sentences", words.A{"First": s, "Then": words.T("cli.summary.sent", words.A{
			"Size": words.Size(ev.JobSent), "Took": words.Duration(ev.Time.Sub(v.first))})})
	}
	if ev.Err != nil {
		s = words.T("cli.sentences", words.A{"First": words.Error(ev.Err), "Then": s})
	}
	if t.NotEnded {
		s = words.T("cli.sentences", words.A{"First": s, "Then": words.T("engine.event.not_ended", words.A{"Minutes": int(uploader.JobIdleExpiry.Minutes())})})
	}
	return s
}

// line prints a whole line, keeping the bar below it.
func (v *humanView) line(w io.Writer, text string) {
	v.clear()
	if w != v.out && v.flush != nil {
		v.flush()
	}
	fmt.Fprintln(w, text)
	v.drawnAt = time.Time{} // redraw at once below the new line
}

func (v *humanView) clear() {
	if v.drawn {
		fmt.Fprint(v.errw, "\r\x1b[K")
		v.drawn = false
	}
}

// draw redraws the bar when it is due (at most every barInterval, by the events' clock)
// or when force is set.
func (v *humanView) draw(now time.Time, force bool) {
	if !v.bar || v.total == 0 {
		return
	}
	if !force && v.drawn && now.Sub(v.drawnAt) < barInterval {
		return
	}
	fmt.Fprint(v.errw, "\r\x1b[K"+v.barLine())
	v.drawn, v.drawnAt = true, now
}

// barLine is the overall progress: files finished, bytes, speed and time left.
func (v *humanView) barLine() string {
	ev := v.figures
	frac := 0.0
	if ev.JobSize > 0 {
		frac = min(1, float64(ev.JobSent)/float64(ev.JobSize))
	} else if v.total > 0 {
		frac = float64(v.finished) / float64(v.total)
	}
	full := int(frac * barWidth)
	bar := strings.Repeat("#", full) + strings.Repeat("-", barWidth-full)
	return words.N("cli.upload.bar", v.total, words.A{
		"Bar": bar, "Done": v.finished, "Sent": words.Size(ev.JobSent), "Size": words.Size(ev.JobSize),
		"Speed": words.Speed(ev.JobSpeed), "ETA": words.ETA(ev.JobETA),
	})
}

// jsonEvent is one --json line. Sizes are bytes, speeds bytes per second; eta_seconds is
// null while unknown. The lines are for programs, so they are the same whatever the
// language (--lang, HOIST_LANG, the system's): keys and kinds are fixed names, and error is
// the error's own technical text (with the server's codes, such as "ipsApiFault 20002: …"),
// never a sentence translated for people.
type jsonEvent struct {
	Kind          uploader.EventKind `json:"kind"`
	Time          string             `json:"time"`
	File          string             `json:"file,omitempty"`
	Sent          int64              `json:"sent"`
	Size          int64              `json:"size"`
	Speed         float64            `json:"speed"`
	ETASeconds    *float64           `json:"eta_seconds"`
	JobSent       int64              `json:"job_sent"`
	JobSize       int64              `json:"job_size"`
	JobSpeed      float64            `json:"job_speed"`
	JobETASeconds *float64           `json:"job_eta_seconds"`
	Attempt       int                `json:"attempt,omitempty"`
	// Tries is how many requests carried the file so far: attempt less one while a retry
	// waits, and for a file cancelled or failed during that wait.
	Tries     int               `json:"tries,omitempty"`
	JobName   string            `json:"job_name,omitempty"`
	JobHandle string            `json:"job_handle,omitempty"`
	Error     string            `json:"error,omitempty"`
	Skip      uploader.SkipKind `json:"skip,omitempty"`
	Replaced  bool              `json:"replaced,omitempty"`
	// NotSent marks a FileCancelled line whose file nobody cancelled: the upload stopped
	// before its turn (uploader.NotSentError). The kind stays FileCancelled, as programs
	// written before this field count those lines.
	NotSent bool `json:"not_sent,omitempty"`
	// JobContinued: why the upload goes on in another job (a code of continueCodes), and
	// which job that is.
	Continue string `json:"continue,omitempty"`
	NextJob  string `json:"next_job,omitempty"`
	// JobEnded: what became of the files.
	Tally *jsonTally `json:"tally,omitempty"`
}

// jsonTally is an upload's count of files by outcome, on its JobEnded line; not_ended is
// true when the Scene7 job could not be ended (the server closes it once idle). cancelled
// counts the files a cancellation (Ctrl-C) left unsent, not_sent those the upload stopped
// before sending (added beside cancelled, which kept its name and meaning): files is
// done + failed + not_sent + cancelled.
type jsonTally struct {
	Files     int  `json:"files"`
	Done      int  `json:"done"`
	Failed    int  `json:"failed"`
	NotSent   int  `json:"not_sent"`
	Cancelled int  `json:"cancelled"`
	Skipped   int  `json:"skipped"`
	NotEnded  bool `json:"not_ended,omitempty"`
}

// continueCodes name uploader.ContinueReason in the JSON lines.
var continueCodes = map[uploader.ContinueReason]string{
	uploader.ContinueResumed:  "resumed",
	uploader.ContinueUnknown:  "unknown",
	uploader.ContinueInactive: "inactive",
	uploader.ContinueIdle:     "idle",
}

// jsonView writes one JSON object per event and line.
type jsonView struct{ enc *json.Encoder }

func newJSONView(w io.Writer) jsonView { return jsonView{jsonLines(w)} }

func (v jsonView) event(ev uploader.Event) {
	j := jsonEvent{
		Kind: ev.Kind, Time: ev.Time.Format(time.RFC3339Nano), File: ev.Rel,
		Sent: ev.Sent, Size: ev.Size, Speed: ev.Speed, ETASeconds: seconds(ev.ETA),
		JobSent: ev.JobSent, JobSize: ev.JobSize, JobSpeed: ev.JobSpeed, JobETASeconds: seconds(ev.JobETA),
		Attempt: ev.Attempt, Tries: ev.Tries, JobName: ev.JobName, JobHandle: ev.JobHandle, Replaced: ev.Replaced,
	}
	if ev.Err != nil {
		j.Error = ev.Err.Error()
		j.NotSent = ev.Kind == uploader.FileCancelled && errors.As(ev.Err, new(*uploader.NotSentError))
	}
	if ev.Skip != nil {
		j.Skip = ev.Skip.Kind
	}
	j.Continue, j.NextJob = continueCodes[ev.Why], ev.NextJob
	if t := ev.Tally; t != nil {
		j.Tally = &jsonTally{Files: t.Files, Done: t.Done, Failed: t.Failed, NotSent: t.NotSent, Cancelled: t.Cancelled, Skipped: t.Skipped, NotEnded: t.NotEnded}
	}
	_ = v.enc.Encode(j) // a closed stdout is not a reason to stop the upload
}

func seconds(d time.Duration) *float64 {
	if d < 0 {
		return nil
	}
	s := d.Seconds()
	return &s
}
