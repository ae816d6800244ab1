package main

import (
	"fmt"
	"io"
	"time"

	"hoist/internal/words"
	"hoist/uploader"
)

// `hoist upload --wait` follows each Scene7 job after endJob until Scene7 has processed
// its files, then prints what became of each; `hoist job-log` prints the same per-file
// table for any job.

// followFirst is the first pause between two questions about a job; 0 = the engine's
// default. Tests shorten it.
var followFirst time.Duration

// followUpload follows every job of the upload that accepted files and returns the exit
// status: 1 when a file failed in Scene7 or a job could not be followed to its end.
func (c *cli) followUpload(client *uploader.Client, req uploader.Request, res *uploader.Result, f *uploadFlags, base string) int {
	code := exitOK
	for _, j := range res.Jobs {
		var rels []string
		for _, fr := range res.Files {
			if fr.State == uploader.StateDone && fr.JobHandle == j.Handle {
				rels = append(rels, fr.Rel)
			}
		}
		if len(rels) == 0 || c.ctx.Err() != nil {
			continue
		}
		fq := uploader.FollowRequest{
			Conn: req.Conn, JobHandle: j.Handle,
			DestFolder: req.DestFolder, Files: rels, Limit: f.waitLimit, First: followFirst,
		}
		var onEvent func(uploader.FollowEvent)
		if f.json {
			onEvent = newJSONFollowView(c.stdout, base).event
		} else {
			onEvent = newHumanFollowView(c.stdout, c.stderr, base, fq.Limit).event
		}
		fres, err := client.Follow(c.ctx, fq, onEvent)
		switch {
		case err != nil:
			c.complain("upload", words.Error(err))
			code = exitFailed
		case uploader.CountOutcomes(fres.Files, uploader.Failed) > 0:
			code = exitFailed
		}
		if fres != nil {
			c.reportFailedInScene7(fres.Files)
		}
	}
	return code
}

// reportFailedInScene7 names on stderr each file Scene7 could not process.
func (c *cli) reportFailedInScene7(outs []uploader.FileOutcome) {
	n := uploader.CountOutcomes(outs, uploader.Failed)
	if n == 0 {
		return
	}
	fmt.Fprintln(c.stderr, words.N("cli.follow.failed_in_scene7", n, nil))
	for _, o := range outs {
		if o.Outcome == uploader.Failed {
			fmt.Fprintln(c.stderr, "  "+words.T("cli.item", words.A{"File": words.FileName(o.Rel), "Reason": words.ServerText(o.Message)}))
		}
	}
}

// outcomeMark is the first column of an outcome line.
func outcomeMark(o uploader.Outcome) string {
	switch o {
	case uploader.Processed:
		return words.T("cli.outcome.processed", nil)
	case uploader.Warnings:
		return words.T("cli.outcome.warnings", nil)
	case uploader.Failed:
		return words.T("cli.outcome.failed", nil)
	case uploader.Replaced:
		return words.T("cli.outcome.replaced", nil)
	}
	return words.T("cli.outcome.no_word", nil)
}

// outcomeLine is one file's outcome for people, with its link when it is ready and the
// connection has a published base.
func outcomeLine(o uploader.FileOutcome, base string) string {
	s := outcomeMark(o.Outcome) + "  " + words.FileName(o.Rel)
	switch o.Outcome {
	case uploader.Processed:
		if link, err := uploader.PublishLink(base, o.AssetID); err == nil {
			s += "  " + link
		}
	case uploader.Warnings:
		if link, err := uploader.PublishLink(base, o.AssetID); err == nil {
			s += "  " + link
		}
		s += "  " + words.ServerText(o.Message)
	case uploader.Failed:
		s += "  " + words.ServerText(o.Message)
	case uploader.Replaced:
		s += "  " + replacedBy(o)
	}
	return s
}

// replacedBy says which later file of the job took a replaced file's asset.
func replacedBy(o uploader.FileOutcome) string {
	return words.T("cli.outcome.replaced_by", words.A{"File": words.FileName(o.ReplacedBy)})
}

// humanFollowView prints one line per file on out, and on errw what Scene7 is doing
// meanwhile (only when it changes, so that a log stays short).
type humanFollowView struct {
	out, errw io.Writer
	base      string
	limit     time.Duration
	progress  string
	files     []uploader.FileOutcome
}

func newHumanFollowView(out, errw io.Writer, base string, limit time.Duration) *humanFollowView {
	if limit <= 0 {
		limit = uploader.DefaultFollowLimit
	}
	return &humanFollowView{out: out, errw: errw, base: base, limit: limit}
}

func (v *humanFollowView) event(ev uploader.FollowEvent) {
	switch ev.Kind {
	case uploader.FollowStarted:
		fmt.Fprintln(v.errw, words.T("cli.follow.waiting", words.A{"Handle": words.FileName(ev.JobHandle), "Limit": words.Duration(v.limit)}))
	case uploader.JobProcessing:
		if ev.Progress != v.progress {
			v.progress = ev.Progress
			fmt.Fprintln(v.errw, words.FollowEvent(ev))
		}
	case uploader.FileProcessed:
		o := uploader.FileOutcome{Item: ev.Item, Rel: ev.Rel, AssetID: ev.AssetID, Outcome: ev.Outcome, Message: ev.Said, ReplacedBy: ev.ReplacedBy}
		v.files = append(v.files, o)
		if ev.Item >= 0 {
			fmt.Fprintln(v.out, outcomeLine(o, v.base))
		}
	case uploader.FollowEnded:
		if ev.Err == nil {
			fmt.Fprintln(v.out, outcomeSummary(v.files))
		}
		if v.base == "" && uploader.CountOutcomes(v.files, uploader.Processed)+uploader.CountOutcomes(v.files, uploader.Warnings) > 0 {
			fmt.Fprintln(v.errw, words.T("cli.follow.no_base", words.A{"Where": words.WherePublishBase()}))
		}
	}
}

// jsonFollowEvent is one --json line of the follow-up. Outcome is "processed",
// "warnings", "failed", "replaced" (by ReplacedBy) or "no word".
type jsonFollowEvent struct {
	Kind       uploader.FollowKind `json:"kind"`
	Time       string              `json:"time"`
	JobHandle  string              `json:"job_handle"`
	File       string              `json:"file,omitempty"`
	AssetID    string              `json:"asset_id,omitempty"`
	Outcome    *uploader.Outcome   `json:"outcome,omitempty"`
	LogType    string              `json:"log_type,omitempty"`
	State      string              `json:"state,omitempty"`
	Progress   string              `json:"progress,omitempty"`
	Link       string              `json:"link,omitempty"`
	Said       string              `json:"scene7_said,omitempty"`
	ReplacedBy string              `json:"replaced_by,omitempty"`
	Error      string              `json:"error,omitempty"`
}

type jsonFollowView struct {
	view jsonView
	base string
}

func newJSONFollowView(w io.Writer, base string) jsonFollowView {
	return jsonFollowView{newJSONView(w), base}
}

func (v jsonFollowView) event(ev uploader.FollowEvent) {
	j := jsonFollowEvent{Kind: ev.Kind, Time: ev.Time.Format(time.RFC3339Nano), JobHandle: ev.JobHandle, File: ev.Rel,
		AssetID: ev.AssetID, LogType: ev.LogType, State: ev.State, Progress: ev.Progress, Said: ev.Said, ReplacedBy: ev.ReplacedBy}
	if ev.Kind == uploader.FileProcessed {
		o := ev.Outcome
		j.Outcome = &o
		if o == uploader.Processed || o == uploader.Warnings {
			j.Link, _ = uploader.PublishLink(v.base, ev.AssetID)
		}
	}
	if ev.Err != nil {
		j.Error = ev.Err.Error() // the same for every language, as in jsonEvent
	}
	_ = v.view.enc.Encode(j)
}

// printOutcomes writes the per-file outcome table of a job's log.
func printOutcomes(w io.Writer, outs []uploader.FileOutcome, base string) {
	if len(outs) == 0 {
		return
	}
	t := newTable("  ", words.T("cli.outcomes.header", nil))
	for _, o := range outs {
		link := ""
		if o.Outcome == uploader.Processed || o.Outcome == uploader.Warnings {
			link, _ = uploader.PublishLink(base, o.AssetID)
		}
		said := words.ServerText(o.Message)
		if o.Outcome == uploader.Replaced {
			said = replacedBy(o)
		}
		// The asset ID is the file's name as Scene7 keeps it: written as a name.
		t.add(words.FileName(o.Rel), words.FileName(o.AssetID), outcomeMark(o.Outcome), link, said)
	}
	t.write(w)
	fmt.Fprintf(w, "  %s\n", outcomeSummary(outs))
}

// outcomeSummary counts what became of a job's files (uploader.TallyOutcomes): how many
// are ready (with warnings), failed in Scene7 or had no word. The CLI words it itself
// rather than with words.OutcomeSummary, so that French agrees with the ready files
// ("Fichiers prêts dans Scene7 : 1 sur 2") whatever the total.
func outcomeSummary(outs []uploader.FileOutcome) string {
	t := uploader.TallyOutcomes(outs)
	s := words.N("cli.outcomes.ready", t.Files, words.A{"Ready": t.Ready})
	for _, part := range []struct {
		id string
		n  int
	}{{"cli.outcomes.with_warnings", t.Warnings}, {"cli.outcomes.failed", t.Failed}, {"cli.outcomes.no_word", t.NoWord},
		{"cli.outcomes.replaced", t.Replaced}} {
		if part.n > 0 {
			s += words.N(part.id, part.n, nil)
		}
	}
	return s + words.T("cli.summary.end", nil)
}
