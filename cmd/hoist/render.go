package main

import (
	"encoding/json"
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

	total, finished int
	started         map[int]time.Time
	first           time.Time
	figures         uploader.Event // the latest job figures, for the bar
	drawnAt         time.Time
	drawn           bool // the bar is on screen and must be cleared before a line
}

func newHumanView(out, errw io.Writer, bar bool) *humanView {
	return &humanView{out: out, errw: errw, bar: bar, started: map[int]time.Time{}}
}

func (v *humanView) event(ev uploader.Event) {
	if v.first.IsZero() {
		v.first = ev.Time
	}
	v.figures = ev
	switch ev.Kind {
	case uploader.JobCreated:
		v.line(v.out, "Job %s started (handle %s).", ev.JobName, ev.JobHandle)
	case uploader.FileQueued:
		v.total++ // all are queued at once, before anything moves: no bar yet
		return
	case uploader.FileStarted:
		v.started[ev.Item] = ev.Time
	case uploader.FileRetrying:
		v.line(v.errw, "↻ %s: %s", ev.Rel, ev.Message)
	case uploader.FileDone:
		v.finished++
		took := ""
		if t, ok := v.started[ev.Item]; ok {
			took = "  " + formatDuration(ev.Time.Sub(t))
		}
		replaced := ""
		if ev.Replaced {
			replaced = "  (replaced the existing file)"
		}
		v.line(v.out, "✓ %s  %s%s%s", ev.Rel, formatBytes(ev.Size), took, replaced)
	case uploader.FileFailed:
		v.finished++
		v.line(v.out, "✗ %s  %s", ev.Rel, ev.Message)
	case uploader.FileCancelled:
		v.finished++
	case uploader.FileSkipped:
		v.line(v.errw, "skipped %s: %s", ev.Rel, ev.Message)
	case uploader.JobContinued:
		v.line(v.errw, "%s", ev.Message)
	case uploader.JobEnded:
		// The summary is part of the record; what went wrong is repeated on stderr by
		// the command, file by file.
		v.clear()
		msg := ev.Message
		if ev.JobSent > 0 {
			msg += fmt.Sprintf(" %s sent in %s.", formatBytes(ev.JobSent), formatDuration(ev.Time.Sub(v.first)))
		}
		fmt.Fprintln(v.out, msg)
		return
	}
	v.draw(ev.Time, ev.Kind == uploader.FileDone || ev.Kind == uploader.FileFailed)
}

// line prints a whole line, keeping the bar below it.
func (v *humanView) line(w io.Writer, format string, args ...any) {
	v.clear()
	fmt.Fprintf(w, format+"\n", args...)
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
	return fmt.Sprintf("[%s] %d/%d files  %s / %s  %s  ETA %s", bar, v.finished, v.total,
		formatBytes(ev.JobSent), formatBytes(ev.JobSize), formatSpeed(ev.JobSpeed), formatETA(ev.JobETA))
}

// jsonEvent is one --json line. Sizes are bytes, speeds bytes per second; eta_seconds is
// null while unknown.
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
	JobName       string             `json:"job_name,omitempty"`
	JobHandle     string             `json:"job_handle,omitempty"`
	Error         string             `json:"error,omitempty"`
	Message       string             `json:"message,omitempty"`
	Replaced      bool               `json:"replaced,omitempty"`
}

// jsonView writes one JSON object per event and line.
type jsonView struct{ enc *json.Encoder }

func newJSONView(w io.Writer) jsonView { return jsonView{jsonLines(w)} }

func (v jsonView) event(ev uploader.Event) {
	j := jsonEvent{
		Kind: ev.Kind, Time: ev.Time.Format(time.RFC3339Nano), File: ev.Rel,
		Sent: ev.Sent, Size: ev.Size, Speed: ev.Speed, ETASeconds: seconds(ev.ETA),
		JobSent: ev.JobSent, JobSize: ev.JobSize, JobSpeed: ev.JobSpeed, JobETASeconds: seconds(ev.JobETA),
		Attempt: ev.Attempt, JobName: ev.JobName, JobHandle: ev.JobHandle, Replaced: ev.Replaced,
	}
	if ev.Err != nil {
		j.Error = words.Error(ev.Err)
	}
	if ev.Message != j.Error {
		j.Message = ev.Message
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

// formatBytes writes a size with binary units, as file managers do.
func formatBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit && exp < 4; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTP"[exp])
}

func formatSpeed(bps float64) string {
	if bps <= 0 {
		return "-- B/s"
	}
	return formatBytes(int64(bps)) + "/s"
}

// formatDuration is short and stable: 40ms, 12.3s, 4m05s, 2h07m.
func formatDuration(d time.Duration) string {
	switch {
	case d < time.Second:
		return fmt.Sprintf("%dms", d.Milliseconds())
	case d < time.Minute:
		return fmt.Sprintf("%.1fs", d.Seconds())
	case d < time.Hour:
		d = d.Round(time.Second)
		return fmt.Sprintf("%dm%02ds", int(d.Minutes()), int(d.Seconds())%60)
	default:
		d = d.Round(time.Minute)
		return fmt.Sprintf("%dh%02dm", int(d.Hours()), int(d.Minutes())%60)
	}
}

func formatETA(d time.Duration) string {
	if d < 0 {
		return "--"
	}
	if d < time.Minute {
		return fmt.Sprintf("%ds", int(d.Round(time.Second).Seconds()))
	}
	return formatDuration(d)
}
